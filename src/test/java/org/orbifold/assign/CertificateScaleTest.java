package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        // The solver's potentials are all 0 (every chosen entry is), so the scale is 0.
        assertEquals(0.0, forH1.certificateScale(h1));
        assertFalse(forH1.isCertified(h2, TOL));
        // Another certificate of h1, potentials {-9, -18, 0} and {9, 18}: scale 18, not 1e12.
        AssignmentResult other = withPotentials(forH1, new double[] {-9, -18, 0},
                new double[] {9, 18});
        assertTrue(other.isCertified(h1, TOL));
        assertEquals(18.0, other.certificateScale(h1));
        // In h2 the assignment {0, 1, -1} costs 18, not the stated 0.
        assertFalse(other.isCertified(h2, TOL));
        // Scaled by the largest entry, 1e12, as it was, the check let it pass.
        assertTrue(other.isCertified(h2, TOL * oldScale(h2, other) / other.certificateScale(h2)));
    }

    @Test
    void aHugeRowNeverChosenNoLongerHidesAnAssignmentThatIsBetter() {
        // Same value and assignment, so only the reduced costs can refuse it: in h2 the
        // anti-diagonal costs -10 against the stated 0.
        double[][] h1 = {{0, 9}, {9, 0}, {1e12, 1e12}};
        double[][] h2 = {{0, -5}, {-5, 0}, {1e12, 1e12}};
        AssignmentResult forH1 = withPotentials(LinearAssignmentSolver.minimize(h1),
                new double[] {-9, -18, 0}, new double[] {9, 18});
        assertTrue(forH1.isCertified(h1, TOL));
        assertEquals(0.0, chosenCost(h2, forH1));
        assertFalse(forH1.isCertified(h2, TOL));
        assertTrue(forH1.isCertified(h2, TOL * oldScale(h2, forH1) / forH1.certificateScale(h2)));
        // The same with the huge row as a huge column, maximising (s v_j <= 0 means v_j >= 0).
        double[][] w1 = {{0, -9, -1e12}, {-9, 0, -1e12}};
        double[][] w2 = {{0, 5, -1e12}, {5, 0, -1e12}};
        AssignmentResult forW1 = withPotentials(LinearAssignmentSolver.maximize(w1),
                new double[] {-9, -18}, new double[] {9, 18, 0});
        assertTrue(forW1.isCertified(w1, TOL));
        assertFalse(forW1.isCertified(w2, TOL));
        assertTrue(forW1.isCertified(w2, TOL * oldScale(w2, forW1) / forW1.certificateScale(w2)));
        assertFalse(LinearAssignmentSolver.maximize(w1).isCertified(w2, TOL));
    }

    @Test
    void theSolversPotentialsNoLongerCarryAHugeEntryThatIsNeverChosen() {
        // Row reduction lowers column 1 by the gap to the huge entry next to it; before the
        // potentials were recomputed from the assignment, the certificate kept that 1e12 and
        // so passed for {{1e12, 1}}, where its value, 3, is wrong.
        double[][] c1 = {{1e12, 3}};
        AssignmentResult forC1 = LinearAssignmentSolver.minimize(c1);
        assertArrayEquals(new double[] {3}, forC1.rowPotentials());
        assertArrayEquals(new double[] {0, 0}, forC1.columnPotentials());
        assertEquals(3.0, forC1.certificateScale(c1));
        assertFalse(forC1.isCertified(new double[][] {{1e12, 1}}, TOL));
        // Such a certificate is valid for c1 but loose: it passes for the other matrix.
        AssignmentResult loose = withPotentials(forC1, new double[] {1e12},
                new double[] {0, 3 - 1e12});
        assertTrue(loose.isCertified(c1, TOL));
        assertTrue(loose.isCertified(new double[][] {{1e12, 1}}, TOL));
        // Square, forbidden pairs, a huge free column; rows 0 and 1 swapped must be refused.
        double[][] s1 = {{0, 9, INF, 1e12}, {9, 0, INF, 1e12}, {INF, INF, 0, 1e12}};
        double[][] s2 = {s1[1], s1[0], s1[2]};
        AssignmentResult forS1 = LinearAssignmentSolver.minimize(s1);
        assertEquals(0.0, forS1.certificateScale(s1));
        assertTrue(forS1.isCertified(s1, 0.0));
        assertFalse(forS1.isCertified(s2, TOL));
        // Maximising the negated matrix gives the negated potentials.
        double[][] negated = new double[3][];
        for (int i = 0; i < 3; i++) {
            negated[i] = Arrays.stream(s1[i]).map(x -> -x).toArray();
        }
        assertEquals(0.0, LinearAssignmentSolver.maximize(negated).certificateScale(negated));
    }

    @Test
    void aHugeEntryBetterThanTheChosenOneStillNeedsHugePotentials() {
        // Row 0 would gain 1e12 by taking column 1, but row 1 can take no other column. Every
        // certificate has v_0 - v_1 >= 1e12 (subtract u_0 + v_1 <= -1e12 from u_0 + v_0 = 0),
        // so its scale is at least 5e11; the solver's is at most the sum of such gains.
        double[][] c = {{0, -1e12}, {INF, 0}};
        AssignmentResult result = LinearAssignmentSolver.minimize(c);
        assertArrayEquals(new int[] {0, 1}, result.rowToColumn());
        assertTrue(result.certificateScale(c) >= 5e11);
        assertTrue(result.certificateScale(c) <= 1e12);
        assertTrue(result.isCertified(c, TIGHT));
    }

    /**
     * The bound of the class documentation of {@link LinearAssignmentSolver}: the scale of a
     * result is at most twice its largest chosen entry (the search's potentials, kept) or that
     * entry plus {@code G}, the sum over the lines of the shorter side of how much better the
     * line's best allowed entry is than its chosen one (recomputed potentials). Huge entries
     * here are on either side, so {@code G} is sometimes huge too; every certificate's scale
     * is at least half the largest single gain, which is checked as well.
     */
    @Test
    void theSolversPotentialsAreBoundedByTheGainsOfBetterEntries() {
        SplittableRandom random = new SplittableRandom(20_261_207L);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int checked = 0;
        int hugeGain = 0;
        for (int trial = 0; trial < 4000; trial++) {
            int n = 1 + random.nextInt(7);
            int m = 1 + random.nextInt(7);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            double[][] matrix = new double[n][m];
            for (double[] row : matrix) {
                for (int j = 0; j < m; j++) {
                    int draw = random.nextInt(10);
                    row[j] = draw == 0 ? sense.sign() * INF
                            : draw == 1 ? (random.nextBoolean() ? 1e12 : -1e12)
                                    * (1 + random.nextDouble())
                            : random.nextInt(-5, 6);
                }
            }
            AssignmentResult result;
            try {
                result = solver.solve(matrix, sense);
            } catch (InfeasibleAssignmentException e) {
                continue;
            }
            double[][] lines = n > m ? transpose(matrix) : matrix;
            int[] partner = n > m ? result.columnToRow() : result.rowToColumn();
            double gains = 0;
            double largestGain = 0;
            for (int l = 0; l < lines.length; l++) {
                double chosen = lines[l][partner[l]];
                double gain = 0;
                for (double x : lines[l]) {
                    if (Double.isFinite(x)) {
                        gain = Math.max(gain, sense.sign() * (chosen - x));
                    }
                }
                gains += gain;
                largestGain = Math.max(largestGain, gain);
            }
            String what = "trial " + trial + " " + sense + " " + Arrays.deepToString(matrix);
            double chosen = largestChosen(matrix, result);
            double scale = result.certificateScale(matrix);
            double bound = Math.max(2 * chosen, chosen + gains);
            assertTrue(scale <= bound * (1 + 1e-12), what + " scale " + scale + " bound " + bound);
            assertTrue(scale >= Math.max(chosen, largestGain / 2) * (1 - 1e-12), what);
            assertTrue(result.isCertified(matrix, TIGHT), what);
            checked++;
            hugeGain += largestGain > 1e11 ? 1 : 0;
        }
        assertTrue(checked > 3000, "checked " + checked);
        assertTrue(hugeGain > 100, "huge gains " + hugeGain);
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
     * not; the new one certifies a wrong result only where a chosen entry is huge, which the
     * guarantee then allows. (Before the solver recomputed its potentials from the
     * assignment, it also did where they carried a huge entry never chosen.)
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
                        // Only a huge chosen entry makes the scale so large here: the
                        // solver's potentials carry no huge entry that is never chosen.
                        wrongButCertified++;
                        assertTrue(largestChosen(matrix, candidate) >= 1e11, what);
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
        assertTrue(wrongButCertifiedByTheOldScale > 50 * wrongButCertified,
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

    private static double[][] transpose(double[][] matrix) {
        double[][] transposed = new double[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                transposed[j][i] = matrix[i][j];
            }
        }
        return transposed;
    }

    /** The result with other potentials, the assignment, value and sense kept. */
    private static AssignmentResult withPotentials(AssignmentResult result, double[] u,
            double[] v) {
        return new AssignmentResult(result.rowToColumn(), result.columnToRow(), result.value(),
                u, v, result.sense());
    }

    /** The largest magnitude of a finite entry of {@code matrix} that the result chooses. */
    private static double largestChosen(double[][] matrix, AssignmentResult result) {
        double largest = 0;
        for (int i = 0; i < result.rows(); i++) {
            int j = result.columnOf(i);
            if (j >= 0 && Double.isFinite(matrix[i][j])) {
                largest = Math.max(largest, Math.abs(matrix[i][j]));
            }
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
