package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NodeExistenceTest {

    /** Three nodes with existence values 1, 0.5 and 0.2 in the last of two channels. */
    private static Graph mean() {
        Graph.Builder b = Graph.builder(2, 1);
        b.addNode(1.0, 1.0);
        b.addNode(2.0, 0.5);
        b.addNode(3.0, 0.2);
        return b.addEdge(0, 1, 4.0).addEdge(1, 2, 5.0).build();
    }

    @Test
    void aNullGraphIsNamedByItsIndex() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> NodeExistence.isNeeded(Arrays.asList(mean(), null)));

        assertEquals("graphs[1]", e.getMessage());
    }

    @Test
    void keepsTheNodesAtOrAboveTheThreshold() {
        assertEquals(2, NodeExistence.keepExisting(mean(), 0.5).order());
        assertEquals(1, NodeExistence.keepExisting(mean(), 0.5).edgeCount());
        assertEquals(3, NodeExistence.keepExisting(mean(), 0.1).order());
        assertEquals(1, NodeExistence.keepExisting(mean(), 1.0).order());
    }

    @Test
    void refusesThresholdsThatMeanNothing() {
        for (double bad : new double[] {Double.NaN, 0.0, -0.5, 1.5,
            Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeExistence.keepExisting(mean(), bad));
            assertTrue(e.getMessage().contains("not in (0, 1]"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> NodeExistence.keepExisting(Graph.builder(0, 1).build(), 0.5));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> NodeExistence.keepExisting(null, 0.5));
        assertEquals("g", e.getMessage());
    }
}
