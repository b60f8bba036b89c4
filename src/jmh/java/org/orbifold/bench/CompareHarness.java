package org.orbifold.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleSupplier;

import org.jgrapht.Graph;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

/**
 * Writes the benchmark instances to {@code .npy} files and times this project's solver and
 * JGraphT's Kuhn-Munkres on them, for the comparison with SciPy made by
 * {@code scripts/bench_scipy.py}. Not JMH: a plain harness with the same timing rule as the
 * Python script, so that the three solvers are timed alike.
 *
 * <p>Usage: {@code write DIR n...} writes every family at every order;
 * {@code time DIR OUT.csv [JGRAPHT_LIMIT_SECONDS]} times every instance in {@code DIR};
 * {@code orbifold DIR FAMILY n} times our solver on one instance and prints its CSV line.
 *
 * <p>{@code time} runs our solver on each instance in a new JVM (through {@code orbifold}),
 * as JMH forks one per parameter: in one JVM, the code the JIT compiler made for the other
 * instances could stay in place, stably slow (uniform {@code n = 50} measured 53 and 59 us in
 * such runs and 10 us in another, 9 to 11 us alone; SciPy is compiled ahead of time). Timing
 * rule: JGraphT warms up for at least {@value #WARMUP_SECONDS} s and 3 runs (at most one
 * run if it is slower); our solver for at least {@value #JIT_WARMUP_SECONDS} s (0.3 s and
 * the stability test below gave timings that were stable but still those of the first
 * compiler tier, up to 6 times too slow) and then until its timings are stable: in blocks of
 * at least {@value #BLOCK_SECONDS} s and 3 runs, until the medians of two successive blocks,
 * in thread CPU time, differ by at most {@value #SETTLED_TOLERANCE} of the smaller, at most {@value
 * #SETTLE_CAP_SECONDS} s (a message on standard error names an instance that reached the
 * cap). Then measured runs for at least {@value #MEASURE_SECONDS} s and 5 runs (at most
 * {@value #MAX_RUNS}); each run is timed alone
 * with {@link System#nanoTime()} and the
 * median and quartiles are reported, with the median of the thread's CPU time per run (less
 * sensitive to other processes on a loaded machine; it includes the clock's own cost of about
 * a microsecond). Our solver is one reused instance called through
 * {@link LinearAssignmentSolver#solve(double[][], Sense)}. JGraphT gets a prebuilt complete
 * bipartite graph (building it is not timed; a rectangular {@code n x 2n} instance is padded
 * with {@code n} rows of zeros, which JGraphT's perfect matching needs and which leaves the
 * optimum unchanged); it is skipped entirely if the limit is 0, and at an order where a run is
 * predicted, by cubic growth from the last order timed, to exceed the limit, and it gets at
 * most one warm-up run.
 */
public final class CompareHarness {

