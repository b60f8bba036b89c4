package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the command-line examples of README.md and compares what they print with what the
 * README shows, so that the README stays true. An example is a line {@code $ ./orbifold ...}
 * in a fenced block (continued by lines ending in a backslash), followed by its output up to
 * the next example or the end of the block; examples without output are showcases and are not
 * run. The comparison ignores what depends on the machine or the moment: wall times, the
 * thread count the default picks, and the matching JSON fields. A line {@code ...} in the
 * README stands for any number of omitted lines, and a line ending in {@code " ..."} is cut
 * there and must begin the printed line. Examples on {@code ../shared/datasets} are skipped
 * when that folder is absent.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final String PROMPT = "$ ./orbifold ";
    private static final String SHARED = "../shared/datasets";
    private static final String ELLIPSIS = "...";
    private static final String CUT = " ...";

    /** Machine- and moment-dependent parts, each with what it is replaced by. */
    private static final List<Pattern> VARYING = List.of(
            Pattern.compile("^(wall time|time)( +).*$"),
            Pattern.compile("\\b\\d+ threads?\\b"),
            Pattern.compile("\"threads\":\\d+"),
            Pattern.compile("\"(\\w*[sS]econds)\":[-0-9.Ee]+"));
    private static final List<String> REPLACEMENTS = List.of(
            "$1$2<time>", "<threads>", "\"threads\":<threads>", "\"$1\":<seconds>");

    /** One README example: the command's arguments and the lines shown after it. */
    record Example(int line, List<String> arguments, List<String> expected) {
        @Override
        public String toString() {
            return "README.md:" + line + " orbifold " + String.join(" ", arguments);
        }
    }

    static Stream<Example> examples() throws IOException {
        return parse(Files.readAllLines(README)).stream();
    }

    /** Reads the examples of a README's fenced blocks. */
    static List<Example> parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        Example current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                current = null;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (line.startsWith(PROMPT)) {
                int first = i + 1;
                StringBuilder command = new StringBuilder(line.substring(PROMPT.length()));
                while (command.toString().endsWith("\\")) {
                    command.setLength(command.length() - 1);
                    command.append(' ').append(lines.get(++i).strip());
                }
                List<String> arguments = Arrays.stream(command.toString().strip().split("\\s+"))
                        .toList();
                current = new Example(first, arguments, new ArrayList<>());
                examples.add(current);
            } else if (current != null) {
                current.expected().add(line);
            }
        }
        for (Example e : examples) {
            List<String> shown = e.expected();
            while (!shown.isEmpty() && shown.get(shown.size() - 1).isBlank()) {
                shown.remove(shown.size() - 1);
            }
        }
        return examples.stream().filter(e -> !e.expected().isEmpty()).toList();
    }

    @Test
    void theReadmeHasExamplesOnTheEmbeddedLettersAndTheParserFindsTheirOutput()
            throws IOException {
        List<Example> all = parse(Files.readAllLines(README));
        List<Example> embedded = all.stream()
                .filter(e -> e.arguments().stream().noneMatch(a -> a.startsWith(SHARED)))
                .toList();

        assertTrue(embedded.size() >= 8, "examples on the embedded letters: " + embedded);
        assertTrue(embedded.stream().anyMatch(e -> e.arguments().equals(List.of("mean"))),
                "the README's main command 'mean' with its output");
        for (Example e : all) {
            assertFalse(e.expected().stream().anyMatch(l -> l.startsWith("$ ")), e.toString());
        }
    }

    @Test
    void theParserJoinsContinuedLinesAndDropsExamplesWithoutOutput() {
        List<Example> parsed = parse(List.of("text", "```", "$ ./orbifold mean --class A \\",
                "      --json", "{\"a\":1}", "$ ./orbifold cluster big -k 2", "```",
                "$ ./orbifold info", "```", "$ ./orbifold info", "graphs 3", "```"));

        assertEquals(2, parsed.size(), parsed.toString());
        assertEquals(List.of("mean", "--class", "A", "--json"), parsed.get(0).arguments());
        assertEquals(List.of("{\"a\":1}"), parsed.get(0).expected());
        assertEquals(List.of("info"), parsed.get(1).arguments());
        assertEquals(10, parsed.get(1).line());
    }

    @Test
    void theComparisonIgnoresTimesAndThreadsButNotNumbers() {
        List<String> shown = List.of("aligner faq, seed 42, 2 threads", "objective   9.673957",
                "wall time   1.45 s (medoid 1.08 s + mean 0.37 s)", ELLIPSIS, "last line",
                "{\"threads\":2,\"wallTimeSeconds\":0.5,\"objective\":1.5 ...");

        assertTrue(matches(shown, List.of("aligner faq, seed 42, 1 thread",
                "objective   9.673957", "wall time   0.20 s (medoid 0.1 s + mean 0.1 s)",
                "skipped", "also skipped", "last line",
                "{\"threads\":1,\"wallTimeSeconds\":2.25,\"objective\":1.5,\"more\":true}")));
        assertFalse(matches(shown, List.of("aligner faq, seed 42, 2 threads",
                "objective   9.673958", "wall time   1.45 s", "last line",
                "{\"threads\":2,\"wallTimeSeconds\":0.5,\"objective\":1.5}")));
        assertFalse(matches(List.of("a", "b"), List.of("a")));
        assertFalse(matches(List.of("a"), List.of("a", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyReadmeExamplePrintsWhatTheReadmeShows(Example example) {
        List<String> arguments = new ArrayList<>(example.arguments());
        if (arguments.stream().anyMatch(a -> a.startsWith(SHARED))) {
            Assumptions.assumeTrue(Files.isDirectory(Path.of(SHARED)),
                    SHARED + " is absent: the README example on public data is skipped");
        }

        MainTest.Run run = MainTest.run(arguments.toArray(String[]::new));
        List<String> printed = new ArrayList<>(run.out().lines().toList());
        printed.addAll(run.err().lines().toList());

        assertTrue(matches(example.expected(), printed), () -> example + " printed\n"
                + String.join("\n", printed) + "\nbut the README shows\n"
                + String.join("\n", example.expected()));
    }

    /**
     * Returns whether the printed lines are those shown, after both are masked; a shown
     * {@code ...} matches any run of lines, and a shown line cut by {@code " ..."} matches the
     * printed lines it begins.
     */
    static boolean matches(List<String> shown, List<String> printed) {
        return matches(shown, 0, printed, 0);
    }

    private static boolean matches(List<String> shown, int s, List<String> printed, int p) {
        if (s == shown.size()) {
            return p == printed.size();
        }
        String expected = shown.get(s).stripTrailing();
        if (expected.equals(ELLIPSIS)) {
            for (int q = p; q <= printed.size(); q++) {
                if (matches(shown, s + 1, printed, q)) {
                    return true;
                }
            }
            return false;
        }
        if (p == printed.size()) {
            return false;
        }
        String actual = mask(printed.get(p).stripTrailing());
        boolean same = expected.endsWith(CUT)
                ? actual.startsWith(mask(expected.substring(0, expected.length() - CUT.length())))
                : actual.equals(mask(expected));
        return same && matches(shown, s + 1, printed, p + 1);
    }

    private static String mask(String line) {
        String masked = line;
        for (int i = 0; i < VARYING.size(); i++) {
            masked = VARYING.get(i).matcher(masked).replaceAll(REPLACEMENTS.get(i));
        }
        return masked;
    }
}
