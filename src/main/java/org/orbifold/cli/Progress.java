package org.orbifold.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.orbifold.space.IterationListener;

/**
 * A one-line progress bar on standard error: the phase, {@code iteration k/max}, the latest
 * objective (or the value the phase names, such as a fold's accuracy) and the elapsed time,
 * redrawn in place a few times a second once the run has lasted {@value #QUIET_MILLIS} ms,
 * and erased when the run ends. A disabled instance prints nothing. The numerical code
 * reports to it through {@link #listener()}; a daemon thread does the drawing, so slow
 * terminals never slow the computation.
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
    }

    /** Starts an iterative phase; the listener then reports its iterations and objective. */
    IterationListener iterations(String name, int max) {
        return iterations(name, max, "objective");
    }

    /**
     * Starts an iterative phase whose listener reports another value than an objective, such
     * as the accuracy of each fold.
     *
     * @param name the phase
     * @param max the number of iterations
     * @param value how the reported value is labelled on the bar
     */
    IterationListener iterations(String name, int max, String value) {
        phase(name);
        maxIterations = max;
        valueName = value;
        return listener();
    }

    IterationListener listener() {
        return (k, value, step, elapsedNanos) -> {
            iteration = k;
            objective = value;
            return true;
        };
    }

    private synchronized void draw() {
        if (ticker == null || ticker.isShutdown()) {
            return;
        }
        StringBuilder line = new StringBuilder(phase);
        if (maxIterations > 0) {
            int filled = (int) Math.min(BAR_WIDTH, (long) BAR_WIDTH * iteration / maxIterations);
            line.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled))
                    .append("] iteration ").append(iteration).append('/').append(maxIterations);
        }
        if (!Double.isNaN(objective)) {
            line.append(String.format(Locale.ROOT, "  %s %.6g", valueName, objective));
        }
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
