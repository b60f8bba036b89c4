package org.orbifold.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.Permutation;

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
     * @param trace the run's objective before its first step and after each step
     *     ({@code iterations + 1} entries), or an empty array when not recorded; copied on
     *     the way in and out
     */
    public record Run(double objective, int iterations, double[] trace) {

        /**
         * Copies the trace.
         *
         * @param objective the objective the run ended at
         * @param iterations the update steps the run took
         * @param trace the run's objective trace, or an empty array
         */
        public Run {
            Objects.requireNonNull(trace, "trace");
            trace = trace.clone();
        }

        /**
         * A run whose trace is not recorded (an empty {@link #trace()}).
         *
         * @param objective the objective the run ended at
         * @param iterations the update steps the run took
         */
        public Run(double objective, int iterations) {
            this(objective, iterations, new double[0]);
        }

        /**
         * Returns a copy of the trace.
         *
         * @return a copy of the trace
         */
        @Override
        public double[] trace() {
            return trace.clone();
        }

        /** Compares the components, the trace by content (bit for bit). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Run that
                    && Double.compare(objective, that.objective) == 0
                    && iterations == that.iterations && Arrays.equals(trace, that.trace);
        }

        /** Hashes the content that {@link #equals(Object)} compares. */
        @Override
        public int hashCode() {
            return Objects.hash(objective, iterations, Arrays.hashCode(trace));
        }

        /** Shows the components, the trace by content. */
        @Override
        public String toString() {
            return "Run[objective=" + objective + ", iterations=" + iterations + ", trace="
                    + Arrays.toString(trace) + "]";
        }
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
                List.of(new Run(objective, iterations, trace)));
    }

    /**
     * Validates and copies the components.
     *
     * @param center the center graph
     * @param objective the objective at the center
     * @param iterations the update steps of the best run
     * @param trace the objective before the first step and after each step
     * @param status why the computation stopped
     * @param alignments one alignment per input graph, aligning it to the center
     * @param runs every run of the computation
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code iterations < 0} or the trace is empty
     */
    public CenterResult {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(alignments, "alignments");
        Objects.requireNonNull(runs, "runs");
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

    /**
     * Returns the index in {@link #runs()} of the run this result describes as computed by
     * the restarts: the earliest run with the lowest objective (0 for a single run).
     *
     * @return the index of the kept run
     */
    public int keptRun() {
        int kept = 0;
        for (int r = 1; r < runs.size(); r++) {
            if (runs.get(r).objective() < runs.get(kept).objective()) {
                kept = r;
            }
        }
        return kept;
    }

    /**
     * Returns the update steps summed over all runs.
     *
     * @return the update steps summed over all runs
     */
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
        Objects.requireNonNull(allRuns, "allRuns");
        return new CenterResult(center, objective, iterations, trace, status, alignments,
                allRuns);
    }

    /**
     * Returns the distance of every input graph to the center, in input order, as its
     * alignment attains it ({@code alignments().get(i).distance()}); the objective is their
     * mean, or the mean of their squares for a mean, up to rounding (unit weights; a
     * weighted computation weights them as its objective does).
     *
     * @return a new array of the distances
     */
    public double[] distances() {
        double[] d = new double[alignments.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = alignments.get(i).distance();
        }
        return d;
    }

    /**
     * Returns a copy of the objective trace.
     *
     * @return a copy of the objective trace
     */
    @Override
    public double[] trace() {
        return trace.clone();
    }

    /**
     * Returns input graph {@code i} relabelled onto the center, {@code pi_i . Y_i}, padded to
     * the order of the center (the aligned sample of align-all-and-compute).
     *
     * <p>The result keeps no copy of the input graphs, so it checks only that {@code graph}
     * fits alignment {@code i}: the center's attribute dimensions and directedness, and an
     * order at most the center's. Another graph of that shape is relabelled without
     * complaint, so the caller must pass input {@code i} itself.
     *
     * @param i the index of the graph in the input list
     * @param graph that input graph
     * @return the aligned graph
     * @throws IllegalArgumentException if {@code i} is not an input index or {@code graph}
     *     cannot be input {@code i} (other dimensions, directedness or a larger order)
     */
    public Graph aligned(int i, Graph graph) {
        return relabel(center, "center", alignments, i, graph);
    }

    /**
     * Relabels input graph {@code i} by its alignment to a reference graph of the space
     * order, after checking that the graph can be that input.
     *
     * @param reference the graph the inputs were aligned to (or one of its order and shape)
     * @param name what the reference is, for messages
     * @param alignments one alignment per input graph
     * @param i the index of the input
     * @param graph the input graph
     * @return {@code pi_i . graph}
     * @throws IllegalArgumentException if {@code i} is out of range or the graph does not fit
     */
    static Graph relabel(Graph reference, String name, List<Alignment> alignments, int i,
            Graph graph) {
        Objects.requireNonNull(graph, "graph");
        if (i < 0 || i >= alignments.size()) {
            throw new IllegalArgumentException("i = " + i + " is not an input index, 0.."
                    + (alignments.size() - 1));
        }
        if (graph.nodeDimension() != reference.nodeDimension()
                || graph.edgeDimension() != reference.edgeDimension()
                || graph.isDirected() != reference.isDirected()) {
            throw new IllegalArgumentException("the graph given as input " + i
                    + " has attribute dimensions (node " + graph.nodeDimension() + ", edge "
                    + graph.edgeDimension() + (graph.isDirected() ? ", directed" : "")
                    + ") but the " + name
                    + " has (node " + reference.nodeDimension() + ", edge "
                    + reference.edgeDimension() + (reference.isDirected() ? ", directed" : "")
                    + "): it cannot be input " + i);
        }
        Permutation p = alignments.get(i).permutation();
        if (graph.order() > p.size()) {
            throw new IllegalArgumentException("the graph given as input " + i + " has order "
                    + graph.order() + " but input " + i + " was aligned by a permutation of"
                    + " size " + p.size() + ": it cannot be input " + i);
        }
        return graph.permute(p);
    }

    /** Compares every component, the trace by content (bit for bit). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CenterResult that && center.equals(that.center)
                && Double.compare(objective, that.objective) == 0
                && iterations == that.iterations && Arrays.equals(trace, that.trace)
                && status == that.status && alignments.equals(that.alignments)
                && runs.equals(that.runs);
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        return Objects.hash(center, objective, iterations, Arrays.hashCode(trace), status,
                alignments, runs);
    }

    /** Shows every component, the trace by content. */
    @Override
    public String toString() {
        return "CenterResult[center=" + center + ", objective=" + objective + ", iterations="
                + iterations + ", trace=" + Arrays.toString(trace) + ", status=" + status
                + ", alignments=" + alignments + ", runs=" + runs + "]";
    }
}
