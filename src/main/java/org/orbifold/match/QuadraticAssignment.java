package org.orbifold.match;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The Koopmans-Beckmann quadratic assignment problem (QAP) in one call, the problem of
 * SciPy's {@code scipy.optimize.quadratic_assignment(A, B)}: given square matrices {@code A}
 * and {@code B} of the same order {@code n}, find a permutation {@code p} of
 * {@code 0..n-1} that minimises (or maximises) the objective
 *
 * <pre>
 *   f(p) = sum_{i, j} A[i][j] B[p(i)][p(j)] = trace(A P B^T P^T) = trace(A^T P B P^T),
 * </pre>
 *
 * <p>where {@code P} is the permutation matrix with {@code P[i][p(i)] = 1}. In the usual
 * reading {@code A} holds the flows between facilities, {@code B} the distances between
 * locations, and facility {@code i} goes to location {@code p(i)}. The permutation is SciPy's
 * {@code col_ind} (its {@code row_ind} is {@code 0..n-1}) and the objective its {@code fun}:
 * on random integer matrices of both signs, asymmetric, of orders 0 to 5, SciPy 1.17.1
 * returned {@code fun} equal to {@code f(col_ind)} above, for both senses (T.C. Koopmans and
 * M. Beckmann, 1957, "Assignment problems and the location of economic activities",
 * Econometrica 25(1):53-76).
 *
 * <p><b>How it is solved.</b> The problem is handed to an {@link Aligner} as the alignment of
 * two directed graphs of {@link #toGraphs}: {@code X} from {@code A} and {@code Y} from
 * {@code -B} when minimising, {@code +B} when maximising, with node attribute the diagonal
 * entry and edge attribute the off-diagonal one (zero entries are absent edges), in
 * {@link #graphSpace}, so that the similarity {@code <X, p . Y>} is {@code -f(p)} or
 * {@code f(p)} and maximising it solves the QAP. The aligner is named as in
 * {@link Aligners#byName} ({@code faq}, the default heuristic, {@code exact} for a proof on
 * small problems, {@code thorough}, {@code multistart}, ...) or given as an instance. The
 * objective is then summed from {@code A} and {@code B} themselves, not read from the
 * similarity, so integer data give an exact integer while the partial sums stay below
 * {@code 2^53}. {@link Solution#certified()} says whether the aligner proved the permutation
 * optimal ({@code exact} within its limits, and the presets' exact enumeration of small
 * orders); otherwise the objective is an upper bound on the minimum (a lower bound on the
 * maximum), and {@link Solution#unproven()} gives the aligner's reason.
 *
 * <p><b>Large common entries.</b> Adding {@code alpha} to every off-diagonal entry of
 * {@code A} and {@code beta} to every off-diagonal entry of {@code B} adds
 * {@code beta S_A + alpha S_B + n (n - 1) alpha beta} to {@code f(p)} for every {@code p}
 * ({@code S_A}, {@code S_B} the sums of the original off-diagonal entries), and a constant on
 * a diagonal adds a constant likewise, so the optimal permutations are those of the entries
 * minus their offsets. The aligners' rounding tolerances are relative to
 * {@code ||A||_F ||B||_F}; entries such as {@code 1e7 + k} with small integers {@code k}
 * would put a band of hundreds of cost units around the optimum (the {@code exact} search
 * once pruned the optimum in it and certified a permutation 37 to 119 above it). The graphs
 * of {@link #toGraphs} fill the matrix (no padding), so the aligners remove such an offset
 * before solving ({@code OffsetRemoval}: the edges, the off-diagonal entries, and the nodes,
 * the diagonal, each graph by its own mean where {@code A} and {@code -B} do not share
 * one), and a certificate on the shifted problem is one for the given problem; the
 * objective is that of the given matrices, summed as {@link #objective} describes. With
 * fixed pairs the same holds among the permutations that honour them: the reduced problem
 * fills its matrix too, and its node channels carry the cross terms' offsets. An offset is
 * removed only when it dominates the entries (a mean about ten times their spread or more;
 * see the limitations).
 *
 * <p><b>Orders 0 and 1.</b> There is one permutation, so the answer is certified without
 * calling the aligner: for {@code n = 0} the empty permutation with objective 0, for
 * {@code n = 1} the identity with objective {@code A[0][0] B[0][0]}.
 *
 * <p><b>Refusals.</b> A null matrix or row, a matrix that is not square (a row of another
 * length than the number of rows), matrices of different orders and non-finite entries are
 * refused with the matrix, the row and the entry named. So is a pair whose Frobenius norms
 * have a product {@code ||A||_F ||B||_F} above {@link Aligners#MAX_NORM_PRODUCT}
 * ({@code 1e150}), which bounds {@code |f(p)|} for every {@code p} and is the largest the
 * aligners support, and a pair with {@code ||A||_F^2} or {@code ||B||_F^2} above that same
 * value (an overflow to infinity included), even when the product is small: the aligners
 * also align each graph with itself ({@link FaqAligner}, which seeds {@code exact} and most
 * presets, compares the pair with both self-alignments), so each graph must itself satisfy
 * the bound. Dividing {@code A} or {@code B} by a positive constant keeps the optimal
 * permutations and divides the objective by that constant; dividing {@code B} by {@code c}
 * and multiplying {@code A} by {@code c} keeps the objective as well, and
 * {@code c = sqrt(||B||_F) / sqrt(||A||_F)} makes both norms
 * {@code sqrt(||A||_F ||B||_F)}, so every pair with an acceptable product can be brought
 * within the bounds. For example {@code A = {{0, 1e200}, {1, 0}}} and
 * {@code B = {{0, 1e-200}, {2e-200, 0}}}, with a product of about 2, are refused, while
 * {@code c = 1e-200} gives {@code {{0, 1}, {1e-200, 0}}} and {@code {{0, 1}, {2, 0}}}, which
 * are solved. A product above the bound is reported first, since balancing the norms
 * leaves it unchanged: the message then asks for a division, and adds the balancing only
 * when a squared norm is above the bound as well.
 *
 * <p>Stateless and thread-safe as far as the aligner is (every aligner of this package is).
 * Deterministic for a given aligner and seed, except where the aligner has a wall-clock limit
 * that binds ({@code exact} after {@link ExactAligner#DEFAULT_TIME_LIMIT}; see
 * {@link Aligner}).
 *
 * <p><b>Fixed pairs.</b> SciPy's {@code partial_match} is the last parameter of the
 * overloads {@link #minimize(double[][], double[][], int[][])},
 * {@link #maximize(double[][], double[][], int[][])},
 * {@link #solve(double[][], double[][], Sense, String, long, int[][])} and
 * {@link #solve(double[][], double[][], Sense, Aligner, int[][])}: the permutation honours
 * every pair, the aligner solves the QAP of the free nodes with the cross terms as a linear
 * term in the node attributes (so {@code exact} stays exact among the permutations that
 * honour the pairs), and the objective is that of the full matrices.
 *
 * <p><b>Limitations.</b> SciPy's options {@code P0} (a start) and {@code shuffle_input}
 * have no parameter here; a start can be given to
 * {@link Aligner#align(GraphSpace, Graph, Graph, Permutation)} on the graphs of
 * {@link #toGraphs} (without fixed pairs). Like SciPy's {@code faq} and {@code 2opt}, every
 * preset but {@code exact} is a heuristic that can miss the optimum; {@code exact} is branch
 * and bound, for orders up to about 15 (free nodes, with fixed pairs). Its certificate holds
 * up to rounding: it prunes within {@code t = 4 n (n + 3) 2^-53 ||A'||_F ||B'||_F} of the
 * best value found ({@code n + 3 + 2 s} for {@code n + 3} with {@code s} fixed pairs, and
 * {@code n} the free nodes), where {@code A'} and {@code B'} are the matrices after any
 * offset removal above, so a permutation better by less than {@code t} can be missed even
 * when no rounding happens. For integer entries, whose objectives differ by at least 1,
 * {@code t < 1} makes the certificate exact: at order 8, entries up to about {@code 6e5}
 * in root mean square after the offset removal. Larger spreads, or offsets that do not
 * dominate the spread, keep a wider band.
 */
public final class QuadraticAssignment {

    private QuadraticAssignment() {
    }

    /**
     * The answer to a quadratic assignment problem.
     *
     * @param permutation {@code p}: facility {@code i} (row {@code i} of {@code A}) goes to
     *     location {@code p(i)} (row {@code p(i)} of {@code B})
     * @param objective {@code f(p) = sum_{i, j} A[i][j] B[p(i)][p(j)]}
     * @param unproven {@link Alignment.Unproven#NONE} when {@code p} is proven optimal for the
     *     sense solved ({@link #certified()}); otherwise why not, as the aligner's
     *     {@link Alignment#unproven()} says, and {@code objective} is only an upper bound on
     *     the minimum (lower bound on the maximum)
     */
    public record Solution(Permutation permutation, double objective,
            Alignment.Unproven unproven) {

        /**
         * Checks the components.
         *
         * @param permutation the permutation
         * @param objective its objective, finite
         * @param unproven why it is not proven optimal, {@link Alignment.Unproven#NONE} if it
         *     is
         * @throws NullPointerException if {@code permutation} or {@code unproven} is null
         * @throws IllegalArgumentException if {@code objective} is not finite
         */
        public Solution {
            Objects.requireNonNull(permutation, "permutation");
            Objects.requireNonNull(unproven, "unproven");
            if (!Double.isFinite(objective)) {
                throw new IllegalArgumentException("objective must be finite, got "
                        + objective);
            }
        }

        /**
         * Creates a solution from a flag: certified ({@link Alignment.Unproven#NONE}) or not,
         * in which case the reason is {@link Alignment.Unproven#HEURISTIC}.
         *
         * @param permutation the permutation
         * @param objective its objective, finite
         * @param certified whether it is proven optimal
         * @throws NullPointerException if {@code permutation} is null
         * @throws IllegalArgumentException if {@code objective} is not finite
         */
        public Solution(Permutation permutation, double objective, boolean certified) {
            this(permutation, objective, certified ? Alignment.Unproven.NONE
                    : Alignment.Unproven.HEURISTIC);
        }

        /**
         * Returns whether {@code p} is proven optimal for the sense solved, that is whether
         * {@link #unproven()} is {@link Alignment.Unproven#NONE}.
         *
         * @return whether the solution is proven optimal
         */
        public boolean certified() {
            return unproven == Alignment.Unproven.NONE;
        }

        /**
         * Returns the location of every facility, SciPy's {@code col_ind}: entry {@code i}
         * is {@code p(i)}.
         *
         * @return a new array of length {@code n}
         */
        public int[] columnIndices() {
            return permutation.toArray();
        }
    }

    /**
     * Minimises {@code f(p)} with the default aligner, the {@code faq} preset
     * ({@link Aligners#defaultAligner}) with seed 0.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @return the permutation found, its objective and whether it is proven optimal
     * @throws NullPointerException if a matrix or one of its rows is null
     * @throws IllegalArgumentException as {@link #solve(double[][], double[][], Sense, Aligner)}
     */
    public static Solution minimize(double[][] a, double[][] b) {
        return solve(a, b, Sense.MINIMIZE, Aligners.defaultAligner(0));
    }

    /**
     * Maximises {@code f(p)} with the default aligner, the {@code faq} preset
     * ({@link Aligners#defaultAligner}) with seed 0: SciPy's
     * {@code options={"maximize": True}}.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @return the permutation found, its objective and whether it is proven optimal
     * @throws NullPointerException if a matrix or one of its rows is null
     * @throws IllegalArgumentException as {@link #solve(double[][], double[][], Sense, Aligner)}
     */
    public static Solution maximize(double[][] a, double[][] b) {
        return solve(a, b, Sense.MAXIMIZE, Aligners.defaultAligner(0));
    }

    /**
     * Solves the problem with an aligner given by name.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param sense whether to minimise or maximise {@code f}
     * @param aligner one of {@link Aligners#names()}, such as {@code faq} or {@code exact}
     * @param seed the aligner's seed (SciPy's {@code rng})
     * @return the permutation found, its objective and whether it is proven optimal
     * @throws NullPointerException if a matrix, one of its rows or {@code sense} is null
     * @throws IllegalArgumentException if the aligner's name is unknown (the message lists
     *     the names), or as {@link #solve(double[][], double[][], Sense, Aligner)}
     */
    public static Solution solve(double[][] a, double[][] b, Sense sense, String aligner,
            long seed) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(sense, "sense");
        Objects.requireNonNull(aligner, "aligner");
        return solve(a, b, sense, Aligners.byName(aligner, seed));
    }

    /**
     * Solves the problem with the given aligner on the graphs of {@link #toGraphs}.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param sense whether to minimise or maximise {@code f}
     * @param aligner the aligner; not called when {@code n <= 1}
     * @return the permutation found, its objective and whether it is proven optimal
     * @throws NullPointerException if a matrix, one of its rows, {@code sense} or
     *     {@code aligner} is null
     * @throws IllegalArgumentException if a matrix is not square (the message names the row),
     *     the orders differ, an entry is NaN or infinite (the message names the matrix and
     *     the entry), or {@code ||A||_F ||B||_F}, {@code ||A||_F^2} or {@code ||B||_F^2}
     *     exceeds {@link Aligners#MAX_NORM_PRODUCT}
     */
    public static Solution solve(double[][] a, double[][] b, Sense sense, Aligner aligner) {
        Objects.requireNonNull(aligner, "aligner");
        Graph[] graphs = toGraphs(a, b, sense);
        int n = a.length;
        if (n <= 1) {
            return new Solution(Permutation.identity(n), objective(a, b, identity(n)), true);
        }
        Alignment alignment = aligner.align(graphSpace(n), graphs[0], graphs[1]);
        Permutation p = alignment.permutation();
        return new Solution(p, objective(a, b, p.toArray()), alignment.unproven());
    }

    /**
     * Minimises {@code f(p)} over the permutations that honour fixed pairs, with the default
     * aligner ({@code faq} preset, seed 0): SciPy's
     * {@code options={"partial_match": partialMatch}}.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param partialMatch the fixed pairs, as described at
     *     {@link #solve(double[][], double[][], Sense, Aligner, int[][])}; not modified
     * @return a permutation with {@code p(partialMatch[k][0]) = partialMatch[k][1]} for every
     *     {@code k}, its objective on the full matrices and whether it is proven optimal
     *     among the permutations that honour the pairs
     * @throws NullPointerException if a matrix, one of its rows, {@code partialMatch} or one
     *     of its rows is null
     * @throws IllegalArgumentException as
     *     {@link #solve(double[][], double[][], Sense, Aligner, int[][])}
     */
    public static Solution minimize(double[][] a, double[][] b, int[][] partialMatch) {
        return solve(a, b, Sense.MINIMIZE, Aligners.defaultAligner(0), partialMatch);
    }

    /**
     * Maximises {@code f(p)} over the permutations that honour fixed pairs, with the default
     * aligner ({@code faq} preset, seed 0).
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param partialMatch the fixed pairs, as described at
     *     {@link #solve(double[][], double[][], Sense, Aligner, int[][])}; not modified
     * @return a permutation that honours the pairs, its objective on the full matrices and
     *     whether it is proven optimal among the permutations that honour them
     * @throws NullPointerException if a matrix, one of its rows, {@code partialMatch} or one
     *     of its rows is null
     * @throws IllegalArgumentException as
     *     {@link #solve(double[][], double[][], Sense, Aligner, int[][])}
     */
    public static Solution maximize(double[][] a, double[][] b, int[][] partialMatch) {
        return solve(a, b, Sense.MAXIMIZE, Aligners.defaultAligner(0), partialMatch);
    }

    /**
     * Solves the problem over the permutations that honour fixed pairs, with an aligner given
     * by name.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param sense whether to minimise or maximise {@code f}
     * @param aligner one of {@link Aligners#names()}, such as {@code faq} or {@code exact}
     * @param seed the aligner's seed (SciPy's {@code rng})
     * @param partialMatch the fixed pairs, as described at
     *     {@link #solve(double[][], double[][], Sense, Aligner, int[][])}; not modified
     * @return a permutation that honours the pairs, its objective on the full matrices and
     *     whether it is proven optimal among the permutations that honour them
     * @throws NullPointerException if a matrix, one of its rows, {@code sense},
     *     {@code partialMatch} or one of its rows is null
     * @throws IllegalArgumentException if the aligner's name is unknown (the message lists
     *     the names), or as {@link #solve(double[][], double[][], Sense, Aligner, int[][])}
     */
    public static Solution solve(double[][] a, double[][] b, Sense sense, String aligner,
            long seed, int[][] partialMatch) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(sense, "sense");
        Objects.requireNonNull(aligner, "aligner");
        Objects.requireNonNull(partialMatch, "partialMatch");
        return solve(a, b, sense, Aligners.byName(aligner, seed), partialMatch);
    }

    /**
     * Solves the problem over the permutations that honour fixed pairs, SciPy's
     * {@code partial_match} ("seeding"): row {@code k} of {@code partialMatch} is a pair
     * {@code {i, j}} that fixes facility {@code i} (row {@code i} of {@code A}) at location
     * {@code j} (row {@code j} of {@code B}), {@code p(i) = j}. An empty array (SciPy's
     * shape {@code (0, 2)}) fixes nothing and gives the answer of
     * {@link #solve(double[][], double[][], Sense, Aligner)}.
     *
     * <p>With {@code s} pairs fixed the problem is reduced as SciPy reduces it: the
     * {@code s x s} block of fixed facilities is a constant, and the terms between a fixed
     * facility {@code t} (at location {@code u}) and a free facility {@code i} at location
     * {@code a}, {@code A[t][i] B[u][a] + A[i][t] B[a][u]}, depend on {@code i} and
     * {@code a} only, a linear term. The aligner solves the QAP of order {@code n - s} on the
     * free facilities and locations (both in increasing index order), whose two graphs carry
     * the linear term in their node attributes: {@code 1 + 2 s} channels, the diagonal entry
     * as without pairs, then {@code A[t][i]} and {@code A[i][t]} for each fixed pair on the
     * node of facility {@code i}, and {@code -B[u][a]} and {@code -B[a][u]} on the node of
     * location {@code a} (with {@code +} when maximising, as the edges), so that the node
     * similarity {@code <x_i, y_a>} is the whole linear term, negated when minimising, and
     * the similarity of the two graphs under a permutation of the free nodes is
     * {@code -f(p)} (or {@code f(p)}) up to the constant.
     * Every entry of {@code A} and {@code B} appears in these graphs at most once, so their
     * norms stay within those of the matrices and the bounds of the refusals below still
     * hold. The aligner thus works on the reduced problem as on any other: {@code exact}
     * returns a permutation proven optimal among those that honour the pairs, and the
     * heuristics search only such permutations. The objective is summed from the full
     * matrices. When at most one facility is left free the pairs determine the permutation,
     * which is returned certified without calling the aligner.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param sense whether to minimise or maximise {@code f}
     * @param aligner the aligner; called on the reduced problem when it has order 2 or more
     * @param partialMatch {@code s x 2}, {@code 0 <= s <= n}: rows {@code {i, j}} with
     *     {@code i} and {@code j} in {@code 0..n-1}, no {@code i} and no {@code j} twice; not
     *     modified
     * @return a permutation with {@code p(partialMatch[k][0]) = partialMatch[k][1]} for every
     *     {@code k}, its objective {@code f(p)} on the full matrices, and whether it is proven
     *     optimal among the permutations that honour the pairs
     * @throws NullPointerException if a matrix, one of its rows, {@code sense},
     *     {@code aligner}, {@code partialMatch} or one of its rows is null
     * @throws IllegalArgumentException if the matrices are refused as by
     *     {@link #solve(double[][], double[][], Sense, Aligner)}, a row of
     *     {@code partialMatch} is not a pair, an index is outside {@code 0..n-1}, or a
     *     facility or a location is fixed twice (the message names the rows)
     */
    public static Solution solve(double[][] a, double[][] b, Sense sense, Aligner aligner,
            int[][] partialMatch) {
        Objects.requireNonNull(sense, "sense");
        Objects.requireNonNull(aligner, "aligner");
        int n = requirePair(a, b);
        int[] fixed = fixedPairs(partialMatch, n);
        int seeds = partialMatch.length;
        if (seeds == 0) {
            return solve(a, b, sense, aligner);
        }
        int m = n - seeds;
        int[] free = new int[m];
        int[] open = new int[m];
        boolean[] taken = new boolean[n];
        for (int[] pair : partialMatch) {
            taken[pair[1]] = true;
        }
        for (int i = 0, f = 0, l = 0; i < n; i++) {
            if (fixed[i] < 0) {
                free[f++] = i;
            }
            if (!taken[i]) {
                open[l++] = i;
            }
        }
        int[] p = fixed.clone();
        if (m <= 1) {
            if (m == 1) {
                p[free[0]] = open[0];
            }
            return new Solution(Permutation.of(p), objective(a, b, p), true);
        }
        double sign = sense == Sense.MINIMIZE ? -1.0 : 1.0;
        Graph x = reduced(a, 1.0, free, partialMatch, 0);
        Graph y = reduced(b, sign, open, partialMatch, 1);
        Alignment alignment = aligner.align(new GraphSpace(m, 1 + 2 * seeds, 1, 1.0, 1.0), x,
                y);
        Permutation q = alignment.permutation();
        for (int k = 0; k < m; k++) {
            p[free[k]] = open[q.get(k)];
        }
        return new Solution(Permutation.of(p), objective(a, b, p), alignment.unproven());
    }

    /**
     * Checks the fixed pairs against the order {@code n} and returns, for every facility,
     * its fixed location or -1.
     */
    private static int[] fixedPairs(int[][] partialMatch, int n) {
        Objects.requireNonNull(partialMatch, "partialMatch");
        int[] location = new int[n];
        int[] facility = new int[n];
        int[] rowOfFacility = new int[n];
        int[] rowOfLocation = new int[n];
        Arrays.fill(location, -1);
        Arrays.fill(facility, -1);
        for (int k = 0; k < partialMatch.length; k++) {
            int[] pair = partialMatch[k];
            if (pair == null) {
                throw new NullPointerException("partialMatch row " + k + " is null");
            }
            if (pair.length != 2) {
                throw new IllegalArgumentException("partialMatch row " + k + " has "
                        + pair.length + (pair.length == 1 ? " entry" : " entries")
                        + "; each row must be a pair {i, j}, node i of A fixed to node j of B"
                        + " (SciPy's partial_match has shape (s, 2))");
            }
            for (int side = 0; side < 2; side++) {
                if (pair[side] < 0 || pair[side] >= n) {
                    throw new IllegalArgumentException("partialMatch row " + k + " = {"
                            + pair[0] + ", " + pair[1] + "}: node " + pair[side] + " of "
                            + (side == 0 ? "A" : "B") + " is out of range; the matrices have"
                            + " order " + n + (n == 0 ? ", so there is no node to fix"
                                    : ", so nodes are 0.." + (n - 1)));
                }
            }
            int i = pair[0];
            int j = pair[1];
            if (location[i] >= 0) {
                throw new IllegalArgumentException("partialMatch rows " + rowOfFacility[i]
                        + " and " + k + " both fix node " + i + " of A; each node may be"
                        + " fixed once");
            }
            if (facility[j] >= 0) {
                throw new IllegalArgumentException("partialMatch rows " + rowOfLocation[j]
                        + " and " + k + " both fix node " + j + " of B; each node may be"
                        + " fixed once");
            }
            location[i] = j;
            facility[j] = i;
            rowOfFacility[i] = k;
            rowOfLocation[j] = k;
        }
        return location;
    }

    /**
     * Returns the graph of the free nodes {@code nodes} of {@code matrix} (A when
     * {@code side} is 0, B when 1) as {@link #solve(double[][], double[][], Sense, Aligner,
     * int[][])} describes it: every entry times {@code sign}, edges among the free nodes,
     * and node channels of the diagonal and, for each fixed pair, the entries between the
     * node and that pair's node on this side (row, then column).
     */
    private static Graph reduced(double[][] matrix, double sign, int[] nodes, int[][] pairs,
            int side) {
        int m = nodes.length;
        int dimension = 1 + 2 * pairs.length;
        double[] attributes = new double[m * dimension];
        double[] edges = new double[m * m];
        for (int k = 0; k < m; k++) {
            int i = nodes[k];
            attributes[k * dimension] = sign * matrix[i][i] + 0.0;
            for (int t = 0; t < pairs.length; t++) {
                int fixedNode = pairs[t][side];
                attributes[k * dimension + 1 + 2 * t] = sign * matrix[fixedNode][i] + 0.0;
                attributes[k * dimension + 2 + 2 * t] = sign * matrix[i][fixedNode] + 0.0;
            }
            for (int l = 0; l < m; l++) {
                if (l != k) {
                    edges[k * m + l] = sign * matrix[i][nodes[l]] + 0.0;
                }
            }
        }
        return Graph.fromArrays(m, dimension, 1, true, attributes, edges);
    }

    /**
     * Returns {@code f(p) = sum_{i, j} A[i][j] B[p(i)][p(j)]}, summed row by row of {@code A}
     * with compensation: the result is as accurate as if the sum were computed in twice the
     * precision of a double and then rounded, so its error is at most {@code 2^-53 |f(p)|}
     * (one unit in the last place) plus about {@code n^4 2^-106} times the sum of the
     * magnitudes of the products. It is exact when every product and every partial sum is an
     * exact double, as for integer entries whose partial sums stay below {@code 2^53}; beyond
     * that (entries near {@code 1e12} give objectives near {@code 1e25}) no double holds every
     * integer, and when the products share one sign the result is within one unit in the
     * last place of the exact value.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param permutation {@code p}, SciPy's {@code col_ind}: a permutation of {@code 0..n-1}
     * @return the objective
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the matrices are refused as by
     *     {@link #solve(double[][], double[][], Sense, Aligner)}, or {@code permutation} is not
     *     a permutation of {@code 0..n-1} (the message names the entry)
     */
    public static double objective(double[][] a, double[][] b, int[] permutation) {
        int n = requirePair(a, b);
        Objects.requireNonNull(permutation, "permutation");
        if (permutation.length != n) {
            throw new IllegalArgumentException("permutation has length " + permutation.length
                    + "; the matrices have order " + n);
        }
        int[] p = Permutation.of(permutation).toArray();
        // Compensated dot product ("Dot2" of Ogita, Rump and Oishi, 2005, "Accurate sum and
        // dot product", SIAM J. Sci. Comput. 26(6): 1955-1988): every product is split into
        // its rounded value and its exact error (a fused multiply-add), every addition into
        // its rounded sum and its exact error (Knuth's TwoSum), and the errors are summed
        // apart and added at the end.
        double sum = 0.0;
        double errors = 0.0;
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            double[] target = b[p[i]];
            for (int j = 0; j < n; j++) {
                double product = row[j] * target[p[j]];
                double productError = Math.fma(row[j], target[p[j]], -product);
                double next = sum + product;
                double back = next - product;
                double sumError = (sum - back) + (product - (next - back));
                sum = next;
                errors += productError + sumError;
            }
        }
        return sum + errors;
    }

    /**
     * Returns the problem as a pair of directed graphs {@code [X, Y]} of
     * {@link #graphSpace graphSpace(n)} whose similarity under a permutation {@code p} is
     * {@code <X, p . Y> = -f(p)} for {@link Sense#MINIMIZE} and {@code f(p)} for
     * {@link Sense#MAXIMIZE}, so that maximising the similarity solves the problem.
     * {@code X} has node attribute {@code A[i][i]} and, on the ordered pair {@code (i, j)},
     * {@code i != j}, edge attribute {@code A[i][j]}; {@code Y} has {@code s B[a][a]} and
     * {@code s B[a][b]}, with {@code s = -1} when minimising and {@code +1} when maximising.
     * Zero entries become absent edges, which contribute zero as well.
     *
     * @param a matrix {@code A}, {@code n x n}, finite; not modified
     * @param b matrix {@code B}, {@code n x n}, finite; not modified
     * @param sense whether the problem minimises or maximises {@code f}
     * @return {@code X} and {@code Y}, both directed, of order {@code n}, node and edge
     *     dimension 1
     * @throws NullPointerException if a matrix, one of its rows or {@code sense} is null
     * @throws IllegalArgumentException if the matrices are refused as by
     *     {@link #solve(double[][], double[][], Sense, Aligner)}
     */
    public static Graph[] toGraphs(double[][] a, double[][] b, Sense sense) {
        Objects.requireNonNull(sense, "sense");
        graphSpace(requirePair(a, b)); // refuses an order too large for a graph's arrays
        double sign = sense == Sense.MINIMIZE ? -1.0 : 1.0;
        return new Graph[] {graph(a, 1.0), graph(b, sign)};
    }

    /**
     * Returns the space of the graphs of {@link #toGraphs}: size {@code n}, node and edge
     * dimension 1, node and edge weight 1, in which the similarity is the sum of the products
     * of all matched entries, diagonal and off-diagonal alike.
     *
     * @param n the order of the matrices, at least 0
     * @return the space
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static GraphSpace graphSpace(int n) {
        return new GraphSpace(n, 1, 1, 1.0, 1.0);
    }

    /**
     * Checks that {@code a} and {@code b} are square, of one order, finite and of a supported
     * size, and returns the order.
     */
    private static int requirePair(double[][] a, double[][] b) {
        int n = requireSquare(a, "A");
        int order = requireSquare(b, "B");
        if (order != n) {
            throw new IllegalArgumentException("A has order " + n + " and B order " + order
                    + "; a quadratic assignment problem needs matrices of one order");
        }
        double squaredA = squaredNorm(a);
        double squaredB = squaredNorm(b);
        double[] scaledA = scaledNorm(a);
        double[] scaledB = scaledNorm(b);
        double normA = scaledA[0] * scaledA[1];
        double normB = scaledB[0] * scaledB[1];
        // Largest entries times scaled roots: finite wherever the product is, even when a
        // norm alone overflows (an entry near the largest double beside a tiny B).
        double product = (scaledA[0] * scaledB[0]) * (scaledA[1] * scaledB[1]);
        boolean squaresFit = squaredA <= Aligners.MAX_NORM_PRODUCT
                && squaredB <= Aligners.MAX_NORM_PRODUCT;
        if (!(product <= Aligners.MAX_NORM_PRODUCT)) {
            // Balancing the norms keeps the product, so only a division brings it down.
            String size;
            if (Double.isInfinite(normA) || Double.isInfinite(normB)) {
                size = "overflows (||" + (Double.isInfinite(normA) ? "A" : "B") + "||_F"
                        + " itself exceeds the largest double), above";
            } else if (product == Double.POSITIVE_INFINITY) {
                size = String.format(Locale.ROOT, "= %.3g x %.3g overflows, above", normA,
                        normB);
            } else {
                size = "= " + beyond(product, Aligners.MAX_NORM_PRODUCT) + " exceeds";
            }
            String balance = squaresFit ? "" : String.format(Locale.ROOT, "; if ||A||_F^2 or"
                    + " ||B||_F^2 is then still above %.0e, also divide A by c and multiply B"
                    + " by c, with c = sqrt(||A||_F) / sqrt(||B||_F) (that alone leaves the"
                    + " product unchanged)", Aligners.MAX_NORM_PRODUCT);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "||A||_F ||B||_F %s"
                    + " %.0e, the largest the aligners support; divide A or B by a positive"
                    + " constant (or both by constants) until the product is at most %.0e (the"
                    + " optimal permutations stay the same and the objective is divided by the"
                    + " constant, or by the product of the two)%s", size,
                    Aligners.MAX_NORM_PRODUCT, Aligners.MAX_NORM_PRODUCT, balance));
        }
        if (!squaresFit) {
            boolean inA = !(squaredA <= Aligners.MAX_NORM_PRODUCT);
            String name = inA ? "A" : "B";
            double squared = inA ? squaredA : squaredB;
            String size = squared == Double.POSITIVE_INFINITY ? "overflows"
                    : "is " + beyond(squared, Aligners.MAX_NORM_PRODUCT);
            if (product == 0.0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the sum of the"
                        + " squared entries of %s %s, above %.0e, and %s is zero, so every"
                        + " permutation has objective 0: divide %s by a positive constant until"
                        + " ||%s||_F^2 is at most %.0e (the objective stays 0)", name, size,
                        Aligners.MAX_NORM_PRODUCT, inA ? "B" : "A", name, name,
                        Aligners.MAX_NORM_PRODUCT));
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the sum of the"
                    + " squared entries of %s %s, above %.0e: the aligners also align each"
                    + " graph with itself, so ||A||_F^2 and ||B||_F^2 must stay below that"
                    + " bound as well as ||A||_F ||B||_F; ||A||_F ||B||_F is %.3g, so divide"
                    + " %s by c and multiply %s by c, with c = sqrt(||%s||_F) / sqrt(||%s||_F),"
                    + " to make both norms sqrt(||A||_F ||B||_F) (the optimal permutations and"
                    + " the objective stay the same)", name, size, Aligners.MAX_NORM_PRODUCT,
                    product, name, inA ? "B" : "A", name, inA ? "B" : "A"));
        }
        return n;
    }

    /**
     * A value above {@code limit} in three significant digits, or in full where three digits
     * would show it equal to the limit ({@code 1.0000001e150} against {@code 1e150}).
     */
    private static String beyond(double value, double limit) {
        String shown = String.format(Locale.ROOT, "%.3g", value);
        return Double.parseDouble(shown) > limit ? shown : String.valueOf(value);
    }

    private static int requireSquare(double[][] matrix, String name) {
        Objects.requireNonNull(matrix, name);
        int n = matrix.length;
        for (int i = 0; i < n; i++) {
            double[] row = matrix[i];
            if (row == null) {
                throw new NullPointerException(name + " row " + i + " is null");
            }
            if (row.length != n) {
                throw new IllegalArgumentException(name + " row " + i + " has " + row.length
                        + (row.length == 1 ? " entry" : " entries") + ", but " + name + " has "
                        + n + (n == 1 ? " row" : " rows") + "; a quadratic assignment problem"
                        + " needs square matrices");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + " entry (" + i + ", " + j
                            + ") is " + row[j] + "; the entries must be finite");
                }
            }
        }
        return n;
    }

    /**
     * Returns the Frobenius norm of {@code matrix} as the largest magnitude {@code s} and the
     * root {@code r = sqrt(sum (a_ij / s)^2)}, between 1 and the order, whose product is the
     * norm ({@code {0, 0}} for a zero matrix): the entries are divided by the largest
     * magnitude before they are squared, so no square overflows or underflows.
     */
    private static double[] scaledNorm(double[][] matrix) {
        double largest = 0.0;
        for (double[] row : matrix) {
            for (double value : row) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        if (largest == 0.0) {
            return new double[] {0.0, 0.0};
        }
        double sum = 0.0;
        for (double[] row : matrix) {
            for (double value : row) {
                double ratio = value / largest;
                sum += ratio * ratio;
            }
        }
        return new double[] {largest, Math.sqrt(sum)};
    }

    private static double squaredNorm(double[][] matrix) {
        double sum = 0.0;
        for (double[] row : matrix) {
            for (double value : row) {
                sum += value * value;
            }
        }
        return sum;
    }

    private static int[] identity(int n) {
        return Permutation.identity(n).toArray();
    }

    /** Returns the graph of {@code matrix} times {@code sign}: {@link #reduced} with no pair. */
    private static Graph graph(double[][] matrix, double sign) {
        return reduced(matrix, sign, identity(matrix.length), new int[0][], 0);
    }
}
