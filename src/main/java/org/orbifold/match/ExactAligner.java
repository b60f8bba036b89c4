package org.orbifold.match;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Exact alignment by branch and bound over node-to-node assignments, returning a permutation
 * proven to maximise the similarity {@code <X, pi . Y>} (certified), unless a node or time
 * limit stops the search first.
 *
 * <p>Both graphs are padded to order {@code m}, the size {@link GraphSpace#alignmentSize}
 * gives the pair (or that of a larger warm start), at which the certified optimum is the
 * optimum over all permutations of the space's size. The search fixes the real nodes of {@code X}
 * one at a time, in a static order that starts at a node of largest degree and then always
 * takes the node with the most edges to the nodes already fixed (so that fixed edges tighten
 * the bound early). Each node of {@code X} is tried against every free real node of
 * {@code Y} and against one free padding node (padding nodes are interchangeable), best
 * bound entry first. Padding nodes of {@code X} are never branched on: once the real nodes
 * are fixed, the value no longer depends on the rest.
 *
 * <p><b>Bound.</b> A Gilmore-Lawler bound (Gilmore 1962, "Optimal and suboptimal algorithms
 * for the quadratic assignment problem", J. SIAM 10(2): 305-313, doi:10.1137/0110022;
 * Lawler 1963, "The quadratic assignment problem", Management Science 9(4): 586-599,
 * doi:10.1287/mnsc.9.4.586). With the fixed part {@code F} worth {@code v(F)}, the rest is
 * worth at most the optimum of one linear assignment between the free nodes {@code U} of
 * {@code X} and {@code V} of {@code Y} with gains
 *
 * <pre>
 *   c(i, a) = S[i, a] + sum_{k in F} (w &lt;x_ik, y_{a pi(k)}&gt; + w &lt;x_ki, y_{pi(k) a}&gt;)
 *             + sum_c max over bijections of sum_{l in U - i} w x_il^c y_{a sigma(l)}^c
 * </pre>
 *
 * <p>where the last maximum, over bijections {@code sigma} of {@code U - i} onto
 * {@code V - a}, is solved exactly by sorting both value lists (rearrangement inequality:
 * pair the k-th largest with the k-th largest), which is valid for values of any sign. Each
 * ordered edge among free nodes is charged to its source, so the sum over a completion is an
 * upper bound. A node is pruned when {@code v(F) + bound <= best + t}, with {@code t} a bound
 * on the rounding error of these sums ({@code 4 m (m d_e + d_v + 2) eps ||X|| ||Y||}, see
 * {@code QapInstance.roundingBound}; it scales with the values, and is at least
 * {@link Double#MIN_NORMAL}, below which doubles round absolutely), so that ties up to
 * rounding are pruned but no better permutation is. A finished search is certified only
 * when what rounding may hide is negligible next to the distance found: the optimum's
 * squared distance is at least the one found minus {@code 4 t}, and the result is certified
 * when {@code 4 t <= 1e-6 d^2}, or when {@code d <= 8 eps (||X|| + ||Y||)} (the graphs
 * coincide up to the rounding of their entries); otherwise the result is uncertified with the
 * reason {@link Alignment.Unproven#ROUNDING}. When the attributes are far larger than
 * their differences and no offset can be removed (for example sparse edges near {@code 1e9}
 * that differ by units, whose non-edges are 0, or an offset on a padded graph), the search
 * still runs and returns the better of its result and the {@link FaqAligner} incumbent,
 * uncertified. When the node or the edge attributes of a graph that fills the matrix share
 * an offset much larger than their spread, {@code X} and {@code Y} here are the pair with
 * that offset removed (see {@link OrientedAligner} and {@link OffsetRemoval}: for graphs of
 * one order, both minus their common mean, which changes no distance, or each minus its own
 * when their offsets differ, as for the graphs {@code A} and {@code -B} of a quadratic
 * assignment problem), so that {@code t} measures the variation of the attributes and not
 * their distance from 0;
 * the incumbent starts from {@link FaqAligner} (and the warm start) and is improved at every
 * node by completing {@code F} with the bound's own assignment.
 *
 * <p>Cost: exponential in the worst case; per search node {@code O(m^3 d_e)} for the bound plus
 * one {@code O(m^3)} assignment. On random graphs of order 10 it typically finishes in
 * milliseconds; highly symmetric pairs with different structure (for example a 10-cycle
 * against two 5-cycles) are the hard cases. Thread-safe: all search state is per call.
 *
 * <p><b>Limitations.</b> Meant for small graphs (order up to about 12 to 15). When the node
 * limit or the time limit is reached, the best permutation found so far is returned
 * uncertified, with the reason {@link Alignment.Unproven#LIMIT} (unless it attains distance
 * 0); it is never worse than the incumbent from {@link FaqAligner}
 * nor than a warm start. The node limit is a count, so a call it stops gives the same answer
 * every time. The time limit (wall clock, {@link #DEFAULT_TIME_LIMIT} unless given) is the
 * one exception to the determinism of {@link Aligner}: a call that reaches it returns what
 * the search found by then, which depends on the machine and its load, so repeating the call
 * can give another permutation and distance, or a certified answer where an earlier run gave
 * an uncertified one. For reproducible results, bound the search by the node limit and give
 * a time limit it never reaches.
 */
public final class ExactAligner extends OrientedAligner {

    /** Default limit on the number of search nodes. */
    public static final long DEFAULT_NODE_LIMIT = 50_000_000L;
    /** Default limit on the wall time of one alignment. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private static final int CLOCK_INTERVAL = 64;

    private final FaqAligner seeder;
    private final long nodeLimit;
    private final long timeLimitNanos;

    /**
     * Creates the aligner with the default limits.
     *
     * @param seed seed of the {@link FaqAligner} that provides the first incumbent
     */
    public ExactAligner(long seed) {
        this(seed, DEFAULT_NODE_LIMIT, DEFAULT_TIME_LIMIT);
    }

    /**
     * Creates the aligner.
     *
     * @param seed seed of the {@link FaqAligner} that provides the first incumbent
     * @param nodeLimit largest number of search nodes, at least 1
     * @param timeLimit largest wall time of one alignment, positive
     * @throws IllegalArgumentException if a limit is not positive
     */
    public ExactAligner(long seed, long nodeLimit, Duration timeLimit) {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (nodeLimit < 1) {
            throw new IllegalArgumentException("nodeLimit must be >= 1, got " + nodeLimit);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        this.seeder = new FaqAligner(seed);
        this.nodeLimit = nodeLimit;
        this.timeLimitNanos = timeLimit.toNanos();
    }

    @Override
    Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start) {
        long deadline = System.nanoTime() + timeLimitNanos;
        Alignment seed = seeder.solve(space, x, y, m, start);
        if (seed.certified() || space.edgeDimension() == 0 || space.edgeWeight() == 0.0
                || x.edgeCount() == 0 || y.edgeCount() == 0) {
            return seed; // without an edge term the seed's linear assignment is the optimum
        }
        Search search = new Search(space, x, y, m, seed.permutation(), nodeLimit, deadline);
        search.run();
        Permutation best = Permutation.of(search.best);
        if (space.squaredDistance(x, y, seed.permutation())
                < space.squaredDistance(x, y, best)) {
            best = seed.permutation(); // the search's values could not tell them apart
        }
        Alignment found = search.aborted
                ? Alignment.of(space, x, y, best, Alignment.Unproven.LIMIT)
                : QapInstance.checkedAlignment(space, x, y, best, search.pruneTolerance);
        return notWorseThanStart(space, x, y, found, start);
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String toString() {
        return "ExactAligner[nodeLimit=" + nodeLimit + ", timeLimit="
                + Duration.ofNanos(timeLimitNanos) + "]";
    }

    /** The state of one branch-and-bound run. */
    private static final class Search {

        private final QapInstance q = new QapInstance();
        private final LinearAssignmentSolver solver = new LinearAssignmentSolver();
        private final int m;
        private final int nx;
        private final int ny;
        private final int de;
        private final long nodeLimit;
        private final long deadline;
        final double pruneTolerance;

        /** Real nodes of X in branching order. */
        private final int[] order;
        /** For node i and channel c, the other nodes l sorted by x_il^c, largest first. */
        private final int[][][] xSorted;
        private final int[][][] ySorted;

        private final int[] assignment;
        private final boolean[] xFixed;
        private final boolean[] yUsed;
        /** Gains with the fixed nodes, one m x m matrix per depth. */
        private final double[][] fixedGain;
        private final int[][] candidates;
        private final double[][] candidateKeys;
        private final double[][] boundMatrix;
        private final int[][] boundAssignment;
        private final int[] freeX;
        private final int[] freeY;
        private final double[] xValues;
        private final double[] yValues;
        private final int[] xPositive;
        private final int[] xNegative;
        private final int[] completion;

        final int[] best;
        double bestValue;
        long nodes;
        boolean aborted;

        Search(GraphSpace space, Graph x, Graph y, int m, Permutation incumbent,
                long nodeLimit, long deadline) {
            q.load(space, x, y, m);
            this.m = m;
            this.nx = q.nx;
            this.ny = q.ny;
            this.de = q.de;
            this.nodeLimit = nodeLimit;
            this.deadline = deadline;
            this.pruneTolerance = q.roundingBound(space.nodeDimension());
            this.order = branchingOrder();
            this.xSorted = sortedNeighbours(q.xDense, nx);
            this.ySorted = sortedNeighbours(q.yDense, ny);
            this.assignment = new int[m];
            Arrays.fill(assignment, -1);
            this.xFixed = new boolean[m];
            this.yUsed = new boolean[m];
            this.fixedGain = new double[nx + 1][m * m];
            this.candidates = new int[nx + 1][m];
            this.candidateKeys = new double[nx + 1][m];
            this.boundMatrix = new double[m + 1][];
            this.boundAssignment = new int[m + 1][];
            for (int r = 0; r <= m; r++) {
                boundMatrix[r] = new double[r * r];
                boundAssignment[r] = new int[r];
            }
            this.freeX = new int[m];
            this.freeY = new int[m];
            this.xValues = new double[m * de * m];
            this.yValues = new double[m * de * m];
            this.xPositive = new int[m * de];
            this.xNegative = new int[m * de];
            this.completion = new int[m];
            this.best = incumbent.toArray();
            this.bestValue = q.value(best);
        }

        void run() {
            explore(0, 0.0);
        }

        private void explore(int depth, double fixedValue) {
            if (aborted || limitReached()) {
                return;
            }
            nodes++;

            // Bound: fixed value plus one assignment over the free nodes.
            int r = listFreeNodes();
            double bound = fixedValue + assignFreeNodes(depth, r);
            if (bound <= bestValue + pruneTolerance) {
                return;
            }

            // Incumbent: complete the fixed part with the bound's assignment.
            System.arraycopy(assignment, 0, completion, 0, m);
            int[] columns = boundAssignment[r];
            for (int row = 0; row < r; row++) {
                completion[freeX[row]] = freeY[columns[row]];
            }
            double value = q.value(completion);
            if (value > bestValue) {
                bestValue = value;
                System.arraycopy(completion, 0, best, 0, m);
            }
            if (depth == nx || bound <= bestValue + pruneTolerance) {
                return;
            }

            // Branch on the next node of X, best bound entry first.
            int i = order[depth];
            int count = orderCandidates(depth, i, r);
            int[] tried = candidates[depth];
            for (int k = 0; k < count && !aborted; k++) {
                int a = tried[k];
                double gain = q.nodeGain[i * m + a] + fixedGain[depth][i * m + a];
                fix(depth, i, a);
                explore(depth + 1, fixedValue + gain);
                assignment[i] = -1;
                xFixed[i] = false;
                yUsed[a] = false;
            }
        }

        private boolean limitReached() {
            if (nodes >= nodeLimit
                    || (nodes % CLOCK_INTERVAL == 0 && System.nanoTime() - deadline > 0)) {
                aborted = true;
            }
            return aborted;
        }

        /** Fills freeX and freeY in increasing order and returns their common length. */
        private int listFreeNodes() {
            int r = 0;
            int s = 0;
            for (int v = 0; v < m; v++) {
                if (!xFixed[v]) {
                    freeX[r++] = v;
                }
                if (!yUsed[v]) {
                    freeY[s++] = v;
                }
            }
            return r;
        }

        /**
         * Fills the bound matrix of the r free nodes and returns its assignment optimum; the
         * assignment itself is left in {@code boundAssignment[r]}.
         */
        private double assignFreeNodes(int depth, int r) {
            // Free edge values of every real free node, sorted, largest first.
            for (int row = 0; row < r && freeX[row] < nx; row++) {
                for (int c = 0; c < de; c++) {
                    int slot = row * de + c;
                    int end = filterSorted(q.xDense, freeX[row], c, xSorted, xFixed, xValues,
                            slot * m);
                    int positive = 0;
                    while (positive < end && xValues[slot * m + positive] > 0.0) {
                        positive++;
                    }
                    int negative = 0;
                    while (negative < end - positive
                            && xValues[slot * m + end - 1 - negative] < 0.0) {
                        negative++;
                    }
                    xPositive[slot] = positive;
                    xNegative[slot] = negative;
                }
            }
            for (int col = 0; col < r && freeY[col] < ny; col++) {
                for (int c = 0; c < de; c++) {
                    filterSorted(q.yDense, freeY[col], c, ySorted, yUsed, yValues,
                            (col * de + c) * m);
                }
            }

            // Gains: node, with the fixed nodes, and the sorted bound among free nodes.
            double[] matrix = boundMatrix[r];
            double[] gainWithFixed = fixedGain[depth];
            Arrays.fill(matrix, 0.0);
            for (int row = 0; row < r && freeX[row] < nx; row++) {
                int i = freeX[row];
                for (int col = 0; col < r && freeY[col] < ny; col++) {
                    int a = freeY[col];
                    double entry = q.nodeGain[i * m + a] + gainWithFixed[i * m + a];
                    for (int c = 0; c < de; c++) {
                        int xs = (row * de + c) * m;
                        int ys = (col * de + c) * m;
                        int positive = xPositive[row * de + c];
                        for (int t = 0; t < positive; t++) {
                            entry += xValues[xs + t] * yValues[ys + t];
                        }
                        for (int t = r - 1 - xNegative[row * de + c]; t < r - 1; t++) {
                            entry += xValues[xs + t] * yValues[ys + t];
                        }
                    }
                    matrix[row * r + col] = entry;
                }
            }
            if (r == 0) {
                return 0.0;
            }
            return solver.solveSquare(matrix, r, Sense.MAXIMIZE, boundAssignment[r]);
        }

        /**
         * Writes into {@code target} the values {@code dense(v, l)^c} over the free nodes
         * {@code l != v}, largest first, and returns how many were written.
         */
        private int filterSorted(double[] dense, int v, int c, int[][][] sorted,
                boolean[] taken, double[] target, int offset) {
            int count = 0;
            for (int l : sorted[v][c]) {
                if (!taken[l]) {
                    target[offset + count++] = dense[(v * m + l) * de + c];
                }
            }
            return count;
        }

        /**
         * Lists the candidates for node {@code i} of X, the free real nodes of Y and the first
         * free padding node, ordered by their bound entry, largest first; returns how many.
         */
        private int orderCandidates(int depth, int i, int r) {
            int row = 0;
            while (freeX[row] != i) {
                row++;
            }
            double[] matrix = boundMatrix[r];
            int[] list = candidates[depth];
            double[] keys = candidateKeys[depth];
            int count = 0;
            boolean paddingListed = false;
            for (int col = 0; col < r; col++) {
                int a = freeY[col];
                if (a >= ny) {
                    if (paddingListed) {
                        continue;
                    }
                    paddingListed = true;
                }
                double key = matrix[row * r + col];
                int k = count++;
                while (k > 0 && keys[k - 1] < key) {
                    keys[k] = keys[k - 1];
                    list[k] = list[k - 1];
                    k--;
                }
                keys[k] = key;
                list[k] = a;
            }
            return count;
        }

        /** Fixes node i of X to node a of Y and fills the gains with fixed nodes one deeper. */
        private void fix(int depth, int i, int a) {
            assignment[i] = a;
            xFixed[i] = true;
            yUsed[a] = true;
            double[] next = fixedGain[depth + 1];
            System.arraycopy(fixedGain[depth], 0, next, 0, m * m);
            if (!q.hasEdgeTerm) {
                return;
            }
            // Edge (i, k) pays <x_ik, y_ab> once k is fixed to b; edge (k, i) pays <x_ki, y_ba>.
            for (int e = q.outStart[i]; e < q.outStart[i + 1]; e++) {
                int k = q.outNode[e];
                if (!xFixed[k]) {
                    for (int b = 0; b < ny; b++) {
                        next[k * m + b] += QapInstance.dot(q.outValue, e * de, q.yDense,
                                (a * m + b) * de, de);
                    }
                }
            }
            for (int e = q.inStart[i]; e < q.inStart[i + 1]; e++) {
                int k = q.inNode[e];
                if (!xFixed[k]) {
                    for (int b = 0; b < ny; b++) {
                        next[k * m + b] += QapInstance.dot(q.inValue, e * de, q.yDense,
                                (b * m + a) * de, de);
                    }
                }
            }
        }

        /**
         * Orders the real nodes of X: first a node of largest degree, then repeatedly the node
         * with the most edges to those already chosen, ties by degree, then by index.
         */
        private int[] branchingOrder() {
            int[] degree = new int[nx];
            for (int i = 0; i < nx; i++) {
                degree[i] = q.outStart[i + 1] - q.outStart[i] + q.inStart[i + 1]
                        - q.inStart[i];
            }
            int[] links = new int[nx];
            boolean[] chosen = new boolean[nx];
            int[] result = new int[nx];
            for (int position = 0; position < nx; position++) {
                int next = -1;
                for (int i = 0; i < nx; i++) {
                    if (!chosen[i] && (next < 0 || links[i] > links[next]
                            || (links[i] == links[next] && degree[i] > degree[next]))) {
                        next = i;
                    }
                }
                chosen[next] = true;
                result[position] = next;
                for (int e = q.outStart[next]; e < q.outStart[next + 1]; e++) {
                    links[q.outNode[e]]++;
                }
                for (int e = q.inStart[next]; e < q.inStart[next + 1]; e++) {
                    links[q.inNode[e]]++;
                }
            }
            return result;
        }

        /** For each of the first {@code n} nodes and channel, the others sorted by value. */
        private int[][][] sortedNeighbours(double[] dense, int n) {
            int[][][] result = new int[n][de][];
            Integer[] others = new Integer[Math.max(0, m - 1)];
            for (int v = 0; v < n; v++) {
                for (int c = 0; c < de; c++) {
                    int count = 0;
                    for (int l = 0; l < m; l++) {
                        if (l != v) {
                            others[count++] = l;
                        }
                    }
                    int row = v;
                    int channel = c;
                    Arrays.sort(others, (l1, l2) -> Double.compare(
                            dense[(row * m + l2) * de + channel],
                            dense[(row * m + l1) * de + channel]));
                    int[] list = new int[count];
                    for (int k = 0; k < count; k++) {
                        list[k] = others[k];
                    }
                    result[v][c] = list;
                }
            }
            return result;
        }
    }
}
