package org.orbifold.space;

import java.util.random.RandomGenerator;

/** Seeded random graphs for tests. */
final class RandomGraphs {

    private RandomGraphs() {
    }

    /** A random graph with Gaussian attributes and edges present with probability density. */
    static Graph graph(RandomGenerator random, int order, int dv, int de, double density,
            boolean directed) {
        Graph.Builder builder = Graph.builder(dv, de).directed(directed);
        for (int i = 0; i < order; i++) {
            builder.addNode(gaussian(random, dv));
        }
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j && random.nextDouble() < density) {
                    builder.addEdge(i, j, gaussian(random, de));
                }
            }
        }
        return builder.build();
    }

    private static double[] gaussian(RandomGenerator random, int d) {
        double[] v = new double[d];
        for (int c = 0; c < d; c++) {
            v[c] = random.nextGaussian();
        }
        return v;
    }
}
