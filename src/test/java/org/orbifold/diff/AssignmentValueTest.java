package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.assign.AssignmentResult;
import org.orbifold.assign.InfeasibleAssignmentException;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

class AssignmentValueTest {

    /** Exact arithmetic on small integers and the solver's rounding on reals. */
    private static final double TOL = 1e-9;

    private static final double INF = Double.POSITIVE_INFINITY;
    /** Finite-difference step; z is piecewise linear, so differences are exact near h = 0. */
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-6;

    @Test
    void finiteDifferencesMatchTheGradientWhereTheOptimumIsUnique() {
        SplittableRandom random = new SplittableRandom(11);
        int[][] shapes = {{1, 1}, {5, 5}, {4, 7}, {7, 4}, {8, 8}};
        for (int[] shape : shapes) {
            for (Sense sense : Sense.values()) {
                for (int trial = 0; trial < 20; trial++) {
                    double[][] c = randomMatrix(random, shape[0], shape[1]);
                    AssignmentValue z = AssignmentValue.of(c, sense);
                    assertTrue(z.unique(), "continuous random costs have a unique optimum");
                    double[][] g = randomMatrix(random, shape[0], shape[1]);
                    double plus = AssignmentValue.of(add(c, g, STEP), sense).value();
                    double minus = AssignmentValue.of(add(c, g, -STEP), sense).value();
                    assertEquals(z.pairing(g), (plus - minus) / (2 * STEP), FD_TOL);
                    assertEquals(z.pairing(c), z.value(), TOL * shape[0]);
                }
            }
        }
    }

