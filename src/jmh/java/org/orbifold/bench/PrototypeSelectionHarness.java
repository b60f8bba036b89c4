package org.orbifold.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;

/**
 * Feasibility of prototypes selected for classification on IAM Protein (validation only): are
 * there at most 20 training graphs whose nearest-prototype rule comes near 1-NN over all 200?
 *
 * <p>The space is that of {@code orbifold classify --sequence-pairs --standardize --existence
 * 0.5 --edge-weight 0.1 --aligner fast --seed 1} (docs/results.md 6.16): the IAM reading with
 * the reduced dipeptide composition ({@link IamDatasetReader.Recoding#dipeptides}),
 * standardized channels fitted on the training split only, existence value 0.5, node weight 1,
 * edge weight 0.1, the {@code fast} aligner with seed 1. The distance of a stored graph
 * {@code p} to a query {@code q} is {@code align(space, p, q)}, as in {@code NearestNeighbors}
 * and {@code PrototypeModel}. Two matrices are computed once: training x training
 * ({@code T[t][p]}, query {@code t}, stored {@code p}; the diagonal is not used) and
 * validation x training ({@code V[v][p]}).
 *
 * <p>Reported, on the validation split:
 * <ol>
 *   <li>1-NN over all training graphs (a check against 6.16's 73.0 %), and the leave-one-out
 *       1-NN accuracy on the training split;</li>
 *   <li>the method: greedy forward selection of training graphs, each step adding the graph
 *       that maximizes the leave-one-out nearest-prototype accuracy on the training split
 *       (a training graph is classified by its nearest selected prototype other than itself;
 *       a graph with no other prototype counts as wrong); for m = 1..{@link #MAX_PROTOTYPES},
 *       the validation accuracy of the first m chosen;</li>
 *   <li>a diagnostic, never used to choose anything: the same greedy selection maximizing the
 *       validation accuracy itself: optimistic against any selection made without the
 *       validation labels, yet only a lower bound on the best set of m members for
 *       validation, since the search is greedy.</li>
 * </ol>
 * Tie rules: the nearest prototype is the one at the smallest distance, ties to the smaller
 * training index; a step adds the candidate with the most correct graphs, ties to the
 * smaller training index.
 *
 * <p>Also printed: the median distance to the nearest training graph, and how the
 * validation graphs that 1-NN gets right spread over their nearest training graphs; and, for
 * both selections, a local search by single swaps from the greedy choice (first
 * improvement; for (a) on the training objective, for (b) as part of the diagnostic), and
 * the same swap search from {@link #RESTARTS} random starts (see {@link #restarts}): for (a)
 * the end point with the best training leave-one-out accuracy is kept.
 *
 * <p>Usage: {@code DATASETS [THREADS] [CACHE]}; with {@code CACHE} a file, the matrices are
 * read from it when it exists and written to it otherwise.
 *
 * <p><b>Limitations.</b> Protein only; the greedy choice is not optimal for a given m (the
 * selection problem is combinatorial), and the matrices hold about 80,000 alignments.
 */
public final class PrototypeSelectionHarness {

    /** The largest number of prototypes, 10 % of the 200 training graphs. */
    static final int MAX_PROTOTYPES = 20;
    private static final double EXISTENCE = 0.5;
    private static final double EDGE_WEIGHT = 0.1;
    private static final long SEED = 1L;
    /** The random starts of the swap search of the diagnostic. */
    private static final int RESTARTS = 50;

