package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Temporary folders of the system's temporary folder that are removed when their work ends
 * ({@link #delete}) and, for those still there when the Java process ends, by a shutdown hook:
 * a process stopped by Ctrl-C (SIGINT) or {@code kill} (SIGTERM) leaves none of them behind.
 * Such as the folder into which {@link TuDatasetFetcher#readZip} extracts a zip.
 *
 * <p><b>Limitations.</b> A process killed without its shutdown hooks ({@code kill -9}, a
 * crash of the virtual machine, a power cut) leaves its folders behind. The hook deletes
 * while the work may still be writing into the folder; what is written after the deletion
 * passed by stays.
 */
final class ScratchFolders {

    /** The folders created and not yet deleted. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    /** Whether the shutdown hook is registered. */
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ScratchFolders() {
    }

    /**
     * Creates a new empty folder in the system's temporary folder, to be deleted by
     * {@link #delete}, or at the latest when the process ends.
     *
     * @param prefix the start of its name, such as {@code orbifold-tu-}
     * @return the folder
     * @throws IOException if it cannot be created
     */
    static Path create(String prefix) throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ScratchFolders::deleteAll,
                    "orbifold-scratch-cleanup"));
        }
        Path folder = Files.createTempDirectory(prefix);
        OPEN.add(folder);
        return folder;
    }

    /**
     * Deletes a folder that {@link #create} made, with its contents; the shutdown hook then
     * forgets it, also when the deletion fails.
     *
     * @param folder the folder
     * @throws IOException if it cannot be deleted
     */
    static void delete(Path folder) throws IOException {
        try {
            TuDatasetFetcher.deleteTree(folder);
        } finally {
            OPEN.remove(folder);
        }
    }

    /**
     * Returns whether a folder was created by {@link #create} and is not yet deleted; for the
     * tests.
     *
     * @param folder the folder
     * @return whether the shutdown hook would delete it
     */
    static boolean isOpen(Path folder) {
        return OPEN.contains(folder);
    }

    /** Deletes every folder still open, as far as it can; the shutdown hook. */
    private static void deleteAll() {
        for (Path folder : OPEN) {
            try {
                TuDatasetFetcher.deleteTree(folder);
            } catch (IOException e) {
                // Nothing is left to tell at shutdown; the folder stays.
                continue;
            }
            OPEN.remove(folder);
        }
    }
}
