package org.orbifold.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options of the alignment strategy and the seed; the weights of the graph space are in
 * {@link WeightOptions}.
 */
final class AlignerOptions {

    /** The seed used when {@code --seed} is not given. */
    static final long DEFAULT_SEED = 42L;

    /**
     * The largest {@code --time-limit} in seconds: {@link Long#MAX_VALUE} nanoseconds, the
     * longest {@link Duration} the exact aligner's clock ({@link System#nanoTime}) counts.
     */
    static final double MAX_TIME_LIMIT = Long.MAX_VALUE / 1e9;

    /** {@link #MAX_TIME_LIMIT} written out exactly, for messages. */
    static final String MAX_TIME_LIMIT_TEXT = "9223372036.854775807";

    /** Name of the branch-and-bound aligner, which has a time limit by default. */
    static final String EXACT = "exact";

    /** Name of the preset of many Frank-Wolfe starts, which takes a time limit if given. */
    static final String MULTISTART = "multistart";

    /** The command these options belong to, for its options' typed values. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--aligner", paramLabel = "NAME", defaultValue = "faq",
            description = "Alignment strategy: exact, fast, faq, ga, ipfp, multistart, nodes or"
                + " thorough (default: ${DEFAULT-VALUE}).")
    String aligner;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS", preprocessor = RealValue.class,
            description = "With --aligner exact: wall-time limit of each alignment, at most "
                + MAX_TIME_LIMIT_TEXT + " (2^63 - 1 ns; default: 60). An alignment that"
                + " reaches it (or the search-node limit) keeps the best matching found and is"
                + " reported as not proven optimal. With --aligner multistart (default: no"
                + " limit): an alignment that has run this long begins no further random"
                + " start and keeps the best matching found, never worse than faq's. A limit"
                + " that is reached makes results depend on the machine and its load.")
    Double timeLimit;

    /** Returns the aligner chosen by the options. */
    Aligner aligner() {
        if (timeLimit != null) {
            if (!isExact() && !isMultistart()) {
                throw CliException.usage("--time-limit applies only to --aligner exact and"
                        + " multistart, got --aligner " + aligner);
            }
            if (Double.isNaN(timeLimit) || timeLimit <= 0.0) {
                throw CliException.usage("--time-limit must be a positive number of seconds,"
                        + " got " + RealValue.typed(command, "--time-limit", timeLimit));
            }
            if (timeLimit > MAX_TIME_LIMIT) {
                throw CliException.usage("--time-limit must be at most " + MAX_TIME_LIMIT_TEXT
                        + " seconds (2^63 - 1 nanoseconds, about 292 years: the longest wait"
                        + " the clock counts), got "
                        + RealValue.typed(command, "--time-limit", timeLimit));
            }
            if (timeLimit < 1e-9) {
                throw CliException.usage("--time-limit must be at least 1e-9 (a nanosecond,"
                        + " the clock's unit), got "
                        + RealValue.typed(command, "--time-limit", timeLimit));
            }
        }
        if (isExact()) {
            return new ExactAligner(seed, ExactAligner.DEFAULT_NODE_LIMIT, timeLimit());
        }
        if (isMultistart() && timeLimit != null) {
            return Aligners.multistart(seed, timeLimit());
        }
        return byName("--aligner", aligner, seed);
    }

    /**
     * Returns the aligner of a name given to an option, or fails with a usage error in the
     * words of the other named choices: {@code --aligner must be one of exact, ..., got 'x'}.
     *
     * @param option the option's name, for the message
     * @param name the name as given
     * @param seed the seed of the aligner's random choices
     * @return the aligner
     * @throws CliException a usage error naming the option, the names and the value
     */
    static Aligner byName(String option, String name, long seed) {
        try {
            return Aligners.byName(name, seed);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(option + " must be one of "
                    + String.join(", ", Aligners.names()) + ", got '" + name + "'", e);
        }
    }

