package org.orbifold.assign;

/**
 * Thrown when the forbidden entries of an assignment matrix leave no complete assignment: by
 * Hall's marriage theorem, some set of rows (or of columns, when there are more rows than
 * columns) has fewer allowed partners than members. The message names such a set.
 *
 * <p>It extends {@link IllegalArgumentException} because the matrix given by the caller is the
 * cause; it is detected before any optimisation starts.
 */
public class InfeasibleAssignmentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is infeasible and where
     */
    public InfeasibleAssignmentException(String message) {
        super(message);
    }
}
