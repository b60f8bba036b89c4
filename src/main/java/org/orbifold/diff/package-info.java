/**
 * Generalized gradients through optimal assignments and alignments, for losses and learners
 * whose value is the optimum of a combinatorial problem.
 *
 * <p>Every function here is an optimum over finitely many candidates (assignments,
 * alignments, alignment paths) of functions that are smooth in the inputs. By Danskin's
 * theorem (Danskin 1967) and Clarke's calculus (Clarke 1983), the gradient of the smooth
 * function of an optimal candidate is an element of the generalized gradient of the optimum,
 * and is its gradient wherever the optimal candidate is unique. So one call of an exact solver
 * gives both value and gradient:
 * <ul>
 *   <li>{@link org.orbifold.diff.AssignmentValue}: the linear assignment optimum as a
 *       function of the matrix, gradient the optimal permutation matrix, with a uniqueness
 *       test from the dual certificate;</li>
 *   <li>{@link org.orbifold.diff.AssignmentLoss} and {@link org.orbifold.diff.CostFunction}:
 *       the chain rule for cost matrices that depend on parameters;</li>
 *   <li>{@link org.orbifold.diff.GraphGradients}: the similarity and the squared graph
 *       distance with respect to either graph;</li>
 *   <li>{@link org.orbifold.diff.SetMatchingLoss}: the DETR-style loss of predicting an
 *       unordered set;</li>
 *   <li>{@link org.orbifold.diff.NeedlemanWunsch} and
 *       {@link org.orbifold.diff.DynamicTimeWarping}: dynamic-programming sequence alignment,
 *       gradient the optimal path's indicator.</li>
 * </ul>
 * Every result says whether its optimum is unique, so callers know when the returned vector
 * is the gradient and when it is one element of the generalized gradient: {@code unique()},
 * or for graph gradients the three-valued {@link org.orbifold.diff.GraphGradient#uniqueness()}
 * ({@code UNIQUE}, {@code TIED}, or {@code UNKNOWN} for a heuristic alignment or a tie search
 * over its budget). {@link org.orbifold.diff.GraphGradient#certified()} says only whether
 * the alignment is proven optimal (so the value is exact and the gradient is an element of the
 * generalized gradient). See {@code docs/gradients.md}.
 */
package org.orbifold.diff;
