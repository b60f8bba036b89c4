package org.orbifold.stats;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.ToDoubleFunction;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;

/**
 * The majorize-minimize loop shared by {@link FrechetMean} and {@link FrechetMedian}: align
 * all graphs to the center (warm-started, see {@link AlignmentStep}), move the center to the
 * minimiser of the surrogate built from those alignments, and stop on the common rules. One
 * source of truth for the stopping rules, the trace, the listener calls and the rounding
 * guard.
 */
final class CenterLoop {

    /** The center update of one method. */
    @FunctionalInterface
    interface Update {

        /**
         * Returns the next center, or null when the current one is proven optimal.
         *
         * @param center the current center
         * @param outcome the alignments of all graphs to it
         * @return the next center, of the same order, or null to stop
         */
        Graph next(Graph center, AlignmentStep.Outcome outcome);
    }

    private final Aligner aligner;
    private final Executor executor;
    private final IterationListener listener;
    private final int maxIterations;
    private final double tolerance;
    private final boolean fixedPointWhenUnchanged;

    /**
     * Configures a loop.
     *
     * @param aligner the aligner
     * @param executor where the alignments run
     * @param listener receives every accepted iteration
     * @param maxIterations the largest number of updates
     * @param tolerance stop when the relative decrease of the objective falls below it
     * @param fixedPointWhenUnchanged whether unchanged alignments mean a fixed point (true
     *     for the mean, whose update depends on the alignments only)
     */
    CenterLoop(Aligner aligner, Executor executor, IterationListener listener,
            int maxIterations, double tolerance, boolean fixedPointWhenUnchanged) {
        this.aligner = aligner;
        this.executor = executor;
        this.listener = listener;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.fixedPointWhenUnchanged = fixedPointWhenUnchanged;
    }

    /**
     * Runs the loop.
     *
     * @param sample the sample
     * @param start the starting center, of order {@code sample.space.size()}
     * @param warmStarts alignments of the sample to {@code start} to warm-start from, or null
     * @param update the center update
     * @param objective the objective from the alignments to a center
     * @return the result, whose trace never rises
     */
    CenterResult run(WeightedSample sample, Graph start, List<Permutation> warmStarts,
            Update update, ToDoubleFunction<AlignmentStep.Outcome> objective) {
        long startTime = System.nanoTime();

        // Initial alignments and objective (trace index 0).
        Graph center = start;
        AlignmentStep.Outcome outcome = AlignmentStep.run(aligner, sample, center, warmStarts,
                executor);
        double value = objective.applyAsDouble(outcome);
        double[] trace = new double[Math.min(maxIterations, 1024) + 1];
        trace[0] = value;
        int iterations = 0;
        Status status = Status.MAX_ITERATIONS;

        while (iterations < maxIterations) {
            // Minimise the surrogate built from the current alignments.
            Graph next = update.next(center, outcome);
            if (next == null) {
                status = Status.CONVERGED;
                break;
            }

            // Realign warm-started; a rise is rounding only, so keep the current iterate.
            AlignmentStep.Outcome nextOutcome = AlignmentStep.run(aligner, sample, next,
                    outcome.permutations(), executor);
            double nextValue = objective.applyAsDouble(nextOutcome);
            if (nextValue > value) {
                status = Status.CONVERGED;
                break;
            }

            // Accept, record and report.
            double decrease = value > 0.0 ? (value - nextValue) / value : 0.0;
            center = next;
            outcome = nextOutcome;
            value = nextValue;
            iterations++;
            if (iterations >= trace.length) {
                trace = Arrays.copyOf(trace, 2 * trace.length);
            }
            trace[iterations] = value;
            boolean proceed = listener.iterationDone(iterations, value, decrease,
                    System.nanoTime() - startTime);

            // Stopping rules.
            if ((fixedPointWhenUnchanged && !nextOutcome.changed()) || decrease < tolerance) {
                status = Status.CONVERGED;
                break;
            }
            if (!proceed) {
                status = Status.STOPPED_BY_LISTENER;
                break;
            }
        }
        return new CenterResult(center, value, iterations,
                Arrays.copyOf(trace, iterations + 1), status, outcome.alignments());
    }
}
