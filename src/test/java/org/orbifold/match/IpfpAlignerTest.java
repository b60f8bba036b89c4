package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class IpfpAlignerTest {

    private static final long SEED = 161_803L;

    @Test
    void plainMethodIsNeverWorseThanItsStartAndPolishingNeverHurts() {
        SplittableRandom random = new SplittableRandom(SEED);
        IpfpAligner plain = new IpfpAligner().withLocalSearch(false);
        IpfpAligner polished = new IpfpAligner();
        NodeAssignmentAligner nodes = new NodeAssignmentAligner();
        for (int t = 0; t < 80; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 3, 12,
                    false);
            GraphSpace space = instance.space();
            Graph x = instance.x();
            Graph y = instance.y();
            double tolerance = MatchTesting.tolerance(space, x, y);
            Alignment start = nodes.align(space, x, y);
            Alignment first = plain.align(space, x, y);
            Alignment second = polished.align(space, x, y);
            assertTrue(first.similarity() >= start.similarity() - tolerance, "instance " + t);
            assertTrue(second.similarity() >= first.similarity() - tolerance, "instance " + t);
        }
    }

    @Test
    void oneIterationFromAWarmStartIsNeverWorseThanTheStart() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        IpfpAligner aligner = new IpfpAligner().withMaxIterations(1).withLocalSearch(false);
        GraphSpace space = new GraphSpace(7, 1, 1, 1.0, 1.0);
        for (int t = 0; t < 40; t++) {
            Graph x = MatchTesting.randomGraph(random, 7, 1, 1, 0.5, t % 2 == 0,
                    MatchTesting.Values.POSITIVE);
            Graph y = MatchTesting.randomGraph(random, 7, 1, 1, 0.5, t % 2 == 0,
                    MatchTesting.Values.POSITIVE);
            Permutation start = Permutation.random(7, random);
            double initial = space.similarity(x, y, start);
            assertTrue(aligner.align(space, x, y, start).similarity()
                    >= initial - MatchTesting.tolerance(space, x, y), "instance " + t);
        }
    }

    @Test
    void pointPatternsAreSolvedExactly() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        GraphSpace space = new GraphSpace(6, 2, 1, 1.0, 0.0);
        Graph x = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                MatchTesting.Values.SIGNED);
        Graph y = MatchTesting.randomGraph(random, 5, 2, 1, 0.5, false,
                MatchTesting.Values.SIGNED);
        Alignment alignment = new IpfpAligner().align(space, x, y);
        assertTrue(alignment.certified());
        assertEquals(MatchTesting.bruteForceDistance(space, x, y, 6), alignment.distance(),
                MatchTesting.tolerance(space, x, y));
    }

    @Test
    void rejectsBadOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IpfpAligner().withMaxIterations(0));
        assertTrue(e.getMessage().contains("maxIterations"), e.getMessage());
        assertEquals("ipfp", new IpfpAligner().name());
    }
}
