package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Relabelled copies of regular and vertex-transitive graphs, whose first refined colouring
 * is uniform, are found at distance 0 by the {@code faq} and {@code fast} presets (the
 * isomorphism search of {@link FaqAligner}'s structural start), and non-isomorphic pairs with
 * equal colourings are not.
 */
class SymmetricIsomorphicPairsTest {

    private static final long SEED = 20_261_206L;
    /** Random relabellings per graph. */
    private static final int RELABELLINGS = 3;

    static Stream<Arguments> families() {
        List<Arguments> cases = new ArrayList<>();
        for (int order : new int[] {26, 48, 52, 62, 64, 101}) {
            cases.add(Arguments.of("cycle " + order, MatchTesting.cycle(order)));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int order : new int[] {16, 20, 40, 60, 100}) {
            for (int t = 0; t < 2; t++) {
                cases.add(Arguments.of("random cubic " + order + " #" + t,
                        SymmetricGraphs.randomCubic(order, random)));
            }
        }
        cases.add(Arguments.of("C60", SymmetricGraphs.c60(1.0)));
        cases.add(Arguments.of("C60 with double bonds", SymmetricGraphs.c60(2.0)));
        cases.add(Arguments.of("Petersen", SymmetricGraphs.petersen()));
        cases.add(Arguments.of("Kneser K(7, 2)", SymmetricGraphs.kneser(7)));
        for (int d = 3; d <= 6; d++) {
            cases.add(Arguments.of("hypercube Q" + d, SymmetricGraphs.hypercube(d)));
        }
        cases.add(Arguments.of("Paley 29", SymmetricGraphs.paley(29)));
        cases.add(Arguments.of("Paley 37", SymmetricGraphs.paley(37)));
        cases.add(Arguments.of("Shrikhande", SymmetricGraphs.shrikhande()));
        cases.add(Arguments.of("rook 4 x 4", SymmetricGraphs.rook4()));
        cases.add(Arguments.of("triangular T(8)", SymmetricGraphs.triangular(8)));
        cases.add(Arguments.of("Chang", SymmetricGraphs.chang()));
        cases.add(Arguments.of("torus 6 x 7", SymmetricGraphs.torus(6, 7)));
        cases.add(Arguments.of("circulant 40 (1, 7)", SymmetricGraphs.circulant(40, 1, 7)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void relabelledCopiesAreFoundAtDistanceZero(String family, Graph g) {
        SplittableRandom random = new SplittableRandom(SEED + g.order());
        for (int t = 0; t < RELABELLINGS; t++) {
            Graph h = g.permute(Permutation.random(g.order(), random));
            GraphSpace space = GraphSpace.of(List.of(g, h));
            for (String preset : new String[] {"faq", "fast"}) {
                Aligner aligner = Aligners.byName(preset, t);
                String where = family + ", " + preset + ", relabelling " + t;
                Alignment alignment = aligner.align(space, g, h);
                assertEquals(0.0, alignment.distance(), where);
                assertTrue(alignment.certified(), where);
                assertEquals(0.0, space.distance(g, h, alignment.permutation()), where);
                assertEquals(0.0, aligner.align(space, h, g).distance(), where);
            }
        }
    }

    @Test
    void testersCubicGraphOfOrder16IsFound() {
        int[][] edges = {{0, 6}, {0, 9}, {0, 12}, {1, 13}, {1, 14}, {1, 15}, {2, 3}, {2, 5},
            {2, 8}, {3, 7}, {3, 14}, {4, 6}, {4, 10}, {4, 11}, {5, 11}, {5, 15}, {6, 8},
            {7, 11}, {7, 12}, {8, 15}, {9, 10}, {9, 14}, {10, 13}, {12, 13}};
        Graph.Builder builder = Graph.builder(1, 1);
        for (int i = 0; i < 16; i++) {
            builder.addNode(1);
        }
        for (int[] edge : edges) {
            builder.addEdge(edge[0], edge[1], 1);
        }
        Graph g = builder.build();
        Graph h = g.permute(Permutation.of(9, 14, 1, 8, 4, 15, 10, 2, 7, 3, 5, 13, 6, 11, 0,
                12));
        GraphSpace space = GraphSpace.of(List.of(g, h));
        for (String preset : new String[] {"faq", "fast", "multistart", "thorough"}) {
            Alignment alignment = Aligners.byName(preset, 1L).align(space, g, h);
            assertEquals(0.0, alignment.distance(), preset);
            assertTrue(alignment.certified(), preset);
        }
    }

    @Test
    void directedCirculantsAndPaddedCopiesAreFound() {
        // Arcs i -> i + 1 and i -> i + 5 (mod 30): directed and vertex-transitive.
        Graph.Builder builder = Graph.builder(0, 1).directed(true);
        for (int i = 0; i < 30; i++) {
            builder.addNode();
        }
        for (int i = 0; i < 30; i++) {
            builder.addEdge(i, (i + 1) % 30, 1.0).addEdge(i, (i + 5) % 30, 2.0);
        }
        Graph directed = builder.build();
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Graph relabelled = directed.permute(Permutation.random(30, random));
        GraphSpace space = GraphSpace.of(List.of(directed, relabelled));
        Alignment alignment = Aligners.defaultAligner(3L).align(space, directed, relabelled);
        assertEquals(0.0, alignment.distance());
        assertTrue(alignment.certified());

        // A cycle against a relabelled copy with one isolated node more: the padding node of
        // the cycle matches it.
        Graph cycle = MatchTesting.cycle(40);
        Graph padded = cycle.pad(41).permute(Permutation.random(41, random));
        GraphSpace paddedSpace = GraphSpace.of(List.of(cycle, padded));
        Alignment paddedAlignment = Aligners.defaultAligner(3L).align(paddedSpace, cycle,
                padded);
        assertEquals(0.0, paddedAlignment.distance());
        assertTrue(paddedAlignment.certified());
    }

    @Test
    void nodeAttributesCountOnlyWithAPositiveNodeWeight() {
        // A cycle whose nodes carry their index as attribute, against a relabelled copy
        // with other attributes: at node weight 0 they are at distance 0.
        Graph.Builder builder = Graph.builder(1, 1);
        Graph.Builder other = Graph.builder(1, 1);
        for (int i = 0; i < 50; i++) {
            builder.addNode(i);
            other.addNode(2 * i + 1);
        }
        for (int i = 0; i < 50; i++) {
            builder.addEdge(i, (i + 1) % 50, 1.0);
            other.addEdge(i, (i + 1) % 50, 1.0);
        }
        Graph x = builder.build();
        Graph y = other.build().permute(Permutation.random(50, new SplittableRandom(SEED)));
        GraphSpace unweighted = GraphSpace.of(List.of(x, y)).withWeights(0.0, 1.0);
        Alignment alignment = Aligners.defaultAligner(5L).align(unweighted, x, y);
        assertEquals(0.0, alignment.distance());
        assertTrue(alignment.certified());
        assertTrue(Aligners.defaultAligner(5L).align(unweighted.withWeights(1.0, 1.0), x, y)
                .distance() > 0.0);
    }

    static Stream<Arguments> nonIsomorphicPairs() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("Shrikhande and rook 4 x 4", SymmetricGraphs.shrikhande(),
                SymmetricGraphs.rook4()));
        cases.add(Arguments.of("T(8) and Chang", SymmetricGraphs.triangular(8),
                SymmetricGraphs.chang()));
        cases.add(Arguments.of("cycle 12 and two hexagons", MatchTesting.cycle(12),
                MatchTesting.cycles(6, 6)));
        for (int order : new int[] {20, 60}) {
            Graph first = SymmetricGraphs.randomCubic(order, random);
            Graph second = SymmetricGraphs.randomCubic(order, random);
            while (SymmetricGraphs.triangles(second) == SymmetricGraphs.triangles(first)) {
                second = SymmetricGraphs.randomCubic(order, random);
            }
            cases.add(Arguments.of("two cubic graphs of order " + order, first, second));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonIsomorphicPairs")
    void nonIsomorphicPairsWithEqualColouringsStayAboveZero(String pair, Graph g, Graph h) {
        assertNotIsomorphic(g, h);
        GraphSpace space = GraphSpace.of(List.of(g, h));
        for (String preset : new String[] {"faq", "fast"}) {
            Alignment alignment = Aligners.byName(preset, 1L).align(space, g, h);
            assertTrue(alignment.distance() > 0.0, pair + ", " + preset);
            assertFalse(alignment.certified(), pair + ", " + preset);
        }
    }

    @Test
    void alignmentsAreDeterministic() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        Graph cubic = SymmetricGraphs.randomCubic(60, random);
        Graph[][] pairs = {
            {cubic, cubic.permute(Permutation.random(60, random))},
            {SymmetricGraphs.triangular(8), SymmetricGraphs.chang()},
        };
        for (Graph[] pair : pairs) {
            GraphSpace space = GraphSpace.of(List.of(pair[0], pair[1]));
            Aligner aligner = Aligners.defaultAligner(9L);
            Alignment first = aligner.align(space, pair[0], pair[1]);
            Alignment again = aligner.align(space, pair[0], pair[1]);
            Alignment fresh = Aligners.defaultAligner(9L).align(space, pair[0], pair[1]);
            assertEquals(first.permutation(), again.permutation());
            assertEquals(first.permutation(), fresh.permutation());
            assertEquals(first.distance(), fresh.distance());
        }
    }

    /**
     * Checks that the pair, of equal order and size, differs in an isomorphism invariant: the
     * number of triangles, the clique number or the number of connected components.
     */
    private static void assertNotIsomorphic(Graph g, Graph h) {
        assertEquals(g.order(), h.order());
        assertEquals(g.edgeCount(), h.edgeCount());
        boolean differ = SymmetricGraphs.triangles(g) != SymmetricGraphs.triangles(h)
                || SymmetricGraphs.cliqueNumber(g) != SymmetricGraphs.cliqueNumber(h)
                || components(g) != components(h);
        assertTrue(differ, "the pair should differ in an invariant");
    }

    /** The number of connected components of an undirected graph. */
    private static int components(Graph g) {
        int[] component = new int[g.order()];
        Arrays.fill(component, -1);
        int count = 0;
        int[] stack = new int[g.order()];
        for (int s = 0; s < g.order(); s++) {
            if (component[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            component[s] = count;
            while (top > 0) {
                int v = stack[--top];
                for (int w : g.successors(v)) {
                    if (component[w] < 0) {
                        component[w] = count;
                        stack[top++] = w;
                    }
                }
            }
            count++;
        }
        return count;
    }
}
