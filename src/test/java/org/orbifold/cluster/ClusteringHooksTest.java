package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.Medoid;

/**
 * The two hooks a command line uses: a k-medoids distance matrix computed by the caller, and
 * the listener of the k-means and k-medians assignment passes.
 */
class ClusteringHooksTest {

    private static final long SEED = 20261206L;

    /** A given matrix, the one the run would compute, gives the run's result exactly. */
    @Test
    void kMedoidsOnAGivenMatrixIsTheRunThatComputesIt() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 5, 1.5);
        Aligner faq = Aligners.byName("faq", 3);
        GraphSpace space = GraphSpace.of(sample.graphs());
        double[][] matrix = Medoid.distanceMatrix(space, sample.graphs(), faq, Runnable::run);

        ClusteringResult computed = CentralClustering.kMedoids(3).aligner(faq).seed(4)
                .restarts(3).build().cluster(space, sample.graphs());
        ClusteringResult given = CentralClustering.kMedoids(3).aligner(faq).seed(4)
                .restarts(3).distances(matrix).build().cluster(space, sample.graphs());

        assertArrayEquals(computed.labels(), given.labels());
        assertArrayEquals(computed.medoids(), given.medoids());
        assertEquals(computed.objective(), given.objective(), 0.0);
        assertArrayEquals(computed.trace(), given.trace(), 0.0);
        assertEquals(computed.distanceComputations(), given.distanceComputations());
    }

    /**
     * The builder copies the matrix: zeroing the caller's array after building (or after
     * handing it to the builder) changes no later run of the same instance.
     */
    @Test
    void theGivenMatrixIsCopied() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 4, 1.5);
        Aligner faq = Aligners.byName("faq", 3);
        GraphSpace space = GraphSpace.of(sample.graphs());
        double[][] matrix = Medoid.distanceMatrix(space, sample.graphs(), faq, Runnable::run);

        CentralClustering.Builder builder = CentralClustering.kMedoids(3).aligner(faq).seed(4)
                .distances(matrix);
        CentralClustering clustering = builder.build();
        ClusteringResult first = clustering.cluster(space, sample.graphs());
        for (double[] row : matrix) {
            Arrays.fill(row, 0.0);
        }
        ClusteringResult again = clustering.cluster(space, sample.graphs());
        ClusteringResult later = builder.build().cluster(space, sample.graphs());

        for (ClusteringResult result : List.of(again, later)) {
            assertArrayEquals(first.labels(), result.labels());
            assertArrayEquals(first.medoids(), result.medoids());
            assertEquals(first.objective(), result.objective(), 0.0);
        }

        // A null row is kept for the check to name it.
        double[][] holed = Medoid.distanceMatrix(space, sample.graphs(), faq, Runnable::run);
        holed[2] = null;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMedoids(3).aligner(faq).distances(holed).build()
                        .cluster(space, sample.graphs()));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }

    /** A matrix that does not fit the graphs, and one for k-means, are refused. */
    @Test
    void aMatrixThatDoesNotFitIsRefused() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED, 2, 0.5);
        int n = sample.graphs().size();
        Aligner faq = Aligners.byName("faq", 3);
        double[][] small = new double[n - 1][n - 1];
        double[][] skew = new double[n][n];
        skew[0][1] = 1.0;

        for (double[][] matrix : List.of(small, skew)) {
            assertThrows(IllegalArgumentException.class, () -> CentralClustering.kMedoids(2)
                    .aligner(faq).distances(matrix).build().cluster(sample.graphs()));
        }
        assertThrows(IllegalStateException.class, () -> CentralClustering.kMeans(2)
                .aligner(faq).distances(new double[n][n]).build());
    }

    /**
     * Every assignment pass after the first reports its start and then each graph: the
     * reports of a pass end at all graphs, one pass per Lloyd iteration.
     */
    @Test
    void theAssignmentListenerCountsTheGraphsOfEveryPass() {
        ClusterTestGraphs.Sample sample = ClusterTestGraphs.families(SEED + 1, 4, 0.5);
        int n = sample.graphs().size();
        List<int[]> reports = new ArrayList<>();
        ClusteringResult result = CentralClustering.kMeans(3).aligner(Aligners.byName("faq", 3))
                .seed(2).assignmentListener((assigned, total) -> {
                    synchronized (reports) {
                        reports.add(new int[] {assigned, total});
                    }
                }).build().cluster(sample.graphs());

        assertEquals(result.iterations() * (n + 1), reports.size());
        for (int pass = 0; pass < result.iterations(); pass++) {
            assertArrayEquals(new int[] {0, n}, reports.get(pass * (n + 1)));
            boolean[] seen = new boolean[n + 1];
            for (int r = 1; r <= n; r++) {
                int[] report = reports.get(pass * (n + 1) + r);
                assertEquals(n, report[1]);
                assertTrue(report[0] >= 1 && !seen[report[0]], "count " + report[0]);
                seen[report[0]] = true;
            }
        }
    }
}
