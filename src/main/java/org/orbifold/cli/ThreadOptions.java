package org.orbifold.cli;

import picocli.CommandLine.Option;

/** The number of worker threads of a command that runs its alignments on a pool. */
final class ThreadOptions {

    /** The largest parallelism a {@link java.util.concurrent.ForkJoinPool} accepts. */
    static final int MAX_THREADS = 32767;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1 to " + MAX_THREADS
                + " (default: the number of processors).")
    Integer threads;

    /**
     * Returns the number of workers: {@code --threads}, or the number of processors when it
     * is not given. Call it before any long work.
     *
     * @return a number from 1 to {@link #MAX_THREADS}
     * @throws CliException a usage error naming {@code --threads} when it is out of range
     */
    int workers() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > MAX_THREADS) {
            throw CliException.usage("--threads must be in 1.." + MAX_THREADS + ", got "
                    + workers);
        }
        return workers;
    }
}
