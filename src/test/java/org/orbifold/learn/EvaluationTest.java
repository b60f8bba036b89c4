package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligners;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

class EvaluationTest {

    private static final double TOLERANCE = 1e-12;

    private static final List<String> TRUTH = List.of("cat", "cat", "dog", "dog", "dog", "eel");
    private static final List<String> PREDICTED =
            List.of("cat", "dog", "dog", "dog", "eel", "eel");

    @Test
    void accuracyCountsMatches() {
        assertEquals(4.0 / 6.0, Evaluation.accuracy(TRUTH, PREDICTED), TOLERANCE);
        assertEquals(1.0, Evaluation.accuracy(TRUTH, TRUTH), TOLERANCE);
    }

    @Test
    void confusionMatrixHasTruthRowsAndPredictionColumns() {
        int[][] expected = {{1, 1, 0}, {0, 2, 1}, {0, 0, 1}};
        int[][] counts = Evaluation.confusionMatrix(TRUTH, PREDICTED);
        for (int a = 0; a < expected.length; a++) {
            assertArrayEquals(expected[a], counts[a]);
        }
        LabelEncoder wider = LabelEncoder.of(List.of("ant", "cat", "dog", "eel"));
        int[][] padded = Evaluation.confusionMatrix(TRUTH, PREDICTED, wider);
        assertArrayEquals(new int[] {0, 0, 0, 0}, padded[0]);
        assertArrayEquals(new int[] {0, 0, 2, 1}, padded[2]);
    }

    @Test
    void unknownAndMissingLabelsAreNamed() {
        LabelEncoder pets = LabelEncoder.of(List.of("cat", "dog"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.confusionMatrix(TRUTH, PREDICTED, pets));
        assertTrue(unknown.getMessage().contains("predicted[4] = 'eel'"), unknown.getMessage());
        List<String> missing = new ArrayList<>(PREDICTED);
        missing.set(2, null);
        IllegalArgumentException nullLabel = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.accuracy(TRUTH, missing));
        assertTrue(nullLabel.getMessage().contains("predicted[2]"), nullLabel.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.accuracy(TRUTH, PREDICTED.subList(0, 5)));
        assertTrue(length.getMessage().contains("differ in length"), length.getMessage());
    }

