package org.orbifold.match;

import java.util.Locale;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The result of aligning a graph {@code Y} to a graph {@code X}: the permutation {@code pi}
 * (node {@code i} of {@code X} matched with node {@code pi(i)} of {@code Y}), the similarity
 * {@code <X, pi . Y>} it attains, the distance {@code ||X - pi . Y||} it attains, and whether
 * {@code pi} is proven optimal up to rounding ({@link #certified()}), in which case the
 * distance is the graph distance {@code d(X, Y)} to within the certificate's margin; otherwise
 * it is an upper bound on it, and {@link #unproven()} says why no proof was obtained.
 *
 * <p><b>What a certificate proves.</b> The searches and certificates of the library's
 * aligners work in floating point, so they prove optimality up to their rounding errors: no
 * alignment is better than a certified one by more than {@code 1e-4} of its squared distance
 * (about {@code 5e-5} of the distance; {@code QapInstance.CERTIFIED_RELATIVE_GAP}), or the
 * graphs coincide under it up to the rounding of their entries. The squared distance and the
 * norms of these rules are those of the problem after a dominating offset of the node or edge
 * attributes is removed ({@code OffsetRemoval}); its squared distances are the pair's own
 * when both graphs have the matrix order and move by a common mean, and differ from them by
 * one constant otherwise.
 * Within that margin another alignment may be better: on a tester's graphs with attributes
 * {@code 3e7 + k 1e-9}, an optimum smaller by {@code 2.8e-17} in squared distance
 * ({@code 3e-18} relative) was found beside a certified alignment. A pair whose rounding
 * errors could exceed the margin gets {@link Unproven#ROUNDING} instead.
 *
 * <p>Contract: {@code space.distance(x, y, permutation())} equals {@link #distance()} to
 * rounding. Build instances with {@link #of} so that the two always agree; {@link #of} also
 * certifies every permutation under which the graphs coincide exactly
 * ({@link GraphSpace#coincides}), since no distance is smaller.
 *
 * <p><b>Underflow.</b> A squared distance of exactly 0 is no proof by itself: squares of
 * differences below about {@code 1e-154} underflow to 0, so graphs whose attributes are all
 * that small have squared distance 0 under every permutation. {@link #of} therefore certifies
 * a zero only when the graphs coincide, and when the squared distance is 0 or the two squared
 * norms together are below {@code 2^-1000} (about {@code 9.3e-302}) it refuses a certificate
 * the caller claims ({@link Unproven#ROUNDING}): the values any search compared were then
 * lost to underflow.
 * The distance of such an alignment is computed at a scaled copy ({@link GraphSpace#distance})
 * and is accurate; {@link #squaredDistance()} may still underflow to 0.
 *
 * <p><b>Limitations.</b> The aligners search on the underflowing values, so on graphs whose
 * attributes are all below about {@code 1e-154} they return an arbitrary permutation
 * (usually the identity), uncertified; scale such data up first (for instance
 * {@code AttributeScaling.standardize}, which fits tiny channels correctly).
 *
 * @param permutation the alignment, of size at least the larger graph order
 * @param similarity {@code <X, pi . Y>} in the space's weighted inner product
 * @param distance {@code ||X - pi . Y||}
 * @param unproven why {@code pi} is not proven to maximise the similarity, or
 *     {@link Unproven#NONE} when it is (certified)
 */
public record Alignment(Permutation permutation, double similarity, double distance,
        Unproven unproven) {

    /**
     * Why an alignment is not proven optimal. Exactly one value, {@link #NONE}, means that it
     * is ({@link Alignment#certified()}); the others tell the user what would help: another
     * aligner ({@link #HEURISTIC}), a larger node or time limit ({@link #LIMIT}), or nothing
     * short of exact arithmetic ({@link #ROUNDING}, where the alignment is almost always
     * optimal already).
     */
    public enum Unproven {
        /**
         * Certified: proven optimal up to the rounding errors of the search or certificate,
         * that is no alignment is better by more than the margin of the class description
         * ({@code 1e-4} of the squared distance), or the graphs coincide under it.
         */
        NONE,
        /**
         * No proof was attempted, or none applies: a heuristic aligner, or an aligner whose
         * certificate covers other pairs only (the node-only answers of
         * {@link NodeAssignmentAligner}, {@link FaqAligner}, {@link GraduatedAssignmentAligner}
         * and {@link IpfpAligner} on graphs with an edge term), or an alignment made for
         * another graph than the one it is reported for. Also the reason given by the
         * constructors and factories that take {@code certified == false}.
         */
        HEURISTIC,
        /**
         * An exact search ({@link ExactAligner}) stopped at its node or time limit before it
         * could prove its best permutation optimal; a larger limit may prove it.
         */
        LIMIT,
        /**
         * The exact search or the certificate completed, but the rounding errors of its sums
         * could hide a better alignment, so the certificate was refused: near-copies (pairs
         * closer than about {@code 4e-5 sqrt(||X|| ||Y||)} at order 7, more at larger orders,
         * with the norms taken after offset removal) and attributes far from 0 next to their
         * differences. The alignment is optimal up to
         * those rounding errors. Also the reason when the squared values underflow (graphs
         * whose attributes are all below about {@code 1e-154}; see the class description), in
         * which case the alignment may be far from optimal.
         */
        ROUNDING;

        /**
         * Returns the name in lower case, as the command line writes it ({@code "none"},
         * {@code "heuristic"}, {@code "limit"}, {@code "rounding"}).
         *
         * @return the lower-case name
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The sum of the two squared norms, {@code 2^-1000} (about {@code 9.3e-302}), below which
     * the squares of the largest attributes may be subnormal, so that the values a search
     * compares keep only a few bits or none; a certificate claimed on such a pair is refused.
     * Above it the rounding bounds of the searches, which have a floor at the smallest normal
     * double, account for the subnormal terms.
     */
    static final double SUBNORMAL_NORMS = 0x1p-1000;

    /**
     * Checks that there is a permutation and a reason; the numbers are taken as given (see
     * {@link #of} for an alignment whose numbers are computed).
     *
     * @param permutation the alignment, of size at least the larger graph order
     * @param similarity {@code <X, pi . Y>} in the space's weighted inner product
     * @param distance {@code ||X - pi . Y||}
     * @param unproven why {@code pi} is not proven optimal, {@link Unproven#NONE} if it is
     * @throws NullPointerException if {@code permutation} or {@code unproven} is null
     */
    public Alignment {
        Objects.requireNonNull(permutation, "permutation");
        Objects.requireNonNull(unproven, "unproven");
    }

    /**
     * Creates an alignment from a flag: certified ({@link Unproven#NONE}) or not, in which
     * case the reason is {@link Unproven#HEURISTIC}.
     *
     * @param permutation the alignment, of size at least the larger graph order
     * @param similarity {@code <X, pi . Y>} in the space's weighted inner product
     * @param distance {@code ||X - pi . Y||}
     * @param certified whether {@code pi} is proven to maximise the similarity
     * @throws NullPointerException if {@code permutation} is null
     */
    public Alignment(Permutation permutation, double similarity, double distance,
            boolean certified) {
        this(permutation, similarity, distance, reason(certified));
    }

    /**
     * Evaluates a permutation and wraps it as an alignment. A permutation under which the
     * graphs coincide ({@link GraphSpace#coincides}) is the global optimum and comes back
     * certified, whatever {@code certified} says; an uncertified one has the reason
     * {@link Unproven#HEURISTIC}; a certificate claimed on values lost to underflow is refused
     * as the class description says.
     *
     * @param space the graph space
     * @param x the reference graph
     * @param y the graph aligned to it
     * @param p the permutation
     * @param certified whether {@code p} is proven optimal by the caller
     * @return the alignment, with similarity and distance computed by {@code space}, certified
     *     if the graphs coincide under {@code p}, or if {@code certified} and the values did
     *     not underflow
     */
    public static Alignment of(GraphSpace space, Graph x, Graph y, Permutation p,
            boolean certified) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        return of(space, x, y, p, reason(certified));
    }

    /**
     * Evaluates a permutation and wraps it as an alignment with the caller's reason. A
     * permutation under which the graphs coincide is the global optimum and comes back
     * certified ({@link Unproven#NONE}), whatever {@code unproven} says; a claim of
     * {@link Unproven#NONE} on values lost to underflow becomes {@link Unproven#ROUNDING}.
     *
     * @param space the graph space
     * @param x the reference graph
     * @param y the graph aligned to it
     * @param p the permutation
     * @param unproven why the caller did not prove {@code p} optimal, {@link Unproven#NONE} if
     *     it did
     * @return the alignment, with similarity and distance computed by {@code space}
     * @throws NullPointerException if {@code unproven} is null
     */
    public static Alignment of(GraphSpace space, Graph x, Graph y, Permutation p,
            Unproven unproven) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(unproven, "unproven");
        return evaluated(space, x, y, p, space.similarity(x, y, p),
                space.squaredDistance(x, y, p), unproven);
    }

    /**
     * Wraps a permutation whose similarity and squared distance the caller has computed: the
     * distance is {@code sqrt(squared)}, or when {@code squared} may have underflowed 0 if
     * the graphs coincide under {@code p} and else the distance {@link GraphSpace#distance}
     * computes at a scaled copy; the reason is that of {@link #reason}. The graphs are
     * compared entry by entry at most once.
     */
    static Alignment evaluated(GraphSpace space, Graph x, Graph y, Permutation p,
            double similarity, double squared, Unproven claimed) {
        if (squared >= GraphSpace.UNDERFLOW_RISK) {
            return new Alignment(p, similarity, Math.sqrt(squared), claimed);
        }
        boolean coincide = space.coincides(x, y, p);
        double distance = coincide ? 0.0 : space.distance(x, y, p);
        return new Alignment(p, similarity, distance,
                reason(space, x, y, p, squared, coincide, claimed));
    }

    /**
     * Returns the reason of an alignment at squared distance {@code squared} whose maker
     * claims {@code claimed}: {@link Unproven#NONE} when the graphs coincide under {@code p}
     * ({@code coincide}, {@link GraphSpace#coincides});
     * {@link Unproven#ROUNDING} instead of a claimed {@link Unproven#NONE} when the values
     * may have underflowed (the squared distance is 0, or it is below
     * {@link GraphSpace#UNDERFLOW_RISK} and the two squared norms together below
     * {@link #SUBNORMAL_NORMS}) and {@code p} is not the only permutation;
     * otherwise {@code claimed}.
     */
    private static Unproven reason(GraphSpace space, Graph x, Graph y, Permutation p,
            double squared, boolean coincide, Unproven claimed) {
        if (squared >= GraphSpace.UNDERFLOW_RISK) {
            return claimed;
        }
        if (coincide) {
            return Unproven.NONE;
        }
        if (claimed != Unproven.NONE || p.size() <= 1) {
            return claimed;
        }
        boolean underflow = squared == 0.0 || space.squaredNorm(x) + space.squaredNorm(y)
                < SUBNORMAL_NORMS;
        return underflow ? Unproven.ROUNDING : claimed;
    }

    /**
     * Returns whether the permutation is proven to maximise the similarity up to rounding,
     * that is whether {@link #unproven()} is {@link Unproven#NONE}: no permutation is better
     * by more than the margin of the class description ({@code 1e-4} of the squared distance
     * for the library's aligners), which is not a proof to the last bit.
     *
     * @return whether the alignment is certified (proven optimal up to rounding)
     */
    public boolean certified() {
        return unproven == Unproven.NONE;
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
     * {@code Y}, with the inverse permutation, the same similarity and distance, and the same
     * reason.
     *
     * @return the reversed alignment
     */
    public Alignment reversed() {
        return new Alignment(permutation.inverse(), similarity, distance, unproven);
    }

    /**
     * Returns this alignment with another reason, the numbers unchanged.
     *
     * @param reason the new reason
     * @return the alignment with {@code reason}
     */
    Alignment withUnproven(Unproven reason) {
        return reason == unproven ? this
                : new Alignment(permutation, similarity, distance, reason);
    }

    private static Unproven reason(boolean certified) {
        return certified ? Unproven.NONE : Unproven.HEURISTIC;
    }
}
