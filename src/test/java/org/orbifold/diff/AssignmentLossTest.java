package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.assign.Sense;

class AssignmentLossTest {

    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-5;

    /**
     * Squared Euclidean costs between movable points {@code x_i} (the parameters, flattened)
     * and fixed targets {@code y_j}: {@code C_ij = ||x_i - y_j||^2}.
     */
    static final class PointCosts implements CostFunction {

        private final double[][] targets;

        PointCosts(double[][] targets) {
            this.targets = targets;
        }

        @Override
        public double[][] costs(double[] theta) {
            int d = targets[0].length;
            int n = theta.length / d;
            double[][] c = new double[n][targets.length];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < targets.length; j++) {
                    for (int k = 0; k < d; k++) {
                        double diff = theta[i * d + k] - targets[j][k];
                        c[i][j] += diff * diff;
                    }
                }
            }
            return c;
        }

        @Override
        public double[] vectorJacobianProduct(double[] theta, double[][] cotangent) {
            int d = targets[0].length;
            double[] g = new double[theta.length];
            for (int i = 0; i < cotangent.length; i++) {
                for (int j = 0; j < targets.length; j++) {
                    for (int k = 0; k < d; k++) {
                        g[i * d + k] += cotangent[i][j] * 2 * (theta[i * d + k] - targets[j][k]);
                    }
                }
            }
            return g;
        }
    }

    @Test
    void resultsCompareHashAndPrintByContent() {
        AssignmentLoss loss = new AssignmentLoss(
                new PointCosts(new double[][] {{0, 0}, {1, 0}}), Sense.MINIMIZE);
        double[] theta = {0.9, 0.1, 0.2, -0.1};
        AssignmentLoss.Result r = loss.valueAndGradient(theta);
        AssignmentLoss.Result again = loss.valueAndGradient(theta.clone());
        assertEquals(r, again);
        assertEquals(r.hashCode(), again.hashCode());
        assertEquals("AssignmentLoss.Result[value=" + r.value() + ", gradient="
                + Arrays.toString(r.gradient()) + ", assignment=" + r.assignment() + "]",
                r.toString());
        assertTrue(r.toString().contains("rowToColumn=[1, 0]"), r.toString());
        double[] otherGradient = r.gradient();
        otherGradient[3] += 1;
        assertNotEquals(r, new AssignmentLoss.Result(r.value(), otherGradient,
                r.assignment()));
        assertNotEquals(r, loss.valueAndGradient(new double[] {0.9, 0.1, 0.2, 0.1}));
    }

    @Test
    void chainRuleAgreesWithFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(51);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(5);
            int m = n + random.nextInt(3);
            double[][] targets = AssignmentValueTest.randomMatrix(random, m, 2);
            double[] theta = AssignmentValueTest.randomMatrix(random, 1, 2 * n)[0];
            Sense sense = trial % 2 == 0 ? Sense.MINIMIZE : Sense.MAXIMIZE;
            AssignmentLoss loss = new AssignmentLoss(new PointCosts(targets), sense);
            AssignmentLoss.Result r = loss.valueAndGradient(theta);
            assertTrue(r.assignment().unique());
            double[] direction = AssignmentValueTest.randomMatrix(random, 1, 2 * n)[0];
            double plus = loss.valueAndGradient(axpy(theta, direction, STEP)).value();
            double minus = loss.valueAndGradient(axpy(theta, direction, -STEP)).value();
            double predicted = 0;
            for (int k = 0; k < theta.length; k++) {
                predicted += r.gradient()[k] * direction[k];
            }
            assertEquals(predicted, (plus - minus) / (2 * STEP), FD_TOL);
        }
    }

    @Test
    void gradientDescentReachesZeroWhenThePointSetCanBeMatchedExactly() {
        double[][] targets = {{0, 0}, {1, 0}, {0, 1}, {2, 2}};
        double[] theta = {0.9, 0.8, 0.1, 0.2, 1.5, -0.3, -0.4, 0.7};
        AssignmentLoss loss = new AssignmentLoss(new PointCosts(targets), Sense.MINIMIZE);
        double first = loss.valueAndGradient(theta).value();
        double last = first;
        for (int step = 0; step < 200; step++) {
            AssignmentLoss.Result r = loss.valueAndGradient(theta);
            last = r.value();
            theta = axpy(theta, r.gradient(), -0.25);
        }
        assertTrue(first > 1.0, "starts away from the targets: " + first);
        assertTrue(last < 1e-12, "loss fell from " + first + " to " + last);
    }

    @Test
    void costsBeyondTheSolversLimitAreNamedAsCostsOfTheta() {
        // A finite cost of 1e305 reached the solver, whose message named a "matrix".
        AssignmentLoss loss = new AssignmentLoss(new PointCosts(new double[][] {{0, 0}}),
                Sense.MINIMIZE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.valueAndGradient(new double[] {1e152, 0}));
        assertEquals("costs(theta) entry (0, 0) = " + 1e152 * 1e152 + " exceeds the largest"
                + " supported magnitude 1.0E300", e.getMessage());
    }

    @Test
    void badCostFunctionsAndParametersAreRejected() {
        double[][] targets = {{0, 0}};
        AssignmentLoss loss = new AssignmentLoss(new PointCosts(targets), Sense.MINIMIZE);
        assertThrows(IllegalArgumentException.class,
                () -> loss.valueAndGradient(new double[] {Double.NaN, 0}));
        CostFunction shortJacobian = new CostFunction() {
            @Override
            public double[][] costs(double[] theta) {
                return new double[][] {{theta[0]}};
            }

            @Override
            public double[] vectorJacobianProduct(double[] theta, double[][] cotangent) {
                return new double[0];
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AssignmentLoss(shortJacobian, Sense.MINIMIZE)
                        .valueAndGradient(new double[] {1}));
        assertTrue(e.getMessage().contains("theta has 1"), e.getMessage());
        CostFunction infinite = new CostFunction() {
            @Override
            public double[][] costs(double[] theta) {
                return new double[][] {{Double.POSITIVE_INFINITY}};
            }

            @Override
            public double[] vectorJacobianProduct(double[] theta, double[][] cotangent) {
                return new double[theta.length];
            }
        };
        assertThrows(IllegalArgumentException.class,
                () -> new AssignmentLoss(infinite, Sense.MINIMIZE)
                        .valueAndGradient(new double[] {1}));
    }

    @Test
    void forbiddenPairsAreNeverChosenAndGetGradientZero() {
        // Two points and two targets; forbidding point 0 with target 0 forces the crossing.
        double[][] targets = {{0, 0}, {1, 0}};
        PointCosts points = new PointCosts(targets);
        CostFunction masked = new CostFunction() {
            @Override
            public double[][] costs(double[] theta) {
                double[][] c = points.costs(theta);
                c[0][0] = Double.POSITIVE_INFINITY;
                return c;
            }

            @Override
            public double[] vectorJacobianProduct(double[] theta, double[][] cotangent) {
                assertEquals(0.0, cotangent[0][0], "a forbidden pair is never chosen");
                return points.vectorJacobianProduct(theta, cotangent);
            }
        };
        double[] theta = {0.1, 0.2, 0.9, -0.1};
        AssignmentLoss.Result r = new AssignmentLoss(masked, Sense.MINIMIZE)
                .valueAndGradient(theta);
        // Point 0 to target 1 and point 1 to target 0: 0.81 + 0.04 + 0.81 + 0.01.
        assertEquals(1.67, r.value(), 1e-12);
        assertEquals(1, r.assignment().columnOf(0));
        assertTrue(r.assignment().unique());
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            AssignmentLoss loss = new AssignmentLoss(masked, Sense.MINIMIZE);
            double difference = (loss.valueAndGradient(plus).value()
                    - loss.valueAndGradient(minus).value()) / 2e-6;
            assertEquals(difference, r.gradient()[k], 1e-6, "coordinate " + k);
        }

        // -Infinity forbids nothing when minimising: refused, naming the entry.
        CostFunction wrongSign = new CostFunction() {
            @Override
            public double[][] costs(double[] theta) {
                return new double[][] {{Double.NEGATIVE_INFINITY, 0}};
            }

            @Override
            public double[] vectorJacobianProduct(double[] theta, double[][] cotangent) {
                return new double[theta.length];
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AssignmentLoss(wrongSign, Sense.MINIMIZE)
                        .valueAndGradient(new double[] {1}));
        assertEquals("costs(theta) must be finite or Infinity (a forbidden pair when MINIMIZE);"
                + " found -Infinity at (0, 0)", e.getMessage());
        assertEquals(0.0, new AssignmentLoss(wrongSign, Sense.MAXIMIZE)
                .valueAndGradient(new double[] {1}).value());
    }

    @Test
    void aJacobianProductThatIsNotFiniteIsRefusedNamingIt() {
        // It was returned as gradient=[NaN] without a word.
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            CostFunction broken = new CostFunction() {
                @Override
                public double[][] costs(double[] theta) {
                    return new double[][] {{theta[0], theta[1]}};
                }

                @Override
                public double[] vectorJacobianProduct(double[] theta, double[][] cotangent) {
                    return new double[] {1, bad};
                }
            };
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AssignmentLoss(broken, Sense.MINIMIZE)
                            .valueAndGradient(new double[] {1, 2}));
            assertEquals("vectorJacobianProduct(theta, P*) must be finite; found " + bad
                    + " at index 1", e.getMessage());
        }
    }

    private static double[] axpy(double[] x, double[] d, double t) {
        double[] r = x.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] += t * d[k];
        }
        return r;
    }
}
