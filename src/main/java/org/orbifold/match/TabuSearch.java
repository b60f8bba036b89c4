package org.orbifold.match;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Robust tabu search over permutations for the alignment problem, after E. Taillard (1991),
 * "Robust taboo search for the quadratic assignment problem", Parallel Computing 17(4-5):
 * 443-455, doi:10.1016/S0167-8191(05)80147-4. It refines any permutation, like
 * {@link LocalSearch}, but walks on past local optima.
 *
 * <p>Aligning {@code Y} to {@code X}, both padded to order {@code m}, it maximises the same
 * similarity as every aligner of this package,
 *
 * <pre>
 *   f(pi) = sum_i S[i, pi(i)] + sum_c sum_{i != k} A_c[i, k] B_c[pi(i), pi(k)] = &lt;X, pi . Y&gt;
 * </pre>
 *
 * <p>with {@code S[i, a] = w_node <x_ii, y_aa>} the node similarity, {@code A_c} edge channel
 * {@code c} of {@code X} times the edge weight and {@code B_c} edge channel {@code c} of
 * {@code Y}; the matrices may be asymmetric. Symbols: {@code r, s} are the nodes of the move
 * just made, {@code u, v} any other pair, {@code D[u, v]} the gain
 * {@code f(pi o (u v)) - f(pi)} of exchanging the images of {@code u} and {@code v}.
 *
 * <p>One iteration:
 * <ol>
 *   <li>Scan all {@code m (m - 1) / 2} exchanges (pairs of two padding nodes of {@code X}, or
 *       with two padding images, change nothing and are skipped). An exchange is tabu when it
 *       would put both nodes back on images each of them left less than {@code t} iterations
 *       ago. Take the exchange with the largest gain among those that are not tabu, except
 *       that an aspirated exchange wins over every other: one that would beat the best
 *       similarity found so far, or one that puts both nodes on images neither has held for
 *       more than {@code aspiration m^2} iterations (Taillard's long-term diversification).
 *       When every exchange is tabu and none is aspirated, take the best one anyway.</li>
 *   <li>Apply it, even when its gain is negative; remember when each node left its image.</li>
 *   <li>Update the gains in {@code O(m^2 d_e)} time: for {@code u, v} outside
 *       {@code {r, s}} (with {@code pi} the permutation before the move),
 *       <pre>
 *   D'[u, v] = D[u, v] + sum_c (alpha_u - alpha_v) (beta_u - beta_v)
 *                      + (gamma_u - gamma_v) (delta_u - delta_v),
 *   alpha_u = A_c[u, r] - A_c[u, s],   beta_u = B_c[pi(u), pi(r)] - B_c[pi(u), pi(s)],
 *   gamma_u = A_c[r, u] - A_c[s, u],   delta_u = B_c[pi(r), pi(u)] - B_c[pi(s), pi(u)],
 *       </pre>
 *       Taillard's update written with row and column differences (kept by the package's gain
 *       table, shared with the local search of dense instances); the {@code 2 (m - 2)} gains
 *       of exchanges that involve {@code r} or {@code s} are recomputed directly. The linear
 *       term {@code S} enters only the directly computed gains: it does not couple nodes.</li>
 *   <li>Every {@code 2 t_max} iterations draw a new tenure {@code t} uniformly from
 *       {@code [t_min, t_max]} ({@code t_min = minTenure m}, {@code t_max = maxTenure m}),
 *       Taillard's randomised list size; every {@code max(256, m^2)} iterations recompute all
 *       gains and the current similarity from scratch, so rounding cannot accumulate.</li>
 * </ol>
 *
 * <p>The search stops after {@code iterationsPerNode m} iterations, when the time limit (if
 * any) has passed, or when the best permutation attains distance 0 (no permutation does
 * better). The result is the best permutation visited, evaluated by {@link Alignment#of}, or
 * the start if that is better (which can only happen by rounding): never worse than the start.
 * It is certified only when it attains distance 0.
 *
 * <p>Cost: {@code O(m^3 d_e)} to set up the gains, {@code O(m^2 d_e)} per iteration, and
 * {@code O(m^2)} memory. Instances are immutable and thread-safe; a call allocates its own
 * workspace. Randomness (the tenures and the staggered start of the long-term memory) comes
 * from a generator seeded at construction, so the result is a function of the inputs and the
 * seed alone, unless the time limit cuts the search short: then it depends on the speed of
 * the machine.
 *
 * <p><b>Limitations.</b> A heuristic: it returns the best permutation it visited and proves
 * nothing (except a distance-0 match). The gains are kept in a dense {@code m x m} array and
 * the update reads dense copies of both graphs, so sparse graphs of thousands of nodes pay for
 * a dense problem. The tabu criterion is Taillard's (both nodes must return to recently left
 * images); tenure and aspiration are his recommendations, not tuned per instance class.
 */
