package org.orbifold.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/** Index-ordered parallel map: task {@code i} writes slot {@code i} only. */
final class Parallel {

    private Parallel() {
    }

    /**
     * Runs {@code task} for every index {@code 0..n-1} on the executor and returns the results
     * in index order, so any reduction over them is independent of the number of threads.
     * A runtime exception or error of a task is rethrown unwrapped.
     */
    static <T> List<T> map(int n, IntFunction<T> task, Executor executor) {
        List<CompletableFuture<T>> pending = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            pending.add(CompletableFuture.supplyAsync(() -> task.apply(index), executor));
        }
        List<T> results = new ArrayList<>(n);
        for (CompletableFuture<T> future : pending) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
        return results;
    }
}
