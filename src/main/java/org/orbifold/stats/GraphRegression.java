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
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;

/**
 * Graph-valued linear regression in graph space: graphs {@code Y_i} (unlabelled, so known
 * only up to relabelling) regressed on real covariates {@code x_i in R^p}, with the model
 * {@code Y_i ~ B_0 + sum_k x_ik B_k} for an intercept graph {@code B_0} and one coefficient
 * graph {@code B_k} per covariate. This is the align-all-and-compute regression of
 * Calissano, Feragen and Vantini ("Graph-valued regression: prediction of unlabelled
 * networks in a non-Euclidean graph space", Journal of Multivariate Analysis 190, 2022,
 * doi:10.1016/j.jmva.2022.104950), made monotone:
 *
 * <pre>
 *   B^{t+1}      = argmin_B  sum_i ||B_0 + sum_k x_ik B_k - pi_i^t . Y_i||^2
 *                            (+ ridge * sum_{k >= 1} ||B_k||^2)
 *   yhat_i^{t+1} = B_0^{t+1} + sum_k x_ik B_k^{t+1}
 *   pi_i^{t+1}   = alignment of Y_i to yhat_i^{t+1}, warm-started at pi_i^t and kept
 *                  unless strictly better for yhat_i^{t+1}
 * </pre>
 *
 * <p>The first step is ordinary least squares, coordinate by coordinate, of the aligned
 * graphs written as vectors ({@code Z = [1, x]}, solved once by a QR decomposition and
 * applied to every node and edge coordinate). Each coordinate is centred on its mean over
 * the aligned graphs before that fit and the mean is added back into the intercept graph
 * {@code B_0} (the same model in exact arithmetic; {@code RegressionDesign}), so that the
 * fit's rounding is that of the coordinates' variation, not of their size: an attribute
 * equal in every graph is fitted and predicted exactly however large it is. The space's
 * node and edge weights scale whole coordinates, so they do not change this fit (each
 * coordinate's least-squares problem is multiplied by its positive weight); they change the
 * alignments and the distances. The vectors are therefore the {@link WeightedVectors} of the
 * space with unit weights: a part of weight 0, which the space's own vectors would zero out,
 * is still fitted (it does not move the alignments, but the coefficient graphs keep its
 * least-squares values).
 *
 * <p><b>Objective and monotonicity.</b> The objective is the sum of squared residual
 * distances {@code SSR = sum_i ||yhat_i - pi_i . Y_i||^2} (plus the ridge penalty when it is
 * positive), evaluated with the returned alignments. Given the alignments {@code pi^t}, the
 * least-squares step minimises {@code G_t(B) = sum_i ||yhat_i(B) - pi_i^t . Y_i||^2}, so
 * {@code G_t(B^{t+1}) <= G_t(B^t) = SSR_t}; the keep-unless-better alignments then give
 * {@code SSR_{t+1} <= G_t(B^{t+1})}. The trace never rises, whatever the aligner (the rule of
 * ALGORITHMS.md 3.4, applied to each graph and its own fitted value). geomstats' AAC
 * regression realigns without warm starts and stops on the change of the fitted values, so
 * its objective can rise.
 *
 * <p><b>Start.</b> By default the graphs start aligned to their Fréchet mean ({@link
 * FrechetMean}, same aligner, seed and executor; {@link Start#FRECHET_MEAN}): the first
 * least-squares fit then contains the intercept-only fit, the mean itself, so
 * {@code SSR <= SST} and {@code R^2 >= 0} from the start on. {@link Start#FIRST_GRAPH}
 * aligns every graph to the first one instead (geomstats starts from a random graph).
 *
 * <p><b>Goodness of fit.</b> {@code R^2 = 1 - SSR / SST}, where {@code SST} is the Fréchet
 * variance, {@code sum_i d(Y_i, M)^2} for the Fréchet mean {@code M} computed with the same
 * aligner (always computed, whatever the start). With heuristic alignments both sums are
 * upper bounds of their true values. The sample has no variance
 * ({@link GraphRegressionModel#hasNoVariance}) when the graphs, aligned as for the Fréchet
 * mean, are one graph up to the rounding of their mean coordinate by coordinate, by the rule
 * with which {@code pca} reports a total of 0 ({@code PrincipalAxes}).
 *
 * <p><b>Stopping rules</b>, checked after each step: no alignment changed (a fixed point:
 * the next fit would be the same) or the relative decrease of the objective fell below the
 * tolerance ({@link Status#CONVERGED}); the iteration limit ({@link Status#MAX_ITERATIONS});
 * the listener returned false ({@link Status#STOPPED_BY_LISTENER}). A step that would raise
 * the objective (rounding only) is rejected and the run ends {@link Status#CONVERGED}.
 *
 * <p>Graphs of lower order are padded with null nodes to the space's size, as the mean pads
 * them. The alignments run on the configured executor, one task per graph, and are collected
 * in index order, so the model is bit-for-bit the same for any thread count. Each iteration
 * costs {@code N} alignments plus {@code O(N p D)} for the fit, {@code D} the number of
 * coordinates of a graph ({@code m d_v + m (m - 1) d_e}, half the edge part if undirected).
 *
 * <p>Instances are immutable and thread-safe if the aligner, executor and listener are.
 *
 * <p><b>Limitations.</b> The result is a local minimum from the chosen start. The model is
 * linear in the coordinates of the total space: predicted graphs are dense, may have negative
 * edge values and node-existence values outside {@code [0, 1]} (nothing is clipped), and
 * predictions far outside the covariates' range extrapolate without bound. The ridge penalty
 * acts on the coefficients in the covariates' units, so scale the covariates before using
 * it. The least-squares fit itself does not depend on the units or offsets of the
 * covariates (the design is standardised, {@code RegressionDesign}), but a coefficient graph
 * is the change per unit: for a covariate of tiny units it may exceed the range of doubles,
 * and the fit then fails naming the covariate. Every
 * iteration stores the {@code N} aligned graphs as dense vectors ({@code N D} doubles).
 * The centring of the fit keeps a large attribute equal in every graph from swamping a
 * small spread elsewhere: attributes at {@code 1e15} beside a spread of {@code 1e-3}, or at
 * {@code 1e6} beside a spread of {@code 1e-8}, give the coefficients, {@code SSR} and
 * {@code R^2} of the same graphs with those attributes at 0. What remains works in raw
 * coordinates. A fitted value is a double near its attribute, so an attribute that itself
 * varies by only some units in the last place of its values (a few units near {@code 1e15})
 * has residuals with rounding of their own order: {@code SSR} can then exceed {@code SST},
 * and {@code R^2} is set to 0 ({@link GraphRegressionModel#rSquared}). {@code SST} comes from
 * the Fréchet mean, which averages the aligned graphs by a plain sum: where {@code N} copies
 * of a large attribute do not sum exactly (seven graphs with {@code 3e13 + 0.3}, five with
 * {@code 4e15 + 7}), the rounded average lies further from the graphs than the mean's
 * previous iterate, its update is rejected as a rise, and {@code SST} is the sum of squares
 * around that iterate (on those five graphs, the medoid), so {@code R^2} comes out too high
 * (0.995072 instead of 0.995025).
 */
