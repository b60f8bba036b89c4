package org.orbifold.diff;

import java.util.Objects;
import org.orbifold.assign.LinearAssignmentSolver;

/**
 * Input checks shared by the package; every message names the argument, the position and the
 * offending value.
 */
final class Checks {

    private Checks() {
    }

    /**
     * Checks that a matrix is non-null and rectangular and returns its column count (0 for a
     * matrix without rows).
     */
    static int requireRectangular(double[][] matrix, String name) {
        Objects.requireNonNull(matrix, name);
        int columns = matrix.length == 0 ? 0 : requireRow(matrix, 0, name).length;
        for (int i = 1; i < matrix.length; i++) {
            if (requireRow(matrix, i, name).length != columns) {
                throw new IllegalArgumentException(name + " is ragged: row " + i + " has "
                        + count(matrix[i].length, "entry", "entries") + ", row 0 has "
                        + columns);
            }
        }
        return columns;
    }

    /** Checks that a matrix has exactly the given shape. */
    static void requireShape(double[][] matrix, int rows, int columns, String name) {
        Objects.requireNonNull(matrix, name);
        if (matrix.length != rows) {
            throw new IllegalArgumentException(name + " has " + count(matrix.length, "row")
                    + "; expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (requireRow(matrix, i, name).length != columns) {
                throw new IllegalArgumentException(name + " row " + i + " has "
                        + count(matrix[i].length, "entry", "entries") + "; expected "
                        + columns);
            }
        }
    }

    /** Checks that every entry of a matrix is finite. */
    static void requireFinite(double[][] matrix, String name) {
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[i].length; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException(name + " must be finite; found "
                            + matrix[i][j] + " at (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** Checks that every entry of a vector is finite. */
    static double[] requireFinite(double[] vector, String name) {
        Objects.requireNonNull(vector, name);
        for (int k = 0; k < vector.length; k++) {
            if (!Double.isFinite(vector[k])) {
                throw new IllegalArgumentException(name + " must be finite; found "
                        + vector[k] + " at index " + k);
            }
        }
        return vector;
    }

    /** Checks that a scalar is finite and returns it. */
    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /**
     * Checks that a finite entry of a matrix is at most
     * {@link LinearAssignmentSolver#MAX_MAGNITUDE} in magnitude, so that sums of entries along
     * a path or an assignment cannot overflow, and returns it.
     */
    static double requireMagnitude(double entry, String name, int i, int j) {
        if (Math.abs(entry) > LinearAssignmentSolver.MAX_MAGNITUDE) {
            throw new IllegalArgumentException(name + " entry (" + i + ", " + j + ") = " + entry
                    + " exceeds the largest supported magnitude "
                    + LinearAssignmentSolver.MAX_MAGNITUDE);
        }
        return entry;
    }

    /** Checks that a tolerance is finite and non-negative and returns it. */
    static double requireTolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got "
                    + tolerance);
        }
        return tolerance;
    }

    /** Returns the count with the noun, singular for 1 and "s" added otherwise: "1 row". */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** Returns the count with the singular or the plural noun: "1 entry", "2 entries". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Returns a deep copy of a matrix, which must not be null nor have a null row. */
    static double[][] copy(double[][] matrix, String name) {
        Objects.requireNonNull(matrix, name);
        double[][] result = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            result[i] = requireRow(matrix, i, name).clone();
        }
        return result;
    }

    private static double[] requireRow(double[][] matrix, int i, String name) {
        return Objects.requireNonNull(matrix[i], () -> name + " row " + i + " is null");
    }
}
