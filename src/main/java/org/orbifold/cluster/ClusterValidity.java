package org.orbifold.cluster;

import java.util.Arrays;
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
 * labels); they only name the groups, so any such values do: the tables are sized by the
 * number of distinct labels, not by the largest label. Arrays are not modified. The class is
 * stateless and thread-safe.
 *
 * <p><b>Limitations.</b> The silhouette costs {@code O(n^2)} and needs the full distance
 * matrix. The adjusted Rand index is undefined when both partitions are trivial in the same
 * way (all items in one cluster, or all singletons), and for a single item, whose two
 * partitions are necessarily the same (its formula divides 0 by 0); it is then reported as 1,
 * the value for identical partitions.
 */
public final class ClusterValidity {

    /** The relative difference of mirror entries that {@link #silhouettes} accepts. */
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    private ClusterValidity() {
    }

    /**
     * Returns the silhouette value {@code s(i)} of every item.
     *
     * <p>The matrix is checked first: every row present and of length {@code n}, a zero
     * diagonal, finite entries {@code >= 0} off it, and symmetry up to rounding
     * ({@code |d[i][j] - d[j][i]| <= 1e-9 max(d[i][j], d[j][i])}; item {@code i} reads row
     * {@code i}). The labels only name the clusters: any non-negative values do, and tables
     * are sized by the number of distinct labels, not by the largest one.
     *
     * @param distances symmetric {@code n x n} distance matrix with a zero diagonal; not
     *        modified
     * @param labels cluster of every item, non-negative; not modified
     * @return the silhouette values, each in {@code [-1, 1]}
     * @throws NullPointerException if {@code distances} or {@code labels} is null
     * @throws IllegalArgumentException if the shapes disagree, a row is null, a label is
     *         negative, there are fewer than two clusters, or an entry is NaN, infinite,
     *         negative, non-zero on the diagonal or differs from its mirror entry beyond
     *         rounding (the message names the row, the column and the value)
     */
    public static double[] silhouettes(double[][] distances, int[] labels) {
        Objects.requireNonNull(distances, "distances");
        int n = requireLabels(labels, "labels").length;
        if (distances.length != n) {
            throw new IllegalArgumentException("distances has " + distances.length
                    + " rows but there are " + n + " labels");
        }
        double largest = checkDistances(distances);
        int[] clusters = ranks(labels);
        int k = 1 + max(clusters);
        int[] sizes = new int[k];
        for (int label : clusters) {
            sizes[label]++;
        }
        if (k < 2) {
            throw new IllegalArgumentException("the silhouette needs at least two non-empty"
                    + " clusters, found " + k);
        }
        // The silhouette does not change with the scale of the distances: scale them down
        // only where a sum of n - 1 of them could overflow.
        double scale = largest > Double.MAX_VALUE / Math.max(1, n - 1) ? 1.0 / largest : 1.0;

        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            // Summed distance from i to every cluster.
            double[] sums = new double[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[clusters[j]] += scale == 1.0 ? distances[i][j]
                            : distances[i][j] * scale;
                }
            }

