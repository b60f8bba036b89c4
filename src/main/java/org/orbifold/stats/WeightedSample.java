package org.orbifold.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.WeightedOverflowException;

/**
 * A validated sample of graphs of one space with non-negative weights: the common input of
 * every center computation. Validation names the offending graph or weight by index.
 */
final class WeightedSample {

    final GraphSpace space;
    final List<Graph> graphs;
    final double[] weights;
    final double totalWeight;

    private WeightedSample(GraphSpace space, List<Graph> graphs, double[] weights,
            double totalWeight) {
        this.space = space;
        this.graphs = graphs;
        this.weights = weights;
        this.totalWeight = totalWeight;
    }

    /**
     * Validates a sample.
     *
     * @param space the graph space
     * @param graphs a non-empty list of graphs of {@code space}; not retained
     * @param weights one finite weight {@code >= 0} per graph with a positive sum, or null
     *     for unit weights; not modified, not retained
     * @return the validated sample
     */
    static WeightedSample of(GraphSpace space, List<Graph> graphs, double[] weights) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(graphs, "graphs");
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("graphs is empty; a center needs at least one"
                    + " graph");
        }
        List<Graph> copy = space.requireMembers(graphs);
        double[] w = weights == null ? unitWeights(copy.size()) : checkedWeights(weights,
                copy.size());
        double total = 0.0;
        for (double value : w) {
            total += value;
        }
        if (!(total > 0.0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("weights must have a positive finite sum, got "
                    + total);
        }
        return new WeightedSample(space, List.copyOf(copy), w, total);
    }

    /** Returns the number of graphs. */
    int size() {
        return graphs.size();
    }

    /** Returns graph {@code i}. */
    Graph graph(int i) {
        return graphs.get(i);
    }

    /**
     * Returns the weighted mean {@code (1/W) sum_i w_i values[i]}, summed in index order.
     *
     * @throws IllegalArgumentException if the sum overflows, naming the space's weights:
     *     finite distances can still add up to infinity, which no objective may report
     */
    double weightedMean(double[] values) {
        double sum = 0.0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
        }
        double mean = sum / totalWeight;
        if (!Double.isFinite(mean)) {
            throw new WeightedOverflowException("the objective, a weighted mean over "
                    + values.length + " graphs, is " + mean + " with node weight "
                    + space.nodeWeight() + " and edge weight " + space.edgeWeight()
                    + ": the sum overflows");
        }
        return mean;
    }

    private static double[] unitWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    private static double[] checkedWeights(double[] weights, int n) {
        if (weights.length != n) {
            throw new IllegalArgumentException("weights has length " + weights.length
                    + " but there are " + n + " graphs");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0.0) {
                throw new IllegalArgumentException("weights[" + i + "] = " + weights[i]
                        + "; weights must be finite and >= 0");
            }
        }
        return weights.clone();
    }
}
