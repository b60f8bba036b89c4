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
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;

/**
 * Tests of {@link DotReader}: files in the styles of pydot (networkx) and Graphviz, typing of
 * DOT's text values, graph attributes, what jgrapht-io's importer would read silently in
 * another way (ports, a second graph, the header), and the refusals.
 */
class DotReaderTest extends GraphFileReaderTesting {

    /** The end of the refusal of an unquoted word that is no DOT identifier. */
    private static final String NO_IDENTIFIER = " identifier (a name starts with a letter, _ or"
            + " a character outside ASCII, a numeral has only digits, a sign and a point), so"
            + " the importer would split it; quote it";

    @Override
    GraphDataset read(Path path) throws IOException {
        return new DotReader().read(path);
    }

    @Override
    String ending() {
        return ".dot";
    }

    @Test
    void readsTheStyleOfPydot() throws IOException {
        GraphDataset d = new DotReader().read(resource("pydot-style.dot"));

        // Every value is text: charge and mass are numbers everywhere, quoted or not; the
        // booleans and elements are labels. Channels in order of first appearance.
        assertEquals(List.of("pydot-style"), d.graphNames());
        assertEquals(List.of("ring"), d.classLabels());
        assertEquals(List.of("aromatic=False", "aromatic=True", "charge", "element=C",
                "element=N", "element=O", "mass"), d.nodeChannels());
        assertEquals(List.of("order"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertFalse(g.isDirected());
        assertEquals(4, g.edgeCount());
        assertArrayEquals(new double[] {1, 0, -1, 0, 0, 1, 15.999}, g.nodeVector(3), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(2, 1), TOL);
        assertTrue(d.notes().contains("every edge is undirected by the DOT keyword graph (not"
                + " digraph): graphs read as undirected"), d.notes().toString());
    }

    /** A path a -- b -- c as Graphviz's dot -Tdot writes it, laid out at the given x. */
    private static String laidOut(int x) {
        return "graph G {\n"
                + "\tgraph [bb=\"0,0," + (x + 27) + ",180\"];\n"
                + "\tnode [label=\"\\N\"];\n"
                + "\ta\t[height=0.5, pos=\"" + x + ",162\", width=0.75];\n"
                + "\tb\t[height=0.5, pos=\"" + x + ",90\", width=0.75];\n"
                + "\tc\t[height=0.5, pos=\"" + x + ",18\", width=0.75];\n"
                + "\ta -- b\t[pos=\"" + x + ",143.7 " + x + ",108.1\"];\n"
                + "\tb -- c\t[pos=\"" + x + ",71.7 " + x + ",36.1\"];\n"
                + "}\n";
    }

    @Test
    void graphvizLayoutOutputIsReadWithNotesOnItsDrawingAttributes() throws IOException {
        Path twice = Files.createDirectory(dir.resolve("twice"));
        Files.writeString(twice.resolve("one.gv"), laidOut(27));
        Files.writeString(twice.resolve("two.gv"), laidOut(45));
        Path same = Files.createDirectory(dir.resolve("same"));
        Files.writeString(same.resolve("one.gv"), laidOut(27));
        Files.writeString(same.resolve("two.gv"), laidOut(27));

        GraphDataset d = new DotReader().read(twice);
        GraphDataset copies = new DotReader().read(same);

        // Nothing is left out: pos is one-hot over the six positions, width and height are
        // numbers.
        assertEquals(List.of("label=\\N", "height", "pos=27,162", "pos=27,18", "pos=27,90",
                "pos=45,162", "pos=45,18", "pos=45,90", "width"), d.nodeChannels());
        String layout = "node attributes 'height', 'pos', 'width' and edge attribute 'pos' are"
                + " what a Graphviz layout writes (dot -Tdot and the other engines' -Tdot:"
                + " positions and sizes of one drawing); they are read as attributes like any"
                + " other, so the drawing takes part in the distances: read the file that was"
                + " given to Graphviz, or remove them";
        assertTrue(d.notes().contains(layout), d.notes().toString());
        assertTrue(d.notes().contains("node attribute 'pos' has a different value on each of"
                + " the 6 nodes that have it, so it acts as an identifier: each of its one-hot"
                + " channels is 1 on a single node and matches nothing in another graph, which"
                + " makes every graph distinct from every other; remove it from the files"
                + " unless it is a label"), d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("edge attribute 'pos' has a"
                + " different value on each of the 4 edges")), d.notes().toString());
        assertTrue(copies.notes().contains(layout), copies.notes().toString());
        assertFalse(copies.notes().stream().anyMatch(n -> n.contains("identifier")),
                copies.notes().toString());

        Path one = Files.writeString(dir.resolve("one.gv"),
                "graph { a [pos=\"1,2\"]; b [pos=\"3,4\"]; a -- b }\n");
        assertTrue(new DotReader().read(one).notes().stream().anyMatch(n -> n.startsWith(
                "node attribute 'pos' is what a Graphviz layout writes")),
                new DotReader().read(one).notes().toString());
    }

    @Test
    void readsTheStyleOfGraphviz() throws IOException {
        GraphDataset d = new DotReader().read(resource("graphviz-style.gv"));

        // Nodes in order of first appearance; defaults of node [...] and edge chains expanded
        // by the importer; the class from graph [...], which the importer does not report.
        assertEquals(List.of("B"), d.classLabels());
        assertEquals(List.of("shape=box", "cost"), d.nodeChannels());
        assertEquals(List.of("w"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertTrue(g.isDirected());
        assertEquals(5, g.order());
        assertEquals(4, g.edgeCount());
        assertArrayEquals(new double[] {1, 1}, g.nodeVector(0), TOL);
        assertArrayEquals(new double[] {1, 3}, g.nodeVector(1), TOL);
        assertArrayEquals(new double[] {0.5}, g.edgeVector(0, 1), TOL);
        assertArrayEquals(new double[] {0.5}, g.edgeVector(1, 2), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(2, 3), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(2, 4), TOL);
        assertFalse(g.hasEdge(1, 0));
        assertTrue(d.notes().contains("graph attribute 'rankdir' not read: only a class"
                + " attribute of a graph is read (label, class, target, y, p_np, or"
                + " --label-property NAME)"), d.notes().toString());
        assertTrue(d.notes().contains("DOT subgraph attributes not read: 'label'"),
                d.notes().toString());
    }

    @Test
    void anAttributeWithTextAndNumbersIsLabelsWithANote() throws IOException {
        Path file = write("m.dot", "graph { a [v=1]; b [v=\"x\"]; c [v=2.50]; a -- b -- c }");
        GraphDataset d = new DotReader().read(file);

        assertEquals(List.of("v=1", "v=2.50", "v=x"), d.nodeChannels());
        assertTrue(d.notes().contains("node attribute 'v' read as labels, since some values are"
                + " numbers ('1' at node 'a' of m.dot) and some are not ('x' at node 'b' of"
                + " m.dot)"), d.notes().toString());
    }

    @Test
    void aNodeDeclaredAgainKeepsItsAttributesAndTheLastValueWins() throws IOException {
        Path file = write("n.gv", "digraph { a [x=1]; a [y=2]; a [x=5]; b; a -> b }");
        GraphDataset d = new DotReader().read(file);
        assertEquals(List.of("x", "y", "exists"), d.nodeChannels());
        assertArrayEquals(new double[] {5, 2, 1}, d.graphs().get(0).nodeVector(0), TOL);
        assertArrayEquals(new double[] {0, 0, 1}, d.graphs().get(0).nodeVector(1), TOL);
    }

    @Test
    void aFolderOfDotAndGvFilesIsOneDataSet() throws IOException {
        Path folder = dir.resolve("dots");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("b.gv"), "graph { label=\"y\"; p -- q }");
        Files.writeString(folder.resolve("a.dot"), "graph { graph [label=\"x\"] p }");
        GraphDataset d = new DotReader().read(folder);
        assertEquals(List.of("a", "b"), d.graphNames());
        assertEquals(List.of("x", "y"), d.classLabels());
        assertEquals(List.of(folder.resolve("a.dot"), folder.resolve("b.gv")),
                DotReader.dotFiles(folder));
        assertEquals(List.of("x"), new DotReader().withLabelProperty("Label")
                .read(folder.resolve("a.dot")).classLabels());
    }

    @Test
    void refusesWhatTheImporterWouldReadInAnotherWay() throws IOException {
        assertRefused("graph G { a -- b }\ngraph H { c -- d }",
                ", line 2, column 1: holds 'graph' after"
                + " the graph's closing }; expected one graph per file (the importer would"
                + " read only the first), so write each graph to a file of its own");
        assertRefused("digraph {\n a:p1 -> b }",
                ", line 2, column 3: names a port ('a':...), which is"
                + " not supported: edges join nodes, not ports");
        assertRefused("graph {\n a -> b }",
                ", line 2, column 4: uses the edge operator -> in a graph,"
                + " which takes --");
        assertRefused("digraph {\n a -- b }", ", line 2, column 4: uses the edge operator -- in a"
                + " digraph, which takes ->");
        assertRefused("\n\nnetwork { a }",
                ", line 3, column 1: starts with 'network'; expected graph or"
                + " digraph (after an optional strict)");
        assertRefused("// nothing\n", ": holds no graph; expected graph { ... } or digraph"
                + " { ... }");
        assertRefused("graph { c [flag] }", ", line 1, column 12: node 'c' has the attribute"
                + " 'flag' without a value; expected flag=VALUE");
    }

    @Test
    void refusesAnEdgeToOrFromASubgraph() throws IOException {
        // The importer keeps only the edges to the subgraph's nodes that appear there first:
        // with b declared before, graph { b; a -- {b c} } would come back with a -- c alone.
        String message = " to or from a subgraph, which is not supported: the importer would"
                + " keep only the edges to the subgraph's nodes that appear there first; write"
                + " one edge per pair of nodes (a -- b; a -- c for a -- {b c})";
        assertRefused("graph {\n b;\n a -- {b c} }",
                ", line 3, column 4: has an edge --" + message);
        assertRefused("graph {\n a; b; c\n {a b} -- c }",
                ", line 3, column 8: has an edge --" + message);
        assertRefused("graph {\n subgraph s {a b}\n -- c }", ", line 3, column 2: has an edge --"
                + message);
        assertRefused("graph {\n a -- /* c */\n subgraph s { b } }",
                ", line 2, column 4: has an edge --"
                + message);
        assertRefused("digraph {\n {a -> b} -> c }", ", line 2, column 11: has an edge ->"
                + message.replace("--", "->"));
        // An edge inside a subgraph, and a subgraph after an edge statement, are fine.
        Path file = write("ok.dot", "graph { a; subgraph s { b -- c } a -- b; { c -- a } }");
        Graph g = new DotReader().read(file).graphs().get(0);
        assertEquals(3, g.edgeCount());
    }

    @Test
    void refusesJoinedStringsAndInputOnWhichTheImporterFails() throws IOException {
        assertRefused("graph {\n label=\"x\" + \"y\";\n a -- b }",
                ", line 2, column 12: joins strings with"
                + " + (DOT string concatenation, after 'x'), which is not supported; write the"
                + " joined string instead");
        // The importer's parse listener would throw an IndexOutOfBoundsException on these,
        // with no line; the token walk refuses them first.
        assertRefused("graph {\n label=ri>ng;\n a -- b }", ", line 2, column 10: holds the"
                + " character '>' outside a quoted string, where DOT allows none (the importer"
                + " would fail on it); quote the value that holds it");
        assertRefused("graph {\n a -- b\n c @ d }", ", line 3, column 4: holds the character"
                + " '@' outside a quoted string, where DOT allows none (the importer would fail"
                + " on it); quote the value that holds it");
        assertRefused("graph {\n a [x=a.b] }", ", line 2, column 7: holds 'a.b', which is no DOT"
                + NO_IDENTIFIER);
        assertRefused("graph {\n a [x=-] }", ", line 2, column 7: holds '-', which is no DOT"
                + NO_IDENTIFIER);
    }

    @Test
    void refusesSelfLoopsAndParallelEdges() throws IOException {
        assertRefused("graph { a -- a }", ", line 1, column 9: edge from 'a' to 'a' is a"
                + " self-loop, which is not supported: the diagonal of a graph's matrix holds"
                + " node attributes, so remove the loop or make it a node attribute");
        assertRefused("strict graph { a -- b; b -- a [w=2] }", ", line 1, column 24: edge from"
                + " 'b' to 'a' joins the same nodes as the edge from 'a' to 'b' at line 1,"
                + " column 16; parallel edges are not supported (a graph has one edge per pair"
                + " of nodes, per ordered pair when directed), so merge them first");
        Path both = write("both.dot", "digraph { a -> b; b -> a [w=2] }");
        GraphDataset d = new DotReader().read(both);
        assertTrue(d.graphs().get(0).isDirected());
        assertEquals(2, d.graphs().get(0).edgeCount());
    }

    @Test
    void aRefusedValueNamesTheLineAndColumnOfItsAttribute() throws IOException {
        String finite = "; give a finite number, or leave the attribute out there (it then"
                + " reads as 0, with a note)";
        // A node declared again: the value it ends with, on line 4.
        assertRefused("graph {\n a [w=1]\n b [w=2]\n b [w=nan]\n}", ", line 4, column 5:"
                + " node 'b' gives the node attribute 'w' the value 'nan', which is no finite"
                + " number, while its other values are numbers ('1' at node 'a' of bad.dot at"
                + " line 2, column 5)" + finite);
        // A node [...] default of a subgraph, and after the subgraph the graph's own default.
        assertRefused("graph {\n a [w=1]\n subgraph s {\n  node [w=inf]\n  b\n }\n c\n}",
                ", line 4, column 9: node 'b' gives the node attribute 'w' the value 'inf',"
                + " which is no finite number, while its other values are numbers ('1' at node"
                + " 'a' of bad.dot at line 2, column 5)" + finite);
        assertRefused("graph {\n node [w=nan]\n { node [w=2] b }\n c\n a [w=1]\n}", ", line 2,"
                + " column 8: node 'c' gives the node attribute 'w' the value 'nan', which is no"
                + " finite number, while its other values are numbers ('2' at node 'b' of"
                + " bad.dot at line 3, column 10)" + finite);
        // An edge [...] default, in force from its statement on, for each edge of a chain.
        assertRefused("digraph {\n edge [w=1]\n a -> b\n edge [w=nan]\n b -> c -> d\n}",
                ", line 4, column 8: edge from 'b' to 'c' gives the edge attribute 'w' the value"
                + " 'nan', which is no finite number, while its other values are numbers ('1' at"
                + " edge from 'a' to 'b' of bad.dot at line 2, column 8)" + finite);
        // A node first named in an edge statement takes the node default; keywords in any case.
        assertRefused("graph {\n a [w=1]\n NODE [w=\"-inf\"]\n a -- b\n}", ", line 3, column 8:"
                + " node 'b' gives the node attribute 'w' the value '-inf', which is no finite"
                + " number, while its other values are numbers ('1' at node 'a' of bad.dot at"
                + " line 2, column 5)" + finite);
        // Both edges of a chain take its list.
        assertRefused("digraph {\n x -> y [w=1]\n a -> b\n -> c [w=nan] }", ", line 4, column"
                + " 8: edge from 'a' to 'b' gives the edge attribute 'w' the value 'nan', which is"
                + " no finite number, while its other values are numbers ('1' at edge from 'x' to"
                + " 'y' of bad.dot at line 2, column 10)" + finite);
        // An edge statement's own list wins over the default.
        assertRefused("graph {\n edge [w=1]\n a -- b\n b -- c [\n  w=\"\"]\n}", ", line 5,"
                + " column 3: edge from 'b' to 'c' gives the edge attribute 'w' an empty value,"
                + " while its other values are numbers ('1' at edge from 'a' to 'b' of bad.dot"
                + " at line 2, column 8)" + finite);
    }

    @Test
    void aSelfLoopOrARepeatedEdgeNamesTheLinesOfItsStatements() throws IOException {
        String loop = " is a self-loop, which is not supported: the diagonal of a graph's matrix"
                + " holds node attributes, so remove the loop or make it a node attribute";
        String parallel = "; parallel edges are not supported (a graph has one edge per pair of"
                + " nodes, per ordered pair when directed), so merge them first";
        // An edge of a chain is placed at its source node.
        assertRefused("graph {\n a -- b\n b -- c --\n   c\n}", ", line 3, column 7: edge from"
                + " 'c' to 'c'" + loop);
        assertRefused("graph {\n\t\"q\" -- \"q\" }", ", line 2, column 2: edge from 'q' to"
                + " 'q'" + loop);
        assertRefused("graph {\n a -- b\n c -- d\n d -- c [w=1]\n}", ", line 4, column 2: edge"
                + " from 'd' to 'c' joins the same nodes as the edge from 'c' to 'd' at line 3,"
                + " column 2" + parallel);
        assertRefused("digraph {\n a -> b\n b -> a\n x -> a -> b }", ", line 4, column 7:"
                + " edge from 'a' to 'b' joins the same nodes as the edge from 'a' to 'b' at"
                + " line 2, column 2" + parallel);
        // Columns count characters: the emoji is one column, and so is a tab.
        assertRefused("graph {\n \"\ud83d\ude00\" --\tb;\tb -- \"\ud83d\ude00\" }", ", line 2,"
                + " column 12: edge from 'b' to '\\U0001f600' joins the same nodes as the edge"
                + " from '\\U0001f600' to 'b' at line 2, column 2" + parallel);
    }

    @Test
    void aRefusedAttributeNameOrMissingValueNamesItsLine() throws IOException {
        assertRefused("graph {\n a\n b [\"x=y\"=1] }", ", line 3, column 5: node 'b' has the"
                + " attribute 'x=y', whose name holds '=', the separator of one-hot channel"
                + " names; rename the attribute in the file");
        // An empty name would make a channel without a name, as GraphML refuses it too.
        assertRefused("graph {\n a [\"\"=1]; b [\"\"=2]; a -- b }", ", line 2, column 5: node"
                + " 'a' has an attribute with an empty name (\"\"=...); expected a name, as"
                + " every attribute becomes a channel named by it");
        assertRefused("graph {\n a -- b [w=1,\n \"\"=2] }", ", line 3, column 2: edge from"
                + " 'a' to 'b' has an attribute with an empty name (\"\"=...); expected a name,"
                + " as every attribute becomes a channel named by it");
        assertRefused("graph {\n node [exists=1]\n a }", ", line 2, column 8: node 'a' has the"
                + " attribute 'exists', the name of the channel that marks real nodes (1 on"
                + " each), so its values would be read as node existence; rename the attribute"
                + " in the file");
        assertRefused("graph {\n a -- b\n b -- c [\n  \"edge\"=1] }", ", line 4, column 3: edge"
                + " from 'b' to 'c' has the attribute 'edge', the name of the channel that"
                + " marks present edges (1 on each), so its values would be read as edge"
                + " presence; rename the attribute in the file");
        assertRefused("graph {\n a -- b [\n flag] }", ", line 3, column 2: edge from 'a' to"
                + " 'b' has the attribute 'flag' without a value; expected flag=VALUE");
        // A quoted "node" is a node's name, not the keyword of defaults.
        assertRefused("graph {\n \"node\" [w=1]\n b [w=nan] }", ", line 3, column 5: node"
                + " 'b' gives the node attribute 'w' the value 'nan', which is no finite number,"
                + " while its other values are numbers ('1' at node 'node' of bad.dot at line 2,"
                + " column 10); give a finite number, or leave the attribute out there (it then"
                + " reads as 0, with a note)");
    }

    @Test
    void aRefusalInTheSecondFileOfAFolderNamesThatFileAndLine() throws IOException {
        Path folder = dir.resolve("two");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.dot"), "graph { a [w=1] }");
        Files.writeString(folder.resolve("b.dot"), "graph {\n b [w=nan] }");
        assertEquals(folder.resolve("b.dot") + ", line 2, column 5: node 'b' gives the node"
                + " attribute 'w' the value 'nan', which is no finite number, while its other"
                + " values are numbers ('1' at node 'a' of a.dot at line 1, column 12); give a"
                + " finite number, or leave the attribute out there (it then reads as 0, with"
                + " a note)", refused(folder));
    }

    @Test
    void aByteOrderMarkIsSkippedAndLinesStayThoseOfTheFile() throws IOException {
        Path file = write("bom.dot", "\uFEFFgraph {\n a -- b\n c -- c }");
        assertEquals(file + ", line 3, column 2: edge from 'c' to 'c' is a self-loop, which is"
                + " not supported: the diagonal of a graph's matrix holds node attributes, so"
                + " remove the loop or make it a node attribute", refused(file));
        Path gml = write("bom.gml", "\uFEFFgraph [\n node [ id 0 ]\n node [ id 0 ] ]");
        assertEquals(gml + ", line 3: node id '0' is used twice (first at line 2)",
                assertThrows(DatasetFormatException.class, () -> new GmlReader().read(gml))
                        .getMessage());
    }

    @Test
    void refusesSyntaxErrorsWithLineAndColumnAndBytesThatAreNoUtf8() throws IOException {
        Path file = write("bad.dot", "graph {\n  a -- ;\n}");
        String message = refused(file);
        assertTrue(message.startsWith(file + ", line 2, column "), message);
        assertTrue(message.contains(": jgrapht-io's DOT importer cannot read it: "), message);
        Path latin = dir.resolve("latin.dot");
        Files.write(latin, "graph {\n \"\u00e9\" }".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin + ", line 2: is not UTF-8 text (byte 0xE9 at column 3); convert the"
                + " file to UTF-8", refused(latin));
    }

    /**
     * A DOT file in UTF-16 without a byte-order mark is refused at its first NUL byte, as
     * every text format is ({@link TextFiles#decode}), and so is a NUL byte in a UTF-8 file.
     */
    @Test
    void refusesANulByteWithLineAndColumn() throws IOException {
        String why = ": holds a NUL byte (U+0000), which no text file of the library holds; the"
                + " file looks like UTF-16 or UTF-32 text without a byte-order mark, or binary"
                + " data; convert the file to UTF-8";
        Path wide = dir.resolve("wide.dot");
        Files.write(wide, "graph {\n  a -- b\n}\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(wide + ", line 1, column 2" + why, refused(wide));
        Path nul = write("nul.dot", "graph {\n  a -- b\u0000\n}\n");
        assertEquals(nul + ", line 2, column 9" + why, refused(nul));
    }

    /**
     * A byte-order mark at the start of a file is no column: the columns of line 1 given by the
     * token walk, by the importer and for a byte that is no UTF-8 are those of the file without
     * it (the '>' of the first case is the 18th character after the mark).
     */
    @Test
    void aByteOrderMarkIsNotCountedInTheColumnsOfTheFirstLine() throws IOException {
        assertRefused("\uFEFFgraph g { a [l=ri>ng]; }", ", line 1, column 18: holds the"
                + " character '>' outside a quoted string, where DOT allows none (the importer"
                + " would fail on it); quote the value that holds it");
        for (String body : List.of("graph { a -- ; }", "graph { a -- a }")) {
            Path plain = write("plain.dot", body);
            Path marked = write("marked.dot", "\uFEFF" + body);
            assertEquals(refused(plain).substring(plain.toString().length()),
                    refused(marked).substring(marked.toString().length()));
            assertTrue(refused(plain).contains(", line 1, column "), refused(plain));
        }
        Path latin = dir.resolve("latin.dot");
        byte[] text = "graph { \"\u00e9\" }".getBytes(StandardCharsets.ISO_8859_1);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        Files.write(latin, marked);
        assertEquals(latin + ", line 1: is not UTF-8 text (byte 0xE9 at column 10); convert the"
                + " file to UTF-8", refused(latin));
    }

    @Test
    void refusesHtmlLikeValuesWithTheirLine() throws IOException {
        // The importer reads <<b>x</b>> as the text <b>x</b>, the value of the quoted string.
        String why = ", which is not supported: the importer would read the text inside the"
                + " angle brackets as if it were a quoted string, so <<b>x</b>> and \"<b>x</b>\""
                + " would be one label; write the value as a quoted string";
        assertRefused("graph G { a [label=\"<b>x</b>\"];\n b [label=<<b>x</b>>]; }",
                ", line 2, column 11: holds the HTML-like value '<<b>x</b>>'" + why);
        assertRefused("graph G {\n\n a [w=<5>]; }", ", line 3, column 7: holds the HTML-like value"
                + " '<5>'" + why);
        assertRefused("graph G { label=<x>; a }",
                ", line 1, column 17: holds the HTML-like value '<x>'"
                + why);
    }

    @Test
    void refusesConcatenationAndUnquotedExponents() throws IOException {
        assertRefused("graph {\n a [s=\"ab\" + \"cd\"] }",
                ", line 2, column 12: joins strings with + (DOT"
                + " string concatenation, after 'ab'), which is not supported; write the joined"
                + " string instead");
        assertRefused("graph {\n a [x=1e-05] }",
                ", line 2, column 7: holds the number '1e-05' unquoted,"
                + " which the importer would read as a number and a new name (a DOT numeral has"
                + " no exponent); quote it ('\"1e-05\"')");
        // An exponent without digits is no number, so quoting it gives a label.
        assertRefused("graph {\n a [x=1e] }", ", line 2, column 7: holds '1e' unquoted, which"
                + " is no number (an exponent needs digits after the e) and no DOT identifier,"
                + " so the importer would split it; for a number write the exponent's digits"
                + " ('\"1e0\"'), for a label quote it ('\"1e\"')");
        assertRefused("graph {\n a [x=-2.5E+] }", ", line 2, column 7: holds '-2.5E+' unquoted,"
                + " which is no number (an exponent needs digits after the e) and no DOT"
                + " identifier, so the importer would split it; for a number write the"
                + " exponent's digits ('\"-2.5E0\"'), for a label quote it ('\"-2.5E+\"')");
        // A leading + is no DOT numeral: the value is there, in a form DOT does not take.
        assertRefused("graph {\n a [x=+1] }", ", line 2, column 7: the attribute 'x' has a"
                + " value that starts with +, which is not DOT syntax for a number (a DOT"
                + " numeral takes a leading - only); drop the + or quote the value (x=\"+1\" is"
                + " the number 1)");
        // Columns count on one long line: the refused token is found far to the right.
        String padding = "a -- b; ".repeat(40);
        assertRefused("graph { " + padding + "c [w=1e-5] }", ", line 1, column "
                + (9 + padding.length() + 5) + ": holds the number '1e-5' unquoted, which the"
                + " importer would read as a number and a new name (a DOT numeral has no"
                + " exponent); quote it ('\"1e-5\"')");
        assertRefused("graph { " + padding + "c -- d:p }", ", line 1, column "
                + (9 + padding.length() + 6) + ": names a port ('d':...), which is not"
                + " supported: edges join nodes, not ports");
        // The fixes the messages give: "+1" and "1e0" quoted are numbers, "1e" a label.
        Path numbers = write("plus.dot", "graph { a [x=\"+1\"]; b [x=\"1e0\"] }");
        GraphDataset read = new DotReader().read(numbers);
        assertEquals(List.of("x"), read.nodeChannels());
        assertArrayEquals(new double[] {1, 1}, new double[] {
            read.graphs().get(0).nodeVector(0)[0], read.graphs().get(0).nodeVector(1)[0]}, TOL);
        Path label = write("label.dot", "graph { a [x=\"1e\"]; b [x=\"1e\"] }");
        assertEquals(List.of("x=1e"), new DotReader().read(label).nodeChannels());
        assertRefused("graph { 1a -- b }", ", line 1, column 9: holds '1a', which is no DOT"
                + NO_IDENTIFIER);
        Path quoted = write("q.dot", "graph { a [x=\"1e-05\"]; b [x=-.5] }");
        assertArrayEquals(new double[] {0.00001, -0.5}, new double[] {
            new DotReader().read(quoted).graphs().get(0).nodeVector(0)[0],
            new DotReader().read(quoted).graphs().get(0).nodeVector(1)[0]}, TOL);
    }

    @Test
    void refusesNanInfAndEmptyValuesOfANumericAttribute() throws IOException {
        for (String bad : List.of("nan", "NaN", "\"-inf\"", "INF", "Infinity", "1e400")) {
            String shown = bad.replace("\"", "");
            Path file = write("nan.dot", "graph { a [w=1]; b [w=" + (bad.startsWith("1e")
                    ? "\"" + bad + "\"" : bad) + "]; a -- b }");
            assertEquals(file + ", line 1, column 21: node 'b' gives the node attribute 'w' the"
                    + " value '" + shown + "', which is no finite number, while its other values"
                    + " are numbers ('1' at node 'a' of nan.dot at line 1, column 12); give a"
                    + " finite number, or leave the attribute out there (it then reads as 0,"
                    + " with a note)", refused(file));
        }
        assertRefused("graph { a -- b [w=\"\"];\n b -- c [w=2] }", ", line 1, column 17: edge"
                + " from 'a' to 'b' gives the edge attribute 'w' an empty value, while its other"
                + " values are numbers ('2' at edge from 'b' to 'c' of bad.dot at line 2, column"
                + " 10); give a finite number, or leave the attribute out there (it then reads"
                + " as 0, with a note)");
        Path words = write("w.dot", "graph { a [w=nan]; b [w=x]; c [w=1] }");
        assertEquals(List.of("w=1", "w=nan", "w=x"), new DotReader().read(words).nodeChannels());
    }

    @Test
    void onlyAnEscapedQuoteIsUnescapedInNodeAndGraphValuesAlike() throws IOException {
        Path file = write("e.dot", "graph { label=\"a\\\\b\\\"c\\q\"; n [s=\"a\\\\b\\\"c\\q\"] }");
        GraphDataset d = new DotReader().read(file);
        String value = "a\\\\b\"c\\q";
        assertEquals(List.of(value), d.classLabels());
        assertEquals(List.of("s=" + value), d.nodeChannels());
    }

    @Test
    void oldMacLineEndsCountAsLines() throws IOException {
        assertRefused("graph {\r a\r b:p -- a }",
                ", line 3, column 3: names a port ('b':...), which is"
                + " not supported: edges join nodes, not ports");
    }

    @Test
    void theClassAttributeMatchesInAnyLetterCaseAndTheFirstSpellingWins() throws IOException {
        Path dot = write("c.dot", "graph { Label=\"b\"; label=\"a\"; Label=\"c\"; x }");
        assertEquals(List.of("c"), new DotReader().read(dot).classLabels());
        assertEquals(List.of("c"), new DotReader().withLabelProperty("LABEL").read(dot)
                .classLabels());
        Path gml = write("c.gml", "graph [ Label \"b\" label \"a\" node [ id 0 ] ]");
        assertEquals(List.of("b"), new GmlReader().read(gml).classLabels());
        assertEquals(List.of("b"), new GmlReader().withLabelProperty("LABEL").read(gml)
                .classLabels());
    }

    /**
     * The DOT files that networkx-unicode.py had networkx write read as networkx reads them
     * back (networkx-unicode.tsv): node ids and values of CJK, Greek and Cyrillic letters,
     * which networkx writes unquoted, and emoji, which it quotes; the same nodes (an edge
     * joins the nodes that networkx joins, by their order of first appearance), the same
     * values (numbers as numbers, others one-hot) and the class from the graph's label.
     */
    @Test
    void readsNonAsciiIdentifiersAsNetworkxReadsThem() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("networkx-unicode.tsv")) {
            lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        int files = 0;
        for (int at = 1; at < lines.size(); ) {
            String[] header = lines.get(at++).split("\t");
            assertEquals("file", header[0]);
            GraphDataset d = new DotReader().read(resource(header[1]));
            Graph g = d.graphs().get(0);
            files++;
            assertEquals("directed".equals(header[2]), g.isDirected(), header[1]);
            List<String> ids = new ArrayList<>();
            int edges = 0;
            for (; at < lines.size() && !lines.get(at).startsWith("file\t"); at++) {
                String[] f = lines.get(at).split("\t");
                if ("graph".equals(f[0])) {
                    assertEquals(List.of(f[1].substring("label=".length())), d.classLabels());
                } else if ("node".equals(f[0])) {
                    ids.add(f[1]);
                    assertValues(d, d.nodeChannels(), g.nodeVector(ids.size() - 1), f, 2);
                } else {
                    int u = ids.indexOf(f[1]);
                    int v = ids.indexOf(f[2]);
                    assertTrue(u >= 0 && v >= 0, lines.get(at));
                    edges++;
                    assertValues(d, d.edgeChannels(), g.edgeVector(u, v), f, 3);
                    if (!g.isDirected()) {
                        assertValues(d, d.edgeChannels(), g.edgeVector(v, u), f, 3);
                    }
                }
            }
            assertEquals(ids.size(), g.order(), header[1]);
            assertEquals(edges, g.edgeCount(), header[1]);
        }
        assertEquals(2, files);
    }

    /**
     * Asserts that a node's or edge's vector holds the values networkx read, fields from
     * {@code first} on ({@code name=value}, a quoted value's quotes kept by networkx): 1 in the
     * channel {@code name=value} of a label, the number in the channel {@code name} of a
     * number, and nothing else but 0.
     */
    private static void assertValues(GraphDataset d, List<String> channels, double[] vector,
            String[] fields, int first) {
        double[] expected = new double[channels.size()];
        for (int k = first; k < fields.length; k++) {
            String name = fields[k].substring(0, fields[k].indexOf('='));
            String value = fields[k].substring(name.length() + 1).replaceAll("^\"(.*)\"$",
                    "$1");
            int numeric = channels.indexOf(name);
            if (numeric >= 0) {
                expected[numeric] = Double.parseDouble(value);
            } else {
                int label = channels.indexOf(name + "=" + value);
                assertTrue(label >= 0, name + "=" + value + " not in " + channels);
                expected[label] = 1;
            }
        }
        assertArrayEquals(expected, vector, TOL, String.join(" ", fields) + " in " + d.name());
    }

    /**
     * Unquoted identifiers take any character outside ASCII, as Graphviz's scanner does (its
     * letters are the bytes 0x80 to 0xFF, which every UTF-8 byte of such a character is),
     * where jgrapht-io's importer takes only U+0080 to U+00FF: node ids, attribute names and
     * values, edge values and the class, in a graph and a digraph, with letters of the Basic
     * Multilingual Plane and emoji beyond it. A quoted and an unquoted spelling of one id are
     * one node.
     */
    @Test
    void unquotedIdentifiersTakeEveryCharacterOutsideAsciiAsGraphvizDoes() throws IOException {
        Path undirected = write("u.dot", "graph { label=日本; a [el=é]; b [el=日本];\n"
                + " 日本 -- b [w=Ω]; \"日本\" -- α [w=кот];"
                + " 😀 -- 🙂 [w=😀, ключ=1] }");
        GraphDataset d = new DotReader().read(undirected);
        Graph g = d.graphs().get(0);
        assertEquals(List.of("日本"), d.classLabels());
        assertEquals(List.of("el=é", "el=日本", "exists"), d.nodeChannels());
        // Labels in the order of their UTF-16 code units: Ω (U+03A9), к (U+043A), then the
        // surrogates of the emoji.
        assertEquals(List.of("w=Ω", "w=кот", "w=😀", "ключ"), d.edgeChannels());
        assertFalse(g.isDirected());
        assertEquals(6, g.order());
        assertEquals(3, g.edgeCount());
        assertArrayEquals(new double[] {0, 1, 1}, g.nodeVector(1), TOL);
        assertArrayEquals(new double[] {1, 0, 0, 0}, g.edgeVector(2, 1), TOL);
        assertArrayEquals(new double[] {0, 1, 0, 0}, g.edgeVector(2, 3), TOL);
        assertArrayEquals(new double[] {0, 0, 1, 1}, g.edgeVector(5, 4), TOL);

        Path directed = write("d.gv", "digraph { Ωμέγα [w=Привет];"
                + " Ωμέγα -> 😀 -> 中 [w=1]; 中 -> Ωμέγα [w=2] }");
        Graph h = new DotReader().read(directed).graphs().get(0);
        assertTrue(h.isDirected());
        assertEquals(3, h.order());
        assertEquals(3, h.edgeCount());
        assertTrue(h.hasEdge(0, 1) && h.hasEdge(1, 2) && h.hasEdge(2, 0) && !h.hasEdge(1, 0));

        // A no-break space (U+00A0) and an ideographic space (U+3000) are characters of an
        // identifier, as in Graphviz: two nodes, not four.
        Path spaces = write("s.dot", "graph { a\u00a0b -- c\u3000d }");
        GraphDataset spaced = new DotReader().read(spaces);
        assertEquals(2, spaced.graphs().get(0).order());
        assertTrue(spaced.notes().contains("unquoted DOT identifiers 'a\\u00a0b', 'c\\u3000d'"
                + " hold a space character outside ASCII (such as the no-break space U+00A0 or"
                + " the ideographic space U+3000), which Graphviz, too, reads as part of an"
                + " identifier; if it was meant to separate two, write an ASCII space"),
                spaced.notes().toString());
        assertFalse(d.notes().stream().anyMatch(n -> n.contains("space character")),
                d.notes().toString());
    }

    /**
     * The importer reads unquoted identifiers above U+00FF in quotes that the reader adds;
     * its syntax errors still name the file's columns, counted in characters (an emoji is
     * one), and the token walk's refusals are unchanged.
     */
    @Test
    void importerErrorsAfterNonAsciiIdentifiersNameTheFilesColumn() throws IOException {
        String unexpected = ": jgrapht-io's DOT importer cannot read it: extraneous input ']'";
        String message = refused(write("c.dot", "graph { 😀😀 -- 日本 -- x -- y; ] }"));
        assertTrue(message.contains(", line 1, column 29" + unexpected), message);
        message = refused(write("c.dot", "graph { 😀😀 -- 日本 -- x -- y;\n Ω ] }"));
        assertTrue(message.contains(", line 2, column 4" + unexpected), message);
        message = refused(write("c.dot", "graph { aa -- 日本 -- ; }"));
        assertTrue(message.contains(", line 1, column 21: jgrapht-io's DOT importer cannot read"
                + " it: mismatched input ';'"), message);
        assertRefused("graph { a [w=1]; 日本 [w=\"\"] }", ", line 1, column 22: node"
                + " '\\u65e5\\u672c' gives the node attribute 'w' an empty value, while its"
                + " other values are numbers ('1' at node 'a' of bad.dot at line 1, column 12);"
                + " give a finite number, or leave the attribute out there (it then reads as 0,"
                + " with a note)");
        assertRefused("graph { 1日 }", ", line 1, column 9: holds '1\\u65e5', which is no DOT"
                + NO_IDENTIFIER);
    }
}
