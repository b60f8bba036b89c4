package org.orbifold.match;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.orbifold.space.Graph;

/**
 * Regular and vertex-transitive graphs for the tests of the isomorphism search: unit edges,
 * no node attributes, undirected unless stated.
 */
final class SymmetricGraphs {

    private SymmetricGraphs() {
    }

    /** The graph of the given order and edges {@code {i, j}}. */
    static Graph fromEdges(int order, List<int[]> edges) {
        Graph.Builder builder = Graph.builder(0, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode();
        }
        for (int[] edge : edges) {
            builder.addEdge(edge[0], edge[1], 1.0);
        }
        return builder.build();
    }

    /**
     * A uniformly random simple cubic graph of even order, by the pairing model of
     * Bollobas (1980, "A probabilistic proof of an asymptotic formula for the number of
     * labelled regular graphs", European J. Combin. 1(4): 311-316): three points per node
     * are matched at random, and a matching with a loop or a double edge is drawn again.
     */
    static Graph randomCubic(int order, SplittableRandom random) {
        while (true) {
            int[] points = new int[3 * order];
            for (int k = 0; k < points.length; k++) {
                points[k] = k / 3;
            }
            for (int k = points.length - 1; k > 0; k--) {
                int pick = random.nextInt(k + 1);
                int swap = points[k];
                points[k] = points[pick];
                points[pick] = swap;
            }
            boolean[] adjacent = new boolean[order * order];
            List<int[]> edges = new ArrayList<>();
            boolean simple = true;
            for (int k = 0; k < points.length && simple; k += 2) {
                int i = points[k];
                int j = points[k + 1];
                simple = i != j && !adjacent[i * order + j];
                adjacent[i * order + j] = true;
                adjacent[j * order + i] = true;
                edges.add(new int[] {i, j});
            }
            if (simple) {
                return fromEdges(order, edges);
            }
        }
    }

    /** The hypercube {@code Q_d}: nodes are bit strings, adjacent when one bit differs. */
    static Graph hypercube(int dimension) {
        int order = 1 << dimension;
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < order; i++) {
            for (int bit = 0; bit < dimension; bit++) {
                int j = i ^ (1 << bit);
                if (i < j) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return fromEdges(order, edges);
    }

    /** The Petersen graph: the 2-subsets of {0..4}, adjacent when disjoint. */
    static Graph petersen() {
        return kneser(5);
    }

    /** The Kneser graph {@code K(k, 2)}: 2-subsets of {0..k-1}, adjacent when disjoint. */
    static Graph kneser(int k) {
        return pairGraph(k, false, null);
    }

    /**
     * The triangular graph {@code T(k)}, the line graph of the complete graph {@code K_k}:
     * 2-subsets of {0..k-1}, adjacent when they meet; strongly regular.
     */
    static Graph triangular(int k) {
        return pairGraph(k, true, null);
    }

    /**
     * A Chang graph: {@code T(8)} switched (Seidel) with respect to the four pairs
     * {0,1}, {2,3}, {4,5}, {6,7}, which reverses adjacency between those four nodes and the
     * others. It is strongly regular with the parameters of {@code T(8)}, (28, 12, 6, 4), and
     * not isomorphic to it (Chang 1959, "The uniqueness and non-uniqueness of the triangular
     * association schemes", Sci. Record Peking Math. 3: 604-613).
     */
    static Graph chang() {
        return pairGraph(8, true, new int[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}});
    }

