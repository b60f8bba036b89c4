package org.orbifold.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.WeightedOverflowException;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.WeightedVectors;

/**
 * The template MLP, the cheaper variant of the graph MLP: every graph is aligned once to a
 * template graph {@code T}, and the aligned copy, read as a vector, is the input of an
 * ordinary multilayer perceptron ({@link TemplateMlpModel} gives the forward pass).
 *
 * <p><b>Method.</b> {@code T} is the {@link FrechetMean} of the training graphs (all
 * classes together), of their largest order (not {@code space.size()}: the space may hold the
 * graphs to predict as well), or, with
 * {@link Builder#templateOrder(int) a template order} {@code m}, that mean cut to its
 * {@code m} nodes of largest mass; the aligned copy then keeps the nodes matched to the
 * template's {@code m} nodes and drops the rest. A graph {@code X} is canonicalized by
 * {@code pi_X = A(T, X)}, the aligner's answer for {@code X} against {@code T}, and encoded as
 * the coordinates of {@code pi_X . X} whose dot product is the weighted inner product of the
 * space ({@link WeightedVectors}). Coordinates with the same value on every training graph
 * (such as those no training graph sets) are dropped. The rest are standardized (by
 * default: minus the training mean, divided by the training standard deviation) or,
 * without standardization, multiplied by {@code s = 1 / sqrt(mean ||X||^2)} over the
 * training graphs, the input scale of {@link GraphMlp}. The network has one hidden layer of
 * {@code H} units, {@code h = sigma(W x + b)} with {@code sigma} tanh or logistic
 * ({@link GraphMlp.Activation}), and a softmax output {@code p = softmax(V h + c)}; it is
 * trained on the cross-entropy by backpropagation and stochastic gradient descent, one
 * sample per step in a seeded random order per epoch, with the learning rate decaying
 * linearly, {@code eta_t = eta0 (1 - t / T)} over the {@code T} steps, as in
 * {@link GraphMlp}. {@code W} and {@code V} start uniform in
 * {@code +-sqrt(6 / (fan_in + fan_out))} (seeded), the biases at 0.
 *
 * <p><b>Why the template is not trained by backpropagation.</b> The input
 * {@code pi_X . X} is piecewise constant in {@code T}: a small change of {@code T} leaves the
 * optimal alignment unchanged almost everywhere, so the gradient of the loss with respect
 * to {@code T} is zero almost everywhere and gradient descent would never move it. The
 * template is therefore fitted beforehand by the majorize-minimize iteration of the mean,
 * and stays fixed while the network trains.
 *
 * <p><b>Cost.</b> Training costs the mean's alignments plus one alignment per training
 * graph; a prediction costs exactly one alignment (to {@code T}) plus a dense pass of
 * {@code O(H D)} for {@code D} kept coordinates, against one alignment per hidden unit for
 * {@link GraphMlp} and up to one per training graph for {@link NearestNeighbors}.
 *
 * <p>Sources: ALGORITHMS.md 3.8 (the cheaper variant of the MLP for graphs); B. J. Jain and
 * K. Obermayer, "Structure spaces", J. Mach. Learn. Res. 10, 2667-2714, 2009 (graphs as
 * points of a quotient of a vector space, represented by vectors aligned to a reference);
 * D. E. Rumelhart, G. E. Hinton and R. J. Williams, "Learning representations by
 * back-propagating errors", Nature 323, 533-536, 1986 (backpropagation); X. Glorot and
 * Y. Bengio, "Understanding the difficulty of training deep feedforward neural networks",
 * AISTATS 2010 (the initial weight range).
 *
 * <p>The mean and the canonicalization of the training graphs run on the configured
 * executor and are reduced in index order; the network trains on one thread. The model is
 * therefore the same for a seed and any thread count. After every epoch the
 * {@link IterationListener} hears the epoch, the mean training loss over the epoch (each
 * sample's loss before its step), the last learning rate and the elapsed time; it may stop
 * the training. A mean loss clearly above {@code ln C} for {@code C} classes means the
 * network does worse than a uniform guess (see {@link GraphMlp}). When a parameter or the
 * loss stops being finite, {@code fit} throws a {@link TrainingDivergedException}.
 * Instances are immutable and thread-safe if the aligner is.
 *
 * <p><b>Limitations.</b> One alignment to one template replaces the maximum over
 * permutations in every unit of {@link GraphMlp}: two graphs of different classes that
 * align to {@code T} in ways that put their differences on the same coordinates are fed as
 * similar vectors, and structure that {@code T} does not represent (nodes matched to null
 * nodes of {@code T}, classes far from the overall mean) is encoded on arbitrary
 * coordinates. The input is invariant under relabelling of the query only as far as the
 * alignment to {@code T} is: with an exact aligner and a unique optimal alignment relabelled
 * copies give the same vector; ties between optimal alignments (symmetries of {@code T} or
 * of the query) and a heuristic aligner can give relabelled copies different vectors and
 * rarely different predictions. The model, too, depends on how the training graphs' nodes
 * are numbered, even with an exact aligner: the template's mean starts at a training graph
 * (the medoid) and keeps its numbering, the coordinates of the vector follow the template's
 * numbering, and the seeded initial weights are drawn in coordinate order, so relabelled
 * training graphs meet other initial weights on the same coordinates and the training ends
 * elsewhere (a tester who relabelled every training graph saw 2 of 20 predictions change
 * with the exact aligner). A seed therefore fixes the model for one numbering of the
 * training graphs only. The template is a local minimum of the Fréchet function
 * (see {@link FrechetMean}). The vector has {@code m d_v + m (m - 1) d_e / 2} coordinates
 * for the template order {@code m}, by default the training graphs' largest order (twice
 * the edge part for directed graphs), which grows quadratically with the largest graph; a
 * template cut to fewer nodes drops the nodes of a graph it does not match, and what they
 * held is lost. A template of that order is dense, so its one alignment per query costs as much as
 * aligning two graphs of the largest order: on AIDS (95 nodes) as much as k-NN's bounded search
 * (docs/results.md, section 6.30), unless the template is cut.
 */
