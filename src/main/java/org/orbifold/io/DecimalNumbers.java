package org.orbifold.io;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.UnaryOperator;
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
 *
 * <p>The readers of text formats share one further rule and one wording through
 * {@link #parseFinite}: a value must be a finite decimal number that a double holds, so
 * {@code inf}, {@code Infinity}, {@code NaN}, {@code 1e400} (an infinity for a double) and a
 * nonzero {@code 1e-400} (which a double reads as 0; {@link #underflows}, the rule the
 * command line applies to real options) are refused, each with the same message
 * ({@link #refusal}). Subnormal values such as {@code 1e-310} and zeros such as
 * {@code 0e-400} are read.
 *
 * <p><b>Integers beyond 2^53.</b> An integer literal (ASCII digits with an optional sign, no
 * point and no exponent) larger in magnitude than 2^53 = {@value #EXACT_INTEGER_LIMIT} is
 * refused too ({@link #isInexactInteger}): beyond 2^53 a double no longer holds every
 * integer, so {@code 9007199254740993} would read as {@code 9007199254740992}, two ids or
 * counts would become one value without a word, and a 30-digit integer would keep only its
 * first 17 digits. A program that writes doubles writes such values with a point or an
 * exponent ({@code 9007199254740992.0} in Python, {@code 9.007199254740992E15} in Java), so an
 * integer literal there comes from integer data; no TU, IAM or QAPLIB file that the tests
 * read has one (the TU format's labels are small integer codes, its attributes reals). The
 * limit is on the magnitude, not on exactness, so that every integer of a column beyond it is
 * refused alike (2^53 + 2 is a double, 2^53 + 1 is not). The refusal says how to read such a
 * value rounded: with a decimal point ({@code 9007199254740993.0}), a number that a double
 * rounds as it rounds {@code 0.1}. The readers of GML, GraphML, DOT and NumPy arrays apply the
 * same limit with the same reason ({@link #inexactIntegerReason}).
 */
public final class DecimalNumbers {

    /** A Java type suffix after a digit or point at the end, or a hexadecimal prefix. */
    private static final Pattern JAVA_ONLY = Pattern.compile("[0-9.][fFdD]$|^[+-]?0[xX]");

    /**
     * The largest magnitude up to which a double holds every integer, 2^53; an integer literal
     * beyond it is refused ({@link #isInexactInteger}).
     */
    public static final long EXACT_INTEGER_LIMIT = 1L << 53;

    /** An integer of ASCII digits with an optional sign. */
    private static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]+");

    private static final Pattern NON_FINITE_WORD =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

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
        Objects.requireNonNull(text, "text");
        return JAVA_ONLY.matcher(text.strip()).find();
    }

    /**
     * Returns whether a text is a word that Python, NumPy and others write for a non-finite
     * number: {@code nan}, {@code inf} or {@code infinity}, with an optional sign, in any
     * letter case. Surrounding spaces are ignored.
     *
     * @param text the text
     * @return whether it is such a word
     */
    public static boolean isNonFiniteWord(String text) {
        Objects.requireNonNull(text, "text");
        return NON_FINITE_WORD.matcher(text.strip()).matches();
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
        Objects.requireNonNull(text, "text");
        if (isJavaOnly(text)) {
            throw new NumberFormatException("'" + text.strip() + "' is a Java-only number form"
                    + " (a type suffix d or f, or hexadecimal), not a decimal number");
        }
        return Double.parseDouble(text);
    }
    /**
     * Returns whether a number's text names a nonzero value that a double reads as 0, such as
     * {@code 1e-400}: the value read is zero while a digit before the exponent is not. A
     * subnormal value such as {@code 1e-310} reads as nonzero and a zero such as
     * {@code 0e-400} is zero, so neither underflows; nor does a Java-only form.
     *
     * @param text the text of a number as typed, surrounding spaces allowed
     * @param value the value {@link Double#parseDouble} read from it
     * @return true if the text names a nonzero number and the value is zero
     */
    public static boolean underflows(String text, double value) {
        Objects.requireNonNull(text, "text");
        if (value != 0.0 || isJavaOnly(text)) {
            return false;
        }
        String mantissa = text.strip().split("[eE]", 2)[0];
        return mantissa.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    /**
     * Reads a value of a data file: a finite decimal number that a double holds. The readers
     * of text formats call this, so that each refuses the same numbers with the same words.
     *
     * @param text the text, surrounding spaces allowed
     * @param what what the value is, such as {@code "first matrix entry (1, 2)"}, for the
     *     message; null for none
     * @return the value, finite
     * @throws NumberFormatException if the text is no number, a Java-only form, not finite
     *     ({@code inf}, {@code NaN}, {@code 1e400}), a nonzero number that a double reads as
     *     0 ({@code 1e-400}) or an integer literal beyond 2^53 in magnitude
     *     ({@link #isInexactInteger}); the message is {@link #refusal}
     */
    public static double parseFinite(String text, String what) {
        Objects.requireNonNull(text, "text");
        double value;
        try {
            value = parse(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(refusal(text, what));
        }
        if (!Double.isFinite(value) || underflows(text, value) || isInexactInteger(text)) {
            throw new NumberFormatException(refusal(text, what));
        }
        return value;
    }

    /**
     * Returns whether a text is an integer literal, ASCII digits with an optional sign and
     * surrounding spaces allowed, larger in magnitude than 2^53
     * ({@value #EXACT_INTEGER_LIMIT}), beyond which a double does not hold every integer.
     *
     * @param text the text
     * @return whether it is such an integer; false for a number with a point or an exponent
     */
    public static boolean isInexactInteger(String text) {
        Objects.requireNonNull(text, "text");
        String token = text.strip();
        if (!ASCII_INTEGER.matcher(token).matches()) {
            return false;
        }
        String digits = token.replaceFirst("^[+-]?0*", "");
        return digits.length() > 16 || digits.length() == 16
                && Long.parseLong(digits) > EXACT_INTEGER_LIMIT;
    }

    /**
     * The one reason given for an integer beyond 2^53, after the value in a refusal: that
     * beyond 2^53 a double does not hold every integer, what a double would read instead when
     * it differs, and how to read the value rounded. The readers that refuse such an integer
     * by a rule of their own (a GraphML {@code int} key, a NumPy {@code i8} array) give it too.
     *
     * @param integer the integer as written, ASCII digits with an optional sign
     * @param roundedHow how to read it rounded, such as {@code "write it with a decimal point,
     *     9007199254740993.0"}
     * @return the reason, without parentheses
     */
    public static String inexactIntegerReason(String integer, String roundedHow) {
        Objects.requireNonNull(integer, "integer");
        Objects.requireNonNull(roundedHow, "roundedHow");
        String token = integer.strip();
        BigDecimal read = new BigDecimal(Double.parseDouble(token));
        boolean exact = read.compareTo(new BigDecimal(token)) == 0;
        return "an integer larger in magnitude than 2^53 = " + EXACT_INTEGER_LIMIT + ", beyond"
                + " which a double does not hold every integer" + (exact ? ""
                : ", so it would read as " + read.toPlainString()) + "; " + roundedHow
                + " to read it rounded";
    }

    /**
     * Reads an integer written with the ASCII digits {@code 0-9}, an optional sign in front
     * and surrounding spaces allowed. {@link Integer#parseInt} alone also reads the digits of
     * other scripts (U+0661, the Arabic-Indic one, or a full-width three) as numbers,
     * which no data file means as an id or a count.
     *
     * @param text the text
     * @return the value
     * @throws NumberFormatException if the text is no such integer or does not fit an int
     */
    public static int parseInteger(String text) {
        Objects.requireNonNull(text, "text");
        String token = text.strip();
        if (!ASCII_INTEGER.matcher(token).matches()) {
            throw new NumberFormatException("not an integer of ASCII digits: '"
                    + printable(token) + "'");
        }
        return Integer.parseInt(token);
    }

    /**
     * The one wording of a refused value in a data file, for example
     * {@code expected a finite decimal number for first matrix entry (1, 2), found '2d' (a
     * Java-only form: type suffix d or f, or hexadecimal)}. The reason in parentheses is
     * given when the text is a Java-only form, too large or too small for a double;
     * characters outside printable ASCII are shown escaped ({@link #printable}),
     * so that a Unicode minus reads <code>&#92;u2212</code> whatever the terminal.
     *
     * @param text the refused text, surrounding spaces allowed
     * @param what what the value is, for the message; null for none
     * @return the message, without file and line
     */
    public static String refusal(String text, String what) {
        return refusal(text, what, token -> "'" + printable(token) + "'");
    }

    /**
     * The refusal of {@link #refusal(String, String)} with the refused text shown by a
     * reader's own rule, such as one that cuts a long text and gives its length.
     *
     * @param text the refused text, surrounding spaces allowed
     * @param what what the value is, for the message; null for none
     * @param quoted shows the text without its surrounding spaces, quotes included
     * @return the message, without file and line
     */
    public static String refusal(String text, String what, UnaryOperator<String> quoted) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(quoted, "quoted");
        String token = text.strip();
        String message = "expected a finite decimal number" + (what == null ? "" : " for " + what)
                + ", found " + quoted.apply(token);
        if (isJavaOnly(token)) {
            return message + " (a Java-only form: type suffix d or f, or hexadecimal)";
        }
        double value;
        try {
            value = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            return message;
        }
        if (Double.isInfinite(value) && !token.contains("Infinity")) {
            return message + " (too large for a double, whose largest magnitude is about"
                    + " 1.8e+308)";
        }
        if (underflows(token, value)) {
            return message + " (too small for a double, which would read it as 0; the smallest"
                    + " positive double is about 4.9e-324)";
        }
        if (isInexactInteger(token)) {
            return message + " (" + inexactIntegerReason(token, "write it with a decimal point, "
                    + token.replaceFirst("^\\+", "") + ".0,") + ")";
        }
        return message;
    }

    /**
     * Returns a text with every character outside printable ASCII escaped by the project's one
     * rule ({@link TextFiles#shownCodePoint}: a tab as a backslash and {@code t}, others as a
     * backslash, {@code u} and four lower-case hexadecimal digits, a Unicode minus as
     * <code>&#92;u2212</code>, and a character beyond U+FFFF as one escape of eight digits, an
     * emoji as <code>&#92;U0001f600</code>), so that a message shows it readably in any
     * terminal and encoding.
     *
     * @param text the text
     * @return the text, printable ASCII only
     */
    public static String printable(String text) {
        Objects.requireNonNull(text, "text");
        return TextFiles.shown(text, c -> c < 0x20 || c >= 0x7f);
    }
}
