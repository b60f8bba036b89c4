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
 * {@code x} ({@code N x p}) and its standardised form {@code u}, each column centred on its
 * mean {@code m_k} and divided by its spread {@code d_k} (the largest distance of a value from
 * the mean), so that neither the validation nor the solution depends on the covariates'
 * units or offsets. The solver works on {@code Z = [1, u]} ({@code N x (p + 1)}) with the
 * matrix {@code S} ({@code (p + 1) x N}) that maps responses to standardised coefficients,
 * {@code c = S y}: the least-squares solution {@code S = (Z^T Z)^-1 Z^T} for ridge 0, else
 * the minimiser of {@code ||Z c - y||^2 + ridge * sum_{k >= 1} (c_k / d_k)^2} (the penalty
 * of the coefficients in the covariates' own units; the intercept is not penalised), both
 * computed from a Householder QR decomposition of {@code Z} (stacked on the rows that pick the
 * slopes, scaled by {@code sqrt(ridge) / d_k}). Applying the same {@code S} to every
 * coordinate makes equal responses give bit-for-bit equal coefficients.
 *
 * <p>The responses are centred coordinate by coordinate before {@code S} is applied
 * ({@link #centre}, {@link #fit}): the centre {@code ybar} moves into the intercept, which is the
 * same model in exact arithmetic and keeps the rounding of the fit at the size of the
 * responses' variation rather than of their values. The coefficients in the covariates' units
 * are {@code b_k = c_k / d_k} and {@code b_0 = ybar + c_0 - sum_k m_k b_k} ({@link #original});
 * fitted values are computed from the standardised form ({@link #fitted}), which loses nothing
 * to a large offset of the covariates.
 *
 * <p>Immutable; arrays are copied on the way in and not exposed.
 */
final class RegressionDesign {

    /**
     * Relative size, against a standardised column's norm, below which the part of a column
     * that the earlier columns do not explain counts as zero: the column is then collinear
     * with them.
     */
    static final double COLLINEARITY_TOLERANCE = 1e-10;

    /**
     * Relative spread, against the column's largest magnitude, at or below which a column
     * counts as constant: about a thousand units in the last place of its values, so that only
     * rounding noise around one value is constant, whatever the units or the offset.
     */
    static final double CONSTANT_TOLERANCE = 1e-13;

    private final double[][] x;
    private final double[][] u;
    private final double[] centers;
    private final double[] spreads;
    private final List<String> names;
    private final double[][] solver;

    private RegressionDesign(double[][] x, Standardized standard, List<String> names,
            double[][] solver) {
        this.x = x;
        this.u = standard.u;
        this.centers = standard.centers;
        this.spreads = standard.spreads;
        this.names = names;
        this.solver = solver;
    }

    /** The standardised columns with their centres and spreads. */
    private record Standardized(double[][] u, double[] centers, double[] spreads) {
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
     * @throws IllegalArgumentException if the row count is not {@code N}, {@code N = 0},
     *     rows differ in length, {@code p = 0}, {@code N <= p}, a value is not finite, a column is
     *     constant or a linear combination of the intercept and earlier columns (the message
     *     names the column), or the ridge penalty overflows in a column's units
     */
    static RegressionDesign of(double[][] covariates, List<String> columnNames, int graphs,
            double ridge) {
        Objects.requireNonNull(covariates, "covariates");
        if (covariates.length != graphs) {
            throw new IllegalArgumentException("covariates has " + covariates.length
                    + (covariates.length == 1 ? " row" : " rows") + " for " + graphs
                    + (graphs == 1 ? " graph" : " graphs") + ": give one row per graph");
        }
        if (graphs == 0) {
            throw new IllegalArgumentException("there are no graphs and no rows of covariates:"
                    + " a regression with an intercept needs more graphs than covariates, at"
                    + " least 2");
        }
        int p = covariates[0] == null ? 0 : covariates[0].length;
        double[][] x = new double[graphs][];
        for (int i = 0; i < graphs; i++) {
            if (covariates[i] == null) {
                throw new IllegalArgumentException("covariates row " + i + " is null: every"
                        + " row needs one value per covariate");
            }
            if (covariates[i].length != p) {
                throw new IllegalArgumentException("covariates row " + i + " has "
                        + covariates[i].length + (covariates[i].length == 1 ? " value"
                                : " values") + " but row 0 has " + p + ": every row"
                        + " needs one value per covariate");
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
        Standardized standard = standardize(x, names);
        requireFullRank(standard.u, names);
        return new RegressionDesign(x, standard, names, solver(standard, ridge, names));
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

    /**
     * Returns the centre of the responses, coordinate by coordinate: their mean, computed as
     * the first row's value plus the mean of the differences from it, so that a coordinate
     * equal in every row has that value as its centre exactly, and one that varies a little
     * around a large value loses nothing of the variation to the rounding of a large sum.
     *
     * @param responses {@code N} vectors of equal length, one per row; not modified
     * @return a new vector of the responses' length
     */
    static double[] centre(double[][] responses) {
        double[] first = responses[0];
        double[] sum = new double[first.length];
        for (int i = 1; i < responses.length; i++) {
            double[] y = responses[i];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += y[d] - first[d];
            }
        }
        double[] centre = new double[first.length];
        for (int d = 0; d < centre.length; d++) {
            centre[d] = first[d] + sum[d] / responses.length;
        }
        return centre;
    }

    /**
     * Returns the standardised coefficients {@code c = S (y - ybar)} of the responses
     * centred on {@code ybar} (normally their {@link #centre}), for every coordinate, summed
     * over the rows in index order. With the intercept in the design, centring changes only
     * the intercept, by {@code ybar}, in exact arithmetic; in floating point it keeps the
     * rounding of the sums at the size of the responses' variation instead of their size, so
     * that a large value equal in every row gives slopes of exactly 0 and an intercept of
     * exactly 0 in its coordinate.
     *
     * @param responses {@code N} vectors of equal length, one per row; not modified
     * @param ybar the centre, of the responses' length; not modified
     * @return {@code p + 1} vectors: the intercept of the centred responses, then one per
     *     standardised covariate
     */
    double[][] fit(double[][] responses, double[] ybar) {
        int length = responses[0].length;
        double[][] c = new double[solver.length][length];
        for (int k = 0; k < solver.length; k++) {
            for (int i = 0; i < responses.length; i++) {
                double s = solver[k][i];
                double[] y = responses[i];
                for (int d = 0; d < length; d++) {
                    c[k][d] += s * (y[d] - ybar[d]);
                }
            }
        }
        return c;
    }

    /**
     * Returns the fitted value of row {@code i}, {@code ybar + (c_0 + sum_k u_ik c_k)}: the
     * centre is added last, so that the fitted value is rounded once at the size of the
     * centre.
     *
     * @param c the standardised coefficients of {@link #fit}
     * @param ybar the centre given to {@link #fit}
     * @param i the row
     * @return a new vector
     */
    double[] fitted(double[][] c, double[] ybar, int i) {
        double[] v = combine(c, u[i]);
        for (int d = 0; d < v.length; d++) {
            v[d] += ybar[d];
        }
        return v;
    }

    /**
     * Returns {@code c_0 + sum_k w_k c_k}.
     *
     * @param c the intercept and slope vectors
     * @param w {@code p} weights
     * @return a new vector
     */
    static double[] combine(double[][] c, double[] w) {
        double[] v = c[0].clone();
        for (int k = 0; k < w.length; k++) {
            double wk = w[k];
            double[] slope = c[k + 1];
            for (int d = 0; d < v.length; d++) {
                v[d] += wk * slope[d];
            }
        }
        return v;
    }

    /** Returns a copy of the column means {@code m_k}. */
    double[] centers() {
        return centers.clone();
    }

    /** Returns a copy of the column spreads {@code d_k}, each positive. */
    double[] spreads() {
        return spreads.clone();
    }

    /**
     * Returns the coefficients in the covariates' units: {@code b_k = c_k / d_k} and
     * {@code b_0 = ybar + (c_0 - sum_k m_k b_k)}, the centre {@code ybar} added last.
     *
     * @param c the standardised coefficients of {@link #fit}
     * @param ybar the centre given to {@link #fit}
     * @return {@code p + 1} new vectors
     * @throws IllegalArgumentException if a value is not finite (a covariate of tiny units
     *     has a coefficient beyond the range of doubles): the message names the covariate and
     *     suggests rescaling it
     */
    double[][] original(double[][] c, double[] ybar) {
        int p = names.size();
        double[][] b = new double[p + 1][];
        b[0] = c[0].clone();
        for (int k = 0; k < p; k++) {
            b[k + 1] = new double[c[k + 1].length];
            for (int d = 0; d < b[k + 1].length; d++) {
                b[k + 1][d] = c[k + 1][d] / spreads[k];
                b[0][d] -= centers[k] * b[k + 1][d];
            }
            requireFinite(b[k + 1], k, "its coefficient graph");
            requireFinite(b[0], k, "the intercept graph, through its mean "
                    + centers[k] + " times its coefficient,");
        }
        for (int d = 0; d < b[0].length; d++) {
            b[0][d] += ybar[d];
        }
        requireFinite(b[0], p - 1, "the intercept graph, added to the mean of the graphs,");
        return b;
    }

    private void requireFinite(double[] v, int k, String what) {
        for (double value : v) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(column(names, k) + " spreads over only "
                        + spreads[k] + " around " + centers[k] + ", so " + what + " holds "
                        + value + ": rescale it (for example to its standard units) and fit"
                        + " again");
            }
        }
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
            throw new IllegalArgumentException(given.size() + " covariate name"
                    + (given.size() == 1 ? "" : "s") + " for " + p + " column"
                    + (p == 1 ? "" : "s"));
        }
        for (int j = 0; j < p; j++) {
            Objects.requireNonNull(given.get(j), "covariate name " + j);
        }
        return List.copyOf(given);
    }

    /**
     * Standardises every column (values divided by the column's largest magnitude first, so
     * that neither huge nor tiny units overflow or underflow), failing on the first constant
     * one: all zeros, or a spread of at most {@link #CONSTANT_TOLERANCE} times its magnitude.
     */
    private static Standardized standardize(double[][] x, List<String> names) {
        int n = x.length;
        int p = names.size();
        double[][] u = new double[n][p];
        double[] centers = new double[p];
        double[] spreads = new double[p];
        for (int j = 0; j < p; j++) {
            double magnitude = 0.0;
            for (double[] row : x) {
                magnitude = Math.max(magnitude, Math.abs(row[j]));
            }
            if (magnitude == 0.0) {
                throw constant(names, j, " (all zeros)");
            }
            double[] v = new double[n];
            double mean = 0.0;
            for (int i = 0; i < n; i++) {
                v[i] = x[i][j] / magnitude;
                mean += v[i];
            }
            mean /= n;
            double spread = 0.0;
            for (int i = 0; i < n; i++) {
                v[i] -= mean;
                spread = Math.max(spread, Math.abs(v[i]));
            }
            if (!(spread > CONSTANT_TOLERANCE)) {
                throw constant(names, j, "");
            }
            for (int i = 0; i < n; i++) {
                u[i][j] = v[i] / spread;
            }
            centers[j] = mean * magnitude;
            spreads[j] = spread * magnitude;
        }
        return new Standardized(u, centers, spreads);
    }

    private static IllegalArgumentException constant(List<String> names, int j, String how) {
        return new IllegalArgumentException(column(names, j) + " is constant" + how + ": it is"
                + " collinear with the intercept, so the coefficients are not determined; drop"
                + " it");
    }

    /**
     * Fails naming the first standardised column that the intercept and the earlier columns
     * explain (modified Gram-Schmidt with one reorthogonalisation, relative tolerance
     * {@link #COLLINEARITY_TOLERANCE}).
     */
    private static void requireFullRank(double[][] u, List<String> names) {
        int n = u.length;
        int p = names.size();
        List<double[]> basis = new ArrayList<>();
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0 / Math.sqrt(n));
        basis.add(ones);
        for (int j = 0; j < p; j++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = u[i][j];
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
                throw new IllegalArgumentException(column(names, j) + " is a linear combination"
                        + " of the intercept and the columns before it, so the coefficients"
                        + " are not determined; drop it");
            }
            for (int i = 0; i < n; i++) {
                r[i] /= rest;
            }
            basis.add(r);
        }
    }

    private static double norm(double[] v) {
        double sum = 0.0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /**
     * Returns the first {@code N} columns of the pseudo-inverse of the (stacked) standardised
     * design.
     */
    private static double[][] solver(Standardized standard, double ridge, List<String> names) {
        double[][] u = standard.u;
        int n = u.length;
        int p = u[0].length;
        int rows = ridge > 0.0 ? n + p : n;
        double[][] z = new double[rows][p + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1.0;
            System.arraycopy(u[i], 0, z[i], 1, p);
        }
        for (int k = 0; k < rows - n; k++) {
            double weight = Math.sqrt(ridge) / standard.spreads[k];
            if (!(weight < 1e150)) {
                throw new IllegalArgumentException(column(names, k) + " spreads over only "
                        + standard.spreads[k] + ", so the ridge penalty in its units"
                        + " overflows: rescale it and fit again");
            }
            z[n + k][k + 1] = weight;
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
