package org.orbifold.cluster;

import java.util.Arrays;
import org.orbifold.space.Graph;
import org.orbifold.space.Permutation;

/**
 * Keeps cluster centers and their alignments small. A mean graph built at the order {@code m}
 * of the whole space has a node slot for every node any member was ever matched to, and an
 * aligner warm-started with a permutation of size {@code m} solves a problem of order
 * {@code m}; on data with a few large graphs (TU Mutagenicity: median order 27, maximum 417)
 * that makes every alignment as costly as the largest graph. This class drops the center
 * slots that are exactly null (no node attribute, no incident edge: dropping them does not
 * move the graph, which stands for its padding) and, when asked, also the lightest slots
 * beyond a cap; and it rewrites every alignment into the smallest permutation with the same
 * node pairs.
 *
 * <p><b>Normal form of an alignment.</b> For a center of order {@code r}, a graph of order
 * {@code b} and an alignment with {@code t} pairs of real nodes, the normal form has size
 * {@code s = max(r, b, r + b - t)}: the real pairs are kept, every other real center node is
 * matched to a null node of the graph ({@code b, b+1, ...}) and the null center slots
 * {@code r..s-1} take the remaining nodes in increasing order. Node and edge terms pair real
 * with real, real with null and null with null exactly as before, so the squared distance is
 * unchanged.
 */
final class CenterFrame {

    /**
     * A compacted center with its members' alignments in normal form, the slots of the
     * uncompacted center it kept, in increasing order, and whether the cap dropped a slot
     * that was not null.
     */
    record Compacted(Graph center, Permutation[] alignments, int[] slots, boolean capped) {
    }

    private CenterFrame() {
    }

    /**
     * Drops the null slots of {@code center} and, if {@code maxOrder > 0} and more remain,
     * keeps only the {@code maxOrder} slots of largest node mass (squared norm of the node
     * attributes; the earlier slot on ties), in their original order.
     *
     * @param center the center, of any order
     * @param members the graphs aligned to it
     * @param alignments their alignments to {@code center}, each of size at least
     *     {@code center.order()}; not modified
     * @param maxOrder the cap, or 0 for none
     * @return the smaller center and the alignments rewritten onto it in normal form, marked
     *     as capped when the cap left out a slot that is not null
     */
    static Compacted compact(Graph center, Graph[] members, Permutation[] alignments,
            int maxOrder) {
        // Which slots to keep.
        int m = center.order();
        boolean[] incident = new boolean[m];
        for (int i = 0; i < m; i++) {
            for (int j : center.successors(i)) {
                incident[i] = true;
                incident[j] = true;
            }
        }
        double[] mass = new double[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            double[] v = center.nodeVector(i);
            for (double value : v) {
                mass[i] += value * value;
            }
            if (mass[i] > 0.0 || incident[i]) {
                kept++;
            } else {
                mass[i] = -1.0;
            }
        }
        int[] slots = heaviest(mass, maxOrder > 0 ? Math.min(kept, maxOrder) : kept);

        // The smaller center and the rewritten alignments.
        Graph small = center.subgraph(slots);
        Permutation[] rewritten = new Permutation[alignments.length];
        for (int g = 0; g < alignments.length; g++) {
            rewritten[g] = restrict(alignments[g], slots, members[g].order());
        }
        return new Compacted(small, rewritten, slots, slots.length < kept);
    }

    /**
     * Rewrites an alignment to an uncompacted center onto the center that kept only
     * {@code slots}: the real pairs at kept slots survive, every other pair is dropped, and
     * the result is in normal form. Slots at or beyond {@code p.size()} get no real partner.
     *
     * @param p an alignment of a graph of order {@code graphOrder} to the uncompacted center
     * @param slots the kept slots, distinct
     * @param graphOrder the order of the aligned graph
     * @return the alignment to the compacted center, in normal form
     */
    static Permutation restrict(Permutation p, int[] slots, int graphOrder) {
        int[] pairs = new int[slots.length];
        for (int a = 0; a < slots.length; a++) {
            int j = slots[a] < p.size() ? p.get(slots[a]) : graphOrder;
            pairs[a] = j < graphOrder ? j : -1;
        }
        return normalForm(pairs, graphOrder);
    }

    /**
     * Returns the normal form of an alignment of a graph of order {@code graphOrder} to a
     * center of order {@code p.size()} or less.
     *
     * @param p an alignment of size at least both orders
     * @param centerOrder the order {@code r} of the center
     * @param graphOrder the order {@code b} of the aligned graph
     * @return the smallest permutation with the same real pairs
     */
    static Permutation normalForm(Permutation p, int centerOrder, int graphOrder) {
        int[] pairs = new int[centerOrder];
        for (int a = 0; a < centerOrder; a++) {
            int j = p.get(a);
            pairs[a] = j < graphOrder ? j : -1;
        }
        return normalForm(pairs, graphOrder);
    }

    /**
     * Builds the normal form from the real partner of every center node ({@code -1}: none).
     */
    private static Permutation normalForm(int[] pairs, int b) {
        int r = pairs.length;
        int realPairs = 0;
        for (int j : pairs) {
            realPairs += j >= 0 ? 1 : 0;
        }
        int s = Math.max(Math.max(r, b), r + b - realPairs);
        int[] image = new int[s];
        boolean[] used = new boolean[s];

        // Real pairs first, then the other real center nodes to the graph's null nodes.
        int nextNull = b;
        for (int a = 0; a < r; a++) {
            image[a] = pairs[a] >= 0 ? pairs[a] : nextNull++;
            used[image[a]] = true;
        }

        // The null center slots take the remaining nodes in increasing order.
        int next = 0;
        for (int a = r; a < s; a++) {
            while (used[next]) {
                next++;
            }
            image[a] = next;
            used[next] = true;
        }
        return Permutation.of(image);
    }

    /** Returns the {@code count} slots of largest non-negative mass, in increasing order. */
    private static int[] heaviest(double[] mass, int count) {
        Integer[] order = new Integer[mass.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> mass[a] != mass[c] ? Double.compare(mass[c], mass[a])
                : Integer.compare(a, c));
        int[] slots = new int[count];
        for (int k = 0; k < count; k++) {
            slots[k] = order[k];
        }
        Arrays.sort(slots);
        return slots;
    }
}
