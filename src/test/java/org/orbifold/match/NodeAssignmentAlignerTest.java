package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class NodeAssignmentAlignerTest {

    private static final long SEED = 271_828L;

    @Test
    void alignsPointPatternsExactly() {
        SplittableRandom random = new SplittableRandom(SEED);
        NodeAssignmentAligner aligner = new NodeAssignmentAligner();
        for (int t = 0; t < 100; t++) {
            int dv = 1 + random.nextInt(3);
            Graph x = MatchTesting.randomGraph(random, 1 + random.nextInt(7), dv, 0, 0.0, false,
                    MatchTesting.Values.SIGNED);
            Graph y = MatchTesting.randomGraph(random, 1 + random.nextInt(7), dv, 0, 0.0, false,
                    MatchTesting.Values.SIGNED);
            GraphSpace space = new GraphSpace(7, dv, 0, 0.5 + random.nextDouble(), 1.0);
            int m = space.alignmentSize(x, y);
            Alignment alignment = aligner.align(space, x, y);
            assertTrue(alignment.certified(), "instance " + t);
            assertEquals(MatchTesting.bruteForceDistance(space, x, y, m), alignment.distance(),
                    MatchTesting.tolerance(space, x, y), "instance " + t);
        }
    }

    @Test
    void isExactWhenTheEdgeWeightIsZero() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        NodeAssignmentAligner aligner = new NodeAssignmentAligner();
        for (int t = 0; t < 50; t++) {
            Graph x = MatchTesting.randomGraph(random, 1 + random.nextInt(7), 2, 1, 0.5, false,
                    MatchTesting.Values.POSITIVE);
            Graph y = MatchTesting.randomGraph(random, 1 + random.nextInt(7), 2, 1, 0.5, false,
                    MatchTesting.Values.POSITIVE);
            GraphSpace space = new GraphSpace(7, 2, 1, 1.0, 0.0);
            int m = space.alignmentSize(x, y);
            Alignment alignment = aligner.align(space, x, y);
            assertTrue(alignment.certified(), "instance " + t);
            assertEquals(MatchTesting.bruteForceSimilarity(space, x, y, m),
                    alignment.similarity(), MatchTesting.tolerance(space, x, y),
                    "instance " + t);
        }
    }

    @Test
    void isNotCertifiedWhenEdgesCount() {
        GraphSpace space = new GraphSpace(6, 0, 1, 1.0, 1.0);
        Alignment alignment = new NodeAssignmentAligner().align(space, MatchTesting.cycle(6),
                MatchTesting.cycles(3, 3));
        assertFalse(alignment.certified());
        assertEquals("nodes", new NodeAssignmentAligner().name());
    }
}
