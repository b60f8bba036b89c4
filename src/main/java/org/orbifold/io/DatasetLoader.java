package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a dataset from a path by its kind: a folder is read as a TU dataset
 * ({@link TuDatasetReader}), a {@code .cxl} file as an IAM split ({@link IamDatasetReader}), a
 * {@code .npy} file as a stack of adjacency matrices ({@link NpyReader#readAdjacencyStack}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /**
     * Loads the dataset at a path.
     *
     * @param path a TU dataset folder, an IAM {@code .cxl} split file or a {@code .npy} file
     * @return the dataset
     * @throws DatasetFormatException with a one-line message if the path does not exist
     *     ({@code "no such file or folder: ..."}), is of an unknown kind, or its files break
     *     their format
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset load(Path path) throws IOException {
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
        throw new DatasetFormatException(path, "unknown dataset type; expected a TU folder,"
                + " an IAM .cxl split file or a .npy file");
    }
}
