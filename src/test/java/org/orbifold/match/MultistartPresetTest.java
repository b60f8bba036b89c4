package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.orbifold.io.TuDatasetReader;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.Permutation;

/**
 * The {@code multistart} preset of {@link Aligners}: the {@code faq} preset's search followed
 * by further randomized Frank-Wolfe starts. Checked on random graphs above the order that the
 * presets enumerate, where the heuristic runs, and on MUTAG pairs (skipped when the data sets
 * are absent).
 */
class MultistartPresetTest {

    private static final long SEED = 271_828L;

    @Test
    void isTheFaqPresetWithFurtherStarts() {
        Aligner aligner = Aligners.byName("multistart", 5L);
        assertEquals("multistart", aligner.name());
        assertTrue(aligner.toString().contains("seed=5, randomStarts="
                + FaqAligner.DEFAULT_RANDOM_STARTS), aligner.toString());
        assertTrue(aligner.toString().contains("exhaustiveOrder="
                + Aligners.FAQ_EXHAUSTIVE_ORDER), aligner.toString());
        assertTrue(aligner.toString().contains("furtherStarts="
                + (Aligners.MULTISTART_RANDOM_STARTS - FaqAligner.DEFAULT_RANDOM_STARTS)),
                aligner.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new FaqAligner(1L).withFurtherStarts(-1));
    }

