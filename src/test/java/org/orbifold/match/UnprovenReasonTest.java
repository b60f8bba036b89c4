package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.assign.Sense;
import org.orbifold.match.Alignment.Unproven;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The reason an alignment gives for not being proven optimal ({@link Alignment#unproven()}):
 * a heuristic, an exact search stopped at its limit, or a completed proof refused because
 * rounding could hide a better alignment; and {@link Unproven#NONE} exactly when certified.
 */
class UnprovenReasonTest {

    /** How far one coordinate of the near-copy moves: too little for the rounding check. */
    private static final double NEAR = 1e-5;

    /** A 7-node point set with two coordinates per node, spread over [0, 3] x [0, 2]. */
    private static final double[][] POINTS = {
        {0.0, 0.0}, {1.0, 0.3}, {2.1, 0.1}, {3.0, 0.9}, {0.4, 1.7}, {1.6, 2.0}, {2.7, 1.4}};

    /** A path and a chord over the 7 nodes, so that the pair has an edge term. */
    private static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 3}, {3, 6}, {6, 5}, {5, 4}, {4, 1}};

    @Test
    void theFlagConstructorsAndFactoriesKeepTheirMeaning() {
        Permutation p = Permutation.identity(2);
        assertEquals(Unproven.NONE, new Alignment(p, 1.0, 1.0, true).unproven());
        assertEquals(Unproven.HEURISTIC, new Alignment(p, 1.0, 1.0, false).unproven());
        assertTrue(new Alignment(p, 1.0, 1.0, Unproven.NONE).certified());
        for (Unproven reason : List.of(Unproven.HEURISTIC, Unproven.LIMIT, Unproven.ROUNDING)) {
            Alignment a = new Alignment(p, 1.0, 1.0, reason);
            assertFalse(a.certified(), reason.toString());
            assertEquals(reason, a.reversed().unproven(), reason.toString());
        }
        assertThrows(NullPointerException.class, () -> new Alignment(p, 1.0, 1.0, null));

        // Distance 0 is the global optimum whatever the caller says.
        GraphSpace space = new GraphSpace(7, 2, 0, 1.0, 1.0);
        Graph x = pointSet(0.0, 0.0);
        assertEquals(Unproven.NONE, Alignment.of(space, x, x, Permutation.identity(7),
                Unproven.LIMIT).unproven());
        Graph y = pointSet(NEAR, 0.0);
        assertEquals(Unproven.LIMIT, Alignment.of(space, x, y, Permutation.identity(7),
                Unproven.LIMIT).unproven());
        assertEquals(Unproven.HEURISTIC, Alignment.of(space, x, y, Permutation.identity(7),
                false).unproven());
        assertEquals(List.of("none", "heuristic", "limit", "rounding"),
                List.of(Unproven.NONE.label(), Unproven.HEURISTIC.label(),
                        Unproven.LIMIT.label(), Unproven.ROUNDING.label()));
    }

    /**
     * Seven nodes, one coordinate moved by {@code 1e-5}: the exact search completes, but its
     * rounding bound (about {@code 1e-12} here) is not below {@code 1e-4} of the squared
     * distance {@code 1e-10}, so the identity, which is the optimum, is left unproven with
     * the reason rounding, in both directions and with the edge term.
     */
    @Test
    void aNearCopyIsUnprovenByRoundingWithExact() {
        GraphSpace space = new GraphSpace(7, 2, 1, 1.0, 1.0);
        Graph x = graph(0.0, 0.0);
        Graph y = graph(NEAR, 0.0);
        ExactAligner exact = new ExactAligner(5L);
        for (Alignment a : List.of(exact.align(space, x, y), exact.align(space, y, x))) {
            assertEquals(Unproven.ROUNDING, a.unproven());
            assertFalse(a.certified());
            assertEquals(Permutation.identity(7), a.permutation());
            assertEquals(NEAR, a.distance(), 1e-12);
        }
        // Moved by 1e-3 the same pair is certified: the reason was rounding, not the search.
        Alignment far = exact.align(space, x, graph(1e-3, 0.0));
        assertEquals(Unproven.NONE, far.unproven());
        assertTrue(far.certified());
    }

    /**
     * The node-only certificate of a point pattern (no edge term) passes the same rounding
     * check, for {@code nodes} and for the point-pattern answers of {@code faq}, {@code ga}
     * and {@code ipfp}; on the pair with edges, where no node-only certificate applies, the
     * reason is heuristic.
     */
    @Test
    void aNearCopyIsUnprovenByRoundingWithTheNodeOnlyCertificates() {
        GraphSpace points = new GraphSpace(7, 2, 0, 1.0, 1.0);
        Graph x = pointSet(0.0, 0.0);
        Graph y = pointSet(NEAR, 0.0);
        List<Aligner> aligners = List.of(new NodeAssignmentAligner(), new FaqAligner(3L),
                new GraduatedAssignmentAligner(), new IpfpAligner());
        for (Aligner aligner : aligners) {
            Alignment a = aligner.align(points, x, y);
            assertEquals(Unproven.ROUNDING, a.unproven(), aligner.name());
            assertEquals(Permutation.identity(7), a.permutation(), aligner.name());
            assertEquals(Unproven.NONE, aligner.align(points, x, pointSet(1e-3, 0.0))
                    .unproven(), aligner.name());
        }
        GraphSpace withEdges = new GraphSpace(7, 2, 1, 1.0, 1.0);
        Alignment nodes = new NodeAssignmentAligner().align(withEdges, graph(0.0, 0.0),
                graph(NEAR, 0.0));
        assertEquals(Unproven.HEURISTIC, nodes.unproven());
    }

    /**
     * Coordinates near {@code 1e6}: the aligners solve the pair with the offset removed and
     * evaluate the permutation again on the graphs given; the reason survives that, and a
     * difference of {@code 1e-2} (far above rounding once the offset is gone) is certified.
     */
    @Test
    void theReasonSurvivesTheOffsetRemoval() {
        GraphSpace points = new GraphSpace(7, 2, 0, 1.0, 1.0);
        Graph x = pointSet(0.0, 1e6);
        Alignment near = new NodeAssignmentAligner().align(points, x, pointSet(NEAR, 1e6));
        assertEquals(Unproven.ROUNDING, near.unproven());
        Alignment apart = new NodeAssignmentAligner().align(points, x, pointSet(1e-2, 1e6));
        assertEquals(Unproven.NONE, apart.unproven());
    }

    @Test
    void anExactSearchStoppedAtItsNodeLimitSaysLimit() {
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        Graph ring = MatchTesting.cycle(10);
        Graph twoRings = MatchTesting.cycles(5, 5);
        ExactAligner limited = new ExactAligner(1L, 1, ExactAligner.DEFAULT_TIME_LIMIT);
        Alignment a = limited.align(space, ring, twoRings);
        assertEquals(Unproven.LIMIT, a.unproven());
        assertEquals(Unproven.LIMIT, limited.align(space, twoRings, ring).unproven());
        // Without the limit the same pair is proven: the limit was the reason.
        assertEquals(Unproven.NONE, new ExactAligner(1L).align(space, ring, twoRings)
                .unproven());
    }

    @Test
    void anExactSearchStoppedAtItsTimeLimitSaysLimit() {
        SplittableRandom random = new SplittableRandom(41L);
        Graph x = MatchTesting.randomGraph(random, 14, 0, 1, 0.5, false,
                MatchTesting.Values.UNIT);
        Graph y = MatchTesting.randomGraph(random, 14, 0, 1, 0.5, false,
                MatchTesting.Values.UNIT);
        GraphSpace space = new GraphSpace(14, 0, 1, 1.0, 1.0);
        ExactAligner limited = new ExactAligner(1L, Long.MAX_VALUE, Duration.ofNanos(1));
        Alignment a = limited.align(space, x, y);
        assertEquals(Unproven.LIMIT, a.unproven());
        assertEquals(space.distance(x, y, a.permutation()), a.distance(), MatchTesting.TOL);
        // A warm start keeps the reason: the start competes with the search's result.
        Alignment started = limited.align(space, x, y, a.permutation());
        assertEquals(Unproven.LIMIT, started.unproven());
    }

    /** Heuristics on random graphs with edges: heuristic whenever not certified. */
    @Test
    void heuristicsSayHeuristicAndCertifiedResultsSayNone() {
        SplittableRandom random = new SplittableRandom(97L);
        List<Aligner> heuristics = List.of(new FaqAligner(2L), new GraduatedAssignmentAligner(),
                new IpfpAligner(), new NodeAssignmentAligner(),
                Aligners.byName("thorough", 2L), Aligners.byName("multistart", 2L));
        ExactAligner exact = new ExactAligner(2L);
        int uncertified = 0;
        for (int t = 0; t < 20; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 3, 9,
                    false);
            GraphSpace space = instance.space();
            Graph x = instance.x();
            Graph y = instance.y();
            for (Aligner aligner : heuristics) {
                Alignment a = aligner.align(space, x, y);
                boolean edgeTerm = x.edgeCount() > 0 && y.edgeCount() > 0;
                if (edgeTerm && !a.certified()) {
                    assertEquals(Unproven.HEURISTIC, a.unproven(), aligner.name() + " " + t);
                    uncertified++;
                }
                assertEquals(a.certified(), a.unproven() == Unproven.NONE);
            }
            Alignment proven = exact.align(space, x, y);
            assertEquals(Unproven.NONE, proven.unproven(), "instance " + t);
        }
        assertTrue(uncertified > 20, "too few uncertified heuristic results: " + uncertified);
    }

    /**
     * A tabu search after a base aligner proves nothing, so an uncertified result keeps the
     * base aligner's reason: the limit of a stopped exact search, the rounding of a completed
     * node-only certificate, a heuristic's.
     */
    @Test
    void tabuSearchKeepsTheReasonOfItsStart() {
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        TabuSearch search = new TabuSearch(4L).withIterationsPerNode(20);
        Aligner afterLimit = new TabuAligner(new ExactAligner(1L, 1,
                ExactAligner.DEFAULT_TIME_LIMIT), search);
        Alignment limited = afterLimit.align(space, MatchTesting.cycle(10),
                MatchTesting.cycles(5, 5));
        assertEquals(Unproven.LIMIT, limited.unproven());

        GraphSpace points = new GraphSpace(7, 2, 0, 1.0, 1.0);
        Aligner afterNodes = new TabuAligner(new NodeAssignmentAligner(), search);
        Alignment rounded = afterNodes.align(points, pointSet(0.0, 0.0), pointSet(NEAR, 0.0));
        assertEquals(Unproven.ROUNDING, rounded.unproven());

        Aligner afterFaq = new TabuAligner(new FaqAligner(4L), search);
        Alignment heuristic = afterFaq.align(space, MatchTesting.cycle(10),
                MatchTesting.cycles(5, 5));
        assertEquals(Unproven.HEURISTIC, heuristic.unproven());
    }

    /**
     * A best-of aligner returns its best member's alignment; uncertified, it says rounding
     * when a member completed its proof, else limit when a member's exact search stopped
     * there, else heuristic.
     */
    @Test
    void aBestOfAlignerGivesTheMostTellingTrueReason() {
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        Graph ring = MatchTesting.cycle(10);
        Graph twoRings = MatchTesting.cycles(5, 5);
        FaqAligner faq = new FaqAligner(1L);
        ExactAligner stopped = new ExactAligner(1L, 1, ExactAligner.DEFAULT_TIME_LIMIT);
        Alignment both = new BestOfAligner("both", List.of(faq, stopped))
                .align(space, ring, twoRings);
        assertFalse(both.certified());
        assertEquals(Unproven.LIMIT, both.unproven());
        Alignment faqOnly = new BestOfAligner("faq", List.of(faq)).align(space, ring,
                twoRings);
        assertEquals(Unproven.HEURISTIC, faqOnly.unproven());

        GraphSpace withEdges = new GraphSpace(7, 2, 1, 1.0, 1.0);
        Graph x = graph(0.0, 0.0);
        Graph y = graph(NEAR, 0.0);
        Alignment nearCopy = new BestOfAligner("near", List.of(new NodeAssignmentAligner(),
                new ExactAligner(1L))).align(withEdges, x, y);
        assertEquals(Unproven.ROUNDING, nearCopy.unproven());
        assertEquals(NEAR, nearCopy.distance(), 1e-12);
    }

    /** The quadratic assignment front end passes the aligner's reason on. */
    @Test
    void aQuadraticAssignmentSolutionGivesTheAlignersReason() {
        double[][] ring = adjacency(MatchTesting.cycle(10));
        double[][] twoRings = adjacency(MatchTesting.cycles(5, 5));
        QuadraticAssignment.Solution stopped = QuadraticAssignment.solve(ring, twoRings,
                Sense.MAXIMIZE, new ExactAligner(1L, 1, ExactAligner.DEFAULT_TIME_LIMIT));
        assertEquals(Unproven.LIMIT, stopped.unproven());
        assertFalse(stopped.certified());
        QuadraticAssignment.Solution proven = QuadraticAssignment.solve(ring, twoRings,
                Sense.MAXIMIZE, new ExactAligner(1L));
        assertEquals(Unproven.NONE, proven.unproven());
        assertTrue(proven.certified());
        assertNotEquals(Unproven.NONE,
                new QuadraticAssignment.Solution(Permutation.identity(1), 0.0, false)
                        .unproven());
    }

    /** The point set with node 0's first coordinate moved by {@code dx}, all shifted by c. */
    private static Graph pointSet(double dx, double c) {
        Graph.Builder builder = Graph.builder(2, 0);
        for (int i = 0; i < POINTS.length; i++) {
            builder.addNode(POINTS[i][0] + c + (i == 0 ? dx : 0.0), POINTS[i][1] + c);
        }
        return builder.build();
    }

    /** The point set with unit edges {@link #EDGES}, node 0 moved by {@code dx}. */
    private static Graph graph(double dx, double c) {
        Graph.Builder builder = Graph.builder(2, 1);
        for (int i = 0; i < POINTS.length; i++) {
            builder.addNode(POINTS[i][0] + c + (i == 0 ? dx : 0.0), POINTS[i][1] + c);
        }
        for (int[] e : EDGES) {
            builder.addEdge(e[0], e[1], 1.0);
        }
        return builder.build();
    }

    private static double[][] adjacency(Graph g) {
        int n = g.order();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && g.hasEdge(i, j)) {
                    a[i][j] = g.edge(i, j, 0);
                }
            }
        }
        return a;
    }
}