public final class GraphRegression {

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = CenterBuilder.DEFAULT_MAX_ITERATIONS;

    /** The default tolerance on the relative decrease of the objective. */
    public static final double DEFAULT_TOLERANCE = CenterBuilder.DEFAULT_TOLERANCE;

    /** What the graphs are aligned to before the first fit. */
    public enum Start {
        /** The Fréchet mean of the graphs, with its alignments (the default). */
        FRECHET_MEAN,
        /** The first graph, padded to the space size. */
        FIRST_GRAPH
    }

    private final Aligner aligner;
    private final int maxIterations;
    private final double tolerance;
    private final Executor executor;
    private final IterationListener listener;
    private final long seed;
    private final double ridge;
    private final Start start;
    private final CenterResult mean;

    private GraphRegression(Builder b) {
        if (b.aligner == null) {
            throw new IllegalStateException("GraphRegression needs an aligner: call"
                    + " aligner(...) before build()");
        }
        this.aligner = b.aligner;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.executor = b.executor;
        this.listener = b.listener;
        this.seed = b.seed;
        this.ridge = b.ridge;
        this.start = b.start;
        this.mean = b.mean;
    }

    /**
     * Starts a configuration with the defaults: 100 iterations, tolerance {@code 1e-9}, the
     * common fork-join pool, no listener, seed 0, ridge 0, the Fréchet mean as the start.
     * The aligner has no default and must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks covariates as {@link #fit(GraphSpace, List, double[][], List)} checks them,
     * before any alignment, so that a caller can refuse them before other long work (such as
     * a Fréchet mean it passes in).
     *
     * @param covariates {@code N} rows of {@code p >= 1} values; not modified
     * @param names one name per covariate, or null for {@code x1, ..., xp}
     * @param graphs the number of graphs {@code N}
     * @throws IllegalArgumentException as {@code fit} would: the row count differs from the
     *     graph count, {@code N <= p}, a covariate is not finite, or the design is
     *     rank-deficient (the message names the column)
     */
    public static void requireValidCovariates(double[][] covariates, List<String> names,
            int graphs) {
        RegressionDesign.of(covariates, names, graphs, 0.0);
    }

