package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The errors that picocli finds in a command line read as the commands' own checks: one line
 * {@code orbifold: error: <message>}, lower case, exit code 2. Each class of error has its
 * wording checked on one command line; every option of every command is then given a value
 * that does not convert and no value at all.
 */
class UsageErrorsTest {

    /** A command line and the message it must be refused with. */
    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                // Unknown options: picocli's suggestion when it is near, else the help.
                refused("unknown option '--limt' of info; did you mean --limit?",
                        "info", "--limt", "3"),
                refused("unknown option '--limt=3' of classify; did you mean --limit?",
                        "classify", "--limt=3"),
                refused("unknown option '--bandwith' of classify; did you mean --bandwidth?",
                        "classify", "--bandwith", "1"),
                refused("unknown option '--foo' of info; see orbifold info --help",
                        "info", "--foo"),
                refused("unknown options '--foo', '--bar' of mean; see orbifold mean --help",
                        "mean", "--foo", "--bar"),
                refused("unknown option '--foo'; see orbifold --help", "--foo"),
                refused("unknown option '--foo' of info; see orbifold info --help",
                        "info", "--foo", "a", "b"),
                // Unknown commands, also as a help topic.
                refused("unknown command 'mediam' (did you mean median?); commands: "
                        + Main.COMMANDS, "mediam"),
                refused("unknown command 'bogus'; commands: " + Main.COMMANDS, "bogus"),
                refused("unknown command 'clsuter' (did you mean cluster?); commands: "
                        + Main.COMMANDS, "help", "clsuter"),
                // Too many arguments.
                refused("info takes [DATASET], got 2 arguments (a b)", "info", "a", "b"),
                refused("cluster takes [DATASET], got 3 arguments (a b -1)", "cluster", "-k",
                        "2", "a", "b", "-1"),
                refused("with --first and --second, align takes [DATASET], got 2 arguments"
                        + " (a b)", "align", "--first", "0", "--second", "1", "a", "b"),
                // An option without its value, at the end or before another option.
                refused("--limit needs a value (--limit N)", "info", "--limit"),
                refused("--limit needs a value (--limit N), got the option --json", "info",
                        "--limit", "--json"),
                refused("--limit must be an integer, got '--json'", "info", "--limit=--json"),
                refused("--valid needs a value (--valid FILE), got the option --test",
                        "classify", "--valid", "--test", "t.txt"),
                refused("--validation needs a value (--validation FILE), got the option"
                        + " --test", "classify", "--validation", "--test", "t.txt"),
                refused("--k needs a value (--k K)", "classify", "--k", "1", "--k"),
                // A required option not given; an unknown option first, likely the same.
                refused("cluster needs --clusters K (or -k K)", "cluster"),
                refused("unknown option '--clusterz' of cluster; did you mean --clusters?",
                        "cluster", "--clusterz", "3"),
                // A name in the wrong case is suggested in the right one.
                refused("unknown option '--Class' of mean; did you mean --class?", "mean",
                        "--Class", "T"),
                refused("unknown option '--LIMIT' of info; did you mean --limit?", "info",
                        "--LIMIT", "3"),
                // Checks of values name the option by its longest name, however it was given.
                refused("--clusters must be >= 1, got 0", "cluster", "--clusters", "0"),
                refused("-k must be >= 1, got 0", "cluster", "-k", "0"),
                // Values that do not convert.
                refused("--limit must be an integer, got 'x'", "info", "--limit", "x"),
                refused("--limit must be an integer, got '1.5'", "info", "--limit", "1.5"),
                refused("--limit must be an integer, got ''", "info", "--limit="),
                // A short name with its value attached is named as typed, as when apart.
                refused("-k must be an integer, got 'x'", "cluster", "-kx"),
                refused("-k must be an integer, got 'x'", "cluster", "-k", "x"),
                refused("--clusters must be an integer, got 'x'", "cluster", "--clusters",
                        "x"),
                refused("-k must be an integer, got 'abc'", "classify", "-kabc"),
                refused("-k must be an integer, got 'abc'", "classify", "-k=abc"),
                refused("-k must be an integer, got 'abc'", "classify", "-k1,abc"),
                refused("-k needs a value (-k K)", "cluster", "-k"),
                refused("-k may be given only once", "cluster", "-k2", "-k", "3"),
                refused("--k must be an integer, got 'x'", "classify", "--k", "1,x"),
                refused("--limit 2147483648 is too large for an integer (at most 2147483647)",
                        "info", "--limit", "2147483648"),
                refused("--first -2147483649 is too small for an integer (at least"
                        + " -2147483648)", "align", "--first", "-2147483649"),
                refused("--seed 9223372036854775808 is too large for an integer (at most"
                        + " 9223372036854775807)", "align", "--seed", "9223372036854775808"),
                // Digits of other scripts (Arabic-Indic one and three) are no integers here.
                refused("--limit must be an integer, got '\u0661'", "info", "--limit",
                        "\u0661"),
                refused("--seed must be an integer, got '\u0663'", "align", "0", "1",
                        "--seed", "\u0663"),
                refused("--graphs must be an integer, got '\u0661'", "render", "--graphs",
                        "\u0661"),
                // Graph indices, which are no options, read the same way.
                refused("graph index J must be an integer, got '\u0661'", "align", "0",
                        "\u0661"),
                refused("graph index J = 99999999999 is too large for an integer (at most"
                        + " 2147483647)", "align", "0", "99999999999"),
                refused("--node-weight must be a number, got 'x'", "align", "--node-weight",
                        "x"),
                refused("--margin must be a number, got 'x'", "classify", "--margin", "1,x"),
                refused("--tolerance must be a decimal number, got '1e-3f'", "cluster", "-k",
                        "2", "--tolerance", "1e-3f"),
                refused("--json takes no value (or true or false), got 'yes'", "info",
                        "--json=yes"),
                refused("--lower-bounds takes no value (or true or false), got 'x'",
                        "classify", "--no-lower-bounds=x"),
                refused("--out must be a path without NUL characters", "mean", "--out",
                        "a\0b"),
                // An option given twice.
                refused("--first may be given only once", "align", "--first", "0", "--first",
                        "1"),
                refused("--json may be given only once", "info", "--json", "--json"),
                // Under two names, both are named, the first typed first.
                refused("--valid and --validation are one option, which may be given only"
                        + " once", "classify", "--valid", "A", "--validation", "A"),
                refused("-k and --clusters are one option, which may be given only once",
                        "cluster", "-k2", "--clusters=3"),
                refused("--clusters and -k are one option, which may be given only once",
                        "cluster", "--clusters", "3", "-k", "2"),
                // Named choices that the commands check.
                refused("--aligner must be one of exact, fast, faq, ga, ipfp, multistart,"
                        + " nodes, thorough, got 'bogus'", "align", "0", "1", "--aligner",
                        "bogus"),
                refused("--seeding-aligner must be one of exact, fast, faq, ga, ipfp,"
                        + " multistart, nodes, thorough, got 'bogus'", "cluster", "-k", "2",
                        "--seeding-aligner", "bogus"),
                // A near misspelling of a named choice gets a suggestion.
                refused("--aligner must be one of exact, fast, faq, ga, ipfp, multistart,"
                        + " nodes, thorough, got 'exac' (did you mean exact?)", "align", "0",
                        "1", "--aligner", "exac"),
                refused("--init must be medoid or incremental, got 'medoids' (did you mean"
                        + " medoid?)", "mean", "--init", "medoids"),
                refused("--method must be one of knn, prototype, lvq1, glvq, perceptron, mlp,"
                        + " template-mlp, got 'lvq' (did you mean lvq1 or glvq?)", "classify",
                        "--folds", "3", "--method", "lvq"),
                refused("--center-update must be frechet or step, got 'frechte' (did you mean"
                        + " frechet?)", "cluster", "-k", "2", "--center-update", "frechte"),
                // A list given to an option of one value is told so, with no suggestion.
                refused("--node-kernel must be gaussian or laplacian, got 'gaussian,laplac'"
                        + UsageErrors.ONE_VALUE, "classify", "--folds", "3",
                        "--node-kernel", "gaussian,laplac"),
                refused("--method must be one of knn, prototype, lvq1, glvq, perceptron, mlp,"
                        + " template-mlp, got 'knn,prototyp'" + UsageErrors.ONE_VALUE,
                        "classify", "--folds", "3", "--method", "knn,prototyp"),
                refused("--aligner must be one of exact, fast, faq, ga, ipfp, multistart,"
                        + " nodes, thorough, got 'faq,exac' (it takes one value, not a"
                        + " comma-separated list)", "mean", "--aligner", "faq,exac"),
                // A very long value is shown by its beginning and its length.
                refused("--aligner must be one of exact, fast, faq, ga, ipfp, multistart,"
                        + " nodes, thorough, got '" + "x".repeat(60) + "...' (10,000"
                        + " characters)", "mean", "--aligner", "x".repeat(10_000)),
                // An option with aliases is named as typed.
                refused("--max-iterations must be an integer, got 'abc'", "pca",
                        "--max-iterations", "abc"),
                refused("--iterations must be an integer, got 'abc'", "pca", "--iterations",
                        "abc"),
                refused("--iterations 99999999999 is too large for an integer (at most"
                        + " 2147483647)", "pca", "--iterations", "99999999999"),
                refused("--iterations 99999999999 is too large for an integer (at most"
                        + " 2147483647)", "pca", "--iterations=99999999999"),
                refused("--max-iterations must be >= 0, got -1", "pca", "--max-iterations",
                        "-1"),
                refused("--iterations must be >= 0, got -1", "pca", "--iterations", "-1"),
                // An empty DATASET is no name for the working directory.
                refused("DATASET needs a file or folder name, got ''", "info", ""),
                refused("DATASET needs a file or folder name, got ' '", "mean", " "));
    }

    private static Arguments refused(String message, String... args) {
        return Arguments.of(message, args);
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void eachClassOfErrorHasItsWordingAndExitCode2(String message, String[] args) {
        Run r = MainTest.run(args);

        assertEquals(Main.ERROR_PREFIX + message + "\n", r.err(), String.join(" ", args));
        assertEquals(CliException.USAGE, r.exitCode(), String.join(" ", args));
        assertEquals("", r.out());
    }


    /**
     * Returns the message that a value that does not convert gets for an option of this type,
     * or null for a type that takes any text.
     */
    private static String conversionMessage(OptionSpec option, String value) {
        Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
        if (type == int.class || type == Integer.class || type == long.class
                || type == Long.class) {
            return option.longestName() + " must be an integer, got '" + value + "'";
        }
        if (type == double.class || type == Double.class) {
            return option.longestName() + " must be a number, got '" + value + "'";
        }
        if (type == boolean.class || type == Boolean.class) {
            return option.longestName() + " takes no value (or true or false), got '" + value
                    + "'";
        }
        if (type == Path.class) {
            return option.longestName() + " must be a path without NUL characters";
        }
        assertEquals(String.class, type, option.longestName());
        return null;
    }

    @Test
    void everyOptionOfEveryCommandIsRefusedInTheCommandsWords() {
        List<CommandLine> commands = HelpAndVersionTest.commands();
        // info, align, mean, median, cluster, classify, render, pca, regress, fetch.
        assertEquals(10, commands.size());
        int checked = 0;
        for (CommandLine command : commands) {
            String name = command.getCommandName();
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String bad = option.type() == Path.class ? "a\0b" : "abc";
                String expected = conversionMessage(option, bad);
                if (expected != null) {
                    Run r = MainTest.run(name, option.longestName() + "=" + bad);
                    assertEquals(Main.ERROR_PREFIX + expected + "\n", r.err(), name);
                    assertEquals(CliException.USAGE, r.exitCode(), r.err());
                    checked++;
                }
                if (option.arity().min() > 0) {
                    Run r = MainTest.run(name, option.longestName());
                    assertEquals(Main.ERROR_PREFIX + option.longestName() + " needs a value ("
                            + option.longestName() + " " + option.paramLabel() + ")\n",
                            r.err(), name);
                    assertEquals(CliException.USAGE, r.exitCode(), r.err());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 100, "option errors checked: " + checked);
    }

    @Test
    void onlyNearSuggestionsAreKeptNearestFirst() {
        assertEquals(List.of("--bandwidth"), UsageErrors.useful("--bandwith",
                List.of("--batch-size", "--bandwidth")));
        assertEquals(List.of("--hidden-units"), UsageErrors.useful("--hidden",
                List.of("--hidden-units")));
        assertEquals(List.of("median"), UsageErrors.useful("mediam",
                List.of("mean", "median")));
        assertEquals(List.of("--epochs", "--epochs-per-fold"), UsageErrors.useful("--epoch",
                List.of("--epochs-per-fold", "--epochs")));
        assertEquals(List.of(), UsageErrors.useful("bogus", List.of("cluster")));
        assertEquals(List.of(), UsageErrors.useful("--", List.of("--json")));
    }

    @Test
    void onlyNearValuesAreSuggestedNearestFirst() {
        List<String> aligners = List.of("exact", "fast", "faq", "ga", "ipfp", "multistart",
                "nodes", "thorough");
        assertEquals(List.of("exact"), UsageErrors.nearValues("exac", aligners));
        assertEquals(List.of("exact"), UsageErrors.nearValues(" EXACTLY ", aligners));
        assertEquals(List.of("fast", "faq"), UsageErrors.nearValues("fas", aligners));
        assertEquals(List.of("ipfp"), UsageErrors.nearValues("ipf", aligners));
        assertEquals(List.of("multistart"), UsageErrors.nearValues("mutlistart", aligners));
        // One character, two edits: nearly anything short; no suggestion.
        assertEquals(List.of(), UsageErrors.nearValues("-h", aligners));
        assertEquals(List.of(), UsageErrors.nearValues("bogus", aligners));
        assertEquals(List.of(), UsageErrors.nearValues("", aligners));
        assertEquals(List.of("medoid"), UsageErrors.nearValues("medoids",
                List.of("medoid", "incremental")));
        assertEquals(List.of("lvq1", "glvq"), UsageErrors.nearValues("lvq",
                List.of("knn", "prototype", "lvq1", "glvq", "perceptron", "mlp")));
        assertEquals(" (did you mean exact?)", UsageErrors.didYouMean("exac", aligners));
        assertEquals("", UsageErrors.didYouMean("bogus", aligners));
        // A list is no misspelling of one choice, however near its parts are.
        assertEquals(UsageErrors.ONE_VALUE, UsageErrors.didYouMean("faq,exac", aligners));
        assertEquals(UsageErrors.ONE_VALUE, UsageErrors.didYouMean("exact,", aligners));
    }

    /**
     * A value is shown whole up to 60 characters (code points, so a character outside the
     * Basic Multilingual Plane counts once and is never cut in half), and beyond by its first
     * 60, {@code ...} and its length.
     */
    @Test
    void longValuesAreShownByTheirBeginningAndLength() {
        assertEquals("'exac'", UsageErrors.quoted("exac"));
        assertEquals("''", UsageErrors.quoted(""));
        String sixty = "a".repeat(60);
        assertEquals("'" + sixty + "'", UsageErrors.quoted(sixty));
        assertEquals("'" + sixty + "...' (61 characters)", UsageErrors.quoted(sixty + "b"));
        String clef = new String(Character.toChars(0x1D11E));
        String wide = clef.repeat(70);
        assertEquals("'" + clef.repeat(60) + "...' (70 characters)", UsageErrors.quoted(wide));
        assertEquals("'faq," + "x".repeat(56) + "...' (104 characters)" + UsageErrors.ONE_VALUE,
                UsageErrors.quotedWithHint("faq," + "x".repeat(100), List.of("faq", "exact")));
        assertEquals("'exac' (did you mean exact?)",
                UsageErrors.quotedWithHint("exac", List.of("faq", "exact")));
    }
}
