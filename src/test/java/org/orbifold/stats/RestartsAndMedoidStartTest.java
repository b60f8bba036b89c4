package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orbifold.stats.FrechetMeanTest.assertTraceNeverRises;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.FaqAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/** Restarts from incremental means, and starting from a medoid computed beforehand. */
class RestartsAndMedoidStartTest {

    private final Aligner aligner = new FaqAligner(3);

    @Test
    void aGivenMedoidStartsTheTraceAtItsObjective() {
        for (long seed = 0; seed < 5; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 12, 4, 8, 1, 0.4);
            GraphSpace space = GraphSpace.of(graphs);
            for (boolean squared : new boolean[] {true, false}) {
                MedoidResult medoid = Medoid.compute(space, graphs, aligner, squared);

                CenterResult result = squared
                        ? FrechetMean.builder().aligner(aligner).initial(medoid).build()
                                .compute(space, graphs)
                        : FrechetMedian.builder().aligner(aligner).initial(medoid).build()
                                .compute(space, graphs);

                assertEquals(medoid.objective(), result.trace()[0], 1e-9 * medoid.objective());
                assertTrue(result.objective() <= medoid.objective());
                assertTraceNeverRises(result, "medoid start");
            }
        }
    }

    /**
     * The medoid realigned as a start is exactly the first trace entry of a run from it, at
     * most the objective under the pairwise alignments, and with a weak aligner (graduated
     * assignment) sometimes below it.
     */
    @Test
    void theRealignedMedoidObjectiveIsTheFirstTraceEntry() {
        Aligner weak = Aligners.byName("ga", 3);
        boolean below = false;
        for (long seed = 0; seed < 5; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 12, 4, 8, 1, 0.4);
            GraphSpace space = GraphSpace.of(graphs);
            for (boolean squared : new boolean[] {true, false}) {
                MedoidResult medoid = Medoid.compute(space, graphs, weak, squared);
                CenterResult result = squared
                        ? FrechetMean.builder().aligner(weak).initial(medoid).build()
                                .compute(space, graphs)
                        : FrechetMedian.builder().aligner(weak).initial(medoid).build()
                                .compute(space, graphs);

                double realigned = Medoid.realignedObjective(space, graphs, medoid, weak,
                        ForkJoinPool.commonPool(), squared);
                assertEquals(result.trace()[0], realigned, 0.0);
                assertTrue(realigned <= medoid.objective() * (1 + 1e-12));
                below |= realigned < medoid.objective() * (1 - 1e-9);
            }
        }
        assertTrue(below, "graduated assignment never improved on a pairwise alignment");
    }

    @Test
    void aMedoidOfOtherGraphsIsRejected() {
        List<Graph> graphs = TestGraphs.random(1, 6, 4, 6, 1, 0.4);
        GraphSpace space = GraphSpace.of(graphs);
        MedoidResult medoid = Medoid.compute(space, graphs.subList(0, 5), aligner, true);
        FrechetMean mean = FrechetMean.builder().aligner(aligner).initial(medoid).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mean.compute(space, graphs));
        assertTrue(e.getMessage().contains("5 alignments"), e.getMessage());
    }

    private static String refusal(CenterEstimatorCall call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    /** A center computation, for {@link #refusal}. */
    private interface CenterEstimatorCall {
        void run();
    }

    /**
     * A medoid of the same number of other graphs, of the same graphs in another order, of
     * the other objective, or with an alignment replaced, is refused with a message that
     * says which.
     */
    @Test
    void aMedoidOfAnotherSampleOrObjectiveIsRejected() {
        List<Graph> graphs = TestGraphs.random(1, 12, 4, 6, 1, 0.4);
        List<Graph> first = graphs.subList(0, 6);
        List<Graph> others = graphs.subList(6, 12);
        GraphSpace space = GraphSpace.of(graphs);
        MedoidResult setMean = Medoid.compute(space, first, aligner, true);
        MedoidResult setMedian = Medoid.compute(space, first, aligner, false);
        FrechetMean mean = FrechetMean.builder().aligner(aligner).initial(setMean).build();

        assertTrue(refusal(() -> mean.compute(space, others)).contains(
                "graph is not graphs[" + setMean.index() + "]"));
        List<Graph> reversed = new java.util.ArrayList<>(first);
        java.util.Collections.reverse(reversed);
        assertTrue(refusal(() -> mean.compute(space, reversed)).contains("is not graphs["));
        String wrongKind = refusal(() -> FrechetMean.builder().aligner(aligner)
                .initial(setMedian).build().compute(space, first));
        assertTrue(wrongKind.contains("is a set median") && wrongKind.contains("needs a set"
                + " mean"), wrongKind);
        assertTrue(refusal(() -> FrechetMedian.builder().aligner(aligner).initial(setMean)
                .build().compute(space, first)).contains("is a set mean"));

        // The medoid's graph in place, another graph swapped in elsewhere.
        int other = setMean.index() == 0 ? 1 : 0;
        List<Graph> swapped = new java.util.ArrayList<>(first);
        swapped.set(other, others.get(0));
        assertTrue(refusal(() -> mean.compute(space, swapped)).contains(
                "alignment " + other + " does not belong to graphs[" + other + "]"));

        // The right medoid is still accepted, by both centers.
        assertTrue(mean.compute(space, first).objective() <= setMean.objective());
        assertTrue(FrechetMedian.builder().aligner(aligner).initial(setMedian).build()
                .compute(space, first).objective() <= setMedian.objective());
    }

    @Test
    void restartsNeverDoWorseThanTheFirstRun() {
        for (long seed = 0; seed < 5; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 10, 5, 8, 1, 0.5);
            GraphSpace space = GraphSpace.of(graphs);

            CenterResult one = FrechetMean.builder().aligner(aligner).seed(seed).build()
                    .compute(space, graphs);
            CenterResult four = FrechetMean.builder().aligner(aligner).seed(seed).restarts(4)
                    .build().compute(space, graphs);
            CenterResult again = FrechetMean.builder().aligner(aligner).seed(seed).restarts(4)
                    .build().compute(space, graphs);

            assertTrue(four.objective() <= one.objective());
            assertEquals(4, four.runs().size());
            assertEquals(one.objective(), four.runs().get(0).objective());
            assertEquals(one.iterations(), four.runs().get(0).iterations());
            double bestRun = four.runs().stream().mapToDouble(CenterResult.Run::objective)
                    .min().orElseThrow();
            assertEquals(bestRun, four.objective());
            assertTrue(four.totalIterations() >= four.iterations());
            assertEquals(four.objective(), again.objective());
            assertEquals(four.center(), again.center());
            assertTraceNeverRises(four, "restarts");
        }
    }

    @Test
    void restartsBelowOneAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrechetMedian.builder().restarts(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void everyRunKeepsItsTraceAndTheKeptRunIsTheResult() {
        boolean laterKept = false;
        for (long seed = 0; seed < 6; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 10, 4, 7, 1, 0.4);
            GraphSpace space = GraphSpace.of(graphs);
            CenterResult result = FrechetMean.builder().aligner(aligner).restarts(4)
                    .seed(seed).build().compute(space, graphs);

            assertEquals(4, result.runs().size());
            int kept = result.keptRun();
            double lowest = Double.POSITIVE_INFINITY;
            for (int r = 0; r < 4; r++) {
                CenterResult.Run run = result.runs().get(r);
                double[] trace = run.trace();
                assertEquals(run.iterations() + 1, trace.length, "run " + r);
                assertEquals(run.objective(), trace[trace.length - 1], 0.0, "run " + r);
                for (int t = 1; t < trace.length; t++) {
                    assertTrue(trace[t] <= trace[t - 1], "run " + r + " rises at " + t);
                }
                // The kept run is the earliest of the lowest objective.
                if (r < kept) {
                    assertTrue(run.objective() > result.objective(), "run " + r);
                }
                lowest = Math.min(lowest, run.objective());
            }
            assertEquals(lowest, result.objective(), 0.0);
            assertEquals(result.objective(), result.runs().get(kept).objective(), 0.0);
            assertArrayEquals(result.trace(), result.runs().get(kept).trace(), 0.0);
            assertEquals(result.iterations(), result.runs().get(kept).iterations());
            laterKept |= kept > 0;
        }
        assertTrue(laterKept, "some sample keeps a restart other than the first");
        CenterResult single = FrechetMean.builder().aligner(aligner).build().compute(
                GraphSpace.of(TestGraphs.random(1, 5, 3, 5, 1, 0.4)),
                TestGraphs.random(1, 5, 3, 5, 1, 0.4));
        assertEquals(0, single.keptRun());
        assertArrayEquals(single.trace(), single.runs().get(0).trace(), 0.0);
    }
}
