package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class TemplateMlpTest {

    private static final double SCORE_TOLERANCE = 1e-9;

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = twoClasses(41, 20);
    private final LearnTestGraphs.Labelled heldOut = twoClasses(42, 20);
    private final GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(train.graphs(),
            heldOut.graphs()));

    /**
     * Returns {@code perClass} rings and {@code perClass} stars of six nodes, interleaved and
     * each relabelled by a random permutation. Both classes have node attributes near 0.5 and
     * edge weights near 1, with uniform noise of half-width 0.1, so only the structure tells
     * them apart: a ring has six edges and every node of degree 2, a star five edges at one
     * hub.
     */
    private static LearnTestGraphs.Labelled twoClasses(long seed, int perClass) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int n = 6;
        for (int k = 0; k < perClass; k++) {
            for (String label : List.of("ring", "star")) {
                Graph.Builder builder = Graph.builder(1, 1);
                for (int i = 0; i < n; i++) {
                    builder.addNode(0.5 + noise(random));
                }
                for (int i = 1; i < n; i++) {
                    builder.addEdge(label.equals("star") ? 0 : i - 1, i, 1.0 + noise(random));
                }
                if (label.equals("ring")) {
                    builder.addEdge(n - 1, 0, 1.0 + noise(random));
                }
                graphs.add(builder.build().permute(Permutation.random(n, random)));
                labels.add(label);
            }
        }
        return new LearnTestGraphs.Labelled(graphs, labels);
    }

    private static double noise(SplittableRandom random) {
        return 0.1 * (2.0 * random.nextDouble() - 1.0);
    }

    private TemplateMlp.Builder learner() {
        return TemplateMlp.builder().aligner(exact).hiddenUnits(8).epochs(20).learningRate(0.1)
                .seed(5).executor(Runnable::run);
    }

    private static double accuracy(GraphClassifierModel model, LearnTestGraphs.Labelled set) {
        return Evaluation.accuracy(set.labels(), model.predictAll(set.graphs(), Runnable::run));
    }

    @Test
    void learnsRandomlyRelabelledRingsAndStars() {
        List<Double> losses = new ArrayList<>();
        TemplateMlpModel model = learner().listener((epoch, loss, step, nanos) -> {
            losses.add(loss);
            return true;
        }).build().fit(space, train.graphs(), train.labels());

        assertEquals(1.0, accuracy(model, train));
        assertTrue(accuracy(model, heldOut) >= 0.95, "held-out " + accuracy(model, heldOut));
        assertEquals(20, losses.size());
        assertTrue(losses.get(19) < 0.5 * losses.get(0), "losses " + losses);
        assertEquals(space.size(), model.template().order());
        for (Graph graph : heldOut.graphs()) {
            double[] scores = model.scores(graph);
            assertEquals(1.0, Arrays.stream(scores).sum(), 1e-12);
        }
    }

    /**
     * With an exact aligner the aligned copy of a query is an optimal alignment to the
     * template, so relabelled copies give the same copy and the same scores whenever the
     * optimum is unique; the noisy attributes make ties between optima improbable here.
     */
    @Test
    void predictionsDoNotDependOnTheNodeNumberingWithAnExactAligner() {
        TemplateMlpModel model = learner().build().fit(space, train.graphs(), train.labels());
        SplittableRandom random = new SplittableRandom(8);
        for (Graph graph : heldOut.graphs()) {
            Graph relabelled = graph.permute(Permutation.random(graph.order(), random));
            assertArrayEquals(model.canonical(graph).nodeArray(),
                    model.canonical(relabelled).nodeArray(), SCORE_TOLERANCE);
            assertArrayEquals(model.canonical(graph).edgeArray(),
                    model.canonical(relabelled).edgeArray(), SCORE_TOLERANCE);
            assertArrayEquals(model.scores(graph), model.scores(relabelled), SCORE_TOLERANCE);
            assertEquals(model.predict(graph), model.predict(relabelled));
        }
    }

    @Test
    void everyPredictionAlignsOnceToTheTemplate() {
        CountingAligner counting = new CountingAligner(exact);
        TemplateMlpModel model = learner().aligner(counting).build()
                .fit(space, train.graphs(), train.labels());
        assertEquals(0, model.alignmentsComputed());
        for (Graph graph : heldOut.graphs()) {
            long before = counting.calls.get();
            model.predict(graph);
            assertEquals(before + 1, counting.calls.get());
            assertTrue(counting.lastReference == model.template(), "aligned to the template");
        }
        model.scores(heldOut.graphs().get(0));
        assertEquals(heldOut.graphs().size() + 1, model.alignmentsComputed());
        assertEquals(0, model.alignmentsSkipped());
    }

    @Test
    void aTemplateOrderCutsTheTemplateAndTheAlignedCopies() {
        TemplateMlpModel model = learner().templateOrder(4).build()
                .fit(space, train.graphs(), train.labels());
        assertEquals(4, model.template().order());
        for (Graph graph : heldOut.graphs()) {
            Graph aligned = model.canonical(graph);
            assertEquals(4, aligned.order());
            // The kept nodes are nodes of the query: their attributes are among its own.
            List<Double> own = new ArrayList<>();
            for (int i = 0; i < graph.order(); i++) {
                own.add(graph.node(i, 0));
            }
            for (int i = 0; i < 4; i++) {
                assertTrue(own.contains(aligned.node(i, 0)), "node " + i);
            }
        }
        assertTrue(accuracy(model, train) >= 0.9, "training " + accuracy(model, train));
        // A template order above the space size (100 here) is no cap:
        // the whole mean, and the model of the default order.
        TemplateMlpModel above = learner().templateOrder(100).build()
                .fit(space, train.graphs(), train.labels());
        TemplateMlpModel uncapped = learner().build().fit(space, train.graphs(),
                train.labels());
        assertEquals(space.size(), above.template().order());
        assertEquals(uncapped.template(), above.template());
        assertArrayEquals(uncapped.outputBiases(), above.outputBiases(), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> TemplateMlp.builder().templateOrder(-1));
    }

    @Test
    void aCoordinateEqualOnAllTrainingGraphsIsDroppedWhateverTheRoundingOfItsMean() {
        // A second node channel equal to 1 on every node: with node weight 3 its coordinates
        // are sqrt(3) on every training graph, whose mean over 40 graphs rounds to another
        // double; such a coordinate must not be kept with a spread of rounding noise.
        List<Graph> graphs = new ArrayList<>();
        for (Graph g : train.graphs()) {
            Graph.Builder builder = Graph.builder(2, 1);
            for (int i = 0; i < g.order(); i++) {
                builder.addNode(g.node(i, 0), 1.0);
            }
            for (int i = 0; i < g.order(); i++) {
                for (int k = 0; k < g.outDegree(i); k++) {
                    int j = g.successor(i, k);
                    if (i < j) {
                        builder.addEdge(i, j, g.edge(i, j, 0));
                    }
                }
            }
            graphs.add(builder.build());
        }
        GraphSpace weighted = GraphSpace.of(graphs).withWeights(3.0, 1.0);

        TemplateMlpModel model = learner().build().fit(weighted, graphs, train.labels());

        for (int q : model.keptCoordinates()) {
            assertFalse(q < 12 && q % 2 == 1, "coordinate " + q + " (channel 1 of node "
                    + q / 2 + ") is the same on every training graph but was kept");
        }
        assertTrue(model.keptCoordinates().length > 0);
    }

    @Test
    void tooManyHiddenUnitsAreRefusedBeforeAnyArrayIsSized() {
        // 100000000 units once overflowed H * D in an int and failed with a negative array size.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemplateMlp.builder().hiddenUnits(100_000_000));
        assertEquals("hiddenUnits must be at most " + TemplateMlp.MAX_HIDDEN_UNITS
                + ", got 100000000", e.getMessage());
        TemplateMlp.builder().hiddenUnits(TemplateMlp.MAX_HIDDEN_UNITS);
    }

    @Test
    void trainingIsDeterministicForAnyThreadCount() {
        TemplateMlp.Builder builder = TemplateMlp.builder().aligner(Aligners.byName("faq", 3))
                .hiddenUnits(4).epochs(3).activation(GraphMlp.Activation.LOGISTIC)
                .standardize(false).seed(12);
        TemplateMlpModel serial = builder.executor(Runnable::run).build()
                .fit(space, train.graphs(), train.labels());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            TemplateMlpModel parallel = builder.executor(pool).build()
                    .fit(space, train.graphs(), train.labels());
            assertEquals(serial.template(), parallel.template());
            assertArrayEquals(serial.keptCoordinates(), parallel.keptCoordinates());
            for (int j = 0; j < 4; j++) {
                assertArrayEquals(serial.hiddenWeights()[j], parallel.hiddenWeights()[j], 0.0);
            }
            assertArrayEquals(serial.hiddenBiases(), parallel.hiddenBiases(), 0.0);
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(serial.outputWeights()[k], parallel.outputWeights()[k], 0.0);
            }
            assertArrayEquals(serial.outputBiases(), parallel.outputBiases(), 0.0);
        } finally {
            pool.shutdown();
        }
        TemplateMlpModel other = builder.seed(13).executor(Runnable::run).build()
                .fit(space, train.graphs(), train.labels());
        assertFalse(Arrays.equals(serial.hiddenWeights()[0], other.hiddenWeights()[0]));
        assertEquals(serial.template(), other.template());
    }

    @Test
    void badInputIsRejected() {
        TemplateMlp mlp = learner().build();
        List<Graph> graphs = train.graphs();
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> mlp.fit(space, graphs.subList(0, 3), Collections.nCopies(3, "ring")));
        assertEquals("the template MLP needs at least two classes to learn from, got only"
                + " 'ring' (all 3 training labels)", one.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> mlp.fit(space, List.of(), List.of()));
        assertEquals("no graphs given: the list is empty", empty.getMessage());
        IllegalArgumentException mismatched = assertThrows(IllegalArgumentException.class,
                () -> mlp.fit(space, graphs, train.labels().subList(0, 5)));
        assertEquals("labels and graphs differ in length: 5 labels for 40 graphs",
                mismatched.getMessage());
        List<Graph> same = Collections.nCopies(4, graphs.get(0));
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> mlp.fit(space, same, List.of("a", "b", "a", "b")));
        assertEquals("the template MLP needs training graphs that differ after alignment to"
                + " the template; all 4 give the same vector", constant.getMessage());
        TemplateMlpModel model = mlp.fit(space, graphs, train.labels());
        assertThrows(NullPointerException.class, () -> model.predict(null));
        Graph.Builder seven = Graph.builder(1, 1);
        for (int i = 0; i < 7; i++) {
            seven.addNode(0.0);
        }
        Graph tooLarge = seven.build();
        assertThrows(IllegalArgumentException.class, () -> model.predict(tooLarge));
        assertThrows(IllegalArgumentException.class, () -> TemplateMlp.builder().hiddenUnits(0));
        assertThrows(IllegalArgumentException.class, () -> TemplateMlp.builder().epochs(-1));
        assertThrows(IllegalArgumentException.class,
                () -> TemplateMlp.builder().learningRate(Double.NaN));
        assertThrows(IllegalStateException.class, () -> TemplateMlp.builder().build());
    }

    @Test
    void aHugeLearningRateIsReportedAsDivergence() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> learner().learningRate(Double.MAX_VALUE).build()
                        .fit(space, train.graphs(), train.labels()));
        assertTrue(e.getMessage().startsWith("training of the template MLP diverged in epoch"),
                e.getMessage());
    }

    /** Counts the calls of an aligner and remembers the last reference graph. */
    private static final class CountingAligner implements Aligner {
        private final Aligner inner;
        private final AtomicLong calls = new AtomicLong();
        private volatile Graph lastReference;

        CountingAligner(Aligner inner) {
            this.inner = inner;
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y) {
            calls.incrementAndGet();
            lastReference = x;
            return inner.align(space, x, y);
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
            calls.incrementAndGet();
            lastReference = x;
            return inner.align(space, x, y, start);
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
