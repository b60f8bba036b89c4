package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * A model's default order follows its training graphs, not the size of the space: a space
 * that also holds larger graphs to predict (a test split read with the training split) gives
 * every learner the same model. With signed attributes, and for the signed weight graphs of
 * the perceptron and the graph MLP, the distance itself depends on the size of the space up
 * to the sum of the two orders ({@link GraphSpace#alignmentSize}), so a query's scores are
 * the same in every space at least that large.
 */
class TrainingOrderTest {

    private final Aligner faq = Aligners.byName("faq", 1);
    /** Graphs of order 5. */
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(13, 4, 0.2);
    private final List<Graph> queries = LearnTestGraphs.families(14, 2, 0.2).graphs();

    private Map<String, GraphClassifier> learners() {
        Map<String, GraphClassifier> learners = new LinkedHashMap<>();
        learners.put("nearest prototype", new NearestPrototype(faq));
        learners.put("LVQ1", LearningGraphQuantization.builder().aligner(faq).epochs(2)
                .prototypesPerClass(2).executor(Runnable::run).build());
        learners.put("GLVQ", LearningGraphQuantization.builder().aligner(faq).epochs(2)
                .rule(LearningGraphQuantization.Rule.GLVQ).executor(Runnable::run).build());
        learners.put("perceptron", MarginPerceptron.builder().aligner(faq).epochs(2)
                .executor(Runnable::run).build());
        learners.put("graph MLP", GraphMlp.builder().aligner(faq).epochs(2)
                .initialization(GraphMlp.Initialization.CLASS_MEANS).executor(Runnable::run)
                .build());
        learners.put("template MLP", TemplateMlp.builder().aligner(faq).epochs(2)
                .hiddenUnits(4).executor(Runnable::run).build());
        return learners;
    }

    @Test
    void aLargerSpaceGivesTheSameModel() {
        GraphSpace own = GraphSpace.of(train.graphs());
        assertEquals(5, own.size());
        for (Map.Entry<String, GraphClassifier> e : learners().entrySet()) {
            GraphClassifierModel tight = e.getValue().fit(own.withSize(10), train.graphs(),
                    train.labels());
            GraphClassifierModel wide = e.getValue().fit(own.withSize(14), train.graphs(),
                    train.labels());
            for (Graph query : queries) {
                assertArrayEquals(tight.scores(query), wide.scores(query), e.getKey());
            }
        }
    }

    @Test
    void theDefaultWeightOrderIsTheLargestTrainingOrder() {
        GraphSpace wide = GraphSpace.of(train.graphs()).withSize(9);

        assertEquals(5, MaxLinearUnits.weightOrder(wide, train.graphs(), 0));
        assertEquals(3, MaxLinearUnits.weightOrder(wide, train.graphs(), 3));
        assertEquals(7, MaxLinearUnits.weightOrder(wide, train.graphs(), 7),
                "an order asked for may exceed the training graphs'");
        assertEquals(9, MaxLinearUnits.weightOrder(wide, train.graphs(), 20));
        assertEquals(5, ModelOrders.capped(wide, train.graphs(), 0));
        assertEquals(5, ModelOrders.capped(wide, train.graphs(), 7),
                "a cap above the training order changes nothing");
        assertEquals(4, ModelOrders.capped(wide, train.graphs(), 4));
        assertEquals(7, ModelOrders.fitting(wide, train.graphs(), 7).size());
        assertEquals(5, ModelOrders.fitting(wide, train.graphs(), 3).size());
        assertEquals(1, ModelOrders.trainingOrder(wide, List.of(Graph.builder(1, 1).build())),
                "graphs without nodes still get weight graphs of one node");
    }

    /**
     * The template's order is the training graphs' largest order, not the space size, or the
     * template order asked for, at most the space size.
     */
    @Test
    void theTemplateHasTheLargestTrainingOrderOrTheOrderAskedFor() {
        GraphSpace wide = GraphSpace.of(train.graphs()).withSize(9);
        int[][] cases = {{0, 5}, {3, 3}, {7, 7}, {20, 9}};
        for (int[] c : cases) {
            TemplateMlpModel model = TemplateMlp.builder().aligner(faq).epochs(1)
                    .hiddenUnits(2).templateOrder(c[0]).executor(Runnable::run).build()
                    .fit(wide, train.graphs(), train.labels());
            assertEquals(c[1], model.template().order(), "template order " + c[0]);
        }
    }
}
