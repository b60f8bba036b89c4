package org.orbifold.learn;

import java.util.Arrays;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Caps on the order of prototypes: a graph is cut to the nodes that carry most of its squared
 * norm, and a step of training is projected back onto the graphs of the capped order.
 */
final class ModelOrders {

    private ModelOrders() {
    }

    /**
     * Returns the capped order: {@code cap} if it is positive and below the space size,
     * otherwise the space size (0 means no cap).
     */
    static int capped(GraphSpace space, int cap) {
        return cap > 0 && cap < space.size() ? cap : space.size();
    }

    /**
     * Returns the induced subgraph on the {@code m} nodes of largest mass, in their original
     * order, or the graph itself if its order is at most {@code m}. The mass of node {@code i}
     * is its share of the squared norm, {@code w_node ||x_ii||^2 + w_edge sum_j ||x_ij||^2};
     * ties keep the lower index.
     */
    static Graph heaviest(GraphSpace space, Graph graph, int m) {
        int n = graph.order();
        if (n <= m) {
            return graph;
        }
        double[] mass = new double[n];
        for (int i = 0; i < n; i++) {
            double node = 0.0;
            for (int c = 0; c < graph.nodeDimension(); c++) {
                node += graph.node(i, c) * graph.node(i, c);
            }
            double edge = 0.0;
            for (int j : graph.successors(i)) {
                for (int c = 0; c < graph.edgeDimension(); c++) {
                    edge += graph.edge(i, j, c) * graph.edge(i, j, c);
                }
            }
            mass[i] = space.nodeWeight() * node + space.edgeWeight() * edge;
        }
        Integer[] byMass = new Integer[n];
        for (int i = 0; i < n; i++) {
            byMass[i] = i;
        }
        Arrays.sort(byMass, (a, b) -> mass[a] != mass[b] ? Double.compare(mass[b], mass[a])
                : Integer.compare(a, b));
        int[] kept = new int[m];
        for (int k = 0; k < m; k++) {
            kept[k] = byMass[k];
        }
        Arrays.sort(kept);
        return graph.subgraph(kept);
    }

    /**
     * Returns the graph cut to its first {@code m} nodes (the orthogonal projection onto the
     * graphs whose nodes beyond {@code m} are null), or the graph itself if its order is at
     * most {@code m}.
     */
    static Graph firstNodes(Graph graph, int m) {
        if (graph.order() <= m) {
            return graph;
        }
        int[] kept = new int[m];
        for (int i = 0; i < m; i++) {
            kept[i] = i;
        }
        return graph.subgraph(kept);
    }
}
