package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every list option of the command line (an option with {@code split = ","}) either takes one
 * list and refuses to be given twice ({@code render --graphs}, {@code render --align}), or is
 * a list of values that {@code classify} searches, to which a repetition adds (a value given
 * twice is refused). A new list option has to be put in one of the two groups here.
 */
class ListOptionRepeatsTest {

    @TempDir
    Path dir;

    /** The list options given once, by command. */
    private static final Map<String, List<String>> ONCE = Map.of("render",
            List.of("--graphs", "--align"));

    /** The list options that repetitions add to, by command. */
    private static final Map<String, List<String>> REPEATABLE = Map.of("classify",
            List.of("--k", "--prototypes", "--epochs", "--learning-rate", "--margin",
                    "--hidden-units", "--weight-decay", "--max-model-order", "--node-weight",
                    "--edge-weight", "--existence", "--bandwidth", "--features",
                    "--drop-node-attributes"));

    @Test
    void everyListOptionIsInOneOfTheTwoGroups() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            List<String> lists = new ArrayList<>();
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (!option.splitRegex().isEmpty()) {
                    String name = option.longestName();
                    lists.add(name);
                    assertEquals(ONCE.getOrDefault(command.getKey(), List.of()).contains(name),
                            refusesRepeats(command.getKey(), name), command.getKey() + " "
                            + name);
                }
            }
            List<String> expected = new ArrayList<>(ONCE.getOrDefault(command.getKey(),
                    List.of()));
            expected.addAll(REPEATABLE.getOrDefault(command.getKey(), List.of()));
            assertEquals(expected.stream().sorted().toList(), lists.stream().sorted().toList(),
                    command.getKey());
        }
    }

    /** Returns whether the parser refuses the option given twice as given only once. */
    private static boolean refusesRepeats(String command, String name) {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        try {
            root.parseArgs(command, name, "0", name, "1");
            return false;
        } catch (ParameterException e) {
            assertEquals(name + " may be given only once, got it twice (" + name + " 0 " + name
                    + " 1)", e.getMessage().substring(0, e.getMessage().indexOf(';')));
            return true;
        }
    }

    /**
     * A repeated list of classify adds its values: {@code --k 1 --k 3} searches the same
     * settings as {@code --k 1,3}, on the validation split of a small IAM folder of lines
     * (two nodes) and paths of three nodes; a value given in two repetitions is refused.
     */
    @Test
    void classifyAddsTheValuesOfARepeatedList() throws IOException {
        Path folder = iamFolder();
        Run once = MainTest.run("classify", folder.toString(), "--threads", "1", "--k", "1,3",
                "--json");
        Run twice = MainTest.run("classify", folder.toString(), "--threads", "1", "--k", "1",
                "--k", "3", "--json");

        assertEquals(0, once.exitCode(), once.err());
        assertEquals(0, twice.exitCode(), twice.err());
        List<?> candidates = (List<?>) once.json().get("candidates");
        assertEquals(2, candidates.size());
        assertEquals(candidates, twice.json().get("candidates"));
        Run again = MainTest.run("classify", folder.toString(), "--threads", "1", "--k", "1",
                "--k", "3,1");
        assertEquals(CliException.USAGE, again.exitCode());
        assertEquals(Main.ERROR_PREFIX + "--k lists the value 1 twice; give each value once\n",
                again.err());
    }

    /** Writes 24 graphs, lines and paths of three nodes alternating, and three splits. */
    private Path iamFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("iam"));
        String[] splits = {"train", "validation", "test"};
        int[] ends = {12, 18, 24};
        int start = 0;
        for (int s = 0; s < splits.length; s++) {
            StringBuilder cxl = new StringBuilder("<?xml version=\"1.0\"?>\n"
                    + "<GraphCollection><fingerprints>\n");
            for (int g = start; g < ends[s]; g++) {
                boolean line = g % 2 == 0;
                int nodes = line ? 2 : 3;
                StringBuilder gxl = new StringBuilder("<?xml version=\"1.0\"?>\n<gxl>"
                        + "<graph id=\"g" + g + "\" edgemode=\"undirected\">");
                for (int i = 0; i < nodes; i++) {
                    gxl.append("<node id=\"_").append(i).append("\"><attr name=\"x\">")
                            .append("<float>").append((line ? 0 : 5) + i + 0.01 * g)
                            .append("</float></attr></node>");
                }
                for (int i = 0; i + 1 < nodes; i++) {
                    gxl.append("<edge from=\"_").append(i).append("\" to=\"_").append(i + 1)
                            .append("\"/>");
                }
                Files.writeString(folder.resolve("g" + g + ".gxl"), gxl + "</graph></gxl>\n");
                cxl.append("<print file=\"g").append(g).append(".gxl\" class=\"")
                        .append(line ? "line" : "path").append("\"/>\n");
            }
            Files.writeString(folder.resolve(splits[s] + ".cxl"), cxl
                    + "</fingerprints></GraphCollection>\n");
            start = ends[s];
        }
        return folder;
    }
}
