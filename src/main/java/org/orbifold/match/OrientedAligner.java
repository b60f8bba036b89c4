package org.orbifold.match;

import java.util.Arrays;
import java.util.Objects;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The input checks, the padding size and the symmetry rule shared by the aligners of this
 * package.
 *
 * <p><b>Padding size.</b> A pair is solved at the permutation size
 * {@link GraphSpace#alignmentSize} gives it, decided on the caller's graphs (before any
 * offset is removed), or at the size of a larger warm start; a smaller warm start is extended
 * with fixed points. The size depends only on the unordered pair, so both directions solve
 * the same problem.
 *
 * <p><b>Symmetry rule.</b> Aligning {@code y} to {@code x} and {@code x} to {@code y} must give
 * exactly the same distance. Every aligner here therefore solves each unordered pair in one
 * fixed direction: the pair is put in canonical order by {@link #compare}, the subclass aligns
 * the second graph of that order to the first, and when the caller's order was the other one
 * the result is returned {@link Alignment#reversed() reversed} (inverse permutation, the very
 * same similarity and distance values, the same reason if unproven). A warm start is inverted
 * on the way in.
 *
 * <p><b>Equal graphs.</b> When {@code x.equals(y)} the identity attains distance 0, the global
 * minimum; it is returned at once, certified, by every aligner.
 *
 * <p><b>Offsets.</b> When the node or edge attributes of the pair sit far from 0 compared with
 * their spread, the subclass solves the pair with that offset removed ({@link OffsetRemoval}),
 * a problem with the same optimal permutations whose values, and hence whose relative
 * tolerances (pruning, exchange noise, ties), no longer carry the offset's energy. The
 * alignment returned is evaluated again on the graphs given and keeps the subclass's
 * certificate or its reason for having none ({@link Alignment#unproven()}).
 */
abstract class OrientedAligner implements Aligner {

    @Override
    public final Alignment align(GraphSpace space, Graph x, Graph y) {
        requireInputs(space, x, y);
        return solveInOrder(space, x, y, space.alignmentSize(x, y), null);
    }

    @Override
    public final Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        requireInputs(space, x, y);
        requireStart(x, y, start);
        space.requireAlignmentSize(start.size());
        int m = Math.max(start.size(), space.alignmentSize(x, y));
        return solveInOrder(space, x, y, m, start.extend(m));
    }

    /** Checks that a start permutation covers both graphs. */
    static void requireStart(Graph x, Graph y, Permutation start) {
        Objects.requireNonNull(start, "start");
        int larger = Math.max(x.order(), y.order());
        if (start.size() < larger) {
            throw new IllegalArgumentException("start permutation has size " + start.size()
                    + " but the graphs have orders " + x.order() + " and " + y.order()
                    + "; it must cover at least " + larger + (larger == 1 ? " node" : " nodes"));
        }
    }

    /**
     * Aligns {@code y} to {@code x} at matrix order {@code m >= 2}; the inputs are checked, the
     * graphs differ, and {@code x} precedes {@code y} in the canonical order.
     *
     * @param start a warm start of size {@code m}, or {@code null}
     * @return an alignment with a permutation of size {@code m}, never worse than the start
     */
    abstract Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start);

    private Alignment solveInOrder(GraphSpace space, Graph x, Graph y, int m,
            Permutation start) {
        if (x.equals(y) || m <= 1) {
            return Alignment.of(space, x, y, Permutation.identity(m), true);
        }
        if (compare(x, y) <= 0) {
            return solveWithoutOffset(space, x, y, m, start);
        }
        Permutation reversedStart = start == null ? null : start.inverse();
        return solveWithoutOffset(space, y, x, m, reversedStart).reversed();
    }

    /**
     * {@link #solve} on the pair with a dominating offset of the node or edge attributes
     * removed ({@link OffsetRemoval}), which leaves the order of all permutations unchanged;
     * the alignment returned is recomputed on the graphs given.
     */
    private Alignment solveWithoutOffset(GraphSpace space, Graph x, Graph y, int m,
            Permutation start) {
        Graph[] shifted = OffsetRemoval.shifted(space, x, y, m);
        if (shifted == null) {
            return solve(space, x, y, m, start);
        }
        Alignment found = solve(space, shifted[0], shifted[1], m, start);
        return Alignment.of(space, x, y, found.permutation(), found.unproven());
    }

    /**
     * Returns the better of {@code found} and the alignment given by {@code start} (when there
     * is one), so that a warm-started result is never worse than its start. The two are
     * compared by their distances, summed term by term, not by their similarities, whose
     * difference cancels badly when the attributes sit far from 0. A start that beats a
     * certified optimum can only do so by rounding, so it inherits the certificate; it
     * inherits the reason of an uncertified result likewise ({@link Alignment#unproven()}).
     */
    static Alignment notWorseThanStart(GraphSpace space, Graph x, Graph y, Alignment found,
            Permutation start) {
        if (start == null) {
            return found;
        }
        Alignment initial = Alignment.of(space, x, y, start, found.unproven());
        return initial.distance() < found.distance() ? initial : found;
    }

    /**
     * A total order on graphs, used only to orient pairs: by order, directedness, unweighted
     * node and edge norms, edge count, hash code, and finally the attribute arrays
     * lexicographically. Returns 0 exactly for equal graphs.
     */
    static int compare(Graph x, Graph y) {
        int result = Integer.compare(x.order(), y.order());
        if (result == 0) {
            result = Boolean.compare(x.isDirected(), y.isDirected());
        }
        if (result == 0) {
            result = Double.compare(x.nodeSquaredNorm(), y.nodeSquaredNorm());
        }
        if (result == 0) {
            result = Double.compare(x.edgeSquaredNorm(), y.edgeSquaredNorm());
        }
        if (result == 0) {
            result = Integer.compare(x.edgeCount(), y.edgeCount());
        }
        if (result == 0) {
            result = Integer.compare(x.hashCode(), y.hashCode());
        }
        if (result == 0) {
            result = Arrays.compare(x.nodeArray(), y.nodeArray());
        }
        if (result == 0) {
            result = Arrays.compare(x.edgeArray(), y.edgeArray());
        }
        return result;
    }

    private static void requireInputs(GraphSpace space, Graph x, Graph y) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        requireMember(space, x, "x");
        requireMember(space, y, "y");
    }

    private static void requireMember(GraphSpace space, Graph g, String name) {
        try {
            space.requireMember(g);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("graph " + name + " is not in " + space + ": "
                    + e.getMessage(), e);
        }
    }
}
