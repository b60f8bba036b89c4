package org.orbifold.io;

import java.util.Locale;

/**
 * Writes reals for people: in fixed point with a given number of decimals while that stays
 * readable, in scientific notation beyond it, and (for {@link #decimalOrTiny}) below it, so
 * that a tiny distance is not shown as zero. Shared by the text reports of the command line
 * and by the headings of {@link SvgDrawing}, so that both write a value the same way.
 */
public final class NumberText {

    /**
     * The magnitude from which {@link #decimal} switches to scientific notation: a value of
     * {@code 1e9} or more prints as {@code 1.000000e+09}, one below it in fixed point.
     */
    public static final double SCIENTIFIC_FROM = 1e9;

    private NumberText() {
    }

    /**
     * Returns {@code value} with {@code decimals} digits after the point: fixed-point when its
     * magnitude is below {@link #SCIENTIFIC_FROM}, otherwise scientific ({@code %.<d>e}).
     * NaN and the infinities print as Java prints them. A value that rounds to zero prints
     * without a sign ({@code -2e-16} and {@code -0.0} as {@code 0.000000}), so no report shows
     * a negative zero.
     *
     * @param value the number
     * @param decimals digits after the point, at least 0
     * @return the text, in the root locale (a point as decimal separator)
     */
    public static String decimal(double value, int decimals) {
        String conversion = Math.abs(value) >= SCIENTIFIC_FROM && Double.isFinite(value)
                ? "e" : "f";
        String text = String.format(Locale.ROOT, "%." + decimals + conversion, value);
        boolean zero = Double.isFinite(value)
                && text.chars().noneMatch(c -> c >= '1' && c <= '9');
        return zero && text.startsWith("-") ? text.substring(1) : text;
    }

    /**
     * Returns {@code value} as {@link #decimal} does, except that a nonzero finite value that
     * would show no nonzero digit there (below half a unit of the last decimal, such as
     * {@code 4e-7} with 6 decimals, or {@code -2e-16}) is written in scientific notation with
     * {@code decimals} digits after the point ({@code 4.000000e-07}), so that a distance or
     * an objective that is tiny but not zero is not printed as zero. Zero (of either sign)
     * prints as {@link #decimal} prints it, {@code 0.000000}. For measures whose tiny values
     * mean something (distances, similarities, objectives, sums of squares); shares and
     * percentages keep {@link #decimal}.
     *
     * @param value the number
     * @param decimals digits after the point, at least 0
     * @return the text, in the root locale
     */
    public static String decimalOrTiny(double value, int decimals) {
        String fixed = decimal(value, decimals);
        boolean shownAsZero = fixed.chars().noneMatch(c -> c >= '1' && c <= '9');
        if (value == 0.0 || !Double.isFinite(value) || !shownAsZero) {
            return fixed;
        }
        return String.format(Locale.ROOT, "%." + decimals + "e", value);
    }
}
