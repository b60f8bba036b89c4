package org.orbifold.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;
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
 * <p><b>Iteration.</b> After seeding and a first assignment, each iteration
 * <ol>
 *   <li>updates every center: k-means runs {@link FrechetMean} on the cluster, k-medians
 *       {@link FrechetMedian}, both started at the previous center with at most
 *       {@link Builder#centerIterations} iterations; the new center and its alignments are
 *       kept only if they lower {@code J}; if the Fréchet mean does not, k-means tries the average
 *       of the members under their stored alignments (one align-and-average step, which
 *       cannot raise {@code J}). k-medoids makes the member with the least summed
 *       cost to the other members the new medoid, again only if that lowers {@code J};</li>
 *   <li>assigns every graph to its nearest center. The distance to the graph's own center is
 *       found warm-started from the stored alignment {@code p_i}, and {@code p_i} is kept
 *       unless the aligner returns a strictly better one; ties keep the current label, then
 *       the lowest center index;</li>
 *   <li>handles an empty cluster by the {@link EmptyClusterPolicy}.</li>
 * </ol>
 * It stops when the labels did not change, when the relative decrease of {@code J} fell below
 * the tolerance, after the maximum number of iterations, or when the listener asks to.
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
 * <p><b>Parallelism and determinism.</b> Distances in the seeding and assignment steps run on
 * the caller's executor (default: the common pool), one task per graph writing its own slot;
 * all sums are taken afterwards in index order. Given a deterministic aligner the result is
 * the same for any number of threads. Instances are immutable and thread-safe if the aligner
 * is.
 *
 * <p><b>Limitations.</b> Lloyd's alternation finds a local optimum only; restarts help. With
 * heuristic aligners the assignment can pick a center that is not the truly nearest one, and
 * the objective is an upper bound on the true one. Every assignment step makes {@code k}
 * alignments per graph: the Elkan-style pruning of Jain and Obermayer is not implemented (its
 * triangle-inequality bounds are safe only for certified distances). k-medoids is the
 * alternating variant and can stop where a PAM swap would still improve. The listener sees
 * the iterations of every restart, each numbered from 1.
 */
public final class CentralClustering {

    /** Default cap on Lloyd iterations per restart. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /** Default relative-decrease tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** Default cap on Fréchet mean or median iterations in one center update. */
    public static final int DEFAULT_CENTER_ITERATIONS = 3;

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

    /** Returns the kind of center. */
    public Method method() {
        return method;
    }

    /** Returns the number of clusters k. */
    public int clusters() {
        return clusters;
    }

    /** Returns the aligner. */
    public Aligner aligner() {
        return aligner;
    }

    /**
     * Clusters graphs in the smallest space holding them ({@link GraphSpace#of}).
     *
     * @param graphs the graphs; not modified, not retained
     * @return the best restart
     * @throws IllegalArgumentException if the list is empty, holds null, mixes attribute
     *         dimensions, or has fewer distinct graphs than k
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
     * @throws IllegalArgumentException if the list is empty, holds null or a graph outside
     *         the space (for example of other attribute dimensions), or has fewer distinct
     *         graphs (as labelled graphs) than k; also if seeding finds fewer than k graphs
     *         at positive distance from each other (isomorphic copies)
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
            throw new IllegalArgumentException("k = " + clusters + " exceeds the number of"
                    + " distinct graphs (" + distinct + " of " + n + ")");
        }

        // k-medoids reads all distances from one matrix.
        long counted = 0;
        double[][] matrix = null;
        if (method == Method.MEDOIDS) {
            matrix = Medoid.distanceMatrix(space, sample, aligner, executor);
            counted = (long) n * (n - 1) / 2;
        }

        // Restarts from split generators; the lowest objective wins, the earliest on ties.
        SplittableRandom root = new SplittableRandom(seed);
        double[] restartObjectives = new double[restarts];
        ClusteringResult best = null;
        for (int r = 0; r < restarts; r++) {
            Run run = new Run(space, sample, matrix, root.split());
            ClusteringResult result = run.execute();
            counted += run.distanceComputations;
            restartObjectives[r] = result.objective();
            if (best == null || result.objective() < best.objective()) {
                best = result;
            }
        }

        return new ClusteringResult(best.labels(), best.centers(), best.medoids(),
                best.objective(), best.trace(), best.iterations(), best.status(), counted,
                restartObjectives);
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
    private record Choice(int label, Permutation alignment, double squaredDistance) {
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
        private final double[] costs;
        private long distanceComputations;

        Run(GraphSpace space, List<Graph> graphs, double[][] matrix, RandomGenerator random) {
            this.space = space;
            this.graphs = graphs;
            this.matrix = matrix;
            this.random = random;
            this.n = graphs.size();
            this.m = space.size();
            this.labels = new int[n];
            this.alignments = new Permutation[n];
            this.costs = new double[n];
            Arrays.fill(labels, -1);
        }

        ClusteringResult execute() {
            long startTime = System.nanoTime();

            // Seeding and the first assignment (trace index 0).
            int[] seeds = seeds();
            for (int k = 0; k < clusters; k++) {
                medoids[k] = seeds[k];
                centers[k] = method == Method.MEDOIDS ? graphs.get(seeds[k])
                        : graphs.get(seeds[k]).pad(m);
            }
            assign();
            handleEmptyClusters(0);
            double value = objective();
            double[] trace = new double[Math.min(maxIterations, 1024) + 1];
            trace[0] = value;
            int iterations = 0;
            Status status = Status.MAX_ITERATIONS;

            while (iterations < maxIterations) {
                // Update the centers, then reassign.
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

                // Stopping rules.
                if (Arrays.equals(previous, labels) || decrease < tolerance) {
                    status = Status.CONVERGED;
                    break;
                }
                if (!proceed) {
                    status = Status.STOPPED_BY_LISTENER;
                    break;
                }
            }
            int[] medoidIndices = method == Method.MEDOIDS ? medoids.clone() : new int[0];
            return new ClusteringResult(labels, Arrays.asList(centers), medoidIndices, value,
                    Arrays.copyOf(trace, iterations + 1), iterations, status,
                    distanceComputations, new double[] {value});
        }

        // ---- seeding ------------------------------------------------------------------

        /** k-means++ D^2 sampling (Arthur and Vassilvitskii 2007, algorithm k-means++). */
        private int[] seeds() {
            int[] chosen = new int[clusters];

            // Step 1a: the first center uniformly at random.
            chosen[0] = random.nextInt(n);
            double[] nearest = squaredDistancesFrom(chosen[0]);

            // Steps 1b-1c: each further center with probability D(x)^2 / sum D^2.
            for (int c = 1; c < clusters; c++) {
                double total = 0.0;
                for (double d : nearest) {
                    total += d;
                }
                if (!(total > 0.0)) {
                    throw new IllegalArgumentException("k-means++ found only " + c
                            + (c == 1 ? " graph" : " graphs")
                            + " at positive distance from each other, fewer than k = "
                            + clusters + " (isomorphic copies count once)");
                }
                chosen[c] = draw(nearest, random.nextDouble() * total);
                double[] fresh = squaredDistancesFrom(chosen[c]);
                for (int i = 0; i < n; i++) {
                    nearest[i] = Math.min(nearest[i], fresh[i]);
                }
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

        private double[] squaredDistancesFrom(int s) {
            double[] result = new double[n];
            if (matrix != null) {
                for (int i = 0; i < n; i++) {
                    result[i] = matrix[s][i] * matrix[s][i];
                }
                return result;
            }
            Graph x = graphs.get(s);
            List<Double> values = IndexedTasks.map(n, i -> i == s ? 0.0
                    : space.squaredDistance(x, graphs.get(i),
                            aligner.align(space, x, graphs.get(i)).permutation()), executor);
            for (int i = 0; i < n; i++) {
                result[i] = values.get(i);
            }
            distanceComputations += n - 1;
            return result;
        }

        // ---- assignment ---------------------------------------------------------------

        private void assign() {
            if (method == Method.MEDOIDS) {
                assignToMedoids();
                return;
            }
            List<Choice> choices = IndexedTasks.map(n, this::nearestCenter, executor);
            for (int i = 0; i < n; i++) {
                Choice choice = choices.get(i);
                labels[i] = choice.label();
                alignments[i] = choice.alignment();
                costs[i] = cost(choice.squaredDistance());
            }
            distanceComputations += (long) n * clusters;
        }

        private Choice nearestCenter(int i) {
            Graph y = graphs.get(i);
            int current = labels[i];
            Choice best = null;
            for (int k = 0; k < clusters; k++) {
                Graph center = centers[k];
                Permutation p;
                double d;
                if (k == current && alignments[i] != null) {
                    // Warm start from the stored alignment, kept unless strictly beaten.
                    Permutation stored = alignments[i];
                    Permutation found = aligner.align(space, center, y, stored).permutation();
                    double storedValue = space.squaredDistance(center, y, stored);
                    double foundValue = space.squaredDistance(center, y, found);
                    p = foundValue < storedValue ? found : stored;
                    d = Math.min(foundValue, storedValue);
                } else {
                    p = aligner.align(space, center, y).permutation();
                    d = space.squaredDistance(center, y, p);
                }
                if (best == null || d < best.squaredDistance()
                        || (d == best.squaredDistance() && k == current)) {
                    best = new Choice(k, p, d);
                }
            }
            return best;
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
                if (method == Method.MEDOIDS) {
                    centers[c] = graphs.get(far);
                    costs[far] = medoidCost(far, far);
                } else {
                    centers[c] = graphs.get(far).pad(m);
                    alignments[far] = Permutation.identity(m);
                    costs[far] = cost(space.squaredDistance(centers[c], graphs.get(far),
                            alignments[far]));
                }
            }
        }

        // ---- center update ------------------------------------------------------------

        private void updateCenters() {
            for (int c = 0; c < clusters; c++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        members.add(i);
                    }
                }
                if (method == Method.MEDOIDS) {
                    updateMedoid(c, members);
                } else {
                    updateCenter(c, members);
                }
            }
        }

        private void updateCenter(int c, List<Integer> members) {
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
            for (int j = 0; j < members.size(); j++) {
                found[j] = result.alignments().get(j).permutation();
            }
            if (accept(c, members, result.center(), found) || method != Method.MEANS) {
                return;
            }

            // Fallback for k-means: one average of the graphs under the stored alignments,
            // which minimises sum ||mu - p_i . Y_i||^2 over mu and so cannot raise J.
            GraphAccumulator average = new GraphAccumulator(space, m);
            Permutation[] stored = new Permutation[members.size()];
            for (int j = 0; j < members.size(); j++) {
                stored[j] = alignments[members.get(j)];
                average.add(graphs.get(members.get(j)), stored[j], 1.0);
            }
            accept(c, members, average.average(), stored);
        }

        /** Makes {@code candidate} the center of cluster c if that lowers the objective. */
        private boolean accept(int c, List<Integer> members, Graph candidate,
                Permutation[] candidateAlignments) {
            // Costs under the candidate's alignments.
            double[] trial = costs.clone();
            for (int j = 0; j < members.size(); j++) {
                int i = members.get(j);
                trial[i] = cost(space.squaredDistance(candidate, graphs.get(i),
                        candidateAlignments[j]));
            }

            // Keep the candidate only if the objective falls.
            if (!(sum(trial) < objective())) {
                return false;
            }
            centers[c] = candidate;
            for (int j = 0; j < members.size(); j++) {
                int i = members.get(j);
                alignments[i] = candidateAlignments[j];
                costs[i] = trial[i];
            }
            return true;
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

        private double objective() {
            return sum(costs);
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
         * Sets the relative-decrease tolerance of the stopping rule (also passed to the
         * center estimators).
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
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder restarts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("restarts must be >= 1, got " + value);
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
         * Builds the clustering.
         *
         * @return the immutable clustering
         * @throws IllegalStateException if no aligner was set
         */
        public CentralClustering build() {
            if (aligner == null) {
                throw new IllegalStateException("CentralClustering needs an aligner: call"
                        + " aligner(...) before build()");
            }
            return new CentralClustering(this);
        }
    }
}
