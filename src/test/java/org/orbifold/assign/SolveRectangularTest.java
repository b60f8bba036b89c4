package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link LinearAssignmentSolver#solveRectangular}: a block of a flat array, with a stride,
 * either shape, both senses. Checked against brute force on small blocks and against
 * {@link LinearAssignmentSolver#solve(double[][], Sense)} on larger ones, and for the promise
 * that it allocates nothing once grown.
 */
class SolveRectangularTest {

    private static final long SEED = 20_261_205L;
    private static final double TOL = 1e-9;

    @Test
    void matchesBruteForceOnStridedBlocksOfEitherShape() {
        SplittableRandom random = new SplittableRandom(SEED);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (int trial = 0; trial < 1500; trial++) {
            int rows = random.nextInt(8);
            int columns = random.nextInt(8);
            int stride = columns + random.nextInt(3);
            boolean integer = trial % 2 == 0;
            double[][] matrix = new double[rows][columns];
            double[] flat = new double[rows * stride + 2];
            for (int k = 0; k < flat.length; k++) {
                // Entries outside the block must be ignored: make them attractive.
                flat[k] = random.nextBoolean() ? -1e6 : 1e6;
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double entry = integer ? random.nextInt(3) : random.nextDouble(-5.0, 5.0);
                    matrix[i][j] = entry;
                    flat[i * stride + j] = entry;
                }
            }
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            int[] rowToColumn = new int[rows];
            double value = solver.solveRectangular(flat, rows, columns, stride, sense,
                    rowToColumn);
            String what = "trial " + trial + ", " + rows + " x " + columns + " " + sense;
            double sum = assertValidAssignment(matrix, rows, columns, rowToColumn, what);
            assertEquals(sum, value, TOL * (1 + Math.abs(sum)), what);
            double expected = rows == 0 || columns == 0 ? 0.0 : BruteForce.optimum(matrix,
                    sense);
            assertEquals(expected, value, TOL * (1 + Math.abs(expected)), what);
        }
    }

    @Test
    void agreesWithTheMatrixSolverOnLargerBlocks() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        LinearAssignmentSolver reference = new LinearAssignmentSolver();
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(60);
            int columns = 1 + random.nextInt(60);
            int stride = columns + random.nextInt(5);
            double[][] matrix = new double[rows][columns];
            double[] flat = new double[rows * stride];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double entry = trial % 3 == 0 ? random.nextInt(4) : random.nextDouble();
                    matrix[i][j] = entry;
                    flat[i * stride + j] = entry;
                }
            }
            Sense sense = trial % 2 == 0 ? Sense.MINIMIZE : Sense.MAXIMIZE;
            int[] rowToColumn = new int[rows];
            double value = solver.solveRectangular(flat, rows, columns, stride, sense,
                    rowToColumn);
            String what = "trial " + trial + ", " + rows + " x " + columns + " " + sense;
            assertValidAssignment(matrix, rows, columns, rowToColumn, what);
            double expected = reference.solve(matrix, sense).value();
            assertEquals(expected, value, TOL * Math.max(rows, columns)
                    * (1 + Math.abs(expected)), what);
        }
    }

    @Test
    void forbiddenPairsAreRespectedAndInfeasibilityReported() {
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        double inf = Double.POSITIVE_INFINITY;
        // 3 x 2, stride 3: every column can only take row 1.
        double[] blocked = {inf, inf, 0, 1, 2, 0, inf, inf, 0};
        assertThrows(InfeasibleAssignmentException.class, () -> solver.solveRectangular(blocked,
                3, 2, 3, Sense.MINIMIZE, new int[3]));
        double[] allowed = {inf, 5, 0, 1, 2, 0, 3, inf, 0};
        int[] rowToColumn = new int[3];
        double value = solver.solveRectangular(allowed, 3, 2, 3, Sense.MINIMIZE, rowToColumn);
        assertEquals(5.0, value);
        assertEquals(-1, rowToColumn[0]);
        assertEquals(1, rowToColumn[1]);
        assertEquals(0, rowToColumn[2]);
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> solver.solveRectangular(new double[6], 2, 3, 2, Sense.MINIMIZE,
                        new int[2]));
        assertTrue(stride.getMessage().contains("stride 2"), stride.getMessage());
        IllegalArgumentException shortMatrix = assertThrows(IllegalArgumentException.class,
                () -> solver.solveRectangular(new double[7], 2, 3, 5, Sense.MINIMIZE,
                        new int[2]));
        assertTrue(shortMatrix.getMessage().contains("need 8"), shortMatrix.getMessage());
        assertThrows(IllegalArgumentException.class, () -> solver.solveRectangular(
                new double[6], 3, 2, 2, Sense.MINIMIZE, new int[2]));
        assertThrows(IllegalArgumentException.class, () -> solver.solveRectangular(
                new double[6], -1, 2, 2, Sense.MINIMIZE, new int[2]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> solver.solveRectangular(new double[] {0, Double.NaN}, 1, 2, 2,
                        Sense.MINIMIZE, new int[1]));
        assertTrue(nan.getMessage().contains("(0, 1) is NaN"), nan.getMessage());
    }

    @Test
    void doesNotAllocateAfterWarmUp() {
        com.sun.management.ThreadMXBean counter = AllocationCounter.require();
        SplittableRandom random = new SplittableRandom(SEED + 2);
        int stride = 30;
        double[] flat = new double[stride * stride];
        for (int k = 0; k < flat.length; k++) {
            flat[k] = random.nextDouble();
        }
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int[] rowToColumn = new int[stride];
        double checksum = run(solver, flat, stride, rowToColumn, new SplittableRandom(1));
        long before = counter.getCurrentThreadAllocatedBytes();
        checksum += run(solver, flat, stride, rowToColumn, new SplittableRandom(1));
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        assertTrue(Double.isFinite(checksum));
        assertTrue(allocated < 1024, "1000 calls allocated " + allocated + " bytes");
    }

    private static double run(LinearAssignmentSolver solver, double[] flat, int stride,
            int[] rowToColumn, SplittableRandom random) {
        double sum = 0.0;
        for (int call = 0; call < 1000; call++) {
            int rows = 1 + random.nextInt(stride);
            int columns = 1 + random.nextInt(stride);
            Sense sense = call % 2 == 0 ? Sense.MINIMIZE : Sense.MAXIMIZE;
            sum += solver.solveRectangular(flat, rows, columns, stride, sense, rowToColumn);
        }
        return sum;
    }

    /** Checks the images and returns the sum of the chosen entries. */
    private static double assertValidAssignment(double[][] matrix, int rows, int columns,
            int[] rowToColumn, String what) {
        boolean[] taken = new boolean[columns];
        int assigned = 0;
        double sum = 0.0;
        for (int i = 0; i < rows; i++) {
            int j = rowToColumn[i];
            if (j < 0) {
                assertEquals(-1, j, what);
                continue;
            }
            assertTrue(j < columns && !taken[j], what + ": column " + j + " of row " + i);
            taken[j] = true;
            assigned++;
            sum += matrix[i][j];
        }
        assertEquals(Math.min(rows, columns), assigned, what);
        return sum;
    }
}
