package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The depth-first individualisation-refinement search: every bijection it reaches is an
 * isomorphism, it reaches each isomorphism exactly once (so a search that rejects them all
 * counts the automorphisms, known for the graphs here), it reaches none for non-isomorphic
 * pairs, and it keeps to its budget.
 */
class IsomorphismSearchTest {

    private static final long SEED = 20_261_207L;
    private static final long UNLIMITED = Long.MAX_VALUE;

    /** Runs a search that rejects every bijection; returns the distinct bijections met. */
    private static Set<List<Integer>> allLeaves(Graph g, Graph h, IsomorphismSearch search) {
        GraphSpace space = GraphSpace.of(List.of(g, h));
        int m = Math.max(g.order(), h.order());
        search.load(space, g, h, m);
        int[] noPreference = new int[m];
        Arrays.fill(noPreference, -1);
        Set<List<Integer>> leaves = new HashSet<>();
        int[] offered = {0};
        boolean found = search.search(UNLIMITED, noPreference, images -> {
            assertEquals(0.0, space.squaredDistance(g, h, Permutation.of(images.clone())));
            offered[0]++;
            leaves.add(Arrays.stream(images).boxed().toList());
            return false;
        }, new int[m]);
        assertFalse(found);
        assertEquals(offered[0], leaves.size(), "a bijection was offered twice");
        return leaves;
    }

    @Test
    void leavesAreTheIsomorphismsOnceEach() {
        SplittableRandom random = new SplittableRandom(SEED);
        // Automorphism group orders: dihedral 2n for the cycles, S_5 for the Petersen graph,
        // 2^d d! for the hypercubes, 120 (the full icosahedral group) for C60 and 192 for
        // the Shrikhande graph; C60 with its bonds between hexagons of value 2 keeps every
        // symmetry, and the directed circulant with two kinds of arcs only its rotations.
        Object[][] cases = {
            {MatchTesting.cycle(9), 18},
            {MatchTesting.cycle(30), 60},
            {SymmetricGraphs.petersen(), 120},
            {SymmetricGraphs.hypercube(3), 48},
            {SymmetricGraphs.hypercube(4), 384},
            {SymmetricGraphs.c60(1.0), 120},
            {SymmetricGraphs.c60(2.0), 120},
            {SymmetricGraphs.shrikhande(), 192},
            {directedCirculant(30, 1, 5), 30},
        };
        IsomorphismSearch search = new IsomorphismSearch();
        for (Object[] c : cases) {
            Graph g = (Graph) c[0];
            Graph h = g.permute(Permutation.random(g.order(), random));
            assertEquals((int) c[1], allLeaves(g, h, search).size(), g.toString());
        }
    }

    /** Arcs {@code i -> i + a} of value 1 and {@code i -> i + b} of value 2 (mod n). */
    private static Graph directedCirculant(int order, int a, int b) {
        Graph.Builder builder = Graph.builder(0, 1).directed(true);
        for (int i = 0; i < order; i++) {
            builder.addNode();
        }
        for (int i = 0; i < order; i++) {
            builder.addEdge(i, (i + a) % order, 1.0).addEdge(i, (i + b) % order, 2.0);
        }
        return builder.build();
    }

    @Test
    void nonIsomorphicPairsReachNoLeaf() {
        IsomorphismSearch search = new IsomorphismSearch();
        assertEquals(0, allLeaves(SymmetricGraphs.shrikhande(), SymmetricGraphs.rook4(),
                search).size());
        assertEquals(0, allLeaves(SymmetricGraphs.triangular(8), SymmetricGraphs.chang(),
                search).size());
        assertEquals(0, allLeaves(MatchTesting.cycle(12), MatchTesting.cycles(5, 7),
                search).size());
    }

    @Test
    void findsARelabelledCopyAndKeepsToTheBudget() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Graph g = SymmetricGraphs.randomCubic(80, random);
        Graph h = g.permute(Permutation.random(80, random));
        GraphSpace space = GraphSpace.of(List.of(g, h));
        IsomorphismSearch search = new IsomorphismSearch();
        search.load(space, g, h, 80);
        int[] noPreference = new int[80];
        Arrays.fill(noPreference, -1);
        int[] found = new int[80];
        assertTrue(search.search(FaqAligner.isomorphismBudget(80), noPreference,
                images -> true, found));
        assertEquals(0.0, space.squaredDistance(g, h, Permutation.of(found.clone())));
        assertTrue(search.refinements() <= FaqAligner.isomorphismBudget(80));

        int[] again = new int[80];
        assertTrue(search.search(FaqAligner.isomorphismBudget(80), noPreference,
                images -> true, again));
        assertArrayEquals(found, again);

        // A budget of one refinement ends at the uniform first colouring.
        assertFalse(search.search(1, noPreference, images -> true, again));
        assertEquals(1, search.refinements());

