package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.learn.ValidationSearch.Candidate;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.CountingAligner;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.MeanCache;

/**
 * A validation search whose candidates' means share a {@link MeanCache} gives bit for bit the
 * search without it, for every thread count, on the project's embedded letters: the same
 * validation counts, the same choice, the same test predictions; and it computes each class
 * mean and template once per graph space.
 */
class SharedMeansSearchTest {

    private static final int CLASSES = LetterRounds.CLASSES;

    /** The outcome of one search: counts, choice and the chosen model's test predictions. */
    private record Outcome(int[] correct, int best, List<String> test, long alignments) {
    }

    /**
     * Every learner that starts from Fréchet means, in two graph spaces (edge weights 1 and
     * 0.5), with settings the means do not depend on varied.
     */
    private static List<Candidate> candidates(GraphSpace base, Aligner aligner,
            ForkJoinPool pool, MeanCache cache) {
        List<Candidate> result = new ArrayList<>();
        for (double edgeWeight : new double[] {1.0, 0.5}) {
            GraphSpace space = new GraphSpace(base.size(), base.nodeDimension(),
                    base.edgeDimension(), base.nodeWeight(), edgeWeight);
            FrechetMean mean = FrechetMean.builder().aligner(aligner).executor(pool)
                    .cache(cache).build();
            for (int units : new int[] {4, 8}) {
                for (int order : new int[] {0, 3}) {
                    result.add(new Candidate("template " + units + "@" + order, space,
                            TemplateMlp.builder().aligner(aligner).hiddenUnits(units)
                                    .templateOrder(order).epochs(5).seed(1).mean(mean)
                                    .executor(pool).build()));
                }
            }
            for (int order : new int[] {0, 3}) {
                result.add(new Candidate("prototype@" + order, space,
                        new NearestPrototype(aligner, mean, order)));
            }
            for (int epochs : new int[] {0, 2}) {
                result.add(new Candidate("lvq1 " + epochs, space,
                        LearningGraphQuantization.builder().aligner(aligner).epochs(epochs)
                                .initialization(LearningGraphQuantization.Initialization
                                        .CLASS_MEANS)
                                .seed(1).mean(mean).executor(pool).build()));
            }
            for (double margin : new double[] {0.0, 0.5}) {
                result.add(new Candidate("perceptron " + margin, space,
                        MarginPerceptron.builder().aligner(aligner).margin(margin).epochs(2)
                                .initialization(MarginPerceptron.Initialization.CLASS_MEANS)
                                .seed(1).mean(mean).executor(pool).build()));
            }
            result.add(new Candidate("mlp", space, GraphMlp.builder().aligner(aligner)
                    .epochs(2).initialization(GraphMlp.Initialization.CLASS_MEANS).seed(1)
                    .mean(mean).executor(pool).build()));
        }
        return result;
    }

    private static Outcome search(LetterRounds letters, int threads, MeanCache cache) {
        CountingAligner aligner = new CountingAligner(Aligners.byName("faq", 1));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            ValidationSearch.Result result = ValidationSearch.search(
                    candidates(letters.space(), aligner, pool, cache), letters.train(),
                    letters.trainLabels(), letters.validation(), letters.validationLabels(),
                    pool);
            List<String> test = result.chosenModel().predictAll(letters.test(), pool);
            return new Outcome(result.correct(), result.best(), test, aligner.calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sharedMeansGiveTheSearchWithoutThemForEveryThreadCount() throws IOException {
        LetterRounds letters = LetterRounds.read(false);
        Outcome alone = search(letters, 1, null);

        for (int threads : new int[] {1, 2, 3}) {
            MeanCache cache = new MeanCache(CLASSES);
            Outcome shared = search(letters, threads, cache);
            assertArrayEquals(alone.correct(), shared.correct(), threads + " threads");
            assertEquals(alone.best(), shared.best(), threads + " threads");
            assertEquals(alone.test(), shared.test(), threads + " threads");

            // Per space: one template (the mean of all training graphs, whatever its cut)
            // and the 9 class means, shared by the prototypes, LVQ1, the perceptron and the
            // MLP. The candidates ask for 4 templates and 7 x 9 class means per space.
            assertEquals(CLASSES, letters.trainLabels().stream().distinct().count());
            assertEquals(2 * (1 + CLASSES), cache.computed(), threads + " threads");
            assertEquals(2 * (4 + 7 * CLASSES) - cache.computed(), cache.reused(),
                    threads + " threads");
            assertTrue(shared.alignments() < alone.alignments(), "shared "
                    + shared.alignments() + " alignments, alone " + alone.alignments());
        }
    }
}
