package org.orbifold.stats;

import java.util.List;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The Fréchet median (generalized median) of graphs: a graph {@code X} of order
 * {@code space.size()} that minimises {@code M(X) = (1/W) sum_i w_i d(X, Y_i)}, found by the
 * Weiszfeld iteration (Weiszfeld 1937, "Sur le point pour lequel la somme des distances de n
 * points donnés est minimum", Tôhoku Math. J. 43:355-386) run on aligned graphs, with the
 * modification of Vardi and Zhang (2000, "The multivariate L1-median and associated data
 * depth", PNAS 97(4):1423-1426, doi:10.1073/pnas.97.4.1423) at sample points:
 *
 * <pre>
 *   X_{t+1} = sum_i (w_i / d_i) pi_i^t . Y_i / sum_i (w_i / d_i),   d_i = ||X_t - pi_i^t . Y_i||.
 * </pre>
 *
 * <p>When {@code X_t} coincides with samples ({@code d_i} below {@code 1e-12} times
 * {@code max(1, ||Y_i||)}; their total weight is {@code eta}), the iterate is optimal if
 * {@code r = ||sum_{j not coinciding} w_j (pi_j . Y_j - X_t) / d_j|| <= eta}, and the run
 * stops {@link Status#CONVERGED}; otherwise the step is
 * {@code X_{t+1} = (1 - eta / r) T + (eta / r) X_t}, with {@code T} the Weiszfeld point of the
 * other samples. Distances are summed term by term, so a coincidence reads as an exact zero.
 *
 * <p>Monotonicity: for fixed alignments, {@code d <= (d_t^2 + d^2) / (2 d_t)} makes the
 * Weiszfeld point the minimiser of a majorizer of {@code M} that touches it at {@code X_t};
 * alignments warm-started at {@code pi_i^t} and kept unless strictly better can only lower
 * each {@code d_i} at {@code X_{t+1}}. So the reported objective never rises for any aligner
 * (for an exact aligner this is the Weiszfeld descent property on the true objective).
 *
 * <p>Stopping rules: the relative decrease of the objective below the tolerance, the
 * optimality test above, or a step that would raise the objective (rounding; the previous
 * iterate is kept) give {@link Status#CONVERGED}; then the iteration limit and the listener.
 * Unlike for the mean, unchanged alignments do not imply a fixed point (the weights
 * {@code w_i / d_i} still move), so they are not a stopping rule here. A start whose
 * objective is 0 (one graph, or relabelled copies of one graph) ends {@link Status#CONVERGED}
 * with 0 iterations, as the mean's does.
 *
 * <p>Starting point: {@link Builder#initial(Graph)} if given, otherwise the set median
 * ({@link Medoid} with the sum of distances and the same aligner), whose alignments
 * warm-start the first step, so the result never scores worse than the set median.
 *
 * <p>The alignments run on the configured executor and are reduced in index order: the same
 * result for any thread count. Instances are immutable and thread-safe if the aligner,
 * executor and listener are.
 *
 * <p><b>Limitations.</b> A local minimum of the aligned surrogate, not in general the global
 * median; with a heuristic aligner the objective is an upper bound. Convergence is linear at
 * best and can be slow when the median is at or near a sample point.
 */
public final class FrechetMedian extends CenterEstimator {

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = CenterBuilder.DEFAULT_MAX_ITERATIONS;

    /** The default tolerance on the relative decrease of the objective. */
    public static final double DEFAULT_TOLERANCE = CenterBuilder.DEFAULT_TOLERANCE;

    /**
     * A distance below this, relative to {@code max(1, ||Y_i||)}, means the iterate coincides
     * with sample {@code i}.
     */
    public static final double COINCIDENCE_TOLERANCE = 1e-12;


    private FrechetMedian(Builder builder) {
        super(builder.options("FrechetMedian"), false);
    }

    /**
     * Starts a configuration with the defaults: 100 iterations, tolerance {@code 1e-9}, the
     * common fork-join pool, no listener, the set median as the starting point. The aligner
     * has no default and must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the weighted median, the minimiser of {@code (1/W) sum_i w_i d(X, Y_i)}.
     *
     * @param space the graph space of the sample; the median has order {@code space.size()}
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param weights one finite weight {@code >= 0} per graph with a positive sum, or null for
     *     unit weights; not modified, not retained
     * @return the median, its weighted mean distance, trace, status and alignments
     * @throws IllegalArgumentException if the list is empty, a graph (or the initial graph)
     *     is not in the space, a weight is negative or not finite, or a distance or the
     *     objective overflows (weights too large for the attributes; the message names them)
     */
    @Override
    public CenterResult compute(GraphSpace space, List<Graph> graphs, double[] weights) {
        WeightedSample sample = WeightedSample.of(space, graphs, weights);

        // Starting point: the initial graph, or the set median with its alignments.
        CenterLoop.StartingPoint first = loop.initialOrMedoid(sample);

        return loop.runWithRestarts(sample, first,
                (center, outcome) -> step(sample, center, outcome));
    }

    /**
     * One Weiszfeld step, modified by Vardi and Zhang at sample points; null when the
     * current center passes their optimality test.
     */
    private static Graph step(WeightedSample sample, Graph center,
            AlignmentStep.Outcome outcome) {
        GraphSpace space = sample.space;
        int m = center.order();
        double[] d = outcome.distances();
        List<Permutation> alignments = outcome.permutations();

        // Weiszfeld sums over the samples apart from the center; eta = weight at the center.
        GraphAccumulator weiszfeld = new GraphAccumulator(space, m);
        double eta = 0.0;
        for (int i = 0; i < sample.size(); i++) {
            double w = sample.weights[i];
            if (w == 0.0) {
                continue;
            }
            Graph y = sample.graph(i);
            double scale = Math.max(1.0, Math.sqrt(space.squaredNorm(y)));
            if (d[i] <= COINCIDENCE_TOLERANCE * scale) {
                eta += w;
            } else {
                weiszfeld.add(y, alignments.get(i), w / d[i]);
            }
        }
        if (eta == 0.0) {
            return weiszfeld.average();
        }

        // Vardi-Zhang test at a sample point: ||R|| <= eta means the center is optimal.
        double inverseSum = weiszfeld.totalWeight();
        if (inverseSum == 0.0) {
            return null;
        }
        GraphAccumulator residual = new GraphAccumulator(space, m);
        residual.addAll(weiszfeld);
        residual.add(center, Permutation.identity(m), -inverseSum);
        double r = Math.sqrt(space.squaredNorm(residual.sum()));
        if (r <= eta) {
            return null;
        }

        // Vardi-Zhang step: (1 - eta / r) T + (eta / r) X_t.
        return space.moveToward(weiszfeld.average(), center, Permutation.identity(m), eta / r);
    }

    /**
     * Configures a {@link FrechetMedian}: aligner, iteration limit, tolerance, executor,
     * listener and initial graph (without one, the set median). Not thread-safe.
     */
    public static final class Builder extends CenterBuilder<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Returns the configured median.
         *
         * @return a new immutable {@link FrechetMedian}
         * @throws IllegalStateException if no aligner was set
         */
        public FrechetMedian build() {
            return new FrechetMedian(this);
        }
    }
}
