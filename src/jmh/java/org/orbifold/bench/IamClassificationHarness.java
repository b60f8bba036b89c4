package org.orbifold.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.DatasetLoader;
import org.orbifold.io.DatasetScaling;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.GraphClassifier;
import org.orbifold.learn.MarginPerceptron;
import org.orbifold.learn.MarginPerceptronModel;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.Aligners;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.NodeKernelEmbedding;
import org.orbifold.space.Permutation;

/**
 * k-NN in graph space on the IAM Graph Database sets under the IAM protocol: every knob is
 * chosen by the accuracy of "train -> validation", then the chosen setting is fitted on the
 * training split and evaluated once on the test split.
 *
 * <p>Knobs (the grid is printed with the run):
 * <ul>
 *   <li>{@code scaling}: {@code std} in the grid ({@link DatasetScaling#fit}: numeric node
 *       channels centred on the training mean and divided by their standard deviation,
 *       numeric edge channels divided by their root mean square; one-hot and existence
 *       channels untouched); {@code raw} (the reader's channels as they are, plus the existence
 *       channel when e &gt; 0) in the modes {@code baseline} and {@code try};</li>
 *   <li>{@code drop} (with {@code std} only): node attributes left out (factor 0), a per-set
 *       list of candidates whose
 *       use is itself chosen on validation (AIDS: the drawing coordinates {@code x, y} and the
 *       atom number {@code chem}, which repeats {@code symbol} as a number);</li>
 *   <li>{@code e}: the value of the node-existence channel (appended, or the reader's own
 *       channel re-scaled), so an unmatched node costs {@code ||z||^2 + e^2};</li>
 *   <li>{@code we}: the edge weight of the {@link GraphSpace} (node weight 1);</li>
 *   <li>{@code k}: the number of neighbours.</li>
 * </ul>
 *
 * <p>Usage: {@code DATASETS_DIR SET [THREADS] [ALIGNER] [MODE]}, where {@code SET} is one of
 * {@code Letter/LOW}, {@code Letter/MED}, {@code Letter/HIGH}, {@code AIDS},
 * {@code Fingerprint}, {@code Protein}; {@code MODE} is {@code grid} (default: validation
 * grid, then test once), {@code baseline} (unit weights, raw channels, 1-NN, on validation and
 * test), {@code try} (validation accuracy of the settings given as further arguments, each
 * written {@code std|raw,e,we[,drop channels[,sum|max]]}) or {@code aligners} (fast vs
 * thorough vs exact distances on sampled pairs of the setting given as sixth argument). The
 * grid leaves the padding to the aligner, which pads each pair to the design's size
 * ({@link GraphSpace#alignmentSize}: the larger order where that provably reaches the
 * optimum, else up to the sum of the orders); the label {@code pad max} is kept from the runs
 * before 2026-12-06, when the aligners padded every pair to the larger order. {@code pad sum},
 * tried with {@code try}, always pads to the sum of the orders so that a node pair may be
 * deleted and inserted instead of substituted. Mode {@code test} fits the setting given as
 * sixth argument (written as for {@code try}) with the k given as seventh on the training
 * split and evaluates the test split once: for a choice made by hand from {@code try} runs
 * under a rule fixed in advance (several recodings, each read by its own process). Prints
 * Markdown.
 *
 * <p>The IAM sets are read with {@link IamDatasetReader.Recoding#forIamSet} (categorical codes
 * one-hot, Fingerprint angles as axial channels, Protein sequences as their composition); the
 * system property {@code orbifold.recoding=none} reads them as before, and
 * {@code orbifold.recoding=pairs} adds the reduced dipeptide composition of the sequences
 * ({@link IamDatasetReader.Recoding#dipeptides}). The system property
 * {@code orbifold.factors} ({@code spec;spec...}, see {@link #factors}) crosses the grid with
 * whole-attribute factors, and {@code orbifold.aligners} (default
 * {@code exact,thorough,fast}) lists the aligners of mode {@code aligners}, the first being
 * the reference. In mode {@code grid} the
 * Letter sets use {@link #STD_GRID}, the other sets the smaller {@link #SET_GRID}, and after
 * k-NN a {@link MarginPerceptron} (one weight graph per class, margin chosen on validation) is
 * trained with the chosen scaling and tested once. Mode {@code folds} runs, on a TU folder
 * given as {@code SET} (for example {@code tu/Mutagenicity}), stratified 10-fold
 * cross-validation of the margin perceptron on all graphs and of 1-NN on the first graphs
 * (further arguments: perceptron epochs, default 5, and the 1-NN subset size, default 500; 0
 * skips a part). Its 1-NN searches with lower bounds and prints the alignments computed and
 * skipped; the system property {@code orbifold.noLowerBounds=true} aligns every pair.
 *
 * <p>Mode {@code kernel} is the grid with a Gaussian node kernel after the standardization
 * ({@link DatasetScaling#withGaussianKernel}): the points of the system property
 * {@code orbifold.kernelGrid}, written {@code sigma:e:we;sigma:e:we...} (default
 * {@link #KERNEL_GRID}), each with {@code orbifold.features} features (default 128) drawn by
 * {@code orbifold.sampling} ({@code random} with seed 1, or {@code halton}) for the kernel
 * {@code orbifold.kernel} ({@code gaussian}, the default, or {@code laplacian},
 * {@link DatasetScaling#withNodeKernel}); the per-set drop
 * candidates and k as in {@code grid}; then the chosen setting on test once, and with the
 * system property {@code orbifold.perceptron=true} the margin perceptron as in {@code grid}.
 * In modes {@code grid} and {@code kernel} the system property
 * {@code orbifold.validationOnly=true} stops after the validation grid (pilots: the test split
 * is not predicted), and {@code orbifold.kernelSeed} replaces the seed 1 of random kernel
 * frequencies (the aligner keeps seed 1).
 */
