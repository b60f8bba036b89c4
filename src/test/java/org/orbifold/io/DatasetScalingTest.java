package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.NodeKernelEmbedding;
import org.orbifold.space.NodeKernelEmbedding.Sampling;

class DatasetScalingTest {

    private static final double TOLERANCE = 1e-12;

    /** Two graphs with a one-hot attribute a (labels p, q), a numeric x and an edge weight w. */
    private static GraphDataset data() {
        Graph.Builder first = Graph.builder(3, 1);
        first.addNode(1.0, 0.0, 2.0);
        first.addNode(0.0, 1.0, 4.0);
        first.addEdge(0, 1, 3.0);
        Graph.Builder second = Graph.builder(3, 1);
        second.addNode(1.0, 0.0, 6.0);
        second.addNode(1.0, 0.0, 8.0);
        second.addEdge(0, 1, 4.0);
        return new GraphDataset("toy", List.of(first.build(), second.build()), List.of("u", "v"),
                List.of("g0", "g1"), List.of("a=p", "a=q", "x"), List.of("w"));
    }

    @Test
    void standardizesNumericChannelsAndKeepsOneHotChannels() {
        GraphDataset data = data();
        AttributeScaling scaling = DatasetScaling.fit(data, 2.0, List.of());
        GraphDataset scaled = DatasetScaling.apply(scaling, data);

        // x: mean 5, population deviation sqrt(5); w: root mean square sqrt(12.5).
        assertEquals(5.0, scaling.nodeOffsets()[2], TOLERANCE);
        assertEquals(1.0 / Math.sqrt(5.0), scaling.nodeFactors()[2], TOLERANCE);
        assertEquals(1.0 / Math.sqrt(12.5), scaling.edgeFactors()[0], TOLERANCE);
        assertEquals(List.of("a=p", "a=q", "x", NodeExistence.CHANNEL_NAME),
                scaled.nodeChannels());
        Graph g = scaled.graphs().get(0);
        assertEquals(0.0, g.node(1, 0), 0.0);
        assertEquals(1.0, g.node(1, 1), 0.0);
        assertEquals((4.0 - 5.0) / Math.sqrt(5.0), g.node(1, 2), TOLERANCE);
        assertEquals(2.0, g.node(1, 3), 0.0);
        assertEquals(List.of("u", "v"), scaled.classLabels());
    }

    /**
     * With an existence value of 0 no existence channel is appended, so the scaled data set
     * must keep the rule of {@link GraphDataset}: dropping the one-hot group that starts the
     * node channels leaves every node without a label of it, and {@code apply} refuses the
     * data set, naming the first such node, while the scaled graphs themselves are still
     * available; without the drop the data set is accepted.
     */
    @Test
    void applyRefusesScaledNodesThatWouldReadAsAbsent() {
        GraphDataset data = data();
        AttributeScaling kept = DatasetScaling.fit(data, 0.0, List.of());
        assertEquals(data.nodeChannels(), DatasetScaling.apply(kept, data).nodeChannels());
        AttributeScaling dropped = DatasetScaling.fit(data, 0.0, List.of("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetScaling.apply(dropped, data));
        assertTrue(e.getMessage().startsWith("graph 0 ('g0') has node 0 with no label of the"
                + " one-hot group 'a'"), e.getMessage());
        assertEquals(0.0, dropped.applyAll(data.graphs()).get(0).node(0, 0), 0.0);
    }

    @Test
    void dropsEveryChannelOfANamedAttribute() {
        AttributeScaling scaling = DatasetScaling.fit(data(), 0.0, List.of("a"));
        assertEquals(0.0, scaling.nodeFactors()[0], 0.0);
        assertEquals(0.0, scaling.nodeFactors()[1], 0.0);
        assertEquals(3, scaling.outputNodeDimension());
    }

    @Test
    void attributeFactorsMultiplyWholeGroupsOnNodesAndEdges() {
        GraphDataset data = data();
        AttributeScaling fitted = DatasetScaling.fit(data, 1.0, List.of());
        AttributeScaling weighted = DatasetScaling.timesAttributeFactors(fitted, data,
                Map.of("a", 3.0, "x", 0.5), Map.of("w", 2.0));
        for (int c = 0; c < 2; c++) {
            assertEquals(3.0 * fitted.nodeFactors()[c], weighted.nodeFactors()[c], TOLERANCE);
        }
        assertEquals(0.5 * fitted.nodeFactors()[2], weighted.nodeFactors()[2], TOLERANCE);
        assertEquals(2.0 * fitted.edgeFactors()[0], weighted.edgeFactors()[0], TOLERANCE);
        assertEquals(fitted.existenceValue(), weighted.existenceValue(), 0.0);
        // Values: node 1 of graph 0 is (a=q, x=4), edge w = 3.
        Graph g = weighted.apply(data.graphs().get(0));
        assertEquals(3.0, g.node(1, 1), TOLERANCE);
        assertEquals(0.5 * (4.0 - 5.0) / Math.sqrt(5.0), g.node(1, 2), TOLERANCE);
        assertEquals(2.0 * 3.0 / Math.sqrt(12.5), g.edge(0, 1, 0), TOLERANCE);
        // Factor 0 is the drop of fit.
        assertEquals(Arrays.toString(DatasetScaling.fit(data, 1.0, List.of("a"))
                .nodeFactors()), Arrays.toString(DatasetScaling.timesAttributeFactors(fitted,
                data, Map.of("a", 0.0), Map.of()).nodeFactors()));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DatasetScaling.timesAttributeFactors(fitted, data, Map.of("w", 1.0),
                        Map.of())).getMessage().contains("no node attribute 'w'"));
        assertThrows(IllegalArgumentException.class, () -> DatasetScaling
                .timesAttributeFactors(fitted, data, Map.of(), Map.of("w", -1.0)));
    }

