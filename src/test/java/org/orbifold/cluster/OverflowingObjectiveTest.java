package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.FrechetMedian;
import org.orbifold.stats.Medoid;

/**
 * Samples whose every distance is finite but whose objective overflows: the Fréchet mean,
 * the medoid and k-means fail with a message naming the weights instead of reporting an
 * infinite objective as converged.
 */
class OverflowingObjectiveTest {

    private static final Aligner EXACT = Aligners.byName("exact", 1L);
    private static final GraphSpace SPACE = new GraphSpace(1, 2, 0, 1.0, 1.0);
    private static final String WEIGHTS = ", is Infinity with node weight 1.0 and edge weight"
            + " 1.0: the sum overflows; lower the weights or scale the attributes";

    /**
     * Ten one-node graphs at (1, 0) and ten at (1, 1.3e154): each squared norm and squared
     * distance is at most about 1.7e308, finite, but ten squared distances of 1.69e308 to a
     * graph of the other half (or 4.2e307 each to their midpoint) add up to more than the
     * largest double.
     */
    private static List<Graph> twoFarGroups() {
        List<Graph> graphs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Graph.Builder b = Graph.builder(2, 0);
            b.addNode(1.0, i < 10 ? 0.0 : 1.3e154);
            graphs.add(b.build());
        }
        return graphs;
    }

    @Test
    void theMeanAndTheMedoidNameTheWeightsWhenTheirObjectiveOverflows() {
        List<Graph> graphs = twoFarGroups();
        String message = "the objective, a weighted mean over 20 graphs" + WEIGHTS;
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> Medoid.compute(SPACE, graphs, EXACT, true)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> FrechetMean.builder().aligner(EXACT).build().compute(SPACE, graphs))
                .getMessage());
        // The median sums distances, about 1.3e154 each: finite.
        assertEquals(6.5e153, FrechetMedian.builder().aligner(EXACT).build()
                .compute(SPACE, graphs).objective(), 1e140);
    }

    @Test
    void kMeansNamesTheWeightsWhenItsObjectiveOverflows() {
        List<Graph> graphs = twoFarGroups();
        assertEquals("the objective, a sum over 20 graphs" + WEIGHTS,
                assertThrows(IllegalArgumentException.class, () -> CentralClustering.kMeans(1)
                        .aligner(EXACT).build().cluster(SPACE, graphs)).getMessage());
    }
}
