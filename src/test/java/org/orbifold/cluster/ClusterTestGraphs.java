package org.orbifold.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.orbifold.space.Graph;
import org.orbifold.space.Permutation;

/** Seeded synthetic graph families for the clustering tests. */
final class ClusterTestGraphs {

    /** A sample with its true family of every graph. */
    record Sample(List<Graph> graphs, int[] classes) {
    }

    private ClusterTestGraphs() {
    }

    /**
     * Returns {@code perFamily} graphs of each of three families, interleaved, each graph
     * randomly relabelled: family f has order {@code 3 + 2f}, node attributes near
     * {@code (4f, -4f)} with uniform noise of half-width {@code noise}, and a path of unit
     * edges (family 1 adds a chord, family 2 closes a cycle).
     */
    static Sample families(long seed, int perFamily, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        int[] classes = new int[3 * perFamily];
        for (int k = 0; k < perFamily; k++) {
            for (int f = 0; f < 3; f++) {
                int n = 3 + 2 * f;
                Graph.Builder builder = Graph.builder(2, 1);
                for (int i = 0; i < n; i++) {
                    builder.addNode(4.0 * f + noise * (2 * random.nextDouble() - 1),
                            -4.0 * f + noise * (2 * random.nextDouble() - 1));
                }
                for (int i = 0; i + 1 < n; i++) {
                    builder.addEdge(i, i + 1, 1.0);
                }
                if (f == 1) {
                    builder.addEdge(0, 2, 1.0);
                }
                if (f == 2) {
                    builder.addEdge(0, n - 1, 1.0);
                }
                Graph g = builder.build();
                classes[graphs.size()] = f;
                graphs.add(g.permute(Permutation.random(n, random)));
            }
        }
        return new Sample(graphs, classes);
    }

    /**
     * Returns point patterns (nodes with 2-d coordinates, no edges) of three families of
     * four points: a small square, a line and a large triangle-plus-centre, each jittered,
     * shifted and randomly relabelled.
     */
    static Sample pointPatterns(long seed, int perFamily) {
        double[][][] shapes = {
            {{0, 0}, {1, 0}, {0, 1}, {1, 1}},
            {{10, 0}, {12, 0}, {14, 0}, {16, 0}},
            {{0, 10}, {6, 10}, {3, 15}, {3, 12}},
        };
        SplittableRandom random = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>();
        int[] classes = new int[3 * perFamily];
        for (int k = 0; k < perFamily; k++) {
            for (int f = 0; f < 3; f++) {
                Graph.Builder builder = Graph.builder(2, 0);
                for (double[] p : shapes[f]) {
                    builder.addNode(p[0] + 0.3 * random.nextDouble(),
                            p[1] + 0.3 * random.nextDouble());
                }
                classes[graphs.size()] = f;
                graphs.add(builder.build().permute(Permutation.random(4, random)));
            }
        }
        return new Sample(graphs, classes);
    }
}
