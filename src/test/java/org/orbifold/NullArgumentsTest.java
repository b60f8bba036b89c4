package org.orbifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.cluster.AssignmentListener;
import org.orbifold.cluster.CenterUpdate;
import org.orbifold.cluster.CentralClustering;
import org.orbifold.cluster.EmptyClusterPolicy;
import org.orbifold.diff.Argument;
import org.orbifold.diff.AssignmentLoss;
import org.orbifold.diff.AssignmentValue;
import org.orbifold.diff.CostFunction;
import org.orbifold.diff.DynamicTimeWarping;
import org.orbifold.diff.NeedlemanWunsch;
import org.orbifold.diff.SetMatchingLoss;
import org.orbifold.io.ChannelGroup;
import org.orbifold.io.CovariateTable;
import org.orbifold.io.DatasetFormatException;
import org.orbifold.io.DotReader;
import org.orbifold.io.GmlReader;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.GraphMlReader;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.io.JsonWriter;
import org.orbifold.io.MoleculeReader;
import org.orbifold.io.NpyArray;
import org.orbifold.io.Presence;
import org.orbifold.io.QaplibInstance;
import org.orbifold.io.QaplibSolution;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TuDatasetFetcher;
import org.orbifold.learn.GraphMlp;
import org.orbifold.learn.LearningGraphQuantization;
import org.orbifold.learn.MarginPerceptron;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.learn.NearestPrototype;
import org.orbifold.learn.NeighborTable;
import org.orbifold.learn.PrototypeModel;
import org.orbifold.learn.TemplateMlp;
import org.orbifold.learn.ValidationSearch;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.BestOfAligner;
import org.orbifold.match.DistanceLowerBound;
import org.orbifold.match.ExactAligner;
import org.orbifold.match.FaqAligner;
import org.orbifold.match.GraduatedAssignmentAligner;
import org.orbifold.match.IpfpAligner;
import org.orbifold.match.NodeAssignmentAligner;
import org.orbifold.match.TabuAligner;
import org.orbifold.match.TabuSearch;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeKernelEmbedding;
import org.orbifold.space.Permutation;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.FrechetMedian;
import org.orbifold.stats.GeodesicPca;
import org.orbifold.stats.GraphRegression;
import org.orbifold.stats.MeanCache;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.MedoidResult;
import org.orbifold.stats.Status;
import org.orbifold.stats.WeightedVectors;

/**
 * Null arguments fail fast with their name, in every library package: for each public
 * constructor and public method of the public classes of the library (not {@code cli}), and
 * each of its parameters of a reference type, a call with null there and valid values
 * elsewhere must throw a {@link NullPointerException} whose message is the parameter's name
 * (in any letter case, as {@code A} for the matrix {@code a}; for a builder's one-argument
 * setter, the setting's name). Parameters documented to take null are listed in
 * {@link #NULLABLE}, callback interfaces that the caller implements in {@link #CALLBACKS};
 * instance methods are called on the receivers of {@link #receiver}, and a public class
 * without one fails the test, so that a new class is covered when it is added. The names
 * come from the class files, which the build compiles with {@code -parameters}.
 */
class NullArgumentsTest {

    private static final List<String> PACKAGES = List.of("assign", "cluster", "diff", "io",
            "learn", "match", "space", "stats");

    /**
     * Parameters that take null by their documentation, as {@code Class#member(parameter)}
     * ({@code Class#Class} for a constructor).
     */
    private static final Set<String> NULLABLE = Set.of(
            "InfeasibleAssignmentException#InfeasibleAssignmentException(message)",
            "TooFewDistinctGraphsException#TooFewDistinctGraphsException(message)",
            "ChannelGroup#ChannelGroup(encoder)",
            "DecimalNumbers#parseFinite(what)",
            "DecimalNumbers#refusal(what)",
            "DotReader#withLabelProperty(name)",
            "GmlReader#withLabelProperty(name)",
            "GraphMlReader#withLabelProperty(name)",
            "JsonWriter#value(value)",
            "MoleculeReader#withLabelColumn(column)",
            "MoleculeReader#readSmiles(labels)",
            "SvgDrawing#graphs(heading)",
            "SvgDrawing#graphsInOneFrame(heading)",
            "SvgDrawing#alignment(caption)",
            "TuDatasetFetcher#withBaseUrl(source)",
            "TuDatasetFetcher#withCacheOption(option)",
            "TuDatasetFetcher#withListener(listener)",
            "NearestNeighbors$Builder#table(value)",
            "Aligners#multistart(timeLimit)",
            "TabuSearch#withTimeLimit(limit)",
            "CenterBuilder#initial(value)",
            "FrechetMean$Builder#cache(value)",
            "FrechetMean#compute(weights)",
            "FrechetMedian#compute(weights)",
            "IncrementalMean#compute(weights)",
            "Medoid#compute(weights)",
            "GeodesicPca$Builder#start(value)",
            "GraphRegression$Builder#frechetMean(value)",
            "GraphRegression#fit(names)",
            "GraphRegression#requireValidCovariates(names)",
            "TuDatasetFetcher#parseUrl(source)");

