package org.orbifold.diff;

import java.util.Arrays;
import java.util.Objects;
import org.orbifold.assign.AssignmentResult;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

/**
 * The optimal value of a linear assignment problem as a function of its matrix, with one
 * element of its generalized gradient and a flag telling whether the gradient is the only
 * one.
 *
 * <p><b>Definition.</b> For an {@code n x m} matrix {@code C} let
 * {@code z(C) = opt over assignments P of <C, P>}, where {@code opt} is the minimum or the
 * maximum ({@link Sense}) and an assignment gives every row a distinct column when
 * {@code n <= m}, every column a distinct row otherwise. As a minimum (maximum) of linear
 * functions, {@code z} is concave (convex) and piecewise linear, and by Danskin's theorem its
 * superdifferential (subdifferential), which is also its Clarke generalized gradient, is the
 * convex hull of the optimal permutation matrices {@code P*}. So {@link #gradient()}, the 0/1
 * matrix of the returned assignment, is always an element of the generalized gradient, and it
 * is the ordinary gradient exactly when the optimal assignment is unique ({@link #unique()}).
 *
 * <p><b>Uniqueness test.</b> With the solver's dual potentials {@code u, v} and reduced costs
 * {@code r_ij = s (C_ij - u_i - v_j) >= 0} ({@code s = +1} when minimising, {@code -1} when
 * maximising), an assignment is optimal if and only if it uses only pairs with {@code r_ij = 0}
 * and leaves unused only columns (rows, in the transposed case) whose potential is zero. Another
 * optimum therefore exists if and only if the directed graph on the rows, with an arc {@code i ->
 * k} when row {@code i} could take the column of row {@code k} at zero reduced cost, plus one
 * extra node for "a free column", has a cycle; a depth-first search decides it in {@code O(n m)}
 * time. A reduced cost counts as zero when it is at most {@code tolerance * scale}, with {@code
 * scale} the largest magnitude of the chosen entries and of the potentials ({@link
 * AssignmentResult#certificateScale}); the default tolerance is {@link #DEFAULT_TOLERANCE}. So two
 * assignments whose values differ by less than about {@code min(n, m) * tolerance * scale} are
 * reported as tied. Entries that are never chosen do not enter the scale: in {@code {{0, 1}, {1,
 * 0}, {1e12, 1e12}}} (minimising) the third row stays unassigned, the chosen entries and the
 * potentials are all 0, so the scale is 0 (a reduced cost then counts as zero only when it is
 * exactly zero), and the optimum {@code [0, 1, -1]} is reported unique, as it is (the runner-up
 * costs 2); with the largest entry of the whole matrix as the scale, the band would be about
 * {@code 2e3} wide and that optimum would look tied. An entry that is chosen, or a potential, of
 * {@code 1e12} widens the band to about {@code 1e3}, since the reduced costs are then only known
 * to that accuracy. The solver's search can leave potentials that large even when no huge entry is
 * chosen (as in {@code {{0, 1, 1e12}, {1, 0, 1e12}, {1e12, 1e12, 0}}}); {@link
 * LinearAssignmentSolver#solve} then recomputes them from the assignment (there they become 0, and
 * so does the scale), so they stay that large only where a huge entry is better than the chosen
 * entry of its row, as in {@code {{0, -1e12}, {inf, 0}}}, which every certificate must reflect;
 * there the band is about {@code 1e3} wide.
 *
 * <p><b>Tie rule.</b> When the optimum is not unique, the returned assignment is the one
 * {@link LinearAssignmentSolver} returns; its documented tie rules make it a deterministic
 * function of the matrix and the sense.
 *
 * <p>References: J. M. Danskin (1967), <i>The Theory of Max-Min and its Application to
 * Weapons Allocation Problems</i>, Springer; F. H. Clarke (1983), <i>Optimization and
 * Nonsmooth Analysis</i>, Wiley.
 *
 * <p>Instances are immutable; arrays are copied on the way in and out.
 *
 * <p><b>Limitations.</b> Forbidden pairs (infinite entries) get gradient 0, which is right as
 * long as they stay forbidden; the value is not differentiable with respect to making them
 * finite.
 *
 * @param value the optimal value {@code z(C)}
 * @param rowToColumn the column of every row, {@code -1} for an unassigned row
 * @param columns the number of columns {@code m} of the matrix
 * @param sense whether the matrix was minimised or maximised
 * @param unique whether the returned assignment is the only optimal one
 */
