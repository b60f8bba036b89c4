package org.orbifold.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.nio.dot.DOTEventDrivenImporter;

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
 * <p><b>Attributes.</b> DOT values are text. A node or edge attribute whose every value in the data
 * set is a finite decimal number ({@link DecimalNumbers}, quoted or not) is a numeric channel named
 * by the attribute; any other is one-hot {@code name=value} over its values as written (in a quoted
 * string only {@code \"} is unescaped, as the importer does), with a note when some of its values
 * were numbers, as a GraphML attribute of type string holds numbers and words alike. An attribute
 * whose values are numbers except for some that only fail to be finite ({@code nan}, {@code inf} in
 * any letter case, {@code 1e400}, an empty value) is refused, as GML and GraphML refuse a number
 * that is not finite. Channels follow the order in which the attributes first appear in attribute
 * lists of the files. An attribute missing on a node or an edge encodes as 0 and a note counts the
 * gaps; {@code node [...]} and {@code edge [...]} defaults count as given. A node declared again
 * with other attributes ({@code a [x=1]; a [y=2]}) has them all, the last value of a repeated one
 * winning, as in Graphviz. Drawing attributes ({@code pos}, {@code color}, {@code shape}) are
 * attributes like any other.
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
 * <p><b>Refusals.</b> A {@link DatasetFormatException} names the file and, where the outline
 * or the importer gives it, the line (and the column of a syntax error), and the node or edge,
 * for: bytes that are not UTF-8, a syntax error (also one on which the importer fails instead
 * of reporting it), no graph, text after the graph (a second graph), a port, an edge to or
 * from a subgraph ({@code a -- {b c}}, {@code subgraph s {a b} -> c}), an edge operator of the
 * wrong kind ({@code ->} in a {@code graph}), an HTML-like value ({@code <<b>x</b>>}, which
 * the importer would read as the text inside), string concatenation ({@code "ab" + "cd"}), an
 * unquoted word that is no DOT identifier ({@code 1e-05}, which the importer would split), an
 * attribute without a value ({@code [flag]}), a value that is not finite in a numeric
 * attribute, a self-loop, a second edge between the same nodes (per ordered pair in a
 * {@code digraph}), an attribute name with {@code =}, a node attribute named {@code exists},
 * an edge attribute named {@code edge}, and the folder cases of {@link GraphMlReader}.
 *
 * <p><b>Limitations.</b> The importer reports no lines for nodes and edges, so the refusals
 * of self-loops, parallel edges and values name the file and the node or edge, not the line.
 * A backslash before a line break in a quoted string stays in the value with the line break,
 * as the importer reads it; Graphviz would join the two lines.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DotReader {

    /** The file endings of DOT files, lower case. */
    public static final List<String> FILE_ENDINGS = List.of(".dot", ".gv");

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

    /** Returns the graph attribute set by {@link #withLabelProperty}, or null. */
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
        return ImportedGraphs.read(path, FORMAT, DotReader::parse, labelProperty);
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
        if (!outline.subgraphAttributes.isEmpty()) {
            graph.notes.add("DOT subgraph attributes not read: "
                    + ImportedGraphs.quoted(outline.subgraphAttributes));
        }

        DOTEventDrivenImporter importer = new DOTEventDrivenImporter();
        importer.addVertexConsumer(id -> {
            try {
                graph.addNode(id, 0);
            } catch (DatasetFormatException e) {
                throw new ImportedGraphs.Refusal(e);
            }
        });
        importer.addVertexAttributeConsumer((node, value) -> {
            Integer k = graph.nodeIndex.get(node.getFirst());
            if (value == null) {
                throw new ImportedGraphs.Refusal(new DatasetFormatException(file, "node "
                        + JGraphTGraphs.shown(node.getFirst()) + " has the attribute "
                        + JGraphTGraphs.shown(node.getSecond()) + " without a value; expected "
                        + node.getSecond() + "=VALUE"));
            }
            graph.nodes.get(k).put(node.getSecond(), value.getValue());
        });
        importer.addEdgeConsumer(edge -> graph.addEdge(edge.getFirst(), edge.getSecond(), 0));
        importer.addEdgeAttributeConsumer((edge, value) -> {
            if (value == null) {
                throw new ImportedGraphs.Refusal(new DatasetFormatException(file, "edge from "
                        + JGraphTGraphs.shown(edge.getFirst().getFirst()) + " to "
                        + JGraphTGraphs.shown(edge.getFirst().getSecond()) + " has the"
                        + " attribute " + JGraphTGraphs.shown(edge.getSecond()) + " without a"
                        + " value; expected " + edge.getSecond() + "=VALUE"));
            }
            graph.edges.get(graph.edges.size() - 1).attributes().put(edge.getSecond(),
                    value.getValue());
        });
        ImportedGraphs.runImporter(file, FORMAT.name(),
                () -> importer.importInput(new StringReader(text)));
        return graph;
    }

    /** A token of the outline, with its line. */
    private record Token(Kind kind, String text, int line) {
    }

    private enum Kind { ID, PUNCT, EDGE_OP, END }

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
        private boolean lineStart = true;
        boolean directed;
        final Map<String, String> graphAttributes = new LinkedHashMap<>();
        final Map<String, Integer> graphAttributeLines = new HashMap<>();
        /** Attribute names of attribute lists in order of first appearance. */
        final List<String> keys = new ArrayList<>();
        final Set<String> subgraphAttributes = new LinkedHashSet<>();

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
                throw error(t.line(), "starts with " + JGraphTGraphs.shown(t.text())
                        + "; expected graph or digraph (after an optional strict)");
            }
            directed = isKeyword(t, "digraph");
            t = next();
            if (t.kind() == Kind.ID) {
                t = next();
            }
            if (!isPunct(t, "{")) {
                throw error(t.line(), "expected { after the graph header, found "
                        + JGraphTGraphs.shown(t.text()));
            }
            body();
            t = next();
            if (t.kind() != Kind.END) {
                throw error(t.line(), "holds " + JGraphTGraphs.shown(t.text()) + " after the"
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
                    throw error(t.line(), "the graph is not closed; expected }");
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
                    throw error(t.line(), "joins strings with + (DOT string concatenation,"
                            + " after " + JGraphTGraphs.shown(recent.isEmpty() ? ""
                            : recent.get(recent.size() - 1).text()) + "), which is not"
                            + " supported; write the joined string instead");
                } else if (isPunct(t, ":") && brackets == 0) {
                    throw error(t.line(), "names a port (" + JGraphTGraphs.shown(
                            recent.isEmpty() ? "" : recent.get(recent.size() - 1).text())
                            + ":...), which is not supported: edges join nodes, not ports");
                } else if (t.kind() == Kind.EDGE_OP && t.text().equals("->") != directed) {
                    throw error(t.line(), "uses the edge operator " + t.text() + " in a "
                            + (directed ? "digraph, which takes ->" : "graph, which takes --"));
                } else if (t.kind() == Kind.EDGE_OP) {
                    refuseSubgraphOperand(t, recent.isEmpty() ? null
                            : recent.get(recent.size() - 1));
                } else if (isPunct(t, "=") && !recent.isEmpty()) {
                    Token key = recent.get(recent.size() - 1);
                    Token value = next();
                    if (value.kind() != Kind.ID) {
                        throw error(value.line(), "the attribute "
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
            boolean atLineStart = lineStart;
            Token after = next();
            pos = at;
            line = atLine;
            lineStart = atLineStart;
            if (before != null && isPunct(before, "}") || isPunct(after, "{")
                    || isKeyword(after, "subgraph")) {
                throw error(operator.line(), "has an edge " + operator.text() + " to or from a"
                        + " subgraph, which is not supported: the importer would keep only the"
                        + " edges to the subgraph's nodes that appear there first; write one"
                        + " edge per pair of nodes (a " + operator.text() + " b; a "
                        + operator.text() + " c for a " + operator.text() + " {b c})");
            }
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
            return t.kind() == Kind.ID && t.text().toLowerCase(Locale.ROOT).equals(word);
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
                    lineStart = true;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#' && lineStart || text.startsWith("//", pos)) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (text.startsWith("/*", pos)) {
                    int end = text.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw error(line, "a comment /* is not closed");
                    }
                    countLines(pos, end + 2);
                    pos = end + 2;
                } else {
                    break;
                }
            }
            lineStart = false;
            if (pos >= text.length()) {
                return new Token(Kind.END, "end of file", line);
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
                    }
                    value.append(d);
                    pos++;
                }
                if (pos >= text.length()) {
                    throw error(startLine, "a string is not closed; expected \"");
                }
                pos++;
                return new Token(Kind.ID, value.toString(), startLine);
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
                    throw error(startLine, "an HTML string < is not closed; expected >");
                }
                throw error(startLine, "holds the HTML-like value " + JGraphTGraphs.shown(
                        text.substring(start, pos)) + ", which is not supported: the importer"
                        + " would read the text inside the angle brackets as if it were a"
                        + " quoted string, so <<b>x</b>> and \"<b>x</b>\" would be one label;"
                        + " write the value as a quoted string");
            }
            if (text.startsWith("--", pos) || text.startsWith("->", pos)) {
                pos += 2;
                return new Token(Kind.EDGE_OP, text.substring(pos - 2, pos), line);
            }
            if ("{}[]=;,:+".indexOf(c) >= 0) {
                pos++;
                return new Token(Kind.PUNCT, String.valueOf(c), line);
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
                pos++;
            }
            String word = text.substring(start, pos);
            char first = word.charAt(0);
            if ((first == '-' || first == '.' || Character.isDigit(first)) && word.length() > 1
                    && !NUMERAL.matcher(word).matches()) {
                Matcher exponent = EXPONENT.matcher(text).region(start, text.length());
                if (exponent.lookingAt()) {
                    throw error(line, "holds the number " + JGraphTGraphs.shown(
                            exponent.group()) + " unquoted, which the importer would read as a"
                            + " number and a new name (a DOT numeral has no exponent); quote it"
                            + " (" + JGraphTGraphs.shown("\"" + exponent.group() + "\"") + ")");
                }
                throw error(line, "holds " + JGraphTGraphs.shown(word) + ", which is no DOT"
                        + " identifier (a name starts with a letter or _, a numeral has only"
                        + " digits, a sign and a point), so the importer would split it; quote"
                        + " it");
            }
            return new Token(Kind.ID, word, line);
        }

        private void countLines(int from, int to) {
            for (int k = from; k < to; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
        }

        private DatasetFormatException error(int at, String detail) {
            return new DatasetFormatException(file, at, detail);
        }
    }
}
