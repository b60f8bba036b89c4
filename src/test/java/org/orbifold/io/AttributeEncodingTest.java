package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests of the note of {@link AttributeEncoding} on a text attribute that acts as an
 * identifier: a different value on every node (or edge) that has it, so that no two graphs
 * share a category of it; of the memory check; and of the existence channels added for a
 * leading one-hot group with gaps.
 */
class AttributeEncodingTest {

    /** A path a - b - c - ... with the given node values of attribute 'id' and edge values. */
    private static RawGraph path(String name, List<String> nodeValues, List<String> edgeValues) {
        RawGraph g = new RawGraph(name, null);
        for (String value : nodeValues) {
            g.nodes.add(value == null ? Map.of() : Map.of("id", value));
        }
        for (int k = 0; k + 1 < nodeValues.size(); k++) {
            Map<String, Object> edge = edgeValues.get(k) == null ? Map.of()
                    : Map.of("spline", edgeValues.get(k));
            g.edges.put(RawGraph.pair(k, k + 1), edge);
            g.edges.put(RawGraph.pair(k + 1, k), edge);
        }
        return g;
    }

    /** One edge 0-1 with the given attributes, and nodes with the given attributes. */
    private static RawGraph edge(List<Map<String, Object>> nodes, Map<String, Object> edge) {
        RawGraph g = new RawGraph("e", null);
        g.nodes.addAll(nodes);
        g.edges.put(RawGraph.pair(0, 1), edge);
        g.edges.put(RawGraph.pair(1, 0), edge);
        return g;
    }

    /**
     * An edge without a label of the leading one-hot group, but with a weight, gets the
     * channel 'edge': otherwise its presence would read as the group's sum, 0.
     */
    @Test
    void aLeadingEdgeGroupWithAGapAddsTheEdgeChannel() {
        List<Map<String, Object>> nodes = List.of(Map.of("x", 1.0), Map.of("x", 2.0));
        RawGraph labelled = edge(nodes, ordered("bt", "s", "w", 1.0));
        RawGraph unlabelled = edge(nodes, Map.of("w", 1.0));

        AttributeEncoding.Encoded gap = AttributeEncoding.encode(List.of(labelled, unlabelled),
                100);
        AttributeEncoding.Encoded full = AttributeEncoding.encode(List.of(labelled, labelled),
                100);

        assertEquals(List.of("bt=s", "w", "edge"), gap.edgeChannels());
        assertEquals(List.of(0.0, 1.0, 1.0), boxed(gap.graphs().get(1).edgeVector(0, 1)));
        assertTrue(gap.notes().contains("edge channel 'edge' = 1 on every edge, since some edges"
                + " have no label of the leading one-hot group 'bt' (missing, encoded as zero),"
                + " whose sum would otherwise be read as the presence of the edge"),
                gap.notes().toString());
        assertEquals(List.of("bt=s", "w"), full.edgeChannels(), "every edge labelled");
        assertEquals(List.of("x"), full.nodeChannels(), "no node at the origin");
    }

    /** Nodes likewise: a node without a label of the leading group gets 'exists'. */
    @Test
    void aLeadingNodeGroupWithAGapAddsTheExistenceChannel() {
        RawGraph g = edge(List.of(ordered("atom", "C", "x", 1.0), Map.of("x", 2.0)),
                Map.of("w", 1.0));

        AttributeEncoding.Encoded e = AttributeEncoding.encode(List.of(g), 100);

        assertEquals(List.of("atom=C", "x", "exists"), e.nodeChannels());
        assertEquals(List.of(0.0, 2.0, 1.0), boxed(e.graphs().get(0).nodeVector(1)));
        assertTrue(e.notes().contains("node channel 'exists' = 1 on every node, since some"
                + " nodes have no label of the leading one-hot group 'atom' (missing, encoded as"
                + " zero), whose sum would otherwise be read as the existence of the node"),
                e.notes().toString());
        assertEquals(List.of("w"), e.edgeChannels());
    }

