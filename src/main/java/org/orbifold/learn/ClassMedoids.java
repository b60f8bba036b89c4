package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executor;
import org.orbifold.cluster.CentralClustering;
import org.orbifold.cluster.ClusteringResult;
import org.orbifold.cluster.TooFewDistinctGraphsException;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Class-wise prototype selection by k-medoids: the {@code p} starts of a class are the medoids
 * of a seeded k-medoids clustering of the class's training graphs, so they are real members
 * that spread over the class. This follows the class-wise prototype selection by clustering
 * (centers that are set medians of their clusters) of K. Riesen and H. Bunke ("Graph
 * Classification and Clustering Based on Vector Space Embedding", World Scientific, 2010),
 * with the k-medoids problem of L. Kaufman and P. J. Rousseeuw ("Finding Groups in Data",
 * Wiley, 1990, ch. 2) solved by
 * {@link CentralClustering#kMedoids}: distances as costs, k-means++ seeding, alternating
 * assignment and medoid updates on one distance matrix of the class ({@code n (n - 1) / 2}
 * alignments, computed once for all restarts), {@link #RESTARTS} seeded restarts, the lowest
 * summed distance kept.
 *
 * <p>With {@code p = 1} the medoid is a set median of the class: a member whose summed
 * distance to the other members is least (the alternation starts at a random member and
 * moves to a member with a strictly smaller sum, so among several minimisers any may be
 * returned).
 */
final class ClassMedoids {

    /** Seeded restarts of every class's k-medoids run (they cost no further alignment). */
    static final int RESTARTS = 10;

    private ClassMedoids() {
    }

    /**
     * Returns the {@code p} medoids of one class, in the order of the members.
     *
     * @param space the graph space
     * @param members the class's training graphs, in training order
     * @param p the number of medoids, at least 1
     * @param label the class, for the messages
     * @param aligner the aligner of the distance matrix
     * @param seed the seed of the k-medoids run
     * @param executor where the rows of the distance matrix are aligned
     * @return {@code p} distinct members
     * @throws IllegalArgumentException if the class has fewer than {@code p} members, fewer
     *     than {@code p} distinct graphs, or fewer than {@code p} graphs that differ up to
     *     relabelling (the k-medoids seeding finds every member at distance 0 from one of
     *     fewer than {@code p} members: isomorphic copies, or, under a weight of 0, graphs
     *     that differ only in what it ignores, which the message says); each message names
     *     the class, and the last one has the clustering's
     *     {@link TooFewDistinctGraphsException} as its cause
     */
    static List<Graph> select(GraphSpace space, List<Graph> members, int p, String label,
            Aligner aligner, long seed, Executor executor) {
        if (members.size() < p) {
            throw new IllegalArgumentException("class '" + label + "' has " + members.size()
                    + " members, fewer than the " + p + " prototypes per class");
        }
        int distinct = new HashSet<>(members).size();
        if (distinct < p) {
            throw new IllegalArgumentException("class '" + label + "' has " + distinct
                    + " distinct graph" + (distinct == 1 ? "" : "s") + " among its "
                    + members.size() + " members, fewer than"
                    + " the " + p + " medoids asked for");
        }
        ClusteringResult result;
        try {
            result = CentralClustering.kMedoids(p).aligner(aligner).seed(seed)
                    .restarts(RESTARTS).executor(executor).build().cluster(space, members);
        } catch (TooFewDistinctGraphsException e) {
            // Distinct as labelled graphs, but at distance 0 from fewer than p graphs:
            // relabelled copies, or, under a weight of 0, graphs equal up to relabelling
            // in the attributes that count.
            int found = e.distinct();
            String them = found == 1 ? "it" : "them";
            String zero = zeroWeights(space);
            String others = zero == null ? "relabelled copies of " + them + ": isomorphic"
                    + " copies count once" : "equal to " + them + " up to relabelling under the"
                    + " weights, as " + zero;
            throw new IllegalArgumentException("class '" + label + "' has only " + found
                    + " graph" + (found == 1 ? "" : "s") + " at positive distance from each"
                    + " other among its " + members.size() + " members (the others are "
                    + others + "), fewer than the " + p + " medoids asked for", e);
        }
        int[] indices = result.medoids();
        Arrays.sort(indices);
        List<Graph> medoids = new ArrayList<>(p);
        for (int index : indices) {
            medoids.add(members.get(index));
        }
        return medoids;
    }

    /**
     * What the weights of value 0 of a space ignore, in words, or null when both are
     * positive (graphs at distance 0 are then relabelled copies).
     */
    private static String zeroWeights(GraphSpace space) {
        boolean node = space.nodeWeight() == 0.0;
        boolean edge = space.edgeWeight() == 0.0;
        if (node && edge) {
            return "node and edge weight 0 ignore all attributes";
        }
        return node ? "node weight 0 ignores the node attributes"
                : edge ? "edge weight 0 ignores the edge attributes" : null;
    }
}
