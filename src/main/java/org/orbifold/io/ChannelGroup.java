package org.orbifold.io;

import java.util.Objects;
import org.orbifold.space.LabelEncoder;

/**
 * A run of consecutive attribute channels that encode one attribute of the source data: either
 * a single numeric channel (an attribute such as {@code x}, or the existence channel) or the
 * one-hot channels {@code name=label} of a discrete attribute, in the order of the attribute's
 * {@link LabelEncoder}. Groups let a caller read a label distribution of a mean graph back as a
 * label, see {@link #decode(double[])}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the attribute name: the channel name of a numeric channel, the part before
 *     {@code =} of one-hot channels
 * @param offset index of the group's first channel in the node or edge attribute vector
 * @param encoder the label encoder of a one-hot group, {@code null} for a numeric channel
 */
public record ChannelGroup(String name, int offset, LabelEncoder encoder) {

    /**
     * Validates the group.
     *
     * @param name the attribute name: the channel name of a numeric channel, the part before
     *     {@code =} of one-hot channels
     * @param offset index of the group's first channel in the node or edge attribute vector
     * @param encoder the label encoder of a one-hot group, {@code null} for a numeric channel
     * @throws IllegalArgumentException if the offset is negative
     */
    public ChannelGroup {
        Objects.requireNonNull(name, "name");
        if (offset < 0) {
            throw new IllegalArgumentException("channel offset must be >= 0, got " + offset);
        }
    }

    /**
     * Returns whether the group is a one-hot encoded discrete attribute.
     *
     * @return whether the group is a one-hot encoded discrete attribute
     */
    public boolean isOneHot() {
        return encoder != null;
    }

    /**
     * Returns the number of channels of the group: 1 for numeric, the label count if one-hot.
     *
     * @return the number of channels of the group: 1 for numeric, the label count if one-hot
     */
    public int size() {
        return encoder == null ? 1 : encoder.size();
    }

    /**
     * Returns the most likely label of a one-hot group in an attribute vector, the label with
     * the largest channel value (the first on ties), or, for a numeric group, the value as text.
     *
     * @param vector a node or edge attribute vector of the dataset; not modified
     * @return the decoded label, or the numeric value written with {@link Double#toString}
     * @throws IllegalArgumentException if the vector is too short for this group
     */
    public String decode(double[] vector) {
        Objects.requireNonNull(vector, "vector");
        if (vector.length < offset + size()) {
            throw new IllegalArgumentException("attribute vector of length " + vector.length
                    + " has no channels " + offset + ".." + (offset + size() - 1) + " for '"
                    + name + "'");
        }
        return encoder == null ? Double.toString(vector[offset]) : encoder.decode(vector, offset);
    }
}
