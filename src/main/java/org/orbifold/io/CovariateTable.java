package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of real covariates, one row per graph, read from a file: a NumPy {@code .npy}
 * array of shape {@code (N)} (one covariate) or {@code (N, p)}, or a UTF-8 text file with one
 * row per line whose values are separated by commas (when the line holds a comma) or else by
 * spaces and tabs; a line with semicolons and no comma is refused (semicolons separate no
 * fields), as is a NumPy {@code .npz} archive. In a text file, blank lines and lines starting
 * with {@code #} are skipped, and the first remaining line is a header of column names when
 * none of its fields is a number (an empty field is none; a line mixing names and numbers is
 * refused, so a mistyped value never passes as a header; {@code nan}, {@code inf} and
 * {@code Infinity} in any case count as numbers, and are then refused as not
 * finite). Every header column needs a name of its own: an empty one
 * (a pandas index column, a trailing comma) or a repeated one is refused. A field wholly
 * enclosed in double quotes is read without them; any other double quote is refused. Columns
 * without a header are named {@code x1, ..., xp}, as are the columns of a 2-D {@code .npy}
 * array, while the one column of a 1-D array is named after the file
 * ({@code football_scores} for {@code football_scores.npy}).
 *
 * <p>Every value must be a finite decimal number ({@link DecimalNumbers#parseFinite}, which
 * refuses an integer beyond 2^53 too, as {@link NpyReader} does in an array); every
 * row must have as many values as the first. Errors name the file and the line and column
 * (text) or the array entry ({@code .npy}).
 *
 * <p><b>Decimal commas.</b> A number written with a decimal comma ({@code 0,126} for
 * {@code 0.126}) splits into two whole numbers. A text file without a header whose every row
 * is such a pair (an optionally signed whole number, one comma, digits only: {@code 0,126},
 * {@code -0,132}) is refused when some row shows it cannot be two columns of whole numbers:
 * a signed zero before the comma ({@code -0,132}) or a leading zero after it
 * ({@code 0,05}). Without such a row the file is read as two columns, with a note
 * ({@link #notes()}) that they may be decimal commas; a header naming the two columns reads
 * it without the note. When a row's value count disagrees with the header or the first row
 * and the row of two values is such a pair, the error says that decimal commas may be the
 * cause.
 *
 * <p>Immutable: the rows are copied on the way in and out.
 *
 * @param names one name per column
 * @param rows the values, row by row, each with {@code names.size()} entries
 * @param notes what a reader of the results should know about how the file was read (the
 *     possible decimal commas above), empty for most files
 */
public record CovariateTable(List<String> names, double[][] rows, List<String> notes) {

    /** A number with a decimal comma standing apart ({@link #commaNumberIn}). */
    private static final Pattern COMMA_NUMBER = Pattern.compile(
            "(?:^|[\\s\"])([+-]?[0-9]+,[0-9]+)(?=$|[\\s\"])");

    /**
     * Validates and copies a table without notes.
     *
     * @param names one name per column
     * @param rows the values, row by row, each with {@code names.size()} entries
     * @throws IllegalArgumentException if there are no columns or a row has another length
     */
    public CovariateTable(List<String> names, double[][] rows) {
        this(names, rows, List.of());
    }

    /**
     * Validates and copies the table.
     *
     * @param names one name per column
     * @param rows the values, row by row, each with {@code names.size()} entries
     * @param notes notes on how the file was read
     * @throws IllegalArgumentException if there are no columns or a row has another length
     */
    public CovariateTable {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(notes, "notes");
        names = List.copyOf(names);
        notes = List.copyOf(notes);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a covariate table needs at least one column");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != names.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length
                        + (rows[i].length == 1 ? " value" : " values") + " for "
                        + names.size() + (names.size() == 1 ? " column" : " columns"));
            }
            copy[i] = rows[i].clone();
        }
        rows = copy;
    }

    /**
     * Returns a copy of the rows.
     *
     * @return a copy of the rows
     */
    @Override
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of rows
     */
    public int size() {
        return rows.length;
    }

    /**
     * Returns the table of the given rows, in the given order.
     *
     * @param indices row indices, each in {@code [0, size())}
     * @return the selected rows with the same names
     */
    public CovariateTable select(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        double[][] chosen = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            chosen[k] = rows[Objects.checkIndex(indices[k], rows.length)];
        }
        return new CovariateTable(names, chosen, notes);
    }

    /**
     * Reads a covariate file: {@code .npy} by its ending (any case), text otherwise.
     *
     * @param file the file
     * @return the table, with at least one row
     * @throws DatasetFormatException if the file is missing, no regular file, breaks its
     *     format, holds no rows, rows of unequal length, or a value that is not a finite
     *     decimal number
     * @throws IOException if it cannot be read
     */
    public static CovariateTable read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw DatasetFormatException.notRegularFile(file, "a covariate file (.npy, or text"
                    + " with one row per graph)");
        }
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".npy")) {
            return readNpy(file);
        }
        if (fileName.endsWith(".npz")) {
            throw new DatasetFormatException(file, "NumPy .npz archives are not read; save one"
                    + " array with numpy.save as a .npy file");
        }
        return readText(file);
    }

    private static CovariateTable readNpy(Path file) throws IOException {
        NpyArray array = NpyReader.readArray(file);
        int[] shape = array.shape();
        if (shape.length != 1 && shape.length != 2) {
            throw new DatasetFormatException(file, "covariates must be a 1-D array (N) or a"
                    + " 2-D array (N, p), got shape " + Arrays.toString(shape));
        }
        int n = shape[0];
        int p = shape.length == 1 ? 1 : shape[1];
        if (n == 0 || p == 0) {
            throw new DatasetFormatException(file, "the covariate array of shape "
                    + Arrays.toString(shape) + " holds no values");
        }
        double[] values = array.values();
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = values[i * p + j];
                if (!Double.isFinite(v)) {
                    throw new DatasetFormatException(file, "entry "
                            + (shape.length == 1 ? "[" + i + "]" : "[" + i + ", " + j + "]")
                            + " is " + v + "; covariates must be finite");
                }
                rows[i][j] = v;
            }
        }
        List<String> names = shape.length == 1 ? List.of(stem(file)) : defaultNames(p);
        return new CovariateTable(names, rows);
    }

    private static CovariateTable readText(Path file) throws IOException {
        List<String> lines = TextFiles.readUtf8Lines(file);
        List<String> names = null;
        List<double[]> rows = new ArrayList<>();
        int firstLine = 0;
        String firstRow = null;
        boolean allPairs = true;
        int evidenceLine = 0;
        String evidence = null;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = fields(file, l + 1, line);
            if (names == null && rows.isEmpty() && isHeader(fields)) {
                names = header(file, l + 1, fields);
                firstLine = l + 1;
                continue;
            }
            int expected = names != null ? names.size() : rows.isEmpty() ? fields.length
                    : rows.get(0).length;
            if (fields.length != expected) {
                String pair = fields.length == 2 && expected == 1 ? line
                        : fields.length == 1 && expected == 2 && names == null ? firstRow
                        : null;
                throw new DatasetFormatException(file, l + 1, GraphDataset.count(fields.length,
                        "value") + " where "
                        + (names != null ? "the header (line " + firstLine + ") names "
                        : "the first row has ") + expected
                        + (pair != null && isCommaPair(pair) ? decimalCommaHint(pair) : ""));
            }
            if (rows.isEmpty()) {
                firstRow = line;
            }
            allPairs &= isCommaPair(line);
            if (evidence == null && isCommaPair(line) && cannotBeWholeNumbers(line) != null) {
                evidence = line;
                evidenceLine = l + 1;
            }
            double[] row = new double[fields.length];
            for (int j = 0; j < fields.length; j++) {
                String column = names != null ? "covariate '" + names.get(j) + "'"
                        : "covariate x" + (j + 1);
                try {
                    row[j] = DecimalNumbers.parseFinite(fields[j], column);
                } catch (NumberFormatException e) {
                    String pair = commaNumberIn(line);
                    throw new DatasetFormatException(file, l + 1, j + 1, e.getMessage()
                            + (fields[j].indexOf(';') >= 0 ? " (fields are separated by"
                            + " commas, tabs or spaces, not semicolons)"
                            : pair != null ? decimalCommaHint(pair) : ""));
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(file, "no rows of covariates (blank lines, lines"
                    + " starting with # and a header are not rows)");
        }
        List<String> notes = List.of();
        if (names == null && allPairs) {
            if (evidence != null) {
                throw new DatasetFormatException(file, evidenceLine, "'"
                        + TextFiles.shown(evidence) + "' looks like "
                        + evidence.replace(',', '.') + " written with a decimal comma: every"
                        + " row is a whole number, a comma and digits, and this one has "
                        + cannotBeWholeNumbers(evidence) + ", which two columns of whole"
                        + " numbers would not have; write decimal numbers with a point ("
                        + evidence.replace(',', '.') + ")");
            }
            notes = List.of("covariates: every row of " + file + " is two whole numbers"
                    + " joined by a comma (such as '" + TextFiles.shown(firstRow) + "'), read"
                    + " as two columns x1 and x2; if they are decimal numbers written with a"
                    + " decimal comma, write them with a point ("
                    + firstRow.replace(',', '.') + "); a header naming the two columns"
                    + " drops this note");
        }
        return new CovariateTable(names != null ? names : defaultNames(rows.get(0).length),
                rows.toArray(new double[0][]), notes);
    }

    /**
     * Returns whether a line is one number that a decimal comma may have split: an
     * optionally signed whole number, one comma, then digits only ({@code -0,132}).
     */
    private static boolean isCommaPair(String line) {
        return line.matches("[+-]?[0-9]+,[0-9]+");
    }

    /**
     * Returns what shows that a pair ({@link #isCommaPair}) is no two whole numbers, in words
     * ("a signed zero before the comma", "a leading zero after the comma"), or null.
     */
    private static String cannotBeWholeNumbers(String pair) {
        int comma = pair.indexOf(',');
        String before = pair.substring(0, comma);
        String after = pair.substring(comma + 1);
        if (before.matches("[+-]0+")) {
            return "a signed zero before the comma";
        }
        if (after.length() > 1 && after.charAt(0) == '0') {
            return "a leading zero after the comma";
        }
        return null;
    }

    /**
     * Returns the first number with a decimal comma ({@link #isCommaPair}) that stands apart
     * in a line, between its ends, spaces, tabs or double quotes ({@code 1,5} in
     * {@code 1,5 2}, {@code 1,5\t2} or {@code "1,5"}), or null: where fields are also
     * separated by spaces or quoted, such a pair is one number, not two fields.
     */
    private static String commaNumberIn(String line) {
        Matcher m = COMMA_NUMBER.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** Returns the hint, for a value-count error, that a decimal comma split a number. */
    private static String decimalCommaHint(String pair) {
        return " (decimal commas? '" + TextFiles.shown(pair) + "' reads as two values; write"
                + " decimal numbers with a point, " + pair.replace(',', '.') + ")";
    }

    /**
     * Splits a line at commas if it has one, else at runs of spaces and tabs, and takes the
     * double quotes off a field wholly enclosed in them ({@code "goals"}); a field with any
     * other double quote (one around a comma, an escaped quote) is refused.
     */
    private static String[] fields(Path file, int line, String text)
            throws DatasetFormatException {
        if (text.indexOf(';') >= 0 && text.indexOf(',') < 0) {
            throw new DatasetFormatException(file, line, "a semicolon: fields are separated by"
                    + " commas, tabs or spaces, not semicolons");
        }
        String[] fields = text.indexOf(',') >= 0 ? text.split(",", -1) : text.split("[ \t]+");
        for (int j = 0; j < fields.length; j++) {
            String field = fields[j].strip();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1);
            }
            if (field.indexOf('"') >= 0) {
                String pair = commaNumberIn(text);
                throw new DatasetFormatException(file, line, j + 1, "a double quote inside a"
                        + " field: only fields wholly enclosed in double quotes, without commas"
                        + " or quotes inside, are read"
                        + (pair != null ? decimalCommaHint(pair) : ""));
            }
            fields[j] = field;
        }
        return fields;
    }

    /**
     * Returns the column names of a header line, refusing a column without a name (an index
     * column written by pandas, a trailing comma) and a name given twice.
     */
    private static List<String> header(Path file, int line, String[] fields)
            throws DatasetFormatException {
        for (int j = 0; j < fields.length; j++) {
            if (fields[j].isEmpty()) {
                String hint = j == 0 && fields.length > 1 ? "an index column written by pandas?"
                        + " write the file with index=False, or drop the column"
                        : j == fields.length - 1 && fields.length > 1 ? "a trailing comma?"
                        + " remove it, or name the column" : "name every column";
                throw new DatasetFormatException(file, line, j + 1, "column " + (j + 1)
                        + " of the header has no name: " + hint);
            }
            for (int k = 0; k < j; k++) {
                if (fields[k].equals(fields[j])) {
                    throw new DatasetFormatException(file, line, j + 1, "the header names"
                            + " columns " + (k + 1) + " and " + (j + 1) + " both '"
                            + TextFiles.shown(fields[j]) + "': give each column its own"
                            + " name");
                }
            }
        }
        return List.of(fields);
    }

    /**
     * Returns whether no field of a line reads as a number (empty fields read as none), is
     * written in a Java-only number form, or is a word of a non-finite value in any case
     * ({@code nan}, {@code inf}, {@code -Infinity}), which a user takes for a number.
     */
    private static boolean isHeader(String[] fields) {
        for (String field : fields) {
            if (field.isEmpty()) {
                continue;
            }
            if (DecimalNumbers.isJavaOnly(field) || DecimalNumbers.isNonFiniteWord(field)) {
                return false;
            }
            try {
                DecimalNumbers.parse(field);
                return false;
            } catch (NumberFormatException e) {
                // not a number: a name
            }
        }
        return true;
    }

    /** Returns the file name without its last ending, such as {@code football_scores}. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<String> defaultNames(int p) {
        List<String> names = new ArrayList<>(p);
        for (int j = 1; j <= p; j++) {
            names.add("x" + j);
        }
        return names;
    }

    /** Compares the names, the rows by content (bit for bit) and the notes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CovariateTable that && names.equals(that.names)
                && Arrays.deepEquals(rows, that.rows) && notes.equals(that.notes);
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        return 31 * (31 * names.hashCode() + Arrays.deepHashCode(rows)) + notes.hashCode();
    }

    /** Shows the names, the rows by content and the notes. */
    @Override
    public String toString() {
        return "CovariateTable[names=" + names + ", rows=" + Arrays.deepToString(rows)
                + ", notes=" + notes + "]";
    }
}
