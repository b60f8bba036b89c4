package org.orbifold.learn;

/**
 * A trained model that counts, over all its predictions so far, the alignments it computed and
 * those its certified bounds let it skip; computed plus skipped is what aligning everything
 * would have cost. The counters belong to one model instance and are safe to read while
 * predictions run on other threads.
 */
public interface AlignmentCounting {

    /**
     * Returns the alignments computed by the predictions so far.
     *
     * @return the alignments computed by the predictions so far
     */
    long alignmentsComputed();

    /**
     * Returns the alignments the predictions so far skipped by bounds.
     *
     * @return the alignments the predictions so far skipped by bounds
     */
    long alignmentsSkipped();
}
