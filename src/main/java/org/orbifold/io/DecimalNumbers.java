package org.orbifold.io;

import java.util.regex.Pattern;

/**
 * The one rule for what counts as a number in a data file or a command-line option:
 * {@link Double#parseDouble} reads a few forms that exist only in Java source, a type suffix
 * ({@code 2d}, {@code 2f}, {@code 2D}, {@code 2F}) and a hexadecimal number
 * ({@code 0x1p3}, also {@code 0x10}, which Java itself refuses without its exponent), and no
 * data set or user means those as a number. The readers of text formats
 * ({@link TuDatasetReader}, {@link IamDatasetReader}, {@link QaplibReader}) refuse them with
 * the file and line, and the command line refuses them in options.
 *
 * <p>Everything else {@link Double#parseDouble} reads is left as it is: decimal numbers with
 * or without an exponent, surrounding spaces, and the words {@code NaN} and
 * {@code Infinity}, which each caller accepts or refuses by its own rule (the readers refuse
 * every non-finite value).
 */
public final class DecimalNumbers {

    /** A Java type suffix after a digit or point at the end, or a hexadecimal prefix. */
    private static final Pattern JAVA_ONLY = Pattern.compile("[0-9.][fFdD]$|^[+-]?0[xX]");

    private DecimalNumbers() {
    }

    /**
     * Returns whether a text is written in a form only Java reads as a number: with a type
     * suffix ({@code 2d}, {@code 1e-3f}) or hexadecimal ({@code 0x1p3}, {@code -0X10}).
     * Surrounding spaces are ignored.
     *
     * @param text the text
     * @return true for a Java-only form, whether or not Java would read it; false for a word
     *     such as {@code inf}
     */
    public static boolean isJavaOnly(String text) {
        return JAVA_ONLY.matcher(text.strip()).find();
    }

    /**
     * Reads a number as {@link Double#parseDouble} does, except that a Java-only form
     * ({@link #isJavaOnly}) is refused.
     *
     * @param text the text, surrounding spaces allowed
     * @return the value, possibly NaN or infinite if the text says so
     * @throws NumberFormatException if the text is no number or a Java-only form; the
     *     message says which
     */
    public static double parse(String text) {
        if (isJavaOnly(text)) {
            throw new NumberFormatException("'" + text.strip() + "' is a Java-only number form"
                    + " (a type suffix d or f, or hexadecimal), not a decimal number");
        }
        return Double.parseDouble(text);
    }
}
