package org.orbifold.stats;

import java.util.List;
import java.util.Objects;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;

/**
 * The result of a center computation in graph space (a Fréchet mean or median, or an
 * incremental mean): the center, its objective, the diagnostics of the run, and the
 * alignment of every input graph to the center.
 *
 * <p>The objective is the weighted mean {@code (1/W) sum_i w_i d_i^2} of squared distances
 * for means and the weighted mean {@code (1/W) sum_i w_i d_i} of distances for medians, where
 * {@code d_i = ||center - pi_i . Y_i||} is the distance attained by the returned alignment
 * {@code pi_i}. With an exact aligner this is the true objective; with a heuristic aligner it
 * is an upper bound on it.
 *
 * <p>Instances are immutable: the trace is copied on the way in and on the way out.
 *
 * @param center the center graph, of order {@code space.size()}
 * @param objective the objective at the center, evaluated with {@link #alignments()}
 * @param iterations the number of update steps taken (0 if the starting point was kept)
 * @param trace the objective before the first step (index 0) and after each step; it has
 *     {@code iterations + 1} entries for iterative methods
 * @param status why the computation stopped
 * @param alignments one alignment per input graph, in input order, aligning that graph to
 *     the center
 * @param runs the final objective and the update steps of every run, in the order they were
 *     made, when the computation restarted from several points (one entry otherwise); the
 *     other components describe the best run
 */
public record CenterResult(Graph center, double objective, int iterations, double[] trace,
        Status status, List<Alignment> alignments, List<Run> runs) {

    /**
     * One run of a computation that restarts from several points.
     *
     * @param objective the objective the run ended at
     * @param iterations the update steps the run took
     */
    public record Run(double objective, int iterations) {
    }

    /**
     * A result of a single run.
     *
     * @param center the center graph
     * @param objective the objective at the center
     * @param iterations the number of update steps taken
     * @param trace the objective before the first step and after each step
     * @param status why the computation stopped
     * @param alignments one alignment per input graph, aligning it to the center
     */
    public CenterResult(Graph center, double objective, int iterations, double[] trace,
            Status status, List<Alignment> alignments) {
        this(center, objective, iterations, trace, status, alignments,
                List.of(new Run(objective, iterations)));
    }

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code iterations < 0} or the trace is empty
     */
    public CenterResult {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(status, "status");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (trace.length == 0) {
            throw new IllegalArgumentException("trace must hold at least the final objective");
        }
        trace = trace.clone();
        alignments = List.copyOf(alignments);
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must describe at least one run");
        }
    }

    /** Returns the update steps summed over all runs. */
    public int totalIterations() {
        int total = 0;
        for (Run run : runs) {
            total += run.iterations();
        }
        return total;
    }

    /**
     * Returns this result with the list of runs replaced.
     *
     * @param allRuns every run of the computation, this result's among them
     * @return the result with {@link #runs()} set to {@code allRuns}
     */
    public CenterResult withRuns(List<Run> allRuns) {
        return new CenterResult(center, objective, iterations, trace, status, alignments,
                allRuns);
    }

    /** Returns a copy of the objective trace. */
    @Override
    public double[] trace() {
        return trace.clone();
    }

    /**
     * Returns input graph {@code i} relabelled onto the center, {@code pi_i . Y_i}, padded to
     * the order of the center (the aligned sample of align-all-and-compute).
     *
     * @param i the index of the graph in the input list
     * @param graph that input graph
     * @return the aligned graph
     */
    public Graph aligned(int i, Graph graph) {
        return graph.permute(alignments.get(i).permutation());
    }
}
