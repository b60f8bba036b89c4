package org.orbifold.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.DistanceLowerBound;
import org.orbifold.match.LocalSearch;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;
import org.orbifold.space.WeightedOverflowException;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.FrechetMedian;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.Status;

/**
 * Central clustering in graph space: k-means, k-medians and k-medoids by Lloyd's alternation
 * (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2):129-137,
 * doi:10.1109/TIT.1982.1056489), carried to graphs as in Jain and Obermayer (2009,
 * "Structure spaces", JMLR 10:2667-2714), seeded by k-means++ (Arthur and Vassilvitskii 2007,
 * "k-means++: the advantages of careful seeding", SODA, 1027-1035).
 *
 * <p><b>Objective.</b> With labels {@code c(i)} and centers {@code mu_k}, the run minimises
 * {@code J = sum_i cost(Y_i, mu_c(i))}, where the cost is the squared distance for
 * {@link Method#MEANS}, the distance for {@link Method#MEDIANS}, and the distance (or its
 * square, see {@link Builder#squaredMedoidCosts}) for {@link Method#MEDOIDS}. Every distance
 * is the one of a concrete alignment {@code p_i} of {@code Y_i} to its center, stored with the
 * label; {@code J} is therefore an upper bound on the same sum over the true graph distances
 * whenever the aligner is a heuristic.
 *
 * <p><b>Iteration.</b> After seeding, a first assignment (read from the seeding distances, so
 * it costs no alignment), each iteration
 * <ol>
 *   <li>updates every center ({@link CenterUpdate}). With {@link CenterUpdate#FRECHET}
 *       k-means runs {@link FrechetMean} on the cluster, k-medians {@link FrechetMedian},
 *       both started at the previous center with at most {@link Builder#centerIterations}
 *       iterations; if the Fréchet mean does not lower {@code J}, k-means tries the average
 *       of the members under their stored alignments. With {@link CenterUpdate#SINGLE_STEP}
 *       only that average (k-medians: one Weiszfeld step) is tried, with no alignment. A new
 *       center is compacted ({@link Builder#maxCenterOrder}) and kept only if it lowers
 *       {@code J}. k-medoids makes the member with the least summed cost to the other
 *       members the new medoid, again only if that lowers {@code J};</li>
 *   <li>assigns every graph to its nearest center. The distance to the graph's own center is
 *       found warm-started from the stored alignment {@code p_i}, and {@code p_i} is kept
 *       unless the aligner returns a strictly better one; ties keep the current label, then
 *       the lowest center index. Distances that Elkan's bounds rule out are skipped (see
 *       below);</li>
 *   <li>handles an empty cluster by the {@link EmptyClusterPolicy}.</li>
 * </ol>
 * It stops, as converged, when neither step can still move: the labels did not change and
 * the center update is at a fixed point of its own (with {@link CenterUpdate#FRECHET}: every
 * Fréchet run converged within its cap of {@link Builder#centerIterations}, or left its
 * center where it was; after a single-step update: no alignment changed, so the next step
 * would average the same aligned graphs; k-medoids: the labels alone). Unchanged labels are
 * not enough while a capped Fréchet run is still descending: its next run, from the moved
 * center, would lower {@code J} further. It also stops as converged when the relative
 * decrease of {@code J} fell below the tolerance, and otherwise after the maximum number of
 * iterations or when the listener asks to.
 *
 * <p><b>Pruning (Elkan 2003, "Using the triangle inequality to accelerate k-means", ICML,
 * 147-153; carried to graphs by Jain and Obermayer 2010, "Elkan's k-means algorithm for
 * graphs", MICAI, LNCS 6438, 22-32).</b> The assignment step keeps, per graph, the upper bound
 * {@code u_i} = the distance under the stored alignment to its own center (always an upper
 * bound on the true distance) and lower bounds {@code l_ik} on the distance to every center,
 * and per center half the distance to the nearest other center, {@code s_k}. It skips center
 * {@code k} when {@code u_i <= l_ik} or {@code u_i <= d(mu_c(i), mu_k) / 2}, and the whole
 * graph when {@code u_i <= s_c(i)} and the stored alignment is certified optimal. After a
 * center moves by {@code delta_k} (the distance of any alignment of old and new center, an
 * upper bound), {@code l_ik} drops by {@code delta_k}. Lower bounds need the triangle
 * inequality of the true distance and are taken only from certified distances: the policy
 * is to prune only while every distance that feeds a lower bound (graph to center, center to
 * center) is certified; the first uncertified one turns pruning off for the rest of the
 * restart, which {@link ClusteringResult#pruningApplied()} reports. So pruning acts with
 * {@link org.orbifold.match.NodeAssignmentAligner} on point patterns and with
 * {@link org.orbifold.match.ExactAligner} within its limits, never on heuristic distances. A
 * pruned run picks the same labels as an unpruned one and reaches the same objective up to
 * rounding; the result counts the distances computed and skipped, Jain and Obermayer's
 * measure. Center-to-center distances cost {@code k(k-1)/2} alignments and drifts {@code k}
 * per iteration.
 *
 * <p><b>The objective never rises.</b> Write {@code J(c, mu, p)} for the sum of the stored
 * costs. (1) The center update replaces {@code (mu_k, p)} only when the new sum is smaller,
 * the sum being evaluated in index order exactly as {@code J} is, so {@code J} does not rise.
 * (2) In the assignment step, the candidate cost of graph {@code i} at its own center is the
 * cost of the better of the stored {@code p_i} and the aligner's warm-started answer, hence at
 * most the stored cost (it is computed by the same floating-point expression); the chosen
 * label has cost at most that candidate. Every term of {@code J} therefore does not rise and,
 * since rounding is monotone, neither does their sum in a fixed order. (3) Re-seeding an empty
 * cluster at a graph {@code Y_f} replaces the cost of {@code Y_f} by {@code cost(Y_f, Y_f) = 0}
 * and leaves every other term unchanged. So the trace is non-increasing; this is checked at
 * run time and a rise throws {@link IllegalStateException} (a bug, not a property of the data).
 * For k-medoids, step (1) chooses among members, step (2) reads a fixed distance matrix, and
 * the same argument applies. Since there are finitely many labelings and {@code J} only
 * falls, the labels eventually repeat and the run stops.
 *
 * <p><b>k-medoids</b> uses the alternating scheme (assignment, then the best member of each
 * cluster as its medoid), sometimes called Voronoi iteration, not the BUILD/SWAP search of
 * PAM (Kaufman and Rousseeuw 1990, "Finding Groups in Data", Wiley, ch. 2). It reads a
 * distance matrix computed once by {@link Medoid#distanceMatrix}, so it costs
 * {@code n(n-1)/2} alignments up front and none afterwards.
 *
 * <p><b>Seeding.</b> k-means++ draws the first center uniformly and each further one with
 * probability proportional to the squared distance to the nearest center chosen so far; for
 * k-medoids it reads those distances from the matrix. Restart {@code r} draws from the
 * {@code r}-th {@link SplittableRandom#split() split} of a generator seeded with
 * {@link Builder#seed}; the restart with the lowest objective wins (the earliest on ties).
 *
 * <p><b>Cheap seeding and tracked alignments</b> (for large collections with a heuristic
 * aligner). {@link Builder#seedingAligner} computes the seeding distances, and so the first
 * assignment, with another (cheaper) aligner; D^2 sampling favours outlying, often large,
 * graphs as seeds, whose alignments to every graph dominate the cost. With
 * {@link Builder#trackAlignments} the run keeps the alignment of every graph to every center
 * and, in each assignment step, first polishes it on the moved center by 2-swap local search;
 * the aligner runs (warm-started) only where that search could improve it, and a 2-swap local
 * optimum is kept as it is. With {@link Builder#refreshInterval} the aligner runs only on
 * every r-th iteration (a refresh pass) and the others merely polish; only a refresh pass may
 * end the run. Both keep the monotonicity argument below intact, since every stored cost is
 * still the cost of a concrete alignment and the own-center alignment is replaced only when
 * strictly better.
 *
 * <p><b>Lower-bound skips</b> ({@link Builder#lowerBounds}). A certified lower bound on the
 * true distance (a node assignment problem plus a sorted-value relaxation of the edge term,
 * see {@link DistanceLowerBound}) lies below every distance any aligner can report, so a
 * center whose bound is at least the best squared distance found so far for a graph cannot
 * win the argmin and need not be aligned. This needs neither the triangle inequality nor
 * certified distances, so it acts with heuristic aligners, where Elkan's bounds do not.
 *
 * <p><b>Parallelism and determinism.</b> Distances in the seeding and assignment steps run on
 * the caller's executor (default: the common pool), one task per graph writing its own slot;
 * all sums are taken afterwards in index order. Given a deterministic aligner the result is
 * the same for any number of threads. Instances are immutable and thread-safe if the aligner
 * is.
 *
 * <p><b>Limitations.</b> Lloyd's alternation finds a local optimum only; restarts help. With
 * heuristic aligners the assignment can pick a center that is not the truly nearest one, and
 * the objective is an upper bound on the true one. With such aligners Elkan's pruning skips
 * nothing; only the lower-bound skips save alignments, and only for centers that are clearly
 * farther than the own one (the bound ignores the edge structure). Polishing passes find
 * only 2-swap local optima, so most of the descent still comes from refresh passes, and with
 * a randomized aligner the objective can keep falling slowly as repeated warm-started
 * searches find better alignments; the tolerance decides when that stops. A center-order cap
 * constrains the centers, so the objective can end higher than without it; a cap below the
 * order of the seed graphs can refuse every update and leave the seeds as the centers
 * ({@link ClusteringResult#cappedUpdatesRefused}, {@link ClusteringResult#seedCentersKept}).
 * {@link CenterUpdate#FRECHET} aligns inside {@link FrechetMean} at the order of the whole
 * space, which is slow when a few graphs are much larger than the rest. k-medoids is the
 * alternating variant and can stop where a PAM swap would still improve. The listener sees
 * the iterations of every restart, each numbered from 1.
 */
