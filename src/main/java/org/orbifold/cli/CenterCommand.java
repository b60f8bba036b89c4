package org.orbifold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TextFiles;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.Permutation;
import org.orbifold.stats.CenterBuilder;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.IncrementalMean;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.MedoidResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shared body of {@code orbifold mean} and {@code orbifold median}: read the sample,
 * find its medoid (the best sample graph, for comparison and as the default start), run the
 * center computation on a fork-join pool of {@code --threads} workers, and print a summary or
 * JSON. The summary's {@code wall time} line gives the total and its two parts, the medoid
 * search and the center computation; the JSON gives them as {@code totalWallTimeSeconds},
 * {@code medoidWallTimeSeconds} and {@code wallTimeSeconds} (the center's part alone, a
 * meaning kept for the scripts that read it). {@code --svg FILE} also draws the center beside
 * the medoid ({@link SvgOutput}), after the report, with one layout: the medoid's nodes at
 * the places of the center slots its final alignment puts them in.
 */
abstract class CenterCommand extends DatasetCommand {

    /** Environment variable the launcher sets to 1 when standard error is a terminal. */
    static final String TERMINAL_VARIABLE = "ORBIFOLD_STDERR_TTY";

    @Mixin
    AlignerOptions options;

    @Mixin
    WeightOptions weights;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--max-iterations", paramLabel = "K", defaultValue = "100",
            description = "Iteration limit; 0 keeps the start (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--init", paramLabel = "HOW", defaultValue = "medoid",
            description = "Starting point: medoid or incremental (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--restarts", paramLabel = "R", defaultValue = "1",
            description = "Runs to make: the first from --init, the others from incremental "
                + "means shuffled with seeds derived from --seed; the best is kept; at most "
                + "10,000 (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the JSON result to FILE (replaced atomically; a symbolic"
                + " link is followed and the file it names replaced). Refused when FILE is a"
                + " folder, device, pipe or read-only file, or an input, existing or not"
                + " (DATASET, a file in"
                + " a DATASET folder or in a folder of a .cxl file's graphs, a SMILES file's"
                + " label file). Missing folders on the way are created when it is written.")
    Path out;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also draw the center beside the medoid as an SVG document in FILE,"
                + " as render draws graphs (checked as --out).")
    Path svg;

    @Mixin
    ProgressOptions progress;

    private final String kind;
    private final String objectiveMeaning;
    private final boolean squared;

    /**
     * Configures the command.
     *
     * @param kind "mean" or "median"
     * @param objectiveMeaning what the objective averages, for the output
     * @param squared whether the medoid compares sums of squared distances (mean) or of
     *     distances (median)
     */
    CenterCommand(String kind, String objectiveMeaning, boolean squared) {
        this.kind = kind;
        this.objectiveMeaning = objectiveMeaning;
        this.squared = squared;
    }

    /**
     * Runs the center computation from {@code start}, or, when it is null, from the medoid
     * with its alignments as warm starts.
     */
    abstract CenterResult compute(GraphSpace space, List<Graph> graphs, Aligner aligner,
            Executor executor, IterationListener listener, MedoidResult medoid, Graph start);

    /** Applies the options shared by the mean and the median to their builder. */
    <B extends CenterBuilder<B>> B configure(B builder, Aligner aligner, Executor executor,
            IterationListener listener, MedoidResult medoid, Graph start) {
        builder.aligner(aligner).maxIterations(maxIterations).executor(executor)
                .listener(listener).restarts(restarts).seed(options.seed);
        return start == null ? builder.initial(medoid) : builder.initial(start);
    }

    @Override
    public Integer call() {
        // Check the options before any long work.
        weights.requireValid();
        int workers = threads.workers();
        if (maxIterations < 0) {
            throw CliException.usage("--max-iterations must be >= 0, got " + maxIterations);
        }
        if (restarts < 1 || restarts > CenterBuilder.MAX_RESTARTS) {
            throw CliException.usage(String.format(Locale.ROOT,
                    "--restarts must be between 1 and %,d, got %d", CenterBuilder.MAX_RESTARTS,
                    restarts));
        }
        if (!init.equals("medoid") && !init.equals("incremental")) {
            throw CliException.usage("--init must be medoid or incremental, got "
                    + UsageErrors.quotedWithHint(init, List.of("medoid", "incremental")));
        }
        if (out != null && out.toString().isBlank()) {
            throw CliException.usage("--out needs a file name");
        }
        OutputTarget.requireFileName(spec, "--out");
        OutputTarget.requireFileName(spec, SvgOutput.OPTION);
        List<OutputTarget.Input> inputs = OutputTarget.inputs("DATASET", Sample.source(dataset));
        Path target = out == null ? null : requireWritable(out, out.toAbsolutePath(), inputs);
        Path drawing = SvgOutput.check(svg, inputs, target == null ? List.of()
                : List.of(target));
        Sample sample = load();
        GraphSpace space = sample.space(weights.nodeWeight, weights.edgeWeight, spec);
        Aligner aligner = options.aligner();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress.show();

        ForkJoinPool pool = new ForkJoinPool(workers);
        // Counts the medoid search's pair alignments not proven optimal, reported apart
        // from the final alignments that bound the objective.
        CountingAligner medoidSearch = new CountingAligner(aligner);
        MedoidResult medoid;
        CenterResult result;
        double realigned;
        double medoidSeconds;
        double seconds;
        try (Progress bar = new Progress(err, showProgress)) {
            // The medoid: the objective to beat, and the default start.
            int n = sample.size();
            Aligner pairs = bar.counting("medoid of " + graphs(n), "pairs", (long) n * (n - 1) / 2,
                    medoidSearch);
            long t0 = System.nanoTime();
            medoid = Medoid.compute(space, sample.graphs(), pairs, pool, squared);
            medoidSeconds = (System.nanoTime() - t0) / 1e9;

            // The center, from the medoid or from the incremental mean.
            long t1 = System.nanoTime();
            Graph start = null;
            if (init.equals("incremental")) {
                bar.phase("incremental mean");
                start = IncrementalMean.compute(space, sample.graphs(), aligner, options.seed)
                        .center();
            }
            IterationListener listener = bar.iterationsUpTo(kind, maxIterations, restarts);
            Aligner passes = bar.passes(n, aligner);
            result = compute(space, sample.graphs(), passes, pool, listener, medoid, start);
            seconds = (System.nanoTime() - t1) / 1e9;

            // The medoid as the center computation's first step evaluates it, so that the
            // comparison shows what the iteration gained, not what realignment alone did;
            // the first run's trace holds it when that run started from the medoid.
            long t2 = System.nanoTime();
            if (init.equals("medoid") && result.runs().size() == 1) {
                realigned = result.trace()[0];
            } else {
                bar.phase("medoid realigned as a start");
                realigned = Medoid.realignedObjective(space, sample.graphs(), medoid, aligner,
                        pool, squared);
            }
            medoidSeconds += (System.nanoTime() - t2) / 1e9;
        } finally {
            pool.shutdownNow();
        }

        // Report: JSON or the human summary to stdout first, so that a failure to write the
        // file loses nothing computed; then the file.
        Medoids medoids = new Medoids(medoid, realigned, options.unproven(medoidSearch));
        String json = json(sample, aligner, workers, medoids, medoidSeconds, result, seconds);
        String text = json;
        if (!data.json) {
            StringWriter summary = new StringWriter();
            summary(new PrintWriter(summary), sample, aligner, workers, medoids, medoidSeconds,
                    result, seconds);
            text = TextFiles.unpadEnd(summary.toString());
        }
        deliver(out(), text, target, json);
        if (drawing != null) {
            // One layout for both: the medoid's nodes sit at the center slots they align to.
            SvgOutput.write(drawing, SvgDrawing.of(sample.nodeChannels(),
                    sample.edgeChannels()).withSeed(options.seed).graphsInOneFrame(
                    title(sample),
                    List.of(result.center(), sample.graphs().get(medoid.index())),
                    List.of(kind + ", objective " + Numbers.decimalOrTiny(result.objective(), 6),
                    "medoid: graph " + medoid.index()),
                    List.of(Permutation.identity(result.center().order()),
                    result.alignments().get(medoid.index()).permutation())),
                    target == null ? List.of() : List.of(target));
        }
        if (!data.json) {
            printWritten(out(), out, svg);
        }
        return 0;
    }

    /**
     * Names the files written after the summary, one line each, as {@code render} does; a
     * JSON report on standard output gets no such lines.
     *
     * @param stdout standard output
     * @param files the files written, as the user gave them; nulls (options absent) skipped
     */
    static void printWritten(PrintWriter stdout, Path... files) {
        for (Path file : files) {
            if (file != null) {
                stdout.printf(Locale.ROOT, "file        %s%n", VisibleText.escape(file.toString()));
            }
        }
        stdout.flush();
    }

    /** Returns the first line of the summary, which also heads the drawing of --svg. */
    private String title(Sample sample) {
        String what = sample.className() != null ? "class "
                + VisibleText.escape(sample.className())
                : sample.dataset().hasClasses() ? "all classes" : "no classes";
        return String.format(Locale.ROOT, "Frechet %s of %s from %s (%s)", kind,
                graphs(sample.size()), VisibleText.escape(sample.source()), what);
    }

    /**
     * Prints the result, then writes the JSON to {@code target} when it is not null; if the
     * write fails, the result is already on standard output.
     *
     * @param stdout standard output
     * @param text the result as printed (the JSON or the summary)
     * @param target the absolute --out path, or null
     * @param json the JSON for the file
     */
    static void deliver(PrintWriter stdout, String text, Path target, String json) {
        stdout.println(text);
        stdout.flush();
        if (target != null) {
            try {
                writeAtomically(target, json);
            } catch (CliException e) {
                throw CliException.data(e.getMessage() + " (the result was printed on standard"
                        + " output)", e);
            }
        }
    }

    /** Returns "1 graph" or "N graphs", N with thousands separators ("4,337 graphs"). */
    static String graphs(int count) {
        return String.format(Locale.ROOT, "%,d", count) + (count == 1 ? " graph" : " graphs");
    }

    /**
     * Fails unless {@code target} can be written, and returns the file to replace: a symbolic
     * link is followed ({@link OutputTarget#resolve}); the file must not exist or be a regular
     * file that is none of the inputs, not read-only ({@link OutputTarget#readOnly}) and
     * not another user's file in a sticky folder ({@link OutputTarget#stickyFolder}), and
     * its folder must take a new file (a probe file is created and deleted). A folder that
     * does not exist yet is accepted when its nearest existing ancestor is a folder that takes
     * a new file (the probe goes there); nothing is created now: the write
     * ({@link FileSet#write}) creates the missing folders, as {@code cluster --out DIR}
     * creates its folder, so a run that fails before it leaves nothing behind.
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path
     * @param inputs the command's input files and folders
     * @return the absolute path of the file to replace
     */
    static Path requireWritable(Path given, Path target, List<OutputTarget.Input> inputs) {
        return requireWritable(given, target, inputs, OutputTarget.SUGGESTED_NAME);
    }

    /**
     * Fails unless {@code target} can be written, as
     * {@link #requireWritable(Path, Path, List)} does, suggesting a file of the given name in
     * place of a folder.
     *
     * @param given the path as the user gave it, for messages
     * @param target the absolute path
     * @param inputs the command's inputs
     * @param suggestedName the file name suggested inside a folder given as the target
     * @return the absolute path of the file to replace
     */
    static Path requireWritable(Path given, Path target, List<OutputTarget.Input> inputs,
            String suggestedName) {
        OutputTarget.requireNamesFit(given, target);
        OutputTarget.requireNoStepUpFromMissing(given, target);
        Path file = OutputTarget.resolve(given, target, inputs, suggestedName);
        OutputTarget.requireNamesFit(given, file);
        OutputTarget.requireNotInput(given, file, inputs);
        OutputTarget.requireNotReadOnly(given, target, file);
        Path folder = file.getParent();
        Path existing = OutputTarget.nearestExistingFolder(given, folder);
        OutputTarget.requireFolderNotReadOnly(given, existing);
        try {
            Path probe = Files.createTempFile(existing, ".orbifold-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw CliException.usage("cannot write --out " + given + ": folder " + existing
                    + " does not take new files" + (e instanceof NoSuchFileException ? ""
                    : " (" + reason(e) + ")"), e);
        }
        return file;
    }

    /**
     * Returns why a file operation failed without the name of the file it tried, such as
     * {@code "permission denied"}, for messages that name the target themselves: the
     * system's reason of a file-system error, else the exception's own message (a full disk
     * gives a plain {@link IOException} saying {@code No space left on device}), else its
     * class's name.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (!(e instanceof FileSystemException) && e.getMessage() != null
                && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    /**
     * The medoid and its objective realigned as the start of a center computation
     * ({@link Medoid#realignedObjective}).
     */
    private record Medoids(MedoidResult result, double realigned,
            AlignerOptions.Unproven search) {
    }

    private String json(Sample sample, Aligner aligner, int workers, Medoids medoids,
            double medoidSeconds, CenterResult result, double seconds) {
        MedoidResult medoid = medoids.result();
        return JsonOutput.text(json -> {
            json.beginObject();
            json.name("command").value(kind);
            json.name("dataset").value(sample.source());
            json.name("class").value(sample.className());
            // The first N graphs kept by --limit (of the class, with --class); null: all.
            JsonOutput.integer(json.name("limit"), data.limit);
            json.name("graphs").value(sample.size());
            json.name("aligner").value(aligner.name());
            json.name("seed").value(options.seed);
            json.name("nodeWeight").value(weights.nodeWeight);
            json.name("edgeWeight").value(weights.edgeWeight);
            json.name("threads").value(workers);
            json.name("init").value(init);
            json.name("restarts").value(restarts);
            json.name("maxIterations").value(maxIterations);
            JsonOutput.number(json.name("timeLimitSeconds"), options.timeLimitSeconds());
            json.name("objective").value(result.objective());
            json.name("objectiveMeaning").value(objectiveMeaning);
            json.name("medoidObjective").value(medoid.objective());
            json.name("medoidIndex").value(medoid.index());
            json.name("medoidRealignedObjective").value(medoids.realigned());
            json.name("iterations").value(result.iterations());
            json.name("totalIterations").value(result.totalIterations());
            json.name("runs").beginArray();
            for (CenterResult.Run run : result.runs()) {
                json.beginObject().name("objective").value(run.objective())
                        .name("iterations").value(run.iterations())
                        .name("trace").value(run.trace()).endObject();
            }
            json.endArray();
            // The entry of runs that the result (center, objective, trace) is.
            json.name("keptRun").value(result.keptRun());
            json.name("status").value(result.status().name());
            AlignerOptions.Unproven unproven = options.unproven(result.alignments());
            json.name("uncertifiedAlignments").value(unproven.unproven());
            json.name("limitReached").value(unproven.limitReached());
            unproven.writeReasons(json);
            // The medoid search's pair alignments, counted apart from the final ones above.
            json.name("medoidSearchAlignments").value(medoids.search().made());
            json.name("medoidSearchUncertifiedAlignments")
                    .value(medoids.search().unproven());
            json.name("medoidSearchLimitReached").value(medoids.search().limitReached());
            json.name("trace").value(result.trace());
            // Each graph's distance to the center under its final alignment: the objective
            // is their mean (median) or the mean of their squares (mean).
            json.name("distances").value(result.distances());
            // wallTimeSeconds is the center's part alone (scripts add the medoid's to it);
            // totalWallTimeSeconds is their sum, the total that the summary prints first.
            json.name("wallTimeSeconds").value(seconds);
            json.name("medoidWallTimeSeconds").value(medoidSeconds);
            json.name("totalWallTimeSeconds").value(medoidSeconds + seconds);
            JsonOutput.strings(json.name("notes"), notes(sample, medoids, result.center()));
            CenterGraph.write(json.name("center"), result.center(), sample.nodeChannels(),
                    sample.edgeChannels());
            json.endObject();
        });
    }

    /**
     * Compares an objective with the realigned medoid's, relative to the latter, in words
     * without a sign: {@code 23.4 % lower}, or {@code 9.0 % higher} where the objective is
     * higher (a start such as {@code --init incremental} can end above the medoid). An
     * objective that equals a positive medoid objective exactly reads
     * {@code equal to the medoid's}; one within rounding of it, {@code 0.0 % lower} or
     * {@code 0.0 % higher}; no negative zero is printed. A medoid objective of 0 (every
     * graph the same up to relabelling, or one graph) gives no percentage:
     * {@code equal to it, both 0}, or {@code higher, while the medoid's is 0} for a positive
     * objective.
     *
     * @param medoid the realigned medoid's objective
     * @param objective the objective compared with it
     * @return the words
     */
    static String comparedWith(double medoid, double objective) {
        if (!(medoid > 0)) {
            return objective > 0 ? "higher, while the medoid's is 0" : "equal to it, both 0";
        }
        if (objective == medoid) {
            return "equal to the medoid's";
        }
        double change = 100.0 * (medoid - objective) / medoid;
        return Numbers.decimal(Math.abs(change), 1) + " % " + (change < 0 ? "higher" : "lower");
    }

    private void summary(PrintWriter w, Sample sample, Aligner aligner, int workers,
            Medoids medoids, double medoidSeconds, CenterResult result, double seconds) {
        MedoidResult medoid = medoids.result();
        double realigned = medoids.realigned();
        w.printf(Locale.ROOT, "%s%n", title(sample));
        w.printf(Locale.ROOT, "aligner %s, seed %d%s, %s, start: %s%s%n", aligner.name(),
                options.seed, options.timeLimitWords(), Numbers.threads(workers), init,
                restarts > 1 ? String.format(Locale.ROOT, ", best of %,d runs", restarts) : "");
        w.printf(Locale.ROOT, "objective   %s  (%s)%n",
                Numbers.decimalOrTiny(result.objective(), 6), objectiveMeaning);
        String pairwise = Numbers.decimalOrTiny(medoid.objective(), 6);
        String start = Numbers.decimalOrTiny(realigned, 6);
        boolean differs = !start.equals(pairwise);
        w.printf(Locale.ROOT, "medoid      %s  (graph %d%s; the %s is %s)%n", start,
                medoid.index(), differs ? ", realigned" : "", kind,
                comparedWith(realigned, result.objective()));
        w.printf(Locale.ROOT, "iterations  %d, status %s%s%n", result.iterations(),
                result.status(), result.runs().size() > 1 ? String.format(Locale.ROOT,
                        " (best run, run %,d; %,d iterations over all %,d runs)",
                        result.keptRun() + 1, result.totalIterations(), result.runs().size())
                        : "");
        AlignerOptions.Unproven unproven = options.unproven(result.alignments());
        if (unproven.text() != null) {
            w.printf(Locale.ROOT, "alignments  final (one per graph): %s; the objective is an"
                    + " upper bound%n", unproven.text());
        }
        if (medoids.search().text() != null) {
            w.printf(Locale.ROOT, "pairs       medoid search: %s; the medoid objective is an"
                    + " upper bound%n", medoids.search().text());
        }
        double medoidPart = Numbers.hundredths(medoidSeconds);
        double centerPart = Numbers.hundredths(seconds);
        w.printf(Locale.ROOT, "wall time   %.2f s (medoid %.2f s + %s %.2f s)%n",
                medoidPart + centerPart, medoidPart, kind, centerPart);
        printNotes(w, notes(sample, medoids, result.center()));
        CenterGraph.summary(w, result.center(), sample.nodeChannels(), sample.edgeChannels());
    }

    /**
     * Returns the notes of a report, the same in text and JSON: how many graphs have no
     * nodes, if any (an empty medoid explains an empty center); the note giving both medoid
     * objectives when the realigned one differs from the medoid search's (as the
     * {@code medoid} line prints them); then the data set's reader notes; last, when the
     * center's node attributes are decoded given existence and that changes some kept node's
     * (its existence is below 1), a note that says so.
     */
    private List<String> notes(Sample sample, Medoids medoids, Graph center) {
        List<String> notes = new ArrayList<>();
        long empty = sample.graphsWithoutNodes();
        if (empty > 0) {
            notes.add(String.format(Locale.ROOT, "%,d of the %s %s no nodes", empty,
                    graphs(sample.graphs().size()), empty == 1 ? "has" : "have"));
        }
        String pairwise = Numbers.decimalOrTiny(medoids.result().objective(), 6);
        String start = Numbers.decimalOrTiny(medoids.realigned(), 6);
        if (!start.equals(pairwise)) {
            notes.add(String.format(Locale.ROOT, "the medoid's objective is %s with the"
                    + " alignments of the medoid search (the distances align prints) and %s with"
                    + " the graphs realigned to it, warm-started, as the %s's first step"
                    + " does; the comparison uses the latter, so that it shows what the"
                    + " iterations gained", pairwise, start, kind));
        }
        notes.addAll(sample.dataset().notes());
        String given = CenterGraph.givenExistenceNote(center, sample.nodeChannels(),
                (kind.equals("median") ? "a Weiszfeld-weighted" : "the")
                        + " average over the graphs that have the node");
        if (given != null) {
            notes.add(given);
        }
        return notes;
    }

    /**
     * Prints notes (such as the data set's reader notes on skipped records), one line each,
     * as the text reports show them.
     */
    static void printNotes(PrintWriter w, List<String> notes) {
        for (String note : notes) {
            w.printf(Locale.ROOT, "note        %s%n", VisibleText.escape(note));
        }
    }

    /**
     * Writes the text to a temporary file next to {@code given}, then moves it in place; a
     * symbolic link is followed and the file it names replaced. A replaced file keeps its
     * POSIX read, write and execute permissions (a private {@code rw-------} file stays
     * private) where the file system has them, and its owner and group where the writing
     * user may set them ({@link FileSet}); setuid, setgid and sticky bits are not kept.
     * Fails, writing nothing,
     * when the file exists and is not a regular file ({@link OutputTarget#resolve}) or is
     * read-only or may not be replaced in its sticky folder
     * ({@link OutputTarget#requireNotReadOnly}).
     */
    static void writeAtomically(Path given, String text) {
        FileSet.write(List.of(new FileSet.Entry(given, text)));
    }
}
