package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;

/**
 * Option checks of {@code orbifold classify} that must fail before any data is read or any
 * classifier is fitted: each case is a usage error (exit 2) whose one-line message names the
 * option and the bad value. The cases run on the project's letters with {@code --folds}, so
 * they need no data files.
 */
class ClassifyOptionChecksTest {

    private static void assertUsageError(String message, String... args) {
        Run r = MainTest.run(args);
        assertEquals(CliException.USAGE, r.exitCode(), String.join(" ", args) + ": "
                + r.err());
        assertEquals(Main.ERROR_PREFIX + message + "\n", r.err(), String.join(" ", args));
    }

    @Test
    void zeroEpochsAreRefusedByEveryMethodThatTrains() {
        for (String method : new String[] {"lvq1", "glvq", "perceptron", "mlp"}) {
            assertUsageError("--epochs must be >= 1, got 0", "classify", "--folds", "3",
                    "--threads", "1", "--method", method, "--epochs", "0");
            assertUsageError("--epochs must be >= 1, got -1", "classify", "--folds", "3",
                    "--threads", "1", "--method", method, "--epochs", "-1");
        }
    }
}