            // a(i) within the own cluster, b(i) to the nearest other cluster.
            int own = clusters[i];
            if (sizes[own] == 1) {
                s[i] = 0.0;
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double larger = Math.max(a, b);
            s[i] = larger > 0.0 ? (b - a) / larger : 0.0;
        }
        return s;
    }

    /**
     * Checks a square matrix of the right size for {@link #silhouettes} and returns its
     * largest entry.
     */
    private static double checkDistances(double[][] distances) {
        int n = distances.length;
        for (int i = 0; i < n; i++) {
            if (distances[i] == null) {
                throw new IllegalArgumentException("distances row " + i + " is null");
            }
            if (distances[i].length != n) {
                throw new IllegalArgumentException("distances row " + i + " has length "
                        + distances[i].length + ", expected " + n);
            }
        }
        double largest = 0.0;
        for (int i = 0; i < n; i++) {
            if (distances[i][i] != 0.0) {
                throw new IllegalArgumentException("distances[" + i + "][" + i + "] = "
                        + distances[i][i] + "; a distance matrix has a zero diagonal");
            }
            for (int j = 0; j < n; j++) {
                double d = distances[i][j];
                if (!(d >= 0.0) || d == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("distances[" + i + "][" + j + "] = "
                            + d + "; distances must be finite and >= 0");
                }
                largest = Math.max(largest, d);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = distances[i][j];
                double mirror = distances[j][i];
                if (Math.abs(d - mirror) > SYMMETRY_TOLERANCE * Math.max(d, mirror)) {
                    throw new IllegalArgumentException("distances[" + i + "][" + j + "] = "
                            + d + " but distances[" + j + "][" + i + "] = " + mirror
                            + "; the matrix must be symmetric (up to a relative "
                            + SYMMETRY_TOLERANCE + ")");
                }
            }
        }
        return largest;
    }

    /**
     * Returns the mean silhouette value over all items.
     *
     * @param distances symmetric {@code n x n} distance matrix with a zero diagonal, checked
     *        as {@link #silhouettes} checks it; not modified
     * @param labels cluster of every item, non-negative; not modified
     * @return the mean of {@link #silhouettes}
     * @throws NullPointerException as {@link #silhouettes}
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
        Contingency table = new Contingency(first, second);
        int n = first.length;

        // Pair counts of the table, its rows and its columns, each in increasing label order.
        double pairs = 0.0;
        for (long count : table.cells) {
            pairs += choose2(count);
        }
        double rowPairs = 0.0;
        for (long sum : table.rowSums) {
            rowPairs += choose2(sum);
        }
        double columnPairs = 0.0;
        for (long sum : table.columnSums) {
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
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(classes, "classes");
        Contingency table = new Contingency(clusters, classes);
        long majority = 0;
        for (long best : table.rowMaxima) {
            majority += best;
        }
        return (double) majority / clusters.length;
    }

    /**
     * The non-empty part of the contingency table of two partitions, built by sorting the
     * label pairs, so that it costs {@code O(n log n)} time and {@code O(n)} memory whatever
     * the label values: its non-zero cells in row-major order of increasing labels, and the
     * sums of its non-empty rows and columns and the largest cell of every non-empty row,
     * in increasing label order.
     */
    private static final class Contingency {
        final long[] cells;
        final long[] rowSums;
        final long[] rowMaxima;
        final long[] columnSums;

        Contingency(int[] first, int[] second) {
            requireLabels(first, "first");
            requireLabels(second, "second");
            if (first.length != second.length) {
                throw new IllegalArgumentException("the partitions label " + first.length
                        + " and " + second.length + " items; they must label the same items");
            }
            int n = first.length;
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (long) first[i] << Integer.SIZE | second[i];
            }
            Arrays.sort(keys);
            long[] cellCounts = new long[n];
            long[] sums = new long[n];
            long[] maxima = new long[n];
            int cellCount = 0;
            int rowCount = 0;
            for (int i = 0; i < n; ) {
                int end = i;
                while (end < n && keys[end] == keys[i]) {
                    end++;
                }
                long count = end - i;
                cellCounts[cellCount++] = count;
                if (i == 0 || keys[i - 1] >>> Integer.SIZE != keys[i] >>> Integer.SIZE) {
                    rowCount++;
                }
                sums[rowCount - 1] += count;
                maxima[rowCount - 1] = Math.max(maxima[rowCount - 1], count);
                i = end;
            }
            cells = Arrays.copyOf(cellCounts, cellCount);
            rowSums = Arrays.copyOf(sums, rowCount);
            rowMaxima = Arrays.copyOf(maxima, rowCount);
            columnSums = groupSizes(second);
        }
    }

    /** The number of items of every distinct label, in increasing label order. */
    private static long[] groupSizes(int[] labels) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        long[] sizes = new long[sorted.length];
        int groups = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                groups++;
            }
            sizes[groups - 1]++;
        }
        return Arrays.copyOf(sizes, groups);
    }

    /**
     * Replaces every label by its rank among the distinct labels ({@code 0..distinct-1},
     * in the order of the labels).
     */
    private static int[] ranks(int[] labels) {
        int[] distinct = Arrays.stream(labels).sorted().distinct().toArray();
        int[] result = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            result[i] = Arrays.binarySearch(distinct, labels[i]);
        }
        return result;
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
