package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every real option of every command that takes one value refuses, as typed, a decimal
 * number that a double cannot hold ({@code 1e400}, {@code 1e-400}), as the lists of reals do
 * ({@link ListValues}), instead of running with an infinity or a 0 that nobody typed.
 */
class RealOptionsTest {

    /** Returns "command option" for every single-valued real option of every command. */
    private static List<String[]> singleRealOptions() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        List<String[]> found = new ArrayList<>();
        for (CommandLine command : root.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.type();
                boolean real = type == double.class || type == Double.class
                        || type == float.class || type == Float.class;
                if (real && option.splitRegex().isEmpty()) {
                    found.add(new String[] {command.getCommandName(), option.longestName()});
                }
            }
        }
        return found;
    }

    @Test
    void everySingleRealOptionOfEveryCommandChecksItsTextAsTyped() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        Set<String> checked = new TreeSet<>();
        for (String[] pair : singleRealOptions()) {
            OptionSpec option = root.getSubcommands().get(pair[0]).getCommandSpec()
                    .findOption(pair[1]);
            assertTrue(AttachedValue.own(option.preprocessor()) instanceof RealValue,
                    pair[0] + " " + pair[1]);
            String name = pair[1];
            for (String value : List.of("1e400", "-2.5E+999")) {
                assertUsageError(name + " " + value + " is too large for a double (the largest"
                        + " magnitude is about 1.8e+308)", pair[0], name, value);
            }
            String small = name + " 1e-400 is too small for a double, which would read it as"
                    + " 0 (the smallest positive double is about 4.9e-324)";
            assertUsageError(small, pair[0], name, "1e-400");
            assertUsageError(small, pair[0], name + "=1e-400");
            checked.add(pair[0] + " " + name);
        }
        // The commands with such options, and the options of two of them.
        assertTrue(checked.containsAll(List.of("mean --node-weight", "mean --edge-weight",
                "median --edge-weight", "cluster --edge-weight", "cluster --tolerance",
                "align --edge-weight", "mean --time-limit")), checked.toString());
    }

    @Test
    void aSubnormalOrZeroValueIsKept() {
        Run tiny = MainTest.run("mean", "--limit", "3", "--threads", "1", "--edge-weight",
                "1e-310", "--json");
        assertEquals(0, tiny.exitCode(), tiny.err());
        assertEquals(1e-310, tiny.json().get("edgeWeight"));
        Run zero = MainTest.run("mean", "--limit", "3", "--threads", "1", "--edge-weight",
                "0e-400", "--json");
        assertEquals(0, zero.exitCode(), zero.err());
        assertEquals(0.0, zero.json().get("edgeWeight"));
    }

    private static void assertUsageError(String message, String... args) {
        Run r = MainTest.run(args);
        assertEquals(CliException.USAGE, r.exitCode(), String.join(" ", args) + ": "
                + r.err());
        assertEquals(Main.ERROR_PREFIX + message + "\n", r.err(), String.join(" ", args));
    }

    /**
     * Per command and real option, the arguments under which the option is checked (the
     * option then follows with its value): each refuses a negative value.
     */
    private static final Map<String, List<String>> CONTEXTS = Map.ofEntries(
            Map.entry("mean --node-weight", List.of("mean")),
            Map.entry("mean --edge-weight", List.of("mean")),
            Map.entry("mean --time-limit", List.of("mean", "--aligner", "exact")),
            Map.entry("median --node-weight", List.of("median")),
            Map.entry("median --edge-weight", List.of("median")),
            Map.entry("median --time-limit", List.of("median", "--aligner", "exact")),
            Map.entry("align --node-weight", List.of("align", "0", "1")),
            Map.entry("align --edge-weight", List.of("align", "0", "1")),
            Map.entry("align --time-limit", List.of("align", "0", "1", "--aligner", "exact")),
            Map.entry("cluster --node-weight", List.of("cluster", "-k", "2")),
            Map.entry("cluster --edge-weight", List.of("cluster", "-k", "2")),
            Map.entry("cluster --time-limit", List.of("cluster", "-k", "2", "--aligner",
                    "exact")),
            Map.entry("cluster --tolerance", List.of("cluster", "-k", "2")),
            Map.entry("classify --node-weight", List.of("classify", "--folds", "2")),
            Map.entry("classify --edge-weight", List.of("classify", "--folds", "2")),
            Map.entry("classify --existence", List.of("classify", "--folds", "2")),
            Map.entry("classify --time-limit", List.of("classify", "--folds", "2",
                    "--aligner", "exact")),
            Map.entry("classify --margin", List.of("classify", "--folds", "2", "--method",
                    "perceptron")),
            Map.entry("classify --weight-decay", List.of("classify", "--folds", "2",
                    "--method", "mlp")),
            Map.entry("classify --learning-rate", List.of("classify", "--folds", "2",
                    "--method", "lvq1")),
            Map.entry("classify --bandwidth", List.of("classify", "--folds", "2",
                    "--node-kernel", "gaussian")),
            Map.entry("pca --node-weight", List.of("pca")),
            Map.entry("pca --edge-weight", List.of("pca")),
            Map.entry("pca --time-limit", List.of("pca", "--aligner", "exact")),
            Map.entry("pca --tolerance", List.of("pca")),
            Map.entry("regress --node-weight", List.of("regress")),
            Map.entry("regress --edge-weight", List.of("regress")),
            Map.entry("regress --ridge", List.of("regress")),
            Map.entry("regress --time-limit", List.of("regress", "--aligner", "exact")),
            Map.entry("render --node-weight", List.of("render", "--align", "0,1")),
            Map.entry("render --edge-weight", List.of("render", "--align", "0,1")),
            Map.entry("render --time-limit", List.of("render", "--align", "0,1", "--aligner",
                    "exact")));

    /** Returns "command option" for every real option of every command, lists included. */
    private static Set<String> allRealOptions() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        Set<String> found = new TreeSet<>();
        for (CommandLine command : root.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.splitRegex().isEmpty() ? option.type()
                        : option.auxiliaryTypes()[0];
                if (type == double.class || type == Double.class) {
                    found.add(command.getCommandName() + " " + option.longestName());
                }
            }
        }
        return found;
    }

    @Test
    void aRefusedNegativeValueIsEchoedAsTyped() {
        assertEquals(allRealOptions(), new TreeSet<>(CONTEXTS.keySet()),
                "every real option has a context here");
        for (Map.Entry<String, List<String>> entry : CONTEXTS.entrySet()) {
            String option = entry.getKey().split(" ")[1];
            for (String typed : List.of("-1e-312", "-2.50", "-1E-1")) {
                List<String> args = new ArrayList<>(entry.getValue());
                args.addAll(List.of(option, typed));

                Run r = MainTest.run(args.toArray(new String[0]));

                assertEquals(CliException.USAGE, r.exitCode(), args + ": " + r.err());
                assertTrue(r.err().startsWith(Main.ERROR_PREFIX + option + " must be"), args
                        + ": " + r.err());
                assertTrue(r.err().contains(", got " + typed), args + ": " + r.err());
            }
        }
        // A value of a list, and a value listed twice under two spellings.
        Run listed = MainTest.run("classify", "--folds", "2", "--method", "perceptron",
                "--margin", "0.5, -1E-312");
        assertEquals(Main.ERROR_PREFIX + "--margin must be finite and >= 0, got -1E-312\n",
                listed.err());
        Run twice = MainTest.run("classify", "--folds", "2", "--edge-weight", "0.50,0.5");
        assertEquals(Main.ERROR_PREFIX + "--edge-weight lists the value 0.50 twice (as 0.50"
                + " and 0.5); give each value once\n", twice.err());
    }

    private static boolean isNegativeZero(Object value) {
        return Double.doubleToRawLongBits((Double) value) == Double.doubleToRawLongBits(-0.0);
    }

    @Test
    void aNegativeZeroReadsAsZero() {
        Run mean = MainTest.run("mean", "--limit", "3", "--threads", "1", "--edge-weight",
                "-0", "--json");
        Run cluster = MainTest.run("cluster", "-k", "2", "--limit", "6", "--threads", "1",
                "--tolerance", "-0e7", "--json");
        Run classify = MainTest.run("classify", "--folds", "2", "--limit", "20", "--threads",
                "1", "--method", "perceptron", "--epochs", "1", "--margin", "-0.0",
                "--existence", "-0", "--json");

        for (Run r : List.of(mean, cluster, classify)) {
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("-0.0"), r.out());
        }
        assertEquals(0.0, mean.json().get("edgeWeight"));
        assertFalse(isNegativeZero(mean.json().get("edgeWeight")));
        assertFalse(isNegativeZero(cluster.json().get("tolerance")));
        Map<?, ?> chosen = (Map<?, ?>) classify.json().get("chosen");
        assertFalse(isNegativeZero(chosen.get("margin")));
        assertFalse(isNegativeZero(chosen.get("existence")));
        assertEquals(0.0, chosen.get("margin"));
    }

    @Test
    void javaOnlyNumberFormsAreRefused() {
        for (String text : List.of("2f", "2D", "1d", "0x1p3", "-0X1P3", "0x10")) {
            Run single = MainTest.run("mean", "--limit", "3", "--node-weight", text);
            Run listed = MainTest.run("classify", "--folds", "2", "--limit", "18",
                    "--edge-weight", "1," + text);
            assertEquals("orbifold: error: --node-weight must be a decimal number, got '"
                    + text + "'\n", single.err());
            assertEquals("orbifold: error: --edge-weight must be a decimal number, got '"
                    + text + "'\n", listed.err());
            assertEquals(CliException.USAGE, single.exitCode());
            assertEquals(CliException.USAGE, listed.exitCode());
        }
        assertEquals(0, MainTest.run("mean", "--limit", "3", "--threads", "1", "--node-weight",
                "2e0").exitCode());
    }

    /**
     * The words of a non-finite value read in any case as Java's {@code NaN} and
     * {@code Infinity} do, so each option's range check names them as typed, whatever their
     * case, single or in a list.
     */
    @Test
    void nonFiniteWordsInAnyCaseMeetTheOptionsOwnCheck() {
        for (String text : List.of("NaN", "nan", "NAN", "Infinity", "inf", "INF", "-inf",
                "-Infinity", "infinity")) {
            Run single = MainTest.run("mean", "--limit", "3", "--node-weight", text);
            Run listed = MainTest.run("classify", "--folds", "2", "--limit", "18",
                    "--edge-weight", "1," + text);
            assertEquals("orbifold: error: --node-weight must be finite and >= 0, got " + text
                    + "\n", single.err());
            assertEquals("orbifold: error: --edge-weight must be finite and >= 0, got " + text
                    + "\n", listed.err());
            assertEquals(CliException.USAGE, single.exitCode());
            assertEquals(CliException.USAGE, listed.exitCode());
        }
    }
}
