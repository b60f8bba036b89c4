package org.orbifold.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p><b>Tie rule.</b> The chosen candidate has the most correctly classified validation
 * graphs (counts are compared, so there is no rounding); among candidates with equal counts
 * the one listed first wins. Callers list simpler settings first (smaller {@code k}, fewer
 * prototypes, unit weights) to prefer them on ties.
 *
 * <p><b>Determinism.</b> Candidates are fitted one after another on the calling thread, each
 * with its own seeded configuration; the predictions of each candidate run on the executor
 * and are collected in input order. The result is the same for every executor and thread
 * count.
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Limitations.</b> A plain grid: every candidate is fitted and evaluated in full, and
 * nothing is shared between candidates that differ only in a parameter the distances do not
 * depend on (k-NN candidates with several {@code k} recompute the same distances). A learner
 * whose fitting is sequential (learning vector quantization) uses one thread while fitting.
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
     */
    public record Candidate(String description, GraphSpace space, GraphClassifier classifier) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Candidate {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(classifier, "classifier");
        }
    }

    /**
     * The outcome of a search.
     *
     * @param candidates the candidates, in the given order
     * @param correct the number of correctly classified validation graphs of each candidate;
     *     copied on the way in and out
     * @param validationSize the number of validation graphs
     * @param best the index of the chosen candidate
     * @param chosenModel the chosen candidate's model, fitted on the training split during
     *     the search (fitting is deterministic, so a caller that would refit the same setting
     *     on the same graphs can use it instead); not part of equality
     */
    public record Result(List<Candidate> candidates, int[] correct, int validationSize,
            int best, GraphClassifierModel chosenModel) {

        /**
         * Copies the components and checks that they agree.
         *
         * @throws IllegalArgumentException if the lengths differ, the size is not positive,
         *     or {@code best} is out of range
         */
        public Result {
            candidates = List.copyOf(candidates);
            correct = correct.clone();
            if (correct.length != candidates.size()) {
                throw new IllegalArgumentException(correct.length + " counts for "
                        + candidates.size() + " candidates");
            }
            if (validationSize < 1) {
                throw new IllegalArgumentException("validationSize must be >= 1, got "
                        + validationSize);
            }
            if (best < 0 || best >= candidates.size()) {
                throw new IllegalArgumentException("best = " + best + " is not a candidate"
                        + " index, 0.." + (candidates.size() - 1));
            }
            Objects.requireNonNull(chosenModel, "chosenModel");
        }

        /** Returns a copy of the correct counts. */
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

        /** Returns the chosen candidate. */
        public Candidate chosen() {
            return candidates.get(best);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Result that && candidates.equals(that.candidates)
                    && Arrays.equals(correct, that.correct)
                    && validationSize == that.validationSize && best == that.best;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * candidates.hashCode() + Arrays.hashCode(correct)) + best;
        }

        @Override
        public String toString() {
            return "Result[best=" + best + ", correct=" + Arrays.toString(correct) + " of "
                    + validationSize + "]";
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
     * @param listener hears, after each candidate, its number (from 1), its validation
     *     accuracy, 0 as the step, and the elapsed time; answering false stops the search, and
     *     the best candidate among those evaluated is chosen
     * @return the counts and the chosen candidate
     * @throws IllegalArgumentException if there is no candidate, the lists are empty or differ
     *     in length, contain a null, or a candidate's fit rejects the training split
     */
    public static Result search(List<Candidate> candidates, List<Graph> trainGraphs,
            List<String> trainLabels, List<Graph> validationGraphs,
            List<String> validationLabels, Executor executor, IterationListener listener) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(executor, "executor");
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

        // Fit and score each candidate in turn; the first strict improvement is kept.
        long started = System.nanoTime();
        int[] correct = new int[checked.size()];
        int evaluated = 0;
        int best = 0;
        GraphClassifierModel bestModel = null;
        for (int c = 0; c < checked.size(); c++) {
            Candidate candidate = checked.get(c);
            GraphClassifierModel model = candidate.classifier().fit(candidate.space(),
                    trainGraphs, trainLabels);
            List<String> predicted = model.predictAll(validationGraphs, executor);
            for (int i = 0; i < predicted.size(); i++) {
                correct[c] += predicted.get(i).equals(validationLabels.get(i)) ? 1 : 0;
            }
            if (bestModel == null || correct[c] > correct[best]) {
                best = c;
                bestModel = model;
            }
            evaluated++;
            boolean go = listener.iterationDone(c + 1,
                    correct[c] / (double) validationGraphs.size(), 0.0,
                    System.nanoTime() - started);
            if (!go) {
                break;
            }
        }

        return new Result(checked.subList(0, evaluated), Arrays.copyOf(correct, evaluated),
                validationGraphs.size(), best, bestModel);
    }

    /**
     * Runs {@link #search(List, List, List, List, List, Executor, IterationListener)} without a
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
        return search(candidates, trainGraphs, trainLabels, validationGraphs, validationLabels,
                executor, IterationListener.NONE);
    }
}
