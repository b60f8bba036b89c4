package org.orbifold.stats;

import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;

/**
 * The Fréchet (sample) mean of graphs: a graph {@code X} of order {@code space.size()} that
 * minimises {@code F(X) = (1/W) sum_i w_i d(X, Y_i)^2}, found by align-all-and-average, the
 * majorize-minimize step of Jain and Obermayer (2009, "Structure spaces", Journal of Machine
 * Learning Research 10), also known as align-all-and-compute (Calissano, Feragen and Vantini,
 * "Populations of unlabelled networks: graph space geometry and generalized geodesic
 * principal components", Biometrika, 2024):
 *
 * <pre>
 *   X_{t+1} = (1/W) sum_i w_i pi_i^t . Y_i,      W = sum_i w_i,
 * </pre>
 *
 * <p>where {@code pi_i^t} aligns {@code Y_i} to {@code X_t}. Each alignment at {@code X_{t+1}}
 * is warm-started at {@code pi_i^t}, and {@code pi_i^t} is kept unless the new one is strictly
 * better for {@code X_{t+1}}. The reported objective
 * {@code F^(X_t) = (1/W) sum_i w_i ||X_t - pi_i^t . Y_i||^2} then never rises, whatever the
 * aligner. Proof: {@code X_{t+1}} minimises {@code G_t(X) = (1/W) sum_i w_i ||X - pi_i^t .
 * Y_i||^2}, so {@code G_t(X_{t+1}) <= G_t(X_t) = F^(X_t)}; the kept or better alignments
 * give {@code F^(X_{t+1}) <= G_t(X_{t+1})}.
 *
 * <p>Stopping rules, checked after each update: no alignment changed (a fixed point, since
 * the next mean would be the same), or the relative decrease of the objective fell below the
 * tolerance (both {@link Status#CONVERGED}); the iteration limit ({@link
 * Status#MAX_ITERATIONS}); the listener returned false ({@link Status#STOPPED_BY_LISTENER}).
 * An update that would raise the objective (possible only through rounding) is rejected and
 * the run ends {@link Status#CONVERGED} at the previous iterate. A start whose objective is
 * 0 (one graph, or relabelled copies of one graph, from the medoid) is optimal: the run ends
 * {@link Status#CONVERGED} with 0 iterations, as the median's does.
 *
 * <p>Starting point: {@link Builder#initial(Graph)} if given, otherwise the set mean
 * ({@link Medoid}, sum of squared distances, same aligner; its alignments warm-start the
 * first step, so the result never scores worse than the set mean) or the {@link
 * IncrementalMean} ({@link Start}). The start is padded to the space size.
 *
 * <p>The alignment step runs on the configured executor, one task per graph; the results are
 * collected and reduced in index order, so the mean is bit-for-bit the same for any thread
 * count. Each iteration costs {@code N} alignments plus {@code O(N m^2 d)} for the average.
 *
 * <p>With a {@link MeanCache} ({@link Builder#cache(MeanCache)}), a computation whose space,
 * graphs, weights and settings equal those of a result the cache holds returns that result
 * without aligning anything; the result is the same as without the cache.
 *
 * <p>Instances are immutable and thread-safe if the aligner, executor and listener are.
 *
 * <p><b>Limitations.</b> The result is a local minimum of the surrogate objective, not in
 * general the global Fréchet mean; with a heuristic aligner the objective is an upper bound
 * on the true {@code F}. The mean is dense: its edge set is the union of the aligned edge
 * sets. {@link CenterBuilder#restarts(int) Restarts} start their further runs from
 * incremental means in shuffled orders only; other starting points are left to the caller
 * ({@link CenterBuilder#initial(Graph)}). Optimal alignments tie when
 * the center has null nodes (a padded medoid): which null node receives which extra node is
 * then the aligner's choice, so two exact aligners may reach different local minima.
 */
public final class FrechetMean extends CenterEstimator {

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = CenterBuilder.DEFAULT_MAX_ITERATIONS;

    /** The default tolerance on the relative decrease of the objective. */
    public static final double DEFAULT_TOLERANCE = CenterBuilder.DEFAULT_TOLERANCE;

    /** Where the iteration starts when no initial graph is given. */
    public enum Start {
        /** The set mean: the sample graph with the least sum of squared distances. */
        MEDOID,
        /** The {@link IncrementalMean} of the sample, shuffled with the configured seed. */
        INCREMENTAL_MEAN
    }

