package org.orbifold.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jgrapht.GraphType;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/**
 * Converts graphs of <a href="https://jgrapht.org">JGraphT</a> ({@code org.jgrapht.Graph},
 * jgrapht-core) to graphs of the graph space and back, so that graphs built on the JVM with
 * JGraphT can be aligned, averaged and classified, and results such as a mean graph can be
 * handed to JGraphT's algorithms.
 *
 * <p><b>Into graph space.</b>
 * {@link #fromJGraphT(org.jgrapht.Graph, int, Function, int, Function)} makes one node per
 * vertex and one edge per JGraphT edge, with attribute vectors computed by the caller's
 * functions; {@link #fromJGraphT(org.jgrapht.Graph)} keeps the structure and the edge weights
 * only: one node channel, the node-existence channel ({@link NodeExistence#CHANNEL_NAME}, 1 on
 * every node), and one edge channel holding {@code source.getEdgeWeight(e)}, which is 1 in an
 * unweighted JGraphT graph. The result, a {@link Conversion}, holds the graph and its vertices
 * in node order.
 *
 * <p><b>Node order.</b> Node {@code i} is the {@code i}-th vertex of
 * {@code source.vertexSet()} in its iteration order, {@code conversion.vertex(i)}. JGraphT's
 * own graph classes iterate their vertices in insertion order, so with them node {@code i} is
 * the {@code i}-th vertex added. Alignments, permutations and mean graphs refer to nodes by
 * these indices: an alignment of {@code y} to {@code x} matches vertex {@code x.vertex(i)}
 * with {@code y.vertex(p.get(i))} for every {@code i} whose image {@code p.get(i)} is below
 * the order of {@code y} (larger images are padding).
 *
 * <p><b>Directedness.</b> A directed JGraphT graph becomes a directed graph whose ordered pair
 * {@code (i, j)} carries the attributes of the edge from vertex {@code i} to vertex {@code j};
 * an undirected one becomes an undirected graph, each edge stored in both directions with the
 * same vector. {@link #toJGraphT(Graph, ToDoubleFunction)} goes the other way: vertices are
 * the {@code Integer}s {@code 0..order-1} (vertex {@code i} is node {@code i}), the JGraphT
 * graph is directed exactly when the graph is, and it has one weighted edge per edge of the
 * graph (per ordered pair with a non-zero attribute vector when directed, per unordered pair
 * when undirected), weighted by the caller's function of the edge's attribute vector.
 *
 * <p><b>Refusals.</b> Nothing is dropped, merged or clamped: the conversion into graph space
 * throws an {@link IllegalArgumentException} naming the vertex or edge (by its
 * {@code toString}, characters outside printable ASCII escaped, long texts shortened) for a
 * mixed graph (both directed and undirected edges); a self-loop (the diagonal of a graph's
 * matrix holds node attributes); a second edge between the same pair (ordered pair when
 * directed); an attribute array that is null or has the wrong length; a NaN or infinite
 * value; an edge whose attribute vector is all zero, or, in
 * {@link #fromJGraphT(org.jgrapht.Graph)}, whose weight is 0 (either would read as no edge).
 * A null graph or function throws a {@link NullPointerException} naming the parameter.
 *
 * <p><b>Limitations.</b> A graph stores its edges as a dense {@code order x order} matrix of
 * attribute vectors, so a conversion needs {@code 8 n^2 d} bytes for {@code n} vertices and
 * edge dimension {@code d}: it suits graphs of up to some thousand vertices, and more vertices
 * than a Java array can index ({@code n^2 d} above about {@code 2^31}) are refused. Node
 * attributes are the caller's: a node whose vector is all zero cannot be told from padding by
 * the graph distance, so keep a channel of 1 among the node attributes (as
 * {@link #fromJGraphT(org.jgrapht.Graph)} does) or append one with
 * {@link NodeExistence#append}. {@link #toJGraphT} carries the edge weights only; node
 * {@code i}'s attributes stay readable as {@code graph.nodeVector(i)}, and a weight of 0 is
 * kept as an edge of weight 0, which {@link #fromJGraphT(org.jgrapht.Graph)} refuses on the
 * way back. This class reads no files: GraphML files are read by {@link GraphMlReader}, GML
 * and DOT files by {@link GmlReader} and {@link DotReader}. For another format, read it into
 * a JGraphT graph (for example with one of jgrapht-io's importers) and convert that, or write
 * the graphs in the TU Dortmund text format, which {@link TuDatasetReader} reads.
 *
 * <p>The class is stateless and thread-safe; it reads the source graph and calls the
 * caller's functions on the calling thread, so the source must not change meanwhile.
 */
