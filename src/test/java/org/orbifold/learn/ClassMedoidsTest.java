package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.cluster.TooFewDistinctGraphsException;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The class-medoid start of {@link LearningGraphQuantization} and {@link GraphMlp}, checked
 * against brute force over the members with the exact aligner.
 */
class ClassMedoidsTest {

    private static final double TOLERANCE = 1e-9;

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(41, 7, 0.3);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    private LearningGraphQuantization medoids(int p, int epochs, long seed) {
        return LearningGraphQuantization.builder().aligner(exact).prototypesPerClass(p)
                .initialization(LearningGraphQuantization.Initialization.CLASS_MEDOIDS)
                .epochs(epochs).seed(seed).executor(Runnable::run).build();
    }

    private double distance(Graph x, Graph y) {
        return exact.align(space, x, y).distance();
    }

    /** Summed distance of {@code center} to the graphs. */
    private double sum(Graph center, List<Graph> graphs) {
        double s = 0.0;
        for (Graph g : graphs) {
            s += distance(center, g);
        }
        return s;
    }

    private List<Graph> members(String label) {
        return NearestPrototype.members(train.graphs(), train.labels(), label);
    }

    @Test
    void oneMedoidPerClassIsTheSetMedianByBruteForce() {
        PrototypeModel model = medoids(1, 0, 5).fit(space, train.graphs(), train.labels());
        assertEquals(LearnTestGraphs.CLASSES, model.prototypeLabels());
        for (int c = 0; c < LearnTestGraphs.CLASSES.size(); c++) {
            List<Graph> members = members(LearnTestGraphs.CLASSES.get(c));
            double best = Double.POSITIVE_INFINITY;
            for (Graph candidate : members) {
                best = Math.min(best, sum(candidate, members));
            }
            Graph prototype = model.prototypes().get(c);
            assertTrue(members.contains(prototype), "the prototype is a member of its class");
            assertEquals(best, sum(prototype, members), TOLERANCE);
        }
    }

    @Test
    void medoidsAreDistinctMembersOfTheirClassAndLocallyOptimal() {
        int p = 3;
        PrototypeModel model = medoids(p, 0, 11).fit(space, train.graphs(), train.labels());
        assertEquals(List.of("cycle", "cycle", "cycle", "path", "path", "path", "star",
                "star", "star"), model.prototypeLabels());
        for (int c = 0; c < LearnTestGraphs.CLASSES.size(); c++) {
            List<Graph> members = members(LearnTestGraphs.CLASSES.get(c));
            List<Graph> chosen = model.prototypes().subList(c * p, (c + 1) * p);
            List<Integer> indices = new ArrayList<>();
            for (Graph medoid : chosen) {
                int index = members.indexOf(medoid);
                assertTrue(index >= 0, "a medoid is a member of its class");
                assertEquals(medoid.order(), members.get(index).order(), "not padded");
                indices.add(index);
            }
            assertEquals(indices.stream().sorted().distinct().toList(), indices,
                    "distinct medoids in training order");

            // A converged alternation: every medoid is the set median of the members nearest
            // to it (brute force over the cluster).
            List<List<Graph>> clusters = new ArrayList<>();
            for (int k = 0; k < p; k++) {
                clusters.add(new ArrayList<>());
            }
            for (Graph g : members) {
                int nearest = 0;
                for (int k = 1; k < p; k++) {
                    if (distance(chosen.get(k), g) < distance(chosen.get(nearest), g)) {
                        nearest = k;
                    }
                }
                clusters.get(nearest).add(g);
            }
            for (int k = 0; k < p; k++) {
                double own = sum(chosen.get(k), clusters.get(k));
                for (Graph other : clusters.get(k)) {
                    assertTrue(own <= sum(other, clusters.get(k)) + TOLERANCE,
                            "medoid " + k + " of class " + c + " is its cluster's set median");
                }
            }
        }
    }