public final class CentralClustering {

    /** Default cap on Lloyd iterations per restart. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /** Default relative-decrease tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * The most restarts {@link Builder#restarts(int)} accepts: every restart assigns every
     * graph at least once, so more would not finish in any useful time.
     */
    public static final int MAX_RESTARTS = 10_000;

    /** Default cap on Fréchet mean or median iterations in one center update. */
    public static final int DEFAULT_CENTER_ITERATIONS = 3;

    /**
     * Relative margin by which a bound must beat a distance before it prunes: rounding in
     * the square roots can then never prune a center that an unpruned run would choose; it
     * can only cost an extra distance computation.
     */
    static final double BOUND_SLACK = 1e-12;

    /** Which center each cluster has. */
    public enum Method {
        /** Fréchet means; cost = squared distance (k-means). */
        MEANS,
        /** Fréchet medians by Weiszfeld's iteration; cost = distance (k-medians). */
        MEDIANS,
        /** Member graphs; cost = distance or squared distance (k-medoids). */
        MEDOIDS
    }

    private final Method method;
    private final int clusters;
    private final Aligner aligner;
    private final int maxIterations;
    private final double tolerance;
    private final int centerIterations;
    private final int restarts;
    private final long seed;
    private final EmptyClusterPolicy emptyClusterPolicy;
    private final Executor executor;
    private final IterationListener listener;
    private final boolean squaredMedoidCosts;
    private final boolean pruning;
    private final CenterUpdate centerUpdate;
    private final int maxCenterOrder;
    private final Aligner seedingAligner;
    private final boolean trackAlignments;
    private final int refreshInterval;
    private final boolean lowerBounds;
    private final AssignmentListener assignmentListener;
    private final double[][] givenDistances;

    private CentralClustering(Builder b) {
        this.method = b.method;
        this.clusters = b.clusters;
        this.aligner = b.aligner;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.centerIterations = b.centerIterations;
        this.restarts = b.restarts;
        this.seed = b.seed;
        this.emptyClusterPolicy = b.emptyClusterPolicy;
        this.executor = b.executor;
        this.listener = b.listener;
        this.squaredMedoidCosts = b.squaredMedoidCosts;
        this.pruning = b.pruning;
        this.centerUpdate = b.centerUpdate;
        this.maxCenterOrder = b.maxCenterOrder;
        this.seedingAligner = b.seedingAligner == null ? b.aligner : b.seedingAligner;
        this.trackAlignments = b.trackAlignments;
        this.refreshInterval = b.refreshInterval;
        this.lowerBounds = b.lowerBounds;
        this.assignmentListener = b.assignmentListener;
        this.givenDistances = b.distances;
    }

    /**
     * Starts a k-means configuration.
     *
     * @param k number of clusters, at least 1
     * @return a builder
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Builder kMeans(int k) {
        return new Builder(Method.MEANS, k);
    }

    /**
     * Starts a k-medians configuration.
     *
     * @param k number of clusters, at least 1
     * @return a builder
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Builder kMedians(int k) {
        return new Builder(Method.MEDIANS, k);
    }

    /**
     * Starts a k-medoids configuration.
     *
     * @param k number of clusters, at least 1
     * @return a builder
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Builder kMedoids(int k) {
        return new Builder(Method.MEDOIDS, k);
    }

    /**
     * Returns the kind of center.
     *
     * @return the kind of center
     */
    public Method method() {
        return method;
    }

    /**
     * Returns the number of clusters k.
     *
     * @return the number of clusters k
     */
    public int clusters() {
        return clusters;
    }

    /**
     * Returns the aligner.
     *
     * @return the aligner
     */
    public Aligner aligner() {
        return aligner;
    }

    /**
     * Clusters graphs in the smallest space holding them ({@link GraphSpace#of}).
     *
     * @param graphs the graphs; not modified, not retained
     * @return the best restart
     * @throws TooFewDistinctGraphsException if fewer graphs than k differ, as labelled
     *         graphs or up to relabelling (see {@link #cluster(GraphSpace, List)})
     * @throws IllegalArgumentException if the list is empty, holds null or mixes attribute
     *         dimensions; also if a distance or the objective overflows (weights too large
     *         for the attributes)
     */
    public ClusteringResult cluster(List<Graph> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        requireNonEmpty(graphs);
        for (int i = 0; i < graphs.size(); i++) {
            if (graphs.get(i) == null) {
                throw new IllegalArgumentException("graphs[" + i + "] is null");
            }
        }
        return cluster(GraphSpace.of(graphs), graphs);
    }

    /**
     * Clusters graphs of a given space.
     *
     * @param space the graph space; every graph must belong to it
     * @param graphs the graphs; not modified, not retained
     * @return the best restart
     * @throws TooFewDistinctGraphsException if the list has fewer distinct graphs (as
     *         labelled graphs) than k, or if seeding finds fewer than k graphs at positive
     *         distance from each other (isomorphic copies)
     * @throws IllegalArgumentException if the list is empty, holds null or a graph outside
     *         the space (for example of other attribute dimensions); also if a distance
     *         or the objective overflows (weights too large for the attributes; the message
     *         names them); also if a {@link Builder#distances given distance matrix} does
     *         not fit the graphs
     * @throws IllegalStateException if a cluster runs empty under
     *         {@link EmptyClusterPolicy#FAIL}
     */
    public ClusteringResult cluster(GraphSpace space, List<Graph> graphs) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(graphs, "graphs");
        List<Graph> sample = checkedSample(space, graphs);
        int n = sample.size();

        // Distinctness: k centers need k graphs that differ.
        int distinct = new HashSet<>(sample).size();
        if (clusters > distinct) {
            throw new TooFewDistinctGraphsException("k = " + clusters + " exceeds the number"
                    + " of distinct graphs (" + distinct + " of " + n + ")", distinct, n,
                    clusters, false);
        }

