package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.DistanceLowerBound;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

/**
 * A nearest-prototype model: labelled prototype graphs, and a query takes the label of the
 * nearest prototype under the aligner's graph distance. {@link #scores} are the negative
 * distances to the nearest prototype of each class (0.0, never {@code -0.0}, for a prototype
 * at distance 0). Ties go to the prototype listed first;
 * prototypes built by this package are listed class by class in {@link LabelEncoder} order.
 *
 * <p><b>Search.</b> {@link #scores} and {@link #alignments} align the query to every
 * prototype (prototype as the reference). {@link #nearest} and {@link #predict} do so too
 * when the model was made without lower bounds; with them (the default of {@link #of}), the
 * model holds a {@link DistanceLowerBound.Profile} of every prototype and a query
 * <ol>
 *   <li>computes the cheap bound {@link DistanceLowerBound#quickSquaredDistance} to every
 *       prototype, turned into a distance bound (its key) by
 *       {@link DistanceLowerBound#distance};</li>
 *   <li>takes the unaligned prototype of smallest key (ties by index); if its key is only the
 *       cheap bound, raises the key to the bound of {@link DistanceLowerBound#squaredDistance}
 *       (a node assignment problem more) and looks again; otherwise aligns it and keeps the
 *       smallest {@code (distance, index)} pair found so far;</li>
 *   <li>stops when the smallest key left is strictly greater than the smallest distance
 *       found, or when every prototype is aligned.</li>
 * </ol>
 * Every key lies below every distance the aligner can report for its pair
 * ({@link DistanceLowerBound}), so a prototype left unaligned has a distance strictly above
 * the best one found and could not have won, not even a tie decided by index. Since the
 * aligner answers a pair the same way whenever it is asked (the determinism contract of
 * {@link Aligner}), the nearest prototype and the prediction are exactly those of aligning
 * every prototype, the same search as {@link NearestNeighbors} with {@code k = 1}. The model
 * counts, over all calls of {@link #nearest} and {@link #predict}, the alignments computed
 * and skipped.
 *
 * <p>Instances are immutable and thread-safe if the aligner is (the counters are atomic).
 *
 * <p><b>Limitations.</b> The bounds help only where the prototypes differ in their node and
 * edge value distributions; dense, averaged prototypes with similar value profiles are all
 * aligned anyway, and then the bounds cost a little time for nothing. {@link #scores} needs
 * the nearest prototype of every class and always aligns all of them.
 */
public final class PrototypeModel implements GraphClassifierModel, AlignmentCounting {

    private final GraphSpace space;
    private final Aligner aligner;
    private final List<Graph> prototypes;
    private final List<String> prototypeLabels;
    private final LabelEncoder classes;
    private final int[] codes;
    private final DistanceLowerBound.Profile[] profiles;
    private final int[] trainingErrors;
    private final LongAdder computed = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    private PrototypeModel(GraphSpace space, Aligner aligner, List<Graph> prototypes,
            List<String> prototypeLabels, boolean lowerBounds, int[] trainingErrors) {
        this.space = space;
        this.trainingErrors = trainingErrors;
        this.aligner = aligner;
        this.prototypes = prototypes;
        this.prototypeLabels = prototypeLabels;
        this.classes = LabelEncoder.of(prototypeLabels);
        this.codes = new int[prototypes.size()];
        for (int p = 0; p < codes.length; p++) {
            codes[p] = classes.indexOf(prototypeLabels.get(p));
        }
        if (lowerBounds) {
            profiles = new DistanceLowerBound.Profile[prototypes.size()];
            for (int p = 0; p < profiles.length; p++) {
                profiles[p] = DistanceLowerBound.profile(space, prototypes.get(p));
            }
        } else {
            profiles = null;
        }
    }

    /**
     * Builds a model from given prototypes that predicts with lower bounds (class
     * description).
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
        Objects.requireNonNull(prototypes, "prototypes");
        Objects.requireNonNull(prototypeLabels, "prototypeLabels");
        return of(space, aligner, prototypes, prototypeLabels, true);
    }

    /**
     * Builds a model from given prototypes, choosing the search of {@link #nearest}.
     *
     * @param space the graph space of the prototypes and the queries
     * @param aligner computes the distances
     * @param prototypes at least one prototype graph of {@code space}
     * @param prototypeLabels the class of each prototype, same length, no nulls
     * @param lowerBounds true to skip the prototypes that the lower bounds rule out, false to
     *     align every prototype; the predictions are the same either way
     * @return the model; its classes are the distinct prototype labels
     * @throws IllegalArgumentException if the lists differ in length, are empty, contain a
     *     null, or a prototype is not in the space
     */
    public static PrototypeModel of(GraphSpace space, Aligner aligner, List<Graph> prototypes,
            List<String> prototypeLabels, boolean lowerBounds) {
        Objects.requireNonNull(prototypes, "prototypes");
        Objects.requireNonNull(prototypeLabels, "prototypeLabels");
        return checked(space, aligner, prototypes, prototypeLabels, lowerBounds, new int[0]);
    }

