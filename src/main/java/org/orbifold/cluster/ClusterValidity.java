package org.orbifold.cluster;

import java.util.Objects;

/**
 * Validity indices of a partition: the silhouette (internal, from distances) and the adjusted
 * Rand index and purity (external, against known classes).
 *
 * <ul>
 *   <li>Silhouette (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
 *       validation of cluster analysis", J. Comput. Appl. Math. 20:53-65,
 *       doi:10.1016/0377-0427(87)90125-7): for graph {@code i}, {@code a(i)} is its mean
 *       distance to the other members of its cluster, {@code b(i)} the least mean distance to
 *       the members of another cluster, and {@code s(i) = (b - a) / max(a, b)}; {@code s(i) = 0}
 *       for a member of a singleton cluster and when {@code a = b = 0}.</li>
 *   <li>Adjusted Rand index (Hubert and Arabie 1985, "Comparing partitions", J. Classification
 *       2:193-218, doi:10.1007/BF01908075): the Rand index corrected for chance under the
 *       hypergeometric model, from the contingency table {@code n_ij} with row sums
 *       {@code a_i} and column sums {@code b_j}:
 *       {@code (sum C(n_ij,2) - E) / (((sum C(a_i,2) + sum C(b_j,2)) / 2) - E)} with
 *       {@code E = sum C(a_i,2) sum C(b_j,2) / C(n,2)}.</li>
 *   <li>Purity: the fraction of items that belong to the most frequent class of their
 *       cluster.</li>
 * </ul>
 *
 * <p>Labels are non-negative integers (use {@link org.orbifold.space.LabelEncoder} for text
 * labels); arrays are not modified. The class is stateless and thread-safe.
 *
 * <p><b>Limitations.</b> The silhouette costs {@code O(n^2)} and needs the full distance
 * matrix. The adjusted Rand index is undefined when both partitions are trivial in the same
 * way (all items in one cluster, or all singletons), and for a single item, whose two
 * partitions are necessarily the same (its formula divides 0 by 0); it is then reported as 1,
 * the value for identical partitions.
 */
public final class ClusterValidity {

    private ClusterValidity() {
    }

    /**
     * Returns the silhouette value {@code s(i)} of every item.
     *
     * @param distances symmetric {@code n x n} distance matrix; not modified
     * @param labels cluster of every item, non-negative; not modified
     * @return the silhouette values, each in {@code [-1, 1]}
     * @throws IllegalArgumentException if the shapes disagree, a label is negative, or there
     *         are fewer than two clusters
     */
    public static double[] silhouettes(double[][] distances, int[] labels) {
        Objects.requireNonNull(distances, "distances");
        int n = requireLabels(labels, "labels").length;
        if (distances.length != n) {
            throw new IllegalArgumentException("distances has " + distances.length
                    + " rows but there are " + n + " labels");
        }
        int k = 1 + max(labels);
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        int used = 0;
        for (int size : sizes) {
            used += size > 0 ? 1 : 0;
        }
        if (used < 2) {
            throw new IllegalArgumentException("the silhouette needs at least two non-empty"
                    + " clusters, found " + used);
        }

        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (distances[i].length != n) {
                throw new IllegalArgumentException("distances row " + i + " has length "
                        + distances[i].length + ", expected " + n);
            }
            // Summed distance from i to every cluster.
            double[] sums = new double[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[labels[j]] += distances[i][j];
                }
            }

            // a(i) within the own cluster, b(i) to the nearest other cluster.
            int own = labels[i];
            if (sizes[own] == 1) {
                s[i] = 0.0;
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

    /**
     * Returns the mean silhouette value over all items.
     *
     * @param distances symmetric {@code n x n} distance matrix; not modified
     * @param labels cluster of every item; not modified
     * @return the mean of {@link #silhouettes}
     * @throws IllegalArgumentException as {@link #silhouettes}
     */
    public static double silhouette(double[][] distances, int[] labels) {
        double[] s = silhouettes(distances, labels);
        double sum = 0.0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    /**
     * Returns the adjusted Rand index of two partitions of the same items.
     *
     * @param first labels of the first partition; not modified
     * @param second labels of the second partition; not modified
     * @return the index, 1 for identical partitions (up to renaming, a single item and two
     *         partitions trivial in the same way included) and about 0 for independent ones;
     *         it can be negative
     * @throws IllegalArgumentException if the lengths differ, are zero, or a label is negative
     */
    public static double adjustedRandIndex(int[] first, int[] second) {
        long[][] table = contingency(first, second);
        int n = first.length;

        // Pair counts of the table, its rows and its columns.
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

        // Hubert-Arabie correction for chance; with one item there are no pairs at all.
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

    /**
     * Returns the purity of a clustering against classes: {@code (1/n) sum_k max_j n_kj}.
     *
     * @param clusters cluster labels; not modified
     * @param classes class labels of the same items; not modified
     * @return the purity in {@code (0, 1]}
     * @throws IllegalArgumentException if the lengths differ, are zero, or a label is negative
     */
    public static double purity(int[] clusters, int[] classes) {
        long[][] table = contingency(clusters, classes);
        long majority = 0;
        for (long[] row : table) {
            long best = 0;
            for (long count : row) {
                best = Math.max(best, count);
            }
            majority += best;
        }
        return (double) majority / clusters.length;
    }

    private static long[][] contingency(int[] first, int[] second) {
        requireLabels(first, "first");
        requireLabels(second, "second");
        if (first.length != second.length) {
            throw new IllegalArgumentException("the partitions label " + first.length + " and "
                    + second.length + " items; they must label the same items");
        }
        long[][] table = new long[1 + max(first)][1 + max(second)];
        for (int i = 0; i < first.length; i++) {
            table[first[i]][second[i]]++;
        }
        return table;
    }

    private static int[] requireLabels(int[] labels, String name) {
        Objects.requireNonNull(labels, name);
        if (labels.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + labels[i]
                        + "; labels must be >= 0");
            }
        }
        return labels;
    }

    private static int max(int[] labels) {
        int result = 0;
        for (int label : labels) {
            result = Math.max(result, label);
        }
        return result;
    }

    private static double choose2(long count) {
        return count * (count - 1) / 2.0;
    }
}
