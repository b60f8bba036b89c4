package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the readers of one graph per file ({@link GmlReaderTest},
 * {@link DotReaderTest}) share: a folder for their files, the test resources copied there,
 * and refusals compared by message.
 */
abstract class GraphFileReaderTesting {

    /** Tolerance of attribute values read back. */
    static final double TOL = 1e-12;

    @TempDir
    Path dir;

    /** Reads a file or a folder with the reader under test, with its default settings. */
    abstract GraphDataset read(Path path) throws IOException;

    /** The file ending of the format, with its dot, for a file to be refused. */
    abstract String ending();

    /** Writes a UTF-8 file of this name and text to the folder. */
    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Copies the test resource of this name, next to the test class, to the folder. */
    Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** Returns the message of the reader's refusal of a file. */
    String refused(Path file) {
        return assertThrows(DatasetFormatException.class, () -> read(file)).getMessage();
    }

    /** Asserts that a file of this text is refused with this message after its name. */
    void assertRefused(String text, String message) throws IOException {
        Path file = write("bad" + ending(), text);
        assertEquals(file + message, refused(file));
    }
}
