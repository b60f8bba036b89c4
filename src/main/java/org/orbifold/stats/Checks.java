package org.orbifold.stats;

import java.util.List;
import java.util.Objects;
import org.orbifold.match.Alignment;
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
     * Relative tolerance, against {@code ||center||^2 + ||Y_i||^2 + 1}, within which a given
     * mean's alignment must attain its recorded squared distance again, and its objective the
     * mean of those squared distances: far above the rounding of two ways of computing them,
     * far below the change that other graphs, weights or objectives cause.
     */
    static final double MEAN_TOLERANCE = 1e-9;

    /**
     * Checks that a Fréchet mean passed in to start another estimator can be the unweighted
     * mean of {@code graphs}, in that order, in {@code space}: one alignment per graph; a
     * center that is a member of the space; every alignment {@code i} fits graph {@code i} and
     * attains its recorded distance for it in this space (up to {@link #MEAN_TOLERANCE}), which
     * other graphs, the same graphs in another order, or other node or edge weights almost
     * never do; and an objective equal to the unweighted mean of those squared distances,
     * which a median (mean distance) or a mean with sample weights does not have.
     *
     * <p>Not checked, so the caller's to ensure: that the center is a converged Fréchet mean
     * ({@link FrechetMean} with {@link Status#CONVERGED}) rather than an unconverged one, an
     * {@link IncrementalMean} or any graph evaluated as a mean; and that it was computed with
     * the aligner the caller intends.
     *
     * @param what how messages name the mean, such as "the starting mean"
     * @throws IllegalArgumentException naming {@code what} and the mismatch
     */
    static CenterResult requireMeanOf(GraphSpace space, CenterResult mean, List<Graph> graphs,
            String what) {
        int n = graphs.size();
        if (mean.alignments().size() != n) {
            throw new IllegalArgumentException(what + " has " + mean.alignments().size()
                    + (mean.alignments().size() == 1 ? " alignment" : " alignments")
                    + " but there " + (n == 1 ? "is 1 graph" : "are " + n + " graphs")
                    + ": it was computed on other graphs");
        }
        Graph center = mean.center();
        try {
            space.requireMember(center);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " was computed in another space than "
                    + space + ": " + e.getMessage(), e);
        }
        double centerNorm = space.squaredNorm(center);
        double sum = 0.0;
        double scales = 0.0;
        for (int i = 0; i < n; i++) {
            Graph y = graphs.get(i);
            Alignment a = mean.alignments().get(i);
            double scale = centerNorm + space.squaredNorm(y) + 1.0;
            boolean fits = a.permutation().size() >= Math.max(center.order(), y.order());
            if (fits) {
                double d2 = space.squaredDistance(center, y, a.permutation());
                fits = Math.abs(d2 - a.squaredDistance()) <= MEAN_TOLERANCE * scale;
            }
            if (!fits) {
                throw new IllegalArgumentException(what + "'s alignment " + i + " does not give"
                        + " its recorded distance for graphs[" + i + "] in " + space + ": it was"
                        + " computed on other graphs, on these in another order, or with other"
                        + " node or edge weights");
            }
            sum += a.squaredDistance();
            scales += scale;
        }
        double meanSquared = sum / n;
        if (!(Math.abs(mean.objective() - meanSquared) <= MEAN_TOLERANCE * scales / n)) {
            throw new IllegalArgumentException(what + " has objective " + mean.objective()
                    + " but its alignments give a mean squared distance of " + meanSquared
                    + ": it is not an unweighted Fréchet mean of these graphs (a median, whose"
                    + " objective is the mean distance, or a mean with sample weights)");
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
