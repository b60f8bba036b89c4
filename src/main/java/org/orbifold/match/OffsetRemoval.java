package org.orbifold.match;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Removes a common offset of the node attributes from an alignment problem before an aligner
 * sees it, so that rounding tolerances relative to the problem's size ({@code ||X|| ||Y||})
 * measure the variation of the attributes and not their distance from 0.
 *
 * <p>Aligning {@code Y} to {@code X} at matrix order {@code m} maximises
 * {@code f(pi) = <X, pi . Y>}. A graph of order {@code m} has no padding, so subtracting a
 * vector {@code v} from all its node vectors changes the node gain {@code w <x_i, y_a>} by a
 * row constant ({@code -w <x_i, v>} when {@code Y} moves) or a column constant (when
 * {@code X} moves), which adds the same constant to {@code f} for every permutation: the
 * optimal permutations, the order of any two permutations, and local optimality are
 * unchanged. When both graphs have order {@code m} both move by their common mean
 * {@code v = (sum_i x_ii + sum_a y_aa) / (2m)}; then even the squared distance of every
 * alignment is unchanged (the distance-zero tests of the aligners stay valid). When only one
 * of them has order {@code m} (the other is padded) it moves by its own mean; the squared
 * distances then all change by one constant. When neither has order {@code m} nothing moves:
 * the padding nodes, at 0, pin the origin.
 *
 * <p>The argument holds at one matrix order {@code m}: the shift keeps the order of the
 * permutations of size {@code m}, not the size at which the distance is attained, since
 * centring can make non-negative attributes signed ({@link GraphSpace#alignmentSize}). So
 * {@code m} is decided on the caller's graphs, before the shift: there the optimum at
 * {@code m} is the distance, and the shifted problem at the same {@code m} has the same
 * optimal permutations. On a pair whose cross similarities can be negative, {@code m} is
 * the sum of the orders, or the size of the space when that is smaller, so a graph has order
 * {@code m} only when it fills the space (or the other graph is empty); it then moves as
 * above, and otherwise nothing moves.
 *
 * <p>The shift is made only when it shrinks {@code ||X|| ||Y||} at least
 * {@code MIN_SCALE_RATIO} times, that is when an offset dominates the attributes (a mean
 * more than about ten times their spread, as for coordinates in metres near {@code 1e6}).
 * Below that, tolerances relative to {@code ||X|| ||Y||} are at most that many times wider
 * than those of the centred problem, still far below any difference that matters, and the
 * aligners see the graphs as given, with the same rounding as before this class existed.
 * Aligners report the alignment of the caller's graphs, recomputed from the permutation.
 */
final class OffsetRemoval {

    /** The least factor by which the shift must shrink {@code ||X|| ||Y||}. */
    static final double MIN_SCALE_RATIO = 100.0;

    private OffsetRemoval() {
    }

    /**
     * Returns the two graphs with their offset removed as described in the class comment, or
     * {@code null} when no shift applies (no node part, neither graph of order {@code m}, or
     * too small a gain).
     *
     * @param space the space of both graphs
     * @param x the reference graph
     * @param y the graph aligned to it
     * @param m the matrix order, at least both orders
     * @return {@code {x', y'}} or {@code null}
     */
    static Graph[] shifted(GraphSpace space, Graph x, Graph y, int m) {
        int dv = space.nodeDimension();
        boolean moveX = x.order() == m;
        boolean moveY = y.order() == m;
        if (dv == 0 || space.nodeWeight() == 0.0 || m == 0 || !(moveX || moveY)) {
            return null;
        }
        double[] mean = new double[dv];
        if (moveX) {
            addNodes(x, mean);
        }
        if (moveY) {
            addNodes(y, mean);
        }
        int count = (moveX ? m : 0) + (moveY ? m : 0);
        for (int c = 0; c < dv; c++) {
            mean[c] /= count;
        }
        double ratio = ratio(space, x, moveX ? mean : null)
                * ratio(space, y, moveY ? mean : null);
        if (!(ratio >= MIN_SCALE_RATIO * MIN_SCALE_RATIO)) {
            return null;
        }
        return new Graph[] {moveX ? x.withNodesMinus(mean) : x,
            moveY ? y.withNodesMinus(mean) : y};
    }

    /**
     * Returns {@code ||g||^2 / ||g - v||^2} in the space's inner product, {@code g - v} with
     * {@code v} subtracted from every node vector (1 when {@code v} is null), without making
     * the shifted graph: infinite when only the shifted norm is 0, 1 when both are or when
     * the norm overflows.
     */
    private static double ratio(GraphSpace space, Graph g, double[] v) {
        if (v == null) {
            return 1.0;
        }
        // Not space.squaredNorm, which throws on overflow: such pairs are left as they are,
        // for the aligner's own message.
        double before = space.nodeWeight() * g.nodeSquaredNorm()
                + space.edgeWeight() * g.edgeSquaredNorm();
        if (!Double.isFinite(before)) {
            return 1.0;
        }
        double nodes = 0.0;
        for (int i = 0; i < g.order(); i++) {
            for (int c = 0; c < v.length; c++) {
                double d = g.node(i, c) - v[c];
                nodes += d * d;
            }
        }
        double after = space.nodeWeight() * nodes + space.edgeWeight() * g.edgeSquaredNorm();
        if (after == 0.0) {
            return before == 0.0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return before / after;
    }

    /** Adds the node vectors of {@code g} to {@code sum}, pairwise by halves for accuracy. */
    private static void addNodes(Graph g, double[] sum) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += sumOfChannel(g, c, 0, g.order());
        }
    }

    private static double sumOfChannel(Graph g, int c, int from, int to) {
        if (to - from <= 8) {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                s += g.node(i, c);
            }
            return s;
        }
        int middle = (from + to) >>> 1;
        return sumOfChannel(g, c, from, middle) + sumOfChannel(g, c, middle, to);
    }

}
