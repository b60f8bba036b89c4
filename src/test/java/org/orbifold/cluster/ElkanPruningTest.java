package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.FaqAligner;
import org.orbifold.match.NodeAssignmentAligner;

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
