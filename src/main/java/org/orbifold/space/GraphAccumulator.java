package org.orbifold.space;

import java.util.Objects;
/**
 * A weighted sum {@code sum_k w_k (pi_k . Y_k)} of aligned graphs in the total space, the
 * building block of means, medians and prototype updates. Graphs are added relabelled by their
 * alignment, without permuted copies.
 *
 * <p>Not thread-safe: give each thread its own accumulator and {@link #addAll} them.
 */
public final class GraphAccumulator {

    private final GraphSpace space;
    private final int order;
    private final double[] nodes;
    private final double[] edges;
    private double totalWeight;
    private boolean directed;

    /**
     * Creates an empty sum of graphs of the given order in {@code space}.
     *
     * @param space the graph space, which fixes the attribute dimensions
     * @param order the order of the sum, at least the order of every graph added
     */
    public GraphAccumulator(GraphSpace space, int order) {
        Objects.requireNonNull(space, "space");
        if (order < 0) {
            throw new IllegalArgumentException("order must be >= 0, got " + order);
        }
        this.space = space;
        this.order = order;
        this.nodes = new double[order * space.nodeDimension()];
        this.edges = new double[order * order * space.edgeDimension()];
    }

    /**
     * Returns the order of the graphs summed.
     *
     * @return the order of the graphs summed
     */
    public int order() {
        return order;
    }

    /**
     * Returns the sum of the weights added so far.
     *
     * @return the sum of the weights added so far
     */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * Adds {@code weight * (p . y)}.
     *
     * @param y a graph of the space, of order at most {@link #order()}
     * @param p the alignment of {@code y}, of size {@link #order()}
     * @param weight a finite weight (may be negative)
     */
    public void add(Graph y, Permutation p, double weight) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        space.requireMember(y);
        if (p.size() != order) {
            throw new IllegalArgumentException("alignment of size " + p.size()
                    + " does not match the accumulator order " + order);
        }
        if (y.order() > order) {
            throw new IllegalArgumentException("graph of order " + y.order()
                    + " does not fit an accumulator of order " + order);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, got " + weight);
        }
        int dv = space.nodeDimension();
        int de = space.edgeDimension();
        int ny = y.order();
        for (int i = 0; i < order; i++) {
            int a = p.getUnchecked(i);
            if (a >= ny) {
                continue;
            }
            for (int c = 0; c < dv; c++) {
                nodes[i * dv + c] += weight * y.nodeUnchecked(a, c);
            }
        }
        int[] inverse = p.inverse().toArray();
        for (int a = 0; a < ny; a++) {
            int i = inverse[a];
            for (int k = 0; k < y.outDegree(a); k++) {
                int b = y.successor(a, k);
                int offset = (i * order + inverse[b]) * de;
                for (int c = 0; c < de; c++) {
                    edges[offset + c] += weight * y.edgeUnchecked(a, b, c);
                }
            }
        }
        totalWeight += weight;
        directed |= y.isDirected();
    }

    /**
     * Adds {@code weight * y} without relabelling (the identity alignment).
     *
     * @param y a graph of the space, of order at most {@link #order()}
     * @param weight a finite weight
     */
    public void add(Graph y, double weight) {
        Objects.requireNonNull(y, "y");
        add(y, Permutation.identity(order), weight);
    }

    /**
     * Adds another accumulator's sum and weight to this one.
     *
     * @param other an accumulator of the same space and order
     */
    public void addAll(GraphAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (other.order != order || other.nodes.length != nodes.length
                || other.edges.length != edges.length) {
            throw new IllegalArgumentException("accumulators differ in order or dimensions");
        }
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] += other.nodes[k];
        }
        for (int k = 0; k < edges.length; k++) {
            edges[k] += other.edges[k];
        }
        totalWeight += other.totalWeight;
        directed |= other.directed;
    }

    /**
     * Returns the weighted sum as a graph.
     *
     * @return the weighted sum as a graph
     */
    public Graph sum() {
        return scaled(1.0);
    }

    /**
     * Returns the weighted average, the sum divided by the total weight.
     *
     * @return the average graph
     * @throws IllegalStateException if the total weight is not positive
     */
    public Graph average() {
        if (!(totalWeight > 0.0)) {
            throw new IllegalStateException("cannot average with total weight " + totalWeight);
        }
        return scaled(1.0 / totalWeight);
    }

    private Graph scaled(double factor) {
        double[] n = new double[nodes.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = nodes[k] * factor;
        }
        double[] e = new double[edges.length];
        int de = space.edgeDimension();
        for (int i = 0; i < order; i++) {
            for (int j = 0; j < order; j++) {
                int offset = (i * order + j) * de;
                for (int c = 0; c < de; c++) {
                    e[offset + c] = edges[offset + c] * factor;
                }
            }
        }
        return Graph.fromArrays(order, space.nodeDimension(), de, directed, n, e);
    }
}
