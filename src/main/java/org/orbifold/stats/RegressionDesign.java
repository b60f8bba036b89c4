package org.orbifold.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The validated design of a linear regression with an intercept: the covariate matrix
 * {@code x} ({@code N x p}), the design {@code Z = [1, x]} ({@code N x (p + 1)}) and the
 * matrix {@code S} ({@code (p + 1) x N}) that maps responses to coefficients,
 * {@code b = S y}: the least-squares solution {@code S = (Z^T Z)^-1 Z^T} for ridge 0, else
 * the minimiser of {@code ||Z b - y||^2 + ridge * sum_{k >= 1} b_k^2} (the intercept is not
 * penalised), both computed from a Householder QR decomposition of {@code Z} (stacked on
 * {@code sqrt(ridge)} times the rows that pick the slopes). Applying the same {@code S} to
 * every coordinate makes equal responses give bit-for-bit equal coefficients.
 *
 * <p>Immutable; arrays are copied on the way in and not exposed.
 */
final class RegressionDesign {

    /**
     * Relative size, against a column's norm, below which the part of a column that the
     * earlier columns do not explain counts as zero: the column is then collinear with them.
     */
    static final double COLLINEARITY_TOLERANCE = 1e-10;

    private final double[][] x;
    private final List<String> names;
    private final double[][] solver;

    private RegressionDesign(double[][] x, List<String> names, double[][] solver) {
        this.x = x;
        this.names = names;
        this.solver = solver;
    }

