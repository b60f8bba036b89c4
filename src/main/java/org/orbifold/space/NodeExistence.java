package org.orbifold.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The node-existence channel: an extra last node channel that is 1 on every real node and 0 on
 * padding, so that a real node never looks like a null node. On a mean graph its value reads as
 * the probability that the node exists.
 *
 * <p>The channel is needed exactly when some real node has an all-zero attribute vector (for
 * example an unlabelled node, or a point at the origin); one-hot labelled nodes do not need it.
 */
public final class NodeExistence {

    /** Conventional name of the channel, for tables and files. */
    public static final String CHANNEL_NAME = "exists";

    private NodeExistence() {
    }

    /**
     * Returns whether some node of some graph has an all-zero attribute vector, so that it
     * could not be told from padding without an existence channel.
     *
     * @param graphs graphs with equal node dimensions
     * @return true if an existence channel is needed
     */
    public static boolean isNeeded(List<Graph> graphs) {
        for (Graph g : graphs) {
            for (int i = 0; i < g.order(); i++) {
                boolean zero = true;
                for (int c = 0; c < g.nodeDimension() && zero; c++) {
                    zero = g.node(i, c) == 0.0;
                }
                if (zero) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the graphs with an existence channel of 1 appended to every node.
     *
     * @param graphs graphs with equal node dimensions
     * @return new graphs whose node dimension is one larger
     */
    public static List<Graph> append(List<Graph> graphs) {
        List<Graph> result = new ArrayList<>(graphs.size());
        for (Graph g : graphs) {
            result.add(g.withNodeChannel(1.0));
        }
        return result;
    }

    /**
     * Returns the graph restricted to the nodes whose existence value is at least
     * {@code threshold}, the usual way to read a mean graph as one graph.
     *
     * @param g a graph whose last node channel is the existence channel
     * @param threshold the smallest existence value kept, for example 0.5
     * @return the induced subgraph on the kept nodes, channels unchanged
     */
    public static Graph keepExisting(Graph g, double threshold) {
        if (g.nodeDimension() == 0) {
            throw new IllegalArgumentException("graph has no node channels, so no existence"
                    + " channel");
        }
        int channel = g.nodeDimension() - 1;
        int[] kept = new int[g.order()];
        int count = 0;
        for (int i = 0; i < g.order(); i++) {
            if (g.node(i, channel) >= threshold) {
                kept[count++] = i;
            }
        }
        return g.subgraph(Arrays.copyOf(kept, count));
    }
}
