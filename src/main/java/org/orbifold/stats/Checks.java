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
