package org.orbifold.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Quality and single-thread time of aligners on the pairs of {@link AlignmentPairs} and on the
 * QAPLIB instances, the companion of {@link AlignmentThroughputBenchmark} for checking that a
 * change of speed costs no quality.
 *
 * <p>Usage: {@code OUT.csv [PAIRS [ALIGNER...]]}, defaults 2000 pairs and {@code fast}; the
 * system property {@code sources} (default
 * {@code LETTER_LOW,LETTER_MED,LETTER_HIGH,MUTAG,QAPLIB}; {@code AIDS} is also known)
 * selects the sources, and
 * {@code passes} (default 3) the number of timed passes. For each aligner and each source of
 * pairs, one untimed pass over the pairs, then the timed passes; prints the mean distance, the
 * number of certified results, and the mean wall and thread CPU time per alignment of the
 * fastest pass (on a shared machine the CPU time is the steadier one). Then, with the QAPLIB
 * folder {@code DATASETS/qaplib} present, each instance of order at most 64 with a
 * {@code .sln} is solved {@value #QAPLIB_REPEATS} times (the first untimed) and the mean gap,
 * the median of the per-instance median times and the sum of the per-instance medians are
 * printed, in wall and in thread CPU time. Every distance and QAPLIB value goes to
 * {@code OUT.csv}, one row per pair or instance, so that two versions can be compared pair by
 * pair.
 */
public final class AlignmentQualityHarness {

    private static final int QAPLIB_REPEATS = 5;
    private static final int PASSES = Integer.getInteger("passes", 3);
    private static final int QAPLIB_MAX_ORDER = 64;

    private AlignmentQualityHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args {@code OUT.csv [PAIRS [ALIGNER...]]}
     * @throws IOException if the output cannot be written or a QAPLIB file not read
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<String> names = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of("fast");
        List<String> sources = Arrays.asList(System.getProperty("sources",
                "LETTER_LOW,LETTER_MED,LETTER_HIGH,MUTAG,QAPLIB").split(","));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("aligner,source,item,value,seconds");
            for (String name : names) {
                Aligner aligner = Aligners.byName(name, 1L);
                for (AlignmentPairs.Source source : AlignmentPairs.Source.values()) {
                    if (sources.contains(source.name())) {
                        pairs(aligner, name, AlignmentPairs.draw(source, count,
                                AlignmentThroughputBenchmark.PAIR_SEED), csv);
                    }
                }
                if (sources.contains("QAPLIB")) {
                    qaplib(aligner, name, csv);
                }
            }
        }
    }

    private static void pairs(Aligner aligner, String name, AlignmentPairs pairs,
            PrintWriter csv) {
        GraphSpace space = pairs.space();
        for (int k = 0; k < pairs.size(); k++) {
            aligner.align(space, pairs.first()[k], pairs.second()[k]);
        }
        double sum = 0.0;
        int certified = 0;
        double[] distances = new double[pairs.size()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double seconds = Double.POSITIVE_INFINITY;
        double cpuSeconds = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < PASSES; pass++) {
            certified = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int k = 0; k < pairs.size(); k++) {
                Alignment a = aligner.align(space, pairs.first()[k], pairs.second()[k]);
                distances[k] = a.distance();
                certified += a.certified() ? 1 : 0;
            }
            seconds = Math.min(seconds, (System.nanoTime() - start) * 1e-9);
            cpuSeconds = Math.min(cpuSeconds,
                    (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9);
        }
        for (int k = 0; k < pairs.size(); k++) {
            sum += distances[k];
            csv.printf(Locale.ROOT, "%s,%s,%d,%.12g,%n", name, pairs.name(), k, distances[k]);
        }
        System.out.printf(Locale.ROOT, "%-8s %-12s pairs %5d  mean distance %.6f  certified"
                + " %5d  mean time %8.2f us (cpu %8.2f us)%n", name, pairs.name(), pairs.size(),
                sum / pairs.size(), certified, 1e6 * seconds / pairs.size(),
                1e6 * cpuSeconds / pairs.size());
    }

    private static void qaplib(Aligner aligner, String name, PrintWriter csv)
            throws IOException {
        Path dir = Path.of(System.getProperty("orbifold.datasets", "../shared/datasets"))
                .resolve("qaplib");
        if (!Files.isDirectory(dir)) {
            System.out.println("QAPLIB folder " + dir + " not found: skipped");
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> medians = new ArrayList<>();
        List<Double> cpuMedians = new ArrayList<>();
        double gapSum = 0.0;
        int gapCount = 0;
        for (Path dat : files) {
            Optional<QaplibSolution> solution = QaplibReader.readSolutionFor(dat);
            if (solution.isEmpty()) {
                continue;
            }
            QaplibInstance instance = QaplibReader.readInstance(dat);
            if (instance.order() > QAPLIB_MAX_ORDER) {
                continue;
            }
            double best = solution.get().recomputedValue(instance);
            Graph[] graphs = instance.toGraphs();
            GraphSpace space = instance.graphSpace();
            double[] times = new double[QAPLIB_REPEATS - 1];
            double[] cpuTimes = new double[QAPLIB_REPEATS - 1];
            double value = 0.0;
            for (int r = 0; r < QAPLIB_REPEATS; r++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                Alignment a = aligner.align(space, graphs[0], graphs[1]);
                long stop = System.nanoTime();
                long cpuStop = threads.getCurrentThreadCpuTime();
                value = instance.objective(a.permutation());
                if (r > 0) {
                    times[r - 1] = (stop - start) * 1e-9;
                    cpuTimes[r - 1] = (cpuStop - cpuStart) * 1e-9;
                }
            }
            Arrays.sort(times);
            Arrays.sort(cpuTimes);
            double median = times[times.length / 2];
            medians.add(median);
            cpuMedians.add(cpuTimes[cpuTimes.length / 2]);
            if (best != 0.0) {
                gapSum += (value - best) / best;
                gapCount++;
            }
            csv.printf(Locale.ROOT, "%s,%s,%s,%.0f,%.6f%n", name, "qaplib",
                    instance.name(), value, median);
        }
        double[] sorted = medians.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double total = Arrays.stream(sorted).sum();
        double[] cpuSorted = cpuMedians.stream().mapToDouble(Double::doubleValue).sorted()
                .toArray();
        System.out.printf(Locale.ROOT, "%-8s %-12s instances %d  mean gap %.3f %%  median time"
                + " %.4f s  total %.3f s (cpu: median %.4f s, total %.3f s)%n", name, "QAPLIB",
                sorted.length, 100 * gapSum / gapCount, sorted[sorted.length / 2], total,
                cpuSorted[cpuSorted.length / 2], Arrays.stream(cpuSorted).sum());
    }
}
