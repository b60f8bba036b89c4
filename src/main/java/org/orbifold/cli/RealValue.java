package org.orbifold.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orbifold.io.DecimalNumbers;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The check of a real option's text that takes one value (such as {@code --edge-weight} of
 * {@code mean}), before picocli converts it: a decimal number that a double cannot hold is
 * refused as typed, {@code 1e400} as too large where the conversion would give an infinity,
 * and a nonzero {@code 1e-400} as too small where it would give 0, with the same message as
 * a value of a list of reals ({@link ListValues}). Every single-valued real option of the
 * commands names this class as its {@code preprocessor}; a subnormal value such as
 * {@code 1e-310}, a zero such as {@code 0e-400} and a text that is no decimal number (left to
 * picocli's conversion and to the options' own checks) pass unchanged.
 *
 * <p>Two helpers serve every real option, single or list: {@link #CONVERTER}, which the
 * command line uses for every {@code double} and {@code Double}, reads a negative zero
 * ({@code -0}, {@code -0.0}, {@code -0e5}) as 0, so that no output prints {@code -0.0}; and
 * {@link #typed} returns a value as the user typed it, for the messages of the commands'
 * own checks ({@code --margin -1e-312} is refused as {@code -1e-312}, not as the double's
 * {@code -1.0E-312}).
 */
final class RealValue implements IParameterPreprocessor {

    /**
     * Converts an option's text to a double as picocli does ({@link Double#valueOf}), except
     * that a negative zero becomes 0 (a sign on zero means nothing to any option), that
     * {@code nan}, {@code inf} and {@code infinity} in any case read as {@code NaN} and
     * {@code Infinity} do (so the option's own range check refuses them as it refuses those),
     * and that a Java type suffix or a hexadecimal number ({@code 2f}, {@code 0x1p3},
     * {@code 0x10}; {@link DecimalNumbers#isJavaOnly}) is refused as no decimal number.
     * Its messages follow the option's name, as those of {@link OptionValues}:
     * {@code --margin must be a number, got 'x'}.
     */
    static final ITypeConverter<Double> CONVERTER = RealValue::convert;

    /**
     * The words of a non-finite value in any case, with an optional sign ({@code nan},
     * {@code -inf}, {@code INFINITY}), read like Java's {@code NaN} and {@code Infinity} so that
     * each option's own check names them as typed.
     */
    private static final Pattern NON_FINITE = Pattern.compile("(?i)([+-]?)(nan|inf|infinity)");

    /** Created by picocli for each option that names this class. */
    RealValue() {
    }

    /**
     * Fails when the option's text, on top of {@code args}, is a decimal number that a double
     * cannot hold; otherwise leaves it to picocli.
     *
     * @param args the command-line arguments still to parse, the option's text on top
     * @param command the command being parsed
     * @param argSpec the option
     * @param info picocli's details of the option as given (unused)
     * @return false: picocli parses the text as usual
     * @throws ParameterException for a usage error naming the option and the text
     */
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec argSpec,
            Map<String, Object> info) {
        if (!args.isEmpty() && argSpec instanceof OptionSpec option) {
            ListValues.requireDoubleRange(command, option.longestName(), args.peek().strip());
        }
        return false;
    }

    /**
     * Fails with a usage error when a real option's value is not finite or is negative,
     * naming the value as typed ({@link #typed}).
     *
     * @param command the command whose option it is
     * @param name a name of the option, such as {@code "--margin"}
     * @param value the converted value
     * @throws CliException a usage error naming the option and its value
     */
    static void requireNonNegative(CommandSpec command, String name, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw CliException.usage(name + " must be finite and >= 0, got "
                    + typed(command, name, value));
        }
    }

    /**
     * Returns a value of a real option as the user typed it (without surrounding spaces):
     * the first value given to the option, across its occurrences and the values of a list,
     * that converts to {@code value}; {@link Numbers#compact} of the value when none does
     * (a default, say).
     *
     * @param command the command whose option it is (its mixins' options included)
     * @param name a name of the option, such as {@code "--margin"}
     * @param value the converted value, as the command holds it
     * @return the text to show in a message
     */
    static String typed(CommandSpec command, String name, double value) {
        for (String text : typedTexts(command, name)) {
            if (converts(text, value)) {
                return text;
            }
        }
        return Numbers.compact(value);
    }

    /**
     * Returns the values an option was given as the user typed them, without surrounding
     * spaces, across its occurrences and the values of a list, in order; empty for an option
     * the command does not have or that was not given.
     *
     * @param command the command whose option it is (its mixins' options included)
     * @param name a name of the option
     * @return the texts
     */
    static List<String> typedTexts(CommandSpec command, String name) {
        OptionSpec option = command.findOption(name);
        List<String> texts = new ArrayList<>();
        if (option != null) {
            for (String text : option.originalStringValues()) {
                String[] values = option.splitRegex().isEmpty() ? new String[] {text}
                        : Pattern.compile(option.splitRegex()).split(text);
                for (String each : values) {
                    texts.add(each.strip());
                }
            }
        }
        return texts;
    }

    /** Whether a text converts to exactly {@code value}; false for a text that is no number. */
    private static boolean converts(String text, double value) {
        try {
            return Double.compare(convert(text), value) == 0;
        } catch (TypeConversionException e) {
            return false;
        }
    }

    /** The conversion of {@link #CONVERTER}. */
    private static Double convert(String text) {
        if (DecimalNumbers.isJavaOnly(text)) {
            throw new TypeConversionException("must be a decimal number, got '" + text
                    + "'");
        }
        Matcher word = NON_FINITE.matcher(text.strip());
        if (word.matches()) {
            return word.group(2).equalsIgnoreCase("nan") ? Double.NaN
                    : word.group(1).equals("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY;
        }
        double value;
        try {
            value = Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a number, got '" + text + "'");
        }
        return value == 0.0 ? 0.0 : value;
    }
}
