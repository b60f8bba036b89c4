package org.orbifold.cli;

import picocli.CommandLine.Option;

/** Options that choose the graphs a command works on and how results are printed. */
final class DataOptions {

    @Option(names = "--class", paramLabel = "C",
            description = "Keep only the graphs of class C (an unknown class lists the classes).")
    String className;

    @Option(names = "--limit", paramLabel = "N",
            description = "Keep only the first N graphs (after --class), for quick looks.")
    Integer limit;

    @Option(names = "--skip-invalid",
            description = "Skip the records of a molecule file that cannot be read (bad SMILES,"
                + " impossible valence) instead of failing; the notes count them.")
    boolean skipInvalid;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    Sample load(String dataset) {
        return Sample.load(dataset, className, limit, skipInvalid);
    }
}
