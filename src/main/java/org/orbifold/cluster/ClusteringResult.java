package org.orbifold.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.stats.Status;

/**
 * Outcome of one {@link CentralClustering} run: the best of its restarts.
 *
 * <p>The objective is the sum over the graphs of their cost to their own center: the squared
 * distance for k-means, the distance for k-medians and k-medoids (or its square, when the
 * k-medoids run was built with squared costs). Distances are those of the alignments the run
 * found, so with a heuristic aligner they are upper bounds on the true graph distances.
 *
 * <p>Arrays are copied on the way in and out; the record is immutable.
 *
 * @param labels cluster index in {@code [0, k)} of every graph, in input order
 * @param centers the k centers; for k-means and k-medians padded to the space's order,
 *        for k-medoids the member graphs themselves
 * @param medoids for k-medoids the input index of each center, otherwise an empty array
 * @param objective the final objective of the best restart
 * @param trace the objective after the initial assignment and after every iteration of the
 *        best restart; it never rises
 * @param iterations Lloyd iterations of the best restart
 * @param status why the best restart stopped
 * @param distanceComputations distances computed (aligner calls) over all restarts: seeding
 *        ({@code n - 1} per seed), assignment steps, and the center-to-center and
 *        center-drift distances of the pruning bounds (also counted in
 *        {@code boundComputations}); for k-medoids the distance matrix. The first assignment
 *        reuses the seeding distances and costs none. The alignments made inside
 *        {@link CenterUpdate#FRECHET} center updates are not counted
 * @param restartObjectives final objective of every restart, in restart order
 * @param distancesPruned graph-to-center distances over all restarts that the assignment
 *        steps skipped by the triangle inequality, counting a graph's certified distance to
 *        its own center that was kept rather than recomputed (so a single graph in one
 *        cluster counts 1: its seeding distance stands); Jain and Obermayer's measure of saved
 *        work; an unpruned run would have computed
 *        {@code distanceComputations - boundComputations + distancesPruned}
 * @param boundComputations distances computed only for the bounds (center to center and
 *        center drift), over all restarts
 * @param pruningApplied whether pruning was asked for and every distance feeding a lower bound
 *        was certified in every restart; false means every graph-to-center distance after the
 *        first uncertified one was computed
 * @param localOptimaKept graph-to-center alignments over all restarts that a run with
 *        {@link CentralClustering.Builder#trackAlignments tracked alignments} kept without
 *        calling the aligner, because the alignment of the previous iteration, carried to the
 *        moved center, was already a 2-swap local optimum (or, with a
 *        {@link CentralClustering.Builder#refreshInterval refresh interval}, that a polishing
 *        pass settled by local search alone); 0 without tracking. They are not in
 *        {@code distanceComputations}
 * @param lowerBoundSkips graph-to-center alignments over all restarts that the assignment
 *        steps skipped because the certified lower bound of
 *        {@link CentralClustering.Builder#lowerBounds} ruled the center out; 0 without it.
 *        They are neither computed, nor kept, nor pruned
 * @param cappedUpdatesRefused k-means and k-medians center updates over all restarts (one
 *        per cluster and iteration) that left their center in place after refusing, because
 *        the objective did not fall, a candidate center that had lost a node slot that was
 *        not null to the {@link CentralClustering.Builder#maxCenterOrder center-order cap};
 *        a Fréchet candidate and its one-step fallback both refused count once, and an
 *        update whose fallback was kept counts not at all. At most k times the Lloyd
 *        iterations of all restarts; 0 without a cap and for k-medoids
 * @param seedCentersKept k-means and k-medians centers of the best restart that no center
 *        update ever replaced, so that they are still the member graph they were seeded
 *        with (by k-means++ or by re-seeding an empty cluster); 0 for k-medoids, whose
 *        centers are always members
 * @param distances the distance of every graph to its own center in the best restart, in
 *        input order, as its final alignment attains it (k-medoids: the distance-matrix
 *        entry), so that the objective is their sum, or the sum of their squares for k-means
 *        and squared k-medoids costs, up to rounding; an empty array in a result built by
 *        one of the shorter constructors, which record none
 */
