package org.orbifold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.orbifold.cli.ClassifyOutput.Report;
import org.orbifold.io.ChannelGroup;
import org.orbifold.io.DatasetScaling;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.TextFiles;
import org.orbifold.learn.AlignmentCounting;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.Evaluation.FoldAccuracies;
import org.orbifold.learn.GraphClassifier;
import org.orbifold.learn.GraphClassifierModel;
import org.orbifold.learn.GraphMlp;
import org.orbifold.learn.GraphMlpModel;
import org.orbifold.learn.TemplateMlp;
import org.orbifold.learn.LearningGraphQuantization;
import org.orbifold.learn.MarginPerceptron;
import org.orbifold.learn.MarginPerceptronModel;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.learn.NeighborTable;
import org.orbifold.learn.NearestPrototype;
import org.orbifold.learn.PrototypeModel;
import org.orbifold.learn.TrainingDivergedException;
import org.orbifold.learn.ValidationSearch;
import org.orbifold.learn.ValidationSearch.Candidate;
import org.orbifold.match.Aligner;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.NodeKernelEmbedding;
import org.orbifold.space.WeightedOverflowException;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.MeanCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orbifold classify}: supervised classification of the graphs with k nearest
 * neighbours, the nearest class mean, learning graph quantization (LVQ1, GLVQ), the margin
 * perceptron or the graph MLP, evaluated by one of two protocols.
 * <ul>
 *   <li><b>Splits</b> (an IAM folder, IAM {@code .cxl} files, or split list files of one data
 *       set): every combination of the given hyper-parameter values is fitted on the training
 *       split and scored on the validation split ({@link ValidationSearch}: most correct
 *       validation graphs, ties to the combination listed first; or, with
 *       {@code --selection one-standard-error}, the fewest graphs to align, then the
 *       smallest {@code --max-model-order}, among those within one standard error of the
 *       best); {@code --max-model-order} is a list like the others. The chosen one is fitted
 *       once more, on the training split or with {@code --refit train+validation} on both,
 *       and predicts the test split once. The combinations share their Fréchet means
 *       ({@link MeanCache}) and k-NN's validation neighbours ({@link NeighborTable}, as deep
 *       as the largest {@code --k}, closed before the test): no result changes, only the
 *       alignments made and counted.</li>
 *   <li><b>Folds</b> ({@code --folds K}): stratified K-fold cross-validation with the seed;
 *       one value per hyper-parameter.</li>
 * </ul>
 * The output is the accuracy, the confusion matrix, and with folds the accuracy of every fold
 * with their mean and population standard deviation (dividing by K; {@code meanAccuracy} and
 * {@code stdAccuracy} in the JSON); {@code --json} prints it as one object, with the
 * prediction of every evaluated graph. LVQ1 and GLVQ also show the training graphs each fit
 * of the chosen setting misjudged per epoch ({@link PrototypeModel#trainingErrors()}), and
 * training that went wrong by them, or by the objective of any trained method, gets a
 * warning (on standard error, and with {@code --json} also in the JSON's {@code warnings}).
 *
 * <p><b>k-NN search.</b> By default ({@code --lower-bounds}) k-NN visits the training graphs
 * in order of a certified lower bound on their distance and skips those that provably cannot
 * be among the k nearest ({@link NearestNeighbors}); the neighbours and predictions are
 * exactly those of aligning every training graph ({@code --no-lower-bounds}). The prototype
 * methods (prototype, lvq1, glvq) always find the nearest prototype with the same kind of
 * search ({@link PrototypeModel}), with the predictions of aligning every prototype, and the
 * margin perceptron and the graph MLP predict with certified bounds on their class scores
 * ({@link MarginPerceptronModel}, {@link GraphMlpModel}), with the predictions of aligning
 * every weight graph. Both outputs give, for these methods, the number of alignments
 * computed and skipped by the predictions over the whole run. Every alignment of the run,
 * training and prediction, is also counted with those not proven optimal
 * ({@link CountingAligner}) by reason; the text says how many stopped at the exact search's
 * limit and how many rounding left unproven, as {@code mean} does
 * ({@link AlignerOptions#unproven}).
 *
 * <p><b>Attribute scaling.</b> {@code --standardize}, {@code --existence} and
 * {@code --drop-node-attributes} wrap the classifier in a {@link ScaledClassifier}: the
 * transform is fitted on exactly the graphs the classifier is fitted on (the training split
 * in the search, the refit graphs before the test, the training part of each fold) and
 * applied unchanged to the graphs it predicts, so no validation, test or held-out graph
 * enters it. {@code --node-kernel gaussian} (or {@code laplacian}) adds, after the scaling, a
 * Gaussian (or Laplacian, {@code exp(-|x - y| / s)}) kernel feature map of the node attributes
 * ({@link NodeKernelEmbedding}: {@code --bandwidth} and
 * {@code --features} searchable like the other lists, {@code --kernel-sampling} random with
 * the seed, or halton), so that a node substitution costs at most about 2 and an unmatched
 * node {@code 1 + E^2}.
 *
 * <p><b>Limitations.</b> The grid is searched in full, one combination after another; k-NN
 * combinations that differ only in {@code k} recompute the same distances. Cross-validation
 * chooses no hyper-parameters (no nested search). {@code --limit} keeps the first graphs and
 * is therefore offered with {@code --folds} only, and {@code --refit} with splits only.
 * Every class needs at least K graphs for K folds (a usage error otherwise).
 * {@code --learning-rate} of LVQ1 is at most 1, the fraction of the way a step moves the
 * nearest prototype toward the sample (ALGORITHMS.md 3.7); GLVQ's step also scales with the
 * distances, so its rate has no such bound, and a rate too large for any method can make the
 * training diverge. In a validation search a setting whose training diverges is shown as
 * failed, with the reason, in the text and the JSON ({@code failure} of its candidate) and
 * skipped ({@link ValidationSearch}); the run fails only when every setting diverges,
 * naming each setting as typed with its reason (the first three and a count of the rest
 * when more than {@link #FAILURES_SHOWN} failed), and with {@code --folds} a divergence in
 * any fold fails the run.
 * {@code --batch-size}, {@code --activation} and {@code --initialization} take one value and
 * are not searched. The attribute scaling
 * only re-weighs existing channels (it cannot, for example, turn an angle into its cosine
 * and sine); the node kernel maps all node attributes with one bandwidth, and edge
 * attributes are not mapped. The graph space holds every graph read, test split included,
 * but a model's default order does not depend on it: without {@code --max-model-order} the
 * perceptron's and the MLP's weight graphs, the template and the prototypes have the largest
 * order of the graphs the model is fitted on (the training split in the search, the refit
 * graphs before the test, each fold's training part), and so do the Fréchet means they start
 * from, so a test graph's prediction never depends on the other test graphs. Only the
 * largest {@code --max-model-order} accepted, the largest order of every graph read, counts
 * the test graphs' sizes (not their labels); a value above a fit's training graphs gives the
 * weight graphs or template that order, and caps the prototypes nowhere. The channels of
 * categorical attributes are those of every graph read, so a category that only a test graph
 * has adds a channel, zero elsewhere: no distance changes, but with {@code --node-kernel} the
 * kernel's frequencies are drawn for the larger dimension.
 */
@Command(name = "classify", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Classify the graphs (k-NN, nearest class mean, LVQ1, GLVQ, margin"
            + " perceptron, graph MLP, template MLP): choose the"
            + " hyper-parameters on the validation split and report the test accuracy once,"
            + " or cross-validate with --folds."},
        footer = {"", "DATASET: an IAM folder with train.cxl, validation.cxl (or valid.cxl,"
            + " not both) and test.cxl; or, with --folds or split list files, any data set the"
            + " other commands read. Options that take a list (--k 1,3,5) make a grid searched"
            + " on the validation split.",
            "Attribute scaling (--standardize, --existence, --drop-node-attributes) is fitted"
            + " on the training graphs only: the training split (with --refit"
            + " train+validation, training and validation for the final fit) or the training"
            + " part of each fold; validation and test graphs are only transformed."})
final class ClassifyCommand extends DatasetCommand {

    private static final int DEFAULT_FEATURES = 128;
    /** The most failed settings that {@link #everySettingFailed} names one by one. */
    static final int FAILURES_SHOWN = 4;
    /**
     * The most node-kernel features: Letter's 2250 graphs hold about 10,500 nodes, so one
     * embedded copy takes {@code 10,500 x 8192 x 8} bytes, about 0.7 GB (at {@code 65536}
     * it was 5.5 GB, beyond the default heap of a 24 GB machine).
     */
    static final int MAX_FEATURES = 8192;

    /**
     * The help of {@code --epochs}; {@link #adaptSharedHelp} adds the defaults of the
     * methods ({@link Method#defaultsByMethod}).
     */
    private static final String EPOCHS_HELP = "lvq1, glvq, perceptron, mlp, template-mlp:"
            + " passes over the"
            + " training graphs; lvq1 and glvq also take 0, the nearest-prototype classifier"
            + " over the initial prototypes, fitted once whatever --learning-rate lists (a"
            + " note says the rates are unused)";

    /** The help of {@code --learning-rate}, completed as {@link #EPOCHS_HELP} is. */
    private static final String LEARNING_RATE_HELP = "lvq1, glvq, perceptron, mlp,"
            + " template-mlp: learning rate; it decays linearly except for perceptron; at most"
            + " 1 for lvq1 (a step moves a prototype that fraction of the way toward the"
            + " sample)";

    /**
     * The endings of the molecule files that DATASET may name (those of
     * {@link org.orbifold.io.MoleculeReader}), for the help of every command.
     */
    static final String MOLECULE_ENDINGS = ".smi, .smiles, .can, .csv, .sdf, .sd, .mol";

    /** The help of DATASET for this command, which needs splits or folds. */
    static final String DATASET_HELP = "IAM folder with its splits, or, with --folds or split"
            + " list files, a TU folder or .zip, IAM .cxl, .npy, GraphML, GML or DOT file or"
            + " folder (.graphml, .gml, .dot, .gv),"
            + " tu:NAME (fetched, see fetch --help) or"
            + " molecule file (" + MOLECULE_ENDINGS + "; default: the embedded letters: with"
            + " no DATASET and no split files, give --folds K).";

    /** The help of the shared {@code --limit} for this command. */
    static final String LIMIT_HELP = "With --folds: keep only the first N graphs, for quick"
            + " looks (split files and IAM folders are used whole).";

    /** What is refitted before the test split is predicted. */
    static final String REFIT_TRAIN = "train";
    static final String REFIT_BOTH = "train+validation";
    private static final String SELECT_MOST_CORRECT = "most-correct";
    private static final String SELECT_ONE_SE = "one-standard-error";

    /**
     * The classification methods. A new learner is one more constant and one more case in
     * {@link #classifier}; the flags say which hyper-parameters it takes, the defaults are
     * those of its epochs and learning rate (unused by methods without training).
     */
    enum Method {
        KNN("knn", "k-NN", true, false, false, LearningGraphQuantization.DEFAULT_EPOCHS,
                LearningGraphQuantization.DEFAULT_LEARNING_RATE),
        PROTOTYPE("prototype", "nearest class mean", false, false, false,
                LearningGraphQuantization.DEFAULT_EPOCHS,
                LearningGraphQuantization.DEFAULT_LEARNING_RATE),
        LVQ1("lvq1", "LVQ1", false, true, true, LearningGraphQuantization.DEFAULT_EPOCHS,
                LearningGraphQuantization.DEFAULT_LEARNING_RATE),
        GLVQ("glvq", "GLVQ", false, true, true, LearningGraphQuantization.DEFAULT_EPOCHS,
                LearningGraphQuantization.DEFAULT_LEARNING_RATE),
        PERCEPTRON("perceptron", "margin perceptron", false, false, true,
                MarginPerceptron.DEFAULT_EPOCHS, MarginPerceptron.DEFAULT_LEARNING_RATE),
        MLP("mlp", "graph MLP", false, false, true, GraphMlp.DEFAULT_EPOCHS,
                GraphMlp.DEFAULT_LEARNING_RATE),
        TEMPLATE_MLP("template-mlp", "template MLP", false, false, true,
                TemplateMlp.DEFAULT_EPOCHS, TemplateMlp.DEFAULT_LEARNING_RATE);

        final String option;
        final String title;
        final boolean usesK;
        final boolean usesPrototypes;
        final boolean usesTraining;
        final int defaultEpochs;
        final double defaultLearningRate;

        Method(String option, String title, boolean usesK, boolean usesPrototypes,
                boolean usesTraining, int defaultEpochs, double defaultLearningRate) {
            this.option = option;
            this.title = title;
            this.usesK = usesK;
            this.usesPrototypes = usesPrototypes;
            this.usesTraining = usesTraining;
            this.defaultEpochs = defaultEpochs;
            this.defaultLearningRate = defaultLearningRate;
        }

        /**
         * The default of a training option for the methods that train, grouped by value in
         * the order of the methods: {@code "10 for lvq1, glvq and perceptron, 20 for mlp"}.
         *
         * @param value a method's default, as text
         */
        static String defaultsByMethod(Function<Method, String> value) {
            Map<String, List<String>> methods = new LinkedHashMap<>();
            for (Method m : values()) {
                if (m.usesTraining) {
                    methods.computeIfAbsent(value.apply(m), v -> new ArrayList<>()).add(m.option);
                }
            }
            List<String> parts = new ArrayList<>();
            methods.forEach((v, names) -> parts.add(v + " for " + Splits.series(names)));
            return String.join(", ", parts);
        }

        static Method of(String value) {
            List<String> names = new ArrayList<>();
            for (Method m : values()) {
                if (m.option.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return m;
                }
                names.add(m.option);
            }
            throw CliException.usage("--method must be one of " + String.join(", ", names)
                    + ", got " + UsageErrors.quotedWithHint(value, names));
        }

        GraphClassifier classifier(Setting s, Aligner aligner, long seed, Executor executor,
                IterationListener listener, MeanCache means, NeighborTable neighbours) {
            FrechetMean mean = FrechetMean.builder().aligner(aligner).executor(executor)
                    .cache(means).build();
            return switch (this) {
                case KNN -> NearestNeighbors.builder().aligner(aligner).k(s.k())
                        .lowerBounds(s.fixed().lowerBounds()).table(neighbours).build();
                case PROTOTYPE -> new NearestPrototype(aligner, mean,
                        s.maxModelOrder());
                case LVQ1, GLVQ -> LearningGraphQuantization.builder().aligner(aligner)
                        .rule(this == LVQ1 ? LearningGraphQuantization.Rule.LVQ1
                                : LearningGraphQuantization.Rule.GLVQ)
                        .prototypesPerClass(s.prototypes()).epochs(s.epochs())
                        .learningRate(s.learningRate()).seed(seed).mean(mean)
                        .initialization(s.fixed().lvqStart()).executor(executor)
                        .maxPrototypeOrder(s.maxModelOrder()).listener(listener)
                        .build();
                case PERCEPTRON -> MarginPerceptron.builder().aligner(aligner)
                        .learningRate(s.learningRate()).margin(s.margin()).epochs(s.epochs())
                        .initialization(s.fixed().perceptronStart()).seed(seed).mean(mean)
                        .weightOrder(s.maxModelOrder()).listener(listener)
                        .executor(executor).build();
                case MLP -> GraphMlp.builder().aligner(aligner).hiddenUnits(s.hiddenUnits())
                        .activation(s.fixed().activation()).learningRate(s.learningRate())
                        .weightDecay(s.weightDecay()).epochs(s.epochs())
                        .batchSize(s.fixed().batchSize())
                        .initialization(s.fixed().mlpStart()).seed(seed).mean(mean)
                        .weightOrder(s.maxModelOrder()).listener(listener)
                        .executor(executor).build();
                case TEMPLATE_MLP -> TemplateMlp.builder().aligner(aligner)
                        .hiddenUnits(s.hiddenUnits()).activation(s.fixed().activation())
                        .learningRate(s.learningRate()).epochs(s.epochs()).seed(seed)
                        .templateOrder(s.maxModelOrder()).mean(mean).listener(listener)
                        .executor(executor).build();
            };
        }
    }

    /**
     * One combination of hyper-parameter values.
     *
     * @param existence value of the node-existence channel (used only with attribute scaling)
     * @param bandwidth sigma of the node kernel, 0 without one
     * @param features features of the node kernel, 0 without one
     * @param nodeWeight node weight of the graph space
     * @param edgeWeight edge weight of the graph space
     * @param k neighbours that vote (knn)
     * @param prototypes prototypes per class (lvq1, glvq)
     * @param hiddenUnits hidden units, 0 for one per class (mlp); at least 1 (template-mlp)
     * @param maxModelOrder the order of the prototypes (at most; prototype, lvq1, glvq) or of
     *     the weight graphs or template (exactly; perceptron, mlp, template-mlp), 0 for the
     *     largest order of the graphs each fit is fitted on
     * @param margin margin of the updates (perceptron)
     * @param weightDecay L2 decay of the output weights (mlp)
     * @param epochs passes over the training graphs (the trained methods)
     * @param learningRate initial learning rate (the trained methods)
     * @param fixed the options that take one value only
     */
    record Setting(double existence, double bandwidth, int features, double nodeWeight,
            double edgeWeight, int k,
            int prototypes, int hiddenUnits, int maxModelOrder, double margin,
            double weightDecay, int epochs, double learningRate, Fixed fixed) {
    }

    /**
     * The training options that take one value, the same in every combination.
     *
     * @param lvqStart how the prototypes of LVQ1 and GLVQ start
     * @param perceptronStart how the perceptron's weight graphs start
     * @param mlpStart how the MLP's weight graphs start
     * @param activation the hidden activation of both MLPs
     * @param batchSize the MLP's samples per step
     * @param lowerBounds whether k-NN skips alignments by lower bounds
     */
    record Fixed(LearningGraphQuantization.Initialization lvqStart,
            MarginPerceptron.Initialization perceptronStart,
            GraphMlp.Initialization mlpStart, GraphMlp.Activation activation, int batchSize,
            boolean lowerBounds) {
    }

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "knn",
            description = "knn, prototype (nearest class mean), lvq1, glvq, perceptron"
                + " (margin perceptron), mlp (graph MLP) or template-mlp (a dense MLP on each"
                + " graph aligned once to a Fréchet-mean template: one alignment per"
                + " prediction) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-k", "--k"}, paramLabel = "K", split = ",",
            preprocessor = ListValues.class,
            description = "knn: neighbours that vote, one or a list (default: 1).")
    List<Integer> k;

    @Option(names = "--prototypes", paramLabel = "P", split = ",",
            preprocessor = ListValues.class,
            description = "lvq1, glvq: prototypes per class (default: 1).")
    List<Integer> prototypes;

    @Option(names = "--epochs", paramLabel = "E", split = ",",
            preprocessor = ListValues.class,
            description = EPOCHS_HELP + ".")
    List<Integer> epochs;

    @Option(names = "--learning-rate", paramLabel = "R", split = ",",
            preprocessor = ListValues.class,
            description = LEARNING_RATE_HELP + ".")
    List<Double> learningRate;

    @Option(names = "--margin", paramLabel = "M", split = ",",
            preprocessor = ListValues.class,
            description = "perceptron: a training graph updates unless its class beats every"
                + " other by more than M, in units of the scaled inputs (default: 0, update"
                + " on mistakes and ties).")
    List<Double> margin;

    @Option(names = "--hidden-units", paramLabel = "H", split = ",",
            preprocessor = ListValues.class,
            description = "mlp: hidden max-linear units, spread over the classes in blocks;"
                + " 0 means one per class (default: 0); template-mlp: hidden units of the"
                + " dense network, 1.." + TemplateMlp.MAX_HIDDEN_UNITS + " (default: "
                + TemplateMlp.DEFAULT_HIDDEN_UNITS + ").")
    List<Integer> hiddenUnits;

    @Option(names = "--weight-decay", paramLabel = "L", split = ",",
            preprocessor = ListValues.class,
            description = "mlp: L2 weight decay of the output weights (default: 0).")
    List<Double> weightDecay;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "mlp: training graphs per gradient step; one larger than a"
                + " training set takes all of it, as a note says (default: 1).")
    Integer batchSize;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "mlp, template-mlp: activation of the hidden units, tanh or logistic"
                + " (default: tanh).")
    String activation;

    @Option(names = "--initialization", paramLabel = "NAME",
            description = "lvq1, glvq: class-means, random-members or class-medoids (the"
                + " medoids of a seeded k-medoids clustering of each class, real members)"
                + " (default: class-means); perceptron: class-means or zero (default:"
                + " class-means); mlp: random-members, class-means or class-medoids (default:"
                + " random-members).")
    String initialization;

    @Option(names = "--lower-bounds", negatable = true, defaultValue = "true",
            fallbackValue = "true",
            description = "knn: visit the training graphs in order of a certified lower bound"
                + " on their distance and skip those that cannot be among the k nearest;"
                + " exactly the same neighbours and predictions, fewer alignments (default:"
                + " on; --no-lower-bounds aligns every training graph).")
    boolean lowerBounds;

    @Option(names = "--max-model-order", paramLabel = "M", split = ",",
            preprocessor = ListValues.class,
            description = "prototype, lvq1, glvq: cap the order of the prototypes at M (class"
                + " means cut to their M heaviest nodes, training moves projected back);"
                + " perceptron, mlp: weight graphs of order M; template-mlp: the template cut to"
                + " its M heaviest nodes (nodes matched to none dropped). At most the largest"
                + " order of every graph read. Cheaper predictions, a"
                + " different model. One or a list (8,16,33),"
                + " chosen on the validation split like the other lists; with"
                + " --selection one-standard-error the smaller order wins among equally"
                + " good models of as many graphs (default: the largest order of the graphs"
                + " the model is fitted on: the training split, with --refit"
                + " train+validation both splits, or the training part of each fold; never"
                + " the test graphs).")
    List<Integer> maxModelOrder;

    @Option(names = "--node-weight", paramLabel = "W", split = ",",
            preprocessor = ListValues.class,
            description = "Weight of node attributes in the distance (default: 1).")
    List<Double> nodeWeight;

    @Option(names = "--edge-weight", paramLabel = "W", split = ",",
            preprocessor = ListValues.class,
            description = "Weight of edge attributes in the distance (default: 1).")
    List<Double> edgeWeight;

    @Option(names = "--standardize",
            description = "Centre each numeric node attribute on its mean and divide it by its"
                + " standard deviation; divide each numeric edge attribute by its root mean"
                + " square. Fitted on the training graphs only (the training split, or the"
                + " training part of each fold) and applied unchanged to validation and test.")
    boolean standardize;

    @Option(names = "--existence", paramLabel = "E", split = ",",
            preprocessor = ListValues.class,
            description = "Value of the node-existence channel, one or a list (default: 1);"
                + " an unmatched node costs node weight x (||x||^2 + E^2), 0 leaves the"
                + " channel out. With or without --standardize. A value that makes some"
                + " graph's weighted squared norm exceed 1e150 is refused with the largest"
                + " one the data allows.")
    List<Double> existence;

    @Option(names = "--node-kernel", paramLabel = "NAME",
            description = "After the scaling, map the node attributes (all but the existence"
                + " channel) through the features of a kernel: gaussian, so that a node"
                + " substitution costs 2 - 2 exp(-|x - y|^2 / (2 s^2)) <= 2, or laplacian,"
                + " 2 - 2 exp(-|x - y| / s) <= 2 (linear for small displacements, as edit"
                + " distance); an unmatched node costs 1 + E^2 (default: none).")
    String nodeKernel;

    @Option(names = "--bandwidth", paramLabel = "S", split = ",",
            preprocessor = ListValues.class,
            description = "--node-kernel: the kernel's bandwidth s, in units of the scaled"
                + " attributes (standard deviations with --standardize), one or a list"
                + " (default: 1).")
    List<Double> bandwidth;

    @Option(names = "--features", paramLabel = "D", split = ",",
            preprocessor = ListValues.class,
            description = "--node-kernel: number of features, even, at most " + MAX_FEATURES
                + ", one or a list (default: " + DEFAULT_FEATURES + "). Each node then holds"
                + " D numbers: nodes x D x 8 bytes must fit in half of the Java heap.")
    List<Integer> features;

    @Option(names = "--kernel-sampling", paramLabel = "NAME",
            description = "--node-kernel: random (frequencies drawn with --seed) or"
                + " halton (deterministic quasi-Monte Carlo frequencies, for few attributes)"
                + " (default: random).")
    String kernelSampling;

    @Option(names = "--drop-node-attributes", paramLabel = "NAME", split = ",",
            preprocessor = ListValues.class,
            description = "Node attributes left out of the distance, by name (as listed by"
                + " orbifold info, one-hot labels by the attribute's name).")
    List<String> dropNodeAttributes;

    @Mixin
    AlignerOptions options;

    @Option(names = "--train", paramLabel = "FILE",
            description = "Training split: an IAM .cxl file, or a list of graph names or"
                + " 0-based indices of DATASET, one a line.")
    Path trainFile;

    @Option(names = {"--valid", "--validation"}, paramLabel = "FILE",
            description = "Validation split: needed to choose among several values, and by"
                + " --refit train+validation and --selection.")
    Path validationFile;

    @Option(names = "--test", paramLabel = "FILE", description = "Test split.")
    Path testFile;

    @Option(names = "--folds", paramLabel = "K",
            description = "Stratified K-fold cross-validation of DATASET instead of splits,"
                + " K >= 2; every class needs K graphs or more. Prints the fold accuracies,"
                + " their mean and their population standard deviation (divided by K).")
    Integer folds;

    @Option(names = "--refit", paramLabel = "WHAT", defaultValue = REFIT_TRAIN,
            description = "What the chosen setting is fitted on before the test: train or"
                + " train+validation (default: ${DEFAULT-VALUE}); splits only.")
    String refit;

    @Option(names = "--selection", paramLabel = "RULE", defaultValue = SELECT_MOST_CORRECT,
            description = "How the validation split chooses among the settings: "
                + SELECT_MOST_CORRECT + " or " + SELECT_ONE_SE + " (the setting with the"
                + " fewest prototypes, weight graphs or stored graphs among those within one"
                + " standard error of the best validation accuracy, then the smallest"
                + " --max-model-order; default: ${DEFAULT-VALUE}); splits only.")
    String selection;

    @Option(names = "--raw-attributes",
            description = "IAM AIDS, Fingerprint and Protein: read the attributes as the stored"
                + " numbers instead of recoding them by meaning (categories one-hot, angles as"
                + " cos/sin, sequences as compositions; see docs/formats.md).")
    boolean rawAttributes;

    @Option(names = "--sequence-pairs",
            description = "IAM Protein: also read each amino-acid sequence as the fractions of"
                + " its adjacent letter pairs over six side-chain classes (49 more node"
                + " channels; see docs/formats.md).")
    boolean sequencePairs;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the JSON result to FILE (atomically; a symbolic link is"
                + " followed and the file it names replaced). Refused when FILE is a folder,"
                + " device, pipe or read-only file, or an input, existing or not (DATASET, a"
                + " split file, a"
                + " file in a DATASET folder or in a folder of a .cxl file's graphs, a SMILES"
                + " file's label file).")
    Path out;

    @Mixin
    ProgressOptions progress;

    /** The k-NN and prototype models fitted in this run, for their alignment counts. */
    /** How far above the loss of a uniform guess an MLP's training loss is suspicious. */
    static final double MLP_GUESS_FACTOR = 1.1;

    private final Queue<GraphClassifierModel> countedModels = new ConcurrentLinkedQueue<>();
    /** The notes on the options that the reports show before the data set's notes. */
    private final List<String> notes = new ArrayList<>();
    /** The objectives of every training fit, for the warning about a suspicious one. */
    private final TrainingTrace trace = new TrainingTrace();
    /** The progress bar that shows the epochs of the fit under way; null for none. */
    private Progress epochBar;

    /**
     * A k-NN or prototype classifier that remembers the models it fits, so that the command
     * can report how many alignments their predictions computed and skipped.
     */
    private record CountedClassifier(GraphClassifier classifier,
            Queue<GraphClassifierModel> models) implements GraphClassifier {

        @Override
        public GraphClassifierModel fit(GraphSpace space, List<Graph> graphs,
                List<String> labels) {
            GraphClassifierModel model = classifier.fit(space, graphs, labels);
            models.add(model);
            return model;
        }
    }

    /** Whether the method's predictions search with lower bounds and are counted. */
    private static boolean counted(Method m) {
        return m == Method.KNN || m == Method.PROTOTYPE || m == Method.LVQ1
                || m == Method.GLVQ || m == Method.PERCEPTRON || m == Method.MLP
                || m == Method.TEMPLATE_MLP;
    }

    /**
     * Returns the alignments computed and skipped by the predictions of all k-NN, prototype,
     * perceptron and MLP (graph or template) models of this run.
     */
    private long[] alignmentCounts() {
        long computed = 0;
        long skipped = 0;
        for (GraphClassifierModel model : countedModels) {
            if (model instanceof AlignmentCounting counting) {
                computed += counting.alignmentsComputed();
                skipped += counting.alignmentsSkipped();
            }
        }
        return new long[] {computed, skipped};
    }

    /**
     * Fits the help of the shared options to this command. Hides {@code --class} of the
     * shared {@link DataOptions}: classify needs every class and refuses it, so the help
     * should not offer it; the option stays, hidden, so that giving it still gets that
     * explanation rather than "unknown option". Says what DATASET and {@code --limit} mean
     * here ({@link #DATASET_HELP}, {@link #LIMIT_HELP}); the other commands keep the shared
     * texts. Adds the defaults by method to {@code --epochs} and {@code --learning-rate}.
     * Picocli calls this once the command's options, its mixins' included, are known; an
     * option's spec is immutable, so each is replaced by a copy bound to the same field, in
     * the same place of the help.
     *
     * @param commandSpec this command's spec
     */
    @Spec
    void adaptSharedHelp(CommandSpec commandSpec) {
        OptionSpec classOption = commandSpec.findOption("--class");
        if (classOption != null && !classOption.hidden()) {
            replace(commandSpec, classOption, OptionSpec.builder(classOption).hidden(true)
                    .build());
        }
        describe(commandSpec, "--limit", LIMIT_HELP);
        describe(commandSpec, "--epochs", EPOCHS_HELP + " (default: "
                + Method.defaultsByMethod(m -> Integer.toString(m.defaultEpochs)) + ").");
        describe(commandSpec, "--learning-rate", LEARNING_RATE_HELP + " (default: "
                + Method.defaultsByMethod(m -> Numbers.compact(m.defaultLearningRate)) + ").");
        for (PositionalParamSpec p : List.copyOf(commandSpec.positionalParameters())) {
            if ("DATASET".equals(p.paramLabel()) && !DATASET_HELP.equals(p.description()[0])) {
                commandSpec.remove(p);
                commandSpec.addPositional(PositionalParamSpec.builder(p)
                        .description(DATASET_HELP).build());
            }
        }
    }

    /** Gives an option a new help text, unless it has it already. */
    private static void describe(CommandSpec commandSpec, String name, String description) {
        OptionSpec option = commandSpec.findOption(name);
        if (option != null && !description.equals(option.description()[0])) {
            replace(commandSpec, option, OptionSpec.builder(option).description(description)
                    .build());
        }
    }

    /**
     * Replaces an option by another in the same place of the help: the options after it are
     * taken out and added again behind the new one.
     */
    static void replace(CommandSpec commandSpec, OptionSpec old, OptionSpec now) {
        List<OptionSpec> options = commandSpec.options();
        List<OptionSpec> after = List.copyOf(options.subList(options.indexOf(old) + 1,
                options.size()));
        commandSpec.remove(old);
        for (OptionSpec o : after) {
            commandSpec.remove(o);
        }
        commandSpec.addOption(now);
        for (OptionSpec o : after) {
            commandSpec.addOption(o);
        }
    }

    @Override
    public Integer call() {
        // Check the options before reading anything (or fetching a tu:NAME): here those of
        // every protocol, then in each protocol those that depend on it, before its data.
        Method chosenMethod = Method.of(method);
        int workers = threads.workers();
        List<Setting> grid = grid(chosenMethod);
        boolean bothRefit = refitOption();
        ValidationSearch.Selection selectionRule = selectionOption();
        // Every alignment of the run, training and prediction, goes through the count.
        CountingAligner aligner = new CountingAligner(options.aligner());
        if (data.className != null) {
            throw CliException.usage("--class does not apply to classify: it needs every class");
        }
        if (out != null && out.toString().isBlank()) {
            throw CliException.usage("--out needs a file name");
        }
        OutputTarget.requireFileName(spec, "--out");
        Path target = out == null ? null : CenterCommand.requireWritable(out,
                out.toAbsolutePath(), OutputTarget.inputs("DATASET", Sample.source(dataset),
                        "--train", trainFile, "--valid", validationFile, "--test", testFile));
        boolean showProgress = progress.show();
        PrintWriter err = spec.commandLine().getErr();

        ForkJoinPool pool = new ForkJoinPool(workers);
        Report report;
        try (Progress bar = new Progress(err, showProgress)) {
            epochBar = bar;
            // Until the first phase of the protocol: reading the graphs, checking them and
            // the options against them.
            bar.phase("reading the data");
            if (folds != null) {
                report = crossValidate(chosenMethod, grid, aligner, pool, bar);
            } else {
                report = splits(chosenMethod, grid, aligner, bothRefit, selectionRule, pool,
                        bar);
            }
        } finally {
            pool.shutdownNow();
        }

        ClassifyOutput output = new ClassifyOutput(report, new ClassifyOutput.Run(
                chosenMethod, aligner, options.seed, options.timeLimitSeconds(), workers,
                refit, selection, folds, data.limit, lowerBounds,
                counted(chosenMethod) ? alignmentCounts() : null,
                options.unproven(aligner), trace, notes,
                this::typed));
        String json = output.json();
        String text = json;
        if (!data.json) {
            StringWriter summary = new StringWriter();
            output.summary(new PrintWriter(summary));
            text = TextFiles.unpadEnd(summary.toString());
        }
        // Warnings are diagnostics: standard error, text or JSON, so that standard output
        // holds the result alone (the JSON also carries them in "warnings").
        for (String warning : output.warnings()) {
            err.println(Main.WARNING_PREFIX + warning);
        }
        CenterCommand.deliver(out(), text, target, json);
        if (!data.json) {
            CenterCommand.printWritten(out(), out);
        }
        return 0;
    }

    /** Returns the classifier of a setting, wrapped in the attribute scaling if any. */
    private GraphClassifier classifier(Method m, Setting s, ScaledClassifier.Recipe recipe,
            Aligner aligner, Executor executor, MeanCache means, NeighborTable neighbours) {
        IterationListener epochs = epochBar == null ? IterationListener.NONE
                : epochBar.epochs(s.epochs());
        IterationListener listener = (k, value, step, nanos) -> {
            trace.iterationDone(k, value, step, nanos);
            return epochs.iterationDone(k, value, step, nanos);
        };
        GraphClassifier classifier = m.classifier(s, aligner, options.seed, executor, listener,
                means, neighbours);
        if (counted(m)) {
            classifier = new CountedClassifier(classifier, countedModels);
        }
        if (recipe != null) {
            ScaledClassifier.Recipe r = recipe.withExistence(s.existence());
            if (r.kernel() != null) {
                r = r.withKernel(new ScaledClassifier.Kernel(r.kernel().kind(), s.bandwidth(),
                        s.features(), r.kernel().sampling(), r.kernel().seed()));
            }
            classifier = new ScaledClassifier(r, classifier);
        }
        return m.usesTraining ? new NamedTraining(classifier, m, s, recipe != null, trace,
                this::typed) : classifier;
    }

    /**
     * A trained classifier whose failures while fitting name the setting being fitted: a
     * learning rate (or weight decay) so large that the weights overflow is a
     * {@link TrainingDivergedException} of the learner (epoch and reason), or, from the
     * starts, a message about the distance's weights (unless the unscaled training graphs
     * overflow by themselves, when the space's own message stands). Each fit is followed by
     * the trace, which remembers a suspicious training objective under the setting. The model
     * is returned unchanged. The messages quote the options' values as typed ({@code typed}).
     */
    private record NamedTraining(GraphClassifier classifier, Method method, Setting setting,
            boolean scaled, TrainingTrace trace, ValueText typed) implements GraphClassifier {

        @Override
        public GraphClassifierModel fit(GraphSpace space, List<Graph> graphs,
                List<String> labels) {
            trace.begin();
            try {
                GraphClassifierModel model = classifier.fit(space, graphs, labels);
                trace.end(setting, suspiciousLevel(method, setting,
                        model.classes().size(), graphs.size()), mustRise(method));
                GraphClassifierModel inner = model instanceof ScaledClassifier.Model scaledModel
                        ? scaledModel.model() : model;
                if (inner instanceof PrototypeModel prototypeModel) {
                    trace.addErrors(setting, new TrainingTrace.Errors(graphs.size(),
                            largestClass(labels), prototypeModel.trainingErrors()));
                }
                return model;
            } catch (TrainingDivergedException e) {
                // The learner names the epoch and keeps the overflow as its reason.
                // The setting names the weights, so the overflow's finding leaves them out.
                String reason = e.getCause() instanceof WeightedOverflowException overflow
                        ? overflow.findingWithoutWeights() : e.reason();
                throw CliException.data(trainingFailure(method, setting, scaled,
                        "in epoch " + e.epoch() + ", " + reason, true, typed), e);
            } catch (WeightedOverflowException e) {
                if (!scaled && overflows(space, graphs)) {
                    throw CliException.data(e.getMessage(), e);
                }
                throw CliException.data(trainingFailure(method, setting, scaled,
                        e.findingWithoutWeights(), true, typed), e);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                throw CliException.data(trainingFailure(method, setting, scaled,
                        e.getMessage() == null ? e.toString() : e.getMessage(), false, typed), e);
            }
        }
    }

    /** Returns the number of graphs of the most frequent label. */
    static int largestClass(List<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        int largest = 0;
        for (String label : labels) {
            largest = Math.max(largest, counts.merge(label, 1, Integer::sum));
        }
        return largest;
    }

    /**
     * Returns whether some graph's own squared norm overflows in the space: then an overflow
     * while fitting is the data's fault (attributes too large for the weights), not the
     * learning rate's.
     */
    private static boolean overflows(GraphSpace space, List<Graph> graphs) {
        for (Graph g : graphs) {
            try {
                space.squaredNorm(g);
            } catch (WeightedOverflowException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails before any fitting when a value of {@code --max-model-order} exceeds the largest
     * graph order, the size of the space: the perceptron's and the MLP's weight graphs have
     * exactly that order, which the space cannot hold, and the prototypes of the other
     * methods never exceed it, so a cap above it would only repeat the uncapped model. The
     * first such value in the list is named as typed.
     */
    private void requireModelOrder(Method m, Sample sample) {
        if (maxModelOrder == null || m == Method.KNN) {
            return;
        }
        int largest = 0;
        for (Graph g : sample.graphs()) {
            largest = Math.max(largest, g.order());
        }
        boolean weights = m == Method.PERCEPTRON || m == Method.MLP;
        for (int order : maxModelOrder) {
            if (order > largest) {
                throw CliException.usage("--max-model-order " + typedInteger("--max-model-order",
                        order) + " exceeds the largest graph order, " + largest + ": "
                        + (m == Method.TEMPLATE_MLP ? "the template of --method template-mlp"
                        + " has exactly this order" : weights ? "the weight graphs of --method "
                        + m.option + " have"
                        + " exactly this order" : "the prototypes of --method " + m.option
                        + " have at most that order anyway,"
                        + " so the cap would change nothing; leave the option out for no cap,"
                        + " or give at most " + largest));
            }
        }
    }

    /**
     * Returns the message of a validation search whose every setting failed, from the first
     * failure and the later ones that {@link ValidationSearch} attaches to it as suppressed
     * exceptions: the number of settings, then each failure's message, numbered, or, when
     * there are more than {@link #FAILURES_SHOWN}, the first {@code FAILURES_SHOWN - 1} and
     * how many more failed. One line, as every error.
     */
    static String everySettingFailed(Throwable first) {
        List<String> messages = new ArrayList<>();
        messages.add(message(first));
        for (Throwable later : first.getSuppressed()) {
            messages.add(message(later));
        }
        int count = messages.size();
        int shown = count <= FAILURES_SHOWN ? count : FAILURES_SHOWN - 1;
        StringBuilder text = new StringBuilder(count == 2 ? "both settings" : "all " + count
                + " settings").append(" of the validation search failed");
        text.append(shown < count ? "; the first " + shown + ": " : ": ");
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(messages.get(i));
        }
        if (shown < count) {
            // At least two are left out: FAILURES_SHOWN failures are named all.
            text.append("; and ").append(count - shown).append(" more (settings ")
                    .append(shown + 1).append(" to ").append(count).append(" of the grid)");
        }
        return text.toString();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Returns the message of a failed fit from its reason, as {@link #trainingFailure(Method,
     * Setting, boolean, String, boolean)} with no overflow known.
     */
    static String trainingFailure(Method m, Setting s, boolean scaled, String reason) {
        return trainingFailure(m, s, scaled, reason, false);
    }

    /**
     * Returns the message of a failed fit: whether the training diverged (a weighted sum
     * overflowed, or the reason names an infinite or NaN quantity), the whole setting, each
     * value once, then the reason, and for a divergence the advice: lower
     * {@code --learning-rate}, or for the MLP with a positive weight decay also
     * {@code --weight-decay} (a decay of 0 cannot be the cause).
     *
     * @param reason what failed; for an overflow, its finding without the space's advice
     *     about the distance weights, since the learner's own values are to blame
     * @param overflowed whether a {@link WeightedOverflowException} (or the learner's
     *     {@link TrainingDivergedException}) was the failure
     */
    static String trainingFailure(Method m, Setting s, boolean scaled, String reason,
            boolean overflowed) {
        return trainingFailure(m, s, scaled, reason, overflowed,
                (option, value) -> number(value));
    }

    /**
     * Returns the message of a failed fit as {@link #trainingFailure(Method, Setting, boolean,
     * String, boolean)} does, with the options' values written by {@code typed} (as the user
     * typed them: {@code 1e300}, not {@code 1e+300}).
     */
    static String trainingFailure(Method m, Setting s, boolean scaled, String reason,
            boolean overflowed, ValueText typed) {
        String lower = reason.toLowerCase(Locale.ROOT);
        boolean diverged = overflowed || lower.contains("infinity") || lower.contains("infinite")
                || lower.contains("nan") || lower.contains("overflow");
        String setting = "(" + m.option + "; " + describe(m, s, scaled, typed) + "): "
                + reason;
        if (!diverged) {
            return "training failed " + setting;
        }
        return "training diverged " + setting + " (lower --learning-rate"
                + (m == Method.MLP && s.weightDecay() > 0.0 ? " or --weight-decay" : "") + ")";
    }

    /**
     * Returns a failure message as the validation search's row shows it, after the setting it
     * belongs to: without the parenthesis of {@link #trainingFailure(Method, Setting, boolean,
     * String, boolean, ValueText)} that names the method and the setting again, so that
     * {@code training diverged (mlp; ..., learning rate 1e300, epochs 1): in epoch 1, ...}
     * reads {@code training diverged: in epoch 1, ...}. A message without that parenthesis is
     * returned unchanged.
     */
    static String failureAfterSetting(String failure, Method m, Setting s, boolean scaled,
            ValueText typed) {
        String named = " (" + m.option + "; " + describe(m, s, scaled, typed) + "): ";
        int at = failure.indexOf(named);
        return at < 0 ? failure
                : failure.substring(0, at) + ": " + failure.substring(at + named.length());
    }

    /**
     * Returns the graph space of a setting, after checking, before any alignment, that the
     * graphs as the setting scales and weighs them stay within what the aligners support
     * ({@link GraphMagnitudes}): with attribute scaling, the graphs with the setting's
     * existence value and without the dropped attributes; their standardized or kernel
     * attributes are fitted later, on training graphs, and are not counted.
     */
    private GraphSpace space(Sample sample, Setting s, ScaledClassifier.Recipe recipe) {
        if (recipe == null) {
            return sample.space(s.nodeWeight(), s.edgeWeight(), spec);
        }
        boolean known = !recipe.standardize() && recipe.kernel() == null;
        double[] factors = known ? recipe.fit(sample.graphs()).nodeFactors() : null;
        return sample.space(s.nodeWeight(), s.edgeWeight(), spec,
                new GraphMagnitudes.Scaling(factors, known, s.existence(), true));
    }

    /**
     * Returns how the attribute scaling is fitted, or null when no scaling option is given;
     * fails on a dropped attribute the data does not have.
     */
    private ScaledClassifier.Recipe recipe(Sample sample) {
        if (!standardize && existence == null && dropNodeAttributes == null
                && nodeKernel == null) {
            return null;
        }
        List<String> available = new ArrayList<>();
        for (ChannelGroup g : sample.dataset().nodeGroups()) {
            if (!g.name().equals(NodeExistence.CHANNEL_NAME)) {
                available.add(g.name());
            }
        }
        List<String> dropped = new ArrayList<>();
        if (dropNodeAttributes != null) {
            for (String name : dropNodeAttributes) {
                String given = name.strip();
                if (given.equals(NodeExistence.CHANNEL_NAME)) {
                    throw CliException.usage("--drop-node-attributes: '" + given + "' is the"
                            + " node-existence channel; set it with --existence (0 leaves it"
                            + " out)");
                }
                if (!available.contains(given)) {
                    throw CliException.usage("--drop-node-attributes: " + sample.source()
                            + " has no node attribute '" + given + "'; its node attributes: "
                            + (available.isEmpty() ? "none" : String.join(", ", available)));
                }
                if (!dropped.contains(given)) {
                    dropped.add(given);
                }
            }
        }
        ScaledClassifier.Kernel kernel = nodeKernel == null ? null
                : new ScaledClassifier.Kernel(kernelKind(), 1.0, DEFAULT_FEATURES, sampling(),
                        options.seed);
        boolean standardizes = standardize && hasNumericAttributes(sample, dropped);
        if (standardize && !standardizes) {
            notes.add("--standardize changes nothing: no numeric node or edge attribute is"
                    + " left to standardize" + (dropped.isEmpty() ? ""
                    : " once --drop-node-attributes leaves out " + String.join(", ", dropped))
                    + (hasOneHot(sample) ? " (one-hot labels stay as they are)" : "")
                    + ", so the attributes are used as read");
        }
        return new ScaledClassifier.Recipe(standardizes, 1.0, dropped, sample.nodeChannels(),
                sample.edgeChannels(), kernel);
    }

    /**
     * Fails when a setting leaves no channel with weight, so that every distance would be 0
     * and every graph as near as any other: {@code --existence 0} with no node attribute
     * left (the data have none, or {@code --drop-node-attributes} drops them all) and
     * {@code --edge-weight 0}. The case of {@code --node-weight 0} with {@code --edge-weight
     * 0} is refused with the grid. Not checked with {@code --node-kernel}, whose features of
     * dropped attributes are constant but need not be 0.
     *
     * @param recipe the attribute scaling, or null without one (the existence channel is
     *     then 1)
     */
    private void requireSomeDistance(List<Setting> grid, ScaledClassifier.Recipe recipe,
            Sample sample) {
        if (recipe == null || recipe.kernel() != null) {
            return;
        }
        for (ChannelGroup g : sample.dataset().nodeGroups()) {
            if (!g.name().equals(NodeExistence.CHANNEL_NAME)
                    && !recipe.dropped().contains(g.name())) {
                return;
            }
        }
        for (Setting s : grid) {
            if (s.existence() == 0.0 && s.edgeWeight() == 0.0) {
                String left = recipe.dropped().isEmpty()
                        ? sample.source() + " has no node attribute"
                        : "--drop-node-attributes " + String.join(",", recipe.dropped())
                                + " leaves no node attribute";
                throw CliException.usage("--existence 0 with --edge-weight 0, and " + left
                        + ": every distance would be 0; give --existence or --edge-weight a"
                        + " positive value" + (recipe.dropped().isEmpty() ? ""
                        : ", or keep a node attribute"));
            }
        }
    }

    /** Returns whether some node or edge attribute of the data is a one-hot label. */
    private static boolean hasOneHot(Sample sample) {
        return sample.dataset().nodeGroups().stream().anyMatch(ChannelGroup::isOneHot)
                || sample.dataset().edgeGroups().stream().anyMatch(ChannelGroup::isOneHot);
    }

    /**
     * Returns whether {@code --standardize} has something to scale: a numeric node attribute
     * (not one-hot, not the existence channel) that is not dropped, or a numeric edge
     * attribute other than the edge indicator ({@link DatasetScaling#fit}'s rules).
     */
    private static boolean hasNumericAttributes(Sample sample, List<String> dropped) {
        for (ChannelGroup g : sample.dataset().nodeGroups()) {
            if (!g.isOneHot() && !g.name().equals(NodeExistence.CHANNEL_NAME)
                    && !dropped.contains(g.name())) {
                return true;
            }
        }
        for (ChannelGroup g : sample.dataset().edgeGroups()) {
            if (!g.isOneHot() && !g.name().equals(GraphDataset.EDGE_CHANNEL)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the kind of the node kernel, checked. */
    private NodeKernelEmbedding.Kernel kernelKind() {
        return switch (nodeKernel.strip().toLowerCase(Locale.ROOT)) {
            case "gaussian" -> NodeKernelEmbedding.Kernel.GAUSSIAN;
            case "laplacian" -> NodeKernelEmbedding.Kernel.LAPLACIAN;
            default -> throw CliException.usage("--node-kernel must be gaussian or laplacian,"
                    + " got " + UsageErrors.quotedWithHint(nodeKernel,
                    List.of("gaussian", "laplacian")));
        };
    }

    /** Returns the frequency sampling of the node kernel, checked. */
    private NodeKernelEmbedding.Sampling sampling() {
        if (kernelSampling == null) {
            return NodeKernelEmbedding.Sampling.RANDOM;
        }
        return switch (kernelSampling.strip().toLowerCase(Locale.ROOT)) {
            case "random" -> NodeKernelEmbedding.Sampling.RANDOM;
            case "halton" -> NodeKernelEmbedding.Sampling.HALTON;
            default -> throw CliException.usage("--kernel-sampling must be random or halton,"
                    + " got " + UsageErrors.quotedWithHint(kernelSampling,
                    List.of("random", "halton")));
        };
    }

    // ---- Protocols -------------------------------------------------------------------------

    private Report splits(Method m, List<Setting> grid, Aligner aligner, boolean bothRefit,
            ValidationSearch.Selection selectionRule, ForkJoinPool pool, Progress bar) {
        // The splits, from split files or an IAM folder.
        Splits splits = readSplits(grid.size(), bothRefit);
        if (splits.validation().length == 0) {
            requireNoChoice(grid.size(), bothRefit);
        }
        Sample sample = splits.sample();
        requireKernelMemory(sample, grid);
        requireModelOrder(m, sample);
        ScaledClassifier.Recipe recipe = recipe(sample);
        requireSomeDistance(grid, recipe, sample);
        List<String> trainLabels = requireLabels(splits, splits.train(), "training");
        if (new TreeSet<>(trainLabels).size() < 2) {
            throw CliException.data("classify needs two classes or more to learn from; every"
                    + " graph of the training split (--train " + splits.files().get(0)
                    + ") is of class '" + trainLabels.get(0) + "'");
        }
        List<String> validationLabels = requireLabels(splits, splits.validation(),
                "validation");
        List<String> testLabels = requireLabels(splits, splits.test(), "test");
        requireKnownClasses(splits, splits.validation(), validationLabels, trainLabels,
                "validation");
        requireKnownClasses(splits, splits.test(), testLabels, trainLabels, "test");
        int classCount = new TreeSet<>(trainLabels).size();
        requireDistinctUnits(m, classCount);
        List<String> refitLabels = new ArrayList<>(trainLabels);
        if (bothRefit) {
            refitLabels.addAll(validationLabels);
        }
        for (Setting s : grid) {
            requireFits(m, s, trainLabels, "the training split");
            requireFits(m, s, refitLabels, "the training and validation splits");
        }
        noteBatchSize(m, trainLabels.size(), "the training split");
        noteFewUnits(m, classCount);
        List<Graph> trainGraphs = splits.graphs(splits.train());
        List<Graph> validationGraphs = splits.graphs(splits.validation());
        List<Graph> testGraphs = splits.graphs(splits.test());

        // Choose on the validation split. Candidates of one graph space and scaling (outer
        // loops of the grid, so consecutive candidates) share their work: each class mean or
        // template is computed once (the cache holds one fit's means), and k-NN searches a
        // validation graph's nearest once, as deep as the largest k, for every k.
        long t0 = System.nanoTime();
        MeanCache means = new MeanCache(classCount);
        int deepest = grid.stream().mapToInt(Setting::k).max().orElse(1);
        NeighborTable neighbours = m == Method.KNN ? new NeighborTable(deepest, 1) : null;
        List<Candidate> candidates = new ArrayList<>();
        for (Setting s : grid) {
            candidates.add(new Candidate(describe(m, s, recipe != null, this::typed),
                    space(sample, s, recipe),
                    classifier(m, s, recipe, aligner, pool, means, neighbours),
                    modelSize(m, s, classCount, trainGraphs.size()), s.maxModelOrder()));
        }
        ValidationSearch.Result search = null;
        Candidate chosen = candidates.get(0);
        Setting setting = grid.get(0);
        if (splits.validation().length > 0) {
            try {
                search = ValidationSearch.search(candidates, trainGraphs, trainLabels,
                        validationGraphs, validationLabels, pool, selectionRule,
                        bar.bestSteps("validation search", grid.size(), "settings",
                                "best validation accuracy"));
            } catch (CliException e) {
                throw e.getSuppressed().length == 0 ? e
                        : CliException.data(everySettingFailed(e), e);
            }
            chosen = search.chosen();
            setting = grid.get(search.best());
        }
        // The test split is predicted by the chosen k alone.
        if (neighbours != null) {
            neighbours.close();
        }
        double searchSeconds = (System.nanoTime() - t0) / 1e9;

        // Fit the chosen setting for the test: on the training split the search has fitted
        // it already (fits are deterministic), on both splits once more. Then predict the
        // test split once.
        long t1 = System.nanoTime();
        GraphClassifierModel model;
        if (search != null && !bothRefit) {
            model = search.chosenModel();
        } else {
            List<Graph> refitGraphs = new ArrayList<>(trainGraphs);
            if (bothRefit) {
                refitGraphs.addAll(validationGraphs);
            }
            bar.phase("fitting " + chosen.description() + " on "
                    + CenterCommand.graphs(refitGraphs.size()));
            model = chosen.classifier().fit(chosen.space(), refitGraphs, refitLabels);
        }
        means.clear();
        bar.phase("predicting " + CenterCommand.graphs(testGraphs.size()));
        List<String> predicted = model.predictAll(testGraphs, pool);
        double testSeconds = (System.nanoTime() - t1) / 1e9;
        AttributeScaling fitted = model instanceof ScaledClassifier.Model scaled
                ? scaled.scaling() : null;
        return new Report(sample, "splits", splits, search, grid, setting,
                splits.names(splits.test()), testLabels, predicted, model.classes(), null,
                searchSeconds, testSeconds, recipe, fitted, search != null && !bothRefit, null);
    }

    private Report crossValidate(Method m, List<Setting> grid, Aligner aligner,
            ForkJoinPool pool, Progress bar) {
        if (trainFile != null || validationFile != null || testFile != null) {
            throw CliException.usage("--folds and split files (--train, --valid, --test)"
                    + " exclude each other");
        }
        if (grid.size() > 1) {
            throw CliException.usage(gridText(grid.size()) + " need a validation split to"
                    + " choose from; with --folds give one value each");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--refit")) {
            throw CliException.usage("--refit applies only to splits: with --folds each fold"
                    + " is fitted on the other folds");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--selection")) {
            throw CliException.usage("--selection applies only to splits: with --folds there"
                    + " is one setting and nothing to choose");
        }
        if (folds < 2) {
            throw CliException.usage("--folds must be at least 2, got " + folds);
        }
        if (dataset != null && Splits.isIamFolder(Path.of(dataset))) {
            throw CliException.usage("--folds cross-validates one data set; " + dataset
                    + " is an IAM folder of splits: give one of its .cxl files, or leave out"
                    + " --folds to use its splits");
        }
        Sample sample = foldsSample();
        requireClasses(sample);
        requireModelOrder(m, sample);
        List<String> labels = sample.labels();
        int missing = labels.indexOf(null);
        if (missing >= 0) {
            throw CliException.data(sample.source() + ": graph " + missing + " has no class"
                    + " label; classify needs the class of every graph");
        }
        if (folds > sample.size()) {
            throw CliException.usage("--folds must be between 2 and the number of graphs, "
                    + sample.size() + ", got " + folds);
        }
        requireTwoClasses(labels, sample.source());
        requireFoldsPerClass(labels, sample.size());
        requireKernelMemory(sample, grid);
        ScaledClassifier.Recipe recipe = recipe(sample);
        requireSomeDistance(grid, recipe, sample);
        Setting s = grid.get(0);
        List<int[]> foldIndices = Evaluation.stratifiedFolds(labels, folds, options.seed);
        // The largest fold leaves the smallest training set.
        int largestFold = 0;
        for (int f = 0; f < foldIndices.size(); f++) {
            requireFits(m, s, trainingLabels(labels, foldIndices.get(f)),
                    "the training folds of fold " + (f + 1));
            if (foldIndices.get(f).length > foldIndices.get(largestFold).length) {
                largestFold = f;
            }
        }
        noteBatchSize(m, labels.size() - foldIndices.get(largestFold).length,
                "the training folds of fold " + (largestFold + 1));
        noteFewUnits(m, new TreeSet<>(labels).size());

        long t0 = System.nanoTime();
        GraphSpace space = space(sample, s, recipe);
        GraphClassifier classifier = classifier(m, s, recipe, aligner, pool, null, null);
        List<String> predicted = Evaluation.crossValidate(classifier, space, sample.graphs(),
                labels, folds, options.seed, pool, bar.steps("cross-validation", folds, "folds",
                        "fold accuracy"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        FoldAccuracies perFold = Evaluation.foldAccuracies(labels, predicted, foldIndices);
        List<String> names = new ArrayList<>();
        List<String> all = sample.dataset().graphNames();
        for (int g = 0; g < sample.size(); g++) {
            names.add(g < all.size() ? all.get(g) : null);
        }
        return new Report(sample, "folds", null, null, grid, s, names, labels, predicted,
                LabelEncoder.of(labels), perFold, 0.0, seconds, recipe, null, false,
                ClassifyOutput.foldNumbers(foldIndices, labels.size()));
    }

    // ---- Options and checks ----------------------------------------------------------------

    /**
     * Returns the grid of settings: existence value outermost, then node weight, edge weight,
     * k, prototypes, hidden units, model order, margin, weight decay, learning rate, and
     * epochs innermost.
     * A setting of 0 epochs (lvq1, glvq: the starting prototypes, untrained) is the same model
     * at every learning rate, so it enters the grid once, at the first listed rate, and a
     * note says that the rates are unused there.
     */
    private List<Setting> grid(Method m) {
        ListValues.requireNoTrailingComma(spec);
        requireApplies(k, "--k", m.usesK, "knn");
        if (!m.usesK && spec.commandLine().getParseResult().hasMatchedOption("--lower-bounds")) {
            throw CliException.usage("--lower-bounds and --no-lower-bounds apply only to"
                    + " --method knn");
        }
        requireApplies(prototypes, "--prototypes", m.usesPrototypes, "lvq1 and glvq");
        String trained = "lvq1, glvq, perceptron, mlp and template-mlp";
        requireApplies(epochs, "--epochs", m.usesTraining, trained);
        requireApplies(learningRate, "--learning-rate", m.usesTraining, trained);
        requireApplies(margin, "--margin", m == Method.PERCEPTRON, "perceptron");
        boolean mlp = m == Method.MLP || m == Method.TEMPLATE_MLP;
        requireApplies(hiddenUnits, "--hidden-units", mlp, "mlp and template-mlp");
        requireApplies(weightDecay, "--weight-decay", m == Method.MLP, "mlp");
        requireApplies(batchSize, "--batch-size", m == Method.MLP, "mlp");
        requireApplies(maxModelOrder, "--max-model-order", m != Method.KNN,
                "prototype, lvq1, glvq, perceptron, mlp and template-mlp");
        requireApplies(activation, "--activation", mlp, "mlp and template-mlp");
        requireApplies(initialization, "--initialization",
                m.usesTraining && m != Method.TEMPLATE_MLP, "lvq1, glvq, perceptron and mlp");
        Fixed fixed = fixed(m);
        List<Integer> orders = values("--max-model-order", maxModelOrder, 0);
        if (maxModelOrder != null) {
            for (int value : orders) {
                if (value < 1) {
                    throw CliException.usage("--max-model-order must be >= 1, got "
                            + typedInteger("--max-model-order", value));
                }
            }
        }
        if (dropNodeAttributes != null) {
            requireNotEmpty("--drop-node-attributes", dropNodeAttributes);
            requireDistinct("--drop-node-attributes", dropNodeAttributes);
        }
        boolean kernel = kernelOption();
        List<Double> existences = values("--existence", existence, 1.0);
        List<Double> bandwidths = kernel ? values("--bandwidth", bandwidth, 1.0) : List.of(0.0);
        List<Integer> featureCounts = kernel ? values("--features", features,
                DEFAULT_FEATURES) : List.of(0);
        if (kernel) {
            sampling();
            for (double value : bandwidths) {
                if (!(value > 0.0) || !Double.isFinite(value)) {
                    throw CliException.usage("--bandwidth must be positive and finite, got "
                            + typed("--bandwidth", value));
                }
                if (value < NodeKernelEmbedding.MIN_BANDWIDTH) {
                    throw CliException.usage("--bandwidth must be at least "
                            + Numbers.compact(NodeKernelEmbedding.MIN_BANDWIDTH) + ", got "
                            + typed("--bandwidth", value) + ": the"
                            + " kernel's frequencies are divided by it and would not be"
                            + " finite");
                }
            }
            for (int value : featureCounts) {
                if (value < 2 || value % 2 != 0 || value > MAX_FEATURES) {
                    throw CliException.usage("--features must be even and in 2.."
                            + MAX_FEATURES + " (a cosine and a sine per frequency), got "
                            + value);
                }
            }
        }
        List<Double> nodeWeights = values("--node-weight", nodeWeight, 1.0);
        List<Double> edgeWeights = values("--edge-weight", edgeWeight, 1.0);
        List<Integer> ks = values("--k", k, 1);
        List<Integer> ps = values("--prototypes", prototypes, 1);
        List<Integer> hs = values("--hidden-units", hiddenUnits,
                m == Method.TEMPLATE_MLP ? TemplateMlp.DEFAULT_HIDDEN_UNITS : 0);
        List<Double> margins = values("--margin", margin, 0.0);
        List<Double> decays = values("--weight-decay", weightDecay, 0.0);
        List<Integer> es = values("--epochs", epochs, m.defaultEpochs);
        List<Double> rates = values("--learning-rate", learningRate, m.defaultLearningRate);
        for (double e : existences) {
            requireNonNegative("--existence", e);
        }
        for (double w : nodeWeights) {
            requireNonNegative("--node-weight", w);
        }
        for (double w : edgeWeights) {
            requireNonNegative("--edge-weight", w);
        }
        for (double value : margins) {
            requireNonNegative("--margin", value);
        }
        for (double value : decays) {
            requireNonNegative("--weight-decay", value);
        }
        for (int value : ks) {
            requireAtLeast("--k", value, 1);
        }
        for (int value : ps) {
            requireAtLeast("--prototypes", value, 1);
        }
        for (int value : hs) {
            if (m == Method.TEMPLATE_MLP && value < 1) {
                throw CliException.usage("--hidden-units of --method template-mlp must be >= 1,"
                        + " got " + value + " (0, one unit per class, is for --method mlp)");
            }
            requireAtLeast("--hidden-units", value, 0);
            if (m == Method.TEMPLATE_MLP && value > TemplateMlp.MAX_HIDDEN_UNITS) {
                throw CliException.usage("--hidden-units of --method template-mlp must be at"
                        + " most " + TemplateMlp.MAX_HIDDEN_UNITS + ", got " + value
                        + " (the hidden weights take 8 bytes per unit and kept coordinate)");
            }
        }
        for (int value : es) {
            if (value == 0 && !m.usesPrototypes) {
                throw CliException.usage("--epochs must be >= 1 for --method " + m.option
                        + ", got 0 (0, which keeps the starting prototypes, is for lvq1 and"
                        + " glvq)");
            }
            requireAtLeast("--epochs", value, m.usesPrototypes ? 0 : 1);
        }
        for (double rate : rates) {
            if (!(rate > 0.0) || !Double.isFinite(rate)) {
                throw CliException.usage("--learning-rate must be positive and finite, got "
                        + typed("--learning-rate", rate));
            }
            if (m == Method.LVQ1 && rate > 1.0) {
                throw CliException.usage("--learning-rate of --method lvq1 must be at most 1,"
                        + " got " + typed("--learning-rate", rate) + ": a step moves the"
                        + " nearest prototype that fraction of the way toward (or away from)"
                        + " the sample, and beyond 1 it overshoots");
            }
        }
        if (learningRate != null && es.contains(0)) {
            notes.add("--learning-rate is unused at --epochs 0: " + m.option + " then keeps"
                    + " its starting prototypes untrained, so that setting is fitted once"
                    + " whatever the rates");
        }
        List<Setting> grid = new ArrayList<>();
        for (double e : existences) {
            for (double sigma : bandwidths) {
                for (int d : featureCounts) {
                    addWeights(grid, e, sigma, d, nodeWeights, edgeWeights, ks, ps, hs,
                            orders, margins, decays, rates, es, fixed);
                }
            }
        }
        return grid;
    }

    /** Adds the settings of one existence value and kernel, weights outermost. */
    private static void addWeights(List<Setting> grid, double e, double sigma, int d,
            List<Double> nodeWeights, List<Double> edgeWeights, List<Integer> ks,
            List<Integer> ps, List<Integer> hs, List<Integer> orders, List<Double> margins,
            List<Double> decays, List<Double> rates, List<Integer> es, Fixed fixed) {
        for (double nw : nodeWeights) {
            for (double ew : edgeWeights) {
                if (nw == 0.0 && ew == 0.0) {
                    throw CliException.usage("--node-weight 0 with --edge-weight 0: every"
                            + " distance would be 0; give one of them a positive value");
                }
                for (int kk : ks) {
                    for (int p : ps) {
                        for (int h : hs) {
                            for (int order : orders) {
                                addTraining(grid, new Setting(e, sigma, d, nw, ew, kk, p, h,
                                        order, 0.0, 0.0, 0, 0.0, fixed), margins, decays,
                                        rates, es);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the settings of one model shape (the values of {@code base} up to the model
     * order) with every margin, weight decay, learning rate and epoch count, epochs
     * innermost.
     */
    private static void addTraining(List<Setting> grid, Setting base, List<Double> margins,
            List<Double> decays, List<Double> rates, List<Integer> es) {
        for (double kappa : margins) {
            for (double decay : decays) {
                for (double rate : rates) {
                    for (int epochCount : es) {
                        // No training: the rate has no effect, so the model is fitted at
                        // the first rate only.
                        if (epochCount == 0 && rate != rates.get(0)) {
                            continue;
                        }
                        grid.add(new Setting(base.existence(), base.bandwidth(),
                                base.features(), base.nodeWeight(), base.edgeWeight(),
                                base.k(), base.prototypes(), base.hiddenUnits(),
                                base.maxModelOrder(), kappa, decay, epochCount, rate,
                                base.fixed()));
                    }
                }
            }
        }
    }

    /** Returns the single-valued training options, checked. */
    private Fixed fixed(Method m) {
        if (batchSize != null) {
            requireAtLeast("--batch-size", batchSize, 1);
        }
        GraphMlp.Activation chosenActivation = GraphMlp.Activation.TANH;
        if (activation != null) {
            chosenActivation = switch (activation.strip().toLowerCase(Locale.ROOT)) {
                case "tanh" -> GraphMlp.Activation.TANH;
                case "logistic" -> GraphMlp.Activation.LOGISTIC;
                default -> throw CliException.usage("--activation must be tanh or logistic,"
                        + " got " + UsageErrors.quotedWithHint(activation,
                        List.of("tanh", "logistic")));
            };
        }
        MarginPerceptron.Initialization perceptronStart =
                MarginPerceptron.Initialization.CLASS_MEANS;
        GraphMlp.Initialization mlpStart = GraphMlp.Initialization.RANDOM_MEMBERS;
        LearningGraphQuantization.Initialization lvqStart =
                LearningGraphQuantization.Initialization.CLASS_MEANS;
        if (initialization != null) {
            String value = initialization.strip().toLowerCase(Locale.ROOT);
            if (m.usesPrototypes) {
                lvqStart = switch (value) {
                    case "class-means" -> LearningGraphQuantization.Initialization.CLASS_MEANS;
                    case "random-members" ->
                            LearningGraphQuantization.Initialization.RANDOM_MEMBERS;
                    case "class-medoids" ->
                            LearningGraphQuantization.Initialization.CLASS_MEDOIDS;
                    default -> throw CliException.usage("--initialization of --method "
                            + m.option + " must be class-means, random-members or"
                            + " class-medoids, got " + UsageErrors.quotedWithHint(
                            initialization, List.of("class-means", "random-members",
                            "class-medoids")));
                };
            } else if (m == Method.PERCEPTRON) {
                perceptronStart = switch (value) {
                    case "class-means" -> MarginPerceptron.Initialization.CLASS_MEANS;
                    case "zero" -> MarginPerceptron.Initialization.ZERO;
                    default -> throw CliException.usage("--initialization of --method"
                            + " perceptron must be class-means or zero, got "
                            + UsageErrors.quotedWithHint(initialization,
                            List.of("class-means", "zero")));
                };
            } else {
                mlpStart = switch (value) {
                    case "random-members" -> GraphMlp.Initialization.RANDOM_MEMBERS;
                    case "class-means" -> GraphMlp.Initialization.CLASS_MEANS;
                    case "class-medoids" -> GraphMlp.Initialization.CLASS_MEDOIDS;
                    default -> throw CliException.usage("--initialization of --method mlp"
                            + " must be random-members, class-means or class-medoids, got "
                            + UsageErrors.quotedWithHint(initialization,
                            List.of("random-members", "class-means", "class-medoids")));
                };
            }
        }
        return new Fixed(lvqStart, perceptronStart, mlpStart, chosenActivation,
                batchSize == null ? 1 : batchSize, lowerBounds);
    }

    /**
     * Returns whether a node kernel is asked for; fails on an unknown kernel and on kernel
     * options without {@code --node-kernel}.
     */
    private boolean kernelOption() {
        if (nodeKernel == null) {
            String missing = bandwidth != null ? "--bandwidth" : features != null ? "--features"
                    : kernelSampling != null ? "--kernel-sampling" : null;
            if (missing != null) {
                throw CliException.usage(missing + " applies only with --node-kernel gaussian or"
                        + " laplacian");
            }
            return false;
        }
        kernelKind();
        return true;
    }

    private static void requireApplies(Object given, String option, boolean applies,
            String methods) {
        if (given != null && !applies) {
            throw CliException.usage(option + " applies only to --method " + methods);
        }
    }

    /**
     * Returns the values of a list option, or the fallback when it is not given; fails on an
     * empty list (such as {@code --k ,}), an empty entry and a value listed twice (it would
     * only repeat a combination).
     */
    private <T> List<T> values(String option, List<T> given, T fallback) {
        if (given == null) {
            return List.of(fallback);
        }
        requireNotEmpty(option, given);
        for (T value : given) {
            if (value == null) {
                throw CliException.usage("empty value in a list of values: " + option);
            }
        }
        requireDistinct(option, given);
        return given;
    }

    /** Fails on a list option given without any value, such as {@code --k ,}. */
    private static void requireNotEmpty(String option, List<?> given) {
        if (given.isEmpty()) {
            throw CliException.usage(option + " needs at least one value, got an empty list");
        }
    }

    /** Fails on a value listed twice; numbers compare by value, names after stripping. */
    private void requireDistinct(String option, List<?> given) {
        for (int b = 1; b < given.size(); b++) {
            for (int a = 0; a < b; a++) {
                Object x = given.get(a);
                Object y = given.get(b);
                boolean same = x instanceof Number p && y instanceof Number q
                        ? p.doubleValue() == q.doubleValue()
                        : x.toString().strip().equals(y.toString().strip());
                if (same) {
                    List<String> texts = typedValues(option);
                    String spelled = texts.size() == given.size()
                            && !texts.get(a).equals(texts.get(b))
                            ? " (as " + texts.get(a) + " and " + texts.get(b) + ")" : "";
                    throw CliException.usage(option + " lists the value "
                            + (x instanceof String ? "'" + x.toString().strip() + "'"
                            : x instanceof Double d ? typed(option, d) : x)
                            + " twice" + spelled + "; give each value once");
                }
            }
        }
    }

    private void requireNonNegative(String option, double value) {
        RealValue.requireNonNegative(spec, option, value);
    }

    /** Returns a value of a real option as typed, for messages ({@link RealValue#typed}). */
    private String typed(String option, double value) {
        return RealValue.typed(spec, option, value);
    }

    /**
     * Returns a value of an integer list option as the user typed it (without surrounding
     * spaces, such as {@code +40} or {@code 040}): the first value given to the option that
     * reads as {@code value}, else the value in decimal.
     */
    private String typedInteger(String option, int value) {
        for (String text : typedValues(option)) {
            if (text.matches("[+-]?[0-9]+")
                    && new BigInteger(text).equals(BigInteger.valueOf(value))) {
                return text;
            }
        }
        return Integer.toString(value);
    }

    /**
     * Returns the values of a list option as the user typed them, without surrounding spaces,
     * across its occurrences, in order: one text per value the command holds.
     */
    private List<String> typedValues(String option) {
        return RealValue.typedTexts(spec, option);
    }

    private static void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw CliException.usage(option + " must be >= " + least + ", got " + value);
        }
    }

    private boolean refitOption() {
        String value = refit.strip().toLowerCase(Locale.ROOT);
        if (value.equals(REFIT_TRAIN)) {
            return false;
        }
        if (value.equals(REFIT_BOTH)) {
            return true;
        }
        throw CliException.usage("--refit must be " + REFIT_TRAIN + " or " + REFIT_BOTH
                + ", got " + UsageErrors.quotedWithHint(refit,
                List.of(REFIT_TRAIN, REFIT_BOTH)));
    }

    private ValidationSearch.Selection selectionOption() {
        String value = selection.strip().toLowerCase(Locale.ROOT);
        if (value.equals(SELECT_MOST_CORRECT)) {
            return ValidationSearch.Selection.MOST_CORRECT;
        }
        if (value.equals(SELECT_ONE_SE)) {
            return ValidationSearch.Selection.ONE_STANDARD_ERROR;
        }
        throw CliException.usage("--selection must be " + SELECT_MOST_CORRECT + " or "
                + SELECT_ONE_SE + ", got " + UsageErrors.quotedWithHint(selection,
                List.of(SELECT_MOST_CORRECT, SELECT_ONE_SE)));
    }

    /**
     * Returns the number of graphs a prediction of the setting's model may align: the stored
     * training graphs for k-NN, the template (one) for the template MLP, else its prototypes
     * or weight graphs.
     */
    private static int modelSize(Method m, Setting s, int classes, int trainingGraphs) {
        return switch (m) {
            case KNN -> trainingGraphs;
            case PROTOTYPE, PERCEPTRON -> classes;
            case LVQ1, GLVQ -> s.prototypes() * classes;
            case MLP -> s.hiddenUnits() == 0 ? classes : s.hiddenUnits();
            case TEMPLATE_MLP -> 1;
        };
    }

    /**
     * Fails when the options ask for a choice or a refit that needs a validation split, for
     * splits that have none: several settings, {@code --refit train+validation} or
     * {@code --selection}.
     */
    private void requireNoChoice(int settings, boolean bothRefit) {
        if (settings > 1) {
            throw CliException.usage(gridText(settings) + " need a validation split to"
                    + " choose from: give --valid FILE (or an IAM folder with validation.cxl)");
        }
        if (bothRefit) {
            throw CliException.usage("--refit train+validation needs a validation split");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--selection")) {
            throw CliException.usage("--selection needs a validation split to choose on: give"
                    + " --valid FILE (or an IAM folder with validation.cxl)");
        }
    }

    /**
     * Reads the splits named by the options or by an IAM folder. Split lists without
     * {@code --valid} have no validation split, which is known before DATASET is read (or
     * fetched): the options that need one are refused first ({@link #requireNoChoice}).
     */
    private Splits readSplits(int settings, boolean bothRefit) {
        if (trainFile == null && testFile == null && validationFile == null) {
            if (dataset == null || !Splits.isIamFolder(Path.of(dataset))) {
                requireDatasetPath();
                throw CliException.usage((dataset == null ? "with no DATASET and no split"
                        + " files, give --folds K (the embedded letters have no splits); or"
                        + " split list files (--train FILE --test FILE [--valid FILE]), or an"
                        + " IAM folder holding train.cxl and test.cxl as DATASET"
                        : "give --folds K, or split files (--train FILE --test FILE [--valid"
                        + " FILE]), or an IAM folder holding train.cxl and test.cxl as"
                        + " DATASET"));
            }
            if (data.limit != null) {
                throw CliException.usage("--limit applies only to --folds");
            }
            data.requireNoMoleculeOptions(dataset);
            return Splits.iamFolder(Path.of(dataset), reading());
        }
        if (trainFile == null || testFile == null) {
            throw CliException.usage("split files need both --train and --test (--valid is"
                    + " optional)");
        }
        if (data.limit != null) {
            throw CliException.usage("--limit applies only to --folds");
        }
        requireSplitFile("--train", trainFile);
        requireSplitFile("--valid", validationFile);
        requireSplitFile("--test", testFile);
        boolean cxl = isCxl(trainFile);
        if (cxl != isCxl(testFile) || (validationFile != null
                && cxl != isCxl(validationFile))) {
            // A mistyped name (test for test.cxl) is a missing file, not a mix of kinds.
            Splits.requireExisting(Arrays.asList(trainFile, validationFile, testFile),
                    List.of("--train", "--valid", "--test"));
            throw CliException.usage("split files must be all IAM .cxl files or all split"
                    + " lists");
        }
        if (cxl) {
            if (dataset != null) {
                throw CliException.usage("with .cxl split files give no DATASET: the .cxl"
                        + " files name their graphs");
            }
            data.requireNoMoleculeOptions("the .cxl split files");
            Path folder = trainFile.getParent();
            return Splits.iam(trainFile, validationFile, testFile,
                    folder == null ? "." : folder.toString(), reading());
        }
        requireNoSequencePairs();
        if (validationFile == null) {
            requireNoChoice(settings, bothRefit);
        }
        // Before DATASET is read, and a tu:NAME fetched: a list that does not open.
        requireReadableList("--train", trainFile);
        requireReadableList("--valid", validationFile);
        requireReadableList("--test", testFile);
        Sample all = load(() -> Sample.load(dataset, null, null, data.molecules(dataset),
                data.graphMl()));
        requireClasses(all);
        return Splits.lists(all, trainFile, validationFile, testFile);
    }

    /**
     * Fails when a split option names a folder, or something that exists but is no regular
     * file (a named pipe, which reading would block on, or a device); a missing file is left
     * to the readers, which name it. Null: the option is not given. A data error, as a
     * missing split file or DATASET is (README: an input that cannot be read is data, a
     * refused {@code --out} a usage error).
     */
    private static void requireSplitFile(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw CliException.data(option + " " + file + " is a folder; give a split file (an"
                    + " IAM .cxl file or a split list), or the IAM folder as DATASET");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw CliException.data(option + " " + file + " is not a regular file (such as a"
                    + " named pipe or a device); give a split file (an IAM .cxl file or a split"
                    + " list)");
        }
    }

    /**
     * Fails, in the words of the reader of split lists, when a split list given does not
     * open (it is missing or unreadable), so that the data set is not read, nor a
     * {@code tu:NAME} downloaded, for nothing. Null: the option is not given.
     */
    private static void requireReadableList(String option, Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.newInputStream(file).close();
        } catch (IOException e) {
            throw CliException.data("cannot read " + option + " " + file + ": "
                    + Sample.describe(e), e);
        }
    }

    /**
     * Fails with the real problem when DATASET, given without split files or folds, is no IAM
     * folder: the path does not exist, it is a folder with some IAM split files but not
     * both {@code train.cxl} and {@code test.cxl} (the missing ones are named), or it is the
     * top folder of an IAM set, whose {@code data} folder holds the split files (that folder
     * is named).
     */
    private void requireDatasetPath() {
        if (dataset == null || pendingFetch != null) {
            // A tu:NAME, whose folder may not be fetched yet, is a TU folder, no IAM one.
            return;
        }
        Path path = Path.of(dataset);
        if (!Files.exists(path)) {
            throw CliException.data(Sample.noSuchPath(dataset));
        }
        if (!Files.isDirectory(path)) {
            return;
        }
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("train.cxl", "test.cxl"));
        names.addAll(Splits.VALIDATION_FILES);
        for (String name : names) {
            if (Files.isRegularFile(path.resolve(name))) {
                present.add(name);
            } else if (!Splits.VALIDATION_FILES.contains(name)) {
                missing.add(name);
            }
        }
        if (!present.isEmpty()) {
            throw CliException.data("IAM folder " + dataset + " has no "
                    + String.join(" and no ", missing) + " (it has " + String.join(", ", present)
                    + "); the splits need train.cxl and test.cxl, or give the split files with"
                    + " --train and --test");
        }
        Path data = path.resolve("data");
        if (Splits.isIamFolder(data)) {
            throw CliException.usage(dataset + " holds the IAM split files in its folder data:"
                    + " give " + data + " as DATASET");
        }
    }

    /**
     * Fails when the data set has no class labels at all, naming for a TU folder the labels
     * file it lacks.
     */
    private static void requireClasses(Sample sample) {
        if (sample.dataset().hasClasses() || sample.size() == 0) {
            return;
        }
        String why = "";
        Path folder = Path.of(sample.source());
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                String suffix = "_graph_indicator.txt";
                why = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(suffix)).findFirst()
                        .map(n -> ": " + folder.resolve(n.substring(0, n.length()
                                - suffix.length()) + "_graph_labels.txt") + " is missing")
                        .orElse("");
            } catch (IOException e) {
                why = "";
            }
        }
        throw CliException.data(sample.source() + " has no class labels" + why
                + "; classify needs the class of every graph");
    }

    /**
     * The graphs to cross-validate: one IAM split file is read like the splits (recoded by
     * meaning, benchmark classes) unless {@code --raw-attributes} is given; anything else as
     * every command reads it.
     */
    private Sample foldsSample() {
        if (dataset != null && isCxl(Path.of(dataset)) && Files.isRegularFile(Path.of(dataset))) {
            data.requireNoMoleculeOptions(dataset);
            GraphDataset read = Splits.iamFile(Path.of(dataset), reading());
            return Sample.of(read, dataset, data.className, data.limit);
        }
        requireNoSequencePairs();
        return load();
    }

    /**
     * How IAM split files are read, from {@code --raw-attributes} and
     * {@code --sequence-pairs}, which exclude each other.
     */
    private Splits.Reading reading() {
        if (rawAttributes && sequencePairs) {
            throw CliException.usage("--raw-attributes and --sequence-pairs exclude each other:"
                    + " the pairs extend the recoding by meaning that --raw-attributes turns"
                    + " off");
        }
        return rawAttributes ? Splits.Reading.RAW
                : sequencePairs ? Splits.Reading.SEQUENCE_PAIRS : Splits.Reading.BY_MEANING;
    }

    /** Fails when {@code --sequence-pairs} is given for data that are no IAM split files. */
    private void requireNoSequencePairs() {
        if (reading() == Splits.Reading.SEQUENCE_PAIRS) {
            throw CliException.usage("--sequence-pairs applies to the .cxl split files of IAM"
                    + " Protein only");
        }
    }

    private static boolean isCxl(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cxl");
    }

    /**
     * Returns the labels of a split, failing on a graph without one, named with the split
     * file's line or entry that lists it ({@link Splits#place}).
     */
    private static List<String> requireLabels(Splits splits, int[] indices, String split) {
        List<String> labels = splits.labels(indices);
        int missing = labels.indexOf(null);
        if (missing >= 0) {
            throw CliException.data(splits.place(indices[missing]) + ": " + split + " graph '"
                    + splits.names(indices).get(missing) + "' has no class label; classify"
                    + " needs the class of every graph");
        }
        return labels;
    }

    /**
     * Fails on a graph whose class no training graph has: it could never be predicted. The
     * message names the split file's line or entry that lists the graph.
     */
    private static void requireKnownClasses(Splits splits, int[] indices, List<String> labels,
            List<String> trainLabels, String split) {
        TreeSet<String> known = new TreeSet<>(trainLabels);
        for (int i = 0; i < labels.size(); i++) {
            if (!known.contains(labels.get(i))) {
                throw CliException.data(splits.place(indices[i]) + ": " + split + " graph '"
                        + splits.names(indices).get(i) + "' has class '" + labels.get(i)
                        + "', which no training graph has; training classes: "
                        + String.join(", ", known) + fingerprintHint(splits.sample(),
                        labels.get(i), known));
            }
        }
    }

    /**
     * The hint added to an unknown class when the data look like IAM Fingerprint read with
     * its stored labels: nodes with {@code x} and {@code y}, edges with {@code orient} and
     * {@code angle}, and every class named in the message one or two of the letters A, L, R,
     * T, W (or a letter and a space), at least one of them two letters. Those labels are
     * merged into the set's four classes only for split files in a folder named Fingerprint
     * ({@link Splits#benchmarkClasses}); otherwise {@code ""}.
     */
    private static String fingerprintHint(Sample sample, String label, Set<String> known) {
        Set<String> nodes = new HashSet<>();
        sample.dataset().nodeGroups().forEach(g -> nodes.add(g.name()));
        Set<String> edges = new HashSet<>();
        sample.dataset().edgeGroups().forEach(g -> edges.add(g.name()));
        if (!nodes.containsAll(List.of("x", "y"))
                || !edges.containsAll(List.of("orient", "angle"))) {
            return "";
        }
        List<String> named = new ArrayList<>(known);
        named.add(label);
        boolean twoLetters = false;
        for (String name : named) {
            if (!name.matches("[ALRTW][ALRTW ]?")) {
                return "";
            }
            twoLetters |= name.strip().length() == 2;
        }
        return twoLetters ? "; these look like the stored labels of IAM Fingerprint, which"
                + " classify merges into the set's four classes only for split files in a"
                + " folder named Fingerprint (or in its data folder): rename the folder, or"
                + " copy the files into one so named" : "";
    }

    /** Fails when a setting cannot be fitted on the given labels (k, prototypes, classes). */
    private static void requireFits(Method m, Setting s, List<String> labels, String where) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        if (m.usesK && s.k() > labels.size()) {
            throw CliException.usage("--k " + s.k() + " exceeds the "
                    + CenterCommand.graphs(labels.size()) + " of " + where);
        }
        if (counts.size() < 2) {
            String has = counts.isEmpty() ? "there are no graphs in " + where
                    : "every graph of " + where + " is of class '"
                            + counts.keySet().iterator().next() + "'";
            // The classes are the data's (or the split lists'), a data error as a test class
            // that no training graph has.
            throw CliException.data("classify needs two classes or more to learn from; "
                    + has);
        }
        if (m == Method.MLP) {
            // The units are dealt to the classes in blocks, in label order; a unit starts at
            // a distinct member of its class (or, the first with class-means, at its mean).
            List<String> classes = LabelEncoder.of(labels).labels();
            int units = s.hiddenUnits() == 0 ? classes.size() : s.hiddenUnits();
            boolean meanFirst = s.fixed().mlpStart() == GraphMlp.Initialization.CLASS_MEANS;
            for (int c = 0; c < classes.size(); c++) {
                int count = units / classes.size() + (c < units % classes.size() ? 1 : 0);
                int needed = meanFirst && count > 0 ? count - 1 : count;
                int members = counts.get(classes.get(c));
                if (members < needed) {
                    String starts = meanFirst ? ", one started at the class mean and the"
                            + " other " + needed + " each at a different member"
                            : ", each started at a different member";
                    throw CliException.usage("--hidden-units " + units + " gives class '"
                            + classes.get(c) + "' " + count + " units" + starts + ", but it"
                            + " has " + members + " graph" + (members == 1 ? "" : "s")
                            + " in " + where);
                }
            }
        }
        if (m.usesPrototypes) {
            for (String label : LabelEncoder.of(labels).labels()) {
                int members = counts.get(label);
                if (members < s.prototypes()) {
                    throw CliException.usage("--prototypes " + s.prototypes() + " exceeds the "
                            + members + " graph" + (members == 1 ? "" : "s") + " of class '"
                            + label + "' in " + where);
                }
            }
        }
    }

    /**
     * Notes a {@code --batch-size} larger than the smallest training set of the run: a batch
     * then holds the whole training set, and the fit takes one gradient step per epoch.
     *
     * @param graphs the graphs of the smallest training set
     * @param where that training set, for the note
     */
    private void noteBatchSize(Method m, int graphs, String where) {
        if (m == Method.MLP && batchSize != null && batchSize > graphs) {
            notes.add("--batch-size " + batchSize + " exceeds the "
                    + CenterCommand.graphs(graphs) + " of " + where + ", the smallest"
                    + " training set: a batch holds at most the whole training set, so a fit"
                    + " on fewer than " + batchSize + " graphs takes one gradient step per"
                    + " epoch");
        }
    }

    /**
     * Notes the {@code --hidden-units} values below the number of classes, once for the run
     * (the library's own warning, one per fit, is silenced by {@link Main}): some classes then
     * start with no unit of their own and are told apart only by the trained dense layer.
     *
     * @param classes the number of classes the models are fitted on
     */
    private void noteFewUnits(Method m, int classes) {
        if (m != Method.MLP || hiddenUnits == null) {
            return;
        }
        List<Integer> few = hiddenUnits.stream().filter(h -> h > 0 && h < classes).toList();
        if (!few.isEmpty()) {
            String values = few.stream().map(String::valueOf).collect(Collectors.joining(", "));
            notes.add("--hidden-units " + values + (few.size() == 1 ? " is" : " are")
                    + " below the " + classes + " classes: a class without a unit of its own"
                    + " starts with output weights 0 and is told apart only by training the"
                    + " dense layer (0 gives one unit per class)");
        }
    }

    /**
     * Fails when {@code --hidden-units} lists both 0 and the number of classes: 0 means one
     * unit per class, so the two are the same model. Runs once the classes are known (with
     * folds the grid holds one setting, so only splits need it).
     *
     * @param classes the classes of the training split
     */
    private void requireDistinctUnits(Method m, int classes) {
        if (m != Method.MLP || hiddenUnits == null || !hiddenUnits.contains(0)
                || !hiddenUnits.contains(classes)) {
            return;
        }
        throw CliException.usage("--hidden-units lists 0 and " + classes + ", the same model:"
                + " 0 means one unit per class (= " + classes + " here, the classes of the"
                + " training split); give one of them");
    }

    /**
     * Fails unless every class has at least as many graphs as there are folds. A smaller class
     * is missing from some test folds, and a class of one graph is missing from the training
     * folds of its only test fold, where it can never be predicted; the accuracy would then
     * measure the cut rather than the classifier.
     */
    private void requireFoldsPerClass(List<String> labels, int size) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        String smallest = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (smallest == null || e.getValue() < counts.get(smallest)) {
                smallest = e.getKey();
            }
        }
        int members = counts.get(smallest);
        if (members < folds) {
            String advice = members >= 2
                    ? "give --folds " + members + " or fewer"
                            + (data.limit == null ? "" : ", or raise --limit")
                    : "a class of a single graph cannot be split into folds"
                            + (data.limit == null ? "" : "; raise --limit");
            throw CliException.usage("--folds " + folds + " needs at least " + folds
                    + " graphs in every class, but class '" + smallest + "' has " + members
                    + " (of " + CenterCommand.graphs(size) + (data.limit == null ? ""
                    : " kept by --limit " + data.limit) + "); " + advice);
        }
    }

    /**
     * Fails when the data set to cross-validate has a single class: then every training part
     * has it alone too, and the problem is the data set, not a fold. A data error (status
     * 1), as a training split of one class is; with {@code --limit} the message speaks of
     * the graphs kept, not of the whole data set.
     */
    private void requireTwoClasses(List<String> labels, String source) {
        TreeSet<String> classes = new TreeSet<>(labels);
        if (classes.size() == 1) {
            // At least two graphs: --folds is at most the number of graphs, and at least 2.
            String graphs = CenterCommand.graphs(labels.size());
            // A --limit above the graphs read kept them all: the data set has one class.
            boolean limited = data.limit != null && data.limit <= labels.size();
            throw CliException.data("classify needs two classes or more to learn from, but "
                    + (!limited ? source + " has one: every one of its " + graphs
                    : "the " + graphs + " of " + source + " kept by --limit " + data.limit
                            + " have one: every one")
                    + " is of class '" + classes.first() + "'");
        }
    }

    private static List<String> trainingLabels(List<String> labels, int[] testFold) {
        boolean[] inTest = new boolean[labels.size()];
        for (int i : testFold) {
            inTest[i] = true;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!inTest[i]) {
                result.add(labels.get(i));
            }
        }
        return result;
    }

    /**
     * Fails, before any fitting, when one node-kernel embedding of every graph at the
     * largest {@code --features} of the grid would take more than half of the Java heap.
     */
    private static void requireKernelMemory(Sample sample, List<Setting> grid) {
        int features = 0;
        for (Setting s : grid) {
            features = Math.max(features, s.features());
        }
        long nodes = 0;
        for (Graph g : sample.graphs()) {
            nodes += g.order();
        }
        String problem = kernelMemoryProblem(nodes, features, Runtime.getRuntime().maxMemory());
        if (problem != null) {
            throw CliException.data(problem);
        }
    }

    /**
     * Returns why {@code features} kernel features of {@code nodes} nodes do not fit in half
     * of a heap of {@code maxMemory} bytes ({@code nodes x features x 8} bytes for one copy),
     * or null when they fit or there is no kernel ({@code features} 0).
     */
    static String kernelMemoryProblem(long nodes, int features, long maxMemory) {
        double bytes = 8.0 * features * nodes;
        if (features == 0 || bytes <= maxMemory / 2.0) {
            return null;
        }
        return String.format(Locale.ROOT, "--features %d needs about %.0f MB for the %d nodes"
                + " of the data set (nodes x features x 8 bytes), more than half of the %d MB"
                + " the Java heap may use; lower --features, or give Java more memory (for"
                + " example JAVA_TOOL_OPTIONS=-Xmx8g)", features, bytes / (1 << 20), nodes,
                maxMemory >> 20);
    }

    private static String gridText(int size) {
        return size + " combinations of hyper-parameter values";
    }

    // ---- Output ----------------------------------------------------------------------------

    /**
     * Writes the value of a real option for a message: as the user typed it when it was
     * typed, else compact ({@link Numbers#compact}).
     */
    @FunctionalInterface
    interface ValueText {

        /**
         * Returns the text of a value of an option.
         *
         * @param option the option's name, such as {@code --learning-rate}
         * @param value the value
         * @return its text
         */
        String of(String option, double value);
    }

    /** Names the values of a setting that matter for the method, in compact numbers. */
    static String describe(Method m, Setting s, boolean scaled) {
        return describe(m, s, scaled, (option, value) -> number(value));
    }

    /** Names the values of a setting that matter for the method, numbers by {@code typed}. */
    static String describe(Method m, Setting s, boolean scaled, ValueText typed) {
        List<String> parts = new ArrayList<>();
        if (scaled) {
            parts.add("existence " + typed.of("--existence", s.existence()));
        }
        if (s.features() > 0) {
            parts.add("bandwidth " + typed.of("--bandwidth", s.bandwidth()));
            parts.add("features " + s.features());
        }
        parts.add("node weight " + typed.of("--node-weight", s.nodeWeight()));
        parts.add("edge weight " + typed.of("--edge-weight", s.edgeWeight()));
        if (m.usesK) {
            parts.add("k " + s.k());
        }
        if (m.usesPrototypes) {
            parts.add("prototypes " + s.prototypes());
        }
        if (m == Method.MLP) {
            parts.add("hidden units " + (s.hiddenUnits() == 0 ? "one per class"
                    : Integer.toString(s.hiddenUnits())));
            parts.add("weight decay " + typed.of("--weight-decay", s.weightDecay()));
        }
        if (m == Method.TEMPLATE_MLP) {
            parts.add("hidden units " + s.hiddenUnits());
        }
        if (m == Method.PERCEPTRON) {
            parts.add("margin " + typed.of("--margin", s.margin()));
        }
        if (m.usesTraining && s.epochs() == 0) {
            parts.add("epochs 0 (untrained)");
        } else if (m.usesTraining) {
            parts.add("learning rate " + typed.of("--learning-rate", s.learningRate()));
            parts.add("epochs " + s.epochs());
        }
        if (m != Method.KNN && s.maxModelOrder() > 0) {
            parts.add((m == Method.PERCEPTRON || m == Method.MLP ? "weight order "
                    : m == Method.TEMPLATE_MLP ? "template order "
                    : "prototype order at most ") + s.maxModelOrder());
        }
        return String.join(", ", parts);
    }

    /** Returns a value as the reports write it ({@link Numbers#compact}). */
    static String number(double value) {
        return Numbers.compact(value);
    }

    /**
     * Returns the level of the training objective above which a fit of {@code n} graphs is
     * suspicious (see {@link #mustRise}): a uniform guess over {@code classes} misjudges a
     * fraction {@code g = 1 - 1/C}, and the level is two standard errors above it,
     * {@code g + 2 sqrt(g (1 - g) / n)} (LVQ1; the perceptron without a margin, whose updates
     * are then its mistakes), so that chance alone rarely crosses it; for GLVQ the level is
     * 0, above which training graphs lie on average nearer to a prototype of another class;
     * for both MLPs it is 10 % above {@code ln C}, the loss of a uniform guess. NaN (never
     * suspicious) for the perceptron with a margin.
     */
    static double suspiciousLevel(Method m, Setting s, int classes, int n) {
        double guess = 1.0 - 1.0 / classes;
        double fraction = guess + 2.0 * Math.sqrt(guess * (1.0 - guess) / n);
        return switch (m) {
            case LVQ1 -> fraction;
            case GLVQ -> 0.0;
            case PERCEPTRON -> s.margin() == 0.0 ? fraction : Double.NaN;
            case MLP, TEMPLATE_MLP -> MLP_GUESS_FACTOR * Math.log(classes);
            default -> Double.NaN;
        };
    }

    /**
     * Returns whether a fit above {@link #suspiciousLevel} must also have ended above its
     * first epoch's value to be suspicious. On data a model cannot learn (labels shuffled,
     * say) LVQ1, GLVQ and the perceptron end near their level by chance, but they get there
     * from above; a learning rate so large that every step overshoots makes them worse than
     * where the first epoch left them. The MLP instead starts far above {@code ln C} when its
     * steps overshoot, so its level carries the margin.
     */
    static boolean mustRise(Method m) {
        return m != Method.MLP && m != Method.TEMPLATE_MLP;
    }

}