public final class TabuSearch {

    /** Default number of iterations per node of the padded order {@code m}. */
    public static final long DEFAULT_ITERATIONS_PER_NODE = 1000;
    /** Default lower bound of the tenure, as a fraction of {@code m} (Taillard: 0.9). */
    public static final double DEFAULT_MIN_TENURE = 0.9;
    /** Default upper bound of the tenure, as a fraction of {@code m} (Taillard: 1.1). */
    public static final double DEFAULT_MAX_TENURE = 1.1;
    /** Default long-term aspiration horizon, in units of {@code m^2} iterations. */
    public static final double DEFAULT_ASPIRATION = 5.0;

    /** Iterations between two checks of the clock. */
    private static final int CLOCK_PERIOD = 16;
    /** Fewest iterations between two recomputations of all gains from scratch. */
    private static final int MIN_REFRESH_PERIOD = 256;

    private final long seed;
    private final long iterationsPerNode;
    private final Duration timeLimit;
    private final double minTenure;
    private final double maxTenure;
    private final double aspiration;

    /**
     * Creates a tabu search with the default options: {@value #DEFAULT_ITERATIONS_PER_NODE}
     * iterations per node, no time limit, tenure in {@code [0.9 m, 1.1 m]}, long-term
     * aspiration after {@code 5 m^2} iterations.
     *
     * @param seed seed of the random tenures
     */
    public TabuSearch(long seed) {
        this(seed, DEFAULT_ITERATIONS_PER_NODE, null, DEFAULT_MIN_TENURE, DEFAULT_MAX_TENURE,
                DEFAULT_ASPIRATION);
    }