public record AssignmentValue(double value, int[] rowToColumn, int columns, Sense sense,
        boolean unique) {

    /** The default relative tolerance of the uniqueness test, {@code 1e-9}. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * Validates and copies the components.
     *
     * @param value the optimal value, finite
     * @param rowToColumn the column of every row or {@code -1}, a complete assignment: a
     *     distinct column for every row when {@code n <= m}, a distinct row for every column
     *     otherwise; copied
     * @param columns the number of columns {@code m >= 0}, at least every listed column plus
     *     one
     * @param sense the sense
     * @param unique whether the assignment is the only optimum
     * @throws NullPointerException if {@code rowToColumn} or {@code sense} is null
     * @throws IllegalArgumentException if the value is not finite, {@code columns} is
     *     negative, a column is out of range or used twice, or the assignment leaves a row
     *     ({@code n <= m}) or a column ({@code n > m}) unassigned
     */
    public AssignmentValue {
        Objects.requireNonNull(rowToColumn, "rowToColumn");
        Objects.requireNonNull(sense, "sense");
        Checks.requireFinite(value, "value");
        if (columns < 0) {
            throw new IllegalArgumentException("columns must be >= 0, got " + columns);
        }
        rowToColumn = rowToColumn.clone();
        boolean[] used = new boolean[columns];
        int assigned = 0;
        for (int i = 0; i < rowToColumn.length; i++) {
            int j = rowToColumn[i];
            if (j == -1) {
                continue;
            }
            if (j < 0 || j >= columns || used[j]) {
                throw new IllegalArgumentException("rowToColumn[" + i + "] = " + j
                        + " is out of range [0, " + columns + ") or used twice");
            }
            used[j] = true;
            assigned++;
        }
        int needed = Math.min(rowToColumn.length, columns);
        if (assigned != needed) {
            throw new IllegalArgumentException("rowToColumn assigns " + assigned + " of "
                    + Checks.count(rowToColumn.length, "row") + " to "
                    + Checks.count(columns, "column") + "; an assignment of "
                    + rowToColumn.length + " x " + columns + " assigns " + needed);
        }
    }

    /**
     * Solves the assignment problem of {@code matrix} and tests the optimum for uniqueness
     * with {@link #DEFAULT_TOLERANCE}.
     *
     * @param matrix an {@code n x m} matrix; {@code +Infinity} (minimising) or
     *     {@code -Infinity} (maximising) marks a forbidden pair; not modified
     * @param sense whether to minimise or maximise
     * @return the optimal value, an optimal assignment and the uniqueness flag
     * @throws NullPointerException if {@code matrix}, one of its rows or {@code sense} is null
     * @throws IllegalArgumentException if the matrix is ragged (the message names the row),
     *     has more than {@link Integer#MAX_VALUE} entries, or has an entry that is NaN, an
     *     infinity of the wrong sign, or finite but larger in magnitude than
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE} (the message names the entry)
     * @throws org.orbifold.assign.InfeasibleAssignmentException if the forbidden pairs leave
     *     no complete assignment (the message names a set of rows or columns with too few
     *     allowed partners)
     */
    public static AssignmentValue of(double[][] matrix, Sense sense) {
        return of(matrix, sense, DEFAULT_TOLERANCE);
    }

    /**
     * Solves the assignment problem of {@code matrix} and tests the optimum for uniqueness.
     *
     * @param matrix an {@code n x m} matrix; not modified
     * @param sense whether to minimise or maximise
     * @param tolerance the relative tolerance of the uniqueness test, finite and {@code >= 0}
     * @return the optimal value, an optimal assignment and the uniqueness flag
     * @throws NullPointerException if {@code matrix}, one of its rows or {@code sense} is null
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite, or
     *     the matrix is refused as by {@link #of(double[][], Sense)}: ragged, too many
     *     entries, or an entry that is NaN, an infinity of the wrong sign, or finite beyond
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE}
     * @throws org.orbifold.assign.InfeasibleAssignmentException if the forbidden pairs leave
     *     no complete assignment
     * @see #of(double[][], Sense)
     */
    public static AssignmentValue of(double[][] matrix, Sense sense, double tolerance) {
        Checks.requireTolerance(tolerance);
        Checks.requireRectangular(matrix, "matrix");
        AssignmentResult result = new LinearAssignmentSolver().solve(matrix, sense);
        return of(matrix, result, tolerance);
    }

    /**
     * Wraps an existing optimal solution of {@code matrix} and tests it for uniqueness.
     *
     * <p>The result must be optimal for this very matrix: its dual certificate is checked with
     * {@link AssignmentResult#isCertified(double[][], double)} with the relative tolerance
     * {@code max(tolerance, DEFAULT_TOLERANCE)} (the floor keeps the solver's rounding from
     * failing the check when {@code tolerance} is 0). Its scale,
     * {@link AssignmentResult#certificateScale}, is the scale of the uniqueness test, the
     * largest magnitude of the chosen entries and the potentials; an entry that is never
     * chosen does not enter it, so a huge row left unassigned does not let the result of
     * another matrix pass. The check is two more {@code O(n m)} passes, next to the
     * {@code O(n m)} pass of the uniqueness test and the solve that made the result.
     *
     * @param matrix the matrix that {@code result} solves; not modified
     * @param result an optimal assignment of {@code matrix} with its dual certificate
     * @param tolerance the relative tolerance of the uniqueness test, finite and {@code >= 0}
     * @return the value, the assignment and the uniqueness flag
     * @throws NullPointerException if {@code matrix}, one of its rows or {@code result} is
     *     null
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite, the
     *     shapes of {@code matrix} and {@code result} differ (the message names the row), an
     *     entry of {@code matrix} is NaN (the message names it), or the certificate of
     *     {@code result} does not prove it optimal for {@code matrix} (a result of another
     *     matrix, or of the other sense; an infinity of the wrong sign fails the proof too)
     */
    public static AssignmentValue of(double[][] matrix, AssignmentResult result,
            double tolerance) {
        Objects.requireNonNull(result, "result");
        Checks.requireTolerance(tolerance);
        Checks.requireShape(matrix, result.rows(), result.columns(), "matrix");
        if (!result.isCertified(matrix, Math.max(tolerance, DEFAULT_TOLERANCE))) {
            throw new IllegalArgumentException("result is not a certified optimum of matrix:"
                    + " its value " + result.value() + ", assignment or potentials do not"
                    + " prove it optimal (" + result.sense() + ") for this matrix; solve"
                    + " this matrix, or pass the matrix that result was computed from");
        }
        boolean unique = !EqualitySubgraph.hasAlternativeOptimum(matrix, result, tolerance);
        return new AssignmentValue(result.value(), result.rowToColumn(), result.columns(),
                result.sense(), unique);
    }

    /**
     * Returns the number of rows of the matrix.
     *
     * @return the number of rows {@code n}
     */
    public int rows() {
        return rowToColumn.length;
    }

    /**
     * Returns the column assigned to a row, without copying.
     *
     * @param row a row index
     * @return its column, or {@code -1}
     * @throws ArrayIndexOutOfBoundsException if {@code row} is not in {@code [0, rows())}
     */
    public int columnOf(int row) {
        return rowToColumn[row];
    }

    /**
     * Returns a copy of the column of every row ({@code -1} if unassigned).
     *
     * @return a new array of length {@code n}
     */
    @Override
    public int[] rowToColumn() {
        return rowToColumn.clone();
    }

    /**
     * Returns the generalized gradient element {@code dz/dC}: the {@code n x m} 0/1 matrix
     * with a 1 at every chosen pair. It is the gradient of {@code z} when {@link #unique()}.
     *
     * @return a new matrix
     */
    public double[][] gradient() {
        double[][] g = new double[rowToColumn.length][columns];
        for (int i = 0; i < rowToColumn.length; i++) {
            if (rowToColumn[i] >= 0) {
                g[i][rowToColumn[i]] = 1.0;
            }
        }
        return g;
    }

    /**
     * Returns {@code <G, P*>}, the directional derivative of {@code z} along {@code G} at
     * the returned assignment; it is the one-sided directional derivative of {@code z} when
     * the optimum is unique.
     *
     * @param direction an {@code n x m} matrix; not modified
     * @return the sum of its entries at the chosen pairs
     * @throws NullPointerException if {@code direction} or one of its rows is null
     * @throws IllegalArgumentException if {@code direction} is not {@code n x m} (the message
     *     names the row)
     */
    public double pairing(double[][] direction) {
        Checks.requireShape(direction, rowToColumn.length, columns, "direction");
        double sum = 0;
        for (int i = 0; i < rowToColumn.length; i++) {
            if (rowToColumn[i] >= 0) {
                sum += direction[i][rowToColumn[i]];
            }
        }
        return sum;
    }

    /** Compares by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AssignmentValue that
                && Double.compare(value, that.value) == 0
                && Arrays.equals(rowToColumn, that.rowToColumn) && columns == that.columns
                && sense == that.sense && unique == that.unique;
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        int hash = Double.hashCode(value);
        hash = 31 * hash + Arrays.hashCode(rowToColumn);
        hash = 31 * hash + columns;
        hash = 31 * hash + sense.hashCode();
        return 31 * hash + Boolean.hashCode(unique);
    }

    /** Returns the value, the assignment and the uniqueness flag. */
    @Override
    public String toString() {
        return "AssignmentValue[" + sense + ", value=" + value + ", rowToColumn="
                + Arrays.toString(rowToColumn) + ", unique=" + unique + "]";
    }
}
