package org.orbifold.stats;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.IterationListener;

/**
 * The settings that {@link FrechetMean.Builder} and {@link FrechetMedian.Builder} share:
 * aligner, iteration limit, tolerance, executor, listener, starting graph, restarts and
 * seed. Defaults: no aligner (it must be set), 100 iterations, tolerance {@code 1e-9}, the
 * common fork-join pool, no listener, no starting graph, one run, seed 0. Not thread-safe.
 *
 * <p>Public so that code configuring either estimator can share one method; it cannot be
 * extended outside this package.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class CenterBuilder<B extends CenterBuilder<B>> {

    /** The default iteration limit. */
    static final int DEFAULT_MAX_ITERATIONS = 100;

    /** The default tolerance on the relative decrease of the objective. */
    static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * The most runs {@link #restarts(int)} accepts: every run aligns every graph at least
     * twice, so more would not finish in any useful time.
     */
    public static final int MAX_RESTARTS = 10_000;

    private Aligner aligner;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private double tolerance = DEFAULT_TOLERANCE;
    private Executor executor = ForkJoinPool.commonPool();
    private IterationListener listener = IterationListener.NONE;
    private Graph initial;
    private MedoidResult initialMedoid;
    private int restarts = 1;
    private long seed;

    CenterBuilder() {
    }

    /**
     * Sets the aligner (required).
     *
     * @param value the aligner
     * @return this builder
     */
    public B aligner(Aligner value) {
        this.aligner = Objects.requireNonNull(value, "aligner");
        return self();
    }

    /**
     * Sets the iteration limit; 0 returns the starting point with its alignments.
     *
     * @param value the largest number of updates, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public B maxIterations(int value) {
        this.maxIterations = Checks.requireIterations(value);
        return self();
    }

    /**
     * Sets the tolerance on the relative decrease {@code (F_t - F_{t+1}) / F_t} of the
     * objective {@code F}.
     *
     * @param value a finite tolerance {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public B tolerance(double value) {
        this.tolerance = Checks.requireTolerance(value);
        return self();
    }

    /**
     * Sets where the alignments run. The calling thread waits for the tasks; with a
     * bounded executor that is not a fork-join pool, do not call {@code compute} from one
     * of its own tasks.
     *
     * @param value the executor
     * @return this builder
     */
    public B executor(Executor value) {
        this.executor = Objects.requireNonNull(value, "executor");
        return self();
    }

    /**
     * Sets the listener, told the iteration, the objective, the relative decrease and the
     * elapsed time after every update; returning false stops the run.
     *
     * @param value the listener
     * @return this builder
     */
    public B listener(IterationListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return self();
    }

    /**
     * Sets the starting graph, which overrides the default start of the computation; it
     * must belong to the space passed to {@code compute} and is padded to its size.
     *
     * @param value the starting graph, or null for the default start
     * @return this builder
     */
    public B initial(Graph value) {
        this.initial = value;
        this.initialMedoid = null;
        return self();
    }

    /**
     * Starts from a medoid computed earlier ({@link Medoid#compute}) on the same graphs, in
     * the same order, with the same aligner, reusing its alignments as warm starts; the
     * center then never scores worse than the medoid, and the medoid is not computed again.
     * Overrides {@link #initial(Graph)}.
     *
     * <p>The computation checks that the medoid belongs to its sample and objective, and
     * throws an {@code IllegalArgumentException} saying which check failed otherwise: one
     * alignment per graph; the medoid graph equal to the graph at its index; the set mean
     * ({@code squared = true}) for a {@link FrechetMean} and the set median for a
     * {@link FrechetMedian}; and every alignment of a size that fits its graph and attaining
     * its recorded distance in the computation's space (up to rounding), which a medoid of
     * other graphs, of these in another order or of a space with other weights almost never
     * does. The aligner and the weights are not checked.
     *
     * @param value the medoid, or null for the default start
     * @return this builder
     */
    public B initial(MedoidResult value) {
        this.initialMedoid = value;
        this.initial = null;
        return self();
    }

    /**
     * Sets the number of runs. The first run starts as configured; each further run starts
     * from an {@link IncrementalMean} shuffled with its own seed derived from
     * {@link #seed(long)}; the run with the lowest objective is returned (the earliest on
     * ties). The objective is non-convex, so restarts trade time for a better local minimum.
     *
     * @param value the number of runs, 1 to {@link #MAX_RESTARTS} (default 1)
     * @return this builder
     * @throws IllegalArgumentException if below 1 or above {@link #MAX_RESTARTS}
     */
    public B restarts(int value) {
        if (value < 1 || value > MAX_RESTARTS) {
            throw new IllegalArgumentException("restarts must be between 1 and "
                    + MAX_RESTARTS + ", got " + value);
        }
        this.restarts = value;
        return self();
    }

    /**
     * Sets the seed from which the shuffles of incremental-mean starts are derived.
     *
     * @param value the seed (default 0)
     * @return this builder
     */
    public B seed(long value) {
        this.seed = value;
        return self();
    }

    /** Returns this builder as its concrete type. */
    abstract B self();

    /**
     * Returns the shared settings.
     *
     * @param estimator the name of the class being built, for the error message
     * @throws IllegalStateException if no aligner was set
     */
    CenterOptions options(String estimator) {
        if (aligner == null) {
            throw new IllegalStateException(estimator + " needs an aligner: call aligner(...)"
                    + " before build()");
        }
        return new CenterOptions(aligner, maxIterations, tolerance, executor, listener,
                initial, initialMedoid, restarts, seed);
    }
}
