package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads a graph dataset in the text format of the TU Dortmund collection (Morris, Kriege,
 * Bause, Kersting, Mutzel and Neumann 2020, "TUDataset: A collection of benchmark datasets for
 * learning with graphs", ICML 2020 GRL+ workshop, arXiv:2007.08663).
 *
 * <p>A dataset {@code DS} is a folder of text files, one value or comma-separated row per line;
 * nodes are numbered {@code 1..n} over the whole dataset and graphs {@code 1..N}:
 * <ul>
 *   <li>{@code DS_A.txt} (required, {@code m} lines {@code u, v}): the ordered pairs of the
 *       block-diagonal adjacency matrix;</li>
 *   <li>{@code DS_graph_indicator.txt} (required, {@code n} lines): the graph of each node;
 *       graph ids must start at 1 and never decrease or skip a number;</li>
 *   <li>{@code DS_graph_labels.txt} (optional, {@code N} lines): the class of each graph;</li>
 *   <li>{@code DS_node_labels.txt}, {@code DS_node_attributes.txt} (optional, {@code n}
 *       lines): a discrete label and a row of numbers per node;</li>
 *   <li>{@code DS_edge_labels.txt}, {@code DS_edge_attributes.txt} (optional, {@code m}
 *       lines): the same per line of {@code DS_A.txt}.</li>
 * </ul>
 * {@code DS} is the prefix of the folder's only {@code *_A.txt} file. The files are read as
 * UTF-8 (so a class label {@code été} is read as written); a UTF-8 byte-order mark at the
 * start of a file is skipped.
 *
 * <p><b>Encoding.</b> Node labels become one-hot channels {@code label=l}, node attribute
 * columns numeric channels {@code attr0, attr1, ...}; edge labels and attributes likewise on the
 * edges. Labels are kept as the tokens of the file (MUTAG's atom types stay {@code 0..6}; the
 * dataset's README maps them to elements), without the spaces and tabs around them and with
 * every other character: a control character such as U+001C or a Unicode space at the start
 * or end of a label is part of it, and a line holding nothing else is that label, not a blank
 * line. Every label is kept, however many distinct ones a file has: the limit of 100 that
 * the readers of GraphML, GML, DOT and IAM put on a text attribute, whose values may be free
 * text (names, ids, drawing positions), does not apply, since a TU label file holds
 * categorical codes by the format's definition (the data set's README names them), and
 * leaving one out would change a benchmark data set from what every other tool reads. Edges
 * without labels or attributes get the channel
 * {@link GraphDataset#EDGE_CHANNEL}, and nodes the existence channel when
 * {@link Presence#nodeChannelNeeded} says so (a TU label file labels every node and edge, so
 * a leading one-hot group has no gaps). The collection lists every
 * undirected edge twice, once per direction: when every pair has its reverse with the same
 * label and attributes the graphs are read as undirected, otherwise the whole dataset is read
 * as directed; a note of the dataset says which. A line of {@code DS_A.txt} that repeats the
 * ordered pair of an earlier line with equal labels and attributes is merged into one edge,
 * and a note counts such lines and names the first (a pair and its reverse are two pairs, so
 * an undirected edge listed in both directions repeats nothing). Graph {@code k} is named
 * {@code DS#k}.
 *
 * <p><b>Errors.</b> A missing required file, a wrong column count, a token that is not a
 * number, an attribute that is no finite decimal number a double holds (the rule of
 * {@link DecimalNumbers#parseFinite}: {@code nan}, {@code 1e400}, an integer beyond 2^53), a
 * node id out of range, a graph id below 1, an edge across two graphs or a
 * self-loop, graph ids that are not contiguous or do not start at 1, an id too large for
 * an {@code int} (said to be out of range), line counts that disagree, a pair listed
 * twice with different labels, or bytes that are not UTF-8 text (such as a Latin-1
 * {@code é}; the message then also names the column) throw a {@link DatasetFormatException}
 * naming the file, the line and what was expected.
 *
 * <p><b>Other entries.</b> Before any file is opened the folder's entries are checked: a file
 * of the names above (other than {@code DS_graph_attributes.txt}, which is only noted) that
 * is a folder, a named pipe or device (which is never opened, as
 * opening a pipe waits for a writer) or a broken symbolic link is refused, naming it, and so
 * is a file whose name differs from one of them only in case ({@code DS_Node_Labels.txt})
 * when no file has the right name. Every other entry that is not read gets a note: a file
 * {@code DS_*.txt} of no name of the format (such as {@code DS_node_label.txt}, with the
 * name it is nearest to), a file of the format's endings with another prefix, and, in one
 * note, anything else. Documentation files (names starting with {@code README},
 * {@code PROVENANCE}, {@code LICENSE}, {@code LICENCE} or {@code CITATION}, or ending in
 * {@code .md}, any case) and hidden files (names starting with {@code .}) are passed over
 * without a note.
 *
 * <p><b>Existence channel.</b> The reader adds the node-existence channel only where it is
 * needed (above); the command line adds it to every data set that lacks it, so its
 * distances differ from those of the graphs read here. Call
 * {@link org.orbifold.space.NodeExistence#append} (that is,
 * {@link org.orbifold.space.Graph#withNodeChannel(double) withNodeChannel(1)} on every graph)
 * when the dataset's node channels lack
 * {@link org.orbifold.space.NodeExistence#CHANNEL_NAME} to get the command line's numbers
 * (the package description has the details).
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Limitations.</b> {@code DS_graph_attributes.txt} (regression targets) is not read; a
 * note says when it is present. Self-loops are rejected, since the diagonal of a graph's matrix
 * holds node attributes. Files are read whole into memory.
 */
public final class TuDatasetReader {

    /** The edit distance of two names, for suggestions (Apache Commons Text). */
    private static final LevenshteinDistance LEVENSHTEIN =
            LevenshteinDistance.getDefaultInstance();

    private static final String SUFFIX_A = "_A.txt";

    /** An integer of ASCII digits, of any size, with an optional sign. */
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

    /** The ending of the file of graph regression values, which is not read. */
    private static final String GRAPH_ATTRIBUTES = "_graph_attributes.txt";

    /** The endings, after {@code DS}, of the files of the format. */
    private static final List<String> SUFFIXES = List.of(SUFFIX_A, "_graph_indicator.txt",
            "_graph_labels.txt", GRAPH_ATTRIBUTES, "_node_labels.txt",
            "_node_attributes.txt", "_edge_labels.txt", "_edge_attributes.txt");

    /** The starts of the names of documentation files (upper case), which are not noted. */
    private static final List<String> DOCUMENTATION = List.of("README", "PROVENANCE",
            "LICENSE", "LICENCE", "CITATION");

    private TuDatasetReader() {
    }

    /**
     * Reads the dataset in a folder.
     *
     * @param folder a TU dataset folder
     * @return the dataset, named by the file prefix {@code DS}
     * @throws DatasetFormatException if the folder or a file breaks the format
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset read(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        String ds = datasetName(folder);
        List<String> notes = new ArrayList<>(checkEntries(folder, ds));

        // Nodes: the graph of each node, contiguous graph ids 1..N.
        Path indicatorFile = folder.resolve(ds + "_graph_indicator.txt");
        List<String> indicator = lines(indicatorFile, true);
        int n = indicator.size();
        int[] graphOf = new int[n];
        int graphCount = 0;
        for (int v = 0; v < n; v++) {
            int id = parseInt(indicatorFile, v + 1, single(indicatorFile, v + 1, indicator.get(v)),
                    "a graph id", "ids from 1 that go up by at most 1 from line to line");
            if (id < 1) {
                throw new DatasetFormatException(indicatorFile, v + 1, "graph id " + id
                        + "; expected ids from 1 (the TU format counts graphs from 1)");
            }
            if (graphCount == 0 && id != 1) {
                throw new DatasetFormatException(indicatorFile, v + 1, "graph id " + id
                        + " on the first line; expected 1 (the ids start at 1 and go up by"
                        + " at most 1 from line to line)");
            }
            if (id != graphCount && id != graphCount + 1) {
                throw new DatasetFormatException(indicatorFile, v + 1, "graph id " + id
                        + " does not continue the ids so far (1.." + graphCount + "); expected "
                        + graphCount + " or " + (graphCount + 1));
            }
            graphCount = id;
            graphOf[v] = id - 1;
        }

        // Graph classes, if any.
        Path graphLabelFile = folder.resolve(ds + "_graph_labels.txt");
        List<String> graphLabels = lines(graphLabelFile, false);
        if (graphLabels != null) {
            requireCount(graphLabelFile, graphLabels, graphCount, "one per graph id in "
                    + indicatorFile.getFileName());
            for (int k = 0; k < graphCount; k++) {
                graphLabels.set(k, single(graphLabelFile, k + 1, graphLabels.get(k)));
            }
        } else {
            notes.add(graphLabelFile.getFileName() + " not present: graphs have no classes");
        }
        if (Files.exists(folder.resolve(ds + GRAPH_ATTRIBUTES), LinkOption.NOFOLLOW_LINKS)) {
            notes.add(ds + GRAPH_ATTRIBUTES + " (graph regression values) is not read");
        }

        // Graphs and their nodes.
        String countNote = "one per node of " + indicatorFile.getFileName();
        List<RawGraph> raw = new ArrayList<>(graphCount);
        int[] firstNode = new int[graphCount];
        for (int k = 0; k < graphCount; k++) {
            raw.add(new RawGraph(ds + "#" + (k + 1), graphLabels == null ? null
                    : graphLabels.get(k)));
        }
        for (int v = n - 1; v >= 0; v--) {
            firstNode[graphOf[v]] = v;
        }
        List<Map<String, Object>> nodeAttributes = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Map<String, Object> node = new LinkedHashMap<>();
            raw.get(graphOf[v]).nodes.add(node);
            nodeAttributes.add(node);
        }
        readLabels(folder.resolve(ds + "_node_labels.txt"), nodeAttributes, countNote);
        readAttributes(folder.resolve(ds + "_node_attributes.txt"), nodeAttributes, countNote);

        // Edges: ordered pairs inside one graph.
        Path adjacencyFile = folder.resolve(ds + SUFFIX_A);
        List<String> adjacency = lines(adjacencyFile, true);
        int m = adjacency.size();
        long[] pairs = new long[m];
        int[] edgeGraph = new int[m];
        for (int e = 0; e < m; e++) {
            String[] fields = fields(adjacencyFile, e + 1, adjacency.get(e), 2,
                    "2 comma-separated node ids");
            String nodeRange = "1.." + n + " (the lines of " + indicatorFile.getFileName()
                    + ")";
            int u = parseInt(adjacencyFile, e + 1, fields[0], "a node id", nodeRange);
            int v = parseInt(adjacencyFile, e + 1, fields[1], "a node id", nodeRange);
            for (int id : new int[] {u, v}) {
                if (id < 1 || id > n) {
                    throw new DatasetFormatException(adjacencyFile, e + 1, "node id " + id
                            + " is out of range; expected 1.." + n + " (the lines of "
                            + indicatorFile.getFileName() + ")");
                }
            }
            if (graphOf[u - 1] != graphOf[v - 1]) {
                throw new DatasetFormatException(adjacencyFile, e + 1, "edge (" + u + ", " + v
                        + ") joins graph " + (graphOf[u - 1] + 1) + " and graph "
                        + (graphOf[v - 1] + 1) + "; expected both ends in one graph");
            }
            if (u == v) {
                throw new DatasetFormatException(adjacencyFile, e + 1, "self-loop at node " + u
                        + "; expected two different nodes (the diagonal holds node attributes)");
            }
            int g = graphOf[u - 1];
            edgeGraph[e] = g;
            pairs[e] = RawGraph.pair(u - 1 - firstNode[g], v - 1 - firstNode[g]);
        }
        List<Map<String, Object>> edgeAttributes = new ArrayList<>(m);
        for (int e = 0; e < m; e++) {
            edgeAttributes.add(new LinkedHashMap<>());
        }
        String edgeCountNote = "one per line of " + adjacencyFile.getFileName();
        readLabels(folder.resolve(ds + "_edge_labels.txt"), edgeAttributes, edgeCountNote);
        readAttributes(folder.resolve(ds + "_edge_attributes.txt"), edgeAttributes,
                edgeCountNote);
        int repeats = 0;
        String firstRepeat = null;
        for (int e = 0; e < m; e++) {
            RawGraph g = raw.get(edgeGraph[e]);
            Map<String, Object> before = g.edges.putIfAbsent(pairs[e], edgeAttributes.get(e));
            if (before == null) {
                continue;
            }
            boolean conflict = !before.equals(edgeAttributes.get(e));
            if (conflict || firstRepeat == null) {
                int first = 0;
                while (edgeGraph[first] != edgeGraph[e] || pairs[first] != pairs[e]) {
                    first++;
                }
                if (conflict) {
                    throw new DatasetFormatException(adjacencyFile, e + 1, "pair "
                            + adjacency.get(e).trim() + " is listed again with different labels"
                            + " or attributes (first at line " + (first + 1) + "); expected one"
                            + " value per ordered pair");
                }
                firstRepeat = adjacencyFile.getFileName() + ", line " + (e + 1) + ", pair "
                        + adjacency.get(e).trim() + " as on line " + (first + 1);
            }
            repeats++;
        }
        if (repeats > 0) {
            notes.add(lines(repeats) + " of " + adjacencyFile.getFileName() + " repeat"
                    + (repeats == 1 ? "s" : "") + " an ordered pair of an earlier line with"
                    + " equal labels and attributes; each pair is read as one edge (first: "
                    + firstRepeat + ")");
        }

        // Encode and name.
        AttributeEncoding.Encoded encoded = AttributeEncoding.encode(raw, Integer.MAX_VALUE);
        notes.addAll(encoded.notes());
        List<String> names = new ArrayList<>(graphCount);
        for (RawGraph g : raw) {
            names.add(g.name);
        }
        return new GraphDataset(ds, encoded.graphs(), graphLabels == null ? List.of()
                : graphLabels, names, encoded.nodeChannels(), encoded.edgeChannels(), notes);
    }

    /**
     * Checks the entries of the folder before any file is opened: refuses a file of the
     * format's names that is a folder, a named pipe or device, or a broken symbolic link, and
     * a file whose name differs from one of those only in case when no file has the right
     * name; returns notes on the entries that are not read (documentation files, hidden files
     * and a file of the format's names of the right case aside).
     */
    private static List<String> checkEntries(Path folder, String ds) throws IOException {
        List<Path> entries;
        try (Stream<Path> listed = Files.list(folder)) {
            entries = listed.sorted((a, b) -> a.getFileName().toString()
                    .compareTo(b.getFileName().toString())).toList();
        }
        List<String> known = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            known.add(ds + suffix);
        }
        List<String> notes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (known.contains(name)) {
                if (!name.equals(ds + GRAPH_ATTRIBUTES)) {
                    requireRegularFile(entry);
                }
                continue;
            }
            String sameButCase = null;
            for (String k : known) {
                if (k.equalsIgnoreCase(name)) {
                    sameButCase = k;
                }
            }
            if (sameButCase != null) {
                Path right = folder.resolve(sameButCase);
                if (!Files.exists(right, LinkOption.NOFOLLOW_LINKS)) {
                    throw new DatasetFormatException(entry, "the name differs from "
                            + sameButCase + " only in case, so the file would not be read;"
                            + " rename it " + sameButCase);
                }
                if (!Files.isSameFile(right, entry)) {
                    notes.add(DecimalNumbers.printable(name) + " not read: its name differs"
                            + " from " + sameButCase + ", which is read, only in case");
                }
                continue;
            }
            if (name.startsWith(".") || isDocumentation(name)) {
                continue;
            }
            String kind = Files.isDirectory(entry) ? " (a folder)"
                    : Files.isSymbolicLink(entry) && !Files.exists(entry) ? " (a broken link)"
                    : Files.exists(entry) && !Files.isRegularFile(entry)
                    ? " (a named pipe or device)" : "";
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(ds + "_") && lower.endsWith(".txt")) {
                String near = nearest(name, known, folder);
                notes.add(DecimalNumbers.printable(name) + kind + " not read: no file of the TU"
                        + " format" + (near == null ? "" : " (did you mean " + near + "?)"));
                continue;
            }
            String suffix = null;
            for (String k : SUFFIXES) {
                if (lower.endsWith(k.toLowerCase(Locale.ROOT))) {
                    suffix = k;
                }
            }
            if (suffix != null && name.length() > suffix.length()) {
                String prefix = name.substring(0, name.length() - suffix.length());
                notes.add(DecimalNumbers.printable(name) + kind + " not read: its prefix "
                        + DecimalNumbers.printable(prefix) + " is not the data set's " + ds
                        + " (from " + ds + SUFFIX_A + ")");
                continue;
            }
            others.add(DecimalNumbers.printable(name) + kind);
        }
        if (!others.isEmpty()) {
            int shown = Math.min(others.size(), 5);
            notes.add("not read, being no file" + (others.size() == 1 ? "" : "s") + " of the TU"
                    + " data set " + ds + ": " + String.join(", ", others.subList(0, shown))
                    + (others.size() > shown ? " and " + (others.size() - shown) + " more"
                    : ""));
        }
        return notes;
    }

    /** Whether a file name is that of documentation: README, PROVENANCE, LICENSE, ... */
    private static boolean isDocumentation(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String start : DOCUMENTATION) {
            if (upper.startsWith(start)) {
                return true;
            }
        }
        return upper.endsWith(".MD");
    }

    /**
     * The name of the format nearest to a file's name (at most 2 edits apart, ignoring case)
     * when no file of that name is in the folder; null when there is none.
     */
    private static String nearest(String name, List<String> known, Path folder) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = LEVENSHTEIN.apply(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance && !Files.exists(folder.resolve(k), LinkOption.NOFOLLOW_LINKS)) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }


    /**
     * Refuses a file of the format's names that is no regular file, before it is opened
     * (opening a named pipe would wait for a writer): a broken symbolic link, a folder, a
     * named pipe or a device, each with the file's name.
     */
    private static void requireRegularFile(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new DatasetFormatException(file, "a symbolic link to "
                    + Files.readSymbolicLink(file) + ", which does not exist (a broken link);"
                    + " expected a file of the TU format");
        }
        throw DatasetFormatException.notRegularFile(file, "a file of the TU format");
    }

    /** Finds DS, the prefix of the folder's only *_A.txt file. */
    private static String datasetName(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetFormatException(folder, "not a folder; expected a TU dataset folder"
                    + " with a file " + expectedName(folder));
        }
        List<String> candidates = datasetNames(folder);
        if (candidates.isEmpty()) {
            throw new DatasetFormatException(folder, noDatasetHere(folder));
        }
        if (candidates.size() > 1) {
            List<String> files = new ArrayList<>();
            for (String name : candidates) {
                files.add(name + SUFFIX_A);
            }
            throw new DatasetFormatException(folder, "several TU data sets ("
                    + String.join(", ", files) + "); expected one file ending in " + SUFFIX_A
                    + " per folder");
        }
        return candidates.get(0);
    }

    /**
     * Returns the names of the TU data sets in a folder: the prefixes {@code NAME} of its
     * files {@code NAME_A.txt}, sorted; empty when there is none.
     *
     * @param folder an existing folder
     * @return the prefixes
     * @throws IOException if the folder cannot be listed
     */
    static List<String> datasetNames(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString())
                    .filter(s -> s.endsWith(SUFFIX_A) && s.length() > SUFFIX_A.length())
                    .sorted()
                    .forEach(s -> names.add(s.substring(0, s.length() - SUFFIX_A.length())));
        }
        return names;
    }

    /**
     * Says that a folder holds no TU data set and what one would hold, with the folder's own
     * name as the example prefix: {@code "no TU dataset here: expected LOW_A.txt and
     * LOW_graph_indicator.txt (TU format)"}.
     */
    static String noDatasetHere(Path folder) {
        String name = expectedName(folder);
        return "no TU dataset here: expected " + name + " and "
                + name.substring(0, name.length() - SUFFIX_A.length())
                + "_graph_indicator.txt (TU format)";
    }

    /** Returns the adjacency file a TU data set in the folder would have, such as MUTAG_A.txt. */
    private static String expectedName(Path folder) {
        Path last = folder.toAbsolutePath().normalize().getFileName();
        return (last == null ? "NAME" : last.toString()) + SUFFIX_A;
    }

    /**
     * Reads a file's lines, dropping blank lines (nothing but padding,
     * {@link TextFiles#unpad}) at its end; a blank line elsewhere is an error. Returns null
     * for a missing optional file.
     */
    private static List<String> lines(Path file, boolean required) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (required) {
                throw new DatasetFormatException(file, "required file is missing");
            }
            return null;
        }
        requireRegularFile(file);
        List<String> lines = TextFiles.readUtf8Lines(file);
        while (!lines.isEmpty() && TextFiles.unpad(lines.get(lines.size() - 1)).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int k = 0; k < lines.size(); k++) {
            if (TextFiles.unpad(lines.get(k)).isEmpty()) {
                throw new DatasetFormatException(file, k + 1, "empty line; expected a value");
            }
        }
        return lines;
    }

    private static void requireCount(Path file, List<String> lines, int expected, String why)
            throws DatasetFormatException {
        if (lines.size() < expected) {
            throw new DatasetFormatException(file, lines.size() + 1, "file ends after "
                    + lines(lines.size()) + "; expected " + lines(expected) + ", " + why);
        }
        if (lines.size() > expected) {
            throw new DatasetFormatException(file, expected + 1, "extra line; expected "
                    + lines(expected) + ", " + why);
        }
    }

    /** Returns "1 line" or "N lines". */
    private static String lines(int count) {
        return count + (count == 1 ? " line" : " lines");
    }

    /** Reads an optional one-column label file: one label per node or edge. */
    private static void readLabels(Path file, List<Map<String, Object>> items, String why)
            throws IOException {
        List<String> lines = lines(file, false);
        if (lines == null) {
            return;
        }
        requireCount(file, lines, items.size(), why);
        for (int k = 0; k < items.size(); k++) {
            items.get(k).put("label", single(file, k + 1, lines.get(k)));
        }
    }

    /** Reads an optional file of comma-separated numbers: one row per node or edge. */
    private static void readAttributes(Path file, List<Map<String, Object>> items, String why)
            throws IOException {
        List<String> lines = lines(file, false);
        if (lines == null) {
            return;
        }
        requireCount(file, lines, items.size(), why);
        int columns = items.isEmpty() ? 0 : lines.get(0).split(",", -1).length;
        for (int k = 0; k < items.size(); k++) {
            String[] fields = fields(file, k + 1, lines.get(k), columns,
                    columns + " comma-separated numbers, as on line 1");
            for (int c = 0; c < columns; c++) {
                items.get(k).put("attr" + c, parseDouble(file, k + 1, fields[c]));
            }
        }
    }

    private static String[] fields(Path file, int line, String text, int expected,
            String what) throws DatasetFormatException {
        String[] fields = text.split(",", -1);
        if (fields.length != expected) {
            throw new DatasetFormatException(file, line, "expected " + what + ", found "
                    + fields.length + " field" + (fields.length == 1 ? "" : "s") + " in '"
                    + shown(text) + "'");
        }
        for (int c = 0; c < fields.length; c++) {
            fields[c] = fields[c].strip();
        }
        return fields;
    }

    private static String single(Path file, int line, String text)
            throws DatasetFormatException {
        String token = TextFiles.unpad(text);
        if (token.contains(",")) {
            throw new DatasetFormatException(file, line, "expected a single value, found '"
                    + shown(token) + "'");
        }
        return token;
    }

    /**
     * Parses an id; {@code range} says what ids are expected when the token is an integer too
     * large for an {@code int}.
     */
    private static int parseInt(Path file, int line, String token, String what, String range)
            throws DatasetFormatException {
        try {
            return DecimalNumbers.parseInteger(token);
        } catch (NumberFormatException e) {
            if (DIGITS.matcher(token).matches()) {
                throw new DatasetFormatException(file, line, what.substring(2) + " "
                        + shown(token) + " is out of range; expected " + range);
            }
            throw new DatasetFormatException(file, line, "expected " + what
                    + " (an integer), found '" + shown(token) + "'");
        }
    }

    private static double parseDouble(Path file, int line, String token)
            throws DatasetFormatException {
        try {
            return DecimalNumbers.parseFinite(token, null);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, DecimalNumbers.refusal(shown(token),
                    null));
        }
    }

    /**
     * The text of a token for a message, without its padding: every character outside
     * printable ASCII is shown as an escape ({@link DecimalNumbers#printable}), so a Unicode
     * minus before a 3 shows as <code>&#92;u22123</code>.
     */
    private static String shown(String token) {
        return DecimalNumbers.printable(TextFiles.unpad(token));
    }
}