    @Test
    void zeroEpochsPredictLikeTheNearestMedoid() {
        PrototypeModel model = medoids(2, 0, 3).fit(space, train.graphs(), train.labels());
        LearnTestGraphs.Labelled test = LearnTestGraphs.families(42, 4, 0.3);
        for (Graph query : test.graphs()) {
            int nearest = 0;
            for (int k = 1; k < model.prototypes().size(); k++) {
                if (distance(model.prototypes().get(k), query)
                        < distance(model.prototypes().get(nearest), query)) {
                    nearest = k;
                }
            }
            assertEquals(model.prototypeLabels().get(nearest), model.predict(query));
        }
    }

    @Test
    void seededRunsAreReproducibleForAnyExecutor() {
        LearningGraphQuantization learner = LearningGraphQuantization.builder()
                .aligner(Aligners.byName("faq", 5)).rule(LearningGraphQuantization.Rule.GLVQ)
                .initialization(LearningGraphQuantization.Initialization.CLASS_MEDOIDS)
                .prototypesPerClass(2).epochs(2).seed(9).executor(Runnable::run).build();
        LearningGraphQuantization parallel = LearningGraphQuantization.builder()
                .aligner(Aligners.byName("faq", 5)).rule(LearningGraphQuantization.Rule.GLVQ)
                .initialization(LearningGraphQuantization.Initialization.CLASS_MEDOIDS)
                .prototypesPerClass(2).epochs(2).seed(9).executor(new ForkJoinPool(2))
                .build();
        PrototypeModel first = learner.fit(space, train.graphs(), train.labels());
        PrototypeModel second = learner.fit(space, train.graphs(), train.labels());
        PrototypeModel third = parallel.fit(space, train.graphs(), train.labels());
        assertEquals(first.prototypes(), second.prototypes());
        assertEquals(first.prototypes(), third.prototypes());
    }

