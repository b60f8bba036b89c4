package org.orbifold.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.nio.dot.DOTEventDrivenImporter;
import org.orbifold.io.ImportedGraphs.Place;

/**
 * Reads graphs in the DOT language of Graphviz (E. R. Gansner and S. C. North, "An open graph
 * visualization system and its applications to software engineering", Software: Practice and
 * Experience 30(11), 2000; the grammar at graphviz.org/doc/info/lang.html), as Graphviz,
 * networkx ({@code nx.nx_pydot.write_dot}) and pydot write it: a {@code .dot} or {@code .gv}
 * file holding one {@code graph} or {@code digraph}, or a folder of such files, read in the
 * order of their file names ({@link #dotFiles}). The nodes, edges and their attributes come
 * from jgrapht-io's {@link DOTEventDrivenImporter}, which expands edge chains
 * ({@code a -- b -- c}) and the default attributes of {@code node [...]} and
 * {@code edge [...]} statements; the reader maps its callbacks to
 * Orbifold's channels by the conventions of {@link GraphMlReader} (see
 * {@code docs/formats.md}).
 *
 * <p><b>What the importer leaves out.</b> The importer does not say whether the graph is a
 * {@code digraph}, ignores ports ({@code a:p1 -- b}), does not report {@code graph [...]}
 * attributes, reads only the first graph of a file, ignoring whatever follows it, and
 * expands an edge to or from a subgraph ({@code a -- {b c}}) only to the subgraph's nodes
 * that appear there first, dropping the edges to nodes met before it. So the
 * reader first walks the file's tokens (the outline: identifiers, strings, brackets and
 * operators, nothing more) to read the header and the graph attributes and to refuse those
 * cases with their line.
 *
 * <p><b>Identifiers outside ASCII.</b> An unquoted identifier (a node id, an attribute's
 * name or value) takes any character outside ASCII as a letter, as Graphviz's scanner does
 * (it reads UTF-8 bytes, and counts every byte from 0x80 to 0xFF as a letter) and as networkx
 * writes ids and values of Greek, Cyrillic or CJK letters, unquoted; so do the no-break and
 * other spaces outside ASCII, which are characters of the identifier there too (a note names
 * the identifiers that hold one, in case it was meant as a separator). The importer's
 * grammar takes only the characters up to U+00FF, so the reader hands it the file's text with
 * every unquoted identifier holding a character above U+00FF put in double quotes (which
 * changes no value: such an identifier holds no quote or backslash), and maps the columns of
 * the importer's syntax errors back to the file's.
 *
 * <p><b>Attributes.</b> DOT values are text. A node or edge attribute whose every value in the data
 * set is a finite decimal number ({@link DecimalNumbers}, quoted or not) is a numeric channel named
 * by the attribute; any other is one-hot {@code name=value} over its values as written (in a quoted
 * string only {@code \"} is unescaped, as the importer does), with a note when some of its values
 * were numbers, as a GraphML attribute of type string holds numbers and words alike; one with
 * more than {@value GraphMlReader#MAX_CATEGORIES} distinct values over the data set is left out
 * with a note, as in GraphML ({@link AttributeEncoding}). An attribute
 * whose values are numbers except for some that only fail to be finite ({@code nan}, {@code inf} in
 * any letter case, {@code 1e400}, an empty value) is refused, as GML and GraphML refuse a number
 * that is not finite. Channels follow the order in which the attributes first appear in attribute
 * lists of the files. An attribute missing on a node or an edge encodes as 0 and a note counts the
 * gaps; {@code node [...]} and {@code edge [...]} defaults count as given. A node declared again
 * with other attributes ({@code a [x=1]; a [y=2]}) has them all, the last value of a repeated one
 * winning, as in Graphviz. Drawing attributes ({@code pos}, {@code color}, {@code shape}) are
 * attributes like any other; a note names those among the channels that a Graphviz layout
 * writes ({@link #LAYOUT_ATTRIBUTES}, as in {@code dot -Tdot} output), and the encoding's
 * note names a text attribute with a different value on every node, such as {@code pos}
 * ({@link AttributeEncoding}).
 *
 * <p><b>Classes and direction.</b> Graph attributes are the {@code key=value} statements and {@code
 * graph [...]} lists of the top-level graph (the last value of a key winning); the class label is
 * the one named by {@link #withLabelProperty}, else the first of {@value
 * MoleculeReader#DEFAULT_LABEL_COLUMNS} (any letter case) that the graph has, as for GraphML; when
 * two spellings of it appear ({@code Label}, {@code label}), the one first given in the file wins.
 * Other graph attributes, and those of subgraphs, are not read, and a note names them. A {@code
 * digraph} has directed edges ({@code ->}); a {@code graph} undirected ones ({@code --}), stored in
 * both directions. {@code strict} changes nothing: a second edge between two nodes is refused
 * either way.
 *
 * <p><b>Refusals.</b> A {@link DatasetFormatException} names the file, the line, and the node
 * or edge, for: bytes that are not UTF-8, a syntax error, text after the graph (a second
 * graph), a port, an edge to or from a subgraph ({@code a -- {b c}},
 * {@code subgraph s {a b} -> c}), an edge operator of the wrong kind ({@code ->} in a
 * {@code graph}), an HTML-like value ({@code <<b>x</b>>}, which the importer would read as the
 * text inside), string concatenation ({@code "ab" + "cd"}), an unquoted word that is no DOT
 * identifier ({@code 1e-05} or {@code a.b}, which the importer would split), a character that
 * DOT allows only in quoted strings ({@code label=ri>ng}, on which the importer fails without
 * a line), an attribute without a value ({@code [flag]}), a value that is not finite in a
 * numeric attribute, a self-loop, a second edge between the same nodes (per ordered pair in a
 * {@code digraph}), an empty attribute name ({@code ""=1}), an attribute name with
 * {@code =}, a node attribute named {@code exists}, an edge attribute named {@code edge};
 * and without a line, a file without a graph and the folder cases of {@link GraphMlReader}.
 * Every refusal with a line names the column too: where the token walk meets the token
 * refused, or for what the importer reports (the attribute and edge cases of this list) the
 * place the walk finds by the importer's rules: a value at the name of its attribute, in the
 * node's or edge's own list or in the {@code node [...]} or {@code edge [...]} default it took
 * (a node takes the defaults in force where it is first named, a subgraph starts with those
 * around it and gives them back at its end, and the last value of a repeated attribute wins);
 * an edge at its source node in its statement, so that each edge of a chain
 * {@code a -- b -- c} has its own column; a second edge between two nodes names the place of
 * the first too. Syntax errors name the importer's column, mapped back to the file's; columns
 * count characters (a tab is one), and a byte-order mark at the start of the file is none.
 *
 * <p><b>Limitations.</b> A backslash before a line break in a quoted string stays in the value
 * with the line break, as the importer reads it; Graphviz would join the two lines. Should the
 * importer fail on some other input instead of reporting a syntax error, the refusal names its
 * failure without a line.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DotReader {

    /** The file endings of DOT files, lower case. */
    public static final List<String> FILE_ENDINGS = List.of(".dot", ".gv");

    /**
     * Node and edge attributes that Graphviz writes when it lays a graph out ({@code -Tdot}
     * output; {@code _draw_} and the like with {@code -Txdot}): positions, sizes and the
     * places of labels, after the attribute list of graphviz.org/doc/info/attrs.html.
     */
    static final Set<String> LAYOUT_ATTRIBUTES = Set.of("pos", "width", "height", "rects",
            "lp", "xlp", "head_lp", "tail_lp", "_draw_", "_ldraw_", "_hdraw_", "_tdraw_",
            "_hldraw_", "_tldraw_");

    private static final ImportedGraphs.Format FORMAT = new ImportedGraphs.Format("DOT",
            FILE_ENDINGS, true);

    /** What makes undirected edges undirected, for the encoding's note. */
    private static final String UNDIRECTED_BY = "undirected by the DOT keyword graph (not"
            + " digraph)";

    private final String labelProperty;

    /** Creates a reader that takes class labels from the default graph attributes. */
    public DotReader() {
        this(null);
    }

    private DotReader(String labelProperty) {
        this.labelProperty = labelProperty;
    }

    /**
     * Returns a reader that takes class labels from the graph attribute of this name (any
     * letter case), which every file read must have, or from the default names when null.
     *
     * @param name the graph attribute, or null for the defaults
     * @return the reader
     * @throws IllegalArgumentException if the name is blank
     */
    public DotReader withLabelProperty(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("the label property needs a name");
        }
        return new DotReader(name);
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
     * Returns whether a path names a DOT file by its ending, {@code .dot} or {@code .gv} in
     * any letter case. The file need not exist.
     *
     * @param path a path
     * @return whether it ends in one of {@link #FILE_ENDINGS}
     */
    public static boolean isDotFile(Path path) {
        Objects.requireNonNull(path, "path");
        return FORMAT.accepts(path);
    }

    /**
     * Returns the DOT files of a folder in the order they are read, by the rules of
     * {@link GraphMlReader#graphMlFiles}.
     *
     * @param folder a folder
     * @return the files, empty when there are none
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> dotFiles(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        return GraphFileFolders.list(folder, DotReader::isDotFile).files();
    }

    /**
     * Reads a DOT file, or every DOT file of a folder ({@link #dotFiles}) as one data set
     * named by the folder; a graph is named by its file's name without its ending.
     *
     * @param path a {@code .dot} or {@code .gv} file or a folder holding such files
     * @return the data set, with class labels when the graphs have a class attribute
     * @throws DatasetFormatException for the refusals of the class description, or a folder
     *     without DOT files
     * @throws IOException if a file cannot be read
     */
    public GraphDataset read(Path path) throws IOException {
        GraphDataset dataset = ImportedGraphs.read(path, FORMAT, DotReader::parse,
                labelProperty);
        String note = layoutNote(dataset);
        return note == null ? dataset : dataset.withNotes(List.of(note));
    }

    /**
     * The note on node and edge channels that come from attributes a Graphviz layout writes
     * ({@link #LAYOUT_ATTRIBUTES}), or null when there are none.
     */
    private static String layoutNote(GraphDataset dataset) {
        List<String> parts = new ArrayList<>();
        int count = 0;
        for (String kind : List.of("node", "edge")) {
            Set<String> names = new LinkedHashSet<>();
            for (ChannelGroup group : "node".equals(kind) ? dataset.nodeGroups()
                    : dataset.edgeGroups()) {
                if (LAYOUT_ATTRIBUTES.contains(group.name())) {
                    names.add(group.name());
                }
            }
            count += names.size();
            if (!names.isEmpty()) {
                parts.add(kind + " attribute" + (names.size() == 1 ? " " : "s ")
                        + ImportedGraphs.quoted(names));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return String.join(" and ", parts) + (count == 1 ? " is" : " are")
                + " what a Graphviz layout writes (dot -Tdot and the other engines' -Tdot:"
                + " positions and sizes of one drawing); " + (count == 1 ? "it is" : "they are")
                + " read as attributes like any other, so the drawing takes part in the"
                + " distances: read the file that was given to Graphviz, or remove them";
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
        graph.nodeOrder.addAll(outline.keys);
        graph.edgeOrder.addAll(outline.keys);
        if (!outline.spaced.isEmpty()) {
            graph.notes.add("unquoted DOT identifier" + (outline.spaced.size() == 1 ? " "
                    : "s ") + ImportedGraphs.quoted(outline.spaced) + (outline.spaced.size()
                    == 1 ? " holds" : " hold") + " a space character outside ASCII (such as"
                    + " the no-break space U+00A0 or the ideographic space U+3000), which"
                    + " Graphviz, too, reads as part of an identifier; if it was meant to"
                    + " separate two, write an ASCII space");
        }
        if (!outline.subgraphAttributes.isEmpty()) {
            graph.notes.add("DOT subgraph attributes not read: "
                    + ImportedGraphs.quoted(outline.subgraphAttributes));
        }

        outline.findPlaces();

        DOTEventDrivenImporter importer = new DOTEventDrivenImporter();
        importer.addVertexConsumer(id -> {
            try {
                graph.addNode(id, outline.nodePlaces.getOrDefault(id, Place.UNKNOWN));
            } catch (DatasetFormatException e) {
                throw new ImportedGraphs.Refusal(e);
            }
        });
        importer.addVertexAttributeConsumer((node, value) -> {
            String id = node.getFirst();
            String name = node.getSecond();
            int k = graph.nodeIndex.get(id);
            Place place = outline.nodeAttributePlaces.getOrDefault(id, Map.of())
                    .getOrDefault(name, graph.nodePlaces.get(k));
            if (value == null) {
                throw new ImportedGraphs.Refusal(graph.error(place, "node "
                        + JGraphTGraphs.shown(id) + " has the attribute "
                        + JGraphTGraphs.shown(name) + " without a value; expected "
                        + name + "=VALUE"));
            }
            graph.nodes.get(k).put(name, value.getValue());
            graph.nodeAttributePlaces.get(k).put(name, place);
        });
        importer.addEdgeConsumer(edge -> {
            EdgePlaces places = outline.nextEdge(edge.getFirst(), edge.getSecond());
            graph.addEdge(edge.getFirst(), edge.getSecond(), places.place())
                    .attributePlaces().putAll(places.attributes());
        });
        importer.addEdgeAttributeConsumer((edge, value) -> {
            ImportedGraphs.Edge last = graph.edges.get(graph.edges.size() - 1);
            String name = edge.getSecond();
            if (value == null) {
                throw new ImportedGraphs.Refusal(graph.error(last.attributePlaces()
                        .getOrDefault(name, last.place()), "edge from "
                        + JGraphTGraphs.shown(edge.getFirst().getFirst()) + " to "
                        + JGraphTGraphs.shown(edge.getFirst().getSecond()) + " has the"
                        + " attribute " + JGraphTGraphs.shown(name) + " without a"
                        + " value; expected " + name + "=VALUE"));
            }
            last.attributes().put(name, value.getValue());
        });
        String importerText = outline.importerText();
        ImportedGraphs.runImporter(file, FORMAT.name(),
                () -> importer.importInput(new StringReader(importerText)), outline::fileColumn);
        return graph;
    }

    /** A token of the outline, with its line and column; whether it was a quoted string. */
    private record Token(Kind kind, String text, int line, int column, boolean quoted) {

        Place place() {
            return new Place(line, column);
        }
    }

    /**
     * Where the file gives an edge that the importer reports: the place of its source node in
     * its edge statement, and where its attributes are (its statement's list or an
     * {@code edge [...]} default).
     */
    private record EdgePlaces(Place place, Map<String, Place> attributes) {
    }

    /** The {@code node [...]} and {@code edge [...]} defaults of a graph or subgraph. */
    private record Scope(Map<String, Place> nodeDefaults, Map<String, Place> edgeDefaults) {

        Scope copy() {
            return new Scope(new HashMap<>(nodeDefaults), new HashMap<>(edgeDefaults));
        }
    }

    private enum Kind { ID, PUNCT, EDGE_OP, END }

    /**
     * The last character that jgrapht-io's DOT grammar takes in an unquoted identifier (the
     * letters a-z and A-Z, the characters U+0080 to U+00FF, _ and digits), where Graphviz
     * takes any character outside ASCII: its scanner reads UTF-8 bytes, and every byte of a
     * character above U+007F is from 0x80 to 0xFF.
     */
    private static final char LAST_IMPORTER_LETTER = (char) 0xFF;

    /**
     * An unquoted identifier that the importer is given in quotes: where it ends in the text,
     * its line, its column (from 0) and its length in characters (code points).
     */
    private record Requoted(int end, int line, int column, int length) {
    }

    /** A DOT numeral (the grammar's {@code [-]?(.[0-9]+ | [0-9]+(.[0-9]*)?)}). */
    private static final Pattern NUMERAL = Pattern.compile("-?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)");

    /** The start of a number with an exponent, as Python writes small floats. */
    private static final Pattern EXPONENT = Pattern.compile("-?[0-9.]+[eE][-+]?[0-9]*");

    /**
     * The tokens of a DOT file, walked to read the header and the graph attributes, which the
     * importer does not report, and to refuse what it would read silently in another way.
     */
    private static final class Outline {
        private final Path file;
        private final String text;
        private int pos;
        private int line = 1;
        /** Where the current line starts in the text, for columns. */
        private int lineBegin;
        private boolean lineStart = true;
        boolean directed;
        final Map<String, String> graphAttributes = new LinkedHashMap<>();
        final Map<String, Integer> graphAttributeLines = new HashMap<>();
        /** Attribute names of attribute lists in order of first appearance. */
        final List<String> keys = new ArrayList<>();
        final Set<String> subgraphAttributes = new LinkedHashSet<>();
        /** Where each node is first named (by {@link #findPlaces}). */
        final Map<String, Place> nodePlaces = new HashMap<>();
        /** Where the value each node ends with for each attribute is given. */
        final Map<String, Map<String, Place>> nodeAttributePlaces = new HashMap<>();
        /** The edges from a node to a node, in the order of the file, with their places. */
        private final Map<List<String>, ArrayDeque<EdgePlaces>> edgePlaces = new HashMap<>();
        private List<Token> tokens;
        private int taken;
        /** Unquoted identifiers that hold a space character outside ASCII. */
        final Set<String> spaced = new LinkedHashSet<>();
        /** The unquoted identifiers that {@link #importerText} quotes, by where they start. */
        private final TreeMap<Integer, Requoted> requoted = new TreeMap<>();

        Outline(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        void read() throws DatasetFormatException {
            Token t = next();
            if (t.kind() == Kind.END) {
                throw new DatasetFormatException(file, "holds no graph; expected graph { ... }"
                        + " or digraph { ... }");
            }
            if (isKeyword(t, "strict")) {
                t = next();
            }
            if (!isKeyword(t, "graph") && !isKeyword(t, "digraph")) {
                throw error(t, "starts with " + JGraphTGraphs.shown(t.text())
                        + "; expected graph or digraph (after an optional strict)");
            }
            directed = isKeyword(t, "digraph");
            t = next();
            if (t.kind() == Kind.ID) {
                t = next();
            }
            if (!isPunct(t, "{")) {
                throw error(t, "expected { after the graph header, found "
                        + JGraphTGraphs.shown(t.text()));
            }
            body();
            t = next();
            if (t.kind() != Kind.END) {
                throw error(t, "holds " + JGraphTGraphs.shown(t.text()) + " after the"
                        + " graph's closing }; expected one graph per file (the importer would"
                        + " read only the first), so write each graph to a file of its own");
            }
        }

        /** Walks the graph's statements up to its closing brace. */
        private void body() throws DatasetFormatException {
            int braces = 1;
            int brackets = 0;
            List<Token> recent = new ArrayList<>();
            while (braces > 0) {
                Token t = next();
                if (t.kind() == Kind.END) {
                    throw error(t, "the graph is not closed; expected }");
                }
                if (isPunct(t, "{")) {
                    braces++;
                } else if (isPunct(t, "}")) {
                    braces--;
                } else if (isPunct(t, "[")) {
                    brackets++;
                } else if (isPunct(t, "]")) {
                    brackets--;
                } else if (isPunct(t, "+")) {
                    throw error(t, "joins strings with + (DOT string concatenation,"
                            + " after " + JGraphTGraphs.shown(recent.isEmpty() ? ""
                            : recent.get(recent.size() - 1).text()) + "), which is not"
                            + " supported; write the joined string instead");
                } else if (isPunct(t, ":") && brackets == 0) {
                    throw error(t, "names a port (" + JGraphTGraphs.shown(
                            recent.isEmpty() ? "" : recent.get(recent.size() - 1).text())
                            + ":...), which is not supported: edges join nodes, not ports");
                } else if (t.kind() == Kind.EDGE_OP && t.text().equals("->") != directed) {
                    throw error(t, "uses the edge operator " + t.text() + " in a "
                            + (directed ? "digraph, which takes ->" : "graph, which takes --"));
                } else if (t.kind() == Kind.EDGE_OP) {
                    refuseSubgraphOperand(t, recent.isEmpty() ? null
                            : recent.get(recent.size() - 1));
                } else if (isPunct(t, "=") && !recent.isEmpty()) {
                    Token key = recent.get(recent.size() - 1);
                    Token value = next();
                    if (isPunct(value, "+")) {
                        throw error(value, "the attribute " + JGraphTGraphs.shown(key.text())
                                + " has a value that starts with +, which is not DOT syntax for"
                                + " a number (a DOT numeral takes a leading - only); drop the +"
                                + " or quote the value (x=\"+1\" is the number 1)");
                    }
                    if (value.kind() != Kind.ID) {
                        throw error(value, "the attribute "
                                + JGraphTGraphs.shown(key.text()) + " has no value after =");
                    }
                    if (brackets > 0) {
                        if (!keys.contains(key.text())) {
                            keys.add(key.text());
                        }
                        if (inGraphList(recent)) {
                            if (braces == 1) {
                                graphAttribute(key, value);
                            } else {
                                subgraphAttributes.add(key.text());
                            }
                        }
                    } else if (braces == 1) {
                        graphAttribute(key, value);
                    } else {
                        subgraphAttributes.add(key.text());
                    }
                    recent.add(value);
                    continue;
                }
                recent.add(t);
            }
        }

        /**
         * Refuses an edge operator with a subgraph on either side (a closing brace before it,
         * an opening brace or the keyword {@code subgraph} after it): the importer expands
         * such an edge only to the subgraph's nodes that appear there first and drops the
         * other nodes' edges without a word.
         */
        private void refuseSubgraphOperand(Token operator, Token before)
                throws DatasetFormatException {
            int at = pos;
            int atLine = line;
            int atLineBegin = lineBegin;
            boolean atLineStart = lineStart;
            Token after = next();
            pos = at;
            line = atLine;
            lineBegin = atLineBegin;
            lineStart = atLineStart;
            if (before != null && isPunct(before, "}") || isPunct(after, "{")
                    || isKeyword(after, "subgraph")) {
                throw error(operator, "has an edge " + operator.text() + " to or from a"
                        + " subgraph, which is not supported: the importer would keep only the"
                        + " edges to the subgraph's nodes that appear there first; write one"
                        + " edge per pair of nodes (a " + operator.text() + " b; a "
                        + operator.text() + " c for a " + operator.text() + " {b c})");
            }
        }

        /**
         * Finds where the nodes, edges and attribute values that the importer will report are
         * given, walking the statements of the file (which {@link #read} has checked) as the
         * importer does: a node is placed where it is first named; an edge chain
         * {@code a -- b -- c} gives an edge per step, placed at its source node; a node's
         * attribute is placed at the name of the value it ends with, a node taking the
         * {@code node [...]} defaults of its scope when first named; an edge's attribute at its
         * statement's list, else at the {@code edge [...]} default of its scope; a subgraph
         * starts with the defaults of the graph around it and gives them back at its end.
         */
        void findPlaces() throws DatasetFormatException {
            pos = 0;
            line = 1;
            lineBegin = 0;
            lineStart = true;
            tokens = new ArrayList<>();
            Token t;
            do {
                t = next();
                tokens.add(t);
            } while (t.kind() != Kind.END);
            taken = 0;
            while (!isPunct(peek(), "{") && peek().kind() != Kind.END) {
                taken++;
            }
            take();
            statements(new Scope(new HashMap<>(), new HashMap<>()));
        }

        /** Places the statements of a graph or subgraph, up to its closing brace. */
        private void statements(Scope scope) {
            while (true) {
                Token t = take();
                if (t.kind() == Kind.END || isPunct(t, "}")) {
                    return;
                }
                boolean defaults = isKeyword(t, "node") || isKeyword(t, "edge")
                        || isKeyword(t, "graph");
                if (defaults && isPunct(peek(), "[")) {
                    Map<String, Place> list = attributeLists();
                    if (isKeyword(t, "node")) {
                        scope.nodeDefaults().putAll(list);
                    } else if (isKeyword(t, "edge")) {
                        scope.edgeDefaults().putAll(list);
                    }
                } else if (isPunct(t, "{")) {
                    statements(scope.copy());
                } else if (isKeyword(t, "subgraph")) {
                    if (peek().kind() == Kind.ID) {
                        take();
                    }
                    if (isPunct(peek(), "{")) {
                        take();
                        statements(scope.copy());
                    }
                } else if (t.kind() == Kind.ID && isPunct(peek(), "=")) {
                    take();
                    take();
                } else if (t.kind() == Kind.ID) {
                    nodeOrEdges(t, scope);
                }
            }
        }

        /**
         * Where the next edge that the importer reports from a node to a node is given: the
         * edges of a pair are taken in the order of the file, as the importer reports them.
         * Should the walk have missed one, the edge is placed at its source node.
         */
        EdgePlaces nextEdge(String source, String target) {
            ArrayDeque<EdgePlaces> places = edgePlaces.get(List.of(source, target));
            if (places == null || places.isEmpty()) {
                return new EdgePlaces(nodePlaces.getOrDefault(source, Place.UNKNOWN), Map.of());
            }
            return places.poll();
        }

        /** Places a node statement or an edge statement that starts with the given node. */
        private void nodeOrEdges(Token first, Scope scope) {
            List<Token> chain = new ArrayList<>(List.of(first));
            while (peek().kind() == Kind.EDGE_OP) {
                take();
                chain.add(take());
            }
            Map<String, Place> list = isPunct(peek(), "[") ? attributeLists() : Map.of();
            for (Token node : chain) {
                if (nodePlaces.putIfAbsent(node.text(), node.place()) == null) {
                    nodeAttributePlaces.put(node.text(), new HashMap<>(scope.nodeDefaults()));
                }
            }
            if (chain.size() == 1) {
                nodeAttributePlaces.get(first.text()).putAll(list);
            }
            for (int k = 0; k + 1 < chain.size(); k++) {
                Map<String, Place> attributes = new HashMap<>(scope.edgeDefaults());
                attributes.putAll(list);
                edgePlaces.computeIfAbsent(List.of(chain.get(k).text(), chain.get(k + 1).text()),
                        pair -> new ArrayDeque<>()).add(new EdgePlaces(chain.get(k).place(),
                        attributes));
            }
        }

        /** The names of one or more attribute lists {@code [...]}, the last place winning. */
        private Map<String, Place> attributeLists() {
            Map<String, Place> names = new HashMap<>();
            while (isPunct(peek(), "[")) {
                take();
                while (!isPunct(peek(), "]") && peek().kind() != Kind.END) {
                    Token name = take();
                    if (name.kind() == Kind.ID) {
                        names.put(name.text(), name.place());
                        if (isPunct(peek(), "=")) {
                            take();
                            take();
                        }
                    }
                }
                take();
            }
            return names;
        }

        private Token peek() {
            return tokens.get(Math.min(taken, tokens.size() - 1));
        }

        private Token take() {
            Token t = peek();
            taken++;
            return t;
        }

        /** Whether the attribute list being read is that of a {@code graph [...]} statement. */
        private static boolean inGraphList(List<Token> recent) {
            for (int k = recent.size() - 1; k > 0; k--) {
                if (isPunct(recent.get(k), "[")) {
                    Token before = recent.get(k - 1);
                    return isKeyword(before, "graph") && (k == 1
                            || recent.get(k - 2).kind() == Kind.PUNCT);
                }
            }
            return false;
        }

        /** Stores a graph attribute: the last value wins, the first place is kept. */
        private void graphAttribute(Token key, Token value) {
            graphAttributes.put(key.text(), value.text());
            graphAttributeLines.put(key.text(), key.line());
        }

        private static boolean isKeyword(Token t, String word) {
            return t.kind() == Kind.ID && !t.quoted()
                    && t.text().toLowerCase(Locale.ROOT).equals(word);
        }

        private static boolean isPunct(Token t, String p) {
            return t.kind() == Kind.PUNCT && t.text().equals(p);
        }

        /**
         * The next token, skipping white space, comments ({@code //} and {@code /* ... *}
         * {@code /}) and preprocessor lines ({@code #} at a line's start). A quoted string is
         * one identifier, unescaped as the importer does (only {@code \"}; a doubled backslash
         * stays two and does not escape a quote after it). An HTML string {@code <...>} and an
         * unquoted word that is no DOT identifier are refused.
         */
        private Token next() throws DatasetFormatException {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                    lineBegin = pos;
                    lineStart = true;
                } else if (c < 128 && Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#' && lineStart || text.startsWith("//", pos)) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (text.startsWith("/*", pos)) {
                    int end = text.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw error(line, text.codePointCount(lineBegin, pos) + 1,
                                "a comment /* is not closed");
                    }
                    countLines(pos, end + 2);
                    pos = end + 2;
                } else {
                    break;
                }
            }
            lineStart = false;
            int column = text.codePointCount(lineBegin, pos) + 1;
            if (pos >= text.length()) {
                return new Token(Kind.END, "end of file", line, column, false);
            }
            int startLine = line;
            char c = text.charAt(pos);
            if (c == '"') {
                StringBuilder value = new StringBuilder();
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    char d = text.charAt(pos);
                    if (d == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        value.append('"');
                        pos += 2;
                        continue;
                    }
                    if (d == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\\') {
                        value.append("\\\\");
                        pos += 2;
                        continue;
                    }
                    if (d == '\n') {
                        line++;
                        lineBegin = pos + 1;
                    }
                    value.append(d);
                    pos++;
                }
                if (pos >= text.length()) {
                    throw error(startLine, column, "a string is not closed; expected \"");
                }
                pos++;
                return new Token(Kind.ID, value.toString(), startLine, column, true);
            }
            if (c == '<') {
                int depth = 0;
                int start = pos;
                do {
                    char d = text.charAt(pos);
                    depth += d == '<' ? 1 : d == '>' ? -1 : 0;
                    if (d == '\n') {
                        line++;
                    }
                    pos++;
                } while (depth > 0 && pos < text.length());
                if (depth > 0) {
                    throw error(startLine, column, "an HTML string < is not closed;"
                            + " expected >");
                }
                throw error(startLine, column, "holds the HTML-like value "
                        + JGraphTGraphs.shown(text.substring(start, pos)) + ", which is not"
                        + " supported: the importer"
                        + " would read the text inside the angle brackets as if it were a"
                        + " quoted string, so <<b>x</b>> and \"<b>x</b>\" would be one label;"
                        + " write the value as a quoted string");
            }
            if (text.startsWith("--", pos) || text.startsWith("->", pos)) {
                pos += 2;
                return new Token(Kind.EDGE_OP, text.substring(pos - 2, pos), line, column,
                        false);
            }
            if ("{}[]=;,:+".indexOf(c) >= 0) {
                pos++;
                return new Token(Kind.PUNCT, String.valueOf(c), line, column, false);
            }
            int start = pos;
            if (c == '-') {
                pos++;
            }
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (!(Character.isLetterOrDigit(d) || d == '_' || d == '.' || d > 127)) {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw new DatasetFormatException(file, line, column, "holds the character "
                        + JGraphTGraphs.shown(text.substring(pos, text.offsetByCodePoints(pos,
                        1))) + " outside a quoted string, where DOT allows none (the importer"
                        + " would fail on it); quote the value that holds it");
            }
            String word = text.substring(start, pos);
            char first = word.charAt(0);
            boolean numeral = first == '-' || first == '.' || Character.isDigit(first);
            if (numeral && !NUMERAL.matcher(word).matches()
                    || !numeral && word.indexOf('.') >= 0) {
                Matcher exponent = EXPONENT.matcher(text).region(start, text.length());
                if (exponent.lookingAt() && !Character.isDigit(exponent.group().charAt(
                        exponent.group().length() - 1))) {
                    throw error(line, column, "holds " + JGraphTGraphs.shown(exponent.group())
                            + " unquoted, which is no number (an exponent needs digits after"
                            + " the e) and no DOT identifier, so the importer would split it;"
                            + " for a number write the exponent's digits (" + JGraphTGraphs.shown(
                            "\"" + exponent.group().replaceAll("[-+]$", "") + "0\"") + "), for a"
                            + " label quote it (" + JGraphTGraphs.shown("\"" + exponent.group()
                            + "\"") + ")");
                }
                if (exponent.lookingAt()) {
                    throw error(line, column, "holds the number " + JGraphTGraphs.shown(
                            exponent.group()) + " unquoted, which the importer would read as a"
                            + " number and a new name (a DOT numeral has no exponent); quote it"
                            + " (" + JGraphTGraphs.shown("\"" + exponent.group() + "\"") + ")");
                }
                throw error(line, column, "holds " + JGraphTGraphs.shown(word) + ", which is"
                        + " no DOT identifier (a name starts with a letter, _ or a character"
                        + " outside ASCII, a numeral has only digits, a sign and a point), so the"
                        + " importer would split it; quote it");
            }
            if (word.chars().anyMatch(d -> d > 127 && Character.isSpaceChar(d))) {
                spaced.add(word);
            }
            if (word.chars().anyMatch(d -> d > LAST_IMPORTER_LETTER)) {
                requoted.put(start, new Requoted(pos, line, column - 1,
                        word.codePointCount(0, word.length())));
            }
            return new Token(Kind.ID, word, line, column, false);
        }

        /**
         * The text to hand to the importer: the file's text with every unquoted identifier
         * that holds a character above U+00FF put in double quotes, so that the importer reads
         * it as Graphviz does (an unquoted identifier such a character cannot start or hold in
         * its grammar). An unquoted identifier holds no quote or backslash, so quoting it
         * changes nothing of its value.
         */
        String importerText() {
            if (requoted.isEmpty()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 2 * requoted.size());
            int copied = 0;
            for (Map.Entry<Integer, Requoted> r : requoted.entrySet()) {
                out.append(text, copied, r.getKey()).append('"')
                        .append(text, r.getKey(), r.getValue().end()).append('"');
                copied = r.getValue().end();
            }
            return out.append(text, copied, text.length()).toString();
        }

        /**
         * The column in the file (from 0) of a column (from 0) of a line of
         * {@link #importerText}: the quotes added before it on its line are taken off; a
         * column on an added quote is that of the identifier's first or last character.
         */
        int fileColumn(int atLine, int importerColumn) {
            int shift = 0;
            for (Requoted r : requoted.values()) {
                if (r.line() < atLine) {
                    continue;
                }
                int open = r.column() + shift;
                if (r.line() > atLine || importerColumn < open) {
                    break;
                }
                if (importerColumn <= open + r.length() + 1) {
                    return Math.min(Math.max(importerColumn - shift - 1, r.column()),
                            r.column() + r.length() - 1);
                }
                shift += 2;
            }
            return importerColumn - shift;
        }

        private void countLines(int from, int to) {
            for (int k = from; k < to; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    lineBegin = k + 1;
                }
            }
        }

        private DatasetFormatException error(int at, int column, String detail) {
            return new DatasetFormatException(file, at, column, detail);
        }

        private DatasetFormatException error(Token at, String detail) {
            return error(at.line(), at.column(), detail);
        }
    }
}
