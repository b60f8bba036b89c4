package org.orbifold.learn;

import java.util.ArrayList;
import java.util.List;
import org.orbifold.diff.GraphGradient;
import org.orbifold.match.Aligner;
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
 * <p>Every query costs one alignment per hidden unit. Up to the aligner's accuracy the model
 * does not depend on how the query's nodes are numbered. Instances are immutable and
 * thread-safe if the aligner is.
 */
public final class GraphMlpModel implements GraphClassifierModel {

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

    /**
     * Wraps parameters; the arrays are copied.
     *
     * @param outputWeights {@code V} row by row, {@code V_kj} at {@code k * H + j}
     */
    GraphMlpModel(GraphSpace space, Aligner aligner, LabelEncoder classes, List<Graph> weights,
            double[] hiddenBiases, double[] outputWeights, double[] outputBiases,
            double inputScale, GraphMlp.Activation activation, boolean distanceOffset) {
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
    }

    @Override
    public GraphSpace space() {
        return space;
    }

    @Override
    public LabelEncoder classes() {
        return classes;
    }

    /** Returns the weight graphs {@code W_j} of the hidden units; unmodifiable. */
    public List<Graph> weightGraphs() {
        return weights;
    }

    /** Returns the hidden biases {@code b_j}; a new array. */
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

    /** Returns the output biases {@code c}; a new array. */
    public double[] outputBiases() {
        return outputBiases.clone();
    }

    /** Returns the factor {@code s} that every input is multiplied by before alignment. */
    public double inputScale() {
        return inputScale;
    }

    /** Returns the activation {@code sigma} of the hidden units. */
    public GraphMlp.Activation activation() {
        return activation;
    }

    /** Returns whether {@code ||s X||^2 / 2} is subtracted from every pre-activation. */
    public boolean distanceOffset() {
        return distanceOffset;
    }

    /**
     * Returns the hidden activations {@code h_j}, a fixed-length vector representation of the
     * graph that does not depend on its node numbering.
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
        double[] scores = scores(graph);
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return classes.label(best);
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
        double offset = distanceOffset
                ? 0.5 * inputScale * inputScale * space.squaredNorm(graph) : 0.0;
        double[] hidden = new double[similarities.length];
        for (int j = 0; j < hidden.length; j++) {
            double z = inputScale * similarities[j] + hiddenBiases[j] - offset;
            hidden[j] = activation.apply(z);
        }
        return hidden;
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
