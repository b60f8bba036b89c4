package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class FrechetMeanTest {

    /** Tolerance for quantities computed exactly up to rounding. */
    private static final double TOL = 1e-9;

    private static final Aligner EXACT = new BruteForceAligner();

    private static FrechetMean mean(Aligner aligner) {
        return FrechetMean.builder().aligner(aligner).build();
    }

    @Test
    void meanOfIdenticalGraphsIsThatGraph() {
        Graph g = TestGraphs.random(1, 1, 5, 5, 2, 0.5).get(0);
        List<Graph> graphs = List.of(g, g, g, g);
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = mean(EXACT).compute(space, graphs);

        assertEquals(0.0, result.objective(), TOL);
        assertEquals(0.0, BruteForceAligner.distance(space, result.center(), g), TOL);
        assertEquals(Status.CONVERGED, result.status());
    }

    @Test
    void meanOfRelabelledCopiesIsAtDistanceZeroFromTheInput() {
        SplittableRandom random = new SplittableRandom(2);
        Graph g = TestGraphs.random(2, 1, 6, 6, 2, 0.5).get(0);
        List<Graph> graphs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            graphs.add(TestGraphs.relabel(g, random));
        }
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = mean(EXACT).compute(space, graphs);

        assertEquals(0.0, result.objective(), TOL);
        assertEquals(0.0, BruteForceAligner.distance(space, result.center(), g), TOL);
    }

    @Test
    void meanOfTwoGraphsIsTheirAlignedMidpoint() {
        for (long seed = 0; seed < 15; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 2, 4, 6, 1, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            Graph x = graphs.get(0);
            Graph y = graphs.get(1);
            double d = BruteForceAligner.distance(space, x, y);

            CenterResult result = mean(EXACT).compute(space, graphs);

            Graph m = result.center();
            assertEquals(space.size(), m.order());
            assertEquals(d / 2, BruteForceAligner.distance(space, m, x), TOL, "seed " + seed);
            assertEquals(d / 2, BruteForceAligner.distance(space, m, y), TOL, "seed " + seed);
            assertEquals(d * d / 4, result.objective(), TOL, "seed " + seed);
        }
    }

    @Test
    void weightsMoveTheMeanAlongTheSegment() {
        // Weights 3 and 1: the mean is (3 X + pi . Y) / 4, at d/4 from X and 3d/4 from Y,
        // and the objective is (3 (d/4)^2 + (3d/4)^2) / 4 = 3 d^2 / 16.
        for (long seed = 20; seed < 30; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 2, 4, 5, 1, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            double d = BruteForceAligner.distance(space, graphs.get(0), graphs.get(1));

            CenterResult result = mean(EXACT).compute(space, graphs, new double[] {3, 1});

            Graph m = result.center();
            assertEquals(d / 4, BruteForceAligner.distance(space, m, graphs.get(0)), TOL);
            assertEquals(3 * d / 4, BruteForceAligner.distance(space, m, graphs.get(1)), TOL);
            assertEquals(3 * d * d / 16, result.objective(), TOL);
        }
    }

    @Test
    void integerWeightsActLikeRepeatedGraphs() {
        List<Graph> graphs = TestGraphs.random(40, 4, 3, 5, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        double[] weights = {2, 1, 0, 3};
        List<Graph> repeated = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            for (int k = 0; k < weights[i]; k++) {
                repeated.add(graphs.get(i));
            }
        }

        CenterResult weighted = mean(EXACT).compute(space, graphs, weights);
        CenterResult plain = mean(EXACT).compute(space, repeated);

        assertEquals(plain.objective(), weighted.objective(), TOL);
        assertEquals(0.0, BruteForceAligner.distance(space, weighted.center(), plain.center()),
                1e-6);
        assertEquals(graphs.size(), weighted.alignments().size());
    }

    @Test
    void traceNeverRisesWithExactHeuristicOrForgetfulAligners() {
        List<Aligner> aligners = List.of(EXACT, new SwapAligner(), new ForgetfulAligner());
        for (Aligner aligner : aligners) {
            for (long seed = 100; seed < 112; seed++) {
                List<Graph> graphs = TestGraphs.random(seed, 7, 3, 6, 2, 0.4);
                GraphSpace space = GraphSpace.of(graphs);

                CenterResult result = mean(aligner).compute(space, graphs);

                assertTraceNeverRises(result, aligner.name() + " seed " + seed);
                assertObjectiveMatchesAlignments(space, graphs, result, true);
            }
        }
    }

    @Test
    void exactAlignmentsTerminateAtAFixedPoint() {
        for (long seed = 200; seed < 210; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 6, 3, 5, 2, 0.5);
            GraphSpace space = GraphSpace.of(graphs);

            CenterResult result = mean(EXACT).compute(space, graphs);

            assertEquals(Status.CONVERGED, result.status(), "seed " + seed);
            assertTrue(result.alignments().stream().allMatch(Alignment::certified));
        }
    }

    @Test
    void meanNeverScoresWorseThanTheSetMean() {
        for (Aligner aligner : List.of(EXACT, new SwapAligner(), new ForgetfulAligner())) {
            for (long seed = 300; seed < 310; seed++) {
                List<Graph> graphs = TestGraphs.random(seed, 6, 3, 6, 2, 0.5);
                GraphSpace space = GraphSpace.of(graphs);

                MedoidResult medoid = Medoid.compute(space, graphs, aligner, true);
                CenterResult result = mean(aligner).compute(space, graphs);

                assertTrue(result.objective() <= medoid.objective() + TOL,
                        aligner.name() + " seed " + seed + ": mean " + result.objective()
                                + " > set mean " + medoid.objective());
                assertTrue(result.trace()[0] <= medoid.objective() + TOL);
            }
        }
    }

    @Test
    void incrementalStartNeverScoresWorseThanTheIncrementalMean() {
        for (long seed = 400; seed < 406; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 8, 3, 6, 2, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            Aligner aligner = new SwapAligner();

            CenterResult incremental = IncrementalMean.compute(space, graphs, aligner, seed);
            CenterResult result = FrechetMean.builder().aligner(aligner)
                    .start(FrechetMean.Start.INCREMENTAL_MEAN).seed(seed).build()
                    .compute(space, graphs);

            assertEquals(incremental.objective(), result.trace()[0], TOL);
            assertTrue(result.objective() <= incremental.objective() + TOL);
        }
    }

    @Test
    void initialGraphIsPaddedAndZeroIterationsReturnTheStart() {
        List<Graph> graphs = TestGraphs.random(500, 5, 3, 6, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        Graph small = graphs.stream().filter(g -> g.order() < space.size()).findFirst()
                .orElseThrow();

        CenterResult result = FrechetMean.builder().aligner(EXACT).initial(small)
                .maxIterations(0).build().compute(space, graphs);

        assertEquals(small.pad(space.size()), result.center());
        assertEquals(0, result.iterations());
        assertEquals(Status.MAX_ITERATIONS, result.status());
        assertEquals(1, result.trace().length);
        assertObjectiveMatchesAlignments(space, graphs, result, true);
    }

    @Test
    void alignedRefusesAGraphThatCannotBeTheInput() {
        // Orders 3 to 5, one edge channel.
        List<Graph> graphs = TestGraphs.random(77, 4, 3, 5, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        CenterResult result = FrechetMean.builder().aligner(EXACT).build()
                .compute(space, graphs);
        assertEquals(graphs.get(2).permute(result.alignments().get(2).permutation()),
                result.aligned(2, graphs.get(2)));

        Graph otherDimension = TestGraphs.random(78, 1, 3, 3, 4, 0.5).get(0);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> result.aligned(1, otherDimension)),
                "the graph given as input 1 has attribute dimensions (node "
                        + otherDimension.nodeDimension() + ", edge 1) but the center has (node "
                        + result.center().nodeDimension() + ", edge 1)");
        int size = space.size();
        Graph tooLarge = TestGraphs.random(79, 1, size + 1, size + 1, 2, 0.5).get(0);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> result.aligned(0, tooLarge)),
                "the graph given as input 0 has order " + (size + 1) + " but input 0 was"
                        + " aligned by a permutation of size " + size);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> result.aligned(4, graphs.get(0))), "i = 4 is not an input index, 0..3");
    }

    @Test
    void resultsAreIdenticalForOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(600, 24, 3, 6, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            for (Aligner aligner : List.of(EXACT, new SwapAligner())) {
                CenterResult a = FrechetMean.builder().aligner(aligner).executor(one).build()
                        .compute(space, graphs);
                CenterResult b = FrechetMean.builder().aligner(aligner).executor(four).build()
                        .compute(space, graphs);
                assertEquals(a.center(), b.center());
                assertArrayEquals(a.trace(), b.trace());
                assertEquals(a.alignments(), b.alignments());
                assertEquals(a.status(), b.status());
                // The records compare their arrays by content, so the results are equal.
                assertEquals(a, b);
                assertEquals(a.hashCode(), b.hashCode());
                assertEquals(a.toString(), b.toString());
            }
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void listenerSeesEveryIterationAndCanStopTheRun() {
        // Find a run from a far starting point that needs at least three updates.
        Aligner aligner = new SwapAligner();
        List<Graph> graphs = null;
        Graph far = null;
        for (long seed = 700; seed < 760 && graphs == null; seed++) {
            List<Graph> candidate = TestGraphs.random(seed, 10, 4, 6, 2, 0.5);
            Graph start = TestGraphs.random(seed + 1000, 1, 6, 6, 2, 0.9).get(0);
            CenterResult free = FrechetMean.builder().aligner(aligner).initial(start).build()
                    .compute(GraphSpace.of(candidate), candidate);
            if (free.iterations() >= 3) {
                graphs = candidate;
                far = start;
            }
        }
        assertTrue(graphs != null, "no seed gave a run of three updates");
        GraphSpace space = GraphSpace.of(graphs);

        List<double[]> reports = new ArrayList<>();
        CenterResult stopped = FrechetMean.builder().aligner(aligner).initial(far)
                .listener((iteration, objective, step, elapsed) -> {
                    reports.add(new double[] {iteration, objective, step});
                    return iteration < 2;
                }).build().compute(space, graphs);

        assertEquals(Status.STOPPED_BY_LISTENER, stopped.status());
        assertEquals(2, stopped.iterations());
        assertEquals(2, reports.size());
        double[] trace = stopped.trace();
        assertEquals(3, trace.length);
        for (int k = 0; k < 2; k++) {
            assertEquals(k + 1, reports.get(k)[0]);
            assertEquals(trace[k + 1], reports.get(k)[1]);
            assertEquals((trace[k] - trace[k + 1]) / trace[k], reports.get(k)[2], TOL);
        }
        assertEquals(trace[2], stopped.objective());
    }

    @Test
    void maxIterationsIsReported() {
        List<Graph> graphs = TestGraphs.random(800, 10, 4, 6, 2, 0.5);
        Graph far = TestGraphs.random(1800, 1, 6, 6, 2, 0.9).get(0);
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = FrechetMean.builder().aligner(new SwapAligner()).initial(far)
                .maxIterations(1).tolerance(0.0).build().compute(space, graphs);

        assertEquals(1, result.iterations());
        assertNotEquals(Status.STOPPED_BY_LISTENER, result.status());
        assertEquals(2, result.trace().length);
    }

    @Test
    void pointPatternsWithExactAssignment() {
        // Point patterns: no edges, so the exact alignment is a linear assignment.
        for (long seed = 900; seed < 905; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 8, 5, 6, 2, 0.0);
            GraphSpace space = GraphSpace.of(graphs);

            CenterResult result = mean(EXACT).compute(space, graphs);
            MedoidResult medoid = Medoid.compute(space, graphs, EXACT, true);

            assertEquals(0, result.center().edgeDimension());
            assertTraceNeverRises(result, "seed " + seed);
            assertTrue(result.objective() <= medoid.objective() + TOL);
            assertEquals(Status.CONVERGED, result.status());
        }
    }

    @Test
    void rejectsBadInputNamingIt() {
        List<Graph> graphs = TestGraphs.random(1000, 3, 3, 4, 1, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        FrechetMean mean = mean(EXACT);

        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, List.of())), "empty");
        List<Graph> tooLarge = new ArrayList<>(graphs);
        tooLarge.add(TestGraphs.random(1001, 1, 7, 7, 1, 0.5).get(0));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, tooLarge)), "graphs[3]");
        List<Graph> otherDimension = new ArrayList<>(graphs);
        otherDimension.add(1, TestGraphs.random(1002, 1, 3, 3, 4, 0.5).get(0));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, otherDimension)), "graphs[1]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, graphs, new double[] {1, -1, 1})), "weights[1]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, graphs, new double[] {1, 1, Double.NaN})),
                "weights[2]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, graphs, new double[] {1, 1})), "length 2");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, graphs, new double[] {0, 0, 0})), "positive");
        Graph foreign = TestGraphs.random(1003, 1, 9, 9, 1, 0.5).get(0);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> FrechetMean.builder().aligner(EXACT).initial(foreign).build()
                        .compute(space, graphs)), "initial");
        assertThrows(IllegalStateException.class, () -> FrechetMean.builder().build());
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> FrechetMean.builder().maxIterations(-1)), "-1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> FrechetMean.builder().tolerance(Double.NaN)), "NaN");
    }

    static void assertMessage(Exception e, String expected) {
        assertTrue(e.getMessage().contains(expected),
                "message '" + e.getMessage() + "' does not mention '" + expected + "'");
    }

    static void assertTraceNeverRises(CenterResult result, String where) {
        double[] trace = result.trace();
        assertEquals(result.iterations() + 1, trace.length, where);
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], where + ": trace rises at " + t + ": "
                    + trace[t - 1] + " -> " + trace[t]);
        }
        assertEquals(trace[trace.length - 1], result.objective(), where);
    }

    /** Checks the objective against the returned alignments, evaluated by the space. */
    static void assertObjectiveMatchesAlignments(GraphSpace space, List<Graph> graphs,
            CenterResult result, boolean squared) {
        double sum = 0.0;
        for (int i = 0; i < graphs.size(); i++) {
            Alignment a = result.alignments().get(i);
            double d = space.distance(result.center(), graphs.get(i), a.permutation());
            assertEquals(d, a.distance(), 1e-7);
            sum += squared ? d * d : d;
        }
        assertEquals(sum / graphs.size(), result.objective(), 1e-7);
    }
}
