package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The trace remembers, per key, a fit whose objective ended worse than guessing. */
class TrainingTraceTest {

    private static void fit(TrainingTrace trace, String key, double guessing,
            double... objectives) {
        trace.begin();
        for (int e = 0; e < objectives.length; e++) {
            trace.iterationDone(e + 1, objectives[e], 0.1, 0L);
        }
        trace.end(key, guessing, false);
    }

    @Test
    void onlyAnEndAboveGuessingIsRemembered() {
        TrainingTrace trace = new TrainingTrace();

        fit(trace, "falls", 0.5, 0.4, 0.3, 0.2);
        fit(trace, "rises a little", 0.5, 0.18, 0.19);
        fit(trace, "ends worse", 0.5, 0.45, 0.6, 0.7);
        fit(trace, "no guess", Double.NaN, 0.1, 5.0);

        assertNull(trace.suspicious("falls"));
        assertNull(trace.suspicious("rises a little"));
        assertNull(trace.suspicious("no guess"));
        assertEquals(new TrainingTrace.Suspicious(0.45, 0.7, 3, 0.5),
                trace.suspicious("ends worse"));
    }

    @Test
    void aFitThatMustRiseIsRememberedOnlyIfItRose() {
        TrainingTrace trace = new TrainingTrace();

        trace.begin();
        trace.iterationDone(1, 0.068, 0.1, 0L);
        trace.iterationDone(2, 0.012, 0.1, 0L);
        trace.end("falls above the level", 0.0, true);
        trace.begin();
        trace.iterationDone(1, 0.17, 0.1, 0L);
        trace.iterationDone(2, 0.19, 0.1, 0L);
        trace.end("rises above the level", 0.0, true);

        assertNull(trace.suspicious("falls above the level"));
        assertEquals(new TrainingTrace.Suspicious(0.17, 0.19, 2, 0.0),
                trace.suspicious("rises above the level"));
    }

    @Test
    void theFirstSuspiciousFitOfAKeyIsKept() {
        TrainingTrace trace = new TrainingTrace();

        fit(trace, "k", 0.0, 0.3, 0.2);
        fit(trace, "k", 0.0, 0.1, 0.4);
        fit(trace, "k", 0.0, 0.1, 0.2);

        assertEquals(new TrainingTrace.Suspicious(0.3, 0.2, 2, 0.0), trace.suspicious("k"));
    }

    @Test
    void fitsOnTwoThreadsAreFollowedApart() throws InterruptedException {
        TrainingTrace trace = new TrainingTrace();
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch firstEpochs = new CountDownLatch(2);
        Thread good = new Thread(() -> interleaved(trace, "good", bothStarted, firstEpochs,
                0.1, 0.05));
        Thread bad = new Thread(() -> interleaved(trace, "bad", bothStarted, firstEpochs,
                0.9, 0.95));

        good.start();
        bad.start();
        good.join();
        bad.join();

        assertNull(trace.suspicious("good"));
        assertEquals(new TrainingTrace.Suspicious(0.9, 0.95, 2, 0.5), trace.suspicious("bad"));
    }

    private static void interleaved(TrainingTrace trace, String key, CountDownLatch started,
            CountDownLatch firstEpochs, double first, double last) {
        try {
            trace.begin();
            started.countDown();
            started.await();
            trace.iterationDone(1, first, 0.1, 0L);
            firstEpochs.countDown();
            firstEpochs.await();
            trace.iterationDone(2, last, 0.1, 0L);
            trace.end(key, 0.5, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void epochsOutsideAFitAreIgnored() {
        TrainingTrace trace = new TrainingTrace();

        trace.iterationDone(1, 9.0, 0.1, 0L);
        trace.end("k", 0.5, false);

        assertNull(trace.suspicious("k"));
    }
}
