package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orbifold.stats.FrechetMeanTest.assertObjectiveMatchesAlignments;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class IncrementalMeanTest {

    /** Tolerance for quantities computed exactly up to rounding. */
    private static final double TOL = 1e-9;

    private static final Aligner EXACT = new BruteForceAligner();

    @Test
    void withoutRelabellingItIsTheWeightedAverage() {
        // One-node graphs have a single alignment: the pass is the running weighted average.
        List<Graph> graphs = TestGraphs.points(new double[] {1, 2}, new double[] {3, -1},
                new double[] {0, 5}, new double[] {4, 4});
        double[] weights = {1, 2, 0, 1};
        GraphSpace space = GraphSpace.of(graphs);

        for (long seed = 0; seed < 5; seed++) {
            CenterResult result = IncrementalMean.compute(space, graphs, weights, EXACT, seed,
                    ForkJoinPool.commonPool());
            assertEquals((1 + 6 + 4) / 4.0, result.center().node(0, 0), TOL);
            assertEquals((2 - 2 + 4) / 4.0, result.center().node(0, 1), TOL);
        }
    }

    @Test
    void meanOfTwoGraphsIsTheirAlignedMidpoint() {
        for (long seed = 0; seed < 8; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 2, 3, 6, 1, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            double d = BruteForceAligner.distance(space, graphs.get(0), graphs.get(1));

            CenterResult result = IncrementalMean.compute(space, graphs, EXACT, seed);

            assertEquals(d / 2,
                    BruteForceAligner.distance(space, result.center(), graphs.get(0)), TOL);
            assertEquals(d * d / 4, result.objective(), TOL);
        }
    }

    @Test
    void resultDescribesItself() {
        List<Graph> graphs = TestGraphs.random(50, 9, 3, 6, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);

        CenterResult a = IncrementalMean.compute(space, graphs, new SwapAligner(), 17);
        CenterResult b = IncrementalMean.compute(space, graphs, new SwapAligner(), 17);

        assertEquals(a.center(), b.center());
        assertEquals(space.size(), a.center().order());
        assertEquals(1, a.iterations());
        assertEquals(1, a.trace().length);
        assertEquals(a.objective(), a.trace()[0]);
        assertEquals(Status.CONVERGED, a.status());
        assertObjectiveMatchesAlignments(space, graphs, a, true);
    }

    @Test
    void meanOfIdenticalGraphsIsThatGraph() {
        Graph g = TestGraphs.random(60, 1, 5, 5, 2, 0.5).get(0);
        List<Graph> graphs = List.of(g, g, g);

        CenterResult result = IncrementalMean.compute(GraphSpace.of(graphs), graphs, EXACT, 3);

        assertEquals(0.0, result.objective(), TOL);
    }
}
