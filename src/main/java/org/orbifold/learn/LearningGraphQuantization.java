package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.Permutation;
import org.orbifold.space.WeightedOverflowException;
import org.orbifold.stats.FrechetMean;

/**
 * Learning vector quantization in graph space (learning graph quantization): labelled
 * prototype graphs are moved toward training graphs of their own class and away from graphs
 * of other classes, then a query takes the label of the nearest prototype
 * ({@link PrototypeModel}).
 *
 * <p>Both rules visit the training graphs in a seeded random order, once per epoch, with the
 * learning rate decreasing linearly, {@code eta_t = eta0 (1 - t / T)}, {@code T = epochs N}.
 * For a sample {@code (Y, c)}, with {@code pi_k} the alignment of {@code Y} to prototype
 * {@code W_k} and {@code d_k} its distance:
 * <ul>
 *   <li>{@link Rule#LVQ1}: the nearest prototype {@code k*} moves,
 *       {@code W_k* += s eta_t (pi_k* . Y - W_k*)} with {@code s = +1} if its class is
 *       {@code c} and {@code -1} otherwise;</li>
 *   <li>{@link Rule#GLVQ}: with {@code d+} and {@code d-} the squared distances to the
 *       nearest prototype of class {@code c} and of another class, the relative distance
 *       {@code mu = (d+ - d-) / (d+ + d-)} is decreased by the gradient steps
 *       {@code W+ += eta_t 4 d- / (d+ + d-)^2 (pi+ . Y - W+)} and
 *       {@code W- -= eta_t 4 d+ / (d+ + d-)^2 (pi- . Y - W-)}.</li>
 * </ul>
 * Each move is {@link GraphSpace#moveToward}: the straight segment in the total space, i.e.
 * minus a multiple of the generalized gradient of the squared graph distance. Each alignment
 * of a training graph to a prototype is warm-started at the alignment of the same pair from
 * the previous epoch, so a heuristic aligner never does worse than it did then.
 *
 * <p>After every epoch the {@link IterationListener} hears the epoch number, the epoch's
 * objective (LVQ1: the fraction of training graphs whose nearest prototype had the wrong
 * class when visited; GLVQ: the mean of {@code mu}), the last learning rate, and the elapsed
 * time; it may stop the training early. The fitted model also keeps, per epoch run, the
 * number of training graphs misjudged when visited (their nearest prototype, the first on
 * ties, had another class before their step), for both rules
 * ({@link PrototypeModel#trainingErrors()}). Counting costs nothing, since every step finds
 * the nearest prototypes anyway, and changes nothing in the training.
 *
 * <p><b>Telling a failed training.</b> The learner reports numbers and leaves the judgement
 * to the caller (the command line's warnings apply the rules below). A learning rate so
 * large that the steps overshoot usually leaves a model no better than guessing without any
 * number overflowing, so check after {@code fit}:
 * <ul>
 *   <li>{@link PrototypeModel#trainingErrors()}: with {@code n} training graphs and
 *       {@code g = n - (members of the largest class)} the errors of always guessing that
 *       class, a last count that is not clearly below {@code g} (the command line's level is
 *       {@code g - 2 sqrt(n q (1 - q))}, {@code q = g / n}), or one clearly above the first
 *       epoch's, says the training went wrong;</li>
 *   <li>the listener's objective per epoch: for LVQ1 the same count as a fraction of
 *       {@code n}; for GLVQ the mean of {@code mu}, which lies in {@code [-1, 1]} and is
 *       negative for a graph exactly when a prototype of its own class is its nearest, so a
 *       mean that ends above 0 and above its first epoch's value is a failure;</li>
 *   <li>{@link Evaluation#accuracy} of the model on held-out graphs against the share of
 *       the largest class.</li>
 * </ul>
 * When the steps make the prototypes overflow (LVQ1 with a huge rate), {@code fit} throws a
 * {@link TrainingDivergedException} naming the rule, the epoch and the learning rate. See
 * {@link Builder#learningRate} for the sensible range.
 *
 * <p>Sources: T. Kohonen, "Self-Organizing Maps", Springer, 3rd ed. 2001,
 * doi:10.1007/978-3-642-56927-2 (LVQ1); A. Sato and K. Yamada, "Generalized learning vector
 * quantization", Advances in Neural Information Processing Systems 8 (NIPS 1995), MIT Press,
 * 1996, 423-429 (GLVQ); B. J. Jain and K. Obermayer, "Learning graph quantization", Proc.
 * S+SSPR 2010, LNCS 6218, 109-118, doi:10.1007/978-3-642-14980-1_10 (LVQ in graph space).
 *
 * <p>Initial prototypes ({@link Initialization}): the Fréchet mean of each class, followed by
 * distinct seeded random class members when there are several prototypes per class; or only
 * seeded random class members; or the {@code p} medoids of a seeded k-medoids clustering of
 * each class ({@link Initialization#CLASS_MEDOIDS}). Means and random members are padded to
 * the largest order of the training graphs (never the space size, which may hold graphs to
 * predict as well) so that they can grow nodes; medoids keep their own order and grow when
 * a move aligns them to a larger graph (a move has the order of its alignment), which is the
 * same point of graph space and makes a model of 0 epochs exactly the nearest-prototype
 * classifier over the medoids. With {@link Builder#maxPrototypeOrder(int) a cap} {@code m}
 * below that order, prototypes are kept at order at most {@code m}: a start larger than
 * that is cut to its {@code m} nodes of
 * largest mass (squared norm of the node plus that of its outgoing edges), and every move is
 * followed by the projection onto the graphs of order {@code m} (the nodes beyond {@code m},
 * which hold only nodes of the sample that the prototype could not match, are dropped). The
 * cap changes the model: it trades the prototypes' ability to grow for cheaper alignments,
 * so it is opt-in and its accuracy must be checked on validation data. Training visits the
 * samples sequentially; the alignments of one sample to all prototypes, and the distance
 * matrices of the medoid start, run on the {@link Builder#executor configured executor}, and
 * the class means on that of the configured {@link FrechetMean}; none of this changes the
 * result, which is deterministic for a fixed seed.
 * Instances are immutable and thread-safe if the aligner is.
 *
 * <p><b>Limitations.</b> The GLVQ loss is {@code sum mu} (the identity as the monotone
 * function); the step factors {@code eta_t 4 d-/(d+ + d-)^2} grow like {@code 1/d} for small
 * distances, so they are capped at 1: an attracted prototype never moves past the sample,
 * a repelled one never beyond the reflection of the sample through it. There is no window
 * rule (LVQ2.1); early stopping is left to the listener. Without a cap, prototypes are dense
 * and of the training graphs' largest order, so each alignment costs as much as aligning
 * two graphs of that order. The medoid start aligns every pair of members of a class, a cost
 * quadratic in the class size; its k-medoids run is the alternating variant and may stop where
 * PAM's swaps would still improve.
 * With a heuristic aligner the nearest prototype may be misjudged.
 */
