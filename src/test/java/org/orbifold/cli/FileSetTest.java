package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes sets of files whose writes or renames fail on purpose (a full disk cannot be
 * arranged in a test, so the steps are replaced) and checks what the folder holds afterwards
 * and what the message says.
 */
class FileSetTest {

    @TempDir
    Path dir;

    /** The names in the folder, sorted. */
    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** An earlier run's four cluster files, each holding "old NAME". */
    private List<Path> oldSet() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of(ClusterCommand.ASSIGNMENTS, ClusterCommand.CENTERS,
                ClusterCommand.TRACE, ClusterCommand.RESULT)) {
            files.add(Files.writeString(dir.resolve(name), "old " + name + "\n"));
        }
        return files;
    }

    private static List<FileSet.Entry> newSet(List<Path> files) {
        return files.stream().map(f -> new FileSet.Entry(f, "new " + f.getFileName()))
                .toList();
    }

    /**
     * Steps that fail after writing the temporary file of {@code badWrite}, or on the rename
     * to {@code badMove}, as a full disk would.
     */
    private static FileSet.Steps failing(Path badWrite, Path badMove) {
        return new FileSet.Steps() {
            @Override
            public void write(Path temporary, String text) throws IOException {
                FileSet.FILES.write(temporary, text);
                if (badWrite != null && temporary.getFileName().toString().startsWith("."
                        + badWrite.getFileName() + ".")) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void move(Path temporary, Path target) throws IOException {
                if (target.equals(badMove)) {
                    throw new IOException("No space left on device");
                }
                FileSet.FILES.move(temporary, target);
            }
        };
    }

    @Test
    void staleTemporariesOfTheSetsNamesAreRemovedAndOthersKept() throws IOException {
        List<Path> files = oldSet();
        long me = ProcessHandle.current().pid();
        // No Linux process has the number 2^31 - 1 (pid_max is at most 2^22).
        Path gone = Files.writeString(
                dir.resolve("." + ClusterCommand.CENTERS + ".2147483647.12345.tmp"), "x");
        Path reused = Files.writeString(
                dir.resolve("." + ClusterCommand.TRACE + "." + me + ".-77.tmp"), "x");
        Files.setLastModifiedTime(reused,
                FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        Path running = Files.writeString(
                dir.resolve("." + ClusterCommand.RESULT + "." + me + ".5.tmp"), "x");
        Path otherName = Files.writeString(dir.resolve(".notes.txt.2147483647.1.tmp"), "x");
        Path otherPattern = Files.writeString(dir.resolve(".centers.json.tmp"), "x");
        Path folderNotFile = Files.createDirectory(
                dir.resolve("." + ClusterCommand.ASSIGNMENTS + ".2147483647.9.tmp"));

        FileSet.write(newSet(files));

        Assumptions.assumeTrue(ProcessHandle.current().info().startInstant().isPresent(),
                "the start of this process is unknown here");
        assertFalse(Files.exists(gone), "the file of a process that no longer runs");
        assertFalse(Files.exists(reused), "a file older than the process of its number");
        assertTrue(Files.exists(running), "a running process's file may be in use");
        assertTrue(Files.exists(otherName) && Files.exists(otherPattern)
                && Files.isDirectory(folderNotFile), "not this set's temporaries");
        assertEquals(List.of(folderNotFile.getFileName().toString(),
                otherPattern.getFileName().toString(), otherName.getFileName().toString(),
                running.getFileName().toString(), ClusterCommand.ASSIGNMENTS,
                ClusterCommand.CENTERS, ClusterCommand.RESULT, ClusterCommand.TRACE)
                .stream().sorted().toList(), names());
        assertEquals("new " + ClusterCommand.CENTERS + "\n",
                Files.readString(dir.resolve(ClusterCommand.CENTERS)));
    }

    @Test
    void aSetIsWrittenWholeWithNoTemporaryFileLeft() throws IOException {
        List<Path> files = oldSet();

        FileSet.write(newSet(files));

        for (Path f : files) {
            assertEquals("new " + f.getFileName() + "\n", Files.readString(f));
        }
        assertEquals(List.of("assignments.csv", "centers.json", "result.json", "trace.csv"),
                names());
    }

    /**
     * A file whose name takes the file systems' 255 bytes is written through a temporary
     * file named by the name's first 200 bytes, cut between whole characters, and a killed
     * run's temporary file of that shape is removed.
     */
    @Test
    void aNameNearTheLimitIsWrittenAndItsStaleTemporaryRemoved() throws IOException {
        String name = "\u00e9".repeat(124) + "xy.json";
        assertEquals(OutputTarget.MAX_NAME_BYTES, name.getBytes(StandardCharsets.UTF_8).length);
        Path target = dir.resolve(name);
        String stem = FileSet.stem(target);
        assertEquals("\u00e9".repeat(100), stem);
        Path gone = Files.writeString(dir.resolve("." + stem + ".2147483647.3.tmp"), "x");

        FileSet.write(List.of(new FileSet.Entry(target, "new")));

        assertEquals("new\n", Files.readString(target));
        assertFalse(Files.exists(gone), "the file of a process that no longer runs");
        assertEquals(List.of(name), names());
        assertEquals("a.json", FileSet.stem(Path.of("a.json")));
        assertEquals("y".repeat(FileSet.STEM_BYTES),
                FileSet.stem(Path.of("y".repeat(FileSet.STEM_BYTES + 1))));
    }

    @Test
    void aFailedWriteReplacesNoneOfTheSetAndSaysSo() throws IOException {
        List<Path> files = oldSet();

        CliException e = assertThrows(CliException.class,
                () -> FileSet.write(newSet(files), failing(files.get(2), null)));

        for (Path f : files) {
            assertEquals("old " + f.getFileName() + "\n", Files.readString(f),
                    "every old file stays");
        }
        assertEquals(List.of("assignments.csv", "centers.json", "result.json", "trace.csv"),
                names(), "no temporary file is left");
        assertEquals(CliException.DATA, e.exitCode());
        assertEquals("cannot write " + files.get(2) + ": No space left on device; none of the"
                + " 4 files was replaced, so the folder holds the earlier files, if any,"
                + " unchanged", e.getMessage());
    }

    @Test
    void aFailedRenameNamesTheFilesAlreadyReplaced() throws IOException {
        List<Path> files = oldSet();

        CliException e = assertThrows(CliException.class,
                () -> FileSet.write(newSet(files), failing(null, files.get(2))));

        assertEquals("new assignments.csv\n", Files.readString(files.get(0)));
        assertEquals("new centers.json\n", Files.readString(files.get(1)));
        assertEquals("old trace.csv\n", Files.readString(files.get(2)));
        assertEquals("old result.json\n", Files.readString(files.get(3)),
                "the file that marks a complete run is renamed last");
        assertEquals(List.of("assignments.csv", "centers.json", "result.json", "trace.csv"),
                names(), "no temporary file is left");
        assertEquals("cannot write " + files.get(2) + ": No space left on device; "
                + files.get(0) + ", " + files.get(1) + " were already replaced by this run's,"
                + " the other files are unchanged", e.getMessage());
    }

    @Test
    void aFailedWriteOfOneFileKeepsTheOldMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("out.json"), "old\n");

        CliException e = assertThrows(CliException.class, () -> FileSet.write(
                List.of(new FileSet.Entry(file, "new")), failing(file, null)));

        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of("out.json"), names());
    }

    /** A full disk gives a plain IOException; its message is the reason shown. */
    @Test
    void theReasonOfAFullDiskIsTheSystemsMessage() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputStream out = Files.newOutputStream(full)) {
                out.write(new byte[1 << 16]);
                out.flush();
            }
        });

        assertEquals("No space left on device", CenterCommand.reason(e));
        assertEquals("IOException", CenterCommand.reason(new IOException()));
    }

    @Test
    void aFailedDrawingNamesTheJsonWrittenBeforeIt() throws IOException {
        Path json = Files.writeString(dir.resolve("result.json"), "{}\n");
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path svg = notAFolder.resolve("drawing.svg");

        CliException e = assertThrows(CliException.class,
                () -> SvgOutput.write(svg, "<svg/>", List.of(json)));

        assertEquals(CliException.DATA, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot write " + svg + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (the result was printed on standard output, and "
                + json + " was written)"), e.getMessage());
    }
}
