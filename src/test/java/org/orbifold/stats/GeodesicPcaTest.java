package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.NpyReader;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.FaqAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class GeodesicPcaTest {

    private static final double TOL = 1e-9;

    private static final Aligner EXACT = new BruteForceAligner();

    /** Graphs {@code M + s_i V + noise}, relabelled at random, with the truth. */
    private record Line(GraphSpace space, Graph mean, Graph direction, double[] positions,
            List<Graph> graphs) {
    }

    /**
     * A line of 5-node undirected graphs: node attributes (a distinct position per node, so
     * alignments are identifiable, plus an existence channel), edge weights; the direction
     * moves the node attributes and the weights of three edges.
     */
    private static Line line(long seed, int count, double noise, boolean relabel) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] nodes = {{0.0, 1}, {1.0, 1}, {2.0, 1}, {3.0, 1}, {4.0, 1}};
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 2}};
        double[] edgeWeights = {1.0, 1.2, 0.8, 1.1, 0.9};
        double[] nodeMoves = {0.3, -0.2, 0.1, 0.25, -0.3};
        double[] edgeMoves = {0.4, -0.3, 0.0, 0.2, 0.0};
        Graph mean = build(nodes, edges, edgeWeights, null, null, 0.0, null, 0.0);
        Graph direction = build(new double[5][2], edges, new double[5], nodeMoves, edgeMoves,
                1.0, null, 0.0);
        GraphSpace space = GraphSpace.of(List.of(mean));
        double norm = Math.sqrt(space.squaredNorm(direction));
        direction = build(new double[5][2], edges, new double[5], nodeMoves, edgeMoves,
                1.0 / norm, null, 0.0);
        double[] positions = new double[count];
        List<Graph> graphs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions[i] = -1.5 + 3.0 * random.nextDouble();
            Graph g = build(nodes, edges, edgeWeights, nodeMoves, edgeMoves,
                    positions[i] / norm, random, noise);
            graphs.add(relabel ? TestGraphs.relabel(g, random) : g);
        }
        return new Line(space, mean, direction, positions, graphs);
    }

    private static Graph build(double[][] nodes, int[][] edges, double[] weights,
            double[] nodeMoves, double[] edgeMoves, double s, SplittableRandom random,
            double noise) {
        Graph.Builder b = Graph.builder(2, 1);
        for (int i = 0; i < nodes.length; i++) {
            double move = nodeMoves == null ? 0.0 : s * nodeMoves[i];
            double jitter = random == null ? 0.0 : noise * (random.nextDouble() - 0.5);
            b.addNode(nodes[i][0] + move + jitter, nodes[i][1]);
        }
        for (int e = 0; e < edges.length; e++) {
            double move = edgeMoves == null ? 0.0 : s * edgeMoves[e];
            double jitter = random == null ? 0.0 : noise * (random.nextDouble() - 0.5);
            double w = weights[e] + move + jitter;
            if (w != 0.0) {
                b.addEdge(edges[e][0], edges[e][1], w);
            }
        }
        return b.build();
    }

    private static GeodesicPca pca(Aligner aligner, int components) {
        return GeodesicPca.builder().aligner(aligner).components(components).build();
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static void assertMonotone(double[] trace) {
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], "trace rises at " + t + ": " + trace[t - 1]
                    + " -> " + trace[t]);
        }
    }

    private static void assertRatios(GeodesicPcaResult result) {
        double[] ratios = result.explainedVarianceRatios();
        double sum = 0.0;
        for (int k = 0; k < ratios.length; k++) {
            assertTrue(ratios[k] >= 0.0, "ratio " + k + " = " + ratios[k]);
            if (k > 0) {
                assertTrue(ratios[k] <= ratios[k - 1], "ratios rise at " + k);
            }
            sum += ratios[k];
        }
        assertTrue(sum <= 1.0 + 1e-12, "ratios sum to " + sum);
    }

    /** Checks the invariants every result keeps. */
    private static void assertConsistent(GraphSpace space, List<Graph> graphs,
            GeodesicPcaResult result) {
        double[] trace = result.trace();
        assertMonotone(trace);
        assertEquals(result.iterations() + 1, trace.length);
        assertEquals(trace[trace.length - 1], result.objective(), 0.0);
        assertRatios(result);

        // The objective is the sum of the alignments' squared distances to their points.
        double sum = 0.0;
        double[] s = result.scores();
        for (int i = 0; i < graphs.size(); i++) {
            Alignment a = result.alignments().get(i);
            Graph point = result.point(space, s[i]);
            double expected = space.squaredDistance(point, graphs.get(i), a.permutation());
            assertEquals(expected, a.squaredDistance(), 1e-9 * Math.max(1.0, expected));
            sum += expected;
        }
        assertEquals(sum, result.objective(), 1e-9 * Math.max(1.0, sum));

        // The objective is what PC1 leaves of the total sum of squares.
        double explained = result.explainedVarianceRatios()[0] * result.totalSumOfSquares();
        assertEquals(result.totalSumOfSquares() - explained, result.objective(),
                1e-8 * Math.max(1.0, result.totalSumOfSquares()));

        // The directions are orthonormal or zero in the weighted inner product.
        List<Graph> directions = result.components();
        for (int a = 0; a < directions.size(); a++) {
            for (int b = a; b < directions.size(); b++) {
                double dot = space.similarity(directions.get(a), directions.get(b),
                        Permutation.identity(space.size()));
                double ratio = result.explainedVarianceRatios()[a];
                double expected = a == b && ratio > 0.0 ? 1.0 : 0.0;
                assertEquals(expected, dot, 1e-9, "directions " + a + ", " + b);
            }
        }

        // The scores are centered.
        double scoreSum = 0.0;
        for (double v : s) {
            scoreSum += v;
        }
        assertEquals(0.0, scoreSum / s.length, 1e-9 * Math.max(1.0,
                Math.sqrt(result.totalSumOfSquares())));
    }

    @Test
    void recoversTheLineOfRelabelledGraphs() {
        Line truth = line(1, 14, 0.02, true);
        GraphSpace space = GraphSpace.of(truth.graphs());

        GeodesicPcaResult result = pca(EXACT, 2).compute(space, truth.graphs());

        // Align the true mean to the found one, then compare the directions under it.
        Alignment a = EXACT.align(space, result.mean(), truth.mean());
        double cos = space.similarity(result.direction(), truth.direction(), a.permutation())
                / Math.sqrt(space.squaredNorm(truth.direction()));
        assertEquals(1.0, Math.abs(cos), 1e-3, "cos(V, V_true)");
        assertEquals(1.0, Math.abs(correlation(result.scores(), truth.positions())), 1e-3);
        assertTrue(result.explainedVarianceRatios()[0] > 0.95,
                "ratio " + result.explainedVarianceRatios()[0]);
        assertEquals(Status.CONVERGED, result.status());
        assertConsistent(space, truth.graphs(), result);
    }

    @Test
    void mismatchedCountsAreNamedInTheRightNumber() {
        Line truth = line(3, 10, 0.05, true);
        GraphSpace space = GraphSpace.of(truth.graphs());
        GeodesicPcaResult r = GeodesicPca.builder().aligner(EXACT).components(1)
                .maxIterations(0).build().compute(space, truth.graphs());
        IllegalArgumentException ratios = assertThrows(IllegalArgumentException.class,
                () -> new GeodesicPcaResult(r.mean(), r.components(), new double[] {0.5, 0.5},
                        r.totalSumOfSquares(), r.componentScores(), r.alignments(),
                        r.objective(), r.iterations(), r.trace(), r.status(), r.fixedPoint()));
        assertEquals("2 ratios for 1 direction", ratios.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> new GeodesicPcaResult(r.mean(), r.components(),
                        r.explainedVarianceRatios(), r.totalSumOfSquares(), new double[2][1],
                        r.alignments().subList(0, 1), r.objective(), r.iterations(), r.trace(),
                        r.status(), r.fixedPoint()));
        assertEquals("2 score rows for 1 graph", rows.getMessage());
    }

    /**
     * A run that ends at a fixed point has alignments made for the final line, certified by
     * an exact aligner and optimal for each graph's point (brute force); a run kept at the
     * start ({@code maxIterations = 0}) is not at a fixed point and certifies none, whatever
     * the aligner proved for the mean.
     */
    @Test
    void fixedPointSaysWhetherTheAlignmentsWereMadeForTheFinalLine() {
        Line truth = line(3, 10, 0.05, true);
        GraphSpace space = GraphSpace.of(truth.graphs());

        GeodesicPcaResult kept = GeodesicPca.builder().aligner(EXACT).components(1)
                .maxIterations(0).build().compute(space, truth.graphs());
        assertFalse(kept.fixedPoint());
        assertEquals(Status.MAX_ITERATIONS, kept.status());
        for (Alignment a : kept.alignments()) {
            assertEquals(a.squaredDistance() == 0.0, a.certified(), a.toString());
        }

        GeodesicPcaResult full = GeodesicPca.builder().aligner(EXACT).components(1)
                .tolerance(0.0).build().compute(space, truth.graphs());
        assertTrue(full.fixedPoint());
        assertEquals(Status.CONVERGED, full.status());
        double[] s = full.scores();
        for (int i = 0; i < s.length; i++) {
            Alignment a = full.alignments().get(i);
            assertTrue(a.certified(), "alignment " + i);
            Alignment best = EXACT.align(space, full.point(space, s[i]), truth.graphs().get(i));
            assertEquals(best.similarity(), a.similarity(), 1e-9 * Math.max(1.0,
                    Math.abs(best.similarity())), "alignment " + i);
        }
    }

    @Test
    void traceNeverRisesWithHeuristicAligners() {
        int steps = 0;
        for (long seed = 0; seed < 4; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 12, 4, 7, 2, 0.4);
            GraphSpace space = GraphSpace.of(graphs);
            for (Aligner aligner : List.of(new FaqAligner(seed), new ForgetfulAligner())) {
                // From the mean, and from random alignments to the medoid (a mean of 0
                // iterations under the forgetful aligner), a poor start that leaves the
                // alternation much to do.
                CenterResult poor = FrechetMean.builder().aligner(new ForgetfulAligner())
                        .maxIterations(0).build().compute(space, graphs);
                for (CenterResult start : java.util.Arrays.asList(null, poor)) {
                    GeodesicPcaResult result = GeodesicPca.builder().aligner(aligner)
                            .components(3).tolerance(0.0).maxIterations(30).start(start)
                            .build().compute(space, graphs);
                    assertConsistent(space, graphs, result);
                    steps += result.iterations();
                }
            }
        }
        assertTrue(steps >= 8, "only " + steps + " steps in all: the test checks little");
    }

    @Test
    void invariantUnderRelabellingAndReorderingTheInputs() {
        Line truth = line(3, 10, 0.05, true);
        GraphSpace space = GraphSpace.of(truth.graphs());
        GeodesicPcaResult reference = pca(EXACT, 2).compute(space, truth.graphs());

        // Every graph relabelled again.
        SplittableRandom random = new SplittableRandom(9);
        List<Graph> relabelled = new ArrayList<>();
        for (Graph g : truth.graphs()) {
            relabelled.add(TestGraphs.relabel(g, random));
        }
        GeodesicPcaResult other = pca(EXACT, 2).compute(space, relabelled);
        assertSameUpToSign(reference, other, identityOrder(truth.graphs().size()));

        // The list reversed.
        List<Graph> reversed = new ArrayList<>(truth.graphs());
        java.util.Collections.reverse(reversed);
        int[] order = new int[reversed.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = order.length - 1 - i;
        }
        assertSameUpToSign(reference, pca(EXACT, 2).compute(space, reversed), order);
    }

    private static int[] identityOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Asserts equal objectives and ratios, and scores equal up to one sign per direction. */
    private static void assertSameUpToSign(GeodesicPcaResult a, GeodesicPcaResult b,
            int[] order) {
        assertEquals(a.objective(), b.objective(), 1e-9);
        assertArrayEquals(a.explainedVarianceRatios(), b.explainedVarianceRatios(), 1e-9);
        double[][] sa = a.componentScores();
        double[][] sb = b.componentScores();
        for (int k = 0; k < sa[0].length; k++) {
            double sign = Math.signum(sa[0][k]) * Math.signum(sb[order[0]][k]);
            for (int i = 0; i < sa.length; i++) {
                assertEquals(sa[i][k], sign * sb[order[i]][k], 1e-7, "graph " + i + ", pc "
                        + k);
            }
        }
    }

    @Test
    void sameResultForOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(5, 16, 4, 8, 1, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        List<GeodesicPcaResult> results = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                results.add(GeodesicPca.builder().aligner(new FaqAligner(7)).executor(pool)
                        .seed(11).build().compute(space, graphs));
            } finally {
                pool.shutdownNow();
            }
        }
        GeodesicPcaResult one = results.get(0);
        GeodesicPcaResult four = results.get(1);
        assertArrayEquals(one.trace(), four.trace(), 0.0);
        assertEquals(one.mean(), four.mean());
        assertEquals(one.components(), four.components());
        assertArrayEquals(one.scores(), four.scores(), 0.0);
        assertEquals(one.alignments(), four.alignments());
        // The record compares its arrays by content, so the results are equal.
        assertEquals(one, four);
        assertEquals(one.hashCode(), four.hashCode());
        assertEquals(one.toString(), four.toString());
    }

    @Test
    void identityAlignerOnAlignedDataIsPlainWeightedPca() {
        Line truth = line(4, 9, 0.3, false);
        double nodeWeight = 2.0;
        double edgeWeight = 0.5;
        GraphSpace space = GraphSpace.of(truth.graphs()).withWeights(nodeWeight, edgeWeight);

        GeodesicPcaResult result = pca(new IdentityAligner(), 3).compute(space,
                truth.graphs());

        // Plain PCA of the coordinates scaled by the square roots of the weights (undirected
        // edges once, their weight doubled), by Commons Math on the covariance matrix.
        int n = truth.graphs().size();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = scaled(truth.graphs().get(i), nodeWeight, edgeWeight);
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        RealMatrix scatter = new Array2DRowRealMatrix(d, d);
        double total = 0.0;
        for (double[] row : rows) {
            for (int p = 0; p < d; p++) {
                total += (row[p] - mean[p]) * (row[p] - mean[p]);
                for (int q = 0; q < d; q++) {
                    scatter.addToEntry(p, q, (row[p] - mean[p]) * (row[q] - mean[q]));
                }
            }
        }
        EigenDecomposition eig = new EigenDecomposition(scatter);
        double[] values = eig.getRealEigenvalues().clone();
        java.util.Arrays.sort(values);
        for (int k = 0; k < 3; k++) {
            assertEquals(values[d - 1 - k] / total, result.explainedVarianceRatios()[k], 1e-9,
                    "ratio " + k);
        }
        assertEquals(total * (1 - values[d - 1] / total), result.objective(), 1e-9);

        // The first direction, scaled the same way, is the leading eigenvector up to sign.
        double[] v = scaled(result.direction(), nodeWeight, edgeWeight);
        int top = 0;
        double[] all = eig.getRealEigenvalues();
        for (int k = 1; k < all.length; k++) {
            if (all[k] > all[top]) {
                top = k;
            }
        }
        double[] u = eig.getEigenvector(top).toArray();
        assertEquals(1.0, Math.abs(PrincipalAxes.dot(u, v)), 1e-9);
        assertEquals(0, result.iterations());
        assertEquals(Status.CONVERGED, result.status());
    }

    /** Node attributes times sqrt(w_node), then the pairs i < j times sqrt(2 w_edge). */
    private static double[] scaled(Graph g, double nodeWeight, double edgeWeight) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < g.order(); i++) {
            for (int c = 0; c < g.nodeDimension(); c++) {
                values.add(Math.sqrt(nodeWeight) * g.node(i, c));
            }
        }
        for (int i = 0; i < g.order(); i++) {
            for (int j = i + 1; j < g.order(); j++) {
                for (int c = 0; c < g.edgeDimension(); c++) {
                    values.add(Math.sqrt(2 * edgeWeight) * g.edge(i, j, c));
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void gramAndScatterRoutesAgree() {
        // 4 graphs of 5 nodes (vectors of 20 coordinates: the Gram route) against the same
        // graphs repeated 7 times (28 rows: the scatter route); the repeats change no ratio.
        Line truth = line(6, 4, 0.3, false);
        List<Graph> many = new ArrayList<>();
        for (int r = 0; r < 7; r++) {
            many.addAll(truth.graphs());
        }
        GraphSpace space = GraphSpace.of(many);
        GeodesicPcaResult few = pca(new IdentityAligner(), 3).compute(space, truth.graphs());
        GeodesicPcaResult repeated = pca(new IdentityAligner(), 3).compute(space, many);
        assertArrayEquals(few.explainedVarianceRatios(), repeated.explainedVarianceRatios(),
                1e-9);
        assertEquals(7 * few.objective(), repeated.objective(), 1e-9);
        double cos = space.similarity(few.direction(), repeated.direction(),
                Permutation.identity(space.size()));
        assertEquals(1.0, cos, 1e-9);
    }

    @Test
    void identicalGraphsGiveZeroDirectionsAndRatios() {
        Graph g = TestGraphs.random(1, 1, 4, 4, 1, 0.5).get(0);
        SplittableRandom random = new SplittableRandom(1);
        List<Graph> graphs = List.of(g, TestGraphs.relabel(g, random),
                TestGraphs.relabel(g, random));
        GraphSpace space = GraphSpace.of(graphs);
        GeodesicPcaResult result = pca(EXACT, 2).compute(space, graphs);
        assertEquals(0.0, result.objective(), TOL);
        assertArrayEquals(new double[] {0.0, 0.0}, result.explainedVarianceRatios(), 0.0);
        assertEquals(0.0, space.squaredNorm(result.direction()), 0.0);
    }

    /**
     * Copies of one graph with attributes that binary cannot hold exactly: whatever rounding
     * the mean leaves, the total sum of squares is 0, the objective 0 (never above the
     * total), at the start as at the end, and every ratio 0.
     */
    @Test
    void copiesOfOneGraphHaveNoTotalAndNoObjective() {
        for (long seed = 0; seed < 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Graph.Builder b = Graph.builder(3, 1);
            int order = 3 + random.nextInt(4);
            for (int i = 0; i < order; i++) {
                b.addNode(-5.0 + 10.0 * random.nextDouble(), 1e3 * random.nextDouble(), 1.0);
            }
            for (int i = 0; i + 1 < order; i++) {
                b.addEdge(i, i + 1, 0.1 + random.nextDouble());
            }
            Graph g = b.build();
            List<Graph> graphs = new ArrayList<>();
            int count = 2 + random.nextInt(8);
            for (int k = 0; k < count; k++) {
                graphs.add(TestGraphs.relabel(g, random));
            }
            GraphSpace space = GraphSpace.of(graphs);
            for (Aligner aligner : List.of(EXACT, new FaqAligner(seed))) {
                GeodesicPcaResult result = pca(aligner, 1).compute(space, graphs);
                String what = "seed " + seed + ", " + aligner.name();
                assertEquals(0.0, result.totalSumOfSquares(), 0.0, what);
                assertEquals(0.0, result.objective(), 0.0, what);
                assertEquals(0.0, result.trace()[0], 0.0, what);
                assertArrayEquals(new double[] {0.0}, result.explainedVarianceRatios(), 0.0,
                        what);
                for (Alignment a : result.alignments()) {
                    assertTrue(a.squaredDistance() < 1e-20, what + ": " + a.squaredDistance());
                }
            }
        }
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        List<Graph> graphs = TestGraphs.random(2, 4, 3, 4, 1, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> pca(EXACT, 1).compute(space, graphs.subList(0, 1)));
        assertTrue(one.getMessage().contains("at least 2 graphs"), one.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> GeodesicPca.builder().components(0));
        assertTrue(zero.getMessage().contains("components must be >= 1"), zero.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> pca(EXACT, 4).compute(space, graphs));
        assertTrue(many.getMessage().contains("at most 3"), many.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> GeodesicPca.builder().tolerance(Double.NaN));
        assertTrue(nan.getMessage().contains("tolerance"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GeodesicPca.builder().maxIterations(-1));
        IllegalStateException noAligner = assertThrows(IllegalStateException.class,
                () -> GeodesicPca.builder().build());
        assertTrue(noAligner.getMessage().contains("aligner"), noAligner.getMessage());
        CenterResult otherMean = FrechetMean.builder().aligner(EXACT).build()
                .compute(space, graphs.subList(0, 3));
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> GeodesicPca.builder().aligner(EXACT).components(1).start(otherMean)
                        .build().compute(space, graphs));
        assertTrue(start.getMessage().contains("other graphs"), start.getMessage());
        CenterResult largerMean = FrechetMean.builder().aligner(EXACT).build()
                .compute(space.withSize(space.size() + 1), graphs);
        IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class,
                () -> GeodesicPca.builder().aligner(EXACT).components(1).start(largerMean)
                        .build().compute(space, graphs));
        assertTrue(elsewhere.getMessage().startsWith("the starting mean was computed in"
                + " another space"), elsewhere.getMessage());
    }

    @Test
    void startFromAGivenMeanEqualsTheDefaultStart() {
        List<Graph> graphs = TestGraphs.random(8, 8, 3, 5, 1, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        CenterResult mean = FrechetMean.builder().aligner(EXACT).build().compute(space, graphs);
        GeodesicPcaResult given = GeodesicPca.builder().aligner(EXACT).start(mean).build()
                .compute(space, graphs);
        GeodesicPcaResult computed = pca(EXACT, 3).compute(space, graphs);
        assertArrayEquals(computed.trace(), given.trace(), 0.0);
    }

    @Test
    void listenerCanStopTheRun() {
        List<Graph> graphs = TestGraphs.random(3, 12, 4, 7, 2, 0.4);
        GraphSpace space = GraphSpace.of(graphs);
        GeodesicPcaResult result = GeodesicPca.builder().aligner(new ForgetfulAligner())
                .tolerance(0.0).listener((iteration, objective, step, nanos) -> false).build()
                .compute(space, graphs);
        assertTrue(result.iterations() <= 1);
        if (result.iterations() == 1) {
            assertEquals(Status.STOPPED_BY_LISTENER, result.status());
        }
    }

    @Test
    void groomingNetworksKeepTheInvariants() throws IOException {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path path = Path.of(root).resolve("geomstats/mammals_grooming.npy");
        assumeTrue(Files.exists(path), "dataset not available: " + path);
        GraphDataset data = NpyReader.readAdjacencyStack(path);
        GraphSpace space = GraphSpace.of(data.graphs());

        GeodesicPcaResult result = GeodesicPca.builder().aligner(new FaqAligner(42))
                .components(3).build().compute(space, data.graphs());

        assertConsistent(space, data.graphs(), result);
        assertTrue(result.explainedVarianceRatios()[0] > 0.0);
        assertEquals(18, result.mean().order());
        assertTrue(result.mean().isDirected());
    }
}
