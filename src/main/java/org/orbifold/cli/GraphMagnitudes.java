package org.orbifold.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The check, before any alignment, that the distances a command will form stay within double
 * precision, with a refusal that names the options at fault. Every aligner supports pairs of
 * graphs whose weighted norms multiply to at most {@link Aligners#MAX_NORM_PRODUCT}
 * ({@code 1e150}), so every graph a command aligns (and every mean of them) must have a
 * weighted squared norm of at most that value:
 *
 * <pre>
 *   ||x||^2 = node weight x (A + E^2 X) + edge weight x B
 * </pre>
 *
 * <p>where {@code A} sums the squares of the node attributes as the command scales them,
 * {@code X} those of the node-existence channel, {@code E} the value that channel is scaled to
 * ({@code classify --existence}; 1, the data's own values, elsewhere) and {@code B} the squares
 * of the edge attributes. Each part must also be finite by itself, since even a zero weight
 * times an infinite part is no number. The refusal looks at the graph with the largest norm and
 * blames the largest of its three weighted terms: its weight when that is above 1, the
 * existence value when it is an option above 1, and otherwise (or also, when the unweighted
 * part alone is beyond the limit) the data's attributes. When one option alone is at fault,
 * it names the largest value of that option that the data allows, the others unchanged.
 * A refusal that names only options is a usage error; one that blames the data is a data
 * error.
 *
 * <p><b>Limitations.</b> Attributes that are fitted on the training graphs
 * ({@code classify --standardize}, a node kernel) are not known before the fit: then only the
 * existence channel is counted ({@link Scaling#attributesKnown()}), a check that is necessary
 * but not sufficient; the aligners' own check still refuses what it misses, naming the
 * weights.
 */
final class GraphMagnitudes {

    /** The largest weighted squared norm of a graph: {@link Aligners#MAX_NORM_PRODUCT}. */
    static final double LIMIT = Aligners.MAX_NORM_PRODUCT;

    /**
     * How a command scales its graphs before aligning them, as far as that is known before
     * any fit.
     *
     * @param nodeFactors the factor of each node channel (that of the existence channel is
     *     ignored), or null for factors of 1; not modified
     * @param attributesKnown whether the scaled node and edge attributes are known before the
     *     fit; false with {@code --standardize} or a node kernel, when only the existence
     *     channel is counted
     * @param existence the value the existence channel is multiplied by
     * @param existenceOption whether that value is the {@code --existence} option (otherwise
     *     the data's own existence values are used as they are)
     */
    record Scaling(double[] nodeFactors, boolean attributesKnown, double existence,
            boolean existenceOption) {

        /** The graphs as read: no attribute scaled, the existence channel as it is. */
        static final Scaling AS_READ = new Scaling(null, true, 1.0, false);
    }

    /** The unweighted parts of one graph's squared norm: {@code A}, {@code X}, {@code B}. */
    private record Parts(double attributes, double existence, double edges) {
    }

    /** The weighted terms of one graph's squared norm, each infinite if its part is. */
    private record Terms(double attributes, double existence, double edges) {

        double total() {
            return attributes + existence + edges;
        }
    }

    private GraphMagnitudes() {
    }

    /**
     * Fails, before any alignment, when some graph's weighted squared norm, as the command will
     * scale and weigh it, exceeds {@link #LIMIT} or some part of it is not finite.
     *
     * @param graphs the graphs the command aligns, with the channels of {@code nodeChannels}
     * @param existenceChannel the index of the node-existence channel, or -1 for none
     * @param nodeWeight the node weight, finite and {@code >= 0}
     * @param edgeWeight the edge weight, finite and {@code >= 0}
     * @param scaling how the command scales the graphs
     * @param command the command, for the options' values as typed
     * @param what names graph {@code g} in a message about the data, such as
     *     {@code "graph 17"}
     * @throws CliException a usage error naming the options at fault, or a data error when
     *     the data's attributes are
     */
    static void require(List<Graph> graphs, int existenceChannel, double nodeWeight,
            double edgeWeight, Scaling scaling, CommandSpec command,
            IntFunction<String> what) {
        List<Parts> parts = new ArrayList<>(graphs.size());
        int worst = -1;
        double largest = -1.0;
        for (int g = 0; g < graphs.size(); g++) {
            Parts p = parts(graphs.get(g), existenceChannel, scaling);
            parts.add(p);
            double total = terms(p, nodeWeight, edgeWeight, scaling.existence()).total();
            if (!(total <= largest) && !(total <= LIMIT)) {
                worst = g;
                largest = Double.isNaN(total) ? Double.POSITIVE_INFINITY : total;
            }
        }
        if (worst < 0) {
            return;
        }
        throw refusal(parts, worst, nodeWeight, edgeWeight, scaling, command,
                what.apply(worst));
    }

    /** Returns the parts of one graph's squared norm under the scaling. */
    private static Parts parts(Graph g, int existenceChannel, Scaling scaling) {
        double attributes = 0.0;
        double existence = 0.0;
        double[] factors = scaling.nodeFactors();
        for (int i = 0; i < g.order(); i++) {
            for (int c = 0; c < g.nodeDimension(); c++) {
                double value = g.node(i, c);
                if (c == existenceChannel) {
                    existence += value * value;
                } else if (scaling.attributesKnown()) {
                    double scaled = factors == null ? value : value * factors[c];
                    attributes += scaled * scaled;
                }
            }
        }
        double edges = scaling.attributesKnown() ? g.edgeSquaredNorm() : 0.0;
        return new Parts(attributes, existence, edges);
    }

    /**
     * Returns the weighted terms; a term whose unweighted part is infinite is infinite, even
     * at weight 0 (the space would form 0 times infinity).
     */
    private static Terms terms(Parts p, double nodeWeight, double edgeWeight, double existence) {
        double existencePart = p.existence() == 0.0 ? 0.0
                : existence * existence * p.existence();
        return new Terms(weighted(nodeWeight, p.attributes()),
                weighted(nodeWeight, existencePart), weighted(edgeWeight, p.edges()));
    }

    private static double weighted(double weight, double part) {
        return Double.isFinite(part) ? weight * part : Double.POSITIVE_INFINITY;
    }

    /** Builds the refusal for the graph {@code worst}. */
    private static CliException refusal(List<Parts> parts, int worst, double nodeWeight,
            double edgeWeight, Scaling scaling, CommandSpec command, String graph) {
        Parts p = parts.get(worst);
        double e = scaling.existence();
        Terms t = terms(p, nodeWeight, edgeWeight, e);

        // The options at fault, and whether the data is, by the largest weighted term.
        List<String> options = new ArrayList<>();
        boolean data;
        String dataPart;
        if (t.edges() >= t.attributes() && t.edges() >= t.existence()) {
            if (edgeWeight > 1.0) {
                options.add("--edge-weight");
            }
            data = edgeWeight <= 1.0 || !(p.edges() <= LIMIT);
            dataPart = "edge attributes";
        } else if (t.existence() > t.attributes()) {
            if (scaling.existenceOption() && e > 1.0) {
                options.add("--existence");
            }
            if (nodeWeight > 1.0) {
                options.add("--node-weight");
            }
            data = options.isEmpty();
            dataPart = "node-existence values";
        } else {
            if (nodeWeight > 1.0) {
                options.add("--node-weight");
            }
            data = nodeWeight <= 1.0 || !(p.attributes() <= LIMIT);
            dataPart = "node attributes";
        }

        List<String> named = new ArrayList<>();
        for (String option : options) {
            named.add(option + " " + RealValue.typed(command, option, value(option, nodeWeight,
                    edgeWeight, e)));
        }
        String subject = data ? "the " + dataPart + " of " + graph
                + (named.isEmpty() ? " are" : " with " + Splits.series(named) + " are")
                : Splits.series(named) + (named.size() == 1 ? " is" : " are");
        String weighted = scaling.attributesKnown() ? String.format(Locale.ROOT, "weighted:"
                + " node attributes %s, node existence %s, edges %s", magnitude(t.attributes()),
                magnitude(t.existence()), magnitude(t.edges()))
                : "weighted node existence " + magnitude(t.existence()) + "; the scaled"
                + " attributes, fitted on training graphs, not counted";
        String norm = String.format(Locale.ROOT, "%s would be %s (%s), above %s, the most the"
                + " alignments support", data ? "its squared norm in the distance"
                : "the largest squared norm of a graph in the distance", magnitude(t.total()),
                weighted, Numbers.compact(LIMIT));
        List<String> advice = new ArrayList<>();
        if (!options.isEmpty()) {
            String bound = "";
            if (options.size() == 1 && !data) {
                double most = largestAllowed(parts, options.get(0), nodeWeight, edgeWeight, e);
                if (most > 0.0) {
                    bound = " (at most " + Numbers.compact(most) + " with the other values)";
                }
            }
            advice.add("lower " + String.join(" or ", options) + bound);
        }
        if (data) {
            advice.add("scale the attributes");
        }
        String message = subject + " too large for double precision: " + norm + "; "
                + String.join(", or ", advice);
        return data ? CliException.data(message) : CliException.usage(message);
    }

    /** Returns the value of an option at fault. */
    private static double value(String option, double nodeWeight, double edgeWeight,
            double existence) {
        return switch (option) {
            case "--node-weight" -> nodeWeight;
            case "--edge-weight" -> edgeWeight;
            default -> existence;
        };
    }

    /**
     * Returns the largest value of one option, rounded down to three digits, under which every
     * graph's weighted squared norm is at most {@link #LIMIT} with the other values unchanged;
     * 0 when there is none (the other terms alone exceed the limit).
     */
    private static double largestAllowed(List<Parts> parts, String option, double nodeWeight,
            double edgeWeight, double existence) {
        double most = Double.POSITIVE_INFINITY;
        for (Parts p : parts) {
            double node = p.attributes() + (p.existence() == 0.0 ? 0.0
                    : existence * existence * p.existence());
            double room;
            double per;
            switch (option) {
                case "--node-weight" -> {
                    room = LIMIT - edgeWeight * p.edges();
                    per = node;
                }
                case "--edge-weight" -> {
                    room = LIMIT - nodeWeight * node;
                    per = p.edges();
                }
                default -> {
                    room = (LIMIT - edgeWeight * p.edges() - nodeWeight * p.attributes())
                            / nodeWeight;
                    per = p.existence();
                }
            }
            if (!(room > 0.0) || !Double.isFinite(per)) {
                return 0.0;
            }
            if (per > 0.0) {
                most = Math.min(most, room / per);
            }
        }
        if (option.equals("--existence")) {
            most = Math.sqrt(most);
        }
        if (!Double.isFinite(most)) {
            return 0.0;
        }
        return new BigDecimal(most).round(new MathContext(3, RoundingMode.DOWN)).doubleValue();
    }

    /**
     * Formats a magnitude rounded to three significant digits, as briefly as
     * {@link Numbers#compact} writes it ({@code 8e+150}, {@code 48.3}), or as
     * {@code Infinity}.
     */
    private static String magnitude(double value) {
        if (!Double.isFinite(value)) {
            return "Infinity";
        }
        return Numbers.compact(new BigDecimal(value).round(new MathContext(3,
                RoundingMode.HALF_EVEN)).doubleValue());
    }
}
