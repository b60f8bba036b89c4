package org.orbifold.diff;

import java.util.Arrays;
import java.util.Objects;
import org.orbifold.assign.Sense;

/**
 * The bipartite set-matching loss of DETR-style set prediction, as the sum of a term that does
 * not depend on the matching and an optimal assignment over the term that does, with its
 * generalized gradient with respect to the predicted class logits and boxes.
 *
 * <p><b>Model outputs and targets.</b> A model predicts {@code q} candidates ("queries"). Query
 * {@code j} has logits {@code l_j} over {@code K + 1} classes, the last of which
 * ({@code K}, written {@code null}) means "no object", with probabilities
 * {@code p_j = softmax(l_j)}, and a box {@code b^_j} in {@code R^d} (any fixed {@code d}: four
 * box coordinates, or two for points, or zero for classes only). The target is an unordered
 * set of {@code t <= q} objects, object {@code i} with a class {@code c_i < K} and a box
 * {@code b_i}.
 *
 * <p><b>Loss.</b> For an injective matching {@code sigma} of objects to queries the training
 * loss is the cross-entropy of every matched query against its object's class, the
 * cross-entropy against {@code null} weighted by {@code w0} of every unmatched query, and a
 * weighted L1 distance between matched boxes. Following the decomposition of Chen et al.
 * (2022), it splits as
 * <pre>
 *   L(sigma) = A + sum_i C[i][sigma(i)],
 *   A        = sum_j -w0 log p_j(null)                                  (every query unmatched),
 *   C[i][j]  = -log p_j(c_i) + w0 log p_j(null) + lambda ||b_i - b^_j||_1  (matching i to j),
 * </pre>
 * so that the loss with the optimal matching is {@code A + z(C)}, {@code z} the minimum of a
 * rectangular {@code t x q} linear assignment problem: the matcher minimises the training loss
 * itself. (DETR's own matcher, Carion et al. 2020, uses a different cost with the probability
 * instead of its logarithm; this class uses the cost that makes the matching optimal for the
 * loss.)
 *
 * <p><b>Gradient.</b> By Danskin's theorem and the chain rule ({@link AssignmentLoss}), the
 * gradient of {@code A + C(sigma*)} at the optimal matching {@code sigma*} is a generalized
 * gradient of the loss, and the gradient wherever {@code sigma*} is unique and no matched box
 * coordinate coincides with its target. With respect to the logits of query {@code j} it is
 * {@code p_j - e_{c_i}} if {@code j} is matched to object {@code i}, and
 * {@code w0 (p_j - e_null)} otherwise; with respect to a matched box coordinate it is
 * {@code lambda sign(b^_jk - b_ik)}, with {@code sign(0) = 0} (an element of the generalized
 * gradient of the absolute value).
 *
 * <p><b>Degenerate inputs.</b> An empty target set gives {@code L = A} (every query predicts
 * "no object"). More objects than queries cannot be matched injectively and are rejected with
 * an {@link IllegalArgumentException} that gives both counts.
 *
 * <p>References: N. Carion, F. Massa, G. Synnaeve, N. Usunier, A. Kirillov, S. Zagoruyko
 * (2020), "End-to-End Object Detection with Transformers", ECCV, doi:10.1007/978-3-030-58452-8_13;
 * Chen et al. (2022) on the assignment-independent and -dependent parts of the DETR loss; J. M.
 * Danskin (1967), <i>The Theory of Max-Min</i>.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Limitations.</b> The box loss is L1 only; DETR also uses a generalized-IoU term, which
 * is not implemented. Ties between optimal matchings are reported
 * ({@link Result#unique()}) and broken by the assignment solver's rule.
 */
public final class SetMatchingLoss {

    private final int classes;
    private final Weights weights;

    /**
     * The weights of the loss.
     *
     * @param noObject {@code w0}, the weight of the "no object" cross-entropy of unmatched
     *     queries (DETR uses 0.1), finite and {@code >= 0}
     * @param box {@code lambda}, the weight of the L1 box distance (DETR uses 5), finite and
     *     {@code >= 0}
     */
    public record Weights(double noObject, double box) {

