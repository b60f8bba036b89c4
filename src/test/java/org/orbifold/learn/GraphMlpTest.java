package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.diff.GraphGradient;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.Permutation;

class GraphMlpTest {

    /** Central difference step. */
    private static final double STEP = 1e-6;
    /** Agreement of the analytic and the finite-difference gradients. */
    private static final double GRADIENT_TOLERANCE = 1e-6;
    private static final double SCORE_TOLERANCE = 1e-9;

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(31, 6, 0.1);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    /** A triangle-with-tail graph whose node attributes are all different. */
    private static Graph distinct(double shift) {
        Graph.Builder builder = Graph.builder(2, 1);
        builder.addNode(0.3 + shift, 1.0);
        builder.addNode(1.1, -0.4 + shift);
        builder.addNode(-0.7, 0.6);
        builder.addNode(2.0 - shift, 0.2);
        builder.addEdge(0, 1, 0.8);
        builder.addEdge(1, 2, 1.3);
        builder.addEdge(2, 0, 0.5);
        builder.addEdge(2, 3, 1.7);
        return builder.build();
    }

    /** A two-unit, three-class network with seeded parameters. */
    private GraphMlpModel network(GraphSpace graphs, List<Graph> weights,
            double[] outputWeights, GraphMlp.Activation activation) {
        return new GraphMlpModel(graphs, exact, LabelEncoder.of(List.of("a", "b", "c")),
                weights, new double[] {-0.4, 0.3}, outputWeights,
                new double[] {0.1, -0.2, 0.05}, 0.6, activation, true);
    }

