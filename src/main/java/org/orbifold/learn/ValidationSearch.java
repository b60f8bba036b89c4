package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;

/**
 * Hold-out model selection: every candidate configuration (a graph space, which carries the
 * node and edge weights, and a classifier, which carries {@code k}, the number of prototypes,
 * the learning rate, ...) is fitted on the training split and scored by its accuracy on the
 * validation split; the best candidate is chosen. The test split is never seen here, so a
 * caller that fits the chosen candidate once and predicts the test split once reports an
 * unbiased test accuracy, as the IAM protocol asks (K. Riesen and H. Bunke, "IAM Graph
 * Database Repository for Graph Based Pattern Recognition and Machine Learning", SSPR&amp;SPR
 * 2008, LNCS 5342, 287-297, doi:10.1007/978-3-540-89689-0_33; on hold-out selection in
 * general, R. Kohavi, "A study of cross-validation and bootstrap for accuracy estimation and
 * model selection", Proc. IJCAI 1995, 1137-1143).
 *
 * <p><b>Selection rules.</b> {@link Selection#MOST_CORRECT} (the default) chooses the
 * candidate with the most correctly classified validation graphs (counts are compared, so
 * there is no rounding); among candidates with equal counts the one listed first wins.
 * Callers list simpler settings first (smaller {@code k}, fewer prototypes, unit weights) to
 * prefer them on ties. {@link Selection#ONE_STANDARD_ERROR} is the one-standard-error rule
 * of L. Breiman, J. H. Friedman, R. A. Olshen and C. J. Stone, <i>Classification and
 * Regression Trees</i>, Wadsworth 1984, section 3.4.3 (also T. Hastie, R. Tibshirani and
 * J. Friedman, <i>The Elements of Statistical Learning</i>, 2nd ed., Springer 2009, section
 * 7.10): every candidate whose validation accuracy is within one binomial standard error
 * {@code sqrt(p (1 - p) / n)} of the best accuracy {@code p} counts as equally good, and
 * among those the one with the smallest {@linkplain Candidate#modelSize() model size} (the
 * number of graphs a prediction may align, so the cheapest to predict; 0, unknown, counts as
 * the largest) is chosen; among equal sizes the one with the smallest
 * {@linkplain Candidate#modelOrder() model order} (the order of those graphs, which bounds
 * the cost of each alignment; 0, unknown or uncapped, counts as the largest), then the most
 * correct, then the candidate listed first. Candidates of equal size and order are thus
 * chosen as by the default rule. With sizes mixed, an equally good candidate of known size
 * always wins over one of unknown size, however large the known size; the candidates of
 * unknown size are chosen among themselves by order, count and position, so when every size
 * and order is unknown the rule chooses as {@link Selection#MOST_CORRECT} does.
 *
 * <p><b>Failed candidates.</b> A candidate whose training diverges (its fit throws a
 * {@link TrainingDivergedException}, or an exception caused by one, such as a caller's
 * wrapper that names the setting) is recorded as failed, with the exception's message as the
 * reason, and skipped: neither rule chooses it, and it counts as no validation graph correct.
 * The search fails only when every candidate evaluated failed, with the first such
 * exception; each later failure is attached to it as a suppressed exception
 * ({@link Throwable#getSuppressed()}, in candidate order), so that a caller can name every
 * failed setting. Any other exception of a fit ends the search at once, as before: it is a
 * problem of the data or of every setting, not of one.
 *
 * <p><b>Determinism.</b> Candidates are fitted one after another on the calling thread, each
 * with its own seeded configuration; the predictions of each candidate run on the executor
 * and are collected in input order. The result is the same for every executor and thread
 * count.
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Shared work.</b> The search itself shares nothing: every candidate is fitted and
 * evaluated in full. Candidates share work through their classifiers: built with one
 * {@link org.orbifold.stats.MeanCache} ({@link org.orbifold.stats.FrechetMean.Builder#cache}),
 * the learners that start from Fréchet means (the template of {@link TemplateMlp}, the class
 * means of {@link NearestPrototype}, {@link LearningGraphQuantization}, {@link GraphMlp} and
 * {@link MarginPerceptron}) compute each mean once for all candidates of an equal graph
 * space and training set, and k-NN candidates built with one {@link NeighborTable} search
 * each validation graph's nearest once, as deep as the largest {@code k}, for every
 * {@code k}. Both are keyed by everything their results depend on, so the counts, the choice
 * and the chosen model are bit for bit those without them; {@code classify} uses both.
 *
 * <p><b>Limitations.</b> A plain grid: beyond the means and the k-NN neighbours above,
 * candidates share nothing (the template MLP's alignments of the training and validation
 * graphs to one template, for instance, are repeated for every network setting).
 * Candidates are fitted one at a time, so a fit runs only as parallel as its learner makes
 * it: learning vector quantization and the max-linear learners visit the training graphs one
 * after another and align each to the prototypes or weight graphs on their own executors,
 * which keeps few threads busy when there are few of those.
 * With a small validation split, several candidates often tie and the tie rule decides.
 */
