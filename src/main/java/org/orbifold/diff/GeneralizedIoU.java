package org.orbifold.diff;

/**
 * Generalized intersection over union of two axis-aligned boxes, with one element of its
 * generalized gradient with respect to the second (predicted) box.
 *
 * <p><b>Definition.</b> Boxes are given as {@code (cx, cy, w, h)}: centre, width and height,
 * {@code w, h >= 0}, the format of DETR; internally a box is the rectangle
 * {@code [cx - w/2, cx + w/2] x [cy - h/2, cy + h/2]}. For a target box {@code A}, a predicted
 * box {@code B}, their intersection {@code I}, union {@code U} and smallest enclosing box
 * {@code C} (areas written with the same letters),
 * <pre>
 *   GIoU(A, B) = I / U - (C - U) / C,       U = |A| + |B| - I,
 * </pre>
 * a value in {@code [-1, 1]} that equals 1 exactly for identical boxes of positive area and,
 * unlike the IoU, keeps decreasing as disjoint boxes move apart. A ratio whose denominator is
 * zero (both boxes of zero area for {@code I / U}; both boxes inside one axis-parallel line for
 * {@code (C - U) / C}) is taken as 0, with gradient 0.
 *
 * <p><b>Gradient and kink rule.</b> Per axis, the intersection runs from the larger to the
 * smaller of the two lower and upper edges (and has length 0 if these cross), the enclosure
 * from the smaller to the larger; every {@code max} and {@code min} is differentiated along
 * the branch its comparison takes. On a tie between a predicted and a target edge, the
 * predicted edge counts as lying inside the target; an overlap of exactly 0 counts as no
 * overlap (so the IoU has gradient 0 for touching and for disjoint boxes). These choices are
 * the comparisons of the box shrunk by an infinitesimal {@code epsilon}, that is at
 * {@code (cx, cy, w - epsilon, h - epsilon)}, where the function is smooth; so when
 * {@code w, h > 0} and {@code U, C > 0} the returned vector is the limit of gradients at those
 * points and hence an element of the Clarke generalized gradient. Away from ties it is the
 * gradient.
 *
 * <p>Reference: H. Rezatofighi, N. Tsoi, J. Gwak, A. Sadeghian, I. Reid, S. Savarese (2019),
 * "Generalized Intersection over Union: A Metric and A Loss for Bounding Box Regression",
 * CVPR, arXiv:1902.09630; F. H. Clarke (1983), <i>Optimization and Nonsmooth
 * Analysis</i>, Wiley.
 *
 * <p><b>Scale.</b> Each axis is rescaled by powers of two before any area is formed, so the
 * value is the same for boxes of side {@code 1e-200}, 1 or {@code 1e200} (up to the rounding of
 * the given coordinates), and the gradient is the unit-scale one divided by the scale; it
 * overflows only when that quotient does.
 *
 * <p><b>Limitations.</b> The inputs are not checked here (the caller validates them); the
 * zero-denominator convention makes the function discontinuous at boxes of zero area.
 */
final class GeneralizedIoU {

    /** Number of box coordinates. */
    static final int DIMENSION = 4;

    private GeneralizedIoU() {
    }

    /**
     * Returns {@code GIoU(target, predicted)}.
     *
     * @param target the box {@code (cx, cy, w, h)} of the target, {@code w, h >= 0}
     * @param predicted the predicted box {@code (cx, cy, w, h)}, {@code w, h >= 0}
     * @return the generalized IoU, in {@code [-1, 1]}
     */
    static double value(double[] target, double[] predicted) {
        return evaluate(target, predicted, null);
    }

