package org.orbifold.cluster;

import java.util.concurrent.atomic.AtomicLong;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/** An aligner for tests that delegates to another and counts its calls, from any thread. */
final class CountingAligner implements Aligner {

    /** The number of calls so far, with or without a start. */
    final AtomicLong calls = new AtomicLong();

    private final Aligner inner;

    CountingAligner(Aligner inner) {
        this.inner = inner;
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        calls.incrementAndGet();
        return inner.align(space, x, y);
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        calls.incrementAndGet();
        return inner.align(space, x, y, start);
    }

    @Override
    public String name() {
        return "counting";
    }
}
