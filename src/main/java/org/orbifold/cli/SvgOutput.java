package org.orbifold.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.orbifold.io.TextFiles;

/**
 * The {@code --svg FILE} option of {@code mean}, {@code median} and {@code cluster}, which
 * also draws the centers ({@link org.orbifold.io.SvgDrawing}): the checks before the work,
 * which are those of {@code --out FILE} ({@link CenterCommand#requireWritable}, with messages
 * that name {@code --svg}) plus a comparison with the files of {@code --out} by real paths
 * ({@link #check}), and the write after it, when the result is already on standard output.
 */
final class SvgOutput {

    /** The option's name, as messages give it. */
    static final String OPTION = "--svg";

    private SvgOutput() {
    }

    /**
     * Fails unless {@code given} can be written as {@code --out FILE} could, and unless it is
     * none of the files the command's {@code --out} writes nor a folder that {@code --out}
     * creates for them; returns the file to replace. Paths are compared by their real paths
     * (symbolic links of the existing folders followed, as the input checks compare them), so
     * that two names of one file are caught. A file inside the folder that {@code --out DIR}
     * creates (the folder of the outputs, when it does not exist yet) is accepted although
     * its folder does not exist now: it is written after the files of {@code --out}, once
     * the folder is there; it is checked as any other file but for its folder. Any other
     * missing folder is accepted as {@link CenterCommand#requireWritable} accepts it, and
     * created by the write.
     *
     * @param given the path as the user gave it, or null when the option is absent
     * @param inputs the command's inputs
     * @param outputs the absolute files that {@code --out} writes (none without it), all in
     *     one folder
     * @return the absolute file to replace, or null when {@code given} is null
     * @throws CliException a usage error saying what is wrong
     */
    static Path check(Path given, List<OutputTarget.Input> inputs, List<Path> outputs) {
        if (given == null) {
            return null;
        }
        if (given.toString().isBlank()) {
            throw CliException.usage(OPTION + " needs a file name");
        }
        Path created = createdFolder(outputs);
        Path absolute = given.toAbsolutePath();
        Path file;
        try {
            if (created != null && absolute.getParent() != null
                    && real(given, absolute.getParent()).equals(real(given, created))) {
                file = OutputTarget.resolve(given, absolute, inputs,
                        RenderCommand.SUGGESTED_NAME);
                OutputTarget.requireNotInput(given, file, inputs);
                OutputTarget.requireNotReadOnly(given, absolute, file);
            } else {
                file = CenterCommand.requireWritable(given, absolute, inputs,
                        RenderCommand.SUGGESTED_NAME);
            }
        } catch (CliException e) {
            throw CliException.usage(named(e.getMessage(), given), e);
        }
        Path real = real(given, file);
        for (Path output : outputs) {
            Path other = real(given, output);
            if (other.equals(real)) {
                throw CliException.usage(OPTION + " " + given + " is a file that --out writes"
                        + " (" + output.getFileName() + "); give another file");
            }
            if (other.startsWith(real)) {
                throw CliException.usage(OPTION + " " + given + " is "
                        + (real.equals(real(given, output.getParent())) ? "the folder"
                                : "a folder on the way to the folder")
                        + " that --out creates for its files (" + output.getParent()
                        + "); give another file");
            }
        }
        return file;
    }

    /**
     * Returns the folder of the outputs when {@code --out} will create it (it does not exist
     * yet), or null.
     */
    private static Path createdFolder(List<Path> outputs) {
        if (outputs.isEmpty()) {
            return null;
        }
        Path folder = outputs.get(0).toAbsolutePath().getParent();
        return folder == null || Files.exists(folder) ? null : folder;
    }

    /** Returns the real path of a place, as {@link OutputTarget#canonical} gives it. */
    private static Path real(Path given, Path path) {
        return OutputTarget.canonical(given, path, path.toString());
    }

    /**
     * Writes the drawing atomically, as {@code --out} writes; a failure is a data error that
     * says the result was printed on standard output.
     *
     * @param file the file that {@link #check} returned
     * @param svg the SVG document
     * @throws CliException a data error when the write fails
     */
    static void write(Path file, String svg) {
        write(file, svg, List.of());
    }

    /**
     * Writes the drawing atomically after other files of the command were written; a failure
     * is a data error that says the result was printed on standard output and names those
     * files as written, so that nobody takes them for missing or stale.
     *
     * @param file the file that {@link #check} returned
     * @param svg the SVG document
     * @param written the files the command wrote before (its {@code --out}), none if empty
     * @throws CliException a data error when the write fails
     */
    static void write(Path file, String svg, List<Path> written) {
        try {
            CenterCommand.writeAtomically(file, TextFiles.unpadEnd(svg));
        } catch (CliException e) {
            String also = written.isEmpty() ? "" : ", and " + String.join(", ",
                    written.stream().map(Path::toString).toList())
                    + (written.size() == 1 ? " was" : " were") + " written";
            throw CliException.data(e.getMessage() + " (the result was printed on"
                    + " standard output" + also + ")", e);
        }
    }

    /**
     * Returns a message of the {@code --out} checks as one about this option: each
     * {@code --out} followed by the path given becomes {@value #OPTION}, and the rest of the
     * message (paths that hold the words {@code --out} included) stays as it is.
     */
    private static String named(String message, Path given) {
        return message.replace("--out " + given, OPTION + " " + given);
    }
}
