package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;

/**
 * The aligner line of every text report shows the per-alignment time limit that applies
 * ({@code --aligner multistart --time-limit S}, or {@code exact}'s, 60 s unless given), the
 * value the JSON gives as {@code timeLimitSeconds}; with no limit it shows none.
 */
class TimeLimitReportTest {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("mean", "--limit", "3"),
            List.of("align", "0", "1"),
            List.of("cluster", "-k", "2", "--limit", "4"),
            List.of("classify", "--folds", "2", "--limit", "30", "--k", "1"),
            List.of("pca", "--limit", "4"));

    private static Run run(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        Run r = MainTest.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), args + ": " + r.err());
        return r;
    }

    private static String alignerLine(Run r) {
        return r.out().lines().filter(line -> line.startsWith("aligner")).findFirst()
                .orElseThrow();
    }

    @Test
    void multistartWithALimitShowsItInTheTextAndTheJson() {
        for (List<String> command : COMMANDS) {
            String[] limit = {"--aligner", "multistart", "--time-limit", "0.0005"};
            Run text = run(command, limit);
            List<String> json = new ArrayList<>(List.of(limit));
            json.add("--json");
            Run document = run(command, json.toArray(new String[0]));

            String line = alignerLine(text);
            assertTrue(line.contains("multistart") && line.contains("seed 42, time limit"
                    + " 0.0005 s"), command + ": " + line);
            assertEquals(0.0005, document.json().get("timeLimitSeconds"), command.toString());
        }
    }

    @Test
    void exactShowsItsDefaultLimitAndNoLimitShowsNothing() {
        for (List<String> command : COMMANDS.subList(0, 2)) {
            String line = alignerLine(run(command, "--aligner", "exact"));
            assertTrue(line.contains("seed 42, time limit 60 s"), command + ": " + line);

            Run plain = run(command, "--aligner", "multistart");
            assertTrue(!alignerLine(plain).contains("time limit"), alignerLine(plain));
            assertNull(run(command, "--aligner", "multistart", "--json").json()
                    .get("timeLimitSeconds"), command.toString());
        }
    }
}
