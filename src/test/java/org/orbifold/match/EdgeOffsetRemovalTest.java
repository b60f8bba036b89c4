package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Edge attributes far from 0 next to their differences, on graphs that fill the matrix (equal
 * orders, no padding): every ordered pair of distinct nodes meets one pair of the other graph
 * under any permutation, so subtracting a vector from every pair's edge vector, absent edges
 * included, changes every similarity by one constant ({@link OffsetRemoval}). Before, edge
 * offsets stayed in the norms and {@code exact} left such pairs unproven (or, for the graphs
 * of a quadratic assignment problem, certified answers above the optimum).
 */
class EdgeOffsetRemovalTest {

    /** Complete graphs of one order with edges near {@code 1e9}: certified and optimal. */
    @Test
    void completeGraphsWithALargeEdgeOffsetAreSolvedExactly() {
        SplittableRandom random = new SplittableRandom(31);
        ExactAligner exact = new ExactAligner(3L);
        for (int t = 0; t < 12; t++) {
            int order = 4 + t % 3;
            boolean directed = t % 2 == 0;
            Graph x = complete(random, order, 1e9, directed);
            Graph y = complete(random, order, 1e9, directed);
            GraphSpace space = new GraphSpace(order, 1, 1, 1.0, 1.0);
            double best = MatchTesting.bruteForceSquaredDistance(space, x, y, order);
            Alignment alignment = exact.align(space, x, y);
            String what = "instance " + t + ": " + alignment + " against " + best;
            assertTrue(alignment.certified(), what);
            assertEquals(best, alignment.squaredDistance(), 1e-9 * (1.0 + best), what);
        }
    }

    /** A common edge offset of two graphs of one order changes no squared distance. */
    @Test
    void aCommonEdgeShiftKeepsEverySquaredDistance() {
        SplittableRandom random = new SplittableRandom(33);
        Graph x = complete(random, 6, 1e9, false);
        Graph y = complete(random, 6, 1e9, false);
        GraphSpace space = new GraphSpace(6, 1, 1, 1.0, 1.0);
        Graph[] moved = OffsetRemoval.shifted(space, x, y, 6);
        assertNotNull(moved);
        assertTrue(Math.abs(moved[0].edge(0, 1, 0)) < 10.0);
        for (int k = 0; k < 20; k++) {
            Permutation p = Permutation.random(6, random);
            assertEquals(space.squaredDistance(x, y, p),
                    space.squaredDistance(moved[0], moved[1], p), "permutation " + p);
        }
    }

    /**
     * Offsets of opposite signs (the graphs {@code A} and {@code -B} of a minimised quadratic
     * assignment problem) have a common mean near 0; each graph then moves by its own mean,
     * and the difference of the similarities of any two permutations is kept (exactly, for
     * these integers).
     */
    @Test
    void offsetsOfOppositeSignsMoveEachGraphByItsOwnMean() {
        SplittableRandom random = new SplittableRandom(35);
        Graph x = complete(random, 5, 1e4, true);
        Graph y = negated(complete(random, 5, 1e4, true));
        GraphSpace space = new GraphSpace(5, 1, 1, 1.0, 1.0);
        Graph[] moved = OffsetRemoval.shifted(space, x, y, 5);
        assertNotNull(moved);
        assertTrue(moved[0].edgeSquaredNorm() < 1e-4 * x.edgeSquaredNorm());
        assertTrue(moved[1].edgeSquaredNorm() < 1e-4 * y.edgeSquaredNorm());
        Permutation first = Permutation.identity(5);
        for (int k = 0; k < 20; k++) {
            Permutation p = Permutation.random(5, random);
            assertEquals(space.similarity(x, y, p) - space.similarity(x, y, first),
                    space.similarity(moved[0], moved[1], p)
                            - space.similarity(moved[0], moved[1], first),
                    "permutation " + p);
        }
    }

    /**
     * A sparse graph whose node attributes carry an offset keeps its edges (shifting them
     * would make it complete and gain little); a padded graph keeps everything.
     */
    @Test
    void sparseEdgesAndPaddedGraphsStayAsGiven() {
        SplittableRandom random = new SplittableRandom(37);
        Graph x = sparse(random, 6);
        Graph y = sparse(random, 6);
        GraphSpace space = new GraphSpace(6, 1, 1, 1.0, 1.0);
        Graph[] moved = OffsetRemoval.shifted(space, x, y, 6);
        assertNotNull(moved);
        assertArrayEquals(x.edgeArray(), moved[0].edgeArray());
        assertArrayEquals(y.edgeArray(), moved[1].edgeArray());
        Graph small = complete(random, 4, 1e9, true);
        Graph large = complete(random, 6, 1e9, true);
        Graph[] padded = OffsetRemoval.shifted(space, large, small, 6);
        assertNotNull(padded);
        assertSame(small, padded[1]);
        assertTrue(padded[0].edgeSquaredNorm() < 1e-8 * large.edgeSquaredNorm());
    }

    /** Every ordered pair an edge of {@code offset + (1..8)/4}, nodes {@code -2..2}. */
    private static Graph complete(SplittableRandom random, int order, double offset,
            boolean directed) {
        Graph.Builder builder = Graph.builder(1, 1).directed(directed);
        for (int i = 0; i < order; i++) {
            builder.addNode(random.nextInt(-8, 9) / 4.0);
        }
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j) {
                    builder.addEdge(i, j, offset + random.nextInt(1, 9) / 4.0);
                }
            }
        }
        return builder.build();
    }

    /** Nodes near {@code 1e6}, about a third of the pairs an edge near 1. */
    private static Graph sparse(SplittableRandom random, int order) {
        Graph.Builder builder = Graph.builder(1, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode(1e6 + random.nextInt(-8, 9) / 4.0);
        }
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextInt(3) == 0) {
                    builder.addEdge(i, j, 1.0 + random.nextInt(4));
                }
            }
        }
        return builder.build();
    }

    private static Graph negated(Graph g) {
        double[] nodes = g.nodeArray();
        double[] edges = g.edgeArray();
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = -nodes[k] + 0.0;
        }
        for (int k = 0; k < edges.length; k++) {
            edges[k] = -edges[k] + 0.0;
        }
        return Graph.fromArrays(g.order(), g.nodeDimension(), g.edgeDimension(),
                g.isDirected(), nodes, edges);
    }
}
