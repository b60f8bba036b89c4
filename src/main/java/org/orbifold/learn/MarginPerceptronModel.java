package org.orbifold.learn;

import java.util.List;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

/**
 * A multi-class max-linear classifier, as trained by {@link MarginPerceptron}: one weight
 * graph {@code W_c} and bias {@code b_c} per class, the class scores
 * {@code f_c(X) = max_pi <W_c, pi . (s X)> + b_c} with the fixed input scale {@code s}, and a
 * query takes the class of the largest score (the first class on ties).
 *
 * <p>Each score is found by aligning the query to the weight graph, so it does not change
 * when the query's nodes are relabelled, up to the aligner's accuracy (exactly, with an exact
 * aligner). Every query costs one alignment per class. Instances are immutable and
 * thread-safe if the aligner is.
 */
public final class MarginPerceptronModel implements GraphClassifierModel {

    private final GraphSpace space;
    private final Aligner aligner;
    private final LabelEncoder classes;
    private final List<Graph> weights;
    private final double[] biases;
    private final double inputScale;

    MarginPerceptronModel(GraphSpace space, Aligner aligner, LabelEncoder classes,
            List<Graph> weights, double[] biases, double inputScale) {
        this.space = space;
        this.aligner = aligner;
        this.classes = classes;
        this.weights = List.copyOf(weights);
        this.biases = biases.clone();
        this.inputScale = inputScale;
    }

    @Override
    public GraphSpace space() {
        return space;
    }

    @Override
    public LabelEncoder classes() {
        return classes;
    }

    /** Returns the weight graph of every class, in {@link #classes()} order; unmodifiable. */
    public List<Graph> weightGraphs() {
        return weights;
    }

    /** Returns the bias of every class, in {@link #classes()} order; a new array. */
    public double[] biases() {
        return biases.clone();
    }

    /** Returns the factor {@code s} that every input is multiplied by before alignment. */
    public double inputScale() {
        return inputScale;
    }

    @Override
    public String predict(Graph graph) {
        double[] scores = scores(graph);
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return classes.label(best);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the scores are the max-linear class scores {@code f_c(X)}.
     */
    @Override
    public double[] scores(Graph graph) {
        space.requireMember(graph);
        double[] scores = new double[weights.size()];
        for (int c = 0; c < scores.length; c++) {
            double similarity = aligner.align(space, weights.get(c), graph).similarity();
            scores[c] = inputScale * similarity + biases[c];
        }
        return scores;
    }
}
