package org.orbifold.stats;

import java.util.Arrays;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Graphs of one order in a graph space written as flat coordinate vectors and read back:
 * the node attributes first ({@code order * nodeDimension} values, node by node), then the
 * edge attributes of every ordered pair ({@code order * order * edgeDimension} values, the
 * layout of {@link Graph#fromArrays}). Coordinate-wise linear algebra (least squares per
 * coordinate) works on these vectors; the space's weights are not applied, since a
 * per-coordinate fit does not depend on positive per-coordinate weights.
 *
 * <p>Immutable and thread-safe.
 */
final class GraphCoordinates {

    private final GraphSpace space;
    private final int order;
    private final boolean directed;
    private final int nodeLength;

    /**
     * Configures the coordinates of graphs of one order.
     *
     * @param space the space, which fixes the attribute dimensions
     * @param order the order of every graph written or read
     * @param directed whether graphs read back are directed (an undirected graph needs a
     *     symmetric edge block)
     */
    GraphCoordinates(GraphSpace space, int order, boolean directed) {
        this.space = space;
        this.order = order;
        this.directed = directed;
        this.nodeLength = order * space.nodeDimension();
    }

    /** Returns the number of coordinates of a graph. */
    int dimension() {
        return nodeLength + order * order * space.edgeDimension();
    }

    /**
     * Returns the coordinates of {@code p . y}, padded to the order.
     *
     * @param y a graph of the space, of order at most the order
     * @param p a permutation of the order
     * @return a new vector of {@link #dimension()} values
     */
    double[] of(Graph y, Permutation p) {
        Graph aligned = y.permute(p);
        double[] v = Arrays.copyOf(aligned.nodeArray(), dimension());
        double[] edges = aligned.edgeArray();
        System.arraycopy(edges, 0, v, nodeLength, edges.length);
        return v;
    }

    /**
     * Returns the graph with the given coordinates.
     *
     * @param v {@link #dimension()} finite values; not retained
     * @return the graph, of the order and direction configured
     * @throws IllegalArgumentException if a value is not finite, a diagonal edge entry is not
     *     zero, or an undirected graph's edge block is not symmetric
     */
    Graph graph(double[] v) {
        return Graph.fromArrays(order, space.nodeDimension(), space.edgeDimension(), directed,
                Arrays.copyOfRange(v, 0, nodeLength), Arrays.copyOfRange(v, nodeLength,
                        v.length));
    }
}
