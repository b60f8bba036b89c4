package org.orbifold.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.nio.ImportException;
import org.orbifold.space.NodeExistence;

/**
 * The steps that the readers of graph files with one graph per file ({@link GmlReader},
 * {@link DotReader}) share with each other and, where they are the same, with
 * {@link GraphMlReader}: reading a file or a folder of files as one data set, taking class
 * labels from a graph attribute, typing attributes as numbers or labels over the whole data
 * set, refusing edges to unknown nodes, self-loops and parallel edges, and building the
 * {@link GraphDataset} with the shared encoding ({@link AttributeEncoding}). A format's reader
 * supplies, per file, the graph as its importer reported it ({@link Parsed}). Package-private;
 * stateless.
 */
final class ImportedGraphs {

    /** Graph attribute names taken as class labels by default, in order of preference. */
    static final List<String> LABEL_NAMES =
            List.of(MoleculeReader.DEFAULT_LABEL_COLUMNS.split(", "));

    /** A message of jgrapht-io's ANTLR error listeners: {@code line L:C message}. */
    private static final Pattern IMPORTER_POSITION = Pattern.compile("line (\\d+):(\\d+) (.*)",
            Pattern.DOTALL);

    /** A carriage return that does not start a CR LF line end. */
    private static final Pattern LONE_CARRIAGE_RETURN = Pattern.compile("\r(?!\n)");

    private ImportedGraphs() {
    }

    /** One graph of a file as a format's reader found it. */
    static final class Parsed {
        final Path file;
        /** Whether the edges are directed. */
        boolean directed;
        /** Completes "every edge is ..." for undirected edges, as {@link RawGraph#undirectedBy}. */
        final String undirectedBy;
        /** Node ids as messages show them, in node order. */
        final List<String> nodeIds = new ArrayList<>();
        /** Where each node is first given, {@link Place#UNKNOWN} when unknown. */
        final List<Place> nodePlaces = new ArrayList<>();
        final Map<String, Integer> nodeIndex = new HashMap<>();
        final List<Map<String, Object>> nodes = new ArrayList<>();
        /** Where each node's attributes are given, by name; one not named is at its node. */
        final List<Map<String, Place>> nodeAttributePlaces = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        /** Graph attributes: name to value as text, in order of first appearance. */
        final Map<String, String> graphAttributes = new LinkedHashMap<>();
        /** The line of each graph attribute, where known. */
        final Map<String, Integer> graphAttributeLines = new HashMap<>();
        /** Node and edge attribute names in order of their first appearance in the file. */
        final List<String> nodeOrder = new ArrayList<>();
        final List<String> edgeOrder = new ArrayList<>();
        /** Notes of the format on what it did not read, merged over the files. */
        final Set<String> notes = new LinkedHashSet<>();

        Parsed(Path file, String undirectedBy) {
            this.file = file;
            this.undirectedBy = undirectedBy;
        }

        /**
         * Adds a node, refusing an id used before.
         *
         * @param id the node id as the file gives it
         * @param place where the file gives it
         * @return the node's attributes, to fill
         */
        Map<String, Object> addNode(String id, Place place) throws DatasetFormatException {
            Integer before = nodeIndex.putIfAbsent(id, nodes.size());
            if (before != null) {
                throw error(place, "node id " + JGraphTGraphs.shown(id) + " is used twice"
                        + nodePlaces.get(before).inParentheses("first"));
            }
            nodeIds.add(id);
            nodePlaces.add(place);
            Map<String, Object> attributes = new LinkedHashMap<>();
            nodes.add(attributes);
            nodeAttributePlaces.add(new HashMap<>());
            return attributes;
        }

        /**
         * Adds an edge.
         *
         * @param source the id of its source node
         * @param target the id of its target node
         * @param place where the file gives it
         * @return the edge, whose attributes and their places are to fill
         */
        Edge addEdge(String source, String target, Place place) {
            Edge edge = new Edge(source, target, new LinkedHashMap<>(), place, new HashMap<>());
            edges.add(edge);
            return edge;
        }

