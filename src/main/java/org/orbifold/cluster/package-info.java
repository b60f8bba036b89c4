/**
 * Clustering of graphs as points of a graph space: k-means, k-medians and k-medoids
 * ({@link org.orbifold.cluster.CentralClustering}) with k-means++ seeding and restarts, and
 * validity indices ({@link org.orbifold.cluster.ClusterValidity}). Every distance comes from
 * an {@link org.orbifold.match.Aligner}, so the algorithms run with exact, heuristic or
 * point-pattern matching alike.
 *
 * <p>Sources:
 * <ul>
 *   <li>S. P. Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2),
 *       129-137, 1982, doi:10.1109/TIT.1982.1056489 (the alternation).</li>
 *   <li>D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding",
 *       Proc. 18th ACM-SIAM Symposium on Discrete Algorithms (SODA), 1027-1035, 2007
 *       (D^2 seeding).</li>
 *   <li>L. Kaufman and P. J. Rousseeuw, "Finding Groups in Data: An Introduction to Cluster
 *       Analysis", Wiley, 1990, doi:10.1002/9780470316801 (k-medoids, PAM).</li>
 *   <li>P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation
 *       of cluster analysis", J. Comput. Appl. Math. 20, 53-65, 1987,
 *       doi:10.1016/0377-0427(87)90125-7.</li>
 *   <li>L. Hubert and P. Arabie, "Comparing partitions", J. Classification 2, 193-218, 1985,
 *       doi:10.1007/BF01908075 (adjusted Rand index).</li>
 *   <li>B. J. Jain and K. Obermayer, "Structure spaces", J. Mach. Learn. Res. 10, 2667-2714,
 *       2009, and "Elkan's k-means algorithm for graphs", MICAI 2010, LNCS 6438, 22-32
 *       (k-means in graph space, pruning by the triangle inequality).</li>
 *   <li>C. Elkan, "Using the triangle inequality to accelerate k-means", Proc. 20th
 *       International Conference on Machine Learning (ICML), 147-153, 2003.</li>
 *   <li>G. H. Hardy, J. E. Littlewood and G. Pólya, "Inequalities", Cambridge University
 *       Press, 1934, section 10.2 (the rearrangement inequality behind the edge term of the
 *       certified lower bound that skips far centers).</li>
 * </ul>
 *
 * <p><b>Limitations.</b> Elkan's triangle-inequality pruning acts only on certified
 * distances (point patterns, exact alignments); with heuristic aligners only the lower-bound
 * skips save alignments, and every graph is still aligned to its own center in every
 * assignment step. k-medoids uses alternation, not the PAM swap search.
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.cluster;
