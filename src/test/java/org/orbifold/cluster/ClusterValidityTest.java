package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