    @Test
    void stratifiedFoldsPartitionAndKeepProportions() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            labels.add(i % 3 == 0 ? "rare" : (i % 5 == 0 ? "mid" : "common"));
        }
        int k = 4;
        List<int[]> folds = Evaluation.stratifiedFolds(labels, k, 17);
        assertEquals(k, folds.size());
        int[] seen = new int[labels.size()];
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int[] fold : folds) {
            for (int i : fold) {
                seen[i]++;
            }
            smallest = Math.min(smallest, fold.length);
            largest = Math.max(largest, fold.length);
        }
        for (int i = 0; i < seen.length; i++) {
            assertEquals(1, seen[i], "index " + i + " in exactly one fold");
        }
        assertTrue(largest - smallest <= 1, "fold sizes " + smallest + ".." + largest);
        for (String label : LabelEncoder.of(labels).labels()) {
            long total = labels.stream().filter(label::equals).count();
            for (int[] fold : folds) {
                long inFold = Arrays.stream(fold)
                        .filter(i -> labels.get(i).equals(label)).count();
                assertTrue(Math.abs(inFold - total / (double) k) < 1.0,
                        label + ": " + inFold + " of " + total + " in a fold");
            }
        }
        List<int[]> again = Evaluation.stratifiedFolds(labels, k, 17);
        for (int f = 0; f < k; f++) {
            assertArrayEquals(folds.get(f), again.get(f));
        }
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.stratifiedFolds(labels, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.stratifiedFolds(labels, 31, 0));
    }

    @Test
    void stratifiedFoldsKeepIntegersOfEqualValueApart() {
        List<int[]> folds = Evaluation.stratifiedFolds(List.of("1", "01", "1", "01"), 2, 0);
        int[] seen = new int[4];
        for (int[] fold : folds) {
            assertEquals(2, fold.length, Arrays.toString(fold));
            for (int i : fold) {
                seen[i]++;
            }
        }
        assertArrayEquals(new int[] {1, 1, 1, 1}, seen, "every index in exactly one fold");
        assertArrayEquals(new int[][] {{1, 0}, {1, 1}}, Evaluation.confusionMatrix(
                List.of("01", "1", "1"), List.of("01", "01", "1")));
    }

    @Test
    void crossValidatedNearestNeighbourSeparatesTheFamilies() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(41, 5, 0.1);
        GraphSpace space = GraphSpace.of(data.graphs());
        List<String> predicted = Evaluation.crossValidate(
                new NearestNeighbors(Aligners.byName("exact", 1), 1), space, data.graphs(),
                data.labels(), 5, 2, Runnable::run);
        assertEquals(data.labels(), predicted);
        assertEquals(1.0, Evaluation.accuracy(data.labels(), predicted), TOLERANCE);
    }

    @Test
    void foldAccuraciesHaveTheirMeanAndPopulationStandardDeviation() {
        // Folds {0, 1}: 1 of 2 right; {2, 3, 4}: 2 of 3; {5}: 1 of 1.
        List<int[]> folds = List.of(new int[] {0, 1}, new int[] {2, 3, 4}, new int[] {5});
        Evaluation.FoldAccuracies accuracies = Evaluation.foldAccuracies(TRUTH, PREDICTED,
                folds);
        assertArrayEquals(new double[] {0.5, 2.0 / 3.0, 1.0}, accuracies.values(), TOLERANCE);
        double mean = (0.5 + 2.0 / 3.0 + 1.0) / 3.0;
        assertEquals(mean, accuracies.mean(), TOLERANCE);
        double variance = (Math.pow(0.5 - mean, 2) + Math.pow(2.0 / 3.0 - mean, 2)
                + Math.pow(1.0 - mean, 2)) / 3.0;
        assertEquals(Math.sqrt(variance), accuracies.standardDeviation(), TOLERANCE);

        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.foldAccuracies(TRUTH, PREDICTED, List.of(new int[] {6})));
        assertTrue(outside.getMessage().contains("fold 0 holds index 6"), outside.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.foldAccuracies(TRUTH, PREDICTED, List.of(new int[0])));
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.foldAccuracies(TRUTH, PREDICTED, List.of()));
    }

    /**
     * Two classes, one of them with a single graph: the fold that holds it trains on one
     * class, and the refusal names that fold and the class, keeping the classifier's message.
     */
    @Test
    void aTrainingSetOfOneClassIsRefusedNamingTheFold() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(41, 5, 0.1);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < data.labels().size(); i++) {
            labels.add(i == 3 ? "lonely" : "many");
        }
        GraphSpace space = GraphSpace.of(data.graphs());
        int fold = 0;
        List<int[]> folds = Evaluation.stratifiedFolds(labels, 4, 2);
        for (int f = 0; f < folds.size(); f++) {
            if (Arrays.stream(folds.get(f)).anyMatch(i -> i == 3)) {
                fold = f + 1;
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.crossValidate(new NearestNeighbors(Aligners.byName("exact", 1),
                        1), space, data.graphs(), labels, 4, 2, Runnable::run));
        assertTrue(e.getMessage().startsWith("fold " + fold + " of 4: its training set holds"
                + " only class 'many', since this fold holds every graph of 'lonely' (1 graph)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("needs at least two classes"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException);
    }

    /** Labels of one class are refused up front, with the class, not per fold. */
    @Test
    void crossValidationOfOneClassIsRefusedUpFront() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(41, 3, 0.1);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < data.graphs().size(); i++) {
            labels.add("x");
        }
        GraphSpace space = GraphSpace.of(data.graphs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.crossValidate(new NearestNeighbors(Aligners.byName("exact", 1),
                        1), space, data.graphs(), labels, 3, 2, Runnable::run));
        assertEquals("the labels hold only one class 'x' (all " + labels.size() + " graphs);"
                + " cross-validation needs two classes or more, since every training set"
                + " would hold that class alone", e.getMessage());
    }

    /**
     * Classes of 3 graphs, 3 folds: every training set holds 2 graphs of each class, fewer
     * than LVQ's 3 prototypes per class, so the first fold's fit fails, and the message names
     * the fold before the learner's reason, which stays the cause.
     */
    @Test
    void anyRefusedFitNamesTheFold() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(41, 3, 0.1);
        GraphSpace space = GraphSpace.of(data.graphs());
        LearningGraphQuantization lvq = LearningGraphQuantization.builder()
                .aligner(Aligners.byName("exact", 1)).prototypesPerClass(3).epochs(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.crossValidate(lvq, space, data.graphs(), data.labels(), 3, 2,
                        Runnable::run));
        int n = data.graphs().size();
        assertTrue(e.getMessage().startsWith("fold 1 of 3: class '"), e.getMessage());
        assertTrue(e.getMessage().endsWith("' has 2 members, fewer than the 3 prototypes per"
                + " class (fitting on the other folds' " + (n - n / 3) + " of the " + n
                + " graphs)"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException);
        assertTrue(e.getCause().getMessage().startsWith("class '"), e.getCause().getMessage());
    }

    @Test
    void crossValidationReportsEachFoldsAccuracy() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(43, 4, 0.6);
        GraphSpace space = GraphSpace.of(data.graphs());
        List<Double> heard = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> predicted = Evaluation.crossValidate(
                new NearestPrototype(Aligners.byName("exact", 1)), space, data.graphs(),
                data.labels(), 3, 5, Runnable::run, (fold, accuracy, step, nanos) -> {
                    numbers.add(fold);
                    heard.add(accuracy);
                    return false;
                });

        // Every fold ran although the listener said stop, and each report is its accuracy.
        assertEquals(List.of(1, 2, 3), numbers);
        double[] expected = Evaluation.foldAccuracies(data.labels(), predicted,
                Evaluation.stratifiedFolds(data.labels(), 3, 5)).values();
        for (int f = 0; f < 3; f++) {
            assertEquals(expected[f], heard.get(f), TOLERANCE);
        }
    }
}