public final class ValidationSearch {

    private ValidationSearch() {
    }

    /**
     * One configuration to try.
     *
     * @param description a short text naming the settings, for reports
     * @param space the graph space (with its weights) of the training, validation and later
     *     test graphs
     * @param classifier the learner with its settings
     * @param modelSize the number of graphs (prototypes, weight graphs or stored training
     *     graphs) a prediction of the fitted model may align, which the
     *     {@linkplain Selection#ONE_STANDARD_ERROR one-standard-error rule} minimizes first;
     *     {@code 0} when unknown, which ranks as larger than every known size
     * @param modelOrder the order (at most) of those graphs, such as a cap on the prototypes'
     *     order or the order of weight graphs, which the one-standard-error rule minimizes
     *     among candidates of equal model size (a smaller order makes each alignment
     *     cheaper); {@code 0} when unknown or uncapped, which ranks as the largest order
     */
    public record Candidate(String description, GraphSpace space, GraphClassifier classifier,
            int modelSize, int modelOrder) {

        /**
         * Checks the components.
         *
         * @param description a short text naming the settings
         * @param space the graph space of the candidate
         * @param classifier the learner with its settings
         * @param modelSize the graphs a prediction may align, {@code 0} when unknown
         * @param modelOrder the order of those graphs, {@code 0} when unknown or uncapped
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the model size or order is negative
         */
        public Candidate {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(classifier, "classifier");
            if (modelSize < 0) {
                throw new IllegalArgumentException("modelSize must be >= 0, got " + modelSize);
            }
            if (modelOrder < 0) {
                throw new IllegalArgumentException("modelOrder must be >= 0, got "
                        + modelOrder);
            }
        }

        /**
         * A candidate of unknown or uncapped model order (0).
         *
         * @param description a short text naming the settings
         * @param space the graph space of the candidate
         * @param classifier the learner with its settings
         * @param modelSize the graphs a prediction may align, {@code 0} when unknown
         */
        public Candidate(String description, GraphSpace space, GraphClassifier classifier,
                int modelSize) {
            this(description, space, classifier, modelSize, 0);
        }

        /**
         * A candidate of unknown model size and order (0). The one-standard-error rule ranks
         * it as larger than every candidate of known size, so it is chosen only when no
         * candidate of known size is within one standard error of the best count; among
         * candidates of unknown size and order it is ranked by its validation count alone.
         *
         * @param description a short text naming the settings
         * @param space the graph space of the candidate
         * @param classifier the learner with its settings
         */
        public Candidate(String description, GraphSpace space, GraphClassifier classifier) {
            this(description, space, classifier, 0, 0);
        }
    }

    /** How the search chooses among the scored candidates (see the class description). */
    public enum Selection {
        /** The most correct validation graphs; ties to the candidate listed first. */
        MOST_CORRECT,
        /**
         * The smallest model within one standard error of the most correct (an unknown size
         * as the largest); ties to the smallest model order, then the most correct, then the
         * candidate listed first.
         */
        ONE_STANDARD_ERROR
    }

