package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

/**
 * A nearest-prototype model: labelled prototype graphs, and a query takes the label of the
 * nearest prototype under the aligner's graph distance. {@link #scores} are the negative
 * distances to the nearest prototype of each class. Ties go to the prototype listed first;
 * prototypes built by this package are listed class by class in {@link LabelEncoder} order.
 *
 * <p>Every query costs one alignment per prototype (prototype as the reference). Instances
 * are immutable and thread-safe if the aligner is.
 */
public final class PrototypeModel implements GraphClassifierModel {

    private final GraphSpace space;
    private final Aligner aligner;
    private final List<Graph> prototypes;
    private final List<String> prototypeLabels;
    private final LabelEncoder classes;
    private final int[] codes;

    private PrototypeModel(GraphSpace space, Aligner aligner, List<Graph> prototypes,
            List<String> prototypeLabels) {
        this.space = space;
        this.aligner = aligner;
        this.prototypes = prototypes;
        this.prototypeLabels = prototypeLabels;
        this.classes = LabelEncoder.of(prototypeLabels);
        this.codes = new int[prototypes.size()];
        for (int p = 0; p < codes.length; p++) {
            codes[p] = classes.indexOf(prototypeLabels.get(p));
        }
    }

    /**
     * Builds a model from given prototypes.
     *
     * @param space the graph space of the prototypes and the queries
     * @param aligner computes the distances
     * @param prototypes at least one prototype graph of {@code space}
     * @param prototypeLabels the class of each prototype, same length, no nulls
     * @return the model; its classes are the distinct prototype labels
     * @throws IllegalArgumentException if the lists differ in length, are empty, contain a
     *     null, or a prototype is not in the space
     */
    public static PrototypeModel of(GraphSpace space, Aligner aligner, List<Graph> prototypes,
            List<String> prototypeLabels) {
        Objects.requireNonNull(aligner, "aligner");
        List<String> labels = Checks.requireLabelled(space, prototypes, prototypeLabels);
        return new PrototypeModel(space, aligner, List.copyOf(prototypes), labels);
    }

    @Override
    public GraphSpace space() {
        return space;
    }

    @Override
    public LabelEncoder classes() {
        return classes;
    }

    /** Returns the prototypes, an unmodifiable list. */
    public List<Graph> prototypes() {
        return prototypes;
    }

    /** Returns the class of each prototype, an unmodifiable list. */
    public List<String> prototypeLabels() {
        return prototypeLabels;
    }

    /**
     * Aligns a graph to every prototype.
     *
     * @param graph a member of the space
     * @return one alignment of {@code graph} to each prototype, in prototype order
     */
    public List<Alignment> alignments(Graph graph) {
        space.requireMember(graph);
        List<Alignment> result = new ArrayList<>(prototypes.size());
        for (Graph prototype : prototypes) {
            result.add(aligner.align(space, prototype, graph));
        }
        return result;
    }

    /**
     * Returns the index of the nearest prototype, the first one on ties.
     *
     * @param graph a member of the space
     * @return an index into {@link #prototypes()}
     */
    public int nearest(Graph graph) {
        List<Alignment> alignments = alignments(graph);
        int best = 0;
        for (int p = 1; p < alignments.size(); p++) {
            if (alignments.get(p).distance() < alignments.get(best).distance()) {
                best = p;
            }
        }
        return best;
    }

    @Override
    public String predict(Graph graph) {
        return prototypeLabels.get(nearest(graph));
    }

    @Override
    public double[] scores(Graph graph) {
        List<Alignment> alignments = alignments(graph);
        double[] scores = new double[classes.size()];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < alignments.size(); p++) {
            scores[codes[p]] = Math.max(scores[codes[p]], -alignments.get(p).distance());
        }
        return scores;
    }
}
