package org.orbifold.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark instances of the linear assignment solver: three cost families with fixed
 * seeds, and a minimal NumPy {@code .npy} writer and reader so that the Python script times
 * SciPy on exactly the same matrices.
 *
 * <p>Every instance is determined by its family and order {@code n}: the generator is a
 * {@link SplittableRandom} seeded with {@link #seed(Family, int)}, filled row by row.
 */
public final class Instances {

    /** The cost families of the benchmark. */
    public enum Family {
        /** Square {@code n x n}, entries uniform in {@code [0, 1)}. */
        UNIFORM,
        /** Square {@code n x n}, integer entries uniform in {@code 0..100}: many ties. */
        INTEGER,
        /** Rectangular {@code n x 2n}, entries uniform in {@code [0, 1)}. */
        RECTANGULAR;

        /** The file name stem of this family's instance of order {@code n}. */
        String fileName(int n) {
            return name().toLowerCase(java.util.Locale.ROOT) + "-" + n + ".npy";
        }
    }

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

    private Instances() {
    }

    /**
     * The fixed seed of an instance.
     *
     * @param family the cost family
     * @param n the order (number of rows)
     * @return the seed
     */
    public static long seed(Family family, int n) {
        return 20_240_000L + 10_000L * family.ordinal() + n;
    }

    /**
     * Generates an instance as rows.
     *
     * @param family the cost family
     * @param n the number of rows
     * @return an {@code n x n} or {@code n x 2n} matrix
     */
    public static double[][] generate(Family family, int n) {
        SplittableRandom random = new SplittableRandom(seed(family, n));
        int columns = family == Family.RECTANGULAR ? 2 * n : n;
        double[][] matrix = new double[n][columns];
        for (double[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = family == Family.INTEGER ? random.nextInt(101) : random.nextDouble();
            }
        }
        return matrix;
    }

    /**
     * Flattens a matrix row-major.
     *
     * @param matrix the rows, all of the same length
     * @return the entries, row after row
     */
    public static double[] flatten(double[][] matrix) {
        int columns = matrix.length == 0 ? 0 : matrix[0].length;
        double[] flat = new double[matrix.length * columns];
        for (int i = 0; i < matrix.length; i++) {
            System.arraycopy(matrix[i], 0, flat, i * columns, columns);
        }
        return flat;
    }

    /**
     * Writes a matrix as a version 1.0 {@code .npy} file of little-endian doubles, C order.
     *
     * @param file the target file
     * @param matrix the rows, all of the same length
     * @throws IOException if writing fails
     */
    public static void writeNpy(Path file, double[][] matrix) throws IOException {
        int rows = matrix.length;
        int columns = rows == 0 ? 0 : matrix[0].length;
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, "
                + "'shape': (" + rows + ", " + columns + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer data = ByteBuffer.allocate(8 * rows * columns).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : matrix) {
            for (double entry : row) {
                data.putDouble(entry);
            }
        }
        try (OutputStream out = Files.newOutputStream(file);
                DataOutputStream stream = new DataOutputStream(out)) {
            stream.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            int length = header.length();
            stream.write(length & 0xff);
            stream.write(length >>> 8);
            stream.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            stream.write(data.array());
        }
    }

    /**
     * Reads a matrix written by {@link #writeNpy(Path, double[][])}.
     *
     * @param file the source file
     * @return the rows
     * @throws IOException if reading fails or the file is not such a matrix
     */
    public static double[][] readNpy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                DataInputStream stream = new DataInputStream(in)) {
            byte[] magic = new byte[8];
            stream.readFully(magic);
            int length = stream.read() | stream.read() << 8;
            byte[] headerBytes = new byte[length];
            stream.readFully(headerBytes);
            String header = new String(headerBytes, StandardCharsets.US_ASCII);
            Matcher shape = SHAPE.matcher(header);
            if (magic[1] != 'N' || !header.contains("'<f8'") || header.contains("True")
                    || !shape.find()) {
                throw new IOException(file + ": not a C-order float64 matrix .npy: " + header);
            }
            int rows = Integer.parseInt(shape.group(1));
            int columns = Integer.parseInt(shape.group(2));
            byte[] raw = new byte[8 * rows * columns];
            stream.readFully(raw);
            ByteBuffer data = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            double[][] matrix = new double[rows][columns];
            for (double[] row : matrix) {
                for (int j = 0; j < columns; j++) {
                    row[j] = data.getDouble();
                }
            }
            return matrix;
        }
    }
}
