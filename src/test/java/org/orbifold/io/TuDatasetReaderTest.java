package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

class TuDatasetReaderTest {

    @TempDir
    Path dir;

    // ---- real data ------------------------------------------------------------------------

    /** Counts from tu/MUTAG/PROVENANCE.md and the dataset README. */
    @Test
    void readsMutag() throws IOException {
        GraphDataset d = TuDatasetReader.read(TestDatasets.require("tu/MUTAG"));
        assertEquals("MUTAG", d.name());
        assertEquals(188, d.size());
        assertEquals(List.of("-1", "1"), d.classes());
        assertEquals(125, Collections.frequency(d.classLabels(), "1"));
        assertEquals(63, Collections.frequency(d.classLabels(), "-1"));
        assertEquals(List.of("label=0", "label=1", "label=2", "label=3", "label=4", "label=5",
                "label=6"), d.nodeChannels());
        assertEquals(List.of("label=0", "label=1", "label=2", "label=3"), d.edgeChannels());
        assertFalse(d.isDirected());
        int nodes = 0;
        int edges = 0;
        for (Graph g : d.graphs()) {
            nodes += g.order();
            edges += g.edgeCount();
        }
        assertEquals(3371, nodes);
        assertEquals(7442 / 2, edges);
        assertEquals("MUTAG#1", d.graphNames().get(0));
        assertEquals("MUTAG#188", d.graphNames().get(187));
    }

    /** First lines of MUTAG_A.txt: "2, 1" / "1, 2" with edge label 0 (aromatic). */
    @Test
    void mutagFirstEdgeAndLabelsAreOneHot() throws IOException {
        GraphDataset d = TuDatasetReader.read(TestDatasets.require("tu/MUTAG"));
        Graph first = d.graphs().get(0);
        assertEquals(1.0, first.edge(0, 1, 0));
        assertEquals(1.0, first.edge(1, 0, 0));
        assertEquals("1", d.classLabels().get(0));
        for (Graph g : d.graphs()) {
            for (int i = 0; i < g.order(); i++) {
                double sum = 0.0;
                for (int c = 0; c < g.nodeDimension(); c++) {
                    sum += g.node(i, c);
                }
                assertEquals(1.0, sum, "one-hot node code");
            }
        }
    }

    /** Counts from each folder's PROVENANCE.md / README. */
    @Test
    void readsTheOtherTuDatasets() throws IOException {
        Object[][] expected = {
            {"AIDS", 2000, 31385, 64780 / 2, 2},
            {"PROTEINS", 1113, 43471, 162088 / 2, 2},
            {"ENZYMES", 600, 19580, 74564 / 2, 6},
        };
        for (Object[] row : expected) {
            GraphDataset d = TuDatasetReader.read(TestDatasets.require("tu/" + row[0]));
            int nodes = 0;
            int edges = 0;
            for (Graph g : d.graphs()) {
                nodes += g.order();
                edges += g.edgeCount();
            }
            assertEquals(row[1], d.size(), (String) row[0]);
            assertEquals(row[2], nodes, (String) row[0]);
            assertEquals(row[3], edges, (String) row[0]);
            assertEquals(row[4], d.classes().size(), (String) row[0]);
            assertFalse(d.isDirected());
        }
    }

    @Test
    void aidsHasLabelsThenAttributes() throws IOException {
        GraphDataset d = TuDatasetReader.read(TestDatasets.require("tu/AIDS"));
        List<String> channels = d.nodeChannels();
        assertEquals(38 + 4, channels.size());
        assertEquals(List.of("attr0", "attr1", "attr2", "attr3"),
                channels.subList(38, 42));
        // AIDS_node_attributes.txt line 1: 1.0, 0.0, 9.776700019836426, -3.5490000247955322
        assertEquals(9.776700019836426, d.graphs().get(0).node(0, 40));
        assertEquals(List.of("label=0", "label=1", "label=2"), d.edgeChannels());
    }

    // ---- synthetic data: encoding ---------------------------------------------------------

