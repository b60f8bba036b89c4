package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Weights so large that the alignment's products would overflow are refused with a message
 * naming them, by every aligner built on the quadratic-assignment workspace, instead of
 * failing inside (a repeated image, a solver limit) or returning garbage; weights so
 * small that the terms are subnormal doubles still align (FAQ's structural start once scaled
 * them by a power of two beyond the doubles, graduated assignment by an infinite inverse
 * temperature, both giving an infinite or NaN similarity matrix).
 */
class OverflowingValuesTest {

    private static final String[] ALIGNERS = {"faq", "fast", "thorough", "exact", "ipfp", "ga"};

    @Test
    void hugeWeightsAreRefusedByName() {
        SplittableRandom random = new SplittableRandom(5);
        Graph x = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        Graph y = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        GraphSpace space = new GraphSpace(6, 2, 1, 1e200, 1.0);
        for (String name : ALIGNERS) {
            Aligner aligner = Aligners.byName(name, 1);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> aligner.align(space, x, y), name);

            assertTrue(e.getMessage().contains("too large for double precision")
                    && e.getMessage().contains("node weight 1.00e+200"), e.getMessage());
        }
    }

    @Test
    void largeButSafeWeightsStillAlignAsAtWeightOne() {
        SplittableRandom random = new SplittableRandom(6);
        Graph x = MatchTesting.randomGraph(random, 5, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        Graph y = MatchTesting.randomGraph(random, 5, 2, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        double weight = 1e60;
        GraphSpace unit = new GraphSpace(5, 2, 1, 1.0, 1.0);
        GraphSpace scaled = new GraphSpace(5, 2, 1, weight, weight);

        Alignment a = Aligners.byName("exact", 1).align(unit, x, y);
        Alignment b = Aligners.byName("exact", 1).align(scaled, x, y);

        assertEquals(a.squaredDistance() * weight, b.squaredDistance(),
                1e-9 * b.squaredDistance());
    }

    @Test
    void subnormalWeightsAlignWithEveryAligner() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] weights = {{1.0, 1e-312}, {1.0, Double.MIN_VALUE},
            {Double.MIN_VALUE, Double.MIN_VALUE}, {1e-312, 1.0}};
        for (double[] weight : weights) {
            for (int t = 0; t < 5; t++) {
                Graph x = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                        MatchTesting.Values.POSITIVE);
                Graph y = MatchTesting.randomGraph(random, 6, 2, 1, 0.5, false,
                        MatchTesting.Values.POSITIVE);
                GraphSpace space = new GraphSpace(6, 2, 1, weight[0], weight[1]);
                double best = MatchTesting.bruteForceSimilarity(space, x, y, 6);
                double tolerance = MatchTesting.tolerance(space, x, y);
                for (String name : ALIGNERS) {
                    String what = name + " at weights " + weight[0] + ", " + weight[1]
                            + ", instance " + t;
                    Alignment found = Aligners.byName(name, 1).align(space, x, y);

                    assertTrue(Double.isFinite(found.similarity()), what);
                    assertTrue(found.similarity() <= best + tolerance, what);
                    if (name.equals("exact")) {
                        assertEquals(best, found.similarity(), tolerance, what);
                    }
                }
            }
        }
    }

    @Test
    void ratioExponentIsTheFloorOfTheExactBinaryLogarithm() {
        double[] values = {1.0, 3.0, 0.75, 1e-312, Double.MIN_VALUE, Double.MIN_NORMAL,
            1e-300, 1e300, Double.MAX_VALUE, 7.5e-320};
        for (double numerator : values) {
            for (double denominator : values) {
                int e = FaqAligner.ratioExponent(numerator, denominator);
                // 2^e <= numerator / denominator < 2^(e + 1), in exact arithmetic.
                BigDecimal ratioTimesDenominator = new BigDecimal(numerator);
                BigDecimal low = power(e).multiply(new BigDecimal(denominator));
                BigDecimal high = power(e + 1).multiply(new BigDecimal(denominator));
                String what = numerator + " / " + denominator + ": " + e;
                assertTrue(low.compareTo(ratioTimesDenominator) <= 0, what);
                assertTrue(high.compareTo(ratioTimesDenominator) > 0, what);
            }
        }
    }

    /** Returns 2^e exactly. */
    private static BigDecimal power(int e) {
        return e >= 0 ? new BigDecimal(BigInteger.TWO.pow(e))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-e)));
    }
}
