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
 * magnitude positive (the first such coordinate on ties).
 *
 * <p>Rounding is judged coordinate by coordinate. A coordinate whose centred sum of squares
 * is at most {@code ((N + 1) eps)^2} times the sum of the squares of its own {@code N}
 * entries ({@link #centringRounding}, {@code eps} the spacing of doubles at 1) is constant up
 * to the rounding of its mean: its centred entries are set to 0, so it adds nothing to the
 * total, the directions or the scores. A large value in one coordinate therefore never hides
 * a spread in another: attributes of {@code 1e6} equal in every row next to a coordinate
 * spread by {@code 1e-8} keep that spread as the total and as a direction, and values
 * {@code 1e6 + 1e-8 k} (some 86 units in the last place apart) are a spread too. The total
 * sum of squares is 0 exactly when every coordinate is constant up to rounding (copies of one
 * vector, near 0 or far from it); then every direction is zero and every ratio 0, rather
 * than a total of about {@code 1e-30} that nothing explains. A direction whose eigenvalue is
 * at most {@link #NEGLIGIBLE} times the total, plus the sum of the bounds of the coordinates
 * kept (the squared norm of the rank-one error the means' rounding adds to the centred rows,
 * which moves no eigenvalue by more), is rounding only (the data span fewer directions) and
 * becomes the zero vector with eigenvalue 0 and scores 0. Neither threshold grows with an
 * offset of a coordinate that does not vary, and rows near {@code 1e6} with a spread near 1
 * keep their directions.
 *
 * <p>Limitations: a coordinate whose real spread is within its rounding bound (for values
 * near {@code 1e6}, entries a few units in the last place apart, about {@code 1e-10}) is
 * taken as constant; and a direction is kept or dropped against the worst-case rounding of
 * the means of the coordinates kept, not their actual rounding.
 *
 * @param mean the mean of the rows
 * @param directions {@code k} unit directions, or zero vectors where the data have no
 *     variance left
 * @param sumsOfSquares for each direction, the eigenvalue: the sum over the rows of the
 *     squared score, non-increasing and {@code >= 0}
 * @param totalSumOfSquares the sum of the squared distances of the rows to the mean, at least
 *     the sum of all eigenvalues, so that {@code sumsOfSquares[k] / totalSumOfSquares}
 *     sums to at most 1; the sum over the coordinates that are not constant up to
 *     rounding only, and so 0 when none varies
 * @param scores {@code scores[i][k] = <row_i - mean, direction_k>}, the coordinates that
 *     are constant up to rounding counted as 0
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

        Centring centring = centre(rows);
        double[] mean = centring.mean();
        double[][] centered = centring.centered();
        double total = centring.total();

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
        // The coordinates kept still carry the rounding of their means, a vector of rank one
        // across the rows, which moves every eigenvalue by at most its squared norm.
        double threshold = NEGLIGIBLE * denominator + centring.rounding();

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
     * Returns whether every coordinate of the rows is constant up to the rounding of its mean
     * ({@link #centringRounding}): then {@link #fit} reports a total sum of squares of 0 and
     * only zero directions.
     *
     * @param rows {@code N >= 1} vectors of one length; not modified
     * @return whether the rows are equal up to the rounding of their mean, coordinate by
     *     coordinate
     */
    static boolean hasNoVariance(double[][] rows) {
        return centre(rows).total() == 0.0;
    }

    /**
     * The centred rows: the mean (summed in index order, then divided), the rows less the
     * mean with every coordinate whose centred sum of squares is within its rounding bound set
     * to 0, the sum of squares of the coordinates kept, and the sum of their rounding bounds.
     */
    private record Centring(double[] mean, double[][] centered, double total,
            double rounding) {
    }

    private static Centring centre(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
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
        double[] spread = new double[d];
        double[] magnitude = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centered[i][j] = rows[i][j] - mean[j];
                spread[j] += centered[i][j] * centered[i][j];
                magnitude[j] += rows[i][j] * rows[i][j];
            }
        }
        double factor = centringRounding(n);
        double total = 0.0;
        double rounding = 0.0;
        for (int j = 0; j < d; j++) {
            double bound = factor * magnitude[j];
            if (spread[j] <= bound) {
                // Constant up to the rounding of its mean: no spread to explain.
                for (int i = 0; i < n; i++) {
                    centered[i][j] = 0.0;
                }
            } else {
                total += spread[j];
                rounding += bound;
            }
        }
        return new Centring(mean, centered, total, rounding);
    }

    /**
     * Returns {@code ((n + 1) eps)^2}: times the sum of the squares of {@code n} equal
     * numbers {@code a}, a bound on the centred sum of squares that rounding gives them. Their
     * sum in index order and its division by {@code n} leave the mean within
     * {@code gamma_n |a|} of {@code a}, with {@code gamma_n = n u / (1 - n u)} and
     * {@code u = eps / 2} (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed.,
     * SIAM 2002, section 4.2); each difference {@code a - mean} is then exact (Sterbenz), and
     * the computed sum of their squares is at most {@code (1 + gamma_n) gamma_n^2 n a^2}, about
     * a quarter of the bound returned. For numbers that differ, the mean's error is at most
     * about {@code gamma_n} times their mean magnitude, and {@code n} times its square is
     * again within the bound: that is the rank-one error of the centred rows.
     */
    static double centringRounding(int n) {
        double error = (n + 1) * EPS;
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