    private void write(String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n");
    }

    /** Two graphs: a labelled triangle-less path 1-2-3 and an edge 4-5. */
    private void writeToy() throws IOException {
        write("T_A.txt", "1, 2", "2, 1", "2, 3", "3, 2", "4, 5", "5, 4");
        write("T_graph_indicator.txt", "1", "1", "1", "2", "2");
        write("T_graph_labels.txt", "7", "-3");
        write("T_node_labels.txt", "C", "O", "C", "N", "C");
        write("T_edge_labels.txt", "2", "2", "1", "1", "1", "1");
    }

    @Test
    void encodesLabelsOneHotAndEdgesUndirected() throws IOException {
        writeToy();
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals("T", d.name());
        assertEquals(List.of("label=C", "label=N", "label=O"), d.nodeChannels());
        assertEquals(List.of("label=1", "label=2"), d.edgeChannels());
        assertEquals(List.of("7", "-3"), d.classLabels());
        assertEquals(List.of("T#1", "T#2"), d.graphNames());
        Graph path = d.graphs().get(0);
        assertFalse(path.isDirected());
        assertEquals(3, path.order());
        assertEquals(2, path.edgeCount());
        assertEquals(1.0, path.node(1, 2));
        assertEquals(1.0, path.edge(0, 1, 1));
        assertEquals(1.0, path.edge(2, 1, 0));
        assertFalse(path.hasEdge(0, 2));
        assertEquals(1.0, d.graphs().get(1).node(0, 1));
    }

