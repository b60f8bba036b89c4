package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The kernels of {@link QapInstance} against {@link GraphSpace#similarity}: the value of a
 * permutation, the gain of every exchange, the quadratic gradient (general and at a
 * permutation, and at any matrix against its definition, by channels and by pairs of typed
 * edges), and the table of exchange gains ({@link SwapGains}), for every storage of
 * the edge terms (scalar, typed one-hot vectors, general vectors with more than the typed
 * limit of distinct values) and every kind of direction (undirected, directed, directed but
 * symmetric), with padding on either side.
 */
class QapInstanceTest {

    private static final long SEED = 271_828L;
    private static final int INSTANCES = 60;

    /** Ways of drawing the edge vectors. */
    private enum Edges {
        /** One channel, values 1..3. */
        SCALAR,
        /** Three channels, one-hot: three distinct vectors, the typed table. */
        ONE_HOT,
        /** Three channels, uniform values: many distinct vectors, the general path. */
        GENERAL
    }

    /** Directions of the graphs. */
    private enum Direction {
        UNDIRECTED, DIRECTED, SYMMETRIC_DIRECTED
    }

    @Test
    void exhaustiveSearchFindsTheBruteForceOptimum() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int t = 0; t < INSTANCES; t++) {
            Edges edges = Edges.values()[t % 3];
            Direction direction = Direction.values()[(t / 3) % 3];
            int de = edges == Edges.SCALAR ? 1 : 3;
            Graph x = graph(random, 2 + random.nextInt(5), de, edges, direction);
            Graph y = graph(random, 2 + random.nextInt(5), de, edges, direction);
            GraphSpace space = new GraphSpace(12, 2, de, 0.7, 1.3);
            int m = Math.max(x.order(), y.order()) + t % 2;
            double tolerance = MatchTesting.tolerance(space, x, y);
            QapInstance problem = new QapInstance();
            problem.load(space, x, y, m);
            int[] best = new int[m];
            boolean finished = problem.exhaustiveSearch(best, new int[m], new boolean[m],
                    Long.MAX_VALUE);

            assertTrue(finished, "instance " + t);
            Permutation found = Permutation.of(best);
            assertEquals(MatchTesting.bruteForceSimilarity(space, x, y, m),
                    space.similarity(x, y, found), tolerance,
                    "instance " + t + " (" + edges + ", " + direction + ")");
            int[] none = new int[m];
            assertTrue(!problem.exhaustiveSearch(none, new int[m], new boolean[m], 1L),
                    "a limit of one placement stops instance " + t);
        }
    }

    @Test
    void valueAndSwapGainsMatchTheSimilarity() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int t = 0; t < INSTANCES; t++) {
            Edges edges = Edges.values()[t % 3];
            Direction direction = Direction.values()[(t / 3) % 3];
            int de = edges == Edges.SCALAR ? 1 : 3;
            Graph x = graph(random, 2 + random.nextInt(8), de, edges, direction);
            Graph y = graph(random, 2 + random.nextInt(8), de, edges, direction);
            GraphSpace space = new GraphSpace(12, 2, de, 0.7, 1.3);
            int m = Math.max(x.order(), y.order()) + t % 2;
            double tolerance = MatchTesting.tolerance(space, x, y);
            QapInstance problem = new QapInstance();
            problem.load(space, x, y, m);

            int[] images = Permutation.random(m, random).toArray();
            double value = space.similarity(x, y, Permutation.of(images));
            assertEquals(value, problem.value(images), tolerance, "value, instance " + t);
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    int[] swapped = images.clone();
                    swapped[i] = images[j];
                    swapped[j] = images[i];
                    double expected = space.similarity(x, y, Permutation.of(swapped)) - value;
                    assertEquals(expected, problem.swapGain(images, i, j), tolerance,
                            "instance " + t + " (" + edges + ", " + direction + "), swap " + i
                                    + " and " + j);
                }
            }

            // At a permutation matrix P, f(P) = <S, P> + <H(P), P> / 2.
            double[] p = new double[m * m];
            for (int i = 0; i < m; i++) {
                p[i * m + images[i]] = 1.0;
            }
            double[] h = new double[m * m];
            problem.quadraticGradient(p, h);
            double fromGradient = 0.0;
            for (int i = 0; i < m; i++) {
                int k = i * m + images[i];
                fromGradient += problem.nodeGain[k] + 0.5 * h[k];
            }
            assertEquals(value, fromGradient, tolerance, "gradient, instance " + t);

            // The gradient at a permutation matrix from its images alone.
            double[] fromImages = new double[m * m];
            problem.permutationGradient(images, fromImages);
            for (int k = 0; k < m * m; k++) {
                assertEquals(h[k], fromImages[k], tolerance, "permutation gradient, instance "
                        + t + ", entry " + k);
            }
            assertZeroOnPadding(problem, fromImages, "permutation gradient, instance " + t);
        }
    }

    @Test
    void gradientAtAnyMatrixMatchesTheDefinitionBothWays() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int t = 0; t < INSTANCES; t++) {
            Edges edges = Edges.values()[t % 3];
            Direction direction = Direction.values()[(t / 3) % 3];
            int de = edges == Edges.SCALAR ? 1 : 3;
            Graph x = graph(random, 2 + random.nextInt(8), de, edges, direction);
            Graph y = graph(random, 2 + random.nextInt(8), de, edges, direction);
            GraphSpace space = new GraphSpace(12, 2, de, 0.7, 1.3);
            int m = Math.max(x.order(), y.order()) + t % 2;
            double tolerance = MatchTesting.tolerance(space, x, y);
            QapInstance problem = new QapInstance();
            problem.load(space, x, y, m);
            double[] p = new double[m * m];
            for (int k = 0; k < m * m; k++) {
                p[k] = random.nextDouble(-1.0, 1.0);
            }
            double[] expected = definitionGradient(space, x, y, m, p);
            String where = "instance " + t + " (" + edges + ", " + direction + ")";
            for (boolean pairs : new boolean[] {false, true}) {
                if (pairs && edges != Edges.ONE_HOT) {
                    continue;
                }
                problem.edgePairGradient = pairs;
                double[] h = new double[m * m];
                problem.quadraticGradient(p, h);
                for (int k = 0; k < m * m; k++) {
                    assertEquals(expected[k], h[k], tolerance, where + ", by edge pairs "
                            + pairs + ", entry " + k);
                }
                assertZeroOnPadding(problem, h, where + ", by edge pairs " + pairs);
            }
            assertZeroOnPadding(problem, problem.nodeGain, where + ", node gains");
        }
    }

    /**
     * The premise of the rectangular assignments ({@link PaddedAssignment}): the rows of
     * padding nodes of X and the columns of those of Y are exactly zero, here even though the
     * matrix {@code P} is not zero there.
     */
    private static void assertZeroOnPadding(QapInstance problem, double[] values,
            String where) {
        int m = problem.m;
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < m; a++) {
                if (i >= problem.nx || a >= problem.ny) {
                    assertEquals(0.0, values[i * m + a], 0.0, where + ", padding entry ("
                            + i + ", " + a + ")");
                }
            }
        }
    }

    /**
     * {@code H[i, a] = sum_{k, b} w (<x_ik, y_ab> + <x_ki, y_ba>) P[k, b]} summed entry by entry,
     * padding nodes contributing nothing.
     */
    private static double[] definitionGradient(GraphSpace space, Graph x, Graph y, int m,
            double[] p) {
        double[] h = new double[m * m];
        for (int i = 0; i < x.order(); i++) {
            for (int a = 0; a < y.order(); a++) {
                double sum = 0.0;
                for (int k = 0; k < x.order(); k++) {
                    for (int b = 0; b < y.order(); b++) {
                        if (k == i || b == a) {
                            continue;
                        }
                        double term = 0.0;
                        for (int c = 0; c < space.edgeDimension(); c++) {
                            term += x.edge(i, k, c) * y.edge(a, b, c)
                                    + x.edge(k, i, c) * y.edge(b, a, c);
                        }
                        sum += term * p[k * m + b];
                    }
                }
                h[i * m + a] = space.edgeWeight() * sum;
            }
        }
        return h;
    }

    @Test
    void gainTableFollowsExchangesAndDescendsToALocalOptimum() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int t = 0; t < INSTANCES; t++) {
            Edges edges = Edges.values()[t % 3];
            Direction direction = Direction.values()[(t / 3) % 3];
            int de = edges == Edges.SCALAR ? 1 : 3;
            Graph x = graph(random, 2 + random.nextInt(8), de, edges, direction);
            Graph y = graph(random, 2 + random.nextInt(8), de, edges, direction);
            GraphSpace space = new GraphSpace(12, 2, de, 0.7, 1.3);
            int m = Math.max(x.order(), y.order()) + t % 2;
            double tolerance = MatchTesting.tolerance(space, x, y);
            QapInstance problem = new QapInstance();
            problem.load(space, x, y, m);
            int[] images = Permutation.random(m, random).toArray();
            SwapGains table = new SwapGains();
            table.reset(problem, images);
            String where = "instance " + t + " (" + edges + ", " + direction + ")";
            assertGainsExact(problem, table, tolerance, where);

            // A few exchanges, then the descent.
            for (int k = 0; k + 1 < m; k += 2) {
                table.exchange(k, m - 1 - k / 2);
                assertGainsExact(problem, table, tolerance, where + " after exchange " + k);
            }
            int[] before = Arrays.copyOf(table.p, m);
            double total = table.descend(problem.noise());
            int[] after = Arrays.copyOf(table.p, m);
            assertEquals(problem.value(before) + total, problem.value(after), tolerance,
                    "descent gain, " + where);
            for (int u = 0; u < m; u++) {
                for (int v = u + 1; v < m; v++) {
                    assertTrue(problem.swapGain(after, u, v) <= tolerance,
                            "improving exchange left, " + where);
                }
            }
        }
    }

    private static void assertGainsExact(QapInstance problem, SwapGains table,
            double tolerance, String where) {
        int m = problem.m;
        for (int u = 0; u < m; u++) {
            for (int v = u + 1; v < m; v++) {
                assertEquals(problem.swapGain(table.p, u, v), table.gain(u, v), tolerance,
                        where + ", exchange " + u + " and " + v);
            }
        }
    }

    private static Graph graph(SplittableRandom random, int order, int de, Edges edges,
            Direction direction) {
        Graph.Builder builder = Graph.builder(2, de)
                .directed(direction != Direction.UNDIRECTED);
        for (int i = 0; i < order; i++) {
            builder.addNode(random.nextDouble(), random.nextDouble(-1.0, 1.0));
        }
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextDouble() < 0.5) {
                    double[] vector = vector(random, de, edges);
                    builder.addEdge(i, j, vector);
                    if (direction == Direction.SYMMETRIC_DIRECTED) {
                        builder.addEdge(j, i, vector);
                    }
                }
                if (direction == Direction.DIRECTED && random.nextDouble() < 0.5) {
                    builder.addEdge(j, i, vector(random, de, edges));
                }
            }
        }
        return builder.build();
    }

    private static double[] vector(SplittableRandom random, int de, Edges edges) {
        double[] vector = new double[de];
        switch (edges) {
            case SCALAR:
                vector[0] = 1 + random.nextInt(3);
                break;
            case ONE_HOT:
                vector[random.nextInt(de)] = 1.0;
                break;
            default:
                for (int c = 0; c < de; c++) {
                    vector[c] = random.nextDouble(-1.0, 1.0);
                }
                vector[0] += 2.0;
                break;
        }
        return vector;
    }
}
