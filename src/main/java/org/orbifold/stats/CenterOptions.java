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
 * @param initialMedoid a medoid computed earlier to start from with its alignments, or null
 * @param restarts the number of runs, {@code >= 1}; runs after the first start from
 *     incremental means shuffled with seeds derived from {@code seed}
 * @param seed the seed of the incremental-mean starts
 */
record CenterOptions(Aligner aligner, int maxIterations, double tolerance, Executor executor,
        IterationListener listener, Graph initial, MedoidResult initialMedoid, int restarts,
        long seed) {
}
