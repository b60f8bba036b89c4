package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orbifold.stats.FrechetMeanTest.assertObjectiveMatchesAlignments;
import static org.orbifold.stats.FrechetMeanTest.assertTraceNeverRises;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.match.FaqAligner;
import org.orbifold.match.NodeAssignmentAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/** The center computations run with the aligners of {@code org.orbifold.match}. */
class LibraryAlignersTest {

    /** Tolerance for quantities computed exactly up to rounding. */
    private static final double TOL = 1e-9;

    @Test
    void meanOfTwoGraphsIsTheirMidpointWithTheExactAligner() {
        Aligner exact = new ExactAligner(1);
        for (long seed = 0; seed < 8; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 2, 5, 7, 1, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            double d = BruteForceAligner.distance(space, graphs.get(0), graphs.get(1));

            CenterResult result = FrechetMean.builder().aligner(exact).build()
                    .compute(space, graphs);

            Graph m = result.center();
            assertEquals(d / 2, BruteForceAligner.distance(space, m, graphs.get(0)), TOL);
            assertEquals(d / 2, BruteForceAligner.distance(space, m, graphs.get(1)), TOL);
            assertEquals(d * d / 4, result.objective(), TOL);
        }
    }

    @Test
    void meanOfRelabelledCopiesOfALargerGraphWithTheExactAligner() {
        SplittableRandom random = new SplittableRandom(5);
        Graph g = TestGraphs.random(5, 1, 10, 10, 2, 0.3).get(0);
        List<Graph> graphs = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            graphs.add(TestGraphs.relabel(g, random));
        }
        GraphSpace space = GraphSpace.of(graphs);
        Aligner exact = new ExactAligner(5);

        CenterResult result = FrechetMean.builder().aligner(exact).build().compute(space,
                graphs);

