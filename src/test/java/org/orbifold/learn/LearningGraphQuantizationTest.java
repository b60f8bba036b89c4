package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class LearningGraphQuantizationTest {

    private static final double TOLERANCE = 1e-12;

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(31, 6, 0.1);
    private final LearnTestGraphs.Labelled test = LearnTestGraphs.families(32, 4, 0.1);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    @Test
    void lvq1FromClassMeansSeparatesTheFamilies() {
        PrototypeModel model = LearningGraphQuantization.builder().aligner(exact).epochs(5)
                .build().fit(space, train.graphs(), train.labels());
        assertEquals(LearnTestGraphs.CLASSES, model.prototypeLabels());
        assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run));
    }

    @Test
    void lvq1FromRandomMembersSeparatesTheFamilies() {
        PrototypeModel model = LearningGraphQuantization.builder().aligner(exact).epochs(5)
                .initialization(LearningGraphQuantization.Initialization.RANDOM_MEMBERS)
                .prototypesPerClass(2).seed(7).build()
                .fit(space, train.graphs(), train.labels());
        assertEquals(6, model.prototypes().size());
        assertEquals(List.of("cycle", "cycle", "path", "path", "star", "star"),
                model.prototypeLabels());
        assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run));
    }

    @Test
    void glvqSeparatesTheFamilies() {
        PrototypeModel model = LearningGraphQuantization.builder().aligner(exact).epochs(5)
                .rule(LearningGraphQuantization.Rule.GLVQ)
                .initialization(LearningGraphQuantization.Initialization.RANDOM_MEMBERS)
                .seed(3).build().fit(space, train.graphs(), train.labels());
        assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run));
        assertEquals(train.labels(), model.predictAll(train.graphs(), Runnable::run));
    }

    @Test
    void trainingIsDeterministicForASeed() {
        LearningGraphQuantization learner = LearningGraphQuantization.builder()
                .aligner(Aligners.byName("faq", 5)).rule(LearningGraphQuantization.Rule.GLVQ)
                .initialization(LearningGraphQuantization.Initialization.RANDOM_MEMBERS)
                .epochs(2).seed(9).build();
        PrototypeModel first = learner.fit(space, train.graphs(), train.labels());
        PrototypeModel second = learner.fit(space, train.graphs(), train.labels());
        assertEquals(first.prototypes(), second.prototypes());
    }

    @Test
    void listenerHearsEveryEpochAndCanStop() {
        List<Double> objectives = new ArrayList<>();
        LearningGraphQuantization learner = LearningGraphQuantization.builder().aligner(exact)
                .rule(LearningGraphQuantization.Rule.GLVQ).epochs(6)
                .listener((epoch, objective, step, elapsed) -> {
                    assertEquals(objectives.size() + 1, epoch);
                    assertTrue(step > 0.0 && step <= 0.1, "learning rate " + step);
                    objectives.add(objective);
                    return epoch < 3;
                }).build();
        learner.fit(space, train.graphs(), train.labels());
        assertEquals(3, objectives.size());
        for (double mu : objectives) {
            assertTrue(mu >= -1.0 && mu < 0.0, "separable classes have mean mu < 0: " + mu);
        }
    }

    @Test
    void lvq1StepAttractsTheRightPrototypeAndRepelsTheWrongOne() {
        Graph start = train.graphs().get(0).pad(space.size());
        Graph sample = train.graphs().get(3);
        double before = exact.align(space, start, sample).distance();

        LearningGraphQuantization.Trainer same = new LearningGraphQuantization.Trainer(space,
                exact, new Graph[] {start}, new int[] {0});
        assertEquals(0.0, same.lvq1(sample, 0, 0.25, null));
        double attracted = exact.align(space, same.prototypes[0], sample).distance();
        assertTrue(attracted < before, attracted + " vs " + before);
        assertEquals(0.75 * before, attracted, 1e-9, "exact alignment: the segment shrinks");

        LearningGraphQuantization.Trainer other = new LearningGraphQuantization.Trainer(space,
                exact, new Graph[] {start}, new int[] {1});
        assertEquals(1.0, other.lvq1(sample, 0, 0.25, null));
        double repelled = exact.align(space, other.prototypes[0], sample).distance();
        assertTrue(repelled > before, repelled + " vs " + before);
    }

    @Test
    void glvqStepMovesOnlyTheNearestCorrectAndWrongPrototypes() {
        Graph[] prototypes = {LearnTestGraphs.point(0.0), LearnTestGraphs.point(3.0),
            LearnTestGraphs.point(10.0)};
        GraphSpace line = GraphSpace.of(List.of(prototypes));
        LearningGraphQuantization.Trainer trainer = new LearningGraphQuantization.Trainer(line,
                exact, prototypes.clone(), new int[] {0, 1, 1});
        Permutation[] warm = new Permutation[prototypes.length];
        double mu = trainer.glvq(LearnTestGraphs.point(1.0), 0, 0.1, warm);
        assertEquals((1.0 - 4.0) / (1.0 + 4.0), mu, TOLERANCE);
        assertEquals(Permutation.identity(1), warm[2]);
        // d+ = 1, d- = 4: attract by 0.1 * 16 / 25, repel by 0.1 * 4 / 25.
        assertEquals(0.1 * 16.0 / 25.0, trainer.prototypes[0].node(0, 0), TOLERANCE);
        assertEquals(3.0 + 2.0 * 0.1 * 4.0 / 25.0, trainer.prototypes[1].node(0, 0),
                TOLERANCE);
        assertEquals(prototypes[2], trainer.prototypes[2]);
    }

    /** The training labels, shuffled with a seed, so that some graphs are misjudged. */
    private List<String> shuffledLabels() {
        List<String> labels = new ArrayList<>(train.labels());
        Collections.shuffle(labels, new Random(5));
        return labels;
    }

    @Test
    void trainingErrorsAreTheStartsMistakesWhenThePrototypesCannotMove() {
        // Given a learning rate so small that no step changes a prototype (Double.MIN_VALUE
        // times a coordinate difference rounds to 0 or a subnormal that vanishes when added
        // or squared), every epoch sees the starting prototypes, so every epoch misjudges
        // exactly the training graphs that the untrained model (0 epochs) misjudges.
        List<String> labels = shuffledLabels();
        for (LearningGraphQuantization.Rule rule : LearningGraphQuantization.Rule.values()) {
            LearningGraphQuantization.Builder common = LearningGraphQuantization.builder()
                    .aligner(exact).rule(rule).prototypesPerClass(2).seed(11)
                    .initialization(LearningGraphQuantization.Initialization.RANDOM_MEMBERS);
            PrototypeModel start = common.epochs(0).build().fit(space, train.graphs(), labels);
            PrototypeModel trained = common.epochs(3).learningRate(Double.MIN_VALUE).build()
                    .fit(space, train.graphs(), labels);

            List<String> predicted = start.predictAll(train.graphs(), Runnable::run);
            int misjudged = 0;
            for (int i = 0; i < labels.size(); i++) {
                misjudged += predicted.get(i).equals(labels.get(i)) ? 0 : 1;
            }
            assertTrue(misjudged > 0, "the shuffled labels must leave mistakes");
            assertArrayEquals(new int[] {misjudged, misjudged, misjudged},
                    trained.trainingErrors(), rule.name());
            assertArrayEquals(new int[0], start.trainingErrors(), "no epochs, no counts");
        }
    }

    @Test
    void lvq1TrainingErrorsAreItsObjectiveTimesTheGraphs() {
        // LVQ1's objective is the fraction misjudged on their visit; the counts are its
        // numerators, epoch by epoch, also when the listener stops the training early.
        List<String> labels = shuffledLabels();
        int n = labels.size();
        List<Integer> fromObjective = new ArrayList<>();
        PrototypeModel model = LearningGraphQuantization.builder().aligner(exact)
                .learningRate(0.5).epochs(6).seed(2)
                .listener((epoch, objective, step, elapsed) -> {
                    fromObjective.add((int) Math.round(objective * n));
                    return epoch < 4;
                }).build().fit(space, train.graphs(), labels);

        int[] errors = model.trainingErrors();
        assertEquals(4, errors.length, "stopped after epoch 4");
        for (int e = 0; e < errors.length; e++) {
            assertEquals(fromObjective.get(e), errors[e], "epoch " + (e + 1));
        }
        assertTrue(errors[0] > 0, "the shuffled labels must leave mistakes");
        errors[0] = -1;
        assertEquals(fromObjective.get(0), model.trainingErrors()[0], "a copy is returned");
        assertArrayEquals(model.trainingErrors(),
                model.withLowerBounds(false).trainingErrors());
    }

    @Test
    void badInputIsRejected() {
        LearningGraphQuantization three = LearningGraphQuantization.builder().aligner(exact)
                .prototypesPerClass(7).build();
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> three.fit(space, train.graphs(), train.labels()));
        assertTrue(tooMany.getMessage().contains("class 'cycle' has 6 members"),
                tooMany.getMessage());
        LearningGraphQuantization glvq = LearningGraphQuantization.builder().aligner(exact)
                .rule(LearningGraphQuantization.Rule.GLVQ).build();
        List<Graph> oneClass = train.graphs().subList(0, 1);
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> glvq.fit(space, oneClass, List.of("cycle")));
        assertTrue(single.getMessage().contains("two classes"), single.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LearningGraphQuantization.builder().prototypesPerClass(0));
        assertThrows(IllegalArgumentException.class,
                () -> LearningGraphQuantization.builder().learningRate(0.0));
        assertThrows(IllegalStateException.class,
                () -> LearningGraphQuantization.builder().build());
        assertNotEquals(null, LearningGraphQuantization.builder().aligner(exact).build());
    }
}
