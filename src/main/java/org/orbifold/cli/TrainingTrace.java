package org.orbifold.cli;

import java.util.ArrayList;
import java.util.List;
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
 * <p>It also keeps, per setting, the training errors of every fit of a prototype learner
 * (LVQ1, GLVQ: the training graphs misjudged when visited, per epoch), in the order of the
 * fits ({@link #addErrors}); a command fits one setting one fit after another (the folds in
 * order, or the search's fit on the training split before the final fit), so that order is
 * known.
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

    /**
     * The training errors of one fit of a prototype learner.
     *
     * @param graphs the training graphs of the fit
     * @param largestClass the training graphs of its largest class: guessing that class
     *     misjudges {@code graphs - largestClass}
     * @param perEpoch the training graphs misjudged when visited, per epoch run, at least one
     */
    record Errors(int graphs, int largestClass, int[] perEpoch) {

        /** Returns the errors of guessing the largest class for every training graph. */
        int guessing() {
            return graphs - largestClass;
        }

        /**
         * Returns whether the training went wrong: it ended {@link #nearGuessing near
         * guessing}, or it {@link #rose}.
         */
        boolean wentWrong() {
            return nearGuessing() || rose();
        }

        /**
         * Returns whether the last epoch misjudged not clearly fewer graphs than guessing the
         * largest class would: more than the {@link #guessingLevel}, two binomial standard
         * errors below the guessing errors. LVQ1 at rate 1 on the nine balanced classes of the
         * embedded letters ends every fold at chance on its held-out graphs, with 157 to 167
         * of 180 training graphs misjudged against the 160 of guessing; the level is 151.6
         * there. Never true when the last epoch misjudged no graph, nor when the level is
         * below 1: then guessing misjudges so few graphs (3 of 23, say, where the level is
         * -0.23) that no count above 0 is clearly fewer, and the test cannot tell training that
         * went wrong from training that went well.
         */
        boolean nearGuessing() {
            double level = guessingLevel();
            return last() > 0 && level >= 1.0 && last() > level;
        }

        /**
         * Returns {@code g - 2 sqrt(graphs q (1 - q))}, with {@code g} the guessing errors and
         * {@code q = g / graphs}: two binomial standard errors below the guessing level.
         */
        double guessingLevel() {
            double q = guessing() / (double) graphs;
            return guessing() - 2.0 * Math.sqrt(graphs * q * (1.0 - q));
        }

        /** Returns the graphs misjudged in the last epoch. */
        int last() {
            return perEpoch[perEpoch.length - 1];
        }

        /**
         * Returns whether the last epoch misjudged clearly more graphs than the first: by more
         * than two standard errors of the difference of two counts of {@code graphs} trials at
         * their pooled rate {@code p}, {@code 2 sqrt(2 graphs p (1 - p))}. A rise by a graph
         * or two happens by chance at any learning rate (GLVQ at the default rate on a fold
         * of the embedded letters: 36, then 37); an overshooting rate (LVQ1 at rate 1: 146,
         * then 161 of 180) rises by more.
         */
        boolean rose() {
            int first = perEpoch[0];
            double p = (first + last()) / (2.0 * graphs);
            return last() - first > 2.0 * Math.sqrt(2.0 * graphs * p * (1.0 - p));
        }
    }

    /** The objectives of the fit running on one thread. */
    private static final class Fit {
        double first;
        double last;
        int epochs;
    }

    private final ThreadLocal<Fit> current = new ThreadLocal<>();
    private final Map<Object, Suspicious> found = new ConcurrentHashMap<>();
    private final Map<Object, List<Errors>> errors = new ConcurrentHashMap<>();

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

    /**
     * Adds the training errors of a fit under {@code key}, after those added before.
     *
     * @param key what the fit belongs to, such as its setting
     * @param fit the fit's errors; an empty {@code perEpoch} (no training) is not kept
     */
    void addErrors(Object key, Errors fit) {
        if (fit.perEpoch().length > 0) {
            List<Errors> list = errors.computeIfAbsent(key, k -> new ArrayList<>());
            synchronized (list) {
                list.add(fit);
            }
        }
    }

    /**
     * Returns the training errors of the fits added under {@code key}, in the order added.
     *
     * @param key as given to {@link #addErrors}
     * @return a new list, empty if there are none
     */
    List<Errors> errors(Object key) {
        List<Errors> list = errors.get(key);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
