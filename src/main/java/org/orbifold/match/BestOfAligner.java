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
 * winning alignment is. An uncertified winner reports the most telling reason among the
 * members ({@link Alignment#unproven()}): {@link Alignment.Unproven#ROUNDING} when some member
 * completed an exact search or certificate (certified, or refused by rounding), since the
 * winner is at least as good as that member's result and so optimal up to rounding; else
 * {@link Alignment.Unproven#LIMIT} when some member's exact search stopped at its limit;
 * else {@link Alignment.Unproven#HEURISTIC}.
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
     * @throws NullPointerException if {@code name}, {@code members} or a member is null,
     *     naming it ({@code members[2]})
     * @throws IllegalArgumentException if there is no member
     */
    public BestOfAligner(String name, List<Aligner> members) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(members, "members");
        for (int k = 0; k < members.size(); k++) {
            Objects.requireNonNull(members.get(k), "members[" + k + "]");
        }
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a best-of aligner needs at least one member");
        }
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        Alignment best = null;
        Alignment.Unproven reason = Alignment.Unproven.HEURISTIC;
        for (Aligner member : members) {
            Alignment found = member.align(space, x, y);
            best = better(best, found);
            reason = moreTelling(reason, found.unproven());
        }
        return best.certified() ? best : best.withUnproven(reason);
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        Alignment best = null;
        Alignment.Unproven reason = Alignment.Unproven.HEURISTIC;
        for (Aligner member : members) {
            Alignment found = member.align(space, x, y, start);
            best = better(best, found);
            reason = moreTelling(reason, found.unproven());
        }
        return best.certified() ? best : best.withUnproven(reason);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the name and the members, whose own descriptions list their options.
     *
     * @return a description of this aligner and its members
     */
    @Override
    public String toString() {
        return "BestOfAligner[name=" + name + ", members=" + members + "]";
    }

    /**
     * Returns the members, in the order they are tried.
     *
     * @return the members, in the order they are tried
     */
    public List<Aligner> members() {
        return members;
    }

    /**
     * Returns the reason an uncertified winner reports, given the reason so far and a member's:
     * a member that completed its proof (certified or refused by rounding) makes it rounding,
     * then a limit outranks a heuristic.
     */
    private static Alignment.Unproven moreTelling(Alignment.Unproven sofar,
            Alignment.Unproven member) {
        Alignment.Unproven completed = member == Alignment.Unproven.NONE
                ? Alignment.Unproven.ROUNDING : member;
        return rank(completed) > rank(sofar) ? completed : sofar;
    }

    private static int rank(Alignment.Unproven reason) {
        switch (reason) {
            case ROUNDING:
                return 2;
            case LIMIT:
                return 1;
            default:
                return 0;
        }
    }

    private static Alignment better(Alignment best, Alignment candidate) {
        return best == null || candidate.distance() < best.distance() ? candidate : best;
    }
}
