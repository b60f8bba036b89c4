package org.orbifold.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orbifold.io.DatasetFormatException;
import org.orbifold.io.DatasetLoader;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.GraphMlReader;
import org.orbifold.io.MoleculeReader;
import org.orbifold.io.TuDatasetReader;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeExistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The graphs a command works on: a data set read from a path (or the embedded letters), cut
 * to one class and to its first {@code limit} graphs, with the node-existence channel
 * appended so that a mean graph's nodes read as probabilities of existing. A {@code limit}
 * above the graphs there are keeps them all and adds a note to the data set's notes, which
 * every report shows.
 *
 * @param source where the data came from, for messages and JSON
 * @param dataset the data set as read
 * @param className the class kept, or null for all
 * @param graphs the graphs worked on, existence channel included
 * @param labels the class label of each graph worked on (null entries if unlabelled)
 * @param nodeChannels names of the node channels of {@code graphs}
 * @param edgeChannels names of the edge channels
 */
record Sample(String source, GraphDataset dataset, String className, List<Graph> graphs,
        List<String> labels, List<String> nodeChannels, List<String> edgeChannels) {

    /** Folder of the default data, relative to the working directory. */
    static final Path DEFAULT_FOLDER = Path.of("datasets", "letters");

    /** Classpath folder of the copy of the default data inside the jar. */
    static final String DEFAULT_RESOURCE = "/org/orbifold/cli/letters/";

    /** How the copy inside the jar is named in messages and JSON. */
    static final String EMBEDDED_SOURCE = "embedded letters";

    private static final List<String> DEFAULT_FILES = List.of("LETTERS_A.txt",
            "LETTERS_graph_indicator.txt", "LETTERS_graph_labels.txt",
            "LETTERS_node_attributes.txt");

    private static final Logger LOG = LoggerFactory.getLogger(Sample.class);

    /**
     * Returns how many graphs worked on have no nodes, which the reports of {@code info},
     * {@code mean} and {@code median} count.
     */
    long graphsWithoutNodes() {
        return graphs.stream().filter(g -> g.order() == 0).count();
    }

    /**
     * Reads a data set, failing on invalid molecule records, and selects the graphs to work on.
     *
     * @param location a TU folder, an IAM .cxl file, a .npy stack or a molecule file; null for
     *     the default
     * @param className the class to keep (its label, or the label as text output shows it), or
     *     null for all
     * @param limit how many graphs to keep at most, or null for all
     * @return the sample, never empty
     */
    static Sample load(String location, String className, Integer limit) {
        return load(location, className, limit, false);
    }

    /**
     * Reads a data set and selects the graphs to work on.
     *
     * @param location a TU folder, an IAM .cxl file, a .npy stack or a molecule file; null for
     *     the default
     * @param className the class to keep (its label, or the label as text output shows it), or
     *     null for all
     * @param limit how many graphs to keep at most, or null for all
     * @param skipInvalid whether invalid records of a molecule file are skipped (and counted
     *     in the data set's notes) rather than fatal
     * @return the sample, never empty
     */
    static Sample load(String location, String className, Integer limit,
            boolean skipInvalid) {
        return load(location, className, limit,
                new MoleculeReader().withSkipInvalid(skipInvalid));
    }

    /**
     * Reads a data set, molecule files with the given reader, and selects the graphs to work
     * on.
     *
     * @param location a TU folder, an IAM .cxl file, a .npy stack or a molecule file; null for
     *     the default
     * @param className the class to keep (its label, or the label as text output shows it), or
     *     null for all
     * @param limit how many graphs to keep at most, or null for all
     * @param molecules the reader of molecule files (skipping invalid records, valence check,
     *     label column)
     * @return the sample, never empty
     */
    static Sample load(String location, String className, Integer limit,
            MoleculeReader molecules) {
        return load(location, className, limit, molecules, new GraphMlReader());
    }

    /**
     * Reads a data set, molecule files and GraphML data with the given readers, and selects
     * the graphs to work on.
     *
     * @param location a TU folder, an IAM .cxl file, a .npy stack, a GraphML, GML or DOT file
     *     or folder, or a molecule file; null for the default
     * @param className the class to keep (its label, or the label as text output shows it), or
     *     null for all
     * @param limit how many graphs to keep at most, or null for all
     * @param molecules the reader of molecule files (skipping invalid records, valence check,
     *     label column)
     * @param graphMl the reader of GraphML files and folders (the class attribute)
     * @return the sample, never empty
     */
    static Sample load(String location, String className, Integer limit,
            MoleculeReader molecules, GraphMlReader graphMl) {
        if (limit != null && limit < 1) {
            throw CliException.usage("--limit must be >= 1, got " + limit);
        }

        // Read: an explicit path, else the letters folder of the working directory, else the
        // copy inside the jar.
        if (location != null) {
            if (location.isBlank()) {
                // Path.of("") is the working directory, which nobody means by an empty text.
                throw CliException.usage("DATASET needs a file or folder name, got '" + location
                        + "'");
            }
            Path path = Path.of(location);
            if (!Files.exists(path)) {
                throw CliException.data(noSuchPath(location));
            }
            GraphDataset dataset = read(path, molecules, graphMl);
            return select(isLetters(dataset) ? asLetters(dataset) : dataset, location,
                    className, limit);
        } else if (Files.isDirectory(DEFAULT_FOLDER)) {
            GraphDataset letters = read(DEFAULT_FOLDER, new MoleculeReader(),
                    new GraphMlReader());
            return select(asLetters(letters), DEFAULT_FOLDER.toString(), className, limit);
        }
        return select(asLetters(readEmbedded()), EMBEDDED_SOURCE, className, limit);
    }

    /**
     * Returns where a command reads its data set from: the given location, or, when none is
     * given, the default folder {@link #DEFAULT_FOLDER} (read when it exists).
     *
     * @param location DATASET as given, or null
     * @return the path, for the checks of {@code --out}
     */
    static Path source(String location) {
        return location == null ? DEFAULT_FOLDER : Path.of(location);
    }

    /** Returns all graphs of the copy of the letters inside the jar. */
    static Sample loadEmbedded() {
        return select(asLetters(readEmbedded()), EMBEDDED_SOURCE, null, null);
    }

    /**
     * Returns all graphs of a data set that was read elsewhere (such as IAM splits read
     * together), with the existence channel appended as {@link #load} does.
     *
     * @param dataset the data set
     * @param source where it came from, for messages and JSON
     * @return the sample, never empty
     */
    static Sample of(GraphDataset dataset, String source) {
        return select(dataset, source, null, null);
    }

    /**
     * Selects the graphs to work on from a data set read elsewhere, as {@link #load} does.
     *
     * @param dataset the data set
     * @param source where it came from, for messages and JSON
     * @param className the class to keep (its label, or the label as text output shows it), or
     *     null for all
     * @param limit how many graphs to keep at most, or null for all
     * @return the sample, never empty
     */
    static Sample of(GraphDataset dataset, String source, String className, Integer limit) {
        if (limit != null && limit < 1) {
            throw CliException.usage("--limit must be >= 1, got " + limit);
        }
        return select(dataset, source, className, limit);
    }

    private static Sample select(GraphDataset dataset, String source, String given,
            Integer limit) {
        LOG.debug("read {} graphs from {}", dataset.size(), source);
        String className = given == null ? null : named(dataset, given);

        // Select: one class, then the first graphs.
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < dataset.size(); g++) {
            String label = labelOf(dataset, g);
            if (className == null || className.equals(label)) {
                graphs.add(dataset.graphs().get(g));
                labels.add(label);
            }
        }
        if (className != null && !dataset.hasClasses()) {
            throw CliException.usage("--class " + className + ": " + source + " has no"
                    + " classes (its graphs carry no class labels)");
        }
        if (className != null && graphs.isEmpty()) {
            List<String> classes = new ArrayList<>();
            for (String label : classSizes(dataset).keySet()) {
                classes.add(VisibleText.escape(label));
            }
            throw CliException.usage("unknown class '" + className + "'; classes: "
                    + String.join(", ", classes));
        }
        if (graphs.isEmpty()) {
            List<String> skips = dataset.notes().stream()
                    .filter(n -> n.startsWith("skipped ") || n.endsWith(": skipped")).toList();
            String skipped = skips.isEmpty() ? "" : " (" + String.join("; ", skips) + ")";
            throw CliException.data(source + " holds no graphs" + skipped);
        }
        if (limit != null && limit < graphs.size()) {
            graphs = new ArrayList<>(graphs.subList(0, limit));
            labels = new ArrayList<>(labels.subList(0, limit));
        } else if (limit != null && limit > graphs.size()) {
            dataset = dataset.withNotes(List.of("--limit " + limit + " exceeds the "
                    + CenterCommand.graphs(graphs.size()) + (className == null ? " of " + source
                    : " of class " + className) + ": all " + graphs.size() + " are used"));
        }
        requireEqualDimensions(graphs, source);

        // Existence channel: every node gets a last channel of 1 unless the data has one.
        List<String> nodeChannels = new ArrayList<>(dataset.nodeChannels());
        if (!nodeChannels.contains(NodeExistence.CHANNEL_NAME)) {
            graphs = NodeExistence.append(graphs);
            nodeChannels.add(NodeExistence.CHANNEL_NAME);
        }
        return new Sample(source, dataset, className, Collections.unmodifiableList(graphs),
                Collections.unmodifiableList(labels), List.copyOf(nodeChannels),
                List.copyOf(dataset.edgeChannels()));
    }

    /** Returns the number of graphs worked on. */
    int size() {
        return graphs.size();
    }

    /**
     * Returns the graph space of the sample with the given weights, in which every graph of
     * the sample, as read, may be aligned: fails before any alignment when a graph's weighted
     * squared norm is too large for the aligners ({@link GraphMagnitudes}), naming the weight
     * at fault (or the data).
     *
     * @param nodeWeight {@code --node-weight}
     * @param edgeWeight {@code --edge-weight}
     * @param command the command, for the options' values as typed
     * @return the space
     */
    GraphSpace space(double nodeWeight, double edgeWeight, CommandSpec command) {
        return space(nodeWeight, edgeWeight, command, GraphMagnitudes.Scaling.AS_READ);
    }

    /**
     * Returns the graph space of the sample with the given weights, checked for graphs that
     * are scaled before they are aligned ({@code classify}'s attribute scaling): as
     * {@link #space(double, double, CommandSpec)}, with the magnitudes of the scaled graphs.
     *
     * @param nodeWeight {@code --node-weight}
     * @param edgeWeight {@code --edge-weight}
     * @param command the command, for the options' values as typed
     * @param scaling how the graphs are scaled, as far as known before any fit
     * @return the space of the graphs as read, which the scaled graphs share in size and
     *     weights
     */
    GraphSpace space(double nodeWeight, double edgeWeight, CommandSpec command,
            GraphMagnitudes.Scaling scaling) {
        requireWeights(nodeWeight, edgeWeight);
        GraphMagnitudes.require(graphs, existenceChannel(), nodeWeight, edgeWeight, scaling,
                command, this::graphName);
        return GraphSpace.of(graphs).withWeights(nodeWeight, edgeWeight);
    }

    /**
     * Returns the graph space of the sample with the given weights for aligning two of its
     * graphs: as {@link #space(double, double, CommandSpec)}, with only those two checked.
     *
     * @param nodeWeight {@code --node-weight}
     * @param edgeWeight {@code --edge-weight}
     * @param command the command, for the options' values as typed
     * @param first the index of one graph
     * @param second the index of the other
     * @return the space
     */
    GraphSpace pairSpace(double nodeWeight, double edgeWeight, CommandSpec command, int first,
            int second) {
        requireWeights(nodeWeight, edgeWeight);
        int[] pair = {first, second};
        GraphMagnitudes.require(List.of(graphs.get(first), graphs.get(second)),
                existenceChannel(), nodeWeight, edgeWeight, GraphMagnitudes.Scaling.AS_READ,
                command, g -> graphName(pair[g]));
        return GraphSpace.of(graphs).withWeights(nodeWeight, edgeWeight);
    }

    /** Returns the index of the node-existence channel, -1 if the data has none. */
    int existenceChannel() {
        return nodeChannels.indexOf(NodeExistence.CHANNEL_NAME);
    }

    /**
     * Returns the data set's name of every graph worked on (null where it has none),
     * following the selection of {@link #load}: the graphs of the class, the first ones.
     */
    List<String> names() {
        List<String> names = dataset.graphNames();
        List<String> chosen = new ArrayList<>();
        for (int g = 0; g < dataset.size() && chosen.size() < size(); g++) {
            if (className == null || className.equals(labelOf(dataset, g))) {
                chosen.add(names == null || g >= names.size() ? null : names.get(g));
            }
        }
        return chosen;
    }

    /**
     * Returns the data set's index of every graph worked on, following the selection of
     * {@link #load}: the graphs of the class, the first ones.
     */
    int[] indices() {
        int[] chosen = new int[size()];
        int count = 0;
        for (int g = 0; g < dataset.size() && count < chosen.length; g++) {
            if (className == null || className.equals(labelOf(dataset, g))) {
                chosen[count++] = g;
            }
        }
        return chosen;
    }

    /** Names a graph of the sample for messages: by its name when it has one. */
    String graphName(int g) {
        String name = g < dataset.graphNames().size() && className == null
                ? dataset.graphNames().get(g) : null;
        return name == null || name.isBlank() ? "graph " + g : "graph " + g + " ('" + name
                + "')";
    }

    private static void requireWeights(double nodeWeight, double edgeWeight) {
        requireWeight("--node-weight", nodeWeight);
        requireWeight("--edge-weight", edgeWeight);
        if (nodeWeight == 0.0 && edgeWeight == 0.0) {
            throw CliException.usage("--node-weight 0 with --edge-weight 0: every distance"
                    + " would be 0; give one of them a positive value");
        }
    }

    /**
     * The class that a {@code --class} value names: the label written so, or else the one label
     * that text output shows so ({@link VisibleText#escape}; {@link VisibleText#unescape}
     * reads such a value back), so that a class printed with an escape (a unit separator as
     * {@code u001f} after a backslash, or an accented letter as standard output escapes it
     * under a locale whose charset lacks it) can be given as printed. A value that names no
     * class is returned as given, for the caller's refusal.
     */
    private static String named(GraphDataset dataset, String given) {
        Map<String, Integer> sizes = classSizes(dataset);
        if (sizes.containsKey(given)) {
            return given;
        }
        List<String> shown = sizes.keySet().stream()
                .filter(label -> VisibleText.escape(label).equals(given)
                        || label.equals(VisibleText.unescape(given))).toList();
        return shown.size() == 1 ? shown.get(0) : given;
    }

    /**
     * Returns the class sizes of the whole data set in the order of {@link LabelEncoder}, the
     * order of {@link GraphDataset#classes()} and of every class list of the commands (the
     * confusion matrix of {@code classify}, the classes of {@code cluster}): by value when
     * every label is an integer (labels of equal value, such as 1 and 01, by their text),
     * otherwise as strings ({@link String#compareTo}).
     */
    static Map<String, Integer> classSizes(GraphDataset dataset) {
        Map<String, Integer> counts = new HashMap<>();
        for (int g = 0; g < dataset.size(); g++) {
            String label = labelOf(dataset, g);
            if (label != null) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String label : LabelEncoder.of(counts.keySet()).labels()) {
            sizes.put(label, counts.get(label));
        }
        return sizes;
    }

    static String labelOf(GraphDataset dataset, int g) {
        List<String> labels = dataset.classLabels();
        return labels == null || g >= labels.size() ? null : labels.get(g);
    }

    private static GraphDataset read(Path path, MoleculeReader molecules,
            GraphMlReader graphMl) {
        try {
            GraphDataset dataset = DatasetLoader.load(path, molecules, graphMl);
            return isSplitFile(path) ? withRepeatNotes(dataset, path) : dataset;
        } catch (DatasetFormatException e) {
            throw CliException.data(e.getMessage() + (MoleculeReader.failedValenceCheck(e)
                    ? " (--no-valence-check accepts such molecules, --skip-invalid skips them)"
                    : ""), e);
        } catch (IOException e) {
            throw CliException.data("cannot read " + path + ": " + describe(e), e);
        } catch (UncheckedIOException e) {
            throw CliException.data("cannot read " + path + ": " + describe(e.getCause()), e);
        } catch (IllegalArgumentException e) {
            throw CliException.data(path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSplitFile(Path path) {
        return Files.isRegularFile(path)
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cxl");
    }

    /** Adds a note for every graph that an IAM split file lists twice (both are read). */
    private static GraphDataset withRepeatNotes(GraphDataset dataset, Path splitFile) {
        return dataset.withNotes(Splits.repeatNotes(splitFile, dataset));
    }

    /**
     * Returns whether a data set read from a path is the project's letters: named
     * {@link LetterDrawings#NAME}, with two node attribute columns and the class id of a drawn
     * letter on every graph.
     */
    private static boolean isLetters(GraphDataset dataset) {
        if (!dataset.name().equals(LetterDrawings.NAME) || !dataset.hasClasses()
                || !dataset.nodeChannels().equals(List.of("attr0", "attr1"))) {
            return false;
        }
        for (String label : dataset.classLabels()) {
            if (LetterDrawings.letterOf(label) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the letters as letters: the class ids of the TU files (a letter's position in the
     * alphabet, since TU labels are integers) become the letters A, E, F, ..., X, and the two
     * attribute columns, which the TU format leaves unnamed ({@code attr0}, {@code attr1}),
     * become {@code x} and {@code y}.
     */
    private static GraphDataset asLetters(GraphDataset letters) {
        List<String> channels = new ArrayList<>(letters.nodeChannels());
        channels.replaceAll(name -> name.equals("attr0") ? "x" : name.equals("attr1") ? "y"
                : name);
        GraphDataset named = new GraphDataset(letters.name(), letters.graphs(),
                letters.classLabels(), letters.graphNames(), channels, letters.edgeChannels(),
                letters.notes());
        return named.mapClasses(id -> {
            String letter = LetterDrawings.letterOf(id);
            if (letter == null) {
                throw CliException.data("the letters data set has the class id '" + id
                        + "', which is no drawn letter; expected one of "
                        + LetterDrawings.letters());
            }
            return letter;
        });
    }

    private static GraphDataset readEmbedded() {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("orbifold-letters");
            for (String name : DEFAULT_FILES) {
                try (InputStream in = Sample.class.getResourceAsStream(DEFAULT_RESOURCE + name)) {
                    if (in == null) {
                        throw CliException.data("the embedded letters are missing from the"
                                + " jar (" + DEFAULT_RESOURCE + name + "); rebuild with mvn"
                                + " package or pass a DATASET");
                    }
                    Files.copy(in, folder.resolve(name));
                }
            }
            return TuDatasetReader.read(folder);
        } catch (IOException e) {
            throw CliException.data("cannot unpack the embedded letters: " + describe(e), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary folder {}: {}", folder, e.toString());
        }
    }

    static void requireEqualDimensions(List<Graph> graphs, String source) {
        Graph first = graphs.get(0);
        for (int g = 1; g < graphs.size(); g++) {
            Graph other = graphs.get(g);
            if (other.nodeDimension() != first.nodeDimension()
                    || other.edgeDimension() != first.edgeDimension()) {
                throw CliException.data(source + ": graph " + g + " has " + other.nodeDimension()
                        + " node and " + other.edgeDimension() + " edge channels, graph 0 has "
                        + first.nodeDimension() + " and " + first.edgeDimension());
            }
        }
    }

    private static void requireWeight(String option, double weight) {
        if (!Double.isFinite(weight) || weight < 0.0) {
            throw CliException.usage(option + " must be finite and >= 0, got " + weight);
        }
    }

    /** Most entries of a folder looked at for {@link #noSuchPath}. */
    private static final int MAX_ENTRIES_COMPARED = 10_000;

    /**
     * Returns the message for a data path that does not exist, {@code "no such file or folder:
     * PATH"}, followed by {@code " (did you mean A, B or C?)"} when the nearest folder above
     * it that exists holds entries whose names are close to the first part of the path that
     * is missing there ({@link UsageErrors#useful}: a prefix, or an edit distance of at most a
     * third of the name, case ignored); each is given as the path would read with it, with
     * the rest of the path when that exists (a mistyped {@code Letter/low/train.cxl} suggests
     * {@code Letter/LOW/train.cxl}). At most three are named, closest first; entries that do
     * not exist themselves (symbolic links to missing targets) are not named. A path whose
     * first missing part is such a link says so and names the link's target, and the end of
     * its chain when the target is a link too, or says that the links form a loop.
     *
     * <p><b>Limitations.</b> Only the first missing part of the path is matched, and only
     * the first {@value #MAX_ENTRIES_COMPARED} entries of its folder; a folder that cannot be
     * listed gives no suggestion.
     *
     * @param location the path as given
     * @return the message
     */
    static String noSuchPath(String location) {
        String message = "no such file or folder: " + location + brokenLink(location);
        List<String> likely;
        try {
            likely = likelyPaths(Path.of(location));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            likely = List.of();
        }
        return likely.isEmpty() ? message
                : message + " (did you mean " + UsageErrors.alternatives(likely) + "?)";
    }

    private static List<String> likelyPaths(Path path) throws IOException {
        Path missing = firstMissing(path);
        Path parent = missing.getParent();
        Path folder = parent == null ? Path.of("") : parent;
        if (missing.getFileName() == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> names;
        try (var entries = Files.list(folder.toAbsolutePath())) {
            names = entries.limit(MAX_ENTRIES_COMPARED).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
        Path rest = missing.relativize(path);
        List<String> likely = new ArrayList<>();
        for (String name : UsageErrors.useful(missing.getFileName().toString(), names)) {
            Path candidate = parent == null ? Path.of(name) : parent.resolve(name);
            if (candidate.equals(missing) || !Files.exists(candidate)) {
                continue;
            }
            Path whole = candidate.resolve(rest);
            likely.add((Files.exists(whole) ? whole : candidate).toString());
        }
        return likely;
    }

    /** Most symbolic links followed in a chain before {@link #brokenLink} calls it a loop. */
    private static final int MAX_LINKS_FOLLOWED = 40;

    /**
     * Says why a path whose first missing part is a symbolic link does not exist:
     * {@code " (LINK is a symbolic link to TARGET, which does not exist)"}, with the chain's
     * end when the target is itself a link ({@code ", whose links lead to END, which does
     * not exist"}), or {@code " (LINK is a symbolic link in a loop)"}; an empty string when
     * that part is no symbolic link.
     */
    private static String brokenLink(String location) {
        try {
            Path link = firstMissing(Path.of(location));
            if (!Files.isSymbolicLink(link) || Files.exists(link)) {
                return "";
            }
            Path target = Files.readSymbolicLink(link);
            Path end = link.resolveSibling(target);
            Set<Path> seen = new HashSet<>(List.of(link.toAbsolutePath().normalize()));
            while (Files.isSymbolicLink(end)) {
                if (!seen.add(end.toAbsolutePath().normalize())
                        || seen.size() > MAX_LINKS_FOLLOWED) {
                    return " (" + link + " is a symbolic link in a loop)";
                }
                end = end.resolveSibling(Files.readSymbolicLink(end));
            }
            return " (" + link + " is a symbolic link to " + target + (end.equals(
                    link.resolveSibling(target)) ? "" : ", whose links lead to " + end)
                    + ", which does not exist)";
        } catch (IOException | InvalidPathException | SecurityException e) {
            return "";
        }
    }

    /**
     * Returns the first part of the path, from its start, under which nothing exists: the
     * path itself when its folder exists, else the nearest ancestor whose own folder is one.
     */
    private static Path firstMissing(Path path) {
        Path missing = path;
        Path parent = path.getParent();
        while (parent != null && !Files.isDirectory(parent)) {
            missing = parent;
            parent = parent.getParent();
        }
        return missing;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof NoSuchFileException) {
            return "no such file: " + message;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
