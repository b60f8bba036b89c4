package org.orbifold.learn;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.orbifold.match.Aligner;
import org.orbifold.match.DistanceLowerBound;
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
 * aligner). {@link #scores} costs one alignment per class. Instances are immutable and
 * thread-safe if the aligner is (the counters are atomic).
 *
 * <p><b>Bounded prediction.</b> With bounds (the default, {@link #DEFAULT_BOUNDS};
 * {@link #withBounds}), the model holds a {@link DistanceLowerBound.Profile} of every weight
 * graph, and {@link #predict} computes the score {@code f_c = s * sim_c + b_c} (in this
 * floating-point order) only for the classes it must:
 * <ol>
 *   <li>every class gets an upper key {@code U_c}, the same expression evaluated at the cheap
 *       similarity bound {@link DistanceLowerBound#quickMaximumSimilarity} of the pair;</li>
 *   <li>the unaligned class of largest key (ties by index) has its key lowered to the bound
 *       of {@link DistanceLowerBound#maximumSimilarity} (a node assignment problem more) if it
 *       only has the cheap one, and is looked at again; otherwise it is aligned and its score
 *       computed; the best {@code (score, index)} so far is kept, larger score first and the
 *       smaller index on equal scores;</li>
 *   <li>the search stops when the largest key left is strictly below the best score found, or
 *       when every class is aligned.</li>
 * </ol>
 * <b>Why the prediction is exactly the exhaustive one.</b> The aligner reports the similarity
 * of a concrete permutation, and both similarity bounds lie above the similarity of every
 * permutation, rounding included (their margin). The score expression is non-decreasing in
 * the similarity under rounding ({@code s > 0}; products and sums are correctly rounded), so
 * every key is at least the score that aligning its class would give, and refining keeps it
 * so. A class left unaligned thus has a score strictly below the best score found and could
 * neither win nor tie; among the aligned classes the best pair is chosen by the exhaustive
 * rule (first of the largest). The aligner answers a pair the same way whenever it is asked
 * (the determinism contract of {@link Aligner}), so the scores of the aligned classes, and
 * the prediction, are bit for bit those of aligning every class, whatever the aligner's
 * accuracy. No lower bound on a score is used: a cheap alignment bounds the best alignment
 * from below but not the one a heuristic aligner returns, so it could not certify anything
 * about the exhaustive prediction. The model counts, over all calls of {@link #predict}, the
 * alignments computed and skipped.
 *
 * <p><b>Limitations.</b> The bounds ignore which nodes the edges join, so they skip classes
 * only where the weight graphs' value distributions differ from the query's; near ties are
 * always aligned. {@link #scores} needs every score and aligns every class.
 */
public final class MarginPerceptronModel implements GraphClassifierModel, AlignmentCounting {

    /**
     * Whether {@link #predict} uses the similarity bounds by default: they never change a
     * prediction (class description).
     */
    public static final boolean DEFAULT_BOUNDS = true;

    private final GraphSpace space;
    private final Aligner aligner;
    private final LabelEncoder classes;
    private final List<Graph> weights;
    private final double[] biases;
    private final double inputScale;
    private final DistanceLowerBound.Profile[] profiles;
    private final LongAdder computed = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    MarginPerceptronModel(GraphSpace space, Aligner aligner, LabelEncoder classes,
            List<Graph> weights, double[] biases, double inputScale) {
        this(space, aligner, classes, List.copyOf(weights), biases.clone(), inputScale,
                DEFAULT_BOUNDS);
    }

    private MarginPerceptronModel(GraphSpace space, Aligner aligner, LabelEncoder classes,
            List<Graph> weights, double[] biases, double inputScale, boolean bounds) {
        this.space = space;
        this.aligner = aligner;
        this.classes = classes;
        this.weights = weights;
        this.biases = biases;
        this.inputScale = inputScale;
        if (bounds) {
            profiles = new DistanceLowerBound.Profile[weights.size()];
            for (int c = 0; c < profiles.length; c++) {
                profiles[c] = DistanceLowerBound.profile(space, weights.get(c));
            }
        } else {
            profiles = null;
        }
    }

    /**
     * Returns this model with or without bounded prediction; the parameters and the aligner
     * are shared, the counters start at zero.
     *
     * @param value true to predict with the similarity bounds, false to align every class
     * @return a new model with the same predictions and scores
     */
    public MarginPerceptronModel withBounds(boolean value) {
        return new MarginPerceptronModel(space, aligner, classes, weights, biases, inputScale,
                value);
    }

    /**
     * Returns whether {@link #predict} skips classes by the similarity bounds.
     *
     * @return whether {@link #predict} skips classes by the similarity bounds
     */
    public boolean bounds() {
        return profiles != null;
    }

    /** Returns the alignments computed by {@link #predict} so far. */
    @Override
    public long alignmentsComputed() {
        return computed.sum();
    }

    /** Returns the alignments {@link #predict} skipped by the bounds so far. */
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
     * Returns the weight graph of every class, in {@link #classes()} order; unmodifiable.
     *
     * @return the weight graph of every class, in {@link #classes()} order; unmodifiable
     */
    public List<Graph> weightGraphs() {
        return weights;
    }

    /**
     * Returns the bias of every class, in {@link #classes()} order; a new array.
     *
     * @return the bias of every class, in {@link #classes()} order; a new array
     */
    public double[] biases() {
        return biases.clone();
    }

    /**
     * Returns the factor {@code s} that every input is multiplied by before alignment.
     *
     * @return the factor {@code s} that every input is multiplied by before alignment
     */
    public double inputScale() {
        return inputScale;
    }

    @Override
    public String predict(Graph graph) {
        space.requireMember(graph);
        return classes.label(profiles == null ? exhaustive(graph) : bounded(graph));
    }

    /** Aligns every class; the first of the largest scores wins. */
    private int exhaustive(Graph graph) {
        double[] scores = scores(graph);
        computed.add(scores.length);
        return MaxLinearUnits.firstLargest(scores);
    }

    /** The search of the class description. */
    private int bounded(Graph graph) {
        DistanceLowerBound.Profile queried = DistanceLowerBound.profile(space, graph);
        int n = weights.size();
        double[] key = new double[n];
        boolean[] refined = new boolean[n];
        boolean[] aligned = new boolean[n];
        for (int c = 0; c < n; c++) {
            key[c] = score(c, DistanceLowerBound.quickMaximumSimilarity(space, profiles[c],
                    queried));
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int count = 0;
        while (count < n) {
            int c = -1;
            for (int d = 0; d < n; d++) {
                if (!aligned[d] && (c < 0 || key[d] > key[c])) {
                    c = d;
                }
            }
            if (best >= 0 && key[c] < bestScore) {
                break;
            }
            if (!refined[c]) {
                refined[c] = true;
                key[c] = Math.min(key[c], score(c, DistanceLowerBound.maximumSimilarity(space,
                        profiles[c], queried)));
                continue;
            }
            aligned[c] = true;
            count++;
            double exact = score(c, aligner.align(space, weights.get(c), graph).similarity());
            if (best < 0 || exact > bestScore || (exact == bestScore && c < best)) {
                best = c;
                bestScore = exact;
            }
        }
        computed.add(count);
        skipped.add(n - count);
        return best;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the scores are the max-linear class scores {@code f_c(X)}; every class is
     * aligned.
     */
    @Override
    public double[] scores(Graph graph) {
        space.requireMember(graph);
        double[] scores = new double[weights.size()];
        for (int c = 0; c < scores.length; c++) {
            scores[c] = score(c, aligner.align(space, weights.get(c), graph).similarity());
        }
        return scores;
    }

    /** The score of class {@code c} at a similarity; non-decreasing in it under rounding. */
    private double score(int c, double similarity) {
        return inputScale * similarity + biases[c];
    }
}
