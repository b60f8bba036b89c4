package org.orbifold.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.orbifold.cluster.AssignmentListener;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;

/**
 * A one-line progress bar on standard error: the phase, its progress, the latest objective
 * (or the value the phase names, such as a fold's accuracy) and the elapsed time, redrawn in
 * place a few times a second once the run has lasted {@value #QUIET_MILLIS} ms, and erased
 * when the run ends. Nothing is drawn before the first phase is named. A disabled instance
 * prints nothing. The progress is a bar with
 * {@code k/max} and what is counted ({@code 2/5 folds}) for a phase of known length (the folds
 * of a cross-validation, the settings of a validation search), the
 * iteration under way with its limit ({@code iteration k of at most max}, one more than the
 * last one done, so that the last iteration shows too) for an iteration that may stop early,
 * with the restart ({@code restart r/R}) when there are several, and the alignments done of
 * all ({@code pairs done/total}) for a phase of pairwise alignments; a clustering's
 * iteration adds the graphs of its current assignment pass ({@code graphs done/total}), and
 * its k-means++ seeding shows in place of the iteration ({@code k-means++ seeding, seed 2/3
 * graphs done/total}); a Fréchet mean's or median's iteration adds the graphs of its
 * alignment pass ({@link #passes}). A phase of steps that are fits of a learner adds the epoch of
 * the fit under way, {@code epoch 3/10} ({@link #epochs}), and a phase that searches for the
 * best value shows the best reported so far rather than the latest ({@link #bestSteps}).
 * The numerical code reports to it through {@link #listener()},
 * {@link #assignments()} and the aligner that {@link #counting} wraps; a daemon thread does
 * the drawing, so slow terminals never slow the computation.
 *
 * <p><b>Limitations.</b> A restart is recognised when the iteration count starts again
 * (the listener hears each restart's iterations numbered from 1), so a restart that ends
 * before its first iteration is not counted and the number shown can lag behind.
 */
final class Progress implements AutoCloseable {

    static final long QUIET_MILLIS = 1000;
    private static final long REDRAW_MILLIS = 200;
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile String phase = "";
    private volatile int iteration;
    private volatile int maxIterations;
    private volatile double objective = Double.NaN;
    private volatile String valueName = "objective";
    private volatile String stepName = "";
    private volatile boolean bounded;
    /** Whether the value shown is the largest reported in the phase, not the latest. */
    private volatile boolean keepBest;
    /** The epoch of the fit under way and its epochs, 0 when none is reported. */
    private volatile int epoch;
    private volatile int epochCount;
    private volatile int restarts;
    private volatile int restart = 1;
    private volatile String unit;
    private volatile long total;
    private final AtomicLong done = new AtomicLong();
    /** Whether an assignment pass of the next iteration is under way. */
    private volatile boolean assigning;
    /** Whether the count is of the alignments of the pass under way ({@link #passes}). */
    private volatile boolean passCounting;
    /** The seed whose distances a k-means++ seeding computes, or -1 outside a seeding. */
    private volatile int seed = -1;
    private volatile int seeds;
    /** Whether a seeding has started in this phase, so that a further one is a restart. */
    private volatile boolean seeded;
    private int drawnWidth;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        if (enabled) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "orbifold-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, QUIET_MILLIS, REDRAW_MILLIS,
                    TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** Starts a phase without iterations, such as the medoid search. */
    void phase(String name) {
        phase = name;
        iteration = 0;
        maxIterations = 0;
        objective = Double.NaN;
        valueName = "objective";
        bounded = false;
        keepBest = false;
        epoch = 0;
        epochCount = 0;
        restarts = 0;
        restart = 1;
        assigning = false;
        passCounting = false;
        seed = -1;
        seeds = 0;
        seeded = false;
        unit = null;
        total = 0;
        done.set(0);
    }

    /**
     * Starts a phase of {@code count} alignments, such as the pairs of a medoid search, and
     * returns the aligner to run them with: it counts its calls for the bar (shown up to
     * {@code count}) and otherwise is {@code aligner}. A disabled instance returns
     * {@code aligner} itself.
     *
     * @param name the phase
     * @param what what the count counts, such as {@code "pairs"}
     * @param count the number of alignments the phase makes
     * @param aligner the aligner
     * @return the counting aligner
     */
    Aligner counting(String name, String what, long count, Aligner aligner) {
        phase(name);
        if (!enabled) {
            return aligner;
        }
        unit = what;
        total = count;
        return countingAligner(aligner);
    }