public final class JGraphTGraphs {

    /** Longest vertex or edge text shown in a message, in characters before escaping. */
    private static final int SHOWN_LENGTH = 40;
    /** Largest array length the common JVMs allocate. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8L;

    private JGraphTGraphs() {
    }

    /**
     * A graph converted from JGraphT and the vertices its nodes stand for: node {@code i} of
     * {@link #graph()} is {@code vertices().get(i)}.
     *
     * @param graph the converted graph
     * @param vertices the vertices in node order, as many as the graph's order; copied
     * @param <V> the vertex type
     */
    public record Conversion<V>(Graph graph, List<V> vertices) {

        /**
         * Checks and copies the vertex list.
         *
         * @param graph the converted graph
         * @param vertices the vertices in node order, as many as the graph's order; copied
         * @throws NullPointerException if the graph, the list or a vertex is null
         * @throws IllegalArgumentException if the list's size differs from the graph's order
         */
        public Conversion {
            Objects.requireNonNull(vertices, "vertices");
            Objects.requireNonNull(graph, "graph");
            vertices = List.copyOf(vertices);
            if (vertices.size() != graph.order()) {
                throw new IllegalArgumentException(vertices.size() + " vertices for a graph of "
                        + "order " + graph.order());
            }
        }

        /**
         * Returns the vertex that node {@code node} stands for.
         *
         * @param node a node index in {@code 0..graph().order()-1}
         * @return the vertex
         * @throws IndexOutOfBoundsException if the index is out of range
         */
        public V vertex(int node) {
            return vertices.get(node);
        }
    }

    /**
     * Converts a JGraphT graph's structure and edge weights: one node channel, the
     * node-existence channel ({@link NodeExistence#CHANNEL_NAME}), 1 on every node, and one
     * edge channel, the edge's weight {@code source.getEdgeWeight(e)} (1 for every edge of an
     * unweighted graph). Distances between such graphs count unmatched vertices and the
     * squared differences of the weights of matched pairs.
     *
     * @param source a directed or undirected JGraphT graph without self-loops and without
     *     two edges between the same pair
     * @param <V> the vertex type
     * @param <E> the edge type
     * @return the graph, node dimension 1 and edge dimension 1, and the vertices in node order
     *     (the iteration order of {@code source.vertexSet()})
     * @throws IllegalArgumentException for a mixed graph, a self-loop, a second edge between a
     *     pair, or a weight that is 0, NaN or infinite, naming the edge
     */
    public static <V, E> Conversion<V> fromJGraphT(org.jgrapht.Graph<V, E> source) {
        Objects.requireNonNull(source, "source");
        boolean directed = source.getType().isDirected();
        return fromJGraphT(source, 1, vertex -> new double[] {1.0}, 1, edge -> {
            double weight = source.getEdgeWeight(edge);
            if (!Double.isFinite(weight) || weight == 0.0) {
                throw new IllegalArgumentException(describeEdge(source, edge, directed)
                        + " has the weight " + weight + (weight == 0.0
                        ? ", which would read as no edge; remove the edge or give it a"
                        + " non-zero weight" : "; weights must be finite"));
            }
            return new double[] {weight};
        });
    }

