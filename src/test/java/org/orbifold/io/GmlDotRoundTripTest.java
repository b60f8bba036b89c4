package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gml.GmlExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/**
 * Round trips through jgrapht-io's exporters: real graphs (the project's letters, and the IAM
 * AIDS and Fingerprint splits when {@code ../shared/datasets} is there) are written one file
 * per graph by {@link GmlExporter} and {@link DOTExporter}, every attribute as the exporter
 * writes it (numbers in Java's {@code Double.toString}, so {@code 1.0E-5} too; labels as
 * strings; the class as a graph attribute), and read back by {@link GmlReader} and
 * {@link DotReader}: the graphs, their classes and the channel names must be those of the
 * original reader.
 */
class GmlDotRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void theLettersComeBackFromGmlAndDot() throws IOException {
        assertRoundTrips(TuDatasetReader.read(Path.of("datasets/letters")));
    }

    /** Labels (the atom symbol), integer-valued and real numbers, undirected edges. */
    @Test
    void aidsComesBackFromGmlAndDot() throws IOException {
        assertRoundTrips(IamDatasetReader.read(TestDatasets.require(
                "iam/AIDS/data/train.cxl")));
    }

    /** Directed edges whose attributes change with the direction, and empty graphs. */
    @Test
    void fingerprintComesBackFromGmlAndDot() throws IOException {
        GraphDataset fingerprint = IamDatasetReader.read(TestDatasets.require(
                "iam/Fingerprint/data/valid.cxl"));
        assertEquals(true, fingerprint.isDirected());
        assertRoundTrips(fingerprint.subset(IntStream.range(0, 80).toArray()));
    }

    private void assertRoundTrips(GraphDataset original) throws IOException {
        Path gml = Files.createDirectories(dir.resolve("gml-" + original.name()));
        Path dot = Files.createDirectories(dir.resolve("dot-" + original.name()));
        for (int k = 0; k < original.size(); k++) {
            String stem = String.format(Locale.ROOT, "g%05d", k);
            Files.writeString(gml.resolve(stem + ".gml"), gml(original, k));
            Files.writeString(dot.resolve(stem + ".dot"), dot(original, k));
        }
        assertSame(original, new GmlReader().read(gml));
        assertSame(original, new DotReader().read(dot));
    }

    private static void assertSame(GraphDataset original, GraphDataset back) {
        assertEquals(original.nodeChannels(), back.nodeChannels());
        assertEquals(original.edgeChannels(), back.edgeChannels());
        assertEquals(original.classLabels(), back.classLabels());
        assertEquals(original.size(), back.size());
        for (int k = 0; k < original.size(); k++) {
            assertEquals(original.graphs().get(k), back.graphs().get(k), "graph " + k);
        }
    }

    /** A JGraphT graph of vertices 0..n-1 with the edges of graph k. */
    private static org.jgrapht.Graph<Integer, DefaultEdge> jgrapht(Graph g) {
        org.jgrapht.Graph<Integer, DefaultEdge> out = g.isDirected()
                ? new SimpleDirectedGraph<>(DefaultEdge.class)
                : new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < g.order(); i++) {
            out.addVertex(i);
        }
        for (int i = 0; i < g.order(); i++) {
            for (int j = g.isDirected() ? 0 : i + 1; j < g.order(); j++) {
                if (i != j && g.hasEdge(i, j)) {
                    out.addEdge(i, j);
                }
            }
        }
        return out;
    }

    /**
     * The attributes of a node or edge vector: a number per numeric channel, the label of
     * each one-hot group that has one; the existence and presence channels, which the readers
     * add by themselves, are left out.
     */
    private static Map<String, Attribute> attributes(Iterable<ChannelGroup> groups,
            double[] vector) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (ChannelGroup group : groups) {
            if (group.name().equals(NodeExistence.CHANNEL_NAME)
                    || group.name().equals(GraphDataset.EDGE_CHANNEL)) {
                continue;
            }
            if (!group.isOneHot()) {
                attributes.put(group.name(), DefaultAttribute.createAttribute(
                        vector[group.offset()]));
                continue;
            }
            double sum = 0;
            for (int c = group.offset(); c < group.offset() + group.size(); c++) {
                sum += vector[c];
            }
            if (sum > 0) {
                attributes.put(group.name(), DefaultAttribute.createAttribute(
                        group.decode(vector)));
            }
        }
        return attributes;
    }

    private static String gml(GraphDataset d, int k) {
        Graph g = d.graphs().get(k);
        GmlExporter<Integer, DefaultEdge> exporter = new GmlExporter<>(String::valueOf);
        exporter.setParameter(GmlExporter.Parameter.EXPORT_CUSTOM_VERTEX_ATTRIBUTES, true);
        exporter.setParameter(GmlExporter.Parameter.EXPORT_CUSTOM_EDGE_ATTRIBUTES, true);
        org.jgrapht.Graph<Integer, DefaultEdge> j = jgrapht(g);
        exporter.setVertexAttributeProvider(v -> attributes(d.nodeGroups(), g.nodeVector(v)));
        exporter.setEdgeAttributeProvider(e -> attributes(d.edgeGroups(),
                g.edgeVector(j.getEdgeSource(e), j.getEdgeTarget(e))));
        StringWriter out = new StringWriter();
        exporter.exportGraph(j, out);
        // GmlExporter writes no graph attributes but an empty label: the class goes there.
        String text = out.toString();
        return d.hasClasses() ? text.replace("\tlabel \"\"\n", "\tlabel \""
                + d.classLabels().get(k) + "\"\n") : text;
    }

    private static String dot(GraphDataset d, int k) {
        Graph g = d.graphs().get(k);
        DOTExporter<Integer, DefaultEdge> exporter = new DOTExporter<>(v -> "n" + v);
        org.jgrapht.Graph<Integer, DefaultEdge> j = jgrapht(g);
        exporter.setVertexAttributeProvider(v -> attributes(d.nodeGroups(), g.nodeVector(v)));
        exporter.setEdgeAttributeProvider(e -> attributes(d.edgeGroups(),
                g.edgeVector(j.getEdgeSource(e), j.getEdgeTarget(e))));
        if (d.hasClasses()) {
            exporter.setGraphAttributeProvider(() -> Map.of("class",
                    DefaultAttribute.createAttribute(d.classLabels().get(k))));
        }
        StringWriter out = new StringWriter();
        exporter.exportGraph(j, out);
        return out.toString();
    }
}
