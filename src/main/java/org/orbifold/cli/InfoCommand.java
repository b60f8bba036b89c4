package org.orbifold.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.orbifold.space.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orbifold info}: counts, classes, orders, edges and channels of a data set. */
@Command(name = "info", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Describe a data set: graphs, classes, orders, edges, channels.")
final class InfoCommand implements Callable<Integer> {

    private static final int MAX_CHANNELS_SHOWN = 16;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET",
            description = "TU folder, IAM .cxl or .npy (default: the embedded letters).")
    String dataset;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        Sample sample = data.load(dataset);
        PrintWriter out = spec.commandLine().getOut();

        // Orders and edge counts of the graphs worked on.
        List<Graph> graphs = sample.graphs();
        int minOrder = Integer.MAX_VALUE;
        int maxOrder = 0;
        long nodes = 0;
        int minEdges = Integer.MAX_VALUE;
        int maxEdges = 0;
        long edges = 0;
        boolean directed = false;
        for (Graph g : graphs) {
            minOrder = Math.min(minOrder, g.order());
            maxOrder = Math.max(maxOrder, g.order());
            nodes += g.order();
            minEdges = Math.min(minEdges, g.edgeCount());
            maxEdges = Math.max(maxEdges, g.edgeCount());
            edges += g.edgeCount();
            directed |= g.isDirected();
        }
        int n = graphs.size();
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

        if (data.json) {
            Json json = new Json().put("dataset", sample.source())
                    .put("name", sample.dataset().name())
                    .put("class", sample.className())
                    .put("graphsInDataset", sample.dataset().size())
                    .put("graphs", n)
                    .put("classes", sorted)
                    .put("order", new Json().put("min", minOrder).put("mean", (double) nodes / n)
                            .put("max", maxOrder))
                    .put("edges", new Json().put("min", minEdges).put("mean", (double) edges / n)
                            .put("max", maxEdges).put("total", edges))
                    .put("nodeChannels", sample.nodeChannels())
                    .put("edgeChannels", sample.edgeChannels())
                    .put("directed", directed)
                    .put("notes", sample.dataset().notes());
            out.println(json);
            return 0;
        }

        out.printf(Locale.ROOT, "dataset   %s (%s)%n", sample.dataset().name(), sample.source());
        out.printf(Locale.ROOT, "graphs    %d%s%n", n, n == sample.dataset().size() ? ""
                : " of " + sample.dataset().size() + selection(sample));
        out.printf(Locale.ROOT, "classes   %s%n", sorted.isEmpty() ? "none" : sorted.size()
                + ": " + describe(sorted));
        out.printf(Locale.ROOT, "nodes     min %d, mean %.2f, max %d (total %d)%n", minOrder,
                (double) nodes / n, maxOrder, nodes);
        out.printf(Locale.ROOT, "edges     min %d, mean %.2f, max %d (total %d)%n", minEdges,
                (double) edges / n, maxEdges, edges);
        out.printf(Locale.ROOT, "node      %s%n", channels(sample.nodeChannels()));
        out.printf(Locale.ROOT, "edge      %s%n", channels(sample.edgeChannels()));
        out.printf(Locale.ROOT, "directed  %s%n", directed ? "yes" : "no");
        for (String note : sample.dataset().notes()) {
            out.printf(Locale.ROOT, "note      %s%n", note);
        }
        return 0;
    }

    private static String selection(Sample sample) {
        return sample.className() == null ? "" : " (class " + sample.className() + ")";
    }

    private static String describe(Map<String, Integer> classes) {
        List<String> parts = new ArrayList<>();
        classes.forEach((label, size) -> parts.add(label + " (" + size + ")"));
        return String.join(", ", parts);
    }

    static String channels(List<String> names) {
        if (names.isEmpty()) {
            return "no channels";
        }
        String shown = names.size() <= MAX_CHANNELS_SHOWN ? String.join(", ", names)
                : String.join(", ", names.subList(0, MAX_CHANNELS_SHOWN)) + ", ... ("
                        + (names.size() - MAX_CHANNELS_SHOWN) + " more)";
        return names.size() + (names.size() == 1 ? " channel: " : " channels: ") + shown;
    }
}
