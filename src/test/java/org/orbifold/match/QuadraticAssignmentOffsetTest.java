package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment.Solution;
import org.orbifold.space.Permutation;

/**
 * Off-diagonal entries far from 0 next to their differences ({@code 1e7 + k}, {@code k} a
 * small integer): adding a constant to every off-diagonal entry of {@code A} or {@code B}
 * changes every objective by one constant, so the optimal permutations are those of the
 * small entries. Before the edge offsets were removed ({@link OffsetRemoval}), {@code exact}
 * pruned with a rounding band of about {@code 4 m (m + 3) 2^-53 ||A|| ||B||}, some 500 cost
 * units at order 8 and offset {@code 1e7}, and a tester's four instances of that kind came
 * back certified 37 to 119 above the optimum. Every optimum here is found by enumeration in
 * exact integer arithmetic.
 */
class QuadraticAssignmentOffsetTest {

    private static final double[] OFFSETS = {1e7, 1e9, 1e12};

    /** The tester's shape: order 8, off-diagonal entries {@code 1e7 + (0..9)}, diagonal 0. */
    @Test
    void orderEightAtOffsetTenMillionIsCertifiedOnlyAtTheOptimum() {
        for (int seed = 0; seed < 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long[][] a = offsetMatrix(random, 8, 10_000_000L, false);
            long[][] b = offsetMatrix(random, 8, 10_000_000L, false);
            BigInteger optimum = enumeratedOptimum(a, b, Sense.MINIMIZE, null);
            Solution exact = QuadraticAssignment.solve(toDouble(a), toDouble(b), Sense.MINIMIZE,
                    "exact", 1);
            assertTrue(exact.certified(), "seed " + seed);
            assertEquals(optimum, exactObjective(a, b, exact.columnIndices()), "seed " + seed);
            assertEquals(optimum.doubleValue(), exact.objective(), "seed " + seed);
        }
    }

    /**
     * Every preset, both senses, offsets {@code 1e7}, {@code 1e9} and {@code 1e12}, with and
     * without a small diagonal: a certified answer is optimal, {@code exact} always certifies
     * at these orders, and the objective reported is the exact one of the permutation up to
     * one unit in its last place.
     */
    @Test
    void everyPresetCertifiesOnlyOptimaAtLargeOffsets() {
        SplittableRandom random = new SplittableRandom(21);
        for (double offset : OFFSETS) {
            for (int t = 0; t < 4; t++) {
                int n = 5 + t % 3;
                boolean diagonal = t % 2 == 1;
                long[][] a = offsetMatrix(random, n, (long) offset, diagonal);
                long[][] b = offsetMatrix(random, n, (long) offset, diagonal);
                for (Sense sense : Sense.values()) {
                    BigInteger optimum = enumeratedOptimum(a, b, sense, null);
                    for (String name : Aligners.names()) {
                        Solution s = QuadraticAssignment.solve(toDouble(a), toDouble(b), sense,
                                name, t);
                        BigInteger value = exactObjective(a, b, s.columnIndices());
                        String what = "offset " + offset + ", instance " + t + ", " + sense
                                + ", " + name + ": " + value + " against " + optimum;
                        int worse = sense == Sense.MINIMIZE ? value.compareTo(optimum)
                                : optimum.compareTo(value);
                        assertTrue(worse >= 0, what);
                        if (s.certified()) {
                            assertEquals(optimum, value, what);
                        }
                        if (name.equals("exact")) {
                            assertTrue(s.certified(), what);
                        }
                        double exactValue = value.doubleValue();
                        assertEquals(exactValue, s.objective(), Math.ulp(exactValue), what);
                    }
                }
            }
        }
    }

    /**
     * Offsets of opposite signs in {@code A} and {@code B}, and a negative one: the graphs of
     * a maximised problem then carry offsets of opposite signs, as a minimised problem's do
     * with equal signs.
     */
    @Test
    void offsetsOfEitherSignAreRemoved() {
        SplittableRandom random = new SplittableRandom(23);
        for (int t = 0; t < 6; t++) {
            long[][] a = offsetMatrix(random, 6, t % 2 == 0 ? 1_000_000_000L : -1_000_000_000L,
                    true);
            long[][] b = offsetMatrix(random, 6, t < 3 ? -1_000_000_000L : 1_000_000_000L,
                    true);
            for (Sense sense : Sense.values()) {
                BigInteger optimum = enumeratedOptimum(a, b, sense, null);
                Solution s = QuadraticAssignment.solve(toDouble(a), toDouble(b), sense, "exact",
                        t);
                assertTrue(s.certified(), "instance " + t + ", " + sense);
                assertEquals(optimum, exactObjective(a, b, s.columnIndices()),
                        "instance " + t + ", " + sense);
            }
        }
    }

