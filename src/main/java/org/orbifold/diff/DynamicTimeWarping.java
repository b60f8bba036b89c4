package org.orbifold.diff;

import org.orbifold.assign.LinearAssignmentSolver;

/**
 * Dynamic time warping (Sakoe and Chiba 1978) as a differentiable function of the local cost
 * matrix.
 *
 * <p><b>Problem.</b> Given an {@code n x m} cost matrix {@code C} ({@code n, m >= 1}), minimise
 * the sum of the costs along a warping path: a sequence of cells from {@code (0, 0)} to
 * {@code (n - 1, m - 1)} whose every step is {@code (1, 0)}, {@code (0, 1)} or {@code (1, 1)}.
 * {@code C[i][j] = +Infinity} forbids a cell, which is how a Sakoe-Chiba band or any other
 * global constraint is expressed. Finite costs may be at most
 * {@link LinearAssignmentSolver#MAX_MAGNITUDE} ({@code 1e300}) in magnitude, the limit of the
 * assignment solver: a path sums up to {@code n + m - 1} costs, and below that limit no such
 * sum overflows unless the path has more than about {@code 10^8} cells, which is refused.
 *
 * <p><b>Gradient.</b> The optimal value is a minimum of functions linear in {@code C}, one per
 * path, so the 0/1 indicator of the optimal path is a supergradient (Danskin 1967) and the
 * gradient when the optimal path is unique ({@link SequenceAlignment#gradient()}). For costs
 * that depend on parameters, such as {@code C[i][j] = ||x_i - y_j||^2}, the chain rule sums the
 * cost gradients along the path.
 *
 * <p><b>Algorithm and uniqueness.</b> The usual recursion {@code D[i][j] = C[i][j] +
 * min(D[i-1][j-1], D[i-1][j], D[i][j-1])}, counting optimal paths (saturated at 2; distinct
 * paths visit distinct cell sets). {@code O(n m)} time and memory.
 *
 * <p><b>Tie band.</b> Two predecessors' accumulated costs {@code D_a} and {@code D_b} count as
 * equal when they differ by at most {@code tolerance * (R_a + R_b)}, where the rounding scale
 * {@code R} of a cell is {@code |D|} plus the largest {@code R} of its predecessors that count
 * as least ({@code R = |C[0][0]|} at the start): the sum of the magnitudes of the partial sums
 * along the best prefixes. Each addition rounds by at most {@code 2^-53} of its result, so a
 * computed {@code D} is within about {@code 2^-53 R} of the exact least cost of its prefix, and
 * with a tolerance well above {@code 2^-53} (the default is {@code 1e-9}) two exactly tied
 * optimal paths are never reported unique: where they meet, their predecessors' exact values
 * are equal. A cost that lies on no path within the band of the optimum enters no scale that
 * is compared: with a soft Sakoe-Chiba band of {@code 1e9} instead of {@code +Infinity}, or
 * {@code {{0, 1, 1e12}, {1, 0, 0}}}, the optimum is reported unique when the runner-up costs 1
 * more. Along the optimal paths the band is about {@code tolerance} times {@code n + m} times
 * the largest accumulated cost, so huge costs on them widen it.
 *
 * <p><b>Tie rule.</b> The returned path is traced back from the end, taking at every step the
 * first of the diagonal, the upper ({@code (i - 1, j)}) and the left ({@code (i, j - 1)})
 * predecessor whose value is exactly the least.
 *
 * <p>Reference: H. Sakoe and S. Chiba (1978), "Dynamic programming algorithm optimization for
 * spoken word recognition", IEEE Trans. Acoustics, Speech, and Signal Processing 26(1):43-49,
 * doi:10.1109/TASSP.1978.1163055.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Limitations.</b> Only the symmetric step pattern above, without slope weights; dense
 * {@code O(n m)} memory.
 */
public final class DynamicTimeWarping {

    private final double tolerance;

    /** Creates the aligner with the tolerance {@link AssignmentValue#DEFAULT_TOLERANCE}. */
    public DynamicTimeWarping() {
        this(AssignmentValue.DEFAULT_TOLERANCE);
    }

    /**
     * Creates the aligner.
     *
     * @param tolerance the relative tolerance of the tie test, finite and {@code >= 0}
     */
    public DynamicTimeWarping(double tolerance) {
        this.tolerance = Checks.requireTolerance(tolerance);
    }

