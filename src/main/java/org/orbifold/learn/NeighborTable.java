package org.orbifold.learn;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.orbifold.match.Aligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The nearest training graphs of queries, kept for the {@link NearestNeighbors} models that
 * share a training set: k-NN candidates of a validation search that differ only in
 * {@code k} each search a validation graph's {@code depth} nearest training graphs once
 * (the largest {@code k} listed), and each votes with the first {@code k} of them. Give the
 * same table to the {@linkplain NearestNeighbors.Builder#table(NeighborTable) classifiers}
 * that may share, and {@link #close()} it when the search is done, so that later
 * predictions (of the test split) search only their own {@code k} nearest.
 *
 * <p><b>Why sharing changes no prediction.</b> A model's {@code k} nearest are the {@code k}
 * smallest pairs {@code (distance, index)} in lexicographic order, and the {@code depth}
 * nearest are the {@code depth} smallest in the same order, so for {@code k <= depth} the
 * first are the first {@code k} of the second; the distances are the aligner's answers for
 * the same pairs, which it gives the same way whenever asked ({@link NearestNeighbors}), and
 * the votes add the first {@code k} in the same rank order. A table entry is used only by a
 * model whose key equals the one that searched it: the graph space's order, dimensions and
 * weights (doubles compared bit for bit), the aligner (the same instance), whether lower
 * bounds are on, and the training graphs in order, compared by content
 * ({@link Graph#equals}); within an entry a query is found by its content. A model whose
 * {@code k} exceeds the depth does not use the table.
 *
 * <p><b>Memory.</b> At most {@link #capacity()} training sets are held, each with the
 * {@code depth} neighbours of every query searched, and a reference to the training graphs
 * and the queries; beyond that the least recently used is dropped, and its queries are
 * searched again when asked, with the same answers. {@link #close()} drops everything.
 *
 * <p>Thread-safe; predictions of one model may run in parallel. Two threads that search the
 * same query at once both search it, and the answer stored first is returned to both.
 */
public final class NeighborTable {

    private final int depth;
    private final int capacity;
    private final Map<Key, Map<Graph, NearestNeighbors.Neighbours>> entries;
    private boolean closed;
    private long searched;
    private long reused;

    /**
     * Creates an empty, open table.
     *
     * @param depth the neighbours searched and kept per query, at least 1: the largest
     *     {@code k} of the models that share it
     * @param capacity the most training sets held at once, at least 1
     * @throws IllegalArgumentException if the depth or the capacity is less than 1
     */
    public NeighborTable(int depth, int capacity) {
        this.depth = Checks.atLeast("depth", depth, 1);
        this.capacity = Checks.atLeast("capacity", capacity, 1);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(
                    Map.Entry<Key, Map<Graph, NearestNeighbors.Neighbours>> eldest) {
                return size() > NeighborTable.this.capacity;
            }
        };
    }

    /**
     * Returns the neighbours searched and kept per query.
     *
     * @return the neighbours searched and kept per query
     */
    public int depth() {
        return depth;
    }

    /**
     * Returns the most training sets held at once.
     *
     * @return the most training sets held at once
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns the number of queries searched through this table (not found in it).
     *
     * @return the number of queries searched through this table (not found in it)
     */
    public synchronized long searched() {
        return searched;
    }

    /**
     * Returns the number of queries answered from this table without a search.
     *
     * @return the number of queries answered from this table without a search
     */
    public synchronized long reused() {
        return reused;
    }

    /**
     * Returns whether the table is closed.
     *
     * @return whether the table is closed
     */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Drops everything held; from now on models search their own {@code k} nearest, as
     * without a table.
     */
    public synchronized void close() {
        closed = true;
        entries.clear();
    }

    /**
     * Returns the key of a model's training set, the equal key held already if there is one
     * (so that the model's lookups find it at once).
     */
    synchronized Key key(GraphSpace space, Aligner aligner, boolean lowerBounds,
            List<Graph> graphs) {
        Key key = new Key(space, aligner, lowerBounds, graphs);
        for (Key held : entries.keySet()) {
            if (held.equals(key)) {
                return held;
            }
        }
        return key;
    }

    /**
     * Returns the {@code depth} nearest of a query, searching and storing them if they are not
     * held, or null when the table is closed.
     *
     * @param key the model's key, from {@link #key}
     * @param query a member of the model's space
     * @param search searches the query's nearest, at most {@code depth} of them (fewer only
     *     when the training set is smaller); called without the lock held
     */
    NearestNeighbors.Neighbours nearest(Key key, Graph query,
            Function<Graph, NearestNeighbors.Neighbours> search) {
        synchronized (this) {
            if (closed) {
                return null;
            }
            Map<Graph, NearestNeighbors.Neighbours> queries = entries.get(key);
            NearestNeighbors.Neighbours found = queries == null ? null : queries.get(query);
            if (found != null) {
                reused++;
                return found;
            }
        }
        NearestNeighbors.Neighbours found = search.apply(query);
        synchronized (this) {
            searched++;
            if (closed) {
                return found;
            }
            NearestNeighbors.Neighbours first = entries.computeIfAbsent(key,
                    k -> new HashMap<>()).putIfAbsent(query, found);
            return first != null ? first : found;
        }
    }

    @Override
    public String toString() {
        return "NeighborTable[depth=" + depth + ", capacity=" + capacity + ", searched="
                + searched() + ", reused=" + reused() + (isClosed() ? ", closed]" : "]");
    }

    /** Everything a training set's neighbour lists depend on (see the class description). */
    static final class Key {
        private final Aligner aligner;
        private final boolean lowerBounds;
        private final List<Object> space;
        private final List<Graph> graphs;
        private final int hash;

        private Key(GraphSpace space, Aligner aligner, boolean lowerBounds,
                List<Graph> graphs) {
            this.aligner = aligner;
            this.lowerBounds = lowerBounds;
            this.space = List.of(space.size(), space.nodeDimension(), space.edgeDimension(),
                    space.nodeWeight(), space.edgeWeight());
            this.graphs = List.copyOf(graphs);
            this.hash = 31 * (31 * (31 * System.identityHashCode(aligner)
                    + Boolean.hashCode(lowerBounds)) + this.space.hashCode())
                    + this.graphs.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && hash == k.hash && aligner == k.aligner
                    && lowerBounds == k.lowerBounds && space.equals(k.space)
                    && graphs.equals(k.graphs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
