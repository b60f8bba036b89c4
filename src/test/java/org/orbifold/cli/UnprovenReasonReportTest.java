package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * The reports name why an alignment is not proven optimal: {@code align}'s
 * {@code unprovenReason} and text, and the {@code unprovenReasons} counts of the commands that
 * make many alignments. A near-copy (7 nodes, one coordinate moved by {@code 1e-5}) is left
 * unproven by rounding, not by a limit, so {@code limitReached} stays false.
 */
class UnprovenReasonReportTest {

    private static final String ROUNDING = "the search or certificate completed, but rounding"
            + " errors could hide a better alignment (a near-copy, or attributes far from 0)";

    private static final double[][] POINTS = {
        {0.0, 0.0}, {1.0, 0.3}, {2.1, 0.1}, {3.0, 0.9}, {0.4, 1.7}, {1.6, 2.0}, {2.7, 1.4}};

    private static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 3}, {3, 6}, {6, 5}, {5, 4}, {4, 1}};

    @TempDir
    Path dir;

    @Test
    void alignNamesRoundingForANearCopyWithExactAndNodes() throws IOException {
        Path points = nearCopies("points", false);
        Path graphs = nearCopies("graphs", true);
        String[][] cases = {{points.toString(), "exact"}, {points.toString(), "nodes"},
            {graphs.toString(), "exact"}, {points.toString(), "ga"}};
        for (String[] c : cases) {
            Run json = MainTest.run("align", c[0], "0", "1", "--aligner", c[1], "--json");
            Run text = MainTest.run("align", c[0], "0", "1", "--aligner", c[1]);

            String what = c[1] + " on " + c[0];
            assertEquals(0, json.exitCode(), json.err());
            Map<String, Object> j = json.json();
            assertEquals(Boolean.FALSE, j.get("certified"), what);
            assertEquals(Boolean.FALSE, j.get("limitReached"), what);
            assertEquals("rounding", j.get("unprovenReason"), what);
            assertEquals(1e-5, (Double) j.get("distance"), 1e-12, what);
            assertTrue(text.out().contains("\ncertified   no (not proven optimal: an upper bound"
                    + " on the distance); " + ROUNDING + "\n"), text.out());
            assertFalse(text.out().contains("limit ("), text.out());
        }
    }

    @Test
    void alignNamesAHeuristicAndACertifiedResult() throws IOException {
        Path graphs = nearCopies("graphs", true);
        Run nodes = MainTest.run("align", graphs.toString(), "0", "1", "--aligner", "nodes",
                "--json");
        Run nodesText = MainTest.run("align", graphs.toString(), "0", "1", "--aligner",
                "nodes");
        Run letters = MainTest.run("align", "0", "9", "--aligner", "exact", "--json");

        // Graphs with edges: the node assignment proves nothing there.
        assertEquals("heuristic", nodes.json().get("unprovenReason"));
        assertEquals(Boolean.FALSE, nodes.json().get("limitReached"));
        assertTrue(nodesText.out().contains("; the nodes aligner is a heuristic here, which"
                + " does not prove optimality\n"), nodesText.out());
        assertEquals(Boolean.TRUE, letters.json().get("certified"));
        assertEquals("none", letters.json().get("unprovenReason"));
        assertEquals(Boolean.FALSE, letters.json().get("limitReached"));
    }

    /** {@code render --align} names rounding and the limit in its report line. */
    @Test
    void renderNamesTheReason() throws IOException {
        Path points = nearCopies("points", false);
        Path file = dir.resolve("a.svg");
        Run rounding = MainTest.run("render", points.toString(), "--align", "0,1", "--aligner",
                "nodes", "--out", file.toString());
        Run limit = MainTest.run("render", "--align", "0,9", "--aligner", "exact",
                "--time-limit", "1e-9", "--out", file.toString());

        assertEquals(0, rounding.exitCode(), rounding.err());
        assertTrue(rounding.out().contains(", an upper bound (not proven optimal: " + ROUNDING
                + ")\n"), rounding.out());
        assertEquals(0, limit.exitCode(), limit.err());
        assertTrue(limit.out().contains(", an upper bound (not proven optimal: the exact search"
                + " stopped at its time limit (1e-09 s per alignment))\n"), limit.out());
    }

    /**
     * {@code mean} and {@code cluster} with the exact aligner on near-copies: every unproven
     * alignment is counted under rounding, and the limit, never reached, is not claimed.
     */
    @Test
    void meanAndClusterCountRoundingApartFromTheLimit() throws IOException {
        Path graphs = nearCopies("graphs", true);
        String[][] commands = {{"mean"}, {"cluster", "-k", "1"}};
        for (String[] command : commands) {
            String[] args = concat(command, graphs.toString(), "--aligner", "exact",
                    "--threads", "1");
            Run text = MainTest.run(args);
            Run json = MainTest.run(concat(args, "--json"));

            assertEquals(0, text.exitCode(), text.err());
            // mean says which alignments it counts: the final ones, one per graph.
            String which = command[0].equals("mean") ? "final \\(one per graph\\): " : "";
            assertTrue(text.out().matches("(?s).*\nalignments  " + which
                    + "([0-9]+) of [0-9]+ not proven"
                    + " optimal: \\1 where " + ROUNDING.replace("(", "\\(").replace(")", "\\)")
                    + "; .*"), text.out());
            assertFalse(text.out().contains("stopped at its limit"), text.out());
            Map<String, Object> j = json.json();
            assertEquals(Boolean.FALSE, j.get("limitReached"), json.out());
            double unproven = (Double) j.get("uncertifiedAlignments");
            assertTrue(unproven >= 1.0, json.out());
            assertEquals(Map.of("heuristic", 0.0, "limit", 0.0, "rounding", unproven),
                    j.get("unprovenReasons"), json.out());
        }
    }

    /**
     * A heuristic aligner whose alignments are all heuristic prints no line (none claims to be
     * optimal), but the JSON counts them under heuristic.
     */
    @Test
    void heuristicAlignmentsAreCountedWithoutALine() throws IOException {
        Path graphs = nearCopies("graphs", true);
        Run text = MainTest.run("mean", graphs.toString(), "--aligner", "nodes", "--threads",
                "1");
        Run json = MainTest.run("mean", graphs.toString(), "--aligner", "nodes", "--threads",
                "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertFalse(text.out().contains("not proven optimal"), text.out());
        Map<String, Object> j = json.json();
        assertEquals(2.0, j.get("uncertifiedAlignments"), json.out());
        assertEquals(Map.of("heuristic", 2.0, "limit", 0.0, "rounding", 0.0),
                j.get("unprovenReasons"), json.out());
    }

    /**
     * Writes a folder of two GML graphs: the 7 points (with the edges {@link #EDGES} if
     * {@code edges}) and the same with node 0's first coordinate moved by {@code 1e-5}.
     */
    private Path nearCopies(String name, boolean edges) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        double[] moves = {0.0, 1e-5};
        for (int k = 0; k < moves.length; k++) {
            StringBuilder b = new StringBuilder("graph [\n");
            for (int i = 0; i < POINTS.length; i++) {
                double x = POINTS[i][0] + (i == 0 ? moves[k] : 0.0);
                b.append("  node [\n    id ").append(i).append("\n    x ").append(x)
                        .append("\n    y ").append(POINTS[i][1]).append("\n  ]\n");
            }
            if (edges) {
                for (int[] e : EDGES) {
                    b.append("  edge [\n    source ").append(e[0]).append("\n    target ")
                            .append(e[1]).append("\n  ]\n");
                }
            }
            Files.writeString(folder.resolve("g" + k + ".gml"), b.append("]\n").toString());
        }
        return folder;
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
