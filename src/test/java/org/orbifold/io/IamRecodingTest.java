package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.io.IamDatasetReader.Recoding;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/** Tests of {@link IamDatasetReader.Recoding}: synthetic files, then the real IAM sets. */
class IamRecodingTest {

    private static final double TOLERANCE = 1e-12;
    /** Tolerance of values derived from angles written with six decimals. */
    private static final double FILE_ROUNDING = 1e-5;

    @TempDir
    Path dir;

    private static final String HEADER = "<?xml version=\"1.0\"?>\n";

    private void gxl(String file, String mode, String body) throws IOException {
        Files.writeString(dir.resolve(file), HEADER + "<gxl>\n<graph id=\"g\" edgemode=\""
                + mode + "\">\n" + body + "</graph>\n</gxl>\n");
    }

    private Path split(String... files) throws IOException {
        StringBuilder b = new StringBuilder(HEADER + "<GraphCollection>\n<graphs>\n");
        for (String f : files) {
            b.append("<print file=\"").append(f).append("\" class=\"c\"/>\n");
        }
        Path cxl = dir.resolve("split.cxl");
        Files.writeString(cxl, b.append("</graphs>\n</GraphCollection>\n").toString());
        return cxl;
    }

    private static String node(String id, String attributes) {
        return "<node id=\"" + id + "\">" + attributes + "</node>\n";
    }

    private static String edge(String from, String to, String attributes) {
        return "<edge from=\"" + from + "\" to=\"" + to + "\">" + attributes + "</edge>\n";
    }

    private static String attr(String name, String tag, String value) {
        return "<attr name=\"" + name + "\"><" + tag + ">" + value + "</" + tag + "></attr>";
    }

    private GraphDataset readWith(Recoding recoding, String... files) throws IOException {
        return IamDatasetReader.readSplits(List.of(split(files)), recoding).get(0);
    }

    @Test
    void noneChangesNothing() throws IOException {
        gxl("a.gxl", "undirected", node("a", attr("type", "int", "2"))
                + node("b", attr("type", "int", "0")) + edge("a", "b", attr("w", "float", "1")));
        GraphDataset plain = IamDatasetReader.readSplits(List.of(split("a.gxl"))).get(0);
        GraphDataset none = readWith(Recoding.none(), "a.gxl");
        assertEquals(plain.nodeChannels(), none.nodeChannels());
        assertEquals(plain.edgeChannels(), none.edgeChannels());
        assertEquals(plain.graphs(), none.graphs());
        assertEquals(plain.notes(), none.notes());
    }

    @Test
    void categoricalNumbersBecomeOneHotChannels() throws IOException {
        gxl("a.gxl", "undirected", node("a", attr("type", "int", "2") + attr("len", "int", "7"))
                + node("b", attr("type", "int", "0") + attr("len", "int", "3"))
                + edge("a", "b", attr("kind", "double", "1.0")));
        gxl("b.gxl", "undirected", node("c", attr("type", "int", "1") + attr("len", "int", "4"))
                + node("d", attr("type", "int", "10") + attr("len", "int", "4"))
                + edge("c", "d", attr("kind", "double", "2.5")));
        GraphDataset d = readWith(Recoding.none().categorical("type", "kind"), "a.gxl",
                "b.gxl");
        // Integer labels sort as numbers; a fraction keeps its decimal point.
        assertEquals(List.of("type=0", "type=1", "type=2", "type=10", "len"), d.nodeChannels());
        assertEquals(List.of("kind=1", "kind=2.5"), d.edgeChannels());
        Graph a = d.graphs().get(0);
        assertEquals("2", d.nodeGroups().get(0).decode(a.nodeVector(0)));
        assertEquals(1.0, a.node(0, 2), TOLERANCE);
        assertEquals(7.0, a.node(0, 4), TOLERANCE);
        assertEquals(1.0, a.edge(0, 1, 0), TOLERANCE);
        assertEquals(1.0, d.graphs().get(1).edge(0, 1, 1), TOLERANCE);
        assertTrue(d.notes().contains("attribute 'type' read as categories (one-hot)"),
                d.notes().toString());
    }

