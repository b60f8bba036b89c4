package org.orbifold.match;

import java.util.Arrays;
import java.util.Objects;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Certified lower bounds on the squared graph distance, cheap next to any alignment: they
 * split the alignment problem into a node part and an edge part and relax each. Since every
 * {@link Aligner} reports the distance of a concrete permutation, which is at least the true
 * distance, the bounds lie below every distance any aligner returns; a search for near
 * graphs may therefore skip a pair whose bound already exceeds what it has found.
 *
 * <p><b>The bound.</b> With {@code s(pi) = <X, pi . Y> = w_node N(pi) + w_edge E(pi)}, where
 * {@code N(pi) = sum_i <x_ii, y_pi(i)pi(i)>} and {@code E(pi) = sum_{i != j} <x_ij,
 * y_pi(i)pi(j)>}, the squared distance is {@code d^2 = ||X||^2 + ||Y||^2 - 2 max_pi s(pi)} and
 * {@code max_pi s(pi) <= w_node max_pi N(pi) + w_edge max_pi E(pi)} (the weights are
 * non-negative). Each maximum is bounded from above:
 * <ul>
 *   <li><b>nodes, by channels</b> ({@link #quickSquaredDistance}): {@code N(pi) = sum_c
 *       sum_i x^c_ii y^c_pi(i)pi(i)}, and a permutation matches the real nodes of X
 *       one-to-one with some nodes of Y (padding contributes 0). Writing each product as
 *       {@code a b <= a+ b+ + a- b-} (positive and negative parts, the cross terms being
 *       {@code <= 0}), the sum over any one-to-one map is at most the largest such sum for
 *       the positive parts plus that for the negative parts, and by the rearrangement
 *       inequality (Hardy, Littlewood and Pólya 1934, "Inequalities", Cambridge, section
 *       10.2) that largest sum pairs the values in sorted order. For one-hot labels this is
 *       {@code sum over labels of min(count in X, count in Y)};</li>
 *   <li><b>nodes, by assignment</b> (also in {@link #squaredDistance}): {@code max_pi N(pi)}
 *       is at most the value of a maximum-weight matching of the real nodes of X with those
 *       of Y under the gains {@code max(0, <x_ii, y_aa>)} (a rectangular linear assignment
 *       problem; clipping at 0 covers the pairs with padding, whose gain is 0, and only
 *       raises the value). The smaller of the two node bounds is used;</li>
 *   <li><b>edges</b> (both): {@code E(pi) = sum_c sum_{i != j} x^c_ij y^c_pi(i)pi(j)} channel
 *       by channel, and a permutation maps the ordered pairs of X one-to-one onto those of
 *       Y, so the same positive and negative parts and the rearrangement inequality give
 *       {@code max_pi E(pi) <= sum_c (sum_t P^c_X(t) P^c_Y(t) + sum_t M^c_X(t) M^c_Y(t))},
 *       with {@code P^c} the positive values of channel c over the ordered pairs sorted in
 *       decreasing order and {@code M^c} the magnitudes of the negative ones, likewise
 *       sorted. On one-hot edge labels this is, per bond type, the smaller of the two
 *       graphs' numbers of ordered pairs of that type.</li>
 * </ul>
 * None of these arguments uses the size of the permutation: each holds for every permutation
 * of every size, whatever padding it adds (padding contributes 0 to every product), so for
 * the distance of the design, which pads both graphs to the size of the space, and for
 * every size an aligner works at ({@link GraphSpace#alignmentSize}).
 * The bound is {@code max(0, ||X||^2 + ||Y||^2 - 2 (w_node N* + w_edge E*))}, with
 * {@code N*} and {@code E*} the upper bounds above. It holds for the true distance, so it
 * lies below the distance of every alignment any aligner returns. The similarity bound
 * {@code w_node N* + w_edge E*} itself is available ({@link #quickMaximumSimilarity},
 * {@link #maximumSimilarity}), and so is a lower bound on the similarity of every
 * permutation ({@link #minimumSimilarity}), for models whose scores are similarities.
 *
 * <p><b>Use.</b> A {@link Profile} holds what the bounds need of one graph (its squared norm
 * and its node and edge values per channel, sorted), computed once per graph in
 * {@code O(n d log n + |E| d log |E|)}; a query against many graphs then costs, per pair,
 * {@code O((n + |E|) d)} for {@link #quickSquaredDistance} and, for {@link #squaredDistance},
 * one {@code r x b} assignment problem more for graphs of orders {@code r} and {@code b}. The
 * rounding of the bound differs from that of {@link GraphSpace#squaredDistance}: a distance
 * counts as ruled out only if its square is below the bound minus {@link #margin}, and
 * {@link #distance} applies that margin. All methods are stateless and thread-safe; profiles
 * are immutable.
 *
 * <p><b>Limitations.</b> The relaxations forget which node pairs form the edges and which
 * nodes they join, so the bounds are loose where two graphs have similar label and bond counts
 * but different structure; they rule out far-away graphs, they do not rank near ones. The
 * bounds assume the non-negative weights that {@link GraphSpace} enforces. The margin is
 * relative to {@code ||X||^2 + ||Y||^2}, and the bound is a difference of such norms, so
 * graphs whose attributes sit near a common vector far from 0 (coordinates near
 * {@code 1e6}, say) get bounds of 0: still valid, but they rule nothing out. The aligners
 * remove such an offset before solving; the bounds cannot, since a profile belongs to one
 * graph, not to a pair.
 */
public final class DistanceLowerBound {

    /** Relative rounding margin, taken on {@code ||X||^2 + ||Y||^2}. */
    public static final double RELATIVE_MARGIN = 1e-9;

    /**
     * The per-graph data of the bounds: the graph, its squared norm in a space, and per node
     * and edge channel the positive values and the magnitudes of the negative values, each
     * in decreasing order. Immutable.
     */
    public static final class Profile {
        private final Graph graph;
        private final double nodeWeight;
        private final double edgeWeight;
        private final double squaredNorm;
        private final double[][] nodePositive;
        private final double[][] nodeNegative;
        private final double[][] edgePositive;
        private final double[][] edgeNegative;

        private Profile(GraphSpace space, Graph graph) {
            this.graph = graph;
            this.nodeWeight = space.nodeWeight();
            this.edgeWeight = space.edgeWeight();
            this.squaredNorm = space.squaredNorm(graph);

            // Node values per channel, over the real nodes.
            int nodeChannels = graph.nodeDimension();
            nodePositive = new double[nodeChannels][];
            nodeNegative = new double[nodeChannels][];
            double[] values = new double[graph.order()];
            for (int c = 0; c < nodeChannels; c++) {
                for (int i = 0; i < graph.order(); i++) {
                    values[i] = graph.node(i, c);
                }
                nodePositive[c] = positiveParts(values, values.length);
                nodeNegative[c] = negativeParts(values, values.length);
            }

            // Edge values per channel, over the ordered pairs that carry an edge.
            int pairs = 0;
            for (int i = 0; i < graph.order(); i++) {
                pairs += graph.outDegree(i);
            }
            int edgeChannels = graph.edgeDimension();
            edgePositive = new double[edgeChannels][];
            edgeNegative = new double[edgeChannels][];
            double[] edgeValues = new double[pairs];
            for (int c = 0; c < edgeChannels; c++) {
                int t = 0;
                for (int i = 0; i < graph.order(); i++) {
                    for (int j : graph.successors(i)) {
                        edgeValues[t++] = graph.edge(i, j, c);
                    }
                }
                edgePositive[c] = positiveParts(edgeValues, pairs);
                edgeNegative[c] = negativeParts(edgeValues, pairs);
            }
        }

        /**
         * Returns the graph of this profile.
         *
         * @return the graph of this profile
         */
        public Graph graph() {
            return graph;
        }

        /**
         * Returns the graph's squared norm in the space of this profile.
         *
         * @return the graph's squared norm in the space of this profile
         */
        public double squaredNorm() {
            return squaredNorm;
        }
    }

    private DistanceLowerBound() {
    }

    /**
     * Returns the data the bounds need of one graph.
     *
     * @param space the space of the graph; its weights are recorded in the profile
     * @param g a member of the space; not modified, retained by the profile
     * @return the profile
     * @throws IllegalArgumentException if {@code g} is not a member of the space
     */
    public static Profile profile(GraphSpace space, Graph g) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(space, "space");
        space.requireMember(g);
        return new Profile(space, g);
    }

    /**
     * Returns the cheaper lower bound on {@code d^2(X, Y)}: the node term bounded channel by
     * channel, the edge term by sorted values (class description). It costs
     * {@code O((r + b) d_node + (|E_X| + |E_Y|) d_edge)} per pair, without allocation.
     *
     * @param space the space of both graphs
     * @param x the profile of X, made in {@code space}
     * @param y the profile of Y, made in {@code space}
     * @return a value at most the squared graph distance, up to {@link #margin}
     * @throws IllegalArgumentException if a profile was made in a space of other weights or
     *     dimensions
     */
    public static double quickSquaredDistance(GraphSpace space, Profile x, Profile y) {
        requireSameSpace(space, x, y);
        double nodeBound = space.nodeWeight() > 0.0 ? nodeChannelBound(x, y) : 0.0;
        return fromSimilarity(space, x, y, nodeBound);
    }

    /**
     * Returns the tighter lower bound on {@code d^2(X, Y)} of the class description: as
     * {@link #quickSquaredDistance}, with the node term bounded by the smaller of the channel
     * bound and a linear assignment of the real nodes under clipped gains. It is at least
     * {@link #quickSquaredDistance} and costs one {@code r x b} assignment problem more.
     *
     * @param space the space of both graphs
     * @param x the profile of X, made in {@code space}
     * @param y the profile of Y, made in {@code space}
     * @return a value at most the squared graph distance, up to {@link #margin}
     * @throws IllegalArgumentException if a profile was made in a space of other weights or
     *     dimensions
     */
    public static double squaredDistance(GraphSpace space, Profile x, Profile y) {
        requireSameSpace(space, x, y);
        double nodeBound = 0.0;
        if (space.nodeWeight() > 0.0) {
            nodeBound = Math.min(nodeChannelBound(x, y), nodeMatching(space, x.graph, y.graph));
        }
        return fromSimilarity(space, x, y, nodeBound);
    }

    /**
     * Returns an upper bound on the similarity {@code <X, pi . Y>} of every permutation
     * {@code pi}, and so on every similarity an aligner reports for the pair: the node term
     * bounded channel by channel and the edge term by sorted values (class description), plus
     * {@link #margin} for rounding. It is the similarity behind
     * {@link #quickSquaredDistance} and costs the same.
     *
     * @param space the space of both graphs
     * @param x the profile of X, made in {@code space}
     * @param y the profile of Y, made in {@code space}
     * @return a value at least every reported similarity of the pair
     * @throws IllegalArgumentException if a profile was made in a space of other weights or
     *     dimensions
     */
    public static double quickMaximumSimilarity(GraphSpace space, Profile x, Profile y) {
        requireSameSpace(space, x, y);
        double nodeBound = space.nodeWeight() > 0.0 ? nodeChannelBound(x, y) : 0.0;
        return similarityBound(space, x, y, nodeBound) + margin(x, y);
    }

    /**
     * Returns the tighter upper bound on every similarity {@code <X, pi . Y>}, the one behind
     * {@link #squaredDistance}: as {@link #quickMaximumSimilarity}, with the node term
     * bounded by the smaller of the channel bound and a linear assignment of the real nodes
     * under clipped gains. It is at most {@link #quickMaximumSimilarity} and costs one
     * {@code r x b} assignment problem more.
     *
     * @param space the space of both graphs
     * @param x the profile of X, made in {@code space}
     * @param y the profile of Y, made in {@code space}
     * @return a value at least every reported similarity of the pair
     * @throws IllegalArgumentException if a profile was made in a space of other weights or
     *     dimensions
     */
    public static double maximumSimilarity(GraphSpace space, Profile x, Profile y) {
        requireSameSpace(space, x, y);
        double nodeBound = 0.0;
        if (space.nodeWeight() > 0.0) {
            nodeBound = Math.min(nodeChannelBound(x, y), nodeMatching(space, x.graph, y.graph));
        }
        return similarityBound(space, x, y, nodeBound) + margin(x, y);
    }

    /**
     * Returns a lower bound on the similarity {@code <X, pi . Y>} of every permutation, and
     * so on every similarity an aligner reports for the pair, minus {@link #margin} for
     * rounding. Each product of values is at least {@code -(a+ b- + a- b+)}, and the
     * rearrangement argument of the class description bounds the sum of those over any
     * one-to-one matching of nodes, and of ordered pairs, by the positive parts of one graph
     * sorted against the negative parts of the other. For graphs with non-negative values it
     * is {@code -margin}. It costs as much as {@link #quickMaximumSimilarity}.
     *
     * @param space the space of both graphs
     * @param x the profile of X, made in {@code space}
     * @param y the profile of Y, made in {@code space}
     * @return a value at most every reported similarity of the pair
     * @throws IllegalArgumentException if a profile was made in a space of other weights or
     *     dimensions
     */
    public static double minimumSimilarity(GraphSpace space, Profile x, Profile y) {
        requireSameSpace(space, x, y);
        double nodeSum = 0.0;
        if (space.nodeWeight() > 0.0) {
            for (int c = 0; c < x.nodePositive.length; c++) {
                nodeSum += sortedProduct(x.nodePositive[c], y.nodeNegative[c]);
                nodeSum += sortedProduct(x.nodeNegative[c], y.nodePositive[c]);
            }
        }
        double edgeSum = 0.0;
        if (space.edgeWeight() > 0.0) {
            for (int c = 0; c < x.edgePositive.length; c++) {
                edgeSum += sortedProduct(x.edgePositive[c], y.edgeNegative[c]);
                edgeSum += sortedProduct(x.edgeNegative[c], y.edgePositive[c]);
            }
        }
        return -(space.nodeWeight() * nodeSum + space.edgeWeight() * edgeSum) - margin(x, y);
    }

    /**
     * Returns how far a computed bound may exceed the true value through rounding; a
     * squared distance counts as ruled out only if it is below the bound minus this margin.
     *
     * @param x the profile of X
     * @param y the profile of Y
     * @return a non-negative margin
     */
    public static double margin(Profile x, Profile y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        return RELATIVE_MARGIN * (x.squaredNorm + y.squaredNorm);
    }

    /**
     * Turns a bound on the squared distance into a certified bound on the distance:
     * {@code sqrt(max(0, bound - margin))}. Every distance {@code d} an aligner reports for
     * the pair (the square root, as {@link Alignment#of} computes it, of the squared distance
     * its permutation attains) satisfies {@code d >= } the returned value, since
     * {@link Math#sqrt} is correctly rounded and therefore monotone.
     *
     * @param squaredBound a value of {@link #squaredDistance} or {@link #quickSquaredDistance}
     *     for the pair
     * @param x the profile of X
     * @param y the profile of Y
     * @return a lower bound on every reported distance of the pair
     */
    public static double distance(double squaredBound, Profile x, Profile y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        return Math.sqrt(Math.max(0.0, squaredBound - margin(x, y)));
    }

    /** The bound on {@code d^2} from a bound on the weighted node similarity. */
    private static double fromSimilarity(GraphSpace space, Profile x, Profile y,
            double nodeBound) {
        double similarity = similarityBound(space, x, y, nodeBound);
        return Math.max(0.0, x.squaredNorm + y.squaredNorm - 2.0 * similarity);
    }

    /** The bound on the similarity from a bound on the weighted node similarity. */
    private static double similarityBound(GraphSpace space, Profile x, Profile y,
            double nodeBound) {
        double edgeBound = 0.0;
        if (space.edgeWeight() > 0.0) {
            for (int c = 0; c < x.edgePositive.length; c++) {
                edgeBound += sortedProduct(x.edgePositive[c], y.edgePositive[c]);
                edgeBound += sortedProduct(x.edgeNegative[c], y.edgeNegative[c]);
            }
        }
        return nodeBound + space.edgeWeight() * edgeBound;
    }

    /** The weighted channel-wise rearrangement bound on the node similarity. */
    private static double nodeChannelBound(Profile x, Profile y) {
        double sum = 0.0;
        for (int c = 0; c < x.nodePositive.length; c++) {
            sum += sortedProduct(x.nodePositive[c], y.nodePositive[c]);
            sum += sortedProduct(x.nodeNegative[c], y.nodeNegative[c]);
        }
        return x.nodeWeight * sum;
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

    /** The positive entries among the first {@code length} values, in decreasing order. */
    private static double[] positiveParts(double[] values, int length) {
        double[] kept = new double[length];
        int count = 0;
        for (int t = 0; t < length; t++) {
            if (values[t] > 0.0) {
                kept[count++] = values[t];
            }
        }
        return decreasing(Arrays.copyOf(kept, count));
    }

    /** The magnitudes of the negative entries among the first values, in decreasing order. */
    private static double[] negativeParts(double[] values, int length) {
        double[] kept = new double[length];
        int count = 0;
        for (int t = 0; t < length; t++) {
            if (values[t] < 0.0) {
                kept[count++] = -values[t];
            }
        }
        return decreasing(Arrays.copyOf(kept, count));
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

    private static void requireSameSpace(GraphSpace space, Profile x, Profile y) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        requireMadeIn(space, x, "x");
        requireMadeIn(space, y, "y");
    }

    private static void requireMadeIn(GraphSpace space, Profile p, String name) {
        if (p.nodeWeight != space.nodeWeight() || p.edgeWeight != space.edgeWeight()
                || p.nodePositive.length != space.nodeDimension()
                || p.edgePositive.length != space.edgeDimension()) {
            throw new IllegalArgumentException("profile " + name + " was made in another"
                    + " space: weights (" + p.nodeWeight + ", " + p.edgeWeight
                    + ") and dimensions (" + p.nodePositive.length + ", "
                    + p.edgePositive.length + "), not those of " + space);
        }
    }
}
