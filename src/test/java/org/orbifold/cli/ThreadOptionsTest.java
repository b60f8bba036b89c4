package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreadOptionsTest {

    /** Every command with a worker pool, with the other options it needs to reach the check. */
    private static final List<List<String>> COMMANDS = List.of(List.of("mean"),
            List.of("median"), List.of("cluster", "-k", "2"), List.of("classify"),
            List.of("pca"), List.of("regress", "--covariates", "x.txt"));

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "32768"})
    void everyPoolCommandRefusesAThreadCountOutOfRangeBeforeReadingData(String threads) {
        for (List<String> command : COMMANDS) {
            List<String> args = new ArrayList<>(command);
            args.add("--threads");
            args.add(threads);
            MainTest.Run run = MainTest.run(args.toArray(new String[0]));
            assertEquals(CliException.USAGE, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().contains("--threads must be in 1..32767, got " + threads),
                    command + ": " + run.err());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32767})
    void theBoundsThemselvesAreAccepted(int threads) {
        ThreadOptions options = new ThreadOptions();
        options.threads = threads;
        assertEquals(threads, options.workers());
        options.threads = null;
        assertEquals(Runtime.getRuntime().availableProcessors(), options.workers());
    }
}