public final class LearningGraphQuantization implements GraphClassifier {

    /** The update rule. */
    public enum Rule {
        /** Kohonen's LVQ1: only the nearest prototype moves, toward or away. */
        LVQ1,
        /** Sato and Yamada's generalized LVQ: nearest correct and nearest wrong move. */
        GLVQ
    }

    /** How the prototypes start. */
    public enum Initialization {
        /** The Fréchet mean of each class first, then random class members. */
        CLASS_MEANS,
        /** Distinct random members of each class. */
        RANDOM_MEMBERS,
        /**
         * The {@code p} medoids of each class: per class, in encoder order, a k-medoids
         * clustering of the class's training graphs into {@code p} clusters under the
         * learner's aligner (distances as costs, k-means++ seeding, alternating updates,
         * 10 restarts, {@link org.orbifold.cluster.CentralClustering#kMedoids}), seeded by
         * the next number of the learner's generator; the medoids, real members that cover
         * the class, are listed in training order. With {@code p = 1} the prototype is a set
         * median of the class (least summed distance to the other members). Costs
         * {@code n_c (n_c - 1) / 2} alignments per class of {@code n_c} graphs. Class-wise
         * prototype selection by clustering follows K. Riesen and H. Bunke, "Graph
         * Classification and Clustering Based on Vector Space Embedding", World Scientific,
         * 2010; k-medoids: L. Kaufman and P. J. Rousseeuw, "Finding Groups in Data", Wiley,
         * 1990.
         */
        CLASS_MEDOIDS
    }

    /** The default initial learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    /** The default number of passes over the training set. */
    public static final int DEFAULT_EPOCHS = 10;

    private final Aligner aligner;
    private final Rule rule;
    private final double learningRate;
    private final int epochs;
    private final int prototypesPerClass;
    private final int maxPrototypeOrder;
    private final Initialization initialization;
    private final long seed;
    private final FrechetMean mean;
    private final Executor executor;
    private final IterationListener listener;

