package org.orbifold.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * Runs independent indexed tasks on an executor and collects their results in index order,
 * so that any reduction done afterwards by the caller is the same for every thread count.
 */
final class Batch {

    private Batch() {
    }

    /**
     * Computes {@code task.apply(i)} for {@code i = 0..n-1} on {@code executor}.
     *
     * @param n the number of tasks
     * @param task a task that depends only on its index and on immutable shared state
     * @param executor where the tasks run
     * @param <T> the result type
     * @return the results, element {@code i} from task {@code i}
     * @throws RuntimeException the first failure in index order, unwrapped
     */
    static <T> List<T> map(int n, IntFunction<T> task, Executor executor) {
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