public final class IamClassificationHarness {

    /**
     * The (existence value, edge weight) pairs tried with standardized channels: a cross of
     * e in {0.25, 0.5, 1} at edge weight 0.5 and of edge weights {0.25, 1} at e = 0.5. A larger
     * grid (raw channels with e in {0, 1} and edge weights {0.5, 1, 2}; e up to 3 and edge
     * weights up to 2 when standardized) was cut short on a loaded machine; its Letter LOW rows
     * are in docs/results.md.
     */
    private static final double[][] STD_GRID = {{0.25, 0.5}, {0.5, 0.5}, {1.0, 0.5},
        {0.5, 0.25}, {0.5, 1.0}};
    /**
     * The (existence value, edge weight) pairs tried on AIDS, Fingerprint and Protein: fewer
     * than on Letter, since their graphs are larger or their splits bigger and the machine is
     * shared.
     */
    private static final double[][] SET_GRID = {{0.5, 0.5}, {0.5, 1.0}, {1.0, 1.0}};
    /**
     * The (bandwidth, existence value, edge weight) points of mode {@code kernel}: bandwidths
     * of a quarter to two standard deviations at the edge weight and existence value that
     * section 6.6 chose most often, then two other balances at the middle bandwidth.
     */
    private static final double[][] KERNEL_GRID = {{0.25, 0.5, 0.5}, {0.5, 0.5, 0.5},
        {1.0, 0.5, 0.5}, {2.0, 0.5, 0.5}, {0.5, 0.5, 1.0}, {0.5, 1.0, 1.0}};
    private static final int DEFAULT_FEATURES = 128;
    private static final int[] KS = {1, 3, 5, 7};
    private static final double[] MARGINS = {0.0, 0.05};
    private static final int PERCEPTRON_EPOCHS = 10;
    private static final long SEED = 1L;
    private static final long FOLD_SEED = 42L;
    private static final int FOLDS = 10;
    private static final int SAMPLE_PAIRS = 400;
    private static final double GAP_TOLERANCE = 1e-9;

    private IamClassificationHarness() {
    }

