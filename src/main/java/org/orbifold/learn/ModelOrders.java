package org.orbifold.learn;

import java.util.Arrays;
import java.util.List;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Caps on the order of prototypes: a graph is cut to the nodes that carry most of its squared
 * norm, and a step of training is projected back onto the graphs of the capped order.
 *
 * <p><b>The training graphs set the order.</b> A model's default order (no cap, or weight
 * graphs of no requested order) is the largest order of the graphs it is fitted on
 * ({@link #trainingOrder}), never the size of the space: the space often holds the graphs
 * to predict as well (a test split read with the training split), and a model whose order
 * followed them would change the prediction of one test graph when another is added. The
 * Fréchet means the learners start from are computed in the space cut to that order
 * ({@link #fitting}) for the same reason: a mean of order {@code n} may spread its training
 * graphs' nodes over all {@code n} nodes, so a larger space gives another mean.
 */
final class ModelOrders {

    private ModelOrders() {
    }

    /**
     * Returns the capped order of prototypes fitted on {@code graphs}: {@code cap} if it is
     * positive and below their {@link #trainingOrder}, otherwise that order (0 means no cap;
     * prototypes fitted on these graphs never exceed it, so a larger cap changes nothing).
     */
    static int capped(GraphSpace space, List<Graph> graphs, int cap) {
        int order = trainingOrder(space, graphs);
        return cap > 0 && cap < order ? cap : order;
    }

    /**
     * Returns the order a model fitted on {@code graphs} has by default: their largest order,
     * or 1 if they all have no nodes (and the space has room for one).
     */
    static int trainingOrder(GraphSpace space, List<Graph> graphs) {
        int largest = 0;
        for (Graph g : graphs) {
            largest = Math.max(largest, g.order());
        }
        return Math.max(largest, Math.min(1, space.size()));
    }

    /**
     * Returns the space in which a fit on {@code graphs} computes its Fréchet means: the
     * given one cut to the larger of the graphs' {@link #trainingOrder} and the model's
     * {@code order} (the weight graphs' order may exceed the training graphs').
     */
    static GraphSpace fitting(GraphSpace space, List<Graph> graphs, int order) {
        return space.withSize(Math.min(space.size(),
                Math.max(trainingOrder(space, graphs), order)));
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
