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
 *
 * <p>Weights matter only relative to each other, so they are rescaled by the power of two
 * that brings the largest into {@code [1, 2)}: tiny and subnormal weights (down to
 * {@code Double.MIN_VALUE}) and huge ones (up to {@code Double.MAX_VALUE}, whose sum would
 * overflow) then give the results of their ratios, where the raw values would divide by a
 * subnormal total or overflow. Multiplying by a power of two is exact, and the center
 * computations are homogeneous in the weights (every weight enters a ratio to a sum of
 * weights), so ordinary weights (no product or sum of them leaving the normal range either
 * way) give bit for bit the results of the weights as given. A weight smaller than
 * {@code 2^-1074} times the largest rounds to 0 and is left out, as it would be lost in any
 * sum with the largest.
 */
final class WeightedSample {

    /** {@code 2^54}: lifts every subnormal double into the normal range, exactly. */
    private static final double TWO_TO_54 = 0x1p54;

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
        if (!(total > 0.0)) {
            throw new IllegalArgumentException("weights must have a positive sum, got "
                    + total + "; every weight is 0");
        }
        return new WeightedSample(space, List.copyOf(copy), w, total);
    }

    /**
     * Returns the binary exponent {@code e} of a positive finite value {@code v}, with
     * {@code 2^e <= v < 2^(e+1)}, for subnormal values as well (where
     * {@code Math.getExponent} answers {@code Double.MIN_EXPONENT - 1} for all of them).
     */
    static int exponent(double v) {
        if (v >= Double.MIN_NORMAL) {
            return Math.getExponent(v);
        }
        return Math.getExponent(v * TWO_TO_54) - 54;
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
                    + " but there " + (n == 1 ? "is 1 graph" : "are " + n + " graphs"));
        }
        double largest = 0.0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0.0) {
                throw new IllegalArgumentException("weights[" + i + "] = " + weights[i]
                        + "; weights must be finite and >= 0");
            }
            largest = Math.max(largest, weights[i]);
        }
        double[] scaled = weights.clone();
        if (largest > 0.0) {
            int shift = -exponent(largest);
            for (int i = 0; i < n; i++) {
                scaled[i] = Math.scalb(scaled[i], shift);
            }
        }
        return scaled;
    }
}
