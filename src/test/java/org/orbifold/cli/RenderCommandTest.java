package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.orbifold.io.SvgDrawingTest.ofClass;
import static org.orbifold.io.SvgDrawingTest.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;
import org.orbifold.space.Graph;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code orbifold render} and the {@code --svg FILE} of {@code mean}, {@code median} and
 * {@code cluster}: what they draw, where they write, and what they refuse.
 */
class RenderCommandTest {

    @TempDir
    Path dir;

    /** Returns the texts of the elements of a tag and class, in document order. */
    private static List<String> texts(Document d, String tag, String kind) {
        List<String> found = new ArrayList<>();
        for (Element e : ofClass(d, tag, kind)) {
            found.add(e.getTextContent());
        }
        return found;
    }

    @Test
    void svgMessagesKeepAPathThatHoldsTheWordsOfOut() throws IOException {
        Path odd = Files.createDirectory(dir.resolve("a--out b"));
        Path plain = Files.writeString(odd.resolve("plain"), "not a folder\n");
        Path file = plain.resolve("missing").resolve("d.svg");

        assertUsageError(MainTest.run("mean", "--svg", file.toString()), "cannot write --svg "
                + file + ": " + plain + " is not a folder");
    }

    private static void assertUsageError(Run r, String message) {
        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(Main.ERROR_PREFIX + message + "\n", r.err());
    }

