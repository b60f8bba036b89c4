package org.orbifold.cluster;

/**
 * Receives the progress of the assignment passes of a k-means or k-medians run: how many
 * graphs of the current pass have found their nearest center. A command line attaches one
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
}