    /**
     * Returns {@code GIoU(target, predicted)} and, if {@code gradient} is not null, writes its
     * generalized gradient with respect to {@code predicted} (in {@code (cx, cy, w, h)}) into
     * it.
     *
     * @param target the box {@code (cx, cy, w, h)} of the target, {@code w, h >= 0}
     * @param predicted the predicted box {@code (cx, cy, w, h)}, {@code w, h >= 0}
     * @param gradient null, or an array of length 4 that receives the gradient
     * @return the generalized IoU, in {@code [-1, 1]}
     */
    static double evaluate(double[] target, double[] predicted, double[] gradient) {
        Axis x = new Axis(target[0], target[2], predicted[0], predicted[2]);
        Axis y = new Axis(target[1], target[3], predicted[1], predicted[3]);

        // Areas and their partial derivatives in the order (cx, cy, w, h) of the predicted box,
        // in each axis's rescaled lengths (GIoU does not change when an axis is rescaled).
        double intersection = x.overlap * y.overlap;
        double[] dIntersection = {x.dOverlapCentre * y.overlap, x.overlap * y.dOverlapCentre,
            x.dOverlapSize * y.overlap, x.overlap * y.dOverlapSize};
        double union = x.targetSize * y.targetSize + x.size * y.size - intersection;
        double[] dUnion = {-dIntersection[0], -dIntersection[1],
            y.size - dIntersection[2], x.size - dIntersection[3]};
        double enclosure = x.span * y.span;
        double[] dEnclosure = {x.dSpanCentre * y.span, x.span * y.dSpanCentre,
            x.dSpanSize * y.span, x.span * y.dSpanSize};

        // GIoU = I / U - (C - U) / C, each ratio 0 where its denominator is 0. The quotient
        // rule is written with ratios, never with U^2 or C^2.
        double iou = union > 0 ? intersection / union : 0.0;
        double cover = enclosure > 0 ? union / enclosure : 0.0;
        double penalty = enclosure > 0 ? 1 - cover : 0.0;
        if (gradient != null) {
            for (int k = 0; k < DIMENSION; k++) {
                double dIou = union > 0 ? (dIntersection[k] - iou * dUnion[k]) / union : 0.0;
                double dPenalty = enclosure > 0
                        ? (cover * dEnclosure[k] - dUnion[k]) / enclosure : 0.0;
                // Back from the rescaled coordinates of the axis to the given ones.
                Axis axis = k % 2 == 0 ? x : y;
                gradient[k] = (dIou - dPenalty) * axis.coordinateScale * axis.lengthScale;
            }
        }
        return iou - penalty;
    }

    /**
     * One axis of a target and a predicted box: the length of their overlap and of their
     * enclosing interval, with derivatives with respect to the predicted centre and size.
     *
     * <p>The axis is rescaled twice by powers of two, which round nothing in the normal range:
     * the coordinates so that the largest magnitude lies in {@code [1, 2)} (so no edge
     * overflows), then the lengths so that the enclosing interval lies in {@code [1, 2)} (so
     * no area, a product of two lengths, overflows or underflows, as for boxes of side
     * {@code 1e-200} or {@code 1e200}). Lengths and derivatives are in the rescaled units; a
     * derivative with respect to a given coordinate is the rescaled one times
     * {@code coordinateScale * lengthScale}.
     */
    private static final class Axis {

        final double coordinateScale;
        final double lengthScale;
        final double targetSize;
        final double size;
        final double overlap;
        final double dOverlapCentre;
        final double dOverlapSize;
        final double span;
        final double dSpanCentre;
        final double dSpanSize;

        Axis(double givenTargetCentre, double givenTargetSize, double givenCentre,
                double givenSize) {
            double largest = Math.max(Math.max(Math.abs(givenTargetCentre), givenTargetSize),
                    Math.max(Math.abs(givenCentre), givenSize));
            coordinateScale = powerOfTwoScale(largest);
            double targetCentre = givenTargetCentre * coordinateScale;
            double targetSize = givenTargetSize * coordinateScale;
            double centre = givenCentre * coordinateScale;
            double size = givenSize * coordinateScale;
            double targetLow = targetCentre - targetSize / 2;
            double targetHigh = targetCentre + targetSize / 2;
            double low = centre - size / 2;
            double high = centre + size / 2;
            // Ties count as the predicted edge lying inside the target.
            boolean lowInside = low >= targetLow;
            boolean highInside = high <= targetHigh;

            // Derivatives of the overlap and the span with respect to the two predicted edges;
            // an edge moves by d(centre) + d(size) / 2 (upper) or - d(size) / 2 (lower).
            double innerLow = lowInside ? low : targetLow;
            double innerHigh = highInside ? high : targetHigh;
            double length = innerHigh - innerLow;
            double dByLow = 0;
            double dByHigh = 0;
            if (length > 0) {
                dByLow = lowInside ? -1 : 0;
                dByHigh = highInside ? 1 : 0;
            }
            double outerLow = lowInside ? targetLow : low;
            double outerHigh = highInside ? targetHigh : high;
            double enclosing = outerHigh - outerLow;
            lengthScale = powerOfTwoScale(enclosing);
            span = enclosing * lengthScale;
            overlap = Math.max(length, 0.0) * lengthScale;
            this.targetSize = targetSize * lengthScale;
            this.size = size * lengthScale;
            dOverlapCentre = dByLow + dByHigh;
            dOverlapSize = (dByHigh - dByLow) / 2;

            double dSpanByLow = lowInside ? 0 : -1;
            double dSpanByHigh = highInside ? 0 : 1;
            dSpanCentre = dSpanByLow + dSpanByHigh;
            dSpanSize = (dSpanByHigh - dSpanByLow) / 2;
        }

        /** Returns the power of two that brings a positive value into [1, 2), else 1. */
        private static double powerOfTwoScale(double value) {
            return value > 0 ? Math.scalb(1.0, -Math.getExponent(value)) : 1.0;
        }
    }
}
