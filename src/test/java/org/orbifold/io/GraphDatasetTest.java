package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

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
    void aNullElementIsNamedByItsListAndIndex() {
        Graph g = labelled(0);
        List<Graph> graphs = Arrays.asList(g, null);
        List<String> names = Arrays.asList("g1", null);
        List<String> nodes = List.of("atom=-1", "atom=2", "atom=10", "x");

        NullPointerException graph = assertThrows(NullPointerException.class,
                () -> new GraphDataset("d", graphs, List.of(), List.of("1", "2"), nodes,
                        List.of("edge")));
        NullPointerException name = assertThrows(NullPointerException.class,
                () -> new GraphDataset("d", List.of(g, g), List.of(), names, nodes,
                        List.of("edge")));

        assertEquals("graphs[1]", graph.getMessage());
        assertEquals("graphNames[1]", name.getMessage());
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
    /** A graph of these node vectors with the given undirected edges. */
    private static Graph graph(double[][] nodes, double[][] edges, int... pairs) {
        Graph.Builder b = Graph.builder(nodes[0].length, edges.length == 0 ? 1
                : edges[0].length);
        for (double[] node : nodes) {
            b.addNode(node);
        }
        for (int p = 0; p < pairs.length; p += 2) {
            b.addEdge(pairs[p], pairs[p + 1], edges[p / 2]);
        }
        return b.build();
    }

    private static String refused(List<Graph> graphs, List<String> nodeChannels,
            List<String> edgeChannels) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            names.add("g" + k);
        }
        return assertThrows(IllegalArgumentException.class, () -> new GraphDataset("d", graphs,
                List.of(), names, nodeChannels, edgeChannels)).getMessage();
    }

    /**
     * A hand-built data set keeps the readers' rule ({@link Presence#needsChannel}): a real
     * node that is all zeros looks like padding and is refused, with or without an existence
     * channel, naming the graph and the node; without the existence channel a node with no
     * label of the leading one-hot group is refused, and without the presence channel an edge
     * with no label of the leading one-hot edge group, naming its nodes.
     */
    @Test
    void aRealNodeOrEdgeThatWouldReadAsAbsentIsRefusedWithItsGraphAndPlace() {
        Graph fine = graph(new double[][] {{1, 0}, {0, 2}}, new double[][] {{1}}, 0, 1);
        Graph origin = graph(new double[][] {{1, 0}, {0, 0}}, new double[][] {{1}}, 0, 1);
        assertEquals("graph 1 ('g1') has node 1 with every attribute 0, so it looks like"
                + " padding (a null node); append the node-existence channel 'exists', 1 on"
                + " every real node (NodeExistence.append), as the readers do",
                refused(List.of(fine, origin), List.of("x", "y"), List.of("w")));
        Graph zeroExists = graph(new double[][] {{1, 1}, {0, 0}}, new double[][] {{1}}, 0, 1);
        assertEquals("graph 0 ('g0') has node 1 with every attribute 0, its existence channel"
                + " 'exists' too, so it looks like padding (a null node); give it existence 1,"
                + " as the readers do",
                refused(List.of(zeroExists), List.of("x", "exists"), List.of("edge")));

        // Node 1 has a coordinate but no atom label: the group's sum would read as existence.
        Graph unlabelled = graph(new double[][] {{1, 0, 0.5}, {0, 0, 2}},
                new double[][] {{1}}, 0, 1);
        assertEquals("graph 0 ('g0') has node 1 with no label of the one-hot group 'atom'"
                + " that starts the node channels (all its channels 0), whose sum is read as a"
                + " node's existence, so the node would count as absent; append the"
                + " node-existence channel 'exists', 1 on every real node"
                + " (NodeExistence.append), as the readers do",
                refused(List.of(unlabelled), List.of("atom=C", "atom=N", "x"), List.of("w")));
        List<Graph> withExists = NodeExistence.append(List.of(unlabelled));
        assertEquals(1, new GraphDataset("d", withExists, List.of(), List.of("g0"),
                List.of("atom=C", "atom=N", "x", "exists"), List.of("w")).size());

        // The edge from 1 to 2 has a weight but no bond type.
        Graph bonds = graph(new double[][] {{1}, {1}, {1}},
                new double[][] {{1, 0, 0.5}, {0, 0, 2}}, 0, 1, 1, 2);
        assertEquals("graph 0 ('g0') has the edge from node 1 to node 2 with no label of the"
                + " one-hot group 'bt' that starts the edge channels (all its channels 0), whose"
                + " sum is read as an edge's presence, so the edge would count as absent; append"
                + " the edge-presence channel 'edge', 1 on every edge, as the readers do",
                refused(List.of(bonds), List.of("x"), List.of("bt=1", "bt=2", "w")));
        Graph present = graph(new double[][] {{1}, {1}, {1}},
                new double[][] {{1, 0, 0.5, 1}, {0, 0, 2, 1}}, 0, 1, 1, 2);
        assertEquals(1, new GraphDataset("d", List.of(present), List.of(), List.of("g0"),
                List.of("x"), List.of("bt=1", "bt=2", "w", "edge")).size());

        // What the readers accept stays accepted: numeric channels, labelled groups.
        assertEquals(2, new GraphDataset("d", List.of(fine, fine), List.of(), List.of("a",
                "b"), List.of("x", "y"), List.of("w")).size());
        assertEquals(4, sample().size());
    }

    /**
     * Without the existence channel a node's existence is the sum of the leading one-hot group
     * ({@link Presence#nodeExistence}), so a negative value there could cancel its label: node
     * values {@code [1, -1]} read as existence 0. Such a value is refused, naming the graph,
     * the node (the edge's nodes), the value and its channel; the same values pass when the
     * existence (presence) channel is there, and non-negative weights other than 1 (a scaled
     * group, a label distribution) pass too, their sum read as existence.
     */
    @Test
    void aNegativeValueInTheLeadingOneHotGroupReadAsExistenceIsRefused() {
        Graph cancelling = graph(new double[][] {{1, 0}, {1, -1}}, new double[][] {{1}}, 0, 1);
        assertEquals(0.0, Presence.nodeExistence(List.of("a=x", "a=y"))
                .of(cancelling.nodeVector(1)));
        assertEquals("graph 0 ('g0') has node 1 with the value -1.0 in the channel 'a=y' of"
                + " the one-hot group 'a' that starts the node channels, whose sum is read as a"
                + " node's existence; a label's weight must be 0 or more (the readers write 1"
                + " for the label, 0 for the others), else labels cancel in the sum; give it"
                + " such a weight, or append the node-existence channel 'exists', 1 on every"
                + " real node (NodeExistence.append)",
                refused(List.of(cancelling), List.of("a=x", "a=y"), List.of("w")));

        // A negative value with a positive sum, and one beside no positive label, in graph 1.
        Graph fine = graph(new double[][] {{1, 0, 3}, {0, 1, -3}}, new double[][] {{1}}, 0, 1);
        Graph positiveSum = graph(new double[][] {{2, -0.5, 1}}, new double[0][]);
        assertTrue(refused(List.of(fine, positiveSum), List.of("a=x", "a=y", "z"),
                List.of("w")).startsWith("graph 1 ('g1') has node 0 with the value -0.5 in the"
                + " channel 'a=y' of the one-hot group 'a'"));
        Graph onlyNegative = graph(new double[][] {{0, -2, 1}}, new double[0][]);
        assertTrue(refused(List.of(fine, onlyNegative), List.of("a=x", "a=y", "z"),
                List.of("w")).startsWith("graph 1 ('g1') has node 0 with the value -2.0 in the"
                + " channel 'a=y' of the one-hot group 'a'"));

        // A numeric channel may be negative, and so may a group that is not read as existence.
        assertEquals(1, new GraphDataset("d", List.of(fine), List.of(), List.of("g0"),
                List.of("a=x", "a=y", "z"), List.of("w")).size());
        assertEquals(1, new GraphDataset("d", NodeExistence.append(List.of(cancelling)),
                List.of(), List.of("g0"), List.of("a=x", "a=y", "exists"), List.of("w"))
                .size());
        assertEquals(1, new GraphDataset("d", List.of(cancelling), List.of(), List.of("g0"),
                List.of("z", "a=x"), List.of("w")).size());

        // Weights of 0 or more: a scaled label (2) and a label distribution (0.25, 0.75).
        Graph weighted = graph(new double[][] {{2, 0}, {0.25, 0.75}, {-0.0, 1}},
                new double[][] {{1}}, 0, 1);
        GraphDataset kept = new GraphDataset("d", List.of(weighted), List.of(), List.of("g0"),
                List.of("a=x", "a=y"), List.of("w"));
        Presence existence = Presence.nodeExistence(kept.nodeChannels());
        assertEquals(2.0, existence.of(kept.graphs().get(0).nodeVector(0)));
        assertEquals(1.0, existence.of(kept.graphs().get(0).nodeVector(1)));

        // Edges: bond values [1, -1] on the edge from 1 to 2 would read as presence 0.
        Graph bonds = graph(new double[][] {{1}, {1}, {1}},
                new double[][] {{1, 0, 0.5}, {1, -1, 2}}, 0, 1, 1, 2);
        assertEquals("graph 0 ('g0') has the edge from node 1 to node 2 with the value -1.0 in"
                + " the channel 'bt=2' of the one-hot group 'bt' that starts the edge channels,"
                + " whose sum is read as an edge's presence; a label's weight must be 0 or more"
                + " (the readers write 1 for the label, 0 for the others), else labels cancel"
                + " in the sum; give it such a weight, or append the edge-presence channel"
                + " 'edge', 1 on every edge",
                refused(List.of(bonds), List.of("x"), List.of("bt=1", "bt=2", "w")));
        Graph present = graph(new double[][] {{1}, {1}, {1}},
                new double[][] {{1, 0, 0.5, 1}, {1, -1, 2, 1}}, 0, 1, 1, 2);
        assertEquals(1, new GraphDataset("d", List.of(present), List.of(), List.of("g0"),
                List.of("x"), List.of("bt=1", "bt=2", "w", "edge")).size());
    }
}
