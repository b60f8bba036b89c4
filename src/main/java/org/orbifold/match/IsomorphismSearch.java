package org.orbifold.match;

import java.util.Arrays;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * A depth-first individualisation-refinement search for a permutation at distance 0 of two
 * attributed graphs, after McKay and Piperno (2014, "Practical graph isomorphism, II",
 * J. Symbolic Comput. 60: 94-112, doi:10.1016/j.jsc.2013.09.003), with discrete colours and
 * backtracking, for the structural start of {@link FaqAligner}.
 *
 * <p>Both graphs, padded to order {@code m}, form one joint graph of {@code 2m} nodes: node
 * {@code i} of X is joint node {@code i}, node {@code a} of Y is joint node {@code m + a}. Its
 * first colouring gives equal colours to nodes of equal attribute vectors (all nodes alike
 * when the node weight is 0, since the distance then ignores node attributes; padding nodes
 * count as nodes with zero attributes and no edges), and its edges carry types, one per
 * distinct edge vector. Colour refinement in the manner of Weisfeiler and Leman (1968, "The
 * reduction of a graph to canonical form and the algebra which appears therein",
 * Nauchno-Technicheskaya Informatsia 2(9): 12-16) then splits the colours until the
 * colouring is equitable: any two nodes of one colour receive, from each colour, edges of the
 * same kinds (edge type and, for directed pairs, direction) equally often. It works with a
 * queue of splitting colours as in McKay (1981, "Practical graph isomorphism", Congressus
 * Numerantium 30: 45-87), after Hopcroft's minimisation of automata (1971, "An n log n
 * algorithm for minimizing states in a finite automaton", Theory of Machines and
 * Computations, 189-196): a colour that splits while it is not waiting to split the others
 * queues all its parts but a largest one. The colours are exact integers: nothing is lost to
 * rounding however far the refinement reaches. A colouring is balanced when every colour has
 * as many nodes in X as in Y; a permutation {@code pi} with {@code X = pi . Y} maps every node
 * to a node of its colour, so a colouring that is not balanced rules out every such
 * permutation below it, and the refinement stops at the first colour found unbalanced.
 *
 * <p>The search individualises a node {@code v} of X, the first of a smallest colour of two
 * or more nodes, together with each node {@code w} of Y of that colour in turn (a preferred
 * partner first), by a fresh colour given to both, refines, and descends while the colouring
 * stays balanced, backtracking to the next partner otherwise. Once every colour has one node
 * in each graph, the colouring is a bijection that preserves node attributes and edge types
 * (the colouring is equitable, and with one node of X and one of Y per colour each edge of
 * X has an edge of the same type between the partners), which is offered to the caller; the search
 * stops at the first one the caller accepts. A colour of nodes without edges (isolated nodes,
 * padding nodes) is split into pairs in one step, its nodes of X and of Y matched in
 * increasing order: such nodes of equal attributes are interchangeable, so trying them one
 * by one would only deepen the search. Every refinement, the first included, and every such
 * step count against a budget; the search gives up when it is spent.
 *
 * <p>Cost of a refinement: each node's edges are read each time its colour splits the others,
 * {@code O(log n)} times, so {@code O(|E| log n)} edge reads in all for the {@code n = 2m}
 * joint nodes and {@code |E|} edges, each with a sort by edge kind unless all edges have one
 * kind, plus the sorting of the nodes of the split colours; individualising copies {@code 4n}
 * ints. Memory: a partition of {@code 4n} ints per level of the search, at most {@code m}
 * levels deep. Deterministic: ties are broken by node index. Not thread-safe; each
 * {@link FaqAligner} workspace keeps one.
 *
 * <p><b>Limitations.</b> Equal colours need exactly equal attribute vectors: a relabelled
 * copy whose attributes differ in the last bit (distance about {@code 1e-16}, not 0) is not
 * found. Without pruning by automorphisms the search can spend its budget on highly
 * symmetric pairs whose colours after individualisation are not orbits (strongly regular
 * graphs such as Latin square graphs, or non-isomorphic pairs whose colourings agree at
 * several levels), and then reports nothing.
 */
final class IsomorphismSearch {

    /** The caller's test of a bijection found at a leaf of the search. */
    interface Leaf {
        /**
         * Returns whether the search may stop at the permutation {@code images} (node
         * {@code i} of X mapped to node {@code images[i]} of Y).
         */
        boolean accept(int[] images);
    }

