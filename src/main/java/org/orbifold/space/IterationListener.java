package org.orbifold.space;

/**
 * Receives one report per iteration of a long computation (a Fréchet mean, a clustering, a
 * training epoch) and may ask it to stop early. The numerical core never prints; a command
 * line or a notebook attaches a listener to show progress.
 *
 * <p>Implementations must be cheap and must not throw; they are called on the thread that runs
 * the loop.
 */
@FunctionalInterface
public interface IterationListener {

    /** A listener that ignores every report and never asks to stop. */
    IterationListener NONE = (iteration, objective, step, elapsedNanos) -> true;

    /**
     * Reports a finished iteration.
     *
     * @param iteration the iteration just finished, counted from 1
     * @param objective the objective after it
     * @param step the size of the change it made (its meaning is the caller's, e.g. the
     *     relative decrease of the objective)
     * @param elapsedNanos time since the computation started
     * @return true to continue, false to ask the computation to stop after this iteration
     */
    boolean iterationDone(int iteration, double objective, double step, long elapsedNanos);
}
