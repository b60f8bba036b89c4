package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Tests of {@link GraphMlReader}: what networkx writes, the encoding shared with the other
 * readers, class labels, folders, the round trip from the TU reader, and every refusal.
 */
class GraphMlReaderTest {

    private static final double TOL = 1e-9;
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A file of the head, the given body lines and the closing tag. */
    private Path graphMl(String name, String... lines) throws IOException {
        return write(name, HEAD + String.join("\n", lines) + "\n</graphml>\n");
    }

    private DatasetFormatException refused(Path file) {
        return assertThrows(DatasetFormatException.class, () -> new GraphMlReader().read(file));
    }

    @Test
    void readsWhatNetworkxWrites() throws IOException {
        Path file = dir.resolve("networkx-small.graphml");
        try (InputStream in = getClass().getResourceAsStream("networkx-small.graphml")) {
            Files.copy(in, file);
        }
        GraphDataset d = new GraphMlReader().read(file);

        // networkx: 4 nodes, 4 edges; channels in the order the keys are declared, which
        // networkx writes in reverse (d5 aromatic, d4 mass, d3 charge, d2 element).
        assertEquals("networkx-small", d.name());
        assertEquals(List.of("networkx-small"), d.graphNames());
        assertEquals(List.of("ring"), d.classLabels());
        assertEquals(List.of("aromatic=false", "aromatic=true", "mass", "charge", "element=C",
                "element=N", "element=O"), d.nodeChannels());
        assertEquals(List.of("order"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertEquals(4, g.order());
        assertFalse(g.isDirected());
        assertEquals(4, g.edgeCount());
        assertArrayEquals(new double[] {1, 0, 14.007, 1, 0, 1, 0}, g.nodeVector(1), TOL);
        assertArrayEquals(new double[] {1, 0, 15.999, -1, 0, 0, 1}, g.nodeVector(3), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(1, 2), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(2, 1), TOL);
        assertArrayEquals(new double[] {1}, g.edgeVector(0, 3), TOL);
        assertTrue(d.notes().contains("class labels from the graph attribute 'class'"));
        assertTrue(d.notes().contains("graph attribute 'title' not read: only a class attribute"
                + " of a graph is read (label, class, target, y, p_np, or --label-property"
                + " NAME)"), d.notes().toString());
        assertTrue(d.notes().contains("every edge is undirected by the GraphML edgedefault or"
                + " directed attribute: graphs read as undirected"), d.notes().toString());
    }

    @Test
    void refusesAttributesNamedAsTheExistenceAndPresenceChannels() throws IOException {
        // A node attribute 'exists' of 3 was read as the existence channel ("node 0 exists
        // 3.00" in a mean), and of 0 failed with "node channel name 'exists' occurs twice".
        String nodes = "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"k\">0"
                + "</data></node><node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph>";
        DatasetFormatException node = refused(graphMl("n.graphml",
                "<key id=\"k\" for=\"node\" attr.name=\"exists\" attr.type=\"double\"/>",
                nodes));
        assertEquals(dir.resolve("n.graphml") + ", line 3, column 63: key 'k' names the node"
                + " attribute 'exists', the name of the channel that marks real nodes (1 on"
                + " each), so its values would be read as node existence; rename the attribute"
                + " (attr.name) in the file", node.getMessage());
        DatasetFormatException edge = refused(graphMl("e.graphml",
                "<key id=\"k\" for=\"edge\" attr.name=\"edge\" attr.type=\"double\"/>",
                nodes));
        assertTrue(edge.getMessage().contains(", line 3, column 61: key 'k' names the edge"
                + " attribute 'edge', the name of the channel that marks present edges"),
                edge.getMessage());
        // The other way round the names are no channel of the aligners: read as data.
        GraphDataset d = new GraphMlReader().read(graphMl("ok.graphml",
                "<key id=\"k\" for=\"node\" attr.name=\"edge\" attr.type=\"double\"/>",
                "<key id=\"x\" for=\"edge\" attr.name=\"exists\" attr.type=\"double\">"
                        + "<default>2</default></key>", nodes));
        assertEquals(List.of("edge"), d.nodeChannels().subList(0, 1));
        assertEquals(List.of("exists"), d.edgeChannels());
    }

    /**
     * A key for all named as a channel is read while only graphs use it (it was refused at the
     * key), and refused at the first node (or edge) that uses it, or at a default, which every
     * node (or edge) would take.
     */
    @Test
    void aKeyForAllNamedAsAChannelIsReadWhereOnlyGraphsUseIt() throws IOException {
        String key = "<key id=\"k\" for=\"all\" attr.name=\"exists\"/>";
        String graph = "<graph edgedefault=\"undirected\"><data key=\"k\">%s</data>"
                + "<node id=\"a\"%s<node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph>";
        Path graphsOnly = graphMl("graphs.graphml", key, String.format(graph, "yes", "/>"),
                String.format(graph, "no", "/>"));

        GraphDataset plain = new GraphMlReader().read(graphsOnly);
        GraphDataset classes = new GraphMlReader().withLabelProperty("exists").read(graphsOnly);

        assertEquals(List.of("exists"), plain.nodeChannels());
        assertArrayEquals(new double[] {1}, plain.graphs().get(0).nodeVector(0), TOL);
        assertArrayEquals(new double[] {1}, plain.graphs().get(1).nodeVector(1), TOL);
        assertTrue(plain.notes().contains("graph attribute 'exists' not read: only a class"
                + " attribute of a graph is read (label, class, target, y, p_np, or"
                + " --label-property NAME)"), plain.notes().toString());
        assertEquals(List.of("yes", "no"), classes.classLabels());
        assertEquals(List.of("exists"), classes.nodeChannels());

        DatasetFormatException node = refused(graphMl("node.graphml", key,
                String.format(graph, "yes", "/>"), String.format(graph, "no",
                        "><data key=\"k\">1</data></node>")));
        assertEquals(dir.resolve("node.graphml") + ", line 5, column 83: node 'a' holds a"
                + " <data> of the key 'k', declared for=\"all\" on line 3, which names the node"
                + " attribute 'exists', the name of the channel that marks real nodes (1 on"
                + " each), so its values would be read as node existence; rename the attribute"
                + " (attr.name) in the file (a key for=\"all\" of this name is read while no"
                + " node uses it)", node.getMessage());
        DatasetFormatException byDefault = refused(graphMl("default.graphml",
                "<key id=\"k\" for=\"all\" attr.name=\"exists\"><default>x</default></key>",
                String.format(graph, "yes", "/>")));
        assertEquals(dir.resolve("default.graphml") + ", line 3, column 42: key 'k' has a"
                + " <default>, which every node without a <data> of it takes, and names the node"
                + " attribute 'exists', the name of the channel that marks real nodes (1 on"
                + " each), so its values would be read as node existence; rename the attribute"
                + " (attr.name) in the file", byDefault.getMessage());
        DatasetFormatException edge = refused(graphMl("edge.graphml",
                "<key id=\"e\" for=\"all\" attr.name=\"edge\" attr.type=\"double\"/>",
                "<graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>"
                        + "<edge source=\"a\" target=\"b\"><data key=\"e\">2</data></edge>"
                        + "</graph>"));
        assertTrue(edge.getMessage().contains(", line 4, column 103: edge holds a <data> of the"
                + " key 'e', declared for=\"all\" on line 3, which names the edge attribute"
                + " 'edge'"), edge.getMessage());
        assertTrue(edge.getMessage().endsWith("(a key for=\"all\" of this name is read while no"
                + " edge uses it)"), edge.getMessage());
    }

    @Test
    void readsSeveralGraphsOfOneFileWithDefaultsMissingValuesAndDirections()
            throws IOException {
        Path file = graphMl("two.graphml",
                "<key id=\"w\" for=\"edge\" attr.name=\"w\" attr.type=\"double\">"
                        + "<default>0.5</default></key>",
                "<key id=\"t\" for=\"node\" attr.name=\"t\"><default> x </default></key>",
                "<key id=\"v\" for=\"node\" attr.name=\"v\" attr.type=\"int\"/>",
                "<key id=\"y\" for=\"graph\" attr.name=\"Y\" attr.type=\"int\"/>",
                "<graph id=\"G\" edgedefault=\"undirected\"><data key=\"y\"> 01 </data>",
                "  <desc>documentation is skipped</desc>",
                "  <node id=\"p\"><data key=\"t\">y</data><data key=\"v\">3</data></node>",
                "  <node id=\"q\"/>",
                "  <edge source=\"p\" target=\"q\"><data key=\"w\">2</data></edge>",
                "</graph>",
                "<graph edgedefault=\"directed\"><data key=\"y\">2</data>",
                "  <node id=\"p\"/><node id=\"q\"/><node id=\"r\"/>",
                "  <edge source=\"p\" target=\"q\"/>",
                "  <edge source=\"q\" target=\"r\" directed=\"false\"/>",
                "</graph>");
        GraphDataset d = new GraphMlReader().read(file);
        assertEquals(List.of("two#1", "two#2"), d.graphNames());
        assertEquals(List.of("01", "2"), d.classLabels());
        assertEquals(List.of("t=x", "t=y", "v"), d.nodeChannels());
        assertEquals(List.of("w"), d.edgeChannels());
        Graph first = d.graphs().get(0);
        Graph second = d.graphs().get(1);
        assertTrue(first.isDirected(), "one directed edge makes every graph directed");
        assertArrayEquals(new double[] {0, 1, 3}, first.nodeVector(0), TOL);
        assertArrayEquals(new double[] {1, 0, 0}, first.nodeVector(1), TOL);
        assertArrayEquals(new double[] {2}, first.edgeVector(1, 0), TOL);
        assertArrayEquals(new double[] {0.5}, second.edgeVector(0, 1), TOL);
        assertFalse(second.hasEdge(1, 0));
        assertTrue(second.hasEdge(1, 2) && second.hasEdge(2, 1));
        assertTrue(d.notes().contains("node attribute 'v' is missing on 4 of 5 nodes and"
                + " encoded as zero there"), d.notes().toString());
        assertTrue(d.notes().contains("graphs read as directed, since graph 'two#2': pair"
                + " (0, 1) has no reverse pair"), d.notes().toString());
    }

    @Test
    void labelPropertyChoosesTheClassAttributeAndNoneMeansNoClasses() throws IOException {
        Path file = graphMl("c.graphml",
                "<key id=\"a\" for=\"graph\" attr.name=\"Kind\"/>",
                "<key id=\"b\" for=\"graph\" attr.name=\"target\" attr.type=\"boolean\"/>",
                "<graph edgedefault=\"undirected\"><data key=\"a\">k</data>"
                        + "<data key=\"b\">1</data><node id=\"n\"/></graph>");
        assertEquals(List.of("true"), new GraphMlReader().read(file).classLabels());
        GraphDataset byKind = new GraphMlReader().withLabelProperty("kind").read(file);
        assertEquals(List.of("k"), byKind.classLabels());
        assertTrue(byKind.notes().contains("graph attribute 'target' not read: only a class"
                + " attribute of a graph is read ('Kind')"), byKind.notes().toString());
        // The note named the option as typed (' KIND ') rather than the attribute.
        GraphDataset padded = new GraphMlReader().withLabelProperty(" KIND ").read(file);
        assertEquals(byKind.notes(), padded.notes());
        Path plain = graphMl("p.graphml",
                "<graph edgedefault=\"undirected\"><node id=\"n\"/></graph>");
        GraphDataset none = new GraphMlReader().read(plain);
        assertFalse(none.hasClasses());
        assertEquals(List.of("exists"), none.nodeChannels());
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new GraphMlReader().withLabelProperty("y").read(plain));
        assertEquals(plain + ": declares no graph attribute 'y' for class labels (a <key"
                + " for=\"graph\"> or for=\"all\" of that attr.name); its graph attributes:"
                + " none", e.getMessage());
    }

    @Test
    void aRelabelledCopyIsAtDistanceZero() throws IOException {
        Path original = graphMl("o.graphml",
                "<key id=\"l\" for=\"node\" attr.name=\"l\"/>",
                "<graph edgedefault=\"undirected\">",
                "<node id=\"1\"><data key=\"l\">C</data></node>",
                "<node id=\"2\"><data key=\"l\">N</data></node>",
                "<node id=\"3\"><data key=\"l\">C</data></node>",
                "<node id=\"4\"><data key=\"l\">O</data></node>",
                "<edge source=\"1\" target=\"2\"/><edge source=\"2\" target=\"3\"/>",
                "<edge source=\"3\" target=\"4\"/></graph>");
        Path copy = graphMl("r.graphml",
                "<key id=\"k\" for=\"node\" attr.name=\"l\"/>",
                "<graph edgedefault=\"undirected\">",
                "<node id=\"z\"><data key=\"k\">O</data></node>",
                "<node id=\"y\"><data key=\"k\">C</data></node>",
                "<node id=\"x\"><data key=\"k\">N</data></node>",
                "<node id=\"w\"><data key=\"k\">C</data></node>",
                "<edge source=\"w\" target=\"x\"/><edge source=\"y\" target=\"x\"/>",
                "<edge source=\"z\" target=\"y\"/></graph>");
        GraphDataset both = new GraphMlReader().read(dir);
        assertEquals(List.of("o", "r"), both.graphNames());
        Graph x = both.graphs().get(0);
        Graph y = both.graphs().get(1);
        assertFalse(x.equals(y), "the copy lists its nodes in another order");
        double distance = Aligners.byName("exact", 42).align(GraphSpace.of(both.graphs()), x, y)
                .distance();
        assertEquals(0.0, distance, TOL);
        assertTrue(Files.exists(original) && Files.exists(copy));
    }

    @Test
    void aFolderIsReadInFileNameOrderAndNotesOtherDataFiles() throws IOException {
        String body = "<graph edgedefault=\"undirected\"><node id=\"a\"/>%s</graph>";
        graphMl("g2.graphml", String.format(body, "<node id=\"b\"/>"));
        graphMl("g10.GraphML", String.format(body, ""));
        graphMl("g1.graphml", String.format(body, "<node id=\"b\"/><node id=\"c\"/>"));
        write("notes.txt", "not data");
        write("x.npy", "not read");
        GraphDataset d = DatasetLoader.load(dir);
        assertEquals(List.of("g1", "g10", "g2"), d.graphNames());
        assertEquals(List.of(3, 1, 2), d.graphs().stream().map(Graph::order).toList());
        assertEquals(dir.getFileName().toString(), d.name());
        assertTrue(d.notes().contains("only the .graphml files of the folder are read, not"
                + " x.npy (give such a file by itself)"), d.notes().toString());
    }

    @Test
    void aFolderSkipsHiddenFilesOtherEntriesAndSecondLinksWithANote() throws IOException {
        // A link to g1 read g1 twice, a hidden file was read, a macOS ._ file (no XML) made
        // the whole folder fail, and a broken link or a subfolder was skipped without a word.
        String body = "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph>";
        graphMl("g1.graphml", body);
        graphMl("g2.graphml", body);
        graphMl(".hidden.graphml", body);
        Files.write(dir.resolve("._g1.graphml"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
        Files.createSymbolicLink(dir.resolve("a-link.graphml"), Path.of("g1.graphml"));
        Files.createSymbolicLink(dir.resolve("broken.graphml"), dir.resolve("nowhere"));
        Files.createDirectory(dir.resolve("sub.graphml"));

        GraphDataset d = new GraphMlReader().read(dir);

        assertEquals(List.of("g1", "g2"), d.graphNames());
        assertEquals(List.of(dir.resolve("g1.graphml"), dir.resolve("g2.graphml")),
                GraphMlReader.graphMlFiles(dir));
        assertEquals(List.of("hidden files '._g1.graphml', '.hidden.graphml' not read (names"
                + " starting with '.', such as macOS's ._ files)", "'a-link.graphml' not read:"
                + " a link to the same file as 'g1.graphml', which is read once", "not read,"
                + " being no regular files: 'broken.graphml' (a broken link), 'sub.graphml' (a"
                + " folder; subfolders are not searched)"), d.notes().subList(0, 3));
    }

    @Test
    void aFolderWhoseOnlyGraphMlFilesAreHiddenSaysSo() throws IOException {
        // The message told the user to give this very folder and named the skipped file.
        Files.write(dir.resolve("._g1.graphml"), new byte[] {0, 5, 22, 7});

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(dir));

        assertTrue(e.getMessage().contains("its only GraphML files are hidden (._g1.graphml),"
                + " which a folder is not read for; give such a file itself to read it"),
                e.getMessage());
        assertFalse(e.getMessage().contains("or this folder"), e.getMessage());
    }

    @Test
    void channelsFollowTheKeyDeclarationsNotTheDataOrder() throws IOException {
        // The channels followed the <data> order of the first node: y, x here.
        GraphDataset d = new GraphMlReader().read(graphMl("o.graphml",
                "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>",
                "<key id=\"e\" for=\"edge\" attr.name=\"e\"/>",
                "<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>",
                "<key id=\"w\" for=\"edge\" attr.name=\"w\" attr.type=\"int\"/>",
                "<graph edgedefault=\"undirected\"><node id=\"b\"><data key=\"y\">4</data>"
                        + "</node><node id=\"a\"><data key=\"x\">1</data><data key=\"y\">2"
                        + "</data></node><edge source=\"a\" target=\"b\"><data key=\"w\">3"
                        + "</data><data key=\"e\">p</data></edge></graph>"));
        assertEquals(List.of("x", "y"), d.nodeChannels());
        assertEquals(List.of("e=p", "w"), d.edgeChannels());
        assertArrayEquals(new double[] {0, 4}, d.graphs().get(0).nodeVector(0), TOL);
        assertArrayEquals(new double[] {1, 3}, d.graphs().get(0).edgeVector(0, 1), TOL);
    }

    @Test
    void aFolderWithATuDataSetAndGraphMlFilesIsRefused() throws IOException {
        write("T_A.txt", "1, 2\n2, 1\n");
        write("T_graph_indicator.txt", "1\n1\n");
        graphMl("g.graphml", "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph>");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(dir));
        assertEquals(dir + ": holds both a TU data set (T) and GraphML files (g.graphml);"
                + " move one of them to a folder of its own, or give a GraphML file by itself",
                e.getMessage());
    }

    @Test
    void aFolderWhoseFilesDisagreeIsRefused() throws IOException {
        graphMl("a.graphml", "<key id=\"c\" for=\"graph\" attr.name=\"class\"/>",
                "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>",
                "<graph edgedefault=\"undirected\"><data key=\"c\">A</data><node id=\"a\"/>"
                        + "</graph>");
        Path b = graphMl("b.graphml",
                "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"string\"/>",
                "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph>");
        DatasetFormatException kinds = assertThrows(DatasetFormatException.class,
                () -> new GraphMlReader().read(dir));
        assertEquals(b + ", line 3: key 'x' declares the node attribute 'x' as string, but "
                + dir.resolve("a.graphml") + ", line 4 (double) declares it as numbers; every"
                + " file must give an attribute the same kind", kinds.getMessage());
        graphMl("b.graphml", "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph>");
        DatasetFormatException classes = assertThrows(DatasetFormatException.class,
                () -> new GraphMlReader().read(dir));
        assertEquals(b + ": has no graph attribute named label, class, target, y, p_np for"
                + " class labels, but " + dir.resolve("a.graphml") + " has its graphs' classes"
                + " in 'class'; every file needs classes or none may have them",
                classes.getMessage());
    }

    @Test
    void twoFilesThatNameTheirGraphsAlikeAreRefused() throws IOException {
        String body = "<graph edgedefault=\"undirected\"><node id=\"a\"/></graph>";
        Path lower = graphMl("g.graphml", body);
        graphMl("g.GRAPHML", body);
        // Read in file name order, g.GRAPHML first ('G' < 'g').
        assertEquals(lower + ": names a graph 'g' as g.GRAPHML does; rename one of the two"
                + " files", assertThrows(DatasetFormatException.class,
                        () -> new GraphMlReader().read(dir)).getMessage());
        Files.delete(lower);
        Path two = graphMl("h.graphml", body, body);
        Path named = graphMl("h#2.graphml", body);
        assertEquals(two + ": names a graph 'h#2' as h#2.graphml does; rename one of the two"
                + " files", assertThrows(DatasetFormatException.class,
                        () -> new GraphMlReader().read(dir)).getMessage());
        assertTrue(Files.exists(named));
    }

    @Test
    void aKeyForAllServesNodesEdgesAndGraphs() throws IOException {
        Path file = graphMl("all.graphml",
                "<key id=\"k\" attr.name=\"kind\"><default>plain</default></key>",
                "<graph edgedefault=\"directed\"><data key=\"k\">top</data>",
                "<node id=\"a\"><data key=\"k\">x</data></node><node id=\"b\"/>",
                "<edge source=\"a\" target=\"b\"><data key=\"k\">e</data></edge>",
                "<edge source=\"b\" target=\"a\"><data key=\"k\">e</data></edge></graph>");
        GraphDataset d = new GraphMlReader().withLabelProperty("kind").read(file);
        assertEquals(List.of("top"), d.classLabels());
        assertEquals(List.of("kind=plain", "kind=x"), d.nodeChannels());
        assertEquals(List.of("kind=e"), d.edgeChannels());
        assertFalse(d.isDirected(), "both directions with equal attributes read as undirected");
        assertTrue(d.notes().contains("every edge is listed in both directions with equal"
                + " attributes: graphs read as undirected"), d.notes().toString());
        Path misplaced = graphMl("m.graphml", "<key id=\"g\" for=\"graph\"/>",
                "<data key=\"g\">1</data>",
                "<graph edgedefault=\"directed\"><node id=\"a\"/></graph>");
        assertRefusedAt(misplaced, 4, "the <graphml> element holds a <data> of the key 'g',"
                + " which is declared for=\"graph\", not for the <graphml> element");
    }

    @Test
    void anEmptyStringIsTheEmptyLabel() throws IOException {
        Path file = graphMl("e.graphml", "<key id=\"d0\" for=\"node\" attr.name=\"tag\""
                + " attr.type=\"string\"/>", "<graph edgedefault=\"undirected\">"
                + "<node id=\"a\"><data key=\"d0\" /></node>"
                + "<node id=\"b\"><data key=\"d0\">x</data></node></graph>");
        GraphDataset d = new GraphMlReader().read(file);
        assertEquals(List.of("tag=", "tag=x"), d.nodeChannels());
        assertArrayEquals(new double[] {1, 0}, d.graphs().get(0).nodeVector(0), TOL);
        assertEquals("", d.nodeGroups().get(0).decode(new double[] {1, 0}));
    }

    @Test
    void yEdDrawingDataAndFileDataAreLeftOutWithANote() throws IOException {
        Path file = write("y.graphml", "<?xml version=\"1.0\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
                + " xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
                + "<key id=\"d0\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
                + "<key id=\"d1\" for=\"graphml\" attr.name=\"creator\"/>\n"
                + "<graph edgedefault=\"directed\"><node id=\"n0\"><data key=\"d0\">"
                + "<y:ShapeNode><y:Fill color=\"#FFCC00\"/></y:ShapeNode></data></node></graph>\n"
                + "<data key=\"d1\">yEd</data>\n"
                + "</graphml>\n");
        GraphDataset d = new GraphMlReader().read(file);
        assertEquals(List.of("exists"), d.nodeChannels());
        assertTrue(d.notes().contains("yEd drawing data not read (keys with a yfiles.type:"
                + " 'd0')"), d.notes().toString());
        assertTrue(d.notes().contains("data of the <graphml> element not read (keys 'd1')"));
    }

    /** Reads the first MUTAG graphs back from GraphML written by {@link #writeGraphMl}. */
    @Test
    void roundTripFromTheTuReaderGivesTheSameGraphs() throws IOException {
        GraphDataset tu = TuDatasetReader.read(TestDatasets.require("tu/MUTAG"));
        Path file = dir.resolve("mutag.graphml");
        Files.writeString(file, writeGraphMl(tu, null));
        GraphDataset back = new GraphMlReader().read(file);
        assertEquals(tu.nodeChannels(), back.nodeChannels());
        assertEquals(tu.edgeChannels(), back.edgeChannels());
        assertEquals(tu.classLabels(), back.classLabels());
        assertEquals(tu.graphs(), back.graphs());

        // Relabelled: nodes written in a shuffled order under other ids.
        Files.writeString(file, writeGraphMl(tu, new Random(7)));
        GraphDataset shuffled = new GraphMlReader().read(file);
        assertEquals(tu.nodeChannels(), shuffled.nodeChannels());
        List<Graph> all = new ArrayList<>(tu.graphs().subList(0, 10));
        all.addAll(shuffled.graphs().subList(0, 10));
        GraphSpace space = GraphSpace.of(all);
        Aligner faq = Aligners.byName("faq", 42);
        for (int k = 0; k < 10; k++) {
            Graph x = tu.graphs().get(k);
            Graph y = shuffled.graphs().get(k);
            assertEquals(0.0, faq.align(space, x, y).distance(), 1e-6, "graph " + k);
        }
    }

    /**
     * Writes a TU data set as one GraphML file: string attributes {@code label} on nodes and
     * edges (the decoded one-hot labels), a graph attribute {@code class}; each undirected
     * edge once. With a random generator, the nodes are written in a shuffled order under ids
     * {@code v<k>}.
     */
    private static String writeGraphMl(GraphDataset d, Random shuffle) {
        ChannelGroup node = d.nodeGroups().get(0);
        ChannelGroup edge = d.edgeGroups().get(0);
        StringBuilder out = new StringBuilder(HEAD);
        out.append("<key id=\"n\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
        out.append("<key id=\"e\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n");
        out.append("<key id=\"c\" for=\"graph\" attr.name=\"class\" attr.type=\"string\"/>\n");
        for (int k = 0; k < d.size(); k++) {
            Graph g = d.graphs().get(k);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < g.order(); i++) {
                order.add(i);
            }
            if (shuffle != null) {
                java.util.Collections.shuffle(order, shuffle);
            }
            out.append("<graph edgedefault=\"undirected\"><data key=\"c\">")
                    .append(d.classLabels().get(k)).append("</data>\n");
            for (int i : order) {
                out.append("<node id=\"v").append(i * 7 + 3).append("\"><data key=\"n\">")
                        .append(node.decode(g.nodeVector(i))).append("</data></node>\n");
            }
            for (int i = 0; i < g.order(); i++) {
                for (int j : g.successors(i)) {
                    if (i < j) {
                        out.append("<edge source=\"v").append(i * 7 + 3).append("\" target=\"v")
                                .append(j * 7 + 3).append("\"><data key=\"e\">")
                                .append(edge.decode(g.edgeVector(i, j))).append("</data></edge>\n");
                    }
                }
            }
            out.append("</graph>\n");
        }
        return out.append("</graphml>\n").toString();
    }

    /**
     * Asserts that a file of the head, the body and the closing tag is refused at the line
     * (counting the head's two lines) with a message ending in {@code tail}.
     */
    private void assertRefused(int line, String tail, String... body) throws IOException {
        assertRefusedAt(graphMl("bad.graphml", body), line, tail);
    }

    /** Asserts that a file is refused at the line, any column, with the message's tail. */
    private void assertRefusedAt(Path file, int line, String tail) {
        String message = refused(file).getMessage();
        String prefix = file + ", line " + line + ", column ";
        assertTrue(message.startsWith(prefix), message);
        assertTrue(message.substring(prefix.length()).matches("[0-9]+: .*"), message);
        assertEquals(tail, message.substring(message.indexOf(": ") + 2), message);
    }

    /** A graph without nodes is the empty graph, with the channels of the other graphs. */
    @Test
    void readsAGraphWithoutNodesAsTheEmptyGraph() throws IOException {
        Path file = graphMl("empty.graphml",
                "<key id=\"v\" for=\"node\" attr.name=\"v\" attr.type=\"double\"/>",
                "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"v\">2</data>"
                        + "</node><node id=\"b\"><data key=\"v\">3</data></node>"
                        + "<edge source=\"a\" target=\"b\"/></graph>",
                "<graph edgedefault=\"directed\"></graph>",
                "<graph edgedefault=\"undirected\"/>");
        GraphDataset d = new GraphMlReader().read(file);
        assertEquals(3, d.size());
        assertEquals(0, d.graphs().get(1).order());
        assertEquals(0, d.graphs().get(2).order());
        assertEquals(d.graphs().get(0).nodeDimension(), d.graphs().get(1).nodeDimension());
        assertEquals(d.graphs().get(0).edgeDimension(), d.graphs().get(2).edgeDimension());
        assertEquals(List.of("v"), d.nodeChannels().subList(0, 1));
    }

    @Test
    void refusesWhatItDoesNotSupportWithFileLineAndElement() throws IOException {
        String d = "<graph edgedefault=\"directed\">";
        String u = "<graph edgedefault=\"undirected\">";
        String ab = "<node id=\"a\"/><node id=\"b\"/>";
        assertRefused(3, "graph 'G' has no edgedefault; expected edgedefault=\"directed\" or"
                + " edgedefault=\"undirected\"", "<graph id=\"G\"><node id=\"a\"/></graph>");
        assertRefused(3, "the <graph> has edgedefault=\"both\"; expected directed or undirected",
                "<graph edgedefault=\"both\"><node id=\"a\"/></graph>");
        assertRefused(4, "node 'a' holds a nested graph, which is not supported: a node or an"
                + " edge holds attributes, not a graph (id 'in')", d + "<node id=\"a\">",
                "<graph id=\"in\" edgedefault=\"directed\"/></node></graph>");
        assertRefused(4, "the <graph> holds a hyperedge, which is not supported: a graph's edges"
                + " join two nodes (id 'h')", d + ab,
                "<hyperedge id=\"h\"><endpoint node=\"a\"/></hyperedge></graph>");
        assertRefused(4, "node 'a' holds a port, which is not supported: edges join nodes, not"
                + " ports", d + "<node id=\"a\">", "<port name=\"p\"/></node></graph>");
        assertRefused(4, "edge 'e' has a sourceport, which is not supported: edges join nodes,"
                + " not ports", d + ab,
                "<edge id=\"e\" source=\"a\" target=\"b\" sourceport=\"p\"/></graph>");
        assertRefused(4, "the <graph> holds a <locator>, which is not supported: give the graph"
                + " in the file", d, "<locator href=\"g.graphml\"/></graph>");
        assertRefused(4, "the <graph> holds the element <weird>, which is not expected there",
                d + ab, "<weird/></graph>");
        assertRefused(4, "node 'a' holds the text 'hello' outside a <data> or <default> element",
                d + "<node id=\"a\">", "hello</node></graph>");
        assertRefused(4, "edge 'e' from 'a' to 'a' is a self-loop, which is not supported: the"
                + " diagonal of a graph's matrix holds node attributes, so remove the loop or"
                + " make it a node attribute", d + ab,
                "<edge id=\"e\" source=\"a\" target=\"a\"/></graph>");
        assertRefused(5, "edge from 'b' to 'a' joins the same nodes as the edge at line 4,"
                + " column 30; parallel edges are not supported (a graph has one edge per pair"
                + " of nodes, per ordered pair when directed), so merge them first", u + ab,
                "<edge source=\"a\" target=\"b\"/>", "<edge source=\"b\" target=\"a\"/></graph>");
        assertRefused(4, "edge from 'a' to 'c' names the node 'c', which the <graph> at line 3"
                + " does not have", d + ab, "<edge source=\"a\" target=\"c\"/></graph>");
        assertRefused(4, "node id 'a' is used twice in the <graph>", d + ab,
                "<node id=\"a\"/></graph>");
        assertRefused(4, "node 'a' holds a <data> of the key 'q', which is not declared;"
                + " expected a <key id=\"q\"> before the graphs", d + "<node id=\"a\">",
                "<data key=\"q\">1</data></node></graph>");
        assertRefused(4, "edge has directed=\"yes\"; expected true, false, 1 or 0", d + ab,
                "<edge source=\"a\" target=\"b\" directed=\"yes\"/></graph>");
    }

    /**
     * The JDK's parser counts columns in UTF-16 units, so a node id of 100 emoji put a
     * self-loop 200 columns too far; columns count characters (code points), as in every
     * reader, also in a file in UTF-16 and for malformed XML.
     */
    @Test
    void columnsCountCharactersNotUtf16Units() throws IOException {
        String emoji = "\ud83d\ude00".repeat(100);
        String line = "<graph edgedefault=\"directed\"><node id=\"" + emoji + "\"/><edge"
                + " source=\"" + emoji + "\" target=\"" + emoji + "\"/></graph>";
        // The parser's place of an element is just after its start tag.
        int units = line.indexOf("/></graph>") + 2;
        int column = line.codePointCount(0, units) + 1;
        assertEquals(units - 300 + 1, column);
        String tail = ": edge from '" + "\\U0001f600".repeat(40) + "...' (100 characters) to '"
                + "\\U0001f600".repeat(40) + "...' (100 characters) is a self-loop, which is not"
                + " supported: the diagonal of a graph's matrix holds node attributes, so remove"
                + " the loop or make it a node attribute";
        Path loop = graphMl("loop.graphml", line);
        assertEquals(loop + ", line 3, column " + column + tail, refused(loop).getMessage());

        Path wide = dir.resolve("wide.graphml");
        Files.write(wide, ("\ufeff" + HEAD.replace("UTF-8", "UTF-16") + line + "\n</graphml>\n")
                .getBytes(StandardCharsets.UTF_16LE));
        assertEquals(wide + ", line 3, column " + column + tail, refused(wide).getMessage());

        // A parallel edge names the first one's column in characters too.
        String twice = "<graph edgedefault=\"directed\"><node id=\"" + emoji + "\"/><node"
                + " id=\"b\"/><edge source=\"" + emoji + "\" target=\"b\"/>";
        int first = twice.codePointCount(0, twice.length()) + 1;
        Path parallel = graphMl("parallel.graphml", twice,
                "<edge source=\"" + emoji + "\" target=\"b\"/></graph>");
        String message = refused(parallel).getMessage();
        assertTrue(message.contains(" joins the same nodes as the edge at line 3, column "
                + first + ";"), message);

        // Malformed XML: the parser's own refusal, at the column of characters.
        String bad = "<graph edgedefault=\"directed\"><node id=\"" + emoji + "\"/><node <";
        Path malformed = graphMl("malformed.graphml", bad + "/></graph>");
        String refusal = refused(malformed).getMessage();
        int at = bad.codePointCount(0, bad.length());
        assertTrue(refusal.startsWith(malformed + ", line 3, column " + at + ": malformed XML")
                || refusal.startsWith(malformed + ", line 3, column " + (at + 1)
                + ": malformed XML"), refusal);
    }

    @Test
    void refusesAFileWithoutGraphsOrWithAnotherRoot() throws IOException {
        Path none = graphMl("none.graphml", "<key id=\"k\" for=\"node\"/>");
        assertEquals(none + ": no <graph> element; expected at least one graph",
                refused(none).getMessage());
        Path root = write("root.graphml", "<?xml version=\"1.0\"?>\n"
                + "<graph edgedefault=\"undirected\"/>\n");
        assertTrue(refused(root).getMessage().matches(".*, line 2, column [0-9]+: the root"
                + " element is <graph>; expected <graphml>"), refused(root).getMessage());
        // A <graphml> of another namespace was "the root element is <graphml>; expected
        // <graphml>".
        Path other = write("other.graphml", "<graphml xmlns=\"urn:other\"><graph"
                + " edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>\n");
        assertTrue(refused(other).getMessage().endsWith(", line 1, column 28: the root element"
                + " <graphml> is of the namespace urn:other; expected <graphml> of the GraphML"
                + " namespace http://graphml.graphdrawing.org/xmlns (or of none)"),
                refused(other).getMessage());
    }

    @Test
    void refusesValuesTheirTypeDoesNotRead() throws IOException {
        String[][] cases = {
            {"int", "x1", "the value 'x1' of attribute 'a' (key 'k', int) is no integer;"
                + " expected digits 0-9 with an optional sign"},
            {"long", "1.5", "the value '1.5' of attribute 'a' (key 'k', long) is no integer;"
                + " expected digits 0-9 with an optional sign"},
            {"long", "9007199254740993", "the value 9007199254740993 of attribute 'a' (key"
                + " 'k', long) is an integer larger in magnitude than 2^53 = 9007199254740992,"
                + " beyond which a double does not hold every integer, so it would read as"
                + " 9007199254740992; declare the key double and write the value with a"
                + " decimal point to read it rounded"},
            {"double", "abc", "expected a finite decimal number for attribute 'a' (key 'k',"
                + " double), found 'abc'"},
            {"float", "NaN", "expected a finite decimal number for attribute 'a' (key 'k',"
                + " float), found 'NaN'"},
            {"double", " ", "expected a finite decimal number for attribute 'a' (key 'k',"
                + " double), found ''"},
            // A long value is cut at 40 characters (code points) with its length, as ids are.
            {"double", "\ud83d\ude00".repeat(200), "expected a finite decimal number for"
                + " attribute 'a' (key 'k', double), found '" + "\\U0001f600".repeat(40)
                + "...' (200 characters)"},
            {"double", "1".repeat(41) + "x", "expected a finite decimal number for attribute"
                + " 'a' (key 'k', double), found '" + "1".repeat(40) + "...' (42 characters)"},
            {"boolean", "yes", "the value 'yes' of attribute 'a' (key 'k', boolean) is no"
                + " boolean; expected true, false, 1 or 0"},
        };
        for (String[] c : cases) {
            assertRefused(4, c[2],
                    "<key id=\"k\" for=\"node\" attr.name=\"a\" attr.type=\"" + c[0] + "\"/>",
                    "<graph edgedefault=\"directed\"><node id=\"n\"><data key=\"k\">" + c[1]
                            + "</data></node></graph>");
        }
        // A key without attr.name is named by its id, once.
        assertRefused(4, "expected a finite decimal number for attribute 'w' (double), found"
                + " 'abc'", "<key id=\"w\" for=\"edge\" attr.type=\"double\"/>",
                "<graph edgedefault=\"directed\"><node id=\"n\"/><node id=\"m\"/><edge"
                + " source=\"n\" target=\"m\"><data key=\"w\">abc</data></edge></graph>");
    }

    @Test
    void refusesBadKeysAndData() throws IOException {
        String graph = "<graph edgedefault=\"directed\"><node id=\"n\">%s</node></graph>";
        Path twice = graphMl("k.graphml", "<key id=\"k\" for=\"node\"/>",
                "<key id=\"k\" for=\"edge\"/>", String.format(graph, ""));
        assertRefusedAt(twice, 4, "key id 'k' is declared twice (also on line 3, for=\"node\");"
                + " a <data> names its key by the id, so ids must differ (networkx writes an"
                + " attribute of nodes and edges under one id with named_key_ids=True: write the"
                + " graph without it)");
        Path sameName = graphMl("k.graphml", "<key id=\"a\" for=\"node\" attr.name=\"x\"/>",
                "<key id=\"b\" for=\"all\" attr.name=\"x\"/>", String.format(graph, ""));
        assertRefusedAt(sameName, 4, "key 'b' names the node attribute 'x' as key 'a' on line 3"
                + " does; expected one key per attribute name");
        Path badType = graphMl("k.graphml",
                "<key id=\"a\" for=\"node\" attr.type=\"complex\"/>", String.format(graph, ""));
        assertRefusedAt(badType, 3, "key 'a' has attr.type=\"complex\"; expected boolean, int,"
                + " long, float, double or string");
        Path late = graphMl("k.graphml", String.format(graph, ""),
                "<key id=\"a\" for=\"node\"><default>x</default></key>");
        assertRefusedAt(late, 4, "a <key> after a <graph>; GraphML declares its keys before the"
                + " graphs");
        Path badFor = graphMl("k.graphml", "<key id=\"a\" for=\"nodes\"/>",
                String.format(graph, ""));
        assertTrue(refused(badFor).getMessage().endsWith("key 'a' has for=\"nodes\"; expected"
                + " node, edge, graph, all, graphml, hyperedge, port or endpoint"));
        Path equals = graphMl("k.graphml", "<key id=\"a\" for=\"node\" attr.name=\"x=y\"/>",
                String.format(graph, ""));
        assertTrue(refused(equals).getMessage().endsWith("key 'a' names the attribute 'x=y',"
                + " which contains '='; expected a name without it (it separates an attribute"
                + " from its label in channel names)"));
        Path wrongDomain = graphMl("k.graphml", "<key id=\"e\" for=\"edge\"/>",
                String.format(graph, "<data key=\"e\">1</data>"));
        assertRefusedAt(wrongDomain, 4, "node 'n' holds a <data> of the key 'e', which is"
                + " declared for=\"edge\", not for nodes");
        Path dataTwice = graphMl("k.graphml", "<key id=\"a\" for=\"node\"/>",
                String.format(graph, "<data key=\"a\">1</data><data key=\"a\">2</data>"));
        assertTrue(refused(dataTwice).getMessage().endsWith("node 'n' holds a second <data> of"
                + " the key 'a' (attribute 'a')"));
        Path elements = graphMl("k.graphml", "<key id=\"a\" for=\"node\"/>",
                String.format(graph, "<data key=\"a\"><b>1</b></data>"));
        assertTrue(refused(elements).getMessage().endsWith("the <data> of key 'a' in node 'n'"
                + " holds the element <b>; expected a value as text (only yEd drawing keys,"
                + " with a yfiles.type, may hold elements, and they are not read)"));
        Path foreign = graphMl("k.graphml", "<graph edgedefault=\"directed\""
                + " xmlns:q=\"urn:q\"><node id=\"n\"/><q:x/></graph>");
        assertTrue(refused(foreign).getMessage().endsWith("the <graph> holds the element <q:x>"
                + " of the namespace urn:q, which is not GraphML; such elements are read only"
                + " inside a <data> of a yEd drawing key"));
    }

    @Test
    void aKeyForAllMakesClassesOnlyWhenAGraphGivesIt() throws IOException {
        // Gephi declares node labels for="all": the key made a class label compulsory (or,
        // with a <default>, gave every graph that class) though no graph gave one.
        String graph = "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"l\">"
                + "Alpha</data></node><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"
                + "%s</graph>";
        GraphDataset plain = new GraphMlReader().read(graphMl("p.graphml",
                "<key id=\"l\" for=\"all\" attr.name=\"label\"/>",
                "<key id=\"w\" for=\"all\" attr.name=\"weight\" attr.type=\"double\">"
                        + "<default>1.0</default></key>", String.format(graph, "")));
        assertTrue(plain.classLabels().isEmpty());
        // Node b has no label, a gap in the leading group: the existence channel follows.
        assertEquals(List.of("label=Alpha", "weight", "exists"), plain.nodeChannels());
        assertFalse(plain.notes().toString().contains("graph attribute"), plain.notes()
                .toString());
        GraphDataset defaulted = new GraphMlReader().read(graphMl("d.graphml",
                "<key id=\"l\" for=\"all\" attr.name=\"label\"><default>none</default></key>",
                String.format(graph, "")));
        assertTrue(defaulted.classLabels().isEmpty());
        // Given on a graph, the key holds classes, and its default fills the other graphs.
        GraphDataset given = new GraphMlReader().read(graphMl("g.graphml",
                "<key id=\"l\" for=\"all\" attr.name=\"label\"><default>none</default></key>",
                String.format(graph, "<data key=\"l\">ring</data>"), String.format(graph, "")));
        assertEquals(List.of("ring", "none"), given.classLabels());
        // Named by --label-property, a key for all is taken with its default.
        GraphDataset named = new GraphMlReader().withLabelProperty("label").read(
                dir.resolve("d.graphml"));
        assertEquals(List.of("none"), named.classLabels());
    }

    @Test
    void refusedKeysThatNetworkxWritesSayWhy() throws IOException {
        // networkx writes two keys of one name when values differ in type, and one id for a
        // node and an edge attribute with named_key_ids=True; the messages gave no reason.
        String graph = "<graph edgedefault=\"undirected\"><node id=\"n\"/></graph>";
        assertRefusedAt(graphMl("m.graphml",
                "<key id=\"d1\" for=\"node\" attr.name=\"v\" attr.type=\"double\"/>",
                "<key id=\"d0\" for=\"node\" attr.name=\"v\" attr.type=\"long\"/>", graph), 4,
                "key 'd0' names the node attribute 'v' as key 'd1' on line 3 does; expected one"
                + " key per attribute name (the two declare the types double and long, as"
                + " networkx writes an attribute whose values differ in type from element to"
                + " element: write the graph with nx.write_graphml(G, path,"
                + " infer_numeric_types=True) when they are all numbers, or convert them to one"
                + " type first)");
        assertRefusedAt(graphMl("w.graphml",
                "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>",
                "<key id=\"weight\" for=\"node\" attr.name=\"weight\" attr.type=\"double\"/>",
                graph), 4, "key id 'weight' is declared twice (also on line 3, for=\"edge\");"
                + " a <data> names its key by the id, so ids must differ (networkx writes an"
                + " attribute of nodes and edges under one id with named_key_ids=True: write the"
                + " graph without it)");
        assertRefusedAt(graphMl("e.graphml", "<key id=\"k\" for=\"node\" attr.name=\"\"/>",
                graph), 3, "key 'k' has an empty attr.name; expected a name, or no attr.name"
                + " (then the id names the attribute)");
    }

    @Test
    void edgesTakeDirectedAsAnXmlBoolean() throws IOException {
        // directed="1" and "0" (xs:boolean) were refused.
        GraphDataset d = new GraphMlReader().read(graphMl("b.graphml",
                "<graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>"
                        + "<node id=\"c\"/><edge source=\"a\" target=\"b\" directed=\"1\"/>"
                        + "<edge source=\"b\" target=\"c\" directed=\"0\"/></graph>"));
        Graph g = d.graphs().get(0);
        assertTrue(g.hasEdge(0, 1) && !g.hasEdge(1, 0));
        assertTrue(g.hasEdge(1, 2) && g.hasEdge(2, 1));
    }

    @Test
    void directedEdgesListedBothWaysAreCountedOnceWithANote() throws IOException {
        // networkx writes a DiGraph with both directions as 2 edges; info said 1 without a
        // word. Edge ids are not read, so a repeated id is no error.
        GraphDataset d = new GraphMlReader().read(graphMl("s.graphml",
                "<graph edgedefault=\"directed\"><node id=\"0\"/><node id=\"1\"/>"
                        + "<node id=\"2\"/><edge id=\"e\" source=\"0\" target=\"1\"/>"
                        + "<edge id=\"e\" source=\"1\" target=\"0\"/>"
                        + "<edge source=\"1\" target=\"2\" directed=\"false\"/></graph>"));
        assertFalse(d.graphs().get(0).isDirected());
        assertEquals(2, d.graphs().get(0).edgeCount());
        assertTrue(d.notes().contains("2 directed edges, each listed with its reverse, count as"
                + " 1 undirected edge (one per pair of nodes, as the edges line counts them)"),
                d.notes().toString());
    }

    @Test
    void refusesMissingAndEmptyClassLabels() throws IOException {
        Path missing = graphMl("m.graphml", "<key id=\"c\" for=\"graph\" attr.name=\"label\"/>",
                "<graph edgedefault=\"directed\"><data key=\"c\">A</data><node id=\"n\"/></graph>",
                "<graph id=\"g2\" edgedefault=\"directed\"><node id=\"n\"/></graph>");
        assertRefusedAt(missing, 5, "graph 'g2' has no class label: it has no <data> for the"
                + " graph attribute 'label' (key 'c'), which other graphs use for classes, and"
                + " the key has no <default>; give every graph a <data> of it, or the key a"
                + " <default>");
        // A key for graphs that no graph gives: the message said "which other graphs use".
        Path none = graphMl("n.graphml", "<key id=\"c\" for=\"graph\" attr.name=\"class\"/>",
                "<graph edgedefault=\"directed\"><node id=\"n\"/></graph>");
        assertRefusedAt(none, 4, "the <graph> at line 4 has no class label: it has no <data>"
                + " for the graph attribute 'class' (key 'c'), which the file declares for"
                + " graphs (so it holds the classes), and the key has no <default>; give every"
                + " graph a <data> of it, or the key a <default>");
        Path empty = graphMl("m.graphml", "<key id=\"c\" for=\"graph\" attr.name=\"label\"/>",
                "<graph edgedefault=\"directed\"><data key=\"c\"> </data><node id=\"n\"/>"
                        + "</graph>");
        assertRefusedAt(empty, 4, "the <graph> at line 4 has no class label: its graph"
                + " attribute 'label' is empty");
    }

    /**
     * A graph without the class of a key for all named as a channel is not advised to give
     * the key a {@code <default>}, which that key is refused for.
     */
    @Test
    void aMissingClassOfAKeyForAllNamedAsAChannelSuggestsNoDefault() throws IOException {
        Path file = graphMl("e.graphml", "<key id=\"k\" for=\"all\" attr.name=\"exists\"/>",
                "<graph edgedefault=\"undirected\"><data key=\"k\">A</data><node id=\"n\"/>"
                        + "</graph>",
                "<graph id=\"g2\" edgedefault=\"undirected\"><node id=\"n\"/></graph>");

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new GraphMlReader().withLabelProperty("exists").read(file));

        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith("graph 'g2' has no class label: it has no <data> for"
                + " the graph attribute 'exists' (key 'k'), which other graphs use for classes,"
                + " and the key has no <default>; give every graph a <data> of it (the key"
                + " cannot take a <default>: it is for all elements, so every node without a"
                + " <data> of it would take the default as its 'exists', the channel that"
                + " marks real nodes)"), e.getMessage());
        assertFalse(e.getMessage().contains("or the key a <default>"), e.getMessage());
    }

    @Test
    void refusesAByteOrderMarkThatContradictsTheDeclaredEncoding() throws IOException {
        // The tester's reproduction: read as lab=\u00c3\u00a9t\u00c3\u00a9 without a word.
        Path file = dir.resolve("x.graphml");
        Files.write(file, ("\uFEFF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml"
                + " xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"l\" for=\"node\""
                + " attr.name=\"lab\"/><graph edgedefault=\"undirected\"><node id=\"a\"><data"
                + " key=\"l\">\u00e9t\u00e9</data></node></graph></graphml>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(file + ", line 1, column 31: it starts with a UTF-8 byte-order mark, but"
                + " its XML declaration names the encoding ISO-8859-1; convert the file to UTF-8,"
                + " or make the two agree", refused(file).getMessage());
    }

    /**
     * An entity declared in the file's DTD is not expanded, since the parser reads no DTD: the
     * refusal says that such entities are not supported, where the parser's words said that
     * the entity was not declared; XML's own entities and character references are read.
     */
    @Test
    void refusesAnEntityOfTheDtdSayingThatDtdEntitiesAreNotSupported() throws IOException {
        String keyed = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"s\""
                + " for=\"node\" attr.name=\"s\" attr.type=\"string\"/>\n<graph"
                + " edgedefault=\"undirected\"><node id=\"a\"><data key=\"s\">";
        Path file = write("ent.graphml", "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml ["
                + " <!ENTITY y \"yes\"> ]>\n" + keyed + "&y;</data></node></graph></graphml>\n");
        assertEquals(file + ", line 5, column 63: the entity reference &y; names none of XML's"
                + " own entities (&amp; &lt; &gt; &quot; &apos;), and entities declared in a DTD"
                + " (<!ENTITY y ...>) are not supported: the reader reads no DTD, internal or"
                + " external, so that nothing is fetched or expanded; write the text itself, or"
                + " a character reference such as &#233;, in place of &y;",
                refused(file).getMessage());
        Path own = write("own.graphml", "<?xml version=\"1.0\"?>\n" + keyed
                + "&lt;&#233;&amp;</data></node></graph></graphml>\n");
        assertEquals(List.of("s=<\u00e9&"), new GraphMlReader().read(own).nodeChannels());
    }

    @Test
    void refusesMalformedXmlAndTextInAnotherEncodingWithTheLine() throws IOException {
        Path cut = write("cut.graphml", HEAD + "<graph edgedefault=\"directed\"><node id=\"a\">");
        String message = refused(cut).getMessage();
        assertTrue(message.startsWith(cut + ", line 3, column "), message);
        assertTrue(message.contains("malformed XML"), message);
        Path latin = dir.resolve("latin.graphml");
        Files.write(latin, (HEAD + "<graph edgedefault=\"directed\"><node id=\"\u00e9\"/>"
                + "</graph></graphml>").getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(refused(latin).getMessage().startsWith(latin + ", line 3: is not UTF-8 text"
                + " (byte 0xE9 at column 41)"), refused(latin).getMessage());
    }
    /**
     * Values lose their padding, so ' C' and 'C' are one label; a note names the first two
     * texts of each attribute that became one (GML and DOT keep them apart).
     */
    @Test
    void notesTextsThatBecomeOneLabelWithoutTheirPadding() throws IOException {
        Path file = graphMl("pad.graphml",
                "<key id=\"s\" for=\"node\" attr.name=\"s\" attr.type=\"string\"/>",
                "<key id=\"t\" for=\"node\" attr.name=\"t\" attr.type=\"string\"/>",
                "<graph edgedefault=\"undirected\">",
                "<node id=\"a\"><data key=\"s\"> C</data><data key=\"t\">x</data></node>",
                "<node id=\"b\"><data key=\"s\">C</data><data key=\"t\">x</data></node>",
                "<node id=\"c\"><data key=\"s\">C\t</data><data key=\"t\">y</data></node>",
                "<edge source=\"a\" target=\"b\"/>",
                "</graph>");
        GraphDataset d = new GraphMlReader().read(file);
        assertEquals(List.of("s=C", "t=x", "t=y"), d.nodeChannels().subList(0, 3));
        List<String> merged = d.notes().stream().filter(n -> n.contains("both read as"))
                .toList();
        assertEquals(List.of("node attribute 's': the texts ' C' and 'C' (pad.graphml, line 7)"
                + " are both read as the label 'C', since GraphML values lose the spaces, tabs"
                + " and line breaks around them (GML and DOT values keep them)"), merged);
        // Equal texts make no note.
        Path plain = graphMl("plain.graphml",
                "<key id=\"s\" for=\"node\" attr.name=\"s\" attr.type=\"string\"/>",
                "<graph edgedefault=\"undirected\">",
                "<node id=\"a\"><data key=\"s\"> C</data></node>",
                "<node id=\"b\"><data key=\"s\"> C</data></node>",
                "</graph>");
        assertTrue(new GraphMlReader().read(plain).notes().stream()
                .noneMatch(n -> n.contains("both read as")));
    }
}
