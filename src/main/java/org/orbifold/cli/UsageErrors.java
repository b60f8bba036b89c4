package org.orbifold.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The words of the usage errors that picocli finds in a command line, in the style of the
 * commands' own checks: lower case, the option or the command first,
 * then what it needs and what it got, the user's text in quotes. Each message is built from
 * the parts the exception carries, not from picocli's sentence. An option with several names
 * is named as it was typed ({@code -k}, alone or with its value attached as in {@code -kx},
 * or {@code --clusters}; {@link #typedName(CommandSpec, String)}), one with a single name by
 * that name:
 *
 * <ul>
 *   <li>an unknown option: {@code unknown option '--limt' of info; did you mean --limit?},
 *       with those of picocli's suggestions that are near what was typed ({@link #useful}),
 *       else a pointer to the command's help;
 *       an unknown command (or help topic): {@code unknown command 'infoo' (did you mean
 *       info?); commands: ...};</li>
 *   <li>too many arguments: {@code info takes [DATASET], got 2 arguments (a b)};</li>
 *   <li>an option without its value: {@code --limit needs a value (--limit N)}, and
 *       {@code , got the option --json} when an option stands where the value should;</li>
 *   <li>a required option or argument not given: {@code cluster needs --clusters K (or -k
 *       K)}, unless the command line also holds unknown options or extra arguments, which
 *       are named first ({@code --clusterz 3}: did you mean --clusters?);</li>
 *   <li>a value that does not convert: the option's name, then the message of the
 *       converter ({@link OptionValues}, {@link RealValue}): {@code --limit must be an
 *       integer, got 'x'};</li>
 *   <li>an option given twice: {@code --first may be given only once}; one of several
 *       names typed under more than one, by each ({@code --valid and --validation are one
 *       option, which may be given only once});</li>
 *   <li>a list option that takes one list given twice ({@link ListValues}): each occurrence
 *       as typed, {@code (--graphs 0 --graphs=1)}.</li>
 * </ul>
 *
 * The errors that the commands' preprocessors ({@link ListValues}, {@link RealValue}) and
 * {@link Main} raise are worded so already and keep their message.
 *
 * The same holds for the messages of the commands' own checks, which name an option by one
 * of its names: {@link Main} passes each through {@link #asTyped}, which puts the name typed in
 * place of the others ({@code -k must be >= 1, got 0} for {@code cluster -k 0},
 * {@code cannot read --validation FILE}).
 *
 * <p><b>Limitations.</b> Picocli's other parse errors (too many values for an option's
 * arity, options of an exclusive group) would keep picocli's sentence; no option of the
 * commands can raise them. The names typed are found by reading the command line word by
 * word, not through picocli's parse: a word that is the value of another option but spells a
 * name ({@code --class --clusters}) counts as typing that name. {@link #asTyped} replaces only
 * the name that heads a message (or follows an opening such as {@code cannot read}), so the
 * values, paths and class names later in the message are never rewritten, and a message that
 * names an option further in keeps the name it gives.
 */
final class UsageErrors {

    /** The edit distance of two names, for suggestions (Apache Commons Text). */
    private static final LevenshteinDistance LEVENSHTEIN =
            LevenshteinDistance.getDefaultInstance();

    /** The openings of a message after which {@link #asTyped} looks for an option's name. */
    private static final List<String> HEADS = List.of("", "cannot read ", "cannot write ",
            "empty value in a list of values: ");

    /** The longest value, in characters, that {@link #quoted} shows whole. */
    static final int MAX_VALUE_SHOWN = 60;

    /** The hint for a comma-separated list given to an option of one value. */
    static final String ONE_VALUE = " (it takes one value, not a comma-separated list)";

    private UsageErrors() {
    }

    /**
     * Returns the one-line message of a usage error.
     *
     * @param e the error
     * @param args the whole command line, in which an option without its value is looked up
     * @return the message, without the {@link Main#ERROR_PREFIX}
     */
    static String message(ParameterException e, String[] args) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (e instanceof MissingParameterException missing) {
            return missing(missing, args);
        }
        if (e instanceof ListValues.GivenMoreThanOnce once) {
            return once.message(args);
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            return givenTwice(overwritten.getOverwritten(), args);
        }
        if (e.getCause() instanceof TypeConversionException conversion
                && e.getArgSpec() != null) {
            return typedName(e.getArgSpec(), e.getValue(), args) + " "
                    + conversion.getMessage();
        }
        if (isUnknownHelpTopic(e)) {
            return unknownCommand(e.getValue(), useful(e.getValue(),
                    List.copyOf(e.getCommandLine().getSubcommands().keySet())));
        }
        return asTyped(e.getCommandLine().getCommandSpec(), List.of(args), e.getMessage());
    }

    /** Returns the message of an unknown command, with the likely commands if any. */
    static String unknownCommand(String name, List<String> suggestions) {
        return "unknown command '" + name + "'" + (suggestions.isEmpty() ? ""
                : " (did you mean " + alternatives(suggestions) + "?)") + "; commands: "
                + Main.COMMANDS;
    }

    /** Names an option by its longest name and a positional parameter by its label. */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /**
     * Returns the name under which an option of a parsed command was given, for the
     * command's own checks of an option with aliases; its longest name if it was not given.
     *
     * @param command the parsed command
     * @param name a name of the option
     * @return the name as typed
     */
    static String typedName(CommandSpec command, String name) {
        OptionSpec option = command.findOption(name);
        if (option == null) {
            return name;
        }
        List<String> args = command.commandLine().getParseResult().originalArgs();
        return typedName(option, null, args.toArray(new String[0]));
    }

    /**
     * Names an option as the user typed it when it has aliases ({@code --max-iterations} for
     * {@code --iterations}, {@code -k} for {@code --clusters}): the name given with
     * {@code value} on the command line (the value after the name, after {@code =}, or
     * attached to a short name, {@code -kx}), else the last name of the option there, else
     * its longest name; a positional parameter by its label.
     */
    private static String typedName(ArgSpec arg, String value, String[] args) {
        if (!(arg instanceof OptionSpec option) || option.names().length == 1) {
            return name(arg);
        }
        String last = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            for (String name : option.names()) {
                boolean alone = args[i].equals(name);
                String given = alone ? (i + 1 < args.length ? args[i + 1] : null)
                        : args[i].startsWith(name + "=") ? args[i].substring(name.length() + 1)
                        : isShort(name) && args[i].startsWith(name) ? args[i].substring(2)
                        : isShort(name) && option.command() != null
                        ? clusterValue(option.command(), args[i], option) : null;
                if (value != null && value.equals(given)) {
                    return name;
                }
                if (alone || given != null) {
                    last = name;
                }
            }
        }
        return last != null ? last : option.longestName();
    }

    /**
     * Returns the message of an option given more than once: {@code -k may be given only
     * once} when it was typed under one name, and every name it was typed under, in the
     * order of the command line, when there were several ({@code --valid and --validation
     * are one option, which may be given only once}), so that the message names what the
     * user typed first as well as what repeated it.
     */
    private static String givenTwice(ArgSpec arg, String[] args) {
        List<String> names = new ArrayList<>();
        if (arg instanceof OptionSpec option && option.names().length > 1) {
            for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
                for (String name : option.names()) {
                    if (!names.contains(name) && typed(name, option, new String[] {args[i]})) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.size() < 2) {
            return typedName(arg, null, args) + " may be given only once";
        }
        return String.join(" and ", names) + " are one option, which may be given only once";
    }

    /**
     * Returns a message of a command with each option of several names named as the user
     * typed it ({@link #typedName(ArgSpec, String, String[])}): the commands' own checks name
     * an option by one of its names ({@code --clusters must be >= 1}, {@code cannot read
     * --valid FILE}), and this puts the name from the command line in its place
     * ({@code -k must be >= 1} after {@code -k 0}, {@code cannot read --validation FILE}).
     * A name that the user typed stays (with {@code --k '' -k1} the message on the first
     * names {@code --k}); the others become the last name typed. Only the name that heads
     * the message is replaced ({@link #renamedAtHead}), as a whole word (so not inside
     * {@code --k-max}); an option not on the command line keeps the name the message gives
     * it.
     *
     * @param command the command whose options are named
     * @param args the whole command line
     * @param message the message
     * @return the message with the options named as typed
     */
    static String asTyped(CommandSpec command, List<String> args, String message) {
        if (message == null) {
            return null;
        }
        String[] given = args.toArray(new String[0]);
        String result = message;
        for (OptionSpec option : command.options()) {
            if (option.names().length == 1 || !typed(option, given)) {
                continue;
            }
            String typed = typedName(option, null, given);
            for (String name : option.names()) {
                if (!typed(name, option, given)) {
                    result = renamedAtHead(result, name, typed);
                }
            }
        }
        return result;
    }

    /**
     * Returns the message with the option name that heads it put as typed: the name at the
     * start of the message ({@code --clusters must be}) or right after one of the other
     * {@link #HEADS} ({@code cannot read}) at its start, as a whole word. Nothing later in
     * the message is touched, since that is where the values, paths and class names the user
     * gave stand.
     */
    private static String renamedAtHead(String message, String name, String typed) {
        for (String head : HEADS) {
            Matcher m = Pattern.compile(Pattern.quote(head + name) + "(?![\\w-])")
                    .matcher(message);
            if (m.lookingAt()) {
                return head + typed + message.substring(m.end());
            }
        }
        return message;
    }

    /** Whether the user typed the option under this name before an end of options. */
    private static boolean typed(String name, OptionSpec option, String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(name) || arg.startsWith(name + "=") || isShort(name)
                    && (arg.startsWith(name) || option.command() != null
                    && clusterValue(option.command(), arg, option) != null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the option's name stands among the arguments before an end of options
     * {@code --}: alone, with {@code =VALUE}, as a short name with its value attached, or in
     * a cluster of short options ({@code -hk}; {@link #cluster}).
     */
    private static boolean typed(OptionSpec option, String[] args) {
        for (String name : option.names()) {
            if (typed(name, option, args)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an option name is a short one, a dash and one character ({@code -k}). */
    private static boolean isShort(String name) {
        return name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-';
    }

    /**
     * Returns the options of a cluster of short options as picocli reads it (the POSIX
     * clustering of getopt): after one dash, flags, up to the first option that takes a
     * value, whose value is the rest of the argument, possibly after {@code =}
     * ({@code -hk3}: {@code -h}, then {@code -k} with 3). Empty when the argument is no such
     * cluster: a long option, a single short name alone, or a character that names no short
     * option of the command before the first that takes a value.
     *
     * @param command the command whose options are looked up
     * @param arg a command-line argument
     * @return the options of the cluster in order, the one that takes a value last if any
     */
    static List<OptionSpec> cluster(CommandSpec command, String arg) {
        if (arg.length() < 3 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return List.of();
        }
        List<OptionSpec> options = new ArrayList<>();
        for (int i = 1; i < arg.length(); i++) {
            OptionSpec option = command.findOption(arg.charAt(i));
            if (option == null) {
                return List.of();
            }
            options.add(option);
            if (option.arity().max() > 0) {
                break;
            }
        }
        return options;
    }

    /**
     * Returns the text that a cluster gives to an option of it that takes a value (empty when
     * the option ends the cluster, its value missing), or null when the option takes no value
     * or is not in the argument's cluster ({@link #cluster}).
     */
    private static String clusterValue(CommandSpec command, String arg, OptionSpec option) {
        List<OptionSpec> options = cluster(command, arg);
        int at = options.size();
        if (at == 0 || options.get(at - 1) != option || option.arity().max() == 0) {
            return null;
        }
        String rest = arg.substring(at + 1);
        return rest.startsWith("=") ? rest.substring(1) : rest;
    }

    /**
     * Unknown options, an unknown command, or arguments beyond the command's parameters.
     * Picocli lists every argument from the first it could not place, options or not; the
     * options are named when there are some, as the likelier mistake.
     */
    private static String unmatched(UnmatchedArgumentException e) {
        CommandLine command = e.getCommandLine();
        List<String> unmatched = e.getUnmatched();
        if (unmatched.isEmpty()) {
            return e.getMessage();
        }
        String first = unmatched.get(0);
        if (command.getParent() == null && !looksLikeOption(first)) {
            return unknownCommand(first, useful(first, e.getSuggestions()));
        }
        List<String> options = new ArrayList<>();
        for (String arg : unmatched) {
            if (looksLikeOption(arg)) {
                options.add("'" + arg + "'");
            }
        }
        if (options.isEmpty()) {
            return tooManyArguments(command.getCommandSpec(), unmatched);
        }
        String where = command.getParent() == null ? "" : " of " + command.getCommandName();
        List<String> suggestions = looksLikeOption(first) && options.size() == 1
                ? useful(first, withCaseVariants(command, first, e.getSuggestions()))
                : List.of();
        return "unknown option" + (options.size() == 1 ? " " : "s ")
                + String.join(", ", options) + where + "; " + (suggestions.isEmpty()
                ? "see " + qualifiedName(command) + " --help"
                : "did you mean " + alternatives(suggestions) + "?");
    }

    /**
     * Picocli's suggestions preceded by the command's option names that differ from what was
     * typed only in case ({@code --class} for {@code --Class}), which picocli does not offer.
     */
    private static List<String> withCaseVariants(CommandLine command, String typed,
            List<String> suggestions) {
        List<String> candidates = new ArrayList<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            for (String name : option.names()) {
                if (bare(name).equals(bare(typed)) && !candidates.contains(name)) {
                    candidates.add(name);
                }
            }
        }
        for (String name : suggestions) {
            if (!candidates.contains(name)) {
                candidates.add(name);
            }
        }
        return candidates;
    }

    /** Whether an argument is written as an option: a dash, then no digit (not {@code -1}). */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-' && !Character.isDigit(arg.charAt(1))
                && arg.charAt(1) != '.';
    }

    /** The message of arguments beyond the command's positional parameters. */
    private static String tooManyArguments(CommandSpec command, List<String> unmatched) {
        List<String> labels = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (PositionalParamSpec p : command.positionalParameters()) {
            boolean optional = p.arity().min() == 0 && !p.paramLabel().startsWith("[");
            labels.add(optional ? "[" + p.paramLabel() + "]" : p.paramLabel());
            given.addAll(p.originalStringValues());
        }
        given.addAll(unmatched);
        String takes = labels.isEmpty() ? " takes no arguments"
                : " takes " + String.join(" ", labels);
        return command.name() + takes + ", got " + given.size() + " argument"
                + (given.size() == 1 ? "" : "s") + " (" + String.join(" ", given) + ")";
    }

    /**
     * An option given without its value, or required options and parameters not given. An
     * option whose name is on the command line was given and lacks its value; picocli
     * reports both cases with this exception.
     */
    private static String missing(MissingParameterException e, String[] args) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        for (ArgSpec arg : e.getMissing()) {
            if (arg instanceof OptionSpec option && typed(option, args)) {
                String found = optionInPlaceOfValue(command, option, args);
                String typed = typedName(option, null, args);
                return typed + " needs a value (" + typed + " " + option.paramLabel() + ")"
                        + (found == null ? "" : ", got the option " + found);
            }
        }
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            // Picocli checks the required options before it reports the arguments it could
            // not place; a mistyped required option (--clusterz) is the likelier mistake.
            return unmatched(new UnmatchedArgumentException(e.getCommandLine(), unmatched));
        }
        List<String> needed = new ArrayList<>();
        for (ArgSpec arg : e.getMissing()) {
            if (arg instanceof OptionSpec option) {
                List<String> others = new ArrayList<>();
                for (String name : option.names()) {
                    if (!name.equals(option.longestName())) {
                        others.add(name + " " + option.paramLabel());
                    }
                }
                needed.add(option.longestName() + " " + option.paramLabel() + (others.isEmpty()
                        ? "" : " (or " + String.join(", ", others) + ")"));
            } else {
                needed.add(arg.paramLabel());
            }
        }
        return needed.isEmpty() ? e.getMessage()
                : command.name() + " needs " + Splits.series(needed);
    }

    /**
     * Returns the option of the command that follows the option where its value should be
     * ({@code --limit --json}), or null if there is none. A value attached with {@code =} is
     * the option's value whatever it looks like ({@link AttachedValue}).
     */
    private static String optionInPlaceOfValue(CommandSpec command, OptionSpec option,
            String[] args) {
        for (int i = 0; i + 1 < args.length && !args[i].equals("--"); i++) {
            for (String name : option.names()) {
                if (args[i].equals(name) && isOptionOf(command, args[i + 1])) {
                    return args[i + 1];
                }
            }
        }
        return null;
    }

    /** Whether an argument names an option of the command, or starts a cluster of them. */
    private static boolean isOptionOf(CommandSpec command, String arg) {
        if (!looksLikeOption(arg)) {
            return false;
        }
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        return command.findOption(name) != null
                || (!arg.startsWith("--") && command.findOption(arg.charAt(1)) != null);
    }

    /**
     * Whether the error is picocli's help command refusing a topic that is no command: the
     * only error of the root that names a value and no option.
     */
    private static boolean isUnknownHelpTopic(ParameterException e) {
        CommandLine command = e.getCommandLine();
        ParseResult parsed = command.getParseResult();
        return e.getClass() == ParameterException.class && command.getParent() == null
                && e.getArgSpec() == null && e.getValue() != null && parsed != null
                && parsed.subcommand() != null && parsed.subcommand().commandSpec()
                .userObject() instanceof CommandLine.HelpCommand;
    }

    /**
     * Returns the names among picocli's suggestions (or other candidates) that are likely
     * meant by what was typed, nearest first: those that the typed name, without its leading
     * dashes and any {@code =VALUE}, begins or is the beginning of ({@code --hidden} for
     * {@code --hidden-units}), or is at most {@code max(2, length / 3)} edits away from
     * (Levenshtein distance; {@code --bandwith} for {@code --bandwidth}, not
     * {@code --batch-size}). Picocli's similarity also offers {@code cluster} for
     * {@code bogus}, which helps nobody.
     *
     * @param typed the unknown option or command as typed
     * @param candidates the names to choose from
     * @return the likely names, nearest first
     */
    static List<String> useful(String typed, List<String> candidates) {
        String word = bare(typed);
        int limit = Math.max(2, word.length() / 3);
        List<String> kept = new ArrayList<>();
        for (String candidate : candidates) {
            String name = bare(candidate);
            if (!word.isEmpty() && (name.startsWith(word) || word.startsWith(name)
                    || LEVENSHTEIN.apply(word, name) <= limit)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(c -> LEVENSHTEIN.apply(word, bare(c))));
        return kept;
    }

    /**
     * Returns a value of an option that takes one of a few named choices as {@link #quoted}
     * shows it (so that a very long value is cut), followed by the hint of
     * {@link #didYouMean}: the end of the commands' messages for such values,
     * {@code --aligner must be one of ..., got 'exac' (did you mean exact?)}.
     *
     * @param typed the value as given
     * @param choices the names the option takes
     * @return the end of the message
     */
    static String quotedWithHint(String typed, List<String> choices) {
        return quoted(typed) + didYouMean(typed, choices);
    }

    /**
     * Returns a value as a message shows it, in single quotes: whole when it has at most
     * {@value #MAX_VALUE_SHOWN} characters (code points), otherwise its first
     * {@value #MAX_VALUE_SHOWN}, {@code ...} and its length ({@code 'xxx...' (10,000
     * characters)}), so that a message stays a line.
     *
     * @param typed the value as given
     * @return the value in quotes, cut when long
     */
    static String quoted(String typed) {
        int length = typed.codePointCount(0, typed.length());
        if (length <= MAX_VALUE_SHOWN) {
            return "'" + typed + "'";
        }
        return String.format(Locale.ROOT, "'%s...' (%,d characters)",
                typed.substring(0, typed.offsetByCodePoints(0, MAX_VALUE_SHOWN)), length);
    }

    /**
     * Returns {@code " (did you mean X?)"} for a value of an option that takes one of a few
     * named choices ({@code --aligner exac}: {@code (did you mean exact?)}), naming up to
     * three of the choices near what was typed ({@link #nearValues}), nearest first; empty
     * when none is near. A value with a comma is a list given to an option of one value
     * ({@code --node-kernel gaussian,laplac}), for which no choice is the right fix: the hint
     * says so instead, {@code (it takes one value, not a comma-separated list)}. The
     * commands' checks of such values end their message with it ({@link #quotedWithHint}).
     *
     * @param typed the value as given
     * @param choices the names the option takes
     * @return the suggestion, or the empty string
     */
    static String didYouMean(String typed, List<String> choices) {
        if (typed != null && typed.indexOf(',') >= 0) {
            return ONE_VALUE;
        }
        List<String> near = nearValues(typed, choices);
        return near.isEmpty() ? "" : " (did you mean " + alternatives(near) + "?)";
    }

    /**
     * Returns the choices likely meant by a value, nearest first: those that begin with the
     * value of two characters or more ({@code fa} for {@code fast} and {@code faq}), those of
     * three characters or more that the value begins with ({@code exactly} for
     * {@code exact}), and those at most {@code max(1, length / 3)} edits away (Levenshtein
     * distance, in lower case and without blanks around; {@code exac} for {@code exact},
     * {@code medoids} for {@code medoid}). This is stricter than {@link #useful}, which
     * allows two edits also for short names: among values as short as {@code ga} or
     * {@code knn}, two edits reach names that nobody meant ({@code -h} is two edits from
     * {@code ga}).
     *
     * @param typed the value as given
     * @param choices the names the option takes
     * @return the likely names, nearest first
     */
    static List<String> nearValues(String typed, List<String> choices) {
        String word = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        int limit = Math.max(1, word.length() / 3);
        List<String> kept = new ArrayList<>();
        for (String choice : choices) {
            String name = choice.toLowerCase(Locale.ROOT);
            if (!word.isEmpty() && !word.equals(name)
                    && (word.length() >= 2 && name.startsWith(word)
                    || name.length() >= 3 && word.startsWith(name)
                    || LEVENSHTEIN.apply(word, name) <= limit)) {
                kept.add(choice);
            }
        }
        kept.sort(Comparator.comparingInt(c -> LEVENSHTEIN.apply(word,
                c.toLowerCase(Locale.ROOT))));
        return kept;
    }

    /** A name without its leading dashes and any {@code =VALUE}, in lower case. */
    private static String bare(String name) {
        int equals = name.indexOf('=');
        String word = equals < 0 ? name : name.substring(0, equals);
        return word.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }


    /** Joins the first three names as {@code a}, {@code a or b}, {@code a, b or c}. */
    static String alternatives(List<String> all) {
        List<String> names = all.subList(0, Math.min(3, all.size()));
        int n = names.size();
        return n == 1 ? names.get(0)
                : String.join(", ", names.subList(0, n - 1)) + " or " + names.get(n - 1);
    }

    /** Returns the command as typed from the root, such as {@code orbifold info}. */
    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }
}
