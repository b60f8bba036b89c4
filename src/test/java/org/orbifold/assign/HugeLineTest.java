package org.orbifold.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Huge constant lines (a padding row or column of one big value): the solver subtracts them
 * exactly before the search, so it must return the true optimum however large the line is,
 * although the totals of competing assignments round to the same double. Every check compares
 * exact sums ({@link BigDecimal}) of all assignments of a small matrix.
 */
class HugeLineTest {

    private static final double[] HUGE = {1e12, 1e13, 1e14, 1e15, 1e16, 1e20, 1e100, 1e300};

    @Test
    void theReportedPairTakesTheSmallerEntry() {
        double[][] c = {{1e15, 1e15}, {0.54, 0.49}};
        AssignmentResult result = LinearAssignmentSolver.minimize(c);
        assertArrayEquals(new int[] {0, 1}, result.rowToColumn());
        assertTrue(result.isCertified(c, 1e-16));
        double[][] negated = {{-1e15, -1e15}, {-0.54, -0.49}};
        assertArrayEquals(new int[] {0, 1},
                LinearAssignmentSolver.maximize(negated).rowToColumn());
    }

    @Test
    void squareMatricesWithOneOrTwoHugeConstantRowsOrColumns() {
        SplittableRandom random = new SplittableRandom(41);
        for (int trial = 0; trial < 1500; trial++) {
            int n = 2 + random.nextInt(5);
            double[][] c = smallEntries(random, n, n);
            int lines = 1 + random.nextInt(2);
            boolean columns = random.nextBoolean();
            for (int k = 0; k < lines; k++) {
                double value = hugeValue(random);
                int line = random.nextInt(n);
                for (int other = 0; other < n; other++) {
                    if (columns) {
                        c[other][line] = value;
                    } else {
                        c[line][other] = value;
                    }
                }
            }
            checkExactOptimum(c, random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        }
    }

    @Test
    void aConstantRowAndAConstantColumnOfTheSameValue() {
        SplittableRandom random = new SplittableRandom(43);
        for (int trial = 0; trial < 600; trial++) {
            int n = 2 + random.nextInt(5);
            double[][] c = smallEntries(random, n, n);
            double value = hugeValue(random);
            int row = random.nextInt(n);
            int column = random.nextInt(n);
            Arrays.fill(c[row], value);
            for (double[] line : c) {
                line[column] = value;
            }
            checkExactOptimum(c, random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        }
    }

    @Test
    void rectangularMatricesWithHugeConstantLinesOnTheShorterSide() {
        SplittableRandom random = new SplittableRandom(47);
        for (int trial = 0; trial < 1200; trial++) {
            int shortSide = 1 + random.nextInt(5);
            int longSide = shortSide + 1 + random.nextInt(3);
            boolean wide = random.nextBoolean();
            double[][] c = wide ? smallEntries(random, shortSide, longSide)
                    : smallEntries(random, longSide, shortSide);
            int lines = Math.min(shortSide, 1 + random.nextInt(2));
            for (int k = 0; k < lines; k++) {
                double value = hugeValue(random);
                int line = random.nextInt(shortSide);
                for (int other = 0; other < longSide; other++) {
                    if (wide) {
                        c[line][other] = value;
                    } else {
                        c[other][line] = value;
                    }
                }
            }
            checkExactOptimum(c, random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        }
    }

    @Test
    void rectangularMatricesWithHugeLinesOnTheLongerSideThatNoOptimumNeeds() {
        // A line on the longer side is not always assigned, so it is not reduced; when it is
        // worse than every other entry and there are spare lines, no optimum touches it.
        SplittableRandom random = new SplittableRandom(53);
        for (int trial = 0; trial < 800; trial++) {
            int shortSide = 1 + random.nextInt(5);
            int longSide = shortSide + 2 + random.nextInt(2);
            boolean wide = random.nextBoolean();
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            double[][] c = wide ? smallEntries(random, shortSide, longSide)
                    : smallEntries(random, longSide, shortSide);
            for (int k = 0; k < 2; k++) {
                double value = sense.sign() * Math.abs(hugeValue(random));
                int line = random.nextInt(longSide);
                for (int other = 0; other < shortSide; other++) {
                    if (wide) {
                        c[other][line] = value;
                    } else {
                        c[line][other] = value;
                    }
                }
            }
            checkExactOptimum(c, sense);
        }
    }

    @Test
    void nearlyConstantHugeRowsAreReducedToo() {
        // A huge value plus a few units in its last places: a "big M plus cost" row.
        SplittableRandom random = new SplittableRandom(61);
        for (int trial = 0; trial < 800; trial++) {
            int n = 2 + random.nextInt(4);
            int m = n + random.nextInt(3);
            double[][] c = smallEntries(random, n, m);
            double value = hugeValue(random);
            int row = random.nextInt(n);
            for (int j = 0; j < m; j++) {
                c[row][j] = value - Math.signum(value) * random.nextInt(4) * Math.ulp(value);
            }
            checkExactOptimum(c, random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        }
    }

    @Test
    void ordinaryRowsStillGiveTheOptimumAndTheFlatMethodsAgree() {
        // Entries in [1, 2) or integers 5..9: lines within a factor 2 of their minimum, which
        // exact subtraction would allow but which are not nearly constant, so not reduced
        // (a constant integer line is).
        SplittableRandom random = new SplittableRandom(59);
        for (int trial = 0; trial < 800; trial++) {
            int n = 1 + random.nextInt(6);
            int m = 1 + random.nextInt(6);
            double[][] c = new double[n][m];
            boolean integers = random.nextBoolean();
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = integers ? 5 + random.nextInt(5) : 1 + random.nextDouble();
                }
            }
            checkExactOptimum(c, random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        }
    }

    private static double[][] smallEntries(SplittableRandom random, int n, int m) {
        double[][] c = new double[n][m];
        boolean integers = random.nextInt(4) == 0;
        for (double[] row : c) {
            for (int j = 0; j < m; j++) {
                row[j] = integers ? random.nextInt(4) : random.nextDouble();
            }
        }
        return c;
    }

    private static double hugeValue(SplittableRandom random) {
        double value = HUGE[random.nextInt(HUGE.length)] * (1 + random.nextInt(9));
        value = Math.min(value, LinearAssignmentSolver.MAX_MAGNITUDE);
        return random.nextBoolean() ? value : -value;
    }

    /**
     * Solves through all three entry points and checks: the exact sum of the returned
     * assignment is the exact optimum, the flat methods return the same assignment and leave
     * their input unchanged, and the certificate holds for the caller's matrix well inside
     * the recommended tolerance.
     */
    private static void checkExactOptimum(double[][] c, Sense sense) {
        int n = c.length;
        int m = c[0].length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = c[i].clone();
        }
        AssignmentResult result = new LinearAssignmentSolver().solve(c, sense);
        String label = Arrays.deepToString(c) + " " + sense;
        assertTrue(Arrays.deepEquals(copy, c), label);
        assertEquals(0, exactSum(c, result.rowToColumn()).compareTo(exactOptimum(c, sense)),
                label + " gave " + Arrays.toString(result.rowToColumn()));
        assertTrue(result.isCertified(c, 1e-12), label);

        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(c[i], 0, flat, i * m, m);
        }
        double[] flatCopy = flat.clone();
        LinearAssignmentSolver reused = new LinearAssignmentSolver();
        int[] rowToColumn = new int[n];
        reused.solveRectangular(flat, n, m, m, sense, rowToColumn);
        assertArrayEquals(result.rowToColumn(), rowToColumn, label);
        if (n == m) {
            reused.solveSquare(flat, n, sense, rowToColumn);
            assertArrayEquals(result.rowToColumn(), rowToColumn, label);
        }
        assertArrayEquals(flatCopy, flat, label);
    }

    private static BigDecimal exactSum(double[][] c, int[] rowToColumn) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < c.length; i++) {
            if (rowToColumn[i] >= 0) {
                sum = sum.add(new BigDecimal(c[i][rowToColumn[i]]));
            }
        }
        return sum;
    }

    /** The exact optimum over all assignments of the shorter side, by enumeration. */
    private static BigDecimal exactOptimum(double[][] c, Sense sense) {
        int n = c.length;
        int m = c[0].length;
        boolean transposed = n > m;
        int shortSide = Math.min(n, m);
        int longSide = Math.max(n, m);
        BigDecimal[] best = {null};
        enumerate(c, transposed, shortSide, longSide, 0, new boolean[longSide],
                BigDecimal.ZERO, sense, best);
        return best[0];
    }

    private static void enumerate(double[][] c, boolean transposed, int shortSide,
            int longSide, int k, boolean[] used, BigDecimal partial, Sense sense,
            BigDecimal[] best) {
        if (k == shortSide) {
            if (best[0] == null || sense.sign() * partial.compareTo(best[0]) < 0) {
                best[0] = partial;
            }
            return;
        }
        for (int j = 0; j < longSide; j++) {
            if (!used[j]) {
                used[j] = true;
                double entry = transposed ? c[j][k] : c[k][j];
                enumerate(c, transposed, shortSide, longSide, k + 1, used,
                        partial.add(new BigDecimal(entry)), sense, best);
                used[j] = false;
            }
        }
    }
}
