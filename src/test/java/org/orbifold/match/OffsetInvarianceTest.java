package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * A common offset of the node attributes of two graphs of one order changes no squared
 * distance of any alignment, so the aligners must give the same answers with and without it;
 * before {@link OffsetRemoval}, {@code exact} certified alignments up to 3.2 above the optimum
 * for such graphs near {@code 1e6}, because its pruning tolerance {@code 1e-9 ||X|| ||Y||}
 * grew with the offset's energy.
 */
class OffsetInvarianceTest {

    private static final double OFFSET = 1e6;

    /**
     * Tolerance on squared distances of order 10 between the problems with and without the
     * offset: the attributes near {@code 1e6} are stored to about {@code 1.2e-10}, which moves
     * a squared distance by about {@code 1e-9}.
     */
    private static final double OFFSET_TOL = 1e-7;

    /** Random graphs of the given order with two node channels near {@code offset}. */
    private static List<Graph> graphs(long seed, int count, int order, double offset) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> result = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Graph.Builder b = Graph.builder(2, 1);
            for (int i = 0; i < order; i++) {
                b.addNode(offset + gaussian(random), offset + gaussian(random));
            }
            for (int i = 0; i < order; i++) {
                for (int j = i + 1; j < order; j++) {
                    if (random.nextDouble() < 0.5) {
                        b.addEdge(i, j, 1.0);
                    }
                }
            }
            result.add(b.build());
        }
        return result;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    @Test
    void exactIsOptimalAndCertifiedAtAnyOffset() {
        List<Graph> plain = graphs(4, 16, 6, 0.0);
        List<Graph> shifted = graphs(4, 16, 6, OFFSET);
        GraphSpace space = GraphSpace.of(plain);
        Aligner exact = Aligners.byName("exact", 1);
        for (int k = 1; k < plain.size(); k++) {
            double optimum = MatchTesting.bruteForceSquaredDistance(space, plain.get(0),
                    plain.get(k), 6);
            double far = MatchTesting.bruteForceSquaredDistance(space, shifted.get(0),
                    shifted.get(k), 6);
            assertEquals(optimum, far, OFFSET_TOL, "brute force, pair " + k);
            Alignment near = exact.align(space, plain.get(0), plain.get(k));
            Alignment offset = exact.align(space, shifted.get(0), shifted.get(k));
            assertTrue(near.certified() && offset.certified(), "pair " + k);
            assertEquals(optimum, near.squaredDistance(), 1e-9, "pair " + k);
            assertEquals(optimum, offset.squaredDistance(), OFFSET_TOL, "pair " + k);
        }
    }

    @Test
    void everyAlignerGivesTheSameDistanceAtEveryLargeOffset() {
        // Heuristics such as graduated assignment depend on where the origin lies (their
        // annealing sees the gains' sizes), so graphs near 0 may get other answers; but any
        // two large offsets must give the same ones, as must the exact aligner at every
        // offset (above), since both problems become the same centred one.
        List<Graph> lower = graphs(7, 8, 7, 3e4);
        List<Graph> higher = graphs(7, 8, 7, OFFSET);
        GraphSpace space = GraphSpace.of(lower);
        for (String name : Aligners.names()) {
            Aligner aligner = Aligners.byName(name, 3);
            for (int k = 1; k < lower.size(); k++) {
                Alignment near = aligner.align(space, lower.get(0), lower.get(k));
                Alignment far = aligner.align(space, higher.get(0), higher.get(k));
                assertEquals(near.squaredDistance(), far.squaredDistance(), OFFSET_TOL,
                        name + ", pair " + k);
                assertEquals(near.certified(), far.certified(), name + ", pair " + k);
            }
        }
    }

    @Test
    void faqGivesTheSameDistanceWithAndWithoutTheOffset() {
        List<Graph> plain = graphs(7, 8, 7, 0.0);
        List<Graph> shifted = graphs(7, 8, 7, OFFSET);
        GraphSpace space = GraphSpace.of(plain);
        for (String name : List.of("exact", "faq")) {
            Aligner aligner = Aligners.byName(name, 3);
            for (int k = 1; k < plain.size(); k++) {
                Alignment near = aligner.align(space, plain.get(0), plain.get(k));
                Alignment far = aligner.align(space, shifted.get(0), shifted.get(k));
                assertEquals(near.squaredDistance(), far.squaredDistance(), OFFSET_TOL,
                        name + ", pair " + k);
            }
        }
    }

    @Test
    void localSearchIgnoresTheOffset() {
        List<Graph> plain = graphs(11, 6, 7, 0.0);
        List<Graph> shifted = graphs(11, 6, 7, OFFSET);
        GraphSpace space = GraphSpace.of(plain);
        Permutation start = Permutation.identity(7);
        for (int k = 1; k < plain.size(); k++) {
            Alignment near = LocalSearch.improve(space, plain.get(0), plain.get(k), start);
            Alignment far = LocalSearch.improve(space, shifted.get(0), shifted.get(k), start);
            assertArrayEquals(near.permutation().toArray(), far.permutation().toArray(),
                    "pair " + k);
        }
    }

    @Test
    void exactIsOptimalWhenOnlyOneGraphFillsTheMatrix() {
        // Orders 5 and 6: the offset now matters (one node of the larger graph meets padding),
        // but the smaller problem after moving the larger graph alone has the same optima.
        SplittableRandom random = new SplittableRandom(9);
        Aligner exact = Aligners.byName("exact", 1);
        for (int t = 0; t < 12; t++) {
            Graph x = graphs(random.nextLong(), 1, 5, OFFSET).get(0);
            Graph y = graphs(random.nextLong(), 1, 6, OFFSET).get(0);
            GraphSpace space = GraphSpace.of(List.of(x, y));
            double optimum = MatchTesting.bruteForceSquaredDistance(space, x, y, 6);
            Alignment found = exact.align(space, x, y);
            assertTrue(found.certified());
            // Squared distances near 2e12 are summed to about 1e-3.
            assertEquals(optimum, found.squaredDistance(), 1e-2, "instance " + t);
        }
    }

    @Test
    void theShiftKeepsEverySquaredDistanceForGraphsOfOneOrder() {
        List<Graph> gs = graphs(5, 2, 5, OFFSET);
        GraphSpace space = GraphSpace.of(gs);
        Graph[] moved = OffsetRemoval.shifted(space, gs.get(0), gs.get(1), 5);
        assertNotNull(moved);
        for (int t = 0; t < 20; t++) {
            Permutation p = Permutation.random(5, new SplittableRandom(t));
            assertEquals(space.squaredDistance(gs.get(0), gs.get(1), p),
                    space.squaredDistance(moved[0], moved[1], p), OFFSET_TOL);
        }
        // The common mean is now 0 in each channel.
        for (int c = 0; c < 2; c++) {
            double sum = 0.0;
            for (Graph g : moved) {
                for (int i = 0; i < 5; i++) {
                    sum += g.node(i, c);
                }
            }
            assertEquals(0.0, sum, 1e-8);
        }
    }

    @Test
    void theShiftChangesEverySquaredDistanceByOneConstantWhenOneGraphIsPadded() {
        Graph x = graphs(12, 1, 4, 1e3).get(0);
        Graph y = graphs(13, 1, 6, 1e3).get(0);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Graph[] moved = OffsetRemoval.shifted(space, x, y, 6);
        assertNotNull(moved);
        assertEquals(x, moved[0]);
        Permutation first = Permutation.identity(6);
        double constant = space.squaredDistance(moved[0], moved[1], first)
                - space.squaredDistance(x, y, first);
        for (int t = 0; t < 20; t++) {
            Permutation p = Permutation.random(6, new SplittableRandom(t));
            assertEquals(constant, space.squaredDistance(moved[0], moved[1], p)
                    - space.squaredDistance(x, y, p), 1e-6);
        }
    }

    @Test
    void noShiftForAttributesNearZeroOrWhenBothGraphsArePadded() {
        List<Graph> gs = graphs(6, 2, 5, 0.0);
        GraphSpace space = GraphSpace.of(gs);
        assertNull(OffsetRemoval.shifted(space, gs.get(0), gs.get(1), 5));
        List<Graph> far = graphs(6, 2, 5, OFFSET);
        assertNull(OffsetRemoval.shifted(space.withSize(6), far.get(0), far.get(1), 6));
        assertNull(OffsetRemoval.shifted(space.withWeights(0.0, 1.0), far.get(0), far.get(1),
                5));
    }
}
