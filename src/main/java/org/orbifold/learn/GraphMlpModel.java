package org.orbifold.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.orbifold.diff.GraphGradient;
import org.orbifold.match.Aligner;
import org.orbifold.match.DistanceLowerBound;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

/**
 * A graph multilayer perceptron, as trained by {@link GraphMlp}: {@code H} max-linear hidden
 * units, each aligning the query to its own weight graph, and a dense softmax output layer.
 * For a graph {@code X} with input scale {@code s}:
 * <pre>
 *   z_j = max_pi &lt;W_j, pi . (s X)&gt; + b_j - o(X),   h_j = sigma(z_j),
 *   u_k = sum_j V_kj h_j + c_k,                      p_k = exp(u_k) / sum_l exp(u_l),
 * </pre>
 * with {@code o(X) = ||s X||^2 / 2} if the distance offset is on and 0 otherwise. The
 * {@link #scores} are the class probabilities {@code p}; a query takes the most probable class
 * (the first on ties).
 *
 * <p>{@link #scores} and {@link #hidden} cost one alignment per hidden unit. Up to the
 * aligner's accuracy the model does not depend on how the query's nodes are numbered: exactly
 * so with an exact aligner, while a heuristic one can give relabelled copies of a query
 * different activations and scores ({@link #hidden}).
 * Instances are immutable and thread-safe if the aligner is (the counters are atomic).
 *
 * <p><b>Bounded prediction.</b> With bounds (the default, {@link #DEFAULT_BOUNDS};
 * {@link #withBounds}), the model holds a {@link DistanceLowerBound.Profile} of every
 * weight graph and {@link #predict} aligns only the units it needs. Every unit {@code j}
 * carries an interval {@code [lo_j, hi_j]} of activations: the hidden value
 * {@code sigma(s sim + b_j - o(X))} (the expression and floating-point order of the
 * exhaustive pass) evaluated at {@link DistanceLowerBound#minimumSimilarity} and at
 * {@link DistanceLowerBound#quickMaximumSimilarity} of the pair {@code (W_j, X)}. Then, in a
 * loop,
 * <ol>
 *   <li>the leader {@code a} is the class of largest output at the interval midpoints (ties
 *       by index); for every other class {@code b} the gap bound
 *       {@code G_ab = c_a - c_b + sum_j (V_aj - V_bj) t_j}, with {@code t_j = lo_j} where
 *       the coefficient is positive and {@code hi_j} otherwise, bounds {@code u_a - u_b}
 *       from below;</li>
 *   <li>if {@code G_ab > 2e-9 (R_a + R_b)} for every {@code b}, with
 *       {@code R_k = 1 + |c_k| + sum_j |V_kj|}, the search answers {@code a};</li>
 *   <li>otherwise the unaligned unit of largest {@code sum_b |V_aj - V_bj| (hi_j - lo_j)},
 *       summed over the rivals {@code b} not yet ruled out (ties by index), gets its upper
 *       end lowered by {@link DistanceLowerBound#maximumSimilarity} if it only has the
 *       cheap one, and is aligned otherwise ({@code lo_j = hi_j = h_j});</li>
 *   <li>once every unit is aligned, the prediction is computed as in the exhaustive pass.</li>
 * </ol>
 * <b>Why the prediction is exactly the exhaustive one.</b> The aligner reports the
 * similarity of a concrete permutation, and the two similarity bounds lie below and above the
 * similarity of every permutation, rounding included. The hidden value is non-decreasing in
 * the similarity under rounding ({@code s > 0}, correctly rounded products and sums, and
 * {@link Math#tanh} and {@link Math#exp} are semi-monotonic), so {@code lo_j <= h_j <= hi_j}
 * holds for the value {@code h_j} the exhaustive pass computes, whatever permutation the
 * aligner returns; an aligned unit gets that very value, since the aligner answers a pair the
 * same way whenever it is asked (the determinism contract of {@link Aligner}). Hence in exact
 * arithmetic {@code u_a - u_b >= G_ab}. Both activations lie in {@code [-1, 1]}, so rounding
 * moves the computed {@code G_ab} and the computed outputs by less than
 * {@code 1e-9 (R_a + R_b)} for fewer than {@code 10^5} units, and at the stop the
 * exhaustive pass's outputs satisfy {@code u_a - u_b > 1e-9 (R_a + R_b)}, far more than
 * the rounding of the softmax: its probabilities have {@code p_a > p_b} strictly, and its
 * first largest probability is {@code a}. A stop before the last unit is therefore never a
 * tie, and without a stop the exhaustive computation runs on the same values. No lower bound
 * comes from a cheap alignment: it would bound the best alignment from below, not the one a
 * heuristic aligner returns, and so certify nothing about the exhaustive prediction. The
 * model counts, over all calls of {@link #predict}, the alignments computed and skipped.
 *
 * <p><b>Limitations.</b> The similarity bounds forget which nodes the edges join and the
 * lower one is that of the worst permutation, so the intervals are wide: on IAM Letter HIGH
 * with 75 units the search still aligns about 48 of them per query, against 0.2 of 2 on AIDS
 * (docs/results.md, section 6). {@link #scores} and {@link #hidden} need every unit and
 * align all of them.
 */
