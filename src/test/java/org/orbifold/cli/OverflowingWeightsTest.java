package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;

/**
 * A node weight so large that the distances between the project's letters overflow: every
 * command that computes distances fails with the space's message naming the weights, never
 * reporting an infinite objective (as {@code mean} once did, with status CONVERGED); weights
 * of subnormal size, whose products are tiny but finite, work with every command.
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

    @Test
    void everyCommandRunsWithSubnormalWeights() {
        String[][] commands = {
            {"mean", "--limit", "20", "--threads", "1"},
            {"median", "--limit", "20", "--threads", "1"},
            {"cluster", "-k", "2", "--limit", "20", "--threads", "1"},
            {"classify", "--folds", "3", "--limit", "60", "--threads", "1"},
            {"align", "0", "9"},
        };
        String[][] weights = {{"--edge-weight", "1e-312"},
            {"--node-weight", "4.9e-324", "--edge-weight", "4.9e-324"}};
        for (String[] command : commands) {
            for (String[] weight : weights) {
                for (String aligner : new String[] {"faq", "ga"}) {
                    List<String> args = new ArrayList<>(List.of(command));
                    args.addAll(List.of(weight));
                    args.addAll(List.of("--aligner", aligner));
                    Run r = MainTest.run(args.toArray(new String[0]));
                    assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
                }
            }
        }
    }
}
