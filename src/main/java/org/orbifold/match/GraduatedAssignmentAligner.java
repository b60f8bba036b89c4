package org.orbifold.match;

import java.util.Arrays;

import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Graduated assignment (Gold and Rangarajan 1996, "A graduated assignment algorithm for graph
 * matching", IEEE Trans. Pattern Anal. Mach. Intell. 18(4): 377-388, doi:10.1109/34.491619):
 * deterministic annealing of a soft match matrix, with the parameters that Jain and Obermayer
 * used for graph spaces.
 *
 * <p>Aligning {@code Y} (order {@code n_y}) to {@code X} (order {@code n_x}) maximises
 * {@code f(M) = <S, M> + sum_c <A_c, M B_c M^T>} (node similarity {@code S}, weighted edge
 * channels {@code A_c} of {@code X}, edge channels {@code B_c} of {@code Y}; see
 * {@link FaqAligner}) over soft matches {@code M} of size {@code (n_x + 1) x (n_y + 1)}, whose
 * last row and column are slack: a node matched to the slack is matched to a null node, with
 * gain 0. Schedule:
 * <ol>
 *   <li>{@code M = 1.001} everywhere, {@code beta = 0.5};</li>
 *   <li>at most {@value #MAX_INNER} times: {@code Q = dF/dM = S + sum_c (A_c M B_c^T +
 *       A_c^T M B_c)} on the real block and 0 on the slack; {@code M = exp(beta Q / s)} with
 *       {@code s = max |Q|} over the real block; then Sinkhorn sweeps, each normalising the
 *       real rows (slack column included) and then the real columns (slack row included), at
 *       most {@value #MAX_SWEEPS} and until the mean absolute change of an entry over a sweep
 *       falls below {@value #SWEEP_TOLERANCE}; stop early once the mean absolute change of an
 *       entry over the whole repetition falls below {@value #INNER_TOLERANCE};</li>
 *   <li>{@code beta *= 1.075} while {@code beta < 10} (42 annealing steps);</li>
 *   <li>one linear assignment maximising {@code <W, P>} over permutations of the padded order
 *       {@code m}, where {@code W} is {@code M} on the real block, a node facing a padding
 *       node takes the weight of its slack entry, and two padding nodes weigh 0; evaluated
 *       exactly.</li>
 * </ol>
 *
 * <p><b>Pairs of unequal order.</b> The annealing works on the {@code (n_x + 1) x (n_y + 1)}
 * soft match only: its Sinkhorn sweeps never see the padding. The rows of {@code W} of the
 * padding nodes of X are all equal, {@code w[a] = M[n_x, a]} for a real node {@code a} of Y
 * and 0 for a padding node. Subtracting {@code w[a]} from every entry of column {@code a}
 * lowers the value of every permutation by the same {@code sum_a w[a]}, so it keeps the
 * optimal permutations, and it makes the padding rows zero: the final assignment is solved on
 * the {@code n_x x m} rectangle of {@code W[i, a] - w[a]} ({@code PaddedAssignment}), in
 * {@code O(n_x^2 m)} instead of {@code O(m^3)}, with the rows of padding nodes taking the
 * unused columns in increasing order (all such completions have the same value). When only Y
 * is padded the same holds for columns, with the slack entry {@code M[i, n_y]} subtracted
 * from row {@code i}. The optimal value of {@code <W, P>} is unchanged; ties, which the
 * subtraction can also create or break by rounding, and the images of padding nodes can
 * differ from those of a square solve. The node assignment without an edge term is solved
 * on the rectangle too, its padding rows and columns being zero. The annealing dominates the
 * cost, so this saved about 7 % of the CPU time per alignment on pairs of IAM AIDS graphs
 * and nothing measurable on MUTAG; the distance changed on 15 % of the AIDS and 13 % of the
 * MUTAG pairs of unequal order, in both directions, through ties and through the images of
 * padding nodes that the local search starts from, the mean by less than 0.1 %
 * (docs/matching.md, sixth round).
 *
 * <p><b>Scaling.</b> The exponent is {@code beta Q / max |Q|}, so that the annealing schedule
 * is the same whatever the units of the attributes: without it, similarities of order
 * {@code 10^-3} give a flat {@code M} throughout and similarities of order {@code 10^3}
 * overflow {@code exp}. The exponent therefore lies in {@code [-beta, beta]}, and the largest
 * exponent is subtracted before exponentiation, which the row and column normalisations
 * undo. The scale is taken afresh at each evaluation of {@code Q}, so {@code beta} is an
 * inverse temperature relative to the current largest gain.
 *
 * <p><b>Final local search.</b> By default the permutation is polished by 2-swap local search
 * ({@link LocalSearch}); {@link #withLocalSearch(boolean)} turns it off for the plain method.
 * A warm start only competes with the result: the annealing always starts from the uniform
 * {@code M}, as in the paper.
 *
 * <p>When the edge term vanishes the node assignment is returned, certified unless rounding
 * could hide a better one (the check of {@link ExactAligner}'s certificates; reason
 * {@link Alignment.Unproven#ROUNDING}); a result of distance 0 is certified too; any other
 * result gives the reason {@link Alignment.Unproven#HEURISTIC}. Symmetric, deterministic and
 * never worse than a warm start, as every {@link Aligner}. Cost: 42 annealing steps of at
 * most {@value #MAX_INNER} gradients, {@code O(m (|E_X| + |E_Y|) d_e)} each, and
 * {@value #MAX_INNER} times {@value #MAX_SWEEPS} sweeps of {@code O(n_x n_y)}, then one
 * assignment, {@code O(m^3)} for graphs of equal order and {@code O(n_x^2 m)} otherwise.
 * Thread-safe: each thread keeps its own workspace.
 *
 * <p><b>Limitations.</b> A fixed schedule: the annealing can settle on a poor soft match, in
 * particular on symmetric graphs whose soft match stays uniform across the symmetric nodes;
 * the result is not certified and is usually worse than that of {@link FaqAligner}. The slack
 * row and column let real nodes prefer a null partner even when both graphs have the same
 * order; the final assignment then still matches real nodes with real nodes.
 */
public final class GraduatedAssignmentAligner extends OrientedAligner {

    /** Initial inverse temperature. */
    static final double BETA_START = 0.5;
    /** Inverse temperature at which the annealing stops. */
    static final double BETA_END = 10.0;
    /** Growth factor of the inverse temperature per annealing step. */
    static final double BETA_RATE = 1.075;
    /** Initial value of every entry of the soft match. */
    static final double INITIAL_MATCH = 1.001;
    /** Most repetitions of the gradient and normalisation at one temperature. */
    static final int MAX_INNER = 4;
    /** Mean change of an entry below which the repetitions at one temperature stop. */
    static final double INNER_TOLERANCE = 0.5;
    /** Most Sinkhorn sweeps per repetition. */
    static final int MAX_SWEEPS = 30;
    /** Mean change of an entry over a sweep below which the sweeps stop. */
    static final double SWEEP_TOLERANCE = 0.05;

    private final boolean localSearch;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    /** Creates the aligner with the final local search on. */
    public GraduatedAssignmentAligner() {
        this(true);
    }

    private GraduatedAssignmentAligner(boolean localSearch) {
        this.localSearch = localSearch;
    }

    /**
     * Returns this aligner with the final 2-swap local search on or off.
     *
     * @param enabled whether to polish the permutation by local search
     * @return a new aligner
     */
    public GraduatedAssignmentAligner withLocalSearch(boolean enabled) {
        return new GraduatedAssignmentAligner(enabled);
    }

    @Override
    Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start) {
        Workspace w = workspaces.get();
        w.prepare(space, x, y, m);
        QapInstance problem = w.problem;
        int[] images = w.images;
        if (!problem.hasEdgeTerm) {
            w.solvePadded(problem.nodeGain, images);
            Permutation found = Permutation.of(Arrays.copyOf(images, m));
            Alignment exact = QapInstance.checkedAlignment(space, x, y, m, found, true);
            return notWorseThanStart(space, x, y, exact, start);
        }

        anneal(w);
        reducedWeights(w.match, problem.nx, problem.ny, m, w.padded);
        w.solvePadded(w.padded, images);
        if (localSearch) {
            problem.localSearch(images, problem.noise());
        }
        Alignment found = Alignment.of(space, x, y, Permutation.of(Arrays.copyOf(images, m)),
                false);
        return notWorseThanStart(space, x, y, found, start);
    }

    /** Runs the annealing schedule on the soft match {@code w.match}. */
    private static void anneal(Workspace w) {
        int entries = (w.problem.nx + 1) * (w.problem.ny + 1);
        Arrays.fill(w.match, 0, entries, INITIAL_MATCH);
        for (double beta = BETA_START; beta < BETA_END; beta *= BETA_RATE) {
            for (int inner = 0; inner < MAX_INNER; inner++) {
                System.arraycopy(w.match, 0, w.before, 0, entries);
                w.exponentiate(beta);
                for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                    if (w.sinkhornSweep() < SWEEP_TOLERANCE) {
                        break;
                    }
                }
                if (meanAbsoluteChange(w.match, w.before, entries) < INNER_TOLERANCE) {
                    break;
                }
            }
        }
    }

    /**
     * Writes into {@code out} the weights of the final assignment, reduced so that
     * {@link PaddedAssignment#solve} applies: with {@code W} the {@code m x m} weights (the
     * real block of the soft match, the slack entry of a real node facing a padding node, 0
     * for two padding nodes), {@code W[i, a] - W[n_x, a]} on the rows of real nodes of X when
     * {@code n_x < m}, else {@code W[i, a] - W[i, n_y]} on the columns of real nodes of Y
     * when {@code n_y < m}, else {@code W}. Only the entries that
     * {@link PaddedAssignment#solve} reads are written.
     *
     * @param match the soft match, row-major with {@code ny + 1} columns, row {@code nx} and
     *     column {@code ny} slack; not modified
     * @param nx the order of X
     * @param ny the order of Y
     * @param m the matrix order, at least {@code nx} and {@code ny}
     * @param out receives the weights, row-major {@code m x m}
     */
    static void reducedWeights(double[] match, int nx, int ny, int m, double[] out) {
        int columns = ny + 1;
        if (nx < m) {
            // Subtract the common row of the padding nodes of X, W[nx, a]: M[nx, a] for a
            // real node a of Y, 0 for a padding one.
            int slackRow = nx * columns;
            for (int i = 0; i < nx; i++) {
                int row = i * columns;
                for (int a = 0; a < ny; a++) {
                    out[i * m + a] = match[row + a] - match[slackRow + a];
                }
                Arrays.fill(out, i * m + ny, i * m + m, match[row + ny]);
            }
        } else if (ny < m) {
            // Subtract the common column of the padding nodes of Y, W[i, ny] = M[i, ny].
            for (int i = 0; i < m; i++) {
                int row = i * columns;
                for (int a = 0; a < ny; a++) {
                    out[i * m + a] = match[row + a] - match[row + ny];
                }
            }
        } else {
            for (int i = 0; i < m; i++) {
                System.arraycopy(match, i * columns, out, i * m, m);
            }
        }
    }

    private static double meanAbsoluteChange(double[] after, double[] before, int length) {
        double sum = 0.0;
        for (int k = 0; k < length; k++) {
            sum += Math.abs(after[k] - before[k]);
        }
        return sum / length;
    }

    @Override
    public String name() {
        return "ga";
    }

    @Override
    public String toString() {
        return "GraduatedAssignmentAligner[localSearch=" + localSearch + "]";
    }

    /**
     * Per-thread arrays, reused across calls while the sizes allow. The soft match is stored
     * row-major with {@code n_y + 1} columns; row {@code n_x} and column {@code n_y} are slack.
     */
    private static final class Workspace {

        final QapInstance problem = new QapInstance();
        final LinearAssignmentSolver solver = new LinearAssignmentSolver();
        double[] match = new double[0];
        double[] before = new double[0];
        /** {@code M} before the latest Sinkhorn sweep. */
        double[] swept = new double[0];
        /**
         * {@code M} embedded in the padded {@code m x m} matrix, and the gradient there; then
         * the weights of the final assignment.
         */
        double[] padded = new double[0];
        double[] h = new double[0];
        int[] images = new int[0];
        /** Scratch of {@link PaddedAssignment#solve}. */
        boolean[] used = new boolean[0];

        void prepare(GraphSpace space, Graph x, Graph y, int m) {
            problem.load(space, x, y, m);
            if (padded.length < m * m) {
                padded = new double[m * m];
                h = new double[m * m];
                match = new double[(m + 1) * (m + 1)];
                before = new double[(m + 1) * (m + 1)];
                swept = new double[(m + 1) * (m + 1)];
                images = new int[m];
                used = new boolean[m];
            }
        }

        /**
         * Sets {@code images} to a permutation maximising {@code <matrix, Q>}, for a matrix
         * whose rows of padding nodes of X (or, if X has none, columns of padding nodes of Y)
         * are zero ({@link PaddedAssignment#solve}).
         */
        void solvePadded(double[] matrix, int[] images) {
            PaddedAssignment.solve(solver, matrix, problem.m, problem.nx, problem.ny,
                    Sense.MAXIMIZE, images, used);
        }

        /**
         * Sets {@code M = exp(beta (Q - max Q) / s)} with {@code Q = dF/dM} (0 on the slack)
         * and {@code s = max |Q|} over the real block.
         */
        void exponentiate(double beta) {
            int m = problem.m;
            int nx = problem.nx;
            int ny = problem.ny;
            int columns = ny + 1;

            // Q on the real block: S + H(M), with M embedded in the padded matrix.
            Arrays.fill(padded, 0, m * m, 0.0);
            for (int i = 0; i < nx; i++) {
                System.arraycopy(match, i * columns, padded, i * m, ny);
            }
            problem.quadraticGradient(padded, h);
            double scale = 0.0;
            double largest = 0.0;
            for (int i = 0; i < nx; i++) {
                for (int a = 0; a < ny; a++) {
                    double q = problem.nodeGain[i * m + a] + h[i * m + a];
                    h[i * m + a] = q;
                    scale = Math.max(scale, Math.abs(q));
                    largest = Math.max(largest, q);
                }
            }
            if (scale == 0.0) {
                scale = 1.0;
            }

            // Exponentiate, shifted by the largest exponent; slack entries have Q = 0. When the
            // scale is subnormal (tiny weights) beta / scale overflows; dividing by the scale
            // first then keeps the exponents in [-2 beta, 0]. Otherwise the factor beta / scale
            // is used as it is.
            double factor = beta / scale;
            boolean finite = Double.isFinite(factor);
            double slack = Math.exp(finite ? -factor * largest : -beta * (largest / scale));
            for (int i = 0; i <= nx; i++) {
                for (int a = 0; a <= ny; a++) {
                    if (i == nx || a == ny) {
                        match[i * columns + a] = slack;
                        continue;
                    }
                    double q = h[i * m + a];
                    match[i * columns + a] = Math.exp(finite ? factor * q - factor * largest
                            : beta * ((q - largest) / scale));
                }
            }
        }

        /**
         * Normalises the real rows, slack column included, then the real columns, slack row
         * included, and returns the mean absolute change of an entry.
         */
        double sinkhornSweep() {
            int nx = problem.nx;
            int ny = problem.ny;
            int columns = ny + 1;
            int entries = (nx + 1) * columns;
            System.arraycopy(match, 0, swept, 0, entries);
            for (int i = 0; i < nx; i++) {
                double sum = 0.0;
                for (int a = 0; a <= ny; a++) {
                    sum += match[i * columns + a];
                }
                for (int a = 0; a <= ny; a++) {
                    match[i * columns + a] /= sum;
                }
            }
            for (int a = 0; a < ny; a++) {
                double sum = 0.0;
                for (int i = 0; i <= nx; i++) {
                    sum += match[i * columns + a];
                }
                for (int i = 0; i <= nx; i++) {
                    match[i * columns + a] /= sum;
                }
            }
            return meanAbsoluteChange(match, swept, entries);
        }
    }
}