    private TabuSearch(long seed, long iterationsPerNode, Duration timeLimit, double minTenure,
            double maxTenure, double aspiration) {
        if (iterationsPerNode < 0) {
            throw new IllegalArgumentException("iterationsPerNode must be >= 0, got "
                    + iterationsPerNode);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        if (!Double.isFinite(minTenure) || minTenure <= 0.0) {
            throw new IllegalArgumentException("minTenure must be finite and > 0, got "
                    + minTenure);
        }
        if (!Double.isFinite(maxTenure) || maxTenure < minTenure) {
            throw new IllegalArgumentException("maxTenure must be finite and >= minTenure = "
                    + minTenure + ", got " + maxTenure);
        }
        if (Double.isNaN(aspiration) || aspiration <= 0.0) {
            throw new IllegalArgumentException("aspiration must be > 0 (infinity turns it off),"
                    + " got " + aspiration);
        }
        this.seed = seed;
        this.iterationsPerNode = iterationsPerNode;
        this.timeLimit = timeLimit;
        this.minTenure = minTenure;
        this.maxTenure = maxTenure;
        this.aspiration = aspiration;
    }

    /**
     * Returns this search with another iteration budget.
     *
     * @param count iterations per node of the padded order {@code m}, at least 0 (0 returns
     *     the start)
     * @return a new search
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public TabuSearch withIterationsPerNode(long count) {
        return new TabuSearch(seed, count, timeLimit, minTenure, maxTenure, aspiration);
    }

    /**
     * Returns this search with a time limit per call, besides the iteration budget. The clock
     * is read every few iterations, so a call may overrun the limit by a few iterations (plus
     * the set-up, {@code O(m^3 d_e)}). When the limit cuts a search short, its result depends
     * on the speed of the machine.
     *
     * @param limit a positive duration, or {@code null} for none
     * @return a new search
     * @throws IllegalArgumentException if {@code limit} is zero or negative
     */
    public TabuSearch withTimeLimit(Duration limit) {
        return new TabuSearch(seed, iterationsPerNode, limit, minTenure, maxTenure, aspiration);
    }

    /**
     * Returns this search with another range of tabu tenures.
     *
     * @param lower the smallest tenure as a fraction of {@code m}, finite and {@code > 0}
     * @param upper the largest tenure as a fraction of {@code m}, finite and
     *     {@code >= lower}
     * @return a new search
     * @throws IllegalArgumentException if the range is invalid
     */
    public TabuSearch withTenure(double lower, double upper) {
        return new TabuSearch(seed, iterationsPerNode, timeLimit, lower, upper, aspiration);
    }

    /**
     * Returns this search with another long-term aspiration horizon.
     *
     * @param horizon in units of {@code m^2} iterations, {@code > 0};
     *     {@link Double#POSITIVE_INFINITY} turns long-term aspiration off
     * @return a new search
     * @throws IllegalArgumentException if {@code horizon} is NaN or not positive
     */
    public TabuSearch withAspiration(double horizon) {
        return new TabuSearch(seed, iterationsPerNode, timeLimit, minTenure, maxTenure,
                horizon);
    }

    /**
     * Returns this search with another seed; the options are unchanged.
     *
     * @param newSeed seed of the random tenures
     * @return a new search
     */
    public TabuSearch withSeed(long newSeed) {
        return new TabuSearch(newSeed, iterationsPerNode, timeLimit, minTenure, maxTenure,
                aspiration);
    }

    /**
     * Returns the iteration budget, in iterations per node of the padded order.
     *
     * @return the iteration budget, in iterations per node of the padded order
     */
    public long iterationsPerNode() {
        return iterationsPerNode;
    }

    /**
     * Returns the seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Improves an alignment of {@code y} to {@code x} by tabu search.
     *
     * @param space the graph space of both graphs
     * @param x the reference graph
     * @param y the graph to relabel
     * @param start the permutation to start from, of size at least the larger order; not
     *     modified
     * @return an alignment of the size of {@code start}, never worse than it
     * @throws IllegalArgumentException if a graph is not in the space or {@code start} is too
     *     small or larger than the space's size
     */
    public Alignment improve(GraphSpace space, Graph x, Graph y, Permutation start) {
        return search(space, x, y, start).alignment();
    }

    /**
     * Runs the tabu search from {@code start} and reports how it went.
     *
     * @param space the graph space of both graphs
     * @param x the reference graph
     * @param y the graph to relabel
     * @param start the permutation to start from, of size at least the larger order; not
     *     modified
     * @return the best alignment found, never worse than {@code start}, with diagnostics
     * @throws IllegalArgumentException if a graph is not in the space or {@code start} is too
     *     small or larger than the space's size
     */
    public Result search(GraphSpace space, Graph x, Graph y, Permutation start) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        requireMember(space, x, "x");
        requireMember(space, y, "y");
        OrientedAligner.requireStart(x, y, start);
        space.requireAlignmentSize(start.size());
        long deadline = timeLimit == null ? Long.MAX_VALUE
                : System.nanoTime() + saturatedNanos(timeLimit);

        Alignment initial = Alignment.of(space, x, y, start, false);
        int m = start.size();
        long budget = saturatedProduct(iterationsPerNode, m);
        if (initial.certified() || m < 2 || budget == 0 || x.order() == 0
                || y.order() == 0) {
            return new Result(initial, 0, 0, false);
        }
        Walk walk = walk(space, x, y, start);
        walk.run(budget, deadline);

        Alignment found = Alignment.of(space, x, y, Permutation.of(walk.best), false);
        Alignment better = found.similarity() >= initial.similarity() ? found : initial;
        return new Result(better, walk.iteration, walk.bestIteration, walk.timedOut);
    }

