package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.FaqAligner;
import org.orbifold.match.NodeAssignmentAligner;
import org.orbifold.space.Graph;

/** Elkan's pruning: same clustering as without it, honest counts, never on heuristics. */
class ElkanPruningTest {

    /** Relative agreement of two objectives that differ only by rounding. */
    private static final double RELATIVE_TOL = 1e-9;

    private static final long SEED = 20261205L;

    @Test
    void prunedAndUnprunedRunsAgreeOnPointPatterns() {
        // Point patterns: the node assignment is the exact alignment, so every distance is
        // certified and the bounds may prune.
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.pointPatterns(SEED, 15);
        Aligner nodes = new NodeAssignmentAligner();
        long prunedInAll = 0;
        for (CenterUpdate update : CenterUpdate.values()) {
            for (int k = 2; k <= 6; k += 2) {
                for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(k),
                        CentralClustering.kMedians(k))) {
                    builder.aligner(nodes).seed(k).centerUpdate(update);
                    ClusteringResult plain = builder.pruning(false).build()
                            .cluster(sample.graphs());
                    ClusteringResult pruned = builder.pruning(true).build()
                            .cluster(sample.graphs());
                    String what = update + " k = " + k;

                    assertArrayEquals(plain.labels(), pruned.labels(), what);
                    assertEquals(plain.objective(), pruned.objective(),
                            RELATIVE_TOL * plain.objective(), what);
                    assertEquals(plain.iterations(), pruned.iterations(), what);
                    assertTrue(pruned.pruningApplied(), what);
                    assertFalse(plain.pruningApplied(), what);
                    assertEquals(0, plain.distancesPruned(), what);
                    assertEquals(0, plain.boundComputations(), what);

                    // Every skipped distance is one the unpruned run computed.
                    assertEquals(plain.distanceComputations(), pruned.distanceComputations()
                            - pruned.boundComputations() + pruned.distancesPruned(), what);
                    prunedInAll += pruned.distancesPruned();
                }
            }
        }
        assertTrue(prunedInAll > 0, "the bounds never pruned on well-separated patterns");
    }

    /**
     * A tester's signed point patterns (one coordinate and an existence channel of 1): while
     * pairs were padded only to the larger order, a point could be forced onto a real partner
     * worse than padding, certified, so the triangle inequality that pruning relies on failed
     * and k-means with pruning ended in other clusters (k = 2, seed 82: objective 163.44
     * against 102.05 unpruned; k = 4, seed 96: 81.60 against 68.76).
     */
    private static final double[][] SIGNED_PATTERNS = {
        {2.0, -4.4},
        {-4.4, 5.5},
        {6.2, -4.9},
        {-3.7, -0.5, 3.3},
        {-2.0, 2.3, -0.3, -5.6},
        {-3.7, -0.8, -0.6, 2.2},
        {7.3, 0.3, 1.1, -1.5},
        {-1.4, -4.2, -2.2},
        {2.4, -6.5},
        {-2.3, 0.9, -3.7, 1.3},
        {-2.9, -0.2, 8.0, -0.5},
        {-0.4, 1.4, -4.3, -0.3},
        {-0.4, -1.4, 2.3, 0.5},
        {-7.8},
        {2.6, 4.5, 0.8},
        {-5.1, 3.0},
        {0.3, 1.8, 0.9, -3.3},
        {-3.6}
    };

    @Test
    void prunedAndUnprunedRunsAgreeOnSignedPointPatterns() {
        List<Graph> graphs = new ArrayList<>();
        for (double[] coordinates : SIGNED_PATTERNS) {
            Graph.Builder builder = Graph.builder(2, 0);
            for (double c : coordinates) {
                builder.addNode(c, 1.0);
            }
            graphs.add(builder.build());
        }
        Aligner nodes = new NodeAssignmentAligner();
        long prunedInAll = 0;
        for (int k : new int[] {2, 4}) {
            for (int seed = 80; seed < 100; seed++) {
                CentralClustering.Builder builder = CentralClustering.kMeans(k).aligner(nodes)
                        .seed(seed);
                ClusteringResult plain = builder.pruning(false).build().cluster(graphs);
                ClusteringResult pruned = builder.pruning(true).build().cluster(graphs);
                String what = "k = " + k + ", seed " + seed;
                assertArrayEquals(plain.labels(), pruned.labels(), what);
                assertEquals(plain.objective(), pruned.objective(),
                        RELATIVE_TOL * plain.objective(), what);
                prunedInAll += pruned.distancesPruned();
            }
        }
        assertTrue(prunedInAll > 0, "the bounds never pruned");
    }

    @Test
    void pruningSavesMostDistancesOnSeparatedPatterns() {
        // Three tight, far-apart families: after the first iterations every graph is far
        // inside its cell, and most graph-to-center distances are skipped.
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.pointPatterns(SEED + 1, 30);
        ClusteringResult result = CentralClustering.kMeans(3)
                .aligner(new NodeAssignmentAligner()).seed(3).tolerance(0.0)
                .centerUpdate(CenterUpdate.SINGLE_STEP).build().cluster(sample.graphs());
        long assignmentDistances = result.distanceComputations() - result.boundComputations()
                - 3L * (sample.graphs().size() - 1);
        assertTrue(result.pruningApplied());
        assertTrue(result.distancesPruned() > assignmentDistances,
                "pruned " + result.distancesPruned() + ", computed " + assignmentDistances);
    }

    @Test
    void heuristicDistancesAreNeverPruned() {
        // Graphs with edges under the plain FAQ heuristic (no exact enumeration of small
        // pairs): the distances are upper bounds, not certified.
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 8, 0.5);
        Aligner faq = new FaqAligner(2);
        for (CentralClustering.Builder builder : List.of(CentralClustering.kMeans(3),
                CentralClustering.kMedians(3))) {
            builder.aligner(faq).seed(4);
            ClusteringResult plain = builder.pruning(false).build().cluster(sample.graphs());
            ClusteringResult pruned = builder.pruning(true).build().cluster(sample.graphs());

            assertFalse(pruned.pruningApplied());
            assertEquals(0, pruned.distancesPruned());
            assertArrayEquals(plain.labels(), pruned.labels());
            assertEquals(plain.objective(), pruned.objective(), 0.0);
            assertEquals(plain.distanceComputations(), pruned.distanceComputations()
                    - pruned.boundComputations());
        }
    }

    @Test
    void kMedoidsNeverPrunes() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.pointPatterns(SEED, 5);
        ClusteringResult result = CentralClustering.kMedoids(3)
                .aligner(new NodeAssignmentAligner()).build().cluster(sample.graphs());
        assertFalse(result.pruningApplied());
        assertEquals(0, result.distancesPruned());
    }
}
