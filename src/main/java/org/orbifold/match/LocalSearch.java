package org.orbifold.match;

import java.util.Objects;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * 2-swap local search for the alignment problem: starting from any permutation {@code pi},
 * exchange the images {@code pi(i)} and {@code pi(j)} of two nodes whenever that raises the
 * similarity {@code <X, pi . Y>}, until no exchange does (a 2-opt local optimum, the classical
 * pairwise-exchange neighbourhood of the quadratic assignment problem).
 *
 * <p>An improving exchange is applied at once (first improvement). Nodes wait in a stack
 * whose entries are examined against every other node; an applied exchange pushes its two
 * nodes and their neighbours in {@code X}, the only nodes whose exchange gains it can change
 * ("don't look bits"), so the search stops exactly at a local optimum. The gain of an exchange
 * is evaluated in {@code O((deg(i) + deg(j)) d_e)} time from the edge lists of {@code X} and a
 * dense copy of {@code Y}, so examining all pairs costs {@code O(m |E_X| d_e)}. On dense
 * instances (order at least 16 and mean degree {@code deg} of {@code X} with
 * {@code 2 deg^2 >= m d_e}) an improving exchange would cost {@code O(m^3)} that way; there the
 * search keeps the table of all exchange gains of Taillard (1991, see {@link TabuSearch}),
 * set up in {@code O(m^3 d_e)} and updated in {@code O(m^2 d_e)} per exchange, and makes the
 * best exchange each time (best improvement). Gains below {@code 1e-12 ||X|| ||Y||} count as
 * no improvement, so rounding cannot make the search cycle; when an offset dominates the
 * node or edge attributes, the norms are those of the pair with the offset removed
 * ({@link OffsetRemoval}), which changes every similarity by one constant.
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Limitations.</b> Only a local optimum for the exchange neighbourhood; the number of
 * sweeps is finite but not bounded by a small polynomial in the worst case.
 */
public final class LocalSearch {

    private LocalSearch() {
    }

    /**
     * Improves an alignment of {@code y} to {@code x} by 2-swap local search.
     *
     * @param space the graph space of both graphs
     * @param x the reference graph
     * @param y the graph to relabel
     * @param start the permutation to improve, of size at least the larger order; not modified
     * @return an alignment of the same size, never worse than {@code start}, certified only
     *     when the graphs coincide under it
     * @throws IllegalArgumentException if a graph is not in the space or {@code start} is too
     *     small or larger than the space's size
     */
    public static Alignment improve(GraphSpace space, Graph x, Graph y, Permutation start) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        OrientedAligner.requireStart(x, y, start);
        space.requireAlignmentSize(start.size());
        Alignment initial = Alignment.of(space, x, y, start, false);

        QapInstance problem = new QapInstance();
        Graph[] shifted = OffsetRemoval.shifted(space, x, y, start.size());
        if (shifted == null) {
            problem.load(space, x, y, start.size());
        } else {
            problem.load(space, shifted[0], shifted[1], start.size());
        }
        int[] images = start.toArray();
        problem.localSearch(images, problem.noise());
        Alignment improved = Alignment.of(space, x, y, Permutation.of(images), false);
        return improved.distance() <= initial.distance() ? improved : initial;
    }
}
