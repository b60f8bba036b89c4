package org.orbifold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.orbifold.io.DotReader;
import org.orbifold.io.GmlReader;
import org.orbifold.io.GraphMlReader;
import org.orbifold.io.MoleculeReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options that choose the graphs a command works on and how results are printed. */
final class DataOptions {

    /** The files the molecule options apply to, as messages name them. */
    private static final String MOLECULE_FILES = "molecule files ("
            + String.join(", ", MoleculeReader.fileEndings()) + ")";

    /** The files that {@code --label-property} applies to. */
    private static final String LABELLED_FILES =
            "CSV and SD molecule files (.csv, .sdf, .sd, .mol) and GraphML, GML and DOT files"
            + " or folders (.graphml, .gml, .dot, .gv)";

    @Option(names = "--class", paramLabel = "C",
            description = "Keep only the graphs of class C, of which --limit then keeps the"
                + " first N (an unknown class lists the classes).")
    String className;

    @Option(names = "--limit", paramLabel = "N",
            description = "Keep only the first N graphs, for quick looks (a molecule file is"
                + " read only up to its N-th molecule).")
    Integer limit;

    @Option(names = "--skip-invalid",
            description = "Skip the records of a molecule file that cannot be read (bad SMILES,"
                + " impossible valence) instead of failing; the notes count them.")
    boolean skipInvalid;

    @Option(names = "--no-valence-check",
            description = "Accept molecules whose atoms exceed the normal valence of their"
                + " element (such as a nitro group written N(=O)=O) instead of rejecting them.")
    boolean noValenceCheck;

    @Option(names = "--label-property", paramLabel = "NAME",
            description = "Class labels of a molecule file from the CSV column or SD data"
                + " item NAME, of GraphML, GML and DOT graphs from their graph attribute NAME"
                + " (default: a CSV column or graph attribute "
                + MoleculeReader.DEFAULT_LABEL_COLUMNS
                + "; none for an SD file).")
    String labelProperty;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** The command these options belong to, for its standard error. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Reads DATASET, a {@code tu:NAME} first fetched ({@link FetchCommand#resolve}; a
     * {@link DatasetCommand} has it replaced by its folder before it runs and fetched by its
     * own {@code load}), and selects the graphs. {@code --limit N} without {@code --class}
     * keeps the first N graphs of the file, so a molecule file is read only up to its N-th
     * molecule ({@link MoleculeReader#withLimit}): a record after it that would not parse
     * does not stop the command. Other formats are read whole (a TU data set's graphs are
     * spread over files of all graphs), and then cut.
     */
    Sample load(String dataset) {
        PrintWriter err = command == null ? new PrintWriter(System.err, true)
                : command.commandLine().getErr();
        String path = FetchCommand.resolve(dataset, err,
                "1".equals(System.getenv(CenterCommand.TERMINAL_VARIABLE)));
        MoleculeReader molecules = molecules(path);
        if (className == null && limit != null && limit >= 1) {
            molecules = molecules.withLimit(limit);
        }
        return Sample.load(path, className, limit, molecules, graphMl());
    }

    /**
     * Returns the reader of GraphML files and folders that the options ask for, whose label
     * property the loader gives its GML and DOT readers too; call {@link #molecules} first,
     * which refuses {@code --label-property} for other data.
     */
    GraphMlReader graphMl() {
        return new GraphMlReader().withLabelProperty(labelProperty == null ? null
                : labelProperty.strip());
    }

    /**
     * Returns whether DATASET is GraphML, GML or DOT data: such a file, or a folder that holds
     * such files (which the loader reads unless the folder also holds a TU data set or files of
     * another of these formats, which it then refuses).
     */
    private static boolean isGraphMl(String dataset) {
        Path path = Path.of(dataset);
        if (GraphMlReader.isGraphMlFile(path) || GmlReader.isGmlFile(path)
                || DotReader.isDotFile(path)) {
            return true;
        }
        try {
            return Files.isDirectory(path) && (!GraphMlReader.graphMlFiles(path).isEmpty()
                    || !GmlReader.gmlFiles(path).isEmpty() || !DotReader.dotFiles(path).isEmpty());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the reader of molecule files that the options ask for; fails when a molecule
     * option is given for a data set it cannot apply to.
     *
     * @param dataset the data set argument, or null for the default
     */
    MoleculeReader molecules(String dataset) {
        String name = dataset == null ? "" : dataset.toLowerCase(Locale.ROOT);
        boolean moleculeFile = dataset != null && MoleculeReader.isMoleculeFile(Path.of(dataset));
        boolean graphMl = dataset != null && !moleculeFile && isGraphMl(dataset);
        if (!moleculeFile && !graphMl) {
            requireNoMoleculeOptions(dataset == null ? "the default letters" : dataset);
        }
        if (graphMl) {
            String option = skipInvalid ? "--skip-invalid" : noValenceCheck
                    ? "--no-valence-check" : null;
            if (option != null) {
                throw CliException.usage(option + " applies only to " + MOLECULE_FILES
                        + ", not to " + dataset);
            }
        }
        if (labelProperty != null) {
            if (labelProperty.isBlank()) {
                throw CliException.usage("--label-property needs a column, data item or graph"
                        + " attribute name");
            }
            boolean labelled = graphMl || name.endsWith(".csv") || name.endsWith(".sdf")
                    || name.endsWith(".sd") || name.endsWith(".mol");
            if (!labelled) {
                throw CliException.usage("--label-property applies only to "
                        + LABELLED_FILES + ", not to " + dataset + "; a SMILES file takes"
                        + " its classes from a file NAME_target.txt beside it");
            }
        }
        return new MoleculeReader().withSkipInvalid(skipInvalid)
                .withValenceCheck(!noValenceCheck)
                .withLabelColumn(labelProperty == null ? null : labelProperty.strip());
    }

    /**
     * Fails when an option that applies only to molecule files ({@code --skip-invalid},
     * {@code --no-valence-check}, {@code --label-property}) is given for data that are none,
     * each refused in the same words, naming the data.
     *
     * @param data the data as messages name them, such as the DATASET argument
     */
    void requireNoMoleculeOptions(String data) {
        String option = skipInvalid ? "--skip-invalid" : noValenceCheck ? "--no-valence-check"
                : null;
        if (option != null) {
            throw CliException.usage(option + " applies only to " + MOLECULE_FILES
                    + ", not to " + data);
        }
        if (labelProperty != null) {
            throw CliException.usage("--label-property applies only to " + LABELLED_FILES
                    + ", not to " + data);
        }
    }
}
