package org.orbifold.match;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The default heuristic aligner: Frank-Wolfe on the doubly stochastic relaxation of the
 * alignment problem (FAQ) from several starts, with a memory of the best permutation met on
 * the way, 2-swap local search, and a short iterated local search at the end.
 *
 * <p>Aligning {@code Y} to {@code X}, both padded to order {@code m}, maximises over
 * permutation matrices {@code P}
 *
 * <pre>
 *   f(P) = &lt;S, P&gt; + sum_c &lt;A_c, P B_c P^T&gt;
 * </pre>
 *
 * <p>where {@code S[i, a] = w_node <x_ii, y_aa>} is the node similarity, {@code A_c} is edge
 * channel {@code c} of {@code X} multiplied by the edge weight and {@code B_c} is edge channel
 * {@code c} of {@code Y}; {@code f(P) = <X, pi . Y>}. The method, after Vogelstein, Conroy,
 * Lyzinski, Podrazik, Kratzer, Harley, Fishkind, Vogelstein and Priebe (2015), "Fast
 * approximate quadratic programming for graph matching", PLoS ONE 10(4): e0121002,
 * doi:10.1371/journal.pone.0121002, extended with the linear term {@code S}:
 * <ol>
 *   <li>Relax {@code P} to the Birkhoff polytope. From a start {@code P_0}, repeat: compute the
 *       gradient {@code G = S + sum_c (A_c P B_c^T + A_c^T P B_c)}; find the direction
 *       {@code Q = argmax <G, Q>} over permutations by one linear assignment; write
 *       {@code f(P + t (Q - P)) = f(P) + b t + a t^2} and take the exact maximiser {@code t}
 *       in {@code [0, 1]}; step. Stop when {@code ||P_{k+1} - P_k||_F / sqrt(m) < tolerance},
 *       when the step is zero, or after {@code maxIterations}; finally project {@code P} to
 *       the nearest permutation by one more assignment.</li>
 *   <li>Every direction {@code Q} is a permutation: evaluate it exactly and keep the best one
 *       seen, as in the integer projected fixed point method of Leordeanu, Hebert and
 *       Sukthankar (2009), "An integer projected fixed point method for graph matching and MAP
 *       inference", NIPS 22.</li>
 *   <li>Cheap discrete starts, each polished by 2-swap local search: the node-assignment
 *       permutation ({@link NodeAssignmentAligner}); the identity when both graphs have the
 *       same order (data that come aligned); and the structural start, one linear assignment
 *       on node similarities refined by Weisfeiler-Leman colour refinement (Weisfeiler and
 *       Leman 1968, "The reduction of a graph to canonical form and the algebra which appears
 *       therein", Nauchno-Technicheskaya Informatsia 2(9): 12-16): node attribute vectors
 *       extended, round after round, by the sums of edge vector (tensor) neighbour vector over
 *       the out- and in-neighbours, compared by inner products computed in Gram form with the
 *       gradient operator below, until the colouring is stable. For isomorphic graphs the
 *       assignment maps every node to a node of equal refined vector. When the assignment
 *       does so (colour-preserving), ties among such nodes (symmetric parts, such as the atoms
 *       of a benzene ring, or every node of a regular graph) are broken by a depth-first
 *       individualisation-refinement search with backtracking in the manner of McKay and
 *       Piperno (2014, "Practical graph isomorphism, II", J. Symbolic Comput. 60: 94-112,
 *       doi:10.1016/j.jsc.2013.09.003) on exact integer colours ({@link IsomorphismSearch}):
 *       a node of X is paired with each node of its colour in Y in turn, the partner in the
 *       assignment first, the colouring refined again, and the pairing withdrawn as soon as
 *       some colour has more nodes in one graph than in the other, at most
 *       {@code ISOMORPHISM_REFINEMENTS_PER_NODE m ceil(log2 m)} refinements in all. If it
 *       finds no permutation at distance 0, the earlier short search on the refined vectors
 *       (individualising one node after another, keeping the first partner whose assignment
 *       stays colour-preserving, at most {@code MAX_REFINEMENTS} refinements) runs and offers
 *       its assignments as starts. Once a permutation attains distance 0 the search stops: the
 *       result is optimal and certified.</li>
 *   <li>Frank-Wolfe starts: the node-assignment permutation, the warm start if one is given,
 *       the barycenter {@code J / m}, and {@code randomStarts} randomized starts
 *       {@code (J / m + K) / 2} with {@code K} a random matrix balanced by Sinkhorn iterations,
 *       drawn from a generator seeded at construction.</li>
 *   <li>Polish the best permutation of each start by 2-swap local search
 *       ({@link LocalSearch}) until no exchange of two images improves it.</li>
 *   <li>Iterated local search (Lourenco, Martin and Stutzle 2003, "Iterated local search", in
 *       Handbook of Metaheuristics, doi:10.1007/0-306-48056-5_11; applied to the quadratic
 *       assignment problem by Stutzle 2006, EJOR 174(3): 1519-1539,
 *       doi:10.1016/j.ejor.2005.01.066): {@code perturbations} times, rotate the images of 4
 *       random nodes of the best permutation, polish by 2-swap local search, and keep the result
 *       if it is better. On random graphs of order up to 8 this step lifts the share of exact
 *       optima found from about 88% to about 98%, at the price of a few local searches, which
 *       are much cheaper than Frank-Wolfe runs.</li>
 * </ol>
 *
 * <p>Optionally ({@link #withExhaustiveSearch}, used by the {@code faq} and {@code fast}
 * presets of {@link Aligners}), pairs of small matrix order are first solved exactly by depth-first
 * enumeration with a static bound ({@code QapInstance.exhaustiveSearch}); only when that
 * exceeds {@code EXHAUSTIVE_PLACEMENTS} node placements does the heuristic below run. On the
 * IAM Letter pairs (order at most 9) the enumeration finishes for 99.9% of the pairs and is
 * about twice as fast as the heuristic (docs/matching.md).
 *
 * <p>Optionally ({@code withFurtherStarts}, used by the {@code multistart} preset of
 * {@link Aligners}), the search goes on after the iterated local search: further randomized
 * Frank-Wolfe starts drawn from the same generator, then the perturbations once more. The
 * search up to them is unchanged, so the result is never worse than without them. A
 * wall-clock limit on them ({@code withFurtherStartsTimeLimit}) stops them, and the second
 * iterated local search, once the call has run that long; a limit that binds makes the
 * result depend on the machine (see {@link Aligner}).
 *
 * <p>When the edge term vanishes (no edge channels, zero edge weight, or an edgeless graph)
 * the problem is a linear assignment; the aligner then returns the node assignment, certified
 * unless rounding could hide a better one (the check of {@link ExactAligner}'s certificates,
 * which also guards the enumeration of small pairs; reason
 * {@link Alignment.Unproven#ROUNDING}).
 * Equal graphs get the identity, and any pair for which a permutation of distance 0 turns up
 * gets it, certified. For a pair at distance 0 (relabelled copies) the isomorphism search of
 * the structural start finds such a permutation whenever it ends within its budget: the
 * structural assignment of such a pair is colour-preserving (up to the rounding of its
 * floating-point colours), which starts the search, every permutation at distance 0
 * preserves the search's exact colours, and the search backtracks over all partners, so only
 * a spent budget can make it miss one. On relabelled cycles, random cubic graphs of up to 200
 * nodes, C60, hypercubes, Petersen, Paley and torus graphs it needed at most {@code m}
 * refinements, on Chang graphs up to 159 of 560 (docs/matching.md, "Relabelled regular
 * graphs"). It never reports a permutation that is not at distance 0, and pairs whose first
 * refined colourings disagree, as most pairs of different graphs do, skip it. Otherwise
 * {@code certified} is false, with the reason {@link Alignment.Unproven#HEURISTIC}, and the
 * distance is an upper bound on the graph distance.
 * Symmetry: {@code d(x, y)} and {@code d(y, x)} are computed identically (see the rule in the
 * package description). A warm-started result is never worse than its start.
 *
 * <p>Cost per iteration: {@code O(m |E_X| d_e)} for the gradient plus one assignment,
 * {@code O(m^3)} for graphs of equal order and {@code O(n_x^2 m)} when X has
 * {@code n_x < m} nodes. A padding node has no attributes and no edges, so the rows of the
 * padding nodes of X and the columns of those of Y are zero in {@code S} and in
 * {@code H(P)} for every {@code P}: the direction, the node assignment and the structural
 * assignment are solved on the rectangle of real nodes only, and the rows left without an
 * image receive the unused columns in increasing order ({@code PaddedAssignment}). The final
 * projection stays square, since the rows of the relaxed {@code P} of padding nodes are not
 * zero. On pairs of IAM AIDS graphs (orders 2 to 95) this halved the CPU time per alignment
 * of this aligner and of the {@code fast} preset, on MUTAG (orders 10 to 28) it saved 15 %,
 * with the mean distance unchanged within 0.07 % (docs/matching.md). The gradient is linear
 * in {@code P}, so after a step to
 * {@code P + t (Q - P)} it is {@code (1 - t) H(P) + t H(Q)}, and {@code H(Q)} of a
 * permutation needs only the edges of {@code X}; a general gradient, at the start of a run
 * from a matrix that is not a permutation, costs {@code O(m (|E_X| + |E_Y|) d_e)}. With at
 * most 8 distinct edge vectors in {@code X} (one-hot labels) both are sums over pairs of edges
 * of matching type instead, {@code O(|E_X| deg_Y)} at a permutation (see {@code QapInstance}).
 * When the last step was a full one (or none), {@code P} is a permutation already offered and
 * the final projection is skipped. A refinement round of the structural start costs three
 * general gradients (of the pair and of each graph with itself), one once no pair of nodes
 * shares a refined colour (refinement only splits colours, so none will later); rounds stop
 * when the number of equally coloured pairs stops falling. On MUTAG the structural start,
 * which ends the search
 * for isomorphic pairs, lifts the share of relabelled copies found at distance 0 from about
 * 67% to 100%, at 1.0 to 1.4 times the time per alignment of different graphs (measured on
 * MUTAG pairs and random graphs of order 10 to 30). Memory: each thread's workspace holds
 * three dense instances (the pair, and each graph with itself) of {@code O(m^2 d_e)}
 * doubles. The isomorphism search, run only for pairs whose first refined colourings agree,
 * costs {@code O(|E| log m)} edge reads per refinement ({@link IsomorphismSearch}) and keeps
 * a partition of {@code 8m} ints per level; on the pairs of distinct MUTAG and AIDS graphs it
 * never runs, and their distances and times are unchanged (docs/matching.md, "Relabelled
 * regular graphs").
 *
 * <p>Thread-safe and deterministic: each thread keeps its own workspace and assignment solver,
 * and each call draws its random starts from a fresh generator with the constructor's seed.
 * Options are changed by the {@code with...} methods, which return new instances.
 *
 * <p><b>Limitations.</b> A local method: on hard instances (regular or highly symmetric graphs
 * with different structure) it can miss the optimum; more random starts or perturbations help
 * at linear cost. The relaxation is indefinite, so Frank-Wolfe only reaches a stationary point
 * of it; the discrete memory makes the result no worse than the best vertex visited. The
 * randomized starts are only approximately doubly stochastic (a fixed number of Sinkhorn
 * sweeps), which affects the path, not the validity of the result. The refinement aggregates
 * neighbour vectors by sums, which can merge colours that Weisfeiler-Leman refinement with
 * injective hashing keeps apart, so the gate of the isomorphism search (a colour-preserving
 * assignment) can open for pairs whose exact colours then disagree at once (one refinement).
 * The isomorphism search has no pruning by automorphisms: on highly symmetric graphs whose
 * colour classes after individualisation are not orbits (strongly regular graphs: a
 * relabelled Chang graph of 28 nodes took 74 to 159 of its 560 refinements, relabelled Latin
 * square graphs of 64 to 144 nodes up to the whole budget, and 2 of the 15 tried beyond it)
 * it can spend its budget before it meets an isomorphism, and a relabelled copy then ends
 * above distance 0 unless the general search finds the optimum. Its colours need exactly
 * equal attribute vectors, so a copy whose attributes differ by rounding is left to the
 * general search, which on symmetric graphs can end far from the optimum: a random cubic
 * graph of 100 nodes against a relabelled copy with one node attribute moved by
 * {@code 1e-12} got distance 15.1 (optimum about {@code 1e-12}), a 20 x 20 torus with one
 * moved by 0.001 got 34.8, a 60-cycle 6.3. Non-isomorphic pairs with equal colourings cost
 * up to the budget (T(8) and a Chang graph: 365 refinements; two cubic graphs of order n:
 * about n; two Latin square graphs of 144 nodes: all 4608, about 0.1 s, which doubled the
 * time of {@code faq} on them) and are, as always, left to the general search. The distance
 * found can depend on the order in which the nodes of the two graphs are numbered:
 * the starts, the tie-breaking of the linear assignments and the local search all see the
 * node indices, so relabelled copies of the same pair can end at different local optima.
 * MUTAG graphs 0 and 1 are at distance 4.898979 (certified by {@link ExactAligner}), which
 * this aligner finds as read; over 100 random renumberings of both graphs it found that
 * value 75 times and 5.291503 25 times (the {@code fast} preset: 51 and 46 times, and
 * 5.656854 3 times). On 1000 seeded random MUTAG pairs, renumbering both graphs at random
 * changed the distance for 42 % of the pairs with the default settings (50 % with
 * {@code fast}), by 7.4 % on average (7.9 %) and up to twice the distance, as often down as
 * up
 * (docs/matching.md). Symmetry is unaffected: {@code d(x, y) == d(y, x)} exactly,
 * since the pair is always solved in one canonical direction; but the distance is a function
 * of the labelled graphs, not of their isomorphism classes. A certificate from the
 * enumeration of small pairs holds for the similarity as summed in double precision: when
 * one term of it lies below the rounding of the other (node weight {@code 1e-20} against
 * unit edges), permutations that differ only in that term tie, and the certified result can
 * have a larger directly computed distance than the optimum (on two Letter graphs,
 * {@code 3.5e-10} against {@code 3.7e-11}); such distances are far below the rounding of
 * the graphs' norms.
 */
public final class FaqAligner extends OrientedAligner {

    /** Default number of randomized starts besides the deterministic ones. */
    public static final int DEFAULT_RANDOM_STARTS = 1;
    /** Default number of perturbations of the iterated local search. */
    public static final int DEFAULT_PERTURBATIONS = 20;
    /** Default cap on Frank-Wolfe iterations per start (as in SciPy). */
    public static final int DEFAULT_MAX_ITERATIONS = 30;
    /** Default tolerance on {@code ||P_{k+1} - P_k||_F / sqrt(m)} (as in SciPy). */
    public static final double DEFAULT_TOLERANCE = 0.03;

    /** Number of nodes whose images one perturbation rotates. */
    private static final int PERTURBATION_SIZE = 4;
    private static final int SINKHORN_SWEEPS = 20;
    /** Fewest rounds of neighbourhood aggregation behind the structural start. */
    private static final int MIN_STRUCTURAL_ROUNDS = 3;
    /** Most refinements of the structural start, the first one included. */
    private static final int MAX_REFINEMENTS = 12;
    /**
     * Refinements per node and binary digit of the order in the budget of the isomorphism
     * search ({@link #isomorphismBudget}).
     */
    static final int ISOMORPHISM_REFINEMENTS_PER_NODE = 4;
    /**
     * Most node placements of the exact enumeration ({@link #withExhaustiveOrder}) before
     * it gives up in favour of the heuristic, a few tens of microseconds.
     */
    static final long EXHAUSTIVE_PLACEMENTS = 8000;
    /** Relative gap below which structural similarities count as tied. */
    private static final double TIE_TOLERANCE = 1e-9;
    /** The binary exponent of the smallest positive double, {@code 2^-1074}. */
    private static final int SMALLEST_EXPONENT = Double.MIN_EXPONENT - 52;

    private final String name;
    private final long seed;
    private final int randomStarts;
    private final int perturbations;
    private final int maxIterations;
    private final double tolerance;
    private final int exhaustiveOrder;
    private final long exhaustivePlacements;
    private final int furtherStarts;
    /** The time after which a call starts no further start, or null for none. */
    private final Duration furtherStartsLimit;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    /**
     * Creates the aligner with the default options: {@value #DEFAULT_RANDOM_STARTS} random
     * starts, {@value #DEFAULT_PERTURBATIONS} perturbations, at most
     * {@value #DEFAULT_MAX_ITERATIONS} iterations per start, tolerance
     * {@value #DEFAULT_TOLERANCE}, and no exact enumeration of small pairs. This is not the
     * {@code faq} preset of {@link Aligners}, which adds that enumeration (see
     * {@link #withExhaustiveSearch}) and so certifies, and sometimes improves on, the
     * heuristic's answer for pairs of matrix order at most
     * {@value Aligners#FAQ_EXHAUSTIVE_ORDER}; both report the name {@code faq}.
     *
     * @param seed seed of the randomized starts and perturbations
     */
    public FaqAligner(long seed) {
        this("faq", seed, DEFAULT_RANDOM_STARTS, DEFAULT_PERTURBATIONS,
                DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, 0, EXHAUSTIVE_PLACEMENTS, 0, null);
    }

    private FaqAligner(String name, long seed, int randomStarts, int perturbations,
            int maxIterations, double tolerance, int exhaustiveOrder,
            long exhaustivePlacements, int furtherStarts, Duration furtherStartsLimit) {
        if (randomStarts < 0) {
            throw new IllegalArgumentException("randomStarts must be >= 0, got " + randomStarts);
        }
        if (perturbations < 0) {
            throw new IllegalArgumentException("perturbations must be >= 0, got "
                    + perturbations);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got "
                    + maxIterations);
        }
        if (!Double.isFinite(tolerance) || tolerance < 0.0) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got "
                    + tolerance);
        }
        this.name = name;
        this.seed = seed;
        this.randomStarts = randomStarts;
        this.perturbations = perturbations;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.exhaustiveOrder = exhaustiveOrder;
        this.exhaustivePlacements = exhaustivePlacements;
        this.furtherStarts = furtherStarts;
        this.furtherStartsLimit = furtherStartsLimit;
    }

    /**
     * Returns this aligner with another number of randomized Frank-Wolfe starts.
     *
     * @param count the number of randomized starts, at least 0
     * @return a new aligner
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public FaqAligner withRandomStarts(int count) {
        return new FaqAligner(name, seed, count, perturbations, maxIterations, tolerance,
                exhaustiveOrder, exhaustivePlacements, furtherStarts, furtherStartsLimit);
    }

    /**
     * Returns this aligner with another number of perturbations in the final iterated local
     * search (0 turns it off, leaving plain 2-swap polishing of every start).
     *
     * @param count the number of perturbations, at least 0
     * @return a new aligner
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public FaqAligner withPerturbations(int count) {
        return new FaqAligner(name, seed, randomStarts, count, maxIterations, tolerance,
                exhaustiveOrder, exhaustivePlacements, furtherStarts, furtherStartsLimit);
    }

    /**
     * Returns this aligner with other Frank-Wolfe stopping rules.
     *
     * @param iterations the largest number of iterations per start, at least 1
     * @param stepTolerance stop when {@code ||P_{k+1} - P_k||_F / sqrt(m)} falls below it;
     *     finite and {@code >= 0}
     * @return a new aligner
     * @throws IllegalArgumentException if an option is out of range
     */
    public FaqAligner withStopping(int iterations, double stepTolerance) {
        return new FaqAligner(name, seed, randomStarts, perturbations, iterations,
                stepTolerance, exhaustiveOrder, exhaustivePlacements, furtherStarts,
                furtherStartsLimit);
    }

    /**
     * Returns this aligner under another {@link #name()}, for the presets of
     * {@link Aligners}; the options are unchanged.
     */
    FaqAligner withName(String newName) {
        return new FaqAligner(newName, seed, randomStarts, perturbations, maxIterations,
                tolerance, exhaustiveOrder, exhaustivePlacements, furtherStarts,
                furtherStartsLimit);
    }

    /**
     * Returns this aligner solving pairs of matrix order at most {@code order} exactly, by
     * enumeration ({@link QapInstance#exhaustiveSearch}), instead of by the heuristic; the
     * result is then certified. The enumeration keeps this aligner's budget of node
     * placements ({@value #EXHAUSTIVE_PLACEMENTS} for a new aligner). For the presets of
     * {@link Aligners}; 0 turns it off.
     */
    FaqAligner withExhaustiveOrder(int order) {
        return withExhaustiveSearch(order, exhaustivePlacements);
    }

    /**
     * Returns this aligner solving pairs with an edge term and of matrix order at most
     * {@code order} exactly, by depth-first enumeration with a bound, of at most
     * {@code placements} node placements; the result of a finished enumeration is certified,
     * and a pair that needs more placements is solved by the heuristic as before. The
     * {@code faq} preset of {@link Aligners} ({@link Aligners#defaultAligner}) is
     * {@code new FaqAligner(seed).withExhaustiveSearch(Aligners.FAQ_EXHAUSTIVE_ORDER,
     * Aligners.FAQ_EXHAUSTIVE_PLACEMENTS)}: with the same seed the two give the same
     * alignments.
     *
     * @param order the largest matrix order solved by enumeration, at least 0 (0: never)
     * @param placements the most node placements of one enumeration, at least 1
     * @return a new aligner, under the same {@link #name()}
     * @throws IllegalArgumentException if {@code order < 0} or {@code placements < 1}
     */
    public FaqAligner withExhaustiveSearch(int order, long placements) {
        if (order < 0) {
            throw new IllegalArgumentException("exhaustive order must be >= 0, got " + order);
        }
        if (placements < 1) {
            throw new IllegalArgumentException("placements must be >= 1, got " + placements);
        }
        return new FaqAligner(name, seed, randomStarts, perturbations, maxIterations,
                tolerance, order, placements, furtherStarts, furtherStartsLimit);
    }

    /**
     * Returns this aligner continuing its search after the iterated local search: {@code count}
     * further randomized Frank-Wolfe starts, drawn from the same generator after the draws of
     * the search so far, then the perturbations of the iterated local search once more from
     * the best permutation met. The search up to that point is exactly this aligner's, and the
     * best permutation only improves, so the result is never worse than this aligner's with
     * {@code count} 0 (the same seed and options). For the {@code multistart} preset of
     * {@link Aligners}.
     *
     * @param count the number of further starts, at least 0 (0: none, and no second local
     *     search)
     * @return a new aligner
     * @throws IllegalArgumentException if {@code count < 0}
     */
    FaqAligner withFurtherStarts(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("further starts must be >= 0, got " + count);
        }
        return new FaqAligner(name, seed, randomStarts, perturbations, maxIterations,
                tolerance, exhaustiveOrder, exhaustivePlacements, count, furtherStartsLimit);
    }

    /**
     * Returns this aligner with a wall-clock limit on its further starts
     * ({@link #withFurtherStarts}): once a call has run for {@code limit}, it begins no
     * further randomized start and no perturbation of the second iterated local search, and
     * returns the best permutation met. The search before the further starts always runs in
     * full, so the result is still never worse than this aligner's without further starts,
     * and a call can take longer than the limit (that search, plus the start or perturbation
     * under way when the limit passes). A limit that binds makes the result depend on the
     * machine, its load and the JIT (the determinism exception of {@link Aligner}).
     *
     * @param limit a positive duration, or null for none
     * @return a new aligner
     * @throws IllegalArgumentException if {@code limit} is zero or negative
     */
    FaqAligner withFurtherStartsTimeLimit(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + limit);
        }
        return new FaqAligner(name, seed, randomStarts, perturbations, maxIterations,
                tolerance, exhaustiveOrder, exhaustivePlacements, furtherStarts, limit);
    }

    @Override
    Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start) {
        long began = furtherStartsLimit == null ? 0L : System.nanoTime();
        Workspace w = workspaces.get();
        w.prepare(space, x, y, m);
        QapInstance problem = w.problem;
        if (m <= exhaustiveOrder && problem.hasEdgeTerm
                && problem.exhaustiveSearch(w.best, w.q, w.used, exhaustivePlacements)) {
            Alignment exact = QapInstance.checkedAlignment(space, x, y, w.bestPermutation(),
                    problem.roundingBound(space.nodeDimension()));
            return notWorseThanStart(space, x, y, exact, start);
        }
        w.prepareSelfInstances(space, x, y, m);

        // Start 1: the node assignment, exact when there is no edge term.
        int[] direction = w.nodeAssignment;
        w.solvePadded(problem.nodeGain, Sense.MAXIMIZE, direction);
        if (!problem.hasEdgeTerm) {
            w.consider(direction);
            Permutation found = w.bestPermutation();
            Alignment exact = QapInstance.checkedAlignment(space, x, y, m, found, true);
            return notWorseThanStart(space, x, y, exact, start);
        }
        Alignment perfect = perfectMatch(space, x, y, w, start);
        if (perfect == null && x.order() == y.order()) {
            // Start 2: the identity, free for data that come aligned already.
            w.polishVertex(identity(w.q, m));
            perfect = perfectMatch(space, x, y, w, start);
        }
        // Start 3: the structural start, an assignment on refined node similarities, then
        // individualisation of tied nodes while that can still lead to a perfect match.
        if (perfect == null) {
            perfect = structuralStarts(space, x, y, w, start);
        }
        if (perfect != null) {
            return perfect;
        }
        w.startAtVertex(direction);
        frankWolfe(w);

        // Start 4: the warm start.
        if (start != null) {
            w.startAtVertex(start.toArray());
            frankWolfe(w);
        }

        // Start 5: the barycenter; then the randomized starts.
        w.startRun();
        Arrays.fill(w.p, 0, m * m, 1.0 / m);
        frankWolfe(w);
        SplittableRandom random = new SplittableRandom(seed);
        randomizedStarts(w, random, randomStarts, null, began);

        // Iterated local search: perturb the best permutation, polish, keep if better.
        iteratedLocalSearch(w, random, null, began);

        // Further randomized starts, then the iterated local search again (multistart), each
        // step begun only while the call is within its time limit, if any.
        if (furtherStarts > 0) {
            randomizedStarts(w, random, furtherStarts, furtherStartsLimit, began);
            iteratedLocalSearch(w, random, furtherStartsLimit, began);
        }
        Alignment found = Alignment.of(space, x, y, w.bestPermutation(), false);
        return notWorseThanStart(space, x, y, found, start);
    }

    /**
     * Runs Frank-Wolfe from {@code count} randomized starts drawn from {@code random}, each
     * begun only while the call, begun at {@code began} ({@link System#nanoTime}), is within
     * {@code limit} (null: no limit).
     */
    private void randomizedStarts(Workspace w, SplittableRandom random, int count,
            Duration limit, long began) {
        for (int r = 0; r < count && within(limit, began); r++) {
            w.startRun();
            w.setRandomized(random);
            frankWolfe(w);
        }
    }

    /**
     * Perturbs the best permutation met {@code perturbations} times, each time polishing it
     * and keeping it if better; each perturbation begun only within the limit, as in
     * {@link #randomizedStarts}.
     */
    private void iteratedLocalSearch(Workspace w, SplittableRandom random, Duration limit,
            long began) {
        for (int k = 0; k < perturbations && within(limit, began); k++) {
            w.perturbBest(random);
        }
    }

    /**
     * Whether a call begun at {@code began} ({@link System#nanoTime}) has run for less than
     * the limit; always true without one. The difference of two readings is compared, which
     * stays right when the clock's values wrap around, and a limit beyond the clock's range
     * never passes.
     */
    private static boolean within(Duration limit, long began) {
        if (limit == null) {
            return true;
        }
        long nanos;
        try {
            nanos = limit.toNanos();
        } catch (ArithmeticException e) {
            return true;
        }
        return System.nanoTime() - began < nanos;
    }

    /**
     * Returns the best permutation met so far as a certified alignment if it attains distance
     * 0 (no alignment can do better, so the search may stop), or {@code null}.
     */
    private static Alignment perfectMatch(GraphSpace space, Graph x, Graph y, Workspace w,
            Permutation start) {
        double zeroDistanceValue = 0.5 * (space.squaredNorm(x) + space.squaredNorm(y));
        if (w.bestValue < zeroDistanceValue - w.problem.noise()) {
            return null;
        }
        Alignment found = Alignment.of(space, x, y, w.bestPermutation(), false);
        return found.certified() ? notWorseThanStart(space, x, y, found, start) : null;
    }

    /**
     * Runs the structural start and, for pairs whose refined colourings agree, the
     * isomorphism search and a short individualisation-refinement search, offering every
     * assignment met; returns a perfect match if one turns up, otherwise {@code null}.
     *
     * <p>The first assignment is always polished by local search and offered: it is a good
     * start for any pair. If it is colour-preserving (every real node of X mapped to a node of
     * its refined colour, which an isomorphism would be), the depth-first isomorphism search
     * ({@link #isomorphismSearch}) runs; it offers only permutations at distance 0, so when it
     * finds none the search below runs exactly as without it. Then, as long as the latest
     * assignment is colour-preserving, a real node {@code i} of a smallest class of two or
     * more nodes is individualised together with a partner {@code a} of its class, the
     * partner of the latest assignment first, and the colouring is refined again. A partner
     * that leads to an assignment that is not colour-preserving (equal refined vectors, yet
     * no isomorphism through the pair) is withdrawn and the next one tried; a partner kept is
     * never revisited (no backtracking: that is the isomorphism search's part). At most
     * {@code MAX_REFINEMENTS} refinements run; pairs whose colourings disagree from the
     * start, such as most pairs of different graphs, cost one refinement only and skip the
     * isomorphism search.
     */
    private static Alignment structuralStarts(GraphSpace space, Graph x, Graph y, Workspace w,
            Permutation start) {
        w.clearIndividualised();
        boolean preserving = w.structuralAssignment();
        w.polishVertex(w.structural);
        Alignment perfect = perfectMatch(space, x, y, w, start);
        if (perfect == null && preserving) {
            perfect = isomorphismSearch(space, x, y, w, start);
        }
        int refinements = 1;
        while (perfect == null && preserving && refinements < MAX_REFINEMENTS) {
            int candidates = w.tiedClass();
            if (candidates == 0) {
                return null;
            }
            int node = w.tiedNode;
            preserving = false;
            for (int c = 0; c < candidates && !preserving && refinements < MAX_REFINEMENTS;
                    c++) {
                w.individualise(node, w.candidates[c]);
                refinements++;
                preserving = w.structuralAssignment();
                if (!preserving) {
                    w.individualCount--;
                }
            }
            if (preserving) {
                w.polishVertex(w.structural);
                perfect = perfectMatch(space, x, y, w, start);
            }
        }
        return perfect;
    }

    /**
     * Runs the depth-first individualisation-refinement search of {@link IsomorphismSearch}
     * with a budget of {@link #isomorphismBudget} refinements, the partners of the structural
     * assignment first, offering each bijection it reaches; returns a perfect match if one
     * turns up, otherwise {@code null}. Only bijections at distance 0 end the search, and
     * only those are offered: on any other pair the search changes nothing.
     */
    private static Alignment isomorphismSearch(GraphSpace space, Graph x, Graph y,
            Workspace w, Permutation start) {
        IsomorphismSearch search = w.isomorphisms;
        search.load(space, x, y, w.problem.m);
        Alignment[] perfect = new Alignment[1];
        int[] bijection = w.q;
        search.search(isomorphismBudget(w.problem.m), w.structural, images -> {
            double zeroDistanceValue = 0.5 * (space.squaredNorm(x) + space.squaredNorm(y));
            if (w.problem.value(images) < zeroDistanceValue - w.problem.noise()) {
                return false;
            }
            w.consider(images);
            perfect[0] = perfectMatch(space, x, y, w, start);
            return perfect[0] != null;
        }, bijection);
        return perfect[0];
    }

    /**
     * The most refinements of the isomorphism search for matrix order {@code m}:
     * {@code ISOMORPHISM_REFINEMENTS_PER_NODE m ceil(log2 m)}, and at least
     * {@code MAX_REFINEMENTS}.
     */
    static long isomorphismBudget(int m) {
        int log = 32 - Integer.numberOfLeadingZeros(Math.max(1, m - 1));
        return Math.max(MAX_REFINEMENTS, (long) ISOMORPHISM_REFINEMENTS_PER_NODE * m * log);
    }

    private static int[] identity(int[] images, int m) {
        for (int i = 0; i < m; i++) {
            images[i] = i;
        }
        return images;
    }

    /**
     * Runs Frank-Wolfe from {@code w.p}, offering every vertex met to {@code w.consider}, then
     * polishes the best vertex of this run by local search.
     */
    private void frankWolfe(Workspace w) {
        frankWolfeRun(w);
        w.polishRun();
    }

    private void frankWolfeRun(Workspace w) {
        QapInstance problem = w.problem;
        int m = problem.m;
        double[] p = w.p;
        double[] h = w.h;
        double[] s = problem.nodeGain;
        double[] g = w.g;
        int[] q = w.q;
        double scaledTolerance = tolerance * Math.sqrt(m);
        // Whether P is a permutation matrix already offered, so that its projection is too.
        boolean atPermutation = w.atVertex;
        if (w.atVertex) {
            problem.permutationGradient(w.vertex, h);
        } else {
            w.quadraticGradient();
        }
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            // Direction: the permutation Q maximising <G, Q>, G = S + H the gradient at P,
            // found as the minimum of -G (the solver would negate a copy to maximise). S and
            // H(P), for any P, vanish on the rows of padding nodes of X and the columns of
            // padding nodes of Y, so only the rectangle of real nodes is solved.
            for (int k = 0; k < m * m; k++) {
                g[k] = -(s[k] + h[k]);
            }
            w.solvePadded(g, Sense.MINIMIZE, q);
            double valueAtQ = w.consider(q);

            // Exact line search on f(P + t (Q - P)) = f(P) + b t + a t^2.
            double sp = 0.0;
            double hp = 0.0;
            double pp = 0.0;
            for (int k = 0; k < m * m; k++) {
                sp += s[k] * p[k];
                hp += h[k] * p[k];
                pp += p[k] * p[k];
            }
            double sq = 0.0;
            double hq = 0.0;
            double pq = 0.0;
            for (int i = 0; i < m; i++) {
                int k = i * m + q[i];
                sq += s[k];
                hq += h[k];
                pq += p[k];
            }
            double a = (valueAtQ - sq) - hq + 0.5 * hp;
            double b = (sq + hq) - (sp + hp);
            double t = stepLength(a, b);
            if (t <= 0.0) {
                break;
            }

            // Step, and stop once it is small.
            double stepNorm = t * Math.sqrt(Math.max(0.0, m - 2.0 * pq + pp));
            for (int k = 0; k < m * m; k++) {
                p[k] -= t * p[k];
            }
            for (int i = 0; i < m; i++) {
                p[i * m + q[i]] += t;
            }
            atPermutation = t == 1.0;
            if (stepNorm < scaledTolerance || iteration + 1 == maxIterations) {
                break;
            }

            // The gradient is linear in P: H(P + t (Q - P)) = (1 - t) H(P) + t H(Q).
            problem.permutationGradient(q, w.hq);
            for (int k = 0; k < m * m; k++) {
                h[k] = (1.0 - t) * h[k] + t * w.hq[k];
            }
        }

        // Project the relaxed solution to the nearest permutation, unless it is one. This
        // assignment stays square: the rows of P of padding nodes are not zero (they carry
        // the mass of the start and of every direction), and the rows compete for columns.
        if (atPermutation) {
            return;
        }
        for (int k = 0; k < m * m; k++) {
            g[k] = -p[k];
        }
        w.solver.solveSquare(g, m, Sense.MINIMIZE, q);
        w.consider(q);
    }

    /** The maximiser over {@code [0, 1]} of {@code b t + a t^2}. */
    private static double stepLength(double a, double b) {
        if (a < 0.0) {
            return Math.min(1.0, Math.max(0.0, -b / (2.0 * a)));
        }
        return a + b > 0.0 ? 1.0 : 0.0;
    }

    /**
     * Returns the name of the family, {@code faq}, for this constructor and every
     * {@code with...} option, or the name of the {@link Aligners} preset that built this
     * aligner ({@code fast}, {@code multistart}; the {@code faq} preset keeps {@code faq}).
     * The name therefore does not tell the options apart: aligners of equal name can give
     * different alignments, and {@link #toString()} lists the options that decide them.
     */
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "FaqAligner[name=" + name + ", seed=" + seed + ", randomStarts=" + randomStarts
                + ", perturbations=" + perturbations + ", maxIterations=" + maxIterations
                + ", tolerance=" + tolerance + ", exhaustiveOrder=" + exhaustiveOrder
                + ", furtherStarts=" + furtherStarts + ", furtherStartsLimit="
                + furtherStartsLimit + "]";
    }

    /**
     * Returns the binary exponent of {@code numerator / denominator}, both positive and
     * finite, such as {@code Math.getExponent} gives for a quotient that is a normal double,
     * and the exponent of the exact quotient when the double quotient would overflow or fall
     * below the normal range (a denominator of subnormal size, from a weight such as
     * {@code 1e-312}, against a numerator near 1), where {@code Math.getExponent} would
     * return 1024 or -1023.
     */
    static int ratioExponent(double numerator, double denominator) {
        double ratio = numerator / denominator;
        if (ratio >= Double.MIN_NORMAL && ratio <= Double.MAX_VALUE) {
            return Math.getExponent(ratio);
        }
        int top = exponent(numerator);
        int bottom = exponent(denominator);
        // Both significands lie in [1, 2), so their quotient has exponent -1 or 0.
        double significands = Math.scalb(numerator, -top) / Math.scalb(denominator, -bottom);
        return top - bottom + Math.getExponent(significands);
    }

    /** The binary exponent of a positive finite double, also of a subnormal one. */
    private static int exponent(double value) {
        if (value >= Double.MIN_NORMAL) {
            return Math.getExponent(value);
        }
        return Math.getExponent(value * 0x1p64) - 64;
    }

    /** Per-thread arrays, reused across calls while the matrix order allows. */
    private static final class Workspace {

        final QapInstance problem = new QapInstance();
        /** The instances of X with itself and of Y with itself, for the structural start. */
        final QapInstance selfX = new QapInstance();
        final QapInstance selfY = new QapInstance();
        /** The isomorphism search of the structural start, loaded when it runs. */
        final IsomorphismSearch isomorphisms = new IsomorphismSearch();
        /** The graphs and space {@code selfX} and {@code selfY} were loaded for. */
        Graph selfXGraph;
        Graph selfYGraph;
        GraphSpace selfXSpace;
        GraphSpace selfYSpace;
        final LinearAssignmentSolver solver = new LinearAssignmentSolver();
        double[] p = new double[0];
        double[] h = new double[0];
        /** The quadratic gradient at the latest direction of Frank-Wolfe. */
        double[] hq = new double[0];
        /** Whether the run starts at the permutation matrix of {@code vertex}. */
        boolean atVertex;
        int[] vertex = new int[0];
        int[] best = new int[0];
        double bestValue;
        int[] runBest = new int[0];
        int[] positions = new int[0];
        double runValue;
        /** Input and output of the assignment solver. */
        double[] g = new double[0];
        int[] q = new int[0];
        /** Scratch flags of {@link QapInstance#exhaustiveSearch}. */
        boolean[] used = new boolean[0];
        /** Gram matrices of the refined node vectors of X and of Y with themselves. */
        double[] gramX = new double[0];
        double[] gramY = new double[0];
        /** The node-assignment permutation, start 1. */
        int[] nodeAssignment = new int[0];
        /** The latest structural assignment. */
        int[] structural = new int[0];
        /** Individualised pairs: node {@code individualX[k]} of X with {@code individualY[k]}. */
        int[] individualX = new int[0];
        int[] individualY = new int[0];
        int individualCount;
        /**
         * Whether, in the latest {@link #structuralSimilarity}, no real pair had the same
         * refined colour; {@code gramX} and {@code gramY} then stop being refined.
         */
        boolean coloursApart;
        /** The node of X chosen by {@link #tiedClass} and its class in Y. */
        int tiedNode;
        int[] candidates = new int[0];
        /**
         * For dense instances ({@link QapInstance#prefersGainTable}): the exchange gains of
         * {@code best}, valid while {@code bestGainsValue == bestValue}.
         */
        final SwapGains bestGains = new SwapGains();
        double bestGainsValue;

        void prepare(GraphSpace space, Graph x, Graph y, int m) {
            problem.load(space, x, y, m);
            if (p.length < m * m) {
                p = new double[m * m];
                h = new double[m * m];
                hq = new double[m * m];
                vertex = new int[m];
                g = new double[m * m];
                gramX = new double[m * m];
                gramY = new double[m * m];
                best = new int[m];
                runBest = new int[m];
                positions = new int[m];
                q = new int[m];
                used = new boolean[m];
                nodeAssignment = new int[m];
                structural = new int[m];
                individualX = new int[m];
                individualY = new int[m];
                candidates = new int[m];
            }
            bestValue = Double.NEGATIVE_INFINITY;
            runValue = Double.NEGATIVE_INFINITY;
            bestGainsValue = Double.NaN;
        }

        /** {@link PaddedAssignment#solve} on this workspace's instance and solver. */
        void solvePadded(double[] matrix, Sense sense, int[] images) {
            PaddedAssignment.solve(solver, matrix, problem.m, problem.nx, problem.ny, sense,
                    images, used);
        }

        /** Loads the instances of each graph with itself, for the structural start. */
        void prepareSelfInstances(GraphSpace space, Graph x, Graph y, int m) {
            if (problem.hasEdgeTerm) {
                // Graphs and spaces are immutable: reload a self instance only when its
                // graph, space or order changes (a mean or a query aligned to many graphs).
                if (selfXGraph != x || selfXSpace != space || selfX.m != m) {
                    selfX.load(space, x, x, m);
                    selfXGraph = x;
                    selfXSpace = space;
                }
                if (selfYGraph != y || selfYSpace != space || selfY.m != m) {
                    selfY.load(space, y, y, m);
                    selfYGraph = y;
                    selfYSpace = space;
                }
            }
        }

        /** Evaluates a permutation, remembers it if it is the best so far, returns its value. */
        double consider(int[] images) {
            double value = problem.value(images);
            if (value > bestValue) {
                bestValue = value;
                System.arraycopy(images, 0, best, 0, problem.m);
            }
            if (value > runValue) {
                runValue = value;
                System.arraycopy(images, 0, runBest, 0, problem.m);
            }
            return value;
        }

        /**
         * Rotates the images of {@link #PERTURBATION_SIZE} random distinct nodes of the best
         * permutation cyclically, polishes the result by local search and offers it.
         */
        void perturbBest(SplittableRandom random) {
            int m = problem.m;
            System.arraycopy(best, 0, runBest, 0, m);
            for (int i = 0; i < m; i++) {
                positions[i] = i;
            }
            int size = Math.min(PERTURBATION_SIZE, m);
            for (int t = 0; t < size; t++) {
                int pick = t + random.nextInt(m - t);
                int swap = positions[t];
                positions[t] = positions[pick];
                positions[pick] = swap;
            }
            if (problem.prefersGainTable()) {
                perturbBestWithGains(size);
                return;
            }
            int first = runBest[positions[0]];
            for (int t = 0; t < size - 1; t++) {
                runBest[positions[t]] = runBest[positions[t + 1]];
            }
            runBest[positions[size - 1]] = first;
            problem.localSearchAround(runBest, problem.noise(), positions, size);
            consider(runBest);
        }

        /**
         * {@link #perturbBest} on a dense instance: the rotation of the images of the first
         * {@code size} nodes of {@code positions} is made as {@code size - 1} exchanges on a
         * copy of the gain table of the best permutation, and polished on that table, so a
         * perturbation costs {@code O(m^2 d_e)} per exchange and no new set-up.
         */
        private void perturbBestWithGains(int size) {
            if (bestGainsValue != bestValue) {
                bestGains.reset(problem, best);
                bestGainsValue = bestValue;
            }
            SwapGains table = problem.gainTable();
            table.copyFrom(bestGains);
            for (int t = 0; t < size - 1; t++) {
                table.exchange(positions[t], positions[t + 1]);
            }
            table.descend(problem.noise());
            System.arraycopy(table.p, 0, runBest, 0, problem.m);
            double previous = bestValue;
            consider(runBest);
            if (bestValue > previous) {
                bestGains.copyFrom(table);
                bestGainsValue = bestValue;
            }
        }

        /** Offers the permutation {@code images}, polished by local search; keeps it intact. */
        void polishVertex(int[] images) {
            startRun();
            consider(images);
            polishRun();
        }

        /**
         * Sets {@code p} to the structural node similarity: the Gram matrix
         * {@code G[i, a] = <u_i, v_a>} of node vectors refined by rounds of colour refinement
         * in the manner of Weisfeiler and Leman (1968, "The reduction of a graph to canonical
         * form and the algebra which appears therein", Nauchno-Technicheskaya Informatsia 2(9):
         * 12-16), computed without forming the vectors; {@code gramX} and {@code gramY} get the
         * Gram matrices {@code <u_i, u_k>} and {@code <v_a, v_b>} of each graph with itself.
         *
         * <p>Round 0 vectors are the weighted node attributes plus a constant channel of weight
         * {@code c} for real nodes, so {@code G_0 = S + c R} with {@code R} the indicator of
         * real pairs; each individualised pair {@code (i, a)} adds a channel of its own, set
         * to {@code c} at node {@code i} of X and node {@code a} of Y. A round appends to each
         * vector, scaled by {@code sqrt(lambda)}, the sum over its out-neighbours of edge
         * vector (tensor) neighbour vector, and likewise over its in-neighbours; in Gram form
         * {@code G_{r+1} = G_r + lambda sum_c (A_c G_r B_c^T + A_c^T G_r B_c)}, the quadratic
         * gradient of Frank-Wolfe evaluated at {@code G_r}. The scale {@code lambda}, a power
         * of two (exact in binary), keeps the new block no larger than {@code c}.
         *
         * <p>Node {@code i} of X and node {@code a} of Y have equal refined vectors, the same
         * colour, when {@code ||u_i - v_a||^2 = gramX[i, i] + gramY[a, a] - 2 G[i, a]}
         * vanishes (up to a relative {@code TIE_TOLERANCE}). Rounds continue while they reduce
         * the number of such pairs, at least {@code MIN_STRUCTURAL_ROUNDS} and at most
         * {@code m} times, that is until the colouring of isomorphic graphs is stable. Uses
         * {@code h} as scratch.
         */
        void structuralSimilarity() {
            int m = problem.m;
            double constant = maxAbs(problem.nodeGain, m * m);
            if (constant == 0.0) {
                constant = 1.0;
            }
            initialGram(problem, p, constant, individualX, individualY);
            initialGram(selfX, gramX, constant, individualX, individualX);
            initialGram(selfY, gramY, constant, individualY, individualY);

            int matches = sameColourPairs();
            coloursApart = matches == 0;
            for (int round = 0; round < m; round++) {
                problem.quadraticGradient(p, h);
                double added = maxAbs(h, m * m);
                if (added == 0.0) {
                    break;
                }
                // lambda = 2^shift, which may lie beyond the doubles for a tiny edge weight.
                int shift = ratioExponent(constant, added);
                addScaled(p, h, shift);
                int previous = matches;
                // Refinement only splits colours: once no pair shares one none will, and the
                // Gram matrices of each graph with itself are not needed any more.
                if (!coloursApart) {
                    selfX.quadraticGradient(gramX, h);
                    addScaled(gramX, h, shift);
                    selfY.quadraticGradient(gramY, h);
                    addScaled(gramY, h, shift);
                    matches = sameColourPairs();
                    coloursApart = matches == 0;
                }
                if (round + 1 >= MIN_STRUCTURAL_ROUNDS && matches >= previous) {
                    break;
                }
            }
        }

        /** Sets {@code gram} to {@code S + c R} plus the individualised channels. */
        private void initialGram(QapInstance instance, double[] gram, double constant,
                int[] rows, int[] columns) {
            int m = instance.m;
            System.arraycopy(instance.nodeGain, 0, gram, 0, m * m);
            for (int i = 0; i < instance.nx; i++) {
                for (int a = 0; a < instance.ny; a++) {
                    gram[i * m + a] += constant;
                }
            }
            for (int k = 0; k < individualCount; k++) {
                gram[rows[k] * m + columns[k]] += constant;
            }
        }

        /**
         * Adds {@code 2^exponent values} to {@code target}. The product by a power of two is
         * exact (up to rounding below the smallest normal double), also when the power
         * itself is no double, as for a new block of subnormal size ({@code 2^1100 * 1e-320}).
         */
        private void addScaled(double[] target, double[] values, int exponent) {
            int m = problem.m;
            if (exponent <= Double.MAX_EXPONENT && exponent >= SMALLEST_EXPONENT) {
                double factor = Math.scalb(1.0, exponent);
                for (int k = 0; k < m * m; k++) {
                    target[k] += factor * values[k];
                }
                return;
            }
            for (int k = 0; k < m * m; k++) {
                target[k] += Math.scalb(values[k], exponent);
            }
        }

        /** Whether node {@code i} of X and node {@code a} of Y have the same refined colour. */
        private boolean sameColour(int i, int a, double tolerance) {
            int m = problem.m;
            double gap = gramX[i * m + i] + gramY[a * m + a] - 2.0 * p[i * m + a];
            return Math.abs(gap) <= tolerance;
        }

        /** The tolerance of {@link #sameColour}, relative to the largest squared norm. */
        private double colourTolerance() {
            int m = problem.m;
            double largest = 0.0;
            for (int i = 0; i < m; i++) {
                largest = Math.max(largest, Math.abs(gramX[i * m + i]));
                largest = Math.max(largest, Math.abs(gramY[i * m + i]));
            }
            return TIE_TOLERANCE * largest;
        }

        /** Returns the number of real pairs {@code (i, a)} with the same refined colour. */
        private int sameColourPairs() {
            double tolerance = colourTolerance();
            int pairs = 0;
            for (int i = 0; i < problem.nx; i++) {
                for (int a = 0; a < problem.ny; a++) {
                    if (sameColour(i, a, tolerance)) {
                        pairs++;
                    }
                }
            }
            return pairs;
        }

        void clearIndividualised() {
            individualCount = 0;
        }

        /**
         * Refines the colouring ({@link #structuralSimilarity}), solves the assignment on it
         * into {@code structural}, and returns whether that assignment is colour-preserving:
         * every real node of X mapped to a real node of Y with the same refined colour.
         */
        boolean structuralAssignment() {
            structuralSimilarity();
            solvePadded(p, Sense.MAXIMIZE, structural);
            if (coloursApart) {
                return false;
            }
            double tolerance = colourTolerance();
            for (int i = 0; i < problem.nx; i++) {
                if (structural[i] >= problem.ny || !sameColour(i, structural[i], tolerance)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Chooses the next node to individualise, as in the individualisation-refinement
         * scheme of canonical labelling (McKay and Piperno 2014, "Practical graph isomorphism,
         * II", J. Symbolic Comput. 60: 94-112, doi:10.1016/j.jsc.2013.09.003): a real node of
         * X whose colour class in Y is smallest among the classes of two or more nodes. Sets
         * {@code tiedNode} to it and {@code candidates} to its class, its image in the latest
         * structural assignment first, and returns the class size; returns 0 when all classes
         * are single nodes or every node is individualised already.
         */
        int tiedClass() {
            if (individualCount == problem.m) {
                return 0;
            }
            double tolerance = colourTolerance();
            int smallest = Integer.MAX_VALUE;
            tiedNode = -1;
            for (int i = 0; i < problem.nx; i++) {
                int classSize = 0;
                for (int a = 0; a < problem.ny; a++) {
                    if (sameColour(i, a, tolerance)) {
                        classSize++;
                    }
                }
                if (classSize >= 2 && classSize < smallest) {
                    smallest = classSize;
                    tiedNode = i;
                }
            }
            if (tiedNode < 0) {
                return 0;
            }
            int first = structural[tiedNode];
            candidates[0] = first;
            int count = 1;
            for (int a = 0; a < problem.ny; a++) {
                if (a != first && sameColour(tiedNode, a, tolerance)) {
                    candidates[count++] = a;
                }
            }
            return count;
        }

        /** Gives node {@code i} of X and node {@code a} of Y a colour channel of their own. */
        void individualise(int i, int a) {
            individualX[individualCount] = i;
            individualY[individualCount] = a;
            individualCount++;
        }

        private static double maxAbs(double[] values, int length) {
            double max = 0.0;
            for (int k = 0; k < length; k++) {
                max = Math.max(max, Math.abs(values[k]));
            }
            return max;
        }

        void startRun() {
            runValue = Double.NEGATIVE_INFINITY;
            atVertex = false;
        }

        /** Polishes the best permutation of the current run by local search. */
        void polishRun() {
            if (runValue == Double.NEGATIVE_INFINITY) {
                return;
            }
            problem.localSearch(runBest, problem.noise());
            consider(runBest);
        }

        Permutation bestPermutation() {
            return Permutation.of(Arrays.copyOf(best, problem.m));
        }

        /** Starts a run at the permutation matrix of {@code images}, offering it first. */
        void startAtVertex(int[] images) {
            startRun();
            consider(images);
            int m = problem.m;
            System.arraycopy(images, 0, vertex, 0, m);
            atVertex = true;
            Arrays.fill(p, 0, m * m, 0.0);
            for (int i = 0; i < m; i++) {
                p[i * m + images[i]] = 1.0;
            }
        }

        /** Sets {@code p} to {@code (J / m + K) / 2}, {@code K} random and Sinkhorn-balanced. */
        void setRandomized(SplittableRandom random) {
            int m = problem.m;
            for (int k = 0; k < m * m; k++) {
                p[k] = random.nextDouble() + Double.MIN_NORMAL;
            }
            for (int sweep = 0; sweep < SINKHORN_SWEEPS; sweep++) {
                for (int i = 0; i < m; i++) {
                    double sum = 0.0;
                    for (int a = 0; a < m; a++) {
                        sum += p[i * m + a];
                    }
                    for (int a = 0; a < m; a++) {
                        p[i * m + a] /= sum;
                    }
                }
                for (int a = 0; a < m; a++) {
                    double sum = 0.0;
                    for (int i = 0; i < m; i++) {
                        sum += p[i * m + a];
                    }
                    for (int i = 0; i < m; i++) {
                        p[i * m + a] /= sum;
                    }
                }
            }
            for (int k = 0; k < m * m; k++) {
                p[k] = 0.5 * (p[k] + 1.0 / m);
            }
        }

        /** Sets {@code h} to the gradient of the quadratic term at {@code p}. */
        void quadraticGradient() {
            problem.quadraticGradient(p, h);
        }
    }
}
