package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * A learning rate or weight decay so large that the training overflows: the error names the
 * value and the setting being fitted, keeps the original reason, and names the failing value
 * of a list; LVQ1 refuses a learning rate above 1; a rate so large that training ends worse
 * than guessing, without overflowing, is named in a warning.
 */
class TrainingFailureTest {

    private static final String OVERFLOW = "the squared norm is Infinity";

    @TempDir
    Path dir;

    private static String indices(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Split lists of the project's letters: 60 training, 30 validation, 30 test graphs. */
    private String[] splits() throws IOException {
        Path train = Files.writeString(dir.resolve("train.txt"), indices(0, 60));
        Path valid = Files.writeString(dir.resolve("valid.txt"), indices(60, 90));
        Path test = Files.writeString(dir.resolve("test.txt"), indices(90, 120));
        return new String[] {"classify", "datasets/letters", "--train", train.toString(),
            "--valid", valid.toString(), "--test", test.toString(), "--threads", "1",
            "--epochs", "2"};
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static void assertNamed(Run r, String... phrases) {
        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "training diverged ("), r.err());
        assertTrue(r.err().contains(OVERFLOW), "keeps the original reason: " + r.err());
        for (String phrase : phrases) {
            assertTrue(r.err().contains(phrase), phrase + " in " + r.err());
        }
    }

    @Test
    void aDivergingSettingOfASearchIsSkippedAndTheOthersChosenFrom() throws IOException {
        for (String method : new String[] {"mlp", "perceptron"}) {
            Run text = MainTest.run(with(splits(), "--method", method, "--learning-rate",
                    "0.1,1e300"));
            Run json = MainTest.run(with(splits(), "--method", method, "--learning-rate",
                    "0.1,1e300", "--json"));

            assertEquals(0, text.exitCode(), text.err());
            String failed = text.out().lines().filter(line -> line.contains("failed"))
                    .findFirst().orElse("");
            assertTrue(failed.contains("learning rate 1e300, epochs 2  failed, skipped:"
                    + " training diverged: in epoch ") && failed.contains(OVERFLOW)
                    && failed.endsWith("(lower --learning-rate)"), text.out());
            assertEquals(1, failed.split("learning rate 1e300", -1).length - 1,
                    "the row names its setting once: " + failed);
            assertFalse(failed.contains("(" + method + "; "), failed);
            assertTrue(text.out().contains("learning rate 0.1, epochs 2"), text.out());
            Map<?, ?> result = (Map<?, ?>) JsonParser.parse(json.out());
            List<?> candidates = (List<?>) result.get("candidates");
            Map<?, ?> good = (Map<?, ?>) candidates.get(0);
            Map<?, ?> bad = (Map<?, ?>) candidates.get(1);
            assertEquals(0.0, result.get("chosenIndex"));
            assertTrue(good.containsKey("validationAccuracy") && !good.containsKey("failure"));
            assertFalse(bad.containsKey("validationAccuracy"), json.out());
            assertTrue(((String) bad.get("failure")).startsWith("training diverged ("
                    + method + "; "), json.out());
            assertEquals(1, ((String) bad.get("failure")).split("learning rate 1e300", -1)
                    .length - 1, "the setting once: " + json.out());
        }
    }

    @Test
    void aSearchWhoseOnlySettingDivergesNamesIt() throws IOException {
        Run r = MainTest.run(with(splits(), "--method", "perceptron", "--learning-rate",
                "1e300"));

        assertNamed(r, "(perceptron; ", "learning rate 1e300, epochs 2): in epoch 1, "
                + OVERFLOW + ": the weighted sum overflows (lower --learning-rate)");
        assertFalse(r.err().contains("with node weight"), "weights once: " + r.err());
        assertFalse(r.err().contains("settings"), r.err());
    }

