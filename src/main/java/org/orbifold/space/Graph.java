package org.orbifold.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An attributed graph seen as a matrix: node {@code i} carries an attribute vector
 * {@code x_ii} of dimension {@link #nodeDimension()}, and the ordered pair {@code (i, j)},
 * {@code i != j}, carries an edge attribute vector {@code x_ij} of dimension
 * {@link #edgeDimension()}, zero where there is no edge.
 *
 * <p>Storage is flat and primitive: node attributes in one {@code double[]} of length
 * {@code order * nodeDimension}, edge attributes densely in one {@code double[]} of length
 * {@code order * order * edgeDimension}, plus, for every node, the sorted list of nodes
 * {@code j} with a non-zero {@code x_ij}, so that sums over edges cost {@code O(|E| d)}.
 * An undirected graph stores each edge in both directions with the same vector; in the
 * matrix view an edge vector of all zeros is the same as no edge.
 *
 * <p>The dense edge storage bounds the order: {@code order * order * max(1, edgeDimension)}
 * and {@code order * nodeDimension} entries must fit one Java array ({@link #MAX_ENTRIES}),
 * so a graph with at most one edge channel has at most 46,340 nodes, one with 2 channels
 * 32,767 and one with 4 channels 23,170 ({@link #maxOrder}). Every way of making a larger
 * graph (the builder, {@link #fromArrays}, {@link #pad}, {@link #permute}, a
 * {@link GraphSpace} of that size) refuses it with an {@code IllegalArgumentException}
 * naming the order and the maximum.
 *
 * <p>Attributes are finite (NaN and infinities are refused where a graph is made), and a
 * negative zero is stored as 0, so {@link #equals} and {@link #hashCode} treat
 * {@code -0.0} and {@code 0.0} alike, as the matrix view does.
 *
 * <p>Instances are immutable and thread-safe. Build them with {@link #builder(int, int)}.
 */
public final class Graph {

    /**
     * Most entries of one attribute array, the largest array length that common JVMs
     * allocate ({@code Integer.MAX_VALUE - 8}).
     */
    public static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private static final int[] NO_NEIGHBOURS = new int[0];

    /** The sign bit of a positive value in {@link #nodeSigns} and {@link #edgeSigns}. */
    static final int POSITIVE = 1;
    /** The sign bit of a negative value in {@link #nodeSigns} and {@link #edgeSigns}. */
    static final int NEGATIVE = 2;

    private final int order;
    private final int nodeDimension;
    private final int edgeDimension;
    private final boolean directed;
    private final double[] nodes;
    private final double[] edges;
    private final int[][] successors;
    private final int edgeCount;
    private final double nodeSquaredNorm;
    private final double edgeSquaredNorm;
    /**
     * Per node channel: bit {@link #POSITIVE} if some value is positive, bit
     * {@link #NEGATIVE} if some value is negative.
     */
    private final byte[] nodeSigns;
    /** Per edge channel, over the edges: the bits of {@link #nodeSigns}. */
    private final byte[] edgeSigns;

    private Graph(int order, int nodeDimension, int edgeDimension, boolean directed,
            double[] nodes, double[] edges) {
        this.order = order;
        this.nodeDimension = nodeDimension;
        this.edgeDimension = edgeDimension;
        this.directed = directed;
        this.nodes = nodes;
        this.edges = edges;

        this.successors = new int[order][];
        int pairs = 0;
        int[] buffer = new int[order];
        for (int i = 0; i < order; i++) {
            int count = 0;
            for (int j = 0; j < order; j++) {
                if (j != i && !isZero(edges, (i * order + j) * edgeDimension, edgeDimension)) {
                    buffer[count++] = j;
                }
            }
            successors[i] = count == 0 ? NO_NEIGHBOURS : Arrays.copyOf(buffer, count);
            pairs += count;
        }
        this.edgeCount = directed ? pairs : pairs / 2;
        this.nodeSquaredNorm = dotWithoutNegativeZeros(nodes);
        this.edgeSquaredNorm = dotWithoutNegativeZeros(edges);
        this.nodeSigns = new byte[nodeDimension];
        for (int k = 0; k < nodes.length; k++) {
            nodeSigns[k % nodeDimension] |= sign(nodes[k]);
        }
        this.edgeSigns = new byte[edgeDimension];
        for (int i = 0; i < order; i++) {
            for (int j : successors[i]) {
                int offset = (i * order + j) * edgeDimension;
                for (int c = 0; c < edgeDimension; c++) {
                    edgeSigns[c] |= sign(edges[offset + c]);
                }
            }
        }
    }

    /**
     * Returns the largest order of a graph with the given dimensions: the largest {@code n}
     * with {@code n * n * max(1, edgeDimension)} and {@code n * nodeDimension} at most
     * {@link #MAX_ENTRIES}.
     *
     * @param nodeDimension node attribute dimension, at least 0
     * @param edgeDimension edge attribute dimension, at least 0
     * @return the largest order
     */
    public static int maxOrder(int nodeDimension, int edgeDimension) {
        requireNonNegative("node dimension", nodeDimension);
        requireNonNegative("edge dimension", edgeDimension);
        long perPair = Math.max(1, edgeDimension);
        long n = (long) Math.sqrt((double) MAX_ENTRIES / perPair);
        while (n * n * perPair > MAX_ENTRIES) {
            n--;
        }
        while ((n + 1) * (n + 1) * perPair <= MAX_ENTRIES) {
            n++;
        }
        if (nodeDimension > 0) {
            n = Math.min(n, MAX_ENTRIES / nodeDimension);
        }
        return (int) n;
    }

    /**
     * Throws if a graph of this order and these dimensions would not fit its arrays.
     *
     * @param order the order
     * @param nodeDimension node attribute dimension, at least 0
     * @param edgeDimension edge attribute dimension, at least 0
     * @throws IllegalArgumentException naming the order and the maximum
     */
    static void requireOrder(int order, int nodeDimension, int edgeDimension) {
        int most = maxOrder(nodeDimension, edgeDimension);
        if (order > most) {
            throw new IllegalArgumentException("order " + order + " too large: at most " + most
                    + " nodes with " + nodeDimension + " node and " + edgeDimension
                    + " edge channels (order * order * max(1, edge channels) and order * node"
                    + " channels entries must fit an array)");
        }
    }

    /**
     * Starts an undirected graph with the given attribute dimensions.
     *
     * @param nodeDimension dimension of node attribute vectors, at least 0
     * @param edgeDimension dimension of edge attribute vectors, at least 0 (0: no edges)
     * @return a new builder
     */
    public static Builder builder(int nodeDimension, int edgeDimension) {
        return new Builder(nodeDimension, edgeDimension);
    }

    /**
     * Returns an undirected graph with scalar edge weights and no node attributes, read from a
     * symmetric weighted adjacency matrix whose diagonal must be zero.
     *
     * @param weights square symmetric matrix of finite edge weights, zero for no edge
     * @return the graph, of order {@code weights.length}, node dimension 0, edge dimension 1
     */
    public static Graph fromAdjacency(double[][] weights) {
        Objects.requireNonNull(weights, "weights");
        int n = weights.length;
        Builder builder = builder(0, 1);
        for (int i = 0; i < n; i++) {
            if (weights[i] == null) {
                throw new IllegalArgumentException("adjacency row " + i + " is null");
            }
            if (weights[i].length != n) {
                throw new IllegalArgumentException("adjacency row " + i + " has "
                        + weights[i].length + (weights[i].length == 1 ? " entry" : " entries")
                        + ", expected " + n);
            }
            builder.addNode();
        }
        for (int i = 0; i < n; i++) {
            if (weights[i][i] != 0.0) {
                throw new IllegalArgumentException("adjacency diagonal entry (" + i + ", " + i
                        + ") is " + weights[i][i] + "; self-loops are not edges here");
            }
            for (int j = i + 1; j < n; j++) {
                if (!Double.isFinite(weights[i][j]) || !Double.isFinite(weights[j][i])) {
                    int[] at = Double.isFinite(weights[i][j]) ? new int[] {j, i}
                            : new int[] {i, j};
                    throw new IllegalArgumentException("adjacency entry (" + at[0] + ", "
                            + at[1] + ") is " + weights[at[0]][at[1]]
                            + "; weights must be finite");
                }
                if (weights[i][j] != weights[j][i]) {
                    throw new IllegalArgumentException("adjacency is not symmetric at (" + i
                            + ", " + j + "): " + weights[i][j] + " vs " + weights[j][i]);
                }
                if (weights[i][j] != 0.0) {
                    builder.addEdge(i, j, weights[i][j]);
                }
            }
        }
        return builder.build();
    }

    /**
     * Returns the number of nodes.
     *
     * @return the number of nodes
     */
    public int order() {
        return order;
    }

    /**
     * Returns the dimension of node attribute vectors.
     *
     * @return the dimension of node attribute vectors
     */
    public int nodeDimension() {
        return nodeDimension;
    }

    /**
     * Returns the dimension of edge attribute vectors.
     *
     * @return the dimension of edge attribute vectors
     */
    public int edgeDimension() {
        return edgeDimension;
    }

    /**
     * Returns whether edge {@code (i, j)} may differ from edge {@code (j, i)}.
     *
     * @return whether edge {@code (i, j)} may differ from edge {@code (j, i)}
     */
    public boolean isDirected() {
        return directed;
    }

    /**
     * Returns the number of edges (unordered pairs when undirected, ordered when directed).
     *
     * @return the number of edges (unordered pairs when undirected, ordered when directed)
     */
    public int edgeCount() {
        return edgeCount;
    }

    /**
     * Returns channel {@code c} of the attribute vector of node {@code i}.
     *
     * @param i node index in {@code 0..order()-1}
     * @param c channel in {@code 0..nodeDimension()-1}
     * @return the attribute value
     * @throws IndexOutOfBoundsException if the node or the channel is out of range, naming it
     */
    public double node(int i, int c) {
        if (Integer.compareUnsigned(i, order) >= 0
                || Integer.compareUnsigned(c, nodeDimension) >= 0) {
            throw nodeOutOfRange(i, c);
        }
        return nodes[i * nodeDimension + c];
    }

    /**
     * Returns channel {@code c} of the attribute vector of the ordered pair {@code (i, j)}, zero
     * when there is no edge.
     *
     * @param i source node in {@code 0..order()-1}
     * @param j target node in {@code 0..order()-1}; for {@code j == i} the value is 0
     * @param c channel in {@code 0..edgeDimension()-1}
     * @return the attribute value
     * @throws IndexOutOfBoundsException if a node or the channel is out of range, naming it
     */
    public double edge(int i, int j, int c) {
        if (Integer.compareUnsigned(i, order) >= 0 || Integer.compareUnsigned(j, order) >= 0
                || Integer.compareUnsigned(c, edgeDimension) >= 0) {
            throw edgeOutOfRange(i, j, c);
        }
        return edges[(i * order + j) * edgeDimension + c];
    }

    /**
     * Returns {@link #node} without the range checks, for the kernels of this package
     * ({@link GraphSpace}, {@link GraphAccumulator}), whose loops run over
     * {@code 0..order()-1} and {@code 0..nodeDimension()-1} by construction. The checks of
     * {@code node} and {@code edge} cost about 30 % of the time of
     * {@link GraphSpace#similarity} on graphs of order 40 (docs/performance.md, "Range checks
     * of the graph accessors"), so the kernels skip them; an index out of range here can read
     * another node's value.
     */
    double nodeUnchecked(int i, int c) {
        return nodes[i * nodeDimension + c];
    }

    /**
     * Returns the signs of node channel {@code c} over the real nodes: the bit
     * {@link #POSITIVE} if some value is positive, {@link #NEGATIVE} if some is negative.
     */
    int nodeSigns(int c) {
        return nodeSigns[c];
    }

    /** Returns the signs of edge channel {@code c} over the edges, as {@link #nodeSigns}. */
    int edgeSigns(int c) {
        return edgeSigns[c];
    }

    /**
     * Returns {@link #edge} without the range checks, for the kernels of this package; the
     * same contract as {@link #nodeUnchecked}.
     */
    double edgeUnchecked(int i, int j, int c) {
        return edges[(i * order + j) * edgeDimension + c];
    }

    /** The exception of {@link #node}, naming the node or the channel out of range. */
    private IndexOutOfBoundsException nodeOutOfRange(int i, int c) {
        if (Integer.compareUnsigned(i, order) >= 0) {
            return nodeOutOfRange(i);
        }
        return new IndexOutOfBoundsException("node channel " + c + " is out of range: the"
                + " graph has " + count(nodeDimension, "node channel"));
    }

    /** The exception of {@link #edge}, naming the node or the channel out of range. */
    private IndexOutOfBoundsException edgeOutOfRange(int i, int j, int c) {
        if (Integer.compareUnsigned(i, order) >= 0) {
            return nodeOutOfRange(i);
        }
        if (Integer.compareUnsigned(j, order) >= 0) {
            return nodeOutOfRange(j);
        }
        return new IndexOutOfBoundsException("edge channel " + c + " is out of range: the"
                + " graph has " + count(edgeDimension, "edge channel"));
    }

    private IndexOutOfBoundsException nodeOutOfRange(int i) {
        return new IndexOutOfBoundsException("node " + i + " is out of range: the graph has "
                + count(order, "node"));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void requireNode(int i) {
        if (Integer.compareUnsigned(i, order) >= 0) {
            throw nodeOutOfRange(i);
        }
    }

    /**
     * Returns whether {@code (i, j)} carries a non-zero edge vector.
     *
     * @param i source node
     * @param j target node
     * @return true if there is an edge from {@code i} to {@code j}
     */
    public boolean hasEdge(int i, int j) {
        requireNode(i);
        return Arrays.binarySearch(successors[i], j) >= 0;
    }

    /**
     * Returns a copy of the attribute vector of node {@code i}.
     *
     * @param i a node
     * @return a new array of length {@link #nodeDimension()}
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code 0..order()-1}
     */
    public double[] nodeVector(int i) {
        requireNode(i);
        return Arrays.copyOfRange(nodes, i * nodeDimension, (i + 1) * nodeDimension);
    }

    /**
     * Returns a copy of the attribute vector of the pair {@code (i, j)}.
     *
     * @param i the source node
     * @param j the target node
     * @return a new array of length {@link #edgeDimension()}, all zero where there is no edge
     * @throws IndexOutOfBoundsException if {@code i} or {@code j} is not in
     *     {@code 0..order()-1}
     */
    public double[] edgeVector(int i, int j) {
        requireNode(i);
        requireNode(j);
        int start = (i * order + j) * edgeDimension;
        return Arrays.copyOfRange(edges, start, start + edgeDimension);
    }

    /**
     * Returns the number of nodes {@code j} with an edge {@code (i, j)}.
     *
     * @param i a node, in {@code 0..order()-1}
     * @return the number of nodes {@code j} with an edge {@code (i, j)}
     */
    public int outDegree(int i) {
        return successors[i].length;
    }

    /**
     * Returns the {@code k}-th successor of node {@code i}, successors sorted ascending.
     *
     * @param i a node
     * @param k an index in {@code 0..outDegree(i)-1}
     * @return a node {@code j} with an edge {@code (i, j)}
     */
    public int successor(int i, int k) {
        return successors[i][k];
    }

    /**
     * Returns a copy of the sorted successors of node {@code i}.
     *
     * @param i a node, in {@code 0..order()-1}
     * @return a copy of the sorted successors of node {@code i}
     */
    public int[] successors(int i) {
        return successors[i].clone();
    }

    /**
     * Returns a copy of one edge channel as a dense row-major {@code order x order} matrix,
     * the weighted adjacency matrix of that channel (zero diagonal).
     *
     * @param c channel in {@code 0..edgeDimension()-1}
     * @return the matrix, entry {@code (i, j)} at index {@code i * order + j}
     */
    public double[] edgeChannel(int c) {
        double[] result = new double[order * order];
        for (int i = 0; i < order; i++) {
            for (int j : successors[i]) {
                result[i * order + j] = edges[(i * order + j) * edgeDimension + c];
            }
        }
        return result;
    }

    /**
     * Returns {@code sum_i ||x_ii||^2}, unweighted.
     *
     * @return {@code sum_i ||x_ii||^2}, unweighted
     */
    public double nodeSquaredNorm() {
        return nodeSquaredNorm;
    }

    /**
     * Returns {@code sum_{i != j} ||x_ij||^2} over ordered pairs, unweighted.
     *
     * @return {@code sum_{i != j} ||x_ij||^2} over ordered pairs, unweighted
     */
    public double edgeSquaredNorm() {
        return edgeSquaredNorm;
    }

    /**
     * Returns the graph relabelled by {@code p}: {@code (p . this)_ij = this_{p(i) p(j)}}.
     * The result has order {@code p.size()}; positions that {@code p} maps at or beyond this
     * graph's order become null nodes (all-zero attributes).
     *
     * @param p a permutation with {@code p.size() >= order()}
     * @return the relabelled graph
     */
    public Graph permute(Permutation p) {
        Objects.requireNonNull(p, "p");
        int m = p.size();
        if (m < order) {
            throw new IllegalArgumentException("permutation of size " + m
                    + " cannot relabel a graph of order " + order);
        }
        requireOrder(m, nodeDimension, edgeDimension);
        double[] newNodes = new double[m * nodeDimension];
        double[] newEdges = new double[m * m * edgeDimension];
        int[] inverse = p.inverse().toArray();
        for (int a = 0; a < order; a++) {
            int i = inverse[a];
            System.arraycopy(nodes, a * nodeDimension, newNodes, i * nodeDimension,
                    nodeDimension);
            for (int b : successors[a]) {
                int j = inverse[b];
                System.arraycopy(edges, (a * order + b) * edgeDimension, newEdges,
                        (i * m + j) * edgeDimension, edgeDimension);
            }
        }
        return new Graph(m, nodeDimension, edgeDimension, directed, newNodes, newEdges);
    }

    /**
     * Returns this graph with {@code extra} null nodes appended; node and edge attributes of the
     * existing nodes are unchanged.
     *
     * @param newOrder the new order, at least {@link #order()}
     * @return the padded graph ({@code this} if the order is unchanged)
     */
    public Graph pad(int newOrder) {
        if (newOrder < order) {
            throw new IllegalArgumentException("cannot pad a graph of order " + order
                    + " to the smaller order " + newOrder);
        }
        if (newOrder == order) {
            return this;
        }
        requireOrder(newOrder, nodeDimension, edgeDimension);
        return permute(Permutation.identity(newOrder));
    }

    /**
     * Returns the induced subgraph on the given nodes, in the given order.
     *
     * @param kept distinct node indices of this graph
     * @return the subgraph, whose node {@code k} is node {@code kept[k]} of this graph
     */
    public Graph subgraph(int... kept) {
        Objects.requireNonNull(kept, "kept");
        Builder builder = new Builder(nodeDimension, edgeDimension).directed(directed);
        boolean[] used = new boolean[order];
        for (int k : kept) {
            if (k < 0 || k >= order || used[k]) {
                throw new IllegalArgumentException("node " + k
                        + " is out of range or repeated in the kept set");
            }
            used[k] = true;
            builder.addNode(nodeVector(k));
        }
        for (int a = 0; a < kept.length; a++) {
            for (int b = 0; b < kept.length; b++) {
                if (a != b && hasEdge(kept[a], kept[b]) && (directed || a < b)) {
                    builder.addEdge(a, b, edgeVector(kept[a], kept[b]));
                }
            }
        }
        return builder.build();
    }

    /**
     * Returns a graph whose node vectors are this graph's with one channel appended, set to
     * {@code value} for every node (the node-existence channel uses 1).
     *
     * @param value the value of the new last channel
     * @return the extended graph
     */
    public Graph withNodeChannel(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the new node channel's value must be finite,"
                    + " got " + value);
        }
        int d = nodeDimension + 1;
        requireOrder(order, d, edgeDimension);
        double[] newNodes = new double[order * d];
        for (int i = 0; i < order; i++) {
            System.arraycopy(nodes, i * nodeDimension, newNodes, i * d, nodeDimension);
            newNodes[i * d + nodeDimension] = value;
        }
        return new Graph(order, d, edgeDimension, directed, newNodes, edges);
    }

    /**
     * Returns a graph with the same order, directedness and edges whose node vectors are this
     * graph's minus {@code vector}: {@code x_ii - v} for every node {@code i}. Subtracting the
     * same vector from every node of two graphs of one order changes none of their squared
     * distances under any alignment (there is no padding to stay at zero), which the aligners
     * use to keep a common offset of the attributes out of their rounding tolerances.
     *
     * @param vector the vector subtracted, of length {@link #nodeDimension()}, finite
     * @return the shifted graph
     * @throws IllegalArgumentException if the length differs, an entry is not finite or a
     *     difference overflows
     */
    public Graph withNodesMinus(double[] vector) {
        Objects.requireNonNull(vector, "vector");
        requireShift(vector, nodeDimension, "node");
        double[] newNodes = new double[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            newNodes[k] = nodes[k] - vector[k % nodeDimension];
            if (!Double.isFinite(newNodes[k])) {
                throw new IllegalArgumentException("node " + k / nodeDimension + " minus the"
                        + " vector overflows: " + nodes[k] + " - " + vector[k % nodeDimension]);
            }
        }
        return new Graph(order, nodeDimension, edgeDimension, directed, newNodes, edges);
    }

    /** Fails unless {@code vector} has the given length and finite entries. */
    private static void requireShift(double[] vector, int dimension, String part) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has length " + vector.length
                    + " but the " + part + " dimension is " + dimension);
        }
        for (double v : vector) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the vector subtracted must be finite, got "
                        + v);
            }
        }
    }

    /**
     * Returns a graph with the same order, directedness and nodes whose edge vectors are this
     * graph's minus {@code vector} on every ordered pair of distinct nodes, absent edges
     * (zero vectors) included: {@code x_ij - u} for every {@code i != j}, so the result is a
     * complete graph except where a difference is zero. When a graph fills the matrix of an
     * alignment (no padding), every ordered pair of distinct nodes meets exactly one pair of
     * the other graph under any permutation, so this changes the similarity of every
     * alignment by one constant; the aligners use it to keep a common offset of the edge
     * attributes out of their rounding tolerances.
     *
     * @param vector the vector subtracted, of length {@link #edgeDimension()}, finite
     * @return the shifted graph
     * @throws IllegalArgumentException if the length differs, an entry is not finite or a
     *     difference overflows
     */
    public Graph withEdgesMinus(double[] vector) {
        Objects.requireNonNull(vector, "vector");
        requireShift(vector, edgeDimension, "edge");
        double[] newEdges = new double[edges.length];
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) {
                if (i == j) {
                    continue;
                }
                int offset = (i * order + j) * edgeDimension;
                for (int c = 0; c < edgeDimension; c++) {
                    double d = edges[offset + c] - vector[c] + 0.0;
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException("edge (" + i + ", " + j + ") minus"
                                + " the vector overflows: " + edges[offset + c] + " - "
                                + vector[c]);
                    }
                    newEdges[offset + c] = d;
                }
            }
        }
        return new Graph(order, nodeDimension, edgeDimension, directed, nodes, newEdges);
    }

    /**
     * Returns a graph from flat arrays, the layout this class stores. Intended for code that
     * computes graphs in bulk, such as averages of aligned graphs.
     *
     * @param order number of nodes
     * @param nodeDimension node attribute dimension
     * @param edgeDimension edge attribute dimension
     * @param directed whether edges are directed
     * @param nodes node attributes, length {@code order * nodeDimension}; copied
     * @param edges edge attributes, length {@code order * order * edgeDimension},
     *     pair {@code (i, j)} at offset {@code (i * order + j) * edgeDimension}; copied
     * @return the graph
     * @throws IllegalArgumentException on wrong lengths, non-finite values, a non-zero diagonal
     *     edge block, or an asymmetric undirected graph
     */
    public static Graph fromArrays(int order, int nodeDimension, int edgeDimension,
            boolean directed, double[] nodes, double[] edges) {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(edges, "edges");
        requireNonNegative("order", order);
        requireNonNegative("node dimension", nodeDimension);
        requireNonNegative("edge dimension", edgeDimension);
        requireOrder(order, nodeDimension, edgeDimension);
        if (nodes.length != order * nodeDimension) {
            throw new IllegalArgumentException("node array has length " + nodes.length
                    + ", expected " + order * nodeDimension);
        }
        if (edges.length != order * order * edgeDimension) {
            throw new IllegalArgumentException("edge array has length " + edges.length
                    + ", expected " + order * order * edgeDimension);
        }
        for (int k = 0; k < nodes.length; k++) {
            if (!Double.isFinite(nodes[k])) {
                throw new IllegalArgumentException("node " + k / Math.max(1, nodeDimension)
                        + " has the non-finite attribute " + nodes[k]);
            }
        }
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) {
                int offset = (i * order + j) * edgeDimension;
                for (int c = 0; c < edgeDimension; c++) {
                    double value = edges[offset + c];
                    if (!Double.isFinite(value)) {
                        throw new IllegalArgumentException("edge (" + i + ", " + j
                                + ") has the non-finite attribute " + value);
                    }
                    if (i == j && value != 0.0) {
                        throw new IllegalArgumentException("pair (" + i + ", " + i
                                + ") must be zero: the diagonal holds node attributes");
                    }
                    if (!directed && value != edges[(j * order + i) * edgeDimension + c]) {
                        throw new IllegalArgumentException("undirected graph is asymmetric at ("
                                + i + ", " + j + "), channel " + c);
                    }
                }
            }
        }
        return new Graph(order, nodeDimension, edgeDimension, directed, nodes.clone(),
                edges.clone());
    }

    /**
     * Returns a copy of all node attributes in the flat layout of {@link #fromArrays}.
     *
     * @return a copy of all node attributes in the flat layout of {@link #fromArrays}
     */
    public double[] nodeArray() {
        return nodes.clone();
    }

    /**
     * Returns a copy of all edge attributes in the flat layout of {@link #fromArrays}.
     *
     * @return a copy of all edge attributes in the flat layout of {@link #fromArrays}
     */
    public double[] edgeArray() {
        return edges.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Graph g && order == g.order
                && nodeDimension == g.nodeDimension && edgeDimension == g.edgeDimension
                && directed == g.directed && Arrays.equals(nodes, g.nodes)
                && Arrays.equals(edges, g.edges);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * order + Arrays.hashCode(nodes)) + Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return (directed ? "directed " : "") + "Graph[order=" + order + ", edges=" + edgeCount
                + ", nodeDimension=" + nodeDimension + ", edgeDimension=" + edgeDimension + "]";
    }

    private static byte sign(double value) {
        return (byte) (value > 0.0 ? POSITIVE : value < 0.0 ? NEGATIVE : 0);
    }

    private static boolean isZero(double[] values, int offset, int length) {
        for (int k = offset; k < offset + length; k++) {
            if (values[k] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces every {@code -0.0} of {@code a} by {@code 0.0} (adding {@code 0.0} changes no
     * other value) and returns {@code sum_k a[k]^2}.
     */
    private static double dotWithoutNegativeZeros(double[] a) {
        double sum = 0.0;
        for (int k = 0; k < a.length; k++) {
            double value = a[k] + 0.0;
            a[k] = value;
            sum += value * value;
        }
        return sum;
    }

    private static void requireNonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
    }

    /**
     * Collects nodes and edges, then builds an immutable {@link Graph}. Not thread-safe.
     */
    public static final class Builder {

        private final int nodeDimension;
        private final int edgeDimension;
        private boolean directed;
        private final List<double[]> nodeList = new ArrayList<>();
        private final List<int[]> edgeEnds = new ArrayList<>();
        private final List<double[]> edgeValues = new ArrayList<>();
        private final int maxOrder;

        private Builder(int nodeDimension, int edgeDimension) {
            requireNonNegative("node dimension", nodeDimension);
            requireNonNegative("edge dimension", edgeDimension);
            this.nodeDimension = nodeDimension;
            this.edgeDimension = edgeDimension;
            this.maxOrder = Graph.maxOrder(nodeDimension, edgeDimension);
        }

        /**
         * Sets whether the graph is directed (default: undirected).
         *
         * @param isDirected true for a directed graph
         * @return this builder
         */
        public Builder directed(boolean isDirected) {
            this.directed = isDirected;
            return this;
        }

        /**
         * Adds a node with the given attribute vector.
         *
         * @param attributes exactly {@code nodeDimension} finite values; copied
         * @return the index of the new node
         */
        public int addNode(double... attributes) {
            Objects.requireNonNull(attributes, "attributes");
            if (nodeList.size() == maxOrder) {
                requireOrder(nodeList.size() + 1, nodeDimension, edgeDimension);
            }
            if (attributes.length != nodeDimension) {
                throw new IllegalArgumentException("node " + nodeList.size() + " has "
                        + count(attributes.length, "attribute") + ", expected "
                        + nodeDimension);
            }
            for (double value : attributes) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("node " + nodeList.size()
                            + " has the non-finite attribute " + value);
                }
            }
            nodeList.add(attributes.clone());
            return nodeList.size() - 1;
        }

        /**
         * Returns the number of nodes added so far.
         *
         * @return the number of nodes added so far
         */
        public int order() {
            return nodeList.size();
        }

        /**
         * Adds the edge {@code (i, j)}; in an undirected graph also {@code (j, i)}. Adding an
         * edge twice replaces its vector.
         *
         * @param i source node, already added
         * @param j target node, already added, different from {@code i}
         * @param attributes exactly {@code edgeDimension} finite values; copied
         * @return this builder
         */
        public Builder addEdge(int i, int j, double... attributes) {
            Objects.requireNonNull(attributes, "attributes");
            int n = nodeList.size();
            if (i < 0 || i >= n || j < 0 || j >= n) {
                throw new IllegalArgumentException("edge (" + i + ", " + j
                        + ") names a node outside 0.." + (n - 1));
            }
            if (i == j) {
                throw new IllegalArgumentException("self-loop at node " + i
                        + ": the diagonal holds node attributes, not edges");
            }
            if (attributes.length != edgeDimension) {
                throw new IllegalArgumentException("edge (" + i + ", " + j + ") has "
                        + count(attributes.length, "attribute") + ", expected "
                        + edgeDimension);
            }
            for (double value : attributes) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("edge (" + i + ", " + j
                            + ") has the non-finite attribute " + value);
                }
            }
            edgeEnds.add(new int[] {i, j});
            edgeValues.add(attributes.clone());
            return this;
        }

        /**
         * Returns the graph built so far; the builder can be reused afterwards.
         *
         * @return the graph built so far; the builder can be reused afterwards
         */
        public Graph build() {
            int n = nodeList.size();
            double[] nodes = new double[n * nodeDimension];
            for (int i = 0; i < n; i++) {
                System.arraycopy(nodeList.get(i), 0, nodes, i * nodeDimension, nodeDimension);
            }
            double[] edges = new double[n * n * edgeDimension];
            for (int k = 0; k < edgeEnds.size(); k++) {
                int i = edgeEnds.get(k)[0];
                int j = edgeEnds.get(k)[1];
                double[] value = edgeValues.get(k);
                System.arraycopy(value, 0, edges, (i * n + j) * edgeDimension, edgeDimension);
                if (!directed) {
                    System.arraycopy(value, 0, edges, (j * n + i) * edgeDimension,
                            edgeDimension);
                }
            }
            return new Graph(n, nodeDimension, edgeDimension, directed, nodes, edges);
        }
    }
}
