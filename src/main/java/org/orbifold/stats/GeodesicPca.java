package org.orbifold.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;

/**
 * Geodesic principal component analysis in graph space by align-all-and-compute: the
 * generalized geodesic principal components of Calissano, Feragen and Vantini
 * ("Populations of unlabelled networks: graph space geometry and generalized geodesic
 * principal components", Biometrika, 2024), made monotone by warm-started alignments. The
 * first principal geodesic is the line {@code s -> M + s V} ({@code ||V|| = 1}) of the total
 * space that minimises
 *
 * <pre>
 *   F(M, V) = sum_i min over pi, s of ||M + s V - pi . Y_i||^2.
 * </pre>
 *
 * <p>The alternation: align every graph to the Fréchet mean ({@link FrechetMean}, or a
 * mean given by {@link Builder#start}); then repeat (1) principal component analysis of the
 * aligned graphs {@code pi_i . Y_i}, whose mean and first direction are the line, and whose
 * scores are the optimal {@code s_i}; (2) align every graph to the line by coordinate
 * descent: align {@code Y_i} to the point {@code M + s_i V}, warm-started at {@code pi_i}
 * and kept unless strictly better, then move {@code s_i} to the closed-form optimum
 * {@code <pi_i . Y_i - M, V> / ||V||^2}, until the alignment stops changing.
 *
 * <p>Why the reported objective {@code F^_t = sum_i ||M_t + s_i V_t - pi_i^t . Y_i||^2}
 * never rises: for fixed alignments, the principal components give the best line, so the
 * refit in (1) cannot do worse than the previous line with the same alignments; in (2) each
 * alignment step keeps the previous alignment unless the new one is strictly better for the
 * current point, and each move of {@code s_i} minimises over {@code s}, so no graph's
 * squared distance to the line rises. An update that would raise the objective all the same
 * (rounding only) is rejected and the run ends at the previous iterate.
 *
 * <p>The objective is at most the total sum of squares of the aligned sample: for fixed
 * alignments it is that total less the first direction's sum of squares, so a sum of
 * distances computed above the total is rounding and the objective is the total. Rounding
 * is judged coordinate by coordinate ({@link PrincipalAxes}): a node or edge coordinate
 * whose centred sum of squares is at most {@code ((N + 1) eps)^2} times the sum of its
 * squares is constant up to the rounding of its mean and adds nothing to the total or the
 * directions. Graphs that are copies of one graph once aligned therefore get total 0,
 * objective 0 and every ratio 0, where the rounding of their mean would show totals and
 * objectives near {@code 1e-30} in no fixed order; and an attribute near {@code 1e6} equal in
 * every graph does not hide a spread of {@code 1e-8} in another attribute.
 *
 * <p>Stopping rules: no alignment changed in (2) (a fixed point: the refit would give the
 * same line), or the relative decrease of the objective fell below the tolerance (both
 * {@link Status#CONVERGED}); the iteration limit ({@link Status#MAX_ITERATIONS}); the listener
 * returned false ({@link Status#STOPPED_BY_LISTENER}). Only a run that ends at a fixed point
 * ({@link GeodesicPcaResult#fixedPoint}) has alignments made for its final line, which an
 * exact aligner certifies; after any other stop they were made for an earlier line (or are
 * the starting mean's) and none is certified, though the aligner may have proved every one
 * it made (their reason is {@link Alignment.Unproven#HEURISTIC}: no certificate applies to
 * the final line); at a fixed point each keeps the aligner's certificate or reason.
 * geomstats' {@code AAC} with
 * {@code estimate="ggpca"} instead starts from a random sample graph, aligns to a grid of
 * points on the geodesic, and stops when the explained-variance ratio of the first
 * component changes by less than its tolerance.
 *
 * <p>The principal component analysis runs in the weighted inner product of the space:
 * graphs become vectors scaled by the square roots of the node and edge weights
 * ({@link WeightedVectors}), directions come back unscaled, and a part of weight 0 gets
 * direction 0. It uses the {@code N x N} Gram matrix when the vectors are longer than
 * {@code N} ({@link PrincipalAxes}). Graphs of smaller order are padded with null nodes to
 * {@code space.size()}, as for the mean. The alignments run on the executor, one task per
 * graph, and results are combined in index order, so the result is the same for any thread
 * count.
 *
 * <p>Instances are immutable and thread-safe if the aligner, executor and listener are.
 *
 * <p><b>Limitations.</b> Only the first direction is fitted by the alternation; the further
 * components are plain principal components of the aligned sample under the first
 * direction's alignments, not geodesic components of their own. The result is a fixed point
 * of the alternation from the mean's alignments, not a minimum of {@code F}: each graph's
 * distance to the line is minimised coordinate-wise (the alignment for the current point,
 * then the position for that alignment), which can stop above
 * {@code min over pi, s of ||M + s V - pi . Y_i||^2} even with an exact aligner, because the
 * joint minimum over both is not a problem the aligners solve. The reported objective is
 * therefore an upper bound on {@code F} at the final line; with a heuristic aligner the
 * alignments to the points are upper bounds as well. The mean and the directions are dense
 * graphs.
 */
