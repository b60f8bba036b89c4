package org.orbifold.io;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.translate.EntityArrays;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.gml.GmlEventDrivenImporter;

/**
 * Reads graphs in GML, the Graph Modelling Language (M. Himsolt, "GML: A portable Graph File
 * Format", Universität Passau 1997), as networkx ({@code nx.write_gml}) and igraph
 * ({@code write_graph_gml}) write it: a {@code .gml} file holding one {@code graph [ ... ]},
 * or a folder of such files, read in the order of their file names
 * ({@link #gmlFiles}). The nodes, edges and their attributes come from jgrapht-io's
 * {@link GmlEventDrivenImporter}; the reader maps its callbacks to Orbifold's channels by the
 * conventions of {@link GraphMlReader} (see {@code docs/formats.md}).
 *
 * <p><b>What the importer leaves out.</b> The importer reports only the nodes and edges of a
 * graph: it ignores the graph's own keys ({@code directed}, {@code multigraph}, a class
 * label), merges the nodes of several {@code graph} lists into one graph, keeps only the last
 * of a key repeated in a node (networkx writes a list as repeated keys), numbers a node
 * without an integer {@code id} as it likes, drops an edge without {@code source} or
 * {@code target}, and splits a number with an exponent ({@code 1e-05}, as Python writes small
 * floats) into a number and a new key {@code e}, and decodes Java escapes in strings, which
 * GML does not have. So the reader first walks the file's keys and lists (the outline: keys,
 * numbers, quoted strings and brackets, nothing more) to read the graph's keys and the
 * strings, and to refuse those cases with their line; numbers with an exponent are given to
 * the importer written out in full ({@code 0.000015}), the same value, and each string as a
 * placeholder whose value the outline holds; the column of a syntax error that the importer
 * reports is mapped back through these rewrites to the file's column.
 *
 * <p><b>Attributes.</b> A key of a node or an edge with a number is a numeric channel named by
 * the key; with a quoted string, one-hot channels {@code key=value} over the values seen (the
 * value as networkx's {@code read_gml} reads it: a string ends at the next quote, a backslash
 * is a character like any other, character references are decoded as there, nothing trimmed;
 * see {@link #unescape}: {@code &#233;}, {@code &#xE9;} and the 252 names of HTML 4.01 such
 * as {@code &eacute;} and {@code &nbsp;}, each with its semicolon); a string attribute with
 * more than {@value GraphMlReader#MAX_CATEGORIES} distinct values over the data set is left
 * out with a note, as in GraphML ({@link AttributeEncoding}).
 * An attribute that is a number on some nodes (or edges) and a string on others is refused.
 * Channels follow the order in which the keys first appear in the files. A key missing on a
 * node or an edge encodes as 0 and a note counts the gaps; GML has no defaults. A node's
 * {@code id} and {@code label} name it (networkx writes the node's name as {@code label}), as
 * a GraphML node id does, and are no attributes; an edge's {@code source} and {@code target}
 * are its nodes, an edge's {@code id} is not read (a note says so). A key whose value is a
 * list ({@code graphics [ x 1 y 2 ]}) is not read, and a note names it.
 *
 * <p><b>Classes and direction.</b> The class label of a graph is the value of its key named by
 * {@link #withLabelProperty}, else of the first of {@value MoleculeReader#DEFAULT_LABEL_COLUMNS}
 * (any letter case) that it has, as for GraphML, the spelling first given in the file winning when
 * two appear ({@code Label}, {@code label}); other graph keys are not read, and a note names them.
 * {@code directed 1} makes the edges directed; {@code directed 0}, or no such key, undirected
 * (stored in both directions).
 *
 * <p><b>Refusals.</b> A {@link DatasetFormatException} names the file, the line (and the
 * column of a syntax error), and the node or edge, for: bytes that are not UTF-8, a syntax
 * error, a second graph, {@code multigraph 1} (even without parallel edges), a
 * {@code directed} other than 0 or 1, a repeated {@code directed} or {@code multigraph}, a key
 * repeated in a node or an edge, a string {@code "[]"} (networkx's empty list), a numeric
 * character reference to no character, to NUL or to a surrogate, a node without an integer
 * {@code id} in the 32-bit range or an id used twice, an edge without integer {@code source}
 * and {@code target} or naming a node the graph lacks, a string {@code weight}, a number that
 * is not finite ({@code 1e400}), an integer larger than 2^53 in magnitude (the rule and the
 * words of {@link DecimalNumbers#parseFinite}), a self-loop, a
 * second edge between the same nodes (per ordered pair when directed, naming the line of the
 * first too), an attribute that is numbers and strings (at the line of the key), an attribute
 * name with {@code =}, a node attribute named {@code exists}, an edge attribute named
 * {@code edge}; and without a line, a file without a graph and the folder cases of
 * {@link GraphMlReader} (classes in some files only, two graphs of one name).
 *
 * <p><b>Limitations.</b> JGraphT's own {@code GmlExporter} escapes strings Java-style; such
 * escapes are kept as written, and a string with an escaped quote is refused (it is followed
 * by text without a space). Character references follow networkx, not Python's
 * {@code html.unescape} nor HTML 5: a name that HTML 5 adds ({@code &NewLine;}) and a name
 * without its semicolon ({@code &eacute}) stay as written; {@code &apos;}, which networkx
 * keeps, is decoded, and a numeric reference to NUL, to a surrogate or past U+10FFFF, which
 * networkx reads or keeps, is refused. A word that the importer does not read as a number
 * ({@code +INF}, {@code NAN} as networkx writes infinities and NaN, or a number with a
 * {@code +} sign) is refused. A refusal names the line of the node's or edge's key, or of
 * the attribute's key where one is at fault, not the column.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GmlReader {

    /** The file ending of GML files, lower case. */
    public static final String FILE_ENDING = ".gml";

    private static final ImportedGraphs.Format FORMAT = new ImportedGraphs.Format("GML",
            List.of(FILE_ENDING), false);

    /** What makes undirected edges undirected, for the encoding's note. */
    private static final String UNDIRECTED_BY = "undirected by the GML key directed (0 or"
            + " absent)";

    /** A number as the importer's lexer reads it, with an optional exponent it does not. */
    private static final Pattern NUMBER =
            Pattern.compile("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    /**
     * A character reference as networkx's {@code read_gml} finds one: a name of letters and
     * digits, a decimal number after {@code #}, or a hexadecimal one after {@code #x} (a small
     * x only), each closed by a semicolon ({@code &eacute;}, {@code &#233;}, {@code &#xE9;}).
     */
    private static final Pattern REFERENCE =
            Pattern.compile("&([0-9A-Za-z]+);|&#([0-9]+);|&#x([0-9A-Fa-f]+);");

    /**
     * The named references decoded, with their characters: the 252 of HTML 4.01 (W3C, 1999,
     * section 24), as commons-text's {@link EntityArrays} lists them and Python's
     * {@code html.entities.name2codepoint}, which networkx reads, has them, and {@code &apos;},
     * which XML has and HTML 4 does not.
     */
    private static final Map<String, String> NAMED = namedReferences();

    private static Map<String, String> namedReferences() {
        Map<String, String> named = new HashMap<>();
        for (Map<CharSequence, CharSequence> table : List.of(EntityArrays.BASIC_UNESCAPE,
                EntityArrays.ISO8859_1_UNESCAPE, EntityArrays.HTML40_EXTENDED_UNESCAPE,
                EntityArrays.APOS_UNESCAPE)) {
            table.forEach((reference, character) -> named.put(reference.toString(),
                    character.toString()));
        }
        return Map.copyOf(named);
    }

    /**
     * Decodes the character references of a GML string as networkx's {@code read_gml} does
     * ({@link #REFERENCE}, {@link #NAMED}): in one pass from left to right, so that
     * {@code &amp;eacute;} gives {@code &eacute;}; a reference without its semicolon, with
     * {@code #X}, or with a name HTML 4 lacks ({@code &foo;}, HTML 5's {@code &NewLine;})
     * stays as written. Backslashes are characters like any other, as there. Unlike networkx,
     * which keeps {@code &#1114112;} as written and decodes {@code &#0;} and {@code &#xD800;}
     * to a NUL and a lone surrogate, a numeric reference past U+10FFFF, to NUL or to a
     * surrogate is refused; and {@code &apos;} is decoded (networkx keeps it).
     *
     * @param raw the text between the quotes
     * @return the decoded text
     * @throws IllegalArgumentException whose message is the reference and why it is refused,
     *     for a number that names no Unicode character, NUL or a surrogate
     */
    static String unescape(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        Matcher m = REFERENCE.matcher(raw);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            String character;
            if (m.group(1) != null) {
                character = NAMED.getOrDefault(m.group(), m.group());
            } else {
                BigInteger code = m.group(2) != null ? new BigInteger(m.group(2))
                        : new BigInteger(m.group(3), 16);
                if (code.bitLength() > 21 || !Character.isValidCodePoint(code.intValue())) {
                    throw new IllegalArgumentException(m.group() + ", which names no Unicode"
                            + " character (the last is U+10FFFF)");
                }
                if (code.signum() == 0) {
                    throw new IllegalArgumentException(m.group() + ", which names NUL (U+0000),"
                            + " a control character that no label needs");
                }
                if (Character.getType(code.intValue()) == Character.SURROGATE) {
                    throw new IllegalArgumentException(m.group() + ", which names a surrogate"
                            + " (half of a UTF-16 pair, no character on its own)");
                }
                character = Character.toString(code.intValue());
            }
            m.appendReplacement(decoded, Matcher.quoteReplacement(character));
        }
        m.appendTail(decoded);
        return decoded.toString();
    }

    private final String labelProperty;

    /** Creates a reader that takes class labels from the default graph keys. */
    public GmlReader() {
        this(null);
    }

    private GmlReader(String labelProperty) {
        this.labelProperty = labelProperty;
    }

    /**
     * Returns a reader that takes class labels from the graph key of this name (any letter
     * case), which every file read must have, or from the default names when null.
     *
     * @param name the graph key, or null for the defaults
     * @return the reader
     * @throws IllegalArgumentException if the name is blank
     */
    public GmlReader withLabelProperty(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("the label property needs a name");
        }
        return new GmlReader(name);
    }

    /**
     * Returns the graph key set by {@link #withLabelProperty}, or null.
     *
     * @return the graph key set by {@link #withLabelProperty}, or null
     */
    public String labelProperty() {
        return labelProperty;
    }

    /**
     * Returns whether a path names a GML file by its ending, {@value #FILE_ENDING} in any
     * letter case. The file need not exist.
     *
     * @param path a path
     * @return whether it ends in {@value #FILE_ENDING}
     */
    public static boolean isGmlFile(Path path) {
        Objects.requireNonNull(path, "path");
        return FORMAT.accepts(path);
    }

    /**
     * Returns the GML files of a folder in the order they are read, by the rules of
     * {@link GraphMlReader#graphMlFiles} (regular files, sorted by name, hidden files and
     * subfolders left out).
     *
     * @param folder a folder
     * @return the files, empty when there are none
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> gmlFiles(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        return GraphFileFolders.list(folder, GmlReader::isGmlFile).files();
    }

    /**
     * Reads a GML file, or every GML file of a folder ({@link #gmlFiles}) as one data set
     * named by the folder; a graph is named by its file's name without {@value #FILE_ENDING}.
     *
     * @param path a {@code .gml} file or a folder holding such files
     * @return the data set, with class labels when the graphs have a class key
     * @throws DatasetFormatException for the refusals of the class description, or a folder
     *     without GML files
     * @throws IOException if a file cannot be read
     */
    public GraphDataset read(Path path) throws IOException {
        return ImportedGraphs.read(path, FORMAT, GmlReader::parse, labelProperty);
    }

    /** Reads one file: the outline, then the importer's callbacks. */
    private static ImportedGraphs.Parsed parse(Path file) throws IOException {
        String text = ImportedGraphs.text(file);
        Outline outline = new Outline(file, text);
        outline.read();
        ImportedGraphs.Parsed graph = new ImportedGraphs.Parsed(file, UNDIRECTED_BY);
        graph.directed = outline.directed;
        graph.graphAttributes.putAll(outline.graphAttributes);
        graph.graphAttributeLines.putAll(outline.graphAttributeLines);
        graph.nodeOrder.addAll(outline.nodeKeys);
        graph.edgeOrder.addAll(outline.edgeKeys);
        graph.notes.addAll(outline.notes());

        GmlEventDrivenImporter importer = new GmlEventDrivenImporter();
        importer.addVertexConsumer(id -> {
            int k = graph.nodes.size();
            try {
                graph.addNode(String.valueOf(id), ImportedGraphs.Place.line(
                        outline.nodeLines.get(k)));
            } catch (DatasetFormatException e) {
                throw new ImportedGraphs.Refusal(e);
            }
            graph.nodeAttributePlaces.get(k).putAll(outline.nodeKeyPlaces.get(k));
        });
        importer.addVertexAttributeConsumer((node, value) -> {
            String key = node.getSecond();
            if (!"label".equals(key)) {
                put(graph.nodes.get(graph.nodes.size() - 1), key, value, outline.strings);
            }
        });
        importer.addEdgeConsumer(edge -> {
            int k = graph.edges.size();
            graph.addEdge(String.valueOf(edge.getFirst()), String.valueOf(edge.getSecond()),
                    ImportedGraphs.Place.line(outline.edgeLines.get(k))).attributePlaces()
                    .putAll(outline.edgeKeyPlaces.get(k));
        });
        importer.addEdgeAttributeConsumer((edge, value) -> {
            String key = edge.getSecond();
            if (!"id".equals(key)) {
                put(graph.edges.get(graph.edges.size() - 1).attributes(), key, value,
                        outline.strings);
            }
        });
        String importerText = outline.forImporter.toString();
        ImportedGraphs.runImporter(file, FORMAT.name(),
                () -> importer.importInput(new StringReader(importerText)),
                (atLine, column) -> outline.fileColumn(importerText, atLine, column));
        return graph;
    }

    /**
     * Stores a value the importer reports: a number as a Double, a string as a label (the
     * importer sees {@code "sN"} for the outline's N-th string, whose value it reads); a list
     * (type unknown) is left out, as the outline's note says.
     */
    private static void put(Map<String, Object> attributes, String key, Attribute value,
            List<String> strings) {
        AttributeType type = value.getType();
        if (type == AttributeType.STRING) {
            attributes.put(key, strings.get(Integer.parseInt(value.getValue().substring(1))));
        } else if (type == AttributeType.INT || type == AttributeType.LONG
                || type == AttributeType.FLOAT || type == AttributeType.DOUBLE) {
            attributes.put(key, Double.parseDouble(value.getValue()));
        }
    }

    /**
     * A piece of the file that the importer is given written another way (a number with an
     * exponent written out, a string as its placeholder): it spans {@code [fileStart, fileEnd)}
     * of the file's text and {@code [importerStart, importerEnd)} of the importer's, where
     * the piece's own text ends at {@code importerBody} and the line breaks that keep the
     * lines of a string follow it.
     */
    private record Rewrite(int fileStart, int fileEnd, int importerStart, int importerEnd,
            int importerBody) {
    }

    /** A token of the outline: a bracket, a quoted string or a word, with its line. */
    private record Token(char kind, String text, int line, int start, int end) {

        static final char OPEN = '[';
        static final char CLOSE = ']';
        static final char STRING = '"';
        static final char WORD = 'w';
        static final char END = '$';
    }

    /**
     * The keys and lists of a GML file, walked to read what the importer does not report and
     * to refuse what it would read silently in another way; also the text handed to the
     * importer, with numbers that have an exponent written out.
     */
    private static final class Outline {
        private final Path file;
        private final String text;
        private int pos;
        private int line = 1;
        private int copied;
        final StringBuilder forImporter = new StringBuilder();
        /** The pieces written another way for the importer, in the order of the text. */
        private final List<Rewrite> rewrites = new ArrayList<>();
        boolean directed;
        final List<Integer> nodeLines = new ArrayList<>();
        final List<Integer> edgeLines = new ArrayList<>();
        /** Where the keys of each node, and of each edge, are given, by key. */
        final List<Map<String, ImportedGraphs.Place>> nodeKeyPlaces = new ArrayList<>();
        final List<Map<String, ImportedGraphs.Place>> edgeKeyPlaces = new ArrayList<>();
        final Map<String, String> graphAttributes = new LinkedHashMap<>();
        final Map<String, Integer> graphAttributeLines = new HashMap<>();
        final List<String> nodeKeys = new ArrayList<>();
        final List<String> edgeKeys = new ArrayList<>();
        /** The values of the file's strings in order; the importer sees "sN" for the N-th. */
        final List<String> strings = new ArrayList<>();
        private final Set<String> outsideKeys = new LinkedHashSet<>();
        private final Set<String> graphLists = new LinkedHashSet<>();
        private final Set<String> repeatedGraphKeys = new LinkedHashSet<>();
        private final Set<String> nodeLists = new LinkedHashSet<>();
        private final Set<String> edgeLists = new LinkedHashSet<>();
        private boolean nodeLabels;
        private boolean edgeIds;

        Outline(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        /** Walks the file and builds the importer's text. */
        void read() throws DatasetFormatException {
            int graphs = 0;
            while (true) {
                Token key = next();
                if (key.kind() == Token.END) {
                    break;
                }
                Token value = value(key, "the top level");
                if ("graph".equals(key.text())) {
                    if (value.kind() != Token.OPEN) {
                        throw error(value.line(), "the key graph has no list; expected graph"
                                + " [ ... ]");
                    }
                    graphs++;
                    if (graphs > 1) {
                        throw error(key.line(), "holds a second graph; expected one graph per"
                                + " file (the importer would merge them), so write each graph"
                                + " to a file of its own");
                    }
                    graph();
                } else {
                    outsideKeys.add(key.text());
                    if (value.kind() == Token.OPEN) {
                        skipList();
                    }
                }
            }
            if (graphs == 0) {
                throw new DatasetFormatException(file, "holds no graph; expected graph [ ... ]");
            }
            forImporter.append(text, copied, text.length());
        }

        /** Notes on what was not read. */
        List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (!outsideKeys.isEmpty()) {
                notes.add("GML keys outside the graph not read: "
                        + ImportedGraphs.quoted(outsideKeys));
            }
            if (!graphLists.isEmpty() || !repeatedGraphKeys.isEmpty()) {
                Set<String> both = new LinkedHashSet<>(graphLists);
                both.addAll(repeatedGraphKeys);
                notes.add("GML graph keys with lists or repeated values not read: "
                        + ImportedGraphs.quoted(both));
            }
            if (!nodeLists.isEmpty()) {
                notes.add("GML node keys with lists not read: "
                        + ImportedGraphs.quoted(nodeLists));
            }
            if (!edgeLists.isEmpty()) {
                notes.add("GML edge keys with lists not read: "
                        + ImportedGraphs.quoted(edgeLists));
            }
            if (nodeLabels) {
                notes.add("GML node labels name the nodes (networkx writes a node's name"
                        + " there) and are not read as attributes");
            }
            if (edgeIds) {
                notes.add("GML edge ids not read");
            }
            return notes;
        }

        /** Reads the pairs of a graph's list up to its closing bracket. */
        private void graph() throws DatasetFormatException {
            Map<String, Integer> seen = new HashMap<>();
            while (true) {
                Token key = next();
                if (key.kind() == Token.CLOSE) {
                    break;
                }
                if (key.kind() == Token.END) {
                    throw error(key.line(), "the graph's list is not closed; expected ]");
                }
                Token value = value(key, "the graph");
                String name = key.text();
                if ("node".equals(name) || "edge".equals(name)) {
                    if (value.kind() != Token.OPEN) {
                        throw error(value.line(), "the key " + name + " has no list; expected "
                                + name + " [ ... ]");
                    }
                    item(name, key.line());
                } else if ("directed".equals(name) || "multigraph".equals(name)) {
                    Integer before = seen.putIfAbsent(name, key.line());
                    if (before != null) {
                        throw error(key.line(), "the graph repeats the key " + name + " (first"
                                + " at line " + before + "); it may appear once, since it"
                                + " decides how every edge is read");
                    }
                    if (value.kind() != Token.WORD || !List.of("0", "1")
                            .contains(value.text())) {
                        throw error(value.line(), "the graph key " + name + " is "
                                + shown(value) + "; expected 0 or 1");
                    }
                    if ("multigraph".equals(name) && "1".equals(value.text())) {
                        throw error(key.line(), "the graph is a multigraph (multigraph 1);"
                                + " parallel edges are not supported, so write a graph"
                                + " without them (networkx: nx.Graph(G) or nx.DiGraph(G),"
                                + " merging their attributes first)");
                    }
                    directed = "directed".equals(name) ? "1".equals(value.text()) : directed;
                } else if (value.kind() == Token.OPEN) {
                    graphLists.add(name);
                    skipList();
                } else if (seen.containsKey(name)) {
                    repeatedGraphKeys.add(name);
                    graphAttributes.remove(name);
                } else {
                    seen.put(name, key.line());
                    graphAttributes.put(name, scalar(value));
                    graphAttributeLines.put(name, key.line());
                }
            }
        }

        /** Reads the pairs of a node's or an edge's list. */
        private void item(String kind, int at) throws DatasetFormatException {
            boolean node = "node".equals(kind);
            (node ? nodeLines : edgeLines).add(at);
            List<String> order = node ? nodeKeys : edgeKeys;
            Map<String, Integer> seen = new HashMap<>();
            while (true) {
                Token key = next();
                if (key.kind() == Token.CLOSE) {
                    break;
                }
                if (key.kind() == Token.END) {
                    throw error(key.line(), "the " + kind + " at line " + at + " is not closed;"
                            + " expected ]");
                }
                Token value = value(key, "the " + kind + " at line " + at);
                String name = key.text();
                Integer before = seen.putIfAbsent(name, key.line());
                if (before != null) {
                    throw error(key.line(), "the " + kind + " at line " + at + " repeats the key "
                            + JGraphTGraphs.shown(name) + " (first at line " + before + "); a"
                            + " key may appear once (networkx writes a list-valued attribute as"
                            + " repeated keys: make it a number or a string first)");
                }
                if (value.kind() == Token.OPEN) {
                    (node ? nodeLists : edgeLists).add(name);
                    skipList();
                    continue;
                }
                boolean structural = node ? "id".equals(name) : "source".equals(name)
                        || "target".equals(name);
                if (structural) {
                    if (value.kind() != Token.WORD || !INTEGER.matcher(value.text()).matches()
                            || !fitsInt(value.text())) {
                        boolean integer = value.kind() == Token.WORD
                                && INTEGER.matcher(value.text()).matches();
                        throw error(value.line(), "the " + kind + " at line " + at + " has "
                                + name + " " + shown(value) + "; expected an integer node id"
                                + (integer ? " from -2^31 to 2^31 - 1 (the importer reads ids"
                                + " as 32-bit integers)" : ""));
                    }
                } else if (node && "label".equals(name)) {
                    nodeLabels = true;
                } else if (!node && "id".equals(name)) {
                    edgeIds = true;
                } else {
                    if (!order.contains(name)) {
                        order.add(name);
                    }
                    if ("weight".equals(name) && value.kind() != Token.WORD) {
                        throw error(value.line(), "the " + kind + " at line " + at + " has the"
                                + " weight " + shown(value) + "; the importer reads a weight"
                                + " only as a number");
                    }
                    if (value.kind() == Token.STRING && "[]".equals(value.text())) {
                        throw error(value.line(), "the " + kind + " at line " + at + " has "
                                + JGraphTGraphs.shown(name) + " \"[]\", as networkx writes an"
                                + " empty list (and reads it back as one); a list-valued"
                                + " attribute is not read: make it a number or a string first");
                    }
                }
            }
            Map<String, ImportedGraphs.Place> places = new HashMap<>();
            seen.forEach((name, line) -> places.put(name, ImportedGraphs.Place.line(line)));
            (node ? nodeKeyPlaces : edgeKeyPlaces).add(places);
            boolean complete = node ? seen.containsKey("id")
                    : seen.containsKey("source") && seen.containsKey("target");
            if (!complete) {
                throw error(at, "the " + kind + " at line " + at + " has no " + (node ? "id"
                        : seen.containsKey("source") ? "target" : "source") + "; expected "
                        + (node ? "an integer id" : "integer source and target node ids"));
            }
        }

        private boolean fitsInt(String integer) {
            BigInteger value = new BigInteger(integer);
            return value.bitLength() < 32;
        }

        /** The value after a key: a word, a string or an opening bracket. */
        private Token value(Token key, String where) throws DatasetFormatException {
            if (key.kind() != Token.WORD) {
                throw error(key.line(), "expected a key in " + where + ", found "
                        + shown(key));
            }
            Token value = next();
            if (value.kind() == Token.CLOSE || value.kind() == Token.END) {
                throw error(value.line(), "the key " + JGraphTGraphs.shown(key.text())
                        + " in " + where + " has no value");
            }
            if (value.kind() == Token.WORD) {
                number(key, value);
            }
            return value;
        }

        /**
         * Checks a number by {@link DecimalNumbers#parseFinite} (which refuses an integer
         * beyond 2^53 too), and writes one with an exponent out in full for the importer.
         */
        private void number(Token key, Token value) throws DatasetFormatException {
            String word = value.text();
            String what = "the value of " + JGraphTGraphs.shown(key.text());
            if (!NUMBER.matcher(word).matches()) {
                throw error(value.line(), what + " is " + JGraphTGraphs.shown(word) + "; expected"
                        + " a number or a quoted string");
            }
            double parsed;
            try {
                parsed = DecimalNumbers.parseFinite(word, what);
            } catch (NumberFormatException e) {
                throw error(value.line(), e.getMessage());
            }
            if (word.indexOf('e') >= 0 || word.indexOf('E') >= 0) {
                String plain = parsed == 0.0 ? "0.0" : new BigDecimal(word).toPlainString();
                rewrite(value.start(), value.end(), plain, plain.length());
            }
        }

        /** The text of a graph key's value: a number as written, a string's value. */
        private static String scalar(Token value) {
            return value.text();
        }

        /** Skips a list whose opening bracket was read, with the lists inside it. */
        private void skipList() throws DatasetFormatException {
            int depth = 1;
            while (depth > 0) {
                Token t = next();
                if (t.kind() == Token.END) {
                    throw error(t.line(), "a list is not closed; expected ]");
                }
                depth += t.kind() == Token.OPEN ? 1 : t.kind() == Token.CLOSE ? -1 : 0;
            }
        }

        private static String shown(Token t) {
            return t.kind() == Token.STRING ? "the string " + JGraphTGraphs.shown(t.text())
                    : t.kind() == Token.OPEN ? "a list" : JGraphTGraphs.shown(t.text());
        }

        /** The next token, skipping white space and comments ({@code #} to the line end). */
        private Token next() throws DatasetFormatException {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
            if (pos >= text.length()) {
                return new Token(Token.END, "", line, pos, pos);
            }
            int start = pos;
            int startLine = line;
            char c = text.charAt(pos);
            if (c == '[' || c == ']') {
                pos++;
                return new Token(c, String.valueOf(c), line, start, pos);
            }
            if (c == '"') {
                pos++;
                int lines = 0;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    if (text.charAt(pos) == '\n') {
                        lines++;
                    }
                    pos++;
                }
                if (pos >= text.length()) {
                    throw error(startLine, "a string is not closed; expected \" (a GML string"
                            + " holds no quote; networkx writes one as &#34;)");
                }
                pos++;
                if (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                        && text.charAt(pos) != ']' && text.charAt(pos) != '[') {
                    throw error(startLine + lines, "a string is followed by "
                            + JGraphTGraphs.shown(text.substring(pos, text.offsetByCodePoints(
                            pos, Math.min(10, text.codePointCount(pos, text.length())))))
                            + " without a space; a GML string ends at the"
                            + " next quote and holds none (networkx writes a quote as &#34;;"
                            + " a backslash before a quote, as JGraphT's exporter writes it,"
                            + " escapes nothing)");
                }
                line += lines;
                String value = decode(text.substring(start + 1, pos - 1), startLine);
                String placeholder = "\"s" + strings.size() + '"';
                rewrite(start, pos, placeholder + "\n".repeat(lines), placeholder.length());
                strings.add(value);
                return new Token(Token.STRING, value, startLine, start, pos);
            }
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (Character.isWhitespace(d) || d == '[' || d == ']' || d == '"') {
                    break;
                }
                pos++;
            }
            return new Token(Token.WORD, text.substring(start, pos), line, start, pos);
        }

        /**
         * Hands the importer {@code replacement} for the file's text from {@code start} to
         * {@code end}, whose first {@code body} characters stand for that text (the rest, line
         * breaks that keep the lines of a string, stand for none).
         */
        private void rewrite(int start, int end, String replacement, int body) {
            forImporter.append(text, copied, start);
            int importerStart = forImporter.length();
            forImporter.append(replacement);
            rewrites.add(new Rewrite(start, end, importerStart, forImporter.length(),
                    importerStart + body));
            copied = end;
        }

        /**
         * The column in the file (from 0) of a column (from 0) of a line (from 1) of the
         * importer's text: the place in the importer's text is taken to the file's through the
         * pieces written another way before it, and counted from the start of that line of the
         * file. A place inside a piece written another way is that of the file's character at
         * the same offset in the piece, and a place on the piece's last character or after it
         * (on the line breaks kept after a string) is that of the piece's last character. Both
         * texts count columns in characters (code points) and have the same line breaks.
         *
         * @param importerText the text the importer read ({@link #forImporter})
         * @param atLine the line of the place, from 1
         * @param importerColumn the column of the place in the importer's text, from 0
         * @return the column of the place in the file, from 0
         */
        int fileColumn(String importerText, int atLine, int importerColumn) {
            int importerOffset = offsetOf(importerText, atLine, importerColumn);
            int fileOffset = importerOffset;
            for (Rewrite r : rewrites) {
                if (r.importerStart() > importerOffset) {
                    break;
                }
                if (importerOffset < r.importerEnd()) {
                    fileOffset = importerOffset >= r.importerBody() - 1 ? r.fileEnd() - 1
                            : Math.min(r.fileStart() + importerOffset - r.importerStart(),
                                    r.fileEnd() - 1);
                    break;
                }
                fileOffset = r.fileEnd() + importerOffset - r.importerEnd();
            }
            int lineStart = offsetOf(text, atLine, 0);
            return fileOffset < lineStart ? 0 : text.codePointCount(lineStart, fileOffset);
        }

        /**
         * The offset in a text of a line (from 1) and a column (from 0, in code points),
         * ending at the end of the line or of the text.
         */
        private static int offsetOf(String in, int atLine, int column) {
            int offset = 0;
            for (int l = 1; l < atLine && offset < in.length(); l++) {
                int newline = in.indexOf('\n', offset);
                offset = newline < 0 ? in.length() : newline + 1;
            }
            for (int c = 0; c < column && offset < in.length() && in.charAt(offset) != '\n';
                    c++) {
                offset = in.offsetByCodePoints(offset, 1);
            }
            return offset;
        }

        /** Decodes the character references of a string ({@link GmlReader#unescape}). */
        private String decode(String raw, int at) throws DatasetFormatException {
            try {
                return unescape(raw);
            } catch (IllegalArgumentException e) {
                throw error(at, "the string " + JGraphTGraphs.shown(raw) + " holds the"
                        + " character reference " + e.getMessage());
            }
        }

        private DatasetFormatException error(int at, String detail) {
            return new DatasetFormatException(file, at, detail);
        }
    }
}
