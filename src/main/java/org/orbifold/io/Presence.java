package org.orbifold.io;

import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/**
 * How a node's existence or an edge's presence is read from its attribute vector, by the
 * channel names of {@link GraphDataset}: the sum of the channels
 * {@code offset .. offset + size - 1}, or, when {@code size} is 0, the sum of the absolute
 * values of all channels. On a center graph (a Fréchet mean or median) the value reads as a
 * probability when it comes from an existence channel or a one-hot group.
 *
 * <p>A node's existence is the {@link NodeExistence#CHANNEL_NAME} channel, else the sum of a
 * leading one-hot group (the probability that the node has some label), else 1
 * ({@link #NONE}). An edge's presence is the {@link GraphDataset#EDGE_CHANNEL} channel (the
 * probability of an edge), else the sum of a leading one-hot group (the probability that some
 * edge label, such as some bond, is present), else only a norm ({@link #NORM}): the sum of the
 * absolute values of the edge channels, which is no probability (a mean bond valence of 1.7 is
 * not a likelihood). The readers add the existence channel (the presence channel) whenever
 * some real node (edge) has none of the labels of a leading one-hot group
 * ({@link #needsChannel}), so a reader's data set never has existence or presence read from a
 * group in which a real node or edge sums to 0; a data set built otherwise should follow the
 * same rule.
 *
 * <p><b>Attributes given presence.</b> On a center graph every channel of a node is an average
 * in which the graphs without a real node there count 0 (a null node is all zeros), so a
 * node at {@code x = 10} in half the graphs has {@code x = 5}, and its existence is 0.5.
 * {@link #given} undoes that dilution when the value is a probability: it divides every
 * channel by the node's existence (or an edge's channels by its presence), which for a
 * weighted average of aligned graphs is exactly the average over the graphs in which the node
 * (edge) is real, with the same relative weights, and for a one-hot group the probability of
 * each label given that the node (edge) exists. A graph that is no such average (a point of
 * a principal geodesic, a regression's prediction) gets the same division, as a reading of
 * its linear model, which may fall outside the data's range where existence is small.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param measure {@link #PROBABILITY}, {@link #NORM}, or {@link #NONE} when every node counts
 *     as present
 * @param source what the value is computed from, for output
 * @param offset the first channel summed
 * @param size the number of channels summed; 0 for the sum of all absolute values
 */
public record Presence(String measure, String source, int offset, int size) {

    /** Measure of a presence value that is a probability. */
    public static final String PROBABILITY = "probability";

    /** Measure of a presence value that is only a norm. */
    public static final String NORM = "norm";

    /** Measure when nothing marks existence: every node counts as present. */
    public static final String NONE = "none";

    /**
     * Least presence value that {@link #given} divides by: below it the node or edge counts
     * as absent (a center's value there is at most rounding noise, or a node no drawing
     * shows, at an opacity of 0), and no attribute is given.
     */
    public static final double LEAST_DIVISOR = 1e-12;

    /** Separator between group and label in the name of a one-hot channel. */
    public static final String GROUP_SEPARATOR = "=";

