package org.orbifold.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.orbifold.space.Graph;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeExistence;

/**
 * A named collection of graphs with equal attribute dimensions, optional class labels, one name
 * per graph, and the names of the node and edge attribute channels.
 *
 * <p><b>Channel names.</b> The readers of this package name channels by the rules of
 * {@code docs/formats.md}, and {@link #nodeGroups()} and {@link #edgeGroups()} rely on them:
 * <ul>
 *   <li>a discrete attribute {@code a} with labels {@code l_1 < ... < l_k} (the order of
 *       {@link LabelEncoder}) becomes the consecutive one-hot channels {@code a=l_1}, ...,
 *       {@code a=l_k};</li>
 *   <li>a numeric attribute {@code a} becomes one channel named {@code a}, a name without
 *       {@code =};</li>
 *   <li>the node-existence channel is named {@link NodeExistence#CHANNEL_NAME} and comes last;
 *       the edge-existence channel is named {@link #EDGE_CHANNEL} and comes last.</li>
 * </ul>
 * The constructor checks that channel names are distinct and that the one-hot channels of each
 * attribute are consecutive and in label-encoder order, so every dataset, however made, can be
 * decoded.
 *
 * <p><b>Existence.</b> The constructor also checks the rule by which the readers add the
 * existence and presence channels ({@link Presence#needsChannel}; {@code docs/formats.md},
 * encoding rules), so that a data set built by hand reads as theirs do: no real node has every
 * attribute 0, which would look like padding (a null node), with or without an existence
 * channel; and when the node channels start with a one-hot group and hold no
 * {@link NodeExistence#CHANNEL_NAME} channel, every real node has a label of that group (a
 * non-zero channel), since existence is then read as the group's sum; likewise every edge has
 * a label of a one-hot group that starts the edge channels unless they hold
 * {@link #EDGE_CHANNEL} (an edge of all zeros is no edge in a {@link Graph}). Where such a
 * group's sum is read as existence or presence, its values must also be 0 or more (a label's
 * weight), since a negative one would cancel a label: node values {@code [1, -1]} have a label
 * but sum to 0. The message names the graph, the node or the edge's nodes, and for a negative
 * weight its value and channel; {@link NodeExistence#append} adds the existence channel.
 *
 * <p><b>Limitations.</b> The values of an existence or presence channel are not checked
 * beyond that rule: a scaling may give the channel any value ({@link DatasetScaling}, 0
 * included), and a node whose other attributes are not all 0 is no padding even where that
 * value is 0, though {@link Presence} then reads the node as absent. Nor are the values of a
 * one-hot group checked to be 0 or 1: weights above 1 (a group scaled by
 * {@link DatasetScaling#timesAttributeFactors}, existence then read as that weight) and label
 * distributions pass, and where the existence or presence channel is there, so that the
 * group's sum is read as nothing, negative values pass too.
 *
 * <p>Instances are immutable and thread-safe: lists are copied into unmodifiable lists.
 *
 * @param name the dataset name, for example {@code MUTAG} or {@code Letter/HIGH/train}
 * @param graphs the graphs; all have {@code nodeChannels.size()} node channels and
 *     {@code edgeChannels.size()} edge channels
 * @param classLabels one class label per graph, or an empty list when the data has no classes
 * @param graphNames one name per graph, for messages and output files
 * @param nodeChannels the names of the node attribute channels
 * @param edgeChannels the names of the edge attribute channels
 * @param notes remarks of the reader about choices it made (directedness, attributes left out,
 *     missing values); empty when there were none
 */