    /** Outcomes of a subtree. */
    private static final int FAILED = 0;
    private static final int FOUND = 1;
    private static final int SPENT = 2;

    private int m;
    private int n;
    /** Edges of the joint graph in compressed rows: from {@code edgeStart[u]} to the next. */
    private int[] edgeStart = new int[1];
    private int[] edgeTarget = new int[0];
    /** {@code 2 * type + direction} of each edge, direction 1 for an in-edge. */
    private int[] edgeKind = new int[0];
    /** Whether all edges have one kind: undirected, with one edge vector. */
    private boolean singleKind;
    private int[] firstColours = new int[0];
    /**
     * The partition of each level of the search, cells as ranges of one list: {@code lab}
     * lists the nodes cell after cell, {@code position} is each node's index in it,
     * {@code cellOf} the index where its cell begins, and {@code cellEnd[s]} the end of the
     * cell that begins at {@code s}; a cell is named by where it begins.
     */
    private int[][] labs = new int[0][];
    private int[][] positions = new int[0][];
    private int[][] cellsOf = new int[0][];
    private int[][] cellEnds = new int[0][];
    private int[] cellCounts = new int[0];
    /** The partners of the individualised node of each level, {@code m} ints per level. */
    private int[][] partners = new int[0][];
    /** The partition being refined: the arrays of one level. */
    private int[] lab;
    private int[] position;
    private int[] cellOf;
    private int[] cellEnd;
    private int cellCount;
    /** Cells waiting to split the others, by where they begin, first in first out. */
    private int[] queue = new int[0];
    private boolean[] queued = new boolean[0];
    private int queueHead;
    private int queueSize;
    /**
     * The edges from the nodes of a splitter: (neighbour, kind) packed in a long, sorted, so
     * that each neighbour's kinds form a run from {@code runStart} of {@code runLength}.
     */
    private long[] touches = new long[0];
    private int[] runStart = new int[0];
    private int[] runLength = new int[0];
    private int[] touched = new int[0];
    private int[] members = new int[0];
    private int[] touchedCells = new int[0];
    private boolean[] cellTouched = new boolean[0];
    private int[] sortScratch = new int[0];
    private long refinements;
    private long budget;
    private int[] preferred;
    private int[] images;
    private Leaf leaf;

    /**
     * Loads the pair, {@code y} to be aligned to {@code x}, both padded to order {@code m},
     * and its first colouring.
     */
    void load(GraphSpace space, Graph x, Graph y, int size) {
        m = size;
        n = 2 * size;
        boolean directed = x.isDirected() || y.isDirected();
        int de = space.edgeDimension();
        int pairs = 0;
        for (int i = 0; i < x.order(); i++) {
            pairs += x.outDegree(i);
        }
        for (int a = 0; a < y.order(); a++) {
            pairs += y.outDegree(a);
        }
        double[] vectors = new double[pairs * de];
        int[] source = new int[pairs];
        int[] target = new int[pairs];
        int e = 0;
        e = collectEdges(x, 0, de, vectors, source, target, e);
        collectEdges(y, m, de, vectors, source, target, e);
        int[] types = classes(vectors, pairs, de);

        int rows = directed ? 2 * pairs : pairs;
        singleKind = !directed;
        for (int k = 0; k < pairs; k++) {
            singleKind &= types[k] == 0;
        }
        edgeStart = ensure(edgeStart, n + 1);
        edgeTarget = ensure(edgeTarget, rows);
        edgeKind = ensure(edgeKind, rows);
        touches = touches.length >= rows ? touches : new long[rows];
        Arrays.fill(edgeStart, 0, n + 1, 0);
        for (int k = 0; k < pairs; k++) {
            edgeStart[source[k] + 1]++;
            if (directed) {
                edgeStart[target[k] + 1]++;
            }
        }
        for (int u = 0; u < n; u++) {
            edgeStart[u + 1] += edgeStart[u];
        }
        int[] fill = Arrays.copyOf(edgeStart, n);
        for (int k = 0; k < pairs; k++) {
            int out = fill[source[k]]++;
            edgeTarget[out] = target[k];
            edgeKind[out] = 2 * types[k];
            if (directed) {
                int in = fill[target[k]]++;
                edgeTarget[in] = source[k];
                edgeKind[in] = 2 * types[k] + 1;
            }
        }

        int dv = space.nodeDimension();
        double[] attributes = new double[n * dv];
        if (space.nodeWeight() > 0.0) {
            for (int i = 0; i < x.order(); i++) {
                for (int c = 0; c < dv; c++) {
                    attributes[i * dv + c] = x.node(i, c);
                }
            }
            for (int a = 0; a < y.order(); a++) {
                for (int c = 0; c < dv; c++) {
                    attributes[(m + a) * dv + c] = y.node(a, c);
                }
            }
        }
        firstColours = classes(attributes, n, dv);
        queue = ensure(queue, n);
        queued = queued.length >= n ? queued : new boolean[n];
        cellTouched = cellTouched.length >= n ? cellTouched : new boolean[n];
        runStart = ensure(runStart, n);
        runLength = ensure(runLength, n);
        touched = ensure(touched, n);
        members = ensure(members, n);
        touchedCells = ensure(touchedCells, n);
        sortScratch = ensure(sortScratch, n);
    }

