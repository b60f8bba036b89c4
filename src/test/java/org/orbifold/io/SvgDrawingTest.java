package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG drawings: well-formed, complete, deterministic, placed and escaped. */
public class SvgDrawingTest {

    /** Coordinates are written with two decimals. */
    private static final double WRITTEN = 0.005;

    private static final List<String> XY = List.of("x", "y", "exists");
    private static final List<String> ATOMS = List.of("label=C", "label=N", "label=O",
            "exists");
    private static final List<String> EDGE = List.of("edge");

    /** Parses a document with the JDK's parser, refusing DOCTYPEs; fails if ill-formed. */
    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Returns the elements of a tag whose class is {@code kind}. */
    public static List<Element> ofClass(Document d, String tag, String kind) {
        NodeList all = d.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int k = 0; k < all.getLength(); k++) {
            Element e = (Element) all.item(k);
            if (e.getAttribute("class").equals(kind)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int k = 0; k < all.getLength(); k++) {
            Element e = (Element) all.item(k);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        return null;
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** A triangle of three atoms C, N, O plus a pendant C, bonds with the edge channel. */
    private static Graph molecule() {
        Graph.Builder b = Graph.builder(4, 1);
        b.addNode(1, 0, 0, 1);
        b.addNode(0, 1, 0, 1);
        b.addNode(0, 0, 1, 1);
        b.addNode(1, 0, 0, 1);
        return b.addEdge(0, 1, 1).addEdge(1, 2, 1).addEdge(2, 0, 1).addEdge(2, 3, 1).build();
    }

    private static GraphDataset letters() throws IOException {
        return DatasetLoader.load(Path.of("datasets", "letters"));
    }

    @Test
    void everyNodeAndEdgeOfTheLettersIsDrawnOnce() throws IOException {
        GraphDataset letters = letters();
        List<Graph> graphs = letters.graphs().subList(0, 12);
        List<String> titles = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            titles.add("graph " + g);
        }

        Document d = parse(SvgDrawing.of(letters.nodeChannels(), letters.edgeChannels())
                .graphs("letters", graphs, titles));

        assertEquals(12, ofClass(d, "g", "panel").size());
        for (int g = 0; g < graphs.size(); g++) {
            Graph graph = graphs.get(g);
            for (int i = 0; i < graph.order(); i++) {
                assertNotNull(byId(d, "p" + g + "-n" + i), "node " + i + " of graph " + g);
                for (int j = i + 1; j < graph.order(); j++) {
                    assertEquals(graph.hasEdge(i, j), byId(d, "p" + g + "-e" + i + "-" + j)
                            != null, "edge " + i + "-" + j + " of graph " + g);
                }
            }
        }
        int nodes = graphs.stream().mapToInt(Graph::order).sum();
        int edges = graphs.stream().mapToInt(Graph::edgeCount).sum();
        assertEquals(nodes, ofClass(d, "circle", "node").size());
        assertEquals(edges, ofClass(d, "line", "edge").size());
        assertEquals("graph 3", ofClass(d, "text", "title").get(3).getTextContent());
    }

    @Test
    void lettersAreDrawnAtTheirCoordinatesWithYUp() {
        // Nodes at (0, 0), (2, 0), (0, 1) and (1, 3): x order 0 = 2 < 3 < 1, y order
        // 0 = 1 < 2 < 3, so the screen's y (pointing down) sorts them the other way round.
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(0, 0, 1);
        b.addNode(2, 0, 1);
        b.addNode(0, 1, 1);
        b.addNode(1, 3, 1);
        Graph g = b.addEdge(0, 1, 1).addEdge(2, 3, 1).build();

        Document d = parse(SvgDrawing.of(XY, EDGE).graphs(null, List.of(g), List.of("T")));

        Element[] n = new Element[4];
        for (int i = 0; i < 4; i++) {
            n[i] = byId(d, "p0-n" + i);
        }
        assertEquals(number(n[0], "cx"), number(n[2], "cx"), WRITTEN);
        assertTrue(number(n[2], "cx") < number(n[3], "cx"));
        assertTrue(number(n[3], "cx") < number(n[1], "cx"));
        assertEquals(number(n[0], "cy"), number(n[1], "cy"), WRITTEN);
        assertTrue(number(n[0], "cy") > number(n[2], "cy"));
        assertTrue(number(n[2], "cy") > number(n[3], "cy"));
        // One scale for both axes: x spans 2, y spans 3.
        double width = number(n[1], "cx") - number(n[0], "cx");
        double height = number(n[0], "cy") - number(n[3], "cy");
        assertEquals(2.0 / 3.0, width / height, 0.01);
        // An edge runs between its nodes' centers.
        Element edge = byId(d, "p0-e2-3");
        assertEquals(number(n[2], "cx"), number(edge, "x1"), WRITTEN);
        assertEquals(number(n[3], "cy"), number(edge, "y2"), WRITTEN);
    }

    @Test
    void everyCoordinateLiesInsideTheViewBox() throws IOException {
        GraphDataset letters = letters();
        List<Graph> some = letters.graphs().subList(0, 5);
        List<String> titles = List.of("a", "b", "c", "d", "e");
        List<String> svgs = List.of(
                SvgDrawing.of(letters.nodeChannels(), letters.edgeChannels())
                        .graphs("letters", some, titles),
                SvgDrawing.of(ATOMS, EDGE).withColumns(2).graphs(null,
                        List.of(molecule(), molecule(), molecule()), List.of("m", "m", "m")),
                SvgDrawing.of(ATOMS, EDGE).alignment(null, molecule(), "x", molecule(), "y",
                        new Alignment(Permutation.of(3, 2, 1, 0), 0, 1, false)));
        for (String svg : svgs) {
            Document d = parse(svg);
            Element root = d.getDocumentElement();
            String[] box = root.getAttribute("viewBox").split(" ");
            double width = Double.parseDouble(box[2]);
            double height = Double.parseDouble(box[3]);
            assertEquals(width, number(root, "width"));
            assertEquals(height, number(root, "height"));
            int checked = 0;
            for (Element c : ofClass(d, "circle", "node")) {
                assertInside(number(c, "cx"), width, c);
                assertInside(number(c, "cy"), height, c);
                checked++;
            }
            List<Element> lines = new ArrayList<>(ofClass(d, "line", "edge"));
            lines.addAll(ofClass(d, "line", "match"));
            for (Element line : lines) {
                for (String a : List.of("x1", "x2")) {
                    assertInside(number(line, a), width, line);
                }
                for (String a : List.of("y1", "y2")) {
                    assertInside(number(line, a), height, line);
                }
            }
            assertTrue(checked > 0);
        }
    }

    private static void assertInside(double value, double size, Element e) {
        assertTrue(value >= 0.0 && value <= size, e.getAttribute("id") + ": " + value
                + " outside 0.." + size);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndTheLayoutFollowsTheSeed() {
        List<Graph> graphs = List.of(molecule(), molecule());
        List<String> titles = List.of("one", "two");
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE).withSeed(7);

        String first = drawing.graphs("h", graphs, titles);
        String again = SvgDrawing.of(ATOMS, EDGE).withSeed(7).graphs("h", graphs, titles);
        String other = drawing.withSeed(8).graphs("h", graphs, titles);

        assertEquals(first, again);
        // Nodes 0 and 1 lie at equal distances from nodes 2 and 3: the seed parts them.
        assertNotEquals(first, other);
        // Equal graphs under one seed get equal layouts, shifted by the panel.
        Document d = parse(first);
        assertEquals(number(byId(d, "p0-n2"), "cy"), number(byId(d, "p1-n2"), "cy"), WRITTEN);
    }

    @Test
    void categoricalNodesShowTheirMostLikelyLabel() {
        Graph.Builder b = Graph.builder(4, 1);
        b.addNode(0.2, 0.7, 0.1, 1);
        b.addNode(0, 0, 0, 1);
        Graph g = b.addEdge(0, 1, 1).build();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(g), List.of("m")));