    /**
     * One point of the preprocessing grid; {@code bandwidth} 0 means no node kernel, otherwise
     * the node kernel {@code kernel} with {@code features} features drawn by {@code sampling};
     * {@code factors} multiplies named attributes (see {@link #factors}).
     */
    record Setting(boolean standardize, List<String> drop, double existence, double edgeWeight,
            boolean sumPadding, double bandwidth, int features,
            NodeKernelEmbedding.Sampling sampling, NodeKernelEmbedding.Kernel kernel,
            String factors) {

        Setting(boolean standardize, List<String> drop, double existence, double edgeWeight,
                boolean sumPadding) {
            this(standardize, drop, existence, edgeWeight, sumPadding, "");
        }

        Setting(boolean standardize, List<String> drop, double existence, double edgeWeight,
                boolean sumPadding, String factors) {
            this(standardize, drop, existence, edgeWeight, sumPadding, 0.0, 0,
                    NodeKernelEmbedding.Sampling.RANDOM, NodeKernelEmbedding.Kernel.GAUSSIAN,
                    factors);
        }

        @Override
        public String toString() {
            String map = bandwidth == 0.0 ? "" : String.format(Locale.ROOT,
                    ", %s s %.2f D %d %s", kernel == NodeKernelEmbedding.Kernel.GAUSSIAN
                            ? "kernel" : kernel.name().toLowerCase(Locale.ROOT), bandwidth,
                    features, sampling.name().toLowerCase(Locale.ROOT));
            return String.format(Locale.ROOT, "%s, drop %s, e %.2f, we %.2f, pad %s%s%s",
                    standardize ? "std" : "raw", drop.isEmpty() ? "-" : String.join(" ", drop),
                    existence, edgeWeight, sumPadding ? "sum" : "max", map,
                    factors.isBlank() ? "" : ", factors " + factors.trim());
        }

        Aligner aligner(Aligner base) {
            return sumPadding ? new SumPaddedAligner(base) : base;
        }
    }

    /**
     * An aligner that pads both graphs to the sum of their orders (through a warm start of that
     * size), so that any node may be matched with a null node: a node pair may be deleted and
     * inserted instead of substituted, as in graph edit distance.
     */
    record SumPaddedAligner(Aligner base) implements Aligner {

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y) {
            return base.align(space, x, y, Permutation.identity(Math.max(1,
                    x.order() + y.order())));
        }