    /** Appends the edges of {@code g}, its nodes shifted by {@code offset}; returns the count. */
    private static int collectEdges(Graph g, int offset, int de, double[] vectors, int[] source,
            int[] target, int count) {
        int e = count;
        for (int i = 0; i < g.order(); i++) {
            for (int k = 0; k < g.outDegree(i); k++) {
                int j = g.successor(i, k);
                for (int c = 0; c < de; c++) {
                    vectors[e * de + c] = g.edge(i, j, c);
                }
                source[e] = offset + i;
                target[e] = offset + j;
                e++;
            }
        }
        return e;
    }

    /**
     * Numbers the distinct vectors among {@code count} vectors of dimension {@code d} stored
     * one after another, in lexicographic order; returns each vector's number.
     */
    private static int[] classes(double[] vectors, int count, int d) {
        int[] result = new int[count];
        Integer[] sorted = new Integer[count];
        for (int k = 0; k < count; k++) {
            sorted[k] = k;
        }
        Arrays.sort(sorted, (p, q) -> Arrays.compare(vectors, p * d, p * d + d, vectors,
                q * d, q * d + d));
        int number = 0;
        for (int k = 0; k < count; k++) {
            if (k > 0 && Arrays.compare(vectors, sorted[k - 1] * d, sorted[k - 1] * d + d,
                    vectors, sorted[k] * d, sorted[k] * d + d) != 0) {
                number++;
            }
            result[sorted[k]] = number;
        }
        return result;
    }

    /**
     * Searches for a permutation at distance 0, spending at most {@code maxRefinements}
     * refinements: each bijection reached is written to {@code found} and offered to
     * {@code test}, and the search stops at the first one accepted.
     *
     * @param maxRefinements the budget of refinements, at least 1
     * @param partnersFirst for each node of X a partner in Y to try first when that node is
     *     individualised (any other entries are ignored), such as the image in an assignment
     *     that is colour-preserving
     * @param test the caller's test of a bijection
     * @param found receives the bijection, {@code m} entries
     * @return whether a bijection was accepted
     */
    boolean search(long maxRefinements, int[] partnersFirst, Leaf test, int[] found) {
        budget = maxRefinements;
        refinements = 1;
        preferred = partnersFirst;
        leaf = test;
        images = found;
        return firstPartition() && refine() && descend(0) == FOUND;
    }

    /** Returns the number of refinements spent by the latest {@link #search}. */
    long refinements() {
        return refinements;
    }

    /** Makes the arrays of level {@code depth} the partition being refined. */
    private void useLevel(int depth) {
        if (depth >= labs.length) {
            int size = Math.max(depth + 1, 2 * labs.length);
            labs = Arrays.copyOf(labs, size);
            positions = Arrays.copyOf(positions, size);
            cellsOf = Arrays.copyOf(cellsOf, size);
            cellEnds = Arrays.copyOf(cellEnds, size);
            partners = Arrays.copyOf(partners, size);
            cellCounts = Arrays.copyOf(cellCounts, size);
        }
        if (labs[depth] == null || labs[depth].length < n) {
            labs[depth] = new int[n];
            positions[depth] = new int[n];
            cellsOf[depth] = new int[n];
            cellEnds[depth] = new int[n];
            partners[depth] = new int[m];
        }
        lab = labs[depth];
        position = positions[depth];
        cellOf = cellsOf[depth];
        cellEnd = cellEnds[depth];
    }

