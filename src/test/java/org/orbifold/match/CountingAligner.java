package org.orbifold.match;

import java.util.concurrent.atomic.AtomicLong;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * An aligner for tests that delegates every call to another and counts the calls, with or
 * without a start, from any thread; it has the other's name and answers.
 */
public final class CountingAligner implements Aligner {

    /** The number of calls so far. */
    public final AtomicLong calls = new AtomicLong();

    private final Aligner inner;

    /**
     * Wraps an aligner.
     *
     * @param inner the aligner that answers the calls
     */
    public CountingAligner(Aligner inner) {
        this.inner = inner;
    }

    /** Returns the aligner that answers the calls. */
    public Aligner inner() {
        return inner;
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
        return inner.name();
    }
}
