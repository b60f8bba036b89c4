package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.io.Presence;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.Status;

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

    /**
     * The top label of an edge is the largest channel of the edge channels' one-hot group,
     * never the presence channel nor a plain channel (a tester saw "top w" and "top edge" when
     * presence was the channel {@code edge}).
     */
    @Test
    void theTopLabelOfAnEdgeComesFromItsOneHotGroup() {
        Graph.Builder g = Graph.builder(1, 4);
        for (int i = 0; i < 3; i++) {
            g.addNode(1.0);
        }
        Graph center = g.addEdge(0, 1, 0.25, 0.5, 3.0, 1.0).addEdge(1, 2, 0.0, 0.0, 2.0, 0.75)
                .build();
        StringWriter text = new StringWriter();

        CenterGraph.summary(new PrintWriter(text, true), center, List.of("exists"),
                List.of("bt=d", "bt=s", "w", "edge"));
        CenterGraph.summary(new PrintWriter(text, true), center, List.of("exists"),
                List.of("w", "bt=d", "bt=s", "edge"));

        String[] edgeLines = text.toString().lines().filter(l -> l.startsWith("  0-1"))
                .toArray(String[]::new);
        assertEquals(List.of("  0-1 1.00 (top bt=s), 1-2 0.75",
                "  0-1 1.00 (top bt=s), 1-2 0.75 (top bt=s)"), List.of(edgeLines));
        String out = text.toString();
        assertFalse(out.contains("top w") || out.contains("top edge"), out);
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

    @TempDir
    Path dir;

    /** Decoded node attributes of a center's JSON, by node index. */
    private static Map<?, ?> decoded(Map<String, Object> center, int node) {
        for (Object o : (List<?>) center.get("decodedNodes")) {
            Map<?, ?> entry = (Map<?, ?>) o;
            if (((Number) entry.get("node")).intValue() == node) {
                return (Map<?, ?>) entry.get("attributes");
            }
        }
        throw new AssertionError("node " + node + " is not decoded: " + center);
    }

    /** The JSON edge entry from {@code i} to {@code j}. */
    private static Map<?, ?> edge(Map<String, Object> center, int i, int j) {
        for (Object o : (List<?>) center.get("edges")) {
            Map<?, ?> entry = (Map<?, ?>) o;
            if (((Number) entry.get("from")).intValue() == i
                    && ((Number) entry.get("to")).intValue() == j) {
                return entry;
            }
        }
        throw new AssertionError("no edge " + i + "-" + j + ": " + center);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** The center x and y of a drawn node, by its SVG identifier. */
    private static double[] circle(String svg, String id) {
        Matcher m = Pattern.compile("<circle id=\"" + id + "\" class=\"node\" cx=\"([-0-9.]+)\""
                + " cy=\"([-0-9.]+)\"").matcher(svg);
        assertTrue(m.find(), id + " not drawn: " + svg);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /**
     * A node that half the graphs have at {@code x = 10} is reported and drawn at 10, not at
     * the diluted 5 of the raw mean, whose values the JSON keeps.
     */
    @Test
    void aNodeOfHalfTheGraphsKeepsItsCoordinates() throws IOException {
        Path data = Files.createDirectory(dir.resolve("dil"));
        Files.writeString(data.resolve("g1.gml"), "graph [\n node [ id 0 x 10.0 y 10.0 ]\n"
                + " node [ id 1 x 12.0 y 10.0 ]\n edge [ source 0 target 1 ]\n]\n");
        Files.writeString(data.resolve("g2.gml"), "graph [\n node [ id 0 x 10.0 y 10.0 ]\n]\n");
        Path svg = dir.resolve("mean.svg");

        MainTest.Run text = MainTest.run("mean", data.toString(), "--threads", "1", "--svg",
                svg.toString());
        MainTest.Run json = MainTest.run("mean", data.toString(), "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("note        node attributes are given that the node"
                + " exists"), text.out());
        assertTrue(text.out().contains("node  0  exists 0.50  x 10.000 y 10.000"), text.out());
        assertTrue(text.out().contains("node  1  exists 1.00  x 11.000 y 10.000"), text.out());
        Map<String, Object> center = (Map<String, Object>) json.json().get("center");
        assertEquals(true, center.get("attributesGivenExistence"));
        assertEquals(10.0, number(decoded(center, 0).get("x")));
        assertEquals(10.0, number(decoded(center, 0).get("y")));
        assertEquals(List.of(5.0, 5.0, 0.5), ((List<?>) center.get("nodes")).get(0));
        // The center's node 0 sits where the medoid's node at (10, 10) does, a panel right.
        String drawing = Files.readString(svg);
        double[] mean = circle(drawing, "p0-n0");
        double[] medoid = circle(drawing, "p1-n0");
        assertEquals(mean[0] + 240.0, medoid[0], 1e-9);
        assertEquals(mean[1], medoid[1], 1e-9);
    }

    /**
     * A tester's case: a bond type 'bt' on one edge of three graphs, and a weight on every
     * edge. The edge of all three graphs, of weight 1 in each, has presence 1 and weight 1,
     * and the edge of two graphs presence 2/3 and weight 1; read from the group 'bt' (before
     * the reader added the channel 'edge' for its gaps) they were 1/3 with weight 3, and 0.
     */
    @Test
    void edgesWithoutTheLeadingLabelArePresent() throws IOException {
        Path data = Files.createDirectory(dir.resolve("gap"));
        Files.writeString(data.resolve("a0.gml"), "graph [\n node [ id 0 x 1.0 y 1.0 ]\n"
                + " node [ id 1 x 2.0 y 1.0 ]\n edge [ source 0 target 1 bt \"s\" w 1.0 ]\n]\n");
        for (String name : List.of("b1.gml", "b2.gml")) {
            Files.writeString(data.resolve(name), "graph [\n node [ id 0 x 1.0 y 1.0 ]\n"
                    + " node [ id 1 x 2.0 y 1.0 ]\n node [ id 2 x 2.0 y 3.0 ]\n"
                    + " edge [ source 0 target 1 w 1.0 ]\n edge [ source 1 target 2 w 1.0 ]\n]\n");
        }

        MainTest.Run text = MainTest.run("mean", data.toString(), "--aligner", "exact",
                "--threads", "1");
        MainTest.Run json = MainTest.run("mean", data.toString(), "--aligner", "exact",
                "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("edges       2 with probability >= 0.5 among them (0"
                + " below; probability = channel 'edge')"), text.out());
        Map<String, Object> center = (Map<String, Object>) json.json().get("center");
        assertEquals(List.of("bt=s", "w", "edge"), center.get("edgeChannels"));
        List<Double> presences = new ArrayList<>();
        for (Object o : (List<?>) center.get("edges")) {
            Map<?, ?> e = (Map<?, ?>) o;
            presences.add(number(e.get("edgeProbability")));
            assertEquals(1.0, number(((Map<?, ?>) e.get("attributes")).get("w")), TOLERANCE,
                    e.toString());
        }
        presences.sort(null);
        assertEquals(2, presences.size(), center.toString());
        assertEquals(2.0 / 3.0, presences.get(0), TOLERANCE);
        assertEquals(1.0, presences.get(1), TOLERANCE);
    }

    /**
     * When every kept node exists in every graph, the division by existence changes
     * nothing: the text report has no note on it, while the JSON still says the rule
     * applies; one graph more without a node brings the note back.
     */
    @Test
    void theNoteOnGivenExistenceNeedsAnExistenceBelowOne() throws IOException {
        Path data = Files.createDirectory(dir.resolve("same"));
        String path = "graph [\n node [ id 0 x 1.0 y 1.0 ]\n node [ id 1 x 3.0 y 1.0 ]\n"
                + " edge [ source 0 target 1 ]\n]\n";
        Files.writeString(data.resolve("g1.gml"), path);
        Files.writeString(data.resolve("g2.gml"), path);

        MainTest.Run text = MainTest.run("mean", data.toString(), "--threads", "1");
        MainTest.Run json = MainTest.run("mean", data.toString(), "--threads", "1", "--json");
        Files.writeString(data.resolve("g3.gml"), "graph [\n node [ id 0 x 1.0 y 1.0 ]\n]\n");
        MainTest.Run partial = MainTest.run("mean", data.toString(), "--threads", "1");

        assertEquals(0, text.exitCode(), text.err());
        assertFalse(text.out().contains("given that the node exists"), text.out());
        assertTrue(text.out().contains("node  0  exists 1.00  x 1.000 y 1.000"), text.out());
        Map<String, Object> center = (Map<String, Object>) json.json().get("center");
        assertEquals(true, center.get("attributesGivenExistence"));
        assertFalse(((List<?>) json.json().get("notes")).stream()
                .anyMatch(n -> n.toString().contains("given that the node exists")));
        assertEquals(0, partial.exitCode(), partial.err());
        assertTrue(partial.out().contains("note        node attributes are given that the node"
                + " exists"), partial.out());
    }

    /** Random graphs of channels x, y, a one-hot group and existence; edges w and edge. */
    private static List<Graph> randomGraphs(long seed, int count) {
        Random random = new Random(seed);
        List<Graph> graphs = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            int order = 2 + random.nextInt(4);
            Graph.Builder b = Graph.builder(5, 2);
            for (int i = 0; i < order; i++) {
                boolean a = random.nextBoolean();
                b.addNode(Math.round(random.nextDouble() * 80) / 8.0,
                        Math.round(random.nextDouble() * 80) / 8.0, a ? 1.0 : 0.0,
                        a ? 0.0 : 1.0, 1.0);
            }
            for (int i = 0; i < order; i++) {
                for (int j = i + 1; j < order; j++) {
                    if (random.nextDouble() < 0.6) {
                        b.addEdge(i, j, 1 + random.nextInt(3), 1.0);
                    }
                }
            }
            graphs.add(b.build());
        }
        return graphs;
    }

    /**
     * Brute force: for a converged mean, the decoded value of every kept node and edge is
     * the average over the graphs whose aligned node (edge) is real, by the final alignments
     * the result reports, and a one-hot weight is the share of those graphs with the label.
     */
    @Test
    void decodedMeanAttributesAverageTheGraphsThatHaveTheNode() {
        List<String> nodeChannels = List.of("x", "y", "kind=a", "kind=b", "exists");
        List<String> edgeChannels = List.of("w", "edge");
        for (long seed = 1; seed <= 4; seed++) {
            List<Graph> graphs = randomGraphs(seed, 7);
            GraphSpace space = GraphSpace.of(graphs);
            CenterResult result = FrechetMean.builder().aligner(new ExactAligner(seed)).build()
                    .compute(space, graphs);
            assertEquals(Status.CONVERGED, result.status());
            Graph center = result.center();
            List<Graph> aligned = new ArrayList<>();
            for (int k = 0; k < graphs.size(); k++) {
                aligned.add(result.aligned(k, graphs.get(k)).pad(center.order()));
            }
            Map<String, Object> json = JsonParser.object(JsonOutput.text(w -> CenterGraph.write(
                    w, center, nodeChannels, edgeChannels)));
            int decodedNodes = 0;
            for (int i : CenterGraph.keptNodes(center, nodeChannels)) {
                double[] sum = new double[5];
                int real = 0;
                for (Graph a : aligned) {
                    if (a.node(i, 4) == 1.0) {
                        real++;
                        for (int c = 0; c < 4; c++) {
                            sum[c] += a.node(i, c);
                        }
                    }
                }
                // The center is the plain average of the aligned graphs, null nodes as 0.
                assertEquals((double) real / graphs.size(), center.node(i, 4), TOLERANCE);
                Map<?, ?> attributes = decoded(json, i);
                assertEquals(sum[0] / real, number(attributes.get("x")), TOLERANCE);
                assertEquals(sum[1] / real, number(attributes.get("y")), TOLERANCE);
                Map<?, ?> kind = (Map<?, ?>) attributes.get("kind");
                String label = sum[2] >= sum[3] ? "a" : "b";
                assertEquals(label, kind.get("label"));
                assertEquals(Math.max(sum[2], sum[3]) / real, number(kind.get("weight")),
                        TOLERANCE);
                decodedNodes++;
            }
            assertTrue(decodedNodes >= 2, "seed " + seed);
            for (Object o : (List<?>) json.get("edges")) {
                Map<?, ?> e = (Map<?, ?>) o;
                int i = ((Number) e.get("from")).intValue();
                int j = ((Number) e.get("to")).intValue();
                double sum = 0.0;
                int real = 0;
                for (Graph a : aligned) {
                    if (a.edge(i, j, 1) == 1.0) {
                        real++;
                        sum += a.edge(i, j, 0);
                    }
                }
                assertEquals((double) real / graphs.size(), number(e.get("edgeProbability")),
                        TOLERANCE);
                assertEquals(sum / real, number(((Map<?, ?>) e.get("attributes")).get("w")),
                        TOLERANCE);
            }
        }
    }

    /**
     * The weighted analogue, as a Weiszfeld step of the median forms it: for any weights and
     * alignments, the value given existence is the weighted average over the graphs in which
     * the node is real, with the same weights.
     */
    @Test
    void givenExistenceOfAWeightedAverageWeighsOnlyTheRealNodes() {
        List<Graph> graphs = randomGraphs(11, 6);
        GraphSpace space = GraphSpace.of(graphs);
        Random random = new Random(5);
        Presence existence = Presence.nodeExistence(List.of("x", "y", "kind=a", "kind=b",
                "exists"));
        GraphAccumulator sum = new GraphAccumulator(space, space.size());
        double[] weights = new double[graphs.size()];
        List<Graph> placed = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            weights[k] = 0.1 + random.nextDouble();
            int[] order = new int[space.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = (i + k) % order.length;
            }
            Permutation p = Permutation.of(order);
            sum.add(graphs.get(k), p, weights[k]);
            placed.add(graphs.get(k).pad(space.size()).permute(p));
        }
        Graph average = sum.average();
        int checked = 0;
        for (int i = 0; i < space.size(); i++) {
            double[] given = existence.given(average.nodeVector(i));
            double real = 0.0;
            double x = 0.0;
            for (int k = 0; k < graphs.size(); k++) {
                if (placed.get(k).node(i, 4) == 1.0) {
                    real += weights[k];
                    x += weights[k] * placed.get(k).node(i, 0);
                }
            }
            if (real == 0.0) {
                assertEquals(null, given);
                continue;
            }
            assertEquals(x / real, given[0], TOLERANCE);
            assertEquals(1.0, given[4], TOLERANCE);
            checked++;
        }
        assertTrue(checked >= 2);
    }

    @Test
    void oneHotWeightsAreLabelProbabilitiesGivenTheNodeExists() {
        Graph.Builder builder = Graph.builder(4, 0);
        builder.addNode(0.5, 0.25, 0.0, 0.75);
        builder.addNode(0.0, 0.0, 0.0, 0.5);
        String text = JsonOutput.text(json -> CenterGraph.write(json, builder.build(),
                List.of("atom=C", "atom=N", "atom=O", "exists"), List.of()));
        Map<String, Object> json = JsonParser.object(text);
        Map<?, ?> first = (Map<?, ?>) decoded(json, 0).get("atom");
        Map<?, ?> missing = (Map<?, ?>) decoded(json, 1).get("atom");

        assertEquals("C", first.get("label"));
        assertEquals(2.0 / 3.0, number(first.get("weight")), TOLERANCE);
        assertEquals(null, missing.get("label"));
        assertEquals(0.0, number(missing.get("weight")));
        StringWriter out = new StringWriter();
        CenterGraph.summary(new PrintWriter(out, true), builder.build(),
                List.of("atom=C", "atom=N", "atom=O", "exists"), List.of());
        assertTrue(out.toString().contains("atom C (0.67)"), out.toString());
        assertTrue(out.toString().contains("atom (missing)"), out.toString());
    }

    /** Existence read from a leading one-hot group: the group's weights sum to 1 given it. */
    @Test
    void aLeadingGroupGivesTheLabelGivenSomeLabel() {
        Graph.Builder builder = Graph.builder(3, 0);
        builder.addNode(0.45, 0.15, 3.0);
        String text = JsonOutput.text(json -> CenterGraph.write(json, builder.build(),
                List.of("atom=C", "atom=N", "charge"), List.of()));
        Map<String, Object> json = JsonParser.object(text);
        Map<?, ?> attributes = decoded(json, 0);

        assertEquals(0.75, number(((Map<?, ?>) attributes.get("atom")).get("weight")),
                TOLERANCE);
        assertEquals(5.0, number(attributes.get("charge")), TOLERANCE);
        assertEquals(0.6, number(((Map<?, ?>) ((List<?>) json.get("decodedNodes")).get(0))
                .get("exists")), TOLERANCE);
    }

    @Test
    void edgeAttributesAreGivenThePresenceWhenItIsAProbability() {
        Graph.Builder plain = Graph.builder(1, 2);
        plain.addNode(1.0);
        plain.addNode(1.0);
        Map<String, Object> withEdge = JsonParser.object(JsonOutput.text(json ->
                CenterGraph.write(json, plain.addEdge(0, 1, 0.75, 0.5).build(),
                        List.of("exists"), List.of("valence", "edge"))));
        Map<String, Object> bonds = JsonParser.object(JsonOutput.text(json ->
                CenterGraph.write(json, bondedPath(), List.of("exists"),
                        List.of("bond=1", "bond=2"))));
        Graph.Builder normed = Graph.builder(1, 1);
        normed.addNode(1.0);
        normed.addNode(1.0);
        Map<String, Object> norm = JsonParser.object(JsonOutput.text(json ->
                CenterGraph.write(json, normed.addEdge(0, 1, 1.75).build(), List.of("exists"),
                        List.of("valence"))));

        assertEquals(true, withEdge.get("edgeAttributesGivenPresence"));
        Map<?, ?> valence = (Map<?, ?>) edge(withEdge, 0, 1).get("attributes");
        assertEquals(Map.of("valence", 1.5), valence);
        Map<?, ?> bond = (Map<?, ?>) ((Map<?, ?>) edge(bonds, 0, 1).get("attributes"))
                .get("bond");
        assertEquals("1", bond.get("label"));
        assertEquals(2.0 / 3.0, number(bond.get("weight")), TOLERANCE);
        assertEquals(List.of(0.5, 0.25), edge(bonds, 0, 1).get("value"));
        assertEquals(false, norm.get("edgeAttributesGivenPresence"));
        assertEquals(Map.of("valence", 1.75), edge(norm, 0, 1).get("attributes"));
    }

    /** Without an existence probability nothing is divided and no note is printed. */
    @Test
    void withoutAnExistenceChannelTheValuesAreAsTheyAre() {
        Graph.Builder builder = Graph.builder(2, 0);
        builder.addNode(5.0, 0.25);
        StringWriter out = new StringWriter();
        CenterGraph.summary(new PrintWriter(out, true), builder.build(), List.of("x", "y"),
                List.of());
        Map<String, Object> json = JsonParser.object(JsonOutput.text(w -> CenterGraph.write(w,
                builder.build(), List.of("x", "y"), List.of())));

        assertFalse(out.toString().contains("note"), out.toString());
        assertTrue(out.toString().contains("x 5.000 y 0.250"), out.toString());
        assertEquals(false, json.get("attributesGivenExistence"));
        assertEquals(Map.of("x", 5.0, "y", 0.25), decoded(json, 0));
    }

    @Test
    void nothingIsGivenAboutAnAbsentNode() {
        Presence existence = Presence.nodeExistence(List.of("x", "exists"));

        assertEquals(null, existence.given(new double[] {1e-20, 1e-13}));
        assertEquals(null, existence.given(new double[] {0.0, 0.0}));
        assertEquals(null, existence.given(new double[] {1.0, Double.NaN}));
        assertEquals(4.0, existence.given(new double[] {4e-12, 1e-12})[0], TOLERANCE);
    }
}
