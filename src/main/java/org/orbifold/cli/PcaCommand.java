package org.orbifold.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.GraphJson;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TextFiles;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.GeodesicPca;
import org.orbifold.stats.GeodesicPcaResult;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.MedoidResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orbifold pca}: geodesic principal components in graph space ({@link GeodesicPca}).
 * The run starts as {@code mean} does (the medoid, then the Fréchet mean from it, with the
 * same aligner and seed), then alternates principal component analysis of the aligned graphs
 * with the alignment of every graph to the first principal geodesic. The report gives the
 * explained-variance ratios, the objective before and after the alternation, and the graphs
 * at both ends of the first component; {@code --out FILE} writes the full result as JSON and
 * {@code --svg FILE} draws the mean and the points of the geodesic at -2, -1, +1 and +2
 * standard deviations of the scores.
 */
@Command(name = "pca", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Geodesic principal components of the graphs: the line M + s V that"
            + " minimises the sum of squared distances of the graphs to it, by"
            + " align-all-and-compute from the Frechet mean."})
final class PcaCommand extends DatasetCommand {

    /** Directions reported when {@code --components} is not given (fewer if the data allow). */
    static final int DEFAULT_COMPONENTS = GeodesicPca.DEFAULT_COMPONENTS;

    /** Graphs listed at each end of the first component. */
    static final int LISTED = 3;

    /** Positions of the drawn points, in standard deviations of the scores. */
    private static final int[] DRAWN = {-2, -1, 0, 1, 2};

    @Mixin
    AlignerOptions options;

    @Mixin
    WeightOptions weights;

    /** The note that the default number of components was lowered, or null. */
    private String componentsNote;

    @Option(names = "--components", paramLabel = "K",
            description = "Directions to report, from 1 to the smaller of one less than the"
                + " number of graphs and the number of coordinates of a graph (default: "
                + DEFAULT_COMPONENTS + ", or that bound when it is smaller, with a note);"
                + " only the first is fitted by the alternation.")
    Integer components;

