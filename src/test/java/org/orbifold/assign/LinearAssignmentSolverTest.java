package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.HopcroftKarpMaximumCardinalityBipartiteMatching;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Permutation;

class LinearAssignmentSolverTest {

    /** Relative tolerance for values and certificates of exact algorithms. */
    private static final double TOL = 1e-9;

    private static final long SEED = 20240611L;

    // ---------------------------------------------------------------- brute force, n <= 8

    @Test
    void matchesBruteForceOnRandomRealCosts() {
        SplittableRandom random = new SplittableRandom(SEED);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (int trial = 0; trial < 1200; trial++) {
            int n = 1 + random.nextInt(8);
            int m = random.nextInt(3) == 0 ? n : 1 + random.nextInt(8);
            double[][] matrix = randomMatrix(random, n, m, -10.0, 10.0);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            assertOptimal(solver, matrix, sense, "trial " + trial);
        }
    }

    @Test
    void matchesBruteForceOnSmallIntegerCostsWithManyTies() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (int trial = 0; trial < 1200; trial++) {
            int n = 1 + random.nextInt(8);
            int m = random.nextInt(3) == 0 ? n : 1 + random.nextInt(8);
            double[][] matrix = randomIntegerMatrix(random, n, m, 3);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            assertOptimal(solver, matrix, sense, "trial " + trial);
        }
    }

    @Test
    void matchesBruteForceWithForbiddenEntriesAndDetectsInfeasibility() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int infeasible = 0;
        for (int trial = 0; trial < 1200; trial++) {
            int n = 1 + random.nextInt(7);
            int m = random.nextInt(3) == 0 ? n : 1 + random.nextInt(7);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            double forbidden = sense == Sense.MINIMIZE
                    ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            double density = 0.2 + 0.5 * random.nextDouble();
            double[][] matrix = randomIntegerMatrix(random, n, m, 5);
            for (double[] row : matrix) {
                for (int j = 0; j < m; j++) {
                    if (random.nextDouble() < density) {
                        row[j] = forbidden;
                    }
                }
            }
            if (Double.isNaN(BruteForce.optimum(matrix, sense))) {
                infeasible++;
                assertThrows(InfeasibleAssignmentException.class,
                        () -> solver.solve(matrix, sense), "trial " + trial);
            } else {
                assertOptimal(solver, matrix, sense, "trial " + trial);
            }
        }
        assertTrue(infeasible > 100 && infeasible < 1100,
                "both feasible and infeasible patterns occur: " + infeasible);
    }

    // ---------------------------------------------------------------- certificates, n <= 500

    @Test
    void certifiesLargeUniformRealInstances() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int[][] shapes = {{50, 50}, {200, 200}, {500, 500}, {120, 300}, {300, 120}, {499, 500}};
        for (int[] shape : shapes) {
            for (Sense sense : Sense.values()) {
                double[][] matrix = randomMatrix(random, shape[0], shape[1], 0.0, 1.0);
                AssignmentResult result = solver.solve(matrix, sense);
                assertTrue(result.isCertified(matrix, TOL),
                        shape[0] + " x " + shape[1] + " " + sense);
            }
        }
    }

    @Test
    void certifiesLargeIntegerInstancesWithTies() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int[][] shapes = {{50, 50}, {200, 200}, {500, 500}, {120, 300}, {300, 120}, {500, 499}};
        for (int[] shape : shapes) {
            for (Sense sense : Sense.values()) {
                double[][] matrix = randomIntegerMatrix(random, shape[0], shape[1], 100);
                AssignmentResult result = solver.solve(matrix, sense);
                assertTrue(result.isCertified(matrix, TOL),
                        shape[0] + " x " + shape[1] + " " + sense);
                assertEquals(Math.rint(result.value()), result.value(),
                        "integer costs give an integer value");
            }
        }
    }

    @Test
    void certifiesLargeInstancesWithFeasibleForbiddenPattern() {
        // A band of allowed entries around a random permutation keeps the problem feasible.
        SplittableRandom random = new SplittableRandom(SEED + 5);
        int n = 300;
        double[][] matrix = randomMatrix(random, n, n, 0.0, 1.0);
        int[] planted = Permutation.random(n, random).toArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean keep = j == planted[i] || random.nextDouble() < 0.05;
                if (!keep) {
                    matrix[i][j] = Double.POSITIVE_INFINITY;
                }
            }
        }
        AssignmentResult result = LinearAssignmentSolver.minimize(matrix);
        assertTrue(result.isCertified(matrix, TOL));
    }

    @Test
    void certifiesStructuredInstancesFullOfTies() {
        // Constant, rank-one, distance-like and repeated-row matrices stress the tie handling.
        int n = 300;
        double[][] constant = new double[n][n];
        double[][] product = new double[n][n];
        double[][] squaredGap = new double[n][n];
        double[][] repeatedRows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                constant[i][j] = 7;
                product[i][j] = i * j;
                squaredGap[i][j] = (i - j) * (i - j);
                repeatedRows[i][j] = (j * 37) % 11;
            }
        }
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (double[][] matrix : new double[][][] {constant, product, squaredGap, repeatedRows}) {
            for (Sense sense : Sense.values()) {
                assertTrue(solver.solve(matrix, sense).isCertified(matrix, TOL), sense.name());
            }
        }
        assertEquals(7.0 * n, solver.solve(constant, Sense.MINIMIZE).value(), 0.0);
        assertEquals(0.0, solver.solve(squaredGap, Sense.MINIMIZE).value(), 0.0);
    }

    @Test
    void rectangularPotentialsSatisfyTheSignConditions() {
        SplittableRandom random = new SplittableRandom(SEED + 9);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(20);
            int m = n + 1 + random.nextInt(20);
            double[][] wide = randomMatrix(random, n, m, -5.0, 5.0);
            for (Sense sense : Sense.values()) {
                AssignmentResult result = new LinearAssignmentSolver().solve(wide, sense);
                double[] v = result.columnPotentials();
                for (int j = 0; j < m; j++) {
                    assertTrue(sense.sign() * v[j] <= 0, "s v_j <= 0 at column " + j);
                    if (result.rowOf(j) < 0) {
                        assertEquals(0.0, v[j], 0.0, "unassigned column " + j);
                    }
                }
                double[][] tall = transpose(wide);
                AssignmentResult transposed = new LinearAssignmentSolver().solve(tall, sense);
                assertEquals(result.value(), transposed.value(), TOL * 5 * (m + 1));
                double[] u = transposed.rowPotentials();
                for (int i = 0; i < m; i++) {
                    assertTrue(sense.sign() * u[i] <= 0, "s u_i <= 0 at row " + i);
                    if (transposed.columnOf(i) < 0) {
                        assertEquals(0.0, u[i], 0.0, "unassigned row " + i);
                    }
                }
            }
        }
    }

    @Test
    void mediumInstancesNearTheFeasibilityThresholdAreCertifiedOrRejected() {
        // Sparse random patterns of allowed entries around the density where Hall's condition
        // starts to fail: every outcome is a certified result or an infeasibility report.
        SplittableRandom random = new SplittableRandom(SEED + 10);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        int certified = 0;
        int rejected = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 10 + random.nextInt(50);
            int m = random.nextBoolean() ? n : 10 + random.nextInt(50);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            double forbidden = sense == Sense.MINIMIZE
                    ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            double allowed = Math.log(Math.max(n, m)) / Math.min(n, m) * random.nextDouble() * 2;
            double[][] matrix = trial % 2 == 0
                    ? randomIntegerMatrix(random, n, m, 3)
                    : randomMatrix(random, n, m, -1.0, 1.0);
            for (double[] row : matrix) {
                for (int j = 0; j < m; j++) {
                    if (random.nextDouble() >= allowed) {
                        row[j] = forbidden;
                    }
                }
            }
            try {
                AssignmentResult result = solver.solve(matrix, sense);
                assertTrue(result.isCertified(matrix, TOL), "trial " + trial);
                certified++;
            } catch (InfeasibleAssignmentException e) {
                assertTrue(maximumMatchingOfAllowedEntries(matrix) < Math.min(n, m),
                        "JGraphT confirms infeasibility, trial " + trial);
                rejected++;
            }
        }
        assertTrue(certified > 20 && rejected > 20, certified + " certified, " + rejected
                + " rejected");
    }

    // ---------------------------------------------------------------- known values

    @Test
    void solvesHandDerivedSquareExample() {
        double[][] matrix = {
            {4, 1, 3},
            {2, 0, 5},
            {3, 2, 2},
        };
        // Permutation sums: 012: 4+0+2=6, 021: 4+5+2=11, 102: 1+2+2=5, 120: 1+5+3=9,
        // 201: 3+2+2=7, 210: 3+0+3=6. The minimum is 5 at 102.
        AssignmentResult result = LinearAssignmentSolver.minimize(matrix);
        assertArrayEquals(new int[] {1, 0, 2}, result.rowToColumn());
        assertArrayEquals(new int[] {1, 0, 2}, result.columnToRow());
        assertEquals(5.0, result.value(), 0.0);
        assertTrue(result.isCertified(matrix, TOL));

        // The maximum of the same sums is 11 at 021.
        AssignmentResult max = LinearAssignmentSolver.maximize(matrix);
        assertArrayEquals(new int[] {0, 2, 1}, max.rowToColumn());
        assertEquals(11.0, max.value(), 0.0);
        assertEquals(Sense.MAXIMIZE, max.sense());
        assertTrue(max.isCertified(matrix, TOL));
    }

    @Test
    void handlesNegativeCosts() {
        double[][] matrix = {{-5, -1}, {-2, -7}};
        AssignmentResult result = LinearAssignmentSolver.minimize(matrix);
        assertArrayEquals(new int[] {0, 1}, result.rowToColumn());
        assertEquals(-12.0, result.value(), 0.0);
        assertTrue(result.isCertified(matrix, TOL));
    }

    @Test
    void rectangularLeavesTheLongerSideUnassigned() {
        // Two rows, three columns: row 0 takes column 2 (1), row 1 takes column 0 (1).
        double[][] wide = {{5, 4, 1}, {1, 6, 7}};
        AssignmentResult result = LinearAssignmentSolver.minimize(wide);
        assertArrayEquals(new int[] {2, 0}, result.rowToColumn());
        assertArrayEquals(new int[] {1, -1, 0}, result.columnToRow());
        assertEquals(2.0, result.value(), 0.0);
        assertEquals(0.0, result.columnPotentials()[1], 0.0, "unassigned column has v = 0");
        assertTrue(result.isCertified(wide, TOL));

        double[][] tall = transpose(wide);
        AssignmentResult transposed = LinearAssignmentSolver.minimize(tall);
        assertArrayEquals(new int[] {1, -1, 0}, transposed.rowToColumn());
        assertArrayEquals(new int[] {2, 0}, transposed.columnToRow());
        assertEquals(0.0, transposed.rowPotentials()[1], 0.0, "unassigned row has u = 0");
        assertTrue(transposed.isCertified(tall, TOL));
    }

    @Test
    void handlesEmptyAndSingletonShapes() {
        AssignmentResult empty = LinearAssignmentSolver.minimize(new double[0][]);
        assertEquals(0, empty.rows());
        assertEquals(0, empty.columns());
        assertEquals(0.0, empty.value(), 0.0);
        assertTrue(empty.isCertified(new double[0][], TOL));

        double[][] noColumns = new double[3][0];
        AssignmentResult tall = LinearAssignmentSolver.maximize(noColumns);
        assertArrayEquals(new int[] {-1, -1, -1}, tall.rowToColumn());
        assertEquals(0.0, tall.value(), 0.0);
        assertTrue(tall.isCertified(noColumns, TOL));

        AssignmentResult single = LinearAssignmentSolver.minimize(new double[][] {{-3.5}});
        assertArrayEquals(new int[] {0}, single.rowToColumn());
        assertEquals(-3.5, single.value(), 0.0);

        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        assertEquals(0.0, solver.solveSquare(new double[0], 0, Sense.MINIMIZE, new int[0]), 0.0);
        int[] mate = new int[1];
        assertEquals(7.0, solver.solveSquare(new double[] {7}, 1, Sense.MAXIMIZE, mate), 0.0);
        assertEquals(0, mate[0]);
    }

    @Test
    void certifiesHugeAndTinyMagnitudes() {
        SplittableRandom random = new SplittableRandom(SEED + 6);
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        for (double scale : new double[] {1e15, 1e-15, 1e250, 1e-250}) {
            for (int trial = 0; trial < 50; trial++) {
                int n = 1 + random.nextInt(7);
                int m = 1 + random.nextInt(7);
                double[][] matrix = randomMatrix(random, n, m, -scale, scale);
                if (trial % 2 == 0) {
                    // Mix in entries many orders of magnitude smaller.
                    matrix[0][0] *= 1e-12;
                }
                assertOptimal(solver, matrix, Sense.MINIMIZE, "scale " + scale);
                assertOptimal(solver, matrix, Sense.MAXIMIZE, "scale " + scale);
            }
        }
    }

    // ---------------------------------------------------------------- solveSquare

    @Test
    void solveSquareAgreesWithSolve() {
        SplittableRandom random = new SplittableRandom(SEED + 7);
        LinearAssignmentSolver square = new LinearAssignmentSolver();
        LinearAssignmentSolver general = new LinearAssignmentSolver();
        for (int trial = 0; trial < 400; trial++) {
            int n = random.nextInt(31);
            double[][] matrix = trial % 2 == 0
                    ? randomIntegerMatrix(random, n, n, 10)
                    : randomMatrix(random, n, n, -1.0, 1.0);
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            int[] rowToColumn = new int[n];
            double value = square.solveSquare(flatten(matrix), n, sense, rowToColumn);
            AssignmentResult result = general.solve(matrix, sense);
            assertArrayEquals(result.rowToColumn(), rowToColumn, "trial " + trial);
            assertEquals(result.value(), value, 0.0, "trial " + trial);
        }
    }

    @Test
    void solveSquareReadsOnlyTheLeadingBlockOfLongerArrays() {
        double[] buffer = {4, 1, 3, 2, 0, 5, 3, 2, 2, Double.NaN, Double.NaN};
        int[] rowToColumn = {9, 9, 9, 9};
        double value = new LinearAssignmentSolver()
                .solveSquare(buffer, 3, Sense.MINIMIZE, rowToColumn);
        assertEquals(5.0, value, 0.0);
        assertArrayEquals(new int[] {1, 0, 2, 9}, rowToColumn);
    }

    @Test
    void solveSquareHonoursForbiddenEntries() {
        double inf = Double.POSITIVE_INFINITY;
        double[] matrix = {inf, 1, 9, inf};
        int[] rowToColumn = new int[2];
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        assertEquals(10.0, solver.solveSquare(matrix, 2, Sense.MINIMIZE, rowToColumn), 0.0);
        assertArrayEquals(new int[] {1, 0}, rowToColumn);
        double[] gains = {-inf, 1, 9, -inf};
        assertEquals(10.0, solver.solveSquare(gains, 2, Sense.MAXIMIZE, rowToColumn), 0.0);
        double[] blocked = {inf, inf, 1, 2};
        assertThrows(InfeasibleAssignmentException.class,
                () -> solver.solveSquare(blocked, 2, Sense.MINIMIZE, rowToColumn));
    }

    @Test
    void resultsDoNotDependOnEarlierCalls() {
        SplittableRandom random = new SplittableRandom(SEED + 8);
        double[][] matrix = randomIntegerMatrix(random, 12, 12, 3);
        LinearAssignmentSolver reused = new LinearAssignmentSolver();
        reused.solve(randomMatrix(random, 40, 25, 0, 1), Sense.MAXIMIZE);
        reused.solve(randomIntegerMatrix(random, 12, 12, 1), Sense.MINIMIZE);
        assertEquals(LinearAssignmentSolver.minimize(matrix), reused.solve(matrix,
                Sense.MINIMIZE));
    }

    // ---------------------------------------------------------------- input rules

    @Test
    void rejectsNanNamingRowAndColumn() {
        double[][] matrix = {{1, 2}, {3, Double.NaN}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignmentSolver.minimize(matrix));
        assertTrue(e.getMessage().contains("(1, 1)") && e.getMessage().contains("NaN"),
                e.getMessage());
        double[] flat = {1, 2, Double.NaN, 4};
        IllegalArgumentException flatError = assertThrows(IllegalArgumentException.class,
                () -> new LinearAssignmentSolver().solveSquare(flat, 2, Sense.MAXIMIZE,
                        new int[2]));
        assertTrue(flatError.getMessage().contains("(1, 0)"), flatError.getMessage());
    }

    @Test
    void rejectsTheInfinityThatMakesTheOptimumUnbounded() {
        double[][] minusInfinity = {{1, Double.NEGATIVE_INFINITY}, {3, 4}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignmentSolver.minimize(minusInfinity));
        assertEquals("matrix entry (0, 1) is -Infinity, which would make the minimum minus"
                + " infinity; when minimising, only Infinity is allowed (it marks a forbidden"
                + " pair)", e.getMessage());
        assertFalse(e instanceof InfeasibleAssignmentException);

        double[][] plusInfinity = {{1, 2}, {Double.POSITIVE_INFINITY, 4}};
        IllegalArgumentException plus = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignmentSolver.maximize(plusInfinity));
        assertEquals("matrix entry (1, 0) is Infinity, which would make the maximum plus"
                + " infinity; when maximising, only -Infinity is allowed (it marks a forbidden"
                + " pair)", plus.getMessage());
        // The same entries are a forbidden pair in the other sense.
        assertEquals(5.0, LinearAssignmentSolver.minimize(plusInfinity).value(), 0.0);
        assertEquals(5.0, LinearAssignmentSolver.maximize(minusInfinity).value(), 0.0);
    }

    @Test
    void rejectsEntriesBeyondTheSupportedMagnitude() {
        double[][] matrix = {{1, 2}, {3, 1e305}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignmentSolver.minimize(matrix));
        assertTrue(e.getMessage().contains("(1, 1)"), e.getMessage());
    }

    @Test
    void rejectsRaggedAndNullRows() {
        double[][] ragged = {{1, 2, 3}, {4, 5}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignmentSolver.minimize(ragged));
        assertEquals("matrix is ragged: row 1 has 2 entries, row 0 has 3", e.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignmentSolver.minimize(new double[][] {{1, 2}, {3}}));
        assertEquals("matrix is ragged: row 1 has 1 entry, row 0 has 2", one.getMessage());
        double[][] withNull = {{1, 2}, null};
        assertThrows(NullPointerException.class, () -> LinearAssignmentSolver.minimize(withNull));
        assertThrows(NullPointerException.class, () -> LinearAssignmentSolver.minimize(null));
    }

    @Test
    void rejectsBadSolveSquareArguments() {
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        assertThrows(IllegalArgumentException.class,
                () -> solver.solveSquare(new double[4], -1, Sense.MINIMIZE, new int[2]));
        IllegalArgumentException short1 = assertThrows(IllegalArgumentException.class,
                () -> solver.solveSquare(new double[1], 2, Sense.MINIMIZE, new int[2]));
        assertEquals("matrix has 1 entry; order 2 needs 4", short1.getMessage());
        IllegalArgumentException block = assertThrows(IllegalArgumentException.class,
                () -> solver.solveRectangular(new double[1], 1, 2, 2, Sense.MINIMIZE,
                        new int[1]));
        assertEquals("matrix has 1 entry; 1 row of 2 columns at stride 2 need 2",
                block.getMessage());
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> solver.solveRectangular(new double[4], 2, 1, 0, Sense.MINIMIZE,
                        new int[2]));
        assertEquals("stride 0 is smaller than the number of columns, 1", stride.getMessage());
        IllegalArgumentException mates = assertThrows(IllegalArgumentException.class,
                () -> solver.solveRectangular(new double[4], 1, 2, 2, Sense.MINIMIZE,
                        new int[0]));
        assertEquals("rowToColumn has length 0; 1 row needs 1", mates.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> solver.solveSquare(new double[4], 2, Sense.MINIMIZE, new int[1]));
    }

    @Test
    void sizesBeyondAnIntArrayAreAnIllegalArgumentNotAnOverflow() {
        // 65536^2 = 2^32 entries overflow an int; the order is refused like a short array.
        LinearAssignmentSolver solver = new LinearAssignmentSolver();
        IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
                () -> solver.solveSquare(new double[4], 65536, Sense.MINIMIZE,
                        new int[65536]));
        assertEquals("matrix has 4 entries; order 65536 needs 4294967296", square.getMessage());

        // 46341^2 = 2147488281 > Integer.MAX_VALUE entries, with every row the same array.
        double[] row = new double[46341];
        double[][] matrix = new double[row.length][];
        Arrays.fill(matrix, row);
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(matrix, Sense.MINIMIZE));
        assertEquals("matrix has 46341 rows of 46341 columns, 2147488281 entries; the flat"
                + " copy the solver works on holds at most 2147483647", flat.getMessage());
    }

    @Test
    void infeasibilityMessageNamesAHallViolatingSet() {
        double inf = Double.POSITIVE_INFINITY;
        // Rows 1 and 3 may only use column 2.
        double[][] matrix = {
            {1, 2, 3, 4},
            {inf, inf, 5, inf},
            {1, 1, 1, 1},
            {inf, inf, 7, inf},
        };
        InfeasibleAssignmentException e = assertThrows(InfeasibleAssignmentException.class,
                () -> LinearAssignmentSolver.minimize(matrix));
        assertTrue(e.getMessage().contains(
                "2 rows {1, 3} have allowed entries in only 1 column,"), e.getMessage());

        // More rows than columns: now every column must be assigned; column 1 is forbidden.
        double[][] tall = {{1, inf}, {2, inf}, {3, inf}};
        InfeasibleAssignmentException tallError = assertThrows(
                InfeasibleAssignmentException.class, () -> LinearAssignmentSolver.minimize(tall));
        assertTrue(tallError.getMessage().contains("1 column {1} has"), tallError.getMessage());
    }

    @Test
    void certificateCheckRejectsWrongResults() {
        double[][] matrix = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        AssignmentResult right = LinearAssignmentSolver.minimize(matrix);
        AssignmentResult suboptimal = new AssignmentResult(new int[] {0, 1, 2},
                new int[] {0, 1, 2}, 6.0, right.rowPotentials(), right.columnPotentials(),
                Sense.MINIMIZE);
        assertFalse(suboptimal.isCertified(matrix, TOL));
        AssignmentResult wrongValue = new AssignmentResult(right.rowToColumn(),
                right.columnToRow(), 4.0, right.rowPotentials(), right.columnPotentials(),
                Sense.MINIMIZE);
        assertFalse(wrongValue.isCertified(matrix, TOL));
        AssignmentResult wrongSense = new AssignmentResult(right.rowToColumn(),
                right.columnToRow(), right.value(), right.rowPotentials(),
                right.columnPotentials(), Sense.MAXIMIZE);
        assertFalse(wrongSense.isCertified(matrix, TOL));
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> right.isCertified(new double[][] {{1}}, TOL));
        assertEquals("matrix has 1 row; this result has 3", rows.getMessage());
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> right.isCertified(new double[][] {{1, 2, 3}, {1}, {1, 2, 3}}, TOL));
        assertEquals("matrix row 1 has 1 column; this result has 3", columns.getMessage());
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> right.certificateScale(new double[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}}));
        assertEquals("matrix row 1 has 2 columns; this result has 3", scale.getMessage());
    }

    @Test
    void certificateCheckRefusesAToleranceThatIsNotFinite() {
        // An infinite tolerance would certify anything, here a wrong value of a wrong matrix.
        double[][] matrix = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        AssignmentResult right = LinearAssignmentSolver.minimize(matrix);
        double[][] other = {{400, 1, 3}, {2, -50, 5}, {3, 2, 2}};
        for (double tolerance : new double[] {Double.POSITIVE_INFINITY, Double.NaN, -1e-9}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> right.isCertified(other, tolerance));
            assertEquals("tolerance must be finite and >= 0, got " + tolerance, e.getMessage());
        }
        assertFalse(right.isCertified(other, TOL));
    }

    // ---------------------------------------------------------------- helpers

    /** Independent oracle: JGraphT's Hopcroft-Karp on the bipartite graph of finite entries. */
    private static int maximumMatchingOfAllowedEntries(double[][] matrix) {
        Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        int n = matrix.length;
        int m = matrix[0].length;
        Set<Integer> rows = new HashSet<>();
        Set<Integer> columns = new HashSet<>();
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
            rows.add(i);
        }
        for (int j = 0; j < m; j++) {
            graph.addVertex(n + j);
            columns.add(n + j);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (Double.isFinite(matrix[i][j])) {
                    graph.addEdge(i, n + j);
                }
            }
        }
        return new HopcroftKarpMaximumCardinalityBipartiteMatching<>(graph, rows, columns)
                .getMatching().getEdges().size();
    }

    /** Solves, then compares with brute force and checks the certificate. */
    private static void assertOptimal(LinearAssignmentSolver solver, double[][] matrix,
            Sense sense, String what) {
        AssignmentResult result = solver.solve(matrix, sense);
        double expected = BruteForce.optimum(matrix, sense);
        double scale = maxAbsFinite(matrix);
        String message = what + " " + sense + " " + matrix.length + " x " + matrix[0].length;
        assertEquals(expected, result.value(), TOL * scale * (matrix.length + 1), message);
        assertTrue(result.isCertified(matrix, TOL), message);
    }

    static double[][] randomMatrix(SplittableRandom random, int n, int m, double low,
            double high) {
        double[][] matrix = new double[n][m];
        for (double[] row : matrix) {
            for (int j = 0; j < m; j++) {
                row[j] = low + (high - low) * random.nextDouble();
            }
        }
        return matrix;
    }

    static double[][] randomIntegerMatrix(SplittableRandom random, int n, int m, int max) {
        double[][] matrix = new double[n][m];
        for (double[] row : matrix) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextInt(max + 1);
            }
        }
        return matrix;
    }

    static double[] flatten(double[][] matrix) {
        int n = matrix.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, flat, i * n, n);
        }
        return flat;
    }

    private static double[][] transpose(double[][] matrix) {
        double[][] result = new double[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                result[j][i] = matrix[i][j];
            }
        }
        return result;
    }

    private static double maxAbsFinite(double[][] matrix) {
        double max = 0;
        for (double[] row : matrix) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    max = Math.max(max, Math.abs(x));
                }
            }
        }
        return Math.max(max, Double.MIN_NORMAL);
    }
}
