package org.orbifold.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;
import org.orbifold.stats.FrechetMean;

/**
 * The nearest-mean classifier in graph space: one prototype per class, the Fréchet mean of
 * its training graphs ({@link FrechetMean}), and a query takes the class of the nearest
 * prototype ({@link PrototypeModel}). Given prototypes are served by
 * {@link PrototypeModel#of}. Graph means as class prototypes follow B. J. Jain and
 * K. Obermayer, "Structure spaces", J. Mach. Learn. Res. 10, 2667-2714, 2009.
 *
 * <p>An optional cap {@code m} on the prototypes' order (0, the default, for none) cuts each
 * class mean to its {@code m} nodes of largest mass (squared norm of the node plus that of
 * its outgoing edges; a mean carries many near-empty nodes when its class has graphs of
 * very different orders), so every prediction aligns graphs of order at most the larger of
 * {@code m} and the query's order. The cap changes the model; check its accuracy on
 * validation data.
 *
 * <p>Instances are immutable and thread-safe if the aligner and the mean estimator are.
 *
 * <p><b>Limitations.</b> One prototype per class: a class made of several separated groups is
 * summarised poorly (use {@link LearningGraphQuantization} with more prototypes). With a
 * heuristic aligner each mean is a local minimum of an upper bound on the Fréchet function.
 */
public final class NearestPrototype implements GraphClassifier {

    private final Aligner aligner;
    private final FrechetMean mean;
    private final int maxPrototypeOrder;

    /**
     * Configures the classifier with the default {@link FrechetMean} settings and the same
     * aligner for the means and the predictions.
     *
     * @param aligner computes distances and the means' alignments
     */
    public NearestPrototype(Aligner aligner) {
        this(aligner, FrechetMean.builder().aligner(aligner).build());
    }

    /**
     * Configures the classifier with a chosen mean estimator.
     *
     * @param aligner computes the distances of the predictions
     * @param mean computes the class means
     */
    public NearestPrototype(Aligner aligner, FrechetMean mean) {
        this(aligner, mean, 0);
    }

    /**
     * Configures the classifier with a chosen mean estimator and a cap on the prototypes'
     * order (class description).
     *
     * @param aligner computes the distances of the predictions
     * @param mean computes the class means
     * @param maxPrototypeOrder the cap, at least 0; 0 or at least the largest order of the
     *     training graphs for none (the means have that order, whatever the space size)
     * @throws IllegalArgumentException if the cap is negative
     */
    public NearestPrototype(Aligner aligner, FrechetMean mean, int maxPrototypeOrder) {
        this.aligner = Objects.requireNonNull(aligner, "aligner");
        this.mean = Objects.requireNonNull(mean, "mean");
        this.maxPrototypeOrder = Checks.atLeast("maxPrototypeOrder", maxPrototypeOrder, 0);
    }

    @Override
    public PrototypeModel fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        LabelEncoder classes = Checks.requireClasses("the nearest-prototype classifier",
                checked);
        List<Graph> prototypes = new ArrayList<>(classes.size());
        int order = ModelOrders.capped(space, graphs, maxPrototypeOrder);
        GraphSpace fitting = ModelOrders.fitting(space, graphs, order);
        for (String label : classes.labels()) {
            Graph center = mean.compute(fitting, members(graphs, checked, label)).center();
            prototypes.add(ModelOrders.heaviest(space, center, order));
        }
        return PrototypeModel.of(space, aligner, prototypes, classes.labels());
    }

    /** Returns the graphs with the given label, in training order. */
    static List<Graph> members(List<Graph> graphs, List<String> labels, String label) {
        List<Graph> result = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            if (labels.get(i).equals(label)) {
                result.add(graphs.get(i));
            }
        }
        return result;
    }
}
