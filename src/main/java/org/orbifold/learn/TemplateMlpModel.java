package org.orbifold.learn;

import java.util.concurrent.atomic.LongAdder;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.Permutation;
import org.orbifold.stats.WeightedVectors;

/**
 * A template MLP, as trained by {@link TemplateMlp}: a template graph {@code T} and an
 * ordinary one-hidden-layer perceptron on the aligned copies of the queries. For a graph
 * {@code X}:
 * <pre>
 *   pi_X = A(T, X),   v = vec(pi_X . X),   x_q = (v_{i_q} - m_q) f_q,
 *   h = sigma(W x + b),   p = softmax(V h + c),
 * </pre>
 * where {@code A} is the aligner, {@code vec} the weighted coordinates of
 * {@link WeightedVectors}, {@code i_q} the kept coordinates and {@code m_q}, {@code f_q}
 * their standardization (or {@code m_q = 0} and {@code f_q = s}). The {@link #scores} are the
 * class probabilities {@code p}; {@link #predict} takes the most probable class (the first on
 * ties).
 *
 * <p><b>Cost.</b> {@link #predict}, {@link #scores} and {@link #canonical} each align the
 * query once, to {@code T}, and nothing else; {@link #alignmentsComputed} counts those
 * alignments over all calls, and {@link #alignmentsSkipped} is always 0.
 *
 * <p>With an exact aligner and a unique optimal alignment of the query to {@code T}, the
 * scores do not depend on how the query's nodes are numbered; ties and heuristic aligners
 * are discussed in the Limitations of {@link TemplateMlp}. Instances are immutable and
 * thread-safe if the aligner is (the counter is atomic).
 */
public final class TemplateMlpModel implements GraphClassifierModel, AlignmentCounting {

    private final GraphSpace space;
    private final Aligner aligner;
    private final LabelEncoder classes;
    private final Graph template;
    private final WeightedVectors layout;
    private final int[] kept;
    private final double[] center;
    private final double[] factor;
    private final Network network;
    private final LongAdder computed = new LongAdder();

