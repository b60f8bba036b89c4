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
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The least-squares step of {@link GraphRegression} centres the aligned graphs coordinate by
 * coordinate before the fit and adds the centre back into the intercept: an attribute that is
 * large and equal in every graph then leaves the fit of the other attributes the precision it
 * has without it, and the coefficients agree with an exact least-squares solution to the
 * rounding of the responses' variation, not of their size.
 */
class RegressionCentringTest {

    private static final MathContext WIDE = new MathContext(100);

    private static final int[] KNOWN_NOISE = {0, 1, -1, 2, 0};

    /**
     * A tester's five paths of three nodes: attribute 0 is {@code offset + 7 i} on node
     * {@code i} in every graph; attribute 1 is {@code 1e-3 k + 1e-4 e_k} on node 0 of graph
     * {@code k} ({@code e = 0, 1, -1, 2, 0}) and 0 elsewhere. On the covariate {@code k} the
     * least-squares line of attribute 1 has slope {@code 1e-3 + 1e-4 * 1 / 10 = 1.01e-3}
     * ({@code sum (k - 2) e_k = 1}, {@code sum (k - 2)^2 = 10}) and intercept
     * {@code 4e-5 - 2 * 1e-5 = 2e-5}, hence {@code ybar = 2.04e-3} at {@code k = 2}.
     */
    private static List<Graph> paths(double offset) {
        List<Graph> graphs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Graph.Builder b = Graph.builder(2, 1);
            for (int i = 0; i < 3; i++) {
                b.addNode(offset == 0.0 ? 0.0 : offset + 7 * i,
                        i == 0 ? 1e-3 * k + 1e-4 * KNOWN_NOISE[k] : 0.0);
            }
            b.addEdge(0, 1, 1.0);
            b.addEdge(1, 2, 1.0);
            graphs.add(b.build());
        }
        return graphs;
    }

    /**
     * The tester's case: before the centring, the slopes of the coordinates at {@code 1e15}
     * carried about 0.1 of rounding, the fitted values missed the constant by that much, and
     * {@code SSR} (0.3) exceeded {@code SST} ({@code 1e-5}), so {@code R^2} was set to 0. Now
     * the coefficients, {@code SSR}, {@code SST} and {@code R^2} are those of the same graphs
     * with that attribute at 0, the large attribute is fitted and predicted exactly, and the
     * slope and intercept of attribute 1 are the known least-squares values.
     */
    @Test
    void largeConstantAttributeLeavesTheFitOfTheSmallSpreadIntact() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}};
        for (Aligner aligner : List.of(new BruteForceAligner(), Aligners.byName("exact", 1),
                Aligners.byName("faq", 1))) {
            GraphRegression regression = GraphRegression.builder().aligner(aligner).build();
            List<Graph> plain = paths(0.0);
            GraphRegressionModel reference = regression.fit(GraphSpace.of(plain), plain, x);
            String what = aligner.name();
            for (double offset : new double[] {1e13, 1e15}) {
                List<Graph> graphs = paths(offset);
                GraphRegressionModel model = regression.fit(GraphSpace.of(graphs), graphs, x);
                String at = what + ", offset " + offset;
                assertFalse(model.hasNoVariance(), at);
                double[] b0 = model.intercept().nodeArray();
                double[] b1 = model.coefficient(0).nodeArray();
                double[] r0 = reference.intercept().nodeArray();
                double[] r1 = reference.coefficient(0).nodeArray();
                for (int i = 0; i < 3; i++) {
                    // The large attribute: exactly its value, exactly no slope.
                    assertEquals(offset + 7 * i, b0[2 * i], 0.0, at);
                    assertEquals(0.0, b1[2 * i], 0.0, at);
                    // The small one: as without the large attribute.
                    assertEquals(r0[2 * i + 1], b0[2 * i + 1], 1e-18, at);
                    assertEquals(r1[2 * i + 1], b1[2 * i + 1], 1e-18, at);
                }
                assertEquals(2e-5, b0[1], 1e-17, at);
                assertEquals(1.01e-3, b1[1], 1e-17, at);
                for (int k = 0; k < 5; k++) {
                    double[] fitted = model.fitted(k).nodeArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(offset + 7 * i, fitted[2 * i], 0.0, at);
                    }
                }
                // SSR = 1e-8 * the residual sum of squares of e on k, 6 - 5 * 0.4^2 - 1 / 10.
                assertEquals(5.1e-8, model.residualSumOfSquares(), 1e-20, at);
                assertEquals(reference.residualSumOfSquares(), model.residualSumOfSquares(),
                        1e-20, at);
                assertEquals(reference.totalSumOfSquares(), model.totalSumOfSquares(), 1e-20,
                        at);
                // SST = sum (y_k - 2.04e-3)^2 = 1.0252e-5, so R^2 = 1 - 5.1e-8 / 1.0252e-5.
                assertEquals(1.0252e-5, model.totalSumOfSquares(), 1e-17, at);
                assertEquals(1.0 - 5.1e-8 / 1.0252e-5, model.rSquared(), 1e-12, at);
                assertEquals(reference.rSquared(), model.rSquared(), 1e-12, at);
            }
        }
    }

    /**
     * Random sets of aligned graphs (the identity aligner, so that every fit is ordinary
     * least squares coordinate by coordinate) whose coordinates are constant at up to
     * {@code 1e15}, spread around 0, or spread by {@code 1e-3} to 1 around up to {@code 1e9},
     * on 1 to 3 covariates of arbitrary offsets and scales, with and without a ridge penalty,
     * against the solution of the normal equations in 100-digit decimals: every coefficient
     * is within {@code 1e-9} of the coordinate's range (divided by the covariate's spread for
     * a slope) plus a unit in the last place of the intercept; a constant coordinate has its
     * value as intercept, slopes of exactly 0 and residuals of exactly 0; and {@code SSR}
     * matches the exact residuals up to the rounding of the fitted values.
     */
    @Test
    void coefficientsMatchExactLeastSquaresOnRandomAlignedGraphs() {
        Aligner identity = new IdentityAligner();
        int constants = 0;
        int spreadsFarOut = 0;
        for (long seed = 0; seed < 60; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int order = 2 + random.nextInt(2);
            int n = 4 + random.nextInt(9);
            int p = 1 + random.nextInt(Math.min(3, n - 2));
            double ridge = seed % 3 == 2 ? Math.pow(10.0, -2.0 + 3.0 * random.nextDouble()) : 0.0;
            int dv = 2;
            int nodeCoordinates = order * dv;
            int edgeCoordinates = order * (order - 1);
            int d = nodeCoordinates + edgeCoordinates;
            double[][] rows = new double[n][d];
            for (int j = 0; j < d; j++) {
                int kind = random.nextInt(3);
                double offset = kind == 0 ? Math.pow(10.0, 15.0 * random.nextDouble())
                        : kind == 2 ? Math.pow(10.0, 9.0 * random.nextDouble()) : 0.0;
                offset *= random.nextBoolean() ? 1.0 : -1.0;
                double spread = kind == 0 ? 0.0 : Math.pow(10.0, -3.0 * random.nextDouble());
                for (int i = 0; i < n; i++) {
                    rows[i][j] = offset + spread * (random.nextDouble() - 0.5);
                }
                constants += kind == 0 ? 1 : 0;
                spreadsFarOut += kind == 2 && Math.abs(offset) > 1e6 ? 1 : 0;
            }
            double[][] x = new double[n][p];
            for (int k = 0; k < p; k++) {
                double offset = 1e4 * (random.nextDouble() - 0.5);
                double scale = Math.pow(10.0, -3.0 + 6.0 * random.nextDouble());
                for (int i = 0; i < n; i++) {
                    x[i][k] = offset + scale * (random.nextDouble() - 0.5);
                }
            }
            List<Graph> graphs = new ArrayList<>();
            for (double[] row : rows) {
                graphs.add(graph(row, order, dv));
            }
            GraphRegressionModel model = GraphRegression.builder().aligner(identity)
                    .ridge(ridge).build().fit(GraphSpace.of(graphs), graphs, x);
            checkAgainstExact(model, rows, x, ridge, order, dv, "seed " + seed);
        }
        assertTrue(constants > 50 && spreadsFarOut > 20, constants + " " + spreadsFarOut);
    }

    /** A directed graph whose node attributes, then off-diagonal edges, are the row. */
    private static Graph graph(double[] row, int order, int dv) {
        double[] nodes = new double[order * dv];
        System.arraycopy(row, 0, nodes, 0, nodes.length);
        double[] edges = new double[order * order];
        int at = nodes.length;
        for (int a = 0; a < order; a++) {
            for (int b = 0; b < order; b++) {
                if (a != b) {
                    edges[a * order + b] = row[at++];
                }
            }
        }
        return Graph.fromArrays(order, dv, 1, true, nodes, edges);
    }

    /** The coordinates of a graph in the layout of {@link #graph}. */
    private static double[] coordinates(Graph g, int order, int dv) {
        double[] nodes = g.nodeArray();
        double[] edges = g.edgeArray();
        double[] row = new double[order * dv + order * (order - 1)];
        System.arraycopy(nodes, 0, row, 0, order * dv);
        int at = order * dv;
        for (int a = 0; a < order; a++) {
            for (int b = 0; b < order; b++) {
                if (a != b) {
                    row[at++] = edges[a * order + b];
                }
            }
        }
        return row;
    }

    private static void checkAgainstExact(GraphRegressionModel model, double[][] rows,
            double[][] x, double ridge, int order, int dv, String what) {
        int n = rows.length;
        int p = x[0].length;
        int d = rows[0].length;
        double[][] b = new double[p + 1][];
        b[0] = coordinates(model.intercept(), order, dv);
        for (int k = 0; k < p; k++) {
            b[k + 1] = coordinates(model.coefficient(k), order, dv);
        }
        double[] spreads = new double[p];
        double[] means = new double[p];
        for (int k = 0; k < p; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                lo = Math.min(lo, row[k]);
                hi = Math.max(hi, row[k]);
                means[k] += row[k] / n;
            }
            spreads[k] = hi - lo;
        }
        double ssrBound = 0.0;
        BigDecimal exactSsr = BigDecimal.ZERO;
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double largest = 0.0;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rows[i][j];
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
                largest = Math.max(largest, Math.abs(y[i]));
            }
            double range = hi - lo;
            BigDecimal[] exact = exactLeastSquares(x, y, ridge);
            String at = what + ", coordinate " + j;
            if (range == 0.0) {
                assertEquals(y[0], b[0][j], 0.0, at + " (constant), intercept");
                for (int k = 0; k < p; k++) {
                    assertEquals(0.0, b[k + 1][j], 0.0, at + " (constant), slope " + k);
                }
            } else {
                double shift = 0.0;
                for (int k = 0; k < p; k++) {
                    double tol = 1e-9 * range / spreads[k];
                    assertEquals(exact[k + 1].doubleValue(), b[k + 1][j], tol, at + ", slope " + k);
                    shift += Math.abs(means[k]) / spreads[k];
                }
                double tol = 1e-9 * range * (1.0 + shift)
                        + 2.0 * Math.ulp(exact[0].doubleValue());
                assertEquals(exact[0].doubleValue(), b[0][j], tol, at + ", intercept");
            }
            for (int i = 0; i < n; i++) {
                BigDecimal r = new BigDecimal(y[i]).subtract(exact[0]);
                for (int k = 0; k < p; k++) {
                    r = r.subtract(exact[k + 1].multiply(new BigDecimal(x[i][k]), WIDE));
                }
                exactSsr = exactSsr.add(r.multiply(r, WIDE));
                double rounding = range == 0.0 ? 0.0 : 2.0 * Math.ulp(largest) + 1e-9 * range;
                ssrBound += (2.0 * Math.abs(r.doubleValue()) + rounding) * rounding;
            }
        }
        double ssr = model.residualSumOfSquares();
        assertEquals(exactSsr.doubleValue(), ssr, ssrBound + 1e-12 * exactSsr.doubleValue(),
                what + ": SSR");
    }

    /**
     * Solves {@code (Z^T Z + ridge * diag(0, 1, ..., 1)) b = Z^T y} for {@code Z = [1, x]} in
     * 100-digit decimals (Gaussian elimination with partial pivoting): the least-squares
     * coefficients in the covariates' units, the slopes penalised by the ridge.
     */
    private static BigDecimal[] exactLeastSquares(double[][] x, double[] y, double ridge) {
        int n = y.length;
        int q = x[0].length + 1;
        BigDecimal[][] z = new BigDecimal[n][q];
        for (int i = 0; i < n; i++) {
            z[i][0] = BigDecimal.ONE;
            for (int k = 1; k < q; k++) {
                z[i][k] = new BigDecimal(x[i][k - 1]);
            }
        }
        BigDecimal[][] a = new BigDecimal[q][q + 1];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                BigDecimal sum = r == c && r > 0 ? new BigDecimal(ridge) : BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    sum = sum.add(z[i][r].multiply(z[i][c]));
                }
                a[r][c] = sum;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.add(z[i][r].multiply(new BigDecimal(y[i])));
            }
            a[r][q] = sum;
        }
        for (int col = 0; col < q; col++) {
            int pivot = col;
            for (int r = col + 1; r < q; r++) {
                if (a[r][col].abs().compareTo(a[pivot][col].abs()) > 0) {
                    pivot = r;
                }
            }
            BigDecimal[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < q; r++) {
                BigDecimal factor = a[r][col].divide(a[col][col], WIDE);
                for (int c = col; c <= q; c++) {
                    a[r][c] = a[r][c].subtract(factor.multiply(a[col][c], WIDE), WIDE);
                }
            }
        }
        BigDecimal[] b = new BigDecimal[q];
        for (int r = q - 1; r >= 0; r--) {
            BigDecimal sum = a[r][q];
            for (int c = r + 1; c < q; c++) {
                sum = sum.subtract(a[r][c].multiply(b[c], WIDE), WIDE);
            }
            b[r] = sum.divide(a[r][r], WIDE);
        }
        return b;
    }
}
