package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.orbifold.stats.FrechetMeanTest.assertMessage;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class MedoidTest {

    /** Tolerance for quantities computed exactly up to rounding. */
    private static final double TOL = 1e-9;

    private static final Aligner EXACT = new BruteForceAligner();

    @Test
    void resultsAreEqualForOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(31, 9, 3, 5, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            for (boolean squared : new boolean[] {true, false}) {
                MedoidResult a = Medoid.compute(space, graphs, EXACT, one, squared);
                MedoidResult b = Medoid.compute(space, graphs, EXACT, four, squared);
                // The record compares its objectives by content, so the results are equal.
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
    void setMeanAndSetMedianDifferOnTheLine() {
        // Points 0.5, 1, 2, 3, 20 (index 0..4). Sums of distances: 2 -> 21.5, 3 -> 22.5,
        // so the set median is index 2. Sums of squares: 2 -> 327.25, 3 -> 300.25, so the set
        // mean is index 3.
        List<Graph> graphs = TestGraphs.points(new double[] {0.5}, new double[] {1},
                new double[] {2}, new double[] {3}, new double[] {20});
        GraphSpace space = GraphSpace.of(graphs);

        MedoidResult median = Medoid.compute(space, graphs, EXACT, false);
        MedoidResult mean = Medoid.compute(space, graphs, EXACT, true);

        assertEquals(2, median.index());
        assertEquals(21.5 / 5, median.objective(), TOL);
        assertEquals(3, mean.index());
        assertEquals(300.25 / 5, mean.objective(), TOL);
        assertEquals(graphs.get(3), mean.medoid());
    }

    @Test
    void medoidMinimisesTheBruteForceObjective() {
        for (long seed = 0; seed < 6; seed++) {
            List<Graph> graphs = TestGraphs.random(seed, 6, 3, 5, 2, 0.5);
            GraphSpace space = GraphSpace.of(graphs);
            for (boolean squared : new boolean[] {false, true}) {
                MedoidResult result = Medoid.compute(space, graphs, EXACT, squared);

                double best = Double.POSITIVE_INFINITY;
                int bestIndex = -1;
                for (int k = 0; k < graphs.size(); k++) {
                    double sum = 0.0;
                    for (Graph y : graphs) {
                        double d = BruteForceAligner.distance(space, graphs.get(k), y);
                        sum += squared ? d * d : d;
                    }
                    assertEquals(sum / graphs.size(), result.objectives()[k], TOL);
                    if (sum / graphs.size() < best) {
                        best = sum / graphs.size();
                        bestIndex = k;
                    }
                }
                assertEquals(bestIndex, result.index());
                assertEquals(best, result.objective(), TOL);
            }
        }
    }

    @Test
    void alignmentsAlignEachGraphToTheMedoid() {
        List<Graph> graphs = TestGraphs.random(10, 7, 3, 6, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);

        MedoidResult result = Medoid.compute(space, graphs, EXACT, true);

        assertEquals(graphs.size(), result.alignments().size());
        for (int j = 0; j < graphs.size(); j++) {
            Alignment a = result.alignments().get(j);
            double d = space.distance(result.medoid(), graphs.get(j), a.permutation());
            assertEquals(BruteForceAligner.distance(space, result.medoid(), graphs.get(j)), d,
                    1e-7);
            assertEquals(d, a.distance(), 1e-7);
        }
        assertEquals(0.0, result.alignments().get(result.index()).distance(), TOL);
    }

    @Test
    void distanceMatrixIsSymmetricWithZeroDiagonal() {
        List<Graph> graphs = TestGraphs.random(20, 6, 3, 5, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);

        double[][] d = Medoid.distanceMatrix(space, graphs, EXACT, ForkJoinPool.commonPool());

        for (int i = 0; i < graphs.size(); i++) {
            assertEquals(0.0, d[i][i]);
            for (int j = 0; j < graphs.size(); j++) {
                assertEquals(d[i][j], d[j][i]);
                assertEquals(BruteForceAligner.distance(space, graphs.get(i), graphs.get(j)),
                        d[i][j], 1e-7);
            }
        }
    }

    @Test
    void weightsChangeTheWinner() {
        // Points 0, 1, 10: unweighted set median is 1; weight 5 on 10 makes 10 the median.
        List<Graph> graphs = TestGraphs.points(new double[] {0.5}, new double[] {1},
                new double[] {10});
        GraphSpace space = GraphSpace.of(graphs);

        MedoidResult plain = Medoid.compute(space, graphs, EXACT, false);
        MedoidResult weighted = Medoid.compute(space, graphs, new double[] {1, 1, 5}, EXACT,
                ForkJoinPool.commonPool(), false);

        assertEquals(1, plain.index());
        assertEquals(2, weighted.index());
        assertEquals((9.5 + 9.0) / 7, weighted.objective(), TOL);
    }

    @Test
    void resultsAreIdenticalForOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(30, 25, 3, 6, 2, 0.5);
        GraphSpace space = GraphSpace.of(graphs);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            Aligner aligner = new SwapAligner();
            MedoidResult a = Medoid.compute(space, graphs, aligner, one, true);
            MedoidResult b = Medoid.compute(space, graphs, aligner, four, true);
            assertEquals(a.index(), b.index());
            assertArrayEquals(a.objectives(), b.objectives());
            assertEquals(a.alignments(), b.alignments());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void rejectsBadInput() {
        GraphSpace space = new GraphSpace(3, 2, 1, 1, 1);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Medoid.compute(space, List.of(), EXACT, true)), "empty");
        List<Graph> graphs = TestGraphs.random(40, 3, 3, 3, 1, 0.5);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Medoid.compute(space, graphs, new double[] {1, Double.POSITIVE_INFINITY,
                        1}, EXACT, ForkJoinPool.commonPool(), true)), "weights[1]");
    }
}
