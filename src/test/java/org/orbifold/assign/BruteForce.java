package org.orbifold.assign;

/**
 * Exhaustive search over all assignments of a small matrix, the reference the solver is
 * compared with. Forbidden entries ({@code +Infinity} when minimising, {@code -Infinity} when
 * maximising) are skipped.
 */
final class BruteForce {

    private final double[][] matrix;
    private final double sign;
    private final boolean transposed;
    private final int shortSide;
    private final int longSide;
    private final boolean[] used;
    private double best;

    private BruteForce(double[][] matrix, Sense sense) {
        this.matrix = matrix;
        this.sign = sense.sign();
        int n = matrix.length;
        int m = n == 0 ? 0 : matrix[0].length;
        this.transposed = n > m;
        this.shortSide = Math.min(n, m);
        this.longSide = Math.max(n, m);
        this.used = new boolean[longSide];
        this.best = Double.POSITIVE_INFINITY;
    }

    /**
     * Returns the optimal value in the caller's sense, or NaN if no complete assignment
     * avoids the forbidden entries.
     */
    static double optimum(double[][] matrix, Sense sense) {
        BruteForce search = new BruteForce(matrix, sense);
        search.extend(0, 0.0);
        return search.best == Double.POSITIVE_INFINITY ? Double.NaN : search.sign * search.best;
    }

    private double entry(int shortIndex, int longIndex) {
        return transposed ? matrix[longIndex][shortIndex] : matrix[shortIndex][longIndex];
    }

    private void extend(int k, double partial) {
        if (k == shortSide) {
            best = Math.min(best, partial);
            return;
        }
        for (int j = 0; j < longSide; j++) {
            double cost = sign * entry(k, j);
            if (!used[j] && cost != Double.POSITIVE_INFINITY) {
                used[j] = true;
                extend(k + 1, partial + cost);
                used[j] = false;
            }
        }
    }
}
