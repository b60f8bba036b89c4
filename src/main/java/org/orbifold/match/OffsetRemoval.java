package org.orbifold.match;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Removes a common offset of the node attributes, of the edge attributes, or of both, from an
 * alignment problem before an aligner sees it, so that rounding tolerances relative to the
 * problem's size ({@code ||X|| ||Y||}) measure the variation of the attributes and not their
 * distance from 0.
 *
 * <p>Aligning {@code Y} to {@code X} at matrix order {@code m} maximises
 * {@code f(pi) = <X, pi . Y>}. A graph of order {@code m} has no padding, so subtracting a
 * vector {@code v} from all its node vectors changes the node gain {@code w <x_i, y_a>} by a
 * row constant ({@code -w <x_i, v>} when {@code Y} moves) or a column constant (when
 * {@code X} moves), which adds the same constant to {@code f} for every permutation: the
 * optimal permutations, the order of any two permutations, and local optimality are
 * unchanged. The same holds for the edges: in a graph of order {@code m} every ordered pair
 * of distinct nodes {@code (i, j)} meets exactly one ordered pair {@code (pi(i), pi(j))} of
 * the other graph, padding included, so subtracting a vector {@code u} from the edge vector
 * of every such pair, absent edges (zero vectors) included
 * ({@link Graph#withEdgesMinus}), changes {@code f} by {@code -w <u, sum of the other graph's
 * edge vectors>} whatever {@code pi} is, and by a constant as well when both graphs move.
 *
 * <p><b>Which vectors.</b> When both graphs have order {@code m} each part (nodes, edges) can
 * move both graphs by their common mean (over the {@code 2m} nodes, or the
 * {@code 2m(m-1)} ordered pairs); then even the squared distance of every alignment is
 * unchanged, the distance-zero tests of the aligners included. When the two graphs sit at
 * different offsets, the common mean removes neither (the graphs of a quadratic assignment
 * problem that is minimised are {@code A} and {@code -B}, whose offsets have opposite
 * signs), so each graph can also move by its own mean; the squared distances then all change
 * by one constant, and a certificate on the shifted pair still proves the same permutations
 * optimal. When only one graph has order {@code m} (the other is padded) it moves by its own
 * mean, with the same effect. When neither has order {@code m} nothing moves: the padding
 * nodes, at 0, pin the origin. Each mean is rounded to the nearest integer when every value
 * it averages is an integer below {@code 2^52} in magnitude, so that integer attributes stay
 * integers (and their sums exact) after the shift.
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
 * <p><b>When.</b> A shift is made only when it shrinks {@code ||X|| ||Y||} at least
 * {@code MIN_SCALE_RATIO} times, that is when an offset dominates the attributes (a mean
 * more than about ten times their spread, as for coordinates in metres near {@code 1e6}, or
 * the complete weighted graphs of a quadratic assignment problem with entries
 * {@code 1e7 + k}). The choices are tried in a fixed order, from the one closest to the
 * graphs as given: nodes by the common mean, edges by the common mean, nodes by their own
 * means, edges by their own means, then both parts in the same four combinations; a later
 * choice replaces the one kept only if it shrinks {@code ||X|| ||Y||} at least
 * {@code MIN_SCALE_RATIO} times further. So a sparse graph whose node attributes carry an
 * offset keeps its edges as they are (shifting them would make it complete and gain little),
 * and below the threshold the aligners see the graphs as given, with the same rounding as
 * before this class existed: tolerances relative to {@code ||X|| ||Y||} are then at most that
 * many times wider than those of the centred problem, still far below any difference that
 * matters. Aligners report the alignment of the caller's graphs, recomputed from the
 * permutation.
 *
 * <p><b>Limitations.</b> An offset of the edge attributes is removed only from a graph of
 * order {@code m}; between graphs of different orders the smaller one is padded, its padding
 * pairs stay at 0, and the offset of its edges stays in the norms (as does that of its nodes).
 * A subtraction whose result is not a double (an entry far from the mean with more
 * significant bits than the mean's last place allows) rounds by half a unit in the last
 * place, the same order as the aligners' own rounding; values within a factor of 2 of the
 * mean, and integers as above, are shifted exactly.
 */
final class OffsetRemoval {

    /** The least factor by which the shift must shrink {@code ||X|| ||Y||}. */
    static final double MIN_SCALE_RATIO = 100.0;

    /** Integers below this magnitude are exact doubles, and so are their differences. */
    private static final double EXACT_INTEGERS = 0x1p52;

    /** How a part of the graphs moves. */
    private enum Mode {
        /** Not at all. */
        NONE,
        /** Every graph of order {@code m} by the mean over all of them. */
        COMMON,
        /** Every graph of order {@code m} by its own mean. */
        OWN
    }

    /** The choices in the order tried, node mode then edge mode. */
    private static final Mode[][] CHOICES = {
        {Mode.COMMON, Mode.NONE}, {Mode.NONE, Mode.COMMON}, {Mode.OWN, Mode.NONE},
        {Mode.NONE, Mode.OWN}, {Mode.COMMON, Mode.COMMON}, {Mode.COMMON, Mode.OWN},
        {Mode.OWN, Mode.COMMON}, {Mode.OWN, Mode.OWN},
    };

    private OffsetRemoval() {
    }

    /**
     * Returns the two graphs with their offsets removed as described in the class comment,
     * or {@code null} when no shift applies (neither graph of order {@code m}, or too small a
     * gain).
     *
     * @param space the space of both graphs
     * @param x the reference graph
     * @param y the graph aligned to it
     * @param m the matrix order, at least both orders
     * @return {@code {x', y'}} or {@code null}
     */
    static Graph[] shifted(GraphSpace space, Graph x, Graph y, int m) {
        boolean moveX = x.order() == m;
        boolean moveY = y.order() == m;
        if (m == 0 || !(moveX || moveY)) {
            return null;
        }
        boolean nodes = space.nodeDimension() > 0 && space.nodeWeight() > 0.0;
        boolean edges = space.edgeDimension() > 0 && space.edgeWeight() > 0.0 && m >= 2;
        Graph[] graphs = {x, y};
        boolean[] moves = {moveX, moveY};
        // vectors[part][mode][graph]: the vector subtracted, null where nothing moves
        double[][][][] vectors = new double[2][][][];
        double[][][] norms = new double[2][][];
        double[] before = new double[2];
        for (int g = 0; g < 2; g++) {
            // Not space.squaredNorm, which throws on overflow: such pairs are left as they
            // are, for the aligner's own message.
            before[g] = space.nodeWeight() * graphs[g].nodeSquaredNorm()
                    + space.edgeWeight() * graphs[g].edgeSquaredNorm();
            if (!Double.isFinite(before[g])) {
                return null;
            }
        }
        for (int part = 0; part < 2; part++) {
            if (part == 0 ? !nodes : !edges) {
                continue;
            }
            vectors[part] = means(graphs, moves, part == 1);
            norms[part] = new double[Mode.values().length][2];
            for (Mode mode : Mode.values()) {
                for (int g = 0; g < 2; g++) {
                    double[] v = vectors[part][mode.ordinal()][g];
                    norms[part][mode.ordinal()][g] = part == 0
                            ? space.nodeWeight() * nodeNorm(graphs[g], v)
                            : space.edgeWeight() * edgeNorm(graphs[g], v);
                }
            }
        }
        Mode[] kept = {Mode.NONE, Mode.NONE};
        double keptRatio = 1.0;
        for (Mode[] choice : CHOICES) {
            if (!(nodes || choice[0] == Mode.NONE) || !(edges || choice[1] == Mode.NONE)) {
                continue;
            }
            double ratio = 1.0;
            for (int g = 0; g < 2; g++) {
                double after = 0.0;
                for (int part = 0; part < 2; part++) {
                    if (norms[part] != null) {
                        after += norms[part][choice[part].ordinal()][g];
                    }
                }
                ratio *= after == 0.0 ? (before[g] == 0.0 ? 1.0 : Double.POSITIVE_INFINITY)
                        : before[g] / after;
            }
            if (keptRatio < Double.POSITIVE_INFINITY
                    && ratio >= MIN_SCALE_RATIO * MIN_SCALE_RATIO * keptRatio) {
                kept = choice;
                keptRatio = ratio;
            }
        }
        if (kept[0] == Mode.NONE && kept[1] == Mode.NONE) {
            return null;
        }
        Graph[] result = graphs.clone();
        for (int g = 0; g < 2; g++) {
            if (kept[0] != Mode.NONE && vectors[0][kept[0].ordinal()][g] != null) {
                result[g] = result[g].withNodesMinus(vectors[0][kept[0].ordinal()][g]);
            }
            if (kept[1] != Mode.NONE && vectors[1][kept[1].ordinal()][g] != null) {
                result[g] = result[g].withEdgesMinus(vectors[1][kept[1].ordinal()][g]);
            }
        }
        return result;
    }

    /**
     * Returns, for each mode, the vector each graph moves by (null where it does not move):
     * the common mean for both moving graphs, or each one's own mean; with one moving graph
     * both are its own mean.
     */
    private static double[][][] means(Graph[] graphs, boolean[] moves, boolean edges) {
        int d = edges ? graphs[0].edgeDimension() : graphs[0].nodeDimension();
        int m = Math.max(graphs[0].order(), graphs[1].order());
        double count = edges ? (double) m * (m - 1) : m;
        double[][] sums = new double[2][];
        boolean[][] integral = new boolean[2][];
        for (int g = 0; g < 2; g++) {
            if (moves[g]) {
                sums[g] = new double[d];
                integral[g] = new boolean[d];
                for (int c = 0; c < d; c++) {
                    double[] values = edges ? edgeValues(graphs[g], c) : nodeValues(graphs[g], c);
                    sums[g][c] = sum(values, 0, values.length);
                    integral[g][c] = integral(values);
                }
            }
        }
        double[][][] result = new double[Mode.values().length][2][];
        for (int g = 0; g < 2; g++) {
            if (!moves[g]) {
                continue;
            }
            int other = 1 - g;
            double[] own = new double[d];
            double[] common = new double[d];
            for (int c = 0; c < d; c++) {
                own[c] = rounded(sums[g][c] / count, integral[g][c]);
                common[c] = moves[other]
                        ? rounded((sums[g][c] + sums[other][c]) / (2.0 * count),
                                integral[g][c] && integral[other][c])
                        : own[c];
            }
            result[Mode.OWN.ordinal()][g] = own;
            result[Mode.COMMON.ordinal()][g] = common;
        }
        return result;
    }

    /** Returns channel {@code c} of every node. */
    private static double[] nodeValues(Graph g, int c) {
        double[] values = new double[g.order()];
        for (int i = 0; i < values.length; i++) {
            values[i] = g.node(i, c);
        }
        return values;
    }

    /**
     * Returns channel {@code c} of every edge, once per ordered pair (twice per undirected
     * edge); the other pairs hold 0, which adds nothing to a sum.
     */
    private static double[] edgeValues(Graph g, int c) {
        double[] values = new double[pairCount(g)];
        int k = 0;
        for (int i = 0; i < g.order(); i++) {
            for (int s = 0; s < g.outDegree(i); s++) {
                values[k++] = g.edge(i, g.successor(i, s), c);
            }
        }
        return values;
    }

    /** Returns the number of ordered pairs that are edges. */
    private static int pairCount(Graph g) {
        int count = 0;
        for (int i = 0; i < g.order(); i++) {
            count += g.outDegree(i);
        }
        return count;
    }

    /** Returns {@code mean} rounded to an integer when the values it averages are integers. */
    private static double rounded(double mean, boolean integral) {
        return integral && Math.abs(mean) < EXACT_INTEGERS ? Math.rint(mean) + 0.0 : mean;
    }

    private static boolean integral(double[] values) {
        for (double value : values) {
            if (!(Math.abs(value) < EXACT_INTEGERS) || value != Math.rint(value)) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code sum_i ||x_i - v||^2} over the nodes, {@code ||nodes||^2} for null. */
    private static double nodeNorm(Graph g, double[] v) {
        if (v == null) {
            return g.nodeSquaredNorm();
        }
        double sum = 0.0;
        for (int i = 0; i < g.order(); i++) {
            for (int c = 0; c < v.length; c++) {
                double d = g.node(i, c) - v[c];
                sum += d * d;
            }
        }
        return sum;
    }

    /**
     * Returns {@code sum_{i != j} ||x_ij - u||^2} over the ordered pairs of distinct nodes,
     * {@code ||edges||^2} for null, in time proportional to the number of edges: each absent
     * pair adds {@code ||u||^2}.
     */
    private static double edgeNorm(Graph g, double[] u) {
        if (u == null) {
            return g.edgeSquaredNorm();
        }
        double sum = 0.0;
        for (int i = 0; i < g.order(); i++) {
            for (int s = 0; s < g.outDegree(i); s++) {
                int j = g.successor(i, s);
                for (int c = 0; c < u.length; c++) {
                    double d = g.edge(i, j, c) - u[c];
                    sum += d * d;
                }
            }
        }
        double absent = (double) g.order() * (g.order() - 1) - pairCount(g);
        double squared = 0.0;
        for (double value : u) {
            squared += value * value;
        }
        return sum + absent * squared;
    }

    /** Returns the sum of {@code values[from..to)}, pairwise by halves for accuracy. */
    private static double sum(double[] values, int from, int to) {
        if (to - from <= 8) {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                s += values[i];
            }
            return s;
        }
        int middle = (from + to) >>> 1;
        return sum(values, from, middle) + sum(values, middle, to);
    }
}
