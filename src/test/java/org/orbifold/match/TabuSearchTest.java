package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class TabuSearchTest {

    private static final long SEED = 271_828L;
    /**
     * Smallest share of small random instances on which the default search, started from a
     * random permutation, must reach the brute-force optimum. Measured: 60 of 60.
     */
    private static final double MIN_OPTIMAL_SHARE = 0.95;

    @Test
    void reachesTheBruteForceOptimumOnSmallInstances() {
        SplittableRandom random = new SplittableRandom(SEED);
        int instances = 60;
        int optimal = 0;
        for (int t = 0; t < instances; t++) {
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 2, 8, true);
            int m = Math.max(c.x().order(), c.y().order());
            Permutation start = Permutation.random(m, random);
            double tolerance = MatchTesting.tolerance(c.space(), c.x(), c.y());

            Alignment found = new TabuSearch(t).improve(c.space(), c.x(), c.y(), start);
            double best = MatchTesting.bruteForceSimilarity(c.space(), c.x(), c.y(), m);
            assertTrue(found.similarity() >= c.space().similarity(c.x(), c.y(), start),
                    "instance " + t + " ends worse than its start");
            assertTrue(found.similarity() <= best + tolerance, "instance " + t);
            assertEquals(c.space().similarity(c.x(), c.y(), found.permutation()),
                    found.similarity(), tolerance, "instance " + t);
            if (found.similarity() >= best - tolerance) {
                optimal++;
            }
        }
        assertTrue(optimal >= MIN_OPTIMAL_SHARE * instances,
                optimal + " of " + instances + " optimal");
    }

    @Test
    void maintainedGainsMatchRecomputedOnes() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int t = 0; t < 24; t++) {
            // Asymmetric, multi-channel, with node attributes and padding.
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 3, 12, true);
            GraphSpace space = c.space();
            int m = Math.max(c.x().order(), c.y().order()) + t % 3;
            Permutation start = Permutation.random(m, random);
            double tolerance = MatchTesting.tolerance(space, c.x(), c.y());
            TabuSearch.Walk walk = new TabuSearch(t).walk(space, c.x(), c.y(), start);
            assertTrue(walk.refreshPeriod() > 40, "the steps below must use the update formula");

            for (int step = 0; step < 40; step++) {
                walk.step();
                int[] images = walk.images();
                double value = space.similarity(c.x(), c.y(), Permutation.of(images));
                assertEquals(value, walk.currentValue(), tolerance, "instance " + t);
                for (int u = 0; u < m; u++) {
                    for (int v = u + 1; v < m; v++) {
                        int[] swapped = images.clone();
                        swapped[u] = images[v];
                        swapped[v] = images[u];
                        double expected = space.similarity(c.x(), c.y(),
                                Permutation.of(swapped)) - value;
                        assertEquals(expected, walk.gain(u, v), tolerance, "instance " + t
                                + ", step " + step + ", exchange (" + u + ", " + v + ")");
                    }
                }
            }
        }
    }

    @Test
    void isDeterministicForASeedOnAnyThread() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        MatchTesting.Instance c = MatchTesting.randomInstance(random, 2, 12, 18, false);
        int m = Math.max(c.x().order(), c.y().order());
        Permutation start = Permutation.random(m, random);
        TabuSearch search = new TabuSearch(5L).withIterationsPerNode(200);

        TabuSearch.Result here = search.search(c.space(), c.x(), c.y(), start);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TabuSearch.Result> first =
                    pool.submit(() -> search.search(c.space(), c.x(), c.y(), start));
            Future<TabuSearch.Result> second = pool.submit(() -> new TabuSearch(5L)
                    .withIterationsPerNode(200).search(c.space(), c.x(), c.y(), start));
            for (Future<TabuSearch.Result> other : java.util.List.of(first, second)) {
                TabuSearch.Result there = other.get();
                assertEquals(here.alignment(), there.alignment());
                assertEquals(here.iterations(), there.iterations());
                assertEquals(here.bestIteration(), there.bestIteration());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void respectsTheIterationBudget() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int t = 0; t < 12; t++) {
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 6, 12, true);
            int m = Math.max(c.x().order(), c.y().order());
            Permutation start = Permutation.random(m, random);
            long perNode = t % 4;
            TabuSearch.Result result = new TabuSearch(t).withIterationsPerNode(perNode)
                    .search(c.space(), c.x(), c.y(), start);
            assertTrue(result.iterations() <= perNode * m, "instance " + t);
            assertTrue(result.bestIteration() <= result.iterations(), "instance " + t);
            assertFalse(result.timeLimitReached());
            if (perNode == 0) {
                assertEquals(start, result.alignment().permutation());
            }
        }
    }

    @Test
    void stopsAtTheTimeLimit() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        Graph x = MatchTesting.randomGraph(random, 30, 1, 1, 0.5, true,
                MatchTesting.Values.SIGNED);
        Graph y = MatchTesting.randomGraph(random, 30, 1, 1, 0.5, true,
                MatchTesting.Values.SIGNED);
        GraphSpace space = new GraphSpace(30, 1, 1, 1.0, 1.0);
        Permutation start = Permutation.identity(30);

        // An iteration budget no machine finishes: only the clock can end this search.
        TabuSearch.Result result = new TabuSearch(1L).withIterationsPerNode(Long.MAX_VALUE)
                .withTimeLimit(Duration.ofMillis(50)).search(space, x, y, start);
        assertTrue(result.timeLimitReached());
        assertTrue(result.alignment().similarity() >= space.similarity(x, y, start));
    }

    @Test
    void stopsAtAPerfectMatchAndCertifiesIt() {
        Graph ring = MatchTesting.cycle(9);
        GraphSpace space = new GraphSpace(9, 0, 1, 1.0, 1.0);
        Permutation shuffled = Permutation.of(3, 7, 1, 8, 0, 5, 2, 6, 4);
        TabuSearch.Result result = new TabuSearch(3L).search(space, ring,
                ring.permute(shuffled), Permutation.identity(9));
        assertEquals(0.0, result.alignment().distance(), MatchTesting.TOL);
        assertTrue(result.alignment().certified());
        assertTrue(result.iterations() < TabuSearch.DEFAULT_ITERATIONS_PER_NODE * 9);
    }

    @Test
    void keepsTheSizeOfAPaddedStart() {
        SplittableRandom random = new SplittableRandom(SEED + 5);
        Graph x = MatchTesting.randomGraph(random, 5, 1, 2, 0.5, true,
                MatchTesting.Values.POSITIVE);
        Graph y = MatchTesting.randomGraph(random, 7, 1, 2, 0.5, false,
                MatchTesting.Values.POSITIVE);
        GraphSpace space = new GraphSpace(10, 1, 2, 0.5, 1.5);
        Permutation start = Permutation.random(10, random);
        Alignment found = new TabuSearch(2L).improve(space, x, y, start);
        assertEquals(10, found.permutation().size());
        double tolerance = MatchTesting.tolerance(space, x, y);
        assertEquals(space.similarity(x, y, found.permutation()), found.similarity(),
                tolerance);
        assertEquals(MatchTesting.bruteForceSimilarity(space, x, y, 7), found.similarity(),
                tolerance);
    }

    @Test
    void returnsTheStartWhenAGraphIsEmpty() {
        GraphSpace space = new GraphSpace(5, 0, 1, 1.0, 1.0);
        Graph empty = Graph.builder(0, 1).build();
        Permutation start = Permutation.of(2, 0, 1, 4, 3);
        TabuSearch.Result result = new TabuSearch(1L).search(space, empty,
                MatchTesting.cycle(5), start);
        assertEquals(start, result.alignment().permutation());
        assertEquals(0, result.iterations());
    }

    @Test
    void rejectsBadOptions() {
        TabuSearch search = new TabuSearch(1L);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withIterationsPerNode(-1)), "iterationsPerNode", "-1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withTimeLimit(Duration.ZERO)), "time limit", "PT0S");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withTimeLimit(Duration.ofSeconds(-2))), "time limit", "PT-2S");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withTenure(0.0, 1.0)), "minTenure", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withTenure(1.0, 0.5)), "maxTenure", "0.5");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withTenure(Double.NaN, 1.0)), "minTenure", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withAspiration(0.0)), "aspiration", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.withAspiration(Double.NaN)), "aspiration", "NaN");
        assertNotNull(search.withAspiration(Double.POSITIVE_INFINITY).withTimeLimit(null));
    }

    @Test
    void rejectsBadInputs() {
        TabuSearch search = new TabuSearch(1L);
        GraphSpace space = new GraphSpace(6, 0, 1, 1.0, 1.0);
        Graph five = MatchTesting.cycle(5);
        Graph four = MatchTesting.cycle(4);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.improve(space, five, four, Permutation.identity(4))), "size 4");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.improve(space, MatchTesting.cycle(7), four,
                        Permutation.identity(7))), "graph x", "order 7");
        GraphSpace wide = new GraphSpace(6, 0, 2, 1.0, 1.0);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> search.improve(wide, five, four, Permutation.identity(5))), "graph x",
                "edge 1");
        assertThrows(NullPointerException.class,
                () -> search.improve(space, five, null, Permutation.identity(5)));
        assertThrows(NullPointerException.class,
                () -> search.improve(space, five, four, null));
    }

    @Test
    void resultRejectsInconsistentCounts() {
        Alignment a = Alignment.of(new GraphSpace(3, 0, 1, 1.0, 1.0), MatchTesting.cycle(3),
                MatchTesting.cycle(3), Permutation.identity(3), false);
        assertThrows(IllegalArgumentException.class, () -> new TabuSearch.Result(a, 3, 4, false));
        assertThrows(IllegalArgumentException.class, () -> new TabuSearch.Result(a, -1, 0, false));
        assertArrayEquals(new int[] {0, 1, 2},
                new TabuSearch.Result(a, 3, 2, false).alignment().permutation().toArray());
    }

    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }
}
