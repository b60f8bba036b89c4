package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orbifold.cluster.CentralClustering;
import org.orbifold.space.Graph;
import org.orbifold.stats.CenterBuilder;
import org.orbifold.stats.FrechetMean;
import picocli.CommandLine;

/**
 * Runs the command line in-process on the embedded letters (small {@code --limit}s keep it
 * fast) and checks its output, its JSON and its failures.
 */
class MainTest {

    /** Slack for objectives compared across two computations of the same quantity. */
    private static final double OBJECTIVE_TOLERANCE = 1e-9;

    private static final List<String> CENTER_FIELDS = List.of("dataset", "class", "graphs",
            "aligner", "seed", "objective", "medoidObjective", "iterations", "status", "trace",
            "wallTimeSeconds", "center");

    @TempDir
    Path dir;

    /** The captured outcome of one run. */
    record Run(int exitCode, String out, String err) {
        Map<String, Object> json() {
            return JsonParser.object(out);
        }
    }

    /**
     * Copies files of the project's letters ({@code datasets/letters/LETTERS_<suffix>.txt})
     * into a new TU folder {@code parent/name} as {@code <name>_<suffix>.txt}.
     *
     * @return the new folder
     */
    static Path copyLetters(Path parent, String name, String... suffixes) throws IOException {
        Path folder = Files.createDirectory(parent.resolve(name));
        for (String suffix : suffixes) {
            Files.copy(Path.of("datasets", "letters", "LETTERS_" + suffix + ".txt"),
                    folder.resolve(name + "_" + suffix + ".txt"));
        }
        return folder;
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandWithAVersionOptionPrintsTheVersionOfOrbifold() {
        Run root = run("-V");
        assertEquals(0, root.exitCode(), root.err());
        assertTrue(root.out().startsWith("orbifold "), root.out());
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        int commands = 0;
        for (CommandLine command : cli.getSubcommands().values()) {
            if (command.getCommandSpec().findOption("-V") == null) {
                continue;
            }
            commands++;
            for (String option : List.of("-V", "--version")) {
                Run r = run(command.getCommandName(), option);

                assertEquals(0, r.exitCode(), command.getCommandName() + " " + option);
                assertEquals(root.out(), r.out(), command.getCommandName() + " " + option);
                assertEquals("", r.err(), command.getCommandName() + " " + option);
            }
        }
        // info, align, mean, median, cluster, classify, render, pca, regress, fetch.
        assertEquals(10, commands);
    }

    @Test
    void infoDescribesTheEmbeddedLetters() {
        Run r = run("info");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("graphs    225"), r.out());
        assertTrue(r.out().contains("classes   9: A (25), E (25), F (25)"), r.out());
        assertTrue(r.out().contains("nodes     min 4, mean 5.43, max 9"), r.out());
        assertTrue(r.out().contains("directed  no"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void infoJsonCountsTheSelectedClass() {
        Run r = run("info", "--class", "L", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(25.0, json.get("graphs"));
        assertEquals(225.0, json.get("graphsInDataset"));
        assertEquals(25.0, json.get("graphsInClass"));
        assertEquals("info", json.get("command"));
        assertEquals(Map.of("L", 25.0), json.get("classes"));
        assertEquals(List.of("x", "y", "exists"), json.get("nodeChannels"));
        assertEquals(Boolean.FALSE, json.get("directed"));
    }

    /**
     * With --class and --limit the JSON gives the class's size in the data set beside the
     * graphs kept, as the text's "3 of the 25 of class A" does; null without --class.
     */
    @Test
    void infoJsonGivesTheSizeOfTheClassBeforeTheLimit() {
        Run limited = run("info", "--class", "A", "--limit", "3", "--json");
        Run all = run("info", "--limit", "3", "--json");
        Run text = run("info", "--class", "A", "--limit", "3");

        assertEquals(0, limited.exitCode(), limited.err());
        assertEquals(3.0, limited.json().get("graphs"));
        assertEquals(25.0, limited.json().get("graphsInClass"));
        assertEquals(225.0, limited.json().get("graphsInDataset"));
        assertEquals("A", limited.json().get("class"));
        assertTrue(text.out().contains("graphs    3 of the 25 of class A (225 graphs in the data"
                + " set)"), text.out());
        assertTrue(all.json().containsKey("graphsInClass"));
        assertEquals(null, all.json().get("graphsInClass"));
    }

    /** A path under the shared data sets; skips the test when it is absent. */
    private static Path sharedDataset(String relative) {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path path = Path.of(root).resolve(relative);
        assumeTrue(Files.exists(path), "dataset not available: " + path);
        return path;
    }

    @Test
    void infoSaysWhenClassifyRecodesAnIamSet() {
        Path split = sharedDataset("iam/Protein/data/valid.cxl");

        Run r = run("info", split.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note      channels as stored; classify reads this IAM set"
                + " recoded (categorical: type, type0, type1; composition: sequence) unless"
                + " given --raw-attributes"), r.out());
        assertTrue(r.out().contains("node      3 channels: type, aaLength, exists"), r.out());
    }

    @Test
    void foldsOnOneFingerprintSplitUseTheRecodingAndTheFourClasses() {
        Path split = sharedDataset("iam/Fingerprint/data/valid.cxl");

        Run r = run("classify", split.toString(), "--folds", "2", "--method", "prototype",
                "--aligner", "nodes", "--threads", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(List.of("A", "L", "R", "W"), json.get("classes"));
        String notes = String.valueOf(json.get("notes"));
        assertTrue(notes.contains("four-class"), notes);
        assertTrue(notes.contains("line orientation modulo pi"), notes);
    }

    @Test
    void infoAddsNoRecodingNoteToTheLetterSets() {
        Path split = sharedDataset("iam/Letter/LOW/validation.cxl");

        Run r = run("info", split.toString(), "--json");

        assertEquals(0, r.exitCode(), r.err());
        Object notes = r.json().get("notes");
        assertFalse(String.valueOf(notes).contains("recoded"), String.valueOf(notes));
    }

    @Test
    void exactAlignmentOfAGraphWithItselfIsCertifiedAndZero() {
        Run r = run("align", "4", "4", "--aligner", "exact", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("align", json.get("command"));
        assertEquals(60.0, json.get("timeLimitSeconds"));
        assertEquals(Boolean.FALSE, json.get("limitReached"));
        assertEquals(0.0, (Double) json.get("distance"), OBJECTIVE_TOLERANCE);
        assertEquals(Boolean.TRUE, json.get("certified"));
        List<?> permutation = (List<?>) json.get("permutation");
        assertEquals(((Double) json.get("firstOrder")).intValue(), permutation.size());
    }

    @Test
    void alignAcceptsADatasetAndFirstSecondOptions() {
        Run positional = run("align", "datasets/letters", "0", "9", "--json");
        Run options = run("align", "--first", "0", "--second", "9", "--json");

        assertEquals(0, positional.exitCode(), positional.err());
        assertEquals(0, options.exitCode(), options.err());
        assertEquals(positional.json().get("distance"), options.json().get("distance"));
        assertEquals(positional.json().get("permutation"), options.json().get("permutation"));
    }

    @Test
    void alignTextNamesDistanceAndMatching() {
        Run r = run("align", "0", "9");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("distance    "), r.out());
        assertTrue(r.out().contains("matching    0->"), r.out());
    }

    /**
     * The JSON of mean, median, cluster and pca records --limit right after the class, so
     * that a result file alone tells which first-N subset it was computed on; null without
     * it. regress does the same (its covariates keep the first N rows).
     */
    @Test
    void theJsonRecordsTheLimitAfterTheClass() throws IOException {
        List<String[]> commands = List.of(new String[] {"mean"}, new String[] {"median"},
                new String[] {"cluster", "-k", "2"}, new String[] {"pca"});
        for (String[] command : commands) {
            List<String> limited = new ArrayList<>(List.of(command));
            limited.addAll(List.of("--class", "A", "--limit", "4", "--json", "--threads", "1"));
            Run r = run(limited.toArray(new String[0]));
            assertEquals(0, r.exitCode(), r.err());
            List<String> keys = new ArrayList<>(r.json().keySet());
            assertEquals(keys.indexOf("class") + 1, keys.indexOf("limit"), r.out());
            assertEquals(keys.indexOf("limit") + 1, keys.indexOf("graphs"), r.out());
            assertEquals(4.0, r.json().get("limit"), r.out());
            assertEquals(4.0, r.json().get("graphs"), r.out());
        }
        Path small = dir.resolve("small.smi");
        try {
            Files.writeString(small, "CCO\nCCC\nCO\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        for (String[] command : commands) {
            List<String> all = new ArrayList<>(List.of(command));
            all.addAll(List.of(small.toString(), "--json"));
            Run r = run(all.toArray(new String[0]));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.json().containsKey("limit"), r.out());
            assertNull(r.json().get("limit"), r.out());
        }
        Path covariates = Files.writeString(dir.resolve("small.txt"), "1\n2\n3\n");
        Run regress = run("regress", small.toString(), "--covariates", covariates.toString(),
                "--json");
        Run limited = run("regress", small.toString(), "--covariates", covariates.toString(),
                "--limit", "2", "--json");
        assertEquals(0, regress.exitCode(), regress.err());
        assertTrue(regress.json().containsKey("limit"), regress.out());
        assertNull(regress.json().get("limit"), regress.out());
        assertEquals(0, limited.exitCode(), limited.err());
        List<String> keys = new ArrayList<>(limited.json().keySet());
        assertEquals(keys.indexOf("class") + 1, keys.indexOf("limit"), limited.out());
        assertEquals(2.0, limited.json().get("limit"), limited.out());
        assertEquals(2.0, limited.json().get("graphs"), limited.out());
    }

    /** One graph, or relabelled copies of one: the medoid's objective is 0, and no 0/0. */
    @Test
    void aMedoidObjectiveOfZeroIsComparedInWords() throws IOException {
        Path one = Files.writeString(dir.resolve("one.smi"), "CCO\n");
        Path copies = Files.writeString(dir.resolve("copies.smi"), "CCO\nOCC\n");
        for (Path data : List.of(one, copies)) {
            for (String kind : List.of("mean", "median")) {
                Run r = run(kind, data.toString());
                assertEquals(0, r.exitCode(), r.err());
                assertTrue(r.out().contains("; the " + kind + " is equal to it, both 0)\n"),
                        r.out());
                assertFalse(r.out().contains("%"), r.out());
            }
        }
    }

    @Test
    void meanJsonHasEveryFieldAndNeverLosesToTheMedoidWithExactAlignments() {
        Run r = run("mean", "--limit", "8", "--aligner", "exact", "--json", "--threads", "2");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        for (String field : CENTER_FIELDS) {
            assertTrue(json.containsKey(field), "missing " + field + " in " + r.out());
        }
        assertEquals(8.0, json.get("graphs"));
        assertEquals("exact", json.get("aligner"));
        assertEquals(42.0, json.get("seed"));
        assertTrue((Double) json.get("objective")
                <= (Double) json.get("medoidObjective") + OBJECTIVE_TOLERANCE, r.out());
        List<?> trace = (List<?>) json.get("trace");
        assertEquals(((Double) json.get("iterations")).intValue() + 1, trace.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> center = (Map<String, Object>) json.get("center");
        assertTrue(center.containsKey("decodedNodes"), r.out());
        assertTrue(center.containsKey("edges"), r.out());
        assertDistancesGiveTheObjective(json, true);
    }

    /**
     * Asserts that the JSON's per-graph distances are one per graph and that their mean (or
     * the mean of their squares) is the objective.
     */
    static void assertDistancesGiveTheObjective(Map<String, Object> json, boolean squared) {
        List<?> distances = (List<?>) json.get("distances");
        assertEquals(((Double) json.get("graphs")).intValue(), distances.size());
        double sum = 0.0;
        for (Object d : distances) {
            double v = (Double) d;
            assertTrue(v >= 0.0, json.toString());
            sum += squared ? v * v : v;
        }
        double objective = (Double) json.get("objective");
        assertEquals(objective, sum / distances.size(), 1e-9 * (1.0 + objective));
    }

    @Test
    void restartsReportEveryRunsTraceAndWhichRunWasKept() {
        Run r = run("mean", "--class", "K", "--limit", "10", "--restarts", "3",
                "--max-iterations", "5", "--json", "--threads", "2");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        List<?> runs = (List<?>) json.get("runs");
        assertEquals(3, runs.size());
        int kept = ((Double) json.get("keptRun")).intValue();
        Map<?, ?> keptRun = (Map<?, ?>) runs.get(kept);
        assertEquals(json.get("objective"), keptRun.get("objective"));
        assertEquals(json.get("trace"), keptRun.get("trace"));
        Run text = run("mean", "--class", "K", "--limit", "10", "--restarts", "3",
                "--max-iterations", "5", "--threads", "2");
        assertTrue(text.out().contains(" (best run, run " + (kept + 1) + "; "
                + ((Double) json.get("totalIterations")).intValue() + " iterations over all 3"
                + " runs)"), text.out());
        assertTrue(text.out().contains(", best of 3 runs"), text.out());
        for (int i = 0; i < 3; i++) {
            Map<?, ?> each = (Map<?, ?>) runs.get(i);
            List<?> trace = (List<?>) each.get("trace");
            assertEquals(((Double) each.get("iterations")).intValue() + 1, trace.size());
            assertEquals(each.get("objective"), trace.get(trace.size() - 1));
            assertTrue((Double) each.get("objective") >= (Double) json.get("objective"));
            if (i < kept) {
                assertTrue((Double) each.get("objective") > (Double) json.get("objective"));
            }
        }
    }

    @Test
    void oneGraphTakesNoIterationForTheMeanAndTheMedianAlike() {
        for (String kind : List.of("mean", "median")) {
            Run r = run(kind, "--class", "A", "--limit", "1", "--json");

            assertEquals(0, r.exitCode(), r.err());
            Map<String, Object> json = r.json();
            assertEquals(0.0, json.get("iterations"), kind);
            assertEquals("CONVERGED", json.get("status"), kind);
            assertEquals(0.0, json.get("objective"), kind);
            assertEquals(List.of(0.0), json.get("trace"), kind);
        }
    }

    @Test
    void anObjectiveEqualToTheMedoidsSaysSo() {
        // Relabelled copies: the medoid is already optimal, objective 0 both.
        Run r = run("median", "--class", "A", "--limit", "1");
        assertTrue(r.out().contains("the median is equal to it, both 0"), r.out());
        assertEquals("equal to the medoid's", CenterCommand.comparedWith(2.5, 2.5));
    }

    @Test
    void theMedoidSearchsUnprovenPairsAreCountedApart() {
        Run text = run("mean", "--class", "K", "--limit", "6", "--aligner", "exact",
                "--time-limit", "1e-9", "--threads", "1");
        Run json = run("mean", "--class", "K", "--limit", "6", "--aligner", "exact",
                "--time-limit", "1e-9", "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nalignments  final (one per graph): 6 of 6 not proven"
                + " optimal"), text.out());
        assertTrue(text.out().contains("\npairs       medoid search: "), text.out());
        Map<String, Object> j = json.json();
        double made = (Double) j.get("medoidSearchAlignments");
        assertTrue(made >= 15, json.out());
        assertEquals(made, (Double) j.get("medoidSearchUncertifiedAlignments"), json.out());
        assertEquals(Boolean.TRUE, j.get("medoidSearchLimitReached"), json.out());
        assertEquals(6.0, j.get("uncertifiedAlignments"), json.out());
    }

    @Test
    void medianSummaryComparesWithTheMedoid() {
        Run r = run("median", "--class", "T", "--limit", "10", "--aligner", "exact");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Frechet median of 10 graphs"), r.out());
        assertTrue(r.out().contains("medoid      "), r.out());
        assertTrue(r.out().contains("status "), r.out());
        assertTrue(r.out().contains("center      "), r.out());
    }

    @Test
    void medianJsonNeverLosesToTheMedoidWithExactAlignments() {
        Run r = run("median", "--limit", "8", "--aligner", "exact", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("median", json.get("command"));
        assertTrue((Double) json.get("objective")
                <= (Double) json.get("medoidObjective") + OBJECTIVE_TOLERANCE, r.out());
        assertDistancesGiveTheObjective(json, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "median"})
    void theWallTimeLineStatesTheTotalAndItsTwoParts(String kind) {
        Run text = run(kind, "--limit", "6");
        Run json = run(kind, "--limit", "6", "--json");

        assertEquals(0, text.exitCode(), text.err());
        Matcher line = Pattern.compile("(?m)^wall time   (\\d+\\.\\d\\d) s \\(medoid"
                + " (\\d+\\.\\d\\d) s \\+ " + kind + " (\\d+\\.\\d\\d) s\\)$")
                .matcher(text.out());
        assertTrue(line.find(), text.out());
        double total = Double.parseDouble(line.group(1));
        double parts = Double.parseDouble(line.group(2)) + Double.parseDouble(line.group(3));
        assertEquals(parts, total, 0.015 + 1e-9, "each of the three is rounded to 0.01 s");
        assertEquals(0, json.exitCode(), json.err());
        Map<String, Object> fields = json.json();
        double center = (Double) fields.get("wallTimeSeconds");
        double medoid = (Double) fields.get("medoidWallTimeSeconds");
        assertTrue(center >= 0 && medoid >= 0, json.out());
        assertEquals(medoid + center, (Double) fields.get("totalWallTimeSeconds"), 1e-12,
                json.out());
    }

    @Test
    void sameSeedGivesTheSameMeanForAnyThreadCount() {
        Run one = run("mean", "--limit", "12", "--json", "--threads", "1");
        Run three = run("mean", "--limit", "12", "--json", "--threads", "3");

        assertEquals(0, one.exitCode(), one.err());
        assertEquals(one.json().get("objective"), three.json().get("objective"));
        assertEquals(one.json().get("center"), three.json().get("center"));
    }

    @Test
    void theTraceStartsAtTheMedoidAndRestartsNeverLose() {
        Run once = run("mean", "--limit", "12", "--json");
        Run thrice = run("mean", "--limit", "12", "--json", "--restarts", "3");

        assertEquals(0, thrice.exitCode(), thrice.err());
        assertEquals(3.0, thrice.json().get("restarts"));
        assertEquals(3, ((List<?>) thrice.json().get("runs")).size());
        List<?> trace = (List<?>) once.json().get("trace");
        assertEquals((Double) once.json().get("medoidObjective"), (Double) trace.get(0),
                OBJECTIVE_TOLERANCE);
        assertTrue((Double) thrice.json().get("objective")
                <= (Double) once.json().get("objective"), thrice.out());
    }

    /**
     * With graduated assignment on the first 20 letters the first step's realignment lowers
     * the medoid's objective; the medoid line compares with that realigned value, names it,
     * and a note gives the value under the medoid search's alignments, in the text and in
     * the JSON's {@code notes} alike. An incremental start realigns the medoid the same way
     * for the comparison.
     */
    @Test
    void theMedoidLineComparesWithTheMedoidRealignedAsTheStart() {
        for (String kind : List.of("mean", "median")) {
            Run json = run(kind, "--limit", "20", "--aligner", "ga", "--threads", "1",
                    "--json");
            Run text = run(kind, "--limit", "20", "--aligner", "ga", "--threads", "1");
            Run incremental = run(kind, "--limit", "20", "--aligner", "ga", "--threads", "1",
                    "--json", "--init", "incremental");

            assertEquals(0, json.exitCode(), json.err());
            double pairwise = (Double) json.json().get("medoidObjective");
            double realigned = (Double) json.json().get("medoidRealignedObjective");
            double first = (Double) ((List<?>) json.json().get("trace")).get(0);
            assertEquals(first, realigned, 0.0);
            assertTrue(realigned < pairwise - 1e-6, json.out());
            assertEquals(realigned, incremental.json().get("medoidRealignedObjective"));
            double objective = (Double) json.json().get("objective");
            String gain = String.format(Locale.ROOT, "%.1f", 100 * (realigned - objective)
                    / realigned);
            assertTrue(text.out().contains("\nmedoid      " + Numbers.decimal(realigned, 6)
                    + "  (graph " + json.json().get("medoidIndex").toString().replace(".0", "")
                    + ", realigned; the " + kind + " is " + gain + " % lower)\n"), text.out());
            assertTrue(text.out().contains("\nnote        the medoid's objective is "
                    + Numbers.decimal(pairwise, 6) + " with the alignments of the medoid"
                    + " search"), text.out());
            List<String> textNotes = text.out().lines()
                    .filter(line -> line.startsWith("note        "))
                    .map(line -> line.substring("note        ".length())).toList();
            // The medoid note, the data set's two, and that attributes are given existence.
            assertEquals(4, textNotes.size(), text.out());
            assertEquals(textNotes, json.json().get("notes"), json.out());
            assertTrue(textNotes.get(3).startsWith("node attributes are given that the node"
                    + " exists (value / existence: "), textNotes.get(3));
            assertTrue(textNotes.get(3).endsWith(" average over the graphs that have the"
                    + " node)"), textNotes.get(3));
            assertEquals(kind.equals("median"), textNotes.get(3).contains("Weiszfeld"),
                    textNotes.get(3));
        }
        Run plain = run("mean", "--limit", "20", "--threads", "1");
        assertFalse(plain.out().contains("realigned"), plain.out());
    }

    @Test
    void incrementalStartRuns() {
        Run r = run("mean", "--limit", "10", "--init", "incremental", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("incremental", r.json().get("init"));
    }

    @Test
    void outWritesTheSameJsonAsStdout() throws IOException {
        Path file = dir.resolve("mean.json");
        Run r = run("mean", "--limit", "6", "--json", "--out", file.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(r.json(), JsonParser.object(Files.readString(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file may remain");
        }
    }

    @Test
    void theTextReportEndsByNamingTheFilesWrittenAndTheJsonReportDoesNot() throws IOException {
        Path json = dir.resolve("median.json");
        Path svg = dir.resolve("median.svg");
        Run median = run("median", "--limit", "4", "--out", json.toString(), "--svg",
                svg.toString());
        Path folder = dir.resolve("clusters");
        Run cluster = run("cluster", "-k", "2", "--limit", "6", "--out", folder.toString());
        Run quiet = run("mean", "--limit", "4", "--json", "--out",
                dir.resolve("mean.json").toString());

        assertEquals(0, median.exitCode(), median.err());
        assertTrue(median.out().endsWith("file        " + json + "\nfile        " + svg + "\n"),
                median.out());
        assertTrue(Files.isRegularFile(json) && Files.isRegularFile(svg));
        assertEquals(0, cluster.exitCode(), cluster.err());
        assertTrue(cluster.out().endsWith("folder      " + folder + " (assignments.csv,"
                + " centers.json, trace.csv, result.json)\n"), cluster.out());
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertFalse(quiet.out().contains("file "), quiet.out());
        Path accuracy = dir.resolve("classify.json");
        Run classify = run("classify", "--folds", "2", "--limit", "18", "--out",
                accuracy.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().endsWith("file        " + accuracy + "\n"), classify.out());
    }

    @Test
    void embeddedCopyInsideTheJarEqualsTheFolder() {
        Sample folder = Sample.load("datasets/letters", null, null);
        Sample embedded = Sample.load(null, null, null);
        Sample resource = Sample.loadEmbedded();

        assertEquals(folder.graphs(), embedded.graphs());
        assertEquals(folder.graphs(), resource.graphs());
        assertEquals(folder.labels(), resource.labels());
    }

    @Test
    void alignSaysWhatIsWrongWithItsArguments() {
        Run tooMany = run("align", "datasets/letters", "0", "1", "2");
        Run oneIndex = run("align", "datasets/letters", "0");

        assertTrue(tooMany.err().contains("align takes [DATASET] I J, got 3 numbers (0 1 2)"),
                tooMany.err());
        assertTrue(oneIndex.err().contains("align needs two graph indices after the data set:"
                + " align datasets/letters I J, got only 0"), oneIndex.err());
        // A word that is no number is not called one.
        Run extra = run("align", "0", "9", "extra");
        assertEquals(CliException.USAGE, extra.exitCode(), extra.err());
        assertTrue(extra.err().contains("align takes [DATASET] I J, got 3 arguments (0 9 extra);"
                + " give exactly two graph indices"), extra.err());
        assertFalse(tooMany.err().contains("write ./"), tooMany.err());
    }

    /**
     * A data set whose folder is named by digits reads as an index; the message of three
     * numbers says to write {@code ./NAME} when the first one is a file or folder (the
     * folder is made in the current folder, as the argument is read from there, and removed).
     */
    @Test
    void aNumberedFolderGivenAsDatasetIsPointedToItsPath() throws IOException {
        String name = "918273645";
        Path folder = Path.of(name);
        assumeFalse(Files.exists(folder), "a file " + name + " is in the way");
        Files.createDirectory(folder);
        try {
            Run r = run("align", name, "0", "1");
            Run absent = run("align", "918273646", "0", "1");

            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals(Main.ERROR_PREFIX + "align takes [DATASET] I J, got 3 numbers (" + name
                    + " 0 1); give exactly two graph indices (to read the file or folder " + name
                    + " as DATASET, write ./" + name + ")\n", r.err());
            assertEquals(Main.ERROR_PREFIX + "align takes [DATASET] I J, got 3 numbers"
                    + " (918273646 0 1); give exactly two graph indices\n", absent.err());
        } finally {
            Files.delete(folder);
        }
    }

    /**
     * A data path that does not exist is answered with the likely paths: the entries of its
     * nearest existing folder whose names are close to the first missing part, with the rest
     * of the path when that exists; nothing close, no suggestion.
     */
    @Test
    void aMistypedDataPathGetsLikelyPaths() throws IOException {
        Path tu = Files.createDirectories(dir.resolve("tu"));
        Files.createDirectory(tu.resolve("MUTAG"));
        Files.createDirectory(tu.resolve("Mutagenicity"));
        Files.createDirectory(tu.resolve("ENZYMES"));
        Path low = Files.createDirectories(dir.resolve("Letter").resolve("LOW"));
        Files.createDirectories(dir.resolve("Letter").resolve("HIGH"));
        Files.writeString(low.resolve("train.cxl"), "");

        Run muta = run("info", tu.resolve("MUTA").toString());
        Run lower = run("info", dir.resolve("Letter/low/train.cxl").toString());
        Run far = run("info", tu.resolve("QQQQQQQ").toString());

        assertEquals(CliException.DATA, muta.exitCode(), muta.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + tu.resolve("MUTA")
                + " (did you mean " + tu.resolve("MUTAG") + " or " + tu.resolve("Mutagenicity")
                + "?)\n", muta.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: "
                + dir.resolve("Letter/low/train.cxl") + " (did you mean "
                + low.resolve("train.cxl") + "?)\n", lower.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + tu.resolve("QQQQQQQ")
                + "\n", far.err());
        Run classify = run("classify", tu.resolve("MUTAGG").toString());
        assertTrue(classify.err().contains(" (did you mean " + tu.resolve("MUTAG") + "?)"),
                classify.err());
    }

    /**
     * A data path that is a symbolic link to a missing target says so, and neither it nor a
     * sibling link that dangles is offered as a suggestion.
     */
    @Test
    void aDanglingLinkIsNamedAndNotSuggested() throws IOException {
        Path tu = Files.createDirectories(dir.resolve("links"));
        Path missing = dir.resolve("nowhere");
        Files.createSymbolicLink(tu.resolve("MUTAG"), missing);
        Files.createSymbolicLink(tu.resolve("MUTAGX"), missing);
        Files.createDirectory(tu.resolve("MUTAGS"));

        Path chain = Files.createSymbolicLink(tu.resolve("chain"), Path.of("MUTAG"));
        Path loop = Files.createSymbolicLink(tu.resolve("loop"), Path.of("loop"));

        Run link = run("info", tu.resolve("MUTAG").toString());
        Run typo = run("info", tu.resolve("MUTAGG").toString());
        Run inside = run("info", tu.resolve("MUTAG").resolve("x").toString());
        Run linked = run("info", chain.toString());
        Run looped = run("info", loop.toString());

        assertEquals(CliException.DATA, link.exitCode(), link.err());
        String broken = " (" + tu.resolve("MUTAG") + " is a symbolic link to " + missing
                + ", which does not exist)";
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + tu.resolve("MUTAG")
                + broken + " (did you mean " + tu.resolve("MUTAGS") + "?)\n", link.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + tu.resolve("MUTAGG")
                + " (did you mean " + tu.resolve("MUTAGS") + "?)\n", typo.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + tu.resolve("MUTAG/x")
                + broken + " (did you mean " + tu.resolve("MUTAGS") + "?)\n", inside.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + chain + " (" + chain
                + " is a symbolic link to MUTAG, whose links lead to " + missing + ", which"
                + " does not exist)\n", linked.err());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + loop + " (" + loop
                + " is a symbolic link in a loop)\n", looped.err());
    }

    /**
     * The graphs line of info names the class and the data set apart, so that the count of
     * the data set is not read as that of the class.
     */
    @Test
    void infoTellsTheClassFromTheDataSet() {
        assertEquals("225", InfoCommand.graphsWords(225, 225, null, null));
        assertEquals("3 of 225", InfoCommand.graphsWords(3, 225, null, null));
        assertTrue(run("info", "--class", "A", "--limit", "3").out().contains(
                "\ngraphs    3 of the 25 of class A (225 graphs in the data set)\n"));
        assertTrue(run("info", "--class", "A").out().contains(
                "\ngraphs    25 of class A (225 graphs in the data set)\n"));
        assertTrue(run("info", "--limit", "3").out().contains("\ngraphs    3 of 225\n"));
    }

    /** The help lists every ending of a molecule file that the reader takes, and TU zips. */
    @Test
    void theHelpNamesEveryMoleculeEndingAndTuZips() throws IOException {
        // Compared without white space: the help wraps lines where it likes.
        String help = run("info", "--help").out().replaceAll("\\s+", "");
        String root = run("--help").out().replaceAll("\\s+", "");

        assertTrue(help.contains("TUfolderor.zip"), help);
        assertTrue(help.contains("moleculefile(.smi,.smiles,.can,.csv,.sdf,.sd,.mol;"), help);
        assertTrue(root.contains("aTUDortmundfolderor.zip"), root);
        assertTrue(root.contains("(SMILES.smi,.smiles,.can;.csvwithasmilescolumn;SD.sdf,.sd,"
                + ".mol)"), root);
        // A .smiles file is read as SMILES, as the help says.
        Path smiles = Files.writeString(dir.resolve("two.smiles"), "CCO\nC=O\n");
        Run info = run("info", smiles.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("\ngraphs    2\n"), info.out());
    }

    /**
     * A first argument that reads as a number but names no file is no data set: with two
     * arguments it is a graph index that is no integer, with three the data set is missing.
     */
    @Test
    void aDecimalFirstArgumentOfAlignIsNoDataSet() {
        Run two = run("align", "1.5", "2");
        Run three = run("align", "1.5", "2", "3");

        assertOneLineError(CliException.USAGE, two);
        assertEquals("orbifold: error: graph index I must be an integer, got '1.5'\n",
                two.err());
        assertOneLineError(CliException.USAGE, three);
        assertEquals("orbifold: error: align takes [DATASET] I J; the first of three"
                + " arguments, '1.5', is no data set (no such file or folder), so DATASET is"
                + " missing\n", three.err());
    }

    @Test
    void alignNamesTheNodesWithoutPartner() {
        Sample letters = Sample.load(null, null, null);
        int other = 1;
        while (letters.graphs().get(other).order() <= letters.graphs().get(0).order()) {
            other++;
        }
        int extra = letters.graphs().get(other).order() - letters.graphs().get(0).order();

        Run r = run("align", "0", String.valueOf(other));

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("unmatched   node" + (extra == 1 ? " " : "s ")), r.out());
        assertTrue(r.out().contains(" of J (no partner in I)"), r.out());
        assertFalse(r.out().contains("-->"), r.out());
    }

    /**
     * The JSON of align gives what the text shows: the matched pairs of real nodes and the
     * nodes of either graph without a partner, which the permutation alone leaves to the
     * reader (it has max(order) entries, the padding among them).
     */
    @Test
    void alignJsonNamesThePairsAndTheNodesWithoutPartner() {
        for (String[] pair : new String[][] {{"0", "3"}, {"3", "0"}}) {
            Run json = run("align", pair[0], pair[1], "--json");
            Run text = run("align", pair[0], pair[1]);

            assertEquals(0, json.exitCode(), json.err());
            List<String> pairs = new ArrayList<>();
            for (Object p : (List<?>) json.json().get("matching")) {
                List<?> ij = (List<?>) p;
                pairs.add(((Double) ij.get(0)).intValue() + "->" + ((Double) ij.get(1))
                        .intValue());
            }
            assertTrue(text.out().contains("\nmatching    " + String.join(" ", pairs) + "\n"),
                    text.out() + json.out());
            List<?> first = (List<?>) json.json().get("unmatchedFirst");
            List<?> second = (List<?>) json.json().get("unmatchedSecond");
            assertEquals(3, first.size() + second.size(), json.out());
            List<?> extra = first.isEmpty() ? second : first;
            List<String> nodes = new ArrayList<>();
            for (Object node : extra) {
                nodes.add(String.valueOf(((Double) node).intValue()));
            }
            assertTrue(text.out().contains("unmatched   nodes " + String.join(", ", nodes)
                    + (first.isEmpty() ? " of J" : " of I")), text.out());
        }
    }

    /**
     * align names the two graphs and prints the notes as the other commands do: a skipped
     * record (after which an index no longer counts the records) and a --limit above the
     * graphs there are; the names follow --class.
     */
    @Test
    void alignNamesTheGraphsAndPrintsTheNotes() throws IOException {
        Path smiles = Files.writeString(dir.resolve("small.smi"), "CCO ethanol\n"
                + "C1CC broken\nCC(=O)O acetic\n");

        Run text = run("align", smiles.toString(), "0", "1", "--skip-invalid");
        Run json = run("align", smiles.toString(), "0", "1", "--skip-invalid", "--json");
        Run limited = run("align", "--class", "T", "0", "1", "--limit", "1000", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("graphs      0 ('small#1 ethanol', no class, 3 nodes)"
                + " and 1 ('small#3 acetic', no class, 4 nodes) of "), text.out());
        assertTrue(text.out().contains("\nnote        skipped 1 invalid record at line 2"),
                text.out());
        Map<String, Object> fields = json.json();
        assertEquals("small#1 ethanol", fields.get("firstName"), json.out());
        assertEquals("small#3 acetic", fields.get("secondName"), json.out());
        assertTrue(fields.get("notes").toString().contains("skipped 1 invalid record"),
                json.out());
        assertEquals(0, limited.exitCode(), limited.err());
        Sample letters = Sample.load(null, null, null);
        List<String> names = new ArrayList<>();
        for (int g = 0; g < letters.size() && names.size() < 2; g++) {
            if ("T".equals(letters.labels().get(g))) {
                names.add(letters.dataset().graphNames().get(g));
            }
        }
        assertEquals(names, List.of(limited.json().get("firstName"),
                limited.json().get("secondName")), limited.out());
        assertTrue(limited.json().get("notes").toString().contains("--limit 1000 exceeds the"
                + " 25 graphs of class T: all 25 are used"), limited.out());
    }

    /**
     * info counts the graphs without edges, so that an edge file that lost its last lines
     * (which leaves the later graphs edgeless, not malformed) shows: the text adds them to
     * the edges line, the JSON always has the count.
     */
    @Test
    void infoCountsTheGraphsWithoutEdges() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("CUT"));
        Files.writeString(folder.resolve("CUT_A.txt"), "1, 2\n2, 1\n");
        Files.writeString(folder.resolve("CUT_graph_indicator.txt"), "1\n1\n2\n2\n3\n3\n");
        Files.writeString(folder.resolve("CUT_graph_labels.txt"), "1\n1\n2\n");

        Run text = run("info", folder.toString());
        Run json = run("info", folder.toString(), "--json");
        Run letters = run("info");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nedges     min 0, mean 0.33, max 1 (total 1; 2 graphs"
                + " without edges)\n"), text.out());
        assertEquals(2.0, json.json().get("graphsWithoutEdges"), json.out());
        assertTrue(letters.out().contains("(total 1019)\n"), letters.out());
        assertEquals(0.0, run("info", "--json").json().get("graphsWithoutEdges"));
    }

    /**
     * info counts the graphs without nodes too (IAM Fingerprint has many), which a minimum
     * order of 0 does not count: the text adds them to the nodes line, the JSON always has
     * the count.
     */
    @Test
    void infoCountsTheGraphsWithoutNodes() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("iam"));
        Files.writeString(folder.resolve("g.gxl"), "<gxl><graph id=\"g\" edgemode="
                + "\"undirected\"><node id=\"a\"/><node id=\"b\"/><edge from=\"a\""
                + " to=\"b\"/></graph></gxl>\n");
        Files.writeString(folder.resolve("e.gxl"), "<gxl><graph id=\"e\" edgemode="
                + "\"undirected\"></graph></gxl>\n");
        Path list = Files.writeString(folder.resolve("all.cxl"), "<GraphCollection><graphs>"
                + "<print file=\"g.gxl\" class=\"A\"/><print file=\"e.gxl\" class=\"A\"/>"
                + "<print file=\"e.gxl\" class=\"B\"/></graphs></GraphCollection>\n");

        Run text = run("info", list.toString());
        Run json = run("info", list.toString(), "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nnodes     min 0, mean 0.67, max 2 (total 2; 2 graphs"
                + " without nodes)\n"), text.out());
        assertEquals(2.0, json.json().get("graphsWithoutNodes"), json.out());
        assertEquals(2.0, json.json().get("graphsWithoutEdges"), json.out());
        assertEquals(0.0, run("info", "--json").json().get("graphsWithoutNodes"));
        assertTrue(run("info").out().contains("(total 1222)\n"));
    }

