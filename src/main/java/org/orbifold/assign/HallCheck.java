package org.orbifold.assign;

import java.util.Arrays;

/**
 * Feasibility test for an assignment with forbidden entries: a maximum-cardinality matching of
 * the bipartite graph of allowed entries, by the algorithm of Hopcroft and Karp (1973), "An
 * n^{5/2} algorithm for maximum matchings in bipartite graphs", SIAM J. Comput. 2(4):225-231,
 * doi:10.1137/0202019. All {@code r} rows can be assigned iff the matching has size {@code r}
 * (Hall's condition); if not, the last breadth-first search names a set of rows with too few
 * allowed columns.
 *
 * <p>The matrix is a flat row-major {@code r x c} array of costs to be minimised, with
 * {@code +Infinity} for a forbidden pair. Work arrays are kept between calls, so repeated
 * calls of the same size allocate nothing. Not thread-safe.
 */
final class HallCheck {

    private static final int UNREACHED = Integer.MAX_VALUE;
    private static final int MAX_NAMED_ROWS = 10;

    private int[] rowMate = new int[0];
    private int[] columnMate = new int[0];
    private int[] layer = new int[0];
    private int[] queue = new int[0];
    private int[] stack = new int[0];
    private int[] via = new int[0];
    private int[] nextColumn = new int[0];

    /**
     * Throws if not every row of {@code cost} can get its own allowed column.
     *
     * @param cost flat row-major costs; {@code +Infinity} is forbidden
     * @param r number of rows, at most {@code c}
     * @param c number of columns
     * @param rowWord what the caller calls a row ("row" or "column", after a transpose)
     * @param columnWord what the caller calls a column
     * @throws InfeasibleAssignmentException if Hall's condition fails
     */
    void requireFeasible(double[] cost, int r, int c, String rowWord, String columnWord) {
        ensureCapacity(r, c);
        Arrays.fill(rowMate, 0, r, -1);
        Arrays.fill(columnMate, 0, c, -1);

        // Greedy start: each row takes its first free allowed column.
        int matched = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0, base = i * c; j < c; j++) {
                if (cost[base + j] != Double.POSITIVE_INFINITY && columnMate[j] < 0) {
                    rowMate[i] = j;
                    columnMate[j] = i;
                    matched++;
                    break;
                }
            }
        }

        // Phases: layer the rows by shortest alternating paths, then augment along them.
        while (matched < r && layerRows(cost, r, c)) {
            for (int i = 0; i < r; i++) {
                if (rowMate[i] < 0 && augmentFrom(cost, c, i)) {
                    matched++;
                }
            }
        }
        if (matched < r) {
            throw new InfeasibleAssignmentException(describeHallViolation(cost, r, c, matched,
                    rowWord, columnWord));
        }
    }

    /** Breadth-first layering from the free rows; returns whether a free column is reachable. */
    private boolean layerRows(double[] cost, int r, int c) {
        int head = 0;
        int tail = 0;
        for (int i = 0; i < r; i++) {
            if (rowMate[i] < 0) {
                layer[i] = 0;
                queue[tail++] = i;
            } else {
                layer[i] = UNREACHED;
            }
        }
        int freeColumnLayer = UNREACHED;
        while (head < tail) {
            int i = queue[head++];
            if (layer[i] >= freeColumnLayer) {
                continue;
            }
            for (int j = 0, base = i * c; j < c; j++) {
                if (cost[base + j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int mate = columnMate[j];
                if (mate < 0) {
                    freeColumnLayer = Math.min(freeColumnLayer, layer[i] + 1);
                } else if (layer[mate] == UNREACHED) {
                    layer[mate] = layer[i] + 1;
                    queue[tail++] = mate;
                }
            }
        }
        return freeColumnLayer != UNREACHED;
    }

    /** Iterative depth-first search along the layers from a free row; augments on success. */
    private boolean augmentFrom(double[] cost, int c, int root) {
        int top = 0;
        stack[0] = root;
        nextColumn[root] = 0;
        while (top >= 0) {
            int i = stack[top];
            int base = i * c;
            boolean descended = false;
            while (nextColumn[i] < c) {
                int j = nextColumn[i]++;
                if (cost[base + j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int mate = columnMate[j];
                if (mate < 0) {
                    via[top] = j;
                    for (int k = 0; k <= top; k++) {
                        rowMate[stack[k]] = via[k];
                        columnMate[via[k]] = stack[k];
                    }
                    return true;
                }
                if (layer[mate] == layer[i] + 1) {
                    via[top] = j;
                    stack[++top] = mate;
                    nextColumn[mate] = 0;
                    descended = true;
                    break;
                }
            }
            if (!descended) {
                layer[i] = UNREACHED;
                top--;
            }
        }
        return false;
    }

    /**
     * After a failed search, the rows reachable from the free rows by alternating paths have
     * all their allowed columns matched among themselves: a set violating Hall's condition.
     */
    private String describeHallViolation(double[] cost, int r, int c, int matched,
            String rowWord, String columnWord) {
        layerRows(cost, r, c);
        StringBuilder rows = new StringBuilder();
        int count = 0;
        for (int i = 0; i < r; i++) {
            if (layer[i] != UNREACHED) {
                if (count < MAX_NAMED_ROWS) {
                    rows.append(count == 0 ? "" : ", ").append(i);
                } else if (count == MAX_NAMED_ROWS) {
                    rows.append(", ...");
                }
                count++;
            }
        }
        int partners = count - (r - matched);
        return "no complete assignment avoids the forbidden entries: " + plural(count, rowWord)
                + " {" + rows + "} " + (count == 1 ? "has" : "have")
                + " allowed entries in only " + plural(partners, columnWord) + ", so at most "
                + matched + " of the " + plural(r, rowWord) + " can be assigned";
    }

    private static String plural(int count, String word) {
        return count + " " + (count == 1 ? word : word + "s");
    }

    private void ensureCapacity(int r, int c) {
        if (rowMate.length < r) {
            rowMate = new int[r];
            layer = new int[r];
            queue = new int[r];
            stack = new int[r];
            via = new int[r];
            nextColumn = new int[r];
        }
        if (columnMate.length < c) {
            columnMate = new int[c];
        }
    }
}
