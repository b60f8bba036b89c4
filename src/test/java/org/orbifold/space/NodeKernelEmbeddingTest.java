package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.orbifold.space.NodeKernelEmbedding.Kernel;
import org.orbifold.space.NodeKernelEmbedding.Sampling;

class NodeKernelEmbeddingTest {

    /** Rounding of sums of a few thousand products of numbers of magnitude at most 1. */
    private static final double ROUNDING = 1e-12;
    /**
     * Largest kernel error of 8192 random features on 200 pairs: one value's standard
     * deviation is at most {@code 8192^-1/2 = 0.011}, so 0.05 is 4.5 deviations.
     */
    private static final double RANDOM_TOLERANCE = 0.05;
    /** Largest kernel error of 1024 Halton features on 200 pairs in two dimensions. */
    private static final double HALTON_TOLERANCE = 0.01;
    private static final int PAIRS = 200;
    private static final long SEED = 11L;

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** A seeded point with coordinates in [-1.5, 1.5), within a few bandwidths. */
    private static double[] point(SplittableRandom random, int d) {
        double[] x = new double[d];
        for (int c = 0; c < d; c++) {
            x[c] = random.nextDouble(-1.5, 1.5);
        }
        return x;
    }

    /** Largest and mean absolute error of the realized kernel on seeded pairs. */
    private static double[] kernelErrors(NodeKernelEmbedding map, int d) {
        SplittableRandom random = new SplittableRandom(SEED);
        double max = 0.0;
        double sum = 0.0;
        for (int p = 0; p < PAIRS; p++) {
            double[] x = point(random, d);
            double[] y = point(random, d);
            double error = Math.abs(map.approximateKernel(x, y) - map.exactKernel(x, y));
            max = Math.max(max, error);
            sum += error;
        }
        return new double[] {max, sum / PAIRS};
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0.0;
        for (int f = 0; f < a.length; f++) {
            s += (a[f] - b[f]) * (a[f] - b[f]);
        }
        return s;
    }

