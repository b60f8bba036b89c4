package org.orbifold.diff;

import java.util.Arrays;
import java.util.Objects;
import org.orbifold.assign.LinearAssignmentSolver;

/**
 * Global sequence alignment by dynamic programming (Needleman and Wunsch 1970), with a linear
 * gap penalty, as a differentiable function of the score matrix.
 *
 * <p><b>Problem.</b> Given an {@code n x m} score matrix {@code S} ({@code S[i][j]} the score
 * of aligning element {@code i} of the first sequence with element {@code j} of the second)
 * and a gap penalty {@code g}, maximise over monotone matchings {@code M} (sets of pairs
 * strictly increasing in both coordinates)
 * <pre>
 *   V(S) = max_M  sum_{(i,j) in M} S[i][j] - g (n + m - 2 |M|).
 * </pre>
 * Every element left unmatched pays {@code g}. {@code S[i][j] = -Infinity} forbids a pair.
 * Finite scores and {@code g} may be at most {@link LinearAssignmentSolver#MAX_MAGNITUDE}
 * ({@code 1e300}) in magnitude, the limit of the assignment solver: an alignment sums up to
 * {@code n + m} of them, and below that limit no such sum overflows unless the sequences have
 * more than about {@code 10^8} elements together, which is refused.
 *
 * <p><b>Gradient.</b> {@code V} is a maximum of functions linear in {@code S}, so the 0/1
 * matrix of the optimal matched pairs is a subgradient (Danskin 1967), and the gradient when
 * the optimal matching is unique; {@link SequenceAlignment#gradient()} returns it. The
 * derivative with respect to {@code g} is {@code -(n + m - 2 |M|)}, minus the number of gaps;
 * {@link #gapPenaltyDerivative(SequenceAlignment)} returns it.
 *
 * <p><b>Empty sequences.</b> A Java matrix without rows does not record how many columns it
 * would have had ({@code new double[0][4]} and {@code new double[0][0]} are the same empty
 * array), so {@link #align(double[][])} refuses a score matrix without rows, and
 * {@link #align(int, int, double[][])} takes the two lengths explicitly: {@code align(0, 4,
 * new double[0][])} is the alignment of an empty sequence with one of four elements, value
 * {@code -4 g}. A matrix with rows but no columns ({@code new double[4][0]}) is unambiguous
 * and accepted by both.
 *
 * <p><b>Algorithm and uniqueness.</b> A three-state recursion over the prefixes, the last move
 * being a match, a gap in the second sequence (an element of the first left unmatched) or a gap
 * in the first; a gap in the second sequence may not follow a gap in the first. That rule keeps
 * exactly one path per matching (the order of consecutive gaps does not change the matching or
 * the score), so counting optimal paths, saturated at 2, decides whether the optimal matching
 * is unique. {@code O(n m)} time and memory.
 *
 * <p><b>Tie band.</b> Two states' prefix scores {@code V_a} and {@code V_b} count as equal when
 * they differ by at most {@code tolerance * (R_a + R_b)}, where the rounding scale {@code R} of
 * a state is its {@code |V|} plus the largest {@code R} of the states it comes from that count
 * as best ({@code R = 0} at the start): the sum of the magnitudes of the partial sums along the
 * best prefixes. Each addition rounds by at most {@code 2^-53} of its result, so a computed
 * prefix score is within about {@code 2^-53 R} of the exact best one, and with a tolerance
 * well above {@code 2^-53} (the default is {@code 1e-9}) two exactly tied optimal matchings
 * are never reported unique: where their paths meet, their predecessors' exact values are
 * equal. A score that lies on no alignment within the band of the optimum enters no scale
 * that is compared: with {@code g = 1}, {@code {{2, 0, -1e12}, {0, 2, 0}}} is reported unique,
 * its runner-up scoring 1 less. Along the optimal paths the band is about {@code tolerance}
 * times {@code n + m} times the largest prefix score, so huge scores on them widen it.
 *
 * <p><b>Tie rule.</b> The returned matching is traced back from the end, taking at every step
 * the first of match, gap in the second sequence, gap in the first whose value is exactly the
 * best.
 *
 * <p>Reference: S. B. Needleman and C. D. Wunsch (1970), "A general method applicable to the
 * search for similarities in the amino acid sequence of two proteins", J. Mol. Biol.
 * 48(3):443-453, doi:10.1016/0022-2836(70)90057-4.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Limitations.</b> Linear gap penalties only (no affine gap opening cost); dense
 * {@code O(n m)} memory for the traceback.
 */
