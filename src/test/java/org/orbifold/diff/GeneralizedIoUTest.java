package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneralizedIoUTest {

    private static final double TOL = 1e-12;
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-6;
    /** Smallest distance of a random point from every kink for finite differences. */
    private static final double KINK_MARGIN = 1e-3;
    /** The infinitesimal shrink of the kink rule, and the tolerance of its limit. */
    private static final double SHRINK = 1e-7;
    private static final double LIMIT_TOL = 1e-5;

    private static final double[] UNIT = {0.5, 0.5, 1, 1};

    @Test
    void identicalBoxesScoreOne() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] box = randomBox(random);
            double[] gradient = new double[4];
            assertEquals(1.0, GeneralizedIoU.evaluate(box, box.clone(), gradient), TOL);
            // Kink rule: the predicted box counts as inside, where GIoU = |B| / |A|.
            assertArrayEquals(new double[] {0, 0, 1 / box[2], 1 / box[3]}, gradient, 1e-9);
        }
    }

    @Test
    void handComputedValuesAndGradients() {
        double[] gradient = new double[4];
        // Disjoint: I = 0, U = 2, enclosure [0, 3] x [0, 1], GIoU = U / E - 1 = -1/3.
        assertEquals(-1.0 / 3, GeneralizedIoU.evaluate(UNIT, new double[] {2.5, 0.5, 1, 1},
                gradient), TOL);
        assertArrayEquals(new double[] {-2.0 / 9, 0, 2.0 / 9, 1.0 / 3}, gradient, TOL);
        // Nested, predicted inside: IoU = 1/8, enclosure = target, GIoU = |B| / |A|.
        double[] big = {2, 1, 4, 2};
        double[] small = {1.5, 1, 1, 1};
        assertEquals(0.125, GeneralizedIoU.evaluate(big, small, gradient), TOL);
        assertArrayEquals(new double[] {0, 0, 0.125, 0.125}, gradient, TOL);
        // Nested, target inside: GIoU = |A| / |B| = 1/8 as well.
        assertEquals(0.125, GeneralizedIoU.evaluate(small, big, gradient), TOL);
        assertArrayEquals(new double[] {0, 0, -1.0 / 32, -1.0 / 16}, gradient, TOL);
        // Partial overlap: I = 1, U = 7, E = 9, GIoU = 1/7 - 2/9 = -5/63.
        assertEquals(-5.0 / 63, GeneralizedIoU.value(new double[] {1, 1, 2, 2},
                new double[] {2, 2, 2, 2}), TOL);
        // Sharing an edge: I = 0, U = E = 2, GIoU = 0; moving right widens the enclosure,
        // growing the height (kink rule: as if inside) adds union at a fixed enclosure.
        assertEquals(0.0, GeneralizedIoU.evaluate(UNIT, new double[] {1.5, 0.5, 1, 1},
                gradient), TOL);
        assertArrayEquals(new double[] {-0.5, 0, 0.25, 0.5}, gradient, TOL);
        // Sharing a corner: I = 0, U = 2, E = 4.
        assertEquals(-0.5, GeneralizedIoU.value(UNIT, new double[] {1.5, 1.5, 1, 1}), TOL);
    }

    @Test
    void zeroAreaBoxesFollowTheZeroDenominatorConvention() {
        double[] gradient = new double[4];
        // A vertical segment through the target: I = 0, U = E = 1.
        assertEquals(0.0, GeneralizedIoU.evaluate(UNIT, new double[] {0.5, 0.5, 0, 1},
                gradient), TOL);
        assertTrue(Double.isFinite(gradient[2]) && Double.isFinite(gradient[3]));
        // Two points apart diagonally: U = 0 (IoU := 0), E = 1, GIoU = -1.
        assertEquals(-1.0, GeneralizedIoU.evaluate(new double[] {0, 0, 0, 0},
                new double[] {1, 1, 0, 0}, gradient), TOL);
        assertArrayEquals(new double[] {0, 0, 0, 0}, gradient, TOL);
        // Two points on a horizontal line, or the same point: U = E = 0, both ratios := 0.
        assertEquals(0.0, GeneralizedIoU.evaluate(new double[] {0, 0, 0, 0},
                new double[] {1, 0, 0, 0}, gradient), TOL);
        assertArrayEquals(new double[] {0, 0, 0, 0}, gradient, TOL);
        assertEquals(0.0, GeneralizedIoU.value(new double[] {3, 3, 0, 0},
                new double[] {3, 3, 0, 0}), TOL);
    }

    @Test
    void valueIsSymmetricAndMatchesTheCornerFormula() {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 500; trial++) {
            double[] a = randomBox(random);
            double[] b = randomBox(random);
            double giou = GeneralizedIoU.value(a, b);
            assertEquals(reference(a, b), giou, TOL);
            assertEquals(GeneralizedIoU.value(b, a), giou, TOL);
            assertTrue(giou > -1 && giou <= 1, "GIoU " + giou);
        }
    }

    @Test
    void largeBoxesKeepTheScaledValueAndGradient() {
        // GIoU is scale invariant, so at scale s the gradient is the unit-scale one over s.
        // At s = 1e100 the areas are about 1e200 and their squares overflowed, which zeroed
        // the gradient.
        SplittableRandom random = new SplittableRandom(8);
        double s = 1e100;
        for (int trial = 0; trial < 20; trial++) {
            double[] a = randomBox(random);
            double[] b = randomBox(random);
            double[] gradient = new double[4];
            double value = GeneralizedIoU.evaluate(a, b, gradient);
            double[] scaled = new double[4];
            assertEquals(value, GeneralizedIoU.evaluate(scale(a, s), scale(b, s), scaled), TOL);
            for (int k = 0; k < 4; k++) {
                assertEquals(gradient[k], scaled[k] * s, 1e-9, "trial " + trial + " k " + k);
            }
        }
    }

    @Test
    void valueAndGradientDoNotDependOnTheScale() {
        // Areas of boxes of side 1e-200 underflowed to 0, and those of side 1e200 overflowed.
        SplittableRandom random = new SplittableRandom(10);
        for (int trial = 0; trial < 20; trial++) {
            double[] a = randomBox(random);
            double[] b = randomBox(random);
            double[] gradient = new double[4];
            double value = GeneralizedIoU.evaluate(a, b, gradient);
            for (int exponent = -300; exponent <= 300; exponent += 25) {
                double s = Math.pow(10, exponent);
                double[] scaled = new double[4];
                assertEquals(value, GeneralizedIoU.evaluate(scale(a, s), scale(b, s), scaled),
                        TOL, "trial " + trial + " scale 1e" + exponent);
                for (int k = 0; k < 4; k++) {
                    assertEquals(gradient[k], scaled[k] * s, 1e-9 * (1 + Math.abs(gradient[k])),
                            "trial " + trial + " scale 1e" + exponent + " k " + k);
                }
            }
        }
        // Each axis on its own scale: a box 1e-200 wide and 1e200 high.
        double[] target = {0.5, 0.2, 1.5, 0.7};
        double[] predicted = {0, 0, 1, 1};
        double[] gradient = new double[4];
        double value = GeneralizedIoU.evaluate(target, predicted, gradient);
        double[] stretched = new double[4];
        assertEquals(value, GeneralizedIoU.evaluate(new double[] {0.5e-200, 0.2e200, 1.5e-200,
            0.7e200}, new double[] {0, 0, 1e-200, 1e200}, stretched), TOL);
        assertEquals(gradient[0], stretched[0] * 1e-200, 1e-9);
        assertEquals(gradient[3], stretched[3] * 1e200, 1e-9);
    }

    @Test
    void finiteDifferencesMatchTheGradientAwayFromKinks() {
        SplittableRandom random = new SplittableRandom(9);
        int checked = 0;
        for (int trial = 0; trial < 400; trial++) {
            double[] target = randomBox(random);
            double[] predicted = randomBox(random);
            if (kinkDistance(target, predicted) < KINK_MARGIN) {
                continue;
            }
            checked++;
            double[] gradient = new double[4];
            GeneralizedIoU.evaluate(target, predicted, gradient);
            for (int k = 0; k < 4; k++) {
                double[] plus = predicted.clone();
                double[] minus = predicted.clone();
                plus[k] += STEP;
                minus[k] -= STEP;
                double difference = (GeneralizedIoU.value(target, plus)
                        - GeneralizedIoU.value(target, minus)) / (2 * STEP);
                assertEquals(difference, gradient[k], FD_TOL, "trial " + trial + " k " + k);
            }
        }
        assertTrue(checked > 300, "only " + checked + " points away from kinks");
    }

    @Test
    void atKinksTheGradientIsTheLimitFromTheShrunkBox() {
        // Edges on a grid of 1/4 make ties between edges and zero overlaps frequent.
        SplittableRandom random = new SplittableRandom(10);
        int kinks = 0;
        for (int trial = 0; trial < 500; trial++) {
            double[] target = gridBox(random);
            double[] predicted = gridBox(random);
            if (kinkDistance(target, predicted) == 0) {
                kinks++;
            }
            double[] gradient = new double[4];
            double value = GeneralizedIoU.evaluate(target, predicted, gradient);
            double[] shrunk = {predicted[0], predicted[1], predicted[2] - SHRINK,
                predicted[3] - SHRINK};
            double[] nearby = new double[4];
            GeneralizedIoU.evaluate(target, shrunk, nearby);
            assertArrayEquals(nearby, gradient, LIMIT_TOL, "trial " + trial);
            // One-sided derivative along the shrink direction agrees with the gradient.
            double slope = (value - GeneralizedIoU.value(target, shrunk)) / SHRINK;
            assertEquals(gradient[2] + gradient[3], slope, LIMIT_TOL, "trial " + trial);
        }
        assertTrue(kinks > 100, "only " + kinks + " kinks among the grid boxes");
    }

    // ---------------------------------------------------------------------------------

    /** GIoU from the corners, written independently of the class under test. */
    static double reference(double[] a, double[] b) {
        double[] p = corners(a);
        double[] r = corners(b);
        double iw = Math.max(0, Math.min(p[2], r[2]) - Math.max(p[0], r[0]));
        double ih = Math.max(0, Math.min(p[3], r[3]) - Math.max(p[1], r[1]));
        double inter = iw * ih;
        double union = a[2] * a[3] + b[2] * b[3] - inter;
        double enclosing = (Math.max(p[2], r[2]) - Math.min(p[0], r[0]))
                * (Math.max(p[3], r[3]) - Math.min(p[1], r[1]));
        double iou = union == 0 ? 0 : inter / union;
        return iou - (enclosing == 0 ? 0 : (enclosing - union) / enclosing);
    }

    /**
     * The distance of a pair of boxes from the kinks of the GIoU in the predicted box: the
     * smallest gap between a predicted edge and the same target edge, or of the overlap of an
     * axis from zero.
     */
    static double kinkDistance(double[] target, double[] predicted) {
        double[] t = corners(target);
        double[] p = corners(predicted);
        double distance = Double.POSITIVE_INFINITY;
        for (int low = 0; low < 2; low++) {
            int high = low + 2;
            distance = Math.min(distance, Math.abs(p[low] - t[low]));
            distance = Math.min(distance, Math.abs(p[high] - t[high]));
            double overlap = Math.min(p[high], t[high]) - Math.max(p[low], t[low]);
            distance = Math.min(distance, Math.abs(overlap));
        }
        return distance;
    }

    /** A random box with centre in [0, 1]^2 and sides in [0.1, 1]. */
    static double[] randomBox(SplittableRandom random) {
        return new double[] {random.nextDouble(), random.nextDouble(),
            random.nextDouble(0.1, 1), random.nextDouble(0.1, 1)};
    }

    /** The box (cx, cy, w, h) with every coordinate multiplied by {@code s}. */
    private static double[] scale(double[] box, double s) {
        return new double[] {box[0] * s, box[1] * s, box[2] * s, box[3] * s};
    }

    /** Corners (x1, y1, x2, y2) of a box (cx, cy, w, h). */
    private static double[] corners(double[] box) {
        return new double[] {box[0] - box[2] / 2, box[1] - box[3] / 2, box[0] + box[2] / 2,
            box[1] + box[3] / 2};
    }

    /** A box whose edges lie on multiples of 1/4 in [0, 1]. */
    private static double[] gridBox(SplittableRandom random) {
        int x1 = random.nextInt(4);
        int x2 = x1 + 1 + random.nextInt(4 - x1);
        int y1 = random.nextInt(4);
        int y2 = y1 + 1 + random.nextInt(4 - y1);
        return new double[] {(x1 + x2) / 8.0, (y1 + y2) / 8.0, (x2 - x1) / 4.0,
            (y2 - y1) / 4.0};
    }
}