        // k-medoids reads all distances from one matrix.
        long counted = 0;
        double[][] matrix = null;
        if (method == Method.MEDOIDS) {
            matrix = givenDistances != null ? checkedDistances(givenDistances, n)
                    : Medoid.distanceMatrix(space, sample, aligner, executor);
            counted = (long) n * (n - 1) / 2;
        }

        // Restarts from split generators; the lowest objective wins, the earliest on ties.
        SplittableRandom root = new SplittableRandom(seed);
        double[] restartObjectives = new double[restarts];
        ClusteringResult best = null;
        long pruned = 0;
        long bounds = 0;
        long kept = 0;
        long skipped = 0;
        long refused = 0;
        boolean certified = true;
        for (int r = 0; r < restarts; r++) {
            Run run = new Run(space, sample, matrix, root.split());
            ClusteringResult result = run.execute();
            counted += run.distanceComputations;
            pruned += run.distancesPruned;
            bounds += run.boundComputations;
            kept += run.localOptimaKept;
            skipped += run.lowerBoundSkips;
            refused += run.cappedUpdatesRefused;
            certified &= result.pruningApplied();
            restartObjectives[r] = result.objective();
            if (best == null || result.objective() < best.objective()) {
                best = result;
            }
        }

        return new ClusteringResult(best.labels(), best.centers(), best.medoids(),
                best.objective(), best.trace(), best.iterations(), best.status(), counted,
                restartObjectives, pruned, bounds, certified, kept, skipped, refused,
                best.seedCentersKept(), best.distances());
    }

    /**
     * Checks a distance matrix given to {@link Builder#distances}: {@code n} rows of
     * {@code n} finite values {@code >= 0}, symmetric, with a zero diagonal.
     */
    private static double[][] checkedDistances(double[][] matrix, int n) {
        if (matrix.length != n) {
            throw new IllegalArgumentException("the distance matrix has " + matrix.length
                    + " rows for " + n + " graphs");
        }
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException("row " + i + " of the distance matrix"
                        + " must hold " + n + " distances");
            }
        }
        for (int i = 0; i < n; i++) {
            if (matrix[i][i] != 0.0) {
                throw new IllegalArgumentException("the distance matrix must have a zero"
                        + " diagonal, got " + matrix[i][i] + " at " + i);
            }
            for (int j = i + 1; j < n; j++) {
                double d = matrix[i][j];
                if (!(d >= 0.0) || !Double.isFinite(d) || d != matrix[j][i]) {
                    throw new IllegalArgumentException("the distance matrix must be symmetric"
                            + " with finite entries >= 0, got " + d + " at (" + i + ", " + j
                            + ") and " + matrix[j][i] + " at (" + j + ", " + i + ")");
                }
            }
        }
        return matrix;
    }

    private static void requireNonEmpty(List<Graph> graphs) {
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("graphs is empty; clustering needs at least"
                    + " one graph");
        }
    }

    private static List<Graph> checkedSample(GraphSpace space, List<Graph> graphs) {
        requireNonEmpty(graphs);
        return space.requireMembers(graphs);
    }

    /** Nearest center of one graph, with the alignment realising the cost. */
    private record Choice(int label, Permutation alignment, double squaredDistance,
            boolean certified, int computed, int pruned, boolean uncertifiedSeen, int kept,
            int skipped) {
    }

    /** Distances from one k-means++ seed to every graph, with their alignments. */
    private record SeedDistances(double[] squared, Permutation[] alignments,
            boolean[] certified) {
    }

    /** Mutable state of one restart. */
    private final class Run {

        private final GraphSpace space;
        private final List<Graph> graphs;
        private final double[][] matrix;
        private final RandomGenerator random;
        private final int n;
        private final int m;
        private final Graph[] centers = new Graph[clusters];
        private final int[] medoids = new int[clusters];
        private final int[] labels;
        private final Permutation[] alignments;
        private final double[] squared;
        private final boolean[] ownCertified;
        private final double[] costs;
        private final SeedDistances[] seedDistances = new SeedDistances[clusters];
        private final double[][] lower;
        private final double[][] centerGaps = new double[clusters][clusters];
        private final Permutation[][] tracked;
        private final DistanceLowerBound.Profile[] profiles;
        private final DistanceLowerBound.Profile[] centerProfiles;
        private boolean boundsCertified;
        private boolean refreshing;
        /**
         * Whether the last Fréchet center update left every center at a fixed point of its
         * own iteration: each Fréchet run converged within its iteration cap, or nothing it
         * proposed (nor the fallback average) lowered the objective.
         */
        private boolean centersSettled;
        private long localOptimaKept;
        private long lowerBoundSkips;
        private long distanceComputations;
        private long boundComputations;
        private long distancesPruned;
        /**
         * Center updates (one per cluster and iteration) that left their center in place
         * after refusing a candidate cut by the center-order cap.
         */
        private long cappedUpdatesRefused;
        /**
         * Whether the current center update has refused a candidate cut by the cap: the
         * Fréchet candidate, its one-step fallback or both, counted once in
         * {@link #cappedUpdatesRefused} if the center stays in place.
         */
        private boolean cappedCandidateRefused;
        /** The seeds whose distances have been computed, for the seeding's progress. */
        private int seedsDrawn;
        /** Whether a center update has replaced center c since it was set to a graph. */
        private final boolean[] updated = new boolean[clusters];

        Run(GraphSpace space, List<Graph> graphs, double[][] matrix, RandomGenerator random) {
            this.space = space;
            this.graphs = graphs;
            this.matrix = matrix;
            this.random = random;
            this.n = graphs.size();
            this.m = space.size();
            this.labels = new int[n];
            this.alignments = new Permutation[n];
            this.squared = new double[n];
            this.ownCertified = new boolean[n];
            this.costs = new double[n];
            this.boundsCertified = pruning && method != Method.MEDOIDS;
            this.lower = boundsCertified ? new double[n][clusters] : null;
            this.tracked = trackAlignments && method != Method.MEDOIDS
                    ? new Permutation[n][clusters] : null;
            boolean bounded = lowerBounds && method != Method.MEDOIDS;
            this.profiles = bounded ? new DistanceLowerBound.Profile[n] : null;
            this.centerProfiles = bounded ? new DistanceLowerBound.Profile[clusters] : null;
            Arrays.fill(labels, -1);
        }

        ClusteringResult execute() {
            long startTime = System.nanoTime();

            // Seeding and the first assignment (trace index 0), which reuses the seeding
            // distances: they are the distances of every graph to every seed.
            int[] seeds = seeds();
            for (int k = 0; k < clusters; k++) {
                medoids[k] = seeds[k];
                centers[k] = graphs.get(seeds[k]);
            }
            if (method == Method.MEDOIDS) {
                assignToMedoids();
            } else {
                assignToSeeds();
            }
            handleEmptyClusters(0);
            double value = objective();
            double[] trace = new double[Math.min(maxIterations, 1024) + 1];
            trace[0] = value;
            int iterations = 0;
            Status status = Status.MAX_ITERATIONS;
            boolean refreshNext = false;

            while (iterations < maxIterations) {
                // Update the centers, then reassign; with a refresh interval the aligner
                // runs only on refresh passes.
                refreshing = refreshInterval > 0
                        && (refreshNext || (iterations + 1) % refreshInterval == 0);
                Permutation[] before = alignments.clone();
                updateCenters();
                int[] previous = labels.clone();
                assign();
                handleEmptyClusters(iterations + 1);
                double next = objective();
                if (next > value) {
                    throw new IllegalStateException("objective rose from " + value + " to "
                            + next + " in iteration " + (iterations + 1));
                }

                // Record and report.
                double decrease = value > 0.0 ? (value - next) / value : 0.0;
                value = next;
                iterations++;
                if (iterations >= trace.length) {
                    trace = Arrays.copyOf(trace, 2 * trace.length);
                }
                trace[iterations] = value;
                boolean proceed = listener.iterationDone(iterations, value, decrease,
                        System.nanoTime() - startTime);

                // Stopping rules: unchanged labels are a fixed point only if the center
                // update is at one too: a Fréchet update whose runs all converged, or a
                // single step after which no alignment changed (the next step would average
                // the same aligned graphs). With a refresh interval only a refresh pass may
                // end the run; a polishing pass that meets the rule calls for one.
                boolean settled = method == Method.MEDOIDS
                        || (centerUpdate == CenterUpdate.FRECHET ? centersSettled
                                : Arrays.equals(before, alignments));
                boolean fixed = Arrays.equals(previous, labels) && settled;
                refreshNext = false;
                if (fixed || decrease < tolerance) {
                    if (refreshInterval == 0 || refreshing) {
                        status = Status.CONVERGED;
                        break;
                    }
                    refreshNext = true;
                }
                if (!proceed) {
                    status = Status.STOPPED_BY_LISTENER;
                    break;
                }
            }
            int[] medoidIndices = method == Method.MEDOIDS ? medoids.clone() : new int[0];
            List<Graph> reported = new ArrayList<>(clusters);
            int seedCenters = 0;
            for (int c = 0; c < clusters; c++) {
                reported.add(method == Method.MEDOIDS ? centers[c] : centers[c].pad(m));
                seedCenters += method == Method.MEDOIDS || updated[c] ? 0 : 1;
            }
            // Each graph's distance to its own center, as its final alignment (or the
            // distance matrix) gives it: read from the run's state, no alignment made.
            double[] own = new double[n];
            for (int i = 0; i < n; i++) {
                own[i] = method == Method.MEDOIDS ? matrix[i][medoids[labels[i]]]
                        : Math.sqrt(squared[i]);
            }
            return new ClusteringResult(labels, reported, medoidIndices, value,
                    Arrays.copyOf(trace, iterations + 1), iterations, status,
                    distanceComputations, new double[] {value}, distancesPruned,
                    boundComputations, boundsCertified, localOptimaKept, lowerBoundSkips,
                    cappedUpdatesRefused, seedCenters, own);
        }

        // ---- seeding ------------------------------------------------------------------

        /** k-means++ D^2 sampling (Arthur and Vassilvitskii 2007, algorithm k-means++). */
        private int[] seeds() {
            int[] chosen = new int[clusters];

            // Step 1a: the first center uniformly at random.
            chosen[0] = random.nextInt(n);
            seedDistances[0] = distancesFrom(chosen[0]);
            double[] nearest = seedDistances[0].squared().clone();

            // Steps 1b-1c: each further center with probability D(x)^2 / sum D^2.
            for (int c = 1; c < clusters; c++) {
                double total = 0.0;
                for (double d : nearest) {
                    total += d;
                }
                if (!(total > 0.0)) {
                    throw new TooFewDistinctGraphsException("k-means++ found only " + c
                            + (c == 1 ? " graph" : " graphs")
                            + " at positive distance from each other, fewer than k = "
                            + clusters + " (isomorphic copies count once)", c, n, clusters,
                            true);
                }
                chosen[c] = draw(nearest, random.nextDouble() * total);
                seedDistances[c] = distancesFrom(chosen[c]);
                double[] fresh = seedDistances[c].squared();
                for (int i = 0; i < n; i++) {
                    nearest[i] = Math.min(nearest[i], fresh[i]);
                }
            }
            if (matrix == null) {
                assignmentListener.seeding(clusters, clusters, n, n);
            }
            return chosen;
        }

        private int draw(double[] weights, double target) {
            double cumulative = 0.0;
            int last = -1;
            for (int i = 0; i < n; i++) {
                if (weights[i] > 0.0) {
                    cumulative += weights[i];
                    last = i;
                    if (cumulative > target) {
                        return i;
                    }
                }
            }
            return last;
        }

        private SeedDistances distancesFrom(int s) {
            double[] result = new double[n];
            if (matrix != null) {
                for (int i = 0; i < n; i++) {
                    result[i] = matrix[s][i] * matrix[s][i];
                }
                return new SeedDistances(result, null, null);
            }
            Graph x = graphs.get(s);
            int seed = seedsDrawn++;
            assignmentListener.seeding(seed, clusters, 0, n);
            AtomicInteger aligned = new AtomicInteger();
            List<Alignment> found = IndexedTasks.map(n, i -> {
                Alignment a = i == s
                        ? Alignment.of(space, x, x, Permutation.identity(x.order()), true)
                        : seedingAligner.align(space, x, graphs.get(i));
                assignmentListener.seeding(seed, clusters, aligned.incrementAndGet(), n);
                return a;
            }, executor);
            Permutation[] permutations = new Permutation[n];
            boolean[] certified = new boolean[n];
            for (int i = 0; i < n; i++) {
                Alignment a = found.get(i);
                permutations[i] = a.permutation();
                certified[i] = a.certified();
                result[i] = space.squaredDistance(x, graphs.get(i), permutations[i]);
            }
            distanceComputations += n - 1;
            return new SeedDistances(result, permutations, certified);
        }

        // ---- assignment ---------------------------------------------------------------

        /** The first assignment, read from the seeding distances; no alignment is made. */
        private void assignToSeeds() {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int k = 1; k < clusters; k++) {
                    if (seedDistances[k].squared()[i] < seedDistances[best].squared()[i]) {
                        best = k;
                    }
                }
                labels[i] = best;
                alignments[i] = seedDistances[best].alignments()[i];
                squared[i] = seedDistances[best].squared()[i];
                ownCertified[i] = seedDistances[best].certified()[i];
                costs[i] = cost(squared[i]);
                // Coarse seeding alignments are not tracked: polishing them costs long
                // local searches, and the aligner runs on them anyway.
                for (int k = 0; k < clusters && tracked != null; k++) {
                    tracked[i][k] = seedingAligner == aligner
                            ? seedDistances[k].alignments()[i] : null;
                }
                for (int k = 0; k < clusters && lower != null; k++) {
                    boolean certified = seedDistances[k].certified()[i];
                    boundsCertified &= certified;
                    lower[i][k] = certified ? Math.sqrt(seedDistances[k].squared()[i]) : 0.0;
                }
            }
            Arrays.fill(seedDistances, null);
        }

        private void assign() {
            if (method == Method.MEDOIDS) {
                assignToMedoids();
                return;
            }

            // Half the certified distance of each center to its nearest other center.
            double[] halfGap = centerGaps();
            profileCenters();

            // Every graph's nearest center, pruned by the bounds while they are certified.
            boolean prune = boundsCertified;
            AtomicInteger assigned = new AtomicInteger();
            assignmentListener.graphsAssigned(0, n);
            List<Choice> choices = IndexedTasks.map(n, i -> {
                Choice choice = nearestCenter(i, prune, halfGap);
                assignmentListener.graphsAssigned(assigned.incrementAndGet(), n);
                return choice;
            }, executor);
            for (int i = 0; i < n; i++) {
                Choice choice = choices.get(i);
                labels[i] = choice.label();
                alignments[i] = choice.alignment();
                squared[i] = choice.squaredDistance();
                ownCertified[i] = choice.certified();
                costs[i] = cost(choice.squaredDistance());
                distanceComputations += choice.computed();
                distancesPruned += choice.pruned();
                boundsCertified &= !choice.uncertifiedSeen();
                localOptimaKept += choice.kept();
                lowerBoundSkips += choice.skipped();
            }
        }

        /**
         * Fills the lower-bound profiles of the centers, and of the graphs on the first
         * call; does nothing without lower bounds.
         */
        private void profileCenters() {
            if (profiles == null) {
                return;
            }
            if (profiles[0] == null) {
                List<DistanceLowerBound.Profile> found = IndexedTasks.map(n,
                        i -> DistanceLowerBound.profile(space, graphs.get(i)), executor);
                for (int i = 0; i < n; i++) {
                    profiles[i] = found.get(i);
                }
            }
            for (int k = 0; k < clusters; k++) {
                centerProfiles[k] = DistanceLowerBound.profile(space, centers[k]);
            }
        }

        /**
         * Whether the certified lower bound proves the distance of graph i to center k no
         * smaller than {@code bestSquared}, so that the argmin cannot pick k. The cheap bound
         * is tried first; the tighter one, which is never below it, only when the cheap one
         * does not decide, so the decision is the tighter bound's at less cost.
         */
        private boolean ruledOut(int i, int k, double bestSquared) {
            DistanceLowerBound.Profile center = centerProfiles[k];
            double margin = DistanceLowerBound.margin(center, profiles[i]);
            return DistanceLowerBound.quickSquaredDistance(space, center, profiles[i]) - margin
                    >= bestSquared
                    || DistanceLowerBound.squaredDistance(space, center, profiles[i]) - margin
                    >= bestSquared;
        }

        /**
         * Elkan's bounds (Elkan 2003; Jain and Obermayer 2010): with {@code u} an upper bound
         * on the distance to the own center {@code c} and {@code l_k} lower bounds on the
         * others, center {@code k} cannot be nearer if {@code u <= l_k} or
         * {@code u <= d(mu_c, mu_k) / 2}, and no other center can if {@code u <= s_c}.
         * Without pruning the same loop computes every distance; it picks the same label as
         * an argmin whose ties keep the current label, then the lowest index.
         */
        private Choice nearestCenter(int i, boolean prune, double[] halfGap) {
            Graph y = graphs.get(i);
            int own = labels[i];
            int best = own;
            Permutation p = alignments[i];
            double bestSquared = squared[i];
            boolean certified = ownCertified[i];
            double u = Math.sqrt(bestSquared);
            int computed = 0;
            int pruned = 0;
            int skipped = 0;
            int[] kept = new int[1];
            boolean uncertifiedSeen = false;

            // The stored alignment is an upper bound; if it is certified and within s_c, done.
            if (prune && certified && below(u, halfGap[own])) {
                return new Choice(own, p, bestSquared, true, 0, clusters, false, 0, 0);
            }

            // The own center, warm-started, unless its certified distance may stand.
            boolean ownFresh = false;
            if (!prune || !certified) {
                Alignment a = tracked == null ? ownAlignment(i) : trackedAlignment(i, own, kept);
                p = a.permutation();
                bestSquared = space.squaredDistance(centers[own], y, p);
                certified = a.certified();
                u = Math.sqrt(bestSquared);
                ownFresh = true;
                computed += kept[0] == 0 ? 1 : 0;
                uncertifiedSeen |= !certified;
                if (prune) {
                    lower[i][own] = certified ? u : 0.0;
                }
            }

            for (int k = 0; k < clusters; k++) {
                if (k == own) {
                    continue;
                }
                if (prune && (below(u, lower[i][k]) || below(u, centerGaps[best][k] / 2))) {
                    pruned++;
                    continue;
                }
                if (profiles != null && ruledOut(i, k, bestSquared)) {
                    skipped++;
                    continue;
                }
                int keptBefore = kept[0];
                Alignment a = tracked == null ? aligner.align(space, centers[k], y)
                        : trackedAlignment(i, k, kept);
                double d = space.squaredDistance(centers[k], y, a.permutation());
                computed += kept[0] == keptBefore ? 1 : 0;
                uncertifiedSeen |= !a.certified();
                if (prune) {
                    lower[i][k] = a.certified() ? Math.sqrt(d) : 0.0;
                }
                if (d < bestSquared) {
                    best = k;
                    p = a.permutation();
                    bestSquared = d;
                    certified = a.certified();
                    u = Math.sqrt(d);
                }
            }
            if (!ownFresh) {
                pruned++;
            }
            return new Choice(best, p, bestSquared, certified, computed, pruned,
                    uncertifiedSeen, kept[0], skipped);
        }

        /**
         * Realigns graph i to its own center, warm-started from the stored alignment in
         * normal form, and keeps the stored one unless strictly beaten.
         */
        private Alignment ownAlignment(int i) {
            Graph y = graphs.get(i);
            Graph center = centers[labels[i]];
            Permutation stored = alignments[i];
            Permutation start = CenterFrame.normalForm(stored, center.order(), y.order());
            Alignment found = aligner.align(space, center, y, start);
            return notWorse(center, y, found, stored);
        }

        /**
         * The tracked alignment of graph i to center k: the one of the previous iteration,
         * carried to the moved center, polished by 2-swap local search. Without a refresh
         * interval the aligner runs, warm-started from the polished alignment, only when the
         * search moved it (the center moved far enough to spoil the local optimum); with
         * one, it runs on every refresh pass and never on the others. It always runs when
         * there is no tracked alignment. Adds 1 to {@code kept[0]} when no aligner ran;
         * records the result for the next iteration. At the own center the stored alignment
         * stays unless strictly beaten.
         */
        private Alignment trackedAlignment(int i, int k, int[] kept) {
            Graph y = graphs.get(i);
            Graph center = centers[k];
            Permutation previous = tracked[i][k];
            Alignment found;
            if (previous == null) {
                found = k == labels[i] ? ownAlignment(i) : aligner.align(space, center, y);
            } else {
                Permutation start = CenterFrame.normalForm(previous, center.order(), y.order());
                Alignment polished = LocalSearch.improve(space, center, y, start);
                double before = space.squaredDistance(center, y, start);
                boolean realign = refreshInterval == 0
                        ? polished.squaredDistance() < before : refreshing;
                if (realign) {
                    found = aligner.align(space, center, y, polished.permutation());
                } else {
                    found = polished;
                    kept[0]++;
                }
            }
            if (k == labels[i]) {
                found = notWorse(center, y, found, alignments[i]);
            }
            tracked[i][k] = found.permutation();
            return found;
        }

        /** Returns {@code found} unless {@code stored} is strictly better at {@code center}. */
        private Alignment notWorse(Graph center, Graph y, Alignment found, Permutation stored) {
            double storedValue = space.squaredDistance(center, y, stored);
            double foundValue = space.squaredDistance(center, y, found.permutation());
            return foundValue < storedValue ? found
                    : Alignment.of(space, center, y, stored, found.unproven());
        }

        /** Whether an upper bound {@code u} proves a center no nearer than {@code bound}. */
        private boolean below(double u, double bound) {
            return u <= bound * (1.0 - BOUND_SLACK);
        }

        /**
         * Fills the certified center-to-center distances (0 where not certified) and returns
         * half the smallest one of each center, {@code s_k}.
         */
        private double[] centerGaps() {
            double[] half = new double[clusters];
            if (!boundsCertified) {
                return half;
            }
            int pairs = clusters * (clusters - 1) / 2;
            List<Alignment> found = IndexedTasks.map(pairs, t -> {
                int a = pairRow(t);
                int b = t - a * (2 * clusters - a - 1) / 2 + a + 1;
                return aligner.align(space, centers[a], centers[b]);
            }, executor);
            Arrays.fill(half, Double.POSITIVE_INFINITY);
            for (int t = 0; t < pairs; t++) {
                int a = pairRow(t);
                int b = t - a * (2 * clusters - a - 1) / 2 + a + 1;
                Alignment gap = found.get(t);
                boundsCertified &= gap.certified();
                double d = gap.certified() ? gap.distance() : 0.0;
                centerGaps[a][b] = d;
                centerGaps[b][a] = d;
                half[a] = Math.min(half[a], d / 2);
                half[b] = Math.min(half[b], d / 2);
            }
            boundComputations += pairs;
            distanceComputations += pairs;
            if (!boundsCertified || clusters == 1) {
                Arrays.fill(half, 0.0);
            }
            return half;
        }

        /** Row {@code a} of the {@code t}-th pair {@code (a, b)}, {@code a < b}. */
        private int pairRow(int t) {
            int a = 0;
            int rowStart = 0;
            while (rowStart + clusters - a - 1 <= t) {
                rowStart += clusters - a - 1;
                a++;
            }
            return a;
        }

        private void assignToMedoids() {
            for (int i = 0; i < n; i++) {
                int current = labels[i];
                int best = -1;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int k = 0; k < clusters; k++) {
                    double c = medoidCost(i, medoids[k]);
                    if (best < 0 || c < bestCost || (c == bestCost && k == current)) {
                        best = k;
                        bestCost = c;
                    }
                }
                labels[i] = best;
                costs[i] = bestCost;
            }
        }

        private void handleEmptyClusters(int iteration) {
            int[] sizes = new int[clusters];
            for (int label : labels) {
                sizes[label]++;
            }
            for (int c = 0; c < clusters; c++) {
                if (sizes[c] > 0) {
                    continue;
                }
                if (emptyClusterPolicy == EmptyClusterPolicy.FAIL) {
                    throw new IllegalStateException("cluster " + c + " has no members after"
                            + " the assignment step of iteration " + iteration
                            + " (empty-cluster policy FAIL)");
                }

                // Re-seed at the graph farthest from its center in a cluster of size >= 2.
                int far = -1;
                for (int i = 0; i < n; i++) {
                    if (sizes[labels[i]] > 1 && (far < 0 || costs[i] > costs[far])) {
                        far = i;
                    }
                }
                sizes[labels[far]]--;
                sizes[c] = 1;
                labels[far] = c;
                medoids[c] = far;
                centers[c] = graphs.get(far);
                updated[c] = false;
                if (method == Method.MEDOIDS) {
                    costs[far] = medoidCost(far, far);
                    continue;
                }
                alignments[far] = Permutation.identity(centers[c].order());
                squared[far] = space.squaredDistance(centers[c], graphs.get(far),
                        alignments[far]);
                ownCertified[far] = true;
                costs[far] = cost(squared[far]);

                // The new center invalidates the lower bounds and tracked alignments to it.
                for (int i = 0; i < n && lower != null; i++) {
                    lower[i][c] = 0.0;
                }
                for (int i = 0; i < n && tracked != null; i++) {
                    tracked[i][c] = i == far ? alignments[far] : null;
                }
            }
        }

        // ---- center update ------------------------------------------------------------

        private void updateCenters() {
            centersSettled = true;
            for (int c = 0; c < clusters; c++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        members.add(i);
                    }
                }
                if (method == Method.MEDOIDS) {
                    updateMedoid(c, members);
                    continue;
                }
                Graph old = centers[c];
                cappedCandidateRefused = false;
                if (centerUpdate == CenterUpdate.FRECHET) {
                    centersSettled &= updateByFrechet(c, members);
                } else {
                    updateByOneStep(c, members);
                }
                if (centers[c] != old) {
                    loosenLowerBounds(c, old);
                } else if (cappedCandidateRefused) {
                    cappedUpdatesRefused++;
                }
            }
        }

        /**
         * After center c moved from {@code old} by at most {@code delta} (the distance of
         * any alignment of the two, an upper bound), every lower bound on a distance to it
         * drops by {@code delta}.
         */
        private void loosenLowerBounds(int c, Graph old) {
            if (!boundsCertified) {
                return;
            }
            double delta = aligner.align(space, old, centers[c]).distance();
            boundComputations++;
            distanceComputations++;
            for (int i = 0; i < n; i++) {
                lower[i][c] = Math.max(0.0, lower[i][c] - delta);
            }
        }

        /**
         * Replaces center c by the Fréchet mean or median of its cluster if that lowers the
         * objective (k-means falls back to one average otherwise) and returns whether the
         * center is settled: the accepted Fréchet run converged within its iteration cap, or
         * the center did not move.
         */
        private boolean updateByFrechet(int c, List<Integer> members) {
            // Fréchet mean or median of the cluster, started at the current center.
            List<Graph> cluster = new ArrayList<>(members.size());
            for (int i : members) {
                cluster.add(graphs.get(i));
            }
            CenterResult result = method == Method.MEANS
                    ? FrechetMean.builder().aligner(aligner).maxIterations(centerIterations)
                            .tolerance(tolerance).executor(executor).initial(centers[c])
                            .build().compute(space, cluster)
                    : FrechetMedian.builder().aligner(aligner).maxIterations(centerIterations)
                            .tolerance(tolerance).executor(executor).initial(centers[c])
                            .build().compute(space, cluster);

            Permutation[] found = new Permutation[members.size()];
            boolean[] certified = new boolean[members.size()];
            for (int j = 0; j < members.size(); j++) {
                found[j] = result.alignments().get(j).permutation();
                certified[j] = result.alignments().get(j).certified();
            }
            if (accept(c, members, result.center(), found, certified, false)) {
                return result.status() == Status.CONVERGED;
            }
            if (method != Method.MEANS) {
                return true;
            }

            // Fallback for k-means: one average of the graphs under the stored alignments,
            // which minimises sum ||mu - p_i . Y_i||^2 over mu and so cannot raise J.
            return !updateByOneStep(c, members);
        }

        /**
         * One majorize-minimize step under the stored alignments: their average for
         * k-means, one Weiszfeld step (weights 1 / d_i, members at distance 0 left out) for
         * k-medians. Returns whether the center moved.
         */
        private boolean updateByOneStep(int c, List<Integer> members) {
            GraphAccumulator sum = new GraphAccumulator(space, m);
            for (int i : members) {
                double weight = 1.0;
                if (method == Method.MEDIANS) {
                    weight = squared[i] > 0.0 ? 1.0 / Math.sqrt(squared[i]) : 0.0;
                }
                if (weight > 0.0) {
                    sum.add(graphs.get(i), alignments[i].extend(m), weight);
                }
            }
            if (!(sum.totalWeight() > 0.0)) {
                return false;
            }
            Permutation[] stored = new Permutation[members.size()];
            for (int j = 0; j < members.size(); j++) {
                stored[j] = alignments[members.get(j)].extend(m);
            }
            return accept(c, members, sum.average(), stored, new boolean[members.size()],
                    true);
        }

        /**
         * Compacts {@code candidate} ({@link CenterFrame}) and makes it the center of
         * cluster c if that lowers the objective. {@code sameFrame} says that the candidate's
         * first slots are those of the current center (a single step), so that tracked
         * alignments of the other graphs can be carried over; otherwise they are dropped.
         */
        private boolean accept(int c, List<Integer> members, Graph candidate,
                Permutation[] candidateAlignments, boolean[] certified, boolean sameFrame) {
            // The compact candidate and the costs under its alignments.
            Graph[] memberGraphs = new Graph[members.size()];
            Permutation[] wide = new Permutation[members.size()];
            int order = candidate.order();
            for (int j = 0; j < members.size(); j++) {
                memberGraphs[j] = graphs.get(members.get(j));
                order = Math.max(order, candidateAlignments[j].size());
            }
            for (int j = 0; j < members.size(); j++) {
                wide[j] = candidateAlignments[j].extend(order);
            }
            CenterFrame.Compacted compact = CenterFrame.compact(candidate.pad(order),
                    memberGraphs, wide, maxCenterOrder);
            double[] trialSquared = new double[members.size()];
            double[] trial = costs.clone();
            for (int j = 0; j < members.size(); j++) {
                trialSquared[j] = space.squaredDistance(compact.center(), memberGraphs[j],
                        compact.alignments()[j]);
                trial[members.get(j)] = cost(trialSquared[j]);
            }

            // Keep the candidate only if the objective falls; a slot dropped by the cap
            // voids the certificates.
            if (!(sum(trial) < objective())) {
                cappedCandidateRefused |= compact.capped();
                return false;
            }
            boolean exactFrame = maxCenterOrder == 0;
            centers[c] = compact.center();
            updated[c] = true;
            for (int j = 0; j < members.size(); j++) {
                int i = members.get(j);
                alignments[i] = compact.alignments()[j];
                squared[i] = trialSquared[j];
                ownCertified[i] = certified[j] && exactFrame;
                costs[i] = trial[i];
            }
            carryTracked(c, members, compact, sameFrame);
            return true;
        }

        /**
         * Carries the tracked alignments to center c onto its new compact frame: the
         * members' from the accepted alignments, the other graphs' by keeping their real
         * pairs at the kept slots ({@link CenterFrame#restrict}), or none if the frame
         * changed.
         */
        private void carryTracked(int c, List<Integer> members, CenterFrame.Compacted compact,
                boolean sameFrame) {
            if (tracked == null) {
                return;
            }
            for (int i = 0; i < n; i++) {
                Permutation previous = tracked[i][c];
                tracked[i][c] = sameFrame && previous != null ? CenterFrame.restrict(previous,
                        compact.slots(), graphs.get(i).order()) : null;
            }
            for (int j = 0; j < members.size(); j++) {
                tracked[members.get(j)][c] = compact.alignments()[j];
            }
        }

        private void updateMedoid(int c, List<Integer> members) {
            // The member with the least summed cost; the current medoid wins ties.
            int best = medoids[c];
            double bestSum = clusterCost(best, members);
            for (int candidate : members) {
                double s = clusterCost(candidate, members);
                if (s < bestSum) {
                    best = candidate;
                    bestSum = s;
                }
            }

            // Keep it only if the objective falls.
            double[] trial = costs.clone();
            for (int i : members) {
                trial[i] = medoidCost(i, best);
            }
            if (best != medoids[c] && sum(trial) < objective()) {
                medoids[c] = best;
                centers[c] = graphs.get(best);
                for (int i : members) {
                    costs[i] = trial[i];
                }
            }
        }

        private double clusterCost(int medoid, List<Integer> members) {
            double s = 0.0;
            for (int i : members) {
                s += medoidCost(i, medoid);
            }
            return s;
        }

        // ---- costs --------------------------------------------------------------------

        private double medoidCost(int i, int medoid) {
            double d = matrix[i][medoid];
            return squaredMedoidCosts ? d * d : d;
        }

        private double cost(double squaredDistance) {
            return method == Method.MEANS ? squaredDistance : Math.sqrt(squaredDistance);
        }

        /** Returns the sum of the stored costs; fails if it overflows, naming the weights. */
        private double objective() {
            double value = sum(costs);
            if (!Double.isFinite(value)) {
                throw new WeightedOverflowException("the objective, a sum over " + n
                        + " graphs, is " + value + " with node weight " + space.nodeWeight()
                        + " and edge weight " + space.edgeWeight() + ": the sum overflows");
            }
            return value;
        }

        private double sum(double[] values) {
            double s = 0.0;
            for (double v : values) {
                s += v;
            }
            return s;
        }
    }

    /**
     * Configuration of a {@link CentralClustering}. Defaults: {@link #DEFAULT_MAX_ITERATIONS},
     * {@link #DEFAULT_TOLERANCE}, {@link #DEFAULT_CENTER_ITERATIONS}, one restart, seed 0,
     * {@link EmptyClusterPolicy#RESEED_FARTHEST}, the common pool, no listener, unsquared
     * k-medoids costs. The aligner has no default.
     */
    public static final class Builder {

        private final Method method;
        private final int clusters;
        private Aligner aligner;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double tolerance = DEFAULT_TOLERANCE;
        private int centerIterations = DEFAULT_CENTER_ITERATIONS;
        private int restarts = 1;
        private long seed;
        private EmptyClusterPolicy emptyClusterPolicy = EmptyClusterPolicy.RESEED_FARTHEST;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;
        private boolean squaredMedoidCosts;
        private boolean pruning = true;
        private CenterUpdate centerUpdate = CenterUpdate.FRECHET;
        private int maxCenterOrder;
        private Aligner seedingAligner;
        private boolean trackAlignments;
        private int refreshInterval;
        private boolean lowerBounds;
        private AssignmentListener assignmentListener = AssignmentListener.NONE;
        private double[][] distances;

        private Builder(Method method, int clusters) {
            if (clusters < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + clusters);
            }
            this.method = method;
            this.clusters = clusters;
        }

        /**
         * Sets the aligner that computes every distance (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the cap on Lloyd iterations per restart.
         *
         * @param value at least 0 (0 = seeding and one assignment only)
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxIterations(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxIterations must be >= 0, got " + value);
            }
            this.maxIterations = value;
            return this;
        }

        /**
         * Sets the relative-decrease tolerance of the stopping rule. It is also the tolerance
         * of the Fréchet mean or median run of every {@link CenterUpdate#FRECHET} center
         * update, which stops once its own relative decrease falls below it; so a larger
         * value also moves the centers less per iteration and changes the result, not only
         * when the run stops.
         *
         * @param value finite and {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder tolerance(double value) {
            if (!(value >= 0.0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("tolerance must be finite and >= 0, got "
                        + value);
            }
            this.tolerance = value;
            return this;
        }

        /**
         * Sets the cap on Fréchet mean or median iterations per center update.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder centerIterations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("centerIterations must be >= 1, got "
                        + value);
            }
            this.centerIterations = value;
            return this;
        }

        /**
         * Sets the number of seeded restarts; the best objective is kept.
         *
         * @param value 1 to {@link CentralClustering#MAX_RESTARTS}
         * @return this builder
         * @throws IllegalArgumentException if less than 1 or above
         *     {@link CentralClustering#MAX_RESTARTS}
         */
        public Builder restarts(int value) {
            if (value < 1 || value > MAX_RESTARTS) {
                throw new IllegalArgumentException("restarts must be between 1 and "
                        + MAX_RESTARTS + ", got " + value);
            }
            this.restarts = value;
            return this;
        }

        /**
         * Sets the seed from which every restart's generator is split.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets what happens to an empty cluster.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder emptyClusterPolicy(EmptyClusterPolicy value) {
            this.emptyClusterPolicy = Objects.requireNonNull(value, "emptyClusterPolicy");
            return this;
        }

        /**
         * Sets the executor for the seeding, assignment and center-update alignments.
         *
         * <p>Calling {@code cluster} from a task that runs on this same executor can deadlock
         * when the executor has a bounded number of threads (a fixed thread pool): the task
         * waits for the alignment tasks it queued behind itself, and with one thread it hangs.
         * Give such a nested call another executor; a {@link java.util.concurrent.ForkJoinPool}
         * adds threads for its blocked workers and does not hang this way.
         *
         * @param value the executor; retained
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Sets the progress listener, called after every Lloyd iteration with the objective
         * and its relative decrease; returning false stops the current restart.
         *
         * @param value the listener; retained
         * @return this builder
         */
        public Builder listener(IterationListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Sets the listener of the assignment passes of k-means and k-medians: it hears how
         * many graphs of each pass have their center (default: none). k-medoids, whose
         * assignment reads a matrix, and the first assignment, which reads the seeding
         * distances, report nothing.
         *
         * @param value the listener; retained
         * @return this builder
         */
        public Builder assignmentListener(AssignmentListener value) {
            this.assignmentListener = Objects.requireNonNull(value, "assignmentListener");
            return this;
        }

        /**
         * Gives k-medoids its distance matrix, so that it aligns nothing: entry
         * {@code [i][j]} must be the distance of graphs i and j of the list passed to
         * {@link CentralClustering#cluster(GraphSpace, List)}, as
         * {@link Medoid#distanceMatrix} computes it with the same aligner and graphs (then
         * the result is the one the run would compute itself). A caller that needs the
         * matrix for more, such as a silhouette, computes it once this way. Its
         * {@code n(n-1)/2} distances still count in
         * {@link ClusteringResult#distanceComputations()}, as the ones the run reads.
         * Checked when clustering: {@code n} by {@code n}, symmetric, finite entries
         * {@code >= 0}, zero diagonal. Not used by k-means or k-medians (build refuses it).
         *
         * <p>The matrix is copied here, row by row, so that later changes to the caller's
         * array reach neither this builder nor the clusterings it builds (which share the
         * copy and never change it). The copy costs as much memory as the matrix,
         * {@code 8 n^2} bytes, as long as the builder or a clustering built from it lives.
         *
         * @param value the matrix; copied, not modified, not retained
         * @return this builder
         */
        public Builder distances(double[][] value) {
            Objects.requireNonNull(value, "distances");
            double[][] copy = new double[value.length][];
            for (int i = 0; i < value.length; i++) {
                // A null row stays null, for the check when clustering to name it.
                copy[i] = value[i] == null ? null : value[i].clone();
            }
            this.distances = copy;
            return this;
        }

        /**
         * Chooses squared distances as the k-medoids cost (default: distances, as in PAM).
         * Ignored by k-means and k-medians.
         *
         * @param value true for squared costs
         * @return this builder
         */
        public Builder squaredMedoidCosts(boolean value) {
            this.squaredMedoidCosts = value;
            return this;
        }

        /**
         * Turns Elkan's triangle-inequality pruning on or off (default on). Pruning uses
         * lower bounds only from certified distances ({@link Alignment#certified()}): it
         * stays active in a restart only while every distance that feeds a lower bound
         * (graph to center, center to center) is certified, and the first uncertified one
         * turns it off for the rest of the restart. With a heuristic aligner it therefore
         * prunes nothing, and {@link ClusteringResult#pruningApplied()} says so. Labels are
         * those of the unpruned run; k-medoids never prunes (its distances are read from a
         * matrix).
         *
         * @param value true to prune where certified
         * @return this builder
         */
        public Builder pruning(boolean value) {
            this.pruning = value;
            return this;
        }

        /**
         * Sets how k-means and k-medians move their centers (default
         * {@link CenterUpdate#FRECHET}).
         *
         * @param value the center update
         * @return this builder
         */
        public Builder centerUpdate(CenterUpdate value) {
            this.centerUpdate = Objects.requireNonNull(value, "centerUpdate");
            return this;
        }

        /**
         * Caps the order of the k-means and k-medians centers: a new center keeps only its
         * {@code value} node slots of largest node mass, and is accepted only if it still
         * lowers the objective. Slots that are exactly null are always dropped. The default
         * 0 means no cap. A cap keeps every alignment small when a few graphs are much
         * larger than the rest; it constrains the centers, so the objective can end higher.
         *
         * @param value the largest center order, or 0 for none
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxCenterOrder(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxCenterOrder must be >= 0 (0 = no cap),"
                        + " got " + value);
            }
            this.maxCenterOrder = value;
            return this;
        }

        /**
         * Sets the aligner of the k-means++ seeding (default: the {@link #aligner}). It
         * computes the {@code n - 1} distances from every seed, from which the seeds are
         * drawn and the first assignment (trace index 0) is read; every later alignment uses
         * the main aligner, warm-started from the alignments found so far. A cheap seeding
         * aligner (such as {@link org.orbifold.match.NodeAssignmentAligner}) saves the most
         * where k-means++ draws large graphs as seeds: D^2 sampling favours graphs far from
         * the rest, and on TU Mutagenicity a seed of order 417 makes each of its 4,336
         * {@code fast} alignments cost about 67 ms. The first assignment then rests on
         * coarser distances; the objective still never rises. Ignored by k-medoids, which
         * reads its distance matrix.
         *
         * @param value the seeding aligner
         * @return this builder
         */
        public Builder seedingAligner(Aligner value) {
            this.seedingAligner = Objects.requireNonNull(value, "seedingAligner");
            return this;
        }

        /**
         * Tracks the alignment of every graph to every center across iterations (default
         * off; k-means and k-medians only). In each assignment step the alignment to center
         * k from the previous iteration, carried onto the moved center, is polished by 2-swap
         * local search ({@link LocalSearch}); if the search cannot improve it, it is kept and
         * the aligner is not called; otherwise the aligner runs warm-started from the
         * polished alignment. Centers that change little from one iteration to the next
         * thus cost one local-search sweep per graph and center instead of a full
         * alignment. The distances are those of the kept alignments, upper bounds as
         * before, and the objective never rises; but a kept alignment is only a local
         * optimum, so distances to the other centers can be higher than a fresh alignment
         * would find. Alignments carried over a {@link CenterUpdate#FRECHET} update are
         * dropped (its center has a new frame), so tracking pays with
         * {@link CenterUpdate#SINGLE_STEP}. Kept alignments are not certified, so with
         * exact aligners tracking switches pruning off. Costs {@code n k} stored
         * permutations.
         *
         * @param value true to track
         * @return this builder
         */
        public Builder trackAlignments(boolean value) {
            this.trackAlignments = value;
            return this;
        }

        /**
         * Sets how often tracked alignments are realigned (default 0: see
         * {@link #trackAlignments}; needs tracking). With {@code r >= 1} every {@code r}-th
         * Lloyd iteration is a <i>refresh pass</i>, in which the aligner runs, warm-started
         * from the polished tracked alignment, for every graph and center; every other
         * iteration only polishes the tracked alignments by 2-swap local search and calls no
         * aligner (except for a pair that has no tracked alignment yet, as after a cheap
         * seeding or a re-seeded cluster). A polishing pass never makes an alignment worse
         * than the one it starts from, so Lloyd's descent argument, and the guarantee that
         * the objective never rises, hold on every pass. The run ends as converged only
         * after a refresh pass meets the stopping rule (labels unchanged and the center
         * update at a fixed point, or a relative decrease below the tolerance); a polishing
         * pass that meets it makes the
         * next pass a refresh pass. So the labels at the end are those of full-aligner
         * distances. On TU Mutagenicity a polishing pass costs about a tenth of a refresh
         * pass, but polishing stalls after two or three passes, and per CPU second the run
         * got no further than plain iterations with {@link #lowerBounds} (docs/results.md,
         * section 5.8).
         *
         * @param value 0 for the default behaviour, or the refresh interval {@code r >= 1}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder refreshInterval(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("refreshInterval must be >= 0 (0 = none),"
                        + " got " + value);
            }
            this.refreshInterval = value;
            return this;
        }

        /**
         * Skips graph-to-center alignments that a certified lower bound rules out (default
         * off; k-means and k-medians). Before aligning graph {@code i} to a center other
         * than its own, the assignment step evaluates the bound of
         * {@code DistanceLowerBound} (a node assignment problem plus a sorted-value
         * relaxation of the edge term) and skips the alignment when the bound is at least
         * the best squared distance found so far for the graph. Unlike Elkan's bounds this
         * needs no triangle inequality and no certified distance: the bound lies below the
         * true distance and hence below every heuristic one, so the skipped center could
         * not have been chosen. Without tracking a bounded run therefore picks exactly the
         * labels, alignments and objective of an unbounded one, with fewer alignments; with
         * tracking the skipped pairs keep their older tracked alignment. The own center is
         * always realigned. {@link ClusteringResult#lowerBoundSkips()} counts the skips.
         *
         * @param value true to skip by the lower bound
         * @return this builder
         */
        public Builder lowerBounds(boolean value) {
            this.lowerBounds = value;
            return this;
        }

        /**
         * Builds the clustering.
         *
         * @return the immutable clustering
         * @throws IllegalStateException if no aligner was set, a refresh interval was set
         *         without tracked alignments, or a distance matrix for k-means or k-medians
         */
        public CentralClustering build() {
            if (aligner == null) {
                throw new IllegalStateException("CentralClustering needs an aligner: call"
                        + " aligner(...) before build()");
            }
            if (refreshInterval > 0 && !trackAlignments) {
                throw new IllegalStateException("refreshInterval(" + refreshInterval
                        + ") needs trackAlignments(true)");
            }
            if (distances != null && method != Method.MEDOIDS) {
                throw new IllegalStateException("distances(...) applies only to k-medoids");
            }
            return new CentralClustering(this);
        }
    }
}