public final class GeodesicPca {

    /** The default number of directions reported. */
    public static final int DEFAULT_COMPONENTS = 3;

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = CenterBuilder.DEFAULT_MAX_ITERATIONS;

    /** The default tolerance on the relative decrease of the objective. */
    public static final double DEFAULT_TOLERANCE = CenterBuilder.DEFAULT_TOLERANCE;

    /** The most alternations of alignment and position per graph and step. */
    static final int MAX_LINE_ROUNDS = 50;

    private final Aligner aligner;
    private final int components;
    private final int maxIterations;
    private final double tolerance;
    private final long seed;
    private final Executor executor;
    private final IterationListener listener;
    private final CenterResult start;

    private GeodesicPca(Builder builder) {
        if (builder.aligner == null) {
            throw new IllegalStateException("GeodesicPca needs an aligner: call aligner(...)"
                    + " before build()");
        }
        this.aligner = builder.aligner;
        this.components = builder.components;
        this.maxIterations = builder.maxIterations;
        this.tolerance = builder.tolerance;
        this.seed = builder.seed;
        this.executor = builder.executor;
        this.listener = builder.listener;
        this.start = builder.start;
    }

    /**
     * Starts a configuration with the defaults: 3 directions, 100 iterations, tolerance
     * {@code 1e-9}, seed 0, the common fork-join pool, no listener, the Fréchet mean as the
     * start. The aligner has no default and must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the first principal geodesic and the further directions.
     *
     * @param space the graph space of the sample; the mean and directions have order
     *     {@code space.size()}
     * @param graphs at least 2 graphs of {@code space}; not retained
     * @return the principal geodesic, the scores and alignments, the trace and the status
     * @throws IllegalArgumentException if there are fewer than 2 graphs, a graph is not in
     *     the space, more directions are asked for than the sample spans ({@code N - 1}, or
     *     the number of coordinates of a graph), or the start ({@link Builder#start}) fails
     *     the checks listed there
     */
    public GeodesicPcaResult compute(GraphSpace space, List<Graph> graphs) {
        Objects.requireNonNull(space, "space");
        List<Graph> sample = space.requireMembers(graphs);
        int n = sample.size();
        if (n < 2) {
            throw new IllegalArgumentException("a principal geodesic needs at least 2 graphs,"
                    + " got " + n);
        }
        int m = space.size();
        boolean directed = sample.stream().anyMatch(Graph::isDirected);
        WeightedVectors vectors = new WeightedVectors(space, m, directed);
        int most = maxComponents(space, sample);
        if (components > most) {
            throw new IllegalArgumentException("components = " + components + " is more than "
                    + n + " graphs with " + vectors.length() + " coordinates each can span"
                    + " (at most " + most + ")");
        }
        long startTime = System.nanoTime();

        // Start: the alignments to the Fréchet mean, and the principal axes they give.
        List<Permutation> alignments = startingAlignments(space, sample);
        Fit fit = fit(space, sample, vectors, alignments);
        double value = fit.objective();
        double[] trace = new double[Math.min(maxIterations, 1024) + 1];
        trace[0] = value;
        int iterations = 0;
        Status status = Status.MAX_ITERATIONS;
        boolean fixedPoint = false;
        Alignment.Unproven[] unproven = new Alignment.Unproven[n];

        while (iterations < maxIterations) {
            // Align every graph to the current line, warm-started, by coordinate descent.
            Fit current = fit;
            List<LineFit> moved = IndexedTasks.map(n, i -> alignToLine(space, current.mean(),
                    current.direction(), sample.get(i), current.alignments().get(i),
                    current.scores()[i]), executor);
            boolean changed = false;
            List<Permutation> next = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                LineFit f = moved.get(i);
                next.add(f.permutation());
                unproven[i] = f.unproven();
                changed |= f.changed();
            }
            if (!changed) {
                status = Status.CONVERGED;
                fixedPoint = true;
                break;
            }

            // Refit the principal axes; a rise is rounding only, so keep the current iterate.
            Fit nextFit = fit(space, sample, vectors, next);
            double nextValue = nextFit.objective();
            if (nextValue > value) {
                status = Status.CONVERGED;
                break;
            }

            // Accept, record and report.
            double decrease = value > 0.0 ? (value - nextValue) / value : 0.0;
            fit = nextFit;
            value = nextValue;
            iterations++;
            if (iterations >= trace.length) {
                trace = Arrays.copyOf(trace, 2 * trace.length);
            }
            trace[iterations] = value;
            boolean proceed = listener.iterationDone(iterations, value, decrease,
                    System.nanoTime() - startTime);

            // Stopping rules.
            if (decrease < tolerance) {
                status = Status.CONVERGED;
                break;
            }
            if (!proceed) {
                status = Status.STOPPED_BY_LISTENER;
                break;
            }
        }
        if (!fixedPoint) {
            Arrays.fill(unproven, Alignment.Unproven.HEURISTIC); // made for another point
        }
        return result(space, sample, fit, unproven, iterations,
                Arrays.copyOf(trace, iterations + 1), status, fixedPoint);
    }

    /**
     * Returns the most directions that {@link #compute} can report for these graphs: one less
     * than their number (centering removes one dimension), and at most the number of
     * coordinates of a graph of order {@code space.size()} (node channels, plus edge channels
     * per unordered pair, or per ordered pair when a graph is directed).
     *
     * @param space the graph space
     * @param graphs the graphs
     * @return the largest valid {@link Builder#components(int)}, 0 for fewer than 2 graphs
     */
    public static int maxComponents(GraphSpace space, List<Graph> graphs) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(graphs, "graphs");
        return Math.max(0, Math.min(graphs.size() - 1, coordinates(space, graphs)));
    }

    /**
     * Returns the number of coordinates of a graph of order {@code space.size()} as the
     * analysis writes it: node channels per node, plus edge channels per unordered pair, or
     * per ordered pair when one of the graphs is directed.
     *
     * @param space the graph space
     * @param graphs the graphs
     * @return the number of coordinates, one bound of {@link #maxComponents}
     */
    public static int coordinates(GraphSpace space, List<Graph> graphs) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(graphs, "graphs");
        boolean directed = graphs.stream().anyMatch(Graph::isDirected);
        return new WeightedVectors(space, space.size(), directed).length();
    }

    /** Returns the alignments of the start: the given mean's, or a new Fréchet mean's. */
    private List<Permutation> startingAlignments(GraphSpace space, List<Graph> sample) {
        CenterResult mean = start;
        if (mean == null) {
            mean = FrechetMean.builder().aligner(aligner).executor(executor).seed(seed)
                    .build().compute(space, sample);
        } else {
            Checks.requireMeanOf(space, mean, sample, "the starting mean");
        }
        int m = space.size();
        List<Permutation> result = new ArrayList<>(sample.size());
        for (Alignment a : mean.alignments()) {
            Permutation p = a.permutation();
            result.add(p.size() < m ? p.extend(m) : p);
        }
        return result;
    }

    /**
     * The principal axes of the sample under fixed alignments.
     *
     * @param mean the average of the aligned graphs
     * @param directions the unit directions as graphs, the first being the line's
     * @param axes the principal axes of the weighted vectors
     * @param alignments the alignments the axes were fitted to
     * @param squaredDistances each graph's squared distance to its point on the line
     */
    private record Fit(Graph mean, List<Graph> directions, PrincipalAxes axes,
            List<Permutation> alignments, double[] squaredDistances) {

        Graph direction() {
            return directions.get(0);
        }

        double[] scores() {
            double[] s = new double[axes.scores().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = axes.scores()[i][0];
            }
            return s;
        }

        /**
         * Returns the sum of the squared distances, in index order, at most the total sum of
         * squares: the line through the mean along the first direction leaves the total less
         * that direction's sum of squares, so a sum above the total is rounding (copies of one
         * graph, whose distances and total are both about {@code 1e-30} or 0).
         */
        double objective() {
            double sum = 0.0;
            for (double d : squaredDistances) {
                sum += d;
            }
            return Math.min(sum, axes.totalSumOfSquares());
        }
    }

    /** Fits the principal axes to the aligned sample and measures the distances to PC1. */
    private Fit fit(GraphSpace space, List<Graph> sample, WeightedVectors vectors,
            List<Permutation> alignments) {
        int n = sample.size();
        int m = space.size();
        List<double[]> rows = IndexedTasks.map(n, i -> vectors.encode(sample.get(i)
                .permute(alignments.get(i))), executor);
        PrincipalAxes axes = PrincipalAxes.fit(rows.toArray(new double[0][]), components);
        GraphAccumulator sum = new GraphAccumulator(space, m);
        for (int i = 0; i < n; i++) {
            sum.add(sample.get(i), alignments.get(i), 1.0);
        }
        Graph mean = sum.average();
        List<Graph> directions = new ArrayList<>(components);
        for (double[] direction : axes.directions()) {
            directions.add(vectors.decode(direction));
        }
        Graph v = directions.get(0);
        List<Double> squared = IndexedTasks.map(n, i -> space.squaredDistance(line(space, mean,
                v, axes.scores()[i][0]), sample.get(i), alignments.get(i)), executor);
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            distances[i] = squared.get(i);
        }
        return new Fit(mean, directions, axes, List.copyOf(alignments), distances);
    }

    /**
     * One graph's alignment to a line.
     *
     * @param permutation the alignment
     * @param changed whether the alignment differs from the warm start
     * @param unproven why the last aligner call did not prove its answer optimal, or
     *     {@link Alignment.Unproven#NONE}
     */
    private record LineFit(Permutation permutation, boolean changed,
            Alignment.Unproven unproven) {
    }

    /**
     * Aligns {@code y} to the line {@code M + s V} by coordinate descent from {@code start}
     * and {@code s}: align to the current point (kept unless strictly better), then move
     * {@code s} to its closed-form optimum; no step raises the squared distance.
     */
    private LineFit alignToLine(GraphSpace space, Graph mean, Graph direction, Graph y,
            Permutation start, double s) {
        double directionNorm = space.squaredNorm(direction);
        double meanOnDirection = space.similarity(direction, mean,
                Permutation.identity(mean.order()));
        Permutation p = start;
        double position = s;
        boolean changed = false;
        Alignment.Unproven unproven = Alignment.Unproven.HEURISTIC;
        for (int round = 0; round < MAX_LINE_ROUNDS; round++) {
            Graph point = line(space, mean, direction, position);
            Alignment found = aligner.align(space, point, y, p);
            Permutation candidate = found.permutation();
            if (candidate.size() != point.order()) {
                throw new IllegalStateException("aligner " + aligner.name() + " returned a"
                        + " permutation of size " + candidate.size() + " for a point of order "
                        + point.order());
            }
            unproven = found.unproven();
            if (!AlignmentStep.improves(space, point, y, p, candidate)) {
                break;
            }
            p = candidate;
            changed = true;
            if (directionNorm > 0.0) {
                position = (space.similarity(direction, y, p) - meanOnDirection)
                        / directionNorm;
            }
        }
        return new LineFit(p, changed, unproven);
    }

    /** Returns {@code M + s V} as a graph of the order of {@code M}. */
    static Graph line(GraphSpace space, Graph mean, Graph direction, double s) {
        int m = mean.order();
        GraphAccumulator sum = new GraphAccumulator(space, m);
        Permutation identity = Permutation.identity(m);
        sum.add(mean, identity, 1.0);
        if (s != 0.0) {
            sum.add(direction, identity, s);
        }
        return sum.sum();
    }

    private GeodesicPcaResult result(GraphSpace space, List<Graph> sample, Fit fit,
            Alignment.Unproven[] unproven, int iterations, double[] trace, Status status,
            boolean fixedPoint) {
        int n = sample.size();
        PrincipalAxes axes = fit.axes();
        List<Alignment> alignments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Graph point = line(space, fit.mean(), fit.direction(), axes.scores()[i][0]);
            alignments.add(Alignment.of(space, point, sample.get(i), fit.alignments().get(i),
                    unproven[i]));
        }
        double[] ratios = new double[components];
        for (int k = 0; k < components; k++) {
            ratios[k] = axes.totalSumOfSquares() > 0.0
                    ? axes.sumsOfSquares()[k] / axes.totalSumOfSquares() : 0.0;
        }
        return new GeodesicPcaResult(fit.mean(), fit.directions(), ratios,
                axes.totalSumOfSquares(), axes.scores(), alignments, fit.objective(),
                iterations, trace, status, fixedPoint);
    }

    /**
     * Configures a {@link GeodesicPca}: aligner, number of directions, iteration limit,
     * tolerance, seed, executor, listener and starting mean. Not thread-safe.
     */
    public static final class Builder {

        private Aligner aligner;
        private int components = DEFAULT_COMPONENTS;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double tolerance = DEFAULT_TOLERANCE;
        private long seed;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;
        private CenterResult start;

        private Builder() {
        }

        /**
         * Sets the aligner (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the number of directions to report; the first is fitted by the alternation,
         * the others are principal components of the final aligned sample.
         *
         * @param value the number of directions, {@code >= 1} (at most {@code N - 1} for
         *     {@code N} graphs, checked by {@code compute})
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder components(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("components must be >= 1, got " + value);
            }
            this.components = value;
            return this;
        }

        /**
         * Sets the iteration limit; 0 returns the principal components of the sample
         * aligned to the starting mean.
         *
         * @param value the largest number of updates, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxIterations(int value) {
            this.maxIterations = Checks.requireIterations(value);
            return this;
        }

        /**
         * Sets the tolerance on the relative decrease {@code (F_t - F_{t+1}) / F_t} of the
         * objective.
         *
         * @param value a finite tolerance {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder tolerance(double value) {
            this.tolerance = Checks.requireTolerance(value);
            return this;
        }

        /**
         * Sets the seed of the starting Fréchet mean ({@link FrechetMean.Builder#seed});
         * the aligner has its own.
         *
         * @param value the seed (default 0)
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets where the alignments run; see {@link CenterBuilder#executor}.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Sets the listener, told the iteration, the objective, its relative decrease and
         * the elapsed time after every accepted update; returning false stops the run.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(IterationListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Starts from a Fréchet mean computed earlier on the same graphs in the same order
         * (its alignments are the starting alignments) instead of computing one.
         *
         * <p>{@code compute} checks, and refuses otherwise: one alignment per graph; a center
         * that belongs to the space (order at most the space's, its attribute dimensions;
         * a mean computed in a space of smaller order passes when its alignments give the
         * same distances here, as with unit weights); every alignment {@code i} attains its
         * recorded distance for graph {@code i} in the space (to a relative {@code 1e-9}),
         * which a mean of other graphs, of these in another order or with other node or edge
         * weights almost never does; and an objective equal to the unweighted mean of those
         * squared distances, which a {@link FrechetMedian} result or a mean with sample
         * weights does not have. Not checked: whether the mean converged, and whether it is a
         * {@link FrechetMean} rather than an {@link IncrementalMean}; any such start gives a
         * valid analysis from other alignments, but not the default one.
         *
         * @param value the mean, or null to compute one with this configuration's aligner,
         *     executor and seed
         * @return this builder
         */
        public Builder start(CenterResult value) {
            this.start = value;
            return this;
        }

        /**
         * Returns the configured analysis.
         *
         * @return a new immutable {@link GeodesicPca}
         * @throws IllegalStateException if no aligner was set
         */
        public GeodesicPca build() {
            return new GeodesicPca(this);
        }
    }
}