    @Test
    void featuresHaveUnitNormAndDistancesAreTwoMinusTwiceTheRealizedKernel() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (Kernel kernel : Kernel.values()) {
            for (Sampling sampling : Sampling.values()) {
                assertUnitNormAndDistances(NodeKernelEmbedding.of(kernel, 3, range(3), 0.7, 64,
                        sampling, SEED), random);
            }
        }
    }

    private static void assertUnitNormAndDistances(NodeKernelEmbedding map,
            SplittableRandom random) {
        for (int p = 0; p < 20; p++) {
            double[] x = point(random, 3);
            double[] y = point(random, 3);
            double[] phiX = map.map(x);
            double[] phiY = map.map(y);
            assertEquals(1.0, squaredDistance(phiX, new double[64]), ROUNDING, map::toString);
            assertEquals(2.0 - 2.0 * map.approximateKernel(x, y), squaredDistance(phiX, phiY),
                    ROUNDING);
        }
    }

    @Test
    void gaussianRandomFeaturesAreTheSeededNormalDrawsOverTheBandwidth() {
        // The features the Gaussian map had before the Laplacian kernel was added, computed
        // here from the definition: the same seed must give the same numbers, bit for bit.
        double[] x = {0.3, -1.2};
        double sigma = 0.7;
        int m = 16;
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] w = new double[m][];
        for (int j = 0; j < m; j++) {
            w[j] = new double[] {random.nextGaussian() / sigma, random.nextGaussian() / sigma};
        }
        double[] expected = cosinesAndSines(w, x);
        assertArrayEquals(expected, NodeKernelEmbedding.gaussian(2, range(2), sigma, 2 * m,
                Sampling.RANDOM, SEED).map(x), 0.0);
        assertArrayEquals(expected, NodeKernelEmbedding.of(Kernel.GAUSSIAN, 2, range(2), sigma,
                2 * m, Sampling.RANDOM, SEED).map(x), 0.0);
    }

    @Test
    void laplacianRandomFeaturesDivideEachGaussianDirectionByOneHalfNormalValue() {
        // Frequency j: the d normal values of z, then g, from the same seeded stream;
        // w = z / (sigma |g|).
        double[] x = {0.3, -1.2};
        double sigma = 0.7;
        int m = 16;
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] w = new double[m][];
        for (int j = 0; j < m; j++) {
            double w0 = random.nextGaussian() / sigma;
            double w1 = random.nextGaussian() / sigma;
            double g = Math.max(Math.abs(random.nextGaussian()),
                    NodeKernelEmbedding.MIN_HALF_NORMAL);
            w[j] = new double[] {w0 / g, w1 / g};
        }
        double[] expected = cosinesAndSines(w, x);
        NodeKernelEmbedding map = NodeKernelEmbedding.laplacian(2, range(2), sigma, 2 * m,
                Sampling.RANDOM, SEED);
        assertArrayEquals(expected, map.map(x), ROUNDING);
        assertEquals(Kernel.LAPLACIAN, map.kernel());
        assertEquals("NodeKernelEmbedding[laplacian, sigma=0.7, D=32, random seed 11,"
                + " inputChannels=[0, 1]]", map.toString());
        assertEquals("NodeKernelEmbedding[gaussian, sigma=0.7, D=32, halton,"
                + " inputChannels=[0, 1]]", NodeKernelEmbedding.gaussian(2, range(2), sigma,
                        32, Sampling.HALTON, SEED).toString());
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void randomFeaturesApproximateEitherKernelForLargeD(Kernel kernel) {
        for (int d : new int[] {1, 2, 5}) {
            NodeKernelEmbedding map = NodeKernelEmbedding.of(kernel, d, range(d), 1.0, 8192,
                    Sampling.RANDOM, SEED);
            double[] errors = kernelErrors(map, d);
            assertTrue(errors[0] < RANDOM_TOLERANCE, "d " + d + ": max error " + errors[0]);
        }
        // The bandwidth scales the frequencies: sigma 2 on x equals sigma 1 on x / 2.
        NodeKernelEmbedding wide = NodeKernelEmbedding.of(kernel, 2, range(2), 2.0, 8192,
                Sampling.RANDOM, SEED);
        assertTrue(kernelErrors(wide, 2)[0] < RANDOM_TOLERANCE);
    }

    @Test
    void laplacianFeaturesDoNotFitTheGaussianKernel() {
        // The same frequencies would not fit the Gaussian kernel: at distance 1 and sigma 1
        // the kernels are exp(-1) = 0.37 and exp(-1/2) = 0.61.
        double[] origin = {0.0, 0.0};
        double[] unit = {0.6, 0.8};
        NodeKernelEmbedding map = NodeKernelEmbedding.laplacian(2, range(2), 1.0, 8192,
                Sampling.RANDOM, SEED);
        assertEquals(Math.exp(-1.0), map.approximateKernel(origin, unit), RANDOM_TOLERANCE);
        assertEquals(Math.exp(-1.0), map.exactKernel(origin, unit), ROUNDING);
    }

    @Test
    void haltonFeaturesApproximateTheLaplacianKernelInTwoDimensions() {
        NodeKernelEmbedding halton = NodeKernelEmbedding.laplacian(2, range(2), 1.0, 8192,
                Sampling.HALTON, 0L);
        double[] errors = kernelErrors(halton, 2);
        assertTrue(errors[0] < RANDOM_TOLERANCE, "max error " + errors[0]);
        // Deterministic: the seed is unused.
        double[] x = {0.3, -1.2};
        assertArrayEquals(halton.map(x), NodeKernelEmbedding.laplacian(2, range(2), 1.0, 8192,
                Sampling.HALTON, 5L).map(x), 0.0);
    }

    @Test
    void exactLaplacianKernelUsesTheEuclideanNorm() {
        assertEquals(Math.exp(-2.5), NodeKernelEmbedding.laplacianKernel(new double[] {0.0,
            0.0}, new double[] {3.0, 4.0}, 2.0), ROUNDING);
        assertEquals(1.0, NodeKernelEmbedding.laplacianKernel(new double[] {1.0},
                new double[] {1.0}, 0.5), 0.0);
        assertThrows(IllegalArgumentException.class, () -> NodeKernelEmbedding
                .laplacianKernel(new double[1], new double[2], 1.0));
    }

    @Test
    void laplacianGraphsKeepRelabellingAndCostsAreCapped() {
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(0.0, 0.0, 0.5);
        b.addNode(1.0, 0.5, 0.5);
        b.addNode(40.0, -30.0, 0.5);
        b.addEdge(0, 1, 2.0);
        Graph g = b.build();
        NodeKernelEmbedding map = NodeKernelEmbedding.laplacian(3, new int[] {0, 1}, 1.0, 256,
                Sampling.RANDOM, SEED);
        Graph mapped = map.apply(g);
        Permutation p = Permutation.of(2, 0, 1);
        assertEquals(map.apply(g.permute(p)), mapped.permute(p));
        GraphSpace space = GraphSpace.of(List.of(mapped));
        for (int i = 0; i < 3; i++) {
            assertEquals(1.25, space.squaredNorm(mapped.subgraph(i)), ROUNDING);
            for (int j = 0; j < 3; j++) {
                assertTrue(space.squaredDistance(mapped.subgraph(i), mapped.subgraph(j),
                        Permutation.identity(1)) <= 4.0 + ROUNDING);
            }
        }
    }

    @Test
    void haltonFeaturesAreCloserThanRandomOnesInTwoDimensions() {
        NodeKernelEmbedding halton = NodeKernelEmbedding.gaussian(2, range(2), 1.0, 1024,
                Sampling.HALTON, 0L);
        assertTrue(kernelErrors(halton, 2)[0] < HALTON_TOLERANCE);
        double haltonMean = kernelErrors(NodeKernelEmbedding.gaussian(2, range(2), 1.0, 256,
                Sampling.HALTON, 0L), 2)[1];
        double randomMean = kernelErrors(NodeKernelEmbedding.gaussian(2, range(2), 1.0, 256,
                Sampling.RANDOM, SEED), 2)[1];
        assertTrue(haltonMean < randomMean, haltonMean + " vs " + randomMean);
    }

    @Test
    void theSameSeedGivesTheSameFeaturesAndHaltonIgnoresIt() {
        double[] x = {0.3, -1.2};
        double[] first = NodeKernelEmbedding.gaussian(2, range(2), 0.5, 32, Sampling.RANDOM,
                SEED).map(x);
        double[] again = NodeKernelEmbedding.gaussian(2, range(2), 0.5, 32, Sampling.RANDOM,
                SEED).map(x);
        double[] other = NodeKernelEmbedding.gaussian(2, range(2), 0.5, 32, Sampling.RANDOM,
                SEED + 1).map(x);
        assertArrayEquals(first, again, 0.0);
        assertFalse(Arrays.equals(first, other));
        assertArrayEquals(NodeKernelEmbedding.gaussian(2, range(2), 0.5, 32, Sampling.HALTON,
                1L).map(x), NodeKernelEmbedding.gaussian(2, range(2), 0.5, 32,
                Sampling.HALTON, 2L).map(x), 0.0);
    }

    @Test
    void graphsKeepTheOtherChannelsEdgesAndRelabellingAndCostsAreCapped() {
        // Channels (x, y, exists): the kernel maps x and y, the existence channel stays first.
        double e = 0.5;
        Graph.Builder b = Graph.builder(3, 1);
        b.addNode(0.0, 0.0, e);
        b.addNode(1.0, 0.5, e);
        b.addNode(40.0, -30.0, e);
        b.addEdge(0, 1, 2.0);
        b.addEdge(1, 2, 3.0);
        Graph g = b.build();
        NodeKernelEmbedding map = NodeKernelEmbedding.gaussian(3, new int[] {0, 1}, 1.0, 256,
                Sampling.HALTON, 0L);
        Graph mapped = map.apply(g);

        assertEquals(1 + 256, mapped.nodeDimension());
        assertArrayEquals(new int[] {2}, map.keptChannels());
        assertEquals(g.order(), mapped.order());
        assertEquals(e, mapped.node(1, 0));
        assertArrayEquals(g.edgeArray(), mapped.edgeArray(), 0.0);
        Permutation p = Permutation.of(2, 0, 1);
        assertEquals(map.apply(g.permute(p)), mapped.permute(p));

        // One-node graphs: a substitution costs 2 - 2k <= 2 however far apart the nodes are;
        // a node matched with a null node costs 1 + e^2.
        GraphSpace space = GraphSpace.of(List.of(mapped));
        Graph near = mapped.subgraph(0);
        Graph far = mapped.subgraph(2);
        double k = NodeKernelEmbedding.gaussianKernel(new double[] {0.0, 0.0},
                new double[] {1.0, 0.5}, 1.0);
        assertEquals(2.0 - 2.0 * k, space.squaredDistance(near, mapped.subgraph(1),
                Permutation.identity(1)), 0.05);
        assertTrue(space.squaredDistance(near, far, Permutation.identity(1)) <= 2.0 + 0.05);
        assertEquals(1.0 + e * e, space.squaredNorm(far), ROUNDING);
    }

    @Test
    void aBandwidthWhoseFrequenciesWouldOverflowIsRefusedAndTheSmallestAllowedIsFinite() {
        int[] both = range(2);
        for (Sampling sampling : Sampling.values()) {
            // 1 / 1e-310 is already infinite, and 1e-301 times a normal value of 2 overflows.
            for (double tiny : new double[] {1e-310, 1e-301}) {
                String message = assertThrows(IllegalArgumentException.class,
                        () -> NodeKernelEmbedding.laplacian(2, both, tiny, 8, sampling, SEED))
                        .getMessage();
                assertEquals("bandwidth must be at least 1.0E-300, got " + tiny + ": the"
                        + " frequencies are normal values divided by it and would not be"
                        + " finite", message);
            }
            for (Kernel kernel : Kernel.values()) {
                NodeKernelEmbedding smallest = NodeKernelEmbedding.of(kernel, 2, both,
                        NodeKernelEmbedding.MIN_BANDWIDTH, 4096, sampling, SEED);
                for (double value : smallest.map(new double[] {1.0, -0.5})) {
                    assertTrue(Double.isFinite(value), smallest + " gives feature " + value);
                }
            }
        }
    }

    @Test
    void badValuesAreNamed() {
        int[] both = range(2);
        assertEquals("bandwidth must be positive and finite, got 0.0", assertThrows(
                IllegalArgumentException.class, () -> NodeKernelEmbedding.gaussian(2, both,
                        0.0, 8, Sampling.RANDOM, 1L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeKernelEmbedding.gaussian(2,
                both, Double.NaN, 8, Sampling.RANDOM, 1L));
        assertEquals("features must be even, >= 2 (a cosine and a sine per frequency) and at"
                + " most MAX_FEATURES = 65536, got 7", assertThrows(IllegalArgumentException.class,
                        () -> NodeKernelEmbedding.gaussian(2, both, 1.0, 7, Sampling.RANDOM,
                                1L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeKernelEmbedding.gaussian(2,
                both, 1.0, 0, Sampling.RANDOM, 1L));
        assertEquals("inputChannels holds channel 2; expected a channel in [0, 2)",
                assertThrows(IllegalArgumentException.class, () -> NodeKernelEmbedding
                        .gaussian(2, new int[] {0, 2}, 1.0, 8, Sampling.RANDOM, 1L))
                        .getMessage());
        assertEquals("inputChannels holds channel 1 twice", assertThrows(
                IllegalArgumentException.class, () -> NodeKernelEmbedding.gaussian(2,
                        new int[] {1, 1}, 1.0, 8, Sampling.RANDOM, 1L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeKernelEmbedding.gaussian(2,
                new int[0], 1.0, 8, Sampling.RANDOM, 1L));
        assertEquals("kernel", assertThrows(NullPointerException.class,
                () -> NodeKernelEmbedding.of(null, 2, both, 1.0, 8, Sampling.RANDOM, 1L))
                .getMessage());
        assertEquals("bandwidth must be positive and finite, got Infinity", assertThrows(
                IllegalArgumentException.class, () -> NodeKernelEmbedding.laplacian(2, both,
                        Double.POSITIVE_INFINITY, 8, Sampling.HALTON, 1L)).getMessage());
        assertEquals("features must be even, >= 2 (a cosine and a sine per frequency) and at"
                + " most MAX_FEATURES = 65536, got 3", assertThrows(IllegalArgumentException.class,
                        () -> NodeKernelEmbedding.laplacian(2, both, 1.0, 3, Sampling.RANDOM,
                                1L)).getMessage());
        assertEquals("sampling", assertThrows(NullPointerException.class,
                () -> NodeKernelEmbedding.laplacian(2, both, 1.0, 8, null, 1L)).getMessage());
        NodeKernelEmbedding map = NodeKernelEmbedding.gaussian(2, both, 1.0, 8,
                Sampling.RANDOM, 1L);
        Graph.Builder b = Graph.builder(3, 0);
        b.addNode(1.0, 2.0, 3.0);
        Graph wrong = b.build();
        assertEquals("graphs[0]: graph has node dimension 3 but the kernel map expects 2",
                assertThrows(IllegalArgumentException.class,
                        () -> map.applyAll(List.of(wrong))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> map.map(new double[3]));
    }

    @Test
    void attributeScalingAppliesTheKernelLast() {
        Graph.Builder b = Graph.builder(1, 1);
        b.addNode(7.0);
        b.addNode(9.0);
        b.addEdge(0, 1, 2.0);
        Graph g = b.build();
        AttributeScaling scaling = AttributeScaling.standardize(List.of(g), 0)
                .withExistenceChannel(0.5);
        NodeKernelEmbedding map = NodeKernelEmbedding.gaussian(2, new int[] {0}, 1.0, 16,
                Sampling.RANDOM, SEED);
        AttributeScaling withKernel = scaling.withNodeKernel(map);

        assertEquals(1 + 16, withKernel.outputNodeDimension());
        assertEquals(map.apply(scaling.apply(g)), withKernel.apply(g));
        assertEquals(map, withKernel.nodeKernel().orElseThrow());
        assertTrue(scaling.nodeKernel().isEmpty());
        assertEquals(withKernel.apply(g), withKernel.timesEdgeFactor(0, 1.0).apply(g));
        assertThrows(IllegalStateException.class, () -> withKernel.withExistenceChannel(1.0));
        assertEquals("the kernel map expects node dimension 1 but the scaled nodes have 2",
                assertThrows(IllegalArgumentException.class, () -> scaling.withNodeKernel(
                        NodeKernelEmbedding.gaussian(1, new int[] {0}, 1.0, 16,
                                Sampling.RANDOM, SEED))).getMessage());
    }

    /** The features {@code m^-1/2 (cos w_j . x, sin w_j . x)_j} of frequencies {@code w}. */
    private static double[] cosinesAndSines(double[][] w, double[] x) {
        int m = w.length;
        double[] features = new double[2 * m];
        for (int j = 0; j < m; j++) {
            double phase = 0.0;
            for (int c = 0; c < x.length; c++) {
                phase += w[j][c] * x[c];
            }
            features[2 * j] = Math.sqrt(1.0 / m) * Math.cos(phase);
            features[2 * j + 1] = Math.sqrt(1.0 / m) * Math.sin(phase);
        }
        return features;
    }

    @Test
    void unreasonableFeatureCountsAreRefusedBeforeAllocating() {
        int[] both = range(2);
        for (int features : new int[] {Integer.MAX_VALUE - 1, NodeKernelEmbedding.MAX_FEATURES
                + 2}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeKernelEmbedding.gaussian(2, both, 1.0, features, Sampling.RANDOM,
                            1L));
            assertTrue(e.getMessage().contains("MAX_FEATURES = 65536"), e.getMessage());
        }
        assertEquals(NodeKernelEmbedding.MAX_FEATURES, NodeKernelEmbedding.gaussian(2, both,
                1.0, NodeKernelEmbedding.MAX_FEATURES, Sampling.HALTON, 1L).features());
    }

    @Test
    void nonFiniteInputIsRefused() {
        NodeKernelEmbedding map = NodeKernelEmbedding.gaussian(2, range(2), 1.0, 8,
                Sampling.RANDOM, 1L);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> map.map(new double[] {0.5, bad}));
            assertTrue(e.getMessage().contains("input value 1 is " + bad), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> map.approximateKernel(new double[] {bad, 0.0}, new double[2]));
        }
    }

    @Test
    void mapsOfEqualSettingsAreEqual() {
        NodeKernelEmbedding a = NodeKernelEmbedding.gaussian(3, new int[] {0, 2}, 0.5, 8,
                Sampling.RANDOM, 4L);
        NodeKernelEmbedding b = NodeKernelEmbedding.gaussian(3, new int[] {0, 2}, 0.5, 8,
                Sampling.RANDOM, 4L);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertArrayEquals(a.map(new double[] {0.3, -1.0}), b.map(new double[] {0.3, -1.0}));
        assertFalse(a.equals(NodeKernelEmbedding.gaussian(3, new int[] {0, 2}, 0.5, 8,
                Sampling.RANDOM, 5L)), "another seed draws other frequencies");
        assertFalse(a.equals(NodeKernelEmbedding.laplacian(3, new int[] {0, 2}, 0.5, 8,
                Sampling.RANDOM, 4L)));
        assertEquals(NodeKernelEmbedding.gaussian(3, new int[] {1}, 0.5, 8, Sampling.HALTON,
                1L), NodeKernelEmbedding.gaussian(3, new int[] {1}, 0.5, 8, Sampling.HALTON, 2L),
                "Halton points do not use the seed");
    }
}