public final class TemplateMlp implements GraphClassifier {

    /** The default number of hidden units. */
    public static final int DEFAULT_HIDDEN_UNITS = 32;

    /**
     * The largest number of hidden units: the network's hidden weights take {@code 8 H D}
     * bytes for {@code D} kept coordinates, so beyond this even a small template fills
     * the memory of a common machine.
     */
    public static final int MAX_HIDDEN_UNITS = 1 << 16;

    /** The largest length of a Java array, which holds the {@code H D} hidden weights. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** The default initial learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    /** The default number of passes over the training set. */
    public static final int DEFAULT_EPOCHS = 30;

    /** The learner's name in messages. */
    static final String NAME = "the template MLP";

    private final Aligner aligner;
    private final int hiddenUnits;
    private final GraphMlp.Activation activation;
    private final double learningRate;
    private final int epochs;
    private final boolean standardize;
    private final int templateOrder;
    private final long seed;
    private final FrechetMean mean;
    private final Executor executor;
    private final IterationListener listener;

    private TemplateMlp(Builder builder) {
        this.aligner = builder.aligner;
        this.hiddenUnits = builder.hiddenUnits;
        this.activation = builder.activation;
        this.learningRate = builder.learningRate;
        this.epochs = builder.epochs;
        this.standardize = builder.standardize;
        this.templateOrder = builder.templateOrder;
        this.seed = builder.seed;
        this.executor = builder.executor;
        this.mean = builder.mean != null ? builder.mean
                : FrechetMean.builder().aligner(builder.aligner).executor(builder.executor)
                        .build();
        this.listener = builder.listener;
    }

