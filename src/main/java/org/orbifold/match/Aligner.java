package org.orbifold.match;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * A strategy for the graph alignment problem: given graphs {@code X} and {@code Y} of a graph
 * space, both padded with null nodes to the size of the space, find a permutation {@code pi}
 * that maximises the similarity {@code <X, pi . Y>}, or equivalently minimises
 * {@code ||X - pi . Y||}. Aligners work at the permutation size
 * {@link GraphSpace#alignmentSize} gives the pair, which reaches the same optimum as the size
 * of the space: the larger order when no similarity between the two graphs can be negative,
 * else the sum of the orders, at most the size of the space. The problem is a quadratic
 * assignment problem (NP-hard when the graphs have edges); exact aligners certify their
 * answer, heuristics return an upper bound on the distance. An answer that is not
 * certified says why ({@link Alignment#unproven()}): a heuristic, an exact search stopped at
 * its limit, or a completed proof that rounding could not settle; an implementation that
 * wraps other aligners keeps a reason that is true of the alignment it returns.
 *
 * <p>Contracts every implementation keeps:
 * <ul>
 *   <li>the returned distance is attained by the returned permutation
 *       ({@link Alignment#of});</li>
 *   <li>the returned permutation has size {@link GraphSpace#alignmentSize
 *       space.alignmentSize(x, y)}, or the size of the warm start when one is given and it is
 *       larger;</li>
 *   <li>with a warm start, the result is never worse than the warm start itself;</li>
 *   <li>results are deterministic: randomness comes from a seed fixed at construction, never
 *       from shared state, so the same call gives the same answer on any thread. The one
 *       exception is a wall-clock time limit: {@link ExactAligner} (whose default limit is
 *       {@link ExactAligner#DEFAULT_TIME_LIMIT}), a {@link TabuAligner} whose
 *       {@link TabuSearch} has {@link TabuSearch#withTimeLimit} and the {@code multistart}
 *       preset with a time limit ({@link Aligners#multistart(long, java.time.Duration)}) are
 *       deterministic only for the calls that finish before their limit. A call that the
 *       limit stops returns the best permutation found by then, and how far the search got
 *       depends on the machine, its load and the JIT, so the same call can come back with
 *       another permutation and distance, and from {@code ExactAligner} certified in one run
 *       and not in another; the other contracts still hold. Aligners that wrap one of them
 *       ({@link BestOfAligner}, {@link TabuAligner}) inherit the exception. Node and
 *       iteration limits are counted, not timed, and keep results deterministic;</li>
 *   <li>implementations are immutable and safe to call from many threads at once.</li>
 * </ul>
 */
public interface Aligner {

    /**
     * Aligns {@code y} to {@code x}.
     *
     * @param space the graph space both graphs belong to
     * @param x the reference graph
     * @param y the graph to relabel
     * @return the best alignment found
     */
    Alignment align(GraphSpace space, Graph x, Graph y);

    /**
     * Aligns {@code y} to {@code x}, starting from a known permutation; the result is at least
     * as good as {@code start}. Learners use this to keep their objectives monotone. A start
     * smaller than {@link GraphSpace#alignmentSize space.alignmentSize(x, y)} is extended
     * with fixed points to that size (which changes none of its values).
     *
     * @param space the graph space both graphs belong to
     * @param x the reference graph
     * @param y the graph to relabel
     * @param start a permutation of size at least {@code max(x.order(), y.order())}
     * @return the best alignment found, never worse than {@code start}
     */
    Alignment align(GraphSpace space, Graph x, Graph y, Permutation start);

    /**
     * Returns a short name for tables and command-line options, such as {@code "exact"}.
     *
     * @return a short name for tables and command-line options, such as {@code "exact"}
     */
    String name();
}
