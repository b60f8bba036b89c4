package org.orbifold.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;

/**
 * The result of {@link Medoid}: the sample graph with the smallest objective, the objective
 * of every sample graph, and the alignments of all sample graphs to the medoid.
 *
 * <p>Instances are immutable: the array of objectives is copied on the way in and out.
 *
 * @param index the index of the medoid in the input list (the lowest one on ties)
 * @param medoid the medoid graph itself, unpadded
 * @param objective {@code (1/W) sum_j w_j d(medoid, Y_j)^p}, {@code p = 2} for the set mean
 *     and {@code p = 1} for the set median, evaluated with {@link #alignments()}
 * @param objectives the objective of every sample graph as a candidate, in input order, from
 *     the all-pairs distances
 * @param alignments one alignment per input graph aligning it to the medoid (the identity for
 *     the medoid itself); permutation sizes are the larger of the two orders
 * @param squared true for the set mean (the objective is the mean squared distance, the
 *     start of a {@link FrechetMean}), false for the set median (the mean distance, the start
 *     of a {@link FrechetMedian})
 */
public record MedoidResult(int index, Graph medoid, double objective, double[] objectives,
        List<Alignment> alignments, boolean squared) {

    /**
     * Validates and copies the components.
     *
     * @param index the index of the medoid in the input list
     * @param medoid the medoid graph
     * @param objective the medoid's objective
     * @param objectives the objective of every sample graph
     * @param alignments one alignment per input graph, aligning it to the medoid
     * @param squared true for the set mean, false for the set median
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the index is outside the objectives
     */
    public MedoidResult {
        Objects.requireNonNull(objectives, "objectives");
        Objects.requireNonNull(alignments, "alignments");
        Objects.requireNonNull(medoid, "medoid");
        if (index < 0 || index >= objectives.length) {
            throw new IllegalArgumentException("index " + index + " is outside 0.."
                    + (objectives.length - 1));
        }
        objectives = objectives.clone();
        alignments = List.copyOf(alignments);
    }

    /**
     * Returns a copy of the objectives of all sample graphs.
     *
     * @return a copy of the objectives of all sample graphs
     */
    @Override
    public double[] objectives() {
        return objectives.clone();
    }

    /** Compares every component, the objectives by content (bit for bit). */
    @Override
    public boolean equals(Object other) {
        return other instanceof MedoidResult that && index == that.index
                && medoid.equals(that.medoid) && Double.compare(objective, that.objective) == 0
                && Arrays.equals(objectives, that.objectives)
                && alignments.equals(that.alignments) && squared == that.squared;
    }

    /** Hashes the content that {@link #equals(Object)} compares. */
    @Override
    public int hashCode() {
        return Objects.hash(index, medoid, objective, Arrays.hashCode(objectives), alignments,
                squared);
    }

    /** Shows every component, the objectives by content. */
    @Override
    public String toString() {
        return "MedoidResult[index=" + index + ", medoid=" + medoid + ", objective=" + objective
                + ", objectives=" + Arrays.toString(objectives) + ", alignments=" + alignments
                + ", squared=" + squared + "]";
    }
}
