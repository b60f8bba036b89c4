package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class FaqAlignerTest {

    private static final long SEED = 9_000_001L;
    /** Required share of instances on which the heuristic finds the exact optimum. */
    private static final double REQUIRED_AGREEMENT = 0.95;

    @Test
    void neverBeatsAndUsuallyMatchesTheExactAligner() {
        SplittableRandom random = new SplittableRandom(SEED);
        ExactAligner exact = new ExactAligner(11L);
        FaqAligner faq = new FaqAligner(5L);
        int instances = 400;
        int agreements = 0;
        for (int t = 0; t < instances; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 2, 8, false);
            Graph x = instance.x();
            Graph y = instance.y();
            GraphSpace space = instance.space();
            double tolerance = MatchTesting.tolerance(space, x, y);

            Alignment best = exact.align(space, x, y);
            Alignment found = faq.align(space, x, y);
            assertTrue(best.certified(), "instance " + t);
            assertTrue(found.similarity() <= best.similarity() + tolerance, "instance " + t);
            assertTrue(found.distance() >= best.distance() - tolerance, "instance " + t);
            if (found.similarity() >= best.similarity() - tolerance) {
                agreements++;
            }
        }
        double rate = agreements / (double) instances;
        assertTrue(rate >= REQUIRED_AGREEMENT, "FAQ found the optimum on " + agreements
                + " of " + instances + " instances");
    }

    @Test
    void isExactAndCertifiedWithoutEdges() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        FaqAligner faq = new FaqAligner(1L);
        for (int t = 0; t < 30; t++) {
            Graph x = MatchTesting.randomGraph(random, 1 + random.nextInt(7), 2, 0, 0.0, false,
                    MatchTesting.Values.SIGNED);
            Graph y = MatchTesting.randomGraph(random, 1 + random.nextInt(7), 2, 0, 0.0, false,
                    MatchTesting.Values.SIGNED);
            GraphSpace space = new GraphSpace(7, 2, 0, 1.0, 1.0);
            Alignment alignment = faq.align(space, x, y);
            int m = space.alignmentSize(x, y);
            assertTrue(alignment.certified());
            assertEquals(MatchTesting.bruteForceSimilarity(space, x, y, m),
                    alignment.similarity(), MatchTesting.tolerance(space, x, y));
        }
    }

    @Test
    void reportsUncertifiedResultsWithEdges() {
        GraphSpace space = new GraphSpace(6, 0, 1, 1.0, 1.0);
        Alignment alignment = new FaqAligner(1L).align(space, MatchTesting.cycle(6),
                MatchTesting.cycles(3, 3));
        assertFalse(alignment.certified());
    }

    @Test
    void isDeterministicAcrossThreads() throws InterruptedException, ExecutionException {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        GraphSpace space = new GraphSpace(12, 1, 1, 1.0, 1.0);
        List<Graph> graphs = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            graphs.add(MatchTesting.randomGraph(random, 6 + random.nextInt(7), 1, 1, 0.3,
                    false, MatchTesting.Values.POSITIVE));
        }
        FaqAligner faq = new FaqAligner(42L);
        List<Alignment> sequential = new ArrayList<>();
        for (int t = 0; t + 1 < graphs.size(); t++) {
            sequential.add(faq.align(space, graphs.get(t), graphs.get(t + 1)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Alignment>> parallel = new ArrayList<>();
            for (int t = 0; t + 1 < graphs.size(); t++) {
                Graph x = graphs.get(t);
                Graph y = graphs.get(t + 1);
                parallel.add(pool.submit(() -> new FaqAligner(42L).align(space, x, y)));
                parallel.add(pool.submit(() -> faq.align(space, x, y)));
            }
            for (int k = 0; k < parallel.size(); k++) {
                assertEquals(sequential.get(k / 2), parallel.get(k).get(), "pair " + k / 2);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void warmStartFromTheOptimumKeepsIt() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        GraphSpace space = new GraphSpace(8, 0, 1, 1.0, 1.0);
        ExactAligner exact = new ExactAligner(1L);
        FaqAligner weak = new FaqAligner(1L).withRandomStarts(0).withPerturbations(0)
                .withStopping(1, 0.5);
        for (int t = 0; t < 40; t++) {
            Graph x = MatchTesting.randomGraph(random, 8, 0, 1, 0.4, false,
                    MatchTesting.Values.UNIT);
            Graph y = MatchTesting.randomGraph(random, 8, 0, 1, 0.4, false,
                    MatchTesting.Values.UNIT);
            Alignment best = exact.align(space, x, y);
            Alignment warm = weak.align(space, x, y, best.permutation());
            assertEquals(best.similarity(), warm.similarity(), MatchTesting.TOL);
        }
    }

    @Test
    void optionsAreValidated() {
        FaqAligner faq = new FaqAligner(1L);
        assertThrows(IllegalArgumentException.class, () -> faq.withRandomStarts(-1));
        assertThrows(IllegalArgumentException.class, () -> faq.withPerturbations(-1));
        assertThrows(IllegalArgumentException.class, () -> faq.withStopping(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> faq.withStopping(5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> faq.withStopping(5, -1.0));
        assertEquals("faq", faq.name());
    }

    @Test
    void handlesTinyAndEmptyGraphs() {
        GraphSpace space = new GraphSpace(3, 1, 1, 1.0, 1.0);
        Graph empty = Graph.builder(1, 1).build();
        Graph single = Graph.builder(1, 1).build();
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(2.0);
        Graph one = builder.build();
        FaqAligner faq = new FaqAligner(1L);
        assertEquals(0, faq.align(space, empty, single).permutation().size());
        Alignment alignment = faq.align(space, one, empty);
        assertEquals(1, alignment.permutation().size());
        assertEquals(2.0, alignment.distance(), MatchTesting.TOL);
        Alignment padded = faq.align(space, one, one, Permutation.of(2, 0, 1));
        assertEquals(3, padded.permutation().size());
        assertEquals(0.0, padded.distance(), MatchTesting.TOL);
    }
}
