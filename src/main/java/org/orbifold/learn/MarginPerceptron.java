package org.orbifold.learn;

import java.util.ArrayList;
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

/**
 * The multi-class margin perceptron with max-linear units: one weight graph {@code W_c} and
 * bias {@code b_c} per class, class scores {@code f_c(X) = max_pi <W_c, pi . (s X)> + b_c},
 * and the prediction {@code argmax_c f_c(X)} ({@link MarginPerceptronModel}).
 *
 * <p><b>Update.</b> The training graphs are visited in a seeded random order, once per
 * epoch. For a sample {@code (X, y)} let {@code c'} be the best-scoring other class and
 * {@code pi_c} the alignment found for class {@code c}. If the margin
 * {@code f_y(X) - f_c'(X)} is at most {@code kappa}, then
 * {@code W_y += eta pi_y . (s X)}, {@code b_y += eta}, {@code W_c' -= eta pi_c' . (s X)} and
 * {@code b_c' -= eta}: a step along the generalized gradient of the multi-class hinge loss
 * {@code max(0, kappa - f_y + f_c')} (Crammer and Singer's update for the most violating
 * class). The gradient of {@code f_c} with respect to {@code W_c} is the aligned input
 * {@code pi_c . (s X)} by Danskin's theorem ({@link org.orbifold.diff.GraphGradients}). An
 * epoch without an update ends the training.
 *
 * <p><b>Input scale.</b> Every input is multiplied by {@code s = 1 / sqrt(mean ||X||^2)} over
 * the training graphs, so that the learning rate and the margin {@code kappa} are in units of
 * a typical squared norm and do not depend on the attribute scale or the graph size;
 * scaling changes no alignment.
 *
 * <p><b>Start.</b> {@link Initialization#CLASS_MEANS} (the default) starts {@code W_c} at the
 * scaled Fréchet mean {@code M_c} of class {@code c} and {@code b_c = -||M_c||^2 / 2}; then
 * {@code argmax_c f_c(X) = argmin_c d(M_c, s X)}, so training starts from the nearest class
 * mean classifier. {@link Initialization#ZERO} starts at zero, the classical perceptron; then
 * every alignment ties at the first visits, each class's first update takes whatever
 * alignment the aligner returns, and training needs more epochs.
 *
 * <p><b>Averaging.</b> By default the model returned holds the averages of the weight graphs
 * and biases over all steps (the averaged perceptron of Freund and Schapire), computed
 * without storing the history; with {@link Builder#averaged(boolean) averaged(false)} it
 * holds the last ones.
 *
 * <p>Sources: B. J. Jain, "Margin perceptrons for graphs", Proc. 22nd International
 * Conference on Pattern Recognition (ICPR), 2014 (max-linear units on graphs, convergence
 * when the classes are separable by max-linear functions); K. Crammer and Y. Singer,
 * "Ultraconservative online algorithms for multiclass problems", J. Mach. Learn. Res. 3,
 * 951-991, 2003 (the multi-class update); Y. Freund and R. E. Schapire, "Large margin
 * classification using the perceptron algorithm", Machine Learning 37, 277-296, 1999,
 * doi:10.1023/A:1007662407062 (averaging).
 *
 * <p>Training is sequential over the samples; the alignments of one sample to the class
 * weight graphs run on the configured executor and are combined in class order, so the
 * result is the same for a seed and any thread count. After every epoch the
 * {@link IterationListener} hears the epoch, the fraction of samples that caused an update,
 * the learning rate, and the elapsed time; it may stop the training. Instances are immutable
 * and thread-safe if the aligner is.
 *
 * <p><b>Telling a failed training.</b> The learner reports numbers and leaves the judgement
 * to the caller (the command line's warnings apply the rule below). With margin 0 the
 * listener's objective is the fraction of training graphs misclassified (or tied) when
 * visited; guessing among {@code C} classes uniformly misclassifies {@code 1 - 1/C} of them.
 * An objective that ends clearly above that level (the command line's level is two binomial
 * standard errors above it) and above its first epoch's value says the training went wrong;
 * {@link Evaluation#accuracy} on held-out graphs against the largest class's share tells the
 * same. When the weight graphs overflow, {@code fit} throws a
 * {@link TrainingDivergedException} naming the epoch and the learning rate. The inputs are
 * scaled to a mean squared norm of 1 (below), so a class-mean start has weight graphs of
 * norm about 1 and one step of rate 1 moves a weight graph about as far as its norm: rates
 * well above 1 forget the start (from {@link Initialization#ZERO} the rate changes nothing
 * but the scale of the weights) and only bring the weights nearer to overflow.
 *
 * <p><b>Limitations.</b> The model is one max-linear function per class, about as expressive
 * as one prototype per class: classes made of several separated groups need the
 * {@link GraphMlp} or more prototypes. Weight graphs become dense (edge entries between
 * every pair), so each alignment costs as much as aligning two complete graphs of the weight
 * order. With a heuristic aligner a score is a lower bound on the true max-linear function
 * and relabelled copies of a query may score slightly differently; the convergence
 * guarantee holds only for exact alignments.
 */
