package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * Distances and objectives that are not zero but too small for six decimals print in
 * scientific notation, the same number as the JSON's; exact zeros print as 0.000000.
 */
class TinyValuesTest {

    @TempDir
    Path dir;

    /** Three paths of three nodes whose first node's mass is 0.5, 0.5 + 1e-8, 0.5 + 2e-8. */
    private Path paths() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tiny"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve("g" + i + ".gml"), "graph [\n"
                    + "  node [ id 0 mass " + (0.5 + i * 1e-8) + " ]\n"
                    + "  node [ id 1 mass 1.0 ]\n  node [ id 2 mass 2.0 ]\n"
                    + "  edge [ source 0 target 1 ]\n  edge [ source 1 target 2 ]\n]\n");
        }
        return folder;
    }

    private static String line(String out, String head) {
        return out.lines().filter(l -> l.startsWith(head)).findFirst().orElse("");
    }

    private static double number(Run json, String key) {
        return (Double) ((Map<?, ?>) JsonParser.parse(json.out())).get(key);
    }

    private static String scientific(double value) {
        return String.format(Locale.ROOT, "%.6e", value);
    }

    @Test
    void alignPrintsATinyDistanceAsTheJsonHasIt() throws IOException {
        String folder = paths().toString();
        Run text = MainTest.run("align", folder, "0", "1", "--aligner", "exact");
        Run json = MainTest.run("align", folder, "0", "1", "--aligner", "exact", "--json");
        Run same = MainTest.run("align", folder, "1", "1", "--aligner", "exact");

        assertEquals(0, text.exitCode(), text.err());
        double distance = number(json, "distance");
        assertTrue(distance > 9e-9 && distance < 1.1e-8, json.out());
        assertEquals("distance    " + scientific(distance), line(text.out(), "distance"));
        assertEquals("distance    1.000000e-08", line(text.out(), "distance"));
        // An ordinary similarity keeps its six decimals.
        assertEquals("similarity  12.250000", line(text.out(), "similarity"));
        assertEquals("distance    0.000000", line(same.out(), "distance"));
    }

    @Test
    void centersAndClusteringsPrintTinyObjectivesAsTheJsonHasThem() throws IOException {
        String folder = paths().toString();
        for (String command : new String[] {"mean", "median", "cluster"}) {
            String[] args = command.equals("cluster")
                    ? new String[] {command, folder, "--threads", "1", "-k", "1"}
                    : new String[] {command, folder, "--threads", "1"};
            Run text = MainTest.run(args);
            String[] withJson = Arrays.copyOf(args, args.length + 1);
            withJson[args.length] = "--json";
            Run json = MainTest.run(withJson);

            assertEquals(0, text.exitCode(), text.err());
            double objective = number(json, "objective");
            assertTrue(objective > 0 && objective < 5e-7, json.out());
            assertTrue(line(text.out(), "objective").startsWith("objective   "
                    + scientific(objective) + "  ("), text.out());
        }
    }
}
