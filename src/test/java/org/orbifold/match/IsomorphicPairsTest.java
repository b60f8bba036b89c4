package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Pairs at distance 0: equal graphs, relabelled copies with many ties (one-hot and small integer
 * attributes, unlabelled graphs), and the rule that a distance of exactly 0 is certified.
 */
class IsomorphicPairsTest {

    private static final long SEED = 20_261_204L;
    /** Relabelled copies per order and kind of attribute in the synthetic sweep. */
    private static final int COPIES_PER_CASE = 6;

    /** Kinds of attributes with ties, as in molecules and plain graphs. */
    enum Labels {
        /** One-hot node and edge labels, the first label most frequent (like carbon). */
        ONE_HOT,
        /** Node and edge attributes in 1..3. */
        INTEGER,
        /** No node attributes, unit edges. */
        UNLABELLED
    }

    static Stream<Aligner> aligners() {
        return Stream.of(new ExactAligner(1L), new FaqAligner(1L), new NodeAssignmentAligner());
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void equalGraphsGetTheCertifiedIdentity(Aligner aligner) {
        SplittableRandom random = new SplittableRandom(SEED);
        Graph x = graph(random, 12, Labels.ONE_HOT, 2.5);
        GraphSpace space = new GraphSpace(14, x.nodeDimension(), x.edgeDimension(), 1.0, 1.0);
        Graph copy = Graph.fromArrays(x.order(), x.nodeDimension(), x.edgeDimension(),
                x.isDirected(), x.nodeArray(), x.edgeArray());

        Alignment alignment = aligner.align(space, x, copy);
        assertEquals(Permutation.identity(12), alignment.permutation());
        assertEquals(0.0, alignment.distance());
        assertTrue(alignment.certified());

        Permutation start = Permutation.random(14, random);
        Alignment warm = aligner.align(space, x, copy, start);
        assertEquals(Permutation.identity(14), warm.permutation());
        assertEquals(0.0, warm.distance());
        assertTrue(warm.certified());
    }

    @Test
    void alignmentOfCertifiesExactlyZeroDistances() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Graph x = graph(random, 9, Labels.INTEGER, 3.0);
        GraphSpace space = new GraphSpace(9, x.nodeDimension(), x.edgeDimension(), 1.0, 0.5);
        Permutation relabelling = Permutation.random(9, random);
        Graph y = x.permute(relabelling);

        Permutation undo = relabelling.inverse();
        Alignment zero = Alignment.of(space, x, y, undo, false);
        assertEquals(0.0, zero.squaredDistance());
        assertTrue(zero.certified());
        assertTrue(zero.reversed().certified());

        Permutation other = undo.compose(Permutation.of(1, 0, 2, 3, 4, 5, 6, 7, 8));
        Alignment positive = Alignment.of(space, x, y, other, false);
        if (positive.squaredDistance() > 0.0) {
            assertFalse(positive.certified());
        }
        assertTrue(Alignment.of(space, x, y, other, true).certified());
    }

