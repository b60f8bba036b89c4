package org.orbifold.match;

import java.util.List;
import java.util.Locale;

/**
 * Aligners by name, for command-line options and configuration files.
 *
 * <table>
 *   <caption>Names</caption>
 *   <tr><th>name</th><th>aligner</th></tr>
 *   <tr><td>{@code exact}</td><td>{@link ExactAligner}, default limits</td></tr>
 *   <tr><td>{@code faq}</td><td>{@link FaqAligner}, default options (the default)</td></tr>
 *   <tr><td>{@code nodes}</td><td>{@link NodeAssignmentAligner}</td></tr>
 * </table>
 */
public final class Aligners {

    private static final List<String> NAMES = List.of("exact", "faq", "nodes");

    private Aligners() {
    }

    /**
     * Returns a new aligner by name, ignoring case and surrounding blanks.
     *
     * @param name one of {@link #names()}
     * @param seed seed for the aligner's random choices (unused by {@code nodes})
     * @return the aligner
     * @throws IllegalArgumentException if the name is unknown; the message lists the names
     */
    public static Aligner byName(String name, long seed) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "exact":
                return new ExactAligner(seed);
            case "faq":
                return new FaqAligner(seed);
            case "nodes":
                return new NodeAssignmentAligner();
            default:
                throw new IllegalArgumentException("unknown aligner '" + name
                        + "'; valid names are " + String.join(", ", NAMES));
        }
    }

    /** Returns the valid names, in alphabetical order. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Returns the default aligner, {@link FaqAligner} with default options.
     *
     * @param seed seed of its randomized starts
     * @return the aligner
     */
    public static Aligner defaultAligner(long seed) {
        return new FaqAligner(seed);
    }
}
