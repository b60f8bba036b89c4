package org.orbifold.match;

import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The result of aligning a graph {@code Y} to a graph {@code X}: the permutation {@code pi}
 * (node {@code i} of {@code X} matched with node {@code pi(i)} of {@code Y}), the similarity
 * {@code <X, pi . Y>} it attains, the distance {@code ||X - pi . Y||} it attains, and whether
 * {@code pi} is proven optimal, in which case the distance is the graph distance
 * {@code d(X, Y)}; otherwise it is an upper bound on it.
 *
 * <p>Contract: {@code space.distance(x, y, permutation())} equals {@link #distance()} to
 * rounding. Build instances with {@link #of} so that the two always agree; {@link #of} also
 * certifies every permutation that attains a squared distance of exactly 0, since no
 * distance is smaller.
 *
 * @param permutation the alignment, of size at least the larger graph order
 * @param similarity {@code <X, pi . Y>} in the space's weighted inner product
 * @param distance {@code ||X - pi . Y||}
 * @param certified whether {@code pi} is proven to maximise the similarity
 */
public record Alignment(Permutation permutation, double similarity, double distance,
        boolean certified) {

    /**
     * Checks that there is a permutation; the numbers are taken as given (see {@link #of}
     * for an alignment whose numbers are computed).
     *
     * @param permutation the alignment, of size at least the larger graph order
     * @param similarity {@code <X, pi . Y>} in the space's weighted inner product
     * @param distance {@code ||X - pi . Y||}
     * @param certified whether {@code pi} is proven to maximise the similarity
     * @throws NullPointerException if {@code permutation} is null
     */
    public Alignment {
        Objects.requireNonNull(permutation, "permutation");
    }

    /**
     * Evaluates a permutation and wraps it as an alignment. A permutation that attains a
     * squared distance of exactly 0 is the global optimum and comes back certified, whatever
     * {@code certified} says.
     *
     * @param space the graph space
     * @param x the reference graph
     * @param y the graph aligned to it
     * @param p the permutation
     * @param certified whether {@code p} is proven optimal by the caller
     * @return the alignment, with similarity and distance computed by {@code space}, certified
     *     if {@code certified} or if the squared distance is 0
     */
    public static Alignment of(GraphSpace space, Graph x, Graph y, Permutation p,
            boolean certified) {
        double similarity = space.similarity(x, y, p);
        double squared = space.squaredDistance(x, y, p);
        return new Alignment(p, similarity, Math.sqrt(squared), certified || squared == 0.0);
    }

    /**
     * Returns {@code distance()^2}.
     *
     * @return {@code distance()^2}
     */
    public double squaredDistance() {
        return distance * distance;
    }

    /**
     * Returns the same alignment seen from the other side: the alignment of {@code X} to
     * {@code Y}, with the inverse permutation and the same similarity and distance.
     *
     * @return the reversed alignment
     */
    public Alignment reversed() {
        return new Alignment(permutation.inverse(), similarity, distance, certified);
    }
}
