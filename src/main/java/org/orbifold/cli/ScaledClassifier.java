package org.orbifold.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.orbifold.io.ChannelGroup;
import org.orbifold.io.DatasetScaling;
import org.orbifold.io.GraphDataset;
import org.orbifold.learn.GraphClassifier;
import org.orbifold.learn.GraphClassifierModel;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.NodeKernelEmbedding;

/**
 * A classifier that first fits an {@link AttributeScaling} on the graphs it is fitted on, and
 * only on those, then fits the wrapped classifier on the scaled graphs; its model scales every
 * query with the same transform before predicting. Wrapped this way, the validation search
 * fits the scaling on the training split, the final fit on the graphs it refits on, and
 * cross-validation on the training part of each fold: no statistic of a validation, test or
 * held-out graph enters the transform.
 *
 * <p>The graphs are those of a {@link Sample}, which always carry the node-existence channel
 * ({@link NodeExistence#CHANNEL_NAME}, 1 on every real node), so the transform re-scales that
 * channel to the chosen value. Without a kernel it keeps the dimensions; with a node kernel
 * ({@link Kernel}, {@link DatasetScaling#withNodeKernel}) the node channels become the
 * existence channel and the kernel features, and the wrapped classifier is fitted in a space
 * of that node dimension with the size and weights of the given one. The model accepts graphs
 * of the given (raw) space.
 *
 * <p>Immutable and thread-safe if the wrapped classifier is.
 *
 * <p><b>Limitations.</b> The transform is refitted at every fit, including once per grid
 * combination of the validation search (cheap next to the alignments).
 *
 * @param recipe how the transform is fitted
 * @param classifier the classifier fitted on the scaled graphs
 */
record ScaledClassifier(Recipe recipe, GraphClassifier classifier) implements GraphClassifier {

    /**
     * How to fit the transform on training graphs.
     *
     * @param standardize whether numeric node channels are centred and divided by their
     *     standard deviation and numeric edge channels divided by their root mean square
     *     ({@link DatasetScaling#fit}); otherwise the coordinates are kept
     * @param existence the value of the node-existence channel, finite and {@code >= 0}
     * @param dropped node attribute names (channel groups) multiplied by 0
     * @param nodeChannels the node channel names of the graphs, existence channel included
     * @param edgeChannels the edge channel names of the graphs
     * @param kernel the node kernel applied after the scaling, or null for none
     */
    record Recipe(boolean standardize, double existence, List<String> dropped,
            List<String> nodeChannels, List<String> edgeChannels, Kernel kernel) {

        Recipe {
            dropped = List.copyOf(dropped);
            nodeChannels = List.copyOf(nodeChannels);
            edgeChannels = List.copyOf(edgeChannels);
            if (!nodeChannels.contains(NodeExistence.CHANNEL_NAME)) {
                throw new IllegalArgumentException("the node channels " + nodeChannels
                        + " have no existence channel '" + NodeExistence.CHANNEL_NAME + "'");
            }
        }

        /** Returns this recipe with another existence value. */
        Recipe withExistence(double value) {
            return new Recipe(standardize, value, dropped, nodeChannels, edgeChannels, kernel);
        }

        /** Returns this recipe with another node kernel (null for none). */
        Recipe withKernel(Kernel value) {
            return new Recipe(standardize, existence, dropped, nodeChannels, edgeChannels,
                    value);
        }

        /**
         * Fits the transform on training graphs.
         *
         * @param training the graphs to fit on, with the recipe's channels; not modified
         * @return the transform, which keeps the dimensions
         */
        AttributeScaling fit(List<Graph> training) {
            List<String> names = new ArrayList<>(training.size());
            for (int g = 0; g < training.size(); g++) {
                names.add("training graph " + g);
            }
            GraphDataset data = new GraphDataset("training graphs", training, List.of(), names,
                    nodeChannels, edgeChannels);
            AttributeScaling scaling = affine(data);
            return kernel == null ? scaling : DatasetScaling.withNodeKernel(scaling, data,
                    kernel.kind(), kernel.bandwidth(), kernel.features(), kernel.sampling(),
                    kernel.seed());
        }

        private AttributeScaling affine(GraphDataset data) {
            if (standardize) {
                return DatasetScaling.fit(data, existence, dropped);
            }

            // Raw coordinates: drop the named groups, re-scale the existence channel.
            AttributeScaling scaling = AttributeScaling.identity(nodeChannels.size(),
                    edgeChannels.size());
            for (String name : dropped) {
                ChannelGroup group = data.nodeGroups().stream()
                        .filter(g -> g.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no node attribute '"
                                + name + "' to drop"));
                for (int c = group.offset(); c < group.offset() + group.size(); c++) {
                    scaling = scaling.timesNodeFactor(c, 0.0);
                }
            }
            return scaling.timesNodeFactor(nodeChannels.indexOf(NodeExistence.CHANNEL_NAME),
                    existence);
        }
    }

    /**
     * A kernel feature map of the scaled node attributes ({@link NodeKernelEmbedding}).
     *
     * @param kind the kernel, Gaussian or Laplacian
     * @param bandwidth the kernel's sigma, in the units of the scaled attributes
     * @param features the number of features, even and at least 2
     * @param sampling random (seeded) or Halton frequencies
     * @param seed the seed of random frequencies
     */
    record Kernel(NodeKernelEmbedding.Kernel kind, double bandwidth, int features,
            NodeKernelEmbedding.Sampling sampling, long seed) {
    }

    ScaledClassifier {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(classifier, "classifier");
    }

    /**
     * Fits the transform on {@code graphs}, then the wrapped classifier on the scaled graphs.
     *
     * @throws IllegalArgumentException as the wrapped classifier, or if the graphs do not have
     *     the recipe's channels
     */
    @Override
    public Model fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<Graph> members = space.requireMembers(graphs);
        AttributeScaling scaling = recipe.fit(members);
        GraphSpace scaled = new GraphSpace(space.size(), scaling.outputNodeDimension(),
                space.edgeDimension(), space.nodeWeight(), space.edgeWeight());
        GraphClassifierModel model = classifier.fit(scaled, scaling.applyAll(members), labels);
        return new Model(space, scaling, model);
    }

    /**
     * A fitted model that scales each query with the transform fitted on its training graphs.
     *
     * @param space the space of the graphs it accepts, before scaling
     * @param scaling the transform, fitted on the training graphs only
     * @param model the wrapped model, fitted on the scaled training graphs
     */
    record Model(GraphSpace space, AttributeScaling scaling, GraphClassifierModel model)
            implements GraphClassifierModel {

        @Override
        public LabelEncoder classes() {
            return model.classes();
        }

        @Override
        public String predict(Graph graph) {
            return model.predict(scaling.apply(space().requireMember(graph)));
        }

        @Override
        public double[] scores(Graph graph) {
            return model.scores(scaling.apply(space().requireMember(graph)));
        }

        @Override
        public List<String> predictAll(List<Graph> graphs, Executor executor) {
            return model.predictAll(scaling.applyAll(space().requireMembers(graphs)),
                    executor);
        }
    }
}