    /**
     * Sets level 0 to the first colouring, its cells in the order of the colours, all of them
     * waiting to split the others; returns whether it is balanced.
     */
    private boolean firstPartition() {
        useLevel(0);
        for (int u = 0; u < n; u++) {
            lab[u] = u;
        }
        int[] colours = firstColours;
        sort(0, n, (u, v) -> Integer.compare(colours[u], colours[v]));
        clearQueue();
        cellCount = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && colours[lab[k]] == colours[lab[k - 1]]) {
                cellOf[lab[k]] = cellOf[lab[k - 1]];
            } else {
                cellOf[lab[k]] = k;
                cellCount++;
                enqueue(k);
            }
            cellEnd[cellOf[lab[k]]] = k + 1;
            position[lab[k]] = k;
        }
        for (int k = 0; k < n; k = cellEnd[k]) {
            if (!balanced(k, cellEnd[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Explores the subtree below the balanced, equitable partition of level {@code depth}:
     * offers the bijection at a leaf, otherwise individualises a node of X with each partner
     * in turn. Returns {@link #FOUND}, {@link #FAILED} when the subtree holds no accepted
     * bijection, or {@link #SPENT} when the budget ran out.
     */
    private int descend(int depth) {
        useLevel(depth);
        cellCounts[depth] = cellCount;
        if (cellCount == m) {
            for (int k = 0; k < n; k += 2) {
                int u = Math.min(lab[k], lab[k + 1]);
                images[u] = Math.max(lab[k], lab[k + 1]) - m;
            }
            return leaf.accept(images) ? FOUND : FAILED;
        }

        // The target: the first node of X in a smallest cell of two or more nodes per graph.
        int node = -1;
        for (int i = 0; i < m; i++) {
            int size = cellEnd[cellOf[i]] - cellOf[i];
            if (size > 2 && (node < 0 || size < cellEnd[cellOf[node]] - cellOf[node])) {
                node = i;
            }
        }
        int cell = cellOf[node];
        if (edgeStart[node] == edgeStart[node + 1]) {
            if (refinements >= budget) {
                return SPENT;
            }
            refinements++;
            pairIsolated(depth, cell);
            return descend(depth + 1);
        }
        int[] candidates = partners[depth];
        int candidateCount = 0;
        for (int k = cell; k < cellEnd[cell]; k++) {
            if (lab[k] >= m) {
                candidates[candidateCount++] = lab[k] - m;
            }
        }
        Arrays.sort(candidates, 0, candidateCount);
        int first = preferred[node];
        for (int c = 0; c < candidateCount; c++) {
            if (candidates[c] == first) {
                System.arraycopy(candidates, 0, candidates, 1, c);
                candidates[0] = first;
            }
        }

        for (int c = 0; c < candidateCount; c++) {
            if (refinements >= budget) {
                return SPENT;
            }
            refinements++;
            individualise(depth, node, m + candidates[c]);
            if (refine()) {
                int outcome = descend(depth + 1);
                if (outcome != FAILED) {
                    return outcome;
                }
            }
            useLevel(depth);
        }
        return FAILED;
    }

    /**
     * Sets level {@code depth + 1} to the partition of level {@code depth} with nodes
     * {@code u} and {@code v}, of one cell, split off into a cell of their own at its
     * beginning, which then waits to split the others. That cell alone suffices: the counts
     * into the rest of the old cell follow from those into the old cell, which were equal
     * within every cell.
     */
    private void individualise(int depth, int u, int v) {
        int[] fromLab = lab;
        int[] fromPosition = position;
        int[] fromCellOf = cellOf;
        int[] fromCellEnd = cellEnd;
        useLevel(depth + 1);
        System.arraycopy(fromLab, 0, lab, 0, n);
        System.arraycopy(fromPosition, 0, position, 0, n);
        System.arraycopy(fromCellOf, 0, cellOf, 0, n);
        System.arraycopy(fromCellEnd, 0, cellEnd, 0, n);
        cellCount = cellCounts[depth] + 1;
        int start = cellOf[u];
        int end = cellEnd[start];
        place(u, start);
        place(v, start + 1);
        cellEnd[start] = start + 2;
        cellEnd[start + 2] = end;
        for (int k = start + 2; k < end; k++) {
            cellOf[lab[k]] = start + 2;
        }
        clearQueue();
        enqueue(start);
    }

    /**
     * Sets level {@code depth + 1} to the partition of level {@code depth} with the cell
     * beginning at {@code start}, of nodes without edges, split into pairs: its nodes of X
     * and of Y in increasing order, matched in that order. Any such matching is as good as
     * another (exchanging two nodes without edges and with equal attributes is an
     * automorphism), so these nodes need no search, and no other cell can split by them.
     */
    private void pairIsolated(int depth, int start) {
        int[] fromLab = lab;
        int[] fromPosition = position;
        int[] fromCellOf = cellOf;
        int[] fromCellEnd = cellEnd;
        useLevel(depth + 1);
        System.arraycopy(fromLab, 0, lab, 0, n);
        System.arraycopy(fromPosition, 0, position, 0, n);
        System.arraycopy(fromCellOf, 0, cellOf, 0, n);
        System.arraycopy(fromCellEnd, 0, cellEnd, 0, n);
        int end = cellEnd[start];
        Arrays.sort(lab, start, end);
        int pairs = (end - start) / 2;
        cellCount = cellCounts[depth] + pairs - 1;
        int[] ofX = Arrays.copyOfRange(lab, start, start + pairs);
        int[] ofY = Arrays.copyOfRange(lab, start + pairs, end);
        for (int k = 0; k < pairs; k++) {
            int pair = start + 2 * k;
            lab[pair] = ofX[k];
            lab[pair + 1] = ofY[k];
            cellEnd[pair] = pair + 2;
        }
        for (int k = start; k < end; k++) {
            position[lab[k]] = k;
            cellOf[lab[k]] = start + 2 * ((k - start) / 2);
        }
    }

    /** Moves node {@code u} to index {@code k} of {@code lab}, swapping with the node there. */
    private void place(int u, int k) {
        int other = lab[k];
        int from = position[u];
        lab[k] = u;
        lab[from] = other;
        position[u] = k;
        position[other] = from;
    }

    /** Empties the queue, which a refinement that found a cell unbalanced leaves behind. */
    private void clearQueue() {
        for (; queueSize > 0; queueSize--) {
            queued[queue[queueHead]] = false;
            queueHead = (queueHead + 1) % n;
        }
        queueHead = 0;
    }

    private void enqueue(int cell) {
        queue[(queueHead + queueSize) % n] = cell;
        queueSize++;
        queued[cell] = true;
    }

    /**
     * Refines the partition being refined until it is equitable: every waiting cell in turn
     * splits each cell by the kinds of the edges its nodes receive from the waiting cell
     * (the multiset of edge kinds, one per edge), in the manner of Hopcroft's minimisation
     * (a split cell that was not waiting puts all its parts but a largest one in the queue).
     * Returns false as soon as a cell has more nodes in one graph than in the other.
     */
    private boolean refine() {
        while (queueSize > 0) {
            int splitter = queue[queueHead];
            queueHead = (queueHead + 1) % n;
            queueSize--;
            queued[splitter] = false;
            int size = cellEnd[splitter] - splitter;
            System.arraycopy(lab, splitter, members, 0, size);
            int touchedCount = singleKind ? countEdges(size) : sortEdges(size);
            int cells = 0;
            for (int k = 0; k < touchedCount; k++) {
                int cell = cellOf[touched[k]];
                if (!cellTouched[cell] && cellEnd[cell] - cell > 1) {
                    cellTouched[cell] = true;
                    touchedCells[cells++] = cell;
                }
            }
            boolean balanced = true;
            for (int k = 0; k < cells; k++) {
                cellTouched[touchedCells[k]] = false;
                balanced = balanced && split(touchedCells[k]);
            }
            for (int k = 0; k < touchedCount; k++) {
                runLength[touched[k]] = 0;
            }
            if (!balanced) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lists the neighbours of the first {@code size} nodes of {@code members} in
     * {@code touched}, with the number of edges each receives in {@code runLength}, for a
     * joint graph with one kind of edge; returns their number.
     */
    private int countEdges(int size) {
        int touchedCount = 0;
        for (int k = 0; k < size; k++) {
            int u = members[k];
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int t = edgeTarget[e];
                if (runLength[t] == 0) {
                    touched[touchedCount++] = t;
                }
                runLength[t]++;
            }
        }
        return touchedCount;
    }

    /**
     * Lists the neighbours of the first {@code size} nodes of {@code members} in
     * {@code touched}, with the sorted kinds of the edges each receives in {@code touches},
     * from {@code runStart}, {@code runLength} of them; returns their number.
     */
    private int sortEdges(int size) {
        int length = 0;
        for (int k = 0; k < size; k++) {
            int u = members[k];
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                touches[length++] = ((long) edgeTarget[e] << 32) | edgeKind[e];
            }
        }
        Arrays.sort(touches, 0, length);
        int touchedCount = 0;
        for (int k = 0; k < length; k++) {
            int t = (int) (touches[k] >>> 32);
            if (runLength[t] == 0) {
                touched[touchedCount++] = t;
                runStart[t] = k;
            }
            runLength[t]++;
        }
        return touchedCount;
    }

    /**
     * Splits the cell beginning at {@code start} by the runs of edge kinds its nodes
     * received from the splitter: the nodes without any first, then the others in the order
     * of their runs. Returns whether every part is balanced.
     */
    private boolean split(int start) {
        int end = cellEnd[start];
        int middle = start;
        for (int k = start; k < end; k++) {
            if (runLength[lab[k]] == 0) {
                place(lab[k], middle++);
            }
        }
        sort(middle, end, this::compareRuns);
        if (middle == start && compareRuns(lab[start], lab[end - 1]) == 0) {
            return true;
        }

        // Parts [from, to): the untouched nodes, then each run of equal kinds.
        boolean waiting = queued[start];
        int largest = -1;
        int largestSize = 0;
        boolean balanced = true;
        int from = start;
        while (from < end) {
            int to = from + 1;
            if (from < middle) {
                to = middle;
            } else {
                while (to < end && compareRuns(lab[from], lab[to]) == 0) {
                    to++;
                }
            }
            cellEnd[from] = to;
            for (int k = from; k < to; k++) {
                cellOf[lab[k]] = from;
            }
            if (from > start) {
                cellCount++;
                if (waiting) {
                    enqueue(from);
                }
            }
            if (to - from > largestSize) {
                largest = from;
                largestSize = to - from;
            }
            balanced = balanced && balanced(from, to);
            from = to;
        }
        if (!waiting) {
            for (int part = start; part < end; part = cellEnd[part]) {
                if (part != largest) {
                    enqueue(part);
                }
            }
        }
        return balanced;
    }

    /** Whether {@code lab[from..to)} holds as many nodes of X as of Y. */
    private boolean balanced(int from, int to) {
        int ofX = 0;
        for (int k = from; k < to; k++) {
            if (lab[k] < m) {
                ofX++;
            }
        }
        return 2 * ofX == to - from;
    }

    /** Compares the runs of edge kinds of two nodes: by length, then lexicographically. */
    private int compareRuns(int u, int v) {
        int length = runLength[u];
        if (length != runLength[v] || singleKind) {
            return Integer.compare(length, runLength[v]);
        }
        int uFrom = runStart[u];
        int vFrom = runStart[v];
        for (int k = 0; k < length; k++) {
            int c = Integer.compare((int) touches[uFrom + k], (int) touches[vFrom + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Sorts {@code lab[from..to)} by {@code order}, a stable merge sort; updates positions. */
    private void sort(int from, int to, IntComparator order) {
        mergeSort(from, to, order);
        for (int k = from; k < to; k++) {
            position[lab[k]] = k;
        }
    }

    private void mergeSort(int from, int to, IntComparator order) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(from, middle, order);
        mergeSort(middle, to, order);
        if (order.compare(lab[middle - 1], lab[middle]) <= 0) {
            return;
        }
        System.arraycopy(lab, from, sortScratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle
                    && order.compare(sortScratch[left], sortScratch[right]) <= 0)) {
                lab[k] = sortScratch[left++];
            } else {
                lab[k] = sortScratch[right++];
            }
        }
    }

    /** A comparison of two nodes. */
    private interface IntComparator {
        int compare(int u, int v);
    }

    private static int[] ensure(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }
}
