package org.orbifold.io;

import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;

/**
 * Writes a graph as a JSON object:
 *
 * <pre>
 * {"order": 3, "directed": false,
 *  "nodeChannels": ["label=C", "label=N"], "edgeChannels": ["edge"],
 *  "nodes": [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]],
 *  "edges": [{"source": 0, "target": 1, "attributes": [1.0]}, ...]}
 * </pre>
 *
 * <p>{@code nodes[i]} is the attribute vector of node {@code i}. {@code edges} lists the pairs
 * with a non-zero attribute vector, ordered by source then target: every ordered pair of a
 * directed graph, each undirected edge once with {@code source < target}. Node indices are
 * 0-based. Stateless and thread-safe (the writer is not).
 */
public final class GraphJson {

    private GraphJson() {
    }

    /**
     * Writes a graph with the channel names of its dataset.
     *
     * @param json the writer, positioned where a value may go
     * @param graph the graph
     * @param dataset the dataset whose channel names label the graph's channels
     * @throws IllegalArgumentException if the graph's dimensions do not match the channels
     */
    public static void write(JsonWriter json, Graph graph, GraphDataset dataset) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(dataset, "dataset");
        write(json, graph, dataset.nodeChannels(), dataset.edgeChannels());
    }

    /**
     * Writes a graph with the given channel names.
     *
     * @param json the writer, positioned where a value may go
     * @param graph the graph
     * @param nodeChannels one name per node channel
     * @param edgeChannels one name per edge channel
     * @throws IllegalArgumentException if the graph's dimensions do not match the channels
     */
    public static void write(JsonWriter json, Graph graph, List<String> nodeChannels,
            List<String> edgeChannels) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(nodeChannels, "nodeChannels");
        Objects.requireNonNull(edgeChannels, "edgeChannels");
        if (nodeChannels.size() != graph.nodeDimension()
                || edgeChannels.size() != graph.edgeDimension()) {
            throw new IllegalArgumentException("graph has node dimension "
                    + graph.nodeDimension() + " and edge dimension " + graph.edgeDimension()
                    + " but " + nodeChannels.size() + " node and " + edgeChannels.size()
                    + " edge channel names were given");
        }
        json.beginObject();
        json.name("order").value(graph.order());
        json.name("directed").value(graph.isDirected());
        json.name("nodeChannels").beginArray();
        for (String channel : nodeChannels) {
            json.value(channel);
        }
        json.endArray();
        json.name("edgeChannels").beginArray();
        for (String channel : edgeChannels) {
            json.value(channel);
        }
        json.endArray();

        json.name("nodes").beginArray();
        for (int i = 0; i < graph.order(); i++) {
            json.value(graph.nodeVector(i));
        }
        json.endArray();

        json.name("edges").beginArray();
        for (int i = 0; i < graph.order(); i++) {
            for (int k = 0; k < graph.outDegree(i); k++) {
                int j = graph.successor(i, k);
                if (graph.isDirected() || i < j) {
                    json.beginObject();
                    json.name("source").value(i);
                    json.name("target").value(j);
                    json.name("attributes").value(graph.edgeVector(i, j));
                    json.endObject();
                }
            }
        }
        json.endArray();
        json.endObject();
    }
}
