import java.io.PrintStream;
import java.util.Arrays;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment;
import org.orbifold.match.QuadraticAssignment.Solution;

/**
 * Solves a small Koopmans-Beckmann quadratic assignment problem, the problem of SciPy's
 * {@code scipy.optimize.quadratic_assignment(A, B)}: place ten facilities with flows
 * {@code A[i][j]} between them at ten locations with distances {@code B[a][b]} so that
 * {@code sum_{i, j} A[i][j] B[p(i)][p(j)]} is least.
 *
 * <p>{@link QuadraticAssignment#solve} turns the two matrices into two graphs whose
 * similarity under a matching {@code p} is {@code -cost(p)}, so that an aligner, named with its
 * seed, solves the problem; the solution holds the permutation, its cost and whether it is
 * proven optimal. The permutation sends facility {@code i} to location {@code p(i)}, as
 * SciPy's {@code col_ind} does. The default aligner {@code faq} is a heuristic, here 2 above
 * the optimum; {@code exact} proves its answer optimal, by branch and bound, so use it on
 * small problems only. The last call fixes one facility's location, as SciPy's
 * {@code partial_match} does, and finds the best placement of the others.
 *
 * <p>Run from the project folder after {@code mvn package}:
 * {@code java -cp target/orbifold.jar examples/QuadraticAssignmentExample.java}.
 */
public class QuadraticAssignmentExample {

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("usage: java -cp target/orbifold.jar"
                    + " examples/QuadraticAssignmentExample.java");
            System.exit(2);
        }
        run(System.out);
    }

    /**
     * Solves the problem with two aligners and prints their costs and placements.
     *
     * @param out where to print
     * @return the least cost found, that of the exact aligner
     */
    public static double run(PrintStream out) {
        // Flows between ten facilities (symmetric), and Manhattan distances between ten
        // locations, the points (a mod 5, a div 5) of a 5 x 2 grid.
        double[][] flows = {
            {0, 0, 6, 9, 5, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 9, 3, 0, 0, 3, 0},
            {6, 0, 0, 3, 0, 8, 0, 5, 0, 0},
            {9, 0, 3, 0, 0, 6, 0, 0, 0, 0},
            {5, 9, 0, 0, 0, 0, 0, 2, 6, 0},
            {0, 3, 8, 6, 0, 0, 7, 9, 0, 0},
            {0, 0, 0, 0, 0, 7, 0, 5, 6, 0},
            {0, 0, 5, 0, 2, 9, 5, 0, 4, 3},
            {0, 3, 0, 0, 6, 0, 6, 4, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 3, 0, 0}};
        double[][] distances = new double[10][10];
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                distances[a][b] = Math.abs(a % 5 - b % 5) + Math.abs(a / 5 - b / 5);
            }
        }

        // The QAP in one call: the heuristic default aligner, then the exact one.
        Solution s = QuadraticAssignment.solve(flows, distances, Sense.MINIMIZE, "faq", 42);
        double cost = s.objective(); // sum_ij A[i][j] B[p(i)][p(j)], trace(A P B^T P^T)
        int[] location = s.columnIndices(); // facility i at location[i], SciPy's col_ind
        boolean optimal = s.certified(); // proven optimal? false here: faq is a heuristic
        print(out, "faq", cost, location, optimal);
        Solution proven = QuadraticAssignment.solve(flows, distances, Sense.MINIMIZE, "exact",
                42);
        print(out, "exact", proven.objective(), proven.columnIndices(), proven.certified());

        // SciPy's partial_match: facility 9 must go to location 2; exact proves the least cost
        // among the placements that honour the pair.
        int[][] fixed = {{9, 2}};
        Solution pinned = QuadraticAssignment.solve(flows, distances, Sense.MINIMIZE, "exact",
                42, fixed);
        print(out, "fixed", pinned.objective(), pinned.columnIndices(), pinned.certified());
        return proven.objective();
    }

    private static void print(PrintStream out, String aligner, double cost, int[] location,
            boolean certified) {
        out.printf("%-6s cost %.0f, facility i at location %s, proven optimal %s%n", aligner,
                cost, Arrays.toString(location), certified);
    }
}
