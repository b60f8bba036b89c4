package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks the promise that {@code solveSquare} allocates nothing once its work arrays have grown,
 * using the JDK's per-thread allocation counter. Not a timing test.
 */
class SolveSquareAllocationTest {

    private static final int CALLS = 1000;

    /** Slack for the counter itself; any per-call allocation would exceed it many times. */
    private static final long SLACK_BYTES = 1024;

    @Test
    void solveSquareDoesNotAllocateAfterWarmUp() {
        com.sun.management.ThreadMXBean counter = AllocationCounter.require();

        // Square instances of orders 5..30, both senses, some with forbidden entries.
        SplittableRandom random = new SplittableRandom(31L);
        int count = 16;
        double[][] matrices = new double[count][];
        int[] orders = new int[count];
        for (int k = 0; k < count; k++) {
            int n = 5 + random.nextInt(26);
            orders[k] = n;
            matrices[k] = new double[n * n];
            for (int e = 0; e < n * n; e++) {
                matrices[k][e] = k % 3 == 0 ? random.nextInt(4) : random.nextDouble();
            }
            if (k % 4 == 1) {
                for (int i = 0; i < n; i++) {
                    matrices[k][i * n + (i + 1) % n] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int[] rowToColumn = new int[30];
        double checksum = run(solver, matrices, orders, rowToColumn);

        long before = counter.getCurrentThreadAllocatedBytes();
        checksum += run(solver, matrices, orders, rowToColumn);
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;

        assertTrue(Double.isFinite(checksum));
        assertTrue(allocated < SLACK_BYTES, CALLS + " calls allocated " + allocated + " bytes");
    }

    private static double run(LinearAssignmentSolver solver, double[][] matrices, int[] orders,
            int[] rowToColumn) {
        double sum = 0;
        for (int call = 0; call < CALLS; call++) {
            int k = call % matrices.length;
            Sense sense = k % 4 == 1 || k % 2 == 0 ? Sense.MAXIMIZE : Sense.MINIMIZE;
            sum += solver.solveSquare(matrices[k], orders[k], sense, rowToColumn);
        }
        return sum;
    }
}
