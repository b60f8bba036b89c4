package org.orbifold.diff;

import java.util.Objects;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Generalized gradients of the graph similarity and of the squared graph distance with
 * respect to either argument, evaluated at an optimal (or best known) alignment.
 *
 * <p><b>Definitions.</b> For graphs {@code X}, {@code Y} of a {@link GraphSpace}, the
 * similarity is {@code k(X, Y) = max over pi of <X, pi . Y>} and the squared distance
 * {@code d^2(X, Y) = min over pi of ||X - pi . Y||^2 = ||X||^2 + ||Y||^2 - 2 k(X, Y)}. Let
 * {@code pi*} be a maximising alignment. Then, by Danskin's theorem for the maximum of finitely
 * many linear functions (Danskin 1967) and Clarke's calculus (Clarke 1983):
 * <ul>
 *   <li>{@code pi* . Y} is a subgradient of the convex function {@code k(., Y)} at {@code X},
 *       and {@code pi*^-1 . X} one of {@code k(X, .)} at {@code Y};</li>
 *   <li>{@code 2 (X - pi* . Y)} is a Clarke generalized gradient of {@code d^2(., Y)} at
 *       {@code X}, and {@code 2 (Y - pi*^-1 . X)} one of {@code d^2(X, .)} at {@code Y};</li>
 *   <li>each is the ordinary gradient wherever the optimal aligned graph {@code pi* . Y} is
 *       unique (different optimal permutations that give the same aligned graph, such as ones
 *       permuting padding nodes, do not matter).</li>
 * </ul>
 * A gradient step {@code X <- X - (1/2) * 2 (X - pi* . Y)} lands on {@code pi* . Y}; averaged
 * over a sample it is the align-and-average step of the Fréchet mean.
 *
 * <p><b>Orders and padding.</b> The gradient is a graph of order {@code m}, the size of the
 * alignment (at least the larger order). Entries at positions beyond the order of the argument
 * are the derivatives with respect to its padding coordinates, which are zero in the graph;
 * discard them to differentiate with respect to the graph's own coordinates only.
 *
 * <p><b>Inner product.</b> The returned graph is the gradient in the space's weighted inner
 * product; see {@link GraphGradient} for the coordinate partial derivatives.
 *
 * <p><b>Heuristic alignments.</b> For graphs with edges the alignment problem is NP-hard and
 * aligners such as FAQ return a permutation {@code pi} that may not be optimal
 * ({@code certified == false}). The returned value and gradient are then those of the surrogate
 * {@code ||X - pi . Y||^2} (an upper bound of {@code d^2} that touches it at {@code X} if
 * {@code pi} happens to be optimal) or {@code <X, pi . Y>} (a lower bound of {@code k}), at the
 * returned {@code pi}. Descent on the surrogate still decreases {@code d^2}'s upper bound.
 *
 * <p><b>Ties.</b> Every method also decides {@link GraphGradient#uniqueness()}, whether the
 * optimal aligned graph seen by the argument is unique, so that the gradient is a derivative
 * (see {@link GraphGradient} for the meaning and the tie band). An uncertified alignment is
 * {@link GraphGradient.Uniqueness#UNKNOWN} at no cost. For a certified one, write {@code m}
 * for the alignment's size:
 * <ul>
 *   <li>without an edge term in the aligned graph (no edge channel, {@code w_edge = 0}, or
 *       no edges in the graph aligned to the argument: {@code Y} for {@link Argument#FIRST},
 *       {@code X} for {@link Argument#SECOND}), the value is that of the node assignment
 *       problem, and the answer, {@code UNIQUE} or {@code TIED}, comes from its equality
 *       subgraph: one more {@code O(m^3)} linear assignment and an {@code O(m^2)} search for
 *       cycles that change the aligned graph;</li>
 *   <li>otherwise a branch and bound over the permutations searches for one within the band
 *       whose aligned graph differs, with a Gilmore-Lawler-like bound, trying one node of
 *       each class of interchangeable nodes (twins) of the aligned graph; each search node
 *       costs {@code O(m^3 d_e)}. It answers {@code TIED} when it finds one, {@code UNIQUE}
 *       when it finishes without, and {@code UNKNOWN} when it reaches its node budget
 *       ({@link #DEFAULT_TIE_SEARCH_NODES} unless given) or {@code m} exceeds 32.</li>
 * </ul>
 * The overloads with a {@code tieSearchNodes} argument set the budget; 0 skips the decision
 * ({@code UNKNOWN}, no extra work), which is what callers that need only the value and the
 * gradient many times (the max-linear units of {@code org.orbifold.learn}) pass.
 *
 * <p>Stateless and thread-safe if the aligner is.
 *
 * <p><b>Limitations.</b> The branch and bound is exponential in the worst case: highly
 * symmetric pairs whose symmetries are not transpositions of twins (a cycle against a
 * cycle, say) make it visit every optimal alignment, and a budget of
 * {@link #DEFAULT_TIE_SEARCH_NODES} covers small graphs only (orders up to about 12 on
 * random graphs with edges), beyond which the answer is often {@code UNKNOWN}. Alignments of size
 * above 32 with an edge term are not searched.
 */
public final class GraphGradients {

    /**
     * Relative tolerance within which a given alignment's numbers count as those its
     * permutation attains.
     */
    private static final double AGREEMENT = 1e-9;

    /**
     * The default budget of the tie search, in search nodes: {@value}. In the measurements
     * of docs/gradients.md on random graphs with edges it decided every search up to order 12
     * (54 ms on average at order 12, under load) on one draw, and all but 2 of 20 and 12 of 60
     * on a tester's draws with uniform attributes; most searches at order 14 run into it
     * (about a quarter of a second).
     */
    public static final long DEFAULT_TIE_SEARCH_NODES = 10_000L;

    private GraphGradients() {
    }

    /**
     * Aligns {@code y} to {@code x} and returns {@code d^2(X, Y)} with its generalized gradient
     * with respect to the chosen argument.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param aligner the aligner that computes {@code pi*}
     * @param argument {@link Argument#FIRST} for {@code 2 (X - pi* . Y)},
     *     {@link Argument#SECOND} for {@code 2 (Y - pi*^-1 . X)}
     * @return the squared distance of the alignment and the gradient
     * @throws NullPointerException if an argument is null (the message names it), or the
     *     aligner returns null
     * @throws IllegalArgumentException if a graph does not belong to the space
     */
    public static GraphGradient squaredDistance(GraphSpace space, Graph x, Graph y,
            Aligner aligner, Argument argument) {
        return squaredDistance(space, x, y, aligner, argument, DEFAULT_TIE_SEARCH_NODES);
    }

    /**
     * Aligns {@code y} to {@code x} and returns {@code d^2(X, Y)} with its generalized gradient
     * with respect to the chosen argument, deciding the uniqueness within a given budget.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param aligner the aligner that computes {@code pi*}
     * @param argument which argument to differentiate
     * @param tieSearchNodes the budget of the tie search in search nodes, {@code >= 0}; 0
     *     skips the decision ({@link GraphGradient.Uniqueness#UNKNOWN})
     * @return the squared distance of the alignment, the gradient and its uniqueness
     * @throws NullPointerException if an argument is null (the message names it), or the
     *     aligner returns null
     * @throws IllegalArgumentException if a graph does not belong to the space or
     *     {@code tieSearchNodes} is negative
     */
    public static GraphGradient squaredDistance(GraphSpace space, Graph x, Graph y,
            Aligner aligner, Argument argument, long tieSearchNodes) {
        requireBudget(tieSearchNodes);
        Alignment alignment = align(space, x, y, aligner, argument);
        return squaredDistanceAt(space, x, y, alignment, argument, tieSearchNodes);
    }

    /**
     * Returns {@code ||X - pi . Y||^2} at a given alignment, with the gradient of that smooth
     * function of the chosen argument; it is a generalized gradient of {@code d^2} when the
     * alignment is optimal.
     *
     * <p>Only the alignment's permutation is used: the value is computed from it, and the
     * result's {@link GraphGradient#alignment() alignment} agrees with the value. It is the
     * given alignment when that one's similarity and distance are those its permutation
     * attains on {@code x} and {@code y} (to rounding), as for an aligner's result, so that
     * its certificate stands; otherwise (an alignment made by hand, or one of another pair)
     * it is the permutation evaluated afresh by {@link Alignment#of}, certified only if it
     * attains distance 0, since a certificate about other numbers says nothing about these.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param alignment an alignment of {@code y} to {@code x}
     * @param argument which argument to differentiate
     * @return the squared distance of the alignment and the gradient
     * @throws NullPointerException if an argument is null (the message names it)
     * @throws IllegalArgumentException if a graph does not belong to the space or the
     *     alignment is too small for the graphs
     */
    public static GraphGradient squaredDistance(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument) {
        return squaredDistance(space, x, y, alignment, argument, DEFAULT_TIE_SEARCH_NODES);
    }

    /**
     * Returns {@code ||X - pi . Y||^2} at a given alignment with its gradient, as
     * {@link #squaredDistance(GraphSpace, Graph, Graph, Alignment, Argument)}, deciding the
     * uniqueness within a given budget.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param alignment an alignment of {@code y} to {@code x}
     * @param argument which argument to differentiate
     * @param tieSearchNodes the budget of the tie search in search nodes, {@code >= 0}; 0
     *     skips the decision ({@link GraphGradient.Uniqueness#UNKNOWN})
     * @return the squared distance of the alignment, the gradient and its uniqueness
     * @throws NullPointerException if an argument is null (the message names it)
     * @throws IllegalArgumentException if a graph does not belong to the space, the
     *     alignment is too small for the graphs or {@code tieSearchNodes} is negative
     */
    public static GraphGradient squaredDistance(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument, long tieSearchNodes) {
        requireArguments(space, x, y, alignment, argument);
        requireBudget(tieSearchNodes);
        return squaredDistanceAt(space, x, y, evaluated(space, x, y, alignment), argument,
                tieSearchNodes);
    }

    private static GraphGradient squaredDistanceAt(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument, long tieSearchNodes) {
        Permutation p = alignment.permutation();
        double value = space.squaredDistance(x, y, p);
        Graph gradient = argument == Argument.FIRST
                ? combination(space, x, 2.0, y, p, -2.0)
                : combination(space, y, 2.0, x, p.inverse(), -2.0);
        return new GraphGradient(value, gradient, alignment, space,
                uniqueness(space, x, y, alignment, argument, tieSearchNodes));
    }

    /**
     * Aligns {@code y} to {@code x} and returns the similarity {@code k(X, Y)} with its
     * subgradient with respect to the chosen argument.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param aligner the aligner that computes {@code pi*}
     * @param argument {@link Argument#FIRST} for {@code pi* . Y}, {@link Argument#SECOND} for
     *     {@code pi*^-1 . X}
     * @return the similarity of the alignment and the gradient
     * @throws NullPointerException if an argument is null (the message names it), or the
     *     aligner returns null
     * @throws IllegalArgumentException if a graph does not belong to the space
     */
    public static GraphGradient similarity(GraphSpace space, Graph x, Graph y, Aligner aligner,
            Argument argument) {
        return similarity(space, x, y, aligner, argument, DEFAULT_TIE_SEARCH_NODES);
    }

    /**
     * Aligns {@code y} to {@code x} and returns the similarity {@code k(X, Y)} with its
     * subgradient with respect to the chosen argument, deciding the uniqueness within a given
     * budget.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param aligner the aligner that computes {@code pi*}
     * @param argument which argument to differentiate
     * @param tieSearchNodes the budget of the tie search in search nodes, {@code >= 0}; 0
     *     skips the decision ({@link GraphGradient.Uniqueness#UNKNOWN})
     * @return the similarity of the alignment, the gradient and its uniqueness
     * @throws NullPointerException if an argument is null (the message names it), or the
     *     aligner returns null
     * @throws IllegalArgumentException if a graph does not belong to the space or
     *     {@code tieSearchNodes} is negative
     */
    public static GraphGradient similarity(GraphSpace space, Graph x, Graph y, Aligner aligner,
            Argument argument, long tieSearchNodes) {
        requireBudget(tieSearchNodes);
        Alignment alignment = align(space, x, y, aligner, argument);
        return similarityAt(space, x, y, alignment, argument, tieSearchNodes);
    }

    /**
     * Returns {@code <X, pi . Y>} at a given alignment, with its gradient with respect to the
     * chosen argument; a subgradient of {@code k} when the alignment is optimal.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param alignment an alignment of {@code y} to {@code x}; only its permutation is used,
     *     and the result's alignment is chosen as by
     *     {@link #squaredDistance(GraphSpace, Graph, Graph, Alignment, Argument)}
     * @param argument which argument to differentiate
     * @return the similarity of the alignment and the gradient
     * @throws NullPointerException if an argument is null (the message names it)
     * @throws IllegalArgumentException if a graph does not belong to the space or the
     *     alignment is too small for the graphs
     */
    public static GraphGradient similarity(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument) {
        return similarity(space, x, y, alignment, argument, DEFAULT_TIE_SEARCH_NODES);
    }

    /**
     * Returns {@code <X, pi . Y>} at a given alignment with its gradient, as
     * {@link #similarity(GraphSpace, Graph, Graph, Alignment, Argument)}, deciding the
     * uniqueness within a given budget.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param alignment an alignment of {@code y} to {@code x}
     * @param argument which argument to differentiate
     * @param tieSearchNodes the budget of the tie search in search nodes, {@code >= 0}; 0
     *     skips the decision ({@link GraphGradient.Uniqueness#UNKNOWN})
     * @return the similarity of the alignment, the gradient and its uniqueness
     * @throws NullPointerException if an argument is null (the message names it)
     * @throws IllegalArgumentException if a graph does not belong to the space, the
     *     alignment is too small for the graphs or {@code tieSearchNodes} is negative
     */
    public static GraphGradient similarity(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument, long tieSearchNodes) {
        requireArguments(space, x, y, alignment, argument);
        requireBudget(tieSearchNodes);
        return similarityAt(space, x, y, evaluated(space, x, y, alignment), argument,
                tieSearchNodes);
    }

    private static GraphGradient similarityAt(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument, long tieSearchNodes) {
        Permutation p = alignment.permutation();
        double value = space.similarity(x, y, p);
        Graph gradient = argument == Argument.FIRST
                ? combination(space, y, 0.0, y, p, 1.0)
                : combination(space, x, 0.0, x, p.inverse(), 1.0);
        return new GraphGradient(value, gradient, alignment, space,
                uniqueness(space, x, y, alignment, argument, tieSearchNodes));
    }

    /** The tie flag: UNKNOWN without a certificate or a budget, else the tie search's. */
    private static GraphGradient.Uniqueness uniqueness(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument, long tieSearchNodes) {
        if (!alignment.certified() || tieSearchNodes == 0) {
            return GraphGradient.Uniqueness.UNKNOWN;
        }
        return TieSearch.decide(space, x, y, alignment.permutation(), argument, tieSearchNodes);
    }

    private static void requireBudget(long tieSearchNodes) {
        if (tieSearchNodes < 0) {
            throw new IllegalArgumentException("tieSearchNodes must be >= 0, got "
                    + tieSearchNodes);
        }
    }

    /**
     * Returns {@code given} if its similarity and squared distance are those its permutation
     * attains on the pair (the rounding of an aligner's own evaluation, or of a reversed
     * alignment), and it is certified whenever the fresh evaluation is; otherwise the fresh
     * evaluation by {@link Alignment#of}, with no certificate of the caller's (the reason
     * {@link Alignment.Unproven#HEURISTIC}, or the caller's reason when it gave one). The
     * similarity must agree within {@link #AGREEMENT} times {@code ||X||^2 + ||Y||^2}; the
     * squared distance within {@link #AGREEMENT} times the larger of the two squared
     * distances plus {@code 4 eps (||X||^2 + ||Y||^2)}, the rounding of a distance computed
     * from the similarity. Both at least {@link Double#MIN_NORMAL}. The distance's band does
     * not grow with a common offset of the attributes beyond that rounding, so a distance
     * that is wrong by more than rounding is never passed on when the attributes sit far
     * from 0.
     */
    private static Alignment evaluated(GraphSpace space, Graph x, Graph y, Alignment given) {
        Alignment fresh = Alignment.of(space, x, y, given.permutation(), given.certified()
                ? Alignment.Unproven.HEURISTIC : given.unproven());
        double norms = space.squaredNorm(x) + space.squaredNorm(y);
        double scale = Math.max(AGREEMENT * norms, Double.MIN_NORMAL);
        double distanceScale = Math.max(AGREEMENT * Math.max(fresh.squaredDistance(),
                given.squaredDistance()) + 4.0 * Math.ulp(1.0) * norms, Double.MIN_NORMAL);
        boolean agrees = Math.abs(fresh.similarity() - given.similarity()) <= scale
                && Math.abs(fresh.squaredDistance() - given.squaredDistance())
                <= distanceScale;
        return agrees && (given.certified() || !fresh.certified()) ? given : fresh;
    }

    /**
     * Checks the arguments, every one before the aligner runs, and returns the aligner's
     * alignment of {@code y} to {@code x}.
     */
    private static Alignment align(GraphSpace space, Graph x, Graph y, Aligner aligner,
            Argument argument) {
        requireGraphs(space, x, y, argument);
        Objects.requireNonNull(aligner, "aligner");
        Alignment alignment = Objects.requireNonNull(aligner.align(space, x, y),
                "the aligner's alignment");
        requireArguments(space, x, y, alignment, argument);
        return alignment;
    }

    /** Returns {@code a * w + b * (p . z)} as a graph of order {@code p.size()}. */
    private static Graph combination(GraphSpace space, Graph w, double a, Graph z,
            Permutation p, double b) {
        GraphAccumulator sum = new GraphAccumulator(space, p.size());
        if (a != 0.0) {
            sum.add(w, Permutation.identity(p.size()), a);
        }
        sum.add(z, p, b);
        return sum.sum();
    }

    /** Checks that no argument is null and that both graphs are members of the space. */
    private static void requireGraphs(GraphSpace space, Graph x, Graph y, Argument argument) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(argument, "argument");
        space.requireMember(x);
        space.requireMember(y);
    }

    private static void requireArguments(GraphSpace space, Graph x, Graph y,
            Alignment alignment, Argument argument) {
        requireGraphs(space, x, y, argument);
        Objects.requireNonNull(alignment, "alignment");
        int m = alignment.permutation().size();
        if (m < x.order() || m < y.order()) {
            throw new IllegalArgumentException("alignment of size " + m
                    + " cannot cover graphs of orders " + x.order() + " and " + y.order());
        }
    }
}
