package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
import org.orbifold.space.WeightedOverflowException;

/**
 * Attributes whose squares underflow give no certificates, attributes whose products overflow
 * are refused by name by every aligner, oversized warm starts are refused, and the composite
 * aligners describe themselves.
 */
class UnderflowAndApiTest {

    /** A path whose nodes carry {@code scale * values[i]} and whose edges carry {@code scale}. */
    private static Graph path(double scale, double... values) {
        Graph.Builder b = Graph.builder(1, 1);
        for (double v : values) {
            b.addNode(v * scale);
        }
        for (int i = 0; i + 1 < values.length; i++) {
            b.addEdge(i, i + 1, scale);
        }
        return b.build();
    }

    @Test
    void underflowingPairsAreNeverCertifiedAndTheirDistanceIsTrue() {
        for (double scale : new double[] {1e-170, 1e-200}) {
            Graph x = path(scale, 1, 2, 3);
            Graph y = path(scale, 3, 1, 2, 5);
            GraphSpace space = GraphSpace.of(List.of(x, y));
            GraphSpace unitSpace = GraphSpace.of(List.of(path(1.0, 1, 2, 3),
                    path(1.0, 3, 1, 2, 5)));
            double optimum = MatchTesting.bruteForceDistance(unitSpace, path(1.0, 1, 2, 3),
                    path(1.0, 3, 1, 2, 5), 4) * scale;
            for (String name : Aligners.names()) {
                String what = name + " at scale " + scale;
                Alignment found = Aligners.byName(name, 1).align(space, x, y);

                assertFalse(found.certified(), what + ": " + found);
                double attained = unitSpace.distance(path(1.0, 1, 2, 3),
                        path(1.0, 3, 1, 2, 5), found.permutation()) * scale;
                assertEquals(attained, found.distance(), 1e-13 * attained, what);
                assertTrue(found.distance() >= optimum * (1 - 1e-13), what);
            }
        }
    }

    /** Two nodes with attributes (1, a) and (1, b) joined by an edge of weight 1. */
    private static Graph unitPair(double a, double b) {
        Graph.Builder builder = Graph.builder(2, 1);
        builder.addNode(1.0, a);
        builder.addNode(1.0, b);
        builder.addEdge(0, 1, 1.0);
        return builder.build();
    }

    @Test
    void tinyDifferencesNextToUnitChannelsKeepTheirDistance() {
        // A unit channel (like the existence channel) and unit edges beside tiny attributes:
        // the squared differences underflow, the largest attribute does not.
        Graph x = unitPair(1e-170, 3e-170);
        Graph y = unitPair(2e-170, 5e-170);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Permutation identity = Permutation.identity(2);

        double expected = Math.sqrt(1.0 + 4.0) * 1e-170;
        assertFalse(space.coincides(x, y, identity));
        assertEquals(expected, space.distance(x, y, identity), 1e-12 * expected);
        assertEquals(expected, space.distance(y, x, identity), 1e-12 * expected);
        assertEquals(0.0, space.distance(x, x, identity));
        assertThrows(IllegalArgumentException.class,
                () -> space.moveToward(x, y, Permutation.identity(3), 0.5));
    }

    @Test
    void tinyGraphsAreCertifiedExactlyWhenTheyCoincide() {
        Graph x = path(1e-170, 1, 2, 3);
        Graph y = x.permute(Permutation.of(1, 2, 0));
        GraphSpace space = GraphSpace.of(List.of(x, y));
        for (String name : Aligners.names()) {
            Alignment found = Aligners.byName(name, 1).align(space, x, y);
            boolean coincide = space.coincides(x, y, found.permutation());

            assertEquals(coincide, found.certified(), name + ": " + found);
            assertEquals(coincide, found.distance() == 0.0, name + ": " + found);
            Alignment same = Aligners.byName(name, 1).align(space, x, x);
            assertTrue(same.certified() && same.distance() == 0.0, name + ": " + same);
        }
    }

    @Test
    void ofCertifiesAZeroOnlyWhenTheGraphsCoincide() {
        Graph x = path(1e-170, 1, 2, 3);
        Graph y = path(1e-170, 3, 1, 2);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Permutation identity = Permutation.identity(3);
        assertEquals(0.0, space.squaredDistance(x, y, identity));

        assertEquals(Alignment.Unproven.HEURISTIC,
                Alignment.of(space, x, y, identity, false).unproven());
        assertEquals(Alignment.Unproven.ROUNDING,
                Alignment.of(space, x, y, identity, true).unproven(),
                "a proof on underflowed values is refused");
        assertTrue(Alignment.of(space, x, x, identity, false).certified());
        assertEquals(space.distance(x, y, identity),
                Alignment.of(space, x, y, identity, false).distance());
        assertTrue(Alignment.of(space, x, y, identity, false).distance() > 1e-170);
        // The only permutation of one node is optimal whatever the values.
        Graph a = path(1e-170, 1);
        Graph b = path(1e-170, 2);
        assertTrue(Alignment.of(GraphSpace.of(List.of(a, b)), a, b, Permutation.identity(1),
                true).certified());
    }

    @Test
    void overflowingAttributesAreRefusedByNameByEveryAligner() {
        Graph x = path(1e160, 1, 2, 3);
        Graph y = path(1e160, 3, 1, 2, 5);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        for (String name : Aligners.names()) {
            WeightedOverflowException e = assertThrows(WeightedOverflowException.class,
                    () -> Aligners.byName(name, 1).align(space, x, y), name);
            assertTrue(e.getMessage().contains("node weight 1"), name + ": " + e.getMessage());
        }
    }

    @Test
    void warmStartsLargerThanTheSpaceAreRefused() {
        Graph x = path(1.0, 1, 2, 3);
        Graph y = path(1.0, 3, 1, 2, 5);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Permutation start = Permutation.identity(5);
        for (String name : Aligners.names()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Aligners.byName(name, 1).align(space, x, y, start), name);
            assertTrue(e.getMessage().contains("alignment of size 5 does not fit a space of"
                    + " size 4"), name + ": " + e.getMessage());
            assertEquals(4, Aligners.byName(name, 1).align(space, x, y,
                    Permutation.identity(4)).permutation().size(), name);
        }
        assertThrows(IllegalArgumentException.class,
                () -> LocalSearch.improve(space, x, y, start));
        assertThrows(IllegalArgumentException.class,
                () -> new TabuSearch(1L).search(space, x, y, start));
    }

    @Test
    void compositeAlignersDescribeTheirOptions() {
        Aligner thorough = Aligners.byName("thorough", 3);
        assertTrue(thorough instanceof TabuAligner);
        String text = thorough.toString();
        assertTrue(text.startsWith("TabuAligner[name=thorough, base=FaqAligner[")
                && text.contains("search=TabuSearch[seed="), text);
        BestOfAligner best = new BestOfAligner("both", List.of(new NodeAssignmentAligner(),
                Aligners.byName("ga", 1)));
        assertTrue(best.toString().startsWith("BestOfAligner[name=both,"
                + " members=[NodeAssignmentAligner, GraduatedAssignmentAligner["),
                best.toString());
    }
}
