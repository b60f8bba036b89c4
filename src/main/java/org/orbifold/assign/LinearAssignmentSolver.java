package org.orbifold.assign;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exact solver of the linear assignment problem: given an {@code n x m} matrix {@code C}, find
 * an assignment {@code pi} of rows to distinct columns (of every row if {@code n <= m}, of
 * every column otherwise) that minimises or maximises {@code sum_i C[i][pi(i)]}.
 *
 * <p><b>Algorithm.</b> Shortest augmenting paths with dual potentials, in the form of Jonker
 * and Volgenant (1987), "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38:325-340, doi:10.1007/BF02278710, extended to rectangular
 * matrices as in Crouse (2016), "On implementing 2D rectangular assignment algorithms", IEEE
 * Trans. Aerospace and Electronic Systems 52(4):1679-1696, doi:10.1109/TAES.2016.140952.
 * Internally the problem is always a minimisation of an {@code r x c} matrix with
 * {@code r <= c} (maximisation negates the entries, more rows than columns transposes). Column
 * potentials {@code v} are kept explicitly and a row's potential is implicit,
 * {@code u_i = min_j (C_ij - v_j)}, attained at the row's column. Then:
 * <ol>
 *   <li><i>Initialisation</i>: for a square matrix, column reduction
 *       {@code v_j = min_i C_ij}, reduction transfer, and two passes of augmenting row
 *       reduction, which together assign most rows cheaply; for a rectangular matrix only the
 *       two passes of augmenting row reduction, from {@code v = 0} (column reduction would
 *       give unassigned columns a non-zero potential, which the certificate forbids); on
 *       adapting the Jonker-Volgenant initialisation to rectangular matrices see Bijsterbosch
 *       and Volgenant (2010), "Solving the rectangular assignment problem and applications",
 *       Annals of Operations Research 181:443-462.</li>
 *   <li><i>Augmentation</i>, for every row still free: Dijkstra's algorithm on the reduced
 *       costs {@code C_ij - u_i - v_j >= 0} finds a shortest alternating path to a free column
 *       at distance {@code D}; every column settled at a distance {@code d_j < D} has its
 *       potential lowered by {@code D - d_j}, which keeps every reduced cost non-negative and
 *       those on the path zero, and the path is flipped.</li>
 * </ol>
 * Columns at the same minimal distance are gathered into one group and scanned without a new
 * minimum search; a free column reached at that distance ends the search at once. This is
 * what keeps costs with many ties, such as small integers, fast.
 *
 * <p><b>Huge lines.</b> Before the search, every row of the internal frame (all of which are
 * assigned) that is nearly constant, its finite entries in {@code [s_i, s_i + |s_i| / 1024]}
 * for its minimum {@code s_i != 0}, has {@code s_i} subtracted from its entries; for a square
 * matrix the columns are treated the same way, their minima {@code t_j} found on the matrix as
 * given. The entries of such a line are within a factor 2 of each other, so by Sterbenz's
 * lemma each difference is exact;
 * where a reduced row crosses a reduced column the column keeps its offset only if the second
 * difference is exact too. Every assignment's value therefore changes by the same
 * {@code sum(s) + sum(t)}, exactly, and the optimal assignments are unchanged. This matters for
 * a constant huge line, such as a padding row of {@code 1e15}: unreduced, its entries less the
 * column potentials round to multiples of its unit roundoff, and with {@code {{1e15, 1e15},
 * {0.54, 0.49}}} the search took 0.54 for the second row; reduced, the line is 0 and the rest
 * of the matrix is solved at its own scale. Finding the lines stops at the first entry of a
 * line that differs from its first finite entry by more than {@code 1/512} of it, so an
 * ordinary line costs two reads; a matrix with such a line is copied first (see Complexity).
 * The bound {@code 1/1024} keeps lines with real variation as they were (exact subtraction
 * would allow any line within a factor 2, but on small ordinary matrices that reduced many
 * lines, changed which tied optimum was returned and cost up to half the time of a
 * {@code 5 x 5} solve), while a line that is unreduced for exceeding it loses at most ten bits
 * of its own variation to rounding, not all of it. Afterwards the
 * offsets are added back, exactly, and moved into the potentials ({@code u_i} takes
 * {@code s_i}, {@code v_j} takes {@code t_j}), so the certificate is that of the caller's
 * matrix. A line on the longer side of a rectangular matrix is not reduced: it need not be
 * assigned, so an offset would favour or penalise the assignments that use it (see
 * Limitations).
 *
 * <p><b>Complexity.</b> {@code O(r^2 c)} time in the worst case ({@code O(n^3)} for a square
 * matrix), usually much less after the initialisation; {@code O(r c)} memory, which is the
 * copy of the matrix that {@link #solve} makes (not {@link #solveSquare} when minimising, nor
 * {@link #solveRectangular} when minimising a contiguous block with no more rows than
 * columns, unless a line is reduced as in "Huge lines", which needs the copy).
 *
 * <p><b>Forbidden pairs and input rules.</b> {@code +Infinity} marks a forbidden pair when
 * minimising, {@code -Infinity} when maximising. Before optimising, if any pair is forbidden,
 * a Hopcroft-Karp matching checks Hall's condition and throws
 * {@link InfeasibleAssignmentException} naming a violating set of rows, so the search never
 * runs without an answer. {@code NaN}, the opposite infinity (which would make the optimum
 * unbounded), finite entries larger in magnitude than {@link #MAX_MAGNITUDE} (whose
 * differences could overflow) and ragged rows are rejected with the row and column named.
 * Negative entries are fine; no "big M" is substituted anywhere.
 *
 * <p><b>Ties.</b> The result depends only on the matrix and the sense, never on earlier calls
 * or on timing. When several assignments are optimal, the one returned follows fixed rules:
 * the lowest row index wins a column minimum during column reduction, the lowest column index
 * wins the smallest reduced cost of a row during row reduction and among the free columns of
 * a newly formed distance group, and otherwise columns are examined in a fixed order that
 * starts at increasing column index. These rules apply to the matrix after the reductions of
 * "Huge lines", so a matrix with such lines (for instance a constant row of small integers)
 * may get another of its tied optima than before they were introduced (2026-12-06). The
 * result is not promised to be, say, the lexicographically smallest optimal assignment.
 *
 * <p><b>Certificate.</b> Every result carries dual potentials with which
 * {@link AssignmentResult#isCertified(double[][], double)} proves optimality; see
 * {@link AssignmentResult} for exactly what holds, including the sign conditions of the
 * rectangular case. The potentials are reported in the caller's sense: when maximising they
 * are the negated potentials of the negated matrix, so then {@code C_ij - u_i - v_j <= 0}.
 *
 * <p><b>Potentials.</b> What follows concerns the caller's matrix: the search's potentials are
 * first moved back by the offsets of "Huge lines". The search's own potentials can carry a
 * huge entry that is never chosen:
 * row reduction lowers the column a row takes by the gap to the row's second smallest reduced cost,
 * which may be such an entry (for {@code {{1e12, 3}}} they are {@code u = {1e12}}, {@code v = {0,
 * 3 - 1e12}}, a valid certificate that also passes for {@code {{1e12, 1}}}). Every certificate's
 * scale is at least the largest magnitude of a chosen entry; when the search's potentials exceed
 * twice that, {@link #solve} replaces them by potentials computed from the optimal assignment alone
 * (otherwise they are kept, within a factor 2 of the smallest scale possible). In the internal
 * frame (minimising {@code a}, {@code r <= c}, row {@code i} assigned to column {@code p(i)}),
 * every assigned column {@code k}, whose row is {@code i}, has an arc {@code k -> j} to every other
 * assigned column {@code j} with {@code a_ij} finite, of length {@code a_ij - a_ik} (the change if
 * row {@code i} moved from {@code k} to {@code j}), and a virtual source reaches every assigned
 * column at length 0. The new potentials are {@code v_j = d_j}, the distance from the source, for
 * an assigned column, {@code v_j = 0} for a free one, and {@code u_i = a_ip(i) - v_p(i)}. They
 * satisfy the three conditions of {@link AssignmentResult} (in exact arithmetic): no cycle is
 * negative, since moving the rows around it would give a cheaper assignment, so the distances exist
 * and {@code d_j <= 0}. (1) Between assigned columns, {@code a_ij - u_i - v_j = d_k + (a_ij - a_ik)
 * - d_j >= 0} is the triangle inequality; for a free column {@code f}, {@code a_if - u_i - v_f =
 * d_k + (a_if - a_ik)} is the length of a walk from the source to {@code f}, which is a path plus
 * cycles, and the path's length is what moving its rows one step along it would cost (its first
 * column is freed, {@code f} taken), so not negative; the chosen pairs are tight by the definition
 * of {@code u}. (2) {@code sum(u) + sum(v) = value +} the sum over the free columns of {@code v_j},
 * which is 0. (3) {@code v_j <= 0} through the source's arcs, and {@code v_j = 0} on the free
 * columns (a square matrix needs neither). They are the largest potentials with (1) and (3), so at
 * least the search's, less their maximum. <i>Bound.</i> Let {@code g_i = a_ip(i) - min_j a_ij >=
 * 0}, how much row {@code i} would gain by its best allowed entry, and {@code G = sum_i g_i}. A
 * shortest path can be taken simple, and every prefix of it is of length {@code <= 0} (else it
 * would start later), so {@code |d_j|} is at most the sum of its negative arc lengths, {@code (a_ik
 * - a_ij)^+ <= g_i} for the arc of row {@code i}: {@code |v_j| <= G} and {@code |u_i| <= |a_ip(i)|
 * + G}. An entry worse than the chosen entry of its row (in the caller's terms: of its line of the
 * shorter side) enters neither, however large. Conversely every certificate has {@code v_p(i) - v_j
 * >= a_ip(i) - a_ij}, so its scale is at least {@code max_i g_i / 2}, and the new scale is within a
 * factor {@code 2r + 1} of the smallest any certificate can have. So is every result's: its scale
 * is at most {@code max(2 x, x + G)}, with {@code x} the largest chosen entry in magnitude.
 * <i>Computation.</i> Dijkstra's algorithm over the assigned columns, settled in the order of
 * {@code d_j} minus the search's potential (the arc lengths plus the search's potentials are its
 * reduced costs, non-negative), adding up only the arcs' own lengths, so that no large potential of
 * the search enters; then sweeps over all arcs lower any distance that rounding in that order left
 * too high, until none changes, so that afterwards every arc between assigned columns satisfies the
 * triangle inequality as computed. That is {@code O(r^2)} time, two reads of the assigned columns
 * of every row, next to the solve's {@code O(r c)} at least; at {@code n = 1000} it cost 2 to 3.5
 * ms against a solve of 3 to 15 ms (docs/performance.md), hence the test that skips it when the
 * search's potentials are already small. {@link #solveSquare} and {@link #solveRectangular} return
 * no potentials and never run it. If {@code r + 1} sweeps do not settle, or a distance is not
 * finite (possible only through rounding or overflow), the search's potentials are kept.
 *
 * <p><b>Thread-safety.</b> An instance owns work arrays that it reuses, so it is not
 * thread-safe: use one instance per thread. Once a call of order {@code n} has grown the work
 * arrays (and one with forbidden entries has grown those of the feasibility check, if such
 * calls occur), {@link #solveSquare} of order at most {@code n} allocates nothing, and so
 * does {@link #solveRectangular} with at most {@code n} rows and columns once a call that
 * copies the matrix (maximising, a transposed or strided block) has grown the copy; a
 * minimising call on a matrix with a line to reduce ("Huge lines") also copies it, and may
 * so grow the copy once. The static
 * methods {@link #minimize(double[][])} and {@link #maximize(double[][])} use a fresh instance
 * and are safe to call from any thread.
 *
 * <p><b>Limitations.</b> The search compares floating-point distances exactly, without a tolerance.
 * That is safe (every step settles a column, so rounding cannot make it loop, and row reduction has
 * a step budget), but rounding can leave reduced costs slightly negative, of the order of the unit
 * roundoff times {@code n} times the magnitudes the search combines; the certificate is therefore
 * checked with a tolerance relative to {@link AssignmentResult#certificateScale(double[][])}, the
 * largest chosen entry or potential, and an optimum may be beaten by that much by a tied
 * alternative. The search's own potentials can carry a huge entry that is never chosen (see
 * Potentials), so its rounding, and with it the choice between assignments whose values differ by
 * less than the unit roundoff times that entry, is not bounded by the scale of the returned
 * certificate. Should that make the assignment miss the optimum by more than the rounding of the
 * small entries, either a negative cycle among the assigned columns keeps the sweeps from settling,
 * and the search's potentials are returned, which certify the result only as tightly as their own
 * scale allows, or a cheaper path leads to a free column, and the returned certificate fails the
 * check at its small scale (the result is then refused, not passed loosely). Neither was seen in
 * the tests. A huge
 * entry better than the chosen entry of its row (possible when forbidden pairs or the other rows
 * keep it out of every optimum, as in {@code {{0, -1e12}, {inf, 0}}}) must enter every certificate,
 * at least half of it, and so widens the scale and the tie band of {@code
 * org.orbifold.diff.AssignmentValue}. Between assigned columns the recomputed potentials pass the
 * check as computed, up to the rounding of one sum per pair; towards free columns this is argued
 * (they hold in exact arithmetic) and tested, not proved. {@code CertificateScaleTest} checks every
 * result at tolerance {@code 1e-12} on random problems with entries from {@code 1e-300} to {@code
 * 1e300}, mixed magnitudes, forbidden pairs, and huge rows or columns that are never chosen
 * (docs/algorithms.md gives the largest violation measured). The reductions of "Huge lines"
 * cover a huge line that is constant (or nearly, as defined there) on the shorter side
 * of the matrix, or either side of a square one, and a constant row and column of the same
 * value; {@code HugeLineTest} finds the exact optimum (by exact sums over all assignments) in
 * all such cases tried, with one or two lines from {@code 1e12} to {@code 1e300}. Not covered,
 * so that assignments whose exact values differ by less than about the unit roundoff times the
 * huge entries may still be confused (as they are by SciPy's {@code linear_sum_assignment},
 * which fails more of them, docs/matching.md): a huge line on the longer side of a rectangular
 * matrix that optimal assignments must use (a column of {@code -1e15} in a wide matrix being
 * minimised; one that no optimum needs is harmless), and lines that are not nearly constant,
 * such as a huge row that crosses a huge column of the other sign, or a row of {@code 1e15}
 * and {@code 2e15}. Dense input only: a sparse
 * matrix with many forbidden entries still costs {@code O(r c)} per augmentation step.
 * Rectangular matrices get augmenting row reduction but no column reduction, so on very
 * elongated matrices ({@code c >> r}) the work per free row stays {@code O(c)} even where most
 * columns could never be chosen.
 */
public final class LinearAssignmentSolver {

    /**
     * The largest magnitude accepted for a finite entry, {@code 1e300}. Potentials are sums and
     * differences of up to {@code 2n} entries, so larger entries could overflow to infinity.
     */
    public static final double MAX_MAGNITUDE = 1e300;

    /**
     * {@link #solve} recomputes the search's potentials from the assignment when they exceed
     * this multiple of the largest chosen entry in magnitude (see "Potentials").
     */
    private static final double POTENTIAL_RECOMPUTATION_FACTOR = 2;

    /**
     * A line is reduced ("Huge lines") when its finite entries lie within this fraction of
     * their minimum's magnitude above it.
     */
    private static final double NEAR_CONSTANT = 0x1p-10;

    /** Bound on the difference of two entries of a reduced line, relative to either. */
    private static final double NEAR_CONSTANT_FILTER = 0x1p-9;

    /** Bound on augmenting row reduction steps per pass, as a multiple of the order. */
    private static final int ROW_REDUCTION_STEPS_PER_ROW = 8;

    private final HallCheck hallCheck = new HallCheck();

    /** Sense-adjusted flat copy of the matrix, when the caller's cannot be used directly. */
    private double[] cost = new double[0];
    /** Column potentials {@code v}. */
    private double[] v = new double[0];
    /** Shortest-path distances to the columns. */
    private double[] distance = new double[0];
    /** Row before each column on the shortest-path tree. */
    private int[] predecessor = new int[0];
    /** Column order of the search: settled, then the current minimum group, then the rest. */
    private int[] columns = new int[0];
    /** Column assigned to each row, or -1. */
    private int[] rowMate = new int[0];
    /** Row assigned to each column, or -1. */
    private int[] columnMate = new int[0];
    /** Free rows awaiting augmentation. */
    private int[] freeRows = new int[0];
    /** Per-row counts used by column reduction. */
    private int[] minimumCount = new int[0];
    /** Amount subtracted from each row of the internal frame before the search, or 0. */
    private double[] rowOffset = new double[0];
    /** Amount subtracted from each column of a square internal frame, or 0. */
    private double[] columnOffset = new double[0];
    /** Whether the last {@link #subtractLineOffsets} subtracted any offset. */
    private boolean offsetsApplied;

    /** Creates a solver with empty work arrays; they grow on first use. */
    public LinearAssignmentSolver() {
        // Work arrays are allocated lazily by ensureCapacity.
    }

    /**
     * Solves the linear assignment problem of a fresh instance, minimising.
     *
     * @param matrix an {@code n x m} matrix; not modified
     * @return an optimal assignment with its certificate
     * @throws NullPointerException if {@code matrix} or one of its rows is null
     * @throws IllegalArgumentException if the rows differ in length, the matrix has more than
     *     {@link Integer#MAX_VALUE} entries, or an entry is NaN, {@code -Infinity}, or
     *     finite beyond {@link #MAX_MAGNITUDE} (the message names the row or the entry)
     * @throws InfeasibleAssignmentException if the forbidden entries ({@code +Infinity}) leave no
     *     complete assignment
     * @see #solve(double[][], Sense)
     */
    public static AssignmentResult minimize(double[][] matrix) {
        return new LinearAssignmentSolver().solve(matrix, Sense.MINIMIZE);
    }

    /**
     * Solves the linear assignment problem of a fresh instance, maximising.
     *
     * @param matrix an {@code n x m} matrix; not modified
     * @return an optimal assignment with its certificate
     * @throws NullPointerException if {@code matrix} or one of its rows is null
     * @throws IllegalArgumentException if the rows differ in length, the matrix has more than
     *     {@link Integer#MAX_VALUE} entries, or an entry is NaN, {@code +Infinity}, or
     *     finite beyond {@link #MAX_MAGNITUDE} (the message names the row or the entry)
     * @throws InfeasibleAssignmentException if the forbidden entries ({@code -Infinity}) leave no
     *     complete assignment
     * @see #solve(double[][], Sense)
     */
    public static AssignmentResult maximize(double[][] matrix) {
        return new LinearAssignmentSolver().solve(matrix, Sense.MAXIMIZE);
    }

    /**
     * Solves the linear assignment problem of an {@code n x m} matrix.
     *
     * <p>If {@code n <= m} every row is assigned to a distinct column; otherwise every column
     * is assigned to a distinct row. Unassigned rows or columns get {@code -1}. A matrix
     * without entries ({@code n x 0}, or no rows at all, which counts as {@code 0 x 0}) gives
     * the empty assignment with value 0 and zero potentials.
     *
     * @param matrix the entries, one array per row, all of the same length; not modified, not
     *     retained
     * @param sense whether to minimise or maximise the sum of the chosen entries
     * @return an optimal assignment, its value in the caller's sense, and dual potentials
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the rows differ in length, the matrix has more than
     *     {@link Integer#MAX_VALUE} entries, or an entry is NaN, an infinity of the wrong sign,
     *     or finite beyond {@link #MAX_MAGNITUDE}
     * @throws InfeasibleAssignmentException if the forbidden entries leave no complete
     *     assignment
     */
    public AssignmentResult solve(double[][] matrix, Sense sense) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(sense, "sense");
        int n = matrix.length;
        int m = n == 0 ? 0 : requireRow(matrix, 0).length;
        for (int i = 1; i < n; i++) {
            if (requireRow(matrix, i).length != m) {
                throw new IllegalArgumentException("matrix is ragged: row " + i + " has "
                        + count(matrix[i].length, "entry", "entries") + ", row 0 has " + m);
            }
        }

        // Reduce to minimising an r x c matrix with r <= c.
        long entries = (long) n * m;
        if (entries > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matrix has " + count(n, "row", "rows") + " of "
                    + count(m, "column", "columns") + ", " + entries + " entries; the flat copy"
                    + " the solver works on"
                    + " holds at most " + Integer.MAX_VALUE);
        }
        boolean transposed = n > m;
        int r = transposed ? m : n;
        int c = transposed ? n : m;
        ensureCapacity(r, c);
        int size = (int) entries;
        if (cost.length < size) {
            cost = new double[size];
        }
        double sign = sense.sign();
        boolean anyForbidden = false;
        for (int i = 0; i < n; i++) {
            double[] row = matrix[i];
            for (int j = 0; j < m; j++) {
                double entry = row[j];
                anyForbidden |= requireUsable(entry, sense, i, j);
                cost[transposed ? j * c + i : i * c + j] = sign * entry;
            }
        }
        if (anyForbidden) {
            hallCheck.requireFeasible(cost, r, c, transposed ? "column" : "row",
                    transposed ? "row" : "column");
        }
        solveMinimum(subtractLineOffsets(cost, r, c), r, c);
        if (offsetsApplied) {
            addLineOffsets(cost, r, c);
        }
        if (potentialsOutgrowChosenEntries(cost, r, c)) {
            normalizePotentials(cost, r, c);
        }

        // Read back the assignment, the value and the potentials in the caller's frame.
        int[] rowToColumn = new int[n];
        int[] columnToRow = new int[m];
        Arrays.fill(rowToColumn, -1);
        Arrays.fill(columnToRow, -1);
        double[] rowPotentials = new double[n];
        double[] columnPotentials = new double[m];
        double value = 0;
        for (int i = 0; i < r; i++) {
            int j = rowMate[i];
            int row = transposed ? j : i;
            int column = transposed ? i : j;
            rowToColumn[row] = column;
            columnToRow[column] = row;
            value += matrix[row][column];
            double rowPotential = sign * (cost[i * c + j] - v[j]) + 0.0;
            if (transposed) {
                columnPotentials[column] = rowPotential;
            } else {
                rowPotentials[row] = rowPotential;
            }
        }
        for (int j = 0; j < c; j++) {
            double columnPotential = sign * v[j] + 0.0;
            if (transposed) {
                rowPotentials[j] = columnPotential;
            } else {
                columnPotentials[j] = columnPotential;
            }
        }
        return new AssignmentResult(rowToColumn, columnToRow, value, rowPotentials,
                columnPotentials, sense);
    }

    /**
     * Solves a square linear assignment problem given as a flat row-major array, without
     * allocating once the work arrays have reached size {@code n}: the entry of row {@code i}
     * and column {@code j} is {@code matrix[i * n + j]}. The result is the same as that of
     * {@link #solve(double[][], Sense)} on the same entries, potentials aside.
     *
     * @param matrix at least {@code n * n} entries; only the first {@code n * n} are read; not
     *     modified, not retained
     * @param n the order, at least 0
     * @param sense whether to minimise or maximise
     * @param rowToColumn output, at least {@code n} long: receives the column of every row in
     *     its first {@code n} entries
     * @return the optimal value, the sum of the chosen entries in the caller's sense
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code n} is negative, an array is too short, or an
     *     entry is NaN, an infinity of the wrong sign, or finite beyond {@link #MAX_MAGNITUDE}
     * @throws InfeasibleAssignmentException if the forbidden entries leave no complete
     *     assignment
     */
    public double solveSquare(double[] matrix, int n, Sense sense, int[] rowToColumn) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(sense, "sense");
        Objects.requireNonNull(rowToColumn, "rowToColumn");
        if (n < 0) {
            throw new IllegalArgumentException("order n must be >= 0, got " + n);
        }
        long needed = (long) n * n;
        if (matrix.length < needed) {
            throw new IllegalArgumentException("matrix has "
                    + count(matrix.length, "entry", "entries") + "; order " + n + " needs "
                    + needed);
        }
        int size = (int) needed;
        if (rowToColumn.length < n) {
            throw new IllegalArgumentException("rowToColumn has length " + rowToColumn.length
                    + "; order " + n + " needs " + n);
        }

        // Validate; when maximising, minimise a negated copy instead.
        ensureCapacity(n, n);
        boolean anyForbidden = false;
        double[] minimand = matrix;
        if (sense == Sense.MAXIMIZE) {
            if (cost.length < size) {
                cost = new double[size];
            }
            minimand = cost;
        }
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++, k++) {
                anyForbidden |= requireUsable(matrix[k], sense, i, j);
            }
        }
        if (minimand != matrix) {
            for (int k = 0; k < size; k++) {
                minimand[k] = -matrix[k];
            }
        }
        if (anyForbidden) {
            hallCheck.requireFeasible(minimand, n, n, "row", "column");
        }
        solveMinimum(subtractLineOffsets(minimand, n, n), n, n);

        double value = 0;
        for (int i = 0; i < n; i++) {
            rowToColumn[i] = rowMate[i];
            value += matrix[i * n + rowMate[i]];
        }
        return value;
    }

    /**
     * Solves a rectangular linear assignment problem given as a block of a flat row-major
     * array, without allocating once the work arrays have reached {@code rows x columns}: the
     * entry of row {@code i} and column {@code j} is {@code matrix[i * stride + j]}, so that
     * the first {@code columns} columns of a wider matrix can be solved in place. If
     * {@code rows <= columns} every row is assigned to a distinct column; otherwise every
     * column is assigned to a distinct row and the rows left over get {@code -1}. The value is
     * that of {@link #solve(double[][], Sense)} on the same entries; the assignment follows
     * the same tie rules, applied to the transposed matrix when {@code rows > columns}.
     *
     * @param matrix the entries; only those of the block are read; not modified, not retained
     * @param rows the number of rows, at least 0
     * @param columns the number of columns, at least 0
     * @param stride the distance between the starts of two rows, at least {@code columns}
     * @param sense whether to minimise or maximise
     * @param rowToColumn output, at least {@code rows} long: receives the column of every row,
     *     or {@code -1}, in its first {@code rows} entries
     * @return the optimal value, the sum of the chosen entries in the caller's sense
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a size is negative, the stride is smaller than
     *     {@code columns}, an array is too short, or an entry is NaN, an infinity of the wrong
     *     sign, or finite beyond {@link #MAX_MAGNITUDE}
     * @throws InfeasibleAssignmentException if the forbidden entries leave no complete
     *     assignment
     */
    public double solveRectangular(double[] matrix, int rows, int columns, int stride,
            Sense sense, int[] rowToColumn) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(sense, "sense");
        Objects.requireNonNull(rowToColumn, "rowToColumn");
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("rows and columns must be >= 0, got " + rows
                    + " and " + columns);
        }
        if (stride < columns) {
            throw new IllegalArgumentException("stride " + stride + " is smaller than the"
                    + " number of columns, " + columns);
        }
        long needed = rows == 0 || columns == 0 ? 0 : (long) (rows - 1) * stride + columns;
        if (matrix.length < needed) {
            throw new IllegalArgumentException("matrix has "
                    + count(matrix.length, "entry", "entries") + "; " + count(rows, "row", "rows")
                    + " of " + count(columns, "column", "columns") + " at stride " + stride
                    + " need " + needed);
        }
        if (rowToColumn.length < rows) {
            throw new IllegalArgumentException("rowToColumn has length " + rowToColumn.length
                    + "; " + count(rows, "row needs", "rows need") + " " + rows);
        }
        if (rows == 0 || columns == 0) {
            Arrays.fill(rowToColumn, 0, rows, -1);
            return 0.0;
        }

        // Reduce to minimising an r x c matrix with r <= c; copy unless the block is that.
        boolean transposed = rows > columns;
        int r = transposed ? columns : rows;
        int c = transposed ? rows : columns;
        ensureCapacity(r, c);
        int size = Math.multiplyExact(r, c);
        double sign = sense.sign();
        boolean copy = transposed || stride != columns || sense == Sense.MAXIMIZE;
        if (copy && cost.length < size) {
            cost = new double[size];
        }
        double[] minimand = copy ? cost : matrix;
        boolean anyForbidden = false;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, k = i * stride; j < columns; j++, k++) {
                double entry = matrix[k];
                anyForbidden |= requireUsable(entry, sense, i, j);
                if (copy) {
                    minimand[transposed ? j * c + i : i * c + j] = sign * entry;
                }
            }
        }
        if (anyForbidden) {
            hallCheck.requireFeasible(minimand, r, c, transposed ? "column" : "row",
                    transposed ? "row" : "column");
        }
        solveMinimum(subtractLineOffsets(minimand, r, c), r, c);

        double value = 0;
        if (transposed) {
            Arrays.fill(rowToColumn, 0, rows, -1);
            for (int j = 0; j < r; j++) {
                int i = rowMate[j];
                rowToColumn[i] = j;
                value += matrix[i * stride + j];
            }
        } else {
            for (int i = 0; i < r; i++) {
                rowToColumn[i] = rowMate[i];
                value += matrix[i * stride + rowMate[i]];
            }
        }
        return value;
    }

    /** Returns the count with the singular or the plural noun: "1 entry", "2 entries". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static double[] requireRow(double[][] matrix, int i) {
        return Objects.requireNonNull(matrix[i], () -> "matrix row " + i + " is null");
    }

    /**
     * Checks one entry; returns whether it marks a forbidden pair.
     */
    private static boolean requireUsable(double entry, Sense sense, int i, int j) {
        if (Math.abs(entry) <= MAX_MAGNITUDE) {
            return false;
        }
        if (Double.isNaN(entry)) {
            throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is NaN");
        }
        if (Double.isInfinite(entry)) {
            if (sense.sign() * entry > 0) {
                return true;
            }
            throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is "
                    + entry + ", which would make the " + (sense == Sense.MINIMIZE
                            ? "minimum minus" : "maximum plus") + " infinity; when "
                    + (sense == Sense.MINIMIZE ? "minimising" : "maximising") + ", only "
                    + (-entry) + " is allowed (it marks a forbidden pair)");
        }
        throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") = " + entry
                + " exceeds the largest supported magnitude " + MAX_MAGNITUDE);
    }

    private void ensureCapacity(int r, int c) {
        if (rowMate.length < r) {
            rowMate = new int[r];
            freeRows = new int[r];
            minimumCount = new int[r];
            rowOffset = new double[r];
        }
        if (columnMate.length < c) {
            columnMate = new int[c];
            v = new double[c];
            distance = new double[c];
            predecessor = new int[c];
            columns = new int[c];
            columnOffset = new double[c];
        }
    }

    // ---------------------------------------------------------------------------------------
    // The kernel: minimise an r x c flat row-major matrix, r <= c, feasible.
    // On return rowMate/columnMate hold the assignment and v the column potentials; the row
    // potential of row i is cost[i * c + rowMate[i]] - v[rowMate[i]].
    // ---------------------------------------------------------------------------------------

    private void solveMinimum(double[] a, int r, int c) {
        Arrays.fill(rowMate, 0, r, -1);
        Arrays.fill(columnMate, 0, c, -1);
        Arrays.fill(v, 0, c, 0.0);
        int free;
        if (r == c && r > 0) {
            free = initialize(a, r);
        } else {
            // Rectangular: no column reduction (it would break v_j <= 0), but augmenting row
            // reduction from zero potentials keeps every condition of the certificate.
            for (int i = 0; i < r; i++) {
                freeRows[i] = i;
            }
            free = r;
            for (int pass = 0; pass < 2 && free > 0 && c > 1; pass++) {
                free = reduceRows(a, r, c, free);
            }
        }
        for (int k = 0; k < free; k++) {
            augment(a, c, freeRows[k]);
        }
    }

    /**
     * Subtracts from every nearly constant row (see {@link #exactOffset}) its minimum and, if
     * {@code r == c}, does the same for the columns, both found on the matrix as given (see
     * "Huge lines" in the class documentation). By Sterbenz's lemma each
     * such difference is exact; where a reduced row crosses a reduced column, the entry is
     * reduced twice, and the column keeps its offset only if the second difference is exact
     * too. So every entry changes by exactly {@code s_i + t_j} and the set of optimal
     * assignments is unchanged. Works on {@link #cost}, copying {@code a} there first when
     * {@code a} is another array and a line qualifies; returns the array to solve, {@code a}
     * itself when no line qualifies.
     */
    private double[] subtractLineOffsets(double[] a, int r, int c) {
        // Usually the first two entries of every line already rule it out.
        boolean candidate = false;
        for (int i = 0, p = 0; i < r && !candidate; i++, p += c) {
            candidate = c < 2 || mayBeNearlyConstant(a[p], a[p + 1]);
        }
        for (int j = 0; j < c && r == c && !candidate; j++) {
            candidate = r < 2 || mayBeNearlyConstant(a[j], a[c + j]);
        }
        offsetsApplied = false;
        return candidate ? subtractNearlyConstantLines(a, r, c) : a;
    }

    /** The part of {@link #subtractLineOffsets} after its first filter. */
    private double[] subtractNearlyConstantLines(double[] a, int r, int c) {
        boolean anyRow = false;
        for (int i = 0; i < r; i++) {
            rowOffset[i] = exactOffset(a, i * c, 1, c);
            anyRow |= rowOffset[i] != 0;
        }
        boolean anyColumn = false;
        Arrays.fill(columnOffset, 0, c, 0.0);
        if (r == c) {
            for (int j = 0; j < c; j++) {
                double t = exactOffset(a, j, c, r);
                for (int i = 0; i < r && t != 0 && anyRow; i++) {
                    double entry = a[i * c + j];
                    if (rowOffset[i] != 0 && entry != Double.POSITIVE_INFINITY
                            && !differenceIsExact(entry - rowOffset[i], t)) {
                        t = 0;
                    }
                }
                columnOffset[j] = t;
                anyColumn |= t != 0;
            }
        }
        offsetsApplied = anyRow || anyColumn;
        if (!offsetsApplied) {
            return a;
        }
        double[] m = a;
        if (m != cost) {
            if (cost.length < r * c) {
                cost = new double[r * c];
            }
            System.arraycopy(a, 0, cost, 0, r * c);
            m = cost;
        }
        for (int i = 0; i < r; i++) {
            double s = rowOffset[i];
            if (s != 0) {
                for (int j = 0, base = i * c; j < c; j++) {
                    m[base + j] -= s;
                }
            }
        }
        for (int j = 0; anyColumn && j < c; j++) {
            double t = columnOffset[j];
            if (t != 0) {
                for (int i = 0; i < r; i++) {
                    m[i * c + j] -= t;
                }
            }
        }
        return m;
    }

    /**
     * Returns false only if two entries of a line, {@code x} first, show that it is not nearly
     * constant in the sense of {@link #exactOffset}: both finite and too far apart (an
     * infinite {@code x} gives true).
     */
    private static boolean mayBeNearlyConstant(double x, double y) {
        return !(Math.abs(x - y) > Math.abs(x) * NEAR_CONSTANT_FILTER)
                || y == Double.POSITIVE_INFINITY;
    }

    /** Returns whether {@code x - y} is a double, so that subtracting rounds nothing. */
    private static boolean differenceIsExact(double x, double y) {
        double d = x - y;
        double yPart = x - d;
        double xPart = d + yPart;
        return (x - xPart) - (y - yPart) == 0;
    }

    /**
     * Undoes {@link #subtractLineOffsets} on {@code a}, exactly (every entry returns to a value
     * it had), and moves the column offsets into the potentials {@code v}; the implicit row
     * potentials then take up the row offsets.
     */
    private void addLineOffsets(double[] a, int r, int c) {
        for (int j = 0; j < c; j++) {
            double t = columnOffset[j];
            if (t != 0) {
                for (int i = 0; i < r; i++) {
                    a[i * c + j] += t;
                }
                v[j] += t;
            }
        }
        for (int i = 0; i < r; i++) {
            double s = rowOffset[i];
            if (s != 0) {
                for (int j = 0, base = i * c; j < c; j++) {
                    a[base + j] += s;
                }
            }
        }
    }

    /**
     * Returns the minimum {@code s} of the finite entries {@code a[start + k * step]}, {@code
     * k < count}, if they all lie in {@code [s, s + |s| / 1024]} ({@code s} not 0), so that
     * the line is constant up to its last ten bits and, by Sterbenz's lemma, subtracting
     * {@code s} from each entry is exact; otherwise 0. {@code +Infinity} entries are skipped.
     * An ordinary line is rejected at its second entry: any two entries of a qualifying line
     * differ by less than {@code 1/512} of the first.
     */
    private static double exactOffset(double[] a, int start, int step, int count) {
        double first = 0;
        double slack = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int k = 0, p = start; k < count; k++, p += step) {
            double e = a[p];
            if (e == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (first == 0) {
                if (e == 0) {
                    return 0;
                }
                first = e;
                slack = Math.abs(e) * NEAR_CONSTANT_FILTER;
            } else if (!(Math.abs(e - first) <= slack)) {
                return 0;
            }
            low = Math.min(low, e);
            high = Math.max(high, e);
        }
        return first != 0 && high - low <= Math.abs(low) * NEAR_CONSTANT ? low : 0;
    }

    /**
     * Jonker-Volgenant initialisation of a square matrix: column reduction, reduction
     * transfer and augmenting row reduction. Leaves the free rows in {@code freeRows} and
     * returns how many there are.
     */
    private int initialize(double[] a, int n) {
        // Column reduction: v_j = min_i a_ij, found row by row (smallest row index on ties).
        double[] columnMinimum = distance;
        int[] argMinimum = predecessor;
        Arrays.fill(columnMinimum, 0, n, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = 0, base = i * n; j < n; j++) {
                if (a[base + j] < columnMinimum[j]) {
                    columnMinimum[j] = a[base + j];
                    argMinimum[j] = i;
                }
            }
        }
        Arrays.fill(minimumCount, 0, n, 0);
        for (int j = 0; j < n; j++) {
            v[j] = columnMinimum[j];
            int i = argMinimum[j];
            if (minimumCount[i]++ == 0) {
                rowMate[i] = j;
                columnMate[j] = i;
            }
        }

        // Reduction transfer: a row that is the minimum of exactly one column passes its
        // slack to that column, so u_i = 0 turns into the row's second smallest reduced cost.
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (minimumCount[i] == 0) {
                freeRows[free++] = i;
            } else if (minimumCount[i] == 1) {
                int j1 = rowMate[i];
                double second = Double.POSITIVE_INFINITY;
                for (int j = 0, base = i * n; j < n; j++) {
                    if (j != j1) {
                        second = Math.min(second, a[base + j] - v[j]);
                    }
                }
                if (second < Double.POSITIVE_INFINITY) {
                    v[j1] -= second;
                }
            }
        }

        // Augmenting row reduction, two passes.
        for (int pass = 0; pass < 2 && free > 0; pass++) {
            free = reduceRows(a, n, n, free);
        }
        return free;
    }

    /**
     * One pass of augmenting row reduction over the first {@code pending} free rows: each
     * takes the column of its smallest reduced cost, lowering that column's potential to the
     * row's second smallest reduced cost, and the row it displaces is retried at once if the
     * potential strictly dropped. Bounded, so rounding cannot make it cycle. Returns the
     * number of rows left free, stored at the front of {@code freeRows}.
     */
    private int reduceRows(double[] a, int r, int c, int pending) {
        int next = 0;
        int stillFree = 0;
        int budget = ROW_REDUCTION_STEPS_PER_ROW * r;
        while (next < pending) {
            if (budget-- == 0) {
                System.arraycopy(freeRows, next, freeRows, stillFree, pending - next);
                return stillFree + pending - next;
            }
            int i = freeRows[next++];

            // The two smallest reduced costs of row i.
            int base = i * c;
            double u1 = a[base] - v[0];
            int j1 = 0;
            double u2 = Double.POSITIVE_INFINITY;
            int j2 = -1;
            for (int j = 1; j < c; j++) {
                double h = a[base + j] - v[j];
                if (h < u2) {
                    if (h >= u1) {
                        u2 = h;
                        j2 = j;
                    } else {
                        u2 = u1;
                        j2 = j1;
                        u1 = h;
                        j1 = j;
                    }
                }
            }

            // Take j1 and lower its potential, or take j2 on a tie when j1 is taken.
            int displaced = columnMate[j1];
            boolean lowered = u1 < u2 && u2 < Double.POSITIVE_INFINITY;
            if (lowered) {
                v[j1] -= u2 - u1;
            } else if (displaced >= 0 && u1 == u2) {
                j1 = j2;
                displaced = columnMate[j1];
            }
            rowMate[i] = j1;
            columnMate[j1] = i;
            if (displaced >= 0) {
                rowMate[displaced] = -1;
                if (lowered) {
                    freeRows[--next] = displaced;
                } else {
                    freeRows[stillFree++] = displaced;
                }
            }
        }
        return stillFree;
    }

    /**
     * Dijkstra's search from the free row {@code start} for a shortest alternating path to a
     * free column, potential update of the settled columns, and augmentation along the path.
     */
    private void augment(double[] a, int c, int start) {
        // Distances from the start row: its reduced costs, up to the constant u_start.
        for (int j = 0, base = start * c; j < c; j++) {
            distance[j] = a[base + j] - v[j];
            predecessor[j] = start;
            columns[j] = j;
        }

        // columns[0, settled) are settled, columns[settled, group) lie at distance 'minimum'
        // and wait to be scanned, columns[group, c) are still unreached or farther.
        int settled = 0;
        int group = 0;
        double minimum = 0;
        int sink = -1;
        while (sink < 0) {
            if (settled == group) {
                minimum = Double.POSITIVE_INFINITY;
                for (int k = group; k < c; k++) {
                    int j = columns[k];
                    double d = distance[j];
                    if (d <= minimum) {
                        if (d < minimum) {
                            group = settled;
                            minimum = d;
                        }
                        columns[k] = columns[group];
                        columns[group++] = j;
                    }
                }
                if (minimum == Double.POSITIVE_INFINITY) {
                    throw new IllegalStateException("no augmenting path from row " + start
                            + " although the feasibility check passed");
                }
                sink = lowestFreeColumn(settled, group);
                if (sink >= 0) {
                    break;
                }
            }

            // Scan the row assigned to the next column of the group.
            int j1 = columns[settled++];
            int i = columnMate[j1];
            int base = i * c;
            double offset = minimum - (a[base + j1] - v[j1]);
            for (int k = group; k < c; k++) {
                int j = columns[k];
                double d = offset + a[base + j] - v[j];
                if (d < distance[j]) {
                    distance[j] = d;
                    predecessor[j] = i;
                    if (d <= minimum) {
                        if (columnMate[j] < 0) {
                            sink = j;
                            break;
                        }
                        columns[k] = columns[group];
                        columns[group++] = j;
                    }
                }
            }
        }

        // Dual update: settled columns move up by their distance deficit (never positive).
        for (int k = 0; k < settled; k++) {
            int j = columns[k];
            v[j] += distance[j] - minimum;
        }

        // Augmentation: flip the alternating path back from the sink to the start row.
        int j = sink;
        while (true) {
            int i = predecessor[j];
            columnMate[j] = i;
            int previous = rowMate[i];
            rowMate[i] = j;
            if (i == start) {
                break;
            }
            j = previous;
        }
    }

    /**
     * Returns whether the search's potentials exceed {@link #POTENTIAL_RECOMPUTATION_FACTOR}
     * times the largest magnitude of a chosen entry (free columns keep potential 0).
     */
    private boolean potentialsOutgrowChosenEntries(double[] a, int r, int c) {
        double chosen = 0;
        double potentials = 0;
        for (int i = 0; i < r; i++) {
            int j = rowMate[i];
            double entry = a[i * c + j];
            chosen = Math.max(chosen, Math.abs(entry));
            potentials = Math.max(potentials, Math.max(Math.abs(v[j]), Math.abs(entry - v[j])));
        }
        return potentials > POTENTIAL_RECOMPUTATION_FACTOR * chosen;
    }

    /**
     * Replaces the column potentials of an optimal assignment by the largest ones that are
     * non-positive and feasible, computed from the assignment alone (see "Potentials" in the
     * class documentation). Uses {@code columns}, {@code predecessor} and {@code distance} as
     * work space. In the residual graph on the assigned columns, the row {@code i} of column
     * {@code k} gives an arc {@code k -> j} of length {@code a_ij - a_ik}; a virtual source
     * reaches every assigned column at length 0, and the new potential of a column is its
     * distance. Dijkstra's algorithm settles the columns in the order of {@code d_j - v_j},
     * with the old potentials {@code v} (which make every arc's length plus {@code v_k - v_j}
     * a reduced cost, non-negative), but adds up only the arcs' own lengths, as {@code (d_k -
     * a_ik) + a_ij}, the entry less the new row potential, so that no large old potential
     * enters the new ones. Sweeps over all arcs then lower any column that rounding in that
     * order left too high, until none changes. If {@code r + 1} sweeps do not settle, or a
     * distance is not finite, the old potentials are kept. Free columns keep their potential
     * 0. {@code O(r^2)} time; rows and columns are those of the internal {@code r x c} frame.
     */
    private void normalizePotentials(double[] a, int r, int c) {
        // The assigned columns in increasing order, so that rows are read front to back.
        int[] assigned = columns;
        int[] settled = predecessor;
        double[] d = distance;
        for (int j = 0, q = 0; j < c; j++) {
            if (columnMate[j] >= 0) {
                assigned[q++] = j;
                d[j] = 0.0;
                settled[j] = 0;
            }
        }

        // Dijkstra: settle the column of least d_j - v_j, relax from it and find the next
        // least in the same pass; the first is the one of greatest v_j.
        int k = -1;
        double leastKey = Double.POSITIVE_INFINITY;
        for (int q = 0; q < r; q++) {
            int j = assigned[q];
            if (-v[j] < leastKey) {
                leastKey = -v[j];
                k = j;
            }
        }
        for (int step = 0; step < r; step++) {
            settled[k] = 1;
            int base = columnMate[k] * c;
            double offset = d[k] - a[base + k];
            int next = -1;
            leastKey = Double.POSITIVE_INFINITY;
            for (int q = 0; q < r; q++) {
                int j = assigned[q];
                if (settled[j] != 0) {
                    continue;
                }
                double length = offset + a[base + j];
                if (length < d[j]) {
                    d[j] = length;
                }
                double key = d[j] - v[j];
                if (next < 0 || key < leastKey) {
                    leastKey = key;
                    next = j;
                }
            }
            k = next;
        }

        // Sweeps in the arcs' own lengths, until every arc is satisfied as computed.
        boolean changed = true;
        for (int sweep = 0; changed; sweep++) {
            if (sweep > r) {
                return;
            }
            changed = false;
            for (int p = 0; p < r; p++) {
                int i = columnMate[assigned[p]];
                int base = i * c;
                double offset = d[assigned[p]] - a[base + assigned[p]];
                for (int q = 0; q < r; q++) {
                    int j = assigned[q];
                    double length = offset + a[base + j];
                    if (length < d[j]) {
                        d[j] = length;
                        changed = true;
                    }
                }
            }
        }
        for (int q = 0; q < r; q++) {
            if (!Double.isFinite(d[assigned[q]])) {
                return;
            }
        }
        for (int q = 0; q < r; q++) {
            v[assigned[q]] = d[assigned[q]];
        }
    }

    /** Returns the lowest-index free column among columns[from, to), or -1. */
    private int lowestFreeColumn(int from, int to) {
        int best = -1;
        for (int k = from; k < to; k++) {
            int j = columns[k];
            if (columnMate[j] < 0 && (best < 0 || j < best)) {
                best = j;
            }
        }
        return best;
    }
}
