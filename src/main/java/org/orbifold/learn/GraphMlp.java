package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.diff.GraphGradient;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.WeightedOverflowException;
import org.orbifold.stats.FrechetMean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multilayer perceptron on graphs: a layer of {@code H} max-linear units, each aligning the
 * input to its own weight graph, then a dense softmax layer, trained on the cross-entropy by
 * generalized backpropagation and stochastic gradient descent ({@link GraphMlpModel} gives
 * the forward pass).
 *
 * <p><b>Gradient.</b> For a sample {@code (X, y)} the output error is {@code p - e_y} and the
 * error at pre-activation {@code z_j} is {@code delta_j = sigma'(z_j) (V^T (p - e_y))_j}.
 * Since {@code z_j} is a maximum of functions linear in {@code W_j}, Danskin's theorem gives
 * the generalized gradient {@code dL/dW_j = delta_j pi_j* . (s X)} at the alignment
 * {@code pi_j*} the aligner finds ({@link org.orbifold.diff.GraphGradients#similarity}), and
 * {@code dL/db_j = delta_j}; it is the ordinary gradient wherever the aligned input is
 * unique. The dense layer has the usual gradients. Mini-batch steps average the gradients of
 * the batch, with the learning rate decaying linearly, {@code eta_t = eta0 (1 - t / T)} over
 * the {@code T} steps; optional L2 weight decay {@code lambda} adds {@code lambda V} to the
 * gradient of the dense weights (only those: the weight graphs start at data graphs and are
 * not pulled toward the empty graph).
 *
 * <p><b>Scale.</b> The inner product of two graphs grows with their size and attribute
 * scale, so every input is multiplied by {@code s = 1 / sqrt(mean ||X||^2)} over the training
 * graphs; a typical input then has norm 1 and one learning rate serves the weight graphs,
 * their biases and the dense layer. With the distance offset (on by default) the
 * pre-activation also subtracts {@code ||s X||^2 / 2}, a term independent of the parameters:
 * a unit with {@code b_j = -||W_j||^2 / 2} then computes {@code -d(W_j, s X)^2 / 2}, a
 * negative squared graph distance, so that the fresh network is a soft nearest-prototype
 * classifier. Without it, a unit compares the inputs by similarity alone and large graphs
 * dominate.
 *
 * <p><b>Start.</b> The hidden units are spread over the classes in blocks (class by class,
 * the first {@code H mod K} classes one more). A unit starts at a scaled training graph of its
 * class, chosen at random without repetition (seeded), or, with
 * {@link Initialization#CLASS_MEANS}, the first unit of each class at the scaled class mean,
 * or, with {@link Initialization#CLASS_MEDOIDS}, the units of a class at the scaled medoids of
 * a seeded k-medoids clustering of the class into as many clusters as it has units; its bias
 * starts at {@code -||W_j||^2 / 2}. The output weights start at {@code V_kj = 1} if unit
 * {@code j} belongs to class {@code k} and 0 otherwise, the output biases at 0. With fewer
 * units than classes ({@link Builder#hiddenUnits}), the last classes in label order get no
 * unit: their output weights start at 0, and they become predictable only as the dense layer
 * learns them from the other units (a warning is logged).
 *
 * <p>Sources: B. J. Jain, "Margin perceptrons for graphs", Proc. ICPR 2014 (max-linear units
 * on graphs); B. J. Jain and K. Obermayer, "Structure spaces", J. Mach. Learn. Res. 10,
 * 2667-2714, 2009 (graph spaces and their generalized gradients); D. E. Rumelhart,
 * G. E. Hinton and R. J. Williams, "Learning representations by back-propagating errors",
 * Nature 323, 533-536, 1986, doi:10.1038/323533a0; J. M. Danskin, "The Theory of Max-Min and
 * its Application to Weapons Allocation Problems", Springer, 1967.
 *
 * <p>Each mini-batch aligns its samples to all weight graphs on the configured executor, then
 * sums the gradients in sample order, so the result is the same for a seed and any thread
 * count. After every epoch the {@link IterationListener} hears the epoch, the mean training
 * loss over the epoch (each sample's loss before its step), the last learning rate, and the
 * elapsed time; it may stop the training. Instances are immutable and thread-safe if the
 * aligner is.
 *
 * <p><b>Telling a failed training.</b> The learner reports numbers and leaves the judgement
 * to the caller (the command line's warnings apply the rule below). The listener's
 * objective is the mean cross-entropy; a network that gives every one of {@code C} classes
 * the same probability has loss {@code ln C}. A mean loss that ends clearly above
 * {@code ln C} (the command line warns 10 % above it) means the network does worse than
 * guessing uniformly, the usual effect of a learning rate so large that every step
 * overshoots; {@link Evaluation#accuracy} on held-out graphs against the largest class's
 * share tells the same. When the parameters overflow, or a bias or output weight stops
 * being finite (a weight decay so large that each step overshoots), {@code fit} throws a
 * {@link TrainingDivergedException} naming the epoch, the learning rate and the weight
 * decay.
 *
 * <p><b>Limitations.</b> One hidden layer of graph units and one dense layer; no momentum,
 * no early stopping on a validation set (attach a listener). The loss is not convex and the
 * alignments change as the weight graphs move, so SGD finds a local solution. Weight graphs
 * become dense, so every alignment costs as much as aligning two complete graphs of the
 * weight order, and a query costs {@code H} alignments. With a heuristic aligner the gradient
 * is that of a lower bound of the unit (the similarity at the permutation found).
 */
public final class GraphMlp implements GraphClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(GraphMlp.class);

    /** The activation of the hidden units. */
    public enum Activation {
        /** The hyperbolic tangent, values in {@code (-1, 1)}. */
        TANH {
            @Override
            double apply(double z) {
                return Math.tanh(z);
            }

            @Override
            double derivative(double value) {
                return 1.0 - value * value;
            }
        },
        /** The logistic function {@code 1 / (1 + e^-z)}, values in {@code (0, 1)}. */
        LOGISTIC {
            @Override
            double apply(double z) {
                return 1.0 / (1.0 + Math.exp(-z));
            }

            @Override
            double derivative(double value) {
                return value * (1.0 - value);
            }
        };

        /** Returns {@code sigma(z)}. */
        abstract double apply(double z);

        /** Returns {@code sigma'(z)} from the value {@code sigma(z)}. */
        abstract double derivative(double value);
    }

    /** How the weight graphs start. */
    public enum Initialization {
        /** The class mean for each class's first unit, random class members for the rest. */
        CLASS_MEANS,
        /** Distinct random members of the unit's class. */
        RANDOM_MEMBERS,
        /**
         * The medoids of a k-medoids clustering of the class into as many clusters as it has
         * units, as for {@link LearningGraphQuantization.Initialization#CLASS_MEDOIDS} (one
         * seed per class from the learner's generator; the clustering aligns on the
         * configured executor).
         */
        CLASS_MEDOIDS
    }

    /** The default initial learning rate (the better of 0.1 and 0.5 on IAM Letter LOW). */
    public static final double DEFAULT_LEARNING_RATE = 0.5;

    /** The default number of passes over the training set. */
    public static final int DEFAULT_EPOCHS = 20;

    private final Aligner aligner;
    private final int hiddenUnits;
    private final Activation activation;
    private final boolean distanceOffset;
    private final double learningRate;
    private final double weightDecay;
    private final int epochs;
    private final int batchSize;
    private final int weightOrder;
    private final Initialization initialization;
    private final long seed;
    private final FrechetMean mean;
    private final Executor executor;
    private final IterationListener listener;

    private GraphMlp(Builder builder) {
        this.aligner = builder.aligner;
        this.hiddenUnits = builder.hiddenUnits;
        this.activation = builder.activation;
        this.distanceOffset = builder.distanceOffset;
        this.learningRate = builder.learningRate;
        this.weightDecay = builder.weightDecay;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.weightOrder = builder.weightOrder;
        this.initialization = builder.initialization;
        this.seed = builder.seed;
        this.mean = builder.mean != null ? builder.mean
                : FrechetMean.builder().aligner(builder.aligner).build();
        this.executor = builder.executor;
        this.listener = builder.listener;
    }

    /**
     * Starts a configuration with the defaults: one hidden unit per class, tanh, distance
     * offset on, learning rate 0.5, no weight decay, 20 epochs, batches of 1, weight graphs
     * of the training graphs' largest order started at random class members, seed 0, the
     * common fork-join pool, no listener. The aligner must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the warning for fewer hidden units than classes, or null when every class has a
     * unit: the last {@code K - H} classes in label order get none (the blocks of the class
     * description), start with output weights 0 and are told apart only by what the dense
     * layer learns from the other classes' units.
     */
    static String classesWithoutUnits(LabelEncoder classes, int units) {
        int k = classes.size();
        if (units >= k) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int c = units; c < k && names.size() < 3; c++) {
            names.add("'" + classes.label(c) + "'");
        }
        int missing = k - units;
        String listed = String.join(", ", names) + (missing > names.size() ? ", ..." : "");
        return "hiddenUnits " + units + " is below the " + k + " classes: " + missing
                + (missing == 1 ? " class (" : " classes (") + listed + ") get no hidden unit"
                + " of their own; their output weights start at 0, so the untrained network is"
                + " no nearest-unit rule for them, and only training the dense layer on the"
                + " other classes' units can tell them apart (hiddenUnits 0 gives one unit per"
                + " class)";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if a class has too few members for its units,
     *     or, with {@link Initialization#CLASS_MEDOIDS}, too few distinct graphs or too few
     *     graphs that differ up to relabelling (isomorphic copies count once; naming the
     *     class)
     */
    @Override
    public GraphMlpModel fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        LabelEncoder classes = Checks.requireClasses("the graph MLP", checked);
        int order = MaxLinearUnits.weightOrder(space, graphs, weightOrder);
        int n = graphs.size();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = classes.indexOf(checked.get(i));
        }
        double scale = MaxLinearUnits.inputScale(space, graphs);
        int units = hiddenUnits == 0 ? classes.size() : hiddenUnits;
        String unitless = classesWithoutUnits(classes, units);
        if (unitless != null) {
            LOG.warn(unitless);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Trainer trainer = initialize(space, graphs, checked, classes, units, order, scale,
                random);

        long started = System.nanoTime();
        int batches = (n + batchSize - 1) / batchSize;
        long total = (long) epochs * batches;
        long t = 0;
        int[] visits = new int[n];
        for (int i = 0; i < n; i++) {
            visits[i] = i;
        }
        int epoch = 0;
        try {
            while (epoch < epochs) {
                epoch++;
                MaxLinearUnits.shuffle(visits, random);
                double loss = 0.0;
                double eta = learningRate;
                for (int from = 0; from < n; from += batchSize) {
                    eta = learningRate * (1.0 - (double) t / total);
                    t++;
                    int[] batch = Arrays.copyOfRange(visits, from,
                            Math.min(n, from + batchSize));
                    loss += trainer.step(graphs, codes, batch, eta);
                    if (!trainer.isFinite()) {
                        throw new TrainingDivergedException("the graph MLP", epoch,
                                learningRate, weightDecay > 0.0 ? weightDecay : Double.NaN,
                                "a bias or an output weight is no longer finite");
                    }
                }
                if (!listener.iterationDone(epoch, loss / n, eta,
                        System.nanoTime() - started)) {
                    break;
                }
            }
            return trainer.snapshot(GraphMlpModel.DEFAULT_BOUNDS);
        } catch (WeightedOverflowException e) {
            // In an epoch, or in the model of the last epoch run; with no epoch, the starts.
            throw epoch == 0 ? e : TrainingDivergedException.of("the graph MLP", epoch,
                    learningRate, weightDecay > 0.0 ? weightDecay : Double.NaN, e, space,
                    graphs);
        }
    }

    private Trainer initialize(GraphSpace space, List<Graph> graphs, List<String> labels,
            LabelEncoder classes, int units, int order, double scale, SplittableRandom random) {
        int[] unitClasses = MaxLinearUnits.unitClasses(units, classes.size());
        requireMembersForUnits(labels, classes, unitClasses);
        Trainer trainer = new Trainer(space, classes, units, order, scale);
        int j = 0;
        for (int c = 0; c < classes.size(); c++) {
            String label = classes.label(c);
            int count = 0;
            while (j + count < units && unitClasses[j + count] == c) {
                count++;
            }
            if (count == 0) {
                continue;
            }
            List<Graph> members = NearestPrototype.members(graphs, labels, label);
            List<Graph> starts = new ArrayList<>(count);
            if (initialization == Initialization.CLASS_MEDOIDS) {
                starts.addAll(ClassMedoids.select(space, members, count, label, aligner,
                        random.nextLong(), executor));
            } else if (initialization == Initialization.CLASS_MEANS) {
                starts.add(mean.compute(ModelOrders.fitting(space, graphs, order), members)
                        .center());
            }
            starts.addAll(MaxLinearUnits.sampleMembers(members, label, count - starts.size(),
                    random));
            for (Graph start : starts) {
                trainer.weights[j] = MaxLinearUnits.scaledStart(space, start, scale, order);
                trainer.hiddenBiases[j] = -0.5 * space.squaredNorm(trainer.weights[j]);
                trainer.outputWeights[c * units + j] = 1.0;
                j++;
            }
        }
        return trainer;
    }

    /**
     * Fails before any start is chosen when a class has fewer members than its units need
     * (one distinct member per unit, but for the unit that starts at the class mean), naming
     * the requested hidden units, the class's share of them and the most units that the
     * classes can start.
     */
    private void requireMembersForUnits(List<String> labels, LabelEncoder classes,
            int[] unitClasses) {
        int k = classes.size();
        int[] members = new int[k];
        for (String label : labels) {
            members[classes.indexOf(label)]++;
        }
        int[] units = new int[k];
        for (int c : unitClasses) {
            units[c]++;
        }
        // A class can start members[c] units, one more with the mean as the first start.
        int free = initialization == Initialization.CLASS_MEANS ? 1 : 0;
        int fewest = Integer.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            fewest = Math.min(fewest, members[c] + free);
        }
        int lead = 0;
        while (lead < k && members[lead] + free > fewest) {
            lead++;
        }
        long most = (long) k * fewest + lead;
        for (int c = 0; c < k; c++) {
            if (units[c] > members[c] + free) {
                throw new IllegalArgumentException("hiddenUnits " + unitClasses.length
                        + " over " + k + " classes gives class '" + classes.label(c) + "' "
                        + units[c] + " units, but it has " + members[c] + " members, fewer"
                        + " than the " + (units[c] - free) + " weight graphs to start from"
                        + " them; these training graphs start at most " + most
                        + " hidden units");
            }
        }
    }

    /** The parameters during training and the mini-batch step. */
    private final class Trainer {
        private final GraphSpace space;
        private final LabelEncoder classes;
        private final int units;
        private final double scale;
        private final Graph[] weights;
        private final double[] hiddenBiases;
        private final double[] outputWeights;
        private final double[] outputBiases;

        Trainer(GraphSpace space, LabelEncoder classes, int units, int order, double scale) {
            this.space = space;
            this.classes = classes;
            this.units = units;
            this.scale = scale;
            this.weights = new Graph[units];
            this.hiddenBiases = new double[units];
            this.outputWeights = new double[classes.size() * units];
            this.outputBiases = new double[classes.size()];
        }

        /**
         * Returns whether every bias and output weight is finite. The weight graphs need no
         * check: their sums refuse non-finite values and overflow on their own.
         */
        boolean isFinite() {
            return allFinite(hiddenBiases) && allFinite(outputWeights)
                    && allFinite(outputBiases);
        }

        private static boolean allFinite(double[] values) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
            return true;
        }

        /** The current network; {@code bounds} as in {@link GraphMlpModel#withBounds}. */
        GraphMlpModel snapshot(boolean bounds) {
            return new GraphMlpModel(space, aligner, classes, Arrays.asList(weights),
                    hiddenBiases, outputWeights, outputBiases, scale, activation,
                    distanceOffset, bounds);
        }

        /**
         * One gradient step on a mini-batch.
         *
         * @return the summed loss of the batch before the step
         */
        double step(List<Graph> graphs, int[] codes, int[] batch, double eta) {
            GraphMlpModel current = snapshot(false);
            int b = batch.length;
            List<GraphGradient> evaluated = IndexedTasks.map(b * units,
                    k -> MaxLinearUnits.evaluate(space, aligner, weights[k % units],
                            graphs.get(batch[k / units])), executor);
            List<GraphMlpModel.Pass> passes = new ArrayList<>(b);
            double loss = 0.0;
            for (int s = 0; s < b; s++) {
                int i = batch[s];
                GraphMlpModel.Pass pass = current.pass(graphs.get(i), codes[i],
                        evaluated.subList(s * units, (s + 1) * units));
                passes.add(pass);
                loss += pass.loss();
            }
            double rate = eta / b;

            // Hidden layer: W_j -= eta mean(delta_j pi_j . (s X)), b_j -= eta mean(delta_j).
            for (int j = 0; j < units; j++) {
                GraphAccumulator sum = new GraphAccumulator(space, weights[j].order());
                sum.add(weights[j], 1.0);
                for (GraphMlpModel.Pass pass : passes) {
                    double delta = pass.hiddenDelta()[j];
                    if (delta != 0.0) {
                        MaxLinearUnits.addGradient(sum, pass.units().get(j).gradient(),
                                -rate * scale * delta);
                    }
                    hiddenBiases[j] -= rate * delta;
                }
                weights[j] = sum.sum();
            }

            // Dense layer: V -= eta (mean((p - e_y) h^T) + lambda V), c -= eta mean(p - e_y).
            for (int k = 0; k < outputBiases.length; k++) {
                for (int j = 0; j < units; j++) {
                    double gradient = 0.0;
                    for (GraphMlpModel.Pass pass : passes) {
                        gradient += pass.outputDelta()[k] * pass.hidden()[j];
                    }
                    int kj = k * units + j;
                    outputWeights[kj] -= rate * gradient + eta * weightDecay
                            * outputWeights[kj];
                }
                for (GraphMlpModel.Pass pass : passes) {
                    outputBiases[k] -= rate * pass.outputDelta()[k];
                }
            }
            return loss;
        }
    }

    /** Configures a {@link GraphMlp}. Not thread-safe. */
    public static final class Builder {
        private Aligner aligner;
        private int hiddenUnits;
        private Activation activation = Activation.TANH;
        private boolean distanceOffset = true;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private double weightDecay;
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = 1;
        private int weightOrder;
        private Initialization initialization = Initialization.RANDOM_MEMBERS;
        private long seed;
        private FrechetMean mean;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;

        private Builder() {
        }

        /**
         * Sets the aligner of the hidden units (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the number {@code H} of hidden units; 0 (the default) means one per class.
         * Units are dealt to the classes in blocks, in label order. {@code H} below the
         * number {@code K} of classes is allowed, but the last {@code K - H} classes then get
         * no unit: their output weights start at 0, so the untrained network is no
         * nearest-unit rule for them (it scores them by no distance), and only the dense
         * layer's training, on the other classes' units, can tell them apart; {@code fit}
         * logs a warning (SLF4J) naming them.
         *
         * @param value at least 0
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder hiddenUnits(int value) {
            this.hiddenUnits = Checks.atLeast("hiddenUnits", value, 0);
            return this;
        }

        /**
         * Sets the activation of the hidden units.
         *
         * @param value tanh or logistic
         * @return this builder
         */
        public Builder activation(Activation value) {
            this.activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        /**
         * Sets whether {@code ||s X||^2 / 2} is subtracted from every pre-activation (see the
         * class description).
         *
         * @param value true (the default) to subtract it
         * @return this builder
         */
        public Builder distanceOffset(boolean value) {
            this.distanceOffset = value;
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
         * Sets the L2 weight decay {@code lambda} of the dense output weights.
         *
         * @param value a finite number {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if the value is negative or not finite
         */
        public Builder weightDecay(double value) {
            this.weightDecay = Checks.nonNegativeFinite("weightDecay", value);
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
         * Sets the number of samples per gradient step (the last batch of an epoch may be
         * smaller).
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if the value is less than 1
         */
        public Builder batchSize(int value) {
            this.batchSize = Checks.atLeast("batchSize", value, 1);
            return this;
        }

        /**
         * Sets the order of the weight graphs; 0 (the default) means the largest order of the
         * training graphs given to {@code fit} (not the size of its space, which may hold
         * graphs to predict as well), and an order above the size of the space means that
         * size. A start graph with more nodes keeps its first ones.
         *
         * @param value 0, or an order of at least 1
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder weightOrder(int value) {
            this.weightOrder = Checks.atLeast("weightOrder", value, 0);
            return this;
        }

        /**
         * Sets how the weight graphs start.
         *
         * @param value class means, random members or class medoids
         * @return this builder
         */
        public Builder initialization(Initialization value) {
            this.initialization = Objects.requireNonNull(value, "initialization");
            return this;
        }

        /**
         * Sets the seed of the member sampling, the k-medoids runs and the visiting order.
         *
         * @param value any seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the estimator of the class means used by {@link Initialization#CLASS_MEANS}
         * (default: {@link FrechetMean} with the default settings and the configured aligner).
         *
         * @param value the estimator
         * @return this builder
         */
        public Builder mean(FrechetMean value) {
            this.mean = Objects.requireNonNull(value, "mean");
            return this;
        }

        /**
         * Sets the executor of the alignments of a mini-batch.
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
        public GraphMlp build() {
            if (aligner == null) {
                throw new IllegalStateException("no aligner set");
            }
            return new GraphMlp(this);
        }
    }
}
