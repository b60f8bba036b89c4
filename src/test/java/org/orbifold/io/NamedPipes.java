package org.orbifold.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes named pipes for tests of files that are no regular files. */
final class NamedPipes {

    private NamedPipes() {
    }

    /**
     * Makes a named pipe with {@code mkfifo}; skips the test where there is none. Nothing
     * writes to the pipe, so a reader that opened it would block.
     */
    static Path make(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this system: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        assumeTrue(Files.exists(file) && !Files.isRegularFile(file), "no named pipe made");
        return file;
    }
}