    /**
     * Builds a trained model that predicts with lower bounds and keeps its training errors.
     *
     * @param trainingErrors per epoch run, the training graphs misjudged; copied
     */
    static PrototypeModel trained(GraphSpace space, Aligner aligner, List<Graph> prototypes,
            List<String> prototypeLabels, int[] trainingErrors) {
        return checked(space, aligner, prototypes, prototypeLabels, true,
                trainingErrors.clone());
    }

    private static PrototypeModel checked(GraphSpace space, Aligner aligner,
            List<Graph> prototypes, List<String> prototypeLabels, boolean lowerBounds,
            int[] trainingErrors) {
        Objects.requireNonNull(aligner, "aligner");
        List<String> labels = Checks.requireLabelled(space, prototypes, prototypeLabels);
        return new PrototypeModel(space, aligner, List.copyOf(prototypes), labels,
                lowerBounds, trainingErrors);
    }

    /**
     * Returns this model with the other search; the prototypes, labels, aligner and training
     * errors are shared, the counters start at zero.
     *
     * @param value true to search with lower bounds
     * @return a new model with the same predictions
     */
    public PrototypeModel withLowerBounds(boolean value) {
        return new PrototypeModel(space, aligner, prototypes, prototypeLabels, value,
                trainingErrors);
    }

    /**
     * Returns, per epoch of the training that made this model, the number of training graphs
     * whose nearest prototype (the first on ties) had another class when the graph was
     * visited, before its own step ({@link LearningGraphQuantization}, either rule). The
     * counts come from the prototypes as they were at each visit, not from the final model.
     * Empty for a model that was not trained epoch by epoch (given prototypes, class means,
     * or 0 epochs); shorter than the epochs asked for if a listener stopped the training.
     *
     * @return a new array, one count per epoch run
     */
    public int[] trainingErrors() {
        return trainingErrors.clone();
    }

    /**
     * Returns whether {@link #nearest} skips prototypes by the lower bounds.
     *
     * @return whether {@link #nearest} skips prototypes by the lower bounds
     */
    public boolean lowerBounds() {
        return profiles != null;
    }

    /** Returns the alignments computed by {@link #nearest} and {@link #predict} so far. */
    @Override
    public long alignmentsComputed() {
        return computed.sum();
    }

    /** Returns the alignments skipped by the lower bounds over all queries so far. */
    @Override
    public long alignmentsSkipped() {
        return skipped.sum();
    }

    @Override
    public GraphSpace space() {
        return space;
    }

    @Override
    public LabelEncoder classes() {
        return classes;
    }

    /**
     * Returns the prototypes, an unmodifiable list.
     *
     * @return the prototypes, an unmodifiable list
     */
    public List<Graph> prototypes() {
        return prototypes;
    }

    /**
     * Returns the class of each prototype, an unmodifiable list.
     *
     * @return the class of each prototype, an unmodifiable list
     */
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
     * Returns the index of the nearest prototype, the first one on ties; the same with and
     * without lower bounds (class description).
     *
     * @param graph a member of the space
     * @return an index into {@link #prototypes()}
     */
    public int nearest(Graph graph) {
        space.requireMember(graph);
        return profiles == null ? exhaustive(graph) : bounded(graph);
    }

    /** Aligns every prototype; the first of the smallest distance wins. */
    private int exhaustive(Graph graph) {
        return counted(NearestNeighbors.searchAll(space, aligner, prototypes, graph, 1));
    }

    /** The lower-bound search of the class description (that of k-NN with k = 1). */
    private int bounded(Graph graph) {
        return counted(NearestNeighbors.searchBounded(space, aligner, prototypes, profiles,
                graph, 1));
    }

    /** Adds a search's counts to the model's counters and returns the nearest index. */
    private int counted(NearestNeighbors.Neighbours found) {
        computed.add(found.alignments());
        skipped.add(found.skipped());
        return found.indices()[0];
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
            // 0 - d rather than -d: a prototype at distance 0 scores 0.0, not -0.0.
            scores[codes[p]] = Math.max(scores[codes[p]], 0.0 - alignments.get(p).distance());
        }
        return scores;
    }
}
