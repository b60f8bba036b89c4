package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands' own checks name an option of several names as the user typed it
 * ({@link UsageErrors#asTyped}): {@code -k} or {@code --k}, {@code -k} or {@code --clusters},
 * {@code --valid} or {@code --validation}.
 */
class OptionsAsTypedTest {

    @TempDir
    Path dir;

    private static void assertError(int code, String message, String... args) {
        Run r = MainTest.run(args);

        assertEquals(code, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + message + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void classifyNamesItsKAsTyped() {
        int usage = CliException.USAGE;
        assertError(usage, "-k must be >= 1, got 0", "classify", "--folds", "3", "-k", "0");
        assertError(usage, "-k must be >= 1, got -1", "classify", "--folds", "3", "-k-1");
        assertError(usage, "-k must be >= 1, got -1", "classify", "--folds", "3", "-k=-1");
        assertError(usage, "--k must be >= 1, got 0", "classify", "--folds", "3", "--k", "0");
        assertError(usage, "-k needs at least one value, got an empty list", "classify",
                "--folds", "3", "-k=");
        assertError(usage, "-k needs at least one value, got an empty list", "classify",
                "--folds", "3", "-k", ",");
        assertError(usage, "-k 150 exceeds the 20 graphs of the training folds of fold 1",
                "classify", "--folds", "3", "--limit", "30", "-k", "150");
    }

    @Test
    void clusterNamesItsKAsTyped() {
        assertError(CliException.USAGE, "-k must be >= 1, got 0", "cluster", "-k", "0");
        assertError(CliException.USAGE, "--clusters must be >= 1, got 0", "cluster",
                "--clusters", "0");
    }

    @Test
    void aMissingValidationFileIsNamedAsTyped() throws IOException {
        Path list = Files.writeString(dir.resolve("train.txt"), "0\n1\n",
                StandardCharsets.UTF_8);
        Path missing = dir.resolve("nofile");

        assertError(CliException.DATA, "cannot read --validation " + missing
                + ": no such file: " + missing, "classify", "datasets/letters", "--train",
                list.toString(), "--test", list.toString(), "--validation", missing.toString());
        assertError(CliException.DATA, "cannot read --valid " + missing
                + ": no such file: " + missing, "classify", "datasets/letters", "--train",
                list.toString(), "--test", list.toString(), "--valid", missing.toString());
    }

    @Test
    void onlyWholeNamesOutsideTheUsersQuotedTextAreReplaced() {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        CommandSpec cluster = cli.getSubcommands().get("cluster").getCommandSpec();
        List<String> args = List.of("cluster", "-k", "0", "--class=--clusters");

        assertEquals("-k must be >= 1; unknown class '--clusters'; --clusters-x",
                UsageErrors.asTyped(cluster, args, "--clusters must be >= 1; unknown class"
                        + " '--clusters'; --clusters-x"));
        assertEquals("--clusters must be >= 1", UsageErrors.asTyped(cluster,
                List.of("cluster", "--threads", "1"), "--clusters must be >= 1"));
    }

    @Test
    void valuesPathsAndClassNamesThatSpellAnotherNameAreNeverRewritten() throws IOException {
        Path list = Files.writeString(dir.resolve("train.txt"), "0\n1\n",
                StandardCharsets.UTF_8);
        Path spelled = dir.resolve("--valid");

        assertError(CliException.DATA, "cannot read --validation " + spelled
                + ": no such file: " + spelled, "classify", "datasets/letters", "--train",
                list.toString(), "--test", list.toString(), "--validation", spelled.toString());
        assertError(CliException.DATA, "no such file or folder: ./-k", "cluster",
                "--clusters", "3", "./-k");
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        CommandSpec cluster = cli.getSubcommands().get("cluster").getCommandSpec();
        assertEquals("unknown class 'x -k'; classes: -k, b", UsageErrors.asTyped(cluster,
                List.of("cluster", "--clusters", "2", "--class", "x -k"),
                "unknown class 'x -k'; classes: -k, b"));
    }
}
