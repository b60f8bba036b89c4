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
 * Nauchno-Technicheskaya Informatsia 2(9): 12-16) then splits each colour by the multiset of
 * (edge type, direction, neighbour colour) over the out- and, for directed pairs, in-edges,
 * round after round until no colour splits. The colours are exact integers: nothing is lost
 * to rounding however far the refinement reaches. A colouring is balanced when every colour
 * has as many nodes in X as in Y; a permutation {@code pi} with {@code X = pi . Y} maps every
 * node to a node of its colour, so a colouring that is not balanced rules out every such
 * permutation below it.
 *
 * <p>The search individualises a node {@code v} of X, the first of a smallest colour of two
 * or more nodes, together with each node {@code w} of Y of that colour in turn (a preferred
 * partner first), by a fresh colour given to both, refines, and descends while the colouring
 * stays balanced, backtracking to the next partner otherwise. Once every colour has one node
 * in each graph, the colouring is a bijection that preserves node attributes and edge types
 * (a refined, balanced colouring with single nodes is equitable, so each edge of X has an
 * edge of the same type between the partners), which is offered to the caller; the search
 * stops at the first one the caller accepts. Every refinement, the first included, counts
 * against a budget; the search gives up when it is spent.
 *
 * <p>Cost of a refinement: {@code O(r (n log n + |E| log d))} for {@code r} rounds over the
 * {@code n = 2m} joint nodes, {@code |E|} edges and largest degree {@code d}, with
 * {@code r} at most the number of colours it adds. Memory: a colouring of {@code 2m} ints
 * per level of the search, at most {@code m} levels deep. Deterministic: ties are broken by
 * node index. Not thread-safe; each {@link FaqAligner} workspace keeps one.
 *
 * <p><b>Limitations.</b> Equal colours need exactly equal attribute vectors: a relabelled
 * copy whose attributes differ in the last bit (distance about {@code 1e-16}, not 0) is not
 * found. Without automorphism pruning the search can spend its budget on highly symmetric
 * pairs (large strongly regular graphs, or non-isomorphic pairs with equal colourings at
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
    /** Scratch codes (kind, neighbour colour), sorted within each row. */
    private long[] codes = new long[0];
    private int[] firstColours = new int[0];
    private int firstColourCount;
    /** The colourings of the levels of the search, {@code colours[level][u]}. */
    private int[][] colours = new int[0][];
    private int[] colourCounts = new int[0];
    /** The partners of the individualised node of each level, {@code m} ints per level. */
    private int[][] partners = new int[0][];
    private int[] order = new int[0];
    private int[] sortScratch = new int[0];
    private int[] newColours = new int[0];
    private int[] balance = new int[0];
    private int[] yOfColour = new int[0];
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
        edgeStart = ensure(edgeStart, n + 1);
        edgeTarget = ensure(edgeTarget, rows);
        edgeKind = ensure(edgeKind, rows);
        codes = codes.length >= rows ? codes : new long[rows];
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
        firstColourCount = 0;
        for (int u = 0; u < n; u++) {
            firstColourCount = Math.max(firstColourCount, firstColours[u] + 1);
        }
        order = ensure(order, n);
        sortScratch = ensure(sortScratch, n);
        newColours = ensure(newColours, n);
        balance = ensure(balance, n + 1);
        yOfColour = ensure(yOfColour, n + 1);
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
        refinements = 0;
        preferred = partnersFirst;
        leaf = test;
        images = found;
        int[] root = level(0);
        System.arraycopy(firstColours, 0, root, 0, n);
        colourCounts[0] = firstColourCount;
        refinements++;
        return refine(0) && descend(0) == FOUND;
    }

    /** Returns the number of refinements spent by the latest {@link #search}. */
    long refinements() {
        return refinements;
    }

    /** Returns the colouring of level {@code depth}, allocating levels as needed. */
    private int[] level(int depth) {
        if (depth >= colours.length) {
            int size = Math.max(depth + 1, 2 * colours.length);
            colours = Arrays.copyOf(colours, size);
            partners = Arrays.copyOf(partners, size);
            colourCounts = Arrays.copyOf(colourCounts, size);
        }
        if (colours[depth] == null || colours[depth].length < n) {
            colours[depth] = new int[n];
            partners[depth] = new int[m];
        }
        return colours[depth];
    }

    /**
     * Explores the subtree below the balanced, refined colouring of level {@code depth}:
     * offers the bijection at a leaf, otherwise individualises a node of X with each partner
     * in turn. Returns {@link #FOUND}, {@link #FAILED} when the subtree holds no accepted
     * bijection, or {@link #SPENT} when the budget ran out.
     */
    private int descend(int depth) {
        int[] colour = colours[depth];
        int count = colourCounts[depth];
        if (count == m) {
            for (int a = 0; a < m; a++) {
                yOfColour[colour[m + a]] = a;
            }
            for (int i = 0; i < m; i++) {
                images[i] = yOfColour[colour[i]];
            }
            return leaf.accept(images) ? FOUND : FAILED;
        }

        // The target: the first node of X in a smallest colour of two or more nodes per graph.
        Arrays.fill(balance, 0, count, 0);
        for (int i = 0; i < m; i++) {
            balance[colour[i]]++;
        }
        int node = -1;
        for (int i = 0; i < m; i++) {
            int size = balance[colour[i]];
            if (size >= 2 && (node < 0 || size < balance[colour[node]])) {
                node = i;
            }
        }
        int target = colour[node];
        int[] candidates = partners[depth];
        int candidateCount = 0;
        int first = preferred[node];
        if (first >= 0 && first < m && colour[m + first] == target) {
            candidates[candidateCount++] = first;
        }
        for (int a = 0; a < m; a++) {
            if (colour[m + a] == target && a != first) {
                candidates[candidateCount++] = a;
            }
        }

        int[] next = level(depth + 1);
        for (int c = 0; c < candidateCount; c++) {
            if (refinements >= budget) {
                return SPENT;
            }
            refinements++;
            System.arraycopy(colour, 0, next, 0, n);
            next[node] = count;
            next[m + candidates[c]] = count;
            colourCounts[depth + 1] = count + 1;
            if (refine(depth + 1)) {
                int outcome = descend(depth + 1);
                if (outcome != FAILED) {
                    return outcome;
                }
            }
        }
        return FAILED;
    }

    /**
     * Refines the colouring of level {@code depth} until no colour splits; returns whether
     * every colour stays balanced (the same number of nodes in X and in Y).
     */
    private boolean refine(int depth) {
        int[] colour = colours[depth];
        int count = colourCounts[depth];
        while (true) {
            for (int u = 0; u < n; u++) {
                int from = edgeStart[u];
                int to = edgeStart[u + 1];
                for (int e = from; e < to; e++) {
                    codes[e] = ((long) edgeKind[e] << 32) | colour[edgeTarget[e]];
                }
                Arrays.sort(codes, from, to);
            }
            for (int u = 0; u < n; u++) {
                order[u] = u;
            }
            sortNodes(colour, 0, n);

            // New colours in the sorted order: a colour splits by its nodes' signatures only.
            int number = 0;
            newColours[order[0]] = 0;
            for (int k = 1; k < n; k++) {
                if (compare(colour, order[k - 1], order[k]) != 0) {
                    number++;
                }
                newColours[order[k]] = number;
            }
            int refined = number + 1;
            System.arraycopy(newColours, 0, colour, 0, n);
            colourCounts[depth] = refined;
            Arrays.fill(balance, 0, refined, 0);
            for (int u = 0; u < m; u++) {
                balance[colour[u]]++;
                balance[colour[m + u]]--;
            }
            for (int c = 0; c < refined; c++) {
                if (balance[c] != 0) {
                    return false;
                }
            }
            if (refined == count) {
                return true;
            }
            count = refined;
        }
    }

    /**
     * Orders nodes by colour, then by degree, then by their sorted codes, lexicographically:
     * a total preorder in which nodes compare equal exactly when they keep one colour.
     */
    private int compare(int[] colour, int u, int v) {
        if (colour[u] != colour[v]) {
            return Integer.compare(colour[u], colour[v]);
        }
        int uFrom = edgeStart[u];
        int vFrom = edgeStart[v];
        int uLength = edgeStart[u + 1] - uFrom;
        int vLength = edgeStart[v + 1] - vFrom;
        if (uLength != vLength) {
            return Integer.compare(uLength, vLength);
        }
        for (int k = 0; k < uLength; k++) {
            int c = Long.compare(codes[uFrom + k], codes[vFrom + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Sorts {@code order[from..to)} by {@link #compare}, a stable merge sort. */
    private void sortNodes(int[] colour, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        sortNodes(colour, from, middle);
        sortNodes(colour, middle, to);
        if (compare(colour, order[middle - 1], order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, sortScratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle
                    && compare(colour, sortScratch[left], sortScratch[right]) <= 0)) {
                order[k] = sortScratch[left++];
            } else {
                order[k] = sortScratch[right++];
            }
        }
    }

    private static int[] ensure(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }
}
