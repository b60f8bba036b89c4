package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AttributeScalingTest {

    private static final double TOLERANCE = 1e-9;
    private static final int DV = 3;
    private static final int DE = 2;

    /** Seeded random graphs with attributes far from the origin, as raw coordinates are. */
    private static List<Graph> sample(long seed, int count, int maxOrder) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Graph g = RandomGraphs.graph(random, 1 + random.nextInt(maxOrder), DV, DE, 0.5,
                    false);
            graphs.add(shift(g, 5.0));
        }
        return graphs;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** The graph with {@code delta} added to every node channel. */
    private static Graph shift(Graph g, double delta) {
        double[] nodes = g.nodeArray();
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] += delta;
        }
        return Graph.fromArrays(g.order(), g.nodeDimension(), g.edgeDimension(),
                g.isDirected(), nodes, g.edgeArray());
    }

    /** A graph without edges whose nodes carry the given vectors. */
    private static Graph nodes(double[]... vectors) {
        Graph.Builder builder = Graph.builder(vectors[0].length, 0);
        for (double[] v : vectors) {
            builder.addNode(v);
        }
        return builder.build();
    }

    /** The graph distance by enumerating every permutation of the padded order. */
    private static double bruteForceDistance(GraphSpace space, Graph x, Graph y) {
        int m = Math.max(x.order(), y.order());
        double best = Double.POSITIVE_INFINITY;
        int[] image = range(m);
        do {
            best = Math.min(best, space.squaredDistance(x, y, Permutation.of(image.clone())));
        } while (nextPermutation(image));
        return Math.sqrt(best);
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    @Test
    void identityChangesNoGraph() {
        for (Graph g : sample(1, 20, 6)) {
            assertEquals(g, AttributeScaling.identity(DV, DE).apply(g));
        }
    }

    @Test
    void standardizedChannelsHaveZeroMeanAndUnitDeviationOnTheTrainingNodes() {
        List<Graph> training = sample(2, 30, 6);
        AttributeScaling scaling = AttributeScaling.standardize(training, 0, 2);
        List<Graph> scaled = scaling.applyAll(training);
        for (int c : new int[] {0, 2}) {
            double sum = 0.0;
            double squares = 0.0;
            int nodes = 0;
            for (Graph g : scaled) {
                for (int i = 0; i < g.order(); i++) {
                    sum += g.node(i, c);
                    squares += g.node(i, c) * g.node(i, c);
                    nodes++;
                }
            }
            assertEquals(0.0, sum / nodes, TOLERANCE, "mean of channel " + c);
            assertEquals(1.0, squares / nodes, TOLERANCE, "variance of channel " + c);
        }
        // Channel 1 and the edges are not touched.
        for (int k = 0; k < training.size(); k++) {
            Graph g = training.get(k);
            for (int i = 0; i < g.order(); i++) {
                assertEquals(g.node(i, 1), scaled.get(k).node(i, 1), 0.0);
            }
            assertEquals(g.edgeSquaredNorm(), scaled.get(k).edgeSquaredNorm(), 0.0);
        }
    }

    @Test
    void normalizedEdgeChannelsHaveUnitRootMeanSquareAndKeepTheirSupport() {
        List<Graph> training = sample(3, 30, 6);
        AttributeScaling scaling = AttributeScaling.fit(training, new int[0], new int[] {1});
        double squares = 0.0;
        long pairs = 0;
        for (Graph g : training) {
            Graph s = scaling.apply(g);
            assertEquals(g.edgeCount(), s.edgeCount());
            for (int i = 0; i < g.order(); i++) {
                for (int j : g.successors(i)) {
                    assertTrue(s.hasEdge(i, j), "edge (" + i + ", " + j + ") kept");
                    assertEquals(g.edge(i, j, 0), s.edge(i, j, 0), 0.0);
                    squares += s.edge(i, j, 1) * s.edge(i, j, 1);
                    pairs++;
                }
            }
        }
        assertEquals(1.0, squares / pairs, TOLERANCE);
    }

    @Test
    void fittedOnTrainingOnlyAndAppliedUnchangedToOtherGraphs() {
        List<Graph> training = sample(4, 20, 5);
        List<Graph> other = sample(5, 5, 5);
        AttributeScaling scaling = AttributeScaling.standardize(training, 0, 1, 2);
        double[] offsets = scaling.nodeOffsets();
        double[] factors = scaling.nodeFactors();
        for (Graph g : other) {
            Graph s = scaling.apply(g);
            for (int i = 0; i < g.order(); i++) {
                for (int c = 0; c < DV; c++) {
                    assertEquals((g.node(i, c) - offsets[c]) * factors[c], s.node(i, c),
                            TOLERANCE);
                }
            }
        }
    }

    @Test
    void applyCommutesWithRelabelling() {
        SplittableRandom random = new SplittableRandom(6);
        AttributeScaling scaling = AttributeScaling.fit(sample(6, 20, 6), new int[] {0, 1, 2},
                new int[] {0, 1}).withExistenceChannel(1.5);
        for (Graph g : sample(7, 20, 6)) {
            Permutation p = Permutation.random(g.order(), random);
            assertEquals(scaling.apply(g).permute(p), scaling.apply(g.permute(p)));
        }
    }

    @Test
    void distancesAfterScalingAreInvariantUnderRelabellingOfEitherGraph() {
        SplittableRandom random = new SplittableRandom(8);
        List<Graph> graphs = sample(9, 12, 5);
        AttributeScaling scaling = AttributeScaling.fit(graphs, new int[] {0, 1, 2},
                new int[] {0}).withExistenceChannel(2.0);
        List<Graph> scaled = scaling.applyAll(graphs);
        GraphSpace space = GraphSpace.of(scaled).withWeights(1.0, 0.5);
        for (int k = 0; k + 1 < graphs.size(); k += 2) {
            Graph x = graphs.get(k);
            Graph y = graphs.get(k + 1);
            double d = bruteForceDistance(space, scaled.get(k), scaled.get(k + 1));
            Graph xr = scaling.apply(x.permute(Permutation.random(x.order(), random)));
            Graph yr = scaling.apply(y.permute(Permutation.random(y.order(), random)));
            assertEquals(d, bruteForceDistance(space, xr, yr), TOLERANCE);
        }
    }

    @Test
    void unmatchedNodeCostsItsSquaredStandardizedNormPlusTheSquaredExistenceValue() {
        // One node at raw (4, 6); fitted mean (3, 2) and deviation (1, 2) from the nodes
        // (2, 0), (4, 4): so z = ((4 - 3) / 1, (6 - 2) / 2) = (1, 2), ||z||^2 = 5.
        Graph a = nodes(new double[] {2.0, 0.0}, new double[] {4.0, 4.0});
        AttributeScaling scaling = AttributeScaling.standardize(List.of(a), 0, 1)
                .withExistenceChannel(3.0);
        Graph single = scaling.apply(nodes(new double[] {4.0, 6.0}));
        Graph empty = scaling.apply(Graph.builder(2, 0).build());
        GraphSpace space = GraphSpace.of(List.of(single, empty));
        assertEquals(3, scaling.outputNodeDimension());
        assertEquals(5.0 + 9.0, space.squaredDistance(single, empty, Permutation.identity(1)),
                TOLERANCE);
    }

    @Test
    void constantChannelIsOnlyCentred() {
        Graph a = nodes(new double[] {7.0}, new double[] {7.0});
        AttributeScaling scaling = AttributeScaling.standardize(List.of(a), 0);
        assertEquals(1.0, scaling.nodeFactors()[0], 0.0);
        assertEquals(7.0, scaling.nodeOffsets()[0], 0.0);

        // Ten nodes of 0.1 sum to 0.9999999999999999, whose tenth is not 0.1: the channel is
        // still constant, not scaled by the inverse of a rounding error.
        double[][] tenths = new double[10][];
        Arrays.fill(tenths, new double[] {0.1});
        AttributeScaling rounded = AttributeScaling.standardize(List.of(nodes(tenths)), 0);
        assertEquals(1.0, rounded.nodeFactors()[0], 0.0);
        assertEquals(0.1, rounded.nodeOffsets()[0], 0.0);
        assertEquals(0.1, rounded.apply(nodes(new double[] {0.2})).node(0, 0), 1e-15);
    }

    @Test
    void zeroFactorsDropChannelsAndEdges() {
        for (Graph g : sample(10, 10, 6)) {
            Graph s = AttributeScaling.identity(DV, DE).timesNodeFactor(1, 0.0)
                    .timesEdgeFactor(0, 0.0).timesEdgeFactor(1, 0.0).apply(g);
            assertEquals(0, s.edgeCount());
            for (int i = 0; i < g.order(); i++) {
                assertEquals(0.0, s.node(i, 1), 0.0);
                assertEquals(g.node(i, 2), s.node(i, 2), 0.0);
            }
        }
    }

    @Test
    void zeroExistenceValueAppendsNoChannel() {
        AttributeScaling scaling = AttributeScaling.identity(DV, DE).withExistenceChannel(0.0);
        assertEquals(DV, scaling.outputNodeDimension());
        Graph g = sample(11, 1, 4).get(0);
        assertEquals(g, scaling.apply(g));
    }

    @Test
    void rejectsBadInput() {
        List<Graph> graphs = sample(12, 3, 4);
        AttributeScaling identity = AttributeScaling.identity(DV, DE);
        assertThrows(IllegalArgumentException.class, () -> AttributeScaling.identity(-1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> AttributeScaling.standardize(List.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> AttributeScaling.standardize(List.of(Graph.builder(DV, DE).build()), 0));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> AttributeScaling.standardize(graphs, DV));
        assertTrue(range.getMessage().contains("channel " + DV), range.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AttributeScaling.standardize(graphs, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> AttributeScaling.fit(graphs, new int[0], new int[] {DE}));
        assertThrows(IllegalArgumentException.class, () -> identity.timesNodeFactor(0, -1.0));
        assertThrows(IllegalArgumentException.class,
                () -> identity.timesEdgeFactor(0, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> identity.withExistenceChannel(Double.POSITIVE_INFINITY));
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> identity.applyAll(List.of(graphs.get(0), Graph.builder(1, 1).build())));
        assertTrue(dims.getMessage().startsWith("graphs[1]"), dims.getMessage());
    }

    @Test
    void hugeValuesAreStandardizedWithoutOverflow() {
        double big = 1e200;
        List<Graph> huge = List.of(nodes(new double[] {big}, new double[] {-3.0 * big}),
                nodes(new double[] {2.0 * big}));
        List<Graph> small = List.of(nodes(new double[] {1.0}, new double[] {-3.0}),
                nodes(new double[] {2.0}));

        AttributeScaling fitted = AttributeScaling.standardize(huge, 0);
        AttributeScaling reference = AttributeScaling.standardize(small, 0);

        assertEquals(reference.nodeOffsets()[0] * big, fitted.nodeOffsets()[0], 1e-12 * big);
        assertEquals(reference.nodeFactors()[0] / big, fitted.nodeFactors()[0],
                1e-12 / big);
        assertTrue(fitted.nodeFactors()[0] > 0.0, "the channel is scaled, not dropped");
    }

    @Test
    void equalSettingsMakeEqualScalings() {
        List<Graph> training = sample(3L, 6, 5);
        AttributeScaling a = AttributeScaling.standardize(training, 0, 2);
        AttributeScaling b = AttributeScaling.standardize(new ArrayList<>(training), 0, 2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, AttributeScaling.standardize(training, 0));
        assertNotEquals(a, a.withExistenceChannel(1.0));
        assertNotEquals(a, a.timesEdgeFactor(1, 2.0));
        assertEquals(AttributeScaling.identity(2, 1), AttributeScaling.identity(2, 1)
                .timesNodeFactor(0, 1.0));
        NodeKernelEmbedding map = NodeKernelEmbedding.gaussian(DV, new int[] {0, 1}, 1.0, 8,
                NodeKernelEmbedding.Sampling.RANDOM, 9L);
        assertEquals(a.withNodeKernel(map), b.withNodeKernel(NodeKernelEmbedding.gaussian(DV,
                new int[] {0, 1}, 1.0, 8, NodeKernelEmbedding.Sampling.RANDOM, 9L)));
        assertNotEquals(a.withNodeKernel(map), b);
    }

    @Test
    void negativeZeroMultipliersGiveZero() {
        AttributeScaling s = AttributeScaling.identity(2, 1).timesNodeFactor(1, -0.0)
                .timesEdgeFactor(0, -0.0).withExistenceChannel(-0.0);
        assertEquals("[1.0, 0.0]", Arrays.toString(s.nodeFactors()));
        assertEquals("[0.0]", Arrays.toString(s.edgeFactors()));
        assertEquals(0.0, s.existenceValue());
        assertEquals(1.0 / s.existenceValue(), Double.POSITIVE_INFINITY, "0.0, not -0.0");
        assertEquals(AttributeScaling.identity(2, 1).timesNodeFactor(1, 0.0)
                .timesEdgeFactor(0, 0.0), AttributeScaling.identity(2, 1)
                .timesNodeFactor(1, -0.0).timesEdgeFactor(0, -0.0));
    }

    @Test
    void overflowingFactorsAreRefusedWhereFormed() {
        AttributeScaling once = AttributeScaling.identity(1, 1).timesNodeFactor(0, 1e308);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> once.timesNodeFactor(0, 1e308));
        assertTrue(e.getMessage().contains("node channel 0") && e.getMessage()
                .contains("overflows") && e.getMessage().contains("AttributeScaling["),
                e.getMessage());
        AttributeScaling edges = AttributeScaling.identity(1, 1).timesEdgeFactor(0, 1e200);
        e = assertThrows(IllegalArgumentException.class, () -> edges.timesEdgeFactor(0, 1e200));
        assertTrue(e.getMessage().contains("edge channel 0"), e.getMessage());
    }

    @Test
    void nullGraphsAreNamed() {
        List<Graph> training = new ArrayList<>(sample(4L, 3, 4));
        training.add(1, null);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> AttributeScaling.standardize(training, 0));
        assertEquals("training[1]", e.getMessage());
        assertEquals("training", assertThrows(NullPointerException.class,
                () -> AttributeScaling.standardize(null, 0)).getMessage());
    }

    @Test
    void tinyChannelsAreStandardizedDespiteUnderflow() {
        // Values 1e-170 apart: their squared deviations underflow to 0 in plain sums.
        Graph g = nodes(new double[] {1e-170}, new double[] {2e-170}, new double[] {3e-170});
        AttributeScaling s = AttributeScaling.standardize(List.of(g), 0);
        double sd = Math.sqrt(2.0 / 3.0) * 1e-170;
        assertEquals(2e-170, s.nodeOffsets()[0], 1e-184);
        assertEquals(1.0 / sd, s.nodeFactors()[0], 1e-14 / sd);
        Graph scaled = s.apply(g);
        assertEquals(-Math.sqrt(1.5), scaled.node(0, 0), 1e-12);
        assertEquals(Math.sqrt(1.5), scaled.node(2, 0), 1e-12);

        Graph.Builder b = Graph.builder(1, 1);
        b.addNode(1.0);
        b.addNode(1.0);
        b.addNode(1.0);
        b.addEdge(0, 1, 3e-170);
        b.addEdge(1, 2, 4e-170);
        Graph tiny = b.build();
        double factor = AttributeScaling.fit(List.of(tiny), new int[0], new int[] {0})
                .edgeFactors()[0];
        double rms = Math.sqrt(12.5) * 1e-170;
        assertEquals(1.0 / rms, factor, 1e-12 / rms, "not the factor 1 of an all-zero channel");
        b.addEdge(0, 2, 1e200);
        factor = AttributeScaling.fit(List.of(b.build()), new int[0], new int[] {0})
                .edgeFactors()[0];
        assertEquals(Math.sqrt(3.0) * 1e-200, factor, 1e-12 * factor,
                "not the factor 0 of an overflowing sum");
    }
}