    @Test
    void localSearchCertifiesTheZeroItReaches() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        Graph x = graph(random, 8, Labels.ONE_HOT, 2.0);
        GraphSpace space = new GraphSpace(8, x.nodeDimension(), x.edgeDimension(), 1.0, 1.0);
        Permutation relabelling = Permutation.random(8, random);
        Alignment kept = LocalSearch.improve(space, x, x.permute(relabelling),
                relabelling.inverse());
        assertEquals(0.0, kept.distance());
        assertTrue(kept.certified());
    }

    @Test
    void defaultAlignerFindsRelabelledCopiesWithTies() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        Aligner faq = Aligners.defaultAligner(42L);
        for (Labels labels : Labels.values()) {
            for (int order = 10; order <= 40; order += 5) {
                for (int t = 0; t < COPIES_PER_CASE; t++) {
                    Graph x = graph(random, order, labels, 2.5);
                    GraphSpace space = new GraphSpace(order, x.nodeDimension(),
                            x.edgeDimension(), 1.0, 1.0);
                    Permutation relabelling = Permutation.random(order, random);
                    Graph y = x.permute(relabelling);
                    Alignment alignment = faq.align(space, x, y);
                    String where = labels + ", order " + order + ", copy " + t;
                    assertEquals(0.0, alignment.distance(), where);
                    assertTrue(alignment.certified(), where);
                    assertEquals(0.0, faq.align(space, y, x).distance(), where);
                }
            }
        }
    }

    @Test
    void relabelledCopiesOfAWeightedGraphAreAllAtDistanceZero() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        Graph original = graph(random, 20, Labels.INTEGER, 3.0);
        GraphSpace space = new GraphSpace(20, original.nodeDimension(),
                original.edgeDimension(), 1.0, 1.0);
        List<Graph> copies = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            copies.add(original.permute(Permutation.random(20, random)));
        }
        Aligner faq = Aligners.defaultAligner(7L);
        for (int a = 0; a < copies.size(); a++) {
            for (int b = a + 1; b < copies.size(); b++) {
                Alignment alignment = faq.align(space, copies.get(a), copies.get(b));
                assertEquals(0.0, alignment.distance(), "copies " + a + " and " + b);
                assertTrue(alignment.certified(), "copies " + a + " and " + b);
            }
        }
    }

    @Test
    void symmetricMoleculeLikeGraphsAreMatched() {
        // Two benzene-like rings joined by a bridge, each with two equal substituents: every
        // refined colour class has two or more nodes, so only individualisation resolves it.
        Graph.Builder builder = Graph.builder(2, 1);
        for (int i = 0; i < 12; i++) {
            builder.addNode(1.0, 0.0);
        }
        for (int i = 0; i < 4; i++) {
            builder.addNode(0.0, 1.0);
        }
        for (int ring = 0; ring < 2; ring++) {
            for (int i = 0; i < 6; i++) {
                builder.addEdge(6 * ring + i, 6 * ring + (i + 1) % 6, i % 2 == 0 ? 1.0 : 2.0);
            }
        }
        builder.addEdge(0, 6, 1.0);
        builder.addEdge(2, 12, 1.0).addEdge(4, 13, 1.0).addEdge(8, 14, 1.0).addEdge(10, 15, 1.0);
        Graph x = builder.build();
        GraphSpace space = new GraphSpace(16, 2, 1, 1.0, 1.0);
        SplittableRandom random = new SplittableRandom(SEED + 5);
        for (long seed = 0; seed < 10; seed++) {
            Alignment alignment = new FaqAligner(seed).align(space, x,
                    x.permute(Permutation.random(16, random)));
            assertEquals(0.0, alignment.distance(), "seed " + seed);
            assertTrue(alignment.certified(), "seed " + seed);
        }
    }

    @Test
    void neverEndsBelowTheIdentityOfGraphsOfEqualOrder() {
        SplittableRandom random = new SplittableRandom(SEED + 6);
        FaqAligner faq = new FaqAligner(3L).withRandomStarts(0).withPerturbations(0);
        for (int t = 0; t < 40; t++) {
            Graph x = graph(random, 12, Labels.INTEGER, 3.0);
            Graph y = perturbed(random, x);
            GraphSpace space = new GraphSpace(12, x.nodeDimension(), x.edgeDimension(), 1.0,
                    1.0);
            double identity = space.similarity(x, y, Permutation.identity(12));
            Alignment alignment = faq.align(space, x, y);
            assertTrue(alignment.similarity() >= identity - MatchTesting.tolerance(space, x, y),
                    "instance " + t);
        }
    }

    /**
     * A random undirected graph with about {@code degree} neighbours per node and attributes
     * of the given kind.
     */
    static Graph graph(SplittableRandom random, int order, Labels labels, double degree) {
        int dv = labels == Labels.UNLABELLED ? 0 : 3;
        int de = labels == Labels.ONE_HOT ? 3 : 1;
        Graph.Builder builder = Graph.builder(dv, de);
        for (int i = 0; i < order; i++) {
            builder.addNode(values(random, dv, labels));
        }
        double density = degree / (order - 1);
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextDouble() < density) {
                    builder.addEdge(i, j, values(random, de, labels));
                }
            }
        }
        return builder.build();
    }

    private static double[] values(SplittableRandom random, int dimension, Labels labels) {
        double[] result = new double[dimension];
        switch (labels) {
            case ONE_HOT -> result[random.nextDouble() < 0.7 ? 0
                    : 1 + random.nextInt(dimension - 1)] = 1.0;
            case INTEGER -> {
                for (int c = 0; c < dimension; c++) {
                    result[c] = 1 + random.nextInt(3);
                }
            }
            case UNLABELLED -> {
                if (dimension > 0) {
                    result[0] = 1.0;
                }
            }
            default -> throw new IllegalStateException(labels.toString());
        }
        return result;
    }

    /** {@code x} with the first node attribute of two random nodes raised by 1. */
    private static Graph perturbed(SplittableRandom random, Graph x) {
        double[] nodes = x.nodeArray();
        int dv = x.nodeDimension();
        for (int k = 0; k < 2; k++) {
            nodes[random.nextInt(x.order()) * dv] += 1.0;
        }
        return Graph.fromArrays(x.order(), dv, x.edgeDimension(), x.isDirected(), nodes,
                x.edgeArray());
    }
}
