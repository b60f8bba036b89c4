package org.orbifold.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * Runs independent indexed tasks on an executor and collects their results in index order,
 * so that any reduction done afterwards by the caller is the same for every thread count.
 * The batch steps of every layer (alignments to a center, all-pairs distances, the
 * assignment step of clustering, predictions) go through it; it lives in the lowest package
 * so that each layer can use it.
 */
public final class IndexedTasks {

    private IndexedTasks() {
    }

    /**
     * Computes {@code task.apply(i)} for {@code i = 0..n-1} on {@code executor}.
     *
     * @param n the number of tasks
     * @param task a task that depends only on its index and on immutable shared state
     * @param executor where the tasks run
     * @param <T> the result type
     * @return the results, element {@code i} from task {@code i}
     * @throws NullPointerException if {@code task} or {@code executor} is null (the message
     *     names it)
     * @throws RuntimeException the first failure in index order, unwrapped
     */
    public static <T> List<T> map(int n, IntFunction<T> task, Executor executor) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(executor, "executor");
        List<CompletableFuture<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> task.apply(index), executor));
        }
        List<T> results = new ArrayList<>(n);
        for (CompletableFuture<T> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
        return results;
    }
}
