package org.orbifold.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.learn.GraphClassifierModel;
import org.orbifold.learn.GraphMlp;
import org.orbifold.learn.GraphMlpModel;
import org.orbifold.learn.LearningGraphQuantization;
import org.orbifold.learn.MarginPerceptron;
import org.orbifold.learn.MarginPerceptronModel;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.learn.NearestPrototype;
import org.orbifold.learn.PrototypeModel;
import org.orbifold.learn.TemplateMlp;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.Aligners;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeKernelEmbedding;
import org.orbifold.space.Permutation;
import org.orbifold.stats.FrechetMean;

/**
 * Prediction time of the fitted classifiers of issue 6 against k-NN, measured apart from
 * fitting: for one IAM set, every model is fitted on the training split with the settings
 * chosen on validation in docs/results.md (sections 6.9, 6.10, 6.12, fixed in
 * {@link #config}), then predicts the first {@link #WARM_UP} graphs of one split (test by
 * default) as a warm-up and all of them {@code repeats} times, timed. Everything runs on the
 * calling thread (the learners get a same-thread executor), and the time of a pass is that
 * thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}), which the other
 * processes of a shared machine inflate much less than wall time; the wall time is printed
 * next to it. The attribute scaling is applied to the queries before timing.
 *
 * <p>Models (argument {@code MODELS}, comma-separated): {@code knn-all} (k-NN aligning every
 * training graph), {@code knn} (k-NN with certified lower bounds), {@code mean} (nearest
 * class mean), {@code glvq}, {@code medoid} (the nearest of the class medoids of
 * {@link LearningGraphQuantization.Initialization#CLASS_MEDOIDS}, GLVQ at 0 epochs;
 * {@code medoid:P} takes {@code P} per class instead of the set's GLVQ count),
 * {@code perceptron}, {@code mlp}, {@code tmlp} (the template MLP, {@code tmlp:H:RATE} its
 * hidden units and learning rate, defaults those of {@link TemplateMlp}, 30 epochs; one
 * alignment per query; the cap is the template order). A model name may carry a cap
 * on the order of its prototypes or weight graphs, {@code NAME@m} (the builders'
 * {@code maxPrototypeOrder} or {@code weightOrder}); {@code mlp:H} and {@code mlp:H:RATE} set
 * the MLP's hidden units (0 for one per class) and learning rate instead of the set's.
 * {@code glvq-medoids:E:RATE} is GLVQ with the set's prototypes per class started at the
 * class medoids ({@link LearningGraphQuantization.Initialization#CLASS_MEDOIDS}), trained
 * for {@code E} epochs (0: the nearest class medoid) at learning rate {@code RATE} (both
 * default to the set's GLVQ values).
 * Prototype models are timed twice, the nearest prototype found by aligning every prototype
 * ({@code all}) and by the lower-bound search of {@link PrototypeModel} ({@code bounds});
 * the perceptron and the MLP likewise, aligning every class or unit ({@code all}) and with
 * the similarity bounds of {@link MarginPerceptronModel#withBounds} and
 * {@link GraphMlpModel#withBounds} ({@code bounds}). The two searches of a model must predict
 * the same, which is checked. Every alignment goes through a counting wrapper of the
 * aligner, so the alignments per query are counted alike for every model.
 *
 * <p>Output, one Markdown row per model and search: per query graph the CPU microseconds
 * (smallest and largest of the repeats), wall microseconds (smallest), alignments, the
 * accuracy on the split, the fit's CPU seconds, and the model's size: number of stored graphs
 * (training graphs, prototypes or weight graphs), their orders (smallest / mean / largest),
 * their mean number of stored ordered pairs with an edge, and the node / edge channels.
 *
 * <p>Usage: {@code DATASETS SET [MODELS] [SPLIT] [REPEATS]}, {@code SET} one of
 * {@code Letter/LOW}, {@code Letter/MED}, {@code Letter/HIGH}, {@code Fingerprint},
 * {@code AIDS}; {@code SPLIT} {@code test} (default) or {@code valid}; {@code REPEATS}
 * default 3. Driven by {@code scripts/prediction-time.sh}.
 *
 * <p><b>Limitations.</b> Timings on a shared machine still vary with cache and memory
 * contention; compare rows of one run. The GLVQ and MLP settings on Letter are those chosen
 * on validation in 6.9 without the node kernel, used here with the kernel of 6.10.
 */
public final class PredictionTimeHarness {