    /**
     * Interfaces that a caller implements and the library calls back (a listener, a cost
     * function): their methods are the caller's code, not entry points of the library.
     */
    private static final Set<String> CALLBACKS = Set.of("AssignmentListener", "CostFunction",
            "IterationListener", "TuDatasetFetcher$Listener");

    @TempDir
    static Path dir;

    private static final Graph G1 = graph(new double[][] {{1, 1}, {2, 1}}, 0, 1);
    private static final Graph G2 = graph(new double[][] {{0.5, 1}, {1, 1}, {3, 1}}, 0, 1, 1, 2);
    private static final GraphSpace SPACE = new GraphSpace(3, 2, 1, 1.0, 1.0);
    private static final List<Graph> GRAPHS = List.of(G1, G2, G1, G2);
    private static final List<String> LABELS = List.of("a", "b", "a", "b");
    private static final Aligner ALIGNER = new FaqAligner(1L);

    private final Map<Class<?>, Object> receivers = new LinkedHashMap<>();

    /** An undirected graph with these node vectors and an edge of value 1 per pair given. */
    private static Graph graph(double[][] nodes, int... pairs) {
        Graph.Builder b = Graph.builder(nodes[0].length, 1);
        for (double[] node : nodes) {
            b.addNode(node);
        }
        for (int p = 0; p < pairs.length; p += 2) {
            b.addEdge(pairs[p], pairs[p + 1], 1.0);
        }
        return b.build();
    }

