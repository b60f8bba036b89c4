package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;

class GraphJsonTest {

    @Test
    void writesAGraph() {
        Graph.Builder builder = Graph.builder(2, 1);
        builder.addNode(1.0, 0.0);
        builder.addNode(0.0, 1.0);
        builder.addNode(1.0, 0.0);
        Graph path = builder.addEdge(0, 1, 2.0).addEdge(2, 1, 3.0).build();
        StringBuilder out = new StringBuilder();
        GraphJson.write(new JsonWriter(out), path, List.of("a=C", "a=N"), List.of("bond"));
        assertEquals("{\"order\":3,\"directed\":false,\"nodeChannels\":[\"a=C\",\"a=N\"],"
                + "\"edgeChannels\":[\"bond\"],\"nodes\":[[1.0,0.0],[0.0,1.0],[1.0,0.0]],"
                + "\"edges\":[{\"source\":0,\"target\":1,\"attributes\":[2.0]},"
                + "{\"source\":1,\"target\":2,\"attributes\":[3.0]}]}", out.toString());
        assertThrows(IllegalArgumentException.class, () -> GraphJson.write(
                new JsonWriter(new StringBuilder()), path, List.of("x"), List.of("bond")));
    }

    @Test
    void writesEveryPairOfADirectedGraph() {
        Graph.Builder builder = Graph.builder(1, 1).directed(true);
        builder.addNode(1.0);
        builder.addNode(1.0);
        Graph g = builder.addEdge(1, 0, 4.0).build();
        StringBuilder out = new StringBuilder();
        GraphDataset d = new GraphDataset("d", List.of(g), List.of(), List.of("g"),
                List.of("exists"), List.of("w"));
        GraphJson.write(new JsonWriter(out), g, d);
        assertTrue(out.toString().contains("\"directed\":true"), out.toString());
        assertTrue(out.toString().endsWith("\"edges\":[{\"source\":1,\"target\":0,"
                + "\"attributes\":[4.0]}]}"), out.toString());
    }
}