    /** Returns whether the exact (branch-and-bound) aligner is chosen. */
    boolean isExact() {
        return aligner != null && EXACT.equals(aligner.strip().toLowerCase(Locale.ROOT));
    }

    /** Returns whether the {@code multistart} preset is chosen. */
    private boolean isMultistart() {
        return aligner != null && MULTISTART.equals(aligner.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the per-alignment time limit: the exact aligner's (60 s unless given), the
     * {@code multistart} preset's when given; null otherwise.
     */
    Double timeLimitSeconds() {
        return isExact() || isMultistart() && timeLimit != null
                ? timeLimit().toNanos() / 1e9 : null;
    }

    /**
     * Returns the words of the per-alignment time limit for the aligner line of the text
     * reports, {@code ", time limit 0.0005 s"}, the value that the JSON gives as
     * {@code timeLimitSeconds}; empty when no limit applies ({@link #timeLimitSeconds}).
     */
    String timeLimitWords() {
        return timeLimitWords(timeLimitSeconds());
    }

    /**
     * Returns the words of a per-alignment time limit for an aligner line,
     * {@code ", time limit 0.0005 s"}, or empty for null (no limit).
     */
    static String timeLimitWords(Double seconds) {
        return seconds == null ? "" : ", time limit " + formatSeconds(seconds) + " s";
    }

    /** Describes the limits of the exact aligner, for the text output. */
    String limitText() {
        return String.format(Locale.ROOT, "%s s per alignment or %,d search nodes",
                formatSeconds(timeLimitSeconds()), ExactAligner.DEFAULT_NODE_LIMIT);
    }

    /**
     * Counts the given final alignments of a run that are not proven optimal
     * ({@link Alignment#certified}), as {@link #unproven(long, long)} does for counts.
     *
     * @param alignments the alignments the run's result rests on
     * @return the count, with the text to print when the exact search stopped at its limit
     */
    Unproven unproven(List<Alignment> alignments) {
        long count = 0;
        for (Alignment a : alignments) {
            if (!a.certified()) {
                count++;
            }
        }
        return unproven(count, alignments.size());
    }

    /**
     * Counts the alignments of a run that are not proven optimal, for its reports: the text
     * line and the JSON's {@code uncertifiedAlignments} and {@code limitReached} of
     * {@code mean}, {@code median}, {@code cluster}, {@code classify} and {@code regress}.
     * Those commands count alignments whose certificate is the aligner's own answer, so with
     * the exact aligner every one not proven optimal is one where the search stopped at its
     * limit. {@code pca} words its own line: its final alignments can be unproven for the
     * final line without any limit reached (an alternation stopped before a fixed point).
     *
     * @param unproven the alignments not proven optimal
     * @param made all alignments counted
     * @return the count, with the text to print when the exact search stopped at its limit
     */
    Unproven unproven(long unproven, long made) {
        boolean reached = isExact() && unproven > 0;
        String text = reached ? String.format(Locale.ROOT, "%d of %d not proven optimal: the"
                + " exact search stopped at its limit (%s) or rounding left the optimum"
                + " unresolved", unproven, made, limitText()) : null;
        return new Unproven(made, unproven, reached, text);
    }

    /**
     * The alignments of a run that are not proven optimal.
     *
     * @param made all alignments counted
     * @param unproven those not proven optimal (with a heuristic aligner, usually all)
     * @param limitReached whether the exact aligner stopped at its limit in some of them
     * @param text {@code "N of M not proven optimal: the exact search stopped at its limit
     *     (L)"} when {@code limitReached}, else null: with a heuristic aligner no alignment
     *     claims to be optimal, so the reports print nothing
     */
    record Unproven(long made, long unproven, boolean limitReached, String text) {
    }

    private Duration timeLimit() {
        if (timeLimit == null) {
            return ExactAligner.DEFAULT_TIME_LIMIT;
        }
        return Duration.ofNanos(Math.max(1L, Math.round(timeLimit * 1e9)));
    }

    private static String formatSeconds(double seconds) {
        return Numbers.compact(seconds);
    }
}
