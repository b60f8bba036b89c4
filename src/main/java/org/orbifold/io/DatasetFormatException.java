package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset file that does not follow its format, or a path that is not a dataset. The message
 * is one line and names the file, the line (when the format has lines) and what was expected,
 * for example {@code "data/MUTAG/MUTAG_A.txt, line 12: expected 2 comma-separated node ids,
 * found 3 fields"}.
 *
 * <p>It is an {@link IOException} because a reader meets it while reading; callers that only
 * want to report failures can catch {@code IOException} and print the message.
 */
public final class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The offending file as the caller named it. */
    private final String file;
    /** The 1-based line number, or 0 when no line applies. */
    private final int line;
    /** What was found and what was expected, without the file and line. */
    private final String detail;

    /**
     * Creates the exception for a problem at a known line.
     *
     * @param file the offending file
     * @param line the 1-based line number, or 0 when no line applies
     * @param detail what was found and what was expected
     */
    public DatasetFormatException(Path file, int line, String detail) {
        super(line > 0 ? checked(file, detail) + ", line " + line + ": " + detail
                : checked(file, detail) + ": " + detail);
        this.file = String.valueOf(file);
        this.line = Math.max(0, line);
        this.detail = detail;
    }

    /**
     * Creates the exception for a problem at a known line and column, with the message
     * {@code "<file>, line <line>, column <column>: <detail>"}.
     *
     * @param file the offending file
     * @param line the 1-based line number
     * @param column the 1-based column number
     * @param detail what was found and what was expected
     */
    public DatasetFormatException(Path file, int line, int column, String detail) {
        super(checked(file, detail) + ", line " + line + ", column " + column + ": " + detail);
        this.file = String.valueOf(file);
        this.line = Math.max(0, line);
        this.detail = detail;
    }

    /**
     * Creates the exception for a problem with a whole file (no line applies).
     *
     * @param file the offending file
     * @param detail what was found and what was expected
     */
    public DatasetFormatException(Path file, String detail) {
        this(file, 0, detail);
    }

    /** Returns the file after checking that neither it nor the detail is null. */
    private static Path checked(Path file, String detail) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(detail, "detail");
        return file;
    }

    private DatasetFormatException(String message, Path file) {
        super(message);
        this.file = String.valueOf(file);
        this.line = 0;
        this.detail = message;
    }

    /**
     * Returns the exception for a path that does not exist, with the message
     * {@code "no such file or folder: <path>"}.
     *
     * @param path the missing path
     * @return the exception
     */
    public static DatasetFormatException noSuchPath(Path path) {
        Objects.requireNonNull(path, "path");
        return new DatasetFormatException("no such file or folder: " + path, path);
    }

    /**
     * Returns the exception for a path that is no regular file, with the message
     * {@code "<path>: not a regular file (such as a named pipe or a device), so it is not read;
     * expected <expected>"}, or {@code "<path>: a folder, not a regular file; expected
     * <expected>"}, or that of {@link #noSuchPath} when nothing exists there. Readers check
     * this before they open the path, since opening a named pipe waits for a writer.
     *
     * @param path a path that is no regular file
     * @param expected what the path should have been
     * @return the exception
     */
    static DatasetFormatException notRegularFile(Path path, String expected) {
        if (!Files.exists(path)) {
            return noSuchPath(path);
        }
        return new DatasetFormatException(path, (Files.isDirectory(path)
                ? "a folder, not a regular file"
                : "not a regular file (such as a named pipe or a device), so it is not read")
                + "; expected " + expected);
    }

    /**
     * Returns the offending file as the caller named it.
     *
     * @return the offending file as the caller named it
     */
    public String file() {
        return file;
    }

    /**
     * Returns the 1-based line number, or 0 when no line applies.
     *
     * @return the 1-based line number, or 0 when no line applies
     */
    public int line() {
        return line;
    }

    /**
     * Returns the description of the problem without the file and line.
     *
     * @return the description of the problem without the file and line
     */
    public String detail() {
        return detail;
    }
}
