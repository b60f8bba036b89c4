package org.orbifold.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one output file, or a set of them that belong together (the four files of
 * {@code cluster --out DIR}), replacing each by a rename so that no reader sees a file half
 * written. A set is replaced as a unit as far as the file system allows: every file is first
 * written to a temporary file next to its target ({@code .NAME.PID.NANOS.tmp}, with a NAME
 * longer than {@value #STEM_BYTES} bytes cut to its beginning, {@link #stem}), and only when
 * all of them are written are they renamed over their targets, in the given order (the
 * caller puts the file that says the run is complete last). A failure while writing (a full
 * disk) deletes the temporary files and leaves every old file as it was; the message says
 * that none was replaced. A target's folder that does not exist is created first, with its
 * missing parents (the commands' checks before the work accept such a folder when its
 * nearest existing ancestor takes new files). A symbolic link is followed and the file it
 * names replaced; a replaced file keeps its POSIX permissions, and its owner and group where
 * the writing user may set them ({@link #keepPermissions}).
 *
 * <p><b>Limitations.</b> The renames of a set are several system calls, not one: a rename
 * that fails after others succeeded (rare, as the temporary files lie in the targets'
 * folders) leaves the files already renamed replaced, which the message names, and a
 * process killed between the renames leaves a mixed set without a message (the last file,
 * written last, is then still the earlier run's). A process killed while writing leaves its
 * temporary files behind; the next write of the same file name in that folder (or of a name
 * longer than {@value #STEM_BYTES} bytes that begins the same) removes them
 * ({@link #removeStaleTemporaries}) when their process (the number in the name) is no longer
 * running. That number is read in this system's process table: a process of another machine
 * or container writing into a shared folder at that moment could lose its temporary file
 * (its write then fails with a message), and a killed run's files stay until a write of the
 * same name. Two processes writing the same set into one folder at once are not locked
 * against each other: each set is written whole, but their renames can interleave, leaving
 * files of both runs (a tester made it happen by slowing the renames).
 */
final class FileSet {

    /**
     * The most bytes of a target's name that its temporary file's name repeats: with the dot,
     * a process number, a time in nanoseconds and {@code .tmp} the temporary name stays
     * within the 255 bytes of {@link OutputTarget#MAX_NAME_BYTES}.
     */
    static final int STEM_BYTES = 200;

    /** How much later than a temporary file's last change its process must have started. */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(FileSet.class);

    /**
     * One file of a set.
     *
     * @param given the path as the user gave it (or as built from a folder the user gave),
     *     for messages
     * @param text the contents, written in UTF-8 with a final line break
     */
    record Entry(Path given, String text) {
    }

    /**
     * The two file-system steps of a write, which the tests replace to fail on purpose (a
     * full disk cannot be arranged in a test).
     */
    interface Steps {

        /**
         * Creates the temporary file, which does not exist, and writes the text to it.
         *
         * @param temporary the new file
         * @param text the text, to which a line break is added
         * @throws IOException if the file cannot be created or written
         */
        void write(Path temporary, String text) throws IOException;

        /**
         * Renames the temporary file over the target.
         *
         * @param temporary the written file
         * @param target the file to replace
         * @throws IOException if the rename fails
         */
        void move(Path temporary, Path target) throws IOException;
    }

    /** The steps on the real file system. */
    static final Steps FILES = new Steps() {
        @Override
        public void write(Path temporary, String text) throws IOException {
            try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                w.write(text);
                w.write('\n');
            }
        }

        @Override
        public void move(Path temporary, Path target) throws IOException {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    };

    private FileSet() {
    }

    /**
     * Writes the files as a unit (class description) on the real file system.
     *
     * @param entries the files, in the order of their renames
     * @throws CliException a usage error when a target fails the checks of
     *     {@link OutputTarget#resolve} or {@link OutputTarget#requireNotReadOnly} (nothing is
     *     written then), a data error when a write or a rename fails, naming the file and,
     *     for a set of several, which files were replaced
     */
    static void write(List<Entry> entries) {
        write(entries, FILES);
    }

    /**
     * Writes the files as a unit with the given steps; as {@link #write(List)}.
     *
     * @param entries the files, in the order of their renames
     * @param steps how to write and rename
     * @throws CliException as {@link #write(List)}
     */
    static void write(List<Entry> entries, Steps steps) {
        List<Path> targets = new ArrayList<>();
        for (Entry entry : entries) {
            Path given = entry.given();
            Path target = OutputTarget.resolve(given, given.toAbsolutePath());
            OutputTarget.requireNotReadOnly(given, given.toAbsolutePath(), target);
            targets.add(target);
        }
        removeStaleTemporaries(targets);
        List<Path> temporaries = new ArrayList<>();
        List<Path> replaced = new ArrayList<>();
        Path current = null;
        try {
            for (Path target : targets) {
                current = target;
                Path folder = target.getParent();
                if (folder != null && !Files.isDirectory(folder)) {
                    Files.createDirectories(folder);
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                current = targets.get(i);
                Path temporary = current.resolveSibling("." + stem(current) + "."
                        + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
                temporaries.add(temporary);
                steps.write(temporary, entries.get(i).text());
                keepPermissions(current, temporary);
            }
            for (int i = 0; i < entries.size(); i++) {
                current = targets.get(i);
                steps.move(temporaries.get(i), current);
                temporaries.set(i, null);
                replaced.add(current);
            }
        } catch (IOException e) {
            throw CliException.data("cannot write " + current + ": " + CenterCommand.reason(e)
                    + (entries.size() < 2 ? "" : replaced(replaced, targets)), e);
        } finally {
            for (Path temporary : temporaries) {
                if (temporary != null) {
                    delete(temporary);
                }
            }
        }
    }

    /**
     * Removes, next to each target, the temporary files of that target's name that a killed
     * process left ({@code .NAME.PID.NANOS.tmp}): those whose process is not running, or
     * whose process started after the file was last written (a process that reused the
     * number). Files of a running process that may be writing them, files of other names and
     * files this process cannot remove are left; nothing here fails the write.
     *
     * @param targets the files to replace
     */
    static void removeStaleTemporaries(List<Path> targets) {
        for (Path target : targets) {
            Path folder = target.toAbsolutePath().getParent();
            if (folder == null) {
                continue;
            }
            Pattern own = Pattern.compile("\\." + Pattern.quote(stem(target))
                    + "\\.([0-9]{1,18})\\.-?[0-9]{1,19}\\.tmp");
            List<Path> stale = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(file -> {
                    Matcher m = own.matcher(file.getFileName().toString());
                    if (m.matches() && isStale(file, Long.parseLong(m.group(1)))) {
                        stale.add(file);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                LOG.debug("cannot list {} for stale temporary files: {}", folder,
                        e.getMessage());
                continue;
            }
            for (Path file : stale) {
                try {
                    Files.deleteIfExists(file);
                    LOG.debug("removed {}, left by a process that no longer runs", file);
                } catch (IOException e) {
                    LOG.debug("cannot remove {}: {}", file, CenterCommand.reason(e));
                }
            }
        }
    }

    /**
     * Whether a temporary file of process {@code pid} is stale: a regular file (not a link)
     * whose process is not running, or started more than {@link #CLOCK_MARGIN} after the
     * file's last change (the margin keeps the file of a running writer on a file system
     * with coarse times, such as FAT's 2 s, or a server whose clock lags).
     */
    private static boolean isStale(Path file, long pid) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file,
                    BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            Optional<Instant> started = process.get().info().startInstant();
            return started.isPresent() && attributes.lastModifiedTime().toInstant()
                    .isBefore(started.get().minus(CLOCK_MARGIN));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Returns the target's file name as its temporary files begin with it: the whole name, or
     * its longest beginning of at most {@link #STEM_BYTES} bytes in UTF-8 (whole characters),
     * so that a target whose name is near the file systems' limit still gets a temporary
     * file beside it.
     */
    static String stem(Path target) {
        String name = target.getFileName().toString();
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int next = name.offsetByCodePoints(end, 1);
            bytes += name.substring(end, next).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > STEM_BYTES) {
                break;
            }
            end = next;
        }
        return name.substring(0, end);
    }

    /** Says which files of a set a failed write replaced. */
    private static String replaced(List<Path> replaced, List<Path> targets) {
        if (replaced.isEmpty()) {
            return "; none of the " + targets.size() + " files was replaced, so the folder"
                    + " holds the earlier files, if any, unchanged";
        }
        List<String> names = replaced.stream().map(Path::toString).toList();
        return "; " + String.join(", ", names) + (names.size() == 1 ? " was" : " were")
                + " already replaced by this run's, the other files are unchanged";
    }

    private static void delete(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            temporary.toFile().deleteOnExit();
        }
    }

    /**
     * Gives {@code replacement} the POSIX permissions, group and owner of {@code target}, if
     * it exists. The group and the owner are set only where the writing user may set them
     * (root may set both, others only a group they belong to); otherwise the replacement
     * keeps the writing user's.
     */
    private static void keepPermissions(Path target, Path replacement) throws IOException {
        if (!Files.isRegularFile(target)
                || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return;
        }
        PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class);
        Files.setPosixFilePermissions(replacement, old.permissions());
        PosixFileAttributeView view = Files.getFileAttributeView(replacement,
                PosixFileAttributeView.class);
        PosixFileAttributes fresh = view.readAttributes();
        try {
            if (!fresh.group().equals(old.group())) {
                view.setGroup(old.group());
            }
            if (!fresh.owner().equals(old.owner())) {
                view.setOwner(old.owner());
            }
        } catch (FileSystemException e) {
            LOG.debug("cannot keep the owner or group of {}: {}", target,
                    CenterCommand.reason(e));
        }
    }
}
