package org.orbifold.io;

import java.util.Arrays;
import java.util.Objects;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * A Koopmans-Beckmann quadratic assignment problem as stored in QAPLIB: two square matrices
 * {@code A} (the first matrix of the file, usually flows) and {@code B} (the second, usually
 * distances) of order {@code n}, and the objective
 *
 * <pre>
 *   cost(p) = sum_{i, j} A[i][j] * B[p(i)][p(j)]
 * </pre>
 *
 * <p>to be minimized over the permutations {@code p} of {@code 0..n-1} (T.C. Koopmans and
 * M. Beckmann, 1957, "Assignment problems and the location of economic activities",
 * Econometrica 25(1):53-76; R.E. Burkard, S.E. Karisch and F. Rendl, 1997, "QAPLIB - A
 * quadratic assignment problem library", J. Global Optim. 10:391-403).
 *
 * <p>The matrices are copied on construction and on access; {@link #a(int, int)} and
 * {@link #b(int, int)} read single entries without copying.
 *
 * <p>To solve an instance, {@link org.orbifold.match.QuadraticAssignment} takes the two
 * matrices ({@link #first()}, {@link #second()}) with an aligner and returns the permutation,
 * its cost and whether it is proven optimal; its graphs for {@code Sense.MINIMIZE} are those
 * of {@link #toGraphs()}.
 *
 * @param name instance name, usually the file name without {@code .dat}
 * @param first matrix {@code A}, {@code n x n}
 * @param second matrix {@code B}, {@code n x n}
 */
public record QaplibInstance(String name, double[][] first, double[][] second) {

    /**
     * Checks and copies the matrices.
     *
     * @param name instance name, usually the file name without {@code .dat}
     * @param first matrix {@code A}, {@code n x n}
     * @param second matrix {@code B}, {@code n x n}
     * @throws IllegalArgumentException if a matrix is not square, the orders differ, the order
     *     is 0 or an entry is not finite
     */
    public QaplibInstance {
        Objects.requireNonNull(name, "name");
        first = copySquare("first", first);
        second = copySquare("second", second);
        if (first.length != second.length) {
            throw new IllegalArgumentException("matrix orders differ: " + first.length + " and "
                    + second.length);
        }
    }

    /**
     * Returns the order {@code n}.
     *
     * @return the order {@code n}
     */
    public int order() {
        return first.length;
    }

    /**
     * Returns a copy of matrix {@code A}.
     *
     * @return a copy of matrix {@code A}
     */
    @Override
    public double[][] first() {
        return copySquare("first", first);
    }

    /**
     * Returns a copy of matrix {@code B}.
     *
     * @return a copy of matrix {@code B}
     */
    @Override
    public double[][] second() {
        return copySquare("second", second);
    }

    /**
     * Returns entry {@code A[i][j]}.
     *
     * @param i row
     * @param j column
     * @return the entry
     */
    public double a(int i, int j) {
        return first[i][j];
    }

    /**
     * Returns entry {@code B[i][j]}.
     *
     * @param i row
     * @param j column
     * @return the entry
     */
    public double b(int i, int j) {
        return second[i][j];
    }

    /**
     * Returns {@code cost(p) = sum_{i, j} A[i][j] B[p(i)][p(j)]}. Exact for the integer data of
     * QAPLIB as long as the partial sums stay below {@code 2^53}.
     *
     * @param p a permutation of size {@link #order()}
     * @return the cost
     * @throws IllegalArgumentException if the size of {@code p} differs from the order
     */
    public double objective(Permutation p) {
        Objects.requireNonNull(p, "p");
        int n = order();
        if (p.size() != n) {
            throw new IllegalArgumentException("permutation has size " + p.size()
                    + ", instance " + name + " has order " + n);
        }
        int[] image = p.toArray();
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double[] row = first[i];
            double[] target = second[image[i]];
            for (int j = 0; j < n; j++) {
                sum += row[j] * target[image[j]];
            }
        }
        return sum;
    }

    /**
     * Returns the instance as a pair of directed graphs {@code [X, Y]} such that, in
     * {@link #graphSpace()}, {@code similarity(X, Y, p) = -cost(p)}: minimizing the cost is
     * maximizing the similarity. {@code X} has edge attribute {@code A[i][j]} on the ordered
     * pair {@code (i, j)}, {@code i != j}, and node attribute {@code A[i][i]}; {@code Y} has
     * edge attribute {@code -B[a][b]} and node attribute {@code -B[a][a]}. Zero entries become
     * absent edges, which contribute zero as well.
     *
     * <p>These are the graphs of {@link QuadraticAssignment#toGraphs} for
     * {@link Sense#MINIMIZE}, which builds them.
     *
     * @return {@code X} and {@code Y}, both directed, node and edge dimension 1
     * @throws IllegalArgumentException if {@link QuadraticAssignment#toGraphs} refuses the
     *     matrices (non-finite entries, or norms too large for the aligners)
     */
    public Graph[] toGraphs() {
        return QuadraticAssignment.toGraphs(first, second, Sense.MINIMIZE);
    }

    /**
     * Returns the space in which {@link #toGraphs()} turns the cost into a similarity: size
     * {@link #order()}, node and edge dimension 1, node and edge weight 1.
     *
     * @return the space
     */
    public GraphSpace graphSpace() {
        return new GraphSpace(order(), 1, 1, 1.0, 1.0);
    }

    /**
     * Returns a one-line summary, name and order, e.g. {@code QaplibInstance[chr12a, n = 12]}
     * (the record's default would print the matrices' identity hashes).
     */
    @Override
    public String toString() {
        return "QaplibInstance[" + name + ", n = " + order() + "]";
    }

    /**
     * Returns whether the other object is an instance with the same name and matrices, entry
     * by entry (the record's default would compare the matrices by identity).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof QaplibInstance q && name.equals(q.name)
                && Arrays.deepEquals(first, q.first) && Arrays.deepEquals(second, q.second);
    }

    /** Returns a hash code consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.deepHashCode(first), Arrays.deepHashCode(second));
    }

    private static double[][] copySquare(String what, double[][] matrix) {
        Objects.requireNonNull(matrix, what);
        int n = matrix.length;
        if (n == 0) {
            throw new IllegalArgumentException(what + " matrix is empty");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException(what + " matrix row " + i + " has length "
                        + (matrix[i] == null ? "null" : matrix[i].length) + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException(what + " matrix entry (" + i + ", " + j
                            + ") is not finite: " + matrix[i][j]);
                }
            }
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