    private final Start start;
    private final MeanCache cache;

    private FrechetMean(Builder builder) {
        super(builder.options("FrechetMean"), true);
        this.start = builder.start;
        this.cache = builder.cache;
    }

    /**
     * Starts a configuration with the defaults: 100 iterations, tolerance {@code 1e-9}, the
     * common fork-join pool, no listener, the set mean as the starting point, seed 0. The
     * aligner has no default and must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the weighted mean, the minimiser of {@code (1/W) sum_i w_i d(X, Y_i)^2}.
     *
     * @param space the graph space of the sample; the mean has order {@code space.size()}
     * @param graphs a non-empty list of graphs of {@code space}; not retained, except by a
     *     {@linkplain Builder#cache(MeanCache) cache}, which refers to them while it holds the
     *     result
     * @param weights one finite weight {@code >= 0} per graph with a positive sum, or null for
     *     unit weights; not modified, not retained (a cache keeps a copy)
     * @return the mean, its weighted mean squared distance, trace, status and alignments;
     *     with a cache, possibly the result of an equal computation made before
     * @throws IllegalArgumentException if the list is empty, a graph (or the initial graph)
     *     is not in the space, a weight is negative or not finite, or a distance or the
     *     objective overflows (weights too large for the attributes; the message names them)
     */
    @Override
    public CenterResult compute(GraphSpace space, List<Graph> graphs, double[] weights) {
        WeightedSample sample = WeightedSample.of(space, graphs, weights);
        if (cache == null || options.listener() != IterationListener.NONE) {
            return compute(sample);
        }
        return cache.get(new MeanCache.Key(options, start, space, sample.graphs, weights),
                () -> compute(sample));
    }

    /** Runs the computation on a validated sample. */
    private CenterResult compute(WeightedSample sample) {
        GraphSpace space = sample.space;

        // Starting point: the incremental mean if asked for and no initial graph is given;
        // otherwise the initial graph, or the set mean with its alignments as warm starts.
        CenterLoop.StartingPoint first;
        if (options.initial() == null && options.initialMedoid() == null
                && start == Start.INCREMENTAL_MEAN) {
            Graph incremental = IncrementalMean.pass(sample, options.aligner(), options.seed());
            first = new CenterLoop.StartingPoint(incremental, null);
        } else {
            first = loop.initialOrMedoid(sample);
        }

        return loop.runWithRestarts(sample, first, (center, outcome) -> average(sample,
                outcome.permutations(), space.size()));
    }

    /** Returns {@code (1/W) sum_i w_i pi_i . Y_i}, summed in index order. */
    private static Graph average(WeightedSample sample, List<Permutation> alignments,
            int order) {
        GraphAccumulator sum = new GraphAccumulator(sample.space, order);
        for (int i = 0; i < sample.size(); i++) {
            if (sample.weights[i] > 0.0) {
                sum.add(sample.graph(i), alignments.get(i), sample.weights[i]);
            }
        }
        return sum.average();
    }

    /**
     * Configures a {@link FrechetMean}: aligner, iteration limit, tolerance, executor,
     * listener, initial graph (which overrides {@link #start(Start)}), starting rule and seed.
     * Not thread-safe.
     */
    public static final class Builder extends CenterBuilder<Builder> {

        private Start start = Start.MEDOID;
        private MeanCache cache;

        private Builder() {
        }

        /**
         * Sets a cache that the computations of this mean, and of every other mean given the
         * same cache, consult before they compute: a computation whose graphs, weights, space
         * and settings (the listener and executor aside) equal those of one held there
         * returns the held result (see {@link MeanCache} for the key). A mean with a
         * listener other than {@link IterationListener#NONE} bypasses the cache.
         *
         * @param value the cache, or null for none (the default)
         * @return this builder
         */
        public Builder cache(MeanCache value) {
            this.cache = value;
            return this;
        }

        /**
         * Sets how the starting point is chosen when no initial graph is given.
         *
         * @param value the starting rule
         * @return this builder
         */
        public Builder start(Start value) {
            this.start = Objects.requireNonNull(value, "start");
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Returns the configured mean.
         *
         * @return a new immutable {@link FrechetMean}
         * @throws IllegalStateException if no aligner was set
         */
        public FrechetMean build() {
            return new FrechetMean(this);
        }
    }
}
