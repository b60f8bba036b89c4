package org.orbifold.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.JsonWriter;
import org.orbifold.io.Presence;
import org.orbifold.io.TextFiles;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

/**
 * Reads a center graph (a mean or median) back as one graph: the nodes whose existence value
 * is at least {@value #THRESHOLD}, each with its attributes, where a one-hot label group
 * (channels named {@code group=label}) is read as its most likely label (none, shown as
 * missing, when all its channels are 0), and the edges among those nodes whose presence
 * value is at least {@value #THRESHOLD}.
 *
 * <p>What the values mean depends on the channels, and the output says which applies: the
 * rules are {@link Presence}'s, which the SVG drawings ({@code io.SvgDrawing}) share.
 *
 * <p><b>Attributes given existence.</b> A center's channel is an average in which a graph
 * without a real node there counts 0, so the raw value of a node that half the graphs have
 * at {@code x = 10} is 5. When existence is a probability ({@link Presence#isProbability}),
 * the decoded attributes are those given that the node exists ({@link Presence#given}): each
 * channel divided by the node's existence, which for a mean is the average over the graphs
 * whose aligned node is real, for a median the same weighted by the last Weiszfeld step's
 * weights, and for a one-hot group the probability of the label given that the node exists.
 * Edge attributes are decoded alike, given the edge's presence when that is a probability.
 * The raw values stay in the JSON's {@code nodes} and {@code edges[].value}; without an
 * existence (presence) probability the decoded values are the raw ones. The JSON fields
 * {@code attributesGivenExistence} and {@code edgeAttributesGivenPresence} say whether the
 * rule applies (existence, presence, is a probability), even where it changes nothing
 * because every kept node exists with probability 1; the text report's note on it
 * ({@link #givenExistenceNote}) appears only when some kept node's existence is below 1.
 */
final class CenterGraph {

    /** Smallest existence value of a node that is read as present. */
    static final double THRESHOLD = 0.5;
    /**
     * How far below 1 a kept node's existence may lie and still count as 1 for the note that
     * attributes are given existence: an average of ones may differ from 1 by rounding, and
     * dividing by it changes no printed digit.
     */
    static final double CERTAIN_SLACK = 1e-12;
    /** Decimals of a plain node attribute in the summary, unless its spread needs more. */
    private static final int DECIMALS = 3;
    /** Most decimals of a plain node attribute in the summary. */
    private static final int MAX_DECIMALS = 16;

    private static final int MAX_EDGES_SHOWN = 40;
    private static final int EDGES_PER_LINE = 8;

    private CenterGraph() {
    }

    /**
     * A node attribute read back: a plain channel's value ({@code oneHot} false, {@code label}
     * null), or a one-hot group's most likely label with its weight, where a group whose
     * channels are all 0 has no label ({@code label} null): a missing value is encoded as no
     * label at all (docs/formats.md), so no node that reached this one had a value.
     */
    private record Attribute(String label, double value, boolean oneHot) {

        /** Text of a group without a value, in place of a label and its weight. */
        static final String MISSING = "(missing)";

        /**
         * Returns the value as printed in the summary: if plain, with the given decimals when
         * in scientific notation, else with {@link #DECIMALS}.
         */
        String text(int decimals) {
            if (!oneHot) {
                return Numbers.decimal(value, Math.abs(value) >= Numbers.SCIENTIFIC_FROM
                        ? decimals : DECIMALS);
            }
            return label == null ? MISSING : String.format(Locale.ROOT, "%s (%.2f)",
                    shownLabel(VisibleText.abbreviate(label)), value);
        }

        /**
         * The label as printed: quoted within apostrophes when it is {@link #MISSING}, bare
         * or within any number of apostrophes on each side, else as it is; so that no
         * label prints as the marker and two labels never print alike.
         */
        static String shownLabel(String label) {
            int from = 0;
            int to = label.length();
            while (from + 1 < to && label.charAt(from) == '\''
                    && label.charAt(to - 1) == '\'') {
                from++;
                to--;
            }
            return MISSING.equals(label.substring(from, to)) ? "'" + label + "'" : label;
        }

