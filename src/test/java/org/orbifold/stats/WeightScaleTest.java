package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Weights matter only relative to each other: tiny, subnormal or huge weights give the
 * results of unit weights, and ordinary weights give the results they gave before the
 * weights were rescaled.
 */
class WeightScaleTest {

    private static final Aligner FAQ = Aligners.byName("faq", 1);

    private static List<Graph> graphs() {
        Graph.Builder b = Graph.builder(1, 1);
        b.addNode(1);
        b.addNode(2);
        b.addEdge(0, 1, 1);
        Graph.Builder c = Graph.builder(1, 1);
        c.addNode(5);
        c.addNode(0);
        c.addNode(1);
        c.addEdge(1, 2, 3);
        Graph.Builder d = Graph.builder(1, 1);
        d.addNode(2);
        d.addNode(-1);
        d.addEdge(0, 1, 2);
        return List.of(b.build(), c.build(), d.build());
    }

    private static double[] objectives(double[] weights) {
        List<Graph> graphs = graphs().subList(0, weights.length);
        GraphSpace space = GraphSpace.of(graphs);
        return new double[] {
            FrechetMean.builder().aligner(FAQ).build().compute(space, graphs, weights)
                    .objective(),
            FrechetMedian.builder().aligner(FAQ).build().compute(space, graphs, weights)
                    .objective(),
            Medoid.compute(space, graphs, weights, FAQ, ForkJoinPool.commonPool(), true)
                    .objective(),
            Medoid.compute(space, graphs, weights, FAQ, ForkJoinPool.commonPool(), false)
                    .objective()};
    }

    /** The objectives of weights 1, 2, 3, as computed before the weights were rescaled. */
    @Test
    void ordinaryWeightsGiveTheirEarlierResultsBitForBit() {
        double[] got = objectives(new double[] {1, 2, 3});
        long[] before = {4619880067749409223L, 4612143816594211199L, 4622194417557919061L,
            4612143816594211199L};
        for (int k = 0; k < before.length; k++) {
            assertEquals(Double.longBitsToDouble(before[k]), got[k], 0.0, "objective " + k);
        }
    }

    @Test
    void tinySubnormalAndHugeWeightsGiveTheResultsOfUnitWeights() {
        double[] unit = objectives(new double[] {1, 1});
        for (double w : new double[] {1e-100, 1e-300, 1e-308, 1e-310, Double.MIN_VALUE,
            1e300, 1e308, Double.MAX_VALUE}) {
            double[] got = objectives(new double[] {w, w});
            for (int k = 0; k < unit.length; k++) {
                // Equal weights that are no power of two differ from 1 after the rescaling,
                // so only rounding may differ.
                assertEquals(unit[k], got[k], 1e-12 * unit[k], "weights {" + w + ", " + w
                        + "}, objective " + k);
            }
        }
    }

    @Test
    void weightsInTheSameRatioGiveTheSameResults() {
        double[] ordinary = objectives(new double[] {1, 2, 3});
        double[] tiny = objectives(new double[] {1 * 0x1p-1070, 2 * 0x1p-1070, 3 * 0x1p-1070});
        double[] huge = objectives(new double[] {0x1p1020, 0x1p1021, 3 * 0x1p1020});
        for (int k = 0; k < ordinary.length; k++) {
            assertEquals(ordinary[k], tiny[k], 0.0, "subnormal weights, objective " + k);
            assertEquals(ordinary[k], huge[k], 0.0, "huge weights, objective " + k);
        }
    }

    @Test
    void allZeroWeightsAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> objectives(new double[] {0, 0}));
        assertTrue(e.getMessage().contains("every weight is 0"),
                e.getMessage());
    }
}
