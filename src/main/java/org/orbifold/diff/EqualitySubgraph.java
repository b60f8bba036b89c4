package org.orbifold.diff;

import org.orbifold.assign.AssignmentResult;

/**
 * Decides whether an optimal linear assignment is the only one, from its dual certificate.
 *
 * <p>Work in the frame where the shorter side are the "rows" (transposing otherwise) and the
 * problem is a minimisation (negating otherwise): reduced costs {@code r_ij = C_ij - u_i - v_j
 * >= 0}, {@code v_j <= 0} on every column and {@code v_j = 0} on the free ones. Another
 * assignment {@code P'} costs {@code value + sum_{P'} r - sum_{columns unused by P'} v}, so it
 * is optimal iff it uses only tight pairs ({@code r = 0}) and leaves unused only columns with
 * {@code v = 0}. The symmetric difference of two such assignments is a union of alternating
 * cycles and of alternating paths from a free column to a released column. In the directed
 * graph on the rows plus a node {@code F} ("free column"), with arcs {@code i -> k} when row
 * {@code i} can take row {@code k}'s column at zero reduced cost, {@code i -> F} when row
 * {@code i} can take a free column, and {@code F -> k} when row {@code k}'s column has
 * {@code v = 0}, each such component is a cycle, and each cycle yields one. So the optimum is
 * unique iff that graph is acyclic.
 *
 * <p><b>Scale of the zero test.</b> A reduced cost counts as zero when it is at most {@code
 * tolerance * scale}, {@code scale} the largest magnitude among the chosen entries and the
 * potentials, not among all entries: {@link AssignmentResult#certificateScale}, the scale of
 * the certificate check too. A pair can be tight only if its entry is within rounding of
 * {@code u_i + v_j}, so only the chosen entries and the potentials enter the reduced costs
 * that decide ties, and their rounding error is of the order of the unit roundoff times that
 * scale (the solver's search only ever lowers column potentials, so a large intermediate
 * value leaves a large potential behind; when its potentials exceed twice the largest chosen
 * entry, the solver recomputes them from the assignment, summing only entries of the
 * shortest paths). A huge entry that is never chosen, such as a row of {@code 1e12} next to a
 * problem of small integers, therefore no longer widens the tie band, unless it is better
 * than the chosen entry of its row (kept out of every optimum by forbidden pairs), which
 * every certificate must reflect with potentials of its size (see {@link
 * org.orbifold.assign.LinearAssignmentSolver}, Potentials). This is an argument, not a
 * proof: the search's error is bounded by the entries its intermediate sums touch, and the
 * claim is that such an entry either stays out of every tight pair or leaves a potential of
 * its size ({@link org.orbifold.assign.LinearAssignmentSolver}'s Limitations sketch it).
 * {@code AssignmentValueTest} checks the flag against enumeration on small integer problems
 * with huge rows and columns, and, counting ties in exact decimal arithmetic, with huge
 * entries of full mantissa that round in the solver's sums (there a band of zero width does
 * call a tied optimum unique, so the tolerance is needed).
 */
final class EqualitySubgraph {

    private EqualitySubgraph() {
    }

    /**
     * Returns whether {@code matrix} has an optimal assignment other than {@code result}'s.
     */
    static boolean hasAlternativeOptimum(double[][] matrix, AssignmentResult result,
            double tolerance) {
        int n = result.rows();
        int m = result.columns();
        boolean transposed = n > m;
        int r = transposed ? m : n;
        int c = transposed ? n : m;
        double s = result.sense().sign();
        double[] u = transposed ? result.columnPotentials() : result.rowPotentials();
        double[] v = transposed ? result.rowPotentials() : result.columnPotentials();
        int[] rowMate = transposed ? result.columnToRow() : result.rowToColumn();
        int[] columnMate = transposed ? result.rowToColumn() : result.columnToRow();

        // Scale of the zero test: the chosen entries and the potentials, as in isCertified.
        double zero = tolerance * result.certificateScale(matrix);

        // Tight pairs in the minimising r x c frame.
        boolean[][] tight = new boolean[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double entry = transposed ? matrix[j][i] : matrix[i][j];
                tight[i][j] = Double.isFinite(entry) && s * (entry - u[i] - v[j]) <= zero;
            }
        }
        boolean[] releasable = new boolean[c];
        for (int j = 0; j < c; j++) {
            releasable[j] = Math.abs(v[j]) <= zero;
        }
        return hasCycle(tight, releasable, rowMate, columnMate, r, c);
    }

    /**
     * Depth-first search for a cycle in the row graph described in the class comment; node
     * {@code r} is the free-column node {@code F}. Iterative, so deep graphs cannot overflow
     * the stack.
     */
    private static boolean hasCycle(boolean[][] tight, boolean[] releasable, int[] rowMate,
            int[] columnMate, int r, int c) {
        final int unvisited = 0;
        final int onStack = 1;
        final int done = 2;
        int nodes = r + 1;
        int[] state = new int[nodes];
        int[] next = new int[nodes];
        int[] stack = new int[nodes];
        for (int root = 0; root < nodes; root++) {
            if (state[root] != unvisited) {
                continue;
            }
            int depth = 0;
            stack[depth++] = root;
            state[root] = onStack;
            while (depth > 0) {
                int node = stack[depth - 1];
                int successor = nextSuccessor(node, next, tight, releasable, rowMate,
                        columnMate, r, c);
                if (successor < 0) {
                    state[node] = done;
                    depth--;
                } else if (state[successor] == onStack) {
                    return true;
                } else if (state[successor] == unvisited) {
                    state[successor] = onStack;
                    stack[depth++] = successor;
                }
            }
        }
        return false;
    }

    /** Advances {@code next[node]} to the node's next successor and returns it, or -1. */
    private static int nextSuccessor(int node, int[] next, boolean[][] tight,
            boolean[] releasable, int[] rowMate, int[] columnMate, int r, int c) {
        if (node == r) {
            while (next[node] < r) {
                int k = next[node]++;
                if (releasable[rowMate[k]]) {
                    return k;
                }
            }
            return -1;
        }
        while (next[node] < c) {
            int j = next[node]++;
            if (!tight[node][j] || j == rowMate[node]) {
                continue;
            }
            return columnMate[j] < 0 ? r : columnMate[j];
        }
        return -1;
    }
}
