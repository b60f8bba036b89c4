package org.orbifold.space;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A per-channel affine change of the attribute coordinates, applied to every graph of a data
 * set before it enters a {@link GraphSpace}: node channel {@code c} becomes
 * {@code (x_c - offset_c) * factor_c}, edge channel {@code c} becomes {@code x_c * factor_c},
 * and, optionally, a node-existence channel of a chosen value {@code e} is appended to every
 * real node.
 *
 * <p><b>Why.</b> In graph space a node without a partner is matched with a null (all-zero)
 * node, so it costs {@code w_node ||x_ii||^2}. With raw coordinates, such as the pen positions
 * of IAM Letter, that cost depends on where the node lies relative to the origin, whereas graph
 * edit distance (Riesen and Bunke 2008, "IAM Graph Database Repository for Graph Based Pattern
 * Recognition and Machine Learning", SSPR&amp;SPR, LNCS 5342, pp. 287-297,
 * doi:10.1007/978-3-540-89689-0_33) charges a constant for deleting or inserting a node.
 * Centring the coordinates on the training mean and dividing by their standard deviation
 * ({@link #standardize}) makes the cost of an unmatched node
 * {@code w_node (||z||^2 + e^2)}: the squared standardized distance from the typical node
 * position plus a constant {@code e^2} that the existence channel contributes and that the
 * caller can tune ({@link #withExistenceChannel}). A factor of zero drops a channel (for
 * example drawing coordinates of molecules, which carry no meaning under rotation), a factor on
 * an edge channel weighs that edge attribute against the others.
 *
 * <p><b>Fit on training graphs only.</b> {@link #standardize} takes the mean and standard
 * deviation over the real nodes of the graphs it is given; fit it on the training split and
 * apply the same instance to the validation and test splits, so that no statistic of the
 * evaluation data leaks into the model.
 *
 * <p><b>Invariants.</b> Every graph is transformed node by node, so {@link #apply} commutes
 * with relabelling: {@code apply(g.permute(p)).equals(apply(g).permute(p))}, and graph
 * distances between transformed graphs stay invariant under relabelling of either argument.
 * Edges keep their support: there is no edge offset, since an absent edge must stay zero;
 * an edge whose channels all get factor zero disappears.
 *
 * <p><b>Kernel features.</b> {@link #withNodeKernel} adds a last step: the graphs after the
 * affine change (existence channel included in their node dimension) go through a
 * {@link NodeKernelEmbedding}, which replaces the input channels it was built for by the
 * features of a Gaussian or Laplacian kernel and keeps the other channels. With every channel
 * but the existence channel as input (what the command line builds), a node substitution costs
 * at most about {@code 2 w_node} and an unmatched node {@code w_node (1 + e^2)}. Its
 * bandwidth is then in the units of the scaled attributes, so the scaling is still the only
 * part fitted on training graphs.
 *
 * <p>Instances are immutable and thread-safe, with value semantics: two scalings are
 * {@linkplain #equals equal} when their offsets, factors, existence value and kernel map are.
 * Factors and the existence value are never {@code -0.0} (a multiplier of {@code -0.0} gives
 * {@code 0.0}).
 *
 * <p><b>Limitations.</b> The transform is not undone on results: a mean graph computed from
 * transformed graphs is in transformed coordinates, and its existence channel, if appended,
 * ranges over {@code [0, e]} rather than {@code [0, 1]} (divide by {@link #existenceValue()}
 * before reading it as a probability). Only numeric channels should be centred: centring
 * one-hot label channels removes the property that a label vector is zero exactly on padding.
 * A centred real node may land on the origin and then looks like padding unless the existence
 * channel is appended (or already present in the data with a non-zero factor).
 */
public final class AttributeScaling {

    /**
     * A spread below which the plain sums of squares may have lost terms to underflow (squares
     * of deviations below {@code 1e-154} are subnormal or zero); such channels are fitted with
     * the scaled sums, as overflowing ones are.
     */
    private static final double SQUARES_UNDERFLOW = 1e-150;

    private final double[] nodeOffsets;
    private final double[] nodeFactors;
    private final double[] edgeFactors;
    private final double existenceValue;
    /** The kernel feature map applied last, or null. */
    private final NodeKernelEmbedding kernel;

    private AttributeScaling(double[] nodeOffsets, double[] nodeFactors, double[] edgeFactors,
            double existenceValue) {
        this(nodeOffsets, nodeFactors, edgeFactors, existenceValue, null);
    }

    private AttributeScaling(double[] nodeOffsets, double[] nodeFactors, double[] edgeFactors,
            double existenceValue, NodeKernelEmbedding kernel) {
        this.nodeOffsets = nodeOffsets;
        this.nodeFactors = nodeFactors;
        this.edgeFactors = edgeFactors;
        this.existenceValue = existenceValue;
        this.kernel = kernel;
    }

    /**
     * Returns the transform that changes nothing: offsets 0, factors 1, no existence channel.
     *
     * @param nodeDimension node attribute dimension of the graphs, at least 0
     * @param edgeDimension edge attribute dimension of the graphs, at least 0
     * @return the identity transform
     * @throws IllegalArgumentException if a dimension is negative
     */
    public static AttributeScaling identity(int nodeDimension, int edgeDimension) {
        if (nodeDimension < 0 || edgeDimension < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0, got node "
                    + nodeDimension + ", edge " + edgeDimension);
        }
        double[] nodeFactors = new double[nodeDimension];
        double[] edgeFactors = new double[edgeDimension];
        Arrays.fill(nodeFactors, 1.0);
        Arrays.fill(edgeFactors, 1.0);
        return new AttributeScaling(new double[nodeDimension], nodeFactors, edgeFactors, 0.0);
    }

    /**
     * Fits a standardization of the given node channels on training graphs: channel
     * {@code c} gets the offset {@code mean_c} and the factor {@code 1 / sd_c}, with mean and
     * (population) standard deviation over all real nodes of all the graphs. A channel that is
     * constant on the training nodes is only centred (factor 1). Values so large that the plain
     * sums overflow, or so small that their squares underflow (spreads below {@code 1e-150}),
     * are divided by their largest magnitude before summing, so such a channel is still
     * standardized rather than dropped or left unscaled. Other channels, the edges and the
     * existence channel are left as they are.
     *
     * <p>Null arguments and null graphs throw a {@link NullPointerException} naming them
     * ({@code training[3]}); a spread below about {@code 5.6e-309}, whose inverse overflows,
     * throws an {@link IllegalArgumentException}.
     *
     * @param training the graphs to fit on, with equal dimensions and at least one node in
     *     total; not modified
     * @param nodeChannels the node channels to standardize, each in
     *     {@code [0, nodeDimension)}, no repeats
     * @return the fitted transform
     * @throws IllegalArgumentException if the list is empty, the dimensions differ, there is no
     *     node, or a channel is out of range or repeated
     */
    public static AttributeScaling standardize(List<Graph> training, int... nodeChannels) {
        return fit(training, nodeChannels, new int[0]);
    }

    /**
     * Fits a standardization of node channels, as {@link #standardize}, together with a
     * normalization of edge channels: edge channel {@code c} gets the factor
     * {@code 1 / rms_c}, the root mean square of its values over the stored ordered pairs
     * (edges) of the training graphs. Edges are not centred, since an absent edge must stay
     * zero; a channel that is zero on every training edge keeps factor 1. Root mean squares
     * whose plain sums overflow or underflow are computed from values divided by their
     * largest magnitude.
     *
     * @param training the graphs to fit on, with equal dimensions and at least one node in
     *     total; not modified
     * @param nodeChannels the node channels to standardize, no repeats
     * @param edgeChannels the edge channels to normalize, no repeats
     * @return the fitted transform
     * @throws IllegalArgumentException if the list is empty, the dimensions differ, there is no
     *     node, or a channel is out of range or repeated
     */
    public static AttributeScaling fit(List<Graph> training, int[] nodeChannels,
            int[] edgeChannels) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(nodeChannels, "nodeChannels");
        Objects.requireNonNull(edgeChannels, "edgeChannels");
        for (int k = 0; k < training.size(); k++) {
            Objects.requireNonNull(training.get(k), "training[" + k + "]");
        }
        if (training.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a scaling on no graphs");
        }
        Graph first = training.get(0);
        AttributeScaling result = identity(first.nodeDimension(), first.edgeDimension());
        requireChannels("nodeChannels", nodeChannels, first.nodeDimension());
        requireChannels("edgeChannels", edgeChannels, first.edgeDimension());

        // Count the real nodes and check the dimensions.
        long nodes = 0;
        for (int k = 0; k < training.size(); k++) {
            Graph g = training.get(k);
            if (g.nodeDimension() != first.nodeDimension()
                    || g.edgeDimension() != first.edgeDimension()) {
                throw new IllegalArgumentException("training graph " + k + " has dimensions"
                        + " (node " + g.nodeDimension() + ", edge " + g.edgeDimension()
                        + ") but graph 0 has (node " + first.nodeDimension() + ", edge "
                        + first.edgeDimension() + ")");
            }
            nodes += g.order();
        }
        if (nodes == 0) {
            throw new IllegalArgumentException("the " + training.size() + " training graphs"
                    + " have no node to fit a scaling on");
        }

        // Mean, then the population variance about it (two passes, for accuracy). A channel
        // with one value on every node is constant whatever its rounded mean: offset by that
        // value, factor 1 (a mean a rounding off would give a spread of rounding noise and a
        // factor near 1e16).
        for (int c : nodeChannels) {
            double sum = 0.0;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (Graph g : training) {
                for (int i = 0; i < g.order(); i++) {
                    double value = g.node(i, c);
                    sum += value;
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
            if (low == high) {
                result.nodeOffsets[c] = low;
                result.nodeFactors[c] = 1.0;
                continue;
            }
            double mean = sum / nodes;
            double squares = 0.0;
            for (Graph g : training) {
                for (int i = 0; i < g.order(); i++) {
                    double d = g.node(i, c) - mean;
                    squares += d * d;
                }
            }
            double sd = Math.sqrt(squares / nodes);
            if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < SQUARES_UNDERFLOW) {
                double[] moments = scaledMoments(training, c, nodes);
                mean = moments[0];
                sd = moments[1];
            }
            result.nodeOffsets[c] = mean;
            result.nodeFactors[c] = sd > 0.0 ? inverse("node channel " + c, sd) : 1.0;
        }

        // Root mean square of each edge channel over the stored ordered pairs.
        for (int c : edgeChannels) {
            double squares = 0.0;
            long pairs = 0;
            for (Graph g : training) {
                for (int i = 0; i < g.order(); i++) {
                    for (int k = 0; k < g.outDegree(i); k++) {
                        double v = g.edge(i, g.successor(i, k), c);
                        squares += v * v;
                        pairs++;
                    }
                }
            }
            double rms = pairs == 0 ? 0.0 : Math.sqrt(squares / pairs);
            if (pairs > 0 && (!Double.isFinite(rms) || rms < SQUARES_UNDERFLOW)) {
                rms = scaledRootMeanSquare(training, c, pairs);
            }
            result.edgeFactors[c] = rms > 0.0 ? inverse("edge channel " + c, rms) : 1.0;
        }
        return result;
    }

    /**
     * Returns the mean and population standard deviation of node channel {@code c} when the
     * plain sums overflow (values near the square root of the largest double or beyond): the
     * values are divided by the largest magnitude before they are summed, and the deviations
     * by the largest deviation before they are squared. Used only then, so that the ordinary
     * fit keeps its exact arithmetic.
     */
    private static double scaledRootMeanSquare(List<Graph> training, int c, long pairs) {
        double largest = 0.0;
        for (Graph g : training) {
            for (int i = 0; i < g.order(); i++) {
                for (int k = 0; k < g.outDegree(i); k++) {
                    largest = Math.max(largest, Math.abs(g.edge(i, g.successor(i, k), c)));
                }
            }
        }
        if (!(largest > 0.0)) {
            return 0.0;
        }
        double squares = 0.0;
        for (Graph g : training) {
            for (int i = 0; i < g.order(); i++) {
                for (int k = 0; k < g.outDegree(i); k++) {
                    double v = g.edge(i, g.successor(i, k), c) / largest;
                    squares += v * v;
                }
            }
        }
        return largest * Math.sqrt(squares / pairs);
    }

    /** Returns {@code 1 / spread}, or fails when it overflows (a spread below 5.6e-309). */
    private static double inverse(String channel, double spread) {
        double factor = 1.0 / spread;
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("the spread " + spread + " of " + channel
                    + " on the training graphs is so small that its inverse, the factor,"
                    + " overflows; multiply the attributes by a large constant first");
        }
        return factor;
    }

    private static double[] scaledMoments(List<Graph> training, int c, long nodes) {
        double largest = 0.0;
        for (Graph g : training) {
            for (int i = 0; i < g.order(); i++) {
                largest = Math.max(largest, Math.abs(g.node(i, c)));
            }
        }
        double sum = 0.0;
        for (Graph g : training) {
            for (int i = 0; i < g.order(); i++) {
                sum += g.node(i, c) / largest;
            }
        }
        double mean = largest * (sum / nodes);
        double spread = 0.0;
        for (Graph g : training) {
            for (int i = 0; i < g.order(); i++) {
                spread = Math.max(spread, Math.abs(g.node(i, c) - mean));
            }
        }
        if (!(spread > 0.0)) {
            return new double[] {mean, 0.0};
        }
        double squares = 0.0;
        for (Graph g : training) {
            for (int i = 0; i < g.order(); i++) {
                double d = (g.node(i, c) - mean) / spread;
                squares += d * d;
            }
        }
        return new double[] {mean, spread * Math.sqrt(squares / nodes)};
    }

    /**
     * Returns this transform with the factor of one node channel multiplied by
     * {@code multiplier}; the offset is kept. A multiplier of zero drops the channel.
     *
     * @param channel a node channel in {@code [0, nodeDimension)}
     * @param multiplier finite and {@code >= 0}
     * @return the new transform
     * @throws IllegalArgumentException if the channel is out of range, the multiplier is
     *     negative or not finite, or the new factor overflows to infinity
     */
    public AttributeScaling timesNodeFactor(int channel, double multiplier) {
        requireChannels("channel", new int[] {channel}, nodeFactors.length);
        requireFactor("node channel " + channel + " multiplier", multiplier);
        double[] factors = nodeFactors.clone();
        factors[channel] = product("node channel " + channel, factors[channel], multiplier);
        return new AttributeScaling(nodeOffsets, factors, edgeFactors, existenceValue, kernel);
    }

    /**
     * Returns this transform with the factor of one edge channel multiplied by
     * {@code multiplier}. A multiplier of zero drops the channel.
     *
     * @param channel an edge channel in {@code [0, edgeDimension)}
     * @param multiplier finite and {@code >= 0}
     * @return the new transform
     * @throws IllegalArgumentException if the channel is out of range, the multiplier is
     *     negative or not finite, or the new factor overflows to infinity
     */
    public AttributeScaling timesEdgeFactor(int channel, double multiplier) {
        requireChannels("channel", new int[] {channel}, edgeFactors.length);
        requireFactor("edge channel " + channel + " multiplier", multiplier);
        double[] factors = edgeFactors.clone();
        factors[channel] = product("edge channel " + channel, factors[channel], multiplier);
        return new AttributeScaling(nodeOffsets, nodeFactors, factors, existenceValue, kernel);
    }

    /**
     * Returns this transform with a node-existence channel of value {@code value} appended to
     * every real node (see {@link NodeExistence}); an unmatched node then costs
     * {@code w_node value^2} more. Zero appends no channel.
     *
     * @param value finite and {@code >= 0}
     * @return the new transform
     * @throws IllegalArgumentException if the value is negative or not finite
     * @throws IllegalStateException if a kernel map is already set (it expects the node
     *     dimension without the new channel; append the channel first)
     */
    public AttributeScaling withExistenceChannel(double value) {
        requireFactor("existence value", value);
        if (kernel != null) {
            throw new IllegalStateException("append the existence channel before setting the"
                    + " kernel map: " + kernel);
        }
        return new AttributeScaling(nodeOffsets, nodeFactors, edgeFactors, value + 0.0);
    }

    /**
     * Returns this transform followed by a kernel feature map of the node channels.
     *
     * @param map a map whose node dimension is this transform's
     *     {@link #outputNodeDimension()} without a kernel, that is the node dimension after
     *     the affine change and the existence channel
     * @return the new transform; its output node dimension is the map's
     * @throws IllegalArgumentException if the dimensions do not fit
     */
    public AttributeScaling withNodeKernel(NodeKernelEmbedding map) {
        Objects.requireNonNull(map, "map");
        int affine = affineNodeDimension();
        if (map.nodeDimension() != affine) {
            throw new IllegalArgumentException("the kernel map expects node dimension "
                    + map.nodeDimension() + " but the scaled nodes have " + affine);
        }
        return new AttributeScaling(nodeOffsets, nodeFactors, edgeFactors, existenceValue,
                map);
    }

    /**
     * Returns the kernel feature map applied last, if one is set.
     *
     * @return the kernel feature map applied last, if one is set
     */
    public Optional<NodeKernelEmbedding> nodeKernel() {
        return Optional.ofNullable(kernel);
    }

    /**
     * Returns the node dimension of the graphs this transform accepts.
     *
     * @return the node dimension of the graphs this transform accepts
     */
    public int nodeDimension() {
        return nodeFactors.length;
    }

    /**
     * Returns the edge dimension of the graphs this transform accepts.
     *
     * @return the edge dimension of the graphs this transform accepts
     */
    public int edgeDimension() {
        return edgeFactors.length;
    }

    /**
     * Returns the node dimension of transformed graphs: one more with an existence channel;
     * the kernel map's output dimension when one is set.
     *
     * @return the node dimension of transformed graphs
     */
    public int outputNodeDimension() {
        return kernel != null ? kernel.outputNodeDimension() : affineNodeDimension();
    }

    private int affineNodeDimension() {
        return nodeFactors.length + (existenceValue > 0.0 ? 1 : 0);
    }

    /**
     * Returns a copy of the node offsets, one per input node channel.
     *
     * @return a copy of the node offsets, one per input node channel
     */
    public double[] nodeOffsets() {
        return nodeOffsets.clone();
    }

    /**
     * Returns a copy of the node factors, one per input node channel.
     *
     * @return a copy of the node factors, one per input node channel
     */
    public double[] nodeFactors() {
        return nodeFactors.clone();
    }

    /**
     * Returns a copy of the edge factors, one per edge channel.
     *
     * @return a copy of the edge factors, one per edge channel
     */
    public double[] edgeFactors() {
        return edgeFactors.clone();
    }

    /**
     * Returns the value of the appended existence channel, 0 if none is appended.
     *
     * @return the value of the appended existence channel, 0 if none is appended
     */
    public double existenceValue() {
        return existenceValue;
    }

    /**
     * Transforms one graph. Its order, its directedness and the order of its nodes are kept;
     * edges whose channels all become zero are removed. A kernel map, when set, is applied
     * last.
     *
     * @param g a graph with this transform's dimensions; not modified
     * @return the transformed graph
     * @throws IllegalArgumentException if the dimensions differ
     */
    public Graph apply(Graph g) {
        Objects.requireNonNull(g, "g");
        if (g.nodeDimension() != nodeFactors.length || g.edgeDimension() != edgeFactors.length) {
            throw new IllegalArgumentException("graph has dimensions (node " + g.nodeDimension()
                    + ", edge " + g.edgeDimension() + ") but the scaling expects (node "
                    + nodeFactors.length + ", edge " + edgeFactors.length + ")");
        }
        int n = g.order();
        int dv = nodeFactors.length;
        int de = edgeFactors.length;
        int outDv = affineNodeDimension();

        // Node channels: centre and scale, then the existence value.
        double[] nodes = new double[n * outDv];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dv; c++) {
                nodes[i * outDv + c] = (g.node(i, c) - nodeOffsets[c]) * nodeFactors[c];
            }
            if (outDv > dv) {
                nodes[i * outDv + dv] = existenceValue;
            }
        }

        // Edge channels: scale the stored pairs only, so absent edges stay zero.
        double[] edges = new double[n * n * de];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < g.outDegree(i); k++) {
                int j = g.successor(i, k);
                int offset = (i * n + j) * de;
                for (int c = 0; c < de; c++) {
                    edges[offset + c] = g.edge(i, j, c) * edgeFactors[c];
                }
            }
        }
        Graph scaled = Graph.fromArrays(n, outDv, de, g.isDirected(), nodes, edges);
        return kernel == null ? scaled : kernel.apply(scaled);
    }

    /**
     * Transforms every graph of a list.
     *
     * @param graphs graphs with this transform's dimensions; not modified
     * @return a new list of the transformed graphs, in the same order
     * @throws IllegalArgumentException naming the index of the first graph whose dimensions
     *     differ
     */
    public List<Graph> applyAll(List<Graph> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        return GraphLists.mapEach(graphs, this::apply);
    }

    /**
     * Returns whether {@code other} is a scaling with the same offsets, factors, existence
     * value and kernel map (compared as {@link Double#compare} does), and so the same
     * transform.
     *
     * @param other any object
     * @return whether the two scalings are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeScaling a
                && Arrays.equals(nodeOffsets, a.nodeOffsets)
                && Arrays.equals(nodeFactors, a.nodeFactors)
                && Arrays.equals(edgeFactors, a.edgeFactors)
                && Double.compare(existenceValue, a.existenceValue) == 0
                && Objects.equals(kernel, a.kernel);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(nodeOffsets);
        h = 31 * h + Arrays.hashCode(nodeFactors);
        h = 31 * h + Arrays.hashCode(edgeFactors);
        h = 31 * h + Double.hashCode(existenceValue);
        return 31 * h + Objects.hashCode(kernel);
    }

    @Override
    public String toString() {
        return "AttributeScaling[nodeOffsets=" + Arrays.toString(nodeOffsets) + ", nodeFactors="
                + Arrays.toString(nodeFactors) + ", edgeFactors=" + Arrays.toString(edgeFactors)
                + ", existenceValue=" + existenceValue
                + (kernel == null ? "" : ", kernel=" + kernel) + "]";
    }

    private static void requireChannels(String what, int[] channels, int dimension) {
        boolean[] seen = new boolean[dimension];
        for (int c : channels) {
            if (c < 0 || c >= dimension) {
                throw new IllegalArgumentException(what + " holds channel " + c
                        + "; expected a channel in [0, " + dimension + ")");
            }
            if (seen[c]) {
                throw new IllegalArgumentException(what + " holds channel " + c + " twice");
            }
            seen[c] = true;
        }
    }

    /**
     * Returns {@code factor * multiplier}, {@code 0.0} rather than {@code -0.0}, or fails
     * naming this scaling when the product overflows.
     */
    private double product(String channel, double factor, double multiplier) {
        double result = factor * multiplier + 0.0;
        if (!Double.isFinite(result)) {
            throw new IllegalArgumentException("the factor " + factor + " of " + channel
                    + " times the multiplier " + multiplier + " overflows to " + result
                    + " in " + this + "; scale the attributes by less");
        }
        return result;
    }

    private static void requireFactor(String what, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
        }
    }
}