    /** Returns {@code aligner} counting its calls in {@link #done}. */
    private Aligner countingAligner(Aligner aligner) {
        return new Aligner() {
            @Override
            public Alignment align(GraphSpace space, Graph x, Graph y) {
                Alignment a = aligner.align(space, x, y);
                done.incrementAndGet();
                return a;
            }

            @Override
            public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
                Alignment a = aligner.align(space, x, y, start);
                done.incrementAndGet();
                return a;
            }

            @Override
            public String name() {
                return aligner.name();
            }
        };
    }

    /**
     * Starts an iteration that may stop before its limit, run {@code runs} times (restarts);
     * the bar shows the iteration with its limit and, for several runs, which one runs.
     *
     * @param name the phase
     * @param max the iteration limit of each run
     * @param runs the number of runs
     * @return the listener to report the iterations to
     */
    IterationListener iterationsUpTo(String name, int max, int runs) {
        phase(name);
        maxIterations = max;
        restarts = runs;
        return listener();
    }

    /**
     * Counts the graphs aligned in the pass under way of an iteration started by
     * {@link #iterationsUpTo} whose every step aligns each of {@code graphs} graphs once (a
     * Fréchet mean's or median's): returns the aligner to run them with, which counts its
     * calls, and the bar shows {@code graphs done/total} of the pass under way, the count
     * wrapping at {@code graphs} (the first iteration also aligns to the start, a restart's
     * start also aligns for its incremental mean). A disabled instance returns
     * {@code aligner} itself.
     *
     * @param graphs the graphs each pass aligns
     * @param aligner the aligner
     * @return the counting aligner
     */
    Aligner passes(int graphs, Aligner aligner) {
        if (!enabled || graphs < 1) {
            return aligner;
        }
        unit = "graphs";
        total = graphs;
        passCounting = true;
        done.set(0);
        return countingAligner(aligner);
    }

    /**
     * Starts a phase of a known number of steps, such as the folds of a cross-validation;
     * its listener reports each step as done, with a value such as the fold's accuracy. The
     * bar shows the steps done by their name: {@code [#####...............] 1/4 folds}.
     *
     * @param name the phase
     * @param max the number of steps
     * @param steps what the steps are, in the plural, such as {@code "folds"}
     * @param value how the reported value is labelled on the bar
     */
    IterationListener steps(String name, int max, String steps, String value) {
        phase(name);
        maxIterations = max;
        stepName = steps;
        valueName = value;
        bounded = true;
        return listener();
    }

    /**
     * Starts a phase of a known number of steps as {@link #steps} does, but shows the largest
     * value reported so far (NaN, a step without a value, is skipped), labelled
     * {@code value}: the best validation accuracy of a search, say, rather than that of the
     * last setting tried.
     *
     * @param name the phase
     * @param max the number of steps
     * @param steps what the steps are, in the plural, such as {@code "settings"}
     * @param value how the best value is labelled on the bar
     */
    IterationListener bestSteps(String name, int max, String steps, String value) {
        IterationListener listener = steps(name, max, steps, value);
        keepBest = true;
        return listener;
    }

    /**
     * Returns a listener of the epochs of one fit of {@code max} epochs: the bar shows the
     * last epoch done, {@code epoch 3/10}, until the step the fit belongs to is reported
     * done or another phase starts. Meant for a learner's training loop, inside a phase of
     * steps or a single fit.
     *
     * @param max the epochs of the fit
     * @return the listener; it never stops the fit
     */
    IterationListener epochs(int max) {
        return (k, value, step, elapsedNanos) -> {
            epochCount = max;
            epoch = k;
            return true;
        };
    }

    /**
     * Starts a phase that measures an amount, such as the bytes of a download; report it
     * with {@link #amountDone}. The bar shows {@code unit done/total}, or {@code unit done}
     * while the total is unknown.
     *
     * @param name the phase
     * @param what what is measured, such as {@code "bytes"}
     */
    void amount(String name, String what) {
        phase(name);
        unit = what;
        total = -1;
    }

    /**
     * Reports the amount of an {@link #amount} phase done so far.
     *
     * @param amount the amount done
     * @param of the whole amount, or -1 when unknown
     */
    void amountDone(long amount, long of) {
        total = of;
        done.set(amount);
    }

    /**
     * Returns the listener of a clustering's assignment passes, to use in a phase started by
     * {@link #iterationsUpTo}: while a pass runs, the bar shows the iteration it belongs to
     * (one more than the last one done) and the graphs of the pass assigned,
     * {@code graphs done/total}, until that iteration is reported done. Reports may come
     * from several threads and out of order; the largest count of a pass is shown.
     *
     * @return the listener
     */
    AssignmentListener assignments() {
        return new AssignmentListener() {
            @Override
            public void graphsAssigned(int assigned, int of) {
                if (assigned == 0) {
                    seed = -1;
                    unit = "graphs";
                    total = of;
                    done.set(0);
                    assigning = true;
                } else {
                    done.accumulateAndGet(assigned, Math::max);
                }
            }

            @Override
            public void seeding(int index, int clusters, int aligned, int of) {
                if (index >= clusters) {
                    seed = -1;
                    unit = null;
                    return;
                }
                if (aligned == 0) {
                    if (index == 0) {
                        // A seeding after the first starts the next restart, at iteration 0.
                        if (seeded && restart < restarts) {
                            restart++;
                        }
                        seeded = true;
                        iteration = 0;
                        objective = Double.NaN;
                    }
                    seeds = clusters;
                    seed = index;
                    unit = "graphs";
                    total = of;
                    done.set(0);
                } else {
                    done.accumulateAndGet(aligned, Math::max);
                }
            }
        };
    }

    IterationListener listener() {
        return (k, value, step, elapsedNanos) -> {
            if (k <= iteration && restart < restarts) {
                restart++;
            }
            if (passCounting) {
                done.set(0);
            }
            iteration = k;
            epoch = 0;
            if (!keepBest || Double.isNaN(objective)
                    || !Double.isNaN(value) && value > objective) {
                objective = value;
            }
            // An assignment pass belongs to the iteration it ends: its count goes with it.
            if (assigning) {
                assigning = false;
                unit = null;
            }
            return true;
        };
    }

    /** Returns the line the bar shows now, without the elapsed time. */
    String line() {
        StringBuilder line = new StringBuilder(phase);
        if (maxIterations > 0 && bounded) {
            int filled = (int) Math.min(BAR_WIDTH, (long) BAR_WIDTH * iteration / maxIterations);
            line.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled))
                    .append("] ").append(iteration).append('/').append(maxIterations)
                    .append(' ').append(stepName);
        } else if (maxIterations > 0) {
            if (restarts > 1) {
                line.append(" restart ").append(restart).append('/').append(restarts);
            }
            if (seed >= 0) {
                line.append(" k-means++ seeding, seed ").append(seed + 1).append('/')
                        .append(seeds);
            } else {
                // The iteration under way: one more than the last one done.
                line.append(" iteration ").append(Math.min(iteration + 1, maxIterations))
                        .append(" of at most ").append(maxIterations);
            }
        }
        if (epoch > 0) {
            line.append(" epoch ").append(epoch).append('/').append(epochCount);
        }
        if (unit != null && total < 0) {
            line.append(String.format(Locale.ROOT, " %s %,d", unit, done.get()));
        } else if (unit != null) {
            long count = done.get();
            // A pass count wraps at each pass; other counts stop at their total.
            long shown = passCounting ? (count == 0 ? 0 : (count - 1) % total + 1)
                    : Math.min(count, total);
            line.append(String.format(Locale.ROOT, " %s %,d/%,d", unit, shown, total));
        }
        if (!Double.isNaN(objective)) {
            line.append(String.format(Locale.ROOT, "  %s %.6g", valueName, objective));
        }
        return line.toString();
    }

    private synchronized void draw() {
        // Before a phase has a name there is nothing to say but the time: no line then.
        if (ticker == null || ticker.isShutdown() || phase.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(line());
        double seconds = (System.nanoTime() - start) / 1e9;
        line.append(String.format(Locale.ROOT, "  %.1f s", seconds));
        int width = line.length();
        while (line.length() < drawnWidth) {
            line.append(' ');
        }
        drawnWidth = width;
        err.print("\r" + line);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (!enabled) {
            return;
        }
        ticker.shutdownNow();
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
        }
    }
}
