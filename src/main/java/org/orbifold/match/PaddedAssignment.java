package org.orbifold.match;

import java.util.Arrays;

import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

/**
 * Linear assignments of the aligners on graphs padded to a common order, solved on the
 * rectangle of real nodes only.
 *
 * <p>Aligning {@code Y} (order {@code n_y}) to {@code X} (order {@code n_x}) at matrix order
 * {@code m}, many of the {@code m x m} matrices the aligners assign on, node gains and
 * gradients of the objective, are zero on the rows {@code n_x..m-1} of the padding nodes of
 * {@code X} and on the columns {@code n_y..m-1} of those of {@code Y}: a padding node has no
 * attributes and no edges. Every permutation then gives the zero rows the same sum, 0, so a
 * permutation is optimal for the square problem exactly when its real rows form an optimal
 * assignment of the {@code n_x x m} rectangle of the real rows (likewise for columns), which
 * {@link LinearAssignmentSolver#solveRectangular} solves in {@code O(n_x^2 m)} time instead of
 * {@code O(m^3)}. A matrix whose padding rows are equal but not zero reduces to this case by
 * subtracting that common row from every row, which changes the value of every permutation by
 * the same constant (see {@link GraduatedAssignmentAligner}).
 *
 * <p>Stateless: the solver and the scratch array passed in belong to the calling thread's
 * workspace.
 */
final class PaddedAssignment {

    private PaddedAssignment() {
    }

    /**
     * Sets {@code images} to a permutation that optimises {@code <matrix, Q>} in the given
     * sense, for an {@code m x m} matrix (row-major) whose rows {@code nx..m-1}, those of the
     * padding nodes of X, are zero when {@code nx < m}, and whose columns {@code ny..m-1}, those
     * of the padding nodes of Y, are zero when {@code nx == m}. Only the active rectangle is
     * read and solved, the {@code nx x m} rows of real nodes of X when {@code nx < m}, else the
     * {@code m x ny} columns of real nodes of Y, in {@code O(nx^2 m)} time instead of
     * {@code O(m^3)} ({@link LinearAssignmentSolver#solveRectangular}); when
     * {@code nx == ny == m} the square problem is solved. Completion rule: the rows left without
     * an image receive the columns left unused, both taken in increasing order. The optimum is
     * that of the square problem; among tied optima the one chosen, and the images of padding
     * nodes, can differ from those of a square solve. Allocates nothing once the solver's work
     * arrays have grown.
     *
     * @param solver the calling thread's solver
     * @param matrix the {@code m x m} matrix, row-major; not modified, not retained
     * @param m the matrix order
     * @param nx the number of real rows, at most {@code m}
     * @param ny the number of real columns, at most {@code m}
     * @param sense whether to minimise or maximise
     * @param images receives the permutation in its first {@code m} entries
     * @param used scratch of length at least {@code m}
     */
    static void solve(LinearAssignmentSolver solver, double[] matrix, int m, int nx, int ny,
            Sense sense, int[] images, boolean[] used) {
        if (nx < m) {
            solver.solveRectangular(matrix, nx, m, m, sense, images);
            Arrays.fill(images, nx, m, -1);
        } else if (ny < m) {
            solver.solveRectangular(matrix, m, ny, m, sense, images);
        } else {
            solver.solveSquare(matrix, m, sense, images);
            return;
        }
        Arrays.fill(used, 0, m, false);
        for (int i = 0; i < m; i++) {
            if (images[i] >= 0) {
                used[images[i]] = true;
            }
        }
        int free = 0;
        for (int i = 0; i < m; i++) {
            if (images[i] < 0) {
                while (used[free]) {
                    free++;
                }
                images[i] = free++;
            }
        }
    }
}
