package org.orbifold.space;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Helpers for lists of graphs shared by the attribute transforms of this package. */
final class GraphLists {

    private GraphLists() {
    }

    /**
     * Applies a graph transform to every graph of a list, naming the index of the first graph
     * it rejects.
     *
     * @param graphs the graphs; not modified
     * @param transform the transform of one graph
     * @return a new list of the transformed graphs, in the same order
     * @throws IllegalArgumentException {@code "graphs[k]: "} followed by the transform's own
     *     message, for the first graph {@code k} it rejects
     */
    static List<Graph> mapEach(List<Graph> graphs, UnaryOperator<Graph> transform) {
        List<Graph> result = new ArrayList<>(graphs.size());
        for (int k = 0; k < graphs.size(); k++) {
            try {
                result.add(transform.apply(graphs.get(k)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("graphs[" + k + "]: " + e.getMessage(), e);
            }
        }
        return result;
    }
}
