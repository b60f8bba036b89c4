package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jgrapht.GraphType;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.graph.GraphDelegator;
import org.jgrapht.graph.Multigraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.junit.jupiter.api.Test;
import org.orbifold.ReadmeSnippets;
import org.orbifold.io.JGraphTGraphs.Conversion;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.Permutation;
import org.orbifold.stats.FrechetMean;

class JGraphTGraphsTest {

    private static final long SEED = 20_261_205L;
    /** Tolerance of distances summed in different orders (values below 10, order below 8). */
    private static final double TOL = 1e-9;

    // ---- into graph space and back ----------------------------------------------------------

    /**
     * A weighted undirected path c - a - b plus an isolated vertex d: nodes follow the
     * vertex set's insertion order, every node gets the existence channel 1, every edge its
     * weight, stored in both directions.
     */
    @Test
    void structureAndWeightsFollowTheVertexOrder() {
        SimpleWeightedGraph<String, DefaultWeightedEdge> g =
                new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (String v : List.of("c", "a", "b", "d")) {
            g.addVertex(v);
        }
        g.setEdgeWeight(g.addEdge("c", "a"), 2.5);
        g.setEdgeWeight(g.addEdge("b", "a"), -1.0);

        Conversion<String> x = JGraphTGraphs.fromJGraphT(g);
        Graph graph = x.graph();
        assertEquals(List.of("c", "a", "b", "d"), x.vertices());
        assertEquals("b", x.vertex(2));
        assertFalse(graph.isDirected());
        assertEquals(4, graph.order());
        assertEquals(2, graph.edgeCount());
        assertEquals(1, graph.nodeDimension());
        assertEquals(1, graph.edgeDimension());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new double[] {1.0}, graph.nodeVector(i));
        }
        assertEquals(2.5, graph.edge(0, 1, 0));
        assertEquals(2.5, graph.edge(1, 0, 0));
        assertEquals(-1.0, graph.edge(2, 1, 0));
        assertEquals(-1.0, graph.edge(1, 2, 0));
        assertFalse(graph.hasEdge(0, 2));
        assertEquals(0, graph.outDegree(3));
    }

    @Test
    void anUnweightedGraphGetsWeightOne() {
        SimpleGraph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < 3; v++) {
            g.addVertex(v);
        }
        g.addEdge(0, 1);
        g.addEdge(1, 2);
        Graph graph = JGraphTGraphs.fromJGraphT(g).graph();
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0}, graph.edgeChannel(0));
    }

    /** Both directions between two vertices are two edges with their own weights. */
    @Test
    void aDirectedGraphKeepsEachDirection() {
        DefaultDirectedWeightedGraph<String, DefaultWeightedEdge> g =
                new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        g.addVertex("p");
        g.addVertex("q");
        g.addVertex("r");
        g.setEdgeWeight(g.addEdge("p", "q"), 3.0);
        g.setEdgeWeight(g.addEdge("q", "p"), 4.0);
        g.setEdgeWeight(g.addEdge("r", "q"), 5.0);

        Graph graph = JGraphTGraphs.fromJGraphT(g).graph();
        assertTrue(graph.isDirected());
        assertEquals(3, graph.edgeCount());
        assertEquals(3.0, graph.edge(0, 1, 0));
        assertEquals(4.0, graph.edge(1, 0, 0));
        assertEquals(5.0, graph.edge(2, 1, 0));
        assertFalse(graph.hasEdge(1, 2));

        org.jgrapht.Graph<Integer, DefaultWeightedEdge> back = JGraphTGraphs.toJGraphT(graph);
        assertTrue(back.getType().isDirected());
        assertEquals(3, back.edgeSet().size());
        assertEquals(3.0, back.getEdgeWeight(back.getEdge(0, 1)));
        assertEquals(4.0, back.getEdgeWeight(back.getEdge(1, 0)));
        assertEquals(5.0, back.getEdgeWeight(back.getEdge(2, 1)));
        assertNull(back.getEdge(1, 2));
    }

    /** The caller's functions give node and edge vectors of any dimension. */
    @Test
    void attributesComeFromTheCallersFunctions() {
        SimpleDirectedGraph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        g.addVertex("x");
        g.addVertex("yy");
        DefaultEdge e = g.addEdge("x", "yy");
        Map<DefaultEdge, double[]> bonds = Map.of(e, new double[] {0.0, 1.0, 0.0});

        Graph graph = JGraphTGraphs.fromJGraphT(g, 2, v -> new double[] {v.length(), 1.0},
                3, bonds::get).graph();
        assertArrayEquals(new double[] {1.0, 1.0}, graph.nodeVector(0));
        assertArrayEquals(new double[] {2.0, 1.0}, graph.nodeVector(1));
        assertArrayEquals(new double[] {0.0, 1.0, 0.0}, graph.edgeVector(0, 1));
        assertFalse(graph.hasEdge(1, 0));
    }

    /** The caller's arrays are copied: changing them afterwards changes no graph. */
    @Test
    void theCallersArraysAreCopied() {
        SimpleGraph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        g.addVertex("a");
        g.addVertex("b");
        g.addEdge("a", "b");
        double[] shared = {7.0};
        Graph graph = JGraphTGraphs.fromJGraphT(g, 1, v -> shared, 1, e -> shared).graph();
        shared[0] = 8.0;
        assertEquals(7.0, graph.node(0, 0));
        assertEquals(7.0, graph.edge(0, 1, 0));
    }

    /**
     * JGraphT to graph space to JGraphT keeps the structure and the weights (vertex
     * {@code i} of the result is {@code conversion.vertex(i)}), and graph space to JGraphT to
     * graph space gives the same graph.
     */
    @Test
    void roundTripsKeepStructureAndWeights() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int t = 0; t < 20; t++) {
            boolean directed = t % 2 == 0;
            org.jgrapht.Graph<String, DefaultWeightedEdge> g = randomJGraphT(random, directed);
            Conversion<String> x = JGraphTGraphs.fromJGraphT(g);
            org.jgrapht.Graph<Integer, DefaultWeightedEdge> back =
                    JGraphTGraphs.toJGraphT(x.graph());
            assertEquals(directed, back.getType().isDirected());
            assertEquals(g.vertexSet().size(), back.vertexSet().size());
            assertEquals(g.edgeSet().size(), back.edgeSet().size(), "copy " + t);
            for (DefaultWeightedEdge e : back.edgeSet()) {
                String s = x.vertex(back.getEdgeSource(e));
                String u = x.vertex(back.getEdgeTarget(e));
                DefaultWeightedEdge original = g.getEdge(s, u);
                assertTrue(original != null, s + " - " + u + " in copy " + t);
                assertEquals(g.getEdgeWeight(original), back.getEdgeWeight(e));
            }
            assertEquals(x.graph(), JGraphTGraphs.fromJGraphT(back).graph());
        }
    }

    /**
     * A mean-like graph with two edge channels and padding: every node becomes a vertex,
     * padding an isolated one, and a weight of 0 from a non-zero vector is kept as an edge.
     */
    @Test
    void toJGraphTWeighsEveryEdgeByTheCallersFunction() {
        Graph.Builder builder = Graph.builder(1, 2);
        builder.addNode(1.0);
        builder.addNode(0.5);
        builder.addNode(0.9);
        Graph graph = builder.addEdge(0, 1, 0.0, 1.0).addEdge(1, 2, 0.25, 2.0).build().pad(4);

        org.jgrapht.Graph<Integer, DefaultWeightedEdge> first =
                JGraphTGraphs.toJGraphT(graph, v -> v[0]);
        assertFalse(first.getType().isDirected());
        assertEquals(4, first.vertexSet().size());
        assertEquals(2, first.edgeSet().size());
        assertEquals(0.0, first.getEdgeWeight(first.getEdge(1, 0)));
        assertEquals(0.25, first.getEdgeWeight(first.getEdge(2, 1)));
        assertEquals(0, first.degreeOf(3));

        org.jgrapht.Graph<Integer, DefaultWeightedEdge> sum =
                JGraphTGraphs.toJGraphT(graph, v -> v[0] + v[1]);
        assertEquals(1.0, sum.getEdgeWeight(sum.getEdge(0, 1)));
        assertEquals(2.25, sum.getEdgeWeight(sum.getEdge(1, 2)));

        // A function that changes its argument changes no graph.
        JGraphTGraphs.toJGraphT(graph, v -> {
            v[0] = 9.0;
            return 1.0;
        });
        assertEquals(0.25, graph.edge(1, 2, 0));
    }

    @Test
    void conversionChecksItsVertices() {
        Graph.Builder builder = Graph.builder(0, 1);
        builder.addNode();
        Graph graph = builder.build();
        assertThrows(IllegalArgumentException.class,
                () -> new Conversion<>(graph, List.of("a", "b")));
        List<String> names = new ArrayList<>(List.of("a"));
        Conversion<String> x = new Conversion<>(graph, names);
        names.set(0, "z");
        assertEquals("a", x.vertex(0));
        assertThrows(UnsupportedOperationException.class, () -> x.vertices().add("b"));
    }

    // ---- properties -----------------------------------------------------------------------

    /**
     * A JGraphT graph and a copy built in JGraphT under other vertex names, with vertices and
     * edges inserted in shuffled order, are at exact distance 0, and the alignment matches
     * every vertex with its renamed copy (the random node attributes leave no ties).
     */
    @Test
    void aRelabelledJGraphTCopyIsAtDistanceZero() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        ExactAligner exact = new ExactAligner(SEED);
        for (int t = 0; t < 24; t++) {
            boolean directed = t % 2 == 1;
            org.jgrapht.Graph<String, DefaultWeightedEdge> g = randomJGraphT(random, directed);
            int n = g.vertexSet().size();
            Map<String, double[]> attributes = new HashMap<>();
            for (String v : g.vertexSet()) {
                attributes.put(v, new double[] {random.nextDouble(), 1.0});
            }
            Permutation names = Permutation.random(n, random);
            Function<String, String> rename = v -> "w" + names.get(Integer.parseInt(
                    v.substring(1)));
            org.jgrapht.Graph<String, DefaultWeightedEdge> copy = renamedShuffledCopy(g,
                    rename, random);
            Map<String, double[]> copyAttributes = new HashMap<>();
            attributes.forEach((v, a) -> copyAttributes.put(rename.apply(v), a));

            Conversion<String> x = JGraphTGraphs.fromJGraphT(g, 2, attributes::get, 1,
                    e -> new double[] {g.getEdgeWeight(e)});
            Conversion<String> y = JGraphTGraphs.fromJGraphT(copy, 2, copyAttributes::get, 1,
                    e -> new double[] {copy.getEdgeWeight(e)});
            GraphSpace space = GraphSpace.of(List.of(x.graph(), y.graph()));
            Alignment a = exact.align(space, x.graph(), y.graph());
            assertEquals(0.0, a.distance(), TOL, "copy " + t);
            assertTrue(a.certified());
            for (int i = 0; i < n; i++) {
                assertEquals(rename.apply(x.vertex(i)), y.vertex(a.permutation().get(i)));
            }

            // Structure and weights alone: still distance 0 (ties may permute symmetric
            // vertices, so only the distance is checked).
            Graph xs = JGraphTGraphs.fromJGraphT(g).graph();
            Graph ys = JGraphTGraphs.fromJGraphT(copy).graph();
            assertEquals(0.0, exact.align(GraphSpace.of(List.of(xs, ys)), xs, ys).distance(),
                    TOL, "structure of copy " + t);
        }
    }

    /**
     * Random attributed graphs built directly with {@link Graph#builder} and the same graphs
     * built in JGraphT, vertices inserted in shuffled order, then converted: each converted
     * graph is the direct one relabelled in insertion order, and all pairwise exact distances
     * agree.
     */
    @Test
    void convertedGraphsHaveTheDistancesOfGraphsBuiltDirectly() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        ExactAligner exact = new ExactAligner(SEED);
        for (int t = 0; t < 6; t++) {
            boolean directed = t % 2 == 0;
            List<Graph> direct = new ArrayList<>();
            List<Graph> converted = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                int n = 2 + random.nextInt(5);
                double[][] nodes = new double[n][];
                Graph.Builder builder = Graph.builder(2, 2).directed(directed);
                for (int i = 0; i < n; i++) {
                    nodes[i] = new double[] {random.nextInt(3), random.nextDouble()};
                    builder.addNode(nodes[i]);
                }
                org.jgrapht.Graph<Integer, DefaultEdge> g = directed
                        ? new SimpleDirectedGraph<>(DefaultEdge.class)
                        : new SimpleGraph<>(DefaultEdge.class);
                Permutation insertion = Permutation.random(n, random);
                for (int i = 0; i < n; i++) {
                    g.addVertex(insertion.get(i));
                }
                Map<DefaultEdge, double[]> edges = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    for (int j = directed ? 0 : i + 1; j < n; j++) {
                        if (i != j && random.nextDouble() < 0.5) {
                            double[] value = {1.0 + random.nextInt(2), random.nextDouble()};
                            builder.addEdge(i, j, value);
                            edges.put(g.addEdge(i, j), value);
                        }
                    }
                }
                Graph built = builder.build();
                Conversion<Integer> x = JGraphTGraphs.fromJGraphT(g, 2, v -> nodes[v], 2,
                        edges::get);
                assertEquals(built.subgraph(insertion.toArray()), x.graph());
                direct.add(built);
                converted.add(x.graph());
            }
            GraphSpace space = GraphSpace.of(direct);
            for (int a = 0; a < 4; a++) {
                for (int b = a + 1; b < 4; b++) {
                    double expected = exact.align(space, direct.get(a), direct.get(b))
                            .distance();
                    double actual = exact.align(space, converted.get(a), converted.get(b))
                            .distance();
                    assertEquals(expected, actual, TOL, "case " + t + ", pair " + a + ", "
                            + b);
                }
            }
        }
    }

    // ---- refusals -------------------------------------------------------------------------

    @Test
    void refusesAMixedGraph() {
        SimpleGraph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        g.addVertex("a");
        org.jgrapht.Graph<String, DefaultEdge> mixed = new GraphDelegator<>(g) {
            @Override
            public GraphType getType() {
                return DefaultGraphType.mixed();
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JGraphTGraphs.fromJGraphT(mixed));
        assertTrue(e.getMessage().contains("mixed"), e.getMessage());
    }

    @Test
    void refusesASelfLoopNamingTheVertex() {
        DefaultUndirectedGraph<String, DefaultEdge> g =
                new DefaultUndirectedGraph<>(DefaultEdge.class);
        g.addVertex("a");
        g.addVertex("loop\tvertex");
        g.addEdge("a", "loop\tvertex");
        g.addEdge("loop\tvertex", "loop\tvertex");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JGraphTGraphs.fromJGraphT(g));
        assertEquals("edge '(loop\\tvertex : loop\\tvertex)' between vertices"
                + " 'loop\\tvertex' and 'loop\\tvertex' is a self-loop; the diagonal"
                + " of a graph's matrix holds node attributes, so remove the loop or fold it"
                + " into the vertex's attributes", e.getMessage());
    }

    @Test
    void refusesASecondEdgeBetweenAPair() {
        Multigraph<String, DefaultEdge> g = new Multigraph<>(DefaultEdge.class);
        g.addVertex("a");
        g.addVertex("b");
        g.addEdge("a", "b");
        g.addEdge("b", "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JGraphTGraphs.fromJGraphT(g));
        assertTrue(e.getMessage().startsWith("edge '(b : a)' between vertices 'b' and 'a'"
                + " joins the same pair as edge '(a : b)'"), e.getMessage());

        DirectedMultigraph<String, DefaultEdge> d = new DirectedMultigraph<>(DefaultEdge.class);
        d.addVertex("a");
        d.addVertex("b");
        d.addEdge("a", "b");
        d.addEdge("b", "a");
        assertEquals(2, JGraphTGraphs.fromJGraphT(d).graph().edgeCount());
        d.addEdge("a", "b");
        e = assertThrows(IllegalArgumentException.class, () -> JGraphTGraphs.fromJGraphT(d));
        assertTrue(e.getMessage().contains("from vertex 'a' to 'b' joins the same ordered"
                + " pair"), e.getMessage());
    }

    @Test
    void refusesBadNodeAttributes() {
        SimpleGraph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        g.addVertex("a");
        g.addVertex("b");
        Function<String, double[]> ones = v -> new double[] {1.0};
        assertMessage("vertex 'b' has a null attribute array, expected 1 value",
                () -> JGraphTGraphs.fromJGraphT(g, 1, v -> v.equals("b") ? null
                        : new double[] {1.0}, 0, e -> new double[0]));
        assertMessage("vertex 'a' has 2 attributes, expected 1",
                () -> JGraphTGraphs.fromJGraphT(g, 1, v -> new double[] {1.0, 2.0}, 0,
                        e -> new double[0]));
        assertMessage("vertex 'a' has 0 attributes, expected 1",
                () -> JGraphTGraphs.fromJGraphT(g, 1, v -> new double[0], 0,
                        e -> new double[0]));
        assertMessage("vertex 'b' has the non-finite attribute NaN in channel 1",
                () -> JGraphTGraphs.fromJGraphT(g, 2, v -> new double[] {1.0,
                        v.equals("b") ? Double.NaN : 0.0}, 0, e -> new double[0]));
        assertMessage("vertex 'a' has the non-finite attribute -Infinity in channel 0",
                () -> JGraphTGraphs.fromJGraphT(g, 1,
                        v -> new double[] {Double.NEGATIVE_INFINITY}, 0, e -> new double[0]));
        assertEquals(2, JGraphTGraphs.fromJGraphT(g, 1, ones, 0, e -> null).graph().order());
    }

    @Test
    void refusesBadEdgeAttributes() {
        SimpleDirectedGraph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        g.addVertex("a");
        g.addVertex("b");
        g.addEdge("a", "b");
        Function<String, double[]> ones = v -> new double[] {1.0};
        String edge = "edge '(a : b)' from vertex 'a' to 'b'";
        assertMessage(edge + " has a null attribute array, expected 2 values",
                () -> JGraphTGraphs.fromJGraphT(g, 1, ones, 2, e -> null));
        assertMessage(edge + " has 1 attribute, expected 2",
                () -> JGraphTGraphs.fromJGraphT(g, 1, ones, 2, e -> new double[] {1.0}));
        assertMessage(edge + " has the non-finite attribute Infinity in channel 1",
                () -> JGraphTGraphs.fromJGraphT(g, 1, ones, 2,
                        e -> new double[] {1.0, Double.POSITIVE_INFINITY}));
        assertMessage(edge + " has the all-zero attribute vector [0.0, -0.0], which would"
                + " read as no edge",
                () -> JGraphTGraphs.fromJGraphT(g, 1, ones, 2, e -> new double[] {0.0, -0.0}));
        assertMessage(edge + " has the all-zero attribute vector [], which would read as no"
                + " edge", () -> JGraphTGraphs.fromJGraphT(g, 1, ones, 0, e -> new double[0]));
        assertMessage("dimensions must be >= 0, got node dimension -1 and edge dimension 0",
                () -> JGraphTGraphs.fromJGraphT(g, -1, ones, 0, e -> new double[0]));
    }

    @Test
    void refusesAWeightOfZeroOrNotFinite() {
        SimpleWeightedGraph<String, DefaultWeightedEdge> g =
                new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        g.addVertex("a");
        g.addVertex("b");
        DefaultWeightedEdge e = g.addEdge("a", "b");
        g.setEdgeWeight(e, 0.0);
        String edge = "edge '(a : b)' between vertices 'a' and 'b'";
        assertMessage(edge + " has the weight 0.0, which would read as no edge; remove the edge"
                + " or give it a non-zero weight", () -> JGraphTGraphs.fromJGraphT(g));
        g.setEdgeWeight(e, Double.NaN);
        assertMessage(edge + " has the weight NaN; weights must be finite",
                () -> JGraphTGraphs.fromJGraphT(g));
        g.setEdgeWeight(e, Double.NEGATIVE_INFINITY);
        assertMessage(edge + " has the weight -Infinity; weights must be finite",
                () -> JGraphTGraphs.fromJGraphT(g));
    }

    @Test
    void refusesNullArgumentsNamingThem() {
        SimpleGraph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        Function<String, double[]> none = v -> new double[0];
        assertEquals("source", assertThrows(NullPointerException.class,
                () -> JGraphTGraphs.fromJGraphT(null)).getMessage());
        assertEquals("nodeAttributes", assertThrows(NullPointerException.class,
                () -> JGraphTGraphs.fromJGraphT(g, 0, null, 0, e -> null)).getMessage());
        assertEquals("edgeAttributes", assertThrows(NullPointerException.class,
                () -> JGraphTGraphs.fromJGraphT(g, 0, none, 0, null)).getMessage());
        Graph graph = Graph.builder(0, 1).build();
        assertEquals("edgeWeight", assertThrows(NullPointerException.class,
                () -> JGraphTGraphs.toJGraphT(graph, null)).getMessage());
        assertEquals("graph", assertThrows(NullPointerException.class,
                () -> JGraphTGraphs.toJGraphT(null)).getMessage());
    }

    /** Long names are cut to 40 characters and their length given; others escaped. */
    @Test
    void messagesShortenLongNames() {
        String longName = "v".repeat(39) + "\u00e9" + "w".repeat(60);
        assertEquals("'" + "v".repeat(39) + "\\u00e9...' (100 characters)",
                JGraphTGraphs.shown(longName));
        // A character beyond U+FFFF counts once, is kept whole and shown as one escape.
        assertEquals("'" + "v".repeat(39) + "\\U0001f600...' (100 characters)",
                JGraphTGraphs.shown("v".repeat(39) + "\ud83d\ude00" + "w".repeat(60)));
        assertEquals("'" + "\\U0001f600".repeat(40) + "...' (100 characters)",
                JGraphTGraphs.shown("\ud83d\ude00".repeat(100)));
        assertEquals("'null'", JGraphTGraphs.shown(null));
    }

    /** The dense layout holds at most about 2^31 entries; larger graphs are refused. */
    @Test
    void refusesAGraphTooLargeForTheDenseLayout() {
        SimpleGraph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < 50_000; v++) {
            g.addVertex(v);
        }
        assertMessage("a graph of 50000 vertices with node dimension 1 and edge dimension 1"
                + " needs 2500000000 entries in one array, more than a Java array holds;"
                + " graphs are stored as dense matrices", () -> JGraphTGraphs.fromJGraphT(g));
    }

    @Test
    void toJGraphTRefusesNonFiniteWeightsAndSeveralChannels() {
        Graph.Builder builder = Graph.builder(0, 2).directed(true);
        builder.addNode();
        builder.addNode();
        Graph graph = builder.addEdge(1, 0, 1.0, 0.0).build();
        assertMessage("edge (1, 0) with the attributes [1.0, 0.0] gets the weight Infinity;"
                + " weights must be finite",
                () -> JGraphTGraphs.toJGraphT(graph, v -> v[0] / v[1]));
        assertMessage("the graph has 2 edge channels, so no single edge weight; pass a"
                + " function of the edge vector to toJGraphT(graph, edgeWeight)",
                () -> JGraphTGraphs.toJGraphT(graph));
    }

    // ---- the README's example -------------------------------------------------------------

    /**
     * The README's example: two small road networks under other names, aligned exactly, the
     * matching read back as vertex names, and their mean graph handed back to JGraphT.
     */
    @Test
    void readmeExampleRuns() {
        org.jgrapht.Graph<String, DefaultWeightedEdge> first = roads("A", "B", "C", "D");
        org.jgrapht.Graph<String, DefaultWeightedEdge> second = roads("z", "y", "x", "w");
        second.setEdgeWeight(second.getEdge("z", "y"), 4.0);

        Conversion<String> x = JGraphTGraphs.fromJGraphT(first); // node i is x.vertex(i)
        Conversion<String> y = JGraphTGraphs.fromJGraphT(second);
        GraphSpace space = GraphSpace.of(List.of(x.graph(), y.graph()));
        Alignment a = new ExactAligner(42).align(space, x.graph(), y.graph());
        String partner = y.vertex(a.permutation().get(0)); // x.vertex(0) is matched with it
        Graph mean = FrechetMean.builder().aligner(new ExactAligner(42)).build()
                .compute(space, List.of(x.graph(), y.graph())).center();
        org.jgrapht.Graph<Integer, DefaultWeightedEdge> back =
                JGraphTGraphs.toJGraphT(NodeExistence.keepExisting(mean, 0.5), w -> w[0]);

        // The weights differ on one edge by 1: squared distance 2 (both directions).
        assertEquals(Math.sqrt(2.0), a.distance(), TOL);
        assertEquals("z", partner);
        assertEquals(4, back.vertexSet().size());
        assertEquals(4, back.edgeSet().size());
        double total = back.edgeSet().stream().mapToDouble(back::getEdgeWeight).sum();
        assertEquals(3.5 + 1.0 + 2.0 + 2.0, total, TOL);
    }

    /** The README's Java snippet on JGraphT consists of lines of {@link #readmeExampleRuns}. */
    @Test
    void readmeQuotesTheExample() throws IOException {
        assertEquals(9, ReadmeSnippets.quotedLines(Path.of("src", "test", "java", "org",
                "orbifold", "io", "JGraphTGraphsTest.java"),
                line -> line.contains("JGraphTGraphs.fromJGraphT"), "JGraphTGraphs"));
    }

    // ---- helpers --------------------------------------------------------------------------

    /**
     * Roads a-b 3, b-c 1, c-d 2 and a-c 2: no two vertices can swap (a and b differ in their
     * road to c), so an alignment to a copy is unique.
     */
    private static org.jgrapht.Graph<String, DefaultWeightedEdge> roads(String a, String b,
            String c, String d) {
        SimpleWeightedGraph<String, DefaultWeightedEdge> g =
                new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (String v : List.of(a, b, c, d)) {
            g.addVertex(v);
        }
        g.setEdgeWeight(g.addEdge(a, b), 3.0);
        g.setEdgeWeight(g.addEdge(b, c), 1.0);
        g.setEdgeWeight(g.addEdge(c, d), 2.0);
        g.setEdgeWeight(g.addEdge(a, c), 2.0);
        return g;
    }

    /** A random simple graph on 2..7 vertices {@code v0, v1, ...} with weights in 1..3. */
    private static org.jgrapht.Graph<String, DefaultWeightedEdge> randomJGraphT(
            SplittableRandom random, boolean directed) {
        org.jgrapht.Graph<String, DefaultWeightedEdge> g = (directed
                ? GraphTypeBuilder.<String, DefaultWeightedEdge>directed()
                : GraphTypeBuilder.<String, DefaultWeightedEdge>undirected())
                .allowingSelfLoops(false).allowingMultipleEdges(false).weighted(true)
                .edgeClass(DefaultWeightedEdge.class).buildGraph();
        int n = 2 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            g.addVertex("v" + i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = directed ? 0 : i + 1; j < n; j++) {
                if (i != j && random.nextDouble() < 0.4) {
                    g.setEdgeWeight(g.addEdge("v" + i, "v" + j), 1 + random.nextInt(3));
                }
            }
        }
        return g;
    }

    /** A copy of {@code g} under renamed vertices, vertices and edges added in random order. */
    private static org.jgrapht.Graph<String, DefaultWeightedEdge> renamedShuffledCopy(
            org.jgrapht.Graph<String, DefaultWeightedEdge> g, Function<String, String> rename,
            SplittableRandom random) {
        org.jgrapht.Graph<String, DefaultWeightedEdge> copy = GraphTypeBuilder
                .<String, DefaultWeightedEdge>forGraphType(g.getType())
                .edgeClass(DefaultWeightedEdge.class).buildGraph();
        List<String> vertices = new ArrayList<>(g.vertexSet());
        List<DefaultWeightedEdge> edges = new ArrayList<>(g.edgeSet());
        shuffle(vertices, random);
        shuffle(edges, random);
        for (String v : vertices) {
            copy.addVertex(rename.apply(v));
        }
        for (DefaultWeightedEdge e : edges) {
            copy.setEdgeWeight(copy.addEdge(rename.apply(g.getEdgeSource(e)),
                    rename.apply(g.getEdgeTarget(e))), g.getEdgeWeight(e));
        }
        return copy;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }

    private static void assertMessage(String expected, Runnable conversion) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                conversion::run);
        assertEquals(expected, e.getMessage());
    }
}
