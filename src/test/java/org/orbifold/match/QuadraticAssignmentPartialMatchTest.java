package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment.Solution;
import org.orbifold.space.Permutation;

/**
 * {@link QuadraticAssignment} with fixed pairs (SciPy's {@code partial_match}) against
 * enumeration of the permutations that honour them, for orders up to 7 and every number of
 * pairs, on integer matrices (exact objectives); against runs of SciPy 1.17.1; and its
 * refusals of bad pairs.
 */
class QuadraticAssignmentPartialMatchTest {

    /**
     * One run of SciPy 1.17.1's {@code quadratic_assignment(A, B, method, options={
     * "partial_match": pm, "rng": t, "maximize": maximize})} on matrices of NumPy
     * {@code default_rng(20261206)} (entries -5..5, about a third zero): its {@code col_ind}
     * and {@code fun}, and the optimum over the permutations that honour {@code pm},
     * enumerated in Python.
     */
    private record ScipyRun(double[][] a, double[][] b, int[][] pairs, String method,
            boolean maximize, int[] columns, double fun, double optimum) {
    }

    private static final List<ScipyRun> SCIPY_RUNS = List.of(
        new ScipyRun(
            new double[][] {{0, 0, -1, 0, -3}, {3, -5, -4, -3, -2}, {0, 0, -2, 0, -4},
                {0, 0, 3, 1, -3}, {4, -4, 0, 2, 3}},
            new double[][] {{-3, 0, 0, -1, 2}, {-4, 0, 0, -2, 0}, {0, 5, 0, -4, 3},
                {0, 3, -4, 0, 0}, {5, -1, 0, -3, -1}},
            new int[][] {{4, 3}}, "2opt", false,
            new int[] {2, 4, 1, 0, 3}, -1, -1),
        new ScipyRun(
            new double[][] {{-1, 2, -4, -4, 0, 4}, {5, 0, -3, -1, 4, -4}, {1, -4, -2, 0, -1, 0},
                {-5, 2, 2, 0, 0, 5}, {0, -2, -2, 0, -1, 0}, {-5, 0, 3, 0, 0, -3}},
            new double[][] {{0, 0, 5, 1, 0, 5}, {0, 0, -4, -1, 0, -3}, {0, -5, -4, -5, 2, 0},
                {0, -5, 0, -4, -3, 0}, {0, 4, -3, 3, 0, -5}, {0, 0, 4, 3, 0, -2}},
            new int[][] {{0, 3}, {3, 1}}, "faq", false,
            new int[] {3, 2, 5, 1, 0, 4}, -84, -84),
        new ScipyRun(
            new double[][] {{0, 0, 0, 0, 0, 0, 0}, {0, -3, 0, -5, 5, 0, 5},
                {3, 0, 0, 0, -4, 0, 4}, {-5, 0, 0, 0, 0, 1, -3}, {4, -2, 1, 0, 0, 2, 0},
                {-3, 0, 2, 0, -1, -5, -3}, {0, 1, -3, 1, 0, 0, 0}},
            new double[][] {{0, -5, 5, 3, 5, 4, 2}, {5, 0, -2, 2, 0, 1, -1},
                {0, 0, -5, -2, 0, 0, 0}, {-4, 4, 0, -4, 0, -1, -3}, {0, 0, -5, 1, 0, 1, 0},
                {4, 0, -3, 3, 3, 4, 0}, {0, 0, -5, 3, 0, 3, -5}},
            new int[][] {{4, 3}, {5, 6}}, "2opt", false,
            new int[] {0, 2, 4, 1, 3, 6, 5}, -45, -69),
        new ScipyRun(
            new double[][] {{-2, 5, 0, -4, 0, 0, -2}, {2, 0, 0, -2, 0, -3, 0},
                {-5, 1, 0, -3, -3, 1, 0}, {0, -3, -2, -1, 4, -5, 4}, {-3, -5, 0, -4, -5, 0, -1},
                {-4, -3, 0, 0, 0, 3, 4}, {0, -4, 0, 0, 2, 3, 3}},
            new double[][] {{-5, 0, 0, 2, 2, -4, 1}, {-2, 1, -5, 3, 3, 0, -5},
                {4, 0, -5, -2, 0, 0, -3}, {1, 4, 0, 5, 0, 0, 0}, {0, 5, -2, 4, 0, 5, -1},
                {0, -1, 0, 0, 0, 2, 2}, {-2, 1, 1, 2, -4, 0, -3}},
            new int[][] {{2, 4}, {5, 2}, {1, 0}}, "faq", false,
            new int[] {1, 0, 4, 3, 5, 2, 6}, -126, -129),
        new ScipyRun(
            new double[][] {{2, 1, 0, -1, 0, -3}, {-3, 3, 0, 2, -1, -1}, {-1, 5, -1, -4, 2, -5},
                {1, 2, 0, -4, 5, -3}, {0, 5, 0, 3, -1, 2}, {0, 0, 0, 0, 0, 0}},
            new double[][] {{4, 2, -4, -1, 0, 0}, {-1, -5, -2, 0, -2, 2}, {5, 1, 0, 0, 5, 0},
                {4, 0, 0, -2, -5, -2}, {0, 0, -4, -1, -1, 0}, {-1, -5, 3, 5, 3, -4}},
            new int[][] {{5, 0}}, "2opt", true,
            new int[] {4, 3, 5, 1, 2, 0}, 83, 83),
        new ScipyRun(
            new double[][] {{0, 2, 0, 3, 5, -5, 3}, {0, -2, 5, -1, -5, 0, 4},
                {1, 0, 1, 4, -3, 3, -4}, {0, -2, -2, 0, -5, 0, 5}, {-4, 1, 0, -1, 0, -1, 4},
                {0, 0, 0, 0, 2, -2, 5}, {3, 0, 0, 1, -5, 0, 0}},
            new double[][] {{-5, 5, 1, 0, 0, 0, 0}, {5, -3, 0, -3, -1, 4, -3},
                {0, -2, -5, 0, 0, 0, 3}, {0, -2, 0, 0, 2, 0, 1}, {3, 0, 5, 3, 0, 4, 5},
                {0, 3, -4, -3, 0, 0, -3}, {0, 0, 0, 0, 0, -3, 0}},
            new int[][] {{1, 1}, {5, 0}}, "faq", true,
            new int[] {4, 1, 5, 6, 3, 0, 2}, 100, 100));

