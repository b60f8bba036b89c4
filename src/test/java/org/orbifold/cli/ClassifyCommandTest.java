package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;
import org.orbifold.io.DatasetScaling;
import org.orbifold.io.GraphDataset;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.match.Aligners;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Runs {@code orbifold classify} in-process: the validation search and the single test on a
 * tiny IAM set written to a temporary folder, split lists and cross-validation on the
 * project's letters, and each kind of bad input.
 */
class ClassifyCommandTest {

    /** Slack for accuracies recomputed from counts. */
    private static final double ACCURACY_TOLERANCE = 1e-12;

    /** Slack for a mean or standard deviation of a few coordinates, recomputed here. */
    private static final double STATISTIC_TOLERANCE = 1e-9;

    /** The project's letters, read from the working directory (the module root). */
    private static final String LETTERS = "datasets/letters";

    @TempDir
    Path dir;

    private static Run run(String... args) {
        return MainTest.run(args);
    }

    // ---- A tiny IAM set --------------------------------------------------------------------

    /**
     * Writes an IAM split folder: class "line" (two nodes near x = 0, one edge) and class
     * "tri" (a triangle near x = 5); train 4 + 4, validation 2 + 2, test 2 + 2 graphs. The
     * test split may carry an extra entry.
     */
    private Path iamFolder(String extraTestEntry) throws IOException {
        return iamFolder("iam", extraTestEntry);
    }