    private PrototypeSelectionHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args DATASETS [THREADS] [CACHE]
     * @throws IOException if the data or the cache cannot be read
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path data = Path.of(args[0]).resolve("iam/Protein/data");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path cache = args.length > 2 ? Path.of(args[2]) : null;
        IamDatasetReader.Recoding recoding = IamDatasetReader.Recoding.forIamSet("Protein")
                .dipeptides(IamDatasetReader.Recoding.AMINO_ACID_CLASSES, "sequence");
        List<GraphDataset> splits = IamDatasetReader.readSplits(List.of(
                data.resolve("train.cxl"), data.resolve("valid.cxl"),
                data.resolve("test.cxl")), recoding);
        GraphDataset train = splits.get(0);
        GraphDataset valid = splits.get(1);
        List<String> trainLabels = train.classLabels();
        List<String> validLabels = valid.classLabels();
        System.out.printf(Locale.ROOT, "Protein: %d / %d / %d graphs, recoding %s%n",
                train.size(), valid.size(), splits.get(2).size(), recoding);
        System.out.println("load before: " + loadAverage());

        double[][] t;
        double[][] v;
        if (cache != null && Files.exists(cache)) {
            double[][][] read = readCache(cache, train.size(), valid.size());
            t = read[0];
            v = read[1];
            System.out.println("matrices read from " + cache);
        } else {
            IamClassificationHarness.Setting setting = new IamClassificationHarness.Setting(
                    true, List.of(), EXISTENCE, EDGE_WEIGHT, false);
            AttributeScaling scaling = IamClassificationHarness.scaling(train, setting);
            List<Graph> trainGraphs = scaling.applyAll(train.graphs());
            List<Graph> validGraphs = scaling.applyAll(valid.graphs());
            List<Graph> all = new ArrayList<>(trainGraphs);
            all.addAll(validGraphs);
            all.addAll(scaling.applyAll(splits.get(2).graphs()));
            GraphSpace space = GraphSpace.of(all).withWeights(1.0, EDGE_WEIGHT);
            Aligner aligner = Aligners.byName("fast", SEED);
            System.out.println("setting: " + setting + ", space " + space + ", aligner fast,"
                    + " seed " + SEED + ", threads " + threads);
            ForkJoinPool pool = new ForkJoinPool(threads);
            long d0 = System.nanoTime();
            double c0 = cpuSeconds();
            t = distances(space, aligner, trainGraphs, trainGraphs, true, pool);
            v = distances(space, aligner, trainGraphs, validGraphs, false, pool);
            pool.shutdown();
            System.out.printf(Locale.ROOT, "distances: %d alignments, %.0f s wall, %.0f s"
                    + " process CPU, load after %s%n", train.size() * (train.size() - 1)
                    + valid.size() * train.size(), (System.nanoTime() - d0) / 1e9,
                    cpuSeconds() - c0, loadAverage());
            if (cache != null) {
                writeCache(cache, t, v);
            }
        }

        int[] all = new int[train.size()];
        for (int p = 0; p < all.length; p++) {
            all[p] = p;
        }
        System.out.printf(Locale.ROOT, "%n1-NN over all %d training graphs: validation %s,"
                + " training leave-one-out %s%n", all.length,
                percent(correct(v, all, all.length, trainLabels, validLabels, false),
                        valid.size()),
                percent(correct(t, all, all.length, trainLabels, trainLabels, true),
                        train.size()));

        System.out.printf(Locale.ROOT, "nearest training graph, median distance: from a"
                + " validation graph %.3f, from a training graph (other than itself) %.3f%n",
                medianNearest(v, false), medianNearest(t, true));
        relatives(v, trainLabels, validLabels);

