package org.orbifold.cli;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The conversions of the options' texts that are not reals (those are {@link RealValue}'s),
 * which the command line registers for every option of these types. Each accepts what
 * picocli's own conversion accepts and refuses the rest with a message in the words of the
 * commands' own checks; the message follows the option's name, which
 * {@link UsageErrors} puts before it: {@code --limit must be an integer, got 'x'}.
 *
 * <ul>
 *   <li>{@link #INTEGER} and {@link #LONG}: a decimal integer (an optional sign and ASCII
 *       digits; no spaces, no hexadecimal, no other script's digits); one that is an
 *       integer but out of the type's range is refused as too large or too small, as
 *       {@link ListValues} refuses a real that a double cannot hold.</li>
 *   <li>{@link #FLAG}: {@code true} or {@code false} in any case, the only values picocli
 *       takes for a flag written with one ({@code --json=false}).</li>
 *   <li>{@link #PATH}: any text that names a path on this system; on POSIX systems only a
 *       NUL character is refused, and a character that the locale's charset for file names
 *       cannot represent ({@link #unrepresentable}).</li>
 * </ul>
 */
final class OptionValues {

    /** Converts the text of an {@code int} or {@code Integer} option. */
    static final ITypeConverter<Integer> INTEGER =
            text -> (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);

    /** Converts the text of a {@code long} or {@code Long} option. */
    static final ITypeConverter<Long> LONG =
            text -> integer(text, Long.MIN_VALUE, Long.MAX_VALUE);

    /** Converts the value of a flag written with one, such as {@code --json=false}. */
    static final ITypeConverter<Boolean> FLAG = OptionValues::flag;

    /** Converts the text of a file or folder option. */
    static final ITypeConverter<Path> PATH = OptionValues::path;

    /** An optional sign and ASCII digits, nothing else. */
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?[0-9]+");

    private OptionValues() {
    }

    /**
     * Reads an {@code int} as {@link #INTEGER} does, for arguments that are not options.
     *
     * @param text the argument
     * @return its value
     * @throws TypeConversionException for a text that is no integer, or one out of range
     */
    static int integer(String text) {
        return (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Reads a decimal integer in {@code min..max}: an optional sign and the ASCII digits
     * {@code 0} to {@code 9} (not the digits of other scripts, which {@link Long#parseLong}
     * takes).
     *
     * @throws TypeConversionException for a text that is no integer, or one out of range
     */
    private static long integer(String text, long min, long max) {
        if (!DECIMAL_INTEGER.matcher(text).matches()) {
            // BigInteger alone would take other scripts' digits, such as Arabic-Indic ones.
            throw new TypeConversionException("must be an integer, got '" + text + "'");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException(text + " is too large for an integer (at most "
                    + max + ")");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new TypeConversionException(text + " is too small for an integer (at least "
                    + min + ")");
        }
        return value.longValueExact();
    }

    private static Boolean flag(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        if (key.equals("true") || key.equals("false")) {
            return Boolean.valueOf(key);
        }
        throw new TypeConversionException("takes no value (or true or false), got '" + text
                + "'");
    }

    private static Path path(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new TypeConversionException("must be a path without NUL characters");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("must be a path, got '" + text + "' ("
                    + unrepresentable(e) + ")");
        }
    }

    /**
     * Says why a text is no path of this system, for the messages that refuse it: where the
     * reason is the charset's (a character of the text has no encoding in the charset that
     * the Java runtime took from the locale for file names, such as the non-ASCII
     * characters of an argument under {@code LC_ALL=C}, which Java has already decoded to
     * replacement characters), that it cannot be represented in that charset, and that a
     * UTF-8 locale takes it; otherwise the exception's own reason.
     *
     * @param e the refusal of {@link Path#of}
     * @return the reason, without the text
     */
    static String unrepresentable(InvalidPathException e) {
        String reason = e.getReason();
        if (reason == null || !reason.startsWith("Malformed input or input contains"
                + " unmappable characters")) {
            return reason;
        }
        String charset = System.getProperty("sun.jnu.encoding",
                Charset.defaultCharset().name());
        return "it cannot be represented in the charset of the current locale (" + charset
                + "); run under a UTF-8 locale, such as LC_ALL=C.UTF-8";
    }
}