    /** A map of the given keys and values in this order, the order of the channels. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return map;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<String> notes(RawGraph... graphs) {
        return AttributeEncoding.encode(List.of(graphs), 100).notes();
    }

    private static List<String> identifierNotes(RawGraph... graphs) {
        List<String> found = new ArrayList<>();
        for (String note : notes(graphs)) {
            if (note.contains("acts as an identifier")) {
                found.add(note);
            }
        }
        return found;
    }

    @Test
    void aTextAttributeWithADifferentValueOnEveryNodeOfTwoGraphsIsNamed() {
        RawGraph first = path("a", List.of("27,18", "27,90", "27,162"),
                List.of("27,36 27,72", "27,108 27,144"));
        RawGraph second = path("b", List.of("18,18", "90,18", "162,18"),
                List.of("36,18 72,18", "108,18 144,18"));

        List<String> found = identifierNotes(first, second);

        assertEquals(List.of("node attribute 'id' has a different value on each of the 6 nodes"
                + " that have it, so it acts as an identifier: each of its one-hot channels is 1"
                + " on a single node and matches nothing in another graph, which makes every"
                + " graph distinct from every other; remove it from the files unless it is a"
                + " label", "edge attribute 'spline' has a different value on each of the 4"
                + " edges that have it, so it acts as an identifier: each of its one-hot channels"
                + " is 1 on a single edge and matches nothing in another graph, which makes every"
                + " graph distinct from every other; remove it from the files unless it is a"
                + " label"), found);
        assertEquals(6, AttributeEncoding.encode(List.of(first, second), 100).nodeChannels()
                .stream().filter(c -> c.startsWith("id=")).count(), "kept, not dropped");
    }

    @Test
    void nodesWithoutTheAttributeDoNotCountAndOneRepeatedValueSilencesTheNote() {
        RawGraph gaps = path("a", Arrays.asList("x", null, "y"),
                Arrays.asList(null, null));
        RawGraph other = path("b", List.of("z", "w"), Arrays.asList((String) null));
        RawGraph repeated = path("c", List.of("x", "v"), Arrays.asList((String) null));

        assertEquals(1, identifierNotes(gaps, other).size());
        assertTrue(identifierNotes(gaps, other).get(0).contains("each of the 4 nodes"),
                identifierNotes(gaps, other).toString());
        assertEquals(List.of(), identifierNotes(gaps, repeated));
    }

    @Test
    void oneGraphOrFewerThanThreeValuesOrALeftOutAttributeHaveNoNote() {
        RawGraph single = path("a", List.of("C", "N", "O", "S"), List.of("1", "2", "3"));
        RawGraph two = path("b", List.of("C"), List.of());
        RawGraph three = path("c", List.of("N"), List.of());
        List<String> many = new ArrayList<>();
        for (int k = 0; k < 101; k++) {
            many.add("v" + k);
        }
        List<String> manyEdges = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            manyEdges.add("e" + k);
        }
        RawGraph wide = path("d", many, manyEdges);

        assertEquals(List.of(), identifierNotes(single));
        assertEquals(List.of(), identifierNotes(two, three));
        assertEquals(List.of(), identifierNotes(wide, three));
        assertTrue(notes(wide, three).contains("node attribute 'id' left out: it has 102"
                + " distinct labels, more than the 100 a one-hot code allows here"),
                notes(wide, three).toString());
    }

    /**
     * A long attribute name is quoted abbreviated in the notes (40 characters and its
     * length), as channel lines show it: a name of 200,000 characters missing on some nodes
     * made notes of 200,000 characters.
     */
    @Test
    void notesQuoteALongAttributeNameAbbreviated() {
        String name = "N".repeat(200_000);
        RawGraph first = new RawGraph("a", null);
        RawGraph second = new RawGraph("b", null);
        for (int k = 0; k < 4; k++) {
            first.nodes.add(Map.of(name, "v" + k));
            second.nodes.add(k == 0 ? Map.of() : Map.of(name, "w" + k));
        }
        List<String> notes = notes(first, second);
        String shown = "'" + "N".repeat(40) + "...' (200000 characters)";
        assertTrue(notes.contains("node attribute " + shown + " is missing on 1 of 8 nodes and"
                + " encoded as zero there"), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("node attribute " + shown
                + " has a different value on each of the 7 nodes")), notes.toString());
        for (String note : notes) {
            assertTrue(note.length() < 1000, () -> note.substring(0, 100));
        }
    }
    /**
     * The cost of the matrices, 8 (n d + n^2 e) bytes summed over the graphs, is checked
     * before they are built, and the message names the one-hot node channels of a label that
     * differs on every node, not the edge channels, when they are the cost.
     */
    @Test
    void memoryShortfallNamesTheRealCost() {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            labels.add("v" + k);
        }
        RawGraph g = path("g", labels, java.util.Collections.nCopies(999, null));
        AttributeEncoding.Encoded e = AttributeEncoding.encode(List.of(g), Integer.MAX_VALUE);
        List<String> nodeChannels = e.nodeChannels().stream()
                .filter(c -> c.startsWith("id=")).toList();
        assertEquals(1000, nodeChannels.size());
        // 1000 nodes x (1000 channels and the existence channel) x 8 bytes = 7.6 MB (2^20
        // bytes each), about as many for the 10^6 pairs x 1 edge channel; reading them takes
        // twice the sum.
        long exact = 2 * (8L * 1000 * 1001 + 8L * 1000 * 1000);
        assertEquals(null, AttributeEncoding.memoryShortfall(List.of(g), nodeChannels,
                List.of("edge"), exact));
        String message = AttributeEncoding.memoryShortfall(List.of(g), nodeChannels,
                List.of("edge"), exact - 1);
        assertEquals("the graphs' matrices would take 16 MB, and reading them about twice"
                + " that, more than the 31 MB available: 8 bytes for each of 1000 nodes times"
                + " 1001 node channels (with the existence channel 'exists'), 1000 of them"
                + " one-hot channels of node attribute 'id',"
                + " one per distinct label (8 MB), and of 1000000 ordered node pairs times 1"
                + " edge channel (8 MB)", message);
        // With three edge channels the edges cost more and come first.
        String edges = AttributeEncoding.memoryShortfall(List.of(g), nodeChannels,
                List.of("a", "b", "c"), 1000);
        assertTrue(edges.startsWith("the graphs' matrices would take 31 MB, and reading them"
                + " about twice that, more than the 1 MB available: 8 bytes for each of 1000000"
                + " ordered node pairs times 3 edge channels (23 MB), and of 1000 nodes"), edges);
    }

    /**
     * The node channels of the estimate are those that {@code orbifold info} shows: the
     * attributes' channels and the existence channel, which the reader or the command line
     * appends, unless the data already has a channel of that name.
     */
    @Test
    void memoryShortfallCountsTheExistenceChannel() {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            labels.add("v" + (k % 50));
        }
        RawGraph g = path("g", labels, java.util.Collections.nCopies(99, null));
        List<String> fifty = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            fifty.add("id=v" + k);
        }
        // 100 nodes x 51 channels and 10^4 pairs x 1 edge channel, 8 bytes each, twice.
        long exact = 2 * (8L * 100 * 51 + 8L * 100 * 100);
        assertEquals(null, AttributeEncoding.memoryShortfall(List.of(g), fifty,
                List.of("edge"), exact));
        String message = AttributeEncoding.memoryShortfall(List.of(g), fifty, List.of("edge"),
                exact - 1);
        assertTrue(message.contains("100 nodes times 51 node channels (with the existence"
                + " channel 'exists'), 50 of them one-hot channels of node attribute 'id'"),
                message);
        // A channel of that name in the data is the existence channel: none is added.
        List<String> withExists = new ArrayList<>(fifty);
        withExists.add(org.orbifold.space.NodeExistence.CHANNEL_NAME);
        assertEquals(null, AttributeEncoding.memoryShortfall(List.of(g), withExists,
                List.of("edge"), exact));
        String same = AttributeEncoding.memoryShortfall(List.of(g), withExists,
                List.of("edge"), exact - 1);
        assertTrue(same.contains("100 nodes times 51 node channels, 50 of them one-hot"), same);
        // The widest attribute is named only when it holds more than half of all channels,
        // the existence channel included: 1 of 2 is not more than half.
        String single = AttributeEncoding.memoryShortfall(List.of(g), List.of("id=v0"),
                List.of("edge"), 1);
        assertTrue(single.endsWith("and of 100 nodes times 2 node channels (with the"
                + " existence channel 'exists') (1 MB)"), single);
    }
}