    private static final long LETTER_SEED = 1L;
    private static final long IAM_SEED = 42L;
    private static final int FEATURES = 128;
    private static final Executor SAME_THREAD = Runnable::run;
    /** The number of query graphs of the warm-up pass. */
    private static final int WARM_UP = 200;

    private PredictionTimeHarness() {
    }

    /**
     * The settings of one set.
     *
     * @param bandwidth Gaussian kernel sigma, 0 for none
     * @param existence existence channel value
     * @param edgeWeight edge weight of the space (node weight 1)
     * @param k neighbours of k-NN
     * @param glvqPerClass GLVQ prototypes per class
     * @param glvqRate GLVQ learning rate
     * @param glvqEpochs GLVQ epochs
     * @param margin perceptron margin
     * @param perceptronZeroStart zero start and 90th-percentile weight order (6.7) instead of
     *     the class-mean start of the space size (6.10)
     * @param hidden MLP hidden units, 0 for one per class
     * @param mlpRate MLP learning rate
     * @param seed learner seed
     */
    record Config(double bandwidth, double existence, double edgeWeight, int k,
            int glvqPerClass, double glvqRate, int glvqEpochs, double margin,
            boolean perceptronZeroStart, int hidden, double mlpRate, long seed) {
    }

    /** The sets {@link #config} knows. */
    private static final List<String> SETS = List.of("Letter/LOW", "Letter/MED", "Letter/HIGH",
            "Fingerprint", "AIDS");

    /** The model names {@code run} knows, before any {@code :} parameters or {@code @} cap. */
    private static final List<String> MODELS = List.of("knn-all", "knn", "mean", "glvq",
            "medoid", "glvq-medoids", "perceptron", "mlp", "tmlp");

    /** Prints a usage error and exits with status 2, before anything is computed. */
    private static void usage(String message) {
        System.err.println("PredictionTimeHarness: " + message);
        System.exit(2);
    }

    /**
     * Fails with a usage error unless a model spec names a known model with whole-number
     * parameters of at least 1 (except a learning rate, a positive number, and 0 hidden
     * units or epochs, which mean one unit per class and the untrained start) and a cap.
     */
    private static void requireModel(String spec) {
        String[] parts = spec.split("@", -1);
        String[] named = parts[0].split(":", -1);
        if (!MODELS.contains(named[0]) || parts.length > 2) {
            usage("unknown model '" + spec + "'; models: " + String.join(", ", MODELS)
                    + ", each optionally NAME:PARAMETERS@CAP");
        }
        try {
            for (int i = 1; i < named.length; i++) {
                double value = Double.parseDouble(named[i]);
                boolean rate = i == 2;
                boolean zeroAllowed = !named[0].equals("medoid");
                if (!(value > 0.0 || value == 0.0 && zeroAllowed && !rate)
                        || !rate && value != Math.rint(value)) {
                    usage("model '" + spec + "': parameter '" + named[i] + "' is out of range");
                }
            }
            if (parts.length == 2 && Integer.parseInt(parts[1]) < 1) {
                usage("model '" + spec + "': the cap must be at least 1");
            }
        } catch (NumberFormatException e) {
            usage("model '" + spec + "': its parameters and cap must be numbers");
        }
    }

    /** The settings chosen on validation in docs/results.md. */
    static Config config(String set) {
        return switch (set) {
            // 6.10 (kernel, k, margin) and 6.9 (GLVQ: 5 per class; MLP: 75 units).
            case "Letter/LOW" -> new Config(0.25, 0.5, 0.5, 3, 5, 0.3, 10, 0.2, false, 75,
                    0.25, LETTER_SEED);
            case "Letter/MED" -> new Config(0.5, 0.5, 0.5, 7, 5, 0.3, 10, 0.05, false, 75,
                    0.5, LETTER_SEED);
            case "Letter/HIGH" -> new Config(1.0, 0.5, 0.5, 7, 5, 0.1, 10, 0.2, false, 75,
                    0.25, LETTER_SEED);
            // 6.7 (scaling, k, perceptron) and 6.12 (GLVQ, MLP).
            case "Fingerprint" -> new Config(0.0, 0.5, 1.0, 5, 3, 0.1, 5, 0.0, true, 12,
                    GraphMlp.DEFAULT_LEARNING_RATE, IAM_SEED);
            case "AIDS" -> new Config(0.0, 0.5, 0.5, 1, 1, 0.1, 5, 0.0, true, 0,
                    GraphMlp.DEFAULT_LEARNING_RATE, IAM_SEED);
            default -> throw new IllegalArgumentException("unknown set " + set);
        };
    }

