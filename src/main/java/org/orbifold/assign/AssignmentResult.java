package org.orbifold.assign;

import java.util.Arrays;
import java.util.Objects;

/**
 * An optimal solution of a linear assignment problem on an {@code n x m} matrix {@code C},
 * with the dual potentials that prove it optimal.
 *
 * <p>The assignment is stored both ways: {@code rowToColumn[i]} is the column given to row
 * {@code i} and {@code columnToRow[j]} the row given to column {@code j}, with {@code -1} for
 * an unassigned row or column. If {@code n <= m} every row is assigned; otherwise every column
 * is. The {@code value} is the sum of the chosen entries of {@code C} as given by the caller
 * (not negated when maximising); {@link LinearAssignmentSolver} adds them in row order, or in
 * column order when {@code n > m}, so a sum in another order may differ in the last place.
 *
 * <p><b>Certificate.</b> Write {@code s = +1} for {@link Sense#MINIMIZE}, {@code s = -1} for
 * {@link Sense#MAXIMIZE}, and {@code r_ij = s (C_ij - u_i - v_j)} for the reduced cost, where
 * {@code u} are the row potentials and {@code v} the column potentials, both reported in the
 * caller's sense. The solver guarantees, up to rounding:
 * <ol>
 *   <li>{@code r_ij >= 0} on every allowed (finite) entry, and {@code r_ij = 0} on the chosen
 *       entries;</li>
 *   <li>{@code sum(u) + sum(v) = value};</li>
 *   <li>if {@code n < m}: {@code s v_j <= 0} for every column, and {@code v_j = 0} on the
 *       unassigned columns; if {@code n > m}: {@code s u_i <= 0} for every row, and
 *       {@code u_i = 0} on the unassigned rows; if {@code n = m} there is no sign
 *       condition.</li>
 * </ol>
 * Conditions 1 and 3 say that {@code (u, v)} is feasible for the dual of the linear
 * programme {@code min s <C, P>} over {@code P >= 0} whose rows on the shorter side sum to 1
 * and on the longer side to at most 1; condition 2 says that its dual objective equals
 * {@code s value}. By weak duality no assignment is better than {@code value}.
 * {@link #isCertified(double[][], double)} checks all three with a tolerance relative to
 * {@link #certificateScale(double[][])}, the largest chosen entry or potential.
 *
 * <p>Instances are immutable: the arrays are copied on the way in and on the way out. Use
 * {@link #columnOf(int)} and {@link #rowOf(int)} to read single entries without copying.
 *
 * @param rowToColumn the column of every row, or {@code -1}
 * @param columnToRow the row of every column, or {@code -1}
 * @param value the sum of the chosen entries, in the caller's sense
 * @param rowPotentials the dual potentials {@code u} of the rows, in the caller's sense
 * @param columnPotentials the dual potentials {@code v} of the columns, in the caller's sense
 * @param sense whether the matrix was minimised or maximised
 */
