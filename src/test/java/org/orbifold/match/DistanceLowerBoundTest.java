package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/** {@link DistanceLowerBound} against brute-force distances. */
class DistanceLowerBoundTest {

    private static final long SEED = 20261206L;

    /** Rounding allowance relative to the squared norms. */
    private static final double TOLERANCE = 1e-9;

    /** Two small random graphs and a space for them, as trial {@code trial} varies them. */
    private record Pair(Graph x, Graph y, GraphSpace space, boolean signed) {
    }

    /**
     * Returns trial {@code trial}'s pair: directed every third trial, signed every second, no
     * node weight every fifth and no edge weight every seventh (but never both, which a
     * {@link GraphSpace} refuses), orders 1 to 4.
     */
    private static Pair randomPair(SplittableRandom random, int trial) {
        boolean directed = trial % 3 == 0;
        boolean signed = trial % 2 == 0;
        Graph x = randomGraph(random, 1 + random.nextInt(4), directed, signed);
        Graph y = randomGraph(random, 1 + random.nextInt(4), directed, signed);
        double nodeWeight = trial % 5 == 0 ? 0.0 : 0.5 + random.nextDouble();
        double edgeWeight = trial % 7 == 0 && nodeWeight > 0.0 ? 0.0
                : 0.5 + random.nextDouble();
        return new Pair(x, y, new GraphSpace(x.order() + y.order(), 2, 2, nodeWeight,
                edgeWeight), signed);
    }

