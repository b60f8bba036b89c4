package org.orbifold.cluster;

import java.util.Arrays;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * A certified lower bound on the squared graph distance, cheap next to any alignment: it
 * splits the alignment problem into a node part and an edge part and relaxes each.
 *
 * <p><b>The bound.</b> With {@code s(pi) = <X, pi . Y> = w_node N(pi) + w_edge E(pi)}, where
 * {@code N(pi) = sum_i <x_ii, y_pi(i)pi(i)>} and {@code E(pi) = sum_{i != j} <x_ij,
 * y_pi(i)pi(j)>}, the squared distance is {@code d^2 = ||X||^2 + ||Y||^2 - 2 max_pi s(pi)} and
 * {@code max_pi s(pi) <= w_node max_pi N(pi) + w_edge max_pi E(pi)} (the weights are
 * non-negative). Each maximum is bounded from above:
 * <ul>
 *   <li><b>nodes:</b> {@code max_pi N(pi)} is at most the value of a maximum-weight matching
 *       of the real nodes of X with those of Y under the gains {@code max(0, <x_ii, y_aa>)}
 *       (a rectangular linear assignment problem; clipping at 0 covers the pairs with
 *       padding, whose gain is 0, and only raises the value);</li>
 *   <li><b>edges:</b> {@code E(pi) = sum_c sum_{i != j} x^c_ij y^c_pi(i)pi(j)} channel by
 *       channel, and a permutation of the nodes maps the ordered pairs of X one-to-one onto
 *       those of Y. Writing each product as {@code a b <= a+ b+ + a- b-} (positive and
 *       negative parts, the cross terms being {@code <= 0}), the sum over any one-to-one map
 *       is at most the largest such sum for the positive parts plus that for the negative
 *       parts, and by the rearrangement inequality (Hardy, Littlewood and Pólya 1934,
 *       "Inequalities", Cambridge, section 10.2) that largest sum pairs the values in
 *       sorted order. So {@code max_pi E(pi) <= sum_c (sum_t P^c_X(t) P^c_Y(t) + sum_t
 *       M^c_X(t) M^c_Y(t))}, with {@code P^c} the positive values of channel c over the
 *       ordered pairs sorted in decreasing order and {@code M^c} the magnitudes of the
 *       negative ones, likewise sorted.</li>
 * </ul>
 * The bound is {@code max(0, ||X||^2 + ||Y||^2 - 2 (w_node N* + w_edge E*))}. It holds for
 * the true distance, so it lies below the distance of every alignment any aligner returns.
 * On one-hot edge labels the edge term is, per bond type, the sum of the largest values of
 * that channel of X as many times as Y has bonds of the type.
 *
 * <p>Cost per pair: one {@code r x b} assignment problem for graphs of orders {@code r} and
 * {@code b} plus a merge of the sorted edge values, after a per-graph {@link #profile}.
 *
 * <p><b>Limitations.</b> The edge relaxation forgets which node pairs form the edges, so the
 * bound is loose where two graphs have similar node and bond counts but different structure;
 * it is meant to rule out far-away centers, not to rank near ones. The rounding of the
 * expression above differs from that of {@link GraphSpace#squaredDistance}; callers compare
 * with {@link #margin}.
 */
final class DistanceLowerBound {

    /** Relative rounding margin, taken on {@code ||X||^2 + ||Y||^2}. */
    static final double RELATIVE_MARGIN = 1e-9;

    /** Per-graph data of the bound: norms and sorted edge values per channel. */
    static final class Profile {
        private final Graph graph;
        private final double squaredNorm;
        private final double[][] positive;
        private final double[][] negative;

        private Profile(Graph graph, double squaredNorm, double[][] positive,
                double[][] negative) {
            this.graph = graph;
            this.squaredNorm = squaredNorm;
            this.positive = positive;
            this.negative = negative;
        }

        Graph graph() {
            return graph;
        }
    }

    private DistanceLowerBound() {
    }

    /**
     * Returns the data the bound needs of one graph: its weighted squared norm and, per edge
     * channel, the positive values and the magnitudes of the negative values over all
     * ordered pairs, each in decreasing order.
     *
     * @param space the space of the graph
     * @param g the graph
     * @return the profile
     */
    static Profile profile(GraphSpace space, Graph g) {
        int dimension = g.edgeDimension();
        double[][] positive = new double[dimension][];
        double[][] negative = new double[dimension][];
        int pairs = 0;
        for (int i = 0; i < g.order(); i++) {
            pairs += g.outDegree(i);
        }
        for (int c = 0; c < dimension; c++) {
            double[] up = new double[pairs];
            double[] down = new double[pairs];
            int ups = 0;
            int downs = 0;
            for (int i = 0; i < g.order(); i++) {
                for (int j : g.successors(i)) {
                    double v = g.edge(i, j, c);
                    if (v > 0.0) {
                        up[ups++] = v;
                    } else if (v < 0.0) {
                        down[downs++] = -v;
                    }
                }
            }
            positive[c] = decreasing(Arrays.copyOf(up, ups));
            negative[c] = decreasing(Arrays.copyOf(down, downs));
        }
        return new Profile(g, space.squaredNorm(g), positive, negative);
    }

    /**
     * Returns the lower bound on {@code d^2(X, Y)} of the class description.
     *
     * @param space the space of both graphs
     * @param x the profile of X
     * @param y the profile of Y
     * @return a value at most the squared graph distance, up to {@link #margin}
     */
    static double squaredDistance(GraphSpace space, Profile x, Profile y) {
        double nodeBound = space.nodeWeight() > 0.0 ? nodeMatching(space, x.graph, y.graph)
                : 0.0;
        double edgeBound = 0.0;
        for (int c = 0; c < x.positive.length; c++) {
            edgeBound += sortedProduct(x.positive[c], y.positive[c]);
            edgeBound += sortedProduct(x.negative[c], y.negative[c]);
        }
        double similarity = nodeBound + space.edgeWeight() * edgeBound;
        return Math.max(0.0, x.squaredNorm + y.squaredNorm - 2.0 * similarity);
    }

    /**
     * Returns how far a computed bound may exceed the true value through rounding; a
     * distance counts as ruled out only if it is below the bound minus this margin.
     *
     * @param x the profile of X
     * @param y the profile of Y
     * @return a non-negative margin
     */
    static double margin(Profile x, Profile y) {
        return RELATIVE_MARGIN * (x.squaredNorm + y.squaredNorm);
    }

    /** The weighted value of a maximum matching of real nodes under clipped gains. */
    private static double nodeMatching(GraphSpace space, Graph x, Graph y) {
        if (x.order() == 0 || y.order() == 0) {
            return 0.0;
        }
        double[][] gain = new double[x.order()][y.order()];
        for (int i = 0; i < x.order(); i++) {
            for (int a = 0; a < y.order(); a++) {
                gain[i][a] = Math.max(0.0, space.nodeSimilarity(x, i, y, a));
            }
        }
        return new LinearAssignmentSolver().solve(gain, Sense.MAXIMIZE).value();
    }

    /** {@code sum_t a[t] b[t]} over the common length of two decreasing arrays. */
    private static double sortedProduct(double[] a, double[] b) {
        int length = Math.min(a.length, b.length);
        double sum = 0.0;
        for (int t = 0; t < length; t++) {
            sum += a[t] * b[t];
        }
        return sum;
    }

    private static double[] decreasing(double[] values) {
        Arrays.sort(values);
        for (int lo = 0, hi = values.length - 1; lo < hi; lo++, hi--) {
            double swap = values[lo];
            values[lo] = values[hi];
            values[hi] = swap;
        }
        return values;
    }
}
