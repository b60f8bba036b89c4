package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The aligners against the design's distance: both graphs padded to the size of the space and
 * the minimum taken over all permutations of that size, found here by enumeration. With
 * signed attributes a real node can do better matched to padding than to any real node, so
 * pairs of unequal or small order need more padding than the larger order.
 */
class DesignPaddingTest {

    private static final long SEED = 20261206L;

    /** A pair, its space, and whether its attributes are signed. */
    private record Case(Graph x, Graph y, GraphSpace space, boolean signed) {
    }

    /**
     * A random pair of orders 1..4 in a space of size up to 7, with signed or positive node
     * attributes (after an existence channel of 1 in half the cases), with or without edges,
     * directed or not, and a node weight of 0 now and then.
     */
    private static Case randomCase(SplittableRandom random, int trial) {
        boolean signed = trial % 2 == 0;
        boolean edges = trial % 3 != 0;
        boolean existence = trial % 4 < 2;
        boolean directed = trial % 5 == 0;
        int dv = 1 + random.nextInt(2);
        int de = edges ? 1 + random.nextInt(2) : 0;
        Graph x = graph(random, 1 + random.nextInt(4), dv, de, directed, signed, existence);
        Graph y = graph(random, 1 + random.nextInt(4), dv, de, directed, signed, existence);
        int larger = Math.max(x.order(), y.order());
        int size = Math.min(7, larger + random.nextInt(5));
        double nodeWeight = edges && trial % 7 == 0 ? 0.0 : 0.5 + random.nextDouble();
        double edgeWeight = 0.3 + random.nextDouble();
        int nodeDimension = dv + (existence ? 1 : 0);
        return new Case(x, y, new GraphSpace(size, nodeDimension, de, nodeWeight, edgeWeight),
                signed);
    }

