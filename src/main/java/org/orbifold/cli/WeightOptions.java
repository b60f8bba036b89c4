package org.orbifold.cli;

import picocli.CommandLine.Option;

/** The node and edge weights of the graph space, one value each. */
final class WeightOptions {

    @Option(names = "--node-weight", paramLabel = "W", defaultValue = "1",
            preprocessor = RealValue.class,
            description = "Weight of node attributes in the distance (default: ${DEFAULT-VALUE}).")
    double nodeWeight;

    @Option(names = "--edge-weight", paramLabel = "W", defaultValue = "1",
            preprocessor = RealValue.class,
            description = "Weight of edge attributes in the distance (default: ${DEFAULT-VALUE}).")
    double edgeWeight;
}