        /** Where a graph attribute is given, on its line where known. */
        Place graphAttributePlace(String key) {
            return Place.line(graphAttributeLines.getOrDefault(key, 0));
        }

        DatasetFormatException error(Place place, String detail) {
            return place.refusal(file, detail);
        }
    }

    /**
     * Where something is given in a file: a line and a column counted from 1, the column 0
     * when unknown, the line 0 when neither is known.
     */
    record Place(int line, int column) {

        /** No known place. */
        static final Place UNKNOWN = new Place(0, 0);

        /** A place on a known line, column unknown. */
        static Place line(int line) {
            return new Place(line, 0);
        }

        /** The refusal of a file at this place, naming the line and column that are known. */
        DatasetFormatException refusal(Path file, String detail) {
            if (line <= 0) {
                return new DatasetFormatException(file, detail);
            }
            return column > 0 ? new DatasetFormatException(file, line, column, detail)
                    : new DatasetFormatException(file, line, detail);
        }

        /** "line L, column C", "line L" or "" when unknown. */
        String shown() {
            return line <= 0 ? "" : column > 0 ? "line " + line + ", column " + column
                    : "line " + line;
        }

        /** " (WHICH at line L, column C)" for a known place, else "". */
        String inParentheses(String which) {
            return line <= 0 ? "" : " (" + which + " at " + shown() + ")";
        }
    }

    /**
     * Carries a refusal out of an importer's callback, which cannot throw checked exceptions;
     * the importers let it pass (they wrap only their parser's exceptions and
     * {@link IllegalArgumentException}).
     */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final DatasetFormatException refusal;

