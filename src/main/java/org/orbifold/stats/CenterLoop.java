package org.orbifold.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The majorize-minimize loop shared by {@link FrechetMean} and {@link FrechetMedian}: align
 * all graphs to the center (warm-started, see {@link AlignmentStep}), move the center to the
 * minimiser of the surrogate built from those alignments, and stop on the common rules. One
 * source of truth for the default start (the medoid), the objective, the stopping rules, the
 * trace, the listener calls and the rounding guard.
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

    /**
     * Where the loop starts.
     *
     * @param center the starting center, of order {@code sample.space.size()}
     * @param warmStarts alignments of the sample to {@code center} to warm-start from, or null
     */
    record StartingPoint(Graph center, List<Permutation> warmStarts) {
    }

    /**
     * Relative tolerance, against {@code ||medoid||^2 + ||Y||^2 + 1}, within which a medoid's
     * recorded alignment must attain its squared distance again; far above the rounding of
     * the two ways of computing it, far below the change that another graph causes.
     */
    private static final double ALIGNMENT_TOLERANCE = 1e-9;

    private final CenterOptions options;
    private final boolean squared;

    /**
     * Configures a loop.
     *
     * @param options the settings
     * @param squared whether the objective is the mean squared distance (the mean; its
     *     update depends on the alignments only, so unchanged alignments mean a fixed point)
     *     or the mean distance (the median)
     */
    CenterLoop(CenterOptions options, boolean squared) {
        this.options = options;
        this.squared = squared;
    }

    /**
     * Returns the configured initial graph, padded to the space size; without one, the
     * medoid of the sample under the loop's objective, with its alignments as warm starts.
     *
     * @param sample the sample
     * @return the starting point
     * @throws IllegalArgumentException if the initial graph is not in the sample's space
     */
    StartingPoint initialOrMedoid(WeightedSample sample) {
        int m = sample.space.size();
        MedoidResult given = options.initialMedoid();
        if (given != null) {
            return fromMedoid(sample, given, squared);
        }
        if (options.initial() != null) {
            return new StartingPoint(Checks.requireInitial(sample.space, options.initial())
                    .pad(m), null);
        }
        MedoidResult medoid = Medoid.compute(sample, options.aligner(), options.executor(),
                squared);
        return new StartingPoint(medoid.medoid().pad(m), Medoid.extendedPermutations(medoid, m));
    }

    /**
     * Returns the medoid padded to the space size, with its alignments, extended to that
     * size, as warm starts.
     *
     * @param sample the sample
     * @param medoid a medoid of that sample
     * @param squared true for a mean, false for a median
     * @return the starting point
     * @throws IllegalArgumentException if the medoid is not one of this sample under this
     *     objective: another number of alignments than the sample has graphs, a medoid graph
     *     that is not the sample's graph at its index, the objective of the other center, or
     *     an alignment that does not fit or does not give its distance for the sample's graph
     *     at its position; or if it is not in the sample's space
     */
    static StartingPoint fromMedoid(WeightedSample sample, MedoidResult medoid,
            boolean squared) {
        if (medoid.alignments().size() != sample.size()) {
            throw new IllegalArgumentException("the initial medoid has "
                    + medoid.alignments().size() + (medoid.alignments().size() == 1
                            ? " alignment" : " alignments") + " but the sample has "
                    + sample.size() + (sample.size() == 1 ? " graph" : " graphs")
                    + ": it was computed on other graphs");
        }
        if (medoid.squared() != squared) {
            throw new IllegalArgumentException("the initial medoid is a " + setName(
                    medoid.squared()) + " but this center needs a " + setName(squared)
                    + ": compute it with Medoid.compute(..., squared = " + squared + ")");
        }
        int index = medoid.index();
        if (index >= sample.size() || !medoid.medoid().equals(sample.graph(index))) {
            throw new IllegalArgumentException("the initial medoid's graph is not graphs["
                    + index + "]: it was computed on other graphs or on these in another"
                    + " order");
        }
        for (int j = 0; j < sample.size(); j++) {
            requireAlignmentOf(sample, medoid, j);
        }
        int m = sample.space.size();
        return new StartingPoint(Checks.requireInitial(sample.space, medoid.medoid()).pad(m),
                Medoid.extendedPermutations(medoid, m));
    }

    private static String setName(boolean squared) {
        return squared ? "set mean (squared distances, for a Frechet mean)"
                : "set median (distances, for a Frechet median)";
    }

    /**
     * Throws unless alignment {@code j} of the medoid fits graph {@code j} of the sample and
     * attains its recorded distance there, up to rounding: an alignment of another graph,
     * or of these graphs in another order, almost never does.
     */
    private static void requireAlignmentOf(WeightedSample sample, MedoidResult medoid, int j) {
        Graph y = sample.graph(j);
        Alignment a = medoid.alignments().get(j);
        int needed = Math.max(medoid.medoid().order(), y.order());
        boolean fits = a.permutation().size() >= needed;
        if (fits) {
            GraphSpace space = sample.space;
            double d2 = space.squaredDistance(medoid.medoid(), y, a.permutation());
            double scale = space.squaredNorm(medoid.medoid()) + space.squaredNorm(y) + 1.0;
            fits = Math.abs(d2 - a.distance() * a.distance()) <= ALIGNMENT_TOLERANCE * scale;
        }
        if (!fits) {
            throw new IllegalArgumentException("the initial medoid's alignment " + j
                    + " does not belong to graphs[" + j + "] in this space: the medoid was"
                    + " computed on other graphs, on these in another order, or in a space"
                    + " with other weights");
        }
    }

    /**
     * Returns the objective at a starting point after the loop's first alignment step, the
     * first entry of the trace of a run from it.
     *
     * @param sample the sample
     * @param start the starting center and warm starts
     * @param aligner the aligner
     * @param executor where the alignments run
     * @param squared whether the objective is the mean squared distance or the mean distance
     * @return the objective
     */
    static double startObjective(WeightedSample sample, StartingPoint start, Aligner aligner,
            Executor executor, boolean squared) {
        AlignmentStep.Outcome outcome = AlignmentStep.run(aligner, sample, start.center(),
                start.warmStarts(), executor);
        return sample.weightedMean(squared ? outcome.squaredDistances() : outcome.distances());
    }

    /**
     * Runs the loop from {@code first}, then {@code restarts - 1} more times from incremental
     * means with derived seeds, and returns the run with the lowest objective (the earliest
     * on ties).
     *
     * @param sample the sample
     * @param first the starting point of the first run
     * @param update the center update
     * @return the best run
     */
    CenterResult runWithRestarts(WeightedSample sample, StartingPoint first, Update update) {
        CenterResult best = run(sample, first, update);
        List<CenterResult.Run> runs = new ArrayList<>(List.of(new CenterResult.Run(
                best.objective(), best.iterations(), best.trace())));
        SplittableRandom seeds = new SplittableRandom(options.seed());
        for (int r = 1; r < options.restarts(); r++) {
            Graph start = IncrementalMean.pass(sample, options.aligner(), seeds.nextLong());
            CenterResult next = run(sample, new StartingPoint(start, null), update);
            runs.add(new CenterResult.Run(next.objective(), next.iterations(), next.trace()));
            if (next.objective() < best.objective()) {
                best = next;
            }
        }
        return best.withRuns(runs);
    }

    /**
     * Runs the loop.
     *
     * @param sample the sample
     * @param start the starting center and warm starts
     * @param update the center update
     * @return the result, whose trace never rises
     */
    CenterResult run(WeightedSample sample, StartingPoint start, Update update) {
        long startTime = System.nanoTime();

        // Initial alignments and objective (trace index 0).
        Graph center = start.center();
        AlignmentStep.Outcome outcome = AlignmentStep.run(options.aligner(), sample, center,
                start.warmStarts(), options.executor());
        double value = objective(sample, outcome);
        double[] trace = new double[Math.min(options.maxIterations(), 1024) + 1];
        trace[0] = value;
        int iterations = 0;
        Status status = Status.MAX_ITERATIONS;

        // An objective of 0, attained, is the global minimum (one graph, or copies of one
        // graph from the medoid): the mean and the median both stop at once, no update made.
        if (value == 0.0 && options.maxIterations() > 0) {
            return new CenterResult(center, value, 0, new double[] {value}, Status.CONVERGED,
                    outcome.alignments());
        }

        while (iterations < options.maxIterations()) {
            // Minimise the surrogate built from the current alignments.
            Graph next = update.next(center, outcome);
            if (next == null) {
                status = Status.CONVERGED;
                break;
            }

            // Realign warm-started; a rise is rounding only, so keep the current iterate.
            AlignmentStep.Outcome nextOutcome = AlignmentStep.run(options.aligner(), sample,
                    next, outcome.permutations(), options.executor());
            double nextValue = objective(sample, nextOutcome);
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
            boolean proceed = options.listener().iterationDone(iterations, value, decrease,
                    System.nanoTime() - startTime);

            // Stopping rules.
            if ((squared && !nextOutcome.changed()) || decrease < options.tolerance()) {
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

    /** Returns the weighted mean of the squared distances, or of the distances. */
    private double objective(WeightedSample sample, AlignmentStep.Outcome outcome) {
        return sample.weightedMean(squared ? outcome.squaredDistances() : outcome.distances());
    }
}
