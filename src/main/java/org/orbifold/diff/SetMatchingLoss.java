package org.orbifold.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.assign.InfeasibleAssignmentException;
import org.orbifold.assign.LinearAssignmentSolver;
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
 * {@code b_i}. With a generalized-IoU weight {@code lambda_giou > 0} boxes must have
 * {@code d = 4} and are read in DETR's format {@code (cx, cy, w, h)} (centre, width, height,
 * {@code w, h >= 0}); otherwise the box is any vector.
 *
 * <p><b>Loss.</b> For an injective matching {@code sigma} of objects to queries the training
 * loss is the cross-entropy of every matched query against its object's class, the
 * cross-entropy against {@code null} weighted by {@code w0} of every unmatched query, and a
 * box loss {@code L_box} between matched boxes. Following the decomposition of Chen et al.
 * (2022), it splits as
 * <pre>
 *   L(sigma) = A + sum_i C[i][sigma(i)],
 *   A        = sum_j -w0 log p_j(null)                       (every query unmatched),
 *   C[i][j]  = -log p_j(c_i) + w0 log p_j(null) + L_box(b_i, b^_j)     (matching i to j),
 *   L_box(b, b^) = lambda_L1 ||b - b^||_1 + lambda_giou (1 - GIoU(b, b^)),
 * </pre>
 * where {@code GIoU = I/U - (E - U)/E} is the generalized intersection over union of
 * Rezatofighi et al. (2019) ({@code I}, {@code U}, {@code E}: areas of the intersection, the
 * union and the smallest enclosing box; a ratio with denominator 0 counts as 0). So the loss
 * with the optimal matching is {@code A + z(C)}, {@code z} the minimum of a rectangular
 * {@code t x q} linear assignment problem: the matcher minimises the training loss itself.
 *
 * <p><b>Computation.</b> The decomposition is reported ({@link Result#independentTerm()},
 * {@link Result#matchedTerm()}), but neither the matching nor the loss is computed through it:
 * a query that is almost surely an object has a huge no-object term, which is in {@code A}
 * and, negated, in its column of {@code C}, so {@code A + z(C)} would lose everything smaller
 * (logits {@code (0, 0, -1e17)} of a matched query beside an unmatched query with logits
 * {@code (0, 0, 0)}, {@code w0 = 0.1}, gave 0 instead of about 0.803). The matching solves
 * the equivalent {@code q x q} assignment problem of the objects and {@code q - t}
 * "unmatched" rows to the queries, object {@code i} to query {@code j} costing its loss
 * {@code M[i][j] = -log p_j(c_i) + L_box(b_i, b^_j)} and an unmatched row the no-object term
 * {@code N[j] = -w0 log p_j(null)}, all {@code >= 0}; the loss is the sum of the terms of the
 * returned matching, its {@code M} of the matched and {@code N} of the unmatched queries, so
 * {@code A + z(C)} equals it only up to that cancellation.
 *
 * <p><b>Uniqueness.</b> {@link Result#unique()} says whether no other matching has a loss
 * within the tie band of the returned one's. Two matchings differ by exchanges: cycles of
 * objects passing their queries round, and chains from an unmatched query to a released one.
 * The band of an exchange is {@code 1e-9} ({@link AssignmentValue#DEFAULT_TOLERANCE}) times
 * the sum of the terms {@code M} and {@code N} it adds and removes (a bound of their rounding,
 * all being {@code >= 0}), and the test looks for an exchange that changes the loss by no
 * more than its band, a cycle of cost {@code <= 0} on the objects plus one node "unmatched",
 * by Floyd-Warshall in {@code O(t^3)}. So a huge term widens only the band of the exchanges
 * that contain it: with a matched query's no-object term of {@code 1e11}, a matching that
 * beats the runner-up by 1 is unique (the band of {@link AssignmentValue}, scaled by the
 * largest chosen entry of {@code C}, would be about {@code 1e2} there).
 * (DETR's own matcher, Carion et al. 2020, uses a different cost with the probability instead
 * of its logarithm; this class uses the cost that makes the matching optimal for the loss.)
 * The DETR weights are {@link Weights#detr()}: {@code w0 = 0.1}, {@code lambda_L1 = 5},
 * {@code lambda_giou = 2}. The loss stays the plain sum above, where DETR's training criterion
 * normalises: it divides the cross-entropy part by the summed class weights of the queries
 * (1 per matched query, {@code w0} per unmatched one) and the L1 and GIoU parts by the number
 * of target boxes (of the whole batch), so divide the parts and their gradients likewise to
 * match DETR's scale.
 *
 * <p><b>Gradient.</b> By Danskin's theorem and the chain rule ({@link AssignmentLoss}), the
 * returned gradient is that of {@code A + C(sigma*)} at the optimal matching {@code sigma*},
 * built term by term from one element of each term's generalized gradient; it is the gradient
 * wherever {@code sigma*} is unique and no matched box is at a kink (below). With respect to
 * the logits of query {@code j} it is {@code p_j - e_{c_i}} if {@code j} is matched to object
 * {@code i}, and {@code w0 (p_j - e_null)} otherwise. With respect to a matched box it is
 * {@code lambda_L1 sign(b^_j - b_i) - lambda_giou grad GIoU(b_i, b^_j)}, the GIoU gradient
 * taken analytically in {@code (cx, cy, w, h)} through the corners
 * {@code cx -+ w/2, cy -+ h/2}. <i>Kink rule:</i> {@code sign(0) = 0} (an element of the
 * generalized gradient of the absolute value); in the GIoU, every {@code max} and {@code min}
 * of the intersection and enclosing box is differentiated along the branch its comparison
 * takes, a predicted edge equal to a target edge counting as inside the target and an overlap
 * of exactly zero as no overlap. That is the gradient at the box shrunk by an infinitesimal
 * amount in width and height, a limit of gradients and hence an element of the Clarke
 * generalized gradient of the GIoU whenever the predicted box has positive width and height.
 * Touching and disjoint boxes give the IoU part gradient 0, while the enclosing-box part still
 * pulls them together. A zero entry of either gradient is {@code 0.0}, never {@code -0.0} (which
 * a coordinate {@code -0.0}, or a zero weight times a negative number, would give).
 *
 * <p><b>Degenerate inputs.</b> An empty target set gives {@code L = A} (every query predicts
 * "no object"). More objects than queries cannot be matched injectively and are rejected with
 * an {@link IllegalArgumentException} that gives both counts. With {@code lambda_giou > 0},
 * boxes of zero width or height are allowed (two such boxes have {@code U = 0}, so their IoU
 * counts as 0, and if they lie on one axis-parallel line also {@code E = 0}); negative widths
 * or heights, and box dimensions other than 4, are rejected with the query or object named.
 * The GIoU is computed on each axis rescaled by powers of two, so its value does not depend
 * on the scale of the boxes (boxes of side {@code 1e-200} and {@code 1e200} get the value of
 * boxes of side 1, and the gradient scaled by the inverse scale). Finite inputs can still be
 * too extreme for doubles: logits of one query further apart than about {@code 1e308} (a
 * log-probability of {@code -Infinity}), boxes so far apart that their weighted L1 term
 * {@code lambda_L1 ||b - b^||_1} exceeds the largest double (the distance alone may exceed
 * it: it is then summed on the coordinates scaled by {@code 2^-64} and weighted before it is
 * scaled back, so {@code lambda_L1 = 1e-300} and boxes {@code 2e308} apart cost
 * {@code 2e8}), boxes so small that the GIoU gradient (about the GIoU weight over the box
 * side, computed as one over the side first, so sides below about {@code 1e-308} fail
 * whatever the weight) overflows, or weights that push a cost beyond the assignment solver's
 * {@link LinearAssignmentSolver#MAX_MAGNITUDE}. Nothing is passed on as an infinite cost.
 * A query whose no-object term is not finite is rejected with an
 * {@link IllegalArgumentException} naming it (the term enters the reported {@code A}
 * whatever the matching), and so is a matched pair whose GIoU gradient overflows; a query
 * whose term is finite but beyond that limit must be matched (see "Pairs out of range").
 *
 * <p><b>Pairs out of range.</b> A pair (object, query) is <i>out of range</i> when its loss
 * {@code M[i][j]} or a term of it exceeds {@link LinearAssignmentSolver#MAX_MAGNITUDE} or is
 * not finite. {@link #evaluate} leaves such pairs out of the matching, as forbidden pairs,
 * when that provably changes nothing: every term is {@code >= 0}, so the loss of a matching
 * that uses the pair is at least the pair's own loss, and when the best matching without
 * pairs out of range beats the least of those losses by more than the tie band
 * ({@code 1e-9} times the two losses, as in "Uniqueness"), it is the optimum and no matching
 * with such a pair ties with it. The result is then exactly that of the problem without them
 * (loss, matching, uniqueness and gradient); a far-away query next to a near one is the usual
 * case. Otherwise {@link #evaluate} throws an {@link IllegalArgumentException}: when no
 * matching avoids them (the message names a set of objects with fewer queries in range than
 * members, and a pair with its terms), and when the best matching without them does not
 * clearly beat the least of them (the message names that pair and the loss), since the
 * optimum may then need a pair whose loss the solver cannot take. {@link #costMatrix}
 * solves nothing: it returns finite entries beyond the limit and rejects an entry or a term
 * that is not finite, naming the query, the object and the term.
 *
 * <p>A query whose no-object term {@code N[j]} exceeds
 * {@link LinearAssignmentSolver#MAX_MAGNITUDE} is handled alike: a matching that leaves it
 * unmatched loses at least {@code N[j]}, so its unmatched slot is forbidden and the result is
 * that of the problem in which it must be matched, when the best matching that matches every
 * such query and avoids the pairs out of range beats the least such term by more than the
 * band. Otherwise the call is refused, naming the query and its term: when there are more
 * such queries than objects, when no matching matches them all while avoiding the pairs out
 * of range, and when the best one does not clearly beat the least term. The result still
 * reports the decomposition: {@link Result#independentTerm()} is {@code A}, the sum of
 * <i>all</i> no-object terms, that of a matched query beyond the limit included, and
 * {@link Result#matchedTerm()} is {@code z(C)}, which holds its negation, each a finite
 * double; they cancel in {@code A + z(C)} (see "Computation"), and the loss, computed from
 * the matching's own terms, is accurate (logits {@code (0, -1e301)} of the query matched to
 * the only object, {@code w0 = 1}, give {@code A = 1e301}, {@code z(C) = -1e301} and loss
 * 0).
 *
 * <p>In every case of refusal above the optimal loss is itself at least about
 * {@link LinearAssignmentSolver#MAX_MAGNITUDE} (less the band), so a call is refused because
 * of the solver's range only when the loss it would return lies beyond it. Calls are refused
 * for other reasons only where a double cannot hold what the result reports: a no-object
 * term that is not finite, no-object terms whose sum {@code A} (or a {@code z(C)}, or the
 * loss) overflows, and a GIoU gradient that overflows (see "Degenerate inputs").
 *
 * <p>References: N. Carion, F. Massa, G. Synnaeve, N. Usunier, A. Kirillov, S. Zagoruyko
 * (2020), "End-to-End Object Detection with Transformers", ECCV, doi:10.1007/978-3-030-58452-8_13;
 * H. Rezatofighi, N. Tsoi, J. Gwak, A. Sadeghian, I. Reid, S. Savarese (2019), "Generalized
 * Intersection over Union: A Metric and A Loss for Bounding Box Regression", CVPR,
 * arXiv:1902.09630; Chen et al. (2022) on the assignment-independent and -dependent parts of
 * the DETR loss; J. M. Danskin (1967), <i>The Theory of Max-Min</i>; F. H. Clarke (1983),
 * <i>Optimization and Nonsmooth Analysis</i>.
 *
 * <p>Immutable and thread-safe.
 *
 * <p><b>Limitations.</b> Ties between optimal matchings are reported
 * ({@link Result#unique()}) and broken by the assignment solver's rule; kinks of the box loss
 * are not flagged. The tie band covers the rounding of the loss terms and of their sums, not
 * that of the GIoU of a box far from the origin compared with its size (its corners are
 * rounded to the coordinates' precision), so such boxes can differ in the GIoU term by more
 * than the band through rounding alone. At a tie, and where several box terms have kinks at
 * once, the returned vector is a sum of generalized-gradient elements of the terms; that sum
 * of sets contains the generalized gradient of the loss but may be larger. The GIoU of two
 * boxes of zero area is set by convention and is discontinuous there. A matched box equal to
 * its target is at a kink:
 * the L1 part of its gradient is 0 but the GIoU part is {@code -lambda_giou (0, 0, 1/w, 1/h)},
 * so the box gradient need not vanish at an exact match and its norm is no stopping criterion.
 */
public final class SetMatchingLoss {

    /** The binary exponent by which {@link #weightedL1} scales coordinates down. */
    private static final int L1_SCALE = 64;

    private final int classes;
    private final Weights weights;

    /**
     * The weights of the loss.
     *
     * @param noObject {@code w0}, the weight of the "no object" cross-entropy of unmatched
     *     queries (DETR uses 0.1), finite and {@code >= 0} (a negative zero counts as, and is
     *     stored as, {@code 0.0}, for every weight)
     * @param box {@code lambda_L1}, the weight of the L1 box distance (DETR uses 5), finite
     *     and {@code >= 0}
     * @param giou {@code lambda_giou}, the weight of the generalized-IoU term
     *     {@code 1 - GIoU} (DETR uses 2), finite and {@code >= 0}; a positive weight needs
     *     boxes {@code (cx, cy, w, h)}
     */
    public record Weights(double noObject, double box, double giou) {

        /**
         * Validates the weights; a negative zero is a zero weight and is stored as
         * {@code 0.0}, so weights that differ only in the sign of a zero are equal.
         *
         * @param noObject the "no object" weight
         * @param box the L1 box weight
         * @param giou the generalized-IoU weight
         * @throws IllegalArgumentException if a weight is negative (below zero) or not finite
         */
        public Weights {
            noObject = requireWeight(noObject, "noObject");
            box = requireWeight(box, "box");
            giou = requireWeight(giou, "giou");
        }

        /**
         * Weights without a generalized-IoU term ({@code giou = 0}).
         *
         * @param noObject the "no object" weight {@code w0}, finite and {@code >= 0}
         * @param box the L1 box weight {@code lambda_L1}, finite and {@code >= 0}
         * @throws IllegalArgumentException if a weight is negative or not finite
         */
        public Weights(double noObject, double box) {
            this(noObject, box, 0.0);
        }

        /**
         * Returns DETR's weights: {@code w0 = 0.1}, {@code lambda_L1 = 5},
         * {@code lambda_giou = 2} (Carion et al. 2020). Only the weights: the loss is not
         * normalised as DETR's is (see the class description).
         *
         * @return the DETR weights
         */
        public static Weights detr() {
            return new Weights(0.1, 5.0, 2.0);
        }

        /** Checks a weight and returns it with a negative zero made {@code 0.0}. */
        private static double requireWeight(double weight, String name) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(name + " weight must be finite and >= 0,"
                        + " got " + weight);
            }
            return weight + 0.0;
        }
    }

    /**
     * Creates the loss.
     *
     * @param classes the number {@code K >= 1} of object classes; logits have {@code K + 1}
     *     entries, the last for "no object"
     * @param weights the loss weights
     * @throws NullPointerException if {@code weights} is null
     * @throws IllegalArgumentException if {@code classes < 1}
     */
    public SetMatchingLoss(int classes, Weights weights) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        this.classes = classes;
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /**
     * Returns the number of object classes {@code K}.
     *
     * @return the number of object classes {@code K}
     */
    public int classes() {
        return classes;
    }

    /**
     * Returns the loss weights.
     *
     * @return the loss weights
     */
    public Weights weights() {
        return weights;
    }

    /**
     * Returns the assignment-dependent cost matrix {@code C} ({@code t x q}).
     *
     * @param logits {@code q x (K + 1)} class logits, finite; not modified
     * @param boxes {@code q x d} predicted boxes, finite ({@code (cx, cy, w, h)} with
     *     {@code w, h >= 0} if the GIoU weight is positive); not modified
     * @param targetClasses the {@code t} object classes, each in {@code [0, K)}; not modified
     * @param targetBoxes {@code t x d} object boxes, in the format of {@code boxes}; not
     *     modified
     * @return a new {@code t x q} matrix
     * @throws IllegalArgumentException on mismatched shapes, non-finite values, a class out
     *     of range, more objects than queries, with a positive GIoU weight boxes not of
     *     dimension 4 or with a negative width or height, or an entry that is not finite (the
     *     message names the object, the query and the term: class, L1 or GIoU)
     * @throws NullPointerException if an argument or a row of a matrix is null
     */
    public double[][] costMatrix(double[][] logits, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes) {
        int d = validate(logits, boxes, targetClasses, targetBoxes);
        return costMatrix(logSoftmax(logits), boxes, targetClasses, targetBoxes, d, null);
    }

    /**
     * Evaluates the loss with the optimal matching and its generalized gradient.
     *
     * @param logits {@code q x (K + 1)} class logits, finite; not modified
     * @param boxes {@code q x d} predicted boxes, finite ({@code (cx, cy, w, h)} with
     *     {@code w, h >= 0} if the GIoU weight is positive); not modified
     * @param targetClasses the {@code t <= q} object classes, each in {@code [0, K)}; not
     *     modified
     * @param targetBoxes {@code t x d} object boxes, in the format of {@code boxes}; not
     *     modified
     * @return the loss, its two parts, the matching, whether it is the only optimum, and the
     *     gradients
     * @throws IllegalArgumentException on mismatched shapes, non-finite values, a class out
     *     of range, more objects than queries, with a positive GIoU weight boxes not of
     *     dimension 4 or with a negative width or height, or inputs so extreme that a
     *     no-object term is not finite, the loss, {@code A}, {@code z(C)} or the gradient is
     *     not finite, or the optimum cannot be shown to avoid the pairs out of range and to
     *     match the queries whose no-object term exceeds
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE} (no matching does, or the best one
     *     that does fails to beat the least loss among those pairs, or the least such term,
     *     by more than the tie band; see "Pairs out of range" in the class description); the
     *     message names the query, and the object and the term where there is one
     * @throws NullPointerException if an argument or a row of a matrix is null
     */
    public Result evaluate(double[][] logits, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes) {
        int d = validate(logits, boxes, targetClasses, targetBoxes);
        int q = logits.length;
        int t = targetClasses.length;
        double[][] logP = logSoftmax(logits);

        // Assignment-independent term: every query predicts "no object".
        // A query whose term is beyond the solver's range must be matched: its unmatched slot
        // is forbidden (+Infinity in unmatchedCost), and the least such term is a lower bound
        // of the loss of every matching that leaves one unmatched.
        double[] noObject = new double[q];
        double[] unmatchedCost = new double[q];
        double independent = 0;
        int forcedQuery = -1;
        int forcedCount = 0;
        for (int j = 0; j < q; j++) {
            double term = 0.0 - weightedLogNoObject(logP[j]);
            if (!Double.isFinite(term)) {
                throw new IllegalArgumentException("query " + j + " has a no-object term"
                        + " -w0 log p(no object) = " + term + ": its logits lie too far apart"
                        + " for the term to be finite with w0 = " + weights.noObject());
            }
            noObject[j] = term;
            unmatchedCost[j] = term;
            if (term > LinearAssignmentSolver.MAX_MAGNITUDE) {
                unmatchedCost[j] = Double.POSITIVE_INFINITY;
                forcedCount++;
                if (forcedQuery < 0 || term < noObject[forcedQuery]) {
                    forcedQuery = j;
                }
            }
            independent += term;
        }
        if (forcedCount > t) {
            throw new IllegalArgumentException(forcedMessage(forcedQuery, noObject[forcedQuery])
                    + ", and " + Checks.count(forcedCount, "query has", "queries have")
                    + " such terms but there " + (t == 1 ? "is " : "are ")
                    + Checks.count(t, "target object") + " to match them: every matching"
                    + " leaves one unmatched, so the loss is at least that term");
        }

        // The optimal matching, solved on the loss terms themselves: a q x q assignment of the
        // objects and q - t "unmatched" rows to the queries, object i to query j costing
        // M[i][j] and an unmatched row N[j]. Every entry is >= 0, so nothing cancels, where
        // the decomposed matrix C = M - N loses M next to a huge N. Pairs out of range are
        // forbidden (+Infinity in M); cost holds their loss.
        double[][] matched = new double[t][q];
        double[][] cost = costMatrix(logP, boxes, targetClasses, targetBoxes, d, matched);
        int refusedObject = -1;
        int refusedQuery = -1;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < q; j++) {
                if (matched[i][j] == Double.POSITIVE_INFINITY
                        && (refusedObject < 0 || cost[i][j] < cost[refusedObject][refusedQuery])) {
                    refusedObject = i;
                    refusedQuery = j;
                }
            }
        }
        int[] targetToQuery = new int[t];
        if (t > 0) {
            double[][] square = new double[q][];
            for (int r = 0; r < q; r++) {
                square[r] = r < t ? matched[r] : unmatchedCost;
            }
            int[] rowToColumn;
            try {
                rowToColumn = new LinearAssignmentSolver().solve(square, Sense.MINIMIZE)
                        .rowToColumn();
            } catch (InfeasibleAssignmentException e) {
                String why = unavoidablePairs(logP, boxes, targetClasses, targetBoxes, d,
                        matched);
                if (why == null) {
                    why = forcedMessage(forcedQuery, noObject[forcedQuery]) + ", and no"
                            + " matching both avoids pairs out of range and matches every"
                            + " query whose no-object term exceeds "
                            + LinearAssignmentSolver.MAX_MAGNITUDE;
                }
                throw new IllegalArgumentException(why, e);
            }
            targetToQuery = Arrays.copyOf(rowToColumn, t);
        }
        double matchedTerm = 0.0;
        for (int i = 0; i < t; i++) {
            matchedTerm += cost[i][targetToQuery[i]];
        }
        int[] queryToTarget = new int[q];
        Arrays.fill(queryToTarget, -1);
        for (int i = 0; i < t; i++) {
            queryToTarget[targetToQuery[i]] = i;
        }

        // The loss of that matching from its own terms: the decomposition A + z(C) cancels
        // when a matched query has a huge no-object term (it is in A and, negated, in C).
        double loss = 0.0;
        for (int j = 0; j < q; j++) {
            loss += queryToTarget[j] < 0 ? noObject[j] : matched[queryToTarget[j]][j];
        }
        if (!Double.isFinite(loss) || !Double.isFinite(independent)
                || !Double.isFinite(matchedTerm)) {
            throw new IllegalArgumentException("the loss or a part of it overflows: the"
                    + " no-object terms sum to " + independent + " (A), the optimal matching"
                    + " costs " + matchedTerm + " (z(C)) and the loss of the matching is "
                    + loss);
        }
        // Every term is >= 0, so a matching with a pair out of range loses at least that
        // pair's loss, and one that leaves a query with a term beyond the range unmatched at
        // least that term: the least of them must beat the matching found by more than the
        // tie band, or the optimum (or a tie with it) might need it.
        if (refusedObject >= 0) {
            double least = cost[refusedObject][refusedQuery];
            if (least < Double.POSITIVE_INFINITY && !beats(loss, least)) {
                throw new IllegalArgumentException(pairTerms(logP, boxes, targetClasses,
                        targetBoxes, d, refusedObject, refusedQuery).trouble(true) + ", and the"
                        + " best matching without pairs out of range has loss " + loss
                        + ", so the optimum may need that pair");
            }
        }
        if (forcedQuery >= 0 && !beats(loss, noObject[forcedQuery])) {
            throw new IllegalArgumentException(forcedMessage(forcedQuery,
                    noObject[forcedQuery]) + ", and the best matching that matches every query"
                    + " with such a term has loss " + loss + ", so the optimum may leave query "
                    + forcedQuery + " unmatched");
        }
        boolean unique = !hasTiedMatching(matched, noObject, targetToQuery, queryToTarget);

        // Gradient: weighted cross-entropy per query, L1 and GIoU on matched boxes.
        double[][] logitGradient = new double[q][classes + 1];
        double[][] boxGradient = new double[q][d];
        for (int j = 0; j < q; j++) {
            int i = queryToTarget[j];
            int label = i < 0 ? classes : targetClasses[i];
            double weight = i < 0 ? weights.noObject() : 1.0;
            for (int k = 0; k <= classes; k++) {
                double p = Math.exp(logP[j][k]);
                // + 0.0 turns a negative zero (w0 = 0 times a negative entry) into 0.0.
                logitGradient[j][k] = weight * (p - (k == label ? 1.0 : 0.0)) + 0.0;
            }
            if (i >= 0) {
                for (int k = 0; k < d; k++) {
                    boxGradient[j][k] = weights.box() * Math.signum(boxes[j][k]
                            - targetBoxes[i][k]);
                }
                if (weights.giou() > 0) {
                    double[] giouGradient = new double[GeneralizedIoU.DIMENSION];
                    GeneralizedIoU.evaluate(targetBoxes[i], boxes[j], giouGradient);
                    for (int k = 0; k < d; k++) {
                        boxGradient[j][k] -= weights.giou() * giouGradient[k];
                        if (!Double.isFinite(boxGradient[j][k])) {
                            String why = Double.isFinite(giouGradient[k])
                                    ? "the boxes are too small for the GIoU weight "
                                            + weights.giou()
                                    : "the boxes are too small for a double to hold one over"
                                            + " their side";
                            throw new IllegalArgumentException("the gradient of the GIoU"
                                    + " term of " + pair(i, j) + " is not finite in box"
                                    + " coordinate " + k + ": " + why);
                        }
                    }
                }
                for (int k = 0; k < d; k++) {
                    // A coordinate -0.0 next to 0.0, or a zero weight times a sign, gives -0.0.
                    boxGradient[j][k] += 0.0;
                }
            }
        }
        return new Result(loss, independent, matchedTerm, targetToQuery, unique,
                logitGradient, boxGradient);
    }

    /**
     * Returns whether a matching of loss {@code loss} beats every matching whose loss is at
     * least {@code bound >= 0} by more than the tie band {@code 1e-9 (loss + bound)}. Written
     * as {@code (1 + 1e-9) loss < (1 - 1e-9) bound}, which cannot overflow where the sum
     * {@code loss + bound} would (a bound near the largest double).
     */
    private static boolean beats(double loss, double bound) {
        double band = AssignmentValue.DEFAULT_TOLERANCE;
        return (1 + band) * loss < (1 - band) * bound;
    }

    /** Names a query whose no-object term is beyond the solver's range, with the term. */
    private String forcedMessage(int query, double term) {
        return "query " + query + " has a no-object term -w0 log p(no object) = " + term
                + " (w0 = " + weights.noObject() + "), beyond the largest magnitude the"
                + " assignment solver supports, " + LinearAssignmentSolver.MAX_MAGNITUDE;
    }

    /**
     * Returns whether a matching other than {@code targetToQuery} has a loss within the tie
     * band of its loss (or below it, should the solver's rounding have missed the optimum).
     *
     * <p>Two matchings differ by disjoint exchanges, each a cycle of objects that pass their
     * queries round, or a chain that ends in an unmatched query and releases a matched one;
     * the loss changes by the sum of the exchanges' changes. On the objects plus a node
     * "unmatched", an arc {@code i -> k} (object {@code i} takes the query of {@code k}) costs
     * {@code M[i][s(k)] - M[i][s(i)]}, an arc {@code i -> unmatched} (object {@code i} takes
     * an unmatched query {@code j}) {@code M[i][j] - N[j] - M[i][s(i)]}, the least over
     * {@code j}, and an arc {@code unmatched -> k} (the query of {@code k} is released)
     * {@code N[s(k)]}, with {@code M} the matched terms and {@code N} the no-object terms.
     * The exchanges are the simple cycles of this graph. If another matching is within the
     * band, so is one of its exchanges: the band of a matching is {@code tolerance} times the
     * sum of the magnitudes of the terms its exchanges add and subtract, and the changes add
     * up. So every arc is charged {@code tolerance} times its own terms, and Floyd-Warshall
     * looks for a closed walk of cost {@code <= 0} (made of simple cycles, one of which then
     * costs {@code <= 0}) in {@code O(t^3)}. The terms are all {@code >= 0}, and the
     * no-object term of a matched query enters only the exchanges that release that query,
     * so a huge term widens the band only of the exchanges that contain it. Pairs out of
     * range ({@code +Infinity} in {@code matched}) give no arc.
     */
    private static boolean hasTiedMatching(double[][] matched, double[] noObject,
            int[] targetToQuery, int[] queryToTarget) {
        int t = targetToQuery.length;
        int q = noObject.length;
        double tolerance = AssignmentValue.DEFAULT_TOLERANCE;
        double[][] walk = new double[t + 1][t + 1];
        for (double[] row : walk) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < t; i++) {
            double own = matched[i][targetToQuery[i]];
            for (int k = 0; k < t; k++) {
                double other = matched[i][targetToQuery[k]];
                if (k != i && other < Double.POSITIVE_INFINITY) {
                    walk[i][k] = (other - own)
                            - tolerance * (Math.abs(other) + Math.abs(own));
                }
            }
            for (int j = 0; j < q; j++) {
                double other = matched[i][j];
                if (queryToTarget[j] < 0 && other < Double.POSITIVE_INFINITY) {
                    double change = (other - own - noObject[j]) - tolerance
                            * (Math.abs(other) + Math.abs(own) + noObject[j]);
                    walk[i][t] = Math.min(walk[i][t], change);
                }
            }
            walk[t][i] = noObject[targetToQuery[i]] * (1 - tolerance);
        }
        for (int k = 0; k <= t; k++) {
            for (int a = 0; a <= t; a++) {
                if (walk[a][k] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int b = 0; b <= t; b++) {
                    walk[a][b] = Math.min(walk[a][b], walk[a][k] + walk[k][b]);
                }
                if (walk[a][a] <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Describes why no matching avoids the pairs out of range ({@code +Infinity} in
     * {@code matched}): a set of objects with fewer queries in range than members (Hall's
     * condition fails), found by augmenting paths (Kuhn's method), and the pair of least loss
     * of its first object; null if every object can be matched to a query in range (the
     * queries that must be matched are then what no matching satisfies).
     */
    private String unavoidablePairs(double[][] logP, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes, int d, double[][] matched) {
        int t = matched.length;
        int q = logP.length;
        int[] queryMate = new int[q];
        Arrays.fill(queryMate, -1);
        List<Integer> objects = new ArrayList<>();
        for (int i = 0; i < t && objects.isEmpty(); i++) {
            boolean[] seen = new boolean[q];
            if (!augment(matched, i, seen, queryMate)) {
                // The objects reached by alternating paths from i: i and the mates of the
                // queries seen, all matched (else i would have been), one query short.
                objects.add(i);
                for (int j = 0; j < q; j++) {
                    if (seen[j]) {
                        objects.add(queryMate[j]);
                    }
                }
            }
        }
        if (objects.isEmpty()) {
            return null;
        }
        objects.sort(null);
        int first = objects.get(0);
        int cheapest = -1;
        double least = Double.POSITIVE_INFINITY;
        for (int j = 0; j < q; j++) {
            if (matched[first][j] == Double.POSITIVE_INFINITY) {
                double pairLoss = pairTerms(logP, boxes, targetClasses, targetBoxes, d, first,
                        j).loss();
                if (cheapest < 0 || pairLoss < least) {
                    least = pairLoss;
                    cheapest = j;
                }
            }
        }
        String who = objects.size() == 1 ? "target object " + first + " has no query in range"
                : "target objects " + objects.toString().replace('[', '{').replace(']', '}')
                        + " have only " + Checks.count(objects.size() - 1, "query", "queries")
                        + " in range between them";
        return "no matching avoids pairs out of range, since " + who + " (for instance, "
                + pairTerms(logP, boxes, targetClasses, targetBoxes, d, first, cheapest)
                        .trouble(true) + ")";
    }

    /**
     * Tries to match object {@code i} to a query in range, moving earlier objects along an
     * alternating path; marks the queries it visits in {@code seen}.
     */
    private static boolean augment(double[][] matched, int i, boolean[] seen, int[] queryMate) {
        for (int j = 0; j < queryMate.length; j++) {
            if (matched[i][j] < Double.POSITIVE_INFINITY && !seen[j]) {
                seen[j] = true;
                if (queryMate[j] < 0 || augment(matched, queryMate[j], seen, queryMate)) {
                    queryMate[j] = i;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the cost matrix. Without {@code matched}, every term of every entry and every
     * entry must be finite (else the first pair that fails is named). With {@code matched},
     * also fills it with the loss of every matched pair,
     * {@code M[i][j] = -log p_j(c_i) + L_box(b_i, b^_j)}, on which the matching is solved; a
     * pair out of range (its loss, or a term of it, above
     * {@link LinearAssignmentSolver#MAX_MAGNITUDE} or not finite) is forbidden there:
     * {@code matched[i][j]} is {@code +Infinity} and {@code cost[i][j]} holds the pair's loss
     * (a lower bound of the loss of every matching that uses it), not a term of {@code C}.
     */
    private double[][] costMatrix(double[][] logP, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes, int d, double[][] matched) {
        int q = logP.length;
        int t = targetClasses.length;
        double[][] cost = new double[t][q];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < q; j++) {
                PairTerms terms = pairTerms(logP, boxes, targetClasses, targetBoxes, d, i, j);
                if (matched == null) {
                    String trouble = terms.trouble(false);
                    if (trouble != null) {
                        throw new IllegalArgumentException(trouble);
                    }
                    cost[i][j] = terms.cost();
                } else if (terms.trouble(true) == null) {
                    cost[i][j] = terms.cost();
                    matched[i][j] = terms.loss();
                } else {
                    cost[i][j] = terms.loss();
                    matched[i][j] = Double.POSITIVE_INFINITY;
                }
            }
        }
        return cost;
    }

    /** Computes the terms of matching object {@code i} to query {@code j}. */
    private PairTerms pairTerms(double[][] logP, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes, int d, int i, int j) {
        int c = targetClasses[i];
        double l1 = 0;
        double l1Term = 0;
        if (weights.box() > 0) {
            for (int k = 0; k < d; k++) {
                l1 += Math.abs(targetBoxes[i][k] - boxes[j][k]);
            }
            l1Term = weightedL1(weights.box(), l1, targetBoxes[i], boxes[j]);
        }
        double giouTerm = 0;
        if (weights.giou() > 0) {
            giouTerm = weights.giou() * (1 - GeneralizedIoU.value(targetBoxes[i], boxes[j]));
        }
        return new PairTerms(i, j, c, -logP[j][c], weightedLogNoObject(logP[j]), l1, l1Term,
                giouTerm, weights);
    }

    /**
     * Returns {@code weight ||a - b||_1} for a weight {@code > 0} and the distance {@code l1}
     * summed in doubles, overflowing only when the weighted term itself exceeds
     * {@link Double#MAX_VALUE}. When a difference, their sum or the product overflows, the
     * distance is summed again on the coordinates scaled by {@code 2^-64} and the product
     * scaled back: scaling by a power of two is exact (coordinates that become subnormal
     * lose bits only below about {@code 1e-304}, far below the distance, which is then above
     * 1), so the result is the one a double without an exponent limit would give, rounded the same
     * way as {@code weight * l1} where that is finite.
     */
    static double weightedL1(double weight, double l1, double[] a, double[] b) {
        double term = weight * l1;
        if (Double.isFinite(term)) {
            return term;
        }
        double scaled = 0;
        for (int k = 0; k < a.length; k++) {
            scaled += Math.abs(Math.scalb(a[k], -L1_SCALE) - Math.scalb(b[k], -L1_SCALE));
        }
        return Math.scalb(weight * scaled, L1_SCALE);
    }

    /**
     * The terms of matching object {@code i} (class {@code c}) to query {@code j}: the class
     * loss {@code -log p_j(c)}, {@code w0 log p_j(null)}, the L1 distance, and the weighted L1
     * and GIoU terms.
     */
    private record PairTerms(int i, int j, int c, double minusLogClass,
            double weightedLogNoObject, double l1, double l1Term, double giouTerm,
            Weights weights) {

        /** The class term of {@code C}, {@code -log p_j(c) + w0 log p_j(null)}. */
        double classTerm() {
            return minusLogClass + weightedLogNoObject;
        }

        /** The entry {@code C[i][j]}. */
        double cost() {
            return classTerm() + l1Term + giouTerm;
        }

        /** The loss {@code M[i][j]} of the matched pair. */
        double loss() {
            return minusLogClass + l1Term + giouTerm;
        }

        /**
         * Returns why the pair cannot enter {@code C} (a term or the entry not finite), or
         * with {@code solved} also why it cannot enter the matching (its loss beyond
         * {@link LinearAssignmentSolver#MAX_MAGNITUDE}); null if it can.
         */
        String trouble(boolean solved) {
            double classTerm = classTerm();
            if (!Double.isFinite(classTerm)) {
                return pair(i, j) + " has a class term -log p(class " + c + ") + w0 log p(no"
                        + " object) = " + classTerm + ": the logits of query " + j + " lie"
                        + " too far apart for the term to be finite with w0 = "
                        + weights.noObject();
            }
            if (!Double.isFinite(l1Term)) {
                return pair(i, j) + " has an L1 term lambda_L1 ||b - b^||_1 = " + l1Term + ": "
                        + (Double.isFinite(l1) ? "the L1 distance " + l1 + " times the box"
                                + " weight lambda_L1 = " + weights.box() + " overflows"
                                : "the boxes lie too far apart for the box weight lambda_L1 = "
                                        + weights.box());
            }
            double cost = cost();
            if (!Double.isFinite(cost)) {
                return pair(i, j) + " costs " + cost + " (class term " + classTerm
                        + ", L1 term " + l1Term + ", GIoU term " + giouTerm + ")";
            }
            double loss = loss();
            if (solved && !(loss <= LinearAssignmentSolver.MAX_MAGNITUDE)) {
                return pair(i, j) + " costs " + loss + " (class term -log p(class " + c
                        + ") = " + minusLogClass + ", L1 term " + l1Term + ", GIoU term "
                        + giouTerm + "), beyond the largest magnitude the assignment solver"
                        + " supports, " + LinearAssignmentSolver.MAX_MAGNITUDE;
            }
            return null;
        }
    }

    /**
     * Returns {@code w0 log p(no object)} for one query's log-probabilities, 0 when
     * {@code w0 = 0}; the no-object term of the loss is its negative.
     */
    private double weightedLogNoObject(double[] logP) {
        return weights.noObject() == 0 ? 0.0 : weights.noObject() * logP[classes];
    }

    /** Names a pair of the cost matrix in messages. */
    private static String pair(int i, int j) {
        return "matching target object " + i + " to query " + j;
    }

    /** Checks the shapes and values; returns the box dimension. */
    private int validate(double[][] logits, double[][] boxes, int[] targetClasses,
            double[][] targetBoxes) {
        Objects.requireNonNull(targetClasses, "targetClasses");
        int q = Objects.requireNonNull(logits, "logits").length;
        for (int j = 0; j < q; j++) {
            if (logits[j] != null && logits[j].length != classes + 1) {
                throw new IllegalArgumentException("logits row " + j + " has "
                        + Checks.count(logits[j].length, "entry", "entries") + "; expected "
                        + (classes + 1) + ": one per class (" + classes + ") and the no-object"
                        + " class last");
            }
        }
        Checks.requireShape(logits, q, classes + 1, "logits");
        Checks.requireFinite(logits, "logits");
        int d = Checks.requireRectangular(boxes, "boxes");
        Checks.requireShape(boxes, q, d, "boxes");
        requireFiniteBoxes(boxes, "boxes", "query");
        int t = targetClasses.length;
        if (t > q) {
            throw new IllegalArgumentException(Checks.count(t, "target object") + " but only "
                    + Checks.count(q, "prediction")
                    + ": every object needs a prediction of its own");
        }
        Checks.requireShape(targetBoxes, t, d, "targetBoxes");
        requireFiniteBoxes(targetBoxes, "targetBoxes", "object");
        if (weights.giou() > 0 && q > 0) {
            if (d != GeneralizedIoU.DIMENSION) {
                throw new IllegalArgumentException("the generalized-IoU term (giou weight "
                        + weights.giou() + ") needs boxes (cx, cy, w, h) of dimension 4, got"
                        + " dimension " + d);
            }
            requireBoxSizes(boxes, "boxes", "query");
            requireBoxSizes(targetBoxes, "targetBoxes", "object");
        }
        for (int i = 0; i < t; i++) {
            if (targetClasses[i] < 0 || targetClasses[i] >= classes) {
                throw new IllegalArgumentException("targetClasses[" + i + "] = "
                        + targetClasses[i] + " is outside [0, " + classes + ")");
            }
        }
        return d;
    }

    /** Checks that every box coordinate is finite. */
    private static void requireFiniteBoxes(double[][] boxes, String name, String role) {
        for (int j = 0; j < boxes.length; j++) {
            for (int k = 0; k < boxes[j].length; k++) {
                if (!Double.isFinite(boxes[j][k])) {
                    throw new IllegalArgumentException(name + " must be finite; found "
                            + boxes[j][k] + " at (" + j + ", " + k + "), " + role + " " + j
                            + " coordinate " + k);
                }
            }
        }
    }

    /** Checks that every box (cx, cy, w, h) has a width and height {@code >= 0}. */
    private static void requireBoxSizes(double[][] boxes, String name, String role) {
        for (int j = 0; j < boxes.length; j++) {
            for (int k = 2; k < GeneralizedIoU.DIMENSION; k++) {
                if (boxes[j][k] < 0) {
                    throw new IllegalArgumentException(name + "[" + j + "] (" + role + " " + j
                            + ") has negative " + (k == 2 ? "width" : "height") + " "
                            + boxes[j][k] + "; boxes are (cx, cy, w, h) with w, h >= 0");
                }
            }
        }
    }

    /**
     * Row-wise log-softmax {@code (l_k - max) - log(sum_k' exp(l_k' - max))}, stable for large
     * logits: the offset {@code max} is removed before anything else, so a common offset of
     * every logit (even {@code 1e300}) does not change the result, and each entry is the
     * difference of two numbers {@code <= 0} and {@code >= 0}, so it carries no cancellation.
     */
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
            double logSum = Math.log(sum);
            result[j] = new double[logits[j].length];
            for (int k = 0; k < logits[j].length; k++) {
                result[j][k] = (logits[j][k] - max) - logSum;
            }
        }
        return result;
    }

    /**
     * The set-matching loss at the optimal matching, with its gradient.
     *
     * @param loss the training loss of the returned matching, {@code A + z(C)} in exact
     *     arithmetic, computed from the matching's own terms (see the class description)
     * @param independentTerm {@code A}, the assignment-independent part: the sum of every
     *     query's no-object term, also of a matched query whose term exceeds
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE} (see "Pairs out of range" in the
     *     class description)
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
         * @throws NullPointerException if an array or a row of a gradient is null
         */
        public Result {
            targetToPrediction = Objects.requireNonNull(targetToPrediction,
                    "targetToPrediction").clone();
            logitGradient = Checks.copy(logitGradient, "logitGradient");
            boxGradient = Checks.copy(boxGradient, "boxGradient");
        }

        /**
         * Returns a copy of the query matched to every object.
         *
         * @return a copy of the query matched to every object
         */
        @Override
        public int[] targetToPrediction() {
            return targetToPrediction.clone();
        }

        /**
         * Returns a copy of the gradient with respect to the logits.
         *
         * @return a copy of the gradient with respect to the logits
         */
        @Override
        public double[][] logitGradient() {
            return Checks.copy(logitGradient, "logitGradient");
        }

        /**
         * Returns a copy of the gradient with respect to the predicted boxes.
         *
         * @return a copy of the gradient with respect to the predicted boxes
         */
        @Override
        public double[][] boxGradient() {
            return Checks.copy(boxGradient, "boxGradient");
        }

        /** Compares every component by content, the arrays entry by entry. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Result that
                    && Double.compare(loss, that.loss) == 0
                    && Double.compare(independentTerm, that.independentTerm) == 0
                    && Double.compare(matchedTerm, that.matchedTerm) == 0
                    && Arrays.equals(targetToPrediction, that.targetToPrediction)
                    && unique == that.unique
                    && Arrays.deepEquals(logitGradient, that.logitGradient)
                    && Arrays.deepEquals(boxGradient, that.boxGradient);
        }

        /** Hashes the content that {@link #equals(Object)} compares. */
        @Override
        public int hashCode() {
            int hash = Double.hashCode(loss);
            hash = 31 * hash + Double.hashCode(independentTerm);
            hash = 31 * hash + Double.hashCode(matchedTerm);
            hash = 31 * hash + Arrays.hashCode(targetToPrediction);
            hash = 31 * hash + Boolean.hashCode(unique);
            hash = 31 * hash + Arrays.deepHashCode(logitGradient);
            return 31 * hash + Arrays.deepHashCode(boxGradient);
        }

        /** Returns the loss, its two parts, the matching and the uniqueness flag. */
        @Override
        public String toString() {
            return "SetMatchingLoss.Result[loss=" + loss + ", independentTerm="
                    + independentTerm + ", matchedTerm=" + matchedTerm
                    + ", targetToPrediction=" + Arrays.toString(targetToPrediction)
                    + ", unique=" + unique + "]";
        }
    }
}
