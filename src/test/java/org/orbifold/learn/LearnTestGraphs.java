package org.orbifold.learn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/** Seeded, labelled synthetic graph families for the classification tests. */
final class LearnTestGraphs {

    /** The class labels of the three families, in family order. */
    static final List<String> CLASSES = List.of("cycle", "path", "star");

    /** Labelled graphs. */
    record Labelled(List<Graph> graphs, List<String> labels) {
    }

    /**
     * Labelled training graphs, unlabelled queries, and the space that holds both.
     */
    record WithQueries(Labelled train, List<Graph> queries, GraphSpace space) {
    }

    private LearnTestGraphs() {
    }

    /**
     * Returns {@code perClass} graphs of each family, interleaved and randomly relabelled.
     * Every graph has five nodes with one attribute near {@code 0.5 f} for family {@code f}
     * and edges of weight near 1: a cycle, a path, or a star. Attributes and weights carry
     * uniform noise of half-width {@code noise}.
     */
    static Labelled families(long seed, int perClass, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int n = 5;
        for (int k = 0; k < perClass; k++) {
            for (int f = 0; f < CLASSES.size(); f++) {
                Graph.Builder builder = Graph.builder(1, 1);
                for (int i = 0; i < n; i++) {
                    builder.addNode(0.5 * f + jitter(random, noise));
                }
                for (int i = 1; i < n; i++) {
                    int from = f == 2 ? 0 : i - 1;
                    builder.addEdge(from, i, 1.0 + jitter(random, noise));
                }
                if (f == 0) {
                    builder.addEdge(n - 1, 0, 1.0 + jitter(random, noise));
                }
                graphs.add(builder.build().permute(Permutation.random(n, random)));
                labels.add(CLASSES.get(f));
            }
        }
        return new Labelled(graphs, labels);
    }

    /** Returns a graph of order 1 with one node attribute. */
    static Graph point(double value) {
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(value);
        return builder.build();
    }

    /**
     * Returns the first {@code trainCount} training graphs of IAM Letter HIGH with their
     * labels and the first {@code queryCount} test graphs, read from
     * {@code ../shared/datasets} (or the folder of the system property
     * {@code orbifold.datasets}); the calling test is skipped when the set is absent.
     */
    static WithQueries letterHigh(int trainCount, int queryCount) throws IOException {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path folder = Path.of(root).resolve("iam/Letter/HIGH");
        assumeTrue(Files.isRegularFile(folder.resolve("train.cxl")),
                "dataset not available: " + folder);
        List<GraphDataset> splits = IamDatasetReader.readSplits(
                List.of(folder.resolve("train.cxl"), folder.resolve("test.cxl")));
        Labelled train = new Labelled(splits.get(0).graphs().subList(0, trainCount),
                splits.get(0).classLabels().subList(0, trainCount));
        List<Graph> queries = splits.get(1).graphs().subList(0, queryCount);
        return new WithQueries(train, queries, GraphSpace.of(concat(train.graphs(), queries)));
    }

    /** Returns a new list of the graphs of {@code a} followed by those of {@code b}. */
    static List<Graph> concat(List<Graph> a, List<Graph> b) {
        List<Graph> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double jitter(SplittableRandom random, double halfWidth) {
        return halfWidth * (2.0 * random.nextDouble() - 1.0);
    }
}
