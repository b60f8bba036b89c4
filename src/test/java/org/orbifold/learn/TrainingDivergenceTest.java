package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.WeightedOverflowException;

/**
 * A learning rate (or weight decay) so large that the parameters overflow: the learner fails
 * with a {@link TrainingDivergedException} naming itself, the epoch and the rate, keeps the
 * overflow as its cause and reason, and advises a smaller rate instead of other weights of
 * the space. Data that overflow by themselves keep the space's own message.
 */
class TrainingDivergenceTest {

    private final Aligner faq = Aligners.byName("faq", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(81, 4, 0.1);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    @Test
    void aHugeLearningRateIsNamedWithItsEpoch() {
        // The MLP names its weight decay only when it has one (see the next test).
        Map<String, GraphClassifier> learners = Map.of(
                // These families are separable from the start: the margin forces updates.
                "the margin perceptron", MarginPerceptron.builder().aligner(faq).margin(5)
                        .learningRate(1e300).executor(Runnable::run).build(),
                "the graph MLP", GraphMlp.builder().aligner(faq).learningRate(1e300)
                        .executor(Runnable::run).build(),
                "LVQ1", LearningGraphQuantization.builder().aligner(faq).learningRate(1e300)
                        .executor(Runnable::run).build());
        for (Map.Entry<String, GraphClassifier> learner : learners.entrySet()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> learner.getValue().fit(space, train.graphs(), train.labels()),
                    learner.getKey());

            String head = "training of " + learner.getKey() + " diverged in epoch "
                    + e.epoch() + " with learning rate 1.0E300";
            assertTrue(e.getMessage().startsWith(head), e.getMessage());
            assertTrue(e.epoch() >= 1, e.getMessage());
            assertEquals(1e300, e.learningRate());
            WeightedOverflowException cause = assertInstanceOf(
                    WeightedOverflowException.class, e.getCause());
            assertEquals(cause.finding(), e.reason());
            assertTrue(e.getMessage().contains(": " + cause.finding() + "; "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; lower the learning rate"), e.getMessage());
            assertFalse(e.getMessage().contains(WeightedOverflowException.ADVICE),
                    "blames the learning rate, not the weights: " + e.getMessage());
        }
    }

    @Test
    void theMlpNamesItsWeightDecayToo() {
        GraphMlp mlp = GraphMlp.builder().aligner(faq).weightDecay(1e300)
                .executor(Runnable::run).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> mlp.fit(space, train.graphs(), train.labels()));

        assertTrue(e.getMessage().startsWith("training of the graph MLP diverged in epoch "
                + e.epoch() + " with learning rate 0.5 and weight decay 1.0E300: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; lower the learning rate or the weight decay"),
                e.getMessage());
    }

    @Test
    void aWeightDecayThatMakesTheOutputWeightsNonFiniteIsADivergence() {
        // eta lambda far above 2: each step overshoots, the output weights grow to infinity
        // and then to NaN before any weighted sum overflows.
        for (double decay : new double[] {1e10, 1e200}) {
            GraphMlp mlp = GraphMlp.builder().aligner(faq).weightDecay(decay).epochs(5)
                    .executor(Runnable::run).build();

            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> mlp.fit(space, train.graphs(), train.labels()), "decay " + decay);

            assertTrue(e.getMessage().contains(" and weight decay " + decay + ": "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; lower the learning rate or the weight decay"),
                    e.getMessage());
            assertTrue(ValidationSearch.diverged(e), e.getMessage());
        }
    }

    @Test
    void theEpochIsTheOneTheListenerHeardLast() {
        // LVQ1 at 1e20 on these graphs survives its first epoch and overflows in the second.
        List<Integer> heard = new ArrayList<>();
        LearningGraphQuantization lvq1 = LearningGraphQuantization.builder().aligner(faq)
                .learningRate(1e20).epochs(50).executor(Runnable::run)
                .listener((epoch, objective, step, nanos) -> heard.add(epoch)).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> lvq1.fit(space, train.graphs(), train.labels()));

        // Every epoch before the failing one reported; the failing one did not.
        assertTrue(e.epoch() >= 2, e.getMessage());
        assertEquals(e.epoch() - 1, heard.size(), e.getMessage());
        assertEquals(List.of(1), heard.subList(0, 1));
    }

    @Test
    void glvqCapsItsStepsAndDoesNotDiverge() {
        PrototypeModel model = LearningGraphQuantization.builder().aligner(faq)
                .rule(LearningGraphQuantization.Rule.GLVQ).learningRate(1e300)
                .executor(Runnable::run).build().fit(space, train.graphs(), train.labels());

        assertEquals(LearningGraphQuantization.DEFAULT_EPOCHS, model.trainingErrors().length);
    }

    @Test
    void dataThatOverflowByThemselvesKeepTheSpacesMessage() {
        List<Graph> huge = new ArrayList<>();
        for (Graph g : train.graphs()) {
            huge.add(g.withNodeChannel(1e300));
        }
        GraphSpace hugeSpace = GraphSpace.of(huge);
        MarginPerceptron perceptron = MarginPerceptron.builder().aligner(faq)
                .executor(Runnable::run).build();

        WeightedOverflowException e = assertThrows(WeightedOverflowException.class,
                () -> perceptron.fit(hugeSpace, huge, train.labels()));

        assertTrue(e.getMessage().endsWith(WeightedOverflowException.ADVICE), e.getMessage());
    }
}
