package org.orbifold.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The node and edge weights of the graph space, one value each. */
final class WeightOptions {

    /** The command these options belong to, for its options' typed values. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--node-weight", paramLabel = "W", defaultValue = "1",
            preprocessor = RealValue.class,
            description = "Weight of node attributes in the distance (default: ${DEFAULT-VALUE}).")
    double nodeWeight;

    @Option(names = "--edge-weight", paramLabel = "W", defaultValue = "1",
            preprocessor = RealValue.class,
            description = "Weight of edge attributes in the distance (default: ${DEFAULT-VALUE}).")
    double edgeWeight;

    /**
     * Fails, before any data is read, on a weight that is not finite or is negative, naming
     * it as typed ({@link RealValue#typed}).
     *
     * @throws CliException a usage error naming the option and its value
     */
    void requireValid() {
        RealValue.requireNonNegative(command, "--node-weight", nodeWeight);
        RealValue.requireNonNegative(command, "--edge-weight", edgeWeight);
    }
}
