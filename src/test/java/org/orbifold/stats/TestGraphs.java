package org.orbifold.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.orbifold.space.Graph;
import org.orbifold.space.Permutation;

/** Seeded random graphs for the statistics tests. */
final class TestGraphs {

    private TestGraphs() {
    }

    /**
     * Returns {@code count} undirected graphs with orders in {@code [minOrder, maxOrder]},
     * node attributes in {@code [0, 1)^nodeDimension} plus a constant existence channel, and
     * scalar edge weights in {@code [0.5, 1.5)} on each pair with probability
     * {@code edgeProbability} (no edges when it is 0: edge dimension 0).
     */
    static List<Graph> random(long seed, int count, int minOrder, int maxOrder,
            int nodeDimension, double edgeProbability) {
        SplittableRandom random = new SplittableRandom(seed);
        int edgeDimension = edgeProbability > 0.0 ? 1 : 0;
        List<Graph> graphs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int n = minOrder + random.nextInt(maxOrder - minOrder + 1);
            Graph.Builder builder = Graph.builder(nodeDimension + 1, edgeDimension);
            for (int i = 0; i < n; i++) {
                double[] attributes = new double[nodeDimension + 1];
                for (int c = 0; c < nodeDimension; c++) {
                    attributes[c] = random.nextDouble();
                }
                attributes[nodeDimension] = 1.0;
                builder.addNode(attributes);
            }
            for (int i = 0; i < n && edgeDimension > 0; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (random.nextDouble() < edgeProbability) {
                        builder.addEdge(i, j, 0.5 + random.nextDouble());
                    }
                }
            }
            graphs.add(builder.build());
        }
        return graphs;
    }

    /** Returns {@code g} relabelled by a random permutation of its nodes. */
    static Graph relabel(Graph g, SplittableRandom random) {
        return g.permute(Permutation.random(g.order(), random));
    }

    /** Returns one-node graphs without edges whose node attribute vectors are the points. */
    static List<Graph> points(double[]... points) {
        List<Graph> graphs = new ArrayList<>();
        for (double[] p : points) {
            Graph.Builder builder = Graph.builder(p.length, 0);
            builder.addNode(p);
            graphs.add(builder.build());
        }
        return graphs;
    }
}
