package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SetMatchingLossTest {

    private static final double TOL = 1e-9;
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-5;
    private static final int CLASSES = 3;
    /** Smallest distance of a matched box from a kink of its box loss for finite differences. */
    private static final double KINK_MARGIN = 1e-3;
    private static final SetMatchingLoss.Weights L1_ONLY = new SetMatchingLoss.Weights(0.1, 5.0);
    private static final SetMatchingLoss LOSS = new SetMatchingLoss(CLASSES, L1_ONLY);
    /** The class term {@code -log p(0) + 0.1 log p(null)} of uniform logits over 4 classes. */
    private static final double LOSS_CLASS_TERM = Math.log(4) - 0.1 * Math.log(4);
    /** The start of the message when one object has no query in range. */
    private static final String UNAVOIDABLE = "no matching avoids pairs out of range, since"
            + " target object 0 has no query in range (for instance, ";
    private static final SetMatchingLoss GIOU_LOSS =
            new SetMatchingLoss(CLASSES, SetMatchingLoss.Weights.detr());

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
            double best = bestDirectLoss(L1_ONLY, logits, boxes, classes, targets, new int[t],
                    0, new boolean[q]);
            assertEquals(best, r.loss(), TOL * 100);
            assertEquals(r.independentTerm() + r.matchedTerm(), r.loss(), TOL);
            assertEquals(directLoss(L1_ONLY, logits, boxes, classes, targets,
                    r.targetToPrediction()), r.loss(), TOL * 100);
        }
    }

    @Test
    void lossWithGiouIsTheDirectTrainingLossOfTheBestMatching() {
        SplittableRandom random = new SplittableRandom(43);
        SetMatchingLoss.Weights detr = SetMatchingLoss.Weights.detr();
        for (int trial = 0; trial < 50; trial++) {
            int q = 1 + random.nextInt(5);
            int t = random.nextInt(q + 1);
            double[][] logits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] boxes = randomBoxes(random, q);
            int[] classes = randomClasses(random, t);
            double[][] targets = randomBoxes(random, t);
            SetMatchingLoss.Result r = GIOU_LOSS.evaluate(logits, boxes, classes, targets);

            double best = bestDirectLoss(detr, logits, boxes, classes, targets, new int[t], 0,
                    new boolean[q]);
            assertEquals(best, r.loss(), TOL * 100);
            assertEquals(directLoss(detr, logits, boxes, classes, targets,
                    r.targetToPrediction()), r.loss(), TOL * 100);
            // The cost matrix entry by entry.
            double[][] cost = GIOU_LOSS.costMatrix(logits, boxes, classes, targets);
            double[][] logP = SetMatchingLoss.logSoftmax(logits);
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < q; j++) {
                    double l1 = 0;
                    for (int k = 0; k < 4; k++) {
                        l1 += Math.abs(boxes[j][k] - targets[i][k]);
                    }
                    double expected = -logP[j][classes[i]] + 0.1 * logP[j][CLASSES] + 5 * l1
                            + 2 * (1 - GeneralizedIoUTest.reference(targets[i], boxes[j]));
                    assertEquals(expected, cost[i][j], TOL);
                }
            }
        }
    }

    @Test
    void finiteDifferencesMatchTheGradientWithGiou() {
        SplittableRandom random = new SplittableRandom(44);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            int q = 1 + random.nextInt(5);
            int t = random.nextInt(q + 1);
            double[][] logits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] boxes = randomBoxes(random, q);
            int[] classes = randomClasses(random, t);
            double[][] targets = randomBoxes(random, t);
            SetMatchingLoss.Result r = GIOU_LOSS.evaluate(logits, boxes, classes, targets);
            if (!r.unique() || kinkDistance(boxes, targets, r.targetToPrediction())
                    < KINK_MARGIN) {
                continue;
            }
            checked++;
            double[][] dl = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] db = AssignmentValueTest.randomMatrix(random, q, 4);
            double plus = GIOU_LOSS.evaluate(AssignmentValueTest.add(logits, dl, STEP),
                    AssignmentValueTest.add(boxes, db, STEP), classes, targets).loss();
            double minus = GIOU_LOSS.evaluate(AssignmentValueTest.add(logits, dl, -STEP),
                    AssignmentValueTest.add(boxes, db, -STEP), classes, targets).loss();
            double predicted = dot(r.logitGradient(), dl) + dot(r.boxGradient(), db);
            assertEquals(predicted, (plus - minus) / (2 * STEP), FD_TOL, "trial " + trial);
        }
        assertTrue(checked > 40, "only " + checked + " trials away from kinks");
    }

    @Test
    void weightsKeepTheTwoArgumentMeaningAndOfferDetrDefaults() {
        SetMatchingLoss.Weights two = new SetMatchingLoss.Weights(0.2, 3);
        assertEquals(new SetMatchingLoss.Weights(0.2, 3, 0), two);
        assertEquals(3.0, two.box());
        assertEquals(0.0, two.giou());
        assertEquals(new SetMatchingLoss.Weights(0.1, 5, 2), SetMatchingLoss.Weights.detr());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss.Weights(0.1, 5, -1));
        assertTrue(negative.getMessage().contains("giou"), negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss.Weights(0.1, 5, Double.NaN));
        // A negative zero is a zero weight, stored as 0.0.
        SetMatchingLoss.Weights zeros = new SetMatchingLoss.Weights(-0.0, -0.0, -0.0);
        assertEquals(new SetMatchingLoss.Weights(0, 0, 0), zeros);
        assertEquals(Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(zeros.noObject()));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(zeros.box()));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(zeros.giou()));
        assertEquals(new SetMatchingLoss.Weights(0, 0).hashCode(), zeros.hashCode());
        // Without GIoU the L1-only loss is unchanged by adding a zero GIoU weight.
        SplittableRandom random = new SplittableRandom(45);
        double[][] logits = AssignmentValueTest.randomMatrix(random, 3, CLASSES + 1);
        double[][] boxes = AssignmentValueTest.randomMatrix(random, 3, 4);
        double[][] targets = AssignmentValueTest.randomMatrix(random, 2, 4);
        assertEquals(LOSS.evaluate(logits, boxes, new int[] {0, 2}, targets).loss(),
                new SetMatchingLoss(CLASSES, new SetMatchingLoss.Weights(0.1, 5, 0))
                        .evaluate(logits, boxes, new int[] {0, 2}, targets).loss());
    }

    @Test
    void giouLossOfAPerfectPredictionIsOnlyTheClassTerm() {
        double[][] logits = {{0, 0, 0, 0}};
        double[][] boxes = {{0.5, 0.5, 0.2, 0.4}};
        SetMatchingLoss.Result r = GIOU_LOSS.evaluate(logits, boxes, new int[] {1},
                new double[][] {{0.5, 0.5, 0.2, 0.4}});
        // Cross-entropy log 4; L1 = 0, 1 - GIoU = 0.
        assertEquals(Math.log(4), r.loss(), TOL);
        // Kink rule at identical boxes: L1 gives 0, -2 grad GIoU = -2 (0, 0, 1/w, 1/h).
        assertEquals(-10.0, r.boxGradient()[0][2], TOL);
        assertEquals(-5.0, r.boxGradient()[0][3], TOL);
        assertEquals(0.0, r.boxGradient()[0][0], TOL);
        // Disjoint boxes: IoU = 0, enclosure [0, 3] x [0, 1]: 1 - GIoU = 4/3, L1 = 2.
        SetMatchingLoss.Result apart = GIOU_LOSS.evaluate(logits,
                new double[][] {{2.5, 0.5, 1, 1}}, new int[] {1},
                new double[][] {{0.5, 0.5, 1, 1}});
        assertEquals(Math.log(4) + 5 * 2 + 2 * (4.0 / 3), apart.loss(), TOL);
    }

    @Test
    void giouRejectsBadBoxesNamingQueryOrObject() {
        double[][] logits = {{0, 0, 0, 0}, {0, 0, 0, 0}};
        double[][] good = {{0.5, 0.5, 1, 1}, {0.5, 0.5, 1, 1}};
        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class,
                () -> GIOU_LOSS.evaluate(logits, new double[][] {{0, 0}, {1, 1}}, new int[0],
                        new double[0][2]));
        assertTrue(dimension.getMessage().contains("dimension 4, got dimension 2"),
                dimension.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> GIOU_LOSS.evaluate(logits, new double[][] {{0.5, 0.5, 1, 1},
                    {0.5, 0.5, -0.1, 1}}, new int[] {0}, new double[][] {{0.5, 0.5, 1, 1}}));
        assertTrue(width.getMessage().contains("query 1")
                && width.getMessage().contains("negative width -0.1"), width.getMessage());
        IllegalArgumentException height = assertThrows(IllegalArgumentException.class,
                () -> GIOU_LOSS.evaluate(logits, good, new int[] {0, 1},
                        new double[][] {{0.5, 0.5, 1, 1}, {0.5, 0.5, 1, -2}}));
        assertTrue(height.getMessage().contains("object 1")
                && height.getMessage().contains("negative height -2.0"), height.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> GIOU_LOSS.evaluate(logits, new double[][] {{0.5, 0.5, 1, 1},
                    {0.5, Double.NaN, 1, 1}}, new int[0], new double[0][4]));
        assertTrue(nan.getMessage().contains("query 1 coordinate 1"), nan.getMessage());
        IllegalArgumentException targetNan = assertThrows(IllegalArgumentException.class,
                () -> GIOU_LOSS.evaluate(logits, good, new int[] {0},
                        new double[][] {{Double.POSITIVE_INFINITY, 0.5, 1, 1}}));
        assertTrue(targetNan.getMessage().contains("object 0 coordinate 0"),
                targetNan.getMessage());
        // Zero-area boxes are allowed.
        assertTrue(Double.isFinite(GIOU_LOSS.evaluate(logits, new double[][] {{0.5, 0.5, 0, 1},
            {0.5, 0.5, 0, 0}}, new int[] {0}, new double[][] {{0.2, 0.2, 0, 0}}).loss()));
        // Without GIoU, negative "widths" are ordinary coordinates.
        assertTrue(Double.isFinite(LOSS.evaluate(logits, new double[][] {{0, 0, -1, -1},
            {0, 0, -1, -1}}, new int[] {0}, new double[][] {{0, 0, -1, -1}}).loss()));
    }

    @Test
    void gradientDescentWithGiouDrivesTheLossTowardsZero() {
        double[][] logits = new double[4][CLASSES + 1];
        double[][] boxes = {{0.2, 0.2, 0.3, 0.3}, {0.4, 0.7, 0.2, 0.3}, {0.9, 0.9, 0.2, 0.2},
            {0.5, 0.5, 0.4, 0.4}};
        int[] classes = {2, 0};
        double[][] targets = {{0.8, 0.3, 0.3, 0.4}, {0.2, 0.6, 0.4, 0.2}};
        double first = GIOU_LOSS.evaluate(logits, boxes, classes, targets).loss();
        double last = first;
        for (int step = 0; step < 3000; step++) {
            SetMatchingLoss.Result r = GIOU_LOSS.evaluate(logits, boxes, classes, targets);
            last = r.loss();
            logits = AssignmentValueTest.add(logits, r.logitGradient(), -2.0);
            boxes = AssignmentValueTest.add(boxes, r.boxGradient(), -0.01 / (1 + 0.1 * step));
        }
        assertTrue(last < 0.02 && last < first / 100, "loss fell from " + first + " to " + last);
        // The matched boxes have reached their targets.
        int[] sigma = GIOU_LOSS.evaluate(logits, boxes, classes, targets).targetToPrediction();
        for (int i = 0; i < targets.length; i++) {
            assertEquals(1.0, GeneralizedIoU.value(targets[i], boxes[sigma[i]]), 1e-2);
            assertArrayEquals(targets[i], boxes[sigma[i]], 1e-3);
        }
    }

    @Test
    void aCommonOffsetOfTheLogitsChangesNothing() {
        // Equal logits: p = 1/3 each whatever their common value, up to the documented limit.
        // The log-softmax once subtracted max + log(sum), which rounds log(sum) away when the
        // offset is large: 1.09375 at 1e14 and 0.0 at 1e17 instead of ln 3.
        SetMatchingLoss loss = new SetMatchingLoss(2, new SetMatchingLoss.Weights(0.1, 1));
        for (double c : new double[] {0, 1e14, 1e17, -1e17, 1e300, -1e300}) {
            double[][] logits = {{c, c, c}};
            SetMatchingLoss.Result r = loss.evaluate(logits, new double[][] {{0}},
                    new int[] {0}, new double[][] {{0}});
            assertEquals(Math.log(3), r.loss(), 1e-15, "offset " + c);
            assertArrayEquals(new double[] {-2.0 / 3, 1.0 / 3, 1.0 / 3}, r.logitGradient()[0],
                    1e-15, "offset " + c);
            assertEquals(0.9 * Math.log(3), loss.costMatrix(logits, new double[][] {{0}},
                    new int[] {0}, new double[][] {{0}})[0][0], 1e-15, "offset " + c);
            // Logits 0, -1, -2 above the offset: the offset cancels exactly where the
            // differences are representable at that offset.
            if (Math.abs(c) <= 1e14) {
                double[] logP = SetMatchingLoss.logSoftmax(
                        new double[][] {{c, c - 1, c - 2}})[0];
                double norm = Math.log(1 + Math.exp(-1) + Math.exp(-2));
                assertArrayEquals(new double[] {-norm, -1 - norm, -2 - norm}, logP, 1e-15);
            }
        }
    }

    @Test
    void aHugeNoObjectTermOfAMatchedQueryNeitherCancelsTheLossNorWidensTheTieBand() {
        // Query 0 is almost surely an object: its no-object term 0.1 * big is in A and,
        // negated, in its cost entry, so A + z(C) lost the rest (0.796875 at 1e15, 0.0 at
        // 1e17). The loss is the sum of the terms of the matching itself.
        SetMatchingLoss loss = new SetMatchingLoss(2, new SetMatchingLoss.Weights(0.1, 1));
        double exact = Math.log(2) + 0.1 * Math.log(3);
        for (double big : new double[] {1e3, 1e12, 1e15, 1e17, 1e300}) {
            SetMatchingLoss.Result r = loss.evaluate(new double[][] {{0, 0, -big}, {0, 0, 0}},
                    new double[][] {{0.5}, {0.7}}, new int[] {0}, new double[][] {{0.5}});
            assertEquals(exact, r.loss(), 1e-15, "no-object logit -" + big);
            assertArrayEquals(new int[] {0}, r.targetToPrediction());
            assertTrue(r.unique());
            assertEquals(0.1 * big + 0.1 * (Math.log(2) + Math.log(3)), r.independentTerm(),
                    1e-15 * big);
        }
        // The matching [0, 1] beats the runner-up [2, 1]... by about 1; the chosen entry of
        // about -1e11 once widened the band to about 1e2 and the flag said "tied".
        SetMatchingLoss one = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0.1, 1));
        double[][] logits = {{0, -1e12}, {0, 0}, {0, 0}};
        double[][] boxes = {{0}, {0.5}, {3}};
        int[] classes = {0, 0};
        double[][] targets = {{0}, {1}};
        SetMatchingLoss.Result r = one.evaluate(logits, boxes, classes, targets);
        assertArrayEquals(new int[] {0, 1}, r.targetToPrediction());
        assertTrue(r.unique());
        // -log p(class 0) of query 0 is log(1 + exp(-1e12)), 0 in doubles.
        assertEquals(0 + Math.log(2) + 0.5 + 0.1 * Math.log(2), r.loss(), 1e-15);
        // With a third box equal to the second, [0, 2] ties with [0, 1].
        SetMatchingLoss.Result tied = one.evaluate(logits, new double[][] {{0}, {0.5}, {0.5}},
                classes, targets);
        assertTrue(!tied.unique());
    }

    @Test
    void theTieFlagAgreesWithEnumerationWithAndWithoutHugeNoObjectTerms() {
        // Small problems with exact ties (copied queries and objects) and queries whose
        // no-object logit is hugely negative; the loss of every injective matching is summed
        // exactly from the computed log-probabilities.
        SplittableRandom random = new SplittableRandom(45);
        double[] huge = {1e9, 1e12, 1e15, 1e17, 1e300};
        SetMatchingLoss.Weights[] weights = {new SetMatchingLoss.Weights(0.1, 1),
            new SetMatchingLoss.Weights(0.5, 2), new SetMatchingLoss.Weights(0, 1)};
        int ties = 0;
        int uniques = 0;
        int hugeUniques = 0;
        for (int trial = 0; trial < 3000; trial++) {
            SetMatchingLoss.Weights w = weights[random.nextInt(weights.length)];
            SetMatchingLoss loss = new SetMatchingLoss(2, w);
            int q = 1 + random.nextInt(5);
            int t = random.nextInt(q + 1);
            double[][] logits = new double[q][];
            double[][] boxes = new double[q][];
            boolean anyHuge = false;
            for (int j = 0; j < q; j++) {
                if (j > 0 && random.nextInt(4) == 0) {
                    logits[j] = logits[j - 1].clone();
                    boxes[j] = boxes[j - 1].clone();
                    continue;
                }
                logits[j] = new double[] {random.nextInt(4) - 1, random.nextInt(4) - 1,
                    random.nextInt(4) - 1};
                if (random.nextInt(3) == 0) {
                    logits[j][2] = -huge[random.nextInt(huge.length)];
                    anyHuge = true;
                }
                boxes[j] = new double[] {random.nextInt(4)};
            }
            int[] classes = new int[t];
            double[][] targets = new double[t][];
            for (int i = 0; i < t; i++) {
                boolean copy = i > 0 && random.nextInt(4) == 0;
                classes[i] = copy ? classes[i - 1] : random.nextInt(2);
                targets[i] = copy ? targets[i - 1].clone() : new double[] {random.nextInt(4)};
            }
            SetMatchingLoss.Result r = loss.evaluate(logits, boxes, classes, targets);

            List<BigDecimal> values = new ArrayList<>();
            enumerate(w, logits, boxes, classes, targets, new int[t], 0, new boolean[q],
                    values);
            BigDecimal best = values.stream().min(BigDecimal::compareTo)
                    .orElseThrow();
            long optima = values.stream().filter(v -> v.compareTo(best) == 0).count();
            BigDecimal returned = exactLoss(w, logits, boxes, classes, targets,
                    r.targetToPrediction());
            String where = "trial " + trial + ": " + Arrays.deepToString(logits) + " "
                    + Arrays.deepToString(boxes) + " " + Arrays.toString(classes) + " "
                    + Arrays.deepToString(targets);
            if (optima > 1) {
                ties++;
                assertTrue(!r.unique(), "a tie called unique, " + where);
            }
            if (r.unique()) {
                assertEquals(0, returned.compareTo(best), "unique but not optimal, " + where);
                uniques++;
                hugeUniques += anyHuge ? 1 : 0;
            }
            // Clear winners are reported unique: every other matching costs more than the
            // band, 2e-9 times the two losses, more.
            BigDecimal margin = BigDecimal.valueOf(2e-9);
            int winners = 0;
            for (BigDecimal v : values) {
                BigDecimal band = margin.multiply(v.add(best));
                if (v.subtract(best).compareTo(band) <= 0) {
                    winners++;
                }
            }
            if (winners == 1) {
                assertTrue(r.unique(), "a clear winner called tied, " + where);
                assertEquals(0, returned.compareTo(best), where);
            }
        }
        assertTrue(ties > 300 && uniques > 1000 && hugeUniques > 300,
                ties + " ties, " + uniques + " unique, " + hugeUniques + " with huge terms");
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
    void resultsCompareHashAndPrintByContent() {
        double[][] logits = {{0, 1, 2, 3}, {1, 0, 0, -1}};
        double[][] boxes = {{0, 0}, {0.5, 0.5}};
        int[] classes = {1};
        double[][] targets = {{0.4, 0.6}};
        SetMatchingLoss.Result r = LOSS.evaluate(logits, boxes, classes, targets);
        SetMatchingLoss.Result again = LOSS.evaluate(logits, boxes, classes, targets);
        assertEquals(r, again);
        assertEquals(r.hashCode(), again.hashCode());
        assertEquals("SetMatchingLoss.Result[loss=" + r.loss() + ", independentTerm="
                + r.independentTerm() + ", matchedTerm=" + r.matchedTerm()
                + ", targetToPrediction=[1], unique=true]", r.toString());
        double[][] moved = {{0, 0}, {0.5, 0.25}};
        assertNotEquals(r, LOSS.evaluate(logits, moved, classes, targets));
        SetMatchingLoss.Result otherMatching = new SetMatchingLoss.Result(r.loss(),
                r.independentTerm(), r.matchedTerm(), new int[] {0}, r.unique(),
                r.logitGradient(), r.boxGradient());
        assertNotEquals(r, otherMatching);
        double[][] otherGradient = r.boxGradient();
        otherGradient[0][1] += 1;
        assertNotEquals(r, new SetMatchingLoss.Result(r.loss(), r.independentTerm(),
                r.matchedTerm(), r.targetToPrediction(), r.unique(), r.logitGradient(),
                otherGradient));
    }

    @Test
    void zeroGradientEntriesAreNeverNegativeZero() {
        // A tester's case: two boxes of zero area, the predicted one with coordinates -0.0,
        // gave the box gradient [-0.0, -0.0, 0.0, 0.0] (5 signum(-0.0 - 0.0) = -0.0).
        SetMatchingLoss detr = new SetMatchingLoss(1, SetMatchingLoss.Weights.detr());
        SetMatchingLoss.Result r = detr.evaluate(new double[][] {{0, 0}},
                new double[][] {{-0.0, -0.0, 0, 0}}, new int[] {0},
                new double[][] {{0, 0, 0, 0}});
        assertArrayEquals(new double[][] {{0.0, 0.0, 0.0, 0.0}}, r.boxGradient());
        // A zero no-object weight times the negative entry p - 1 of an unmatched query.
        SetMatchingLoss unweighted = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0, 1));
        SetMatchingLoss.Result u = unweighted.evaluate(new double[][] {{0, 0}, {0, 5}},
                new double[][] {{0}, {3}}, new int[] {0}, new double[][] {{0}});
        assertArrayEquals(new int[] {0}, u.targetToPrediction());
        assertArrayEquals(new double[] {0.0, 0.0}, u.logitGradient()[1]);
        // On random problems with zero weights and coordinates +-0.0 no entry is -0.0.
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int q = 1 + random.nextInt(4);
            int t = random.nextInt(q + 1);
            double[][] logits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] boxes = new double[q][4];
            double[][] targets = new double[t][4];
            for (double[][] set : new double[][][] {boxes, targets}) {
                for (double[] box : set) {
                    for (int k = 0; k < 4; k++) {
                        box[k] = random.nextBoolean() ? -0.0 : 0.0;
                    }
                }
            }
            SetMatchingLoss.Weights w = new SetMatchingLoss.Weights(random.nextInt(2),
                    random.nextInt(2), random.nextInt(2));
            SetMatchingLoss.Result result = new SetMatchingLoss(CLASSES, w).evaluate(logits,
                    boxes, randomClasses(random, t), targets);
            for (double[][] gradient : new double[][][] {result.logitGradient(),
                result.boxGradient()}) {
                for (double[] row : gradient) {
                    for (double entry : row) {
                        assertTrue(Double.doubleToRawLongBits(entry)
                                != Double.doubleToRawLongBits(-0.0), Arrays.toString(row));
                    }
                }
            }
        }
    }

    @Test
    void aPairOutOfRangeThatTheOptimumAvoidsIsLeftOut() {
        // A tester's case: query 0 lies so far from the object that its pair costs 1e301,
        // beyond the solver's limit; the whole call threw, though the optimum takes query 1.
        SetMatchingLoss loss = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0.1, 1e299));
        double[][] logits = {{0, 0}, {0, 0}};
        SetMatchingLoss.Result r = loss.evaluate(logits, new double[][] {{100}, {0}},
                new int[] {0}, new double[][] {{0}});
        assertArrayEquals(new int[] {1}, r.targetToPrediction());
        assertTrue(r.unique());
        // Query 1 matched: -log p(0) = log 2, L1 0; query 0 unmatched: -0.1 log p(null).
        assertEquals(1.1 * Math.log(2), r.loss(), 1e-15);
        assertArrayEquals(new double[][] {{0.05, -0.05}, {-0.5, 0.5}}, r.logitGradient());
        assertArrayEquals(new double[][] {{0}, {0}}, r.boxGradient());
        // The same as with query 0 near enough to be in range but still not worth taking.
        SetMatchingLoss.Result near = loss.evaluate(logits, new double[][] {{1}, {0}},
                new int[] {0}, new double[][] {{0}});
        assertEquals(near, r);

        // Every kind of term out of range is left out the same way: an infinite class term
        // (query 0's logits 2e308 apart), an L1 distance that overflows, a GIoU term beyond
        // the limit (about 1.9e300 for disjoint boxes with weight 1e300).
        SetMatchingLoss.Result farLogits = LOSS.evaluate(
                new double[][] {{-1e308, 0, 0, 1e308}, {0, 0, 0, 0}},
                new double[][] {{0, 0}, {0, 0}}, new int[] {0}, new double[][] {{0, 0}});
        assertArrayEquals(new int[] {1}, farLogits.targetToPrediction());
        assertEquals(Math.log(4), farLogits.loss(), 1e-15);
        SetMatchingLoss.Result farBoxes = LOSS.evaluate(new double[][] {{0, 0, 0, 0},
            {0, 0, 0, 0}}, new double[][] {{1e308, 0}, {-1e308, 0}}, new int[] {0},
                new double[][] {{-1e308, 0}});
        assertArrayEquals(new int[] {1}, farBoxes.targetToPrediction());
        SetMatchingLoss heavyGiou = new SetMatchingLoss(CLASSES,
                new SetMatchingLoss.Weights(0.1, 0, 1e300));
        double[][] box = {{0.5, 0.5, 0.2, 0.2}};
        SetMatchingLoss.Result giou = heavyGiou.evaluate(new double[][] {{0, 0, 0, 0},
            {0, 0, 0, 0}}, new double[][] {{5, 5, 0.2, 0.2}, box[0]}, new int[] {0}, box);
        assertArrayEquals(new int[] {1}, giou.targetToPrediction());
        assertEquals(0.1 * Math.log(4) + Math.log(4), giou.loss(), 1e-15);
    }

    @Test
    void pairsOutOfRangeAreRefusedOnlyWhenTheOptimumMayNeedThem() {
        SetMatchingLoss.Weights w = new SetMatchingLoss.Weights(0.1, 1e299);
        SetMatchingLoss loss = new SetMatchingLoss(CLASSES, w);
        // One object, two queries: the pair (0, 0) costs 1.1e300, beyond the limit, the
        // pair (0, 1) 1e300, just within it, so the optimum is clear and the call succeeds.
        double[][] logits = {{0, 0, 0, 0}, {0, 0, 0, 0}};
        SetMatchingLoss.Result edge = loss.evaluate(logits, new double[][] {{11}, {10}},
                new int[] {0}, new double[][] {{0}});
        assertArrayEquals(new int[] {1}, edge.targetToPrediction());
        assertEquals(1e300, edge.loss());
        // Two objects, two queries: the pairs cost 1.1e300 (out of range) and 1e300 for
        // object 0, 9e299 and 1e300 for object 1. The best matching without (0, 0) has loss
        // 1.9e300, more than 1.1e300, so the bound cannot rule out (0, 0): refused, naming
        // the pair and the loss. (The optimum is 1.9e300 against 2.1e300 with the pair: a
        // refusal happens only where the optimal loss is itself beyond the limit.)
        IllegalArgumentException needed = assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(logits, new double[][] {{11}, {10}},
                        new int[] {0, 0}, new double[][] {{0}, {20}}));
        double pairLoss = Math.log(4) + 1.1e300;
        assertEquals("matching target object 0 to query 0 costs " + pairLoss + " (class term"
                + " -log p(class 0) = " + Math.log(4) + ", L1 term 1.1E300, GIoU term 0.0),"
                + " beyond the largest magnitude the assignment solver supports, 1.0E300, and"
                + " the best matching without pairs out of range has loss "
                + ((Math.log(4) + 9e299) + (Math.log(4) + 1e300))
                + ", so the optimum may need that pair", needed.getMessage());
        // No matching avoids them: two objects share one query in range.
        IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0},
                    {0, 0, 0, 0}}, new double[][] {{0}, {50}, {-50}}, new int[] {0, 1},
                        new double[][] {{1}, {2}}));
        assertTrue(shared.getMessage().startsWith("no matching avoids pairs out of range,"
                + " since target objects {0, 1} have only 1 query in range between them (for"
                + " instance, matching target object 0 to query 1 costs "),
                shared.getMessage());

        // Brute force: on random one-dimensional problems whose box weight puts a pair out of
        // range when its boxes lie 11 or more apart, evaluate either returns an optimal
        // matching, or throws and the optimal loss is itself about the solver's limit.
        SplittableRandom random = new SplittableRandom(77);
        int leftOut = 0;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int q = 1 + random.nextInt(4);
            int t = random.nextInt(q + 1);
            double[][] trialLogits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            double[][] boxes = randomPositions(random, q);
            double[][] targets = randomPositions(random, t);
            int[] classes = randomClasses(random, t);
            boolean outOfRange = false;
            for (double[] target : targets) {
                for (double[] b : boxes) {
                    outOfRange |= Math.abs(target[0] - b[0]) >= 11;
                }
            }
            SetMatchingLoss.Result r = evaluateAgainstEnumeration(loss, w, trialLogits, boxes,
                    classes, targets);
            if (r == null) {
                refused++;
                continue;
            }
            leftOut += outOfRange ? 1 : 0;
        }
        assertTrue(leftOut > 300, "trials with pairs out of range left out: " + leftOut);
        assertTrue(refused > 100, "trials refused: " + refused);
    }

    @Test
    void aBoundNearTheLargestDoubleDoesNotOverflowTheTieBand() {
        // A tester's cases: the tie band 1e-9 (loss + bound) overflowed when the bound, a
        // no-object term or a pair's cost, was near the largest double, and calls whose loss is
        // within range were refused as if the optimum might need what lies beyond it.
        SetMatchingLoss wide = new SetMatchingLoss(1, new SetMatchingLoss.Weights(1, 1e299));
        double[][] oneQuery = {{0, -Double.MAX_VALUE}};
        SetMatchingLoss.Result only = wide.evaluate(oneQuery, new double[][] {{6}},
                new int[] {0}, new double[][] {{0}});
        assertEquals(6e299, only.loss(), Math.ulp(6e299));
        assertArrayEquals(new int[] {0}, only.targetToPrediction());

        SetMatchingLoss tenth = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0.1, 1e299));
        double[][] logits = {{0, 0}, {-Double.MAX_VALUE, 0}};
        double[][] boxes = {{6}, {0}};
        double[][] target = {{0}};
        SetMatchingLoss.Result near = evaluateAgainstEnumeration(tenth, tenth.weights(), logits,
                boxes, new int[] {0}, target);
        assertNotNull(near, "refused although the optimum, about 6e299, is in range");
        assertArrayEquals(new int[] {0}, near.targetToPrediction());

        // Brute force: random problems in which one query is almost surely an object (a
        // no-object logit of minus the largest double), so that its term lies near it. (Two
        // such terms overflow A, which is refused as documented.)
        SplittableRandom random = new SplittableRandom(5);
        int answered = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int q = 1 + random.nextInt(4);
            int t = random.nextInt(q + 1);
            double[][] trialLogits = AssignmentValueTest.randomMatrix(random, q, 2);
            trialLogits[random.nextInt(q)][1] = -Double.MAX_VALUE;
            SetMatchingLoss.Result r = evaluateAgainstEnumeration(wide, wide.weights(),
                    trialLogits, randomPositions(random, q), new int[t],
                    randomPositions(random, t));
            answered += r == null ? 0 : 1;
        }
        assertTrue(answered > 1000, "answered: " + answered);
    }

    @Test
    void theWeightedL1TermOverflowsOnlyWhenItExceedsTheLargestDouble() {
        // A tester's case: the L1 distance 2e308 overflowed before it was weighted by 1e-300,
        // and the call was refused, though the loss is 1e-300 * 2e308 + log 2, about 2e8.
        SetMatchingLoss tiny = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0.1, 1e-300));
        double[][] logits = {{0, 0}};
        double[][] boxes = {{1e308}};
        double[][] target = {{-1e308}};
        SetMatchingLoss.Result r = tiny.evaluate(logits, boxes, new int[] {0}, target);
        BigDecimal exact = new BigDecimal(1e-300).multiply(new BigDecimal(1e308)
                .subtract(new BigDecimal(-1e308))).add(new BigDecimal(Math.log(2)));
        assertEquals(exact.doubleValue(), r.loss(), Math.ulp(exact.doubleValue()));
        assertEquals(exactLoss(tiny.weights(), logits, boxes, new int[] {0}, target,
                new int[] {0}).doubleValue(), r.loss(), Math.ulp(r.loss()));
        assertArrayEquals(new double[][] {{1e-300}}, r.boxGradient());
        assertArrayEquals(new double[][] {{-0.5, 0.5}}, r.logitGradient());
        assertEquals(r.loss() - 0.1 * Math.log(2), tiny.costMatrix(logits, boxes, new int[] {0},
                target)[0][0], Math.ulp(r.loss()));
        // Reversed, the gradient has the other sign.
        assertArrayEquals(new double[][] {{-1e-300}}, tiny.evaluate(logits, target,
                new int[] {0}, boxes).boxGradient());

        // Extreme coordinates against exact arithmetic: the term is the exact weighted
        // distance rounded, to a few units in the last place, and infinite only when that
        // exceeds the largest double.
        double[] values = {0, Double.MAX_VALUE, 1e308, 9e307, 1e300, 3, 1, 1e-300,
            Double.MIN_NORMAL, Double.MIN_VALUE};
        double[] weightsTried = {Double.MIN_VALUE, 1e-308, 1e-300, 1e-10, 0.25, 1, 3, 1e10};
        SplittableRandom random = new SplittableRandom(2026);
        BigDecimal max = new BigDecimal(Double.MAX_VALUE);
        int finiteBeyondDoubleDistance = 0;
        for (int trial = 0; trial < 20000; trial++) {
            int d = 1 + random.nextInt(4);
            double[] a = new double[d];
            double[] b = new double[d];
            for (int k = 0; k < d; k++) {
                a[k] = values[random.nextInt(values.length)] * (random.nextBoolean() ? 1 : -1);
                b[k] = values[random.nextInt(values.length)] * (random.nextBoolean() ? 1 : -1);
            }
            double w = weightsTried[random.nextInt(weightsTried.length)];
            BigDecimal distance = BigDecimal.ZERO;
            double l1 = 0;
            for (int k = 0; k < d; k++) {
                distance = distance.add(new BigDecimal(a[k]).subtract(new BigDecimal(b[k]))
                        .abs());
                l1 += Math.abs(a[k] - b[k]);
            }
            BigDecimal term = new BigDecimal(w).multiply(distance);
            double got = SetMatchingLoss.weightedL1(w, l1, a, b);
            String where = w + " * |" + Arrays.toString(a) + " - " + Arrays.toString(b) + "|";
            if (term.compareTo(max.multiply(new BigDecimal("1.000000000000001"))) > 0) {
                assertEquals(Double.POSITIVE_INFINITY, got, where);
            } else if (term.compareTo(max.multiply(new BigDecimal("0.999999999999999"))) < 0) {
                double want = term.doubleValue();
                assertEquals(want, got, 4 * Math.ulp(want) + Double.MIN_VALUE, where);
                if (Double.isInfinite(l1)) {
                    finiteBeyondDoubleDistance++;
                }
            }
        }
        assertTrue(finiteBeyondDoubleDistance > 500,
                "finite terms of distances beyond a double: " + finiteBeyondDoubleDistance);
    }

    @Test
    void aQueryWithAHugeNoObjectTermIsMatchedWhenTheOptimumMatchesIt() {
        // A tester's case: query 0's no-object term 1e301 is beyond the solver's range, and
        // the call was refused, though the optimum matches query 0 at a loss of about 0.
        SetMatchingLoss unit = new SetMatchingLoss(1, new SetMatchingLoss.Weights(1, 0));
        SetMatchingLoss.Result one = unit.evaluate(new double[][] {{0, -1e301}},
                new double[][] {{0}}, new int[] {0}, new double[][] {{0}});
        assertArrayEquals(new int[] {0}, one.targetToPrediction());
        assertEquals(0.0, one.loss());
        assertTrue(one.unique());
        // A holds the term, z(C) its negation: the decomposition is reported, and cancels.
        assertEquals(1e301, one.independentTerm());
        assertEquals(-1e301, one.matchedTerm());
        assertArrayEquals(new double[][] {{0, 0}}, one.logitGradient());
        // With no object to match it the loss is the term itself: refused.
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> unit.evaluate(new double[][] {{0, -1e301}}, new double[1][0], new int[0],
                        new double[0][0]));
        assertEquals("query 0 has a no-object term -w0 log p(no object) = 1.0E301 (w0 = 1.0),"
                + " beyond the largest magnitude the assignment solver supports, 1.0E300, and 1"
                + " query has such terms but there are 0 target objects to match them: every"
                + " matching leaves one unmatched, so the loss is at least that term",
                none.getMessage());
        // Query 0 must be matched, but the only object's pair with it is out of range.
        SetMatchingLoss boxed = new SetMatchingLoss(1, new SetMatchingLoss.Weights(1, 1e299));
        IllegalArgumentException cannot = assertThrows(IllegalArgumentException.class,
                () -> boxed.evaluate(new double[][] {{0, -1e301}, {0, 0}},
                        new double[][] {{100}, {0}}, new int[] {0}, new double[][] {{0}}));
        assertTrue(cannot.getMessage().startsWith("query 0 has a no-object term"
                + " -w0 log p(no object) = 1.0E301 (w0 = 1.0), beyond the largest magnitude the"
                + " assignment solver supports, 1.0E300, and no matching both avoids pairs out"
                + " of range and matches every query whose no-object term exceeds 1.0E300"),
                cannot.getMessage());
        // A term that is not finite cannot enter A: refused.
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> unit.evaluate(new double[][] {{1e308, -1e308}}, new double[][] {{0}},
                        new int[] {0}, new double[][] {{0}}));
        assertEquals("query 0 has a no-object term -w0 log p(no object) = Infinity: its logits"
                + " lie too far apart for the term to be finite with w0 = 1.0",
                infinite.getMessage());

        // Brute force: random problems in which some queries' no-object terms lie about the
        // solver's limit. evaluate either returns an optimal matching, with A the exact sum of
        // the no-object terms, or throws and the optimal loss is itself about the limit.
        SetMatchingLoss.Weights w = new SetMatchingLoss.Weights(1, 1);
        SetMatchingLoss loss = new SetMatchingLoss(CLASSES, w);
        double[] huge = {1e299, 9.9e299, 1e300, 1.01e300, 2e300, 1e301, 1e305};
        SplittableRandom random = new SplittableRandom(301);
        int forcedReturned = 0;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int q = 1 + random.nextInt(4);
            int t = random.nextInt(q + 1);
            double[][] logits = AssignmentValueTest.randomMatrix(random, q, CLASSES + 1);
            for (double[] row : logits) {
                if (random.nextInt(3) == 0) {
                    row[CLASSES] = -huge[random.nextInt(huge.length)];
                }
            }
            double[][] boxes = randomPositions(random, q);
            double[][] targets = randomPositions(random, t);
            int[] classes = randomClasses(random, t);
            double[][] logP = SetMatchingLoss.logSoftmax(logits);
            boolean forced = false;
            BigDecimal independent = BigDecimal.ZERO;
            for (double[] row : logP) {
                forced |= -row[CLASSES] > 1e300;
                independent = independent.subtract(new BigDecimal(row[CLASSES]));
            }
            SetMatchingLoss.Result r = evaluateAgainstEnumeration(loss, w, logits, boxes,
                    classes, targets);
            if (r == null) {
                refused++;
                continue;
            }
            forcedReturned += forced ? 1 : 0;
            assertEquals(independent.doubleValue(), r.independentTerm(),
                    1e-12 * Math.max(1, independent.doubleValue()));
        }
        assertTrue(forcedReturned > 300, "returned with huge no-object terms: " + forcedReturned);
        assertTrue(refused > 100, "trials refused: " + refused);
    }

    @Test
    void extremeFiniteInputsAreRejectedNamingTheQueryTheObjectAndTheTerm() {
        // These reached the assignment solver, whose messages named a "matrix" entry, or
        // threw its InfeasibleAssignmentException.
        SetMatchingLoss detr = new SetMatchingLoss(2, SetMatchingLoss.Weights.detr());
        double[][] boxes = {{.5, .5, .2, .2}, {.3, .3, .1, .1}};
        int[] one = {0};
        double[][] target = {{.5, .5, .1, .1}};
        IllegalArgumentException noObject = assertThrows(IllegalArgumentException.class,
                () -> detr.evaluate(new double[][] {{1e308, 0, -1e308}, {0, 1, 0}}, boxes, one,
                        target));
        assertEquals("query 0 has a no-object term -w0 log p(no object) = Infinity: its"
                + " logits lie too far apart for the term to be finite with w0 = 0.1",
                noObject.getMessage());
        IllegalArgumentException classTerm = assertThrows(IllegalArgumentException.class,
                () -> detr.evaluate(new double[][] {{-1e308, 0, 1e308}, {-1e308, 1, 1e308}},
                        boxes, one, target));
        assertEquals(UNAVOIDABLE + "matching target object 0 to query 0 has a class term"
                + " -log p(class 0) + w0 log p(no object) = Infinity: the logits of query 0 lie"
                + " too far apart for the term to be finite with w0 = 0.1)",
                classTerm.getMessage());
        IllegalArgumentException l1 = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[][] {{0, 0, 0, 0}}, new double[][] {{1e308, 0}},
                        one, new double[][] {{-1e308, 0}}));
        assertEquals(UNAVOIDABLE + "matching target object 0 to query 0 has an L1 term"
                + " lambda_L1 ||b - b^||_1 = Infinity: the boxes lie too far apart for the box"
                + " weight lambda_L1 = 5.0)", l1.getMessage());
        // A finite distance times a weight that overflows names the weight, not the boxes.
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss(2, new SetMatchingLoss.Weights(0.1, 1e308))
                        .evaluate(new double[][] {{0, 0, 0}}, new double[][] {{0}}, one,
                                new double[][] {{2}}));
        assertEquals(UNAVOIDABLE + "matching target object 0 to query 0 has an L1 term"
                + " lambda_L1 ||b - b^||_1 = Infinity: the L1 distance 2.0 times the box weight"
                + " lambda_L1 = 1.0E308 overflows)", weight.getMessage());
        // The same L1 distance with box weight 0 costs nothing.
        SetMatchingLoss classesOnly = new SetMatchingLoss(CLASSES,
                new SetMatchingLoss.Weights(0.1, 0));
        assertEquals(LOSS.evaluate(new double[][] {{0, 0, 0, 0}}, new double[][] {{0, 0}}, one,
                new double[][] {{0, 0}}).loss(), classesOnly.evaluate(
                        new double[][] {{0, 0, 0, 0}}, new double[][] {{1e308, 0}}, one,
                        new double[][] {{-1e308, 0}}).loss(), TOL);

        // Finite costs beyond the solver's limit are named as costs of the pair.
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[][] {{0, 0, 0, 0}}, new double[][] {{1e300, 0}},
                        one, new double[][] {{0, 0}}));
        assertEquals(UNAVOIDABLE + "matching target object 0 to query 0 costs "
                + (5e300 + Math.log(4)) + " (class term -log p(class 0) = " + Math.log(4)
                + ", L1 term 5.0E300, GIoU term 0.0), beyond the largest magnitude the"
                + " assignment solver supports, 1.0E300)", limit.getMessage());
        // costMatrix returns such an entry, since it solves nothing.
        assertEquals(5e300 + LOSS_CLASS_TERM, LOSS.costMatrix(new double[][] {{0, 0, 0, 0}},
                new double[][] {{1e300, 0}}, one, new double[][] {{0, 0}})[0][0]);
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss(CLASSES, new SetMatchingLoss.Weights(1e308, 1e308))
                        .costMatrix(new double[][] {{0, 0, 0, -1e308}},
                                new double[][] {{1.5, 0}}, one, new double[][] {{0, 0}}));
        assertTrue(sum.getMessage().startsWith("matching target object 0 to query 0 has a"
                + " class term"), sum.getMessage());

        // Finite no-object terms beyond the solver's limit (their sum would overflow).
        SetMatchingLoss unitNoObject = new SetMatchingLoss(CLASSES,
                new SetMatchingLoss.Weights(1, 0));
        double[] unlikely = {0, 0, 0, -1e308};
        IllegalArgumentException total = assertThrows(IllegalArgumentException.class,
                () -> unitNoObject.evaluate(new double[][] {unlikely, unlikely},
                        new double[2][0], new int[0], new double[0][0]));
        assertEquals("query 0 has a no-object term -w0 log p(no object) = 1.0E308 (w0 = 1.0),"
                + " beyond the largest magnitude the assignment solver supports, 1.0E300, and 2"
                + " queries have such terms but there are 0 target objects to match them: every"
                + " matching leaves one unmatched, so the loss is at least that term",
                total.getMessage());

        // A GIoU gradient that overflows names the pair and the coordinate.
        SetMatchingLoss heavy = new SetMatchingLoss(CLASSES,
                new SetMatchingLoss.Weights(0, 0, 1e308));
        double[][] small = {{0.5, 0.5, 0.1, 0.1}};
        IllegalArgumentException gradient = assertThrows(IllegalArgumentException.class,
                () -> heavy.evaluate(new double[][] {{0, 0, 0, 0}}, small, one, small));
        assertEquals("the gradient of the GIoU term of matching target object 0 to query 0 is"
                + " not finite in box coordinate 2: the boxes are too small for the GIoU"
                + " weight 1.0E308", gradient.getMessage());

        // Boxes whose side's inverse overflows fail whatever the weight.
        SetMatchingLoss light = new SetMatchingLoss(CLASSES,
                new SetMatchingLoss.Weights(0, 0, 1e-20));
        double s = 1e-310;
        double[][] tiny = {{0.5 * s, 0.5 * s, 0.4 * s, 0.3 * s}};
        double[][] near = {{0.45 * s, 0.55 * s, 0.35 * s, 0.35 * s}};
        IllegalArgumentException subnormal = assertThrows(IllegalArgumentException.class,
                () -> light.evaluate(new double[][] {{0, 0, 0, 0}}, tiny, one, near));
        assertTrue(subnormal.getMessage().endsWith("the boxes are too small for a double to"
                + " hold one over their side"), subnormal.getMessage());
    }

    @Test
    void theGiouTermIsScaleInvariantFromTinyToHugeBoxes() {
        // Areas of boxes of side 1e-200 underflowed to 0: the loss read 2.693 with a zero box
        // gradient, where it is 2.368 at every scale; boxes of side 1e154 and more overflowed.
        SetMatchingLoss loss = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0.1, 0, 2));
        double[][] logits = {{0, 0}};
        int[] one = {0};
        SetMatchingLoss.Result unit = loss.evaluate(logits, new double[][] {{0, 0, 1, 1}}, one,
                new double[][] {{.5, .2, 1.5, .7}});
        // No-object term 0.1 log 2, class term log 2 - 0.1 log 2, GIoU term 2 (1 - GIoU) with
        // I = 0.75 * 0.65, U = 1 + 1.05 - I, C = 1.75 * 1.05.
        double intersection = 0.75 * 0.65;
        double union = 2.05 - intersection;
        double giou = intersection / union - (1.75 * 1.05 - union) / (1.75 * 1.05);
        assertEquals(Math.log(2) + 2 * (1 - giou), unit.loss(), 1e-12);
        for (int exponent = -200; exponent <= 200; exponent += 10) {
            double s = Math.pow(10, exponent);
            SetMatchingLoss.Result scaled = loss.evaluate(logits,
                    new double[][] {{0, 0, s, s}}, one,
                    new double[][] {{.5 * s, .2 * s, 1.5 * s, .7 * s}});
            assertEquals(unit.loss(), scaled.loss(), 1e-12, "scale 1e" + exponent);
            for (int k = 0; k < 4; k++) {
                assertEquals(unit.boxGradient()[0][k], scaled.boxGradient()[0][k] * s,
                        1e-9 * Math.abs(unit.boxGradient()[0][k]),
                        "scale 1e" + exponent + ", coordinate " + k);
            }
        }
    }

    @Test
    void theBoxGradientAtAnExactMatchIsTheGiouKinkNotZero() {
        // gradients.md: the norm of the box gradient is no stopping criterion.
        double[][] box = {{0.5, 0.4, 0.2, 0.5}};
        double[][] logits = new double[1][CLASSES + 1];
        SetMatchingLoss.Result r = GIOU_LOSS.evaluate(logits, box, new int[] {0}, box);
        double giou = SetMatchingLoss.Weights.detr().giou();
        double[] expected = {0, 0, -giou / 0.2, -giou / 0.5};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], r.boxGradient()[0][k], 1e-12, "coordinate " + k);
        }
    }

    @Test
    void badInputIsRejectedNamingWhatAndWhere() {
        double[][] logits = {{0, 0, 0, 0}};
        double[][] boxes = {{0, 0}};
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(logits, boxes, new int[] {0, 1},
                        new double[][] {{0, 0}, {1, 1}}));
        assertTrue(tooMany.getMessage().startsWith("2 target objects but only 1 prediction:"),
                tooMany.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[0][], new double[0][], new int[] {0},
                        new double[][] {{0, 0}}));
        assertTrue(one.getMessage().startsWith("1 target object but only 0 predictions:"),
                one.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}}, boxes,
                        new int[0], new double[0][2]));
        assertEquals("boxes has 1 row; expected 2", rows.getMessage());
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
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> LOSS.evaluate(new double[][] {{0, 0}}, boxes, new int[0],
                        new double[0][2]));
        assertEquals("logits row 0 has 2 entries; expected 4: one per class (3) and the"
                + " no-object class last", width.getMessage());
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss.Weights(-0.1, 1));
        assertEquals("noObject weight must be finite and >= 0, got -0.1", weight.getMessage());
        IllegalArgumentException noClass = assertThrows(IllegalArgumentException.class,
                () -> new SetMatchingLoss(0, new SetMatchingLoss.Weights(0.1, 1)));
        assertEquals("classes must be >= 1, got 0", noClass.getMessage());
    }

    // ---------------------------------------------------------------------------------

    /** The DETR training loss of a fixed matching, written out without the decomposition. */
    private static double directLoss(SetMatchingLoss.Weights w, double[][] logits,
            double[][] boxes, int[] classes, double[][] targets, int[] sigma) {
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
                loss -= w.noObject() * logP[j][CLASSES];
            } else {
                loss -= logP[j][classes[i]];
                for (int k = 0; k < boxes[j].length; k++) {
                    loss += w.box() * Math.abs(boxes[j][k] - targets[i][k]);
                }
                if (w.giou() > 0) {
                    loss += w.giou() * (1 - GeneralizedIoUTest.reference(targets[i], boxes[j]));
                }
            }
        }
        return loss;
    }

    private static double bestDirectLoss(SetMatchingLoss.Weights w, double[][] logits,
            double[][] boxes, int[] classes, double[][] targets, int[] sigma, int i,
            boolean[] used) {
        if (i == sigma.length) {
            return directLoss(w, logits, boxes, classes, targets, sigma);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                sigma[i] = j;
                best = Math.min(best, bestDirectLoss(w, logits, boxes, classes, targets,
                        sigma, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    /** The loss of a matching summed exactly from the computed log-probabilities. */
    private static BigDecimal exactLoss(SetMatchingLoss.Weights w, double[][] logits,
            double[][] boxes, int[] classes, double[][] targets, int[] sigma) {
        double[][] logP = SetMatchingLoss.logSoftmax(logits);
        int[] matched = new int[logits.length];
        Arrays.fill(matched, -1);
        for (int i = 0; i < sigma.length; i++) {
            matched[sigma[i]] = i;
        }
        int last = logits[0].length - 1;
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < logits.length; j++) {
            int i = matched[j];
            if (i < 0) {
                sum = sum.subtract(new BigDecimal(w.noObject())
                        .multiply(new BigDecimal(logP[j][last])));
            } else {
                sum = sum.subtract(new BigDecimal(logP[j][classes[i]]));
                for (int k = 0; k < boxes[j].length; k++) {
                    sum = sum.add(new BigDecimal(w.box()).multiply(
                            new BigDecimal(boxes[j][k])
                                    .subtract(new BigDecimal(targets[i][k])).abs()));
                }
            }
        }
        return sum;
    }

    /** Adds the exact loss of every injective matching extending {@code sigma[0..i)}. */
    /** Returns {@code n} one-dimensional boxes at random integer positions 0 to 15. */
    private static double[][] randomPositions(SplittableRandom random, int n) {
        double[][] positions = new double[n][1];
        for (double[] b : positions) {
            b[0] = random.nextInt(16);
        }
        return positions;
    }

    /**
     * Evaluates the problem and checks the answer against the enumeration of every matching in
     * exact arithmetic: a result's matching and loss are optimal (within 1e-12 of the least
     * loss, relative to it when it exceeds 1), not unique when the least loss is tied, and
     * below 1e300 when the least loss is below 0.999e300; a refusal only when the least loss
     * exceeds 0.999e300.
     *
     * @return the result, or null when the call was refused
     */
    private static SetMatchingLoss.Result evaluateAgainstEnumeration(SetMatchingLoss loss,
            SetMatchingLoss.Weights w, double[][] logits, double[][] boxes, int[] classes,
            double[][] targets) {
        int t = targets.length;
        List<BigDecimal> values = new ArrayList<>();
        enumerate(w, logits, boxes, classes, targets, new int[t], 0,
                new boolean[logits.length], values);
        BigDecimal best = values.stream().min(BigDecimal::compareTo).orElseThrow();
        SetMatchingLoss.Result r;
        try {
            r = loss.evaluate(logits, boxes, classes, targets);
        } catch (IllegalArgumentException e) {
            assertTrue(best.doubleValue() > 0.999e300, best + " refused: " + e.getMessage());
            return null;
        }
        BigDecimal found = exactLoss(w, logits, boxes, classes, targets,
                r.targetToPrediction());
        double scale = Math.max(1, best.doubleValue());
        assertEquals(0, found.subtract(best).doubleValue() / scale, 1e-12);
        assertEquals(best.doubleValue(), r.loss(), 1e-12 * scale);
        if (values.stream().filter(v -> v.compareTo(best) == 0).count() > 1) {
            assertFalse(r.unique());
        }
        if (best.doubleValue() < 0.999e300) {
            assertTrue(r.loss() < 1e300);
        }
        return r;
    }

    private static void enumerate(SetMatchingLoss.Weights w, double[][] logits,
            double[][] boxes, int[] classes, double[][] targets, int[] sigma, int i,
            boolean[] used, List<BigDecimal> values) {
        if (i == sigma.length) {
            values.add(exactLoss(w, logits, boxes, classes, targets, sigma));
            return;
        }
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                sigma[i] = j;
                enumerate(w, logits, boxes, classes, targets, sigma, i + 1, used, values);
                used[j] = false;
            }
        }
    }

    /** The smallest distance of a matched box from a kink of its L1 or GIoU term. */
    private static double kinkDistance(double[][] boxes, double[][] targets, int[] sigma) {
        double distance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sigma.length; i++) {
            double[] box = boxes[sigma[i]];
            distance = Math.min(distance, GeneralizedIoUTest.kinkDistance(targets[i], box));
            for (int k = 0; k < 4; k++) {
                distance = Math.min(distance, Math.abs(box[k] - targets[i][k]));
            }
        }
        return distance;
    }

    private static double[][] randomBoxes(SplittableRandom random, int n) {
        double[][] boxes = new double[n][];
        for (int i = 0; i < n; i++) {
            boxes[i] = GeneralizedIoUTest.randomBox(random);
        }
        return boxes;
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
