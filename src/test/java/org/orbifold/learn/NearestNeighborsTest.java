package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

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
        // The scores show the votes only: equal, so their first maximum is 'a', not 'b'.
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

    @Test
    void lowerBoundsGiveTheExhaustiveAnswerOnMoleculeLikeGraphs() {
        LearnTestGraphs.Labelled train = molecules(21, 120);
        LearnTestGraphs.Labelled queries = molecules(22, 30);
        GraphSpace molecules = GraphSpace.of(LearnTestGraphs.concat(train.graphs(),
                queries.graphs()));
        long skipped = assertSameAnswers(molecules, train, queries.graphs(),
                Aligners.byName("fast", 5));
        assertTrue(skipped > 0, "no alignment skipped on molecule-like graphs");
    }

    @Test
    void lowerBoundsGiveTheExhaustiveAnswerOnLetterHigh() throws IOException {
        LearnTestGraphs.WithQueries letters = LearnTestGraphs.letterHigh(150, 40);
        assertSameAnswers(letters.space(), letters.train(), letters.queries(),
                Aligners.byName("fast", 42));
    }

    @Test
    void tiesAtTheKthDistanceAreBrokenByIndexAsWithoutBounds() {
        // Repeated training graphs give equal distances at every rank; relabelled copies of
        // training graphs as queries give several neighbours at distance 0.
        LearnTestGraphs.Labelled base = molecules(31, 12);
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < base.graphs().size(); i++) {
                graphs.add(base.graphs().get(i));
                labels.add(copy == 1 ? "other" : base.labels().get(i));
            }
        }
        SplittableRandom random = new SplittableRandom(32);
        List<Graph> queries = new ArrayList<>();
        for (Graph g : base.graphs()) {
            queries.add(g.permute(Permutation.random(g.order(), random)));
        }
        GraphSpace space = GraphSpace.of(graphs);
        assertSameAnswers(space, new LearnTestGraphs.Labelled(graphs, labels), queries,
                Aligners.byName("fast", 7));
    }

    @Test
    void builderSetsTheSearch() {
        NearestNeighbors bounded = NearestNeighbors.builder().aligner(exact).k(3).build();
        assertEquals(NearestNeighbors.DEFAULT_LOWER_BOUNDS, bounded.lowerBounds());
        assertEquals(3, bounded.k());
        NearestNeighbors plain = NearestNeighbors.builder().aligner(exact).lowerBounds(false)
                .build();
        assertEquals(1, plain.k());
        NearestNeighbors.Model model = plain.fit(space, train.graphs(), train.labels());
        NearestNeighbors.Neighbours found = model.neighbours(test.graphs().get(0));
        assertEquals(train.graphs().size(), found.alignments());
        assertEquals(0, found.skipped());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> NearestNeighbors.builder().build());
        assertEquals("no aligner set", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.builder().k(0));
    }

    /**
     * Checks that the searches with and without lower bounds give the same neighbours,
     * distances, predictions and scores, for k = 1, 3, 5 and 1 or 2 threads; returns the
     * alignments skipped at k = 1.
     */
    private static long assertSameAnswers(GraphSpace space, LearnTestGraphs.Labelled train,
            List<Graph> queries, Aligner aligner) {
        long skippedAtOne = -1;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int k : new int[] {1, 3, 5}) {
                NearestNeighbors.Model plain = NearestNeighbors.builder().aligner(aligner).k(k)
                        .lowerBounds(false).build().fit(space, train.graphs(), train.labels());
                NearestNeighbors.Model bounded = NearestNeighbors.builder().aligner(aligner)
                        .k(k).lowerBounds(true).build()
                        .fit(space, train.graphs(), train.labels());
                long skipped = 0;
                for (int q = 0; q < queries.size(); q++) {
                    Graph query = queries.get(q);
                    NearestNeighbors.Neighbours expected = plain.neighbours(query);
                    NearestNeighbors.Neighbours actual = bounded.neighbours(query);
                    String where = "k = " + k + ", query " + q;
                    assertArrayEquals(expected.indices(), actual.indices(), where);
                    assertArrayEquals(expected.distances(), actual.distances(), 0.0, where);
                    assertEquals(train.graphs().size(), actual.alignments() + actual.skipped(),
                            where);
                    assertArrayEquals(plain.scores(query), bounded.scores(query), 0.0, where);
                    skipped += actual.skipped();
                }
                List<String> expected = plain.predictAll(queries, Runnable::run);
                assertEquals(expected, bounded.predictAll(queries, Runnable::run), "k = " + k);
                assertEquals(expected, bounded.predictAll(queries, pool), "k = " + k);
                assertEquals(0, plain.alignmentsSkipped());
                assertEquals(4 * skipped, bounded.alignmentsSkipped(), "k = " + k);
                if (k == 1) {
                    skippedAtOne = skipped;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return skippedAtOne;
    }

    /**
     * Random molecule-like graphs: 6 to 14 atoms of 4 one-hot types on a random tree plus a
     * few ring bonds, bonds one-hot of 2 types; class "ring" if a ring bond was added.
     */
    static LearnTestGraphs.Labelled molecules(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            int order = 6 + random.nextInt(9);
            Graph.Builder builder = Graph.builder(4, 2);
            for (int i = 0; i < order; i++) {
                double[] atom = new double[4];
                atom[random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(3)] = 1.0;
                builder.addNode(atom);
            }
            for (int i = 1; i < order; i++) {
                builder.addEdge(random.nextInt(i), i, bond(random));
            }
            int rings = random.nextInt(3);
            for (int r = 0; r < rings; r++) {
                int a = random.nextInt(order);
                int b = random.nextInt(order);
                if (a != b && !builder.build().hasEdge(a, b)) {
                    builder.addEdge(a, b, bond(random));
                }
            }
            graphs.add(builder.build());
            labels.add(rings > 0 ? "ring" : "tree");
        }
        return new LearnTestGraphs.Labelled(graphs, labels);
    }

    private static double[] bond(SplittableRandom random) {
        double[] bond = new double[2];
        bond[random.nextDouble() < 0.8 ? 0 : 1] = 1.0;
        return bond;
    }
}