    @Test
    void circularAnglesBecomeCosineAndSine() throws IOException {
        gxl("a.gxl", "directed", node("a", "") + node("b", "")
                + edge("a", "b", attr("t", "float", "3.1415")));
        gxl("b.gxl", "directed", node("a", "") + node("b", "")
                + edge("a", "b", attr("t", "float", "-3.1415")));
        GraphDataset d = readWith(Recoding.none().circular("t"), "a.gxl", "b.gxl");
        assertEquals(List.of("t:cos", "t:sin"), d.edgeChannels());
        Graph a = d.graphs().get(0);
        Graph b = d.graphs().get(1);
        assertEquals(Math.cos(3.1415), a.edge(0, 1, 0), TOLERANCE);
        assertEquals(Math.sin(3.1415), a.edge(0, 1, 1), TOLERANCE);
        // Angles on either side of pi are close in the code, far apart as raw numbers.
        double gap = Math.hypot(a.edge(0, 1, 0) - b.edge(0, 1, 0),
                a.edge(0, 1, 1) - b.edge(0, 1, 1));
        assertEquals(2 * Math.sin(Math.PI - 3.1415), gap, TOLERANCE);
    }

    @Test
    void axialAnglesMergeTheTwoDirectionsOfALine() throws IOException {
        // As in IAM Fingerprint: each ridge once per direction, angles pi apart up to the
        // six decimals of the file, and orient = sin(angle) changing sign.
        gxl("f.gxl", "directed", node("a", attr("x", "float", "1"))
                + node("b", attr("x", "float", "2"))
                + edge("a", "b", attr("orient", "float", "0.906183")
                        + attr("angle", "float", "2.007423"))
                + edge("b", "a", attr("orient", "float", "-0.906183")
                        + attr("angle", "float", "-1.134169")));
        GraphDataset raw = readWith(Recoding.none(), "f.gxl");
        assertTrue(raw.isDirected());

        GraphDataset d = readWith(Recoding.forIamSet("Fingerprint"), "f.gxl");
        assertFalse(d.isDirected());
        assertEquals(List.of("angle:cos2", "angle:sin2"), d.edgeChannels());
        Graph g = d.graphs().get(0);
        assertEquals(1, g.edgeCount());
        assertEquals(Math.cos(2 * 2.007423), g.edge(1, 0, 0), TOLERANCE);
        assertEquals(Math.sin(2 * 2.007423), g.edge(1, 0, 1), TOLERANCE);
        assertEquals(Math.cos(2 * -1.134169), g.edge(0, 1, 0), FILE_ROUNDING);
        assertTrue(d.notes().contains("attribute 'orient' left out by the recoding"),
                d.notes().toString());
    }

    @Test
    void axialPairsThatDisagreeStayDirected() throws IOException {
        gxl("f.gxl", "directed", node("a", "") + node("b", "")
                + edge("a", "b", attr("angle", "float", "0.5"))
                + edge("b", "a", attr("angle", "float", "0.6")));
        GraphDataset d = readWith(Recoding.none().axial("angle"), "f.gxl");
        assertTrue(d.isDirected());
        assertEquals(2, d.graphs().get(0).edgeCount());
    }

    @Test
    void compositionGivesCharacterFractionsInOneHotChannels() throws IOException {
        gxl("p.gxl", "undirected", node("a", attr("seq", "int", "AAB"))
                + node("b", attr("seq", "int", "CA")) + node("c", attr("seq", "string", "")));
        GraphDataset d = readWith(Recoding.none().composition("seq"), "p.gxl");
        assertEquals(List.of("seq=A", "seq=B", "seq=C", NodeExistence.CHANNEL_NAME),
                d.nodeChannels());
        assertTrue(d.nodeGroups().get(0).isOneHot());
        Graph g = d.graphs().get(0);
        assertEquals(2.0 / 3, g.node(0, 0), TOLERANCE);
        assertEquals(1.0 / 3, g.node(0, 1), TOLERANCE);
        assertEquals(0.0, g.node(0, 2), TOLERANCE);
        assertEquals(0.5, g.node(1, 0), TOLERANCE);
        assertEquals(0.5, g.node(1, 2), TOLERANCE);
        // The empty text encodes as zero; the existence channel keeps the node visible.
        assertEquals(0.0, g.node(2, 0) + g.node(2, 1) + g.node(2, 2), TOLERANCE);
        assertEquals("A", d.nodeGroups().get(0).decode(g.nodeVector(0)));
    }

