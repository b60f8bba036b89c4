package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;

/** How a center graph's node existence and edge presence are read, printed and written. */
class CenterGraphTest {

    /** Sums of a few exact binary fractions; any slack only absorbs rounding. */
    private static final double TOLERANCE = 1e-12;

    /** A path 0-1-2 whose bonds sum to 0.75 and 0.25: only the first reaches 0.5. */
    private static Graph bondedPath() {
        Graph.Builder path = Graph.builder(1, 2);
        for (int i = 0; i < 3; i++) {
            path.addNode(1.0);
        }
        return path.addEdge(0, 1, 0.5, 0.25).addEdge(1, 2, 0.125, 0.125).build();
    }

    @Test
    void summaryCountsEdgesByProbabilityAndSaysSo() {
        StringWriter text = new StringWriter();

        CenterGraph.summary(new PrintWriter(text, true), bondedPath(), List.of("exists"),
                List.of("bond=1", "bond=2"));

        String out = text.toString();
        assertTrue(out.contains("edges       1 with probability >= 0.5 among them (1 below;"
                + " probability = sum of the one-hot group 'bond'"), out);
        assertTrue(out.contains("0-1 0.75 (top bond=1)"), out);
        assertFalse(out.contains("weight"), out);
    }

    @Test
    void summaryShowsTheSpreadOfAttributesFarFromZero() {
        Graph.Builder builder = Graph.builder(2, 0);
        builder.addNode(1.0, 1e9 + 3.25);
        builder.addNode(1.0, 1e9 + 1.5);
        builder.addNode(1.0, 2.5);
        StringWriter text = new StringWriter();

        CenterGraph.summary(new PrintWriter(text, true), builder.build(),
                List.of("exists", "far"), List.of());
        String far = text.toString();
        builder = Graph.builder(2, 0);
        builder.addNode(1.0, 1e9 + 3.25);
        builder.addNode(1.0, 1e9 + 1.5);
        text = new StringWriter();
        CenterGraph.summary(new PrintWriter(text, true), builder.build(),
                List.of("exists", "far"), List.of());
        String near = text.toString();
        builder = Graph.builder(2, 0);
        builder.addNode(1.0, 3.25);
        builder.addNode(1.0, -1.5);
        text = new StringWriter();
        CenterGraph.summary(new PrintWriter(text, true), builder.build(),
                List.of("exists", "far"), List.of());
        String plain = text.toString();

        assertTrue(far.contains("far 1.00000000325e+09") && far.contains("far 2.500"), far);
        assertTrue(near.contains("far 1.00000000325e+09")
                && near.contains("far 1.00000000150e+09"), near);
        assertTrue(plain.contains("far 3.250") && plain.contains("far -1.500"), plain);
    }

    @Test
    void summaryCallsANormANorm() {
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(1.0);
        builder.addNode(1.0);
        Graph path = builder.addEdge(0, 1, 1.75).build();
        StringWriter text = new StringWriter();

        CenterGraph.summary(new PrintWriter(text, true), path, List.of("exists"),
                List.of("valence"));

        assertTrue(text.toString().contains("edges       1 with norm >= 0.5 among them (0 below;"
                + " norm = |valence| (not a probability))"), text.toString());
    }

    @Test
    void jsonNamesTheMeasureOfEveryEdge() {
        String text = JsonOutput.text(json -> CenterGraph.write(json, bondedPath(),
                List.of("exists"), List.of("bond=1", "bond=2")));

        Map<String, Object> json = JsonParser.object(text);
        assertEquals("probability", ((Map<?, ?>) json.get("edgePresence")).get("measure"));
        List<?> edges = (List<?>) json.get("edges");
        assertEquals(2, edges.size());
        assertEquals(0.75, (Double) ((Map<?, ?>) edges.get(0)).get("edgeProbability"),
                TOLERANCE);
    }
}
