package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * The checks of {@code --out} in every command that has it: a named pipe, a folder, a link to
 * nothing and an input file are refused before any work and left as they were; a symbolic
 * link to a regular file is followed.
 */
class OutputTargetTest {

    private static final String OLD = "old content\n";

    @TempDir
    Path dir;

    private static Run run(String... args) {
        return MainTest.run(args);
    }

    /** Makes a named pipe with mkfifo; skips the test where there is none. */
    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this system: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                "mkfifo failed");
        assumeTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "no named pipe made");
        return fifo;
    }

    private static void assertRefused(int code, Run r, String phrase) {
        assertEquals(code, r.exitCode(), r.err());
        assertEquals("", r.out(), "nothing computed");
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(phrase), r.err());
    }

    private static void assertStillPipe(Path fifo) {
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo)
                && !Files.isDirectory(fifo), "the pipe is left as it was");
    }

    @Test
    void aNamedPipeIsRefusedByMeanMedianAndClassify() throws Exception {
        Path fifo = fifo("pipe");
        for (List<String> args : List.of(List.of("mean", "--limit", "3"),
                List.of("median", "--limit", "3"),
                List.of("classify", "--folds", "2", "--limit", "12"))) {
            String[] full = concat(args, "--out", fifo.toString());

            Run r = run(full);

            assertRefused(CliException.USAGE, r, "is not a regular file");
            assertStillPipe(fifo);
        }
    }

    @Test
    void aNamedPipeAmongTheClusterFilesIsRefused() throws Exception {
        Path fifo = fifo(ClusterCommand.RESULT);

        Run r = run("cluster", "-k", "2", "--limit", "6", "--out", dir.toString());

        assertRefused(CliException.USAGE, r, "is not a regular file");
        assertStillPipe(fifo);
        assertFalse(Files.exists(dir.resolve(ClusterCommand.ASSIGNMENTS)));
    }

    @Test
    void everyRefusalExitsAsABadCommandLineLikePicocliErrors() throws IOException {
        // The README: exit code 2 for a bad command line. Before, a folder exited 1 and a
        // file inside the data set 2.
        Path taken = Files.writeString(dir.resolve("taken"), "keep");
        int picocli = run("mean", "--bogus").exitCode();
        List<Run> refusals = List.of(
                run("mean", "--limit", "3", "--out", dir.toString()),
                run("mean", "--limit", "3", "--out", "datasets/letters/result.json"),
                run("mean", "--limit", "3", "--out", taken.resolve("no/such.json").toString()),
                run("classify", "--folds", "2", "--limit", "12", "--out", dir.toString()),
                run("classify", "--folds", "2", "--limit", "12", "--out", "datasets/letters"),
                run("cluster", "-k", "2", "--limit", "6", "--out", taken.toString()),
                run("cluster", "-k", "2", "--limit", "6", "--out", "datasets/letters/out"));

        assertEquals(CliException.USAGE, picocli);
        for (Run r : refusals) {
            assertRefused(picocli, r, "--out");
        }
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("result.json"));

        Run r = run("classify", "--folds", "2", "--limit", "12", "--out", folder.toString());

        assertRefused(CliException.USAGE, r, "is a folder");
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aSymbolicLinkIsFollowedAndItsFileReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), OLD);
        Path link = dir.resolve("link.json");
        try {
            Files.createSymbolicLink(link, real.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e.getMessage());
        }

        Run r = run("mean", "--limit", "3", "--json", "--out", link.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals(r.out(), Files.readString(real), "the file it names holds the JSON");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aLinkToNothingIsRefused() throws IOException {
        Path link = dir.resolve("dangling.json");
        try {
            Files.createSymbolicLink(link, dir.resolve("missing.json"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e.getMessage());
        }

        Run r = run("mean", "--limit", "3", "--out", link.toString());

        assertRefused(CliException.USAGE, r, "symbolic link to a missing file");
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(dir.resolve("missing.json")));
    }

    @Test
    void aSplitFileIsRefusedAsOut() throws IOException {
        Path train = Files.writeString(dir.resolve("train.txt"), "0\n1\n2\n3\n");
        Path test = Files.writeString(dir.resolve("test.txt"), "4\n5\n");

        for (Path target : List.of(train, test)) {
            Run r = run("classify", "datasets/letters", "--train", train.toString(), "--test",
                    test.toString(), "--out", target.toString());

            assertRefused(CliException.USAGE, r, "is an input file (");
        }
        assertEquals("0\n1\n2\n3\n", Files.readString(train));
        assertEquals("4\n5\n", Files.readString(test));
    }

    @Test
    void aLinkToASplitFileIsRefused() throws IOException {
        Path train = Files.writeString(dir.resolve("train.txt"), "0\n1\n");
        Path test = Files.writeString(dir.resolve("test.txt"), "4\n5\n");
        Path link = dir.resolve("out.json");
        try {
            Files.createSymbolicLink(link, train);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e.getMessage());
        }

        Run r = run("classify", "datasets/letters", "--train", train.toString(), "--test",
                test.toString(), "--out", link.toString());

        assertRefused(CliException.USAGE, r, "--train");
        assertEquals("0\n1\n", Files.readString(train));
    }

    @Test
    void aFileInsideTheDatasetFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("DATA"));
        Path inside = Files.writeString(folder.resolve("DATA_A.txt"), OLD);

        Run r = run("mean", folder.toString(), "--out", inside.toString());

        assertRefused(CliException.USAGE, r, "is a file inside DATASET");
        assertEquals(OLD, Files.readString(inside));
    }

    @Test
    void theDatasetFileItselfIsRefused() throws IOException {
        Path npy = Files.writeString(dir.resolve("graphs.npy"), OLD);

        Run m = run("median", npy.toString(), "--out", npy.toString());

        assertRefused(CliException.USAGE, m, "is an input file (DATASET: ");
        assertEquals(OLD, Files.readString(npy));
    }

    @Test
    void theClassLabelFileOfASmilesFileIsRefused() throws IOException {
        Path smiles = Files.writeString(dir.resolve("mols_data.smi"),
                "CCO ethanol\nc1ccccc1 benzene\nCC(=O)O acid\nCCN amine\n");
        String labels = "1\n0\n1\n0\n";
        Path target = Files.writeString(dir.resolve("mols_target.txt"), labels);

        Run r = run("classify", smiles.toString(), "--folds", "2", "--out",
                target.toString());

        assertRefused(CliException.USAGE, r, "is an input file (the class labels of DATASET ");
        assertEquals(labels, Files.readString(target));
    }

    @Test
    void aLoopOfSymbolicLinksIsNamed() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        try {
            Files.createSymbolicLink(a, b);
            Files.createSymbolicLink(b, a);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e.getMessage());
        }

        Run r = run("mean", "--out", a.toString());

        assertRefused(CliException.USAGE, r, "is a symbolic link to nothing that can be"
                + " followed");
    }

    @Test
    void aLoopOfLinksOnTheWayToTheFileIsNamedAsALoop() throws IOException {
        // A tester's finding: a loop among the folders of --out was called a link to nothing.
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path missing = dir.resolve("m");
        try {
            Files.createSymbolicLink(a, b);
            Files.createSymbolicLink(b, a);
            Files.createSymbolicLink(missing, dir.resolve("nowhere"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e.getMessage());
        }

        Run loop = run("mean", "--limit", "3", "--out", a.resolve("m.json").toString());
        Run dangling = run("mean", "--limit", "3", "--out", missing.resolve("m.json")
                .toString());

        assertRefused(CliException.USAGE, loop, a + " is a symbolic link to nothing that can"
                + " be followed (");
        assertRefused(CliException.USAGE, dangling, missing + " is a symbolic link to a"
                + " missing folder, so no folder can be created there");

        // cluster --out names a folder: the link itself, refused before the work too.
        Run clusterLoop = run("cluster", "-k", "2", "--limit", "6", "--out", a.toString());
        Run clusterDangling = run("cluster", "-k", "2", "--limit", "6", "--out",
                missing.toString());
        assertRefused(CliException.USAGE, clusterLoop, a + " is a symbolic link to nothing"
                + " that can be followed (");
        assertRefused(CliException.USAGE, clusterDangling, missing + " is a symbolic link to"
                + " a missing folder");
    }

    @Test
    void aNewFileBesideTheInputsIsAccepted() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path target = dir.resolve("fresh.json");
        List<OutputTarget.Input> inputs = OutputTarget.inputs("DATASET", data.toString());

        OutputTarget.requireNotInput(target, target, inputs);

        assertEquals(data, inputs.get(0).path());
        assertFalse(Files.exists(target));
    }

    @Test
    void aNewFileInsideTheDatasetFolderIsRefused() throws IOException {
        Path folder = MainTest.copyLetters(dir, "LETTERS", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path attributes = folder.resolve("LETTERS_edge_attributes.txt");

        Run r = run("mean", folder.toString(), "--out", attributes.toString());

        assertRefused(CliException.USAGE, r, "is a file inside DATASET");
        assertFalse(Files.exists(attributes), "no file the next load would read");
    }

    @Test
    void everyOutFileOptionCreatesMissingFoldersAsClusterOutDoes() throws IOException {
        // A tester found cluster --out creating its folder and mean --out, --svg refusing a
        // missing one; now each creates the folders it needs, after the work.
        Path meanJson = dir.resolve("a/b/m.json");
        Path svg = dir.resolve("c/d/centers.svg");
        Path pcaJson = dir.resolve("e/p.json");
        Path classified = dir.resolve("f/g/h/c.json");

        Run mean = run("mean", "--limit", "3", "--out", meanJson.toString());
        Run cluster = run("cluster", "-k", "2", "--limit", "6", "--threads", "1", "--svg",
                svg.toString());
        Run pca = run("pca", "--limit", "4", "--components", "1", "--out", pcaJson.toString());
        Run classify = run("classify", "--folds", "2", "--limit", "45", "--threads", "1",
                "--out", classified.toString());

        for (Run r : List.of(mean, cluster, pca, classify)) {
            assertEquals(0, r.exitCode(), r.err());
        }
        assertTrue(Files.readString(meanJson).startsWith("{\"command\":\"mean\""));
        assertTrue(Files.readString(svg).startsWith("<?xml"), "an SVG document");
        assertTrue(Files.readString(pcaJson).startsWith("{\"command\":\"pca\""));
        assertTrue(Files.readString(classified).startsWith("{"));
        assertTrue(mean.out().contains("file        " + meanJson), mean.out());
    }

    @Test
    void aMissingFolderUnderAFileIsRefusedBeforeTheWork() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), OLD);
        Path target = plain.resolve("sub/m.json");

        Run r = run("mean", "--limit", "3", "--out", target.toString());

        assertRefused(CliException.USAGE, r, plain + " is not a folder");
        assertEquals(OLD, Files.readString(plain), "the file is left as it was");
    }

    @Test
    void aMissingFolderIsCreatedOnlyWhenTheRunSucceeds() throws IOException {
        Path target = dir.resolve("new/sub/m.json");

        Run r = run("mean", "--limit", "3", "--max-iterations", "-1", "--out",
                target.toString());

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertFalse(Files.exists(dir.resolve("new")), "a refused run creates no folder");
    }

    @Test
    void aStepUpOutOfAMissingFolderIsRefusedBeforeTheWork() {
        // A tester's finding: x1/../x2/m.json passed the checks (cleaned up as text) and the
        // write after the work failed, leaving the folder x2 behind.
        Path file = dir.resolve("x1").resolve("..").resolve("x2").resolve("m.json");
        Path folder = dir.resolve("z1").resolve("..").resolve("z2");

        Run mean = run("mean", "--limit", "3", "--out", file.toString());
        Run svg = run("mean", "--limit", "3", "--svg", file.toString());
        Run cluster = run("cluster", "-k", "2", "--limit", "6", "--out", folder.toString());

        for (Run r : List.of(mean, svg, cluster)) {
            assertRefused(CliException.USAGE, r, "steps up (..) out of " + dir.resolve("x1")
                    .getParent());
            assertTrue(r.err().contains("which does not exist"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x2")) || Files.exists(dir.resolve("z2")),
                "nothing created");
    }

    @Test
    void aStepUpThroughALinkIsFollowedAsTheSystemFollowsIt() throws IOException {
        // A tester's finding: with LINK pointing into the data set, LINK/../new.json lies in
        // the data set (the system resolves LINK first), but the checks took it as new.json
        // beside LINK and wrote the file into the data set.
        Path folder = MainTest.copyLetters(dir, "LETTERS", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path inner = Files.createDirectory(folder.resolve("inner"));
        Path link = dir.resolve("out").resolve("lk");
        Files.createDirectory(link.getParent());
        try {
            Files.createSymbolicLink(link, inner);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e.getMessage());
        }

        Run file = run("mean", folder.toString(), "--limit", "3", "--out",
                link.resolve("..").resolve("new.json").toString());
        Run nested = run("mean", folder.toString(), "--limit", "3", "--out",
                link.resolve("..").resolve("nd").resolve("new.json").toString());

        assertRefused(CliException.USAGE, file, "is a file inside DATASET");
        assertRefused(CliException.USAGE, nested, "is a file inside DATASET");
        assertFalse(Files.exists(folder.resolve("new.json")) || Files.exists(
                folder.resolve("nd")), "nothing written into the data set");
    }

    @Test
    void aFolderWithItsOwnersWritePermissionOffIsRefusedEvenForRoot() throws IOException {
        // As a file of mode 444: root may write there, but the owner made the folder
        // read-only. Without POSIX permissions there is nothing to test.
        Path folder = Files.createDirectory(dir.resolve("ro"));
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions here: " + e.getMessage());
        }
        try {
            Run file = run("mean", "--limit", "3", "--out", folder.resolve("m.json")
                    .toString());
            Run deeper = run("mean", "--limit", "3", "--out", folder.resolve("sub")
                    .resolve("m.json").toString());
            Run cluster = run("cluster", "-k", "2", "--limit", "6", "--out",
                    folder.resolve("c").toString());

            for (Run r : List.of(file, deeper, cluster)) {
                assertRefused(CliException.USAGE, r, "folder " + folder + " is read-only"
                        + " (mode r-xr-xr-x)");
            }
            try (var listed = Files.list(folder)) {
                assertEquals(0, listed.count(), "nothing written into the folder");
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aNewFolderInsideTheDatasetFolderIsRefusedForAFile() throws IOException {
        Path folder = MainTest.copyLetters(dir, "LETTERS", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path deeper = folder.resolve("sub").resolve("m.json");

        Run r = run("mean", folder.toString(), "--limit", "3", "--out", deeper.toString());

        assertRefused(CliException.USAGE, r, "is a file inside DATASET");
        assertFalse(Files.exists(folder.resolve("sub")), "nothing created in the data set");
    }

    @Test
    void aNewClusterFolderInsideTheDatasetFolderIsRefused() throws IOException {
        Path folder = MainTest.copyLetters(dir, "LETTERS", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path deeper = folder.resolve("sub").resolve("deeper");

        Run r = run("cluster", folder.toString(), "--limit", "10", "--clusters", "2",
                "--out", deeper.toString());

        assertRefused(CliException.USAGE, r, "is a file inside DATASET");
        assertFalse(Files.exists(folder.resolve("sub")), "nothing created in the data set");
    }

    @Test
    void aGraphFileOutsideTheSplitFilesFolderIsRefused() throws IOException {
        Path splits = Files.createDirectory(dir.resolve("splits"));
        Path graphs = Files.createDirectory(dir.resolve("gx"));
        Path gxl = Files.writeString(graphs.resolve("g.gxl"), OLD);
        for (String split : List.of("train.cxl", "test.cxl")) {
            Files.writeString(splits.resolve(split), "<GraphCollection><fingerprints>"
                    + "<print file=\"../gx/g.gxl\" class=\"x\"/></fingerprints>"
                    + "</GraphCollection>");
        }

        Run fromFile = run("mean", splits.resolve("train.cxl").toString(), "--out",
                gxl.toString());
        Run fromFolder = run("classify", splits.toString(), "--out", gxl.toString());

        assertRefused(CliException.USAGE, fromFile, "is a file inside the folder of DATASET");
        assertRefused(CliException.USAGE, fromFolder, "is a file inside the folder of DATASET");
        assertEquals(OLD, Files.readString(gxl));
    }

    @Test
    void theDefaultDataFolderIsProtectedWhenNoDatasetIsGiven() throws IOException {
        Path inside = Sample.DEFAULT_FOLDER.resolve("orbifold-out-test.json");
        assumeTrue(Files.isDirectory(Sample.DEFAULT_FOLDER), "no default folder here");
        try {
            Run r = run("mean", "--out", inside.toString());

            assertRefused(CliException.USAGE, r, "is a file inside DATASET");
            assertFalse(Files.exists(inside));
        } finally {
            Files.deleteIfExists(inside);
        }
    }

    @Test
    void aClassLabelFileASmilesFileWouldReadIsRefusedBeforeItExists() throws IOException {
        Path smiles = Files.writeString(dir.resolve("mols_data.smi"),
                "CCO ethanol\nc1ccccc1 benzene\n");
        Path target = dir.resolve("mols_target.txt");

        Run r = run("mean", smiles.toString(), "--out", target.toString());

        assertRefused(CliException.USAGE, r, "is an input file (the class labels of DATASET ");
        assertFalse(Files.exists(target));
    }

    /** Returns the path a refusal suggests after "such as ", or null when it names none. */
    private static Path suggested(Run r) {
        String line = r.err().strip();
        int at = line.indexOf("such as ");
        return at < 0 ? null : Path.of(line.substring(at + "such as ".length()));
    }

    @Test
    void theDatasetFolderAsOutGetsNoSuggestionBesideIt() throws IOException {
        // Beside the data set lies the data set itself: no file there is suggested.
        Path folder = MainTest.copyLetters(dir, "DATA", "A", "graph_indicator",
                "graph_labels", "node_attributes");

        Run refused = run("mean", folder.toString(), "--limit", "3", "--out",
                folder.toString());

        assertRefused(CliException.USAGE, refused, "is a folder; a file in it would lie inside"
                + " DATASET (" + folder + "); give a file name outside it");
        assertNull(suggested(refused), refused.err());
    }

    @Test
    void aFolderInsideTheDatasetGetsNoSuggestion() throws IOException {
        Path folder = MainTest.copyLetters(dir, "DATA", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path deeper = Files.createDirectories(folder.resolve("sub").resolve("deeper"));

        Run r = run("classify", folder.toString(), "--folds", "2", "--out", deeper.toString());

        assertRefused(CliException.USAGE, r, "a file in it would lie inside DATASET");
        assertNull(suggested(r), r.err());
    }

    @Test
    void theGraphFolderOfASplitFileGetsNoSuggestion() throws IOException {
        Path splits = Files.createDirectory(dir.resolve("splits"));
        Path graphs = Files.createDirectory(dir.resolve("gx"));
        Files.writeString(graphs.resolve("g.gxl"), OLD);
        Path train = Files.writeString(splits.resolve("train.cxl"), "<GraphCollection>"
                + "<fingerprints><print file=\"../gx/g.gxl\" class=\"x\"/></fingerprints>"
                + "</GraphCollection>");

        Run r = run("mean", train.toString(), "--out", graphs.toString());

        assertRefused(CliException.USAGE, r, "a file in it would lie inside the folder of"
                + " DATASET");
        assertNull(suggested(r), r.err());
    }

    @Test
    void aFolderThatHoldsDataSetsGetsNoSuggestion() throws IOException {
        // The brief's case: data under x/setA, x also holds setB; and a folder holding a
        // molecule file, and one holding a TU data set's files.
        Path x = Files.createDirectory(dir.resolve("x"));
        Path setA = MainTest.copyLetters(x, "setA", "A", "graph_indicator", "graph_labels",
                "node_attributes");
        MainTest.copyLetters(x, "setB", "A", "graph_indicator", "graph_labels");
        Path molecules = Files.createDirectory(dir.resolve("molecules"));
        Files.writeString(molecules.resolve("other.smi"), "CCO ethanol\n");
        Path tuFiles = Files.createDirectory(dir.resolve("tu-files"));
        Files.writeString(tuFiles.resolve("OTHER_A.txt"), "1, 2\n");

        for (Path folder : List.of(x, molecules, tuFiles)) {
            Run r = run("mean", setA.toString(), "--limit", "3", "--out", folder.toString());

            assertRefused(CliException.USAGE, r, "is a folder; give a file name (none is"
                    + " suggested in a folder that holds data sets)");
            assertNull(suggested(r), r.err());
            assertFalse(Files.exists(folder.resolve("result.json")));
        }
    }

    @Test
    void aFolderWithoutDataGetsASuggestionThatIsAccepted() throws IOException {
        Path folder = MainTest.copyLetters(dir, "DATA", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path out = Files.createDirectory(dir.resolve("results"));
        Files.writeString(out.resolve("notes.txt"), "not data\n");
        Files.createDirectory(out.resolve("empty"));

        Run refused = run("mean", folder.toString(), "--limit", "3", "--out", out.toString());

        assertRefused(CliException.USAGE, refused, "is a folder; give a file name, such as ");
        Path suggestion = suggested(refused);
        assertEquals(out.toRealPath().resolve("result.json"), suggestion);
        Run accepted = run("mean", folder.toString(), "--limit", "3", "--json", "--out",
                suggestion.toString());
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertEquals(accepted.out(), Files.readString(suggestion));
    }

    @Test
    void noPathIsSuggestedWhenTheOnlyCandidateExists() throws IOException {
        Path folder = MainTest.copyLetters(dir, "DATA", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        Path existing = Files.writeString(dir.resolve("result.json"), OLD);

        Run r = run("median", folder.toString(), "--limit", "3", "--out", folder.toString());

        assertRefused(CliException.USAGE, r, "; give a file name outside it");
        assertNull(suggested(r), r.err());
        assertFalse(r.err().contains(folder.resolve("result.json").toString()), r.err());
        assertEquals(OLD, Files.readString(existing));
    }

    @Test
    void aFolderOfClusterOutputsHoldsNoData() throws IOException {
        Path runs = Files.createDirectory(dir.resolve("runs"));
        Path run1 = runs.resolve("run1");
        Run cluster = run("cluster", "-k", "2", "--limit", "6", "--threads", "1", "--out",
                run1.toString());
        assertEquals(0, cluster.exitCode(), cluster.err());

        // Its own result.json stands where a file would be suggested: none is, for that.
        Run inRun = run("mean", "--limit", "3", "--out", run1.toString());
        assertRefused(CliException.USAGE, inRun, "is a folder; give a file name");
        assertFalse(inRun.err().contains("holds data"), inRun.err());
        assertNull(suggested(inRun), inRun.err());

        // Above the run folders a file is suggested, and accepted.
        Run above = run("mean", "--limit", "3", "--out", runs.toString());
        Path suggestion = suggested(above);
        assertEquals(runs.toRealPath().resolve("result.json"), suggestion, above.err());
        assertEquals(0, run("mean", "--limit", "3", "--threads", "1", "--out",
                suggestion.toString()).exitCode());
        for (String name : List.of(ClusterCommand.ASSIGNMENTS, ClusterCommand.CENTERS,
                ClusterCommand.TRACE, ClusterCommand.RESULT)) {
            assertTrue(ClusterCommand.isOutput(run1.resolve(name)), name);
        }
    }

    @Test
    void aDataFileNamedAsAClusterOutputStillHoldsData() throws IOException {
        // A molecule table with cluster's file name, even with its header's first columns.
        Path folder = Files.createDirectory(dir.resolve("tables"));
        Path table = Files.writeString(folder.resolve(ClusterCommand.ASSIGNMENTS),
                "index,graph,class,cluster,smiles\n0,a,x,1,CCO\n");
        Path empty = Files.createDirectory(dir.resolve("empty-trace"));
        Files.writeString(empty.resolve(ClusterCommand.TRACE), "");

        assertFalse(ClusterCommand.isOutput(table));
        assertFalse(ClusterCommand.isOutput(empty.resolve(ClusterCommand.TRACE)));
        for (Path out : List.of(folder, empty)) {
            Run r = run("mean", "--limit", "3", "--out", out.toString());

            assertRefused(CliException.USAGE, r, "is a folder; give a file name (none is"
                    + " suggested in a folder that holds data sets)");
            assertNull(suggested(r), r.err());
        }
    }

    @Test
    void aFolderOutsideTheInputsIsSuggestedAFileInIt() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path out = Files.createDirectory(dir.resolve("out"));
        List<OutputTarget.Input> inputs = OutputTarget.inputs("DATASET", data.toString());

        assertEquals(out.resolve("result.json"), OutputTarget.suggestion(out, out, inputs));
    }

    @Test
    void aFolderAmongTheClusterFilesIsRefusedWithoutAFileName() throws IOException {
        Files.createDirectory(dir.resolve(ClusterCommand.RESULT));

        Run r = run("cluster", "-k", "2", "--limit", "6", "--out", dir.toString());

        assertRefused(CliException.USAGE, r, ClusterCommand.RESULT + " is a folder; give"
                + " another folder");
        assertFalse(r.err().contains("such as"), r.err());
        assertFalse(Files.exists(dir.resolve(ClusterCommand.ASSIGNMENTS)));
    }

    private static String[] concat(List<String> head, String... tail) {
        String[] all = new String[head.size() + tail.length];
        for (int i = 0; i < head.size(); i++) {
            all[i] = head.get(i);
        }
        System.arraycopy(tail, 0, all, head.size(), tail.length);
        return all;
    }

    /**
     * Another user's file whose owner may write it (root's 644 file, for a non-root user) is
     * not writable by this user, which its mode alone does not show; a file whose owner may
     * not write it is read-only, for anyone. Decided from the permissions, the owner and the
     * access check, so the first case is tested for root too.
     */
    @Test
    void anotherUsersWritableFileIsNotCalledReadOnly() {
        assertEquals("not writable by this user (owner root, mode rw-r--r--)",
                OutputTarget.readOnly(PosixFilePermissions.fromString("rw-r--r--"), "root",
                        false));
        assertEquals("read-only (mode r--r--r--)", OutputTarget.readOnly(
                PosixFilePermissions.fromString("r--r--r--"), "root", true));
        assertEquals("read-only (mode r--r--r--)", OutputTarget.readOnly(
                PosixFilePermissions.fromString("r--r--r--"), "someone", false));
        assertNull(OutputTarget.readOnly(PosixFilePermissions.fromString("rw-r--r--"), "root",
                true));
        assertEquals("not writable by this user", OutputTarget.readOnly(null, null, false));
        assertNull(OutputTarget.readOnly(null, null, true));
    }

    /**
     * In a sticky folder a file that another user owns cannot be renamed over, so a write
     * that replaces it would fail after the work however writable the file is (root's 666
     * file in {@code /tmp}, for user daemon); the refusal comes before, for anyone but root,
     * the file's owner and the folder's owner. Decided from the mode, the owners and the user
     * id, so it is tested without switching user.
     */
    @Test
    void anotherUsersFileInAStickyFolderIsRefusedBeforeTheWork() {
        int tmp = 040000 | 01777;
        assertEquals("sticky (mode rwxrwxrwt) and the file belongs to root: only its owner"
                + " may replace it", OutputTarget.stickyFolder(tmp, 0, 0, "root", 1));
        assertEquals("sticky (mode rwxrwx--T) and the file belongs to alice: only its owner"
                + " may replace it", OutputTarget.stickyFolder(01770, 0, 1000, "alice", 1001));
        assertNull(OutputTarget.stickyFolder(tmp, 0, 1, "daemon", 1), "the file's owner");
        assertNull(OutputTarget.stickyFolder(tmp, 1, 0, "root", 1), "the folder's owner");
        assertNull(OutputTarget.stickyFolder(tmp, 1000, 1000, "alice", 0), "root");
        assertNull(OutputTarget.stickyFolder(040777, 0, 0, "root", 1), "not sticky");
        assertEquals("rwxrwsr-x", OutputTarget.modeString(02775));
        assertEquals("rwSr--r--", OutputTarget.modeString(04644));
    }

    /** A file of this user's own in a folder of its own is never refused as sticky. */
    @Test
    void aFileOfThisUsersOwnIsNotRefusedAsSticky() throws IOException {
        Path file = Files.writeString(dir.resolve("own.json"), OLD);
        assertNull(OutputTarget.stickyFolder(file));
    }
}
