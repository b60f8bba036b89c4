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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;

/**
 * Tests of {@link GmlReader}: what networkx and igraph write, what jgrapht-io's importer would
 * read silently in another way (several graphs, repeated keys, exponents, nodes without ids),
 * class labels, folders, and the refusals with file and line.
 */
class GmlReaderTest extends GraphFileReaderTesting {

    @Override
    GraphDataset read(Path path) throws IOException {
        return new GmlReader().read(path);
    }

    @Override
    String ending() {
        return ".gml";
    }

    @Test
    void readsWhatNetworkxWrites() throws IOException {
        GraphDataset d = new GmlReader().read(resource("networkx-small.gml"));

        // Channels in the order the keys first appear; the node label (networkx writes the
        // node's name there) is no attribute; 1.E-05, as Python writes 0.00001, is that number.
        assertEquals("networkx-small", d.name());
        assertEquals(List.of("networkx-small"), d.graphNames());
        assertEquals(List.of("ring"), d.classLabels());
        assertEquals(List.of("element=C", "element=N", "element=O", "charge", "mass",
                "aromatic"), d.nodeChannels());
        assertEquals(List.of("order"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertEquals(4, g.order());
        assertFalse(g.isDirected());
        assertEquals(4, g.edgeCount());
        assertArrayEquals(new double[] {0, 1, 0, 1, 14.007, 0}, g.nodeVector(1), TOL);
        assertArrayEquals(new double[] {0, 0, 1, -1, 0.00001, 0}, g.nodeVector(3), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(1, 2), TOL);
        assertArrayEquals(new double[] {2}, g.edgeVector(2, 1), TOL);
        assertArrayEquals(new double[] {1}, g.edgeVector(0, 3), TOL);
        assertFalse(g.hasEdge(0, 2));
        assertEquals(List.of("class labels from the graph attribute 'class'",
                "graph attribute 'title' not read: only a class attribute of a graph is read"
                + " (label, class, target, y, p_np, or --label-property NAME)",
                "GML node labels name the nodes (networkx writes a node's name there) and are"
                + " not read as attributes",
                "every edge is undirected by the GML key directed (0 or absent): graphs read as"
                + " undirected"), d.notes());
    }

    @Test
    void readsADirectedGraphOfNetworkx() throws IOException {
        GraphDataset d = new GmlReader().read(resource("networkx-directed.gml"));

        assertEquals(List.of("chain"), d.classLabels());
        assertEquals(List.of("weight"), d.nodeChannels());
        assertEquals(List.of("kind=back", "kind=forward"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertTrue(g.isDirected());
        assertEquals(3, g.edgeCount());
        assertArrayEquals(new double[] {0, 1}, g.edgeVector(0, 1), TOL);
        assertArrayEquals(new double[] {1, 0}, g.edgeVector(2, 0), TOL);
        assertFalse(g.hasEdge(1, 0));
        assertArrayEquals(new double[] {2.5}, g.nodeVector(2), TOL);
    }

    @Test
    void readsWhatIgraphWrites() throws IOException {
        GraphDataset d = new GmlReader().read(resource("igraph-style.gml"));

        // igraph writes Creator and Version outside the graph, and a name per node.
        assertEquals(List.of("2"), d.classLabels());
        assertEquals(List.of("name=a", "name=b", "name=c", "size"), d.nodeChannels());
        assertEquals(List.of("weight"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertArrayEquals(new double[] {0, 0, 1, 0.25}, g.nodeVector(2), TOL);
        assertArrayEquals(new double[] {4.5}, g.edgeVector(1, 2), TOL);
        assertTrue(d.notes().contains("GML keys outside the graph not read: 'Creator',"
                + " 'Version'"), d.notes().toString());
        assertTrue(d.notes().contains("class labels from the graph attribute 'y'"));
    }

    @Test
    void missingValuesAreZeroWithANoteAndListsAreNotRead() throws IOException {
        Path file = write("g.gml", "graph [\n  node [ id 5 x 1.5 graphics [ x 1 y 2 ] ]\n"
                + "  node [ id 7 ]\n  edge [ source 7 target 5 id 0 ]\n  info [ a 1 ]\n]\n");
        GraphDataset d = new GmlReader().read(file);

        assertEquals(List.of("x", "exists"), d.nodeChannels());
        assertEquals(List.of("edge"), d.edgeChannels());
        assertArrayEquals(new double[] {0, 1}, d.graphs().get(0).nodeVector(1), TOL);
        assertTrue(d.graphs().get(0).hasEdge(0, 1));
        assertTrue(d.classLabels().isEmpty());
        List<String> notes = d.notes();
        assertTrue(notes.contains("GML graph keys with lists or repeated values not read:"
                + " 'info'"), notes.toString());
        assertTrue(notes.contains("GML node keys with lists not read: 'graphics'"),
                notes.toString());
        assertTrue(notes.contains("GML edge ids not read"), notes.toString());
        assertTrue(notes.contains("node attribute 'x' is missing on 1 of 2 nodes and encoded"
                + " as zero there"), notes.toString());
    }

    @Test
    void aFolderIsOneDataSetWithClassesFromEveryFile() throws IOException {
        Path folder = dir.resolve("set");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("g2.gml"), "graph [ class \"b\" node [ id 0 x 2 ]"
                + " node [ id 1 x 3 ] edge [ source 0 target 1 ] ]");
        Files.writeString(folder.resolve("g10.gml"), "graph [ class \"a\" node [ id 0 x 1 ] ]");
        Files.writeString(folder.resolve("notes.txt"), "not a graph");
        GraphDataset d = new GmlReader().read(folder);

        assertEquals("set", d.name());
        assertEquals(List.of("g10", "g2"), d.graphNames());
        assertEquals(List.of("a", "b"), d.classLabels());
        assertEquals(List.of(1, 2), List.of(d.graphs().get(0).order(),
                d.graphs().get(1).order()));
        assertEquals(List.of(folder.resolve("g10.gml"), folder.resolve("g2.gml")),
                GmlReader.gmlFiles(folder));

        // Some files with classes and some without are refused, naming both.
        Files.writeString(folder.resolve("g3.gml"), "graph [ node [ id 0 x 1 ] ]");
        String message = assertThrows(DatasetFormatException.class,
                () -> new GmlReader().read(folder)).getMessage();
        assertEquals(folder.resolve("g3.gml") + ": has no graph attribute named label, class,"
                + " target, y, p_np for class labels, but " + folder.resolve("g10.gml")
                + " has its graph's class in 'class'; every file needs a class or none may have"
                + " one", message);
    }

    @Test
    void labelPropertyNamesTheClassKey() throws IOException {
        Path file = write("g.gml", "graph [ class \"a\" kind 7 node [ id 0 ] ]");
        assertEquals(List.of("7"), new GmlReader().withLabelProperty("KIND").read(file)
                .classLabels());
        String message = assertThrows(DatasetFormatException.class,
                () -> new GmlReader().withLabelProperty("family").read(file)).getMessage();
        assertEquals(file + ": has no graph attribute 'family' for class labels; its graph"
                + " attributes: 'class', 'kind'", message);
    }

    @Test
    void anEmptyLabelAsJGraphTWritesItIsNoClass() throws IOException {
        Path file = write("g.gml", "Creator \"JGraphT GML Exporter\"\nVersion 1\ngraph\n[\n"
                + "\tlabel \"\"\n\tdirected 0\n\tnode\n\t[\n\t\tid 1\n\t]\n]\n");
        GraphDataset d = new GmlReader().read(file);
        assertTrue(d.classLabels().isEmpty());
        assertTrue(d.notes().contains("graph attribute 'label' not read as class labels: its"
                + " value is empty"), d.notes().toString());
    }

    @Test
    void refusesWhatTheImporterWouldReadInAnotherWay() throws IOException {
        assertRefused("graph [ node [ id 0 ] ]\ngraph [ node [ id 1 ] ]", ", line 2: holds a"
                + " second graph; expected one graph per file (the importer would merge them),"
                + " so write each graph to a file of its own");
        assertRefused("graph [\n node [ id 0 x 1\n x 2 ] ]", ", line 3: the node at line 2"
                + " repeats the key 'x' (first at line 2); a key may appear once (networkx"
                + " writes a list-valued attribute as repeated keys: make it a number or a"
                + " string first)");
        assertRefused("graph [\n node [ x 1 ] ]", ", line 2: the node at line 2 has no id;"
                + " expected an integer id");
        assertRefused("graph [\n node [ id 1.5 ] ]", ", line 2: the node at line 2 has id"
                + " '1.5'; expected an integer node id");
        assertRefused("graph [\n node [ id 2147483648 ] ]", ", line 2: the node at line 2 has"
                + " id '2147483648'; expected an integer node id from -2^31 to 2^31 - 1 (the"
                + " importer reads ids as 32-bit integers)");
        assertRefused("graph [\n node [ id 0 w 5 ] node [ id 1\n weight \"heavy\" ] ]", ", line 3:"
                + " the node at line 2 has the weight the string 'heavy'; the importer reads a"
                + " weight only as a number");
        assertRefused("graph [ directed 1\n node [ id 0 ]\n directed 0 ]", ", line 3: the graph"
                + " repeats the key directed (first at line 1); it may appear once, since it"
                + " decides how every edge is read");
        assertRefused("graph [ multigraph 0\n multigraph 0 ]", ", line 2: the graph repeats the"
                + " key multigraph (first at line 1); it may appear once, since it decides how"
                + " every edge is read");
        assertRefused("graph [\n node [ id 0 l \"[]\" ] ]", ", line 2: the node at line 2 has"
                + " 'l' \"[]\", as networkx writes an empty list (and reads it back as one); a"
                + " list-valued attribute is not read: make it a number or a string first");
        assertRefused("graph [ node [ id 0 ]\n edge [ source 0 ] ]", ", line 2: the edge at"
                + " line 2 has no target; expected integer source and target node ids");
        assertRefused("graph [ node [ id 0 ]\n node [ id 1 ]\n edge [ source 0 target 1"
                + " weight \"heavy\" ] ]", ", line 3: the edge at line 3 has the weight the"
                + " string 'heavy'; the importer reads a weight only as a number");
        assertRefused("graph [ multigraph 1\n node [ id 0 ] ]", ", line 1: the graph is a"
                + " multigraph (multigraph 1); parallel edges are not supported, so write a"
                + " graph without them (networkx: nx.Graph(G) or nx.DiGraph(G), merging their"
                + " attributes first)");
        assertRefused("graph [ directed 2 ]", ", line 1: the graph key directed is '2';"
                + " expected 0 or 1");
        assertRefused("Creator \"x\"", ": holds no graph; expected graph [ ... ]");
    }

    @Test
    void refusesNumbersADoubleDoesNotHold() throws IOException {
        assertRefused("graph [\n node [ id 0 x 1e400 ] ]", ", line 2: expected a finite"
                + " decimal number for the value of 'x', found '1e400' (too large for a double,"
                + " whose largest magnitude is about 1.8e+308)");
        assertRefused("graph [\n node [ id 0 x 9007199254740993 ] ]", ", line 2: expected a"
                + " finite decimal number for the value of 'x', found '9007199254740993' (an"
                + " integer larger in magnitude than 2^53 = 9007199254740992, beyond which a"
                + " double does not hold every integer, so it would read as 9007199254740992;"
                + " write it with a decimal point, 9007199254740993.0, to read it rounded)");
        assertRefused("graph [\n node [ id 0 x +INF ] ]", ", line 2: the value of 'x' is"
                + " '+INF'; expected a number or a quoted string");
        Path fine = write("fine.gml", "graph [ node [ id 0 x 9007199254740992 y -2.5E-3 ] ]");
        assertArrayEquals(new double[] {9007199254740992.0, -0.0025},
                new GmlReader().read(fine).graphs().get(0).nodeVector(0), 0.0);
    }

    @Test
    void refusesEdgesTheGraphCannotHoldWithTheirLines() throws IOException {
        String nodes = "graph [\n node [ id 0 ]\n node [ id 1 ]\n";
        assertRefused(nodes + " edge [ source 1 target 1 ] ]", ", line 4: edge from '1' to"
                + " '1' is a self-loop, which is not supported: the diagonal of a graph's"
                + " matrix holds node attributes, so remove the loop or make it a node"
                + " attribute");
        assertRefused(nodes + " edge [ source 0 target 1 ]\n edge [ source 1 target 0 ] ]",
                ", line 5: edge from '1' to '0' joins the same nodes as the edge from '0' to"
                + " '1' at line 4; parallel edges are not supported (a graph has one edge per"
                + " pair of nodes, per ordered pair when directed), so merge them first");
        assertRefused(nodes + " edge [ source 0 target 9 ] ]", ", line 4: edge from '0' to"
                + " '9' names the node '9', which the graph does not have");
        assertRefused(nodes + " node [ id 0 ] ]", ", line 4: node id '0' is used twice (first"
                + " at line 2)");
        Path directed = write("d.gml", "graph [ directed 1\n node [ id 0 ]\n node [ id 1 ]\n"
                + " edge [ source 0 target 1 ]\n edge [ source 1 target 0 ] ]");
        GraphDataset both = new GmlReader().read(directed);
        assertEquals(1, both.graphs().get(0).edgeCount());
        assertTrue(both.notes().contains("2 directed edges, each listed with its reverse, count"
                + " as 1 undirected edge (one per pair of nodes, as the edges line counts"
                + " them)"), both.notes().toString());
    }

    @Test
    void refusesMixedTypesAndReservedNames() throws IOException {
        assertRefused("graph [\n node [ id 0 x 1 ]\n node [ id 1 x \"one\" ] ]", ", line 3:"
                + " node '1' gives the node attribute 'x' a string, but node '0' of bad.gml at"
                + " line 2 gives it a number; an attribute must be numbers everywhere or labels"
                + " everywhere (convert its values to one type first)");
        assertRefused("graph [\n node [ id 0 exists 1 ] ]", ", line 2: node '0' has the"
                + " attribute 'exists', the name of the channel that marks real nodes (1 on"
                + " each), so its values would be read as node existence; rename the attribute"
                + " in the file");
        assertRefused("graph [ node [ id 0 ] node [ id 1 ]\n edge [ source 0 target 1 edge 2 ]"
                + " ]", ", line 2: edge from '0' to '1' has the attribute 'edge', the name of"
                + " the channel that marks present edges (1 on each), so its values would be"
                + " read as edge presence; rename the attribute in the file");
    }

    @Test
    void refusesSyntaxErrorsAndBytesThatAreNoUtf8WithTheLine() throws IOException {
        Path file = write("bad.gml", "graph [\n node [ id 0 ]\n node [ id 1 ] ");
        assertEquals(file + ", line 3: the graph's list is not closed; expected ]",
                refused(file));
        Path importer = write("key.gml", "graph [\n node [ id 0 ]\n 7up 1 ]");
        String message = refused(importer);
        assertTrue(message.startsWith(importer + ", line 3, column "), message);
        assertTrue(message.contains(": jgrapht-io's GML importer cannot read it: "), message);
        Path latin = dir.resolve("latin.gml");
        Files.write(latin, "graph [\n node [ id 0 s \"\u00e9\" ] ]"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin + ", line 2: is not UTF-8 text (byte 0xE9 at column 17); convert"
                + " the file to UTF-8", refused(latin));
    }

    /**
     * A character beyond U+FFFF at the place of an error shows as one escape, as Python writes
     * it ({@code \U0001f600}), not as the two escapes of its surrogate halves: in the
     * importer's syntax error (whose column counts the emoji as one), in a string where a
     * number belongs, and after a string closed without a space, whose ten characters shown
     * are ten code points, none cut in half.
     */
    @Test
    void aCharacterBeyondTheBmpAtAnErrorShowsAsOneEscape() throws IOException {
        String emoji = new String(Character.toChars(0x1F600));
        assertRefused("graph [\n node [ id 0 ]\n " + emoji + " 1\n]\n", ", line 3, column 2:"
                + " jgrapht-io's GML importer cannot read it: token recognition error at:"
                + " '\\U0001f600'");
        assertRefused("graph [\n node [ id 0 s \"" + emoji + "\" ]\n " + emoji + " 1\n]\n",
                ", line 3, column 2: jgrapht-io's GML importer cannot read it: token"
                + " recognition error at: '\\U0001f600'");
        assertRefused("graph [\n node [ id 0 ]\n node [ id 1 ]\n edge [ source 0 target 1"
                + " weight \"x" + emoji + "\" ]\n]\n", ", line 4: the edge at line 4 has the"
                + " weight the string 'x\\U0001f600'; the importer reads a weight only as a"
                + " number");
        assertRefused("graph [\n node [ id 0 label \"a\"" + emoji.repeat(12) + " ]\n]\n",
                ", line 2: a string is followed by '" + "\\U0001f600".repeat(10) + "' without"
                + " a space; a GML string ends at the next quote and holds none (networkx writes"
                + " a quote as &#34;; a backslash before a quote, as JGraphT's exporter writes"
                + " it, escapes nothing)");
        // Other characters keep their escapes of four digits.
        assertRefused("graph [\n node [ id 0 label \"a\"\u00e9 ]\n]\n", ", line 2: a string is"
                + " followed by '\\u00e9 ]\\n]\\n' without a space; a GML string ends at the"
                + " next quote and holds none (networkx writes a quote as &#34;; a backslash"
                + " before a quote, as JGraphT's exporter writes it, escapes nothing)");
    }

    /**
     * The importer reads numbers with an exponent written out and strings as placeholders
     * ({@code "s0"}), so its text is longer or shorter than the file's on those lines; the
     * column of its syntax error is the file's: that of the key {@code 7up} it cannot read,
     * after numbers written longer ({@code 1e-5} as {@code 0.00001}) and shorter
     * ({@code 1.5E+3} as {@code 1500}), after strings with characters outside the BMP and a
     * string over two lines, and on a line without a rewrite after lines with one.
     */
    @Test
    void theColumnOfAnImporterErrorAfterRewrittenTextIsTheFilesColumn() throws IOException {
        List<String> bodies = List.of(
                "graph [\n node [ id 0 x 1e-5 7up 1 ]\n]\n",
                "graph [\n node [ id 0 x 1.5E+3 y -2.5e-300 7up 1 ]\n]\n",
                "graph [ node [ id 0 x 0e7 s \"\uD83D\uDE00\u00e9&eacute;\" y 1E2 7up 1 ] ]",
                "graph [\n node [ id 0 s \"a long\nvalue\" x 1e-5 7up 1 ]\n]\n",
                "graph [\n node [ id 0 x 1e-5 s \"ab\" ]\n node [ id 1 x 1 ] 7up 1 ]\n");
        for (String body : bodies) {
            Path file = write("col.gml", body);
            int at = body.indexOf("7up");
            int lineStart = body.lastIndexOf('\n', at) + 1;
            int line = (int) body.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            int column = body.codePointCount(lineStart, at) + 1;
            String message = refused(file);
            assertTrue(message.startsWith(file + ", line " + line + ", column " + column
                    + ": jgrapht-io's GML importer cannot read it: "), message);
        }
    }

    /**
     * A byte-order mark at the start of a file is no column and no line: a file with one is
     * read as without it, and the refusals of line 1 name the same place.
     */
    @Test
    void aByteOrderMarkChangesNeitherTheGraphNorTheLinesAndColumns() throws IOException {
        String ring = "graph [ node [ id 0 label \"C\" ] node [ id 1 label \"N\" ]"
                + " edge [ source 0 target 1 ] ]";
        GraphDataset plain = read(write("plain.gml", ring));
        GraphDataset marked = read(write("marked.gml", "\uFEFF" + ring));
        assertEquals(plain.graphs(), marked.graphs());
        for (String body : List.of("graph [ node [ id 0 ] 7up 1 ]",
                "graph [ node [ id 0 ] node [ id 0 ] ]")) {
            Path one = write("one.gml", body);
            Path two = write("two.gml", "\uFEFF" + body);
            assertEquals(refused(one).substring(one.toString().length()),
                    refused(two).substring(two.toString().length()));
            assertTrue(refused(one).startsWith(one + ", line 1"), refused(one));
        }
        assertTrue(refused(write("col.gml", "\uFEFFgraph [ node [ id 0 ] 7up 1 ]"))
                .contains(", line 1, column "));
    }

    @Test
    void aGraphKeyDirectedOrMultigraphGivenTwiceIsRefused() throws IOException {
        assertRefused("graph [\n directed 1\n node [ id 0 ]\n directed 0\n]", ", line 4: the"
                + " graph repeats the key directed (first at line 2); it may appear once, since it"
                + " decides how every edge is read");
        assertRefused("graph [ multigraph 0\n multigraph 0 ]", ", line 2: the graph repeats"
                + " the key multigraph (first at line 1); it may appear once, since it"
                + " decides how every edge is read");
    }

    @Test
    void stringsAreReadAsNetworkxReadsThem() throws IOException {
        // Backslashes are characters (GML has no escapes), character references are decoded:
        // what nx.read_gml gives for the file networkx wrote.
        GraphDataset d = new GmlReader().read(resource("networkx-strings.gml"));
        String backslash = "\\";
        assertEquals(List.of("s=A", "s=C:" + backslash + "path" + backslash,
                "s=" + backslash + "d+", "s=" + backslash + "t", "s=" + backslash + "u0041",
                "s=\u00e9\"&<>"), d.nodeChannels());
        assertEquals(List.of("caf\u00e9"), d.classLabels());
        int[] channel = {2, 3, 4, 0, 1, 5};
        for (int v = 0; v < 6; v++) {
            assertEquals(1.0, d.graphs().get(0).nodeVector(v)[channel[v]], 0.0);
        }

        Path truncated = write("t.gml", "graph [ node [ id 0 s \"a" + backslash + "u00\" ] ]");
        assertEquals(List.of("s=a" + backslash + "u00"),
                new GmlReader().read(truncated).nodeChannels());
        Path named = write("n.gml", "graph [ node [ id 0 s \"&amp;&lt;&gt;&quot;&apos;&#x41;"
                + "&#65;&nbsp;&x;&#X41;&eacute\" ] ]");
        assertEquals(List.of("s=&<>\"'AA\u00a0&x;&#X41;&eacute"),
                new GmlReader().read(named).nodeChannels());
        assertRefused("graph [\n node [ id 0 s \"a&#1114112;\" ] ]", ", line 2: the string"
                + " 'a&#1114112;' holds the character reference &#1114112;, which names no"
                + " Unicode character (the last is U+10FFFF)");
    }

    @Test
    void characterReferencesDecodeAsNetworkxDecodesThem() throws IOException {
        // networkx-entities.tsv: every name of HTML 5 (2231, with and without the semicolon),
        // then some numeric and malformed references, with what nx.read_gml gives for each.
        // The reader agrees on all but &apos;, which it decodes as XML does.
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("networkx-entities.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines().toList()) {
                rows.add(line.split("\t"));
            }
        }
        int names = 2231;
        assertTrue(rows.size() > names, "every name of HTML 5 and more: " + rows.size());
        int decodedNames = 0;
        for (int k = 0; k < rows.size(); k++) {
            String written = rows.get(k)[0];
            StringBuilder networkx = new StringBuilder();
            for (String code : rows.get(k)[1].split(" ")) {
                networkx.appendCodePoint(Integer.parseInt(code, 16));
            }
            String expected = written.equals("&apos;") ? "'" : networkx.toString();
            assertEquals(expected, GmlReader.unescape(written), written);
            if (k < names && !networkx.toString().equals(written)) {
                decodedNames++;
            }
        }
        // Of the names, networkx decodes those of HTML 4.01, with their semicolon.
        assertEquals(252, decodedNames);

        // The same through the reader: the strings as written, and as networkx reads them
        // and writes them back (numeric references only), give the same channels.
        GraphDataset written = new GmlReader().read(resource("networkx-entities.gml"));
        GraphDataset read = new GmlReader().read(resource("networkx-entities-read.gml"));
        assertEquals(read.nodeChannels(), written.nodeChannels());
        for (int v = 0; v < read.graphs().get(0).order(); v++) {
            assertArrayEquals(read.graphs().get(0).nodeVector(v),
                    written.graphs().get(0).nodeVector(v), 0.0);
        }
        assertTrue(written.nodeChannels().containsAll(List.of("s=\u00a0", "s=caf&eacute",
                "s=&foo;", "s=&eacute;", "s=&#X41;", "s=&NewLine;", "s=&lt>")),
                written.nodeChannels().toString());
    }

    @Test
    void numericReferencesToNoCharacterAreRefusedWithTheirLine() throws IOException {
        // networkx keeps &#1114112; as written and gives NUL and a lone surrogate for the others.
        // Each refusal says why: past U+10FFFF, NUL, or half of a UTF-16 pair.
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("&#1114112;", "which names no Unicode character (the last is U+10FFFF)");
        reasons.put("&#x110000;", "which names no Unicode character (the last is U+10FFFF)");
        reasons.put("&#99999999999999999999;", "which names no Unicode character (the last"
                + " is U+10FFFF)");
        reasons.put("&#0;", "which names NUL (U+0000), a control character that no label"
                + " needs");
        reasons.put("&#x0000;", "which names NUL (U+0000), a control character that no label"
                + " needs");
        reasons.put("&#xD800;", "which names a surrogate (half of a UTF-16 pair, no character"
                + " on its own)");
        reasons.put("&#57343;", "which names a surrogate (half of a UTF-16 pair, no character"
                + " on its own)");
        for (Map.Entry<String, String> refused : reasons.entrySet()) {
            String reference = refused.getKey();
            assertRefused("graph [\n node [\n id 0\n s \"a" + reference + "\" ] ]",
                    ", line 4: the string 'a" + reference + "' holds the character reference "
                    + reference + ", " + refused.getValue());
        }
        // The characters next to those refused are read.
        assertEquals(List.of("s=a\u0001\ud7ff\ue000\udbff\udfff"), new GmlReader().read(
                write("edge.gml", "graph [ node [ id 0 s \"a&#1;&#xD7FF;&#57344;&#x10FFFF;\""
                + " ] ]")).nodeChannels());
    }

    @Test
    void aRefusedAttributeNamesTheLineOfItsKey() throws IOException {
        assertRefused("graph [\n node [ id 0 x 1 ]\n node [\n  id 1\n  x \"one\"\n ]\n]",
                ", line 5: node '1' gives the node attribute 'x' a string, but node '0' of"
                + " bad.gml at line 2 gives it a number; an attribute must be numbers"
                + " everywhere or labels everywhere (convert its values to one type first)");
        assertRefused("graph [\n node [\n  id 0\n  exists 1 ] ]", ", line 4: node '0' has the"
                + " attribute 'exists', the name of the channel that marks real nodes (1 on"
                + " each), so its values would be read as node existence; rename the attribute"
                + " in the file");
    }

    @Test
    void aQuoteEndsAStringAndOldMacLineEndsCount() throws IOException {
        assertRefused("graph [\r node [ id 0 s \"a ] ]\r", ", line 2: a string is not closed;"
                + " expected \" (a GML string holds no quote; networkx writes one as &#34;)");
        assertRefused("graph [\r node [ id 0 ]\r\n node [ id 0 ] ]", ", line 3: node id '0' is"
                + " used twice (first at line 2)");
        assertRefused("graph [\n node [ id 0 s \"a\\\"b\" ] ]", ", line 2: a string is"
                + " followed by 'b\" ] ]' without a space; a GML string ends at the next quote"
                + " and holds none (networkx writes a quote as &#34;; a backslash before a"
                + " quote, as JGraphT's exporter writes it, escapes nothing)");
        Path multiline = write("m.gml", "graph [ node [ id 0 s \"a\nb\" ]\n node [ id 0 ] ]");
        assertEquals(multiline + ", line 3: node id '0' is used twice (first at line 1)",
                refused(multiline));
    }
}