        int[] method = greedy(t, trainLabels, trainLabels, true, MAX_PROTOTYPES);
        int[] diagnostic = greedy(v, trainLabels, validLabels, false, MAX_PROTOTYPES);
        System.out.println();
        System.out.println("| m | (a) chosen | (a) training LOO | (a) validation | (a) classes"
                + " | (a) + swaps: LOO / validation | (b) DIAGNOSTIC validation |"
                + " (b) + swaps DIAGNOSTIC |");
        System.out.println("|---:|---:|---:|---:|---|---|---:|---:|");
        for (int m = 1; m <= MAX_PROTOTYPES; m++) {
            int[] swapped = swaps(t, Arrays.copyOf(method, m), trainLabels,
                    trainLabels, true);
            int[] swappedDiagnostic = swaps(v, Arrays.copyOf(diagnostic, m),
                    trainLabels, validLabels, false);
            System.out.printf(Locale.ROOT, "| %d | %d (%s) | %s | %s | %s | %s / %s | %s |"
                    + " %s |%n", m,
                    method[m - 1], trainLabels.get(method[m - 1]),
                    percent(correct(t, method, m, trainLabels, trainLabels, true),
                            train.size()),
                    percent(correct(v, method, m, trainLabels, validLabels, false),
                            valid.size()),
                    classCounts(method, m, trainLabels),
                    percent(correct(t, swapped, m, trainLabels, trainLabels, true),
                            train.size()),
                    percent(correct(v, swapped, m, trainLabels, validLabels, false),
                            valid.size()),
                    percent(correct(v, diagnostic, m, trainLabels, validLabels, false),
                            valid.size()),
                    percent(correct(v, swappedDiagnostic, m, trainLabels, validLabels, false),
                            valid.size()));
        }
        restarts(t, v, trainLabels, validLabels);
        System.out.printf(Locale.ROOT, "%nload after: %s; process CPU %.0f s, wall %.0f s%n",
                loadAverage(), cpuSeconds(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Greedy forward selection: {@code steps} times, adds the not yet chosen stored graph
     * that makes the most queries correct, ties to the smaller index.
     *
     * @param d distances, {@code d[q][p]} from stored graph {@code p} to query {@code q}
     * @param storedLabels the labels of the stored graphs
     * @param queryLabels the labels of the queries
     * @param leaveOneOut whether query {@code q} is stored graph {@code q} and may not be its
     *     own prototype
     * @param steps the number of graphs to choose
     * @return the chosen stored indices, in the order chosen
     */
    static int[] greedy(double[][] d, List<String> storedLabels, List<String> queryLabels,
            boolean leaveOneOut, int steps) {
        int n = storedLabels.size();
        int[] chosen = new int[steps];
        boolean[] taken = new boolean[n];
        for (int s = 0; s < steps; s++) {
            int best = -1;
            int bestCorrect = -1;
            for (int c = 0; c < n; c++) {
                if (taken[c]) {
                    continue;
                }
                chosen[s] = c;
                int right = correct(d, chosen, s + 1, storedLabels, queryLabels, leaveOneOut);
                if (right > bestCorrect) {
                    bestCorrect = right;
                    best = c;
                }
            }
            chosen[s] = best;
            taken[best] = true;
        }
        return chosen;
    }

    /**
     * Local search from a selection: replaces one chosen graph by one not chosen whenever that
     * strictly increases the number of correct queries (first improvement, chosen positions
     * and candidates in increasing order), until a whole pass finds no such swap.
     *
     * @return the improved selection (the argument, modified)
     */
    static int[] swaps(double[][] d, int[] chosen, List<String> storedLabels,
            List<String> queryLabels, boolean leaveOneOut) {
        int m = chosen.length;
        boolean[] taken = new boolean[storedLabels.size()];
        for (int p : chosen) {
            taken[p] = true;
        }
        int current = correct(d, chosen, m, storedLabels, queryLabels, leaveOneOut);
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < taken.length; c++) {
                    if (taken[c]) {
                        continue;
                    }
                    int old = chosen[i];
                    chosen[i] = c;
                    int right = correct(d, chosen, m, storedLabels, queryLabels, leaveOneOut);
                    if (right > current) {
                        current = right;
                        taken[old] = false;
                        taken[c] = true;
                        improved = true;
                    } else {
                        chosen[i] = old;
                    }
                }
            }
        }
        return chosen;
    }

    /**
     * Prints how the validation graphs that 1-NN gets right spread over their nearest
     * training graphs: how many distinct training graphs they use, and how many of them the
     * {@link #MAX_PROTOTYPES} most used training graphs serve. A prototype set of that size
     * that kept each of those graphs' own nearest-neighbour cells could keep no more.
     */
    private static void relatives(double[][] v, List<String> trainLabels,
            List<String> validLabels) {
        int[] all = new int[trainLabels.size()];
        for (int p = 0; p < all.length; p++) {
            all[p] = p;
        }
        int[] uses = new int[all.length];
        for (int q = 0; q < v.length; q++) {
            int nearest = nearestOf(v[q], all, all.length, -1);
            if (trainLabels.get(nearest).equals(validLabels.get(q))) {
                uses[nearest]++;
            }
        }
        int distinct = (int) Arrays.stream(uses).filter(u -> u > 0).count();
        int[] sorted = Arrays.stream(uses).sorted().toArray();
        int top = 0;
        for (int i = 0; i < MAX_PROTOTYPES; i++) {
            top += sorted[sorted.length - 1 - i];
        }
        System.out.printf(Locale.ROOT, "validation graphs right by 1-NN: %d, through %d distinct"
                + " nearest training graphs; the %d most used serve %d; the most used serves"
                + " %d%n", Arrays.stream(uses).sum(), distinct, MAX_PROTOTYPES, top,
                sorted[sorted.length - 1]);
    }

    /**
     * Swap local search from {@link #RESTARTS} random selections (seed {@link #SEED}) for
     * m = 5, 10, 15 and {@link #MAX_PROTOTYPES}: (a) on the training leave-one-out accuracy,
     * keeping the end point with the most correct training graphs (ties to the earlier start),
     * whose validation accuracy is printed with the median and range over all end points;
     * (b) DIAGNOSTIC, on the validation accuracy itself (best, median and worst end point):
     * another lower bound on the best set of m members for validation, from starts that the
     * greedy order does not reach.
     */
    private static void restarts(double[][] t, double[][] v, List<String> trainLabels,
            List<String> validLabels) {
        System.out.println();
        System.out.println("| m | (a) restarts: best training LOO | its validation |"
                + " validation over the ends, median (min-max) | (b) DIAGNOSTIC restarts on"
                + " validation: best | median (min-max) |");
        System.out.println("|---:|---:|---:|---|---:|---|");
        for (int m : new int[] {5, 10, 15, MAX_PROTOTYPES}) {
            int[][] methodEnds = ends(t, m, trainLabels, trainLabels, true);
            int[][] diagnosticEnds = ends(v, m, trainLabels, validLabels, false);
            int best = 0;
            int[] loo = new int[RESTARTS];
            int[] valid = new int[RESTARTS];
            int[] diagnostic = new int[RESTARTS];
            for (int r = 0; r < RESTARTS; r++) {
                loo[r] = correct(t, methodEnds[r], m, trainLabels, trainLabels, true);
                valid[r] = correct(v, methodEnds[r], m, trainLabels, validLabels, false);
                diagnostic[r] = correct(v, diagnosticEnds[r], m, trainLabels, validLabels,
                        false);
                if (loo[r] > loo[best]) {
                    best = r;
                }
            }
            int chosenValid = valid[best];
            int chosenLoo = loo[best];
            Arrays.sort(valid);
            Arrays.sort(diagnostic);
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %s (%s-%s) | %s | %s (%s-%s) |%n",
                    m, percent(chosenLoo, t.length), percent(chosenValid, v.length),
                    percent(valid[RESTARTS / 2], v.length), percent(valid[0], v.length),
                    percent(valid[RESTARTS - 1], v.length),
                    percent(diagnostic[RESTARTS - 1], v.length),
                    percent(diagnostic[RESTARTS / 2], v.length),
                    percent(diagnostic[0], v.length), percent(diagnostic[RESTARTS - 1],
                            v.length));
        }
    }

    /**
     * The end points of the swap search from {@link #RESTARTS} random selections of m stored
     * graphs, drawn with seed {@link #SEED}.
     */
    private static int[][] ends(double[][] d, int m, List<String> storedLabels,
            List<String> queryLabels, boolean leaveOneOut) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[][] result = new int[RESTARTS][];
        for (int r = 0; r < RESTARTS; r++) {
            int[] order = new int[storedLabels.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            result[r] = swaps(d, Arrays.copyOf(order, m), storedLabels, queryLabels,
                    leaveOneOut);
        }
        return result;
    }

    /** The median over queries of the distance to the nearest stored graph. */
    private static double medianNearest(double[][] d, boolean leaveOneOut) {
        double[] nearest = new double[d.length];
        for (int q = 0; q < d.length; q++) {
            double best = Double.POSITIVE_INFINITY;
            for (int p = 0; p < d[q].length; p++) {
                if (!(leaveOneOut && p == q)) {
                    best = Math.min(best, d[q][p]);
                }
            }
            nearest[q] = best;
        }
        Arrays.sort(nearest);
        return (nearest[(d.length - 1) / 2] + nearest[d.length / 2]) / 2;
    }

    /**
     * The number of queries whose nearest prototype (among the first {@code m} of
     * {@code prototypes}, smallest distance, ties to the smaller stored index; with
     * {@code leaveOneOut}, never the query itself) has the query's label.
     */
    static int correct(double[][] d, int[] prototypes, int m, List<String> storedLabels,
            List<String> queryLabels, boolean leaveOneOut) {
        int right = 0;
        for (int q = 0; q < d.length; q++) {
            int nearest = nearestOf(d[q], prototypes, m, leaveOneOut ? q : -1);
            if (nearest >= 0 && storedLabels.get(nearest).equals(queryLabels.get(q))) {
                right++;
            }
        }
        return right;
    }

    /**
     * The nearest of the first {@code m} prototypes in a row of distances, ties to the smaller
     * index, never {@code excluded}; -1 if none.
     */
    static int nearestOf(double[] row, int[] prototypes, int m, int excluded) {
        int nearest = -1;
        for (int i = 0; i < m; i++) {
            int p = prototypes[i];
            if (p == excluded) {
                continue;
            }
            if (nearest < 0 || row[p] < row[nearest] || (row[p] == row[nearest] && p < nearest)) {
                nearest = p;
            }
        }
        return nearest;
    }

    private static String classCounts(int[] prototypes, int m, List<String> labels) {
        List<String> classes = labels.stream().distinct().sorted().toList();
        StringBuilder text = new StringBuilder();
        for (String c : classes) {
            long count = 0;
            for (int i = 0; i < m; i++) {
                count += labels.get(prototypes[i]).equals(c) ? 1 : 0;
            }
            text.append(text.length() == 0 ? "" : " ").append(count);
        }
        return text.toString();
    }

    private static String percent(int right, int total) {
        return String.format(Locale.ROOT, "%.1f %% (%d)", 100.0 * right / total, right);
    }

    /** {@code d[q][p] = align(space, stored p, query q)}; the diagonal is 0 if same. */
    private static double[][] distances(GraphSpace space, Aligner aligner, List<Graph> stored,
            List<Graph> queries, boolean same, ForkJoinPool pool) {
        List<double[]> rows = IndexedTasks.map(queries.size(), q -> {
            double[] row = new double[stored.size()];
            for (int p = 0; p < row.length; p++) {
                row[p] = same && p == q ? 0.0
                        : aligner.align(space, stored.get(p), queries.get(q)).distance();
            }
            return row;
        }, pool);
        return rows.toArray(new double[0][]);
    }

    private static void writeCache(Path file, double[][] t, double[][] v) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                DataOutputStream data = new DataOutputStream(out)) {
            for (double[][] matrix : List.of(t, v)) {
                for (double[] row : matrix) {
                    for (double x : row) {
                        data.writeDouble(x);
                    }
                }
            }
        }
    }

    private static double[][][] readCache(Path file, int n, int queries) throws IOException {
        double[][][] result = {new double[n][n], new double[queries][n]};
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            for (double[][] matrix : result) {
                for (double[] row : matrix) {
                    for (int p = 0; p < row.length; p++) {
                        row[p] = data.readDouble();
                    }
                }
            }
        }
        return result;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
