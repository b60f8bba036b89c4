/**
 * Central tendency in graph space: the Fréchet mean (align-all-and-average, warm started so
 * that its objective never rises), the incremental mean of Jain and Obermayer, the Fréchet
 * median (generalized Weiszfeld with the Vardi-Zhang rule at sample points), and the set
 * mean and set median (medoids). Every algorithm takes an {@link org.orbifold.match.Aligner}
 * and so runs with any matching strategy; batches of alignments run on a caller-given
 * executor and give the same result for any number of threads.
 *
 * <p>Geodesic principal components ({@link org.orbifold.stats.GeodesicPca}) fit the line of
 * the total space nearest to the sample by the same warm-started align-all-and-compute, and
 * graph-valued regression ({@link org.orbifold.stats.GraphRegression}) fits graphs on real
 * covariates by least squares on graphs aligned to their own fitted values.
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.stats;
