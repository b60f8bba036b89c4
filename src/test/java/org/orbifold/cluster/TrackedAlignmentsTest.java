package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.match.CountingAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/** The seeding aligner and tracked alignments of {@link CentralClustering}. */
class TrackedAlignmentsTest {

    private static final long SEED = 20261205L;

    /** Overlapping families: Lloyd needs several iterations. */
    private static final double NOISE = 4.0;

    @Test
    void traceNeverRisesWithTrackingAndCheapSeeding() {
        Aligner faq = Aligners.byName("fast", 5);
        for (long seed = 0; seed < 3; seed++) {
            ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + seed, 6, NOISE);
            for (CenterUpdate update : CenterUpdate.values()) {
                for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(3),
                        CentralClustering.kMedians(3))) {
                    ClusteringResult result = builder.aligner(faq).seed(seed)
                            .seedingAligner(Aligners.byName("nodes", 0)).trackAlignments(true)
                            .centerUpdate(update).maxCenterOrder(4).tolerance(0.0).build()
                            .cluster(sample.graphs());
                    assertNonIncreasing(result.trace());
                    for (int size : result.clusterSizes()) {
                        assertTrue(size > 0, "an empty cluster survived");
                    }
                }
            }
        }
    }

    @Test
    void everyGraphToCenterDistanceIsComputedOrKept() {
        // Without pruning each assignment step settles n k alignments, each either by the
        // aligner or as a kept local optimum; the seeding computes k (n - 1).
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 3, 8, NOISE);
        int n = sample.graphs().size();
        int k = 3;
        ClusteringResult result = CentralClustering.kMeans(k).aligner(Aligners.byName("fast", 1))
                .trackAlignments(true).centerUpdate(CenterUpdate.SINGLE_STEP).pruning(false)
                .tolerance(0.0).seed(2).build().cluster(sample.graphs());
        assertTrue(result.iterations() >= 1, "the run made no iteration");
        assertEquals((long) k * (n - 1) + (long) result.iterations() * n * k,
                result.distanceComputations() + result.localOptimaKept());
        assertTrue(result.localOptimaKept() > 0, "no alignment was kept");
    }

    @Test
    void withoutTrackingNothingIsKept() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 4, 5, NOISE);
        ClusteringResult result = CentralClustering.kMeans(3).aligner(Aligners.byName("fast", 1))
                .centerUpdate(CenterUpdate.SINGLE_STEP).seed(1).build().cluster(sample.graphs());
        assertEquals(0L, result.localOptimaKept());
    }

    @Test
    void seedingAlignerComputesExactlyTheSeedingDistances() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 5, 5, NOISE);
        int n = sample.graphs().size();
        int k = 3;
        CountingAligner seeding = new CountingAligner(Aligners.byName("nodes", 0));
        ClusteringResult result = CentralClustering.kMeans(k).aligner(Aligners.byName("fast", 2))
                .seedingAligner(seeding).centerUpdate(CenterUpdate.SINGLE_STEP).seed(3).build()
                .cluster(sample.graphs());
        assertEquals((long) k * (n - 1), seeding.calls.get());
        assertNonIncreasing(result.trace());
    }

    @Test
    void seedingWithTheMainAlignerIsTheDefault() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 6, 5, NOISE);
        Aligner fast = Aligners.byName("fast", 4);
        ClusteringResult plain = CentralClustering.kMeans(3).aligner(fast).seed(5).build()
                .cluster(sample.graphs());
        ClusteringResult same = CentralClustering.kMeans(3).aligner(fast).seedingAligner(fast)
                .seed(5).build().cluster(sample.graphs());
        assertArrayEquals(plain.labels(), same.labels());
        assertArrayEquals(plain.trace(), same.trace(), 0.0);
    }

    @Test
    void trackedRunDoesNotDependOnTheNumberOfThreads() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 7, 6, NOISE);
        ExecutorService one = Executors.newFixedThreadPool(1);
        ExecutorService three = Executors.newFixedThreadPool(3);
        try {
            CentralClustering.Builder builder = CentralClustering.kMeans(3)
                    .aligner(Aligners.byName("fast", 9)).seedingAligner(Aligners.byName("nodes", 0))
                    .trackAlignments(true).centerUpdate(CenterUpdate.SINGLE_STEP).seed(3);
            ClusteringResult a = builder.executor(one).build().cluster(sample.graphs());
            ClusteringResult b = builder.executor(three).build().cluster(sample.graphs());
            assertArrayEquals(a.labels(), b.labels());
            assertArrayEquals(a.trace(), b.trace(), 0.0);
            assertEquals(a.localOptimaKept(), b.localOptimaKept());
            assertEquals(a.distanceComputations(), b.distanceComputations());
        } finally {
            one.shutdownNow();
            three.shutdownNow();
        }
    }

    @Test
    void restrictingToEverySlotKeepsTheDistance() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 8, 2, NOISE);
        Graph x = sample.graphs().get(2);
        Graph y = sample.graphs().get(1);
        GraphSpace space = GraphSpace.of(sample.graphs());
        Alignment a = Aligners.byName("fast", 0).align(space, x, y);
        int[] all = new int[x.order()];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        Permutation restricted = CenterFrame.restrict(a.permutation(), all, y.order());
        assertEquals(a.squaredDistance(), space.squaredDistance(x, y, restricted),
                1e-9 * (1.0 + a.squaredDistance()));
    }

    private static void assertNonIncreasing(double[] trace) {
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], "trace rose at " + t + ": " + trace[t - 1]
                    + " -> " + trace[t]);
        }
    }
}
