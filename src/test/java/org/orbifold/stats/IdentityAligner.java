package org.orbifold.stats;

import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Test aligner that never relabels: the identity, or the warm start, which it never
 * improves. With it the estimators reduce to their Euclidean counterparts on the graphs as
 * given (least squares per coordinate, principal components of the vectors).
 */
final class IdentityAligner implements Aligner {

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        int m = Math.max(x.order(), y.order());
        return Alignment.of(space, x, y, Permutation.identity(m), false);
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        return Alignment.of(space, x, y, start, false);
    }

    @Override
    public String name() {
        return "identity";
    }
}
