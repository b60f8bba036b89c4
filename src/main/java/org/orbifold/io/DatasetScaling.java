package org.orbifold.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.NodeKernelEmbedding;

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
 * <p>{@link #withGaussianKernel} (or {@link #withNodeKernel}, Gaussian or Laplacian) then
 * maps the scaled attribute channels of each node (all but the existence channel and the
 * dropped ones) through the features of a kernel ({@link NodeKernelEmbedding}), so that a
 * node substitution costs at most about 2 and an unmatched node {@code 1 + e^2}: the capped
 * costs of graph edit distance, in graph space. Its output channels are the kept ones (the
 * existence channel) followed by {@code phi_1 .. phi_D}.
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Limitations.</b> Which attributes to drop, the existence value and the space weights
 * are not fitted here; choose them on a validation split. An existence value of 0 after
 * centring lets a node at the training mean look like padding, and so does one with every
 * attribute dropped, and dropping the one-hot group that starts the node channels leaves every
 * node without a label of it; {@link #apply} then refuses the data set, as {@link GraphDataset}
 * refuses such nodes without an existence channel (apply the scaling to the graphs,
 * {@link AttributeScaling#applyAll}, to use it anyway).
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
        Objects.requireNonNull(train, "train");
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
        Map<String, Double> dropped = new LinkedHashMap<>();
        for (String name : droppedNodeAttributes) {
            dropped.put(name, 0.0);
        }
        scaling = timesAttributeFactors(scaling, train, dropped, Map.of());

        // Existence: re-scale the reader's channel, or append one.
        return existing >= 0 ? scaling.timesNodeFactor(existing, existenceValue)
                : scaling.withExistenceChannel(existenceValue);
    }

    /**
     * Multiplies the factors of whole attributes: every channel of the named node groups
     * ({@link GraphDataset#nodeGroups()}) and edge groups ({@link GraphDataset#edgeGroups()})
     * by the given multiplier. A multiplier {@code m} scales the attribute's values, so its
     * part of a substitution or of an unmatched node's cost is multiplied by {@code m^2}; 0
     * drops the attribute. Use it after {@link #fit} to weigh attribute groups against each
     * other (for IAM Protein: the secondary-structure type against the length and the
     * sequence composition, edge distances against edge types).
     *
     * @param scaling a scaling of the data's channels (for example from {@link #fit}), before
     *     any kernel map
     * @param train the split the scaling was fitted on (for the channel names); not modified
     * @param nodeFactors node attribute name to multiplier (finite, {@code >= 0}); may be
     *     empty
     * @param edgeFactors edge attribute name to multiplier (finite, {@code >= 0}); may be
     *     empty
     * @return the scaling with the multiplied factors
     * @throws IllegalArgumentException if a name is not an attribute of the data, a
     *     multiplier is negative or not finite, or the dimensions differ
     */
    public static AttributeScaling timesAttributeFactors(AttributeScaling scaling,
            GraphDataset train, Map<String, Double> nodeFactors,
            Map<String, Double> edgeFactors) {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(nodeFactors, "nodeFactors");
        Objects.requireNonNull(edgeFactors, "edgeFactors");
        if (scaling.nodeKernel().isPresent()) {
            throw new IllegalArgumentException("set attribute factors before the kernel map: "
                    + scaling);
        }
        if (scaling.nodeDimension() != train.nodeChannels().size()
                || scaling.edgeDimension() != train.edgeChannels().size()) {
            throw new IllegalArgumentException("the scaling expects " + scaling.nodeDimension()
                    + " node and " + scaling.edgeDimension() + " edge channels but the data has "
                    + train.nodeChannels().size() + " and " + train.edgeChannels().size());
        }
        AttributeScaling result = scaling;
        for (Map.Entry<String, Double> f : nodeFactors.entrySet()) {
            ChannelGroup group = group(train.nodeGroups(), f.getKey(), "node");
            for (int c = group.offset(); c < group.offset() + group.size(); c++) {
                result = result.timesNodeFactor(c, f.getValue());
            }
        }
        for (Map.Entry<String, Double> f : edgeFactors.entrySet()) {
            ChannelGroup group = group(train.edgeGroups(), f.getKey(), "edge");
            for (int c = group.offset(); c < group.offset() + group.size(); c++) {
                result = result.timesEdgeFactor(c, f.getValue());
            }
        }
        return result;
    }

    private static ChannelGroup group(List<ChannelGroup> groups, String name, String kind) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " attribute '"
                        + name + "'; the " + kind + " attributes are "
                        + groups.stream().map(ChannelGroup::name).toList()));
    }

    /**
     * Adds a Gaussian kernel feature map to a scaling fitted by {@link #fit} (or any scaling
     * of the data's channels without a kernel): every node channel after the affine change
     * goes into the kernel except the node-existence channel (the reader's or the appended
     * one), which is kept; channels of factor 0 (dropped attributes) are 0 on every node and
     * so add nothing to the features. The frequencies depend only on the bandwidth, the
     * number of features, the sampling and the seed, not on data; the bandwidth is in the
     * units of the scaled channels, so with standardized channels it is in training standard
     * deviations.
     *
     * @param scaling the fitted scaling, without a kernel map
     * @param train the split it was fitted on (for the channel names); not modified
     * @param bandwidth the kernel's {@code sigma}, positive and finite
     * @param features the number of features, even and at least 2
     * @param sampling random (seeded) or Halton frequencies
     * @param seed the seed of random frequencies
     * @return the scaling followed by the kernel map
     * @throws IllegalArgumentException if the scaling does not fit the data's channels,
     *     already has a kernel map, leaves no channel to map, or a kernel value is bad
     */
    public static AttributeScaling withGaussianKernel(AttributeScaling scaling,
            GraphDataset train, double bandwidth, int features,
            NodeKernelEmbedding.Sampling sampling, long seed) {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(sampling, "sampling");
        return withNodeKernel(scaling, train, NodeKernelEmbedding.Kernel.GAUSSIAN, bandwidth,
                features, sampling, seed);
    }

    /**
     * Adds the feature map of a node kernel to a scaling, on the channels chosen as in
     * {@link #withGaussianKernel}: every node channel after the affine change except the
     * node-existence channel. With {@link NodeKernelEmbedding.Kernel#GAUSSIAN} it is
     * {@link #withGaussianKernel}; with {@link NodeKernelEmbedding.Kernel#LAPLACIAN} a node
     * substitution costs about {@code 2 - 2 exp(-||x - y|| / sigma)}, linear in small
     * displacements.
     *
     * @param scaling the fitted scaling, without a kernel map
     * @param train the split it was fitted on (for the channel names); not modified
     * @param kernel the kernel, not null
     * @param bandwidth the kernel's {@code sigma}, positive and finite
     * @param features the number of features, even and at least 2
     * @param sampling random (seeded) or Halton frequencies
     * @param seed the seed of random frequencies
     * @return the scaling followed by the kernel map
     * @throws IllegalArgumentException if the scaling does not fit the data's channels,
     *     already has a kernel map, leaves no channel to map, or a kernel value is bad
     */
    public static AttributeScaling withNodeKernel(AttributeScaling scaling, GraphDataset train,
            NodeKernelEmbedding.Kernel kernel, double bandwidth, int features,
            NodeKernelEmbedding.Sampling sampling, long seed) {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(sampling, "sampling");
        if (scaling.nodeKernel().isPresent()) {
            throw new IllegalArgumentException("the scaling already has a kernel map: "
                    + scaling);
        }
        if (scaling.nodeDimension() != train.nodeChannels().size()) {
            throw new IllegalArgumentException("the scaling expects " + scaling.nodeDimension()
                    + " node channels but the data has " + train.nodeChannels().size());
        }
        int existing = train.nodeChannels().indexOf(NodeExistence.CHANNEL_NAME);
        double[] factors = scaling.nodeFactors();
        List<Integer> inputs = new ArrayList<>();
        boolean anyKept = false;
        for (int c = 0; c < factors.length; c++) {
            if (c != existing) {
                inputs.add(c);
                anyKept |= factors[c] != 0.0;
            }
        }
        if (!anyKept) {
            throw new IllegalArgumentException("no node attribute left for the kernel: the"
                    + " channels are " + train.nodeChannels() + " and the scaling keeps none"
                    + " but the existence channel");
        }
        // Dropped channels are 0 on every node, so they add nothing to the phases.
        NodeKernelEmbedding map = NodeKernelEmbedding.of(kernel,
                scaling.outputNodeDimension(), toArray(inputs), bandwidth, features, sampling,
                seed);
        return scaling.withNodeKernel(map);
    }

    /**
     * Applies a scaling to a dataset, keeping names, classes and the channel names (with the
     * existence channel added when the scaling appends one), and adding a note.
     *
     * @param scaling a transform fitted on the training split of the same encoding
     * @param data any split; not modified
     * @return the transformed dataset
     * @throws IllegalArgumentException if the dimensions differ, or the scaled data breaks
     *     {@link GraphDataset}'s rule of existence (possible with an existence value of 0:
     *     class description, "Limitations")
     */
    public static GraphDataset apply(AttributeScaling scaling, GraphDataset data) {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(data, "data");
        List<String> nodeChannels = new ArrayList<>(data.nodeChannels());
        if (scaling.existenceValue() > 0.0) {
            nodeChannels.add(NodeExistence.CHANNEL_NAME);
        }
        if (scaling.nodeKernel().isPresent()) {
            NodeKernelEmbedding map = scaling.nodeKernel().get();
            List<String> mapped = new ArrayList<>();
            for (int c : map.keptChannels()) {
                mapped.add(nodeChannels.get(c));
            }
            for (int f = 1; f <= map.features(); f++) {
                mapped.add("phi_" + f);
            }
            nodeChannels = mapped;
        }
        List<String> notes = new ArrayList<>(data.notes());
        notes.add("attributes scaled: " + scaling);
        return new GraphDataset(data.name(), scaling.applyAll(data.graphs()),
                data.classLabels(), data.graphNames(), nodeChannels, data.edgeChannels(), notes);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