    /**
     * Computes the optimal warping path.
     *
     * @param costs an {@code n x m} cost matrix, {@code n, m >= 1}, each entry
     *     {@code +Infinity} or finite of magnitude at most
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE}; not modified
     * @return the least total cost, the path and whether it is the only optimal path
     * @throws NullPointerException if {@code costs} or one of its rows is null
     * @throws IllegalArgumentException if the matrix is empty or ragged, has NaN,
     *     {@code -Infinity} or a finite entry beyond the magnitude limit (the message names
     *     the entry), its forbidden cells block every path, or the sum of costs along a path
     *     overflows
     */
    public SequenceAlignment align(double[][] costs) {
        int m = Checks.requireRectangular(costs, "costs");
        int n = costs.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("dynamic time warping needs two non-empty"
                    + " sequences; the cost matrix is " + n + " x " + m);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double c = costs[i][j];
                if (Double.isNaN(c) || c == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("costs must be finite or +Infinity;"
                            + " found " + c + " at (" + i + ", " + j + ")");
                }
                if (Double.isFinite(c)) {
                    Checks.requireMagnitude(c, "costs", i, j);
                }
            }
        }

        // Accumulated costs, their rounding scales and saturated counts of optimal paths.
        double[][] total = new double[n][m];
        double[][] rounding = new double[n][m];
        int[][] count = new int[n][m];
        double[] value = new double[3];
        double[] scale = new double[3];
        int[] paths = new int[3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double c = costs[i][j];
                if (i == 0 && j == 0) {
                    total[i][j] = c;
                    rounding[i][j] = Math.abs(c);
                    count[i][j] = c == Double.POSITIVE_INFINITY ? 0 : 1;
                    continue;
                }
                candidate(total, rounding, count, i - 1, j - 1, value, scale, paths, 0);
                candidate(total, rounding, count, i - 1, j, value, scale, paths, 1);
                candidate(total, rounding, count, i, j - 1, value, scale, paths, 2);
                double least = Math.min(value[0], Math.min(value[1], value[2]));
                total[i][j] = c + least;
                if (least == Double.POSITIVE_INFINITY || c == Double.POSITIVE_INFINITY) {
                    count[i][j] = 0;
                    continue;
                }
                if (Double.isInfinite(total[i][j])) {
                    throw new IllegalArgumentException("the cost of the best warping path to ("
                            + i + ", " + j + ") overflows: " + least + " + " + c);
                }
                double leastScale = 0;
                for (int k = 0; k < 3; k++) {
                    if (value[k] == least) {
                        leastScale = Math.max(leastScale, scale[k]);
                    }
                }
                int tied = 0;
                double tiedScale = 0;
                for (int k = 0; k < 3; k++) {
                    if (value[k] == least || (value[k] != Double.POSITIVE_INFINITY
                            && value[k] - least <= tolerance * (leastScale + scale[k]))) {
                        tied += paths[k];
                        tiedScale = Math.max(tiedScale, scale[k]);
                    }
                }
                count[i][j] = Math.min(2, tied);
                rounding[i][j] = tiedScale + Math.abs(total[i][j]);
            }
        }
        double optimum = total[n - 1][m - 1];
        if (optimum == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("no warping path from (0, 0) to (" + (n - 1)
                    + ", " + (m - 1) + ") avoids the forbidden (+Infinity) cells");
        }

        // Traceback with the documented preference order.
        int[] rows = new int[n + m - 1];
        int[] columns = new int[n + m - 1];
        int k = 0;
        int i = n - 1;
        int j = m - 1;
        while (true) {
            rows[k] = i;
            columns[k++] = j;
            if (i == 0 && j == 0) {
                break;
            }
            double diagonal = i > 0 && j > 0 ? total[i - 1][j - 1] : Double.POSITIVE_INFINITY;
            double up = i > 0 ? total[i - 1][j] : Double.POSITIVE_INFINITY;
            double left = j > 0 ? total[i][j - 1] : Double.POSITIVE_INFINITY;
            if (diagonal <= up && diagonal <= left) {
                i--;
                j--;
            } else if (up <= left) {
                i--;
            } else {
                j--;
            }
        }
        int[] pathRows = new int[k];
        int[] pathColumns = new int[k];
        for (int t = 0; t < k; t++) {
            pathRows[t] = rows[k - 1 - t];
            pathColumns[t] = columns[k - 1 - t];
        }
        return new SequenceAlignment(optimum, n, m, pathRows, pathColumns,
                count[n - 1][m - 1] == 1);
    }

    /**
     * Copies the accumulated cost, rounding scale and path count of cell (i, j) into slot
     * {@code k} of the candidate arrays; a cell outside the matrix is {@code +Infinity}.
     */
    private static void candidate(double[][] total, double[][] rounding, int[][] count, int i,
            int j, double[] value, double[] scale, int[] paths, int k) {
        boolean inside = i >= 0 && j >= 0;
        value[k] = inside ? total[i][j] : Double.POSITIVE_INFINITY;
        scale[k] = inside ? rounding[i][j] : 0.0;
        paths[k] = inside ? count[i][j] : 0;
    }
}
