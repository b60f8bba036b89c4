package org.orbifold.match;

import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Runs several aligners on the same pair and keeps the alignment with the largest similarity
 * (the smallest distance), the earliest aligner winning ties. Each aligner already keeps the
 * {@link Aligner} contract, so the combination does too: symmetric, deterministic, never worse
 * than a warm start, and never worse than any of its members. The result is certified when the
 * winning alignment is.
 *
 * <p>Cost: the sum of the members' costs. Immutable and thread-safe if the members are.
 */
public final class BestOfAligner implements Aligner {

    private final String name;
    private final List<Aligner> members;

    /**
     * Combines aligners.
     *
     * @param name the name reported by {@link #name()}
     * @param members at least one aligner, tried in this order
     */
    public BestOfAligner(String name, List<Aligner> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a best-of aligner needs at least one member");
        }
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        Alignment best = null;
        for (Aligner member : members) {
            best = better(best, member.align(space, x, y));
        }
        return best;
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        Alignment best = null;
        for (Aligner member : members) {
            best = better(best, member.align(space, x, y, start));
        }
        return best;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the members, in the order they are tried.
     *
     * @return the members, in the order they are tried
     */
    public List<Aligner> members() {
        return members;
    }

    private static Alignment better(Alignment best, Alignment candidate) {
        return best == null || candidate.distance() < best.distance() ? candidate : best;
    }
}
