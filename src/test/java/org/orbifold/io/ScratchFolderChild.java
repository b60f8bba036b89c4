package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of a test of {@link TuDatasetFetcherTest}, which interrupts it: opens a
 * scratch folder as {@link TuDatasetFetcher#readZip} does, writes a file into it, prints the
 * folder's path and waits to be stopped.
 */
public final class ScratchFolderChild {

    private ScratchFolderChild() {
    }

    /**
     * Runs the child.
     *
     * @param args none
     * @throws IOException if the folder cannot be made
     * @throws InterruptedException never, in practice: the process is stopped by a signal
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = ScratchFolders.create("orbifold-tu-");
        Files.writeString(folder.resolve("TINY_A.txt"), "1, 2\n2, 1\n");
        System.out.println(folder.toAbsolutePath());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
