package org.orbifold.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(graphs, "graphs");
        for (int k = 0; k < graphs.size(); k++) {
            Graph g = Objects.requireNonNull(graphs.get(k), "graphs[" + k + "]");
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
     * @throws NullPointerException if {@code graphs} or a graph is null, naming it
     *     ({@code graphs[2]})
     */
    public static List<Graph> append(List<Graph> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        List<Graph> result = new ArrayList<>(graphs.size());
        for (int k = 0; k < graphs.size(); k++) {
            result.add(Objects.requireNonNull(graphs.get(k), "graphs[" + k + "]")
                    .withNodeChannel(1.0));
        }
        return result;
    }

    /**
     * Returns the graph restricted to the nodes whose existence value is at least
     * {@code threshold}, the usual way to read a mean graph as one graph.
     *
     * <p>The kept nodes keep their raw values: on a mean, each attribute is diluted by the
     * graphs without the node (they count 0), so a node that half the graphs have at
     * {@code x = 10} keeps {@code x = 5}; divide by the existence value for the attribute
     * given that the node exists, as {@code io.Presence.given} and the command line's center
     * reports do.
     *
     * <p>The existence value of a node is its last node channel, whatever that channel holds:
     * the method cannot tell an existence channel from an ordinary attribute, so on a graph
     * without one (no {@link #append}, and no channel {@value #CHANNEL_NAME} from a reader) it
     * filters by the last attribute, which is rarely meant; a graph without node channels is
     * refused. The existence values of graphs with the channel, and of their means and
     * medians, lie in {@code [0, 1]}, so the threshold must lie in {@code (0, 1]}: 0 or less
     * would keep the padding nodes, whose value is 0, and above 1 keeps no node.
     *
     * @param g a graph whose last node channel is the existence channel
     * @param threshold the smallest existence value kept, in {@code (0, 1]}, for example 0.5
     * @return the induced subgraph on the kept nodes, channels unchanged
     * @throws IllegalArgumentException if the graph has no node channel or the threshold is
     *     NaN or outside {@code (0, 1]}
     */
    public static Graph keepExisting(Graph g, double threshold) {
        Objects.requireNonNull(g, "g");
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("existence threshold " + threshold
                    + " is not in (0, 1]: existence values lie in [0, 1], 0 is padding");
        }
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
