package org.orbifold.cli;

import picocli.CommandLine.Option;

/** The {@code --progress} flag of a command that can show a progress bar on standard error. */
final class ProgressOptions {

    @Option(names = "--progress",
            description = "Show a progress bar on standard error even when it is not a terminal.")
    boolean progress;

    /**
     * Returns whether to show the bar: {@code --progress} was given, or the launcher found
     * standard error to be a terminal ({@link CenterCommand#TERMINAL_VARIABLE} is 1).
     *
     * @return true to show the progress bar
     */
    boolean show() {
        return progress || "1".equals(System.getenv(CenterCommand.TERMINAL_VARIABLE));
    }
}