        /**
         * Writes the value: a number, or an object with the label (null when missing) and its
         * weight.
         */
        void write(JsonWriter json) {
            if (!oneHot) {
                json.value(value);
                return;
            }
            json.beginObject().name("label").value(label).name("weight").value(value)
                    .endObject();
        }
    }

    /** Writes the JSON form: all values, plus the decoded nodes and edges. */
    static void write(JsonWriter json, Graph center, List<String> nodeChannels,
            List<String> edgeChannels) {
        List<Integer> kept = keptNodes(center, nodeChannels);
        Presence nodeExistence = Presence.nodeExistence(nodeChannels);
        Presence edgePresence = Presence.edgePresence(edgeChannels);
        String edgeField = edgePresence.isProbability() ? "edgeProbability" : "edgeNorm";
        json.beginObject();
        json.name("order").value(center.order());
        json.name("directed").value(center.isDirected());
        JsonOutput.strings(json.name("nodeChannels"), nodeChannels);
        JsonOutput.strings(json.name("edgeChannels"), edgeChannels);
        json.name("existenceThreshold").value(THRESHOLD);
        nodeExistence.write(json.name("nodeExistence"));
        edgePresence.write(json.name("edgePresence"));
        json.name("attributesGivenExistence").value(nodeExistence.isProbability());
        json.name("edgeAttributesGivenPresence").value(edgePresence.isProbability());
        JsonOutput.integers(json.name("keptNodes"), kept);

        // The kept nodes, decoded.
        json.name("decodedNodes").beginArray();
        for (int i : kept) {
            json.beginObject();
            json.name("node").value(i);
            json.name("exists").value(existence(center, i, nodeChannels));
            writeAttributes(json.name("attributes"), nodeAttributes(center, i, nodeChannels));
            json.endObject();
        }
        json.endArray();

        // All node and edge values.
        json.name("nodes").beginArray();
        for (int i = 0; i < center.order(); i++) {
            json.value(center.nodeVector(i));
        }
        json.endArray();
        json.name("edges").beginArray();
        for (int[] e : edges(center)) {
            json.beginObject();
            json.name("from").value(e[0]).name("to").value(e[1]);
            json.name("value").value(center.edgeVector(e[0], e[1]));
            json.name(edgeField).value(edgePresence.of(center.edgeVector(e[0], e[1])));
            writeAttributes(json.name("attributes"), edgeAttributes(center, e[0], e[1],
                    edgeChannels));
            json.name("betweenKeptNodes").value(kept.contains(e[0]) && kept.contains(e[1]));
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** Prints the decoded graph as a small table and an edge list. */
    static void summary(PrintWriter w, Graph center, List<String> nodeChannels,
            List<String> edgeChannels) {
        List<Integer> kept = keptNodes(center, nodeChannels);
        Presence existence = Presence.nodeExistence(nodeChannels);
        w.printf(Locale.ROOT, "center      %d of %d nodes with existence >= %.1f (%s)%n",
                kept.size(), center.order(), THRESHOLD, VisibleText.escape(existence.source()));
        Map<String, Integer> decimals = decimals(center, kept, nodeChannels);
        for (int i : kept) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "  node %2d  exists %.2f ", i, existence(center, i, nodeChannels)));
            nodeAttributes(center, i, nodeChannels).forEach((name, value) -> line.append(' ')
                    .append(VisibleText.abbreviate(name)).append(' ')
                    .append(value.text(decimals.getOrDefault(name, DECIMALS))));
            w.println(VisibleText.escape(TextFiles.unpadEnd(line.toString())));
        }

