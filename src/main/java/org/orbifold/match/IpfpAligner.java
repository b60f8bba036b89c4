package org.orbifold.match;

import java.util.Arrays;

import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The integer projected fixed point method (IPFP) of Leordeanu, Hebert and Sukthankar (2009),
 * "An integer projected fixed point method for graph matching and MAP inference", Advances in
 * Neural Information Processing Systems 22, pp. 1114-1122, as an aligner of its own.
 *
 * <p>Aligning {@code Y} to {@code X}, both padded to order {@code m}, maximises
 * {@code f(P) = <S, P> + sum_c <A_c, P B_c P^T>} over permutation matrices, with the node
 * similarity {@code S} and the weighted edge channels {@code A_c} of {@code X} and {@code B_c}
 * of {@code Y} (see {@link FaqAligner}); {@code f(P) = <X, pi . Y>}. From a start
 * {@code x_0}, the warm start if one is given and otherwise the node-assignment permutation
 * ({@link NodeAssignmentAligner}), repeat:
 * <ol>
 *   <li>{@code b_t = argmax <grad f(x_t), b>} over permutations, one linear assignment on the
 *       gradient {@code S + sum_c (A_c x_t B_c^T + A_c^T x_t B_c)};</li>
 *   <li>evaluate {@code f(b_t)} exactly and remember the best {@code b_t} met;</li>
 *   <li>with {@code C = <grad f(x_t), b_t - x_t>} and {@code D = q(b_t - x_t)}, {@code q} the
 *       quadratic term, so that {@code f(x_t + r (b_t - x_t)) = f(x_t) + C r + D r^2}: if
 *       {@code D >= 0} set {@code x_{t+1} = b_t}, otherwise
 *       {@code x_{t+1} = x_t + min(1, -C / (2 D)) (b_t - x_t)};</li>
 * </ol>
 * until {@code b_t} repeats {@code b_{t-1}} (then the line search cannot move {@code x}
 * further), the step is zero, or after {@code maxIterations} iterations; finally the last
 * {@code x_t} is projected to the nearest permutation by one more assignment and offered too.
 * The method differs from Frank-Wolfe ({@link FaqAligner}) in keeping the discrete
 * candidates and in starting from a permutation; it is a single deterministic run.
 *
 * <p><b>Final local search.</b> By default the best permutation met is polished by 2-swap
 * local search ({@link LocalSearch}), which lifts the share of exact optima on small random
 * graphs markedly at the cost of one local search; {@link #withLocalSearch(boolean)} turns
 * it off for the plain method of the paper.
 *
 * <p>When the edge term vanishes the problem is a linear assignment and the node assignment
 * is returned, certified unless rounding could hide a better one (the check of
 * {@link ExactAligner}'s certificates; reason {@link Alignment.Unproven#ROUNDING}); a result
 * of distance 0 is certified too. Otherwise the distance is an upper bound on the graph
 * distance (reason {@link Alignment.Unproven#HEURISTIC}). Symmetric, deterministic and never
 * worse than a warm start, as every {@link Aligner}. Cost per iteration:
 * {@code O(m (|E_X| + |E_Y|) d_e)} for the gradient plus one assignment, {@code O(m^3)} for
 * graphs of equal order and {@code O(n_x^2 m)} when X has {@code n_x < m} nodes.
 * Thread-safe: each thread keeps its own workspace.
 *
 * <p><b>Pairs of unequal order.</b> A padding node has no attributes and no edges, so the
 * rows of the padding nodes of X and the columns of those of Y are zero in {@code S} and in
 * {@code H(P)} for every {@code P}; every permutation gives them the same sum, 0. The
 * node-assignment start and every {@code b_t} are therefore solved on the rectangle of real
 * nodes only ({@code PaddedAssignment}), the rows left without an image taking the unused
 * columns in increasing order; the optimum is that of the square assignment. {@code f(b_t)}
 * reads only the real rows of {@code b_t}, and {@code H(x_t)} and the line search only the
 * real block of {@code x_t}, so the iteration differs from one with square solves only in
 * the choice among tied optimal {@code b_t} and in the padding rows of {@code x_t}, which
 * only the final projection reads (besides the test that {@code b_t} repeats
 * {@code b_{t-1}}, whose padding rows now follow from its real rows). The final projection
 * stays square: the rows of {@code x_t} of padding nodes are not zero (they carry the mass
 * of the start and of every {@code b_t}) and compete with the real rows for columns. On
 * pairs of IAM AIDS graphs (orders 2 to 95) this cut the CPU time per alignment by 55 %, on
 * MUTAG by about 10 %; the distance changed on about 4 % of the AIDS pairs and 47 % of the
 * MUTAG pairs of unequal order, in both directions, mostly through ties, the mean by at most
 * 0.25 % (docs/matching.md, sixth round).
 *
 * <p><b>Limitations.</b> A single local ascent from one start: it reaches a fixed point of
 * the projected gradient map, not the optimum, and on hard instances (regular graphs, many
 * ties) it does worse than the multi-start {@link FaqAligner}; it does not certify optima.
 */
public final class IpfpAligner extends OrientedAligner {

    /** Default cap on iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 50;

    private final int maxIterations;
    private final boolean localSearch;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    /**
     * Creates the aligner with at most {@value #DEFAULT_MAX_ITERATIONS} iterations and the final
     * local search on.
     */
    public IpfpAligner() {
        this(DEFAULT_MAX_ITERATIONS, true);
    }

    private IpfpAligner(int maxIterations, boolean localSearch) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got "
                    + maxIterations);
        }
        this.maxIterations = maxIterations;
        this.localSearch = localSearch;
    }

    /**
     * Returns this aligner with another cap on iterations.
     *
     * @param iterations the largest number of iterations, at least 1
     * @return a new aligner
     * @throws IllegalArgumentException if {@code iterations < 1}
     */
    public IpfpAligner withMaxIterations(int iterations) {
        return new IpfpAligner(iterations, localSearch);
    }

    /**
     * Returns this aligner with the final 2-swap local search on or off.
     *
     * @param enabled whether to polish the best permutation by local search
     * @return a new aligner
     */
    public IpfpAligner withLocalSearch(boolean enabled) {
        return new IpfpAligner(maxIterations, enabled);
    }

    @Override
    Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start) {
        Workspace w = workspaces.get();
        w.prepare(space, x, y, m);
        QapInstance problem = w.problem;

        // Without an edge term the node assignment is optimal.
        int[] current = w.current;
        w.solvePadded(problem.nodeGain, current);
        if (!problem.hasEdgeTerm) {
            Permutation found = Permutation.of(Arrays.copyOf(current, m));
            Alignment exact = QapInstance.checkedAlignment(space, x, y, m, found, true);
            return notWorseThanStart(space, x, y, exact, start);
        }
        if (start != null) {
            current = start.toArray();
        }
        w.consider(current);
        iterate(w, current);

        if (localSearch) {
            int[] polished = Arrays.copyOf(w.best, m);
            problem.localSearch(polished, problem.noise());
            w.consider(polished);
        }
        Alignment found = Alignment.of(space, x, y, Permutation.of(Arrays.copyOf(w.best, m)),
                false);
        return notWorseThanStart(space, x, y, found, start);
    }

    /** Runs the fixed point iteration from the permutation {@code start}. */
    private void iterate(Workspace w, int[] start) {
        QapInstance problem = w.problem;
        int m = problem.m;
        double[] p = w.p;
        double[] g = w.g;
        int[] b = w.b;
        int[] previous = w.previous;
        Arrays.fill(p, 0, m * m, 0.0);
        for (int i = 0; i < m; i++) {
            p[i * m + start[i]] = 1.0;
        }
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            // b_t: the permutation maximising the linearisation at x_t, whose rows of padding
            // nodes of X and columns of padding nodes of Y are zero: solved on the rectangle.
            problem.quadraticGradient(p, w.h);
            for (int k = 0; k < m * m; k++) {
                g[k] = problem.nodeGain[k] + w.h[k];
            }
            w.solvePadded(g, b);
            double valueAtB = w.consider(b);
            if (iteration > 0 && Arrays.equals(b, 0, m, previous, 0, m)) {
                break;
            }
            System.arraycopy(b, 0, previous, 0, m);

            // x_{t+1}: a full step when the objective is convex along the segment, otherwise
            // the maximiser of the concave parabola, clipped to the segment.
            problem.segmentCoefficients(p, w.h, b, valueAtB, w.coefficients);
            double gain = w.coefficients[0];
            double curvature = w.coefficients[1];
            double step = curvature >= 0.0 ? 1.0 : Math.min(1.0, -gain / (2.0 * curvature));
            if (!(step > 0.0)) {
                break;
            }
            for (int k = 0; k < m * m; k++) {
                p[k] -= step * p[k];
            }
            for (int i = 0; i < m; i++) {
                p[i * m + b[i]] += step;
            }
        }

        // Project the last iterate to the nearest permutation. This assignment stays square:
        // the rows of x_t of padding nodes are not zero, and compete for columns.
        w.solver.solveSquare(p, m, Sense.MAXIMIZE, b);
        w.consider(b);
    }

    @Override
    public String name() {
        return "ipfp";
    }

    @Override
    public String toString() {
        return "IpfpAligner[maxIterations=" + maxIterations + ", localSearch=" + localSearch
                + "]";
    }

    /** Per-thread arrays, reused across calls while the matrix order allows. */
    private static final class Workspace {

        final QapInstance problem = new QapInstance();
        final LinearAssignmentSolver solver = new LinearAssignmentSolver();
        final double[] coefficients = new double[2];
        /** The iterate {@code x_t}, its quadratic gradient, and the full gradient. */
        double[] p = new double[0];
        double[] h = new double[0];
        double[] g = new double[0];
        int[] current = new int[0];
        int[] b = new int[0];
        int[] previous = new int[0];
        int[] best = new int[0];
        /** Scratch of {@link PaddedAssignment#solve}. */
        boolean[] used = new boolean[0];
        double bestValue;

        void prepare(GraphSpace space, Graph x, Graph y, int m) {
            problem.load(space, x, y, m);
            if (p.length < m * m) {
                p = new double[m * m];
                h = new double[m * m];
                g = new double[m * m];
            }
            if (best.length < m) {
                current = new int[m];
                b = new int[m];
                previous = new int[m];
                best = new int[m];
                used = new boolean[m];
            }
            bestValue = Double.NEGATIVE_INFINITY;
        }

        /**
         * Sets {@code images} to a permutation maximising {@code <matrix, Q>}, for a matrix
         * that is zero on the rows of padding nodes of X and the columns of those of Y
         * ({@link PaddedAssignment#solve}).
         */
        void solvePadded(double[] matrix, int[] images) {
            PaddedAssignment.solve(solver, matrix, problem.m, problem.nx, problem.ny,
                    Sense.MAXIMIZE, images, used);
        }

        /** Evaluates a permutation, remembers it if it is the best so far, returns its value. */
        double consider(int[] images) {
            double value = problem.value(images);
            if (value > bestValue) {
                bestValue = value;
                System.arraycopy(images, 0, best, 0, problem.m);
            }
            return value;
        }
    }
}