    /**
     * info says that the edges of directed graphs are counted as ordered pairs: a pair of
     * nodes joined both ways with different attributes (as in IAM Fingerprint) counts twice,
     * where undirected graphs count it once.
     */
    @Test
    void infoSaysDirectedEdgesAreCountedAsOrderedPairs() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("dir"));
        Files.writeString(folder.resolve("g.gxl"), "<gxl><graph id=\"g\" edgemode="
                + "\"directed\"><node id=\"a\"/><node id=\"b\"/><edge from=\"a\" to=\"b\">"
                + "<attr name=\"w\"><float>1</float></attr></edge><edge from=\"b\" to=\"a\">"
                + "<attr name=\"w\"><float>-1</float></attr></edge></graph></gxl>\n");
        Path list = Files.writeString(folder.resolve("all.cxl"), "<GraphCollection><graphs>"
                + "<print file=\"g.gxl\" class=\"A\"/></graphs></GraphCollection>\n");

        Run text = run("info", list.toString());
        Map<?, ?> edges = (Map<?, ?>) run("info", list.toString(), "--json").json().get("edges");
        Map<?, ?> letters = (Map<?, ?>) run("info", "--json").json().get("edges");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nedges     min 2, mean 2.00, max 2 (total 2), counted as"
                + " ordered pairs (the graphs are directed: an edge stored both ways counts"
                + " twice)\n"), text.out());
        assertTrue(text.out().contains("\ndirected  yes\n"), text.out());
        assertEquals(2.0, edges.get("total"));
        assertEquals("ordered pairs", edges.get("counted"));
        assertEquals("unordered pairs", letters.get("counted"));
        assertFalse(run("info").out().contains("ordered pairs"));
    }

    /** info --json has the total number of nodes that the text's nodes line shows. */
    @Test
    void infoJsonHasTheTotalOrder() {
        Run r = run("info", "--json");

        Map<?, ?> order = (Map<?, ?>) r.json().get("order");
        assertEquals(1222.0, order.get("total"), r.out());
        assertTrue(run("info").out().contains("(total 1222)"));
    }

    /**
     * A tab or an escape character in class labels is shown escaped in text output and error
     * messages, and kept as it is in the JSON (whose strings escape it themselves).
     */
    @Test
    void controlCharactersInLabelsAreShownEscaped() throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"),
                "smiles,label\nCCO,\"a\tb\"\nCCN,\"c\u001bd\"\nCCC,\"a\tb\"\n");

        Run info = run("info", csv.toString(), "--label-property", "label");
        Run json = run("info", csv.toString(), "--label-property", "label", "--json");
        Run unknown = run("mean", csv.toString(), "--label-property", "label", "--class",
                "Z");
        Run mean = run("mean", csv.toString(), "--label-property", "label", "--class",
                "a\tb", "--threads", "1");
        Run align = run("align", csv.toString(), "0", "1", "--label-property", "label");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("\nclasses   2: a\\tb (2), c\\u001bd (1)\n"),
                info.out());
        assertEquals(Map.of("a\tb", 2.0, "c\u001bd", 1.0), json.json().get("classes"));
        assertOneLineError(CliException.USAGE, unknown);
        assertEquals("orbifold: error: unknown class 'Z'; classes: a\\tb, c\\u001bd\n",
                unknown.err());
        assertTrue(mean.out().contains("(class a\\tb)\n"), mean.out());
        assertTrue(align.out().contains("('labels#1', class a\\tb, 3 nodes) and 1"
                + " ('labels#2', class c\\u001bd,"), align.out());
        for (Run r : List.of(info, mean, align)) {
            assertFalse(r.out().contains("\t") || r.out().contains("\u001b"), r.out());
        }
    }

    @Test
    void lineBreaksInAlignedGraphsNamesAndClassesAreShownEscaped() throws IOException {
        Path file = Files.writeString(dir.resolve("breaks.graphml"), String.join("\n",
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
                "<key id=\"c\" for=\"graph\" attr.name=\"label\" attr.type=\"string\"/>",
                "<graph id=\"g1\" edgedefault=\"undirected\"><data key=\"c\">a&#13;b</data>",
                "<node id=\"n\"/></graph>",
                "<graph id=\"g2\" edgedefault=\"undirected\"><data key=\"c\">c&#10;d</data>",
                "<node id=\"m\"/></graph></graphml>", ""));

        Run align = run("align", file.toString(), "0", "1");

        assertEquals(0, align.exitCode(), align.err());
        String graphs = align.out().lines().filter(l -> l.startsWith("graphs")).findFirst()
                .orElseThrow();
        assertTrue(graphs.contains("class a\\rb, 1 node)") && graphs.contains("class c\\nd"),
                graphs);
        assertFalse(align.out().contains("\r"), align.out());
    }

    @Test
    void aClassCanBeGivenAsStandardOutputEscapesItUnderAnAsciiLocale() throws IOException {
        Path csv = Files.writeString(dir.resolve("accents.csv"),
                "smiles,label\nCCO,caf\u00e9\nCCN,caf\u00e9\nCCC,b\n");

        Run mean = run("mean", csv.toString(), "--class", "caf\\u00e9", "--threads", "1");

        assertEquals(0, mean.exitCode(), mean.err());
        assertTrue(mean.out().startsWith("Frechet mean of 2 graphs from "), mean.out());
    }

    @Test
    void lineBreaksInTheCenterGraphsNamesAndLabelsAreShownEscaped() throws IOException {
        StringBuilder xml = new StringBuilder("<graphml xmlns=\"http://graphml.graphdrawing.org"
                + "/xmlns\"><key id=\"n\" for=\"node\" attr.name=\"p&#10;q\""
                + " attr.type=\"double\"/><key id=\"e\" for=\"edge\" attr.name=\"b&#10;o\""
                + " attr.type=\"string\"/>\n");
        for (int g = 1; g <= 3; g++) {
            xml.append("<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"n\">")
                    .append(g).append("</data></node><node id=\"b\"><data key=\"n\">1</data>")
                    .append("</node><edge source=\"a\" target=\"b\"><data key=\"e\">s&#10;")
                    .append(g).append("</data></edge></graph>\n");
        }
        Path file = Files.writeString(dir.resolve("breaks.graphml"), xml + "</graphml>\n");

        for (String command : List.of("mean", "median")) {
            Run r = run(command, file.toString(), "--threads", "1");

            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("  node  0  exists 1.00  p\\nq "), r.out());
            assertTrue(r.out().contains("one-hot group 'b\\no'"), r.out());
            assertTrue(r.out().contains("(top b\\no=s\\n"), r.out());
            assertFalse(r.out().lines().anyMatch(l -> l.equals("q") || l.startsWith("q ")
                    || l.startsWith("o'") || l.startsWith("o=")), r.out());
        }
    }

    /**
     * A boolean attribute missing on a node is encoded as no label (both channels 0), which a
     * center's node showed as the label false, {@code flag false (0.00)} and
     * {@code {"label":"false","weight":0.0}}; it now says the value is missing.
     */
    @Test
    void aCenterNodeWithoutAValueShowsItMissingNotAsALabel() throws IOException {
        StringBuilder xml = new StringBuilder("<graphml xmlns=\"http://graphml.graphdrawing.org"
                + "/xmlns\"><key id=\"f\" for=\"node\" attr.name=\"flag\""
                + " attr.type=\"boolean\"/>\n");
        for (int g = 1; g <= 3; g++) {
            xml.append("<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"f\">")
                    .append(g == 1 ? "false" : "true").append("</data></node>")
                    .append("<node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph>\n");
        }
        Path file = Files.writeString(dir.resolve("flags.graphml"), xml + "</graphml>\n");

        for (String command : List.of("mean", "median")) {
            Run text = run(command, file.toString(), "--threads", "1");
            Run json = run(command, file.toString(), "--threads", "1", "--json");

            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().contains(" flag (missing)\n"), text.out());
            assertTrue(text.out().contains(" flag true ("), text.out());
            assertFalse(text.out().contains("flag false (0.00)"), text.out());
            assertEquals(0, json.exitCode(), json.err());
            assertTrue(json.out().replace(" ", "").contains("\"flag\":{\"label\":null,"
                    + "\"weight\":0.0}"), json.out());
            assertFalse(json.out().replace(" ", "").contains("\"label\":\"false\","
                    + "\"weight\":0.0"), json.out());
        }
    }

    /**
     * A SMILES file holding only RDKit's header said it holds no graphs without saying that
     * its one line was skipped as a header.
     */
    @Test
    void aSmilesFileWithOnlyAHeaderSaysTheHeaderWasSkipped() throws IOException {
        Path file = Files.writeString(dir.resolve("header.smi"), "SMILES,Name\n");
        Run r = run("info", file.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + " holds no graphs (line 1 is a header, not a"
                + " molecule"), r.err());
    }

    /**
     * A category whose text is {@code (missing)} printed like a missing value; a label that is
     * the marker within apostrophes is now quoted, so the marker itself stands only for a
     * missing value.
     */
    @Test
    void aCategoryNamedLikeTheMissingMarkerIsQuoted() throws IOException {
        StringBuilder xml = new StringBuilder("<graphml xmlns=\"http://graphml.graphdrawing.org"
                + "/xmlns\"><key id=\"f\" for=\"node\" attr.name=\"flag\""
                + " attr.type=\"string\"/>\n");
        for (int g = 1; g <= 3; g++) {
            xml.append("<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"f\">")
                    .append("(missing)</data></node><node id=\"b\"/>")
                    .append("<edge source=\"a\" target=\"b\"/></graph>\n");
        }
        Path file = Files.writeString(dir.resolve("marker.graphml"), xml + "</graphml>\n");

        Run text = run("mean", file.toString(), "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains(" flag '(missing)' (1.00)\n"), text.out());
        assertTrue(text.out().contains(" flag (missing)\n"), text.out());
    }

    /**
     * A text attribute of a million characters made {@code info} print a node channel line
     * of a megabyte; the text output cuts a category, attribute name or class label after 40
     * characters and gives its length, and the JSON output keeps the names whole. A center's
     * node in the text report of mean abbreviates its label the same way.
     */
    @Test
    void infoAbbreviatesLongCategoriesInTextButNotInJson() throws IOException {
        String big = "x".repeat(1_000_000);
        String longClass = "c".repeat(41);
        Path file = Files.writeString(dir.resolve("big.graphml"), "<graphml xmlns=\"http://"
                + "graphml.graphdrawing.org/xmlns\"><key id=\"s\" for=\"node\""
                + " attr.name=\"name\" attr.type=\"string\"/><key id=\"c\" for=\"graph\""
                + " attr.name=\"label\" attr.type=\"string\"/>\n<graph edgedefault="
                + "\"undirected\"><data key=\"c\">" + longClass + "</data><node id=\"a\">"
                + "<data key=\"s\">" + big + "</data></node><node id=\"b\"><data key=\"s\">"
                + "short</data></node><edge source=\"a\" target=\"b\"/></graph></graphml>\n");

        Run text = run("info", file.toString());
        Run json = run("info", file.toString(), "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("node      3 channels: name=short, name="
                + "x".repeat(40) + "... (1000000 characters), exists\n"), text.out());
        assertTrue(text.out().contains("classes   1: " + "c".repeat(40)
                + "... (41 characters) (1)\n"), text.out());
        assertTrue(text.out().lines().allMatch(l -> l.length() < 200), "a long line");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(List.of("name=short", "name=" + big, "exists"),
                json.json().get("nodeChannels"));
        assertEquals(Map.of(longClass, 1.0), json.json().get("classes"));

        Run mean = run("mean", file.toString(), "--threads", "1");
        assertEquals(0, mean.exitCode(), mean.err());
        assertTrue(mean.out().contains(" name " + "x".repeat(40) + "... (1000000 characters)"
                + " (1.00)"), mean.out());
        assertTrue(mean.out().lines().allMatch(l -> l.length() < 200), "a long line");
    }

    @Test
    void unknownCommandListsTheCommands() {
        Run r = run("bogus");

        assertOneLineError(CliException.USAGE, r);
        assertTrue(r.err().contains("unknown command 'bogus'; commands: info, align, mean,"
                + " median"), r.err());
    }

    @Test
    void zeroWeightsEverywhereAreAUsageError() {
        Run r = run("mean", "--node-weight", "0", "--edge-weight", "0");

        assertOneLineError(CliException.USAGE, r);
        assertTrue(r.err().contains("--node-weight 0 with --edge-weight 0: every distance"
                + " would be 0; give one of them a positive value"), r.err());
    }

    @Test
    void oneGraphIsCountedInTheSingular() {
        Run r = run("mean", "--limit", "1");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Frechet mean of 1 graph from"), r.out());
    }

    @Test
    void aTuFileIsRejectedWithItsFolder() {
        Run r = run("info", "datasets/letters/LETTERS_A.txt");

        assertOneLineError(CliException.DATA, r);
        assertTrue(r.err().contains("unknown dataset type"), r.err());
        assertTrue(r.err().contains("(for a TU data set, give its folder: datasets/letters)"),
                r.err());
    }

    @Test
    void lettersClassesAreLetters() {
        Run r = run("mean", "--class", "A", "--limit", "3", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("A", r.json().get("class"));
        assertEquals(List.of("A", "E", "F", "H", "I", "K", "L", "T", "X"),
                Sample.load("datasets/letters", null, null).dataset().classes());
    }

    @Test
    void centerJsonSaysHowEdgePresenceIsRead() {
        Run r = run("mean", "--limit", "6", "--json");

        assertEquals(0, r.exitCode(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> center = (Map<String, Object>) r.json().get("center");
        assertEquals(Map.of("measure", "probability", "source", "channel 'edge'"),
                center.get("edgePresence"));
        List<?> edges = (List<?>) center.get("edges");
        assertFalse(edges.isEmpty(), r.out());
        for (Object edge : edges) {
            assertTrue(((Map<?, ?>) edge).containsKey("edgeProbability"), edge.toString());
        }
    }

    @Test
    void outIntoAFolderFailsBeforeComputing() {
        Run r = run("mean", "--out", dir.toString());

        assertOneLineError(CliException.USAGE, r);
        assertTrue(r.err().contains("is a folder"), r.err());
    }

    /**
     * An --out name longer than the file systems' 255 bytes is refused before the work (it
     * failed the write after it); a file name of exactly 255 bytes is written.
     */
    @Test
    void anOutNameTooLongIsRefusedBeforeTheWork() throws IOException {
        Path tooLong = dir.resolve("n".repeat(251) + ".json");
        Path longest = dir.resolve("m".repeat(250) + ".json");

        Run mean = run("mean", "--limit", "3", "--out", tooLong.toString());
        Run cluster = run("cluster", "-k", "2", "--limit", "6", "--out",
                tooLong.resolve("clusters").toString());
        Run written = run("mean", "--limit", "3", "--out", longest.toString());

        for (Run r : List.of(mean, cluster)) {
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals("", r.out());
        }
        assertEquals("orbifold: error: cannot write --out " + tooLong + ": a name in it is 256"
                + " bytes long, and file systems take at most 255; give a shorter name\n",
                mean.err());
        assertTrue(cluster.err().contains(": a name in it is 256 bytes long"), cluster.err());
        assertEquals(0, written.exitCode(), written.err());
        assertTrue(Files.readString(longest).startsWith("{"));
    }

    /**
     * An existing --out file of mode 444 is refused before the work, with a usage error that
     * names it, and left as it was. The check reads the owner's write permission, so it holds
     * for root too, whom the access check lets write any file (these tests may run as root).
     */
    @Test
    void aReadOnlyOutFileIsRefusedBeforeTheWork() throws IOException {
        Set<PosixFilePermission> readOnly = PosixFilePermissions.fromString("r--r--r--");
        Path file = fileWithMode("kept.json", "keep me\n", readOnly);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
        Path folder = Files.createDirectory(dir.resolve("clusters"));
        Path result = Files.writeString(folder.resolve(ClusterCommand.RESULT), "old\n");
        Files.setPosixFilePermissions(result, readOnly);
        String tail = " exists and is read-only (mode r--r--r--); make it writable or give"
                + " another file\n";

        Run mean = run("mean", "--limit", "3", "--out", file.toString());
        Run viaLink = run("median", "--limit", "3", "--out", link.toString());
        Run classify = run("classify", "--folds", "2", "--limit", "18", "--out",
                file.toString());
        Run cluster = run("cluster", "-k", "2", "--limit", "6", "--out", folder.toString());

        for (Run r : List.of(mean, viaLink, classify, cluster)) {
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals("", r.out());
        }
        assertEquals("orbifold: error: cannot write --out " + file + ": the file" + tail,
                mean.err());
        assertEquals(mean.err(), classify.err());
        assertEquals("orbifold: error: cannot write --out " + link + ": the file it links to, "
                + file.toRealPath() + "," + tail, viaLink.err());
        assertEquals("orbifold: error: cannot write --out " + folder.resolve(
                ClusterCommand.RESULT) + ": the file" + tail, cluster.err());
        assertEquals("keep me\n", Files.readString(file));
        assertEquals(readOnly, Files.getPosixFilePermissions(file));
        assertEquals("old\n", Files.readString(result));

        // Writable again, the same file is replaced.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, run("mean", "--limit", "3", "--out", file.toString()).exitCode());
        assertTrue(Files.readString(file).startsWith("{"), Files.readString(file));
    }

    /**
     * Writes a file of the test folder with the given POSIX permissions, or skips the test
     * where the file system has none.
     */
    private Path fileWithMode(String name, String text, Set<PosixFilePermission> mode)
            throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null,
                "no POSIX permissions here");
        Files.setPosixFilePermissions(file, mode);
        return file;
    }

    @Test
    void aReplacedOutFileKeepsItsPermissions() throws IOException {
        Set<PosixFilePermission> secret = PosixFilePermissions.fromString("rw-------");
        Path file = fileWithMode("private.json", "old\n", secret);
        Path folder = Files.createDirectory(dir.resolve("clusters"));
        Path result = Files.writeString(folder.resolve(ClusterCommand.RESULT),
                "{\"command\":\"cluster\"}\n");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(result, shared);

        assertEquals(0, run("mean", "--limit", "3", "--out", file.toString()).exitCode());
        assertEquals(0, run("cluster", "-k", "2", "--limit", "6", "--out", folder.toString())
                .exitCode());

        assertTrue(Files.readString(file).startsWith("{"), Files.readString(file));
        assertEquals(secret, Files.getPosixFilePermissions(file));
        assertTrue(Files.readString(result).startsWith("{"), Files.readString(result));
        assertEquals(shared, Files.getPosixFilePermissions(result));
    }

    @Test
    void aReplacedOutFileKeepsItsOwnerAndGroupWhereTheUserMaySetThem() throws IOException {
        Path file = fileWithMode("theirs.json", "old\n",
                PosixFilePermissions.fromString("rw-rw-rw-"));
        PosixFileAttributeView view = Files.getFileAttributeView(file,
                PosixFileAttributeView.class);
        UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
        try {
            view.setOwner(users.lookupPrincipalByName("daemon"));
            view.setGroup(users.lookupPrincipalByGroupName("daemon"));
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot give a file to the user daemon here: " + e);
        }
        PosixFileAttributes before = view.readAttributes();

        assertEquals(0, run("mean", "--limit", "3", "--out", file.toString()).exitCode());

        PosixFileAttributes after = Files.readAttributes(file, PosixFileAttributes.class);
        assertTrue(Files.readString(file).startsWith("{"), Files.readString(file));
        assertEquals(before.owner(), after.owner());
        assertEquals(before.group(), after.group());
    }

    @Test
    void outIntoAReadOnlyFolderFailsBeforeComputing() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        assumeTrue(folder.toFile().setWritable(false, false), "cannot make a folder read-only");
        try {
            assumeFalse(canCreateFileIn(folder), "this user writes into read-only folders");

            Run r = run("mean", "--out", folder.resolve("out.json").toString());

            assertOneLineError(CliException.USAGE, r);
            assertEquals("orbifold: error: cannot write --out " + folder.resolve("out.json")
                    + ": folder " + folder + " does not take new files (permission denied)\n",
                    r.err());
        } finally {
            folder.toFile().setWritable(true, false);
        }
    }

    @Test
    void outIntoAFolderThatRefusesFilesNamesTheTargetNotAProbe() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc) && !canCreateFileIn(proc), "no /proc here");

        Run r = run("mean", "--limit", "3", "--out", "/proc/result.json");

        assertOneLineError(CliException.USAGE, r);
        // /proc has mode 555, refused by its permission bits before the probe; a folder of
        // mode 755 that takes no files gets "does not take new files".
        assertTrue(r.err().startsWith("orbifold: error: cannot write --out /proc/result.json:"
                + " folder /proc ") && (r.err().contains("does not take new files")
                || r.err().contains("is read-only (mode r-xr-xr-x)")), r.err());
        assertFalse(r.err().contains("probe"), r.err());
    }

    @Test
    void alignListsTheUnmatchedNodesInAscendingOrder() {
        Sample letters = Sample.load(null, null, null);
        int small = 0;
        int large = 1;
        while (letters.graphs().get(large).order() < letters.graphs().get(small).order() + 2) {
            large++;
        }

        Run r = run("align", String.valueOf(small), String.valueOf(large));

        assertEquals(0, r.exitCode(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("unmatched")).findFirst()
                .orElseThrow();
        String nodes = line.substring(line.indexOf("node"), line.indexOf(" of J"));
        String[] numbers = nodes.substring(nodes.indexOf(' ') + 1).split(", ");
        assertTrue(numbers.length >= 2, line);
        for (int i = 1; i < numbers.length; i++) {
            assertTrue(Integer.parseInt(numbers[i - 1]) < Integer.parseInt(numbers[i]), line);
        }
    }

    private static boolean canCreateFileIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theResultIsPrintedBeforeAFailedWrite() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        StringWriter out = new StringWriter();

        CliException e = assertThrows(CliException.class, () -> CenterCommand.deliver(
                new PrintWriter(out), "the result", notAFolder.resolve("out.json"), "{}"));

        assertEquals("the result" + System.lineSeparator(), out.toString());
        assertEquals(CliException.DATA, e.exitCode());
        assertTrue(e.getMessage().contains("printed on standard output"), e.getMessage());
    }

    @Test
    void theExactAlignerSaysWhenItsTimeLimitStoppedIt() throws IOException {
        Path cycles = writeCycles(dir.resolve("cycles.npy"));

        Run align = run("align", cycles.toString(), "0", "1", "--aligner", "exact",
                "--time-limit", "1e-9", "--json");
        Run mean = run("mean", cycles.toString(), "--aligner", "exact", "--time-limit",
                "1e-9", "--threads", "1");

        assertEquals(0, align.exitCode(), align.err());
        assertEquals(Boolean.FALSE, align.json().get("certified"));
        assertEquals(Boolean.TRUE, align.json().get("limitReached"));
        assertEquals("limit", align.json().get("unprovenReason"));
        assertEquals("time", align.json().get("limitHit"));
        assertEquals(1e-9, (Double) align.json().get("timeLimitSeconds"), 1e-18);
        assertEquals(0, mean.exitCode(), mean.err());
        assertTrue(mean.out().matches("(?s).*not proven optimal: [0-9,]+ where the exact search"
                + " stopped at its time limit \\(1e-09 s per alignment\\).*"), mean.out());
        Run text = run("align", cycles.toString(), "0", "1", "--aligner", "exact",
                "--time-limit", "1e-9");
        assertTrue(text.out().contains("\ncertified   no (not proven optimal: an upper bound"
                + " on the distance); the exact search stopped at its time limit (1e-09 s per"
                + " alignment)\n"), text.out());
    }

    /**
     * {@code --time-limit} applies to the multistart preset too, without a default: a limit
     * passed before the further starts leaves faq's search and distance. Other heuristics
     * refuse it.
     */
    @Test
    void theMultistartPresetTakesATimeLimit() throws IOException {
        Path cycles = writeCycles(dir.resolve("cycles.npy"));

        Run cut = run("align", cycles.toString(), "0", "1", "--aligner", "multistart",
                "--time-limit", "1e-9", "--json");
        Run faq = run("align", cycles.toString(), "0", "1", "--json");
        Run unlimited = run("align", cycles.toString(), "0", "1", "--aligner", "multistart",
                "--json");
        Run refused = run("align", "0", "1", "--aligner", "faq", "--time-limit", "5");

        assertEquals(0, cut.exitCode(), cut.err());
        assertEquals("multistart", cut.json().get("aligner"));
        assertEquals(1e-9, (Double) cut.json().get("timeLimitSeconds"), 1e-18);
        assertEquals(faq.json().get("distance"), cut.json().get("distance"));
        assertEquals(faq.json().get("permutation"), cut.json().get("permutation"));
        assertEquals(0, unlimited.exitCode(), unlimited.err());
        assertNull(unlimited.json().get("timeLimitSeconds"), unlimited.out());
        assertEquals(CliException.USAGE, refused.exitCode(), refused.out());
        assertEquals(Main.ERROR_PREFIX + "--time-limit applies only to --aligner exact and"
                + " multistart, got --aligner faq\n", refused.err());
    }

    /**
     * The time limit of the exact aligner is a count of nanoseconds in a long: the largest
     * one is accepted (and reported as about 9.22e9 s), a larger one is refused with the
     * bound and the value as typed.
     */
    @Test
    void theTimeLimitNamesItsLargestValue() {
        Run largest = run("align", "0", "1", "--aligner", "exact", "--time-limit",
                AlignerOptions.MAX_TIME_LIMIT_TEXT, "--json");
        Run above = run("align", "0", "1", "--aligner", "exact", "--time-limit", "1e10");
        Run typed = run("mean", "--aligner", "exact", "--time-limit", "10000000000.0");

        assertEquals(0, largest.exitCode(), largest.err());
        assertEquals(Long.MAX_VALUE / 1e9, (Double) largest.json().get("timeLimitSeconds"),
                0.0);
        assertEquals(CliException.USAGE, above.exitCode(), above.out());
        assertEquals("orbifold: error: --time-limit must be at most 9223372036.854775807"
                + " seconds (2^63 - 1 nanoseconds, about 292 years: the longest wait the clock"
                + " counts), got 1e10\n", above.err());
        assertEquals(CliException.USAGE, typed.exitCode(), typed.out());
        assertTrue(typed.err().endsWith(", got 10000000000.0\n"), typed.err());
        assertEquals(Long.MAX_VALUE, Math.round(
                Double.parseDouble(AlignerOptions.MAX_TIME_LIMIT_TEXT) * 1e9));
    }

    /**
     * Writes a NumPy stack of a 10-cycle and two disjoint 5-cycles, a pair on which branch and
     * bound needs many search nodes (both are 2-regular, so node degrees do not help).
     */
    static Path writeCycles(Path file) throws IOException {
        int n = 10;
        double[][][] stack = new double[2][n][n];
        for (int i = 0; i < n; i++) {
            int next = (i + 1) % n;
            stack[0][i][next] = 1.0;
            stack[0][next][i] = 1.0;
            int base = i < 5 ? 0 : 5;
            int ring = base + (i - base + 1) % 5;
            stack[1][i][ring] = 1.0;
            stack[1][ring][i] = 1.0;
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, " + n + ", " + n
                + "), }";
        int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer bytes = ByteBuffer.allocate(10 + header.length() + 2 * n * n * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        bytes.putShort((short) header.length());
        bytes.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double[][] matrix : stack) {
            for (double[] row : matrix) {
                for (double v : row) {
                    bytes.putDouble(v);
                }
            }
        }
        return Files.write(file, bytes.array());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(CliException.DATA, List.of("info", "no/such/folder")),
                Arguments.of(CliException.USAGE, List.of("mean", "--class", "Z")),
                Arguments.of(CliException.USAGE, List.of("mean", "--aligner", "magic")),
                Arguments.of(CliException.USAGE, List.of("mean", "--threads", "0")),
                Arguments.of(CliException.USAGE, List.of("mean", "--threads", "many")),
                Arguments.of(CliException.USAGE, List.of("mean", "--limit", "0")),
                Arguments.of(CliException.USAGE, List.of("mean", "--max-iterations", "-1")),
                Arguments.of(CliException.USAGE, List.of("mean", "--init", "random")),
                Arguments.of(CliException.USAGE, List.of("median", "--restarts", "0")),
                Arguments.of(CliException.USAGE, List.of("mean", "--out", "")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2", "--out", "")),
                Arguments.of(CliException.USAGE, List.of("mean", "--node-weight", "-1")),
                Arguments.of(CliException.USAGE, List.of("mean", "--edge-weight", "NaN")),
                Arguments.of(CliException.USAGE, List.of("median", "--seed", "x")),
                Arguments.of(CliException.USAGE, List.of("align", "0")),
                Arguments.of(CliException.USAGE, List.of("align", "datasets/letters", "0", "1",
                        "2")),
                Arguments.of(CliException.USAGE, List.of("align", "0", "1", "2")),
                Arguments.of(CliException.USAGE, List.of("align", "datasets/letters", "0")),
                Arguments.of(CliException.USAGE, List.of("align", "0", "1", "--node-weight",
                        "0", "--edge-weight", "0")),
                Arguments.of(CliException.USAGE, List.of("align", "0", "1", "--aligner",
                        "exact", "--time-limit", "0")),
                Arguments.of(CliException.USAGE, List.of("align", "0", "1", "--aligner",
                        "exact", "--time-limit", "1e-312")),
                Arguments.of(CliException.USAGE, List.of("align", "0", "1", "--time-limit",
                        "5")),
                Arguments.of(CliException.DATA, List.of("info",
                        "datasets/letters/LETTERS_A.txt")),
                Arguments.of(CliException.USAGE, List.of("mean", "--out", ".")),
                Arguments.of(CliException.USAGE, List.of("align", "0", "999")),
                Arguments.of(CliException.USAGE, List.of("align", "a", "b")),
                Arguments.of(CliException.USAGE, List.of("align", "--first", "1")),
                Arguments.of(CliException.USAGE, List.of("info", "--no-such-option")),
                Arguments.of(CliException.USAGE, List.of("frobnicate")),
                Arguments.of(CliException.USAGE, List.of()));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failuresPrintOneLineAndNoStackTrace(int expectedCode, List<String> args) {
        Run r = run(args.toArray(new String[0]));

        assertOneLineError(expectedCode, r);
    }

    @Test
    void restartsAboveTheBoundAreRefusedBeforeAnyWork() {
        // 2,000,000,000 restarts once failed cluster with an out-of-memory message, and
        // 100,000,000 ran mean without end; every command with --restarts names the bound.
        for (List<String> args : List.of(List.of("mean", "--restarts", "1000000000"),
                List.of("median", "--restarts", "10001"),
                List.of("cluster", "-k", "2", "--restarts", "2000000000"))) {
            Run r = run(args.toArray(new String[0]));

            assertEquals(CliException.USAGE, r.exitCode(), args.toString());
            assertEquals("", r.out(), args.toString());
            assertTrue(r.err().contains("--restarts must be between 1 and 10,000, got "
                    + args.get(args.size() - 1)), r.err());
        }
        Run atBound = run("mean", "--class", "I", "--limit", "2", "--restarts", "3",
                "--max-iterations", "1", "--json");
        assertEquals(0, atBound.exitCode(), atBound.err());
        assertEquals(10_000, CenterBuilder.MAX_RESTARTS);
        assertEquals(10_000, CentralClustering.MAX_RESTARTS);
        assertThrows(IllegalArgumentException.class,
                () -> FrechetMean.builder().restarts(10_001));
        assertThrows(IllegalArgumentException.class,
                () -> CentralClustering.kMeans(2).restarts(10_001));
        FrechetMean.builder().restarts(10_000);
        CentralClustering.kMeans(2).restarts(10_000);
    }

    @Test
    void unknownClassListsTheClasses() {
        Run r = run("info", "--class", "Q");

        assertOneLineError(CliException.USAGE, r);
        assertTrue(r.err().contains("classes: A, E, F, H, I, K, L, T, X"), r.err());
    }

    @Test
    void emptyFolderIsADataError() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("EMPTY"));

        assertOneLineError(CliException.DATA, run("info", empty.toString()));
    }

    @Test
    void malformedTuFileIsADataErrorAndLeavesNoOutputFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("BROKEN"));
        Files.writeString(folder.resolve("BROKEN_A.txt"), "1, 2\n2, 1\n");
        Files.writeString(folder.resolve("BROKEN_graph_indicator.txt"), "1\nnot a number\n");
        Files.writeString(folder.resolve("BROKEN_graph_labels.txt"), "1\n");
        Path file = dir.resolve("out.json");

        Run r = run("mean", folder.toString(), "--out", file.toString());

        assertOneLineError(CliException.DATA, r);
        assertFalse(Files.exists(file), "no output file on failure");
    }

    @Test
    void usageErrorLeavesNoOutputFile() {
        Path file = dir.resolve("out.json");

        Run r = run("mean", "--class", "Z", "--out", file.toString());

        assertOneLineError(CliException.USAGE, r);
        assertFalse(Files.exists(file), "no output file on failure");
    }

    @Test
    void outBelowARegularFileFailsBeforeComputing() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "kept\n");
        Path file = plain.resolve("missing").resolve("out.json");

        Run r = run("mean", "--limit", "4", "--out", file.toString());

        assertOneLineError(CliException.USAGE, r);
        assertEquals("kept\n", Files.readString(plain));
    }

    @Test
    void outIntoAMissingFolderCreatesItAfterComputing() throws IOException {
        Path file = dir.resolve("missing").resolve("deeper").resolve("out.json");

        Run r = run("mean", "--limit", "4", "--json", "--out", file.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(r.out(), Files.readString(file), "the file holds the JSON printed");
    }

    @Test
    void mismatchedDimensionsAreADataError() {
        List<Graph> graphs = List.of(Graph.builder(2, 1).build(), Graph.builder(3, 1).build());

        CliException e = assertThrows(CliException.class,
                () -> Sample.requireEqualDimensions(graphs, "test"));
        assertEquals(CliException.DATA, e.exitCode());
        assertTrue(e.getMessage().contains("graph 1 has 3 node"), e.getMessage());
    }

    @Test
    void debugAddsTheStackTrace() {
        Run r = run("info", "no/such/folder", "--debug");

        assertEquals(CliException.DATA, r.exitCode());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX), r.err());
        assertTrue(r.err().contains("\tat org.orbifold.cli."), r.err());
    }

    private static void assertOneLineError(int expectedCode, Run r) {
        assertEquals(expectedCode, r.exitCode(), "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, "exactly one line: " + r.err());
        assertTrue(lines[0].startsWith(Main.ERROR_PREFIX), r.err());
        assertFalse(r.err().contains("Exception"), "no exception names: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
