package org.orbifold.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.orbifold.io.DatasetLoader;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeExistence;

/**
 * How far the heuristic aligners end above the proven optimum on real molecules: every
 * unordered pair of the first {@code N} TU MUTAG graphs is aligned by {@link ExactAligner}
 * with a time limit per pair, and the pairs it proves optimal are aligned again by each
 * heuristic. For each aligner it prints the number of those pairs on which the heuristic's
 * distance exceeds the optimum (by more than a relative {@value #SAME}), the mean excess
 * over all proven pairs and over the pairs above it, the largest excess with its pair, and
 * the mean thread CPU time per alignment. The graphs get the existence channel the command
 * line appends, the space is that of all 188 graphs and the aligners get the command line's
 * seed 42, so that each pair gives the distance of {@code orbifold align MUTAG I J}. The
 * numbers are in docs/matching.md, section "Distance to the optimum on MUTAG".
 *
 * <p>The other harnesses do not answer this: {@link AlignmentQualityHarness} reports mean
 * distances over randomly drawn pairs, without the existence channel and without telling
 * which pairs an exact run proved; {@link RelabellingHarness} compares a heuristic with
 * itself under renumbering.
 *
 * <p>Usage: {@code [N [SECONDS [ALIGNERS]]]}, defaults 20 graphs, 2 s per exact alignment
 * and {@code faq,fast,multistart,thorough,ipfp,ga} (names for {@link Aligners#byName},
 * comma-separated); MUTAG is read from the system property {@code orbifold.datasets}, else
 * {@code ../shared/datasets}. Runs on one thread.
 */
public final class OptimalityGapHarness {

    /** Relative excess below which a heuristic distance counts as optimal. */
    private static final double SAME = 1e-9;

    private OptimalityGapHarness() {
    }

    /**
     * Runs the measurement and prints one line per aligner.
     *
     * @param args optional number of graphs, exact time limit in seconds and aligner names
     * @throws IOException if MUTAG cannot be read
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double limit = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        String names = args.length > 2 ? args[2] : "faq,fast,multistart,thorough,ipfp,ga";
        Path mutag = Path.of(System.getProperty("orbifold.datasets", "../shared/datasets"),
                "tu", "MUTAG");
        List<Graph> all = NodeExistence.append(DatasetLoader.load(mutag).graphs());
        GraphSpace space = GraphSpace.of(all);
        List<Graph> graphs = all.subList(0, n);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        // The exact distances, kept where proven.
        Aligner exact = new ExactAligner(42L, 50_000_000L,
                Duration.ofMillis(Math.round(1000 * limit)));
        int pairs = n * (n - 1) / 2;
        int[] first = new int[pairs];
        int[] second = new int[pairs];
        double[] optimum = new double[pairs];
        int proven = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Alignment a = exact.align(space, graphs.get(i), graphs.get(j));
                if (a.certified()) {
                    first[proven] = i;
                    second[proven] = j;
                    optimum[proven] = a.distance();
                    proven++;
                }
            }
        }
        double exactCpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        System.out.printf(Locale.ROOT, "exact     first %d MUTAG graphs: %d pairs, %d proven"
                + " optimal within %.1f s each; cpu %.1f s in all (%.1f ms per pair)%n", n,
                pairs, proven, limit, exactCpu, 1e3 * exactCpu / pairs);

        // Each heuristic on the proven pairs.
        for (String name : names.split(",")) {
            Aligner aligner = Aligners.byName(name, 42L);
            int above = 0;
            double excessSum = 0.0;
            double worst = 0.0;
            String worstPair = "-";
            cpuStart = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < proven; p++) {
                double d = aligner.align(space, graphs.get(first[p]), graphs.get(second[p]))
                        .distance();
                double excess = optimum[p] > 0.0 ? d / optimum[p] - 1.0 : d;
                if (excess > SAME) {
                    above++;
                    excessSum += excess;
                    if (excess > worst) {
                        worst = excess;
                        worstPair = String.format(Locale.ROOT, "(%d, %d) %.6f vs %.6f",
                                first[p], second[p], d, optimum[p]);
                    }
                }
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
            System.out.printf(Locale.ROOT, "%-9s above the optimum on %d of %d (%.1f %%);"
                    + " mean excess %.2f %% (%.2f %% on those above); largest %.1f %% %s;"
                    + " cpu %.2f ms per pair%n", name, above, proven, 100.0 * above / proven,
                    100.0 * excessSum / proven, above == 0 ? 0.0 : 100.0 * excessSum / above,
                    100.0 * worst, worstPair, 1e3 * cpu / proven);
        }
    }
}
