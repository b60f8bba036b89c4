package org.orbifold.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orbifold.space.IterationListener;

/**
 * Watches the per-epoch objective of every fit of a trained classifier (LVQ1: the fraction of
 * training graphs misjudged when visited; GLVQ: the mean relative distance {@code mu}; the
 * perceptron: the fraction of updates; the MLP: the mean loss) and remembers, per setting,
 * a suspicious fit: one whose objective ended above a level that guessing the class would
 * give and, where asked, also above its first epoch's value. That is the usual sign of a
 * learning rate so large that every step overshoots, which leaves a model no better than
 * guessing without any number overflowing; the command prints the finding beside the result
 * instead of failing. (A mere rise of the objective from the first epoch is not reported: with
 * a small learning rate it also happens by chance, by a graph or two.)
 *
 * <p>A listener is told about the epochs on the thread that runs the training loop
 * ({@link IterationListener}), so one fit is followed per thread: {@link #begin} before the
 * fit and {@link #end} after it, on the same thread. Thread-safe otherwise.
 */
final class TrainingTrace implements IterationListener {

    /**
     * A suspicious fit.
     *
     * @param first the objective after the first epoch
     * @param last the objective after the last epoch
     * @param epochs the epochs run
     * @param level the level it ended above, NaN if the method has none
     */
    record Suspicious(double first, double last, int epochs, double level) {
    }

    /** The objectives of the fit running on one thread. */
    private static final class Fit {
        double first;
        double last;
        int epochs;
    }

    private final ThreadLocal<Fit> current = new ThreadLocal<>();
    private final Map<Object, Suspicious> found = new ConcurrentHashMap<>();

    /** Starts following a fit on this thread. */
    void begin() {
        current.set(new Fit());
    }

    @Override
    public boolean iterationDone(int iteration, double objective, double step,
            long elapsedNanos) {
        Fit fit = current.get();
        if (fit != null) {
            if (fit.epochs == 0) {
                fit.first = objective;
            }
            fit.last = objective;
            fit.epochs++;
        }
        return true;
    }

    /**
     * Stops following the fit on this thread and remembers it under {@code key} if it is
     * suspicious (the first such fit of a key is kept).
     *
     * @param key what the fit belongs to, such as its setting
     * @param level the objective of guessing the class, NaN if the method has none
     * @param mustRise whether the objective must also have ended above its first epoch's value
     */
    void end(Object key, double level, boolean mustRise) {
        Fit fit = current.get();
        current.remove();
        if (fit == null || fit.epochs == 0) {
            return;
        }
        if (fit.last > level && (!mustRise || fit.last > fit.first)) {
            found.putIfAbsent(key, new Suspicious(fit.first, fit.last, fit.epochs, level));
        }
    }

    /**
     * Returns the suspicious fit remembered under {@code key}, or null if there is none.
     *
     * @param key as given to {@link #end}
     * @return the fit, or null
     */
    Suspicious suspicious(Object key) {
        return found.get(key);
    }
}
