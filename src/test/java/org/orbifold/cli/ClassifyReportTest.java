package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * What the reports of {@code orbifold classify} say about a run beyond its accuracy: the
 * alignments that the exact search left unproven, counted as {@code mean} counts them; the
 * MLP's single-valued options in the setting line; and the notes on options that change
 * nothing or less than they seem to (learning rates at 0 epochs, a batch or a limit larger
 * than the graphs, standardizing without numeric attributes).
 */
class ClassifyReportTest {

    @TempDir
    Path dir;

    /**
     * A time limit of a nanosecond stops (nearly) every exact search at its first look at the
     * clock; how many is left to the clock, so the test asks for at least one.
     */
    @Test
    void exactAlignmentsStoppedAtTheTimeLimitAreCounted() {
        String[] args = {"classify", "--folds", "2", "--threads", "1", "--aligner", "exact",
            "--time-limit", "1e-9"};

        Run text = MainTest.run(args);
        Run json = MainTest.run(with(args, "--json"));

        assertEquals(0, text.exitCode(), text.err());
        Matcher line = Pattern.compile("\nalignments  ([0-9]+) of ([0-9]+) not proven optimal:"
                + " ([0-9,]+) where the exact search stopped at its time limit \\(1e-09 s per"
                + " alignment\\); counted over training and"
                + " prediction, their distances are upper bounds\n").matcher(text.out());
        assertTrue(line.find(), text.out());
        assertTrue(Long.parseLong(line.group(1)) >= 1, line.group());
        assertTrue(Long.parseLong(line.group(1)) <= Long.parseLong(line.group(2)), line.group());
        assertTrue(Long.parseLong(line.group(3).replace(",", ""))
                <= Long.parseLong(line.group(1)), line.group());
        Map<String, Object> j = json.json();
        assertTrue((Double) j.get("uncertifiedAlignments") >= 1.0, json.out());
        assertTrue((Double) j.get("uncertifiedAlignments") <= (Double) j.get("alignmentsMade"),
                json.out());
        assertEquals(Boolean.TRUE, j.get("limitReached"));
        @SuppressWarnings("unchecked")
        Map<String, Object> reasons = (Map<String, Object>) j.get("unprovenReasons");
        assertTrue((Double) reasons.get("limit") >= 1.0, json.out());
        assertEquals((Double) j.get("uncertifiedAlignments"), (Double) reasons.get("limit")
                + (Double) reasons.get("rounding") + (Double) reasons.get("heuristic"),
                json.out());
    }

    @Test
    void exactAlignmentsWithinTheLimitsAreNotReportedAsUnproven() {
        String[] args = {"classify", "--folds", "2", "--threads", "1", "--aligner", "exact"};

        Run text = MainTest.run(args);
        Run json = MainTest.run(with(args, "--json"));

        assertEquals(0, text.exitCode(), text.err());
        assertFalse(text.out().contains("not proven optimal"), text.out());
        Map<String, Object> j = json.json();
        assertEquals(798.0, j.get("alignmentsMade"));
        assertEquals(0.0, j.get("uncertifiedAlignments"));
        assertEquals(Boolean.FALSE, j.get("limitReached"));
        assertEquals(Map.of("heuristic", 0.0, "limit", 0.0, "rounding", 0.0),
                j.get("unprovenReasons"));
    }

    @Test
    void theSettingLineOfTheMlpNamesItsBatchSizeAndActivation() {
        Run given = MainTest.run("classify", "--folds", "2", "--limit", "60", "--threads", "1",
                "--method", "mlp", "--epochs", "1", "--batch-size", "4", "--activation",
                "logistic");
        Run defaults = MainTest.run("classify", "--folds", "2", "--limit", "60", "--threads",
                "1", "--method", "mlp", "--epochs", "1");

        assertEquals(0, given.exitCode(), given.err());
        assertTrue(given.out().contains("\nsetting     node weight 1, edge weight 1, hidden"
                + " units one per class, weight decay 0, learning rate 0.5, epochs 1, batch size"
                + " 4, activation logistic\n"), given.out());
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertTrue(defaults.out().contains(", epochs 1, batch size 1, activation tanh\n"),
                defaults.out());
    }

    /**
     * At 0 epochs LVQ1 and GLVQ keep their starting prototypes, so the model is fitted once
     * whatever {@code --learning-rate} lists, as the help says, and a note says the rates are
     * unused; the result is that of one rate.
     */
    @Test
    void severalLearningRatesWithZeroEpochsFitOnceWithANote() {
        for (String method : new String[] {"lvq1", "glvq"}) {
            String[] args = {"classify", "--folds", "3", "--limit", "90", "--threads", "1",
                "--method", method, "--epochs", "0"};
            Run listed = MainTest.run(with(args, "--learning-rate", "0.1,0.5"));
            Run json = MainTest.run(with(args, "--learning-rate", "0.1,0.5", "--json"));
            Run one = MainTest.run(args);

            assertEquals(0, listed.exitCode(), listed.err());
            String note = "--learning-rate is unused at --epochs 0: " + method + " then keeps its"
                    + " starting prototypes untrained, so that setting is fitted once whatever"
                    + " the rates";
            assertTrue(listed.out().contains("\nnote        " + note + "\n"), listed.out());
            assertEquals(note, ((List<?>) json.json().get("notes")).get(0));
            assertEquals(one.out().replaceAll("wall time .*\n", "").replace("note        "
                    + note + "\n", ""), listed.out().replaceAll("wall time .*\n", "")
                    .replace("note        " + note + "\n", ""));
            assertFalse(one.out().contains("--learning-rate is unused"), one.out());
        }
    }

