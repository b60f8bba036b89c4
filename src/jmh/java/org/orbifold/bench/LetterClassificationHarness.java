package org.orbifold.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.DatasetScaling;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.GraphClassifier;
import org.orbifold.learn.GraphClassifierModel;
import org.orbifold.learn.GraphMlp;
import org.orbifold.learn.LearningGraphQuantization;
import org.orbifold.learn.MarginPerceptron;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.learn.NearestPrototype;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * First classification runs on the IAM Letter sets: trains on the training split and reports
 * the accuracy on the test split, with fixed settings (no tuning on the validation split yet,
 * so these are not the benchmark protocol's numbers). Classifiers: 1-NN, nearest class mean,
 * LVQ1 with 5 prototypes per class (10 epochs, learning rate 0.1), the margin perceptron (one
 * weight graph per class from the class means, margin 0.05, 10 epochs, averaged) and the graph
 * MLP (75 hidden units, i.e. 10 % of the training graphs, from random class members; 10
 * epochs, learning rate 0.5, batches of 1), all with the {@code fast} aligner, seed 1.
 *
 * <p>Usage: {@code LETTER_DIR [THREADS [CLASSIFIERS [SPLIT]]]}, where {@code LETTER_DIR} holds
 * the folders {@code LOW}, {@code MED} and {@code HIGH} with {@code train.cxl} and
 * {@code test.cxl}; {@code CLASSIFIERS} is a comma-separated subset of
 * {@code 1nn,mean,lvq1,perceptron,mlp} (default all) and {@code SPLIT} the evaluated split
 * ({@code test} by default, {@code validation} for choosing settings). Prints one Markdown
 * table row per level and classifier, with the fit and predict times.
 *
 * <p>With {@code SPLIT = protocol} (optional fifth argument: a comma-separated subset of
 * {@code LOW,MED,HIGH}) every classifier among {@code lvq1,glvq,perceptron,mlp} is tuned on
 * train -> validation in two stages, then fitted on the training split once more with the
 * chosen values and evaluated once on the test split. Stage 1 chooses the attribute scaling
 * ({@link #SCALINGS}: raw coordinates with unit weights, or standardized coordinates with an
 * existence channel {@code e} and edge weight {@code w_e}) at the classifier's default
 * values; stage 2 tries the classifier's alternative values ({@link #alternatives}) with that
 * scaling. Ties keep the earlier candidate (defaults and raw come first). The test row also
 * gives the wall and process CPU seconds of fit and predict, and the k-NN of section 6.6
 * (its chosen scaling and {@code k}) is timed on the same test split for comparison.
 */
public final class LetterClassificationHarness {

    private LetterClassificationHarness() {
    }

    /**
     * Runs the classifiers on the three levels.
     *
     * @param args the Letter folder, and optionally the number of threads
     * @throws IOException if a split cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<String> chosen = List.of((args.length > 2 ? args[2]
                : "1nn,mean,lvq1,perceptron,mlp").split(","));
        String split = args.length > 3 ? args[3] : "test";
        if (split.equals("protocol")) {
            List<String> levels = List.of((args.length > 4 ? args[4] : "LOW,MED,HIGH")
                    .split(","));
            protocol(folder, threads, chosen, levels);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        Aligner aligner = Aligners.byName("fast", 1L);
        System.out.println("| level | classifier | test accuracy | fit s | predict s |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String level : List.of("LOW", "MED", "HIGH")) {
            List<GraphDataset> splits = IamDatasetReader.readSplits(List.of(
                    folder.resolve(level).resolve("train.cxl"),
                    folder.resolve(level).resolve(split + ".cxl")));
            GraphDataset train = splits.get(0);
            GraphDataset test = splits.get(1);
            List<Graph> all = new ArrayList<>(train.graphs());
            all.addAll(test.graphs());
            GraphSpace space = GraphSpace.of(all);

            Map<String, GraphClassifier> classifiers = new LinkedHashMap<>();
            classifiers.put("1nn", new NearestNeighbors(aligner, 1));
            classifiers.put("mean", new NearestPrototype(aligner));
            classifiers.put("lvq1", LearningGraphQuantization.builder().aligner(aligner)
                    .rule(LearningGraphQuantization.Rule.LVQ1).prototypesPerClass(5)
                    .epochs(10).seed(1L).build());
            classifiers.put("perceptron", MarginPerceptron.builder().aligner(aligner)
                    .margin(0.05).epochs(10).seed(1L).executor(pool).build());
            classifiers.put("mlp", GraphMlp.builder().aligner(aligner)
                    .hiddenUnits(train.graphs().size() / 10).learningRate(0.5).epochs(10)
                    .seed(1L).executor(pool).build());
            Map<String, String> names = Map.of("1nn", "1-NN", "mean", "nearest class mean",
                    "lvq1", "LVQ1, 5 per class", "perceptron", "margin perceptron, 1 per class",
                    "mlp", "graph MLP, " + train.graphs().size() / 10 + " units");
            for (String key : chosen) {
                long t0 = System.nanoTime();
                GraphClassifierModel model = classifiers.get(key).fit(space, train.graphs(),
                        train.classLabels());
                long t1 = System.nanoTime();
                List<String> predicted = model.predictAll(test.graphs(), pool);
                long t2 = System.nanoTime();
                double accuracy = Evaluation.accuracy(test.classLabels(), predicted);
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f %% | %.1f | %.1f |%n", level,
                        names.get(key), 100 * accuracy, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        }
        pool.shutdown();
    }

    /** Scaling candidates: {name, existence e (negative: raw), edge weight}. */
    static final double[][] SCALINGS = {{-1, 1.0}, {0.25, 0.5}, {0.5, 0.5}, {0.5, 1.0}};

    /** The k-NN of section 6.6 per level: existence e, edge weight, k. */
    private static final Map<String, double[]> KNN = Map.of("LOW", new double[] {0.25, 0.5, 1},
            "MED", new double[] {0.5, 0.5, 7}, "HIGH", new double[] {0.5, 1.0, 7});

    /** One candidate: a scaling and the classifier's values (learning rate, second knob). */
    record Candidate(double existence, double edgeWeight, double rate, double knob) {
        String scalingName() {
            return existence < 0 ? "raw, we 1" : String.format(Locale.ROOT, "std, e %.2f, we %.2f",
                    existence, edgeWeight);
        }
    }

    /** The splits of one level, scaled by one candidate, and their space. */
    private record Scaled(GraphSpace space, List<Graph> train, List<Graph> valid,
            List<Graph> test) {
    }

    /** The classifier's default values: {learning rate, knob}. */
    static double[] defaults(String key) {
        return switch (key) {
            case "lvq1", "glvq" -> new double[] {0.1, 10};
            case "perceptron" -> new double[] {0.1, 0.05};
            case "mlp" -> new double[] {0.5, 10};
            default -> throw new IllegalArgumentException("no protocol for " + key);
        };
    }

    /** The stage-2 alternatives: {learning rate, knob} pairs tried after the defaults. */
    static double[][] alternatives(String key) {
        return switch (key) {
            case "lvq1", "glvq" -> new double[][] {{0.3, 10}};
            case "perceptron" -> new double[][] {{0.1, 0.0}, {0.1, 0.2}};
            case "mlp" -> new double[][] {{0.25, 10}, {1.0, 10}};
            default -> throw new IllegalArgumentException("no protocol for " + key);
        };
    }

    /** Builds a classifier from its key and {rate, knob} (knob: epochs or margin). */
    static GraphClassifier classifier(String key, double rate, double knob, int trainSize,
            Aligner aligner, ForkJoinPool pool) {
        return switch (key) {
            case "lvq1", "glvq" -> LearningGraphQuantization.builder().aligner(aligner)
                    .rule(key.equals("lvq1") ? LearningGraphQuantization.Rule.LVQ1
                            : LearningGraphQuantization.Rule.GLVQ)
                    .prototypesPerClass(5).learningRate(rate).epochs((int) knob).seed(1L)
                    .build();
            case "perceptron" -> MarginPerceptron.builder().aligner(aligner).margin(knob)
                    .learningRate(rate).epochs(10).seed(1L).executor(pool).build();
            case "mlp" -> GraphMlp.builder().aligner(aligner).hiddenUnits(trainSize / 10)
                    .learningRate(rate).epochs((int) knob).seed(1L).executor(pool).build();
            default -> throw new IllegalArgumentException("unknown classifier " + key);
        };
    }

    private static Scaled scaled(List<GraphDataset> splits, double existence,
            double edgeWeight) {
        GraphDataset train = splits.get(0);
        AttributeScaling scaling = existence < 0
                ? AttributeScaling.identity(train.nodeChannels().size(),
                        train.edgeChannels().size())
                : DatasetScaling.fit(train, existence, List.of());
        List<Graph> tr = scaling.applyAll(train.graphs());
        List<Graph> va = scaling.applyAll(splits.get(1).graphs());
        List<Graph> te = scaling.applyAll(splits.get(2).graphs());
        List<Graph> all = new ArrayList<>(tr);
        all.addAll(va);
        all.addAll(te);
        return new Scaled(GraphSpace.of(all).withWeights(1.0, edgeWeight), tr, va, te);
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** Validation accuracy of one candidate, printed as a row. */
    private static double validate(String level, String key, Candidate c,
            List<GraphDataset> splits, Aligner aligner, ForkJoinPool pool) {
        Scaled data = scaled(splits, c.existence(), c.edgeWeight());
        long t0 = System.nanoTime();
        GraphClassifierModel model = classifier(key, c.rate(), c.knob(), data.train().size(),
                aligner, pool).fit(data.space(), data.train(), splits.get(0).classLabels());
        List<String> predicted = model.predictAll(data.valid(), pool);
        double accuracy = Evaluation.accuracy(splits.get(1).classLabels(), predicted);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f %% | %.1f |%n", level,
                key, c.scalingName(), c.rate(), c.knob(), 100 * accuracy,
                (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        return accuracy;
    }

    private static void protocol(Path folder, int threads, List<String> keys,
            List<String> levels) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(threads);
        Aligner aligner = Aligners.byName("fast", 1L);
        System.out.println("load " + load());
        System.out.println("| level | classifier | scaling | rate | epochs/margin | validation"
                + " | s |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        List<String> results = new ArrayList<>();
        for (String level : levels) {
            Path dir = folder.resolve(level);
            List<GraphDataset> splits = IamDatasetReader.readSplits(List.of(
                    dir.resolve("train.cxl"), dir.resolve("validation.cxl"),
                    dir.resolve("test.cxl")));
            for (String key : keys) {
                double[] d = defaults(key);
                Candidate best = null;
                double bestAccuracy = -1.0;
                for (double[] s : SCALINGS) {
                    Candidate c = new Candidate(s[0], s[1], d[0], d[1]);
                    double a = validate(level, key, c, splits, aligner, pool);
                    if (a > bestAccuracy) {
                        best = c;
                        bestAccuracy = a;
                    }
                }
                Candidate scalingChoice = best;
                for (double[] alt : alternatives(key)) {
                    Candidate c = new Candidate(scalingChoice.existence(),
                            scalingChoice.edgeWeight(), alt[0], alt[1]);
                    double a = validate(level, key, c, splits, aligner, pool);
                    if (a > bestAccuracy) {
                        best = c;
                        bestAccuracy = a;
                    }
                }
                results.add(test(level, key, best, bestAccuracy, splits, aligner, pool));
            }
            results.add(knnTest(level, splits, aligner, pool));
        }
        System.out.println("load " + load());
        System.out.println();
        System.out.println("| level | method | chosen | validation | test | fit wall s | fit cpu s"
                + " | predict wall s | predict cpu s | size |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        results.forEach(System.out::println);
        pool.shutdown();
    }

    private static String test(String level, String key, Candidate c, double validation,
            List<GraphDataset> splits, Aligner aligner, ForkJoinPool pool) {
        Scaled data = scaled(splits, c.existence(), c.edgeWeight());
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        GraphClassifierModel model = classifier(key, c.rate(), c.knob(), data.train().size(),
                aligner, pool).fit(data.space(), data.train(), splits.get(0).classLabels());
        double c1 = cpuSeconds();
        long t1 = System.nanoTime();
        List<String> predicted = model.predictAll(data.test(), pool);
        double c2 = cpuSeconds();
        long t2 = System.nanoTime();
        double accuracy = Evaluation.accuracy(splits.get(2).classLabels(), predicted);
        int size = key.equals("mlp") ? data.train().size() / 10
                : key.equals("perceptron") ? 15 : 75;
        String row = String.format(Locale.ROOT,
                "| %s | %s | %s, rate %s, %s | %.1f %% | %.1f %% | %.1f | %.1f | %.1f | %.1f"
                        + " | %d (%.0f %%) |", level, key, c.scalingName(), c.rate(), c.knob(),
                100 * validation, 100 * accuracy, (t1 - t0) / 1e9, c1 - c0, (t2 - t1) / 1e9,
                c2 - c1, size, 100.0 * size / data.train().size());
        System.out.println("test " + row);
        System.out.flush();
        return row;
    }

    private static String knnTest(String level, List<GraphDataset> splits, Aligner aligner,
            ForkJoinPool pool) {
        double[] p = KNN.get(level);
        Scaled data = scaled(splits, p[0], p[1]);
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        GraphClassifierModel model = new NearestNeighbors(aligner, (int) p[2]).fit(data.space(),
                data.train(), splits.get(0).classLabels());
        double c1 = cpuSeconds();
        long t1 = System.nanoTime();
        List<String> predicted = model.predictAll(data.test(), pool);
        double c2 = cpuSeconds();
        long t2 = System.nanoTime();
        double accuracy = Evaluation.accuracy(splits.get(2).classLabels(), predicted);
        String row = String.format(Locale.ROOT,
                "| %s | %d-NN (6.6) | e %s, we %s | | %.1f %% | %.1f | %.1f | %.1f | %.1f"
                        + " | %d (100 %%) |", level, (int) p[2], p[0], p[1], 100 * accuracy,
                (t1 - t0) / 1e9, c1 - c0, (t2 - t1) / 1e9, c2 - c1, data.train().size());
        System.out.println("test " + row);
        System.out.flush();
        return row;
    }
}
