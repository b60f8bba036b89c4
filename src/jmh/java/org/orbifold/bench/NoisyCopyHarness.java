package org.orbifold.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Matches a random weighted graph against a noisy, relabelled copy of itself and reports how
 * many nodes the aligners send to their true partner.
 *
 * <p>Instance {@code (n, sigma)}: {@code A} is a symmetric Erdos-Renyi graph of order
 * {@code n}, each pair an edge with probability {@value #DENSITY}, weights uniform in
 * {@code (0, 1]}, zero diagonal. The noisy copy adds independent Gaussian noise of standard
 * deviation {@code sigma} to every existing edge (both directions the same, so it stays
 * symmetric; weights may become negative, and only an exact zero means "no edge"), and then
 * relabels the nodes by a uniformly random permutation {@code t}: {@code B[t(i)][t(j)] =
 * (A + noise)[i][j]}. In the convention of {@link Graph#permute(Permutation)} this is
 * {@code A + noise = t . B}, so the true alignment of {@code A} onto {@code B} is {@code t}:
 * node {@code i} of {@code A} is node {@code t(i)} of {@code B}. SciPy's
 * {@code quadratic_assignment(A, B, maximize=True).col_ind} follows the same convention.
 * Every instance comes from its own {@link SplittableRandom} seeded by {@link #seed}, and is
 * written as {@code A-n-k.npy}, {@code B-n-k.npy} and {@code truth-n-k.npy} ({@code k} the
 * index of {@code sigma}) so that the Python script solves the identical matrices.
 *
 * <p>Both graphs have order {@code n}, so no alignment pads with null nodes and the
 * all-zero node attributes need no existence channel.
 *
 * <p>Usage: {@code OUT_DIR OUT.csv [MAX_ORDER [SEED]]}; defaults 300 and 1. Orders
 * {@value #ORDERS_TEXT} up to {@code MAX_ORDER}, noise levels {@code 0, 0.1, 0.3}, aligners
 * {@code fast} and {@code faq} with {@code Aligners.byName(name, SEED)}. Each run is timed once
 * with {@link System#nanoTime()} after an untimed warm-up on the {@code n = 50} instances.
 */
public final class NoisyCopyHarness {

    private static final double DENSITY = 0.1;
    private static final String ORDERS_TEXT = "10, 20, 50, 100, 200, 300";
    private static final int[] ORDERS = {10, 20, 50, 100, 200, 300};
    private static final double[] SIGMAS = {0.0, 0.1, 0.3};
    private static final List<String> ALIGNERS = List.of("fast", "faq");
    private static final int WARMUP_ORDER = 50;

    private NoisyCopyHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args {@code OUT_DIR OUT.csv [MAX_ORDER [SEED]]}
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: NoisyCopyHarness OUT_DIR OUT.csv [MAX_ORDER [SEED]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int maxOrder = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
        Files.createDirectories(dir);

        for (int k = 0; k < SIGMAS.length; k++) {
            Instance warm = generate(WARMUP_ORDER, k);
            for (String name : ALIGNERS) {
                run(Aligners.byName(name, seed), warm);
            }
        }

        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("n,sigma,edges,aligner,recovered,distance,true_distance,seconds");
            for (int n : ORDERS) {
                if (n > maxOrder) {
                    continue;
                }
                for (int k = 0; k < SIGMAS.length; k++) {
                    Instance instance = generate(n, k);
                    write(dir, instance, n, k);
                    for (String name : ALIGNERS) {
                        Result r = run(Aligners.byName(name, seed), instance);
                        String line = String.format(Locale.ROOT,
                                "%d,%s,%d,%s,%.6f,%.6f,%.6f,%.6f",
                                n, SIGMAS[k], instance.edges, name, r.recovered, r.distance,
                                r.trueDistance, r.seconds);
                        csv.println(line);
                        csv.flush();
                        System.err.println(line);
                    }
                }
            }
        }
    }

    /**
     * The fixed seed of an instance.
     *
     * @param n the order
     * @param sigmaIndex the index of the noise level
     * @return the seed
     */
    static long seed(int n, int sigmaIndex) {
        return 20_260_000L + 1_000L * sigmaIndex + n;
    }

    private static Instance generate(int n, int sigmaIndex) {
        SplittableRandom random = new SplittableRandom(seed(n, sigmaIndex));
        double sigma = SIGMAS[sigmaIndex];

        double[][] a = new double[n][n];
        int edges = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextDouble() < DENSITY) {
                    a[i][j] = 1.0 - random.nextDouble();
                    a[j][i] = a[i][j];
                    edges++;
                }
            }
        }

        double[][] noisy = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (a[i][j] != 0.0) {
                    noisy[i][j] = a[i][j] + sigma * gaussian(random);
                    noisy[j][i] = noisy[i][j];
                }
            }
        }

        int[] truth = Permutation.random(n, random).toArray();
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[truth[i]][truth[j]] = noisy[i][j];
            }
        }
        return new Instance(a, b, truth, edges);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    private static void write(Path dir, Instance instance, int n, int k) throws IOException {
        String stem = "-" + n + "-" + k + ".npy";
        Instances.writeNpy(dir.resolve("A" + stem), instance.a);
        Instances.writeNpy(dir.resolve("B" + stem), instance.b);
        double[][] truth = new double[1][n];
        for (int i = 0; i < n; i++) {
            truth[0][i] = instance.truth[i];
        }
        Instances.writeNpy(dir.resolve("truth" + stem), truth);
    }

    private static Result run(Aligner aligner, Instance instance) {
        Graph x = Graph.fromAdjacency(instance.a);
        Graph y = Graph.fromAdjacency(instance.b);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        long start = System.nanoTime();
        Alignment alignment = aligner.align(space, x, y);
        double seconds = (System.nanoTime() - start) * 1e-9;

        Permutation found = alignment.permutation();
        int n = instance.truth.length;
        int recovered = 0;
        for (int i = 0; i < n; i++) {
            if (found.get(i) == instance.truth[i]) {
                recovered++;
            }
        }
        double trueDistance = space.distance(x, y, Permutation.of(instance.truth));
        return new Result((double) recovered / n, space.distance(x, y, found), trueDistance,
                seconds);
    }

    private record Instance(double[][] a, double[][] b, int[] truth, int edges) {
    }

    private record Result(double recovered, double distance, double trueDistance,
            double seconds) {
    }
}
