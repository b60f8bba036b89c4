package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.match.FaqAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class GraphGradientsTest {

    private static final double TOL = 1e-9;
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-5;
    private static final Aligner EXACT = new ExactAligner(7);

    @Test
    void finiteDifferencesOnTheFlatArraysMatchBothArguments() {
        SplittableRandom random = new SplittableRandom(61);
        GraphSpace space = new GraphSpace(4, 2, 1, 0.7, 1.3);
        for (int trial = 0; trial < 3; trial++) {
            Graph x = randomDirected(random, 4, 2, 1);
            Graph y = randomDirected(random, 3 + trial % 2, 2, 1);
            for (Argument argument : Argument.values()) {
                checkFiniteDifferences(space, x, y, argument, true);
                checkFiniteDifferences(space, x, y, argument, false);
            }
        }
    }

    private static void checkFiniteDifferences(GraphSpace space, Graph x, Graph y,
            Argument argument, boolean distance) {
        GraphGradient g = distance
                ? GraphGradients.squaredDistance(space, x, y, EXACT, argument)
                : GraphGradients.similarity(space, x, y, EXACT, argument);
        assertTrue(g.certified());
        assertEquals(GraphGradient.Uniqueness.UNIQUE, g.uniqueness(),
                "Gaussian attributes: no tie, so the gradient is the derivative");
        Graph moving = argument == Argument.FIRST ? x : y;
        int n = moving.order();
        int m = g.gradient().order();
        ToDoubleFunction<Graph> f = z -> {
            Graph a = argument == Argument.FIRST ? z : x;
            Graph b = argument == Argument.FIRST ? y : z;
            return distance ? GraphGradients.squaredDistance(space, a, b, EXACT, argument).value()
                    : GraphGradients.similarity(space, a, b, EXACT, argument).value();
        };
        double[] nodes = moving.nodeArray();
        double[] edges = moving.edgeArray();
        double[] nodeGradient = g.nodeCoordinateGradient();
        double[] edgeGradient = g.edgeCoordinateGradient();
        int dv = space.nodeDimension();
        int de = space.edgeDimension();
        for (int k = 0; k < nodes.length; k++) {
            double[] plus = nodes.clone();
            double[] minus = nodes.clone();
            plus[k] += STEP;
            minus[k] -= STEP;
            double fd = (f.applyAsDouble(Graph.fromArrays(n, dv, de, true, plus, edges))
                    - f.applyAsDouble(Graph.fromArrays(n, dv, de, true, minus, edges)))
                    / (2 * STEP);
            assertEquals(nodeGradient[k], fd, FD_TOL, "node coordinate " + k);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                int k = (i * n + j) * de;
                double[] plus = edges.clone();
                double[] minus = edges.clone();
                plus[k] += STEP;
                minus[k] -= STEP;
                double fd = (f.applyAsDouble(Graph.fromArrays(n, dv, de, true, nodes, plus))
                        - f.applyAsDouble(Graph.fromArrays(n, dv, de, true, nodes, minus)))
                        / (2 * STEP);
                assertEquals(edgeGradient[(i * m + j) * de], fd, FD_TOL,
                        "edge coordinate (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void atTiesTheGradientIsOneOfTheTiedOptimaGradients() {
        // Y is a directed 4-cycle with equal nodes: its rotations tie for every X.
        Graph.Builder cycle = Graph.builder(1, 1).directed(true);
        for (int i = 0; i < 4; i++) {
            cycle.addNode(1);
        }
        for (int i = 0; i < 4; i++) {
            cycle.addEdge(i, (i + 1) % 4, 1);
        }
        Graph y = cycle.build();
        SplittableRandom random = new SplittableRandom(62);
        GraphSpace space = new GraphSpace(4, 1, 1, 1.0, 1.0);
        for (int trial = 0; trial < 5; trial++) {
            Graph x = randomDirected(random, 4, 1, 1);
            GraphGradient g = GraphGradients.squaredDistance(space, x, y, EXACT,
                    Argument.FIRST);
            List<Permutation> optima = optimalPermutations(space, x, y);
            assertTrue(optima.size() >= 4, "rotations tie: " + optima.size());
            boolean found = false;
            for (Permutation p : optima) {
                Graph expected = space.moveToward(x, y, p, 1.0);
                found |= sameArrays(g.gradient(), scaledDifference(space, x, expected));
            }
            assertTrue(found, "the gradient is 2 (X - pi . Y) for a tied optimal pi");
            assertEquals(space.squaredDistance(x, y, optima.get(0)), g.value(), TOL);
        }
    }

    /**
     * The example of {@link GraphGradient}'s Javadoc and docs/gradients.md: nodes (1.5, 1.5)
     * against (1, 2), no edges. Both alignments are optimal and give different aligned
     * graphs; the result is certified and TIED, and its gradient is one of the two tied
     * ones, not a derivative: the one-sided slopes of {@code d^2} in {@code x_0} are
     * {@code -1} to the right and {@code +1} to the left (as a derivative from the left).
     */
    @Test
    void aCertifiedGradientAtATieIsOneElementNotADerivative() {
        GraphSpace space = new GraphSpace(2, 1, 0, 1.0, 1.0);
        Graph y = Graph.fromArrays(2, 1, 0, false, new double[] {1, 2}, new double[0]);
        ToDoubleFunction<Double> d2 = x0 -> GraphGradients.squaredDistance(space,
                Graph.fromArrays(2, 1, 0, false, new double[] {x0, 1.5}, new double[0]), y,
                EXACT, Argument.FIRST).value();
        GraphGradient g = GraphGradients.squaredDistance(space,
                Graph.fromArrays(2, 1, 0, false, new double[] {1.5, 1.5}, new double[0]), y,
                EXACT, Argument.FIRST);
        assertTrue(g.certified());
        assertEquals(GraphGradient.Uniqueness.TIED, g.uniqueness());
        assertEquals(0.5, g.value(), TOL);
        double[] gradient = g.nodeCoordinateGradient();
        assertEquals(1.0, Math.abs(gradient[0]), TOL);
        assertEquals(-gradient[0], gradient[1], TOL);
        double right = (d2.applyAsDouble(1.5 + STEP) - d2.applyAsDouble(1.5)) / STEP;
        double left = (d2.applyAsDouble(1.5) - d2.applyAsDouble(1.5 - STEP)) / STEP;
        assertEquals(-1.0, right, FD_TOL);
        assertEquals(1.0, left, FD_TOL);
    }

    @Test
    void heuristicAlignmentsGiveTheSurrogateGradientAtTheirPermutation() {
        SplittableRandom random = new SplittableRandom(63);
        GraphSpace space = new GraphSpace(6, 1, 1, 1.0, 1.0);
        Graph x = randomDirected(random, 6, 1, 1);
        Graph y = randomDirected(random, 6, 1, 1);
        Alignment a = new FaqAligner(5).align(space, x, y);
        GraphGradient g = GraphGradients.squaredDistance(space, x, y, a, Argument.SECOND);
        assertEquals(a.certified(), g.certified());
        assertEquals(space.squaredDistance(x, y, a.permutation()), g.value(), TOL);
        Graph expected = scaledDifference(space, y,
                space.moveToward(y, x, a.permutation().inverse(), 1.0));
        assertTrue(sameArrays(expected, g.gradient()));
    }

    @Test
    void halfAGradientStepLandsOnTheAlignedGraph() {
        SplittableRandom random = new SplittableRandom(64);
        GraphSpace space = new GraphSpace(4, 2, 1, 1.0, 1.0);
        Graph x = randomDirected(random, 4, 2, 1);
        Graph y = randomDirected(random, 4, 2, 1);
        GraphGradient g = GraphGradients.squaredDistance(space, x, y, EXACT, Argument.FIRST);
        GraphAccumulator step = new GraphAccumulator(space, 4);
        step.add(x, 1.0);
        step.add(g.gradient(), -0.5);
        Graph landed = step.sum();
        assertEquals(0.0, space.squaredDistance(landed, y, g.alignment().permutation()),
                1e-6 * space.squaredNorm(y));
    }

    @Test
    void badInputIsRejected() {
        GraphSpace space = new GraphSpace(2, 1, 1, 1.0, 1.0);
        Graph big = randomDirected(new SplittableRandom(1), 3, 1, 1);
        Graph small = randomDirected(new SplittableRandom(2), 2, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GraphGradients.squaredDistance(space, big, small, EXACT, Argument.FIRST));
        Alignment tooSmall = new Alignment(Permutation.identity(1), 0, 0, false);
        assertThrows(IllegalArgumentException.class,
                () -> GraphGradients.similarity(space, small, small, tooSmall, Argument.FIRST));
        assertThrows(NullPointerException.class,
                () -> GraphGradients.similarity(space, small, small, EXACT, null));
        // A hand-made alignment with wrong numbers is evaluated afresh: the identity of a
        // graph with itself attains distance 0, so it is optimal and comes back certified.
        GraphGradient self = GraphGradients.similarity(space, small, small,
                new Alignment(Permutation.identity(2), 0, 0, false), Argument.SECOND);
        assertTrue(self.certified());
        assertEquals(space.squaredNorm(small), self.alignment().similarity(), TOL);
        assertEquals(0.0, self.alignment().distance());
        NullPointerException none = assertThrows(NullPointerException.class,
                () -> new Alignment(null, 0, 0, true));
        assertEquals("permutation", none.getMessage());
    }

    @Test
    void aHandMadeAlignmentIsReportedWithTheNumbersOfItsPermutation() {
        // The tester's case: distance 0 and certified, on a pair its permutation does not
        // bring to distance 0. The value was recomputed, the record kept the claim.
        SplittableRandom random = new SplittableRandom(5);
        GraphSpace space = new GraphSpace(4, 2, 1, 1.0, 1.0);
        Graph x = randomDirected(random, 4, 2, 1);
        Graph y = randomDirected(random, 4, 2, 1);
        Permutation p = Permutation.identity(4);
        Alignment claim = new Alignment(p, 0.0, 0.0, true);

        GraphGradient distance = GraphGradients.squaredDistance(space, x, y, claim,
                Argument.FIRST);
        GraphGradient similarity = GraphGradients.similarity(space, x, y, claim,
                Argument.SECOND);

        double expected = space.squaredDistance(x, y, p);
        assertTrue(expected > 0.1, "the pair is apart: " + expected);
        assertEquals(expected, distance.value(), TOL);
        assertEquals(Math.sqrt(expected), distance.alignment().distance(), TOL);
        assertFalse(distance.certified(), "no certificate for numbers the claim did not have");
        assertEquals(space.similarity(x, y, p), similarity.value(), TOL);
        assertEquals(similarity.value(), similarity.alignment().similarity(), TOL);
        assertFalse(similarity.certified());
    }

    @Test
    void aWrongDistanceIsNotPassedOnWhenTheAttributesSitFarFromZero() {
        // Node attributes near 1e6: ||X||^2 + ||Y||^2 is about 1.6e13, so a band of 1e-9 of
        // it let a claimed distance 1 too large through, with its certificate.
        SplittableRandom random = new SplittableRandom(7);
        GraphSpace space = new GraphSpace(4, 2, 1, 1.0, 1.0);
        double[] minusOffset = {-1e6, -1e6};
        Graph x = randomDirected(random, 4, 2, 1).withNodesMinus(minusOffset);
        Graph y = randomDirected(random, 4, 2, 1).withNodesMinus(minusOffset);
        Alignment exact = EXACT.align(space, x, y);
        Alignment claim = new Alignment(exact.permutation(), exact.similarity(),
                exact.distance() + 1.0, true);

        GraphGradient distance = GraphGradients.squaredDistance(space, x, y, claim,
                Argument.FIRST);

        double expected = space.squaredDistance(x, y, exact.permutation());
        assertEquals(expected, distance.value(), 1e-6);
        assertEquals(Math.sqrt(expected), distance.alignment().distance(), 1e-6);
        assertFalse(distance.certified(), "no certificate for numbers the claim did not have");
        // The aligner's own result still passes, certificate and all.
        assertTrue(GraphGradients.squaredDistance(space, x, y, exact, Argument.FIRST)
                .certified());
    }

    @Test
    void anAlignersResultIsKeptWithItsCertificate() {
        SplittableRandom random = new SplittableRandom(6);
        GraphSpace space = new GraphSpace(4, 2, 1, 0.7, 1.3);
        Graph x = randomDirected(random, 4, 2, 1);
        Graph y = randomDirected(random, 3, 2, 1);
        Alignment exact = EXACT.align(space, x, y);
        assertTrue(exact.certified());

        GraphGradient forward = GraphGradients.squaredDistance(space, x, y, exact,
                Argument.FIRST);
        // The reversed alignment of the reversed pair: the same numbers up to rounding.
        GraphGradient backward = GraphGradients.squaredDistance(space, y, x,
                EXACT.align(space, y, x).reversed().reversed(), Argument.SECOND);

        assertEquals(exact, forward.alignment());
        assertTrue(forward.certified());
        assertTrue(backward.certified());
        assertEquals(forward.value(), backward.value(), TOL);
    }

    // ---------------------------------------------------------------------------------

    private static Graph randomDirected(SplittableRandom random, int n, int dv, int de) {
        double[] nodes = new double[n * dv];
        double[] edges = new double[n * n * de];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int c = 0; c < de; c++) {
                    edges[(i * n + j) * de + c] = i == j ? 0.0 : random.nextDouble(-1, 1);
                }
            }
        }
        return Graph.fromArrays(n, dv, de, true, nodes, edges);
    }

    /** Returns {@code 2 (a - b)} as a graph of {@code b}'s order, {@code a} padded. */
    private static Graph scaledDifference(GraphSpace space, Graph a, Graph b) {
        GraphAccumulator sum = new GraphAccumulator(space, b.order());
        sum.add(a, 2.0);
        sum.add(b, -2.0);
        return sum.sum();
    }

    private static boolean sameArrays(Graph a, Graph b) {
        double[] an = a.nodeArray();
        double[] bn = b.nodeArray();
        double[] ae = a.edgeArray();
        double[] be = b.edgeArray();
        if (an.length != bn.length || ae.length != be.length) {
            return false;
        }
        for (int k = 0; k < an.length; k++) {
            if (Math.abs(an[k] - bn[k]) > TOL) {
                return false;
            }
        }
        for (int k = 0; k < ae.length; k++) {
            if (Math.abs(ae[k] - be[k]) > TOL) {
                return false;
            }
        }
        return true;
    }

    private static List<Permutation> optimalPermutations(GraphSpace space, Graph x, Graph y) {
        List<Permutation> all = new ArrayList<>();
        permutations(new int[x.order()], 0, new boolean[x.order()], all);
        double best = Double.NEGATIVE_INFINITY;
        for (Permutation p : all) {
            best = Math.max(best, space.similarity(x, y, p));
        }
        List<Permutation> optima = new ArrayList<>();
        for (Permutation p : all) {
            if (space.similarity(x, y, p) >= best - TOL) {
                optima.add(p);
            }
        }
        return optima;
    }

    /** Adds every permutation of {@code a.length} that extends {@code a[0..k)} to {@code out}. */
    static void permutations(int[] a, int k, boolean[] used, List<Permutation> out) {
        if (k == a.length) {
            out.add(Permutation.of(a.clone()));
            return;
        }
        for (int v = 0; v < a.length; v++) {
            if (!used[v]) {
                used[v] = true;
                a[k] = v;
                permutations(a, k + 1, used, out);
                used[v] = false;
            }
        }
    }
}
