package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.orbifold.ReadmeSnippets;

/**
 * The README's linear assignment snippet: its lines run here, and the values its comments
 * state are checked against enumeration of the six permutations.
 */
class ReadmeAssignmentExampleTest {

    @Test
    void readmeExampleRuns() {
        double[][] cost = {{7, 2, 9}, {3, 6, 4}, {5, 9, 1}};
        AssignmentResult best = LinearAssignmentSolver.minimize(cost);
        int[] rowToColumn = best.rowToColumn(); // {1, 0, 2}: row i takes column rowToColumn[i]
        double total = best.value(); // 6.0, the sum of cost[i][rowToColumn[i]]
        double most = LinearAssignmentSolver.maximize(cost).value(); // 21.0, rows to {2, 0, 1}
        double[][] tall = {{7, 2}, {3, 6}, {5, 9}}; // more rows than columns
        int[] partial = LinearAssignmentSolver.minimize(tall).rowToColumn(); // {1, 0, -1}
        cost[0][1] = Double.POSITIVE_INFINITY; // forbids row 0 with column 1 (minimising)
        double allowed = LinearAssignmentSolver.minimize(cost).value(); // 14.0

        assertArrayEquals(new int[] {1, 0, 2}, rowToColumn);
        assertEquals(6.0, total);
        assertEquals(21.0, most);
        assertArrayEquals(new int[] {2, 0, 1},
                LinearAssignmentSolver.maximize(new double[][] {{7, 2, 9}, {3, 6, 4}, {5, 9, 1}})
                        .rowToColumn());
        assertArrayEquals(new int[] {1, 0, -1}, partial);
        assertEquals(14.0, allowed);

        // Enumeration of the 3 x 3 problem: the stated optima are the only ones.
        double[][] original = {{7, 2, 9}, {3, 6, 4}, {5, 9, 1}};
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1},
            {2, 1, 0}};
        int below = 0;
        int above = 0;
        double bestAllowed = Double.POSITIVE_INFINITY;
        for (int[] p : permutations) {
            double sum = original[0][p[0]] + original[1][p[1]] + original[2][p[2]];
            below += sum <= 6.0 ? 1 : 0;
            above += sum >= 21.0 ? 1 : 0;
            if (p[0] != 1) {
                bestAllowed = Math.min(bestAllowed, sum);
            }
        }
        assertEquals(1, below);
        assertEquals(1, above);
        assertEquals(14.0, bestAllowed);
    }

    /** The README's Java snippet on linear assignment consists of lines of the test above. */
    @Test
    void readmeQuotesTheExample() throws IOException {
        assertEquals(9, ReadmeSnippets.quotedLines(Path.of("src", "test", "java", "org",
                "orbifold", "assign", "ReadmeAssignmentExampleTest.java"),
                line -> line.startsWith("double[][] cost = "), "LinearAssignmentSolver"));
    }
}