public final class GraphMlpModel implements GraphClassifierModel, AlignmentCounting {

    /**
     * Whether {@link #predict} uses the similarity bounds by default: they never change a
     * prediction (class description) and cost less thread CPU than aligning every unit on
     * IAM Letter, Fingerprint and AIDS, by 1.2 to 3.4 times (docs/results.md, section 6).
     */
    public static final boolean DEFAULT_BOUNDS = true;

    /** The relative margin of the gap test (class description). */
    private static final double GAP_MARGIN = 2e-9;

    private final GraphSpace space;
    private final Aligner aligner;
    private final LabelEncoder classes;
    private final List<Graph> weights;
    private final double[] hiddenBiases;
    private final double[] outputWeights;
    private final double[] outputBiases;
    private final double inputScale;
    private final GraphMlp.Activation activation;
    private final boolean distanceOffset;
    private final DistanceLowerBound.Profile[] profiles;
    private final LongAdder computed = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    /**
     * Wraps parameters with the default prediction ({@link #DEFAULT_BOUNDS}); the arrays are
     * copied.
     *
     * @param outputWeights {@code V} row by row, {@code V_kj} at {@code k * H + j}
     */
    GraphMlpModel(GraphSpace space, Aligner aligner, LabelEncoder classes, List<Graph> weights,
            double[] hiddenBiases, double[] outputWeights, double[] outputBiases,
            double inputScale, GraphMlp.Activation activation, boolean distanceOffset) {
        this(space, aligner, classes, weights, hiddenBiases, outputWeights, outputBiases,
                inputScale, activation, distanceOffset, DEFAULT_BOUNDS);
    }

    /**
     * Wraps parameters; the arrays are copied.
     *
     * @param bounds whether {@link #predict} uses the similarity bounds
     */
    GraphMlpModel(GraphSpace space, Aligner aligner, LabelEncoder classes, List<Graph> weights,
            double[] hiddenBiases, double[] outputWeights, double[] outputBiases,
            double inputScale, GraphMlp.Activation activation, boolean distanceOffset,
            boolean bounds) {
        this.space = space;
        this.aligner = aligner;
        this.classes = classes;
        this.weights = List.copyOf(weights);
        this.hiddenBiases = hiddenBiases.clone();
        this.outputWeights = outputWeights.clone();
        this.outputBiases = outputBiases.clone();
        this.inputScale = inputScale;
        this.activation = activation;
        this.distanceOffset = distanceOffset;
        if (bounds) {
            profiles = new DistanceLowerBound.Profile[this.weights.size()];
            for (int j = 0; j < profiles.length; j++) {
                profiles[j] = DistanceLowerBound.profile(space, this.weights.get(j));
            }
        } else {
            profiles = null;
        }
    }

