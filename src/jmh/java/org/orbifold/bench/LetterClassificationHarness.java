package org.orbifold.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
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
}
