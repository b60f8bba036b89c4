package org.orbifold.match;

import java.util.Objects;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * An aligner followed by a {@link TabuSearch}: the base aligner finds a good permutation, and
 * robust tabu search (Taillard 1991, doi:10.1016/S0167-8191(05)80147-4) walks on from it past
 * the local optimum. The {@code thorough} preset of {@link Aligners} is the default aligner
 * ({@link Aligners#defaultAligner}, the {@code faq} preset) followed by tabu search.
 *
 * <p>The base aligner is run in the space cut to the padding size {@code m} of the pair (see
 * {@link OrientedAligner}), so that it solves the problem at that size even on the pair with an
 * offset removed, whose own signs could call for another size.
 *
 * <p>Contract: the result is never worse than the base aligner's (the tabu search never
 * returns anything worse than its start), hence never worse than a warm start; a certified
 * result of the base aligner is returned as it is. An uncertified result keeps the reason of
 * the base aligner's ({@link Alignment#unproven()}): tabu search proves nothing, and the
 * reason the base aligner gave (a limit reached, or rounding in a completed search, whose
 * result the walk can only match or improve) is still why the result is not proven.
 * Symmetric: the pair is solved in the
 * canonical order of the package (see the package description), whatever the base aligner
 * does. Deterministic for deterministic members, which the aligners of this package are,
 * unless the search has a time limit that cuts it short.
 *
 * <p>Cost: the base aligner's, plus {@code O(m^3 d_e)} set-up and {@code O(m^2 d_e)} per
 * tabu iteration. Immutable and thread-safe if the base aligner is.
 *
 * <p><b>Limitations.</b> One tabu walk from one start: the walk from the base aligner's best
 * permutation, not from each of its starts. On QAPLIB, one walk of {@code 1000 m} iterations
 * did better than two of half the length or four of a quarter (docs/matching.md).
 */
public final class TabuAligner extends OrientedAligner {

    private final String name;
    private final Aligner base;
    private final TabuSearch search;

    /**
     * Combines an aligner and a tabu search; the name is {@code "<base name>+tabu"}.
     *
     * @param base the aligner that provides the start
     * @param search the tabu search that refines it
     */
    public TabuAligner(Aligner base, TabuSearch search) {
        this(Objects.requireNonNull(base, "base").name() + "+tabu", base, search);
    }

    /**
     * Combines an aligner and a tabu search under a given name.
     *
     * @param name the name reported by {@link #name()}
     * @param base the aligner that provides the start
     * @param search the tabu search that refines it
     */
    public TabuAligner(String name, Aligner base, TabuSearch search) {
        this.name = Objects.requireNonNull(name, "name");
        this.base = Objects.requireNonNull(base, "base");
        this.search = Objects.requireNonNull(search, "search");
    }

    @Override
    Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start) {
        // The base aligner picks its padding size on the graphs it is given, which here may
        // be the pair with an offset removed (OffsetRemoval), whose signs can differ from the
        // caller's; in a space of size m it solves at size m, as this call must.
        GraphSpace atSize = space.size() == m ? space : space.withSize(m);
        Alignment first;
        if (start != null) {
            first = base.align(atSize, x, y, start);
        } else if (atSize.alignmentSize(x, y) == m) {
            first = base.align(atSize, x, y);
        } else {
            first = base.align(atSize, x, y, Permutation.identity(m));
        }
        if (first.certified()) {
            return first;
        }
        Permutation from = first.permutation();
        if (from.size() < m) {
            from = from.extend(m);
        }
        Alignment improved = search.improve(space, x, y, from);
        return improved.certified() ? improved : improved.withUnproven(first.unproven());
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the name, the base aligner and the tabu search, whose own descriptions list
     * their options, for example
     * {@code TabuAligner[name=thorough, base=FaqAligner[...], search=TabuSearch[...]]}.
     *
     * @return a description of this aligner and its options
     */
    @Override
    public String toString() {
        return "TabuAligner[name=" + name + ", base=" + base + ", search=" + search + "]";
    }

    /**
     * Returns the aligner that provides the start.
     *
     * @return the aligner that provides the start
     */
    public Aligner base() {
        return base;
    }

    /**
     * Returns the tabu search that refines the start.
     *
     * @return the tabu search that refines the start
     */
    public TabuSearch search() {
        return search;
    }
}
