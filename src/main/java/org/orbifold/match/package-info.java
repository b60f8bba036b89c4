/**
 * Graph matching: aligners that find a permutation {@code pi} maximising the similarity
 * {@code <X, pi . Y>} of two graphs, or equivalently minimising {@code ||X - pi . Y||}.
 *
 * <p>The aligners form an exactness ladder, from proven optimal to fast and rough (shares of
 * exact optima and times per alignment measured on random graphs, order 2 to 8 and 30, one
 * core):
 * <ul>
 *   <li>{@link org.orbifold.match.ExactAligner}: branch and bound with a Gilmore-Lawler bound,
 *       proven optimal (certified) on small graphs;</li>
 *   <li>{@code thorough} ({@link org.orbifold.match.Aligners} preset): FAQ followed by
 *       robust tabu search ({@link org.orbifold.match.TabuAligner},
 *       {@link org.orbifold.match.TabuSearch}), 100% optimal on 450 instances, about 30 times
 *       the time of FAQ at order 30 (its {@code 1000 m} tabu iterations cost
 *       {@code O(m^2)} each);</li>
 *   <li>{@code multistart} (preset): the {@code faq} preset's search followed by 127 further
 *       randomized Frank-Wolfe starts and a second iterated local search, never worse than
 *       {@code faq} with the same seed; on MUTAG pairs above the proven optimum on 3% of
 *       them instead of {@code faq}'s 42%, at about 25 times its time and a sixteenth of
 *       {@code thorough}'s;</li>
 *   <li>{@link org.orbifold.match.FaqAligner}: the default heuristic, Frank-Wolfe on the
 *       doubly stochastic relaxation from several starts, keeping the best permutation met,
 *       polished by 2-swap and iterated local search; a structural start from
 *       Weisfeiler-Leman colour refinement, followed for pairs whose colourings agree by a
 *       depth-first individualisation-refinement search with backtracking, finds the
 *       isomorphism of isomorphic pairs whenever that search ends within its budget of
 *       {@code 4 m ceil(log2 m)} refinements (every relabelled cycle, random cubic graph of up
 *       to 200 nodes, C60, hypercube, Petersen, Paley and Chang graph tried; Latin square
 *       graphs of 64 nodes and more can exhaust it, and the pair then ends above 0 unless
 *       the rest of the search finds the optimum); about 97% optimal on its own; the
 *       {@code faq} preset ({@link org.orbifold.match.Aligners#defaultAligner}) first solves
 *       pairs of order at most 8 exactly by a bounded enumeration, which finds and certifies
 *       every optimum of these instances;</li>
 *   <li>{@code fast} (preset): FAQ without random starts and with 5 perturbations, at about
 *       half the time of FAQ, after a shorter enumeration of pairs of order at most 9: 98%
 *       optimal (about 93% without the enumeration);</li>
 *   <li>{@link org.orbifold.match.GraduatedAssignmentAligner} and
 *       {@link org.orbifold.match.IpfpAligner}: single-run methods from the literature
 *       (graduated assignment; the integer projected fixed point method), polished by 2-swap
 *       local search, 70 to 78% optimal, cheaper than {@code fast} at order 30, for
 *       comparison and as baselines;</li>
 *   <li>{@link org.orbifold.match.NodeAssignmentAligner}: one linear assignment on node
 *       similarities, exact for point patterns (no edge term), a weak heuristic
 *       otherwise.</li>
 * </ul>
 * {@link org.orbifold.match.Aligners} finds them by name; {@link org.orbifold.match.LocalSearch}
 * and {@link org.orbifold.match.TabuSearch} improve any permutation.
 *
 * <p><b>Symmetry rule.</b> Every aligner of this package gives exactly the same distance for
 * {@code (x, y)} and {@code (y, x)}, with inverse permutations. Each unordered pair is solved
 * in one canonical direction: the two graphs are compared by order, then directedness, then
 * the unweighted node and edge squared norms, the edge count, the hash code, and finally their
 * attribute arrays lexicographically (a total order, equal only for equal graphs); the later
 * graph is aligned to the earlier one, and for the other call order the result is returned
 * {@link org.orbifold.match.Alignment#reversed() reversed}, carrying the very same similarity
 * and distance values.
 *
 * <p><b>Distance 0.</b> A distance of exactly 0 is the global minimum: every alignment built by
 * {@link org.orbifold.match.Alignment#of} that attains it is certified, and every aligner
 * returns the identity, certified, for equal graphs.
 *
 * <p><b>Padding.</b> The distance of the design pads both graphs with null nodes to the size
 * {@code n} of the space and minimises over all permutations of size {@code n}. The
 * similarity of a permutation depends only on the pairs of real nodes it makes, so the
 * aligners work at the smaller permutation size {@code m} of
 * {@link org.orbifold.space.GraphSpace#alignmentSize} (or that of a larger warm start, a
 * smaller one being extended with fixed points), which reaches the same optimum: the larger
 * order when no cross similarity can be negative (no channel of positive weight in which one
 * graph has a positive value and the other a negative one: one-hot labels, existence
 * channels, raw non-negative coordinates), since then a real node of either graph left
 * with padding can be paired with one of the other without loss; and
 * {@code min(n, x.order() + y.order())} otherwise, since with signed attributes (standardized
 * or centred coordinates) a real node may do better matched with a null node than with any
 * real node. Until December 2026 every pair was padded only to the larger order, which on
 * signed attributes could certify a distance above the design's, and break the triangle
 * inequality that clustering prunes with.
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.match;
