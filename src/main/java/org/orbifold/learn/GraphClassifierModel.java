package org.orbifold.learn;

import java.util.List;
import java.util.concurrent.Executor;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IndexedTasks;
import org.orbifold.space.LabelEncoder;

/**
 * A fitted graph classifier. Models are immutable and safe to use from many threads at once;
 * every prediction is deterministic (the aligners are seeded at construction).
 */
public interface GraphClassifierModel {

    /**
     * Returns the graph space the model was fitted in; queries must be members of it.
     *
     * @return the graph space the model was fitted in; queries must be members of it
     */
    GraphSpace space();

    /**
     * Returns the class labels the model can predict, in {@link LabelEncoder} order.
     *
     * @return the class labels the model can predict, in {@link LabelEncoder} order
     */
    LabelEncoder classes();

    /**
     * Predicts the class of a graph.
     *
     * @param graph a member of {@link #space()}
     * @return one of the labels of {@link #classes()}
     * @throws NullPointerException if the graph is null
     * @throws IllegalArgumentException if the graph is not in the space
     */
    String predict(Graph graph);

    /**
     * Returns one score per class, in {@link #classes()} order; larger means more likely. The
     * meaning of the numbers depends on the model (negative distances for prototype models,
     * vote fractions for nearest neighbours) and is documented there, as is whether
     * {@link #predict} can name a class other than the first of largest score (nearest
     * neighbours break equal votes by distance, which their scores do not show).
     *
     * @param graph a member of {@link #space()}
     * @return a new array of {@code classes().size()} scores
     * @throws NullPointerException if the graph is null
     * @throws IllegalArgumentException if the graph is not in the space
     */
    double[] scores(Graph graph);

    /**
     * Predicts the classes of several graphs, one task per graph on the executor. The result
     * is in input order and the same for any executor.
     *
     * <p>Calling this method from a task that runs on the same executor can deadlock when the
     * executor has a bounded number of threads (a fixed thread pool): the calling task waits
     * for the prediction tasks it queued behind itself, and with one thread it hangs. Give
     * such a nested call another executor; a {@link java.util.concurrent.ForkJoinPool} adds
     * threads for its blocked workers and does not hang this way.
     *
     * @param graphs members of {@link #space()}, no null entries
     * @param executor runs the predictions, for example a fixed thread pool or
     *     {@code Runnable::run} for the calling thread
     * @return the predicted labels, in input order
     * @throws IllegalArgumentException if a graph is null or not in the space
     */
    default List<String> predictAll(List<Graph> graphs, Executor executor) {
        List<Graph> checked = space().requireMembers(graphs);
        return List.copyOf(IndexedTasks.map(checked.size(), i -> predict(checked.get(i)),
                executor));
    }
}
