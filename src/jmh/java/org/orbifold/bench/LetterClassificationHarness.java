package org.orbifold.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.GraphClassifier;
import org.orbifold.learn.GraphClassifierModel;
import org.orbifold.learn.LearningGraphQuantization;
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
 * LVQ1 with 5 prototypes per class (10 epochs, learning rate 0.1), all with the {@code fast}
 * aligner, seed 1.
 *
 * <p>Usage: {@code LETTER_DIR [THREADS]}, where {@code LETTER_DIR} holds the folders
 * {@code LOW}, {@code MED} and {@code HIGH} with {@code train.cxl} and {@code test.cxl}. Prints
 * one Markdown table row per level and classifier, with the fit and predict times.
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
        ForkJoinPool pool = new ForkJoinPool(threads);
        Aligner aligner = Aligners.byName("fast", 1L);
        System.out.println("| level | classifier | test accuracy | fit s | predict s |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String level : List.of("LOW", "MED", "HIGH")) {
            List<GraphDataset> splits = IamDatasetReader.readSplits(List.of(
                    folder.resolve(level).resolve("train.cxl"),
                    folder.resolve(level).resolve("test.cxl")));
            GraphDataset train = splits.get(0);
            GraphDataset test = splits.get(1);
            List<Graph> all = new ArrayList<>(train.graphs());
            all.addAll(test.graphs());
            GraphSpace space = GraphSpace.of(all);

            List<GraphClassifier> classifiers = List.of(new NearestNeighbors(aligner, 1),
                    new NearestPrototype(aligner),
                    LearningGraphQuantization.builder().aligner(aligner)
                            .rule(LearningGraphQuantization.Rule.LVQ1).prototypesPerClass(5)
                            .epochs(10).seed(1L).build());
            List<String> names = List.of("1-NN", "nearest class mean", "LVQ1, 5 per class");
            for (int c = 0; c < classifiers.size(); c++) {
                long t0 = System.nanoTime();
                GraphClassifierModel model = classifiers.get(c).fit(space, train.graphs(),
                        train.classLabels());
                long t1 = System.nanoTime();
                List<String> predicted = model.predictAll(test.graphs(), pool);
                long t2 = System.nanoTime();
                double accuracy = Evaluation.accuracy(test.classLabels(), predicted);
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f %% | %.1f | %.1f |%n", level,
                        names.get(c), 100 * accuracy, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        }
        pool.shutdown();
    }
}
