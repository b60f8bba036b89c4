package org.orbifold.stats;

import java.util.List;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * What {@link FrechetMean} and {@link FrechetMedian} share: the settings with their getters,
 * the {@link CenterLoop} that runs them, and the unweighted form of {@code compute}.
 * Instances are immutable and thread-safe if the aligner, executor and listener are.
 */
abstract class CenterEstimator {

    /** The settings. */
    final CenterOptions options;

    /** The loop, configured by the settings and the kind of objective. */
    final CenterLoop loop;

    /**
     * Configures the estimator.
     *
     * @param options the settings
     * @param squared whether the objective is the mean squared distance (mean) or the mean
     *     distance (median)
     */
    CenterEstimator(CenterOptions options, boolean squared) {
        this.options = options;
        this.loop = new CenterLoop(options, squared);
    }

    /**
     * Returns the aligner.
     *
     * @return the aligner
     */
    public Aligner aligner() {
        return options.aligner();
    }

    /**
     * Returns the iteration limit.
     *
     * @return the largest number of updates
     */
    public int maxIterations() {
        return options.maxIterations();
    }

    /**
     * Returns the tolerance on the relative decrease of the objective.
     *
     * @return the tolerance
     */
    public double tolerance() {
        return options.tolerance();
    }

    /**
     * Computes the center of an unweighted sample: {@code compute(space, graphs, null)}.
     *
     * @param space the graph space of the sample; the center has order {@code space.size()}
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @return the center, its objective (the mean squared distance for the mean, the mean
     *     distance for the median), trace, status and alignments
     * @throws IllegalArgumentException if the list is empty or a graph (or the initial graph)
     *     is not in the space, or a distance or the objective overflows
     */
    public CenterResult compute(GraphSpace space, List<Graph> graphs) {
        return compute(space, graphs, null);
    }

    /**
     * Computes the center of a weighted sample.
     *
     * @param space the graph space of the sample; the center has order {@code space.size()}
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param weights one finite weight {@code >= 0} per graph with a positive sum, or null for
     *     unit weights; not modified, not retained
     * @return the center, its weighted objective, trace, status and alignments
     * @throws IllegalArgumentException if the list is empty, a graph (or the initial graph)
     *     is not in the space, a weight is negative or not finite, or a distance or the
     *     objective overflows (weights too large for the attributes; the message names them)
     */
    public abstract CenterResult compute(GraphSpace space, List<Graph> graphs,
            double[] weights);
}