        Refusal(DatasetFormatException refusal) {
            super(refusal.getMessage(), refusal, false, false);
            this.refusal = refusal;
        }
    }

    /**
     * An edge as the file gives it, by the ids of its nodes, with where it is given and where
     * each of its attributes is (an attribute not in {@code attributePlaces} is at the edge).
     */
    record Edge(String source, String target, Map<String, Object> attributes, Place place,
            Map<String, Place> attributePlaces) {
    }

    /** Reads one file of a format into its graph. */
    @FunctionalInterface
    interface FileParser {
        Parsed parse(Path file) throws IOException;
    }

    /** What the format is, for messages and notes. */
    record Format(String name, List<String> endings, boolean typeless) {

        boolean accepts(Path path) {
            Path name = path.getFileName();
            if (name == null) {
                return false;
            }
            String lower = name.toString().toLowerCase(Locale.ROOT);
            return endings.stream().anyMatch(lower::endsWith);
        }

        /** The file name without its ending (as written, in any letter case). */
        String stem(Path file) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            for (String ending : endings) {
                if (lower.endsWith(ending)) {
                    return name.substring(0, name.length() - ending.length());
                }
            }
            return name;
        }

        String endingsShown() {
            return String.join(", ", endings);
        }
    }

    /**
     * Reads a file of a format, or every file of it in a folder ({@link GraphFileFolders}) as
     * one data set named by the folder.
     */
    static GraphDataset read(Path path, Format format, FileParser parser, String labelProperty)
            throws IOException {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            GraphFileFolders.Listing listing = GraphFileFolders.list(path, format::accepts);
            if (listing.files().isEmpty()) {
                throw new DatasetFormatException(path, "no " + format.endingsShown()
                        + " file in this folder" + (listing.notes().isEmpty() ? ""
                        : " (" + String.join("; ", listing.notes()) + ")"));
            }
            Path name = path.toAbsolutePath().normalize().getFileName();
            return read(listing.files(), name == null ? path.toString() : name.toString(), path,
                    listing.notes(), format, parser, labelProperty);
        }
        if (!Files.isRegularFile(path)) {
            throw Files.exists(path) ? DatasetFormatException.notRegularFile(path,
                    "a " + format.name() + " file") : DatasetFormatException.noSuchPath(path);
        }
        return read(List.of(path), format.stem(path), path, List.of(), format, parser,
                labelProperty);
    }

    private static GraphDataset read(List<Path> files, String datasetName, Path where,
            List<String> listingNotes, Format format, FileParser parser, String labelProperty)
            throws IOException {
        List<Parsed> parsed = new ArrayList<>();
        for (Path file : files) {
            parsed.add(parser.parse(file));
        }
        if (format.typeless()) {
            inferNumbers(parsed, "node");
            inferNumbers(parsed, "edge");
        }
        checkAttributes(parsed, "node");
        checkAttributes(parsed, "edge");

        List<String> notes = new ArrayList<>(listingNotes);
        String classAttribute = null;
        Path classFile = null;
        Path classlessFile = null;
        Set<String> unread = new LinkedHashSet<>();
        Set<String> emptyUnread = new LinkedHashSet<>();
        Map<String, Path> names = new HashMap<>();
        List<RawGraph> raw = new ArrayList<>();
        List<String> nodeOrder = new ArrayList<>();
        List<String> edgeOrder = new ArrayList<>();
        Set<String> formatNotes = new LinkedHashSet<>();
        for (Parsed graph : parsed) {
            Path file = graph.file;
            String classKey = classAttribute(graph, labelProperty, format);
            if (classKey == null) {
                classlessFile = classlessFile == null ? file : classlessFile;
            } else if (classAttribute == null) {
                classAttribute = classKey;
                classFile = file;
            } else if (!classAttribute.equalsIgnoreCase(classKey)) {
                throw graph.error(graph.graphAttributePlace(classKey),
                        "class labels from the graph attribute " + JGraphTGraphs.shown(classKey)
                        + ", but " + classFile + " has them in "
                        + JGraphTGraphs.shown(classAttribute) + "; name one with"
                        + " --label-property NAME (in the library, withLabelProperty)");
            }
            if (classFile != null && classlessFile != null) {
                Path classless = classlessFile;
                String empty = parsed.stream().filter(p -> p.file.equals(classless))
                        .map(ImportedGraphs::emptyDefault).findFirst().orElse("");
                throw new DatasetFormatException(classlessFile, "has no graph attribute "
                        + (labelProperty != null ? "'" + labelProperty + "'" : "named "
                        + MoleculeReader.DEFAULT_LABEL_COLUMNS) + " for class labels" + empty
                        + ", but "
                        + classFile + " has its graph's class in "
                        + JGraphTGraphs.shown(classAttribute) + "; every file needs a class or"
                        + " none may have one");
            }
            String name = format.stem(file);
            Path before = names.putIfAbsent(name, file);
            if (before != null) {
                throw new DatasetFormatException(file, "names a graph " + JGraphTGraphs.shown(name)
                        + " as " + before.getFileName() + " does; rename one of the two files");
            }
            String label = null;
            if (classKey != null) {
                label = graph.graphAttributes.get(classKey);
                if (label.isEmpty()) {
                    throw graph.error(graph.graphAttributePlace(classKey),
                            "the graph has no class label: its graph attribute "
                            + JGraphTGraphs.shown(classKey) + " is empty");
                }
            }
            for (Map.Entry<String, String> attribute : graph.graphAttributes.entrySet()) {
                String key = attribute.getKey();
                if (classKey == null && labelProperty == null && attribute.getValue().isEmpty()
                        && LABEL_NAMES.stream().anyMatch(key::equalsIgnoreCase)) {
                    emptyUnread.add(key);
                } else if (!key.equals(classKey)) {
                    unread.add(key);
                }
            }
            raw.add(toRaw(graph, name, label));
            addAll(nodeOrder, graph.nodeOrder);
            addAll(edgeOrder, graph.edgeOrder);
            formatNotes.addAll(graph.notes);
        }
        if (classAttribute != null) {
            notes.add("class labels from the graph attribute "
                    + JGraphTGraphs.shown(classAttribute));
        }
        if (!unread.isEmpty()) {
            notes.add("graph attribute" + (unread.size() == 1 ? " " : "s ") + quoted(unread)
                    + " not read: only a class attribute of a graph is read ("
                    + (labelProperty != null ? JGraphTGraphs.shown(classAttribute != null
                    ? classAttribute : labelProperty.strip())
                    : MoleculeReader.DEFAULT_LABEL_COLUMNS + ", or --label-property NAME") + ")");
        }
        if (!emptyUnread.isEmpty()) {
            notes.add("graph attribute" + (emptyUnread.size() == 1 ? " " : "s ")
                    + quoted(emptyUnread) + " not read as class labels: "
                    + (emptyUnread.size() == 1 ? "its value is" : "their values are")
                    + " empty");
        }
        notes.addAll(formatNotes);
        return dataset(datasetName, raw, nodeOrder, edgeOrder, notes, where);
    }

    private static void addAll(List<String> order, List<String> names) {
        for (String name : names) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
    }

    /**
     * The graph attribute of a file's graph that holds its class label, or null: the one
     * named by the label property (any letter case; a file without it is refused), else the
     * first of {@link #LABEL_NAMES} that the graph has.
     */
    private static String classAttribute(Parsed graph, String labelProperty, Format format)
            throws DatasetFormatException {
        if (labelProperty != null) {
            for (String name : graph.graphAttributes.keySet()) {
                if (name.equalsIgnoreCase(labelProperty.strip())) {
                    return name;
                }
            }
            throw new DatasetFormatException(graph.file, "has no graph attribute "
                    + JGraphTGraphs.shown(labelProperty.strip()) + " for class labels; its"
                    + " graph attributes: " + (graph.graphAttributes.isEmpty() ? "none"
                    : quoted(graph.graphAttributes.keySet())));
        }
        for (String wanted : LABEL_NAMES) {
            for (Map.Entry<String, String> a : graph.graphAttributes.entrySet()) {
                if (a.getKey().equalsIgnoreCase(wanted) && !a.getValue().isEmpty()) {
                    return a.getKey();
                }
            }
        }
        return null;
    }

    /**
     * Says why a file without a class attribute has none when its graph has one of the
     * default names with an empty value (as jgrapht-io's GmlExporter writes {@code label ""}).
     */
    private static String emptyDefault(Parsed graph) {
        for (Map.Entry<String, String> a : graph.graphAttributes.entrySet()) {
            for (String wanted : LABEL_NAMES) {
                if (a.getKey().equalsIgnoreCase(wanted) && a.getValue().isEmpty()) {
                    return " (its graph attribute " + JGraphTGraphs.shown(a.getKey())
                            + " is empty)";
                }
            }
        }
        return "";
    }

    /**
     * Types the attributes of a format whose values are all text (DOT): an attribute whose
     * every value in the data set is a finite decimal number ({@link DecimalNumbers}) becomes
     * numbers; the others stay labels as written, with a note when some of their values were
     * numbers, as a GraphML attribute of type string holds numbers and words alike. A value
     * that only fails to be a finite number ({@link #isNonFinite}: {@code nan}, {@code inf},
     * {@code 1e400}, an empty value) in an attribute whose other values are all numbers is
     * refused, as GML and GraphML refuse a number that is not finite. An integer beyond 2^53
     * counts as a number, and is refused where its attribute is numbers
     * ({@link DecimalNumbers#isInexactInteger}); among words it is a label as written.
     */
    private static void inferNumbers(List<Parsed> parsed, String kind)
            throws DatasetFormatException {
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        Map<String, Boolean> words = new HashMap<>();
        Map<String, String> firstText = new HashMap<>();
        Map<String, String> firstNumber = new HashMap<>();
        Map<String, Place> firstNumberPlace = new HashMap<>();
        for (Parsed graph : parsed) {
            List<Map<String, Object>> items = items(graph, kind);
            for (int k = 0; k < items.size(); k++) {
                for (Map.Entry<String, Object> a : items.get(k).entrySet()) {
                    String value = (String) a.getValue();
                    boolean number = isNumber(value);
                    numeric.merge(a.getKey(), number, Boolean::logicalAnd);
                    words.merge(a.getKey(), !number && !isNonFinite(value), Boolean::logicalOr);
                    (number ? firstNumber : firstText).putIfAbsent(a.getKey(),
                            JGraphTGraphs.shown(value) + " at " + describe(graph, kind, k)
                            + " of " + graph.file.getFileName());
                    if (number) {
                        firstNumberPlace.putIfAbsent(a.getKey(), place(graph, kind, k,
                                a.getKey()));
                    }
                }
            }
        }
        for (Parsed graph : parsed) {
            List<Map<String, Object>> items = items(graph, kind);
            for (int k = 0; k < items.size(); k++) {
                for (Map.Entry<String, Object> a : items.get(k).entrySet()) {
                    String name = a.getKey();
                    String value = (String) a.getValue();
                    if (!numeric.get(name) && !words.get(name) && firstNumber.containsKey(name)
                            && !isNumber(value)) {
                        throw graph.error(place(graph, kind, k, name), describe(graph, kind, k)
                                + " gives the " + kind + " attribute " + JGraphTGraphs.shown(name)
                                + (value.isBlank() ? " an empty value"
                                : " the value " + JGraphTGraphs.shown(value) + ", which is no"
                                + " finite number") + ", while its other values are numbers ("
                                + firstNumber.get(name) + atPlace(firstNumberPlace.get(name))
                                + "); give a finite number, or leave the attribute out there"
                                + " (it then reads as 0, with a note)");
                    }
                }
            }
        }
        for (Parsed graph : parsed) {
            List<Map<String, Object>> items = items(graph, kind);
            for (int k = 0; k < items.size(); k++) {
                for (Map.Entry<String, Object> a : items.get(k).entrySet()) {
                    if (!numeric.get(a.getKey())) {
                        continue;
                    }
                    String text = (String) a.getValue();
                    try {
                        a.setValue(DecimalNumbers.parseFinite(text, null));
                    } catch (NumberFormatException e) {
                        // The message names the value's place, built only for a refusal.
                        String what = "the " + kind + " attribute "
                                + JGraphTGraphs.shown(a.getKey()) + " of "
                                + describe(graph, kind, k);
                        throw graph.error(place(graph, kind, k, a.getKey()),
                                DecimalNumbers.refusal(text, what));
                    }
                }
            }
        }
        for (Map.Entry<String, Boolean> a : numeric.entrySet()) {
            String name = a.getKey();
            if (!a.getValue() && firstNumber.containsKey(name)) {
                parsed.get(0).notes.add(kind + " attribute " + JGraphTGraphs.shown(name)
                        + " read as labels, since some values are numbers ("
                        + firstNumber.get(name) + ") and some are not (" + firstText.get(name)
                        + ")");
            }
        }
    }

    /**
     * Whether a value is empty, a word for a non-finite number ({@code nan}, {@code -inf},
     * {@code Infinity}, any letter case), or a number that a double cannot hold finitely
     * ({@code 1e400}, {@code 1e-400}).
     */
    private static boolean isNonFinite(String value) {
        String word = value.strip();
        if (word.isEmpty() || DecimalNumbers.isNonFiniteWord(word)) {
            return true;
        }
        try {
            DecimalNumbers.parse(word);
        } catch (NumberFormatException e) {
            return false;
        }
        return !isNumber(word);
    }

    /**
     * Whether a value is a number for the typing of an attribute: a finite decimal number
     * that a double holds, or an integer beyond 2^53 ({@link DecimalNumbers#isInexactInteger}),
     * which makes its attribute numbers and is then refused, as in every reader.
     */
    private static boolean isNumber(String value) {
        try {
            DecimalNumbers.parseFinite(value, null);
            return true;
        } catch (NumberFormatException e) {
            return DecimalNumbers.isInexactInteger(value);
        }
    }

    /**
     * Refuses an attribute that is numbers on some nodes (or edges) and labels on others in
     * a format that types its values (a GML number and a quoted string), naming both.
     */
    private static void checkAttributes(List<Parsed> parsed, String kind)
            throws DatasetFormatException {
        Map<String, Boolean> numeric = new HashMap<>();
        Map<String, String> first = new HashMap<>();
        for (Parsed graph : parsed) {
            List<Map<String, Object>> items = items(graph, kind);
            for (int k = 0; k < items.size(); k++) {
                for (Map.Entry<String, Object> a : items.get(k).entrySet()) {
                    boolean number = a.getValue() instanceof Double;
                    Boolean before = numeric.putIfAbsent(a.getKey(), number);
                    String here = describe(graph, kind, k);
                    if (before == null) {
                        refuseName(graph, kind, k, a.getKey());
                    }
                    if (before == null) {
                        first.put(a.getKey(), here + " of " + graph.file.getFileName()
                                + atPlace(place(graph, kind, k, a.getKey())));
                    } else if (before != number) {
                        throw graph.error(place(graph, kind, k, a.getKey()), here + " gives the "
                                + kind + " attribute " + JGraphTGraphs.shown(a.getKey()) + " "
                                + (number ? "a number" : "a string") + ", but "
                                + first.get(a.getKey()) + " gives it " + (number ? "a string"
                                : "a number") + "; an attribute must be numbers everywhere or"
                                + " labels everywhere (convert its values to one type first)");
                    }
                }
            }
        }
    }

    /**
     * Refuses an empty attribute name, an attribute name with {@code =} (the one-hot
     * separator), a node attribute named as the node existence channel and an edge attribute
     * named as the edge presence channel, whose values the aligners and the reports would
     * read as existence or presence.
     */
    private static void refuseName(Parsed graph, String kind, int k, String name)
            throws DatasetFormatException {
        if (name.isEmpty()) {
            throw graph.error(place(graph, kind, k, name), describe(graph, kind, k)
                    + " has an attribute with an empty name (\"\"=...); expected a name, as"
                    + " every attribute becomes a channel named by it");
        }
        String where = describe(graph, kind, k) + " has the attribute "
                + JGraphTGraphs.shown(name);
        if (name.contains(Presence.GROUP_SEPARATOR)) {
            throw graph.error(place(graph, kind, k, name), where + ", whose name holds '"
                    + Presence.GROUP_SEPARATOR + "', the separator of one-hot channel names;"
                    + " rename the attribute in the file");
        }
        String reserved = "node".equals(kind) ? NodeExistence.CHANNEL_NAME
                : GraphDataset.EDGE_CHANNEL;
        if (name.equals(reserved)) {
            throw graph.error(place(graph, kind, k, name), where + ", the name of the channel"
                    + " that marks " + ("node".equals(kind) ? "real nodes" : "present edges")
                    + " (1 on each), so its values would be read as " + ("node".equals(kind)
                    ? "node existence" : "edge presence") + "; rename the attribute in the"
                    + " file");
        }
    }

    private static List<Map<String, Object>> items(Parsed graph, String kind) {
        if ("node".equals(kind)) {
            return graph.nodes;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Edge e : graph.edges) {
            items.add(e.attributes());
        }
        return items;
    }

    private static String describe(Parsed graph, String kind, int k) {
        if ("node".equals(kind)) {
            return "node " + JGraphTGraphs.shown(graph.nodeIds.get(k));
        }
        return describe(graph.edges.get(k));
    }

    private static String describe(Edge e) {
        return "edge from " + JGraphTGraphs.shown(e.source()) + " to "
                + JGraphTGraphs.shown(e.target());
    }

    /** Where an attribute of a node or an edge is given: its own place, else the item's. */
    private static Place place(Parsed graph, String kind, int k, String name) {
        if ("node".equals(kind)) {
            return graph.nodeAttributePlaces.get(k).getOrDefault(name, graph.nodePlaces.get(k));
        }
        Edge e = graph.edges.get(k);
        return e.attributePlaces().getOrDefault(name, e.place());
    }

    /** Returns " at line L, column C" for a known place, else "". */
    private static String atPlace(Place place) {
        return place.line() <= 0 ? "" : " at " + place.shown();
    }

    /** Builds the raw graph, refusing edges to unknown nodes, self-loops and parallel edges. */
    private static RawGraph toRaw(Parsed graph, String name, String label)
            throws DatasetFormatException {
        RawGraph raw = new RawGraph(name, label);
        raw.nodes.addAll(graph.nodes);
        Map<Long, Edge> firstOfPair = new HashMap<>();
        for (Edge e : graph.edges) {
            Integer u = graph.nodeIndex.get(e.source());
            Integer v = graph.nodeIndex.get(e.target());
            String where = describe(e);
            if (u == null || v == null) {
                throw graph.error(e.place(), where + " names the node "
                        + JGraphTGraphs.shown(u == null ? e.source() : e.target())
                        + ", which the graph does not have");
            }
            if (u.equals(v)) {
                throw graph.error(e.place(), where + " is a self-loop, which is not supported:"
                        + " the diagonal of a graph's matrix holds node attributes, so remove"
                        + " the loop or make it a node attribute");
            }
            put(graph, raw, firstOfPair, e, RawGraph.pair(u, v));
            if (graph.directed) {
                raw.directedListings++;
            } else {
                put(graph, raw, firstOfPair, e, RawGraph.pair(v, u));
                raw.undirectedListings++;
                raw.undirectedBy = graph.undirectedBy;
            }
        }
        return raw;
    }

    private static void put(Parsed graph, RawGraph raw, Map<Long, Edge> firstOfPair, Edge e,
            long pair) throws DatasetFormatException {
        Edge first = firstOfPair.putIfAbsent(pair, e);
        if (first != null) {
            throw graph.error(e.place(), describe(e) + " joins the same nodes as the "
                    + describe(first) + (first.place().line() > 0 ? " at "
                    + first.place().shown() : "") + "; parallel edges are not"
                    + " supported (a graph has one edge per pair of nodes, per ordered pair"
                    + " when directed), so merge them first");
        }
        raw.edges.put(pair, e.attributes());
    }

    /**
     * Builds a data set from raw graphs: encodes them ({@link AttributeEncoding}) with the
     * attributes in the given order, adds the encoding's notes to the given ones, and the note
     * that counts directed edges read as undirected ones when every edge has an equal reverse.
     *
     * @param datasetName the data set's name
     * @param raw the graphs, named, with class labels or none
     * @param nodeOrder node attribute names in channel order
     * @param edgeOrder edge attribute names in channel order
     * @param notes the reader's notes so far
     * @param where the path for an error of the data set as a whole
     * @return the data set
     * @throws DatasetFormatException if the data set breaks an invariant of
     *     {@link GraphDataset}
     */
    static GraphDataset dataset(String datasetName, List<RawGraph> raw, List<String> nodeOrder,
            List<String> edgeOrder, List<String> notes, Path where)
            throws DatasetFormatException {
        AttributeEncoding.Encoded encoded = AttributeEncoding.encode(raw,
                GraphMlReader.MAX_CATEGORIES, nodeOrder, edgeOrder);
        List<String> graphNames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (RawGraph g : raw) {
            graphNames.add(g.name);
            if (g.classLabel != null) {
                labels.add(g.classLabel);
            }
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(encoded.notes());
        int directedEdges = 0;
        for (RawGraph g : raw) {
            directedEdges += g.directedListings;
        }
        if (directedEdges > 0 && !encoded.graphs().isEmpty()
                && !encoded.graphs().get(0).isDirected()) {
            int pairs = directedEdges / 2;
            all.add(directedEdges + " directed edges, each listed with its reverse, count as "
                    + pairs + (pairs == 1 ? " undirected edge" : " undirected edges")
                    + " (one per pair of nodes, as the edges line counts them)");
        }
        try {
            return new GraphDataset(datasetName, encoded.graphs(), labels, graphNames,
                    encoded.nodeChannels(), encoded.edgeChannels(), all);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(where, e.getMessage());
        }
    }

    /**
     * Reads a file as UTF-8 text, refusing bytes that are not UTF-8 with the line and column
     * ({@link TextFiles#decode}); a byte-order mark at the start is dropped, so that columns on
     * the first line count from the first character after it, as an editor shows them, and a
     * carriage return not followed by a line feed
     * (the line end of old Mac files) becomes a line feed, so that the token walks and the
     * importers count its lines.
     */
    static String text(Path file) throws IOException {
        String text = TextFiles.decode(file, Files.readAllBytes(file), StandardCharsets.UTF_8,
                "convert the file to UTF-8");
        text = LONE_CARRIAGE_RETURN.matcher(text).replaceAll("\n");
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Runs a jgrapht-io importer over a file's text and turns what it throws into refusals of
     * the file: a {@link Refusal} of a callback into its refusal, the importer's syntax error
     * ({@link ImportException}) into a refusal at its line and column, and any other
     * exception (its parse listeners fail on some malformed input instead of reporting it)
     * into a refusal that names the failure.
     *
     * @param file the file read
     * @param format the format's name, for the messages
     * @param importer runs the importer with its callbacks
     * @throws DatasetFormatException for what the importer or a callback refused
     */
    static void runImporter(Path file, String format, Runnable importer)
            throws DatasetFormatException {
        runImporter(file, format, importer, (line, column) -> column);
    }

    /**
     * Runs a jgrapht-io importer over a text that differs from the file's, as
     * {@link #runImporter(Path, String, Runnable)} does, a syntax error's column being
     * mapped back to the file's.
     *
     * @param file the file read
     * @param format the format's name, for the messages
     * @param importer runs the importer with its callbacks
     * @param fileColumn maps a line (from 1) and a column (from 0) of the text the importer
     *     reads to the column (from 0) of the file
     * @throws DatasetFormatException for what the importer or a callback refused
     */
    static void runImporter(Path file, String format, Runnable importer,
            IntBinaryOperator fileColumn) throws DatasetFormatException {
        try {
            importer.run();
        } catch (Refusal e) {
            throw e.refusal;
        } catch (ImportException e) {
            throw importerError(file, format, e.getMessage(), fileColumn);
        } catch (RuntimeException e) {
            throw importerFailure(file, format, e);
        }
    }

    /**
     * Turns a syntax error of a jgrapht-io importer, whose message holds
     * {@code line L:C detail} (C counted from 0), into a refusal at that line and column; the
     * detail, which quotes the text it stopped at, is shown in printable ASCII
     * ({@link DecimalNumbers#printable}), as the readers' own messages show the data.
     *
     * @param file the file read
     * @param format the format's name, for the message
     * @param message the importer's message
     * @param fileColumn maps the importer's line and column to the file's column
     * @return the refusal
     */
    private static DatasetFormatException importerError(Path file, String format, String message,
            IntBinaryOperator fileColumn) {
        String text = message == null ? "" : message;
        Matcher m = IMPORTER_POSITION.matcher(text);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            return new DatasetFormatException(file, line,
                    fileColumn.applyAsInt(line, Integer.parseInt(m.group(2))) + 1,
                    "jgrapht-io's " + format + " importer"
                    + " cannot read it: " + DecimalNumbers.printable(m.group(3)));
        }
        return new DatasetFormatException(file, "jgrapht-io's " + format + " importer cannot"
                + " read it: " + DecimalNumbers.printable(text));
    }

    /**
     * Turns another exception that a jgrapht-io importer throws while it reads a file into a
     * refusal of the file: its parse listeners fail on some malformed input instead of
     * reporting a syntax error (DOT's {@code label=ri>ng} ends in an
     * {@code IndexOutOfBoundsException}).
     *
     * @param file the file read
     * @param format the format's name, for the message
     * @param failure what the importer threw, kept as the cause
     * @return the refusal
     */
    private static DatasetFormatException importerFailure(Path file, String format,
            RuntimeException failure) {
        DatasetFormatException refusal = new DatasetFormatException(file, "jgrapht-io's "
                + format + " importer failed on it (" + failure + "), as it does on some"
                + " syntax errors; check the file against the " + format + " grammar");
        refusal.initCause(failure);
        return refusal;
    }

    static String quoted(Set<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            shown.add(JGraphTGraphs.shown(name));
        }
        return String.join(", ", shown);
    }
}
