package org.orbifold.stats;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis of {@code N} vectors of length {@code D}: the mean, the
 * leading unit directions, their sums of squared scores and the scores, from the symmetric
 * eigen decomposition (EJML's symmetric QR algorithm) of the {@code N x N} Gram matrix
 * {@code C C^T} of the centered rows when {@code D > N}, and of the {@code D x D} scatter
 * matrix {@code C^T C} otherwise. From the Gram matrix, direction {@code k} is
 * {@code C^T u_k} normalised, where {@code u_k} is its eigenvector (Jolliffe, "Principal
 * Component Analysis", 2nd ed., Springer 2002, section 14.1's duality of the two
 * decompositions).
 *
 * <p>Conventions: directions are sorted by decreasing eigenvalue (ties in the order the
 * decomposition returns them); each direction's sign makes its coordinate of largest
 * magnitude positive (the first such coordinate on ties); a direction whose eigenvalue is at
 * most {@link #NEGLIGIBLE} times the total sum of squares of the centred rows, plus the
 * rounding of the centring itself ({@code (8 (N + 1) eps)^2} times the sum of the squared
 * norms of the rows, with {@code eps} the spacing of doubles at 1), is rounding only (the
 * data span fewer directions) and becomes the zero vector with eigenvalue 0 and scores 0.
 * The threshold does not grow with a common offset of the rows: rows near {@code 1e6} with a
 * spread near 1 keep their directions. A total sum of squares at most that rounding of the
 * centring is rounding too (the rows are equal up to rounding): it is reported as 0, with
 * every direction zero, so that copies of one vector have no total, no direction and no
 * ratio rather than a total of about {@code 1e-30} that nothing explains.
 *
 * @param mean the mean of the rows
 * @param directions {@code k} unit directions, or zero vectors where the data have no
 *     variance left
 * @param sumsOfSquares for each direction, the eigenvalue: the sum over the rows of the
 *     squared score, non-increasing and {@code >= 0}
 * @param totalSumOfSquares the sum of the squared distances of the rows to the mean, at least
 *     the sum of all eigenvalues, so that {@code sumsOfSquares[k] / totalSumOfSquares}
 *     sums to at most 1; 0 when it is no more than the rounding of the centring
 * @param scores {@code scores[i][k] = <row_i - mean, direction_k>}
 */
record PrincipalAxes(double[] mean, double[][] directions, double[] sumsOfSquares,
        double totalSumOfSquares, double[][] scores) {

    /** Relative eigenvalue at or below which a direction counts as absent. */
    static final double NEGLIGIBLE = 1e-12;
    /** Spacing of the doubles at 1. */
    private static final double EPS = Math.ulp(1.0);

    /**
     * Fits the leading {@code k} principal directions.
     *
     * @param rows {@code N >= 1} vectors of one length {@code D}; not modified
     * @param k the number of directions, {@code 1 <= k <= min(N, D)}
     * @return the principal axes
     */
    static PrincipalAxes fit(double[][] rows, int k) {
        int n = rows.length;
        int d = rows[0].length;
        if (k < 1 || k > Math.min(n, d)) {
            throw new IllegalArgumentException("cannot fit " + k + " directions to " + n
                    + " vectors of length " + d);
        }

        // Center the rows, summing in index order.
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] centered = new double[n][d];
        double total = 0.0;
        double magnitude = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centered[i][j] = rows[i][j] - mean[j];
                total += centered[i][j] * centered[i][j];
                magnitude += rows[i][j] * rows[i][j];
            }
        }

        // Eigen decomposition of the smaller of the two symmetric matrices.
        boolean gram = d > n;
        DMatrixRMaj matrix = gram ? gram(centered) : scatter(centered);
        int size = matrix.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true,
                true);
        if (!eig.decompose(matrix)) {
            throw new IllegalStateException("the symmetric eigen decomposition of a " + size
                    + " x " + size + " matrix did not converge");
        }
        Integer[] order = new Integer[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            values[i] = Math.max(0.0, eig.getEigenvalue(i).getReal());
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
        double allValues = 0.0;
        for (Integer i : order) {
            allValues += values[i];
        }
        double denominator = Math.max(total, allValues);
        // Centring leaves an error of a few units in the last place of each entry, whose
        // squares a set of equal rows far from 0 shows as tiny eigenvalues.
        double rounding = centringRounding(n) * magnitude;
        double threshold = NEGLIGIBLE * denominator + rounding;
        if (denominator <= rounding) {
            // Equal rows up to rounding: no eigenvalue passes the threshold, and no total.
            denominator = 0.0;
        }

        // The leading directions, their signs fixed, and the scores along them.
        double[][] directions = new double[k][];
        double[] sums = new double[k];
        double[][] scores = new double[n][k];
        for (int c = 0; c < k; c++) {
            int index = order[c];
            double value = values[index];
            double[] direction = new double[d];
            if (value > threshold) {
                DMatrixRMaj u = eig.getEigenVector(index);
                direction = gram ? combine(centered, u) : u.getData().clone();
                normalise(direction);
                fixSign(direction);
                sums[c] = value;
            }
            directions[c] = direction;
            for (int i = 0; i < n; i++) {
                scores[i][c] = dot(centered[i], direction);
            }
        }
        return new PrincipalAxes(mean, directions, sums, denominator, scores);
    }

    /**
     * Returns {@code (8 (n + 1) eps)^2}: times the sum of the squared norms of {@code n}
     * vectors, a bound on the squared rounding error of their mean, and so on the sum of
     * squares that vectors which are all equal show after centring, however far from 0 they
     * sit. The mean's error is at most about {@code n eps} relative to the vectors'
     * magnitudes; the factor 8 is a margin.
     */
    static double centringRounding(int n) {
        double error = 8.0 * (n + 1) * EPS;
        return error * error;
    }

    /** Returns {@code C C^T}, entry {@code (a, b)} the inner product of rows a and b. */
    private static DMatrixRMaj gram(double[][] centered) {
        int n = centered.length;
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double value = dot(centered[a], centered[b]);
                g.set(a, b, value);
                g.set(b, a, value);
            }
        }
        return g;
    }

    /** Returns {@code C^T C}. */
    private static DMatrixRMaj scatter(double[][] centered) {
        int d = centered[0].length;
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (double[] row : centered) {
            for (int p = 0; p < d; p++) {
                if (row[p] == 0.0) {
                    continue;
                }
                for (int q = p; q < d; q++) {
                    s.add(p, q, row[p] * row[q]);
                }
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = p + 1; q < d; q++) {
                s.set(q, p, s.get(p, q));
            }
        }
        return s;
    }

    /** Returns {@code C^T u}. */
    private static double[] combine(double[][] centered, DMatrixRMaj u) {
        double[] v = new double[centered[0].length];
        for (int i = 0; i < centered.length; i++) {
            double weight = u.get(i, 0);
            for (int j = 0; j < v.length; j++) {
                v[j] += weight * centered[i][j];
            }
        }
        return v;
    }

    private static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
    }

    /** Makes the coordinate of largest magnitude (the first on ties) positive. */
    private static void fixSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0.0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
