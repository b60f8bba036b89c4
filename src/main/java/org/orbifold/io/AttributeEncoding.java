package org.orbifold.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.orbifold.space.Graph;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeExistence;

/**
 * Turns raw graphs into graphs of one attribute space, by the rules of {@code docs/formats.md}:
 * discrete labels become one-hot channels {@code name=label}, numbers become channels named by
 * the attribute, a missing value encodes as zero, an edge-existence channel {@code edge} is
 * appended when some edge would otherwise be all zero (always when edges carry no attribute)
 * or has no label of a leading one-hot group, the node-existence channel when some node is
 * all zero or has no label of a leading one-hot group ({@link Presence#needsChannel}: without
 * the channel, existence and presence would be read as that group's sum), and the graphs are
 * undirected exactly when every raw graph is symmetric. A note names a text attribute that
 * is kept and has a different value on every node (or edge) that has it, when these are at
 * least {@value #MIN_IDENTIFIER_COUNT} and lie in at least two graphs: it acts as an
 * identifier, such as Graphviz's {@code pos}, and makes every graph distinct; it is kept,
 * as nothing is dropped silently. Package-private.
 */
final class AttributeEncoding {

    /** Result of an encoding: the graphs, in input order, with their channel names. */
    record Encoded(List<Graph> graphs, List<String> nodeChannels, List<String> edgeChannels,
            List<String> notes) {
    }

    /**
     * A discrete attribute given as a distribution over labels instead of one label (for
     * example the letter composition of a text): it is encoded in the one-hot channels of its
     * labels, each channel holding its label's weight.
     *
     * @param weights label to weight; labels of all items together form the one-hot group
     */
    record LabelWeights(Map<String, Double> weights) {

        LabelWeights {
            weights = Map.copyOf(weights);
        }
    }

    private AttributeEncoding() {
    }

    /**
     * Says why graphs whose every ordered pair has an equal reverse are undirected: the file
     * listed both directions (TU, or GXL directed edges), wrote each edge once as undirected
     * (a GXL edgemode, a molecule's bonds), or both.
     */
    private static String symmetryReason(List<RawGraph> raw) {
        int directed = 0;
        String undirectedBy = null;
        for (RawGraph g : raw) {
            directed += g.directedListings;
            if (g.undirectedListings > 0 && undirectedBy == null) {
                undirectedBy = g.undirectedBy;
            }
        }
        String listed = "listed in both directions with equal attributes";
        if (undirectedBy == null) {
            return "every edge is " + listed;
        }
        return "every edge is " + undirectedBy + (directed == 0 ? "" : " or " + listed);
    }

    /**
     * Encodes raw graphs.
     *
     * @param raw the graphs; their maps may hold, per attribute, only doubles or only labels
     *     (strings and {@link LabelWeights})
     * @param maxCategories a discrete attribute with more distinct labels is left out (and a
     *     note says so)
     * @return the graphs, channels and notes
     */
    static Encoded encode(List<RawGraph> raw, int maxCategories) {
        return encode(raw, maxCategories, List.of(), List.of());
    }

    /**
     * Says what the graphs' matrices would cost when reading them, which holds them about
     * twice (a graph's encoded rows beside its arrays while it is built, and copies of every
     * graph when the existence channel is added, by the reader or by the command line; a
     * read of 3.2 GB of matrices ran out of a 6 GB heap), would take more than a limit: 8
     * bytes per node and node channel plus 8 bytes per ordered node pair and edge channel of
     * each graph, naming the attribute with the most one-hot channels (a label on nearly every
     * node, such as an id, costs a channel per node). The node channels counted include the
     * existence channel {@link NodeExistence#CHANNEL_NAME} unless the data already has a
     * channel of that name: the reader appends it when a node encodes as all zeros, and
     * otherwise the command line (and the usage that {@code package-info} shows) does, so the
     * count is the one {@code orbifold info} shows. This is a lower bound of the memory that
     * reading takes (the raw attributes come on top), so a read may still run out.
     *
     * @param raw the graphs
     * @param nodeChannels the node channels of the attributes (before the existence channel)
     * @param edgeChannels the edge channels
     * @param limit the bytes available, such as {@link Runtime#maxMemory}
     * @return the message, or null when twice the matrices take at most {@code limit} bytes
     */
    static String memoryShortfall(List<RawGraph> raw, List<String> nodeChannels,
            List<String> edgeChannels, long limit) {
        long nodes = 0;
        double pairs = 0;
        for (RawGraph g : raw) {
            nodes += g.nodes.size();
            pairs += (double) g.nodes.size() * g.nodes.size();
        }
        boolean existence = !nodeChannels.contains(NodeExistence.CHANNEL_NAME);
        int nodeDimension = nodeChannels.size() + (existence ? 1 : 0);
        double nodeBytes = 8.0 * nodes * nodeDimension;
        double edgeBytes = 8.0 * pairs * edgeChannels.size();
        if (2 * (nodeBytes + edgeBytes) <= limit) {
            return null;
        }
        String nodePart = nodes + " nodes times " + nodeDimension + " node channel"
                + (nodeDimension == 1 ? "" : "s")
                + (existence ? " (with the existence channel '" + NodeExistence.CHANNEL_NAME
                + "')" : "") + widest(nodeChannels, nodeDimension, "node");
        String edgePart = String.format(Locale.ROOT, "%.0f", pairs) + " ordered node pairs"
                + " times " + edgeChannels.size() + " edge channel"
                + (edgeChannels.size() == 1 ? "" : "s")
                + widest(edgeChannels, edgeChannels.size(), "edge");
        return "the graphs' matrices would take " + bytes(nodeBytes + edgeBytes) + ", and"
                + " reading them about twice that, more than the " + bytes(limit)
                + " available: 8 bytes for each of "
                + (nodeBytes >= edgeBytes ? nodePart + " (" + bytes(nodeBytes) + "), and of "
                + edgePart + " (" + bytes(edgeBytes) + ")" : edgePart + " (" + bytes(edgeBytes)
                + "), and of " + nodePart + " (" + bytes(nodeBytes) + ")");
    }

