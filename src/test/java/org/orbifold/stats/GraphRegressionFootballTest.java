package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.io.NpyArray;
import org.orbifold.io.NpyReader;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Graph-valued regression on geomstats' football data: 128 passing networks of 11 players
 * against the goals scored (ALGORITHMS.md 3.9). Skipped when the shared data sets are absent;
 * asserts invariants of the fit, not numbers of one run (docs/results.md records those).
 */
class GraphRegressionFootballTest {

    private static Path require(String relative) {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path path = Path.of(root).resolve(relative);
        assumeTrue(Files.exists(path), "dataset not available: " + path);
        return path;
    }

    @Test
    void passesAgainstGoalsFitMonotonicallyWithinTheFrechetVariance() throws IOException {
        List<Graph> graphs = NpyReader.readAdjacencyStack(
                require("geomstats/football_ppn.npy")).graphs();
        NpyArray scores = NpyReader.readArray(require("geomstats/football_scores.npy"));
        double[][] goals = new double[scores.size()][1];
        for (int i = 0; i < goals.length; i++) {
            goals[i][0] = scores.get(i);
        }
        GraphSpace space = GraphSpace.of(graphs);

        // The mean from an incremental start, which saves the medoid's 8128 alignments.
        Aligner faq = Aligners.byName("faq", 42);
        CenterResult mean = FrechetMean.builder().aligner(faq)
                .start(FrechetMean.Start.INCREMENTAL_MEAN).seed(42).build()
                .compute(space, graphs);

        GraphRegressionModel model = GraphRegression.builder().aligner(faq).frechetMean(mean)
                .build().fit(space, graphs, goals, List.of("goals"));

        assertEquals(128, graphs.size());
        double[] trace = model.trace();
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], "trace rises at " + t);
        }
        assertTrue(trace[0] <= model.totalSumOfSquares() * (1 + 1e-12));
        assertTrue(model.rSquared() >= 0.0 && model.rSquared() <= 1.0);
        double[] residuals = model.residualDistances();
        assertEquals(128, residuals.length);
        for (int i = 0; i < residuals.length; i++) {
            assertEquals(space.distance(model.fitted(i), graphs.get(i),
                    model.alignments().get(i).permutation()), residuals[i], 1e-9);
        }
        assertEquals(11, model.predict(new double[] {3}).order());
        assertTrue(model.predict(new double[] {3}).isDirected());
        assertEquals(128 * mean.objective(), model.totalSumOfSquares(), 1e-9);
    }
}
