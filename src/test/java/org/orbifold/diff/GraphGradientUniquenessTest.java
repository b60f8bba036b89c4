package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.diff.GraphGradient.Uniqueness;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.match.FaqAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * {@link GraphGradient#uniqueness()} against enumeration of all permutations: on graphs with
 * small integer attributes every similarity is an exact integer, so an optimum is tied
 * exactly when another permutation attains the same value, and the flag must be TIED exactly
 * when one of those has another aligned graph (on the argument's own nodes and edges).
 */
class GraphGradientUniquenessTest {

    private static final Aligner EXACT = new ExactAligner(3);
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-5;

    /** Counts of the answers over a run, so that the test shows it met both cases. */
    private final int[] seen = new int[Uniqueness.values().length];

    @Test
    void theFlagIsTiedExactlyWhenAnotherOptimalAlignedGraphExists() {
        SplittableRandom random = new SplittableRandom(2026_12_06L);
        GraphSpace[] spaces = {
            new GraphSpace(6, 1, 1, 1.0, 1.0),
            new GraphSpace(6, 2, 1, 1.0, 0.5),
            new GraphSpace(6, 1, 2, 0.5, 1.0),
            new GraphSpace(6, 2, 0, 1.0, 1.0),
            new GraphSpace(6, 1, 1, 1.0, 0.0),
        };
        int trials = 0;
        for (int trial = 0; trial < 1500; trial++) {
            GraphSpace space = spaces[trial % spaces.length];
            boolean directed = random.nextBoolean();
            boolean signed = random.nextInt(4) == 0;
            double density = random.nextInt(3) * 0.35;
            int nx = 1 + random.nextInt(5);
            int ny = 1 + random.nextInt(5);
            Graph x = integerGraph(random, space, nx, density, directed, signed);
            Graph y = integerGraph(random, space, ny, density, directed, signed);
            switch (random.nextInt(4)) {
                case 0 -> y = withCopiedNode(random, y);
                case 1 -> x = withCopiedNode(random, x);
                case 2 -> {
                    y = cycle(space, ny, directed);
                    x = random.nextBoolean() ? cycle(space, nx, directed) : x;
                }
                default -> { }
            }
            for (Argument argument : Argument.values()) {
                check(space, x, y, argument);
                trials++;
            }
        }
        assertEquals(3000, trials);
        assertTrue(seen[Uniqueness.UNIQUE.ordinal()] > 300, Arrays.toString(seen));
        assertTrue(seen[Uniqueness.TIED.ordinal()] > 300, Arrays.toString(seen));
    }

    private void check(GraphSpace space, Graph x, Graph y, Argument argument) {
        GraphGradient g = GraphGradients.squaredDistance(space, x, y, EXACT, argument);
        GraphGradient k = GraphGradients.similarity(space, x, y, EXACT, argument);
        assertEquals(g.uniqueness(), k.uniqueness(), "the same alignment problem");
        if (!g.certified()) {
            assertEquals(Uniqueness.UNKNOWN, g.uniqueness());
            return;
        }
        // Every size the space allows: a real pair of gain 0 sent to padding ties too.
        Permutation returned = g.alignment().permutation();
        int m = Math.max(returned.size(), Math.min(space.size(), x.order() + y.order()));
        List<Permutation> all = new ArrayList<>();
        GraphGradientsTest.permutations(new int[m], 0, new boolean[m], all);
        double best = Double.NEGATIVE_INFINITY;
        for (Permutation p : all) {
            best = Math.max(best, space.similarity(x, y, p));
        }
        assertEquals(best, space.similarity(x, y, returned), "certified means optimal");
        double[] mine = alignedGraph(space, x, y, returned, argument);
        boolean tied = false;
        for (Permutation p : all) {
            if (space.similarity(x, y, p) == best
                    && !Arrays.equals(mine, alignedGraph(space, x, y, p, argument))) {
                tied = true;
            }
        }
        String what = argument + " x=" + x + " y=" + y + " pi=" + returned;
        assertEquals(tied ? Uniqueness.TIED : Uniqueness.UNIQUE, g.uniqueness(), what);
        seen[g.uniqueness().ordinal()]++;
    }

    /**
     * The aligned graph on the argument's own positions, as numbers: for FIRST the nodes
     * {@code y_p(i)} and edges {@code y_p(i)p(j)} for {@code i, j < |X|}, for SECOND those
     * of {@code x} under the inverse on the nodes of {@code y}; padding and absent edges are
     * zeros. A part whose weight is 0 is left out, since the function does not see it.
     */
    private static double[] alignedGraph(GraphSpace space, Graph x, Graph y, Permutation p,
            Argument argument) {
        Graph own = argument == Argument.FIRST ? x : y;
        Graph other = argument == Argument.FIRST ? y : x;
        Permutation q = argument == Argument.FIRST ? p : p.inverse();
        int n = own.order();
        int dv = space.nodeWeight() == 0.0 ? 0 : own.nodeDimension();
        int de = space.edgeWeight() == 0.0 ? 0 : own.edgeDimension();
        double[] result = new double[n * dv + n * n * de];
        for (int i = 0; i < n; i++) {
            int a = q.get(i);
            for (int c = 0; c < dv; c++) {
                result[i * dv + c] = a < other.order() ? other.node(a, c) : 0.0;
            }
            for (int j = 0; j < n; j++) {
                int b = q.get(j);
                for (int c = 0; c < de; c++) {
                    result[n * dv + (i * n + j) * de + c] = a < other.order()
                            && b < other.order() && a != b ? other.edge(a, b, c) : 0.0;
                }
            }
        }
        return result;
    }

    private static Graph integerGraph(SplittableRandom random, GraphSpace space, int order,
            double density, boolean directed, boolean signed) {
        int dv = space.nodeDimension();
        int de = space.edgeDimension();
        Graph.Builder builder = Graph.builder(dv, de).directed(directed);
        for (int i = 0; i < order; i++) {
            builder.addNode(integers(random, dv, signed));
        }
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j && de > 0 && random.nextDouble() < density) {
                    builder.addEdge(i, j, integers(random, de, signed));
                }
            }
        }
        return builder.build();
    }

    private static Graph gaussianGraph(SplittableRandom random, int order) {
        Graph.Builder builder = Graph.builder(1, 1).directed(true);
        for (int i = 0; i < order; i++) {
            builder.addNode(random.nextGaussian());
        }
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) {
                if (i != j && random.nextBoolean()) {
                    builder.addEdge(i, j, random.nextGaussian());
                }
            }
        }
        return builder.build();
    }

    private static double[] integers(SplittableRandom random, int d, boolean signed) {
        double[] v = new double[d];
        for (int c = 0; c < d; c++) {
            v[c] = signed ? random.nextInt(-2, 3) : random.nextInt(3);
        }
        return v;
    }

    /** The graph with one node's attributes copied onto another node (edges unchanged). */
    private static Graph withCopiedNode(SplittableRandom random, Graph g) {
        if (g.order() < 2) {
            return g;
        }
        int from = random.nextInt(g.order());
        int to = (from + 1 + random.nextInt(g.order() - 1)) % g.order();
        double[] nodes = g.nodeArray();
        int dv = g.nodeDimension();
        System.arraycopy(nodes, from * dv, nodes, to * dv, dv);
        return Graph.fromArrays(g.order(), dv, g.edgeDimension(), g.isDirected(), nodes,
                g.edgeArray());
    }

    /** A cycle with all nodes and edges equal to 1 (a path for orders below 3). */
    private static Graph cycle(GraphSpace space, int order, boolean directed) {
        int dv = space.nodeDimension();
        int de = space.edgeDimension();
        Graph.Builder builder = Graph.builder(dv, de).directed(directed);
        double[] ones = new double[dv];
        Arrays.fill(ones, 1.0);
        double[] edge = new double[de];
        Arrays.fill(edge, 1.0);
        for (int i = 0; i < order; i++) {
            builder.addNode(ones);
        }
        for (int i = 0; de > 0 && i < order; i++) {
            int j = (i + 1) % order;
            if (j != i && !(order == 2 && i == 1 && !directed)) {
                builder.addEdge(i, j, edge);
            }
        }
        return builder.build();
    }

    /**
     * The example of the Javadoc and docs/gradients.md: nodes (1.5, 1.5) against (1, 2) tie
     * with different aligned graphs; (1.5, 2) against (1, 2) does not. With respect to Y
     * the tie is no kink: both alignments put the same node 1.5 on each node of Y.
     */
    @Test
    void theDocumentedTieIsReportedTied() {
        GraphSpace space = new GraphSpace(2, 1, 0, 1.0, 1.0);
        Graph y = nodes(1, 2);
        GraphGradient tied = GraphGradients.squaredDistance(space, nodes(1.5, 1.5), y, EXACT,
                Argument.FIRST);
        assertTrue(tied.certified());
        assertEquals(Uniqueness.TIED, tied.uniqueness());
        GraphGradient unique = GraphGradients.squaredDistance(space, nodes(1.5, 2), y, EXACT,
                Argument.FIRST);
        assertEquals(Uniqueness.UNIQUE, unique.uniqueness());
        assertEquals(Uniqueness.UNIQUE, GraphGradients.squaredDistance(space, nodes(1.5, 1.5),
                y, EXACT, Argument.SECOND).uniqueness(), "X's equal nodes: one graph for Y");
    }

    /**
     * A tester's case: in a space of size 2, the node 0 against the node 1 is aligned at size
     * 1 (d^2 = 1), but sending both nodes to padding gives d^2 = 1 too, another aligned graph
     * (0 instead of 1): d^2(x) = min((x - 1)^2, x^2 + 1) has a kink at x = 0, so TIED; the
     * same with the roles exchanged for the second argument. With respect to the node 1 the
     * two alignments put 0 or padding, both 0, on it: no kink.
     */
    @Test
    void aPairOfGainZeroTiesWithPadding() {
        GraphSpace space = new GraphSpace(2, 1, 0, 1.0, 1.0);
        GraphGradient first = GraphGradients.squaredDistance(space, nodes(0), nodes(1), EXACT,
                Argument.FIRST);
        assertTrue(first.certified());
        assertEquals(Uniqueness.TIED, first.uniqueness());
        assertEquals(Uniqueness.TIED, GraphGradients.squaredDistance(space, nodes(1), nodes(0),
                EXACT, Argument.SECOND).uniqueness());
        assertEquals(Uniqueness.UNIQUE, GraphGradients.squaredDistance(space, nodes(0),
                nodes(1), EXACT, Argument.SECOND).uniqueness());
        GraphGradient apart = GraphGradients.squaredDistance(space, nodes(0.5), nodes(1),
                EXACT, Argument.FIRST);
        assertEquals(Uniqueness.UNIQUE, apart.uniqueness());
    }

    /**
     * Identical nodes of Y make two optimal alignments with the same aligned graph: no kink
     * in X, so UNIQUE with respect to X, and the gradient matches finite differences; with
     * respect to Y the two copies receive different nodes of X, a kink, so TIED.
     */
    @Test
    void identicalNodesOfTheAlignedGraphAreNoTie() {
        GraphSpace space = new GraphSpace(3, 1, 0, 1.0, 1.0);
        Graph x = nodes(0.5, 2.5, 4);
        Graph y = nodes(1, 1, 3);
        GraphGradient first = GraphGradients.squaredDistance(space, x, y, EXACT,
                Argument.FIRST);
        assertEquals(Uniqueness.UNIQUE, first.uniqueness());
        double[] gradient = first.nodeCoordinateGradient();
        for (int k = 0; k < 3; k++) {
            double[] plus = x.nodeArray();
            double[] minus = x.nodeArray();
            plus[k] += STEP;
            minus[k] -= STEP;
            double fd = (distance(space, nodes(plus), y) - distance(space, nodes(minus), y))
                    / (2 * STEP);
            assertEquals(gradient[k], fd, FD_TOL, "node " + k);
        }
        assertEquals(Uniqueness.TIED, GraphGradients.squaredDistance(space, x, y, EXACT,
                Argument.SECOND).uniqueness());
    }

    /**
     * A directed 4-cycle with equal nodes: its rotations are automorphisms, so with respect
     * to a random X they give one aligned graph (UNIQUE, a derivative), while with respect
     * to the cycle they give four (TIED).
     */
    @Test
    void automorphismsOfTheAlignedGraphAreNoTie() {
        Graph.Builder builder = Graph.builder(1, 1).directed(true);
        for (int i = 0; i < 4; i++) {
            builder.addNode(1);
        }
        for (int i = 0; i < 4; i++) {
            builder.addEdge(i, (i + 1) % 4, 1);
        }
        Graph y = builder.build();
        GraphSpace space = new GraphSpace(4, 1, 1, 1.0, 1.0);
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 5; trial++) {
            double[] nodes = new double[4];
            double[] edges = new double[16];
            for (int k = 0; k < 4; k++) {
                nodes[k] = random.nextGaussian();
            }
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    edges[i * 4 + j] = i == j ? 0.0 : random.nextGaussian();
                }
            }
            Graph x = Graph.fromArrays(4, 1, 1, true, nodes, edges);
            GraphGradient first = GraphGradients.squaredDistance(space, x, y, EXACT,
                    Argument.FIRST);
            assertEquals(Uniqueness.UNIQUE, first.uniqueness());
            double[] gradient = first.edgeCoordinateGradient();
            for (int k = 1; k < 16; k += 5) {
                double[] plus = edges.clone();
                double[] minus = edges.clone();
                plus[k] += STEP;
                minus[k] -= STEP;
                double fd = (distance(space, Graph.fromArrays(4, 1, 1, true, nodes, plus), y)
                        - distance(space, Graph.fromArrays(4, 1, 1, true, nodes, minus), y))
                        / (2 * STEP);
                assertEquals(gradient[k], fd, FD_TOL, "edge coordinate " + k);
            }
            assertEquals(Uniqueness.TIED, GraphGradients.squaredDistance(space, x, y, EXACT,
                    Argument.SECOND).uniqueness());
        }
    }

    @Test
    void heuristicAlignmentsAndSkippedOrExhaustedSearchesAreUnknown() {
        SplittableRandom random = new SplittableRandom(11);
        GraphSpace space = new GraphSpace(7, 1, 1, 1.0, 1.0);
        Graph x = integerGraph(random, space, 7, 0.5, true, false);
        Graph y = integerGraph(random, space, 7, 0.5, true, false);
        Permutation p = Permutation.identity(7);
        Alignment handMade = Alignment.of(space, x, y, p, Alignment.Unproven.HEURISTIC);
        assertEquals(Uniqueness.UNKNOWN, GraphGradients.squaredDistance(space, x, y, handMade,
                Argument.FIRST).uniqueness());
        Alignment faq = new FaqAligner(1).align(space, x, y);
        if (!faq.certified()) {
            assertEquals(Uniqueness.UNKNOWN, GraphGradients.similarity(space, x, y, faq,
                    Argument.SECOND).uniqueness());
        }
        GraphGradient decided = GraphGradients.squaredDistance(space, x, y, EXACT,
                Argument.FIRST);
        assertTrue(decided.certified());
        assertNotEquals(Uniqueness.UNKNOWN, decided.uniqueness());
        assertEquals(Uniqueness.UNKNOWN, GraphGradients.squaredDistance(space, x, y, EXACT,
                Argument.FIRST, 0).uniqueness(), "budget 0: not decided");
        // Gaussian attributes: no tie, and proving that takes more than the root node.
        Graph gx = gaussianGraph(random, 7);
        Graph gy = gaussianGraph(random, 7);
        assertEquals(Uniqueness.UNIQUE, GraphGradients.similarity(space, gx, gy, EXACT,
                Argument.FIRST).uniqueness());
        assertEquals(Uniqueness.UNKNOWN, GraphGradients.similarity(space, gx, gy, EXACT,
                Argument.FIRST, 1).uniqueness(), "one search node proves nothing here");
        assertThrows(IllegalArgumentException.class, () -> GraphGradients.similarity(space, x,
                y, EXACT, Argument.FIRST, -1));
    }

    @Test
    void theRecordRefusesAFlagForAnUncertifiedAlignment() {
        GraphSpace space = new GraphSpace(2, 1, 0, 1.0, 1.0);
        Graph x = nodes(1, 2);
        Alignment heuristic = Alignment.of(space, x, nodes(2, 1), Permutation.identity(2),
                Alignment.Unproven.HEURISTIC);
        assertThrows(IllegalArgumentException.class, () -> new GraphGradient(0, x, heuristic,
                space, Uniqueness.UNIQUE));
        assertThrows(NullPointerException.class, () -> new GraphGradient(0, x, heuristic,
                space, null));
        assertEquals(Uniqueness.UNKNOWN, new GraphGradient(0, x, heuristic, space)
                .uniqueness());
    }

    private static double distance(GraphSpace space, Graph x, Graph y) {
        return GraphGradients.squaredDistance(space, x, y, EXACT, Argument.FIRST, 0).value();
    }

    private static Graph nodes(double... values) {
        return Graph.fromArrays(values.length, 1, 0, false, values, new double[0]);
    }
}