    @Test
    void uniquenessFlagAndTieRuleAgreeWithEnumeration() {
        SplittableRandom random = new SplittableRandom(12);
        int ties = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(5);
            int m = 1 + random.nextInt(5);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(3);
                }
            }
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            AssignmentValue z = AssignmentValue.of(c, sense);
            List<int[]> optima = optimalAssignments(c, sense);
            assertEquals(optima.size() == 1, z.unique(), "uniqueness on trial " + trial);
            assertTrue(contains(optima, z.rowToColumn()), "returned assignment is optimal");
            assertEquals(value(c, optima.get(0)), z.value(), TOL);
            ties += z.unique() ? 0 : 1;
        }
        assertTrue(ties > 100, "the sample must exercise ties, got " + ties);
    }

    @Test
    void forbiddenPairsCountNeitherAsTiesNorAsGradient() {
        double inf = Double.POSITIVE_INFINITY;
        // Both assignments of the all-zero 2 x 2 matrix tie; forbidding (0, 1) leaves one.
        double[][] c = {{0, inf}, {0, 0}};
        AssignmentValue z = AssignmentValue.of(c, Sense.MINIMIZE);
        assertTrue(z.unique());
        assertArrayEquals(new double[][] {{1, 0}, {0, 1}}, z.gradient());
        assertFalse(AssignmentValue.of(new double[][] {{0, 0}, {0, 0}}, Sense.MINIMIZE)
                .unique());
    }

    @Test
    void rectangularTiesThroughFreeColumnsAreDetected() {
        // Row 0 may take column 0 or column 2 at the same cost; column 1 is row 1's.
        double[][] c = {{1, 5, 1}, {5, 0, 5}};
        assertFalse(AssignmentValue.of(c, Sense.MINIMIZE).unique());
        double[][] d = {{1, 5, 2}, {5, 0, 5}};
        assertTrue(AssignmentValue.of(d, Sense.MINIMIZE).unique());
        assertFalse(AssignmentValue.of(transpose(c), Sense.MINIMIZE).unique());
        assertTrue(AssignmentValue.of(transpose(d), Sense.MINIMIZE).unique());
    }

    @Test
    void aResultOfAnotherMatrixIsRefused() {
        double[][] c1 = {{0, 9}, {9, 0}};
        double[][] c2 = {{9, 0}, {0, 9}};
        AssignmentResult forC1 = LinearAssignmentSolver.minimize(c1);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> AssignmentValue.of(c2, forC1, 1e-9));
        assertTrue(other.getMessage().contains("not a certified optimum"), other.getMessage());
        // The right matrix passes, also with tolerance 0 (the certificate check has a floor).
        assertEquals(0.0, AssignmentValue.of(c1, forC1, 0.0).value());
        assertTrue(AssignmentValue.of(c1, forC1, 0.0).unique());
        // A maximising result certifies the maximum of its own matrix only.
        assertEquals(18.0, AssignmentValue.of(c1, LinearAssignmentSolver.maximize(c1), 1e-9)
                .value());
        assertThrows(IllegalArgumentException.class, () -> AssignmentValue.of(c2,
                LinearAssignmentSolver.maximize(c1), 1e-9));

        // A huge row that is never chosen does not loosen the check: scaled by the largest
        // entry, its slack of 1e3 let c1's assignment, which costs 18 in c2, pass as c2's
        // unique optimum of value 0.
        double[][] h1 = {{0, 9}, {9, 0}, {1e12, 1e12}};
        double[][] h2 = {{9, 0}, {0, 9}, {1e12, 1e12}};
        AssignmentResult forH1 = LinearAssignmentSolver.minimize(h1);
        assertThrows(IllegalArgumentException.class, () -> AssignmentValue.of(h2, forH1, 1e-9));
        assertTrue(AssignmentValue.of(h1, forH1, 1e-9).unique());
        assertArrayEquals(new int[] {1, 0, -1}, AssignmentValue.of(h2, Sense.MINIMIZE)
                .rowToColumn());
    }

    @Test
    void aHugeEntryNeverChosenDoesNotMakeAUniqueOptimumLookTied() {
        double[][] c = {{0, 1}, {1, 0}, {1e12, 1e12}};
        AssignmentValue z = AssignmentValue.of(c, Sense.MINIMIZE);
        assertTrue(z.unique(), z.toString());
        // The chosen entries and the potentials are all 0: the scale is 0, not 1.
        AssignmentResult solved = LinearAssignmentSolver.minimize(c);
        assertEquals(0.0, solved.certificateScale(c));
        assertEquals(0.0, LinearAssignmentSolver.minimize(transpose(c))
                .certificateScale(transpose(c)));
        assertArrayEquals(new int[] {0, 1, -1}, z.rowToColumn());
        assertTrue(AssignmentValue.of(transpose(c), Sense.MINIMIZE).unique());
        assertFalse(AssignmentValue.of(new double[][] {{0, 0}, {0, 0}, {1e12, 1e12}},
                Sense.MINIMIZE).unique());
        // The solver's search left potentials near 1e12 here, and the diagonal was called
        // tied; the potentials recomputed from the assignment are all 0, as is the scale.
        double[][] square = {{0, 1, 1e12}, {1, 0, 1e12}, {1e12, 1e12, 0}};
        AssignmentResult result = LinearAssignmentSolver.minimize(square);
        assertEquals(0.0, result.certificateScale(square));
        assertTrue(AssignmentValue.of(square, Sense.MINIMIZE).unique());
        assertTrue(AssignmentValue.of(square, Sense.MINIMIZE, 0.0).unique());
        square[0][1] = 0;
        square[1][0] = 0;
        assertFalse(AssignmentValue.of(square, Sense.MINIMIZE).unique());
    }

    @Test
    void uniquenessAgreesWithEnumerationNextToHugeEntriesThatAreNeverChosen() {
        SplittableRandom random = new SplittableRandom(13);
        int ties = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(4);
            boolean extraRow = random.nextBoolean();
            double[][] c = new double[extraRow ? n + 1 : n][extraRow ? m : m + 1];
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c[i].length; j++) {
                    boolean huge = extraRow ? i == n : j == m;
                    c[i][j] = huge ? Math.scalb(1.0, 20 + random.nextInt(20))
                            * (1 + random.nextInt(3)) : random.nextInt(3);
                }
            }
            // Minimising, the huge row (column) is left unassigned whenever there is a choice.
            if (extraRow ? n + 1 <= m : m + 1 <= n) {
                continue;
            }
            AssignmentValue z = AssignmentValue.of(c, Sense.MINIMIZE);
            List<int[]> optima = optimalAssignments(c, Sense.MINIMIZE);
            assertEquals(optima.size() == 1, z.unique(), "uniqueness on trial " + trial);
            assertTrue(contains(optima, z.rowToColumn()), "returned assignment is optimal");
            ties += z.unique() ? 0 : 1;
        }
        assertTrue(ties > 30, "the sample must exercise ties, got " + ties);
    }

    /**
     * Huge entries on the losing side (large when minimising, very negative when maximising)
     * anywhere in the matrix, next to small integers and forbidden pairs. Where no chosen
     * entry is huge, the certificate's scale is that of the small entries, so the flag must
     * agree with enumeration both ways. Before the solver recomputed its potentials from the
     * assignment, row reduction could leave a huge entry in them and widen the tie band to
     * about 1e3, and many unique optima here were reported tied.
     */
    @Test
    void uniquenessAgreesWithEnumerationNextToHugeEntriesOnTheLosingSide() {
        SplittableRandom random = new SplittableRandom(16);
        int checked = 0;
        int ties = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(5);
            int m = 1 + random.nextInt(5);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(4) == 0
                            ? sense.sign() * (1e12 * (1 + random.nextInt(3)) + random.nextInt(3))
                            : random.nextInt(4);
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                c[random.nextInt(n)][random.nextInt(m)] = sense.sign() * INF;
            }
            AssignmentValue z;
            try {
                z = AssignmentValue.of(c, sense);
            } catch (InfeasibleAssignmentException e) {
                continue;
            }
            List<int[]> optima = optimalAssignments(c, sense);
            String what = "trial " + trial + " " + sense + " " + Arrays.deepToString(c);
            assertTrue(contains(optima, z.rowToColumn()), what);
            if (z.unique()) {
                assertEquals(1, optima.size(), what);
            }
            if (Math.abs(z.value()) < 1e6) {
                assertEquals(optima.size() == 1, z.unique(), what);
                checked++;
                ties += z.unique() ? 0 : 1;
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
        assertTrue(ties > 100, "the sample must exercise ties, got " + ties);
    }

    @Test
    void aUniqueFlagIsNeverWrongWithHugeEntriesAnywhere() {
        // Huge entries may be chosen here, and then the band is wide: the flag may call a
        // unique optimum tied, but it must never call a tied optimum unique.
        SplittableRandom random = new SplittableRandom(14);
        int unique = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(5);
            int m = 1 + random.nextInt(5);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(8) == 0 ? Math.scalb(1.0, 10 + random.nextInt(40))
                            * (1 + random.nextInt(3)) : random.nextInt(3);
                }
            }
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            AssignmentValue z = AssignmentValue.of(c, sense);
            if (z.unique()) {
                assertEquals(1, optimalAssignments(c, sense).size(), "trial " + trial);
                unique++;
            }
        }
        assertTrue(unique > 1000, "the sample must exercise unique optima, got " + unique);
    }

    /**
     * The guard above draws huge entries that are powers of two times 1, 2 or 3, so every
     * sum the solver forms next to small integers is exact and rounding is never tried. Here
     * the huge entries have full mantissas, either sign and magnitudes from 1e6 to 1e15, or
     * every entry is one huge value plus a small integer, and the ties are counted in exact
     * decimal arithmetic: the narrower scale must still never call a tied optimum unique.
     */
    @Test
    void aUniqueFlagIsNeverWrongWhenHugeEntriesRound() {
        SplittableRandom random = new SplittableRandom(15);
        int tied = 0;
        for (int trial = 0; trial < 4000; trial++) {
            int n = 1 + random.nextInt(5);
            int m = 1 + random.nextInt(5);
            int layout = random.nextInt(5);
            double base = Math.pow(10, 6 + random.nextInt(10)) * (1 + random.nextDouble());
            double[][] c = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    boolean huge = switch (layout) {
                        case 0 -> random.nextInt(4) == 0;
                        case 1 -> i == n - 1;
                        case 2 -> j == m - 1;
                        case 3 -> i == n - 1 || j == m - 1;
                        default -> false;
                    };
                    double h = Math.pow(10, 6 + random.nextInt(10)) * (1 + random.nextDouble());
                    c[i][j] = layout == 4 ? base + random.nextInt(3)
                            : huge ? (random.nextInt(5) == 0 ? -h : h) : random.nextInt(3);
                }
            }
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            AssignmentValue z = AssignmentValue.of(c, sense);
            int optima = exactOptimumCount(c, sense);
            assertFalse(z.unique() && optima > 1, "trial " + trial + ": " + optima + " optima of "
                    + Arrays.deepToString(c) + " (" + sense + ") called unique");
            tied += optima > 1 ? 1 : 0;
        }
        assertTrue(tied > 500, "the sample must exercise ties, got " + tied);
    }

    /** The number of optimal assignments, their values summed exactly. */
    private static int exactOptimumCount(double[][] c, Sense sense) {
        List<int[]> all = new ArrayList<>();
        enumerate(new int[c.length], 0, new boolean[c[0].length],
                Math.min(c.length, c[0].length), c, all);
        BigDecimal best = null;
        int count = 0;
        for (int[] a : all) {
            BigDecimal v = BigDecimal.ZERO;
            for (int i = 0; i < a.length; i++) {
                v = a[i] < 0 ? v : v.add(new BigDecimal(c[i][a[i]]));
            }
            int order = best == null ? -1 : (int) sense.sign() * v.compareTo(best);
            if (order < 0) {
                best = v;
                count = 1;
            } else if (order == 0) {
                count++;
            }
        }
        return count;
    }

    @Test
    void emptyMatricesHaveValueZeroAndAUniqueEmptyAssignment() {
        AssignmentValue z = AssignmentValue.of(new double[0][0], Sense.MINIMIZE);
        assertEquals(0.0, z.value());
        assertTrue(z.unique());
        assertEquals(0, z.gradient().length);
        AssignmentValue wide = AssignmentValue.of(new double[][] {{}, {}}, Sense.MAXIMIZE);
        assertTrue(wide.unique());
        assertArrayEquals(new int[] {-1, -1}, wide.rowToColumn());
    }

    @Test
    void badInputIsRejectedWithItsPosition() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> AssignmentValue.of(new double[][] {{0, 1}, {Double.NaN, 2}},
                        Sense.MINIMIZE));
        assertTrue(nan.getMessage().contains("(1, 0)"), nan.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> AssignmentValue.of(new double[][] {{0, 1}, {2}}, Sense.MINIMIZE));
        assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
        double inf = Double.POSITIVE_INFINITY;
        assertThrows(InfeasibleAssignmentException.class,
                () -> AssignmentValue.of(new double[][] {{inf, inf}, {0, 0}}, Sense.MINIMIZE));
        assertThrows(IllegalArgumentException.class,
                () -> AssignmentValue.of(new double[][] {{-inf}}, Sense.MINIMIZE));
        IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
                () -> AssignmentValue.of(new double[][] {{0}}, Sense.MINIMIZE, -1.0));
        assertEquals("tolerance must be finite and >= 0, got -1.0", tolerance.getMessage());
        assertThrows(NullPointerException.class,
                () -> AssignmentValue.of(null, Sense.MINIMIZE));
        // The refusals the Javadoc lists beyond those: a finite entry beyond MAX_MAGNITUDE,
        // NaN or infinite tolerances, and a null row.
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> AssignmentValue.of(new double[][] {{0, 2e300}, {1, 0}}, Sense.MINIMIZE));
        assertTrue(huge.getMessage().contains("(0, 1) = 2.0E300 exceeds the largest supported"
                + " magnitude"), huge.getMessage());
        for (double bad : new double[] {Double.NaN, inf}) {
            assertThrows(IllegalArgumentException.class,
                    () -> AssignmentValue.of(new double[][] {{0}}, Sense.MINIMIZE, bad));
        }
        assertThrows(NullPointerException.class,
                () -> AssignmentValue.of(new double[][] {{0}, null}, Sense.MINIMIZE));
        assertThrows(IllegalArgumentException.class, () -> AssignmentValue.of(
                new double[][] {{0}}, Sense.MINIMIZE).pairing(new double[][] {{0, 1}}));
    }

    @Test
    void constructorChecksEveryComponentItDocuments() {
        // A negative column count used to pass and fail later in gradient().
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(0, new int[] {-1}, -5, Sense.MINIMIZE, true));
        assertEquals("columns must be >= 0, got -5", negative.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(Double.NaN, new int[] {0}, 1, Sense.MINIMIZE, true));
        assertEquals("value must be finite, got NaN", value.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AssignmentValue(
                Double.NEGATIVE_INFINITY, new int[] {0}, 1, Sense.MAXIMIZE, true));
        assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(0, new int[] {2}, 2, Sense.MINIMIZE, true));
        assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(0, new int[] {1, 1}, 2, Sense.MINIMIZE, true));
        assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(0, new int[] {0, -2}, 2, Sense.MINIMIZE, true));

        // An assignment is complete on the shorter side: every row of 2 x 3, every column of
        // 3 x 2, nothing of 2 x 0.
        IllegalArgumentException incomplete = assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(0, new int[] {2, -1}, 3, Sense.MINIMIZE, true));
        assertEquals("rowToColumn assigns 1 of 2 rows to 3 columns; an assignment of 2 x 3"
                + " assigns 2", incomplete.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new AssignmentValue(0, new int[] {-1, 0, -1}, 2, Sense.MINIMIZE, true));
        assertEquals(3, new AssignmentValue(0, new int[] {-1, 0, 1}, 2, Sense.MINIMIZE, true)
                .rows());
        assertEquals(2, new AssignmentValue(0, new int[] {-1, -1}, 0, Sense.MINIMIZE, true)
                .gradient().length);
        assertThrows(NullPointerException.class,
                () -> new AssignmentValue(0, null, 0, Sense.MINIMIZE, true));
        assertThrows(NullPointerException.class,
                () -> new AssignmentValue(0, new int[0], 0, null, true));
    }

    // ----------------------------------------------------------------------------------
    // Brute force: every assignment of the shorter side, by recursion.

    static List<int[]> optimalAssignments(double[][] c, Sense sense) {
        int n = c.length;
        int m = c[0].length;
        List<int[]> all = new ArrayList<>();
        enumerate(new int[n], 0, new boolean[m], Math.min(n, m), c, all);
        double best = Double.NaN;
        for (int[] a : all) {
            double v = value(c, a);
            if (Double.isNaN(best) || sense.sign() * v < sense.sign() * best) {
                best = v;
            }
        }
        List<int[]> optima = new ArrayList<>();
        for (int[] a : all) {
            if (Math.abs(value(c, a) - best) <= TOL) {
                optima.add(a);
            }
        }
        return optima;
    }

    private static void enumerate(int[] a, int row, boolean[] used, int needed, double[][] c,
            List<int[]> out) {
        int assigned = 0;
        for (int i = 0; i < row; i++) {
            assigned += a[i] >= 0 ? 1 : 0;
        }
        if (row == a.length) {
            if (assigned == needed) {
                out.add(a.clone());
            }
            return;
        }
        if (assigned + (a.length - row) > needed) {
            a[row] = -1;
            enumerate(a, row + 1, used, needed, c, out);
        }
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                a[row] = j;
                enumerate(a, row + 1, used, needed, c, out);
                used[j] = false;
            }
        }
    }

    static double value(double[][] c, int[] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] >= 0 ? c[i][a[i]] : 0.0;
        }
        return sum;
    }

    private static boolean contains(List<int[]> list, int[] a) {
        for (int[] b : list) {
            if (Arrays.equals(a, b)) {
                return true;
            }
        }
        return false;
    }

    static double[][] randomMatrix(SplittableRandom random, int n, int m) {
        double[][] c = new double[n][m];
        for (double[] row : c) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return c;
    }

    static double[][] add(double[][] a, double[][] b, double t) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                r[i][j] = a[i][j] + t * b[i][j];
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