        // Edges among kept nodes whose presence value reaches the threshold.
        Presence presence = Presence.edgePresence(edgeChannels);
        List<int[]> strong = new ArrayList<>();
        int weak = 0;
        for (int[] e : edges(center)) {
            if (kept.contains(e[0]) && kept.contains(e[1])) {
                if (presence.of(center.edgeVector(e[0], e[1])) >= THRESHOLD) {
                    strong.add(e);
                } else {
                    weak++;
                }
            }
        }
        strong.sort((a, b) -> Double.compare(presence.of(center.edgeVector(b[0], b[1])),
                presence.of(center.edgeVector(a[0], a[1]))));
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < Math.min(strong.size(), MAX_EDGES_SHOWN); k++) {
            int[] e = strong.get(k);
            shown.add(String.format(Locale.ROOT, "%d%s%d %s", e[0], center.isDirected()
                    ? "->" : "-", e[1], edgeValue(center, e[0], e[1], edgeChannels, presence)));
        }
        if (strong.size() > MAX_EDGES_SHOWN) {
            shown.add("... (" + (strong.size() - MAX_EDGES_SHOWN) + " more)");
        }
        w.printf(Locale.ROOT, "edges       %d with %s >= %.1f among them (%d below; %s = %s)%s%n",
                strong.size(), presence.measure(), THRESHOLD, weak, presence.measure(),
                VisibleText.escape(presence.source()), strong.isEmpty() ? "" : ":");
        for (int k = 0; k < shown.size(); k += EDGES_PER_LINE) {
            w.println("  " + VisibleText.escape(String.join(", ",
                    shown.subList(k, Math.min(shown.size(), k + EDGES_PER_LINE)))));
        }
    }

    /**
     * Returns the note that the decoded node attributes are given that the node exists, or
     * null when that changes none of them: when existence is no probability, no attribute
     * besides it, or every kept node exists with probability 1 (up to rounding,
     * {@value #CERTAIN_SLACK} below it), so that the decoded values are the raw ones. The
     * JSON field {@code attributesGivenExistence} says instead whether the rule applies.
     *
     * @param center the center graph
     * @param nodeChannels the node channel names
     * @param average what the quotient averages, such as "the average over the graphs that
     *     have the node"
     * @return the note, or null
     */
    static String givenExistenceNote(Graph center, List<String> nodeChannels, String average) {
        Presence existence = Presence.nodeExistence(nodeChannels);
        if (!existence.isProbability() || !hasAttributes(nodeChannels, existence)) {
            return null;
        }
        boolean uncertain = false;
        for (int i : keptNodes(center, nodeChannels)) {
            uncertain |= existence(center, i, nodeChannels) < 1.0 - CERTAIN_SLACK;
        }
        return uncertain ? "node attributes are given that the node exists (value / existence: "
                + average + ")" : null;
    }

    static List<Integer> keptNodes(Graph center, List<String> nodeChannels) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < center.order(); i++) {
            if (existence(center, i, nodeChannels) >= THRESHOLD) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static double existence(Graph center, int i, List<String> nodeChannels) {
        return Presence.nodeExistence(nodeChannels).of(center.nodeVector(i));
    }

    /**
     * Returns the decimals to print each plain channel with over the kept nodes: 3 (fixed
     * point below {@code 1e9}, scientific from it, as {@link Numbers#decimal} writes), or, for
     * its values of magnitude {@code 1e9} or more, more when 3 scientific decimals
     * are coarser than a tenth of the smallest difference between two of its values, so that
     * such values (near {@code 1e9} with differences near 1, say) do not print alike: then
     * enough for a hundredth of that difference, at most 16.
     */
    private static Map<String, Integer> decimals(Graph center, List<Integer> kept,
            List<String> channels) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int i : kept) {
            nodeAttributes(center, i, channels).forEach((name, value) -> {
                if (!value.oneHot()) {
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value.value());
                }
            });
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            double largest = 0.0;
            for (double v : list) {
                largest = Math.max(largest, Math.abs(v));
            }
            if (!(largest >= Numbers.SCIENTIFIC_FROM) || !Double.isFinite(largest)) {
                return;
            }
            list.sort(Double::compare);
            double gap = Double.POSITIVE_INFINITY;
            for (int k = 1; k < list.size(); k++) {
                double d = list.get(k) - list.get(k - 1);
                if (d > 0.0) {
                    gap = Math.min(gap, d);
                }
            }
            double unit = Math.pow(10.0, Math.floor(Math.log10(largest)) - DECIMALS);
            if (!(unit > gap / 10.0) || !Double.isFinite(gap)) {
                return;
            }
            int more = (int) Math.ceil(Math.log10(unit / (gap / 100.0)));
            result.put(name, Math.min(DECIMALS + more, MAX_DECIMALS));
        });
        return result;
    }

    /**
     * Returns whether the channels hold anything besides the presence channel (the
     * {@code exists} channel, or the leading one-hot group presence is read from, which is
     * an attribute too).
     */
    private static boolean hasAttributes(List<String> channels, Presence presence) {
        return presence.size() != 1 || channels.size() > 1;
    }

    /**
     * Returns a node's attributes given that it exists ({@link Presence#given}), or as they
     * are when existence is no probability; null when the existence is below
     * {@link Presence#LEAST_DIVISOR}.
     */
    private static Map<String, Attribute> nodeAttributes(Graph center, int i,
            List<String> channels) {
        double[] v = Presence.nodeExistence(channels).given(center.nodeVector(i));
        return v == null ? null : attributes(v, channels, NodeExistence.CHANNEL_NAME);
    }

    /**
     * Returns an edge's attributes given that it is present ({@link Presence#given}), or as
     * they are when presence is no probability; null when the presence is below
     * {@link Presence#LEAST_DIVISOR}.
     */
    private static Map<String, Attribute> edgeAttributes(Graph center, int i, int j,
            List<String> channels) {
        double[] v = Presence.edgePresence(channels).given(center.edgeVector(i, j));
        return v == null ? null : attributes(v, channels, GraphDataset.EDGE_CHANNEL);
    }

    /** Writes attributes as an object of their names, or null for none given. */
    private static void writeAttributes(JsonWriter json, Map<String, Attribute> attributes) {
        if (attributes == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        attributes.forEach((name, value) -> value.write(json.name(name)));
        json.endObject();
    }

    /**
     * Returns the attributes of a vector by name, in channel order, the channel
     * {@code skipped} left out: plain channels by value, one-hot groups by their most likely
     * label, or as missing when every channel of the group is 0.
     */
    private static Map<String, Attribute> attributes(double[] v, List<String> channels,
            String skipped) {
        Map<String, Attribute> result = new LinkedHashMap<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        Set<String> valued = new HashSet<>();
        for (int c = 0; c < channels.size(); c++) {
            String name = channels.get(c);
            int split = name.indexOf(Presence.GROUP_SEPARATOR);
            if (name.equals(skipped)) {
                continue;
            }
            if (split > 0) {
                String group = name.substring(0, split);
                Integer best = groups.get(group);
                if (best == null || v[c] > v[best]) {
                    groups.put(group, c);
                }
                if (v[c] != 0.0) {
                    valued.add(group);
                }
                result.putIfAbsent(group, null);
            } else {
                result.put(name, new Attribute(null, v[c], false));
            }
        }
        groups.forEach((group, c) -> result.put(group, !valued.contains(group)
                ? new Attribute(null, 0.0, true)
                : new Attribute(channels.get(c).substring(group.length()
                        + Presence.GROUP_SEPARATOR.length()), v[c], true)));
        return result;
    }

    /** Returns the pairs with a non-zero edge vector; each undirected edge once. */
    private static List<int[]> edges(Graph center) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < center.order(); i++) {
            for (int j : center.successors(i)) {
                if (center.isDirected() || i < j) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return edges;
    }

    /**
     * Writes an edge's presence value and, when the edge channels hold a one-hot group of
     * several labels, the name of its largest channel when that is positive (none for a
     * missing label): the group presence is read from, else the first group among the other
     * channels (the presence channel {@code edge} and plain channels, such as a weight, are
     * not labels and are never named).
     */
    private static String edgeValue(Graph center, int i, int j, List<String> channels,
            Presence presence) {
        double[] v = center.edgeVector(i, j);
        String value = String.format(Locale.ROOT, "%.2f", presence.of(v));
        int from = presence.size() > 1 ? presence.offset() : firstGroup(channels);
        if (from < 0) {
            return value;
        }
        String prefix = channels.get(from).substring(0, channels.get(from).indexOf('=') + 1);
        int to = from;
        while (to < channels.size() && channels.get(to).startsWith(prefix)) {
            to++;
        }
        if (to - from < 2) {
            return value;
        }
        int best = from;
        for (int c = from + 1; c < to; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return v[best] > 0.0 ? value + " (top " + VisibleText.abbreviate(channels.get(best))
                + ")" : value;
    }

    /** Returns the index of the first channel of a one-hot group ({@code name=label}), or -1. */
    private static int firstGroup(List<String> channels) {
        for (int c = 0; c < channels.size(); c++) {
            if (channels.get(c).contains("=")) {
                return c;
            }
        }
        return -1;
    }
}
