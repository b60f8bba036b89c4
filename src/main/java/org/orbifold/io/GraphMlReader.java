package org.orbifold.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.orbifold.space.NodeExistence;

/**
 * Reads graphs in GraphML (Brandes, Eiglsperger, Lerner and Pich, "Graph Markup Language
 * (GraphML)", in R. Tamassia (ed.), Handbook of Graph Drawing and Visualization, CRC Press
 * 2013, chapter 16), as networkx ({@code write_graphml}), igraph, Gephi and yEd write it: a
 * {@code .graphml} file with one or more top-level {@code <graph>} elements, or a folder of
 * such files, read in the order of their file names ({@link #graphMlFiles}).
 *
 * <p><b>Attributes.</b> Every {@code <key>} declared for nodes or edges (or for {@code all})
 * is one attribute, named by its {@code attr.name} (by its {@code id} when it has none); the
 * channels follow the order of the declarations (in a folder, of the first declaration of
 * each attribute), whatever the order of the {@code <data>} elements. An
 * {@code attr.type} of {@code int}, {@code long}, {@code float} or {@code double} gives a
 * numeric channel of that name; {@code string} (the GraphML default) and {@code boolean}
 * give the one-hot channels {@code name=value} over the values seen (a boolean written
 * {@code true}, {@code false}, {@code 1} or {@code 0}, in any letter case, is the label
 * {@code true} or {@code false}), by the rules of {@link AttributeEncoding} that every reader
 * shares: a value missing on a node or edge encodes as 0 and a note counts the gaps, a
 * discrete attribute with more than {@value #MAX_CATEGORIES} labels is left out with a note,
 * and the edge and node existence channels are added when needed. A key's {@code <default>}
 * is the value of every node or edge of its domain without a {@code <data>} for it. Values
 * lose the spaces, tabs and line breaks around them ({@link TextFiles#unpad}), so an empty
 * {@code string} value is the empty label (channel {@code name=}), and two texts that differ
 * only there ({@code " C"} and {@code "C"}) are one label; a note of the data set names the
 * first two such texts of each attribute. A number must
 * be a finite decimal number ({@link DecimalNumbers}), an {@code int} or {@code long} an
 * integer at most 2^53 in magnitude, up to which a double holds every integer; an integer
 * literal beyond it is refused in a key of any numeric type, as in every reader
 * ({@link DecimalNumbers#isInexactInteger}).
 *
 * <p><b>Classes.</b> The class label of a graph is its {@code <data>} for the graph attribute
 * named by {@link #withLabelProperty} (a key for {@code graph} or {@code all}) or, by default,
 * for the graph attribute named by the first of {@value MoleculeReader#DEFAULT_LABEL_COLUMNS}
 * (in this order, any letter case) that the file declares, the names the molecule reader takes
 * a class column from; without such a key the graphs have no classes. By default a graph
 * attribute is a key for {@code graph}, or a key for {@code all} that some graph of the file
 * gives a {@code <data>} of: a key for {@code all} that only nodes or edges use (Gephi declares
 * its node labels so) makes no class, and its {@code <default>} none either. The label is the
 * value as written, without its padding (a boolean as {@code true} or {@code false}). Other
 * graph attributes are not read, and a note names them.
 *
 * <p><b>Structure.</b> Nodes are taken in document order within their graph, graphs in
 * document order within their file. An edge is directed as its {@code directed} attribute
 * says, else as its graph's {@code edgedefault}; an undirected edge is stored in both
 * directions, and the graphs read as undirected when every ordered pair has an equal reverse
 * ({@link AttributeEncoding}). A graph is named by the file's name without {@code .graphml},
 * followed by {@code #k} (from 1) when the file holds several graphs. A {@code <graph>}
 * without nodes is an empty graph (order 0) with the channels of the data set, as the IAM
 * reader reads the empty graphs of Fingerprint: the statistics, aligners and commands handle
 * it (its distance to a graph {@code X} is {@code ||X||}); a file whose graphs are all empty
 * has no attribute values, so its graphs get only the existence channel.
 *
 * <p><b>Refusals.</b> Nothing is dropped or changed silently: a {@link DatasetFormatException}
 * names the file, line and column (in characters, {@link XmlColumns}: the parser's own column
 * counts an emoji twice), and the element or id, for malformed XML, bytes that are not
 * text in the file's encoding, a reference to an entity declared in a DTD (the parser reads no
 * DTD, so such entities are not supported, and the message says so), a root other than
 * {@code <graphml>}, a file without a graph, a graph without {@code edgedefault}, a nested
 * graph, a hyperedge, a port (or an edge's {@code sourceport} / {@code targetport}), a
 * {@code <locator>}, an element of another namespace or unknown to GraphML
 * outside a {@code <data>}, text outside {@code <data>} and {@code <default>}, a key after a graph,
 * a key declared twice or two keys of one name for the same kind of element, a key with an unknown
 * {@code for} or {@code attr.type}, an attribute name with {@code =} (the one-hot separator), a
 * node attribute named {@code exists} or an edge attribute named {@code edge} (the names of the
 * existence and presence channels, whose values the aligners would read as existence or presence; a
 * key for {@code all} of such a name is read as long as no node, or no edge, uses it: it is refused
 * at the first {@code <data>} of such an element, or at the key when it has a {@code <default>},
 * which they would all take), a {@code <data>} whose key is unknown or declared for another kind of
 * element, given twice on one element, or holding elements instead of a value, a value that its
 * type does not read, a node id used twice, an edge naming a node that its graph lacks, a
 * self-loop, a second edge between the same nodes (per ordered pair when both are directed), a
 * missing or empty class label when the file has classes, and in a folder an attribute that one
 * file declares as numbers and another as labels, files of which some have classes and some not (or
 * have them in attributes of different names), or two graphs of one name. The {@code <data>} of
 * yEd's drawing keys (keys with a {@code yfiles.type}, such as node graphics) and of the {@code
 * <graphml>} element itself are left out, and a note names their keys; {@code <desc>} elements are
 * documentation and are skipped.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GraphMlReader {

    /** The file ending of GraphML files, lower case. */
    public static final String FILE_ENDING = ".graphml";

    /** The GraphML namespace; elements without a namespace are read as GraphML too. */
    public static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

    /** A discrete attribute with more distinct labels is left out, as in the IAM reader. */
    public static final int MAX_CATEGORIES = IamDatasetReader.DEFAULT_MAX_CATEGORIES;


    private static final Set<String> DOMAINS = Set.of("all", "graphml", "graph", "node",
            "edge", "hyperedge", "port", "endpoint");

    private static final Set<String> TYPES = Set.of("boolean", "int", "long", "float",
            "double", "string");

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");


    /** What the undirected edges of a file are undirected by, for the encoding's note. */
    private static final String UNDIRECTED_BY = "undirected by the GraphML edgedefault or"
            + " directed attribute";

    private final String labelProperty;

    /** Creates a reader that takes class labels from the default graph attributes. */
    public GraphMlReader() {
        this(null);
    }

    private GraphMlReader(String labelProperty) {
        this.labelProperty = labelProperty;
    }

    /**
     * Returns a reader that takes class labels from the graph attribute of this name (its
     * {@code attr.name}, any letter case), which every file read must declare, or from the
     * default names when null.
     *
     * @param name the graph attribute name, or null for the defaults
     * @return the reader
     * @throws IllegalArgumentException if the name is blank
     */
    public GraphMlReader withLabelProperty(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("the label property needs a name");
        }
        return new GraphMlReader(name);
    }

    /**
     * Returns the graph attribute set by {@link #withLabelProperty}, or null.
     *
     * @return the graph attribute set by {@link #withLabelProperty}, or null
     */
    public String labelProperty() {
        return labelProperty;
    }

    /**
     * Returns whether a path names a GraphML file by its ending, {@value #FILE_ENDING} in any
     * letter case. The file need not exist.
     *
     * @param path a path
     * @return whether it ends in {@value #FILE_ENDING}
     */
    public static boolean isGraphMlFile(Path path) {
        Objects.requireNonNull(path, "path");
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(FILE_ENDING);
    }

    /**
     * Returns the GraphML files of a folder in the order they are read: the regular files
     * directly in it whose names end in {@value #FILE_ENDING} (any letter case), sorted by file
     * name ({@link String#compareTo}, so {@code g10} comes before {@code g2}). Subfolders are
     * not searched. Left out, each with a note when the folder is read: hidden files (names
     * starting with {@code .}, such as the {@code ._g.graphml} AppleDouble files that macOS
     * leaves on other file systems), entries of such a name that are no regular file (a
     * folder, a named pipe or device, a broken link), and a symbolic link to a file that the
     * folder lists under another name (read once, by its own name).
     *
     * @param folder a folder
     * @return the files, empty when there are none
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> graphMlFiles(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        return GraphFileFolders.list(folder, GraphMlReader::isGraphMlFile).files();
    }

    /**
     * Reads a GraphML file, or every GraphML file of a folder ({@link #graphMlFiles}) as one
     * data set named by the folder.
     *
     * @param path a {@code .graphml} file or a folder holding such files
     * @return the data set, with class labels when the files have a class attribute
     * @throws DatasetFormatException for the refusals of the class description, or a folder
     *     without GraphML files
     * @throws IOException if a file cannot be read
     */
    public GraphDataset read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            GraphFileFolders.Listing listing = GraphFileFolders.list(path,
                    GraphMlReader::isGraphMlFile);
            if (listing.files().isEmpty()) {
                throw new DatasetFormatException(path, "no " + FILE_ENDING + " file in this"
                        + " folder" + (listing.notes().isEmpty() ? ""
                        : " (" + String.join("; ", listing.notes()) + ")"));
            }
            Path name = path.toAbsolutePath().normalize().getFileName();
            return read(listing.files(), name == null ? path.toString() : name.toString(), path,
                    listing.notes());
        }
        if (!Files.isRegularFile(path)) {
            throw Files.exists(path) ? DatasetFormatException.notRegularFile(path,
                    "a GraphML file") : DatasetFormatException.noSuchPath(path);
        }
        return read(List.of(path), stem(path), path, List.of());
    }

    /** Reads files as one data set. */
    private GraphDataset read(List<Path> files, String datasetName, Path where,
            List<String> listingNotes) throws IOException {
        Declarations declarations = new Declarations();
        List<RawGraph> raw = new ArrayList<>();
        List<String> notes = new ArrayList<>(listingNotes);
        Set<String> graphAttributes = new LinkedHashSet<>();
        Set<String> drawingKeys = new LinkedHashSet<>();
        Set<String> fileKeys = new LinkedHashSet<>();
        String classAttribute = null;
        Path classFile = null;
        Path classlessFile = null;
        Map<String, Path> names = new HashMap<>();
        for (Path file : files) {
            FileParser parser = new FileParser(file, declarations);
            parser.parse();
            Key classKey = parser.classKey(labelProperty);
            if (classKey == null) {
                classlessFile = classlessFile == null ? file : classlessFile;
            } else if (classAttribute == null) {
                classAttribute = classKey.name;
                classFile = file;
            } else if (!classAttribute.equalsIgnoreCase(classKey.name)) {
                throw new DatasetFormatException(file, classKey.line, "class labels from the"
                        + " graph attribute " + JGraphTGraphs.shown(classKey.name) + ", but "
                        + classFile + " has them in " + JGraphTGraphs.shown(classAttribute)
                        + "; name one with --label-property NAME (in the library,"
                        + " withLabelProperty)");
            }
            if (classFile != null && classlessFile != null) {
                throw new DatasetFormatException(classlessFile, "has no graph attribute "
                        + (labelProperty != null ? "'" + labelProperty + "'" : "named "
                        + MoleculeReader.DEFAULT_LABEL_COLUMNS) + " for class labels, but "
                        + classFile + " has its graphs' classes in "
                        + JGraphTGraphs.shown(classAttribute) + "; every file needs classes or"
                        + " none may have them");
            }
            String stem = stem(file);
            List<ParsedGraph> graphs = parser.graphs;
            for (int k = 0; k < graphs.size(); k++) {
                String name = graphs.size() == 1 ? stem : stem + "#" + (k + 1);
                Path before = names.putIfAbsent(name, file);
                if (before != null) {
                    throw new DatasetFormatException(file, "names a graph "
                            + JGraphTGraphs.shown(name) + " as " + before.getFileName()
                            + " does; rename one of the two files");
                }
                boolean classesElsewhere = classKey != null && (parser.givenOnSomeGraph(classKey)
                        || raw.stream().anyMatch(g -> g.classLabel != null));
                raw.add(graphs.get(k).toRaw(file, name, classKey, classesElsewhere,
                        graphAttributes));
            }
            drawingKeys.addAll(parser.drawingKeys);
            fileKeys.addAll(parser.fileKeys);
        }
        if (classAttribute != null) {
            notes.add("class labels from the graph attribute "
                    + JGraphTGraphs.shown(classAttribute));
        }
        if (!graphAttributes.isEmpty()) {
            notes.add("graph attribute" + (graphAttributes.size() == 1 ? " " : "s ")
                    + quoted(graphAttributes) + " not read: only a class attribute of a graph"
                    + " is read (" + (labelProperty != null ? JGraphTGraphs.shown(
                    classAttribute != null ? classAttribute : labelProperty.strip())
                    : MoleculeReader.DEFAULT_LABEL_COLUMNS + ", or --label-property NAME")
                    + ")");
        }
        if (!drawingKeys.isEmpty()) {
            notes.add("yEd drawing data not read (keys with a yfiles.type: "
                    + quoted(drawingKeys) + ")");
        }
        if (!fileKeys.isEmpty()) {
            notes.add("data of the <graphml> element not read (keys " + quoted(fileKeys) + ")");
        }
        for (Map.Entry<String, String> e : declarations.merged.entrySet()) {
            notes.add(e.getKey() + ": " + e.getValue() + ", since GraphML values lose the"
                    + " spaces, tabs and line breaks around them (GML and DOT values keep them)");
        }
        return ImportedGraphs.dataset(datasetName, raw, declarations.nodeOrder,
                declarations.edgeOrder, notes, where);
    }

    private static String quoted(Set<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            shown.add(JGraphTGraphs.shown(name));
        }
        return String.join(", ", shown);
    }

    /** The file name without {@value #FILE_ENDING} (as written, in any letter case). */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(FILE_ENDING)
                ? name.substring(0, name.length() - FILE_ENDING.length()) : name;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** A {@code <key>} declaration. */
    private static final class Key {
        final String id;
        final String domain;
        final String name;
        final String type;
        final boolean drawing;
        final int line;
        /** The value of {@code <default>}, or null: a Double or a String. */
        Object defaultValue;
        /** The default as a graph attribute reads it ({@link FileParser#label}), or null. */
        String defaultLabel;

        Key(String id, String domain, String name, String type, boolean drawing, int line) {
            this.id = id;
            this.domain = domain;
            this.name = name;
            this.type = type;
            this.drawing = drawing;
            this.line = line;
        }

        boolean numeric() {
            return !"string".equals(type) && !"boolean".equals(type);
        }

        /**
         * Names the key's attribute for messages on its values as the file's writer knows it,
         * by its {@code attr.name}, with the key id where it differs (networkx writes ids
         * {@code d0}, {@code d1}, ...) and the type: {@code attribute 'w' (key 'd0', double)},
         * or {@code attribute 'w' (double)}.
         */
        String described() {
            return "attribute " + JGraphTGraphs.shown(name) + " (" + (name.equals(id) ? ""
                    : "key " + JGraphTGraphs.shown(id) + ", ") + type + ")";
        }

        boolean applies(String kind) {
            return domain.equals(kind) || "all".equals(domain);
        }
    }

    /**
     * The kinds of node and edge attributes declared so far in the files of one data set, so
     * that an attribute is numbers in every file or labels in every file.
     */
    private static final class Declarations {
        private final Map<String, String> where = new HashMap<>();
        private final Map<String, Boolean> numeric = new HashMap<>();
        /** Node and edge attribute names in order of their first declaration. */
        final List<String> nodeOrder = new ArrayList<>();
        final List<String> edgeOrder = new ArrayList<>();
        /** Per attribute ("node attribute 's'"), per label: the first text it was read from. */
        private final Map<String, Map<String, String>> texts = new HashMap<>();
        /** Per attribute, the first two texts that became one label, for a note. */
        final Map<String, String> merged = new LinkedHashMap<>();

        /**
         * Records the text a string value was read from; notes the first two texts of an
         * attribute that differ only in their padding and so became one label.
         */
        void label(String kind, String name, String text, String label, Path file,
                Location at) {
            String id = kind + " attribute " + JGraphTGraphs.shown(name);
            String first = texts.computeIfAbsent(id, k -> new HashMap<>())
                    .putIfAbsent(label, text);
            if (first != null && !first.equals(text) && !merged.containsKey(id)) {
                merged.put(id, "the texts " + JGraphTGraphs.shown(first) + " and "
                        + JGraphTGraphs.shown(text) + " (" + file.getFileName() + ", line "
                        + at.getLineNumber() + ") are both read as the label "
                        + JGraphTGraphs.shown(label));
            }
        }

        void add(Path file, Key key, String kind) throws DatasetFormatException {
            String id = kind + " " + key.name;
            Boolean before = numeric.putIfAbsent(id, key.numeric());
            if (before == null) {
                where.put(id, file + ", line " + key.line + " (" + key.type + ")");
                ("node".equals(kind) ? nodeOrder : edgeOrder).add(key.name);
            } else if (before != key.numeric()) {
                throw new DatasetFormatException(file, key.line, "key "
                        + JGraphTGraphs.shown(key.id) + " declares the " + kind + " attribute "
                        + JGraphTGraphs.shown(key.name) + " as " + key.type + ", but "
                        + where.get(id) + " declares it as " + (before ? "numbers" : "labels")
                        + "; every file must give an attribute the same kind");
            }
        }
    }

    /**
     * A pending edge of a graph, resolved when the graph ends; its column is the parser's, in
     * UTF-16 units, recounted in characters only for a refusal ({@link XmlColumns}).
     */
    private record PendingEdge(String id, String source, String target, boolean directed,
            Map<String, Object> attributes, int line, int column) {
    }

    /** A graph as parsed, before its class label is known. */
    private static final class ParsedGraph {
        final String id;
        final int line;
        final int column;
        final boolean directedByDefault;
        final Map<String, Integer> nodeIds = new HashMap<>();
        final List<Map<String, Object>> nodes = new ArrayList<>();
        final List<PendingEdge> edges = new ArrayList<>();
        final Map<String, Object> data = new LinkedHashMap<>();
        /** Recounts the parser's columns of this graph and its edges in characters. */
        private final XmlColumns columns;

        ParsedGraph(String id, int line, int column, boolean directedByDefault,
                XmlColumns columns) {
            this.id = id;
            this.line = line;
            this.column = column;
            this.directedByDefault = directedByDefault;
            this.columns = columns;
        }

        /** The refusal of the file at a place of the parser, its column in characters. */
        private DatasetFormatException error(Path file, int atLine, int atColumn,
                String detail) {
            return new DatasetFormatException(file, atLine, columns.column(atLine, atColumn),
                    detail);
        }

        String describe() {
            return id == null ? "the <graph> at line " + line : "graph " + JGraphTGraphs.shown(id);
        }

        /** Builds the raw graph; graph data other than the class go to {@code unread}. */
        RawGraph toRaw(Path file, String name, Key classKey, boolean classesElsewhere,
                Set<String> unread) throws DatasetFormatException {
            String label = null;
            if (classKey != null) {
                Object value = data.getOrDefault(classKey.name, classKey.defaultLabel);
                if (value == null) {
                    throw error(file, line, column, describe()
                            + " has no class label: it has no <data> for the graph attribute "
                            + JGraphTGraphs.shown(classKey.name) + " (key "
                            + JGraphTGraphs.shown(classKey.id) + "), "
                            + (classesElsewhere ? "which other graphs use for classes"
                            : "which the file declares for graphs (so it holds the classes)")
                            + ", and the key has no <default>; give every graph a <data> of"
                            + " it" + (FileParser.reservedKind(classKey) == null
                            ? ", or the key a <default>" : " (the key cannot take a"
                            + " <default>: it is for all elements, so every "
                            + FileParser.reservedKind(classKey) + " without a <data> of it"
                            + " would take the default as its "
                            + JGraphTGraphs.shown(classKey.name) + ", the channel that marks"
                            + ("node".equals(FileParser.reservedKind(classKey))
                            ? " real nodes)" : " present edges)")));
                }
                label = (String) value;
                if (label.isEmpty()) {
                    throw error(file, line, column, describe()
                            + " has no class label: its graph attribute "
                            + JGraphTGraphs.shown(classKey.name) + " is empty");
                }
            }
            for (String key : data.keySet()) {
                if (classKey == null || !key.equals(classKey.name)) {
                    unread.add(key);
                }
            }
            RawGraph graph = new RawGraph(name, label);
            graph.nodes.addAll(nodes);
            for (PendingEdge e : edges) {
                Integer u = nodeIds.get(e.source());
                Integer v = nodeIds.get(e.target());
                String where = "edge " + (e.id() == null ? "" : JGraphTGraphs.shown(e.id())
                        + " ") + "from " + JGraphTGraphs.shown(e.source()) + " to "
                        + JGraphTGraphs.shown(e.target());
                if (u == null || v == null) {
                    throw error(file, e.line(), e.column(), where
                            + " names the node " + JGraphTGraphs.shown(u == null ? e.source()
                            : e.target()) + ", which " + describe() + " does not have");
                }
                if (u.equals(v)) {
                    throw error(file, e.line(), e.column(), where
                            + " is a self-loop, which is not supported: the diagonal of a"
                            + " graph's matrix holds node attributes, so remove the loop or"
                            + " make it a node attribute");
                }
                put(file, graph, e, where, RawGraph.pair(u, v));
                if (e.directed()) {
                    graph.directedListings++;
                } else {
                    put(file, graph, e, where, RawGraph.pair(v, u));
                    graph.undirectedListings++;
                    graph.undirectedBy = UNDIRECTED_BY;
                }
            }
            return graph;
        }

        private void put(Path file, RawGraph graph, PendingEdge e, String where, long pair)
                throws DatasetFormatException {
            if (graph.edges.putIfAbsent(pair, e.attributes()) != null) {
                PendingEdge first = null;
                for (PendingEdge other : edges) {
                    if (other == e) {
                        break;
                    }
                    if (joins(other, RawGraph.source(pair), RawGraph.target(pair))) {
                        first = other;
                        break;
                    }
                }
                throw error(file, e.line(), e.column(), where
                        + " joins the same nodes as the edge at line "
                        + (first == null ? "?" : first.line() + ", column "
                        + columns.column(first.line(), first.column()))
                        + "; parallel edges are not supported (a graph has one edge per pair"
                        + " of nodes, per ordered pair when directed), so merge them first");
            }
        }

        private boolean joins(PendingEdge e, int i, int j) {
            Integer u = nodeIds.get(e.source());
            Integer v = nodeIds.get(e.target());
            return u != null && v != null && (u == i && v == j || !e.directed() && u == j
                    && v == i);
        }
    }

    /** Parses one file into graphs. */
    private static final class FileParser {
        private final Path file;
        private final Declarations declarations;
        private final Map<String, Key> keys = new LinkedHashMap<>();
        private final Map<String, Key> namesInUse = new HashMap<>();
        final List<ParsedGraph> graphs = new ArrayList<>();
        final Set<String> drawingKeys = new LinkedHashSet<>();
        final Set<String> fileKeys = new LinkedHashSet<>();
        /** The names of the keys that some graph of the file gives a {@code <data>} of. */
        private final Set<String> graphDataKeys = new HashSet<>();
        private XMLStreamReader r;
        private final XmlColumns columns;

        FileParser(Path file, Declarations declarations) {
            this.file = file;
            this.declarations = declarations;
            this.columns = new XmlColumns(file);
        }

        /** The graph attribute that holds class labels, or null when there is none. */
        Key classKey(String property) throws DatasetFormatException {
            List<String> graphKeys = new ArrayList<>();
            for (Key key : keys.values()) {
                if (key.applies("graph") && !key.drawing) {
                    graphKeys.add(key.name);
                }
            }
            if (property != null) {
                for (Key key : keys.values()) {
                    if (key.applies("graph") && !key.drawing
                            && key.name.equalsIgnoreCase(property.strip())) {
                        return key;
                    }
                }
                throw new DatasetFormatException(file, "declares no graph attribute "
                        + JGraphTGraphs.shown(property.strip()) + " for class labels (a <key"
                        + " for=\"graph\"> or for=\"all\" of that attr.name); its graph"
                        + " attributes: " + (graphKeys.isEmpty() ? "none"
                        : String.join(", ", graphKeys)));
            }
            for (String name : ImportedGraphs.LABEL_NAMES) {
                for (Key key : keys.values()) {
                    if (isGraphAttribute(key) && key.name.equalsIgnoreCase(name)) {
                        return key;
                    }
                }
            }
            return null;
        }

        void parse() throws IOException {
            try (InputStream in = IamDatasetReader.openXml(file)) {
                r = factory().createXMLStreamReader(in);
                try {
                    parseDocument();
                } finally {
                    r.close();
                }
            } catch (XMLStreamException e) {
                throw IamDatasetReader.xmlError(file, e);
            }
            if (graphs.isEmpty()) {
                throw new DatasetFormatException(file, "no <graph> element; expected at least"
                        + " one graph");
            }
            for (ParsedGraph graph : graphs) {
                for (Key key : keys.values()) {
                    if (isGraphAttribute(key) && key.defaultValue != null
                            && !graph.data.containsKey(key.name)) {
                        graph.data.put(key.name, key.defaultLabel);
                    }
                }
            }
        }

        /**
         * Whether a key is a graph attribute of this file: declared for graphs, or declared
         * for all and given by a {@code <data>} on some graph. A key for all that only nodes
         * or edges use is no graph attribute, so neither its default nor its name makes a
         * class label.
         */
        boolean isGraphAttribute(Key key) {
            return !key.drawing && ("graph".equals(key.domain)
                    || key.applies("graph") && graphDataKeys.contains(key.name));
        }

        /** Whether some graph of the file has a {@code <data>} of the key. */
        boolean givenOnSomeGraph(Key key) {
            return graphDataKeys.contains(key.name);
        }

        private void parseDocument() throws XMLStreamException, DatasetFormatException {
            boolean root = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root) {
                        throw error(r.getLocation(), "a second root element " + tag());
                    }
                    if (!"graphml".equals(r.getLocalName())) {
                        throw error(r.getLocation(), "the root element is " + tag()
                                + "; expected <graphml>");
                    }
                    if (!isGraphMl()) {
                        throw error(r.getLocation(), "the root element " + tag() + " is of"
                                + " the namespace " + r.getNamespaceURI() + "; expected"
                                + " <graphml> of the GraphML namespace " + NAMESPACE
                                + " (or of none)");
                    }
                    root = true;
                    parseGraphMl();
                }
            }
            if (!root) {
                throw new DatasetFormatException(file, "no <graphml> element");
            }
        }

        private boolean isGraphMl() {
            String ns = r.getNamespaceURI();
            return ns == null || ns.isEmpty() || NAMESPACE.equals(ns);
        }

        private String tag() {
            String prefix = r.getPrefix();
            return "<" + (prefix == null || prefix.isEmpty() ? "" : prefix + ":")
                    + r.getLocalName() + ">";
        }

        /** Reads the children of {@code <graphml>} up to its end. */
        private void parseGraphMl() throws XMLStreamException, DatasetFormatException {
            Map<String, Object> fileData = new HashMap<>();
            while (true) {
                int event = next("<graphml>");
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
                switch (element("<graphml>")) {
                    case "key" -> {
                        if (!graphs.isEmpty()) {
                            throw error(r.getLocation(), "a <key> after a <graph>; GraphML"
                                    + " declares its keys before the graphs");
                        }
                        parseKey();
                    }
                    case "graph" -> graphs.add(parseGraph());
                    case "data" -> {
                        Key key = data(fileData, "graphml", "the <graphml> element");
                        if (!key.drawing) {
                            fileKeys.add(key.id);
                        }
                    }
                    default -> throw unexpected("<graphml>");
                }
            }
        }

        /**
         * Moves to the next start or end element, refusing text; returns the event. Comments
         * and processing instructions are skipped, {@code <desc>} elements too.
         */
        private int next(String inside) throws XMLStreamException, DatasetFormatException {
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!r.getText().isBlank()) {
                        throw error(r.getLocation(), inside + " holds the text "
                                + JGraphTGraphs.shown(TextFiles.unpad(r.getText()))
                                + " outside a <data> or <default> element");
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT && isGraphMl()
                        && "desc".equals(r.getLocalName())) {
                    skip();
                } else if (event == XMLStreamConstants.START_ELEMENT
                        || event == XMLStreamConstants.END_ELEMENT) {
                    return event;
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new DatasetFormatException(file, "the file ends inside " + inside);
                }
            }
        }

        /** The local name of the current start element; refuses other namespaces. */
        private String element(String inside) throws DatasetFormatException {
            if (!isGraphMl()) {
                throw error(r.getLocation(), inside + " holds the element " + tag() + " of the"
                        + " namespace " + r.getNamespaceURI() + ", which is not GraphML;"
                        + " such elements are read only inside a <data> of a yEd drawing key");
            }
            return r.getLocalName();
        }

        private DatasetFormatException unexpected(String inside) {
            String name = r.getLocalName();
            String what = switch (name) {
                case "hyperedge" -> "a hyperedge, which is not supported: a graph's edges join"
                        + " two nodes";
                case "port" -> "a port, which is not supported: edges join nodes, not ports";
                case "locator" -> "a <locator>, which is not supported: give the graph in the"
                        + " file";
                case "graph" -> "a nested graph, which is not supported: a node or an edge"
                        + " holds attributes, not a graph";
                default -> "the element " + tag() + ", which is not expected there";
            };
            String id = r.getAttributeValue(null, "id");
            return error(r.getLocation(), inside + " holds " + what
                    + (id == null ? "" : " (id " + JGraphTGraphs.shown(id) + ")"));
        }

        /** Skips the current element with everything inside it. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private void parseKey() throws XMLStreamException, DatasetFormatException {
            Location at = r.getLocation();
            String id = r.getAttributeValue(null, "id");
            if (id == null) {
                throw error(at, "<key> without the id attribute");
            }
            String domain = attribute("for", "all");
            if (!DOMAINS.contains(domain)) {
                throw error(at, "key " + JGraphTGraphs.shown(id) + " has for=\"" + domain
                        + "\"; expected node, edge, graph, all, graphml, hyperedge, port or"
                        + " endpoint");
            }
            String name = r.getAttributeValue(null, "attr.name");
            if (name != null && name.isEmpty()) {
                throw error(at, "key " + JGraphTGraphs.shown(id) + " has an empty attr.name;"
                        + " expected a name, or no attr.name (then the id names the attribute)");
            }
            name = name == null ? id : name;
            String type = attribute("attr.type", "string");
            boolean drawing = r.getAttributeValue(null, "yfiles.type") != null;
            if (!drawing && !TYPES.contains(type)) {
                throw error(at, "key " + JGraphTGraphs.shown(id) + " has attr.type=\"" + type
                        + "\"; expected boolean, int, long, float, double or string");
            }
            if (!drawing && name.contains("=")) {
                throw error(at, "key " + JGraphTGraphs.shown(id) + " names the attribute "
                        + JGraphTGraphs.shown(name) + ", which contains '='; expected a name"
                        + " without it (it separates an attribute from its label in channel"
                        + " names)");
            }
            Key key = new Key(id, domain, name, type, drawing, at.getLineNumber());
            Key sameId = keys.putIfAbsent(id, key);
            if (sameId != null) {
                throw error(at, "key id " + JGraphTGraphs.shown(id) + " is declared twice (also"
                        + " on line " + sameId.line + ", for=\"" + sameId.domain + "\"); a"
                        + " <data> names its key by the id, so ids must differ"
                        + (sameId.domain.equals(domain) ? "" : " (networkx writes an attribute"
                        + " of nodes and edges under one id with named_key_ids=True: write the"
                        + " graph without it)"));
            }
            if (!drawing) {
                for (String kind : List.of("node", "edge", "graph")) {
                    if (!key.applies(kind)) {
                        continue;
                    }
                    Key other = namesInUse.putIfAbsent(kind + " " + name, key);
                    if (other != null) {
                        throw error(at, "key " + JGraphTGraphs.shown(id) + " names the " + kind
                                + " attribute " + JGraphTGraphs.shown(name) + " as key "
                                + JGraphTGraphs.shown(other.id) + " on line " + other.line
                                + " does; expected one key per attribute name"
                                + (other.type.equals(key.type) ? "" : " (the two declare the"
                                + " types " + other.type + " and " + key.type + ", as networkx"
                                + " writes an attribute whose values differ in type from"
                                + " element to element: write the graph with"
                                + " nx.write_graphml(G, path, infer_numeric_types=True) when"
                                + " they are all numbers, or convert them to one type first)"));
                    }
                    if (!"graph".equals(kind)) {
                        if (!key.name.equals(reservedName(kind))) {
                            declarations.add(file, key, kind);
                        } else if (!"all".equals(domain)) {
                            throw error(at, "key " + JGraphTGraphs.shown(id)
                                    + reservedUse(kind));
                        }
                        // A key for all of a channel's name is no attribute of that kind
                        // of element: refused where one uses it (its <data>, its default).
                    }
                }
            }
            while (true) {
                int event = next("key " + JGraphTGraphs.shown(id));
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String kind = reservedKind(key);
                    if (kind != null && key.defaultValue != null) {
                        throw error(at, "key " + JGraphTGraphs.shown(id) + " has a <default>,"
                                + " which every " + kind + " without a <data> of it takes, and"
                                + reservedUse(kind));
                    }
                    return;
                }
                if (!"default".equals(element("key " + JGraphTGraphs.shown(id)))) {
                    throw unexpected("key " + JGraphTGraphs.shown(id));
                }
                Location valueAt = r.getLocation();
                if (drawing) {
                    skip();
                } else if (key.defaultValue != null) {
                    throw error(valueAt, "key " + JGraphTGraphs.shown(id) + " has a second"
                            + " <default>");
                } else {
                    String text = text("the <default> of key " + JGraphTGraphs.shown(id));
                    key.defaultValue = value(key, key.domain, text, valueAt);
                    key.defaultLabel = label(key.defaultValue, text);
                }
            }
        }

        /**
         * The name of the channel that the readers give nodes (the node existence channel)
         * or edges (the edge presence channel): an attribute of that kind of element with
         * this name is refused, since the aligners and the reports would take its values for
         * existence or presence.
         */
        private static String reservedName(String kind) {
            return "node".equals(kind) ? NodeExistence.CHANNEL_NAME : GraphDataset.EDGE_CHANNEL;
        }

        /**
         * The kind of element, node or edge, whose channel a key declared for all is named
         * after, or null. Such a key is read where graphs use it; a node (or an edge) may not.
         */
        private static String reservedKind(Key key) {
            if (!"all".equals(key.domain) || key.drawing) {
                return null;
            }
            for (String kind : List.of("node", "edge")) {
                if (key.name.equals(reservedName(kind))) {
                    return kind;
                }
            }
            return null;
        }

        /** The end of the message refusing a node or edge attribute of a channel's name. */
        private static String reservedUse(String kind) {
            return " names the " + kind + " attribute "
                    + JGraphTGraphs.shown(reservedName(kind)) + ", the name of the channel"
                    + " that marks " + ("node".equals(kind) ? "real nodes" : "present edges")
                    + " (1 on each), so its values would be read as "
                    + ("node".equals(kind) ? "node existence" : "edge presence")
                    + "; rename the attribute (attr.name) in the file";
        }

        private String attribute(String name, String otherwise) {
            String value = r.getAttributeValue(null, name);
            return value == null ? otherwise : value.strip();
        }

        private ParsedGraph parseGraph() throws XMLStreamException, DatasetFormatException {
            Location at = r.getLocation();
            String id = r.getAttributeValue(null, "id");
            String edgeDefault = r.getAttributeValue(null, "edgedefault");
            String what = id == null ? "the <graph>" : "graph " + JGraphTGraphs.shown(id);
            if (edgeDefault == null) {
                throw error(at, what + " has no edgedefault; expected edgedefault=\"directed\""
                        + " or edgedefault=\"undirected\"");
            }
            edgeDefault = edgeDefault.strip();
            if (!"directed".equals(edgeDefault) && !"undirected".equals(edgeDefault)) {
                throw error(at, what + " has edgedefault=\"" + edgeDefault + "\"; expected"
                        + " directed or undirected");
            }
            ParsedGraph graph = new ParsedGraph(id, at.getLineNumber(), at.getColumnNumber(),
                    "directed".equals(edgeDefault), columns);
            while (true) {
                int event = next(what);
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                switch (element(what)) {
                    case "node" -> parseNode(graph, what);
                    case "edge" -> parseEdge(graph, what);
                    case "data" -> data(graph.data, "graph", what);
                    default -> throw unexpected(what);
                }
            }
            for (Map<String, Object> node : graph.nodes) {
                applyDefaults(node, "node");
            }
            for (PendingEdge edge : graph.edges) {
                applyDefaults(edge.attributes(), "edge");
            }
            return graph;
        }

        /**
         * Gives a node or an edge the {@code <default>} of every key of its kind that it has
         * no {@code <data>} of (graph attributes get theirs in {@link #parse}).
         */
        private void applyDefaults(Map<String, Object> item, String kind) {
            for (Key key : keys.values()) {
                if (key.applies(kind) && !key.drawing && key.defaultValue != null
                        && !item.containsKey(key.name)) {
                    item.put(key.name, key.defaultValue);
                }
            }
        }

        private void parseNode(ParsedGraph graph, String inGraph)
                throws XMLStreamException, DatasetFormatException {
            Location at = r.getLocation();
            String id = r.getAttributeValue(null, "id");
            if (id == null) {
                throw error(at, inGraph + " holds a <node> without the id attribute");
            }
            String what = "node " + JGraphTGraphs.shown(id);
            if (graph.nodeIds.putIfAbsent(id, graph.nodes.size()) != null) {
                throw error(at, "node id " + JGraphTGraphs.shown(id) + " is used twice in "
                        + inGraph);
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            graph.nodes.add(attributes);
            dataUntilEnd(attributes, "node", what);
        }

        private void parseEdge(ParsedGraph graph, String inGraph)
                throws XMLStreamException, DatasetFormatException {
            Location at = r.getLocation();
            String id = r.getAttributeValue(null, "id");
            String source = r.getAttributeValue(null, "source");
            String target = r.getAttributeValue(null, "target");
            String what = "edge" + (id == null ? "" : " " + JGraphTGraphs.shown(id));
            if (source == null || target == null) {
                throw error(at, inGraph + " holds an " + what + " without the "
                        + (source == null ? "source" : "target") + " attribute");
            }
            for (String port : List.of("sourceport", "targetport")) {
                if (r.getAttributeValue(null, port) != null) {
                    throw error(at, what + " has a " + port + ", which is not supported: edges"
                            + " join nodes, not ports");
                }
            }
            String directed = r.getAttributeValue(null, "directed");
            boolean isDirected = graph.directedByDefault;
            if (directed != null) {
                String value = directed.strip();
                if (!List.of("true", "false", "1", "0").contains(value)) {
                    throw error(at, what + " has directed=\"" + value + "\"; expected true,"
                            + " false, 1 or 0");
                }
                isDirected = "true".equals(value) || "1".equals(value);
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            graph.edges.add(new PendingEdge(id, source, target, isDirected, attributes,
                    at.getLineNumber(), at.getColumnNumber()));
            dataUntilEnd(attributes, "edge", what);
        }

        /** Reads the {@code <data>} children of a node or an edge up to its end tag. */
        private void dataUntilEnd(Map<String, Object> attributes, String kind, String what)
                throws XMLStreamException, DatasetFormatException {
            while (next(what) != XMLStreamConstants.END_ELEMENT) {
                if (!"data".equals(element(what))) {
                    throw unexpected(what);
                }
                data(attributes, kind, what);
            }
        }

        /**
         * Reads a {@code <data>} element of an element of the given kind into its attributes
         * (the data of a yEd drawing key is skipped) and returns its key, never null: an
         * unknown key is refused.
         */
        private Key data(Map<String, Object> attributes, String kind, String what)
                throws XMLStreamException, DatasetFormatException {
            Location at = r.getLocation();
            String keyId = r.getAttributeValue(null, "key");
            if (keyId == null) {
                throw error(at, what + " holds a <data> without the key attribute");
            }
            Key key = keys.get(keyId);
            if (key == null) {
                throw error(at, what + " holds a <data> of the key " + JGraphTGraphs.shown(keyId)
                        + ", which is not declared; expected a <key id=\"" + keyId + "\"> before"
                        + " the graphs");
            }
            if (key.drawing) {
                drawingKeys.add(key.id);
                skip();
                return key;
            }
            if (!key.applies(kind)) {
                throw error(at, what + " holds a <data> of the key " + JGraphTGraphs.shown(keyId)
                        + ", which is declared for=\"" + key.domain + "\", not for "
                        + ("graphml".equals(kind) ? "the <graphml> element" : kind + "s"));
            }
            if (("node".equals(kind) || "edge".equals(kind))
                    && key.name.equals(reservedName(kind))) {
                throw error(at, what + " holds a <data> of the key " + JGraphTGraphs.shown(keyId)
                        + ", declared for=\"all\" on line " + key.line + ", which"
                        + reservedUse(kind) + " (a key for=\"all\" of this name is read while"
                        + " no " + kind + " uses it)");
            }
            if (attributes.containsKey(key.name)) {
                throw error(at, what + " holds a second <data> of the key "
                        + JGraphTGraphs.shown(keyId) + " (attribute "
                        + JGraphTGraphs.shown(key.name) + ")");
            }
            String text = text("the <data> of key " + JGraphTGraphs.shown(keyId) + " in "
                    + what);
            Object value = value(key, kind, text, at);
            attributes.put(key.name, "graph".equals(kind) ? label(value, text) : value);
            if ("graph".equals(kind)) {
                graphDataKeys.add(key.name);
            }
            return key;
        }

        /**
         * The text of a graph attribute's value: a number as written (without its padding),
         * a label as read.
         */
        private static String label(Object value, String text) {
            return value instanceof Double ? TextFiles.unpad(text) : (String) value;
        }

        /** Reads the text of the current element, refusing child elements. */
        private String text(String what) throws XMLStreamException, DatasetFormatException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw error(r.getLocation(), what + " holds the element " + tag()
                            + "; expected a value as text (only yEd drawing keys, with a"
                            + " yfiles.type, may hold elements, and they are not read)");
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return text.toString();
                }
            }
        }

        /**
         * Reads a value of a key's type: a Double for numbers, a String for labels. A label
         * that another text of the same attribute also became, differing from it only in the
         * padding around it, is recorded for a note.
         */
        private Object value(Key key, String kind, String text, Location at)
                throws DatasetFormatException {
            String value = TextFiles.unpad(text);
            String what = key.described();
            switch (key.type) {
                case "string":
                    declarations.label(kind, key.name, text, value, file, at);
                    return value;
                case "boolean": {
                    String lower = value.toLowerCase(Locale.ROOT);
                    if ("true".equals(lower) || "1".equals(value)) {
                        return "true";
                    }
                    if ("false".equals(lower) || "0".equals(value)) {
                        return "false";
                    }
                    throw error(at, "the value " + JGraphTGraphs.shown(value) + " of " + what
                            + " is no boolean; expected true, false, 1 or 0");
                }
                case "int":
                case "long": {
                    if (!INTEGER.matcher(value).matches()) {
                        throw error(at, "the value " + JGraphTGraphs.shown(value) + " of " + what
                                + " is no integer; expected digits 0-9 with an optional sign");
                    }
                    if (DecimalNumbers.isInexactInteger(value)) {
                        throw error(at, "the value " + value + " of " + what + " is "
                                + DecimalNumbers.inexactIntegerReason(value, "declare the key"
                                + " double and write the value with a decimal point"));
                    }
                    return Double.parseDouble(value);
                }
                default:
                    try {
                        return DecimalNumbers.parseFinite(value, what);
                    } catch (NumberFormatException e) {
                        throw error(at, DecimalNumbers.refusal(value, what,
                                JGraphTGraphs::shown));
                    }
            }
        }

        /** The refusal of the file at the parser's location, its column in characters. */
        private DatasetFormatException error(Location at, String detail) {
            return new DatasetFormatException(file, at.getLineNumber(),
                    columns.column(at.getLineNumber(), at.getColumnNumber()), detail);
        }
    }
}