    /**
     * Returns this model with or without bounded prediction; the parameters and the aligner
     * are shared in value, the counters start at zero.
     *
     * @param value true to predict with the similarity bounds, false to align every unit
     * @return a new model with the same predictions and scores
     */
    public GraphMlpModel withBounds(boolean value) {
        return new GraphMlpModel(space, aligner, classes, weights, hiddenBiases, outputWeights,
                outputBiases, inputScale, activation, distanceOffset, value);
    }

    /**
     * Returns whether {@link #predict} skips units by the similarity bounds.
     *
     * @return whether {@link #predict} skips units by the similarity bounds
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
     * Returns the weight graphs {@code W_j} of the hidden units; unmodifiable.
     *
     * @return the weight graphs {@code W_j} of the hidden units; unmodifiable
     */
    public List<Graph> weightGraphs() {
        return weights;
    }

    /**
     * Returns the hidden biases {@code b_j}; a new array.
     *
     * @return the hidden biases {@code b_j}; a new array
     */
    public double[] hiddenBiases() {
        return hiddenBiases.clone();
    }

    /**
     * Returns the output weights {@code V}, one row per class in {@link #classes()} order and
     * one column per hidden unit; a new array.
     *
     * @return the matrix {@code V}
     */
    public double[][] outputWeights() {
        int h = weights.size();
        double[][] result = new double[outputBiases.length][h];
        for (int k = 0; k < result.length; k++) {
            System.arraycopy(outputWeights, k * h, result[k], 0, h);
        }
        return result;
    }

    /**
     * Returns the output biases {@code c}; a new array.
     *
     * @return the output biases {@code c}; a new array
     */
    public double[] outputBiases() {
        return outputBiases.clone();
    }

    /**
     * Returns the factor {@code s} that every input is multiplied by before alignment.
     *
     * @return the factor {@code s} that every input is multiplied by before alignment
     */
    public double inputScale() {
        return inputScale;
    }

    /**
     * Returns the activation {@code sigma} of the hidden units.
     *
     * @return the activation {@code sigma} of the hidden units
     */
    public GraphMlp.Activation activation() {
        return activation;
    }

    /**
     * Returns whether {@code ||s X||^2 / 2} is subtracted from every pre-activation.
     *
     * @return whether {@code ||s X||^2 / 2} is subtracted from every pre-activation
     */
    public boolean distanceOffset() {
        return distanceOffset;
    }

    /**
     * Returns the hidden activations {@code h_j}, a fixed-length vector representation of the
     * graph that does not depend on its node numbering up to the aligner's accuracy: with an
     * exact aligner (within its limits) relabelled copies of a graph get the same
     * activations. A heuristic aligner may align a copy worse than the original, since where
     * it ends depends on the numbering; each activation then stays at most the one of an
     * optimal alignment (the similarity found is a lower bound and {@code sigma} increases),
     * but copies can get different activations, and rarely a different prediction.
     *
     * @param graph a member of {@link #space()}
     * @return a new array of one value per hidden unit
     * @throws IllegalArgumentException if the graph is not in the space
     */
    public double[] hidden(Graph graph) {
        space.requireMember(graph);
        double[] similarities = new double[weights.size()];
        for (int j = 0; j < similarities.length; j++) {
            similarities[j] = aligner.align(space, weights.get(j), graph).similarity();
        }
        return hiddenFrom(graph, similarities);
    }

    @Override
    public String predict(Graph graph) {
        space.requireMember(graph);
        if (profiles != null) {
            return classes.label(bounded(graph));
        }
        computed.add(weights.size());
        return classes.label(MaxLinearUnits.firstLargest(scores(graph)));
    }

