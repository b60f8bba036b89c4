package org.orbifold.diff;

import java.util.Arrays;
import org.orbifold.assign.AssignmentResult;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Decides whether the aligned graph of an optimal alignment is the only optimal one, the
 * condition under which {@link GraphGradients}' gradient is a derivative (see
 * {@link GraphGradient.Uniqueness}).
 *
 * <p>The work is done in the orientation of {@link Argument#FIRST}: the argument
 * differentiated is {@code X} of order {@code n}, the aligned graph of a permutation
 * {@code pi} of size {@code m} is {@code A(pi) = pi . Y} restricted to the first {@code n}
 * positions (node {@code i} is {@code y_pi(i)}, edge {@code (i, j)} is
 * {@code y_pi(i)pi(j)}), since {@code <X, pi . Y>} depends on nothing else. For
 * {@link Argument#SECOND} the pair is swapped and the permutation inverted. Two aligned
 * graphs are equal when their node attributes (if {@code w_node > 0}) and edge attributes (if
 * {@code w_edge > 0}) are equal as doubles; an absent edge and padding count as zeros. The
 * question is whether some permutation whose similarity is within the band
 * {@code TOLERANCE ||X|| ||Y||} (at least {@link Double#MIN_NORMAL}) of the reference's has
 * another aligned graph.
 *
 * <p>Permutations of the largest size the space allows, {@code min(size, |X| + |Y|)},
 * compete, whatever the reference's size: one that sends a real pair of gain 0 to padding
 * has the same value and another aligned graph.
 *
 * <p><b>Without an edge term.</b> When the aligned graph has no edge term (no edge channel,
 * {@code w_edge = 0}, or {@code Y} without edges), the similarity is that of the node
 * assignment problem {@code S[i][a] = w_node <x_i, y_a>}, and the optimal permutations are
 * the perfect matchings of its tight pairs (reduced cost within {@code 1e-9} of the
 * certificate scale, as in {@link AssignmentValue}). Another optimal permutation differs from
 * the solver's {@code p0} by disjoint cycles of the graph on the rows with an arc
 * {@code i -> k} when {@code (i, p0(k))} is tight, and its aligned graph differs exactly when
 * one of its arcs leaves a real row {@code i < n} for a column whose node differs from
 * {@code y_p0(i)}. So the answer is TIED iff such an arc lies in a strongly connected
 * component, decided in {@code O(m^3)} with no budget.
 *
 * <p><b>With edges.</b> A branch and bound over the real nodes of {@code X}, each tried
 * against every free node of {@code Y} but one per class of twins (nodes {@code a},
 * {@code b} of {@code Y} whose transposition is an automorphism of the padded {@code Y}: it
 * maps every branch onto one with the same value and the same aligned graph). The bound at a
 * search node is Gilmore-Lawler-like: the fixed part's value plus one linear assignment over
 * the free nodes of the node gain, the gain of the edges to the fixed nodes, and, for the
 * edges among free nodes charged to their source, the rearrangement bound (both value lists
 * sorted and paired in order). A search node whose bound is below the reference minus the
 * band is pruned; at every search node the bound's own assignment completes the fixed part,
 * and a completion within the band whose aligned graph differs answers TIED. A finished
 * search answers UNIQUE; one that reaches the node budget, UNKNOWN. The per-node cost is
 * {@code O(m^3 d_e)}; orders above {@link #MAX_SEARCH_ORDER} are not searched (UNKNOWN).
 */
final class TieSearch {

    /** Relative width of the tie band, in units of {@code ||X|| ||Y||}. */
    static final double TOLERANCE = 1e-9;

    /** The largest alignment size the branch and bound is run at. */
    static final int MAX_SEARCH_ORDER = 32;

    private TieSearch() {
    }

    /**
     * Returns whether the optimal aligned graph seen by {@code argument} is unique, for a
     * permutation {@code p} that is proven optimal.
     *
     * @param space the graph space
     * @param x the first graph
     * @param y the second graph
     * @param p a certified optimal permutation aligning {@code y} to {@code x}
     * @param argument the argument differentiated
     * @param nodeBudget largest number of search nodes, at least 1
     */
    static GraphGradient.Uniqueness decide(GraphSpace space, Graph x, Graph y, Permutation p,
            Argument argument, long nodeBudget) {
        Graph a = argument == Argument.FIRST ? x : y;
        Graph b = argument == Argument.FIRST ? y : x;
        Permutation reference = argument == Argument.FIRST ? p : p.inverse();
        if (a.order() == 0) {
            return GraphGradient.Uniqueness.UNIQUE; // nothing to differentiate
        }
        // Alignments of every size the space allows compete: one that sends a real pair of
        // gain 0 to padding ties with the reference although its size is larger.
        int size = Math.max(reference.size(), Math.min(space.size(), a.order() + b.order()));
        int[] ref = Arrays.copyOf(reference.toArray(), size);
        for (int k = reference.size(); k < size; k++) {
            ref[k] = k;
        }
        Dense problem = new Dense(space, a, b, size);
        if (!problem.useEdges) { // no edge term in the value nor in the aligned graph
            return problem.decideByAssignment(ref);
        }
        if (problem.m > MAX_SEARCH_ORDER) {
            return GraphGradient.Uniqueness.UNKNOWN;
        }
        return new Search(problem, ref, nodeBudget).run();
    }

    /** The padded attributes of the pair, dense, in the FIRST orientation. */
    static final class Dense {

        final int m;
        final int n;
        final int dv;
        final int de;
        final double wn;
        final double we;
        final boolean useNodes;
        /** Whether the aligned graph has an edge term: an edge channel, weight, edges. */
        final boolean useEdges;
        /** Node attributes, {@code m * dv}; rows of padding are zero. */
        final double[] xn;
        final double[] yn;
        /** Edge attributes, {@code m * m * de}, entry {@code ((i * m + j) * de + c)}. */
        final double[] xe;
        final double[] ye;
        final double band;

        Dense(GraphSpace space, Graph x, Graph y, int m) {
            this.m = m;
            this.n = x.order();
            this.dv = space.nodeDimension();
            this.de = space.edgeDimension();
            this.wn = space.nodeWeight();
            this.we = space.edgeWeight();
            this.useNodes = wn > 0.0 && dv > 0;
            this.useEdges = we > 0.0 && de > 0 && y.edgeCount() > 0;
            this.xn = nodes(x, m, dv);
            this.yn = nodes(y, m, dv);
            this.xe = useEdges ? edges(x, m, de) : new double[0];
            this.ye = useEdges ? edges(y, m, de) : new double[0];
            double scale = Math.sqrt(space.squaredNorm(x)) * Math.sqrt(space.squaredNorm(y));
            this.band = Math.max(TOLERANCE * scale, Double.MIN_NORMAL);
        }

        private static double[] nodes(Graph g, int m, int dv) {
            double[] result = new double[m * dv];
            for (int i = 0; i < g.order(); i++) {
                for (int c = 0; c < dv; c++) {
                    result[i * dv + c] = g.node(i, c);
                }
            }
            return result;
        }

        private static double[] edges(Graph g, int m, int de) {
            double[] result = new double[m * m * de];
            for (int i = 0; i < g.order(); i++) {
                for (int j : g.successors(i)) {
                    for (int c = 0; c < de; c++) {
                        result[(i * m + j) * de + c] = g.edge(i, j, c);
                    }
                }
            }
            return result;
        }

        /** Returns {@code w_node <x_i, y_a>}. */
        double nodeGain(int i, int a) {
            if (!useNodes) {
                return 0.0;
            }
            double sum = 0.0;
            for (int c = 0; c < dv; c++) {
                sum += xn[i * dv + c] * yn[a * dv + c];
            }
            return wn * sum;
        }

        /** Returns {@code w_edge <x_ij, y_ab>}. */
        double edgeGain(int i, int j, int a, int b) {
            if (!useEdges) {
                return 0.0;
            }
            double sum = 0.0;
            int xi = (i * m + j) * de;
            int yi = (a * m + b) * de;
            for (int c = 0; c < de; c++) {
                sum += xe[xi + c] * ye[yi + c];
            }
            return we * sum;
        }

        /** Returns the similarity of a complete assignment. */
        double value(int[] p) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += nodeGain(i, p[i]);
                if (useEdges) {
                    for (int j = 0; j < n; j++) {
                        if (j != i) {
                            sum += edgeGain(i, j, p[i], p[j]);
                        }
                    }
                }
            }
            return sum;
        }

        /** Returns whether nodes {@code a} and {@code b} of {@code Y} are equal. */
        boolean sameNode(int a, int b) {
            if (!useNodes || a == b) {
                return true;
            }
            for (int c = 0; c < dv; c++) {
                if (yn[a * dv + c] != yn[b * dv + c]) {
                    return false;
                }
            }
            return true;
        }

        /** Returns whether edges {@code (a, b)} and {@code (c, d)} of {@code Y} are equal. */
        boolean sameEdge(int a, int b, int c, int d) {
            if (!useEdges) {
                return true;
            }
            int first = (a * m + b) * de;
            int second = (c * m + d) * de;
            for (int k = 0; k < de; k++) {
                if (ye[first + k] != ye[second + k]) {
                    return false;
                }
            }
            return true;
        }

        /** Returns whether two complete assignments have the same aligned graph. */
        boolean sameAlignedGraph(int[] p, int[] q) {
            for (int i = 0; i < n; i++) {
                if (!sameNode(p[i], q[i])) {
                    return false;
                }
            }
            if (useEdges) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i != j && !sameEdge(p[i], p[j], q[i], q[j])) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** Returns whether swapping nodes {@code a} and {@code b} is an automorphism of Y. */
        boolean twins(int a, int b) {
            if (!sameNode(a, b) || !sameEdge(a, b, b, a)) {
                return false;
            }
            for (int c = 0; c < m; c++) {
                if (c != a && c != b
                        && (!sameEdge(a, c, b, c) || !sameEdge(c, a, c, b))) {
                    return false;
                }
            }
            return true;
        }

        /** The decision without an edge term, from the node assignment problem. */
        GraphGradient.Uniqueness decideByAssignment(int[] ref) {
            double[][] s = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int a = 0; a < m; a++) {
                    s[i][a] = nodeGain(i, a);
                }
            }
            AssignmentResult result = new LinearAssignmentSolver().solve(s, Sense.MAXIMIZE);
            int[] p0 = result.rowToColumn();
            double refValue = 0.0;
            for (int i = 0; i < n; i++) {
                refValue += s[i][ref[i]];
            }
            if (refValue < result.value() - band) {
                return GraphGradient.Uniqueness.UNKNOWN; // the reference is not optimal
            }
            if (!sameAlignedGraph(ref, p0)) {
                return GraphGradient.Uniqueness.TIED;
            }
            double zero = AssignmentValue.DEFAULT_TOLERANCE * result.certificateScale(s);
            double[] u = result.rowPotentials();
            double[] v = result.columnPotentials();
            boolean[][] arc = new boolean[m][m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    arc[i][k] = k != i && u[i] + v[p0[k]] - s[i][p0[k]] <= zero;
                }
            }
            int[] component = Components.strong(arc);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < m; k++) {
                    if (arc[i][k] && component[i] == component[k] && !sameNode(p0[i], p0[k])) {
                        return GraphGradient.Uniqueness.TIED;
                    }
                }
            }
            return GraphGradient.Uniqueness.UNIQUE;
        }
    }

    /** Strongly connected components of a graph given by its adjacency matrix. */
    static final class Components {

        private Components() {
        }

        /** Returns a component number for every node (Kosaraju, iterative). */
        static int[] strong(boolean[][] arc) {
            int size = arc.length;
            int[] finish = new int[size];
            int finished = 0;
            boolean[] seen = new boolean[size];
            int[] stack = new int[size];
            int[] next = new int[size];
            for (int root = 0; root < size; root++) {
                if (seen[root]) {
                    continue;
                }
                int depth = 0;
                stack[depth++] = root;
                seen[root] = true;
                next[root] = 0;
                while (depth > 0) {
                    int node = stack[depth - 1];
                    int k = next[node];
                    while (k < size && (!arc[node][k] || seen[k])) {
                        k++;
                    }
                    next[node] = k + 1;
                    if (k < size) {
                        seen[k] = true;
                        next[k] = 0;
                        stack[depth++] = k;
                    } else {
                        finish[finished++] = node;
                        depth--;
                    }
                }
            }
            int[] component = new int[size];
            Arrays.fill(component, -1);
            int count = 0;
            for (int f = size - 1; f >= 0; f--) {
                int root = finish[f];
                if (component[root] >= 0) {
                    continue;
                }
                int depth = 0;
                stack[depth++] = root;
                component[root] = count;
                while (depth > 0) {
                    int node = stack[--depth];
                    for (int k = 0; k < size; k++) {
                        if (arc[k][node] && component[k] < 0) {
                            component[k] = count;
                            stack[depth++] = k;
                        }
                    }
                }
                count++;
            }
            return component;
        }
    }

    /** The branch and bound for graphs with edges. */
    static final class Search {

        private final Dense d;
        private final int m;
        private final int n;
        private final int[] ref;
        private final double threshold;
        private final long budget;
        private final boolean[][] twin;
        private final int[] order;
        private final int[] assign;
        private final boolean[] xFixed;
        private final boolean[] yUsed;
        private final LinearAssignmentSolver solver = new LinearAssignmentSolver();
        long nodes;
        private boolean aborted;
        private boolean tied;

        Search(Dense d, int[] ref, long budget) {
            this.d = d;
            this.m = d.m;
            this.n = d.n;
            this.ref = ref.clone();
            this.threshold = d.value(ref) - d.band;
            this.budget = budget;
            this.twin = new boolean[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    twin[a][b] = d.twins(a, b);
                    twin[b][a] = twin[a][b];
                }
            }
            this.order = branchingOrder();
            this.assign = new int[m];
            Arrays.fill(assign, -1);
            this.xFixed = new boolean[m];
            this.yUsed = new boolean[m];
        }

        /** Real nodes of X by decreasing number of edges (in and out), then by index. */
        private int[] branchingOrder() {
            Integer[] nodesByDegree = new Integer[n];
            int[] degree = new int[n];
            for (int i = 0; i < n; i++) {
                nodesByDegree[i] = i;
                for (int j = 0; j < n; j++) {
                    if (j != i && (hasXEdge(i, j) || hasXEdge(j, i))) {
                        degree[i]++;
                    }
                }
            }
            Arrays.sort(nodesByDegree, (p, q) -> degree[p] != degree[q]
                    ? Integer.compare(degree[q], degree[p]) : Integer.compare(p, q));
            int[] result = new int[n];
            for (int k = 0; k < n; k++) {
                result[k] = nodesByDegree[k];
            }
            return result;
        }

        private boolean hasXEdge(int i, int j) {
            int base = (i * m + j) * d.de;
            for (int c = 0; c < d.de; c++) {
                if (d.xe[base + c] != 0.0) {
                    return true;
                }
            }
            return false;
        }

        GraphGradient.Uniqueness run() {
            explore(0, 0.0);
            if (tied) {
                return GraphGradient.Uniqueness.TIED;
            }
            return aborted ? GraphGradient.Uniqueness.UNKNOWN : GraphGradient.Uniqueness.UNIQUE;
        }

        private void explore(int depth, double fixedValue) {
            if (tied || aborted) {
                return;
            }
            if (nodes >= budget) {
                aborted = true;
                return;
            }
            nodes++;
            int r = m - depth;
            int[] freeX = new int[r];
            int[] freeY = new int[r];
            for (int v = 0, s = 0, t = 0; v < m; v++) {
                if (!xFixed[v]) {
                    freeX[s++] = v;
                }
                if (!yUsed[v]) {
                    freeY[t++] = v;
                }
            }
            double[] gains = boundMatrix(freeX, freeY);
            int[] columns = new int[r];
            double bound = fixedValue + solver.solveSquare(gains, r, Sense.MAXIMIZE, columns);
            if (bound < threshold) {
                return;
            }
            int[] completion = assign.clone();
            for (int row = 0; row < r; row++) {
                completion[freeX[row]] = freeY[columns[row]];
            }
            if (d.value(completion) >= threshold && !d.sameAlignedGraph(completion, ref)) {
                tied = true;
                return;
            }
            if (depth == n) {
                return;
            }
            int i = order[depth];
            int row = Arrays.binarySearch(freeX, i);
            Integer[] candidates = new Integer[r];
            for (int k = 0; k < r; k++) {
                candidates[k] = k;
            }
            Arrays.sort(candidates, (p, q) -> Double.compare(gains[row * r + q],
                    gains[row * r + p]));
            boolean[] tried = new boolean[m];
            for (int k = 0; k < r && !tied && !aborted; k++) {
                int a = freeY[candidates[k]];
                if (twinOfTried(a, tried)) {
                    continue;
                }
                tried[a] = true;
                double gain = d.nodeGain(i, a);
                for (int j = 0; j < n; j++) {
                    if (xFixed[j]) {
                        gain += d.edgeGain(i, j, a, assign[j]) + d.edgeGain(j, i, assign[j], a);
                    }
                }
                assign[i] = a;
                xFixed[i] = true;
                yUsed[a] = true;
                explore(depth + 1, fixedValue + gain);
                assign[i] = -1;
                xFixed[i] = false;
                yUsed[a] = false;
            }
        }

        private boolean twinOfTried(int a, boolean[] tried) {
            for (int b = 0; b < m; b++) {
                if (tried[b] && twin[a][b]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Returns the {@code r x r} gains of the free nodes, row-major: node gain, gain of
         * the edges to the fixed nodes, and the rearrangement bound of the edges to the other
         * free nodes (of real nodes of X only; padding rows are zero).
         */
        private double[] boundMatrix(int[] freeX, int[] freeY) {
            int r = freeX.length;
            int de = d.de;
            double[][] xSorted = new double[r * de][];
            double[][] ySorted = new double[r * de][];
            for (int c = 0; c < de; c++) {
                for (int row = 0; row < r; row++) {
                    xSorted[row * de + c] = sorted(d.xe, freeX, row, c);
                    ySorted[row * de + c] = sorted(d.ye, freeY, row, c);
                }
            }
            double[] gains = new double[r * r];
            for (int row = 0; row < r; row++) {
                int i = freeX[row];
                if (i >= n) {
                    continue;
                }
                for (int col = 0; col < r; col++) {
                    int a = freeY[col];
                    double gain = d.nodeGain(i, a);
                    for (int j = 0; j < n; j++) {
                        if (xFixed[j]) {
                            gain += d.edgeGain(i, j, a, assign[j])
                                    + d.edgeGain(j, i, assign[j], a);
                        }
                    }
                    double free = 0.0;
                    for (int c = 0; c < de; c++) {
                        double[] xs = xSorted[row * de + c];
                        double[] ys = ySorted[col * de + c];
                        for (int t = 0; t < xs.length; t++) {
                            free += xs[t] * ys[t];
                        }
                    }
                    gains[row * r + col] = gain + d.we * free;
                }
            }
            return gains;
        }

        /**
         * The values {@code e[v][w][c]} for the free {@code w != v}, in increasing order: two
         * such lists multiplied index by index give the largest sum of products of any pairing
         * (the rearrangement inequality).
         */
        private double[] sorted(double[] e, int[] free, int row, int c) {
            int v = free[row];
            double[] values = new double[free.length - 1];
            for (int k = 0, t = 0; k < free.length; k++) {
                if (k != row) {
                    values[t++] = e[(v * m + free[k]) * d.de + c];
                }
            }
            Arrays.sort(values);
            return values;
        }
    }
}
