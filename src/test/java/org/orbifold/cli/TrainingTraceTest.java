package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    private static boolean wentWrong(int graphs, int largestClass, int... perEpoch) {
        return new TrainingTrace.Errors(graphs, largestClass, perEpoch).wentWrong();
    }

    @Test
    void trainingEndingNoBetterThanGuessingTheLargestClassWentWrong() {
        // 180 graphs, largest class 20: guessing it misjudges 160, two standard errors are
        // 2 sqrt(180 * 8/9 * 1/9) = 8.43 graphs, so 152 or more is near guessing. Falling
        // counts only.
        assertTrue(wentWrong(180, 20, 170, 165, 160));
        assertTrue(wentWrong(180, 20, 170, 165, 152));
        assertFalse(wentWrong(180, 20, 170, 165, 151));
        assertTrue(wentWrong(180, 20, 160));
        assertFalse(wentWrong(180, 20, 151));
        // The five folds of LVQ1 at rate 1 on the embedded letters, all at chance on their
        // held-out graphs; the last two neither reach 160 nor rise by two standard errors.
        assertTrue(wentWrong(180, 20, 145, 158));
        assertTrue(wentWrong(180, 20, 148, 157));
    }

    @Test
    void aRiseWentWrongOnlyBeyondTwoStandardErrors() {
        // 100 graphs, pooled rate 1/2: 2 sqrt(2 * 100 * 1/4) = 14.14 graphs.
        assertFalse(wentWrong(100, 10, 43, 57));
        assertTrue(wentWrong(100, 10, 42, 58));
        assertTrue(wentWrong(100, 10, 42, 10, 58), "only the first and last epochs count");
        // Measured rises at the default rate 0.1 (GLVQ on a fold of the embedded letters, on
        // IAM Letter LOW's training split; LVQ1 on shuffled labels), and LVQ1 at rate 1.
        assertFalse(wentWrong(180, 20, 36, 37));
        assertFalse(wentWrong(750, 50, 111, 122));
        assertFalse(wentWrong(150, 17, 116, 121));
        assertTrue(wentWrong(180, 20, 146, 165));
        assertTrue(wentWrong(180, 20, 146, 161));
    }

    @Test
    void noGraphMisjudgedNeverWentWrong() {
        // 20 graphs of one class and 3 of the other: guessing misjudges 3, two standard
        // errors are 2 sqrt(23 * 3/23 * 20/23) = 3.23, so the level is -0.23 and every count
        // was "near guessing" before; a perfect last epoch is never a warning.
        assertFalse(wentWrong(23, 20, 0));
        assertFalse(wentWrong(23, 20, 2, 1, 0));
        assertFalse(wentWrong(180, 20, 170, 0));
        assertFalse(new TrainingTrace.Errors(23, 20, new int[] {0}).nearGuessing());
    }

    @Test
    void aGuessingLevelBelowOneJudgesNothing() {
        // The level of 3 of 23 is below 0: no count above 0 is clearly fewer than guessing,
        // so ending at the guessing count is no finding (only a clear rise would be).
        assertEquals(3.0 - 2.0 * Math.sqrt(23 * (3.0 / 23) * (20.0 / 23)),
                new TrainingTrace.Errors(23, 20, new int[] {3}).guessingLevel(), 1e-12);
        assertFalse(wentWrong(23, 20, 3));
        assertFalse(wentWrong(23, 20, 2, 3));
        assertTrue(wentWrong(23, 20, 0, 5), "a rise by more than two standard errors");
        // At the boundary: 6 of 30 guessed wrong gives 6 - 2 sqrt(30 * 0.2 * 0.8) = 1.62,
        // judged (3 is near guessing, 1 is not); 5 of 30 gives 5 - 2 sqrt(30 / 6 * 5 / 6)
        // = 0.92, not judged even at 5.
        assertTrue(wentWrong(30, 24, 3));
        assertTrue(wentWrong(30, 24, 2));
        assertFalse(wentWrong(30, 24, 1));
        assertFalse(wentWrong(30, 25, 5));
        assertFalse(wentWrong(30, 25, 2));
    }

    @Test
    void errorsAreKeptPerKeyInTheOrderAdded() {
        TrainingTrace trace = new TrainingTrace();

        trace.addErrors("k", new TrainingTrace.Errors(10, 5, new int[] {3, 2}));
        trace.addErrors("k", new TrainingTrace.Errors(10, 5, new int[0]));
        trace.addErrors("other", new TrainingTrace.Errors(12, 6, new int[] {1}));
        trace.addErrors("k", new TrainingTrace.Errors(11, 5, new int[] {4}));

        List<TrainingTrace.Errors> k = trace.errors("k");
        assertEquals(2, k.size(), "an untrained fit is not kept");
        assertArrayEquals(new int[] {3, 2}, k.get(0).perEpoch());
        assertEquals(11, k.get(1).graphs());
        assertEquals(List.of(), trace.errors("none"));
    }

    @Test
    void trainingThatFellWithoutBeatingGuessingGetsNoLearningRateAdvice() {
        // A tester's LVQ1 fit at rate 0.001 on 40 MUTAG graphs: 11 errors, then 10, against
        // the 15 of guessing the largest class (level 8.9); it was told to lower the rate.
        TrainingTrace.Errors fell = new TrainingTrace.Errors(40, 25,
                new int[] {11, 11, 10, 10, 10, 10, 10, 10, 10, 10});
        assertTrue(fell.nearGuessing());
        assertFalse(fell.rose());
        assertEquals("LVQ1 training did not clearly beat guessing in the one fit of the chosen"
                + " setting: the fit on train ended with 10 of its 40 training graphs misjudged"
                + " in epoch 10 (11 in epoch 1), not clearly fewer than the 15 of guessing the"
                + " largest class; the model may be no better than always predicting that"
                + " class", ClassifyOutput.prototypeWarning("LVQ1", List.of(fell), "on ",
                        i -> "train", "0.001"));

        // A rise by one graph is within chance (the level for 40 graphs with 8 to guess
        // wrong is 2.9, the rise would have to exceed 5.1): still no rate advice.
        TrainingTrace.Errors byOne = new TrainingTrace.Errors(40, 32, new int[] {3, 4});
        assertTrue(byOne.nearGuessing());
        assertFalse(byOne.rose());
        String warning = ClassifyOutput.prototypeWarning("LVQ1", List.of(byOne), "on ",
                i -> "train", "0.001");
        assertTrue(warning.startsWith("LVQ1 training did not clearly beat guessing")
                && warning.contains("4 of its 40 training graphs misjudged in epoch 2 (3 in"
                        + " epoch 1)") && !warning.contains("learning rate"), warning);
    }

    @Test
    void trainingWhoseErrorsRoseClearlyIsBlamedOnTheLearningRate() {
        // LVQ1 at rate 1 on fold 1 of the embedded letters: 146, then 161 of 180 against the
        // 160 of guessing.
        TrainingTrace.Errors rose = new TrainingTrace.Errors(180, 20, new int[] {146, 161});
        assertTrue(rose.rose());
        assertTrue(rose.nearGuessing());
        assertEquals("LVQ1 training went wrong in the one fit of the chosen setting: the fit"
                + " for fold 1 ended with 161 of its 180 training graphs misjudged in epoch 2,"
                + " clearly more than the 146 of its first epoch and not clearly fewer than the"
                + " 160 of guessing the largest class; learning rate 1 may be too large: try a"
                + " smaller --learning-rate", ClassifyOutput.prototypeWarning("LVQ1",
                        List.of(rose), "for ", i -> "fold " + (i + 1), "1"));

        // Of several fits that went wrong, one whose errors rose is the one shown, and all
        // count; a fit that went well counts for nothing.
        TrainingTrace.Errors fell = new TrainingTrace.Errors(40, 25, new int[] {11, 10});
        TrainingTrace.Errors well = new TrainingTrace.Errors(40, 25, new int[] {11, 2});
        assertFalse(well.wentWrong());
        String mixed = ClassifyOutput.prototypeWarning("GLVQ", List.of(well, fell, rose),
                "for ", i -> "fold " + (i + 1), "0.5");
        assertTrue(mixed.startsWith("GLVQ training went wrong in 2 of 3 fits of the chosen"
                + " setting: the fit for fold 3 ended with 161 of its 180") && mixed.endsWith(
                        "learning rate 0.5 may be too large: try a smaller --learning-rate"),
                mixed);
        assertNull(ClassifyOutput.prototypeWarning("LVQ1", List.of(well), "for ",
                i -> "fold " + (i + 1), "0.1"));
    }
}
