package org.orbifold.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.orbifold.io.JsonWriter;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
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

    /** The words of {@link Alignment.Unproven#ROUNDING} in the text reports. */
    static final String ROUNDING_WORDS = "rounding errors could hide a better alignment (a"
            + " near-copy, or attributes far from 0)";

    /** Alignments of {@link #aligner()} whose exact search stopped at the time limit. */
    private final LongAdder stoppedByTime = new LongAdder();
    /** Alignments of {@link #aligner()} whose exact search stopped at the node limit. */
    private final LongAdder stoppedByNodes = new LongAdder();

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
            return timed(new ExactAligner(seed, ExactAligner.DEFAULT_NODE_LIMIT, timeLimit()),
                    timeLimit());
        }
        if (isMultistart() && timeLimit != null) {
            return Aligners.multistart(seed, timeLimit());
        }
        return byName("--aligner", aligner, seed);
    }

    /**
     * Wraps an exact aligner so that its alignments stopped at a limit are counted by the
     * limit that stopped them ({@link #limitWords()}, {@link #limitHit()}).
     *
     * @param exact the exact aligner
     * @param timeLimit its time limit per alignment
     * @return the same alignments, counted
     */
    Aligner timed(Aligner exact, Duration timeLimit) {
        return new LimitTimingAligner(exact, timeLimit.toNanos());
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
                    + String.join(", ", Aligners.names()) + ", got "
                    + UsageErrors.quotedWithHint(name, Aligners.names()), e);
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

    /**
     * Describes the limits of the exact aligner, for the text output: its time limit (the
     * default when another aligner is chosen, whose reports name a limit only if it was
     * reached) and its node limit.
     */
    String limitText() {
        return String.format(Locale.ROOT, "%s s per alignment or %,d search nodes",
                formatSeconds(timeLimit().toNanos() / 1e9), ExactAligner.DEFAULT_NODE_LIMIT);
    }

    /**
     * Names the limit at which the exact searches of {@link #aligner()} stopped, for the words
     * {@code "the exact search stopped at its ..."}: {@code "time limit (5 s per alignment)"}
     * when every search so stopped was stopped by the clock, {@code "node limit (50,000,000
     * search nodes)"} when every one was stopped by the count of search nodes, both with
     * their counts when some were stopped by each, and {@code "limit (5 s per alignment or
     * 50,000,000 search nodes)"} when no search stopped (the words of {@link #limitText()}).
     * A search counts as stopped by the clock when its alignment took at least the time
     * limit ({@link LimitTimingAligner}).
     *
     * @return the words of the limit reached
     */
    String limitWords() {
        String time = "time limit (" + formatSeconds(timeLimit().toNanos() / 1e9)
                + " s per alignment";
        String nodes = String.format(Locale.ROOT, "node limit (%,d search nodes",
                ExactAligner.DEFAULT_NODE_LIMIT);
        long byTime = stoppedByTime.sum();
        long byNodes = stoppedByNodes.sum();
        if (byTime > 0 && byNodes > 0) {
            return String.format(Locale.ROOT, "%s; in %,d searches) or %s; in %,d)", time,
                    byTime, nodes, byNodes);
        }
        if (byTime > 0) {
            return time + ")";
        }
        if (byNodes > 0) {
            return nodes + ")";
        }
        return "limit (" + limitText() + ")";
    }

    /**
     * Returns which limit stopped the exact searches of {@link #aligner()} so far, for the
     * JSON's {@code limitHit}: {@code "time"}, {@code "nodes"}, {@code "time and nodes"} when
     * some searches stopped at each, or null when none stopped.
     *
     * @return the limit hit, or null
     */
    String limitHit() {
        long byTime = stoppedByTime.sum();
        long byNodes = stoppedByNodes.sum();
        return byTime > 0 && byNodes > 0 ? "time and nodes" : byTime > 0 ? "time"
                : byNodes > 0 ? "nodes" : null;
    }

    /**
     * Counts the given final alignments of a run that are not proven optimal
     * ({@link Alignment#certified}) by their reason, as {@link #unproven(long, long, long,
     * long)} does for counts.
     *
     * @param alignments the alignments the run's result rests on
     * @return the counts, with the text to print when there is something to tell
     */
    Unproven unproven(List<Alignment> alignments) {
        long heuristic = 0;
        long limit = 0;
        long rounding = 0;
        for (Alignment a : alignments) {
            switch (a.unproven()) {
                case HEURISTIC -> heuristic++;
                case LIMIT -> limit++;
                case ROUNDING -> rounding++;
                default -> {
                    // certified
                }
            }
        }
        return unproven(heuristic, limit, rounding, alignments.size());
    }

    /**
     * Counts the alignments a counting aligner made that are not proven optimal, by their
     * reason, as {@link #unproven(long, long, long, long)} does for counts.
     *
     * @param aligner the aligner that made every alignment of the run
     * @return the counts, with the text to print when there is something to tell
     */
    Unproven unproven(CountingAligner aligner) {
        return unproven(aligner.unproven(Alignment.Unproven.HEURISTIC),
                aligner.unproven(Alignment.Unproven.LIMIT),
                aligner.unproven(Alignment.Unproven.ROUNDING), aligner.made());
    }

    /**
     * Counts the alignments of a run that are not proven optimal, by their reason, for its
     * reports: the text line and the JSON's {@code uncertifiedAlignments},
     * {@code unprovenReasons} and {@code limitReached} of {@code mean}, {@code median},
     * {@code cluster}, {@code classify} and {@code regress}. {@code limitReached} is true only
     * when the exact search stopped at its limit in some alignment, not when a search that
     * completed left its optimum unproven because of rounding. The text names each reason
     * with its count; it is printed when some alignment stopped at the limit or was left
     * unproven by rounding, and with the exact aligner whenever one is unproven. With a
     * heuristic aligner whose alignments are all unproven as heuristics there is no text: no
     * alignment claims to be optimal. {@code pca} words its own line: its final alignments can
     * be unproven for the final line without any limit reached (an alternation stopped before
     * a fixed point).
     *
     * @param heuristic the alignments not proven because the aligner is a heuristic there
     * @param limit those where the exact search stopped at its limit
     * @param rounding those whose search or certificate completed but rounding could hide a
     *     better alignment
     * @param made all alignments counted
     * @return the counts, with the text to print, or null text
     */
    Unproven unproven(long heuristic, long limit, long rounding, long made) {
        long unproven = heuristic + limit + rounding;
        boolean tell = limit > 0 || rounding > 0 || isExact() && unproven > 0;
        String text = tell ? String.format(Locale.ROOT, "%d of %d not proven optimal: %s",
                unproven, made, reasonsText(heuristic, limit, rounding, limitWords())) : null;
        return new Unproven(made, heuristic, limit, rounding, text, stoppedByTime.sum(),
                stoppedByNodes.sum());
    }

    /**
     * Returns the counts of the reasons, joined by {@code "; "}, for the text reports:
     * {@code "K where the exact search stopped at its L"} (L naming the limit, as
     * {@link #limitWords()} does: {@code "time limit (5 s per alignment)"}),
     * {@code "R where the search or certificate completed, but rounding errors could hide a
     * better alignment (...)"} and {@code "H from a heuristic, which does not prove
     * optimality"}, each only when its count is positive.
     *
     * @param heuristic the count of {@link Alignment.Unproven#HEURISTIC}
     * @param limit the count of {@link Alignment.Unproven#LIMIT}
     * @param rounding the count of {@link Alignment.Unproven#ROUNDING}
     * @param limitWords the words of the limit, as {@link #limitWords()} gives them
     * @return the text, empty when all counts are 0
     */
    static String reasonsText(long heuristic, long limit, long rounding, String limitWords) {
        List<String> parts = new ArrayList<>();
        if (limit > 0) {
            parts.add(String.format(Locale.ROOT, "%,d where the exact search stopped at its"
                    + " %s", limit, limitWords));
        }
        if (rounding > 0) {
            parts.add(String.format(Locale.ROOT, "%,d where the search or certificate"
                    + " completed, but %s", rounding, ROUNDING_WORDS));
        }
        if (heuristic > 0) {
            parts.add(String.format(Locale.ROOT, "%,d from a heuristic, which does not prove"
                    + " optimality", heuristic));
        }
        return String.join("; ", parts);
    }

    /**
     * The alignments of a run that are not proven optimal, by reason.
     *
     * @param made all alignments counted
     * @param heuristic those not proven because the aligner is a heuristic there (with a
     *     heuristic aligner, usually all)
     * @param limit those where the exact search stopped at its limit
     * @param rounding those whose search or certificate completed but rounding could hide a
     *     better alignment
     * @param text {@code "N of M not proven optimal: ..."} naming the reasons with their
     *     counts, or null when there is nothing to tell (see
     *     {@link AlignerOptions#unproven(long, long, long, long)})
     * @param stoppedByTime the alignments of the whole run (not only those counted) whose
     *     exact search stopped at the time limit
     * @param stoppedByNodes those whose exact search stopped at the node limit
     */
    record Unproven(long made, long heuristic, long limit, long rounding, String text,
            long stoppedByTime, long stoppedByNodes) {

        /** Returns the number of alignments not proven optimal, whatever the reason. */
        long unproven() {
            return heuristic + limit + rounding;
        }

        /** Returns whether the exact search stopped at its limit in some alignment. */
        boolean limitReached() {
            return limit > 0;
        }

        /**
         * Writes the JSON object {@code unprovenReasons}: the counts by reason, keyed by
         * {@link Alignment.Unproven#label()}; then the object {@code limitsHit}: the
         * alignments of the run whose exact search stopped at the time limit ({@code time})
         * and at the node limit ({@code nodes}).
         */
        void writeReasons(JsonWriter json) {
            json.name("unprovenReasons").beginObject();
            json.name(Alignment.Unproven.HEURISTIC.label()).value(heuristic);
            json.name(Alignment.Unproven.LIMIT.label()).value(limit);
            json.name(Alignment.Unproven.ROUNDING.label()).value(rounding);
            json.endObject();
            json.name("limitsHit").beginObject().name("time").value(stoppedByTime)
                    .name("nodes").value(stoppedByNodes).endObject();
        }
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

    /**
     * The exact aligner with the wall time of each alignment taken, so that an alignment
     * whose search stopped at its limit ({@link Alignment.Unproven#LIMIT}) is counted as
     * stopped by the time limit when it took at least that long, and by the node limit
     * otherwise: the search compares its clock with a deadline set when the alignment
     * starts, so a search stopped sooner stopped at its count of search nodes. Otherwise it
     * is the aligner it wraps: the same alignments, the same name. Thread-safe.
     *
     * <p><b>Limitations.</b> A search that reaches its node limit just before its deadline
     * and then takes past the deadline to finish its alignment is counted as stopped by the
     * time limit, which it had then reached as well.
     */
    private final class LimitTimingAligner implements Aligner {

        private final Aligner exact;
        private final long limitNanos;

        LimitTimingAligner(Aligner exact, long limitNanos) {
            this.exact = exact;
            this.limitNanos = limitNanos;
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y) {
            long start = System.nanoTime();
            return counted(exact.align(space, x, y), start);
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
            long began = System.nanoTime();
            return counted(exact.align(space, x, y, start), began);
        }

        @Override
        public String name() {
            return exact.name();
        }

        @Override
        public String toString() {
            return exact.toString();
        }

        private Alignment counted(Alignment a, long start) {
            if (a.unproven() == Alignment.Unproven.LIMIT) {
                (System.nanoTime() - start >= limitNanos ? stoppedByTime : stoppedByNodes)
                        .increment();
            }
            return a;
        }
    }
}
