package org.orbifold.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.cluster.CenterUpdate;
import org.orbifold.cluster.CentralClustering;
import org.orbifold.cluster.ClusterValidity;
import org.orbifold.cluster.ClusteringResult;
import org.orbifold.cluster.TooFewDistinctGraphsException;
import org.orbifold.io.JsonWriter;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TextFiles;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;
import org.orbifold.stats.Medoid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orbifold cluster}: k-means, k-medians or k-medoids of the graphs by
 * {@link CentralClustering}, scored against the data set's classes (adjusted Rand index,
 * purity) when it has them, and optionally by the silhouette. The index is 1 where it is
 * undefined because both partitions are trivial the same way (one graph; one cluster of one
 * class), as {@link ClusterValidity#adjustedRandIndex} documents.
 *
 * <p>With {@code --out DIR} the command also writes {@value #ASSIGNMENTS}, {@value #CENTERS},
 * {@value #TRACE} and {@value #RESULT} into DIR, each through a temporary file that is moved
 * into place, so a failed write leaves no partial file.
 *
 * <p>The reported wall time covers the clustering and the silhouette (what the user waits
 * for after the data are loaded). k-medoids computes its distance matrix here, counting the
 * pairs on the progress bar, and its silhouette reads that matrix instead of aligning again.
 *
 * <p><b>Limitations.</b> The silhouette of k-means and k-medians needs all {@code n(n-1)/2}
 * pairwise alignments of its graphs and is therefore computed only on request. The progress
 * bar numbers the iterations of every restart from 1.
 */
@Command(name = "cluster", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Cluster the graphs around k centers (k-means, k-medians or k-medoids)"
            + " and compare the clusters with the classes."})
final class ClusterCommand extends DatasetCommand {

    /** File of the cluster of every graph. */
    static final String ASSIGNMENTS = "assignments.csv";

    /** File of the center graphs. */
    static final String CENTERS = "centers.json";

    /** File of the objective after every iteration. */
    static final String TRACE = "trace.csv";

    /** File of the JSON result. */
    static final String RESULT = "result.json";

    /** How {@link #RESULT} begins, and how many bytes of an existing output file are read. */
    private static final String OUTPUT_START = "{\"command\":\"cluster\"";

    /** How {@link #CENTERS} begins. */
    private static final String CENTERS_START = "{\"algorithm\":";

    /** The header line of {@link #ASSIGNMENTS}. */
    private static final String ASSIGNMENTS_HEADER = "index,graph,class,cluster,distance";

    /**
     * The header line of {@link #ASSIGNMENTS} before the {@code distance} column, still
     * recognised in a folder of earlier outputs.
     */
    private static final String OLD_ASSIGNMENTS_HEADER = "index,graph,class,cluster";

    /** The header line of {@link #TRACE}. */
    private static final String TRACE_HEADER = "iteration,objective";

    /** The most restarts whose objectives the text report lists one by one. */
    static final int LISTED_RESTARTS = 10;

    /**
     * The largest graph order from which k-means and k-medians with the Frechet center update
     * note on standard error, before the work, that the run can be slow.
     */
    static final int LARGE_ORDER = 100;

    /** The three algorithms: their option value, their name in text and their objective. */
    private enum Algorithm {
        KMEANS("kmeans", "k-means", "sum of squared distances to the cluster centers"),
        KMEDIANS("kmedians", "k-medians", "sum of distances to the cluster centers"),
        KMEDOIDS("kmedoids", "k-medoids", "sum of distances to the cluster medoids");

        final String option;
        final String title;
        final String objectiveMeaning;

        Algorithm(String option, String title, String objectiveMeaning) {
            this.option = option;
            this.title = title;
            this.objectiveMeaning = objectiveMeaning;
        }

        static Algorithm of(String value) {
            for (Algorithm a : values()) {
                if (a.option.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw CliException.usage("--algorithm must be kmeans, kmedians or kmedoids, got "
                    + UsageErrors.quotedWithHint(value, List.of("kmeans", "kmedians",
                    "kmedoids")));
        }

        CentralClustering.Builder builder(int k) {
            return switch (this) {
                case KMEANS -> CentralClustering.kMeans(k);
                case KMEDIANS -> CentralClustering.kMedians(k);
                case KMEDOIDS -> CentralClustering.kMedoids(k);
            };
        }
    }

    @Option(names = {"-k", "--clusters"}, paramLabel = "K", required = true,
            description = "Number of clusters, 1 to the number of graphs.")
    int k;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "kmeans",
            description = "kmeans, kmedians or kmedoids (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Mixin
    AlignerOptions options;

    @Mixin
    WeightOptions weights;

    @Option(names = "--restarts", paramLabel = "R", defaultValue = "1",
            description = "Seeded k-means++ restarts; the lowest objective is kept; the"
                + " text lists up to " + LISTED_RESTARTS + " objectives, of more the range;"
                + " at most 10,000 (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Mixin
    ThreadOptions threads;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100",
            description = "Lloyd iterations per restart at most; 0 keeps the k-means++"
                + " seeds as the centers, each graph assigned to its nearest seed (default:"
                + " ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--center-update", paramLabel = "HOW", defaultValue = "frechet",
            description = "k-means/k-medians center update: frechet (up to 3 Frechet"
                + " iterations, each realigning the members) or step (one average under the"
                + " current alignments, no alignment) (default: ${DEFAULT-VALUE}).")
    String centerUpdate;

    @Option(names = "--center-order", paramLabel = "R", defaultValue = "0",
            description = "Keep at most R nodes (the heaviest) in each k-means/k-medians"
                + " center, with either --center-update; a capped center is kept only if it"
                + " lowers the objective, and a note counts the refused ones; 0 = no cap"
                + " (default: ${DEFAULT-VALUE}).")
    int centerOrder;

    @Option(names = "--tolerance", paramLabel = "EPS", defaultValue = "1e-9",
            preprocessor = RealValue.class,
            description = "Stop when the objective falls by less than this fraction"
                + " (default: ${DEFAULT-VALUE}); also stop when no graph changes cluster"
                + " and the center update has converged. With --center-update frechet it is"
                + " also each center's Frechet mean or median stopping tolerance, so it"
                + " changes the centers, not only when Lloyd stops.")
    double tolerance;

    @Option(names = "--seeding-aligner", paramLabel = "NAME",
            description = "k-means/k-medians: aligner of the k-means++ seeding and the first"
                + " assignment only, e.g. nodes (default: the --aligner).")
    String seedingAligner;

    @Option(names = "--track-alignments",
            description = "k-means/k-medians: keep every graph's alignment to every center;"
                + " realign only where 2-swap local search can still improve the kept one.")
    boolean trackAlignments;

    @Option(names = "--refresh-every", paramLabel = "R", defaultValue = "0",
            description = "With --track-alignments: run the aligner only on every R-th Lloyd"
                + " iteration (and before stopping); the others only polish the kept"
                + " alignments by 2-swap local search. 0 = realign wherever local search"
                + " can improve (default: ${DEFAULT-VALUE}).")
    int refreshEvery;

    @Option(names = "--lower-bounds",
            description = "k-means/k-medians: skip aligning a graph to a center that a"
                + " certified lower bound (node assignment plus sorted edge values) proves"
                + " no nearer than the best center found so far; same labels, fewer"
                + " alignments.")
    boolean lowerBounds;

    @Option(names = "--squared-costs",
            description = "k-medoids: minimise the sum of squared distances (the k-means"
                + " objective) instead of the sum of distances.")
    boolean squaredCosts;

    @Option(names = "--no-pruning", negatable = false,
            description = "Compute every graph-to-center distance even where the triangle"
                + " inequality on certified distances would skip it.")
    boolean noPruning;

    @Option(names = "--silhouette",
            description = "Also compute the mean silhouette (all pairwise distances: slow;"
                + " needs -k 2 or more).")
    boolean silhouette;

    @Option(names = "--silhouette-sample", paramLabel = "S",
            description = "With --silhouette: compute it on S graphs drawn without"
                + " replacement with --seed (0 = all graphs; default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int silhouetteSample;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write " + ASSIGNMENTS + ", " + CENTERS + ", " + TRACE + " and "
                + RESULT + " into DIR (created if missing) as one set: all are written first,"
                + " then renamed into place, " + RESULT + " last, so a failed write replaces"
                + " none of an earlier run's; a symbolic link"
                + " among them is followed, and one that is a folder, device, pipe or read-only"
                + " file, or an input file, is refused, as is a DIR that holds data sets.")
    Path out;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also draw the cluster centers, one panel each, as an SVG document in"
                + " FILE, as render draws graphs (checked as the --out of mean).")
    Path svg;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() {
        // Check the options before any long work.
        weights.requireValid();
        Algorithm method = Algorithm.of(algorithm);
        int workers = threads.workers();
        if (k < 1) {
            throw CliException.usage("--clusters must be >= 1, got " + k);
        }
        if (restarts < 1 || restarts > CentralClustering.MAX_RESTARTS) {
            throw CliException.usage(String.format(Locale.ROOT,
                    "--restarts must be between 1 and %,d, got %d", CentralClustering.MAX_RESTARTS,
                    restarts));
        }
        if (maxIterations < 0) {
            throw CliException.usage("--max-iterations must be >= 0, got " + maxIterations);
        }
        CenterUpdate update = centerUpdate(centerUpdate);
        if (centerOrder < 0) {
            throw CliException.usage("--center-order must be >= 0 (0 = no cap), got "
                    + centerOrder);
        }
        if (!(tolerance >= 0.0) || !Double.isFinite(tolerance)) {
            throw CliException.usage("--tolerance must be a finite number >= 0, got "
                    + RealValue.typed(spec, "--tolerance", tolerance));
        }
        // A relative decrease is at most 1, so a tolerance of 1 or more would stop every
        // run after its first iteration whatever the objective did.
        if (tolerance >= 1.0) {
            throw CliException.usage("--tolerance is a fraction of the objective and must be"
                    + " below 1, got " + RealValue.typed(spec, "--tolerance", tolerance)
                    + ": an iteration lowers the objective by at most all of it, so 1 or more"
                    + " would stop after the first iteration (--max-iterations 1 does that)");
        }
        if (silhouetteSample < 0) {
            throw CliException.usage("--silhouette-sample must be >= 0 (0 = all graphs), got "
                    + silhouetteSample);
        }
        if (method == Algorithm.KMEDOIDS) {
            for (String option : List.of("--center-update", "--center-order",
                    "--seeding-aligner", "--track-alignments", "--refresh-every",
                    "--lower-bounds")) {
                if (given(option)) {
                    throw CliException.usage(option + " applies only to --algorithm kmeans or"
                            + " kmedians (" + notForMedoids(option) + ")");
                }
            }
        }
        if (refreshEvery < 0) {
            throw CliException.usage("--refresh-every must be >= 0 (0 = none), got "
                    + refreshEvery);
        }
        // Given at all, even as its default 0, an option needs the option it modifies.
        if (given("--refresh-every") && !trackAlignments) {
            throw CliException.usage("--refresh-every needs --track-alignments");
        }
        if (silhouette && k == 1) {
            throw CliException.usage("--silhouette needs -k 2 or more, got -k 1: it compares"
                    + " each graph's distances to its own cluster with those to the nearest"
                    + " other cluster");
        }
        if (given("--silhouette-sample") && !silhouette) {
            throw CliException.usage("--silhouette-sample needs --silhouette");
        }
        if (silhouetteSample == 1) {
            throw CliException.usage("--silhouette-sample must be 0 (all graphs) or at least"
                    + " 2: a silhouette compares each graph with the others");
        }
        if (squaredCosts && method != Algorithm.KMEDOIDS) {
            throw CliException.usage("--squared-costs applies only to --algorithm kmedoids"
                    + (method == Algorithm.KMEANS
                            ? " (k-means already minimises squared distances)"
                            : " (k-medians minimises distances; for squared distances use"
                            + " --algorithm kmeans)"));
        }
        // The aligner counts its alignments and those not proven optimal, by reason, over the
        // whole run: seeding, Lloyd iterations, silhouette.
        CountingAligner aligner = new CountingAligner(options.aligner());
        Aligner seeding = seedingAligner == null ? aligner : seedingAligner(seedingAligner);
        if (out != null && out.toString().isBlank()) {
            throw CliException.usage("--out needs a folder name");
        }
        List<OutputTarget.Input> inputs = OutputTarget.inputs("DATASET", Sample.source(dataset));
        Path folder = out == null ? null : prepareFolder(out, inputs);
        List<Path> outputs = new ArrayList<>();
        for (String name : folder == null ? List.<String>of()
                : List.of(ASSIGNMENTS, CENTERS, TRACE, RESULT)) {
            outputs.add(folder.resolve(name));
        }
        OutputTarget.requireFileName(spec, SvgOutput.OPTION);
        Path drawing = SvgOutput.check(svg, inputs, outputs);
        Sample sample = load();
        if (k > sample.size()) {
            throw CliException.usage("--clusters must be at most the number of graphs, "
                    + sample.size() + ", got " + k);
        }
        int distinct = new HashSet<>(sample.graphs()).size();
        if (k > distinct) {
            throw CliException.usage("--clusters must be at most the number of distinct"
                    + " graphs, " + distinct + " of " + sample.size() + ", got " + k);
        }
        GraphSpace space = sample.space(weights.nodeWeight, weights.edgeWeight, spec);
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress.show();
        int largest = 0;
        for (Graph g : sample.graphs()) {
            largest = Math.max(largest, g.order());
        }
        String slow = largeOrderNote(largest, method == Algorithm.KMEDOIDS, update);
        if (slow != null) {
            err.println(RenderCommand.NOTE_PREFIX + slow);
            err.flush();
        }

        // The clustering, then the silhouette if asked for, on one pool.
        ForkJoinPool pool = new ForkJoinPool(workers);
        ClusteringResult result;
        Double meanSilhouette = null;
        int[] silhouetteGraphs = null;
        double seconds;
        try (Progress bar = new Progress(err, showProgress)) {
            long t0 = System.nanoTime();
            int n = sample.size();
            // k-medoids: the distance matrix first, counted pair by pair on the bar; the
            // silhouette reads it too.
            double[][] matrix = null;
            if (method == Algorithm.KMEDOIDS) {
                Aligner pairs = bar.counting(method.title + " distances of "
                        + CenterCommand.graphs(n), "pairs", (long) n * (n - 1) / 2, aligner);
                matrix = Medoid.distanceMatrix(space, sample.graphs(), pairs, pool);
            }
            IterationListener listener = bar.iterationsUpTo(method.title, maxIterations,
                    restarts);
            try {
                CentralClustering.Builder builder = method.builder(k).aligner(aligner)
                        .maxIterations(maxIterations).restarts(restarts).seed(options.seed)
                        .executor(pool).listener(listener)
                        .assignmentListener(bar.assignments()).centerUpdate(update)
                        .maxCenterOrder(centerOrder).tolerance(tolerance).pruning(!noPruning)
                        .squaredMedoidCosts(squaredCosts).seedingAligner(seeding)
                        .trackAlignments(trackAlignments).refreshInterval(refreshEvery)
                        .lowerBounds(lowerBounds);
                if (matrix != null) {
                    builder.distances(matrix);
                }
                result = builder.build().cluster(space, sample.graphs());
            } catch (TooFewDistinctGraphsException e) {
                throw tooFewDistinct(e, zeroWeight());
            }
            if (silhouette) {
                int[] chosen = sampleIndices(n, silhouetteSample, options.seed);
                silhouetteGraphs = chosen;
                long used = chosen.length;
                Aligner pairs = matrix != null ? aligner : bar.counting("silhouette: distances"
                        + " of " + CenterCommand.graphs((int) used), "pairs",
                        used * (used - 1) / 2, aligner);
                meanSilhouette = silhouette(space, sample.graphs(), pairs, pool, result,
                        chosen, matrix);
            }
            // The time the user waited for: clustering and silhouette, data loading aside.
            seconds = (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
        }

        // Agreement with the classes, when every graph has one.
        int[] classes = classCodes(sample);
        Double ari = classes == null ? null
                : ClusterValidity.adjustedRandIndex(result.labels(), classes);
        Double purity = classes == null ? null
                : ClusterValidity.purity(result.labels(), classes);

        // Report to standard output first, then the files.
        Report report = new Report(sample, method, aligner, workers, result, ari, purity,
                meanSilhouette, silhouetteGraphs, seconds, options.unproven(aligner));
        String json = json(report);
        if (data.json) {
            out().println(json);
        } else {
            StringWriter summary = new StringWriter();
            summary(new PrintWriter(summary), report);
            out().println(TextFiles.unpadEnd(summary.toString()));
        }
        out().flush();
        if (folder != null) {
            write(folder, report, json);
        }
        if (drawing != null) {
            SvgOutput.write(drawing, drawing(report), folder == null ? List.of()
                    : List.of(folder.resolve(ASSIGNMENTS), folder.resolve(CENTERS),
                    folder.resolve(TRACE), folder.resolve(RESULT)));
        }
        if (!data.json) {
            if (folder != null) {
                out().printf(Locale.ROOT, "folder      %s (%s, %s, %s, %s)%n",
                        VisibleText.escape(out.toString()),
                        ASSIGNMENTS, CENTERS, TRACE, RESULT);
            }
            CenterCommand.printWritten(out(), svg);
        }
        return 0;
    }

    /** Draws the centers, one panel each, titled with the cluster and its size. */
    private String drawing(Report r) {
        ClusteringResult result = r.result();
        Sample sample = r.sample();
        int[] sizes = new int[result.centers().size()];
        for (int label : result.labels()) {
            sizes[label]++;
        }
        List<String> titles = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            titles.add("cluster " + c + ", " + CenterCommand.graphs(sizes[c]));
        }
        String heading = String.format(Locale.ROOT, "%s with k = %d of %s from %s", r.method()
                .title, k, CenterCommand.graphs(sample.size()), sample.source())
                + (sample.className() == null ? "" : " (class " + sample.className() + ")");
        return SvgDrawing.of(sample.nodeChannels(), sample.edgeChannels())
                .withSeed(options.seed).graphs(heading, result.centers(), titles);
    }

    /**
     * The usage error for more clusters than graphs that differ, worded as the refusal of
     * more clusters than distinct graphs: the seeding found every other graph at distance 0
     * from one of fewer graphs than {@code -k}. Exactly one graph when it found one; "at
     * most" more, since a positive distance found by a heuristic aligner is an upper bound
     * that does not prove two graphs differ. Distance 0 is taken under the chosen weights:
     * with both positive, graphs at distance 0 are relabelled copies; a weight of 0 ignores
     * the node or edge attributes, so different graphs can be equal under it, which the
     * message then says, naming the option.
     *
     * @param e the clustering's refusal
     * @param zeroWeight what a weight of 0 ignores, naming the option as typed, such as
     *     {@code --edge-weight 0 ignores the edge attributes}, or null when both weights are
     *     positive
     * @return the usage error
     */
    static CliException tooFewDistinct(TooFewDistinctGraphsException e, String zeroWeight) {
        if (!e.upToRelabelling()) {
            return CliException.usage("--clusters must be at most the number of distinct"
                    + " graphs, " + e.distinct() + " of " + e.graphs() + ", got " + e.clusters(),
                    e);
        }
        String copy = zeroWeight == null ? "a relabelled copy of" : "equal up to relabelling"
                + " to";
        String count = e.distinct() == 1 ? "1 of " + e.graphs() + " (the others are "
                + (zeroWeight == null ? "relabelled copies of it" : "equal to it up to"
                + " relabelling") + ", at distance 0)" : "at most " + e.distinct() + " of "
                + e.graphs() + " (every other graph is " + copy + " one of "
                + e.distinct() + ", at distance 0)";
        String weights = zeroWeight == null ? "" : " under the chosen weights ("
                + zeroWeight + ")";
        return CliException.usage("--clusters must be at most the number of graphs that differ"
                + " up to relabelling" + weights + ", " + count + ", got " + e.clusters(), e);
    }

    /**
     * Why an option of k-means and k-medians does not apply to k-medoids, for the usage
     * error that refuses it: the center options because k-medoids centers are members, the
     * alignment options because k-medoids reads every distance, its seeding's included, from
     * the matrix of all pairwise distances computed before it starts.
     *
     * @param option one of the refused options, as the command declares it
     * @return the reason, without the option's name
     */
    static String notForMedoids(String option) {
        return switch (option) {
            case "--center-update", "--center-order" -> "k-medoids centers are members: after"
                    + " every assignment, each cluster's medoid";
            case "--seeding-aligner" -> "k-medoids seeds and assigns from one matrix of all"
                    + " pairwise distances, aligned by --aligner before it starts";
            case "--lower-bounds" -> "k-medoids reads every distance from a precomputed matrix"
                    + " of all pairs, so no alignment is left for a bound to skip";
            default -> "k-medoids reads every distance from a precomputed matrix of all pairs"
                    + " and keeps no alignment to a center";
        };
    }

    private String objectiveMeaning(Algorithm method) {
        return method == Algorithm.KMEDOIDS && squaredCosts
                ? "sum of squared distances to the cluster medoids" : method.objectiveMeaning;
    }

    private static CenterUpdate centerUpdate(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "frechet" -> CenterUpdate.FRECHET;
            case "step" -> CenterUpdate.SINGLE_STEP;
            default -> throw CliException.usage("--center-update must be frechet or step, got "
                    + UsageErrors.quotedWithHint(value, List.of("frechet", "step")));
        };
    }

    /**
     * Everything the outputs show; {@code unproven} counts the alignments of the whole run
     * made by the {@code --aligner} (not by a {@code --seeding-aligner} of its own) and those
     * of them not proven optimal.
     */
    private record Report(Sample sample, Algorithm method, Aligner aligner, int workers,
            ClusteringResult result, Double ari, Double purity, Double silhouette,
            int[] silhouetteGraphs, double seconds, AlignerOptions.Unproven unproven) {
    }

    /**
     * Checks, before any long work, that the output folder can be created and take new files,
     * without creating anything: a folder that exists gets a probe file (created and deleted
     * at once); a missing one needs its nearest existing ancestor to be a folder that takes new
     * entries (it gets the probe file). The folder itself is created only when the results are
     * written, so a run that fails leaves nothing behind.
     *
     * <p>Each of the four files that exists already must be a regular file (or a symbolic link
     * to one, which is followed) that is not read-only ({@link OutputTarget#readOnly}) and
     * that looks like this command's own output ({@link #earlierOutput}), and
     * none of them, existing or not, may be an input or lie
     * in an input folder: a new output folder inside a data set folder is refused too. An
     * existing folder that holds data sets ({@link OutputTarget#holdsData}: files the loader
     * reads, in it or in a subfolder, earlier outputs of this command not counted) is refused
     * as well, input or not. These
     * checks come before the probe, so that a refused folder gets no probe file and an input
     * folder is never written to, not even for a moment.
     *
     * @param given the folder as the user gave it
     * @param inputs the command's input files and folders
     * @return its absolute path
     */
    static Path prepareFolder(Path given, List<OutputTarget.Input> inputs) {
        Path folder = given.toAbsolutePath();
        OutputTarget.requireNamesFit(given, folder);
        OutputTarget.requireNoStepUpFromMissing(given, folder);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw CliException.usage("cannot write --out " + given + ": it exists and is not"
                    + " a folder; give a folder");
        }
        Path existing = OutputTarget.nearestExistingFolder(given, folder);
        // The inputs first: not even a probe file may be written into an input folder.
        for (String name : List.of(ASSIGNMENTS, CENTERS, TRACE, RESULT)) {
            Path file = folder.resolve(name);
            Path named = given.resolve(name);
            if (Files.isDirectory(file)) {
                throw CliException.usage("cannot write --out " + given + ": " + named
                        + " is a folder; give another folder");
            }
            Path replaced = OutputTarget.resolve(named, file);
            OutputTarget.requireNotInput(named, replaced, inputs);
            OutputTarget.requireNotReadOnly(named, file, replaced);
            if (Files.isRegularFile(replaced) && !earlierOutput(name, replaced)) {
                throw CliException.usage("cannot write --out " + given + ": " + named
                        + " exists and is not the output of an earlier cluster run; remove it"
                        + " or give another folder");
            }
        }
        // A folder of data: the four files would lie among data sets (earlier cluster
        // outputs do not count as data).
        if (Files.isDirectory(folder) && OutputTarget.holdsData(folder)) {
            throw CliException.usage("cannot write --out " + given + ": the folder holds data"
                    + " sets (" + OutputTarget.dataFound(folder) + "); give a folder without"
                    + " data, such as a new one");
        }
        OutputTarget.requireFolderNotReadOnly(given, existing);
        try {
            Path probe = Files.createTempFile(existing, ".orbifold-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw CliException.usage("cannot write --out " + given + ": folder " + existing
                    + " does not take new files (" + CenterCommand.reason(e) + ")", e);
        }
        return folder;
    }

    /**
     * Whether an existing file of an output folder may be replaced: it is empty or begins as
     * this command writes the file of that name (the header line of {@code assignments.csv}
     * or {@code trace.csv}, the first key of {@code centers.json} or {@code result.json}).
     * Anything else, such as a data set that happens to be called {@code trace.csv}, is kept.
     */
    private static boolean earlierOutput(String name, Path file) {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(OUTPUT_START.length()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot write --out: cannot read " + file + " ("
                    + CenterCommand.reason(e) + ")", e);
        }
        String expected = switch (name) {
            case ASSIGNMENTS -> "index,graph,";
            case TRACE -> "iteration,objective";
            case CENTERS -> CENTERS_START;
            default -> OUTPUT_START;
        };
        return start.isEmpty() || start.startsWith(expected);
    }

    /**
     * Whether a file is one that this command writes into {@code --out DIR}, and no data: it
     * is named as one of the four files and begins as this command writes that file. The two
     * CSV files must begin with the whole header line written here (for
     * {@code assignments.csv} also the one of earlier versions, without the
     * {@code distance} column), which names no {@code smiles} column, so that such a file
     * is never a molecule file the loader could read; the two JSON files, no data-set files
     * by their ending anyway, with their first key. An empty file, or one that is no
     * regular file or cannot be read, is not recognised. {@link OutputTarget} asks it so
     * that a folder of earlier cluster outputs does not count as holding data.
     *
     * @param file a file
     * @return whether it is recognised as an output of this command
     */
    static boolean isOutput(Path file) {
        Path fileName = file.getFileName();
        String start = switch (fileName == null ? "" : fileName.toString()) {
            case ASSIGNMENTS -> ASSIGNMENTS_HEADER + "\n";
            case TRACE -> TRACE_HEADER + "\n";
            case CENTERS -> CENTERS_START;
            case RESULT -> OUTPUT_START;
            default -> null;
        };
        if (start == null || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] expected = start.getBytes(StandardCharsets.UTF_8);
            byte[] read = in.readNBytes(expected.length);
            byte[] older = (OLD_ASSIGNMENTS_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
            return Arrays.equals(read, expected) || (start.startsWith(ASSIGNMENTS_HEADER)
                    && Arrays.equals(Arrays.copyOf(read, Math.min(read.length, older.length)),
                    older));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What the weights of value 0 ignore, naming the options as typed
     * ({@code --edge-weight 0.0 ignores the edge attributes}), or null when both weights are
     * positive.
     */
    private String zeroWeight() {
        String node = weights.nodeWeight == 0.0
                ? "--node-weight " + RealValue.typed(spec, "--node-weight", 0.0) : null;
        String edge = weights.edgeWeight == 0.0
                ? "--edge-weight " + RealValue.typed(spec, "--edge-weight", 0.0) : null;
        if (node != null && edge != null) {
            return node + " and " + edge + " ignore all attributes";
        }
        return node != null ? node + " ignores the node attributes"
                : edge != null ? edge + " ignores the edge attributes" : null;
    }

    /** Whether the command line gives the option, whatever its value. */
    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * The mean silhouette of the clustering on the graphs of {@code chosen} (increasing
     * indices; the clusters restricted to them; NaN when fewer than two of them meet it):
     * their distances are read from {@code matrix} when it is not null (k-medoids computed
     * it, for the same pairs in the same order), otherwise aligned anew.
     */
    private static double silhouette(GraphSpace space, List<Graph> graphs, Aligner aligner,
            ForkJoinPool pool, ClusteringResult result, int[] chosen, double[][] matrix) {
        List<Graph> sampled = new ArrayList<>(chosen.length);
        int[] labels = new int[chosen.length];
        boolean[] seen = new boolean[result.clusters()];
        int used = 0;
        for (int j = 0; j < chosen.length; j++) {
            sampled.add(graphs.get(chosen[j]));
            labels[j] = result.labels()[chosen[j]];
            used += seen[labels[j]] ? 0 : 1;
            seen[labels[j]] = true;
        }
        if (used < 2) {
            return Double.NaN;
        }
        double[][] distances;
        if (matrix == null) {
            distances = Medoid.distanceMatrix(space, sampled, aligner, pool);
        } else if (chosen.length == matrix.length) {
            // All graphs (chosen holds increasing indices): the matrix as it is, no copy.
            distances = matrix;
        } else {
            distances = new double[chosen.length][chosen.length];
            for (int a = 0; a < chosen.length; a++) {
                for (int b = 0; b < chosen.length; b++) {
                    distances[a][b] = matrix[chosen[a]][chosen[b]];
                }
            }
        }
        return ClusterValidity.silhouette(distances, labels);
    }

    /**
     * Returns {@code size} distinct indices below {@code n} in increasing order, drawn by a
     * partial Fisher-Yates shuffle seeded with {@code seed}; all indices when {@code size}
     * is 0 or at least {@code n}.
     */
    static int[] sampleIndices(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (size == 0 || size >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < size; j++) {
            int pick = j + random.nextInt(n - j);
            int swap = all[j];
            all[j] = all[pick];
            all[pick] = swap;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        return chosen;
    }

    private Aligner seedingAligner(String name) {
        return AlignerOptions.byName("--seeding-aligner", name, options.seed);
    }

    /** Returns the class code of every graph, or null if some graph has no class. */
    private static int[] classCodes(Sample sample) {
        List<String> labels = sample.labels();
        if (labels.contains(null)) {
            return null;
        }
        LabelEncoder encoder = LabelEncoder.of(labels);
        int[] codes = new int[labels.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = encoder.indexOf(labels.get(i));
        }
        return codes;
    }

    private String json(Report r) {
        ClusteringResult result = r.result();
        return JsonOutput.text(json -> {
            json.beginObject();
            json.name("command").value("cluster");
            json.name("dataset").value(r.sample().source());
            json.name("class").value(r.sample().className());
            // The first N graphs kept by --limit (of the class, with --class); null: all.
            JsonOutput.integer(json.name("limit"), data.limit);
            json.name("graphs").value(r.sample().size());
            json.name("algorithm").value(r.method().option);
            json.name("k").value(k);
            json.name("aligner").value(r.aligner().name());
            json.name("seedingAligner").value(seedingAligner == null ? r.aligner().name()
                    : seedingAligner.strip().toLowerCase(Locale.ROOT));
            json.name("trackAlignments").value(trackAlignments);
            json.name("refreshEvery").value(refreshEvery);
            json.name("lowerBounds").value(lowerBounds);
            json.name("squaredCosts").value(squaredCosts);
            json.name("seed").value(options.seed);
            json.name("nodeWeight").value(weights.nodeWeight);
            json.name("edgeWeight").value(weights.edgeWeight);
            json.name("threads").value(r.workers());
            json.name("restarts").value(restarts);
            json.name("maxIterations").value(maxIterations);
            json.name("objective").value(result.objective());
            json.name("objectiveMeaning").value(objectiveMeaning(r.method()));
            json.name("iterations").value(result.iterations());
            json.name("status").value(result.status().name());
            json.name("restartObjectives").value(result.restartObjectives());
            json.name("centerUpdate").value(centerUpdate.strip().toLowerCase(Locale.ROOT));
            json.name("centerOrder").value(centerOrder);
            json.name("tolerance").value(tolerance);
            json.name("distanceComputations").value(result.distanceComputations());
            json.name("distancesPruned").value(result.distancesPruned());
            json.name("boundComputations").value(result.boundComputations());
            json.name("pruningApplied").value(result.pruningApplied());
            json.name("localOptimaKept").value(result.localOptimaKept());
            json.name("lowerBoundSkips").value(result.lowerBoundSkips());
            JsonOutput.number(json.name("timeLimitSeconds"), options.timeLimitSeconds());
            json.name("alignmentsMade").value(r.unproven().made());
            json.name("uncertifiedAlignments").value(r.unproven().unproven());
            json.name("limitReached").value(r.unproven().limitReached());
            r.unproven().writeReasons(json);
            JsonOutput.integers(json.name("clusterSizes"), result.clusterSizes());
            JsonOutput.number(json.name("adjustedRandIndex"), r.ari());
            JsonOutput.number(json.name("purity"), r.purity());
            JsonOutput.number(json.name("silhouette"), r.silhouette());
            // The graphs the silhouette was computed on; null when it was not computed.
            json.name("silhouetteSample");
            if (silhouette) {
                json.value(silhouetteSample == 0 ? r.sample().size()
                        : Math.min(silhouetteSample, r.sample().size()));
            } else {
                json.nullValue();
            }
            // The graphs of a drawn --silhouette-sample, by index; null when all were used.
            int[] drawn = r.silhouetteGraphs();
            if (drawn != null && drawn.length < r.sample().size()) {
                JsonOutput.integers(json.name("silhouetteSampleIndices"), drawn);
            } else {
                json.name("silhouetteSampleIndices").nullValue();
            }
            json.name("trace").value(result.trace());
            json.name("wallTimeSeconds").value(r.seconds());
            JsonOutput.integers(json.name("medoids"), result.medoids());
            json.name("cappedUpdatesRefused").value(result.cappedUpdatesRefused());
            json.name("seedCentersKept").value(result.seedCentersKept());
            JsonOutput.strings(json.name("notes"), notes(r));
            JsonOutput.integers(json.name("labels"), result.labels());
            // Each graph's distance to its own center: the objective is their sum, or the
            // sum of their squares (k-means, squared k-medoids costs).
            json.name("distances").value(result.distances());
            json.endObject();
        });
    }

    private void summary(PrintWriter w, Report r) {
        ClusteringResult result = r.result();
        Sample sample = r.sample();
        String what = sample.className() != null ? "class "
                + VisibleText.escape(sample.className())
                : sample.dataset().hasClasses() ? "all classes" : "no classes";
        w.printf(Locale.ROOT, "%s with k = %d of %s from %s (%s)%n", r.method().title, k,
                CenterCommand.graphs(sample.size()), VisibleText.escape(sample.source()), what);
        w.printf(Locale.ROOT, "aligner %s, seed %d%s, %s%n", r.aligner().name(),
                options.seed, options.timeLimitWords(), Numbers.threads(r.workers()));
        w.printf(Locale.ROOT, "objective   %s  (%s)%n",
                Numbers.decimalOrTiny(result.objective(), 6), objectiveMeaning(r.method()));
        w.printf(Locale.ROOT, "iterations  %d, status %s%n", result.iterations(),
                result.status());
        if (restarts > 1) {
            w.printf(Locale.ROOT, "restarts    %s%n", restartsText(result.restartObjectives()));
        }
        w.printf(Locale.ROOT, "distances   %,d computed%s%n", result.distanceComputations(),
                pruningText(result, r.method()));
        if (r.unproven().text() != null) {
            w.printf(Locale.ROOT, "alignments  %s; their distances are upper bounds%n",
                    r.unproven().text());
        }
        if (trackAlignments) {
            w.printf(Locale.ROOT, "tracked     %,d alignments kept as 2-swap local optima"
                    + " without calling the aligner%n", result.localOptimaKept());
        }
        if (lowerBounds) {
            w.printf(Locale.ROOT, "bounded     %,d alignments skipped by the lower bound%n",
                    result.lowerBoundSkips());
        }
        List<String> sizes = new ArrayList<>();
        for (int size : result.clusterSizes()) {
            sizes.add(Integer.toString(size));
        }
        w.printf(Locale.ROOT, "sizes       %s%n", String.join(", ", sizes));
        if (result.medoids().length > 0) {
            w.printf(Locale.ROOT, "medoids     %s%n", medoidsText(result.medoids(),
                    sample.names()));
        }
        if (r.ari() != null) {
            w.printf(Locale.ROOT, "classes     adjusted Rand index %.4f, purity %.4f%n",
                    r.ari(), r.purity());
        }
        if (r.silhouette() != null && r.silhouette().isNaN()) {
            w.printf(Locale.ROOT, "silhouette  undefined: %s only one cluster%n",
                    silhouetteSample == 0 || silhouetteSample >= sample.size()
                    ? "the graphs fall in" : "the seeded sample of " + silhouetteSample
                    + " graphs meets");
        } else if (r.silhouette() != null) {
            w.printf(Locale.ROOT, "silhouette  %.4f%s%n", r.silhouette(),
                    silhouetteSample == 0 || silhouetteSample >= sample.size() ? ""
                    : " (on a seeded sample of " + silhouetteSample + " graphs)");
        }
        w.printf(Locale.ROOT, "wall time   %.2f s%n", r.seconds());
        CenterCommand.printNotes(w, notes(r));
    }

    /**
     * Names the medoid of every cluster, in cluster order, by its index among the graphs
     * worked on (as the JSON's {@code medoids} and {@code assignments.csv} count) and its
     * name in the data set when it has one: {@code 3 ('LETTERS#4'), 17 ('LETTERS#18')}.
     *
     * @param medoids the medoid index of every cluster
     * @param names the name of every graph worked on, null where it has none
     * @return the text after {@code medoids}
     */
    static String medoidsText(int[] medoids, List<String> names) {
        List<String> parts = new ArrayList<>();
        for (int medoid : medoids) {
            String name = medoid < names.size() ? names.get(medoid) : null;
            parts.add(name == null || name.isBlank() ? Integer.toString(medoid)
                    : medoid + " ('" + VisibleText.escape(name) + "')");
        }
        return String.join(", ", parts);
    }

    /**
     * The notes on options that changed nothing (a silhouette sample of all graphs, pruning
     * turned off where it could not act), on pruning switched off partway, on refused capped
     * center updates and on graphs of a single class, then the data set's notes.
     */
    private List<String> notes(Report r) {
        List<String> notes = new ArrayList<>();
        int n = r.sample().size();
        long empty = r.sample().graphsWithoutNodes();
        if (empty > 0) {
            notes.add(String.format(Locale.ROOT, "%,d of the %s %s no nodes", empty,
                    CenterCommand.graphs(n), empty == 1 ? "has" : "have"));
        }
        if (maxIterations == 0) {
            boolean otherSeeding = seedingAligner != null
                    && !seedingAligner.equals(r.aligner().name());
            notes.add(seedingNote(r.method(), restarts, otherSeeding ? seedingAligner : null));
        }
        if (silhouette && silhouetteSample > n) {
            notes.add("--silhouette-sample " + silhouetteSample + " exceeds the " + n
                    + " graphs: the silhouette uses all " + n);
        }
        String pruning = noPruningNote(r);
        if (pruning != null) {
            notes.add(pruning);
        }
        String stopped = pruningStoppedNote(r.result(), r.method() == Algorithm.KMEDOIDS,
                noPruning);
        if (stopped != null) {
            notes.add(stopped);
        }
        String cap = capNote(r.result(), centerOrder);
        if (cap != null) {
            notes.add(cap);
        }
        String oneClass = oneClassNote(r.sample().labels());
        if (oneClass != null) {
            notes.add(oneClass);
        }
        notes.addAll(r.sample().dataset().notes());
        return notes;
    }

    /**
     * The note of a run with {@code --max-iterations 0}: no center was updated, so the result
     * is the k-means++ seeding's.
     *
     * @param method the clustering method
     * @param restarts the {@code --restarts} value
     * @param seedingAligner the {@code --seeding-aligner} name when it differs from
     *     {@code --aligner}'s, or null
     * @return the note
     */
    private static String seedingNote(Algorithm method, int restarts, String seedingAligner) {
        String centers = method == Algorithm.KMEDOIDS ? "medoids" : "centers";
        return "--max-iterations 0 updates no center: the " + centers + " are the k-means++"
                + " seed graphs and each graph is in the cluster of its nearest seed (trace row"
                + " 0)" + (restarts == 1 ? "" : String.format(Locale.ROOT, ", the seeding of"
                + " the lowest objective of %,d restarts", restarts))
                + (seedingAligner == null ? "" : "; nearest, distances and objective by"
                + " --seeding-aligner " + seedingAligner + ", as no step of --aligner ran");
    }

    /**
     * The note that {@code --no-pruning} changed nothing, or null: k-medoids never prunes;
     * k-means and k-medians prune only on certified distances, so a run whose alignments were
     * all made by {@code --aligner} (no {@code --seeding-aligner}) and none of them certified
     * would have switched pruning off at its first assignment anyway.
     */
    private String noPruningNote(Report r) {
        if (!noPruning) {
            return null;
        }
        if (r.method() == Algorithm.KMEDOIDS) {
            return "--no-pruning changes nothing for k-medoids, which never prunes (it reads"
                    + " its distances from a matrix)";
        }
        long made = r.unproven().made();
        if (seedingAligner == null && made > 0 && r.unproven().unproven() == made) {
            return "--no-pruning changed nothing here: pruning needs certified distances, and"
                    + " none of the " + String.format(Locale.ROOT, "%,d", made) + " alignments"
                    + " was certified (so it is with a heuristic aligner on graphs with edges)";
        }
        return null;
    }

    /**
     * The note, printed on standard error before the work, that a run may be slow, or null:
     * k-means or k-medians with {@link CenterUpdate#FRECHET} whose largest graph has at least
     * {@link #LARGE_ORDER} nodes. Each Frechet center update realigns every member at the
     * order of the whole space, so on a few hundred nodes one iteration can take minutes; the
     * note names the options of the README's paragraph on large collections. It changes no
     * result (standard output and the files are the same with or without it).
     *
     * @param largest the order of the largest graph
     * @param medoids whether the algorithm is k-medoids (whose centers are members)
     * @param update the center update
     * @return the note, or null
     */
    static String largeOrderNote(int largest, boolean medoids, CenterUpdate update) {
        if (medoids || update != CenterUpdate.FRECHET || largest < LARGE_ORDER) {
            return null;
        }
        return String.format(Locale.ROOT, "the largest graph has %,d nodes, and every"
                + " --center-update frechet (the default) realigns all members of a cluster at"
                + " that order, so this run may take long; for large graphs see the README's"
                + " options for large collections (--center-update step, --center-order N,"
                + " --aligner fast, --lower-bounds, --seeding-aligner nodes)", largest);
    }

    /**
     * The note that pruning was switched off partway, or null: k-means or k-medians with
     * pruning asked for that skipped some distances ({@code distancesPruned > 0}) although
     * {@code pruningApplied} is false. Pruning acts only while every distance feeding a lower
     * bound is certified; the first one that is not (an alignment not proven optimal, such
     * as an exact search stopped at its limit) turns it off for the rest of its restart,
     * after which every graph-to-center distance of that restart is computed.
     *
     * @param result the clustering
     * @param medoids whether the algorithm is k-medoids (which never prunes)
     * @param noPruning whether {@code --no-pruning} was given
     * @return the note, or null
     */
    static String pruningStoppedNote(ClusteringResult result, boolean medoids,
            boolean noPruning) {
        if (medoids || noPruning || result.pruningApplied() || result.distancesPruned() == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "pruning stopped partway: %,d distances were skipped"
                + " on certified bounds, until a distance that was not certified (an"
                + " alignment not proven optimal) switched pruning off for the rest of its"
                + " restart, in at least one restart; so pruningApplied is false in the JSON",
                result.distancesPruned());
    }

    /**
     * The note that every graph has the same class, or null: the clusters are then compared
     * with a single class, so purity is 1 and the adjusted Rand index 0 (1 for one cluster)
     * whatever the clustering, and neither says anything about it.
     *
     * @param classes the class of every graph, null where a graph has none
     * @return the note, or null (no graphs, some without a class, or two classes or more)
     */
    static String oneClassNote(List<String> classes) {
        if (classes.isEmpty() || classes.stream().anyMatch(c -> c == null)
                || new HashSet<>(classes).size() != 1) {
            return null;
        }
        String count = classes.size() == 1 ? "the 1 graph has" : "all "
                + String.format(Locale.ROOT, "%,d", classes.size()) + " graphs have";
        return count + " one class, '" + VisibleText.escape(classes.get(0)) + "', so the"
                + " adjusted Rand index and purity say nothing about the clusters: purity is 1"
                + " and the index 0, or 1 for a single cluster, whatever the clustering";
    }

    /**
     * The note saying that the center-order cap refused center updates, how often, and how
     * many centers are therefore still the graphs they were seeded with; null when the cap
     * refused none.
     *
     * @param result the clustering
     * @param cap the {@code --center-order} value
     * @return the note, or null
     */
    static String capNote(ClusteringResult result, int cap) {
        long refused = result.cappedUpdatesRefused();
        if (refused == 0) {
            return null;
        }
        int kept = result.seedCentersKept();
        int k = result.clusters();
        String still = kept == 1 ? " still the graph it was seeded with"
                : " still the graphs they were seeded with";
        String centers;
        if (kept == 0) {
            centers = "every center moved off its seed graph";
        } else if (kept < k) {
            centers = kept + " of " + k + " centers " + (kept == 1 ? "is" : "are") + still;
        } else {
            String all = k == 1 ? "the center is" : k == 2 ? "both centers are"
                    : "all " + k + " centers are";
            centers = all + still + ", so the result is the seeding's (a larger"
                    + " --center-order, or none, lets " + (k == 1 ? "it" : "them") + " move)";
        }
        return String.format(Locale.ROOT, "--center-order %d refused %,d capped center"
                + " update%s, as %s not lower the objective; %s", cap, refused,
                refused == 1 ? "" : "s", refused == 1 ? "it did" : "they did", centers);
    }

    /**
     * Describes the restarts' objectives: every one, in restart order, up to
     * {@link #LISTED_RESTARTS}; beyond that only the lowest and the highest, with the restart
     * of each (the JSON lists them all).
     *
     * @param objectives the objective of every restart, in restart order
     * @return the text after {@code restarts}
     */
    static String restartsText(double[] objectives) {
        if (objectives.length <= LISTED_RESTARTS) {
            List<String> values = new ArrayList<>();
            for (double v : objectives) {
                values.add(Numbers.decimalOrTiny(v, 6));
            }
            return objectives.length + ", objectives " + String.join(", ", values)
                    + " (the lowest is kept)";
        }
        int best = 0;
        int worst = 0;
        for (int r = 1; r < objectives.length; r++) {
            best = objectives[r] < objectives[best] ? r : best;
            worst = objectives[r] > objectives[worst] ? r : worst;
        }
        return String.format(Locale.ROOT, "%,d, objectives from %s (restart %,d, kept) to %s"
                + " (restart %,d); all in the JSON", objectives.length,
                Numbers.decimalOrTiny(objectives[best], 6), best + 1,
                Numbers.decimalOrTiny(objectives[worst], 6), worst + 1);
    }

    /**
     * The rest of the {@code distances} line: what pruning skipped, or why it skipped
     * nothing: not asked for ({@code --no-pruning}), k-medoids (which never prunes: it reads
     * every distance from its precomputed matrix), or distances that are not all certified.
     */
    private String pruningText(ClusteringResult result, Algorithm method) {
        if (noPruning) {
            return ", no pruning asked for";
        }
        if (method == Algorithm.KMEDOIDS) {
            return ", no triangle-inequality pruning (k-medoids never prunes: it reads every"
                    + " distance from the matrix of all pairs)";
        }
        if (result.distancesPruned() == 0 && !result.pruningApplied()) {
            return ", no triangle-inequality pruning (the distances are not all certified)";
        }
        return String.format(Locale.ROOT, " (%,d for the bounds), %,d skipped on"
                + " certified bounds (triangle inequality, or an own-center distance kept)",
                result.boundComputations(), result.distancesPruned());
    }

    /**
     * Writes the four files as one set ({@link FileSet}): all are written to temporary files
     * first and then renamed, {@value #RESULT} last, so that a failed write (a full disk)
     * replaces none of an earlier run's files; the result is already on standard output.
     */
    private void write(Path folder, Report r, String json) {
        try {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw CliException.data("cannot create --out folder " + folder + ": "
                        + CenterCommand.reason(e), e);
            }
            FileSet.write(List.of(
                    new FileSet.Entry(folder.resolve(ASSIGNMENTS), assignments(r)),
                    new FileSet.Entry(folder.resolve(CENTERS), centers(r)),
                    new FileSet.Entry(folder.resolve(TRACE), trace(r.result())),
                    new FileSet.Entry(folder.resolve(RESULT), json)));
        } catch (CliException e) {
            throw CliException.data(e.getMessage() + " (the result was printed on standard"
                    + " output)", e);
        }
    }

    private static String assignments(Report r) {
        StringBuilder csv = new StringBuilder(ASSIGNMENTS_HEADER);
        int[] labels = r.result().labels();
        double[] distances = r.result().distances();
        List<String> names = r.sample().names();
        List<String> classes = r.sample().labels();
        for (int i = 0; i < labels.length; i++) {
            String name = names.get(i);
            csv.append('\n').append(i).append(',').append(csvField(name)).append(',')
                    .append(csvField(classes.get(i))).append(',').append(labels[i])
                    .append(',').append(distances[i]);
        }
        return csv.toString();
    }

    private static String centers(Report r) {
        ClusteringResult result = r.result();
        int[] sizes = result.clusterSizes();
        int[] medoids = result.medoids();
        return JsonOutput.text(json -> {
            json.beginObject();
            json.name("algorithm").value(r.method().option);
            json.name("centers").beginArray();
            for (int c = 0; c < result.clusters(); c++) {
                json.beginObject();
                json.name("cluster").value(c);
                json.name("size").value(sizes[c]);
                if (medoids.length > 0) {
                    json.name("medoid").value(medoids[c]);
                }
                writeCenter(json.name("center"), result.centers().get(c), r.sample());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        });
    }

    private static void writeCenter(JsonWriter json, Graph center, Sample sample) {
        CenterGraph.write(json, center, sample.nodeChannels(), sample.edgeChannels());
    }

    private static String trace(ClusteringResult result) {
        StringBuilder csv = new StringBuilder(TRACE_HEADER);
        double[] trace = result.trace();
        for (int t = 0; t < trace.length; t++) {
            csv.append('\n').append(t).append(',').append(trace[t]);
        }
        return csv.toString();
    }

    /**
     * Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180); null is
     * empty. Any other value is written as it is, one that a spreadsheet would evaluate as a
     * formula ({@code =1+2}) included: the file is for joining on the data set's names and
     * labels, which a guarding prefix would change (the README says so).
     */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n")
                || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