    /**
     * Runs the harness.
     *
     * @param args DATASETS SET [MODELS] [SPLIT] [REPEATS]
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            usage("expected DATASETS SET [MODELS] [SPLIT] [REPEATS]");
        }
        String set = args[1];
        List<String> models = List.of((args.length > 2 ? args[2]
                : "knn-all,knn,mean,glvq,perceptron,mlp").split(","));
        String split = args.length > 3 ? args[3] : "test";
        if (!split.equals("test") && !split.equals("valid")) {
            usage("SPLIT must be test or valid, got '" + split + "'");
        }
        int repeats = 0;
        try {
            repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        } catch (NumberFormatException e) {
            usage("REPEATS must be a whole number, got '" + args[4] + "'");
        }
        if (repeats < 1) {
            usage("REPEATS must be at least 1, got " + repeats);
        }
        if (!SETS.contains(set)) {
            usage("SET must be one of " + String.join(", ", SETS) + ", got '" + set + "'");
        }
        for (String model : models) {
            requireModel(model);
        }
        Config c = config(set);
        List<GraphDataset> splits = read(Path.of(args[0]), set);
        GraphDataset train = splits.get(0);
        GraphDataset queries = split.equals("valid") ? splits.get(1) : splits.get(2);

        AttributeScaling scaling = IamClassificationHarness.scaling(train,
                new IamClassificationHarness.Setting(true, List.of(), c.existence(),
                        c.edgeWeight(), false, c.bandwidth(), FEATURES,
                        NodeKernelEmbedding.Sampling.RANDOM, NodeKernelEmbedding.Kernel.GAUSSIAN,
                        ""));
        List<Graph> trainGraphs = scaling.applyAll(train.graphs());
        List<Graph> queryGraphs = scaling.applyAll(queries.graphs());
        List<Graph> all = new ArrayList<>(trainGraphs);
        all.addAll(scaling.applyAll(splits.get(1).graphs()));
        all.addAll(scaling.applyAll(splits.get(2).graphs()));
        GraphSpace space = GraphSpace.of(all).withWeights(1.0, c.edgeWeight());
        CountingAligner aligner = new CountingAligner(Aligners.byName("fast", c.seed()));

        System.out.printf(Locale.ROOT, "set %s, %s split (%d graphs), %d training graphs,"
                + " space %s, %s, aligner fast, %d timed passes after a warm-up on %d"
                + " graphs%n", set, split, queryGraphs.size(), trainGraphs.size(), space, c,
                repeats, Math.min(WARM_UP, queryGraphs.size()));
        System.out.println("load before: " + loadAverage());
        System.out.println();
        System.out.println("| model | search | CPU us / graph (min-max) | wall us / graph"
                + " | alignments / graph | accuracy | fit CPU s | stored graphs | orders"
                + " min / mean / max | edge pairs mean | node / edge channels |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|");
        for (String name : models) {
            run(name, c, space, aligner, trainGraphs, train.classLabels(), queryGraphs,
                    queries.classLabels(), repeats);
        }
        System.out.println();
        System.out.println("load after: " + loadAverage());
    }

    private static void run(String spec, Config c, GraphSpace space, CountingAligner aligner,
            List<Graph> train, List<String> labels, List<Graph> queries, List<String> truth,
            int repeats) {
        String[] parts = spec.split("@");
        String[] named = parts[0].split(":");
        String name = named[0];
        int cap = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int hidden = named.length > 1 ? Integer.parseInt(named[1]) : c.hidden();
        double mlpRate = named.length > 2 ? Double.parseDouble(named[2]) : c.mlpRate();
        int perClass = named.length > 1 ? Integer.parseInt(named[1]) : c.glvqPerClass();
        FrechetMean mean = FrechetMean.builder().aligner(aligner).executor(SAME_THREAD).build();
        long fitStart = threadCpu();
        GraphClassifierModel model = switch (name) {
            case "knn-all", "knn" -> NearestNeighbors.builder().aligner(aligner).k(c.k())
                    .lowerBounds(name.equals("knn")).build().fit(space, train, labels);
            case "mean" -> new NearestPrototype(aligner, mean, cap).fit(space, train, labels);
            case "glvq" -> LearningGraphQuantization.builder().aligner(aligner)
                    .rule(LearningGraphQuantization.Rule.GLVQ)
                    .prototypesPerClass(c.glvqPerClass()).learningRate(c.glvqRate())
                    .epochs(c.glvqEpochs()).seed(c.seed()).mean(mean).maxPrototypeOrder(cap)
                    .build().fit(space, train, labels);
            case "medoid", "glvq-medoids" -> {
                // medoid[:P]: the P medoids per class as they start; glvq-medoids[:E[:RATE]]:
                // GLVQ from the set's number of medoids per class.
                boolean trained = name.equals("glvq-medoids");
                int epochs = !trained ? 0 : named.length > 1 ? Integer.parseInt(named[1])
                        : c.glvqEpochs();
                double rate = trained && named.length > 2 ? Double.parseDouble(named[2])
                        : c.glvqRate();
                yield LearningGraphQuantization.builder().aligner(aligner)
                        .rule(LearningGraphQuantization.Rule.GLVQ)
                        .initialization(LearningGraphQuantization.Initialization.CLASS_MEDOIDS)
                        .prototypesPerClass(trained ? c.glvqPerClass() : perClass)
                        .epochs(epochs).learningRate(rate).seed(c.seed()).mean(mean)
                        .executor(SAME_THREAD).maxPrototypeOrder(cap).build()
                        .fit(space, train, labels);
            }
            case "perceptron" -> perceptron(c, aligner, mean, cap, train).fit(space, train,
                    labels);
            case "mlp" -> GraphMlp.builder().aligner(aligner).hiddenUnits(hidden)
                    .learningRate(mlpRate).epochs(10).seed(c.seed()).mean(mean)
                    .executor(SAME_THREAD).weightOrder(cap).build().fit(space, train, labels);
            case "tmlp" -> TemplateMlp.builder().aligner(aligner)
                    .hiddenUnits(named.length > 1 ? hidden : TemplateMlp.DEFAULT_HIDDEN_UNITS)
                    .learningRate(named.length > 2 ? mlpRate
                            : TemplateMlp.DEFAULT_LEARNING_RATE)
                    .epochs(TemplateMlp.DEFAULT_EPOCHS).seed(c.seed()).mean(mean)
                    .templateOrder(cap).executor(SAME_THREAD).build()
                    .fit(space, train, labels);
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
        double fitSeconds = (threadCpu() - fitStart) / 1e9;
        if (model instanceof PrototypeModel prototypes) {
            timeBothSearches(spec, prototypes::withLowerBounds, prototypes.prototypes(), aligner,
                    queries, truth, repeats, fitSeconds, space);
        } else if (model instanceof MarginPerceptronModel p) {
            timeBothSearches(spec, p::withBounds, p.weightGraphs(), aligner, queries, truth,
                    repeats, fitSeconds, space);
        } else if (model instanceof GraphMlpModel m) {
            timeBothSearches(spec, m::withBounds, m.weightGraphs(), aligner, queries, truth,
                    repeats, fitSeconds, space);
        } else {
            time(spec, name.equals("knn") ? "bounds" : "all", model, aligner, queries, truth,
                    repeats, fitSeconds, train, space);
        }
    }

    /**
     * Times a model's prediction without and with its bounds ({@code withBounds} gives the
     * model either way) and fails unless both predicted the same.
     */
    private static void timeBothSearches(String spec,
            Function<Boolean, ? extends GraphClassifierModel> withBounds, List<Graph> stored,
            CountingAligner aligner, List<Graph> queries, List<String> truth, int repeats,
            double fitSeconds, GraphSpace space) {
        List<String> exhaustive = time(spec, "all", withBounds.apply(false), aligner, queries,
                truth, repeats, fitSeconds, stored, space);
        List<String> bounded = time(spec, "bounds", withBounds.apply(true), aligner, queries,
                truth, repeats, fitSeconds, stored, space);
        requireSame(spec, exhaustive, bounded);
    }