    @Option(names = {"--iterations", "--max-iterations"}, paramLabel = "K",
            defaultValue = "100",
            description = "Iteration limit of the alternation; 0 keeps the Frechet mean's"
                + " alignments (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--tolerance", paramLabel = "EPS", defaultValue = "1e-9",
            preprocessor = RealValue.class,
            description = "Stop when the objective falls by less than this fraction"
                + " (default: ${DEFAULT-VALUE}); also stop when no alignment changes.")
    double tolerance;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the full JSON result to FILE (checked and replaced as"
                + " the --out of mean).")
    Path out;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also draw the mean and the first principal geodesic at -2, -1, +1"
                + " and +2 standard deviations of the scores as an SVG document in FILE"
                + " (checked as --out).")
    Path svg;

    @Mixin
    ProgressOptions progress;

    /**
     * Returns the options that chose the graphs of the sample among those of the data set,
     * as {@code " with --class C --limit N"} (either, both or nothing), for a message about
     * the graphs.
     */
    private String chosenBy(Sample sample) {
        String options = (sample.className() == null ? "" : " --class "
                + VisibleText.escape(sample.className()))
                + (data.limit == null ? "" : " --limit " + data.limit);
        return options.isEmpty() ? "" : " with" + options;
    }

    /**
     * What the run produced besides the result, for the report.
     *
     * @param counted the aligner of the whole run (medoid, mean and alternation), counting
     *     the alignments it made and those not proven optimal
     */
    private record Run(CenterResult mean, GeodesicPcaResult result, int workers,
            double meanSeconds, double pcaSeconds, CountingAligner counted) {
    }

    @Override
    public Integer call() {
        // Check the options before any long work.
        weights.requireValid();
        int workers = threads.workers();
        if (maxIterations < 0) {
            throw CliException.usage(UsageErrors.typedName(spec, "--iterations")
                    + " must be >= 0, got " + maxIterations);
        }
        if (!(tolerance >= 0.0) || !Double.isFinite(tolerance)) {
            throw CliException.usage("--tolerance must be a finite number >= 0, got "
                    + RealValue.typed(spec, "--tolerance", tolerance));
        }
        if (components != null && components < 1) {
            throw CliException.usage("--components must be >= 1, got " + components);
        }
        if (out != null && out.toString().isBlank()) {
            throw CliException.usage("--out needs a file name");
        }
        OutputTarget.requireFileName(spec, "--out");
        OutputTarget.requireFileName(spec, SvgOutput.OPTION);
        List<OutputTarget.Input> inputs = OutputTarget.inputs("DATASET", Sample.source(dataset));
        Path target = out == null ? null
                : CenterCommand.requireWritable(out, out.toAbsolutePath(), inputs);
        Path drawing = SvgOutput.check(svg, inputs, target == null ? List.of()
                : List.of(target));
        Sample sample = load();
        if (sample.size() < 2) {
            throw CliException.usage("pca needs at least 2 graphs, got " + sample.size());
        }
        GraphSpace space = sample.space(weights.nodeWeight, weights.edgeWeight, spec);
        int most = GeodesicPca.maxComponents(space, sample.graphs());
        int coordinates = GeodesicPca.coordinates(space, sample.graphs());
        if (coordinates == 0) {
            throw CliException.data("the graphs have no coordinates: "
                    + (space.size() == 0 ? "the " + CenterCommand.graphs(sample.size())
                    + " read from " + sample.source() + chosenBy(sample) + " have no nodes"
                    : "the graphs of " + sample.source() + " have " + space.size()
                    + " node(s) but no weighted channel") + ", so pca has no direction to find");
        }
        String bound = most == sample.size() - 1 ? "one less than the number of graphs"
                : "the number of coordinates of a graph of order " + space.size() + ", "
                + coordinates + ", which is below the number of graphs";
        String why = most == sample.size() - 1 ? CenterCommand.graphs(sample.size())
                + " span at most " + most + " direction" + (most == 1 ? "" : "s")
                + " (one less than the number of graphs)"
                : "a graph of order " + space.size() + " has " + coordinates + " coordinate"
                + (coordinates == 1 ? "" : "s") + ", fewer than the " + sample.size()
                + " graphs, and the components cannot outnumber the coordinates";
        if (components != null && components > most) {
            throw CliException.usage("--components must be at most " + most + " for "
                    + CenterCommand.graphs(sample.size()) + " (" + bound + "), got "
                    + components);
        }
        int k = components != null ? components : Math.min(DEFAULT_COMPONENTS, most);
        componentsNote = k < DEFAULT_COMPONENTS && components == null ? "components: " + k
                + " reported, not the default " + DEFAULT_COMPONENTS + ": " + why : null;

        Run run = compute(sample, space, workers, k);

        // Report: JSON or the text summary to stdout first, then the file, then the drawing.
        String json = json(sample, run, k);
        String text = json;
        if (!data.json) {
            StringWriter summary = new StringWriter();
            summary(new PrintWriter(summary), sample, run);
            text = TextFiles.unpadEnd(summary.toString());
        }
        CenterCommand.deliver(out(), text, target, json);
        if (drawing != null) {
            SvgOutput.write(drawing, drawing(sample, space, run.result()),
                    target == null ? List.of() : List.of(target));
        }
        if (!data.json) {
            CenterCommand.printWritten(out(), out, svg);
        }
        return 0;
    }

    /** Runs the medoid, the Fréchet mean from it and the alternation on one pool. */
    private Run compute(Sample sample, GraphSpace space, int workers, int k) {
        CountingAligner aligner = new CountingAligner(options.aligner());
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress.show();
        ForkJoinPool pool = new ForkJoinPool(workers);
        try (Progress bar = new Progress(err, showProgress)) {
            int n = sample.size();
            long t0 = System.nanoTime();
            Aligner pairs = bar.counting("medoid of " + CenterCommand.graphs(n), "pairs",
                    (long) n * (n - 1) / 2, aligner);
            MedoidResult medoid = Medoid.compute(space, sample.graphs(), pairs, pool, true);
            CenterResult mean = FrechetMean.builder().aligner(aligner).executor(pool)
                    .seed(options.seed).initial(medoid)
                    .listener(bar.iterationsUpTo("mean", FrechetMean.DEFAULT_MAX_ITERATIONS, 1))
                    .build().compute(space, sample.graphs());
            double meanSeconds = (System.nanoTime() - t0) / 1e9;

            long t1 = System.nanoTime();
            GeodesicPcaResult result = GeodesicPca.builder().aligner(aligner).executor(pool)
                    .seed(options.seed).components(k).maxIterations(maxIterations)
                    .tolerance(tolerance).start(mean)
                    .listener(bar.iterationsUpTo("pca", maxIterations, 1))
                    .build().compute(space, sample.graphs());
            double pcaSeconds = (System.nanoTime() - t1) / 1e9;
            return new Run(mean, result, workers, meanSeconds, pcaSeconds, aligner);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns the first line of the summary, which also heads the drawing. */
    private String title(Sample sample) {
        String what = sample.className() != null ? "class "
                + VisibleText.escape(sample.className())
                : sample.dataset().hasClasses() ? "all classes" : "no classes";
        return String.format(Locale.ROOT, "Geodesic PCA of %s from %s (%s)",
                CenterCommand.graphs(sample.size()), VisibleText.escape(sample.source()), what);
    }

    private void summary(PrintWriter w, Sample sample, Run run) {
        GeodesicPcaResult result = run.result();
        double[] trace = result.trace();
        w.printf(Locale.ROOT, "%s%n", title(sample));
        w.printf(Locale.ROOT, "aligner %s, seed %d%s, %s, start: Frechet mean (mean squared"
                + " distance %s, %s)%n", options.aligner().name(), options.seed,
                options.timeLimitWords(), Numbers.threads(run.workers()),
                Numbers.decimalOrTiny(run.mean().objective(), 6),
                iterationCount(run.mean().iterations()));
        w.printf(Locale.ROOT, "iterations  %d, status %s%n", result.iterations(),
                result.status());
        w.printf(Locale.ROOT, "objective   %s -> %s  (sum of squared distances to the first"
                + " principal geodesic)%n", Numbers.decimalOrTiny(trace[0], 6),
                Numbers.decimalOrTiny(result.objective(), 6));
        double[] ratios = result.explainedVarianceRatios();
        StringBuilder explained = new StringBuilder();
        for (int k = 0; k < ratios.length; k++) {
            explained.append(k == 0 ? "" : ", ").append("PC").append(k + 1).append(' ')
                    .append(Numbers.decimal(ratios[k], 4));
        }
        w.printf(Locale.ROOT, "explained   %s  (share of the total sum of squares %s)%n",
                explained, Numbers.decimalOrTiny(result.totalSumOfSquares(), 6));
        AlignerOptions.Unproven unproven = unproven(run);
        if (unproven.text() != null) {
            w.printf(Locale.ROOT, "alignments  %s%n", unproven.text());
        }
        // Each graph is listed once: with fewer than 2 LISTED graphs, the ends share them.
        List<Integer> order = byScore(result);
        int n = order.size();
        w.printf(Locale.ROOT, "PC1 highest %s%n", listed(sample, result, order.subList(0,
                Math.min(LISTED, (n + 1) / 2))));
        List<Integer> lowest = new ArrayList<>(order.subList(n - Math.min(LISTED, n / 2), n));
        Collections.reverse(lowest);
        w.printf(Locale.ROOT, "PC1 lowest  %s%n", listed(sample, result, lowest));
        double meanPart = Numbers.hundredths(run.meanSeconds());
        double pcaPart = Numbers.hundredths(run.pcaSeconds());
        w.printf(Locale.ROOT, "wall time   %.2f s (medoid and mean %.2f s + pca %.2f s)%n",
                meanPart + pcaPart, meanPart, pcaPart);
        CenterCommand.printNotes(w, notes(sample, run));
    }

    /**
     * Returns the notes of a report, the same in text and JSON: the lowered default of
     * components, a sample without variance along the first direction, then the data set's.
     */
    private List<String> notes(Sample sample, Run run) {
        List<String> notes = new ArrayList<>();
        if (componentsNote != null) {
            notes.add(componentsNote);
        }
        GeodesicPcaResult result = run.result();
        if (result.totalSumOfSquares() == 0.0) {
            notes.add("no variance: the graphs, as aligned, coincide with their mean up to"
                    + " rounding (every attribute's spread over the graphs is within the"
                    + " rounding of its mean), so the total sum of squares is 0, every"
                    + " direction is the zero graph, every score is 0, and the highest and"
                    + " lowest lists rank nothing");
        } else if (result.direction().nodeSquaredNorm() == 0.0
                && result.direction().edgeSquaredNorm() == 0.0) {
            notes.add("no direction: no direction's sum of squares rises above the rounding"
                    + " of the means of the attributes that vary (the total sum of squares is "
                    + Numbers.decimalOrTiny(result.totalSumOfSquares(), 6) + "), so every"
                    + " direction is the zero graph, every score is 0, and the highest and"
                    + " lowest lists rank nothing");
        }
        notes.addAll(sample.dataset().notes());
        return notes;
    }

    /**
     * Counts the final alignments not proven optimal for the final line by their reason
     * ({@link Alignment#unproven()}), and says why, for the text line and the JSON. Three
     * causes are told apart: the alternation ended before a fixed point
     * ({@link GeodesicPcaResult#fixedPoint}), so the alignments were made for the previous
     * line or the mean and none is certified for the final one (their reason is heuristic);
     * the exact search stopped at its limit in some alignment of the run (medoid, mean or
     * alternation), which alone sets {@code limitReached}, and is told even when every final
     * alignment is proven (the medoid and mean may rest on the unproven ones); and final
     * alignments whose search or certificate completed but that rounding left unproven. With
     * a heuristic aligner and none of the last two, no alignment claims to be optimal, so
     * there is no text.
     */
    private AlignerOptions.Unproven unproven(Run run) {
        GeodesicPcaResult result = run.result();
        AlignerOptions.Unproven finals = options.unproven(result.alignments());
        long made = finals.made();
        long stopped = stopped(run);
        if (!options.isExact() && stopped == 0 && finals.rounding() == 0) {
            return withText(finals, null);
        }
        String early = result.fixedPoint() ? null : maxIterations == 0
                ? "--iterations 0 keeps the Frechet mean's alignments, made for the mean, not"
                + " for the line"
                : "the run ended before a fixed point (status " + result.status() + " after "
                + iterationCount(result.iterations()) + "), so they were made for an earlier"
                + " line or the mean";
        return withText(finals, unprovenText(made, finals.unproven(), early, stopped,
                finals.rounding(), run.counted().made(), options.limitWords()));
    }

    /** Returns the alignments of the run where the exact search stopped at its limit. */
    private static long stopped(Run run) {
        return run.counted().unproven(Alignment.Unproven.LIMIT);
    }

    private static AlignerOptions.Unproven withText(AlignerOptions.Unproven u, String text) {
        return new AlignerOptions.Unproven(u.made(), u.heuristic(), u.limit(), u.rounding(),
                text, u.stoppedByTime(), u.stoppedByNodes());
    }

    /**
     * Returns the text line (after {@code "alignments  "}) on the alignments of an exact run,
     * or null when there is nothing to tell: all final alignments proven and no exact search
     * stopped at its limit. With unproven final alignments it counts them and names the
     * causes, ending in {@code "; the objective is an upper bound"}; with all of them proven
     * but a search stopped at its limit elsewhere in the run, it says so and that the medoid
     * and mean may rest on alignments not proven optimal.
     *
     * @param made the final alignments
     * @param unproven those of them not proven optimal
     * @param early why the alternation's alignments are not for the final line, or null at a
     *     fixed point
     * @param stopped the alignments of the run where the exact search stopped at its limit
     * @param rounding the final alignments whose search or certificate completed but that
     *     rounding left unproven
     * @param runMade every alignment of the run
     * @param limitWords the words of the limit, as {@link AlignerOptions#limitWords()} gives
     *     them ({@code "time limit (5 s per alignment)"})
     * @return the text, or null
     */
    static String unprovenText(long made, long unproven, String early, long stopped,
            long rounding, long runMade, String limitWords) {
        String limit = String.format(Locale.ROOT, "the exact search stopped at its %s"
                + " in %,d of %,d alignments of the run", limitWords, stopped, runMade);
        if (unproven == 0) {
            return stopped == 0 ? null : String.format(Locale.ROOT, "all %d proven optimal for"
                    + " the final line, but %s (medoid, Frechet mean or earlier lines): the"
                    + " mean, and so the line, may rest on alignments not proven optimal", made,
                    limit);
        }
        List<String> causes = new ArrayList<>();
        if (early != null) {
            causes.add(early);
        }
        if (stopped > 0) {
            causes.add(limit);
        }
        if (rounding > 0) {
            causes.add(String.format(Locale.ROOT, "%,d where the search or certificate"
                    + " completed, but %s", rounding, AlignerOptions.ROUNDING_WORDS));
            if (causes.size() == 1 && unproven > rounding) {
                causes.add(String.format(Locale.ROOT, "the aligner did not prove the other"
                        + " %,d", unproven - rounding));
            }
        }
        if (causes.isEmpty()) {
            causes.add("the aligner did not prove them");
        }
        return String.format(Locale.ROOT, "%d of %d not proven optimal for the final line: %s;"
                + " the objective is an upper bound", unproven, made,
                String.join("; and ", causes));
    }

    /** Returns "1 iteration" or "K iterations". */
    private static String iterationCount(int count) {
        return count + (count == 1 ? " iteration" : " iterations");
    }

    /** Returns the graph indices by decreasing PC1 score (by index on ties). */
    private static List<Integer> byScore(GeodesicPcaResult result) {
        double[] s = result.scores();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -s[i]));
        return order;
    }

    private static String listed(Sample sample, GeodesicPcaResult result, List<Integer> graphs) {
        double[] s = result.scores();
        List<String> parts = new ArrayList<>();
        for (int i : graphs) {
            parts.add(name(sample, i) + " " + Numbers.decimal(s[i], 3));
        }
        return String.join(", ", parts);
    }

    /** Returns the data set's name of graph {@code i}, escaped, or {@code graph i}. */
    private static String name(Sample sample, int i) {
        String name = sample.names().get(i);
        return name == null || name.isBlank() ? "graph " + i : VisibleText.escape(name);
    }

    private String json(Sample sample, Run run, int k) {
        GeodesicPcaResult result = run.result();
        List<String> names = sample.names();
        return JsonOutput.text(json -> {
            json.beginObject();
            json.name("command").value("pca");
            json.name("dataset").value(sample.source());
            json.name("class").value(sample.className());
            // The first N graphs kept by --limit (of the class, with --class); null: all.
            JsonOutput.integer(json.name("limit"), data.limit);
            json.name("graphs").value(sample.size());
            json.name("aligner").value(options.aligner().name());
            json.name("seed").value(options.seed);
            json.name("nodeWeight").value(weights.nodeWeight);
            json.name("edgeWeight").value(weights.edgeWeight);
            json.name("threads").value(run.workers());
            json.name("components").value(k);
            json.name("maxIterations").value(maxIterations);
            json.name("tolerance").value(tolerance);
            JsonOutput.number(json.name("timeLimitSeconds"), options.timeLimitSeconds());
            json.name("meanObjective").value(run.mean().objective());
            json.name("meanIterations").value(run.mean().iterations());
            json.name("objective").value(result.objective());
            json.name("objectiveMeaning").value("sum of squared distances to the first"
                    + " principal geodesic");
            json.name("startObjective").value(result.trace()[0]);
            json.name("totalSumOfSquares").value(result.totalSumOfSquares());
            json.name("explainedVarianceRatios").value(result.explainedVarianceRatios());
            json.name("iterations").value(result.iterations());
            json.name("status").value(result.status().name());
            json.name("fixedPoint").value(result.fixedPoint());
            AlignerOptions.Unproven unproven = unproven(run);
            json.name("uncertifiedAlignments").value(unproven.unproven());
            json.name("alignmentsMade").value(run.counted().made());
            json.name("alignmentsStoppedAtLimit").value(stopped(run));
            json.name("limitReached").value(stopped(run) > 0);
            unproven.writeReasons(json);
            json.name("trace").value(result.trace());
            json.name("wallTimeSeconds").value(run.pcaSeconds());
            json.name("meanWallTimeSeconds").value(run.meanSeconds());
            json.name("totalWallTimeSeconds").value(run.meanSeconds() + run.pcaSeconds());
            JsonOutput.strings(json.name("notes"), notes(sample, run));
            double[][] scores = result.componentScores();
            json.name("scores").beginArray();
            for (int i = 0; i < scores.length; i++) {
                Alignment a = result.alignments().get(i);
                json.beginObject();
                json.name("index").value(i);
                json.name("name").value(names.get(i));
                json.name("scores").value(scores[i]);
                json.name("distance").value(a.distance());
                JsonOutput.integers(json.name("permutation"), a.permutation().toArray());
                json.endObject();
            }
            json.endArray();
            CenterGraph.write(json.name("mean"), result.mean(), sample.nodeChannels(),
                    sample.edgeChannels());
            json.name("directions").beginArray();
            for (Graph direction : result.components()) {
                GraphJson.write(json, direction, sample.nodeChannels(), sample.edgeChannels());
            }
            json.endArray();
            json.endObject();
        });
    }

    /**
     * Draws the mean and the points of the first geodesic at whole standard deviations, all
     * in the mean's frame, so with one layout ({@link SvgDrawing#graphsInOneFrame}).
     */
    private String drawing(Sample sample, GraphSpace space, GeodesicPcaResult result) {
        double[] s = result.scores();
        double sumOfSquares = 0.0;
        for (double v : s) {
            sumOfSquares += v * v;
        }
        double sd = Math.sqrt(sumOfSquares / s.length);
        List<Graph> graphs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int step : DRAWN) {
            graphs.add(result.point(space, step * sd));
            titles.add(step == 0 ? "mean" : String.format(Locale.ROOT, "PC1 %+d sd (s = %s)",
                    step, Numbers.decimal(step * sd, 3)));
        }
        // Raw coordinates: points off the mean are no weighted means (SvgDrawing).
        return SvgDrawing.of(sample.nodeChannels(), sample.edgeChannels())
                .withCoordinatesGivenExistence(false)
                .withSeed(options.seed).withColumns(DRAWN.length).graphsInOneFrame(title(sample)
                        + ", PC1 explains " + Numbers.decimal(100.0
                        * result.explainedVarianceRatios()[0], 1) + " %", graphs, titles);
    }
}
