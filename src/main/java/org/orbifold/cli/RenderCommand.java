package org.orbifold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TextFiles;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code orbifold render}: draws graphs of a data set as an SVG document
 * ({@link SvgDrawing}): a grid of the graphs chosen by {@code --graphs} (by default the first
 * {@value #DEFAULT_GRAPHS}), or with {@code --align I,J} two graphs side by side joined by the
 * node matching that the chosen aligner finds. Indices count from 0 among the graphs kept by
 * {@code --class} and {@code --limit}, as {@code align} counts them. A panel's title gives
 * that index, the class and the order, with the graph's name in the data set
 * ({@code graph 0 (AP1_0000), class A, 5 nodes}) when that fits the title's 34 columns; else
 * the name is in the panel's {@code <title>}, a tooltip. The document goes to
 * standard output as UTF-8 bytes whatever the platform charset ({@link StandardOutput}), with
 * the notes on standard error ({@value #NOTE_PREFIX}...), or with {@code --out FILE} to the
 * file (checked before any work, as every {@code --out}; a name ending with a separator that
 * names no folder is refused), and then a short report with the notes goes to standard
 * output.
 */
@Command(name = "render", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Draw graphs as an SVG document: a grid of the graphs chosen by"
            + " --graphs (default: the first " + RenderCommand.DEFAULT_GRAPHS + "), or with"
            + " --align I,J two graphs side by side, joined by the node matching of the"
            + " aligner.",
            "Graphs with node channels x and y are drawn at their coordinates, others by"
            + " stress majorization (path lengths as distances; --seed decides which way nodes"
            + " the distances cannot tell apart go). Indices count from 0 among the graphs"
            + " kept by --class and --limit."})
final class RenderCommand extends DatasetCommand {

    /**
     * The check of {@code --graphs}: one list, refused when given twice (repetitions would add
     * up to one list, which a user who repeats the option to change the graphs does not
     * expect).
     */
    static final class GraphsOnce extends ListValues {
        @Override
        String onceHint() {
            return "list every graph to draw in one --graphs I,J,...";
        }
    }

    /** The check of {@code --align}: one pair, refused when given twice. */
    static final class AlignOnce extends ListValues {
        @Override
        String onceHint() {
            return "it takes the two graphs to align, --align I,J";
        }
    }

    /** Number of graphs drawn when {@code --graphs} and {@code --align} are not given. */
    static final int DEFAULT_GRAPHS = 12;

    /** Prefix of a note on standard error, when standard output carries the document. */
    static final String NOTE_PREFIX = "orbifold: note: ";

    /** The file name suggested when {@code --out} names a folder. */
    static final String SUGGESTED_NAME = "drawing.svg";

    @Option(names = "--graphs", paramLabel = "I,J,...", split = ",", hideParamSyntax = true,
            preprocessor = GraphsOnce.class,
            description = "Indices of the graphs to draw, in this order (default: the first "
                + DEFAULT_GRAPHS + ").")
    List<Integer> graphs;

    @Option(names = "--align", paramLabel = "I,J", split = ",", hideParamSyntax = true,
            preprocessor = AlignOnce.class,
            description = "Draw graphs I and J side by side with the node matching that"
                + " --aligner finds (node i of I matched with node p(i) of J, as align).")
    List<Integer> align;

    @Option(names = "--columns", paramLabel = "C",
            description = "Panels per row of a --graphs drawing (default: "
                + SvgDrawing.DEFAULT_COLUMNS + ").")
    Integer columns;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the SVG document to FILE (replaced atomically; checked as"
                + " every --out) and print a short report instead of the document.")
    Path out;

    @Mixin
    AlignerOptions options;

    @Mixin
    WeightOptions weights;

    /**
     * Hides {@code --json} of the shared {@link DataOptions} from this command's help: the
     * output is an SVG document, so the option is refused, and the help should not offer it;
     * it stays, hidden, so that giving it gets that explanation rather than "unknown option".
     *
     * @param commandSpec this command's spec
     */
    @Spec
    void hideJson(CommandSpec commandSpec) {
        OptionSpec json = commandSpec.findOption("--json");
        if (json != null && !json.hidden()) {
            ClassifyCommand.replace(commandSpec, json, OptionSpec.builder(json).hidden(true)
                    .build());
        }
    }

    @Override
    public Integer call() {
        // Check the options before any work.
        ListValues.requireNoTrailingComma(spec);
        if (data.json) {
            throw CliException.usage("--json does not apply to render, whose output is an SVG"
                    + " document; give --out FILE to write it to a file");
        }
        if (graphs != null && align != null) {
            throw CliException.usage("give --graphs or --align, not both");
        }
        if (graphs != null && graphs.isEmpty()) {
            throw CliException.usage("--graphs needs at least one graph index, got an empty"
                    + " list");
        }
        if (align != null && align.size() != 2) {
            throw CliException.usage("--align takes two graph indices I,J, got "
                    + align.size() + (align.isEmpty() ? "" : " (" + join(align) + ")"));
        }
        if (align == null) {
            requireNotGiven("--aligner", "--time-limit", "--node-weight", "--edge-weight");
        } else {
            weights.requireValid();
            if (columns != null) {
                throw CliException.usage("--columns applies to a grid of graphs, not to"
                        + " --align, which draws two panels side by side");
            }
        }
        if (columns != null && columns < 1) {
            throw CliException.usage("--columns must be >= 1, got " + columns);
        }
        Aligner aligner = align == null ? null : options.aligner();
        if (out != null && out.toString().isBlank()) {
            throw CliException.usage("--out needs a file name");
        }
        OutputTarget.requireFileName(spec, "--out");
        Path target = out == null ? null : CenterCommand.requireWritable(out,
                out.toAbsolutePath(), OutputTarget.inputs("DATASET", Sample.source(dataset)),
                SUGGESTED_NAME);

        // Draw.
        Sample sample = load();
        SvgDrawing drawing = SvgDrawing.of(sample.nodeChannels(), sample.edgeChannels())
                .withSeed(options.seed)
                .withColumns(columns == null ? SvgDrawing.DEFAULT_COLUMNS : columns);
        List<String> notes = new ArrayList<>();
        String what;
        String svg;
        if (align != null) {
            int i = checkIndex("--align", align.get(0), sample);
            int j = checkIndex("--align", align.get(1), sample);
            GraphSpace space = sample.pairSpace(weights.nodeWeight, weights.edgeWeight, spec, i,
                    j);
            Graph x = sample.graphs().get(i);
            Graph y = sample.graphs().get(j);
            Alignment alignment = aligner.align(space, x, y);
            String caption = "graphs " + i + " and " + j + ", " + aligner.name();
            svg = drawing.alignment(caption, x, y, List.of(title(sample, i), title(sample, j)),
                    List.of(fullTitle(sample, i), fullTitle(sample, j)), alignment);
            what = String.format(Locale.ROOT, "graphs %d and %d of %s aligned by %s (seed %d):"
                    + " distance %s, %s", i, j, VisibleText.escape(source(sample)),
                    aligner.name(), options.seed,
                    Numbers.decimalOrTiny(alignment.distance(), 6), proofWords(alignment));
        } else {
            List<Integer> chosen = new ArrayList<>();
            if (graphs == null) {
                for (int g = 0; g < Math.min(DEFAULT_GRAPHS, sample.size()); g++) {
                    chosen.add(g);
                }
                if (sample.size() > DEFAULT_GRAPHS) {
                    notes.add("drew the first " + DEFAULT_GRAPHS + " of "
                            + CenterCommand.graphs(sample.size()) + "; choose others with"
                            + " --graphs I,J,...");
                }
            } else {
                for (int g : graphs) {
                    chosen.add(checkIndex("--graphs", g, sample));
                }
            }
            List<Graph> drawn = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<String> fullTitles = new ArrayList<>();
            for (int g : chosen) {
                drawn.add(sample.graphs().get(g));
                titles.add(title(sample, g));
                fullTitles.add(fullTitle(sample, g));
            }
            String heading = source(sample) + ": " + (graphs == null
                    && sample.size() > DEFAULT_GRAPHS ? "the first " + DEFAULT_GRAPHS + " of "
                    + sample.size() + " graphs (--graphs picks others)"
                    : CenterCommand.graphs(chosen.size()));
            svg = drawing.graphs(heading, drawn, titles, fullTitles);
            what = CenterCommand.graphs(chosen.size()) + " of "
                    + VisibleText.escape(source(sample)) + " ("
                    + (chosen.size() <= 20 ? join(chosen) : join(chosen.subList(0, 20))
                    + ", ...") + ")";
        }

        // Deliver: the document to standard output in UTF-8 (as it declares) and the notes
        // to standard error, or the document to the file and a report.
        notes.addAll(sample.dataset().notes());
        if (target == null) {
            StandardOutput.printUtf8(spec.commandLine().getOut(), svg);
            PrintWriter err = spec.commandLine().getErr();
            for (String note : notes) {
                err.println(NOTE_PREFIX + VisibleText.escape(note));
            }
            err.flush();
            return 0;
        }
        CenterCommand.writeAtomically(target, TextFiles.unpadEnd(svg));
        PrintWriter report = out();
        report.printf(Locale.ROOT, "drawing     %s%n", what);
        report.printf(Locale.ROOT, "file        %s%n", VisibleText.escape(out.toString()));
        CenterCommand.printNotes(report, notes);
        report.flush();
        return 0;
    }

    /** Fails when one of the options, which apply only with --align, was given. */
    private void requireNotGiven(String... names) {
        ParseResult parsed = spec.commandLine().getParseResult();
        for (String name : names) {
            if (parsed.hasMatchedOption(name)) {
                throw CliException.usage(name + " applies only with --align I,J, which aligns"
                        + " two graphs");
            }
        }
    }

    /** Returns the data set's name, with the class that {@code --class} chose. */
    private static String source(Sample sample) {
        return sample.source() + (sample.className() == null ? ""
                : ", class " + sample.className());
    }

    /** Returns a panel's title: the graph's index, class and order. */
    private static String title(Sample sample, int g) {
        String label = sample.labels().get(g);
        int order = sample.graphs().get(g).order();
        return "graph " + g + (label == null ? "" : ", class " + label) + ", " + order
                + (order == 1 ? " node" : " nodes");
    }

    /**
     * Returns a panel's full title: its title with the graph's name in the data set after the
     * index ({@code graph 2 (MUTAG#3), class -1, 23 nodes}), or the title when the graph has
     * no name. The drawing shows it when it fits, and otherwise keeps it in the panel's
     * {@code <title>} ({@link SvgDrawing#graphs(String, List, List, List)}).
     */
    private static String fullTitle(Sample sample, int g) {
        String name = sample.names().get(g);
        String title = title(sample, g);
        if (name == null || name.isBlank()) {
            return title;
        }
        String index = "graph " + g;
        return index + " (" + name + ")" + title.substring(index.length());
    }

    /** Fails unless the index names a graph of the sample; returns it. */
    private static int checkIndex(String option, int index, Sample sample) {
        if (index < 0 || index >= sample.size()) {
            throw CliException.usage(option + ": graph index " + index + " is outside 0.."
                    + (sample.size() - 1) + " (" + CenterCommand.graphs(sample.size()) + " of "
                    + source(sample) + ")");
        }
        return index;
    }

    private static String join(List<Integer> values) {
        List<String> parts = new ArrayList<>();
        for (int v : values) {
            parts.add(String.valueOf(v));
        }
        return String.join(", ", parts);
    }

    /**
     * Returns {@code "proven optimal"} or {@code "an upper bound (not proven optimal)"} for
     * the report of {@code --align}, the latter naming the reason when the exact search
     * stopped at its time or node limit (naming which, {@link AlignerOptions#limitWords()})
     * or rounding left a completed search unresolved
     * ({@link Alignment#unproven()}).
     */
    private String proofWords(Alignment alignment) {
        return switch (alignment.unproven()) {
            case NONE -> "proven optimal";
            case LIMIT -> "an upper bound (not proven optimal: the exact search stopped at its "
                    + options.limitWords() + ")";
            case ROUNDING -> "an upper bound (not proven optimal: the search or certificate"
                    + " completed, but " + AlignerOptions.ROUNDING_WORDS + ")";
            case HEURISTIC -> "an upper bound (not proven optimal)";
        };
    }
}