    /** Fails unless the bounded search predicted exactly as the exhaustive one. */
    private static void requireSame(String spec, List<String> exhaustive, List<String> bounded) {
        if (!exhaustive.equals(bounded)) {
            throw new IllegalStateException(spec + ": the bounded search predicted"
                    + " differently from the exhaustive one");
        }
    }

    private static MarginPerceptron perceptron(Config c, Aligner aligner, FrechetMean mean,
            int cap, List<Graph> train) {
        MarginPerceptron.Builder builder = MarginPerceptron.builder().aligner(aligner)
                .margin(c.margin()).learningRate(0.1).epochs(10).mean(mean)
                .executor(SAME_THREAD);
        if (c.perceptronZeroStart()) {
            int order = IamClassificationHarness.weightOrder(train);
            return builder.initialization(MarginPerceptron.Initialization.ZERO)
                    .weightOrder(cap > 0 ? Math.min(cap, order) : order).seed(LETTER_SEED)
                    .build();
        }
        return builder.initialization(MarginPerceptron.Initialization.CLASS_MEANS)
                .weightOrder(cap).seed(LETTER_SEED).build();
    }

    /** Warm-up pass, then timed passes; prints one row and returns the predictions. */
    private static List<String> time(String spec, String search, GraphClassifierModel model,
            CountingAligner aligner, List<Graph> queries, List<String> truth, int repeats,
            double fitSeconds, List<Graph> stored, GraphSpace space) {
        predict(model, queries.subList(0, Math.min(WARM_UP, queries.size())));
        List<String> predicted = null;
        double[] cpu = new double[repeats];
        double[] wall = new double[repeats];
        long alignments = 0;
        for (int r = 0; r < repeats; r++) {
            aligner.reset();
            long w0 = System.nanoTime();
            long c0 = threadCpu();
            List<String> again = predict(model, queries);
            cpu[r] = (threadCpu() - c0) / 1e3 / queries.size();
            wall[r] = (System.nanoTime() - w0) / 1e3 / queries.size();
            alignments = aligner.count();
            if (predicted == null) {
                predicted = again;
            } else if (!again.equals(predicted)) {
                throw new IllegalStateException(spec + ": predictions changed between passes");
            }
        }
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            right += predicted.get(i).equals(truth.get(i)) ? 1 : 0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        int[] orders = stored.stream().mapToInt(Graph::order).toArray();
        double pairs = stored.stream().mapToDouble(g -> {
            int sum = 0;
            for (int i = 0; i < g.order(); i++) {
                sum += g.outDegree(i);
            }
            return sum;
        }).average().orElse(0.0);
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f (%.0f-%.0f) | %.0f | %.1f | %.1f %%"
                + " (%d/%d) | %.1f | %d | %d / %.1f / %d | %.1f | %d / %d |%n", spec, search,
                cpu[0], cpu[0], cpu[repeats - 1], wall[0],
                alignments / (double) queries.size(), 100.0 * right / truth.size(), right,
                truth.size(), fitSeconds, stored.size(), Arrays.stream(orders).min().orElse(0),
                Arrays.stream(orders).average().orElse(0), Arrays.stream(orders).max().orElse(0),
                pairs, space.nodeDimension(), space.edgeDimension());
        return predicted;
    }

    private static List<String> predict(GraphClassifierModel model, List<Graph> queries) {
        List<String> result = new ArrayList<>(queries.size());
        for (Graph q : queries) {
            result.add(model.predict(q));
        }
        return result;
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Reads train, validation and test of a set as IamClassificationHarness does. */
    static List<GraphDataset> read(Path datasets, String set) throws IOException {
        Path folder = datasets.resolve("iam").resolve(set);
        List<Path> files = set.startsWith("Letter")
                ? List.of(folder.resolve("train.cxl"), folder.resolve("validation.cxl"),
                        folder.resolve("test.cxl"))
                : List.of(folder.resolve("data/train.cxl"), folder.resolve("data/valid.cxl"),
                        folder.resolve("data/test.cxl"));
        List<GraphDataset> read = IamDatasetReader.readSplits(files,
                IamDatasetReader.Recoding.forIamSet(set));
        List<GraphDataset> result = new ArrayList<>();
        for (GraphDataset d : read) {
            // Fingerprint: the four-class problem (first letter, tented arch read as arch).
            result.add(set.equals("Fingerprint") ? d.mapClasses(label -> {
                String primary = label.substring(0, 1);
                return primary.equals("T") ? "A" : primary;
            }) : d);
        }
        return result;
    }

    /** An aligner that counts the alignments it computes. Thread-safe if the wrapped is. */
    static final class CountingAligner implements Aligner {
        private final Aligner inner;
        private final LongAdder calls = new LongAdder();

        CountingAligner(Aligner inner) {
            this.inner = inner;
        }

        void reset() {
            calls.reset();
        }

        long count() {
            return calls.sum();
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y) {
            calls.increment();
            return inner.align(space, x, y);
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
            calls.increment();
            return inner.align(space, x, y, start);
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
