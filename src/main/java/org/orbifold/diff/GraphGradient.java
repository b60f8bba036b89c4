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
 * graph {@code pi* . Y} is unique; {@link #uniqueness()} does. Where several optimal
 * alignments give different aligned graphs (a tie), the function has a kink and no
 * derivative, and {@code gradient} is one element of the generalized gradient, the one of the
 * alignment the aligner happened to return, not a derivative: the one-sided directional
 * derivatives along {@code H} can differ from {@code <G, H>} and from each other. For
 * example, with one node channel and no edges, {@code X} with nodes {@code (1.5, 1.5)} and
 * {@code Y} with nodes {@code (1, 2)}: both alignments are optimal, {@code d^2 = 0.5}, the
 * result is certified and {@link Uniqueness#TIED}, and its node gradient is {@code [1, -1]}
 * (or {@code [-1, 1]}), while {@code d^2} has slope {@code -1} when {@code x_0} grows and
 * {@code +1} as a derivative from the left. When {@code certified()} is false, the value is a
 * bound and the gradient that of the surrogate at the returned permutation (see
 * {@link GraphGradients}), and the uniqueness is {@link Uniqueness#UNKNOWN}.
 *
 * <p><b>What {@link #uniqueness()} says.</b> The gradient with respect to {@code X} is
 * {@code pi* . Y} (similarity) or {@code 2 (X - pi* . Y)} (squared distance), and the
 * function, a maximum of finitely many linear functions of {@code X}, is differentiable at
 * {@code X} exactly when every optimal alignment gives the same aligned graph there. So
 * {@link Uniqueness#UNIQUE} means: the alignment is certified, and every permutation whose
 * similarity lies within the tie band of the optimum gives the same aligned graph on the
 * argument's own nodes and edges; the gradient's entries at those positions are then the
 * derivative. Optimal permutations that differ only in how they match identical nodes, or
 * by an automorphism of {@code Y}, give the same aligned graph and are not a tie.
 * {@link Uniqueness#TIED} means: a permutation within the band gives another aligned graph,
 * so (unless the gap to the optimum is a real one smaller than the band) the function has a
 * kink and the gradient is one element of the generalized gradient.
 * {@link Uniqueness#UNKNOWN} means: not decided (a heuristic alignment, a search over its
 * budget, or no search asked for). For {@link Argument#SECOND} the same holds with the
 * roles of {@code X} and {@code Y} exchanged ({@code pi*^-1 . X} on the nodes of
 * {@code Y}). The tie band is {@code 1e-9 ||X|| ||Y||} (in the space's norm) for the values
 * of permutations; without an edge term it is {@code AssignmentValue}'s band on the node
 * assignment problem. How it is decided, and at what cost, is described at
 * {@link GraphGradients}.
 *
 * <p><b>Limitations.</b> With edges the decision is a search with a node budget, which
 * covers random graphs up to order about 12 ({@link GraphGradients}); larger or highly
 * symmetric pairs often get {@link Uniqueness#UNKNOWN}. The uniqueness speaks of the
 * derivative with respect to the argument's own coordinates: entries of the gradient at
 * padding positions (beyond the argument's order) can differ between optimal alignments even
 * when it is {@link Uniqueness#UNIQUE}. The band is relative to {@code ||X|| ||Y||}, so when the
 * attributes share an offset much larger than their spread (nodes near {@code 1e9} that
 * differ by units, say) permutations that are not optimal can fall within it and a unique
 * optimum is reported {@link Uniqueness#TIED}; a tie is never reported
 * {@link Uniqueness#UNIQUE} because of the band. The band is at least
 * {@link Double#MIN_NORMAL}, so where the similarities underflow (attributes near
 * {@code 1e-160}) every permutation is within it and the answer is
 * {@link Uniqueness#TIED}. Aligned graphs are compared entry by entry as doubles; their
 * entries are those of the graphs, not computed, so two nodes that differ by one unit in the
 * last place are different nodes, and a tie between them is a kink, if a small one.
 *
 * @param value the function value at the alignment
 * @param gradient the gradient graph, of order {@code alignment.permutation().size()}
 * @param alignment the alignment the gradient was evaluated at; its {@code certified} flag
 *     says whether {@code value} is the exact optimum or an upper (distance) or lower
 *     (similarity) bound
 * @param space the graph space of the inner product
 * @param uniqueness whether the optimal aligned graph seen by the argument differentiated is
 *     unique, so that the gradient is a derivative; {@link Uniqueness#UNKNOWN} when not
 *     decided
 */
public record GraphGradient(double value, Graph gradient, Alignment alignment,
        GraphSpace space, Uniqueness uniqueness) {

    /**
     * Whether the optimal aligned graph, and with it the gradient, is unique: the
     * three-valued tie flag of a graph gradient.
     */
    public enum Uniqueness {

        /**
         * Proven: every alignment within the tie band of the optimum gives the same aligned
         * graph on the argument's nodes and edges, so the gradient there is the derivative.
         */
        UNIQUE,

        /**
         * Found: an alignment within the tie band of the optimum gives another aligned graph,
         * so the function has a kink (up to the band) and the gradient is one element of the
         * generalized gradient, not a derivative.
         */
        TIED,

        /**
         * Not decided: the alignment is not certified, the search ran out of its budget or
         * was not asked for.
         */
        UNKNOWN
    }

    /**
     * Validates the components.
     *
     * @param value the value
     * @param gradient the gradient graph
     * @param alignment the alignment
     * @param space the space
     * @param uniqueness the tie flag; it must be {@link Uniqueness#UNKNOWN} when the
     *     alignment is not certified
     * @throws NullPointerException if {@code gradient}, {@code alignment}, {@code space} or
     *     {@code uniqueness} is null
     * @throws IllegalArgumentException if the alignment is not certified and
     *     {@code uniqueness} is not {@link Uniqueness#UNKNOWN}
     */
    public GraphGradient {
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(uniqueness, "uniqueness");
        if (!alignment.certified() && uniqueness != Uniqueness.UNKNOWN) {
            throw new IllegalArgumentException("an uncertified alignment's gradient has"
                    + " uniqueness UNKNOWN, got " + uniqueness);
        }
    }

    /**
     * Creates a result whose uniqueness is not decided ({@link Uniqueness#UNKNOWN}).
     *
     * @param value the value
     * @param gradient the gradient graph
     * @param alignment the alignment
     * @param space the space
     * @throws NullPointerException if {@code gradient}, {@code alignment} or {@code space} is
     *     null
     */
    public GraphGradient(double value, Graph gradient, Alignment alignment, GraphSpace space) {
        this(value, gradient, alignment, space, Uniqueness.UNKNOWN);
    }

    /**
     * Returns whether the alignment is proven optimal, so that the value is exact and the
     * gradient an element of the generalized gradient; at a tie between optimal alignments
     * with different aligned graphs it is still {@code true}, and the gradient is then not a
     * derivative (see the class description and {@link #uniqueness()}).
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
