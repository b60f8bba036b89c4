package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit on distinct labels (docs/formats.md, encoding rules): a text attribute of GraphML,
 * GML and DOT with more than {@value GraphMlReader#MAX_CATEGORIES} distinct values is left out
 * with a note, one with exactly that many is kept; TU label files are exempt and keep every
 * label.
 */
class LabelLimitTest {

    @TempDir
    Path dir;

    /** Reads a graph of {@code count} nodes whose attribute {@code s} is v0, v1, .... */
    @FunctionalInterface
    private interface Format {
        GraphDataset read(int count) throws IOException;
    }

    @Test
    void graphMlGmlAndDotLeaveOutATextAttributeOfMoreThan100Values() throws IOException {
        List<Format> formats = List.of(
            count -> new GraphMlReader().read(write("g.graphml", "<?xml version=\"1.0\"?>\n"
                    + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"s\""
                    + " for=\"node\" attr.name=\"s\" attr.type=\"string\"/><graph"
                    + " edgedefault=\"undirected\">" + nodes(count, k -> "<node id=\"n" + k
                    + "\"><data key=\"s\">v" + k + "</data></node>") + "</graph></graphml>")),
            count -> new GmlReader().read(write("g.gml", "graph [" + nodes(count,
                    k -> " node [ id " + k + " s \"v" + k + "\" ]") + " ]")),
            count -> new DotReader().read(write("g.dot", "graph {" + nodes(count,
                    k -> " n" + k + " [s=v" + k + "];") + " }")));
        String note = "node attribute 's' left out: it has 101 distinct labels, more than the"
                + " 100 a one-hot code allows here";
        for (Format format : formats) {
            GraphDataset kept = format.read(100);
            assertEquals(100, kept.nodeChannels().size(), kept.nodeChannels().toString());
            assertEquals("s=v0", kept.nodeChannels().get(0));
            GraphDataset left = format.read(101);
            assertEquals(List.of("exists"), left.nodeChannels());
            assertTrue(left.notes().contains(note), left.notes().toString());
        }
    }

    @Test
    void tuLabelFilesKeepEveryLabel() throws IOException {
        int count = 150;
        List<String> edges = new ArrayList<>();
        for (int k = 1; k < count; k++) {
            edges.add(k + ", " + (k + 1));
            edges.add((k + 1) + ", " + k);
        }
        write("T_A.txt", String.join("\n", edges) + "\n");
        write("T_graph_indicator.txt", "1\n".repeat(count));
        write("T_node_labels.txt", nodes(count, k -> "v" + k + "\n"));
        write("T_edge_labels.txt", IntStream.range(0, edges.size())
                .mapToObj(k -> "e" + k / 2 + "\n").collect(Collectors.joining()));
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(count, d.nodeChannels().size());
        assertEquals(count - 1, d.edgeChannels().size());
        assertFalse(d.notes().stream().anyMatch(n -> n.contains("left out")),
                d.notes().toString());
        for (int k = 0; k < count; k++) {
            int channel = d.nodeChannels().indexOf("label=v" + k);
            assertEquals(1.0, d.graphs().get(0).node(k, channel));
        }
    }

    private static String nodes(int count, IntFunction<String> node) {
        return IntStream.range(0, count).mapToObj(node).collect(Collectors.joining());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
