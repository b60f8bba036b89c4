package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class GraphRegressionTest {

    /** Tolerance for quantities computed exactly up to rounding. */
    private static final double TOL = 1e-9;

    private static final Aligner EXACT = new BruteForceAligner();

    private static final int ORDER = 5;

    private static final Aligner IDENTITY = new IdentityAligner();

    /** Synthetic data: graphs, their covariates and the true coefficient graphs. */
    private record Synthetic(List<Graph> graphs, double[][] x, Graph intercept, Graph slope) {
    }

    /**
     * Returns complete undirected graphs of {@link #ORDER} nodes (one node attribute and the
     * existence channel, one edge channel) following {@code Y_i = B_0 + x_i B_1 + noise},
     * each relabelled by a random permutation. The intercept's edge values are all distinct,
     * so that the alignment of every graph to the truth is unique.
     */
    private static Synthetic synthetic(long seed, int count, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] b0 = new double[ORDER * ORDER];
        double[] b1 = new double[ORDER * ORDER];
        double[] n0 = new double[2 * ORDER];
        double[] n1 = new double[2 * ORDER];
        int k = 0;
        for (int i = 0; i < ORDER; i++) {
            n0[2 * i] = 1.0 + i;
            n0[2 * i + 1] = 1.0;
            n1[2 * i] = random.nextDouble() - 0.5;
            for (int j = i + 1; j < ORDER; j++) {
                k++;
                double v0 = 2.0 + 0.7 * k;
                double v1 = 2.0 * random.nextDouble() - 1.0;
                b0[i * ORDER + j] = v0;
                b0[j * ORDER + i] = v0;
                b1[i * ORDER + j] = v1;
                b1[j * ORDER + i] = v1;
            }
        }
        Graph intercept = Graph.fromArrays(ORDER, 2, 1, false, n0, b0);
        Graph slope = Graph.fromArrays(ORDER, 2, 1, false, n1, b1);
        List<Graph> graphs = new ArrayList<>();
        double[][] x = new double[count][1];
        for (int g = 0; g < count; g++) {
            x[g][0] = 3.0 * random.nextDouble();
            double[] nodes = new double[2 * ORDER];
            double[] edges = new double[ORDER * ORDER];
            for (int i = 0; i < ORDER; i++) {
                nodes[2 * i] = n0[2 * i] + x[g][0] * n1[2 * i] + noise * random.nextGaussian();
                nodes[2 * i + 1] = 1.0;
                for (int j = i + 1; j < ORDER; j++) {
                    double v = b0[i * ORDER + j] + x[g][0] * b1[i * ORDER + j]
                            + noise * random.nextGaussian();
                    edges[i * ORDER + j] = v;
                    edges[j * ORDER + i] = v;
                }
            }
            graphs.add(TestGraphs.relabel(Graph.fromArrays(ORDER, 2, 1, false, nodes, edges),
                    random));
        }
        return new Synthetic(graphs, x, intercept, slope);
    }

    private static GraphRegression regression(Aligner aligner) {
        return GraphRegression.builder().aligner(aligner).build();
    }

    private static void assertNeverRises(double[] trace) {
        for (int t = 1; t < trace.length; t++) {
            assertTrue(trace[t] <= trace[t - 1], "trace rises at " + t + ": "
                    + Arrays.toString(trace));
        }
    }

    @Test
    void recoversTheCoefficientsUpToOneCommonRelabelling() {
        Synthetic data = synthetic(1, 30, 0.01);
        GraphSpace space = GraphSpace.of(data.graphs());

        GraphRegressionModel model = regression(EXACT).fit(space, data.graphs(), data.x());

        // One relabelling, found on the intercept, must carry both true graphs onto the fit.
        Permutation p = EXACT.align(space, model.intercept(), data.intercept()).permutation();
        assertTrue(space.distance(model.intercept(), data.intercept(), p) < 0.05,
                "intercept off by " + space.distance(model.intercept(), data.intercept(), p));
        assertTrue(space.distance(model.coefficient(0), data.slope(), p) < 0.05,
                "slope off by " + space.distance(model.coefficient(0), data.slope(), p));
        assertTrue(BruteForceAligner.distance(space, model.coefficient(0), data.slope())
                < 0.05);
        assertTrue(model.rSquared() > 0.999, "R^2 " + model.rSquared());
        assertEquals(Status.CONVERGED, model.status());
        assertEquals(List.of("x1"), model.covariateNames());
    }

    @Test
    void residualsAreTheDistancesOfTheFittedGraphsUnderTheReturnedAlignments() {
        Synthetic data = synthetic(2, 20, 0.3);
        GraphSpace space = GraphSpace.of(data.graphs());

        GraphRegressionModel model = regression(EXACT).fit(space, data.graphs(), data.x());

        double[] residuals = model.residualDistances();
        double ssr = 0.0;
        for (int i = 0; i < data.graphs().size(); i++) {
            Graph fitted = model.predict(data.x()[i]);
            assertEquals(fitted, model.fitted(i));
            Permutation p = model.alignments().get(i).permutation();
            assertEquals(space.distance(fitted, data.graphs().get(i), p), residuals[i], TOL);
            // With exact alignments each residual is the graph distance to the prediction.
            assertEquals(BruteForceAligner.distance(space, fitted, data.graphs().get(i)),
                    residuals[i], TOL);
            ssr += residuals[i] * residuals[i];
        }
        assertEquals(ssr, model.residualSumOfSquares(), TOL);
        assertEquals(model.objective(), model.residualSumOfSquares(), TOL);
        double[] trace = model.trace();
        assertEquals(model.objective(), trace[trace.length - 1], 0.0);
        assertEquals(model.iterations() + 1, trace.length);
    }

    @Test
    void objectiveNeverRisesWithAHeuristicOrAForgetfulAligner() {
        List<Graph> graphs = TestGraphs.random(3, 25, 4, 7, 2, 0.5);
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[graphs.size()][2];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = random.nextGaussian();
        }
        GraphSpace space = GraphSpace.of(graphs);
        for (Aligner aligner : List.of(Aligners.byName("faq", 7), new ForgetfulAligner())) {
            GraphRegressionModel model = regression(aligner).fit(space, graphs, x);

            assertNeverRises(model.trace());
            assertTrue(model.rSquared() >= 0.0 && model.rSquared() <= 1.0,
                    aligner.name() + ": R^2 " + model.rSquared());
            assertTrue(model.residualSumOfSquares() <= model.totalSumOfSquares() + TOL);
            assertEquals(space.size(), model.intercept().order());
        }
    }

    @Test
    void fitIsInvariantUnderRelabellingTheInputsAndReorderingThePairs() {
        Synthetic data = synthetic(4, 16, 0.2);
        GraphSpace space = GraphSpace.of(data.graphs());
        GraphRegressionModel model = regression(EXACT).fit(space, data.graphs(), data.x());

        // Relabel every graph and reverse the order of the (graph, covariate) pairs.
        SplittableRandom random = new SplittableRandom(44);
        int n = data.graphs().size();
        List<Graph> shuffled = new ArrayList<>();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            shuffled.add(TestGraphs.relabel(data.graphs().get(n - 1 - i), random));
            x[i] = data.x()[n - 1 - i].clone();
        }
        GraphRegressionModel other = regression(EXACT).fit(space, shuffled, x);

        assertEquals(model.residualSumOfSquares(), other.residualSumOfSquares(), 1e-8);
        assertEquals(model.rSquared(), other.rSquared(), 1e-9);
        double[] residuals = model.residualDistances();
        double[] otherResiduals = other.residualDistances();
        for (int i = 0; i < n; i++) {
            assertEquals(residuals[n - 1 - i], otherResiduals[i], 1e-8);
        }
        for (double at : new double[] {0.0, 1.5, 3.0}) {
            assertEquals(0.0, BruteForceAligner.distance(space, model.predict(new double[] {at}),
                    other.predict(new double[] {at})), 1e-6);
        }
    }

    @Test
    void sameSeedGivesTheSameModelOnOneAndFourThreads() {
        List<Graph> graphs = TestGraphs.random(5, 30, 5, 9, 2, 0.4);
        double[][] x = new double[graphs.size()][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = i % 7;
        }
        GraphSpace space = GraphSpace.of(graphs);
        List<GraphRegressionModel> models = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                models.add(GraphRegression.builder().aligner(Aligners.byName("faq", 11))
                        .executor(pool).seed(3).build().fit(space, graphs, x));
            } finally {
                pool.shutdownNow();
            }
        }

        assertEquals(models.get(0).coefficients(), models.get(1).coefficients());
        assertArrayEquals(models.get(0).trace(), models.get(1).trace());
        assertArrayEquals(models.get(0).residualDistances(), models.get(1).residualDistances());
    }

    @Test
    void withTheIdentityAlignerItIsPlainLeastSquaresPerCoordinateWhateverTheWeights() {
        List<Graph> graphs = TestGraphs.random(6, 12, 4, 4, 1, 0.6);
        SplittableRandom random = new SplittableRandom(6);
        double[][] x = new double[graphs.size()][2];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = 10.0 * random.nextDouble() - 5.0;
        }
        GraphSpace space = GraphSpace.of(graphs);

        GraphRegressionModel model = regression(IDENTITY).fit(space, graphs, x);
        // The space's weights scale whole coordinates, which leaves each fit unchanged.
        GraphRegressionModel weighted = regression(IDENTITY).fit(space.withWeights(3.0, 0.25),
                graphs, x);
        // A part of weight 0 does not move the alignments but is still fitted.
        GraphRegressionModel nodeBlind = regression(IDENTITY).fit(space.withWeights(0.0, 1.0),
                graphs, x);

        double[] y = new double[graphs.size()];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int g = 0; g < y.length; g++) {
                    y[g] = i == j ? graphs.get(g).node(i, 0) : graphs.get(g).edge(i, j, 0);
                }
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(y, x);
                double[] beta = ols.estimateRegressionParameters();
                for (int k = 0; k < 3; k++) {
                    Graph b = model.coefficients().get(k);
                    Graph w = weighted.coefficients().get(k);
                    double fitted = i == j ? b.node(i, 0) : b.edge(i, j, 0);
                    double fittedWeighted = i == j ? w.node(i, 0) : w.edge(i, j, 0);
                    assertEquals(beta[k], fitted, 1e-9, "coordinate (" + i + ", " + j + ")");
                    assertEquals(beta[k], fittedWeighted, 1e-9);
                    Graph z = nodeBlind.coefficients().get(k);
                    assertEquals(beta[k], i == j ? z.node(i, 0) : z.edge(i, j, 0), 1e-9,
                            "node weight 0, coordinate (" + i + ", " + j + ")");
                }
            }
        }
        assertEquals(0, model.iterations());
        assertEquals(Status.CONVERGED, model.status());
    }

    @Test
    void ridgeShrinksTheSlopesAndItsPenalisedObjectiveNeverRises() {
        Synthetic data = synthetic(7, 20, 0.2);
        GraphSpace space = GraphSpace.of(data.graphs());
        GraphRegressionModel plain = regression(EXACT).fit(space, data.graphs(), data.x());

        GraphRegressionModel ridge = GraphRegression.builder().aligner(EXACT).ridge(50.0)
                .build().fit(space, data.graphs(), data.x());

        assertTrue(space.squaredNorm(ridge.coefficient(0))
                < space.squaredNorm(plain.coefficient(0)));
        assertNeverRises(ridge.trace());
        assertEquals(ridge.residualSumOfSquares() + 50.0
                * space.squaredNorm(ridge.coefficient(0)), ridge.objective(), 1e-8);
        assertTrue(ridge.residualSumOfSquares() >= plain.residualSumOfSquares() - TOL);
        assertEquals(50.0, ridge.ridge());
    }

    @Test
    void startingFromTheFirstGraphIsMonotoneAndScoredAgainstTheSameVariance() {
        for (long seed : new long[] {1, 10}) {
            Synthetic data = synthetic(seed, 20, 0.05);
            GraphSpace space = GraphSpace.of(data.graphs());

            GraphRegressionModel model = GraphRegression.builder().aligner(EXACT)
                    .start(GraphRegression.Start.FIRST_GRAPH).build()
                    .fit(space, data.graphs(), data.x());
            GraphRegressionModel fromMean = regression(EXACT).fit(space, data.graphs(),
                    data.x());

            // Each start ends at its own local minimum (on these two seeds each start is
            // once the better one, docs/algorithms.md), judged by the same Frechet variance.
            assertEquals(GraphRegression.Start.FIRST_GRAPH, model.start());
            assertEquals(GraphRegression.Start.FRECHET_MEAN, fromMean.start());
            assertNeverRises(model.trace());
            assertEquals(fromMean.totalSumOfSquares(), model.totalSumOfSquares(), 0.0);
            assertTrue(model.rSquared() <= 1.0 && model.rSquared() > 0.5);
        }
    }

    @Test
    void identicalGraphsGiveRSquaredOneWhateverTheRoundingOfTheResiduals() {
        // Four relabelled copies of one graph: SST is 0 (the mean is the graph), and the fit's
        // residuals are 0 or rounding (about 1e-30 with attributes like 0.1 and 0.7, against
        // exactly 0 for all-zero graphs). Both are the same perfect fit of nothing to explain.
        Graph.Builder builder = Graph.builder(2, 1);
        builder.addNode(0.1, 0.7);
        builder.addNode(1.3, 0.3);
        builder.addNode(2.9, 0.1);
        Graph graph = builder.addEdge(0, 1, 0.3).addEdge(1, 2, 1.7).build();
        Graph.Builder zeros = Graph.builder(2, 1);
        zeros.addNode(0, 0);
        zeros.addNode(0, 0);
        Graph zero = zeros.build();
        double[][] x = {{0.3}, {1.1}, {2.7}, {-0.9}};
        for (Graph g : List.of(graph, zero)) {
            List<Graph> copies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                copies.add(g.permute(Permutation.random(g.order(), new SplittableRandom(i))));
            }
            GraphSpace space = GraphSpace.of(copies);
            for (GraphRegression.Start start : GraphRegression.Start.values()) {
                GraphRegressionModel model = GraphRegression.builder().aligner(EXACT)
                        .start(start).build().fit(space, copies, x);
                assertTrue(model.residualSumOfSquares() < 1e-20,
                        "SSR " + model.residualSumOfSquares());
                assertEquals(1.0, model.rSquared(), 0.0, "SST "
                        + model.totalSumOfSquares() + ", SSR " + model.residualSumOfSquares());
            }
        }
    }

    @Test
    void defaultStartContainsTheMeanSoTheFirstObjectiveIsAtMostTheFrechetVariance() {
        List<Graph> graphs = TestGraphs.random(9, 15, 3, 6, 1, 0.5);
        double[][] x = new double[graphs.size()][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = Math.sin(i);
        }
        GraphSpace space = GraphSpace.of(graphs);
        CenterResult mean = FrechetMean.builder().aligner(EXACT).build().compute(space, graphs);

        GraphRegressionModel model = GraphRegression.builder().aligner(EXACT)
                .frechetMean(mean).build().fit(space, graphs, x);

        assertEquals(graphs.size() * mean.objective(), model.totalSumOfSquares(), TOL);
        assertTrue(model.trace()[0] <= model.totalSumOfSquares() + TOL);
        assertEquals(mean.center(), model.frechetMean());
        assertTrue(model.rSquared() >= 0.0);
    }

    @Test
    void aFrechetMeanOfOtherGraphsOrOfAnotherSpaceIsRefusedByName() {
        List<Graph> graphs = TestGraphs.random(10, 8, 3, 5, 1, 0.5);
        double[][] x = new double[graphs.size()][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = i;
        }
        GraphSpace space = GraphSpace.of(graphs);
        CenterResult fewer = FrechetMean.builder().aligner(EXACT).build()
                .compute(space, graphs.subList(0, 3));
        CenterResult larger = FrechetMean.builder().aligner(EXACT).build()
                .compute(space.withSize(space.size() + 1), graphs);

        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> GraphRegression.builder().aligner(EXACT).frechetMean(fewer).build()
                        .fit(space, graphs, x));
        IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class,
                () -> GraphRegression.builder().aligner(EXACT).frechetMean(larger).build()
                        .fit(space, graphs, x));

        assertTrue(other.getMessage().startsWith("the Fréchet mean given has 3 alignments"),
                other.getMessage());
        assertTrue(elsewhere.getMessage().startsWith("the Fréchet mean given was computed in"
                + " another space"), elsewhere.getMessage());
    }

    /**
     * A mean that cannot be the unweighted Fréchet mean of these graphs in this space is
     * refused: one of other graphs of the same count, of these in another order, with other
     * node or edge weights, a median, a mean with sample weights. A converged mean of these
     * graphs passes, and so does one the checks cannot tell (an unconverged mean, as the
     * builder's Javadoc says).
     */
    @Test
    void aMeanOfOtherGraphsWeightsOrObjectiveIsRefused() {
        List<Graph> graphs = TestGraphs.random(11, 8, 3, 5, 1, 0.5);
        List<Graph> others = TestGraphs.random(12, 8, 3, 5, 1, 0.5);
        double[][] x = new double[graphs.size()][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = i;
        }
        GraphSpace space = GraphSpace.of(graphs);
        GraphSpace both = GraphSpace.of(Stream.concat(graphs.stream(),
                others.stream()).toList());
        List<Graph> reversed = new ArrayList<>(graphs);
        Collections.reverse(reversed);
        double[] weights = {1, 2, 3, 4, 5, 6, 7, 8};
        FrechetMean means = FrechetMean.builder().aligner(EXACT).build();
        Map<String, CenterResult> refused = new LinkedHashMap<>();
        refused.put("other graphs", means.compute(both, others));
        refused.put("another order", means.compute(space, reversed));
        refused.put("other weights", means.compute(space.withWeights(1.0, 3.0), graphs));
        refused.put("median", FrechetMedian.builder().aligner(EXACT).build()
                .compute(space, graphs));
        refused.put("weighted", means.compute(space, graphs, weights));

        for (Map.Entry<String, CenterResult> e : refused.entrySet()) {
            GraphSpace in = e.getKey().equals("other graphs") ? both : space;
            String message = assertThrows(IllegalArgumentException.class,
                    () -> GraphRegression.builder().aligner(EXACT).frechetMean(e.getValue())
                            .build().fit(in, graphs, x), e.getKey()).getMessage();
            String expected = e.getKey().equals("median") || e.getKey().equals("weighted")
                    ? "it is not an unweighted Fréchet mean of these graphs"
                    : "does not give its recorded distance for graphs[";
            assertTrue(message.startsWith("the Fréchet mean given") && message.contains(expected),
                    e.getKey() + ": " + message);
            String start = assertThrows(IllegalArgumentException.class,
                    () -> GeodesicPca.builder().aligner(EXACT).components(1)
                            .start(e.getValue()).build().compute(in, graphs), e.getKey())
                    .getMessage();
            assertTrue(start.startsWith("the starting mean") && start.contains(expected),
                    e.getKey() + ": " + start);
        }

        CenterResult converged = means.compute(space, graphs);
        CenterResult early = FrechetMean.builder().aligner(EXACT).maxIterations(0).build()
                .compute(space, graphs);
        for (CenterResult mean : List.of(converged, early)) {
            GraphRegressionModel model = GraphRegression.builder().aligner(EXACT)
                    .frechetMean(mean).build().fit(space, graphs, x);
            assertEquals(graphs.size() * mean.objective(), model.totalSumOfSquares(), TOL);
        }
    }

    @Test
    void graphsOfUnequalOrderArePaddedToTheSpaceSize() {
        List<Graph> graphs = TestGraphs.random(10, 12, 2, 6, 1, 0.5);
        double[][] x = new double[graphs.size()][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = graphs.get(i).order();
        }
        GraphSpace space = GraphSpace.of(graphs);

        GraphRegressionModel model = regression(EXACT).fit(space, graphs, x);

        assertEquals(6, model.predict(new double[] {2.0}).order());
        // The existence channel grows with the order, the covariate here.
        double existenceSlope = 0.0;
        for (int i = 0; i < 6; i++) {
            existenceSlope += model.coefficient(0).node(i, 1);
        }
        assertEquals(1.0, existenceSlope, 1e-9);
    }

    @Test
    void refusesBadCovariatesWithClearMessages() {
        Synthetic data = synthetic(11, 6, 0.1);
        GraphSpace space = GraphSpace.of(data.graphs());
        GraphRegression regression = regression(EXACT);

        String count = assertThrows(IllegalArgumentException.class, () -> regression.fit(space,
                data.graphs(), new double[5][1])).getMessage();
        assertTrue(count.contains("5 rows") && count.contains("6 graphs"), count);

        double[][] nan = {{1}, {2}, {Double.NaN}, {4}, {5}, {6}};
        String notFinite = assertThrows(IllegalArgumentException.class, () -> regression.fit(
                space, data.graphs(), nan)).getMessage();
        assertTrue(notFinite.contains("row 2") && notFinite.contains("NaN"), notFinite);

        double[][] constant = {{1, 7}, {2, 7}, {3, 7}, {4, 7}, {5, 7}, {6, 7}};
        String rank = assertThrows(IllegalArgumentException.class, () -> regression.fit(space,
                data.graphs(), constant, List.of("age", "goals"))).getMessage();
        assertTrue(rank.contains("'goals' (column 2 of 2) is constant"), rank);

        double[][] collinear = {{1, 3, 4}, {2, 1, 3}, {3, 0, 3}, {4, 5, 9}, {5, 5, 10},
            {6, 2, 8}};
        String combination = assertThrows(IllegalArgumentException.class, () -> regression.fit(
                space, data.graphs(), collinear)).getMessage();
        assertTrue(combination.contains("'x3' (column 3 of 3) is a linear combination"),
                combination);

        double[][] wide = {{1, 2, 3, 4, 5, 6}, {2, 1, 0, 0, 1, 1}, {0, 0, 1, 2, 3, 4},
            {1, 1, 1, 0, 0, 0}, {5, 4, 3, 2, 1, 0}, {0, 1, 0, 1, 0, 1}};
        String few = assertThrows(IllegalArgumentException.class, () -> regression.fit(space,
                data.graphs(), wide)).getMessage();
        assertTrue(few.contains("6 graphs for 6 covariates"), few);

        String none = assertThrows(IllegalArgumentException.class, () -> regression.fit(space,
                data.graphs(), new double[6][0])).getMessage();
        assertTrue(none.contains("no columns"), none);

        double[][] holes = {{1}, {2}, {3}, null, {5}, {6}};
        String hole = assertThrows(IllegalArgumentException.class, () -> regression.fit(space,
                data.graphs(), holes)).getMessage();
        assertTrue(hole.startsWith("covariates row 3 is null"), hole);
        double[][] first = {null, {2}, {3}, {4}, {5}, {6}};
        String firstHole = assertThrows(IllegalArgumentException.class, () -> regression.fit(
                space, data.graphs(), first)).getMessage();
        assertTrue(firstHole.startsWith("covariates row 0 is null"), firstHole);

        assertThrows(IllegalArgumentException.class, () -> regression.fit(space, List.of(),
                new double[0][1]));
        String empty = assertThrows(IllegalArgumentException.class,
                () -> GraphRegression.requireValidCovariates(new double[0][], null, 0))
                .getMessage();
        assertEquals("there are no graphs and no rows of covariates: a regression with an"
                + " intercept needs more graphs than covariates, at least 2", empty);
        assertThrows(IllegalStateException.class, () -> GraphRegression.builder().build());
        assertThrows(IllegalArgumentException.class, () -> GraphRegression.builder().ridge(-1));
    }

    @Test
    void predictAndTheAccessorsRefuseBadArguments() {
        Synthetic data = synthetic(12, 8, 0.1);
        GraphSpace space = GraphSpace.of(data.graphs());
        GraphRegressionModel model = GraphRegression.builder().aligner(EXACT)
                .maxIterations(0).build().fit(space, data.graphs(), data.x());

        assertThrows(IllegalArgumentException.class, () -> model.predict(new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> model.predict(new double[] {Double.POSITIVE_INFINITY}));
        // One-node graphs whose attribute is 10 x: the term of x = 1e308 leaves the doubles.
        List<Graph> steep = new ArrayList<>();
        double[][] x = new double[6][1];
        for (int i = 0; i < 6; i++) {
            Graph.Builder b = Graph.builder(1, 0);
            b.addNode(10.0 * i);
            steep.add(b.build());
            x[i][0] = i;
        }
        GraphRegressionModel line = regression(EXACT).fit(GraphSpace.of(steep), steep, x);
        String overflow = assertThrows(IllegalArgumentException.class,
                () -> line.predict(new double[] {1e308})).getMessage();
        assertTrue(overflow.startsWith("the prediction at these covariates overflows the range"
                + " of doubles: x[0] (x1) = 1.0E308 lies ") && overflow.contains(" spreads from"
                + " the covariates fitted"), overflow);
        int n = data.graphs().size();
        assertThrows(IndexOutOfBoundsException.class, () -> model.fitted(n));
        assertThrows(IndexOutOfBoundsException.class, () -> model.covariates(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> model.aligned(n, data.graphs()
                .get(0)));
        Graph larger = TestGraphs.random(1, 1, space.size() + 1, space.size() + 1, 1, 0.5)
                .get(0);
        String foreign = assertThrows(IllegalArgumentException.class, () -> model.aligned(0,
                larger)).getMessage();
        assertTrue(foreign.contains("does not fit a space of size " + space.size()), foreign);
        assertEquals(0, model.iterations());
        assertNotEquals(0.0, model.objective());
    }

    /** Returns the covariates {@code a x + b}, one column. */
    private static double[][] affine(double[][] x, double a, double b) {
        double[][] y = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = a * x[i][0] + b;
        }
        return y;
    }

    /**
     * Least squares does not depend on the covariates' units or offsets: with exact
     * alignments, s, 2 s, s + 10, s 1e-10 (and far larger or smaller units, and a large offset)
     * give the same R^2, residuals and fitted graphs up to rounding, and the slope graph
     * scales inversely with the unit.
     */
    @Test
    void unitsAndOffsetsOfTheCovariatesDoNotChangeTheFit() {
        Synthetic data = synthetic(5, 8, 0.3);
        GraphSpace space = GraphSpace.of(data.graphs());
        GraphRegressionModel base = regression(EXACT).fit(space, data.graphs(), data.x());
        // Unit, offset, tolerance: in 1e6 + 1e-6 s a double keeps s to about 1e-4 only.
        double[][] scales = {{2, 0, 1e-9}, {1, 10, 1e-9}, {1e-10, 0, 1e-9}, {1e160, 0, 1e-9},
            {1e307, 0, 1e-9}, {1e-160, 0, 1e-9}, {1e-200, 0, 1e-9}, {1e-6, 1e6, 1e-3}};

        for (double[] scale : scales) {
            String what = scale[0] + " s + " + scale[1];
            double tolerance = scale[2];
            GraphRegressionModel model = regression(EXACT).fit(space, data.graphs(),
                    affine(data.x(), scale[0], scale[1]));

            assertEquals(base.rSquared(), model.rSquared(), tolerance, what);
            assertArrayEquals(base.residualDistances(), model.residualDistances(), tolerance,
                    what);
            for (int i = 0; i < data.graphs().size(); i++) {
                assertEquals(0.0, space.distance(base.fitted(i), model.fitted(i),
                        Permutation.identity(ORDER)), tolerance, what + ", graph " + i);
            }
            assertEquals(base.coefficientNorm(0) / scale[0], model.coefficientNorm(0),
                    tolerance * base.coefficientNorm(0) / scale[0], what);
        }
    }

    /**
     * Constant and collinear columns are told relative to each column's own scale: tiny and
     * huge units and a large offset are not constant, rounding noise around one value is, and
     * a combination stays a combination in any units.
     */
    @Test
    void constantAndCollinearColumnsAreToldWhateverTheUnits() {
        Synthetic data = synthetic(6, 6, 0.3);
        GraphSpace space = GraphSpace.of(data.graphs());
        int n = data.graphs().size();

        for (double[] scale : new double[][] {{1e-200, 0}, {1e160, 0}, {1e307, 0},
            {1e-6, 1e6}}) {
            GraphRegression.requireValidCovariates(affine(data.x(), scale[0], scale[1]), null,
                    n);
        }
        double[][] noise = new double[n][1];
        for (int i = 0; i < n; i++) {
            noise[i][0] = i % 2 == 0 ? 0.3 : 0.1 + 0.2;
        }
        String rounding = assertThrows(IllegalArgumentException.class,
                () -> GraphRegression.requireValidCovariates(noise, null, n)).getMessage();
        assertTrue(rounding.contains("'x1' (column 1 of 1) is constant:"), rounding);
        String zeros = assertThrows(IllegalArgumentException.class,
                () -> GraphRegression.requireValidCovariates(new double[n][1], null, n))
                .getMessage();
        assertTrue(zeros.contains("is constant (all zeros)"), zeros);
        double[][] collinear = new double[n][3];
        for (int i = 0; i < n; i++) {
            collinear[i][0] = 1e-150 * i;
            collinear[i][1] = 1e150 * (i * i % 5);
            collinear[i][2] = 3e-150 * i + 1e-150;
        }
        String combination = assertThrows(IllegalArgumentException.class,
                () -> GraphRegression.requireValidCovariates(collinear, null, n)).getMessage();
        assertTrue(combination.contains("'x3' (column 3 of 3) is a linear combination"),
                combination);
    }

    /**
     * A covariate in units so tiny that its coefficient graph exceeds the range of doubles is
     * refused by name, with a hint to rescale it.
     */
    @Test
    void aCoefficientBeyondTheRangeOfDoublesIsRefusedByName() {
        Synthetic data = synthetic(7, 6, 0.3);
        GraphSpace space = GraphSpace.of(data.graphs());
        double[][] tiny = new double[6][1];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i][0] = i * Double.MIN_VALUE;
        }

        String message = assertThrows(IllegalArgumentException.class, () -> regression(EXACT)
                .fit(space, data.graphs(), tiny, List.of("goals"))).getMessage();

        assertTrue(message.contains("covariate 'goals' (column 1 of 1)")
                && message.contains("rescale it"), message);
    }
}
