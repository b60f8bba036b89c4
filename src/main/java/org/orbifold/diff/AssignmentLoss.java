package org.orbifold.diff;

import java.util.Arrays;
import java.util.Objects;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

/**
 * The optimal assignment value of a parametrised cost matrix, {@code L(theta) = z(C(theta))}
 * with {@code z(C) = opt over assignments P of <C, P>}, used as a loss, with a generalized
 * gradient by the chain rule.
 *
 * <p><b>Gradient.</b> {@code z} is concave (minimising) or convex (maximising) and piecewise
 * linear, with generalized gradient the convex hull of the optimal assignment matrices
 * {@code P*} ({@link AssignmentValue}). For a continuously differentiable {@code C}, the chain
 * rule of Clarke (1983) gives the element {@code J_C(theta)^T vec(P*)}, computed with one
 * solver call and one {@link CostFunction#vectorJacobianProduct} call; it is the gradient of
 * {@code L} wherever the optimal assignment is unique. This is the observation of Gao, Zhang,
 * Panahi and Arodz that a combinatorial solver's optimal value can be differentiated from a
 * single black-box solve, without differentiating the solution itself.
 *
 * <p><b>Forbidden pairs.</b> A cost of {@code +Infinity} when minimising ({@code -Infinity}
 * when maximising) forbids its pair, as in {@link LinearAssignmentSolver}. A forbidden pair is
 * never chosen, so its entry of {@code P*} is 0 and the cost function's derivative there is
 * never used (the cotangent is 0 there; the returned gradient must still be finite). This is
 * the gradient as long as the set of forbidden pairs does not change near {@code theta}: the
 * loss is not differentiable with respect to making a forbidden pair finite.
 *
 * <p>Not thread-safe: the instance reuses one {@link LinearAssignmentSolver}. Use one per
 * thread.
 *
 * <p><b>Limitations.</b> Where the optimum is tied the returned vector is one element of the
 * generalized gradient (the one of the solver's assignment), not a descent-optimal choice;
 * the result's {@link AssignmentValue#unique()} flag says when this happens.
 */
public final class AssignmentLoss {

    private final CostFunction costFunction;
    private final Sense sense;
    private final double tolerance;
    private final LinearAssignmentSolver solver = new LinearAssignmentSolver();

    /**
     * Creates the loss {@code z(C(theta))}.
     *
     * @param costFunction the cost matrix and its vector-Jacobian product; retained
     * @param sense whether {@code z} minimises or maximises
     * @throws NullPointerException if an argument is null
     */
    public AssignmentLoss(CostFunction costFunction, Sense sense) {
        this(costFunction, sense, AssignmentValue.DEFAULT_TOLERANCE);
    }

    /**
     * Creates the loss {@code z(C(theta))} with a given uniqueness tolerance.
     *
     * @param costFunction the cost matrix and its vector-Jacobian product; retained
     * @param sense whether {@code z} minimises or maximises
     * @param tolerance the relative tolerance of the uniqueness test (see
     *     {@link AssignmentValue}), finite and {@code >= 0}
     * @throws NullPointerException if {@code costFunction} or {@code sense} is null
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite
     */
    public AssignmentLoss(CostFunction costFunction, Sense sense, double tolerance) {
        this.costFunction = Objects.requireNonNull(costFunction, "costFunction");
        this.sense = Objects.requireNonNull(sense, "sense");
        this.tolerance = Checks.requireTolerance(tolerance);
    }

    /**
     * Evaluates the loss and a generalized gradient at {@code theta}.
     *
     * @param theta the parameters, finite; not modified
     * @return the value, the gradient {@code J^T vec(P*)} and the assignment with its
     *     uniqueness flag
     * @throws NullPointerException if {@code theta}, the cost matrix, one of its rows or the
     *     Jacobian product is null
     * @throws IllegalArgumentException if {@code theta} is not finite, the cost matrix is
     *     ragged (the message names the row), a cost is NaN or the infinity of the other sense
     *     (the message names the entry), a finite cost exceeds
     *     {@link LinearAssignmentSolver#MAX_MAGNITUDE} in magnitude, or the cost function's
     *     Jacobian product has the wrong length or an entry that is not finite
     * @throws org.orbifold.assign.InfeasibleAssignmentException if the forbidden pairs leave
     *     no complete assignment
     */
    public Result valueAndGradient(double[] theta) {
        Checks.requireFinite(theta, "theta");
        double[][] costs = costFunction.costs(theta.clone());
        Checks.requireRectangular(costs, "costs(theta)");
        double forbidden = sense == Sense.MINIMIZE ? Double.POSITIVE_INFINITY
                : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < costs.length; i++) {
            for (int j = 0; j < costs[i].length; j++) {
                double c = costs[i][j];
                if (c == forbidden) {
                    continue;
                }
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("costs(theta) must be finite or "
                            + forbidden + " (a forbidden pair when " + sense + "); found " + c
                            + " at (" + i + ", " + j + ")");
                }
                Checks.requireMagnitude(c, "costs(theta)", i, j);
            }
        }
        AssignmentValue assignment = AssignmentValue.of(costs, solver.solve(costs, sense),
                tolerance);
        double[] gradient = costFunction.vectorJacobianProduct(theta.clone(),
                assignment.gradient());
        Objects.requireNonNull(gradient, "vectorJacobianProduct result");
        if (gradient.length != theta.length) {
            throw new IllegalArgumentException("vectorJacobianProduct returned "
                    + Checks.count(gradient.length, "entry", "entries") + "; theta has "
                    + theta.length);
        }
        Checks.requireFinite(gradient, "vectorJacobianProduct(theta, P*)");
        return new Result(assignment.value(), gradient, assignment);
    }

    /**
     * A loss value with one element of its generalized gradient.
     *
     * @param value the loss {@code z(C(theta))}
     * @param gradient {@code J_C(theta)^T vec(P*)}
     * @param assignment the optimal assignment {@code P*} and whether it is unique
     */
    public record Result(double value, double[] gradient, AssignmentValue assignment) {

        /**
         * Copies the gradient.
         *
         * @param value the loss
         * @param gradient the gradient; copied
         * @param assignment the assignment
         * @throws NullPointerException if {@code gradient} or {@code assignment} is null
         */
        public Result {
            gradient = Objects.requireNonNull(gradient, "gradient").clone();
            Objects.requireNonNull(assignment, "assignment");
        }

        /**
         * Returns a copy of the gradient.
         *
         * @return a copy of the gradient
         */
        @Override
        public double[] gradient() {
            return gradient.clone();
        }

        /** Compares the value, the gradient entry by entry and the assignment. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Result that && Double.compare(value, that.value) == 0
                    && Arrays.equals(gradient, that.gradient)
                    && assignment.equals(that.assignment);
        }

        /** Hashes the content that {@link #equals(Object)} compares. */
        @Override
        public int hashCode() {
            int hash = Double.hashCode(value);
            hash = 31 * hash + Arrays.hashCode(gradient);
            return 31 * hash + assignment.hashCode();
        }

        /** Returns the value, the gradient and the assignment. */
        @Override
        public String toString() {
            return "AssignmentLoss.Result[value=" + value + ", gradient="
                    + Arrays.toString(gradient) + ", assignment=" + assignment + "]";
        }
    }
}
