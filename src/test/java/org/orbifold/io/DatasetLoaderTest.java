package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void dispatchesByKind() throws IOException {
        assertEquals("MUTAG", DatasetLoader.load(TestDatasets.require("tu/MUTAG")).name());
        assertEquals("LOW/test", DatasetLoader.load(
                TestDatasets.require("iam/Letter/LOW/test.cxl")).name());
        assertEquals(26, DatasetLoader.load(
                TestDatasets.require("geomstats/mammals_grooming.npy")).size());
    }

    /**
     * A named pipe is refused as no regular file, without opening it (which would wait for a
     * writer); before, a {@code .npy} pipe was reported as missing and a molecule file pipe
     * blocked.
     */
    @Test
    void aNamedPipeIsRefusedAsNoRegularFileWithoutBlocking() throws Exception {
        for (String name : List.of("ff.npy", "ff.smi", "ff.cxl", "ff.sdf", "ff.graphml",
                "ff")) {
            Path pipe = dir.resolve(name);
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
            Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe),
                    "mkfifo is not available");
            DatasetFormatException e = Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> assertThrows(DatasetFormatException.class,
                            () -> DatasetLoader.load(pipe)));
            assertEquals(pipe + ": not a regular file (such as a named pipe or a device), so it"
                    + " is not read; expected a TU folder, an IAM .cxl split file, a .npy file,"
                    + " a GraphML, GML or DOT file or folder (.graphml, .gml, .dot, .gv) or a"
                    + " molecule file (.smi, .smiles, .can, .csv, .sdf, .sd, .mol)",
                    e.getMessage());
        }
        Path pipe = dir.resolve("ff.npy");
        assertEquals(pipe + ": not a regular file (such as a named pipe or a device), so it is"
                + " not read; expected a .npy file", assertThrows(DatasetFormatException.class,
                        () -> NpyReader.readArray(pipe)).getMessage());
        assertEquals(dir + ": a folder, not a regular file; expected a .npy file",
                assertThrows(DatasetFormatException.class, () -> NpyReader.readArray(dir))
                        .getMessage());
    }

    @Test
    void readsSyntheticFilesOfEachKind() throws IOException {
        Files.writeString(dir.resolve("X_A.txt"), "1, 2\n2, 1\n");
        Files.writeString(dir.resolve("X_graph_indicator.txt"), "1\n1\n");
        assertEquals("X", DatasetLoader.load(dir).name());
        Files.writeString(dir.resolve("g.gxl"), "<gxl><graph id=\"g\" edgemode=\"undirected\">"
                + "<node id=\"a\"/></graph></gxl>");
        Files.writeString(dir.resolve("S.CXL"), "<c><print file=\"g.gxl\" class=\"k\"/></c>");
        assertEquals(1, DatasetLoader.load(dir.resolve("S.CXL")).size());
    }

    @Test
    void rejectsAMissingPathInOneLine() {
        Path missing = dir.resolve("nothing-here");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(missing));
        assertEquals("no such file or folder: " + missing, e.getMessage());
    }

    @Test
    void rejectsAnUnknownKindInOneLine() throws IOException {
        Path dat = dir.resolve("graphs.dat");
        Files.writeString(dat, "1,2\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(dat));
        assertTrue(e.getMessage().contains("graphs.dat"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown dataset type; expected a TU folder, an IAM"
                + " .cxl split file, a .npy file, a GraphML, GML or DOT file or folder"
                + " (.graphml, .gml, .dot, .gv) or a molecule file"), e.getMessage());
        // Every ending the molecule reader accepts is listed; .smiles, .sd and .mol were not.
        assertTrue(e.getMessage().endsWith("molecule file (.smi, .smiles, .can, .csv, .sdf, .sd,"
                + " .mol)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void pointsFromATuFileToItsFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("MUTAG"));
        for (String file : new String[] {"MUTAG_A.txt", "MUTAG_graph_indicator.txt"}) {
            Path tuFile = Files.writeString(folder.resolve(file), "1, 2\n");
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> DatasetLoader.load(tuFile));
            assertTrue(e.getMessage().contains("unknown dataset type"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(for a TU data set, give its folder: " + folder
                    + ")"), e.getMessage());
        }
    }

    @Test
    void rejectsAFolderThatIsNoTuDataset() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(dir));
        assertTrue(e.getMessage().contains("no TU dataset here: expected " + dir.getFileName()
                + "_A.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing here is a data set this loader reads"),
                e.getMessage());
    }

    @Test
    void aFolderWithoutTuDatasetListsWhatItHoldsThatTheLoaderReads() throws IOException {
        for (String name : List.of("train.cxl", "test.cxl", "a.can", "b.npy", "bur26a.dat",
                "notes.txt")) {
            Files.writeString(dir.resolve(name), "");
        }
        Path tu = Files.createDirectories(dir.resolve("MUTAG"));
        Files.writeString(tu.resolve("MUTAG_A.txt"), "1, 2\n");

        String message = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(dir)).getMessage();

        assertTrue(message.startsWith(dir + ": no TU dataset here: expected "
                + dir.getFileName() + "_A.txt and " + dir.getFileName()
                + "_graph_indicator.txt (TU format); "), message);
        assertTrue(message.contains("for IAM data give a .cxl file (test.cxl, train.cxl found"
                + " here)"), message);
        assertTrue(message.contains("give a molecule file (a.can found here)"), message);
        assertTrue(message.contains("give a .npy file (b.npy found here)"), message);
        assertTrue(message.contains("give a TU data set folder (MUTAG found here)"), message);
        assertTrue(message.contains("the .dat files here (bur26a.dat) look like QAPLIB"),
                message);
        assertFalse(message.contains("notes.txt"), message);
        assertFalse(message.contains("DS_"), message);
    }

    @Test
    void aNamedPipeIsNotSuggestedAsAFileToGive() throws Exception {
        Files.writeString(dir.resolve("train.cxl"), "");
        NamedPipes.make(dir.resolve("pipe.cxl"));
        NamedPipes.make(dir.resolve("pipe.smi"));

        String message = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(dir)).getMessage();

        assertTrue(message.contains("for IAM data give a .cxl file (train.cxl found here)"),
                message);
        assertFalse(message.contains("pipe"), message);
    }

    @Test
    void companionsAreTheFilesReadOrLookedForBesideTheGivenPath() throws IOException {
        Path smiles = Files.writeString(dir.resolve("mols_data.smi"), "CCO\nCCN\n");
        Path csv = Files.writeString(dir.resolve("mols.csv"), "smiles,label\nCCO,1\n");

        assertEquals(List.of(dir.resolve("mols_target.txt").toAbsolutePath(),
                dir.resolve("mols_data_target.txt").toAbsolutePath()),
                DatasetLoader.companions(smiles), "existing or not, in the order looked for");
        assertEquals(List.of(), DatasetLoader.companions(csv), "labels are inside a CSV");
        assertEquals(List.of(), DatasetLoader.companions(dir), "a TU folder reads itself");
    }

    @Test
    void companionsOfASplitFileAreTheFoldersOfItsGraphs() throws IOException {
        Path splits = Files.createDirectory(dir.resolve("splits"));
        Path cxl = Files.writeString(splits.resolve("train.cxl"), "<GraphCollection><fingerprints>"
                + "<print file=\"a.gxl\" class=\"x\"/><print file=\"../gx/b.gxl\" class=\"y\"/>"
                + "<print file=\"../gx/c.gxl\" class=\"y\"/></fingerprints></GraphCollection>");

        assertEquals(List.of(splits.toAbsolutePath(), dir.resolve("gx").toAbsolutePath()),
                DatasetLoader.companions(cxl));
        assertEquals(List.of(splits.toAbsolutePath()),
                DatasetLoader.companions(splits.resolve("missing.cxl")),
                "an unreadable split file protects its own folder; loading reports it");
    }

    @Test
    void holdsDataSeesDatasetFilesAndDatasetFoldersOneLevelDeep() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path notes = Files.createDirectory(dir.resolve("notes"));
        Files.writeString(notes.resolve("readme.txt"), "x");
        Files.createDirectory(notes.resolve("drafts"));
        Path tu = Files.createDirectory(dir.resolve("tu"));
        Files.writeString(tu.resolve("SET_graph_indicator.txt"), "1");
        Path parentOfIam = Files.createDirectory(dir.resolve("above-iam"));
        Path iam = Files.createDirectory(parentOfIam.resolve("Letter"));
        Files.writeString(iam.resolve("AP1_0000.GXL"), "<gxl/>");
        Path deep = Files.createDirectories(dir.resolve("deep").resolve("a").resolve("b"));
        Files.writeString(deep.resolve("stack.npy"), "x");

        assertFalse(DatasetLoader.holdsData(empty));
        assertFalse(DatasetLoader.holdsData(notes), "no file the loader reads");
        assertTrue(DatasetLoader.holdsData(tu), "a TU file");
        assertTrue(DatasetLoader.holdsData(parentOfIam), "a folder of IAM graphs");
        assertTrue(DatasetLoader.holdsData(iam));
        assertFalse(DatasetLoader.holdsData(dir.resolve("deep")), "two levels down: unseen");
        assertFalse(DatasetLoader.holdsData(tu.resolve("SET_graph_indicator.txt")),
                "a file is no folder");
        for (String name : List.of("m.smi", "m.SDF", "s.cxl", "X_A.txt", "x.npy", "g.gxl")) {
            assertTrue(DatasetLoader.isDatasetFile(Path.of(name)), name);
        }
        assertFalse(DatasetLoader.isDatasetFile(Path.of("A.txt")));
    }

    @Test
    void filesKnownToBeNoDataDoNotCountInTheFolderOrASubfolder() throws IOException {
        Path outputs = Files.createDirectory(dir.resolve("outputs"));
        Files.writeString(outputs.resolve("known.csv"), "x");
        Path runs = Files.createDirectory(dir.resolve("runs"));
        Files.writeString(Files.createDirectory(runs.resolve("run1")).resolve("known.csv"), "x");
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        Files.writeString(mixed.resolve("known.csv"), "x");
        Files.writeString(mixed.resolve("other.csv"), "smiles\nCCO\n");
        Predicate<Path> known = file -> file.getFileName().toString().equals("known.csv");

        assertTrue(DatasetLoader.holdsData(outputs), "a .csv counts without the predicate");
        assertFalse(DatasetLoader.holdsData(outputs, known));
        assertTrue(DatasetLoader.holdsData(runs));
        assertFalse(DatasetLoader.holdsData(runs, known), "a subfolder of known files");
        assertTrue(DatasetLoader.holdsData(mixed, known), "another data file still counts");
    }
}
