package org.orbifold.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.orbifold.io.DecimalNumbers;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code orbifold align}: the distance and the optimal node matching of two graphs. */
@Command(name = "align", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Align graph J to graph I: distance, similarity, whether the alignment is"
            + " proven optimal, and the permutation (node i of I matched with node p(i) of J).",
            "I and J count from 0 among the graphs kept by --class and --limit."})
final class AlignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "[DATASET] I J",
            description = "Optional data set, then the indices of the two graphs. The data set"
                + " is a " + DatasetCommand.DATASET_KINDS + ".")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--first", paramLabel = "I", description = "Index of the first graph.")
    Integer first;

    @Option(names = "--second", paramLabel = "J", description = "Index of the second graph.")
    Integer second;

    @Mixin
    DataOptions data;

    @Mixin
    AlignerOptions options;

    @Mixin
    WeightOptions weights;

    /** The graphs to align: an optional data set and two indices into it. */
    private record Choice(String dataset, int first, int second) {
    }

    @Override
    public Integer call() {
        weights.requireValid();
        Choice choice = choice();
        int i = choice.first();
        int j = choice.second();
        Sample sample = data.load(choice.dataset());
        checkIndex("I", i, sample.size());
        checkIndex("J", j, sample.size());
        GraphSpace space = sample.pairSpace(weights.nodeWeight, weights.edgeWeight, spec, i,
                j);
        Aligner aligner = options.aligner();

        // Align: the permutation maps nodes of graph I to nodes of graph J.
        Graph x = sample.graphs().get(i);
        Graph y = sample.graphs().get(j);
        long start = System.nanoTime();
        Alignment alignment = aligner.align(space, x, y);
        double seconds = (System.nanoTime() - start) / 1e9;
        Permutation p = alignment.permutation();
        boolean limitReached = alignment.unproven() == Alignment.Unproven.LIMIT;
        List<String> names = sample.names();

        PrintWriter out = spec.commandLine().getOut();
        if (data.json) {
            out.println(JsonOutput.text(json -> {
                json.beginObject();
                json.name("command").value("align");
                json.name("dataset").value(sample.source());
                json.name("class").value(sample.className());
                json.name("first").value(i).name("second").value(j);
                json.name("firstClass").value(sample.labels().get(i));
                json.name("secondClass").value(sample.labels().get(j));
                json.name("firstName").value(names.get(i));
                json.name("secondName").value(names.get(j));
                json.name("firstOrder").value(x.order()).name("secondOrder").value(y.order());
                json.name("aligner").value(aligner.name()).name("seed").value(options.seed);
                json.name("distance").value(alignment.distance());
                json.name("squaredDistance").value(alignment.squaredDistance());
                json.name("similarity").value(alignment.similarity());
                json.name("certified").value(alignment.certified());
                JsonOutput.number(json.name("timeLimitSeconds"), options.timeLimitSeconds());
                json.name("limitReached").value(limitReached);
                json.name("unprovenReason").value(alignment.unproven().label());
                json.name("limitHit").value(options.limitHit());
                JsonOutput.integers(json.name("permutation"), p.toArray());
                json.name("matching").beginArray();
                for (int k = 0; k < x.order(); k++) {
                    if (p.get(k) < y.order()) {
                        json.beginArray().value(k).value(p.get(k)).endArray();
                    }
                }
                json.endArray();
                JsonOutput.integers(json.name("unmatchedFirst"),
                        unmatchedOfFirst(p, x.order(), y.order()));
                JsonOutput.integers(json.name("unmatchedSecond"),
                        unmatchedOfSecond(p, x.order(), y.order()));
                json.name("wallTimeSeconds").value(seconds);
                JsonOutput.strings(json.name("notes"), sample.dataset().notes());
                json.endObject();
            }));
            return 0;
        }
        out = VisibleText.writer(out);
        out.printf(Locale.ROOT, "graphs      %d (%s%s, %s) and %d (%s%s, %s) of %s%n",
                i, nameOf(names.get(i)), classOf(sample, i), nodes(x.order()), j,
                nameOf(names.get(j)), classOf(sample, j), nodes(y.order()),
                VisibleText.escape(sample.source()));
        out.printf(Locale.ROOT, "aligner     %s (seed %d%s)%n", aligner.name(), options.seed,
                options.timeLimitWords());
        out.printf(Locale.ROOT, "distance    %s%n",
                Numbers.decimalOrTiny(alignment.distance(), 6));
        out.printf(Locale.ROOT, "similarity  %s%n",
                Numbers.decimalOrTiny(alignment.similarity(), 6));
        out.printf(Locale.ROOT, "certified   %s%n", certifiedText(alignment, aligner));
        out.printf(Locale.ROOT, "matching    %s%n", matching(p, x.order(), y.order()));
        String unmatched = unmatched(p, x.order(), y.order());
        if (!unmatched.isEmpty()) {
            out.printf(Locale.ROOT, "unmatched   %s%n", unmatched);
        }
        out.printf(Locale.ROOT, "time        %.3f s%n", seconds);
        CenterCommand.printNotes(out, sample.dataset().notes());
        out.flush();
        return 0;
    }

    /**
     * Returns the words of the {@code certified} line: {@code yes (proven optimal)}, or
     * {@code no (not proven optimal: an upper bound on the distance); } and the reason
     * ({@link Alignment#unproven()}): the exact search stopped at its time or node limit
     * (which one, {@link AlignerOptions#limitWords()}), rounding errors
     * could hide a better alignment though the search or certificate completed, or the
     * aligner is a heuristic for this pair.
     */
    private String certifiedText(Alignment alignment, Aligner aligner) {
        String reason = switch (alignment.unproven()) {
            case NONE -> null;
            case LIMIT -> "the exact search stopped at its " + options.limitWords();
            case ROUNDING -> "the search or certificate completed, but "
                    + AlignerOptions.ROUNDING_WORDS;
            case HEURISTIC -> "the " + aligner.name() + " aligner is a heuristic here, which"
                    + " does not prove optimality";
        };
        return reason == null ? "yes (proven optimal)"
                : "no (not proven optimal: an upper bound on the distance); " + reason;
    }

    /** Reads the arguments: {@code [DATASET] I J}, or {@code [DATASET]} with --first, --second. */
    private Choice choice() {
        if (first != null || second != null) {
            if (first == null || second == null) {
                throw CliException.usage("give both --first and --second, or the indices I J");
            }
            if (arguments.size() > 1) {
                throw CliException.usage("with --first and --second, align takes [DATASET],"
                        + " got " + arguments.size() + " arguments ("
                        + String.join(" ", arguments) + ")");
            }
            return new Choice(arguments.isEmpty() ? null : arguments.get(0), first, second);
        }
        // Positionals: DATASET I J, or I J, or (a mistake) too few or too many. A first
        // argument that reads as a number but no integer and names no file is a mistyped
        // index (two arguments) or stands where the data set should (three).
        int n = arguments.size();
        if ((n == 2 || n == 3) && isNonIntegerNumber(arguments.get(0))
                && !Files.exists(Path.of(arguments.get(0)))) {
            if (n == 2) {
                throw CliException.usage("graph index I must be an integer, got '"
                        + arguments.get(0) + "'");
            }
            throw CliException.usage("align takes [DATASET] I J; the first of three arguments, '"
                    + arguments.get(0) + "', is no data set (no such file or folder), so DATASET"
                    + " is missing");
        }
        boolean startsWithDataset = n > 0 && !isInteger(arguments.get(0));
        if (n > 3 || (n == 3 && !startsWithDataset)) {
            List<String> given = startsWithDataset ? arguments.subList(1, n) : arguments;
            boolean numbers = given.stream().allMatch(AlignCommand::isInteger);
            // A data set named by digits only reads as an index; ./7 reads as the path.
            boolean numberedPath = !startsWithDataset && Files.exists(Path.of(arguments.get(0)));
            throw CliException.usage("align takes [DATASET] I J, got " + given.size()
                    + (numbers ? " numbers (" : " arguments (") + String.join(" ", given) + ")"
                    + (startsWithDataset ? " after the data set " + arguments.get(0) : "")
                    + "; give exactly two graph indices" + (numberedPath ? " (to read the"
                    + " file or folder " + arguments.get(0) + " as DATASET, write ./"
                    + arguments.get(0) + ")" : ""));
        }
        if (n < 3 && startsWithDataset && (n == 1 || isInteger(arguments.get(1)))) {
            throw CliException.usage("align needs two graph indices after the data set: align "
                    + arguments.get(0) + " I J, got " + (n == 1 ? "none" : "only "
                    + arguments.get(1)));
        }
        if (n < 2) {
            throw CliException.usage("align needs the indices of two graphs: align"
                    + " [DATASET] I J");
        }
        int k = n - 2;
        return new Choice(k == 1 ? arguments.get(0) : null, index("I", arguments.get(k)),
                index("J", arguments.get(k + 1)));
    }

    /**
     * Whether a text reads as a finite decimal number (such as 1.5 or 2e3, by the one rule of
     * {@link DecimalNumbers}) but not as an int.
     */
    private static boolean isNonIntegerNumber(String text) {
        if (isInteger(text)) {
            return false;
        }
        try {
            return Double.isFinite(DecimalNumbers.parse(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInteger(String text) {
        try {
            OptionValues.integer(text);
            return true;
        } catch (TypeConversionException e) {
            return false;
        }
    }

    /** Writes the matched pairs {@code i->p(i)} of a node of I and a node of J. */
    private static String matching(Permutation p, int orderX, int orderY) {
        List<String> pairs = new ArrayList<>();
        for (int k = 0; k < orderX; k++) {
            if (p.get(k) < orderY) {
                pairs.add(k + "->" + p.get(k));
            }
        }
        return pairs.isEmpty() ? "no pairs" : String.join(" ", pairs);
    }

    /**
     * Describes the nodes without a partner, which the alignment matches to padding nodes:
     * nodes of I beyond the order of J are deleted, nodes of J beyond the order of I inserted.
     * Returns the empty string when every node has a partner.
     */
    private static String unmatched(Permutation p, int orderX, int orderY) {
        List<String> parts = new ArrayList<>();
        List<Integer> ofX = unmatchedOfFirst(p, orderX, orderY);
        List<Integer> ofY = unmatchedOfSecond(p, orderX, orderY);
        if (!ofX.isEmpty()) {
            parts.add("node" + (ofX.size() == 1 ? " " : "s ") + join(ofX)
                    + " of I (no partner in J)");
        }
        if (!ofY.isEmpty()) {
            parts.add("node" + (ofY.size() == 1 ? " " : "s ") + join(ofY)
                    + " of J (no partner in I)");
        }
        return String.join("; ", parts);
    }

    /** Returns the nodes of I that the permutation matches to padding of J, in order. */
    private static List<Integer> unmatchedOfFirst(Permutation p, int orderX, int orderY) {
        List<Integer> nodes = new ArrayList<>();
        for (int k = 0; k < orderX; k++) {
            if (p.get(k) >= orderY) {
                nodes.add(k);
            }
        }
        return nodes;
    }

    /** Returns the nodes of J that no node of I is matched to, in order. */
    private static List<Integer> unmatchedOfSecond(Permutation p, int orderX, int orderY) {
        boolean[] matchedY = new boolean[p.size()];
        for (int k = 0; k < orderX; k++) {
            matchedY[p.get(k)] = true;
        }
        List<Integer> nodes = new ArrayList<>();
        for (int j = 0; j < orderY; j++) {
            if (!matchedY[j]) {
                nodes.add(j);
            }
        }
        return nodes;
    }

    private static String join(List<Integer> nodes) {
        List<String> parts = new ArrayList<>();
        for (int node : nodes) {
            parts.add(String.valueOf(node));
        }
        return String.join(", ", parts);
    }

    /** Returns a graph's order with the word node or nodes. */
    private static String nodes(int order) {
        return order + (order == 1 ? " node" : " nodes");
    }

    /** Returns a graph's name, quoted, and a comma, or the empty string for no name. */
    private static String nameOf(String name) {
        return name == null || name.isBlank() ? "" : "'" + VisibleText.escape(name) + "', ";
    }

    private static String classOf(Sample sample, int g) {
        String label = sample.labels().get(g);
        return label == null ? "no class" : "class " + VisibleText.escape(label);
    }

    private static int index(String name, String text) {
        try {
            return OptionValues.integer(text);
        } catch (TypeConversionException e) {
            // "must be an integer, got 'x'" or "x is too large for an integer (at most ...)"
            String reason = e.getMessage();
            throw CliException.usage("graph index " + name
                    + (reason.startsWith("must") ? " " : " = ") + reason);
        }
    }

    private static void checkIndex(String name, int index, int size) {
        if (index < 0 || index >= size) {
            throw CliException.usage("graph index " + name + " = " + index + " is outside 0.."
                    + (size - 1));
        }
    }
}
