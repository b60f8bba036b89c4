package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SetMatchingLossTest {

    private static final double TOL = 1e-9;
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-5;
    private static final int CLASSES = 3;
    private static final SetMatchingLoss LOSS =
            new SetMatchingLoss(CLASSES, new SetMatchingLoss.Weights(0.1, 5.0));

    @Test
    void finiteDifferencesMatchTheGradient() {
        SplittableRandom random = new SplittableRandom(41);
        for (int trial = 0; trial < 20; trial++) {
            int q = 1 + random.nextInt(5);
            int t = random.nextInt(q + 1);
            double[][] logits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] boxes = AssignmentValueTest.randomMatrix(random, q, 4);
            int[] classes = randomClasses(random, t);
            double[][] targets = AssignmentValueTest.randomMatrix(random, t, 4);
            SetMatchingLoss.Result r = LOSS.evaluate(logits, boxes, classes, targets);
            assertTrue(r.unique());

            double[][] dl = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] db = AssignmentValueTest.randomMatrix(random, q, 4);
            double plus = LOSS.evaluate(AssignmentValueTest.add(logits, dl, STEP),
                    AssignmentValueTest.add(boxes, db, STEP), classes, targets).loss();
            double minus = LOSS.evaluate(AssignmentValueTest.add(logits, dl, -STEP),
                    AssignmentValueTest.add(boxes, db, -STEP), classes, targets).loss();
            double predicted = dot(r.logitGradient(), dl) + dot(r.boxGradient(), db);
            assertEquals(predicted, (plus - minus) / (2 * STEP), FD_TOL);
        }
    }

    @Test
    void lossIsTheDirectTrainingLossOfTheBestMatching() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 50; trial++) {
            int q = 1 + random.nextInt(5);
            int t = random.nextInt(q + 1);
            double[][] logits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] boxes = AssignmentValueTest.randomMatrix(random, q, 2);
            int[] classes = randomClasses(random, t);
            double[][] targets = AssignmentValueTest.randomMatrix(random, t, 2);
            SetMatchingLoss.Result r = LOSS.evaluate(logits, boxes, classes, targets);

            // Brute force over every injective matching of objects to queries.
            double best = bestDirectLoss(logits, boxes, classes, targets, new int[t], 0,
                    new boolean[q]);
            assertEquals(best, r.loss(), TOL * 100);
            assertEquals(r.independentTerm() + r.matchedTerm(), r.loss(), TOL);
            assertEquals(directLoss(logits, boxes, classes, targets, r.targetToPrediction()),
                    r.loss(), TOL * 100);
        }
    }

    @Test
    void emptyTargetSetLeavesOnlyTheIndependentTerm() {
        double[][] logits = {{0, 1, 2, 3}, {1, 0, 0, -1}};
        double[][] boxes = {{0, 0, 1, 1}, {0.5, 0.5, 1, 1}};
        SetMatchingLoss.Result r = LOSS.evaluate(logits, boxes, new int[0], new double[0][4]);
        double[][] logP = SetMatchingLoss.logSoftmax(logits);
        assertEquals(-0.1 * (logP[0][3] + logP[1][3]), r.loss(), TOL);
        assertEquals(0.0, r.matchedTerm());
        assertEquals(0.1 * (Math.exp(logP[1][0])), r.logitGradient()[1][0], TOL);
        assertEquals(0.1 * (Math.exp(logP[1][3]) - 1), r.logitGradient()[1][3], TOL);
        assertEquals(0.0, dot(r.boxGradient(), r.boxGradient()));
        // No predictions and no targets: nothing to pay.
        assertEquals(0.0, LOSS.evaluate(new double[0][], new double[0][], new int[0],
                new double[0][]).loss());
    }

    @Test
    void gradientDescentDrivesTheLossTowardsZero() {
        double[][] logits = new double[4][CLASSES + 1];
        double[][] boxes = {{0.1, 0.2}, {0.4, 0.1}, {0.9, 0.9}, {0.5, 0.5}};
        int[] classes = {2, 0};
        double[][] targets = {{0.8, 0.3}, {0.2, 0.6}};
        double first = LOSS.evaluate(logits, boxes, classes, targets).loss();
        double last = first;
        for (int step = 0; step < 3000; step++) {
            SetMatchingLoss.Result r = LOSS.evaluate(logits, boxes, classes, targets);
            last = r.loss();
            // Constant step for the smooth logits, diminishing step for the L1 boxes.
            logits = AssignmentValueTest.add(logits, r.logitGradient(), -2.0);
            boxes = AssignmentValueTest.add(boxes, r.boxGradient(), -0.02 / (1 + step));
        }
        assertTrue(last < 0.02 && last < first / 100, "loss fell from " + first + " to " + last);
    }

    @Test
    void badInputIsRejectedNamingWhatAndWhere() {
        double[][] logits = {{0, 0, 0, 0}};
        double[][] boxes = {{0, 0}};
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(logits, boxes, new int[] {0, 1},
                        new double[][] {{0, 0}, {1, 1}}));
        assertTrue(tooMany.getMessage().contains("2 target objects but only 1"),
                tooMany.getMessage());
        IllegalArgumentException badClass = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(logits, boxes, new int[] {3}, new double[][] {{0, 0}}));
        assertTrue(badClass.getMessage().contains("targetClasses[0] = 3"),
                badClass.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[][] {{0, Double.NaN, 0, 0}}, boxes, new int[0],
                        new double[0][2]));
        assertTrue(nan.getMessage().contains("(0, 1)"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(logits, boxes, new int[] {0}, new double[][] {{0, 0, 0}}));
        assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[][] {{0, 0}}, boxes, new int[0],
                        new double[0][2]));
        assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss.Weights(-0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SetMatchingLoss(0,
                new SetMatchingLoss.Weights(0.1, 1)));
    }

    // ---------------------------------------------------------------------------------

    /** The DETR training loss of a fixed matching, written out without the decomposition. */
    private static double directLoss(double[][] logits, double[][] boxes, int[] classes,
            double[][] targets, int[] sigma) {
        double[][] logP = SetMatchingLoss.logSoftmax(logits);
        int[] matched = new int[logits.length];
        Arrays.fill(matched, -1);
        for (int i = 0; i < sigma.length; i++) {
            matched[sigma[i]] = i;
        }
        double loss = 0;
        for (int j = 0; j < logits.length; j++) {
            int i = matched[j];
            if (i < 0) {
                loss -= 0.1 * logP[j][CLASSES];
            } else {
                loss -= logP[j][classes[i]];
                for (int k = 0; k < boxes[j].length; k++) {
                    loss += 5.0 * Math.abs(boxes[j][k] - targets[i][k]);
                }
            }
        }
        return loss;
    }

    private static double bestDirectLoss(double[][] logits, double[][] boxes, int[] classes,
            double[][] targets, int[] sigma, int i, boolean[] used) {
        if (i == sigma.length) {
            return directLoss(logits, boxes, classes, targets, sigma);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                sigma[i] = j;
                best = Math.min(best, bestDirectLoss(logits, boxes, classes, targets, sigma,
                        i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static int[] randomClasses(SplittableRandom random, int t) {
        int[] classes = new int[t];
        for (int i = 0; i < t; i++) {
            classes[i] = random.nextInt(CLASSES);
        }
        return classes;
    }

    private static double dot(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }
}
