package org.orbifold.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.orbifold.io.DatasetLoader;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.Permutation;

/**
 * Measures how often the distance found by the heuristic presets {@code faq} and {@code fast}
 * depends on the input order of the nodes: for seeded random pairs of TU MUTAG graphs it
 * aligns the pair as read and again after relabelling both graphs by seeded random
 * permutations, and counts the pairs whose distance changed (by more than a relative
 * {@value #SAME}), with the mean and largest relative change. The graphs get the existence
 * channel the command line appends, and the aligners the command line's seed 42, so that
 * pair (0, 1) gives the {@code orbifold align} distance; that pair is also aligned under 100
 * seeded renumberings of both graphs, with the count of every distance found. The numbers
 * are in docs/matching.md, section "Dependence on the input order of the nodes".
 *
 * <p>Usage: {@code [PAIRS [SEED [ALIGNERS]]]}, defaults 100, 2026 and {@code faq,fast}
 * (names for {@link Aligners#byName}, comma-separated); MUTAG is read from the system
 * property {@code orbifold.datasets}, else {@code ../shared/datasets}.
 */
public final class RelabellingHarness {

    /** Relative difference below which two distances count as the same. */
    private static final double SAME = 1e-9;

    private RelabellingHarness() {
    }

    /**
     * Runs the measurement and prints one line per aligner.
     *
     * @param args optional number of pairs, seed and aligner names
     * @throws IOException if MUTAG cannot be read
     */
    public static void main(String[] args) throws IOException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026L;
        Path mutag = Path.of(System.getProperty("orbifold.datasets", "../shared/datasets"),
                "tu", "MUTAG");
        List<Graph> graphs = NodeExistence.append(DatasetLoader.load(mutag).graphs());
        GraphSpace space = GraphSpace.of(graphs);
        String names = args.length > 2 ? args[2] : "faq,fast";
        for (String name : names.split(",")) {
            Aligner aligner = Aligners.byName(name, 42L);
            SplittableRandom random = new SplittableRandom(seed);
            int changed = 0;
            int lower = 0;
            double asRead = 0.0;
            double relabelled = 0.0;
            double relativeSum = 0.0;
            double relativeMax = 0.0;
            for (int p = 0; p < pairs; p++) {
                int i = random.nextInt(graphs.size());
                int j = random.nextInt(graphs.size() - 1);
                j += j >= i ? 1 : 0;
                Graph x = graphs.get(i);
                Graph y = graphs.get(j);
                double d0 = aligner.align(space, x, y).distance();
                Graph xr = x.permute(Permutation.random(x.order(), random));
                Graph yr = y.permute(Permutation.random(y.order(), random));
                double d1 = aligner.align(space, xr, yr).distance();
                asRead += d0;
                relabelled += d1;
                double relative = Math.abs(d1 - d0) / Math.min(d0, d1);
                if (relative > SAME) {
                    changed++;
                    lower += d1 < d0 ? 1 : 0;
                    relativeSum += relative;
                    relativeMax = Math.max(relativeMax, relative);
                }
            }
            // Pair (0, 1) under 100 renumberings of both graphs (their own seed, 7).
            SplittableRandom renumber = new SplittableRandom(7L);
            TreeMap<String, Integer> values = new TreeMap<>();
            for (int t = 0; t < 100; t++) {
                Graph x = graphs.get(0).permute(Permutation.random(graphs.get(0).order(),
                        renumber));
                Graph y = graphs.get(1).permute(Permutation.random(graphs.get(1).order(),
                        renumber));
                values.merge(String.format(Locale.ROOT, "%.6f",
                        aligner.align(space, x, y).distance()), 1, Integer::sum);
            }
            System.out.printf(Locale.ROOT, "%-4s pair (0, 1) renumbered 100 times: %s%n", name,
                    values);
            System.out.printf(Locale.ROOT, "%-4s pair (0, 1) %.6f; %d pairs: changed %d (%d"
                    + " lower, %d higher), mean relative change %.2f %%, largest %.2f %%;"
                    + " mean distance %.3f as read, %.3f relabelled%n", name,
                    aligner.align(space, graphs.get(0), graphs.get(1)).distance(), pairs,
                    changed, lower, changed - lower, changed == 0 ? 0.0
                            : 100.0 * relativeSum / changed, 100.0 * relativeMax,
                    asRead / pairs, relabelled / pairs);
        }
    }
}
