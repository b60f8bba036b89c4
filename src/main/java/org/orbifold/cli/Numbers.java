package org.orbifold.cli;

import java.util.Locale;

/**
 * Formats numbers for the text reports: reals in fixed point with a given number of decimals
 * while that stays readable and in scientific notation beyond it (without the switch a
 * weighted distance of {@code 1e200} would print as a number of 200 digits), and counts with
 * their noun. JSON output is not formatted here: it carries the full double.
 */
final class Numbers {

    /**
     * The magnitude from which {@link #decimal} switches to scientific notation: a value of
     * {@code 1e9} or more prints as {@code 1.000000e+09}, one below it in fixed point.
     */
    static final double SCIENTIFIC_FROM = 1e9;

    private Numbers() {
    }

    /**
     * Returns {@code value} with {@code decimals} digits after the point: fixed-point when its
     * magnitude is below {@link #SCIENTIFIC_FROM}, otherwise scientific ({@code %.<d>e}).
     * NaN and the infinities print as Java prints them.
     *
     * @param value the number
     * @param decimals digits after the point, at least 0
     * @return the text, in the root locale (a point as decimal separator)
     */
    static String decimal(double value, int decimals) {
        String conversion = Math.abs(value) >= SCIENTIFIC_FROM && Double.isFinite(value)
                ? "e" : "f";
        return String.format(Locale.ROOT, "%." + decimals + conversion, value);
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