        @Override
        public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
            return base.align(space, x, y, start);
        }

        @Override
        public String name() {
            return base.name() + "+sum-padding";
        }
    }

    /** The three splits of one set. */
    record Splits(GraphDataset train, GraphDataset valid, GraphDataset test) {
    }

    /**
     * Runs the harness.
     *
     * @param args datasets folder, set, and optionally threads, aligner and mode
     * @throws IOException if a split cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(args[0]);
        String set = args[1];
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String alignerName = args.length > 3 ? args[3] : "fast";
        String mode = args.length > 4 ? args[4] : "grid";
        ForkJoinPool pool = new ForkJoinPool(threads);
        Aligner aligner = Aligners.byName(alignerName, 1L);

        if (mode.equals("folds")) {
            folds(datasets.resolve(set), aligner, pool,
                    args.length > 5 ? Integer.parseInt(args[5]) : 5,
                    args.length > 6 ? Integer.parseInt(args[6]) : 500);
            pool.shutdown();
            return;
        }
        long t0 = System.nanoTime();
        Splits splits = read(datasets, set);
        System.out.printf(Locale.ROOT, "%n### %s (%d / %d / %d graphs, read in %.1f s)%n%n",
                set, splits.train().size(), splits.valid().size(), splits.test().size(),
                (System.nanoTime() - t0) / 1e9);
        System.out.println("node channels: " + splits.train().nodeChannels());
        System.out.println("edge channels: " + splits.train().edgeChannels());
        for (String note : splits.train().notes()) {
            System.out.println("note: " + note);
        }
        System.out.println();

        switch (mode) {
            case "baseline":
                baseline(splits, aligner, pool);
                break;
            case "grid":
                grid(set, splits, aligner, pool, false);
                break;
            case "kernel":
                grid(set, splits, aligner, pool, true);
                break;
            case "try":
                tryOn(splits, aligner, pool, Arrays.copyOfRange(args, 5, args.length));
                break;
            case "aligners":
                aligners(set, splits, pool, args.length > 5 ? parse(args[5]) : null);
                break;
            case "test":
                test(splits, parse(args[5]), Integer.parseInt(args[6]), aligner, pool);
                break;
            case "folds":
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "process CPU time %.0f s, wall %.0f s%n",
                cpuSeconds(), (System.nanoTime() - t0) / 1e9);
    }

    /** CPU time of this process (all threads, including the JIT and the collector). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static Splits read(Path datasets, String set) throws IOException {
        Path folder = datasets.resolve("iam").resolve(set);
        List<Path> files;
        if (set.startsWith("Letter")) {
            files = List.of(folder.resolve("train.cxl"), folder.resolve("validation.cxl"),
                    folder.resolve("test.cxl"));
        } else {
            Path data = folder.resolve("data");
            files = List.of(data.resolve("train.cxl"), data.resolve("valid.cxl"),
                    data.resolve("test.cxl"));
        }
        String recodingName = System.getProperty("orbifold.recoding", "iam");
        IamDatasetReader.Recoding recoding = switch (recodingName) {
            case "none" -> IamDatasetReader.Recoding.none();
            case "iam" -> IamDatasetReader.Recoding.forIamSet(set);
            // Protein: the composition plus the reduced dipeptide composition.
            case "pairs" -> IamDatasetReader.Recoding.forIamSet(set).dipeptides(
                    IamDatasetReader.Recoding.AMINO_ACID_CLASSES, "sequence");
            default -> throw new IllegalArgumentException("unknown recoding '" + recodingName
                    + "'; use iam, none or pairs");
        };
        System.out.println("recoding: " + recoding);
        List<GraphDataset> read = IamDatasetReader.readSplits(files, recoding);
        List<GraphDataset> mapped = new ArrayList<>();
        for (GraphDataset d : read) {
            // Fingerprint: the README's four-class problem (first letter, tented arch -> arch).
            mapped.add(set.equals("Fingerprint") ? d.mapClasses(c -> {
                String primary = c.substring(0, 1);
                return primary.equals("T") ? "A" : primary;
            }) : d);
        }
        return new Splits(mapped.get(0), mapped.get(1), mapped.get(2));
    }

    /**
     * Candidate channel drops per set; the empty list (keep all) always comes first, and is
     * the only one when the system property {@code orbifold.keepAll} is true.
     */
    private static List<List<String>> dropCandidates(String set) {
        if (Boolean.getBoolean("orbifold.keepAll")) {
            return List.of(List.of());
        }
        if (set.equals("AIDS")) {
            return List.of(List.of(), List.of("x", "y"), List.of("x", "y", "chem"));
        }
        if (set.equals("Fingerprint")) {
            return List.of(List.of(), List.of("x", "y"));
        }
        if (set.equals("Protein")) {
            return List.of(List.of(), List.of("sequence"));
        }
        return List.of(List.of());
    }

    /**
     * The (existence value, edge weight) pairs of a set: {@link #STD_GRID} on Letter,
     * {@link #SET_GRID} otherwise, or the pairs of the system property {@code orbifold.grid}
     * written {@code e:we;e:we...} when it is set.
     */
    private static double[][] gridPoints(String set) {
        String given = System.getProperty("orbifold.grid");
        if (given == null || given.isBlank()) {
            return set.startsWith("Letter") ? STD_GRID : SET_GRID;
        }
        return Arrays.stream(given.split(";")).map(p -> p.split(":"))
                .map(p -> new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])})
                .toArray(double[][]::new);
    }

    /** The (bandwidth, existence, edge weight) points of mode {@code kernel}. */
    private static double[][] kernelPoints() {
        String given = System.getProperty("orbifold.kernelGrid");
        if (given == null || given.isBlank()) {
            return KERNEL_GRID;
        }
        return Arrays.stream(given.split(";")).map(p -> p.split(":"))
                .map(p -> new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2])})
                .toArray(double[][]::new);
    }

    /**
     * The attribute-factor specifications of mode {@code grid}: those of the system property
     * {@code orbifold.factors}, written {@code spec;spec...} (see {@link #factors}), or only
     * the empty one (every factor 1).
     */
    private static List<String> factorCandidates() {
        String given = System.getProperty("orbifold.factors");
        return given == null || given.isBlank() ? List.of("")
                : List.of(given.split(";", -1));
    }

    /**
     * Multiplies whole attributes of a scaling, as written in {@code spec}: space-separated
     * {@code name*m}, where {@code name} is a node attribute (group) or, if no node attribute
     * has that name, an edge attribute, and {@code m >= 0} multiplies its values (its cost
     * by {@code m^2}; 0 drops it); for example {@code type*2 sequence*0.5 distance1*0}.
     */
    static AttributeScaling factors(AttributeScaling scaling, GraphDataset train, String spec) {
        if (spec.isBlank()) {
            return scaling;
        }
        List<String> nodeNames = train.nodeGroups().stream().map(g -> g.name()).toList();
        Map<String, Double> nodes = new LinkedHashMap<>();
        Map<String, Double> edges = new LinkedHashMap<>();
        for (String item : spec.trim().split(" +")) {
            int star = item.lastIndexOf('*');
            if (star <= 0) {
                throw new IllegalArgumentException("attribute factor '" + item + "' is not"
                        + " written name*m");
            }
            String name = item.substring(0, star);
            double m = Double.parseDouble(item.substring(star + 1));
            (nodeNames.contains(name) ? nodes : edges).put(name, m);
        }
        return DatasetScaling.timesAttributeFactors(scaling, train, nodes, edges);
    }

    /** Fits the transform of a setting on the training split. */
    static AttributeScaling scaling(GraphDataset train, Setting s) {
        if (s.standardize() && s.bandwidth() > 0.0) {
            return DatasetScaling.withNodeKernel(factors(DatasetScaling.fit(train,
                    s.existence(), s.drop()), train, s.factors()), train, s.kernel(),
                    s.bandwidth(), s.features(), s.sampling(),
                    Long.getLong("orbifold.kernelSeed", SEED));
        }
        if (s.standardize()) {
            return factors(DatasetScaling.fit(train, s.existence(), s.drop()), train,
                    s.factors());
        }
        AttributeScaling identity = AttributeScaling.identity(train.nodeChannels().size(),
                train.edgeChannels().size());
        int existing = train.nodeChannels().indexOf(NodeExistence.CHANNEL_NAME);
        AttributeScaling raw = factors(identity, train, s.factors());
        return existing >= 0 ? raw.timesNodeFactor(existing, s.existence())
                : raw.withExistenceChannel(s.existence());
    }

    /** Distances from every query to every training graph, one row per query. */
    static double[][] distances(GraphSpace space, Aligner aligner, List<Graph> train,
            List<Graph> queries, ForkJoinPool pool) {
        List<double[]> rows = IndexedTasks.map(queries.size(), q -> {
            double[] row = new double[train.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = aligner.align(space, train.get(i), queries.get(q)).distance();
            }
            return row;
        }, pool);
        return rows.toArray(new double[0][]);
    }

    /** k-NN accuracy from a distance matrix, with the vote rule of {@link NearestNeighbors}. */
    static double accuracy(double[][] d, List<String> trainLabels, List<String> truth, int k) {
        List<String> classes = trainLabels.stream().distinct().sorted().toList();
        int correct = 0;
        for (int q = 0; q < d.length; q++) {
            double[] row = d[q];
            Integer[] order = new Integer[row.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(row[a], row[b]));
            int[] count = new int[classes.size()];
            double[] sum = new double[classes.size()];
            for (int r = 0; r < k; r++) {
                int c = classes.indexOf(trainLabels.get(order[r]));
                count[c]++;
                sum[c] += row[order[r]];
            }
            int best = 0;
            for (int c = 1; c < classes.size(); c++) {
                if (count[c] > count[best] || (count[c] == count[best] && sum[c] < sum[best])) {
                    best = c;
                }
            }
            if (classes.get(best).equals(truth.get(q))) {
                correct++;
            }
        }
        return correct / (double) d.length;
    }

    private static void baseline(Splits s, Aligner aligner, ForkJoinPool pool) {
        List<Graph> all = new ArrayList<>(s.train().graphs());
        all.addAll(s.valid().graphs());
        all.addAll(s.test().graphs());
        GraphSpace space = GraphSpace.of(all);
        System.out.println("| split | 1-NN accuracy | s |");
        System.out.println("|---|---:|---:|");
        for (GraphDataset eval : List.of(s.valid(), s.test())) {
            long t0 = System.nanoTime();
            double[][] d = distances(space, aligner, s.train().graphs(), eval.graphs(), pool);
            double acc = accuracy(d, s.train().classLabels(), eval.classLabels(), 1);
            System.out.printf(Locale.ROOT, "| %s | %.1f %% | %.1f |%n", eval.name(), 100 * acc,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private static GraphSpace space(Splits s, AttributeScaling scaling, double edgeWeight) {
        List<Graph> all = new ArrayList<>(scaling.applyAll(s.train().graphs()));
        all.addAll(scaling.applyAll(s.valid().graphs()));
        all.addAll(scaling.applyAll(s.test().graphs()));
        return GraphSpace.of(all).withWeights(1.0, edgeWeight);
    }

    private static void grid(String set, Splits s, Aligner aligner, ForkJoinPool pool,
            boolean kernel) {
        int features = Integer.getInteger("orbifold.features", DEFAULT_FEATURES);
        NodeKernelEmbedding.Sampling sampling = NodeKernelEmbedding.Sampling.valueOf(
                System.getProperty("orbifold.sampling", "random").toUpperCase(Locale.ROOT));
        NodeKernelEmbedding.Kernel kind = NodeKernelEmbedding.Kernel.valueOf(
                System.getProperty("orbifold.kernel", "gaussian").toUpperCase(Locale.ROOT));
        List<Setting> settings = new ArrayList<>();
        for (List<String> drop : dropCandidates(set)) {
            if (kernel) {
                for (double[] point : kernelPoints()) {
                    settings.add(new Setting(true, drop, point[1], point[2], false, point[0],
                            features, sampling, kind, ""));
                }
            } else {
                for (String factors : factorCandidates()) {
                    for (double[] point : gridPoints(set)) {
                        settings.add(new Setting(true, drop, point[0], point[1], false,
                                factors));
                    }
                }
            }
        }
        System.out.println("| setting | k=1 | k=3 | k=5 | k=7 | s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        Setting best = null;
        int bestK = 0;
        double bestAccuracy = -1.0;
        long gridStart = System.nanoTime();
        for (Setting setting : settings) {
            long t0 = System.nanoTime();
            AttributeScaling scaling = scaling(s.train(), setting);
            GraphSpace space = space(s, scaling, setting.edgeWeight());
            double[][] d = distances(space, setting.aligner(aligner),
                    scaling.applyAll(s.train().graphs()),
                    scaling.applyAll(s.valid().graphs()), pool);
            StringBuilder row = new StringBuilder("| " + setting + " |");
            for (int k : KS) {
                double acc = accuracy(d, s.train().classLabels(), s.valid().classLabels(),
                        k);
                row.append(String.format(Locale.ROOT, " %.1f |", 100 * acc));
                // Strictly better only: ties keep the earlier setting and the smaller k.
                if (acc > bestAccuracy) {
                    bestAccuracy = acc;
                    best = setting;
                    bestK = k;
                }
            }
            row.append(String.format(Locale.ROOT, " %.1f |",
                    (System.nanoTime() - t0) / 1e9));
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "%ngrid time %.0f s; chosen on validation: %s, k=%d"
                + " (validation %.1f %%)%n", (System.nanoTime() - gridStart) / 1e9, best, bestK,
                100 * bestAccuracy);
        if (Boolean.getBoolean("orbifold.validationOnly")) {
            System.out.println("validation only: the test split is not predicted");
            return;
        }
        test(s, best, bestK, aligner, pool);
        if (kernel ? Boolean.getBoolean("orbifold.perceptron") : !set.startsWith("Letter")) {
            perceptron(s, best, aligner, pool);
        }
    }

    /** Margin perceptron with the chosen scaling: margin chosen on validation, test once. */
    private static void perceptron(Splits s, Setting setting, Aligner aligner,
            ForkJoinPool pool) {
        AttributeScaling scaling = scaling(s.train(), setting);
        GraphSpace space = space(s, scaling, setting.edgeWeight());
        List<Graph> train = scaling.applyAll(s.train().graphs());
        double bestMargin = MARGINS[0];
        double bestAccuracy = -1.0;
        MarginPerceptronModel bestModel = null;
        for (double margin : MARGINS) {
            long t0 = System.nanoTime();
            MarginPerceptronModel model = perceptron(setting.aligner(aligner), margin,
                    PERCEPTRON_EPOCHS, weightOrder(train), pool)
                    .fit(space, train, s.train().classLabels());
            long t1 = System.nanoTime();
            double acc = Evaluation.accuracy(s.valid().classLabels(),
                    model.predictAll(scaling.applyAll(s.valid().graphs()), pool));
            System.out.printf(Locale.ROOT, "perceptron margin %.2f, weight order %d:"
                    + " validation %.1f %% | fit %.1f s | predict %.1f s%n", margin,
                    weightOrder(train), 100 * acc, (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9);
            // Strictly better only: ties keep the smaller margin.
            if (acc > bestAccuracy) {
                bestAccuracy = acc;
                bestMargin = margin;
                bestModel = model;
            }
        }
        long t0 = System.nanoTime();
        List<String> predicted = bestModel.predictAll(scaling.applyAll(s.test().graphs()), pool);
        System.out.printf(Locale.ROOT, "TEST %s | perceptron, %s, margin %.2f, %d epochs | %.1f"
                + " %% | predict %.1f s%n", s.test().name(), setting, bestMargin,
                PERCEPTRON_EPOCHS, 100 * Evaluation.accuracy(s.test().classLabels(), predicted),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The perceptron of these runs: zero start, learning rate 0.1, averaged, weight graphs of
     * the given order. A class-mean start or weight graphs of the space size (up to 417 nodes
     * on Mutagenicity) make every alignment as dear as one of the largest graph.
     */
    private static MarginPerceptron perceptron(Aligner aligner, double margin, int epochs,
            int weightOrder, ForkJoinPool pool) {
        return MarginPerceptron.builder().aligner(aligner).margin(margin).learningRate(0.1)
                .epochs(epochs).weightOrder(weightOrder)
                .initialization(MarginPerceptron.Initialization.ZERO).seed(SEED)
                .executor(pool).build();
    }

    /** The 90th percentile of the orders of the graphs (at least 1): the weight order. */
    static int weightOrder(List<Graph> graphs) {
        int[] orders = graphs.stream().mapToInt(Graph::order).sorted().toArray();
        return Math.max(1, orders[(int) Math.ceil(0.9 * orders.length) - 1]);
    }

    /**
     * Stratified 10-fold cross-validation on a TU folder: the margin perceptron on every
     * graph, 1-NN on the first graphs in file order.
     */
    private static void folds(Path folder, Aligner aligner, ForkJoinPool pool, int epochs,
            int subset) throws IOException {
        long t0 = System.nanoTime();
        GraphDataset data = DatasetLoader.load(folder);
        GraphSpace space = GraphSpace.of(data.graphs());
        System.out.printf(Locale.ROOT, "%n### %s (%d graphs, read in %.1f s), %d-fold, seed %d"
                + "%n%n", data.name(), data.size(), (System.nanoTime() - t0) / 1e9, FOLDS,
                FOLD_SEED);
        if (epochs > 0) {
            int order = weightOrder(data.graphs());
            MarginPerceptron perceptron = perceptron(aligner, MARGINS[1], epochs, order, pool);
            report("perceptron, margin 0.05, " + epochs + " epochs, weight order " + order
                    + ", all graphs", perceptron,
                    space, data.graphs(), data.classLabels(), pool);
        }
        if (subset > 0) {
            int n = Math.min(subset, data.size());
            boolean bounds = !Boolean.getBoolean("orbifold.noLowerBounds");
            List<NearestNeighbors.Model> models = new CopyOnWriteArrayList<>();
            GraphClassifier knn = (s, g, l) -> {
                NearestNeighbors.Model model = NearestNeighbors.builder().aligner(aligner)
                        .lowerBounds(bounds).build().fit(s, g, l);
                models.add(model);
                return model;
            };
            report("1-NN, first " + n + " graphs, lower bounds " + (bounds ? "on" : "off"),
                    knn, space, data.graphs().subList(0, n), data.classLabels().subList(0, n),
                    pool);
            long computed = models.stream().mapToLong(NearestNeighbors.Model::alignmentsComputed)
                    .sum();
            long skipped = models.stream().mapToLong(NearestNeighbors.Model::alignmentsSkipped)
                    .sum();
            System.out.printf(Locale.ROOT, "alignments: %d computed, %d skipped (%.1f %%)%n",
                    computed, skipped, 100.0 * skipped / Math.max(1, computed + skipped));
        }
        System.out.printf(Locale.ROOT, "process CPU time %.0f s, wall %.0f s%n", cpuSeconds(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static void report(String what, GraphClassifier classifier,
            GraphSpace space, List<Graph> graphs, List<String> labels, ForkJoinPool pool) {
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        List<String> predicted = Evaluation.crossValidate(classifier, space, graphs, labels,
                FOLDS, FOLD_SEED, pool, (fold, accuracy, step, nanos) -> {
                    System.out.printf(Locale.ROOT, "  fold %d: %.1f %% (%.0f s)%n", fold,
                            100 * accuracy, nanos / 1e9);
                    return true;
                });
        Evaluation.FoldAccuracies folds = Evaluation.foldAccuracies(labels, predicted,
                Evaluation.stratifiedFolds(labels, FOLDS, FOLD_SEED));
        System.out.printf(Locale.ROOT, "FOLDS %s | mean %.1f %% | std %.1f | pooled %.1f %% |"
                + " wall %.0f s | cpu %.0f s | load %s%n", what, 100 * folds.mean(),
                100 * folds.standardDeviation(), 100 * Evaluation.accuracy(labels, predicted),
                (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0, loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Fits the chosen setting on train and reports the test accuracy once. */
    private static void test(Splits s, Setting setting, int k, Aligner aligner,
            ForkJoinPool pool) {
        long t0 = System.nanoTime();
        AttributeScaling scaling = scaling(s.train(), setting);
        GraphSpace space = space(s, scaling, setting.edgeWeight());
        NearestNeighbors.Model model = new NearestNeighbors(setting.aligner(aligner), k).fit(space,
                scaling.applyAll(s.train().graphs()), s.train().classLabels());
        long t1 = System.nanoTime();
        List<String> predicted = model.predictAll(scaling.applyAll(s.test().graphs()), pool);
        long t2 = System.nanoTime();
        double accuracy = Evaluation.accuracy(s.test().classLabels(), predicted);
        System.out.printf(Locale.ROOT, "TEST %s | %s, k=%d | %.1f %% | fit %.1f s | predict"
                + " %.1f s | load %s%n", s.test().name(), setting, k, 100 * accuracy,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, loadAverage());
    }

    /** Validation accuracy of the given settings only. */
    private static void tryOn(Splits s, Aligner aligner, ForkJoinPool pool, String[] settings) {
        for (String text : settings) {
            Setting setting = parse(text);
            long t0 = System.nanoTime();
            AttributeScaling scaling = scaling(s.train(), setting);
            GraphSpace space = space(s, scaling, setting.edgeWeight());
            double[][] d = distances(space, setting.aligner(aligner),
                    scaling.applyAll(s.train().graphs()), scaling.applyAll(s.valid().graphs()),
                    pool);
            StringBuilder row = new StringBuilder("| " + setting + " |");
            for (int k : KS) {
                row.append(String.format(Locale.ROOT, " %.1f |", 100 * accuracy(d,
                        s.train().classLabels(), s.valid().classLabels(), k)));
            }
            System.out.println(row.append(String.format(Locale.ROOT, " %.1f |",
                    (System.nanoTime() - t0) / 1e9)));
        }
    }

    /**
     * Parses a setting written as {@code std|raw,e,we[,drop1 drop2[,sum|max[,factors]]]},
     * where {@code factors} is a specification of {@link #factors}.
     */
    private static Setting parse(String text) {
        String[] parts = text.split(",");
        List<String> drop = parts.length > 3 && !parts[3].isBlank()
                ? List.of(parts[3].trim().split(" +")) : List.of();
        return new Setting(parts[0].equals("std"), drop, Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]), parts.length > 4 && parts[4].equals("sum"),
                parts.length > 5 ? parts[5] : "");
    }

    /** Compares aligners on sampled (validation, training) pairs of one setting. */
    private static void aligners(String set, Splits s, ForkJoinPool pool, Setting given) {
        List<Setting> settings = given != null ? List.of(given)
                : List.of(new Setting(false, List.of(), 1.0, 1.0, false));
        for (Setting setting : settings) {
            AttributeScaling scaling = scaling(s.train(), setting);
            GraphSpace space = space(s, scaling, setting.edgeWeight());
            List<Graph> train = scaling.applyAll(s.train().graphs());
            List<Graph> valid = scaling.applyAll(s.valid().graphs());
            SplittableRandom random = new SplittableRandom(7L);
            int[][] pairs = new int[SAMPLE_PAIRS][];
            for (int p = 0; p < SAMPLE_PAIRS; p++) {
                pairs[p] = new int[] {random.nextInt(train.size()), random.nextInt(valid.size())};
            }
            System.out.println("setting: " + setting + ", " + SAMPLE_PAIRS + " sampled pairs");
            System.out.println("| aligner | above the first | mean rel. excess | max rel. excess"
                    + " | s |");
            System.out.println("|---|---:|---:|---:|---:|");
            double[] exact = null;
            for (String name : System.getProperty("orbifold.aligners", "exact,thorough,fast")
                    .split(",")) {
                Aligner a = Aligners.byName(name, 1L);
                long t0 = System.nanoTime();
                List<Double> d = IndexedTasks.map(SAMPLE_PAIRS, p -> a.align(space,
                        train.get(pairs[p][0]), valid.get(pairs[p][1])).distance(), pool);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] values = d.stream().mapToDouble(Double::doubleValue).toArray();
                if (exact == null) {
                    exact = values;
                }
                int above = 0;
                double sum = 0.0;
                double max = 0.0;
                for (int p = 0; p < values.length; p++) {
                    double excess = (values[p] - exact[p]) / Math.max(exact[p], GAP_TOLERANCE);
                    if (excess > GAP_TOLERANCE) {
                        above++;
                    }
                    sum += excess;
                    max = Math.max(max, excess);
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.2e | %.2e | %.1f |%n", name, above,
                        sum / values.length, max, seconds);
            }
        }
    }
}