    /**
     * Converts a JGraphT graph with node and edge attributes computed by the given functions.
     * Each function is called once per vertex or edge, in the iteration order of
     * {@code source.vertexSet()} and {@code source.edgeSet()}; the arrays it returns are
     * copied. For an undirected graph the edge's one vector is stored in both directions.
     *
     * @param source a directed or undirected JGraphT graph without self-loops and without
     *     two edges between the same pair (the same ordered pair when directed)
     * @param nodeDimension the length of every node attribute vector, at least 0
     * @param nodeAttributes the attribute vector of a vertex: {@code nodeDimension} finite
     *     values
     * @param edgeDimension the length of every edge attribute vector, at least 0 (with 0, a
     *     graph with an edge is refused, since an empty vector reads as no edge)
     * @param edgeAttributes the attribute vector of an edge: {@code edgeDimension} finite
     *     values, not all zero
     * @param <V> the vertex type
     * @param <E> the edge type
     * @return the graph and the vertices in node order (the iteration order of
     *     {@code source.vertexSet()})
     * @throws IllegalArgumentException for a negative dimension, a mixed graph, a self-loop,
     *     a second edge between a pair, an attribute array that is null or of the wrong length,
     *     a NaN or infinite value, an all-zero edge vector, or a graph too large for the
     *     dense layout, naming the vertex or edge
     */
    public static <V, E> Conversion<V> fromJGraphT(org.jgrapht.Graph<V, E> source,
            int nodeDimension, Function<? super V, double[]> nodeAttributes, int edgeDimension,
            Function<? super E, double[]> edgeAttributes) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(nodeAttributes, "nodeAttributes");
        Objects.requireNonNull(edgeAttributes, "edgeAttributes");
        if (nodeDimension < 0 || edgeDimension < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0, got node dimension "
                    + nodeDimension + " and edge dimension " + edgeDimension);
        }
        GraphType type = source.getType();
        if (type.isMixed()) {
            throw new IllegalArgumentException("the JGraphT graph is mixed (it may hold directed"
                    + " and undirected edges); convert a directed or an undirected graph");
        }
        boolean directed = type.isDirected();
        List<V> vertices = new ArrayList<>(source.vertexSet());
        requireDenseSize(vertices.size(), nodeDimension, edgeDimension);

        // One node per vertex, in the vertex set's order.
        Graph.Builder builder = Graph.builder(nodeDimension, edgeDimension).directed(directed);
        Map<V, Integer> index = new HashMap<>();
        for (V vertex : vertices) {
            double[] values = checked(nodeAttributes.apply(vertex), nodeDimension,
                    () -> "vertex " + shown(vertex));
            index.put(vertex, builder.addNode(values));
        }

        // One edge per JGraphT edge, each pair at most once.
        int n = vertices.size();
        Map<Long, E> pairs = new HashMap<>();
        for (E edge : source.edgeSet()) {
            int i = index.get(source.getEdgeSource(edge));
            int j = index.get(source.getEdgeTarget(edge));
            if (i == j) {
                throw new IllegalArgumentException(describeEdge(source, edge, directed)
                        + " is a self-loop; the diagonal of a graph's matrix holds node"
                        + " attributes, so remove the loop or fold it into the vertex's"
                        + " attributes");
            }
            long key = directed || i < j ? (long) i * n + j : (long) j * n + i;
            E earlier = pairs.putIfAbsent(key, edge);
            if (earlier != null) {
                throw new IllegalArgumentException(describeEdge(source, edge, directed)
                        + " joins the same " + (directed ? "ordered pair" : "pair")
                        + " as edge " + shown(earlier) + "; a graph has at most one edge per "
                        + (directed ? "ordered pair" : "pair") + ", so merge the two first");
            }
            double[] values = checked(edgeAttributes.apply(edge), edgeDimension,
                    () -> describeEdge(source, edge, directed));
            if (AttributeEncoding.isZero(values)) {
                throw new IllegalArgumentException(describeEdge(source, edge, directed)
                        + " has the all-zero attribute vector " + Arrays.toString(values)
                        + ", which would read as no edge");
            }
            builder.addEdge(i, j, values);
        }
        return new Conversion<>(builder.build(), vertices);
    }

    /**
     * Returns a JGraphT graph with the structure of {@code graph} and edge weights computed
     * from its edge attribute vectors: vertices {@code 0..order-1} (vertex {@code i} is node
     * {@code i}, padding nodes included, as isolated vertices), directed exactly when the graph
     * is, one edge per edge of the graph. Restrict a mean graph to its likely nodes first with
     * {@link NodeExistence#keepExisting}. The result is a modifiable
     * {@link SimpleDirectedWeightedGraph} or {@link SimpleWeightedGraph}.
     *
     * @param graph the graph
     * @param edgeWeight the weight of an edge from a copy of its attribute vector; must be
     *     finite (0 is kept as an edge of weight 0)
     * @return the JGraphT graph
     * @throws IllegalArgumentException if a weight is NaN or infinite, naming the edge
     */
    public static org.jgrapht.Graph<Integer, DefaultWeightedEdge> toJGraphT(Graph graph,
            ToDoubleFunction<double[]> edgeWeight) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(edgeWeight, "edgeWeight");
        boolean directed = graph.isDirected();
        org.jgrapht.Graph<Integer, DefaultWeightedEdge> target = directed
                ? new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class)
                : new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < graph.order(); i++) {
            target.addVertex(i);
        }
        for (int i = 0; i < graph.order(); i++) {
            for (int k = 0; k < graph.outDegree(i); k++) {
                int j = graph.successor(i, k);
                if (!directed && j < i) {
                    continue;
                }
                double[] vector = graph.edgeVector(i, j);
                double weight = edgeWeight.applyAsDouble(vector.clone());
                if (!Double.isFinite(weight)) {
                    throw new IllegalArgumentException("edge (" + i + ", " + j + ") with the"
                            + " attributes " + Arrays.toString(vector) + " gets the weight "
                            + weight + "; weights must be finite");
                }
                target.setEdgeWeight(target.addEdge(i, j), weight);
            }
        }
        return target;
    }

    /**
     * Returns a JGraphT graph whose edge weights are the graph's single edge channel, the
     * inverse of {@link #fromJGraphT(org.jgrapht.Graph)} up to the vertex objects: see
     * {@link #toJGraphT(Graph, ToDoubleFunction)}.
     *
     * @param graph a graph of edge dimension 1
     * @return the JGraphT graph
     * @throws IllegalArgumentException if the edge dimension is not 1
     */
    public static org.jgrapht.Graph<Integer, DefaultWeightedEdge> toJGraphT(Graph graph) {
        Objects.requireNonNull(graph, "graph");
        if (graph.edgeDimension() != 1) {
            throw new IllegalArgumentException("the graph has " + graph.edgeDimension()
                    + " edge channels, so no single edge weight; pass a function of the edge"
                    + " vector to toJGraphT(graph, edgeWeight)");
        }
        return toJGraphT(graph, vector -> vector[0]);
    }

    /**
     * Checks an attribute array returned by the caller's function and returns it; {@code what}
     * names the vertex or edge, and is called only for a refusal.
     */
    private static double[] checked(double[] values, int dimension, Supplier<String> what) {
        if (values == null) {
            throw new IllegalArgumentException(what.get() + " has a null attribute array,"
                    + " expected " + GraphDataset.count(dimension, "value"));
        }
        if (values.length != dimension) {
            throw new IllegalArgumentException(what.get() + " has " + values.length
                    + " attribute" + (values.length == 1 ? "" : "s") + ", expected " + dimension);
        }
        for (int c = 0; c < dimension; c++) {
            if (!Double.isFinite(values[c])) {
                throw new IllegalArgumentException(what.get() + " has the non-finite attribute "
                        + values[c] + " in channel " + c);
            }
        }
        return values;
    }

    /** Refuses a graph whose dense node or edge array would not fit in a Java array. */
    private static void requireDenseSize(int order, int nodeDimension, int edgeDimension) {
        long edgeEntries = (long) order * order * edgeDimension;
        long nodeEntries = (long) order * nodeDimension;
        if (edgeEntries > MAX_ARRAY_LENGTH || nodeEntries > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("a graph of " + order + " vertices with node "
                    + "dimension " + nodeDimension + " and edge dimension " + edgeDimension
                    + " needs " + Math.max(edgeEntries, nodeEntries) + " entries in one array,"
                    + " more than a Java array holds; graphs are stored as dense matrices");
        }
    }

    private static <V, E> String describeEdge(org.jgrapht.Graph<V, E> source, E edge,
            boolean directed) {
        return "edge " + shown(edge) + (directed ? " from vertex " : " between vertices ")
                + shown(source.getEdgeSource(edge)) + (directed ? " to " : " and ")
                + shown(source.getEdgeTarget(edge));
    }

    /**
     * Returns an object's text for a message, quoted: at most {@link #SHOWN_LENGTH} characters
     * of it (and its length when longer), characters outside printable ASCII escaped. A
     * character is a code point here: an emoji counts once.
     */
    static String shown(Object object) {
        String text = String.valueOf(object);
        int length = text.codePointCount(0, text.length());
        if (length <= SHOWN_LENGTH) {
            return "'" + DecimalNumbers.printable(text) + "'";
        }
        int end = text.offsetByCodePoints(0, SHOWN_LENGTH);
        return "'" + DecimalNumbers.printable(text.substring(0, end)) + "...' (" + length
                + " characters)";
    }
}
