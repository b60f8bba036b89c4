package org.orbifold.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.Permutation;

/**
 * The set mean and the set median of a sample of graphs: the sample graph {@code Y_k} that
 * minimises {@code (1/W) sum_j w_j d(Y_k, Y_j)^2} (set mean, {@code squared = true}) or
 * {@code (1/W) sum_j w_j d(Y_k, Y_j)} (set median, {@code squared = false}). The set median
 * is the "median graph" restricted to the sample of Jiang, Münger and Bunke (2001, "On
 * median graphs: properties, algorithms, and applications", IEEE Transactions on Pattern
 * Analysis and Machine Intelligence 23(10)); both are the usual starting points of the
 * Fréchet mean and median.
 *
 * <p>All {@code N (N - 1) / 2} pairwise distances are computed once each, for {@code i < j}
 * only, with the alignment of {@code Y_j} to {@code Y_i}; the other triangle is filled by
 * symmetry. The pairs of one row run as one task on the executor, and every sum is taken in
 * index order afterwards, so the result is the same for any thread count. Ties go to the
 * lowest index. The alignments of the medoid row are then computed again (same calls, same
 * answers, since aligners are deterministic) and returned.
 *
 * <p>Complexity: {@code N (N + 1) / 2} alignments and {@code O(N^2)} memory.
 *
 * <p>Thread-safety: stateless; safe to call from several threads.
 *
 * <p><b>Limitations.</b> With a heuristic aligner the distances are upper bounds and need not
 * be symmetric; only the {@code i < j} direction is used. The cost is quadratic in the sample
 * size; for large samples subsample first.
 */
public final class Medoid {

    private Medoid() {
    }

