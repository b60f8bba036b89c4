package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class BestOfAlignerTest {

    private static final double TOL = 1e-9;

    @Test
    void neverWorseThanAnyMemberAndNamedAsGiven() {
        Aligner nodes = new NodeAssignmentAligner();
        Aligner ipfp = new IpfpAligner();
        Aligner faq = new FaqAligner(5);
        BestOfAligner best = new BestOfAligner("mix", List.of(nodes, ipfp, faq));
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 40; trial++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, trial, 3, 9,
                    false);
            GraphSpace space = instance.space();
            Graph x = instance.x();
            Graph y = instance.y();

            Alignment a = best.align(space, x, y);

            for (Aligner member : best.members()) {
                assertTrue(a.distance() <= member.align(space, x, y).distance() + TOL);
            }
            assertEquals(space.distance(x, y, a.permutation()), a.distance(), TOL);
        }
        assertEquals("mix", best.name());
    }

    @Test
    void thoroughIsNeverWorseThanFaqWithTheSameSeed() {
        Aligner thorough = Aligners.byName("thorough", 9L);
        Aligner faq = Aligners.byName("faq", 9L);
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 30; trial++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, trial, 6, 12,
                    false);
            double d = thorough.align(instance.space(), instance.x(), instance.y()).distance();
            assertTrue(d <= faq.align(instance.space(), instance.x(), instance.y()).distance()
                    + TOL);
        }
    }

    @Test
    void needsAMember() {
        assertThrows(IllegalArgumentException.class, () -> new BestOfAligner("none", List.of()));
    }
}