    /**
     * Fits the regression with covariates named {@code x1, ..., xp}.
     *
     * @param space the graph space of the graphs; coefficient graphs have order
     *     {@code space.size()}
     * @param graphs the responses {@code Y_1, ..., Y_N}, graphs of {@code space}; not retained
     * @param covariates {@code N} rows of {@code p >= 1} finite values, row {@code i} for
     *     graph {@code i}; copied
     * @return the fitted model
     * @throws IllegalArgumentException if a graph is not in the space, the row count differs
     *     from the graph count, {@code N <= p}, a covariate is not finite, the design
     *     {@code [1, x]} is rank-deficient (the message names the first column at fault), or
     *     the Fréchet mean given ({@link Builder#frechetMean}) fails the checks listed there
     */
    public GraphRegressionModel fit(GraphSpace space, List<Graph> graphs,
            double[][] covariates) {
        return fit(space, graphs, covariates, null);
    }

    /**
     * Fits the regression; see {@link #fit(GraphSpace, List, double[][])}.
     *
     * @param space the graph space of the graphs
     * @param graphs the responses, graphs of {@code space}; not retained
     * @param covariates {@code N} rows of {@code p >= 1} finite values; copied
     * @param names one name per covariate for the model and for messages, or null for
     *     {@code x1, ..., xp}
     * @return the fitted model
     * @throws IllegalArgumentException as the other form, or if the names are not {@code p}
     */
    public GraphRegressionModel fit(GraphSpace space, List<Graph> graphs,
            double[][] covariates, List<String> names) {
        WeightedSample sample = WeightedSample.of(space, graphs, null);
        RegressionDesign design = RegressionDesign.of(covariates, names, sample.size(), ridge);
        long startTime = System.nanoTime();

        // The Fréchet variance, and the starting alignments.
        CenterResult frechet = mean != null
                ? Checks.requireMeanOf(space, mean, sample.graphs, "the Fréchet mean given")
                : FrechetMean.builder().aligner(aligner).executor(executor).seed(seed).build()
                        .compute(space, sample.graphs);
        double totalSumOfSquares = frechet.objective() * sample.size();
        int m = space.size();
        boolean noVariance = noVariance(space, sample.graphs, frechet.alignments());
        List<Permutation> starts = new ArrayList<>();
        if (start == Start.FRECHET_MEAN) {
            for (int i = 0; i < sample.size(); i++) {
                starts.add(frechet.alignments().get(i).permutation().extend(m));
            }
        } else {
            starts = AlignmentStep.run(aligner, sample, sample.graph(0).pad(m), null, executor)
                    .permutations();
        }

        // First fit and its alignments (trace index 0).
        boolean directed = sample.graphs.stream().anyMatch(Graph::isDirected);
        WeightedVectors coordinates = new WeightedVectors(space.withWeights(1.0, 1.0), m,
                directed);
        Fit fit = fit(sample, design, coordinates, starts);
        double value = fit.objective;
        double[] trace = new double[Math.min(maxIterations, 1024) + 1];
        trace[0] = value;
        int iterations = 0;
        Status status = fit.outcome.changed() ? Status.MAX_ITERATIONS : Status.CONVERGED;

        while (status == Status.MAX_ITERATIONS && iterations < maxIterations) {
            // Refit on the current alignments, realign warm-started; a rise is rounding only.
            Fit next = fit(sample, design, coordinates, fit.outcome.permutations());
            if (next.objective > value) {
                status = Status.CONVERGED;
                break;
            }

            // Accept, record and report.
            double decrease = value > 0.0 ? (value - next.objective) / value : 0.0;
            fit = next;
            value = next.objective;
            iterations++;
            if (iterations >= trace.length) {
                trace = Arrays.copyOf(trace, 2 * trace.length);
            }
            trace[iterations] = value;
            boolean proceed = listener.iterationDone(iterations, value, decrease,
                    System.nanoTime() - startTime);

            // Stopping rules.
            if (!next.outcome.changed() || decrease < tolerance) {
                status = Status.CONVERGED;
                break;
            }
            if (!proceed) {
                status = Status.STOPPED_BY_LISTENER;
                break;
            }
        }

        List<Graph> coefficients = new ArrayList<>();
        for (double[] b : design.original(fit.coefficients, fit.centre)) {
            coefficients.add(coordinates.decode(b));
        }
        List<Graph> standardized = new ArrayList<>();
        for (double[] c : fit.coefficients) {
            standardized.add(coordinates.decode(c));
        }
        return new GraphRegressionModel(space, coefficients, coordinates.decode(fit.centre),
                standardized, design.centers(), design.spreads(), design.names(),
                design.covariateMatrix(), fit.outcome.alignments(),
                fit.outcome.squaredDistances(), value, totalSumOfSquares, noVariance,
                frechet.center(), Arrays.copyOf(trace, iterations + 1), iterations, status,
                ridge, start);
    }

