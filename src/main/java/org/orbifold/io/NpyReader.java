package org.orbifold.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0, as specified in NumPy
 * Enhancement Proposal 1, "A simple file format for NumPy arrays", R. Kern 2007): the magic
 * string {@code \x93NUMPY}, the version bytes, a little-endian header length (2 bytes in
 * version 1, 4 bytes later), a Python dictionary literal with the keys {@code descr},
 * {@code fortran_order} and {@code shape}, then the raw data.
 *
 * <p>Supported element types: {@code f8}, {@code f4}, {@code i8}, {@code i4}, {@code i2},
 * {@code i1}, {@code u8}, {@code u4}, {@code u2}, {@code u1} and {@code b1}, little-endian
 * ({@code <}), big-endian ({@code >}), native ({@code =}) or without order ({@code |}, one-byte
 * types). Arrays in Fortran (column-major) order are converted to C order. Values are widened
 * to {@code double}.
 *
 * <p>{@link #readAdjacencyStack(Path)} reads a 3-D array {@code N x n x n} as {@code N}
 * weighted graphs: entry {@code (k, i, j)} is the weight of edge {@code (i, j)} of graph
 * {@code k}, zero for no edge, in one edge channel {@code weight}. Nodes carry no attributes, so
 * the node-existence channel is appended. The graphs are directed when some matrix is not
 * symmetric, else undirected. Graph {@code k} is named {@code stem[k]} with the 0-based NumPy
 * index, the dataset by the file name without {@code .npy}.
 *
 * <p>Errors (a wrong magic string, an unsupported version or element type, a malformed header,
 * too few or too many data bytes, a non-zero diagonal, a non-finite weight) throw a
 * {@link DatasetFormatException} that names the file and the byte offset or matrix entry.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>A 64-bit integer element ({@code i8}, {@code u8}) larger in magnitude than 2^53, beyond
 * which a double does not hold every integer, is refused with its byte offset, as every
 * reader refuses such an integer ({@link DecimalNumbers#isInexactInteger}).
 *
 * <p><b>Limitations.</b> Structured, complex, string and object arrays are rejected. The file
 * is read whole, so it must be smaller than 2 GiB.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final String SUPPORTED = "f8, f4, i8, i4, i2, i1, u8, u4, u2, u1 or b1 with"
            + " byte order <, > or = (| for one-byte types)";

    /** Name of the edge channel of {@link #readAdjacencyStack(Path)}. */
    public static final String WEIGHT_CHANNEL = "weight";

    private NpyReader() {
    }

    /**
     * Reads an array of any shape.
     *
     * @param npy the {@code .npy} file
     * @return the shape and the values in C order
     * @throws DatasetFormatException if the file is missing or no regular file (a folder, a
     *     named pipe, which is not opened), breaks the format or its type is unsupported
     * @throws IOException if the file cannot be read
     */
    public static NpyArray readArray(Path npy) throws IOException {
        Objects.requireNonNull(npy, "npy");
        if (!Files.isRegularFile(npy)) {
            throw DatasetFormatException.notRegularFile(npy, "a .npy file");
        }
        byte[] bytes = Files.readAllBytes(npy);

        // Preamble: magic string, version, header length.
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new DatasetFormatException(npy, "byte 0: expected the magic string"
                    + " \\x93NUMPY of a .npy file");
        }
        int major = bytes[6] & 0xff;
        if (major < 1 || major > 3) {
            throw new DatasetFormatException(npy, "byte 6: format version " + major + "."
                    + (bytes[7] & 0xff) + " is not supported; expected 1.0, 2.0 or 3.0");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerStart = major == 1 ? 10 : 12;
        if (bytes.length < headerStart) {
            throw new DatasetFormatException(npy, "file ends at byte " + bytes.length
                    + " inside the preamble");
        }
        long headerLength = major == 1 ? buffer.getShort(8) & 0xffff
                : buffer.getInt(8) & 0xffffffffL;
        if (headerStart + headerLength > bytes.length) {
            throw new DatasetFormatException(npy, "byte 8: header length " + headerLength
                    + " runs past the end of the file (" + bytes.length + " bytes)");
        }

        // Header: a Python dict literal.
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(npy, header, headerStart).parse();
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeValue = dict.get("shape");
        if (!(descr instanceof String) || !(fortran instanceof Boolean)
                || !(shapeValue instanceof int[])) {
            throw new DatasetFormatException(npy, "header " + header.trim() + " lacks descr"
                    + " (a string), fortran_order (True or False) or shape (a tuple)");
        }
        int[] shape = (int[]) shapeValue;
        ElementType type = ElementType.of(npy, (String) descr);

        // Data.
        long count = 1;
        for (int extent : shape) {
            count *= extent;
            if (count > Integer.MAX_VALUE) {
                throw new DatasetFormatException(npy, "shape " + Arrays.toString(shape)
                        + " has more than " + Integer.MAX_VALUE + " entries");
            }
        }
        long dataStart = headerStart + headerLength;
        long expected = count * type.size;
        long available = bytes.length - dataStart;
        if (available != expected) {
            throw new DatasetFormatException(npy, "byte " + dataStart + ": "
                    + (available < expected ? "data ends" : "file goes on") + " after "
                    + available + " data bytes; expected " + expected + " bytes for shape "
                    + Arrays.toString(shape) + " of " + descr);
        }
        buffer.order(type.order);
        double[] values = new double[(int) count];
        for (int k = 0; k < values.length; k++) {
            int at = (int) (dataStart + (long) k * type.size);
            String integer = type.inexactInteger(buffer, at);
            if (integer != null) {
                throw new DatasetFormatException(npy, "byte " + at + ": element " + k + " (in"
                        + " the file's order) of the " + descr + " array is " + integer + ", "
                        + DecimalNumbers.inexactIntegerReason(integer, "convert the array to"
                        + " float64 (arr.astype(float))"));
            }
            values[k] = type.read(buffer, at);
        }
        if ((Boolean) fortran) {
            values = fortranToC(values, shape);
        }
        return new NpyArray(shape, values);
    }

    /**
     * Reads a stack of weighted adjacency matrices as graphs.
     *
     * @param npy a {@code .npy} file holding an {@code N x n x n} array with zero diagonals
     * @return {@code N} graphs of order {@code n}, node channels {@code [exists]} (for
     *     {@code n > 0}), edge channel {@code [weight]}, no classes
     * @throws DatasetFormatException if the file is missing or no regular file (as
     *     {@link #readArray}), malformed, not 3-D with square matrices, or has a non-zero
     *     diagonal entry or a non-finite weight
     * @throws IOException if the file cannot be read
     */
    public static GraphDataset readAdjacencyStack(Path npy) throws IOException {
        Objects.requireNonNull(npy, "npy");
        NpyArray array = readArray(npy);
        int[] shape = array.shape();
        if (shape.length != 3 || shape[1] != shape[2]) {
            throw new DatasetFormatException(npy, "shape " + Arrays.toString(shape)
                    + "; expected a 3-dimensional array N x n x n of adjacency matrices");
        }
        int count = shape[0];
        int n = shape[1];
        double[] w = array.values();

        // Check every entry; find the first asymmetric one.
        String asymmetry = null;
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double value = w[(k * n + i) * n + j];
                    if (!Double.isFinite(value)) {
                        throw new DatasetFormatException(npy, "matrix " + k + ", entry (" + i
                                + ", " + j + ") is " + value + "; expected a finite weight");
                    }
                    if (i == j && value != 0.0) {
                        throw new DatasetFormatException(npy, "matrix " + k + ", diagonal entry"
                                + " (" + i + ", " + i + ") is " + value + "; expected 0 (the"
                                + " diagonal holds node attributes, not self-loops)");
                    }
                    if (asymmetry == null && value != w[(k * n + j) * n + i]) {
                        asymmetry = "matrix " + k + " differs from its transpose at (" + i
                                + ", " + j + ")";
                    }
                }
            }
        }

        // Build the graphs.
        boolean directed = asymmetry != null;
        String stem = npy.getFileName().toString().replaceFirst("(?i)\\.npy$", "");
        List<Graph> graphs = new ArrayList<>(count);
        List<String> names = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Graph.Builder builder = Graph.builder(0, 1).directed(directed);
            for (int i = 0; i < n; i++) {
                builder.addNode();
            }
            for (int i = 0; i < n; i++) {
                for (int j = directed ? 0 : i + 1; j < n; j++) {
                    double value = w[(k * n + i) * n + j];
                    if (i != j && value != 0.0) {
                        builder.addEdge(i, j, value);
                    }
                }
            }
            graphs.add(builder.build());
            names.add(stem + "[" + k + "]");
        }
        List<String> notes = new ArrayList<>();
        notes.add(directed ? "graphs read as directed, since " + asymmetry
                : "every matrix is symmetric: graphs read as undirected");
        List<String> nodeChannels = List.of();
        if (NodeExistence.isNeeded(graphs)) {
            graphs = NodeExistence.append(graphs);
            nodeChannels = List.of(NodeExistence.CHANNEL_NAME);
            notes.add("node channel '" + NodeExistence.CHANNEL_NAME + "' = 1 on every node,"
                    + " since nodes carry no attributes");
        }
        return new GraphDataset(stem, graphs, List.of(), names, nodeChannels,
                List.of(WEIGHT_CHANNEL), notes);
    }

    /** Reorders column-major values into row-major order. */
    private static double[] fortranToC(double[] values, int[] shape) {
        double[] result = new double[values.length];
        int[] index = new int[shape.length];
        for (int c = 0; c < values.length; c++) {
            int f = 0;
            for (int d = shape.length - 1; d >= 0; d--) {
                f = f * shape[d] + index[d];
            }
            result[c] = values[f];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return result;
    }

    /** An element type: kind ({@code f}, {@code i}, {@code u}, {@code b}), size, order. */
    private static final class ElementType {

        final char kind;
        final int size;
        final ByteOrder order;

        private ElementType(char kind, int size, ByteOrder order) {
            this.kind = kind;
            this.size = size;
            this.order = order;
        }

        static ElementType of(Path npy, String descr) throws DatasetFormatException {
            if (descr.length() >= 3) {
                char byteOrder = descr.charAt(0);
                char kind = descr.charAt(1);
                String digits = descr.substring(2);
                int size = digits.matches("[1248]") ? Integer.parseInt(digits) : -1;
                boolean known = switch (kind) {
                    case 'f' -> size == 4 || size == 8;
                    case 'i', 'u' -> size > 0;
                    case 'b' -> size == 1;
                    default -> false;
                };
                ByteOrder order = switch (byteOrder) {
                    case '<' -> ByteOrder.LITTLE_ENDIAN;
                    case '>' -> ByteOrder.BIG_ENDIAN;
                    case '=' -> ByteOrder.nativeOrder();
                    case '|' -> size == 1 ? ByteOrder.LITTLE_ENDIAN : null;
                    default -> null;
                };
                if (known && order != null) {
                    return new ElementType(kind, size, order);
                }
            }
            throw new DatasetFormatException(npy, "element type '" + descr + "' is not"
                    + " supported; expected " + SUPPORTED);
        }

        double read(ByteBuffer buffer, int at) {
            return switch (kind) {
                case 'f' -> size == 8 ? buffer.getDouble(at) : buffer.getFloat(at);
                case 'b' -> buffer.get(at) != 0 ? 1.0 : 0.0;
                case 'i' -> switch (size) {
                    case 1 -> buffer.get(at);
                    case 2 -> buffer.getShort(at);
                    case 4 -> buffer.getInt(at);
                    default -> buffer.getLong(at);
                };
                default -> switch (size) {
                    case 1 -> buffer.get(at) & 0xff;
                    case 2 -> buffer.getShort(at) & 0xffff;
                    case 4 -> buffer.getInt(at) & 0xffffffffL;
                    default -> unsignedToDouble(buffer.getLong(at));
                };
            };
        }

        /**
         * The value of a 64-bit integer element as text when it is larger in magnitude than
         * 2^53 ({@link DecimalNumbers#EXACT_INTEGER_LIMIT}), else null.
         */
        String inexactInteger(ByteBuffer buffer, int at) {
            if (size != 8 || kind != 'i' && kind != 'u') {
                return null;
            }
            long bits = buffer.getLong(at);
            if (kind == 'u') {
                return Long.compareUnsigned(bits, DecimalNumbers.EXACT_INTEGER_LIMIT) > 0
                        ? Long.toUnsignedString(bits) : null;
            }
            boolean beyond = bits > DecimalNumbers.EXACT_INTEGER_LIMIT
                    || bits < -DecimalNumbers.EXACT_INTEGER_LIMIT;
            return beyond ? Long.toString(bits) : null;
        }

        private static double unsignedToDouble(long bits) {
            double value = (double) (bits >>> 1) * 2.0;
            return value + (bits & 1L);
        }
    }

    /**
     * Parses the header dictionary: string keys, values that are strings, {@code True},
     * {@code False} or tuples of non-negative integers.
     */
    private static final class HeaderParser {

        private final Path file;
        private final String text;
        private final int offset;
        private int pos;

        HeaderParser(Path file, String text, int offset) {
            this.file = file;
            this.text = text;
            this.offset = offset;
        }

        Map<String, Object> parse() throws DatasetFormatException {
            Map<String, Object> dict = new HashMap<>();
            expect('{');
            while (peek() != '}') {
                String key = string();
                expect(':');
                dict.put(key, value());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("',' or '}'");
                }
            }
            pos++;
            return dict;
        }

        private Object value() throws DatasetFormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '[') {
                throw error("a simple type string (structured dtypes are not supported)");
            }
            throw error("a string, True, False or a tuple");
        }

        private int[] tuple() throws DatasetFormatException {
            expect('(');
            List<Integer> extents = new ArrayList<>();
            while (peek() != ')') {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("a non-negative integer");
                }
                try {
                    extents.add(Integer.parseInt(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("an extent below 2^31");
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("',' or ')'");
                }
            }
            pos++;
            return extents.stream().mapToInt(Integer::intValue).toArray();
        }

        private String string() throws DatasetFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("a closing " + quote);
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) throws DatasetFormatException {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        /** Skips blanks and returns the next character, or 0 at the end. */
        private char peek() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private DatasetFormatException error(String expected) {
            return new DatasetFormatException(file, "header byte " + (offset + pos)
                    + ": expected " + expected + " in " + text.trim());
        }
    }
}