    /** The search of the class description; returns the predicted class code. */
    private int bounded(Graph graph) {
        DistanceLowerBound.Profile queried = DistanceLowerBound.profile(space, graph);
        int h = weights.size();
        int classCount = outputBiases.length;
        double offset = offset(graph);
        double[] similarities = new double[h];
        double[] low = new double[h];
        double[] high = new double[h];
        boolean[] refined = new boolean[h];
        boolean[] aligned = new boolean[h];
        for (int j = 0; j < h; j++) {
            low[j] = hiddenValue(j, DistanceLowerBound.minimumSimilarity(space, profiles[j],
                    queried), offset);
            high[j] = hiddenValue(j, DistanceLowerBound.quickMaximumSimilarity(space,
                    profiles[j], queried), offset);
        }
        double[] rowSize = new double[classCount];
        for (int k = 0; k < classCount; k++) {
            double sum = 1.0 + Math.abs(outputBiases[k]);
            for (int j = 0; j < h; j++) {
                sum += Math.abs(outputWeights[k * h + j]);
            }
            rowSize[k] = sum;
        }
        int count = 0;
        while (count < h) {
            int leader = leader(low, high);
            boolean[] open = new boolean[classCount];
            boolean any = false;
            for (int b = 0; b < classCount; b++) {
                open[b] = b != leader && gapBound(leader, b, low, high)
                        <= GAP_MARGIN * (rowSize[leader] + rowSize[b]);
                any |= open[b];
            }
            if (!any) {
                computed.add(count);
                skipped.add(h - count);
                return leader;
            }
            int j = widest(leader, open, low, high, aligned);
            if (!refined[j]) {
                refined[j] = true;
                high[j] = Math.min(high[j], hiddenValue(j, DistanceLowerBound
                        .maximumSimilarity(space, profiles[j], queried), offset));
                continue;
            }
            aligned[j] = true;
            count++;
            similarities[j] = aligner.align(space, weights.get(j), graph).similarity();
            low[j] = hiddenValue(j, similarities[j], offset);
            high[j] = low[j];
        }
        computed.add(h);
        double[] probabilities = softmax(outputs(hiddenFrom(graph, similarities)));
        return MaxLinearUnits.firstLargest(probabilities);
    }

