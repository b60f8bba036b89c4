package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scale of {@link AssignmentResult#isCertified(double[][], double)}: the chosen entries
 * and the potentials, not every entry. Checked three ways: the counter-example that the old
 * scale (the largest finite entry) let through, enumeration that every certified result of a
 * small matrix meets the documented guarantee (so is optimal wherever the certificate's scale
 * is small), and the solver's results on random problems of very different magnitudes,
 * which must pass well inside the recommended tolerance.
 */
class CertificateScaleTest {

    /** The tolerance the documentation recommends. */
    private static final double TOL = 1e-9;

    /** Solver results must pass this, a thousand times tighter than {@link #TOL}. */
    private static final double TIGHT = 1e-12;

    private static final double INF = Double.POSITIVE_INFINITY;

    // ---------------------------------------------------------------- the counter-example

    @Test
    void aHugeRowNeverChosenNoLongerLetsTheResultOfAnotherMatrixPass() {
        double[][] h1 = {{0, 9}, {9, 0}, {1e12, 1e12}};
        double[][] h2 = {{9, 0}, {0, 9}, {1e12, 1e12}};
        AssignmentResult forH1 = LinearAssignmentSolver.minimize(h1);
        assertTrue(forH1.isCertified(h1, TOL));
        // Its potentials are {-9, -18, 0} and {9, 18}: the scale is 18, not 1e12.
        assertEquals(18.0, forH1.certificateScale(h1));
        // In h2 the assignment {0, 1, -1} costs 18, not the stated 0.
        assertFalse(forH1.isCertified(h2, TOL));
        // Scaled by the largest entry, 1e12, as it was, the check let it pass.
        assertTrue(forH1.isCertified(h2, TOL * oldScale(h2, forH1) / forH1.certificateScale(h2)));
    }

    @Test
    void aHugeRowNeverChosenNoLongerHidesAnAssignmentThatIsBetter() {
        // Same value and assignment, so only the reduced costs can refuse it: in h2 the
        // anti-diagonal costs -10 against the stated 0.
        double[][] h1 = {{0, 9}, {9, 0}, {1e12, 1e12}};
        double[][] h2 = {{0, -5}, {-5, 0}, {1e12, 1e12}};
        AssignmentResult forH1 = LinearAssignmentSolver.minimize(h1);
        assertEquals(0.0, chosenCost(h2, forH1));
        assertFalse(forH1.isCertified(h2, TOL));
        assertTrue(forH1.isCertified(h2, TOL * oldScale(h2, forH1) / forH1.certificateScale(h2)));
        // The same with the huge row as a huge column, maximising.
        double[][] w1 = {{0, -9, -1e12}, {-9, 0, -1e12}};
        double[][] w2 = {{0, 5, -1e12}, {5, 0, -1e12}};
        AssignmentResult forW1 = LinearAssignmentSolver.maximize(w1);
        assertTrue(forW1.isCertified(w1, TOL));
        assertFalse(forW1.isCertified(w2, TOL));
        assertTrue(forW1.isCertified(w2, TOL * oldScale(w2, forW1) / forW1.certificateScale(w2)));
    }

    @Test
    void aHugePotentialLeftByRowReductionStillLoosensTheCheck() {
        // A known limitation (isCertified's Javadoc): row reduction lowers column 1 by the
        // gap to the huge entry next to it, so the certificate's own scale is 1e12 and the
        // result passes for a matrix in which its value, 3, is wrong.
        double[][] c1 = {{1e12, 3}};
        AssignmentResult forC1 = LinearAssignmentSolver.minimize(c1);
        assertEquals(1e12, forC1.certificateScale(c1));
        assertTrue(forC1.isCertified(new double[][] {{1e12, 1}}, TOL));
    }

    // ---------------------------------------------------------------- certificateScale

    @Test
    void theScaleIsTheLargestChosenEntryOrPotential() {
        double[][] matrix = {{1, -7e9, INF}, {3, 2, -4}};
        AssignmentResult result = new AssignmentResult(new int[] {0, 2}, new int[] {0, -1, 1},
                -3, new double[] {0.5, -6}, new double[] {0.5, 0, 2}, Sense.MINIMIZE);
        assertEquals(6.0, result.certificateScale(matrix));
        matrix[1][2] = -40;
        assertEquals(40.0, result.certificateScale(matrix));
        // An infinite chosen entry does not enter the scale (isCertified refuses it anyway).
        matrix[0][0] = INF;
        assertEquals(40.0, result.certificateScale(matrix));
        assertThrows(IllegalArgumentException.class,
                () -> result.certificateScale(new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> result.certificateScale(new double[][] {{1, 2, 3}, {1, 2}}));
        matrix[1][2] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> result.certificateScale(matrix));
        assertEquals("matrix[1][2] is NaN", nan.getMessage());
        // NaN elsewhere is not looked at.
        matrix[1][2] = 1;
        matrix[0][1] = Double.NaN;
        assertEquals(6.0, result.certificateScale(matrix));
    }

    @Test
    void potentialsOrAValueThatAreNotFiniteAreNeverCertified() {
        // An infinite potential made the absolute tolerance infinite and certified anything.
        double[][] matrix = {{9, 0}, {0, 9}};
        for (double bad : new double[] {INF, -INF, Double.NaN}) {
            AssignmentResult row = new AssignmentResult(new int[] {0, 1}, new int[] {0, 1}, 18,
                    new double[] {bad, 0}, new double[] {0, 0}, Sense.MINIMIZE);
            assertFalse(row.isCertified(matrix, TOL), "row potential " + bad);
            AssignmentResult column = new AssignmentResult(new int[] {1, 0}, new int[] {1, 0},
                    0, new double[] {0, 0}, new double[] {0, bad}, Sense.MINIMIZE);
            assertFalse(column.isCertified(matrix, TOL), "column potential " + bad);
            AssignmentResult value = new AssignmentResult(new int[] {1, 0}, new int[] {1, 0},
                    bad, new double[] {0, 0}, new double[] {0, 0}, Sense.MINIMIZE);
            assertFalse(value.isCertified(matrix, TOL), "value " + bad);
        }
        AssignmentResult right = new AssignmentResult(new int[] {1, 0}, new int[] {1, 0}, 0,
                new double[] {0, 0}, new double[] {0, 0}, Sense.MINIMIZE);
        assertTrue(right.isCertified(matrix, 0.0));
    }

    // ---------------------------------------------------------------- enumeration

    /**
     * Results of nearby matrices (one entry moved, rows swapped, the value restated) are
     * offered as results of a small integer matrix, often with a huge row or column that is
     * never chosen and with forbidden pairs. Every one that is certified must meet the
     * guarantee of {@link AssignmentResult#isCertified}, checked by enumeration of all
     * assignments; and where the certificate's scale is small, so that the guarantee is
     * below 1, it must be optimal. The old scale (the largest entry) certified many that are
     * not; the new one certifies a wrong result only where the solver's own potentials carry
     * a huge entry (row reduction's second minimum), which the guarantee then allows.
     */
    @Test
    void everyCertifiedResultOfASmallMatrixMeetsTheGuarantee() {
        SplittableRandom random = new SplittableRandom(20_261_205L);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int certified = 0;
        int refused = 0;
        int wrongButCertified = 0;
        int wrongButCertifiedByTheOldScale = 0;
        for (int trial = 0; trial < 3000; trial++) {
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            double[][] matrix = smallMatrix(random, sense);
            double optimum;
            try {
                optimum = solver.solve(matrix, sense).value();
            } catch (InfeasibleAssignmentException e) {
                continue;
            }
            assertEquals(BruteForce.optimum(matrix, sense), optimum, 1e-6, "trial " + trial);
            for (int k = 0; k < 4; k++) {
                AssignmentResult candidate = candidate(random, solver, matrix, sense);
                if (candidate == null) {
                    continue;
                }
                String what = "trial " + trial + " candidate " + candidate + " of "
                        + Arrays.deepToString(matrix);
                double cost = chosenCost(matrix, candidate);
                boolean optimal = cost == optimum && candidate.value() == optimum;
                double scale = candidate.certificateScale(matrix);
                if (candidate.isCertified(matrix, TOL)) {
                    certified++;
                    int n = matrix.length;
                    int m = matrix[0].length;
                    double tau = TOL * scale;
                    double slack = (n + m + Math.max(n, m) + 1) * tau;
                    double own = (Math.min(n, m) + 1) * tau;
                    assertTrue(sense.sign() * (candidate.value() - optimum) <= slack, what);
                    assertTrue(Math.abs(cost - candidate.value()) <= own, what);
                    if (slack + own < 1) {
                        assertTrue(optimal, what);
                    } else if (!optimal) {
                        // Only a huge potential, never a chosen entry, makes the scale so
                        // large here: the chosen entries of a wrong result are small.
                        wrongButCertified++;
                        assertTrue(largestPotential(candidate) >= 1e11, what);
                    }
                } else {
                    refused++;
                }
                double old = TOL * oldScale(matrix, candidate)
                        / Math.max(scale, Double.MIN_NORMAL);
                if (!optimal && Double.isFinite(old) && candidate.isCertified(matrix, old)) {
                    wrongButCertifiedByTheOldScale++;
                }
            }
        }
        assertTrue(certified > 2000, "certified " + certified);
        assertTrue(refused > 2000, "refused " + refused);
        assertTrue(wrongButCertifiedByTheOldScale > 5 * wrongButCertified,
                "old " + wrongButCertifiedByTheOldScale + ", new " + wrongButCertified);
    }

    /** An integer matrix of at most 4 x 4 entries in 0..4, often with huge or forbidden ones. */
    private static double[][] smallMatrix(SplittableRandom random, Sense sense) {
        int n = 1 + random.nextInt(4);
        int m = 1 + random.nextInt(4);
        double[][] matrix = LinearAssignmentSolverTest.randomIntegerMatrix(random, n, m, 4);
        double worst = sense.sign() * 1e12;
        if (n > m && random.nextBoolean()) {
            int row = random.nextInt(n);
            for (int j = 0; j < m; j++) {
                matrix[row][j] = worst * (1 + random.nextInt(3));
            }
        } else if (n < m && random.nextBoolean()) {
            int column = random.nextInt(m);
            for (int i = 0; i < n; i++) {
                matrix[i][column] = worst * (1 + random.nextInt(3));
            }
        }
        if (random.nextInt(3) == 0) {
            matrix[random.nextInt(n)][random.nextInt(m)] = sense.sign() * INF;
        }
        return matrix;
    }

    /**
     * The solver's result for a matrix near {@code matrix}, sometimes with its value restated
     * as the cost of its assignment in {@code matrix}; null if that matrix is infeasible.
     */
    private static AssignmentResult candidate(SplittableRandom random,
            LinearAssignmentSolver solver, double[][] matrix, Sense sense) {
        double[][] near = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            near[i] = matrix[i].clone();
        }
        int i = random.nextInt(near.length);
        int j = random.nextInt(near[0].length);
        switch (random.nextInt(3)) {
            case 0 -> near[i][j] = Double.isFinite(near[i][j])
                    ? near[i][j] + random.nextInt(-3, 4) : random.nextInt(5);
            case 1 -> {
                double[] row = near[i];
                int k = random.nextInt(near.length);
                near[i] = near[k];
                near[k] = row;
            }
            default -> {
                // the matrix itself
            }
        }
        AssignmentResult result;
        try {
            result = solver.solve(near, sense);
        } catch (InfeasibleAssignmentException e) {
            return null;
        }
        if (random.nextBoolean()) {
            return result;
        }
        return new AssignmentResult(result.rowToColumn(), result.columnToRow(),
                chosenCost(matrix, result), result.rowPotentials(), result.columnPotentials(),
                sense);
    }

    // ---------------------------------------------------------------- the solver's rounding

    /**
     * The solver's results pass at {@link #TIGHT} on problems of very different magnitudes,
     * forbidden pairs and huge rows or columns that are never chosen. With the narrower
     * scale the solver's rounding must stay small next to the chosen entries and the
     * potentials, not next to the largest entry; this is where it would show.
     */
    @Test
    void solverResultsPassWellInsideTheToleranceAtEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(20_261_206L);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int narrower = 0;
        for (Kind kind : Kind.values()) {
            for (int trial = 0; trial < 400; trial++) {
                int limit = trial < 360 ? 10 : 60;
                int n = 1 + random.nextInt(limit);
                int m = random.nextInt(3) == 0 ? n : 1 + random.nextInt(limit);
                Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
                double[][] matrix = kind.matrix(random, n, m, sense);
                AssignmentResult result;
                try {
                    result = solver.solve(matrix, sense);
                } catch (InfeasibleAssignmentException e) {
                    continue;
                }
                String what = kind + " trial " + trial + " " + sense + " "
                        + matrix.length + " x " + matrix[0].length;
                assertTrue(result.isCertified(matrix, TIGHT), what);
                assertTrue(result.isCertified(matrix, TOL), what);
                if (result.certificateScale(matrix) < 1e-3 * oldScale(matrix, result)) {
                    narrower++;
                }
            }
        }
        // The scale is often far narrower than the largest entry, so the test has teeth.
        assertTrue(narrower > 800, "narrower " + narrower);
    }

    /** Random problems of different magnitudes. */
    private enum Kind {
        UNIFORM_1E6, UNIFORM_1E12, UNIFORM_1E300, INTEGER_1E6, MIXED_MAGNITUDES,
        SCALED_ROWS, SCALED_COLUMNS, FORBIDDEN, HUGE_ROW_NEVER_CHOSEN, HUGE_COLUMN_NEVER_CHOSEN,
        TINY_WITH_HUGE_ROW, HUGE_BLOCK;

        double[][] matrix(SplittableRandom random, int rows, int columns, Sense sense) {
            int n = rows;
            int m = columns;
            if (this == HUGE_ROW_NEVER_CHOSEN || this == TINY_WITH_HUGE_ROW) {
                n = Math.max(n, m + 1);
            } else if (this == HUGE_COLUMN_NEVER_CHOSEN) {
                m = Math.max(m, n + 1);
            }
            double[][] matrix = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    matrix[i][j] = entry(random);
                }
            }
            double worst = sense.sign() * (this == TINY_WITH_HUGE_ROW ? 1e299
                    : Math.pow(10, 6 + 6 * random.nextDouble()));
            switch (this) {
                case SCALED_ROWS, SCALED_COLUMNS -> {
                    for (int k = 0; k < (this == SCALED_ROWS ? n : m); k++) {
                        double factor = Math.pow(10, 12 * random.nextDouble());
                        for (int l = 0; l < (this == SCALED_ROWS ? m : n); l++) {
                            if (this == SCALED_ROWS) {
                                matrix[k][l] *= factor;
                            } else {
                                matrix[l][k] *= factor;
                            }
                        }
                    }
                }
                case FORBIDDEN -> {
                    double magnitude = Math.pow(10, 12 * random.nextDouble());
                    double share = 0.5 * random.nextDouble();
                    for (double[] row : matrix) {
                        for (int j = 0; j < m; j++) {
                            row[j] = random.nextDouble() < share ? sense.sign() * INF
                                    : row[j] * magnitude;
                        }
                    }
                }
                case HUGE_ROW_NEVER_CHOSEN, TINY_WITH_HUGE_ROW -> {
                    double[] row = matrix[random.nextInt(n)];
                    for (int j = 0; j < m; j++) {
                        row[j] = worst * (1 + random.nextDouble());
                    }
                }
                case HUGE_COLUMN_NEVER_CHOSEN -> {
                    int column = random.nextInt(m);
                    for (double[] row : matrix) {
                        row[column] = worst * (1 + random.nextDouble());
                    }
                }
                case HUGE_BLOCK -> {
                    double huge = (random.nextBoolean() ? 1 : -1)
                            * Math.pow(10, 6 + 6 * random.nextDouble());
                    int top = random.nextInt(n);
                    int left = random.nextInt(m);
                    for (int i = top; i < n; i++) {
                        for (int j = left; j < m; j++) {
                            matrix[i][j] = huge * (1 + random.nextDouble());
                        }
                    }
                }
                default -> {
                    // the entries as drawn
                }
            }
            return matrix;
        }

        private double entry(SplittableRandom random) {
            double symmetric = 2 * random.nextDouble() - 1;
            return switch (this) {
                case UNIFORM_1E6 -> 1e6 * symmetric;
                case UNIFORM_1E12 -> 1e12 * symmetric;
                case UNIFORM_1E300 -> 1e300 * symmetric;
                case INTEGER_1E6 -> random.nextInt(-1_000_000, 1_000_001);
                case MIXED_MAGNITUDES -> Math.signum(symmetric)
                        * Math.pow(10, -6 + 18 * random.nextDouble());
                case TINY_WITH_HUGE_ROW -> 1e-300 * symmetric;
                default -> symmetric;
            };
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The scale isCertified used before: the largest finite entry or potential. */
    private static double oldScale(double[][] matrix, AssignmentResult result) {
        double scale = result.certificateScale(matrix);
        for (double[] row : matrix) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
        }
        return scale;
    }

    /** The largest magnitude of a potential of the result. */
    private static double largestPotential(AssignmentResult result) {
        double largest = 0;
        for (double u : result.rowPotentials()) {
            largest = Math.max(largest, Math.abs(u));
        }
        for (double v : result.columnPotentials()) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /** The sum of the entries of {@code matrix} that the result chooses. */
    private static double chosenCost(double[][] matrix, AssignmentResult result) {
        double sum = 0;
        for (int i = 0; i < result.rows(); i++) {
            if (result.columnOf(i) >= 0) {
                sum += matrix[i][result.columnOf(i)];
            }
        }
        return sum;
    }
}
