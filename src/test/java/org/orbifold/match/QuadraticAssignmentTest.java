package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment.Solution;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * {@link QuadraticAssignment} against enumeration of all permutations for orders up to 7, on
 * integer matrices of both signs, asymmetric or symmetric, with zeros, so that every objective
 * is an exact integer; and against values SciPy 1.17.1 returned.
 */
class QuadraticAssignmentTest {

    /**
     * A 5 x 5 instance whose optima SciPy 1.17.1's {@code quadratic_assignment} (FAQ, best of
     * 20 randomized starts) found: {@code col_ind = [0, 2, 4, 3, 1]}, {@code fun = -114} when
     * minimising, {@code [3, 1, 0, 2, 4]} and {@code 85} with {@code maximize=True}; both
     * optima are unique.
     */
    private static final double[][] SCIPY_A = {
        {-4, -4, 3, 0, 1}, {1, 2, -5, 0, -4}, {-1, 5, 1, -5, 0}, {-4, 3, 5, 5, 1},
        {4, -1, -4, 0, -1}};
    private static final double[][] SCIPY_B = {
        {2, 5, -2, 4, -4}, {-2, 3, -3, 2, 0}, {0, 5, 3, 4, 1}, {5, 5, -4, -3, -2},
        {1, 4, 0, 5, -2}};

    @Test
    void agreesWithScipyOnItsConvention() {
        Solution least = QuadraticAssignment.solve(SCIPY_A, SCIPY_B, Sense.MINIMIZE, "exact", 1);
        assertArrayEquals(new int[] {0, 2, 4, 3, 1}, least.columnIndices());
        assertEquals(-114.0, least.objective());
        assertTrue(least.certified());
        Solution most = QuadraticAssignment.solve(SCIPY_A, SCIPY_B, Sense.MAXIMIZE, "exact", 1);
        assertArrayEquals(new int[] {3, 1, 0, 2, 4}, most.columnIndices());
        assertEquals(85.0, most.objective());
        assertTrue(most.certified());
        assertEquals(-114.0, QuadraticAssignment.objective(SCIPY_A, SCIPY_B,
                new int[] {0, 2, 4, 3, 1}));
        assertEquals(-114.0, trace(SCIPY_A, SCIPY_B, new int[] {0, 2, 4, 3, 1}));
    }

    @Test
    void exactMatchesEnumerationInBothSenses() {
        SplittableRandom random = new SplittableRandom(20261206L);
        for (int n = 0; n <= 7; n++) {
            for (int t = 0; t < (n <= 5 ? 6 : 3); t++) {
                double[][] a = randomMatrix(random, n, t % 3 == 2);
                double[][] b = randomMatrix(random, n, t % 3 == 2);
                for (Sense sense : Sense.values()) {
                    String label = "n = " + n + ", instance " + t + ", " + sense;
                    Solution s = QuadraticAssignment.solve(a, b, sense, "exact", t);
                    assertTrue(s.certified(), label);
                    assertEquals(enumerated(a, b, sense), s.objective(), label);
                    assertEquals(QuadraticAssignment.objective(a, b, s.columnIndices()),
                            s.objective(), label);
                    assertEquals(trace(a, b, s.columnIndices()), s.objective(), label);
                    assertEquals(n, s.permutation().size(), label);
                }
            }
        }
    }

