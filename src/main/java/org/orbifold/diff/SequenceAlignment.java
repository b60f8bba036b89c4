package org.orbifold.diff;

import java.util.Arrays;
import java.util.Objects;

/**
 * An optimal monotone alignment of two sequences found by dynamic programming, as a list of
 * cells {@code (i, j)} of the {@code rows x columns} score or cost matrix: the matched pairs for
 * {@link NeedlemanWunsch}, the warping path for {@link DynamicTimeWarping}.
 *
 * <p><b>Path.</b> From one cell to the next, neither index decreases and at least one
 * increases, so no cell appears twice and the indicator {@link #gradient()} and the sum
 * {@link #pairing(double[][])} count every cell once. Matched pairs increase in both indices;
 * a warping path moves by {@code (1, 0)}, {@code (0, 1)} or {@code (1, 1)}.
 *
 * <p>The optimal value is a maximum (or minimum) of functions that are linear in the matrix,
 * one per alignment, so by Danskin's theorem the 0/1 indicator of the returned cells
 * ({@link #gradient()}) is an element of its generalized gradient with respect to the matrix,
 * and the gradient itself when the optimal alignment is unique ({@link #unique()}). In the
 * language of integer linear programming, the alignments are the integer vertices of a path
 * polytope and the indicator is the optimal vertex, the derivative of the programme's value
 * with respect to its objective vector.
 *
 * <p>Instances are immutable; arrays are copied on the way in and out.
 *
 * @param value the optimal value, finite ({@code -0.0}, which a sum of entries {@code -0.0}
 *     gives, is stored as {@code 0.0})
 * @param rows the number of rows of the matrix (length of the first sequence)
 * @param columns the number of columns of the matrix (length of the second sequence)
 * @param pathRows the row of every cell, non-decreasing along the path
 * @param pathColumns the column of every cell, in the same order, non-decreasing along the
 *     path; each cell has a larger row or a larger column than the one before
 * @param unique whether no other alignment attains the optimal value
 */
public record SequenceAlignment(double value, int rows, int columns, int[] pathRows,
        int[] pathColumns, boolean unique) {

    /**
     * Validates and copies the components.
     *
     * @param value the optimal value, finite; a negative zero is stored as {@code 0.0}
     * @param rows the number of rows, {@code >= 0}
     * @param columns the number of columns, {@code >= 0}
     * @param pathRows the row of every cell; copied
     * @param pathColumns the column of every cell; copied
     * @param unique the uniqueness flag
     * @throws NullPointerException if {@code pathRows} or {@code pathColumns} is null
     * @throws IllegalArgumentException if the value is not finite, {@code rows} or
     *     {@code columns} is negative, the two arrays differ in length, a cell is out of
     *     range, or a cell is not a step forward from the one before (an index decreases, or
     *     neither increases)
     */
    public SequenceAlignment {
        Objects.requireNonNull(pathRows, "pathRows");
        Objects.requireNonNull(pathColumns, "pathColumns");
        value = Checks.requireFinite(value, "value") + 0.0;
        pathRows = pathRows.clone();
        pathColumns = pathColumns.clone();
        if (rows < 0 || columns < 0 || pathRows.length != pathColumns.length) {
            throw new IllegalArgumentException("bad alignment shape: " + rows + " x " + columns
                    + " with " + Checks.count(pathRows.length, "row") + " and "
                    + Checks.count(pathColumns.length, "column") + " of cells");
        }
        for (int k = 0; k < pathRows.length; k++) {
            if (pathRows[k] < 0 || pathRows[k] >= rows || pathColumns[k] < 0
                    || pathColumns[k] >= columns) {
                throw new IllegalArgumentException("cell " + k + " = (" + pathRows[k] + ", "
                        + pathColumns[k] + ") is outside the " + rows + " x " + columns
                        + " matrix");
            }
            if (k > 0 && (pathRows[k] < pathRows[k - 1] || pathColumns[k] < pathColumns[k - 1]
                    || (pathRows[k] == pathRows[k - 1]
                            && pathColumns[k] == pathColumns[k - 1]))) {
                throw new IllegalArgumentException("cell " + k + " = (" + pathRows[k] + ", "
                        + pathColumns[k] + ") is no step forward from cell " + (k - 1) + " = ("
                        + pathRows[k - 1] + ", " + pathColumns[k - 1] + "): neither index may"
                        + " decrease and at least one must increase");
            }
        }
    }

    /**
     * Returns the number of cells on the alignment.
     *
     * @return the number of cells on the alignment
     */
    public int length() {
        return pathRows.length;
    }

    /**
     * Returns a copy of the row of every cell.
     *
     * @return a copy of the row of every cell
     */
    @Override
    public int[] pathRows() {
        return pathRows.clone();
    }

    /**
     * Returns a copy of the column of every cell.
     *
     * @return a copy of the column of every cell
     */
    @Override
    public int[] pathColumns() {
        return pathColumns.clone();
    }

    /**
     * Returns the generalized gradient element of the value with respect to the matrix: the
     * {@code rows x columns} 0/1 indicator of the alignment's cells.
     *
     * @return a new matrix
     */
    public double[][] gradient() {
        double[][] g = new double[rows][columns];
        for (int k = 0; k < pathRows.length; k++) {
            g[pathRows[k]][pathColumns[k]] = 1.0;
        }
        return g;
    }

    /**
     * Returns the sum of {@code matrix} over the alignment's cells, {@code <matrix, G>}.
     *
     * @param matrix a {@code rows x columns} matrix; not modified
     * @return the sum over the cells
     * @throws NullPointerException if {@code matrix} or one of its rows is null
     * @throws IllegalArgumentException if {@code matrix} is not {@code rows x columns} (the
     *     message names the row)
     */
    public double pairing(double[][] matrix) {
        Checks.requireShape(matrix, rows, columns, "matrix");
        double sum = 0;
        for (int k = 0; k < pathRows.length; k++) {
            sum += matrix[pathRows[k]][pathColumns[k]];
        }
        return sum;
    }

    /** Compares by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SequenceAlignment that
                && Double.compare(value, that.value) == 0 && rows == that.rows
                && columns == that.columns && Arrays.equals(pathRows, that.pathRows)
                && Arrays.equals(pathColumns, that.pathColumns) && unique == that.unique;
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        int hash = Double.hashCode(value);
        hash = 31 * hash + rows;
        hash = 31 * hash + columns;
        hash = 31 * hash + Arrays.hashCode(pathRows);
        hash = 31 * hash + Arrays.hashCode(pathColumns);
        return 31 * hash + Boolean.hashCode(unique);
    }

    /** Returns the value, the cells and the uniqueness flag. */
    @Override
    public String toString() {
        StringBuilder cells = new StringBuilder();
        for (int k = 0; k < pathRows.length; k++) {
            cells.append(k == 0 ? "" : " ").append('(').append(pathRows[k]).append(',')
                    .append(pathColumns[k]).append(')');
        }
        return "SequenceAlignment[value=" + value + ", cells=" + cells + ", unique=" + unique
                + "]";
    }
}