    /**
     * Starts a configuration with the defaults: 32 hidden units, tanh, learning rate 0.1,
     * 30 epochs, standardized coordinates, seed 0, the template a {@link FrechetMean} with
     * its defaults, the configured aligner and executor, the common fork-join pool, no
     * listener. The aligner must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws TrainingDivergedException if a parameter or the training loss stops being finite
     */
    @Override
    public TemplateMlpModel fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        LabelEncoder classes = Checks.requireClasses(NAME, checked);
        int n = graphs.size();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = classes.indexOf(checked.get(i));
        }

        // The template (cut to its heaviest nodes if asked) and the canonical vectors.
        int order = MaxLinearUnits.weightOrder(space, graphs, templateOrder);
        Graph template = ModelOrders.heaviest(space, mean.compute(
                ModelOrders.fitting(space, graphs, order), graphs).center(), order);
        boolean directed = template.isDirected();
        for (Graph graph : graphs) {
            directed |= graph.isDirected();
        }
        WeightedVectors layout = new WeightedVectors(space, template.order(), directed);
        List<double[]> raw = IndexedTasks.map(n,
                i -> TemplateMlpModel.canonicalVector(space, aligner, template, layout,
                        graphs.get(i)), executor);

        // Kept coordinates and their affine map to the network's input.
        Features features = features(space, graphs, raw, layout.length());
        int d = features.kept.length;
        double[][] inputs = new double[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = features.apply(raw.get(i));
        }

        // Start, then train.
        int h = hiddenUnits;
        int k = classes.size();
        if ((long) h * d > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("hiddenUnits " + h + " times the " + d
                    + " kept coordinates exceeds the largest array, " + MAX_ARRAY_LENGTH
                    + ": give at most " + MAX_ARRAY_LENGTH / d + " hidden units");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] hiddenWeights = uniform(random, h * d, Math.sqrt(6.0 / (d + h)));
        double[] hiddenBiases = new double[h];
        double[] outputWeights = uniform(random, k * h, Math.sqrt(6.0 / (h + k)));
        double[] outputBiases = new double[k];
        TemplateMlpModel.Network net = new TemplateMlpModel.Network(activation, d, hiddenWeights,
                hiddenBiases, outputWeights, outputBiases);

        long started = System.nanoTime();
        long total = (long) epochs * n;
        long t = 0;
        int[] visits = new int[n];
        for (int i = 0; i < n; i++) {
            visits[i] = i;
        }
        double[] hidden = new double[h];
        double[] delta = new double[h];
        double[] probabilities = new double[k];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            MaxLinearUnits.shuffle(visits, random);
            double loss = 0.0;
            double eta = learningRate;
            for (int i : visits) {
                eta = learningRate * (1.0 - (double) t / total);
                t++;
                loss += step(net, inputs[i], codes[i], eta, hidden, delta, probabilities);
            }
            if (!Double.isFinite(loss) || !net.finite()) {
                throw new TrainingDivergedException(NAME, epoch, learningRate, Double.NaN,
                        new WeightedOverflowException("the mean training loss is "
                                + loss / n + " and the weights " + (net.finite() ? "are"
                                : "are not") + " finite"));
            }
            if (!listener.iterationDone(epoch, loss / n, eta, System.nanoTime() - started)) {
                break;
            }
        }
        return new TemplateMlpModel(space, aligner, classes, template, layout, features.kept,
                features.center, features.factor, net);
    }

    /**
     * One stochastic gradient step on one sample; the work arrays are overwritten.
     *
     * @return the sample's loss before the step
     */
    private static double step(TemplateMlpModel.Network net, double[] x, int label, double eta,
            double[] hidden, double[] delta, double[] probabilities) {
        net.forward(x, hidden, probabilities);
        double loss = -Math.log(Math.max(probabilities[label], Double.MIN_NORMAL));
        int h = hidden.length;
        int d = net.inputs;

        // dL/du = p - e_y; dL/dz = sigma'(z) V^T dL/du, taken before V moves.
        probabilities[label] -= 1.0;
        Arrays.fill(delta, 0.0);
        for (int k = 0; k < probabilities.length; k++) {
            for (int j = 0; j < h; j++) {
                delta[j] += net.outputWeights[k * h + j] * probabilities[k];
            }
        }
        for (int j = 0; j < h; j++) {
            delta[j] *= net.activation.derivative(hidden[j]);
        }

        // Output layer: V -= eta (p - e_y) h^T, c -= eta (p - e_y).
        for (int k = 0; k < probabilities.length; k++) {
            double g = eta * probabilities[k];
            for (int j = 0; j < h; j++) {
                net.outputWeights[k * h + j] -= g * hidden[j];
            }
            net.outputBiases[k] -= g;
        }

        // Hidden layer: W -= eta delta x^T, b -= eta delta.
        for (int j = 0; j < h; j++) {
            double g = eta * delta[j];
            if (g == 0.0) {
                continue;
            }
            int row = j * d;
            for (int q = 0; q < d; q++) {
                net.hiddenWeights[row + q] -= g * x[q];
            }
            net.hiddenBiases[j] -= g;
        }
        return loss;
    }

    /** Returns {@code count} seeded values uniform in {@code [-limit, limit)}. */
    private static double[] uniform(SplittableRandom random, int count, double limit) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = limit * (2.0 * random.nextDouble() - 1.0);
        }
        return values;
    }

    /**
     * Chooses the coordinates that vary over the training set and their affine maps: the
     * z-score with standardization, the input scale {@code s} without it.
     */
    private Features features(GraphSpace space, List<Graph> graphs, List<double[]> raw,
            int length) {
        int n = raw.size();
        double[] sum = new double[length];
        for (double[] v : raw) {
            for (int q = 0; q < length; q++) {
                sum[q] += v[q];
            }
        }
        double[] average = new double[length];
        double[] variance = new double[length];
        for (int q = 0; q < length; q++) {
            average[q] = sum[q] / n;
        }
        // A coordinate varies when a value differs from the first graph's: the variance
        // alone is rounding noise for equal values whose mean rounds to another double.
        boolean[] varies = new boolean[length];
        double[] first = raw.get(0);
        for (double[] v : raw) {
            for (int q = 0; q < length; q++) {
                double e = v[q] - average[q];
                variance[q] += e * e;
                varies[q] |= v[q] != first[q];
            }
        }
        int kept = 0;
        for (int q = 0; q < length; q++) {
            if (varies[q]) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(NAME + " needs training graphs that differ"
                    + " after alignment to the template; all " + n + " give the same vector");
        }
        int[] indices = new int[kept];
        double[] center = new double[kept];
        double[] factor = new double[kept];
        double scale = MaxLinearUnits.inputScale(space, graphs);
        int p = 0;
        for (int q = 0; q < length; q++) {
            if (varies[q]) {
                indices[p] = q;
                center[p] = standardize ? average[q] : 0.0;
                factor[p] = standardize ? 1.0 / Math.sqrt(variance[q] / n) : scale;
                p++;
            }
        }
        return new Features(indices, center, factor);
    }

    /**
     * The kept coordinates and the map {@code x_q = (v_q - center_q) factor_q}.
     *
     * @param kept the indices of the kept coordinates of the canonical vector
     * @param center the value subtracted from each kept coordinate
     * @param factor the factor each kept coordinate is multiplied by after that
     */
    private record Features(int[] kept, double[] center, double[] factor) {

        double[] apply(double[] raw) {
            return TemplateMlpModel.input(raw, kept, center, factor);
        }
    }

    /** Configures a {@link TemplateMlp}. Not thread-safe. */
    public static final class Builder {
        private Aligner aligner;
        private int hiddenUnits = DEFAULT_HIDDEN_UNITS;
        private GraphMlp.Activation activation = GraphMlp.Activation.TANH;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private int epochs = DEFAULT_EPOCHS;
        private boolean standardize = true;
        private int templateOrder;
        private long seed;
        private FrechetMean mean;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;

        private Builder() {
        }

        /**
         * Sets the aligner of the template's mean and of every canonicalization (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the number {@code H} of hidden units.
         *
         * @param value in {@code 1..}{@link #MAX_HIDDEN_UNITS}
         * @return this builder
         * @throws IllegalArgumentException if the value is less than 1 or more than
         *     {@link #MAX_HIDDEN_UNITS}
         */
        public Builder hiddenUnits(int value) {
            if (value > MAX_HIDDEN_UNITS) {
                throw new IllegalArgumentException("hiddenUnits must be at most "
                        + MAX_HIDDEN_UNITS + ", got " + value);
            }
            this.hiddenUnits = Checks.atLeast("hiddenUnits", value, 1);
            return this;
        }

        /**
         * Sets the activation of the hidden units.
         *
         * @param value tanh or logistic
         * @return this builder
         */
        public Builder activation(GraphMlp.Activation value) {
            this.activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        /**
         * Sets the initial learning rate {@code eta0}.
         *
         * @param value a finite number {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive and finite
         */
        public Builder learningRate(double value) {
            this.learningRate = Checks.positiveFinite("learningRate", value);
            return this;
        }

        /**
         * Sets the number of passes over the training set.
         *
         * @param value at least 0 (0 keeps the initial network)
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder epochs(int value) {
            this.epochs = Checks.atLeast("epochs", value, 0);
            return this;
        }

        /**
         * Sets whether the kept coordinates are standardized on the training set (true, the
         * default) or multiplied by the input scale {@code s} (false).
         *
         * @param value true to standardize
         * @return this builder
         */
        public Builder standardize(boolean value) {
            this.standardize = value;
            return this;
        }

        /**
         * Sets the order {@code m} of the template: the mean is cut to its {@code m} nodes of
         * largest mass (squared norm), and the aligned copy of a graph keeps only the nodes
         * matched to them, so each alignment costs that of order {@code max(m, |X|)} instead of
         * the training graphs' largest order, and the vector has the coordinates of graphs of
         * order {@code m}; the nodes of a graph that no template node matches are dropped. 0
         * (the default) means the largest order of the training graphs given to {@code fit}
         * (not the size of its space, which may hold graphs to predict as well); a larger
         * order is a mean of that order (at most the space size).
         *
         * @param value 0, or an order of at least 1
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder templateOrder(int value) {
            this.templateOrder = Checks.atLeast("templateOrder", value, 0);
            return this;
        }

        /**
         * Sets the seed of the initial weights and of the visiting order.
         *
         * @param value any seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the estimator of the template (default: {@link FrechetMean} with its default
         * settings, the configured aligner and the configured executor).
         *
         * @param value the estimator
         * @return this builder
         */
        public Builder mean(FrechetMean value) {
            this.mean = Objects.requireNonNull(value, "mean");
            return this;
        }

        /**
         * Sets the executor of the canonicalization of the training graphs (and of the
         * default template estimator).
         *
         * <p>Calling {@code fit} from a task that runs on this same executor can deadlock
         * when the executor has a bounded number of threads (a fixed thread pool): the task
         * waits for the alignment tasks it queued behind itself, and with one thread it hangs.
         * Give such a nested call another executor; a {@link java.util.concurrent.ForkJoinPool}
         * adds threads for its blocked workers and does not hang this way.
         *
         * @param value the executor, for example {@code Runnable::run}
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Sets the listener told about every epoch; it may stop the training early.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(IterationListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Returns the configured learner.
         *
         * @return the learner
         * @throws IllegalStateException if no aligner was set
         */
        public TemplateMlp build() {
            if (aligner == null) {
                throw new IllegalStateException("no aligner set");
            }
            return new TemplateMlp(this);
        }
    }
}
