package org.orbifold.space;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The graph space of graphs with at most {@link #size()} nodes, node attributes of dimension
 * {@link #nodeDimension()} and edge attributes of dimension {@link #edgeDimension()}, with the
 * weighted inner product
 *
 * <pre>
 *   &lt;X, Y&gt; = w_node * sum_i &lt;x_ii, y_ii&gt; + w_edge * sum_{i != j} &lt;x_ij, y_ij&gt;
 * </pre>
 *
 * <p>(sums over ordered pairs, so an undirected edge counts twice). A graph of order below
 * {@code size()} stands for its padding with null nodes; padding is never materialized. For a
 * permutation {@code pi} the space computes the similarity {@code <X, pi . Y>}, the squared
 * distance {@code ||X - pi . Y||^2 = ||X||^2 + ||Y||^2 - 2 <X, pi . Y>} and the distance in
 * {@code O(|E| d)} time without building permuted copies. The graph distance
 * {@code d(X, Y) = min over pi of ||X - pi . Y||} is the aligners' job
 * ({@code org.orbifold.match}).
 *
 * <p>Instances are immutable and thread-safe, with value semantics: two spaces are
 * {@linkplain #equals equal} when their size, dimensions and weights are (a weight of
 * {@code -0.0} is taken as {@code 0.0}).
 *
 * <p><b>Limitations.</b> {@link #squaredDistanceFromSimilarity} loses relative precision when
 * the two graphs nearly coincide (cancellation), and reports rounding below zero as zero;
 * {@link #squaredDistance} sums the differences term by term and has no such loss.
 * Squares of differences below about {@code 1e-154} underflow: {@link #squaredDistance} and
 * {@link #similarity} of graphs whose attributes are all that small come out as 0 or lose
 * precision (at attributes of {@code 1e-170} every squared distance is 0), so
 * {@link #coincides} rather than a zero squared distance tells whether two graphs are equal
 * under an alignment, and {@link #distance} recomputes small squared distances at a scaled
 * copy of the differences. Aligners work on the squared values and cannot tell such graphs'
 * alignments apart: standardize tiny attributes first
 * ({@link AttributeScaling#standardize}).
 * Finite weights and attributes can still give a squared distance beyond the largest double
 * (a node weight of {@code 1e308}, say); the norm, the similarity and the squared distance
 * then throw an {@link IllegalArgumentException} naming the weights rather than return an
 * infinite value that every statistic built on them would carry along. When a similarity
 * between two graphs can be negative ({@link #crossSimilarityCanBeNegative}), their distance
 * depends on {@link #size()} while that is below the sum of their orders
 * ({@link #alignmentSize}): the same two graphs can be nearer in a larger space.
 */
public final class GraphSpace {

    /**
     * The end of the messages about unequal attribute dimensions: graphs read by separate
     * reader calls each get the channel layout of their own file (one one-hot channel per
     * category seen there, for instance), so their dimensions, or with equal dimensions the
     * meaning of their channels, can differ.
     */
    private static final String LAYOUT_HINT = "; graphs read in separate calls get channel"
            + " layouts of their own: read the splits in one call (IamDatasetReader.readSplits)"
            + " or read one data set and split it";

    /**
     * The squared distance {@code 2^-900} (about {@code 1.2e-271}) below which sums of
     * squares may have lost terms to underflow or rounding among subnormal numbers: above it
     * the largest term of a sum over fewer than {@code 2^40} entries is at least
     * {@code 2^-940}, far above the smallest normal double {@code 2^-1022}. {@link #distance}
     * and the certificates of {@code org.orbifold.match} treat smaller values with care.
     */
    public static final double UNDERFLOW_RISK = 0x1p-900;

    /**
     * The largest number of multiply-adds the pair test of {@link #alignmentSize} spends on
     * one pair, {@code 2^24}: beyond it (graphs of a few hundred nodes or edges with signed
     * channels) the pair is aligned at the larger, always correct size untested.
     */
    static final long PAIR_TEST_BUDGET = 1L << 24;

    /**
     * Sums of absolute products below {@code 2^-960} in the pair test of
     * {@link #alignmentSize} count as possibly negative: their terms may be subnormal, with
     * rounding errors not relative to their size.
     */
    private static final double SUBNORMAL_PRODUCTS = 0x1p-960;

    private final int size;
    private final int nodeDimension;
    private final int edgeDimension;
    private final double nodeWeight;
    private final double edgeWeight;

    /**
     * Creates a graph space.
     *
     * @param size largest order of a graph in the space, at least 0
     * @param nodeDimension node attribute dimension
     * @param edgeDimension edge attribute dimension
     * @param nodeWeight weight of the node part of the inner product, finite and {@code >= 0}
     *     ({@code -0.0} is stored as {@code 0.0})
     * @param edgeWeight weight of the edge part of the inner product, finite and {@code >= 0}
     *     ({@code -0.0} is stored as {@code 0.0})
     * @throws IllegalArgumentException if the size or a dimension is negative, the size is
     *     above {@link Graph#maxOrder} for the dimensions, a weight is negative or not finite,
     *     or both weights are 0 (every distance would be 0, so every graph would be as near as
     *     any other)
     */
    public GraphSpace(int size, int nodeDimension, int edgeDimension, double nodeWeight,
            double edgeWeight) {
        if (size < 0 || nodeDimension < 0 || edgeDimension < 0) {
            throw new IllegalArgumentException("size and dimensions must be >= 0, got size "
                    + size + ", node dimension " + nodeDimension + ", edge dimension "
                    + edgeDimension);
        }
        Graph.requireOrder(size, nodeDimension, edgeDimension);
        requireWeight("node weight", nodeWeight);
        requireWeight("edge weight", edgeWeight);
        if (nodeWeight == 0.0 && edgeWeight == 0.0) {
            throw new IllegalArgumentException("node weight 0 and edge weight 0: every distance"
                    + " would be 0; give one of them a positive value");
        }
        this.size = size;
        this.nodeDimension = nodeDimension;
        this.edgeDimension = edgeDimension;
        this.nodeWeight = nodeWeight + 0.0;
        this.edgeWeight = edgeWeight + 0.0;
    }

    /**
     * Returns the smallest space, with unit weights, that holds all the given graphs.
     *
     * @param graphs a non-empty collection of graphs with equal attribute dimensions
     * @return the space
     * @throws IllegalArgumentException if the collection is empty or dimensions differ
     */
    public static GraphSpace of(Collection<Graph> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("cannot make a graph space of no graphs");
        }
        Graph first = graphs.iterator().next();
        int maxOrder = 0;
        int index = 0;
        for (Graph g : graphs) {
            if (g == null) {
                throw new IllegalArgumentException("graphs[" + index + "] is null");
            }
            if (g.nodeDimension() != first.nodeDimension()
                    || g.edgeDimension() != first.edgeDimension()) {
                throw new IllegalArgumentException("graph " + index + " has attribute dimensions"
                        + " (node " + g.nodeDimension() + ", edge " + g.edgeDimension()
                        + ") but graph 0 has (node " + first.nodeDimension() + ", edge "
                        + first.edgeDimension() + ")" + LAYOUT_HINT);
            }
            maxOrder = Math.max(maxOrder, g.order());
            index++;
        }
        return new GraphSpace(maxOrder, first.nodeDimension(), first.edgeDimension(), 1.0, 1.0);
    }

    /**
     * Returns this space with other weights.
     *
     * @param newNodeWeight weight of the node part, finite and {@code >= 0}
     * @param newEdgeWeight weight of the edge part, finite and {@code >= 0}
     * @return the re-weighted space
     * @throws IllegalArgumentException if a weight is negative or not finite, or both are 0
     */
    public GraphSpace withWeights(double newNodeWeight, double newEdgeWeight) {
        return new GraphSpace(size, nodeDimension, edgeDimension, newNodeWeight, newEdgeWeight);
    }

    /**
     * Returns this space with another size.
     *
     * @param newSize the largest order a graph may have
     * @return the resized space
     */
    public GraphSpace withSize(int newSize) {
        return new GraphSpace(newSize, nodeDimension, edgeDimension, nodeWeight, edgeWeight);
    }

    /**
     * Returns the largest order of a graph in this space.
     *
     * @return the largest order of a graph in this space
     */
    public int size() {
        return size;
    }

    /**
     * Returns the node attribute dimension.
     *
     * @return the node attribute dimension
     */
    public int nodeDimension() {
        return nodeDimension;
    }

    /**
     * Returns the edge attribute dimension.
     *
     * @return the edge attribute dimension
     */
    public int edgeDimension() {
        return edgeDimension;
    }

    /**
     * Returns the weight of the node part of the inner product.
     *
     * @return the weight of the node part of the inner product
     */
    public double nodeWeight() {
        return nodeWeight;
    }

    /**
     * Returns the weight of the edge part of the inner product.
     *
     * @return the weight of the edge part of the inner product
     */
    public double edgeWeight() {
        return edgeWeight;
    }

    /**
     * Checks that a graph belongs to this space.
     *
     * @param graph a graph
     * @return {@code graph}
     * @throws NullPointerException if {@code graph} is null
     * @throws IllegalArgumentException if its dimensions differ or its order exceeds the size
     *     (the message says how to make a space large enough)
     */
    public Graph requireMember(Graph graph) {
        Objects.requireNonNull(graph, "graph");
        if (graph.nodeDimension() != nodeDimension || graph.edgeDimension() != edgeDimension) {
            throw new IllegalArgumentException("graph has attribute dimensions (node "
                    + graph.nodeDimension() + ", edge " + graph.edgeDimension()
                    + ") but the space has (node " + nodeDimension + ", edge " + edgeDimension
                    + ")" + LAYOUT_HINT);
        }
        if (graph.order() > size) {
            throw new IllegalArgumentException("graph of order " + graph.order()
                    + " does not fit a space of size " + size + ": build the space from all"
                    + " the graphs it must hold, training and query graphs together"
                    + " (GraphSpace.of(all)), or enlarge it with withSize(" + graph.order()
                    + ")");
        }
        return graph;
    }

    /**
     * Checks that every graph of a list belongs to this space.
     *
     * @param graphs a list of graphs, not null, without null entries
     * @return an unmodifiable copy of the list
     * @throws IllegalArgumentException naming the index of the first null graph or the first
     *     graph outside the space, and why
     */
    public List<Graph> requireMembers(List<Graph> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        for (int i = 0; i < graphs.size(); i++) {
            Graph g = graphs.get(i);
            if (g == null) {
                throw new IllegalArgumentException("graphs[" + i + "] is null");
            }
            try {
                requireMember(g);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("graphs[" + i + "] is not in " + this + ": "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(graphs);
    }

    /**
     * Returns whether some node or edge of {@code x} can have a negative similarity with some
     * node or edge of {@code y}: whether, in some node channel (when the node weight is
     * positive) or some edge channel (when the edge weight is positive), one graph has a
     * positive value and the other a negative one. The test is symmetric in {@code x} and
     * {@code y}; it is false for graphs with non-negative attributes (one-hot labels,
     * existence channels, counts) and costs {@code O(d_node + d_edge)}.
     *
     * @param x a graph of this space
     * @param y a graph of this space
     * @return true if a cross similarity can be negative
     */
    public boolean crossSimilarityCanBeNegative(Graph x, Graph y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        requireMember(x);
        requireMember(y);
        if (nodeWeight > 0.0) {
            for (int c = 0; c < nodeDimension; c++) {
                if (opposite(x.nodeSigns(c), y.nodeSigns(c))) {
                    return true;
                }
            }
        }
        if (edgeWeight > 0.0) {
            for (int c = 0; c < edgeDimension; c++) {
                if (opposite(x.edgeSigns(c), y.edgeSigns(c))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the permutation size at which the graph distance of {@code x} and {@code y} is
     * attained: the larger order when no real node of {@code x} has a negative similarity with
     * a real node of {@code y} and no edge of {@code x} one with an edge of {@code y}, else
     * {@code min(size(), x.order() + y.order())}. The test is the sign test of
     * {@link #crossSimilarityCanBeNegative}, {@code O(d_node + d_edge)}, and where that fails
     * a test of every pair of nodes (and of edges, where the edge channels fail it), at most
     * {@code 2^24} multiply-adds per pair of graphs: node-kernel features next to an
     * existence channel nearly always pass it although their channels are signed, and
     * standardized coordinates do where the existence channel outweighs their products.
     * Where the pair test would cost more, or a similarity is within rounding of zero, the
     * larger size {@code min(size(), x.order() + y.order())} is used; it is always correct.
     *
     * <p>The distance pads both graphs to {@link #size()} and minimises over all permutations
     * of that size. The similarity of a permutation depends only on the pairs of real nodes it
     * makes, and any set of {@code t} such pairs is made by some permutation of size
     * {@code max(x.order(), y.order(), x.order() + y.order() - t)}, which is at most
     * {@code min(size(), x.order() + y.order())}; so no larger size can do better. When no
     * cross similarity is negative, a real node of {@code x} and one of {@code y} that are
     * both matched to padding can be matched to each other instead without losing
     * similarity, so an optimum makes {@code min(x.order(), y.order())} real pairs and the
     * larger order is enough. With signed attributes (standardized or centred coordinates) a
     * real node may do better matched to padding than to any real node, and the smaller size
     * could miss the optimum.
     *
     * @param x a graph of this space
     * @param y a graph of this space
     * @return the permutation size, between {@code max(x.order(), y.order())} and
     *     {@code size()}
     */
    public int alignmentSize(Graph x, Graph y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int larger = Math.max(x.order(), y.order());
        if (!crossSimilarityCanBeNegative(x, y) || !someCrossSimilarityIsNegative(x, y)) {
            return larger;
        }
        return Math.max(larger, Math.min(size, x.order() + y.order()));
    }

    /**
     * Returns whether some real node of {@code x} and some real node of {@code y}, or some
     * edge of {@code x} and some edge of {@code y}, may have a negative weighted similarity:
     * the pair test behind {@link #alignmentSize}, run only where the sign test of
     * {@link #crossSimilarityCanBeNegative} fails. A similarity counts as possibly negative
     * when it is below the rounding error of its sum, so exact cancellation to zero counts
     * too; that errs only towards the larger, always correct size. Parts whose channels
     * passed the sign test are skipped, and a pair whose test would take more than
     * {@link #PAIR_TEST_BUDGET} multiply-adds answers true without running it; so does a
     * product of two non-zero values that underflows to zero, or a sum of products too small
     * for its rounding bound.
     */
    private boolean someCrossSimilarityIsNegative(Graph x, Graph y) {
        boolean nodesSigned = false;
        for (int c = 0; c < nodeDimension && nodeWeight > 0.0 && !nodesSigned; c++) {
            nodesSigned = opposite(x.nodeSigns(c), y.nodeSigns(c));
        }
        boolean edgesSigned = false;
        for (int c = 0; c < edgeDimension && edgeWeight > 0.0 && !edgesSigned; c++) {
            edgesSigned = opposite(x.edgeSigns(c), y.edgeSigns(c));
        }
        long work = 0;
        if (nodesSigned) {
            work += (long) x.order() * y.order() * nodeDimension;
        }
        if (edgesSigned) {
            work += storedEdges(x) * storedEdges(y) * edgeDimension;
        }
        if (work > PAIR_TEST_BUDGET) {
            return true;
        }
        return (nodesSigned && someNodeSimilarityIsNegative(x, y))
                || (edgesSigned && someEdgeSimilarityIsNegative(x, y));
    }

    private boolean someNodeSimilarityIsNegative(Graph x, Graph y) {
        for (int i = 0; i < x.order(); i++) {
            for (int a = 0; a < y.order(); a++) {
                ProductSum similarity = new ProductSum();
                for (int c = 0; c < nodeDimension; c++) {
                    similarity.add(x.nodeUnchecked(i, c), y.nodeUnchecked(a, c));
                }
                if (similarity.mayBeNegative(nodeDimension)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean someEdgeSimilarityIsNegative(Graph x, Graph y) {
        for (int i = 0; i < x.order(); i++) {
            for (int k = 0; k < x.outDegree(i); k++) {
                int j = x.successor(i, k);
                if (someEdgeSimilarityIsNegative(x, i, j, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean someEdgeSimilarityIsNegative(Graph x, int i, int j, Graph y) {
        for (int a = 0; a < y.order(); a++) {
            for (int l = 0; l < y.outDegree(a); l++) {
                int b = y.successor(a, l);
                ProductSum similarity = new ProductSum();
                for (int c = 0; c < edgeDimension; c++) {
                    similarity.add(x.edgeUnchecked(i, j, c), y.edgeUnchecked(a, b, c));
                }
                if (similarity.mayBeNegative(edgeDimension)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The number of ordered pairs {@code (i, j)} that carry an edge vector. */
    private static long storedEdges(Graph g) {
        return g.isDirected() ? g.edgeCount() : 2L * g.edgeCount();
    }

    /** A sum of products of the pair test, with what tells whether it may be negative. */
    private static final class ProductSum {
        private double sum;
        private double magnitude;
        private boolean lost;

        /** Adds {@code u * v}, noting when the product of two non-zero values underflows. */
        void add(double u, double v) {
            double product = u * v;
            lost |= product == 0.0 && u != 0.0 && v != 0.0;
            sum += product;
            magnitude += Math.abs(product);
        }

        /**
         * Whether the sum of {@code terms} products may be negative in exact arithmetic: a
         * product underflowed to zero, the sum is below the bound
         * {@code terms * 2^-52 * magnitude} on its rounding error, or its terms are so small
         * ({@code magnitude} below {@link #SUBNORMAL_PRODUCTS}) that subnormal products may
         * have lost their relative precision.
         */
        boolean mayBeNegative(int terms) {
            return lost || (magnitude > 0.0
                    && (magnitude < SUBNORMAL_PRODUCTS || sum < terms * 0x1p-52 * magnitude));
        }
    }

    private static boolean opposite(int signsOfX, int signsOfY) {
        return ((signsOfX & Graph.POSITIVE) != 0 && (signsOfY & Graph.NEGATIVE) != 0)
                || ((signsOfX & Graph.NEGATIVE) != 0 && (signsOfY & Graph.POSITIVE) != 0);
    }

    /**
     * Returns {@code ||X||^2} in the weighted inner product.
     *
     * @param x a graph
     * @return the squared norm
     * @throws IllegalArgumentException if it overflows to infinity (weights too large for
     *     the attributes), naming the weights
     */
    public double squaredNorm(Graph x) {
        Objects.requireNonNull(x, "x");
        return requireFinite("squared norm",
                nodeWeight * x.nodeSquaredNorm() + edgeWeight * x.edgeSquaredNorm());
    }

    /**
     * Returns the weighted node similarity {@code w_node <x_ii, y_aa>}, the gain of matching
     * node {@code i} of {@code x} with node {@code a} of {@code y}; zero if either is padding.
     *
     * @param x a graph
     * @param i a node of the padded {@code x}
     * @param y a graph
     * @param a a node of the padded {@code y}
     * @return the weighted node similarity
     */
    public double nodeSimilarity(Graph x, int i, Graph y, int a) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (i >= x.order() || a >= y.order()) {
            return 0.0;
        }
        double sum = 0.0;
        for (int c = 0; c < nodeDimension; c++) {
            sum += x.nodeUnchecked(i, c) * y.nodeUnchecked(a, c);
        }
        return nodeWeight * sum;
    }

    /**
     * Returns the weighted edge similarity {@code w_edge <x_ij, y_ab>}; zero if either pair
     * has no edge or involves padding.
     *
     * @param x a graph
     * @param i source node in {@code x}
     * @param j target node in {@code x}
     * @param y a graph
     * @param a source node in {@code y}
     * @param b target node in {@code y}
     * @return the weighted edge similarity
     */
    public double edgeSimilarity(Graph x, int i, int j, Graph y, int a, int b) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (i >= x.order() || j >= x.order() || a >= y.order() || b >= y.order()) {
            return 0.0;
        }
        double sum = 0.0;
        for (int c = 0; c < edgeDimension; c++) {
            sum += x.edgeUnchecked(i, j, c) * y.edgeUnchecked(a, b, c);
        }
        return edgeWeight * sum;
    }

    /**
     * Returns the {@code m x m} matrix of node similarities, entry {@code (i, a)} at index
     * {@code i * m + a} holding {@link #nodeSimilarity(Graph, int, Graph, int)}; rows and
     * columns of padding are zero. This is the linear term of the alignment problem.
     *
     * @param x a graph
     * @param y a graph
     * @param m the matrix order, at least the larger of the two graph orders and at most
     *     {@link #size()}
     * @return a new row-major array of length {@code m * m}
     * @throws IllegalArgumentException if a graph is not in this space or {@code m} does not
     *     fit; a {@link WeightedOverflowException} if an entry overflows (weights too large
     *     for the attributes), naming the entry and the weights
     */
    public double[] nodeSimilarityMatrix(Graph x, Graph y, int m) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        requirePair(x, y, m);
        double[] result = new double[m * m];
        for (int i = 0; i < x.order(); i++) {
            for (int a = 0; a < y.order(); a++) {
                double value = nodeSimilarity(x, i, y, a);
                if (!Double.isFinite(value)) {
                    requireFinite("node similarity of node " + i + " of x and node " + a
                            + " of y", value);
                }
                result[i * m + a] = value;
            }
        }
        return result;
    }

    /**
     * Returns the similarity {@code <X, pi . Y> = w_node sum_i <x_ii, y_pi(i)pi(i)>
     * + w_edge sum_{i != j} <x_ij, y_pi(i)pi(j)>}.
     *
     * @param x a graph of this space
     * @param y a graph of this space
     * @param p a permutation with {@code max(x.order(), y.order()) <= p.size() <= size()}
     * @return the similarity
     * @throws IllegalArgumentException if it overflows (weights too large for the
     *     attributes), naming the weights
     *     ({@link WeightedOverflowException}), or the permutation's size is below the larger
     *     order or above {@link #size()}
     */
    public double similarity(Graph x, Graph y, Permutation p) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        requirePair(x, y, p.size());
        int ny = y.order();
        double nodePart = 0.0;
        for (int i = 0; i < x.order(); i++) {
            int a = p.getUnchecked(i);
            if (a < ny) {
                for (int c = 0; c < nodeDimension; c++) {
                    nodePart += x.nodeUnchecked(i, c) * y.nodeUnchecked(a, c);
                }
            }
        }
        double edgePart = 0.0;
        for (int i = 0; i < x.order(); i++) {
            int a = p.getUnchecked(i);
            if (a >= ny) {
                continue;
            }
            for (int k = 0; k < x.outDegree(i); k++) {
                int j = x.successor(i, k);
                int b = p.getUnchecked(j);
                if (b < ny) {
                    for (int c = 0; c < edgeDimension; c++) {
                        edgePart += x.edgeUnchecked(i, j, c) * y.edgeUnchecked(a, b, c);
                    }
                }
            }
        }
        return requireFinite("similarity", nodeWeight * nodePart + edgeWeight * edgePart);
    }

    /**
     * Returns {@code ||X - pi . Y||^2}, summed term by term over the nodes and over the union
     * of the two edge sets, so that it is exactly zero when {@code pi . Y} equals {@code X}.
     *
     * @param x a graph of this space
     * @param y a graph of this space
     * @param p a permutation with {@code max(x.order(), y.order()) <= p.size() <= size()}
     * @return the squared distance under this alignment
     * @throws IllegalArgumentException if it overflows to infinity (weights too large for
     *     the attributes), naming the weights
     *     ({@link WeightedOverflowException}), or the permutation's size is below the larger
     *     order or above {@link #size()}
     */
    public double squaredDistance(Graph x, Graph y, Permutation p) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        requirePair(x, y, p.size());
        return requireFinite("squared distance", scaledSquaredDistance(x, y, p, 1.0));
    }

    /**
     * Returns the weighted sum of the squared differences of {@code X} and {@code pi . Y},
     * each difference multiplied by {@code scale} (a power of 2, so exactly) before it is
     * squared; {@code scale = 1} gives {@link #squaredDistance}.
     */
    private double scaledSquaredDistance(Graph x, Graph y, Permutation p, double scale) {
        int nx = x.order();
        int ny = y.order();
        double nodePart = 0.0;
        for (int i = 0; i < p.size(); i++) {
            int a = p.getUnchecked(i);
            for (int c = 0; c < nodeDimension; c++) {
                double xv = i < nx ? x.nodeUnchecked(i, c) : 0.0;
                double yv = a < ny ? y.nodeUnchecked(a, c) : 0.0;
                double diff = (xv - yv) * scale;
                nodePart += diff * diff;
            }
        }
        double edgePart = 0.0;
        for (int i = 0; i < nx; i++) {
            int a = p.getUnchecked(i);
            for (int k = 0; k < x.outDegree(i); k++) {
                int j = x.successor(i, k);
                int b = p.getUnchecked(j);
                boolean inY = a < ny && b < ny;
                for (int c = 0; c < edgeDimension; c++) {
                    double diff = (x.edgeUnchecked(i, j, c)
                            - (inY ? y.edgeUnchecked(a, b, c) : 0.0)) * scale;
                    edgePart += diff * diff;
                }
            }
        }
        int[] inverse = p.inverse().toArray();
        for (int a = 0; a < ny; a++) {
            int i = inverse[a];
            for (int k = 0; k < y.outDegree(a); k++) {
                int j = inverse[y.successor(a, k)];
                if (i < nx && j < nx && x.hasEdge(i, j)) {
                    continue;
                }
                for (int c = 0; c < edgeDimension; c++) {
                    double yv = y.edgeUnchecked(a, y.successor(a, k), c) * scale;
                    edgePart += yv * yv;
                }
            }
        }
        return nodeWeight * nodePart + edgeWeight * edgePart;
    }

    /**
     * Returns whether {@code pi . Y} equals {@code X} in every entry the inner product weighs:
     * the node attributes if the node weight is positive, the edge attributes if the edge
     * weight is positive, padding taken as zero. Entries are compared exactly ({@code ==}, so
     * {@code 0.0} equals {@code -0.0}); the distance is then exactly 0 and {@code pi} is a
     * global optimum. Unlike {@code squaredDistance(x, y, p) == 0}, this is not fooled by
     * differences whose squares underflow to 0.
     *
     * @param x a graph of this space
     * @param y a graph of this space
     * @param p a permutation with {@code max(x.order(), y.order()) <= p.size() <= size()}
     * @return whether {@code ||X - pi . Y|| = 0} exactly
     * @throws IllegalArgumentException if a graph is not in this space or the permutation's
     *     size does not fit
     */
    public boolean coincides(Graph x, Graph y, Permutation p) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        requirePair(x, y, p.size());
        return largestDifference(x, y, p) == 0.0;
    }

    /**
     * Returns the largest magnitude of a difference between an entry of {@code X} and the
     * entry of {@code pi . Y} it is compared with, over the entries the inner product weighs
     * (as in {@link #coincides}), padding taken as zero. Two distinct finite doubles never
     * differ by exactly 0 (subnormal numbers fill the gap), so the result is 0 exactly when
     * the graphs coincide under {@code pi}.
     */
    private double largestDifference(Graph x, Graph y, Permutation p) {
        int nx = x.order();
        int ny = y.order();
        double largest = 0.0;
        if (nodeWeight > 0.0) {
            for (int i = 0; i < p.size(); i++) {
                int a = p.getUnchecked(i);
                for (int c = 0; c < nodeDimension; c++) {
                    double xv = i < nx ? x.nodeUnchecked(i, c) : 0.0;
                    double yv = a < ny ? y.nodeUnchecked(a, c) : 0.0;
                    largest = Math.max(largest, Math.abs(xv - yv));
                }
            }
        }
        if (edgeWeight > 0.0 && edgeDimension > 0) {
            for (int i = 0; i < nx; i++) {
                int a = p.getUnchecked(i);
                for (int k = 0; k < x.outDegree(i); k++) {
                    int j = x.successor(i, k);
                    int b = p.getUnchecked(j);
                    boolean inY = a < ny && b < ny;
                    for (int c = 0; c < edgeDimension; c++) {
                        double yv = inY ? y.edgeUnchecked(a, b, c) : 0.0;
                        largest = Math.max(largest, Math.abs(x.edgeUnchecked(i, j, c) - yv));
                    }
                }
            }
            int[] inverse = p.inverse().toArray();
            for (int a = 0; a < ny; a++) {
                int i = inverse[a];
                for (int k = 0; k < y.outDegree(a); k++) {
                    int b = y.successor(a, k);
                    int j = inverse[b];
                    boolean inX = i < nx && j < nx;
                    for (int c = 0; c < edgeDimension; c++) {
                        double xv = inX ? x.edgeUnchecked(i, j, c) : 0.0;
                        largest = Math.max(largest, Math.abs(y.edgeUnchecked(a, b, c) - xv));
                    }
                }
            }
        }
        return largest;
    }

    /**
     * Returns {@code ||X||^2 + ||Y||^2 - 2 s}, clipped at zero; the squared distance of an
     * alignment whose similarity is {@code s}.
     *
     * @param x a graph
     * @param y a graph
     * @param similarity {@code <X, pi . Y>} for some alignment {@code pi}
     * @return the squared distance
     */
    public double squaredDistanceFromSimilarity(Graph x, Graph y, double similarity) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        return Math.max(0.0, squaredNorm(x) + squaredNorm(y) - 2.0 * similarity);
    }

    /**
     * Returns {@code ||X - pi . Y||}.
     *
     * @param x a graph of this space
     * @param y a graph of this space
     * @param p a permutation with {@code max(x.order(), y.order()) <= p.size() <= size()}
     * @return the distance under this alignment; when the squared distance is below
     *     {@link #UNDERFLOW_RISK}, computed again from the differences scaled by a power of 2
     *     that brings the largest of them near 1, so that it is accurate (and positive unless
     *     the graphs {@linkplain #coincides coincide}) even where {@link #squaredDistance}
     *     underflows to 0
     * @throws IllegalArgumentException if the squared distance overflows, naming the weights
     */
    public double distance(Graph x, Graph y, Permutation p) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        double squared = squaredDistance(x, y, p);
        if (squared >= UNDERFLOW_RISK) {
            return Math.sqrt(squared);
        }
        double largest = largestDifference(x, y, p);
        if (largest == 0.0) {
            return 0.0;
        }
        double scale = Math.scalb(1.0, -Math.getExponent(largest));
        return Math.sqrt(scaledSquaredDistance(x, y, p, scale)) / scale;
    }


    /**
     * Returns the point {@code W + t (pi . Y - W)} of the straight segment from {@code W}
     * towards the aligned {@code Y} in the total space; {@code t = 1} gives {@code pi . Y}. The
     * result has order {@code p.size()} and is directed if either input is.
     *
     * @param w the starting graph, of order at most {@code p.size()}
     * @param y the graph moved towards
     * @param p the alignment of {@code y} to {@code w}, of size at most {@link #size()}
     * @param t the step, any finite number
     * @return the new graph
     * @throws IllegalArgumentException if {@code p} is larger than this space
     */
    public Graph moveToward(Graph w, Graph y, Permutation p, double t) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        requireAlignmentSize(p.size());
        GraphAccumulator sum = new GraphAccumulator(this, p.size());
        sum.add(w, Permutation.identity(p.size()), 1.0 - t);
        sum.add(y, p, t);
        return sum.sum();
    }

    /**
     * Returns whether {@code other} is a space of the same size, dimensions and weights.
     *
     * @param other any object
     * @return whether the two spaces are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof GraphSpace g && size == g.size
                && nodeDimension == g.nodeDimension && edgeDimension == g.edgeDimension
                && Double.compare(nodeWeight, g.nodeWeight) == 0
                && Double.compare(edgeWeight, g.edgeWeight) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, nodeDimension, edgeDimension, nodeWeight, edgeWeight);
    }

    @Override
    public String toString() {
        return "GraphSpace[size=" + size + ", nodeDimension=" + nodeDimension
                + ", edgeDimension=" + edgeDimension + ", nodeWeight=" + nodeWeight
                + ", edgeWeight=" + edgeWeight + "]";
    }

    private void requirePair(Graph x, Graph y, int m) {
        requireMember(x);
        requireMember(y);
        if (m < x.order() || m < y.order()) {
            throw new IllegalArgumentException("alignment of size " + m
                    + " cannot cover graphs of orders " + x.order() + " and " + y.order());
        }
        requireAlignmentSize(m);
    }

    /**
     * Checks that an alignment (a permutation or a matrix order) of size {@code m} fits this
     * space: a permutation relabels the nodes of graphs padded to at most {@link #size()}
     * nodes, so a larger one would add nodes no graph of the space has.
     *
     * @param m the size of a permutation or the order of a matrix
     * @return {@code m}
     * @throws IllegalArgumentException if {@code m} is negative or above {@link #size()},
     *     naming both
     */
    public int requireAlignmentSize(int m) {
        if (m < 0 || m > size) {
            throw new IllegalArgumentException("alignment of size " + m + " does not fit a"
                    + " space of size " + size + ": a permutation relabels graphs padded to at"
                    + " most " + size + " nodes; use a permutation of size at most " + size
                    + ", or a space large enough (withSize(" + m + "))");
        }
        return m;
    }

    /**
     * Returns {@code value}, or fails when the weighted sum it came from overflowed: finite
     * attributes and weights can still give an infinite (or, times a zero weight, NaN) sum.
     */
    private double requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            String weights = " with node weight " + nodeWeight + " and edge weight "
                    + edgeWeight;
            throw new WeightedOverflowException("the " + what + " is " + value + weights
                    + ": the weighted sum overflows", weights);
        }
        return value;
    }

    private static void requireWeight(String what, double weight) {
        if (!Double.isFinite(weight) || weight < 0.0) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + weight);
        }
    }
}
