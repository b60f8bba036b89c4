package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

class IamDatasetReaderTest {

    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    /** Reads the train, validation and test splits of a folder, in that order. */
    private static List<GraphDataset> readSplits(Path folder, String validation)
            throws IOException {
        return IamDatasetReader.readSplits(List.of(folder.resolve("train.cxl"),
                folder.resolve(validation), folder.resolve("test.cxl")));
    }

    // ---- real data (counts from each folder's PROVENANCE.md) -------------------------------

    @Test
    void readsLetterHighTrain() throws IOException {
        GraphDataset d = IamDatasetReader.read(TestDatasets.require("iam/Letter/HIGH/train.cxl"));
        assertEquals("HIGH/train", d.name());
        assertEquals(750, d.size());
        assertEquals(List.of("A", "E", "F", "H", "I", "K", "L", "M", "N", "T", "V", "W", "X",
                "Y", "Z"), d.classes());
        for (String c : d.classes()) {
            assertEquals(50, d.ofClass(c).size());
        }
        assertEquals(List.of("x", "y"), d.nodeChannels().subList(0, 2));
        assertEquals(NodeExistence.isNeeded(d.graphs()) ? 3 : 2, d.nodeChannels().size());
        assertEquals(List.of(GraphDataset.EDGE_CHANNEL), d.edgeChannels());
        assertFalse(d.isDirected());
        // AP1_0000.gxl: 5 nodes, node _0 at (0.687437, 0.271509), edges 0-1, 1-2, 3-4.
        Graph first = d.graphs().get(0);
        assertEquals("AP1_0000", d.graphNames().get(0));
        assertEquals(5, first.order());
        assertEquals(3, first.edgeCount());
        assertEquals(0.687437, first.node(0, 0), TOLERANCE);
        assertEquals(0.271509, first.node(0, 1), TOLERANCE);
        assertTrue(first.hasEdge(4, 3));
    }

    @Test
    void readsAllLetterSplitsWithOneEncoding() throws IOException {
        for (String level : List.of("LOW", "MED", "HIGH")) {
            Path folder = TestDatasets.require("iam/Letter/" + level);
            List<GraphDataset> splits = readSplits(folder, "validation.cxl");
            int nodes = 0;
            for (GraphDataset d : splits) {
                assertEquals(750, d.size());
                assertEquals(15, d.classes().size());
                assertEquals(splits.get(0).nodeChannels(), d.nodeChannels());
                for (Graph g : d.graphs()) {
                    nodes += g.order();
                }
            }
            // PROVENANCE.md: about 4.7 nodes per graph over all 2250 graphs.
            assertEquals(4.7, nodes / 2250.0, 0.05, level);
        }
    }

    @Test
    void readsFingerprintAsDirectedPairsOfEachRidge() throws IOException {
        List<GraphDataset> splits = readSplits(TestDatasets.require("iam/Fingerprint/data"),
                "valid.cxl");
        assertEquals(List.of(500, 300, 2000), splits.stream().map(GraphDataset::size).toList());
        assertEquals(List.of("orient", "angle", GraphDataset.EDGE_CHANNEL),
                splits.get(0).edgeChannels());
        int nodes = 0;
        int pairs = 0;
        int graphs = 0;
        for (GraphDataset d : splits) {
            assertTrue(d.isDirected());
            for (Graph g : d.graphs()) {
                graphs++;
                nodes += g.order();
                pairs += g.edgeCount();
                for (int i = 0; i < g.order(); i++) {
                    for (int j = 0; j < g.order(); j++) {
                        assertEquals(g.hasEdge(i, j), g.hasEdge(j, i), "both directions");
                    }
                }
            }
        }
        // PROVENANCE.md: 5.42 nodes and 4.42 undirected edges per graph.
        assertEquals(5.42, (double) nodes / graphs, 0.01);
        assertEquals(4.42, pairs / 2.0 / graphs, 0.01);
        // The 4-class task: first character, T read as A.
        GraphDataset four = splits.get(0).mapClasses(c -> c.startsWith("T") ? "A"
                : c.substring(0, 1));
        assertEquals(List.of("A", "L", "R", "W"), four.classes());
    }

    @Test
    void readsAidsSplitsWithSharedAtomSymbols() throws IOException {
        List<GraphDataset> splits = readSplits(TestDatasets.require("iam/AIDS/data"),
                "valid.cxl");
        assertEquals(List.of(250, 250, 1500), splits.stream().map(GraphDataset::size).toList());
        Map<String, Integer> counts = new TreeMap<>();
        for (GraphDataset d : splits) {
            for (String c : d.classLabels()) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        assertEquals(Map.of("a", 400, "i", 1600), counts);
        List<String> channels = splits.get(0).nodeChannels();
        assertTrue(channels.contains("symbol=C"), channels.toString());
        assertTrue(channels.containsAll(List.of("chem", "charge", "x", "y")));
        assertEquals(List.of("valence"), splits.get(0).edgeChannels());
        assertFalse(splits.get(0).isDirected());
        ChannelGroup symbol = splits.get(0).nodeGroups().get(0);
        assertEquals("symbol", symbol.name());
        Graph g = splits.get(0).graphs().get(0);
        String decoded = symbol.decode(g.nodeVector(0));
        assertTrue(decoded.length() <= 2 && !decoded.isBlank(), decoded);
    }

    @Test
    void readsProteinAndLeavesTheSequenceTextOut() throws IOException {
        GraphDataset d = IamDatasetReader.read(TestDatasets.require("iam/Protein/data/train.cxl"));
        assertEquals(200, d.size());
        assertEquals(6, d.classes().size());
        assertEquals(List.of("type", "aaLength"), d.nodeChannels().subList(0, 2));
        assertEquals(List.of("frequency", "type0", "distance0", "type1", "distance1"),
                d.edgeChannels());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'sequence' left out")),
                d.notes().toString());
        int nodes = 0;
        int edges = 0;
        for (Graph g : d.graphs()) {
            nodes += g.order();
            edges += g.edgeCount();
        }
        // PROVENANCE.md: 33.34 nodes and 62.93 edges per graph in train.
        assertEquals(33.34, nodes / 200.0, 0.01);
        assertEquals(62.93, edges / 200.0, 0.01);
    }

    // ---- synthetic data -------------------------------------------------------------------

    private static final String HEADER = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE gxl SYSTEM \"http://www.gupro.de/GXL/gxl-1.0.dtd\">\n";

