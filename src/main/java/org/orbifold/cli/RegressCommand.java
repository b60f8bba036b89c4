package org.orbifold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.CovariateTable;
import org.orbifold.io.DatasetFormatException;
import org.orbifold.io.GraphJson;
import org.orbifold.io.JsonWriter;
import org.orbifold.io.MoleculeReader;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TextFiles;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;
import org.orbifold.stats.GraphRegression;
import org.orbifold.stats.GraphRegressionModel;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.MedoidResult;
import org.orbifold.stats.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orbifold regress}: graph-valued regression of the graphs on real covariates
 * ({@link GraphRegression}). The covariates come from {@code --covariates FILE}
 * ({@link CovariateTable}: {@code .npy} or text), one row per graph of the data set as read,
 * of which {@code --class} and {@code --limit} keep the rows of the graphs they keep; a file
 * with one row per kept graph is taken as it is. The Fréchet mean is computed first, as
 * {@code mean} computes it (from the medoid), for the start and for {@code R^2}.
 */
@Command(name = "regress", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Graph-valued regression: fit graphs as B0 + x1 B1 + ... + xp Bp on the"
            + " covariates of --covariates FILE, aligning each graph to its fitted graph."})
final class RegressCommand extends DatasetCommand {

    @Mixin
    AlignerOptions options;

    @Mixin
    WeightOptions weights;

