package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
            assertTrue(option.preprocessor() instanceof RealValue, pair[0] + " " + pair[1]);
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
}