    /** Wraps the trained parameters; the arrays are copied. */
    TemplateMlpModel(GraphSpace space, Aligner aligner, LabelEncoder classes, Graph template,
            WeightedVectors layout, int[] kept, double[] center, double[] factor,
            Network network) {
        this.space = space;
        this.aligner = aligner;
        this.classes = classes;
        this.template = template;
        this.layout = layout;
        this.kept = kept.clone();
        this.center = center.clone();
        this.factor = factor.clone();
        this.network = network.copy();
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
     * Returns the template graph {@code T}. Its order is, by default, the largest order of
     * the training graphs (not {@code space().size()}: the space may hold larger graphs to
     * predict as well); with a template order chosen
     * ({@link TemplateMlp.Builder#templateOrder}), that order, at most {@code space().size()}.
     *
     * @return the template
     */
    public Graph template() {
        return template;
    }

    /**
     * Returns the number {@code H} of hidden units.
     *
     * @return the number {@code H} of hidden units
     */
    public int hiddenUnits() {
        return network.hiddenBiases.length;
    }

    /**
     * Returns the activation {@code sigma} of the hidden units.
     *
     * @return the activation {@code sigma} of the hidden units
     */
    public GraphMlp.Activation activation() {
        return network.activation;
    }

    /**
     * Returns the indices, in the vectors of {@link WeightedVectors} for graphs of the
     * template's order, of the coordinates fed to the network: those that vary over the
     * training set; a new array.
     *
     * @return the kept coordinates, increasing
     */
    public int[] keptCoordinates() {
        return kept.clone();
    }

    /**
     * Returns the hidden weights {@code W}, one row per hidden unit and one column per kept
     * coordinate; a new array.
     *
     * @return the matrix {@code W}
     */
    public double[][] hiddenWeights() {
        return rows(network.hiddenWeights, hiddenUnits(), kept.length);
    }

    /**
     * Returns the hidden biases {@code b}; a new array.
     *
     * @return the hidden biases {@code b}; a new array
     */
    public double[] hiddenBiases() {
        return network.hiddenBiases.clone();
    }

    /**
     * Returns the output weights {@code V}, one row per class in {@link #classes()} order and
     * one column per hidden unit; a new array.
     *
     * @return the matrix {@code V}
     */
    public double[][] outputWeights() {
        return rows(network.outputWeights, classes.size(), hiddenUnits());
    }

    /**
     * Returns the output biases {@code c}; a new array.
     *
     * @return the output biases {@code c}; a new array
     */
    public double[] outputBiases() {
        return network.outputBiases.clone();
    }

    /**
     * Returns the alignments computed by {@link #predict}, {@link #scores} and
     * {@link #canonical} so far: one per call.
     */
    @Override
    public long alignmentsComputed() {
        return computed.sum();
    }

    /** Returns 0: the model never skips its one alignment. */
    @Override
    public long alignmentsSkipped() {
        return 0L;
    }

    /**
     * Returns {@code pi_X . X}, the query aligned to the template (one alignment, counted).
     *
     * @param graph a member of {@link #space()}
     * @return the aligned copy, of the template's order (nodes matched to no template node
     *     dropped)
     * @throws IllegalArgumentException if the graph is not in the space, or is directed
     *     while the template and the training graphs are not
     */
    public Graph canonical(Graph graph) {
        space.requireMember(graph);
        requireLayout(graph);
        computed.increment();
        return aligned(space, aligner, template, graph);
    }

    @Override
    public String predict(Graph graph) {
        return classes.label(MaxLinearUnits.firstLargest(scores(graph)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here the scores are the softmax class probabilities; they sum to 1.
     */
    @Override
    public double[] scores(Graph graph) {
        space.requireMember(graph);
        requireLayout(graph);
        computed.increment();
        double[] raw = canonicalVector(space, aligner, template, layout, graph);
        double[] hidden = new double[hiddenUnits()];
        double[] probabilities = new double[classes.size()];
        network.forward(input(raw, kept, center, factor), hidden, probabilities);
        return probabilities;
    }

    private void requireLayout(Graph graph) {
        if (graph.isDirected() && !layout.directed()) {
            throw new IllegalArgumentException("the template MLP was trained on undirected"
                    + " graphs and cannot take a directed one");
        }
    }

    /**
     * Returns {@code A(T, X) . X} cut to its first {@code |T|} nodes, those matched to the
     * template's nodes (the nodes of a larger graph matched to none are dropped).
     */
    static Graph aligned(GraphSpace space, Aligner aligner, Graph template, Graph graph) {
        Permutation p = aligner.align(space, template, graph).permutation();
        GraphAccumulator sum = new GraphAccumulator(space, p.size());
        sum.add(graph, p, 1.0);
        return ModelOrders.firstNodes(sum.sum(), template.order());
    }

    /** Returns the weighted coordinates of {@code A(T, X) . X}; one alignment. */
    static double[] canonicalVector(GraphSpace space, Aligner aligner, Graph template,
            WeightedVectors layout, Graph graph) {
        return layout.encode(aligned(space, aligner, template, graph));
    }

    /** Returns the network input {@code x_q = (v_{i_q} - m_q) f_q}. */
    static double[] input(double[] raw, int[] kept, double[] center, double[] factor) {
        double[] x = new double[kept.length];
        for (int q = 0; q < kept.length; q++) {
            x[q] = (raw[kept[q]] - center[q]) * factor[q];
        }
        return x;
    }

    private static double[][] rows(double[] flat, int rows, int columns) {
        double[][] result = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, result[r], 0, columns);
        }
        return result;
    }

    /**
     * The dense network's parameters, row-major ({@code W_jq} at {@code j * D + q},
     * {@code V_kj} at {@code k * H + j}); mutable during training only.
     */
    static final class Network {
        final GraphMlp.Activation activation;
        final int inputs;
        final double[] hiddenWeights;
        final double[] hiddenBiases;
        final double[] outputWeights;
        final double[] outputBiases;

        Network(GraphMlp.Activation activation, int inputs, double[] hiddenWeights,
                double[] hiddenBiases, double[] outputWeights, double[] outputBiases) {
            this.activation = activation;
            this.inputs = inputs;
            this.hiddenWeights = hiddenWeights;
            this.hiddenBiases = hiddenBiases;
            this.outputWeights = outputWeights;
            this.outputBiases = outputBiases;
        }

        Network copy() {
            return new Network(activation, inputs, hiddenWeights.clone(), hiddenBiases.clone(),
                    outputWeights.clone(), outputBiases.clone());
        }

        /** Returns whether every parameter is finite. */
        boolean finite() {
            for (double[] values : new double[][] {hiddenWeights, hiddenBiases, outputWeights,
                    outputBiases}) {
                for (double value : values) {
                    if (!Double.isFinite(value)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Fills the hidden activations and the class probabilities of the input. */
        void forward(double[] x, double[] hidden, double[] probabilities) {
            int h = hidden.length;
            for (int j = 0; j < h; j++) {
                double z = hiddenBiases[j];
                int row = j * inputs;
                for (int q = 0; q < inputs; q++) {
                    z += hiddenWeights[row + q] * x[q];
                }
                hidden[j] = activation.apply(z);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < probabilities.length; k++) {
                double u = outputBiases[k];
                for (int j = 0; j < h; j++) {
                    u += outputWeights[k * h + j] * hidden[j];
                }
                probabilities[k] = u;
                max = Math.max(max, u);
            }
            double sum = 0.0;
            for (int k = 0; k < probabilities.length; k++) {
                probabilities[k] = Math.exp(probabilities[k] - max);
                sum += probabilities[k];
            }
            for (int k = 0; k < probabilities.length; k++) {
                probabilities[k] /= sum;
            }
        }
    }
}