    /** The class of largest output at the interval midpoints, the first on ties. */
    private int leader(double[] low, double[] high) {
        int h = low.length;
        int best = 0;
        double bestOutput = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < outputBiases.length; k++) {
            double output = outputBiases[k];
            for (int j = 0; j < h; j++) {
                output += outputWeights[k * h + j] * (0.5 * low[j] + 0.5 * high[j]);
            }
            if (output > bestOutput) {
                best = k;
                bestOutput = output;
            }
        }
        return best;
    }

    /** The lower bound {@code G_ab} on {@code u_a - u_b} of the class description. */
    private double gapBound(int a, int b, double[] low, double[] high) {
        int h = low.length;
        double gap = outputBiases[a] - outputBiases[b];
        for (int j = 0; j < h; j++) {
            double coefficient = outputWeights[a * h + j] - outputWeights[b * h + j];
            gap += coefficient * (coefficient > 0.0 ? low[j] : high[j]);
        }
        return gap;
    }

    /** The unaligned unit to refine next for the open rivals (class description). */
    private int widest(int a, boolean[] open, double[] low, double[] high,
            boolean[] aligned) {
        int h = low.length;
        int best = -1;
        double bestWidth = 0.0;
        for (int j = 0; j < h; j++) {
            if (aligned[j]) {
                continue;
            }
            double weight = 0.0;
            for (int b = 0; b < open.length; b++) {
                if (open[b]) {
                    weight += Math.abs(outputWeights[a * h + j] - outputWeights[b * h + j]);
                }
            }
            double width = weight * (high[j] - low[j]);
            if (best < 0 || width > bestWidth) {
                best = j;
                bestWidth = width;
            }
        }
        return best;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the scores are the softmax class probabilities; they sum to 1.
     */
    @Override
    public double[] scores(Graph graph) {
        return softmax(outputs(hidden(graph)));
    }

    /**
     * The forward and backward pass of one labelled sample at given unit alignments.
     *
     * @param graph the input
     * @param label the class code of the input
     * @param units for each hidden unit, {@code <W_j, pi_j . X>} and its gradient
     *     {@code pi_j . X} (unscaled), from {@link MaxLinearUnits#evaluate}
     * @return the loss, the activations and the error signals
     */
    Pass pass(Graph graph, int label, List<GraphGradient> units) {
        double[] similarities = new double[units.size()];
        for (int j = 0; j < similarities.length; j++) {
            similarities[j] = units.get(j).value();
        }
        double[] hidden = hiddenFrom(graph, similarities);
        double[] probabilities = softmax(outputs(hidden));
        double loss = -Math.log(Math.max(probabilities[label], Double.MIN_NORMAL));

        // dL/du = p - e_y; dL/dh = V^T dL/du; dL/dz = sigma'(z) dL/dh.
        double[] outputDelta = probabilities.clone();
        outputDelta[label] -= 1.0;
        int h = hidden.length;
        double[] hiddenDelta = new double[h];
        for (int k = 0; k < outputDelta.length; k++) {
            for (int j = 0; j < h; j++) {
                hiddenDelta[j] += outputWeights[k * h + j] * outputDelta[k];
            }
        }
        for (int j = 0; j < h; j++) {
            hiddenDelta[j] *= activation.derivative(hidden[j]);
        }
        return new Pass(loss, hidden, outputDelta, hiddenDelta, List.copyOf(units));
    }

    /** Returns the loss {@code -log p_label} of one sample (the aligner picks the units). */
    double loss(Graph graph, int label) {
        List<GraphGradient> units = new ArrayList<>(weights.size());
        for (Graph weight : weights) {
            units.add(MaxLinearUnits.evaluate(space, aligner, weight, graph));
        }
        return pass(graph, label, units).loss();
    }

    private double[] hiddenFrom(Graph graph, double[] similarities) {
        double offset = offset(graph);
        double[] hidden = new double[similarities.length];
        for (int j = 0; j < hidden.length; j++) {
            hidden[j] = hiddenValue(j, similarities[j], offset);
        }
        return hidden;
    }

    /** The distance offset {@code o(X)}, or 0 without it. */
    private double offset(Graph graph) {
        return distanceOffset ? 0.5 * inputScale * inputScale * space.squaredNorm(graph) : 0.0;
    }

    /** The activation of unit {@code j}; non-decreasing in the similarity under rounding. */
    private double hiddenValue(int j, double similarity, double offset) {
        double z = inputScale * similarity + hiddenBiases[j] - offset;
        return activation.apply(z);
    }

    private double[] outputs(double[] hidden) {
        int h = hidden.length;
        double[] outputs = outputBiases.clone();
        for (int k = 0; k < outputs.length; k++) {
            for (int j = 0; j < h; j++) {
                outputs[k] += outputWeights[k * h + j] * hidden[j];
            }
        }
        return outputs;
    }

    private static double[] softmax(double[] outputs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double u : outputs) {
            max = Math.max(max, u);
        }
        double sum = 0.0;
        double[] result = new double[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            result[k] = Math.exp(outputs[k] - max);
            sum += result[k];
        }
        for (int k = 0; k < outputs.length; k++) {
            result[k] /= sum;
        }
        return result;
    }

    /**
     * One sample's pass.
     *
     * @param loss the cross-entropy {@code -log p_y}
     * @param hidden the activations {@code h}
     * @param outputDelta {@code dL/du = p - e_y}
     * @param hiddenDelta {@code dL/dz}, the error at the pre-activations
     * @param units the unit values and gradients the pass used
     */
    record Pass(double loss, double[] hidden, double[] outputDelta, double[] hiddenDelta,
            List<GraphGradient> units) {
    }
}