    @Test
    void byDefaultTheFirstTwelveLettersAreDrawn() {
        Run r = MainTest.run("render");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(RenderCommand.NOTE_PREFIX + "drew the first 12 of 225"
                + " graphs; choose others with --graphs I,J,...\n"), r.err());
        Document d = parse(r.out());
        assertEquals(12, ofClass(d, "g", "panel").size());
        assertEquals(List.of("datasets/letters: the first 12 of 225 graphs (--graphs picks"
                + " others)"), texts(d, "text", "heading"));
        Sample letters = Sample.load(null, null, null);
        int nodes = 0;
        int edges = 0;
        for (int g = 0; g < 12; g++) {
            nodes += letters.graphs().get(g).order();
            edges += letters.graphs().get(g).edgeCount();
        }
        assertEquals(nodes, ofClass(d, "circle", "node").size());
        assertEquals(edges, ofClass(d, "line", "edge").size());
        assertEquals("graph 0, class A, " + letters.graphs().get(0).order() + " nodes",
                texts(d, "text", "title").get(0));
    }

    @Test
    void graphsAreDrawnInTheOrderGivenAmongThoseOfTheClass() {
        Run r = MainTest.run("render", "--class", "T", "--graphs", "3, 0,3");

        assertEquals(0, r.exitCode(), r.err());
        Document d = parse(r.out());
        Sample t = Sample.load(null, "T", null);
        List<String> titles = texts(d, "text", "title");
        assertEquals(3, titles.size());
        assertEquals("graph 3, class T, " + t.graphs().get(3).order() + " nodes",
                titles.get(0));
        assertTrue(titles.get(1).startsWith("graph 0, class T"), titles.get(1));
        assertEquals(List.of("datasets/letters, class T: 3 graphs"), texts(d, "text",
                "heading"));
    }

    /**
     * The graph's name in the data set joins its panel's title when it fits (graphs named by
     * short file names), and otherwise is in the panel's title element whole, the visible
     * title kept as it was; with --class it is the name of the graph drawn, not of the graph
     * of that index in the whole data set.
     */
    @Test
    void aPanelNamesItsGraphInItsTitleOrInItsTitleElement() throws IOException {
        Sample t = Sample.load(null, "T", null);
        String name = t.names().get(3);
        assertTrue(name != null && !name.equals(Sample.load(null, null, null).names().get(3)),
                name);

        Document d = parse(MainTest.run("render", "--class", "T", "--graphs", "3").out());
        assertEquals(List.of("graph 3, class T, " + t.graphs().get(3).order() + " nodes"),
                texts(d, "text", "title"));
        assertEquals("graph 3 (" + name + "), class T, " + t.graphs().get(3).order()
                + " nodes", panelTitle(d, 0));

        Path folder = Files.createDirectory(dir.resolve("named"));
        Files.writeString(folder.resolve("g1.gml"), "graph [ label \"x\" node [ id 0 ] ]");
        Files.writeString(folder.resolve("g2.gml"), "graph [ label \"y\" node [ id 0 ]"
                + " node [ id 1 ] edge [ source 0 target 1 ] ]");
        Run named = MainTest.run("render", folder.toString());
        assertEquals(0, named.exitCode(), named.err());
        Document g = parse(named.out());
        assertEquals(List.of("graph 0 (g1), class x, 1 node", "graph 1 (g2), class y, 2 nodes"),
                texts(g, "text", "title"));
        assertEquals("", panelTitle(g, 1));

        Document a = parse(MainTest.run("render", folder.toString(), "--align", "1,0").out());
        assertEquals(List.of("graph 1 (g2), class y, 2 nodes", "graph 0 (g1), class x, 1 node"),
                texts(a, "text", "title"));
    }

    /** The text of the title element of panel K, "" when it has none. */
    private static String panelTitle(Document d, int k) {
        for (Element panel : ofClass(d, "g", "panel")) {
            if (panel.getAttribute("id").equals("p" + k)) {
                NodeList titles = panel.getElementsByTagName("title");
                return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
            }
        }
        throw new AssertionError("no panel p" + k);
    }

    @Test
    void anAlignmentIsDrawnWithTheDistanceAndMatchingThatAlignPrints() {
        Run r = MainTest.run("render", "--align", "0,9", "--aligner", "exact");
        Run align = MainTest.run("align", "0", "9", "--aligner", "exact", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Document d = parse(r.out());
        double distance = (Double) align.json().get("distance");
        assertEquals(List.of("graphs 0 and 9, exact: distance "
                + String.format(Locale.ROOT, "%.6f", distance) + " (proven optimal)"),
                texts(d, "text", "heading"));
        List<?> matching = (List<?>) align.json().get("matching");
        List<Element> lines = ofClass(d, "line", "match");
        assertEquals(matching.size(), lines.size());
        for (Object pair : matching) {
            List<?> ij = (List<?>) pair;
            String id = "m" + ((Double) ij.get(0)).intValue() + "-"
                    + ((Double) ij.get(1)).intValue();
            assertTrue(lines.stream().anyMatch(e -> e.getAttribute("id").equals(id)), id);
        }
        assertEquals(2, ofClass(d, "g", "panel").size());
    }

    @Test
    void outWritesTheDocumentAndReportsWhatItDrew() throws IOException {
        Path file = dir.resolve("letters.svg");

        Run r = MainTest.run("render", "--out", file.toString());
        Run stdout = MainTest.run("render");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(stdout.out(), Files.readString(file));
        assertTrue(r.out().startsWith("drawing     12 graphs of datasets/letters (0, 1, 2,"),
                r.out());
        assertTrue(r.out().contains("\nfile        " + file + "\n"), r.out());
        assertTrue(r.out().contains("\nnote        drew the first 12 of 225 graphs; choose"
                + " others with --graphs I,J,...\n"), r.out());
    }

    @Test
    void theSameSeedGivesTheSameBytesForALaidOutDrawing() throws IOException {
        // Letters without their coordinates: drawn by the seeded layout.
        Path plain = MainTest.copyLetters(dir, "PLAIN", "A", "graph_indicator",
                "graph_labels");

        Run first = MainTest.run("render", plain.toString(), "--limit", "4");
        Run again = MainTest.run("render", plain.toString(), "--limit", "4");
        Run other = MainTest.run("render", plain.toString(), "--limit", "4", "--seed", "7");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), again.out());
        assertNotEquals(first.out(), other.out());
        assertEquals(4, ofClass(parse(first.out()), "g", "panel").size());
    }

    @Test
    void controlCharactersInClassesAreEscapedAndAtomsLabelled() throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"),
                "smiles,label\nCCO,\"a\tb\"\nCCN,\"c\u001bd&<\"\n");

        Run r = MainTest.run("render", csv.toString(), "--label-property", "label");

        assertEquals(0, r.exitCode(), r.err());
        Document d = parse(r.out());
        assertEquals(List.of("graph 0, class a\\tb, 3 nodes", "graph 1, class c\\u001bd&<, 3"
                + " nodes"), texts(d, "text", "title"));
        assertFalse(r.out().contains("\t") || r.out().contains("\u001b"));
        List<String> atoms = texts(d, "text", "label");
        assertEquals(List.of("C", "C", "O", "C", "C", "N"), atoms);
    }

    @Test
    void badSelectionsAreRefusedBeforeAnyDrawing() {
        assertUsageError(MainTest.run("render", "--graphs", "0,225"), "--graphs: graph index"
                + " 225 is outside 0..224 (225 graphs of datasets/letters)");
        assertUsageError(MainTest.run("render", "--class", "L", "--graphs", "-1"), "--graphs:"
                + " graph index -1 is outside 0..24 (25 graphs of datasets/letters, class L)");
        assertUsageError(MainTest.run("render", "--align", "3"), "--align takes two graph"
                + " indices I,J, got 1 (3)");
        assertUsageError(MainTest.run("render", "--align", "0,1,2"), "--align takes two"
                + " graph indices I,J, got 3 (0, 1, 2)");
        // Given twice, --align was read as four indices, or as one pair from two halves.
        assertUsageError(MainTest.run("render", "--align", "1,2", "--align", "3,4"), "--align"
                + " may be given only once, got it twice (--align 1,2 --align 3,4); it takes"
                + " the two graphs to align, --align I,J");
        assertUsageError(MainTest.run("render", "--align", "1", "--align", "2", "--align",
                "3"), "--align may be given only once, got it 3 times (--align 1 --align 2"
                + " --align 3); it takes the two graphs to align, --align I,J");
        // Given twice, --graphs was read as one list of both: refused as --align is, before
        // any value is converted, however the values are attached or left empty.
        String graphsHint = "; list every graph to draw in one --graphs I,J,...";
        assertUsageError(MainTest.run("render", "--graphs", "0,1", "--graphs", "2"), "--graphs"
                + " may be given only once, got it twice (--graphs 0,1 --graphs 2)" + graphsHint);
        // Each occurrence as typed, with = or without.
        assertUsageError(MainTest.run("render", "--graphs=0", "--graphs", "x", "--graphs=2,3"),
                "--graphs may be given only once, got it 3 times (--graphs=0 --graphs x"
                + " --graphs=2,3)" + graphsHint);
        assertUsageError(MainTest.run("render", "--graphs", "0", "--graphs=1"), "--graphs may"
                + " be given only once, got it twice (--graphs 0 --graphs=1)" + graphsHint);
        assertUsageError(MainTest.run("render", "--graphs= ", "--graphs", "1"), "--graphs may"
                + " be given only once, got it twice (--graphs=' ' --graphs 1)" + graphsHint);
        assertUsageError(MainTest.run("render", "--graphs", "", "--graphs", "1"), "--graphs may"
                + " be given only once, got it twice (--graphs '' --graphs 1)" + graphsHint);
        assertUsageError(MainTest.run("render", "--graphs", "1", "--graphs", " "), "--graphs"
                + " may be given only once, got it twice (--graphs 1 --graphs ' ')"
                + graphsHint);
        assertUsageError(MainTest.run("render", "--graphs", "1", "--limit", "3", "--graphs"),
                "--graphs may be given only once, got it twice (--graphs 1 --graphs)"
                + graphsHint);
        assertUsageError(MainTest.run("render", "--graphs", "1", "--align", "0,1", "--align",
                "2,3"), "--align may be given only once, got it twice (--align 0,1 --align"
                + " 2,3); it takes the two graphs to align, --align I,J");
        assertUsageError(MainTest.run("render", "--align", "0,30", "--limit", "10"), "--align:"
                + " graph index 30 is outside 0..9 (10 graphs of datasets/letters)");
        assertUsageError(MainTest.run("render", "--graphs", "0", "--align", "0,1"), "give"
                + " --graphs or --align, not both");
        assertUsageError(MainTest.run("render", "--graphs", ","), "--graphs needs at least"
                + " one graph index, got an empty list");
        assertUsageError(MainTest.run("render", "--graphs", "1,"), "empty value in a list of"
                + " values: --graphs 1,");
        assertUsageError(MainTest.run("render", "--graphs", "a"), "--graphs must be an"
                + " integer, got 'a'");
        assertUsageError(MainTest.run("render", "--aligner", "exact"), "--aligner applies"
                + " only with --align I,J, which aligns two graphs");
        assertUsageError(MainTest.run("render", "--node-weight", "2"), "--node-weight applies"
                + " only with --align I,J, which aligns two graphs");
        assertUsageError(MainTest.run("render", "--columns", "0"), "--columns must be >= 1,"
                + " got 0");
        assertUsageError(MainTest.run("render", "--align", "0,1", "--columns", "2"),
                "--columns applies to a grid of graphs, not to --align, which draws two"
                + " panels side by side");
        assertUsageError(MainTest.run("render", "--json"), "--json does not apply to render,"
                + " whose output is an SVG document; give --out FILE to write it to a file");
        assertUsageError(MainTest.run("render", "--align", "0,1", "--aligner", "nope"),
                "--aligner must be one of exact, fast, faq, ga, ipfp, multistart, nodes,"
                + " thorough, got 'nope'");
    }

    @Test
    void aFolderAsOutIsRefusedWithAnSvgFileSuggested() {
        Run r = MainTest.run("render", "--out", dir.toString());

        assertUsageError(r, "cannot write --out " + dir + ": it is a folder; give a file"
                + " name, such as " + dir.resolve("drawing.svg"));
    }

    @Test
    void missingDataIsADataError() {
        Run r = MainTest.run("render", dir.resolve("nowhere").toString());

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + dir.resolve("nowhere")
                + "\n", r.err());
    }

    @Test
    void mutagMoleculesShowTheirElements() {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path mutag = Path.of(root).resolve("tu/MUTAG");
        assumeTrue(Files.isDirectory(mutag), "dataset not available: " + mutag);

        Run r = MainTest.run("render", mutag.toString(), "--graphs", "0,1");

        assertEquals(0, r.exitCode(), r.err());
        Document d = parse(r.out());
        Sample sample = Sample.load(mutag.toString(), null, null);
        List<Graph> drawn = List.of(sample.graphs().get(0), sample.graphs().get(1));
        int nodes = drawn.get(0).order() + drawn.get(1).order();
        assertEquals(nodes, ofClass(d, "circle", "node").size());
        assertEquals(nodes, texts(d, "text", "label").size());
        assertEquals(drawn.get(0).edgeCount() + drawn.get(1).edgeCount(),
                ofClass(d, "line", "edge").size());
        assertTrue(texts(d, "text", "label").stream().allMatch(s -> !s.isEmpty()));
    }

    @Test
    void meanSvgDrawsTheCenterBesideTheMedoidWithoutItsNullNodes() throws IOException {
        Path file = dir.resolve("mean.svg");

        Run r = MainTest.run("mean", "--class", "T", "--threads", "1", "--svg",
                file.toString());
        Run json = MainTest.run("mean", "--class", "T", "--threads", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Frechet mean of 25 graphs"), r.out());
        Document d = parse(Files.readString(file));
        Map<?, ?> center = (Map<?, ?>) json.json().get("center");
        int existing = 0;
        for (Object node : (List<?>) center.get("nodes")) {
            List<?> values = (List<?>) node;
            existing += (Double) values.get(values.size() - 1) > 0.0 ? 1 : 0;
        }
        int medoid = ((Double) json.json().get("medoidIndex")).intValue();
        int medoidOrder = Sample.load(null, "T", null).graphs().get(medoid).order();
        assertEquals(existing + medoidOrder, ofClass(d, "circle", "node").size());
        assertEquals(List.of("mean, objective " + Numbers.decimal((Double) json.json()
                .get("objective"), 6), "medoid: graph " + medoid), texts(d, "text", "title"));
        assertEquals(List.of("Frechet mean of 25 graphs from datasets/letters (class T)"),
                texts(d, "text", "heading"));
    }

    @Test
    void clusterSvgDrawsOnePanelPerCenter() throws IOException {
        Path file = dir.resolve("centers.svg");

        Run r = MainTest.run("cluster", "-k", "3", "--limit", "18", "--threads", "1", "--svg",
                file.toString());

        assertEquals(0, r.exitCode(), r.err());
        Document d = parse(Files.readString(file));
        List<String> titles = texts(d, "text", "title");
        assertEquals(3, titles.size());
        int graphs = 0;
        for (int c = 0; c < 3; c++) {
            String prefix = "cluster " + c + ", ";
            assertTrue(titles.get(c).startsWith(prefix), titles.get(c));
            graphs += Integer.parseInt(titles.get(c).substring(prefix.length()).split(" ")[0]);
        }
        assertEquals(18, graphs);
        assertEquals(List.of("k-means with k = 3 of 18 graphs from datasets/letters"),
                texts(d, "text", "heading"));
    }

    @Test
    void svgIsCheckedAsOutBeforeTheWork() throws IOException {
        Path same = dir.resolve("result.json");
        Path folder = Files.createDirectory(dir.resolve("out"));

        assertUsageError(MainTest.run("median", "--out", same.toString(), "--svg",
                same.toString()), "--svg " + same + " is a file that --out writes"
                + " (result.json); give another file");
        assertUsageError(MainTest.run("mean", "--svg", dir.toString()), "cannot write --svg "
                + dir + ": it is a folder; give a file name, such as "
                + dir.resolve("drawing.svg"));
        assertUsageError(MainTest.run("cluster", "-k", "2", "--out", folder.toString(),
                "--svg", folder.resolve("trace.csv").toString()), "--svg "
                + folder.resolve("trace.csv") + " is a file that --out writes (trace.csv);"
                + " give another file");
        assertUsageError(MainTest.run("mean", "--svg", " "), "--svg needs a file name");
        assertFalse(Files.exists(same));
        assertEquals(0, folder.toFile().list().length);
    }

    @Test
    void theHelpOffersNoJsonAndShowsTheListsAsTyped() {
        Run r = MainTest.run("render", "--help");

        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("--json"), r.out());
        assertTrue(r.out().contains("--graphs=I,J,..."), r.out());
        assertTrue(r.out().contains("--align=I,J "), r.out());
    }

    @Test
    void svgEqualToOutThroughALinkedFolderIsRefused() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path clusters = dir.resolve("clusters");
        Path clusterLink = Files.createSymbolicLink(dir.resolve("clusterLink"), clusters);

        Run mean = MainTest.run("mean", "--class", "T", "--threads", "1", "--svg",
                link.resolve("s.out").toString(), "--out", real.resolve("s.out").toString());
        Files.createDirectory(clusters);
        Run cluster = MainTest.run("cluster", "-k", "2", "--limit", "10", "--threads", "1",
                "--svg", clusterLink.resolve("result.json").toString(), "--out",
                clusters.toString());

        assertUsageError(mean, "--svg " + link.resolve("s.out") + " is a file that --out"
                + " writes (s.out); give another file");
        assertUsageError(cluster, "--svg " + clusterLink.resolve("result.json") + " is a file"
                + " that --out writes (result.json); give another file");
        assertEquals(0, real.toFile().list().length);
        assertEquals(0, clusters.toFile().list().length);
    }

    @Test
    void clusterSvgAtTheFolderThatOutCreatesIsRefusedBeforeTheWork() {
        Path folder = dir.resolve("new");

        Run r = MainTest.run("cluster", "-k", "2", "--limit", "10", "--threads", "1", "--svg",
                folder.toString(), "--out", folder.toString());
        Run above = MainTest.run("cluster", "-k", "2", "--limit", "10", "--threads", "1",
                "--svg", folder.toString(), "--out", folder.resolve("inner").toString());

        assertUsageError(r, "--svg " + folder + " is the folder that --out creates for its"
                + " files (" + folder + "); give another file");
        assertUsageError(above, "--svg " + folder + " is a folder on the way to the folder"
                + " that --out creates for its files (" + folder.resolve("inner") + "); give"
                + " another file");
        assertFalse(Files.exists(folder));
    }

    @Test
    void clusterSvgMayGoIntoTheFolderThatOutCreates() throws IOException {
        Path folder = dir.resolve("new");
        Path file = folder.resolve("centers.svg");

        Run r = MainTest.run("cluster", "-k", "2", "--limit", "10", "--threads", "1", "--svg",
                file.toString(), "--out", folder.toString());
        Run deeper = MainTest.run("cluster", "-k", "2", "--limit", "10", "--threads", "1",
                "--svg", dir.resolve("other/sub/c.svg").toString(), "--out",
                dir.resolve("other").toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, ofClass(parse(Files.readString(file)), "g", "panel").size());
        assertTrue(Files.exists(folder.resolve("result.json")));
        // A file in a missing folder below the one --out creates: both folders are created.
        assertEquals(0, deeper.exitCode(), deeper.err());
        assertEquals(2, ofClass(parse(Files.readString(dir.resolve("other/sub/c.svg"))), "g",
                "panel").size());
        assertTrue(Files.exists(dir.resolve("other/result.json")));
    }

    @Test
    void theDocumentOnStandardOutputIsUtf8WhateverThePlatformCharset() throws IOException {
        Path csv = Files.writeString(dir.resolve("accents.csv"),
                "smiles,label\nCCO,caf\u00e9\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandardOutput ascii = new StandardOutput(bytes, StandardCharsets.US_ASCII);
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"render", csv.toString(), "--label-property",
            "label"}, ascii, new PrintWriter(err, true));

        assertEquals(0, code, err.toString());
        String svg = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(List.of("graph 0, class caf\u00e9, 3 nodes"), texts(parse(svg), "text",
                "title"));
    }

    @Test
    void notesGoToStandardErrorWhenStandardOutputCarriesTheDocument() throws IOException {
        Path csv = Files.writeString(dir.resolve("some.csv"), "smiles\nCCO\nnot a smiles\n"
                + "CCN\n");

        Run r = MainTest.run("render", csv.toString(), "--skip-invalid");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, ofClass(parse(r.out()), "g", "panel").size());
        assertTrue(r.err().contains(RenderCommand.NOTE_PREFIX + "skipped 1 invalid record"),
                r.err());
        for (String line : r.err().split("\n")) {
            assertTrue(line.startsWith(RenderCommand.NOTE_PREFIX), line);
        }
    }

    @Test
    void aNoteOnStandardErrorShowsControlCharactersAsEscapes() throws IOException {
        // A TU folder without class labels gets a note naming the missing file, whose name
        // holds the folder's tab.
        Path tab = MainTest.copyLetters(dir, "P\tQ", "A", "graph_indicator");

        Run r = MainTest.run("render", tab.toString(), "--graphs", "0");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(RenderCommand.NOTE_PREFIX + "P\\tQ_graph_labels.txt not"
                + " present"), r.err());
        assertFalse(r.err().contains("\t"), r.err());
    }

    @Test
    void aFileNameEndingWithASeparatorNamesAFolder() {
        Path trail = dir.resolve("trail");

        Run render = MainTest.run("render", "--out", trail + "/");
        Run mean = MainTest.run("mean", "--class", "T", "--svg", trail + "/");
        Run median = MainTest.run("median", "--class", "T", "--out", trail + "/");
        Run cluster = MainTest.run("cluster", "-k", "2", "--svg", trail + "/");
        Run classify = MainTest.run("classify", "--folds", "2", "--limit", "20", "--out",
                trail + "/");

        assertUsageError(render, "cannot write --out " + trail + "/: a name ending with /"
                + " names a folder, and there is none; give a file name");
        assertUsageError(mean, "cannot write --svg " + trail + "/: a name ending with /"
                + " names a folder, and there is none; give a file name");
        assertUsageError(median, "cannot write --out " + trail + "/: a name ending with /"
                + " names a folder, and there is none; give a file name");
        assertUsageError(cluster, "cannot write --svg " + trail + "/: a name ending with /"
                + " names a folder, and there is none; give a file name");
        assertUsageError(classify, "cannot write --out " + trail + "/: a name ending with /"
                + " names a folder, and there is none; give a file name");
        assertFalse(Files.exists(trail));
        assertUsageError(MainTest.run("render", "--out", dir + "/"), "cannot write --out "
                + dir + ": it is a folder; give a file name, such as "
                + dir.resolve("drawing.svg"));
    }

    @Test
    void theReportNamesTheClassAndAnUpperBound() throws IOException {
        Path file = dir.resolve("t.svg");

        Run grid = MainTest.run("render", "--class", "T", "--graphs", "0", "--out",
                file.toString());
        Run align = MainTest.run("render", "--align", "0,100", "--aligner", "ipfp", "--out",
                file.toString());
        Run json = MainTest.run("align", "0", "100", "--aligner", "ipfp", "--json");

        assertTrue(grid.out().startsWith("drawing     1 graph of datasets/letters, class T"
                + " (0)\n"), grid.out());
        assertEquals(Boolean.FALSE, json.json().get("certified"), json.out());
        assertTrue(align.out().startsWith("drawing     graphs 0 and 100 of datasets/letters"
                + " aligned by ipfp (seed 42): distance "), align.out());
        assertTrue(align.out().contains(", an upper bound (not proven optimal)\n"),
                align.out());
    }

    @Test
    void clusterSvgHeadingKeepsTheClass() throws IOException {
        Path file = dir.resolve("a.svg");

        Run r = MainTest.run("cluster", "--class", "A", "-k", "2", "--threads", "1", "--svg",
                file.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("k-means with k = 2 of 25 graphs from datasets/letters (class"
                + " A)"), texts(parse(Files.readString(file)), "text", "heading"));
    }
}