public final class NeedlemanWunsch {

    private static final int MATCH = 0;
    private static final int GAP_IN_SECOND = 1;
    private static final int GAP_IN_FIRST = 2;

    private final double gapPenalty;
    private final double tolerance;

    /**
     * Creates the aligner with the default tolerance {@link AssignmentValue#DEFAULT_TOLERANCE}.
     *
     * @param gapPenalty the penalty {@code g} of every unmatched element, finite, of magnitude
     *     at most {@link LinearAssignmentSolver#MAX_MAGNITUDE}
     * @throws IllegalArgumentException if the gap penalty is not finite or beyond the limit
     */
    public NeedlemanWunsch(double gapPenalty) {
        this(gapPenalty, AssignmentValue.DEFAULT_TOLERANCE);
    }

    /**
     * Creates the aligner.
     *
     * @param gapPenalty the penalty {@code g} of every unmatched element, finite, of magnitude
     *     at most {@link LinearAssignmentSolver#MAX_MAGNITUDE}
     * @param tolerance the relative tolerance of the tie test, finite and {@code >= 0}
     * @throws IllegalArgumentException if the gap penalty is not finite or beyond the limit,
     *     or the tolerance is negative, infinite or NaN
     */
    public NeedlemanWunsch(double gapPenalty, double tolerance) {
        Checks.requireFinite(gapPenalty, "gapPenalty");
        if (Math.abs(gapPenalty) > LinearAssignmentSolver.MAX_MAGNITUDE) {
            throw new IllegalArgumentException("gapPenalty " + gapPenalty + " exceeds the"
                    + " largest supported magnitude " + LinearAssignmentSolver.MAX_MAGNITUDE);
        }
        this.gapPenalty = gapPenalty;
        this.tolerance = Checks.requireTolerance(tolerance);
    }

    /**
     * Returns the gap penalty {@code g}.
     *
     * @return the gap penalty {@code g}
     */
    public double gapPenalty() {
        return gapPenalty;
    }

