import java.io.PrintStream;
import org.orbifold.io.QaplibInstance;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;

/**
 * Solves a small Koopmans-Beckmann quadratic assignment problem, the problem of SciPy's
 * {@code scipy.optimize.quadratic_assignment(A, B)}: place ten facilities with flows
 * {@code A[i][j]} between them at ten locations with distances {@code B[a][b]} so that
 * {@code sum_{i, j} A[i][j] B[p(i)][p(j)]} is least.
 *
 * <p>The library has no separate QAP call: {@link QaplibInstance} turns the two matrices into
 * two graphs whose similarity under a matching {@code p} is {@code -cost(p)}, so any aligner
 * solves the problem, and {@link QaplibInstance#objective} gives the cost. The permutation
 * sends facility {@code i} to location {@code p(i)}, as SciPy's {@code col_ind} does. The
 * default aligner {@code faq} is a heuristic, here 2 above the optimum; {@code exact} proves
 * its answer optimal, by branch and bound, so use it on small problems only.
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

        // The QAP as a graph alignment: the heuristic default aligner, then the exact one.
        QaplibInstance qap = new QaplibInstance("grid10", flows, distances);
        Graph[] xy = qap.toGraphs(); // X from A, Y from -B: similarity(X, Y, p) = -cost(p)
        Alignment a = Aligners.byName("faq", 42).align(qap.graphSpace(), xy[0], xy[1]);
        double cost = qap.objective(a.permutation()); // sum_ij A[i][j] B[p(i)][p(j)]
        print(out, "faq", cost, a);
        Alignment proven = Aligners.byName("exact", 42).align(qap.graphSpace(), xy[0], xy[1]);
        double best = qap.objective(proven.permutation());
        print(out, "exact", best, proven);
        return best;
    }

    private static void print(PrintStream out, String aligner, double cost, Alignment a) {
        out.printf("%-6s cost %.0f, facility i at location %s, proven optimal %s%n", aligner,
                cost, a.permutation(), a.certified());
    }
}
