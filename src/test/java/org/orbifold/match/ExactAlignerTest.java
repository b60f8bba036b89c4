package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class ExactAlignerTest {

    private static final long SEED = 20240611L;

    @Test
    void matchesBruteForceOnRandomGraphs() {
        SplittableRandom random = new SplittableRandom(SEED);
        ExactAligner exact = new ExactAligner(7L);
        int instances = 240;
        for (int t = 0; t < instances; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 1, 7, true);
            Graph x = instance.x();
            Graph y = instance.y();
            GraphSpace space = instance.space();
            int m = space.alignmentSize(x, y);

            Alignment alignment = exact.align(space, x, y);
            double expected = MatchTesting.bruteForceSimilarity(space, x, y, m);
            double tolerance = MatchTesting.tolerance(space, x, y);
            assertTrue(alignment.certified(), "instance " + t);
            assertEquals(m, alignment.permutation().size(), "instance " + t);
            assertEquals(expected, alignment.similarity(), tolerance, "instance " + t);
            assertEquals(space.distance(x, y, alignment.permutation()), alignment.distance(),
                    tolerance, "instance " + t);
        }
    }

    /**
     * Edge attributes far from 0 next to their differences (edges keep their offset, since a
     * non-edge is 0): a certificate must hold against brute force, at every offset. At offset
     * 0 every result is certified, as before.
     */
    @Test
    void certifiesOnlyWhatRoundingCanResolveAtLargeOffsets() {
        ExactAligner exact = new ExactAligner(3L);
        double[] offsets = {0.0, 1e6, 1e9, 1e12};
        int certified = 0;
        for (double nodeOffset : offsets) {
            for (double edgeOffset : offsets) {
                SplittableRandom random = new SplittableRandom(SEED + 11);
                for (int t = 0; t < 12; t++) {
                    Graph x = offsetGraph(random, 2 + random.nextInt(5), nodeOffset, edgeOffset,
                            t % 2 == 0);
                    Graph y = offsetGraph(random, 2 + random.nextInt(5), nodeOffset, edgeOffset,
                            t % 2 == 0);
                    GraphSpace space = new GraphSpace(6, 1, 1, 1.0, 1.0);
                    int m = Math.max(x.order(), y.order());
                    Alignment alignment = exact.align(space, x, y);
                    double best = MatchTesting.bruteForceDistance(space, x, y, m);
                    String what = "offsets " + nodeOffset + ", " + edgeOffset + ", instance "
                            + t + ": " + alignment.distance() + " against " + best;
                    if (alignment.certified()) {
                        certified++;
                        assertTrue(alignment.distance() <= best * (1.0 + 1e-6) + 1e-9, what);
                    }
                    if (nodeOffset == 0.0 && edgeOffset == 0.0) {
                        assertTrue(alignment.certified(), what);
                    }
                }
            }
        }
        assertTrue(certified >= 12, "certified " + certified);
    }

    /**
     * A warm start larger than both graphs leaves a node offset in place (padding at 0 pins
     * the origin): no aligner may then certify an alignment that brute force beats.
     */
    @Test
    void certifiesNothingWrongAfterALargerWarmStartAtAnOffset() {
        SplittableRandom random = new SplittableRandom(SEED + 13);
        for (String name : new String[] {"exact", "faq", "ga", "ipfp", "nodes"}) {
            Aligner aligner = Aligners.byName(name, 5L);
            for (int t = 0; t < 10; t++) {
                int order = 2 + random.nextInt(3);
                Graph x = offsetGraph(random, order, 1e9, 0.0, false);
                Graph y = offsetGraph(random, order, 1e9, 0.0, false);
                GraphSpace space = new GraphSpace(order + 1, 1, 1, 1.0, 1.0);
                Alignment alignment = aligner.align(space, x, y,
                        Permutation.identity(order + 1));
                double best = MatchTesting.bruteForceDistance(space, x, y, order + 1);
                assertTrue(!alignment.certified()
                        || alignment.distance() <= best * (1.0 + 1e-6) + 1e-9,
                        name + ", instance " + t + ": " + alignment.distance() + " against "
                        + best);
            }
        }
    }

    /** A graph of the given order with quarter-integer node and edge attributes. */
    private static Graph offsetGraph(SplittableRandom random, int order, double nodeOffset,
            double edgeOffset, boolean directed) {
        Graph.Builder builder = Graph.builder(1, 1).directed(directed);
        for (int i = 0; i < order; i++) {
            builder.addNode(nodeOffset + random.nextInt(-8, 9) / 4.0);
        }
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j && random.nextBoolean()) {
                    builder.addEdge(i, j, edgeOffset + random.nextInt(1, 9) / 4.0);
                }
            }
        }
        return builder.build();
    }

    @Test
    void optimisesAtTheSizeOfALargerStart() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        ExactAligner exact = new ExactAligner(5L);
        for (int t = 0; t < 40; t++) {
            Graph x = MatchTesting.randomGraph(random, 1 + random.nextInt(5), 1, 1, 0.5,
                    t % 2 == 0, MatchTesting.Values.SIGNED);
            Graph y = MatchTesting.randomGraph(random, 1 + random.nextInt(5), 1, 1, 0.5,
                    t % 2 == 0, MatchTesting.Values.SIGNED);
            GraphSpace space = new GraphSpace(7, 1, 1, 1.0, 1.0);
            int size = Math.max(x.order(), y.order()) + 1 + t % 2;
            int m = Math.max(size, space.alignmentSize(x, y));
            Alignment alignment = exact.align(space, x, y, Permutation.identity(size));
            assertTrue(alignment.certified(), "instance " + t);
            assertEquals(m, alignment.permutation().size(), "instance " + t);
            assertEquals(MatchTesting.bruteForceSimilarity(space, x, y, m),
                    alignment.similarity(), MatchTesting.tolerance(space, x, y),
                    "instance " + t);
        }
    }

    @Test
    void certifiesSymmetricGraphs() {
        ExactAligner exact = new ExactAligner(1L);
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        Graph ring = MatchTesting.cycle(10);
        Graph twoRings = MatchTesting.cycles(5, 5);
        Graph clique = MatchTesting.complete(10);
        SplittableRandom random = new SplittableRandom(SEED);
        Graph shuffled = ring.permute(Permutation.random(10, random));

        Alignment same = exact.align(space, ring, shuffled);
        assertTrue(same.certified());
        assertEquals(0.0, same.distance(), MatchTesting.TOL);

        // C10 against 2 C5: the edges of C10 kept by a bijection form paths, and a path lies in
        // one 5-cycle, so at most 4 + 4 of the 10 edges match: similarity 2 * 8 (ordered pairs).
        Alignment rings = exact.align(space, ring, twoRings);
        assertTrue(rings.certified());
        assertEquals(16.0, rings.similarity(), MatchTesting.TOL);

        Alignment cliques = exact.align(space, clique, clique.permute(
                Permutation.random(10, random)));
        assertTrue(cliques.certified());
        assertEquals(0.0, cliques.distance(), MatchTesting.TOL);

        // Every bijection keeps the 20 ordered edges of C10 inside K10.
        Alignment ringInClique = exact.align(space, clique, ring);
        assertTrue(ringInClique.certified());
        assertEquals(20.0, ringInClique.similarity(), MatchTesting.TOL);

        // C12 against 3 C4: each kept path has at most 4 nodes, so at most 9 of 12 edges match.
        GraphSpace twelve = new GraphSpace(12, 0, 1, 1.0, 1.0);
        Alignment squares = exact.align(twelve, MatchTesting.cycle(12),
                MatchTesting.cycles(4, 4, 4));
        assertTrue(squares.certified());
        assertEquals(18.0, squares.similarity(), MatchTesting.TOL);
    }

    @Test
    void certifiesRandomGraphsOfOrderTen() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        ExactAligner exact = new ExactAligner(3L);
        FaqAligner faq = new FaqAligner(3L);
        for (int t = 0; t < 20; t++) {
            boolean directed = t % 2 == 0;
            Graph x = MatchTesting.randomGraph(random, 10, 1, 1, 0.3, directed,
                    MatchTesting.Values.POSITIVE);
            Graph y = MatchTesting.randomGraph(random, 10, 1, 1, 0.3, directed,
                    MatchTesting.Values.POSITIVE);
            GraphSpace space = new GraphSpace(10, 1, 1, 1.0, 1.0);
            Alignment alignment = exact.align(space, x, y);
            assertTrue(alignment.certified(), "instance " + t);
            Alignment heuristic = faq.align(space, x, y);
            assertTrue(alignment.similarity() >= heuristic.similarity()
                    - MatchTesting.tolerance(space, x, y), "instance " + t);
            assertEquals(space.distance(x, y, alignment.permutation()), alignment.distance(),
                    MatchTesting.TOL);
        }
    }

    @Test
    void stopsAtTheNodeLimitWithAValidPermutation() {
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        Graph ring = MatchTesting.cycle(10);
        Graph twoRings = MatchTesting.cycles(5, 5);
        ExactAligner limited = new ExactAligner(1L, 1, ExactAligner.DEFAULT_TIME_LIMIT);
        Alignment alignment = limited.align(space, ring, twoRings);
        assertFalse(alignment.certified());
        assertEquals(10, alignment.permutation().size());
        assertEquals(space.distance(ring, twoRings, alignment.permutation()),
                alignment.distance(), MatchTesting.TOL);
    }

    /**
     * The node limit is counted, so a search it stops is repeatable: the documented
     * determinism of a stopped search holds for it, unlike for the wall-clock limit.
     */
    @Test
    void aSearchStoppedByTheNodeLimitIsRepeatable() {
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        Graph ring = MatchTesting.cycle(10);
        Graph twoRings = MatchTesting.cycles(5, 5);
        ExactAligner limited = new ExactAligner(1L, 200, Duration.ofDays(1));
        Alignment first = limited.align(space, ring, twoRings);
        assertFalse(first.certified());
        for (int repeat = 0; repeat < 5; repeat++) {
            Alignment again = limited.align(space, ring, twoRings);
            assertEquals(first.permutation(), again.permutation());
            assertEquals(first.distance(), again.distance());
            assertFalse(again.certified());
        }
    }

    @Test
    void stopsAtTheTimeLimitWithAValidPermutation() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        Graph x = MatchTesting.randomGraph(random, 14, 0, 1, 0.5, false,
                MatchTesting.Values.UNIT);
        Graph y = MatchTesting.randomGraph(random, 14, 0, 1, 0.5, false,
                MatchTesting.Values.UNIT);
        GraphSpace space = new GraphSpace(14, 0, 1, 1.0, 1.0);
        ExactAligner limited = new ExactAligner(1L, Long.MAX_VALUE, Duration.ofNanos(1));
        Alignment alignment = limited.align(space, x, y);
        assertFalse(alignment.certified());
        assertEquals(14, alignment.permutation().size());
        assertEquals(space.distance(x, y, alignment.permutation()), alignment.distance(),
                MatchTesting.TOL);
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExactAligner(1L, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ExactAligner(1L, 10, Duration.ZERO));
    }
}
