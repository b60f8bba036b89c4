package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Graphs of one order whose node attributes all sit near one vector: the offset changes no
 * squared distance of any alignment, so every statistic built on distances must come out the
 * same with and without it, to the rounding of attributes stored near {@code 1e6} (about
 * {@code 1e-10} each). Before the fixes, the Fréchet mean's objective drifted from 12.193834
 * to 12.336696 at {@code 1e6}, the median's from 3.387270 to 3.441896, geodesic PCA explained
 * nothing and the regression's {@code R^2} fell from 0.0767 to 0.0293 (to 1 at {@code 1e7}).
 */
class OffsetInvarianceTest {

    private static final double RELATIVE_TOL = 1e-7;

    private static List<Graph> graphs(double offset) {
        SplittableRandom random = new SplittableRandom(4);
        List<Graph> result = new ArrayList<>();
        for (int k = 0; k < 14; k++) {
            Graph.Builder b = Graph.builder(2, 1);
            for (int i = 0; i < 6; i++) {
                b.addNode(offset + gaussian(random), offset + gaussian(random));
            }
            for (int i = 0; i < 6; i++) {
                for (int j = i + 1; j < 6; j++) {
                    if (random.nextDouble() < 0.5) {
                        b.addEdge(i, j, 1.0);
                    }
                }
            }
            result.add(b.build());
        }
        return result;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    private static double[][] covariates() {
        SplittableRandom random = new SplittableRandom(8);
        double[][] x = new double[14][1];
        for (double[] row : x) {
            row[0] = gaussian(random);
        }
        return x;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE_TOL * Math.max(1.0, Math.abs(expected)), what);
    }

    @Test
    void centersPcaAndRegressionIgnoreACommonOffset() {
        Aligner aligner = Aligners.byName("faq", 1);
        double[][] x = covariates();
        double[] reference = null;
        for (double offset : new double[] {0.0, 1e4, 1e6, 1e7}) {
            List<Graph> gs = graphs(offset);
            GraphSpace space = GraphSpace.of(gs);
            CenterResult mean = FrechetMean.builder().aligner(aligner).build().compute(space, gs);
            CenterResult median = FrechetMedian.builder().aligner(aligner).build()
                    .compute(space, gs);
            GeodesicPcaResult pca = GeodesicPca.builder().aligner(aligner).start(mean)
                    .components(2).build().compute(space, gs);
            GraphRegressionModel model = GraphRegression.builder().aligner(aligner)
                    .frechetMean(mean).build().fit(space, gs, x);
            double[] values = {mean.objective(), median.objective(), pca.objective(),
                pca.explainedVarianceRatios()[0], pca.explainedVarianceRatios()[1],
                model.residualSumOfSquares(), model.totalSumOfSquares(), model.rSquared()};
            assertTrue(pca.explainedVarianceRatios()[0] > 0.05, "offset " + offset);
            if (reference == null) {
                reference = values;
                continue;
            }
            String[] names = {"mean", "median", "pca objective", "PC1", "PC2", "SSR", "SST",
                "R^2"};
            for (int k = 0; k < values.length; k++) {
                assertClose(reference[k], values[k], names[k] + " at offset " + offset);
            }
        }
    }

    @Test
    void principalAxesKeepTheirDirectionsFarFromZero() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] rows = new double[9][4];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = gaussian(random);
            }
        }
        PrincipalAxes near = PrincipalAxes.fit(rows, 3);
        double[][] far = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            far[i] = rows[i].clone();
            for (int j = 0; j < far[i].length; j++) {
                far[i][j] += 1e6;
            }
        }
        PrincipalAxes shifted = PrincipalAxes.fit(far, 3);
        assertClose(near.totalSumOfSquares(), shifted.totalSumOfSquares(), "total");
        for (int k = 0; k < 3; k++) {
            assertTrue(near.sumsOfSquares()[k] > 0.0);
            assertEquals(near.sumsOfSquares()[k], shifted.sumsOfSquares()[k], 1e-6, "axis " + k);
        }
    }

    @Test
    void equalRowsFarFromZeroHaveNoDirection() {
        double[][] rows = new double[7][3];
        for (double[] row : rows) {
            row[0] = 1e6 + 0.1;
            row[1] = -3e7 + 0.7;
            row[2] = 12345.678;
        }
        PrincipalAxes axes = PrincipalAxes.fit(rows, 2);
        // The centring's rounding is no total either.
        assertEquals(0.0, axes.totalSumOfSquares());
        for (int k = 0; k < 2; k++) {
            assertEquals(0.0, axes.sumsOfSquares()[k]);
            for (double v : axes.directions()[k]) {
                assertEquals(0.0, v);
            }
        }
    }

    @Test
    void copiesOfOneGraphFarFromZeroStillHaveNothingToExplain() {
        Graph.Builder b = Graph.builder(2, 1);
        b.addNode(1e6 + 0.1, 1e6 + 0.7);
        b.addNode(1e6 + 1.3, 1e6 + 0.3);
        b.addNode(1e6 + 2.9, 1e6 + 0.1);
        Graph g = b.addEdge(0, 1, 0.3).addEdge(1, 2, 1.7).build();
        List<Graph> copies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            copies.add(g.permute(Permutation.random(3, new SplittableRandom(i))));
        }
        GraphSpace space = GraphSpace.of(copies);
        double[][] x = {{0.3}, {1.1}, {2.7}, {-0.9}, {0.4}};
        GraphRegressionModel model = GraphRegression.builder()
                .aligner(Aligners.byName("exact", 1)).build().fit(space, copies, x);
        assertEquals(1.0, model.rSquared(), 0.0, "SST " + model.totalSumOfSquares()
                + ", SSR " + model.residualSumOfSquares());
    }
}
