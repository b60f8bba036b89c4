package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.orbifold.diff.Argument;
import org.orbifold.diff.GraphGradient;
import org.orbifold.diff.GraphGradients;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;

/**
 * The arithmetic of max-linear units {@code f(X) = max_pi <W, pi . (s X)> + b} shared by
 * {@link MarginPerceptron} and {@link GraphMlp}: the input scale {@code s}, weight graphs of a
 * fixed order, the unit's value with its generalized gradient, and the step
 * {@code W + t grad}.
 *
 * <p>Inputs enter scaled by {@code s = 1 / sqrt(mean ||X||^2)} over the training graphs, so
 * that an input has squared norm 1 on average and a weight graph started at a scaled training
 * graph has a unit of the same size. Scaling does not change which alignment is optimal.
 */
final class MaxLinearUnits {

    private MaxLinearUnits() {
    }

    /** Returns the index of the first largest value: the predicted class of some scores. */
    static int firstLargest(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Returns {@code 1 / sqrt(mean ||X||^2)} over the graphs, or 1 if every graph is zero.
     */
    static double inputScale(GraphSpace space, List<Graph> graphs) {
        double sum = 0.0;
        for (Graph graph : graphs) {
            sum += space.squaredNorm(graph);
        }
        double mean = sum / graphs.size();
        return mean > 0.0 ? 1.0 / Math.sqrt(mean) : 1.0;
    }

    /**
     * Returns the order of the weight graphs (or of the template): for {@code requested} 0,
     * the largest order of the training graphs ({@link ModelOrders#trainingOrder}, whatever
     * other graphs the space holds); otherwise {@code requested}, or the space size if it
     * exceeds that.
     *
     * @param space the space of the training graphs
     * @param graphs the training graphs
     * @param requested 0 or the order asked for
     * @return an order from 1 up to the space size
     */
    static int weightOrder(GraphSpace space, List<Graph> graphs, int requested) {
        return requested == 0 ? ModelOrders.trainingOrder(space, graphs)
                : Math.min(requested, space.size());
    }

    /**
     * Returns {@code factor * start} as a graph of the given order: padded with null nodes, or
     * cut to its first {@code order} nodes.
     */
    static Graph scaledStart(GraphSpace space, Graph start, double factor, int order) {
        Graph fitted = start.order() <= order ? start.pad(order) : firstNodes(start, order);
        GraphAccumulator sum = new GraphAccumulator(space, order);
        sum.add(fitted, factor);
        return sum.sum();
    }

    /** Returns the zero graph of the given order in the space. */
    static Graph zero(GraphSpace space, int order) {
        return new GraphAccumulator(space, order).sum();
    }

    /**
     * Aligns {@code x} to the weight graph and returns {@code <W, pi* . X>} (unscaled) with
     * its generalized gradient {@code pi* . X} with respect to {@code W}
     * ({@link GraphGradients#similarity}), without the tie search (the units need the value
     * and one element of the generalized gradient, not the tie flag, and run it many times).
     */
    static GraphGradient evaluate(GraphSpace space, Aligner aligner, Graph weight, Graph x) {
        return GraphGradients.similarity(space, weight, x, aligner, Argument.FIRST, 0);
    }

    /**
     * Adds {@code factor * gradient} to {@code sum}, dropping the gradient's nodes beyond the
     * sum's order (the derivative with respect to coordinates the weight graph does not have).
     */
    static void addGradient(GraphAccumulator sum, Graph gradient, double factor) {
        Graph fitted = gradient.order() <= sum.order() ? gradient.pad(sum.order())
                : firstNodes(gradient, sum.order());
        sum.add(fitted, factor);
    }

    /** Returns {@code weight + factor * gradient}, of the weight graph's order. */
    static Graph step(GraphSpace space, Graph weight, Graph gradient, double factor) {
        GraphAccumulator sum = new GraphAccumulator(space, weight.order());
        sum.add(weight, 1.0);
        addGradient(sum, gradient, factor);
        return sum.sum();
    }

    /**
     * Returns the class codes of {@code units} units spread over {@code classes} classes in
     * blocks, class by class: the first {@code units % classes} classes get one more unit.
     */
    static int[] unitClasses(int units, int classes) {
        int[] result = new int[units];
        int j = 0;
        for (int c = 0; c < classes; c++) {
            int count = units / classes + (c < units % classes ? 1 : 0);
            for (int k = 0; k < count; k++) {
                result[j++] = c;
            }
        }
        return result;
    }

    /**
     * Draws {@code m} distinct members of the class, in random order.
     *
     * @throws IllegalArgumentException if the class has fewer than {@code m} members
     */
    static List<Graph> sampleMembers(List<Graph> members, String label, int m,
            SplittableRandom random) {
        if (members.size() < m) {
            throw new IllegalArgumentException("class '" + label + "' has " + members.size()
                    + " members, fewer than the " + m + " weight graphs to start from them");
        }
        int[] all = new int[members.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(all.length - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        List<Graph> result = new ArrayList<>(m);
        for (int k : Arrays.copyOf(all, m)) {
            result.add(members.get(k));
        }
        return result;
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static Graph firstNodes(Graph graph, int order) {
        int[] kept = new int[order];
        for (int i = 0; i < order; i++) {
            kept[i] = i;
        }
        return graph.subgraph(kept);
    }
}
