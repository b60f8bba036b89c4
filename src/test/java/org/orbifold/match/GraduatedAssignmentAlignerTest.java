package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class GraduatedAssignmentAlignerTest {

    private static final long SEED = 141_421L;

    /**
     * Scaling every attribute by a power of two scales the gradient and its largest entry by
     * the same power of two exactly, so the normalised annealing runs identically.
     */
    @Test
    void isInvariantToTheUnitsOfTheAttributes() {
        SplittableRandom random = new SplittableRandom(SEED);
        GraduatedAssignmentAligner aligner =
                new GraduatedAssignmentAligner().withLocalSearch(false);
        GraphSpace space = new GraphSpace(9, 1, 1, 1.0, 1.0);
        for (int t = 0; t < 30; t++) {
            Graph x = MatchTesting.randomGraph(random, 4 + random.nextInt(6), 1, 1, 0.4,
                    t % 2 == 0, MatchTesting.Values.POSITIVE);
            Graph y = MatchTesting.randomGraph(random, 4 + random.nextInt(6), 1, 1, 0.4,
                    t % 2 == 0, MatchTesting.Values.POSITIVE);
            Alignment unit = aligner.align(space, x, y);
            for (double factor : new double[] {0x1p-12, 0x1p12}) {
                Alignment scaled = aligner.align(space, scale(x, factor), scale(y, factor));
                assertEquals(unit.permutation(), scaled.permutation(),
                        "instance " + t + ", factor " + factor);
            }
        }
    }

    @Test
    void polishingNeverHurtsAndDistanceIsAttained() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        GraduatedAssignmentAligner plain = new GraduatedAssignmentAligner().withLocalSearch(false);
        GraduatedAssignmentAligner polished = new GraduatedAssignmentAligner();
        for (int t = 0; t < 60; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 2, 11,
                    true);
            GraphSpace space = instance.space();
            double tolerance = MatchTesting.tolerance(space, instance.x(), instance.y());
            Alignment first = plain.align(space, instance.x(), instance.y());
            Alignment second = polished.align(space, instance.x(), instance.y());
            assertTrue(second.similarity() >= first.similarity() - tolerance, "instance " + t);
            assertEquals(space.distance(instance.x(), instance.y(), first.permutation()),
                    first.distance(), tolerance, "instance " + t);
        }
        assertEquals("ga", polished.name());
    }

    private static Graph scale(Graph g, double factor) {
        double[] nodes = g.nodeArray();
        double[] edges = g.edgeArray();
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] *= factor;
        }
        for (int k = 0; k < edges.length; k++) {
            edges[k] *= factor;
        }
        return Graph.fromArrays(g.order(), g.nodeDimension(), g.edgeDimension(),
                g.isDirected(), nodes, edges);
    }
}
