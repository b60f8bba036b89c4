package org.orbifold.diff;

/**
 * A cost matrix {@code C(theta)} that depends smoothly on a parameter vector {@code theta},
 * together with its vector-Jacobian product, the one operation that reverse-mode
 * differentiation through an assignment needs: for a cotangent matrix {@code G} of the shape of
 * {@code C}, {@code J(theta)^T vec(G) = sum_ij G_ij grad_theta C_ij(theta)}.
 *
 * <p>Implementations must return matrices of the same shape for every {@code theta}, must not
 * retain or modify the arrays they are given, and should be stateless so that they can be
 * evaluated from several threads.
 */
public interface CostFunction {

    /**
     * Evaluates the cost matrix.
     *
     * @param theta the parameters; not modified
     * @return a new rectangular matrix {@code C(theta)}
     */
    double[][] costs(double[] theta);

    /**
     * Returns {@code sum_ij cotangent[i][j] * dC_ij/dtheta}, evaluated at {@code theta}.
     *
     * @param theta the parameters; not modified
     * @param cotangent a matrix of the shape of {@code costs(theta)}; not modified
     * @return a new vector of the length of {@code theta}
     */
    double[] vectorJacobianProduct(double[] theta, double[][] cotangent);
}