    @Test
    void denseGradientsMatchFiniteDifferences() {
        Graph x = distinct(0.0);
        GraphSpace graphs = GraphSpace.of(List.of(x));
        List<Graph> weights = List.of(distinct(0.2), distinct(-0.3).permute(
                Permutation.of(2, 0, 3, 1)));
        double[] v = new SplittableRandom(3).doubles(6, -1.0, 1.0).toArray();
        for (GraphMlp.Activation activation : GraphMlp.Activation.values()) {
            GraphMlpModel model = network(graphs, weights, v, activation);
            GraphMlpModel.Pass pass = pass(model, x, 1);
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 2; j++) {
                    double[] plus = v.clone();
                    double[] minus = v.clone();
                    plus[k * 2 + j] += STEP;
                    minus[k * 2 + j] -= STEP;
                    double numeric = (network(graphs, weights, plus, activation).loss(x, 1)
                            - network(graphs, weights, minus, activation).loss(x, 1))
                            / (2 * STEP);
                    assertEquals(pass.outputDelta()[k] * pass.hidden()[j], numeric,
                            GRADIENT_TOLERANCE, activation + " V[" + k + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void weightGraphGradientMatchesFiniteDifferencesWhereTheAlignmentIsUnique() {
        Graph x = distinct(0.0);
        GraphSpace graphs = GraphSpace.of(List.of(x));
        Graph w0 = distinct(0.2);
        Graph w1 = distinct(-0.3).permute(Permutation.of(2, 0, 3, 1));
        double[] v = new SplittableRandom(4).doubles(6, -1.0, 1.0).toArray();
        GraphMlpModel model = network(graphs, List.of(w0, w1), v, GraphMlp.Activation.TANH);
        GraphMlpModel.Pass pass = pass(model, x, 2);
        for (int j = 0; j < 2; j++) {
            assertTrue(pass.units().get(j).certified());
            Graph w = j == 0 ? w0 : w1;
            // dL/dW_j = delta_j * s * (pi_j . X); unit weights make it the coordinate partial.
            double[] analytic = pass.units().get(j).gradient().nodeArray();
            double[] nodes = w.nodeArray();
            for (int q = 0; q < nodes.length; q++) {
                double numeric = (lossWithNode(model, x, v, w0, w1, j, q, STEP)
                        - lossWithNode(model, x, v, w0, w1, j, q, -STEP)) / (2 * STEP);
                assertEquals(pass.hiddenDelta()[j] * 0.6 * analytic[q], numeric,
                        GRADIENT_TOLERANCE, "unit " + j + ", node coordinate " + q);
            }
        }
    }

    private GraphMlpModel.Pass pass(GraphMlpModel model, Graph x, int label) {
        List<GraphGradient> units = new ArrayList<>();
        for (Graph w : model.weightGraphs()) {
            units.add(MaxLinearUnits.evaluate(model.space(), exact, w, x));
        }
        return model.pass(x, label, units);
    }

    private double lossWithNode(GraphMlpModel model, Graph x, double[] v, Graph w0, Graph w1,
            int unit, int coordinate, double delta) {
        Graph w = unit == 0 ? w0 : w1;
        double[] nodes = w.nodeArray();
        nodes[coordinate] += delta;
        Graph moved = Graph.fromArrays(w.order(), w.nodeDimension(), w.edgeDimension(),
                w.isDirected(), nodes, w.edgeArray());
        List<Graph> weights = unit == 0 ? List.of(moved, w1) : List.of(w0, moved);
        return network(model.space(), weights, v, model.activation()).loss(x, 2);
    }

    @Test
    void trainingLossDecreasesAndTheFamiliesAreSeparated() {
        List<Double> losses = new ArrayList<>();
        GraphMlpModel model = GraphMlp.builder().aligner(exact).hiddenUnits(5).epochs(8)
                .learningRate(0.5).seed(2).executor(Runnable::run)
                .listener((epoch, loss, eta, elapsed) -> losses.add(loss)).build()
                .fit(space, train.graphs(), train.labels());
        assertEquals(8, losses.size());
        assertTrue(losses.get(7) < 0.5 * losses.get(0), "losses " + losses);
        LearnTestGraphs.Labelled test = LearnTestGraphs.families(32, 4, 0.1);
        assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run));
        double[] scores = model.scores(test.graphs().get(0));
        assertEquals(1.0, scores[0] + scores[1] + scores[2], SCORE_TOLERANCE);
        assertEquals(5, model.hidden(test.graphs().get(0)).length);
    }

    @Test
    void scoresDoNotDependOnTheNodeNumbering() {
        GraphMlpModel model = GraphMlp.builder().aligner(exact).epochs(2)
                .initialization(GraphMlp.Initialization.CLASS_MEANS).executor(Runnable::run)
                .build().fit(space, train.graphs(), train.labels());
        SplittableRandom random = new SplittableRandom(8);
        for (Graph graph : LearnTestGraphs.families(33, 2, 0.1).graphs()) {
            Graph relabelled = graph.permute(Permutation.random(graph.order(), random));
            assertArrayEquals(model.scores(graph), model.scores(relabelled), SCORE_TOLERANCE);
        }
    }

    /**
     * The hidden activations are a representation of the graph up to the aligner's accuracy:
     * with an exact aligner relabelled copies get the same ones; a heuristic aligner may find
     * a poorer alignment for a copy, and then each of its activations is at most the exact
     * one (the similarity found is a lower bound and the activations increase with it), but
     * copies can differ.
     */
    @Test
    void hiddenActivationsDependOnTheNodeNumberingOnlyThroughTheAligner() {
        GraphMlpModel trained = GraphMlp.builder().aligner(exact).hiddenUnits(4).epochs(2)
                .seed(5).executor(Runnable::run).build()
                .fit(space, train.graphs(), train.labels());
        double[][] v = trained.outputWeights();
        double[] flat = new double[v.length * v[0].length];
        for (int k = 0; k < v.length; k++) {
            System.arraycopy(v[k], 0, flat, k * v[0].length, v[0].length);
        }
        GraphMlpModel heuristic = new GraphMlpModel(space, Aligners.byName("ipfp", 1),
                trained.classes(), trained.weightGraphs(), trained.hiddenBiases(), flat,
                trained.outputBiases(), trained.inputScale(), trained.activation(),
                trained.distanceOffset());
        SplittableRandom random = new SplittableRandom(9);
        int differing = 0;
        for (Graph graph : LearnTestGraphs.families(34, 4, 0.1).graphs()) {
            double[] truth = trained.hidden(graph);
            double[] first = heuristic.hidden(graph);
            for (int copy = 0; copy < 5; copy++) {
                Graph relabelled = graph.permute(Permutation.random(graph.order(), random));
                assertArrayEquals(truth, trained.hidden(relabelled), SCORE_TOLERANCE);
                double[] found = heuristic.hidden(relabelled);
                for (int j = 0; j < truth.length; j++) {
                    assertTrue(found[j] <= truth[j] + SCORE_TOLERANCE, found[j] + " > "
                            + truth[j]);
                }
                differing += Arrays.equals(found, first) ? 0 : 1;
            }
        }
        assertTrue(differing > 0, "no relabelled copy changed an ipfp activation");
    }

    @Test
    void trainingIsDeterministicForAnyThreadCount() {
        GraphMlp.Builder builder = GraphMlp.builder().aligner(Aligners.byName("faq", 3))
                .hiddenUnits(4).batchSize(4).epochs(3).weightDecay(0.01).weightOrder(4)
                .activation(GraphMlp.Activation.LOGISTIC).distanceOffset(false).seed(12);
        GraphMlpModel serial = builder.executor(Runnable::run).build()
                .fit(space, train.graphs(), train.labels());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            GraphMlpModel parallel = builder.executor(pool).build()
                    .fit(space, train.graphs(), train.labels());
            assertEquals(serial.weightGraphs(), parallel.weightGraphs());
            assertArrayEquals(serial.hiddenBiases(), parallel.hiddenBiases(), 0.0);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(serial.outputWeights()[k], parallel.outputWeights()[k], 0.0);
            }
            assertArrayEquals(serial.outputBiases(), parallel.outputBiases(), 0.0);
        } finally {
            pool.shutdown();
        }
        assertEquals(4, serial.weightGraphs().get(0).order());
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> GraphMlp.builder().aligner(exact).hiddenUnits(21).build()
                        .fit(space, train.graphs(), train.labels()));
        // The requested units, the class's share and the most that can start (3 x 6).
        assertEquals("hiddenUnits 21 over 3 classes gives class 'cycle' 7 units, but it has 6"
                + " members, fewer than the 7 weight graphs to start from them; these training"
                + " graphs start at most 18 hidden units", tooMany.getMessage());
        // With class means each class starts one unit more; 21 then fit, 22 do not.
        GraphMlp.Builder means = GraphMlp.builder().aligner(exact).epochs(0)
                .initialization(GraphMlp.Initialization.CLASS_MEANS);
        assertEquals(21, means.hiddenUnits(21).build().fit(space, train.graphs(),
                train.labels()).weightGraphs().size());
        IllegalArgumentException oneMore = assertThrows(IllegalArgumentException.class,
                () -> means.hiddenUnits(22).build().fit(space, train.graphs(), train.labels()));
        assertEquals("hiddenUnits 22 over 3 classes gives class 'cycle' 8 units, but it has 6"
                + " members, fewer than the 7 weight graphs to start from them; these training"
                + " graphs start at most 21 hidden units", oneMore.getMessage());
        // A weight order above the space size is no cap: the model of the default order.
        GraphMlp.Builder small = GraphMlp.builder().aligner(exact).hiddenUnits(3).epochs(1)
                .seed(4);
        GraphMlpModel uncapped = small.weightOrder(0).build().fit(space, train.graphs(),
                train.labels());
        GraphMlpModel above = small.weightOrder(space.size() + 1).build().fit(space,
                train.graphs(), train.labels());
        assertEquals(space.size(), above.weightGraphs().get(0).order());
        assertEquals(uncapped.weightGraphs(), above.weightGraphs());
        assertArrayEquals(uncapped.outputBiases(), above.outputBiases(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GraphMlp.builder().aligner(exact)
                .build().fit(space, train.graphs(), List.of("cycle")));
        assertThrows(IllegalArgumentException.class, () -> GraphMlp.builder().hiddenUnits(-1));
        assertThrows(IllegalArgumentException.class, () -> GraphMlp.builder().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> GraphMlp.builder().epochs(-1));
        assertThrows(IllegalArgumentException.class,
                () -> GraphMlp.builder().learningRate(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> GraphMlp.builder().weightDecay(-1));
        assertThrows(IllegalArgumentException.class, () -> GraphMlp.builder().weightOrder(-1));
        assertThrows(IllegalStateException.class, () -> GraphMlp.builder().build());
    }

    /**
     * One unit for three classes: the unit goes to the first class, the other two start with
     * output weights 0, and the warning names them; the model is still well defined, and
     * training the dense layer makes every class predicted.
     */
    @Test
    void fewerUnitsThanClassesLeaveClassesToTheDenseLayer() {
        LabelEncoder classes = LabelEncoder.of(train.labels());
        assertEquals("hiddenUnits 1 is below the 3 classes: 2 classes ('path', 'star') get no"
                + " hidden unit of their own; their output weights start at 0, so the untrained"
                + " network is no nearest-unit rule for them, and only training the dense layer"
                + " on the other classes' units can tell them apart (hiddenUnits 0 gives one"
                + " unit per class)",
                GraphMlp.classesWithoutUnits(classes, 1));
        assertEquals(null, GraphMlp.classesWithoutUnits(classes, 3));
        assertEquals(null, GraphMlp.classesWithoutUnits(classes, 7));
        List<String> many = new ArrayList<>();
        for (char c = 'a'; c <= 'f'; c++) {
            many.add(String.valueOf(c));
        }
        assertTrue(GraphMlp.classesWithoutUnits(LabelEncoder.of(many), 2)
                .contains("4 classes ('c', 'd', 'e', ...)"));

        GraphMlpModel start = GraphMlp.builder().aligner(exact).hiddenUnits(1).epochs(0)
                .seed(3).executor(Runnable::run).build().fit(space, train.graphs(),
                        train.labels());
        assertArrayEquals(new double[][] {{1.0}, {0.0}, {0.0}}, start.outputWeights());

        LearnTestGraphs.Labelled test = LearnTestGraphs.families(35, 4, 0.1);
        GraphMlpModel trained = GraphMlp.builder().aligner(exact).hiddenUnits(1).epochs(60)
                .learningRate(0.3).seed(3).executor(Runnable::run).build()
                .fit(space, train.graphs(), train.labels());
        List<String> predicted = trained.predictAll(test.graphs(), Runnable::run);
        assertEquals(LearnTestGraphs.CLASSES, predicted.stream().distinct().sorted().toList(),
                "every class is predicted: " + predicted);
    }
}