    @Test
    void trainingFromMedoidsSeparatesTheFamilies() {
        LearnTestGraphs.Labelled test = LearnTestGraphs.families(43, 4, 0.3);
        for (LearningGraphQuantization.Rule rule : LearningGraphQuantization.Rule.values()) {
            PrototypeModel model = LearningGraphQuantization.builder().aligner(exact)
                    .rule(rule).prototypesPerClass(2).epochs(3).seed(1)
                    .initialization(LearningGraphQuantization.Initialization.CLASS_MEDOIDS)
                    .build().fit(space, train.graphs(), train.labels());
            assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run),
                    rule.name());
        }
    }

    @Test
    void aPrototypeGrownSinceItsWarmStartIsRealigned() {
        // Prototype 0 (order 1) is attracted by a sample of order 3 and grows to order 3;
        // the warm start of another sample (order 2, found when prototype 0 had order 1) is
        // then too short for the pair and must be extended.
        Graph small = LearnTestGraphs.point(0.0);
        Graph far = LearnTestGraphs.point(9.0);
        Graph.Builder pair = Graph.builder(1, 1);
        pair.addNode(0.2);
        pair.addNode(0.1);
        Graph two = pair.addEdge(0, 1, 1.0).build();
        Graph.Builder path = Graph.builder(1, 1);
        path.addNode(0.1);
        path.addNode(0.3);
        path.addNode(0.2);
        Graph three = path.addEdge(0, 1, 1.0).addEdge(1, 2, 1.0).build();
        GraphSpace line = GraphSpace.of(List.of(small, far, two, three));
        LearningGraphQuantization.Trainer trainer = new LearningGraphQuantization.Trainer(line,
                exact, new Graph[] {small, far}, new int[] {0, 1});
        Permutation[] warmTwo = new Permutation[2];
        trainer.lvq1(two, 0, 0.5, warmTwo);
        assertEquals(2, warmTwo[0].size());
        assertEquals(2, trainer.prototypes[0].order());
        trainer.lvq1(three, 0, 0.5, new Permutation[2]);
        assertEquals(3, trainer.prototypes[0].order(), "grown by the move");
        assertEquals(0.0, trainer.lvq1(two, 0, 0.5, warmTwo));
        assertEquals(3, warmTwo[0].size());
        assertSame(far, trainer.prototypes[1], "the far prototype never moved");
    }

    @Test
    void moreMedoidsThanMembersOrDistinctGraphsIsAnError() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> medoids(8, 0, 1).fit(space, train.graphs(), train.labels()));
        assertTrue(tooMany.getMessage().contains("class 'cycle' has 7 members"),
                tooMany.getMessage());

        List<Graph> copies = List.of(train.graphs().get(0), train.graphs().get(0),
                train.graphs().get(1), train.graphs().get(1));
        List<String> labels = List.of("a", "a", "b", "b");
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> medoids(2, 0, 1).fit(space, copies, labels));
        assertTrue(same.getMessage().contains("class 'a' has 1 distinct graph among its 2 members"),
                same.getMessage());
    }

    /**
     * Two differently numbered copies of one graph are distinct labelled graphs but one
     * graph up to relabelling: two medoids of their class are refused naming the class, by
     * LVQ and by the graph MLP alike, with the clustering's exception as the cause.
     */
    @Test
    void isomorphicCopiesAreRefusedNamingTheClass() {
        Graph g = train.graphs().get(0);
        int[] image = new int[g.order()];
        for (int i = 0; i < image.length; i++) {
            image[i] = image.length - 1 - i;
        }
        Graph copy = g.permute(Permutation.of(image));
        assertTrue(!copy.equals(g), "a differently numbered copy");
        List<Graph> graphs = List.of(g, copy, train.graphs().get(7), train.graphs().get(8));
        List<String> labels = List.of("a", "a", "b", "b");
        GraphSpace copies = GraphSpace.of(graphs);
        String expected = "class 'a' has only 1 graph at positive distance from each other"
                + " among its 2 members (the others are relabelled copies of it: isomorphic"
                + " copies count once), fewer than the 2 medoids asked for";

        IllegalArgumentException lvq = assertThrows(IllegalArgumentException.class,
                () -> medoids(2, 0, 1).fit(copies, graphs, labels));
        assertEquals(expected, lvq.getMessage());
        assertTrue(lvq.getCause() instanceof TooFewDistinctGraphsException);

        IllegalArgumentException mlp = assertThrows(IllegalArgumentException.class,
                () -> GraphMlp.builder().aligner(exact).hiddenUnits(4).epochs(0)
                        .initialization(GraphMlp.Initialization.CLASS_MEDOIDS).seed(5)
                        .executor(Runnable::run).build().fit(copies, graphs, labels));
        assertEquals(expected, mlp.getMessage());
    }

    @Test
    void mlpWeightGraphsStartAtTheScaledMedoids() {
        GraphMlpModel model = GraphMlp.builder().aligner(exact).hiddenUnits(3).epochs(0)
                .initialization(GraphMlp.Initialization.CLASS_MEDOIDS).seed(5)
                .executor(Runnable::run).build().fit(space, train.graphs(), train.labels());
        PrototypeModel lvq = medoids(1, 0, 5).fit(space, train.graphs(), train.labels());
        double scale = model.inputScale();
        for (int j = 0; j < 3; j++) {
            Graph weight = model.weightGraphs().get(j);
            Graph medoid = lvq.prototypes().get(j).pad(space.size());
            assertEquals(weight.order(), medoid.order());
            assertEquals(0.0, line(weight, medoid, scale), TOLERANCE,
                    "unit " + j + " starts at its class's set median, scaled");
        }
    }

    /** Squared distance of {@code w} and {@code scale * m} under the identity. */
    private double line(Graph w, Graph m, double scale) {
        double s = 0.0;
        for (int i = 0; i < w.order(); i++) {
            for (int c = 0; c < w.nodeDimension(); c++) {
                double d = w.node(i, c) - scale * m.node(i, c);
                s += d * d;
            }
            for (int k = 0; k < w.order(); k++) {
                for (int c = 0; c < w.edgeDimension(); c++) {
                    double d = w.edge(i, k, c) - scale * m.edge(i, k, c);
                    s += d * d;
                }
            }
        }
        return s;
    }
}