    /**
     * Finds the set mean or set median of an unweighted sample.
     *
     * @param space the graph space of the sample
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param aligner the aligner for the pairwise distances
     * @param executor where the pairwise alignments run
     * @param squared true for the set mean (sum of squared distances), false for the set
     *     median (sum of distances)
     * @return the medoid
     * @throws IllegalArgumentException if the list is empty, a graph is not in the space, or
     *     a distance or the objective overflows
     */
    public static MedoidResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            Executor executor, boolean squared) {
        return compute(space, graphs, null, aligner, executor, squared);
    }

    /**
     * Finds the set mean or set median of an unweighted sample on the common fork-join pool.
     *
     * @param space the graph space of the sample
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param aligner the aligner for the pairwise distances
     * @param squared true for the set mean, false for the set median
     * @return the medoid
     * @throws IllegalArgumentException if the list is empty, a graph is not in the space, or
     *     a distance or the objective overflows
     */
    public static MedoidResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            boolean squared) {
        return compute(space, graphs, null, aligner, ForkJoinPool.commonPool(), squared);
    }

    /**
     * Finds the weighted set mean or set median.
     *
     * @param space the graph space of the sample
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param weights one finite weight {@code >= 0} per graph with a positive sum, or null for
     *     unit weights; not modified, not retained
     * @param aligner the aligner for the pairwise distances
     * @param executor where the pairwise alignments run
     * @param squared true for the set mean, false for the set median
     * @return the medoid
     * @throws IllegalArgumentException if the list is empty, a graph is not in the space, a
     *     weight is negative or not finite, or a distance or the objective overflows (weights
     *     too large for the attributes; the message names them)
     */
    public static MedoidResult compute(GraphSpace space, List<Graph> graphs, double[] weights,
            Aligner aligner, Executor executor, boolean squared) {
        Objects.requireNonNull(aligner, "aligner");
        Objects.requireNonNull(executor, "executor");
        WeightedSample sample = WeightedSample.of(space, graphs, weights);
        return compute(sample, aligner, executor, squared);
    }

    /**
     * Returns the objective of a medoid as a {@link FrechetMean} or {@link FrechetMedian}
     * started from it ({@link CenterBuilder#initial(MedoidResult)}) evaluates it before its
     * first update, the first entry of its trace: the medoid padded to the space size, every
     * graph aligned to it by {@code aligner} warm-started at its alignment to the medoid, and
     * the new alignment kept only where it is strictly better. {@link MedoidResult#objective()}
     * instead uses the alignments of the pairwise search that chose the medoid, so with a
     * heuristic aligner this value can lie below it: part of what a center computation gains
     * on the medoid then comes from the realignment alone, and this is the value to compare
     * its result with.
     *
     * @param space the graph space of the sample
     * @param graphs the sample the medoid was computed on; not retained
     * @param medoid the medoid of {@code graphs} in {@code space}
     * @param aligner the aligner of the center computation
     * @param executor where the alignments run
     * @param squared true for the mean squared distance, false for the mean distance
     * @return the objective of the medoid realigned as a start
     * @throws IllegalArgumentException if the list is empty, a graph or the medoid is not in
     *     the space, or the medoid was computed on another number of graphs
     */
    public static double realignedObjective(GraphSpace space, List<Graph> graphs,
            MedoidResult medoid, Aligner aligner, Executor executor, boolean squared) {
        Objects.requireNonNull(medoid, "medoid");
        Objects.requireNonNull(aligner, "aligner");
        Objects.requireNonNull(executor, "executor");
        WeightedSample sample = WeightedSample.of(space, graphs, null);
        return CenterLoop.startObjective(sample, CenterLoop.fromMedoid(sample, medoid, squared),
                aligner, executor, squared);
    }

    /**
     * Returns the symmetric matrix of pairwise graph distances {@code d(Y_i, Y_j)}, computed
     * for {@code i < j} in parallel and mirrored; the diagonal is zero.
     *
     * @param space the graph space of the sample
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param aligner the aligner
     * @param executor where the alignments run
     * @return a new {@code N x N} matrix
     * @throws IllegalArgumentException if the list is empty or a graph is not in the space
     */
    public static double[][] distanceMatrix(GraphSpace space, List<Graph> graphs,
            Aligner aligner, Executor executor) {
        Objects.requireNonNull(aligner, "aligner");
        Objects.requireNonNull(executor, "executor");
        return distanceMatrix(WeightedSample.of(space, graphs, null), aligner, executor);
    }

    static MedoidResult compute(WeightedSample sample, Aligner aligner, Executor executor,
            boolean squared) {
        int n = sample.size();
        double[][] distances = distanceMatrix(sample, aligner, executor);

        // Objective of every candidate, summed in index order; the lowest index wins ties.
        double[] objectives = new double[n];
        int best = 0;
        for (int k = 0; k < n; k++) {
            objectives[k] = sample.weightedMean(powers(distances[k], squared));
            if (objectives[k] < objectives[best]) {
                best = k;
            }
        }

        // Recompute the alignments of the winning row and evaluate the objective with them.
        int medoidIndex = best;
        Graph medoid = sample.graph(medoidIndex);
        List<Alignment> alignments = IndexedTasks.map(n, j -> alignToSample(sample, aligner,
                medoidIndex, j), executor);
        double[] rowDistances = new double[n];
        for (int j = 0; j < n; j++) {
            rowDistances[j] = Math.sqrt(sample.space.squaredDistance(medoid,
                    sample.graph(j), alignments.get(j).permutation()));
        }
        double objective = sample.weightedMean(powers(rowDistances, squared));
        return new MedoidResult(medoidIndex, medoid, objective, objectives, alignments,
                squared);
    }

    /** Returns the alignment of sample {@code j} to sample {@code k}, as the pair loop has it. */
    private static Alignment alignToSample(WeightedSample sample, Aligner aligner, int k,
            int j) {
        GraphSpace space = sample.space;
        Graph medoid = sample.graph(k);
        if (j == k) {
            Permutation identity = Permutation.identity(medoid.order());
            return Alignment.of(space, medoid, medoid, identity, true);
        }
        if (k < j) {
            return aligner.align(space, medoid, sample.graph(j));
        }
        return aligner.align(space, sample.graph(j), medoid).reversed();
    }

    private static double[][] distanceMatrix(WeightedSample sample, Aligner aligner,
            Executor executor) {
        int n = sample.size();
        List<double[]> rows = IndexedTasks.map(n, i -> upperRow(sample, aligner, i), executor);
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            for (int j = i + 1; j < n; j++) {
                distances[i][j] = row[j - i - 1];
                distances[j][i] = row[j - i - 1];
            }
        }
        return distances;
    }

    /** Returns {@code d(Y_i, Y_j)} for {@code j = i+1..N-1}. */
    private static double[] upperRow(WeightedSample sample, Aligner aligner, int i) {
        int n = sample.size();
        Graph x = sample.graph(i);
        double[] row = new double[n - i - 1];
        for (int j = i + 1; j < n; j++) {
            Graph y = sample.graph(j);
            Permutation p = aligner.align(sample.space, x, y).permutation();
            row[j - i - 1] = Math.sqrt(sample.space.squaredDistance(x, y, p));
        }
        return row;
    }

    private static double[] powers(double[] distances, boolean squared) {
        double[] result = new double[distances.length];
        for (int j = 0; j < distances.length; j++) {
            result[j] = squared ? distances[j] * distances[j] : distances[j];
        }
        return result;
    }

    /** Returns the permutations of a medoid's alignments, extended to {@code size}. */
    static List<Permutation> extendedPermutations(MedoidResult medoid, int size) {
        List<Permutation> result = new ArrayList<>(medoid.alignments().size());
        for (Alignment a : medoid.alignments()) {
            result.add(a.permutation().extend(size));
        }
        return result;
    }
}