    /**
     * Computes the optimal global alignment of two sequences whose lengths are the shape of
     * the score matrix.
     *
     * @param scores an {@code n x m} score matrix with {@code n >= 1} rows, each entry
     *     {@code -Infinity} or finite of magnitude at most
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE}; {@code m} may be 0; not modified
     * @return the value {@code V(S)}, the matched pairs and whether they are the only optimum
     * @throws NullPointerException if {@code scores} or one of its rows is null
     * @throws IllegalArgumentException if the matrix has no rows (the length of the second
     *     sequence is then unknown: use {@link #align(int, int, double[][])}), is ragged or
     *     has NaN, {@code +Infinity} or a finite entry beyond the magnitude limit (the message
     *     names the entry), or the sum of scores and penalties along an alignment overflows
     */
    public SequenceAlignment align(double[][] scores) {
        int m = Checks.requireRectangular(scores, "scores");
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores has no rows, so the length of the second"
                    + " sequence is unknown; for an empty first sequence call align(0, m,"
                    + " scores) with the length m of the second");
        }
        return align(scores.length, m, scores);
    }

    /**
     * Computes the optimal global alignment of a sequence of {@code n} elements with one of
     * {@code m} elements; either may be empty.
     *
     * @param n the length of the first sequence, {@code >= 0}
     * @param m the length of the second sequence, {@code >= 0}
     * @param scores the {@code n x m} score matrix, not null (any array without rows, such as
     *     {@code new double[0][]}, when {@code n = 0}), each entry {@code -Infinity} or finite
     *     of magnitude at most {@link LinearAssignmentSolver#MAX_MAGNITUDE}; not modified
     * @return the value {@code V(S)}, the matched pairs and whether they are the only optimum
     * @throws NullPointerException if {@code scores} or one of its rows is null
     * @throws IllegalArgumentException if a length is negative, the matrix is not
     *     {@code n x m} (the message names the row), or has NaN, {@code +Infinity} or a finite
     *     entry beyond the magnitude limit (the message names the entry), or the sum of scores
     *     and penalties along an alignment overflows
     */
    public SequenceAlignment align(int n, int m, double[][] scores) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("sequence lengths must be >= 0, got n = " + n
                    + " and m = " + m);
        }
        Checks.requireShape(scores, n, m, "scores");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = scores[i][j];
                if (Double.isNaN(s) || s == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("scores must be finite or -Infinity;"
                            + " found " + s + " at (" + i + ", " + j + ")");
                }
                if (Double.isFinite(s)) {
                    Checks.requireMagnitude(s, "scores", i, j);
                }
            }
        }

        // best[state][i][j]: best score of a prefix path into (i, j) ending with that move;
        // rounding[state][i][j]: the scale that bounds its rounding error (class description).
        double[][][] best = new double[3][n + 1][m + 1];
        double[][][] rounding = new double[3][n + 1][m + 1];
        int[][][] count = new int[3][n + 1][m + 1];
        for (double[][] layer : best) {
            for (double[] row : layer) {
                Arrays.fill(row, Double.NEGATIVE_INFINITY);
            }
        }
        best[MATCH][0][0] = 0.0;
        count[MATCH][0][0] = 1;
        Candidates candidates = new Candidates();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i > 0 && j > 0) {
                    candidates.gather(best, rounding, count, i - 1, j - 1, 3, tolerance);
                    candidates.store(best, rounding, count, MATCH, i, j, scores[i - 1][j - 1]);
                }
                if (i > 0) {
                    candidates.gather(best, rounding, count, i - 1, j, 2, tolerance);
                    candidates.store(best, rounding, count, GAP_IN_SECOND, i, j, -gapPenalty);
                }
                if (j > 0) {
                    candidates.gather(best, rounding, count, i, j - 1, 3, tolerance);
                    candidates.store(best, rounding, count, GAP_IN_FIRST, i, j, -gapPenalty);
                }
            }
        }

        // The end: best state and the number of optimal matchings.
        candidates.gather(best, rounding, count, n, m, 3, tolerance);
        int state = candidates.top;
        double value = candidates.value[state];
        int paths = candidates.tied;

        // Traceback with the documented preference order.
        int[] matchedRows = new int[Math.min(n, m)];
        int[] matchedColumns = new int[Math.min(n, m)];
        int k = 0;
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (state == MATCH) {
                matchedRows[k] = i - 1;
                matchedColumns[k++] = j - 1;
                i--;
                j--;
                state = argmax(best, i, j, 3);
            } else if (state == GAP_IN_SECOND) {
                i--;
                state = argmax(best, i, j, 2);
            } else {
                j--;
                state = argmax(best, i, j, 3);
            }
        }
        int[] rows = new int[k];
        int[] columns = new int[k];
        for (int t = 0; t < k; t++) {
            rows[t] = matchedRows[k - 1 - t];
            columns[t] = matchedColumns[k - 1 - t];
        }
        return new SequenceAlignment(value, n, m, rows, columns, paths == 1);
    }

    /**
     * Returns the derivative of the optimal value with respect to the gap penalty,
     * {@code dV/dg = -(n + m - 2 |M|)}, minus the number of unmatched elements of an alignment
     * returned by {@link #align}. {@code V} is a maximum of functions affine in {@code g}, so
     * this is the derivative when the optimal matching is unique and otherwise the slope of
     * the returned matching, an element of the generalized gradient (Danskin 1967), as for
     * the scores.
     *
     * @param alignment an alignment returned by this class (matched pairs strictly increasing
     *     in both indices)
     * @return minus the number of gaps, {@code <= 0} ({@code 0.0}, never {@code -0.0}, when
     *     there are none)
     * @throws NullPointerException if {@code alignment} is null
     * @throws IllegalArgumentException if two cells share a row or a column, so the cells are
     *     a warping path (such as {@link DynamicTimeWarping}'s) and not a matching
     */
    public static double gapPenaltyDerivative(SequenceAlignment alignment) {
        Objects.requireNonNull(alignment, "alignment");
        int[] rows = alignment.pathRows();
        int[] columns = alignment.pathColumns();
        for (int k = 1; k < rows.length; k++) {
            if (rows[k] == rows[k - 1] || columns[k] == columns[k - 1]) {
                throw new IllegalArgumentException("cells " + (k - 1) + " and " + k + " share a"
                        + " row or a column, so the alignment is no matching of a global"
                        + " sequence alignment");
            }
        }
        // 2|M| - n - m rather than -(n + m - 2|M|): no gaps give 0.0, not -0.0.
        return 2.0 * rows.length - alignment.rows() - alignment.columns();
    }

    /**
     * Returns the first of the first {@code states} states of cell (i, j) with the largest
     * value.
     */
    private static int argmax(double[][][] best, int i, int j, int states) {
        int top = 0;
        for (int s = 1; s < states; s++) {
            if (best[s][i][j] > best[top][i][j]) {
                top = s;
            }
        }
        return top;
    }

    /**
     * The states of one cell that a move may come from: the best of them, the saturated (at
     * 2) number of optimal paths into those within the tie band of the best, and the largest
     * rounding scale among those.
     */
    private static final class Candidates {

        private final double[] value = new double[3];
        private int top;
        private int tied;
        private double tiedScale;

        /** Reads the first {@code states} states of cell (i, j) and finds the ties. */
        void gather(double[][][] best, double[][][] rounding, int[][][] count, int i, int j,
                int states, double tolerance) {
            top = argmax(best, i, j, states);
            double topValue = best[top][i][j];
            tied = 0;
            tiedScale = 0;
            for (int s = 0; s < states; s++) {
                value[s] = best[s][i][j];
            }
            for (int s = states; s < 3; s++) {
                value[s] = Double.NEGATIVE_INFINITY;
            }
            if (topValue == Double.NEGATIVE_INFINITY) {
                return;
            }
            double topScale = 0;
            for (int s = 0; s < states; s++) {
                if (value[s] == topValue) {
                    topScale = Math.max(topScale, rounding[s][i][j]);
                }
            }
            for (int s = 0; s < states; s++) {
                if (value[s] == topValue || (value[s] != Double.NEGATIVE_INFINITY
                        && topValue - value[s] <= tolerance * (topScale + rounding[s][i][j]))) {
                    tied = Math.min(2, tied + count[s][i][j]);
                    tiedScale = Math.max(tiedScale, rounding[s][i][j]);
                }
            }
        }

        /** Stores the best gathered state plus {@code step} as the given state of (i, j). */
        void store(double[][][] best, double[][][] rounding, int[][][] count, int state, int i,
                int j, double step) {
            double topValue = value[top];
            if (topValue == Double.NEGATIVE_INFINITY || step == Double.NEGATIVE_INFINITY) {
                return;
            }
            best[state][i][j] = topValue + step;
            if (Double.isInfinite(best[state][i][j])) {
                throw new IllegalArgumentException("the score of the best alignment of the"
                        + " first " + i + " and " + j + " elements overflows: " + topValue
                        + " + " + step);
            }
            count[state][i][j] = tied;
            rounding[state][i][j] = tiedScale + Math.abs(best[state][i][j]);
        }
    }
}
