package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class NearestNeighborsTest {

    private static final double TOLERANCE = 1e-12;

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(11, 6, 0.1);
    private final LearnTestGraphs.Labelled test = LearnTestGraphs.families(12, 4, 0.1);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    @Test
    void oneNearestNeighbourSeparatesTheFamilies() {
        NearestNeighbors.Model model = new NearestNeighbors(exact, 1)
                .fit(space, train.graphs(), train.labels());
        assertEquals(LearnTestGraphs.CLASSES, model.classes().labels());
        List<String> predicted = model.predictAll(test.graphs(), Runnable::run);
        assertEquals(test.labels(), predicted);
    }

    @Test
    void threeNearestNeighboursSeparateTheFamilies() {
        NearestNeighbors.Model model = new NearestNeighbors(exact, 3)
                .fit(space, train.graphs(), train.labels());
        assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run));
    }

    @Test
    void oneNearestNeighbourReproducesTheTrainingLabels() {
        NearestNeighbors.Model model = new NearestNeighbors(exact, 1)
                .fit(space, train.graphs(), train.labels());
        assertEquals(train.labels(), model.predictAll(train.graphs(), Runnable::run));
        for (Graph g : train.graphs()) {
            double[] distances = model.distances(g);
            assertEquals(0.0, Arrays.stream(distances).min().orElseThrow(), TOLERANCE);
        }
    }

    @Test
    void predictionsDoNotDependOnTheThreadCount() {
        NearestNeighbors.Model model = new NearestNeighbors(Aligners.byName("faq", 3), 3)
                .fit(space, train.graphs(), train.labels());
        List<String> sequential = model.predictAll(test.graphs(), Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            assertEquals(sequential, model.predictAll(test.graphs(), pool));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoresAreVoteFractions() {
        NearestNeighbors.Model model = new NearestNeighbors(exact, 3)
                .fit(space, train.graphs(), train.labels());
        double[] scores = model.scores(test.graphs().get(0));
        assertEquals(1.0, Arrays.stream(scores).sum(), TOLERANCE);
        int argmax = 0;
        for (int c = 1; c < scores.length; c++) {
            argmax = scores[c] > scores[argmax] ? c : argmax;
        }
        assertEquals(model.predict(test.graphs().get(0)), model.classes().label(argmax));
    }

    @Test
    void equalVotesGoToTheSmallerSummedDistanceThenToLabelOrder() {
        List<Graph> points = List.of(LearnTestGraphs.point(-1.0), LearnTestGraphs.point(0.5));
        GraphSpace line = GraphSpace.of(points);
        NearestNeighbors.Model closer = new NearestNeighbors(exact, 2)
                .fit(line, points, List.of("a", "b"));
        assertEquals("b", closer.predict(LearnTestGraphs.point(0.0)));
        assertArrayEquals(new double[] {0.5, 0.5}, closer.scores(LearnTestGraphs.point(0.0)),
                TOLERANCE);

        List<Graph> symmetric = List.of(LearnTestGraphs.point(1.0), LearnTestGraphs.point(-1.0));
        NearestNeighbors.Model tied = new NearestNeighbors(exact, 2)
                .fit(line, symmetric, List.of("b", "a"));
        assertEquals("a", tied.predict(LearnTestGraphs.point(0.0)));
    }

    @Test
    void equalDistancesAreRankedByTrainingIndex() {
        List<Graph> points = List.of(LearnTestGraphs.point(1.0), LearnTestGraphs.point(-1.0),
                LearnTestGraphs.point(5.0));
        GraphSpace line = GraphSpace.of(points);
        NearestNeighbors.Model model = new NearestNeighbors(exact, 1)
                .fit(line, points, List.of("z", "a", "a"));
        assertEquals("z", model.predict(LearnTestGraphs.point(0.0)));
    }

    @Test
    void badInputIsRejectedWithItsName() {
        List<Graph> graphs = train.graphs();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbors(exact, 0));
        assertTrue(zero.getMessage().contains("k must be >= 1"), zero.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbors(exact, graphs.size() + 1)
                        .fit(space, graphs, train.labels()));
        assertTrue(tooMany.getMessage().contains("exceeds"), tooMany.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbors(exact, 1)
                        .fit(space, graphs, train.labels().subList(1, graphs.size())));
        assertTrue(length.getMessage().contains("differ in length"), length.getMessage());
        List<String> missing = new ArrayList<>(train.labels());
        missing.set(4, null);
        IllegalArgumentException nullLabel = assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbors(exact, 1).fit(space, graphs, missing));
        assertTrue(nullLabel.getMessage().contains("labels[4]"), nullLabel.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new NearestNeighbors(exact, 1).fit(space, List.of(), List.of()));
    }
}
