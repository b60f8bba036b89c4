package org.orbifold.match;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Aligners by name, for command-line options and configuration files.
 *
 * <table>
 *   <caption>Names</caption>
 *   <tr><th>name</th><th>aligner</th></tr>
 *   <tr><td>{@code exact}</td><td>{@link ExactAligner}, default limits</td></tr>
 *   <tr><td>{@code fast}</td><td>{@link FaqAligner} with {@value #FAST_RANDOM_STARTS} random
 *       starts, {@value #FAST_PERTURBATIONS} perturbations and at most
 *       {@value #FAST_MAX_ITERATIONS} Frank-Wolfe iterations per start: quicker, a little less
 *       often optimal; pairs of matrix order at most {@value #FAST_EXHAUSTIVE_ORDER} are
 *       solved exactly by bounded enumeration when that finishes within a fixed budget
 *       (certified)</td></tr>
 *   <tr><td>{@code faq}</td><td>{@link FaqAligner} with default options and exact
 *       enumeration of pairs of matrix order at most {@value #FAQ_EXHAUSTIVE_ORDER} (at most
 *       {@value #FAQ_EXHAUSTIVE_PLACEMENTS} node placements, then the heuristic), which
 *       {@code new FaqAligner(seed)} alone does not do: {@link #defaultAligner} (the
 *       default)</td></tr>
 *   <tr><td>{@code ga}</td><td>{@link GraduatedAssignmentAligner}, default options</td></tr>
 *   <tr><td>{@code ipfp}</td><td>{@link IpfpAligner}, default options</td></tr>
 *   <tr><td>{@code multistart}</td><td>{@link FaqAligner}: the {@code faq} preset's whole
 *       search, then further randomized Frank-Wolfe starts, {@value #MULTISTART_RANDOM_STARTS}
 *       in all, and its iterated local search once more from the best permutation met: about
 *       25 times the time of {@code faq} on MUTAG pairs and far less often above the optimum
 *       there (see {@link #MULTISTART_RANDOM_STARTS}); never worse than {@code faq} with the
 *       same seed, since its search up to the further starts is exactly {@code faq}'s; pairs
 *       that {@code faq} certifies before its Frank-Wolfe starts (small pairs by enumeration,
 *       pairs without an edge term, isomorphic pairs matched by its structural start) come
 *       back exactly as {@code faq} returns them, certified, and a pair that {@code faq}
 *       finds at distance 0 later is found there too. Like every
 *       heuristic it can still miss the optimum, so its distance can depend on the numbering
 *       of the nodes (on 1 of 100 random MUTAG pairs renumbered at random, against 36 for
 *       {@code faq}; docs/matching.md). No time limit; {@link #multistart(long, Duration)}
 *       gives one</td></tr>
 *   <tr><td>{@code nodes}</td><td>{@link NodeAssignmentAligner}</td></tr>
 *   <tr><td>{@code thorough}</td><td>{@link TabuAligner}: the {@code faq} preset
 *       ({@link #defaultAligner}) followed by robust tabu search ({@link TabuSearch}) of
 *       {@value #THOROUGH_TABU_ITERATIONS_PER_NODE} iterations per node: much slower (about
 *       {@code 1000 m^3} operations), mean QAPLIB gap below 1 %, and never worse than
 *       {@code faq} with the same seed; a pair that {@code faq} certifies (its exact
 *       enumeration of small pairs) comes back as {@code faq} found it, certified, since no
 *       search can improve on a proven optimum</td></tr>
 * </table>
 *
 * <p>The presets report the preset name as their {@link Aligner#name()}; an aligner built
 * with the constructors reports the family name ({@code faq} for every {@link FaqAligner}),
 * so an equal name does not mean equal options.
 */
public final class Aligners {

    /** Randomized Frank-Wolfe starts of the {@code fast} preset. */
    public static final int FAST_RANDOM_STARTS = 0;
    /** Perturbations of the iterated local search of the {@code fast} preset. */
    public static final int FAST_PERTURBATIONS = 5;
    /**
     * Most Frank-Wolfe iterations per start of the {@code fast} preset. On Letter and MUTAG
     * pairs Frank-Wolfe stops after about 3 to 7 iterations anyway; on the larger QAPLIB
     * instances the cap saves up to two thirds of the Frank-Wolfe time (docs/matching.md).
     */
    public static final int FAST_MAX_ITERATIONS = 10;
    /**
     * Largest matrix order the default {@code faq} aligner solves exactly by enumeration, and
     * the most node placements it spends on one pair (about a millisecond; {@code 8! =
     * 40,320} complete matchings of order 8 need fewer with the bound).
     */
    public static final int FAQ_EXHAUSTIVE_ORDER = 8;
    /** Most node placements of the enumeration of the default {@code faq} aligner. */
    public static final long FAQ_EXHAUSTIVE_PLACEMENTS = 200_000;
    /** Largest matrix order the {@code fast} preset solves exactly by enumeration. */
    public static final int FAST_EXHAUSTIVE_ORDER = 9;
    /**
     * Randomized Frank-Wolfe starts of the {@code multistart} preset, the default aligner's
     * one included. Measured on the 281 pairs of the first 25 TU MUTAG graphs that
     * {@code exact} proves optimal within 2 s each (existence channel and seed 42 as on the
     * command line; {@code OptimalityGapHarness}, commit 4114776, 2026-12-05, one thread,
     * load about 5.5): with 128 starts the preset ends above the optimum on 8 pairs (2.8 %,
     * by 5.1 % at most) at 8.1 ms of CPU time per pair, against 118 pairs (42 %, by 41 % at
     * most) at 0.31 ms for {@code faq}; with 64 starts on 15 pairs (5.3 %) at 4.0 ms. The
     * {@code thorough} preset found every optimum there at about 131 ms per pair
     * (docs/matching.md, "Distance to the optimum on MUTAG").
     */
    public static final int MULTISTART_RANDOM_STARTS = 128;
    /** Tabu search iterations per node of the {@code thorough} preset. */
    public static final long THOROUGH_TABU_ITERATIONS_PER_NODE = 1000;
    /**
     * The largest product {@code ||x|| ||y||} of the weighted norms of two graphs that every
     * aligner of this package supports: it bounds the similarity of any alignment, and the
     * products and sums the aligners form from the pair stay far from overflow. The aligners
     * that solve the pair as a quadratic assignment problem (all but {@code nodes}) refuse a
     * larger product with a {@link org.orbifold.space.WeightedOverflowException} naming the
     * weights. A collection whose graphs all have weighted squared norms at most this value
     * (and the means of such graphs) can be aligned pair by pair.
     */
    public static final double MAX_NORM_PRODUCT = 1e150;

    private static final List<String> NAMES =
            List.of("exact", "fast", "faq", "ga", "ipfp", "multistart", "nodes", "thorough");

    private Aligners() {
    }

    /**
     * Returns a new aligner by name, ignoring case and surrounding blanks.
     *
     * @param name one of {@link #names()}
     * @param seed seed for the aligner's random choices (unused by the deterministic
     *     {@code ga}, {@code ipfp} and {@code nodes})
     * @return the aligner
     * @throws IllegalArgumentException if the name is unknown; the message lists the names
     */
    public static Aligner byName(String name, long seed) {
        Objects.requireNonNull(name, "name");
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "exact":
                return new ExactAligner(seed);
            case "fast":
                return new FaqAligner(seed).withRandomStarts(FAST_RANDOM_STARTS)
                        .withPerturbations(FAST_PERTURBATIONS)
                        .withStopping(FAST_MAX_ITERATIONS, FaqAligner.DEFAULT_TOLERANCE)
                        .withExhaustiveOrder(FAST_EXHAUSTIVE_ORDER).withName("fast");
            case "faq":
                return defaultAligner(seed);
            case "ga":
                return new GraduatedAssignmentAligner();
            case "ipfp":
                return new IpfpAligner();
            case "multistart":
                return multistart(seed, null);
            case "nodes":
                return new NodeAssignmentAligner();
            case "thorough":
                return new TabuAligner("thorough", defaultAligner(seed), new TabuSearch(seed)
                        .withIterationsPerNode(THOROUGH_TABU_ITERATIONS_PER_NODE));
            default:
                throw new IllegalArgumentException("unknown aligner '" + name
                        + "'; valid names are " + String.join(", ", NAMES));
        }
    }

    /**
     * Returns the valid names, in alphabetical order.
     *
     * @return the valid names, in alphabetical order
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Returns the {@code multistart} preset: the default aligner's whole search, then
     * {@code MULTISTART_RANDOM_STARTS - 1} further randomized Frank-Wolfe starts and the
     * iterated local search once more; with a time limit, a call begins no further start and
     * no perturbation of that second search once it has run for the limit. The default
     * aligner's search always runs in full, so the result is never worse than {@code faq}'s
     * with the same seed, and a call can outlast the limit by that search and by the start
     * under way. Without a limit ({@code byName("multistart", seed)}) the result depends on
     * the seed alone; a limit that binds makes it depend on the machine and its load, the
     * exception to determinism that {@link Aligner} states for every wall-clock limit.
     *
     * @param seed seed of the randomized starts and perturbations
     * @param timeLimit the time after which a call starts nothing further, positive, or null
     *     for none
     * @return the aligner, named {@code multistart}
     * @throws IllegalArgumentException if {@code timeLimit} is zero or negative
     */
    public static Aligner multistart(long seed, Duration timeLimit) {
        return ((FaqAligner) defaultAligner(seed))
                .withFurtherStarts(MULTISTART_RANDOM_STARTS - FaqAligner.DEFAULT_RANDOM_STARTS)
                .withFurtherStartsTimeLimit(timeLimit)
                .withName("multistart");
    }

    /**
     * Returns the default aligner, the {@code faq} preset: {@link FaqAligner} with default
     * options and exact enumeration of small pairs, {@code new FaqAligner(seed)
     * .withExhaustiveSearch(FAQ_EXHAUSTIVE_ORDER, FAQ_EXHAUSTIVE_PLACEMENTS)}. Its name is
     * {@code faq}, as is that of {@code new FaqAligner(seed)} without the enumeration; the
     * two can differ on pairs of matrix order at most {@value #FAQ_EXHAUSTIVE_ORDER}.
     *
     * @param seed seed of its randomized starts
     * @return the aligner
     */
    public static Aligner defaultAligner(long seed) {
        return new FaqAligner(seed).withExhaustiveSearch(FAQ_EXHAUSTIVE_ORDER,
                FAQ_EXHAUSTIVE_PLACEMENTS);
    }
}
