package org.orbifold.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
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
 * <p>{@code time} runs our solver on each instance in a new JVM with {@code -Xbatch} (through
 * {@code orbifold}, which says why), as JMH forks one per parameter: in one JVM, the code the JIT
 * compiler made for the other instances could stay in place, stably slow (uniform {@code n = 50}
 * measured 53 and 59 us in such runs and 10 us in another, 9 to 11 us alone; SciPy is compiled
 * ahead of time). Timing rule: JGraphT warms up for at least {@value #WARMUP_SECONDS} s and 3 runs
 * (at most one run if it is slower); our solver for at least {@value #JIT_WARMUP_SECONDS} s and
 * then until it is settled: in blocks of at least {@value #BLOCK_SECONDS} s and 3 runs (at most
 * {@value #MAX_RUNS}), until the medians of two successive blocks, in thread CPU time, differ by at
 * most {@value #SETTLED_TOLERANCE} of the smaller and the JIT compilers have finished no
 * compilation for {@value #JIT_QUIET_SECONDS} s ({@link
 * CompilationMXBean#getTotalCompilationTime()} unchanged; it grows when a compilation ends), at
 * most {@value #SETTLE_CAP_SECONDS} s. Stable timings alone are not enough: on a loaded machine
 * they hold still while the code is still that of the first compiler tier, waiting for C2, up to 6
 * times too slow. Then measured runs for at least {@value #MEASURE_SECONDS} s and 5 runs (at most
 * {@value #MAX_RUNS}), through the same loop as the warm-up; if a compilation ended during them,
 * our solver is warmed up and measured again, at most {@value #MEASURE_TRIES} times in all. The CSV
 * column {@code warmup} says {@code settled}, or why not ({@code unstable-timings}, {@code
 * jit-busy} at the cap, {@code jit-during-measurement} after the last try), and standard error
 * names such an instance. Each run is timed alone with {@link System#nanoTime()} and the median and
 * quartiles are reported, with the median of the thread's CPU time per run (less sensitive to other
 * processes on a loaded machine; it includes the clock's own cost of about a microsecond). Our
 * solver is one reused instance called through {@link LinearAssignmentSolver#solve(double[][],
 * Sense)}. JGraphT gets a prebuilt complete bipartite graph (building it is not timed; a
 * rectangular {@code n x 2n} instance is padded with {@code n} rows of zeros, which JGraphT's
 * perfect matching needs and which leaves the optimum unchanged); it is skipped entirely if the
 * limit is 0, and at an order where a run is predicted, by cubic growth from the last order timed,
 * to exceed the limit, and it gets at most one warm-up run.
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
     * the timings also hold still while the code is still that of the first compiler tier
     * (the JIT test below is the other guard).
     */
    private static final double JIT_WARMUP_SECONDS = 2.0;
    /**
     * How long the JIT compilers' total compilation time must not have grown before the
     * warm-up counts as settled: it grows only when a compilation ends, so a long one in
     * progress is not seen; the check after the measured runs catches one that ends then.
     */
    private static final double JIT_QUIET_SECONDS = 1.0;
    /** Longest a warm-up waits for stable timings and quiet compilers, per instance. */
    private static final double SETTLE_CAP_SECONDS = 30.0;
    /** Most measurements of one instance while the JIT compilers are at work during them. */
    private static final int MEASURE_TRIES = 3;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

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
     * instance alone, as JMH's forks do. The JVM runs with {@code -Xbatch}: a thread that
     * asks for a compilation waits until the compiled code is installed, so a compilation is
     * never in progress while the solver runs and the quiet window of the warm-up is exact;
     * without it, on a loaded machine, a C2 compilation could still be running after a second
     * without any compilation ending (measured: uniform {@code n = 50} at 26 and 36 us instead
     * of 8.5 us, rectangular {@code n = 10} at 3 us instead of 0.5 to 0.8 us).
     */
    private static String measureInNewJvm(Path dir, Instances.Family family, int n)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xbatch", "-cp",
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
            csv.println("family,n,solver,runs,median_us,q1_us,q3_us,cpu_median_us,value,warmup");
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
     * Warms {@code solve} up for at least {@code minimumSeconds} and then until it is settled:
     * runs in blocks of {@value #BLOCK_SECONDS} s and 3 runs (at most {@value #MAX_RUNS}),
     * through the same code as the measured runs, until the median thread CPU time of a block
     * differs from that of the block before by at most {@value #SETTLED_TOLERANCE} of the
     * smaller (CPU time, since on a shared machine wall time also moves with the other
     * processes) and the JIT compilers' total compilation time has not grown for {@value
     * #JIT_QUIET_SECONDS} s, or until {@value #SETTLE_CAP_SECONDS} s have passed. Returns
     * {@link Warmup#SETTLED}, or at the cap the condition that failed, after naming it on
     * standard error.
     */
    private static Warmup settle(DoubleSupplier solve, double minimumSeconds, String label,
            Samples samples) {
        long start = System.nanoTime();
        long minimumEnd = start + (long) (minimumSeconds * 1e9);
        long cap = start + (long) (SETTLE_CAP_SECONDS * 1e9);
        long compileMillis = compilationMillis();
        long lastCompilation = start;
        double previous = Double.NaN;
        while (true) {
            int runs = runBlock(solve, BLOCK_SECONDS, 3, samples);
            double median = quantile(sorted(samples.cpu, runs), 0.5);
            long now = System.nanoTime();
            long millis = compilationMillis();
            if (millis != compileMillis) {
                compileMillis = millis;
                lastCompilation = now;
            }
            boolean stable = Math.abs(median - previous)
                    <= SETTLED_TOLERANCE * Math.min(median, previous);
            boolean compiled = now - lastCompilation >= (long) (JIT_QUIET_SECONDS * 1e9);
            if (stable && compiled && now >= minimumEnd) {
                return Warmup.SETTLED;
            }
            if (now >= cap) {
                Warmup failed = compiled ? Warmup.UNSTABLE_TIMINGS : Warmup.JIT_BUSY;
                System.err.printf(Locale.ROOT, "warm-up of %s: not settled after %.0f s (%s;"
                        + " block medians %.1f and %.1f us of CPU time, last JIT compilation"
                        + " %.1f s ago): its timings may be those of code not yet compiled"
                        + " by C2%n", label, SETTLE_CAP_SECONDS, failed.csvName,
                        previous * 1e-3, median * 1e-3, (now - lastCompilation) * 1e-9);
                return failed;
            }
            previous = median;
        }
    }

    /**
     * Runs {@code solve} for at least {@code seconds} and {@code minimumRuns} runs, at most
     * {@value #MAX_RUNS}, each timed alone in wall and thread CPU time into {@code samples};
     * returns the number of runs. The warm-up and the measurement share this method, so that
     * the loop around the solve is compiled before the measured runs.
     */
    private static int runBlock(DoubleSupplier solve, double seconds, int minimumRuns,
            Samples samples) {
        int runs = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (runs < MAX_RUNS && (runs < minimumRuns || System.nanoTime() < end)) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            samples.value = solve.getAsDouble();
            samples.wall[runs] = System.nanoTime() - wallStart;
            samples.cpu[runs++] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        return runs;
    }

    /**
     * Total compilation time of the JIT compilers so far, in milliseconds (grows when a
     * compilation ends), or 0 where the JVM does not report it.
     */
    private static long compilationMillis() {
        return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported()
                ? COMPILER.getTotalCompilationTime() : 0;
    }

    private static long[] sorted(long[] values, int count) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted;
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
        csv.printf(Locale.ROOT, "%s,%d,%s,%d,%.3f,%.3f,%.3f,%.3f,%.17g,%s%n", family, n,
                name, timing.runs, timing.median * 1e-3, timing.q1 * 1e-3, timing.q3 * 1e-3,
                timing.cpuMedian * 1e-3, timing.value, timing.warmup.csvName);
        csv.flush();
        System.err.printf(Locale.ROOT, "%-11s n=%-5d %-8s median %12.1f us (%d runs)%n",
                family, n, name, timing.median * 1e-3, timing.runs);
    }

    /**
     * Times repeated runs of one solve; {@code slow} (JGraphT) allows a single warm-up run and
     * does not wait for stable timings. For our solver, the measured runs are repeated after
     * a new warm-up, up to {@value #MEASURE_TRIES} times, while the JIT compilers finished a
     * compilation during them; the result says whether the last try was clean.
     */
    private static Timing measure(DoubleSupplier solve, boolean slow, String label) {
        Samples samples = new Samples();
        Warmup warmup = Warmup.SETTLED;
        if (slow) {
            long warmupEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
            for (int run = 0; run < 3 || System.nanoTime() < warmupEnd; run++) {
                long start = System.nanoTime();
                samples.value = solve.getAsDouble();
                if (System.nanoTime() - start > WARMUP_SECONDS * 1e9) {
                    break;
                }
            }
            int runs = runBlock(solve, MEASURE_SECONDS, 3, samples);
            return timing(samples, runs, warmup);
        }
        double minimumSeconds = JIT_WARMUP_SECONDS;
        for (int tries = 1; ; tries++) {
            warmup = settle(solve, minimumSeconds, label, samples);
            long compileMillis = compilationMillis();
            int runs = runBlock(solve, MEASURE_SECONDS, 5, samples);
            if (compilationMillis() == compileMillis) {
                return timing(samples, runs, warmup);
            }
            if (tries == MEASURE_TRIES) {
                System.err.printf(Locale.ROOT, "%s: the JIT compilers were still at work"
                        + " during the measured runs of %d tries%n", label, tries);
                return timing(samples, runs, Warmup.JIT_DURING_MEASUREMENT);
            }
            minimumSeconds = 0;
        }
    }

    private static Timing timing(Samples samples, int runs, Warmup warmup) {
        long[] wall = sorted(samples.wall, runs);
        long[] cpu = sorted(samples.cpu, runs);
        return new Timing(runs, quantile(wall, 0.5), quantile(wall, 0.25),
                quantile(wall, 0.75), quantile(cpu, 0.5), samples.value, warmup);
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
            double value, Warmup warmup) {
    }

    /** Wall and thread CPU times of the runs of one block, in nanoseconds, and the last value. */
    private static final class Samples {
        final long[] wall = new long[MAX_RUNS];
        final long[] cpu = new long[MAX_RUNS];
        double value = Double.NaN;
    }

    /** How a warm-up ended, as written in the CSV column {@code warmup}. */
    private enum Warmup {
        /** Stable timings, and no JIT compilation during the quiet window or the runs. */
        SETTLED("settled"),
        /** The JIT compilers were quiet, but the block medians still moved at the cap. */
        UNSTABLE_TIMINGS("unstable-timings"),
        /** The JIT compilers still finished compilations at the cap. */
        JIT_BUSY("jit-busy"),
        /** A compilation ended during the measured runs of every try. */
        JIT_DURING_MEASUREMENT("jit-during-measurement");

        final String csvName;

        Warmup(String csvName) {
            this.csvName = csvName;
        }
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
