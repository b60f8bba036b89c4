package org.orbifold.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.Permutation;

/**
 * The alignment step shared by the center computations: align every sample graph to the
 * current center, warm-started at its previous alignment, and keep the previous alignment
 * unless the new one has a strictly smaller squared distance {@code ||X - pi . Y_i||^2} to the
 * current center {@code X} (equivalently, a strictly larger similarity). Whatever the aligner
 * does, the step therefore never raises any distance, which is what makes the reported
 * objectives monotone.
 *
 * <p>The two alignments are compared by their squared distances summed term by term
 * ({@link GraphSpace#squaredDistance}), with a margin relative to the previous squared
 * distance, not by their similarities: a similarity carries the energy of any common offset
 * of the attributes ({@code ||X||^2} is about {@code n |c|^2} for attributes near a vector
 * {@code c}), so a margin relative to it, or the rounding of its difference, would swallow
 * real improvements once the attributes sit far from 0.
 */
final class AlignmentStep {

    /**
     * Relative decrease of the squared distance below which a new alignment does not replace
     * the previous one; it keeps rounding noise between equally good alignments from counting
     * as change.
     */
    static final double IMPROVEMENT_TOLERANCE = 1e-12;

    /**
     * The alignments of all sample graphs to one center.
     *
     * @param alignments one alignment per graph, permutations of the center's order
     * @param squaredDistances {@code ||X - pi_i . Y_i||^2} for each graph, summed term by term
     * @param changed whether any permutation differs from its warm start (always true
     *     without warm starts)
     */
    record Outcome(List<Alignment> alignments, double[] squaredDistances, boolean changed) {

        /** Returns the permutations, in sample order. */
        List<Permutation> permutations() {
            List<Permutation> result = new ArrayList<>(alignments.size());
            for (Alignment a : alignments) {
                result.add(a.permutation());
            }
            return result;
        }

        /** Returns the distances {@code ||X - pi_i . Y_i||}. */
        double[] distances() {
            double[] d = new double[squaredDistances.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.sqrt(squaredDistances[i]);
            }
            return d;
        }
    }

    private record Single(Alignment alignment, double squaredDistance, boolean changed) {
    }

    private AlignmentStep() {
    }

    /**
     * Aligns every graph of the sample to {@code center} in parallel.
     *
     * @param aligner the aligner
     * @param sample the sample
     * @param center the current center, of order {@code sample.space.size()}
     * @param starts the previous permutations (of the center's order), or null to align from
     *     scratch
     * @param executor where the alignments run
     * @return the new alignments, identical for any thread count
     */
    static Outcome run(Aligner aligner, WeightedSample sample, Graph center,
            List<Permutation> starts, Executor executor) {
        return run(aligner, sample, i -> center, starts, executor);
    }

    /**
     * Aligns every graph of the sample to its own target in parallel (graph {@code i} to
     * {@code targets.apply(i)}), as {@link GraphRegression} aligns each graph to its fitted
     * value; the keep-unless-better rule applies to each graph and its target.
     *
     * @param aligner the aligner
     * @param sample the sample
     * @param targets the target of each graph, of order {@code sample.space.size()}; called
     *     from the executor's threads, so it must be thread-safe
     * @param starts the previous permutations (of the targets' order), or null to align from
     *     scratch
     * @param executor where the alignments run
     * @return the new alignments, identical for any thread count
     */
    static Outcome run(Aligner aligner, WeightedSample sample, IntFunction<Graph> targets,
            List<Permutation> starts, Executor executor) {
        List<Single> singles = IndexedTasks.map(sample.size(), i -> alignOne(aligner, sample.space,
                targets.apply(i), sample.graph(i), starts == null ? null : starts.get(i)),
                executor);
        List<Alignment> alignments = new ArrayList<>(singles.size());
        double[] squared = new double[singles.size()];
        boolean changed = false;
        for (int i = 0; i < singles.size(); i++) {
            Single s = singles.get(i);
            alignments.add(s.alignment());
            squared[i] = s.squaredDistance();
            changed |= s.changed();
        }
        return new Outcome(List.copyOf(alignments), squared, changed);
    }

    private static Single alignOne(Aligner aligner, GraphSpace space, Graph center, Graph y,
            Permutation start) {
        // Align, warm-started when a previous permutation exists.
        Alignment found = start == null ? aligner.align(space, center, y)
                : aligner.align(space, center, y, start);
        Permutation candidate = found.permutation();
        if (candidate.size() != center.order()) {
            throw new IllegalStateException("aligner " + aligner.name() + " returned a"
                    + " permutation of size " + candidate.size() + " for a center of order "
                    + center.order());
        }
        // Keep the previous permutation unless the new one is strictly better for this center.
        Permutation chosen = candidate;
        if (start != null && !improves(space, center, y, start, candidate)) {
            chosen = start;
        }

        boolean changed = start == null || !chosen.equals(start);
        Alignment alignment = Alignment.of(space, center, y, chosen, found.unproven());
        return new Single(alignment, alignment.squaredDistance(), changed);
    }

    /**
     * Whether {@code candidate} aligns {@code y} to {@code x} strictly better than
     * {@code previous}: its squared distance, summed term by term, is below the previous one
     * by more than {@link #IMPROVEMENT_TOLERANCE} times the previous one. Neither side
     * depends on a common offset of the attributes of both graphs.
     */
    static boolean improves(GraphSpace space, Graph x, Graph y, Permutation previous,
            Permutation candidate) {
        double before = space.squaredDistance(x, y, previous);
        double after = space.squaredDistance(x, y, candidate);
        return after < before - IMPROVEMENT_TOLERANCE * before;
    }
}
