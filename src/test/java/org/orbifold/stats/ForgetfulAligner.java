package org.orbifold.stats;

import java.util.SplittableRandom;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Test adversary: ignores the warm start (breaking the aligner contract on purpose) and
 * returns a random permutation drawn from a generator seeded by the two graphs, so that it
 * stays deterministic. The center computations must stay monotone even with it.
 */
final class ForgetfulAligner implements Aligner {

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        int m = Math.max(x.order(), y.order());
        SplittableRandom random = new SplittableRandom(31L * x.hashCode() + y.hashCode());
        return Alignment.of(space, x, y, Permutation.random(m, random), false);
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        int m = Math.max(start.size(), Math.max(x.order(), y.order()));
        SplittableRandom random = new SplittableRandom(31L * x.hashCode() + y.hashCode());
        return Alignment.of(space, x, y, Permutation.random(m, random), false);
    }

    @Override
    public String name() {
        return "forgetful";
    }
}
