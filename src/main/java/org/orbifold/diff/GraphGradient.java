package org.orbifold.diff;

import java.util.Objects;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The value of a graph function and one element of its generalized gradient with respect to
 * one argument, see {@link GraphGradients}.
 *
 * <p>{@link #gradient()} is the gradient in the space's own weighted inner product (its Riesz
 * representative): the graph {@code G} with {@code f(X + H) = f(X) + <G, H> + o(||H||)}, where
 * {@code <., .>} weights node attributes by {@code w_node} and edge attributes by
 * {@code w_edge}. A step {@code X - eta G} is a gradient step in the graph space. The partial
 * derivatives with respect to the plain coordinates of {@link Graph#nodeArray()} and
 * {@link Graph#edgeArray()} are those entries multiplied by the weights:
 * {@link #nodeCoordinateGradient()} and {@link #edgeCoordinateGradient()}.
 *
 * @param value the function value at the alignment
 * @param gradient the gradient graph, of order {@code alignment.permutation().size()}
 * @param alignment the alignment the gradient was evaluated at; its {@code certified} flag
 *     says whether {@code value} is the exact optimum or an upper (distance) or lower
 *     (similarity) bound
 * @param space the graph space of the inner product
 */
public record GraphGradient(double value, Graph gradient, Alignment alignment,
        GraphSpace space) {

    /**
     * Validates the components.
     *
     * @param value the value
     * @param gradient the gradient graph
     * @param alignment the alignment
     * @param space the space
     */
    public GraphGradient {
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(space, "space");
    }

    /** Returns whether the alignment is proven optimal, so that the value is exact. */
    public boolean certified() {
        return alignment.certified();
    }

    /**
     * Returns the partial derivatives with respect to the node coordinates, in the layout of
     * {@link Graph#nodeArray()} of a graph of the gradient's order: the gradient's node
     * attributes times {@code w_node}.
     *
     * @return a new array
     */
    public double[] nodeCoordinateGradient() {
        return scaled(gradient.nodeArray(), space.nodeWeight());
    }

    /**
     * Returns the partial derivatives with respect to the edge coordinates, in the layout of
     * {@link Graph#edgeArray()} of a graph of the gradient's order: the gradient's edge
     * attributes times {@code w_edge}. For an undirected graph, whose pair {@code (i, j)} and
     * {@code (j, i)} are one coordinate, the derivative with respect to that coordinate is the
     * sum of the two entries.
     *
     * @return a new array
     */
    public double[] edgeCoordinateGradient() {
        return scaled(gradient.edgeArray(), space.edgeWeight());
    }

    private static double[] scaled(double[] values, double factor) {
        for (int k = 0; k < values.length; k++) {
            values[k] *= factor;
        }
        return values;
    }
}