        assertEquals(0.0, result.objective(), TOL);
        assertEquals(0.0, exact.align(space, result.center(), g).distance(), 1e-6);
    }

    @Test
    void exactAlignerAgreesWithTheBruteForceOracle() {
        for (long seed = 10; seed < 14; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 6, 3, 6, 2, 0.5);
            GraphSpace space = GraphSpace.of(graphs);

            CenterResult oracle = FrechetMean.builder().aligner(new BruteForceAligner())
                    .build().compute(space, graphs);
            CenterResult exact = FrechetMean.builder().aligner(new ExactAligner(seed))
                    .build().compute(space, graphs);

            assertEquals(oracle.objective(), exact.objective(), 1e-7, "seed " + seed);
        }
    }

    @Test
    void faqKeepsEveryTraceMonotoneAndBeatsTheMedoids() {
        for (long seed = 100; seed < 115; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 10, 5, 9, 2, 0.4);
            GraphSpace space = GraphSpace.of(graphs);
            Aligner faq = Aligners.byName("faq", seed);
            String where = "faq seed " + seed;

            CenterResult mean = FrechetMean.builder().aligner(faq).build().compute(space,
                    graphs);
            CenterResult median = FrechetMedian.builder().aligner(faq).build().compute(space,
                    graphs);
            MedoidResult setMean = Medoid.compute(space, graphs, faq, true);
            MedoidResult setMedian = Medoid.compute(space, graphs, faq, false);

            assertTraceNeverRises(mean, where);
            assertTraceNeverRises(median, where);
            assertObjectiveMatchesAlignments(space, graphs, mean, true);
            assertObjectiveMatchesAlignments(space, graphs, median, false);
            assertTrue(mean.objective() <= setMean.objective() + TOL, where);
            assertTrue(median.objective() <= setMedian.objective() + TOL, where);
        }
    }

    @Test
    void faqResultsAreIdenticalForOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(200, 30, 5, 9, 2, 0.4);
        GraphSpace space = GraphSpace.of(graphs);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            Aligner faq = new FaqAligner(3);
            CenterResult a = FrechetMean.builder().aligner(faq).executor(one).build()
                    .compute(space, graphs);
            CenterResult b = FrechetMean.builder().aligner(faq).executor(four).build()
                    .compute(space, graphs);
            assertEquals(a.center(), b.center());
            assertArrayEquals(a.trace(), b.trace());
            assertEquals(a.alignments(), b.alignments());
            CenterResult c = FrechetMedian.builder().aligner(faq).executor(one).build()
                    .compute(space, graphs);
            CenterResult d = FrechetMedian.builder().aligner(faq).executor(four).build()
                    .compute(space, graphs);
            assertEquals(c.center(), d.center());
            assertArrayEquals(c.trace(), d.trace());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void pointPatternsAreExactWithNodeAssignment() {
        Aligner nodes = new NodeAssignmentAligner();
        for (long seed = 300; seed < 306; seed++) {
            // Small patterns: node assignment follows the brute-force path. The start has
            // full order, so that no null nodes make ties between optimal alignments.
            List<Graph> small = TestGraphs.random(seed, 8, 4, 6, 2, 0.0);
            GraphSpace smallSpace = GraphSpace.of(small);
            Graph start = TestGraphs.random(seed + 1, 1, 6, 6, 2, 0.0).get(0);
            CenterResult viaNodes = FrechetMean.builder().aligner(nodes).initial(start)
                    .build().compute(smallSpace, small);
            CenterResult viaOracle = FrechetMean.builder().aligner(new BruteForceAligner())
                    .initial(start).build().compute(smallSpace, small);
            assertEquals(viaOracle.objective(), viaNodes.objective(), 1e-7, "seed " + seed);

            // Larger patterns: certified alignments, a fixed point, monotone, below the medoid.
            List<Graph> large = TestGraphs.random(seed, 40, 15, 25, 3, 0.0);
            GraphSpace space = GraphSpace.of(large);
            CenterResult mean = FrechetMean.builder().aligner(nodes).build().compute(space,
                    large);
            CenterResult median = FrechetMedian.builder().aligner(nodes).build()
                    .compute(space, large);
            assertTrue(mean.alignments().stream().allMatch(Alignment::certified));
            assertEquals(Status.CONVERGED, mean.status());
            assertTraceNeverRises(mean, "nodes seed " + seed);
            assertTraceNeverRises(median, "nodes seed " + seed);
            assertTrue(mean.objective() <= Medoid.compute(space, large, nodes, true)
                    .objective() + TOL);
            assertTrue(median.objective() <= Medoid.compute(space, large, nodes, false)
                    .objective() + TOL);
        }
    }

    /**
     * The {@code faq} preset can be built from the public options of {@link FaqAligner}, and
     * gives the same alignments as that build; the bare constructor lacks the enumeration of
     * small pairs and so certifies fewer of them.
     */
    @Test
    void faqPresetIsTheConstructorWithThePublicExhaustiveSearch() {
        FaqAligner built = new FaqAligner(7).withExhaustiveSearch(
                Aligners.FAQ_EXHAUSTIVE_ORDER, Aligners.FAQ_EXHAUSTIVE_PLACEMENTS);
        Aligner preset = Aligners.byName("faq", 7);
        assertEquals(preset.toString(), built.toString());
        assertEquals("faq", built.name());
        int certifiedByPresetOnly = 0;
        for (long seed = 0; seed < 20; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 2, 5, 7, 1, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            Alignment a = preset.align(space, graphs.get(0), graphs.get(1));
            Alignment b = built.align(space, graphs.get(0), graphs.get(1));
            assertEquals(a.distance(), b.distance());
            assertEquals(a.permutation(), b.permutation());
            assertEquals(a.certified(), b.certified());
            Alignment plain = new FaqAligner(7).align(space, graphs.get(0), graphs.get(1));
            if (a.certified() && !plain.certified()) {
                certifiedByPresetOnly++;
            }
        }
        assertTrue(certifiedByPresetOnly > 0, "the enumeration certified no extra pair");
        assertThrows(IllegalArgumentException.class,
                () -> new FaqAligner(7).withExhaustiveSearch(-1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new FaqAligner(7).withExhaustiveSearch(8, 0));
    }
}
