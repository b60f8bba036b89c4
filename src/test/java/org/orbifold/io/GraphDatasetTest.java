package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;

class GraphDatasetTest {

    /** A one-node graph whose node carries the one-hot code of label index k of 3. */
    private static Graph labelled(int k) {
        double[] code = new double[4];
        code[k] = 1.0;
        code[3] = 2.5;
        Graph.Builder builder = Graph.builder(4, 1);
        builder.addNode(code);
        return builder.build();
    }

    private static GraphDataset sample() {
        return new GraphDataset("toy", List.of(labelled(0), labelled(1), labelled(2),
                labelled(1)), List.of("b", "a", "b", "c"), List.of("g1", "g2", "g3", "g4"),
                List.of("atom=-1", "atom=2", "atom=10", "x"), List.of("edge"));
    }

    @Test
    void classesAreDistinctInLabelEncoderOrder() {
        assertEquals(List.of("a", "b", "c"), sample().classes());
        GraphDataset numeric = sample().mapClasses(s -> s.equals("a") ? "10" : s.equals("b")
                ? "-1" : "2");
        assertEquals(List.of("-1", "2", "10"), numeric.classes());
    }

    @Test
    void withNotesAddsTheNotesAfterItsOwnAndKeepsTheRest() {
        GraphDataset noted = sample().withNotes(List.of("one")).withNotes(List.of("two",
                "three"));
        assertEquals(List.of("one", "two", "three"), noted.notes());
        assertEquals(sample().graphs(), noted.graphs());
        assertEquals(sample().classLabels(), noted.classLabels());
        assertEquals(sample().graphNames(), noted.graphNames());
        assertEquals(sample().nodeChannels(), noted.nodeChannels());
        assertEquals(sample().edgeChannels(), noted.edgeChannels());
        assertEquals("toy", noted.name());
    }

    @Test
    void ofClassKeepsTheGraphsOfThatClassInOrder() {
        GraphDataset b = sample().ofClass("b");
        assertEquals(2, b.size());
        assertEquals(List.of("g1", "g3"), b.graphNames());
        assertEquals(List.of("b", "b"), b.classLabels());
        assertEquals(sample().graphs().get(2), b.graphs().get(1));
    }

    @Test
    void ofClassNamesTheUnknownClassAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sample().ofClass("z"));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertTrue(e.getMessage().contains("[a, b, c]"), e.getMessage());
    }

    @Test
    void groupsDecodeOneHotChannels() {
        GraphDataset d = sample();
        List<ChannelGroup> groups = d.nodeGroups();
        assertEquals(2, groups.size());
        assertEquals("atom", groups.get(0).name());
        assertEquals(3, groups.get(0).size());
        assertTrue(groups.get(0).isOneHot());
        assertEquals("x", groups.get(1).name());
        assertEquals(3, groups.get(1).offset());
        assertFalse(groups.get(1).isOneHot());
        // A label distribution, as on a mean graph: 0.2 / 0.5 / 0.3 decodes to the middle label.
        assertEquals("2", groups.get(0).decode(new double[] {0.2, 0.5, 0.3, 1.0}));
        assertEquals("1.0", groups.get(1).decode(new double[] {0.2, 0.5, 0.3, 1.0}));
        assertEquals(List.of(new ChannelGroup("edge", 0, null)), d.edgeGroups());
    }

    @Test
    void listsAreUnmodifiableCopies() {
        List<String> names = new ArrayList<>(List.of("g"));
        GraphDataset d = new GraphDataset("one", List.of(labelled(0)), List.of(), names,
                List.of("atom=-1", "atom=2", "atom=10", "x"), List.of("edge"));
        names.set(0, "changed");
        assertEquals(List.of("g"), d.graphNames());
        assertThrows(UnsupportedOperationException.class, () -> d.graphNames().add("h"));
        assertFalse(d.hasClasses());
        assertEquals(List.of(), d.classes());
    }

    @Test
    void rejectsListsOfDifferentLengths() {
        Graph g = labelled(0);
        List<String> nodes = List.of("atom=-1", "atom=2", "atom=10", "x");
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new GraphDataset("d", List.of(g, g), List.of("a"), List.of("1", "2"),
                        nodes, List.of("edge")));
        assertTrue(labels.getMessage().contains("2 graphs but 1 class label"));
        assertThrows(IllegalArgumentException.class, () -> new GraphDataset("d", List.of(g),
                List.of(), List.of(), nodes, List.of("edge")));
    }

    @Test
    void rejectsDimensionsThatDisagreeWithChannelNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GraphDataset("d", List.of(labelled(0)), List.of(), List.of("g"),
                        List.of("x"), List.of("edge")));
        assertTrue(e.getMessage().contains("node dimension 4"), e.getMessage());
    }

    @Test
    void rejectsOneHotChannelsOutOfOrderSplitOrRepeated() {
        Graph g = labelled(0);
        assertThrows(IllegalArgumentException.class, () -> new GraphDataset("d", List.of(g),
                List.of(), List.of("g"), List.of("atom=2", "atom=-1", "atom=10", "x"),
                List.of("edge")));
        assertThrows(IllegalArgumentException.class, () -> new GraphDataset("d", List.of(g),
                List.of(), List.of("g"), List.of("atom=-1", "x", "atom=2", "y"),
                List.of("edge")));
        assertThrows(IllegalArgumentException.class, () -> new GraphDataset("d", List.of(g),
                List.of(), List.of("g"), List.of("x", "y", "x", "z"), List.of("edge")));
    }

    @Test
    void subsetAndDirectedness() {
        GraphDataset d = sample().subset(3, 0);
        assertEquals(List.of("g4", "g1"), d.graphNames());
        assertEquals(List.of("c", "b"), d.classLabels());
        assertFalse(d.isDirected());
        assertThrows(IndexOutOfBoundsException.class, () -> sample().subset(4));
    }
}