    /**
     * Validates the components.
     *
     * @param measure {@link #PROBABILITY}, {@link #NORM}, or {@link #NONE} when every node counts
     *     as present
     * @param source what the value is computed from, for output
     * @param offset the first channel summed
     * @param size the number of channels summed; 0 for the sum of all absolute values
     * @throws IllegalArgumentException if the measure is none of the three, or the offset or
     *     the size is negative
     */
    public Presence {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(source, "source");
        if (!List.of(PROBABILITY, NORM, NONE).contains(measure)) {
            throw new IllegalArgumentException("measure must be " + PROBABILITY + ", " + NORM
                    + " or " + NONE + ", got " + measure);
        }
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("offset and size must be >= 0, got " + offset
                    + " and " + size);
        }
    }

    /**
     * Returns how node existence is read from the node channels.
     *
     * @param channels the node channel names
     * @return the reading
     */
    public static Presence nodeExistence(List<String> channels) {
        Objects.requireNonNull(channels, "channels");
        int c = channels.lastIndexOf(NodeExistence.CHANNEL_NAME);
        if (c >= 0) {
            return new Presence(PROBABILITY, "channel '" + NodeExistence.CHANNEL_NAME + "'", c,
                    1);
        }
        int size = leadingGroupSize(channels);
        if (size > 0) {
            return new Presence(PROBABILITY, "sum of the one-hot group '" + group(channels.get(0))
                    + "': the probability of a node with some label", 0, size);
        }
        return new Presence(NONE, "no existence channel: every node counts as present", 0, 0);
    }

    /**
     * Returns how edge presence is read from the edge channels.
     *
     * @param channels the edge channel names
     * @return the reading
     */
    public static Presence edgePresence(List<String> channels) {
        Objects.requireNonNull(channels, "channels");
        int c = channels.lastIndexOf(GraphDataset.EDGE_CHANNEL);
        if (c >= 0) {
            return new Presence(PROBABILITY, "channel '" + GraphDataset.EDGE_CHANNEL + "'", c,
                    1);
        }
        int size = leadingGroupSize(channels);
        if (size > 0) {
            return new Presence(PROBABILITY, "sum of the one-hot group '" + group(channels.get(0))
                    + "': the probability of an edge with some label", 0, size);
        }
        String norm = channels.size() == 1 ? "|" + channels.get(0) + "|"
                : "sum of |values| over the edge channels";
        return new Presence(NORM, norm + " (not a probability)", 0, 0);
    }

    /**
     * Returns whether a real node or edge with this attribute vector needs an existence
     * channel ({@link NodeExistence#CHANNEL_NAME} on nodes, {@link GraphDataset#EDGE_CHANNEL}
     * on edges) to be read as present: when the vector is all zeros (it would look like
     * padding, or like no edge), or when the channels start with a one-hot group and the
     * vector has none of its labels, every channel of the group 0 (a missing label encodes
     * so), since without the channel {@link #nodeExistence} and {@link #edgePresence} read
     * existence or presence as that group's sum, which would call the node or edge absent.
     * The readers add the channel when this holds for some real node (edge) of the data, so
     * that existence and presence are never read from a group with such gaps.
     *
     * @param vector the attribute vector of a real node or edge, without an existence
     *     channel; not modified
     * @param channels the names of the vector's channels
     * @return whether the data needs the existence channel for this node or edge
     * @throws IllegalArgumentException if the vector and the names differ in length
     */
    public static boolean needsChannel(double[] vector, List<String> channels) {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(channels, "channels");
        if (vector.length != channels.size()) {
            throw new IllegalArgumentException("vector has "
                    + GraphDataset.count(vector.length, "channel") + " but "
                    + GraphDataset.count(channels.size(), "name"));
        }
        int size = leadingGroupSize(channels);
        int end = size > 0 ? size : vector.length;
        for (int c = 0; c < end; c++) {
            if (vector[c] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether some real node of the graphs needs the node-existence channel, by
     * {@link #needsChannel}: some node is all zeros (exactly when
     * {@link NodeExistence#isNeeded} holds), or the node channels start with a one-hot
     * group and some node has none of its labels.
     *
     * @param graphs graphs whose nodes have the channels {@code channels}
     * @param channels the node channel names, without an existence channel
     * @return whether the node-existence channel is needed
     * @throws IllegalArgumentException if a graph's node dimension differs from the number of
     *     names
     */
    public static boolean nodeChannelNeeded(List<Graph> graphs, List<String> channels) {
        Objects.requireNonNull(graphs, "graphs");
        Objects.requireNonNull(channels, "channels");
        for (Graph g : graphs) {
            for (int i = 0; i < g.order(); i++) {
                if (needsChannel(g.nodeVector(i), channels)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the presence value of an attribute vector.
     *
     * @param vector a node or edge attribute vector with the channels this reading was made
     *     for; not modified
     * @return the value: a sum of channels, a sum of absolute values, or 1 for {@link #NONE}
     */
    public double of(double[] vector) {
        Objects.requireNonNull(vector, "vector");
        if (measure.equals(NONE)) {
            return 1.0;
        }
        double sum = 0.0;
        if (size == 0) {
            for (double v : vector) {
                sum += Math.abs(v);
            }
            return sum;
        }
        for (int c = offset; c < offset + size; c++) {
            sum += vector[c];
        }
        return sum;
    }

    /**
     * Returns the attribute vector given that the node exists (or the edge is present): when
     * the value is a probability ({@link #isProbability}), a new vector of every channel
     * divided by the value {@link #of} the vector, so that the existence channel, or the
     * leading one-hot group's sum, becomes 1; otherwise (a norm, or no existence channel) a
     * copy of the vector as it is. See the class description for what the quotient means.
     *
     * @param vector a node or edge attribute vector with the channels this reading was made
     *     for; not modified
     * @return the vector given presence, or null when the value is a probability below
     *     {@link #LEAST_DIVISOR} (or NaN): nothing is given about an absent node or edge
     */
    public double[] given(double[] vector) {
        Objects.requireNonNull(vector, "vector");
        double[] result = vector.clone();
        if (!isProbability()) {
            return result;
        }
        double p = of(vector);
        if (!(p >= LEAST_DIVISOR)) {
            return null;
        }
        for (int c = 0; c < result.length; c++) {
            result[c] /= p;
        }
        return result;
    }

    /**
     * Returns whether the value is a probability (and not a norm or a constant).
     *
     * @return whether the value is a probability (and not a norm or a constant)
     */
    public boolean isProbability() {
        return measure.equals(PROBABILITY);
    }

    /**
     * Writes the measure and its source as a JSON object.
     *
     * @param json the writer, positioned where a value may follow
     */
    public void write(JsonWriter json) {
        Objects.requireNonNull(json, "json");
        json.beginObject().name("measure").value(measure).name("source").value(source)
                .endObject();
    }

    /** Returns the number of channels of the one-hot group that starts the list, or 0. */
    private static int leadingGroupSize(List<String> channels) {
        if (channels.isEmpty() || !channels.get(0).contains(GROUP_SEPARATOR)) {
            return 0;
        }
        String prefix = group(channels.get(0)) + GROUP_SEPARATOR;
        int size = 0;
        while (size < channels.size() && channels.get(size).startsWith(prefix)) {
            size++;
        }
        return size;
    }

    private static String group(String channel) {
        return channel.substring(0, channel.indexOf(GROUP_SEPARATOR));
    }
}
