package org.orbifold.stats;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The incremental arithmetic mean of graphs of Jain and Obermayer (2008, "On the sample mean
 * of graphs", Proc. International Joint Conference on Neural Networks, IJCNN 2008): one pass
 * over the sample in a seeded random order {@code s}, moving the running mean a shrinking
 * step towards each graph aligned to it,
 *
 * <pre>
 *   mu_1 = Y_s(1) (padded to the space size),
 *   mu_k = mu_{k-1} + (w_s(k) / W_k) (pi_k . Y_s(k) - mu_{k-1}),   W_k = sum_{j &lt;= k} w_s(j),
 * </pre>
 *
 * <p>with {@code pi_k} the alignment of {@code Y_s(k)} to {@code mu_{k-1}}. For a fixed
 * alignment this is the running weighted average; with the alignments it is one pass of
 * stochastic approximation with step {@code w_k / W_k}. It costs {@code N - 1} alignments
 * for the pass and {@code N} more to evaluate the result, and is a good starting point for
 * {@link FrechetMean}.
 *
 * <p>The result's trace holds the one objective, evaluated with fresh alignments of every
 * graph to the final mean; {@code iterations} is 1 and the status {@link Status#CONVERGED}
 * (the pass always completes).
 *
 * <p>Thread-safety: stateless; safe to call from several threads. The pass is sequential; the
 * final evaluation runs on the executor. The same seed gives the same result for any thread
 * count.
 *
 * <p><b>Limitations.</b> The result depends on the order of the sample (hence the seed) and is
 * in general not a local minimum of the Fréchet function; refine it with
 * {@link FrechetMean}. Graphs of weight zero leave the mean unchanged.
 */
public final class IncrementalMean {

    private IncrementalMean() {
    }

    /**
     * Computes the incremental mean of an unweighted sample; the final evaluation runs on the
     * common fork-join pool.
     *
     * @param space the graph space of the sample
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param aligner the aligner
     * @param seed seed of the shuffle
     * @return the mean (order {@code space.size()}), its mean squared distance and alignments
     * @throws IllegalArgumentException if the list is empty or a graph is not in the space
     */
    public static CenterResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            long seed) {
        return compute(space, graphs, null, aligner, seed, ForkJoinPool.commonPool());
    }

    /**
     * Computes the incremental mean of a weighted sample.
     *
     * @param space the graph space of the sample
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param weights one finite weight {@code >= 0} per graph with a positive sum, or null for
     *     unit weights; not modified, not retained
     * @param aligner the aligner
     * @param seed seed of the shuffle
     * @param executor where the final alignments run
     * @return the mean (order {@code space.size()}), its weighted mean squared distance and
     *     alignments
     * @throws IllegalArgumentException if the list is empty, a graph is not in the space or a
     *     weight is negative or not finite
     */
    public static CenterResult compute(GraphSpace space, List<Graph> graphs, double[] weights,
            Aligner aligner, long seed, Executor executor) {
        Objects.requireNonNull(aligner, "aligner");
        Objects.requireNonNull(executor, "executor");
        WeightedSample sample = WeightedSample.of(space, graphs, weights);
        Graph mean = pass(sample, aligner, seed);

        // Evaluate with fresh alignments of every graph to the final mean.
        AlignmentStep.Outcome outcome = AlignmentStep.run(aligner, sample, mean, null, executor);
        double objective = sample.weightedMean(outcome.squaredDistances());
        return new CenterResult(mean, objective, 1, new double[] {objective},
                Status.CONVERGED, outcome.alignments());
    }

    /** Returns the incremental mean after one shuffled pass. */
    static Graph pass(WeightedSample sample, Aligner aligner, long seed) {
        GraphSpace space = sample.space;
        int[] order = Permutation.random(sample.size(), new SplittableRandom(seed)).toArray();

        // mu_1: the first graph of the shuffled order, padded.
        Graph mean = sample.graph(order[0]).pad(space.size());
        double cumulativeWeight = sample.weights[order[0]];

        // mu_k: a step of w_k / W_k towards the next graph aligned to the running mean.
        for (int k = 1; k < order.length; k++) {
            double w = sample.weights[order[k]];
            cumulativeWeight += w;
            if (w == 0.0) {
                continue;
            }
            Graph y = sample.graph(order[k]);
            Permutation p = aligner.align(space, mean, y).permutation();
            mean = space.moveToward(mean, y, p, w / cumulativeWeight);
        }
        return mean;
    }
}