    /** Writes the IAM split folder of {@link #iamFolder(String)} as the folder {@code name}. */
    private Path iamFolder(String name, String extraTestEntry) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int g = 0; g < 16; g++) {
            boolean line = g % 2 == 0;
            String graph = "g" + g;
            writeGraph(folder.resolve(graph + ".gxl"), graph, line, 0.1 * g);
            String entry = "<print file=\"" + graph + ".gxl\" class=\"" + (line ? "line" : "tri")
                    + "\"/>";
            (g < 8 ? train : g < 12 ? validation : test).add(entry);
        }
        if (extraTestEntry != null) {
            test.add(extraTestEntry);
        }
        writeSplit(folder.resolve("train.cxl"), train);
        writeSplit(folder.resolve("validation.cxl"), validation);
        writeSplit(folder.resolve("test.cxl"), test);
        return folder;
    }

    private static void writeGraph(Path file, String id, boolean line, double shift)
            throws IOException {
        StringBuilder gxl = new StringBuilder("<?xml version=\"1.0\"?>\n<gxl><graph id=\"")
                .append(id).append("\" edgemode=\"undirected\">");
        int nodes = line ? 2 : 3;
        double base = line ? 0.0 : 5.0;
        for (int i = 0; i < nodes; i++) {
            gxl.append(String.format(Locale.ROOT, "<node id=\"_%d\"><attr name=\"x\"><float>"
                    + "%.3f</float></attr></node>", i, base + shift + i));
        }
        gxl.append("<edge from=\"_0\" to=\"_1\"/>");
        if (!line) {
            gxl.append("<edge from=\"_1\" to=\"_2\"/><edge from=\"_2\" to=\"_0\"/>");
        }
        gxl.append("</graph></gxl>\n");
        Files.writeString(file, gxl, StandardCharsets.UTF_8);
    }

    private static void writeSplit(Path file, List<String> entries) throws IOException {
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<GraphCollection><fingerprints>"
                + String.join("", entries) + "</fingerprints></GraphCollection>\n",
                StandardCharsets.UTF_8);
    }

    private Path list(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }

    // ---- Errors that name the problem ------------------------------------------------------

    @Test
    void aMissingDatasetIsNamedAsMissing() {
        Path missing = dir.resolve("no-such-folder");

        Run r = run("classify", missing.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "no such file or folder: " + missing + "\n", r.err());
    }

    @Test
    void anIamFolderWithoutItsTestFileNamesIt() throws IOException {
        Path folder = iamFolder(null);
        Files.delete(folder.resolve("test.cxl"));

        Run r = run("classify", folder.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "IAM folder " + folder + " has no"
                + " test.cxl (it has train.cxl, validation.cxl)"), r.err());
    }

    /**
     * The top folder of an IAM set, which holds only its folder data, is pointed at that
     * folder; it got the general advice to give --folds or split files.
     */
    @Test
    void theTopFolderOfAnIamSetPointsAtItsDataFolder() throws IOException {
        Path top = Files.createDirectory(dir.resolve("SET"));
        Files.move(iamFolder(null), top.resolve("data"));

        Run r = run("classify", top.toString());

        assertEquals(CliException.USAGE, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + top + " holds the IAM split files in its folder data:"
                + " give " + top.resolve("data") + " as DATASET\n", r.err());
    }

    /** A folder with both names of the validation split was read with validation.cxl. */
    @Test
    void anIamFolderWithTwoValidationSplitsIsRefusedNamingBoth() throws IOException {
        Path folder = iamFolder(null);
        Files.copy(folder.resolve("validation.cxl"), folder.resolve("valid.cxl"));

        Run r = run("classify", folder.toString(), "--aligner", "exact");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "IAM folder " + folder + " holds two validation"
                + " splits, validation.cxl and valid.cxl; give the split files one by one:"
                + " --train " + folder.resolve("train.cxl") + " --valid "
                + folder.resolve("validation.cxl") + " (or " + folder.resolve("valid.cxl")
                + ") --test " + folder.resolve("test.cxl") + "\n", r.err());
    }

    /**
     * valid.cxl as a link to validation.cxl is one validation split, not two: the folder is
     * read, where it was refused as holding two validation splits.
     */
    @Test
    void anIamFolderWithValidAsALinkToValidationIsRead() throws IOException {
        Path folder = iamFolder(null);
        Files.createSymbolicLink(folder.resolve("valid.cxl"), Path.of("validation.cxl"));

        Run r = run("classify", folder.toString(), "--aligner", "exact", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(4.0, r.json().get("validationGraphs"));
    }

    @Test
    void aTuFolderWithoutClassesNamesTheLabelsFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("PAIRS"));
        Files.writeString(folder.resolve("PAIRS_A.txt"), "1, 2\n2, 1\n3, 4\n4, 3\n");
        Files.writeString(folder.resolve("PAIRS_graph_indicator.txt"), "1\n1\n2\n2\n");
        Path train = list("train.txt", "0");
        Path test = list("test.txt", "1");
        String expected = Main.ERROR_PREFIX + folder + " has no class labels: "
                + folder.resolve("PAIRS_graph_labels.txt") + " is missing; classify needs the"
                + " class of every graph\n";

        Run folds = run("classify", folder.toString(), "--folds", "2");
        Run lists = run("classify", folder.toString(), "--train", train.toString(), "--test",
                test.toString());

        assertEquals(CliException.DATA, folds.exitCode(), folds.out());
        assertEquals(expected, folds.err());
        assertEquals(CliException.DATA, lists.exitCode(), lists.out());
        assertEquals(expected, lists.err());
    }

    // ---- Split files that break the rules ----------------------------------------------------

    @Test
    void aGraphListedTwiceInATrainingSplitIsRefused() throws IOException {
        Path folder = iamFolder(null);
        Path train = folder.resolve("train.cxl");
        String text = Files.readString(train);
        Files.writeString(train, text.replace("</fingerprints>",
                "<print file=\"g0.gxl\" class=\"tri\"/></fingerprints>"));

        Run r = run("classify", folder.toString(), "--threads", "1");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "--train " + train + ": graph 'g0' is listed twice"
                + " (entries 1 and 9 as class 'line' and again as 'tri'); a graph may be listed"
                + " once in a split file\n", r.err());
        Run folds = run("classify", train.toString(), "--folds", "2", "--threads", "1");
        assertEquals(CliException.DATA, folds.exitCode(), folds.out());
        assertTrue(folds.err().contains("DATASET " + train + ": graph 'g0' is listed twice"),
                folds.err());
    }

    @Test
    void aGraphListedTwiceInTheTestSplitIsCountedTwiceWithANote() throws IOException {
        Path folder = iamFolder("<print file=\"g12.gxl\" class=\"tri\"/>");

        Run r = run("classify", folder.toString(), "--threads", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(5.0, json.get("testGraphs"));
        assertTrue(json.get("notes").toString().contains("test.cxl lists graph 'g12' twice"
                + " (entries 1 and 5 as class 'line' and again as 'tri')"), json.toString());
    }

    @Test
    void aSplitWithoutEntriesSaysSo() throws IOException {
        Path folder = iamFolder(null);
        writeSplit(folder.resolve("validation.cxl"), List.of());

        Run r = run("classify", folder.toString(), "--threads", "1");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "--valid " + folder.resolve("validation.cxl")
                + " lists no graphs (no <print file=\"X.gxl\" class=\"C\"/> entries)\n",
                r.err());
    }

    /** A split file's format errors name the option that gave it, as its other errors do. */
    @Test
    void aSplitFilesFormatErrorNamesItsOption() throws IOException {
        Path folder = iamFolder("<print file=\"missing.gxl\" class=\"line\"/>");
        Path empty = folder.resolve("empty.cxl");
        writeSplit(empty, List.of());

        Run missing = run("classify", "--train", folder.resolve("train.cxl").toString(),
                "--test", folder.resolve("test.cxl").toString(), "--threads", "1");
        Run none = run("classify", "--train", folder.resolve("train.cxl").toString(),
                "--test", empty.toString(), "--threads", "1");

        assertEquals(CliException.DATA, missing.exitCode(), missing.out());
        assertTrue(missing.err().startsWith(Main.ERROR_PREFIX + "--test "
                + folder.resolve("test.cxl") + ", line "), missing.err());
        assertTrue(missing.err().contains("'missing.gxl' not found"), missing.err());
        assertEquals(Main.ERROR_PREFIX + "--test " + empty + " lists no graphs (no <print"
                + " file=\"X.gxl\" class=\"C\"/> entries)\n", none.err());
    }

    /**
     * A split option naming a folder or a pipe is a data error (exit status 1), as a missing
     * split file is: an input that cannot be read as a split, not a bad command line.
     */
    @Test
    void aSplitOptionNamingAFolderOrAPipeSaysSo() throws IOException, InterruptedException {
        Path folder = iamFolder(null);
        String test = folder.resolve("test.cxl").toString();

        Run r = run("classify", "--train", folder.toString(), "--test", test);

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        Run missing = run("classify", "--train", folder.resolve("none.cxl").toString(), "--test",
                test);
        assertEquals(CliException.DATA, missing.exitCode(), missing.out());
        assertEquals(Main.ERROR_PREFIX + "cannot read --train " + folder.resolve("none.cxl")
                + ": no such file\n", missing.err());
        assertEquals(Main.ERROR_PREFIX + "--train " + folder + " is a folder; give a split file"
                + " (an IAM .cxl file or a split list), or the IAM folder as DATASET\n", r.err());

        Path pipe = folder.resolve("pipe.cxl");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
        r = run("classify", "--train", pipe.toString(), "--test", test);
        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "--train " + pipe + " is not a regular file (such as a"
                + " named pipe or a device); give a split file (an IAM .cxl file or a split"
                + " list)\n", r.err());

        Path list = folder.resolve("pipe.txt");
        assumeTrue(new ProcessBuilder("mkfifo", list.toString()).start().waitFor() == 0,
                "mkfifo failed");
        r = run("classify", LETTERS, "--train", list.toString(), "--test", list.toString());
        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX + "--train " + list + " is not a"
                + " regular file"), r.err());
    }

    // ---- Splits ----------------------------------------------------------------------------

    @Test
    void iamFolderChoosesOnTheValidationSplitAndTestsOnce() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--k", "1,3", "--edge-weight", "1,2",
                "--aligner", "exact", "--threads", "2", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("splits", json.get("protocol"));
        assertEquals(8.0, json.get("trainGraphs"));
        assertEquals(4.0, json.get("validationGraphs"));
        assertEquals(4.0, json.get("testGraphs"));
        assertEquals("train", json.get("refit"));

        // Four candidates in grid order (edge weight outer, k inner); the chosen one has the
        // most correct validation graphs and comes first among equals.
        List<?> candidates = (List<?>) json.get("candidates");
        assertEquals(4, candidates.size());
        int best = 0;
        double bestCorrect = -1;
        for (int c = 0; c < candidates.size(); c++) {
            Map<?, ?> candidate = (Map<?, ?>) candidates.get(c);
            Map<?, ?> setting = (Map<?, ?>) candidate.get("setting");
            assertEquals(c < 2 ? 1.0 : 2.0, setting.get("edgeWeight"));
            assertEquals(c % 2 == 0 ? 1.0 : 3.0, setting.get("k"));
            double correct = (Double) candidate.get("validationCorrect");
            assertEquals(correct / 4.0, (Double) candidate.get("validationAccuracy"),
                    ACCURACY_TOLERANCE);
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = c;
            }
        }
        assertEquals(((Map<?, ?>) candidates.get(best)).get("setting"), json.get("chosen"));

        // One test: accuracy, counts, confusion and predictions agree.
        List<?> predictions = (List<?>) json.get("predictions");
        assertEquals(4, predictions.size());
        int correct = 0;
        for (Object p : predictions) {
            Map<?, ?> prediction = (Map<?, ?>) p;
            correct += prediction.get("class").equals(prediction.get("predicted")) ? 1 : 0;
        }
        assertEquals((double) correct, json.get("correct"));
        assertEquals(correct / 4.0, (Double) json.get("accuracy"), ACCURACY_TOLERANCE);
        assertEquals(List.of("line", "tri"), json.get("classes"));
        double total = 0;
        for (Object row : (List<?>) json.get("confusion")) {
            for (Object count : (List<?>) row) {
                total += (Double) count;
            }
        }
        assertEquals(4.0, total);
    }

    @Test
    void oneStandardErrorChoosesTheSmallestModelAmongTheEquallyGood() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--method", "glvq", "--prototypes", "3,1,2",
                "--epochs", "0", "--initialization", "class-medoids", "--aligner", "exact",
                "--selection", "one-standard-error", "--threads", "1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("one-standard-error", json.get("selection"));
        assertTrue(json.get("tieRule").toString().startsWith("the smallest model (graphs a"
                + " prediction may align) within one standard error"), json.toString());

        // Recompute the rule from the reported counts and sizes (two classes, so a model of
        // p prototypes per class holds 2p graphs; 4 validation graphs).
        List<?> candidates = (List<?>) json.get("candidates");
        double best = 0;
        for (Object c : candidates) {
            best = Math.max(best, (Double) ((Map<?, ?>) c).get("validationCorrect"));
        }
        double tolerance = Math.sqrt(best * (4 - best) / 4);
        Map<?, ?> expected = null;
        double expectedSize = Double.POSITIVE_INFINITY;
        for (Object c : candidates) {
            Map<?, ?> candidate = (Map<?, ?>) c;
            double size = (Double) candidate.get("modelSize");
            double prototypes = (Double) ((Map<?, ?>) candidate.get("setting"))
                    .get("prototypes");
            assertEquals(2 * prototypes, size);
            if ((Double) candidate.get("validationCorrect") + tolerance >= best
                    && size < expectedSize) {
                expected = candidate;
                expectedSize = size;
            }
        }
        assertEquals(expected.get("setting"), json.get("chosen"));
        assertEquals(expected, candidates.get(((Double) json.get("chosenIndex")).intValue()));
        Map<?, ?> mostCorrect = (Map<?, ?>) candidates.get(
                ((Double) json.get("mostCorrectIndex")).intValue());
        assertEquals(best, (Double) mostCorrect.get("validationCorrect"));
        assertEquals(Math.sqrt(best / 4 * (1 - best / 4) / 4),
                (Double) json.get("standardError"), ACCURACY_TOLERANCE);

        Run text = run("classify", folder.toString(), "--method", "glvq", "--prototypes",
                "3,1", "--epochs", "0", "--initialization", "class-medoids", "--aligner",
                "exact", "--selection", "one-standard-error", "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("(the smallest model (graphs a prediction may align)"
                + " within one standard error, "), text.out());
        assertTrue(text.out().contains("; * chosen, + most correct)"), text.out());
        assertTrue(text.out().contains(", model size 6"), text.out());
    }

    @Test
    void summaryShowsTheSearchTheChoiceAndTheConfusionMatrix() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--k", "1,3", "--aligner", "exact",
                "--refit", "train+validation");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("k-NN on " + folder + ": train 8, validation 4, test 4"
                + " graphs, 2 classes"), r.out());
        assertTrue(r.out().contains("validation  2 combinations"), r.out());
        assertTrue(r.out().contains("chosen      node weight 1, edge weight 1, k "), r.out());
        assertTrue(r.out().contains("fitted on   train+validation (12 graphs)"), r.out());
        assertTrue(r.out().contains("test        accuracy 1.0000 (4 of 4)"), r.out());
        assertTrue(r.out().contains("confusion   rows: true class, columns: predicted class"),
                r.out());
        assertTrue(r.out().contains("  line    2   0"), r.out());
    }

    /**
     * Only the split files' own folder, or its folder {@code data}, names an IAM set, and only
     * for graphs that carry the attributes of the set's recoding: Letter LOW copied into a
     * folder Fingerprint was read with Fingerprint's classes (first letter; T merged into A).
     */
    @Test
    void aFolderNamedLikeAnIamSetNamesItOnlyForItsOwnData() throws IOException {
        Path below = iamFolder("Fingerprint/LOW", null);
        Path inside = iamFolder("Fingerprint/data", null);

        Run fromBelow = run("classify", below.toString(), "--method", "prototype", "--aligner",
                "exact", "--json");
        Run fromInside = run("classify", inside.toString(), "--method", "prototype",
                "--aligner", "exact", "--json");
        Run info = run("info", inside.resolve("train.cxl").toString());

        assertEquals(0, fromBelow.exitCode(), fromBelow.err());
        assertEquals(List.of("line", "tri"), fromBelow.json().get("classes"));
        assertTrue(((List<?>) fromBelow.json().get("notes")).stream()
                .noneMatch(n -> n.toString().contains("Fingerprint")), fromBelow.out());
        assertEquals(0, fromInside.exitCode(), fromInside.err());
        assertEquals(List.of("line", "tri"), fromInside.json().get("classes"));
        String note = "the folder names IAM Fingerprint, but no node or edge carries its"
                + " attributes 'angle' and 'orient': classify reads the attributes and classes"
                + " as stored, not as those of the set";
        assertTrue(((List<?>) fromInside.json().get("notes")).contains(note), fromInside.out());
        assertTrue(info.out().contains("\nnote      " + note + "\n"), info.out());
        assertFalse(info.out().contains("four-class"), info.out());
    }

    @Test
    void iamSplitFilesMayBeGivenOneByOne() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", "--train", folder.resolve("train.cxl").toString(), "--test",
                folder.resolve("test.cxl").toString(), "--method", "prototype", "--aligner",
                "exact", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0.0, r.json().get("validationGraphs"));
        assertEquals(1.0, r.json().get("accuracy"));
        // Two split files are "both", not "all 2".
        assertTrue(((List<?>) r.json().get("notes")).contains("attribute channels built from"
                + " the graphs of both split files, so that the splits share them (class labels"
                + " play no part)"), r.out());
    }

    /**
     * A mistyped split file ({@code test} for {@code test.cxl}, or a missing .cxl file) is
     * named as missing with its option, as a missing split list is; it was reported as a mix
     * of .cxl files and split lists, which only existing files can be, and then without the
     * option.
     */
    @Test
    void aMistypedSplitFileIsNamedAsMissingAndARealMixAsAMix() throws IOException {
        Path folder = iamFolder(null);
        Path list = list("test.txt", "0");

        Run typo = run("classify", "--train", folder.resolve("train.cxl").toString(), "--test",
                folder.resolve("test").toString());
        Run mix = run("classify", "--train", folder.resolve("train.cxl").toString(), "--test",
                list.toString());

        Run cxl = run("classify", "--train", folder.resolve("train.cxl").toString(), "--valid",
                folder.resolve("valid.cxl").toString(), "--test",
                folder.resolve("test.cxl").toString());

        assertEquals(CliException.DATA, typo.exitCode(), typo.out());
        assertEquals(Main.ERROR_PREFIX + "cannot read --test " + folder.resolve("test")
                + ": no such file\n", typo.err());
        assertEquals(CliException.DATA, cxl.exitCode(), cxl.out());
        assertEquals(Main.ERROR_PREFIX + "cannot read --valid " + folder.resolve("valid.cxl")
                + ": no such file\n", cxl.err());
        assertEquals(CliException.USAGE, mix.exitCode(), mix.out());
        assertEquals(Main.ERROR_PREFIX + "split files must be all IAM .cxl files or all split"
                + " lists\n", mix.err());
    }

    @Test
    void oneCxlFileForTwoSplitsIsRefused() throws IOException {
        Path folder = iamFolder(null);
        Path train = folder.resolve("train.cxl");
        Path sameByAnotherPath = folder.resolve(".").resolve("train.cxl");

        Run r = run("classify", "--train", train.toString(), "--test",
                sameByAnotherPath.toString(), "--aligner", "exact");

        assertEquals(CliException.USAGE, r.exitCode(), r.out());
        assertEquals("orbifold: error: --test " + sameByAnotherPath + " is the file given as"
                + " --train; a graph may be in one split only: give a different file for each"
                + " split\n", r.err());
    }

    @Test
    void aGraphFileInTwoCxlSplitsIsRefused() throws IOException {
        Path folder = iamFolder("<print file=\"g0.gxl\" class=\"line\"/>");

        Run r = run("classify", folder.toString(), "--aligner", "exact");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals("orbifold: error: --test " + folder.resolve("test.cxl") + ": graph 'g0'"
                + " is listed again; first in --train " + folder.resolve("train.cxl")
                + " (a graph may be in one split only)\n", r.err());
    }

    /**
     * Graph files of the same name in different folders are different graphs (IAM Letter LOW
     * and HIGH both have AP1_0000.gxl): a training file of one folder and a test file of the
     * other run, and a split file may list both.
     */
    @Test
    void sameNamedGraphFilesOfDifferentFoldersAreDifferentGraphs() throws IOException {
        Path low = iamFolder("LOW", null);
        Path high = iamFolder("HIGH", null);
        Path both = dir.resolve("both.cxl");
        List<String> entries = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            String entry = "g" + g + ".gxl\" class=\"" + (g % 2 == 0 ? "line" : "tri") + "\"/>";
            entries.add("<print file=\"LOW/" + entry);
            entries.add("<print file=\"HIGH/" + entry);
        }
        writeSplit(both, entries);

        Run across = run("classify", "--train", low.resolve("train.cxl").toString(), "--test",
                high.resolve("train.cxl").toString(), "--method", "prototype", "--aligner",
                "exact", "--json");
        Run within = run("classify", "--train", both.toString(), "--test",
                low.resolve("test.cxl").toString(), "--method", "prototype", "--aligner",
                "exact", "--json");

        assertEquals(0, across.exitCode(), across.err());
        assertEquals(8.0, across.json().get("trainGraphs"));
        assertEquals(8.0, across.json().get("testGraphs"));
        assertEquals(0, within.exitCode(), within.err());
        assertEquals(16.0, within.json().get("trainGraphs"));

        // The text names the split files when they lie in different folders, and not else.
        Run text = run("classify", "--train", low.resolve("train.cxl").toString(), "--test",
                high.resolve("train.cxl").toString(), "--method", "prototype", "--aligner",
                "exact");
        Run oneFolder = run("classify", "--train", low.resolve("train.cxl").toString(),
                "--test", low.resolve("test.cxl").toString(), "--method", "prototype",
                "--aligner", "exact");
        assertTrue(text.out().contains("\nfiles       train " + low.resolve("train.cxl")
                + ", validation none, test " + high.resolve("train.cxl") + "\n"), text.out());
        assertFalse(oneFolder.out().contains("\nfiles "), oneFolder.out());
        // The header named the training split's folder, LOW, for graphs of LOW and HIGH.
        assertTrue(text.out().startsWith("nearest class mean on the split files: train 8,"),
                text.out());
        assertTrue(oneFolder.out().startsWith("nearest class mean on " + low + ": train 8,"),
                oneFolder.out());
    }

    /**
     * Folders whose names hold a line feed and a tab: the header and the {@code files} line
     * show them escaped, as messages and notes do, so that no line of the report is cut.
     */
    @Test
    void splitFoldersWithLineBreaksAreShownEscaped() throws IOException {
        Path low = iamFolder("LOW\nZZ", null);
        Path high = iamFolder("HIGH\tZZ", null);

        Run across = run("classify", "--train", low.resolve("train.cxl").toString(), "--test",
                high.resolve("train.cxl").toString(), "--method", "prototype", "--aligner",
                "exact");
        Run within = run("classify", "--train", low.resolve("train.cxl").toString(), "--test",
                low.resolve("test.cxl").toString(), "--method", "prototype", "--aligner",
                "exact");

        assertEquals(0, across.exitCode(), across.err());
        assertTrue(across.out().contains("\nfiles       train " + dir + "/LOW\\nZZ/train.cxl,"
                + " validation none, test " + dir + "/HIGH\\tZZ/train.cxl\n"), across.out());
        assertEquals(0, within.exitCode(), within.err());
        assertTrue(within.out().startsWith("nearest class mean on " + dir + "/LOW\\nZZ: train"),
                within.out());
        for (Run r : List.of(across, within)) {
            assertFalse(r.out().contains("\nZZ"), r.out());
        }
    }

    // ---- Split lists of a molecule file with skipped records -------------------------------

    /**
     * Writes {@code mol.smi}, eight molecules whose second record is no SMILES (an unclosed
     * ring), with the classes a, b, b, a, b, a, b, a in {@code mol_target.txt}.
     */
    private Path moleculesWithABadSecondRecord() throws IOException {
        Files.writeString(dir.resolve("mol_target.txt"), "a\nb\nb\na\nb\na\nb\na\n");
        return Files.writeString(dir.resolve("mol.smi"),
                "CCO\nC1CC\nCCN amine\nCCCO\nCCCN\nCO\nCN\nCCC\n");
    }

    /**
     * After {@code --skip-invalid} an index counts the graphs kept, not the records, so a
     * split list written for the records named other molecules without a word: index 1 is
     * record 3 once record 2 is skipped. Such an index is refused, naming the first skipped
     * record; an index before it means the same either way and is read; a molecule may be
     * named by its record alone ({@code mol#3}, whose full name is {@code mol#3 amine}).
     */
    @Test
    void anIndexPastASkippedRecordIsRefusedAndNamesWork() throws IOException {
        Path molecules = moleculesWithABadSecondRecord();
        Path shifted = list("shifted.txt", "1");
        Path train = list("train.txt", "0", "mol#3", "mol#4", "mol#5");
        Path test = list("test.txt", "mol#6", "mol#7");

        Run refused = run("classify", molecules.toString(), "--skip-invalid", "--train",
                train.toString(), "--test", shifted.toString(), "--aligner", "exact");
        Run byName = run("classify", molecules.toString(), "--skip-invalid", "--train",
                train.toString(), "--test", test.toString(), "--aligner", "exact", "--json");

        assertEquals(CliException.DATA, refused.exitCode(), refused.out());
        assertEquals(Main.ERROR_PREFIX + "--test " + shifted + " line 1: index 1 would name"
                + " record 3 ('mol#3 amine'), not record 2: indices count the graphs kept, and"
                + " --skip-invalid skipped invalid records, the first of them record 2; from"
                + " record 2 on, list graphs by name, such as 'mol#3' for record 3\n",
                refused.err());
        assertEquals(0, byName.exitCode(), byName.err());
        List<?> predictions = (List<?>) byName.json().get("predictions");
        assertEquals("mol#6", ((Map<?, ?>) predictions.get(0)).get("graph"));

        // Naming the skipped record says so, not that the name is unknown.
        Path skipped = list("skipped.txt", "mol#2");
        Run named = run("classify", molecules.toString(), "--skip-invalid", "--train",
                train.toString(), "--test", skipped.toString(), "--aligner", "exact");
        assertEquals(CliException.DATA, named.exitCode(), named.out());
        assertEquals(Main.ERROR_PREFIX + "--test " + skipped + " line 1: 'mol#2' names a"
                + " record that --skip-invalid skipped as invalid, so it is in the data set as"
                + " no graph; remove the line, or mend the record\n", named.err());
        assertEquals("a", ((Map<?, ?>) predictions.get(0)).get("class"));
        assertEquals("mol#7", ((Map<?, ?>) predictions.get(1)).get("graph"));
        assertEquals(4.0, byName.json().get("trainGraphs"));
    }

    /**
     * {@code --limit N} keeps the first N graphs, so a molecule file is parsed only up to its
     * N-th molecule: a bad record after it no longer fails the command (with {@code --limit
     * 60} a SMILES file still failed at line 83), and a note says where reading stopped.
     * Before the limit a bad record still fails, or is skipped and not counted.
     */
    @Test
    void theLimitStopsReadingAMoleculeFile() throws IOException {
        Path molecules = moleculesWithABadSecondRecord();

        Run one = run("info", molecules.toString(), "--limit", "1", "--json");
        Run whole = run("info", molecules.toString());
        Run skipping = run("info", molecules.toString(), "--limit", "3", "--skip-invalid",
                "--json");

        assertEquals(0, one.exitCode(), one.err());
        assertEquals(1.0, one.json().get("graphs"));
        assertTrue(((List<?>) one.json().get("notes")).contains("stopped after the first"
                + " molecule (the limit): records from 2 on (from line 2) were not parsed"),
                one.out());
        assertEquals(CliException.DATA, whole.exitCode(), whole.out());
        assertTrue(whole.err().contains("line 2"), whole.err());
        assertEquals(0, skipping.exitCode(), skipping.err());
        assertEquals(3.0, skipping.json().get("graphs"));
        List<?> notes = (List<?>) skipping.json().get("notes");
        assertTrue(notes.contains("skipped 1 invalid record at line 2"), notes.toString());
        assertTrue(notes.contains("stopped after the first 3 molecules (the limit): records"
                + " from 5 on (from line 5) were not parsed"), notes.toString());
    }

    /**
     * One graph file reached by two spellings of its path (through {@code ..}, or through a
     * symbolic link to its folder) is one graph: refused in two splits and twice in a
     * training file, also when the names the entries give it differ.
     */
    @Test
    void oneGraphFileByAnotherPathIsStillListedAgain() throws IOException {
        Path folder = iamFolder(null);
        Path other = Files.createDirectories(dir.resolve("other"));
        Path dotted = other.resolve("test.cxl");
        writeSplit(dotted, List.of("<print file=\"../iam/g12.gxl\" class=\"line\"/>",
                "<print file=\"../other/../iam/./g1.gxl\" class=\"tri\"/>"));
        Path twice = other.resolve("train.cxl");
        writeSplit(twice, List.of("<print file=\"../iam/g0.gxl\" class=\"line\"/>",
                "<print file=\"../iam/g1.gxl\" class=\"tri\"/>",
                "<print file=\"../iam/./g0.gxl\" class=\"line\"/>"));

        Run across = run("classify", "--train", folder.resolve("train.cxl").toString(),
                "--test", dotted.toString(), "--aligner", "exact");
        Run within = run("classify", "--train", twice.toString(), "--test",
                folder.resolve("test.cxl").toString(), "--aligner", "exact");
        Run folds = run("classify", twice.toString(), "--folds", "2", "--aligner", "exact");

        assertEquals(CliException.DATA, across.exitCode(), across.out());
        assertEquals("orbifold: error: --test " + dotted + ": graph 'g1' is listed again; first"
                + " in --train " + folder.resolve("train.cxl") + " (a graph may be in one"
                + " split only)\n", across.err());
        assertEquals(CliException.DATA, within.exitCode(), within.out());
        assertEquals("orbifold: error: --train " + twice + ": graph 'g0' is listed twice"
                + " (entries 1 and 3 both as class 'line'); a graph may be listed once in a"
                + " split file\n", within.err());
        assertEquals(CliException.DATA, folds.exitCode(), folds.out());
        assertTrue(folds.err().contains("DATASET " + twice + ": graph 'g0' is listed twice"),
                folds.err());

        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, folder);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        Files.createSymbolicLink(folder.resolve("h2.gxl"), folder.resolve("g2.gxl"));
        Path linked = other.resolve("linked.cxl");
        writeSplit(linked, List.of("<print file=\"../link/g13.gxl\" class=\"tri\"/>",
                "<print file=\"../link/h2.gxl\" class=\"line\"/>"));
        Run viaLink = run("classify", "--train", folder.resolve("train.cxl").toString(),
                "--test", linked.toString(), "--aligner", "exact");

        assertEquals(CliException.DATA, viaLink.exitCode(), viaLink.out());
        assertEquals("orbifold: error: --test " + linked + ": graph 'h2' is listed again; first"
                + " in --train " + folder.resolve("train.cxl") + ", as 'g2': both are "
                + folder.toRealPath().resolve("g2.gxl") + " (a graph may be in one split"
                + " only)\n", viaLink.err());
    }

    @Test
    void cxlSplitsAreNamedByTheFolderAsGiven() throws IOException {
        Path folder = iamFolder(null);
        Path relative = Path.of("").toAbsolutePath().relativize(folder);
        assertTrue(relative.startsWith(".."), relative.toString());

        Run r = run("classify", "--train", relative.resolve("train.cxl").toString(),
                "--test", relative.resolve("test.cxl").toString(), "--method", "prototype",
                "--aligner", "exact");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("nearest class mean on " + relative + ": train 8, no"
                + " validation, test 4 graphs"), r.out());
    }

    /** One test graph is "1 graph" in the header, not "1 graphs". */
    @Test
    void aTestSplitOfOneGraphIsOneGraphInTheHeader() throws IOException {
        Path train = list("train.txt", "0", "1", "9", "10");
        Path test = list("test.txt", "18");

        Run r = run("classify", LETTERS, "--train", train.toString(), "--test",
                test.toString(), "--method", "knn", "--k", "1", "--aligner", "exact");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("k-NN on " + LETTERS + ": train 4, no validation, test"
                + " 1 graph, 2 classes\n"), r.out());
        assertTrue(r.out().contains("fitted on   train (4 graphs)\n"), r.out());
    }

    @Test
    void foldsNeedAsManyGraphsInEveryClass() {
        Run single = run("classify", "--folds", "2", "--limit", "2");
        Run small = run("classify", "--folds", "30", "--limit", "40");

        assertEquals(CliException.USAGE, single.exitCode(), single.out());
        assertEquals("orbifold: error: --folds 2 needs at least 2 graphs in every class, but"
                + " class 'A' has 1 (of 2 graphs kept by --limit 2); a class of a single graph"
                + " cannot be split into folds; raise --limit\n", single.err());
        assertEquals(CliException.USAGE, small.exitCode(), small.out());
        assertTrue(small.err().contains("--folds 30 needs at least 30 graphs in every class,"
                + " but class '"), small.err());
        assertTrue(small.err().contains("give --folds 4 or fewer, or raise --limit"),
                small.err());
    }

    /**
     * Class-medoid starts on molecules that differ only in their bonds: under
     * {@code --edge-weight 0} they are at distance 0, and the refusal says that the weight
     * makes them equal, not that they are relabelled copies.
     */
    @Test
    void classMedoidsUnderAZeroEdgeWeightNameTheWeight() throws IOException {
        Path data = Files.writeString(dir.resolve("m.smi"),
                "CCO\nC=CO\nC.CO\nCC=O\nCCN\nC=CN\nC.CN\nCC=N\n");
        Files.writeString(dir.resolve("m_target.txt"), "a\na\na\na\nb\nb\nb\nb\n");
        Run r = run("classify", data.toString(), "--method", "lvq1", "--folds", "2",
                "--prototypes", "2", "--initialization", "class-medoids", "--edge-weight", "0");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertTrue(r.err().contains(": class 'a' has only 1 graph at positive distance from"
                + " each other among its 2 members (the others are equal to it up to"
                + " relabelling under the weights, as edge weight 0 ignores the edge"
                + " attributes), fewer than the 2 medoids asked for\n"), r.err());
        assertFalse(r.err().contains("relabelled copies"), r.err());
    }

    /**
     * Every prediction of {@code --folds} names its fold, from 1, so that the folds can be
     * rebuilt: their sizes are those of the stratified folds, and each fold's accuracy,
     * recomputed from its predictions, is the one reported.
     */
    @Test
    void foldsPredictionsNameTheirFold() {
        Run r = run("classify", "--folds", "3", "--limit", "27", "--aligner", "exact",
                "--json");

        assertEquals(0, r.exitCode(), r.err());
        // The subset is recorded beside the count, between graphs and folds.
        List<String> keys = new ArrayList<>(r.json().keySet());
        assertEquals(27.0, r.json().get("limit"));
        assertEquals(keys.indexOf("graphs") + 1, keys.indexOf("limit"), keys.toString());
        assertEquals(keys.indexOf("limit") + 1, keys.indexOf("folds"), keys.toString());
        List<?> predictions = (List<?>) r.json().get("predictions");
        List<?> accuracies = (List<?>) r.json().get("foldAccuracies");
        int[] sizes = new int[3];
        int[] correct = new int[3];
        List<String> labels = new ArrayList<>();
        for (Object p : predictions) {
            Map<?, ?> prediction = (Map<?, ?>) p;
            int fold = ((Double) prediction.get("fold")).intValue();
            assertTrue(fold >= 1 && fold <= 3, prediction.toString());
            sizes[fold - 1]++;
            correct[fold - 1] += prediction.get("class").equals(prediction.get("predicted"))
                    ? 1 : 0;
            labels.add((String) prediction.get("class"));
        }
        List<int[]> folds = Evaluation.stratifiedFolds(labels, 3, 42);
        for (int f = 0; f < 3; f++) {
            assertEquals(folds.get(f).length, sizes[f], "fold " + (f + 1));
            assertEquals((Double) accuracies.get(f), correct[f] / (double) sizes[f],
                    ACCURACY_TOLERANCE);
            for (int i : folds.get(f)) {
                assertEquals((double) (f + 1), ((Map<?, ?>) predictions.get(i)).get("fold"));
            }
        }
    }

    @Test
    void foldsJsonHasTheWallTime() {
        Run r = run("classify", "--folds", "3", "--limit", "27", "--aligner", "exact",
                "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals((Double) json.get("searchSeconds") + (Double) json.get("testSeconds"),
                (Double) json.get("wallTimeSeconds"), STATISTIC_TOLERANCE);
    }

    @Test
    void maxModelOrderRunsForEveryPrototypeAndMaxLinearMethod() {
        for (String method : new String[] {"prototype", "lvq1", "glvq", "perceptron", "mlp"}) {
            List<String> args = new ArrayList<>(List.of("classify", "--folds", "3", "--limit",
                    "27", "--aligner", "fast", "--threads", "1", "--method", method,
                    "--max-model-order", "3"));
            if (!method.equals("prototype")) {
                args.addAll(List.of("--epochs", "1"));
            }
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), method + ": " + r.err());
            assertTrue(r.out().contains("accuracy"), method + ": " + r.out());
        }
    }

    @Test
    void prototypeMethodsCountTheirAlignments() {
        Run r = run("classify", "--folds", "3", "--limit", "45", "--aligner", "fast",
                "--threads", "1", "--method", "glvq", "--prototypes", "2", "--epochs", "1",
                "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        double computed = (Double) json.get("alignmentsComputed");
        double skipped = (Double) json.get("alignmentsSkipped");
        double evaluated = (Double) json.get("evaluated");
        int classes = ((List<?>) json.get("classes")).size();
        assertTrue(computed >= evaluated, "at least one alignment per prediction");
        assertEquals(evaluated * 2 * classes, computed + skipped, 0.0,
                "every prototype of every prediction is aligned or skipped");
    }

    @Test
    void helpSaysLimitAppliesToFoldsOnly() {
        Run r = run("classify", "--help");

        assertEquals(0, r.exitCode(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--limit=N With --folds: keep only the first N graphs, for"
                + " quick looks (split files and IAM folders are used whole). --skip-invalid"),
                r.out());
        assertTrue(help.contains("every class needs K graphs or more"), r.out());
    }

    /** The shared options show each command only what applies to it. */
    @Test
    void otherCommandsShowTheirOwnLimitAndDataset() {
        for (String command : List.of("info", "mean", "median", "align", "cluster")) {
            Run r = run(command, "--help");
            String help = r.out().replaceAll("\\s+", " ");
            assertEquals(0, r.exitCode(), command + ": " + r.err());
            assertTrue(help.contains("--limit=N Keep only the first N graphs, for quick looks"
                    + " (a molecule file is read only up to its N-th molecule). --skip-invalid"),
                    command + ": " + r.out());
            assertTrue(!help.contains("classify") && !help.contains("--folds"),
                    command + ": " + r.out());
        }
        String info = run("info", "--help").out().replaceAll("\\s+", " ");
        assertTrue(info.contains("default: the embedded letters)."), info);
    }

    /**
     * Without DATASET, classify reads the embedded letters, which have no splits: the help
     * and the error say that --folds K is then needed.
     */
    @Test
    void withoutDatasetOrSplitFilesTheHelpAndTheErrorAskForFolds() {
        // Compared without white space: where the lines break depends on the width.
        String help = run("classify", "--help").out().replaceAll("\\s+", "");
        Run bare = run("classify");
        Run lists = run("classify", "--method", "prototype");

        String expected = "[DATASET] IAM folder with its splits, or, with --folds or"
                + " split list files, a TU folder or .zip, IAM .cxl, .npy, GraphML, GML or DOT"
                + " file or folder (.graphml, .gml, .dot, .gv), tu:NAME (fetched, see fetch"
                + " --help) or molecule file (.smi, .smiles, .can, .csv, .sdf, .sd, .mol;"
                + " default: the embedded"
                + " letters: with no DATASET and no split files, give --folds K). --limit=N";
        assertTrue(help.contains(expected.replaceAll("\\s+", "")), help);
        assertEquals(CliException.USAGE, bare.exitCode(), bare.out());
        assertEquals("orbifold: error: with no DATASET and no split files, give --folds K (the"
                + " embedded letters have no splits); or split list files (--train FILE --test"
                + " FILE [--valid FILE]), or an IAM folder holding train.cxl and test.cxl as"
                + " DATASET\n", bare.err());
        assertEquals(bare.err(), lists.err());
    }

    /**
     * The defaults of --epochs and --learning-rate come from the learners' constants,
     * grouped by value, so that a value is named once.
     */
    @Test
    void trainingDefaultsAreGroupedByValue() {
        String help = run("classify", "--help").out().replaceAll("\\s+", " ");

        assertEquals("10 for lvq1, glvq and perceptron, 20 for mlp, 30 for template-mlp",
                ClassifyCommand.Method.defaultsByMethod(m -> Integer.toString(m.defaultEpochs)));
        assertTrue(help.contains("--learning-rate lists (a note says the rates are unused)"
                + " (default: "
                + ClassifyCommand.Method.defaultsByMethod(m -> Integer.toString(m.defaultEpochs))
                + "). --learning-rate="), help);
        assertTrue(help.contains("toward the sample) (default: 0.1 for lvq1, glvq,"
                + " perceptron and template-mlp, 0.5 for mlp). --margin="), help);
        // Values in the order of their first method; methods that do not train are left out.
        assertEquals("a for lvq1, perceptron, mlp and template-mlp, b for glvq",
                ClassifyCommand.Method.defaultsByMethod(m -> m.option.equals("glvq") ? "b"
                        : "a"));
        assertEquals("1 for lvq1, glvq, perceptron, mlp and template-mlp",
                ClassifyCommand.Method.defaultsByMethod(m -> "1"));
    }

    @Test
    void helpLeavesOutTheClassOptionThatClassifyRefuses() {
        Run r = run("classify", "--help");
        assertEquals(0, r.exitCode(), r.err());
        // Neither in the synopsis nor in the list, nor in the text of another option.
        assertTrue(!r.out().contains("--class"), r.out());
        assertTrue(!r.out().contains("Keep only the graphs of class C"), r.out());
        assertTrue(r.out().contains("--limit=N"), r.out());
        // Still parsed, and still refused with the reason.
        Run given = run("classify", "--folds", "3", "--class", "A");
        assertEquals(CliException.USAGE, given.exitCode(), given.err());
        assertEquals(Main.ERROR_PREFIX + "--class does not apply to classify: it needs every"
                + " class\n", given.err());
        // The other commands keep it.
        for (String command : List.of("info", "mean", "median", "cluster")) {
            Run help = run(command, "--help");
            assertTrue(help.out().contains("--class=C"), command + ": " + help.out());
        }
    }

    @Test
    void splitListsNameGraphsOrIndicesOfADataSet() throws IOException {
        // Graph g of the letters has the class number g mod 9: A, E, F, H, I, K, L, T, X.
        List<String> train = new ArrayList<>(List.of("# training graphs", ""));
        List<String> test = new ArrayList<>();
        for (int g = 0; g < 50; g++) {
            String entry = g % 2 == 0 ? Integer.toString(g) : "LETTERS#" + (g + 1);
            (g % 5 == 0 ? test : train).add(entry);
        }
        Path trainList = list("train.txt", train.toArray(new String[0]));
        Path testList = list("test.txt", test.toArray(new String[0]));
        Run r = run("classify", LETTERS, "--train", trainList.toString(), "--test",
                testList.toString(), "--aligner", "fast", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(40.0, json.get("trainGraphs"));
        assertEquals(10.0, json.get("testGraphs"));
        List<?> predictions = (List<?>) json.get("predictions");
        assertEquals("LETTERS#1", ((Map<?, ?>) predictions.get(0)).get("graph"));
        assertEquals("LETTERS#46", ((Map<?, ?>) predictions.get(9)).get("graph"));
        assertEquals("A", ((Map<?, ?>) predictions.get(9)).get("class"));
        assertEquals("K", ((Map<?, ?>) predictions.get(1)).get("class"));
    }

    @Test
    void splitListsWithoutADataSetNameGraphsOfTheDefaultLetters() throws IOException {
        Path trainList = list("train.txt", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                "10", "11", "12", "13", "14", "15", "16", "17");
        Path testList = list("test.txt", "18", "19", "20", "21", "22", "23", "24", "25", "26");
        Run given = run("classify", LETTERS, "--train", trainList.toString(), "--test",
                testList.toString(), "--aligner", "fast", "--json");
        Run fallback = run("classify", "--train", trainList.toString(), "--test",
                testList.toString(), "--aligner", "fast", "--json");

        assertEquals(0, fallback.exitCode(), fallback.err());
        assertEquals(given.json().get("predictions"), fallback.json().get("predictions"));
    }

    // ---- Cross-validation ------------------------------------------------------------------

    @Test
    void foldsReportEveryFoldWithMeanAndStandardDeviation() {
        // The first 45 letters: five of each of the nine classes.
        Run r = run("classify", "--folds", "3", "--limit", "45", "--aligner", "fast",
                "--threads", "2", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("folds", json.get("protocol"));
        assertEquals(45.0, json.get("graphs"));
        List<?> folds = (List<?>) json.get("foldAccuracies");
        assertEquals(3, folds.size());
        double mean = 0;
        for (Object f : folds) {
            mean += (Double) f / 3;
        }
        double variance = 0;
        for (Object f : folds) {
            variance += Math.pow((Double) f - mean, 2) / 3;
        }
        assertEquals(mean, (Double) json.get("meanAccuracy"), ACCURACY_TOLERANCE);
        assertEquals(Math.sqrt(variance), (Double) json.get("stdAccuracy"),
                ACCURACY_TOLERANCE);
        assertEquals(45, ((List<?>) json.get("predictions")).size());
        assertEquals(List.of("A", "E", "F", "H", "I", "K", "L", "T", "X"),
                json.get("classes"));

        // The same predictions and folds on one thread.
        Map<String, Object> single = run("classify", "--folds", "3", "--limit", "45",
                "--aligner", "fast", "--threads", "1", "--json").json();
        assertEquals(json.get("predictions"), single.get("predictions"));
        assertEquals(json.get("foldAccuracies"), single.get("foldAccuracies"));
    }

    @Test
    void lowerBoundsSkipAlignmentsWithoutChangingAPrediction() {
        // 45 letters in 3 folds: each graph is queried once against the 30 of the other folds.
        Map<String, Object> bounded = run("classify", "--folds", "3", "--limit", "45",
                "--aligner", "fast", "--k", "3", "--threads", "2", "--json").json();
        Map<String, Object> plain = run("classify", "--folds", "3", "--limit", "45",
                "--aligner", "fast", "--k", "3", "--threads", "2", "--no-lower-bounds",
                "--json").json();

        assertEquals(plain.get("predictions"), bounded.get("predictions"));
        assertEquals(plain.get("foldAccuracies"), bounded.get("foldAccuracies"));
        assertEquals(true, bounded.get("lowerBounds"));
        assertEquals(false, plain.get("lowerBounds"));
        assertEquals(45.0 * 30, plain.get("alignmentsComputed"));
        assertEquals(0.0, plain.get("alignmentsSkipped"));
        assertEquals(45.0 * 30, (Double) bounded.get("alignmentsComputed")
                + (Double) bounded.get("alignmentsSkipped"));

        Run text = run("classify", "--folds", "3", "--limit", "45", "--aligner", "fast");
        assertTrue(text.out().contains("alignments  "), text.out());
        Run wrongMethod = run("classify", "--folds", "3", "--limit", "45", "--method",
                "prototype", "--no-lower-bounds");
        assertEquals(CliException.USAGE, wrongMethod.exitCode(), wrongMethod.out());
        assertTrue(wrongMethod.err().contains("apply only to --method knn"), wrongMethod.err());
    }

    @Test
    void foldSummaryPrintsMeanAndStandardDeviation() {
        Run r = run("classify", "--folds", "2", "--limit", "90", "--aligner", "fast",
                "--method", "lvq1", "--prototypes", "2", "--epochs", "2");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("LVQ1, stratified 2-fold cross-validation of "), r.out());
        assertTrue(r.out().contains("setting     node weight 1, edge weight 1, prototypes 2,"
                + " learning rate 0.1, epochs 2"), r.out());
        assertTrue(r.out().contains("(mean +- population standard deviation over 2 folds)"),
                r.out());
        assertTrue(r.out().contains("folds       "), r.out());
    }

    // ---- Max-linear methods ----------------------------------------------------------------

    @Test
    void perceptronAndMlpChooseOnValidationAndRepeatOnOneAndTwoThreads() throws IOException {
        Path folder = iamFolder(null);
        String[][] methods = {
            {"--method", "perceptron", "--margin", "0,0.05", "--epochs", "3"},
            {"--method", "mlp", "--hidden-units", "0,4", "--epochs", "3", "--learning-rate",
                "0.5"},
        };
        for (String[] method : methods) {
            List<String> args = new ArrayList<>(List.of("classify", folder.toString(),
                    "--aligner", "fast", "--seed", "7", "--json"));
            args.addAll(List.of(method));
            args.addAll(List.of("--threads", "1"));
            Run one = run(args.toArray(new String[0]));
            args.set(args.size() - 1, "2");
            Run two = run(args.toArray(new String[0]));

            assertEquals(0, one.exitCode(), one.err());
            assertEquals(0, two.exitCode(), two.err());
            Map<String, Object> json = one.json();
            assertEquals(method[1], json.get("method"));
            assertEquals(2, ((List<?>) json.get("candidates")).size());
            // The two classes lie 5 apart on x: both models start as nearest-class-mean-like
            // classifiers and keep every test graph right.
            assertEquals(1.0, json.get("accuracy"), method[1]);
            for (String key : List.of("candidates", "chosen", "predictions")) {
                assertEquals(json.get(key), two.json().get(key), method[1] + " " + key);
            }
        }
    }

    @Test
    void hiddenUnitsZeroAndTheClassCountAreRefusedAsOneModel() throws IOException {
        Path folder = iamFolder(null);
        for (String units : List.of("0,2", "2,3,0")) {
            Run r = run("classify", folder.toString(), "--aligner", "fast", "--method", "mlp",
                    "--hidden-units", units, "--epochs", "1", "--threads", "1");
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals(Main.ERROR_PREFIX + "--hidden-units lists 0 and 2, the same model: 0"
                    + " means one unit per class (= 2 here, the classes of the training"
                    + " split); give one of them\n", r.err());
        }
        // Two classes: 0 and 3 are different models.
        Run r = run("classify", folder.toString(), "--aligner", "fast", "--method", "mlp",
                "--hidden-units", "0,3", "--epochs", "1", "--threads", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, ((List<?>) r.json().get("candidates")).size());
    }

    @Test
    void theTemplateMlpAlignsOncePerPredictionAndReportsItsSetting() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--aligner", "exact", "--method",
                "template-mlp", "--hidden-units", "4,8", "--learning-rate", "0.1",
                "--epochs", "5", "--activation", "logistic", "--threads", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> json = r.json();
        assertEquals(2, ((List<?>) json.get("candidates")).size());
        Map<?, ?> chosen = (Map<?, ?>) json.get("chosen");
        assertEquals(4.0, chosen.get("hiddenUnits"));
        assertEquals("logistic", chosen.get("activation"));
        assertEquals(0.1, chosen.get("learningRate"));
        assertEquals(5.0, chosen.get("epochs"));
        assertFalse(chosen.containsKey("initialization"));
        assertEquals(1.0, json.get("accuracy"));
        // Both candidates predict the 4 validation graphs, the chosen one the 4 test graphs:
        // one alignment each, none skipped.
        assertEquals(12.0, json.get("alignmentsComputed"));
        assertEquals(0.0, json.get("alignmentsSkipped"));
        assertEquals(false, json.get("lowerBounds"));

        Run text = run("classify", folder.toString(), "--aligner", "exact", "--method",
                "template-mlp", "--epochs", "5", "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("template MLP on "), text.out());
        assertTrue(text.out().contains("hidden units 32, learning rate 0.1, epochs 5,"
                + " activation tanh\n"), text.out());
        assertTrue(text.out().contains("alignments  8 computed, one per prediction (to the"
                + " template)\n"), text.out());
        assertFalse(text.out().contains("(--initialization)"), text.out());

        // The template cut to its 2 heaviest nodes; an order above the largest graph's fails.
        Run capped = run("classify", folder.toString(), "--aligner", "exact", "--method",
                "template-mlp", "--epochs", "5", "--max-model-order", "2", "--threads", "1",
                "--json");
        assertEquals(0, capped.exitCode(), capped.err());
        assertEquals(2.0, ((Map<?, ?>) capped.json().get("chosen")).get("maxModelOrder"));
        Run tooLarge = run("classify", folder.toString(), "--method", "template-mlp",
                "--max-model-order", "4");
        assertEquals(CliException.USAGE, tooLarge.exitCode());
        assertEquals(Main.ERROR_PREFIX + "--max-model-order 4 exceeds the largest graph"
                + " order, 3: the template of --method template-mlp has exactly this order\n",
                tooLarge.err());

        String[][] refused = {
            {"--hidden-units of --method template-mlp must be >= 1, got 0 (0, one unit per"
                + " class, is for --method mlp)", "--hidden-units", "0"},
            {"--initialization applies only to --method lvq1, glvq, perceptron and mlp",
                "--initialization", "class-means"},
            {"--batch-size applies only to --method mlp", "--batch-size", "2"},
            {"--weight-decay applies only to --method mlp", "--weight-decay", "0.1"},
            {"--epochs must be >= 1 for --method template-mlp, got 0 (0, which keeps the"
                + " starting prototypes, is for lvq1 and glvq)", "--epochs", "0"},
        };
        for (String[] c : refused) {
            List<String> args = new ArrayList<>(List.of("classify", folder.toString(),
                    "--method", "template-mlp"));
            args.addAll(Arrays.asList(c).subList(1, c.length));
            Run bad = run(args.toArray(new String[0]));
            assertEquals(CliException.USAGE, bad.exitCode(), c[0] + ": " + bad.err());
            assertEquals(Main.ERROR_PREFIX + c[0] + "\n", bad.err());
        }
    }

    @Test
    void maxLinearSettingsAreShownAndWrittenWithTheirSingleValuedOptions() throws IOException {
        Path folder = iamFolder(null);
        Run mlp = run("classify", folder.toString(), "--aligner", "fast", "--method", "mlp",
                "--hidden-units", "4", "--epochs", "2", "--batch-size", "2", "--activation",
                "logistic", "--initialization", "class-means", "--weight-decay", "0.01",
                "--json");
        assertEquals(0, mlp.exitCode(), mlp.err());
        Map<?, ?> chosen = (Map<?, ?>) mlp.json().get("chosen");
        assertEquals(4.0, chosen.get("hiddenUnits"));
        assertEquals(2.0, chosen.get("batchSize"));
        assertEquals("logistic", chosen.get("activation"));
        assertEquals("class-means", chosen.get("initialization"));
        assertEquals(0.01, chosen.get("weightDecay"));
        assertEquals(0.5, chosen.get("learningRate"));

        Run perceptron = run("classify", "--folds", "3", "--limit", "45", "--aligner", "fast",
                "--method", "perceptron", "--initialization", "zero", "--epochs", "2");
        assertEquals(0, perceptron.exitCode(), perceptron.err());
        assertTrue(perceptron.out().startsWith("margin perceptron, stratified 3-fold"),
                perceptron.out());
        assertTrue(perceptron.out().contains("setting     node weight 1, edge weight 1, margin"
                + " 0, learning rate 0.1, epochs 2"), perceptron.out());
    }

    @Test
    void classMedoidStartsWithZeroEpochsAreTheNearestMedoidClassifier() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--aligner", "exact", "--method", "glvq",
                "--prototypes", "1,2", "--epochs", "0,2", "--initialization", "class-medoids",
                "--seed", "3", "--threads", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(4, ((List<?>) json.get("candidates")).size());
        Map<?, ?> chosen = (Map<?, ?>) json.get("chosen");
        assertEquals("class-medoids", chosen.get("initialization"));
        // The two classes lie 5 apart on x: the nearest member of either class is right.
        assertEquals(1.0, json.get("accuracy"));

        Run lvq = run("classify", folder.toString(), "--aligner", "exact", "--method",
                "lvq1", "--epochs", "0", "--initialization", "random-members");
        assertEquals(0, lvq.exitCode(), lvq.err());
        assertTrue(lvq.out().contains("epochs 0"), lvq.out());
    }

    @Test
    void zeroEpochsAreFittedOnceWhateverTheLearningRates() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--aligner", "exact", "--method", "glvq",
                "--epochs", "0,2", "--learning-rate", "0.1,0.5", "--threads", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<?> candidates = (List<?>) r.json().get("candidates");
        List<String> fitted = new ArrayList<>();
        for (Object c : candidates) {
            Map<?, ?> setting = (Map<?, ?>) ((Map<?, ?>) c).get("setting");
            fitted.add(setting.get("epochs") + "@" + setting.get("learningRate"));
        }
        // Rate outer, epochs inner; the untrained model once, without a rate.
        assertEquals(List.of("0.0@null", "2.0@0.1", "2.0@0.5"), fitted);

        // The rate has no effect without training: alone at another rate, the same score.
        Run other = run("classify", folder.toString(), "--aligner", "exact", "--method",
                "glvq", "--epochs", "0,2", "--learning-rate", "0.5", "--threads", "1",
                "--json");
        assertEquals(0, other.exitCode(), other.err());
        assertEquals(((Map<?, ?>) candidates.get(0)).get("validationCorrect"),
                ((Map<?, ?>) ((List<?>) other.json().get("candidates")).get(0))
                        .get("validationCorrect"));

        Run text = run("classify", folder.toString(), "--aligner", "exact", "--method", "lvq1",
                "--epochs", "0,2", "--learning-rate", "0.1,0.5", "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("validation  3 combinations"), text.out());
        long untrained = text.out().lines().filter(l -> l.contains(" of 4)")
                && l.contains("epochs 0")).count();
        assertEquals(1, untrained, text.out());
        assertTrue(text.out().contains("prototypes 1, epochs 0 (untrained)  "), text.out());
        assertTrue(!text.out().contains("learning rate 0.1, epochs 0"), text.out());
    }

    // ---- Attribute scaling -----------------------------------------------------------------

    /** The x coordinates of the nodes of the tiny IAM graphs {@code from..to-1}. */
    private static List<Double> xs(int from, int to) {
        List<Double> result = new ArrayList<>();
        for (int g = from; g < to; g++) {
            boolean line = g % 2 == 0;
            for (int i = 0; i < (line ? 2 : 3); i++) {
                String written = String.format(Locale.ROOT, "%.3f",
                        (line ? 0.0 : 5.0) + 0.1 * g + i);
                result.add(Double.parseDouble(written));
            }
        }
        return result;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double populationSd(List<Double> values) {
        double m = mean(values);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - m) * (v - m)).average()
                .orElseThrow());
    }

    @Test
    void standardizationIsFittedOnTheTrainingSplitOnly() throws IOException {
        // A far-off test graph (x = 1000) and the validation split would both move a mean
        // taken over all graphs; the offset must be the training mean all the same.
        Path folder = iamFolder("<print file=\"far.gxl\" class=\"line\"/>");
        Files.writeString(folder.resolve("far.gxl"), "<?xml version=\"1.0\"?>\n<gxl><graph"
                + " id=\"far\" edgemode=\"undirected\"><node id=\"_0\"><attr name=\"x\">"
                + "<float>1000</float></attr></node></graph></gxl>\n", StandardCharsets.UTF_8);
        Run r = run("classify", folder.toString(), "--aligner", "exact", "--standardize",
                "--existence", "0.5,1", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> scaling = (Map<?, ?>) r.json().get("scaling");
        assertEquals(List.of("x", "exists"), scaling.get("nodeChannels"));
        assertEquals("train", scaling.get("fittedOn"));
        List<Double> train = xs(0, 8);
        List<?> offsets = (List<?>) scaling.get("nodeOffsets");
        List<?> factors = (List<?>) scaling.get("nodeFactors");
        assertEquals(mean(train), (Double) offsets.get(0), STATISTIC_TOLERANCE);
        assertEquals(1.0 / populationSd(train), (Double) factors.get(0), STATISTIC_TOLERANCE);
        List<Double> all = new ArrayList<>(xs(0, 16));
        all.add(1000.0);
        assertTrue(Math.abs(mean(all) - mean(train)) > 1.0, "the test would see leakage");
        // The existence channel is not centred; its factor is the chosen value.
        assertEquals(0.0, offsets.get(1));
        assertEquals(scaling.get("existence"), factors.get(1));
        assertEquals(((Map<?, ?>) r.json().get("chosen")).get("existence"),
                scaling.get("existence"));

        // Refitted on train+validation, the scaling is fitted on both, still not on test.
        Map<?, ?> both = (Map<?, ?>) run("classify", folder.toString(), "--aligner", "exact",
                "--standardize", "--refit", "train+validation", "--json").json().get("scaling");
        assertEquals("train+validation", both.get("fittedOn"));
        assertEquals(mean(xs(0, 12)), (Double) ((List<?>) both.get("nodeOffsets")).get(0),
                STATISTIC_TOLERANCE);
    }

    /** Writes a GXL path graph with one node per x coordinate, consecutive nodes joined. */
    private static void writePath(Path file, String id, double... xs) throws IOException {
        StringBuilder gxl = new StringBuilder("<?xml version=\"1.0\"?>\n<gxl><graph id=\"")
                .append(id).append("\" edgemode=\"undirected\">");
        for (int i = 0; i < xs.length; i++) {
            gxl.append(String.format(Locale.ROOT, "<node id=\"_%d\"><attr name=\"x\"><float>"
                    + "%.3f</float></attr></node>", i, xs[i]));
        }
        for (int i = 0; i + 1 < xs.length; i++) {
            gxl.append(String.format(Locale.ROOT, "<edge from=\"_%d\" to=\"_%d\"/>", i, i + 1));
        }
        Files.writeString(file, gxl.append("</graph></gxl>\n"), StandardCharsets.UTF_8);
    }

    @Test
    void foldsFitTheScalingOnEachFoldsTrainingPart() throws IOException {
        // Class A: one node near x = 0, and one outlier graph O of class A, one node at
        // x = 100; class B: two nodes near 0 and 4. Fitted without O (the fold that holds it
        // out), the standard deviation of x is small and O's node lies far from everything;
        // fitted with O, as a leaking fit would be, it is not.
        Path folder = Files.createDirectories(dir.resolve("outlier"));
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writePath(folder.resolve("a" + i + ".gxl"), "a" + i, 0.1 * i);
            writePath(folder.resolve("b" + i + ".gxl"), "b" + i, 0.1 * i, 4 + 0.1 * i);
            entries.add("<print file=\"a" + i + ".gxl\" class=\"A\"/>");
            entries.add("<print file=\"b" + i + ".gxl\" class=\"B\"/>");
        }
        writePath(folder.resolve("o.gxl"), "o", 100.0);
        entries.add("<print file=\"o.gxl\" class=\"A\"/>");
        Path cxl = folder.resolve("all.cxl");
        writeSplit(cxl, entries);
        Run r = run("classify", cxl.toString(), "--folds", "2", "--aligner", "exact",
                "--standardize", "--existence", "0.5", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("the training part of each fold",
                ((Map<?, ?>) r.json().get("scaling")).get("fittedOn"));

        // The same by hand: per fold, standardize on the other fold, 1-NN, predict the fold;
        // and, to show that the comparison can fail, with a scaling fitted on all graphs.
        Sample sample = Sample.load(cxl.toString(), null, null);
        List<Graph> graphs = sample.graphs();
        List<String> labels = sample.labels();
        GraphSpace space = GraphSpace.of(graphs);
        AttributeScaling onAll = scaling(sample, graphs, 0.5);
        String[] expected = new String[graphs.size()];
        String[] leaky = new String[graphs.size()];
        for (int[] fold : Evaluation.stratifiedFolds(labels, 2, AlignerOptions.DEFAULT_SEED)) {
            List<Integer> held = Arrays.stream(fold).boxed().toList();
            List<Graph> train = new ArrayList<>();
            List<String> trainLabels = new ArrayList<>();
            for (int g = 0; g < graphs.size(); g++) {
                if (!held.contains(g)) {
                    train.add(graphs.get(g));
                    trainLabels.add(labels.get(g));
                }
            }
            AttributeScaling honest = scaling(sample, train, 0.5);
            NearestNeighbors.Model model = new NearestNeighbors(Aligners.byName("exact",
                    AlignerOptions.DEFAULT_SEED), 1).fit(space, honest.applyAll(train),
                    trainLabels);
            NearestNeighbors.Model leakyModel = new NearestNeighbors(Aligners.byName("exact",
                    AlignerOptions.DEFAULT_SEED), 1).fit(space, onAll.applyAll(train),
                    trainLabels);
            for (int i : fold) {
                expected[i] = model.predict(honest.apply(graphs.get(i)));
                leaky[i] = leakyModel.predict(onAll.apply(graphs.get(i)));
            }
        }
        assertEquals("B", expected[8], "the outlier, scaled without itself");
        assertEquals("A", leaky[8], "the outlier, scaled with itself");
        List<?> predictions = (List<?>) r.json().get("predictions");
        for (int g = 0; g < expected.length; g++) {
            assertEquals(expected[g], ((Map<?, ?>) predictions.get(g)).get("predicted"),
                    "graph " + g);
        }
    }

    /** Standardizes x on the given graphs of the sample, with the existence value. */
    private static AttributeScaling scaling(Sample sample, List<Graph> graphs, double e) {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            names.add("g" + g);
        }
        return DatasetScaling.fit(new GraphDataset("part", graphs, List.of(), names,
                sample.nodeChannels(), sample.edgeChannels()), e, List.of());
    }

    @Test
    void existenceAloneKeepsTheCoordinatesAndOneChangesNothing() throws IOException {
        Path folder = iamFolder(null);
        Map<String, Object> plain = run("classify", folder.toString(), "--aligner", "exact",
                "--k", "1,3", "--json").json();
        Map<String, Object> one = run("classify", folder.toString(), "--aligner", "exact",
                "--k", "1,3", "--existence", "1", "--json").json();

        assertEquals(plain.get("predictions"), one.get("predictions"));
        for (int c = 0; c < 2; c++) {
            assertEquals(((Map<?, ?>) ((List<?>) plain.get("candidates")).get(c))
                    .get("validationCorrect"), ((Map<?, ?>) ((List<?>) one.get("candidates"))
                    .get(c)).get("validationCorrect"));
        }
        Map<?, ?> scaling = (Map<?, ?>) one.get("scaling");
        assertEquals(false, scaling.get("standardize"));
        assertEquals(List.of(0.0, 0.0), scaling.get("nodeOffsets"));
        assertEquals(List.of(1.0, 1.0), scaling.get("nodeFactors"));
        assertEquals(null, plain.get("scaling"));
    }

    @Test
    void aDroppedAttributeGetsFactorZeroAndIsShown() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--aligner", "exact", "--standardize",
                "--existence", "0.25", "--drop-node-attributes", "x");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("setting     existence 0.25, node weight 1, edge weight"
                + " 1, k 1"), r.out());
        assertTrue(r.out().contains("scaling     fitted on train only: x dropped, existence"
                + " 0.25"), r.out());
        // Without x the classes still differ in order (2 against 3 nodes) and edges.
        assertTrue(r.out().contains("test        accuracy 1.0000 (4 of 4)"), r.out());
    }

    @Test
    void aNodeKernelIsSearchedAndFittedOnTheTrainingSplitOnly() throws IOException {
        // The far-off test graph of the standardization test: the kernel's scaling must
        // still be centred on the training mean.
        Path folder = iamFolder("<print file=\"far.gxl\" class=\"line\"/>");
        Files.writeString(folder.resolve("far.gxl"), "<?xml version=\"1.0\"?>\n<gxl><graph"
                + " id=\"far\" edgemode=\"undirected\"><node id=\"_0\"><attr name=\"x\">"
                + "<float>1000</float></attr></node></graph></gxl>\n", StandardCharsets.UTF_8);
        Run r = run("classify", folder.toString(), "--aligner", "exact", "--standardize",
                "--existence", "0.5", "--node-kernel", "gaussian", "--bandwidth", "0.5,1",
                "--features", "16,32", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(4, ((List<?>) json.get("candidates")).size());
        Map<?, ?> scaling = (Map<?, ?>) json.get("scaling");
        assertEquals(mean(xs(0, 8)), (Double) ((List<?>) scaling.get("nodeOffsets")).get(0),
                STATISTIC_TOLERANCE);
        Map<?, ?> kernel = (Map<?, ?>) scaling.get("nodeKernel");
        Map<?, ?> chosen = (Map<?, ?>) json.get("chosen");
        assertEquals("gaussian", kernel.get("kind"));
        assertEquals("random", kernel.get("sampling"));
        assertEquals(chosen.get("bandwidth"), kernel.get("bandwidth"));
        assertEquals(chosen.get("features"), kernel.get("features"));

        // The same run again gives the same predictions (seeded frequencies); Halton runs too.
        assertEquals(json.get("predictions"), run("classify", folder.toString(), "--aligner",
                "exact", "--standardize", "--existence", "0.5", "--node-kernel", "gaussian",
                "--bandwidth", "0.5,1", "--features", "16,32", "--json").json()
                .get("predictions"));
        Run halton = run("classify", folder.toString(), "--aligner", "exact", "--standardize",
                "--node-kernel", "gaussian", "--kernel-sampling", "halton");
        assertEquals(0, halton.exitCode(), halton.err());
        assertTrue(halton.out().contains("then gaussian node kernel, bandwidth 1, 128 halton"
                + " features"), halton.out());
    }

    @Test
    void aLaplacianNodeKernelIsNamedAndSeeded() throws IOException {
        Path folder = iamFolder(null);
        String[] args = {"classify", folder.toString(), "--aligner", "exact", "--standardize",
            "--existence", "0.5", "--node-kernel", "Laplacian", "--bandwidth", "0.5,1",
            "--features", "16", "--json"};
        Run r = run(args);

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        Map<?, ?> kernel = (Map<?, ?>) ((Map<?, ?>) json.get("scaling")).get("nodeKernel");
        assertEquals("laplacian", kernel.get("kind"));
        assertEquals(((Map<?, ?>) json.get("chosen")).get("bandwidth"), kernel.get("bandwidth"));
        assertEquals(json.get("predictions"), run(args).json().get("predictions"));
        Run halton = run("classify", folder.toString(), "--aligner", "exact", "--standardize",
                "--node-kernel", "laplacian", "--kernel-sampling", "halton");
        assertEquals(0, halton.exitCode(), halton.err());
        assertTrue(halton.out().contains("then laplacian node kernel, bandwidth 1, 128 halton"
                + " features"), halton.out());
    }

    @Test
    void badKernelOptionsAreUsageErrors() throws IOException {
        Path folder = iamFolder(null);
        String[][] cases = {
            {"--bandwidth must be positive and finite, got 0", "--node-kernel", "gaussian",
                "--bandwidth", "1,0"},
            {"--features must be even and in 2..8192 (a cosine and a sine per frequency),"
                + " got 7", "--node-kernel", "gaussian", "--features", "7"},
            {"--features must be even and in 2..8192 (a cosine and a sine per frequency),"
                + " got 65536", "--node-kernel", "gaussian", "--features", "128,65536"},
            {"--bandwidth applies only with --node-kernel gaussian or laplacian", "--bandwidth",
                "1"},
            {"--kernel-sampling applies only with --node-kernel gaussian or laplacian",
                "--kernel-sampling", "halton"},
            {"--node-kernel must be gaussian or laplacian, got 'laplace'", "--node-kernel",
                "laplace"},
            {"--bandwidth must be positive and finite, got -1", "--node-kernel",
                "laplacian", "--bandwidth", "-1"},
            {"--kernel-sampling must be random or halton, got 'sobol'", "--node-kernel",
                "gaussian", "--kernel-sampling", "sobol"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("classify", folder.toString()));
            args.addAll(Arrays.asList(c).subList(1, c.length));
            Run r = run(args.toArray(new String[0]));
            assertEquals(CliException.USAGE, r.exitCode(), String.join(" ", args));
            assertEquals("orbifold: error: " + c[0] + "\n", r.err());
        }
    }

    // ---- Bad input -------------------------------------------------------------------------

    @Test
    void badScalingInputIsNamed() throws IOException {
        Path folder = iamFolder(null);
        Run negative = run("classify", folder.toString(), "--standardize", "--existence",
                "0.5,-0.25");
        assertEquals(CliException.USAGE, negative.exitCode(), negative.out());
        assertEquals("orbifold: error: --existence must be finite and >= 0, got -0.25\n",
                negative.err());

        Run unknown = run("classify", folder.toString(), "--standardize",
                "--drop-node-attributes", "x,chem");
        assertEquals(CliException.USAGE, unknown.exitCode(), unknown.out());
        assertEquals("orbifold: error: --drop-node-attributes: " + folder + " has no node"
                + " attribute 'chem'; its node attributes: x\n", unknown.err());

        Run letters = run("classify", "--folds", "3", "--drop-node-attributes", "z");
        assertEquals(CliException.USAGE, letters.exitCode(), letters.out());
        assertTrue(letters.err().contains("has no node attribute 'z'; its node attributes: x,"
                + " y"), letters.err());

        Run existence = run("classify", folder.toString(), "--drop-node-attributes",
                "exists");
        assertEquals(CliException.USAGE, existence.exitCode(), existence.out());
        assertTrue(existence.err().contains("'exists' is the node-existence channel; set it"
                + " with --existence"), existence.err());
    }

    @Test
    void badMaxLinearOptionsAreUsageErrors() throws IOException {
        Path folder = iamFolder(null);
        String[][] cases = {
            {"--margin applies only to --method perceptron", "--margin", "0.1"},
            {"--hidden-units applies only to --method mlp and template-mlp", "--method",
                "perceptron",
                "--hidden-units", "3"},
            {"--initialization applies only to --method lvq1, glvq, perceptron and mlp",
                "--method", "prototype", "--initialization", "zero"},
            {"--initialization of --method lvq1 must be class-means, random-members or"
                + " class-medoids, got 'zero'", "--method", "lvq1", "--initialization",
                "zero"},
            {"--epochs must be >= 1 for --method mlp, got 0 (0, which keeps the starting"
                + " prototypes, is for lvq1 and glvq)", "--method", "mlp", "--epochs", "0"},
            {"--prototypes 5 exceeds the 4 graphs of class 'line' in the training split",
                "--method", "glvq", "--prototypes", "5", "--initialization",
                "class-medoids"},
            {"--margin must be finite and >= 0, got -1", "--method", "perceptron",
                "--margin", "-1"},
            {"--activation must be tanh or logistic, got 'relu'", "--method", "mlp",
                "--activation", "relu"},
            {"--initialization of --method perceptron must be class-means or zero, got"
                + " 'random-members'", "--method", "perceptron", "--initialization",
                "random-members"},
            {"--batch-size must be >= 1, got 0", "--method", "mlp", "--batch-size", "0"},
            {"--hidden-units 10 gives class 'line' 5 units, each started at a different"
                + " member, but it has 4 graphs in the training split", "--method", "mlp",
                "--hidden-units", "2,10"},
            {"--hidden-units 12 gives class 'line' 6 units, one started at the class mean and"
                + " the other 5 each at a different member, but it has 4 graphs in the"
                + " training split", "--method", "mlp", "--hidden-units", "2,12",
                "--initialization", "class-means"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("classify", folder.toString(),
                    "--aligner", "exact"));
            args.addAll(Arrays.asList(c).subList(1, c.length));
            Run r = run(args.toArray(new String[0]));
            assertEquals(CliException.USAGE, r.exitCode(), c[0] + ": " + r.err());
            assertEquals(Main.ERROR_PREFIX + c[0] + "\n", r.err());
        }
    }

    /**
     * The predictions of a test split's graphs, in order, from {@code classify --json}; the
     * extra graphs given after them are left out.
     */
    private static List<Object> predictions(Run r, int count) {
        assertEquals(0, r.exitCode(), r.err());
        List<?> all = (List<?>) ((Map<?, ?>) JsonParser.parse(r.out())).get("predictions");
        List<Object> kept = new ArrayList<>();
        for (Object p : all.subList(0, count)) {
            kept.add(((Map<?, ?>) p).get("predicted"));
        }
        return kept;
    }

    @Test
    void aLargerTestGraphChangesNoOtherTestPrediction() throws IOException {
        // Graph 46 is the only letter of order 9; the training graphs (60..119) have at most 8
        // nodes. The default weight order follows them alone, so adding graph 46 to the test
        // split changes no other prediction. (On these graphs the old default, the order of
        // every graph read, happened to change none either; TrainingOrderTest shows the
        // models differ.)
        String[] testLines = new String[30];
        for (int i = 0; i < 30; i++) {
            testLines[i] = Integer.toString(i);
        }
        String[] trainLines = new String[60];
        for (int i = 0; i < 60; i++) {
            trainLines[i] = Integer.toString(60 + i);
        }
        Path train = list("train.txt", trainLines);
        Path test = list("test.txt", testLines);
        List<String> withLarge = new ArrayList<>(Arrays.asList(testLines));
        withLarge.add("46");
        Path larger = list("test-larger.txt", withLarge.toArray(new String[0]));
        for (String method : List.of("perceptron", "mlp", "template-mlp", "lvq1")) {
            String[] args = {"classify", LETTERS, "--train", train.toString(), "--method",
                method, "--epochs", "3", "--threads", "1", "--json", "--test"};
            List<String> plain = new ArrayList<>(Arrays.asList(args));
            plain.add(test.toString());
            List<String> extended = new ArrayList<>(Arrays.asList(args));
            extended.add(larger.toString());

            assertEquals(predictions(run(plain.toArray(new String[0])), 30),
                    predictions(run(extended.toArray(new String[0])), 30), method);
        }
    }

    // ---- Bad input (data and splits) -------------------------------------------------------

    @Test
    void foldsOfADataSetOfOneClassNameTheDataSet() throws IOException {
        Path folder = MainTest.copyLetters(dir, "ONE", "A", "graph_indicator",
                "node_attributes");
        long graphs = Files.readAllLines(Path.of("datasets", "letters",
                "LETTERS_graph_labels.txt")).size();
        Files.write(folder.resolve("ONE_graph_labels.txt"),
                java.util.Collections.nCopies((int) graphs, "1"));

        Run r = run("classify", folder.toString(), "--folds", "3");
        // A --limit above the graphs kept them all: the data set is named as without it.
        Run all = run("classify", folder.toString(), "--folds", "3", "--limit",
                String.valueOf(graphs + 1));

        // A data error, as a training split of one class is.
        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "classify needs two classes or more to learn from,"
                + " but " + folder + " has one: every one of its " + graphs + " graphs is of"
                + " class '1'\n", r.err());
        assertEquals(CliException.DATA, all.exitCode(), all.err());
        assertEquals(r.err(), all.err());
    }

    /**
     * With {@code --limit}, a single class among the graphs kept is said of those graphs,
     * not of the data set, which has more classes.
     */
    @Test
    void foldsOfOneClassAmongTheGraphsKeptByLimitNameTheLimit() throws IOException {
        Path folder = MainTest.copyLetters(dir, "TWO", "A", "graph_indicator",
                "node_attributes");
        int graphs = Files.readAllLines(Path.of("datasets", "letters",
                "LETTERS_graph_labels.txt")).size();
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < graphs; g++) {
            labels.add(g < 30 ? "6" : "1");
        }
        Files.write(folder.resolve("TWO_graph_labels.txt"), labels);

        Run r = run("classify", folder.toString(), "--folds", "2", "--limit", "30");
        Run whole = run("classify", folder.toString(), "--folds", "2", "--limit", "31");

        assertEquals(CliException.DATA, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "classify needs two classes or more to learn from,"
                + " but the 30 graphs of " + folder + " kept by --limit 30 have one: every"
                + " one is of class '6'\n", r.err());
        // One graph more holds the second class; then the folds' check speaks.
        assertEquals(CliException.USAGE, whole.exitCode(), whole.err());
        assertTrue(whole.err().contains("class '1' has 1 (of 31 graphs kept by --limit 31)"),
                whole.err());
    }

    @Test
    void aTestClassThatNoTrainingGraphHasIsNamed() throws IOException {
        Path folder = iamFolder("<print file=\"g16.gxl\" class=\"square\"/>");
        writeGraph(folder.resolve("g16.gxl"), "g16", true, 1.6);
        Run r = run("classify", folder.toString(), "--aligner", "exact");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals("orbifold: error: --test " + folder.resolve("test.cxl") + " entry 5: test"
                + " graph 'g16' has class 'square', which no training graph has; training"
                + " classes: line, tri\n", r.err());
    }

    /**
     * Class problems of split lists are data errors (exit status 1) that name the list: a
     * training split of one class names its file, and a test graph of a class that no
     * training graph has names the list's line.
     */
    @Test
    void classProblemsOfSplitListsAreDataErrorsNamingTheList() throws IOException {
        Path oneClass = list("one-class.txt", "0", "9");
        Path test = list("test.txt", "# letters A and F", "", "27", "29");
        Path mixed = list("mixed.txt", "0", "1", "9", "10");

        Run single = run("classify", LETTERS, "--train", oneClass.toString(), "--test",
                test.toString());
        Run unknown = run("classify", LETTERS, "--train", mixed.toString(), "--test",
                test.toString());

        assertEquals(CliException.DATA, single.exitCode(), single.out());
        assertEquals(Main.ERROR_PREFIX + "classify needs two classes or more to learn from;"
                + " every graph of the training split (--train " + oneClass + ") is of class"
                + " 'A'\n", single.err());
        assertEquals(CliException.DATA, unknown.exitCode(), unknown.out());
        assertEquals(Main.ERROR_PREFIX + "--test " + test + " line 4: test graph 'LETTERS#30'"
                + " has class 'F', which no training graph has; training classes: A, E\n",
                unknown.err());
    }

    /**
     * A copy of IAM Fingerprint in a folder of another name keeps its stored labels; an
     * unknown test class then comes with the hint that the four classes need a folder named
     * Fingerprint, when the graphs carry Fingerprint's attributes and the labels look like
     * its stored ones. Other data get no hint: labels of another form, or graphs without the
     * edge attributes.
     */
    @Test
    void anUnknownClassOfAFingerprintCopyHintsAtTheFolderName() throws IOException {
        String hint = "; these look like the stored labels of IAM Fingerprint, which classify"
                + " merges into the set's four classes only for split files in a folder named"
                + " Fingerprint (or in its data folder): rename the folder, or copy the files"
                + " into one so named\n";
        Path copy = fingerprintLike("fpcopy", true, "TA", "L", "WR");
        Path renamed = fingerprintLike("Fingerprint", true, "TA", "L", "WR");
        Path words = fingerprintLike("words", true, "arch", "loop", "whorl");
        Path letters = fingerprintLike("letters", false, "TA", "L", "WR");

        Run r = run("classify", copy.toString(), "--aligner", "exact");
        Run four = run("classify", renamed.toString(), "--aligner", "exact");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "--test " + copy.resolve("test.cxl") + " entry 1:"
                + " test graph 't0' has class 'WR', which no training graph has; training"
                + " classes: L, TA" + hint, r.err());
        // In a folder named Fingerprint, WR is W, and T is merged with A.
        assertEquals(CliException.DATA, four.exitCode(), four.out());
        assertEquals(Main.ERROR_PREFIX + "--test " + renamed.resolve("test.cxl") + " entry 1:"
                + " test graph 't0' has class 'W', which no training graph has; training"
                + " classes: A, L\n", four.err());
        for (Path other : List.of(words, letters)) {
            Run plain = run("classify", other.toString(), "--aligner", "exact");
            assertEquals(CliException.DATA, plain.exitCode(), plain.out());
            assertTrue(plain.err().endsWith("which no training graph has; training classes: "
                    + (other == words ? "arch, loop" : "L, TA") + "\n"), plain.err());
        }
    }

    /**
     * Writes an IAM folder of four training graphs (two of each of {@code first} and
     * {@code second}) and one test graph of class {@code unknown}, whose nodes carry x and y
     * and, when {@code ridges}, whose edge carries orient and angle, as Fingerprint's do.
     */
    private Path fingerprintLike(String name, boolean ridges, String first, String second,
            String unknown) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<String> train = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            String id = g < 4 ? "g" + g : "t0";
            StringBuilder gxl = new StringBuilder("<?xml version=\"1.0\"?>\n<gxl><graph id=\"")
                    .append(id).append("\" edgemode=\"undirected\">");
            for (int i = 0; i < 2; i++) {
                gxl.append(String.format(Locale.ROOT, "<node id=\"_%d\"><attr name=\"x\">"
                        + "<float>%d</float></attr><attr name=\"y\"><float>%d</float></attr>"
                        + "</node>", i, g + i, g));
            }
            gxl.append("<edge from=\"_0\" to=\"_1\">").append(ridges ? "<attr name=\"orient\">"
                    + "<float>0.5</float></attr><attr name=\"angle\"><float>0.52</float></attr>"
                    : "").append("</edge></graph></gxl>\n");
            Files.writeString(folder.resolve(id + ".gxl"), gxl, StandardCharsets.UTF_8);
            if (g < 4) {
                train.add("<print file=\"" + id + ".gxl\" class=\"" + (g % 2 == 0 ? first
                        : second) + "\"/>");
            }
        }
        writeSplit(folder.resolve("train.cxl"), train);
        writeSplit(folder.resolve("test.cxl"), List.of("<print file=\"t0.gxl\" class=\""
                + unknown + "\"/>"));
        return folder;
    }

    @Test
    void aMissingClassAttributeIsNamed() throws IOException {
        Path folder = iamFolder("<print file=\"g1.gxl\"/>");
        Run r = run("classify", folder.toString(), "--aligner", "exact");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().contains("class"), r.err());
        assertTrue(r.err().contains("test"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void theSearchsFitOnTrainPredictsTheTestSplitAsARefitWould() throws IOException {
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int g = 0; g < 225; g++) {
            int part = (g / 9) % 3;
            (part == 0 ? train : part == 1 ? validation : test).add(Integer.toString(g));
        }
        Path trainList = list("train.txt", train.toArray(String[]::new));
        Path validationList = list("validation.txt", validation.toArray(String[]::new));
        Path testList = list("test.txt", test.toArray(String[]::new));
        String[] common = {"classify", "--method", "glvq", "--prototypes", "2", "--epochs", "3",
            "--threads", "1", "--json", "--train", trainList.toString(), "--test",
            testList.toString()};

        Run searched = run(concat(common, "--valid", validationList.toString()));
        Run fitted = run(common);

        assertEquals(0, searched.exitCode(), searched.err());
        assertEquals(0, fitted.exitCode(), fitted.err());
        assertEquals(fitted.json().get("predictions"), searched.json().get("predictions"));
        assertTrue(searched.json().containsKey("candidates"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void theModelOrderIsReportedAndAWeightOrderAboveEveryGraphIsRefusedEarly() {
        Run capped = run("classify", "--folds", "3", "--threads", "1", "--method",
                "prototype", "--max-model-order", "3", "--json");
        Run tooLarge = run("classify", "--folds", "3", "--threads", "1", "--method",
                "perceptron", "--max-model-order", "100");

        assertEquals(0, capped.exitCode(), capped.err());
        assertTrue(capped.out().contains("\"chosen\":{\"nodeWeight\":1.0,\"edgeWeight\":1.0,"
                + "\"maxModelOrder\":3}"), capped.out());
        assertEquals(CliException.USAGE, tooLarge.exitCode());
        assertEquals(Main.ERROR_PREFIX + "--max-model-order 100 exceeds the largest graph"
                + " order, 9: the weight graphs of --method perceptron have exactly this"
                + " order\n",
                tooLarge.err());
    }

    // ---- The model order as a searched list --------------------------------------------

    /**
     * Split lists of the first 135 letters (15 of each class): graphs 5i, 5i + 1, 5i + 2
     * train (81), 5i + 3 validate (27), 5i + 4 test (27); returned as classify arguments.
     */
    private List<String> letterSplits() throws IOException {
        List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int g = 0; g < 135; g++) {
            parts.get(g % 5 < 3 ? 0 : g % 5 - 2).add(Integer.toString(g));
        }
        return List.of("--train", list("train.txt", parts.get(0).toArray(new String[0]))
                .toString(), "--valid", list("valid.txt", parts.get(1).toArray(new String[0]))
                .toString(), "--test", list("test.txt", parts.get(2).toArray(new String[0]))
                .toString(), "--aligner", "fast", "--threads", "1");
    }

    private static Run classify(List<String> splits, String... more) {
        List<String> args = new ArrayList<>(List.of("classify"));
        args.addAll(splits);
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    @Test
    void maxModelOrderListsAreSearchedOnValidationAndTheChosenOrderIsNamed()
            throws IOException {
        List<String> splits = letterSplits();
        Run r = classify(splits, "--method", "perceptron", "--max-model-order", "2,3,5,9",
                "--margin", "0,0.05", "--epochs", "2", "--selection", "one-standard-error",
                "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(81.0, json.get("trainGraphs"));
        assertEquals(27.0, json.get("validationGraphs"));
        assertTrue(json.get("tieRule").toString().contains("; ties to the smallest model order,"
                + " then the most correct, then the first listed"), json.toString());
        // One candidate per order and margin, the order outer: 2/0, 2/0.05, 3/0, ...
        List<?> candidates = (List<?>) json.get("candidates");
        assertEquals(8, candidates.size());
        int[] orders = {2, 3, 5, 9};
        double best = 0;
        for (int c = 0; c < 8; c++) {
            Map<?, ?> candidate = (Map<?, ?>) candidates.get(c);
            Map<?, ?> setting = (Map<?, ?>) candidate.get("setting");
            assertEquals((double) orders[c / 2], setting.get("maxModelOrder"), "candidate " + c);
            assertEquals(c % 2 == 0 ? 0.0 : 0.05, setting.get("margin"), "candidate " + c);
            assertEquals(9.0, candidate.get("modelSize"), "one weight graph per class");
            best = Math.max(best, (Double) candidate.get("validationCorrect"));
        }
        // The rule recomputed from the reported counts: every size is 9, so among the
        // counts within one standard error the smallest order wins, then the most correct,
        // then the first listed.
        double tolerance = Math.sqrt(best * (27 - best) / 27);
        int expected = -1;
        for (int c = 0; c < 8; c++) {
            Map<?, ?> candidate = (Map<?, ?>) candidates.get(c);
            double count = (Double) candidate.get("validationCorrect");
            if (count + tolerance < best) {
                continue;
            }
            if (expected < 0 || orders[c / 2] < orders[expected / 2]
                    || (orders[c / 2] == orders[expected / 2] && count > (Double)
                    ((Map<?, ?>) candidates.get(expected)).get("validationCorrect"))) {
                expected = c;
            }
        }
        assertEquals((double) expected, json.get("chosenIndex"));
        Map<?, ?> chosen = (Map<?, ?>) json.get("chosen");
        assertEquals((double) orders[expected / 2], chosen.get("maxModelOrder"));
        assertEquals(((Map<?, ?>) candidates.get(expected)).get("setting"), chosen);

        Run text = classify(splits, "--method", "perceptron", "--max-model-order", "2,3,5,9",
                "--margin", "0,0.05", "--epochs", "2", "--selection", "one-standard-error");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("validation  8 combinations"), text.out());
        assertTrue(text.out().contains("\nchosen      node weight 1, edge weight 1, margin "
                + (expected % 2 == 0 ? "0" : "0.05") + ", learning rate 0.1, epochs 2,"
                + " weight order " + orders[expected / 2] + "\n"), text.out());
    }

    @Test
    void equallyGoodModelsOfAsManyGraphsGoToTheSmallerOrder() throws IOException {
        // For the nearest class mean caps 9 (the largest letter order, no cut) and 8 get as
        // many validation graphs right, with models of as many graphs (the nine means).
        List<String> splits = letterSplits();
        Run oneSe = classify(splits, "--method", "prototype", "--max-model-order", "9,8",
                "--selection", "one-standard-error", "--json");
        Run mostCorrect = classify(splits, "--method", "prototype", "--max-model-order",
                "9,8", "--json");

        assertEquals(0, oneSe.exitCode(), oneSe.err());
        assertEquals(0, mostCorrect.exitCode(), mostCorrect.err());
        List<?> candidates = (List<?>) oneSe.json().get("candidates");
        Map<?, ?> first = (Map<?, ?>) candidates.get(0);
        Map<?, ?> second = (Map<?, ?>) candidates.get(1);
        assertEquals(first.get("validationCorrect"), second.get("validationCorrect"));
        assertEquals(first.get("modelSize"), second.get("modelSize"));
        assertEquals(1.0, oneSe.json().get("chosenIndex"));
        assertEquals(0.0, oneSe.json().get("mostCorrectIndex"));
        assertEquals(8.0, ((Map<?, ?>) oneSe.json().get("chosen")).get("maxModelOrder"));
        // The default rule keeps the first listed.
        assertEquals(9.0, ((Map<?, ?>) mostCorrect.json().get("chosen"))
                .get("maxModelOrder"));
        assertEquals("most correct wins; ties to the first listed",
                mostCorrect.json().get("tieRule"));
        // A single order leaves the rule's text as it was.
        Run single = classify(splits, "--method", "prototype", "--max-model-order", "9",
                "--edge-weight", "0.5,1", "--selection", "one-standard-error", "--json");
        assertEquals(0, single.exitCode(), single.err());
        assertTrue(single.json().get("tieRule").toString().endsWith("of the most correct;"
                + " ties to the most correct, then the first listed"),
                single.json().get("tieRule").toString());
    }

    @Test
    void everyWeightOrderOfAListIsCheckedAgainstTheLargestGraphOrder() throws IOException {
        List<String> splits = letterSplits();
        for (String method : List.of("perceptron", "mlp")) {
            Run r = classify(splits, "--method", method, "--max-model-order", "3, +12,20",
                    "--epochs", "1");
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals(Main.ERROR_PREFIX + "--max-model-order +12 exceeds the largest graph"
                    + " order, 9: the weight graphs of --method " + method + " have exactly"
                    + " this order\n", r.err());
        }
        // For the prototype methods the order is a cap, and a cap above every graph, which
        // could change nothing, is refused the same way.
        Run capped = classify(splits, "--method", "prototype", "--max-model-order", "3, +12",
                "--json");
        assertEquals(CliException.USAGE, capped.exitCode(), capped.err());
        assertEquals(Main.ERROR_PREFIX + "--max-model-order +12 exceeds the largest graph"
                + " order, 9: the prototypes of --method prototype have at most that order"
                + " anyway, so the cap would change nothing; leave the option out for no cap, or"
                + " give at most 9\n", capped.err());
    }

    @Test
    void aListOfOrdersWithFoldsIsRefusedLikeEveryOtherList() {
        Run r = run("classify", "--folds", "3", "--threads", "1", "--method", "prototype",
                "--max-model-order", "3,4");
        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "2 combinations of hyper-parameter values need a"
                + " validation split to choose from; with --folds give one value each\n",
                r.err());
    }

    @Test
    void helpSaysTheModelOrderTakesAListChosenOnValidation() {
        Run r = run("classify", "--help");
        assertEquals(0, r.exitCode(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--max-model-order=M[,M...]"), r.out());
        assertTrue(help.contains("One or a list (8,16,33), chosen on the validation split like"
                + " the other lists"), r.out());
        assertTrue(help.contains("then the smallest --max-model-order"), r.out());
    }

    @Test
    void sequencePairsAreRefusedOutsideIamProteinAndWithRawAttributes() {
        Run other = run("classify", "--folds", "3", "--sequence-pairs");
        Run both = run("classify", "--folds", "3", "--sequence-pairs",
                "--raw-attributes");

        assertEquals(CliException.USAGE, other.exitCode());
        assertEquals(Main.ERROR_PREFIX + "--sequence-pairs applies to the .cxl split files of"
                + " IAM Protein only\n", other.err());
        assertEquals(CliException.USAGE, both.exitCode());
        assertTrue(both.err().contains("--raw-attributes and --sequence-pairs exclude each"
                + " other"), both.err());
    }

    @Test
    void sequencePairsNeedSequencesInTheData() throws IOException {
        Path folder = iamFolder(null);

        Run r = run("classify", folder.toString(), "--sequence-pairs", "--threads", "1");

        assertEquals(CliException.USAGE, r.exitCode(), r.out());
        assertEquals(Main.ERROR_PREFIX + "--sequence-pairs reads the node attribute 'sequence'"
                + " of IAM Protein, which no graph of " + folder.resolve("train.cxl")
                + " has\n", r.err());
    }

    @Test
    void aDataSetWithoutClassesIsRejected() throws IOException {
        Path tu = Files.createDirectories(dir.resolve("TINY"));
        Files.writeString(tu.resolve("TINY_A.txt"), "1, 2\n2, 1\n3, 4\n4, 3\n");
        Files.writeString(tu.resolve("TINY_graph_indicator.txt"), "1\n1\n2\n2\n");
        Run r = run("classify", tu.toString(), "--folds", "2");

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().contains("has no class labels: " + tu.resolve("TINY_graph_labels.txt")
                + " is missing; classify needs the class of every graph"), r.err());
    }

    @Test
    void aSplitListNamingAMissingGraphIsNamedWithFileAndLine() throws IOException {
        Path train = list("train.txt", "0", "1", "LETTERS#900");
        Path test = list("test.txt", "30");
        Run r = run("classify", LETTERS, "--train", train.toString(), "--test",
                test.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().contains("--train " + train + " line 3: no graph named"
                + " 'LETTERS#900'"), r.err());
    }

    /** A graph's name with a file ending added is refused with the name it may mean. */
    @Test
    void aSplitListNamingAGraphWithAFileEndingIsToldTheName() throws IOException {
        Path train = list("train.txt", "0", "LETTERS#1.gxl");
        Path test = list("test.txt", "30");
        Run r = run("classify", LETTERS, "--train", train.toString(), "--test",
                test.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().endsWith("line 2: no graph named 'LETTERS#1.gxl' in the data set"
                + " (names run LETTERS#1 .. LETTERS#225; a line of digits is a 0-based index);"
                + " did you mean 'LETTERS#1'? Graphs are named without their file ending\n"),
                r.err());
        Path decimal = list("decimal.txt", "0", "LETTERS#1.5");
        Run d = run("classify", LETTERS, "--train", decimal.toString(), "--test",
                test.toString());
        assertTrue(d.err().endsWith("a line of digits is a 0-based index)\n"), d.err());
    }

    /**
     * Graphs named by digits (files 1.gml to 3.gml) are found by index, as a line of digits
     * reads: the hint for "1.gml" gives the index of the graph named 1, not the name.
     */
    @Test
    void aFileEndingAfterADigitNameIsToldTheIndex() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("digits"));
        for (int g = 1; g <= 4; g++) {
            Files.writeString(folder.resolve(g + ".gml"), "graph [ label \"" + (g % 2)
                    + "\" node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 ] ]\n");
        }
        Path train = list("digits-train.txt", "1.gml", "2");
        Path test = list("digits-test.txt", "3");
        Run r = run("classify", folder.toString(), "--train", train.toString(), "--test",
                test.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().endsWith("the graph named '1' is index 0: a name of digits reads"
                + " as an index, so give its index\n"), r.err());
    }

    /**
     * A split list is read as every text file of the readers: a UTF-8 byte-order mark at its
     * start is dropped (its first entry was refused as a name that starts with U+FEFF), and a
     * file in another encoding, such as UTF-16, is refused with its line and column.
     */
    @Test
    void aSplitListWithAByteOrderMarkIsReadAndAUtf16OneIsRefused() throws IOException {
        Path train = list("train.txt", "\uFEFF0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Path test = list("test.txt", "\uFEFFLETTERS#19", "19");
        Path wide = dir.resolve("wide.txt");
        Files.writeString(wide, "\uFEFF0\n1\n", StandardCharsets.UTF_16LE);

        Run r = run("classify", LETTERS, "--train", train.toString(), "--test",
                test.toString(), "--aligner", "exact", "--json");
        Run refused = run("classify", LETTERS, "--train", wide.toString(), "--test",
                test.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(10.0, r.json().get("trainGraphs"));
        assertEquals(2.0, r.json().get("testGraphs"));
        assertEquals(CliException.DATA, refused.exitCode(), refused.out());
        assertEquals(Main.ERROR_PREFIX + "--train " + wide + " line 1: is UTF-16LE text"
                + " (byte-order mark FF FE), not UTF-8; convert the file to UTF-8\n",
                refused.err());
    }

    @Test
    void anIndexOutOfRangeAndAGraphInTwoSplitsAreNamed() throws IOException {
        Path train = list("train.txt", "0", "1", "2");
        Path outside = list("outside.txt", "225");
        Run r = run("classify", LETTERS, "--train", train.toString(), "--test",
                outside.toString());
        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().contains("--test " + outside + " line 1: index 225 is out of range;"
                + " the data set has 225 graphs, indices 0..224"), r.err());

        Path overlap = list("overlap.txt", "# two test graphs", "30", "LETTERS#2");
        Run twice = run("classify", LETTERS, "--train", train.toString(), "--test",
                overlap.toString());
        assertEquals(CliException.DATA, twice.exitCode(), twice.out());
        assertTrue(twice.err().contains("--test " + overlap + " line 3: graph 1 ('LETTERS#2')"
                + " is listed again; first at --train " + train + " line 2"), twice.err());
    }

    @Test
    void morePrototypesThanTrainingGraphsOfAClassIsAUsageError() throws IOException {
        Path folder = iamFolder(null);
        Run r = run("classify", folder.toString(), "--method", "lvq1", "--prototypes", "2,5",
                "--aligner", "exact");
        assertEquals(CliException.USAGE, r.exitCode(), r.out());
        assertEquals("orbifold: error: --prototypes 5 exceeds the 4 graphs of class 'line' in"
                + " the training split\n", r.err());

        Run folds = run("classify", "--folds", "5", "--limit", "45", "--method", "glvq",
                "--prototypes", "5");
        assertEquals(CliException.USAGE, folds.exitCode(), folds.out());
        assertTrue(folds.err().contains("--prototypes 5 exceeds the 4 graphs of class 'A' in"
                + " the training folds of fold 1"), folds.err());
    }

    @Test
    void misusedOptionsAreUsageErrors() throws IOException {
        Path folder = iamFolder(null);
        Path train = list("train.txt", "0", "1", "30");
        Path test = list("test.txt", "2", "31");
        String[][] cases = {
            {"several values without a validation split", "classify", LETTERS, "--train",
                train.toString(), "--test", test.toString(), "--k", "1,3"},
            {"--k applies only to --method knn", "classify", folder.toString(), "--method",
                "prototype", "--k", "3"},
            {"--folds and split files", "classify", LETTERS, "--folds", "3", "--train",
                train.toString(), "--test", test.toString()},
            {"give --folds K, or split files", "classify", LETTERS},
            {"--method must be one of knn, prototype, lvq1, glvq, perceptron, mlp", "classify",
                "--folds", "3",
                "--method", "svm"},
            {"--class does not apply", "classify", "--folds", "3", "--class", "A"},
            {"--folds must be at least 2, got 1", "classify", "--folds", "1"},
            {"--folds must be between 2 and the number of graphs, 225, got 226", "classify",
                "--folds", "226"},
            {"--k 30 exceeds the 20 graphs", "classify", "--folds", "3", "--limit", "30",
                "--k", "30"},
            {"--refit must be train or train+validation", "classify", folder.toString(),
                "--refit", "all"},
            {"--selection must be most-correct or one-standard-error, got 'best'", "classify",
                folder.toString(), "--selection", "best"},
            {"--selection applies only to splits: with --folds there is one setting",
                "classify", "--folds", "3", "--selection", "one-standard-error"},
            {"--selection needs a validation split to choose on", "classify", LETTERS,
                "--train", train.toString(), "--test", test.toString(), "--selection",
                "one-standard-error"},
            {"split files need both --train and --test", "classify", LETTERS, "--train",
                train.toString()},
            {"is an IAM folder of splits: give one of its .cxl files", "classify",
                folder.toString(), "--folds", "2"},
            {"--refit applies only to splits: with --folds each fold is fitted on the other"
                + " folds", "classify", "--folds", "3", "--refit", "train+validation"},
            {"--epochs must be >= 1 for --method perceptron, got 0 (0, which keeps the"
                + " starting prototypes, is for lvq1 and glvq)", "classify", "--folds", "3",
                "--method",
                "perceptron", "--epochs", "0"},
            {"empty value in a list of values: --k 1,", "classify", "--folds", "3", "--k",
                "1,"},
            {"empty value in a list of values: --k ,", "classify", "--folds", "3", "--k",
                "3", "--k", ","},
            {"--k needs at least one value, got an empty list", "classify", "--folds", "3",
                "--k", ","},
            {"--edge-weight needs at least one value", "classify", "--folds", "3",
                "--edge-weight", ","},
            {"--learning-rate needs at least one value", "classify", "--folds", "3",
                "--method", "glvq", "--learning-rate", ","},
            {"--drop-node-attributes needs at least one value", "classify", "--folds", "3",
                "--drop-node-attributes", ","},
        };
        for (String[] c : cases) {
            String[] args = Arrays.copyOfRange(c, 1, c.length);
            Run r = run(args);
            assertEquals(CliException.USAGE, r.exitCode(), c[0] + ": " + r.err());
            assertTrue(r.err().startsWith(Main.ERROR_PREFIX), r.err());
            String expected = c[0].equals("several values without a validation split")
                    ? "2 combinations of hyper-parameter values need a validation split" : c[0];
            assertTrue(r.err().contains(expected), c[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }
}
