package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.Permutation;

/**
 * The bounded predictions of {@link MarginPerceptronModel} and {@link GraphMlpModel} against
 * their exhaustive predictions: the same labels, query by query, and alignment counts that
 * add up.
 */
class BoundedPredictionTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @Test
    void perceptronBoundsPredictAsExhaustiveOnMoleculeLikeGraphs() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(101, 60);
        LearnTestGraphs.Labelled queries = NearestNeighborsTest.molecules(102, 40);
        GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(train.graphs(), queries.graphs()));
        Aligner aligner = Aligners.byName("fast", 3);
        MarginPerceptronModel model = MarginPerceptron.builder().aligner(aligner).epochs(3)
                .seed(1).executor(SAME_THREAD).build()
                .fit(space, train.graphs(), train.labels());
        assertTrue(model.bounds(), "bounds are on by default");
        assertSamePerceptron(model, queries.graphs());
        LearnTestGraphs.Labelled families = LearnTestGraphs.families(103, 12, 0.2);
        GraphSpace familySpace = GraphSpace.of(families.graphs());
        MarginPerceptronModel three = MarginPerceptron.builder().aligner(aligner).epochs(3)
                .seed(1).executor(SAME_THREAD).build()
                .fit(familySpace, families.graphs(), families.labels());
        assertSamePerceptron(three, families.graphs());
    }

    @Test
    void mlpBoundsPredictAsExhaustiveOnMoleculeLikeGraphs() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(111, 50);
        LearnTestGraphs.Labelled queries = NearestNeighborsTest.molecules(112, 30);
        GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(train.graphs(), queries.graphs()));
        Aligner aligner = Aligners.byName("fast", 3);
        for (GraphMlp.Activation activation : GraphMlp.Activation.values()) {
            for (boolean offset : new boolean[] {true, false}) {
                GraphMlpModel model = GraphMlp.builder().aligner(aligner).hiddenUnits(6)
                        .activation(activation).distanceOffset(offset).epochs(2).seed(4)
                        .executor(SAME_THREAD).build()
                        .fit(space, train.graphs(), train.labels());
                assertEquals(GraphMlpModel.DEFAULT_BOUNDS, model.bounds());
                assertSameMlp(model, queries.graphs());
            }
        }
    }

    @Test
    void randomNetworksPredictAsExhaustiveWithTheExactAligner() {
        // Signed weight graphs and signed output weights, small enough for the exact aligner.
        SplittableRandom random = new SplittableRandom(121);
        Aligner exact = Aligners.byName("exact", 1);
        long mlpSkipped = 0;
        long perceptronSkipped = 0;
        for (int trial = 0; trial < 20; trial++) {
            List<Graph> queries = new ArrayList<>();
            for (int q = 0; q < 12; q++) {
                queries.add(randomGraph(random, 1 + random.nextInt(5), false));
            }
            int units = 1 + random.nextInt(6);
            List<Graph> weights = new ArrayList<>();
            for (int j = 0; j < units; j++) {
                weights.add(randomGraph(random, 5, true));
            }
            GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(queries, weights));
            int classes = 2 + random.nextInt(3);
            double[] hiddenBiases = gaussian(random, units, 1.0);
            double[] outputWeights = gaussian(random, classes * units, 2.0);
            double[] outputBiases = gaussian(random, classes, 0.5);
            GraphMlp.Activation activation = GraphMlp.Activation.values()[trial % 2];
            GraphMlpModel model = new GraphMlpModel(space, exact, codes(classes), weights,
                    hiddenBiases, outputWeights, outputBiases, 0.3 + random.nextDouble(),
                    activation, trial % 3 != 0, true);
            mlpSkipped += assertSameMlp(model, queries);

            double[] biases = gaussian(random, classes, 1.0);
            List<Graph> classWeights = weights.subList(0, Math.min(classes, units));
            MarginPerceptronModel perceptron = new MarginPerceptronModel(space, exact,
                    codes(classWeights.size()), classWeights,
                    Arrays.copyOf(biases, classWeights.size()), 0.7);
            perceptronSkipped += assertSamePerceptron(perceptron, queries);
        }
        assertTrue(mlpSkipped > 0, "the MLP's bounds never stopped early");
        assertTrue(perceptronSkipped > 0, "the perceptron's bounds never stopped early");
    }

    @Test
    void tiesAreBrokenByIndexAsWithoutBounds() {
        // Classes 0 and 1 are copies of each other, so every query ties between them.
        SplittableRandom random = new SplittableRandom(131);
        Aligner exact = Aligners.byName("exact", 1);
        Graph w = randomGraph(random, 4, true);
        Graph v = randomGraph(random, 4, true);
        List<Graph> queries = new ArrayList<>();
        for (int q = 0; q < 10; q++) {
            Graph g = q % 2 == 0 ? w : randomGraph(random, 1 + random.nextInt(4), false);
            queries.add(g.permute(Permutation.random(g.order(), random)));
        }
        GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(queries, List.of(w, v)));
        MarginPerceptronModel perceptron = new MarginPerceptronModel(space, exact, codes(3),
                List.of(w, w, v), new double[] {0.1, 0.1, -100.0}, 1.0);
        assertSamePerceptron(perceptron, queries);
        for (Graph q : queries.subList(0, 1)) {
            assertEquals("c0", perceptron.predict(q), "the first of two equal classes");
        }
        double[] outputWeights = {1.0, -0.5, 1.0, -0.5, -2.0, 1.0};
        GraphMlpModel mlp = new GraphMlpModel(space, exact, codes(3), List.of(w, v),
                new double[] {0.0, 0.2}, outputWeights, new double[] {0.3, 0.3, -6.0}, 1.0,
                GraphMlp.Activation.TANH, true, true);
        long skipped = assertSameMlp(mlp, queries);
        assertEquals(0, skipped, "a tie can never be certified, so every unit is aligned");
        assertEquals("c0", mlp.predict(queries.get(0)));
    }

    @Test
    void boundsCanBeSwitchedAndAreCounted() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(141, 20);
        GraphSpace space = GraphSpace.of(train.graphs());
        Aligner aligner = Aligners.byName("fast", 1);
        MarginPerceptronModel perceptron = MarginPerceptron.builder().aligner(aligner)
                .epochs(1).executor(SAME_THREAD).build()
                .fit(space, train.graphs(), train.labels());
        MarginPerceptronModel plain = perceptron.withBounds(false);
        assertFalse(plain.bounds());
        assertTrue(plain.withBounds(true).bounds());
        assertEquals(perceptron.weightGraphs(), plain.weightGraphs());
        plain.predict(train.graphs().get(0));
        assertEquals(2, plain.alignmentsComputed());
        assertEquals(0, plain.alignmentsSkipped());

        GraphMlpModel mlp = GraphMlp.builder().aligner(aligner).hiddenUnits(4).epochs(1)
                .executor(SAME_THREAD).build().fit(space, train.graphs(), train.labels());
        GraphMlpModel bounded = mlp.withBounds(true);
        assertTrue(bounded.bounds());
        assertFalse(bounded.withBounds(false).bounds());
        assertEquals(mlp.weightGraphs(), bounded.weightGraphs());
        mlp.withBounds(false).predict(train.graphs().get(0));
        bounded.predict(train.graphs().get(0));
        assertEquals(4, bounded.alignmentsComputed() + bounded.alignmentsSkipped());
        assertEquals(0, mlp.alignmentsComputed(), "counters belong to one model");
    }

    @Test
    void boundsPredictAsExhaustiveOnLetterHigh() throws IOException {
        LearnTestGraphs.WithQueries letters = LearnTestGraphs.letterHigh(150, 60);
        List<Graph> train = letters.train().graphs();
        List<String> labels = letters.train().labels();
        List<Graph> queries = letters.queries();
        GraphSpace space = letters.space();
        Aligner aligner = Aligners.byName("fast", 42);
        MarginPerceptronModel perceptron = MarginPerceptron.builder().aligner(aligner)
                .epochs(3).seed(1).executor(SAME_THREAD).build().fit(space, train, labels);
        long skipped = assertSamePerceptron(perceptron, queries);
        assertTrue(skipped > 0, "the perceptron's bounds skipped no alignment on Letter");
        GraphMlpModel mlp = GraphMlp.builder().aligner(aligner).hiddenUnits(0).epochs(2)
                .seed(1).executor(SAME_THREAD).build().fit(space, train, labels);
        assertSameMlp(mlp, queries);
    }

    /** Asserts equal predictions and counts; returns the alignments the bounds skipped. */
    private static long assertSamePerceptron(MarginPerceptronModel model, List<Graph> queries) {
        MarginPerceptronModel bounded = assertSameAsExhaustive(model::withBounds,
                model.weightGraphs().size(), queries);
        assertTrue(bounded.alignmentsComputed() >= queries.size(), "one alignment at least");
        return bounded.alignmentsSkipped();
    }

    /** Asserts equal predictions and counts; returns the alignments the bounds skipped. */
    private static long assertSameMlp(GraphMlpModel model, List<Graph> queries) {
        return assertSameAsExhaustive(model::withBounds, model.weightGraphs().size(), queries)
                .alignmentsSkipped();
    }

    /**
     * Asserts that the model with bounds ({@code withBounds.apply(true)}) predicts every query
     * as the one without, that the latter aligns all {@code units} per query and that computed
     * plus skipped alignments add up to the same; returns the model with bounds.
     */
    private static <M extends GraphClassifierModel & AlignmentCounting> M
            assertSameAsExhaustive(Function<Boolean, M> withBounds, int units,
            List<Graph> queries) {
        M plain = withBounds.apply(false);
        M bounded = withBounds.apply(true);
        for (int q = 0; q < queries.size(); q++) {
            assertEquals(plain.predict(queries.get(q)), bounded.predict(queries.get(q)),
                    "query " + q);
        }
        long total = (long) queries.size() * units;
        assertEquals(total, plain.alignmentsComputed());
        assertEquals(0, plain.alignmentsSkipped());
        assertEquals(total, bounded.alignmentsComputed() + bounded.alignmentsSkipped());
        return bounded;
    }

    private static LabelEncoder codes(int classes) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labels.add("c" + k);
        }
        return LabelEncoder.of(labels);
    }

    private static double[] gaussian(SplittableRandom random, int n, double scale) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * (random.nextDouble() + random.nextDouble() - 1.0);
        }
        return values;
    }

    /** A random graph with two node and one edge channel, signed values if asked. */
    private static Graph randomGraph(SplittableRandom random, int order, boolean signed) {
        Graph.Builder builder = Graph.builder(2, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode(value(random, signed), value(random, signed));
        }
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextDouble() < 0.5) {
                    builder.addEdge(i, j, value(random, signed));
                }
            }
        }
        return builder.build();
    }

    private static double value(SplittableRandom random, boolean signed) {
        return signed ? 2.0 * random.nextDouble() - 1.0 : random.nextDouble();
    }
}
