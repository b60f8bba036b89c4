package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequenceAlignmentTest {

    private static final double TOL = 1e-9;
    private static final double STEP = 1e-6;
    private static final double FD_TOL = 1e-6;

    // ---------------------------------------------------------------- Needleman-Wunsch

    @Test
    void aZeroValueIsNeverNegativeZero() {
        // A warping path over entries -0.0 summed to -0.0; the value is stored as 0.0, so it
        // equals an alignment built with 0.0.
        SequenceAlignment warped = new DynamicTimeWarping().align(new double[][] {{-0.0, -0.0}});
        assertEquals(0.0, warped.value());
        assertEquals(new SequenceAlignment(0.0, 1, 2, new int[] {0, 0}, new int[] {0, 1}, true),
                warped);
        assertEquals(new SequenceAlignment(0.0, 1, 1, new int[0], new int[0], true),
                new SequenceAlignment(-0.0, 1, 1, new int[0], new int[0], true));
        for (double[] row : warped.gradient()) {
            for (double entry : row) {
                assertTrue(entry == 1.0 || Double.doubleToRawLongBits(entry) == 0L);
            }
        }
    }

    @Test
    void needlemanWunschAgreesWithEnumerationIncludingTies() {
        SplittableRandom random = new SplittableRandom(31);
        int ties = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = random.nextInt(5);
            int m = random.nextInt(5);
            double gap = random.nextInt(3) * 0.5;
            double[][] s = new double[n][m];
            for (double[] row : s) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(4) - 1;
                }
            }
            SequenceAlignment a = new NeedlemanWunsch(gap).align(n, m, s);
            List<int[][]> matchings = new ArrayList<>();
            monotoneMatchings(n, m, 0, 0, new ArrayList<>(), matchings);
            double best = Double.NEGATIVE_INFINITY;
            for (int[][] mt : matchings) {
                best = Math.max(best, nwScore(s, n, m, gap, mt));
            }
            int optimal = 0;
            for (int[][] mt : matchings) {
                optimal += Math.abs(nwScore(s, n, m, gap, mt) - best) <= TOL ? 1 : 0;
            }
            assertEquals(best, a.value(), TOL, "value on trial " + trial);
            assertEquals(optimal == 1, a.unique(), "uniqueness on trial " + trial);
            assertEquals(best, a.pairing(s) - gap * (n + m - 2 * a.length()), TOL,
                    "the returned matching attains the optimum");
            ties += a.unique() ? 0 : 1;
        }
        assertTrue(ties > 50, "the sample must exercise ties, got " + ties);
    }

    @Test
    void needlemanWunschFiniteDifferencesMatchThePathIndicator() {
        SplittableRandom random = new SplittableRandom(32);
        NeedlemanWunsch nw = new NeedlemanWunsch(0.3);
        for (int trial = 0; trial < 30; trial++) {
            double[][] s = AssignmentValueTest.randomMatrix(random, 2 + random.nextInt(8),
                    2 + random.nextInt(8));
            SequenceAlignment a = nw.align(s);
            assertTrue(a.unique());
            double[][] g = AssignmentValueTest.randomMatrix(random, s.length, s[0].length);
            double plus = nw.align(AssignmentValueTest.add(s, g, STEP)).value();
            double minus = nw.align(AssignmentValueTest.add(s, g, -STEP)).value();
            assertEquals(a.pairing(g), (plus - minus) / (2 * STEP), FD_TOL);
            // The gap penalty's derivative is minus the number of gaps.
            double gapPlus = new NeedlemanWunsch(0.3 + STEP).align(s).value();
            double gapMinus = new NeedlemanWunsch(0.3 - STEP).align(s).value();
            assertEquals(NeedlemanWunsch.gapPenaltyDerivative(a),
                    (gapPlus - gapMinus) / (2 * STEP), FD_TOL);
        }
    }

    @Test
    void needlemanWunschHandlesEmptySequencesAndForbiddenPairs() {
        SequenceAlignment empty = new NeedlemanWunsch(2.0).align(0, 0, new double[0][0]);
        assertEquals(0.0, empty.value());
        assertTrue(empty.unique());
        SequenceAlignment oneSided = new NeedlemanWunsch(2.0).align(new double[][] {{}, {}});
        assertEquals(-4.0, oneSided.value());
        double ninf = Double.NEGATIVE_INFINITY;
        SequenceAlignment forbidden = new NeedlemanWunsch(1.0)
                .align(new double[][] {{ninf, 5}, {5, ninf}});
        // Either (0,1) or (1,0) alone, with two gaps: 5 - 2, tied.
        assertEquals(3.0, forbidden.value(), TOL);
        assertFalse(forbidden.unique());
        assertEquals(1, forbidden.length());
    }

    @Test
    void needlemanWunschTakesTheLengthsOfAnEmptySequenceExplicitly() {
        NeedlemanWunsch nw = new NeedlemanWunsch(1.0);
        // A matrix without rows has lost its column count: refused, pointing to align(n, m, S).
        IllegalArgumentException noRows = assertThrows(IllegalArgumentException.class,
                () -> nw.align(new double[0][4]));
        assertTrue(noRows.getMessage().contains("align(0, m, scores)"), noRows.getMessage());

        // V = -g (n + m - 2 |M|) with |M| = 0, on either side, with dV/dg = -(n + m).
        SequenceAlignment firstEmpty = nw.align(0, 4, new double[0][]);
        assertEquals(-4.0, firstEmpty.value());
        assertTrue(firstEmpty.unique());
        assertEquals(4, firstEmpty.columns());
        assertEquals(-4.0, NeedlemanWunsch.gapPenaltyDerivative(firstEmpty));
        SequenceAlignment secondEmpty = nw.align(new double[4][0]);
        assertEquals(-4.0, secondEmpty.value());
        assertEquals(secondEmpty, nw.align(4, 0, new double[4][0]));
        assertEquals(-4.0, NeedlemanWunsch.gapPenaltyDerivative(secondEmpty));
        assertEquals(-8.0, new NeedlemanWunsch(2.0).align(0, 4, new double[0][]).value());
        // Any non-null array without rows; null is refused as everywhere.
        assertEquals(firstEmpty, nw.align(0, 4, new double[0][7]));
        assertThrows(NullPointerException.class, () -> nw.align(0, 4, null));

        // The lengths must be the matrix's shape.
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> nw.align(2, 3, new double[][] {{0, 0, 0}}));
        assertEquals("scores has 1 row; expected 2", shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> nw.align(-1, 0, new double[0][]));
    }

    @Test
    void gapPenaltyDerivativeIsMinusTheGapsAndRefusesAWarpingPath() {
        double[][] s = {{5, 0, 0}, {0, 0, 5}};
        SequenceAlignment a = new NeedlemanWunsch(1.0).align(s);
        // (0,0) and (1,2) matched, column 1 left over: one gap.
        assertEquals(-1.0, NeedlemanWunsch.gapPenaltyDerivative(a));
        // No gaps: 0.0, not -0.0 (assertEquals(double, double) tells them apart).
        SequenceAlignment full = new NeedlemanWunsch(1.0).align(new double[][] {{5, 0}, {0, 5}});
        assertEquals(0.0, NeedlemanWunsch.gapPenaltyDerivative(full));
        assertEquals(0.0, NeedlemanWunsch.gapPenaltyDerivative(
                new NeedlemanWunsch(1.0).align(0, 0, new double[0][])));
        SequenceAlignment path = new DynamicTimeWarping().align(new double[][] {{0, 0}});
        assertThrows(IllegalArgumentException.class,
                () -> NeedlemanWunsch.gapPenaltyDerivative(path));
    }

    // ---------------------------------------------------------------- dynamic time warping

    @Test
    void dynamicTimeWarpingAgreesWithEnumerationIncludingTies() {
        SplittableRandom random = new SplittableRandom(33);
        int ties = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(4);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(3);
                }
            }
            SequenceAlignment a = new DynamicTimeWarping().align(c);
            List<int[][]> paths = new ArrayList<>();
            warpingPaths(n, m, 0, 0, new ArrayList<>(), paths);
            double best = Double.POSITIVE_INFINITY;
            for (int[][] p : paths) {
                best = Math.min(best, pathCost(c, p));
            }
            int optimal = 0;
            for (int[][] p : paths) {
                optimal += Math.abs(pathCost(c, p) - best) <= TOL ? 1 : 0;
            }
            assertEquals(best, a.value(), TOL, "value on trial " + trial);
            assertEquals(optimal == 1, a.unique(), "uniqueness on trial " + trial);
            assertEquals(best, a.pairing(c), TOL, "the returned path attains the optimum");
            ties += a.unique() ? 0 : 1;
        }
        assertTrue(ties > 50, "the sample must exercise ties, got " + ties);
    }

    @Test
    void dynamicTimeWarpingFiniteDifferencesMatchThePathIndicator() {
        SplittableRandom random = new SplittableRandom(34);
        DynamicTimeWarping dtw = new DynamicTimeWarping();
        for (int trial = 0; trial < 30; trial++) {
            double[][] c = AssignmentValueTest.randomMatrix(random, 1 + random.nextInt(8),
                    1 + random.nextInt(8));
            SequenceAlignment a = dtw.align(c);
            assertTrue(a.unique());
            double[][] g = AssignmentValueTest.randomMatrix(random, c.length, c[0].length);
            double plus = dtw.align(AssignmentValueTest.add(c, g, STEP)).value();
            double minus = dtw.align(AssignmentValueTest.add(c, g, -STEP)).value();
            assertEquals(a.pairing(g), (plus - minus) / (2 * STEP), FD_TOL);
        }
    }

    @Test
    void dynamicTimeWarpingRespectsABandOfForbiddenCells() {
        double inf = Double.POSITIVE_INFINITY;
        // The cheap cells (0, 2) and (2, 0) lie outside the band |i - j| <= 1.
        double[][] c = {{1, 1, 0}, {1, 1, 1}, {0, 1, 1}};
        double[][] banded = {{1, 1, inf}, {1, 1, 1}, {inf, 1, 1}};
        SequenceAlignment a = new DynamicTimeWarping().align(banded);
        assertEquals(3.0, a.value(), TOL);
        assertTrue(a.unique());
        assertEquals("[0, 1, 2]", Arrays.toString(a.pathRows()));
        assertEquals(3.0, new DynamicTimeWarping().align(c).value(), TOL);
        IllegalArgumentException blocked = assertThrows(IllegalArgumentException.class,
                () -> new DynamicTimeWarping().align(new double[][] {{0, inf, 0}, {inf, inf, 0}}));
        assertTrue(blocked.getMessage().contains("forbidden"), blocked.getMessage());
    }

    @Test
    void badInputIsRejectedWithItsPosition() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new NeedlemanWunsch(1).align(new double[][] {{0, Double.NaN}}));
        assertTrue(nan.getMessage().contains("(0, 1)"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NeedlemanWunsch(1)
                .align(new double[][] {{Double.POSITIVE_INFINITY}}));
        assertThrows(IllegalArgumentException.class, () -> new DynamicTimeWarping()
                .align(new double[][] {{Double.NEGATIVE_INFINITY}}));
        assertThrows(IllegalArgumentException.class,
                () -> new DynamicTimeWarping().align(new double[0][0]));
        assertThrows(IllegalArgumentException.class,
                () -> new DynamicTimeWarping().align(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new NeedlemanWunsch(Double.NaN));
    }

    @Test
    void costsBeyondTheSolversMagnitudeLimitAreRefusedNotSummedToInfinity() {
        // 1e308 + 1e308 overflowed: DTW blamed forbidden cells or returned -Infinity, and
        // Needleman-Wunsch returned +Infinity as a unique optimum.
        IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
                () -> new DynamicTimeWarping().align(new double[][] {{1e308, 1e308}}));
        assertEquals("costs entry (0, 0) = 1.0E308 exceeds the largest supported magnitude"
                + " 1.0E300", large.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new DynamicTimeWarping().align(new double[][] {{0, -1e308}}));
        assertEquals("costs entry (0, 1) = -1.0E308 exceeds the largest supported magnitude"
                + " 1.0E300", negative.getMessage());
        IllegalArgumentException scores = assertThrows(IllegalArgumentException.class,
                () -> new NeedlemanWunsch(0).align(new double[][] {{1e308, 0}, {0, 1e308}}));
        assertEquals("scores entry (0, 0) = 1.0E308 exceeds the largest supported magnitude"
                + " 1.0E300", scores.getMessage());
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> new NeedlemanWunsch(-1e308));
        assertEquals("gapPenalty -1.0E308 exceeds the largest supported magnitude 1.0E300",
                gap.getMessage());

        // At the limit the sums are finite and exact.
        assertEquals(2e300, new DynamicTimeWarping().align(new double[][] {{1e300, 1e300}})
                .value());
        assertEquals(-3e300, new DynamicTimeWarping().align(
                new double[][] {{-1e300, -1e300}, {5, -1e300}}).value());
        SequenceAlignment matched = new NeedlemanWunsch(1e300).align(
                new double[][] {{1e300, 0}, {0, 1e300}});
        assertEquals(2e300, matched.value());
        assertEquals(2, matched.length());
        assertTrue(matched.unique());
        assertEquals(4e300, new NeedlemanWunsch(-1e300).align(
                new double[][] {{1e300, 0}, {0, 1e300}}).value());
        assertEquals(-1e300, new NeedlemanWunsch(1e300).align(new double[][] {{-1e300}})
                .value());
    }

    @Test
    void theValueMustBeFiniteAsForAnAssignmentValue() {
        // NaN and infinities were accepted, where AssignmentValue refuses them.
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SequenceAlignment(bad, 1, 1, new int[] {0}, new int[] {0}, true));
            assertEquals("value must be finite, got " + bad, e.getMessage());
        }
    }

    @Test
    void everyCellOfAPathIsAStepForwardFromTheOneBefore() {
        // A repeated cell would count twice in pairing() but once in gradient().
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, 2, 2, new int[] {0, 0}, new int[] {0, 0}, true));
        assertEquals("cell 1 = (0, 0) is no step forward from cell 0 = (0, 0): neither index"
                + " may decrease and at least one must increase", repeated.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, 2, 2, new int[] {0, 1}, new int[] {1, 0}, true));
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, 2, 2, new int[] {1, 0}, new int[] {1, 1}, true));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, 2, 2, new int[] {0, 2}, new int[] {0, 1}, true));
        assertEquals("cell 1 = (2, 1) is outside the 2 x 2 matrix", outside.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, -1, 2, new int[0], new int[0], true));
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, 2, 2, new int[] {0}, new int[0], true));

        // Steps of a warping path and jumps of a matching are steps forward.
        SequenceAlignment path = new SequenceAlignment(3, 3, 3, new int[] {0, 1, 1, 2},
                new int[] {0, 0, 1, 2}, true);
        assertEquals(4, path.length());
        assertEquals(4.0, path.pairing(new double[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}}));
        assertEquals(2, new SequenceAlignment(0, 4, 5, new int[] {0, 3}, new int[] {1, 4}, true)
                .length());
    }

    // ---------------------------------------------------------------- tie band

    @Test
    void aHugeEntryOffTheOptimalPathDoesNotWidenTheTieBand() {
        // The runner-up costs 1 more in each; the band was scaled by the largest entry of the
        // whole matrix, so 1e12 off the path made the optimum look tied.
        DynamicTimeWarping dtw = new DynamicTimeWarping();
        for (double far : new double[] {5, 1e9, 1e12, 1e300}) {
            SequenceAlignment a = dtw.align(new double[][] {{0, 1, far}, {1, 0, 0}});
            assertTrue(a.unique(), "DTW with " + far);
            assertEquals(0.0, a.value());
            // A soft Sakoe-Chiba band: far instead of +Infinity outside it.
            double[][] banded = new double[6][6];
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    banded[i][j] = Math.abs(i - j) > 1 ? far : i == j ? 0 : 1;
                }
            }
            assertTrue(dtw.align(banded).unique(), "banded DTW with " + far);
            NeedlemanWunsch nw = new NeedlemanWunsch(1);
            SequenceAlignment b = nw.align(new double[][] {{2, 0, -far}, {0, 2, 0}});
            assertTrue(b.unique(), "NW with " + far);
            assertEquals(3.0, b.value());
        }
        // A tie stays a tie next to the huge entry.
        assertFalse(dtw.align(new double[][] {{0, 1, 1e12}, {0, 0, 0}}).unique());
        assertFalse(new NeedlemanWunsch(1).align(new double[][] {{2, 0, -1e12}, {0, 2, 2}})
                .unique());
    }

    @Test
    void dynamicTimeWarpingTieFlagAgainstExactEnumerationWithHugeEntries() {
        SplittableRandom random = new SplittableRandom(34);
        int[] tally = new int[3];
        for (int trial = 0; trial < 4000; trial++) {
            int n = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(4);
            int mode = trial % 3;
            double[][] c = randomEntries(random, n, m, mode, 1);
            SequenceAlignment a = new DynamicTimeWarping().align(c);
            List<int[][]> paths = new ArrayList<>();
            warpingPaths(n, m, 0, 0, new ArrayList<>(), paths);
            List<BigDecimal> values = new ArrayList<>();
            for (int[][] p : paths) {
                values.add(exactSum(c, p).negate());
            }
            checkTieFlag(a, c, paths, values, "DTW trial " + trial + " "
                    + Arrays.deepToString(c), tally);
        }
        assertTrue(tally[0] > 500 && tally[1] > 500 && tally[2] > 500, Arrays.toString(tally));
    }

    @Test
    void needlemanWunschTieFlagAgainstExactEnumerationWithHugeEntries() {
        SplittableRandom random = new SplittableRandom(35);
        int[] tally = new int[3];
        for (int trial = 0; trial < 4000; trial++) {
            int n = random.nextInt(5);
            int m = random.nextInt(5);
            int mode = trial % 3;
            double gap = random.nextInt(4) * 0.5;
            double[][] s = randomEntries(random, n, m, mode, -1);
            SequenceAlignment a = new NeedlemanWunsch(gap).align(n, m, s);
            List<int[][]> matchings = new ArrayList<>();
            monotoneMatchings(n, m, 0, 0, new ArrayList<>(), matchings);
            List<BigDecimal> values = new ArrayList<>();
            for (int[][] mt : matchings) {
                values.add(exactSum(s, mt).subtract(new BigDecimal(gap).multiply(
                        BigDecimal.valueOf(n + m - 2 * mt.length))));
            }
            checkTieFlag(a, s, matchings, values, "NW trial " + trial + " g "
                    + gap + " " + Arrays.deepToString(s), tally);
        }
        assertTrue(tally[0] > 500 && tally[1] > 500 && tally[2] > 500, Arrays.toString(tally));
    }

    /**
     * Small integers with, in mode 1, huge entries of the losing sign {@code bad} (huge
     * costs for DTW, huge negative scores for NW), and in mode 2 huge entries of full
     * mantissa and either sign, with their negatives, whose sums round.
     */
    private static double[][] randomEntries(SplittableRandom random, int n, int m, int mode,
            int bad) {
        double[] huge = {1e9, 1e12, 1e15, 1e299};
        double x = (1 + random.nextDouble()) * 1e16;
        double y = (1 + random.nextDouble()) * 1e12;
        double[][] e = new double[n][m];
        for (double[] row : e) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextInt(4) - 1;
                if (mode == 1 && random.nextInt(4) == 0) {
                    row[j] = bad * huge[random.nextInt(huge.length)];
                } else if (mode == 2 && random.nextInt(3) == 0) {
                    double[] pool = {x, -x, y, -y, x + 1, -x + 2};
                    row[j] = pool[random.nextInt(pool.length)];
                }
            }
        }
        return e;
    }

    /**
     * Checks the flag against the exact values of all alignments (to be maximised): never
     * unique when two optima tie, optimal when unique, and unique when every alignment within
     * 10 of the best is free of huge entries and there is one optimum.
     */
    private static void checkTieFlag(SequenceAlignment a, double[][] entries,
            List<int[][]> alignments, List<BigDecimal> values, String where, int[] tally) {
        BigDecimal best = values.stream().max(BigDecimal::compareTo).orElseThrow();
        int optima = 0;
        boolean nearHuge = false;
        for (int k = 0; k < values.size(); k++) {
            BigDecimal v = values.get(k);
            optima += v.compareTo(best) == 0 ? 1 : 0;
            if (best.subtract(v).compareTo(BigDecimal.TEN) <= 0) {
                for (int[] cell : alignments.get(k)) {
                    nearHuge |= Math.abs(entries[cell[0]][cell[1]]) >= 1e6;
                }
            }
        }
        int[][] returned = new int[a.length()][];
        for (int k = 0; k < a.length(); k++) {
            returned[k] = new int[] {a.pathRows()[k], a.pathColumns()[k]};
        }
        if (optima > 1) {
            assertFalse(a.unique(), "a tie called unique: " + where);
            tally[0]++;
        }
        if (a.unique()) {
            int index = -1;
            for (int k = 0; k < alignments.size(); k++) {
                if (Arrays.deepEquals(alignments.get(k), returned)) {
                    index = k;
                }
            }
            assertEquals(0, values.get(index).compareTo(best), "unique, not optimal: " + where);
            tally[1]++;
        }
        if (!nearHuge) {
            assertEquals(optima == 1, a.unique(), "flag without huge entries near: " + where);
            tally[2] += optima == 1 ? 1 : 0;
        }
    }

    private static BigDecimal exactSum(double[][] entries, int[][] cells) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int[] cell : cells) {
            sum = sum.add(new BigDecimal(entries[cell[0]][cell[1]]));
        }
        return sum;
    }

    // ---------------------------------------------------------------- brute force

    private static void monotoneMatchings(int n, int m, int i0, int j0, List<int[]> current,
            List<int[][]> out) {
        out.add(current.toArray(new int[0][]));
        for (int i = i0; i < n; i++) {
            for (int j = j0; j < m; j++) {
                current.add(new int[] {i, j});
                monotoneMatchings(n, m, i + 1, j + 1, current, out);
                current.remove(current.size() - 1);
            }
        }
    }

    private static double nwScore(double[][] s, int n, int m, double gap, int[][] matching) {
        double sum = -gap * (n + m - 2 * matching.length);
        for (int[] pair : matching) {
            sum += s[pair[0]][pair[1]];
        }
        return sum;
    }

    private static void warpingPaths(int n, int m, int i, int j, List<int[]> current,
            List<int[][]> out) {
        current.add(new int[] {i, j});
        if (i == n - 1 && j == m - 1) {
            out.add(current.toArray(new int[0][]));
        } else {
            if (i + 1 < n && j + 1 < m) {
                warpingPaths(n, m, i + 1, j + 1, current, out);
            }
            if (i + 1 < n) {
                warpingPaths(n, m, i + 1, j, current, out);
            }
            if (j + 1 < m) {
                warpingPaths(n, m, i, j + 1, current, out);
            }
        }
        current.remove(current.size() - 1);
    }

    private static double pathCost(double[][] c, int[][] path) {
        double sum = 0;
        for (int[] cell : path) {
            sum += c[cell[0]][cell[1]];
        }
        return sum;
    }

    @Test
    void aBadShapeCountsItsCellsInTheSingularForOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SequenceAlignment(0, 1, 1, new int[] {0}, new int[] {0, 1}, true));
        assertEquals("bad alignment shape: 1 x 1 with 1 row and 2 columns of cells",
                e.getMessage());
    }
}
