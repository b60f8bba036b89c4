package org.orbifold.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orbifold.io.DecimalNumbers;
import picocli.CommandLine;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The check of a list option's text (an option with {@code split = ","}) before picocli splits
 * it and converts its values: a text with an empty or blank value that picocli would keep,
 * such as {@code --k 1,,3}, {@code --k ,3} or {@code --k "1, ,3"}, is refused with a message
 * that names the option and the text, where picocli would say {@code '' is not an int} (or,
 * for a list of names, keep the empty name); a blank text, such as {@code --k ''}, is an
 * empty list when the option is given once, and an empty value when it is given again
 * before or after ({@code --k 1 --k ''}: repeated list options add up to one list). Every
 * list option of the commands names this class as its {@code preprocessor}. A value of a
 * list of reals that a double cannot hold ({@code 1e400}, {@code 1e-400}) is refused here
 * as typed, where the conversion would turn it into an infinity or 0. Spaces around the
 * values are dropped before picocli converts them, so that {@code --k "1, 3"} is
 * {@code --k 1,3} for every list, as the conversion of reals and the commands' use of names
 * (which strip them) already had it.
 *
 * <p>Empty values at the end of a text ({@code --k 1,}, {@code --k ,}) are dropped by
 * picocli's split, not converted; {@code ClassifyCommand} refuses them after the parse, where
 * it can tell a list given only as commas from one that ends in a comma.
 *
 * <p>A list option that takes one list, not a list that repetitions add to, names a subclass
 * that gives {@link #onceHint()}: such an option given twice or more is refused during the
 * parse, before any of its values is converted, with every text given
 * ({@code --graphs may be given only once, got it twice (--graphs 0,1 --graphs=2); ...}, each
 * as typed; {@link GivenMoreThanOnce}), as picocli refuses other options given twice.
 * {@code render}'s {@code --graphs} and {@code --align} are such options; {@code classify}'s
 * lists of values to search are not (repetitions add up, and a value given twice is refused
 * by the command).
 *
 * <p><b>Limitations.</b> The text is split on the option's split pattern without regard to
 * quotes, so a quoted value that holds two adjacent commas is refused as well.
 */
class ListValues implements IParameterPreprocessor {

    /** Created by picocli for each option that names this class. */
    ListValues() {
    }

    /**
     * Returns what to say after the refusal of the option given more than once, or null for a
     * list that repetitions add to (the default).
     *
     * @return the end of the message, such as {@code "list every graph in one --graphs
     *     I,J,..."}, or null
     */
    String onceHint() {
        return null;
    }

    /**
     * Fails when the option's text, on top of {@code args}, is blank, has an empty or blank
     * value that picocli's split keeps, or a real that a double cannot hold; otherwise leaves
     * the text to picocli, with the spaces around its values removed.
     *
     * @param args the command-line arguments still to parse, the option's text on top
     * @param command the command being parsed
     * @param argSpec the list option
     * @param info picocli's details of the option as given (unused)
     * @return false: picocli parses the text as usual
     * @throws ParameterException for a usage error naming the option and the text
     */
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec argSpec,
            Map<String, Object> info) {
        if (args.isEmpty() || !(argSpec instanceof OptionSpec option)
                || option.splitRegex().isEmpty()) {
            return false;
        }
        String text = args.peek();
        String name = option.longestName();
        String hint = onceHint();
        if (hint != null) {
            List<String> texts = new ArrayList<>(option.originalStringValues());
            texts.add(text);
            texts.addAll(laterTexts(args, option));
            if (texts.size() > 1) {
                List<String> given = new ArrayList<>();
                for (String each : texts) {
                    given.add(name + (each == null ? "" : " " + shown(each)));
                }
                throw new GivenMoreThanOnce(command.commandLine(), option, given, hint);
            }
        }
        if (text.isBlank()) {
            if (option.originalStringValues().isEmpty() && !givenLater(args, option)) {
                throw new ParameterException(command.commandLine(), name
                        + " needs at least one value, got an empty list");
            }
            // Repeated options add up to one list, to which this text adds an empty value.
            throw new ParameterException(command.commandLine(),
                    "empty value in a list of values: " + name + " '" + text + "'");
        }
        // As picocli splits: empty values at the end are dropped, all others are converted.
        Class<?>[] types = option.auxiliaryTypes();
        boolean reals = types.length > 0 && (types[0] == Double.class
                || types[0] == double.class);
        for (String value : Pattern.compile(option.splitRegex()).split(text)) {
            if (value.isBlank()) {
                throw new ParameterException(command.commandLine(),
                        "empty value in a list of values: " + name + " " + text);
            }
            if (reals) {
                requireDoubleRange(command, name, value.strip());
            }
        }
        String stripped = stripValues(text, option.splitRegex());
        if (!stripped.equals(text)) {
            args.pop();
            args.push(stripped);
        }
        return false;
    }

    /**
     * The refusal of a list option that takes one list given more than once, which names
     * every occurrence: {@code --graphs may be given only once, got it twice (--graphs 0
     * --graphs=1); list every graph ...}. During the parse only the values of the earlier
     * occurrences are known, so the message it is made with writes each as {@code NAME
     * VALUE}; {@link #message(String[])} writes them as typed, from the whole command line.
     */
    static final class GivenMoreThanOnce extends ParameterException {

        private static final long serialVersionUID = 1L;

        /** The option given more than once. */
        private final transient OptionSpec option;

        /** The number of occurrences. */
        private final int count;

        /** What to say after the occurrences. */
        private final String hint;

        GivenMoreThanOnce(CommandLine command, OptionSpec option, List<String> given,
                String hint) {
            super(command, text(option.longestName(), given, hint));
            this.option = option;
            this.count = given.size();
            this.hint = hint;
        }

        /**
         * Returns the message with the occurrences as typed on the command line (a name
         * alone and its value, {@code NAME=VALUE}, or a short name with its value attached),
         * or the message it was made with when the command line shows another number of
         * occurrences (as when a value of another option spells the name).
         *
         * @param args the whole command line
         * @return the message
         */
        String message(String[] args) {
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
                if (List.of(option.names()).contains(args[i])) {
                    typed.add(args[i] + (i + 1 < args.length ? " " + shown(args[++i]) : ""));
                } else if (names(args[i], option)) {
                    int equals = args[i].indexOf('=');
                    typed.add(equals < 0 ? args[i] : args[i].substring(0, equals + 1)
                            + shown(args[i].substring(equals + 1)));
                }
            }
            return typed.size() == count ? text(option.longestName(), typed, hint)
                    : getMessage();
        }

        private static String text(String name, List<String> given, String hint) {
            return name + " may be given only once, got it " + (given.size() == 2 ? "twice"
                    : given.size() + " times") + " (" + String.join(" ", given) + "); " + hint;
        }
    }

    /** Returns a value as a message shows it: in quotes when blank, as it is otherwise. */
    private static String shown(String value) {
        return value.isBlank() ? "'" + value + "'" : value;
    }

    /**
     * Fails on a list option whose text ends in a comma, such as {@code --k 1,} or the second
     * of {@code --k 3 --k ,}: the parser drops the empty values, which would otherwise pass
     * unnoticed. (An option given once as commas alone is an empty list, refused by
     * the commands as an empty list; an empty value before another, as in {@code --k 1,,3},
     * is refused during the parse by {@link ListValues}.)
     *
     * @param command the command whose matched options are checked
     */
    static void requireNoTrailingComma(CommandSpec command) {
        for (OptionSpec option : command.commandLine().getParseResult().matchedOptions()) {
            if (option.splitRegex().isEmpty()) {
                continue;
            }
            List<String> texts = option.originalStringValues();
            for (String text : texts) {
                String given = text.strip();
                boolean commasOnly = given.replace(",", "").isBlank();
                if (given.endsWith(",") && (!commasOnly || texts.size() > 1)) {
                    throw CliException.usage("empty value in a list of values: "
                            + option.longestName() + " " + text);
                }
            }
        }
    }

    /**
     * Returns the text with the spaces around each value removed ({@code "1, 3"} as
     * {@code "1,3"}), the separators kept as they are.
     */
    static String stripValues(String text, String splitRegex) {
        Matcher separator = Pattern.compile(splitRegex).matcher(text);
        StringBuilder result = new StringBuilder();
        int start = 0;
        while (separator.find()) {
            result.append(text.substring(start, separator.start()).strip())
                    .append(separator.group());
            start = separator.end();
        }
        return result.append(text.substring(start).strip()).toString();
    }

    /**
     * Fails on a decimal number that a double cannot hold, which the conversion would silently
     * turn into an infinity (such as {@code 1e400}) or into 0 (a nonzero number such as
     * {@code 1e-400}), so that later checks would name a value nobody typed. Subnormal numbers
     * such as {@code 1e-310} are kept; a text that is no decimal number is left to picocli.
     * {@link RealValue} applies the same check to the options that take one real.
     *
     * @param command the command being parsed
     * @param name the option's name, for the message
     * @param value one value as typed, without surrounding spaces
     * @throws ParameterException for a usage error naming the option and the value
     */
    static void requireDoubleRange(CommandSpec command, String name, String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return;
        }
        if (Double.isInfinite(parsed) && !value.contains("Infinity")) {
            throw new ParameterException(command.commandLine(), name + " " + value + " is too"
                    + " large for a double (the largest magnitude is about 1.8e+308)");
        }
        if (DecimalNumbers.underflows(value, parsed)) {
            throw new ParameterException(command.commandLine(), name + " " + value + " is too"
                    + " small for a double, which would read it as 0 (the smallest positive"
                    + " double is about 4.9e-324)");
        }
    }

    /**
     * Returns whether the option occurs again among the arguments after its text (before an
     * end-of-options {@code --}): as one of its names, a long name with {@code =VALUE}, or a
     * short name with the value attached.
     */
    private static boolean givenLater(Stack<String> args, OptionSpec option) {
        for (int i = args.size() - 2; i >= 0; i--) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                return false;
            }
            if (names(arg, option)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the texts of the option's occurrences among the arguments after its text on top
     * (before an end-of-options {@code --}), in order: the word after a name alone (null when
     * there is none), the value after {@code =}, or a short name's attached value.
     */
    private static List<String> laterTexts(Stack<String> args, OptionSpec option) {
        List<String> texts = new ArrayList<>();
        for (int i = args.size() - 2; i >= 0; i--) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (!names(arg, option)) {
                continue;
            }
            String value = null;
            for (String name : option.names()) {
                if (arg.equals(name)) {
                    value = i > 0 ? args.get(--i) : null;
                    break;
                }
                if (arg.startsWith(name + "=")) {
                    value = arg.substring(name.length() + 1);
                    break;
                }
                if (name.length() == 2 && !name.startsWith("--") && arg.startsWith(name)) {
                    value = arg.substring(name.length());
                }
            }
            texts.add(value);
        }
        return texts;
    }

    /**
     * Returns whether a command-line argument names the option: one of its names alone, a
     * name with {@code =VALUE}, or a short name with its value attached ({@code -k3}).
     */
    static boolean names(String arg, OptionSpec option) {
        for (String name : option.names()) {
            boolean isShort = name.length() == 2 && !name.startsWith("--");
            if (arg.equals(name) || arg.startsWith(name + "=")
                    || (isShort && arg.startsWith(name))) {
                return true;
            }
        }
        return false;
    }
}
