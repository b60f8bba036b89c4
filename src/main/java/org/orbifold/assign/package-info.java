/**
 * Exact linear assignment: given an {@code n x m} matrix, pick at most one entry in every row
 * and every column, as many as {@code min(n, m)}, so that their sum is minimal or maximal.
 * {@link org.orbifold.assign.LinearAssignmentSolver} solves it by shortest augmenting paths
 * (Jonker and Volgenant 1987; Crouse 2016) and returns an
 * {@link org.orbifold.assign.AssignmentResult} with dual potentials that certify optimality.
 * The graph aligners of {@code org.orbifold.match} and the point-pattern distances are built on
 * it.
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.assign;
