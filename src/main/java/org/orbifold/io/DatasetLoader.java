package org.orbifold.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Loads a dataset from a path by its kind: a folder is read as a TU dataset
 * ({@link TuDatasetReader}) or, when it holds no TU data set but {@code .graphml}, {@code .gml}
 * or {@code .dot}/{@code .gv} files, as a folder of GraphML ({@link GraphMlReader}), GML
 * ({@link GmlReader}) or DOT ({@link DotReader}) files (a folder holding two of these kinds is
 * refused), a {@code .cxl} file as an IAM split ({@link IamDatasetReader}), a {@code .npy} file
 * as a stack of adjacency matrices ({@link NpyReader#readAdjacencyStack}), a {@code .graphml},
 * {@code .gml}, {@code .dot} or {@code .gv} file by the reader of its format, a molecule file
 * ({@code .smi}, {@code .smiles}, {@code .can}, {@code .csv}, {@code .sdf}, {@code .sd},
 * {@code .mol}) by a default {@link MoleculeReader}, and a {@code .zip} file as a zip of a TU
 * data set, as the collection packs it ({@link TuDatasetFetcher#readZip}). Other compressed
 * files ({@code x.graphml.gz}, {@code x.sdf.bz2}, by the ending or by the first bytes) are
 * refused with the advice to unpack them; the readers refuse compressed bytes in a file of
 * their own ending ({@code "is gzip-compressed (first bytes 1F 8B), not text"}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetLoader {

    /** Endings of the files of a TU data set, lower case. */
    private static final List<String> TU_SUFFIXES = List.of("_a.txt", "_graph_indicator.txt",
            "_graph_labels.txt", "_graph_attributes.txt", "_node_labels.txt",
            "_node_attributes.txt", "_edge_labels.txt", "_edge_attributes.txt");

    /** Endings of compressed files, lower case, with the format and the tool that unpacks it. */
    private static final String[][] COMPRESSED = {
        {".tar.gz", "a gzip-compressed tar archive", "tar -xzf"},
        {".tgz", "a gzip-compressed tar archive", "tar -xzf"},
        {".gz", "gzip-compressed", "gunzip"},
        {".bz2", "bzip2-compressed", "bunzip2"},
        {".xz", "xz-compressed", "unxz"},
        {".zst", "Zstandard-compressed", "unzstd"},
    };

    /** The kinds of data set that {@link #load} reads, for messages. */
    private static final String KINDS = "a TU folder or .zip, an IAM .cxl split file, a .npy"
            + " file, a"
            + " GraphML, GML or DOT file or folder (.graphml, .gml, .dot, .gv) or a molecule"
            + " file ("
            + String.join(", ", MoleculeReader.fileEndings()) + ")";

    private DatasetLoader() {
    }

    /**
     * Loads the dataset at a path.
     *
     * @param path a TU dataset folder, an IAM {@code .cxl} split file, a {@code .npy} file, a
     *     GraphML file or folder of GraphML files, or a molecule file
     * @return the dataset
     * @throws DatasetFormatException with a one-line message if the path does not exist
     *     ({@code "no such file or folder: ..."}), is neither a folder nor a regular file
     *     (a named pipe or a device: {@code "...: not a regular file ..."}, refused without
     *     opening it), is of an unknown kind (a file of a TU data
     *     set gets the hint to give its folder; a folder without a TU data set gets the list
     *     of the readable files it holds), or its files break their format
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset load(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        return load(path, new MoleculeReader());
    }

    /**
     * Loads the dataset at a path, reading molecule files with the given reader (for its
     * options: skipping invalid records, explicit hydrogens, the label column).
     *
     * @param path a TU dataset folder, an IAM {@code .cxl} split file, a {@code .npy} file or
     *     a molecule file
     * @param molecules the reader of molecule files
     * @return the dataset
     * @throws DatasetFormatException as {@link #load(Path)}
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset load(Path path, MoleculeReader molecules) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(molecules, "molecules");
        return load(path, molecules, new GraphMlReader());
    }

    /**
     * Loads the dataset at a path, reading molecule files and GraphML files or folders with
     * the given readers (for their options, such as the graph attribute of class labels); GML
     * and DOT files and folders are read by a {@link GmlReader} or {@link DotReader} with the
     * GraphML reader's {@link GraphMlReader#labelProperty}.
     *
     * @param path a TU dataset folder, an IAM {@code .cxl} split file, a {@code .npy} file, a
     *     GraphML, GML or DOT file or folder of such files, or a molecule file
     * @param molecules the reader of molecule files
     * @param graphMl the reader of GraphML files and folders
     * @return the dataset; for a GraphML, GML or DOT folder that also holds other files of data
     *     sets, with a note naming them as not read
     * @throws DatasetFormatException as {@link #load(Path)}
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset load(Path path, MoleculeReader molecules, GraphMlReader graphMl)
            throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(molecules, "molecules");
        Objects.requireNonNull(graphMl, "graphMl");
        if (!Files.exists(path)) {
            throw DatasetFormatException.noSuchPath(path);
        }
        GmlReader gml = new GmlReader().withLabelProperty(graphMl.labelProperty());
        DotReader dot = new DotReader().withLabelProperty(graphMl.labelProperty());
        if (Files.isDirectory(path)) {
            List<String> tu = TuDatasetReader.datasetNames(path);
            List<Path> graphMlFiles = GraphMlReader.graphMlFiles(path);
            List<Path> gmlFiles = GmlReader.gmlFiles(path);
            List<Path> dotFiles = DotReader.dotFiles(path);
            List<String> kinds = new ArrayList<>();
            if (!tu.isEmpty()) {
                kinds.add("a TU data set (" + String.join(", ", tu) + ")");
            }
            if (!graphMlFiles.isEmpty()) {
                kinds.add("GraphML files (" + few(names(graphMlFiles)) + ")");
            }
            if (!gmlFiles.isEmpty()) {
                kinds.add("GML files (" + few(names(gmlFiles)) + ")");
            }
            if (!dotFiles.isEmpty()) {
                kinds.add("DOT files (" + few(names(dotFiles)) + ")");
            }
            if (kinds.size() > 1) {
                String formats = tu.isEmpty() || kinds.size() > 2 ? "graph"
                        : !graphMlFiles.isEmpty() ? "GraphML" : !gmlFiles.isEmpty() ? "GML"
                        : "DOT";
                throw new DatasetFormatException(path, "holds " + (kinds.size() == 2
                        ? "both " + kinds.get(0) + " and " + kinds.get(1) + "; move one of them"
                        + " to a folder of its own" : String.join(", ", kinds) + "; move them"
                        + " to folders of their own") + ", or give a " + formats + " file by"
                        + " itself");
            }
            if (!graphMlFiles.isEmpty()) {
                return withOthersNote(graphMl.read(path), path, GraphMlReader::isGraphMlFile,
                        ".graphml");
            }
            if (!gmlFiles.isEmpty()) {
                return withOthersNote(gml.read(path), path, GmlReader::isGmlFile, ".gml");
            }
            if (!dotFiles.isEmpty()) {
                return withOthersNote(dot.read(path), path, DotReader::isDotFile,
                        ".dot and .gv");
            }
            if (tu.isEmpty()) {
                throw new DatasetFormatException(path, TuDatasetReader.noDatasetHere(path)
                        + "; " + contents(path));
            }
            return TuDatasetReader.read(path);
        }
        if (!Files.isRegularFile(path)) {
            throw DatasetFormatException.notRegularFile(path, KINDS);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cxl")) {
            return IamDatasetReader.read(path);
        }
        if (name.endsWith(".npy")) {
            return NpyReader.readAdjacencyStack(path);
        }
        if (GraphMlReader.isGraphMlFile(path)) {
            return graphMl.read(path);
        }
        if (GmlReader.isGmlFile(path)) {
            return gml.read(path);
        }
        if (DotReader.isDotFile(path)) {
            return dot.read(path);
        }
        if (MoleculeReader.isMoleculeFile(path)) {
            return molecules.read(path);
        }
        if (name.endsWith(".zip")) {
            return TuDatasetFetcher.readZip(path);
        }
        String packed = compressed(path, name);
        if (packed != null) {
            throw new DatasetFormatException(path, packed);
        }
        String hint = "";
        for (String suffix : TU_SUFFIXES) {
            if (name.endsWith(suffix)) {
                Path folder = path.getParent();
                hint = " (for a TU data set, give its folder: " + (folder == null ? "."
                        : folder) + ")";
            }
        }
        throw new DatasetFormatException(path, "unknown dataset type; expected " + KINDS
                + hint);
    }

    /**
     * Says that a file of no known kind is compressed, by its ending ({@code x.graphml.gz}) or
     * its first bytes ({@link TextFiles#compression}), and how to unpack it; null when it is
     * not.
     */
    private static String compressed(Path path, String lower) throws IOException {
        String file = path.getFileName().toString();
        for (String[] kind : COMPRESSED) {
            if (lower.endsWith(kind[0]) && lower.length() > kind[0].length()) {
                String inner = file.substring(0, file.length() - kind[0].length());
                return kind[1] + " (the ending " + file.substring(inner.length()) + "); unpack"
                        + " it first (" + kind[2] + " " + file + (kind[0].startsWith(".t")
                        ? "" : " gives " + inner) + ") and give what it holds";
            }
        }
        byte[] start = new byte[6];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(start, 0, start.length);
        }
        String packed = TextFiles.compression(Arrays.copyOf(start, read));
        return packed == null ? null : "is " + packed + ", of no kind this loader reads;"
                + " unpack it first and give what it holds";
    }

    /**
     * Whether a file name is that of a compressed file of a data set, such as
     * {@code T_A.txt.gz} or {@code x.graphml.bz2} (not {@code distortion.xml.gz}).
     */
    private static boolean holdsDataFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String[] kind : COMPRESSED) {
            if (lower.endsWith(kind[0]) && lower.length() > kind[0].length()) {
                return isDatasetFile(Path.of(name.substring(0, name.length()
                        - kind[0].length())));
            }
        }
        return false;
    }

    /**
     * Adds a note to a data set read from the GraphML, GML or DOT files of a folder when the
     * folder also holds other files of data sets, which are not read with them.
     */
    private static GraphDataset withOthersNote(GraphDataset dataset, Path folder,
            Predicate<Path> read, String endings) throws IOException {
        List<String> others = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                if (Files.isRegularFile(entry) && isDatasetFile(entry) && !read.test(entry)) {
                    others.add(entry.getFileName().toString());
                }
            }
        }
        if (others.isEmpty()) {
            return dataset;
        }
        return dataset.withNotes(List.of("only the " + endings + " files of the folder are read,"
                + " not "
                + few(others) + " (give such a file by itself)"));
    }

    private static List<String> names(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            names.add(file.getFileName().toString());
        }
        return names;
    }

    /**
     * Returns what {@link #load} reads, or would read if it existed, for a path besides the
     * path itself: for an IAM {@code .cxl} split file the folders of its graph files
     * ({@link IamDatasetReader#graphFolders}; only the split file's own folder when the split
     * file cannot be read, which loading then reports), and the same for every {@code .cxl}
     * file of a folder (an IAM folder of splits); for a SMILES file the files its class labels
     * may come from ({@link MoleculeReader#labelFileCandidates}). A TU folder and the other
     * kinds are read only from themselves. Commands that write files use this to refuse
     * replacing an input or adding a file that a later load would read.
     *
     * @param path a path as given to {@link #load}
     * @return the other folders and files, absolute; empty when there are none
     */
    public static List<Path> companions(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.getFileName() == null ? ""
                : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cxl")) {
            try {
                return IamDatasetReader.graphFolders(path);
            } catch (IOException e) {
                Path folder = path.toAbsolutePath().getParent();
                return folder == null ? List.of() : List.of(folder.normalize());
            }
        }
        if (Files.isDirectory(path)) {
            Set<Path> folders = new LinkedHashSet<>();
            try (Stream<Path> entries = Files.list(path)) {
                for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                    String entryName = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (entryName.endsWith(".cxl") && Files.isRegularFile(entry)) {
                        folders.addAll(companions(entry));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return List.of();
            }
            return List.copyOf(folders);
        }
        return MoleculeReader.labelFileCandidates(path);
    }

    /**
     * Returns whether a path names a file of a data set by its ending (any case): a file of a
     * TU data set ({@code X_A.txt}, {@code X_graph_indicator.txt}, ...), an IAM split
     * ({@code .cxl}) or graph ({@code .gxl}), a {@code .npy} stack, a GraphML, GML or DOT file,
     * or a molecule file
     * ({@link MoleculeReader#isMoleculeFile}). The file need not exist.
     *
     * @param path a file path
     * @return whether {@link #load} reads it, by itself or as part of its data set
     */
    public static boolean isDatasetFile(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.getFileName() == null ? ""
                : path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : TU_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return name.endsWith(".cxl") || name.endsWith(".gxl") || name.endsWith(".npy")
                || GraphMlReader.isGraphMlFile(path) || GmlReader.isGmlFile(path)
                || DotReader.isDotFile(path) || MoleculeReader.isMoleculeFile(path);
    }

    /**
     * Returns whether a folder holds data: a file of a data set ({@link #isDatasetFile}), or a
     * subfolder that holds one directly (a data-set folder, such as a TU folder or an IAM
     * folder of splits and graphs). Deeper folders are not searched. A folder, or a subfolder,
     * that cannot be listed counts as holding data, so that a caller who avoids data errs on
     * the safe side. Commands use it not to suggest a new file among data sets.
     *
     * @param folder a folder
     * @return whether it holds data as described; false for a path that is no folder
     */
    public static boolean holdsData(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return holdsData(folder, file -> false);
    }

    /**
     * Returns whether a folder holds data, as {@link #holdsData(Path)} does, except that the
     * files that {@code known} accepts do not count, in the folder or in a subfolder: files
     * that the caller recognises as no data although their ending is that of a data set,
     * such as its own earlier outputs. A folder that holds only such files holds no data.
     *
     * @param folder a folder
     * @param known whether a file is known to be no data; asked only about files that
     *     {@link #isDatasetFile} names a file of a data set
     * @return whether it holds data as described; false for a path that is no folder
     */
    public static boolean holdsData(Path folder, Predicate<Path> known) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(known, "known");
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isDirectory(entry) ? holdsDatasetFile(entry, known)
                        : isData(entry, known)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    /** Whether a folder directly holds a file of a data set; true if it cannot be listed. */
    private static boolean holdsDatasetFile(Path folder, Predicate<Path> known) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(entry -> !Files.isDirectory(entry) && isData(entry, known));
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    /** Whether a file is named as a file of a data set and not known to be no data. */
    private static boolean isData(Path file, Predicate<Path> known) {
        return isDatasetFile(file) && !known.test(file);
    }

    /**
     * Describes what a folder without a TU data set holds that {@link #load} reads, so that
     * the message points at the right argument: IAM split files, molecule files, {@code .npy}
     * stacks, GraphML, GML and DOT files, TU data set subfolders; QAPLIB instances are named as
     * read by {@link QaplibReader} only. Only regular files are named (a named pipe that ends in
     * {@code .cxl} is not suggested). The readers use it too when they are given a folder where
     * they expect a file ({@link IamDatasetReader}).
     */
    static String contents(Path folder) throws IOException {
        List<String> cxl = new ArrayList<>();
        List<String> molecules = new ArrayList<>();
        List<String> npy = new ArrayList<>();
        List<String> graphMl = new ArrayList<>();
        List<String> hiddenGraphMl = new ArrayList<>();
        List<String> gml = new ArrayList<>();
        List<String> dot = new ArrayList<>();
        List<String> qaplib = new ArrayList<>();
        List<String> tuFolders = new ArrayList<>();
        List<String> zips = new ArrayList<>();
        List<String> packed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (Files.isDirectory(entry)) {
                    if (Files.isReadable(entry)
                            && !TuDatasetReader.datasetNames(entry).isEmpty()) {
                        tuFolders.add(name);
                    }
                } else if (!Files.isRegularFile(entry)) {
                    continue;
                } else if (lower.endsWith(".cxl")) {
                    cxl.add(name);
                } else if (lower.endsWith(".npy")) {
                    npy.add(name);
                } else if (GraphMlReader.isGraphMlFile(entry)) {
                    (name.startsWith(".") ? hiddenGraphMl : graphMl).add(name);
                } else if (GmlReader.isGmlFile(entry)) {
                    gml.add(name);
                } else if (DotReader.isDotFile(entry)) {
                    dot.add(name);
                } else if (MoleculeReader.isMoleculeFile(entry)) {
                    molecules.add(name);
                } else if (lower.endsWith(".dat")) {
                    qaplib.add(name);
                } else if (lower.endsWith(".zip")) {
                    zips.add(name);
                } else if (holdsDataFile(name)) {
                    packed.add(name);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (!cxl.isEmpty()) {
            parts.add("for IAM data give a .cxl file (" + few(cxl) + " found here)");
        }
        if (!molecules.isEmpty()) {
            parts.add("give a molecule file (" + few(molecules) + " found here)");
        }
        if (!npy.isEmpty()) {
            parts.add("give a .npy file (" + few(npy) + " found here)");
        }
        if (!graphMl.isEmpty()) {
            parts.add("give a .graphml file or this folder (" + few(graphMl) + " found here)");
        } else if (!hiddenGraphMl.isEmpty()) {
            parts.add("its only GraphML files are hidden (" + few(hiddenGraphMl) + "), which a"
                    + " folder is not read for; give such a file itself to read it");
        }
        if (!gml.isEmpty()) {
            parts.add("give a .gml file (" + few(gml) + " found here)");
        }
        if (!dot.isEmpty()) {
            parts.add("give a .dot or .gv file (" + few(dot) + " found here)");
        }
        if (!tuFolders.isEmpty()) {
            parts.add("give a TU data set folder (" + few(tuFolders) + " found here)");
        }
        if (!zips.isEmpty()) {
            parts.add("give a .zip file of a TU data set (" + few(zips) + " found here)");
        }
        if (!packed.isEmpty()) {
            parts.add("unpack the compressed files first (" + few(packed) + " found here)");
        }
        if (!qaplib.isEmpty()) {
            parts.add("the .dat files here (" + few(qaplib) + ") look like QAPLIB"
                    + " instances, which are no data set of graphs (the library reads them"
                    + " with QaplibReader)");
        }
        if (parts.isEmpty()) {
            return "nothing here is a data set this loader reads (a TU folder, an IAM .cxl"
                    + " file, a .npy file, a GraphML, GML or DOT file or folder, or a molecule"
                    + " file)";
        }
        return String.join("; ", parts);
    }

    /** Lists up to five names, then how many more there are. */
    private static String few(List<String> names) {
        int shown = Math.min(names.size(), 5);
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }
}