    private Path split(String... entries) throws IOException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<GraphCollection>\n"
                + "<graphs count=\"" + entries.length / 2 + "\">\n");
        for (int k = 0; k < entries.length; k += 2) {
            b.append("<print file=\"").append(entries[k]).append("\" class=\"")
                    .append(entries[k + 1]).append("\"/>\n");
        }
        Path cxl = dir.resolve("split.cxl");
        Files.writeString(cxl, b.append("</graphs>\n</GraphCollection>\n").toString());
        return cxl;
    }

    private void gxl(String file, String mode, String body) throws IOException {
        Files.writeString(dir.resolve(file), HEADER + "<gxl>\n<graph id=\"g\" edgemode=\""
                + mode + "\">\n" + body + "</graph>\n</gxl>\n");
    }

    private static String node(String id, String attributes) {
        return "<node id=\"" + id + "\">" + attributes + "</node>\n";
    }

    private static String attr(String name, String tag, String value) {
        return "<attr name=\"" + name + "\"><" + tag + ">" + value + "</" + tag + "></attr>";
    }

    @Test
    void encodesStringsOneHotNumbersAsChannelsAndMissingAsZero() throws IOException {
        gxl("a.gxl", "undirected", node("n1", attr("sym", "string", "C  ")
                + attr("x", "float", "1.5")) + node("n2", attr("sym", "string", "O"))
                + "<edge from=\"n1\" to=\"n2\">" + attr("valence", "int", "2") + "</edge>\n");
        gxl("b.gxl", "undirected", node("m", attr("sym", "string", "N")
                + attr("x", "float", "-2") + attr("flag", "bool", "true")));
        GraphDataset d = IamDatasetReader.read(split("a.gxl", " act ", "b.gxl", "inact"));
        assertEquals(List.of("sym=C", "sym=N", "sym=O", "x", "flag"), d.nodeChannels());
        assertEquals(List.of("valence"), d.edgeChannels());
        assertEquals(List.of("act", "inact"), d.classLabels());
        assertEquals(List.of("a", "b"), d.graphNames());
        Graph a = d.graphs().get(0);
        assertEquals(List.of(1.0, 0.0, 0.0, 1.5, 0.0), box(a.nodeVector(0)));
        assertEquals(List.of(0.0, 0.0, 1.0, 0.0, 0.0), box(a.nodeVector(1)));
        assertEquals(2.0, a.edge(1, 0, 0));
        assertFalse(a.isDirected());
        assertEquals(List.of(0.0, 1.0, 0.0, -2.0, 1.0), box(d.graphs().get(1).nodeVector(0)));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'flag' is missing on 2 of 3")),
                d.notes().toString());
    }

    private static List<Double> box(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @Test
    void mergesSymmetricDirectedPairsIntoUndirectedEdges() throws IOException {
        String nodes = node("a", attr("x", "float", "1")) + node("b", attr("x", "float", "2"));
        gxl("p.gxl", "directed", nodes
                + "<edge from=\"a\" to=\"b\">" + attr("w", "double", "3") + "</edge>"
                + "<edge from=\"b\" to=\"a\">" + attr("w", "double", "3") + "</edge>\n");
        GraphDataset d = IamDatasetReader.read(split("p.gxl", "c"));
        assertFalse(d.isDirected());
        assertEquals(1, d.graphs().get(0).edgeCount());

        gxl("p.gxl", "directed", nodes
                + "<edge from=\"a\" to=\"b\">" + attr("w", "double", "3") + "</edge>"
                + "<edge from=\"b\" to=\"a\">" + attr("w", "double", "-3") + "</edge>\n");
        d = IamDatasetReader.read(split("p.gxl", "c"));
        assertTrue(d.isDirected());
        assertEquals(2, d.graphs().get(0).edgeCount());
        assertEquals(-3.0, d.graphs().get(0).edge(1, 0, 0));
    }

    @Test
    void zeroValuedEdgesAndNodesGetExistenceChannels() throws IOException {
        gxl("z.gxl", "undirected", node("a", attr("x", "float", "0")
                + attr("y", "float", "0")) + node("b", attr("x", "float", "1")
                + attr("y", "float", "0")) + "<edge from=\"a\" to=\"b\">"
                + attr("angle", "float", "0.0") + "</edge>\n");
        GraphDataset d = IamDatasetReader.read(split("z.gxl", "c"));
        assertEquals(List.of("x", "y", NodeExistence.CHANNEL_NAME), d.nodeChannels());
        assertEquals(List.of("angle", GraphDataset.EDGE_CHANNEL), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertEquals(1.0, g.node(0, 2));
        assertTrue(g.hasEdge(0, 1));
        assertEquals(1.0, g.edge(0, 1, 1));
    }

    @Test
    void textInIntElementsIsReadAsLabelsWhenEveryValueIsText() throws IOException {
        gxl("t.gxl", "undirected", node("a", attr("seq", "int", "MKV"))
                + node("b", attr("seq", "long", "GAV")));
        GraphDataset d = IamDatasetReader.read(split("t.gxl", "c"));
        assertEquals(List.of("seq=GAV", "seq=MKV"), d.nodeChannels());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'seq' holds text")),
                d.notes().toString());
        List<GraphDataset> capped = IamDatasetReader.readSplits(List.of(split("t.gxl", "c")),
                1);
        assertEquals(List.of(NodeExistence.CHANNEL_NAME), capped.get(0).nodeChannels());
        assertTrue(capped.get(0).notes().stream().anyMatch(n -> n.contains("left out")));
    }

    @Test
    void utf16GraphFilesAreReadAndACutOneIsRefusedByUs() throws IOException {
        String text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<gxl><graph id=\"g\""
                + " edgemode=\"undirected\">" + node("a", attr("x", "float", "1.5"))
                + "</graph></gxl>\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16);
        Files.write(dir.resolve("w.gxl"), bytes);
        assertEquals(List.of("x"), IamDatasetReader.read(split("w.gxl", "c")).nodeChannels());

        Files.write(dir.resolve("w.gxl"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        DatasetFormatException e = failure(split("w.gxl", "c"));
        assertTrue(e.getMessage().contains("w.gxl, line 3: is not UTF-16BE text"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("its first bytes say UTF-16BE; convert the file to"
                + " UTF-8"), e.getMessage());
    }

    @Test
    void aStringValueTurnsANumericAttributeIntoLabelsWithANote() throws IOException {
        gxl("s.gxl", "undirected", node("a", attr("x", "float", "1.5"))
                + node("b", attr("x", "string", "big")) + node("c", attr("x", "int", "2")));
        GraphDataset d = IamDatasetReader.read(split("s.gxl", "c"));
        assertEquals(List.of("x=1.5", "x=2", "x=big"), d.nodeChannels());
        assertTrue(d.notes().contains("node attribute 'x' holds numbers (first at s.gxl, line 5)"
                + " and <string> values (first at s.gxl, line 6): all its values were read as"
                + " discrete labels, numbers included"), d.notes().toString());

        gxl("s.gxl", "undirected", node("a", attr("x", "string", "small"))
                + node("b", attr("x", "string", "big")));
        assertTrue(IamDatasetReader.read(split("s.gxl", "c")).notes().stream()
                .noneMatch(n -> n.contains("holds numbers")));
    }

    @Test
    void equalNumbersReadAsLabelsGiveOneLabel() throws IOException {
        // <float>2</float> and <float>2.0</float> were the two labels x=2 and x=2.0.
        gxl("s.gxl", "undirected", node("a", attr("x", "float", "2"))
                + node("b", attr("x", "float", "2.0")) + node("c", attr("x", "int", "2"))
                + node("d", attr("x", "double", "1.50")) + node("e", attr("x", "float", "1.5"))
                + node("f", attr("x", "float", "-0.0")) + node("g", attr("x", "string", "big"))
                + node("h", attr("x", "string", "2.0")) + node("i", attr("y", "bool", "true"))
                + node("j", attr("y", "string", "maybe")));
        GraphDataset d = IamDatasetReader.read(split("s.gxl", "c"));
        // The categorical rule's form: integral without a fraction, others shortest; a
        // <string> and a <bool> keep their text. Nodes i and j have no x, a gap in the
        // leading group, so the nodes get the existence channel.
        assertEquals(List.of("x=0", "x=1.5", "x=2", "x=2.0", "x=big", "y=maybe", "y=true",
                "exists"), d.nodeChannels());
    }

    @Test
    void rejectsTextMixedWithNumbersInIntElements() throws IOException {
        gxl("m.gxl", "undirected", node("a", attr("seq", "int", "7"))
                + node("b", attr("seq", "int", "MKV")));
        DatasetFormatException e = failure(split("m.gxl", "c"));
        assertNames(e, "m.gxl", 6, "<int>MKV</int> of node attribute 'seq' is not a number");
        assertTrue(e.getMessage().contains("first at m.gxl, line 5"), e.getMessage());

        // Text first, then a number in another file: the number breaks the pattern.
        gxl("t.gxl", "undirected", node("a", attr("seq", "int", "MKV")));
        gxl("n.gxl", "undirected", node("a", attr("seq", "int", "3")));
        e = failure(split("t.gxl", "c", "n.gxl", "c"));
        assertNames(e, "n.gxl", 5, "<int>3</int> of node attribute 'seq' is a number");
        assertTrue(e.getMessage().contains("first at t.gxl, line 5"), e.getMessage());
    }

    @Test
    void rejectsTextInFloatAndDoubleElements() throws IOException {
        gxl("f.gxl", "undirected", node("a", attr("x", "float", "abc")));
        assertNames(failure(split("f.gxl", "c")), "f.gxl", 5,
                "expected a finite decimal number for <float>, found 'abc'");
        gxl("f.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\">" + attr("w", "double", "1,5") + "</edge>\n");
        assertNames(failure(split("f.gxl", "c")), "f.gxl", 7,
                "expected a finite decimal number for <double>, found '1,5'");
    }

    /**
     * Java-only number forms, which {@link Double#parseDouble} reads ({@code 2d} as 2,
     * {@code 0x1p3} as 8), are refused in {@code <float>} and {@code <double>} with the file,
     * line and column; the same texts in {@code <int>} are text, like any other non-number.
     */
    @Test
    void rejectsJavaOnlyNumberFormsInFloatAndDoubleElements() throws IOException {
        for (String text : List.of("2d", "2F", "0x1p3", "-0X10")) {
            for (String tag : List.of("float", "double")) {
                gxl("f.gxl", "undirected", node("a", attr("x", tag, text)));
                DatasetFormatException e = failure(split("f.gxl", "c"));
                assertTrue(e.getMessage().contains("f.gxl, line 5, column "), e.getMessage());
                assertTrue(e.getMessage().endsWith(": expected a finite decimal number for <"
                        + tag + ">, found '" + text + "' (a Java-only form: type suffix d or f,"
                        + " or hexadecimal)"), e.getMessage());
            }
        }
        gxl("f.gxl", "undirected", node("a", attr("x", "float", "2.5e0")));
        assertEquals(1, IamDatasetReader.read(split("f.gxl", "c")).size());
    }

    /**
     * Every refused number gets the one wording of {@link DecimalNumbers#refusal} with the
     * file and line, in {@code <int>} too once the text is a number; a nonzero value a double
     * reads as 0 is refused, a subnormal value and a zero with a large exponent are read.
     */
    @Test
    void refusesNumbersInTheSharedWordingAndKeepsSubnormals() throws IOException {
        for (String text : List.of("inf", "Infinity", "NaN", "1e400", "1e-400", "-3e-500")) {
            for (String tag : List.of("float", "double", "int")) {
                if (tag.equals("int") && text.equals("inf")) {
                    continue;
                }
                gxl("f.gxl", "undirected", node("a", attr("x", tag, text)));
                DatasetFormatException e = failure(split("f.gxl", "c"));
                assertNames(e, "f.gxl", 5, DecimalNumbers.refusal(text, "<" + tag + ">"));
                assertTrue(e.getMessage().endsWith(DecimalNumbers.refusal(text,
                        "<" + tag + ">")), e.getMessage());
            }
        }
        gxl("f.gxl", "undirected", node("a", attr("x", "float", "1e-400")));
        assertTrue(failure(split("f.gxl", "c")).getMessage().contains("too small"));
        gxl("f.gxl", "undirected", node("a", attr("x", "float", "1e-310"))
                + node("b", attr("x", "double", "0e-400")));
        GraphDataset d = IamDatasetReader.read(split("f.gxl", "c"));
        int x = d.nodeChannels().indexOf("x");
        assertEquals(1e-310, d.graphs().get(0).node(0, x));
        assertEquals(0.0, d.graphs().get(0).node(1, x));
    }

    @Test
    void readsASingleGraphFileAndEmptyGraphs() throws IOException {
        Files.writeString(dir.resolve("e.gxl"), HEADER
                + "<gxl><graph id=\"e\" edgeids=\"false\" edgemode=\"directed\"/></gxl>");
        GraphDataset d = IamDatasetReader.readGraph(dir.resolve("e.gxl"));
        assertEquals(1, d.size());
        assertEquals(0, d.graphs().get(0).order());
        assertEquals(List.of("e"), d.graphNames());
        assertFalse(d.hasClasses());
    }

    // ---- errors ---------------------------------------------------------------------------

    private DatasetFormatException failure(Path cxl) {
        return assertThrows(DatasetFormatException.class, () -> IamDatasetReader.read(cxl));
    }

    private static void assertNames(DatasetFormatException e, String file, int line,
            String text) {
        // "FILE, line L, column C: TEXT" where the parser knows the column, else "line L:".
        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertTrue(Pattern.compile("line " + line + "(, column \\d+)?: ").matcher(
                e.getMessage()).find(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void aFolderIsNamedAsAFolderWithItsSplitFiles() throws IOException {
        // Before, an existing folder was reported as "no such file or folder".
        for (String name : new String[] {"train.cxl", "validation.cxl", "test.cxl"}) {
            Files.writeString(dir.resolve(name), "<c/>");
        }
        String expected = dir + ": a folder, not an IAM .cxl split file; for IAM data give a"
                + " .cxl file (test.cxl, train.cxl, validation.cxl found here)";

        DatasetFormatException one = failure(dir);
        DatasetFormatException several = assertThrows(DatasetFormatException.class,
                () -> IamDatasetReader.readSplits(List.of(dir)));
        DatasetFormatException graph = assertThrows(DatasetFormatException.class,
                () -> IamDatasetReader.readGraph(dir));

        assertEquals(expected, one.getMessage());
        assertEquals(expected, several.getMessage());
        assertTrue(graph.getMessage().startsWith(dir + ": a folder, not a GXL graph file; "),
                graph.getMessage());
        // The loader's own message for the folder names the same split files.
        assertTrue(assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir))
                .getMessage().endsWith("; for IAM data give a .cxl file (test.cxl, train.cxl,"
                        + " validation.cxl found here)"));
    }

    @Test
    void anEmptyFolderAndAMissingFileAreToldApart() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path missing = dir.resolve("missing.cxl");

        assertEquals(empty + ": a folder, not an IAM .cxl split file; nothing here is a data"
                + " set this loader reads (a TU folder, an IAM .cxl file, a .npy file, a GraphML,"
                + " GML or DOT file or folder, or a molecule file)", failure(empty).getMessage());
        assertEquals("no such file or folder: " + missing, failure(missing).getMessage());
    }

    @Test
    void theLetterLowFolderNamesItsSplits() throws IOException {
        Path low = TestDatasets.require("iam/Letter/LOW");
        DatasetFormatException e = failure(low);
        assertTrue(e.getMessage().endsWith("for IAM data give a .cxl file (test.cxl, train.cxl,"
                + " validation.cxl found here)"), e.getMessage());
    }

    @Test
    void refusesAttributesNamedAsTheExistenceAndPresenceChannels() throws IOException {
        // A node attribute 'exists' of 3 was read as the existence channel (a mean showed
        // "exists 3.00"), and one of 0 failed with "node channel name 'exists' occurs twice".
        gxl("n.gxl", "undirected", node("a", attr("exists", "float", "3"))
                + node("b", attr("exists", "float", "0")));
        assertNames(failure(split("n.gxl", "c")), "n.gxl", 5, "the node attribute 'exists' has"
                + " the name of the channel that marks real nodes (1 on each), so its values"
                + " would be read as node existence; rename the attribute in the file");
        gxl("e.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\">" + attr("edge", "float", "2") + "</edge>\n");
        assertNames(failure(split("e.gxl", "c")), "e.gxl", 7, "the edge attribute 'edge' has"
                + " the name of the channel that marks present edges");
        // An empty name would make a channel without a name, as GraphML refuses it too.
        gxl("empty.gxl", "undirected", node("a", attr("x", "float", "1"))
                + node("b", attr("", "float", "1")));
        DatasetFormatException empty = failure(split("empty.gxl", "c"));
        assertNames(empty, "empty.gxl", 6, "node 'b' has an attribute with an empty name (<attr"
                + " name=\"\">); expected a name, as every attribute becomes a channel named by"
                + " it");
        assertTrue(empty.getMessage().contains("line 6, column "), empty.getMessage());
        gxl("emptyedge.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\">" + attr("", "float", "2") + "</edge>\n");
        assertNames(failure(split("emptyedge.gxl", "c")), "emptyedge.gxl", 7, "edge from 'a' to"
                + " 'b' has an attribute with an empty name");
        // The other way round the names are no channel of the aligners: read as data.
        gxl("ok.gxl", "undirected", node("a", attr("edge", "float", "2")) + node("b", "")
                + "<edge from=\"a\" to=\"b\">" + attr("exists", "float", "2") + "</edge>\n");
        GraphDataset d = IamDatasetReader.read(split("ok.gxl", "c"));
        assertEquals(List.of("edge", "exists"), d.nodeChannels());
        assertEquals(List.of("exists"), d.edgeChannels());
    }

    @Test
    void rejectsAMissingGraphFile() throws IOException {
        DatasetFormatException e = failure(split("gone.gxl", "c"));
        assertNames(e, "split.cxl", 4, "'gone.gxl' not found");
    }

    @Test
    void aGraphFileThatIsAFolderIsNamedAsAFolder() throws IOException {
        // It was reported as "graph file 'sub.gxl' not found".
        Files.createDirectory(dir.resolve("sub.gxl"));
        DatasetFormatException e = failure(split("sub.gxl", "c"));
        assertTrue(e.getMessage().endsWith("line 4: graph file 'sub.gxl' in "
                + dir.toAbsolutePath() + " is a folder"), e.getMessage());
    }

    @Test
    void aGraphFileThatIsANamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        NamedPipes.make(dir.resolve("pg.gxl"));
        DatasetFormatException e = failure(split("pg.gxl", "c"));
        assertTrue(e.getMessage().endsWith("line 4: graph file 'pg.gxl' in "
                + dir.toAbsolutePath() + " is not a regular file (such as a named pipe or a"
                + " device), so it is not read"), e.getMessage());
    }

    @Test
    void aSplitOrGraphFileThatIsANamedPipeIsRefusedInTheReadersWords() throws Exception {
        // Was "not a regular file, so not an IAM .cxl split file", unlike every other reader.
        String split = failure(NamedPipes.make(dir.resolve("pipe.cxl"))).getMessage();
        assertTrue(split.endsWith("pipe.cxl: not a regular file (such as a named pipe or a"
                + " device), so it is not read; expected an IAM .cxl split file"), split);
        Path gxl = NamedPipes.make(dir.resolve("pipe.gxl"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IamDatasetReader.readGraph(gxl));
        assertTrue(e.getMessage().endsWith("pipe.gxl: not a regular file (such as a named pipe"
                + " or a device), so it is not read; expected a GXL graph file"),
                e.getMessage());
    }

    @Test
    void rejectsMalformedXml() throws IOException {
        Files.writeString(dir.resolve("bad.gxl"), HEADER + "<gxl>\n<graph id=\"g\">\n"
                + "<node id=\"a\"></edge>\n</graph></gxl>");
        assertNames(failure(split("bad.gxl", "c")), "bad.gxl", 5, "malformed XML");
        Files.writeString(dir.resolve("split.cxl"), "<GraphCollection><print file=\"x\"");
        assertTrue(failure(dir.resolve("split.cxl")).getMessage().contains("split.cxl"));
        // An entity of the file's own DTD: not supported, and said so (the parser's words
        // were that it was not declared).
        Files.writeString(dir.resolve("ent.gxl"), "<?xml version=\"1.0\"?>\n<!DOCTYPE gxl"
                + " [ <!ENTITY c \"C\"> ]>\n<gxl><graph id=\"g\" edgemode=\"undirected\">\n"
                + node("a", attr("s", "string", "&c;")) + "</graph></gxl>\n");
        DatasetFormatException entity = failure(split("ent.gxl", "c"));
        assertNames(entity, "ent.gxl", 4, "the entity reference &c; names none of XML's own"
                + " entities (&amp; &lt; &gt; &quot; &apos;), and entities declared in a DTD"
                + " (<!ENTITY c ...>) are not supported");
        assertFalse(entity.getMessage().contains("malformed"), entity.getMessage());
    }

    /**
     * A byte that is not UTF-8 in a file without an encoding declaration is refused with the
     * file, line and column, and nothing else is printed; before, the JDK's XML parser wrote
     * {@code [Fatal Error] :-1:-1: Invalid byte 2 of 3-byte UTF-8 sequence.} to stderr first.
     * A declared encoding is honoured.
     */
    @Test
    void aFileThatIsNotUtf8IsRefusedWithoutTheParsersOwnStderrLine() throws IOException {
        Path cxl = Files.write(dir.resolve("l.cxl"), ("<GraphCollection><graphs><print"
                + " file=\"\u00e9.gxl\" class=\"A\"/></graphs></GraphCollection>")
                .getBytes(StandardCharsets.ISO_8859_1));
        gxl("a.gxl", "undirected", node("a", attr("sym", "string", "C")));
        Path latin1Graph = dir.resolve("b.gxl");
        Files.write(latin1Graph, Files.readString(dir.resolve("a.gxl"))
                .replace("C</string>", "\u00e9</string>").getBytes(StandardCharsets.ISO_8859_1));
        String hint = "; convert the file to UTF-8, or name its encoding in an XML declaration"
                + " such as <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";

        List<String> messages = new ArrayList<>();
        assertEquals("", stderrOf(() -> {
            messages.add(failure(cxl).getMessage());
            messages.add(failure(split("b.gxl", "c")).getMessage());
            messages.add(assertThrows(DatasetFormatException.class,
                    () -> IamDatasetReader.graphFiles(cxl)).getMessage());
            messages.add(assertThrows(DatasetFormatException.class,
                    () -> IamDatasetReader.readGraph(latin1Graph)).getMessage());
            DatasetLoader.companions(cxl);
        }));
        String inCxl = cxl + ", line 1: is not UTF-8 text (byte 0xE9 at column 39)" + hint;
        String inGxl = latin1Graph + ", line 5: is not UTF-8 text (byte 0xE9 at column 39)"
                + hint;
        assertEquals(List.of(inCxl, inGxl, inCxl, inGxl), messages);

        // A byte that the declared encoding maps to no character was read as U+FFFD.
        Files.write(latin1Graph, Files.readString(dir.resolve("a.gxl"))
                .replace("<?xml version=\"1.0\"?>",
                        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>")
                .replace("C</string>", "\u0081</string>").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1Graph + ", line 5: is not windows-1252 text (byte 0x81 at column 39);"
                + " its XML declaration names the encoding windows-1252; convert the file, or"
                + " name its real encoding there", assertThrows(DatasetFormatException.class,
                        () -> IamDatasetReader.readGraph(latin1Graph)).getMessage());

        // Declared as ISO-8859-1, the same bytes read; declared as UTF-8 or US-ASCII, they
        // are refused with the declared name.
        String body = Files.readString(dir.resolve("a.gxl")).replace("C</string>",
                "\u00e9</string>");
        for (String name : List.of("ISO-8859-1", "UTF-8", "US-ASCII")) {
            Files.write(latin1Graph, body.replace("<?xml version=\"1.0\"?>",
                    "<?xml version=\"1.0\" encoding='" + name + "'?>")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (name.startsWith("ISO")) {
                assertEquals(List.of("sym=\u00e9"), IamDatasetReader.readGraph(latin1Graph)
                        .nodeChannels().subList(0, 1));
                continue;
            }
            assertEquals(latin1Graph + ", line 5: is not " + name + " text (byte 0xE9 at column"
                    + " 39); its XML declaration names the encoding " + name + "; convert the"
                    + " file, or name its real encoding there", assertThrows(
                            DatasetFormatException.class,
                            () -> IamDatasetReader.readGraph(latin1Graph)).getMessage());
        }
    }

    /**
     * A declaration naming an encoding that Java does not know is refused by the reader with
     * the line and column of the name, in a split file and in a graph file, in UTF-8 with or
     * without a byte-order mark and in UTF-16; before, the parser refused it in its own words
     * ({@code malformed XML: Invalid encoding name "x-nonsense".}).
     */
    @Test
    void anEncodingJavaDoesNotKnowIsRefusedByUsNamingIt() throws IOException {
        String unknown = ", which Java does not know; convert the file to UTF-8, or name its"
                + " real encoding there";
        Path cxl = dir.resolve("split.cxl");
        Files.writeString(cxl, "<?xml version=\"1.0\" encoding=\"x-nonsense\"?>\n"
                + "<GraphCollection><graphs><print file=\"a.gxl\" class=\"A\"/></graphs>"
                + "</GraphCollection>\n");
        gxl("a.gxl", "undirected", node("a", attr("x", "float", "1")));
        String body = Files.readString(dir.resolve("a.gxl")).replace("<?xml version=\"1.0\"?>",
                "");
        Path gxl = dir.resolve("b.gxl");

        List<String> messages = new ArrayList<>();
        assertEquals("", stderrOf(() -> {
            messages.add(failure(cxl).getMessage());
            messages.add(assertThrows(DatasetFormatException.class,
                    () -> IamDatasetReader.graphFiles(cxl)).getMessage());
            Files.writeString(gxl, "<?xml version='1.0'\n   encoding='X-Nonsense'?>" + body);
            messages.add(failure(split("b.gxl", "c")).getMessage());
            Files.writeString(gxl, "\uFEFF<?xml version=\"1.0\" encoding=\"x-nonsense\"?>"
                    + body);
            messages.add(assertThrows(DatasetFormatException.class,
                    () -> IamDatasetReader.readGraph(gxl)).getMessage());
            Files.write(gxl, ("<?xml version=\"1.0\" encoding=\"x-nonsense\"?>" + body)
                    .getBytes(StandardCharsets.UTF_16));
            messages.add(assertThrows(DatasetFormatException.class,
                    () -> IamDatasetReader.readGraph(gxl)).getMessage());
        }));
        String inGxl = gxl + ", line 1, column 31: its XML declaration names the encoding"
                + " x-nonsense" + unknown;
        assertEquals(List.of(cxl + ", line 1, column 31: its XML declaration names the encoding"
                + " x-nonsense" + unknown, cxl + ", line 1, column 31: its XML declaration names"
                + " the encoding x-nonsense" + unknown, gxl + ", line 2, column 14: its XML"
                + " declaration names the encoding X-Nonsense" + unknown, inGxl, inGxl),
                messages);

        // A known encoding is still read, and the check of its bytes is unchanged.
        Files.writeString(gxl, "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>" + body);
        assertEquals(List.of("x"), IamDatasetReader.readGraph(gxl).nodeChannels());
    }

    /**
     * First bytes that contradict the declared encoding are refused at the encoding's name in
     * split and graph files; before, a UTF-8 byte-order mark before a declaration of ISO-8859-1
     * read {@code é} as {@code Ã©} without a word.
     */
    @Test
    void firstBytesThatContradictTheDeclaredEncodingAreRefused() throws IOException {
        String agree = "; convert the file to UTF-8, or make the two agree";
        Path cxl = dir.resolve("split.cxl");
        Files.write(cxl, ("\uFEFF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<GraphCollection><graphs><print file=\"a.gxl\" class=\"\u00e9\"/></graphs>"
                + "</GraphCollection>\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(cxl + ", line 1, column 31: it starts with a UTF-8 byte-order mark, but its"
                + " XML declaration names the encoding ISO-8859-1" + agree,
                failure(cxl).getMessage());
        gxl("a.gxl", "undirected", node("a", attr("s", "string", "\u00e9t\u00e9")));
        String body = Files.readString(dir.resolve("a.gxl")).replace("<?xml version=\"1.0\"?>",
                "");
        Path gxl = dir.resolve("b.gxl");
        Files.write(gxl, ("\uFEFF<?xml version=\"1.0\" encoding=\"windows-1252\"?>" + body)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(gxl + ", line 1, column 31: it starts with a UTF-8 byte-order mark, but its"
                + " XML declaration names the encoding windows-1252" + agree,
                assertThrows(DatasetFormatException.class,
                        () -> IamDatasetReader.readGraph(gxl)).getMessage());
        Files.write(gxl, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body)
                .getBytes(StandardCharsets.UTF_16LE));
        assertEquals(gxl + ", line 1, column 31: its first bytes say UTF-16LE, but its XML"
                + " declaration names the encoding UTF-8" + agree,
                assertThrows(DatasetFormatException.class,
                        () -> IamDatasetReader.readGraph(gxl)).getMessage());
        Files.write(gxl, ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(gxl + ", line 1, column 31: its XML declaration names the encoding UTF-16,"
                + " but the declaration is written in single bytes (ASCII), which that encoding"
                + " does not write so" + agree, assertThrows(DatasetFormatException.class,
                        () -> IamDatasetReader.readGraph(gxl)).getMessage());

        // Agreeing marks and declarations are read as before.
        Files.write(gxl, ("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("s=\u00e9t\u00e9"), IamDatasetReader.readGraph(gxl).nodeChannels());
        Files.write(gxl, ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body)
                .getBytes(StandardCharsets.UTF_16));
        assertEquals(List.of("s=\u00e9t\u00e9"), IamDatasetReader.readGraph(gxl).nodeChannels());
    }

    /** Reads that may print on stderr, run by {@link #stderrOf}. */
    private interface Reads {
        void run() throws IOException;
    }

    /** Runs the reads with stderr captured and returns what they printed there. */
    private static String stderrOf(Reads reads) throws IOException {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            reads.run();
        } finally {
            System.setErr(stderr);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsAnEdgeToAnUnknownNode() throws IOException {
        gxl("u.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"c\"/>\n");
        assertNames(failure(split("u.gxl", "c")), "u.gxl", 7, "unknown node 'c'");
    }

    @Test
    void rejectsSelfLoopsRepeatedIdsAndConflictingPairs() throws IOException {
        gxl("s.gxl", "undirected", node("a", "") + "<edge from=\"a\" to=\"a\"/>\n");
        assertNames(failure(split("s.gxl", "c")), "s.gxl", 6, "self-loop");
        gxl("s.gxl", "undirected", node("a", "") + node("a", ""));
        assertNames(failure(split("s.gxl", "c")), "s.gxl", 6, "used twice");
        gxl("s.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\">" + attr("w", "int", "1") + "</edge>\n"
                + "<edge from=\"b\" to=\"a\">" + attr("w", "int", "2") + "</edge>\n");
        assertNames(failure(split("s.gxl", "c")), "s.gxl", 8, "edge from 'b' to 'a' at column 23"
                + " repeats the pair ('b', 'a') with other attributes");
        // The pair is named by the node ids, not by the node indices (1, 0).
        gxl("s.gxl", "directed", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\">" + attr("w", "int", "1") + "</edge>\n"
                + "<edge from=\"a\" to=\"b\">" + attr("w", "int", "2") + "</edge>\n");
        assertNames(failure(split("s.gxl", "c")), "s.gxl", 8, "repeats the pair ('a', 'b')");
    }

    /**
     * Columns count characters, not the parser's UTF-16 units: an edge after a node id of 30
     * emoji, and an attribute without a value on such a line, are placed 30 columns earlier
     * than the parser says.
     */
    @Test
    void columnsCountCharactersNotUtf16Units() throws IOException {
        String id = "\ud83d\ude00".repeat(30);
        String line = node(id, "").strip() + "<edge from=\"" + id + "\" to=\"" + id + "\"/>";
        gxl("e.gxl", "undirected", line + "\n");
        int units = line.length() + 1;
        DatasetFormatException loop = failure(split("e.gxl", "c"));
        assertTrue(loop.getMessage().contains("' at column " + (units - 90) + " is a self-loop"),
                loop.getMessage());
        String attribute = "<node id=\"" + id + "\"><attr name=\"x\">";
        gxl("a.gxl", "undirected", attribute + "</attr></node>\n");
        DatasetFormatException empty = failure(split("a.gxl", "c"));
        assertTrue(empty.getMessage().contains(", line 5, column "
                + (attribute.codePointCount(0, attribute.length()) + 1) + ": attribute 'x' has"
                + " no value"), empty.getMessage());
        gxl("m.gxl", "undirected", attribute + "<int>1</int></attr><attr name=\"x\"/></node>\n");
        DatasetFormatException twice = failure(split("m.gxl", "c"));
        String before = attribute + "<int>1</int></attr><attr name=\"x\"/>";
        assertTrue(twice.getMessage().contains(", line 5, column "
                + (before.codePointCount(0, before.length()) + 1) + ": attribute 'x' given"
                + " twice"), twice.getMessage());
    }

    @Test
    void theUndirectedNoteSaysWhyTheGraphsAreUndirected() throws IOException {
        // Every such graph was said to list every edge in both directions.
        String nodes = node("a", "") + node("b", "") + node("c", "");
        gxl("u.gxl", "undirected", nodes + "<edge from=\"a\" to=\"b\"/>\n"
                + "<edge from=\"b\" to=\"c\"/>\n");
        assertTrue(IamDatasetReader.read(split("u.gxl", "c")).notes().contains("every edge is"
                + " undirected by the GXL edgemode or isdirected: graphs read as undirected"));
        gxl("d.gxl", "directed", nodes + "<edge from=\"a\" to=\"b\"/>\n"
                + "<edge from=\"b\" to=\"a\"/>\n");
        assertTrue(IamDatasetReader.read(split("d.gxl", "c")).notes().contains("every edge is"
                + " listed in both directions with equal attributes: graphs read as undirected"));
        gxl("m.gxl", "directed", nodes + "<edge from=\"a\" to=\"b\"/>\n"
                + "<edge from=\"b\" to=\"a\"/>\n"
                + "<edge from=\"b\" to=\"c\" isdirected=\"false\"/>\n");
        assertTrue(IamDatasetReader.read(split("m.gxl", "c")).notes().contains("every edge is"
                + " undirected by the GXL edgemode or isdirected or listed in both directions"
                + " with equal attributes: graphs read as undirected"));
    }

    /**
     * An edge that repeats the ordered pair of an earlier edge with equal attributes is
     * merged, as before, but no longer silently: a note of the split counts such edges and
     * names the first. An undirected edge listed once per direction is no repeat, nor is a
     * directed edge against the reverse of an undirected one.
     */
    @Test
    void notesAnEdgeListedTwiceWithEqualAttributes() throws IOException {
        String nodes = node("a", attr("x", "float", "1")) + node("b", attr("x", "float", "2"))
                + node("c", attr("x", "float", "3"));
        String ab = "<edge from=\"a\" to=\"b\">" + attr("w", "int", "1") + "</edge>\n";
        String ba = "<edge from=\"b\" to=\"a\">" + attr("w", "int", "1") + "</edge>\n";
        String bc = "<edge from=\"b\" to=\"c\"/>\n";
        gxl("once.gxl", "undirected", nodes + ab + ba + bc
                + "<edge from=\"c\" to=\"b\" isdirected=\"true\"/>\n");
        gxl("twice.gxl", "undirected", nodes + ab + bc + ab + bc + bc);
        gxl("directed.gxl", "directed", nodes + ab + ba + ba);

        GraphDataset once = IamDatasetReader.read(split("once.gxl", "c"));
        assertEquals(2, once.graphs().get(0).edgeCount());
        assertTrue(once.notes().stream().noneMatch(n -> n.contains("repeat")),
                once.notes().toString());

        List<GraphDataset> splits = IamDatasetReader.readSplits(List.of(
                split("twice.gxl", "c", "directed.gxl", "c"), dir.resolve("split.cxl")));
        GraphDataset twice = splits.get(0);
        assertEquals(2, twice.graphs().get(0).edgeCount());
        assertTrue(twice.notes().contains("4 edges repeat an ordered pair of an earlier edge in"
                + " the same file with equal attributes; each pair is read as one edge (first:"
                + " twice.gxl, line 10, edge from 'a' to 'b' at column 23, as on line 8)"),
                twice.notes().toString());
        assertEquals(twice.notes(), splits.get(1).notes());
        assertTrue(IamDatasetReader.readGraph(dir.resolve("directed.gxl")).notes().contains(
                "1 edge repeats an ordered pair of an earlier edge in the same file with equal"
                + " attributes; each pair is read as one edge (first: directed.gxl, line 10,"
                + " edge from 'b' to 'a' at column 23, as on line 9)"));
    }

    @Test
    void rejectsUnsupportedValuesAndNonFiniteNumbers() throws IOException {
        gxl("v.gxl", "undirected", node("a", "<attr name=\"p\"><tup><int>1</int></tup></attr>"));
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "<tup>");
        gxl("v.gxl", "undirected", node("a", attr("x", "float", "NaN")));
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "finite");
        gxl("v.gxl", "sideways", node("a", ""));
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 4, "edgemode");
    }

    @Test
    void rejectsAnAttributeWithoutOneKnownValueElement() throws IOException {
        // Before, an unknown element or an empty <attr> was dropped and only noted as missing.
        String accepted = "<int>, <long>, <float>, <double>, <string> or <bool>";
        String other = node("b", attr("x", "float", "2"));
        gxl("v.gxl", "undirected", node("a", "<attr name=\"x\"><complex>1</complex></attr>")
                + other);
        DatasetFormatException e = failure(split("v.gxl", "c"));
        assertNames(e, "v.gxl", 5, "attribute 'x' holds <complex>, which is not supported;"
                + " expected one value element: " + accepted);
        assertTrue(e.getMessage().matches(".*v\\.gxl, line 5, column \\d+: .*"),
                e.getMessage());

        gxl("v.gxl", "undirected", node("a", "<attr name=\"x\"></attr>") + other);
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "attribute 'x' has no value;"
                + " expected one value element: " + accepted);
        gxl("v.gxl", "undirected", node("a", "<attr name=\"x\"/>") + other);
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "attribute 'x' has no value");
        gxl("v.gxl", "undirected", node("a", "<attr name=\"x\">7</attr>") + other);
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "attribute 'x' holds the text '7'"
                + " outside a value element; expected one value element: " + accepted);
        // Text next to a value element was accepted and dropped.
        for (String inside : List.of("<float>1</float>junk", "junk <float>1</float>",
            "<float>1</float><![CDATA[junk]]>")) {
            gxl("v.gxl", "undirected", node("a", "<attr name=\"x\">" + inside + "</attr>")
                    + other);
            assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "attribute 'x' holds the text"
                    + " 'junk' outside a value element; expected one value element: " + accepted);
        }
        // White space and comments around the value element are no text.
        gxl("v.gxl", "undirected", node("a", "<attr name=\"x\">\n  <!-- one -->\n"
                + "<float>1</float>\n</attr>") + other);
        assertEquals(1, IamDatasetReader.read(split("v.gxl", "c")).size());

        gxl("v.gxl", "undirected", node("a", "<attr name=\"x\"><int>1</int><int>2</int></attr>")
                + other);
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "attribute 'x' holds a second"
                + " value <int>");
        gxl("v.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\"><attr name=\"w\"><attr name=\"u\"><int>1</int>"
                + "</attr></attr></edge>\n");
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 7, "attribute 'w' holds <attr>");

        // Text inside a node or an edge but outside its <attr> elements was dropped.
        gxl("v.gxl", "undirected", node("a", attr("x", "float", "1") + " 2.5") + other);
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 5, "a <node> holds the text '2.5'"
                + " outside an <attr>; expected its attributes as <attr name=\"a\"> elements");
        gxl("v.gxl", "undirected", node("a", "") + node("b", "")
                + "<edge from=\"a\" to=\"b\">heavy</edge>\n");
        assertNames(failure(split("v.gxl", "c")), "v.gxl", 7, "a <edge> holds the text"
                + " 'heavy' outside an <attr>");

        // A graph-level <attr> is still ignored, whatever it holds.
        gxl("v.gxl", "undirected", "<attr name=\"note\"><complex>1</complex></attr>\n"
                + node("a", attr("x", "float", "1")));
        assertEquals(1, IamDatasetReader.read(split("v.gxl", "c")).size());
    }

    @Test
    void rejectsEntriesWithAndWithoutClasses() throws IOException {
        gxl("a.gxl", "undirected", node("a", ""));
        Files.writeString(dir.resolve("split.cxl"), "<GraphCollection>\n"
                + "<print file=\"a.gxl\" class=\"x\"/>\n<print file=\"a.gxl\"/>\n"
                + "</GraphCollection>");
        assertNames(failure(dir.resolve("split.cxl")), "split.cxl", 3, "every entry or none");
    }

    @Test
    void namesTheFirstEntryWhenItAloneLacksAClass() throws IOException {
        gxl("a.gxl", "undirected", node("a", ""));
        gxl("b.gxl", "undirected", node("a", ""));
        Files.writeString(dir.resolve("split.cxl"), "<GraphCollection>\n"
                + "<print file=\"a.gxl\"/>\n<print file=\"b.gxl\" class=\"x\"/>\n"
                + "</GraphCollection>");
        DatasetFormatException e = failure(dir.resolve("split.cxl"));
        assertTrue(e.getMessage().contains("entry 'a.gxl' (line 2) has no class, but entry"
                + " 'b.gxl' has one"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyClass() throws IOException {
        gxl("a.gxl", "undirected", node("a", ""));
        for (String empty : new String[] {"", "  "}) {
            Files.writeString(dir.resolve("split.cxl"), "<GraphCollection>\n"
                    + "<print file=\"a.gxl\" class=\"" + empty + "\"/>\n</GraphCollection>");
            DatasetFormatException e = failure(dir.resolve("split.cxl"));
            assertNames(e, "split.cxl", 2, "entry 'a.gxl' has an empty class");
        }
    }

    @Test
    void notesACountThatDisagreesWithTheEntries() throws IOException {
        gxl("a.gxl", "undirected", node("a", ""));
        Files.writeString(dir.resolve("split.cxl"), "<GraphCollection><graphs count=\"3\">"
                + "<print file=\"a.gxl\" class=\"x\"/></graphs></GraphCollection>");
        GraphDataset d = IamDatasetReader.read(dir.resolve("split.cxl"));
        assertEquals(1, d.size());
        assertTrue(d.notes().get(0).contains("count=\"3\""), d.notes().toString());
        assertEquals(1, Collections.frequency(d.classLabels(), "x"));
    }
    // ---- parts of a GXL file that are not read --------------------------------------------

    @Test
    void refusesHyperedgesAndNestedGraphsAndNamesThem() throws IOException {
        String nodes = node("a", attr("x", "float", "1")) + node("b", attr("x", "float", "2"));
        gxl("h.gxl", "undirected", nodes + "<rel id=\"r\"><relend target=\"a\"/></rel>\n");
        assertNames(failure(split("h.gxl", "A")), "h.gxl", 7, "a hyperedge <rel>, which is not"
                + " supported");
        gxl("n.gxl", "undirected", nodes + "<node id=\"c\"><graph id=\"inner\"><node"
                + " id=\"q\"/></graph></node>\n");
        DatasetFormatException nested = failure(split("n.gxl", "A"));
        assertNames(nested, "n.gxl", 7, "a <graph> inside a <node> (a nested graph), which is"
                + " not supported");
        assertFalse(nested.getMessage().contains("second"), nested.getMessage());
        Files.writeString(dir.resolve("two.gxl"), HEADER + "<gxl>\n<graph id=\"g\">\n"
                + nodes + "</graph>\n<graph id=\"h\">\n</graph>\n</gxl>\n");
        assertNames(failure(split("two.gxl", "A")), "two.gxl", 8, "a second <graph>");
    }

    @Test
    void notesGraphAttributesAndUnknownElementsAndReadsTheRest() throws IOException {
        String nodes = node("a", attr("x", "float", "1")) + node("b", attr("x", "float", "2"))
                + "<edge from=\"a\" to=\"b\"/>\n";
        gxl("g1.gxl", "undirected", "<attr name=\"class\"><string>X</string></attr>\n"
                + "<foo><bar/></foo>\n" + nodes);
        gxl("g2.gxl", "undirected", "<attr name=\"class\"><string>Y</string></attr>\n"
                + "<foo/>\n" + node("c", attr("x", "float", "3") + "<foo/>"));
        GraphDataset d = IamDatasetReader.read(split("g1.gxl", "A", "g2.gxl", "B"));
        assertTrue(d.notes().contains("graph attribute 'class' not read (2 times in 2 files,"
                + " first g1.gxl, line 5)"), d.notes().toString());
        assertTrue(d.notes().contains("element <foo> not read (an element the reader does not"
                + " know; 3 times in 2 files, first g1.gxl, line 6)"), d.notes().toString());
        assertTrue(d.notes().contains("element <bar> not read (an element the reader does not"
                + " know; once in 1 file, first g1.gxl, line 6)"), d.notes().toString());
        // The class comes from the split file, the graph's own <attr> adds no channel, and
        // the nodes and edges around the unknown elements are read.
        assertEquals(List.of("A", "B"), d.classLabels());
        assertEquals(List.of("x"), d.nodeChannels().subList(0, 1));
        assertEquals(2, d.graphs().get(0).order());
        assertEquals(1, d.graphs().get(0).edgeCount());
        assertEquals(3.0, d.graphs().get(1).node(0, 0));
        // The files of the IAM distribution hold nothing of the kind.
        GraphDataset letter = IamDatasetReader.read(TestDatasets.require(
                "iam/Letter/LOW/train.cxl"));
        assertTrue(letter.notes().stream().noneMatch(n -> n.contains("not read")),
                letter.notes().toString());
    }
}