    @Test
    void everyPublicEntryPointNamesANullArgument() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        Set<String> nullable = new TreeSet<>();
        int checked = 0;
        for (Class<?> type : publicClasses()) {
            if (CALLBACKS.contains(local(type))) {
                continue;
            }
            List<Executable> members = new ArrayList<>();
            if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum()) {
                members.addAll(List.of(type.getConstructors()));
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
                        && !(type.isEnum() && Modifier.isStatic(m.getModifiers()))
                        && !m.getName().equals("equals")) {
                    members.add(m);
                }
            }
            members.sort(Comparator.comparing(Executable::toGenericString));
            for (Executable member : members) {
                boolean instance = member instanceof Method
                        && !Modifier.isStatic(member.getModifiers());
                if (!hasReferenceParameter(member)) {
                    continue;
                }
                Object target = null;
                if (instance) {
                    try {
                        target = receiver(type);
                    } catch (Exception | Error e) {
                        failures.add("no receiver of " + type.getName() + ": " + e);
                        receivers.put(type, null);
                        continue;
                    }
                    if (target == null) {
                        uncovered.add(type.getSimpleName());
                        continue;
                    }
                }
                Parameter[] parameters = member.getParameters();
                for (int k = 0; k < parameters.length; k++) {
                    if (parameters[k].getType().isPrimitive()) {
                        continue;
                    }
                    String id = local(type) + "#" + (member instanceof Constructor
                            ? type.getSimpleName() : member.getName()) + "("
                            + parameters[k].getName() + ")";
                    if (NULLABLE.contains(id)) {
                        nullable.add(id);
                        continue;
                    }
                    checked++;
                    String problem = callWithNull(member, target, k);
                    if (problem != null) {
                        failures.add(member.toGenericString() + " with null "
                                + parameters[k].getName() + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " checks failed");
        assertEquals(Set.of(), new TreeSet<>(uncovered), "public classes without a receiver");
        assertEquals(new TreeSet<>(NULLABLE), nullable, "entries of NULLABLE in use");
        assertTrue(checked > 300, "checked " + checked);
    }

    /** Calls a member with null at parameter k; returns what went wrong, or null if fine. */
    private String callWithNull(Executable member, Object target, int k) throws Exception {
        Parameter[] parameters = member.getParameters();
        Object[] args = new Object[parameters.length];
        for (int p = 0; p < parameters.length; p++) {
            if (p != k) {
                args[p] = sample(parameters[p].getParameterizedType(), parameters[p].getName());
            }
        }
        try {
            if (member instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                ((Method) member).invoke(target, args);
            }
            return "no exception";
        } catch (IllegalArgumentException e) {
            return "the test's sample values do not fit: " + Arrays.toString(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String name = parameters[k].getName();
            if (cause instanceof NullPointerException) {
                String message = cause.getMessage();
                boolean setter = parameters.length == 1 && member instanceof Method
                        && member.getName().equals(message);
                if (name.equalsIgnoreCase(message) || setter) {
                    return null;
                }
                return "NullPointerException with message " + message;
            }
            return cause.toString();
        }
    }

    /** The class's name inside its package, such as {@code FrechetMean$Builder}. */
    private static String local(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1);
    }

    private static boolean hasReferenceParameter(Executable member) {
        for (Class<?> p : member.getParameterTypes()) {
            if (!p.isPrimitive()) {
                return true;
            }
        }
        return false;
    }

    /** The public top-level and nested classes of the library packages, by name. */
    private static List<Class<?>> publicClasses() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path root = Path.of(Graph.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String p : PACKAGES) {
            List<Path> files;
            try (Stream<Path> s = Files.list(root.resolve("org/orbifold/" + p))) {
                files = s.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            }
            for (Path f : files) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName("org.orbifold." + p + "." + simple);
                if (isPublic(c) && !c.isAnonymousClass() && !c.isSynthetic()
                        && !simple.equals("package-info")) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** An instance to call the instance methods of a public class on, or null. */
    private Object receiver(Class<?> type) throws Exception {
        if (!receivers.containsKey(type)) {
            receivers.put(type, makeReceiver(type));
        }
        return receivers.get(type);
    }

    private Object makeReceiver(Class<?> type) throws Exception {
        Object sample = sample(type, "");
        if (sample != null && type.isInstance(sample)) {
            return sample;
        }
        String name = type.getName().replace("org.orbifold.", "");
        return switch (name) {
            case "cluster.CentralClustering$Builder" -> CentralClustering.kMeans(1);
            case "cluster.CentralClustering" -> CentralClustering.kMeans(1).aligner(ALIGNER)
                    .build();
            case "learn.GraphMlp$Builder" -> GraphMlp.builder();
            case "learn.LearningGraphQuantization$Builder" -> LearningGraphQuantization.builder();
            case "learn.MarginPerceptron$Builder" -> MarginPerceptron.builder();
            case "learn.NearestNeighbors$Builder" -> NearestNeighbors.builder();
            case "learn.TemplateMlp$Builder" -> TemplateMlp.builder();
            case "stats.FrechetMean$Builder", "stats.CenterBuilder" -> FrechetMean.builder();
            case "stats.FrechetMedian$Builder" -> FrechetMedian.builder();
            case "stats.GeodesicPca$Builder" -> GeodesicPca.builder();
            case "stats.GraphRegression$Builder" -> GraphRegression.builder();
            case "stats.FrechetMean" -> FrechetMean.builder().aligner(ALIGNER).build();
            case "stats.FrechetMedian" -> FrechetMedian.builder()
                    .aligner(ALIGNER).build();
            case "stats.GeodesicPca" -> GeodesicPca.builder().aligner(ALIGNER).build();
            case "stats.GraphRegression" -> GraphRegression.builder().aligner(ALIGNER)
                    .build();
            case "stats.GeodesicPcaResult" -> GeodesicPca.builder().aligner(ALIGNER).build()
                    .compute(SPACE, GRAPHS);
            case "stats.GraphRegressionModel" -> GraphRegression.builder().aligner(ALIGNER)
                    .build().fit(SPACE, GRAPHS, new double[][] {{0}, {1}, {2}, {3}});
            case "stats.WeightedVectors" -> new WeightedVectors(SPACE, 3, false);
            case "learn.GraphMlp" -> GraphMlp.builder().epochs(1).hiddenUnits(0)
                    .aligner(ALIGNER).build();
            case "learn.GraphMlpModel" -> GraphMlp.builder().epochs(1).hiddenUnits(0)
                    .aligner(ALIGNER).build().fit(SPACE, GRAPHS, LABELS);
            case "learn.LearningGraphQuantization" -> LearningGraphQuantization.builder()
                    .epochs(1).aligner(ALIGNER).build();
            case "learn.MarginPerceptron" -> MarginPerceptron.builder().epochs(1)
                    .aligner(ALIGNER).build();
            case "learn.MarginPerceptronModel" -> MarginPerceptron.builder().epochs(1)
                    .aligner(ALIGNER).build().fit(SPACE, GRAPHS, LABELS);
            case "learn.NearestNeighbors" -> new NearestNeighbors(ALIGNER, 1);
            case "learn.NearestNeighbors$Model" -> new NearestNeighbors(ALIGNER, 1).fit(SPACE,
                    GRAPHS, LABELS);
            case "learn.NearestPrototype" -> new NearestPrototype(ALIGNER);
            case "learn.PrototypeModel" -> PrototypeModel.of(SPACE, ALIGNER, GRAPHS, LABELS);
            case "learn.TemplateMlp" -> TemplateMlp.builder().epochs(1).hiddenUnits(1)
                    .aligner(ALIGNER).build();
            case "learn.TemplateMlpModel" -> TemplateMlp.builder().epochs(1).hiddenUnits(1)
                    .aligner(ALIGNER).build().fit(SPACE, GRAPHS, LABELS);
            case "learn.GraphClassifierModel" -> new NearestNeighbors(ALIGNER, 1).fit(SPACE,
                    GRAPHS, LABELS);
            case "io.DotReader" -> new DotReader();
            case "io.GmlReader" -> new GmlReader();
            case "io.GraphMlReader" -> new GraphMlReader();
            case "io.MoleculeReader" -> new MoleculeReader();
            case "io.IamDatasetReader$Recoding" -> IamDatasetReader.Recoding.none();
            case "io.NpyArray" -> new NpyArray(new int[] {2}, new double[] {1, 2});
            case "io.TuDatasetFetcher$Listener" -> new TuDatasetFetcher.Listener() { };
            case "diff.AssignmentLoss" -> new AssignmentLoss(
                    (CostFunction) sample(CostFunction.class, ""), Sense.MINIMIZE);
            case "diff.DynamicTimeWarping" -> new DynamicTimeWarping();
            case "diff.NeedlemanWunsch" -> new NeedlemanWunsch(1.0);
            case "diff.SetMatchingLoss" -> new SetMatchingLoss(1,
                    SetMatchingLoss.Weights.detr());
            case "match.TabuAligner" -> new TabuAligner(ALIGNER,
                    new TabuSearch(1L));
            case "match.GraduatedAssignmentAligner" ->
                    new GraduatedAssignmentAligner();
            case "match.IpfpAligner" -> new IpfpAligner();
            case "match.NodeAssignmentAligner" -> new NodeAssignmentAligner();
            case "match.ExactAligner" -> new ExactAligner(1L);
            case "match.FaqAligner" -> new FaqAligner(1L);
            case "space.Graph$Builder" -> Graph.builder(2, 1);
            case "space.GraphAccumulator" -> new GraphAccumulator(SPACE, 3);
            case "space.LabelEncoder" -> LabelEncoder.of(LABELS);
            case "space.NodeKernelEmbedding" -> NodeKernelEmbedding.gaussian(2, new int[] {0},
                    1.0, 4, NodeKernelEmbedding.Sampling.RANDOM, 1L);
            case "space.AttributeScaling" -> AttributeScaling.identity(2, 1);
            case "assign.LinearAssignmentSolver" -> new LinearAssignmentSolver();
            default -> null;
        };
    }

    /** A valid value of a parameter's type, chosen by the type and sometimes by its name. */
    private Object sample(Type type, String name) throws Exception {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] a = p.getActualTypeArguments();
            if (raw == List.class || raw == Collection.class) {
                return listOf(a[0], name);
            }
            if (raw == Map.class) {
                return Map.of();
            }
            if (raw == Function.class) {
                return (Function<Object, double[]>) v -> new double[] {1.0};
            }
            if (raw == Predicate.class) {
                return (Predicate<Object>) v -> true;
            }
            if (raw == UnaryOperator.class) {
                return UnaryOperator.identity();
            }
            if (raw == ToDoubleFunction.class) {
                return (ToDoubleFunction<double[]>) v -> v.length;
            }
            if (raw == IntFunction.class) {
                return (IntFunction<Object>) i -> i;
            }
            if (raw == org.jgrapht.Graph.class) {
                SimpleGraph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
                g.addVertex("u");
                g.addVertex("v");
                g.addEdge("u", "v");
                return g;
            }
            return sample(raw, name);
        }
        if (!(type instanceof Class<?> c)) {
            return null;
        }
        if (c == List.class || c == Collection.class) {
            return listOf(Object.class, name);
        }
        String n = c.getName().replace("org.orbifold.", "");
        return switch (n) {
            case "int" -> 1;
            case "long" -> 1L;
            case "double" -> 0.5;
            case "boolean" -> false;
            case "char" -> 'a';
            case "java.lang.String" -> "a";
            case "java.lang.Object" -> "a";
            case "java.lang.Appendable" -> new StringBuilder();
            case "java.nio.file.Path" -> dir.resolve("sample.txt");
            case "java.net.URI" -> URI.create("http://127.0.0.1:9/");
            case "java.time.Duration" -> Duration.ofSeconds(10);
            case "java.util.concurrent.Executor" -> (Executor) Runnable::run;
            case "java.util.random.RandomGenerator" -> new Random(1);
            case "[I" -> name.contains("label") || name.contains("assign")
                    || name.contains("cluster") || name.contains("classes")
                    ? new int[] {0, 1, 0, 1} : new int[] {1, 0};
            case "[D" -> new double[] {1.0, 0.0, 0.5, 0.25};
            case "[[D" -> new double[][] {{1, 2}, {3, 4}};
            case "[[I" -> new int[][] {{0, 1}};
            case "[Ljava.lang.String;" -> new String[] {"a"};
            case "space.Graph" -> G1;
            case "space.GraphSpace" -> SPACE;
            case "space.Permutation" -> Permutation.identity(3);
            case "space.IterationListener" -> (IterationListener) (i, o, c2, t) -> true;
            case "space.LabelEncoder" -> LabelEncoder.of(List.of("a", "b"));
            case "space.AttributeScaling" -> AttributeScaling.identity(2, 1);
            case "space.NodeKernelEmbedding$Sampling" -> NodeKernelEmbedding.Sampling.RANDOM;
            case "space.NodeKernelEmbedding$Kernel" -> NodeKernelEmbedding.Kernel.GAUSSIAN;
            case "space.NodeKernelEmbedding" -> NodeKernelEmbedding.gaussian(2, new int[] {0},
                    1.0, 4, NodeKernelEmbedding.Sampling.RANDOM, 1L);
            case "assign.Sense" -> Sense.MINIMIZE;
            case "assign.AssignmentResult" -> LinearAssignmentSolver.minimize(
                    new double[][] {{1, 2}, {3, 4}});
            case "match.Aligner" -> ALIGNER;
            case "match.Alignment" -> ALIGNER.align(SPACE, G1, G2);
            case "match.Alignment$Unproven" -> Alignment.Unproven.HEURISTIC;
            case "match.TabuSearch" -> new TabuSearch(1L);
            case "match.BestOfAligner" -> new BestOfAligner("best", List.of(ALIGNER));
            case "match.DistanceLowerBound$Profile" -> DistanceLowerBound.profile(SPACE, G1);
            case "stats.Status" -> Status.CONVERGED;
            case "stats.FrechetMean" -> FrechetMean.builder().aligner(ALIGNER).build();
            case "stats.CenterResult" -> FrechetMean.builder().aligner(ALIGNER).build()
                    .compute(SPACE, GRAPHS);
            case "stats.MedoidResult" -> medoid();
            case "stats.MeanCache" -> new MeanCache(2);
            case "stats.FrechetMean$Start" -> FrechetMean.Start.MEDOID;
            case "stats.GraphRegression$Start" -> GraphRegression.Start.values()[0];
            case "stats.GeodesicPcaResult" -> null;
            case "cluster.EmptyClusterPolicy" -> EmptyClusterPolicy
                    .values()[0];
            case "cluster.CenterUpdate" -> CenterUpdate.values()[0];
            case "cluster.AssignmentListener" -> (AssignmentListener) (a, b) -> { };
            case "cluster.ClusteringResult" -> CentralClustering.kMeans(1).aligner(ALIGNER)
                    .build().cluster(SPACE, GRAPHS);
            case "learn.GraphClassifier" -> new NearestNeighbors(ALIGNER, 1);
            case "learn.GraphClassifierModel" -> new NearestNeighbors(ALIGNER, 1).fit(SPACE,
                    GRAPHS, LABELS);
            case "learn.NeighborTable" -> new NeighborTable(4, 1);
            case "learn.ValidationSearch$Selection" -> ValidationSearch.Selection.values()[0];
            case "learn.ValidationSearch$Candidate" -> new ValidationSearch.Candidate("c",
                    SPACE, new NearestNeighbors(ALIGNER, 1));
            case "learn.GraphMlp$Activation" -> GraphMlp.Activation.values()[0];
            case "learn.GraphMlp$Initialization" -> GraphMlp.Initialization.values()[0];
            case "learn.MarginPerceptron$Initialization" -> MarginPerceptron.Initialization
                    .values()[0];
            case "learn.LearningGraphQuantization$Rule" -> LearningGraphQuantization.Rule
                    .values()[0];
            case "learn.LearningGraphQuantization$Initialization" -> LearningGraphQuantization
                    .Initialization.values()[0];
            case "io.GraphDataset" -> dataset();
            case "io.JsonWriter" -> new JsonWriter(new StringBuilder());
            case "io.JsonWriter$NonFinite" -> JsonWriter.NonFinite.values()[0];
            case "io.ChannelGroup" -> new ChannelGroup("x", 0, null);
            case "io.CovariateTable" -> new CovariateTable(List.of("c"),
                    new double[][] {{1}, {2}});
            case "io.Presence" -> Presence.nodeExistence(List.of("x", "exists"));
            case "io.QaplibInstance" -> new QaplibInstance("q", new double[][] {{0, 1}, {1, 0}},
                    new double[][] {{0, 2}, {2, 0}});
            case "io.QaplibSolution" -> new QaplibSolution("q", 2.0, Permutation.identity(2),
                    false);
            case "io.SvgDrawing" -> SvgDrawing.of(List.of("x", "exists"), List.of("edge"));
            case "io.MoleculeReader" -> new MoleculeReader();
            case "io.GraphMlReader" -> new GraphMlReader();
            case "io.DatasetFormatException" -> new DatasetFormatException(dir, "bad");
            case "io.IamDatasetReader$Recoding" -> IamDatasetReader.Recoding.none();
            case "io.TuDatasetFetcher" -> TuDatasetFetcher.fromEnvironmentWithoutUrl()
                    .withBaseUrl(URI.create("http://127.0.0.1:9/")).withCache(dir);
            case "io.TuDatasetFetcher$Listener" -> new TuDatasetFetcher.Listener() { };
            case "diff.Argument" -> Argument.values()[0];
            case "diff.CostFunction" -> new CostFunction() {
                @Override
                public double[][] costs(double[] theta) {
                    return new double[][] {{theta[0], 1}, {1, theta[0]}};
                }

                @Override
                public double[] vectorJacobianProduct(double[] theta, double[][] g) {
                    return new double[] {g[0][0] + g[1][1]};
                }
            };
            case "diff.AssignmentValue" -> AssignmentValue.of(new double[][] {{1, 2}, {3, 4}},
                    Sense.MINIMIZE);
            case "diff.SequenceAlignment" -> new NeedlemanWunsch(1.0)
                    .align(new double[][] {{1, 0}, {0, 1}});
            case "diff.SetMatchingLoss$Weights" -> SetMatchingLoss.Weights.detr();
            default -> null;
        };
    }

    private Object listOf(Type element, String name) throws Exception {
        Class<?> raw = element instanceof Class<?> c ? c
                : element instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : Object.class;
        if (raw == Graph.class) {
            return GRAPHS;
        }
        if (raw == String.class) {
            return switch (name) {
                case "nodeChannels", "channels" -> List.of("x", "exists");
                case "edgeChannels" -> List.of("edge");
                case "notes", "dropped", "droppedNodeAttributes", "names" -> List.of();
                default -> LABELS;
            };
        }
        if (raw == Alignment.class) {
            List<Alignment> a = new ArrayList<>();
            for (Graph g : GRAPHS) {
                a.add(ALIGNER.align(SPACE, G1, g));
            }
            return a;
        }
        if (raw == Permutation.class) {
            return List.of(Permutation.identity(3), Permutation.identity(3),
                    Permutation.identity(3), Permutation.identity(3));
        }
        if (raw == Path.class) {
            return List.of(dir.resolve("sample.txt"));
        }
        if (raw == int[].class) {
            return List.of(new int[] {0, 1}, new int[] {2, 3});
        }
        Object one = sample(element, name);
        return one == null ? List.of() : List.of(one);
    }

    private static GraphDataset dataset() {
        return new GraphDataset("d", GRAPHS, LABELS, List.of("g1", "g2", "g3", "g4"),
                List.of("x", "exists"), List.of("edge"));
    }

    private static MedoidResult medoid() {
        return Medoid.compute(SPACE, GRAPHS, ALIGNER, false);
    }
}
