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
    void crossValidatedNearestNeighbourSeparatesTheFamilies() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(41, 5, 0.1);
        GraphSpace space = GraphSpace.of(data.graphs());
        List<String> predicted = Evaluation.crossValidate(
                new NearestNeighbors(Aligners.byName("exact", 1), 1), space, data.graphs(),
                data.labels(), 5, 2, Runnable::run);
        assertEquals(data.labels(), predicted);
        assertEquals(1.0, Evaluation.accuracy(data.labels(), predicted), TOLERANCE);
    }
}
