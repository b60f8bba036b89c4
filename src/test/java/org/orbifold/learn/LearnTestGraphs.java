package org.orbifold.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.orbifold.space.Graph;
import org.orbifold.space.Permutation;

/** Seeded, labelled synthetic graph families for the classification tests. */
final class LearnTestGraphs {

    /** The class labels of the three families, in family order. */
    static final List<String> CLASSES = List.of("cycle", "path", "star");

    /** Labelled graphs. */
    record Labelled(List<Graph> graphs, List<String> labels) {
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

    private static double jitter(SplittableRandom random, double halfWidth) {
        return halfWidth * (2.0 * random.nextDouble() - 1.0);
    }
}