    @Test
    void dipeptidesAddReducedPairFractionsByBruteForce() throws IOException {
        // Classes A = {A, B}, C = {C}; D is in no class and reads '?'.
        gxl("p.gxl", "undirected", node("a", attr("seq", "int", "ABCA"))
                + node("b", attr("seq", "int", "CD")) + node("c", attr("seq", "int", "B")));
        GraphDataset d = readWith(Recoding.none().dipeptides("AB|C", "seq"), "p.gxl");
        // Labels sorted: '?' comes before the letters.
        assertEquals(List.of("seq=A", "seq=B", "seq=C", "seq=D", "seq:pairs=AA",
                "seq:pairs=AC", "seq:pairs=C?", "seq:pairs=CA"), d.nodeChannels());
        Graph g = d.graphs().get(0);
        String[] texts = {"ABCA", "CD", "B"};
        String[] pairNames = {"AA", "AC", "C?", "CA"};
        for (int v = 0; v < texts.length; v++) {
            // Brute force: count each reduced pair by scanning the text.
            String reduced = texts[v].replace('B', 'A').replace('D', '?');
            for (int p = 0; p < pairNames.length; p++) {
                int count = 0;
                for (int i = 0; i + 1 < reduced.length(); i++) {
                    count += reduced.substring(i, i + 2).equals(pairNames[p]) ? 1 : 0;
                }
                double expected = reduced.length() < 2 ? 0.0
                        : count / (double) (reduced.length() - 1);
                assertEquals(expected, g.node(v, 4 + p), TOLERANCE, texts[v] + " " + pairNames[p]);
            }
        }
        // The plain composition is kept: ABCA has A = 1/2.
        assertEquals(0.5, g.node(0, 0), TOLERANCE);
        assertTrue(d.nodeGroups().stream().anyMatch(c -> c.name().equals("seq:pairs")
                && c.isOneHot()));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("adjacent pairs")),
                d.notes().toString());
    }

    @Test
    void dipeptideClassesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Recoding.none().dipeptides("AB|BC",
                "s"));
        assertThrows(IllegalArgumentException.class, () -> Recoding.none().dipeptides("A||C",
                "s"));
        assertThrows(IllegalArgumentException.class, () -> Recoding.none().dipeptides("A?",
                "s"));
        assertThrows(IllegalArgumentException.class, () -> Recoding.none().dipeptides("A|C",
                "s").dipeptides("A|B", "t"));
        assertThrows(IllegalArgumentException.class, () -> Recoding.none().ignore("s")
                .dipeptides("A|C", "s"));
        // Pairs extend a composition rule of the same attribute.
        Recoding protein = Recoding.forIamSet("Protein").dipeptides(
                Recoding.AMINO_ACID_CLASSES, "sequence");
        assertTrue(protein.describe().contains("pairs over"), protein.describe());
    }

    @Test
    void namesWithoutAttributesAreNotedAndBadUseIsRejected() throws IOException {
        gxl("a.gxl", "undirected", node("a", attr("s", "string", "x")
                + attr("n", "float", "1")));
        GraphDataset d = readWith(Recoding.none().ignore("missing"), "a.gxl");
        assertTrue(d.notes().contains("recoding names attribute 'missing', which no node or"
                + " edge carries"), d.notes().toString());

        Path cxl = split("a.gxl");
        IllegalArgumentException angle = assertThrows(IllegalArgumentException.class,
                () -> IamDatasetReader.readSplits(List.of(cxl), Recoding.none().axial("s")));
        assertTrue(angle.getMessage().contains("'s'"), angle.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> IamDatasetReader.readSplits(List.of(cxl),
                        Recoding.none().composition("n")));
        assertTrue(text.getMessage().contains("'n'"), text.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Recoding.none().categorical("a").axial("a"));
        assertThrows(IllegalArgumentException.class, () -> Recoding.none().maxCategories(0));
        assertEquals(Recoding.none(), Recoding.forIamSet("Letter/HIGH"));
    }

    @Test
    void theAttributesOfARecodingAreFoundOnNodesOrEdgesReadingOnlyAsFarAsNeeded()
            throws IOException {
        gxl("a.gxl", "undirected", node("1", attr("chem", "int", "6"))
                + node("2", attr("chem", "int", "8")) + edge("1", "2", ""));
        gxl("b.gxl", "undirected", node("1", attr("x", "float", "1"))
                + node("2", attr("x", "float", "2"))
                + edge("1", "2", attr("valence", "int", "2")));
        Files.writeString(dir.resolve("broken.gxl"), HEADER + "<gxl><graph id=\"g\">");
        Path cxl = split("a.gxl", "b.gxl", "broken.gxl");

        assertEquals(List.of("chem", "valence"),
                List.copyOf(Recoding.forIamSet("AIDS").attributes()));
        assertEquals(List.of("angle", "orient"),
                List.copyOf(Recoding.forIamSet("Fingerprint").attributes()));
        assertTrue(Recoding.none().attributes().isEmpty());
        assertEquals(Set.of(), IamDatasetReader.uncarriedAttributes(List.of(cxl),
                Recoding.forIamSet("AIDS").attributes()), "broken.gxl is not read");
        assertThrows(DatasetFormatException.class, () -> IamDatasetReader.uncarriedAttributes(
                List.of(cxl), Recoding.forIamSet("Fingerprint").attributes()),
                "looking for 'angle', every graph file is read");
        Path twoGraphs = split("a.gxl", "b.gxl");
        assertEquals(List.of("type", "sequence"), List.copyOf(IamDatasetReader
                .uncarriedAttributes(List.of(twoGraphs), List.of("type", "x", "sequence"))));
    }

    // ---- real data ------------------------------------------------------------------------

    private static List<GraphDataset> readSet(String set) throws IOException {
        Path data = TestDatasets.require("iam/" + set + "/data");
        return IamDatasetReader.readSplits(List.of(data.resolve("train.cxl"),
                data.resolve("valid.cxl"), data.resolve("test.cxl")), Recoding.forIamSet(set));
    }

    @Test
    void fingerprintRidgesBecomeUndirectedAxialEdges() throws IOException {
        List<GraphDataset> splits = readSet("Fingerprint");
        assertEquals(List.of("angle:cos2", "angle:sin2"), splits.get(0).edgeChannels());
        int edges = 0;
        int graphs = 0;
        for (GraphDataset d : splits) {
            assertFalse(d.isDirected());
            for (Graph g : d.graphs()) {
                graphs++;
                edges += g.edgeCount();
                for (int i = 0; i < g.order(); i++) {
                    for (int j = i + 1; j < g.order(); j++) {
                        if (g.hasEdge(i, j)) {
                            assertEquals(1.0, Math.hypot(g.edge(i, j, 0), g.edge(i, j, 1)),
                                    FILE_ROUNDING);
                        }
                    }
                }
            }
        }
        // PROVENANCE.md: 4.42 undirected edges per graph, as many as the directed reading.
        assertEquals(4.42, (double) edges / graphs, 0.01);
    }

    @Test
    void aidsCodesBecomeCategories() throws IOException {
        GraphDataset train = readSet("AIDS").get(0);
        List<String> nodes = train.nodeChannels();
        assertTrue(nodes.contains("chem=1") && !nodes.contains("chem"), nodes.toString());
        assertTrue(nodes.containsAll(List.of("charge", "x", "y")), nodes.toString());
        assertEquals(List.of("valence=1", "valence=2", "valence=3"), train.edgeChannels());
    }

    @Test
    void proteinTypesAreCategoriesAndSequencesCompositions() throws IOException {
        GraphDataset train = readSet("Protein").get(0);
        assertEquals(List.of("type=0", "type=1", "type=2", "aaLength"),
                train.nodeChannels().subList(0, 4));
        ChannelGroup sequence = train.nodeGroups().stream()
                .filter(c -> c.name().equals("sequence")).findFirst().orElseThrow();
        assertTrue(sequence.isOneHot());
        assertTrue(sequence.encoder().labels().contains("L"));
        for (Graph g : train.graphs()) {
            for (int v = 0; v < g.order(); v++) {
                double sum = 0.0;
                for (int c = 0; c < sequence.size(); c++) {
                    sum += g.node(v, sequence.offset() + c);
                }
                assertEquals(1.0, sum, FILE_ROUNDING);
            }
        }
        assertTrue(train.edgeChannels().containsAll(List.of("type0=1", "type1=4",
                "frequency", "distance0", "distance1")), train.edgeChannels().toString());
    }
}