    @Test
    void exactMatchesEnumerationOfThePermutationsThatHonourThePairs() {
        SplittableRandom random = new SplittableRandom(20261206L);
        int calls = 0;
        for (int n = 0; n <= 7; n++) {
            for (int seeds = 0; seeds <= n; seeds++) {
                for (int t = 0; t < (n <= 5 ? 3 : 2); t++) {
                    double[][] a = QuadraticAssignmentTest.randomMatrix(random, n, t == 1);
                    double[][] b = QuadraticAssignmentTest.randomMatrix(random, n, t == 1);
                    int[][] pairs = randomPairs(random, n, seeds);
                    for (Sense sense : Sense.values()) {
                        String label = "n = " + n + ", pairs " + Arrays.deepToString(pairs)
                                + ", instance " + t + ", " + sense;
                        Solution s = QuadraticAssignment.solve(a, b, sense, "exact", t,
                                pairs);
                        assertTrue(s.certified(), label);
                        assertHonours(pairs, s, label);
                        assertEquals(enumerated(a, b, sense, pairs), s.objective(), label);
                        assertEquals(QuadraticAssignment.objective(a, b, s.columnIndices()),
                                s.objective(), label);
                        calls++;
                    }
                }
            }
        }
        assertEquals(2 * (3 * (1 + 2 + 3 + 4 + 5 + 6) + 2 * (7 + 8)), calls);
    }

