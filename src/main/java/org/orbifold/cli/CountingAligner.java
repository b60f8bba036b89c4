package org.orbifold.cli;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * An aligner that counts the alignments it makes and those of them not proven optimal
 * ({@link Alignment#certified()} false), by their reason ({@link Alignment#unproven()}), and
 * otherwise is the aligner it wraps: the same
 * alignments, the same name. A command that aligns in many places (the training and the
 * predictions of {@code classify}) hands it to every learner, so that the count covers the
 * whole run. Thread-safe: the counts are sums over all threads.
 */
final class CountingAligner implements Aligner {

    private final Aligner aligner;
    private final LongAdder made = new LongAdder();
    private final LongAdder unproven = new LongAdder();
    private final LongAdder[] byReason = new LongAdder[Alignment.Unproven.values().length];

    /**
     * Wraps an aligner.
     *
     * @param aligner the aligner that aligns
     */
    CountingAligner(Aligner aligner) {
        this.aligner = Objects.requireNonNull(aligner, "aligner");
        for (int k = 0; k < byReason.length; k++) {
            byReason[k] = new LongAdder();
        }
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        return counted(aligner.align(space, x, y));
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        return counted(aligner.align(space, x, y, start));
    }

    @Override
    public String name() {
        return aligner.name();
    }

    /** Returns the number of alignments made so far. */
    long made() {
        return made.sum();
    }

    /** Returns the number of alignments made so far that are not proven optimal. */
    long unproven() {
        return unproven.sum();
    }

    /**
     * Returns the number of alignments made so far that give {@code reason}; for
     * {@link Alignment.Unproven#NONE}, those proven optimal.
     */
    long unproven(Alignment.Unproven reason) {
        return byReason[reason.ordinal()].sum();
    }

    private Alignment counted(Alignment a) {
        made.increment();
        if (!a.certified()) {
            unproven.increment();
        }
        byReason[a.unproven().ordinal()].increment();
        return a;
    }
}
