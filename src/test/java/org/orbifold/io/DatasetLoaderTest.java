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
                    + " is not read; expected a TU folder or .zip, an IAM .cxl split file, a"
                    + " .npy file, a GraphML, GML or DOT file or folder (.graphml, .gml, .dot,"
                    + " .gv) or a molecule file (.smi, .smiles, .can, .csv, .sdf, .sd, .mol)",
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
        assertTrue(e.getMessage().contains("unknown dataset type; expected a TU folder or .zip,"
                + " an IAM .cxl split file, a .npy file, a GraphML, GML or DOT file or folder"
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
    // ---- zips, compressed files and other encodings ---------------------------------------

    /** A zip of a TU data set reads as its folder does; the shared MUTAG zipped as published. */
    @Test
    void readsAZipOfATuDataSetAsItsFolder() throws IOException {
        Path mutag = TestDatasets.require("tu/MUTAG");
        Path zip = Files.write(dir.resolve("MUTAG.zip"), TuMockServer.zipFolder(mutag,
                "MUTAG/"));
        GraphDataset fromZip = DatasetLoader.load(zip);
        GraphDataset fromFolder = DatasetLoader.load(mutag);
        assertEquals("MUTAG", fromZip.name());
        assertEquals(fromFolder.graphs(), fromZip.graphs());
        assertEquals(fromFolder.classLabels(), fromZip.classLabels());
        assertEquals(fromFolder.nodeChannels(), fromZip.nodeChannels());
        assertTrue(fromZip.notes().contains("read from the zip MUTAG.zip (extracted into a"
                + " temporary folder, then removed)"), fromZip.notes().toString());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(zip), left.toList());
        }
    }

    @Test
    void aZipAtItsRootUnderAnotherNameIsReadAndItsErrorsNameTheEntry() throws IOException {
        Path zip = Files.write(dir.resolve("download (1).zip"), TuMockServer.zip(
                TuMockServer.tinyDataset("", "TINY")));
        GraphDataset d = DatasetLoader.load(zip);
        assertEquals("TINY", d.name());
        assertEquals(2, d.size());
        List<java.util.Map.Entry<String, byte[]>> broken = new java.util.ArrayList<>(
                TuMockServer.tinyDataset("TINY/", "TINY"));
        broken.add(java.util.Map.entry("TINY/TINY_node_labels.txt",
                TuMockServer.text("a\nb\n")));
        Path bad = Files.write(dir.resolve("TINY.zip"), TuMockServer.zip(broken));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load(bad));
        assertTrue(e.getMessage().startsWith(bad + ": in the zip: TINY/TINY_node_labels.txt,"
                + " line 3: file ends after 2 lines"), e.getMessage());
        Path none = Files.write(dir.resolve("none.zip"), TuMockServer.zip(List.of(
                java.util.Map.entry("g.graphml", TuMockServer.text("<graphml/>")))));
        assertTrue(assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(none))
                .getMessage().contains("a zip holding no TU data set"));
    }

    @Test
    void aCompressedFileIsRefusedWithTheAdviceToUnpackIt() throws IOException {
        byte[] gzip;
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write("<graphml/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        gzip = bytes.toByteArray();
        Path byEnding = Files.write(dir.resolve("x.graphml.gz"), gzip);
        assertEquals(byEnding + ": gzip-compressed (the ending .gz); unpack it first (gunzip"
                + " x.graphml.gz gives x.graphml) and give what it holds",
                assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(byEnding))
                        .getMessage());
        Path byBytes = Files.write(dir.resolve("x.data"), gzip);
        assertEquals(byBytes + ": is gzip-compressed, of no kind this loader reads; unpack it"
                + " first and give what it holds", assertThrows(DatasetFormatException.class,
                        () -> DatasetLoader.load(byBytes)).getMessage());
        // Compressed bytes under a reader's own ending: refused by the reader, not as UTF-8.
        Path inGraphMl = Files.write(dir.resolve("y.graphml"), gzip);
        assertEquals(inGraphMl + ", line 1: is gzip-compressed (first bytes 1F 8B), not text;"
                + " decompress it first and give the file it holds",
                assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(inGraphMl))
                        .getMessage());
        Files.delete(byEnding);
        Files.delete(byBytes);
        Files.delete(inGraphMl);
        // A TU folder whose files are compressed says so.
        Path folder = Files.createDirectory(dir.resolve("T"));
        Files.write(folder.resolve("T_A.txt.gz"), gzip);
        Files.write(folder.resolve("distortion.xml.gz"), gzip);
        assertTrue(assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(folder))
                .getMessage().endsWith("unpack the compressed files first (T_A.txt.gz found"
                        + " here)"));
    }

    @Test
    void aUtf16FileIsNamedAsSuch() throws IOException {
        Files.writeString(dir.resolve("X_A.txt"), "1, 2\n2, 1\n");
        Files.write(dir.resolve("X_graph_indicator.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE,
            '1', 0, '\n', 0, '1', 0, '\n', 0});
        assertEquals(dir.resolve("X_graph_indicator.txt") + ", line 1: is UTF-16LE text (byte-order"
                + " mark FF FE), not UTF-8; convert the file to UTF-8",
                assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir))
                        .getMessage());
        Files.write(dir.resolve("X_graph_indicator.txt"), new byte[] {(byte) 0xFE, (byte) 0xFF,
            0, '1', 0, '\n', 0, '1', 0, '\n'});
        assertTrue(assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir))
                .getMessage().contains("is UTF-16BE text (byte-order mark FE FF)"));
        Files.write(dir.resolve("X_graph_indicator.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE,
            0, 0, '1', 0, 0, 0});
        assertTrue(assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir))
                .getMessage().contains("is UTF-32LE text (byte-order mark FF FE 00 00)"));
    }

    @Test
    void compressionIsToldByTheFirstBytesOnly() {
        assertEquals("gzip-compressed", TextFiles.compression(new byte[] {0x1F, (byte) 0x8B}));
        assertEquals("a zip archive", TextFiles.compression(new byte[] {'P', 'K', 3, 4}));
        assertEquals("bzip2-compressed", TextFiles.compression(new byte[] {'B', 'Z', 'h', '9'}));
        assertEquals("an xz-compressed file", TextFiles.compression(new byte[] {(byte) 0xFD,
            '7', 'z', 'X', 'Z', 0}));
        assertEquals("Zstandard-compressed", TextFiles.compression(new byte[] {0x28,
            (byte) 0xB5, 0x2F, (byte) 0xFD}));
        // Text that starts like some of them is text.
        assertEquals(null, TextFiles.compression("PK, 1".getBytes()));
        assertEquals(null, TextFiles.compression("BZh".getBytes()));
        assertEquals(null, TextFiles.compression(new byte[] {0x1F}));
    }
}
