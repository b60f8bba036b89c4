package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.orbifold.io.SvgDrawingTest.ofClass;
import static org.orbifold.io.SvgDrawingTest.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;
import org.orbifold.io.SvgDrawing;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The drawings whose panels are graphs of one frame, on MUTAG (no coordinates, so laid out):
 * the panels of {@code pca --svg} and {@code regress --svg} and the center and medoid of
 * {@code median --svg} share one layout, and {@code render --align I,I} draws a graph twice
 * at the same places.
 */
class OneFrameDrawingsTest {

    /** Half the step of the written coordinates (two decimals), twice. */
    private static final double WRITTEN = 0.01;

    private static final Pattern NODE = Pattern.compile("p(\\d+)-n(\\d+)");

    @TempDir
    Path dir;

    private static Path mutag() {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path path = Path.of(root).resolve("tu/MUTAG");
        assumeTrue(Files.isDirectory(path), "dataset not available: " + path);
        return path;
    }

    /**
     * Returns the nodes drawn in each panel of a one-row document, by panel and node index,
     * at their panel-relative centres.
     */
    private static List<Map<Integer, double[]>> nodes(Document d) {
        List<Map<Integer, double[]>> panels = new ArrayList<>();
        for (Element e : ofClass(d, "circle", "node")) {
            Matcher m = NODE.matcher(e.getAttribute("id"));
            assertTrue(m.matches(), e.getAttribute("id"));
            int k = Integer.parseInt(m.group(1));
            while (panels.size() <= k) {
                panels.add(new TreeMap<>());
            }
            panels.get(k).put(Integer.parseInt(m.group(2)), new double[] {
                Double.parseDouble(e.getAttribute("cx")) - k * SvgDrawing.PANEL_SIZE,
                Double.parseDouble(e.getAttribute("cy"))});
        }
        return panels;
    }

    /** Asserts that node {@code i} sits at one point of every panel that draws it. */
    private static void assertOneLayout(List<Map<Integer, double[]>> panels) {
        Map<Integer, double[]> first = new TreeMap<>();
        for (int k = 0; k < panels.size(); k++) {
            for (Map.Entry<Integer, double[]> node : panels.get(k).entrySet()) {
                double[] seen = first.putIfAbsent(node.getKey(), node.getValue());
                if (seen != null) {
                    assertEquals(seen[0], node.getValue()[0], WRITTEN, "panel " + k + ", node "
                            + node.getKey());
                    assertEquals(seen[1], node.getValue()[1], WRITTEN, "panel " + k + ", node "
                            + node.getKey());
                }
            }
        }
    }

    @Test
    void thePanelsAlongTheGeodesicShareOneLayout() throws IOException {
        Path svg = dir.resolve("pca.svg");
        Run r = MainTest.run("pca", mutag().toString(), "--limit", "12", "--threads", "1",
                "--components", "1", "--svg", svg.toString());

        assertEquals(0, r.exitCode(), r.err());
        String drawing = Files.readString(svg);
        List<Map<Integer, double[]>> panels = nodes(parse(drawing));
        assertEquals(5, panels.size());
        assertOneLayout(panels);
        assertTrue(panels.get(2).size() >= 10, "the mean draws " + panels.get(2).size()
                + " nodes");

        Path again = dir.resolve("again.svg");
        assertEquals(0, MainTest.run("pca", mutag().toString(), "--limit", "12", "--threads",
                "1", "--components", "1", "--svg", again.toString()).exitCode());
        assertEquals(drawing, Files.readString(again));
    }

    @Test
    void thePredictionsOfARegressionShareOneLayout() throws IOException {
        // The covariate: the graphs' numbers of atoms.
        StringBuilder rows = new StringBuilder("atoms\n");
        List<String> indicator = Files.readAllLines(mutag().resolve("MUTAG_graph_indicator.txt"));
        int[] atoms = new int[12];
        for (String line : indicator) {
            int g = Integer.parseInt(line.trim()) - 1;
            if (g < atoms.length) {
                atoms[g]++;
            }
        }
        for (int n : atoms) {
            rows.append(n).append('\n');
        }
        Path covariates = dir.resolve("atoms.txt");
        Files.writeString(covariates, rows);
        Path svg = dir.resolve("regress.svg");

        Run r = MainTest.run("regress", mutag().toString(), "--limit", "12", "--threads", "1",
                "--covariates", covariates.toString(), "--svg", svg.toString());

        assertEquals(0, r.exitCode(), r.err());
        List<Map<Integer, double[]>> panels = nodes(parse(Files.readString(svg)));
        assertEquals(3, panels.size());
        assertOneLayout(panels);
    }

    @Test
    void theMedoidSitsAtTheCenterSlotsItIsAlignedTo() throws IOException {
        Path svg = dir.resolve("median.svg");
        Run r = MainTest.run("median", mutag().toString(), "--limit", "12", "--threads", "1",
                "--svg", svg.toString());

        assertEquals(0, r.exitCode(), r.err());
        List<Map<Integer, double[]>> panels = nodes(parse(Files.readString(svg)));
        assertEquals(2, panels.size());
        // Every node of the medoid sits on a node of the center (its slot, drawn there since
        // the medoid is one of the graphs of the median), no two on one.
        List<double[]> taken = new ArrayList<>();
        for (Map.Entry<Integer, double[]> node : panels.get(1).entrySet()) {
            double[] at = node.getValue();
            boolean onCenter = panels.get(0).values().stream().anyMatch(c -> Math.abs(c[0]
                    - at[0]) <= WRITTEN && Math.abs(c[1] - at[1]) <= WRITTEN);
            assertTrue(onCenter, "medoid node " + node.getKey() + " is on no center node");
            for (double[] other : taken) {
                assertFalse(Math.abs(other[0] - at[0]) <= WRITTEN
                        && Math.abs(other[1] - at[1]) <= WRITTEN, "medoid nodes at one place");
            }
            taken.add(at);
        }
        assertTrue(panels.get(1).size() >= 10, "the medoid has " + panels.get(1).size()
                + " nodes drawn");
    }

    @Test
    void aGraphAlignedWithItselfIsDrawnTwiceAtTheSamePlaces() {
        // The second graph starts at its partners' places, a layout of least stress already,
        // and stays there: the two panels match within a unit.
        Run r = MainTest.run("render", mutag().toString(), "--align", "0,0", "--aligner",
                "exact");

        assertEquals(0, r.exitCode(), r.err());
        Document d = parse(r.out());
        List<Map<Integer, double[]>> panels = nodes(d);
        List<Element> matches = ofClass(d, "line", "match");
        assertEquals(panels.get(0).size(), matches.size());
        for (Element match : matches) {
            String[] pair = match.getAttribute("id").substring(1).split("-");
            double[] left = panels.get(0).get(Integer.parseInt(pair[0]));
            double[] right = panels.get(1).get(Integer.parseInt(pair[1]));
            assertEquals(left[0], right[0], 1.0, match.getAttribute("id"));
            assertEquals(left[1], right[1], 1.0, match.getAttribute("id"));
        }
    }
}