        List<Element> labels = ofClass(d, "text", "label");
        assertEquals(1, labels.size(), "a node without a label gets no text");
        assertEquals("N", labels.get(0).getTextContent());
        assertEquals(2, ofClass(d, "circle", "node").size());
    }

    /**
     * Forty labels, one node each: forty different fills, the first ten the colours drawings
     * had before the palette grew, none the fill of unlabelled nodes; every node's text is its
     * label.
     */
    @Test
    void fortyLabelsGetFortyColours() {
        int labels = 40;
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < labels; c++) {
            channels.add(String.format(Locale.ROOT, "label=L%02d", c));
        }
        channels.add("exists");
        Graph.Builder b = Graph.builder(labels + 1, 1);
        for (int i = 0; i < labels; i++) {
            double[] v = new double[labels + 1];
            v[i] = 1.0;
            v[labels] = 1.0;
            b.addNode(v);
        }
        for (int i = 0; i + 1 < labels; i++) {
            b.addEdge(i, i + 1, 1.0);
        }

        Document d = parse(SvgDrawing.of(channels, EDGE).graphs(null, List.of(b.build()),
                List.of("forty")));

        List<String> fills = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            fills.add(byId(d, "p0-n" + i).getAttribute("fill"));
        }
        assertEquals(labels, new HashSet<>(fills).size(), fills.toString());
        assertEquals(List.of("#7f7f7f", "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd",
                "#8c564b", "#e377c2", "#bcbd22", "#17becf"), fills.subList(0, 10));
        assertFalse(fills.contains("#5b8fd0"), fills.toString());
        List<String> texts = new ArrayList<>();
        for (Element text : ofClass(d, "text", "label")) {
            texts.add(text.getTextContent());
        }
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < labels; c++) {
            expected.add(String.format(Locale.ROOT, "L%02d", c));
        }
        assertEquals(expected, texts);
    }

    @Test
    void purelyNumericNodesCarryNoText() throws IOException {
        GraphDataset letters = letters();
        Document d = parse(SvgDrawing.of(letters.nodeChannels(), letters.edgeChannels())
                .graphs(null, letters.graphs().subList(0, 2), List.of("a", "b")));

        assertTrue(ofClass(d, "text", "label").isEmpty());
    }

    @Test
    void markupAndControlCharactersInTextsAreEscaped() {
        List<String> channels = List.of("label=<&\u0001>", "label=x\uFFFF\uD800", "exists");
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(1, 0, 1);
        b.addNode(0, 1, 1);
        Graph g = b.addEdge(0, 1, 1).build();
        String title = "a<b & c\u0007d \"q\" \u200b\t\n\r";

        String svg = SvgDrawing.of(channels, EDGE).graphs("h\u001b>", List.of(g),
                List.of(title));
        Document d = parse(svg);

        assertEquals("a<b & c\\u0007d \"q\" \\u200b\\t\\n\\r",
                ofClass(d, "text", "title").get(0).getTextContent());
        assertEquals("h\\u001b>", ofClass(d, "text", "heading").get(0).getTextContent());
        List<Element> labels = ofClass(d, "text", "label");
        assertEquals("<&\\u0001>", labels.get(0).getTextContent());
        assertEquals("x\\uffff\\ud800", labels.get(1).getTextContent());
        assertFalse(svg.contains("\u0007") || svg.contains("\u0001") || svg.contains("\u001b"));
    }

    /**
     * An invisible character beyond U+FFFF (a tag character alone) is one escape of a capital
     * U and eight digits, as the text output writes it; an emoji passes, and the tag
     * characters of a subdivision flag (England's) stay inside their emoji sequence.
     */
    @Test
    void anInvisibleCharacterBeyondTheBmpIsOneEscape() {
        String england = cp(0x1F3F4) + cp(0xE0067) + cp(0xE0062) + cp(0xE0065) + cp(0xE006E)
                + cp(0xE0067) + cp(0xE007F);
        String title = cp(0xE0001) + "a" + cp(0x1F600) + england;

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(molecule()),
                List.of(title)));

        assertEquals("\\U000e0001a" + cp(0x1F600) + england,
                ofClass(d, "text", "title").get(0).getTextContent());
    }

    @Test
    void aLongTitleIsCutAndKeptWholeInThePanelsTitleElement() {
        String title = "t".repeat(100);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(molecule(),
                molecule()), List.of(title, "short")));

        String shown = ofClass(d, "text", "title").get(0).getTextContent();
        assertEquals(SvgDrawing.MAX_TITLE_LENGTH, shown.length());
        assertTrue(shown.endsWith("..."), shown);
        assertEquals(List.of(title), panelTitles(d, 0));
        assertEquals(List.of(), panelTitles(d, 1));
    }

    /**
     * A full title (render's, with the graph's name) is shown when it fits the title's
     * columns, a wide character counting two; otherwise the short title is shown and the
     * panel's first element, a title element, holds the full one whole.
     */
    @Test
    void aFullTitleIsShownWhenItFitsAndKeptInATitleElementOtherwise() {
        String fits = "graph 0 (a), class 1, 9 nodes";
        // 9 + 6 wide characters of two columns + 19 = 40 columns, 28 characters.
        String wide = "graph 1 (\u65e5\u672c\u8a9e\u30c7\u30fc\u30bf), class 1, 9 nodes";
        String exactly = "x".repeat(SvgDrawing.MAX_TITLE_LENGTH);
        List<String> titles = List.of("graph 0, class 1, 9 nodes", "graph 1, class 1, 9 nodes",
                "short", "graph 3, class -1, 9 nodes");
        List<String> full = List.of(fits, wide, exactly, "graph 3 (MUTAG#4), class -1, 9"
                + " nodes");
        Graph g = molecule();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs("h", List.of(g, g, g, g), titles,
                full));

        List<String> shown = texts(ofClass(d, "text", "title"));
        assertEquals(List.of(fits, titles.get(1), exactly, titles.get(3)), shown);
        assertEquals(List.of(), panelTitles(d, 0));
        assertEquals(List.of(wide), panelTitles(d, 1));
        assertEquals(List.of(), panelTitles(d, 2));
        assertEquals(List.of(full.get(3)), panelTitles(d, 3));
        assertEquals("title", firstChild(byId(d, "p1")).getTagName());

        Document aligned = parse(SvgDrawing.of(ATOMS, EDGE).alignment("c", g, g,
                List.of("a", "b"), List.of("a (one)", full.get(3)), new Alignment(
                Permutation.identity(g.order()), 0, 0, true)));
        assertEquals(List.of("a (one)", "b"), texts(ofClass(aligned, "text", "title")));
        assertEquals(List.of(full.get(3)), panelTitles(aligned, 1));
    }

    /** The texts of the title elements directly inside panel K. */
    private static List<String> panelTitles(Document d, int k) {
        List<String> found = new ArrayList<>();
        NodeList children = byId(d, "p" + k).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("title")) {
                found.add(e.getTextContent());
            }
        }
        return found;
    }

    private static Element firstChild(Element parent) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static List<String> texts(List<Element> elements) {
        List<String> found = new ArrayList<>();
        for (Element e : elements) {
            found.add(e.getTextContent());
        }
        return found;
    }

    @Test
    void nullNodesOfAMeanAreNotDrawnAndProbabilitiesSetOpacity() {
        // A mean: node 1 is a null node (existence 0), node 0 exists with probability 0.8;
        // the edge 0-2 has probability 0.5, the edge 1-2 leads to the null node.
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(1.0, 1.0, 0.8);
        b.addNode(0.0, 0.0, 0.0);
        b.addNode(2.0, 1.0, 1.0);
        Graph mean = b.addEdge(0, 2, 0.5).addEdge(1, 2, 0.25).build();

        Document d = parse(SvgDrawing.of(XY, EDGE).graphs(null, List.of(mean),
                List.of("mean")));

        assertEquals(2, ofClass(d, "circle", "node").size());
        assertNull(byId(d, "p0-n1"));
        assertEquals("0.800", byId(d, "p0-n0").getAttribute("opacity"));
        assertEquals("", byId(d, "p0-n2").getAttribute("opacity"));
        assertEquals(1, ofClass(d, "line", "edge").size());
        Element edge = byId(d, "p0-e0-2");
        assertEquals("0.500", edge.getAttribute("opacity"));
        assertTrue(number(edge, "stroke-width") < SvgDrawing.MAX_EDGE_WIDTH);
    }

    @Test
    void aNullNodeAtTheOriginDoesNotStretchTheScale() {
        // The null node at (0, 0) lies far from the others; were it counted, the two real
        // nodes would be squeezed together.
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(100.0, 100.0, 1.0);
        b.addNode(0.0, 0.0, 0.0);
        b.addNode(101.0, 100.0, 1.0);
        Graph mean = b.build();

        Document d = parse(SvgDrawing.of(XY, EDGE).graphs(null, List.of(mean), List.of("m")));

        double gap = number(byId(d, "p0-n2"), "cx") - number(byId(d, "p0-n0"), "cx");
        assertTrue(gap > SvgDrawing.PANEL_SIZE / 2, "gap " + gap);
    }

    @Test
    void aNodeOfAMeanIsDrawnAtItsCoordinatesGivenThatItExists() {
        // Node 0 of the mean is (10, 10) in half the graphs: raw (5, 5) at existence 0.5. It
        // goes where the data graph's node at (10, 10) goes; a node of existence below 1e-12
        // is not drawn, and does not stretch the scale.
        Graph.Builder m = Graph.builder(3, 1);
        m.addNode(5.0, 5.0, 0.5);
        m.addNode(11.0, 10.0, 1.0);
        m.addNode(-1e-3, -1e-3, 1e-13);
        Graph mean = m.addEdge(0, 1, 0.5).build();
        Graph.Builder g = Graph.builder(3, 1);
        g.addNode(10.0, 10.0, 1.0);
        g.addNode(12.0, 10.0, 1.0);
        Graph data = g.addEdge(0, 1, 1.0).build();

        Document d = parse(SvgDrawing.of(XY, EDGE).graphs(null, List.of(mean, data),
                List.of("mean", "graph")));

        assertEquals(number(byId(d, "p1-n0"), "cx"), number(byId(d, "p0-n0"), "cx")
                + SvgDrawing.PANEL_SIZE, WRITTEN);
        assertEquals(number(byId(d, "p1-n0"), "cy"), number(byId(d, "p0-n0"), "cy"), WRITTEN);
        assertEquals("0.500", byId(d, "p0-n0").getAttribute("opacity"));
        assertNull(byId(d, "p0-n2"));
        double gap = number(byId(d, "p1-n1"), "cx") - number(byId(d, "p1-n0"), "cx");
        assertTrue(gap > SvgDrawing.PANEL_SIZE / 2, "gap " + gap);
        // Raw coordinates, as for graphs that are no weighted means: (5, 5) is the corner of
        // the box from (5, 5) to (12, 10), lower left.
        Document raw = parse(SvgDrawing.of(XY, EDGE).withCoordinatesGivenExistence(false)
                .graphs(null, List.of(mean, data), List.of("mean", "graph")));
        assertEquals(16.0, number(byId(raw, "p0-n0"), "cx"), WRITTEN);
        assertTrue(number(byId(raw, "p0-n0"), "cy") > number(byId(raw, "p1-n0"), "cy") + 50);
    }

    @Test
    void aDirectedPairInBothDirectionsIsOneLine() {
        Graph.Builder b = Graph.builder(4, 1).directed(true);
        b.addNode(1, 0, 0, 1);
        b.addNode(0, 0, 1, 1);
        b.addNode(0, 1, 0, 1);
        Graph g = b.addEdge(0, 1, 0.25).addEdge(1, 0, 0.75).addEdge(2, 1, 1).build();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(g), List.of("d")));

        assertEquals(2, ofClass(d, "line", "edge").size());
        assertEquals("0.750", byId(d, "p0-e0-1").getAttribute("opacity"));
        assertNotNull(byId(d, "p0-e1-2"));
    }

    @Test
    void anAlignmentJoinsMatchedNodesButNotThoseMatchedToPadding() {
        Graph x = molecule();
        Graph y = molecule().subgraph(0, 1, 2);
        GraphSpace space = GraphSpace.of(List.of(x, y));
        Alignment a = new ExactAligner(42).align(space, x, y);

        String svg = SvgDrawing.of(ATOMS, EDGE).alignment("graphs 0 and 1", x, "graph 0", y,
                "graph 1", a);
        Document d = parse(svg);

        List<Element> matches = ofClass(d, "line", "match");
        assertEquals(3, matches.size());
        Permutation p = a.permutation();
        for (int i = 0; i < x.order(); i++) {
            Element m = byId(d, "m" + i + "-" + p.get(i));
            assertEquals(p.get(i) < y.order(), m != null, "node " + i);
            if (m != null) {
                assertEquals(number(byId(d, "p0-n" + i), "cx"), number(m, "x1"), WRITTEN);
                assertEquals(number(byId(d, "p1-n" + p.get(i)), "cy"), number(m, "y2"),
                        WRITTEN);
            }
        }
        String heading = ofClass(d, "text", "heading").get(0).getTextContent();
        assertTrue(heading.startsWith("graphs 0 and 1: distance "
                + String.format(java.util.Locale.ROOT, "%.6f", a.distance())), heading);
        assertTrue(heading.endsWith("(proven optimal)"), heading);
        assertEquals(2, ofClass(d, "g", "panel").size());
        // The second panel lies right of the first.
        assertTrue(number(byId(d, "p1-n0"), "cx") > SvgDrawing.PANEL_SIZE);
    }

    /**
     * A tiny but nonzero distance is written in the heading as the text reports write it
     * ({@link NumberText#decimalOrTiny}), not as a zero.
     */
    @Test
    void aTinyDistanceIsNotHeadedAsZero() {
        Graph x = molecule();
        Alignment tiny = new Alignment(Permutation.identity(x.order()), 1.0,
                3.1622776601683795e-8, true);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).alignment(null, x, "a", x, "b", tiny));

        String heading = ofClass(d, "text", "heading").get(0).getTextContent();
        assertEquals("distance 3.162278e-08 (proven optimal)", heading);
        assertEquals("3.162278e-08", NumberText.decimalOrTiny(3.1622776601683795e-8, 6));
        assertEquals("0.000000", NumberText.decimalOrTiny(-0.0, 6));
        assertEquals("1.500000", NumberText.decimalOrTiny(1.5, 6));
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE);
        Graph letter = Graph.builder(3, 1).build();
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(1, 1, 1);
        b.addNode(2, 2, 1);
        Graph two = b.build();
        Alignment short1 = new Alignment(Permutation.identity(1), 0, 0, false);

        String none = assertThrows(IllegalArgumentException.class,
                () -> drawing.graphs(null, List.of(), List.of())).getMessage();
        String titles = assertThrows(IllegalArgumentException.class,
                () -> drawing.graphs(null, List.of(molecule()), List.of())).getMessage();
        String channels = assertThrows(IllegalArgumentException.class,
                () -> drawing.graphs(null, List.of(letter), List.of("l"))).getMessage();
        String columns = assertThrows(IllegalArgumentException.class,
                () -> drawing.withColumns(0)).getMessage();
        String permutation = assertThrows(IllegalArgumentException.class,
                () -> SvgDrawing.of(XY, EDGE).alignment(null, two, "a", two, "b", short1))
                .getMessage();
        String names = assertThrows(IllegalArgumentException.class,
                () -> SvgDrawing.of(List.of("x", "x"), EDGE)).getMessage();

        assertEquals("no graphs to draw", none);
        assertEquals("one title per graph needed: 1 graph, 0 titles", titles);
        assertEquals("a graph has 3 node and 1 edge channels, the drawing 4 and 1", channels);
        assertEquals("columns must be >= 1, got 0", columns);
        assertTrue(permutation.contains("permutation has size 1"), permutation);
        assertTrue(names.contains("'x' occurs twice"), names);
    }

    @Test
    void anEmptyGraphIsAPanelWithItsTitleOnly() {
        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null,
                List.of(Graph.builder(4, 1).build()), List.of("empty")));

        assertEquals(1, ofClass(d, "g", "panel").size());
        assertTrue(ofClass(d, "circle", "node").isEmpty());
        assertEquals("empty", ofClass(d, "text", "title").get(0).getTextContent());
    }

    @Test
    void withoutAnExistenceChannelOnlyPaddingIsLeftOut() {
        // Channels x, y only: node 2 is all zero and isolated (padding), node 3 lies at the
        // origin but has an edge, so it is a real node.
        Graph.Builder b = Graph.builder(2, 1);
        b.addNode(1.0, 1.0);
        b.addNode(2.0, 1.0);
        b.addNode(0.0, 0.0);
        b.addNode(0.0, 0.0);
        Graph g = b.addEdge(0, 3, 1).build();

        Document d = parse(SvgDrawing.of(List.of("x", "y"), EDGE).graphs(null, List.of(g),
                List.of("g")));

        assertNull(byId(d, "p0-n2"));
        assertNotNull(byId(d, "p0-n3"));
        assertEquals(3, ofClass(d, "circle", "node").size());
    }

    @Test
    void coordinatesWhoseSpanOverflowsADoubleAreScaledWithoutNaN() {
        // x from -1.7e308 to 1.7e308: the span, 3.4e308, is more than a double holds.
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(-1.7e308, 0.0, 1.0);
        b.addNode(0.0, 0.0, 1.0);
        b.addNode(1.7e308, 0.0, 1.0);
        Graph wide = b.addEdge(0, 1, 1).build();
        Graph.Builder c = Graph.builder(3, 1);
        c.addNode(1.0, 1.0, 1.0);
        Graph plain = c.build();

        String svg = SvgDrawing.of(XY, EDGE).graphs(null, List.of(wide, plain),
                List.of("wide", "plain"));
        Document d = parse(svg);

        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
        assertEquals(16.0, number(byId(d, "p0-n0"), "cx"), WRITTEN);
        assertEquals(SvgDrawing.PANEL_SIZE / 2, number(byId(d, "p0-n1"), "cx"), WRITTEN);
        assertEquals(SvgDrawing.PANEL_SIZE - 16.0, number(byId(d, "p0-n2"), "cx"), WRITTEN);
        assertEquals(SvgDrawing.PANEL_SIZE * 1.5, number(byId(d, "p1-n0"), "cx"), WRITTEN);
    }

    /**
     * A connected molecule-like graph of 40 atoms: a chain with a pendant atom on every
     * fourth atom and three rings closed back along the chain.
     */
    private static Graph chain() {
        int n = 40;
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < n; i++) {
            b.addNode(i % 3 == 0 ? 1 : 0, i % 3 == 1 ? 1 : 0, i % 3 == 2 ? 1 : 0, 1);
        }
        for (int i = 1; i < 30; i++) {
            b.addEdge(i - 1, i, 1);
        }
        for (int i = 30; i < n; i++) {
            b.addEdge((i - 30) * 3, i, 1);
        }
        return b.addEdge(0, 5, 1).addEdge(10, 15, 1).addEdge(20, 25, 1).build();
    }

    @Test
    void aConnectedGraphIsLaidOutWithoutStackedNodesAndMostlyOffTheBorder() {
        Graph g = chain();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(g),
                List.of("chain")));

        double inner = SvgDrawing.PANEL_SIZE - 16.0;
        double top = 18.0;
        int border = 0;
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < g.order(); i++) {
            Element a = byId(d, "p0-n" + i);
            double x = number(a, "cx");
            double y = number(a, "cy") - top;
            boolean edge = Math.abs(x - 16.0) < WRITTEN || Math.abs(x - inner) < WRITTEN
                    || Math.abs(y - 16.0) < WRITTEN || Math.abs(y - inner) < WRITTEN;
            border += edge ? 1 : 0;
            for (int j = 0; j < i; j++) {
                Element o = byId(d, "p0-n" + j);
                closest = Math.min(closest, Math.hypot(x - number(o, "cx"),
                        y + top - number(o, "cy")));
            }
        }
        // The scaled layout touches each of the four sides with at least one node; a layout
        // held at the border of a box (as JGraphT's Fruchterman-Reingold held molecules)
        // puts many nodes there. Node radius 5: no two circles overlap.
        assertTrue(border <= 6, border + " of " + g.order() + " nodes on the border");
        assertTrue(closest >= 10.0, "closest pair " + closest + " units apart");
    }

    @Test
    void aDenseGraphKeepsItsNodesApart() {
        // 150 nodes, 300 random edges, about 25 units of panel per node: stress majorization
        // keeps all but a few pairs apart (6 closer than a node's radius when written;
        // Fruchterman-Reingold left up to 60).
        int n = 150;
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < n; i++) {
            b.addNode(1, 0, 0, 1);
        }
        java.util.Random random = new java.util.Random(3);
        for (int e = 0; e < 2 * n; e++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i != j) {
                b.addEdge(Math.min(i, j), Math.max(i, j), 1);
            }
        }
        Graph g = b.build();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(g),
                List.of("dense")));

        int crowded = 0;
        for (int i = 0; i < n; i++) {
            Element a = byId(d, "p0-n" + i);
            for (int j = 0; j < i; j++) {
                Element o = byId(d, "p0-n" + j);
                crowded += Math.hypot(number(a, "cx") - number(o, "cx"), number(a, "cy")
                        - number(o, "cy")) < 5.0 ? 1 : 0;
            }
        }
        assertTrue(crowded <= 15, crowded + " pairs of nodes less than 5 units apart");
    }

    @Test
    void anEdgeMoreLikelyAbsentThanPresentCountsForNoDistanceOfTheLayout() {
        Graph g = molecule();
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < g.order(); i++) {
            b.addNode(g.nodeVector(i));
        }
        Graph unlikely = b.addEdge(0, 1, 1).addEdge(1, 2, 1).addEdge(2, 0, 1).addEdge(2, 3, 1)
                .addEdge(0, 3, 0.02).build();
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE);

        Document with = parse(drawing.graphs(null, List.of(unlikely), List.of("m")));
        Document without = parse(drawing.graphs(null, List.of(g), List.of("m")));

        assertNotNull(byId(with, "p0-e0-3"), "the edge is drawn");
        for (int i = 0; i < g.order(); i++) {
            for (String a : List.of("cx", "cy")) {
                assertEquals(byId(without, "p0-n" + i).getAttribute(a),
                        byId(with, "p0-n" + i).getAttribute(a), "node " + i + " " + a);
            }
        }
    }

    /**
     * The tester's disconnected graph: a 5-cycle (nodes 0 to 4), a path of three (5 to 7),
     * four single nodes (8 to 11) and K4 (12 to 15).
     */
    private static Graph disconnected() {
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < 16; i++) {
            b.addNode(1, 0, 0, 1);
        }
        for (int i = 0; i < 5; i++) {
            b.addEdge(i, (i + 1) % 5, 1);
        }
        b.addEdge(5, 6, 1).addEdge(6, 7, 1);
        for (int i = 12; i < 16; i++) {
            for (int j = i + 1; j < 16; j++) {
                b.addEdge(i, j, 1);
            }
        }
        return b.build();
    }

    /** Returns the centres of panel 0's nodes {@code 0..n-1}, y from the panel's top. */
    private static double[][] centres(Document d, int n) {
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) {
            Element e = byId(d, "p0-n" + i);
            xy[i] = new double[] {number(e, "cx"), number(e, "cy") - 18.0};
        }
        return xy;
    }

    private static double closest(double[][] xy) {
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            for (int j = 0; j < i; j++) {
                closest = Math.min(closest, Math.hypot(xy[i][0] - xy[j][0],
                        xy[i][1] - xy[j][1]));
            }
        }
        return closest;
    }

    private static boolean onBorder(double value) {
        return Math.abs(value - 16.0) < WRITTEN
                || Math.abs(value - (SvgDrawing.PANEL_SIZE - 16.0)) < WRITTEN;
    }

    @Test
    void connectedPartsAreLaidOutApartWithComparableEdgesAndSingleNodesOffTheCorners() {
        Graph g = disconnected();

        String svg = SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(g), List.of("parts"));
        double[][] xy = centres(parse(svg), g.order());

        // Node radius 5: no two nodes overlap.
        assertTrue(closest(xy) >= 10.0 - WRITTEN, "closest pair " + closest(xy));
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0.0;
        for (int i = 0; i < g.order(); i++) {
            for (int j : g.successors(i)) {
                double length = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                shortest = Math.min(shortest, length);
                longest = Math.max(longest, length);
            }
        }
        assertTrue(shortest >= 20.0, "shortest edge " + shortest);
        assertTrue(longest <= 3 * shortest, "edges from " + shortest + " to " + longest);
        for (int i = 8; i < 12; i++) {
            assertFalse(onBorder(xy[i][0]) && onBorder(xy[i][1]), "single node " + i
                    + " in a corner at " + xy[i][0] + ", " + xy[i][1]);
        }
        assertEquals(svg, SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(disconnected()),
                List.of("parts")), "the same graph and seed give the same bytes");
    }

    @Test
    void aMeanWhoseUnlikelyEdgesCountForNoDistanceIsSpreadOut() {
        // Two likely fragments (a chain of six, a triangle) and six less likely nodes joined
        // to them only by edges more likely absent than present, as on a mean of molecules.
        int n = 15;
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < n; i++) {
            b.addNode(1, 0, 0, i < 9 ? 0.9 : 0.4);
        }
        for (int i = 1; i < 6; i++) {
            b.addEdge(i - 1, i, 0.8);
        }
        b.addEdge(6, 7, 0.7).addEdge(7, 8, 0.7).addEdge(8, 6, 0.6);
        for (int i = 9; i < n; i++) {
            b.addEdge(i - 9, i, 0.2).addEdge(i, (i + 3) % 9, 0.1);
        }
        Graph mean = b.build();

        String svg = SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(mean), List.of("mean"));
        double[][] xy = centres(parse(svg), n);

        assertTrue(closest(xy) >= 10.0 - WRITTEN, "closest pair " + closest(xy));
        int border = 0;
        for (double[] point : xy) {
            border += onBorder(point[0]) || onBorder(point[1]) ? 1 : 0;
        }
        assertTrue(border <= n / 2, border + " of " + n + " nodes on the border");
        assertEquals(svg, SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(mean),
                List.of("mean")), "the same graph and seed give the same bytes");
    }

    @Test
    void aNodeTextTakesItsNodesOpacity() {
        Graph.Builder b = Graph.builder(4, 1);
        b.addNode(1, 0, 0, 0.4);
        b.addNode(0, 1, 0, 1);
        Graph mean = b.addEdge(0, 1, 1).build();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(mean),
                List.of("m")));

        List<Element> labels = ofClass(d, "text", "label");
        assertEquals("0.400", labels.get(0).getAttribute("opacity"));
        assertEquals("", labels.get(1).getAttribute("opacity"));
    }

    @Test
    void aTitleIsCutOnAWholeEscape() {
        // 26 letters and an escape of 6 characters exceed the limit; the cut keeps the
        // letters and drops the whole escape rather than a piece of it.
        String title = "t".repeat(SvgDrawing.MAX_TITLE_LENGTH - 6) + "\u0007" + "x".repeat(5);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(molecule()),
                List.of(title)));

        assertEquals("t".repeat(SvgDrawing.MAX_TITLE_LENGTH - 6) + "...",
                ofClass(d, "text", "title").get(0).getTextContent());
    }

    @Test
    void aLongHeadingIsWrappedWithinTheDocumentAndPushesThePanelsDown() {
        String heading = "Frechet mean of 188 graphs from ../shared/datasets/tu/MUTAG"
                + " (all classes)";
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE);

        Document d = parse(drawing.graphs(heading, List.of(molecule(), molecule()),
                List.of("a", "b")));
        Document narrow = parse(drawing.graphs(heading + " " + "word ".repeat(40),
                List.of(molecule()), List.of("a")));

        Element text = ofClass(d, "text", "heading").get(0);
        assertEquals(heading, text.getTextContent());
        NodeList lines = text.getElementsByTagName("tspan");
        assertEquals(2, lines.getLength());
        for (Document doc : List.of(d, narrow)) {
            double width = number(doc.getDocumentElement(), "width");
            NodeList spans = ofClass(doc, "text", "heading").get(0)
                    .getElementsByTagName("tspan");
            assertTrue(spans.getLength() <= SvgDrawing.MAX_HEADING_LINES);
            for (int l = 0; l < spans.getLength(); l++) {
                String line = spans.item(l).getTextContent().strip();
                assertTrue(6 + line.length() * SvgDrawing.HEADING_CHARACTER_WIDTH <= width,
                        line);
            }
        }
        double lastLine = number((Element) lines.item(1), "y");
        double frameTop = number(ofClass(d, "rect", "panel-frame").get(0), "y");
        assertTrue(frameTop > lastLine, frameTop + " <= " + lastLine);
        NodeList cut = ofClass(narrow, "text", "heading").get(0).getElementsByTagName("tspan");
        assertTrue(cut.item(cut.getLength() - 1).getTextContent().endsWith("..."));
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals(1, SvgDrawing.columns("a"));
        assertEquals(2, SvgDrawing.columns("\u5206"));
        assertEquals(2, SvgDrawing.columns("\uAC00"));
        assertEquals(2, SvgDrawing.columns("\uFF21"));
        assertEquals(2, SvgDrawing.columns(new String(Character.toChars(0x1F600))));
        assertEquals(2, SvgDrawing.columns(new String(Character.toChars(0x20000))));
        assertEquals(1, SvgDrawing.columns("\u00e9"));
        assertEquals(1, SvgDrawing.columns("\u03b1"));
        assertEquals(6, SvgDrawing.columns("\\u0007"));
        for (int emoji : new int[] {0x1F680, 0x1FAE0, 0x2615, 0x2705, 0x2B50, 0x231A, 0x1F004,
            0x1F201, 0x1F7E2, 0x1F90C}) {
            assertEquals(2, SvgDrawing.columns(new String(Character.toChars(emoji))),
                    Integer.toHexString(emoji));
        }
        for (int narrow : new int[] {0x2192, 0x263A, 0x2713, 0x2B06, 0x1F1E6, 0x1F700}) {
            assertEquals(1, SvgDrawing.columns(new String(Character.toChars(narrow))),
                    Integer.toHexString(narrow));
        }
    }

    @Test
    void aTitleOfWideCharactersIsCutAtHalfTheCharacters() {
        // Ideographs count two columns each: a title of 34 of them is 68 columns wide, so it
        // keeps 15 (30 columns) and the three dots.
        String ideographs = "\u5206\u5B50".repeat(SvgDrawing.MAX_TITLE_LENGTH / 2);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null,
                List.of(molecule(), molecule()), List.of(ideographs, "\u5206\u5B50")));

        List<Element> titles = ofClass(d, "text", "title");
        String shown = titles.get(0).getTextContent();
        assertEquals(ideographs.substring(0, (SvgDrawing.MAX_TITLE_LENGTH - 3) / 2) + "...",
                shown);
        assertEquals("\u5206\u5B50", titles.get(1).getTextContent());
    }

    @Test
    void aHeadingOfWideCharactersIsWrappedByItsColumns() {
        String heading = "\u5E73\u5747".repeat(40);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(heading,
                List.of(molecule(), molecule()), List.of("a", "b")));

        double width = number(d.getDocumentElement(), "width");
        NodeList spans = ofClass(d, "text", "heading").get(0).getElementsByTagName("tspan");
        assertTrue(spans.getLength() > 1);
        for (int l = 0; l < spans.getLength(); l++) {
            String line = spans.item(l).getTextContent().strip();
            double columns = SvgDrawing.columns(line);
            assertTrue(6 + columns * SvgDrawing.HEADING_CHARACTER_WIDTH <= width, line);
        }
    }

    @Test
    void anEmojiSequenceIsOneUnitOfTwoColumnsAndIsNeverCutOrEscaped() {
        String family = cp(0x1F468) + "\u200D" + cp(0x1F469) + "\u200D" + cp(0x1F467);
        String coder = cp(0x1F469) + cp(0x1F3FD) + "\u200D" + cp(0x1F4BB);
        String flag = cp(0x1F1EF) + cp(0x1F1F5);
        String coffee = "\u2615\uFE0F";
        String keycap = "1\uFE0F\u20E3";
        for (String emoji : List.of(family, coder, flag, coffee, keycap, "#\u20E3")) {
            assertEquals(emoji.length(), SvgDrawing.emojiEnd(emoji + "x", 0), emoji);
            assertEquals(2, SvgDrawing.columns(emoji), emoji);
        }
        // A joiner that joins no two pictographs stays an escape.
        assertEquals(1, SvgDrawing.emojiEnd("a\u200Db", 1) - 1);

        List<String> titles20 = List.of(family.repeat(20), "x" + flag.repeat(20),
                "x" + keycap.repeat(20));
        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null,
                List.of(molecule(), molecule(), molecule()), titles20));

        List<Element> titles = ofClass(d, "text", "title");
        // 34 columns: 15 sequences of two columns, then the three dots.
        assertEquals(family.repeat(15) + "...", titles.get(0).getTextContent());
        assertEquals("x" + flag.repeat(15) + "...", titles.get(1).getTextContent());
        assertEquals("x" + keycap.repeat(15) + "...", titles.get(2).getTextContent());
        assertEquals(1, SvgDrawing.emojiEnd("12", 0));
    }

    /**
     * A connected part of more nodes than the stress limit is laid out by the force-directed
     * layout, not by stress majorization: with the limit at the part's size the drawing is the
     * default one, with the limit one lower it is another, the same for the same seed, every
     * node inside the panel and apart from the others.
     */
    @Test
    void aPartAboveTheStressLimitIsLaidOutByTheForceDirectedLayout() {
        int n = 12;
        int[] pairs = new int[2 * (n - 1)];
        for (int i = 0; i + 1 < n; i++) {
            pairs[2 * i] = i;
            pairs[2 * i + 1] = i + 1;
        }
        Graph path = carbons(n, pairs);
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE);
        String stress = drawing.graphs(null, List.of(path), List.of("g"));
        assertEquals(stress, drawing.withStressLimit(n).graphs(null, List.of(path),
                List.of("g")));
        String force = drawing.withStressLimit(n - 1).graphs(null, List.of(path), List.of("g"));
        assertNotEquals(stress, force);
        assertEquals(force, drawing.withStressLimit(n - 1).graphs(null, List.of(path),
                List.of("g")));
        double[][] xy = centres(parse(force), n);
        for (double[] point : xy) {
            assertTrue(point[0] >= 16.0 - WRITTEN && point[0] <= SvgDrawing.PANEL_SIZE - 16.0
                    + WRITTEN, Arrays.toString(point));
            assertTrue(point[1] >= 16.0 - WRITTEN && point[1] <= SvgDrawing.PANEL_SIZE - 16.0
                    + WRITTEN, Arrays.toString(point));
        }
        assertTrue(closest(xy) > 5.0, "closest pair " + closest(xy));
    }

    private static String cp(int codePoint) {
        return new String(Character.toChars(codePoint));
    }

    /** A graph of {@code n} carbon atoms and the bonds given as pairs of node indices. */
    private static Graph carbons(int n, int... pairs) {
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < n; i++) {
            b.addNode(1, 0, 0, 1);
        }
        for (int k = 0; k < pairs.length; k += 2) {
            b.addEdge(pairs[k], pairs[k + 1], 1);
        }
        return b.build();
    }

    private static double[][] drawn(Graph g) {
        return centres(parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(g),
                List.of("g"))), g.order());
    }

    @Test
    void aRingIsDrawnAsANearRegularPolygon() {
        int n = 10;
        int[] pairs = new int[2 * n];
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = i;
            pairs[2 * i + 1] = (i + 1) % n;
        }

        double[][] xy = drawn(carbons(n, pairs));

        double[] centre = new double[2];
        for (double[] point : xy) {
            centre[0] += point[0] / n;
            centre[1] += point[1] / n;
        }
        double radius = Math.hypot(xy[0][0] - centre[0], xy[0][1] - centre[1]);
        double side = Math.hypot(xy[0][0] - xy[1][0], xy[0][1] - xy[1][1]);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            assertEquals(radius, Math.hypot(xy[i][0] - centre[0], xy[i][1] - centre[1]),
                    0.01 * radius, "node " + i);
            assertEquals(side, Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]),
                    0.01 * side, "bond " + i);
        }
        // The ring fills the panel: its diameter is the drawing area's side.
        assertEquals(SvgDrawing.PANEL_SIZE - 32.0, 2 * radius, 0.03 * radius);
    }

    @Test
    void aChainIsDrawnStraightAcrossThePanel() {
        int n = 12;
        int[] pairs = new int[2 * (n - 1)];
        for (int i = 1; i < n; i++) {
            pairs[2 * i - 2] = i - 1;
            pairs[2 * i - 1] = i;
        }

        double[][] xy = drawn(carbons(n, pairs));

        double along = 0.0;
        for (int i = 1; i < n; i++) {
            along += Math.hypot(xy[i][0] - xy[i - 1][0], xy[i][1] - xy[i - 1][1]);
        }
        double ends = Math.hypot(xy[n - 1][0] - xy[0][0], xy[n - 1][1] - xy[0][1]);
        assertTrue(ends >= 0.98 * along, "ends " + ends + " apart along " + along);
        assertTrue(ends >= SvgDrawing.PANEL_SIZE - 32.0 - WRITTEN, "ends " + ends + " apart");
    }

    @Test
    void noTwoNodesOfATreeOverlap() {
        // A binary tree of 31 nodes, a star of 8 leaves (leaves at equal distances from all
        // other nodes) and random trees of 30 nodes.
        int[] binary = new int[2 * 30];
        for (int i = 1; i < 31; i++) {
            binary[2 * i - 2] = (i - 1) / 2;
            binary[2 * i - 1] = i;
        }
        int[] star = new int[2 * 8];
        for (int i = 1; i <= 8; i++) {
            star[2 * i - 1] = i;
        }
        List<Graph> trees = new ArrayList<>(List.of(carbons(31, binary), carbons(9, star)));
        java.util.Random random = new java.util.Random(5);
        for (int t = 0; t < 4; t++) {
            int[] pairs = new int[2 * 29];
            for (int i = 1; i < 30; i++) {
                pairs[2 * i - 2] = random.nextInt(i);
                pairs[2 * i - 1] = i;
            }
            trees.add(carbons(30, pairs));
        }

        for (Graph tree : trees) {
            double[][] xy = drawn(tree);

            // Node radius 5: circles at least 10 units apart do not overlap.
            assertTrue(closest(xy) >= 10.0, tree.order() + " nodes: closest pair "
                    + closest(xy));
        }
    }

    @Test
    void aRelabelledCopyAlignedToItsOriginalIsDrawnAsItsPartner() {
        // The second graph starts at its partners' places: a copy with its nodes shuffled,
        // matched node for node, starts at a layout of least stress and stays there, one
        // panel to the right. Laid out on its own, its twin leaves (two on each node of a
        // chain of eight, at equal distances from all other nodes) would part as the seed's
        // moves of their new indices say, some the other way.
        int chain = 8;
        int[] pairs = new int[2 * (3 * chain - 1)];
        for (int i = 1; i < chain; i++) {
            pairs[2 * i - 2] = i - 1;
            pairs[2 * i - 1] = i;
        }
        for (int i = 0; i < chain; i++) {
            int k = 2 * (chain - 1) + 4 * i;
            pairs[k] = i;
            pairs[k + 1] = chain + 2 * i;
            pairs[k + 2] = i;
            pairs[k + 3] = chain + 2 * i + 1;
        }
        Graph x = carbons(3 * chain, pairs);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.order(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(11));
        Permutation shuffle = Permutation.of(order.stream().mapToInt(Integer::intValue)
                .toArray());
        Graph y = x.permute(shuffle);
        Permutation p = shuffle.inverse();
        Alignment a = Alignment.of(GraphSpace.of(List.of(x, y)), x, y, p, false);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).alignment(null, x, "x", y, "copy", a));

        for (int i = 0; i < x.order(); i++) {
            Element left = byId(d, "p0-n" + i);
            Element right = byId(d, "p1-n" + p.get(i));
            assertEquals(number(left, "cx") + SvgDrawing.PANEL_SIZE, number(right, "cx"), 1.0,
                    "node " + i);
            assertEquals(number(left, "cy"), number(right, "cy"), 1.0, "node " + i);
        }
    }

    /** Returns the centre of node {@code i} of panel {@code k}, panel-relative, or null. */
    private static double[] inPanel(Document d, int k, int i) {
        Element e = byId(d, "p" + k + "-n" + i);
        return e == null ? null : new double[] {number(e, "cx") - k * SvgDrawing.PANEL_SIZE,
            number(e, "cy")};
    }

    /** A graph of six carbons with the bonds given, node 5 null (existence 0) if asked. */
    private static Graph sixCarbons(boolean withoutFive, int... pairs) {
        Graph.Builder b = Graph.builder(4, 1);
        for (int i = 0; i < 6; i++) {
            b.addNode(1, 0, 0, withoutFive && i == 5 ? 0 : 1);
        }
        for (int k = 0; k < pairs.length; k += 2) {
            b.addEdge(pairs[k], pairs[k + 1], 1);
        }
        return b.build();
    }

    @Test
    void panelsOfOneFramePutEachSlotAtOnePoint() {
        // A ring, a chain and a ring with a chord and its node 5 null, in one frame: each
        // laid out alone, they would differ; drawn in one frame, node i of every panel sits
        // at one point, and the null node is not drawn.
        List<Graph> graphs = List.of(sixCarbons(false, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0),
                sixCarbons(false, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5),
                sixCarbons(true, 0, 1, 1, 2, 2, 3, 3, 4, 0, 3));

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphsInOneFrame(null, graphs,
                List.of("ring", "chain", "chord")));

        for (int i = 0; i < 6; i++) {
            double[] first = inPanel(d, 0, i);
            for (int k = 1; k < 3; k++) {
                double[] other = inPanel(d, k, i);
                if (k == 2 && i == 5) {
                    assertNull(other, "the null node is drawn");
                    continue;
                }
                assertEquals(first[0], other[0], WRITTEN, "panel " + k + ", node " + i);
                assertEquals(first[1], other[1], WRITTEN, "panel " + k + ", node " + i);
            }
        }
        double[][] xy = new double[6][];
        for (int i = 0; i < 6; i++) {
            xy[i] = inPanel(d, 0, i);
        }
        assertTrue(closest(xy) >= 10.0, "closest pair " + closest(xy));
        // Laid out alone, the chain is straight; in the frame of the ring it is not.
        double[][] alone = drawn(graphs.get(1));
        assertEquals(SvgDrawing.PANEL_SIZE - 32.0, Math.hypot(alone[5][0] - alone[0][0],
                alone[5][1] - alone[0][1]), 0.02 * SvgDrawing.PANEL_SIZE);
        assertTrue(Math.hypot(xy[5][0] - xy[0][0], xy[5][1] - xy[0][1])
                < 0.5 * SvgDrawing.PANEL_SIZE, "the chain's ends are drawn apart");
    }

    @Test
    void unrelatedGraphsInAGridKeepTheirOwnLayouts() {
        Graph ring = sixCarbons(false, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0);
        Graph chain = sixCarbons(false, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5);

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphs(null, List.of(ring, chain),
                List.of("ring", "chain")));

        double[][] alone = drawn(chain);
        for (int i = 0; i < 6; i++) {
            double[] inGrid = inPanel(d, 1, i);
            assertEquals(alone[i][0], inGrid[0], WRITTEN, "node " + i);
            assertEquals(alone[i][1] + 18.0, inGrid[1], WRITTEN, "node " + i);
        }
    }

    @Test
    void oneGraphInItsOwnFrameIsDrawnAsAloneAndEveryFrameDrawingIsRepeatable() {
        Graph g = molecule();
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE);
        assertEquals(drawing.graphs("h", List.of(g), List.of("t")),
                drawing.graphsInOneFrame("h", List.of(g), List.of("t")));

        List<Graph> graphs = List.of(sixCarbons(false, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0),
                sixCarbons(true, 0, 1, 1, 2, 2, 3, 3, 4, 0, 3));
        List<String> titles = List.of("a", "b");
        String once = drawing.withSeed(7).graphsInOneFrame("h", graphs, titles);
        assertEquals(once, drawing.withSeed(7).graphsInOneFrame("h", graphs, titles));
        assertEquals(once, SvgDrawing.of(ATOMS, EDGE).withSeed(7).graphsInOneFrame("h",
                graphs, titles));
    }

    @Test
    void alignedGraphsFillTheSlotsTheirAlignmentsGiveThemAndKeepTheirNodeIndices() {
        // The copy's node p(i) is the original's node i: it goes to slot i.
        Graph x = molecule();
        Permutation shuffle = Permutation.of(2, 0, 3, 1);
        Graph y = x.permute(shuffle);
        Permutation p = shuffle.inverse();

        Document d = parse(SvgDrawing.of(ATOMS, EDGE).graphsInOneFrame(null, List.of(x, y),
                List.of("x", "copy"), List.of(Permutation.identity(4), p)));

        for (int i = 0; i < 4; i++) {
            double[] original = inPanel(d, 0, i);
            double[] copy = inPanel(d, 1, p.get(i));
            assertEquals(original[0], copy[0], WRITTEN, "node " + i);
            assertEquals(original[1], copy[1], WRITTEN, "node " + i);
        }
        assertNotNull(byId(d, "p1-e" + Math.min(p.get(2), p.get(3)) + "-"
                + Math.max(p.get(2), p.get(3))));
    }

    @Test
    void badAlignmentsOfAFrameAreRefusedWithWhatIsWrong() {
        SvgDrawing drawing = SvgDrawing.of(ATOMS, EDGE);
        List<Graph> two = List.of(molecule(), molecule());
        List<String> titles = List.of("a", "b");
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> drawing.graphsInOneFrame(null, two, titles,
                        List.of(Permutation.identity(4))));
        assertEquals("one alignment per graph needed: 2 graphs, 1 alignment",
                count.getMessage());
        IllegalArgumentException shorter = assertThrows(IllegalArgumentException.class,
                () -> drawing.graphsInOneFrame(null, two, titles,
                        List.of(Permutation.identity(4), Permutation.identity(3))));
        assertEquals("alignments[1] has size 3, less than the order 4 of graphs[1]",
                shorter.getMessage());
        List<Permutation> withNull = new ArrayList<>();
        withNull.add(Permutation.identity(4));
        withNull.add(null);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> drawing.graphsInOneFrame(null, two, titles, withNull));
        assertEquals("alignments[1] is null", none.getMessage());
    }

    @Test
    void theFirstMutagMoleculesAreDrawnWithoutOverlapsOrCrossings() throws IOException {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path mutag = Path.of(root).resolve("tu/MUTAG");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(mutag),
                "dataset not available: " + mutag);
        GraphDataset data = DatasetLoader.load(mutag);
        SvgDrawing drawing = SvgDrawing.of(data.nodeChannels(), data.edgeChannels());

        for (int k = 0; k < 30; k++) {
            Graph g = data.graphs().get(k);
            double[][] xy = centres(parse(drawing.graphs(null, List.of(g), List.of(""))),
                    g.order());

            assertTrue(closest(xy) >= 10.0, "graph " + k + ": closest pair " + closest(xy));
            List<int[]> bonds = new ArrayList<>();
            for (int i = 0; i < g.order(); i++) {
                for (int j : g.successors(i)) {
                    if (i < j) {
                        bonds.add(new int[] {i, j});
                    }
                }
            }
            for (int e = 0; e < bonds.size(); e++) {
                for (int f = 0; f < e; f++) {
                    int[] p = bonds.get(e);
                    int[] q = bonds.get(f);
                    boolean shared = p[0] == q[0] || p[0] == q[1] || p[1] == q[0]
                            || p[1] == q[1];
                    assertFalse(!shared && cross(xy[p[0]], xy[p[1]], xy[q[0]], xy[q[1]]),
                            "graph " + k + ": bonds " + p[0] + "-" + p[1] + " and " + q[0]
                            + "-" + q[1] + " cross");
                }
            }
        }
    }

    /** Whether segments ab and cd cross (their ends on opposite sides of each other). */
    private static boolean cross(double[] a, double[] b, double[] c, double[] d) {
        return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
    }

    private static double side(double[] a, double[] b, double[] p) {
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    }
}
