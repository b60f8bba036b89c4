package org.orbifold.stats;

/**
 * Why an iterative center computation ({@link FrechetMean}, {@link FrechetMedian}) stopped.
 * Non-convergence is reported here, never thrown.
 */
public enum Status {

    /**
     * A fixed point or a stall: no alignment changed, the relative decrease of the objective
     * fell below the tolerance, the iterate passed an optimality test, or a step would have
     * raised the objective (possible only through rounding) and was rejected.
     */
    CONVERGED,

    /** The iteration limit was reached before any convergence test passed. */
    MAX_ITERATIONS,

    /** The {@link org.orbifold.space.IterationListener} asked to stop. */
    STOPPED_BY_LISTENER
}
