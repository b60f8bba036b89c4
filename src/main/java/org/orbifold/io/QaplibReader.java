package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orbifold.space.Permutation;

/**
 * Reads the text files of QAPLIB (R.E. Burkard, S.E. Karisch and F. Rendl, 1997, "QAPLIB - A
 * quadratic assignment problem library", J. Global Optim. 10:391-403).
 *
 * <p>An instance file ({@code .dat}) holds the order {@code n}, then the {@code n x n} matrix
 * {@code A}, then the {@code n x n} matrix {@code B}, row by row, as whitespace-separated
 * numbers; line breaks and blank lines carry no meaning. A solution file ({@code .sln}) holds
 * {@code n}, the objective value and a permutation of {@code 1..n} (or of {@code 0..n-1}).
 *
 * <p>The files are read as UTF-8; a byte-order mark at the start is skipped, as in the TU and
 * molecule readers. Every malformed file raises a {@link DatasetFormatException} that names the
 * file and the line: a token that is not a number, an order that is not a positive integer, a
 * file that ends early or has numbers left over, a permutation that is not a bijection, or
 * bytes that are not UTF-8 text (also naming the column). A path that is a folder or no regular
 * file (such as a named pipe or a device) is refused as such, without being opened.
 *
 * <p>Numbers are read as {@code double}; an integer entry larger in magnitude than
 * {@code 2^53}, beyond which a double does not hold every integer, is refused with its line
 * (QAPLIB has none), as every reader refuses one ({@link DecimalNumbers#isInexactInteger}).
 */
public final class QaplibReader {

    /** What a solution file is, in messages. */
    private static final String SOLUTION_FILE = "a QAPLIB solution file (.sln)";

    private QaplibReader() {
    }

    /**
     * Reads an instance file. The name is the file name without the {@code .dat} extension.
     *
     * @param dat the file
     * @return the instance
     * @throws DatasetFormatException if the file does not exist, is a folder or no regular
     *     file, or is malformed
     * @throws IOException if reading fails
     */
    public static QaplibInstance readInstance(Path dat) throws IOException {
        Objects.requireNonNull(dat, "dat");
        Tokens tokens = Tokens.of(dat, "a QAPLIB instance file (.dat)");
        int n = tokens.nextOrder();
        double[][] first = tokens.nextMatrix(n, "first matrix");
        double[][] second = tokens.nextMatrix(n, "second matrix");
        tokens.requireEnd();
        return new QaplibInstance(stem(dat, ".dat"), first, second);
    }

