package org.orbifold.cli;

import java.nio.file.Path;
import java.util.List;
import org.orbifold.io.TextFiles;

/**
 * The {@code --svg FILE} option of {@code mean}, {@code median} and {@code cluster}, which
 * also draws the centers ({@link org.orbifold.io.SvgDrawing}): the checks before the work,
 * which are those of {@code --out FILE} ({@link CenterCommand#requireWritable}, with messages
 * that name {@code --svg}), and the write after it, when the result is already on standard
 * output.
 */
final class SvgOutput {

    /** The option's name, as messages give it. */
    static final String OPTION = "--svg";

    private SvgOutput() {
    }

    /**
     * Fails unless {@code given} can be written as {@code --out FILE} could, and unless it is
     * none of the files the command's {@code --out} writes; returns the file to replace.
     *
     * @param given the path as the user gave it, or null when the option is absent
     * @param inputs the command's inputs
     * @param outputs the absolute files that {@code --out} writes (none without it)
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
        Path file;
        try {
            file = CenterCommand.requireWritable(given, given.toAbsolutePath(), inputs,
                    RenderCommand.SUGGESTED_NAME);
        } catch (CliException e) {
            throw CliException.usage(named(e.getMessage()), e);
        }
        for (Path output : outputs) {
            if (file.normalize().equals(output.toAbsolutePath().normalize())) {
                throw CliException.usage(OPTION + " " + given + " is a file that --out writes"
                        + " (" + output.getFileName() + "); give another file");
            }
        }
        return file;
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
        try {
            CenterCommand.writeAtomically(file, TextFiles.unpadEnd(svg));
        } catch (CliException e) {
            throw CliException.data(named(e.getMessage()) + " (the result was printed on"
                    + " standard output)", e);
        }
    }

    /** Returns a message of the {@code --out} checks as one about this option. */
    private static String named(String message) {
        return message.replace("--out ", OPTION + " ");
    }
}
