package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphSpaceTest {

    private static final double TOLERANCE = 1e-9;

    /** The definition, on explicitly padded dense tensors: sum over all (i, j, c). */
    private static double denseSquaredDistance(GraphSpace space, Graph x, Graph y,
            Permutation p) {
        int m = p.size();
        Graph px = x.pad(m);
        Graph py = y.pad(m);
        double sum = 0.0;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < space.nodeDimension(); c++) {
                double diff = px.node(i, c) - py.node(p.get(i), c);
                sum += space.nodeWeight() * diff * diff;
            }
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < space.edgeDimension() && i != j; c++) {
                    double diff = px.edge(i, j, c) - py.edge(p.get(i), p.get(j), c);
                    sum += space.edgeWeight() * diff * diff;
                }
            }
        }
        return sum;
    }

    @Test
    void squaredDistanceMatchesTheDenseDefinition() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            boolean directed = trial % 3 == 0;
            Graph x = RandomGraphs.graph(random, random.nextInt(8), 2, 3, 0.5, directed);
            Graph y = RandomGraphs.graph(random, random.nextInt(8), 2, 3, 0.5, directed);
            int m = Math.max(x.order(), y.order()) + random.nextInt(3);
            GraphSpace space = GraphSpace.of(List.of(x, y)).withSize(m)
                    .withWeights(0.5 + random.nextDouble(), random.nextDouble());
            Permutation p = Permutation.random(m, random);
            double expected = denseSquaredDistance(space, x, y, p);
            assertEquals(expected, space.squaredDistance(x, y, p), TOLERANCE * (1 + expected));
            assertEquals(Math.sqrt(space.squaredDistance(x, y, p)), space.distance(x, y, p),
                    TOLERANCE);
        }
    }

    @Test
    void distanceIsSymmetricUnderTheInverseAlignment() {
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 100; trial++) {
            Graph x = RandomGraphs.graph(random, 1 + random.nextInt(7), 1, 1, 0.5, false);
            Graph y = RandomGraphs.graph(random, 1 + random.nextInt(7), 1, 1, 0.5, false);
            GraphSpace space = GraphSpace.of(List.of(x, y));
            Permutation p = Permutation.random(Math.max(x.order(), y.order()), random);
            assertEquals(space.squaredDistance(x, y, p),
                    space.squaredDistance(y, x, p.inverse()), TOLERANCE);
        }
    }

    @Test
    void aRelabelledGraphIsAtDistanceZeroUnderItsRelabelling() {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 50; trial++) {
            Graph y = RandomGraphs.graph(random, 1 + random.nextInt(9), 2, 1, 0.6, false);
            Permutation p = Permutation.random(y.order(), random);
            Graph x = y.permute(p);
            GraphSpace space = GraphSpace.of(List.of(x, y));
            assertEquals(0.0, space.distance(x, y, p));
        }
    }

    @Test
    void anIsolatedUnlabelledNodeIsNotPadding() {
        Graph.Builder builder = Graph.builder(0, 1);
        builder.addNode();
        Graph single = builder.build();
        Graph empty = Graph.builder(0, 1).build();
        List<Graph> graphs = List.of(single, empty);
        assertTrue(NodeExistence.isNeeded(graphs));
        List<Graph> encoded = NodeExistence.append(graphs);
        GraphSpace space = GraphSpace.of(encoded);
        assertEquals(1.0, space.distance(encoded.get(0), encoded.get(1),
                Permutation.identity(1)), TOLERANCE);
    }

    @Test
    void rejectsGraphsOutsideTheSpace() {
        Graph a = RandomGraphs.graph(new SplittableRandom(1), 3, 2, 1, 0.5, false);
        Graph b = RandomGraphs.graph(new SplittableRandom(2), 3, 1, 1, 0.5, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphSpace.of(List.of(a, b)));
        assertEquals("graph 1 has attribute dimensions (node 1, edge 1) but graph 0 has"
                + " (node 2, edge 1); graphs read in separate calls get channel layouts of their"
                + " own: read the splits in one call (IamDatasetReader.readSplits) or read one"
                + " data set and split it", e.getMessage());
        GraphSpace small = new GraphSpace(2, 2, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> small.requireMember(a));
        e = assertThrows(IllegalArgumentException.class,
                () -> GraphSpace.of(List.of(a)).requireMember(b));
        assertTrue(e.getMessage().startsWith("graph has attribute dimensions (node 1, edge 1)"
                + " but the space has (node 2, edge 1); graphs read in separate calls"),
                e.getMessage());
        assertTrue(e.getMessage().contains("IamDatasetReader.readSplits"), e.getMessage());
        GraphSpace space = GraphSpace.of(List.of(a));
        assertThrows(IllegalArgumentException.class,
                () -> space.similarity(a, a, Permutation.identity(2)));
        assertThrows(IllegalArgumentException.class, () -> space.withWeights(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> space.withWeights(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GraphSpace.of(List.of()));
    }

    @Test
    void refusesZeroNodeAndEdgeWeightsTogether() {
        GraphSpace space = new GraphSpace(3, 2, 1, 1, 1);
        String expected = "node weight 0 and edge weight 0: every distance would be 0; give"
                + " one of them a positive value";

        IllegalArgumentException viaWeights = assertThrows(IllegalArgumentException.class,
                () -> space.withWeights(0, 0));
        IllegalArgumentException viaConstructor = assertThrows(IllegalArgumentException.class,
                () -> new GraphSpace(3, 2, 1, -0.0, 0.0));

        assertEquals(expected, viaWeights.getMessage());
        assertEquals(expected, viaConstructor.getMessage());
        // Either weight alone may be 0: the other part still tells graphs apart.
        assertEquals(0.0, space.withWeights(0, 1).nodeWeight());
        assertEquals(0.0, space.withWeights(1, 0).edgeWeight());
    }

    @Test
    void aGraphTooLargeForTheSpaceIsToldHowToFit() {
        Graph large = RandomGraphs.graph(new SplittableRandom(5), 11, 2, 1, 0.5, false);
        GraphSpace space = new GraphSpace(8, 2, 1, 1, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space.requireMember(large));

        assertEquals("graph of order 11 does not fit a space of size 8: build the space from"
                + " all the graphs it must hold, training and query graphs together"
                + " (GraphSpace.of(all)), or enlarge it with withSize(11)", e.getMessage());
        assertEquals(large, space.withSize(11).requireMember(large));
        NullPointerException none = assertThrows(NullPointerException.class,
                () -> space.requireMember(null));
        assertEquals("graph", none.getMessage());
    }

    @Test
    void requireMembersNamesTheFirstBadGraph() {
        Graph a = RandomGraphs.graph(new SplittableRandom(3), 3, 2, 1, 0.5, false);
        Graph b = RandomGraphs.graph(new SplittableRandom(4), 5, 2, 1, 0.5, false);
        GraphSpace space = new GraphSpace(4, 2, 1, 1, 1);
        assertEquals(List.of(a, a), space.requireMembers(List.of(a, a)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space.requireMembers(List.of(a, b)));
        assertTrue(e.getMessage().startsWith("graphs[1] is not in"), e.getMessage());
        List<Graph> withNull = new ArrayList<>(List.of(a));
        withNull.add(null);
        e = assertThrows(IllegalArgumentException.class, () -> space.requireMembers(withNull));
        assertEquals("graphs[1] is null", e.getMessage());
    }

    @Test
    void nodeSimilarityMatrixIsTheLinearTerm() {
        SplittableRandom random = new SplittableRandom(9);
        Graph x = RandomGraphs.graph(random, 3, 2, 0, 0, false);
        Graph y = RandomGraphs.graph(random, 4, 2, 0, 0, false);
        GraphSpace space = GraphSpace.of(List.of(x, y)).withWeights(2.0, 1.0);
        double[] s = space.nodeSimilarityMatrix(x, y, 4);
        Permutation p = Permutation.of(3, 1, 0, 2);
        double linear = 0.0;
        for (int i = 0; i < 4; i++) {
            linear += s[i * 4 + p.get(i)];
        }
        assertEquals(space.similarity(x, y, p), linear, TOLERANCE);
    }

    @Test
    void moveTowardInterpolatesInTheTotalSpace() {
        SplittableRandom random = new SplittableRandom(10);
        Graph w = RandomGraphs.graph(random, 5, 2, 2, 0.5, false);
        Graph y = RandomGraphs.graph(random, 4, 2, 2, 0.5, false);
        GraphSpace space = GraphSpace.of(List.of(w, y));
        Permutation p = Permutation.random(5, random);
        Graph end = space.moveToward(w, y, p, 1.0);
        assertEquals(0.0, space.distance(end, y, p), 1e-7);
        Graph start = space.moveToward(w, y, p, 0.0);
        assertEquals(0.0, space.distance(start, w, Permutation.identity(5)), 1e-7);
        Graph middle = space.moveToward(w, y, p, 0.5);
        double full = space.distance(w, y, p);
        assertEquals(full / 2, space.distance(middle, y, p), 1e-9);
        assertEquals(full / 2, space.distance(w, middle, Permutation.identity(5)), 1e-9);
    }

    @Test
    void accumulatorAveragesAlignedGraphs() {
        SplittableRandom random = new SplittableRandom(12);
        Graph a = RandomGraphs.graph(random, 4, 1, 1, 0.5, false);
        Graph b = RandomGraphs.graph(random, 3, 1, 1, 0.5, false);
        GraphSpace space = GraphSpace.of(List.of(a, b));
        Permutation pa = Permutation.random(4, random);
        Permutation pb = Permutation.random(4, random);
        GraphAccumulator sum = new GraphAccumulator(space, 4);
        sum.add(a, pa, 1.0);
        sum.add(b, pb, 3.0);
        Graph mean = sum.average();
        Graph ea = a.permute(pa);
        Graph eb = b.permute(pb);
        for (int i = 0; i < 4; i++) {
            assertEquals((ea.node(i, 0) + 3 * eb.node(i, 0)) / 4, mean.node(i, 0), TOLERANCE);
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    assertEquals((ea.edge(i, j, 0) + 3 * eb.edge(i, j, 0)) / 4,
                            mean.edge(i, j, 0), TOLERANCE);
                }
            }
        }
        assertThrows(IllegalStateException.class,
                () -> new GraphAccumulator(space, 4).average());
        assertThrows(IllegalArgumentException.class, () -> sum.add(a, pa, Double.NaN));
    }

    /** A path whose nodes carry {@code scale * values[i]} and whose edges carry {@code scale}. */
    private static Graph path(double scale, double... values) {
        Graph.Builder b = Graph.builder(1, 1);
        for (double v : values) {
            b.addNode(v * scale);
        }
        for (int i = 0; i + 1 < values.length; i++) {
            b.addEdge(i, i + 1, scale);
        }
        return b.build();
    }

    @Test
    void equalSettingsMakeEqualSpaces() {
        GraphSpace a = new GraphSpace(5, 2, 1, 1.0, 0.5);
        GraphSpace b = new GraphSpace(5, 2, 1, 1.0, 0.5);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(new GraphSpace(5, 1, 1, 1.0, 1.0),
                GraphSpace.of(List.of(path(1.0, 1, 2, 3, 4, 5))));
        assertNotEquals(a, a.withSize(6));
        assertNotEquals(a, a.withWeights(1.0, 0.25));
        assertNotEquals(a, new GraphSpace(5, 3, 1, 1.0, 0.5));
        assertNotEquals(a, "GraphSpace");
    }

    @Test
    void negativeZeroWeightsBecomeZero() {
        GraphSpace space = new GraphSpace(3, 1, 1, -0.0, 1.0);
        assertEquals("GraphSpace[size=3, nodeDimension=1, edgeDimension=1, nodeWeight=0.0,"
                + " edgeWeight=1.0]", space.toString());
        assertEquals(new GraphSpace(3, 1, 1, 0.0, 1.0), space);
        assertEquals(Double.POSITIVE_INFINITY, 1.0 / space.withWeights(1.0, -0.0).edgeWeight());
    }

    @Test
    void permutationsLargerThanTheSpaceAreRefused() {
        Graph x = path(1.0, 1, 2);
        Graph y = path(1.0, 2, 1, 3);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Permutation big = Permutation.identity(4);
        for (Runnable call : List.<Runnable>of(() -> space.similarity(x, y, big),
                () -> space.squaredDistance(x, y, big), () -> space.distance(x, y, big),
                () -> space.coincides(x, y, big), () -> space.nodeSimilarityMatrix(x, y, 4))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    call::run);
            assertTrue(e.getMessage().contains("alignment of size 4 does not fit a space of"
                    + " size 3"), e.getMessage());
        }
        assertEquals(space.squaredDistance(x, y, Permutation.identity(3)),
                space.withSize(4).squaredDistance(x, y, big), 0.0,
                "a larger space accepts it, with the same value");
    }

    /** {@code g} with one more node, of attribute {@code value}, without edges. */
    private static Graph withIsolatedNode(Graph g, double value) {
        Graph.Builder b = Graph.builder(1, 1);
        for (int i = 0; i < g.order(); i++) {
            b.addNode(g.node(i, 0));
        }
        b.addNode(value);
        for (int i = 0; i < g.order(); i++) {
            for (int k = 0; k < g.outDegree(i); k++) {
                int j = g.successor(i, k);
                if (i < j) {
                    b.addEdge(i, j, g.edge(i, j, 0));
                }
            }
        }
        return b.build();
    }

    @Test
    void coincidesComparesEveryWeightedEntryExactly() {
        Graph x = path(1.0, 1, 2, 3);
        Graph y = x.permute(Permutation.of(2, 0, 1));
        GraphSpace space = GraphSpace.of(List.of(x, y)).withSize(4);
        Permutation back = Permutation.of(1, 2, 0, 3);
        assertEquals(0.0, space.squaredDistance(x, y, back));
        assertTrue(space.coincides(x, y, back));
        assertFalse(space.coincides(x, y, Permutation.identity(4)));
        // Padding: an extra node of y matched with padding of x must be zero to coincide.
        assertTrue(space.coincides(x, withIsolatedNode(x, 0.0), Permutation.identity(4)));
        assertTrue(space.coincides(x, withIsolatedNode(x, -0.0), Permutation.identity(4)));
        assertFalse(space.coincides(x, withIsolatedNode(x, 1e-300), Permutation.identity(4)));
        assertFalse(space.coincides(x, path(1.0, 1, 2, 3, 0), Permutation.identity(4)),
                "the edge to the extra node differs");
        // A part of weight 0 does not count: only the edges differ here.
        Graph.Builder b = Graph.builder(1, 1);
        b.addNode(1.0);
        b.addNode(2.0);
        b.addNode(3.0);
        Graph unlinked = b.build();
        assertFalse(space.coincides(x, unlinked, Permutation.identity(4)));
        assertTrue(space.withWeights(1.0, 0.0).coincides(x, unlinked, Permutation.identity(4)));
    }

    @Test
    void tinyDifferencesAreMeasuredDespiteUnderflow() {
        double scale = 1e-170;
        Graph x = path(scale, 1, 2, 3);
        Graph y = path(scale, 3, 1, 2, 5);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Graph unitX = path(1.0, 1, 2, 3);
        Graph unitY = path(1.0, 3, 1, 2, 5);
        for (int t = 0; t < 24; t++) {
            Permutation p = Permutation.random(4, new SplittableRandom(t));
            assertEquals(0.0, space.squaredDistance(x, y, p), "the squares underflow");
            assertFalse(space.coincides(x, y, p));
            double expected = space.distance(unitX, unitY, p) * scale;
            assertEquals(expected, space.distance(x, y, p), 1e-14 * expected);
        }
        // Subnormal attributes too, where even the differences are rounded to 2^-1074.
        Graph a = path(Double.MIN_VALUE, 3);
        Graph b = path(Double.MIN_VALUE, 7);
        GraphSpace points = GraphSpace.of(List.of(a, b));
        assertEquals(4 * Double.MIN_VALUE, points.distance(a, b, Permutation.identity(1)));
        assertEquals(0.0, points.distance(a, a, Permutation.identity(1)));
    }
}
