package org.orbifold.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.orbifold.io.DatasetLoader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks of the files that {@code --out} replaces, before any long work and again just before
 * the write: a symbolic link is followed (the file it names is replaced, atomically, by a file
 * written next to it; a link to nothing is refused), and a target is refused when it exists
 * and is not a regular file (a folder, a device, a named pipe, a socket), is read-only
 * ({@link #readOnly}: not writable, or its owner's write permission off) or lies in a sticky
 * folder that lets only its owner replace it ({@link #stickyFolder(Path)}), and, whether it
 * exists or not, when it is one of the command's input files or lies inside an input folder
 * (a new file there could be read as data by the next load).
 *
 * <p>The inputs are the files and folders named on the command line and what the loader
 * reads, or would read, beside them ({@link DatasetLoader#companions}: the folders of an IAM
 * {@code .cxl} file's graphs, the possible class-label files of a SMILES file).
 *
 * <p>Every refusal of {@code --out} before the work, by these checks or by the commands' own
 * (a folder that does not exist or takes no files), is a usage error
 * ({@link CliException#USAGE}, the exit code of a bad command line, as picocli's own); only
 * a write that fails after the work is a {@link CliException#DATA} failure, which the
 * commands report with the result already printed.
 *
 * <p>A folder given where a file is expected is answered with a file name to give instead
 * only when these checks would accept that file and the folder holds no data sets
 * ({@link #suggestion}); otherwise the message names no path.
 *
 * <p><b>Limitations.</b> A file that changes kind between the check and the write (a race
 * with another process) is detected only by the second check. A suggested file is checked
 * only for what this class checks and for a writable folder (not by writing a probe file);
 * the folder is searched for data one level deep, by the endings of the files the loader
 * reads, so data in other formats or deeper down is not seen.
 */
final class OutputTarget {

    /** The file name {@link #suggestion} proposes inside a folder. */
    static final String SUGGESTED_NAME = "result.json";

    /**
     * An input of a command, as messages name it.
     *
     * @param role how the command line gives it, such as {@code "DATASET"} or {@code "--train"}
     * @param path the path as given
     */
    record Input(String role, Path path) {
    }

    private OutputTarget() {
    }

    /**
     * Returns the inputs to protect: each given path and what the loader reads beside it
     * ({@link DatasetLoader#companions}). Null paths are left out.
     *
     * @param roles and paths alternately: role, path (a {@code String} or a {@code Path}), ...
     * @return the inputs
     */
    static List<Input> inputs(Object... roles) {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i + 1 < roles.length; i += 2) {
            Object value = roles[i + 1];
            if (value == null) {
                continue;
            }
            Path path = value instanceof Path p ? p : Path.of(value.toString());
            String role = (String) roles[i];
            inputs.add(new Input(role, path));
            for (Path companion : DatasetLoader.companions(path)) {
                String what = Files.isDirectory(companion) ? "the folder of "
                        : "the class labels of ";
                inputs.add(new Input(what + role + " " + path, companion));
            }
        }
        return inputs;
    }

    /**
     * Fails when a file option was given a name that ends with a separator ({@code /}, or the
     * platform's) and names no existing folder: such a name means a folder, but the path the
     * option holds has lost the separator, so the command would write a file of that name.
     * An existing folder is left to the other checks, which refuse it and may suggest a file
     * in it.
     *
     * @param spec the command's spec, whose parse result holds the option's text as typed
     * @param option the option's name, such as {@code "--out"}
     * @throws CliException (usage) for such a name
     */
    static void requireFileName(CommandSpec spec, String option) {
        OptionSpec matched = spec.commandLine().getParseResult().matchedOption(option);
        if (matched == null) {
            return;
        }
        for (String typed : matched.originalStringValues()) {
            boolean folderName = typed.endsWith("/")
                    || typed.endsWith(File.separator);
            if (folderName && !Files.isDirectory(Path.of(typed))) {
                throw CliException.usage("cannot write " + option + " " + typed + ": a name"
                        + " ending with " + typed.charAt(typed.length() - 1) + " names a"
                        + " folder, and there is none; give a file name");
            }
        }
    }

    /**
     * Returns the file a write to {@code target} replaces, as {@link #resolve(Path, Path, List)}
     * does, but names no file in the message when the target is a folder: this is the check
     * just before a write, where the inputs are no longer at hand.
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path
     * @return the absolute path to replace
     * @throws CliException if the target is a link to nothing, or exists and is not a
     *     regular file
     */
    static Path resolve(Path given, Path target) {
        return resolve(given, target, null);
    }

    /**
     * Returns the file a write to {@code target} replaces: {@code target} itself, or the file
     * its symbolic link (or chain of links) names. When the target is a folder, the message
     * suggests a file name only if {@link #requireNotInput} would accept it (see
     * {@link #suggestion}).
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path
     * @param inputs the command's inputs, or null to suggest no file name for a folder
     * @return the absolute path to replace
     * @throws CliException if the target is a link to nothing, or exists and is not a
     *     regular file
     */
    static Path resolve(Path given, Path target, List<Input> inputs) {
        return resolve(given, target, inputs, SUGGESTED_NAME);
    }

    /**
     * Returns the file a write to {@code target} replaces, as
     * {@link #resolve(Path, Path, List)} does, suggesting a file of the given name in place of
     * a folder (such as {@code drawing.svg} for a drawing).
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path
     * @param inputs the command's inputs, or null to suggest no file name for a folder
     * @param suggestedName the name of the file to suggest inside a folder
     * @return the absolute path to replace
     * @throws CliException if the target is a link to nothing, or exists and is not a
     *     regular file
     */
    static Path resolve(Path given, Path target, List<Input> inputs, String suggestedName) {
        Path file = target;
        if (Files.isSymbolicLink(target)) {
            if (!Files.exists(target)) {
                throw CliException.usage("cannot write --out " + given + ": it is a symbolic"
                        + " link to " + danglingTarget(target, "file") + "; give the file itself");
            }
            if (!Files.isRegularFile(target) && !Files.isDirectory(target)) {
                throw CliException.usage("cannot write --out " + given + ": it is a symbolic"
                        + " link to something that is not a regular file (a device, pipe or"
                        + " socket); give a file name");
            }
            try {
                file = target.toRealPath();
            } catch (IOException e) {
                throw CliException.usage("cannot write --out " + given + ": cannot follow the"
                        + " symbolic link (" + CenterCommand.reason(e) + ")", e);
            }
        }
        if (Files.isDirectory(file)) {
            throw CliException.usage("cannot write --out " + given + ": it is a folder; "
                    + folderAdvice(given, file, inputs, suggestedName));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw CliException.usage("cannot write --out " + given + ": it exists and is not a"
                    + " regular file (a device, named pipe or socket); give a file name");
        }
        return file;
    }

    /**
     * Fails when the path steps up ({@code ..}) out of a folder that does not exist, such as
     * {@code new/../out.json} without a folder {@code new}: the system cannot follow that
     * step, so the write after the work would fail, and the checks, which clean such a path
     * up as text, would have judged another place.
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path, not normalized
     * @throws CliException (usage) if a step up follows a missing folder
     */
    static void requireNoStepUpFromMissing(Path given, Path target) {
        Path prefix = target.getRoot();
        for (Path part : target) {
            if (part.toString().equals("..") && prefix != null && !Files.exists(prefix)) {
                throw CliException.usage("cannot write --out " + given + ": it steps up (..)"
                        + " out of " + prefix + ", which does not exist; give the path"
                        + " without that step");
            }
            prefix = prefix == null ? part : prefix.resolve(part);
        }
    }

    /**
     * Fails when the existing folder that a write would create its file (or its missing
     * folders) in is read-only by its permission bits ({@link #readOnly(Path)}): root may
     * write into a folder of mode 555, as into a file of mode 444, but its owner made it so.
     *
     * @param given the path as the user gave it, for messages
     * @param folder the nearest existing folder of the target
     * @throws CliException (usage) if the folder is read-only
     */
    static void requireFolderNotReadOnly(Path given, Path folder) {
        String readOnly = readOnly(folder);
        if (readOnly != null && readOnly.startsWith("read-only")) {
            throw CliException.usage("cannot write --out " + given + ": folder " + folder
                    + " is " + readOnly + "; make it writable or give another folder");
        }
    }

    /**
     * Returns the folder itself when it exists, else its nearest existing ancestor, where the
     * write will create the missing folders; fails when a missing part of the way is a
     * symbolic link (to nothing, or in a loop), where no folder can be created, or when the
     * nearest existing part is no folder.
     *
     * @param given the path as the user gave it, for messages
     * @param folder the absolute path of the folder to write into
     * @return the nearest existing folder
     * @throws CliException (usage) if a missing part is a link or the existing part no folder
     */
    static Path nearestExistingFolder(Path given, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw CliException.usage("cannot write --out " + given + ": " + existing
                        + " is a symbolic link to " + danglingTarget(existing, "folder")
                        + ", so no folder can be created there");
            }
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw CliException.usage("cannot write --out " + given + ": " + existing
                    + " is not a folder");
        }
        return existing;
    }

    /**
     * Says what a symbolic link that leads to nothing existing points at, to follow "a
     * symbolic link to": {@code "a missing file"} (or folder), or for a loop of links (or
     * another reason the system cannot follow it) {@code "nothing that can be followed
     * (REASON)"}.
     *
     * @param link a symbolic link whose target does not exist
     * @param missing what the target would be, {@code "file"} or {@code "folder"}
     * @return the words
     */
    static String danglingTarget(Path link, String missing) {
        try {
            link.toRealPath();
        } catch (IOException e) {
            if (!(e instanceof NoSuchFileException)) {
                return "nothing that can be followed (" + CenterCommand.reason(e) + ")";
            }
        }
        return "a missing " + missing;
    }

    /** The longest file or folder name, in UTF-8 bytes, that common file systems take. */
    static final int MAX_NAME_BYTES = 255;

    /**
     * Fails when a part of the path is a name longer than {@link #MAX_NAME_BYTES} bytes in
     * UTF-8, the limit of the common file systems (ext4, XFS, Btrfs, tmpfs, APFS), so that
     * such a name is refused before the work instead of failing the write after it.
     *
     * <p><b>Limitations.</b> A file system with a lower limit is not detected here; the
     * write then fails with the system's reason after the work, with the result printed.
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path
     * @throws CliException (usage) if a name is too long
     */
    static void requireNamesFit(Path given, Path target) {
        for (Path name : target) {
            int bytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw CliException.usage("cannot write --out " + given + ": a name in it is "
                        + bytes + " bytes long, and file systems take at most "
                        + MAX_NAME_BYTES + "; give a shorter name");
            }
        }
    }

    /**
     * Fails when the file a write would replace exists and is read-only ({@link #readOnly})
     * or lies in a sticky folder where this user may not rename over it
     * ({@link #stickyFolder(Path)}). Called after {@link #requireNotInput}, so that an input
     * is refused as an input.
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path given
     * @param file the file to replace, as {@link #resolve} returns it for {@code target}
     * @throws CliException (usage) if the file is read-only or may not be replaced
     */
    static void requireNotReadOnly(Path given, Path target, Path file) {
        String readOnly = Files.exists(file) ? readOnly(file) : null;
        if (readOnly != null) {
            throw CliException.usage("cannot write --out " + given + ": "
                    + (file.equals(target) ? "the file" : "the file it links to, " + file + ",")
                    + " exists and is " + readOnly + "; make it writable or give another"
                    + " file");
        }
        String sticky = Files.exists(file) ? stickyFolder(file) : null;
        if (sticky != null) {
            throw CliException.usage("cannot write --out " + given + ": "
                    + (file.equals(target) ? "the folder" : "the folder of the file it links"
                            + " to, " + file.getParent() + ",")
                    + " is " + sticky + "; give a file name of your own or another folder");
        }
    }

    /**
     * Says why an existing file cannot be replaced in its folder although it may be written:
     * a write to {@code --out} creates the new file beside it and renames it over the old
     * one, and in a sticky folder (mode {@code rwxrwxrwt}, as {@code /tmp}) only the file's
     * owner, the folder's owner or root may do that. Returns null when the rename is allowed,
     * and also when the file system or the platform does not tell the mode, the owners or
     * this process's user id ({@code unix} attributes), so that nothing is refused on a
     * guess.
     *
     * @param file an existing file
     * @return the reason, to follow "the folder is", or null
     */
    static String stickyFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Long uid = processUid();
        if (folder == null || uid == null) {
            return null;
        }
        try {
            int mode = (Integer) Files.getAttribute(folder, "unix:mode");
            int folderUid = (Integer) Files.getAttribute(folder, "unix:uid");
            int fileUid = (Integer) Files.getAttribute(file, "unix:uid");
            String owner = Files.getOwner(file).getName();
            return stickyFolder(mode, folderUid, fileUid, owner, uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException
                | ClassCastException | SecurityException e) {
            return null;
        }
    }

    /**
     * Decides {@link #stickyFolder(Path)} from the folder's mode and owner, the file's owner
     * and this process's user id: the rename is refused when the folder's sticky bit is set
     * and the user is neither root nor the owner of the file or of the folder.
     *
     * @param folderMode the folder's {@code unix:mode} (file type bits may be included)
     * @param folderUid the user id owning the folder
     * @param fileUid the user id owning the file
     * @param fileOwner the file owner's name, for the message
     * @param uid this process's user id
     * @return the reason, such as {@code "sticky (mode rwxrwxrwt) and the file belongs to
     *     root: only its owner may replace it"}, or null
     */
    static String stickyFolder(int folderMode, long folderUid, long fileUid, String fileOwner,
            long uid) {
        boolean sticky = (folderMode & 01000) != 0;
        if (!sticky || uid == 0 || uid == fileUid || uid == folderUid) {
            return null;
        }
        return "sticky (mode " + modeString(folderMode) + ") and the file belongs to "
                + fileOwner + ": only its owner may replace it";
    }

    /**
     * Renders the permission bits of a {@code unix:mode} as {@code ls} does, without the file
     * type: {@code rwxrwxrwt} for {@code 01777}, with {@code s}/{@code S} for setuid and
     * setgid and {@code t}/{@code T} for the sticky bit.
     *
     * @param mode the mode
     * @return nine characters
     */
    static String modeString(int mode) {
        char[] c = new char[9];
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            c[i] = (mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-';
        }
        c[2] = special(c[2], (mode & 04000) != 0, 's');
        c[5] = special(c[5], (mode & 02000) != 0, 's');
        c[8] = special(c[8], (mode & 01000) != 0, 't');
        return new String(c);
    }

    /** An execute position with its special bit: lower case if executable, else upper. */
    private static char special(char execute, boolean set, char letter) {
        if (!set) {
            return execute;
        }
        return execute == '-' ? Character.toUpperCase(letter) : letter;
    }

    /**
     * Returns this process's user id, or null where the platform does not tell it (no Unix,
     * or a runtime without the {@code jdk.security.auth} module).
     */
    private static Long processUid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * Says why an existing regular file is read-only, or returns null when it is not. A file
     * is read-only when this process may not write it ({@link Files#isWritable}), or when its
     * file system keeps POSIX permissions and the owner's write permission is off. The second
     * test reads the permission bits, not the access check: root may write any file, so
     * {@link Files#isWritable} calls a file of mode 444 writable for root, and {@code --out}
     * would replace a file that its owner made read-only (the new file getting the default
     * mode). On file systems without POSIX permissions only the access check applies.
     *
     * @param file an existing file
     * @return the reason, to follow "the file is", such as {@code "read-only (mode
     *     r--r--r--)"} or {@code "not writable by this user (owner root, mode rw-r--r--)"},
     *     or null
     */
    static String readOnly(Path file) {
        Set<PosixFilePermission> permissions;
        String owner;
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file,
                    PosixFileAttributeView.class);
            PosixFileAttributes attributes = view == null ? null : view.readAttributes();
            permissions = attributes == null ? null : attributes.permissions();
            owner = attributes == null ? null : attributes.owner().getName();
        } catch (IOException e) {
            permissions = null;
            owner = null;
        }
        return readOnly(permissions, owner, Files.isWritable(file));
    }

    /**
     * Says why a file is read-only, as {@link #readOnly(Path)} does, from its permissions and
     * the access check: with the owner's write permission off, {@code "read-only (mode
     * ...)"}; with it on but the file not writable for this process (another user's file),
     * {@code "not writable by this user (owner NAME, mode ...)"}, since the mode alone
     * would read as writable.
     *
     * @param permissions the POSIX permissions, or null where the file system has none
     * @param owner the name of the file's owner, or null if unknown
     * @param writable whether this process may write the file
     * @return the reason, or null when the file is not read-only
     */
    static String readOnly(Set<PosixFilePermission> permissions, String owner,
            boolean writable) {
        if (permissions == null) {
            return writable ? null : "not writable by this user";
        }
        String mode = "mode " + PosixFilePermissions.toString(permissions);
        if (!permissions.contains(PosixFilePermission.OWNER_WRITE)) {
            return "read-only (" + mode + ")";
        }
        return writable ? null : "not writable by this user ("
                + (owner == null ? "" : "owner " + owner + ", ") + mode + ")";
    }

    /**
     * Fails when the file a write would create or replace is one of the inputs (including a
     * file that a load would read if it existed, such as a SMILES file's label file) or lies
     * inside an input folder, where a later load could read it as part of the data.
     *
     * @param given the path as the user gave it, for messages
     * @param file the absolute path to write, as {@link #resolve} returns it
     * @param inputs the command's inputs
     */
    static void requireNotInput(Path given, Path file, List<Input> inputs) {
        Input input = refusing(given, file, inputs);
        if (input == null) {
            return;
        }
        Path path = input.path();
        if (isFolder(given, input)) {
            throw CliException.usage("--out " + given + " is a file inside " + input.role()
                    + " (" + path + "); writing there could replace or add to the data; give"
                    + " a file outside it");
        }
        throw CliException.usage("--out " + given + " is an input file (" + input.role() + ": "
                + path + "); writing it would replace the data; give another file name");
    }

    /**
     * Returns the first input that {@code file} is, or lies inside when the input is a folder
     * (the refusal of {@link #requireNotInput}), or null when there is none.
     */
    private static Input refusing(Path given, Path file, List<Input> inputs) {
        Path target = canonical(given, file, "--out " + given);
        for (Input input : inputs) {
            Path real = canonical(given, input.path(), input.role() + " " + input.path());
            if (Files.isDirectory(real) ? target.startsWith(real) : target.equals(real)) {
                return input;
            }
        }
        return null;
    }

    /** Whether an input is a folder (on its real path). */
    private static boolean isFolder(Path given, Input input) {
        return Files.isDirectory(canonical(given, input.path(),
                input.role() + " " + input.path()));
    }

    /**
     * Returns the end of the message refusing a folder as {@code --out}: a file name to give
     * instead when {@link #suggestion} finds one; otherwise why there is none, when the file
     * would lie inside an input folder or the folder holds data.
     */
    private static String folderAdvice(Path given, Path folder, List<Input> inputs,
            String suggestedName) {
        if (inputs == null) {
            return "give a file name";
        }
        Input container = refusing(given, folder.resolve(suggestedName), inputs);
        if (container != null && isFolder(given, container)) {
            return "a file in it would lie inside " + container.role() + " ("
                    + container.path() + "); give a file name outside it";
        }
        Path suggested = suggestion(given, folder, inputs, suggestedName);
        if (suggested == null && holdsData(folder)) {
            return "give a file name (none is suggested in a folder that holds data sets)";
        }
        return "give a file name" + (suggested == null ? "" : ", such as " + suggested);
    }

    /**
     * Returns a file name to suggest in place of the folder {@code folder}, or null when there
     * is none: {@code folder/result.json}, only if {@link #requireNotInput} accepts it, it
     * does not exist yet (a suggestion should not replace a file), its folder exists and is
     * writable, so that the message never names a path that the checks would refuse, and the
     * folder holds no data ({@link DatasetLoader#holdsData}: no file of a data set and no
     * data-set folder, the outputs of earlier cluster runs not counted), so that the
     * suggestion never puts a result among data sets. There is
     * no search elsewhere: beside an input folder lies that data-set folder itself, and the
     * folders above a data tree are often its root (a folder of folders of data sets), which
     * a one-level look cannot tell.
     *
     * @param given the path as the user gave it, for messages
     * @param folder the absolute path of the folder given as {@code --out}
     * @param inputs the command's inputs
     * @return an absolute path, or null
     */
    static Path suggestion(Path given, Path folder, List<Input> inputs) {
        return suggestion(given, folder, inputs, SUGGESTED_NAME);
    }

    /**
     * Returns a file name to suggest in place of the folder {@code folder}, as
     * {@link #suggestion(Path, Path, List)} does, for a file of another name.
     *
     * @param given the path as the user gave it, for messages
     * @param folder the absolute path of the folder given as {@code --out}
     * @param inputs the command's inputs
     * @param name the name of the file to suggest
     * @return an absolute path, or null
     */
    static Path suggestion(Path given, Path folder, List<Input> inputs, String name) {
        Path candidate = folder.resolve(name);
        return refusing(given, candidate, inputs) == null && isFree(candidate)
                && !holdsData(folder) ? candidate : null;
    }

    /**
     * Whether a folder holds data ({@link DatasetLoader#holdsData}), the outputs of earlier
     * {@code cluster} runs not counted ({@link ClusterCommand#isOutput}): its
     * {@code assignments.csv} and {@code trace.csv} end as molecule files do, but are none.
     */
    static boolean holdsData(Path folder) {
        return DatasetLoader.holdsData(folder, ClusterCommand::isOutput);
    }

    /**
     * Names what makes {@link #holdsData} true for a folder, for messages: up to three of
     * its files that the loader reads and of its subfolders holding such a file (with the
     * first of them), in name order, then how many more there are; the outputs of earlier
     * cluster runs are not named. A folder or subfolder that cannot be listed is named as
     * such; {@code "files of data sets"} stands for a folder in which nothing is found.
     *
     * @param folder a folder for which {@link #holdsData} is true
     * @return a description such as {@code "MUTAG_A.txt, MUTAG_edge_labels.txt,
     *     MUTAG_graph_indicator.txt and 2 more"}
     */
    static String dataFound(Path folder) {
        List<String> found = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> listed = Files.list(folder)) {
            entries = listed.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return "a folder that cannot be listed (" + (e instanceof IOException io
                    ? CenterCommand.reason(io) : "listing failed") + ")";
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                if (isData(entry)) {
                    found.add(name);
                }
                continue;
            }
            try (Stream<Path> inner = Files.list(entry)) {
                inner.sorted().filter(f -> !Files.isDirectory(f) && isData(f)).findFirst()
                        .ifPresent(f -> found.add(name + "/" + f.getFileName()));
            } catch (IOException | UncheckedIOException e) {
                found.add(name + "/ (cannot be listed)");
            }
        }
        if (found.isEmpty()) {
            return "files of data sets";
        }
        int shown = Math.min(3, found.size());
        String names = String.join(", ", found.subList(0, shown));
        return found.size() > shown ? names + " and " + (found.size() - shown) + " more"
                : names;
    }

    /** Whether a file is one the loader reads and no output of an earlier cluster run. */
    private static boolean isData(Path file) {
        return DatasetLoader.isDatasetFile(file) && !ClusterCommand.isOutput(file);
    }

    /** Whether a new file may be suggested at {@code file}: absent, in a writable folder. */
    private static boolean isFree(Path file) {
        Path parent = file.getParent();
        return parent != null && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(parent) && Files.isWritable(parent);
    }

    /**
     * Returns the real path of a file or folder, or for one that does not exist yet the real
     * path of its nearest existing ancestor folder with the rest of the path appended (the
     * path itself, normalized, if no ancestor exists), so that two names of the same place
     * compare equal.
     *
     * @param given the path as the user gave it, for messages
     * @param path the path to make canonical
     * @param what what the path is, for messages
     * @return the real path, or the real path of its nearest existing ancestor with the rest
     * @throws CliException (usage) if an existing ancestor cannot be resolved
     */
    static Path canonical(Path given, Path path, String what) {
        // The existing part is followed as the system follows it, not cleaned up as text:
        // LINK/.. is the folder above the link's target, not the folder holding LINK.
        Path absolute = path.toAbsolutePath();
        Path existing = absolute.getRoot();
        int parts = 0;
        for (Path part : absolute) {
            Path next = existing.resolve(part);
            if (!Files.exists(next)) {
                break;
            }
            existing = next;
            parts++;
        }
        if (existing == null) {
            return absolute.normalize();
        }
        Path rest = parts == absolute.getNameCount() ? Path.of("")
                : absolute.subpath(parts, absolute.getNameCount());
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            throw CliException.usage("cannot compare --out " + given + " with " + what + ": "
                    + CenterCommand.reason(e), e);
        }
    }
}
