package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/** Runs {@code orbifold pca} in-process on the embedded letters. */
class PcaCommandTest {

    @TempDir
    Path dir;

    private static void assertUsageError(Run r, String fragment) {
        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals("", r.out());
    }

    @Test
    void textReportNamesTheRatiosTheObjectiveAndTheExtremeGraphs() {
        Run r = MainTest.run("pca", "--class", "T", "--threads", "2");

        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Geodesic PCA of 25 graphs from datasets/letters (class T)"),
                out);
        assertTrue(out.contains("iterations  "), out);
        assertTrue(out.matches("(?s).*explained   PC1 0\\.\\d{4}, PC2 0\\.\\d{4}, PC3 0\\.\\d{4}"
                + ".*"), out);
        assertTrue(out.matches("(?s).*objective   [0-9.]+ -> [0-9.]+ .*"), out);
        assertTrue(out.contains("PC1 highest LETTERS#"), out);
        assertTrue(out.contains("PC1 lowest  LETTERS#"), out);
        assertFalse(out.contains("no variance"), out);
        assertEquals("", r.err());
    }

    @Test
    void jsonAgreesWithItselfAndDoesNotDependOnTheThreads() {
        Run one = MainTest.run("pca", "--class", "L", "--json", "--threads", "1",
                "--components", "2");
        Run two = MainTest.run("pca", "--class", "L", "--json", "--threads", "2",
                "--components", "2");

        assertEquals(0, one.exitCode(), one.err());
        Map<String, Object> a = one.json();
        Map<String, Object> b = two.json();
        for (String key : List.of("objective", "trace", "explainedVarianceRatios", "scores",
                "mean", "directions", "iterations", "status")) {
            assertEquals(a.get(key), b.get(key), key);
        }
        List<?> ratios = (List<?>) a.get("explainedVarianceRatios");
        assertEquals(2, ratios.size());
        assertTrue((Double) ratios.get(0) >= (Double) ratios.get(1));
        List<?> trace = (List<?>) a.get("trace");
        for (int t = 1; t < trace.size(); t++) {
            assertTrue((Double) trace.get(t) <= (Double) trace.get(t - 1), "trace " + trace);
        }
        assertEquals(trace.get(trace.size() - 1), a.get("objective"));
        assertEquals(25, ((List<?>) a.get("scores")).size());
        assertEquals(2, ((List<?>) a.get("directions")).size());
        assertEquals("pca", a.get("command"));
    }

    @Test
    void outWritesTheJsonAndSvgDrawsFivePanels() throws IOException {
        Path json = dir.resolve("pca.json");
        Path svg = dir.resolve("pca.svg");
        Run r = MainTest.run("pca", "--class", "I", "--out", json.toString(), "--svg",
                svg.toString(), "--components", "1");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Geodesic PCA"), r.out());
        assertTrue(r.out().endsWith("file        " + json + "\nfile        " + svg + "\n"),
                r.out());
        String written = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(written.startsWith("{\"command\":\"pca\""), written);
        String drawing = Files.readString(svg, StandardCharsets.UTF_8);
        for (String title : List.of("PC1 -2 sd", "PC1 -1 sd", "mean", "PC1 +1 sd",
                "PC1 +2 sd")) {
            assertTrue(drawing.contains(">" + title), title);
        }
        assertEquals(5, drawing.split("class=\"panel\"", -1).length - 1);
    }

    @Test
    void defaultComponentsShrinkToWhatTheDataSpan() {
        Run r = MainTest.run("pca", "--class", "A", "--limit", "3", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2.0, r.json().get("components"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsageError(MainTest.run("pca", "--limit", "1"), "pca needs at least 2 graphs");
        assertUsageError(MainTest.run("pca", "--components", "0"),
                "--components must be >= 1, got 0");
        assertUsageError(MainTest.run("pca", "--class", "A", "--limit", "4", "--components",
                "4"), "--components must be at most 3 for 4 graphs (one less than the number of"
                + " graphs), got 4");
        assertUsageError(MainTest.run("pca", "--tolerance", "NaN"), "--tolerance");
        assertUsageError(MainTest.run("pca", "--iterations", "-1"),
                "--iterations must be >= 0");
        assertUsageError(MainTest.run("pca", "--threads", "0"), "--threads");
        Run unknown = MainTest.run("pca", "--class", "Z");
        assertFalse(unknown.exitCode() == 0);
        assertTrue(unknown.err().contains("unknown class 'Z'"), unknown.err());
    }

    /** With an exact search cut short, the JSON counts the alignments not proven optimal. */
    @Test
    void jsonSaysWhenTheExactSearchStoppedAtItsLimit() {
        Run r = MainTest.run("pca", "--class", "T", "--limit", "4", "--aligner", "exact",
                "--time-limit", "1e-9", "--threads", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Boolean.TRUE, r.json().get("limitReached"));
        assertTrue(((Number) r.json().get("uncertifiedAlignments")).intValue() >= 1);
        assertTrue(((Number) r.json().get("alignmentsStoppedAtLimit")).intValue() >= 1);
        Run text = MainTest.run("pca", "--class", "T", "--limit", "4", "--aligner", "exact",
                "--time-limit", "1e-9", "--threads", "1");
        assertTrue(text.out().contains("the exact search stopped at its time limit (1e-09 s per"
                + " alignment) in "), text.out());
        Map<?, ?> hit = (Map<?, ?>) r.json().get("limitsHit");
        assertEquals(r.json().get("alignmentsStoppedAtLimit"), hit.get("time"));
        assertEquals(0.0, hit.get("nodes"));
    }

    /**
     * The alignments line of an exact run: nothing when all is proven; when every final
     * alignment is proven but the search stopped at its limit elsewhere in the run (the
     * medoid or mean), a line that says so; unproven final alignments with their causes.
     */
    @Test
    void theAlignmentsLineTellsALimitReachedOutsideTheFinalAlignments() {
        String limit = "time limit (5 s per alignment)";

        assertNull(PcaCommand.unprovenText(8, 0, null, 0, 0, 60, limit));
        assertEquals("all 8 proven optimal for the final line, but the exact search stopped at"
                + " its " + limit + " in 1 of 1,060 alignments of the run (medoid,"
                + " Frechet mean or earlier lines): the mean, and so the line, may rest on"
                + " alignments not proven optimal",
                PcaCommand.unprovenText(8, 0, null, 1, 0, 1060, limit));
        assertEquals("2 of 8 not proven optimal for the final line: the aligner did not prove"
                + " them; the objective is an upper bound",
                PcaCommand.unprovenText(8, 2, null, 0, 0, 60, limit));
        assertEquals("3 of 8 not proven optimal for the final line: early; and the exact"
                + " search stopped at its " + limit + " in 4 of 60 alignments of the"
                + " run; the objective is an upper bound",
                PcaCommand.unprovenText(8, 3, "early", 4, 0, 60, limit));
        // Rounding is its own cause, not the limit's; with a heuristic, the rest are named.
        assertEquals("2 of 8 not proven optimal for the final line: 2 where the search or"
                + " certificate completed, but rounding errors could hide a better alignment (a"
                + " near-copy, or attributes far from 0); the objective is an upper bound",
                PcaCommand.unprovenText(8, 2, null, 0, 2, 60, limit));
        assertEquals("5 of 8 not proven optimal for the final line: 2 where the search or"
                + " certificate completed, but rounding errors could hide a better alignment (a"
                + " near-copy, or attributes far from 0); and the aligner did not prove the"
                + " other 3; the objective is an upper bound",
                PcaCommand.unprovenText(8, 5, null, 0, 2, 60, limit));
    }

    /**
     * An exact run kept at the Fréchet mean's alignments ({@code --iterations 0}) has no
     * alignment certified for the line, but the search stopped at no limit: the report says
     * why the alignments are not proven and does not claim the limit was reached.
     */
    @Test
    void iterationsZeroIsNotReportedAsTheExactLimit() {
        Run text = MainTest.run("pca", "--class", "T", "--limit", "6", "--aligner", "exact",
                "--iterations", "0", "--threads", "1");
        Run json = MainTest.run("pca", "--class", "T", "--limit", "6", "--aligner", "exact",
                "--iterations", "0", "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nalignments  6 of 6 not proven optimal for the final"
                + " line: --iterations 0 keeps the Frechet mean's alignments, made for the mean,"
                + " not for the line; the objective is an upper bound\n"), text.out());
        assertFalse(text.out().contains("limit ("), text.out());
        Map<String, Object> j = json.json();
        assertEquals(Boolean.FALSE, j.get("limitReached"));
        assertEquals(Boolean.FALSE, j.get("fixedPoint"));
        assertEquals(6.0, j.get("uncertifiedAlignments"));
        assertEquals(0.0, j.get("alignmentsStoppedAtLimit"));
        assertTrue(((Number) j.get("alignmentsMade")).intValue() >= 15 + 6, j.toString());
    }

    /** An exact run that ends at a fixed point within its limits proves every alignment. */
    @Test
    void exactRunAtAFixedPointReportsNothingUnproven() {
        Run r = MainTest.run("pca", "--class", "T", "--limit", "6", "--aligner", "exact",
                "--threads", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(Boolean.TRUE, j.get("fixedPoint"), j.toString());
        assertEquals(0.0, j.get("uncertifiedAlignments"));
        assertEquals(Boolean.FALSE, j.get("limitReached"));
    }

    /**
     * With few graphs the default number of components drops with a note, and each graph is
     * listed at one end of the first component only.
     */
    @Test
    void fewGraphsLowerTheDefaultWithANoteAndAreListedOnce() {
        Run r = MainTest.run("pca", "--class", "T", "--limit", "3", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("\nnote        components: 2 reported, not the default 3: 3"
                + " graphs span at most 2 directions (one less than the number of graphs)\n"),
                out);
        String highest = out.substring(out.indexOf("PC1 highest "), out.indexOf("\nPC1 lowest"));
        String lowest = out.substring(out.indexOf("PC1 lowest  "));
        lowest = lowest.substring(0, lowest.indexOf('\n'));
        assertEquals(2, highest.split("LETTERS#").length - 1, highest);
        assertEquals(1, lowest.split("LETTERS#").length - 1, lowest);
        for (String graph : lowest.substring("PC1 lowest  ".length()).split(", ")) {
            String name = graph.substring(0, graph.indexOf(' '));
            assertFalse(highest.contains(name + " "), name + " listed twice: " + out);
        }
    }

    /** When a graph has fewer coordinates than the graphs, the limit message says so. */
    @Test
    void theComponentLimitNamesTheCoordinatesWhenTheyBind() throws IOException {
        // Six graphs of 2 nodes, one edge of weight g + 1: few coordinates, five directions.
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (6, 2, 2), }";
        header = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
        ByteBuffer bytes = ByteBuffer.allocate(10 + header.length() + 6 * 4 * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        bytes.putShort((short) header.length());
        bytes.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int g = 0; g < 6; g++) {
            bytes.putDouble(0).putDouble(g + 1).putDouble(g + 1).putDouble(0);
        }
        Path file = Files.write(dir.resolve("pairs.npy"), bytes.array());

        Run r = MainTest.run("pca", file.toString(), "--components", "5");

        assertEquals(CliException.USAGE, r.exitCode(), r.err() + r.out());
        assertTrue(r.err().contains("(the number of coordinates of a graph of order 2,"), r.err());
    }

    /** Five graphs of one node: one coordinate, so one component, said in one sentence. */
    @Test
    void theDefaultDropNoteNamesTheCoordinatesWhenTheyBind() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (5, 1, 1), }";
        header = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
        ByteBuffer bytes = ByteBuffer.allocate(10 + header.length() + 5 * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        bytes.putShort((short) header.length());
        bytes.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int g = 0; g < 5; g++) {
            bytes.putDouble(0);
        }
        Path file = Files.write(dir.resolve("single.npy"), bytes.array());

        Run r = MainTest.run("pca", file.toString(), "--threads", "1");

        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("\nnote        components: 1 reported, not the default 3:"
                + " a graph of order 1 has 1 coordinate, fewer than the 5 graphs, and the"
                + " components cannot outnumber the coordinates\n"), r.out());
        // The five graphs are the same: the report says there is no variance to explain.
        assertTrue(r.out().contains("\nnote        no variance: the graphs, as aligned, coincide"
                + " with their mean up to rounding (every attribute's spread over the graphs is"
                + " within the rounding of its mean), so the total sum of squares is 0, every"
                + " direction is the zero graph, every score is 0, and the highest and lowest"
                + " lists rank nothing\n"), r.out());
        assertTrue(r.out().contains("\nPC1 highest single[0] 0.000, single[1] 0.000,"
                + " single[2] 0.000\n"), r.out());
    }

    /**
     * Writes a TU folder {@code dir/NAME} of {@code graphs} undirected paths of {@code order}
     * nodes, all of class 1, node {@code i} of graph {@code g} with the attribute line
     * {@code attributes.apply(g, i)} (comma-separated values).
     */
    private Path writePaths(String name, int graphs, int order,
            BiFunction<Integer, Integer, String> attributes) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(name));
        StringBuilder edges = new StringBuilder();
        StringBuilder indicator = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        for (int g = 0; g < graphs; g++) {
            for (int i = 0; i < order; i++) {
                indicator.append(g + 1).append('\n');
                lines.append(attributes.apply(g, i)).append('\n');
                if (i + 1 < order) {
                    int a = order * g + i + 1;
                    edges.append(a).append(", ").append(a + 1).append('\n')
                            .append(a + 1).append(", ").append(a).append('\n');
                }
            }
        }
        Files.writeString(folder.resolve(name + "_A.txt"), edges);
        Files.writeString(folder.resolve(name + "_graph_indicator.txt"), indicator);
        Files.writeString(folder.resolve(name + "_graph_labels.txt"), "1\n".repeat(graphs));
        Files.writeString(folder.resolve(name + "_node_attributes.txt"), lines);
        return folder;
    }

    /**
     * Six copies of one path of four nodes whose coordinates are not exact in binary: the
     * rounding of their mean left a sum of distances to the line (2.4e-30) above the total
     * sum of squares (1.2e-30). Both are rounding: the report gives total 0, objective 0 and
     * ratios 0, in the text and the JSON.
     */
    @Test
    void copiesOfOneGraphReportNoTotalAndNoObjective() throws IOException {
        String[] nodes = {"0.6920387482221226,3.0226506116818346",
            "-4.368931781122907,-3.8208129632893897", "2.6096244491257554,-0.27754756423883364",
            "-1.2038477667627223,-2.900451936285229"};
        Path folder = writePaths("SAME", 6, nodes.length, (g, i) -> nodes[i]);

        Run text = MainTest.run("pca", folder.toString(), "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nobjective   0.000000 -> 0.000000  (sum of squared"
                + " distances to the first principal geodesic)\nexplained   PC1 0.0000,"
                + " PC2 0.0000, PC3 0.0000  (share of the total sum of squares 0.000000)\n"),
                text.out());
        assertTrue(text.out().contains("\nnote        no variance: the graphs, as aligned,"
                + " coincide with their mean up to rounding (every attribute's spread over the"
                + " graphs is within the rounding of its mean), so the total sum of squares is"
                + " 0, every direction is the zero graph"), text.out());

        Map<String, Object> json = MainTest.run("pca", folder.toString(), "--threads", "1",
                "--json").json();
        assertEquals(0.0, json.get("totalSumOfSquares"));
        assertEquals(0.0, json.get("objective"));
        assertEquals(0.0, json.get("startObjective"));
        assertEquals(List.of(0.0, 0.0, 0.0), json.get("explainedVarianceRatios"));
        // The distances of the graphs to the line are rounding, as the total was.
        for (Object entry : (List<?>) json.get("scores")) {
            double distance = (Double) ((Map<?, ?>) entry).get("distance");
            assertTrue(distance < 1e-14, entry.toString());
        }
    }

    /**
     * A tester's five paths: attribute 0 is {@code 1e6 + i} on node {@code i} of every graph,
     * attribute 1 is {@code 1e-8 k} on node 0 of graph {@code k}. The large equal attribute
     * once made the total 0 and the note claim no variance, while the start line's mean
     * squared distance was {@code 2e-16}; the spread of {@code 1e-8} is now the total and PC1,
     * in the text and the JSON, as with attribute 0 set to 0.
     */
    @Test
    void largeEqualAttributeDoesNotHideSmallSpread() throws IOException {
        Path folder = writePaths("BIG", 5, 3, (g, i) -> (1e6 + i) + "," + (i == 0 ? 1e-8 * g
                : 0.0));

        Run text = MainTest.run("pca", folder.toString(), "--aligner", "exact", "--threads",
                "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("start: Frechet mean (mean squared distance"
                + " 2.000000e-16, 1 iteration)\n"), text.out());
        assertTrue(text.out().contains("\nexplained   PC1 1.0000, PC2 0.0000, PC3 0.0000"
                + "  (share of the total sum of squares 1.000000e-15)\n"), text.out());
        assertFalse(text.out().contains("no variance"), text.out());

        Map<String, Object> json = MainTest.run("pca", folder.toString(), "--aligner", "exact",
                "--threads", "1", "--json").json();
        assertEquals(1e-15, (Double) json.get("totalSumOfSquares"), 1e-24);
        assertEquals(1.0, (Double) ((List<?>) json.get("explainedVarianceRatios")).get(0),
                1e-9);
        assertTrue((Double) json.get("objective") < 1e-24, json.toString());
        assertFalse(json.get("notes").toString().contains("no variance"), json.toString());
    }

    /**
     * Three graphs of one node whose six attributes near {@code 1e6} differ by some 20 units in
     * the last place: a few coordinates vary by more than the rounding of their means, so the
     * total is not 0, but no direction rises above the worst-case rounding of the centring.
     * The note says so with the reported total, rather than claiming no variance.
     */
    @Test
    void totalWithoutDirectionGetsItsOwnNote() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("ULPD"));
        Files.writeString(folder.resolve("ULPD_A.txt"), "");
        Files.writeString(folder.resolve("ULPD_graph_indicator.txt"), "1\n2\n3\n");
        Files.writeString(folder.resolve("ULPD_graph_labels.txt"), "1\n1\n1\n");
        Files.writeString(folder.resolve("ULPD_node_attributes.txt"), String.join("\n",
                "999999.9999999998,1000000.9999999979,1000001.9999999986,1000003.0000000017,"
                + "1000003.9999999993,1000004.9999999995",
                "1000000.0000000023,1000000.9999999999,1000002.0000000001,1000003.0000000019,"
                + "1000004.0000000009,1000005.0000000002",
                "1000000.0000000007,1000000.9999999983,1000001.9999999984,1000003.0000000012,"
                + "1000004.0000000015,1000005.000000002") + "\n");

        Run r = MainTest.run("pca", folder.toString(), "--aligner", "exact", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nexplained   PC1 0.0000, PC2 0.0000  (share of the total"
                + " sum of squares 9.161508e-18)\n"), r.out());
        assertTrue(r.out().contains("\nnote        no direction: no direction's sum of squares"
                + " rises above the rounding of the means of the attributes that vary (the total"
                + " sum of squares is 9.161508e-18), so every direction is the zero graph, every"
                + " score is 0"), r.out());
        assertFalse(r.out().contains("no variance"), r.out());
    }

    /** Graphs without nodes have nothing to analyse; the message says so, not "components". */
    @Test
    void graphsWithoutNodesAreRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.graphml"), "<?xml version=\"1.0\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<graph id=\"a\" edgedefault=\"undirected\"/>\n"
                + "<graph id=\"b\" edgedefault=\"undirected\"/>\n"
                + "<graph id=\"c\" edgedefault=\"undirected\"/>\n</graphml>\n");

        Run r = MainTest.run("pca", file.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.err() + r.out());
        assertEquals(Main.ERROR_PREFIX + "the graphs have no coordinates: the 3 graphs read"
                + " from " + file + " have no nodes, so pca has no direction to find\n",
                r.err());
    }

    /** With --class, the message names the class chosen, not only the file. */
    @Test
    void graphsWithoutNodesOfOneClassAreNamedWithTheirClass() throws IOException {
        String empty = "<graph edgedefault=\"undirected\"><data key=\"c\">b</data></graph>\n";
        Path file = Files.writeString(dir.resolve("mixed.graphml"), "<?xml version=\"1.0\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<key id=\"c\" for=\"graph\" attr.name=\"class\" attr.type=\"string\"/>\n"
                + "<graph edgedefault=\"undirected\"><data key=\"c\">a</data>"
                + "<node id=\"n\"/></graph>\n" + empty + empty + "</graphml>\n");

        Run r = MainTest.run("pca", file.toString(), "--class", "b");

        assertEquals(CliException.DATA, r.exitCode(), r.err() + r.out());
        assertEquals(Main.ERROR_PREFIX + "the graphs have no coordinates: the 2 graphs read"
                + " from " + file + " with --class b have no nodes, so pca has no direction to"
                + " find\n", r.err());
    }

    /**
     * With --limit, alone or with --class, the message names the options given: it named the
     * class only, so graphs kept by --limit read as if they were the whole file.
     */
    @Test
    void graphsWithoutNodesKeptByLimitAreNamedWithTheOptionsGiven() throws IOException {
        String empty = "<graph edgedefault=\"undirected\"><data key=\"c\">b</data></graph>\n";
        Path file = Files.writeString(dir.resolve("first.graphml"), "<?xml version=\"1.0\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<key id=\"c\" for=\"graph\" attr.name=\"class\" attr.type=\"string\"/>\n"
                + empty + empty + "<graph edgedefault=\"undirected\"><data key=\"c\">a</data>"
                + "<node id=\"n\"/></graph>\n<graph edgedefault=\"undirected\"><data key=\"c\">"
                + "b</data><node id=\"n\"/></graph>\n</graphml>\n");

        Run limit = MainTest.run("pca", file.toString(), "--limit", "2");
        Run both = MainTest.run("pca", file.toString(), "--limit", "2", "--class", "b");
        Run whole = MainTest.run("pca", file.toString(), "--class", "b");

        String head = Main.ERROR_PREFIX + "the graphs have no coordinates: the 2 graphs read from "
                + file + " with ";
        String tail = " have no nodes, so pca has no direction to find\n";
        assertEquals(CliException.DATA, limit.exitCode(), limit.err() + limit.out());
        assertEquals(head + "--limit 2" + tail, limit.err());
        assertEquals(CliException.DATA, both.exitCode(), both.err() + both.out());
        assertEquals(head + "--class b --limit 2" + tail, both.err());
        assertEquals(0, whole.exitCode(), whole.err());
    }
}