    /**
     * A time limit stops the further starts only: one that every call has passed when they
     * begin (a nanosecond) leaves exactly the faq preset's search, one that no call reaches
     * (a day, or more than the clock counts) leaves the preset without a limit. The preset
     * had no time limit at all.
     */
    @Test
    void aTimeLimitStopsTheFurtherStartsOnly() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int t = 0; t < 12; t++) {
            long seed = random.nextLong();
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 9, 16, t % 4 == 0);
            GraphSpace space = c.space();
            String where = "instance " + t;
            Alignment faq = Aligners.byName("faq", seed).align(space, c.x(), c.y());
            Alignment unlimited = Aligners.byName("multistart", seed).align(space, c.x(),
                    c.y());
            Alignment cut = Aligners.multistart(seed, Duration.ofNanos(1)).align(space, c.x(),
                    c.y());
            Alignment day = Aligners.multistart(seed, Duration.ofDays(1)).align(space, c.x(),
                    c.y());
            Alignment beyond = Aligners.multistart(seed, Duration.ofSeconds(Long.MAX_VALUE))
                    .align(space, c.x(), c.y());

            assertArrayEquals(faq.permutation().toArray(), cut.permutation().toArray(), where);
            assertEquals(faq.similarity(), cut.similarity(), 0.0, where);
            assertArrayEquals(unlimited.permutation().toArray(), day.permutation().toArray(),
                    where);
            assertArrayEquals(unlimited.permutation().toArray(),
                    beyond.permutation().toArray(), where);
        }
        Aligner limited = Aligners.multistart(5L, Duration.ofMillis(250));
        assertEquals("multistart", limited.name());
        assertTrue(limited.toString().contains("furtherStartsLimit=PT0.25S"),
                limited.toString());
        assertTrue(Aligners.byName("multistart", 5L).toString()
                .contains("furtherStartsLimit=null"));
        assertThrows(IllegalArgumentException.class,
                () -> Aligners.multistart(1L, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> Aligners.multistart(1L, Duration.ofNanos(-1)));
    }

    @Test
    void attainsItsDistanceAndIsNeverWorseThanFaqWithTheSameSeed() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int t = 0; t < 25; t++) {
            long seed = random.nextLong();
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 9, 16, t % 5 == 0);
            GraphSpace space = c.space();
            double tolerance = MatchTesting.tolerance(space, c.x(), c.y());
            Alignment faq = Aligners.byName("faq", seed).align(space, c.x(), c.y());
            Aligner multistart = Aligners.byName("multistart", seed);
            Alignment found = multistart.align(space, c.x(), c.y());
            String where = "instance " + t;
            assertEquals(space.distance(c.x(), c.y(), found.permutation()), found.distance(),
                    tolerance, where);
            assertEquals(space.similarity(c.x(), c.y(), found.permutation()),
                    found.similarity(), tolerance, where);
            assertTrue(found.similarity() >= faq.similarity() - tolerance, where + ": "
                    + found.distance() + " against faq's " + faq.distance());

            int m = Math.max(c.x().order(), c.y().order()) + 1;
            Permutation start = Permutation.random(m, random);
            Alignment warm = multistart.align(space, c.x(), c.y(), start);
            Alignment faqWarm = Aligners.byName("faq", seed).align(space, c.x(), c.y(), start);
            assertEquals(Math.max(m, space.alignmentSize(c.x(), c.y())),
                    warm.permutation().size(), where);
            assertTrue(warm.similarity() >= space.similarity(c.x(), c.y(), start) - tolerance,
                    where + ", warm start");
            assertTrue(warm.similarity() >= faqWarm.similarity() - tolerance,
                    where + ", warm start against faq's");
        }
    }

    /**
     * The further starts continue {@code faq}'s search instead of replacing its one random
     * start: more random starts in its place ({@code withRandomStarts}) draw the perturbations
     * of the iterated local search from another point of the random stream, and end worse
     * than {@code faq} on some of these instances, which the continued search never does.
     */
    @Test
    void furtherStartsNeverLoseFaqsResultUnlikeMoreRandomStartsInItsPlace() {
        SplittableRandom random = new SplittableRandom(SEED + 5);
        int plainWorse = 0;
        for (int t = 0; t < 60; t++) {
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 9, 16, false);
            long seed = random.nextLong();
            FaqAligner faq = (FaqAligner) Aligners.byName("faq", seed);
            double tolerance = MatchTesting.tolerance(c.space(), c.x(), c.y());
            double reference = faq.align(c.space(), c.x(), c.y()).similarity();
            for (int further = 1; further <= 7; further += 3) {
                double continued = faq.withFurtherStarts(further)
                        .align(c.space(), c.x(), c.y()).similarity();
                assertTrue(continued >= reference - tolerance, "instance " + t + ", "
                        + further + " further starts");
                double replaced = faq.withRandomStarts(1 + further)
                        .align(c.space(), c.x(), c.y()).similarity();
                if (replaced < reference - tolerance) {
                    plainWorse++;
                }
            }
        }
        assertTrue(plainWorse > 0, "more random starts in place of faq's one were never"
                + " worse than faq here, so this test no longer tells the two apart");
    }

    @Test
    void isNeverBelowAProvenOptimum() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Aligner exact = new ExactAligner(3L, 5_000_000L, Duration.ofSeconds(5));
        Aligner multistart = Aligners.byName("multistart", 3L);
        int proven = 0;
        for (int t = 0; t < 30; t++) {
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 6, 12, false);
            Alignment optimum = exact.align(c.space(), c.x(), c.y());
            if (!optimum.certified()) {
                continue;
            }
            proven++;
            double tolerance = MatchTesting.tolerance(c.space(), c.x(), c.y());
            Alignment found = multistart.align(c.space(), c.x(), c.y());
            assertTrue(found.similarity() <= optimum.similarity() + tolerance, "instance " + t
                    + ": " + found.distance() + " below the optimum " + optimum.distance());
        }
        assertTrue(proven >= 25, "only " + proven + " instances proven");
    }

    @Test
    void isDeterministicForTheSameSeedOnAnyThread() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        List<MatchTesting.Instance> instances = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            instances.add(MatchTesting.randomInstance(random, t, 9, 16, false));
        }
        Aligner aligner = Aligners.byName("multistart", 9L);
        List<Permutation> sequential = new ArrayList<>();
        for (MatchTesting.Instance c : instances) {
            sequential.add(aligner.align(c.space(), c.x(), c.y()).permutation());
        }
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            List<Permutation> parallel = pool.submit(() -> IntStream.range(0, instances.size())
                    .parallel().mapToObj(k -> Aligners.byName("multistart", 9L).align(
                            instances.get(k).space(), instances.get(k).x(),
                            instances.get(k).y()).permutation())
                    .toList()).join();
            assertEquals(sequential, parallel);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void certifiesSmallPairsAsFaqDoes() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int t = 0; t < 30; t++) {
            int nx = 1 + random.nextInt(Aligners.FAQ_EXHAUSTIVE_ORDER);
            int ny = 1 + random.nextInt(Aligners.FAQ_EXHAUSTIVE_ORDER);
            Graph x = MatchTesting.randomGraph(random, nx, 1, 1, 0.5, false,
                    MatchTesting.Values.INTEGER);
            Graph y = MatchTesting.randomGraph(random, ny, 1, 1, 0.5, false,
                    MatchTesting.Values.INTEGER);
            GraphSpace space = new GraphSpace(Aligners.FAQ_EXHAUSTIVE_ORDER, 1, 1, 1.0, 1.0);
            Alignment faq = Aligners.byName("faq", 4L).align(space, x, y);
            Alignment found = Aligners.byName("multistart", 4L).align(space, x, y);
            assertTrue(found.certified(), "instance " + t);
            assertEquals(faq.certified(), found.certified(), "instance " + t);
            assertEquals(faq.permutation(), found.permutation(), "instance " + t);
            assertEquals(faq.distance(), found.distance(), 0.0, "instance " + t);
        }
    }

    @Test
    void onMutagIsNeverWorseThanFaqNorBelowTheOptimumAndFindsRelabelledCopies()
            throws IOException {
        List<Graph> all = mutag();
        GraphSpace space = GraphSpace.of(all);
        List<Graph> graphs = all.subList(0, 10);
        Aligner faq = Aligners.byName("faq", 42L);
        Aligner multistart = Aligners.byName("multistart", 42L);
        Aligner exact = new ExactAligner(42L, 50_000_000L, Duration.ofSeconds(2));
        int better = 0;
        for (int i = 0; i < graphs.size(); i++) {
            for (int j = i + 1; j < graphs.size(); j++) {
                Graph x = graphs.get(i);
                Graph y = graphs.get(j);
                String where = "pair " + i + ", " + j;
                double tolerance = MatchTesting.tolerance(space, x, y);
                Alignment found = multistart.align(space, x, y);
                Alignment plain = faq.align(space, x, y);
                assertTrue(found.similarity() >= plain.similarity() - tolerance, where);
                if (found.distance() < plain.distance() - 1e-9) {
                    better++;
                }
                if (i < 5) {
                    Alignment optimum = exact.align(space, x, y);
                    if (optimum.certified()) {
                        assertTrue(found.similarity() <= optimum.similarity() + tolerance,
                                where);
                    }
                }
            }
        }
        assertTrue(better > 0, "multistart never improved on faq");
        // orbifold align MUTAG 1 2: faq 2.828427, the proven optimum 2.000000.
        assertEquals(2.0, multistart.align(space, graphs.get(1), graphs.get(2)).distance(),
                1e-9);

        SplittableRandom random = new SplittableRandom(SEED + 4);
        for (int k = 0; k < 20; k++) {
            Graph g = all.get(k);
            Graph copy = g.permute(Permutation.random(g.order(), random));
            Alignment relabelled = multistart.align(space, g, copy);
            assertEquals(0.0, relabelled.distance(), "graph " + k);
            assertTrue(relabelled.certified(), "graph " + k);
        }
    }

    /** MUTAG as the command line loads it: TU format plus the node existence channel. */
    private static List<Graph> mutag() throws IOException {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path folder = Path.of(root).resolve("tu/MUTAG");
        assumeTrue(Files.isDirectory(folder), "dataset not available: " + folder);
        return NodeExistence.append(TuDatasetReader.read(folder).graphs());
    }
}