        // Non-isomorphic strongly regular graphs spend no more than the budget.
        GraphSpace pair = GraphSpace.of(List.of(SymmetricGraphs.triangular(8),
                SymmetricGraphs.chang()));
        search.load(pair, SymmetricGraphs.triangular(8), SymmetricGraphs.chang(), 28);
        int[] none = new int[28];
        Arrays.fill(none, -1);
        for (long budget : new long[] {1, 10, 100, FaqAligner.isomorphismBudget(28)}) {
            assertFalse(search.search(budget, none, images -> true, new int[28]));
            assertTrue(search.refinements() <= budget, "budget " + budget);
        }
    }

    @Test
    void nodesWithoutEdgesArePairedInOneStep() {
        // A cycle of 30 with 200 isolated nodes: the isolated nodes form one colour, paired
        // at once instead of one level per node; 3 refinements for the cycle, 1 for them.
        Graph.Builder builder = Graph.builder(0, 1);
        for (int i = 0; i < 230; i++) {
            builder.addNode();
        }
        for (int i = 0; i < 30; i++) {
            builder.addEdge(i, (i + 1) % 30, 1.0);
        }
        Graph g = builder.build();
        SplittableRandom random = new SplittableRandom(SEED + 3);
        Graph h = g.permute(Permutation.random(230, random));
        GraphSpace space = GraphSpace.of(List.of(g, h));
        IsomorphismSearch search = new IsomorphismSearch();
        search.load(space, g, h, 230);
        int[] none = new int[230];
        Arrays.fill(none, -1);
        int[] found = new int[230];
        assertTrue(search.search(UNLIMITED, none, images -> true, found));
        assertEquals(0.0, space.squaredDistance(g, h, Permutation.of(found)));
        assertEquals(4, search.refinements());

        // The padding nodes of a smaller graph are nodes without edges too.
        Graph cycle = MatchTesting.cycle(30);
        Graph padded = g.permute(Permutation.random(230, random));
        GraphSpace paddedSpace = GraphSpace.of(List.of(cycle, padded));
        search.load(paddedSpace, cycle, padded, 230);
        assertTrue(search.search(UNLIMITED, none, images -> true, found));
        assertEquals(0.0, paddedSpace.squaredDistance(cycle, padded, Permutation.of(found)));
    }

    @Test
    void preferredPartnersAreTriedFirst() {
        // On a cycle with the undoing of the relabelling preferred, the first bijection
        // reached is that one: its partners are tried first at every level, so the search
        // refines three times (the first colouring, one node, one of its neighbours).
        Graph g = MatchTesting.cycle(20);
        Permutation relabelling = Permutation.random(20, new SplittableRandom(SEED + 2));
        Graph h = g.permute(relabelling);
        IsomorphismSearch search = new IsomorphismSearch();
        search.load(GraphSpace.of(List.of(g, h)), g, h, 20);
        int[] found = new int[20];
        int[] preferred = relabelling.inverse().toArray();
        assertTrue(search.search(UNLIMITED, preferred, images -> true, found));
        assertArrayEquals(preferred, found);
        assertEquals(3, search.refinements());
    }

    @Test
    void edgeTypesDirectionsAndNodeAttributesSeparateColours() {
        // A directed 6-cycle with arc 0 -> 1 of value 2 and node 0 marked, against the same
        // cycle with every arc turned around. The only relabelling that maps arcs to arcs of
        // equal value is the reflection i -> 1 - i (mod 6), which sends the marked node 0
        // to the unmarked node 1: no isomorphism while node attributes count, one when the
        // node weight is 0.
        Graph.Builder forward = Graph.builder(1, 1).directed(true);
        Graph.Builder backward = Graph.builder(1, 1).directed(true);
        for (int i = 0; i < 6; i++) {
            forward.addNode(i == 0 ? 1.0 : 0.0);
            backward.addNode(i == 0 ? 1.0 : 0.0);
        }
        for (int i = 0; i < 6; i++) {
            double value = i == 0 ? 2.0 : 1.0;
            forward.addEdge(i, (i + 1) % 6, value);
            backward.addEdge((i + 1) % 6, i, value);
        }
        Graph g = forward.build();
        Graph h = backward.build();
        assertEquals(0, allLeaves(g, h, new IsomorphismSearch()).size());
        GraphSpace withoutNodes = GraphSpace.of(List.of(g, h)).withWeights(0.0, 1.0);
        IsomorphismSearch search = new IsomorphismSearch();
        search.load(withoutNodes, g, h, 6);
        int[] found = new int[6];
        int[] none = new int[6];
        Arrays.fill(none, -1);
        assertTrue(search.search(UNLIMITED, none, images -> true, found));
        assertArrayEquals(new int[] {1, 0, 5, 4, 3, 2}, found);
        assertEquals(0.0, withoutNodes.squaredDistance(g, h, Permutation.of(found)));
    }
}