    @Test
    void boundNeverExceedsTheBruteForceDistance() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 300; trial++) {
            Pair pair = randomPair(random, trial);
            Graph x = pair.x();
            Graph y = pair.y();
            GraphSpace space = pair.space();
            double exact = bruteForce(space, x, y);
            DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
            DistanceLowerBound.Profile py = DistanceLowerBound.profile(space, y);
            double bound = DistanceLowerBound.squaredDistance(space, px, py);
            double quick = DistanceLowerBound.quickSquaredDistance(space, px, py);
            assertTrue(bound <= exact + TOLERANCE * (1.0 + space.squaredNorm(x)
                    + space.squaredNorm(y)), "trial " + trial + ": bound " + bound
                    + " above the distance " + exact);
            assertTrue(quick <= bound, "trial " + trial + ": quick bound " + quick
                    + " above the full bound " + bound);
            assertTrue(quick >= 0.0, "negative bound " + quick);
            assertTrue(DistanceLowerBound.distance(bound, px, py) <= Math.sqrt(exact),
                    "trial " + trial + ": distance bound above the distance");
        }
    }

    @Test
    void similarityBoundsEncloseEveryPermutation() {
        SplittableRandom random = new SplittableRandom(SEED + 7);
        for (int trial = 0; trial < 300; trial++) {
            Pair pair = randomPair(random, trial);
            Graph x = pair.x();
            Graph y = pair.y();
            GraphSpace space = pair.space();
            boolean signed = pair.signed();
            DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
            DistanceLowerBound.Profile py = DistanceLowerBound.profile(space, y);
            double quick = DistanceLowerBound.quickMaximumSimilarity(space, px, py);
            double upper = DistanceLowerBound.maximumSimilarity(space, px, py);
            double lower = DistanceLowerBound.minimumSimilarity(space, px, py);
            assertTrue(upper <= quick, "trial " + trial + ": full bound " + upper
                    + " above the quick one " + quick);
            int[] p = new int[space.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = i;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            do {
                double similarity = space.similarity(x, y, Permutation.of(p));
                max = Math.max(max, similarity);
                min = Math.min(min, similarity);
            } while (nextPermutation(p));
            assertTrue(max <= upper, "trial " + trial + ": similarity " + max
                    + " above the bound " + upper);
            assertTrue(min >= lower, "trial " + trial + ": similarity " + min
                    + " below the bound " + lower);
            // The squared-distance bound is the same relaxation.
            double fromUpper = space.squaredNorm(x) + space.squaredNorm(y) - 2.0 * upper;
            assertEquals(Math.max(0.0, fromUpper), DistanceLowerBound.squaredDistance(space,
                    px, py), 3.0 * DistanceLowerBound.margin(px, py) + 1e-12);
            if (!signed) {
                assertEquals(-DistanceLowerBound.margin(px, py), lower, 0.0,
                        "non-negative values: the lower bound is 0 minus the margin");
            }
        }
    }

    @Test
    void boundIsExactForNonNegativePointPatterns() {
        // Without edges the bound is the node assignment, the exact point-pattern distance.
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int trial = 0; trial < 50; trial++) {
            Graph x = randomPoints(random, 1 + random.nextInt(5));
            Graph y = randomPoints(random, 1 + random.nextInt(5));
            GraphSpace space = new GraphSpace(Math.max(x.order(), y.order()), 2, 0, 1.0, 1.0);
            double exact = Aligners.byName("nodes", 0).align(space, x, y).squaredDistance();
            double bound = DistanceLowerBound.squaredDistance(space,
                    DistanceLowerBound.profile(space, x), DistanceLowerBound.profile(space, y));
            assertEquals(exact, bound, TOLERANCE * (1.0 + exact));
        }
    }

    @Test
    void boundOfAGraphAndItsRelabellingIsZero() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        Graph x = randomGraph(random, 6, false, true);
        Graph y = x.permute(Permutation.random(6, random));
        GraphSpace space = new GraphSpace(6, 2, 2, 1.0, 1.0);
        DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
        DistanceLowerBound.Profile py = DistanceLowerBound.profile(space, y);
        assertTrue(DistanceLowerBound.squaredDistance(space, px, py)
                <= DistanceLowerBound.margin(px, py));
    }

    @Test
    void boundSeesDifferentBondCounts() {
        // A triangle and three isolated nodes of the same label differ only in their edges;
        // the bound is the edge term exactly: 3 undirected unit edges, 6 ordered pairs.
        Graph.Builder triangle = Graph.builder(1, 1);
        Graph.Builder empty = Graph.builder(1, 1);
        for (int i = 0; i < 3; i++) {
            triangle.addNode(1.0);
            empty.addNode(1.0);
        }
        triangle.addEdge(0, 1, 1.0).addEdge(1, 2, 1.0).addEdge(0, 2, 1.0);
        GraphSpace space = new GraphSpace(3, 1, 1, 1.0, 1.0);
        double bound = DistanceLowerBound.squaredDistance(space,
                DistanceLowerBound.profile(space, triangle.build()),
                DistanceLowerBound.profile(space, empty.build()));
        assertEquals(6.0, bound, TOLERANCE);
    }

    @Test
    void quickBoundOfOneHotLabelsIsTheHistogramDistance() {
        // One-hot node and edge labels: the quick bound is sum |count_X - count_Y| over node
        // labels plus the same over the ordered pairs of each bond label.
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int trial = 0; trial < 40; trial++) {
            Graph x = oneHotGraph(random, 1 + random.nextInt(7));
            Graph y = oneHotGraph(random, 1 + random.nextInt(7));
            GraphSpace space = new GraphSpace(Math.max(x.order(), y.order()), 3, 2, 1.0, 1.0);
            double expected = 0.0;
            for (int c = 0; c < 3; c++) {
                expected += Math.abs(nodeCount(x, c) - nodeCount(y, c));
            }
            for (int c = 0; c < 2; c++) {
                expected += Math.abs(pairCount(x, c) - pairCount(y, c));
            }
            DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
            DistanceLowerBound.Profile py = DistanceLowerBound.profile(space, y);
            assertEquals(expected, DistanceLowerBound.quickSquaredDistance(space, px, py),
                    TOLERANCE);
            assertEquals(expected, DistanceLowerBound.squaredDistance(space, px, py),
                    TOLERANCE);
        }
    }

    @Test
    void profilesOfAnotherSpaceAreRejected() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        Graph x = randomGraph(random, 3, false, false);
        GraphSpace space = new GraphSpace(3, 2, 2, 1.0, 1.0);
        DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
        GraphSpace other = space.withWeights(1.0, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistanceLowerBound.squaredDistance(other, px, px));
        assertTrue(e.getMessage().contains("another space"), e.getMessage());
    }

    private static Graph oneHotGraph(SplittableRandom random, int order) {
        Graph.Builder builder = Graph.builder(3, 2);
        for (int i = 0; i < order; i++) {
            double[] label = new double[3];
            label[random.nextInt(3)] = 1.0;
            builder.addNode(label);
        }
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextDouble() < 0.4) {
                    double[] bond = new double[2];
                    bond[random.nextInt(2)] = 1.0;
                    builder.addEdge(i, j, bond);
                }
            }
        }
        return builder.build();
    }

    private static int nodeCount(Graph g, int channel) {
        int count = 0;
        for (int i = 0; i < g.order(); i++) {
            count += g.node(i, channel) > 0.0 ? 1 : 0;
        }
        return count;
    }

    private static int pairCount(Graph g, int channel) {
        int count = 0;
        for (int i = 0; i < g.order(); i++) {
            for (int j : g.successors(i)) {
                count += g.edge(i, j, channel) > 0.0 ? 1 : 0;
            }
        }
        return count;
    }

    private static Graph randomGraph(SplittableRandom random, int order, boolean directed,
            boolean signed) {
        Graph.Builder builder = Graph.builder(2, 2).directed(directed);
        for (int i = 0; i < order; i++) {
            builder.addNode(value(random, signed), value(random, signed));
        }
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j && random.nextDouble() < 0.5) {
                    builder.addEdge(i, j, value(random, signed), value(random, signed));
                }
            }
        }
        return builder.build();
    }

    private static Graph randomPoints(SplittableRandom random, int order) {
        Graph.Builder builder = Graph.builder(2, 0);
        for (int i = 0; i < order; i++) {
            builder.addNode(random.nextDouble(), random.nextDouble());
        }
        return builder.build();
    }

    private static double value(SplittableRandom random, boolean signed) {
        return signed ? 2.0 * random.nextDouble() - 1.0 : random.nextDouble();
    }

    /** The smallest squared distance over all permutations of the space's order. */
    private static double bruteForce(GraphSpace space, Graph x, Graph y) {
        int[] p = new int[space.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            best = Math.min(best, space.squaredDistance(x, y, Permutation.of(p)));
        } while (nextPermutation(p));
        return best;
    }

    /** Steps to the next permutation in lexicographic order; false after the last. */
    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        int swap = p[i];
        p[i] = p[j];
        p[j] = swap;
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            swap = p[a];
            p[a] = p[b];
            p[b] = swap;
        }
        return true;
    }
}