    @Test
    void aBatchLargerThanATrainingSetIsNoted() throws IOException {
        Run folds = MainTest.run("classify", "--folds", "3", "--limit", "60", "--threads", "1",
                "--method", "mlp", "--epochs", "1", "--batch-size", "41");
        Run fits = MainTest.run("classify", "--folds", "3", "--limit", "60", "--threads", "1",
                "--method", "mlp", "--epochs", "1", "--batch-size", "40", "--json");

        assertEquals(0, folds.exitCode(), folds.err());
        assertTrue(folds.out().contains("\nnote        --batch-size 41 exceeds the 40 graphs of"
                + " the training folds of fold 1, the smallest training set: a batch holds at"
                + " most the whole training set, so a fit on fewer than 41 graphs takes one"
                + " gradient step per epoch\n"), folds.out());
        assertEquals(0, fits.exitCode(), fits.err());
        assertFalse(fits.out().contains("--batch-size"), fits.out());

        Path train = Files.writeString(dir.resolve("train.txt"), IntStream.range(0, 40)
                .mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        Path test = Files.writeString(dir.resolve("test.txt"), "40\n41\n42\n43\n44\n");
        Run splits = MainTest.run("classify", "datasets/letters", "--train", train.toString(),
                "--test", test.toString(), "--threads", "1", "--method", "mlp", "--epochs",
                "1", "--batch-size", "50", "--json");
        assertEquals(0, splits.exitCode(), splits.err());
        assertEquals("--batch-size 50 exceeds the 40 graphs of the training split, the smallest"
                + " training set: a batch holds at most the whole training set, so a fit on"
                + " fewer than 50 graphs takes one gradient step per epoch",
                ((List<?>) splits.json().get("notes")).get(0));
    }

    /**
     * Fewer hidden units than classes are noted once for the run, by the option's name, in
     * text and JSON, whatever the number of folds; one unit per class is not noted.
     */
    @Test
    void fewerHiddenUnitsThanClassesAreNotedOnce() {
        Run few = MainTest.run("classify", "--folds", "3", "--limit", "60", "--threads", "1",
                "--method", "mlp", "--hidden-units", "2", "--epochs", "1", "--json");
        Run enough = MainTest.run("classify", "--folds", "3", "--limit", "60", "--threads",
                "1", "--method", "mlp", "--hidden-units", "9", "--epochs", "1");

        assertEquals(0, few.exitCode(), few.err());
        List<?> notes = (List<?>) few.json().get("notes");
        assertEquals(1, notes.stream().filter(n -> n.toString().startsWith("--hidden-units"))
                .count(), notes.toString());
        assertTrue(notes.contains("--hidden-units 2 is below the 9 classes: a class without a"
                + " unit of its own starts with output weights 0 and is told apart only by"
                + " training the dense layer (0 gives one unit per class)"), notes.toString());
        assertFalse(few.err().contains("hiddenUnits"), few.err());
        assertEquals(0, enough.exitCode(), enough.err());
        assertFalse(enough.out().contains("--hidden-units"), enough.out());
    }

    /**
     * A {@code --limit} above the graphs there are is noted, by {@code classify} and, since
     * every command selects its sample the same way, by the others; one that cuts is not.
     */
    @Test
    void aLimitAboveTheDataSetIsNoted() {
        Run classify = MainTest.run("classify", "--folds", "3", "--limit", "300", "--threads",
                "1", "--json");
        Run mean = MainTest.run("mean", "--class", "T", "--limit", "30", "--threads", "1");
        Run cut = MainTest.run("classify", "--folds", "3", "--limit", "224", "--threads", "1");

        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(((List<?>) classify.json().get("notes")).contains("--limit 300 exceeds the"
                + " 225 graphs of datasets/letters: all 225 are used"), classify.out());
        assertEquals(0, mean.exitCode(), mean.err());
        assertTrue(mean.out().contains("\nnote        --limit 30 exceeds the 25 graphs of class"
                + " T: all 25 are used\n"), mean.out());
        assertEquals(0, cut.exitCode(), cut.err());
        assertFalse(cut.out().contains("--limit"), cut.out());
    }

    /**
     * {@code --standardize} with no numeric attribute left (the letters' coordinates dropped;
     * their edge channel is an indicator, which is never scaled) is noted and not reported as
     * done, in text and JSON; the result is that of no standardization.
     */
    @Test
    void standardizingNothingIsNotedInsteadOfReported() {
        String[] args = {"classify", "--folds", "3", "--limit", "90", "--threads", "1",
            "--drop-node-attributes", "x,y"};
        Run text = MainTest.run(with(args, "--standardize"));
        Run json = MainTest.run(with(args, "--standardize", "--json"));
        Run plain = MainTest.run(args);

        assertEquals(0, text.exitCode(), text.err());
        String note = "--standardize changes nothing: no numeric node or edge attribute is left"
                + " to standardize once --drop-node-attributes leaves out x, y, so the"
                + " attributes are used as read";
        assertTrue(text.out().contains("\nnote        " + note + "\n"), text.out());
        assertTrue(text.out().contains("\nscaling     attributes as read, dropped x, y,"
                + " existence 1, fitted on the training part of each fold only\n"), text.out());
        assertFalse(text.out().contains("standardized"), text.out());
        assertEquals(note, ((List<?>) json.json().get("notes")).get(0));
        assertEquals(Boolean.FALSE, ((Map<?, ?>) json.json().get("scaling")).get("standardize"));
        assertEquals(plain.out().replaceAll("wall time .*\n", ""), text.out()
                .replaceAll("wall time .*\n", "").replace("note        " + note + "\n", ""));
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
