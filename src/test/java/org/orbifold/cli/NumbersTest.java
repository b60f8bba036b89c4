package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;

/** Fixed-point below a billion, scientific from there on and for tiny measures. */
class NumbersTest {

    @Test
    void keepsFixedPointBelowTheSwitch() {
        assertEquals("0.371440", Numbers.decimal(0.37144, 6));
        assertEquals("-12.50", Numbers.decimal(-12.5, 2));
        assertEquals("999999999.000", Numbers.decimal(999_999_999.0, 3));
        assertEquals("0.000000", Numbers.decimal(0.0, 6));
    }

    @Test
    void neverPrintsANegativeZero() {
        assertEquals("0.000000", Numbers.decimal(-2.220446049250313e-16, 6));
        assertEquals("0.000000", Numbers.decimal(-0.0, 6));
        assertEquals("0", Numbers.decimal(-0.4, 0));
        assertEquals("0.00", Numbers.decimal(-0.004, 2));
        assertEquals("-0.01", Numbers.decimal(-0.005, 2));
        assertEquals("-0.000001", Numbers.decimal(-1e-6, 6));
    }

    @Test
    void showsTinyNonzeroMeasuresInScientificNotation() {
        assertEquals("4.000000e-07", Numbers.decimalOrTiny(4e-7, 6));
        assertEquals("-2.220446e-16", Numbers.decimalOrTiny(-2.220446049250313e-16, 6));
        assertEquals("1.000000e-300", Numbers.decimalOrTiny(1e-300, 6));
        assertEquals("4.900000e-324", Numbers.decimalOrTiny(Double.MIN_VALUE, 6));
        assertEquals("4.00e-03", Numbers.decimalOrTiny(0.004, 2));
        // Zero of either sign, and every value that shows a nonzero digit, as decimal().
        for (double v : new double[] {0.0, -0.0, 1e-6, -1e-6, 6e-7, 0.37144, 48.159974, 1e9,
            -3.5e12, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertEquals(Numbers.decimal(v, 6), Numbers.decimalOrTiny(v, 6), "" + v);
        }
        assertEquals("0.000000", Numbers.decimalOrTiny(-0.0, 6));
        assertEquals("0.000001", Numbers.decimalOrTiny(6e-7, 6));
    }

    @Test
    void switchesToScientificForLargeMagnitudes() {
        assertEquals("1.000000e+09", Numbers.decimal(1e9, 6));
        assertEquals("1.234568e+200", Numbers.decimal(1.2345678e200, 6));
        assertEquals("-3.5e+12", Numbers.decimal(-3.5e12, 1));
    }

    @Test
    void printsNonFiniteValuesAsJavaDoes() {
        assertEquals("NaN", Numbers.decimal(Double.NaN, 6));
        assertEquals("Infinity", Numbers.decimal(Double.POSITIVE_INFINITY, 6));
        assertEquals("-Infinity", Numbers.decimal(Double.NEGATIVE_INFINITY, 4));
    }

    @Test
    void alignPrintsAHugeDistanceInScientificNotation() {
        Run r = MainTest.run("align", "0", "9", "--node-weight", "1e100");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*\\ndistance    [1-9]\\.\\d{6}e\\+\\d{2,3}\\n.*"),
                r.out());
    }

    @Test
    void namesOneThreadInTheSingular() {
        assertEquals("1 thread", Numbers.threads(1));
        assertEquals("2 threads", Numbers.threads(2));
    }

    @Test
    void compactPrintsOptionValuesBriefly() {
        assertEquals("0.1", Numbers.compact(0.1));
        assertEquals("0", Numbers.compact(0.0));
        assertEquals("1", Numbers.compact(1.0));
        assertEquals("250", Numbers.compact(250.0));
        assertEquals("0.0001", Numbers.compact(1e-4));
        assertEquals("999999999", Numbers.compact(999_999_999.0));
        assertEquals("1e+09", Numbers.compact(1e9));
        assertEquals("1e+300", Numbers.compact(1e300));
        assertEquals("-2.5e-07", Numbers.compact(-2.5e-7));
        assertEquals("1.7976931348623157e+308", Numbers.compact(Double.MAX_VALUE));
        assertEquals("4.9e-324", Numbers.compact(Double.MIN_VALUE));
        assertEquals("Infinity", Numbers.compact(Double.POSITIVE_INFINITY));
    }

    @Test
    void compactReadsBackToTheSameDouble() {
        double[] values = {0.1, 0.3, 1e300, 1.2345678901234567e-200, 123456.789, 7e-5, 3e10};
        for (double value : values) {
            assertEquals(value, Double.parseDouble(Numbers.compact(value)), 0.0,
                    Numbers.compact(value));
        }
    }

    /** The setting line writes values as typed, and values not typed compact. */
    @Test
    void theSettingLineOfClassifyWritesValuesAsTyped() {
        Run r = MainTest.run("classify", "--folds", "2", "--limit", "20", "--threads", "1",
                "--node-weight", "1e30", "--edge-weight", "1E-30");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("setting     node weight 1e30, edge weight 1E-30, k 1"),
                r.out());
    }

    @Test
    void roundsToSignificantDigitsForTitles() {
        assertEquals("-1.718", Numbers.significant(-1.7181849497326165, 4));
        assertEquals("0.328", Numbers.significant(0.32802009254257697, 4));
        assertEquals("43.5", Numbers.significant(43.5, 4));
        assertEquals("6e-200", Numbers.significant(6.0000001e-200, 4));
        assertEquals("1.235e+12", Numbers.significant(1234567890123.0, 4));
        assertEquals("0", Numbers.significant(0.0, 4));
    }

    /**
     * The comparison of mean and median with the realigned medoid says lower or higher, never
     * with a minus sign, and never a negative zero: the tester's 9.0 % above the medoid (an
     * incremental start), a rise too small for one decimal, equality and a zero medoid.
     */
    @Test
    void theComparisonWithTheMedoidSaysLowerOrHigherWithoutASign() {
        assertEquals("23.4 % lower", CenterCommand.comparedWith(10.0, 7.66));
        assertEquals("9.0 % higher", CenterCommand.comparedWith(10.0, 10.9));
        assertEquals("0.0 % higher", CenterCommand.comparedWith(10.0, 10.000001));
        assertEquals("equal to the medoid's", CenterCommand.comparedWith(10.0, 10.0));
        assertEquals("0.0 % lower", CenterCommand.comparedWith(10.0, 9.999999));
        // No 0/0: a medoid objective of 0 (one graph, or copies of one) says so in words.
        assertEquals("equal to it, both 0", CenterCommand.comparedWith(0.0, 0.0));
        assertEquals("higher, while the medoid's is 0", CenterCommand.comparedWith(0.0, 1e-3));
    }
}
