package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.CountingAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * A {@link MeanCache} returns exactly what the mean computes, computes once per key, and
 * tells apart every input and setting the mean depends on.
 */
class MeanCacheTest {

    private static final List<Graph> GRAPHS = TestGraphs.random(7, 12, 3, 6, 2, 0.5);
    private static final GraphSpace SPACE = GraphSpace.of(GRAPHS);

    private static void assertSameResult(CenterResult expected, CenterResult actual) {
        assertEquals(expected.center(), actual.center());
        assertEquals(Double.doubleToLongBits(expected.objective()),
                Double.doubleToLongBits(actual.objective()));
        assertArrayEquals(expected.trace(), actual.trace());
        assertEquals(expected.iterations(), actual.iterations());
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.runs(), actual.runs());
        assertEquals(expected.alignments().size(), actual.alignments().size());
        for (int i = 0; i < expected.alignments().size(); i++) {
            assertEquals(expected.alignments().get(i).permutation(),
                    actual.alignments().get(i).permutation());
        }
    }

    /** Copies of the graphs: equal, but other objects. */
    private static List<Graph> copies(List<Graph> graphs) {
        List<Graph> result = new ArrayList<>();
        for (Graph g : graphs) {
            result.add(g.permute(Permutation.identity(g.order())));
        }
        return result;
    }

    @Test
    void reusedResultIsTheComputedOneAndAlignsNothing() {
        Aligner faq = Aligners.byName("faq", 1);
        CenterResult plain = FrechetMean.builder().aligner(faq).build().compute(SPACE, GRAPHS);

        MeanCache cache = new MeanCache(4);
        CountingAligner counting = new CountingAligner(faq);
        FrechetMean cached = FrechetMean.builder().aligner(counting).cache(cache).build();
        CenterResult first = cached.compute(SPACE, GRAPHS);
        long made = counting.calls.get();
        assertSameResult(plain, first);

        // Another estimator with the same settings, equal copies of the graphs, an equal
        // space of its own and another executor: the held result, no alignment.
        FrechetMean other = FrechetMean.builder().aligner(counting).cache(cache)
                .executor(new ForkJoinPool(1)).build();
        GraphSpace equalSpace = new GraphSpace(SPACE.size(), SPACE.nodeDimension(),
                SPACE.edgeDimension(), SPACE.nodeWeight(), SPACE.edgeWeight());
        CenterResult second = other.compute(equalSpace, copies(GRAPHS));
        assertSame(first, second);
        assertEquals(made, counting.calls.get(), "a reused mean aligned something");
        assertEquals(1, cache.computed());
        assertEquals(1, cache.reused());
        assertEquals(1, cache.size());
    }

    @Test
    void everyInputAndSettingIsPartOfTheKey() {
        CountingAligner counting = new CountingAligner(Aligners.byName("faq", 1));
        MeanCache cache = new MeanCache(100);
        FrechetMean base = FrechetMean.builder().aligner(counting).cache(cache).build();
        base.compute(SPACE, GRAPHS);

        // One attribute changed in the last bit.
        List<Graph> nudged = new ArrayList<>(GRAPHS);
        double[] nodes = GRAPHS.get(3).nodeArray();
        nodes[0] = Math.nextUp(nodes[0]);
        Graph g3 = GRAPHS.get(3);
        nudged.set(3, Graph.fromArrays(g3.order(), g3.nodeDimension(), g3.edgeDimension(),
                g3.isDirected(), nodes, g3.edgeArray()));
        List<Graph> swapped = new ArrayList<>(GRAPHS);
        swapped.set(0, GRAPHS.get(1));
        swapped.set(1, GRAPHS.get(0));
        GraphSpace heavierEdges = new GraphSpace(SPACE.size(), SPACE.nodeDimension(),
                SPACE.edgeDimension(), SPACE.nodeWeight(), 0.5);
        GraphSpace larger = new GraphSpace(SPACE.size() + 1, SPACE.nodeDimension(),
                SPACE.edgeDimension(), SPACE.nodeWeight(), SPACE.edgeWeight());
        double[] weights = new double[GRAPHS.size()];
        Arrays.fill(weights, 1.0);
        weights[2] = 2.0;

        base.compute(SPACE, nudged);
        base.compute(SPACE, swapped);
        base.compute(SPACE, GRAPHS.subList(0, GRAPHS.size() - 1));
        base.compute(heavierEdges, GRAPHS);
        base.compute(larger, GRAPHS);
        base.compute(SPACE, GRAPHS, weights);
        FrechetMean.builder().aligner(new CountingAligner(counting.inner())).cache(cache).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache).maxIterations(3).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache).tolerance(1e-3).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache)
                .start(FrechetMean.Start.INCREMENTAL_MEAN).build().compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache)
                .start(FrechetMean.Start.INCREMENTAL_MEAN).seed(5).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache).restarts(2).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache).initial(GRAPHS.get(4)).build()
                .compute(SPACE, GRAPHS);
        assertEquals(14, cache.computed(), "some computation was taken for another");
        assertEquals(0, cache.reused());

        // The unit weights given explicitly are another key than no weights (as given),
        // and a listener bypasses the cache.
        double[] ones = new double[GRAPHS.size()];
        Arrays.fill(ones, 1.0);
        base.compute(SPACE, GRAPHS, ones);
        FrechetMean.builder().aligner(counting).cache(cache)
                .listener((iteration, objective, step, nanos) -> true).build()
                .compute(SPACE, GRAPHS);
        assertEquals(15, cache.computed());
        assertEquals(0, cache.reused());
        assertEquals(15, cache.size());
    }

    @Test
    void theStartingMedoidCountsByInstanceAndTheWeightsAsTheyWereGiven() {
        CountingAligner counting = new CountingAligner(Aligners.byName("faq", 1));
        MeanCache cache = new MeanCache(10);
        MedoidResult medoid = Medoid.compute(SPACE, GRAPHS, counting, true);
        MedoidResult sameMedoid = Medoid.compute(SPACE, GRAPHS, counting, true);
        FrechetMean.builder().aligner(counting).cache(cache).initial(medoid).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache).initial(medoid).build()
                .compute(SPACE, GRAPHS);
        FrechetMean.builder().aligner(counting).cache(cache).initial(sameMedoid).build()
                .compute(SPACE, GRAPHS);
        assertEquals(2, cache.computed(), "an equal medoid of another instance is another key");
        assertEquals(1, cache.reused());

        // The key keeps a copy of the weights: changing the caller's array afterwards neither
        // finds the old result for the new weights nor loses it for the old ones.
        FrechetMean mean = FrechetMean.builder().aligner(counting).cache(cache).build();
        double[] weights = new double[GRAPHS.size()];
        Arrays.fill(weights, 1.0);
        weights[1] = 3.0;
        CenterResult before = mean.compute(SPACE, GRAPHS, weights);
        weights[1] = 0.5;
        CenterResult after = mean.compute(SPACE, GRAPHS, weights);
        assertEquals(4, cache.computed());
        assertSameResult(FrechetMean.builder().aligner(counting).build()
                .compute(SPACE, GRAPHS, weights), after);
        weights[1] = 3.0;
        assertSame(before, mean.compute(SPACE, GRAPHS, weights.clone()));
        assertEquals(4, cache.computed());
    }

    @Test
    void capacityDropsTheLeastRecentlyUsedAndRecomputesTheSame() {
        CountingAligner counting = new CountingAligner(Aligners.byName("faq", 1));
        MeanCache cache = new MeanCache(2);
        FrechetMean mean = FrechetMean.builder().aligner(counting).cache(cache).build();
        List<Graph> a = GRAPHS.subList(0, 6);
        List<Graph> b = GRAPHS.subList(6, 12);
        List<Graph> c = GRAPHS.subList(3, 9);
        CenterResult first = mean.compute(SPACE, a);
        mean.compute(SPACE, b);
        mean.compute(SPACE, a);
        mean.compute(SPACE, c);
        assertEquals(2, cache.size());
        assertEquals(3, cache.computed());
        assertEquals(1, cache.reused());
        mean.compute(SPACE, a);
        CenterResult again = mean.compute(SPACE, b);
        assertEquals(4, cache.computed(), "b, the least recently used, was dropped");
        assertSameResult(FrechetMean.builder().aligner(counting).build().compute(SPACE, b),
                again);
        assertSame(first, mean.compute(SPACE, a));

        cache.clear();
        assertEquals(0, cache.size());
        assertSameResult(first, mean.compute(SPACE, a));
        assertEquals(5, cache.computed());
    }

    @Test
    void failuresStoreNothingAndCapacityIsChecked() {
        MeanCache cache = new MeanCache(1);
        FrechetMean mean = FrechetMean.builder().aligner(Aligners.byName("faq", 1))
                .cache(cache).build();
        assertThrows(IllegalArgumentException.class, () -> mean.compute(SPACE, List.of()));
        double[] negative = new double[GRAPHS.size()];
        negative[0] = -1.0;
        assertThrows(IllegalArgumentException.class,
                () -> mean.compute(SPACE, GRAPHS, negative));
        assertEquals(0, cache.size());
        assertEquals(0, cache.computed());
        assertThrows(IllegalArgumentException.class, () -> new MeanCache(0));
    }
}
