/**
 * The graph space: graphs as matrices of node and edge attribute vectors, permutations that
 * relabel them, and the weighted Frobenius geometry in which a graph is the orbit of its
 * matrix under relabelling. Every other package builds on these types.
 */
package org.orbifold.space;
