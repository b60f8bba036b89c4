package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The rounding of a mean is judged coordinate by coordinate ({@link PrincipalAxes}): a large
 * attribute equal in every graph does not hide an exact small spread in another attribute,
 * neither in {@code pca}'s total and directions nor in {@code regress}'s no-variance rule,
 * while copies of one graph still have no variance.
 */
class PerCoordinateRoundingTest {

    private static final Aligner EXACT = new BruteForceAligner();
    private static final MathContext WIDE = new MathContext(80);

    /**
     * A tester's five paths of three nodes: attribute 0 is {@code 1e6 + i} on node {@code i}
     * in every graph, attribute 1 is {@code 1e-8 k} on node 0 of graph {@code k}, 0 elsewhere.
     * With {@code offset = false} attribute 0 is 0 instead.
     */
    private static List<Graph> paths(boolean offset) {
        List<Graph> graphs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Graph.Builder b = Graph.builder(2, 1);
            for (int i = 0; i < 3; i++) {
                b.addNode(offset ? 1e6 + i : 0.0, i == 0 ? 1e-8 * k : 0.0);
            }
            b.addEdge(0, 1, 1.0);
            b.addEdge(1, 2, 1.0);
            graphs.add(b.build());
        }
        return graphs;
    }

    /** The exact centred sum of squares of the values of one coordinate. */
    private static double exactSpread(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.length), WIDE);
        BigDecimal spread = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal c = new BigDecimal(v).subtract(mean);
            spread = spread.add(c.multiply(c));
        }
        return spread.doubleValue();
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static double squares(double[] values) {
        double s = 0.0;
        for (double v : values) {
            s += v * v;
        }
        return s;
    }

    /** The tester's rows as vectors: a large constant does not hide the spread of 1e-8. */
    @Test
    void largeConstantCoordinateKeepsSmallSpreadOfAnother() {
        double[] attribute1 = {0.0, 1e-8, 2e-8, 3e-8, 4e-8};
        double exact = exactSpread(attribute1);
        assertEquals(1e-15, exact, 1e-27);
        for (double offset : new double[] {0.0, 1e6, 1e12}) {
            double[][] rows = new double[5][];
            for (int k = 0; k < 5; k++) {
                rows[k] = new double[] {offset, attribute1[k], offset + 1, 0.0, offset + 2, 0.0};
            }
            PrincipalAxes axes = PrincipalAxes.fit(rows, 2);
            String what = "offset " + offset;
            assertEquals(exact, axes.totalSumOfSquares(), 1e-9 * exact, what);
            assertEquals(exact, axes.sumsOfSquares()[0], 1e-9 * exact, what);
            assertEquals(0.0, axes.sumsOfSquares()[1], 0.0, what);
            assertArrayEquals6(new double[] {0, 1, 0, 0, 0, 0}, axes.directions()[0], what);
            for (int k = 0; k < 5; k++) {
                assertEquals(1e-8 * (k - 2), axes.scores()[k][0], 1e-20, what);
            }
            assertFalse(PrincipalAxes.hasNoVariance(rows), what);
        }
    }

    private static void assertArrayEquals6(double[] expected, double[] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-9, what + ", coordinate " + j);
        }
    }

    /**
     * Values {@code 1e6 + 1e-8 k} in one coordinate are some 86 units in the last place apart,
     * far above the rounding of their mean: a spread, not copies.
     */
    @Test
    void spreadOfManyUlpsNearOneMillionIsNotRounding() {
        double[][] rows = new double[5][];
        double[] values = new double[5];
        for (int k = 0; k < 5; k++) {
            values[k] = 1e6 + 1e-8 * k;
            rows[k] = new double[] {values[k], 1e6 + 1, 1e6 + 2};
        }
        double exact = exactSpread(values);
        PrincipalAxes axes = PrincipalAxes.fit(rows, 1);
        assertEquals(exact, axes.totalSumOfSquares(), 1e-3 * exact);
        assertEquals(exact, axes.sumsOfSquares()[0], 1e-3 * exact);
        assertEquals(1.0, axes.directions()[0][0], 1e-12);
        assertFalse(PrincipalAxes.hasNoVariance(rows));
    }

    /**
     * Random rows whose coordinates are constant (at offsets up to {@code 1e9}), spread around
     * 0, or spread a little around a large offset, against the exact centred sums of squares
     * of the same doubles: constant coordinates add nothing, every coordinate whose exact
     * spread is at least 4 times its rounding bound counts, and the total is within the
     * rounding of the kept coordinates' means of the exact total.
     */
    @Test
    void totalMatchesExactCentredSumsCoordinateByCoordinate() {
        int checkedSpread = 0;
        for (long seed = 0; seed < 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 2 + random.nextInt(12);
            int d = 1 + random.nextInt(7);
            double[][] rows = new double[n][d];
            for (int j = 0; j < d; j++) {
                double offset = Math.pow(10.0, -3.0 + 12.0 * random.nextDouble())
                        * (random.nextBoolean() ? 1.0 : -1.0);
                double spread = Math.abs(offset) * Math.pow(10.0, -16.0 * random.nextDouble());
                int kind = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    double noise = spread * (random.nextDouble() - 0.5);
                    rows[i][j] = kind == 0 ? offset : kind == 1 ? noise : offset + noise;
                }
            }
            double factor = PrincipalAxes.centringRounding(n);
            double exactKept = 0.0;
            double keptBounds = 0.0;
            double largest = 0.0;
            boolean allConstant = true;
            boolean someClear = false;
            for (int j = 0; j < d; j++) {
                double[] c = column(rows, j);
                double exact = exactSpread(c);
                double bound = factor * squares(c);
                allConstant &= exact == 0.0;
                if (exact >= 4.0 * bound && exact > 0.0) {
                    someClear = true;
                    checkedSpread++;
                }
                if (exact > bound) {
                    exactKept += exact;
                    keptBounds += bound;
                }
                largest = Math.max(largest, exact);
            }
            PrincipalAxes axes = PrincipalAxes.fit(rows, 1);
            String what = "seed " + seed + ", n " + n + ", d " + d;
            double total = axes.totalSumOfSquares();
            if (allConstant) {
                assertEquals(0.0, total, 0.0, what);
                assertTrue(PrincipalAxes.hasNoVariance(rows), what);
            }
            if (someClear) {
                assertTrue(total > 0.0, what);
                assertFalse(PrincipalAxes.hasNoVariance(rows), what);
            }
            // Coordinates near their bound may fall either side; each is within it anyway.
            double slack = 2.0 * Math.sqrt(keptBounds + factor * squaresOfAll(rows))
                    + 1e-12 * Math.sqrt(exactKept);
            assertEquals(Math.sqrt(exactKept), Math.sqrt(total), slack, what);
            if (largest >= 4.0 * (PrincipalAxes.NEGLIGIBLE * total + keptBounds)
                    && largest >= 4.0 * factor * squaresOfAll(rows)) {
                assertTrue(axes.sumsOfSquares()[0] > 0.0, what);
                assertEquals(1.0, PrincipalAxes.dot(axes.directions()[0],
                        axes.directions()[0]), 1e-9, what);
            }
        }
        assertTrue(checkedSpread > 200, "spread coordinates checked: " + checkedSpread);
    }

    private static double squaresOfAll(double[][] rows) {
        double s = 0.0;
        for (double[] row : rows) {
            s += squares(row);
        }
        return s;
    }

    /** Copies of random rows far from 0 and near 0: no total, no direction, at any offset. */
    @Test
    void copiesHaveNoTotalAtAnyOffset() {
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 2 + random.nextInt(30);
            int d = 1 + random.nextInt(6);
            double scale = Math.pow(10.0, -8.0 + 24.0 * random.nextDouble());
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = scale * (random.nextDouble() - 0.3);
            }
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = row.clone();
            }
            PrincipalAxes axes = PrincipalAxes.fit(rows, 1);
            String what = "seed " + seed;
            assertEquals(0.0, axes.totalSumOfSquares(), 0.0, what);
            assertEquals(0.0, axes.sumsOfSquares()[0], 0.0, what);
            assertEquals(0.0, PrincipalAxes.dot(axes.directions()[0], axes.directions()[0]),
                    0.0, what);
            assertTrue(PrincipalAxes.hasNoVariance(rows), what);
        }
    }

    /** The tester's graphs through {@code pca}: the offset changes nothing. */
    @Test
    void geodesicPcaSeesSpreadNextToLargeAttribute() {
        GeodesicPcaResult far = GeodesicPca.builder().aligner(EXACT).components(2).build()
                .compute(GraphSpace.of(paths(true)), paths(true));
        GeodesicPcaResult near = GeodesicPca.builder().aligner(EXACT).components(2).build()
                .compute(GraphSpace.of(paths(false)), paths(false));
        for (GeodesicPcaResult result : List.of(far, near)) {
            assertEquals(1e-15, result.totalSumOfSquares(), 1e-24);
            assertEquals(1.0, result.explainedVarianceRatios()[0], 1e-9);
            assertEquals(0.0, result.explainedVarianceRatios()[1], 0.0);
            assertTrue(result.objective() <= 1e-24, "objective " + result.objective());
            assertTrue(result.direction().nodeSquaredNorm() > 0.5);
        }
        assertEquals(near.totalSumOfSquares(), far.totalSumOfSquares(), 1e-24);
    }

    /**
     * The same graphs through {@code regress}: they have variance, so {@code R^2} is computed,
     * about 1 on the covariate that made them and about 0 on one uncorrelated with it; copies
     * of one graph near {@code 1e6} still have none.
     */
    @Test
    void regressionJudgesVarianceCoordinateByCoordinate() {
        List<Graph> graphs = paths(true);
        GraphSpace space = GraphSpace.of(graphs);
        GraphRegression regression = GraphRegression.builder().aligner(EXACT).build();
        GraphRegressionModel linear = regression.fit(space, graphs,
                new double[][] {{0}, {1}, {2}, {3}, {4}});
        assertFalse(linear.hasNoVariance());
        assertEquals(1e-15, linear.totalSumOfSquares(), 1e-24);
        assertTrue(linear.rSquared() > 0.99 && linear.rSquared() <= 1.0,
                "R^2 " + linear.rSquared());
        GraphRegressionModel unrelated = regression.fit(space, graphs,
                new double[][] {{0}, {1}, {0}, {1}, {0}});
        assertFalse(unrelated.hasNoVariance());
        assertTrue(unrelated.rSquared() >= 0.0 && unrelated.rSquared() < 0.01,
                "R^2 " + unrelated.rSquared());

        List<Graph> copies = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            copies.add(graphs.get(3));
        }
        GraphRegressionModel none = regression.fit(GraphSpace.of(copies), copies,
                new double[][] {{0}, {1}, {2}, {3}, {4}});
        assertTrue(none.hasNoVariance());
        assertEquals(1.0, none.rSquared(), 0.0);
    }
}