    private static final double WARMUP_SECONDS = 0.3;
    private static final double MEASURE_SECONDS = 1.0;
    private static final int MAX_RUNS = 301;
    private static final double DEFAULT_JGRAPHT_LIMIT_SECONDS = 10;
    /** Least duration of one warm-up block whose median is compared with the next. */
    private static final double BLOCK_SECONDS = 0.05;
    /** Relative difference of two successive block medians that counts as settled. */
    private static final double SETTLED_TOLERANCE = 0.05;
    /**
     * Least warm-up of our solver in its new JVM: stable timings alone are not enough, since
     * the timings also hold still while the code is still that of the first compiler tier.
     */
    private static final double JIT_WARMUP_SECONDS = 2.0;
    /** Longest a warm-up waits for stable timings, per instance. */
    private static final double SETTLE_CAP_SECONDS = 10.0;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompareHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args {@code write DIR n...} or {@code time DIR OUT.csv [LIMIT]}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("write")) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            for (Instances.Family family : Instances.Family.values()) {
                for (int k = 2; k < args.length; k++) {
                    int n = Integer.parseInt(args[k]);
                    Instances.writeNpy(dir.resolve(family.fileName(n)),
                            Instances.generate(family, n));
                }
            }
        } else if (args.length >= 3 && args[0].equals("time")) {
            double limit = args.length > 3 ? Double.parseDouble(args[3])
                    : DEFAULT_JGRAPHT_LIMIT_SECONDS;
            time(Path.of(args[1]), Path.of(args[2]), limit);
        } else if (args.length == 4 && args[0].equals("orbifold")) {
            Instances.Family family = Instances.Family.valueOf(args[2]);
            int n = Integer.parseInt(args[3]);
            double[][] matrix = Instances.readNpy(Path.of(args[1]).resolve(family.fileName(n)));
            LinearAssignmentSolver solver = new LinearAssignmentSolver();
            PrintWriter out = new PrintWriter(System.out);
            report(out, family, n, "orbifold",
                    measure(() -> solver.solve(matrix, Sense.MINIMIZE).value(), false,
                            family + " n=" + n));
            out.flush();
        } else {
            throw new IllegalArgumentException("usage: write DIR n... | time DIR OUT.csv [LIMIT]"
                    + " | orbifold DIR FAMILY n");
        }
    }

    /**
     * Times our solver on one instance in a new JVM ({@code orbifold DIR FAMILY n}, the same
     * class path) and returns its CSV line, so that the JIT compiles the solver for this
     * instance alone, as JMH's forks do.
     */
    private static String measureInNewJvm(Path dir, Instances.Family family, int n)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), CompareHarness.class.getName(),
                "orbifold", dir.toString(), family.name(), Integer.toString(n));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim();
        try {
            if (process.waitFor() != 0 || output.isEmpty()) {
                throw new IOException("timing " + family + " n=" + n + " in a new JVM failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while timing " + family + " n=" + n, e);
        }
        return output;
    }

    private static void time(Path dir, Path out, double jgraphtLimit) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("family,n,solver,runs,median_us,q1_us,q3_us,cpu_median_us,value");
            for (Instances.Family family : Instances.Family.values()) {
                double lastJgraphtSeconds = 0;
                int lastJgraphtOrder = 0;
                for (int n : orders(dir, family)) {
                    double[][] matrix = Instances.readNpy(dir.resolve(family.fileName(n)));
                    csv.println(measureInNewJvm(dir, family, n));
                    csv.flush();

                    double predicted = lastJgraphtOrder == 0 ? 0 : lastJgraphtSeconds
                            * Math.pow((double) n / lastJgraphtOrder, 3);
                    if (jgraphtLimit <= 0 || predicted > jgraphtLimit) {
                        System.err.printf(Locale.ROOT, "jgrapht: skipping %s n=%d (predicted "
                                + "%.0f s per solve > limit %.0f s)%n", family, n, predicted,
                                jgraphtLimit);
                        continue;
                    }
                    JgraphtInstance instance = new JgraphtInstance(matrix);
                    Timing timing = measure(instance::solve, true, "jgrapht");
                    report(csv, family, n, "jgrapht", timing);
                    lastJgraphtSeconds = timing.median * 1e-9;
                    lastJgraphtOrder = n;
                }
            }
        }
    }

    /**
     * Runs {@code solve} in blocks of at least {@value #BLOCK_SECONDS} s and 3 runs until the
     * median thread CPU time of a block differs from that of the block before by at most
     * {@value #SETTLED_TOLERANCE} of the smaller, and at least {@code minimumSeconds} have
     * passed, or {@value #SETTLE_CAP_SECONDS} s have passed; CPU time, since on a shared
     * machine wall time also moves with the other processes. Returns the last value.
     */
    private static double settle(DoubleSupplier solve, double minimumSeconds, String label) {
        long start = System.nanoTime();
        long minimumEnd = start + (long) (minimumSeconds * 1e9);
        long cap = start + (long) (SETTLE_CAP_SECONDS * 1e9);
        double previous = Double.NaN;
        double value = Double.NaN;
        long[] block = new long[16];
        while (true) {
            int runs = 0;
            long blockEnd = System.nanoTime() + (long) (BLOCK_SECONDS * 1e9);
            while (runs < 3 || System.nanoTime() < blockEnd) {
                if (runs == block.length) {
                    block = Arrays.copyOf(block, 2 * runs);
                }
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                value = solve.getAsDouble();
                block[runs++] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            }
            long[] sorted = Arrays.copyOf(block, runs);
            Arrays.sort(sorted);
            double median = quantile(sorted, 0.5);
            long now = System.nanoTime();
            boolean stable = Math.abs(median - previous)
                    <= SETTLED_TOLERANCE * Math.min(median, previous);
            if (stable && now >= minimumEnd) {
                return value;
            }
            if (now >= cap) {
                System.err.printf(Locale.ROOT, "warm-up of %s: timings not stable after %.0f s"
                        + " (block medians %.1f and %.1f us of CPU time)%n", label,
                        SETTLE_CAP_SECONDS, previous * 1e-3, median * 1e-3);
                return value;
            }
            previous = median;
        }
    }

    private static List<Integer> orders(Path dir, Instances.Family family) throws IOException {
        String prefix = family.fileName(0).replace("0.npy", "");
        List<Integer> orders = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(prefix) && f.endsWith(".npy"))
                    .forEach(f -> orders.add(Integer.parseInt(
                            f.substring(prefix.length(), f.length() - 4))));
        }
        orders.sort(null);
        return orders;
    }

    private static void report(PrintWriter csv, Instances.Family family, int n, String name,
            Timing timing) {
        csv.printf(Locale.ROOT, "%s,%d,%s,%d,%.3f,%.3f,%.3f,%.3f,%.17g%n", family, n, name,
                timing.runs, timing.median * 1e-3, timing.q1 * 1e-3, timing.q3 * 1e-3,
                timing.cpuMedian * 1e-3, timing.value);
        csv.flush();
        System.err.printf(Locale.ROOT, "%-11s n=%-5d %-8s median %12.1f us (%d runs)%n",
                family, n, name, timing.median * 1e-3, timing.runs);
    }

    /**
     * Times repeated runs of one solve; {@code slow} (JGraphT) allows a single warm-up run and
     * does not wait for stable timings.
     */
    private static Timing measure(DoubleSupplier solve, boolean slow, String label) {
        double value = Double.NaN;
        if (slow) {
            long warmupEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
            for (int run = 0; run < 3 || System.nanoTime() < warmupEnd; run++) {
                long start = System.nanoTime();
                value = solve.getAsDouble();
                if (System.nanoTime() - start > WARMUP_SECONDS * 1e9) {
                    break;
                }
            }
        } else {
            value = settle(solve, JIT_WARMUP_SECONDS, label);
        }
        long[] times = new long[MAX_RUNS];
        long[] cpuTimes = new long[MAX_RUNS];
        int runs = 0;
        long measureEnd = System.nanoTime() + (long) (MEASURE_SECONDS * 1e9);
        int minimumRuns = slow ? 3 : 5;
        while (runs < MAX_RUNS && (runs < minimumRuns || System.nanoTime() < measureEnd)) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            value = solve.getAsDouble();
            times[runs] = System.nanoTime() - start;
            cpuTimes[runs++] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        long[] sorted = Arrays.copyOf(times, runs);
        Arrays.sort(sorted);
        long[] sortedCpu = Arrays.copyOf(cpuTimes, runs);
        Arrays.sort(sortedCpu);
        return new Timing(runs, quantile(sorted, 0.5), quantile(sorted, 0.25),
                quantile(sorted, 0.75), quantile(sortedCpu, 0.5), value);
    }

    /** Linear-interpolation quantile of sorted values, as NumPy's default. */
    private static double quantile(long[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] * (1 - fraction) + sorted[above] * fraction;
    }

    /**
     * Median and quartiles of the wall-clock time, median of the thread's CPU time, in
     * nanoseconds, and the optimal value of the last run.
     */
    private record Timing(int runs, double median, double q1, double q3, double cpuMedian,
            double value) {
    }

    /** A prebuilt complete bipartite graph for JGraphT's Kuhn-Munkres. */
    private static final class JgraphtInstance {
        private final Graph<Integer, DefaultWeightedEdge> graph =
                new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        private final Set<Integer> rows = new LinkedHashSet<>();
        private final Set<Integer> columns = new LinkedHashSet<>();

        JgraphtInstance(double[][] matrix) {
            int m = matrix[0].length;
            for (int i = 0; i < m; i++) {
                graph.addVertex(i);
                rows.add(i);
                graph.addVertex(m + i);
                columns.add(m + i);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double weight = i < matrix.length ? matrix[i][j] : 0;
                    graph.setEdgeWeight(graph.addEdge(i, m + j), weight);
                }
            }
        }

        double solve() {
            return new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, rows, columns)
                    .getMatching().getWeight();
        }
    }
}