public record AssignmentResult(int[] rowToColumn, int[] columnToRow, double value,
        double[] rowPotentials, double[] columnPotentials, Sense sense) {

    /**
     * Validates and copies the components.
     *
     * @param rowToColumn the column of every row, or {@code -1}; copied
     * @param columnToRow the row of every column, or {@code -1}; copied
     * @param value the sum of the chosen entries, in the caller's sense
     * @param rowPotentials the row potentials, in the caller's sense; copied
     * @param columnPotentials the column potentials, in the caller's sense; copied
     * @param sense whether the matrix was minimised or maximised
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the potentials do not match the assignment's shape
     *     or the two directions of the assignment disagree
     */
    public AssignmentResult {
        Objects.requireNonNull(rowToColumn, "rowToColumn");
        Objects.requireNonNull(columnToRow, "columnToRow");
        Objects.requireNonNull(rowPotentials, "rowPotentials");
        Objects.requireNonNull(columnPotentials, "columnPotentials");
        Objects.requireNonNull(sense, "sense");
        rowToColumn = rowToColumn.clone();
        columnToRow = columnToRow.clone();
        rowPotentials = rowPotentials.clone();
        columnPotentials = columnPotentials.clone();
        if (rowPotentials.length != rowToColumn.length
                || columnPotentials.length != columnToRow.length) {
            throw new IllegalArgumentException("potentials have lengths "
                    + rowPotentials.length + " and " + columnPotentials.length
                    + "; expected " + rowToColumn.length + " and " + columnToRow.length);
        }
        requireInverse(rowToColumn, columnToRow, "rowToColumn", "columnToRow");
        requireInverse(columnToRow, rowToColumn, "columnToRow", "rowToColumn");
    }

    private static void requireInverse(int[] forward, int[] backward, String forwardName,
            String backwardName) {
        for (int i = 0; i < forward.length; i++) {
            int j = forward[i];
            if (j == -1) {
                continue;
            }
            if (j < 0 || j >= backward.length || backward[j] != i) {
                throw new IllegalArgumentException(forwardName + "[" + i + "] = " + j
                        + " is neither -1 nor matched back by " + backwardName);
            }
        }
    }

    /**
     * Returns the number of rows of the solved matrix.
     *
     * @return the number of rows of the solved matrix
     */
    public int rows() {
        return rowToColumn.length;
    }

    /**
     * Returns the number of columns of the solved matrix.
     *
     * @return the number of columns of the solved matrix
     */
    public int columns() {
        return columnToRow.length;
    }

    /**
     * Returns the column assigned to a row, without copying.
     *
     * @param row a row index
     * @return its column, or {@code -1} if the row is unassigned
     * @throws ArrayIndexOutOfBoundsException if {@code row} is not in {@code [0, rows())}
     */
    public int columnOf(int row) {
        return rowToColumn[row];
    }

    /**
     * Returns the row assigned to a column, without copying.
     *
     * @param column a column index
     * @return its row, or {@code -1} if the column is unassigned
     * @throws ArrayIndexOutOfBoundsException if {@code column} is not in
     *     {@code [0, columns())}
     */
    public int rowOf(int column) {
        return columnToRow[column];
    }

    /**
     * Returns a copy of the column of every row ({@code -1} if unassigned).
     *
     * @return a copy of the column of every row ({@code -1} if unassigned)
     */
    @Override
    public int[] rowToColumn() {
        return rowToColumn.clone();
    }

    /**
     * Returns a copy of the row of every column ({@code -1} if unassigned).
     *
     * @return a copy of the row of every column ({@code -1} if unassigned)
     */
    @Override
    public int[] columnToRow() {
        return columnToRow.clone();
    }

    /**
     * Returns a copy of the row potentials {@code u}, in the caller's sense.
     *
     * @return a copy of the row potentials {@code u}, in the caller's sense
     */
    @Override
    public double[] rowPotentials() {
        return rowPotentials.clone();
    }

    /**
     * Returns a copy of the column potentials {@code v}, in the caller's sense.
     *
     * @return a copy of the column potentials {@code v}, in the caller's sense
     */
    @Override
    public double[] columnPotentials() {
        return columnPotentials.clone();
    }

    /**
     * Checks that this result is an optimal assignment of {@code matrix}, using the dual
     * certificate described in the class documentation.
     *
     * <p><b>Tolerance.</b> Every comparison uses the absolute tolerance {@code tau}, {@code
     * tolerance} times {@code scale}, where {@code scale} is {@link #certificateScale}: the
     * largest magnitude among the finite entries of {@code matrix} that this result chooses
     * and the potentials. A sum of {@code k} terms gets {@code (k + 1) tau}. Adding up the
     * checked conditions over any other complete assignment (weak duality with slack) shows
     * that, were the check's arithmetic exact, no assignment would be better than {@code
     * value} by more than {@code (n + m + max(n, m) + 1) tau}, and this result's own
     * assignment costs {@code value} up to {@code (min(n, m) + 1) tau}. So a {@code true}
     * answer does not depend on how the result was computed; it is as tight as the
     * certificate's own scale, and a certificate with huge potentials certifies only loosely:
     * {@code {{1e12, 3}}}'s assignment with potentials {@code u = {1e12}}, {@code v = {0, 3 -
     * 1e12}} (valid, and what the solver's search leaves there) passes for {@code {{1e12,
     * 1}}}, where its value is 1, not 3. {@link LinearAssignmentSolver#solve} therefore
     * recomputes such potentials from the assignment (its "Potentials" paragraph), and returns
     * {@code u = {3}}, {@code v = {0, 0}}, which are refused. Non-finite potentials or value
     * are never certified.
     *
     * <p><b>Why entries that are not chosen stay out of the scale.</b> Scaled by the largest
     * entry, a huge row that is never chosen would loosen the check so much that
     * {@code {{0, 9}, {9, 0}, {1e12, 1e12}}}'s result would pass for {@code {{9, 0}, {0, 9},
     * {1e12, 1e12}}}, where its assignment costs 18, not 0. The narrower scale is enough for
     * the rounding of the check itself (the standard bounds of N. J. Higham, <i>Accuracy and
     * Stability of Numerical Algorithms</i>, SIAM 2002, ch. 2 to 4, with {@code eps = 2^-53}
     * the unit roundoff). The chosen entries, the potentials and their sums involve only
     * numbers of magnitude at most {@code scale}, so a computed sum of {@code k} of them is
     * off by at most about {@code k^2 eps scale}, against an allowance of {@code (k + 1) tau}.
     * An entry {@code c} that is not chosen enters only its reduced cost {@code s (c - u_i -
     * v_j)}. If {@code |c| <= 4 scale}, that is computed to within about {@code 11 eps scale}.
     * If {@code |c| > 4 scale}, the exact reduced cost has magnitude above {@code |c| / 2 > 2
     * scale} and the computed one has its sign and nearly its size, so it lies far on one side
     * of the threshold {@code -tau} (for {@code tolerance < 1}), on the same side as the exact
     * one: rounding cannot decide it. With {@code tolerance} well above {@code (n + m) eps},
     * for example {@code 1e-9}, these errors vanish next to {@code tau}; with {@code tolerance
     * = 0} the guarantee above holds only up to them. That part is a proof, sketched here with
     * rounded constants. Whether {@link LinearAssignmentSolver}'s results pass at this scale
     * is another matter, its own rounding: that is argued (see its Limitations) and tested on
     * random problems, not proved.
     *
     * @param matrix the matrix that was solved; not modified
     * @param tolerance relative tolerance, finite and {@code >= 0}, for example {@code 1e-9}
     * @return whether the assignment is complete and consistent, uses only allowed entries,
     *     has the stated value, and the potentials satisfy the certificate
     * @throws NullPointerException if {@code matrix} or one of its rows is null
     * @throws IllegalArgumentException if the tolerance is negative, infinite or NaN, or the
     *     matrix is ragged, contains NaN, or has a shape other than {@code rows() x columns()}
     */
    public boolean isCertified(double[][] matrix, double tolerance) {
        Objects.requireNonNull(matrix, "matrix");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got "
                    + tolerance);
        }
        int n = rows();
        int m = columns();
        if (matrix.length != n) {
            throw new IllegalArgumentException("matrix has "
                    + LinearAssignmentSolver.count(matrix.length, "row", "rows")
                    + "; this result has " + n);
        }
        double s = sense.sign();
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(matrix[i], "matrix row " + i);
            if (matrix[i].length != m) {
                throw new IllegalArgumentException("matrix row " + i + " has "
                        + LinearAssignmentSolver.count(matrix[i].length, "column", "columns")
                        + "; this result has " + m);
            }
            for (int j = 0; j < m; j++) {
                double c = matrix[i][j];
                if (Double.isNaN(c)) {
                    throw new IllegalArgumentException("matrix[" + i + "][" + j + "] is NaN");
                }
                if (Double.isInfinite(c) && s * c < 0) {
                    return false;
                }
            }
        }
        if (!Double.isFinite(value) || !allFinite(rowPotentials)
                || !allFinite(columnPotentials)) {
            return false;
        }
        double tol = tolerance * chosenScale(matrix);

        // The assignment is complete on the shorter side.
        int assigned = 0;
        double chosenSum = 0;
        for (int i = 0; i < n; i++) {
            int j = rowToColumn[i];
            if (j >= 0) {
                if (Double.isInfinite(matrix[i][j])) {
                    return false;
                }
                chosenSum += matrix[i][j];
                assigned++;
            }
        }
        if (assigned != Math.min(n, m) || Math.abs(chosenSum - value) > tol * (assigned + 1)) {
            return false;
        }

        // Dual feasibility, and complementary slackness on the chosen pairs.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double c = matrix[i][j];
                if (Double.isInfinite(c)) {
                    continue;
                }
                double reduced = s * (c - rowPotentials[i] - columnPotentials[j]);
                if (reduced < -tol || (rowToColumn[i] == j && reduced > tol)) {
                    return false;
                }
            }
        }

        // Sign conditions on the longer side, and equal primal and dual objectives.
        if (n < m && !signConditionHolds(columnPotentials, columnToRow, s, tol)) {
            return false;
        }
        if (n > m && !signConditionHolds(rowPotentials, rowToColumn, s, tol)) {
            return false;
        }
        double dualSum = 0;
        for (double u : rowPotentials) {
            dualSum += u;
        }
        for (double v : columnPotentials) {
            dualSum += v;
        }
        return Math.abs(dualSum - value) <= tol * (n + m + 1);
    }

    /**
     * Returns the scale of {@link #isCertified(double[][], double)}: the largest magnitude
     * among the finite entries of {@code matrix} that this result chooses and its potentials.
     * Entries that are not chosen do not enter it, however large (see
     * {@link #isCertified(double[][], double)} for why that is enough). It is also the scale
     * of the zero test by which {@code org.orbifold.diff.AssignmentValue} decides ties.
     *
     * @param matrix an {@code rows() x columns()} matrix; not modified
     * @return the scale, {@code >= 0}; 0 when nothing is chosen and every potential is 0,
     *     infinite or NaN when a potential is
     * @throws NullPointerException if {@code matrix} or one of its rows is null
     * @throws IllegalArgumentException if the matrix has a shape other than
     *     {@code rows() x columns()}, or a chosen entry is NaN
     */
    public double certificateScale(double[][] matrix) {
        Objects.requireNonNull(matrix, "matrix");
        if (matrix.length != rows()) {
            throw new IllegalArgumentException("matrix has "
                    + LinearAssignmentSolver.count(matrix.length, "row", "rows")
                    + "; this result has " + rows());
        }
        for (int i = 0; i < matrix.length; i++) {
            Objects.requireNonNull(matrix[i], "matrix row " + i);
            if (matrix[i].length != columns()) {
                throw new IllegalArgumentException("matrix row " + i + " has "
                        + LinearAssignmentSolver.count(matrix[i].length, "column", "columns")
                        + "; this result has " + columns());
            }
            int j = rowToColumn[i];
            if (j >= 0 && Double.isNaN(matrix[i][j])) {
                throw new IllegalArgumentException("matrix[" + i + "][" + j + "] is NaN");
            }
        }
        return chosenScale(matrix);
    }

    /** Returns {@link #certificateScale(double[][])} of a matrix already checked. */
    private double chosenScale(double[][] matrix) {
        double scale = Math.max(maxAbs(rowPotentials), maxAbs(columnPotentials));
        for (int i = 0; i < rowToColumn.length; i++) {
            int j = rowToColumn[i];
            if (j >= 0 && Double.isFinite(matrix[i][j])) {
                scale = Math.max(scale, Math.abs(matrix[i][j]));
            }
        }
        return scale;
    }

    private static boolean signConditionHolds(double[] potentials, int[] partner, double s,
            double tol) {
        for (int k = 0; k < potentials.length; k++) {
            if (s * potentials[k] > tol || (partner[k] < 0 && Math.abs(potentials[k]) > tol)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[] values) {
        for (double x : values) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double x : values) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** Compares the assignment, value, potentials and sense by content. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AssignmentResult)) {
            return false;
        }
        AssignmentResult that = (AssignmentResult) other;
        return Arrays.equals(rowToColumn, that.rowToColumn)
                && Arrays.equals(columnToRow, that.columnToRow)
                && Double.compare(value, that.value) == 0
                && Arrays.equals(rowPotentials, that.rowPotentials)
                && Arrays.equals(columnPotentials, that.columnPotentials)
                && sense == that.sense;
    }

    /** Hashes the same content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(rowToColumn);
        hash = 31 * hash + Arrays.hashCode(columnToRow);
        hash = 31 * hash + Double.hashCode(value);
        hash = 31 * hash + Arrays.hashCode(rowPotentials);
        hash = 31 * hash + Arrays.hashCode(columnPotentials);
        return 31 * hash + sense.hashCode();
    }

    /** Returns the sense, the value and the assignment of every row. */
    @Override
    public String toString() {
        return "AssignmentResult[" + sense + ", value=" + value + ", rowToColumn="
                + Arrays.toString(rowToColumn) + "]";
    }
}