        /**
         * Validates the weights.
         *
         * @param noObject the "no object" weight
         * @param box the box weight
         * @throws IllegalArgumentException if a weight is negative or not finite
         */
        public Weights {
            if (!(noObject >= 0) || Double.isInfinite(noObject)) {
                throw new IllegalArgumentException("noObject weight must be finite and >= 0;"
                        + " got " + noObject);
            }
            if (!(box >= 0) || Double.isInfinite(box)) {
                throw new IllegalArgumentException("box weight must be finite and >= 0; got "
                        + box);
            }
        }
    }

    /**
     * Creates the loss.
     *
     * @param classes the number {@code K >= 1} of object classes; logits have {@code K + 1}
     *     entries, the last for "no object"
     * @param weights the loss weights
     */
    public SetMatchingLoss(int classes, Weights weights) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1; got " + classes);
        }
        this.classes = classes;
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Returns the number of object classes {@code K}. */
    public int classes() {
        return classes;
    }

    /** Returns the loss weights. */
    public Weights weights() {
        return weights;
    }

    /**
     * Returns the assignment-dependent cost matrix {@code C} ({@code t x q}).
     *
     * @param logits {@code q x (K + 1)} class logits, finite; not modified
     * @param boxes {@code q x d} predicted boxes, finite; not modified
     * @param targetClasses the {@code t} object classes, each in {@code [0, K)}; not modified
     * @param targetBoxes {@code t x d} object boxes, finite; not modified
     * @return a new {@code t x q} matrix
     * @throws IllegalArgumentException on mismatched shapes, non-finite values, a class out
     *     of range, or more objects than queries
     */
    public double[][] costMatrix(double[][] logits, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes) {
        int d = validate(logits, boxes, targetClasses, targetBoxes);
        return costMatrix(logSoftmax(logits), boxes, targetClasses, targetBoxes, d);
    }

    /**
     * Evaluates the loss with the optimal matching and its generalized gradient.
     *
     * @param logits {@code q x (K + 1)} class logits, finite; not modified
     * @param boxes {@code q x d} predicted boxes, finite; not modified
     * @param targetClasses the {@code t <= q} object classes, each in {@code [0, K)}; not
     *     modified
     * @param targetBoxes {@code t x d} object boxes, finite; not modified
     * @return the loss, its two parts, the matching and the gradients
     * @throws IllegalArgumentException on mismatched shapes, non-finite values, a class out
     *     of range, or more objects than queries
     */
    public Result evaluate(double[][] logits, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes) {
        int d = validate(logits, boxes, targetClasses, targetBoxes);
        int q = logits.length;
        int t = targetClasses.length;
        double[][] logP = logSoftmax(logits);

        // Assignment-independent term: every query predicts "no object".
        double independent = 0;
        for (int j = 0; j < q; j++) {
            independent -= weights.noObject() * logP[j][classes];
        }

        // Assignment-dependent term: the optimal matching of objects to queries.
        double[][] cost = costMatrix(logP, boxes, targetClasses, targetBoxes, d);
        AssignmentValue matching = t == 0
                ? new AssignmentValue(0.0, new int[0], q, Sense.MINIMIZE, true)
                : AssignmentValue.of(cost, Sense.MINIMIZE);
        int[] queryToTarget = new int[q];
        Arrays.fill(queryToTarget, -1);
        for (int i = 0; i < t; i++) {
            queryToTarget[matching.columnOf(i)] = i;
        }

        // Gradient: weighted cross-entropy per query, L1 on matched boxes.
        double[][] logitGradient = new double[q][classes + 1];
        double[][] boxGradient = new double[q][d];
        for (int j = 0; j < q; j++) {
            int i = queryToTarget[j];
            int label = i < 0 ? classes : targetClasses[i];
            double weight = i < 0 ? weights.noObject() : 1.0;
            for (int k = 0; k <= classes; k++) {
                double p = Math.exp(logP[j][k]);
                logitGradient[j][k] = weight * (p - (k == label ? 1.0 : 0.0));
            }
            if (i >= 0) {
                for (int k = 0; k < d; k++) {
                    boxGradient[j][k] = weights.box() * Math.signum(boxes[j][k]
                            - targetBoxes[i][k]);
                }
            }
        }
        return new Result(independent + matching.value(), independent, matching.value(),
                matching.rowToColumn(), matching.unique(), logitGradient, boxGradient);
    }

    private double[][] costMatrix(double[][] logP, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes, int d) {
        int q = logP.length;
        int t = targetClasses.length;
        double[][] cost = new double[t][q];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < q; j++) {
                double l1 = 0;
                for (int k = 0; k < d; k++) {
                    l1 += Math.abs(targetBoxes[i][k] - boxes[j][k]);
                }
                cost[i][j] = -logP[j][targetClasses[i]] + weights.noObject() * logP[j][classes]
                        + weights.box() * l1;
            }
        }
        return cost;
    }

    /** Checks the shapes and values; returns the box dimension. */
    private int validate(double[][] logits, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes) {
        Objects.requireNonNull(targetClasses, "targetClasses");
        int q = logits == null ? 0 : logits.length;
        Checks.requireShape(logits, q, classes + 1, "logits");
        Checks.requireFinite(logits, "logits");
        int d = Checks.requireRectangular(boxes, "boxes");
        Checks.requireShape(boxes, q, d, "boxes");
        Checks.requireFinite(boxes, "boxes");
        int t = targetClasses.length;
        if (t > q) {
            throw new IllegalArgumentException(t + " target objects but only " + q
                    + " predictions: every object needs a prediction of its own");
        }
        Checks.requireShape(targetBoxes, t, d, "targetBoxes");
        Checks.requireFinite(targetBoxes, "targetBoxes");
        for (int i = 0; i < t; i++) {
            if (targetClasses[i] < 0 || targetClasses[i] >= classes) {
                throw new IllegalArgumentException("targetClasses[" + i + "] = "
                        + targetClasses[i] + " is outside [0, " + classes + ")");
            }
        }
        return d;
    }

    /** Row-wise log-softmax, stable for large logits. */
    static double[][] logSoftmax(double[][] logits) {
        double[][] result = new double[logits.length][];
        for (int j = 0; j < logits.length; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double x : logits[j]) {
                max = Math.max(max, x);
            }
            double sum = 0;
            for (double x : logits[j]) {
                sum += Math.exp(x - max);
            }
            double logSum = max + Math.log(sum);
            result[j] = new double[logits[j].length];
            for (int k = 0; k < logits[j].length; k++) {
                result[j][k] = logits[j][k] - logSum;
            }
        }
        return result;
    }

    /**
     * The set-matching loss at the optimal matching, with its gradient.
     *
     * @param loss {@code A + z(C)}
     * @param independentTerm {@code A}, the assignment-independent part
     * @param matchedTerm {@code z(C)}, the optimal assignment-dependent part
     * @param targetToPrediction the query matched to every object
     * @param unique whether the optimal matching is unique
     * @param logitGradient {@code q x (K + 1)}, the gradient with respect to the logits
     * @param boxGradient {@code q x d}, the gradient with respect to the predicted boxes
     */
    public record Result(double loss, double independentTerm, double matchedTerm,
            int[] targetToPrediction, boolean unique, double[][] logitGradient,
            double[][] boxGradient) {

        /**
         * Copies the arrays.
         *
         * @param loss the loss
         * @param independentTerm the independent part
         * @param matchedTerm the matched part
         * @param targetToPrediction the matching; copied
         * @param unique the uniqueness flag
         * @param logitGradient the logit gradient; copied
         * @param boxGradient the box gradient; copied
         */
        public Result {
            targetToPrediction = targetToPrediction.clone();
            logitGradient = Checks.copy(logitGradient);
            boxGradient = Checks.copy(boxGradient);
        }

        /** Returns a copy of the query matched to every object. */
        @Override
        public int[] targetToPrediction() {
            return targetToPrediction.clone();
        }

        /** Returns a copy of the gradient with respect to the logits. */
        @Override
        public double[][] logitGradient() {
            return Checks.copy(logitGradient);
        }

        /** Returns a copy of the gradient with respect to the predicted boxes. */
        @Override
        public double[][] boxGradient() {
            return Checks.copy(boxGradient);
        }
    }
}