    @Test
    void aSearchWhoseEverySettingDivergesNamesEachWithItsReason() throws IOException {
        String[] search = with(splits(), "--method", "perceptron", "--learning-rate",
                "1e299,1e300");
        for (Run r : List.of(MainTest.run(search), MainTest.run(with(search, "--json")))) {

            assertEquals(CliException.DATA, r.exitCode(), r.out());
            assertEquals("", r.out(), "no JSON or report for a failed run");
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "both settings of the validation"
                    + " search failed: 1) training diverged (perceptron; "), r.err());
            assertTrue(r.err().contains("learning rate 1e299, epochs 2): ")
                    && r.err().contains("; 2) training diverged (perceptron; ")
                    && r.err().contains("learning rate 1e300, epochs 2): "), r.err());
            assertEquals(2, r.err().split("learning rate 1e", -1).length - 1,
                    "each setting once: " + r.err());
            assertEquals(2, r.err().split(OVERFLOW, -1).length - 1, "each reason: " + r.err());
            assertEquals(2, r.err().split("lower --learning-rate", -1).length - 1, r.err());
        }
    }

    @Test
    void manyFailedSettingsAreCountedAndTheFirstFewNamed() throws IOException {
        Run r = MainTest.run(with(splits(), "--method", "perceptron", "--learning-rate",
                "1e296,1e297,1e298,1e299,1e300"));

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "all 5 settings of the validation"
                + " search failed; the first 3: 1) training diverged (perceptron; "),
                r.err());
        assertTrue(r.err().contains("learning rate 1e296, epochs 2)")
                && r.err().contains("learning rate 1e298, epochs 2)"),
                r.err());
        assertFalse(r.err().contains("1e299 ") || r.err().contains("4)"), r.err());
        assertTrue(r.err().strip().endsWith("; and 2 more (settings 4 to 5 of the grid)"),
                r.err());
        assertEquals(3, r.err().split(OVERFLOW, -1).length - 1, r.err());
    }

    @Test
    void theMessageOfEveryFailedSettingCountsWhatItLeavesOut() {
        CliException first = CliException.data("a");
        for (String later : new String[] {"b", "c", "d"}) {
            first.addSuppressed(CliException.data(later));
        }
        assertEquals("all 4 settings of the validation search failed: 1) a; 2) b; 3) c; 4) d",
                ClassifyCommand.everySettingFailed(first));
        first.addSuppressed(new IllegalStateException("e"));
        assertEquals("all 5 settings of the validation search failed; the first 3: 1) a;"
                + " 2) b; 3) c; and 2 more (settings 4 to 5 of the grid)",
                ClassifyCommand.everySettingFailed(first));
        first.addSuppressed(new IllegalStateException());
        assertTrue(ClassifyCommand.everySettingFailed(first).endsWith("; and 3 more"
                + " (settings 4 to 6 of the grid)"));
    }

    @Test
    void anAlignmentTooLargeForDoublePrecisionIsADivergence() {
        Run r = MainTest.run("classify", "--folds", "5", "--threads", "1", "--method",
                "perceptron", "--learning-rate", "1e100");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "training diverged (perceptron; ")
                && r.err().contains("learning rate 1e100, "), r.err());
        assertTrue(r.err().contains("too large for double precision"), r.err());
        assertTrue(r.err().strip().endsWith("(lower --learning-rate)"), r.err());
        assertFalse(r.err().contains("scale the attributes"), r.err());
    }

    @Test
    void dataThatOverflowByThemselvesAreNotBlamedOnTheLearningRate() throws IOException {
        Path huge = MainTest.copyLetters(dir, "HUGE", "A", "graph_indicator", "graph_labels");
        List<String> attributes = new ArrayList<>();
        for (String line : Files.readAllLines(
                Path.of("datasets", "letters", "LETTERS_node_attributes.txt"))) {
            attributes.add("1e300, " + line.split(",")[1].strip());
        }
        Files.write(huge.resolve("HUGE_node_attributes.txt"), attributes);

        Run r = MainTest.run("classify", huge.toString(), "--folds", "2", "--threads", "1",
                "--method", "glvq", "--learning-rate", "1e-9", "--epochs", "1");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().contains("scale the attributes"), r.err());
        assertFalse(r.err().contains("training diverged"), r.err());
    }

    /** A weight decay of 0 cannot make the training diverge, so the advice leaves it out. */
    @Test
    void aZeroWeightDecayIsNotAdvisedToBeLowered() {
        Run r = MainTest.run("classify", "--folds", "2", "--limit", "20", "--threads", "1",
                "--method", "mlp", "--learning-rate", "1e300", "--epochs", "2");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "training diverged (mlp; "), r.err());
        assertTrue(r.err().contains("weight decay 0, learning rate 1e300, epochs 2): "),
                r.err());
        assertTrue(r.err().strip().endsWith("(lower --learning-rate)"), r.err());
        assertFalse(r.err().contains("with node weight"), r.err());
    }

    @Test
    void theWeightDecayOfTheMlpIsNamed() {
        Run r = MainTest.run("classify", "--folds", "2", "--limit", "20", "--threads", "1",
                "--method", "mlp", "--weight-decay", "1e300", "--epochs", "2");

        // The decay overshoots: the output weights stop being finite before any sum
        // overflows, and that is named as the reason.
        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "training diverged ("), r.err());
        for (String phrase : List.of("weight decay 1e300", "or --weight-decay",
                "an output weight is no longer finite")) {
            assertTrue(r.err().contains(phrase), phrase + " in " + r.err());
        }
    }

    @Test
    void lvq1RefusesALearningRateAboveOne() {
        Run r = MainTest.run("classify", "--folds", "2", "--limit", "20", "--method", "lvq1",
                "--learning-rate", "0.5,1.5");

        assertEquals(CliException.USAGE, r.exitCode(), r.out());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "--learning-rate of --method lvq1"
                + " must be at most 1, got 1.5"), r.err());
    }

    @Test
    void aFailureWithoutOverflowIsCalledAFailureNotADivergence() {
        ClassifyCommand.Setting s = new ClassifyCommand.Setting(1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0,
                5, 0.25, null);

        String message = ClassifyCommand.trainingFailure(ClassifyCommand.Method.GLVQ, s,
                false, "some reason");

        assertEquals("training failed (glvq; node weight 1, edge"
                + " weight 1, prototypes 1, learning rate 0.25, epochs 5): some reason",
                message);
        assertEquals(message, ClassifyCommand.failureAfterSetting(message,
                ClassifyCommand.Method.GLVQ, s, false, (option, value) -> "" + value),
                "values written otherwise: the message stays whole");
        assertEquals("training failed: some reason", ClassifyCommand.failureAfterSetting(
                message, ClassifyCommand.Method.GLVQ, s, false,
                (option, value) -> ClassifyCommand.number(value)));
        assertEquals("another reason", ClassifyCommand.failureAfterSetting("another reason",
                ClassifyCommand.Method.GLVQ, s, false,
                (option, value) -> ClassifyCommand.number(value)));
    }

    @Test
    void trainingWorseThanGuessingIsWarnedAbout() {
        String[] glvq = {"classify", "--folds", "3", "--threads", "1", "--method", "glvq",
            "--epochs", "5", "--json"};

        Run wild = MainTest.run(with(glvq, "--learning-rate", "1e300"));
        Run tame = MainTest.run(glvq);

        assertEquals(0, wild.exitCode(), wild.err());
        assertEquals(0, tame.exitCode(), tame.err());
        Map<?, ?> wildJson = (Map<?, ?>) JsonParser.parse(wild.out());
        List<?> warnings = (List<?>) wildJson.get("warnings");
        assertEquals(1, warnings.size(), wild.out());
        String warning = (String) warnings.get(0);
        assertTrue(warning.contains("the mean relative distance mu")
                && warning.contains("above 0 (training graphs nearer to a prototype of"
                        + " another class) and above its first epoch's value")
                && warning.contains("learning rate 1e300 may be too large"), warning);
        assertEquals(List.of(), ((Map<?, ?>) JsonParser.parse(tame.out())).get("warnings"));
        // With --json too the warning goes to standard error; standard output is the JSON.
        assertEquals(List.of(Main.WARNING_PREFIX + warning), wild.err().lines()
                .filter(line -> line.startsWith(Main.WARNING_PREFIX)).toList(), wild.err());
        assertFalse(tame.err().contains(Main.WARNING_PREFIX), tame.err());
        assertTrue((Double) wildJson.get("accuracy")
                < (Double) ((Map<?, ?>) JsonParser.parse(tame.out())).get("accuracy"));
    }

    @Test
    void labelsWithoutSignalAreNotBlamedOnTheLearningRate() throws IOException {
        Path shuffled = MainTest.copyLetters(dir, "SHUF", "A", "graph_indicator",
                "node_attributes");
        List<String> labels = new ArrayList<>(Files.readAllLines(
                Path.of("datasets", "letters", "LETTERS_graph_labels.txt")));
        Collections.shuffle(labels, new Random(7));
        Files.write(shuffled.resolve("SHUF_graph_labels.txt"), labels);

        for (String method : List.of("perceptron", "lvq1", "glvq")) {
            Run r = MainTest.run("classify", shuffled.toString(), "--folds", "3", "--threads",
                    "1", "--seed", "1", "--method", method, "--json");

            assertEquals(0, r.exitCode(), r.err());
            assertEquals(List.of(), ((Map<?, ?>) JsonParser.parse(r.out())).get("warnings"),
                    method);
        }
    }

    @Test
    void theWarningOfTheTextResultGoesToStandardError() {
        Run r = MainTest.run("classify", "--folds", "2", "--limit", "30", "--threads", "1",
                "--method", "mlp", "--learning-rate", "50", "--epochs", "5");

        assertEquals(0, r.exitCode(), r.err());
        String expected = Main.WARNING_PREFIX + "in a fit of the chosen setting the training"
                + " objective (the mean training loss) ended at";
        assertTrue(r.err().lines().anyMatch(line -> line.startsWith(expected)), r.err());
        assertFalse(r.out().contains("warning"), r.out());
    }

    @Test
    void lvq1AtLearningRateOneShowsItsTrainingErrorsAndWarns() {
        // LVQ1 at rate 1 on the embedded letters ends near chance (brief: no warning before).
        String[] lvq1 = {"classify", "--folds", "2", "--epochs", "4", "--threads", "1",
            "--method", "lvq1"};

        Run wild = MainTest.run(with(lvq1, "--learning-rate", "1", "--json"));
        Run tame = MainTest.run(with(lvq1, "--json"));
        Run text = MainTest.run(with(lvq1, "--learning-rate", "1"));

        assertEquals(0, wild.exitCode(), wild.err());
        Map<String, Object> json = wild.json();
        List<?> fits = (List<?>) json.get("trainingErrors");
        assertEquals(2, fits.size(), wild.out());
        int graphs = 0;
        for (int f = 0; f < fits.size(); f++) {
            Map<?, ?> fit = (Map<?, ?>) fits.get(f);
            assertEquals("fold " + (f + 1), fit.get("fit"));
            assertEquals(4, ((List<?>) fit.get("perEpoch")).size());
            assertEquals(13, ((Number) fit.get("largestClassGraphs")).intValue(),
                    "25 letters a class, split in two folds");
            graphs += ((Number) fit.get("trainingGraphs")).intValue();
        }
        assertEquals(225, graphs, "each graph trains in exactly one of the two fits");
        List<?> warnings = (List<?>) json.get("warnings");
        assertEquals(1, warnings.size(), wild.out());
        String warning = (String) warnings.get(0);
        assertTrue(warning.startsWith("LVQ1 training went wrong in ")
                && warning.contains("of guessing the largest class")
                && warning.endsWith("learning rate 1 may be too large: try a smaller"
                        + " --learning-rate"), warning);
        assertTrue((Double) json.get("accuracy") < 0.2, "near chance, 1/9: " + wild.out());

        Map<String, Object> tameJson = tame.json();
        assertEquals(List.of(), tameJson.get("warnings"));
        for (Object fit : (List<?>) tameJson.get("trainingErrors")) {
            List<?> perEpoch = (List<?>) ((Map<?, ?>) fit).get("perEpoch");
            assertTrue(((Number) perEpoch.get(3)).intValue()
                    < ((Number) perEpoch.get(0)).intValue(), "falls at rate 0.1: " + fit);
        }

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.err().lines().anyMatch(line -> line.startsWith(Main.WARNING_PREFIX
                + "LVQ1 training went wrong in ")), text.err());
        assertTrue(text.out().lines().anyMatch(line -> line.matches("training    graphs"
                + " misjudged, first -> last epoch: \\d+ -> \\d+ of 112, \\d+ -> \\d+ of 113"
                + " \\(folds 1 to 2\\)")), text.out());
    }

    @Test
    void theTrainingErrorsOfSplitsNameTheirFits() throws IOException {
        Run r = MainTest.run(with(splits(), "--method", "glvq", "--refit", "train+validation",
                "--json"));

        assertEquals(0, r.exitCode(), r.err());
        List<?> fits = (List<?>) r.json().get("trainingErrors");
        assertEquals(2, fits.size(), r.out());
        Map<?, ?> search = (Map<?, ?>) fits.get(0);
        Map<?, ?> last = (Map<?, ?>) fits.get(1);
        assertEquals("train", search.get("fit"));
        assertEquals(60, ((Number) search.get("trainingGraphs")).intValue());
        assertEquals("train+validation", last.get("fit"));
        assertEquals(90, ((Number) last.get("trainingGraphs")).intValue());
        assertEquals(2, ((List<?>) last.get("perEpoch")).size(), "--epochs 2");
    }

    @Test
    void suspiciousLevelsFollowEachObjective() {
        ClassifyCommand.Setting any = null;
        assertEquals(0.75 + 2.0 * Math.sqrt(0.75 * 0.25 / 300),
                ClassifyCommand.suspiciousLevel(ClassifyCommand.Method.LVQ1, any, 4, 300));
        assertEquals(0.0,
                ClassifyCommand.suspiciousLevel(ClassifyCommand.Method.GLVQ, any, 4, 300));
        assertEquals(1.1 * Math.log(4),
                ClassifyCommand.suspiciousLevel(ClassifyCommand.Method.MLP, any, 4, 300));
        assertTrue(ClassifyCommand.mustRise(ClassifyCommand.Method.LVQ1));
        assertFalse(ClassifyCommand.mustRise(ClassifyCommand.Method.MLP));
    }
}
