package org.orbifold.cluster;

/**
 * How {@link CentralClustering} moves the k-means and k-medians centers between two
 * assignment steps. Both keep a new center only if it lowers the objective.
 */
public enum CenterUpdate {

    /**
     * Run the Fréchet mean (or median) of the cluster from the current center for up to
     * {@code centerIterations} majorize-minimize iterations, each of which realigns every
     * member: the centers move furthest per Lloyd iteration, at the price of several
     * alignments per member.
     */
    FRECHET,

    /**
     * One majorize-minimize step under the alignments the assignment step just found, with no
     * alignment at all: the average of the aligned members (k-means) or one Weiszfeld step
     * (k-medians). The next assignment step realigns every graph to every center, so the
     * alternation is the Fréchet iteration interleaved with Lloyd's, as in Jain and Obermayer
     * (2010); each Lloyd iteration is cheaper and more of them are needed.
     */
    SINGLE_STEP
}
