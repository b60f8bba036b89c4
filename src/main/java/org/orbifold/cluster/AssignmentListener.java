package org.orbifold.cluster;

/**
 * Receives the progress of the assignment passes of a k-means or k-medians run: how many
 * graphs of the current pass have found their nearest center; and, optionally, that of its
 * k-means++ seeding ({@link #seeding}). A command line attaches one
 * to show the count during a long pass; the numerical code never prints.
 *
 * <p>Each pass first reports {@code (0, total)} on the thread that runs the loop, then one
 * report per graph as it is assigned, from the executor's worker threads, so reports of one
 * pass can arrive out of order (a count can be followed by a smaller one). Implementations
 * must therefore be thread-safe, cheap and must not throw.
 */
@FunctionalInterface
public interface AssignmentListener {

    /** A listener that ignores every report. */
    AssignmentListener NONE = (assigned, total) -> { };

    /**
     * Reports the progress of the current assignment pass.
     *
     * @param assigned the graphs of this pass assigned so far, 0 when the pass starts
     * @param total the graphs the pass assigns
     */
    void graphsAssigned(int assigned, int total);

    /**
     * Reports the progress of the k-means++ seeding of a k-means or k-medians restart, which
     * aligns every graph to each seed drawn: first {@code (seed, clusters, 0, total)} when
     * the distances from seed {@code seed} (from 0) start, then one report per graph aligned,
     * from the executor's worker threads and possibly out of order, and a final
     * {@code (clusters, clusters, total, total)} when the seeding is done. The same rules of
     * thread safety apply as for {@link #graphsAssigned}. The default ignores the reports;
     * a k-medoids run, which reads its seeding distances from its matrix, makes none.
     *
     * @param seed the seed whose distances are under way, from 0; {@code clusters} when
     *     the seeding is done
     * @param clusters the number of seeds, k
     * @param aligned the graphs aligned to this seed so far
     * @param total the graphs aligned to each seed
     */
    default void seeding(int seed, int clusters, int aligned, int total) {
    }
}
