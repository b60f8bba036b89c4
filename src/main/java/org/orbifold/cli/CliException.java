package org.orbifold.cli;

/**
 * A failure the command line reports as one line {@code orbifold: error: <message>} with an
 * exit code: {@link #USAGE} for a bad command line (unknown class, index out of range, bad
 * option value, an {@code --out} that the checks before any work refuse), {@link #DATA} for
 * data that cannot be used (missing file, malformed file, empty collection, mismatched
 * dimensions) or a write of {@code --out} that fails after the work.
 */
final class CliException extends RuntimeException {

    /** Exit code of a bad command line. */
    static final int USAGE = 2;

    /** Exit code of unusable data or a failed computation. */
    static final int DATA = 1;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(USAGE, message, null);
    }

    static CliException usage(String message, Throwable cause) {
        return new CliException(USAGE, message, cause);
    }

    static CliException data(String message) {
        return new CliException(DATA, message, null);
    }

    static CliException data(String message, Throwable cause) {
        return new CliException(DATA, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