    /**
     * The outcome of a search.
     *
     * @param candidates the candidates, in the given order
     * @param correct the number of correctly classified validation graphs of each candidate;
     *     copied on the way in and out
     * @param validationSize the number of validation graphs
     * @param best the index of the chosen candidate
     * @param selection the rule that chose it
     * @param chosenModel the chosen candidate's model, fitted on the training split during
     *     the search (fitting is deterministic, so a caller that would refit the same setting
     *     on the same graphs can use it instead); not part of equality
     * @param failures per candidate, null if it was fitted and scored, else why it failed
     *     (see the class description), in which case its count is 0
     */
    public record Result(List<Candidate> candidates, int[] correct, int validationSize,
            int best, Selection selection, GraphClassifierModel chosenModel,
            List<String> failures) {

        /**
         * Copies the components and checks that they agree.
         *
         * @param candidates the candidates, in the given order
         * @param correct the correct validation counts, one per candidate
         * @param validationSize the number of validation graphs
         * @param best the index of the chosen candidate
         * @param selection the rule that chose it
         * @param chosenModel the chosen candidate's model
         * @param failures per candidate, null or why it failed
         * @throws IllegalArgumentException if the lengths differ, the size is not positive,
         *     {@code best} is out of range or names a failed candidate
         */
        public Result {
            Objects.requireNonNull(candidates, "candidates");
            Objects.requireNonNull(correct, "correct");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(chosenModel, "chosenModel");
            Objects.requireNonNull(failures, "failures");
            candidates = List.copyOf(candidates);
            correct = correct.clone();
            failures = Collections.unmodifiableList(new ArrayList<>(failures));
            if (correct.length != candidates.size() || failures.size() != candidates.size()) {
                throw new IllegalArgumentException(correct.length + " counts and "
                        + failures.size() + " failures for " + candidates.size()
                        + " candidates");
            }
            if (validationSize < 1) {
                throw new IllegalArgumentException("validationSize must be >= 1, got "
                        + validationSize);
            }
            if (best < 0 || best >= candidates.size()) {
                throw new IllegalArgumentException("best = " + best + " is not a candidate"
                        + " index, 0.." + (candidates.size() - 1));
            }
            if (failures.get(best) != null) {
                throw new IllegalArgumentException("best = " + best + " is a failed candidate");
            }
        }

        /**
         * A result in which every candidate was fitted and scored.
         *
         * @param candidates the candidates, in the given order
         * @param correct the correct validation counts, one per candidate
         * @param validationSize the number of validation graphs
         * @param best the index of the chosen candidate
         * @param selection the rule that chose it
         * @param chosenModel the chosen candidate's model
         * @throws IllegalArgumentException as the canonical constructor
         */
        public Result(List<Candidate> candidates, int[] correct, int validationSize,
                int best, Selection selection, GraphClassifierModel chosenModel) {
            this(candidates, correct, validationSize, best, selection, chosenModel,
                    Collections.nCopies(Objects.requireNonNull(candidates, "candidates").size(),
                            (String) null));
        }

        /**
         * Returns whether a candidate failed (see the class description).
         *
         * @param candidate an index into {@link #candidates()}
         * @return whether it failed and was skipped
         */
        public boolean failed(int candidate) {
            return failures.get(candidate) != null;
        }

        /**
         * Returns a copy of the correct counts.
         *
         * @return a copy of the correct counts
         */
        @Override
        public int[] correct() {
            return correct.clone();
        }

        /**
         * Returns the validation accuracy of a candidate.
         *
         * @param candidate an index into {@link #candidates()}
         * @return its fraction of correctly classified validation graphs
         */
        public double accuracy(int candidate) {
            return correct[candidate] / (double) validationSize;
        }

        /**
         * Returns the chosen candidate.
         *
         * @return the chosen candidate
         */
        public Candidate chosen() {
            return candidates.get(best);
        }

        /**
         * Returns the index of the most correct candidate, the first among equals: the choice
         * of {@link Selection#MOST_CORRECT}, whichever rule chose {@link #best()}.
         *
         * @return an index into {@link #candidates()}
         */
        public int mostCorrect() {
            return choose(candidates, correct, failedFlags(), validationSize,
                    Selection.MOST_CORRECT);
        }

        private boolean[] failedFlags() {
            boolean[] failed = new boolean[failures.size()];
            for (int c = 0; c < failed.length; c++) {
                failed[c] = failures.get(c) != null;
            }
            return failed;
        }

        /**
         * Returns the binomial standard error {@code sqrt(p (1 - p) / n)} of the best
         * validation accuracy {@code p} (of the candidates that did not fail) on the
         * {@code n} validation graphs: the tolerance of {@link Selection#ONE_STANDARD_ERROR}.
         *
         * @return a value in [0, 0.5]
         */
        public double standardError() {
            return Math.sqrt(standardErrorSquared(correct[mostCorrect()], validationSize))
                    / validationSize;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Result that && candidates.equals(that.candidates)
                    && Arrays.equals(correct, that.correct)
                    && validationSize == that.validationSize && best == that.best
                    && selection == that.selection && failures.equals(that.failures);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * candidates.hashCode() + Arrays.hashCode(correct)) + best)
                    + selection.hashCode();
        }

        @Override
        public String toString() {
            return "Result[best=" + best + ", correct=" + Arrays.toString(correct) + " of "
                    + validationSize + ", " + selection + "]";
        }
    }

    /**
     * Fits every candidate on the training split and scores it on the validation split.
     *
     * @param candidates at least one candidate; each candidate's space must hold all graphs
     * @param trainGraphs the training graphs
     * @param trainLabels one non-null label per training graph
     * @param validationGraphs the validation graphs, at least one
     * @param validationLabels one non-null label per validation graph; a label that no
     *     training graph has simply counts as an error
     * @param executor runs the predictions of each candidate
     * @param selection the rule that chooses among the scored candidates
     * @param listener hears, after each candidate, its number (from 1), its validation
     *     accuracy (NaN for a failed candidate), 0 as the step, and the elapsed time;
     *     answering false stops the search, and the rule chooses among the candidates
     *     evaluated
     * @return the counts and the chosen candidate
     * @throws IllegalArgumentException if there is no candidate, the lists are empty or differ
     *     in length, contain a null, or a candidate's fit rejects the training split
     * @throws RuntimeException the first failure (see the class description) when every
     *     candidate evaluated failed, with the later failures as its suppressed exceptions
     */
    public static Result search(List<Candidate> candidates, List<Graph> trainGraphs,
            List<String> trainLabels, List<Graph> validationGraphs,
            List<String> validationLabels, Executor executor, Selection selection,
            IterationListener listener) {
        Objects.requireNonNull(trainGraphs, "trainGraphs");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(validationGraphs, "validationGraphs");
        Objects.requireNonNull(validationLabels, "validationLabels");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(listener, "listener");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates given: the list is empty");
        }
        List<Candidate> checked = new ArrayList<>(candidates);
        for (int c = 0; c < checked.size(); c++) {
            Objects.requireNonNull(checked.get(c), "candidates[" + c + "]");
            Checks.requireLabelled(checked.get(c).space(), trainGraphs, trainLabels);
            Checks.requireLabelled(checked.get(c).space(), validationGraphs, validationLabels);
        }

        // Fit and score each candidate in turn. A model is kept while no other candidate
        // scored so far is at least as small (in size, then order) and as correct (and listed
        // first or more correct): such a one would be preferred by either rule. The kept
        // models are few, a front of size against count.
        long started = System.nanoTime();
        int[] correct = new int[checked.size()];
        boolean[] failed = new boolean[checked.size()];
        List<String> failures = new ArrayList<>();
        List<RuntimeException> thrown = new ArrayList<>();
        int evaluated = 0;
        Map<Integer, GraphClassifierModel> kept = new HashMap<>();
        for (int c = 0; c < checked.size(); c++) {
            Candidate candidate = checked.get(c);
            GraphClassifierModel model;
            try {
                model = candidate.classifier().fit(candidate.space(), trainGraphs, trainLabels);
            } catch (RuntimeException e) {
                if (!diverged(e)) {
                    throw e;
                }
                failed[c] = true;
                failures.add(e.getMessage() == null ? e.toString() : e.getMessage());
                thrown.add(e);
                evaluated++;
                if (!listener.iterationDone(c + 1, Double.NaN, 0.0,
                        System.nanoTime() - started)) {
                    break;
                }
                continue;
            }
            failures.add(null);
            List<String> predicted = model.predictAll(validationGraphs, executor);
            for (int i = 0; i < predicted.size(); i++) {
                correct[c] += predicted.get(i).equals(validationLabels.get(i)) ? 1 : 0;
            }
            if (!dominated(c, checked, correct, failed)) {
                kept.put(c, model);
                final int newest = c;
                kept.keySet().removeIf(old -> dominates(newest, old, checked, correct,
                        failed));
            }
            evaluated++;
            boolean go = listener.iterationDone(c + 1,
                    correct[c] / (double) validationGraphs.size(), 0.0,
                    System.nanoTime() - started);
            if (!go) {
                break;
            }
        }

        if (kept.isEmpty()) {
            RuntimeException first = thrown.get(0);
            for (RuntimeException later : thrown.subList(1, thrown.size())) {
                if (later != first) {
                    first.addSuppressed(later);
                }
            }
            throw first;
        }
        int[] scored = Arrays.copyOf(correct, evaluated);
        List<Candidate> scoredCandidates = checked.subList(0, evaluated);
        int best = choose(scoredCandidates, scored, Arrays.copyOf(failed, evaluated),
                validationGraphs.size(), selection);
        return new Result(scoredCandidates, scored, validationGraphs.size(), best, selection,
                kept.get(best), failures);
    }

    /**
     * Returns whether a fit's exception is a divergence of its training: a
     * {@link TrainingDivergedException}, or an exception caused by one.
     */
    static boolean diverged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TrainingDivergedException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    /**
     * Returns the index chosen by a rule among scored candidates.
     *
     * @param candidates the candidates, with their model sizes
     * @param correct their correct validation counts
     * @param n the number of validation graphs
     * @param selection the rule
     * @return the index of the chosen candidate
     */
    static int choose(List<Candidate> candidates, int[] correct, int n, Selection selection) {
        return choose(candidates, correct, new boolean[correct.length], n, selection);
    }

    /**
     * Returns the index chosen by a rule among scored candidates, skipping the failed ones.
     *
     * @param candidates the candidates, with their model sizes
     * @param correct their correct validation counts
     * @param failed which candidates failed; at least one did not
     * @param n the number of validation graphs
     * @param selection the rule
     * @return the index of the chosen candidate
     */
    static int choose(List<Candidate> candidates, int[] correct, boolean[] failed, int n,
            Selection selection) {
        int mostCorrect = -1;
        for (int c = 0; c < correct.length; c++) {
            if (!failed[c] && (mostCorrect < 0 || correct[c] > correct[mostCorrect])) {
                mostCorrect = c;
            }
        }
        if (selection == Selection.MOST_CORRECT) {
            return mostCorrect;
        }

        // Equally good: short of the best count by at most one standard error, in graphs.
        double tolerance = Math.sqrt(standardErrorSquared(correct[mostCorrect], n));
        int chosen = mostCorrect;
        for (int c = 0; c < correct.length; c++) {
            if (!failed[c] && correct[c] + tolerance >= correct[mostCorrect]
                    && preferred(c, chosen, candidates, correct)) {
                chosen = c;
            }
        }
        return chosen;
    }

    /** Returns {@code n^2} times the squared standard error of the accuracy {@code k / n}. */
    private static double standardErrorSquared(int k, int n) {
        return k * (double) (n - k) / n;
    }

    /**
     * Whether candidate {@code a} wins over {@code b} on size, then model order, then count,
     * then position in the list.
     */
    private static boolean preferred(int a, int b, List<Candidate> candidates, int[] correct) {
        int bySize = compareSize(candidates.get(a), candidates.get(b));
        if (bySize != 0) {
            return bySize < 0;
        }
        return correct[a] != correct[b] ? correct[a] > correct[b] : a < b;
    }

    /**
     * Compares two candidates by model size (0, unknown, as the largest), then by model order
     * (0, unknown or uncapped, as the largest): negative when {@code a} is the smaller model.
     */
    private static int compareSize(Candidate a, Candidate b) {
        int bySize = Integer.compare(unknownLast(a.modelSize()), unknownLast(b.modelSize()));
        return bySize != 0 ? bySize
                : Integer.compare(unknownLast(a.modelOrder()), unknownLast(b.modelOrder()));
    }

    /** Returns a model size or order for comparisons: 0 (unknown) as the largest. */
    private static int unknownLast(int sizeOrOrder) {
        return sizeOrOrder == 0 ? Integer.MAX_VALUE : sizeOrOrder;
    }

    /** Whether an earlier candidate makes candidate {@code c} never chosen. */
    private static boolean dominated(int c, List<Candidate> candidates, int[] correct,
            boolean[] failed) {
        for (int earlier = 0; earlier < c; earlier++) {
            if (dominates(earlier, c, candidates, correct, failed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether candidate {@code a} makes {@code b} never chosen, by either rule: it is at most
     * as large (in size, then order) and at least as correct, and listed first or strictly
     * more correct. A failed candidate dominates none.
     */
    private static boolean dominates(int a, int b, List<Candidate> candidates, int[] correct,
            boolean[] failed) {
        return !failed[a] && compareSize(candidates.get(a), candidates.get(b)) <= 0
                && correct[a] >= correct[b] && (a < b || correct[a] > correct[b]);
    }

    /**
     * Runs {@link #search(List, List, List, List, List, Executor, Selection,
     * IterationListener)} with the default rule, {@link Selection#MOST_CORRECT}, and without a
     * listener.
     *
     * @param candidates at least one candidate
     * @param trainGraphs the training graphs
     * @param trainLabels one non-null label per training graph
     * @param validationGraphs the validation graphs
     * @param validationLabels one non-null label per validation graph
     * @param executor runs the predictions of each candidate
     * @return the counts and the chosen candidate
     * @throws IllegalArgumentException as the full method
     */
    public static Result search(List<Candidate> candidates, List<Graph> trainGraphs,
            List<String> trainLabels, List<Graph> validationGraphs,
            List<String> validationLabels, Executor executor) {
        Objects.requireNonNull(trainGraphs, "trainGraphs");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(validationGraphs, "validationGraphs");
        Objects.requireNonNull(validationLabels, "validationLabels");
        return search(candidates, trainGraphs, trainLabels, validationGraphs, validationLabels,
                executor, Selection.MOST_CORRECT, IterationListener.NONE);
    }
}