    @Option(names = "--covariates", paramLabel = "FILE",
            description = "Covariates: a .npy array (N) or (N, p), or a text file with one row"
                + " per graph (values separated by commas or spaces, an optional header row of"
                + " names). One row per graph of the data set (--class and --limit keep the"
                + " rows of the graphs they keep) or one per graph kept.")
    Path covariates;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--max-iterations", paramLabel = "K", defaultValue = "100",
            description = "Limit of refits after the first fit; 0 keeps the first fit and its"
                + " alignments (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--init", paramLabel = "HOW", defaultValue = "mean",
            description = "What the graphs are aligned to before the first fit: mean (the"
                + " Frechet mean) or first (the first graph) (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--ridge", paramLabel = "LAMBDA", defaultValue = "0",
            preprocessor = RealValue.class,
            description = "Ridge penalty on the coefficient graphs, not on the intercept"
                + " (default: ${DEFAULT-VALUE}, ordinary least squares).")
    double ridge;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the fitted model as JSON to FILE (checked and written as"
                + " mean's --out).")
    Path out;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also draw the predicted graphs at the minimum, median and maximum"
                + " of the first covariate (the others at their medians) as SVG in FILE.")
    Path svg;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() {
        // Check the options before any long work.
        weights.requireValid();
        RealValue.requireNonNegative(spec, "--ridge", ridge);
        Aligner aligner = options.aligner();
        int workers = threads.workers();
        if (maxIterations < 0) {
            throw CliException.usage("--max-iterations must be >= 0, got " + maxIterations);
        }
        if (!init.equals("mean") && !init.equals("first")) {
            throw CliException.usage("--init must be mean or first, got "
                    + UsageErrors.quotedWithHint(init, List.of("mean", "first")));
        }
        if (covariates == null) {
            throw CliException.usage("regress needs --covariates FILE: the covariates of the"
                    + " graphs, one row per graph");
        }
        requireCovariateFile(covariates);
        if (out != null && out.toString().isBlank()) {
            throw CliException.usage("--out needs a file name");
        }
        OutputTarget.requireFileName(spec, "--out");
        OutputTarget.requireFileName(spec, SvgOutput.OPTION);
        List<OutputTarget.Input> inputs = OutputTarget.inputs("DATASET", Sample.source(dataset),
                "--covariates", covariates);
        Path target = out == null ? null : CenterCommand.requireWritable(out,
                out.toAbsolutePath(), inputs);
        Path drawing = SvgOutput.check(svg, inputs, target == null ? List.of()
                : List.of(target));
        Sample sample = load();
        CovariateTable file = readCovariates();
        CovariateTable table = rows(sample, file);
        int p = table.names().size();
        if (sample.size() <= p) {
            // Too few graphs is a usage error, as in pca: options or the data set's size.
            throw CliException.usage("regress needs at least " + (p + 1) + " graphs for " + p
                    + (p == 1 ? " covariate" : " covariates") + " (a regression with an"
                    + " intercept needs more graphs than covariates), got " + sample.size()
                    + (ridge > 0.0 ? " (--ridge does not lift this check)" : ""));
        }
        try {
            GraphRegression.requireValidCovariates(table.rows(), table.names(), sample.size());
        } catch (IllegalArgumentException e) {
            throw CliException.data(covariates + ": " + e.getMessage() + ridgeKeepsCheck(e), e);
        }
        GraphSpace space = sample.space(weights.nodeWeight, weights.edgeWeight, spec);
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress.show();

        ForkJoinPool pool = new ForkJoinPool(workers);
        GraphRegressionModel model;
        CenterResult mean;
        double meanSeconds;
        double seconds;
        try (Progress bar = new Progress(err, showProgress)) {
            // The Fréchet mean, as mean computes it: from the medoid.
            int n = sample.size();
            long t0 = System.nanoTime();
            Aligner pairs = bar.counting("medoid of " + CenterCommand.graphs(n), "pairs",
                    (long) n * (n - 1) / 2, aligner);
            MedoidResult medoid = Medoid.compute(space, sample.graphs(), pairs, pool, true);
            mean = FrechetMean.builder().aligner(aligner).executor(pool)
                    .seed(options.seed).initial(medoid)
                    .listener(bar.iterationsUpTo("mean", FrechetMean.DEFAULT_MAX_ITERATIONS, 1))
                    .build().compute(space, sample.graphs());
            meanSeconds = (System.nanoTime() - t0) / 1e9;

            // The regression.
            long t1 = System.nanoTime();
            try {
                model = GraphRegression.builder().aligner(aligner).executor(pool)
                        .seed(options.seed).maxIterations(maxIterations).ridge(ridge)
                        .frechetMean(mean).start(init.equals("mean")
                                ? GraphRegression.Start.FRECHET_MEAN
                                : GraphRegression.Start.FIRST_GRAPH)
                        .listener(bar.iterationsUpTo("regression", maxIterations, 1))
                        .build().fit(space, sample.graphs(), table.rows(), table.names());
            } catch (IllegalArgumentException e) {
                throw CliException.data(covariates + ": " + e.getMessage(), e);
            }
            seconds = (System.nanoTime() - t1) / 1e9;
        } finally {
            pool.shutdownNow();
        }

        // Report: JSON or the summary to stdout first, then the files.
        Run run = new Run(sample, table, file.size(), model, mean, aligner.name(), workers,
                meanSeconds, seconds);
        String json = json(run);
        String text = json;
        if (!data.json) {
            StringWriter summary = new StringWriter();
            summary(new PrintWriter(summary), run);
            text = TextFiles.unpadEnd(summary.toString());
        }
        CenterCommand.deliver(out(), text, target, json);
        if (drawing != null) {
            draw(drawing, run, target);
        }
        if (!data.json) {
            CenterCommand.printWritten(out(), out, svg);
        }
        return 0;
    }

    /** What a run computed, for the reports. */
    private record Run(Sample sample, CovariateTable table, int fileRows,
            GraphRegressionModel model, CenterResult mean, String aligner, int workers,
            double meanSeconds, double seconds) {
    }

    /**
     * Counts the alignments that the reported sums rest on, the fit's final ones (SSR) and the
     * Fréchet mean's (SST), and those of them not proven optimal by reason, with the text that
     * the report prints when there is something to tell ({@link AlignerOptions#unproven}).
     */
    private AlignerOptions.Unproven unproven(Run run) {
        List<Alignment> all = new ArrayList<>(run.model().alignments());
        all.addAll(run.mean().alignments());
        return options.unproven(all);
    }

    private CovariateTable readCovariates() {
        try {
            return CovariateTable.read(covariates);
        } catch (DatasetFormatException e) {
            throw CliException.data(e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.data("cannot read --covariates " + covariates + ": "
                    + CenterCommand.reason(e), e);
        }
    }

    /**
     * Fails, before any long work, when the covariate file is missing, a folder or not
     * readable, naming the option as {@code classify} names a split list:
     * {@code cannot read --covariates FILE: no such file}.
     */
    static void requireCovariateFile(Path file) {
        String problem = Files.isDirectory(file) ? "it is a folder; give the covariate file"
                + " (.npy, or text with one row per graph)"
                : !Files.exists(file) ? "no such file"
                : !Files.isReadable(file) ? "permission denied" : null;
        if (problem != null) {
            throw CliException.data("cannot read --covariates " + file + ": " + problem);
        }
    }

    /**
     * Returns the rows of the graphs worked on: the file's rows of the kept graphs when it has
     * one row per graph of the data set, the file as it is when it has one per kept graph.
     */
    private CovariateTable rows(Sample sample, CovariateTable table) {
        int all = sample.dataset().size();
        int kept = sample.size();
        if (table.size() == all) {
            return table.select(sample.indices());
        }
        if (table.size() == kept) {
            return table;
        }
        if (MoleculeReader.stoppedAtLimit(sample.dataset())) {
            // --limit N read the molecule file up to its N-th molecule only: without skipped
            // records the graphs kept are the file's first N, so its first N rows are theirs,
            // as for other formats. With skipped records the rows cannot be matched: a file
            // with one row per record and one without the skipped records' rows look alike,
            // so it is refused, as the whole file's count refuses it without --limit.
            String skipped = sample.dataset().notes().stream()
                    .filter(n -> n.startsWith("skipped ")).findFirst().orElse(null);
            if (table.size() > kept && skipped == null) {
                return table.select(sample.indices());
            }
            if (table.size() > kept) {
                throw CliException.usage("--covariates " + covariates + " has "
                        + rows(table.size()) + " but --limit " + data.limit + " keeps "
                        + CenterCommand.graphs(kept) + " of " + sample.source() + ", which "
                        + skipped + " (--skip-invalid) before its " + ordinal(kept)
                        + " valid molecule, where reading stopped: the rows cannot be matched"
                        + " to the graphs kept, since its later records were not counted;"
                        + " give one row per graph kept, or run without --limit");
            }
            throw CliException.usage("--covariates " + covariates + " has " + rows(table.size())
                    + " but --limit " + data.limit + " keeps " + CenterCommand.graphs(kept)
                    + " of " + sample.source() + " (read up to its " + ordinal(kept)
                    + " molecule only, so its later records were not counted): give one row"
                    + " per graph of the data set, or one per graph kept"
                    + skippedRecords(sample));
        }
        String selection = kept == all ? "" : " (" + kept + " kept by "
                + (sample.className() != null && data.limit != null ? "--class and --limit"
                : sample.className() != null ? "--class" : "--limit") + ")";
        throw CliException.usage("--covariates " + covariates + " has " + rows(table.size())
                + " but " + sample.source() + " has " + CenterCommand.graphs(all) + selection
                + ": give one row per graph of the data set"
                + (kept == all ? "" : " or one per graph kept") + skippedRecords(sample));
    }

    /** Returns "1 row" or "N rows". */
    private static String rows(int count) {
        return count + (count == 1 ? " row" : " rows");
    }

    /** Returns "1st", "2nd", "3rd", "4th", ..., "11th", "12th", "13th", "21st", .... */
    static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /**
     * Returns the clause that a rank check of the covariates (a constant column, a column
     * that combines others, no more graphs than covariates) holds with {@code --ridge} too:
     * the fit standardises every column and needs the design {@code [1, x]} of full rank
     * whatever the penalty; empty without a ridge or for other errors.
     */
    private String ridgeKeepsCheck(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        boolean rank = message.contains(" is constant") || message.contains("linear combination")
                || message.contains("needs more graphs than covariates");
        return ridge > 0.0 && rank ? " (--ridge does not lift this check: regress needs the"
                + " design [1, covariates] of full rank whatever the penalty)" : "";
    }

    /**
     * Returns the clause of the covariate-count error that names the records the data set
     * skipped ({@code --skip-invalid}), whose rows the file may still hold; empty when none
     * were skipped.
     */
    private static String skippedRecords(Sample sample) {
        return sample.dataset().notes().stream().filter(n -> n.startsWith("skipped "))
                .findFirst().map(n -> "; " + sample.source() + " " + n + " (--skip-invalid):"
                        + " remove " + (n.startsWith("skipped 1 ") ? "its row" : "their rows")
                        + " from the covariates").orElse("");
    }

    /**
     * Returns the notes of a report, the same in text and JSON: which rows of the covariate
     * file were used when it has more than the graphs kept, the covariate reader's notes
     * (possible decimal commas), whether the Fréchet mean stopped before converging, then the
     * data set's notes.
     */
    private List<String> notes(Run run) {
        List<String> notes = new ArrayList<>();
        if (run.fileRows() != run.sample().size()) {
            notes.add("covariates: the rows of the " + CenterCommand.graphs(run.sample().size())
                    + " kept, of " + run.fileRows() + " rows in " + covariates
                    + (MoleculeReader.stoppedAtLimit(run.sample().dataset())
                    && run.fileRows() != run.sample().dataset().size() ? " (--limit read "
                    + run.sample().source() + " up to its " + ordinal(run.sample().size())
                    + " molecule only, so the rows were not counted against its records)"
                    : ""));
        }
        notes.addAll(run.table().notes());
        if (run.model().hasNoVariance()) {
            notes.add("no variance: the graphs, as aligned, coincide with their mean up to"
                    + " rounding (every attribute's spread over the graphs is within the"
                    + " rounding of its mean; SST " + Numbers.decimalOrTiny(
                    run.model().totalSumOfSquares(), 6) + "), so R^2 is not 1 - SSR / SST but"
                    + " set to "
                    + (run.model().rSquared() == 1.0 ? "1, as SSR is rounding too"
                    : "0, as SSR is more than rounding"));
        }
        double ssr = run.model().residualSumOfSquares();
        double sst = run.model().totalSumOfSquares();
        if (!run.model().hasNoVariance() && ssr > sst) {
            // The model counts an excess within the rounding of its fitted values as 0; a
            // reader must not take the 0 for a fit as good as the mean's when it is not.
            notes.add("SSR " + Numbers.decimalOrTiny(ssr, 6) + " exceeds SST "
                    + Numbers.decimalOrTiny(sst, 6) + ": "
                    + (run.model().rSquared() == 0.0 ? "R^2 is set to 0, as the excess is"
                    + " within the rounding of the fitted values, which grows with the size of"
                    + " the attributes (an attribute that varies by only some units in the last"
                    + " place of its values leaves the fit no precision to explain it)"
                    : "the line fits worse than the mean"));
        }
        if (run.mean().status() != Status.CONVERGED) {
            notes.add("the Frechet mean behind SST stopped at its iteration limit ("
                    + FrechetMean.DEFAULT_MAX_ITERATIONS + ") before converging: SST may exceed"
                    + " the Frechet variance, and R^2 then reads too high");
        }
        notes.addAll(run.sample().dataset().notes());
        return notes;
    }

    /** Returns the first line of the summary, which also heads the drawing of --svg. */
    private String title(Run run) {
        Sample sample = run.sample();
        String what = sample.className() != null ? "class "
                + VisibleText.escape(sample.className())
                : sample.dataset().hasClasses() ? "all classes" : "no classes";
        return String.format(Locale.ROOT, "Graph-valued regression of %s from %s (%s) on %s",
                CenterCommand.graphs(sample.size()), VisibleText.escape(sample.source()), what,
                String.join(", ", run.table().names()));
    }

    private void summary(PrintWriter w, Run run) {
        GraphRegressionModel model = run.model();
        double[] trace = model.trace();
        w.printf(Locale.ROOT, "%s%n", title(run));
        w.printf(Locale.ROOT, "covariates  %s (%d %s)%n", VisibleText.escape(covariates
                .toString()),
                run.table().names().size(), run.table().names().size() == 1 ? "column"
                : "columns");
        w.printf(Locale.ROOT, "aligner %s, seed %d%s, %s, start: %s%s%n", run.aligner(),
                options.seed, options.timeLimitWords(), Numbers.threads(run.workers()),
                init.equals("mean")
                ? "Frechet mean" : "first graph", ridge > 0 ? ", ridge "
                + Numbers.compact(ridge) : "");
        w.printf(Locale.ROOT, "iterations  %d, status %s%n", model.iterations(),
                model.status());
        AlignerOptions.Unproven unproven = unproven(run);
        if (unproven.text() != null) {
            w.printf(Locale.ROOT, "alignments  %s; SSR and SST are upper bounds%n",
                    unproven.text());
        }
        w.printf(Locale.ROOT, "R^2         %s  (1 - SSR / SST)%n",
                Numbers.decimal(model.rSquared(), 6));
        w.printf(Locale.ROOT, "objective   %s at the start, %s at the end  (%s)%n",
                Numbers.decimalOrTiny(trace[0], 6), Numbers.decimalOrTiny(model.objective(), 6),
                ridge > 0 ? "SSR + ridge penalty" : "SSR");
        w.printf(Locale.ROOT, "SST         %s  (Frechet variance around the mean)%n",
                Numbers.decimalOrTiny(model.totalSumOfSquares(), 6));
        double meanPart = Numbers.hundredths(run.meanSeconds());
        double fitPart = Numbers.hundredths(run.seconds());
        w.printf(Locale.ROOT, "wall time   %.2f s (mean %.2f s + regression %.2f s)%n",
                meanPart + fitPart, meanPart, fitPart);
        GraphSpace space = model.space();
        w.printf(Locale.ROOT, "intercept   norm %s%n", Numbers.decimalOrTiny(Math.sqrt(
                space.squaredNorm(model.intercept())), 6));
        for (int k = 0; k < model.covariateCount(); k++) {
            w.printf(Locale.ROOT, "coefficient %s  norm %s%n", VisibleText.escape(
                    model.covariateNames().get(k)), norm(model.coefficientNorm(k)));
        }
        CenterCommand.printNotes(w, notes(run));
    }

    /**
     * Formats a coefficient norm as {@link Numbers#decimal} does, but in scientific notation
     * when it is below {@code 1e-4} and not zero: the coefficient of a covariate in huge
     * units is tiny, not zero.
     */
    private static String norm(double value) {
        return value != 0.0 && Math.abs(value) < 1e-4
                ? String.format(Locale.ROOT, "%.6e", value) : Numbers.decimal(value, 6);
    }

    private String json(Run run) {
        GraphRegressionModel model = run.model();
        Sample sample = run.sample();
        return JsonOutput.text(json -> {
            json.beginObject();
            json.name("command").value("regress");
            json.name("dataset").value(sample.source());
            json.name("class").value(sample.className());
            // The first N graphs kept by --limit (of the class, with --class); null: all.
            JsonOutput.integer(json.name("limit"), data.limit);
            json.name("graphs").value(sample.size());
            json.name("covariatesFile").value(covariates.toString());
            JsonOutput.strings(json.name("covariateNames"), model.covariateNames());
            json.name("aligner").value(run.aligner());
            json.name("seed").value(options.seed);
            json.name("nodeWeight").value(weights.nodeWeight);
            json.name("edgeWeight").value(weights.edgeWeight);
            json.name("threads").value(run.workers());
            json.name("init").value(init);
            json.name("ridge").value(ridge);
            json.name("maxIterations").value(maxIterations);
            JsonOutput.number(json.name("timeLimitSeconds"), options.timeLimitSeconds());
            json.name("iterations").value(model.iterations());
            json.name("status").value(model.status().name());
            AlignerOptions.Unproven unproven = unproven(run);
            json.name("uncertifiedAlignments").value(unproven.unproven());
            json.name("limitReached").value(unproven.limitReached());
            unproven.writeReasons(json);
            json.name("rSquared").value(model.rSquared());
            json.name("objective").value(model.objective());
            json.name("residualSumOfSquares").value(model.residualSumOfSquares());
            json.name("totalSumOfSquares").value(model.totalSumOfSquares());
            json.name("trace").value(model.trace());
            json.name("wallTimeSeconds").value(run.seconds());
            json.name("meanWallTimeSeconds").value(run.meanSeconds());
            json.name("totalWallTimeSeconds").value(run.meanSeconds() + run.seconds());
            JsonOutput.strings(json.name("notes"), notes(run));
            graph(json.name("intercept"), model.intercept(), sample);
            json.name("coefficients").beginArray();
            for (int k = 0; k < model.covariateCount(); k++) {
                json.beginObject();
                json.name("name").value(model.covariateNames().get(k));
                json.name("norm").value(model.coefficientNorm(k));
                graph(json.name("graph"), model.coefficient(k), sample);
                json.endObject();
            }
            json.endArray();
            graph(json.name("frechetMean"), model.frechetMean(), sample);
            json.name("residualDistances").value(model.residualDistances());
            json.name("alignments").beginArray();
            for (int i = 0; i < model.size(); i++) {
                JsonOutput.integers(json, model.alignments().get(i).permutation().toArray());
            }
            json.endArray();
            json.name("covariates").beginArray();
            for (int i = 0; i < model.size(); i++) {
                json.value(model.covariates(i));
            }
            json.endArray();
            json.endObject();
        });
    }

    private static void graph(JsonWriter json, Graph graph, Sample sample) {
        GraphJson.write(json, graph, sample.nodeChannels(), sample.edgeChannels());
    }

    /**
     * Draws the predictions at the minimum, median and maximum of the first covariate, the
     * other covariates at their medians; all are in the model's frame, so drawn with one
     * layout ({@link SvgDrawing#graphsInOneFrame}); a failure names {@code target}, the
     * {@code --out} file written before, when there is one.
     */
    private void draw(Path drawing, Run run, Path target) {
        GraphRegressionModel model = run.model();
        int p = model.covariateCount();
        double[][] quantiles = new double[p][];
        for (int k = 0; k < p; k++) {
            double[] column = new double[model.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = model.covariates(i)[k];
            }
            Arrays.sort(column);
            int n = column.length;
            double median = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
            quantiles[k] = new double[] {column[0], median, column[n - 1]};
        }
        List<Graph> graphs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String[] labels = {"minimum", "median", "maximum"};
        for (int q = 0; q < 3; q++) {
            double[] x = new double[p];
            for (int k = 0; k < p; k++) {
                x[k] = quantiles[k][k == 0 ? q : 1];
            }
            graphs.add(model.predict(x));
            titles.add(String.format(Locale.ROOT, "%s %s = %s", labels[q],
                    model.covariateNames().get(0), Numbers.significant(x[0], 4)));
        }
        Sample sample = run.sample();
        // Raw coordinates: predictions are no weighted means (SvgDrawing).
        SvgOutput.write(drawing, SvgDrawing.of(sample.nodeChannels(), sample.edgeChannels())
                .withCoordinatesGivenExistence(false)
                .withSeed(options.seed).graphsInOneFrame(title(run), graphs, titles),
                target == null ? List.of() : List.of(target));
    }
}