public final class MarginPerceptron implements GraphClassifier {

    /** How the weight graphs start. */
    public enum Initialization {
        /** The scaled class means, with biases {@code -||M_c||^2 / 2}. */
        CLASS_MEANS,
        /** Zero weight graphs and biases. */
        ZERO
    }

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    /** The default number of passes over the training set. */
    public static final int DEFAULT_EPOCHS = 10;

    private final Aligner aligner;
    private final double learningRate;
    private final double margin;
    private final int epochs;
    private final int weightOrder;
    private final Initialization initialization;
    private final boolean averaged;
    private final long seed;
    private final FrechetMean mean;
    private final Executor executor;
    private final IterationListener listener;

    private MarginPerceptron(Builder builder) {
        this.aligner = builder.aligner;
        this.learningRate = builder.learningRate;
        this.margin = builder.margin;
        this.epochs = builder.epochs;
        this.weightOrder = builder.weightOrder;
        this.initialization = builder.initialization;
        this.averaged = builder.averaged;
        this.seed = builder.seed;
        this.mean = builder.mean != null ? builder.mean
                : FrechetMean.builder().aligner(builder.aligner).build();
        this.executor = builder.executor;
        this.listener = builder.listener;
    }

    /**
     * Starts a configuration with the defaults: learning rate 0.1, margin 0, 10 epochs,
     * weight graphs of the training graphs' largest order started at the class means,
     * averaging on, seed 0, the common fork-join pool, no listener. The aligner must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public MarginPerceptronModel fit(GraphSpace space, List<Graph> graphs,
            List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        LabelEncoder classes = Checks.requireClasses("the margin perceptron", checked);
        int order = MaxLinearUnits.weightOrder(space, graphs, weightOrder);
        int n = graphs.size();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = classes.indexOf(checked.get(i));
        }
        double scale = MaxLinearUnits.inputScale(space, graphs);
        Trainer trainer = new Trainer(space, classes.size(), order);
        initialize(trainer, graphs, checked, classes, scale);

        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int[] visits = new int[n];
        for (int i = 0; i < n; i++) {
            visits[i] = i;
        }
        int epoch = 0;
        try {
            while (epoch < epochs) {
                epoch++;
                MaxLinearUnits.shuffle(visits, random);
                int updates = 0;
                for (int i : visits) {
                    updates += trainer.visit(graphs.get(i), codes[i], scale);
                }
                boolean goOn = listener.iterationDone(epoch, (double) updates / n,
                        learningRate, System.nanoTime() - started);
                if (!goOn || updates == 0) {
                    break;
                }
            }
            return trainer.model(classes, scale);
        } catch (WeightedOverflowException e) {
            // In an epoch, or in the model of the last epoch run; with no epoch, the starts.
            throw epoch == 0 ? e : TrainingDivergedException.of("the margin perceptron", epoch,
                    learningRate, Double.NaN, e, space, graphs);
        }
    }

    private void initialize(Trainer trainer, List<Graph> graphs, List<String> labels,
            LabelEncoder classes, double scale) {
        for (int c = 0; c < classes.size(); c++) {
            if (initialization == Initialization.ZERO) {
                trainer.weights[c] = MaxLinearUnits.zero(trainer.space, trainer.order);
                continue;
            }
            List<Graph> members = NearestPrototype.members(graphs, labels, classes.label(c));
            Graph center = mean.compute(ModelOrders.fitting(trainer.space, graphs,
                    trainer.order), members).center();
            trainer.weights[c] = MaxLinearUnits.scaledStart(trainer.space, center, scale,
                    trainer.order);
            trainer.biases[c] = -0.5 * trainer.space.squaredNorm(trainer.weights[c]);
        }
    }

    /** The weight graphs during training, with the sums that give their averages. */
    private final class Trainer {
        private final GraphSpace space;
        private final int order;
        private final Graph[] weights;
        private final double[] biases;
        private final GraphAccumulator[] lateness;
        private final double[] biasLateness;
        private long steps;

        Trainer(GraphSpace space, int classCount, int order) {
            this.space = space;
            this.order = order;
            this.weights = new Graph[classCount];
            this.biases = new double[classCount];
            this.lateness = new GraphAccumulator[classCount];
            for (int c = 0; c < classCount; c++) {
                lateness[c] = new GraphAccumulator(space, order);
            }
            this.biasLateness = new double[classCount];
        }