    /** A count of the triangles of {@code g}, an isomorphism invariant. */
    static int triangles(Graph g) {
        int count = 0;
        for (int i = 0; i < g.order(); i++) {
            for (int j : g.successors(i)) {
                for (int k : g.successors(j)) {
                    if (i < j && j < k && g.hasEdge(i, k)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The size of a largest clique of {@code g}, by enumeration (small graphs only). */
    static int cliqueNumber(Graph g) {
        return largestClique(g, new int[g.order()], 0, 0);
    }

    private static int largestClique(Graph g, int[] clique, int size, int next) {
        int best = size;
        for (int v = next; v < g.order(); v++) {
            boolean joined = true;
            for (int k = 0; k < size && joined; k++) {
                joined = g.hasEdge(clique[k], v);
            }
            if (joined) {
                clique[size] = v;
                best = Math.max(best, largestClique(g, clique, size + 1, v + 1));
            }
        }
        return best;
    }

    private static Graph pairGraph(int k, boolean meeting, int[][] switched) {
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        boolean[] inSwitched = new boolean[pairs.size()];
        if (switched != null) {
            for (int p = 0; p < pairs.size(); p++) {
                for (int[] s : switched) {
                    inSwitched[p] |= pairs.get(p)[0] == s[0] && pairs.get(p)[1] == s[1];
                }
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            for (int q = p + 1; q < pairs.size(); q++) {
                int[] s = pairs.get(p);
                int[] t = pairs.get(q);
                boolean meet = s[0] == t[0] || s[0] == t[1] || s[1] == t[0] || s[1] == t[1];
                if (meet == meeting ^ inSwitched[p] ^ inSwitched[q]) {
                    edges.add(new int[] {p, q});
                }
            }
        }
        return fromEdges(pairs.size(), edges);
    }

    /**
     * The Cayley graph of the group {@code Z_rows x Z_columns} with the given connection set
     * and its negatives: node {@code (r, c)} is {@code r * columns + c}.
     */
    static Graph cayley(int rows, int columns, int[][] steps) {
        int order = rows * columns;
        boolean[] adjacent = new boolean[order * order];
        List<int[]> edges = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                for (int[] step : steps) {
                    int i = r * columns + c;
                    int j = Math.floorMod(r + step[0], rows) * columns
                            + Math.floorMod(c + step[1], columns);
                    if (i != j && !adjacent[i * order + j]) {
                        adjacent[i * order + j] = true;
                        adjacent[j * order + i] = true;
                        edges.add(new int[] {i, j});
                    }
                }
            }
        }
        return fromEdges(order, edges);
    }

    /**
     * The Shrikhande graph, the Cayley graph of {@code Z_4 x Z_4} with steps
     * {@code +-(1, 0), +-(0, 1), +-(1, 1)}: strongly regular (16, 6, 2, 2), clique number 3.
     */
    static Graph shrikhande() {
        return cayley(4, 4, new int[][] {{1, 0}, {0, 1}, {1, 1}});
    }

    /**
     * The 4 x 4 rook's graph {@code K_4 x K_4}: strongly regular (16, 6, 2, 2) like the
     * Shrikhande graph, but with cliques of 4 nodes (a row).
     */
    static Graph rook4() {
        return cayley(4, 4, new int[][] {{1, 0}, {2, 0}, {0, 1}, {0, 2}});
    }

    /** The torus grid {@code C_rows x C_columns}, vertex-transitive, 4-regular. */
    static Graph torus(int rows, int columns) {
        return cayley(rows, columns, new int[][] {{1, 0}, {0, 1}});
    }

    /** The circulant graph of the given order: node {@code i} adjacent to {@code i +- s}. */
    static Graph circulant(int order, int... steps) {
        int[][] pairs = new int[steps.length][];
        for (int k = 0; k < steps.length; k++) {
            pairs[k] = new int[] {0, steps[k]};
        }
        return cayley(1, order, pairs);
    }

    /**
     * The Paley graph of a prime {@code q = 1 mod 4}: residues adjacent when their difference
     * is a non-zero square; strongly regular, vertex- and arc-transitive.
     */
    static Graph paley(int q) {
        boolean[] square = new boolean[q];
        for (int x = 1; x < q; x++) {
            square[x * x % q] = true;
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < q; i++) {
            for (int j = i + 1; j < q; j++) {
                if (square[j - i]) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return fromEdges(q, edges);
    }

    /**
     * The buckminsterfullerene C60 (the truncated icosahedron): one node per ordered pair
     * {@code (v, u)} of adjacent vertices of the icosahedron; {@code (v, u)} is joined to
     * {@code (u, v)} (a bond between two hexagons, edge value {@code between}) and to
     * {@code (v, w)} for the common neighbours {@code w} of {@code v} and {@code u} (a bond of
     * the pentagon around {@code v}, edge value 1). The icosahedron's vertices are the cyclic
     * permutations of {@code (0, +-1, +-phi)}, adjacent at distance 2.
     */
    static Graph c60(double between) {
        double phi = (1.0 + Math.sqrt(5.0)) / 2.0;
        double[][] vertices = new double[12][];
        int count = 0;
        for (int s = -1; s <= 1; s += 2) {
            for (int t = -1; t <= 1; t += 2) {
                vertices[count++] = new double[] {0.0, s, t * phi};
                vertices[count++] = new double[] {s, t * phi, 0.0};
                vertices[count++] = new double[] {t * phi, 0.0, s};
            }
        }
        boolean[][] adjacent = new boolean[12][12];
        int[][] node = new int[12][12];
        int order = 0;
        for (int v = 0; v < 12; v++) {
            for (int u = 0; u < 12; u++) {
                double squared = 0.0;
                for (int c = 0; c < 3; c++) {
                    double difference = vertices[v][c] - vertices[u][c];
                    squared += difference * difference;
                }
                adjacent[v][u] = u != v && Math.abs(squared - 4.0) < 1e-9;
                if (adjacent[v][u]) {
                    node[v][u] = order++;
                }
            }
        }
        Graph.Builder builder = Graph.builder(0, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode();
        }
        for (int v = 0; v < 12; v++) {
            for (int u = 0; u < 12; u++) {
                if (!adjacent[v][u]) {
                    continue;
                }
                if (v < u) {
                    builder.addEdge(node[v][u], node[u][v], between);
                }
                for (int w = u + 1; w < 12; w++) {
                    if (adjacent[v][w] && adjacent[u][w]) {
                        builder.addEdge(node[v][u], node[v][w], 1.0);
                    }
                }
            }
        }
        return builder.build();
    }
}
