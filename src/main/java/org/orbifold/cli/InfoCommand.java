package org.orbifold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.io.Presence;
import org.orbifold.space.Graph;
import picocli.CommandLine.Command;

/**
 * {@code orbifold info}: counts, classes, orders, edges and channels of a data set. The graphs
 * without edges are counted, so that an edge file that lost lines (which a TU folder cannot
 * tell from graphs that have none) shows; so are the graphs without nodes, which a minimum
 * order of 0 alone does not count. Edges are counted as {@link Graph#edgeCount} counts them:
 * unordered pairs of nodes in undirected graphs, ordered pairs in directed ones (the line and
 * the JSON's {@code edges.counted} say which), so that a set stored with every edge in both
 * directions but read as directed (IAM Fingerprint, whose attributes change with the
 * direction) shows about twice the edge count of tables that count unordered pairs.
 */
@Command(name = "info", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Describe a data set: graphs, classes, orders, edges, channels.")
final class InfoCommand extends DatasetCommand {

    private static final int MAX_CHANNELS_SHOWN = 16;

    /**
     * The words the {@code edges} line adds for directed graphs, whose edges are counted as
     * ordered pairs ({@link Graph#edgeCount}): an edge stored in both directions with
     * different attributes counts twice.
     */
    static final String ORDERED_PAIRS = "counted as ordered pairs (the graphs are directed:"
            + " an edge stored both ways counts twice)";

    /** The words after the count of the classes or channels that a text line leaves out. */
    static final String JSON_LISTS_ALL = "--json lists them all";

    /** Classes listed by name in the text output; the rest are counted. */
    static final int MAX_CLASSES_SHOWN = 20;

    /**
     * Fewest classes, and least share of the labelled graphs that have a class of their own,
     * for which the class column is said to look like an identifier.
     */
    static final int IDENTIFIER_MIN_CLASSES = 20;
    static final double IDENTIFIER_SHARE = 0.9;

    @Override
    public Integer call() {
        Sample sample = load();
        PrintWriter out = out();

        // Orders and edge counts of the graphs worked on.
        List<Graph> graphs = sample.graphs();
        IntSummaryStatistics orders = graphs.stream().mapToInt(Graph::order).summaryStatistics();
        IntSummaryStatistics edges = graphs.stream().mapToInt(Graph::edgeCount)
                .summaryStatistics();
        // Graphs without edges: a few are normal (single atoms), many may be a lost edge file.
        long edgeless = graphs.stream().filter(g -> g.edgeCount() == 0).count();
        // Graphs without nodes (Fingerprint has many), which the minimum alone hides.
        long empty = sample.graphsWithoutNodes();
        boolean directed = graphs.stream().anyMatch(Graph::isDirected);
        int n = graphs.size();

        // Class sizes among them, in the data set's order of classes.
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (String label : sample.labels()) {
            if (label != null) {
                classes.merge(label, 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        for (String label : Sample.classSizes(sample.dataset()).keySet()) {
            if (classes.containsKey(label)) {
                sorted.put(label, classes.get(label));
            }
        }

        // The graphs of the chosen class in the whole data set, before --limit.
        Integer classSize = sample.className() == null ? null
                : Sample.classSizes(sample.dataset()).get(sample.className());
        if (data.json) {
            out.println(JsonOutput.text(json -> {
                json.beginObject();
                json.name("command").value("info");
                json.name("dataset").value(sample.source());
                json.name("name").value(sample.dataset().name());
                json.name("class").value(sample.className());
                json.name("graphsInDataset").value(sample.dataset().size());
                JsonOutput.integer(json.name("graphsInClass"), classSize);
                json.name("graphs").value(n);
                json.name("classes").beginObject();
                sorted.forEach((label, size) -> json.name(label).value(size));
                json.endObject();
                json.name("order").beginObject().name("min").value(orders.getMin())
                        .name("mean").value(orders.getAverage())
                        .name("max").value(orders.getMax())
                        .name("total").value(orders.getSum()).endObject();
                json.name("edges").beginObject().name("min").value(edges.getMin())
                        .name("mean").value(edges.getAverage())
                        .name("max").value(edges.getMax())
                        .name("total").value(edges.getSum())
                        .name("counted").value(directed ? "ordered pairs" : "unordered pairs")
                        .endObject();
                json.name("graphsWithoutNodes").value(empty);
                json.name("graphsWithoutEdges").value(edgeless);
                JsonOutput.strings(json.name("nodeChannels"), sample.nodeChannels());
                JsonOutput.strings(json.name("edgeChannels"), sample.edgeChannels());
                json.name("directed").value(directed);
                JsonOutput.strings(json.name("notes"), notes(sample, sorted));
                json.endObject();
            }));
            return 0;
        }

        out.printf(Locale.ROOT, "dataset   %s (%s)%n", VisibleText.escape(sample.dataset()
                .name()), VisibleText.escape(sample.source()));
        out.printf(Locale.ROOT, "graphs    %s%n", graphsWords(n, sample.dataset().size(),
                sample.className(), classSize));
        out.printf(Locale.ROOT, "classes   %s%n", sorted.isEmpty() ? "none" : sorted.size()
                + ": " + describe(sorted));
        out.printf(Locale.ROOT, "nodes     min %d, mean %.2f, max %d (total %d%s)%n",
                orders.getMin(), orders.getAverage(), orders.getMax(), orders.getSum(),
                empty == 0 ? "" : "; " + CenterCommand.graphs((int) empty) + " without nodes");
        out.printf(Locale.ROOT, "edges     min %d, mean %.2f, max %d (total %d%s)%s%n",
                edges.getMin(), edges.getAverage(), edges.getMax(), edges.getSum(),
                edgeless == 0 ? "" : "; " + edgeless + (edgeless == 1 ? " graph" : " graphs")
                + " without edges", directed ? ", " + ORDERED_PAIRS : "");
        out.printf(Locale.ROOT, "node      %s%n", channels(sample.nodeChannels()));
        out.printf(Locale.ROOT, "edge      %s%n", channels(sample.edgeChannels()));
        out.printf(Locale.ROOT, "directed  %s%n", directed ? "yes" : "no");
        for (String note : notes(sample, sorted)) {
            out.printf(Locale.ROOT, "note      %s%n", VisibleText.escape(note));
        }
        return 0;
    }

    /**
     * The data set's own notes, then, for a split of an IAM set that {@code classify} recodes
     * (AIDS, Fingerprint, Protein; {@link Splits.IamSet}), a note saying so, and for
     * Fingerprint one on its classes (or, in a folder of such a set whose graphs lack
     * attributes of its recoding, a note that classify reads them as stored):
     * this command shows attributes and classes as stored, which is what every command but
     * {@code classify} works on. Last, when nearly every graph has a class of its own, a note
     * that the labels look like identifiers rather than classes.
     */
    private List<String> notes(Sample sample, Map<String, Integer> classes) {
        List<String> notes = new ArrayList<>(sample.dataset().notes());
        String identifiers = identifierNote(classes, data.labelProperty);
        if (identifiers != null) {
            notes.add(identifiers);
        }
        if (dataset != null && dataset.endsWith(".cxl")) {
            Splits.IamSet set = Splits.IamSet.of(List.of(Path.of(dataset)));
            IamDatasetReader.Recoding recoding = Splits.recoding(set.recoded());
            if (!recoding.equals(IamDatasetReader.Recoding.none())) {
                notes.add("channels as stored; classify reads this IAM set recoded ("
                        + recoding.describe() + ") unless given --raw-attributes");
            }
            if (sample.dataset().hasClasses() && Splits.hasBenchmarkClasses(set.recoded())) {
                notes.add("classes as stored; classify merges them into the IAM four-class"
                        + " problem (first letter of the label; tented arch T counted as"
                        + " arch A)");
            }
            if (set.note() != null) {
                notes.add(set.note());
            }
        }
        return notes;
    }

    /**
     * Returns the words of the {@code graphs} line: {@code "750"} for the whole data set,
     * {@code "3 of 750"} for the first graphs of it ({@code --limit}), {@code "50 of class A
     * (750 graphs in the data set)"} for a class, and {@code "3 of the 50 of class A (750
     * graphs in the data set)"} for the first graphs of a class, so that the count of the
     * data set is not read as that of the class.
     *
     * @param n the graphs described
     * @param total the graphs of the data set
     * @param className the class selected, or null
     * @param classSize the graphs of that class in the data set, or null when unknown
     * @return the words
     */
    static String graphsWords(int n, int total, String className, Integer classSize) {
        if (className == null) {
            return n == total ? Integer.toString(n) : n + " of " + total;
        }
        String inDataset = " (" + total + (total == 1 ? " graph" : " graphs")
                + " in the data set)";
        String name = "class " + VisibleText.escape(className);
        if (classSize == null) {
            return n + " of " + name + inDataset;
        }
        return (n == classSize ? n + " of " : n + " of the " + classSize + " of ") + name
                + inDataset;
    }

    /**
     * Lists the classes with their sizes, the first {@link #MAX_CLASSES_SHOWN} by name and the
     * rest as a count, followed by {@link #JSON_LISTS_ALL}.
     */
    static String describe(Map<String, Integer> classes) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> c : classes.entrySet()) {
            if (parts.size() == MAX_CLASSES_SHOWN) {
                parts.add("... (" + (classes.size() - MAX_CLASSES_SHOWN) + " more; "
                        + JSON_LISTS_ALL + ")");
                break;
            }
            parts.add(VisibleText.escape(VisibleText.abbreviate(c.getKey())) + " ("
                    + c.getValue() + ")");
        }
        return String.join(", ", parts);
    }

    /**
     * Returns a note when the class labels look like identifiers: at least
     * {@link #IDENTIFIER_MIN_CLASSES} classes, and at least {@link #IDENTIFIER_SHARE} of the
     * labelled graphs in a class of one; null otherwise.
     *
     * @param classes class sizes
     * @param column the label column or data item the user named, or null
     */
    static String identifierNote(Map<String, Integer> classes, String column) {
        int labelled = 0;
        int alone = 0;
        for (int size : classes.values()) {
            labelled += size;
            if (size == 1) {
                alone++;
            }
        }
        if (classes.size() < IDENTIFIER_MIN_CLASSES || alone < IDENTIFIER_SHARE * labelled) {
            return null;
        }
        String source = column == null ? "the class labels look"
                : "the label property '" + column.strip() + "' looks";
        return String.format(Locale.ROOT, "%d of %d labelled graphs have a class of their own:"
                + " %s like an identifier rather than a class", alone, labelled, source);
    }

    /**
     * Lists the channel names for the text output, the first {@link #MAX_CHANNELS_SHOWN} by
     * name and the rest as a count, followed by {@link #JSON_LISTS_ALL}; an attribute name or
     * a category longer than {@link VisibleText#MAX_NAME_SHOWN} characters is abbreviated
     * ({@link VisibleText#abbreviate}), so that a long text attribute does not print a line
     * of a megabyte. The JSON output lists the names
     * whole.
     */
    static String channels(List<String> names) {
        if (names.isEmpty()) {
            return "no channels";
        }
        List<String> escaped = names.stream().map(InfoCommand::abbreviateChannel)
                .map(VisibleText::escape).toList();
        String shown = names.size() <= MAX_CHANNELS_SHOWN ? String.join(", ", escaped)
                : String.join(", ", escaped.subList(0, MAX_CHANNELS_SHOWN)) + ", ... ("
                        + (names.size() - MAX_CHANNELS_SHOWN) + " more; " + JSON_LISTS_ALL
                        + ")";
        return names.size() + (names.size() == 1 ? " channel: " : " channels: ") + shown;
    }

    /** A channel name {@code attribute=category} with each part abbreviated. */
    private static String abbreviateChannel(String name) {
        int split = name.indexOf(Presence.GROUP_SEPARATOR);
        if (split < 0) {
            return VisibleText.abbreviate(name);
        }
        return VisibleText.abbreviate(name.substring(0, split)) + Presence.GROUP_SEPARATOR
                + VisibleText.abbreviate(name.substring(split
                        + Presence.GROUP_SEPARATOR.length()));
    }
}
