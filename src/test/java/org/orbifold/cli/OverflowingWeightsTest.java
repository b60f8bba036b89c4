package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;

/**
 * A node weight so large that the distances between the project's letters overflow: every
 * command that computes distances fails with the space's message naming the weights, never
 * reporting an infinite objective (as {@code mean} once did, with status CONVERGED).
 */
class OverflowingWeightsTest {

    private static final String MESSAGE = Main.ERROR_PREFIX + "the squared norm is Infinity"
            + " with node weight 1.0E308 and edge weight 1.0: the weighted sum overflows; lower"
            + " the weights or scale the attributes\n";

    @Test
    void everyCommandNamesTheWeightsWhenDistancesOverflow() {
        String[][] commands = {
            {"mean", "--class", "T", "--threads", "1"},
            {"median", "--class", "T", "--threads", "1"},
            {"cluster", "-k", "2", "--limit", "30", "--threads", "1"},
            {"classify", "--folds", "3", "--limit", "30", "--threads", "1"},
            {"align", "0", "9"},
        };
        for (String[] command : commands) {
            String[] args = Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--node-weight";
            args[command.length + 1] = "1e308";
            Run r = MainTest.run(args);
            assertEquals(CliException.DATA, r.exitCode(), String.join(" ", args) + ": "
                    + r.out());
            assertEquals(MESSAGE, r.err(), String.join(" ", args));
        }
    }
}
