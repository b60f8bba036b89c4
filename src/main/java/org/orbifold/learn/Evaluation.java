package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;
import org.orbifold.space.LabelEncoder;

/**
 * Measures of classification quality: accuracy, the confusion matrix, stratified k-fold
 * cross-validation and the accuracies of its folds (R. Kohavi, "A study of cross-validation
 * and bootstrap for accuracy estimation and model selection", Proc. IJCAI 1995, 1137-1143).
 *
 * <p><b>Limitations.</b> A class with fewer members than folds is missing from some test
 * folds. The members of a class are dealt to consecutive folds, so a class with two or more
 * members reaches every training set, while a class with a single member is missing from
 * the training set of its own fold and can never be predicted there. When a fold holds every
 * member of all classes but one (for example two classes, one with a single member), its
 * training set has one class, which no classifier of this package accepts:
 * {@link #crossValidate} then throws, naming the fold and the classes it holds entirely.
 * Labels of a single class are refused before any fold is fitted.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Returns the fraction of positions where the prediction equals the true label.
     *
     * @param truth the true labels, no nulls
     * @param predicted the predicted labels, same length, no nulls
     * @return the accuracy in {@code [0, 1]}
     * @throws IllegalArgumentException if the lists differ in length, are empty or contain a
     *     null
     */
    public static double accuracy(List<String> truth, List<String> predicted) {
        requirePaired(truth, predicted);
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        return correct / (double) truth.size();
    }

    /**
     * Returns the confusion matrix over the labels seen in either list.
     *
     * @param truth the true labels, no nulls
     * @param predicted the predicted labels, same length, no nulls
     * @return {@code counts[a][b]}, the number of graphs of true class {@code a} predicted as
     *     {@code b}, both in the {@link LabelEncoder} order of the union of both lists
     * @throws IllegalArgumentException as {@link #accuracy}
     */
    public static int[][] confusionMatrix(List<String> truth, List<String> predicted) {
        requirePaired(truth, predicted);
        List<String> all = new ArrayList<>(truth);
        all.addAll(predicted);
        return confusionMatrix(truth, predicted, LabelEncoder.of(all));
    }

    /**
     * Returns the confusion matrix over given classes.
     *
     * @param truth the true labels, no nulls
     * @param predicted the predicted labels, same length, no nulls
     * @param classes the row and column order, for example a model's {@code classes()}
     * @return {@code counts[a][b]}, the number of graphs of true class {@code a} predicted as
     *     {@code b}
     * @throws IllegalArgumentException as {@link #accuracy}, or if a label is not one of the
     *     classes (naming the list and the index)
     */
    public static int[][] confusionMatrix(List<String> truth, List<String> predicted,
            LabelEncoder classes) {
        requirePaired(truth, predicted);
        Objects.requireNonNull(classes, "classes");
        int[][] counts = new int[classes.size()][classes.size()];
        for (int i = 0; i < truth.size(); i++) {
            counts[code(classes, truth, "truth", i)][code(classes, predicted, "predicted", i)]++;
        }
        return counts;
    }

    /**
     * Splits indices {@code 0..N-1} into {@code k} folds that keep the class proportions:
     * the members of each class (classes in {@link LabelEncoder} order) are shuffled with the
     * seed and dealt to the folds in turn, continuing where the previous class stopped, so
     * fold sizes differ by at most one and each class's counts per fold differ by at most one.
     *
     * @param labels the class label of each item, no nulls
     * @param k the number of folds, between 2 and {@code N}
     * @param seed the seed of the shuffles
     * @return {@code k} sorted index arrays that partition {@code 0..N-1}
     * @throws IllegalArgumentException if a label is null or {@code k} is out of range
     */
    public static List<int[]> stratifiedFolds(List<String> labels, int k, long seed) {
        Objects.requireNonNull(labels, "labels");
        Checks.requireNoNullLabel(labels, "labels");
        if (k < 2 || k > labels.size()) {
            throw new IllegalArgumentException("the number of folds must be between 2 and the"
                    + " number of items, " + labels.size() + ", got " + k);
        }
        LabelEncoder classes = LabelEncoder.of(labels);
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (String label : classes.labels()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i).equals(label)) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
            }
            for (int member : members) {
                folds.get(next).add(member);
                next = (next + 1) % k;
            }
        }
        List<int[]> result = new ArrayList<>(k);
        for (List<Integer> fold : folds) {
            int[] indices = fold.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(indices);
            result.add(indices);
        }
        return List.copyOf(result);
    }

    /**
     * Runs stratified k-fold cross-validation: for each fold, fits the classifier on the
     * other folds and predicts the fold.
     *
     * @param classifier the learner
     * @param space the graph space of all graphs
     * @param graphs the graphs of {@code space}
     * @param labels one label per graph, no nulls
     * @param k the number of folds, between 2 and {@code N}
     * @param seed the seed of {@link #stratifiedFolds}
     * @param executor runs the predictions of each fold (not from a task of the same
     *     bounded pool: see {@link GraphClassifierModel#predictAll})
     * @return the out-of-fold prediction of every graph, in input order; compare with
     *     {@code labels} by {@link #accuracy} or {@link #confusionMatrix}
     * @throws IllegalArgumentException as {@link #stratifiedFolds}, and when the fit of a
     *     fold throws one (such as a class with fewer members in the fold's training set than
     *     the learner needs), a new one whose message begins {@code "fold f of k: "} and
     *     whose cause is the fit's exception (a {@link TrainingDivergedException}, say); when
     *     the classifier refuses a training set of fewer than two classes, the exception
     *     also names the classes the fold holds entirely (see the Limitations above); also,
     *     before any fit, when the labels hold a single class, a message beginning
     *     {@code "the labels hold only one class 'x'"}
     */
    public static List<String> crossValidate(GraphClassifier classifier, GraphSpace space,
            List<Graph> graphs, List<String> labels, int k, long seed, Executor executor) {
        return crossValidate(classifier, space, graphs, labels, k, seed, executor,
                IterationListener.NONE);
    }

    /**
     * Runs stratified k-fold cross-validation as {@link #crossValidate(GraphClassifier,
     * GraphSpace, List, List, int, long, Executor)} and reports every finished fold.
     *
     * @param classifier the learner
     * @param space the graph space of all graphs
     * @param graphs the graphs of {@code space}
     * @param labels one label per graph, no nulls
     * @param k the number of folds, between 2 and {@code N}
     * @param seed the seed of {@link #stratifiedFolds}
     * @param executor runs the predictions of each fold (not from a task of the same
     *     bounded pool: see {@link GraphClassifierModel#predictAll})
     * @param listener hears, after each fold, its number (from 1), its accuracy, 0 as the
     *     step, and the elapsed time; its answer is ignored, since every fold must run for
     *     the out-of-fold predictions to be complete
     * @return the out-of-fold prediction of every graph, in input order
     * @throws IllegalArgumentException as {@link #stratifiedFolds}, and when the fit of a
     *     fold throws one (such as a class with fewer members in the fold's training set than
     *     the learner needs), a new one whose message begins {@code "fold f of k: "} and
     *     whose cause is the fit's exception (a {@link TrainingDivergedException}, say); when
     *     the classifier refuses a training set of fewer than two classes, the exception
     *     also names the classes the fold holds entirely (see the Limitations above); also,
     *     before any fit, when the labels hold a single class, a message beginning
     *     {@code "the labels hold only one class 'x'"}
     */
    public static List<String> crossValidate(GraphClassifier classifier, GraphSpace space,
            List<Graph> graphs, List<String> labels, int k, long seed, Executor executor,
            IterationListener listener) {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(listener, "listener");
        Checks.requireLabelled(space, graphs, labels);
        Set<String> classes = new TreeSet<>(labels);
        if (classes.size() < 2) {
            // Every training set would hold that class alone: say so once, not per fold.
            throw new IllegalArgumentException("the labels hold only one class '"
                    + classes.iterator().next() + "' (all " + labels.size() + " graphs);"
                    + " cross-validation needs two classes or more, since every training"
                    + " set would hold that class alone");
        }
        long started = System.nanoTime();
        String[] predictions = new String[graphs.size()];
        boolean[] inTest = new boolean[graphs.size()];
        int foldNumber = 0;
        for (int[] fold : stratifiedFolds(labels, k, seed)) {
            Arrays.fill(inTest, false);
            List<Graph> testGraphs = new ArrayList<>(fold.length);
            for (int i : fold) {
                inTest[i] = true;
                testGraphs.add(graphs.get(i));
            }
            List<Graph> trainGraphs = new ArrayList<>();
            List<String> trainLabels = new ArrayList<>();
            for (int i = 0; i < graphs.size(); i++) {
                if (!inTest[i]) {
                    trainGraphs.add(graphs.get(i));
                    trainLabels.add(labels.get(i));
                }
            }
            GraphClassifierModel model;
            try {
                model = classifier.fit(space, trainGraphs, trainLabels);
            } catch (IllegalArgumentException e) {
                throw foldFailure(e, foldNumber + 1, k, labels, trainLabels);
            }
            List<String> foldPredictions = model.predictAll(testGraphs, executor);
            int correct = 0;
            for (int j = 0; j < fold.length; j++) {
                predictions[fold[j]] = foldPredictions.get(j);
                correct += foldPredictions.get(j).equals(labels.get(fold[j])) ? 1 : 0;
            }
            foldNumber++;
            listener.iterationDone(foldNumber, correct / (double) fold.length, 0.0,
                    System.nanoTime() - started);
        }
        return List.of(predictions);
    }

    /**
     * Returns the exception for a classifier that refused the training set of a fold, naming
     * the fold, with the classifier's refusal as its cause: when that set holds fewer than
     * two classes, one that names the classes the fold holds entirely and ends with the
     * refusal's message; otherwise {@code "fold f of k: "}, the refusal's message and the
     * size of the fold's training set.
     */
    private static IllegalArgumentException foldFailure(IllegalArgumentException refusal,
            int fold, int k, List<String> labels, List<String> trainLabels) {
        Set<String> trained = new TreeSet<>(trainLabels);
        if (trained.size() >= 2) {
            return new IllegalArgumentException("fold " + fold + " of " + k + ": "
                    + refusal.getMessage() + " (fitting on the other folds' "
                    + trainLabels.size() + " of the " + labels.size() + " graphs)", refusal);
        }
        Map<String, Integer> missing = new TreeMap<>();
        for (String label : labels) {
            if (!trained.contains(label)) {
                missing.merge(label, 1, Integer::sum);
            }
        }
        List<String> counts = new ArrayList<>();
        missing.forEach((label, count) -> counts.add("'" + label + "' (" + count
                + (count == 1 ? " graph)" : " graphs)")));
        return new IllegalArgumentException("fold " + fold + " of " + k + ": its training"
                + " set holds only " + (trained.isEmpty() ? "no class" : "class '"
                + trained.iterator().next() + "'") + ", since this fold holds every graph of "
                + String.join(", ", counts) + "; a class with two or more graphs reaches every"
                + " training set, so give these classes more graphs or leave them out ("
                + refusal.getMessage() + ")", refusal);
    }

    /**
     * Returns the accuracy of each fold, their mean and their standard deviation.
     *
     * @param truth the true labels, no nulls
     * @param predicted the predicted labels, same length, no nulls (for example the
     *     out-of-fold predictions of {@link #crossValidate})
     * @param folds non-empty index arrays into the lists, for example those of
     *     {@link #stratifiedFolds}; not modified
     * @return one accuracy per fold, in fold order
     * @throws IllegalArgumentException as {@link #accuracy}, if no fold is given, or if a fold
     *     is empty or holds an index out of range (naming the fold)
     */
    public static FoldAccuracies foldAccuracies(List<String> truth, List<String> predicted,
            List<int[]> folds) {
        requirePaired(truth, predicted);
        Objects.requireNonNull(folds, "folds");
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no folds given");
        }
        double[] values = new double[folds.size()];
        for (int f = 0; f < values.length; f++) {
            int[] fold = Objects.requireNonNull(folds.get(f), "folds[" + f + "]");
            if (fold.length == 0) {
                throw new IllegalArgumentException("fold " + f + " is empty");
            }
            int correct = 0;
            for (int i : fold) {
                if (i < 0 || i >= truth.size()) {
                    throw new IllegalArgumentException("fold " + f + " holds index " + i
                            + ", outside 0.." + (truth.size() - 1));
                }
                correct += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
            values[f] = correct / (double) fold.length;
        }
        return new FoldAccuracies(values);
    }

    /**
     * The accuracies of the folds of a cross-validation.
     *
     * <p>{@link #standardDeviation()} is the population standard deviation
     * {@code sqrt(sum (a_f - mean)^2 / K)} over the {@code K} folds (NumPy's default
     * {@code ddof = 0}, the convention of most graph-classification tables), not the sample
     * one with {@code K - 1}.
     *
     * @param values the accuracy of each fold, in fold order; copied on the way in and out
     */
    public record FoldAccuracies(double[] values) {

        /**
         * Copies the values.
         *
         * @param values the accuracy of each fold
         * @throws IllegalArgumentException if there are none
         */
        public FoldAccuracies {
            Objects.requireNonNull(values, "values");
            if (values.length == 0) {
                throw new IllegalArgumentException("no fold accuracies given");
            }
            values = values.clone();
        }

        /**
         * Returns a copy of the accuracy of each fold.
         *
         * @return a copy of the accuracy of each fold
         */
        @Override
        public double[] values() {
            return values.clone();
        }

        /**
         * Returns the mean of the fold accuracies.
         *
         * @return the mean of the fold accuracies
         */
        public double mean() {
            double sum = 0.0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        /**
         * Returns the population standard deviation of the fold accuracies.
         *
         * @return the population standard deviation of the fold accuracies
         */
        public double standardDeviation() {
            double mean = mean();
            double sum = 0.0;
            for (double v : values) {
                sum += (v - mean) * (v - mean);
            }
            return Math.sqrt(sum / values.length);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FoldAccuracies that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "FoldAccuracies" + Arrays.toString(values);
        }
    }

    private static void requirePaired(List<String> truth, List<String> predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth and predicted differ in length: "
                    + truth.size() + " and " + predicted.size());
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("no labels to compare");
        }
        Checks.requireNoNullLabel(truth, "truth");
        Checks.requireNoNullLabel(predicted, "predicted");
    }

    private static int code(LabelEncoder classes, List<String> labels, String name, int i) {
        String label = labels.get(i);
        int code = classes.labels().contains(label) ? classes.indexOf(label) : -1;
        if (code < 0) {
            throw new IllegalArgumentException(name + "[" + i + "] = '" + label
                    + "' is not one of the classes " + classes.labels());
        }
        return code;
    }
}