    /**
     * Reads a solution file. The name is the file name without the {@code .sln} extension.
     * The permutation is 1-based unless it contains {@code 0}.
     *
     * @param sln the file
     * @return the solution as written, with a 0-based permutation
     * @throws DatasetFormatException if the file does not exist, is a folder or no regular
     *     file, or is malformed
     * @throws IOException if reading fails
     */
    public static QaplibSolution readSolution(Path sln) throws IOException {
        Objects.requireNonNull(sln, "sln");
        Tokens tokens = Tokens.of(sln, SOLUTION_FILE);
        int n = tokens.nextOrder();
        double value = tokens.nextNumber("objective value");
        int[] written = new int[n];
        int[] lines = new int[n];
        boolean hasZero = false;
        for (int i = 0; i < n; i++) {
            double entry = tokens.nextNumber("permutation entry " + (i + 1) + " of " + n);
            lines[i] = tokens.line();
            if (entry != Math.rint(entry) || entry < 0 || entry > (hasZero ? n - 1 : n)) {
                throw new DatasetFormatException(sln, tokens.line(), "permutation entry "
                        + (i + 1) + " is " + tokens.last() + ", expected "
                        + expectedEntry(n, hasZero));
            }
            written[i] = (int) entry;
            hasZero |= written[i] == 0;
        }
        tokens.requireEnd();
        int offset = hasZero ? 0 : 1;
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int image = written[i] - offset;
            if (image >= n || seen[image]) {
                throw new DatasetFormatException(sln, lines[i], "permutation entry " + (i + 1)
                        + " is " + written[i] + ", which is "
                        + (image >= n ? "out of range for a 0-based permutation (0.." + (n - 1)
                                + "; the file contains 0)" : "repeated"));
            }
            seen[image] = true;
            written[i] = image;
        }
        return new QaplibSolution(stem(sln, ".sln"), value, Permutation.of(written), hasZero);
    }

    /**
     * Returns what a permutation entry of a solution of order {@code n} may be: an integer in
     * {@code 0..n-1} once a 0 has shown the permutation 0-based, otherwise one in {@code 1..n}
     * (1-based, as QAPLIB writes them) or in {@code 0..n-1}.
     */
    private static String expectedEntry(int n, boolean zeroSeen) {
        String zeroBased = "0.." + (n - 1);
        return zeroSeen ? "an integer in " + zeroBased + " (the permutation is 0-based: it"
                + " contains 0)" : "an integer in 1.." + n + " (a 1-based permutation, as"
                + " QAPLIB writes them) or in " + zeroBased + " (0-based)";
    }

    /**
     * Reads the solution next to an instance file ({@code name.sln} beside {@code name.dat}),
     * if there is one.
     *
     * @param dat the instance file
     * @return the solution, or empty when nothing has the solution file's name
     * @throws DatasetFormatException if the solution file is malformed, or its name is taken
     *     by a folder or by no regular file (such as a named pipe)
     * @throws IOException if the solution file cannot be read
     */
    public static Optional<QaplibSolution> readSolutionFor(Path dat) throws IOException {
        Objects.requireNonNull(dat, "dat");
        Path sln = dat.resolveSibling(stem(dat, ".dat") + ".sln");
        return Files.exists(sln) ? Optional.of(readSolution(sln)) : Optional.empty();
    }

    private static String stem(Path file, String extension) {
        String name = String.valueOf(file.getFileName());
        return name.endsWith(extension) ? name.substring(0, name.length() - extension.length())
                : name;
    }

    /** The whitespace-separated tokens of a file, with their line numbers. */
    private static final class Tokens {

        private final Path file;
        private final List<String> lines;
        private int lineIndex;
        private String[] fields = new String[0];
        private int fieldIndex;
        private String last = "";

        private Tokens(Path file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        /**
         * Reads the lines of a regular file, without its byte-order mark; refuses a folder or
         * another file that is no regular file before opening it.
         */
        static Tokens of(Path file, String expected) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw DatasetFormatException.notRegularFile(file, expected);
            }
            return new Tokens(file, TextFiles.readUtf8Lines(file));
        }

        /** Returns the 1-based line of the last token read (or of the end of the file). */
        int line() {
            return Math.max(1, lineIndex);
        }

        String last() {
            return last;
        }

        private boolean advance() {
            while (fieldIndex >= fields.length) {
                if (lineIndex >= lines.size()) {
                    return false;
                }
                String text = lines.get(lineIndex++).strip();
                fields = text.isEmpty() ? new String[0] : text.split("\\s+");
                fieldIndex = 0;
            }
            return true;
        }

        double nextNumber(String what) throws DatasetFormatException {
            if (!advance()) {
                throw new DatasetFormatException(file, line(), "file ended, expected " + what);
            }
            last = fields[fieldIndex++];
            try {
                return DecimalNumbers.parseFinite(last, what);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, line(), e.getMessage());
            }
        }

        int nextOrder() throws DatasetFormatException {
            double n = nextNumber("the order n");
            if (n != Math.rint(n) || n < 1 || n > 1 << 15) {
                throw new DatasetFormatException(file, line(),
                        "order must be a positive integer, found '" + last + "'");
            }
            return (int) n;
        }

        double[][] nextMatrix(int n, String what) throws DatasetFormatException {
            double[][] matrix = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    matrix[i][j] = nextNumber(what + " entry (" + (i + 1) + ", " + (j + 1)
                            + ")");
                }
            }
            return matrix;
        }

        void requireEnd() throws DatasetFormatException {
            if (advance()) {
                throw new DatasetFormatException(file, lineIndex, "unexpected extra token '"
                        + fields[fieldIndex] + "' after the last expected number");
            }
        }
    }
}
