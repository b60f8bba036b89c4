package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The rule of every command: {@code -h}/{@code --help} and {@code -V}/{@code --version} win
 * over whatever else the command line holds, before or after them: an unknown option, a value
 * that does not convert (a flag's too), one that a double cannot hold, a missing value, or a
 * value that only the command's own checks would refuse. Only arguments after {@code --} do
 * not count.
 */
class HelpAndVersionTest {

    /** The sub-commands with the standard help options. */
    static List<CommandLine> commands() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        List<CommandLine> found = new ArrayList<>();
        for (CommandLine command : root.getSubcommands().values()) {
            if (command.getCommandSpec().findOption("-V") != null) {
                found.add(command);
            }
        }
        return found;
    }

    /** Returns the first option of the command with a value of one of the types, or null. */
    private static OptionSpec option(CommandLine command, Class<?>... types) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            for (Class<?> type : types) {
                if (option.type() == type && option.splitRegex().isEmpty()) {
                    return option;
                }
            }
        }
        return null;
    }

    /** The bad arguments every command gets: each is refused without a help request. */
    private static List<List<String>> badArguments(CommandLine command) {
        List<List<String>> bad = new ArrayList<>();
        bad.add(List.of("--bogus"));
        bad.add(List.of("--json=abc"));
        OptionSpec number = option(command, int.class, Integer.class, long.class, Long.class);
        if (number != null) {
            bad.add(List.of(number.longestName() + "=abc"));
            bad.add(List.of(number.longestName()));
        }
        OptionSpec real = option(command, double.class, Double.class);
        if (real != null) {
            bad.add(List.of(real.longestName() + "=1e400"));
        }
        if (command.getCommandSpec().findOption("--threads") != null) {
            bad.add(List.of("--threads", "0"));
        }
        return bad;
    }

    private static void assertSameAnswer(Run expected, List<String> args) {
        Run r = MainTest.run(args.toArray(new String[0]));

        assertEquals(0, r.exitCode(), args + ": " + r.err());
        assertEquals(expected.out(), r.out(), args.toString());
        assertEquals("", r.err(), args.toString());
    }

    @Test
    void aRequestForTheVersionOrHelpWinsOverEveryBadArgument() {
        List<CommandLine> commands = commands();
        // info, align, mean, median, cluster, classify, render, pca, regress, fetch.
        assertEquals(10, commands.size());
        int refused = 0;
        for (CommandLine command : commands) {
            String name = command.getCommandName();
            for (List<String> bad : badArguments(command)) {
                List<String> alone = new ArrayList<>(List.of(name));
                alone.addAll(bad);
                Run without = MainTest.run(alone.toArray(new String[0]));
                boolean atParse = bad.size() == 1;
                if (atParse) {
                    assertEquals(CliException.USAGE, without.exitCode(), alone.toString());
                    refused++;
                }
                for (String request : List.of("-V", "--version", "-h", "--help")) {
                    Run plain = MainTest.run(name, request);
                    List<String> after = new ArrayList<>(alone);
                    after.add(request);
                    List<String> before = new ArrayList<>(List.of(name, request));
                    before.addAll(bad);

                    assertSameAnswer(plain, after);
                    assertSameAnswer(plain, before);
                }
            }
        }
        assertTrue(refused >= 6 * 3, "parse errors tried: " + refused);
    }

    @Test
    void aClusterOfFlagsAsksToo() {
        Run help = MainTest.run("mean", "-h");

        assertSameAnswer(help, List.of("mean", "--node-weight=1e400", "-hV"));
        assertSameAnswer(MainTest.run("-V"), List.of("-V", "--bogus"));
    }

    @Test
    void flagsBeforeAnOptionThatTakesAValueInAClusterAskToo() {
        Run classifyHelp = MainTest.run("classify", "-h");
        Run clusterHelp = MainTest.run("cluster", "-h");
        Run version = MainTest.run("cluster", "-V");

        assertSameAnswer(classifyHelp, List.of("classify", "--folds", "3", "-hk"));
        assertSameAnswer(clusterHelp, List.of("cluster", "-hk"));
        assertSameAnswer(version, List.of("cluster", "-Vk"));
        assertSameAnswer(clusterHelp, List.of("cluster", "-hkx"));
        assertSameAnswer(classifyHelp, List.of("classify", "-hkx"));
    }

    @Test
    void aLetterInTheValueOfAClusteredOptionIsNoRequest() {
        Run r = MainTest.run("cluster", "-khx");

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "-k must be an integer, got 'hx'", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aValueAttachedWithEqualsIsNoRequest() {
        Run r = MainTest.run("mean", "--seed=-h");

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "--seed must be an integer, got '-h'", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void argumentsAfterTheEndOfOptionsAreNoRequest() {
        Run r = MainTest.run("mean", "--node-weight=1e400", "--", "-V");

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "--node-weight 1e400 is too large"),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aHelpOrVersionFlagSetToFalseAsksForNothing() {
        Run info = MainTest.run("info", "--json");
        Run missingK = MainTest.run("cluster");

        for (String declined : List.of("--help=false", "-h=FALSE", "--version=false",
                "-V=False")) {
            Run r = MainTest.run("info", declined, "--json");
            assertEquals(0, r.exitCode(), declined + ": " + r.err());
            assertEquals(info.out(), r.out(), declined);

            // The parse checks required options again, as without the flag.
            Run cluster = MainTest.run("cluster", declined);
            assertEquals(CliException.USAGE, cluster.exitCode(), declined);
            assertEquals(missingK.err(), cluster.err(), declined);
        }
        assertSameAnswer(MainTest.run("info", "-V"), List.of("info", "--help=false", "-V"));
        assertSameAnswer(MainTest.run("info", "-h"), List.of("info", "--help=true"));
    }

    @Test
    void aFlagSetToFalseAfterTheEndOfOptionsIsAnArgument() {
        Run r = MainTest.run("info", "--", "--help=false");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertTrue(r.err().contains("--help=false"), r.err());
    }
}