public record ClusteringResult(int[] labels, List<Graph> centers, int[] medoids,
        double objective, double[] trace, int iterations, Status status,
        long distanceComputations, double[] restartObjectives, long distancesPruned,
        long boundComputations, boolean pruningApplied, long localOptimaKept,
        long lowerBoundSkips, long cappedUpdatesRefused, int seedCentersKept,
        double[] distances) {

    /**
     * Validates and copies the components.
     *
     * @param labels cluster index in {@code [0, k)} of every graph, in input order
     * @param centers the k centers; for k-means and k-medians padded to the space's order,
     *     for k-medoids the member graphs themselves
     * @param medoids for k-medoids the input index of each center, otherwise an empty array
     * @param objective the final objective of the best restart
     * @param trace the objective after the initial assignment and after every iteration of the
     *     best restart; it never rises
     * @param iterations Lloyd iterations of the best restart
     * @param status why the best restart stopped
     * @param distanceComputations distances computed (aligner calls) over all restarts: seeding
     *     ({@code n - 1} per seed), assignment steps, and the center-to-center and
     *     center-drift distances of the pruning bounds (also counted in
     *     {@code boundComputations}); for k-medoids the distance matrix. The first assignment
     *     reuses the seeding distances and costs none. The alignments made inside
     *     {@link CenterUpdate#FRECHET} center updates are not counted
     * @param restartObjectives final objective of every restart, in restart order
     * @param distancesPruned graph-to-center distances over all restarts that the assignment
     *     steps skipped by the triangle inequality, counting a graph's certified distance to
     *     its own center that was kept rather than recomputed (so a single graph in one
     *     cluster counts 1: its seeding distance stands); Jain and Obermayer's measure of saved
     *     work; an unpruned run would have computed
     *     {@code distanceComputations - boundComputations + distancesPruned}
     * @param boundComputations distances computed only for the bounds (center to center and
     *     center drift), over all restarts
     * @param pruningApplied whether pruning was asked for and every distance feeding a lower bound
     *     was certified in every restart; false means every graph-to-center distance after the
     *     first uncertified one was computed
     * @param localOptimaKept graph-to-center alignments over all restarts that a run with
     *     {@link CentralClustering.Builder#trackAlignments tracked alignments} kept without
     *     calling the aligner, because the alignment of the previous iteration, carried to the
     *     moved center, was already a 2-swap local optimum (or, with a
     *     {@link CentralClustering.Builder#refreshInterval refresh interval}, that a polishing
     *     pass settled by local search alone); 0 without tracking. They are not in
     *     {@code distanceComputations}
     * @param lowerBoundSkips graph-to-center alignments over all restarts that the assignment
     *     steps skipped because the certified lower bound of
     *     {@link CentralClustering.Builder#lowerBounds} ruled the center out; 0 without it.
     *     They are neither computed, nor kept, nor pruned
     * @param cappedUpdatesRefused k-means and k-medians center updates over all restarts (one
     *     per cluster and iteration) that left their center in place after refusing, because
     *     the objective did not fall, a candidate center that had lost a node slot that was
     *     not null to the {@link CentralClustering.Builder#maxCenterOrder center-order cap};
     *     a Fréchet candidate and its one-step fallback both refused count once, and an
     *     update whose fallback was kept counts not at all. At most k times the Lloyd
     *     iterations of all restarts; 0 without a cap and for k-medoids
     * @param seedCentersKept k-means and k-medians centers of the best restart that no center
     *     update ever replaced, so that they are still the member graph they were seeded
     *     with (by k-means++ or by re-seeding an empty cluster); 0 for k-medoids, whose
     *     centers are always members
     * @param distances the distance of every graph to its own center, in input order, or
     *     an empty array when not recorded
     * @throws IllegalArgumentException if the trace is empty, a label is outside
     *         {@code [0, centers.size())}, iterations is negative,
     *         {@code cappedUpdatesRefused} or {@code seedCentersKept} is negative or the
     *         latter exceeds the number of centers, or {@code distances} is neither empty
     *         nor one value per label
     */
    public ClusteringResult {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(centers, "centers");
        Objects.requireNonNull(medoids, "medoids");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(restartObjectives, "restartObjectives");
        Objects.requireNonNull(distances, "distances");
        Objects.requireNonNull(status, "status");
        centers = List.copyOf(centers);
        labels = labels.clone();
        medoids = medoids.clone();
        trace = trace.clone();
        restartObjectives = restartObjectives.clone();
        distances = distances.clone();
        if (distances.length != 0 && distances.length != labels.length) {
            throw new IllegalArgumentException("distances must be empty or hold one value per"
                    + " graph, " + labels.length + ", got " + distances.length);
        }
        if (trace.length == 0) {
            throw new IllegalArgumentException("trace must hold at least the final objective");
        }
        if (distancesPruned < 0 || boundComputations < 0
                || boundComputations > distanceComputations) {
            throw new IllegalArgumentException("distance counts must be >= 0 with the bound"
                    + " distances among the computed ones, got " + distanceComputations
                    + " computed, " + boundComputations + " for bounds, " + distancesPruned
                    + " pruned");
        }
        if (localOptimaKept < 0 || lowerBoundSkips < 0) {
            throw new IllegalArgumentException("localOptimaKept and lowerBoundSkips must be"
                    + " >= 0, got " + localOptimaKept + " and " + lowerBoundSkips);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (cappedUpdatesRefused < 0 || seedCentersKept < 0
                || seedCentersKept > centers.size()) {
            throw new IllegalArgumentException("cappedUpdatesRefused must be >= 0 and"
                    + " seedCentersKept in 0.." + centers.size() + ", got "
                    + cappedUpdatesRefused + " and " + seedCentersKept);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= centers.size()) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i]
                        + " is outside 0.." + (centers.size() - 1));
            }
        }
    }

    /**
     * Creates a result that records no per-graph distances ({@link #distances()} empty).
     *
     * @param labels cluster index of every graph
     * @param centers the k centers
     * @param medoids medoid indices (k-medoids) or an empty array
     * @param objective the final objective
     * @param trace the objective trace
     * @param iterations Lloyd iterations
     * @param status why the run stopped
     * @param distanceComputations distances computed
     * @param restartObjectives final objective of every restart
     * @param distancesPruned distances skipped by the triangle inequality
     * @param boundComputations distances computed only for the bounds
     * @param pruningApplied whether pruning stayed on in every restart
     * @param localOptimaKept alignments kept as 2-swap local optima
     * @param lowerBoundSkips alignments skipped by the lower bound
     * @param cappedUpdatesRefused capped center updates refused
     * @param seedCentersKept centers still at their seed graphs
     */
    public ClusteringResult(int[] labels, List<Graph> centers, int[] medoids,
            double objective, double[] trace, int iterations, Status status,
            long distanceComputations, double[] restartObjectives, long distancesPruned,
            long boundComputations, boolean pruningApplied, long localOptimaKept,
            long lowerBoundSkips, long cappedUpdatesRefused, int seedCentersKept) {
        this(labels, centers, medoids, objective, trace, iterations, status,
                distanceComputations, restartObjectives, distancesPruned, boundComputations,
                pruningApplied, localOptimaKept, lowerBoundSkips, cappedUpdatesRefused,
                seedCentersKept, new double[0]);
    }

    /**
     * Creates a result of a run without a center-order cap and without the count of centers
     * kept at their seeds (both 0).
     *
     * @param labels cluster index of every graph
     * @param centers the k centers
     * @param medoids medoid indices (k-medoids) or an empty array
     * @param objective the final objective
     * @param trace the objective trace
     * @param iterations Lloyd iterations
     * @param status why the run stopped
     * @param distanceComputations distances computed
     * @param restartObjectives final objective of every restart
     * @param distancesPruned distances skipped by the triangle inequality
     * @param boundComputations distances computed only for the bounds
     * @param pruningApplied whether pruning stayed on in every restart
     * @param localOptimaKept alignments kept as 2-swap local optima
     * @param lowerBoundSkips alignments skipped by the lower bound
     */
    public ClusteringResult(int[] labels, List<Graph> centers, int[] medoids,
            double objective, double[] trace, int iterations, Status status,
            long distanceComputations, double[] restartObjectives, long distancesPruned,
            long boundComputations, boolean pruningApplied, long localOptimaKept,
            long lowerBoundSkips) {
        this(labels, centers, medoids, objective, trace, iterations, status,
                distanceComputations, restartObjectives, distancesPruned, boundComputations,
                pruningApplied, localOptimaKept, lowerBoundSkips, 0L, 0, new double[0]);
    }

    /**
     * Creates a result of a run without tracked alignments (no local optimum kept).
     *
     * @param labels cluster index of every graph
     * @param centers the k centers
     * @param medoids medoid indices (k-medoids) or an empty array
     * @param objective the final objective
     * @param trace the objective trace
     * @param iterations Lloyd iterations
     * @param status why the run stopped
     * @param distanceComputations distances computed
     * @param restartObjectives final objective of every restart
     * @param distancesPruned distances skipped by the triangle inequality
     * @param boundComputations distances computed only for the bounds
     * @param pruningApplied whether pruning stayed on in every restart
     */
    public ClusteringResult(int[] labels, List<Graph> centers, int[] medoids,
            double objective, double[] trace, int iterations, Status status,
            long distanceComputations, double[] restartObjectives, long distancesPruned,
            long boundComputations, boolean pruningApplied) {
        this(labels, centers, medoids, objective, trace, iterations, status,
                distanceComputations, restartObjectives, distancesPruned, boundComputations,
                pruningApplied, 0L, 0L, 0L, 0, new double[0]);
    }

    /**
     * Creates a result of a run without pruning (no distance skipped, none computed for
     * bounds).
     *
     * @param labels cluster index of every graph
     * @param centers the k centers
     * @param medoids medoid indices (k-medoids) or an empty array
     * @param objective the final objective
     * @param trace the objective trace
     * @param iterations Lloyd iterations
     * @param status why the run stopped
     * @param distanceComputations distances computed
     * @param restartObjectives final objective of every restart
     */
    public ClusteringResult(int[] labels, List<Graph> centers, int[] medoids,
            double objective, double[] trace, int iterations, Status status,
            long distanceComputations, double[] restartObjectives) {
        this(labels, centers, medoids, objective, trace, iterations, status,
                distanceComputations, restartObjectives, 0L, 0L, false, 0L, 0L, 0L, 0,
                new double[0]);
    }

    /**
     * Returns the number of clusters k.
     *
     * @return the number of clusters k
     */
    public int clusters() {
        return centers.size();
    }

    /**
     * Returns a copy of the labels.
     *
     * @return a copy of the labels
     */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Returns a copy of the medoid indices (empty unless k-medoids).
     *
     * @return a copy of the medoid indices (empty unless k-medoids)
     */
    @Override
    public int[] medoids() {
        return medoids.clone();
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
     * Returns a copy of the restart objectives.
     *
     * @return a copy of the restart objectives
     */
    @Override
    public double[] restartObjectives() {
        return restartObjectives.clone();
    }

    /**
     * Returns a copy of the distance of every graph to its own center (empty when the
     * result records none).
     *
     * @return a copy of the per-graph distances
     */
    @Override
    public double[] distances() {
        return distances.clone();
    }

    /**
     * Returns the number of graphs in each cluster.
     *
     * @return sizes indexed by cluster
     */
    public int[] clusterSizes() {
        int[] sizes = new int[centers.size()];
        for (int label : labels) {
            sizes[label]++;
        }
        return sizes;
    }

    /** Compares every component, the arrays by content (bit for bit). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClusteringResult that && Arrays.equals(labels, that.labels)
                && centers.equals(that.centers) && Arrays.equals(medoids, that.medoids)
                && Double.compare(objective, that.objective) == 0
                && Arrays.equals(trace, that.trace) && iterations == that.iterations
                && status == that.status && distanceComputations == that.distanceComputations
                && Arrays.equals(restartObjectives, that.restartObjectives)
                && distancesPruned == that.distancesPruned
                && boundComputations == that.boundComputations
                && pruningApplied == that.pruningApplied
                && localOptimaKept == that.localOptimaKept
                && lowerBoundSkips == that.lowerBoundSkips
                && cappedUpdatesRefused == that.cappedUpdatesRefused
                && seedCentersKept == that.seedCentersKept
                && Arrays.equals(distances, that.distances);
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(labels), centers, Arrays.hashCode(medoids),
                objective, Arrays.hashCode(trace), iterations, status, distanceComputations,
                Arrays.hashCode(restartObjectives), distancesPruned, boundComputations,
                pruningApplied, localOptimaKept, lowerBoundSkips, cappedUpdatesRefused,
                seedCentersKept, Arrays.hashCode(distances));
    }

    /** Shows every component, the arrays by content. */
    @Override
    public String toString() {
        return "ClusteringResult[labels=" + Arrays.toString(labels) + ", centers=" + centers
                + ", medoids=" + Arrays.toString(medoids) + ", objective=" + objective
                + ", trace=" + Arrays.toString(trace) + ", iterations=" + iterations
                + ", status=" + status + ", distanceComputations=" + distanceComputations
                + ", restartObjectives=" + Arrays.toString(restartObjectives)
                + ", distancesPruned=" + distancesPruned + ", boundComputations="
                + boundComputations + ", pruningApplied=" + pruningApplied
                + ", localOptimaKept=" + localOptimaKept + ", lowerBoundSkips="
                + lowerBoundSkips + ", cappedUpdatesRefused=" + cappedUpdatesRefused
                + ", seedCentersKept=" + seedCentersKept + ", distances="
                + Arrays.toString(distances) + "]";
    }
}