    /**
     * Fixed pairs: the shift of the full matrices changes every objective by one constant,
     * so also among the permutations that honour the pairs; the reduced problem's edges and
     * the node channels of its cross terms both carry the offset.
     */
    @Test
    void fixedPairsAtLargeOffsetsAreCertifiedOnlyAtTheOptimum() {
        SplittableRandom random = new SplittableRandom(25);
        for (double offset : OFFSETS) {
            for (int t = 0; t < 3; t++) {
                long[][] a = offsetMatrix(random, 7, (long) offset, t == 1);
                long[][] b = offsetMatrix(random, 7, (long) offset, t == 1);
                int[][] pairs = {{t, 6 - t}, {3 + t % 2, 2}};
                for (Sense sense : Sense.values()) {
                    BigInteger optimum = enumeratedOptimum(a, b, sense, pairs);
                    Solution s = QuadraticAssignment.solve(toDouble(a), toDouble(b), sense,
                            "exact", t, pairs);
                    String what = "offset " + offset + ", instance " + t + ", " + sense;
                    int[] p = s.columnIndices();
                    for (int[] pair : pairs) {
                        assertEquals(pair[1], p[pair[0]], what);
                    }
                    assertTrue(s.certified(), what);
                    assertEquals(optimum, exactObjective(a, b, p), what);
                }
            }
        }
    }

    /**
     * Renumbering the facilities (rows and columns of {@code A} together) and the locations
     * (of {@code B}) maps permutations onto permutations of the same objective, so the
     * certified optimum must not move.
     */
    @Test
    void theCertifiedOptimumDoesNotDependOnTheNumbering() {
        SplittableRandom random = new SplittableRandom(27);
        for (double offset : OFFSETS) {
            long[][] a = offsetMatrix(random, 7, (long) offset, true);
            long[][] b = offsetMatrix(random, 7, (long) offset, true);
            for (Sense sense : Sense.values()) {
                Solution s = QuadraticAssignment.solve(toDouble(a), toDouble(b), sense, "exact",
                        3);
                assertTrue(s.certified());
                BigInteger value = exactObjective(a, b, s.columnIndices());
                for (int r = 0; r < 3; r++) {
                    int[] q = Permutation.random(7, random).toArray();
                    int[] u = Permutation.random(7, random).toArray();
                    long[][] qa = relabelled(a, q);
                    long[][] ub = relabelled(b, u);
                    Solution moved = QuadraticAssignment.solve(toDouble(qa), toDouble(ub), sense,
                            "exact", 3);
                    String what = "offset " + offset + ", " + sense + ", relabelling " + r;
                    assertTrue(moved.certified(), what);
                    assertEquals(value, exactObjective(qa, ub, moved.columnIndices()), what);
                }
            }
        }
    }

    /** {@code M[i][j] = offset + (0..9)} off the diagonal; the diagonal 0 or {@code -5..5}. */
    private static long[][] offsetMatrix(SplittableRandom random, int n, long offset,
            boolean diagonal) {
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? (diagonal ? random.nextInt(-5, 6) : 0)
                        : offset + random.nextInt(10);
            }
        }
        return m;
    }

    /** {@code M'[i][j] = M[q(i)][q(j)]}. */
    private static long[][] relabelled(long[][] m, int[] q) {
        int n = m.length;
        long[][] result = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                result[i][j] = m[q[i]][q[j]];
            }
        }
        return result;
    }

    private static double[][] toDouble(long[][] m) {
        double[][] result = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            result[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                result[i][j] = m[i][j];
                assertEquals(BigDecimal.valueOf(m[i][j]), new BigDecimal(result[i][j]));
            }
        }
        return result;
    }

    /** {@code f(p)} in exact integer arithmetic. */
    private static BigInteger exactObjective(long[][] a, long[][] b, int[] p) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum = sum.add(BigInteger.valueOf(a[i][j]).multiply(
                        BigInteger.valueOf(b[p[i]][p[j]])));
            }
        }
        return sum;
    }

    /**
     * The best {@code f(p)} over all permutations that honour {@code pairs} (all when null),
     * by enumeration in exact integer arithmetic: in {@code long} with overflow checks, or in
     * {@link BigInteger} where a product or a sum would overflow.
     */
    private static BigInteger enumeratedOptimum(long[][] a, long[][] b, Sense sense,
            int[][] pairs) {
        int n = a.length;
        BigInteger[] best = {null};
        MatchTesting.forEachPermutation(n, permutation -> {
            int[] p = permutation.toArray();
            if (pairs != null) {
                for (int[] pair : pairs) {
                    if (p[pair[0]] != pair[1]) {
                        return;
                    }
                }
            }
            BigInteger value;
            try {
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        sum = Math.addExact(sum, Math.multiplyExact(a[i][j], b[p[i]][p[j]]));
                    }
                }
                value = BigInteger.valueOf(sum);
            } catch (ArithmeticException overflow) {
                value = exactObjective(a, b, p);
            }
            if (best[0] == null || (sense == Sense.MINIMIZE ? value.compareTo(best[0]) < 0
                    : value.compareTo(best[0]) > 0)) {
                best[0] = value;
            }
        });
        return best[0];
    }
}
