package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.Status;

/**
 * "Converged" means that neither step of Lloyd's alternation can still lower the objective:
 * unchanged labels alone are not enough while the Fréchet center update, capped at a few
 * iterations, has not converged itself.
 */
class StoppingRuleTest {

    /** Relative slack for an objective recomputed by another code path. */
    private static final double RELATIVE_ROUNDING = 1e-9;

    private static final long SEED = 20260311L;

    @Test
    void aConvergedKMeansRunLeavesNothingForTheFrechetMeanToImprove() {
        // With k = 1 the labels never change, so only the center update can go on.
        List<Graph> graphs = ClusterTestGraphs.families(SEED, 4, 1.5).graphs();
        GraphSpace space = GraphSpace.of(graphs);
        Aligner exact = new ExactAligner(1);
        double[] objectives = new double[2];
        for (int threads = 1; threads <= 2; threads++) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                ClusteringResult result = CentralClustering.kMeans(1).aligner(exact)
                        .centerIterations(1).seed(SEED).executor(pool).build()
                        .cluster(space, graphs);
                assertEquals(Status.CONVERGED, result.status());

                // The Fréchet mean started at the returned center: no lower objective.
                CenterResult mean = FrechetMean.builder().aligner(exact)
                        .initial(result.centers().get(0)).build().compute(space, graphs);
                double sum = graphs.size() * mean.objective();
                assertTrue(sum >= result.objective() * (1 - RELATIVE_ROUNDING),
                        "k-means stopped at " + result.objective() + " after "
                        + result.iterations() + " iterations, but the mean from its center"
                        + " reaches " + sum);
                objectives[threads - 1] = result.objective();
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(objectives[0], objectives[1], 0.0, "the same for 1 and 2 threads");
    }
}
