package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orbifold.cli.MainTest.Run;
import org.orbifold.cluster.CenterUpdate;
import org.orbifold.cluster.CentralClustering;
import org.orbifold.cluster.ClusterValidity;
import org.orbifold.cluster.ClusteringResult;
import org.orbifold.cluster.TooFewDistinctGraphsException;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.stats.Medoid;
import org.orbifold.stats.Status;

/**
 * Runs {@code orbifold cluster} and the {@code --skip-invalid} option in-process on the
 * embedded letters (cut with {@code --limit}) and on a small SMILES file.
 */
class ClusterCommandTest {

    /** Slack for objectives compared across outputs of the same run. */
    private static final double OBJECTIVE_TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    private static Run run(String... args) {
        return MainTest.run(args);
    }

    @Test
    void jsonHasALabelPerGraphAndScoresAgainstTheClasses() {
        Run r = run("cluster", "-k", "3", "--limit", "30", "--json", "--threads", "2");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        List<?> labels = (List<?>) json.get("labels");
        assertEquals(30, labels.size());
        for (Object label : labels) {
            double c = (Double) label;
            assertTrue(c >= 0 && c < 3 && c == Math.rint(c), "label " + c);
        }
        assertEquals("kmeans", json.get("algorithm"));
        assertEquals(3.0, json.get("k"));
        double ari = (Double) json.get("adjustedRandIndex");
        assertTrue(ari >= -1.0 && ari <= 1.0, "ARI " + ari);
        double purity = (Double) json.get("purity");
        assertTrue(purity > 0.0 && purity <= 1.0, "purity " + purity);
        assertEquals(null, json.get("silhouette"));
        assertTrue(json.containsKey("silhouetteSample"), r.out());
        assertEquals(null, json.get("silhouetteSample"), "no silhouette, so no sample");
        double computed = (Double) json.get("distanceComputations");
        assertTrue(computed > 0, "computed " + computed);
        assertTrue((Double) json.get("distancesPruned") >= 0.0);
        assertTrue(json.containsKey("pruningApplied"));

        // The sizes count the labels; the trace never rises and ends at the objective.
        List<?> sizes = (List<?>) json.get("clusterSizes");
        for (int c = 0; c < 3; c++) {
            double label = c;
            long count = labels.stream().filter(x -> (Double) x == label).count();
            assertEquals((double) count, sizes.get(c));
        }
        List<?> trace = (List<?>) json.get("trace");
        for (int t = 1; t < trace.size(); t++) {
            assertTrue((Double) trace.get(t) <= (Double) trace.get(t - 1), "trace " + trace);
        }
        assertEquals((Double) json.get("objective"), (Double) trace.get(trace.size() - 1),
                OBJECTIVE_TOLERANCE);
    }

