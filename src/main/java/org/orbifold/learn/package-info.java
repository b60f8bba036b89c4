/**
 * Supervised classification of graphs as points of a graph space: the
 * {@link org.orbifold.learn.GraphClassifier} / {@link org.orbifold.learn.GraphClassifierModel}
 * contract, k-nearest neighbours ({@link org.orbifold.learn.NearestNeighbors}), nearest class
 * mean ({@link org.orbifold.learn.NearestPrototype}), learning graph quantization (LVQ1 and
 * GLVQ, {@link org.orbifold.learn.LearningGraphQuantization}), max-linear models trained by
 * generalized gradients through the alignments (the multi-class
 * {@link org.orbifold.learn.MarginPerceptron} and the graph MLP
 * {@link org.orbifold.learn.GraphMlp}), the template MLP
 * ({@link org.orbifold.learn.TemplateMlp}: every graph aligned once to a Fréchet-mean
 * template, then an ordinary MLP), evaluation ({@link org.orbifold.learn.Evaluation}:
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
 * <p><b>Predictions.</b> {@code predict} does not align the query to every stored graph: k-NN
 * and the prototype models ({@link org.orbifold.learn.NearestNeighbors},
 * {@link org.orbifold.learn.PrototypeModel}) visit the stored graphs in the order of a
 * certified lower bound on their distance ({@link org.orbifold.match.DistanceLowerBound}) and
 * stop when no graph left can change the answer, and the max-linear models
 * ({@link org.orbifold.learn.MarginPerceptronModel}, {@link org.orbifold.learn.GraphMlpModel})
 * bound every class score by the same certified bounds and align only the weight graphs that
 * can still change the prediction. The predictions are exactly those of aligning everything;
 * each model counts the alignments it computed and skipped
 * ({@link org.orbifold.learn.AlignmentCounting}).
 *
 * <p><b>Failed training.</b> Every learner refuses a single class. A training whose
 * parameters overflow throws a {@link org.orbifold.learn.TrainingDivergedException} naming
 * the epoch and the learning rate; one that ends no better than guessing throws nothing, and
 * each trained learner's class description says which numbers tell it (the listener's
 * objective per epoch, {@link org.orbifold.learn.PrototypeModel#trainingErrors()}).
 *
 * <p><b>Limitations.</b> The bounds ignore which nodes the edges join, so they save little
 * where the stored graphs have value distributions like the query's, and {@code scores}
 * aligns every prototype or weight graph. With heuristic aligners all distances are upper
 * bounds and all similarities lower bounds.
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.learn;