    /**
     * Validates the covariates and prepares the solver.
     *
     * @param covariates {@code N} rows of {@code p >= 1} finite values, one row per graph;
     *     copied
     * @param columnNames one name per column, or null for {@code x1, ..., xp}
     * @param graphs the number of graphs {@code N}
     * @param ridge the ridge penalty, finite and {@code >= 0}
     * @return the design
     * @throws IllegalArgumentException if the row count is not {@code N}, rows differ in
     *     length, {@code p = 0}, {@code N <= p}, a value is not finite, or a column is
     *     constant or a linear combination of the intercept and earlier columns (the message
     *     names the column)
     */
    static RegressionDesign of(double[][] covariates, List<String> columnNames, int graphs,
            double ridge) {
        Objects.requireNonNull(covariates, "covariates");
        if (covariates.length != graphs) {
            throw new IllegalArgumentException("covariates has " + covariates.length
                    + " rows but there are " + graphs + " graphs: give one row per graph");
        }
        int p = covariates.length == 0 || covariates[0] == null ? 0 : covariates[0].length;
        double[][] x = new double[graphs][];
        for (int i = 0; i < graphs; i++) {
            if (covariates[i] == null || covariates[i].length != p) {
                throw new IllegalArgumentException("covariates row " + i + " has "
                        + (covariates[i] == null ? "no" : covariates[i].length) + " values but"
                        + " row 0 has " + p + ": every row needs one value per covariate");
            }
            x[i] = covariates[i].clone();
        }
        if (p == 0) {
            throw new IllegalArgumentException("covariates has no columns: give at least one"
                    + " covariate (the intercept is added)");
        }
        List<String> names = names(columnNames, p);
        for (int i = 0; i < graphs; i++) {
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("covariates row " + i + ", "
                            + column(names, j) + " is " + x[i][j] + "; covariates must be"
                            + " finite");
                }
            }
        }
        if (graphs <= p) {
            throw new IllegalArgumentException(graphs + (graphs == 1 ? " graph" : " graphs")
                    + " for " + p + (p == 1 ? " covariate" : " covariates") + ": a regression"
                    + " with an intercept needs more graphs than covariates, at least "
                    + (p + 1));
        }
        requireFullRank(x, names);
        return new RegressionDesign(x, names, solver(x, ridge));
    }

    /** Returns the number of covariates {@code p}. */
    int covariates() {
        return names.size();
    }

    /** Returns the number of rows {@code N}. */
    int rows() {
        return x.length;
    }

    /** Returns the column names. */
    List<String> names() {
        return names;
    }

    /** Returns a copy of the covariate matrix. */
    double[][] covariateMatrix() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /** Returns a copy of row {@code i} of the covariates. */
    double[] row(int i) {
        return x[i].clone();
    }

    /**
     * Returns the coefficients {@code b = S y} for every coordinate of the responses,
     * summed over the rows in index order.
     *
     * @param responses {@code N} vectors of equal length, one per row; not modified
     * @return {@code p + 1} vectors: the intercept, then one per covariate
     */
    double[][] fit(double[][] responses) {
        int length = responses[0].length;
        double[][] b = new double[solver.length][length];
        for (int k = 0; k < solver.length; k++) {
            for (int i = 0; i < responses.length; i++) {
                double s = solver[k][i];
                double[] y = responses[i];
                for (int d = 0; d < length; d++) {
                    b[k][d] += s * y[d];
                }
            }
        }
        return b;
    }

    /**
     * Returns {@code b_0 + sum_k x_k b_k} for one covariate vector.
     *
     * @param coefficients the intercept and slope vectors of {@link #fit}
     * @param covariates {@code p} values
     * @return the linear prediction, a new vector
     */
    static double[] predict(double[][] coefficients, double[] covariates) {
        double[] v = coefficients[0].clone();
        for (int k = 0; k < covariates.length; k++) {
            double xk = covariates[k];
            double[] slope = coefficients[k + 1];
            for (int d = 0; d < v.length; d++) {
                v[d] += xk * slope[d];
            }
        }
        return v;
    }

    /** Names a column for messages: {@code covariate 'goals' (column 1 of 1)}. */
    String column(int j) {
        return column(names, j);
    }

    private static String column(List<String> names, int j) {
        return "covariate '" + names.get(j) + "' (column " + (j + 1) + " of " + names.size()
                + ")";
    }

    private static List<String> names(List<String> given, int p) {
        if (given == null) {
            List<String> names = new ArrayList<>(p);
            for (int j = 1; j <= p; j++) {
                names.add("x" + j);
            }
            return List.copyOf(names);
        }
        if (given.size() != p) {
            throw new IllegalArgumentException(given.size() + " covariate names for " + p
                    + " columns");
        }
        for (int j = 0; j < p; j++) {
            Objects.requireNonNull(given.get(j), "covariate name " + j);
        }
        return List.copyOf(given);
    }

    /**
     * Fails naming the first column that the intercept and the earlier columns explain
     * (modified Gram-Schmidt with one reorthogonalisation, relative tolerance
     * {@link #COLLINEARITY_TOLERANCE}).
     */
    private static void requireFullRank(double[][] x, List<String> names) {
        int n = x.length;
        int p = names.size();
        List<double[]> basis = new ArrayList<>();
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0 / Math.sqrt(n));
        basis.add(ones);
        for (int j = 0; j < p; j++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = x[i][j];
            }
            double norm = norm(r);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double dot = 0.0;
                    for (int i = 0; i < n; i++) {
                        dot += q[i] * r[i];
                    }
                    for (int i = 0; i < n; i++) {
                        r[i] -= dot * q[i];
                    }
                }
            }
            double rest = norm(r);
            if (!(rest > COLLINEARITY_TOLERANCE * norm)) {
                throw new IllegalArgumentException(column(names, j) + (basis.size() == 1
                        || isConstant(x, j) ? " is constant" + (norm == 0.0 ? " (all zeros)"
                        : "") + ": it is collinear with the intercept"
                        : " is a linear combination of the intercept and the columns before"
                        + " it") + ", so the coefficients are not determined; drop it");
            }
            for (int i = 0; i < n; i++) {
                r[i] /= rest;
            }
            basis.add(r);
        }
    }

    private static boolean isConstant(double[][] x, int j) {
        double first = x[0][j];
        double spread = 0.0;
        for (double[] row : x) {
            spread = Math.max(spread, Math.abs(row[j] - first));
        }
        return spread <= COLLINEARITY_TOLERANCE * Math.abs(first);
    }

    private static double norm(double[] v) {
        double sum = 0.0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /** Returns the first {@code N} columns of the pseudo-inverse of the (stacked) design. */
    private static double[][] solver(double[][] x, double ridge) {
        int n = x.length;
        int p = x[0].length;
        int rows = ridge > 0.0 ? n + p : n;
        double[][] z = new double[rows][p + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1.0;
            System.arraycopy(x[i], 0, z[i], 1, p);
        }
        for (int k = 0; k < rows - n; k++) {
            z[n + k][k + 1] = Math.sqrt(ridge);
        }
        RealMatrix inverse = new QRDecomposition(new Array2DRowRealMatrix(z, false))
                .getSolver().getInverse();
        double[][] s = new double[p + 1][n];
        for (int k = 0; k <= p; k++) {
            for (int i = 0; i < n; i++) {
                s[k][i] = inverse.getEntry(k, i);
            }
        }
        return s;
    }
}
