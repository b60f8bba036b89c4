package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.learn.ValidationSearch.Candidate;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * k-NN models that share a {@link NeighborTable} predict and score exactly as models
 * without it, with or without lower bounds, for every thread count, with ties in distance;
 * each query is searched once per training set, however many {@code k} share it.
 */
class NeighborTableTest {

    private static final Aligner FAQ = Aligners.byName("faq", 1);

    /**
     * The letters' rounds with every fifth training graph repeated (for ties) and a query
     * equal to a training graph (distance 0 to both copies).
     */
    private static LetterRounds letters() throws IOException {
        LetterRounds d = LetterRounds.read(true);
        d.validation().add(d.train().get(0));
        d.validationLabels().add(d.trainLabels().get(0));
        return d;
    }

    private static NearestNeighbors knn(int k, boolean bounds, NeighborTable table) {
        return NearestNeighbors.builder().aligner(FAQ).k(k).lowerBounds(bounds).table(table)
                .build();
    }

    @Test
    void sharedModelsPredictAndScoreAsAlone() throws IOException {
        LetterRounds d = letters();
        for (boolean bounds : new boolean[] {true, false}) {
            NeighborTable table = new NeighborTable(7, 1);
            int[] ks = {1, 3, 5, 7};
            long alone = 0;
            long shared = 0;
            for (int k : ks) {
                NearestNeighbors.Model plain = knn(k, bounds, null).fit(d.space(), d.train(),
                        d.trainLabels());
                NearestNeighbors.Model sharing = knn(k, bounds, table).fit(d.space(),
                        d.train(), d.trainLabels());
                for (Graph q : d.validation()) {
                    assertEquals(plain.predict(q), sharing.predict(q), "k " + k);
                    assertArrayEquals(plain.scores(q), sharing.scores(q), "k " + k);
                }
                alone += plain.alignmentsComputed();
                shared += sharing.alignmentsComputed();
            }
            int queries = d.validation().size();
            // predict and scores each ask once per query and k; the first k searches.
            assertEquals(queries, table.searched(), "bounds " + bounds);
            assertEquals(2L * queries * ks.length - queries, table.reused());
            assertTrue(shared < alone, shared + " alignments shared, " + alone + " alone");
            if (!bounds) {
                assertEquals((long) queries * d.train().size(), shared,
                        "without bounds the one search per query aligns every training graph");
            }

            // Closed: the models search their own k again, as without the table.
            table.close();
            NearestNeighbors.Model after = knn(3, bounds, table).fit(d.space(), d.train(),
                    d.trainLabels());
            NearestNeighbors.Model plain = knn(3, bounds, null).fit(d.space(), d.train(),
                    d.trainLabels());
            assertEquals(plain.predictAll(d.test(), Runnable::run),
                    after.predictAll(d.test(), Runnable::run));
            assertEquals(plain.alignmentsComputed(), after.alignmentsComputed());
            assertEquals(queries, table.searched());
        }
    }

    @Test
    void theLeastRecentlyUsedTrainingSetIsDroppedAndQueriesAreFoundByContent()
            throws IOException {
        LetterRounds d = letters();
        NeighborTable table = new NeighborTable(2, 1);
        Graph q = d.validation().get(7);
        Graph copy = q.permute(Permutation.identity(q.order()));
        GraphSpace lighter = new GraphSpace(d.space().size(), d.space().nodeDimension(),
                d.space().edgeDimension(), d.space().nodeWeight(), 0.5);
        NearestNeighbors.Model a = knn(2, true, table).fit(d.space(), d.train(),
                d.trainLabels());
        NearestNeighbors.Model b = knn(2, true, table).fit(lighter, d.train(), d.trainLabels());
        double[] first = a.scores(q);
        long aligned = a.alignmentsComputed();
        // An equal query of another instance: found, no alignment.
        assertArrayEquals(first, a.scores(copy));
        assertEquals(aligned, a.alignmentsComputed());
        assertEquals(1, table.reused());
        // Another training set takes the only place; a's query is searched again, the same.
        b.scores(q);
        assertArrayEquals(first, a.scores(q));
        assertEquals(3, table.searched());
        assertEquals(2 * aligned, a.alignmentsComputed());
    }

    @Test
    void onlyEqualTrainingSetsShareAndDeeperModelsSearchAlone() throws IOException {
        LetterRounds d = letters();
        NeighborTable table = new NeighborTable(3, 2);
        Graph q = d.validation().get(4);
        knn(3, true, table).fit(d.space(), d.train(), d.trainLabels()).predict(q);
        // The same graphs in another list: shared. Another order, another space, another
        // aligner or the other search: not.
        knn(1, true, table).fit(d.space(), new ArrayList<>(d.train()), d.trainLabels()).predict(q);
        assertEquals(1, table.searched());
        assertEquals(1, table.reused());
        List<Graph> reversed = new ArrayList<>(d.train());
        Collections.reverse(reversed);
        List<String> reversedLabels = new ArrayList<>(d.trainLabels());
        Collections.reverse(reversedLabels);
        knn(1, true, table).fit(d.space(), reversed, reversedLabels).predict(q);
        GraphSpace lighter = new GraphSpace(d.space().size(), d.space().nodeDimension(),
                d.space().edgeDimension(), d.space().nodeWeight(), 0.5);
        knn(1, true, table).fit(lighter, d.train(), d.trainLabels()).predict(q);
        NearestNeighbors.builder().aligner(Aligners.byName("faq", 1)).k(1).table(table)
                .build().fit(d.space(), d.train(), d.trainLabels()).predict(q);
        knn(1, false, table).fit(d.space(), d.train(), d.trainLabels()).predict(q);
        assertEquals(5, table.searched());
        assertEquals(1, table.reused());

        // k above the depth: the model's own search, not the table's.
        NearestNeighbors.Model deep = knn(5, true, table).fit(d.space(), d.train(),
                d.trainLabels());
        assertEquals(knn(5, true, null).fit(d.space(), d.train(), d.trainLabels()).predict(q),
                deep.predict(q));
        assertEquals(5, table.searched());
        assertThrows(IllegalArgumentException.class, () -> new NeighborTable(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NeighborTable(1, 0));
    }

    @Test
    void searchOverSharedKGivesTheSameForEveryThreadCount() throws IOException {
        LetterRounds d = letters();
        int[] alone = null;
        List<String> aloneTest = null;
        for (int threads : new int[] {1, 1, 2, 3}) {
            // The first pass runs without a table.
            NeighborTable table = aloneTest == null ? null : new NeighborTable(9, 1);
            List<Candidate> candidates = new ArrayList<>();
            for (double edgeWeight : new double[] {1.0, 0.5}) {
                GraphSpace space = new GraphSpace(d.space().size(), d.space().nodeDimension(),
                        d.space().edgeDimension(), 1.0, edgeWeight);
                for (int k : new int[] {1, 3, 5, 9}) {
                    candidates.add(new Candidate("k " + k, space, knn(k, true, table)));
                }
            }
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                ValidationSearch.Result result = ValidationSearch.search(candidates, d.train(),
                        d.trainLabels(), d.validation(), d.validationLabels(), pool);
                if (table != null) {
                    table.close();
                }
                List<String> test = result.chosenModel().predictAll(d.test(), pool);
                if (aloneTest == null) {
                    alone = result.correct();
                    aloneTest = test;
                    continue;
                }
                assertArrayEquals(alone, result.correct(), threads + " threads");
                assertEquals(aloneTest, test, threads + " threads");
                assertEquals(2L * d.validation().size(), table.searched());
                assertEquals(6L * d.validation().size(), table.reused());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
