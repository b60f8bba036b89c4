package org.orbifold.learn;

import java.util.List;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * A supervised learner for graphs with class labels: {@link #fit} turns labelled training
 * graphs into an immutable {@link GraphClassifierModel}.
 *
 * <p>Implementations are immutable configurations; fitting does not change them, so one
 * classifier may be fitted to many training sets (as cross-validation does).
 */
public interface GraphClassifier {

    /**
     * Learns a model from labelled graphs.
     *
     * @param space the graph space of the training graphs and of every graph the model will
     *     classify; choose its size large enough for the later queries
     * @param graphs the training graphs, at least one, members of {@code space}; not retained
     *     beyond what the model needs
     * @param labels one non-null class label per graph, in the same order
     * @return the fitted model; its classes are the distinct training labels
     * @throws IllegalArgumentException if the lists differ in length, are empty, contain a
     *     null entry, a graph is not in the space, the labels hold only one class (every
     *     learner of this package refuses to learn a single class, which leaves nothing to
     *     tell apart), or the training set does not fit the configuration (for example fewer
     *     class members than prototypes)
     */
    GraphClassifierModel fit(GraphSpace space, List<Graph> graphs, List<String> labels);
}
