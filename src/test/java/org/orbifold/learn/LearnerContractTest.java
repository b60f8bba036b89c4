package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The rules every learner of the package shares: a builder without an aligner is an
 * {@link IllegalStateException}, a single class is refused with one message, a null query is
 * a {@link NullPointerException} naming {@code graph}, and a prototype at distance 0 scores
 * {@code 0.0}, not {@code -0.0}.
 */
class LearnerContractTest {

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(71, 4, 0.1);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    /** One configured instance of every learner, by name. */
    private Map<String, GraphClassifier> learners() {
        return Map.of(
                "k-NN", NearestNeighbors.builder().aligner(exact).build(),
                "the nearest-prototype classifier", new NearestPrototype(exact),
                "LVQ1", LearningGraphQuantization.builder().aligner(exact).epochs(1).build(),
                "GLVQ", LearningGraphQuantization.builder().aligner(exact).epochs(1)
                        .rule(LearningGraphQuantization.Rule.GLVQ).build(),
                "the margin perceptron", MarginPerceptron.builder().aligner(exact).epochs(1)
                        .executor(Runnable::run).build(),
                "the graph MLP", GraphMlp.builder().aligner(exact).epochs(1)
                        .executor(Runnable::run).build(),
                "the template MLP", TemplateMlp.builder().aligner(exact).epochs(1)
                        .executor(Runnable::run).build());
    }

    @Test
    void everyBuilderWithoutAnAlignerFailsTheSameWay() {
        List<Supplier<Object>> builds = List.of(
                () -> NearestNeighbors.builder().build(),
                () -> LearningGraphQuantization.builder().build(),
                () -> MarginPerceptron.builder().build(),
                () -> GraphMlp.builder().build(),
                () -> TemplateMlp.builder().build());
        for (Supplier<Object> build : builds) {
            IllegalStateException e = assertThrows(IllegalStateException.class, build::get);
            assertEquals("no aligner set", e.getMessage());
        }
    }

    @Test
    void everyLearnerRefusesASingleClassWithTheSameMessage() {
        List<Graph> graphs = train.graphs().subList(0, 3);
        List<String> one = Collections.nCopies(3, "cycle");
        for (Map.Entry<String, GraphClassifier> learner : learners().entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> learner.getValue().fit(space, graphs, one));
            assertEquals(learner.getKey() + " needs at least two classes to learn from, got"
                    + " only 'cycle' (all 3 training labels)", e.getMessage());
        }
    }

    @Test
    void everyModelNamesANullQuery() {
        for (Map.Entry<String, GraphClassifier> learner : learners().entrySet()) {
            GraphClassifierModel model = learner.getValue().fit(space, train.graphs(),
                    train.labels());
            NullPointerException predict = assertThrows(NullPointerException.class,
                    () -> model.predict(null), learner.getKey());
            NullPointerException scores = assertThrows(NullPointerException.class,
                    () -> model.scores(null), learner.getKey());
            assertEquals("graph", predict.getMessage(), learner.getKey());
            assertEquals("graph", scores.getMessage(), learner.getKey());
            // Fitting still works after the null checks, and predicts a training class.
            assertTrue(train.labels().contains(model.predict(train.graphs().get(0))));
        }
    }

    @Test
    void aPrototypeAtDistanceZeroScoresPositiveZero() {
        List<Graph> prototypes = new ArrayList<>(train.graphs().subList(0, 3));
        PrototypeModel model = PrototypeModel.of(space, exact, prototypes,
                train.labels().subList(0, 3));

        double[] scores = model.scores(prototypes.get(1));

        // Bit for bit +0.0: -0.0 == 0.0 in Java, so compare the raw bits.
        int own = model.classes().indexOf(train.labels().get(1));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(scores[own]),
                "score " + scores[own]);
        for (int c = 0; c < scores.length; c++) {
            assertTrue(c == own || scores[c] < 0.0, "class " + c + ": " + scores[c]);
        }
    }
}
