package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/** How node existence and edge presence are read from the channel names. */
class PresenceTest {

    /** Sums of a few exact binary fractions; any slack only absorbs rounding. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void theEdgeChannelIsTheEdgeProbability() {
        Presence p = Presence.edgePresence(List.of("orient", "angle", "edge"));

        assertTrue(p.isProbability());
        assertEquals(0.25, p.of(new double[] {3.0, -2.0, 0.25}), TOLERANCE);
    }

    @Test
    void aLeadingOneHotGroupSumsToTheEdgeProbability() {
        Presence p = Presence.edgePresence(List.of("bond=1", "bond=2", "length"));

        assertTrue(p.isProbability());
        assertEquals(0.75, p.of(new double[] {0.5, 0.25, 1.5}), TOLERANCE);
        assertTrue(p.source().contains("one-hot group 'bond'"), p.source());
    }

    @Test
    void otherEdgeChannelsGiveOnlyANorm() {
        Presence valence = Presence.edgePresence(List.of("valence"));
        Presence two = Presence.edgePresence(List.of("length", "bond=1"));

        assertEquals(Presence.NORM, valence.measure());
        assertEquals(1.75, valence.of(new double[] {1.75}), TOLERANCE);
        assertEquals(Presence.NORM, two.measure());
        assertEquals(2.5, two.of(new double[] {-2.0, 0.5}), TOLERANCE);
    }

    @Test
    void nodeExistenceFallsBackToAOneHotGroupThenToOne() {
        Presence exists = Presence.nodeExistence(List.of("x", "exists"));
        Presence group = Presence.nodeExistence(List.of("atom=C", "atom=O",
                "charge"));
        Presence none = Presence.nodeExistence(List.of("x", "y"));

        assertEquals(0.5, exists.of(new double[] {7.0, 0.5}), TOLERANCE);
        assertEquals(0.75, group.of(new double[] {0.5, 0.25, 2.0}), TOLERANCE);
        assertTrue(group.isProbability());
        assertEquals(1.0, none.of(new double[] {0.0, 0.0}), TOLERANCE);
        assertEquals(Presence.NONE, none.measure());
    }

    @Test
    void aVectorNeedsTheChannelWhenItIsZeroOrHasNoLabelOfTheLeadingGroup() {
        List<String> leading = List.of("bt=d", "bt=s", "w");
        List<String> trailing = List.of("w", "bt=d", "bt=s");

        assertTrue(Presence.needsChannel(new double[] {0.0, 0.0, 1.0}, leading),
                "no label of the leading group: its sum would read 0");
        assertFalse(Presence.needsChannel(new double[] {0.0, 1.0, 0.0}, leading));
        assertFalse(Presence.needsChannel(new double[] {0.0, 0.0, 1.0}, trailing),
                "a group that does not lead is no reading");
        assertTrue(Presence.needsChannel(new double[] {0.0, 0.0, 0.0}, trailing));
        assertFalse(Presence.needsChannel(new double[] {-1.0}, List.of("x")));
        assertTrue(Presence.needsChannel(new double[0], List.of()), "no attributes at all");
        assertThrows(IllegalArgumentException.class,
                () -> Presence.needsChannel(new double[2], leading));
    }

    @Test
    void nodesNeedTheExistenceChannelWhenSomeNodeHasNoLeadingLabel() {
        List<String> channels = List.of("atom=C", "atom=N", "x");
        Graph.Builder b = Graph.builder(3, 0);
        b.addNode(1.0, 0.0, 0.0);
        b.addNode(0.0, 1.0, 2.0);
        Graph labelled = b.build();
        Graph.Builder c = Graph.builder(3, 0);
        c.addNode(0.0, 0.0, 2.0);
        Graph gap = c.build();

        assertFalse(Presence.nodeChannelNeeded(List.of(labelled), channels));
        assertTrue(Presence.nodeChannelNeeded(List.of(labelled, gap), channels));
        assertFalse(NodeExistence.isNeeded(List.of(labelled, gap)),
                "no node is all zeros, so the gap alone asks for the channel");
    }

    @Test
    void anUnknownMeasureIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Presence("likelihood", "channel 'p'", 0, 1));

        assertTrue(e.getMessage().contains("likelihood"), e.getMessage());
    }
}