    @Test
    void readsAsDirectedWhenAPairHasNoReverse() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 3", "4, 5", "5, 4", "3, 1");
        GraphDataset d = TuDatasetReader.read(dir);
        assertTrue(d.isDirected());
        Graph path = d.graphs().get(0);
        assertTrue(path.hasEdge(1, 2));
        assertFalse(path.hasEdge(2, 1));
        assertTrue(path.hasEdge(2, 0));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("directed")), d.notes()
                .toString());
    }

    @Test
    void readsAsDirectedWhenEdgeLabelsDisagreeBothWays() throws IOException {
        writeToy();
        write("T_edge_labels.txt", "2", "1", "1", "1", "1", "1");
        assertTrue(TuDatasetReader.read(dir).isDirected());
    }

    @Test
    void unlabelledGraphsGetEdgeAndExistenceChannels() throws IOException {
        write("U_A.txt", "1, 2", "2, 1");
        write("U_graph_indicator.txt", "1", "1", "1");
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of(NodeExistence.CHANNEL_NAME), d.nodeChannels());
        assertEquals(List.of(GraphDataset.EDGE_CHANNEL), d.edgeChannels());
        assertFalse(d.hasClasses());
        Graph g = d.graphs().get(0);
        assertEquals(3, g.order());
        assertEquals(1.0, g.node(2, 0));
        assertEquals(1.0, g.edge(0, 1, 0));
    }

    @Test
    void numericAttributesAtZeroNeedTheExistenceChannel() throws IOException {
        write("V_A.txt", "1, 2", "2, 1");
        write("V_graph_indicator.txt", "1", "1");
        write("V_graph_labels.txt", "1");
        write("V_node_attributes.txt", "0.5, 1e-3", "0.0, 0.0");
        write("V_edge_attributes.txt", "2.5", "2.5");
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("attr0", "attr1", NodeExistence.CHANNEL_NAME), d.nodeChannels());
        assertEquals(List.of("attr0"), d.edgeChannels());
        assertEquals(1e-3, d.graphs().get(0).node(0, 1));
        assertEquals(2.5, d.graphs().get(0).edge(1, 0, 0));
    }

    // ---- synthetic data: errors -----------------------------------------------------------

    private DatasetFormatException failure() {
        return assertThrows(DatasetFormatException.class, () -> TuDatasetReader.read(dir));
    }

    private static void assertNames(DatasetFormatException e, String file, int line) {
        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertTrue(e.getMessage().contains("line " + line + ":"), e.getMessage());
        assertEquals(line, e.line());
        assertTrue(e.file().endsWith(file), e.file());
    }

    @Test
    void rejectsAMissingRequiredFile() throws IOException {
        writeToy();
        Files.delete(dir.resolve("T_graph_indicator.txt"));
        DatasetFormatException e = failure();
        assertTrue(e.getMessage().contains("T_graph_indicator.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aShortFileIsCountedInLinesWithTheRightNumber() throws IOException {
        write("W_A.txt", "1, 2", "2, 1");
        write("W_graph_indicator.txt", "1", "1", "2");
        write("W_graph_labels.txt", "1");
        String message = failure().getMessage();
        assertTrue(message.contains("W_graph_labels.txt, line 2: file ends after 1 line;"
                + " expected 2 lines, one per graph id"), message);
    }

    @Test
    void rejectsAFolderWithoutOrWithSeveralAFiles() throws IOException {
        String expected = dir.getFileName() + "_A.txt";
        String none = failure().getMessage();
        assertTrue(none.contains("no TU dataset here: expected " + expected + " and "), none);
        assertFalse(none.contains("DS_"), none);
        writeToy();
        write("S_A.txt", "1, 2");
        assertTrue(failure().getMessage().contains("several TU data sets (S_A.txt, T_A.txt)"),
                failure().getMessage());
    }

    @Test
    void aControlCharacterAtTheStartOfALabelIsKept() throws IOException {
        writeToy();
        write("T_graph_labels.txt", "\u001b[31mred", " blue\t");
        assertEquals(List.of("\u001b[31mred", "blue"), TuDatasetReader.read(dir).classLabels());
    }

    /**
     * The separators U+001C..U+001F at the start or end of a label are part of it; before,
     * {@link String#strip} took them for white space, so {@code "\u001cA"} was the class
     * {@code A} and a node label of nothing but {@code "\u001f"} an empty line. Spaces and
     * tabs around a value are still padding, and messages show the separators as escapes.
     */
    @Test
    void separatorCharactersAroundALabelAreKeptAndOnlySpacesAndTabsArePadding()
            throws IOException {
        writeToy();
        write("T_graph_labels.txt", "\u001cA", "\t A\u001d \t");
        write("T_node_labels.txt", " \u001eC", "C", "C\u001f", "\tC ", "C");
        write("T_edge_labels.txt", "2", "2", "\u001c1", "\u001c1", "1", "1");
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("\u001cA", "A\u001d"), d.classLabels());
        assertEquals(Set.of("label=C", "label=\u001eC", "label=C\u001f"),
                new HashSet<>(d.nodeChannels()));
        assertEquals(Set.of("label=1", "label=2", "label=\u001c1"),
                new HashSet<>(d.edgeChannels()));
        Graph path = d.graphs().get(0);
        int separated = d.nodeChannels().indexOf("label=\u001eC");
        assertEquals(1.0, path.node(0, separated));
        assertEquals(0.0, path.node(1, separated));

        write("T_node_labels.txt", "C", "\u001f", "C", "C", "C");
        assertEquals(Set.of("label=C", "label=\u001f"),
                new HashSet<>(TuDatasetReader.read(dir).nodeChannels()));

        write("T_node_labels.txt", "C", "C,\u001f", "C", "C", "C");
        assertTrue(failure().getMessage().endsWith("T_node_labels.txt, line 2: expected a single"
                + " value, found 'C,\\u001f'"), failure().getMessage());
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "\u001c", "3, 2", "4, 5", "5, 4");
        assertTrue(failure().getMessage().endsWith("T_A.txt, line 3: expected 2 comma-separated"
                + " node ids, found 1 field in '\\u001c'"), failure().getMessage());
    }

    @Test
    void idsAreWrittenInAsciiDigitsOnly() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, \uff13", "3, 2", "4, 5", "5, 4");
        DatasetFormatException e = failure();
        assertNames(e, "T_A.txt", 3);
        assertTrue(e.getMessage().endsWith("expected a node id (an integer), found"
                + " '\\uff13'"), e.getMessage());

        writeToy();
        write("T_graph_indicator.txt", "1", "1", "\u0661", "2", "2");
        assertNames(failure(), "T_graph_indicator.txt", 3);
    }

    @Test
    void rejectsAWrongColumnCount() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 3, 4", "3, 2", "4, 5", "5, 4");
        DatasetFormatException e = failure();
        assertNames(e, "T_A.txt", 3);
        assertTrue(e.getMessage().contains("expected 2 comma-separated node ids"));
    }

    @Test
    void rejectsAnAttributeRowOfAnotherWidth() throws IOException {
        writeToy();
        write("T_node_attributes.txt", "1, 2", "3, 4", "5", "6, 7", "8, 9");
        assertNames(failure(), "T_node_attributes.txt", 3);
    }

    @Test
    void rejectsANonNumber() throws IOException {
        writeToy();
        write("T_graph_indicator.txt", "1", "1", "one", "2", "2");
        DatasetFormatException e = failure();
        assertNames(e, "T_graph_indicator.txt", 3);
        assertTrue(e.getMessage().contains("'one'"));
        writeToy();
        write("T_node_attributes.txt", "1", "2", "3", "x4", "5");
        assertNames(failure(), "T_node_attributes.txt", 4);
        write("T_node_attributes.txt", "1", "2", "NaN", "4", "5");
        assertNames(failure(), "T_node_attributes.txt", 3);
    }

    /**
     * Java-only number forms, which {@link Double#parseDouble} reads ({@code 2d} as 2,
     * {@code 0x1p3} as 8), are refused with the file and line.
     */
    @Test
    void rejectsJavaOnlyNumberForms() throws IOException {
        for (String text : List.of("2d", "2F", "0x1p3", "-0X1P3", "1e-3f")) {
            writeToy();
            write("T_node_attributes.txt", "1", "2", text, "4", "5");
            DatasetFormatException e = failure();
            assertNames(e, "T_node_attributes.txt", 3);
            assertTrue(e.getMessage().endsWith("expected a finite decimal number, found '" + text
                    + "' (a Java-only form: type suffix d or f, or hexadecimal)"),
                    e.getMessage());
        }
    }

    /**
     * Every refused attribute value gets the one wording of {@link DecimalNumbers#refusal}
     * with the file and line; a nonzero value a double reads as 0 is refused as the command
     * line refuses it in an option, while a subnormal value and a zero with a large exponent
     * are read.
     */
    @Test
    void refusesNumbersInTheSharedWordingAndKeepsSubnormals() throws IOException {
        for (String text : List.of("x4", "inf", "Infinity", "-Infinity", "NaN", "1e400",
                "1e-400", "-2.5e-999")) {
            writeToy();
            write("T_node_attributes.txt", "1", "2", text, "4", "5");
            DatasetFormatException e = failure();
            assertNames(e, "T_node_attributes.txt", 3);
            assertTrue(e.getMessage().endsWith(": " + DecimalNumbers.refusal(text, null)),
                    e.getMessage());
        }
        writeToy();
        write("T_node_attributes.txt", "1", "2", "1e-400", "4", "5");
        assertTrue(failure().getMessage().contains("too small for a double"));
        writeToy();
        write("T_node_attributes.txt", "1e-310", "0e-400", "3", "4", "5");
        GraphDataset d = TuDatasetReader.read(dir);
        int channel = d.nodeChannels().indexOf("attr0");
        assertEquals(1e-310, d.graphs().get(0).node(0, channel));
        assertEquals(0.0, d.graphs().get(0).node(1, channel));
    }

    /** A Unicode minus is shown in the message as an escape, not as mojibake. */
    @Test
    void showsAUnicodeMinusReadablyInTheMessage() throws IOException {
        writeToy();
        write("T_node_attributes.txt", "1", "2", "\u22123", "4", "5");
        DatasetFormatException e = failure();
        assertNames(e, "T_node_attributes.txt", 3);
        assertTrue(e.getMessage().endsWith("expected a finite decimal number, found"
                + " '\\u22123'"), e.getMessage());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f),
                e.getMessage());
        writeToy();
        write("T_graph_indicator.txt", "1", "1", "\u00e9", "2", "2");
        assertTrue(failure().getMessage().endsWith("found '\\u00e9'"), failure().getMessage());
    }

    /**
     * The files are UTF-8: a class label {@code été} is read as written (before, read as
     * ISO-8859-1, it became four characters of mojibake per accent and no {@code --class été}
     * could select it), and a byte that is not UTF-8 is refused with its line and column
     * (before, it was read as a Latin-1 character without a word).
     */
    @Test
    void readsUtf8AndRefusesBytesThatAreNotUtf8() throws IOException {
        writeToy();
        write("T_graph_labels.txt", "\u00e9t\u00e9", "-3");
        write("T_node_labels.txt", "C", "\u00d6", "C", "N", "C");
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("\u00e9t\u00e9", "-3"), d.classLabels());
        assertEquals(1, d.ofClass("\u00e9t\u00e9").size());
        assertTrue(d.nodeChannels().contains("label=\u00d6"), d.nodeChannels().toString());

        Files.write(dir.resolve("T_graph_labels.txt"), "7\n\u00e9t\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(dir.resolve("T_graph_labels.txt") + ", line 2: is not UTF-8 text (byte"
                + " 0xE9 at column 1); convert the file to UTF-8", failure().getMessage());
        writeToy();
        Files.write(dir.resolve("T_A.txt"), "1, 2\r\n2, 1\r\n2,\u00a03\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(dir.resolve("T_A.txt") + ", line 3: is not UTF-8 text (byte 0xA0 at"
                + " column 3); convert the file to UTF-8", failure().getMessage());
    }

    /**
     * A label file in UTF-16 without a byte-order mark decodes as UTF-8 into its characters
     * with NUL characters between them; it is refused at the first NUL, with its line and
     * column, whether or not the last NUL byte is there (before, without it the classes read
     * as {@code 7} with NULs around it, and with it the reader spoke of an extra line).
     */
    @Test
    void refusesUtf16WithoutAByteOrderMarkAtItsFirstNul() throws IOException {
        writeToy();
        Path labels = dir.resolve("T_graph_labels.txt");
        String expected = labels + ", line 1, column 2: holds a NUL byte (U+0000), which no"
                + " text file of the library holds; the file looks like UTF-16 or UTF-32 text"
                + " without a byte-order mark, or binary data; convert the file to UTF-8";
        byte[] little = "7\n-3\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(labels, little);
        assertEquals(expected, failure().getMessage());
        assertEquals(1, failure().line());
        Files.write(labels, java.util.Arrays.copyOf(little, little.length - 1));
        assertEquals(expected, failure().getMessage());
        Files.write(labels, "7\n-3\n".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(expected.replace("column 2", "column 1"), failure().getMessage());
        // A NUL inside an otherwise plain file: line and column of the byte.
        writeToy();
        write("T_node_labels.txt", "C", "O", "C\u0000", "N", "C");
        assertEquals(dir.resolve("T_node_labels.txt") + ", line 3, column 2: holds a NUL byte"
                + " (U+0000), which no text file of the library holds; the file looks like"
                + " UTF-16 or UTF-32 text without a byte-order mark, or binary data; convert the"
                + " file to UTF-8", failure().getMessage());
    }

    @Test
    void rejectsANodeIdOutOfRange() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 3", "3, 2", "4, 6", "5, 4");
        DatasetFormatException e = failure();
        assertNames(e, "T_A.txt", 5);
        assertTrue(e.getMessage().contains("1..5"), e.getMessage());
        write("T_A.txt", "0, 2");
        assertNames(failure(), "T_A.txt", 1);
    }

    @Test
    void rejectsAnEdgeAcrossTwoGraphs() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 3", "3, 4", "4, 5", "5, 4");
        DatasetFormatException e = failure();
        assertNames(e, "T_A.txt", 4);
        assertTrue(e.getMessage().contains("graph 1 and graph 2"), e.getMessage());
    }

    @Test
    void rejectsASelfLoop() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 2", "3, 2", "4, 5", "5, 4");
        assertNames(failure(), "T_A.txt", 3);
    }

    @Test
    void rejectsGraphIdsThatAreNotContiguous() throws IOException {
        writeToy();
        write("T_graph_indicator.txt", "1", "1", "1", "3", "3");
        assertNames(failure(), "T_graph_indicator.txt", 4);
        write("T_graph_indicator.txt", "2", "2", "2", "3", "3");
        assertNames(failure(), "T_graph_indicator.txt", 1);
        write("T_graph_indicator.txt", "1", "2", "1", "2", "2");
        assertNames(failure(), "T_graph_indicator.txt", 3);
    }

    @Test
    void rejectsAGraphIdBelowOne() throws IOException {
        writeToy();
        write("T_graph_indicator.txt", "0", "1", "1", "2", "2");
        DatasetFormatException e = failure();
        assertNames(e, "T_graph_indicator.txt", 1);
        assertTrue(e.getMessage().contains("graph id 0"), e.getMessage());
        write("T_graph_indicator.txt", "1", "1", "1", "-2", "2");
        assertNames(failure(), "T_graph_indicator.txt", 4);
    }

    @Test
    void skipsAByteOrderMarkAtTheStartOfAFile() throws IOException {
        writeToy();
        GraphDataset plain = TuDatasetReader.read(dir);
        for (String file : List.of("T_A.txt", "T_graph_indicator.txt", "T_graph_labels.txt",
                "T_node_labels.txt", "T_edge_labels.txt")) {
            byte[] text = Files.readAllBytes(dir.resolve(file));
            byte[] marked = new byte[text.length + 3];
            marked[0] = (byte) 0xEF;
            marked[1] = (byte) 0xBB;
            marked[2] = (byte) 0xBF;
            System.arraycopy(text, 0, marked, 3, text.length);
            Files.write(dir.resolve(file), marked);
        }
        GraphDataset marked = TuDatasetReader.read(dir);
        assertEquals(plain.graphs(), marked.graphs());
        assertEquals(plain.classLabels(), marked.classLabels());
        assertEquals(plain.nodeChannels(), marked.nodeChannels());
    }

    @Test
    void rejectsLineCountsThatDisagree() throws IOException {
        writeToy();
        write("T_node_labels.txt", "C", "O", "C", "N");
        DatasetFormatException e = failure();
        assertNames(e, "T_node_labels.txt", 5);
        assertTrue(e.getMessage().contains("expected 5 lines"), e.getMessage());
        writeToy();
        write("T_edge_labels.txt", "2", "2", "1", "1", "1", "1", "1");
        assertNames(failure(), "T_edge_labels.txt", 7);
        writeToy();
        write("T_graph_labels.txt", "7");
        assertNames(failure(), "T_graph_labels.txt", 2);
    }

    @Test
    void rejectsABlankLineInsideAFile() throws IOException {
        writeToy();
        write("T_node_labels.txt", "C", "", "O", "C", "N");
        assertNames(failure(), "T_node_labels.txt", 2);
    }

    @Test
    void rejectsAPairListedTwiceWithDifferentLabels() throws IOException {
        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 3", "3, 2", "4, 5", "1, 2");
        write("T_edge_labels.txt", "2", "2", "1", "1", "1", "1");
        DatasetFormatException e = failure();
        assertNames(e, "T_A.txt", 6);
        assertTrue(e.getMessage().contains("first at line 1"), e.getMessage());
    }

    /**
     * A pair listed again with the same label is merged, as before, but no longer silently:
     * a note counts the repeating lines and names the first. The reverse pair of an
     * undirected edge is no repeat.
     */
    @Test
    void notesAPairListedTwiceWithEqualLabels() throws IOException {
        writeToy();
        assertTrue(TuDatasetReader.read(dir).notes().stream().noneMatch(n -> n.contains(
                "repeat")));
        // TU files list ordered pairs, so an undirected TU graph lists both directions.
        assertTrue(TuDatasetReader.read(dir).notes().contains("every edge is listed in both"
                + " directions with equal attributes: graphs read as undirected"));

        write("T_A.txt", "1, 2", "2, 1", "2, 3", "3, 2", "4, 5", "5, 4", "2, 3", "1, 2",
                "1, 2");
        write("T_edge_labels.txt", "2", "2", "1", "1", "1", "1", "1", "2", "2");
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(2, d.graphs().get(0).edgeCount());
        assertFalse(d.isDirected());
        assertTrue(d.notes().contains("3 lines of T_A.txt repeat an ordered pair of an earlier"
                + " line with equal labels and attributes; each pair is read as one edge"
                + " (first: T_A.txt, line 7, pair 2, 3 as on line 3)"), d.notes().toString());

        writeToy();
        write("T_A.txt", "1, 2", "2, 1", "2, 3", "3, 2", "4, 5", "5, 4", "5, 4");
        write("T_edge_labels.txt", "2", "2", "1", "1", "1", "1", "1");
        assertTrue(TuDatasetReader.read(dir).notes().contains("1 line of T_A.txt repeats an"
                + " ordered pair of an earlier line with equal labels and attributes; each pair"
                + " is read as one edge (first: T_A.txt, line 7, pair 5, 4 as on line 6)"));
    }

    @Test
    void toleratesTrailingBlankLinesAndCarriageReturns() throws IOException {
        writeToy();
        Files.writeString(dir.resolve("T_graph_labels.txt"), "7\r\n-3\r\n\r\n");
        assertEquals(Set.of("7", "-3"), new HashSet<>(TuDatasetReader.read(dir).classes()));
    }
    // ---- other entries of the folder ------------------------------------------------------

    private List<String> notesMentioning(GraphDataset d, String text) {
        return d.notes().stream().filter(n -> n.contains(text)).toList();
    }

    @Test
    void notesAFileOfNoNameOfTheFormatWithTheNearestName() throws IOException {
        writeToy();
        Files.move(dir.resolve("T_node_labels.txt"), dir.resolve("T_node_label.txt"));
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("T_node_label.txt not read: no file of the TU format (did you"
                + " mean T_node_labels.txt?)"), notesMentioning(d, "T_node_label.txt"));
        assertFalse(d.nodeChannels().contains("label=C"), d.nodeChannels().toString());
        // A name far from every name of the format gets no suggestion.
        write("T_weights.txt", "1");
        assertEquals(List.of("T_weights.txt not read: no file of the TU format"),
                notesMentioning(TuDatasetReader.read(dir), "T_weights.txt"));
    }

    @Test
    void refusesANameThatDiffersOnlyInCase() throws IOException {
        writeToy();
        Files.move(dir.resolve("T_node_labels.txt"), dir.resolve("T_Node_Labels.txt"));
        assumeTrue(!Files.exists(dir.resolve("T_node_labels.txt")),
                "a file system that ignores case");
        DatasetFormatException e = failure();
        assertTrue(e.file().endsWith("T_Node_Labels.txt"), e.file());
        assertTrue(e.getMessage().contains("differs from T_node_labels.txt only in case"),
                e.getMessage());
        // With the right name present too, the other is read and the wrong one noted.
        write("T_node_labels.txt", "C", "O", "C", "N", "C");
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("label=C", "label=N", "label=O"), d.nodeChannels());
        assertEquals(1, notesMentioning(d, "T_Node_Labels.txt not read").size(), d.notes()
                .toString());
    }

    @Test
    void notesOtherFilesButNotDocumentationOrHiddenFiles() throws IOException {
        writeToy();
        write("README.txt", "about T");
        write("PROVENANCE.md", "from somewhere");
        write(".DS_Store", "x");
        GraphDataset plain = TuDatasetReader.read(dir);
        assertTrue(plain.notes().stream().noneMatch(n -> n.contains("not read")),
                plain.notes().toString());
        write("other.csv", "1");
        write("X_node_labels.txt", "1");
        Files.createDirectory(dir.resolve("sub"));
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("X_node_labels.txt not read: its prefix X is not the data set's T"
                + " (from T_A.txt)"), notesMentioning(d, "X_node_labels.txt"));
        assertEquals(List.of("not read, being no files of the TU data set T: other.csv,"
                + " sub (a folder)"), notesMentioning(d, "other.csv"));
        assertEquals(List.of("label=C", "label=N", "label=O"), d.nodeChannels());
    }

    @Test
    void refusesABrokenLinkNamingIt() throws IOException {
        writeToy();
        Files.delete(dir.resolve("T_node_labels.txt"));
        try {
            Files.createSymbolicLink(dir.resolve("T_node_labels.txt"), dir.resolve("none"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        DatasetFormatException e = failure();
        assertTrue(e.file().endsWith("T_node_labels.txt"), e.file());
        assertTrue(e.getMessage().contains("which does not exist (a broken link)"),
                e.getMessage());
    }

    @Test
    void refusesAFolderNamingIt() throws IOException {
        writeToy();
        Files.delete(dir.resolve("T_node_labels.txt"));
        Files.createDirectory(dir.resolve("T_node_labels.txt"));
        DatasetFormatException e = failure();
        assertTrue(e.file().endsWith("T_node_labels.txt"), e.file());
        assertTrue(e.getMessage().contains("T_node_labels.txt: a folder, not a regular file"),
                e.getMessage());
    }

    /** A named pipe is refused before it is opened, which would wait for a writer. */
    @Test
    @Timeout(20)
    void refusesANamedPipeWithoutOpeningIt() throws Exception {
        writeToy();
        for (String file : List.of("T_node_labels.txt", "T_A.txt")) {
            Path saved = dir.resolve("saved");
            Files.move(dir.resolve(file), saved);
            NamedPipes.make(dir.resolve(file));
            DatasetFormatException e = failure();
            assertTrue(e.file().endsWith(file), e.file());
            assertTrue(e.getMessage().contains("not a regular file (such as a named pipe"),
                    e.getMessage());
            Files.delete(dir.resolve(file));
            Files.move(saved, dir.resolve(file));
        }
        // A pipe of no name of the format, or of the one file the reader does not read, is
        // noted, not opened.
        NamedPipes.make(dir.resolve("T_extra.txt"));
        NamedPipes.make(dir.resolve("T_graph_attributes.txt"));
        GraphDataset d = TuDatasetReader.read(dir);
        assertEquals(List.of("T_extra.txt (a named pipe or device) not read: no file of the TU"
                + " format"), notesMentioning(d, "T_extra.txt"));
        assertEquals(List.of("T_graph_attributes.txt (graph regression values) is not read"),
                notesMentioning(d, "T_graph_attributes.txt"));
    }

    @Test
    void wordsAWrongFirstGraphIdAndAnIdTooLargeForAnInt() throws IOException {
        writeToy();
        write("T_graph_indicator.txt", "2", "2", "2", "1", "1");
        DatasetFormatException first = failure();
        assertNames(first, "T_graph_indicator.txt", 1);
        assertTrue(first.getMessage().endsWith("graph id 2 on the first line; expected 1 (the"
                + " ids start at 1 and go up by at most 1 from line to line)"),
                first.getMessage());
        writeToy();
        write("T_A.txt", "1, 99999999999999999999", "2, 1", "2, 3", "3, 2", "4, 5", "5, 4");
        DatasetFormatException huge = failure();
        assertNames(huge, "T_A.txt", 1);
        assertTrue(huge.getMessage().endsWith("node id 99999999999999999999 is out of range;"
                + " expected 1..5 (the lines of T_graph_indicator.txt)"), huge.getMessage());
        writeToy();
        write("T_graph_indicator.txt", "1", "1", "1", "2", "-3000000000");
        assertTrue(failure().getMessage().contains("graph id -3000000000 is out of range"),
                failure().getMessage());
    }
}
