package org.orbifold.match;

import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Aligns graphs by their nodes alone: one linear assignment problem maximising the node
 * similarity {@code sum_i w_node <x_ii, y_pi(i)pi(i)>} over permutations of the graphs padded
 * to the size {@link GraphSpace#alignmentSize} gives the pair
 * ({@link GraphSpace#nodeSimilarityMatrix}), ignoring edges while choosing the permutation;
 * with signed attributes that size leaves room for every real node to be matched with a null
 * node, so the assignment can leave a node unmatched when every real partner would cost
 * more.
 * The reported similarity and distance are those of the full inner product, edges included, at
 * the chosen permutation.
 *
 * <p>For point patterns, that is when the space has edge dimension 0 or edge weight 0, or
 * when either graph has no edges, the edge term vanishes and the assignment is the exact
 * optimal alignment; the result is then certified, unless the rounding of the node sums
 * could hide a better one (attributes far from 0 next to their differences, or a near-copy:
 * the check of {@link ExactAligner}'s certificates), in which case its reason is
 * {@link Alignment.Unproven#ROUNDING}. Otherwise it is a fast, usually poor, heuristic (see
 * the measured Letter results in the design notes) and {@code certified} is false, with the
 * reason {@link Alignment.Unproven#HEURISTIC}. With a warm start the better of the assignment
 * and the start is returned.
 *
 * <p>Cost: building the {@code m x m} similarity matrix in {@code O(m^2 d)} plus one
 * linear assignment in {@code O(m^3)}. Thread-safe: each thread uses its own solver workspace.
 *
 * <p><b>Limitations.</b> On graphs with edges it matches nodes with similar attributes even
 * where that tears the edge structure apart; use {@link FaqAligner} or {@link ExactAligner}
 * there.
 */
public final class NodeAssignmentAligner extends OrientedAligner {

    private final ThreadLocal<LinearAssignmentSolver> solvers =
            ThreadLocal.withInitial(LinearAssignmentSolver::new);

    /** Creates the aligner; it has no options. */
    public NodeAssignmentAligner() {
        // Stateless apart from the per-thread solver workspace.
    }

    @Override
    Alignment solve(GraphSpace space, Graph x, Graph y, int m, Permutation start) {
        boolean exact = space.edgeDimension() == 0 || space.edgeWeight() == 0.0
                || x.edgeCount() == 0 || y.edgeCount() == 0;
        int[] assignment = new int[m];
        if (m > 0) {
            double[] gain = space.nodeSimilarityMatrix(x, y, m);
            solvers.get().solveSquare(gain, m, Sense.MAXIMIZE, assignment);
        }
        Alignment found = QapInstance.checkedAlignment(space, x, y, m,
                Permutation.of(assignment), exact);
        return notWorseThanStart(space, x, y, found, start);
    }

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String toString() {
        return "NodeAssignmentAligner";
    }
}
