package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.match.NodeAssignmentAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.Status;

class CentralClusteringTest {

    /** ARI of a perfect recovery. */
    private static final double TOL = 1e-12;

    /** Families well apart relative to their noise. */
    private static final double NOISE = 0.5;

    private static final long SEED = 20261204L;

    @Test
    void kMeansRecoversThreeFamiliesWithTheExactAligner() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 6, NOISE);
        ClusteringResult result = CentralClustering.kMeans(3).aligner(new ExactAligner(1))
                .seed(7).restarts(2).build().cluster(sample.graphs());

        assertEquals(1.0, ClusterValidity.adjustedRandIndex(result.labels(), sample.classes()),
                TOL);
        assertEquals(1.0, ClusterValidity.purity(result.labels(), sample.classes()), TOL);
        assertEquals(Status.CONVERGED, result.status());
        assertNonIncreasing(result.trace());
        assertEquals(result.trace()[result.iterations()], result.objective(), 0.0);
        double best = Arrays.stream(result.restartObjectives()).min().orElseThrow();
        assertEquals(best, result.objective(), 0.0);
    }

    @Test
    void everyMethodRecoversThreeFamiliesWithTheFaqAligner() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 1, 8, NOISE);
        Aligner faq = Aligners.byName("faq", 3);
        List<CentralClustering.Builder> builders = List.of(CentralClustering.kMeans(3),
                CentralClustering.kMedians(3), CentralClustering.kMedoids(3));
        for (CentralClustering.Builder builder : builders) {
            CentralClustering clustering = builder.aligner(faq).seed(11).restarts(3).build();
            ClusteringResult result = clustering.cluster(sample.graphs());
            assertEquals(1.0, ClusterValidity.adjustedRandIndex(result.labels(),
                    sample.classes()), TOL, clustering.method().toString());
            assertNonIncreasing(result.trace());
        }
    }

    @Test
    void traceNeverRisesOnOverlappingData() {
        // Noise larger than the family spacing: clusters overlap, Lloyd must work.
        Aligner faq = Aligners.byName("faq", 5);
        for (long seed = 0; seed < 3; seed++) {
            ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(seed, 6, 6.0);
            for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(4),
                    CentralClustering.kMedians(4), CentralClustering.kMedoids(4))) {
                ClusteringResult result = builder.aligner(faq).seed(seed).restarts(2)
                        .tolerance(0.0).build().cluster(sample.graphs());
                assertNonIncreasing(result.trace());
                assertEquals(4, result.clusters());
                for (int size : result.clusterSizes()) {
                    assertTrue(size > 0, "an empty cluster survived");
                }
            }
        }
    }

    @Test
    void traceNeverRisesEvenWithARandomAligner() {
        // An aligner that answers a fresh random permutation on every call, ignoring the warm
        // start: only the keep-unless-better rules protect the objective.
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 7, 5, 2.0);
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(3),
                    CentralClustering.kMedians(3), CentralClustering.kMedoids(3))) {
                ClusteringResult result = builder.aligner(new RandomAligner(13)).seed(4)
                        .tolerance(0.0).maxIterations(20).executor(single).build()
                        .cluster(sample.graphs());
                assertNonIncreasing(result.trace());
            }
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 2, 6, 4.0);
        ExecutorService one = Executors.newFixedThreadPool(1);
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            for (CentralClustering.Builder method : List.of(CentralClustering.kMeans(3),
                    CentralClustering.kMedians(3), CentralClustering.kMedoids(3))) {
                ClusteringResult a = method.aligner(Aligners.byName("faq", 9)).seed(3)
                        .restarts(2).executor(one).build().cluster(sample.graphs());
                ClusteringResult b = method.executor(four).build().cluster(sample.graphs());
                assertArrayEquals(a.labels(), b.labels());
                assertArrayEquals(a.trace(), b.trace(), 0.0);
                assertEquals(a.objective(), b.objective(), 0.0);
                assertEquals(a.centers(), b.centers());
                assertEquals(a.distanceComputations(), b.distanceComputations());
                // The record compares its arrays by content, so the results are equal.
                assertEquals(a, b);
                assertEquals(a.hashCode(), b.hashCode());
                assertEquals(a.toString(), b.toString());
            }
        } finally {
            one.shutdownNow();
            four.shutdownNow();
        }
    }

    @Test
    void kMeansObjectiveIsAtMostTheSquaredKMedoidsObjective() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 3, 5, NOISE);
        Aligner exact = new ExactAligner(2);
        ClusteringResult means = CentralClustering.kMeans(3).aligner(exact).seed(5).build()
                .cluster(sample.graphs());
        ClusteringResult medoids = CentralClustering.kMedoids(3).aligner(exact).seed(5)
                .squaredMedoidCosts(true).build().cluster(sample.graphs());
        assertTrue(means.objective() <= medoids.objective(),
                means.objective() + " > " + medoids.objective());
    }

    @Test
    void kMedoidsCentersAreMembersAndObjectiveReadsTheDistanceMatrix() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 4, 4, NOISE);
        Aligner exact = new ExactAligner(4);
        List<Graph> graphs = sample.graphs();
        ClusteringResult result = CentralClustering.kMedoids(3).aligner(exact).seed(1).build()
                .cluster(graphs);
        double[][] d = Medoid.distanceMatrix(GraphSpace.of(graphs), graphs, exact,
                Executors.newSingleThreadExecutor());
        int[] labels = result.labels();
        int[] medoids = result.medoids();
        double objective = 0.0;
        for (int i = 0; i < graphs.size(); i++) {
            objective += d[i][medoids[labels[i]]];
        }
        assertEquals(objective, result.objective(), 1e-9);
        for (int k = 0; k < 3; k++) {
            assertEquals(graphs.get(medoids[k]), result.centers().get(k));
            assertEquals(k, labels[medoids[k]]);
        }
        int n = graphs.size();
        assertEquals((long) n * (n - 1) / 2, result.distanceComputations());
    }

    @Test
    void distanceComputationsCountSeedingAndAssignments() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 5, 4, NOISE);
        int n = sample.graphs().size();
        int k = 3;
        ClusteringResult result = CentralClustering.kMeans(k).aligner(Aligners.byName("faq", 1))
                .build().cluster(sample.graphs());
        // The first assignment reuses the seeding distances; pruned ones were not computed.
        long expected = (long) k * (n - 1) + (long) n * k * result.iterations();
        assertEquals(expected, result.distanceComputations() - result.boundComputations()
                + result.distancesPruned());
    }

    @Test
    void pointPatternsClusterWithTheNodeAssignmentAligner() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.pointPatterns(SEED, 7);
        for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(3),
                CentralClustering.kMedians(3), CentralClustering.kMedoids(3))) {
            ClusteringResult result = builder.aligner(new NodeAssignmentAligner()).seed(2)
                    .restarts(3).build().cluster(sample.graphs());
            assertEquals(1.0, ClusterValidity.adjustedRandIndex(result.labels(),
                    sample.classes()), TOL);
            assertNonIncreasing(result.trace());
        }
    }

    @Test
    void oneClusterHasTheMeanOfAllGraphs() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.pointPatterns(SEED + 1, 2);
        ClusteringResult result = CentralClustering.kMeans(1)
                .aligner(new NodeAssignmentAligner()).build().cluster(sample.graphs());
        assertArrayEquals(new int[sample.graphs().size()], result.labels());
        assertNonIncreasing(result.trace());
    }

    @Test
    void listenerCanStopTheRun() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 6, 6, 6.0);
        List<Double> seen = new ArrayList<>();
        ClusteringResult result = CentralClustering.kMeans(4)
                .aligner(Aligners.byName("faq", 1)).tolerance(0.0)
                .listener((iteration, objective, step, nanos) -> {
                    seen.add(objective);
                    return false;
                }).build().cluster(sample.graphs());
        assertEquals(1, result.iterations());
        assertEquals(1, seen.size());
        assertEquals(seen.get(0), result.objective(), 0.0);
        assertTrue(result.status() == Status.STOPPED_BY_LISTENER
                || result.status() == Status.CONVERGED);
    }

    @Test
    void failPolicyOrReseedingKeepsEveryClusterNonEmpty() {
        // Two identical points and one far point with k = 2 never empties a cluster, so FAIL
        // must not throw here.
        List<Graph> graphs = List.of(point(0, 0), point(0.1, 0), point(10, 10));
        ClusteringResult result = CentralClustering.kMeans(2)
                .aligner(new NodeAssignmentAligner())
                .emptyClusterPolicy(EmptyClusterPolicy.FAIL).build().cluster(graphs);
        assertEquals(result.labels()[0], result.labels()[1]);
        assertTrue(result.labels()[0] != result.labels()[2]);
    }

    @Test
    void rejectsBadInput() {
        Aligner nodes = new NodeAssignmentAligner();
        List<Graph> three = List.of(point(0, 0), point(1, 0), point(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(0));
        assertTrue(e.getMessage().contains("k must be >= 1"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(3).aligner(nodes).build().cluster(three));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMedoids(1).aligner(nodes).build().cluster(List.of()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        Graph.Builder otherBuilder = Graph.builder(3, 0);
        otherBuilder.addNode(1, 2, 3);
        Graph other = otherBuilder.build();
        e = assertThrows(IllegalArgumentException.class, () -> CentralClustering.kMeans(1)
                .aligner(nodes).build().cluster(List.of(point(0, 0), other)));
        assertTrue(e.getMessage().contains("graph 1"), e.getMessage());

        GraphSpace plane = GraphSpace.of(List.of(point(0, 0)));
        e = assertThrows(IllegalArgumentException.class, () -> CentralClustering.kMeans(1)
                .aligner(nodes).build().cluster(plane, List.of(point(0, 0), other)));
        assertTrue(e.getMessage().contains("graphs[1]"), e.getMessage());

        List<Graph> withNull = Arrays.asList(point(0, 0), null);
        e = assertThrows(IllegalArgumentException.class, () -> CentralClustering.kMeans(1)
                .aligner(nodes).build().cluster(withNull));
        assertTrue(e.getMessage().contains("graphs[1]"), e.getMessage());

        assertThrows(IllegalStateException.class, () -> CentralClustering.kMeans(2).build());
        assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(2).restarts(0));
        assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(2).tolerance(Double.NaN));
        e = assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(2).maxCenterOrder(-1));
        assertTrue(e.getMessage().contains("maxCenterOrder"), e.getMessage());
    }

    /**
     * Too many clusters is one exception type with the counts, for labelled duplicates (found
     * before the work) and for relabelled copies (found by the seeding, which aligns the
     * copies at distance 0).
     */
    @Test
    void tooFewDistinctGraphsGivesTheCountsAndWhetherUpToRelabelling() {
        Aligner nodes = new NodeAssignmentAligner();
        List<Graph> duplicates = List.of(point(0, 0), point(1, 0), point(0, 0));
        TooFewDistinctGraphsException labelled = assertThrows(
                TooFewDistinctGraphsException.class,
                () -> CentralClustering.kMeans(3).aligner(nodes).build().cluster(duplicates));
        assertEquals(2, labelled.distinct());
        assertEquals(3, labelled.graphs());
        assertEquals(3, labelled.clusters());
        assertFalse(labelled.upToRelabelling());

        // A path 1-2-3 written from either end and from its middle: three matrices, one
        // graph up to relabelling.
        List<Graph> copies = List.of(path(new double[] {1, 2, 3}, 0, 1, 1, 2),
                path(new double[] {3, 2, 1}, 0, 1, 1, 2),
                path(new double[] {2, 1, 3}, 0, 1, 0, 2));
        for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(2),
                CentralClustering.kMedoids(2))) {
            TooFewDistinctGraphsException e = assertThrows(TooFewDistinctGraphsException.class,
                    () -> builder.aligner(new ExactAligner(1)).build().cluster(copies));
            assertEquals(1, e.distinct());
            assertEquals(3, e.graphs());
            assertEquals(2, e.clusters());
            assertTrue(e.upToRelabelling());
        }
    }

    /**
     * An undirected graph of one-attribute nodes and unit edges, the edges given as pairs of
     * node indices.
     */
    private static Graph path(double[] nodes, int... ends) {
        Graph.Builder builder = Graph.builder(1, 1);
        for (double value : nodes) {
            builder.addNode(value);
        }
        for (int e = 0; e < ends.length; e += 2) {
            builder.addEdge(ends[e], ends[e + 1], 1.0);
            builder.addEdge(ends[e + 1], ends[e], 1.0);
        }
        return builder.build();
    }

    /**
     * A cap of one node cannot beat a seed graph of several nodes, so every capped update is
     * refused and the result counts the refusals and the centers left at their seeds; without
     * the cap nothing is refused and every center moves.
     */
    @Test
    void refusedCappedUpdatesAndCentersLeftAtTheirSeedsAreCounted() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 6, NOISE);
        for (CenterUpdate update : CenterUpdate.values()) {
            CentralClustering.Builder builder = CentralClustering.kMeans(3)
                    .aligner(new ExactAligner(1)).seed(7).restarts(2).centerUpdate(update);
            ClusteringResult capped = builder.maxCenterOrder(1).build()
                    .cluster(sample.graphs());
            ClusteringResult free = builder.maxCenterOrder(0).build()
                    .cluster(sample.graphs());

            assertTrue(capped.cappedUpdatesRefused() >= 3L * 2, update + ": "
                    + capped.cappedUpdatesRefused());
            assertEquals(3, capped.seedCentersKept(), update.toString());
            assertEquals(0L, free.cappedUpdatesRefused(), update.toString());
            assertEquals(0, free.seedCentersKept(), update.toString());
        }
        ClusteringResult medoids = CentralClustering.kMedoids(3).aligner(new ExactAligner(1))
                .seed(7).build().cluster(sample.graphs());
        assertEquals(0L, medoids.cappedUpdatesRefused());
        assertEquals(0, medoids.seedCentersKept());
    }

    /**
     * The refusals count center updates, one per cluster and iteration, not candidates: when
     * a cap of one node makes every candidate worse than its seed, a refused Fréchet mean and
     * its refused one-step fallback are one refused update, so k-means and k-medians under
     * either update refuse exactly k per iteration.
     */
    @Test
    void refusedCappedUpdatesCountOncePerClusterAndIteration() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 6, NOISE);
        for (CenterUpdate update : CenterUpdate.values()) {
            for (boolean means : new boolean[] {true, false}) {
                CentralClustering.Builder builder = means ? CentralClustering.kMeans(3)
                        : CentralClustering.kMedians(3);
                ClusteringResult capped = builder.aligner(new ExactAligner(1)).seed(7)
                        .centerUpdate(update).maxCenterOrder(1).build()
                        .cluster(sample.graphs());
                String what = update + (means ? " k-means" : " k-medians");

                assertEquals(3, capped.seedCentersKept(), what);
                assertEquals(3L * capped.iterations(), capped.cappedUpdatesRefused(), what);
            }
        }
    }

    /** Returns a seeded random permutation for every call; not thread-safe. */
    private static final class RandomAligner implements Aligner {

        private final SplittableRandom random;

        RandomAligner(long seed) {
            this.random = new SplittableRandom(seed);
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y) {
            int n = Math.max(x.order(), y.order());
            return Alignment.of(space, x, y, Permutation.random(n, random), false);
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
            return Alignment.of(space, x, y, Permutation.random(start.size(), random), false);
        }

        @Override
        public String name() {
            return "random";
        }
    }

    private static Graph point(double x, double y) {
        Graph.Builder builder = Graph.builder(2, 0);
        builder.addNode(x, y);
        return builder.build();
    }

    private static void assertNonIncreasing(double[] trace) {
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], "trace rose at " + t + ": "
                    + Arrays.toString(trace));
        }
    }

    @Test
    void perGraphDistancesAreTheOwnCenterDistancesAndSumToTheObjective() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 5, 4, 3.0);
        List<Graph> graphs = sample.graphs();
        GraphSpace space = GraphSpace.of(graphs);
        ExactAligner exact = new ExactAligner(1);
        double[][] matrix = Medoid.distanceMatrix(space, graphs, exact,
                ForkJoinPool.commonPool());
        List<CentralClustering.Builder> builders = List.of(CentralClustering.kMeans(3),
                CentralClustering.kMedians(3), CentralClustering.kMedoids(3),
                CentralClustering.kMedoids(3).squaredMedoidCosts(true));
        List<Boolean> squaredCosts = List.of(true, false, false, true);
        for (int b = 0; b < builders.size(); b++) {
            CentralClustering.Builder builder = builders.get(b).aligner(exact).seed(3)
                    .restarts(2);
            if (b >= 2) {
                builder.distances(matrix);
            }
            ClusteringResult result = builder.build().cluster(space, graphs);
            double[] d = result.distances();
            int[] labels = result.labels();

            assertEquals(graphs.size(), d.length);
            double sum = 0.0;
            for (int i = 0; i < d.length; i++) {
                double own = b >= 2 ? matrix[i][result.medoids()[labels[i]]]
                        : exact.align(space, result.centers().get(labels[i]), graphs.get(i))
                                .distance();
                // The exact aligner's distance to the own center, which the run attains.
                assertEquals(own, d[i], 1e-9 * (1.0 + own), "builder " + b + ", graph " + i);
                sum += squaredCosts.get(b) ? d[i] * d[i] : d[i];
            }
            assertEquals(result.objective(), sum, 1e-9 * (1.0 + sum), "builder " + b);
        }
        // The shorter constructors record none.
        assertEquals(0, new ClusteringResult(new int[] {0}, List.of(graphs.get(0)),
                new int[0], 0.0, new double[] {0.0}, 0, Status.CONVERGED, 0L,
                new double[] {0.0}).distances().length);
    }

    /**
     * With {@code maxIterations(0)} the result is the k-means++ seeding's: every center is a
     * distinct input graph (a k-medoids center is its medoid), every graph lies in a cluster
     * whose center is nearest to it by exact distances, and the objective, the only value
     * of the trace, is the sum over the graphs of their exact (squared) distances to their
     * centers. With one restart the seeding is that of a longer run with the same seed,
     * whose trace starts at the same objective.
     */
    @Test
    void zeroIterationsReportTheSeedsAndTheAssignmentToThem() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 9, 4, 3.0);
        List<Graph> graphs = sample.graphs();
        GraphSpace space = GraphSpace.of(graphs);
        ExactAligner exact = new ExactAligner(1);
        List<CentralClustering.Builder> builders = List.of(CentralClustering.kMeans(3),
                CentralClustering.kMedians(3), CentralClustering.kMedoids(3));
        for (int b = 0; b < builders.size(); b++) {
            for (int restarts : new int[] {1, 3}) {
                CentralClustering.Builder builder = builders.get(b).aligner(exact).seed(5)
                        .restarts(restarts);
                ClusteringResult result = builder.maxIterations(0).build()
                        .cluster(space, graphs);
                String what = "builder " + b + ", restarts " + restarts;

                assertEquals(0, result.iterations(), what);
                assertEquals(Status.MAX_ITERATIONS, result.status(), what);
                assertArrayEquals(new double[] {result.objective()}, result.trace(), 0.0, what);
                assertEquals(restarts, result.restartObjectives().length, what);
                assertEquals(Arrays.stream(result.restartObjectives()).min().orElseThrow(),
                        result.objective(), 0.0, what);

                // Each center is an input graph, a different one per cluster.
                int[] seedOf = new int[3];
                for (int c = 0; c < 3; c++) {
                    Graph center = result.centers().get(c);
                    seedOf[c] = -1;
                    for (int g = 0; g < graphs.size() && seedOf[c] < 0; g++) {
                        Graph candidate = b == 2 ? graphs.get(g) : graphs.get(g)
                                .pad(space.size());
                        seedOf[c] = candidate.equals(center) ? g : -1;
                    }
                    assertTrue(seedOf[c] >= 0, what + ": center " + c + " is no input graph");
                    if (b == 2) {
                        assertEquals(seedOf[c], result.medoids()[c], what);
                    }
                }
                assertEquals(3, Arrays.stream(seedOf).distinct().count(), what);

                // Every graph is in a nearest cluster; the objective sums the distances.
                double sum = 0.0;
                for (int i = 0; i < graphs.size(); i++) {
                    double[] d = new double[3];
                    for (int c = 0; c < 3; c++) {
                        d[c] = exact.align(space, graphs.get(seedOf[c]), graphs.get(i))
                                .distance();
                    }
                    double own = d[result.labels()[i]];
                    double nearest = Arrays.stream(d).min().orElseThrow();
                    assertEquals(nearest, own, 1e-9 * (1.0 + nearest), what + ", graph " + i);
                    assertEquals(own, result.distances()[i], 1e-9 * (1.0 + own), what);
                    sum += b == 0 ? own * own : own;
                }
                assertEquals(sum, result.objective(), 1e-9 * (1.0 + sum), what);

                // A longer run with the same seed starts from the same seeding (with more
                // restarts it may keep another restart than the best seeding).
                if (restarts > 1) {
                    continue;
                }
                ClusteringResult longer = builder.maxIterations(100).build()
                        .cluster(space, graphs);
                assertEquals(result.objective(), longer.trace()[0],
                        1e-9 * (1.0 + result.objective()), what);
                assertTrue(longer.objective() <= result.objective() + 1e-9, what);
            }
        }
    }
}
