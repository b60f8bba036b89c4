package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Weights so large that the alignment's products would overflow are refused with a message
 * naming them, by every aligner built on the quadratic-assignment workspace, instead of
 * failing inside (a repeated image, a solver limit) or returning garbage.
 */
class OverflowingValuesTest {

    private static final String[] ALIGNERS = {"faq", "fast", "thorough", "exact", "ipfp", "ga"};

    @Test
    void hugeWeightsAreRefusedByName() {
        SplittableRandom random = new SplittableRandom(5);
        Graph x = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        Graph y = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        GraphSpace space = new GraphSpace(6, 2, 1, 1e200, 1.0);
        for (String name : ALIGNERS) {
            Aligner aligner = Aligners.byName(name, 1);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> aligner.align(space, x, y), name);

            assertTrue(e.getMessage().contains("too large for double precision")
                    && e.getMessage().contains("node weight 1.00e+200"), e.getMessage());
        }
    }

    @Test
    void largeButSafeWeightsStillAlignAsAtWeightOne() {
        SplittableRandom random = new SplittableRandom(6);
        Graph x = MatchTesting.randomGraph(random, 5, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        Graph y = MatchTesting.randomGraph(random, 5, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        double weight = 1e60;
        GraphSpace unit = new GraphSpace(5, 2, 1, 1.0, 1.0);
        GraphSpace scaled = new GraphSpace(5, 2, 1, weight, weight);

        Alignment a = Aligners.byName("exact", 1).align(unit, x, y);
        Alignment b = Aligners.byName("exact", 1).align(scaled, x, y);

        assertEquals(a.squaredDistance() * weight, b.squaredDistance(),
                1e-9 * b.squaredDistance());
    }
}
