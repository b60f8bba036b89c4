package org.orbifold.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * How often the aligners find relabelled copies of regular and vertex-transitive graphs at
 * distance 0, where colour refinement alone tells no node apart: for each family (cycles,
 * random cubic graphs, C60, hypercubes, the Petersen, Shrikhande, Paley graphs, the 4 x 4
 * rook's graph, tori, a circulant, a grid, and Latin square graphs of random Latin squares)
 * a seeded graph is relabelled by a seeded random permutation and aligned to it, and the
 * harness prints the copies found at distance 0 (certified), the largest distance found and
 * the thread CPU time per alignment. Then pairs of non-isomorphic graphs that colour
 * refinement does not tell apart (the Shrikhande graph and the rook's graph, two Latin
 * square graphs), with their distance and time. Only public API is used, so the same
 * class runs against an older build for a before/after comparison. The numbers are in
 * docs/matching.md, section "Relabelled regular graphs".
 *
 * <p>Usage: {@code [RELABELLINGS [ALIGNERS]]}, defaults 5 and {@code faq,fast} (names for
 * {@link Aligners#byName}, seed 1).
 */
public final class RegularCopiesHarness {

    private static final long SEED = 20_261_206L;

    private RegularCopiesHarness() {
    }

    /**
     * Runs the comparison.
     *
     * @param args relabellings per family, and the aligners, comma-separated
     */
    public static void main(String[] args) {
        int relabellings = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] names = (args.length > 1 ? args[1] : "faq,fast").split(",");
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (String name : names) {
            int index = 0;
            for (Map.Entry<String, Function<SplittableRandom, Graph>> family
                    : families().entrySet()) {
                SplittableRandom random = new SplittableRandom(SEED + index++);
                int found = 0;
                double worst = 0.0;
                long cpu = 0;
                for (int t = 0; t < relabellings; t++) {
                    Graph g = family.getValue().apply(random);
                    Graph h = g.permute(Permutation.random(g.order(), random));
                    GraphSpace space = GraphSpace.of(List.of(g, h));
                    Aligner aligner = Aligners.byName(name, 1L);
                    long before = bean.getCurrentThreadCpuTime();
                    double distance = aligner.align(space, g, h).distance();
                    cpu += bean.getCurrentThreadCpuTime() - before;
                    found += distance == 0.0 ? 1 : 0;
                    worst = Math.max(worst, distance);
                }
                System.out.printf(Locale.ROOT, "%-10s %-16s %d/%d  worst %8.3f  %8.2f ms%n",
                        name, family.getKey(), found, relabellings, worst,
                        cpu / 1e6 / relabellings);
            }
            SplittableRandom random = new SplittableRandom(SEED - 1);
            Graph[][] pairs = {
                {cayley(4, 4, new int[][] {{1, 0}, {0, 1}, {1, 1}}),
                    cayley(4, 4, new int[][] {{1, 0}, {2, 0}, {0, 1}, {0, 2}})},
                {latinGraph(latinSquare(10, random)), latinGraph(latinSquare(10, random))},
                {latinGraph(latinSquare(12, random)), latinGraph(latinSquare(12, random))},
            };
            String[] labels = {"Shrikhande/rook", "Latin 10/10", "Latin 12/12"};
            for (int k = 0; k < pairs.length; k++) {
                GraphSpace space = GraphSpace.of(List.of(pairs[k][0], pairs[k][1]));
                long before = bean.getCurrentThreadCpuTime();
                double distance = Aligners.byName(name, 1L).align(space, pairs[k][0],
                        pairs[k][1]).distance();
                System.out.printf(Locale.ROOT, "%-10s %-16s non-isomorphic  d %8.3f  %8.2f ms%n",
                        name, labels[k], distance,
                        (bean.getCurrentThreadCpuTime() - before) / 1e6);
            }
        }
    }

    private static Map<String, Function<SplittableRandom, Graph>> families() {
        Map<String, Function<SplittableRandom, Graph>> families = new LinkedHashMap<>();
        for (int order : new int[] {16, 20, 40, 60, 100, 200}) {
            families.put("cubic " + order, random -> randomCubic(order, random));
        }
        for (int order : new int[] {26, 48, 52, 62, 64, 100}) {
            families.put("cycle " + order, random -> circulant(order, 1));
        }
        families.put("C60", random -> c60());
        families.put("Petersen", random -> petersen());
        for (int d = 4; d <= 7; d++) {
            int dimension = d;
            families.put("hypercube Q" + d, random -> hypercube(dimension));
        }
        families.put("grid 8 x 8", random -> grid(8));
        families.put("Shrikhande", random -> cayley(4, 4,
                new int[][] {{1, 0}, {0, 1}, {1, 1}}));
        families.put("rook 4 x 4", random -> cayley(4, 4,
                new int[][] {{1, 0}, {2, 0}, {0, 1}, {0, 2}}));
        families.put("Paley 29", random -> paley(29));
        families.put("Paley 101", random -> paley(101));
        families.put("circulant 40", random -> circulant(40, 1, 7));
        families.put("torus 6 x 7", random -> cayley(6, 7, new int[][] {{1, 0}, {0, 1}}));
        for (int order : new int[] {8, 10, 12}) {
            families.put("Latin " + order, random -> latinGraph(latinSquare(order, random)));
        }
        return families;
    }

    private static Graph fromEdges(int order, List<int[]> edges) {
        Graph.Builder builder = Graph.builder(0, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode();
        }
        for (int[] edge : edges) {
            builder.addEdge(edge[0], edge[1], 1.0);
        }
        return builder.build();
    }

    /** A random simple cubic graph by the pairing model, drawn again until simple. */
    private static Graph randomCubic(int order, SplittableRandom random) {
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

    /** The Cayley graph of {@code Z_rows x Z_columns} with the steps and their negatives. */
    private static Graph cayley(int rows, int columns, int[][] steps) {
        int order = rows * columns;
        boolean[] adjacent = new boolean[order * order];
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < order; i++) {
            for (int[] step : steps) {
                int j = Math.floorMod(i / columns + step[0], rows) * columns
                        + Math.floorMod(i % columns + step[1], columns);
                if (i != j && !adjacent[i * order + j]) {
                    adjacent[i * order + j] = true;
                    adjacent[j * order + i] = true;
                    edges.add(new int[] {i, j});
                }
            }
        }
        return fromEdges(order, edges);
    }

    private static Graph circulant(int order, int... steps) {
        int[][] pairs = new int[steps.length][];
        for (int k = 0; k < steps.length; k++) {
            pairs[k] = new int[] {0, steps[k]};
        }
        return cayley(1, order, pairs);
    }

    private static Graph hypercube(int dimension) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < 1 << dimension; i++) {
            for (int bit = 0; bit < dimension; bit++) {
                if ((i & (1 << bit)) == 0) {
                    edges.add(new int[] {i, i | (1 << bit)});
                }
            }
        }
        return fromEdges(1 << dimension, edges);
    }

    private static Graph grid(int side) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            if (i % side + 1 < side) {
                edges.add(new int[] {i, i + 1});
            }
            if (i + side < side * side) {
                edges.add(new int[] {i, i + side});
            }
        }
        return fromEdges(side * side, edges);
    }

    /** The Petersen graph: 2-subsets of {0..4}, adjacent when disjoint. */
    private static Graph petersen() {
        List<int[]> subsets = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                subsets.add(new int[] {a, b});
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            for (int q = p + 1; q < 10; q++) {
                int[] s = subsets.get(p);
                int[] t = subsets.get(q);
                if (s[0] != t[0] && s[0] != t[1] && s[1] != t[0] && s[1] != t[1]) {
                    edges.add(new int[] {p, q});
                }
            }
        }
        return fromEdges(10, edges);
    }

    /** The Paley graph of a prime {@code q = 1 mod 4}. */
    private static Graph paley(int q) {
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
     * C60: one node per ordered adjacent pair {@code (v, u)} of the icosahedron (vertices
     * the cyclic permutations of {@code (0, +-1, +-phi)}), joined to {@code (u, v)} and to
     * {@code (v, w)} for the common neighbours {@code w} of {@code v} and {@code u}.
     */
    private static Graph c60() {
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
        List<int[]> edges = new ArrayList<>();
        for (int v = 0; v < 12; v++) {
            for (int u = 0; u < 12; u++) {
                for (int w = u + 1; w < 12 && adjacent[v][u]; w++) {
                    if (adjacent[v][w] && adjacent[u][w]) {
                        edges.add(new int[] {node[v][u], node[v][w]});
                    }
                }
                if (adjacent[v][u] && v < u) {
                    edges.add(new int[] {node[v][u], node[u][v]});
                }
            }
        }
        return fromEdges(order, edges);
    }

    /**
     * A random Latin square: row after row, a perfect matching of columns to the symbols
     * not yet in them, found by augmenting paths from random starting symbols (a Latin
     * rectangle always extends, by Hall's theorem).
     */
    private static int[][] latinSquare(int n, SplittableRandom random) {
        int[][] square = new int[n][n];
        boolean[][] used = new boolean[n][n];
        for (int row = 0; row < n; row++) {
            int[] columnOf = new int[n];
            int[] symbolOf = new int[n];
            Arrays.fill(columnOf, -1);
            for (int c = 0; c < n; c++) {
                augment(c, used, columnOf, symbolOf, new boolean[n], random);
            }
            for (int c = 0; c < n; c++) {
                square[row][c] = symbolOf[c];
                used[c][symbolOf[c]] = true;
            }
        }
        return square;
    }

    private static boolean augment(int column, boolean[][] used, int[] columnOf,
            int[] symbolOf, boolean[] seen, SplittableRandom random) {
        int n = columnOf.length;
        int first = random.nextInt(n);
        for (int k = 0; k < n; k++) {
            int symbol = (first + k) % n;
            if (used[column][symbol] || seen[symbol]) {
                continue;
            }
            seen[symbol] = true;
            if (columnOf[symbol] < 0 || augment(columnOf[symbol], used, columnOf, symbolOf,
                    seen, random)) {
                columnOf[symbol] = column;
                symbolOf[column] = symbol;
                return true;
            }
        }
        return false;
    }

    /** The Latin square graph: cells adjacent when they share a row, column or symbol. */
    private static Graph latinGraph(int[][] square) {
        int n = square.length;
        List<int[]> edges = new ArrayList<>();
        for (int a = 0; a < n * n; a++) {
            for (int b = a + 1; b < n * n; b++) {
                if (a / n == b / n || a % n == b % n
                        || square[a / n][a % n] == square[b / n][b % n]) {
                    edges.add(new int[] {a, b});
                }
            }
        }
        return fromEdges(n * n, edges);
    }
}
