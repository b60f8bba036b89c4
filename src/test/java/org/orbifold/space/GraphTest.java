package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphTest {

    @Test
    void builderStoresUndirectedEdgesBothWays() {
        Graph.Builder builder = Graph.builder(1, 2);
        builder.addNode(1.0);
        builder.addNode(2.0);
        builder.addNode(3.0);
        Graph g = builder.addEdge(0, 2, 0.5, -1.0).build();

        assertEquals(3, g.order());
        assertEquals(1, g.edgeCount());
        assertTrue(g.hasEdge(0, 2));
        assertTrue(g.hasEdge(2, 0));
        assertFalse(g.hasEdge(0, 1));
        assertEquals(-1.0, g.edge(2, 0, 1));
        assertEquals(3.0, g.node(2, 0));
        assertEquals(1.0 + 4.0 + 9.0, g.nodeSquaredNorm());
        assertEquals(2 * (0.25 + 1.0), g.edgeSquaredNorm());
    }

    @Test
    void builderRejectsBadInputNamingIt() {
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(0.0);
        builder.addNode(0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.addNode(1.0, 2.0));
        assertTrue(e.getMessage().contains("expected 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.addNode(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> builder.addEdge(0, 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> builder.addEdge(0, 5, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> builder.addEdge(0, 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Graph.builder(-1, 0));
    }

    @Test
    void permutingByTheInverseRestoresTheGraph() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            Graph g = RandomGraphs.graph(random, 1 + random.nextInt(9), 2, 2, 0.4,
                    trial % 2 == 0);
            Permutation p = Permutation.random(g.order(), random);
            Graph moved = g.permute(p);
            assertEquals(g.edgeCount(), moved.edgeCount());
            assertEquals(g, moved.permute(p.inverse()));
            for (int i = 0; i < g.order(); i++) {
                for (int j = 0; j < g.order(); j++) {
                    if (i != j) {
                        assertEquals(g.edge(p.get(i), p.get(j), 0), moved.edge(i, j, 0));
                    }
                }
                assertEquals(g.node(p.get(i), 1), moved.node(i, 1));
            }
        }
    }

    @Test
    void paddingAddsNullNodes() {
        Graph g = RandomGraphs.graph(new SplittableRandom(2), 3, 1, 1, 1.0, false);
        Graph padded = g.pad(5);
        assertEquals(5, padded.order());
        assertEquals(0.0, padded.node(4, 0));
        assertEquals(0, padded.outDegree(4));
        assertEquals(g.nodeSquaredNorm(), padded.nodeSquaredNorm());
        assertEquals(g, padded.subgraph(0, 1, 2));
    }

    @Test
    void adjacencyMatrixMustBeSquareSymmetricAndLoopFree() {
        Graph g = Graph.fromAdjacency(new double[][] {{0, 2}, {2, 0}});
        assertEquals(2.0, g.edge(0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Graph.fromAdjacency(new double[][] {{0, 2}, {1, 0}}));
        assertThrows(IllegalArgumentException.class,
                () -> Graph.fromAdjacency(new double[][] {{1, 0}, {0, 0}}));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Graph.fromAdjacency(new double[][] {{0, 1}, {1}}));
        assertEquals("adjacency row 1 has 1 entry, expected 2", ragged.getMessage());
        IllegalArgumentException attributes = assertThrows(IllegalArgumentException.class,
                () -> Graph.builder(2, 1).addNode(1.0));
        assertEquals("node 0 has 1 attribute, expected 2", attributes.getMessage());
    }

    @Test
    void flatArraysAreValidated() {
        double[] nodes = {1, 2};
        double[] asymmetric = {0, 1, 2, 0};
        assertThrows(IllegalArgumentException.class,
                () -> Graph.fromArrays(2, 1, 1, false, nodes, asymmetric));
        Graph directed = Graph.fromArrays(2, 1, 1, true, nodes, asymmetric);
        assertEquals(2, directed.edgeCount());
        assertThrows(IllegalArgumentException.class,
                () -> Graph.fromArrays(2, 1, 1, true, nodes, new double[] {5, 1, 2, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> Graph.fromArrays(2, 1, 1, true, nodes, new double[3]));
    }

    @Test
    void edgeChannelIsTheWeightedAdjacencyMatrix() {
        Graph g = Graph.builder(0, 2).directed(true).build();
        assertEquals(0, g.edgeChannel(1).length);
        Graph.Builder b = Graph.builder(0, 2).directed(true);
        b.addNode();
        b.addNode();
        Graph h = b.addEdge(1, 0, 3.0, 4.0).build();
        assertEquals(4.0, h.edgeChannel(1)[2]);
        assertEquals(0.0, h.edgeChannel(1)[1]);
        assertEquals(1, h.edgeCount());
    }

    private static void assertOutOfRange(String expected, Runnable access) {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                access::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void accessorsNameTheNodeOrChannelOutOfRange() {
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(10.0);
        builder.addNode(20.0);
        builder.addNode(30.0);
        Graph g = builder.addEdge(0, 1, 5.0).build();
        assertOutOfRange("node channel 1 is out of range: the graph has 1 node channel",
                () -> g.node(0, 1));
        assertOutOfRange("node channel -1 is out of range: the graph has 1 node channel",
                () -> g.node(0, -1));
        assertOutOfRange("node 3 is out of range: the graph has 3 nodes", () -> g.node(3, 0));
        assertOutOfRange("edge channel 1 is out of range: the graph has 1 edge channel",
                () -> g.edge(0, 0, 1));
        assertOutOfRange("node 7 is out of range: the graph has 3 nodes",
                () -> g.edge(0, 7, 0));
        assertOutOfRange("node -1 is out of range: the graph has 3 nodes",
                () -> g.edge(-1, 0, 0));
        assertOutOfRange("node 5 is out of range: the graph has 3 nodes",
                () -> g.nodeVector(5));
        assertOutOfRange("node 3 is out of range: the graph has 3 nodes",
                () -> g.edgeVector(1, 3));
        assertOutOfRange("node 4 is out of range: the graph has 3 nodes",
                () -> g.hasEdge(4, 0));
        assertEquals(5.0, g.edge(1, 0, 0));
        assertEquals(0.0, g.edge(1, 1, 0));
        assertEquals(30.0, g.node(2, 0));
    }

    @Test
    void ordersWhoseDenseStorageWouldOverflowAreRefusedNamingTheMaximum() {
        assertEquals(46_340, Graph.maxOrder(3, 1));
        assertEquals(46_340, Graph.maxOrder(0, 0));
        assertEquals(32_767, Graph.maxOrder(1, 2));
        assertEquals(23_170, Graph.maxOrder(1, 4));
        assertEquals(Graph.MAX_ENTRIES / 100_000, Graph.maxOrder(100_000, 1));
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(1.0);
        Graph g = builder.build();
        String expected = "order 46341 too large: at most 46340 nodes";
        for (Runnable make : new Runnable[] {
            () -> g.pad(46_341),
            () -> g.pad(65_537),
            () -> g.permute(Permutation.identity(70_000)),
            () -> Graph.fromArrays(46_341, 1, 1, false, new double[46_341], new double[0]),
            () -> new GraphSpace(46_341, 1, 1, 1.0, 1.0),
            () -> new GraphSpace(2, 1, 1, 1.0, 1.0).withSize(46_341)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
            assertTrue(e.getMessage().startsWith("order ") && e.getMessage().contains(
                    "too large: at most 46340 nodes"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Graph.fromArrays(65_537, 0, 1, false, new double[0],
                        new double[65_537 * 65_537]));
        assertTrue(e.getMessage().startsWith("order 65537 too large"), e.getMessage());
        IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
                () -> new GraphSpace(46_341, 1, 1, 1.0, 1.0));
        assertTrue(space.getMessage().startsWith(expected), space.getMessage());
    }

    @Test
    void negativeZeroIsStoredAsZero() {
        Graph.Builder a = Graph.builder(2, 1);
        a.addNode(-0.0, 1.0);
        a.addNode(2.0, -0.0);
        a.addEdge(0, 1, 3.0);
        Graph.Builder b = Graph.builder(2, 1);
        b.addNode(0.0, 1.0);
        b.addNode(2.0, 0.0);
        b.addEdge(0, 1, 3.0);
        Graph x = a.build();
        Graph y = b.build();
        assertEquals(y, x);
        assertEquals(y.hashCode(), x.hashCode());
        assertEquals(0L, Double.doubleToRawLongBits(x.node(0, 0)));
        Graph z = Graph.fromArrays(2, 1, 1, false, new double[] {-0.0, 1.0},
                new double[] {0.0, -0.0, -0.0, 0.0});
        Graph w = Graph.fromArrays(2, 1, 1, false, new double[] {0.0, 1.0}, new double[4]);
        assertEquals(w, z);
        assertEquals(w.hashCode(), z.hashCode());
        assertEquals(0L, Double.doubleToRawLongBits(z.nodeArray()[0]));
        assertEquals(x.withNodeChannel(-0.0), y.withNodeChannel(0.0));
        assertThrows(IllegalArgumentException.class, () -> x.withNodeChannel(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> x.withNodeChannel(Double.POSITIVE_INFINITY));
    }

    /**
     * Every ordered pair of distinct nodes moves, absent edges included; the diagonal, the
     * nodes and the directedness stay; a pair equal to the vector becomes absent.
     */
    @Test
    void withEdgesMinusShiftsEveryPairOfDistinctNodes() {
        Graph.Builder builder = Graph.builder(1, 2);
        builder.addNode(1.0);
        builder.addNode(2.0);
        builder.addNode(3.0);
        Graph x = builder.addEdge(0, 1, 5.0, 7.0).addEdge(1, 2, 4.0, 6.0).build();
        Graph shifted = x.withEdgesMinus(new double[] {5.0, 7.0});
        assertFalse(shifted.isDirected());
        assertEquals(x.nodeSquaredNorm(), shifted.nodeSquaredNorm());
        assertFalse(shifted.hasEdge(0, 1));
        assertEquals(-1.0, shifted.edge(2, 1, 0));
        assertEquals(-1.0, shifted.edge(1, 2, 1));
        assertEquals(-5.0, shifted.edge(0, 2, 0));
        assertEquals(-7.0, shifted.edge(2, 0, 1));
        assertEquals(0.0, shifted.edge(1, 1, 0));
        assertEquals(2, shifted.edgeCount());
        assertEquals(2 * (1.0 + 1.0 + 25.0 + 49.0), shifted.edgeSquaredNorm());
        assertThrows(IllegalArgumentException.class, () -> x.withEdgesMinus(new double[] {1.0}));
        assertThrows(IllegalArgumentException.class,
                () -> x.withEdgesMinus(new double[] {Double.NaN, 0.0}));
        Graph.Builder pair = Graph.builder(0, 1);
        pair.addNode();
        pair.addNode();
        Graph large = pair.addEdge(0, 1, 1e308).build();
        assertThrows(IllegalArgumentException.class,
                () -> large.withEdgesMinus(new double[] {-1e308}));
    }
}
