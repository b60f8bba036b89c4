package org.orbifold.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.orbifold.io.QaplibInstance;
import org.orbifold.io.QaplibReader;
import org.orbifold.io.QaplibSolution;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Runs the aligners on the QAPLIB instances of a folder and writes one CSV row per instance and
 * aligner. Each instance becomes the pair of graphs of {@link QaplibInstance#toGraphs()}, so
 * that the best alignment minimizes the QAP cost; the value reported is the cost recomputed
 * from the returned permutation, and {@code gap = (value - best) / best} with {@code best} the
 * recomputed cost of the instance's {@code .sln} (instances without one are skipped).
 *
 * <p>Usage: {@code DIR OUT.csv [MAX_ORDER [EXACT_MAX_ORDER [SEED [ALIGNERS]]]]}; defaults 40,
 * 12, 1 and all. Aligners: {@code faq}, {@code nodes}, the presets {@code fast} and
 * {@code thorough} when {@link Aligners#names()} has them, and {@code exact} (60 s limit) on
 * instances of order at most {@code EXACT_MAX_ORDER}; {@code ALIGNERS}, a comma-separated list
 * of these names, keeps only those. Before timing, {@code faq} runs on the five smallest instances
 * to let the JIT compiler settle.
 *
 * <p>Two timed solves per instance and aligner, in wall time ({@link System#nanoTime()}) and in
 * thread CPU time: the <i>cold</i> solve, the first of this instance by this aligner in this JVM
 * (column {@code seconds}, as in earlier versions; it pays for the JIT compilation of whatever
 * code the instance reaches first, and on a machine with few cores the compiler threads compete
 * with it), then at once the <i>warm</i> solve of the same instance (column
 * {@code warm_seconds}), the steady state that JMH measures after its warm-up. The JIT
 * compilation time spent during each cold solve ({@link CompilationMXBean}, summed over the
 * compiler threads) is reported in {@code cold_jit_ms}. Both solves give the same value (the
 * aligners are deterministic); a difference is reported on standard error. {@code exact} is
 * solved once (no warm columns), its runs taking seconds.
 */
public final class QaplibHarness {

    private static final List<String> PRESETS = List.of("fast", "thorough");
    private static final int WARMUP_INSTANCES = 5;

    private QaplibHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args {@code DIR OUT.csv [MAX_ORDER [EXACT_MAX_ORDER [SEED [ALIGNERS]]]]}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: QaplibHarness DIR OUT.csv [MAX_ORDER [EXACT_MAX [SEED"
                    + " [ALIGNERS]]]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int maxOrder = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int exactMaxOrder = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1L;
        List<String> kept = args.length > 5 && !args[5].isBlank()
                ? List.of(args[5].strip().split("\\s*,\\s*")) : null;

        List<Case> cases = load(dir, maxOrder);
        List<String> names = new ArrayList<>(List.of("faq", "nodes"));
        for (String preset : PRESETS) {
            if (Aligners.names().contains(preset)) {
                names.add(preset);
            } else {
                System.err.println("aligner '" + preset + "' not in Aligners.names() "
                        + Aligners.names() + ": skipped");
            }
        }
        names.add("exact");
        if (kept != null) {
            for (String name : kept) {
                if (!names.contains(name)) {
                    System.err.println("unknown aligner '" + name + "' in ALIGNERS; valid: "
                            + names);
                    System.exit(2);
                }
            }
            names.retainAll(kept);
        }

        for (Case c : cases.subList(0, Math.min(WARMUP_INSTANCES, cases.size()))) {
            run(Aligners.byName("faq", seed), c);
        }

        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("instance,n,best,aligner,value,gap,seconds,certified,warm_seconds,"
                    + "cpu_seconds,warm_cpu_seconds,cold_jit_ms");
            for (Case c : cases) {
                for (String name : names) {
                    if (name.equals("exact") && c.instance.order() > exactMaxOrder) {
                        continue;
                    }
                    Aligner aligner = Aligners.byName(name, seed);
                    Result r = run(aligner, c);
                    String warm = ",,";
                    if (!name.equals("exact")) {
                        Result w = run(aligner, c);
                        if (w.value != r.value) {
                            System.err.println(c.instance.name() + ", " + name + ": warm value "
                                    + w.value + " differs from cold value " + r.value);
                        }
                        warm = String.format(Locale.ROOT, "%.6f,%.6f,%.6f", w.seconds,
                                r.cpuSeconds, w.cpuSeconds);
                    }
                    String line = String.format(Locale.ROOT,
                            "%s,%d,%.0f,%s,%.0f,%s,%.6f,%b,%s,%d", c.instance.name(),
                            c.instance.order(), c.best, name, r.value, gap(r.value, c.best),
                            r.seconds, r.certified, warm, r.jitMillis);
                    csv.println(line);
                    csv.flush();
                    System.err.println(line);
                }
            }
        }
    }

    private static List<Case> load(Path dir, int maxOrder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
        }
        List<Case> cases = new ArrayList<>();
        for (Path dat : files) {
            Optional<QaplibSolution> solution = QaplibReader.readSolutionFor(dat);
            if (solution.isEmpty()) {
                System.err.println(dat.getFileName() + ": no .sln, skipped");
                continue;
            }
            QaplibInstance instance = QaplibReader.readInstance(dat);
            if (instance.order() <= maxOrder) {
                cases.add(new Case(instance, solution.get().recomputedValue(instance)));
            }
        }
        cases.sort((a, b) -> Integer.compare(a.instance.order(), b.instance.order()));
        return cases;
    }

    private static Result run(Aligner aligner, Case c) {
        Graph[] graphs = c.instance.toGraphs();
        GraphSpace space = c.instance.graphSpace();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long jitStart = compiler.getTotalCompilationTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Alignment a = aligner.align(space, graphs[0], graphs[1]);
        double seconds = (System.nanoTime() - start) * 1e-9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        long jitMillis = compiler.getTotalCompilationTime() - jitStart;
        return new Result(c.instance.objective(a.permutation()), seconds, cpuSeconds,
                jitMillis, a.certified());
    }

    private static String gap(double value, double best) {
        if (value == best) {
            return "0";
        }
        if (best == 0) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.6g", (value - best) / best);
    }

    private record Case(QaplibInstance instance, double best) {
    }

    private record Result(double value, double seconds, double cpuSeconds, long jitMillis,
            boolean certified) {
    }
}
