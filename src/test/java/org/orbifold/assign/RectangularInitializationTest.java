package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Rectangular matrices go through augmenting row reduction before the shortest paths. These
 * tests check the outcome on sizes beyond brute force: the certificate holds, and the value
 * equals that of the square problem padded with rows of zeros, which the solver handles by
 * the other (square) initialisation.
 */
class RectangularInitializationTest {

    private static final long SEED = 20_240_311L;
    /** Relative tolerance of certificates and of value comparisons. */
    private static final double TOL = 1e-9;

    @Test
    void wideUniformAndIntegerInstancesAreCertifiedAndMatchTheirSquarePadding() {
        SplittableRandom random = new SplittableRandom(SEED);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (int n : new int[] {3, 17, 60, 150}) {
            for (int width : new int[] {n + 1, 2 * n, 5 * n}) {
                for (boolean integer : new boolean[] {false, true}) {
                    double[][] matrix = new double[n][width];
                    for (double[] row : matrix) {
                        for (int j = 0; j < width; j++) {
                            row[j] = integer ? random.nextInt(101) : random.nextDouble();
                        }
                    }
                    for (Sense sense : Sense.values()) {
                        String what = n + " x " + width + (integer ? " integer " : " real ")
                                + sense;
                        AssignmentResult result = solver.solve(matrix, sense);
                        assertTrue(result.isCertified(matrix, TOL), what);
                        double padded = solver.solve(padWithZeroRows(matrix), sense).value();
                        assertEquals(padded, result.value(),
                                TOL * width * Math.max(1, Math.abs(padded)), what);
                    }
                }
            }
        }
    }

    @Test
    void wideInstancesWithForbiddenPairsAreCertified() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (int trial = 0; trial < 40; trial++) {
            int n = 5 + random.nextInt(60);
            int width = n + 1 + random.nextInt(2 * n);
            double[][] matrix = new double[n][width];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < width; j++) {
                    boolean allowed = j == i || random.nextInt(3) > 0;
                    matrix[i][j] = allowed ? random.nextInt(10) : Double.POSITIVE_INFINITY;
                }
            }
            AssignmentResult result = solver.solve(matrix, Sense.MINIMIZE);
            assertTrue(result.isCertified(matrix, TOL), "trial " + trial);
        }
    }

    private static double[][] padWithZeroRows(double[][] matrix) {
        int width = matrix[0].length;
        double[][] square = new double[width][width];
        for (int i = 0; i < matrix.length; i++) {
            System.arraycopy(matrix[i], 0, square[i], 0, width);
        }
        return square;
    }
}
