package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ProgressOptionsTest {

    @Test
    void theFlagShowsTheBarAndItsAbsenceLeavesItToTheTerminal() {
        ProgressOptions options = new ProgressOptions();
        assertEquals("1".equals(System.getenv(CenterCommand.TERMINAL_VARIABLE)), options.show());
        options.progress = true;
        assertTrue(options.show());
    }

    @Test
    void everyCommandWithABarTakesTheFlagUnderItsOneName() {
        for (String name : List.of("mean", "median", "cluster", "classify", "fetch", "pca",
                "regress")) {
            CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), false);
            cli.parseArgs(name.equals("fetch") ? new String[] {name, "MUTAG", "--progress"}
                    : name.equals("cluster") ? new String[] {name, "-k", "2", "--progress"}
                    : new String[] {name, "--progress"});
            // Main reads the flag by name to show the bar of a tu:NAME fetch.
            OptionSpec option = cli.getSubcommands().get(name).getCommandSpec()
                    .findOption("--progress");
            assertNotNull(option, name);
            assertEquals(Boolean.TRUE, option.getValue(), name);
        }
    }
}
