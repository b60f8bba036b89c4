package org.orbifold.cli;

import java.math.BigDecimal;
import java.math.MathContext;

import org.orbifold.io.NumberText;

/**
 * Formats numbers for the text reports: reals in fixed point with a given number of decimals
 * while that stays readable and in scientific notation beyond it (without the switch a
 * weighted distance of {@code 1e200} would print as a number of 200 digits; for distances
 * and objectives also below it, {@link #decimalOrTiny}), and counts with their noun. JSON
 * output is not formatted here: it carries the full double.
 */
final class Numbers {

    /** The magnitude from which {@link #decimal} switches to scientific notation. */
    static final double SCIENTIFIC_FROM = NumberText.SCIENTIFIC_FROM;

    private Numbers() {
    }

    /**
     * Returns {@code value} with {@code decimals} digits after the point, as
     * {@link NumberText#decimal} writes it (fixed point below {@link #SCIENTIFIC_FROM},
     * scientific from it, no negative zero).
     *
     * @param value the number
     * @param decimals digits after the point, at least 0
     * @return the text, in the root locale (a point as decimal separator)
     */
    static String decimal(double value, int decimals) {
        return NumberText.decimal(value, decimals);
    }

    /**
     * Returns {@code value} as {@link NumberText#decimalOrTiny} writes it: as {@link #decimal},
     * except that a nonzero value that would show as zero is written in scientific notation
     * ({@code 4.000000e-07}). For distances, similarities, objectives and sums of squares.
     *
     * @param value the number
     * @param decimals digits after the point, at least 0
     * @return the text, in the root locale
     */
    static String decimalOrTiny(double value, int decimals) {
        return NumberText.decimalOrTiny(value, decimals);
    }

    /**
     * Returns {@code seconds} rounded to hundredths, so that a printed total of rounded parts
     * is their printed sum.
     *
     * @param seconds a time in seconds
     * @return the time rounded to 0.01
     */
    static double hundredths(double seconds) {
        return Math.round(seconds * 100.0) / 100.0;
    }

    /**
     * Returns an option value as briefly as it can be read back exactly: the shortest decimal
     * that identifies the double ({@link Double#toString}), without trailing zeros, in fixed
     * point when its magnitude is in {@code [1e-4, 1e9)} (and for zero), otherwise in
     * scientific notation such as {@code 1e+300} or {@code 2.5e-07}. NaN and the infinities
     * print as Java prints them.
     *
     * @param value the number
     * @return the text, in the root locale
     */
    static String compact(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (value == 0.0 || magnitude >= 1e-4 && magnitude < SCIENTIFIC_FROM) {
            return exact.signum() == 0 ? "0" : exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits
                : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /**
     * Returns a value rounded to a number of significant digits, written as {@link #compact}
     * writes it: {@code -1.718} for {@code -1.7181849497326165} and 4 digits, {@code 6e-200}
     * for {@code 6.0000001e-200}. For titles, where the full double is noise.
     *
     * @param value the number
     * @param digits significant digits, at least 1
     * @return the text, in the root locale
     */
    static String significant(double value, int digits) {
        if (!Double.isFinite(value) || value == 0.0) {
            return compact(value);
        }
        return compact(new BigDecimal(value).round(new MathContext(digits)).doubleValue());
    }

    /**
     * Returns "1 thread" or "N threads".
     *
     * @param count the number of threads
     * @return the count with its noun
     */
    static String threads(int count) {
        return count + (count == 1 ? " thread" : " threads");
    }
}
