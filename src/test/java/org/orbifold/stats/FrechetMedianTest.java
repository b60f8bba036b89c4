package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orbifold.stats.FrechetMeanTest.assertMessage;
import static org.orbifold.stats.FrechetMeanTest.assertObjectiveMatchesAlignments;
import static org.orbifold.stats.FrechetMeanTest.assertTraceNeverRises;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class FrechetMedianTest {

    /** Tolerance for quantities computed exactly up to rounding. */
    private static final double TOL = 1e-9;

    /** Tolerance for a point found by a converged iteration. */
    private static final double POINT_TOL = 1e-6;

    private static final Aligner EXACT = new BruteForceAligner();

    private static FrechetMedian median(Aligner aligner) {
        return FrechetMedian.builder().aligner(aligner).build();
    }

    @Test
    void medianOnTheLineIsTheMiddleSample() {
        // Points 1, 2, 3, 4, 21: the median is 3, mean distance (2 + 1 + 0 + 1 + 18) / 5.
        List<Graph> graphs = TestGraphs.points(new double[] {1}, new double[] {2},
                new double[] {3}, new double[] {4}, new double[] {21});
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = median(EXACT).compute(space, graphs);

        assertEquals(3.0, result.center().node(0, 0), TOL);
        assertEquals(22.0 / 5, result.objective(), TOL);
        assertEquals(Status.CONVERGED, result.status());
        assertEquals(0, result.iterations(), "the Vardi-Zhang test accepts the set median");
    }

    @Test
    void vardiZhangStepLeavesASampleThatIsNotOptimal() {
        // Start at the outlier 21: r = 4 > 1, so the modified step moves towards the median 3.
        List<Graph> graphs = TestGraphs.points(new double[] {1}, new double[] {2},
                new double[] {3}, new double[] {4}, new double[] {21});
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = FrechetMedian.builder().aligner(EXACT).initial(graphs.get(4))
                .tolerance(0.0).maxIterations(2000).build().compute(space, graphs);

        assertEquals(3.0, result.center().node(0, 0), POINT_TOL);
        assertTraceNeverRises(result, "line");
        assertEquals(Status.CONVERGED, result.status());
    }

    @Test
    void evenSampleOnTheLineStopsAtTheSetMedian() {
        // Points 1 and 11: every point between is a median; the set median 1 passes the test.
        List<Graph> graphs = TestGraphs.points(new double[] {1}, new double[] {11});
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = median(EXACT).compute(space, graphs);

        assertEquals(1.0, result.center().node(0, 0), TOL);
        assertEquals(5.0, result.objective(), TOL);
        assertEquals(Status.CONVERGED, result.status());
    }

    @Test
    void planarMedianMatchesPlainWeiszfeld() {
        double[][] points = {{1, 1}, {5, 1}, {2, 4}, {6, 6}, {3, -2}, {0, 3}};
        double[] weights = {1, 2, 1, 1, 3, 1};
        List<Graph> graphs = TestGraphs.points(points);
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = FrechetMedian.builder().aligner(EXACT).tolerance(0.0)
                .maxIterations(5000).build().compute(space, graphs, weights);

        double[] reference = weiszfeld(points, weights);
        assertEquals(reference[0], result.center().node(0, 0), POINT_TOL);
        assertEquals(reference[1], result.center().node(0, 1), POINT_TOL);
        assertTraceNeverRises(result, "plane");
    }

    @Test
    void aSampleHoldingHalfTheWeightIsTheMedian() {
        for (long seed = 0; seed < 5; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 4, 3, 5, 2, 0.5);
            GraphSpace space = GraphSpace.of(graphs);

            CenterResult result = median(EXACT).compute(space, graphs,
                    new double[] {1, 1, 3, 1});

            assertEquals(0.0, BruteForceAligner.distance(space, result.center(), graphs.get(2)),
                    TOL);
            assertEquals(Status.CONVERGED, result.status());
        }
    }

    @Test
    void medianOfRelabelledCopiesIsAtDistanceZeroFromTheInput() {
        SplittableRandom random = new SplittableRandom(7);
        Graph g = TestGraphs.random(7, 1, 6, 6, 2, 0.5).get(0);
        List<Graph> graphs = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            graphs.add(TestGraphs.relabel(g, random));
        }
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult result = median(EXACT).compute(space, graphs);

        assertEquals(0.0, result.objective(), TOL);
        assertEquals(0.0, BruteForceAligner.distance(space, result.center(), g), TOL);
    }

    @Test
    void traceNeverRisesAndMedianNeverScoresWorseThanTheSetMedian() {
        for (Aligner aligner : List.of(EXACT, new SwapAligner(), new ForgetfulAligner())) {
            for (long seed = 100; seed < 110; seed++) {
                List<Graph> graphs = TestGraphs.random(seed, 7, 3, 6, 2, 0.4);
                GraphSpace space = GraphSpace.of(graphs);

                CenterResult result = median(aligner).compute(space, graphs);
                MedoidResult setMedian = Medoid.compute(space, graphs, aligner, false);

                String where = aligner.name() + " seed " + seed;
                assertTraceNeverRises(result, where);
                assertObjectiveMatchesAlignments(space, graphs, result, false);
                assertTrue(result.objective() <= setMedian.objective() + TOL, where);
            }
        }
    }

    @Test
    void resultsAreIdenticalForOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(600, 20, 3, 6, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            Aligner aligner = new SwapAligner();
            CenterResult a = FrechetMedian.builder().aligner(aligner).executor(one).build()
                    .compute(space, graphs);
            CenterResult b = FrechetMedian.builder().aligner(aligner).executor(four).build()
                    .compute(space, graphs);
            assertEquals(a.center(), b.center());
            assertArrayEquals(a.trace(), b.trace());
            assertEquals(a.alignments(), b.alignments());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void listenerCanStopTheRun() {
        List<Graph> graphs = TestGraphs.points(new double[] {1, 1}, new double[] {5, 1},
                new double[] {2, 4}, new double[] {6, 6});
        GraphSpace space = GraphSpace.of(graphs);
        Graph far = TestGraphs.points(new double[] {40, -30}).get(0);
        int[] calls = new int[1];

        CenterResult result = FrechetMedian.builder().aligner(EXACT).initial(far)
                .listener((iteration, objective, step, elapsed) -> ++calls[0] < 3)
                .build().compute(space, graphs);

        assertEquals(Status.STOPPED_BY_LISTENER, result.status());
        assertEquals(3, result.iterations());
        assertEquals(3, calls[0]);
    }

    @Test
    void rejectsBadInputNamingIt() {
        List<Graph> graphs = TestGraphs.random(1000, 3, 3, 4, 1, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        FrechetMedian median = median(EXACT);

        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> median.compute(space, List.of())), "empty");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> median.compute(space, graphs, new double[] {1, 1, -2})), "weights[2]");
        assertThrows(IllegalStateException.class, () -> FrechetMedian.builder().build());
    }

    /** Plain Euclidean Weiszfeld from the weighted centroid; the points are not medians. */
    private static double[] weiszfeld(double[][] points, double[] weights) {
        double[] x = new double[2];
        double total = 0.0;
        for (int i = 0; i < points.length; i++) {
            x[0] += weights[i] * points[i][0];
            x[1] += weights[i] * points[i][1];
            total += weights[i];
        }
        x[0] /= total;
        x[1] /= total;
        for (int t = 0; t < 100_000; t++) {
            double[] sum = new double[2];
            double inverse = 0.0;
            for (int i = 0; i < points.length; i++) {
                double d = Math.hypot(x[0] - points[i][0], x[1] - points[i][1]);
                sum[0] += weights[i] * points[i][0] / d;
                sum[1] += weights[i] * points[i][1] / d;
                inverse += weights[i] / d;
            }
            x[0] = sum[0] / inverse;
            x[1] = sum[1] / inverse;
        }
        return x;
    }

    @Test
    void distancesAreTheExactDistancesToTheCenterAndAverageToTheObjective() {
        for (long seed = 0; seed < 3; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 5, 3, 5, 2, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            for (boolean squared : new boolean[] {false, true}) {
                CenterResult result = squared
                        ? FrechetMean.builder().aligner(EXACT).build().compute(space, graphs)
                        : median(EXACT).compute(space, graphs);
                double[] d = result.distances();

                assertEquals(graphs.size(), d.length);
                double sum = 0.0;
                for (int i = 0; i < d.length; i++) {
                    // Brute force over every permutation: the distance the center attains.
                    assertEquals(BruteForceAligner.distance(space, result.center(),
                            graphs.get(i)), d[i], TOL, "graph " + i);
                    sum += squared ? d[i] * d[i] : d[i];
                }
                assertEquals(result.objective(), sum / d.length,
                        TOL * (1.0 + result.objective()), "squared " + squared);
            }
        }
    }
}
