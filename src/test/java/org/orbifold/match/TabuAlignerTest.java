package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class TabuAlignerTest {

    private static final long SEED = 141_421L;

    @Test
    void isNeverWorseThanItsBaseAndNeverWorseThanAWarmStart() {
        SplittableRandom random = new SplittableRandom(SEED);
        Aligner base = new NodeAssignmentAligner();
        TabuAligner aligner = new TabuAligner(base, new TabuSearch(3L)
                .withIterationsPerNode(50));
        for (int t = 0; t < 30; t++) {
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 3, 9, true);
            double tolerance = MatchTesting.tolerance(c.space(), c.x(), c.y());
            Alignment refined = aligner.align(c.space(), c.x(), c.y());
            Alignment plain = base.align(c.space(), c.x(), c.y());
            assertTrue(refined.similarity() >= plain.similarity() - tolerance, "instance " + t);
            assertEquals(c.space().similarity(c.x(), c.y(), refined.permutation()),
                    refined.similarity(), tolerance, "instance " + t);

            int m = Math.max(c.x().order(), c.y().order()) + 1;
            Permutation start = Permutation.random(m, random);
            GraphSpace roomy = c.space().withSize(Math.max(m, c.space().size()));
            Alignment warm = aligner.align(roomy, c.x(), c.y(), start);
            assertEquals(Math.max(m, roomy.alignmentSize(c.x(), c.y())),
                    warm.permutation().size());
            assertTrue(warm.similarity() >= roomy.similarity(c.x(), c.y(), start)
                    - tolerance, "instance " + t);
        }
    }

    @Test
    void thoroughPresetIsFaqFollowedByTabuSearch() {
        TabuAligner thorough = (TabuAligner) Aligners.byName("thorough", 6L);
        assertEquals("thorough", thorough.name());
        assertEquals("faq", thorough.base().name());
        assertEquals(Aligners.THOROUGH_TABU_ITERATIONS_PER_NODE,
                thorough.search().iterationsPerNode());
        assertEquals(6L, thorough.search().seed());
    }

    @Test
    void returnsACertifiedBaseResultAsItIs() {
        // Without edges the node assignment is exact and certified.
        GraphSpace space = new GraphSpace(4, 1, 1, 1.0, 1.0);
        Graph x = points(1.0, 3.0, 2.0);
        Graph y = points(2.0, 1.0, 3.0);
        Alignment found = new TabuAligner(new FaqAligner(1L), new TabuSearch(1L))
                .align(space, x, y);
        assertTrue(found.certified());
        assertEquals(0.0, found.distance(), MatchTesting.TOL);
    }

    @Test
    void thoroughKeepsTheCertificatesOfFaq() {
        // A new-user tester found pairs certified by faq and fast but not by thorough, whose
        // start was the plain FaqAligner without faq's exact enumeration of small pairs.
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Aligner faq = Aligners.byName("faq", 8L);
        Aligner thorough = Aligners.byName("thorough", 8L);
        int certified = 0;
        for (int t = 0; t < 20; t++) {
            MatchTesting.Instance c = MatchTesting.randomInstance(random, t, 2, 8, true);
            Alignment byFaq = faq.align(c.space(), c.x(), c.y());
            Alignment byThorough = thorough.align(c.space(), c.x(), c.y());
            if (byFaq.certified()) {
                certified++;
                assertTrue(byThorough.certified(), "instance " + t);
                assertEquals(byFaq.distance(), byThorough.distance(), "instance " + t);
            }
        }
        assertEquals(20, certified, "faq enumerates every pair of order <= 8");
    }

    @Test
    void namesAndRejectsNulls() {
        Aligner base = new FaqAligner(1L);
        TabuSearch search = new TabuSearch(1L);
        assertEquals("faq+tabu", new TabuAligner(base, search).name());
        assertSame(search, new TabuAligner("mine", base, search).search());
        assertThrows(NullPointerException.class, () -> new TabuAligner(null, search));
        assertThrows(NullPointerException.class, () -> new TabuAligner(base, null));
        assertThrows(NullPointerException.class, () -> new TabuAligner(null, base, search));
    }

    private static Graph points(double... values) {
        Graph.Builder builder = Graph.builder(1, 1);
        for (double value : values) {
            builder.addNode(value);
        }
        return builder.build();
    }
}