public record GraphDataset(String name, List<Graph> graphs, List<String> classLabels,
        List<String> graphNames, List<String> nodeChannels, List<String> edgeChannels,
        List<String> notes) {

    /** Name of the edge-existence channel: 1 on every edge, so no edge looks like a non-edge. */
    public static final String EDGE_CHANNEL = "edge";

    /**
     * Validates and copies the components.
     *
     * @param name the dataset name, for example {@code MUTAG} or {@code Letter/HIGH/train}
     * @param graphs the graphs; all have {@code nodeChannels.size()} node channels and
     *     {@code edgeChannels.size()} edge channels
     * @param classLabels one class label per graph, or an empty list when the data has no classes
     * @param graphNames one name per graph, for messages and output files
     * @param nodeChannels the names of the node attribute channels
     * @param edgeChannels the names of the edge attribute channels
     * @param notes remarks of the reader about choices it made (directedness, attributes left out,
     *     missing values); empty when there were none
     * @throws IllegalArgumentException if list lengths disagree, a graph's dimensions do not
     *     match the channel name counts, channel names repeat, one-hot channels are not
     *     consecutive and in label-encoder order, or a real node or an edge breaks the rule of
     *     existence (class description), a negative label weight included
     * @throws NullPointerException if a component or an element is null
     */
    public GraphDataset {
        Objects.requireNonNull(graphs, "graphs");
        Objects.requireNonNull(classLabels, "classLabels");
        Objects.requireNonNull(graphNames, "graphNames");
        Objects.requireNonNull(nodeChannels, "nodeChannels");
        Objects.requireNonNull(edgeChannels, "edgeChannels");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(name, "name");
        requireElements(graphs, "graphs");
        requireElements(classLabels, "classLabels");
        requireElements(graphNames, "graphNames");
        requireElements(nodeChannels, "nodeChannels");
        requireElements(edgeChannels, "edgeChannels");
        requireElements(notes, "notes");
        graphs = List.copyOf(graphs);
        classLabels = List.copyOf(classLabels);
        graphNames = List.copyOf(graphNames);
        nodeChannels = List.copyOf(nodeChannels);
        edgeChannels = List.copyOf(edgeChannels);
        notes = List.copyOf(notes);
        if (!classLabels.isEmpty() && classLabels.size() != graphs.size()) {
            throw new IllegalArgumentException("dataset '" + name + "' has "
                    + count(graphs.size(), "graph") + " but "
                    + count(classLabels.size(), "class label"));
        }
        if (graphNames.size() != graphs.size()) {
            throw new IllegalArgumentException("dataset '" + name + "' has "
                    + count(graphs.size(), "graph") + " but "
                    + count(graphNames.size(), "graph name"));
        }
        for (int k = 0; k < graphs.size(); k++) {
            Graph g = graphs.get(k);
            if (g.nodeDimension() != nodeChannels.size()
                    || g.edgeDimension() != edgeChannels.size()) {
                throw new IllegalArgumentException("graph " + k + " ('" + graphNames.get(k)
                        + "') has node dimension " + g.nodeDimension() + " and edge dimension "
                        + g.edgeDimension() + ", expected " + nodeChannels.size() + " and "
                        + edgeChannels.size() + " as the channel names say");
            }
        }
        List<ChannelGroup> nodeGroups = groupsOf(nodeChannels, "node");
        List<ChannelGroup> edgeGroups = groupsOf(edgeChannels, "edge");
        for (int k = 0; k < graphs.size(); k++) {
            checkPresence(graphs.get(k), k, graphNames.get(k), nodeChannels, nodeGroups,
                    edgeChannels, edgeGroups);
        }
    }

    /**
     * Creates a dataset without reader notes.
     *
     * @param name the dataset name
     * @param graphs the graphs
     * @param classLabels one class label per graph, or an empty list
     * @param graphNames one name per graph
     * @param nodeChannels the node channel names
     * @param edgeChannels the edge channel names
     */
    public GraphDataset(String name, List<Graph> graphs, List<String> classLabels,
            List<String> graphNames, List<String> nodeChannels, List<String> edgeChannels) {
        this(name, graphs, classLabels, graphNames, nodeChannels, edgeChannels, List.of());
    }

    /**
     * Returns the number of graphs.
     *
     * @return the number of graphs
     */
    public int size() {
        return graphs.size();
    }

    /**
     * Returns whether every graph has a class label.
     *
     * @return whether every graph has a class label
     */
    public boolean hasClasses() {
        return !classLabels.isEmpty();
    }

    /**
     * Returns whether some graph is directed (the readers make all graphs agree).
     *
     * @return whether some graph is directed (the readers make all graphs agree)
     */
    public boolean isDirected() {
        for (Graph g : graphs) {
            if (g.isDirected()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the distinct class labels in {@link LabelEncoder} order (numeric when every label
     * is an integer, else lexicographic; distinct strings are distinct classes, so {@code 1}
     * and {@code 01} are two).
     *
     * @return the classes, empty when the data has no classes
     */
    public List<String> classes() {
        return LabelEncoder.of(classLabels).labels();
    }

    /**
     * Returns the graphs of one class, with their names, channels and notes.
     *
     * @param label a class label of this dataset
     * @return the sub-dataset named {@code name + "[" + label + "]"}
     * @throws IllegalArgumentException if the label is not a class of this dataset
     */
    public GraphDataset ofClass(String label) {
        Objects.requireNonNull(label, "label");
        List<String> known = classes();
        if (!known.contains(label)) {
            throw new IllegalArgumentException("dataset '" + name + "' has no class '" + label
                    + "'; its classes are " + known);
        }
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            if (classLabels.get(k).equals(label)) {
                kept.add(k);
            }
        }
        return select(name + "[" + label + "]", kept);
    }

    /**
     * Returns the graphs at the given indices, in that order (repeats allowed).
     *
     * @param indices graph indices in {@code 0..size()-1}
     * @return the sub-dataset, with the same name, channels and notes
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public GraphDataset subset(int... indices) {
        Objects.requireNonNull(indices, "indices");
        List<Integer> kept = new ArrayList<>(indices.length);
        for (int index : indices) {
            Objects.checkIndex(index, graphs.size());
            kept.add(index);
        }
        return select(name, kept);
    }

    /**
     * Returns this dataset with every class label replaced by {@code mapping.apply(label)}, for
     * example to merge classes (IAM Fingerprint's 4-class task maps a label to its first
     * character, with {@code T} read as {@code A}).
     *
     * @param mapping maps a class label to a non-null new label
     * @return the relabelled dataset
     * @throws IllegalStateException if the dataset has no classes
     */
    public GraphDataset mapClasses(UnaryOperator<String> mapping) {
        Objects.requireNonNull(mapping, "mapping");
        if (!hasClasses()) {
            throw new IllegalStateException("dataset '" + name + "' has no class labels to map");
        }
        List<String> mapped = new ArrayList<>(classLabels.size());
        for (String label : classLabels) {
            mapped.add(Objects.requireNonNull(mapping.apply(label), "mapped label"));
        }
        return new GraphDataset(name, graphs, mapped, graphNames, nodeChannels, edgeChannels,
                notes);
    }

    /**
     * Returns this dataset with more notes after its own, everything else the same.
     *
     * @param more the notes to add, in order
     * @return the dataset with the notes added
     */
    public GraphDataset withNotes(List<String> more) {
        Objects.requireNonNull(more, "more");
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new GraphDataset(name, graphs, classLabels, graphNames, nodeChannels,
                edgeChannels, all);
    }

    /**
     * Returns the groups of node channels, one per source attribute, in channel order.
     *
     * @return the groups of node channels, one per source attribute, in channel order
     */
    public List<ChannelGroup> nodeGroups() {
        return groupsOf(nodeChannels, "node");
    }

    /**
     * Returns the groups of edge channels, one per source attribute, in channel order.
     *
     * @return the groups of edge channels, one per source attribute, in channel order
     */
    public List<ChannelGroup> edgeGroups() {
        return groupsOf(edgeChannels, "edge");
    }

    private GraphDataset select(String newName, List<Integer> kept) {
        List<Graph> g = new ArrayList<>(kept.size());
        List<String> labels = new ArrayList<>(kept.size());
        List<String> names = new ArrayList<>(kept.size());
        for (int k : kept) {
            g.add(graphs.get(k));
            names.add(graphNames.get(k));
            if (hasClasses()) {
                labels.add(classLabels.get(k));
            }
        }
        return new GraphDataset(newName, g, labels, names, nodeChannels, edgeChannels, notes);
    }

    /**
     * Splits channel names into groups, checking the rules of the class Javadoc.
     *
     * @param channels the node or edge channel names
     * @param kind "node" or "edge", for messages
     * @return the groups in channel order
     * @throws IllegalArgumentException if the names break the rules
     */
    static List<ChannelGroup> groupsOf(List<String> channels, String kind) {
        List<ChannelGroup> groups = new ArrayList<>();
        Set<String> seenNames = new HashSet<>();
        Set<String> seenGroups = new HashSet<>();
        int c = 0;
        while (c < channels.size()) {
            String channel = channels.get(c);
            if (!seenNames.add(channel)) {
                throw new IllegalArgumentException(kind + " channel name '" + channel
                        + "' occurs twice");
            }
            int eq = channel.indexOf('=');
            String group = eq < 0 ? channel : channel.substring(0, eq);
            if (!seenGroups.add(group)) {
                throw new IllegalArgumentException(kind + " channel '" + channel + "' at " + c
                        + " repeats the attribute '" + group + "' of an earlier channel group");
            }
            if (eq < 0) {
                groups.add(new ChannelGroup(group, c, null));
                c++;
                continue;
            }

            // One-hot group: the run of channels "group=label" starting here.
            int start = c;
            List<String> labels = new ArrayList<>();
            while (c < channels.size() && channels.get(c).startsWith(group + "=")) {
                if (c > start && !seenNames.add(channels.get(c))) {
                    throw new IllegalArgumentException(kind + " channel name '"
                            + channels.get(c) + "' occurs twice");
                }
                labels.add(channels.get(c).substring(eq + 1));
                c++;
            }
            LabelEncoder encoder = LabelEncoder.of(labels);
            if (!encoder.labels().equals(labels)) {
                throw new IllegalArgumentException("one-hot " + kind + " channels of '" + group
                        + "' are in the order " + labels + ", expected the label-encoder order "
                        + encoder.labels());
            }
            groups.add(new ChannelGroup(group, start, encoder));
        }
        return List.copyOf(groups);
    }

    /** Refuses a null element, naming the list and its index ({@code graphs[1]}). */
    private static void requireElements(List<?> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), name + "[" + i + "]");
        }
    }

    /**
     * Checks the rule of the readers' encoding ({@link Presence#needsChannel}) on one graph:
     * no real node is all zeros, which would look like padding; and, unless the node channels
     * hold the existence channel, every real node has a label of a one-hot group that starts
     * the node channels, whose sum would otherwise be read as its existence; likewise every
     * edge has a label of a one-hot group that starts the edge channels unless they hold the
     * presence channel (an edge of all zeros is no edge in a {@link Graph}); the values of a
     * group read so are 0 or more.
     *
     * @throws IllegalArgumentException naming the graph and the node or edge that breaks it
     */
    private static void checkPresence(Graph g, int k, String graphName, List<String> nodeChannels,
            List<ChannelGroup> nodeGroups, List<String> edgeChannels,
            List<ChannelGroup> edgeGroups) {
        String graph = "graph " + k + " ('" + graphName + "')";
        boolean existence = nodeChannels.contains(NodeExistence.CHANNEL_NAME);
        for (int i = 0; i < g.order(); i++) {
            double[] vector = g.nodeVector(i);
            if (allZero(vector, 0, vector.length)) {
                throw new IllegalArgumentException(graph + " has node " + i + " with every"
                        + " attribute 0" + (existence ? ", its existence channel '"
                        + NodeExistence.CHANNEL_NAME + "' too" : "") + ", so it looks like"
                        + " padding (a null node); " + (existence ? "give it existence 1, as"
                        + " the readers do" : "append the node-existence channel '"
                        + NodeExistence.CHANNEL_NAME + "', 1 on every real node"
                        + " (NodeExistence.append), as the readers do"));
            }
            if (!existence && !nodeGroups.isEmpty() && nodeGroups.get(0).isOneHot()) {
                ChannelGroup group = nodeGroups.get(0);
                for (int c = group.offset(); c < group.offset() + group.size(); c++) {
                    if (!(vector[c] >= 0.0)) {
                        throw negativeLabelWeight(graph + " has node " + i, vector[c],
                                nodeChannels.get(c), group, "node channels",
                                "a node's existence", "the node-existence channel '"
                                + NodeExistence.CHANNEL_NAME + "', 1 on every real node"
                                + " (NodeExistence.append)");
                    }
                }
            }
            if (!existence && Presence.needsChannel(vector, nodeChannels)) {
                throw new IllegalArgumentException(graph + " has node " + i + " with no label"
                        + " of the one-hot group '" + nodeGroups.get(0).name() + "' that starts"
                        + " the node channels (all its channels 0), whose sum is read as a"
                        + " node's existence, so the node would count as absent; append the"
                        + " node-existence channel '" + NodeExistence.CHANNEL_NAME + "', 1 on"
                        + " every real node (NodeExistence.append), as the readers do");
            }
        }
        if (edgeChannels.contains(EDGE_CHANNEL) || edgeGroups.isEmpty()
                || !edgeGroups.get(0).isOneHot()) {
            return;
        }
        ChannelGroup leading = edgeGroups.get(0);
        for (int i = 0; i < g.order(); i++) {
            for (int s = 0; s < g.outDegree(i); s++) {
                int j = g.successor(i, s);
                if (!g.isDirected() && j < i) {
                    continue;
                }
                double sum = 0.0;
                for (int c = leading.offset(); c < leading.offset() + leading.size(); c++) {
                    double value = g.edge(i, j, c);
                    if (!(value >= 0.0)) {
                        throw negativeLabelWeight(graph + " has the edge from node " + i
                                + " to node " + j, value, edgeChannels.get(c), leading,
                                "edge channels", "an edge's presence", "the edge-presence"
                                + " channel '" + EDGE_CHANNEL + "', 1 on every edge");
                    }
                    sum += value;
                }
                if (sum == 0.0) {
                    throw new IllegalArgumentException(graph + " has the edge from node " + i
                            + " to node " + j + " with no label of the one-hot group '"
                            + leading.name() + "' that starts the edge channels (all its"
                            + " channels 0), whose sum is read as an edge's presence, so the"
                            + " edge would count as absent; append the edge-presence channel '"
                            + EDGE_CHANNEL + "', 1 on every edge, as the readers do");
                }
            }
        }
    }

    /**
     * The refusal of a negative value in the one-hot group that starts the channels when its
     * sum is read as existence or presence: a label's weight is 0 or more, and a negative one
     * would cancel a label ({@code [1, -1]} sums to 0, an absent node) or read as a
     * probability below another's. Built only on failure, so that the check of every node and
     * edge of a valid data set composes no message.
     *
     * @param place the graph and the node or edge
     * @param value the negative value (or NaN)
     * @param channel the name of its channel
     * @param group the leading one-hot group
     * @param kind "node channels" or "edge channels"
     * @param reading what the group's sum is read as
     * @param remedy the channel that would be read instead
     */
    private static IllegalArgumentException negativeLabelWeight(String place, double value,
            String channel, ChannelGroup group, String kind, String reading, String remedy) {
        return new IllegalArgumentException(place + " with the value " + value + " in the"
                + " channel '" + channel + "' of the one-hot group '" + group.name() + "' that"
                + " starts the " + kind + ", whose sum is read as " + reading + "; a label's"
                + " weight must be 0 or more (the readers write 1 for the label, 0 for the"
                + " others), else labels cancel in the sum; give it such a weight, or append "
                + remedy);
    }

    private static boolean allZero(double[] vector, int from, int length) {
        for (int c = from; c < from + length; c++) {
            if (vector[c] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the count with the noun, an "s" added unless it is 1: "1 graph", "2 graphs". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
