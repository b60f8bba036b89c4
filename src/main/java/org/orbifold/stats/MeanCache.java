package org.orbifold.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Remembers the results of {@link FrechetMean} computations, so that a batch of fits that
 * needs the same mean several times (a validation search whose candidates differ only in
 * settings the mean does not depend on, such as learning rates or hidden units) computes it
 * once. Give the same cache to the {@linkplain FrechetMean.Builder#cache(MeanCache) means}
 * of the fits that may share, and {@link #clear()} it when the batch is done.
 *
 * <p><b>What makes two computations the same.</b> A result is reused only for a computation
 * whose key equals that of the computation that produced it, and the key holds everything
 * the mean depends on: the graph space's order, dimensions and node and edge weights
 * (compared as doubles, bit for bit); the graphs in order, compared by content
 * ({@link Graph#equals}, every attribute bit for bit); the weights as given (or none); and
 * the estimator's settings: the aligner (the same instance), the iteration limit, the
 * tolerance, the starting rule, the starting graph (by content) or starting medoid (the same
 * instance), the number of restarts and the seed. The executor is not part of the key: the
 * mean is bit for bit the same on every executor and thread count ({@link FrechetMean}).
 * A mean with a listener is never cached, since the listener may stop the run and expects
 * to hear its iterations. Equal keys therefore give bit-identical computations, and a reused
 * result is exactly what the computation would have returned, unless the aligner's answer
 * depends on the wall clock (a time limit that binds, see
 * {@link org.orbifold.match.Aligner}), when the reused result is one the computation could
 * have returned. A computation that throws stores nothing.
 *
 * <p><b>Memory.</b> At most {@link #capacity()} results are held, each with its key (which
 * refers to the graphs, not copies of them); beyond that the least recently used is dropped,
 * and a later computation of it runs again, with the same result. Size the capacity to the
 * means of one fit (one per class for class means) when fits that share are consecutive.
 *
 * <p>Thread-safe. Two threads that compute the same key at once both compute it; the
 * result stored first is returned to both.
 */
public final class MeanCache {

    private final int capacity;
    private final Map<Key, CenterResult> results;
    private long computed;
    private long reused;

    /**
     * Creates an empty cache.
     *
     * @param capacity the most results held at once, at least 1
     * @throws IllegalArgumentException if the capacity is less than 1
     */
    public MeanCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.results = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CenterResult> eldest) {
                return size() > MeanCache.this.capacity;
            }
        };
    }

    /**
     * Returns the most results held at once.
     *
     * @return the most results held at once
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns the number of results held now.
     *
     * @return the number of results held now
     */
    public synchronized int size() {
        return results.size();
    }

    /**
     * Returns the number of means computed through this cache (not found in it).
     *
     * @return the number of means computed through this cache (not found in it)
     */
    public synchronized long computed() {
        return computed;
    }

    /**
     * Returns the number of means returned from this cache without computing them.
     *
     * @return the number of means returned from this cache without computing them
     */
    public synchronized long reused() {
        return reused;
    }

    /** Drops every result held; the counts stay. */
    public synchronized void clear() {
        results.clear();
    }

    /**
     * Returns the stored result of a key, or computes, stores and returns it.
     *
     * @param key the computation's key
     * @param computation computes the result; called without the lock held
     */
    CenterResult get(Key key, Supplier<CenterResult> computation) {
        synchronized (this) {
            CenterResult found = results.get(key);
            if (found != null) {
                reused++;
                return found;
            }
        }
        CenterResult result = computation.get();
        synchronized (this) {
            computed++;
            CenterResult first = results.putIfAbsent(key, result);
            return first != null ? first : result;
        }
    }

    /**
     * Everything a mean depends on (see the class description). Doubles compare as
     * {@link Double#equals} does, bit for bit; the aligner and a starting medoid compare by
     * identity.
     */
    static final class Key {
        private final Aligner aligner;
        private final MedoidResult initialMedoid;
        private final List<Object> values;
        private final List<Graph> graphs;
        private final double[] weights;
        private final int hash;

        /**
         * Builds the key of a computation.
         *
         * @param options the estimator's settings
         * @param start the mean's starting rule
         * @param space the graph space
         * @param graphs the validated graphs, in order
         * @param weights the weights as given, or null for unit weights
         */
        Key(CenterOptions options, FrechetMean.Start start, GraphSpace space,
                List<Graph> graphs, double[] weights) {
            this.aligner = options.aligner();
            this.initialMedoid = options.initialMedoid();
            this.values = Arrays.asList(start, options.maxIterations(), options.tolerance(),
                    options.initial(), options.restarts(), options.seed(), space.size(),
                    space.nodeDimension(), space.edgeDimension(), space.nodeWeight(),
                    space.edgeWeight());
            this.graphs = List.copyOf(graphs);
            this.weights = weights == null ? null : weights.clone();
            int h = System.identityHashCode(aligner);
            h = 31 * h + System.identityHashCode(initialMedoid);
            h = 31 * h + values.hashCode();
            h = 31 * h + this.graphs.hashCode();
            this.hash = 31 * h + Arrays.hashCode(this.weights);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && hash == k.hash && aligner == k.aligner
                    && initialMedoid == k.initialMedoid && values.equals(k.values)
                    && Arrays.equals(weights, k.weights) && graphs.equals(k.graphs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Override
    public String toString() {
        return "MeanCache[capacity=" + capacity + ", held=" + size() + ", computed="
                + computed() + ", reused=" + reused() + "]";
    }
}