    private LearningGraphQuantization(Builder builder) {
        this.aligner = builder.aligner;
        this.rule = builder.rule;
        this.learningRate = builder.learningRate;
        this.epochs = builder.epochs;
        this.prototypesPerClass = builder.prototypesPerClass;
        this.maxPrototypeOrder = builder.maxPrototypeOrder;
        this.initialization = builder.initialization;
        this.seed = builder.seed;
        this.mean = builder.mean != null ? builder.mean
                : FrechetMean.builder().aligner(builder.aligner).build();
        this.executor = builder.executor;
        this.listener = builder.listener;
    }

    /**
     * Starts a configuration with the defaults: LVQ1, learning rate 0.1, 10 epochs, one
     * prototype per class, class means as the start, no cap on the prototypes' order, seed 0,
     * the common fork-join pool, no listener. The aligner must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if a class has fewer members than prototypes per
     *     class (naming the class), or, with {@link Initialization#CLASS_MEDOIDS}, fewer
     *     distinct graphs or fewer graphs that differ up to relabelling (isomorphic copies
     *     count once; naming the class too)
     */
    @Override
    public PrototypeModel fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        LabelEncoder classes = Checks.requireClasses(rule.name(), checked);
        int n = graphs.size();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = classes.indexOf(checked.get(i));
        }
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Trainer trainer = initialize(space, graphs, checked, classes, random);

        // Seeded epochs with a linearly decaying learning rate; alignments are warm-started
        // at the previous epoch's alignment of the same pair.
        Permutation[][] warm = new Permutation[n][trainer.prototypes.length];
        long total = (long) epochs * n;
        long t = 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Each step counts the graphs misjudged on their visit, per epoch.
        int[] errors = new int[epochs];
        int epoch = 0;
        try {
            while (epoch < epochs) {
                epoch++;
                shuffle(order, random);
                double objective = 0.0;
                double eta = learningRate;
                trainer.misjudged = 0;
                for (int i : order) {
                    eta = learningRate * (1.0 - (double) t / total);
                    t++;
                    objective += rule == Rule.LVQ1
                            ? trainer.lvq1(graphs.get(i), codes[i], eta, warm[i])
                            : trainer.glvq(graphs.get(i), codes[i], eta, warm[i]);
                }
                errors[epoch - 1] = trainer.misjudged;
                if (!listener.iterationDone(epoch, objective / n, eta,
                        System.nanoTime() - started)) {
                    break;
                }
            }

            List<String> prototypeLabels = new ArrayList<>(trainer.prototypes.length);
            for (int code : trainer.codes) {
                prototypeLabels.add(classes.label(code));
            }
            return PrototypeModel.trained(space, aligner, List.of(trainer.prototypes),
                    prototypeLabels, Arrays.copyOf(errors, epoch));
        } catch (WeightedOverflowException e) {
            // In an epoch, or in the model of the last epoch run; with no epoch, the starts.
            throw epoch == 0 ? e : TrainingDivergedException.of(rule.name(), epoch,
                    learningRate, Double.NaN, e, space, graphs);
        }
    }

    /** Chooses the initial prototypes, class by class in encoder order. */
    private Trainer initialize(GraphSpace space, List<Graph> graphs, List<String> labels,
            LabelEncoder classes, SplittableRandom random) {
        int count = classes.size() * prototypesPerClass;
        int order = ModelOrders.capped(space, graphs, maxPrototypeOrder);
        GraphSpace fitting = ModelOrders.fitting(space, graphs, order);
        Graph[] prototypes = new Graph[count];
        int[] codes = new int[count];
        int p = 0;
        for (int c = 0; c < classes.size(); c++) {
            String label = classes.label(c);
            List<Graph> members = NearestPrototype.members(graphs, labels, label);
            if (members.size() < prototypesPerClass) {
                throw new IllegalArgumentException("class '" + label + "' has "
                        + members.size() + " members, fewer than the " + prototypesPerClass
                        + " prototypes per class");
            }
            if (initialization == Initialization.CLASS_MEDOIDS) {
                List<Graph> medoids = ClassMedoids.select(space, members, prototypesPerClass,
                        label, aligner, random.nextLong(), executor);
                for (Graph medoid : medoids) {
                    prototypes[p] = ModelOrders.heaviest(space, medoid, order);
                    codes[p] = c;
                    p++;
                }
                continue;
            }
            int[] picks = sample(members.size(), prototypesPerClass, random);
            for (int j = 0; j < prototypesPerClass; j++) {
                Graph start = j == 0 && initialization == Initialization.CLASS_MEANS
                        ? mean.compute(fitting, members).center()
                        : members.get(picks[j]);
                prototypes[p] = ModelOrders.heaviest(space, start, order).pad(order);
                codes[p] = c;
                p++;
            }
        }
        return new Trainer(space, aligner, prototypes, codes, order, executor);
    }

    /** Returns {@code m} distinct indices of {@code 0..n-1} in random order. */
    private static int[] sample(int n, int m, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return Arrays.copyOf(all, m);
    }

    /** Fisher-Yates shuffle in place. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The mutable prototypes during training, and the two update rules. */
    static final class Trainer {
        private final GraphSpace space;
        private final Aligner aligner;
        final Graph[] prototypes;
        final int[] codes;
        private final int order;
        private final Executor executor;
        /**
         * The samples so far whose nearest prototype (the first on ties) had another class
         * when they were visited, before their step; {@link #fit} resets it every epoch.
         */
        int misjudged;

        Trainer(GraphSpace space, Aligner aligner, Graph[] prototypes, int[] codes) {
            this(space, aligner, prototypes, codes, space.size(), Runnable::run);
        }

        Trainer(GraphSpace space, Aligner aligner, Graph[] prototypes, int[] codes,
                int order, Executor executor) {
            this.space = space;
            this.aligner = aligner;
            this.prototypes = prototypes;
            this.codes = codes;
            this.order = order;
            this.executor = executor;
        }

        /** The move of the class description, projected onto the prototypes' order. */
        private Graph move(Graph w, Graph y, Permutation p, double t) {
            return ModelOrders.firstNodes(space.moveToward(w, y, p, t), order);
        }

        /**
         * One LVQ1 step for sample {@code y} of class code {@code c}.
         *
         * @param warm per prototype, a warm start or null; overwritten with the new
         *     alignments; null for no warm starts
         * @return 1 if the nearest prototype had the wrong class, else 0
         */
        double lvq1(Graph y, int c, double eta, Permutation[] warm) {
            Alignment[] alignments = align(y, warm);
            int best = 0;
            for (int k = 1; k < alignments.length; k++) {
                if (alignments[k].distance() < alignments[best].distance()) {
                    best = k;
                }
            }
            double sign = codes[best] == c ? 1.0 : -1.0;
            prototypes[best] = move(prototypes[best], y,
                    alignments[best].permutation(), sign * eta);
            misjudged += sign > 0.0 ? 0 : 1;
            return sign > 0.0 ? 0.0 : 1.0;
        }

        /**
         * One GLVQ step for sample {@code y} of class code {@code c}.
         *
         * @param warm as in {@link #lvq1}
         * @return {@code mu = (d+ - d-) / (d+ + d-)} before the step (0 if both vanish)
         */
        double glvq(Graph y, int c, double eta, Permutation[] warm) {
            Alignment[] alignments = align(y, warm);
            int correct = -1;
            int wrong = -1;
            int nearest = 0;
            for (int k = 0; k < alignments.length; k++) {
                double d = alignments[k].distance();
                if (d < alignments[nearest].distance()) {
                    nearest = k;
                }
                if (codes[k] == c) {
                    if (correct < 0 || d < alignments[correct].distance()) {
                        correct = k;
                    }
                } else if (wrong < 0 || d < alignments[wrong].distance()) {
                    wrong = k;
                }
            }
            misjudged += codes[nearest] == c ? 0 : 1;
            if (correct < 0 || wrong < 0) {
                return 0.0;
            }
            double dPlus = alignments[correct].squaredDistance();
            double dMinus = alignments[wrong].squaredDistance();
            double sum = dPlus + dMinus;
            if (!(sum > 0.0)) {
                return 0.0;
            }
            double attract = Math.min(1.0, eta * 4.0 * dMinus / (sum * sum));
            double repel = Math.min(1.0, eta * 4.0 * dPlus / (sum * sum));
            prototypes[correct] = move(prototypes[correct], y,
                    alignments[correct].permutation(), attract);
            prototypes[wrong] = move(prototypes[wrong], y,
                    alignments[wrong].permutation(), -repel);
            return (dPlus - dMinus) / sum;
        }

        /**
         * Aligns {@code y} to every prototype on the executor. A warm start shorter than the
         * pair's order (the prototype grew since) is extended by fixed points.
         */
        private Alignment[] align(Graph y, Permutation[] warm) {
            List<Alignment> found = IndexedTasks.map(prototypes.length, k -> {
                Graph w = prototypes[k];
                if (warm == null || warm[k] == null) {
                    return aligner.align(space, w, y);
                }
                int size = Math.max(warm[k].size(), Math.max(w.order(), y.order()));
                return aligner.align(space, w, y, warm[k].extend(size));
            }, executor);
            Alignment[] alignments = found.toArray(new Alignment[0]);
            for (int k = 0; k < alignments.length && warm != null; k++) {
                warm[k] = alignments[k].permutation();
            }
            return alignments;
        }
    }

    /** Configures a {@link LearningGraphQuantization}. Not thread-safe. */
    public static final class Builder {
        private Aligner aligner;
        private Rule rule = Rule.LVQ1;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private int epochs = DEFAULT_EPOCHS;
        private int prototypesPerClass = 1;
        private int maxPrototypeOrder;
        private Initialization initialization = Initialization.CLASS_MEANS;
        private long seed;
        private FrechetMean mean;
        private Executor executor = ForkJoinPool.commonPool();
        private IterationListener listener = IterationListener.NONE;

        private Builder() {
        }

        /**
         * Sets where the alignments of a training graph to the prototypes and the distance
         * matrices of {@link Initialization#CLASS_MEDOIDS} run; the result does not depend
         * on it.
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
         * Sets the aligner of the distances and updates (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the update rule.
         *
         * @param value LVQ1 or GLVQ
         * @return this builder
         */
        public Builder rule(Rule value) {
            this.rule = Objects.requireNonNull(value, "rule");
            return this;
        }

        /**
         * Sets the initial learning rate {@code eta0} (default
         * {@value LearningGraphQuantization#DEFAULT_LEARNING_RATE}), which decays linearly to
         * 0 over the training.
         *
         * <p><b>Sensible values.</b> For {@link Rule#LVQ1} a step moves the nearest prototype
         * the fraction {@code eta_t} of the way toward the aligned sample, or as far away
         * from it: up to 1 an attracting step stays on the segment between the prototype and
         * the sample (at 1 the prototype jumps onto the sample), above 1 it overshoots past
         * the sample, and above 2 it ends farther from the sample than it started. Since the
         * rate decays from {@code eta0}, the first epochs take steps of nearly {@code eta0};
         * keep it in {@code (0, 1]}, well below 1 in practice (the command line refuses
         * more than 1 for LVQ1, and LVQ1 at 1 ends at chance on the project's letters). For
         * {@link Rule#GLVQ} the step factors {@code eta_t 4 d- / (d+ + d-)^2} are capped at
         * 1 (class description), so no step overshoots, but {@code eta} is measured in
         * squared distances: with both squared distances near {@code D} the factor is about
         * {@code eta_t / D}, so choose {@code eta0} below the typical squared distance of a
         * training graph to its nearest prototypes, or every capped step lands the attracted
         * prototype on its sample. Either way, check the training as the class description
         * says.
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
         * @param value at least 0 (0 keeps the initial prototypes)
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder epochs(int value) {
            this.epochs = Checks.atLeast("epochs", value, 0);
            return this;
        }

        /**
         * Sets the number of prototypes of every class.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if the value is less than 1
         */
        public Builder prototypesPerClass(int value) {
            this.prototypesPerClass = Checks.atLeast("prototypesPerClass", value, 1);
            return this;
        }

        /**
         * Caps the order of the prototypes (class description): starts are cut to their
         * {@code value} heaviest nodes and moves are projected onto graphs of that order.
         * Each prediction then aligns graphs of order at most the larger of the cap and the
         * query's order. A cap at or above the largest order of the training graphs, or 0 (the
         * default), means none.
         * It changes the model; check its accuracy on validation data.
         *
         * @param value at least 0
         * @return this builder
         * @throws IllegalArgumentException if the value is negative
         */
        public Builder maxPrototypeOrder(int value) {
            this.maxPrototypeOrder = Checks.atLeast("maxPrototypeOrder", value, 0);
            return this;
        }

        /**
         * Sets how the prototypes start.
         *
         * @param value class means, random members or class medoids
         * @return this builder
         */
        public Builder initialization(Initialization value) {
            this.initialization = Objects.requireNonNull(value, "initialization");
            return this;
        }

        /**
         * Sets the seed of the member sampling, the k-medoids runs and the shuffling.
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
         * Returns the configured learner.
         *
         * @return the learner
         * @throws IllegalStateException if no aligner was set
         */
        public LearningGraphQuantization build() {
            if (aligner == null) {
                throw new IllegalStateException("no aligner set");
            }
            return new LearningGraphQuantization(this);
        }
    }
}
