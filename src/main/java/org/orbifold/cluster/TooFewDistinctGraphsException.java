package org.orbifold.cluster;

/**
 * Thrown when a clustering asks for more clusters than the graphs offer: fewer graphs differ
 * than there are clusters, either as labelled graphs (equal matrices) or up to relabelling
 * (the k-means++ seeding found every graph at distance 0 from one of fewer than k graphs).
 * The message says which, with the counts; {@link #distinct()} and {@link #clusters()} give
 * them to callers that word their own message.
 *
 * <p>It extends {@link IllegalArgumentException} because the number of clusters asked for
 * does not fit the graphs given; it is found before any Lloyd iteration.
 */
public class TooFewDistinctGraphsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int distinct;
    private final int graphs;
    private final int clusters;
    private final boolean upToRelabelling;

    /**
     * Creates the exception.
     *
     * @param message what was asked for and what the graphs offer
     * @param distinct the graphs that differ: distinct labelled graphs, or, up to relabelling,
     *     the k-means++ seeds found at positive distance from each other, of which every other
     *     graph is a relabelled copy (with a heuristic aligner the true number may be lower,
     *     since a positive distance it reports is only an upper bound)
     * @param graphs the number of graphs given
     * @param clusters the number of clusters asked for, above {@code distinct}
     * @param upToRelabelling whether {@code distinct} counts graphs up to relabelling
     */
    public TooFewDistinctGraphsException(String message, int distinct, int graphs,
            int clusters, boolean upToRelabelling) {
        super(message);
        this.distinct = distinct;
        this.graphs = graphs;
        this.clusters = clusters;
        this.upToRelabelling = upToRelabelling;
    }

    /**
     * Returns the number of graphs that differ, as {@link #upToRelabelling()} says.
     *
     * @return the number of graphs that differ, as {@link #upToRelabelling()} says
     */
    public int distinct() {
        return distinct;
    }

    /**
     * Returns the number of graphs given.
     *
     * @return the number of graphs given
     */
    public int graphs() {
        return graphs;
    }

    /**
     * Returns the number of clusters asked for.
     *
     * @return the number of clusters asked for
     */
    public int clusters() {
        return clusters;
    }

    /**
     * Returns whether {@link #distinct()} counts graphs up to relabelling (found by the
     * seeding) rather than as labelled graphs.
     *
     * @return whether the distinct graphs are counted up to relabelling
     */
    public boolean upToRelabelling() {
        return upToRelabelling;
    }
}
