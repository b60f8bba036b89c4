package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligners;
import org.orbifold.match.CountingAligner;
import org.orbifold.stats.Status;

/** The lower-bound skips and the refresh interval of {@link CentralClustering}. */
class LowerBoundsAndRefreshTest {

    private static final long SEED = 20261207L;

    /** Overlapping families: Lloyd needs several iterations. */
    private static final double NOISE = 4.0;

    @Test
    void lowerBoundsChangeNothingButTheAlignmentCount() {
        // Without tracking a skipped center could not have been chosen, so the bounded run
        // is the unbounded one with fewer aligner calls.
        for (long seed = 0; seed < 3; seed++) {
            ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + seed, 6, 1.0);
            for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(3),
                    CentralClustering.kMedians(3), CentralClustering.kMeans(4))) {
                builder.aligner(Aligners.byName("fast", seed)).seed(seed)
                        .centerUpdate(CenterUpdate.SINGLE_STEP).maxCenterOrder(6)
                        .pruning(false).tolerance(0.0);
                ClusteringResult plain = builder.lowerBounds(false).build()
                        .cluster(sample.graphs());
                ClusteringResult bounded = builder.lowerBounds(true).build()
                        .cluster(sample.graphs());
                assertArrayEquals(plain.labels(), bounded.labels());
                assertArrayEquals(plain.trace(), bounded.trace(), 0.0);
                assertEquals(0L, plain.lowerBoundSkips());
                assertEquals(plain.distanceComputations(),
                        bounded.distanceComputations() + bounded.lowerBoundSkips());
            }
        }
    }

    @Test
    void lowerBoundsSkipFarCentersOfSeparatedFamilies() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 3, 8, 1.0);
        ClusteringResult result = CentralClustering.kMeans(3).aligner(Aligners.byName("fast", 1))
                .centerUpdate(CenterUpdate.SINGLE_STEP).lowerBounds(true).seed(1).build()
                .cluster(sample.graphs());
        assertTrue(result.lowerBoundSkips() > 0, "nothing was skipped");
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(sample.classes(), result.labels()),
                1e-12);
    }

    @Test
    void refreshedRunsNeverRiseAndCountEveryPair() {
        for (long seed = 0; seed < 3; seed++) {
            ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 4 + seed, 6,
                    NOISE);
            int n = sample.graphs().size();
            for (int interval : new int[] {1, 2, 3}) {
                ClusteringResult result = CentralClustering.kMeans(3)
                        .aligner(Aligners.byName("fast", seed)).seed(seed)
                        .trackAlignments(true).refreshInterval(interval)
                        .centerUpdate(CenterUpdate.SINGLE_STEP).maxCenterOrder(5)
                        .pruning(false).tolerance(0.0).build().cluster(sample.graphs());
                assertNonIncreasing(result.trace());
                assertEquals(3L * (n - 1) + (long) result.iterations() * n * 3,
                        result.distanceComputations() + result.localOptimaKept());
            }
        }
    }

    @Test
    void polishingPassesCallNoAlignerAndOnlyARefreshPassEndsTheRun() {
        // With the main aligner as seeding aligner every pair has a tracked alignment, so a
        // pass either polishes only (no call) or refreshes every pair (n k calls). Refresh
        // passes fall on multiples of the interval, or follow a polishing pass that met the
        // stopping rule; the run converges only on a refresh pass.
        int interval = 3;
        int polishingPasses = 0;
        for (long seed = 0; seed < 4; seed++) {
            ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 8 + seed, 6,
                    NOISE);
            long pairs = 3L * sample.graphs().size();
            CountingAligner aligner = new CountingAligner(Aligners.byName("fast", seed));
            List<Long> calls = new ArrayList<>();
            ClusteringResult result = CentralClustering.kMeans(3).aligner(aligner).seed(seed)
                    .trackAlignments(true).refreshInterval(interval)
                    .centerUpdate(CenterUpdate.SINGLE_STEP).pruning(false).tolerance(1e-3)
                    .listener((iteration, objective, decrease, nanos) -> {
                        calls.add(aligner.calls.get());
                        return true;
                    }).build().cluster(sample.graphs());
            boolean previousRefreshed = true;
            for (int t = 2; t <= result.iterations(); t++) {
                long made = calls.get(t - 1) - calls.get(t - 2);
                boolean refreshed = made == pairs;
                assertTrue(made == 0 || refreshed, "seed " + seed + ": pass " + t + " made "
                        + made + " calls");
                assertTrue(!refreshed || t % interval == 0 || !previousRefreshed, "seed "
                        + seed + ": unexpected refresh pass " + t);
                polishingPasses += refreshed ? 0 : 1;
                previousRefreshed = refreshed;
            }
            if (result.status() == Status.CONVERGED && result.iterations() >= 2) {
                assertTrue(previousRefreshed, "seed " + seed + ": converged on a polishing"
                        + " pass");
            }
        }
        assertTrue(polishingPasses > 0, "no polishing pass ran");
    }

    @Test
    void boundedRefreshedRunDoesNotDependOnTheNumberOfThreads() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 12, 6, NOISE);
        ExecutorService one = Executors.newFixedThreadPool(1);
        ExecutorService three = Executors.newFixedThreadPool(3);
        try {
            CentralClustering.Builder builder = CentralClustering.kMeans(3)
                    .aligner(Aligners.byName("fast", 9)).seedingAligner(Aligners.byName("nodes", 0))
                    .trackAlignments(true).refreshInterval(2).lowerBounds(true)
                    .centerUpdate(CenterUpdate.SINGLE_STEP).tolerance(1e-4).seed(3);
            ClusteringResult a = builder.executor(one).build().cluster(sample.graphs());
            ClusteringResult b = builder.executor(three).build().cluster(sample.graphs());
            assertArrayEquals(a.labels(), b.labels());
            assertArrayEquals(a.trace(), b.trace(), 0.0);
            assertEquals(a.localOptimaKept(), b.localOptimaKept());
            assertEquals(a.lowerBoundSkips(), b.lowerBoundSkips());
            assertEquals(a.distanceComputations(), b.distanceComputations());
            assertNonIncreasing(a.trace());
        } finally {
            one.shutdownNow();
            three.shutdownNow();
        }
    }

    @Test
    void refreshIntervalIsChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(2).refreshInterval(-1));
        CentralClustering.Builder untracked = CentralClustering.kMeans(2)
                .aligner(Aligners.byName("fast", 0)).refreshInterval(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, untracked::build);
        assertTrue(e.getMessage().contains("trackAlignments"), e.getMessage());
    }

    private static void assertNonIncreasing(double[] trace) {
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], "trace rose at " + t + ": " + trace[t - 1]
                    + " -> " + trace[t]);
        }
    }
}
