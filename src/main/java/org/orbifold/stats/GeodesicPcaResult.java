package org.orbifold.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The result of a {@link GeodesicPca}: the mean {@code M} and the unit direction {@code V} of
 * the first principal geodesic {@code s -> M + s V} of the sample in graph space, further
 * directions, the explained-variance ratios, each graph's scores and alignment, and the
 * diagnostics of the run.
 *
 * <p>All quantities describe the principal component analysis of the aligned sample
 * {@code pi_i . Y_i} under the final alignments, in the weighted inner product of the
 * space: {@code M} is their average, the directions are orthonormal, and
 * {@code componentScores[i][k] = <pi_i . Y_i - M, V_k>}. The objective is the sum over the
 * graphs of {@code ||M + s_i V - pi_i . Y_i||^2} with {@code s_i} the score on the first
 * direction. It is an upper bound on {@code sum_i min over pi, s of ||M + s V - pi . Y_i||^2}
 * for the final line, even with an exact aligner: at a fixed point of the alternation each
 * {@code pi_i} is optimal for the point {@code M + s_i V} and each {@code s_i} is optimal for
 * {@code pi_i} (a coordinate-wise minimum), but another pair of alignment and position can
 * still be nearer; on random graphs of order 6 a tester found 4 of 160 graphs above that
 * joint minimum. With a heuristic aligner not even the alignment to the point is certain to
 * be optimal.
 *
 * <p>Instances are immutable: arrays are copied on the way in and on the way out.
 *
 * @param mean the mean graph {@code M}, of order {@code space.size()}
 * @param components the unit directions, the first being {@code V}; a direction along which
 *     the aligned sample has no variance left (fewer directions than asked for) is the zero
 *     graph
 * @param explainedVarianceRatios for each direction, the share of the total sum of squares
 *     of the aligned sample that it explains: non-increasing, summing to at most 1
 * @param totalSumOfSquares {@code sum_i ||pi_i . Y_i - M||^2} over the coordinates that are
 *     not constant up to the rounding of their mean ({@link PrincipalAxes}); 0 when no
 *     coordinate varies (the aligned graphs are copies of one graph up to rounding)
 * @param componentScores {@code componentScores[i][k]}, the score of graph {@code i} on
 *     direction {@code k}
 * @param alignments for each graph, its alignment to its point {@code M + s_i V} of the
 *     first geodesic; certified only when the aligner proved it optimal for that point and
 *     the run ended at a fixed point (no alignment changed); an uncertified one gives the
 *     aligner's reason ({@link Alignment#unproven()}) at a fixed point, else
 *     {@link Alignment.Unproven#HEURISTIC}
 * @param objective the sum of squared distances to the first geodesic, at most
 *     {@code totalSumOfSquares} (a sum above it is rounding and is reported as the total)
 * @param iterations the number of accepted update steps (0 when the start was kept)
 * @param trace the objective of the start (index 0) and after each accepted step
 * @param status why the computation stopped
 * @param fixedPoint whether the run ended at a fixed point of the alternation: the last
 *     alignment of every graph to its point of the final line changed nothing, so the
 *     alignments were made for that line (and are certified where the aligner proved them).
 *     False when the run stopped on the tolerance, a rejected rise, the iteration limit
 *     (always with {@code maxIterations = 0}) or the listener: the alignments were then made
 *     for the previous line, or are the starting mean's, and none is certified
 */
public record GeodesicPcaResult(Graph mean, List<Graph> components,
        double[] explainedVarianceRatios, double totalSumOfSquares, double[][] componentScores,
        List<Alignment> alignments, double objective, int iterations, double[] trace,
        Status status, boolean fixedPoint) {

    /**
     * Validates and copies the components.
     *
     * @param mean the mean graph
     * @param components the unit directions, the first being that of the geodesic
     * @param explainedVarianceRatios the share of the total sum of squares of each direction
     * @param totalSumOfSquares the total sum of squares of the aligned sample
     * @param componentScores the score of each graph on each direction
     * @param alignments one alignment per graph, to its point of the first geodesic
     * @param objective the sum of squared distances to the first geodesic
     * @param iterations the number of accepted update steps
     * @param trace the objective of the start and after each accepted step
     * @param status why the computation stopped
     * @param fixedPoint whether the run ended at a fixed point of the alternation
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the lengths disagree, there is no direction, or
     *     the trace is empty
     */
    public GeodesicPcaResult {
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(explainedVarianceRatios, "explainedVarianceRatios");
        Objects.requireNonNull(componentScores, "componentScores");
        Objects.requireNonNull(alignments, "alignments");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(status, "status");
        components = List.copyOf(components);
        alignments = List.copyOf(alignments);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one direction");
        }
        if (explainedVarianceRatios.length != components.size()) {
            throw new IllegalArgumentException(count(explainedVarianceRatios.length, "ratio")
                    + " for " + count(components.size(), "direction"));
        }
        if (componentScores.length != alignments.size()) {
            throw new IllegalArgumentException(count(componentScores.length, "score row")
                    + " for " + count(alignments.size(), "graph"));
        }
        if (trace.length == 0) {
            throw new IllegalArgumentException("trace must hold at least the final objective");
        }
        explainedVarianceRatios = explainedVarianceRatios.clone();
        double[][] rows = new double[componentScores.length][];
        for (int i = 0; i < rows.length; i++) {
            if (componentScores[i].length != components.size()) {
                throw new IllegalArgumentException("score row " + i + " has "
                        + componentScores[i].length + (componentScores[i].length == 1
                                ? " entry" : " entries") + " for " + components.size()
                        + (components.size() == 1 ? " direction" : " directions"));
            }
            rows[i] = componentScores[i].clone();
        }
        componentScores = rows;
        trace = trace.clone();
    }

    /**
     * Returns the unit direction {@code V} of the first principal geodesic.
     *
     * @return the unit direction {@code V} of the first principal geodesic
     */
    public Graph direction() {
        return components.get(0);
    }

    /**
     * Returns each graph's score {@code s_i} on the first principal geodesic.
     *
     * @return each graph's score {@code s_i} on the first principal geodesic
     */
    public double[] scores() {
        double[] s = new double[componentScores.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = componentScores[i][0];
        }
        return s;
    }

    /**
     * Returns a copy of the explained-variance ratios.
     *
     * @return a copy of the explained-variance ratios
     */
    @Override
    public double[] explainedVarianceRatios() {
        return explainedVarianceRatios.clone();
    }

    /**
     * Returns a copy of the scores, one row per graph and one column per direction.
     *
     * @return a copy of the scores, one row per graph and one column per direction
     */
    @Override
    public double[][] componentScores() {
        double[][] rows = new double[componentScores.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = componentScores[i].clone();
        }
        return rows;
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
     * Returns the point {@code M + s V} of the first principal geodesic.
     *
     * @param space the space the result was computed in
     * @param s the position along the geodesic, in units of the weighted norm
     * @return the graph, of the order of the mean
     */
    public Graph point(GraphSpace space, double s) {
        Objects.requireNonNull(space, "space");
        return GeodesicPca.line(space, mean, direction(), s);
    }

    /**
     * Returns input graph {@code i} relabelled onto its point {@code M + s_i V} of the first
     * geodesic (by its alignment in {@link #alignments()}), {@code pi_i . Y_i}, padded to the
     * order of the mean.
     *
     * <p>The result keeps no copy of the input graphs, so it checks only that {@code graph}
     * fits alignment {@code i}: the mean's attribute dimensions and directedness, and an
     * order at most the mean's. Another graph of that shape is relabelled without complaint,
     * so the caller must pass input {@code i} itself.
     *
     * @param i the index of the graph in the input list
     * @param graph that input graph
     * @return the aligned graph
     * @throws IllegalArgumentException if {@code i} is not an input index or {@code graph}
     *     cannot be input {@code i} (other dimensions, directedness or a larger order)
     */
    public Graph aligned(int i, Graph graph) {
        return CenterResult.relabel(mean, "mean", alignments, i, graph);
    }

    /** Compares every component, the arrays by content (bit for bit). */
    @Override
    public boolean equals(Object other) {
        return other instanceof GeodesicPcaResult that && mean.equals(that.mean)
                && components.equals(that.components)
                && Arrays.equals(explainedVarianceRatios, that.explainedVarianceRatios)
                && Double.compare(totalSumOfSquares, that.totalSumOfSquares) == 0
                && Arrays.deepEquals(componentScores, that.componentScores)
                && alignments.equals(that.alignments)
                && Double.compare(objective, that.objective) == 0
                && iterations == that.iterations && Arrays.equals(trace, that.trace)
                && status == that.status && fixedPoint == that.fixedPoint;
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        return Objects.hash(mean, components, Arrays.hashCode(explainedVarianceRatios),
                totalSumOfSquares, Arrays.deepHashCode(componentScores), alignments, objective,
                iterations, Arrays.hashCode(trace), status, fixedPoint);
    }

    /** Shows every component, the arrays by content. */
    @Override
    public String toString() {
        return "GeodesicPcaResult[mean=" + mean + ", components=" + components
                + ", explainedVarianceRatios=" + Arrays.toString(explainedVarianceRatios)
                + ", totalSumOfSquares=" + totalSumOfSquares + ", componentScores="
                + Arrays.deepToString(componentScores) + ", alignments=" + alignments
                + ", objective=" + objective + ", iterations=" + iterations + ", trace="
                + Arrays.toString(trace) + ", status=" + status + ", fixedPoint=" + fixedPoint
                + "]";
    }

    /** Returns the count with the noun, an "s" added unless it is 1: "1 graph", "2 graphs". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
