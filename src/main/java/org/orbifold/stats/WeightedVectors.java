package org.orbifold.stats;

import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Graphs of one order as coordinate vectors whose plain Euclidean inner product is the
 * weighted inner product of the graph space, so that linear-algebra methods (principal
 * components, least squares) can run on the vectors and their results come back as graphs.
 *
 * <p>Layout: first the node attributes, node {@code i} channel {@code c} at
 * {@code i * nodeDimension + c}, scaled by {@code sqrt(w_node)}; then the edge attributes.
 * For undirected graphs each unordered pair {@code i < j} appears once, in row-major order,
 * scaled by {@code sqrt(2 w_edge)} because the space's inner product sums over ordered pairs
 * and so counts an undirected edge twice; for directed graphs every ordered pair
 * {@code i != j} appears, scaled by {@code sqrt(w_edge)}. Positions beyond a graph's order
 * (padding) are zero. Hence {@code <encode(X), encode(Y)> = <X, Y>} for graphs of the space.
 *
 * <p>{@link #decode} inverts the scaling. Coordinates of a part whose weight is 0 carry no
 * information in the inner product and decode to 0.
 *
 * <p>Public so that learners outside this package can feed aligned graphs to vector methods
 * (the template MLP of {@code org.orbifold.learn}); {@link GeodesicPca} uses it here, and
 * {@link GraphRegression} with the space's weights set to 1 (its least squares do not depend
 * on positive weights, and a part of weight 0 must still be fitted).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WeightedVectors {

    private final GraphSpace space;
    private final int order;
    private final boolean directed;
    private final int nodeLength;
    private final int length;
    private final double nodeScale;
    private final double edgeScale;

    /**
     * Configures the layout.
     *
     * @param space the graph space, which gives the dimensions and the weights
     * @param order the order of the graphs encoded (shorter graphs are padded)
     * @param directed whether edges {@code (i, j)} and {@code (j, i)} are separate
     *     coordinates; must be true if any graph encoded is directed
     * @throws IllegalArgumentException if the vector would be longer than an array can be
     */
    public WeightedVectors(GraphSpace space, int order, boolean directed) {
        Objects.requireNonNull(space, "space");
        this.space = space;
        this.order = order;
        this.directed = directed;
        long pairs = directed ? (long) order * (order - 1) : (long) order * (order - 1) / 2;
        long nodes = (long) order * space.nodeDimension();
        long total = nodes + pairs * space.edgeDimension();
        if (total > Graph.MAX_ENTRIES) {
            throw new IllegalArgumentException("graphs of order " + order + " with "
                    + space.nodeDimension() + " node and " + space.edgeDimension()
                    + " edge channels need vectors of " + total + " coordinates, too many");
        }
        this.nodeLength = (int) nodes;
        this.length = (int) total;
        this.nodeScale = Math.sqrt(space.nodeWeight());
        this.edgeScale = Math.sqrt(directed ? space.edgeWeight() : 2.0 * space.edgeWeight());
    }

    /**
     * Returns the number of coordinates of a vector.
     *
     * @return the number of coordinates of a vector
     */
    public int length() {
        return length;
    }

    /**
     * Returns the order of the graphs encoded; shorter graphs are padded.
     *
     * @return the order of the graphs encoded; shorter graphs are padded
     */
    public int order() {
        return order;
    }

    /**
     * Returns whether edges in both directions are separate coordinates.
     *
     * @return whether edges in both directions are separate coordinates
     */
    public boolean directed() {
        return directed;
    }

    /**
     * Returns the weighted coordinates of a graph.
     *
     * @param g a graph of the space of order at most {@link #order}; undirected unless the
     *     layout is directed
     * @return a new vector of {@link #length()} coordinates
     * @throws IllegalArgumentException if the graph is too large or directed when the layout
     *     is not
     */
    public double[] encode(Graph g) {
        Objects.requireNonNull(g, "g");
        space.requireMember(g);
        if (g.order() > order) {
            throw new IllegalArgumentException("graph of order " + g.order()
                    + " does not fit vectors of graphs of order " + order);
        }
        if (g.isDirected() && !directed) {
            throw new IllegalArgumentException("a directed graph needs a directed layout");
        }
        int dv = space.nodeDimension();
        int de = space.edgeDimension();
        double[] v = new double[length];
        for (int i = 0; i < g.order(); i++) {
            for (int c = 0; c < dv; c++) {
                v[i * dv + c] = nodeScale * g.node(i, c);
            }
        }
        for (int i = 0; i < g.order(); i++) {
            for (int k = 0; k < g.outDegree(i); k++) {
                int j = g.successor(i, k);
                if (!directed && j < i) {
                    continue;
                }
                int offset = edgeOffset(i, j);
                for (int c = 0; c < de; c++) {
                    v[offset + c] = edgeScale * g.edge(i, j, c);
                }
            }
        }
        return v;
    }

    /**
     * Returns the graph of order {@link #order} whose weighted coordinates are {@code v};
     * coordinates of a part with weight 0 give attributes 0.
     *
     * @param v a vector of {@link #length()} finite coordinates
     * @return the graph, directed if the layout is
     * @throws IllegalArgumentException if the vector has the wrong length
     */
    public Graph decode(double[] v) {
        Objects.requireNonNull(v, "v");
        if (v.length != length) {
            throw new IllegalArgumentException("vector has " + v.length + " coordinates, expected "
                    + length);
        }
        int dv = space.nodeDimension();
        int de = space.edgeDimension();
        double[] nodes = new double[order * dv];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = nodeScale > 0.0 ? v[k] / nodeScale : 0.0;
        }
        double[] edges = new double[order * order * de];
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (j == i) {
                    continue;
                }
                int offset = edgeOffset(i, j);
                for (int c = 0; c < de; c++) {
                    double value = edgeScale > 0.0 ? v[offset + c] / edgeScale : 0.0;
                    edges[(i * order + j) * de + c] = value;
                    if (!directed) {
                        edges[(j * order + i) * de + c] = value;
                    }
                }
            }
        }
        return Graph.fromArrays(order, dv, de, directed, nodes, edges);
    }

    /** Returns the first coordinate of the edge {@code (i, j)}, {@code i < j} if undirected. */
    private int edgeOffset(int i, int j) {
        int de = space.edgeDimension();
        if (directed) {
            // Row i holds the order - 1 pairs (i, j), j != i, in increasing j.
            return nodeLength + (i * (order - 1) + (j < i ? j : j - 1)) * de;
        }
        // Rows 0..i-1 hold order-1, order-2, ..., order-i pairs before row i starts.
        int before = i * (2 * order - i - 1) / 2;
        return nodeLength + (before + (j - i - 1)) * de;
    }
}
