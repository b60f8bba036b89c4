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
 * <p><b>What {@link #certified()} guarantees, and what it does not.</b> It is the alignment's
 * flag: the permutation {@code pi*} is proven optimal, so {@code value} is the similarity
 * {@code k} or the squared distance {@code d^2} itself (to rounding), not a bound, and
 * {@code gradient} is the gradient of the smooth function of that one optimal alignment
 * ({@code <X, pi* . Y>} or {@code ||X - pi* . Y||^2}), hence an element of the Clarke
 * generalized gradient of {@code k} or {@code d^2}. It does not say that the optimal aligned
 * graph {@code pi* . Y} is unique, and nothing in this record does. Where several optimal
 * alignments give different aligned graphs (a tie), the function has a kink and no
 * derivative, and {@code gradient} is one element of the generalized gradient, the one of the
 * alignment the aligner happened to return, not a derivative: the one-sided directional
 * derivatives along {@code H} can differ from {@code <G, H>} and from each other. For
 * example, with one node channel and no edges, {@code X} with nodes {@code (1.5, 1.5)} and
 * {@code Y} with nodes {@code (1, 2)}: both alignments are optimal, {@code d^2 = 0.5}, the
 * result is certified and its node gradient is {@code [1, -1]} (or {@code [-1, 1]}), while
 * {@code d^2} has slope {@code -1} when {@code x_0} grows and {@code +1} as a derivative from
 * the left. The gradient is the derivative wherever the optimal aligned graph is unique,
 * which this record cannot tell; for graphs without edges {@link AssignmentValue#unique()} on
 * the node similarity matrix decides it. When {@code certified()} is false, the value is a
 * bound and the gradient that of the surrogate at the returned permutation (see
 * {@link GraphGradients}).
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
     * @throws NullPointerException if {@code gradient}, {@code alignment} or {@code space} is
     *     null
     */
    public GraphGradient {
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(space, "space");
    }

    /**
     * Returns whether the alignment is proven optimal, so that the value is exact and the
     * gradient an element of the generalized gradient; at a tie between optimal alignments
     * with different aligned graphs it is still {@code true}, and the gradient is then not a
     * derivative (see the class description).
     *
     * @return the alignment's {@link Alignment#certified()}
     */
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
