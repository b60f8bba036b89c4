package org.orbifold.stats;

import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/** Argument checks shared by the center computations, with messages naming the value. */
final class Checks {

    private Checks() {
    }

    static Graph requireInitial(GraphSpace space, Graph initial) {
        Objects.requireNonNull(space, "space");
        try {
            return space.requireMember(initial);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("initial graph is not in " + space + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Checks that a Fréchet mean passed in to start another estimator was computed on
     * {@code graphs} graphs in a space like {@code space}: one alignment per graph and a
     * center that is a member of the space.
     *
     * @param what how messages name the mean, such as "the starting mean"
     * @throws IllegalArgumentException naming {@code what} and the mismatch
     */
    static CenterResult requireMeanOf(GraphSpace space, CenterResult mean, int graphs,
            String what) {
        if (mean.alignments().size() != graphs) {
            throw new IllegalArgumentException(what + " has " + mean.alignments().size()
                    + " alignments but there are " + graphs + " graphs: it was computed on"
                    + " other graphs");
        }
        try {
            space.requireMember(mean.center());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " was computed in another space than "
                    + space + ": " + e.getMessage(), e);
        }
        return mean;
    }

    static int requireIterations(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + value);
        }
        return value;
    }

    static double requireTolerance(double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got "
                    + value);
        }
        return value;
    }
}