    /**
     * Alignments that the exact search stopped at its limit are counted over the whole run, in
     * the words and JSON fields of {@code mean} and {@code classify}; other aligners get the
     * fields too, without the limit.
     */
    @Test
    void theExactAlignerSaysWhenItsTimeLimitStoppedIt() throws IOException {
        Path cycles = MainTest.writeCycles(dir.resolve("cycles.npy"));
        String[] exact = {"cluster", cycles.toString(), "-k", "1", "--aligner", "exact",
            "--time-limit", "1e-9", "--threads", "1"};

        Run text = run(exact);
        Run json = run(append(exact, "--json"));
        Run faq = run("cluster", cycles.toString(), "-k", "1", "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().matches("(?s).*\nalignments  [0-9,]+ of [0-9,]+ not proven"
                + " optimal: [0-9,]+ where the exact search stopped at its time limit \\(1e-09 s"
                + " per alignment\\); their distances are upper"
                + " bounds\n.*"), text.out());
        Map<String, Object> fields = json.json();
        assertEquals(Boolean.TRUE, fields.get("limitReached"), json.out());
        assertEquals(1e-9, (Double) fields.get("timeLimitSeconds"), 1e-18);
        double unproven = (Double) fields.get("uncertifiedAlignments");
        assertTrue(unproven >= 1 && unproven <= (Double) fields.get("alignmentsMade"),
                json.out());
        // Every alignment cut short says limit; none is a heuristic's or rounding's.
        @SuppressWarnings("unchecked")
        Map<String, Object> reasons = (Map<String, Object>) fields.get("unprovenReasons");
        assertEquals(unproven, (Double) reasons.get("limit"), json.out());
        assertEquals(0.0, reasons.get("heuristic"), json.out());
        assertEquals(0.0, reasons.get("rounding"), json.out());
        assertEquals(0, faq.exitCode(), faq.err());
        assertEquals(Boolean.FALSE, faq.json().get("limitReached"), faq.out());
        assertNull(faq.json().get("timeLimitSeconds"), faq.out());
        assertTrue((Double) faq.json().get("alignmentsMade") >= 1.0, faq.out());
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void summaryNamesTheObjectiveAndTheAgreementWithTheClasses() {
        Run r = run("cluster", "-k", "3", "--limit", "30", "--algorithm", "kmedoids",
                "--restarts", "2", "--silhouette");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("k-medoids with k = 3 of 30 graphs"), r.out());
        assertTrue(r.out().contains("(sum of distances to the cluster medoids)"), r.out());
        assertTrue(r.out().contains("restarts    2, objectives "), r.out());
        // Its distances are the matrix of all 30 * 29 / 2 pairs, never pruned, whatever
        // their certification: the line says why.
        assertTrue(r.out().contains("\ndistances   435 computed, no triangle-inequality pruning"
                + " (k-medoids never prunes: it reads every distance from the matrix of all"
                + " pairs)\n"), r.out());
        assertFalse(r.out().contains("not all certified"), r.out());
        assertTrue(r.out().contains("classes     adjusted Rand index "), r.out());
        assertTrue(r.out().contains("silhouette  "), r.out());
        assertTrue(r.out().contains("wall time   "), r.out());
    }

    /**
     * One cluster of one graph and one cluster of one class are equally trivial: the adjusted
     * Rand index of both is 1 (identical partitions), never NaN or a JSON null.
     */
    @Test
    void trivialPartitionsHaveAnAdjustedRandIndexOfOne() {
        for (String[] select : new String[][] {{"--limit", "1"}, {"--class", "T"}}) {
            Run text = run("cluster", "-k", "1", select[0], select[1], "--threads", "1");
            Run json = run("cluster", "-k", "1", select[0], select[1], "--threads", "1",
                    "--json");

            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().contains("classes     adjusted Rand index 1.0000, purity"
                    + " 1.0000\n"), text.out());
            assertEquals(1.0, json.json().get("adjustedRandIndex"), json.out());
        }
    }

    /**
     * A --center-order below the order of the graphs refuses every center update (each
     * capped center is worse than its seed), under either --center-update; text and JSON say
     * so, and how often, instead of a bare CONVERGED at the seeding's objective.
     */
    @Test
    void refusedCappedCenterUpdatesAreReported() {
        for (String update : List.of("frechet", "step")) {
            Run text = run("cluster", "--class", "T", "-k", "2", "--threads", "1",
                    "--center-order", "3", "--center-update", update);
            Run json = run("cluster", "--class", "T", "-k", "2", "--threads", "1",
                    "--center-order", "3", "--center-update", update, "--json");

            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().contains("\nnote        --center-order 3 refused "), text.out());
            assertTrue(text.out().contains(" capped center updates, as they did not lower the"
                    + " objective; both centers are still the graphs they were seeded with,"
                    + " so the result is the seeding's"), text.out());
            Map<String, Object> j = json.json();
            assertTrue((Double) j.get("cappedUpdatesRefused") >= 2.0, json.out());
            assertEquals(2.0, j.get("seedCentersKept"), json.out());
            assertTrue(((List<?>) j.get("notes")).get(0).toString()
                    .startsWith("--center-order 3 refused "), json.out());
        }
        Run free = run("cluster", "--class", "T", "-k", "2", "--threads", "1", "--json");
        assertEquals(0.0, free.json().get("cappedUpdatesRefused"), free.out());
        assertFalse(free.json().get("notes").toString().contains("--center-order"));
    }

    /**
     * The k-medoids text names the medoid graphs, by the index that the JSON's medoids give
     * and the data set's name (the embedded letters are named LETTERS#1 on); k-means has no
     * medoids line.
     */
    @Test
    void theKMedoidsTextNamesTheMedoids() {
        String[] args = {"cluster", "-k", "3", "--limit", "30", "--algorithm", "kmedoids",
            "--threads", "1"};

        Run text = run(args);
        Run json = run(append(args, "--json"));
        Run means = run("cluster", "-k", "3", "--limit", "30", "--threads", "1");

        assertEquals(0, text.exitCode(), text.err());
        List<String> named = new ArrayList<>();
        for (Object medoid : (List<?>) json.json().get("medoids")) {
            int m = ((Double) medoid).intValue();
            named.add(m + " ('LETTERS#" + (m + 1) + "')");
        }
        assertEquals(3, named.size(), json.out());
        assertTrue(text.out().contains("\nmedoids     " + String.join(", ", named) + "\n"),
                text.out());
        assertFalse(means.out().contains("\nmedoids"), means.out());
    }

    /**
     * k-medoids' silhouette reads the distance matrix the clustering computed: no alignment
     * more than the clustering's n(n-1)/2, the clustering unchanged, and the silhouette that
     * of the matrix aligned anew, bit for bit, on all graphs and on a seeded sample.
     */
    @Test
    void theKMedoidsSilhouetteReusesTheDistanceMatrix() {
        String[] kMedoids = {"cluster", "-k", "3", "--limit", "24", "--algorithm", "kmedoids",
            "--threads", "1", "--json"};

        Run plain = run(kMedoids);
        Run all = run(append(kMedoids, "--silhouette"));
        Run sampled = run(append(kMedoids, "--silhouette", "--silhouette-sample", "10"));

        assertEquals(0, all.exitCode(), all.err());
        assertEquals(0, sampled.exitCode(), sampled.err());
        for (Run r : List.of(all, sampled)) {
            assertEquals(24.0 * 23 / 2, r.json().get("alignmentsMade"), r.out());
            assertEquals(plain.json().get("alignmentsMade"), r.json().get("alignmentsMade"));
            assertEquals(plain.json().get("labels"), r.json().get("labels"));
            assertEquals(plain.json().get("objective"), r.json().get("objective"));
        }
        Sample sample = Sample.load(null, null, 24);
        GraphSpace space = GraphSpace.of(sample.graphs()).withWeights(1.0, 1.0);
        double[][] distances = Medoid.distanceMatrix(space, sample.graphs(),
                Aligners.byName("faq", 42), Runnable::run);
        List<?> labels = (List<?>) all.json().get("labels");
        int[] codes = new int[labels.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = ((Double) labels.get(i)).intValue();
        }
        assertEquals(ClusterValidity.silhouette(distances, codes),
                (Double) all.json().get("silhouette"), 0.0, all.out());
        int[] chosen = ClusterCommand.sampleIndices(24, 10, 42);
        double[][] part = new double[10][10];
        int[] partLabels = new int[10];
        for (int a = 0; a < 10; a++) {
            partLabels[a] = codes[chosen[a]];
            for (int b = 0; b < 10; b++) {
                part[a][b] = distances[chosen[a]][chosen[b]];
            }
        }
        assertEquals(ClusterValidity.silhouette(part, partLabels),
                (Double) sampled.json().get("silhouette"), 0.0, sampled.out());
        // The JSON names the graphs drawn, the ones used above; none when all are used.
        List<Double> drawn = new ArrayList<>();
        for (int index : chosen) {
            drawn.add((double) index);
        }
        assertEquals(drawn, sampled.json().get("silhouetteSampleIndices"), sampled.out());
        assertTrue(all.json().containsKey("silhouetteSampleIndices"), all.out());
        assertNull(all.json().get("silhouetteSampleIndices"), all.out());
        assertNull(plain.json().get("silhouetteSampleIndices"), plain.out());
    }

    /**
     * Options that change nothing say so in a note, text and JSON: a silhouette sample larger
     * than the data, and --no-pruning where pruning cannot act (k-medoids; a run whose
     * alignments are all uncertified). Where pruning could act, no note.
     */
    @Test
    void optionsThatChangeNothingSaySo() {
        Run sample = run("cluster", "-k", "2", "--limit", "12", "--threads", "1",
                "--silhouette", "--silhouette-sample", "50");
        Run medoids = run("cluster", "-k", "2", "--limit", "12", "--threads", "1", "--json",
                "--algorithm", "kmedoids", "--no-pruning");
        Run exact = run("cluster", "-k", "2", "--limit", "12", "--threads", "1",
                "--aligner", "ga", "--center-update", "step", "--no-pruning", "--json");
        Run nodes = run("cluster", "-k", "2", "--limit", "12", "--threads", "1",
                "--aligner", "nodes", "--edge-weight", "0", "--no-pruning", "--json");

        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.out().contains("\nnote        --silhouette-sample 50 exceeds the 12"
                + " graphs: the silhouette uses all 12\n"), sample.out());
        assertEquals(0, medoids.exitCode(), medoids.err());
        assertTrue(medoids.json().get("notes").toString().contains("--no-pruning changes"
                + " nothing for k-medoids, which never prunes"), medoids.out());
        assertEquals(0, exact.exitCode(), exact.err());
        double made = (Double) exact.json().get("alignmentsMade");
        assertEquals(made, (Double) exact.json().get("uncertifiedAlignments"), exact.out());
        assertTrue(exact.json().get("notes").toString().contains("--no-pruning changed"
                + " nothing here: pruning needs certified distances"), exact.out());
        assertEquals(0, nodes.exitCode(), nodes.err());
        assertFalse(nodes.json().get("notes").toString().contains("--no-pruning"),
                nodes.out());
    }

    @Test
    void theSilhouetteSampleIsReportedWithTheSilhouette() {
        Run r = run("cluster", "-k", "2", "--limit", "12", "--threads", "1", "--json",
                "--silhouette", "--silhouette-sample", "8");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(8.0, r.json().get("silhouetteSample"), r.out());
        assertTrue(r.json().get("silhouette") instanceof Double, r.out());
    }

    /**
     * Up to ten restarts are listed one by one; more are summed up by the lowest and the
     * highest objective with their restarts, so that many restarts print one short line.
     */
    /** The cap note for every count of centers kept at their seeds, one and more clusters. */
    @Test
    void capNoteNamesTheCentersKeptAtTheirSeeds() {
        assertNull(ClusterCommand.capNote(capped(2, 0, 0), 3));
        String head = "--center-order 3 refused 1,500 capped center updates, as they did not"
                + " lower the objective; ";
        assertEquals(head + "every center moved off its seed graph",
                ClusterCommand.capNote(capped(2, 1500, 0), 3));
        assertEquals(head + "1 of 3 centers is still the graph it was seeded with",
                ClusterCommand.capNote(capped(3, 1500, 1), 3));
        assertEquals(head + "2 of 3 centers are still the graphs they were seeded with",
                ClusterCommand.capNote(capped(3, 1500, 2), 3));
        String seeding = " seeded with, so the result is the seeding's (a larger"
                + " --center-order, or none, lets ";
        assertEquals("--center-order 3 refused 1 capped center update, as it did not lower the"
                + " objective; the center is still the graph it was" + seeding + "it move)",
                ClusterCommand.capNote(capped(1, 1, 1), 3));
        assertEquals(head + "both centers are still the graphs they were" + seeding
                + "them move)", ClusterCommand.capNote(capped(2, 1500, 2), 3));
        assertEquals(head + "all 3 centers are still the graphs they were" + seeding
                + "them move)", ClusterCommand.capNote(capped(3, 1500, 3), 3));
    }

    /**
     * Graphs of one class (--class, or a --limit that keeps one) get a note that the index
     * and purity say nothing; the numbers stay as documented (purity 1, index 0 for two
     * clusters). Two classes get no such note.
     */
    @Test
    void oneClassIsNotedBesideTheIndexAndPurity() {
        Run text = run("cluster", "--class", "T", "-k", "2", "--threads", "1");
        Run json = run("cluster", "--class", "T", "-k", "2", "--threads", "1", "--json");
        Run mixed = run("cluster", "--limit", "30", "-k", "2", "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("classes     adjusted Rand index 0.0000, purity"
                + " 1.0000\n"), text.out());
        assertTrue(text.out().contains("\nnote        all 25 graphs have one class, 'T', so"
                + " the adjusted Rand index and purity say nothing about the clusters: purity is"
                + " 1 and the index 0, or 1 for a single cluster, whatever the clustering\n"),
                text.out());
        assertEquals(0.0, json.json().get("adjustedRandIndex"), json.out());
        assertEquals(1.0, json.json().get("purity"), json.out());
        assertTrue(json.json().get("notes").toString().contains("have one class, 'T'"),
                json.out());
        assertFalse(mixed.json().get("notes").toString().contains("one class"), mixed.out());
    }

    @Test
    void oneClassNoteNeedsEveryGraphInTheSameClass() {
        assertEquals("the 1 graph has one class, 'A', so the adjusted Rand index and purity"
                + " say nothing about the clusters: purity is 1 and the index 0, or 1 for a"
                + " single cluster, whatever the clustering",
                ClusterCommand.oneClassNote(List.of("A")));
        assertTrue(ClusterCommand.oneClassNote(List.of("x", "x", "x"))
                .startsWith("all 3 graphs have one class, 'x'"));
        assertNull(ClusterCommand.oneClassNote(List.of("x", "y")));
        assertNull(ClusterCommand.oneClassNote(List.of()));
        List<String> unknown = new ArrayList<>(List.of("x"));
        unknown.add(null);
        assertNull(ClusterCommand.oneClassNote(unknown), "a graph without a class: no scores");
    }

    /**
     * The note on pruning switched off partway appears only when pruning was asked for, the
     * algorithm prunes, some distances were skipped and yet pruningApplied is false.
     */
    @Test
    void pruningStoppedPartwayIsNotedOnlyThen() {
        assertEquals("pruning stopped partway: 1,998 distances were skipped on certified"
                + " bounds, until a distance that was not certified (an alignment not proven"
                + " optimal) switched pruning off for the rest of its restart, in at least one"
                + " restart; so pruningApplied is false in the JSON",
                ClusterCommand.pruningStoppedNote(pruned(1998, false), false, false));
        assertNull(ClusterCommand.pruningStoppedNote(pruned(1998, true), false, false));
        assertNull(ClusterCommand.pruningStoppedNote(pruned(0, false), false, false),
                "no pruning at all: the distances line says why");
        assertNull(ClusterCommand.pruningStoppedNote(pruned(1998, false), true, false));
        assertNull(ClusterCommand.pruningStoppedNote(pruned(1998, false), false, true));
    }

    /** A k-means result of two graphs with the given pruning counts. */
    private static ClusteringResult pruned(long distancesPruned, boolean applied) {
        List<Graph> centers = List.of(Graph.fromAdjacency(new double[][] {{0}}),
                Graph.fromAdjacency(new double[][] {{0}}));
        return new ClusteringResult(new int[] {0, 1}, centers, new int[0], 0.0,
                new double[] {0.0}, 1, Status.CONVERGED, 10L, new double[] {0.0},
                distancesPruned, 2L, applied);
    }

    /**
     * The note on slow Frechet center updates: from LARGE_ORDER nodes on, k-means and
     * k-medians with the Frechet update only.
     */
    @Test
    void largeOrderNoteStartsAtItsThreshold() {
        int large = ClusterCommand.LARGE_ORDER;
        assertNull(ClusterCommand.largeOrderNote(large - 1, false, CenterUpdate.FRECHET));
        assertNull(ClusterCommand.largeOrderNote(large, true, CenterUpdate.FRECHET));
        assertNull(ClusterCommand.largeOrderNote(500, false, CenterUpdate.SINGLE_STEP));
        assertEquals("the largest graph has 1,481 nodes, and every --center-update frechet"
                + " (the default) realigns all members of a cluster at that order, so this run"
                + " may take long; for large graphs see the README's options for large"
                + " collections (--center-update step, --center-order N, --aligner fast,"
                + " --lower-bounds, --seeding-aligner nodes)",
                ClusterCommand.largeOrderNote(1481, false, CenterUpdate.FRECHET));
    }

    /**
     * A molecule of LARGE_ORDER atoms brings the note to standard error before the work,
     * and the report on standard output is the one printed with --center-update given as
     * frechet explicitly, and as printed without the large molecule's note otherwise;
     * --center-update step prints no note.
     */
    @Test
    void aLargeGraphUnderTheFrechetUpdateIsNotedOnStandardError() throws IOException {
        Path smiles = Files.writeString(dir.resolve("chain.csv"), "smiles,label\n"
                + "C".repeat(ClusterCommand.LARGE_ORDER) + ",a\nCCC,b\nCCCC,b\n");
        String[] args = {"cluster", smiles.toString(), "-k", "2", "--threads", "1",
            "--aligner", "nodes", "--max-iterations", "1", "--json"};

        Run frechet = run(args);
        Run step = run(append(args, "--center-update", "step"));

        assertEquals(0, frechet.exitCode(), frechet.err());
        assertEquals(RenderCommand.NOTE_PREFIX + ClusterCommand.largeOrderNote(
                ClusterCommand.LARGE_ORDER, false, CenterUpdate.FRECHET) + "\n",
                frechet.err());
        assertFalse(frechet.json().get("notes").toString().contains("largest graph"),
                "standard output is unchanged");
        assertEquals(0, step.exitCode(), step.err());
        assertEquals("", step.err());
    }

    /** A k-means result with k one-node centers and the given cap counts. */
    private static ClusteringResult capped(int k, long refused, int seedCentersKept) {
        List<Graph> centers = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            centers.add(Graph.fromAdjacency(new double[][] {{0}}));
        }
        int[] labels = new int[k];
        for (int c = 0; c < k; c++) {
            labels[c] = c;
        }
        return new ClusteringResult(labels, centers, new int[0], 0.0, new double[] {0.0}, 1,
                Status.CONVERGED, 0L, new double[] {0.0}, 0L, 0L, false, 0L,
                0L, refused, seedCentersKept);
    }

    @Test
    void manyRestartsPrintTheirRangeOnly() {
        assertEquals("3, objectives 2.000000, 1.000000, 3.000000 (the lowest is kept)",
                ClusterCommand.restartsText(new double[] {2, 1, 3}));
        double[] many = new double[1200];
        for (int r = 0; r < many.length; r++) {
            many[r] = 5.0 + (r * 7 % 11);
        }
        many[700] = 4.5;
        assertEquals("1,200, objectives from 4.500000 (restart 701, kept) to 15.000000"
                + " (restart 4); all in the JSON", ClusterCommand.restartsText(many));

        Run r = run("cluster", "-k", "2", "--limit", "8", "--threads", "1", "--restarts",
                "12");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nrestarts    12, objectives from "), r.out());
    }

    /**
     * {@code --max-iterations 0} is accepted, as for {@code mean}: the result is the k-means++
     * seeding's, 0 iterations, a trace of one row (the objective), and a note saying so; the
     * labels and the objective are those of the library run with 0 iterations, whose
     * centers are input graphs, each graph's own center a nearest one by exact distances,
     * and the objective their sum (of squares for k-means). A negative value is refused.
     */
    @Test
    void zeroIterationsKeepTheSeedsAndTheAssignmentToThem() throws IOException {
        Sample sample = Sample.load(null, null, 15);
        GraphSpace space = GraphSpace.of(sample.graphs()).withWeights(1.0, 1.0);
        for (String algorithm : List.of("kmeans", "kmedoids")) {
            Path folder = dir.resolve(algorithm);
            Run r = run("cluster", "-k", "3", "--limit", "15", "--threads", "1", "--aligner",
                    "exact", "--algorithm", algorithm, "--max-iterations", "0", "--json",
                    "--out", folder.toString());

            assertEquals(0, r.exitCode(), r.err());
            Map<String, Object> json = r.json();
            double objective = (Double) json.get("objective");
            assertEquals(0.0, json.get("maxIterations"));
            assertEquals(0.0, json.get("iterations"));
            assertEquals("MAX_ITERATIONS", json.get("status"));
            assertEquals(List.of(objective), json.get("trace"));
            assertEquals(List.of("iteration,objective", "0," + objective),
                    Files.readAllLines(folder.resolve(ClusterCommand.TRACE)));
            String note = "--max-iterations 0 updates no center: the "
                    + (algorithm.equals("kmeans") ? "centers" : "medoids") + " are the"
                    + " k-means++ seed graphs and each graph is in the cluster of its nearest"
                    + " seed (trace row 0)";
            assertEquals(note, ((List<?>) json.get("notes")).get(0), r.out());
            if (algorithm.equals("kmeans")) {
                Run seeded = run("cluster", "-k", "3", "--limit", "15", "--threads", "1",
                        "--max-iterations", "0", "--seeding-aligner", "nodes", "--json");
                assertEquals(note + "; nearest, distances and objective by --seeding-aligner"
                        + " nodes, as no step of --aligner ran",
                        ((List<?>) seeded.json().get("notes")).get(0), seeded.err());
                Run same = run("cluster", "-k", "3", "--limit", "15", "--threads", "1",
                        "--max-iterations", "0", "--aligner", "nodes", "--seeding-aligner",
                        "nodes", "--json");
                assertEquals(note, ((List<?>) same.json().get("notes")).get(0), same.err());
            }

            CentralClustering.Builder builder = algorithm.equals("kmeans")
                    ? CentralClustering.kMeans(3) : CentralClustering.kMedoids(3);
            Aligner exact = Aligners.byName("exact", 42);
            ClusteringResult result = builder.aligner(exact).seed(42).maxIterations(0).build()
                    .cluster(space, sample.graphs());
            List<Double> labels = new ArrayList<>();
            for (int label : result.labels()) {
                labels.add((double) label);
            }
            assertEquals(labels, json.get("labels"), algorithm);
            assertEquals(result.objective(), objective, 1e-9 * (1.0 + objective), algorithm);

            double sum = 0.0;
            for (int i = 0; i < sample.size(); i++) {
                Graph g = sample.graphs().get(i);
                double nearest = Double.POSITIVE_INFINITY;
                for (Graph center : result.centers()) {
                    assertTrue(sample.graphs().stream().anyMatch(x -> center.equals(
                            algorithm.equals("kmeans") ? x.pad(space.size()) : x)), algorithm);
                    nearest = Math.min(nearest, exact.align(space, center, g).distance());
                }
                double own = exact.align(space, result.centers().get(result.labels()[i]), g)
                        .distance();
                assertEquals(nearest, own, 1e-9 * (1.0 + own), algorithm + ", graph " + i);
                sum += algorithm.equals("kmeans") ? own * own : own;
            }
            assertEquals(sum, objective, 1e-9 * (1.0 + sum), algorithm);
        }
        Run negative = run("cluster", "-k", "2", "--limit", "6", "--max-iterations", "-1");
        assertEquals(CliException.USAGE, negative.exitCode(), negative.err());
        assertEquals(Main.ERROR_PREFIX + "--max-iterations must be >= 0, got -1\n",
                negative.err());
    }

    @Test
    void kMediansSaysItsObjectiveIsASumOfDistances() {
        Run r = run("cluster", "-k", "2", "--limit", "12", "--algorithm", "kmedians");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(sum of distances to the cluster centers)"), r.out());
    }

    /**
     * Pins a decision: assignments.csv keeps class labels that a spreadsheet would read as
     * formulas ({@code =1+2}, and MUTAG-style {@code -1}) as they are, quoted only where
     * RFC 4180 needs it, since programs join on them; the README says to import it as text.
     */
    @Test
    void assignmentsKeepLabelsThatLookLikeFormulasUnchanged() throws IOException {
        Path csv = Files.writeString(dir.resolve("formulas.csv"),
                "smiles,label\nCCO,=1+2\nCCN,-1\nCCCC,\"@a,b\"\n");
        Path folder = dir.resolve("out");

        Run r = run("cluster", csv.toString(), "-k", "2", "--threads", "1", "--out",
                folder.toString());

        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(folder.resolve(ClusterCommand.ASSIGNMENTS),
                StandardCharsets.UTF_8);
        assertTrue(rows.get(1).startsWith("0,formulas#1,=1+2,"), rows.toString());
        assertTrue(rows.get(2).startsWith("1,formulas#2,-1,"), rows.toString());
        assertTrue(rows.get(3).startsWith("2,formulas#3,\"@a,b\","), rows.toString());
    }

    @Test
    void jsonDistancesSumToTheObjectiveOfEveryAlgorithm() {
        for (List<String> extra : List.of(List.of("--algorithm", "kmedians"),
                List.of("--algorithm", "kmedoids"),
                List.of("--algorithm", "kmedoids", "--squared-costs"))) {
            List<String> args = new ArrayList<>(List.of("cluster", "-k", "3", "--limit", "15",
                    "--json", "--threads", "2"));
            args.addAll(extra);
            Run r = run(args.toArray(new String[0]));

            assertEquals(0, r.exitCode(), r.err());
            Map<String, Object> json = r.json();
            List<?> distances = (List<?>) json.get("distances");
            assertEquals(15, distances.size());
            boolean squared = extra.contains("--squared-costs");
            assertEquals(squared, json.get("squaredCosts"), r.out());
            double sum = 0.0;
            for (Object d : distances) {
                double v = (Double) d;
                sum += squared ? v * v : v;
            }
            assertEquals((Double) json.get("objective"), sum, 1e-9 * sum, extra.toString());
        }
    }

    @Test
    void anAssignmentsFileOfAnEarlierVersionIsStillRecognised() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("earlier"));
        Path file = Files.writeString(folder.resolve(ClusterCommand.ASSIGNMENTS),
                "index,graph,class,cluster\n0,a,x,1\n");

        assertTrue(ClusterCommand.isOutput(file));
        Files.writeString(file, "index,graph,class,cluster,distance\n0,a,x,1,0.5\n");
        assertTrue(ClusterCommand.isOutput(file));
        Files.writeString(file, "index,graph,class,clusters\n0,a,x,1\n");
        assertFalse(ClusterCommand.isOutput(file));
    }

    @Test
    void outWritesTheFourFilesIntoANewFolder() throws IOException {
        Path folder = dir.resolve("made/here");
        Run r = run("cluster", "-k", "3", "--limit", "20", "--json", "--out",
                folder.toString());

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> printed = r.json();
        Map<String, Object> written = JsonParser.object(Files.readString(
                folder.resolve(ClusterCommand.RESULT)));
        assertEquals(printed.get("labels"), written.get("labels"));
        assertEquals(printed.get("objective"), written.get("objective"));

        List<String> rows = Files.readAllLines(folder.resolve(ClusterCommand.ASSIGNMENTS),
                StandardCharsets.UTF_8);
        assertEquals("index,graph,class,cluster,distance", rows.get(0));
        assertEquals(21, rows.size());
        List<?> labels = (List<?>) printed.get("labels");
        List<?> distances = (List<?>) printed.get("distances");
        double squares = 0.0;
        for (int i = 0; i < 20; i++) {
            String[] fields = rows.get(i + 1).split(",");
            assertEquals(5, fields.length, rows.get(i + 1));
            assertEquals(Integer.toString(i), fields[0]);
            assertFalse(fields[2].isEmpty(), "the letters have classes");
            assertEquals(((Double) labels.get(i)).intValue(), Integer.parseInt(fields[3]));
            double d = Double.parseDouble(fields[4]);
            assertEquals((Double) distances.get(i), d, 0.0);
            assertTrue(d >= 0.0, rows.get(i + 1));
            squares += d * d;
        }
        // k-means: the objective is the sum of the squared distances printed.
        assertEquals((Double) printed.get("objective"), squares, 1e-9 * squares);

        Map<String, Object> centers = JsonParser.object(Files.readString(
                folder.resolve(ClusterCommand.CENTERS)));
        List<?> list = (List<?>) centers.get("centers");
        assertEquals(3, list.size());
        Map<?, ?> first = (Map<?, ?>) ((Map<?, ?>) list.get(0)).get("center");
        assertNotNull(first.get("nodes"));
        assertNotNull(first.get("decodedNodes"));

        List<String> trace = Files.readAllLines(folder.resolve(ClusterCommand.TRACE),
                StandardCharsets.UTF_8);
        assertEquals("iteration,objective", trace.get(0));
        assertEquals(((List<?>) printed.get("trace")).size(), trace.size() - 1);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(4, files.count(), "no temporary file is left");
        }
    }

    @Test
    void outOntoAFileFailsBeforeComputing() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "keep");
        Run r = run("cluster", "-k", "2", "--limit", "10", "--out", file.toString());

        assertEquals(CliException.USAGE, r.exitCode());
        assertTrue(r.err().contains("is not a folder"), r.err());
        assertEquals("", r.out());
        assertEquals("keep", Files.readString(file));
    }

    /**
     * An --out folder that holds a data set, in it or one level down, is refused before any
     * work with a message naming what was found, though it is not the command's input (here
     * a copy of the letters, made under the test's own folder); nothing is written into it.
     */
    @Test
    void anOutFolderHoldingADataSetIsRefused() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("root").resolve("letters"));
        try (Stream<Path> files = Files.list(Path.of("datasets", "letters"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        Path molecules = Files.createDirectory(dir.resolve("molecules"));
        Files.writeString(molecules.resolve("few.smi"), "CCO\nCCN\n");
        List<String> before = listing(dir);

        Run inside = run("cluster", "--class", "T", "-k", "2", "--threads", "1", "--out",
                copy.toString());
        Run above = run("cluster", "--class", "T", "-k", "2", "--threads", "1", "--out",
                copy.getParent().toString());
        Run smiles = run("cluster", "--class", "T", "-k", "2", "--threads", "1", "--out",
                molecules.toString());

        assertEquals(CliException.USAGE, inside.exitCode(), inside.err());
        assertEquals("orbifold: error: cannot write --out " + copy + ": the folder holds data"
                + " sets (LETTERS_A.txt, LETTERS_graph_indicator.txt, LETTERS_graph_labels.txt"
                + " and 1 more); give a folder without data, such as a new one\n", inside.err());
        assertTrue(above.err().contains(": the folder holds data sets (letters/LETTERS_A.txt);"),
                above.err());
        assertTrue(smiles.err().contains(": the folder holds data sets (few.smi);"),
                smiles.err());
        for (Run r : List.of(inside, above, smiles)) {
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals("", r.out());
        }
        assertEquals(before, listing(dir), "nothing may be written");
    }

    /** Every path under a folder, relative to it, sorted. */
    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void onlyEarlierOutputsAreReplacedInTheOutFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertEquals(0, run("cluster", "-k", "2", "--limit", "6", "--threads", "1", "--out",
                folder.toString()).exitCode());
        Files.writeString(folder.resolve(ClusterCommand.CENTERS), "");
        Run again = run("cluster", "-k", "3", "--limit", "6", "--threads", "1", "--out",
                folder.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.readString(folder.resolve(ClusterCommand.RESULT)).contains("\"k\":3"));

        // A data set that happens to bear an output's name is kept, and nothing is computed.
        String data = "smiles,label\nCCO,1\nCCN,0\n";
        Files.writeString(folder.resolve(ClusterCommand.TRACE), data);
        Run refused = run("cluster", "-k", "2", "--limit", "6", "--threads", "1", "--out",
                folder.toString());
        assertEquals(CliException.USAGE, refused.exitCode());
        assertEquals("orbifold: error: cannot write --out " + folder + ": "
                + folder.resolve(ClusterCommand.TRACE) + " exists and is not the output of an"
                + " earlier cluster run; remove it or give another folder\n", refused.err());
        assertEquals("", refused.out());
        assertEquals(data, Files.readString(folder.resolve(ClusterCommand.TRACE)));
    }

    @Test
    void aRunThatFailsLeavesNoOutputFolderBehind() {
        Path folder = dir.resolve("fresh").resolve("sub");
        Run r = run("cluster", "-k", "20", "--limit", "10", "--out", folder.toString());

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("-k must be at most the number of graphs"), r.err());
        assertFalse(Files.exists(dir.resolve("fresh")), "folder created by a failed run");
    }

    /**
     * Too many clusters for the distinct graphs is refused with the same wording, naming
     * the option as typed, as too many for the graphs (the library's message said only
     * 'k = 2').
     */
    @Test
    void moreClustersThanDistinctGraphsNamesTheOption() throws IOException {
        Path same = Files.writeString(dir.resolve("same.smi"), "CCO\nCCO\nCCO\nCCO\n");
        Run two = run("cluster", same.toString(), "-k", "2");
        assertEquals(CliException.USAGE, two.exitCode(), two.err());
        assertEquals("orbifold: error: -k must be at most the number of distinct graphs,"
                + " 1 of 4, got 2\n", two.err());
        Run five = run("cluster", same.toString(), "--clusters", "5");
        assertEquals("orbifold: error: --clusters must be at most the number of graphs, 4,"
                + " got 5\n", five.err());
        assertEquals(0, run("cluster", same.toString(), "-k", "1").exitCode());
    }

    /**
     * Relabelled copies of one graph (ethanol written from either end and from its middle)
     * are refused as duplicates are, naming -k as typed, with the same exit code; the seeding
     * finds them, since they differ as labelled graphs.
     */
    @Test
    void moreClustersThanGraphsUpToRelabellingNamesTheOption() throws IOException {
        Path copies = Files.writeString(dir.resolve("copies.smi"), "CCO\nOCC\nC(O)C\n");
        for (String algorithm : List.of("kmeans", "kmedoids")) {
            Run r = run("cluster", copies.toString(), "-k", "2", "--algorithm", algorithm);

            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals("orbifold: error: -k must be at most the number of graphs that"
                    + " differ up to relabelling, 1 of 3 (the others are relabelled copies of"
                    + " it, at distance 0), got 2\n", r.err());
            assertEquals("", r.out());
        }
        assertEquals(0, run("cluster", copies.toString(), "-k", "1").exitCode());

        // More seeds at positive distance: with a heuristic aligner a positive distance does
        // not prove that two graphs differ, so the count is an upper bound.
        CliException two = ClusterCommand.tooFewDistinct(new TooFewDistinctGraphsException(
                "seeding", 2, 5, 3, true), null);
        assertEquals(CliException.USAGE, two.exitCode());
        assertEquals("--clusters must be at most the number of graphs that differ up to"
                + " relabelling, at most 2 of 5 (every other graph is a relabelled copy of one"
                + " of 2, at distance 0), got 3", two.getMessage());
    }

    /**
     * Different molecules (ethanol, vinyl alcohol, methane with methanol) are at distance 0
     * once {@code --edge-weight 0} ignores their bonds: the refusal says so, naming the
     * weight as typed, instead of calling them relabelled copies.
     */
    @Test
    void moreClustersThanGraphsUnderAZeroWeightNamesTheWeight() throws IOException {
        Path x = Files.writeString(dir.resolve("x.smi"), "CCO\nC=CO\nC.CO\n");
        for (String algorithm : List.of("kmeans", "kmedoids")) {
            Run r = run("cluster", x.toString(), "-k", "2", "--edge-weight", "0",
                    "--algorithm", algorithm);

            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals("orbifold: error: -k must be at most the number of graphs that"
                    + " differ up to relabelling under the chosen weights (--edge-weight 0"
                    + " ignores the edge attributes), 1 of 3 (the others are equal to it up to"
                    + " relabelling, at distance 0), got 2\n", r.err());
        }
        // With the bonds weighed, the three differ.
        assertEquals(0, run("cluster", x.toString(), "-k", "3").exitCode());

        CliException both = ClusterCommand.tooFewDistinct(new TooFewDistinctGraphsException(
                "seeding", 2, 5, 3, true), "--node-weight 0.0 and --edge-weight 0 ignore all"
                + " attributes");
        assertEquals("--clusters must be at most the number of graphs that differ up to"
                + " relabelling under the chosen weights (--node-weight 0.0 and --edge-weight 0"
                + " ignore all attributes), at most 2 of 5 (every other graph is equal up to"
                + " relabelling to one of 2, at distance 0), got 3", both.getMessage());
    }

    /**
     * One graph in one cluster computes no distance: its seeding distance to its own center
     * (itself) is certified and kept, which the line counts as one skipped distance, worded
     * so as not to claim a triangle-inequality prune.
     */
    @Test
    void oneGraphInOneClusterCountsItsKeptDistance() throws IOException {
        Path one = Files.writeString(dir.resolve("one.smi"), "CCO\n");
        Run r = run("cluster", one.toString(), "-k", "1", "--aligner", "faq");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("distances   0 computed (0 for the bounds), 1 skipped on"
                + " certified bounds (triangle inequality, or an own-center distance"
                + " kept)"), r.out());

        // k-medoids, even with the exact aligner, never prunes: the line says so, and does
        // not blame the certification.
        Run medoids = run("cluster", one.toString(), "-k", "1", "--aligner", "exact",
                "--algorithm", "kmedoids");
        assertEquals(0, medoids.exitCode(), medoids.err());
        assertTrue(medoids.out().contains("\ndistances   0 computed, no triangle-inequality"
                + " pruning (k-medoids never prunes: it reads every distance from the matrix"
                + " of all pairs)\n"), medoids.out());
    }

    @Test
    void aRefusedOutFolderInsideTheDataWritesNothingThere() throws IOException {
        Path data = MainTest.copyLetters(dir, "LETTERS", "A", "graph_indicator",
                "graph_labels", "node_attributes");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(data, old);
        List<Path> before;
        try (Stream<Path> files = Files.list(data)) {
            before = files.sorted().toList();
        }
        Run r = run("cluster", data.toString(), "-k", "2", "--limit", "20", "--out",
                data.resolve("nd").toString());

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("is a file inside DATASET"), r.err());
        // A probe file created and deleted in the folder would have changed its time.
        assertEquals(old, Files.getLastModifiedTime(data));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(before, files.sorted().toList());
        }
    }

    static Stream<Arguments> misplacedOptions() {
        return Stream.of(
                Arguments.of(List.of("--algorithm", "kmedoids", "--center-update", "step"),
                        "--center-update applies only to --algorithm kmeans or kmedians"),
                Arguments.of(List.of("--algorithm", "kmedoids", "--track-alignments"),
                        "--track-alignments applies only"),
                Arguments.of(List.of("--algorithm", "kmedoids", "--center-order", "3"),
                        "--center-order applies only to --algorithm kmeans or kmedians"
                        + " (k-medoids centers are members: after every assignment, each"
                        + " cluster's medoid)"),
                Arguments.of(List.of("--algorithm", "kmedoids", "--lower-bounds"),
                        "--lower-bounds applies only to --algorithm kmeans or kmedians"
                        + " (k-medoids reads every distance from a precomputed matrix of all"
                        + " pairs, so no alignment is left for a bound to skip)"),
                Arguments.of(List.of("--algorithm", "kmedoids", "--seeding-aligner", "nodes"),
                        "--seeding-aligner applies only to --algorithm kmeans or kmedians"
                        + " (k-medoids seeds and assigns from one matrix of all pairwise"
                        + " distances, aligned by --aligner before it starts)"),
                Arguments.of(List.of("--algorithm", "kmedoids", "--track-alignments"),
                        "(k-medoids reads every distance from a precomputed matrix of all"
                        + " pairs and keeps no alignment to a center)"),
                Arguments.of(List.of("--refresh-every", "3"),
                        "--refresh-every needs --track-alignments"),
                Arguments.of(List.of("--track-alignments", "--refresh-every", "-1"),
                        "--refresh-every must be >= 0"),
                Arguments.of(List.of("--silhouette-sample", "10"),
                        "--silhouette-sample needs --silhouette"),
                Arguments.of(List.of("--silhouette-sample", "0"),
                        "--silhouette-sample needs --silhouette"),
                Arguments.of(List.of("--refresh-every", "0"),
                        "--refresh-every needs --track-alignments"),
                Arguments.of(List.of("--silhouette", "--silhouette-sample", "1"),
                        "or at least 2"),
                Arguments.of(List.of("--tolerance", "2"), "--tolerance is a fraction of the"
                        + " objective and must be below 1, got 2"),
                Arguments.of(List.of("--tolerance", "1"), "must be below 1, got 1"),
                Arguments.of(List.of("--squared-costs"), "--squared-costs applies only to"
                        + " --algorithm kmedoids (k-means already minimises squared distances)"),
                Arguments.of(List.of("--algorithm", "kmedians", "--squared-costs"),
                        "(k-medians minimises distances; for squared distances use"
                        + " --algorithm kmeans)"));
    }

    @ParameterizedTest
    @MethodSource("misplacedOptions")
    void optionsThatCannotApplyAreUsageErrors(List<String> options, String message) {
        List<String> args = new ArrayList<>(List.of("cluster", "-k", "2", "--limit", "10"));
        args.addAll(options);
        Run r = run(args.toArray(new String[0]));

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    /**
     * The silhouette compares a graph's own cluster with the nearest other: -k 1 has none, so
     * --silhouette is refused before the work; a sample that meets one cluster only leaves it
     * undefined, which the text says in words (not NaN) and the JSON writes as null.
     */
    @Test
    void theSilhouetteNeedsTwoClusters() {
        Run one = run("cluster", "-k", "1", "--limit", "5", "--silhouette");
        String[] sampled = {"cluster", "-k", "2", "--limit", "20", "--silhouette",
            "--silhouette-sample", "2", "--seed", "3", "--threads", "1"};
        Run text = run(sampled);
        Run json = run(append(sampled, "--json"));

        assertEquals(CliException.USAGE, one.exitCode(), one.err());
        assertEquals("orbifold: error: --silhouette needs -k 2 or more, got -k 1: it compares"
                + " each graph's distances to its own cluster with those to the nearest other"
                + " cluster\n", one.err());
        assertEquals("", one.out());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nsilhouette  undefined: the seeded sample of 2 graphs"
                + " meets only one cluster\n"), text.out());
        assertFalse(text.out().contains("NaN"), text.out());
        assertTrue(json.json().containsKey("silhouette"), json.out());
        assertNull(json.json().get("silhouette"), json.out());
    }

    @Test
    void lowerBoundsAndRefreshesAreReportedInTheJson() {
        Run r = run("cluster", "-k", "3", "--limit", "30", "--json", "--threads", "2",
                "--center-update", "step", "--track-alignments", "--refresh-every", "2",
                "--lower-bounds");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(2.0, json.get("refreshEvery"));
        assertEquals(Boolean.TRUE, json.get("lowerBounds"));
        assertTrue((Double) json.get("lowerBoundSkips") >= 0.0);
        List<?> trace = (List<?>) json.get("trace");
        for (int t = 1; t < trace.size(); t++) {
            assertTrue((Double) trace.get(t) <= (Double) trace.get(t - 1), "trace " + trace);
        }
    }

    @Test
    void squaredCostsNeedKMedoids() {
        Run r = run("cluster", "-k", "2", "--limit", "10", "--squared-costs");

        assertEquals(CliException.USAGE, r.exitCode());
        assertTrue(r.err().contains("--squared-costs applies only to --algorithm kmedoids"),
                r.err());
    }

    @Test
    void unknownCommandListsCluster() {
        Run r = run("bogus");

        assertTrue(r.err().contains("commands: info, align, mean, median, cluster"), r.err());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(CliException.USAGE, List.of("cluster")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "0")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "-3")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "11", "--limit",
                        "10")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2", "--algorithm",
                        "spectral")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2", "--restarts",
                        "0")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2", "--threads",
                        "0")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2",
                        "--max-iterations", "-1")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2", "--aligner",
                        "magic")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2",
                        "--center-update", "sometimes")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2",
                        "--center-order", "-1")),
                Arguments.of(CliException.USAGE, List.of("cluster", "-k", "2",
                        "--tolerance", "-0.5")));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void badArgumentsAreOneLineUsageErrors(int expectedCode, List<String> args) {
        Run r = run(args.toArray(new String[0]));

        assertEquals(expectedCode, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anInvalidSmilesLineFailsWithItsLineNumber() throws IOException {
        Path smiles = invalidSmiles();
        Run r = run("info", smiles.toString());

        assertEquals(CliException.DATA, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("line 3"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void skipInvalidReadsTheRestAndCountsTheSkippedRecord() throws IOException {
        Path smiles = invalidSmiles();
        Run info = run("info", smiles.toString(), "--skip-invalid", "--json");

        assertEquals(0, info.exitCode(), info.err());
        assertEquals(3.0, info.json().get("graphs"));
        List<?> notes = (List<?>) info.json().get("notes");
        assertTrue(notes.stream().anyMatch(n -> n.toString().contains("skipped 1 invalid"
                + " record at line 3")), notes.toString());

        Run cluster = run("cluster", smiles.toString(), "-k", "2", "--skip-invalid");
        assertEquals(0, cluster.exitCode(), cluster.err());
        assertTrue(cluster.out().contains("of 3 graphs"), cluster.out());
        assertTrue(cluster.out().contains("skipped 1 invalid record"), cluster.out());
        assertFalse(cluster.out().contains("classes     adjusted Rand index"), cluster.out());

        Run mean = run("mean", smiles.toString(), "--skip-invalid");
        assertEquals(0, mean.exitCode(), mean.err());
        assertTrue(mean.out().contains("skipped 1 invalid record"), mean.out());
    }

    /** Writes four SMILES lines, the third of which does not parse (an unclosed ring). */
    private Path invalidSmiles() throws IOException {
        return Files.writeString(dir.resolve("small.smi"), "CCO ethanol\nCC(=O)O acetic\n"
                + "C1CC broken\nc1ccccc1 benzene\n");
    }
}
