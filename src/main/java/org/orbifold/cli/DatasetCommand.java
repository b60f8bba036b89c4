package org.orbifold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command on one data set, named by an optional first argument: {@code info}, {@code mean}
 * and {@code median}. Declares the argument and the {@link DataOptions} once for all of them.
 */
abstract class DatasetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** What a DATASET can be, for the help of every command that reads one. */
    static final String DATASET_KINDS = "TU folder or .zip, tu:NAME (a TU Dortmund data set,"
            + " fetched into the cache when missing), IAM .cxl, .npy, GraphML, GML or DOT file"
            + " or folder (.graphml, .gml, .dot, .gv) or molecule file ("
            + ClassifyCommand.MOLECULE_ENDINGS + "; default: the embedded letters)";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
            description = DATASET_KINDS + ".")
    String dataset;

    @Mixin
    DataOptions data;

    /**
     * The fetch of a DATASET {@code tu:NAME}, which {@link #dataset} names by its folder in
     * the cache; run by {@link #load}, after the command's checks, so that a refused command
     * line downloads nothing. Null when there is nothing to fetch. Until it has run, the
     * folder may not exist: a check of DATASET that looks at the files (such as
     * {@code classify}'s of an IAM folder) must not take that for a missing path.
     */
    FetchCommand.Pending pendingFetch;

    /**
     * Returns the graphs chosen by the argument and the data options. A data set of the cache
     * ({@code tu:NAME}) that does not read, such as one with a file removed by hand, fails
     * with the advice to fetch it again.
     */
    Sample load() {
        return load(() -> data.load(dataset));
    }

    /**
     * Runs the pending fetch of a {@code tu:NAME}, if any, then returns what the reader reads
     * from {@link #dataset}; the molecule options ({@code --label-property},
     * {@code --skip-invalid}, {@code --no-valence-check}), which a TU folder does not take,
     * are refused before the fetch. A data error of a data set of the cache gets the advice
     * to fetch it again, as in {@link #load()}. For a command that reads DATASET otherwise
     * than through the data options ({@code classify} with split lists).
     *
     * @param reader reads the graphs from {@link #dataset}
     * @return what the reader returns
     */
    Sample load(Supplier<Sample> reader) {
        String name = pendingFetch == null ? null : pendingFetch.name();
        if (name != null) {
            // A TU data set: the molecule options cannot apply; refused before the download.
            data.requireNoMoleculeOptions("tu:" + name + " (a TU folder)");
        }
        fetchDataset();
        try {
            return reader.get();
        } catch (CliException e) {
            if (name == null || e.exitCode() != CliException.DATA) {
                throw e;
            }
            throw CliException.data(e.getMessage() + "; if the cached copy is damaged, fetch it"
                    + " again with: orbifold fetch --force " + name, e);
        }
    }

    /** Runs the pending fetch of a {@code tu:NAME}, if any, once. */
    void fetchDataset() {
        if (pendingFetch != null) {
            FetchCommand.Pending pending = pendingFetch;
            pendingFetch = null;
            pending.fetch();
        }
    }

    /**
     * Returns the command's standard output; for a text report one that shows control
     * characters as escapes ({@link VisibleText}).
     */
    PrintWriter out() {
        PrintWriter out = spec.commandLine().getOut();
        return data.json ? out : VisibleText.writer(out);
    }
}