    private static Graph graph(SplittableRandom random, int order, int dv, int de,
            boolean directed, boolean signed, boolean existence) {
        Graph.Builder builder = Graph.builder(dv + (existence ? 1 : 0), de).directed(directed);
        for (int i = 0; i < order; i++) {
            double[] v = new double[dv + (existence ? 1 : 0)];
            for (int c = 0; c < dv; c++) {
                v[c] = value(random, signed);
            }
            if (existence) {
                v[dv] = 1.0;
            }
            builder.addNode(v);
        }
        for (int i = 0; i < order && de > 0; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j && random.nextDouble() < 0.5) {
                    double[] e = new double[de];
                    for (int c = 0; c < de; c++) {
                        e[c] = value(random, signed);
                    }
                    builder.addEdge(i, j, e);
                }
            }
        }
        return builder.build();
    }

    private static double value(SplittableRandom random, boolean signed) {
        double v = signed ? random.nextDouble(-2.0, 2.0) : random.nextDouble(0.05, 2.0);
        return v == 0.0 ? 0.5 : v;
    }

    private static Graph points(double... coordinates) {
        return pointsWithExistence(1.0, coordinates);
    }

    /** Points on a line, channels (coordinate, existence) with the given existence value. */
    private static Graph pointsWithExistence(double existence, double... coordinates) {
        Graph.Builder builder = Graph.builder(2, 0);
        for (double c : coordinates) {
            builder.addNode(c, existence);
        }
        return builder.build();
    }

    /** Two nodes, the first of the given value and the second 1, joined by one edge. */
    private static Graph edge(double first, double weight) {
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(first);
        builder.addNode(1.0);
        builder.addEdge(0, 1, weight);
        return builder.build();
    }

    /** Fails unless {@code actual} is {@code expected} up to the usual tolerance. */
    private static void assertClose(double expected, double actual, GraphSpace space, Graph x,
            Graph y, String message) {
        double scale = 1.0 + space.squaredNorm(x) + space.squaredNorm(y);
        assertEquals(expected, actual, MatchTesting.TOL * scale, message);
    }

    @Test
    void theSignTestLooksAtWeightedChannelsOnly() {
        Graph positive = points(1.0, 2.0);
        Graph negative = points(-1.0);
        Graph zero = points(0.0, 0.0, 0.0);
        GraphSpace space = new GraphSpace(6, 2, 0, 1.0, 1.0);
        assertFalse(space.crossSimilarityCanBeNegative(positive, points(3.0)));
        assertFalse(space.crossSimilarityCanBeNegative(negative, points(-3.0, -1.0)));
        assertFalse(space.crossSimilarityCanBeNegative(positive, zero));
        assertFalse(space.crossSimilarityCanBeNegative(negative, zero));
        assertTrue(space.crossSimilarityCanBeNegative(positive, negative));
        assertTrue(space.crossSimilarityCanBeNegative(negative, positive));
        assertTrue(space.crossSimilarityCanBeNegative(points(-1.0, 1.0), points(2.0)));
        assertEquals(2, space.alignmentSize(positive, points(3.0)));
        assertEquals(3, space.alignmentSize(positive, negative));
        assertEquals(3, space.alignmentSize(negative, positive));
        assertEquals(3, space.alignmentSize(positive, zero));
        assertEquals(6, space.alignmentSize(points(1.0, -1.0, 2.0), points(2.0, 1.0, -4.0, 5.0)));
        assertEquals(4, space.withSize(4).alignmentSize(points(1.0, -1.0),
                points(2.0, 1.0, 4.0, 5.0)));

        // Edge signs count only through a positive edge weight, node signs only through a
        // positive node weight.
        Graph plus = edge(1.0, 2.0);
        Graph minus = edge(1.0, -2.0);
        assertTrue(new GraphSpace(4, 1, 1, 1.0, 1.0).crossSimilarityCanBeNegative(plus, minus));
        assertFalse(new GraphSpace(4, 1, 1, 1.0, 0.0).crossSimilarityCanBeNegative(plus, minus));
        Graph left = edge(-1.0, 2.0);
        Graph right = edge(1.0, 2.0);
        assertTrue(new GraphSpace(4, 1, 1, 1.0, 1.0).crossSimilarityCanBeNegative(left, right));
        assertFalse(new GraphSpace(4, 1, 1, 0.0, 1.0).crossSimilarityCanBeNegative(left, right));
    }

    /**
     * The tester's example: one point at (3, 1) against one at (-3, 1) is best matched with
     * padding on both sides, distance sqrt(20), not 6; with a third pattern the triangle
     * inequality then holds.
     */
    @Test
    void aPointMayPreferPaddingAndTheTriangleInequalityHolds() {
        Graph x = points(3.0);
        Graph y = points(3.0, 0.0);
        Graph z = points(-3.0);
        GraphSpace space = GraphSpace.of(List.of(x, y, z));
        for (String name : List.of("exact", "nodes", "faq", "fast", "ga", "ipfp")) {
            Aligner aligner = Aligners.byName(name, 1);
            Alignment xz = aligner.align(space, x, z);
            Alignment xy = aligner.align(space, x, y);
            Alignment yz = aligner.align(space, y, z);
            assertEquals(Math.sqrt(20.0), xz.distance(), 1e-12, name);
            assertEquals(1.0, xy.distance(), 1e-12, name);
            assertEquals(Math.sqrt(19.0), yz.distance(), 1e-12, name);
            assertTrue(xz.distance() <= xy.distance() + yz.distance(), name);
            assertEquals(Permutation.of(1, 0), xz.permutation(), name);
        }
        assertTrue(new ExactAligner(1).align(space, x, z).certified());
    }

    /**
     * Every aligner against enumeration over all permutations of the space's size: exact and
     * (for point patterns) nodes attain it, certified; no aligner goes below it; every
     * permutation has the size the space gives the pair, and the lower bounds stay below.
     */
    @Test
    void everyAlignerAgainstTheDistanceOfTheDesign() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> names = Aligners.names();
        int signedAboveTheLargerOrder = 0;
        for (int trial = 0; trial < 160; trial++) {
            Case c = randomCase(random, trial);
            GraphSpace space = c.space();
            Graph x = c.x();
            Graph y = c.y();
            double best = MatchTesting.bruteForceSquaredDistance(space, x, y, space.size());
            int larger = Math.max(x.order(), y.order());
            if (MatchTesting.bruteForceSquaredDistance(space, x, y, larger)
                    > best + MatchTesting.TOL * (1.0 + space.squaredNorm(x)
                    + space.squaredNorm(y))) {
                assertTrue(c.signed(), "trial " + trial + ": non-negative data need padding");
                signedAboveTheLargerOrder++;
            }
            int size = space.alignmentSize(x, y);
            for (String name : names) {
                Aligner aligner = Aligners.byName(name, trial);
                Alignment a = aligner.align(space, x, y);
                String where = "trial " + trial + ", " + name + ": " + a;
                assertEquals(size, a.permutation().size(), where);
                double floor = best - MatchTesting.TOL * (1.0 + space.squaredNorm(x)
                        + space.squaredNorm(y));
                assertTrue(a.squaredDistance() >= floor, where + " below " + best);
                if (a.certified()) {
                    assertClose(best, a.squaredDistance(), space, x, y, where);
                }
                Alignment back = aligner.align(space, y, x);
                assertEquals(a.distance(), back.distance(), 0.0, where + " (reversed)");
            }
            Alignment exact = new ExactAligner(trial).align(space, x, y);
            assertTrue(exact.certified(), "trial " + trial + ": " + exact);
            assertClose(best, exact.squaredDistance(), space, x, y, "trial " + trial);
            if (space.edgeDimension() == 0) {
                Alignment nodes = new NodeAssignmentAligner().align(space, x, y);
                assertTrue(nodes.certified(), "trial " + trial + ": " + nodes);
                assertClose(best, nodes.squaredDistance(), space, x, y, "trial " + trial);
            }
            DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
            DistanceLowerBound.Profile py = DistanceLowerBound.profile(space, y);
            assertTrue(DistanceLowerBound.distance(
                    DistanceLowerBound.squaredDistance(space, px, py), px, py)
                    <= exact.distance(), "trial " + trial);
        }
        assertTrue(signedAboveTheLargerOrder >= 10, "too few pairs where padding matters: "
                + signedAboveTheLargerOrder);
    }

    /**
     * The sizes the space gives are enough: non-negative pairs reach the optimum at the
     * larger order, signed pairs at {@code min(size, sum of orders)}.
     */
    @Test
    void theAlignmentSizeReachesTheOptimumOfTheWholeSpace() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int trial = 0; trial < 300; trial++) {
            Case c = randomCase(random, trial);
            GraphSpace space = c.space();
            double best = MatchTesting.bruteForceSquaredDistance(space, c.x(), c.y(),
                    space.size());
            double atSize = MatchTesting.bruteForceSquaredDistance(space, c.x(), c.y(),
                    space.alignmentSize(c.x(), c.y()));
            assertClose(best, atSize, space, c.x(), c.y(), "trial " + trial);
            if (!c.signed()) {
                assertEquals(Math.max(c.x().order(), c.y().order()),
                        space.alignmentSize(c.x(), c.y()), "trial " + trial);
            }
        }
    }

    /**
     * Signed coordinates next to an existence channel large enough that every real pair of
     * nodes (and of edges) has a positive similarity: the sign test fails, the pair test
     * passes, the pair is solved at the larger order, symmetric in its arguments, and
     * enumeration over the whole space finds nothing better. Shrinking the existence channel
     * makes some pair negative and the size grows again.
     */
    @Test
    void signedPairsWithPositiveSimilaritiesKeepTheLargerOrder() {
        SplittableRandom random = new SplittableRandom(SEED + 5);
        int signTestFailed = 0;
        for (int trial = 0; trial < 60; trial++) {
            boolean edges = trial % 2 == 0;
            int nx = 1 + random.nextInt(4);
            int ny = 1 + random.nextInt(4);
            Graph x = nearOrigin(random, nx, edges);
            Graph y = nearOrigin(random, ny, edges);
            GraphSpace space = new GraphSpace(7, 2, edges ? 2 : 0, 1.0, 1.0);
            String where = "trial " + trial;
            if (space.crossSimilarityCanBeNegative(x, y)) {
                signTestFailed++;
            }
            int larger = Math.max(nx, ny);
            assertEquals(larger, space.alignmentSize(x, y), where);
            assertEquals(larger, space.alignmentSize(y, x), where);
            assertClose(MatchTesting.bruteForceSquaredDistance(space, x, y, space.size()),
                    MatchTesting.bruteForceSquaredDistance(space, x, y, larger), space, x, y,
                    where);
            Alignment exact = new ExactAligner(trial).align(space, x, y);
            assertEquals(larger, exact.permutation().size(), where);
            assertTrue(exact.certified(), where);
        }
        assertTrue(signTestFailed >= 30, "too few signed pairs: " + signTestFailed);

        GraphSpace space = new GraphSpace(7, 2, 0, 1.0, 1.0);
        assertEquals(2, space.alignmentSize(pointsWithExistence(2.0, 1.0, 0.5),
                pointsWithExistence(2.0, -1.0)));
        Graph faintEast = pointsWithExistence(0.5, 1.0, 0.5);
        Graph faintWest = pointsWithExistence(0.5, -1.0);
        assertEquals(3, space.alignmentSize(faintEast, faintWest));
        assertEquals(3, space.alignmentSize(faintWest, faintEast));
    }

    /**
     * One node at {@code v} against one at {@code -v}, tiny enough that their product is
     * subnormal or underflows to zero: the pair test still finds the similarity negative, so
     * the pair is aligned at size 2, and no aligner certifies more than the design's
     * {@code sqrt(2) v} (a tester saw size 1 and a certified {@code 2 v} from {@code 1e-170}
     * on). Where the squared values underflow the aligners cannot tell the alignments apart
     * and may return {@code 2 v}, uncertified (GraphSpace's Limitations).
     */
    @Test
    void tinyOppositeValuesStillNeedTheLargerSize() {
        GraphSpace space = new GraphSpace(2, 1, 0, 1.0, 1.0);
        for (double v : new double[] {1e-100, 1e-160, 1e-170, 1e-200, 1e-300}) {
            Graph.Builder bx = Graph.builder(1, 0);
            bx.addNode(v);
            Graph x = bx.build();
            Graph.Builder by = Graph.builder(1, 0);
            by.addNode(-v);
            Graph y = by.build();
            String where = "v = " + v;
            assertEquals(2, space.alignmentSize(x, y), where);
            assertEquals(2, space.alignmentSize(y, x), where);
            double design = Math.sqrt(2.0) * v;
            for (String name : List.of("exact", "nodes", "faq")) {
                Alignment a = Aligners.byName(name, 1).align(space, x, y);
                assertEquals(2, a.permutation().size(), where + ", " + name);
                assertTrue(a.distance() >= design * (1.0 - 1e-12), where + ", " + name);
                if (a.certified()) {
                    assertEquals(design, a.distance(), 1e-12 * v, where + ", " + name);
                }
            }
        }
    }

    /**
     * A pair whose test would take more than the budget is given the larger size untested,
     * although all its similarities are positive: 300 nodes of 200 signed channels each.
     * With 200 nodes the test runs and keeps the larger order.
     */
    @Test
    void aPairTestBeyondTheBudgetFallsBackOnTheSumOfTheOrders() {
        int channels = 200;
        Graph.Builder builder = Graph.builder(channels, 0);
        double[] attributes = new double[channels];
        Arrays.fill(attributes, 1.0);
        for (int i = 0; i < 300; i++) {
            attributes[0] = i % 2 == 0 ? 1.0 : -1.0;
            builder.addNode(attributes.clone());
        }
        Graph x = builder.build();
        GraphSpace space = new GraphSpace(600, channels, 0, 1.0, 1.0);
        assertTrue(300L * 300 * channels > (1L << 24));
        assertEquals(600, space.alignmentSize(x, x));
        assertEquals(300, space.withSize(300).alignmentSize(x, x));
        Graph smaller = x.subgraph(IntStream.range(0, 200).toArray());
        assertEquals(200, space.alignmentSize(smaller, smaller));
    }

    /**
     * A graph with a coordinate in {@code [-1, 1)} and an existence channel of 2 on each node,
     * and, when asked, edges with a value in {@code [-1, 1)} and a second channel of 2: every
     * cross similarity of two such graphs is at least 3.
     */
    private static Graph nearOrigin(SplittableRandom random, int order, boolean edges) {
        Graph.Builder builder = Graph.builder(2, edges ? 2 : 0);
        for (int i = 0; i < order; i++) {
            builder.addNode(random.nextDouble(-1.0, 1.0), 2.0);
        }
        for (int i = 0; i < order && edges; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextBoolean()) {
                    builder.addEdge(i, j, random.nextDouble(-1.0, 1.0), 2.0);
                }
            }
        }
        return builder.build();
    }

    /**
     * Non-negative attributes far from 0 next to their spread: the aligners solve the pair
     * with that offset removed (OffsetRemoval), which makes the shifted attributes signed, but
     * the padding size is that of the caller's pair, the larger order, for every aligner,
     * wrappers of other aligners included, and certified results are optimal.
     */
    @Test
    void theSizeOfAnOffsetPairIsDecidedOnTheGraphsGiven() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        for (int trial = 0; trial < 40; trial++) {
            boolean edges = trial % 2 == 0;
            int nx = 2 + random.nextInt(3);
            int ny = 1 + random.nextInt(nx - 1);
            Graph x = offset(random, nx, edges);
            Graph y = offset(random, ny, edges);
            GraphSpace space = new GraphSpace(6, 2, edges ? 1 : 0, 1.0, 1.0);
            assertFalse(space.crossSimilarityCanBeNegative(x, y));
            double best = MatchTesting.bruteForceSquaredDistance(space, x, y, space.size());
            for (String name : Aligners.names()) {
                Alignment a = Aligners.byName(name, trial).align(space, x, y);
                String where = "trial " + trial + ", " + name + ": " + a;
                assertEquals(nx, a.permutation().size(), where);
                assertTrue(a.squaredDistance() >= best - 1e-6 * (1.0 + best), where);
                if (a.certified()) {
                    assertEquals(best, a.squaredDistance(), 1e-6 * (1.0 + best), where);
                }
            }
        }
    }

    /** A graph with two node channels near 50 that vary by at most 0.5, and edges near 1. */
    private static Graph offset(SplittableRandom random, int order, boolean edges) {
        Graph.Builder builder = Graph.builder(2, edges ? 1 : 0);
        for (int i = 0; i < order; i++) {
            builder.addNode(50.0 + random.nextDouble(0.5), 50.0 + random.nextDouble(0.5));
        }
        for (int i = 0; i < order && edges; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextBoolean()) {
                    builder.addEdge(i, j, 0.5 + random.nextDouble());
                }
            }
        }
        return builder.build();
    }

    /** Distances certified by the exact aligner satisfy the triangle inequality. */
    @Test
    void certifiedDistancesSatisfyTheTriangleInequality() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int trial = 0; trial < 60; trial++) {
            boolean edges = trial % 2 == 0;
            List<Graph> graphs = new ArrayList<>();
            for (int g = 0; g < 3; g++) {
                graphs.add(graph(random, 1 + random.nextInt(4), 1, edges ? 1 : 0, false, true,
                        true));
            }
            GraphSpace space = new GraphSpace(6, 2, edges ? 1 : 0, 1.0, 1.0);
            ExactAligner exact = new ExactAligner(trial);
            double[][] d = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    Alignment a = exact.align(space, graphs.get(i), graphs.get(j));
                    assertTrue(a.certified(), "trial " + trial + ": " + a);
                    d[i][j] = a.distance();
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        assertTrue(d[i][k] <= d[i][j] + d[j][k] + 1e-9,
                                "trial " + trial + ": d(" + i + ", " + k + ") = " + d[i][k]
                                + " above " + d[i][j] + " + " + d[j][k]);
                    }
                }
            }
        }
    }

    /**
     * A warm start of the larger order on a signed pair is extended with fixed points to the
     * size the space gives the pair; the result is never worse than the start, and the exact
     * aligner still reaches the optimum of the space.
     */
    @Test
    void warmStartsAreExtendedToTheAlignmentSize() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int trial = 0; trial < 80; trial++) {
            Case c = randomCase(random, 2 * trial);
            GraphSpace space = c.space();
            Graph x = c.x();
            Graph y = c.y();
            int larger = Math.max(x.order(), y.order());
            Permutation start = Permutation.identity(larger);
            double startDistance = space.distance(x, y, start);
            double best = MatchTesting.bruteForceSquaredDistance(space, x, y, space.size());
            for (String name : List.of("exact", "nodes", "faq", "ga", "ipfp")) {
                Alignment a = Aligners.byName(name, trial).align(space, x, y, start);
                String where = "trial " + trial + ", " + name + ": " + a;
                assertEquals(space.alignmentSize(x, y), a.permutation().size(), where);
                assertTrue(a.distance() <= startDistance, where);
                if (name.equals("exact")) {
                    assertTrue(a.certified(), where);
                    assertClose(best, a.squaredDistance(), space, x, y, where);
                }
            }
            Permutation wide = Permutation.identity(space.size());
            assertEquals(space.size(),
                    new ExactAligner(trial).align(space, x, y, wide).permutation().size());
        }
    }
}
