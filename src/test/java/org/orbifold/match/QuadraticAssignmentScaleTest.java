package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment.Solution;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The {@code exact} aligner's certificate does not depend on the size of the entries:
 * multiplying {@code A} and {@code B} by a constant {@code c} multiplies every objective by
 * {@code c^2}, so the certified optimum divided by {@code c^2} must be the optimum of the
 * integer problem, found by enumerating all permutations. Once its pruning tolerance was
 * {@code 1e-9 max(1, ||A|| ||B||)}, absolute for small entries, so that at {@code c = 1e-8}
 * every branch within {@code 1e-9} of the first incumbent was pruned and a non-optimal answer
 * came back certified (objective {@code -821} instead of {@code -851} on the order-8 case
 * below).
 */
class QuadraticAssignmentScaleTest {

    private static final double[] SMALL = {1e-6, 1e-8, 1e-20, 1e-60, 1e-100, 1e-150};
    private static final double[] LARGE = {1e6, 1e60};

    @Test
    void reportedOrderEightCaseIsOptimalAtEveryScale() {
        Random random = new Random(11);
        double[][] a = new double[8][8];
        double[][] b = new double[8][8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                a[i][j] = random.nextInt(19) - 9;
                b[i][j] = random.nextInt(19) - 9;
            }
        }
        double optimum = enumeratedOptimum(a, b, Sense.MINIMIZE);
        assertEquals(-851.0, optimum);
        Solution plain = QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 0);
        assertTrue(plain.certified());
        assertEquals(optimum, plain.objective());
        for (double c : SMALL) {
            assertScaledOptimum(a, b, Sense.MINIMIZE, c, optimum);
        }
        for (double c : LARGE) {
            assertScaledOptimum(a, b, Sense.MINIMIZE, c, optimum);
        }
    }

    @Test
    void tinyEntriesAgreeWithEnumerationUpToOrderSeven() {
        Random random = new Random(5);
        for (int n = 2; n <= 7; n++) {
            for (int trial = 0; trial < 3; trial++) {
                double[][] a = integerMatrix(random, n);
                double[][] b = integerMatrix(random, n);
                for (Sense sense : Sense.values()) {
                    double optimum = enumeratedOptimum(a, b, sense);
                    for (double c : new double[] {1e-8, 1e-40, 1e-150}) {
                        assertScaledOptimum(a, b, sense, c, optimum);
                    }
                }
            }
        }
    }

    @Test
    void roundingBandAndNormsScaleWithTheEntries() {
        Random random = new Random(3);
        double[][] a = integerMatrix(random, 6);
        double[][] b = integerMatrix(random, 6);
        GraphSpace space = QuadraticAssignment.graphSpace(6);
        Graph[] plain = QuadraticAssignment.toGraphs(a, b, Sense.MINIMIZE);
        QapInstance unscaled = new QapInstance();
        unscaled.load(space, plain[0], plain[1], 6);
        for (double c : new double[] {1e-6, 1e-100, 1e-150, 1e-170, 1e6, 1e60}) {
            Graph[] scaled = QuadraticAssignment.toGraphs(times(a, c), times(b, c),
                    Sense.MINIMIZE);
            QapInstance q = new QapInstance();
            q.load(space, scaled[0], scaled[1], 6);
            if (c >= 1e-150) { // below, ||X|| ||Y|| itself is below the smallest double
                assertEquals(unscaled.scale, q.scale / c / c, 1e-12 * unscaled.scale,
                        "c = " + c);
            }
            assertEquals(1.0, QapInstance.norm(space, scaled[0]) / c
                    / QapInstance.norm(space, plain[0]), 1e-12, "c = " + c);
            double band = Math.max(1e-9 * unscaled.scale * c * c, Double.MIN_NORMAL);
            assertEquals(band, q.tolerance(1e-9), 1e-12 * band, "c = " + c);
        }
        QapInstance zero = new QapInstance();
        Graph empty = QuadraticAssignment.toGraphs(new double[6][6], new double[6][6],
                Sense.MINIMIZE)[0];
        zero.load(space, empty, empty, 6);
        assertEquals(0.0, zero.scale);
        assertEquals(Double.MIN_NORMAL, zero.tolerance(1e-9));
    }

    @Test
    void allZeroMatricesAreCertifiedAtObjectiveZero() {
        Solution s = QuadraticAssignment.solve(new double[5][5], new double[5][5],
                Sense.MINIMIZE, "exact", 0);
        assertTrue(s.certified());
        assertEquals(0.0, s.objective());
    }

    @Test
    void aSquaredNormAboveTheBoundIsRefusedWithItsReasonAndTheBalancedPairIsSolved() {
        double[][] a = {{0, 1e200}, {1, 0}};
        double[][] b = {{0, 1e-200}, {2e-200, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.solve(a, b, Sense.MINIMIZE, "exact", 0));
        assertTrue(e.getMessage().startsWith("the sum of the squared entries of A overflows,"
                + " above 1e+150: the aligners also align each graph with itself"),
                e.getMessage());
        double[][] notOverflowing = {{0, 1e100}, {1, 0}};
        IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.solve(notOverflowing, b, Sense.MINIMIZE, "faq", 0));
        assertTrue(large.getMessage().startsWith("the sum of the squared entries of A is"
                + " 1.00e+200, above 1e+150"), large.getMessage());
        double[][] balancedA = {{0, 1}, {1e-200, 0}};
        double[][] balancedB = {{0, 1}, {2, 0}};
        Solution s = QuadraticAssignment.solve(balancedA, balancedB, Sense.MINIMIZE, "exact",
                0);
        assertTrue(s.certified());
        assertEquals(0, s.columnIndices()[0]);
        assertEquals(1.0, s.objective(), 1e-12);
        assertEquals(2.0, QuadraticAssignment.objective(balancedA, balancedB,
                new int[] {1, 0}), 1e-12);
    }

    @Test
    void aProductAboveTheBoundIsReportedFirstSinceBalancingCannotLowerIt() {
        // ||A||_F^2 overflows, but so does the product: balancing the norms (A / c, B * c)
        // keeps ||A||_F ||B||_F = 1e160 and would be refused again, so it is not the advice.
        double[][] a = {{0, 1e160}, {1e-300, 0}};
        double[][] b = {{0, 1e-160}, {1, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.minimize(a, b));
        assertTrue(e.getMessage().startsWith("||A||_F ||B||_F = 1.00e+160 exceeds 1e+150,"
                + " the largest the aligners support; divide A or B by a positive constant"),
                e.getMessage());
        assertTrue(e.getMessage().contains("if ||A||_F^2 or ||B||_F^2 is then still above"
                + " 1e+150, also divide A by c and multiply B by c"), e.getMessage());
        double c = Math.sqrt(1e160) / Math.sqrt(1.0);
        IllegalArgumentException balanced = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.minimize(times(a, 1 / c), times(b, c)));
        assertTrue(balanced.getMessage().startsWith("||A||_F ||B||_F = 1.00e+160 exceeds"),
                balanced.getMessage());
        // Following the advice: divide A by 1e11 (product 1e149), then balance the norms.
        double[][] divided = times(a, 1e-11);
        IllegalArgumentException squared = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.minimize(divided, b));
        assertTrue(squared.getMessage().startsWith("the sum of the squared entries of A is"
                + " 1.00e+298, above 1e+150"), squared.getMessage());
        double balance = Math.sqrt(1e149) / Math.sqrt(1.0);
        double[][] balancedA = times(divided, 1 / balance);
        double[][] balancedB = times(b, balance);
        Solution s = QuadraticAssignment.solve(balancedA, balancedB, Sense.MINIMIZE, "exact",
                0);
        assertTrue(s.certified());
        // f(identity) is about 1e-11 and f(swap) about 1e149: the identity is the minimum,
        // as it is for the original pair (1 against 1e160).
        assertEquals(0, s.columnIndices()[0]);
        assertEquals(QuadraticAssignment.objective(balancedA, balancedB, new int[] {0, 1}),
                s.objective(), 1e-12 * Math.abs(s.objective()));

        // Both norms 1e300: c = 1, and the product overflows; the message says so, with the
        // balancing named as a second step since the squared norms overflow too.
        double[][] large = {{1e300}};
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.minimize(large, large));
        assertTrue(both.getMessage().startsWith("||A||_F ||B||_F = 1.00e+300 x 1.00e+300"
                + " overflows, above 1e+150, the largest the aligners support; divide A or B"
                + " by a positive constant (or both by constants)"), both.getMessage());
        Solution scaled = QuadraticAssignment.minimize(new double[][] {{1e75}},
                new double[][] {{1e75}});
        assertEquals(1e150, scaled.objective(), 1e136);
    }

    @Test
    void theBalancingAdviceIsGivenOnlyWhenTheProductFitsAndFollowingItIsAccepted() {
        double[][] a = {{0, 1e200}, {1, 0}};
        double[][] b = {{0, 1e-200}, {2e-200, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuadraticAssignment.minimize(a, b));
        assertTrue(e.getMessage().contains("||A||_F ||B||_F is 2.24, so divide A by c and"
                + " multiply B by c, with c = sqrt(||A||_F) / sqrt(||B||_F)"), e.getMessage());
        double c = Math.sqrt(1e200) / Math.sqrt(Math.sqrt(5.0) * 1e-200);
        Solution s = QuadraticAssignment.solve(times(a, 1 / c), times(b, c), Sense.MINIMIZE,
                "exact", 0);
        assertTrue(s.certified());
        assertEquals(1.0, s.objective(), 1e-12);
    }

    private static void assertScaledOptimum(double[][] a, double[][] b, Sense sense, double c,
            double optimum) {
        Solution s = QuadraticAssignment.solve(times(a, c), times(b, c), sense, "exact", 0);
        String where = sense + " at scale " + c + ", n = " + a.length;
        assertTrue(s.certified(), where);
        assertEquals(optimum, QuadraticAssignment.objective(a, b, s.columnIndices()), where);
        assertEquals(optimum, s.objective() / c / c, 1e-9 * Math.max(1.0, Math.abs(optimum)),
                where);
    }

    /** Entries from -9 to 9, drawn row by row. */
    private static double[][] integerMatrix(Random random, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = random.nextInt(19) - 9;
            }
        }
        return m;
    }

    private static double[][] times(double[][] m, double c) {
        double[][] result = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            result[i] = m[i].clone();
            for (int j = 0; j < m.length; j++) {
                result[i][j] *= c;
            }
        }
        return result;
    }

    /** The best objective over all permutations, by Heap's enumeration. */
    private static double enumeratedOptimum(double[][] a, double[][] b, Sense sense) {
        int n = a.length;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        double best = QuadraticAssignment.objective(a, b, p);
        int[] counter = new int[n];
        int i = 1;
        while (i < n) {
            if (counter[i] < i) {
                int k = i % 2 == 0 ? 0 : counter[i];
                int t = p[k];
                p[k] = p[i];
                p[i] = t;
                double value = QuadraticAssignment.objective(a, b, p);
                best = sense == Sense.MINIMIZE ? Math.min(best, value) : Math.max(best, value);
                counter[i]++;
                i = 1;
            } else {
                counter[i] = 0;
                i++;
            }
        }
        return best;
    }
}
