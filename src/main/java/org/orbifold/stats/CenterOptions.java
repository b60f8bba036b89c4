package org.orbifold.stats;

import java.util.concurrent.Executor;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.IterationListener;

/**
 * The settings of a center computation, as validated by {@link CenterBuilder}.
 *
 * @param aligner the aligner
 * @param maxIterations the largest number of updates, {@code >= 0}
 * @param tolerance stop when the relative decrease of the objective falls below it
 * @param executor where the alignments run
 * @param listener receives every accepted iteration
 * @param initial the starting graph, or null for the computation's default start
 */
record CenterOptions(Aligner aligner, int maxIterations, double tolerance, Executor executor,
        IterationListener listener, Graph initial) {
}
