/**
 * Supervised classification of graphs as points of a graph space: the
 * {@link org.orbifold.learn.GraphClassifier} / {@link org.orbifold.learn.GraphClassifierModel}
 * contract, k-nearest neighbours ({@link org.orbifold.learn.NearestNeighbors}), nearest class
 * mean ({@link org.orbifold.learn.NearestPrototype}), learning graph quantization (LVQ1 and
 * GLVQ, {@link org.orbifold.learn.LearningGraphQuantization}), max-linear models trained by
 * generalized gradients through the alignments (the multi-class
 * {@link org.orbifold.learn.MarginPerceptron} and the graph MLP
 * {@link org.orbifold.learn.GraphMlp}), evaluation ({@link org.orbifold.learn.Evaluation}:
 * accuracy, confusion matrix, stratified k-fold cross-validation) and hold-out model
 * selection ({@link org.orbifold.learn.ValidationSearch}). Every distance and
 * similarity comes from an {@link org.orbifold.match.Aligner}.
 *
 * <p>Sources: T. M. Cover and P. E. Hart, "Nearest neighbor pattern classification", IEEE
 * Trans. Inf. Theory 13(1), 21-27, 1967; T. Kohonen, "Self-Organizing Maps", Springer, 2001
 * (LVQ1); A. Sato and K. Yamada, "Generalized learning vector quantization", NIPS 8, 1996;
 * B. J. Jain and K. Obermayer, "Learning graph quantization", S+SSPR 2010, LNCS 6218;
 * B. J. Jain, "Margin perceptrons for graphs", ICPR 2014 (max-linear units).
 *
 * <p><b>Limitations.</b> Predictions align the query to every stored graph, prototype or
 * weight graph; there is no index or pruning. With heuristic aligners all distances are upper
 * bounds and all similarities lower bounds.
 */
package org.orbifold.learn;
