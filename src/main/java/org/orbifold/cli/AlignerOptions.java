package org.orbifold.cli;

import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import picocli.CommandLine.Option;

/** Options of the graph space and of the alignment strategy. */
final class AlignerOptions {

    /** The seed used when {@code --seed} is not given. */
    static final long DEFAULT_SEED = 42L;

    @Option(names = "--aligner", paramLabel = "NAME", defaultValue = "faq",
            description = "Alignment strategy: exact, faq or nodes (default: ${DEFAULT-VALUE}).")
    String aligner;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--node-weight", paramLabel = "W", defaultValue = "1",
            description = "Weight of node attributes in the distance (default: ${DEFAULT-VALUE}).")
    double nodeWeight;

    @Option(names = "--edge-weight", paramLabel = "W", defaultValue = "1",
            description = "Weight of edge attributes in the distance (default: ${DEFAULT-VALUE}).")
    double edgeWeight;

    Aligner aligner() {
        try {
            return Aligners.byName(aligner, seed);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