    @Test
    void presetsAreNeverBetterThanTheOptimumAndExactWhenCertified() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int n = 2; n <= 7; n++) {
            for (int t = 0; t < 4; t++) {
                double[][] a = randomMatrix(random, n, t % 2 == 0);
                double[][] b = randomMatrix(random, n, t % 2 == 0);
                for (Sense sense : Sense.values()) {
                    double optimum = enumerated(a, b, sense);
                    for (String name : Aligners.names()) {
                        String label = name + ", n = " + n + ", instance " + t + ", " + sense;
                        Solution s = QuadraticAssignment.solve(a, b, sense, name, 3);
                        assertEquals(QuadraticAssignment.objective(a, b, s.columnIndices()),
                                s.objective(), label);
                        double excess = sense == Sense.MINIMIZE ? s.objective() - optimum
                                : optimum - s.objective();
                        assertTrue(excess >= 0, label + ": " + s.objective() + " beats the"
                                + " optimum " + optimum);
                        if (s.certified()) {
                            assertEquals(optimum, s.objective(), label);
                        }
                    }
                }
            }
        }
    }

    @Test
    void defaultCallsAreTheFaqPresetWithSeedZero() {
        SplittableRandom random = new SplittableRandom(5L);
        double[][] a = randomMatrix(random, 6, false);
        double[][] b = randomMatrix(random, 6, false);
        assertEquals(QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "faq", 0),
                QuadraticAssignment.minimize(a, b));
        assertEquals(QuadraticAssignment.solve(a, b, Sense.MAXIMIZE, "faq", 0),
                QuadraticAssignment.maximize(a, b));
        // Order 6 is within the faq preset's exact enumeration, so both are proven optimal.
        assertEquals(enumerated(a, b, Sense.MINIMIZE), QuadraticAssignment.minimize(a, b)
                .objective());
        assertTrue(QuadraticAssignment.maximize(a, b).certified());
    }

    @Test
    void ordersZeroAndOneNeedNoAligner() {
        CountingAligner refuses = new CountingAligner(new ExactAligner(0));
        Solution empty = QuadraticAssignment.solve(new double[0][], new double[0][],
                Sense.MINIMIZE, refuses);
        assertArrayEquals(new int[0], empty.columnIndices());
        assertEquals(0.0, empty.objective());
        assertTrue(empty.certified());
        Solution one = QuadraticAssignment.solve(new double[][] {{3}}, new double[][] {{-2}},
                Sense.MAXIMIZE, refuses);
        assertArrayEquals(new int[] {0}, one.columnIndices());
        assertEquals(-6.0, one.objective());
        assertTrue(one.certified());
        assertEquals(0, refuses.calls.get());
        assertEquals(0.0, QuadraticAssignment.minimize(new double[0][0], new double[0][0])
                .objective());
    }

    @Test
    void graphsTurnTheObjectiveIntoTheSimilarity() {
        SplittableRandom random = new SplittableRandom(3L);
        for (int n = 0; n <= 6; n++) {
            double[][] a = randomMatrix(random, n, false);
            double[][] b = randomMatrix(random, n, false);
            GraphSpace space = QuadraticAssignment.graphSpace(n);
            for (Sense sense : Sense.values()) {
                Graph[] xy = QuadraticAssignment.toGraphs(a, b, sense);
                for (int t = 0; t < 5; t++) {
                    Permutation p = Permutation.random(n, random);
                    double f = QuadraticAssignment.objective(a, b, p.toArray());
                    assertEquals(sense == Sense.MINIMIZE ? -f : f,
                            space.similarity(xy[0], xy[1], p), 1e-9, "n = " + n);
                }
            }
        }
    }

    @Test
    void refusesBadMatricesNamingThePosition() {
        double[][] good = {{1, 2}, {3, 4}};
        assertMessage("A row 1 has 3 entries, but A has 2 rows", () ->
                QuadraticAssignment.minimize(new double[][] {{1, 2}, {3, 4, 5}}, good));
        assertMessage("B row 0 has 1 entry, but B has 2 rows", () ->
                QuadraticAssignment.minimize(good, new double[][] {{1}, {3}}));
        assertMessage("A has order 2 and B order 3", () -> QuadraticAssignment.minimize(good,
                new double[3][3]));
        assertMessage("A entry (1, 0) is NaN", () -> QuadraticAssignment.minimize(
                new double[][] {{1, 2}, {Double.NaN, 4}}, good));
        assertMessage("B entry (0, 1) is Infinity", () -> QuadraticAssignment.maximize(good,
                new double[][] {{1, Double.POSITIVE_INFINITY}, {3, 4}}));
        assertMessage("||A||_F ||B||_F = 5.48e+150 exceeds 1e+150", () ->
                QuadraticAssignment.minimize(good, new double[][] {{1e150, 0}, {0, 0}}));
        assertMessage("||A||_F ||B||_F = 5.48e+200 exceeds 1e+150", () ->
                QuadraticAssignment.minimize(good, new double[][] {{1e200, 0}, {0, 0}}));
        // A norm that overflows is named as such, not as Infinity x Infinity; a product just
        // above the limit is shown in full, not as 1.00e+150 against 1e+150.
        double[][] huge = {{Double.MAX_VALUE, Double.MAX_VALUE}, {0, 0}};
        assertMessage("||A||_F ||B||_F overflows (||A||_F itself exceeds the largest double),"
                + " above 1e+150", () -> QuadraticAssignment.minimize(huge, good));
        // A norm that overflows beside a tiny B: the product is small, the squared norm is what
        // overflows, and the advice is to balance the two.
        assertMessage("the sum of the squared entries of A overflows", () ->
                QuadraticAssignment.minimize(huge, new double[][] {{1e-300, 0}, {0, 0}}));
        assertMessage("the sum of the squared entries of A overflows, above 1e+150, and B is"
                + " zero, so every permutation has objective 0: divide A", () ->
                QuadraticAssignment.minimize(huge, new double[2][2]));
        assertMessage("||A||_F ||B||_F = 1.0000001E150 exceeds 1e+150", () ->
                QuadraticAssignment.minimize(new double[][] {{1.0000001e150}},
                        new double[][] {{1}}));
        assertMessage("the sum of the squared entries of B overflows", () ->
                QuadraticAssignment.minimize(new double[][] {{1e-199, 0}, {0, 0}},
                        new double[][] {{1e200, 0}, {0, 0}}));
        assertMessage("unknown aligner 'best'", () -> QuadraticAssignment.solve(good, good,
                Sense.MINIMIZE, "best", 0));
        assertMessage("permutation has length 3; the matrices have order 2", () ->
                QuadraticAssignment.objective(good, good, new int[] {0, 1, 2}));
        assertMessage("repeats an earlier image", () ->
                QuadraticAssignment.objective(good, good, new int[] {1, 1}));
        NullPointerException nullRow = assertThrows(NullPointerException.class, () ->
                QuadraticAssignment.minimize(good, new double[][] {{1, 2}, null}));
        assertEquals("B row 1 is null", nullRow.getMessage());
        assertThrows(NullPointerException.class, () -> QuadraticAssignment.solve(good, good,
                null, "faq", 0));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Entries from -5 to 5, about a third of them 0; symmetric if asked. */
    static double[][] randomMatrix(SplittableRandom random, int n, boolean symmetric) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = symmetric ? i : 0; j < n; j++) {
                double value = random.nextInt(3) == 0 ? 0 : random.nextInt(-5, 6);
                m[i][j] = value;
                if (symmetric) {
                    m[j][i] = value;
                }
            }
        }
        return m;
    }

    /** The optimum over all permutations, by enumeration in lexicographic order. */
    private static double enumerated(double[][] a, double[][] b, Sense sense) {
        int n = a.length;
        int[] p = Permutation.identity(n).toArray();
        double best = QuadraticAssignment.objective(a, b, p);
        while (nextPermutation(p)) {
            double f = QuadraticAssignment.objective(a, b, p);
            best = sense == Sense.MINIMIZE ? Math.min(best, f) : Math.max(best, f);
        }
        return best;
    }

    static boolean nextPermutation(int[] p) {
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
        swap(p, i, j);
        for (int lo = i + 1, hi = p.length - 1; lo < hi; lo++, hi--) {
            swap(p, lo, hi);
        }
        return true;
    }

    private static void swap(int[] p, int i, int j) {
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
    }

    /** {@code trace(A P B^T P^T)} with {@code P[i][p(i)] = 1}, by matrix products. */
    private static double trace(double[][] a, double[][] b, int[] p) {
        int n = a.length;
        double[][] perm = new double[n][n];
        for (int i = 0; i < n; i++) {
            perm[i][p[i]] = 1;
        }
        double[][] bt = new double[n][n];
        double[][] pt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bt[i][j] = b[j][i];
                pt[i][j] = perm[j][i];
            }
        }
        double[][] product = multiply(multiply(multiply(a, perm), bt), pt);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += product[i][i];
        }
        return trace;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    z[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return z;
    }
}
