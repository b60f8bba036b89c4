package org.orbifold.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.NodeExistence;

/**
 * Fits and applies an {@link AttributeScaling} by the channel names of a {@link GraphDataset}:
 * the numeric channels (a group that is not one-hot) are standardized, one-hot label channels
 * are left as they are, and the node-existence channel gets a chosen value. This is the
 * preprocessing that brings graph-space k-NN close to graph edit distance on IAM Letter
 * ({@code docs/results.md}, section 6, "Closing the gap to the IAM reference").
 *
 * <p>Rules of {@link #fit}: every numeric node channel except {@link NodeExistence#CHANNEL_NAME}
 * is centred on its training mean and divided by its training standard deviation; every
 * numeric edge channel except {@link GraphDataset#EDGE_CHANNEL} is divided by its root mean
 * square over the training edges; the attributes named in {@code droppedNodeAttributes} (all
 * channels of their group) get factor 0; finally the reader's existence channel, when there is
 * one, is multiplied by {@code existenceValue}, otherwise an existence channel of that value is
 * appended (none when it is 0).
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Limitations.</b> Which attributes to drop, the existence value and the space weights
 * are not fitted here; choose them on a validation split. An existence value of 0 after
 * centring lets a node at the training mean look like padding.
 */
public final class DatasetScaling {

    private DatasetScaling() {
    }

    /**
     * Fits the scaling on a training split.
     *
     * @param train the training split; not modified
     * @param existenceValue value of the node-existence channel, finite and {@code >= 0}
     * @param droppedNodeAttributes node attribute names (group names of
     *     {@link GraphDataset#nodeGroups()}) whose channels get factor 0; may be empty
     * @return the fitted transform, to apply to every split with {@link #apply}
     * @throws IllegalArgumentException if a dropped name is not a node attribute of the data,
     *     the existence value is negative, or the split has no node
     */
    public static AttributeScaling fit(GraphDataset train, double existenceValue,
            Collection<String> droppedNodeAttributes) {
        Objects.requireNonNull(droppedNodeAttributes, "droppedNodeAttributes");
        int existing = train.nodeChannels().indexOf(NodeExistence.CHANNEL_NAME);

        // Numeric channels: standardized on nodes, normalized on edges.
        List<Integer> nodes = new ArrayList<>();
        for (ChannelGroup g : train.nodeGroups()) {
            if (!g.isOneHot() && g.offset() != existing) {
                nodes.add(g.offset());
            }
        }
        List<Integer> edges = new ArrayList<>();
        for (ChannelGroup g : train.edgeGroups()) {
            if (!g.isOneHot() && !g.name().equals(GraphDataset.EDGE_CHANNEL)) {
                edges.add(g.offset());
            }
        }
        AttributeScaling scaling = AttributeScaling.fit(train.graphs(), toArray(nodes),
                toArray(edges));

        // Dropped attributes: every channel of the group.
        for (String name : droppedNodeAttributes) {
            ChannelGroup group = train.nodeGroups().stream()
                    .filter(g -> g.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no node attribute '" + name
                            + "' to drop; the node attributes are " + groupNames(train)));
            for (int c = group.offset(); c < group.offset() + group.size(); c++) {
                scaling = scaling.timesNodeFactor(c, 0.0);
            }
        }

        // Existence: re-scale the reader's channel, or append one.
        return existing >= 0 ? scaling.timesNodeFactor(existing, existenceValue)
                : scaling.withExistenceChannel(existenceValue);
    }

    /**
     * Applies a scaling to a dataset, keeping names, classes and the channel names (with the
     * existence channel added when the scaling appends one), and adding a note.
     *
     * @param scaling a transform fitted on the training split of the same encoding
     * @param data any split; not modified
     * @return the transformed dataset
     * @throws IllegalArgumentException if the dimensions differ
     */
    public static GraphDataset apply(AttributeScaling scaling, GraphDataset data) {
        List<String> nodeChannels = new ArrayList<>(data.nodeChannels());
        if (scaling.outputNodeDimension() > scaling.nodeDimension()) {
            nodeChannels.add(NodeExistence.CHANNEL_NAME);
        }
        List<String> notes = new ArrayList<>(data.notes());
        notes.add("attributes scaled: " + scaling);
        return new GraphDataset(data.name(), scaling.applyAll(data.graphs()),
                data.classLabels(), data.graphNames(), nodeChannels, data.edgeChannels(), notes);
    }

    private static List<String> groupNames(GraphDataset data) {
        return data.nodeGroups().stream().map(ChannelGroup::name).toList();
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