    @Test
    void theFixedPairsCanMakeTheOptimumWorse() {
        // Without pairs the optimum of this instance puts facility 0 at location 0; fixing
        // it elsewhere costs more, and the exact answer is the enumerated constrained one.
        SplittableRandom random = new SplittableRandom(11L);
        int worse = 0;
        for (int t = 0; t < 20; t++) {
            double[][] a = QuadraticAssignmentTest.randomMatrix(random, 6, false);
            double[][] b = QuadraticAssignmentTest.randomMatrix(random, 6, false);
            Solution free = QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 0);
            int[] p = free.columnIndices();
            int[][] pairs = {{0, (p[0] + 1) % 6}, {3, (p[3] + 2) % 6}};
            if (pairs[0][1] == pairs[1][1]) {
                continue;
            }
            Solution fixed = QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 0,
                    pairs);
            assertHonours(pairs, fixed, "instance " + t);
            assertTrue(fixed.objective() >= free.objective(), "instance " + t);
            assertEquals(enumerated(a, b, Sense.MINIMIZE, pairs), fixed.objective());
            worse += fixed.objective() > free.objective() ? 1 : 0;
        }
        assertTrue(worse >= 10, worse + " of 20 instances got worse");
    }

    @Test
    void everyPresetHonoursThePairsAndIsNeverBetterThanTheConstrainedOptimum() {
        SplittableRandom random = new SplittableRandom(17L);
        for (int n = 2; n <= 7; n++) {
            for (int t = 0; t < 3; t++) {
                double[][] a = QuadraticAssignmentTest.randomMatrix(random, n, t == 0);
                double[][] b = QuadraticAssignmentTest.randomMatrix(random, n, t == 0);
                int[][] pairs = randomPairs(random, n, 1 + t % (n - 1));
                for (Sense sense : Sense.values()) {
                    double optimum = enumerated(a, b, sense, pairs);
                    for (String name : Aligners.names()) {
                        String label = name + ", n = " + n + ", instance " + t + ", " + sense;
                        Solution s = QuadraticAssignment.solve(a, b, sense, name, 3, pairs);
                        assertHonours(pairs, s, label);
                        assertEquals(QuadraticAssignment.objective(a, b, s.columnIndices()),
                                s.objective(), label);
                        double excess = sense == Sense.MINIMIZE ? s.objective() - optimum
                                : optimum - s.objective();
                        assertTrue(excess >= 0, label + ": " + s.objective() + " beats the"
                                + " constrained optimum " + optimum);
                        if (s.certified()) {
                            assertEquals(optimum, s.objective(), label);
                        }
                    }
                }
            }
        }
    }

    @Test
    void exactWithPairsOnLargerOrdersIsNeverWorseThanTheHeuristics() {
        SplittableRandom random = new SplittableRandom(23L);
        for (int t = 0; t < 3; t++) {
            int n = 11;
            double[][] a = QuadraticAssignmentTest.randomMatrix(random, n, false);
            double[][] b = QuadraticAssignmentTest.randomMatrix(random, n, false);
            int[][] pairs = randomPairs(random, n, 3);
            Solution exact = QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 1,
                    pairs);
            assertTrue(exact.certified());
            assertHonours(pairs, exact, "exact");
            for (String name : List.of("faq", "fast", "multistart")) {
                Solution s = QuadraticAssignment.solve(a, b, Sense.MINIMIZE, name, 1, pairs);
                assertHonours(pairs, s, name);
                assertTrue(s.objective() >= exact.objective(), name);
            }
        }
    }

    @Test
    void scipyRunsHonourThePairsAndAreNoBetterThanExact() {
        for (ScipyRun run : SCIPY_RUNS) {
            Sense sense = run.maximize() ? Sense.MAXIMIZE : Sense.MINIMIZE;
            String label = run.method() + ", pairs " + Arrays.deepToString(run.pairs());
            // SciPy's convention is ours: col_ind honours the pairs and fun is f(col_ind).
            for (int[] pair : run.pairs()) {
                assertEquals(pair[1], run.columns()[pair[0]], label);
            }
            assertEquals(run.fun(), QuadraticAssignment.objective(run.a(), run.b(),
                    run.columns()), label);
            Solution exact = QuadraticAssignment.solve(run.a(), run.b(), sense, "exact", 0,
                    run.pairs());
            assertTrue(exact.certified(), label);
            assertHonours(run.pairs(), exact, label);
            assertEquals(run.optimum(), exact.objective(), label);
            assertEquals(enumerated(run.a(), run.b(), sense, run.pairs()), exact.objective(),
                    label);
            assertTrue(run.maximize() ? run.fun() <= exact.objective()
                    : run.fun() >= exact.objective(), label);
            // The default preset finds the constrained optimum on these small orders.
            Solution preset = run.maximize()
                    ? QuadraticAssignment.maximize(run.a(), run.b(), run.pairs())
                    : QuadraticAssignment.minimize(run.a(), run.b(), run.pairs());
            assertEquals(exact.objective(), preset.objective(), label);
        }
    }

    @Test
    void noPairsIsTheUnconstrainedProblem() {
        SplittableRandom random = new SplittableRandom(5L);
        double[][] a = QuadraticAssignmentTest.randomMatrix(random, 9, false);
        double[][] b = QuadraticAssignmentTest.randomMatrix(random, 9, false);
        for (Sense sense : Sense.values()) {
            assertEquals(QuadraticAssignment.solve(a, b, sense, "faq", 4),
                    QuadraticAssignment.solve(a, b, sense, "faq", 4, new int[0][]));
            assertEquals(QuadraticAssignment.solve(a, b, sense, "faq", 4),
                    QuadraticAssignment.solve(a, b, sense, "faq", 4, new int[0][2]));
        }
        assertEquals(QuadraticAssignment.minimize(a, b),
                QuadraticAssignment.minimize(a, b, new int[0][]));
        assertEquals(QuadraticAssignment.maximize(a, b),
                QuadraticAssignment.maximize(a, b, new int[0][]));
        int[][] pairs = {{2, 5}, {7, 0}};
        assertEquals(QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "faq", 0, pairs),
                QuadraticAssignment.minimize(a, b, pairs));
        assertEquals(QuadraticAssignment.solve(a, b, Sense.MAXIMIZE, "faq", 0, pairs),
                QuadraticAssignment.maximize(a, b, pairs));
    }

    @Test
    void pairsThatLeaveAtMostOneNodeFreeNeedNoAligner() {
        CountingAligner refuses = new CountingAligner(new ExactAligner(0));
        double[][] a = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        double[][] b = {{9, 0, 1}, {2, 3, 4}, {5, 6, 7}};
        Solution all = QuadraticAssignment.solve(a, b, Sense.MINIMIZE, refuses,
                new int[][] {{0, 2}, {1, 0}, {2, 1}});
        assertArrayEquals(new int[] {2, 0, 1}, all.columnIndices());
        assertEquals(QuadraticAssignment.objective(a, b, new int[] {2, 0, 1}), all.objective());
        assertTrue(all.certified());
        Solution one = QuadraticAssignment.solve(a, b, Sense.MAXIMIZE, refuses,
                new int[][] {{2, 0}, {0, 1}});
        assertArrayEquals(new int[] {1, 2, 0}, one.columnIndices());
        assertTrue(one.certified());
        Solution single = QuadraticAssignment.solve(new double[][] {{3}}, new double[][] {{-2}},
                Sense.MINIMIZE, refuses, new int[][] {{0, 0}});
        assertEquals(-6.0, single.objective());
        assertEquals(0, refuses.calls.get());
    }

    @Test
    void theArgumentsAreNotModified() {
        SplittableRandom random = new SplittableRandom(3L);
        double[][] a = QuadraticAssignmentTest.randomMatrix(random, 6, false);
        double[][] b = QuadraticAssignmentTest.randomMatrix(random, 6, false);
        double[][] a0 = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        double[][] b0 = Arrays.stream(b).map(double[]::clone).toArray(double[][]::new);
        int[][] pairs = {{1, 4}, {5, 2}};
        QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 0, pairs);
        assertArrayEquals(a0, a);
        assertArrayEquals(b0, b);
        assertArrayEquals(new int[][] {{1, 4}, {5, 2}}, pairs);
    }

    @Test
    void refusesBadPairsNamingTheRows() {
        double[][] a = {{0, 1, 2}, {1, 0, 3}, {2, 3, 0}};
        double[][] b = {{0, 4, 5}, {4, 0, 6}, {5, 6, 0}};
        assertMessage("partialMatch row 1 has 3 entries; each row must be a pair {i, j}",
                a, b, new int[][] {{0, 1}, {1, 2, 0}});
        assertMessage("partialMatch row 0 has 1 entry;", a, b, new int[][] {{0}});
        assertMessage("partialMatch row 0 has 0 entries;", a, b, new int[][] {{}});
        assertMessage("partialMatch row 1 = {3, 0}: node 3 of A is out of range; the matrices"
                + " have order 3, so nodes are 0..2", a, b, new int[][] {{0, 1}, {3, 0}});
        assertMessage("partialMatch row 0 = {0, -1}: node -1 of B is out of range", a, b,
                new int[][] {{0, -1}});
        assertMessage("partialMatch rows 0 and 2 both fix node 1 of A", a, b,
                new int[][] {{1, 0}, {0, 1}, {1, 2}});
        assertMessage("partialMatch rows 1 and 2 both fix node 2 of B", a, b,
                new int[][] {{1, 0}, {0, 2}, {2, 2}});
        assertMessage("partialMatch rows 0 and 1 both fix node 0 of A", a, b,
                new int[][] {{0, 0}, {0, 0}});
        assertMessage("partialMatch row 0 = {0, 0}: node 0 of A is out of range; the matrices"
                + " have order 0", new double[0][], new double[0][], new int[][] {{0, 0}});
        NullPointerException none = assertThrows(NullPointerException.class,
                () -> QuadraticAssignment.minimize(a, b, null));
        assertEquals("partialMatch", none.getMessage());
        NullPointerException row = assertThrows(NullPointerException.class,
                () -> QuadraticAssignment.minimize(a, b, new int[][] {{0, 0}, null}));
        assertEquals("partialMatch row 1 is null", row.getMessage());
        // The matrices are checked first, as without pairs.
        IllegalArgumentException matrices = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.minimize(a, new double[2][2], new int[][] {{5, 5}}));
        assertTrue(matrices.getMessage().startsWith("A has order 3 and B order 2"),
                matrices.getMessage());
    }

    private static void assertMessage(String expected, double[][] a, double[][] b,
            int[][] pairs) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 0, pairs));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    private static void assertHonours(int[][] pairs, Solution s, String label) {
        for (int[] pair : pairs) {
            assertEquals(pair[1], s.permutation().get(pair[0]), label + ": pair "
                    + Arrays.toString(pair) + " in " + Arrays.toString(s.columnIndices()));
        }
    }

    /** {@code seeds} pairs of distinct random nodes on each side, in random order. */
    private static int[][] randomPairs(SplittableRandom random, int n, int seeds) {
        int[] rows = Permutation.random(n, random).toArray();
        int[] columns = Permutation.random(n, random).toArray();
        int[][] pairs = new int[seeds][];
        for (int k = 0; k < seeds; k++) {
            pairs[k] = new int[] {rows[k], columns[k]};
        }
        return pairs;
    }

    /** The optimum over the permutations that honour the pairs, by enumeration. */
    private static double enumerated(double[][] a, double[][] b, Sense sense, int[][] pairs) {
        List<Double> values = new ArrayList<>();
        int[] p = Permutation.identity(a.length).toArray();
        do {
            boolean honours = true;
            for (int[] pair : pairs) {
                honours &= p[pair[0]] == pair[1];
            }
            if (honours) {
                values.add(QuadraticAssignment.objective(a, b, p));
            }
        } while (QuadraticAssignmentTest.nextPermutation(p));
        return sense == Sense.MINIMIZE ? values.stream().min(Double::compare).orElseThrow()
                : values.stream().max(Double::compare).orElseThrow();
    }
}
