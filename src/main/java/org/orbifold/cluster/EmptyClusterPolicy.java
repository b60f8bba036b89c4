package org.orbifold.cluster;

/**
 * What {@link CentralClustering} does when an assignment step leaves a cluster without
 * members.
 */
public enum EmptyClusterPolicy {

    /**
     * Move the graph that is farthest from its own center, among the clusters with at least
     * two members, into the empty cluster and make that graph the cluster's center. Its cost
     * drops to zero and no other cost changes, so the objective does not rise.
     */
    RESEED_FARTHEST,

    /** Throw an {@link IllegalStateException} naming the empty cluster and the iteration. */
    FAIL
}