        /**
         * Scores one sample and updates on a margin violation.
         *
         * @return 1 if it updated, else 0
         */
        int visit(Graph x, int y, double scale) {
            steps++;
            List<GraphGradient> units = IndexedTasks.map(weights.length,
                    c -> MaxLinearUnits.evaluate(space, aligner, weights[c], x), executor);
            int rival = -1;
            double rivalScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < weights.length; c++) {
                double score = scale * units.get(c).value() + biases[c];
                if (c != y && (rival < 0 || score > rivalScore)) {
                    rival = c;
                    rivalScore = score;
                }
            }
            double own = scale * units.get(y).value() + biases[y];
            if (own - rivalScore > margin) {
                return 0;
            }
            move(y, units.get(y).gradient(), scale * learningRate, learningRate);
            move(rival, units.get(rival).gradient(), -scale * learningRate, -learningRate);
            return 1;
        }

        /**
         * Adds {@code factor * gradient} to {@code W_c} and {@code bias} to {@code b_c}; the
         * step taken at step {@code t} counts {@code t - 1} times in the lateness sums, so
         * that the average over all steps is {@code W - lateness / steps}.
         */
        private void move(int c, Graph gradient, double factor, double bias) {
            weights[c] = MaxLinearUnits.step(space, weights[c], gradient, factor);
            biases[c] += bias;
            MaxLinearUnits.addGradient(lateness[c], gradient, factor * (steps - 1));
            biasLateness[c] += bias * (steps - 1);
        }

        MarginPerceptronModel model(LabelEncoder classes, double scale) {
            List<Graph> finals = new ArrayList<>(weights.length);
            double[] finalBiases = biases.clone();
            for (int c = 0; c < weights.length; c++) {
                if (averaged && steps > 0) {
                    GraphAccumulator sum = new GraphAccumulator(space, order);
                    sum.add(weights[c], 1.0);
                    sum.add(lateness[c].sum(), -1.0 / steps);
                    finals.add(sum.sum());
                    finalBiases[c] -= biasLateness[c] / steps;
                } else {
                    finals.add(weights[c]);
                }
            }
            return new MarginPerceptronModel(space, aligner, classes, finals, finalBiases,
                    scale);
        }
    }

    /** Configures a {@link MarginPerceptron}. Not thread-safe. */
    public static final class Builder {
        private Aligner aligner;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private double margin;
        private int epochs = DEFAULT_EPOCHS;
        private int weightOrder;
        private Initialization initialization = Initialization.CLASS_MEANS;
        private boolean averaged = true;
        private long seed;
        private FrechetMean mean;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;

        private Builder() {
        }

        /**
         * Sets the aligner of the scores and updates (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the learning rate {@code eta}, constant over the training.
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
         * Sets the margin {@code kappa}: a sample updates when its own class does not beat
         * every other class by more than this (in units of the scaled inputs, see the class
         * description). 0 updates on mistakes and ties only.
         *
         * @param value a finite number {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if the value is negative or not finite
         */
        public Builder margin(double value) {
            this.margin = Checks.nonNegativeFinite("margin", value);
            return this;
        }

        /**
         * Sets the largest number of passes over the training set.
         *
         * @param value at least 0 (0 keeps the initial weight graphs)
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder epochs(int value) {
            this.epochs = Checks.atLeast("epochs", value, 0);
            return this;
        }

        /**
         * Sets the order of the weight graphs; 0 (the default) means the largest order of the
         * training graphs given to {@code fit} (not the size of its space, which may hold
         * graphs to predict as well), and an order above the size of the space means that
         * size. Smaller orders are cheaper to align; a start graph with more nodes keeps its
         * first ones.
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
         * @param value class means or zero
         * @return this builder
         */
        public Builder initialization(Initialization value) {
            this.initialization = Objects.requireNonNull(value, "initialization");
            return this;
        }

        /**
         * Sets whether the model holds the averages over all steps (default) or the last
         * weight graphs and biases.
         *
         * @param value true for the averaged perceptron
         * @return this builder
         */
        public Builder averaged(boolean value) {
            this.averaged = value;
            return this;
        }

        /**
         * Sets the seed of the visiting order.
         *
         * @param value any seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the estimator of the class means (default: {@link FrechetMean} with the
         * default settings and the configured aligner).
         *
         * @param value the estimator
         * @return this builder
         */
        public Builder mean(FrechetMean value) {
            this.mean = Objects.requireNonNull(value, "mean");
            return this;
        }

        /**
         * Sets the executor of the alignments of one sample to the class weight graphs.
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
        public MarginPerceptron build() {
            if (aligner == null) {
                throw new IllegalStateException("no aligner set");
            }
            return new MarginPerceptron(this);
        }
    }
}
