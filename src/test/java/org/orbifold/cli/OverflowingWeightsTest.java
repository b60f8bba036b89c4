package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;

/**
 * A node weight so large that the distances between the project's letters overflow: every
 * command that computes distances refuses it before any alignment, naming the option and the
 * largest value the data allows (which it accepts), never reporting an infinite objective (as
 * {@code mean} once did, with status CONVERGED); weights of subnormal size, whose products are
 * tiny but finite, work with every command.
 */
class OverflowingWeightsTest {

    private static final String[][] COMMANDS = {
        {"mean", "--class", "T", "--threads", "1"},
        {"median", "--class", "T", "--threads", "1"},
        {"cluster", "-k", "2", "--limit", "30", "--threads", "1"},
        {"classify", "--folds", "3", "--limit", "30", "--threads", "1"},
        {"classify", "--folds", "3", "--limit", "30", "--threads", "1", "--method", "mlp",
            "--epochs", "1"},
        {"align", "0", "9"},
    };

    private static final Pattern BOUND = Pattern.compile("at most ([0-9.e+]+) with the other"
            + " values\\)$");

    private static String[] with(String[] command, String... tail) {
        String[] args = Arrays.copyOf(command, command.length + tail.length);
        System.arraycopy(tail, 0, args, command.length, tail.length);
        return args;
    }

    @Test
    void everyCommandNamesTheWeightAndItsLargestValueBeforeAnyAlignment() {
        for (String[] command : COMMANDS) {
            for (String weight : new String[] {"--node-weight", "--edge-weight"}) {
                String[] args = with(command, weight, "1e300");
                Run r = MainTest.run(args);
                String what = String.join(" ", args);
                assertEquals(CliException.USAGE, r.exitCode(), what + ": " + r.out());
                assertTrue(r.err().startsWith(Main.ERROR_PREFIX + weight + " 1e300 is too large"
                        + " for double precision: the largest squared norm of a graph in the"
                        + " distance would be "), what + ": " + r.err());
                assertFalse(r.err().contains("training diverged"), what + ": " + r.err());
                Matcher bound = BOUND.matcher(r.err().strip());
                assertTrue(bound.find(), what + ": " + r.err());

                Run atBound = MainTest.run(with(command, weight, bound.group(1)));
                assertEquals(0, atBound.exitCode(), what + " at " + bound.group(1) + ": "
                        + atBound.err());
            }
        }
    }

    @Test
    void aWeightWhoseProductsOverflowIsRefusedToo() {
        for (String[] command : COMMANDS) {
            Run r = MainTest.run(with(command, "--node-weight", "1e308"));

            assertEquals(CliException.USAGE, r.exitCode(), String.join(" ", command));
            assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "--node-weight 1e308 is too large"
                    + " for double precision: the largest squared norm of a graph in the"
                    + " distance would be Infinity (weighted: node attributes Infinity, node"
                    + " existence Infinity, edges "), r.err());
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