    /**
     * Sets up a walk from {@code start}, whose size must cover both graphs and be at least 2;
     * the inputs are not checked. Package-private for the tests of the gain update.
     */
    Walk walk(GraphSpace space, Graph x, Graph y, Permutation start) {
        QapInstance problem = new QapInstance();
        problem.load(space, x, y, start.size());
        double perfect = 0.5 * (space.squaredNorm(x) + space.squaredNorm(y));
        return new Walk(problem, start.toArray(), new SplittableRandom(seed), perfect);
    }

    private static void requireMember(GraphSpace space, Graph g, String name) {
        try {
            space.requireMember(g);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("graph " + name + " is not in " + space + ": "
                    + e.getMessage(), e);
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static long saturatedProduct(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    @Override
    public String toString() {
        return "TabuSearch[seed=" + seed + ", iterationsPerNode=" + iterationsPerNode
                + ", timeLimit=" + timeLimit + ", tenure=[" + minTenure + ", " + maxTenure
                + "], aspiration=" + aspiration + "]";
    }

    /**
     * The outcome of one tabu search.
     *
     * @param alignment the best alignment found, never worse than the start
     * @param iterations the number of exchanges made
     * @param bestIteration the iteration after which the best permutation was first reached
     *     (0 for the start)
     * @param timeLimitReached whether the time limit ended the search
     */
    public record Result(Alignment alignment, long iterations, long bestIteration,
            boolean timeLimitReached) {

        /**
         * Checks the fields.
         *
         * @param alignment the best alignment found, never worse than the start
         * @param iterations the number of exchanges made
         * @param bestIteration the iteration after which the best permutation was first reached
         *     (0 for the start)
         * @param timeLimitReached whether the time limit ended the search
         * @throws NullPointerException if {@code alignment} is null
         * @throws IllegalArgumentException if a count is negative
         */
        public Result {
            Objects.requireNonNull(alignment, "alignment");
            if (iterations < 0 || bestIteration < 0 || bestIteration > iterations) {
                throw new IllegalArgumentException("need 0 <= bestIteration <= iterations, got "
                        + bestIteration + " and " + iterations);
            }
        }
    }

    /**
     * The state of one search: the permutation and its gains ({@link SwapGains}), the
     * long-term memory and the best permutation so far.
     */
    final class Walk {

        private final QapInstance problem;
        private final int m;
        private final SplittableRandom random;
        /** Current images and the gains of all exchanges. */
        private final SwapGains table = new SwapGains();
        private final int[] p;
        private final double[] gain;
        /** The best images met. */
        final int[] best;
        /** {@code leftAt[i * m + a]}: the iteration at which node {@code i} last left image a. */
        private final long[] leftAt;
        private final double noise;
        private final int minTenureIterations;
        private final int maxTenureIterations;
        private final long aspirationIterations;
        private final long refreshPeriod;

        /** The similarity of distance 0, which no permutation exceeds. */
        private final double perfect;
        private double current;
        private double bestValue;
        private int tenure;
        long iteration;
        long bestIteration;
        boolean timedOut;

        Walk(QapInstance problem, int[] start, SplittableRandom random, double perfect) {
            this.problem = problem;
            this.perfect = perfect;
            this.m = problem.m;
            this.random = random;
            this.best = start.clone();
            this.leftAt = new long[m * m];
            this.noise = problem.noise();
            this.minTenureIterations = Math.max(1, (int) Math.floor(minTenure * m));
            this.maxTenureIterations = Math.max(minTenureIterations,
                    (int) Math.ceil(maxTenure * m));
            double horizon = aspiration * m * (double) m;
            this.aspirationIterations = horizon >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4
                    : (long) horizon;
            this.refreshPeriod = Math.max(MIN_REFRESH_PERIOD, (long) m * m);

            // Long-term memory: a random departure for every pair, long enough ago that no
            // exchange is tabu at the start, and spread so that the long-term aspiration of
            // untouched pairs does not fire for all of them at once.
            for (int k = 0; k < m * m; k++) {
                leftAt[k] = -maxTenureIterations - random.nextLong(m * (long) m);
            }
            this.tenure = drawTenure();
            table.reset(problem, start);
            this.p = table.p;
            this.gain = table.gain;
            this.current = problem.value(p);
            this.bestValue = current;
        }

        void run(long budget, long deadline) {
            while (iteration < budget) {
                if (bestValue >= perfect - noise) {
                    return;
                }
                if (iteration % CLOCK_PERIOD == 0 && deadline != Long.MAX_VALUE
                        && System.nanoTime() - deadline >= 0) {
                    timedOut = true;
                    return;
                }
                step();
            }
        }

        /** Makes one iteration. */
        void step() {
            // Choose and make the move; new tenure and fresh gains now and then.
            int move = chooseMove();
            iteration++;
            apply(move / m, move % m);
            if (iteration % (2L * maxTenureIterations) == 0) {
                tenure = drawTenure();
            }
            if (iteration % refreshPeriod == 0) {
                current = problem.value(p);
                table.recompute();
            }

            // Remember the best permutation.
            if (current > bestValue + noise) {
                bestValue = current;
                bestIteration = iteration;
                System.arraycopy(p, 0, best, 0, m);
            }
        }

        /** Returns the current images; a copy. */
        int[] images() {
            return Arrays.copyOf(p, m);
        }

        /** Returns the tracked similarity of the current permutation. */
        double currentValue() {
            return current;
        }

        /** Returns the maintained gain of exchanging the images of {@code u != v}. */
        double gain(int u, int v) {
            return table.gain(u, v);
        }

        /** Returns the number of iterations between two recomputations from scratch. */
        long refreshPeriod() {
            return refreshPeriod;
        }

        private int drawTenure() {
            return minTenureIterations
                    + random.nextInt(maxTenureIterations - minTenureIterations + 1);
        }

        /** Returns {@code u * m + v} of the exchange to make next ({@code u < v}). */
        private int chooseMove() {
            int chosen = -1;
            double chosenGain = Double.NEGATIVE_INFINITY;
            boolean chosenAspirated = false;
            int fallback = -1;
            double fallbackGain = Double.NEGATIVE_INFINITY;
            long now = iteration + 1;
            for (int u = 0; u < m - 1; u++) {
                int a = p[u];
                int row = u * m;
                for (int v = u + 1; v < m; v++) {
                    int b = p[v];
                    if ((v >= problem.nx && u >= problem.nx)
                            || (a >= problem.ny && b >= problem.ny)) {
                        continue;
                    }
                    double g = gain[row + v];
                    if (g > fallbackGain) {
                        fallback = row + v;
                        fallbackGain = g;
                    }
                    if (chosenAspirated && g <= chosenGain) {
                        continue;
                    }
                    long awayU = now - leftAt[row + b];
                    long awayV = now - leftAt[v * m + a];
                    boolean aspirated = current + g > bestValue + noise
                            || (awayU > aspirationIterations && awayV > aspirationIterations);
                    if (aspirated || (!chosenAspirated && g > chosenGain
                            && (awayU > tenure || awayV > tenure))) {
                        chosen = row + v;
                        chosenGain = g;
                        chosenAspirated = aspirated;
                    }
                }
            }
            return chosen >= 0 ? chosen : fallback;
        }

        /** Exchanges the images of {@code r < s} and updates the gains. */
        private void apply(int r, int s) {
            leftAt[r * m + p[r]] = iteration;
            leftAt[s * m + p[s]] = iteration;
            current += table.exchange(r, s);
        }
    }
}
