package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class MarginPerceptronTest {

    private static final double SCORE_TOLERANCE = 1e-9;

    private final Aligner exact = Aligners.byName("exact", 1);

    /**
     * Paths and stars on four nodes with unit node attributes and edge weights near 1, randomly
     * relabelled: the classes have the same size, node attributes and edge count and differ
     * only by structure.
     */
    static LearnTestGraphs.Labelled pathsAndStars(long seed, int perClass) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < perClass; k++) {
            for (String shape : List.of("path", "star")) {
                Graph.Builder builder = Graph.builder(1, 1);
                for (int i = 0; i < 4; i++) {
                    builder.addNode(1.0);
                }
                for (int i = 1; i < 4; i++) {
                    int from = shape.equals("star") ? 0 : i - 1;
                    builder.addEdge(from, i, 1.0 + 0.2 * (random.nextDouble() - 0.5));
                }
                graphs.add(builder.build().permute(Permutation.random(4, random)));
                labels.add(shape);
            }
        }
        return new LearnTestGraphs.Labelled(graphs, labels);
    }

    @Test
    void separatesClassesThatDifferOnlyByStructure() {
        LearnTestGraphs.Labelled train = pathsAndStars(1, 8);
        LearnTestGraphs.Labelled test = pathsAndStars(2, 6);
        GraphSpace space = GraphSpace.of(train.graphs());
        for (MarginPerceptron.Initialization start : MarginPerceptron.Initialization.values()) {
            MarginPerceptronModel model = MarginPerceptron.builder().aligner(exact)
                    .initialization(start).margin(0.1).epochs(20).executor(Runnable::run)
                    .build().fit(space, train.graphs(), train.labels());
            assertEquals(train.labels(), model.predictAll(train.graphs(), Runnable::run),
                    start.name());
            assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run),
                    start.name());
        }
    }

    @Test
    void scoresDoNotDependOnTheNodeNumbering() {
        LearnTestGraphs.Labelled train = LearnTestGraphs.families(31, 6, 0.1);
        GraphSpace space = GraphSpace.of(train.graphs());
        MarginPerceptronModel model = MarginPerceptron.builder().aligner(exact).epochs(3)
                .executor(Runnable::run).build().fit(space, train.graphs(), train.labels());
        SplittableRandom random = new SplittableRandom(5);
        for (Graph graph : LearnTestGraphs.families(32, 2, 0.1).graphs()) {
            Graph relabelled = graph.permute(Permutation.random(graph.order(), random));
            assertArrayEquals(model.scores(graph), model.scores(relabelled), SCORE_TOLERANCE);
            assertEquals(model.predict(graph), model.predict(relabelled));
        }
    }

    @Test
    void withoutEpochsItIsTheNearestClassMeanClassifier() {
        LearnTestGraphs.Labelled train = LearnTestGraphs.families(11, 5, 0.6);
        LearnTestGraphs.Labelled test = LearnTestGraphs.families(12, 6, 0.6);
        GraphSpace space = GraphSpace.of(train.graphs());
        MarginPerceptronModel model = MarginPerceptron.builder().aligner(exact).epochs(0)
                .build().fit(space, train.graphs(), train.labels());
        PrototypeModel means = new NearestPrototype(exact).fit(space, train.graphs(),
                train.labels());
        assertEquals(means.predictAll(test.graphs(), Runnable::run),
                model.predictAll(test.graphs(), Runnable::run));
        assertEquals(space.size(), model.weightGraphs().get(0).order());
    }

    @Test
    void trainingIsDeterministicForAnyThreadCount() {
        LearnTestGraphs.Labelled train = LearnTestGraphs.families(7, 6, 0.5);
        GraphSpace space = GraphSpace.of(train.graphs());
        MarginPerceptron.Builder builder = MarginPerceptron.builder()
                .aligner(Aligners.byName("faq", 3)).margin(0.2).epochs(4).seed(17);
        MarginPerceptronModel serial = builder.executor(Runnable::run).build()
                .fit(space, train.graphs(), train.labels());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            MarginPerceptronModel parallel = builder.executor(pool).build()
                    .fit(space, train.graphs(), train.labels());
            assertEquals(serial.weightGraphs(), parallel.weightGraphs());
            assertArrayEquals(serial.biases(), parallel.biases(), 0.0);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void averagingAndTheListenerAndSmallWeightGraphs() {
        LearnTestGraphs.Labelled train = LearnTestGraphs.families(21, 5, 0.7);
        GraphSpace space = GraphSpace.of(train.graphs());
        List<Double> updates = new ArrayList<>();
        MarginPerceptron.Builder builder = MarginPerceptron.builder().aligner(exact)
                .margin(5.0).epochs(3).weightOrder(3).executor(Runnable::run)
                .listener((epoch, fraction, eta, elapsed) -> {
                    updates.add(fraction);
                    return epoch < 2;
                });
        MarginPerceptronModel last = builder.averaged(false).build()
                .fit(space, train.graphs(), train.labels());
        assertEquals(2, updates.size(), "the listener stopped after epoch 2");
        assertEquals(1.0, updates.get(0), "a margin of 5 is violated by every sample");
        MarginPerceptronModel average = builder.averaged(true).build()
                .fit(space, train.graphs(), train.labels());
        assertEquals(3, last.weightGraphs().get(0).order());
        assertTrue(!last.weightGraphs().equals(average.weightGraphs()),
                "averaging changes the weight graphs");
    }

    @Test
    void badInputIsRejected() {
        LearnTestGraphs.Labelled train = LearnTestGraphs.families(31, 2, 0.1);
        GraphSpace space = GraphSpace.of(train.graphs());
        MarginPerceptron learner = MarginPerceptron.builder().aligner(exact).build();
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> learner.fit(space, train.graphs().subList(0, 1), List.of("cycle")));
        assertTrue(single.getMessage().contains("two classes"), single.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> learner.fit(space, train.graphs(), train.labels().subList(0, 2)));
        // A weight order above the space size is no cap: the model of the default order.
        MarginPerceptronModel above = MarginPerceptron.builder().aligner(exact).weightOrder(99)
                .build().fit(space, train.graphs(), train.labels());
        MarginPerceptronModel uncapped = learner.fit(space, train.graphs(), train.labels());
        assertEquals(space.size(), above.weightGraphs().get(0).order());
        assertEquals(uncapped.weightGraphs(), above.weightGraphs());
        assertArrayEquals(uncapped.biases(), above.biases(), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> MarginPerceptron.builder().learningRate(0.0));
        assertThrows(IllegalArgumentException.class,
                () -> MarginPerceptron.builder().learningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MarginPerceptron.builder().margin(-1));
        assertThrows(IllegalArgumentException.class, () -> MarginPerceptron.builder().epochs(-1));
        assertThrows(IllegalArgumentException.class,
                () -> MarginPerceptron.builder().weightOrder(-2));
        assertThrows(IllegalStateException.class, () -> MarginPerceptron.builder().build());
    }
}
