package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads a dataset from a path by its kind: a folder is read as a TU dataset
 * ({@link TuDatasetReader}), a {@code .cxl} file as an IAM split ({@link IamDatasetReader}), a
 * {@code .npy} file as a stack of adjacency matrices ({@link NpyReader#readAdjacencyStack}), a
 * molecule file ({@code .smi}, {@code .smiles}, {@code .can}, {@code .csv}, {@code .sdf},
 * {@code .sd}, {@code .mol}) by a default {@link MoleculeReader}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetLoader {

    /** Endings of the files of a TU data set, lower case. */
    private static final List<String> TU_SUFFIXES = List.of("_a.txt", "_graph_indicator.txt",
            "_graph_labels.txt", "_graph_attributes.txt", "_node_labels.txt",
            "_node_attributes.txt", "_edge_labels.txt", "_edge_attributes.txt");

    private DatasetLoader() {
    }

    /**
     * Loads the dataset at a path.
     *
     * @param path a TU dataset folder, an IAM {@code .cxl} split file, a {@code .npy} file or
     *     a molecule file
     * @return the dataset
     * @throws DatasetFormatException with a one-line message if the path does not exist
     *     ({@code "no such file or folder: ..."}), is of an unknown kind (a file of a TU data
     *     set gets the hint to give its folder), or its files break their format
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset load(Path path) throws IOException {
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
        if (!Files.exists(path)) {
            throw DatasetFormatException.noSuchPath(path);
        }
        if (Files.isDirectory(path)) {
            return TuDatasetReader.read(path);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cxl")) {
            return IamDatasetReader.read(path);
        }
        if (name.endsWith(".npy")) {
            return NpyReader.readAdjacencyStack(path);
        }
        if (MoleculeReader.isMoleculeFile(path)) {
            return molecules.read(path);
        }
        String hint = "";
        for (String suffix : TU_SUFFIXES) {
            if (name.endsWith(suffix)) {
                Path folder = path.getParent();
                hint = " (for a TU data set, give its folder: " + (folder == null ? "."
                        : folder) + ")";
            }
        }
        throw new DatasetFormatException(path, "unknown dataset type; expected a TU folder,"
                + " an IAM .cxl split file, a .npy file or a molecule file (.smi, .can, .csv,"
                + " .sdf)" + hint);
    }
}
