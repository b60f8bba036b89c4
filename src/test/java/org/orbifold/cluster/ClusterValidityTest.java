package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClusterValidityTest {

    private static final double TOL = 1e-12;

    @Test
    void adjustedRandIndexOfIdenticalPartitionsUpToRenamingIsOne() {
        int[] a = {0, 0, 1, 1, 2, 2, 2};
        int[] b = {2, 2, 0, 0, 1, 1, 1};
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(a, b), TOL);
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(a, a), TOL);
    }

    /**
     * One item has no pairs, so the formula divides 0 by 0; like two partitions that are
     * trivial in the same way (one cluster each), its two partitions agree and score 1.
     */
    @Test
    void adjustedRandIndexOfOneItemOrOfTwoSingleClustersIsOne() {
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(new int[] {0}, new int[] {3}));
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(new int[] {0, 0, 0},
                new int[] {2, 2, 2}));
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(new int[] {0, 1, 2},
                new int[] {2, 0, 1}));
    }

    @Test
    void adjustedRandIndexMatchesHandComputedExample() {
        // Contingency rows (2,1,0) and (0,1,2): sum C(n_ij,2) = 2; rows C(3,2)+C(3,2) = 6;
        // columns 3 * C(2,2) = 3; C(6,2) = 15; E = 6*3/15 = 1.2; max = 4.5.
        // ARI = (2 - 1.2) / (4.5 - 1.2) = 8/33.
        int[] a = {0, 0, 0, 1, 1, 1};
        int[] b = {0, 0, 1, 1, 2, 2};
        assertEquals(8.0 / 33.0, ClusterValidity.adjustedRandIndex(a, b), TOL);
        assertEquals(8.0 / 33.0, ClusterValidity.adjustedRandIndex(b, a), TOL);
    }

    @Test
    void adjustedRandIndexCanBeNegative() {
        // Rows (1,1),(1,1): sum C(n_ij,2) = 0; rows 1+1 = 2, columns 2; C(4,2) = 6;
        // E = 4/6; max = 2; ARI = (0 - 2/3) / (2 - 2/3) = -1/2.
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 1, 0, 1};
        assertEquals(-0.5, ClusterValidity.adjustedRandIndex(a, b), TOL);
    }

    @Test
    void adjustedRandIndexOfTwoTrivialPartitionsIsOne() {
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(new int[] {0, 0, 0},
                new int[] {1, 1, 1}), TOL);
    }

    @Test
    void purityCountsTheMajorityClassOfEachCluster() {
        // Cluster 0 has classes (0,0,1): 2; cluster 1 has (1,1,1): 3; purity 5/6.
        int[] clusters = {0, 0, 0, 1, 1, 1};
        int[] classes = {0, 0, 1, 1, 1, 1};
        assertEquals(5.0 / 6.0, ClusterValidity.purity(clusters, classes), TOL);
        assertEquals(1.0, ClusterValidity.purity(classes, classes), TOL);
    }

    @Test
    void silhouetteMatchesHandComputedExampleOnALine() {
        // Points 0, 1, 5, 6 with |x - y|, clusters {0,1} and {5,6}. Every a(i) = 1;
        // b = 5.5, 4.5, 4.5, 5.5; s = 9/11, 7/9, 7/9, 9/11.
        double[] x = {0, 1, 5, 6};
        double[][] d = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        int[] labels = {0, 0, 1, 1};
        assertArrayEquals(new double[] {9.0 / 11, 7.0 / 9, 7.0 / 9, 9.0 / 11},
                ClusterValidity.silhouettes(d, labels), TOL);
        assertEquals((9.0 / 11 + 7.0 / 9) / 2, ClusterValidity.silhouette(d, labels), TOL);
    }

    @Test
    void silhouetteOfASingletonIsZeroAndAMisplacedPointIsNegative() {
        // Points 0, 1, 5 with clusters {0, 5} and {1}: s(1) = 0 (singleton);
        // point 0: a = 5, b = 1, s = (1 - 5)/5 = -0.8; point 5: a = 5, b = 4, s = -0.2.
        double[][] d = {{0, 1, 5}, {1, 0, 4}, {5, 4, 0}};
        assertArrayEquals(new double[] {-0.8, 0.0, -0.2},
                ClusterValidity.silhouettes(d, new int[] {0, 1, 0}), TOL);
    }

    @Test
    void rejectsBadInput() {
        double[][] d = {{0, 1}, {1, 0}};
        assertThrows(IllegalArgumentException.class,
                () -> ClusterValidity.silhouette(d, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterValidity.silhouette(d, new int[] {0, 1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterValidity.adjustedRandIndex(new int[] {0, 1}, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterValidity.purity(new int[] {0, -1}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterValidity.purity(new int[0], new int[0]));
    }

    /** The largest label sizes nothing: labels up to Integer.MAX_VALUE only name groups. */
    @Test
    void hugeLabelsCostNothing() {
        assertEquals(1.0, ClusterValidity.adjustedRandIndex(new int[] {100000, 0},
                new int[] {100000, 0}));
        int big = Integer.MAX_VALUE;
        int[] a = {big - 1, big - 1, big, 0, 0, 7};
        int[] b = {3, 3, 0, big, big, big};
        int[] smallA = {2, 2, 3, 0, 0, 1};
        int[] smallB = {1, 1, 0, 2, 2, 2};
        assertEquals(ClusterValidity.adjustedRandIndex(smallA, smallB),
                ClusterValidity.adjustedRandIndex(a, b));
        assertEquals(ClusterValidity.purity(smallA, smallB), ClusterValidity.purity(a, b));
        assertEquals(ClusterValidity.purity(smallB, smallA), ClusterValidity.purity(b, a));
        double[][] d = randomDistances(6, new Random(5));
        assertArrayEquals(ClusterValidity.silhouettes(d, smallA),
                ClusterValidity.silhouettes(d, a));
        assertEquals(4.0 / 6.0, ClusterValidity.purity(new int[] {big, big, 0, 0, 0, 5},
                new int[] {1, 2, 1, 1, 2, big}), TOL);
    }

    /**
     * On ordinary labels the results are those of the dense tables indexed by label value
     * (the reference below), to the last bit, on random partitions with empty labels between.
     */
    @Test
    void resultsMatchDenseTablesExactly() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(40);
            int[] a = new int[n];
            int[] b = new int[n];
            int ka = 1 + random.nextInt(6);
            int kb = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                a[i] = 2 * random.nextInt(ka);
                b[i] = random.nextInt(kb) + 3;
            }
            assertEquals(denseAdjustedRandIndex(a, b), ClusterValidity.adjustedRandIndex(a, b));
            assertEquals(densePurity(a, b), ClusterValidity.purity(a, b));
            assertEquals(densePurity(b, a), ClusterValidity.purity(b, a));
            if (Arrays.stream(a).distinct().count() >= 2) {
                double[][] d = randomDistances(n, random);
                assertArrayEquals(denseSilhouettes(d, a), ClusterValidity.silhouettes(d, a));
            }
        }
    }

    @Test
    void silhouettesRefuseBadMatrices() {
        int[] labels = {0, 0, 1};
        assertRefused("distances[0][1] = NaN", new double[][] {{0, Double.NaN, 5},
                {Double.NaN, 0, 4}, {5, 4, 0}}, labels);
        assertRefused("distances[0][1] = -1.0", new double[][] {{0, -1, 5}, {-1, 0, 4},
                {5, 4, 0}}, labels);
        double inf = Double.POSITIVE_INFINITY;
        assertRefused("distances[0][2] = Infinity", new double[][] {{0, 1, inf}, {1, 0, 4},
                {inf, 4, 0}}, labels);
        assertRefused("distances[1][2] = 4.0 but distances[2][1] = 3.0",
                new double[][] {{0, 1, 5}, {1, 0, 4}, {5, 3, 0}}, labels);
        assertRefused("distances[2][2] = 1.0", new double[][] {{0, 1, 5}, {1, 0, 4},
                {5, 4, 1}}, labels);
        assertRefused("distances row 1 is null", new double[][] {{0, 1, 5}, null, {5, 4, 0}},
                labels);
        assertRefused("distances row 2 has length 2", new double[][] {{0, 1, 5}, {1, 0, 4},
                {5, 4}}, labels);
        assertThrows(NullPointerException.class,
                () -> ClusterValidity.silhouettes(null, labels));
    }

    /** Mirror entries that differ by rounding only are accepted; row i is read for item i. */
    @Test
    void silhouettesAcceptRoundingAsymmetry() {
        double[][] d = {{0, 1, 5}, {1, 0, 4}, {5, 4 * (1 + 1e-12), 0}};
        double[] s = ClusterValidity.silhouettes(d, new int[] {0, 0, 1});
        // Item 2: a = 0 (singleton), s = 0; item 0: a = 1, b = 5; item 1: a = 1, b = 4.
        assertArrayEquals(new double[] {0.8, 0.75, 0.0}, s, TOL);
    }

    /** The silhouette does not depend on the scale, even where sums would overflow. */
    @Test
    void silhouettesOfHugeDistancesStayInRange() {
        Random random = new Random(3);
        double[][] d = randomDistances(9, random);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 0, 1};
        double[] expected = ClusterValidity.silhouettes(d, labels);
        double[][] huge = new double[9][9];
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                huge[i][j] = d[i][j] * 1e307;
            }
        }
        double[] s = ClusterValidity.silhouettes(huge, labels);
        assertArrayEquals(expected, s, 1e-12);
        for (double v : s) {
            assertTrue(v >= -1.0 && v <= 1.0, "silhouette " + v);
        }
    }

    private static void assertRefused(String message, double[][] d, int[] labels) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterValidity.silhouettes(d, labels));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** Distances of random points in the plane, exactly symmetric. */
    private static double[][] randomDistances(int n, Random random) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            y[i] = random.nextDouble();
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                d[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    // The dense reference: tables indexed by label value, as the class computed them before.

    private static long[][] denseTable(int[] first, int[] second) {
        long[][] table = new long[1 + Arrays.stream(first).max().getAsInt()]
                [1 + Arrays.stream(second).max().getAsInt()];
        for (int i = 0; i < first.length; i++) {
            table[first[i]][second[i]]++;
        }
        return table;
    }

    private static double choose2(long count) {
        return count * (count - 1) / 2.0;
    }

    private static double denseAdjustedRandIndex(int[] first, int[] second) {
        long[][] table = denseTable(first, second);
        int n = first.length;
        double pairs = 0.0;
        double rowPairs = 0.0;
        double columnPairs = 0.0;
        long[] columnSums = new long[table[0].length];
        for (long[] row : table) {
            long rowSum = 0;
            for (int j = 0; j < row.length; j++) {
                pairs += choose2(row[j]);
                rowSum += row[j];
                columnSums[j] += row[j];
            }
            rowPairs += choose2(rowSum);
        }
        for (long sum : columnSums) {
            columnPairs += choose2(sum);
        }
        if (n < 2) {
            return 1.0;
        }
        double expected = rowPairs * columnPairs / choose2(n);
        double maximum = 0.5 * (rowPairs + columnPairs);
        if (maximum == expected) {
            return 1.0;
        }
        return (pairs - expected) / (maximum - expected);
    }

    private static double densePurity(int[] clusters, int[] classes) {
        long majority = 0;
        for (long[] row : denseTable(clusters, classes)) {
            majority += Arrays.stream(row).max().getAsLong();
        }
        return (double) majority / clusters.length;
    }

    private static double[] denseSilhouettes(double[][] distances, int[] labels) {
        int n = labels.length;
        int k = 1 + Arrays.stream(labels).max().getAsInt();
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double[] sums = new double[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[labels[j]] += distances[i][j];
                }
            }
            int own = labels[i];
            if (sizes[own] == 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double scale = Math.max(a, b);
            s[i] = scale > 0.0 ? (b - a) / scale : 0.0;
        }
        return s;
    }
}