    /**
     * Names the attribute with the most one-hot channels {@code name=label} when it has more
     * than half of all {@code total} channels: {@code ", 20000 of them one-hot channels of node
     * attribute 'label'"}.
     */
    private static String widest(List<String> channels, int total, String kind) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String channel : channels) {
            int at = channel.indexOf('=');
            if (at >= 0) {
                counts.merge(channel.substring(0, at), 1, Integer::sum);
            }
        }
        Map.Entry<String, Integer> most = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (most == null || e.getValue() > most.getValue()) {
                most = e;
            }
        }
        if (most == null || 2 * most.getValue() <= total) {
            return "";
        }
        return ", " + most.getValue() + " of them one-hot channels of " + kind + " attribute '"
                + most.getKey() + "', one per distinct label";
    }

    /**
     * A byte count in MB (2^20 bytes) or GB (2^30), as the command line gives the heap's
     * size, such as {@code "3.2 GB"}.
     */
    private static String bytes(double count) {
        return count >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GB", count / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(count / (1L << 20)));
    }

    /**
     * Encodes raw graphs with their node and edge attributes in a given order (the order of
     * their declarations in a file format that declares them), not in order of first
     * appearance.
     *
     * @param raw the graphs, as for {@link #encode(List, int)}
     * @param maxCategories as for {@link #encode(List, int)}
     * @param nodeOrder node attribute names in the order of their channels; attributes not
     *     listed follow in order of first appearance
     * @param edgeOrder edge attribute names, likewise
     * @return the graphs, channels and notes
     * @throws OutOfMemoryError before the graphs are built, when their matrices alone would
     *     take more than the heap's maximum ({@link #memoryShortfall} names the cost)
     */
    static Encoded encode(List<RawGraph> raw, int maxCategories, List<String> nodeOrder,
            List<String> edgeOrder) {
        List<String> notes = new ArrayList<>();

        // Plan the channels: one group per attribute, the ordered ones first, the others in
        // order of first appearance.
        List<Map<String, Object>> nodeItems = new ArrayList<>();
        List<Integer> nodeGraphs = new ArrayList<>();
        boolean symmetric = true;
        String asymmetry = null;
        for (int k = 0; k < raw.size(); k++) {
            RawGraph g = raw.get(k);
            nodeItems.addAll(g.nodes);
            nodeGraphs.addAll(Collections.nCopies(g.nodes.size(), k));
            if (symmetric && !g.isSymmetric()) {
                symmetric = false;
                asymmetry = "graph '" + g.name + "': pair " + g.firstAsymmetricPair();
            }
        }
        List<Map<String, Object>> edgeItems = new ArrayList<>();
        List<Integer> edgeGraphs = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            for (Map.Entry<Long, Map<String, Object>> e : raw.get(k).edges.entrySet()) {
                if (!symmetric || RawGraph.source(e.getKey()) < RawGraph.target(e.getKey())) {
                    edgeItems.add(e.getValue());
                    edgeGraphs.add(k);
                }
            }
        }
        Plan nodePlan = Plan.of(nodeItems, nodeGraphs, maxCategories, "node", nodeOrder, notes);
        Plan edgePlan = Plan.of(edgeItems, edgeGraphs, maxCategories, "edge", edgeOrder, notes);

        // Edge existence: needed when some present edge would encode as all zeros, or has
        // no label of a leading one-hot group, from which presence would otherwise be read.
        boolean edgeChannel = false;
        boolean allZero = false;
        for (int k = 0; k < edgeItems.size() && !allZero; k++) {
            double[] value = edgePlan.encode(edgeItems.get(k));
            allZero = isZero(value);
            edgeChannel |= allZero || Presence.needsChannel(value, edgePlan.channels);
        }
        List<String> edgeChannels = new ArrayList<>(edgePlan.channels);
        if (edgeChannel) {
            edgeChannels.add(GraphDataset.EDGE_CHANNEL);
            notes.add("edge channel '" + GraphDataset.EDGE_CHANNEL + "' = 1 on every edge, since"
                    + (edgePlan.channels.isEmpty() ? " edges carry no attributes"
                    : allZero ? " some edges have all-zero attributes"
                    : gapReason("edge", edgePlan.channels)));
        }
        if (!edgeItems.isEmpty()) {
            notes.add(symmetric ? symmetryReason(raw) + ": graphs read as undirected"
                    : "graphs read as directed, since " + asymmetry);
        }

        // Build the graphs, when their matrices fit the heap.
        List<Graph> graphs = new ArrayList<>(raw.size());
        int edgeDimension = edgeChannels.size();
        String shortfall = memoryShortfall(raw, nodePlan.channels, edgeChannels,
                Runtime.getRuntime().maxMemory());
        if (shortfall != null) {
            throw new OutOfMemoryError(shortfall);
        }
        for (RawGraph g : raw) {
            Graph.Builder builder = Graph.builder(nodePlan.channels.size(), edgeDimension)
                    .directed(!symmetric);
            for (Map<String, Object> node : g.nodes) {
                builder.addNode(nodePlan.encode(node));
            }
            for (Map.Entry<Long, Map<String, Object>> e : g.edges.entrySet()) {
                int i = RawGraph.source(e.getKey());
                int j = RawGraph.target(e.getKey());
                if (!symmetric || i < j) {
                    double[] value = edgePlan.encode(e.getValue());
                    if (edgeChannel) {
                        value = Arrays.copyOf(value, edgeDimension);
                        value[edgeDimension - 1] = 1.0;
                    }
                    builder.addEdge(i, j, value);
                }
            }
            graphs.add(builder.build());
        }

        // Node existence, decided on the data.
        List<String> nodeChannels = new ArrayList<>(nodePlan.channels);
        if (Presence.nodeChannelNeeded(graphs, nodePlan.channels)) {
            boolean zero = NodeExistence.isNeeded(graphs);
            graphs = NodeExistence.append(graphs);
            nodeChannels.add(NodeExistence.CHANNEL_NAME);
            notes.add("node channel '" + NodeExistence.CHANNEL_NAME + "' = 1 on every node, since"
                    + (nodePlan.channels.isEmpty() ? " nodes carry no attributes"
                    : zero ? " some nodes have all-zero attributes"
                    : gapReason("node", nodePlan.channels)));
        }
        return new Encoded(graphs, nodeChannels, edgeChannels, notes);
    }

    /**
     * The end of the note on an existence channel added for a leading one-hot group with
     * gaps: without the channel, existence (presence) would be read as the group's sum.
     */
    private static String gapReason(String kind, List<String> channels) {
        String first = channels.get(0);
        String group = first.substring(0, first.indexOf('='));
        return " some " + kind + "s have no label of the leading one-hot group "
                + JGraphTGraphs.shown(group) + " (missing, encoded as zero), whose sum would"
                + " otherwise be read as the " + (kind.equals("node") ? "existence" : "presence")
                + " of the " + kind;
    }

    /** Returns whether every value is 0: an attribute vector that reads as no edge. */
    static boolean isZero(double[] values) {
        for (double v : values) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fewest nodes (or edges) with a text attribute for the note that its values, all
     * different, make it an identifier; on fewer, all different values are too common by
     * chance.
     */
    static final int MIN_IDENTIFIER_COUNT = 3;

    /** The channel layout of the nodes or of the edges. */
    private static final class Plan {

        final List<String> channels = new ArrayList<>();
        final Map<String, Integer> offsets = new LinkedHashMap<>();
        final Map<String, LabelEncoder> encoders = new LinkedHashMap<>();

        static Plan of(List<Map<String, Object>> items, List<Integer> graphOf,
                int maxCategories, String kind, List<String> order, List<String> notes) {
            Map<String, TreeSet<String>> labels = new LinkedHashMap<>();
            Map<String, Boolean> numeric = new LinkedHashMap<>();
            Map<String, Integer> present = new LinkedHashMap<>();
            Set<String> weighted = new HashSet<>();
            Map<String, Set<Integer>> graphs = new HashMap<>();
            for (int k = 0; k < items.size(); k++) {
                for (Map.Entry<String, Object> a : items.get(k).entrySet()) {
                    boolean isNumber = a.getValue() instanceof Double;
                    Boolean before = numeric.putIfAbsent(a.getKey(), isNumber);
                    if (before != null && before != isNumber) {
                        throw new IllegalStateException("attribute "
                                + JGraphTGraphs.shown(a.getKey()) + " mixes numbers and labels");
                    }
                    present.merge(a.getKey(), 1, Integer::sum);
                    if (!isNumber) {
                        TreeSet<String> seen = labels.computeIfAbsent(a.getKey(),
                                key -> new TreeSet<>());
                        Set<Integer> in = graphs.computeIfAbsent(a.getKey(),
                                key -> new HashSet<>());
                        if (in.size() < 2) {
                            in.add(graphOf.get(k));
                        }
                        if (a.getValue() instanceof LabelWeights w) {
                            seen.addAll(w.weights().keySet());
                            weighted.add(a.getKey());
                        } else {
                            seen.add((String) a.getValue());
                        }
                    }
                }
            }
            Map<String, Boolean> ordered = new LinkedHashMap<>();
            for (String name : order) {
                if (numeric.containsKey(name)) {
                    ordered.put(name, numeric.get(name));
                }
            }
            ordered.putAll(numeric);
            Plan plan = new Plan();
            for (Map.Entry<String, Boolean> a : ordered.entrySet()) {
                String key = a.getKey();
                if (a.getValue()) {
                    plan.offsets.put(key, plan.channels.size());
                    plan.channels.add(key);
                } else if (labels.get(key).isEmpty()) {
                    notes.add(kind + " attribute " + JGraphTGraphs.shown(key)
                            + " left out: no label has weight");
                    continue;
                } else if (labels.get(key).size() > maxCategories) {
                    notes.add(kind + " attribute " + JGraphTGraphs.shown(key) + " left out: it has "
                            + labels.get(key).size() + " distinct labels, more than the "
                            + maxCategories + " a one-hot code allows here");
                    continue;
                } else {
                    LabelEncoder encoder = LabelEncoder.of(labels.get(key));
                    plan.offsets.put(key, plan.channels.size());
                    plan.encoders.put(key, encoder);
                    for (String label : encoder.labels()) {
                        plan.channels.add(key + "=" + label);
                    }
                    int count = present.get(key);
                    if (count >= MIN_IDENTIFIER_COUNT && labels.get(key).size() == count
                            && !weighted.contains(key) && graphs.get(key).size() > 1) {
                        notes.add(identifierNote(kind, key, count));
                    }
                }
                int missing = items.size() - present.get(key);
                if (missing > 0) {
                    notes.add(kind + " attribute " + JGraphTGraphs.shown(key) + " is missing on "
                            + missing + " of "
                            + items.size() + " " + kind + "s and encoded as zero there");
                }
            }
            return plan;
        }

        /**
         * The note on a text attribute whose every value differs: each of its one-hot
         * channels is 1 on one node (or edge) of the whole data set and matches nothing in
         * another graph, so that it adds a distance between any two graphs that have it,
         * even two copies of one graph with other values (such as Graphviz's {@code pos} of
         * two drawings).
         */
        static String identifierNote(String kind, String key, int count) {
            return kind + " attribute " + JGraphTGraphs.shown(key)
                    + " has a different value on each of the "
                    + count + " " + kind + "s that have it, so it acts as an identifier: each of"
                    + " its one-hot channels is 1 on a single " + kind + " and matches nothing"
                    + " in another graph, which makes every graph distinct from every other;"
                    + " remove it from the files unless it is a label";
        }

        double[] encode(Map<String, Object> item) {
            double[] vector = new double[channels.size()];
            for (Map.Entry<String, Object> a : item.entrySet()) {
                Integer offset = offsets.get(a.getKey());
                if (offset == null) {
                    continue;
                }
                LabelEncoder encoder = encoders.get(a.getKey());
                if (encoder == null) {
                    vector[offset] = (Double) a.getValue();
                } else if (a.getValue() instanceof LabelWeights w) {
                    for (Map.Entry<String, Double> label : w.weights().entrySet()) {
                        vector[offset + encoder.indexOf(label.getKey())] = label.getValue();
                    }
                } else {
                    encoder.encode((String) a.getValue(), vector, offset);
                }
            }
            return vector;
        }
    }
}
