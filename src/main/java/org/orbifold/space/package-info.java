/**
 * The graph space: graphs as matrices of node and edge attribute vectors, permutations that
 * relabel them, and the weighted Frobenius geometry in which a graph is the orbit of its
 * matrix under relabelling. Every other package builds on these types.
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.space;