    @Test
    void rescalesTheReadersExistenceChannelInsteadOfAppendingOne() {
        Graph.Builder b = Graph.builder(2, 0);
        b.addNode(0.0, 1.0);
        b.addNode(3.0, 1.0);
        GraphDataset data = new GraphDataset("e", List.of(b.build()), List.of(), List.of("g"),
                List.of("x", NodeExistence.CHANNEL_NAME), List.of());
        AttributeScaling scaling = DatasetScaling.fit(data, 0.5, List.of());
        assertEquals(2, scaling.outputNodeDimension());
        assertEquals(0.0, scaling.nodeOffsets()[1], 0.0);
        assertEquals(0.5, DatasetScaling.apply(scaling, data).graphs().get(0).node(0, 1), 0.0);
    }

    @Test
    void rejectsAnUnknownAttributeName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetScaling.fit(data(), 1.0, List.of("y")));
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
    }

    @Test
    void theKernelMapsEveryAttributeButTheExistenceChannel() {
        GraphDataset data = data();
        AttributeScaling scaling = DatasetScaling.withGaussianKernel(
                DatasetScaling.fit(data, 0.5, List.of()), data, 1.0, 8, Sampling.RANDOM, 3L);
        NodeKernelEmbedding map = scaling.nodeKernel().orElseThrow();
        GraphDataset mapped = DatasetScaling.apply(scaling, data);

        // Affine output (a=p, a=q, x, exists): the kernel takes 0..2 and keeps exists.
        assertEquals(List.of(0, 1, 2), Arrays.stream(map.inputChannels()).boxed().toList());
        assertEquals(List.of(NodeExistence.CHANNEL_NAME, "phi_1", "phi_2", "phi_3", "phi_4",
                "phi_5", "phi_6", "phi_7", "phi_8"), mapped.nodeChannels());
        Graph g = mapped.graphs().get(0);
        assertEquals(0.5, g.node(0, 0), 0.0);
        double squares = 0.0;
        for (int f = 1; f <= 8; f++) {
            squares += g.node(0, f) * g.node(0, f);
        }
        assertEquals(1.0, squares, TOLERANCE);

        // A dropped attribute is 0 everywhere, so the features ignore it: two nodes that
        // differ only in the label a get the same features.
        AttributeScaling dropped = DatasetScaling.withGaussianKernel(
                DatasetScaling.fit(data, 0.5, List.of("a")), data, 1.0, 8, Sampling.RANDOM, 3L);
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(1.0, 0.0, 5.0);
        b.addNode(0.0, 1.0, 5.0);
        Graph d = dropped.apply(b.build());
        for (int c = 0; c < d.nodeDimension(); c++) {
            assertEquals(d.node(0, c), d.node(1, c), 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> DatasetScaling.withGaussianKernel(
                scaling, data, 1.0, 8, Sampling.RANDOM, 3L));
        AttributeScaling none = DatasetScaling.fit(data, 0.5, List.of("a", "x"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DatasetScaling.withGaussianKernel(none, data, 1.0, 8, Sampling.RANDOM,
                        3L)).getMessage().contains("no node attribute left for the kernel"));
    }

    @Test
    void aLaplacianKernelTakesTheSameChannelsAndTheGaussianOneIsUnchanged() {
        GraphDataset data = data();
        AttributeScaling affine = DatasetScaling.fit(data, 0.5, List.of());
        AttributeScaling gaussian = DatasetScaling.withGaussianKernel(affine, data, 1.0, 8,
                Sampling.RANDOM, 3L);
        AttributeScaling laplacian = DatasetScaling.withNodeKernel(affine, data,
                NodeKernelEmbedding.Kernel.LAPLACIAN, 1.0, 8, Sampling.RANDOM, 3L);
        NodeKernelEmbedding map = laplacian.nodeKernel().orElseThrow();

        assertEquals(NodeKernelEmbedding.Kernel.LAPLACIAN, map.kernel());
        assertArrayEquals(gaussian.nodeKernel().orElseThrow().inputChannels(),
                map.inputChannels());
        assertEquals(DatasetScaling.apply(gaussian, data).nodeChannels(),
                DatasetScaling.apply(laplacian, data).nodeChannels());
        Graph g = data.graphs().get(0);
        assertEquals(gaussian.apply(g), DatasetScaling.withNodeKernel(affine, data,
                NodeKernelEmbedding.Kernel.GAUSSIAN, 1.0, 8, Sampling.RANDOM, 3L).apply(g));
        assertFalse(gaussian.apply(g).equals(laplacian.apply(g)));
        Graph mapped = laplacian.apply(g);
        double squares = 0.0;
        for (int f = 1; f <= 8; f++) {
            squares += mapped.node(0, f) * mapped.node(0, f);
        }
        assertEquals(1.0, squares, TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> DatasetScaling.withNodeKernel(
                laplacian, data, NodeKernelEmbedding.Kernel.LAPLACIAN, 1.0, 8, Sampling.RANDOM,
                3L));
    }
}