    /**
     * Returns whether the graphs, aligned as for the Fréchet mean, are one graph up to the
     * rounding of their mean, coordinate by coordinate as {@code pca} judges its total
     * ({@link PrincipalAxes#hasNoVariance}).
     */
    private static boolean noVariance(GraphSpace space, List<Graph> graphs,
            List<Alignment> alignments) {
        int m = space.size();
        boolean directed = graphs.stream().anyMatch(Graph::isDirected);
        WeightedVectors vectors = new WeightedVectors(space, m, directed);
        double[][] rows = new double[graphs.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vectors.encode(graphs.get(i).permute(alignments.get(i).permutation()
                    .extend(m)));
        }
        return PrincipalAxes.hasNoVariance(rows);
    }

    /**
     * One least-squares fit (the centre of the aligned graphs and the standardised
     * coefficients of the graphs centred on it, {@link RegressionDesign#fit}) with the
     * alignments of the graphs to its fitted values.
     */
    private record Fit(double[] centre, double[][] coefficients,
            AlignmentStep.Outcome outcome, double objective) {
    }

    /**
     * Fits the coefficients to the graphs aligned by {@code alignments}, then realigns each
     * graph to its fitted value, warm-started at those alignments.
     */
    private Fit fit(WeightedSample sample, RegressionDesign design, WeightedVectors coordinates,
            List<Permutation> alignments) {
        double[][] responses = new double[sample.size()][];
        for (int i = 0; i < sample.size(); i++) {
            responses[i] = coordinates.encode(sample.graph(i).permute(alignments.get(i)));
        }
        double[] centre = RegressionDesign.centre(responses);
        double[][] c = design.fit(responses, centre);
        Graph[] fitted = new Graph[sample.size()];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = coordinates.decode(design.fitted(c, centre, i));
        }
        AlignmentStep.Outcome outcome = AlignmentStep.run(aligner, sample, i -> fitted[i],
                alignments, executor);
        double objective = 0.0;
        for (double squared : outcome.squaredDistances()) {
            objective += squared;
        }
        if (ridge > 0.0) {
            double[] spreads = design.spreads();
            for (int k = 1; k < c.length; k++) {
                double norm = Math.sqrt(sample.space.squaredNorm(coordinates.decode(c[k])))
                        / spreads[k - 1];
                objective += ridge * norm * norm;
            }
        }
        if (!Double.isFinite(objective)) {
            throw new IllegalArgumentException("the regression objective overflows (" + objective
                    + ") with node weight " + sample.space.nodeWeight() + " and edge weight "
                    + sample.space.edgeWeight());
        }
        return new Fit(centre, c, outcome, objective);
    }


    /**
     * Configures a {@link GraphRegression}: aligner, iteration limit, tolerance, executor,
     * listener, seed, ridge, start, and optionally a Fréchet mean computed earlier. Not
     * thread-safe.
     */
    public static final class Builder {

        private Aligner aligner;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double tolerance = DEFAULT_TOLERANCE;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;
        private long seed;
        private double ridge;
        private Start start = Start.FRECHET_MEAN;
        private CenterResult mean;

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
         * Sets the iteration limit; 0 returns the first fit with its alignments.
         *
         * @param value the largest number of refits after the first, {@code >= 0}
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
         * Sets where the alignments run (the Fréchet mean's too).
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
         * the elapsed time after every accepted refit; returning false stops the run. The
         * Fréchet mean computed first does not report to it.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(IterationListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Sets the seed passed to the Fréchet mean (its restarts); the regression itself
         * makes no random choice beyond the aligner's own seed.
         *
         * @param value the seed (default 0)
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the ridge penalty {@code lambda}: each fit minimises
         * {@code sum_i ||yhat_i - pi_i . Y_i||^2 + lambda sum_{k >= 1} ||B_k||^2}, the
         * intercept unpenalised, and that penalised sum is the objective.
         *
         * @param value a finite penalty {@code >= 0} (default 0, ordinary least squares)
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder ridge(double value) {
            if (!Double.isFinite(value) || value < 0.0) {
                throw new IllegalArgumentException("ridge must be finite and >= 0, got "
                        + value);
            }
            this.ridge = value;
            return this;
        }

        /**
         * Sets what the graphs are aligned to before the first fit.
         *
         * @param value the start (default {@link Start#FRECHET_MEAN})
         * @return this builder
         */
        public Builder start(Start value) {
            this.start = Objects.requireNonNull(value, "start");
            return this;
        }

        /**
         * Uses a Fréchet mean computed earlier ({@link FrechetMean#compute}) of the same
         * graphs, in the same order, in the same space, instead of computing it: its
         * objective gives {@code SST} and, with {@link Start#FRECHET_MEAN}, its alignments the
         * start.
         *
         * <p>{@code fit} checks, and refuses otherwise: one alignment per graph; a center
         * that belongs to the space (order at most the space's, its attribute dimensions;
         * a mean computed in a space of smaller order passes when its alignments give the
         * same distances here, as with unit weights); every alignment {@code i} attains its
         * recorded distance for graph {@code i} in the space (to a relative {@code 1e-9}),
         * which a mean of other graphs, of these in another order or with other node or edge
         * weights almost never does; and an objective equal to the unweighted mean of those
         * squared distances, which a {@link FrechetMedian} result (mean distance) or a mean
         * with sample weights does not have. The caller must ensure what is not checked: that
         * the mean converged ({@link Status#CONVERGED}) and is a {@link FrechetMean}, not an
         * {@link IncrementalMean} or another graph evaluated as one, and was computed with the
         * aligner of this regression. An unconverged mean has a larger objective than the
         * converged one, so {@code SST} is too large and {@code R^2} too high.
         *
         * @param value the mean, or null to compute it
         * @return this builder
         */
        public Builder frechetMean(CenterResult value) {
            this.mean = value;
            return this;
        }

        /**
         * Returns the configured regression.
         *
         * @return a new immutable {@link GraphRegression}
         * @throws IllegalStateException if no aligner was set
         */
        public GraphRegression build() {
            return new GraphRegression(this);
        }
    }
}
