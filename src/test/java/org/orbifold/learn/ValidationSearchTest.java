package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.learn.ValidationSearch.Candidate;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class ValidationSearchTest {

    private static final double TOLERANCE = 1e-12;

    private static final Aligner EXACT = Aligners.byName("exact", 1);

    /** Training graphs: points at 0 (class a) and 10 (class b), and one b outlier at 1. */
    private static final List<Graph> TRAIN = List.of(LearnTestGraphs.point(0.0),
            LearnTestGraphs.point(0.2), LearnTestGraphs.point(10.0),
            LearnTestGraphs.point(10.2), LearnTestGraphs.point(1.0));
    private static final List<String> TRAIN_LABELS = List.of("a", "a", "b", "b", "b");

    /** Validation graphs near the outlier: 1-NN follows it, 3-NN follows the majority. */
    private static final List<Graph> VALID = List.of(LearnTestGraphs.point(0.9),
            LearnTestGraphs.point(0.1), LearnTestGraphs.point(9.9));
    private static final List<String> VALID_LABELS = List.of("a", "a", "b");

    private static GraphSpace space() {
        List<Graph> all = new ArrayList<>(TRAIN);
        all.addAll(VALID);
        return GraphSpace.of(all);
    }

    @Test
    void choosesTheCandidateWithTheMostCorrectValidationGraphs() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1)),
                new Candidate("k 3", space, new NearestNeighbors(EXACT, 3)));
        ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run);

        // 1-NN calls 0.9 a "b" (its neighbour is the outlier at 1); 3-NN gets all three.
        assertEquals(2, result.correct()[0]);
        assertEquals(3, result.correct()[1]);
        assertEquals(1, result.best());
        assertEquals("k 3", result.chosen().description());
        assertEquals(1.0, result.accuracy(1), TOLERANCE);
        assertEquals(2.0 / 3.0, result.accuracy(0), TOLERANCE);
    }

    @Test
    void tiesGoToTheCandidateListedFirst() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("first", space, new NearestNeighbors(EXACT, 3)),
                new Candidate("second", space, new NearestNeighbors(EXACT, 3)),
                new Candidate("weaker", space, new NearestNeighbors(EXACT, 1)));
        ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run);
        assertEquals(0, result.best());

        List<Candidate> reversed = List.of(candidates.get(2), candidates.get(1),
                candidates.get(0));
        assertEquals(1, ValidationSearch.search(reversed, TRAIN, TRAIN_LABELS, VALID,
                VALID_LABELS, Runnable::run).best());
    }

    @Test
    void theResultIsTheSameOnAThreadPool() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(7, 6, 0.5);
        List<Graph> train = data.graphs().subList(0, 9);
        List<Graph> valid = data.graphs().subList(9, 18);
        GraphSpace space = GraphSpace.of(data.graphs());
        List<Candidate> candidates = new ArrayList<>();
        for (double edgeWeight : new double[] {0.0, 1.0}) {
            for (int k : new int[] {1, 3}) {
                candidates.add(new Candidate("w" + edgeWeight + " k" + k,
                        space.withWeights(1.0, edgeWeight),
                        new NearestNeighbors(Aligners.byName("fast", 3), k)));
            }
        }
        ValidationSearch.Result sequential = ValidationSearch.search(candidates, train,
                data.labels().subList(0, 9), valid, data.labels().subList(9, 18),
                Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ValidationSearch.Result pooled = ValidationSearch.search(candidates, train,
                    data.labels().subList(0, 9), valid, data.labels().subList(9, 18), pool);
            assertEquals(sequential, pooled);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListenerMayStopTheSearchAndTheBestSoFarIsChosen() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1)),
                new Candidate("k 3", space, new NearestNeighbors(EXACT, 3)));
        ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run,
                (candidate, accuracy, step, nanos) -> false);
        assertEquals(1, result.candidates().size());
        assertEquals(0, result.best());
    }

    @Test
    void badArgumentsAreNamed() {
        GraphSpace space = space();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ValidationSearch.search(List.of(), TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS, Runnable::run));
        assertTrue(empty.getMessage().contains("no candidates"), empty.getMessage());
        List<Candidate> one = List.of(new Candidate("k 1", space,
                new NearestNeighbors(EXACT, 1)));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> ValidationSearch.search(one, TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS.subList(0, 2), Runnable::run));
        assertTrue(lengths.getMessage().contains("differ in length"), lengths.getMessage());
    }
}
