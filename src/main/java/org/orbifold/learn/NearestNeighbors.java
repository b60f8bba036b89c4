package org.orbifold.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.orbifold.match.Aligner;
import org.orbifold.match.DistanceLowerBound;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

/**
 * The k-nearest-neighbour classifier under the graph distance
 * {@code d(X, Y) = min_pi ||X - pi . Y||} computed by an {@link Aligner}: a query takes the
 * majority label of its {@code k} nearest training graphs (Cover and Hart, "Nearest neighbor
 * pattern classification", IEEE Trans. Inf. Theory 13(1), 21-27, 1967,
 * doi:10.1109/TIT.1967.1053964).
 *
 * <p>Tie rules, all deterministic: training graphs at equal distance are ranked by their
 * index in the training list, which decides who enters the {@code k} nearest; among classes
 * with equally many votes the one whose voting neighbours have the smaller summed distance
 * wins, and if that ties too, the class that comes first in {@link LabelEncoder} order.
 *
 * <p><b>Search.</b> Fitting stores the training set. The exhaustive search aligns the query
 * to every training graph ({@code N} alignments, training graph as the reference) and keeps
 * the {@code k} smallest pairs {@code (distance, index)} in lexicographic order. With
 * {@link Builder#lowerBounds(boolean) lower bounds} (the default), fitting also stores a
 * {@link DistanceLowerBound.Profile} of every training graph, and a query
 * <ol>
 *   <li>computes the cheap bound {@link DistanceLowerBound#quickSquaredDistance} to every
 *       training graph and turns it into a distance bound {@code b_i} by
 *       {@link DistanceLowerBound#distance} (all training graphs in a heap keyed by
 *       {@code b_i});</li>
 *   <li>takes the training graph of smallest key; if it has only the cheap bound, replaces its
 *       key by the larger of it and the bound of {@link DistanceLowerBound#squaredDistance}
 *       (which adds a node assignment problem) and puts it back; otherwise aligns it and
 *       updates the {@code k} best pairs found so far;</li>
 *   <li>stops when {@code k} pairs are held and the smallest key left is strictly greater
 *       than the {@code k}-th smallest distance {@code D_k} found, or when no graph is
 *       left.</li>
 * </ol>
 * <b>Why the answer is exactly the exhaustive one.</b> Every key is at most every distance
 * the aligner can report for its pair ({@link DistanceLowerBound}: the bound lies below the
 * true distance, which lies below the distance attained by any permutation, and the margin
 * covers rounding), and a key only grows when it is refined. When the search stops, every
 * graph {@code j} not aligned has a reported distance {@code d_j >= key_j > D_k}, so the pair
 * {@code (d_j, j)} comes after the {@code k}-th pair held in the lexicographic order whatever
 * its index: strictness of {@code >} is what keeps ties at {@code D_k} resolved by index as
 * in the exhaustive search. The {@code k} pairs held are the {@code k} smallest among the
 * aligned graphs, hence among all. Since the aligner answers a pair the same way whenever it
 * is asked (the determinism contract of {@link Aligner}), the neighbours, their distances,
 * the votes, the summed distances (added in the same rank order) and therefore the
 * predictions and scores are bit for bit those of the exhaustive search with the same
 * aligner. The number of alignments saved depends on the data: {@link Model#neighbours}
 * reports it per query, and the model counts it over all queries.
 *
 * <p><b>Shared neighbours.</b> Models given one {@link NeighborTable}
 * ({@link Builder#table}) and fitted on an equal training set in an equal space, with the
 * same aligner and search, search each query's {@code depth} nearest once and vote with the
 * first {@code k} of them: the {@code k} smallest pairs in the lexicographic order are the
 * first {@code k} of the {@code depth} smallest, so the predictions and scores are those of
 * the model's own search. A validation search over several {@code k} then costs one search
 * per validation graph, as deep as the largest {@code k}.
 *
 * <p>Instances are immutable and thread-safe if the aligner and the table are; fitted models
 * are thread-safe (their counters are atomic).
 *
 * <p><b>Limitations.</b> The cost of a prediction still grows linearly with the training set
 * (the cheap bounds), and the bounds only help where near graphs are much nearer than the
 * bulk: with graphs of similar label and bond counts but different structure most of them
 * are aligned anyway. With a heuristic aligner every distance is an upper bound, so a
 * neighbour may be missed when its alignment is poor, with or without the bounds.
 */
public final class NearestNeighbors implements GraphClassifier {

    /**
     * Whether the lower-bound search is on by default: it never changes a result and was
     * measured to cost less time on MUTAG, Letter and Mutagenicity (docs/results.md, 6.11).
     */
    public static final boolean DEFAULT_LOWER_BOUNDS = true;

    private final Aligner aligner;
    private final int k;
    private final boolean lowerBounds;
    private final NeighborTable table;

    /**
     * Configures a k-nearest-neighbour classifier with the default search
     * ({@link #DEFAULT_LOWER_BOUNDS}).
     *
     * @param aligner computes the graph distances
     * @param k the number of neighbours that vote, at least 1
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public NearestNeighbors(Aligner aligner, int k) {
        this(aligner, k, DEFAULT_LOWER_BOUNDS, null);
    }

    private NearestNeighbors(Aligner aligner, int k, boolean lowerBounds,
            NeighborTable table) {
        this.aligner = Objects.requireNonNull(aligner, "aligner");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        this.lowerBounds = lowerBounds;
        this.table = table;
    }

    /**
     * Returns a builder; the aligner is required, {@code k} defaults to 1.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of voting neighbours.
     *
     * @return the number of voting neighbours
     */
    public int k() {
        return k;
    }

    /**
     * Returns whether queries skip alignments by the lower bounds.
     *
     * @return whether queries skip alignments by the lower bounds
     */
    public boolean lowerBounds() {
        return lowerBounds;
    }

    /**
     * {@inheritDoc}
     *
     * <p>With lower bounds, also computes the bound profile of every training graph.
     *
     * @throws IllegalArgumentException also if {@code k} exceeds the number of training graphs
     */
    @Override
    public Model fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        Checks.requireClasses("k-NN", checked);
        if (k > graphs.size()) {
            throw new IllegalArgumentException("k = " + k + " exceeds the number of training"
                    + " graphs, " + graphs.size());
        }
        return new Model(this, space, List.copyOf(graphs), checked);
    }

    /** Configures a {@link NearestNeighbors}. */
    public static final class Builder {
        private Aligner aligner;
        private int k = 1;
        private boolean lowerBounds = DEFAULT_LOWER_BOUNDS;
        private NeighborTable table;

        private Builder() {
        }

        /**
         * Sets a table of nearest neighbours that the predictions and scores of the fitted
         * models share with every other model given the same table and fitted on an equal
         * training set in an equal space with the same aligner and search: each query's
         * {@link NeighborTable#depth()} nearest are searched once, and a model votes with
         * the first {@code k} of them (see {@link NeighborTable}; the predictions are the
         * same as without it). {@link Model#neighbours} does not use it, nor does a model
         * whose {@code k} exceeds the depth, nor any model once the table is closed.
         *
         * @param value the table, or null for none (the default)
         * @return this builder
         */
        public Builder table(NeighborTable value) {
            this.table = value;
            return this;
        }

        /**
         * Sets the aligner that computes the graph distances (required).
         *
         * @param value the aligner
         * @return this builder
         */
        public Builder aligner(Aligner value) {
            this.aligner = Objects.requireNonNull(value, "aligner");
            return this;
        }

        /**
         * Sets the number of neighbours that vote (default 1).
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value < 1}
         */
        public Builder k(int value) {
            this.k = Checks.atLeast("k", value, 1);
            return this;
        }

        /**
         * Sets whether queries skip alignments that the lower bounds of
         * {@link DistanceLowerBound} rule out (default {@link #DEFAULT_LOWER_BOUNDS}). The
         * predictions, scores and neighbour distances are the same either way (class
         * description); only the number of alignments changes.
         *
         * @param value true to search with lower bounds, false to align every training graph
         * @return this builder
         */
        public Builder lowerBounds(boolean value) {
            this.lowerBounds = value;
            return this;
        }

        /**
         * Returns the configured classifier.
         *
         * @return the classifier
         * @throws IllegalStateException if no aligner was set (as the other learners'
         *     builders)
         */
        public NearestNeighbors build() {
            if (aligner == null) {
                throw new IllegalStateException("no aligner set");
            }
            return new NearestNeighbors(aligner, k, lowerBounds, table);
        }
    }

    /**
     * The {@code k} nearest training graphs of one query.
     *
     * @param indices the training indices of the neighbours, nearest first, ties by index;
     *     copied on the way in and out
     * @param distances their distances, in the same order; copied on the way in and out
     * @param alignments the alignments computed for the query
     * @param skipped the training graphs not aligned because a lower bound ruled them out
     */
    public record Neighbours(int[] indices, double[] distances, int alignments, int skipped) {

        /**
         * Copies the arrays.
         *
         * @param indices the training indices of the neighbours, nearest first
         * @param distances their distances, in the same order
         * @param alignments the alignments computed for the query
         * @param skipped the training graphs not aligned because a lower bound ruled them out
         * @throws IllegalArgumentException if the arrays differ in length or a count is
         *     negative
         */
        public Neighbours {
            indices = Objects.requireNonNull(indices, "indices").clone();
            distances = Objects.requireNonNull(distances, "distances").clone();
            if (indices.length != distances.length) {
                throw new IllegalArgumentException("indices and distances differ in length: "
                        + indices.length + " and " + distances.length);
            }
            if (alignments < 0 || skipped < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got " + alignments
                        + " alignments and " + skipped + " skipped");
            }
        }

        /**
         * Returns a copy of the neighbours' training indices.
         *
         * @return a copy of the neighbours' training indices
         */
        @Override
        public int[] indices() {
            return indices.clone();
        }

        /**
         * Returns a copy of the neighbours' distances.
         *
         * @return a copy of the neighbours' distances
         */
        @Override
        public double[] distances() {
            return distances.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Neighbours that && Arrays.equals(indices, that.indices)
                    && Arrays.equals(distances, that.distances) && alignments == that.alignments
                    && skipped == that.skipped;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(indices) + Arrays.hashCode(distances))
                    + 31 * alignments + skipped;
        }

        @Override
        public String toString() {
            return "Neighbours[indices=" + Arrays.toString(indices) + ", distances="
                    + Arrays.toString(distances) + ", alignments=" + alignments + ", skipped="
                    + skipped + "]";
        }
    }

    /**
     * A fitted k-nearest-neighbour model: the stored training set, and with lower bounds the
     * training graphs' bound profiles. Its {@link #scores} are the vote fractions of the
     * classes among the {@code k} nearest training graphs, without the tie-break of
     * {@link #predict} (equal votes score the same). It counts, over all calls of
     * {@link #predict}, {@link #scores} and {@link #neighbours}, the alignments computed and
     * skipped; with a shared {@link NeighborTable}, a query answered from the table counts
     * none, and one searched for it counts the search as deep as the table.
     */
    public static final class Model implements GraphClassifierModel, AlignmentCounting {

        private final Aligner aligner;
        private final int k;
        private final GraphSpace space;
        private final List<Graph> graphs;
        private final LabelEncoder classes;
        private final int[] codes;
        private final DistanceLowerBound.Profile[] profiles;
        private final LongAdder computed = new LongAdder();
        private final LongAdder skipped = new LongAdder();
        private final NeighborTable table;
        private final NeighborTable.Key tableKey;

        private Model(NearestNeighbors config, GraphSpace space, List<Graph> graphs,
                List<String> labels) {
            this.aligner = config.aligner;
            this.k = config.k;
            this.space = space;
            this.graphs = graphs;
            this.classes = LabelEncoder.of(labels);
            this.codes = new int[labels.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = classes.indexOf(labels.get(i));
            }
            if (config.lowerBounds) {
                profiles = new DistanceLowerBound.Profile[graphs.size()];
                for (int i = 0; i < profiles.length; i++) {
                    profiles[i] = DistanceLowerBound.profile(space, graphs.get(i));
                }
            } else {
                profiles = null;
            }
            boolean shares = config.table != null && k <= config.table.depth();
            this.table = shares ? config.table : null;
            this.tableKey = shares ? table.key(space, aligner, config.lowerBounds, graphs)
                    : null;
        }

        @Override
        public GraphSpace space() {
            return space;
        }

        @Override
        public LabelEncoder classes() {
            return classes;
        }

        /**
         * Returns the number of voting neighbours.
         *
         * @return the number of voting neighbours
         */
        public int k() {
            return k;
        }

        /**
         * Returns whether queries skip alignments by the lower bounds.
         *
         * @return whether queries skip alignments by the lower bounds
         */
        public boolean lowerBounds() {
            return profiles != null;
        }

        /** Returns the alignments computed by all queries so far. */
        @Override
        public long alignmentsComputed() {
            return computed.sum();
        }

        /** Returns the alignments skipped by the lower bounds over all queries so far. */
        @Override
        public long alignmentsSkipped() {
            return skipped.sum();
        }

        /**
         * Returns the distances from a graph to every training graph, in training order,
         * always by aligning all of them (not counted by the model's counters).
         *
         * @param graph a member of the space
         * @return a new array of {@code N} distances
         */
        public double[] distances(Graph graph) {
            space.requireMember(graph);
            double[] distances = new double[graphs.size()];
            for (int i = 0; i < distances.length; i++) {
                distances[i] = aligner.align(space, graphs.get(i), graph).distance();
            }
            return distances;
        }

        /**
         * Returns the {@code k} nearest training graphs of a query with their distances,
         * found by the configured search (the same answer either way; class description).
         *
         * @param graph a member of the space
         * @return the neighbours and the alignments computed and skipped
         * @throws IllegalArgumentException if the graph is not in the space
         */
        public Neighbours neighbours(Graph graph) {
            space.requireMember(graph);
            Neighbours found = profiles == null ? exhaustive(graph) : bounded(graph);
            computed.add(found.alignments());
            skipped.add(found.skipped());
            return found;
        }

        @Override
        public String predict(Graph graph) {
            Votes votes = vote(graph);
            int best = 0;
            for (int c = 1; c < classes.size(); c++) {
                if (votes.count[c] > votes.count[best] || (votes.count[c] == votes.count[best]
                        && votes.distance[c] < votes.distance[best])) {
                    best = c;
                }
            }
            return classes.label(best);
        }

        /**
         * Returns the vote fraction of every class among the {@code k} nearest training
         * graphs, in {@link #classes()} order; they sum to 1.
         *
         * <p>The fractions do not carry {@link #predict}'s tie-break: when several classes
         * have the most votes, they score the same, while {@code predict} names the one whose
         * voting neighbours have the smaller summed distance (then the first in label order).
         * The first class of largest score can therefore differ from the prediction; use
         * {@code predict} for the class, and the scores for the votes.
         *
         * @param graph a member of the space
         * @return a new array of {@code classes().size()} vote fractions
         * @throws NullPointerException if the graph is null
         * @throws IllegalArgumentException if the graph is not in the space
         */
        @Override
        public double[] scores(Graph graph) {
            Votes votes = vote(graph);
            double[] scores = new double[classes.size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = votes.count[c] / (double) k;
            }
            return scores;
        }

        /**
         * Counts the votes and summed distances of the k nearest, in rank order: the first k
         * of the table's neighbours when the model shares a table, else its own search.
         */
        private Votes vote(Graph graph) {
            Neighbours found = null;
            if (table != null) {
                space.requireMember(graph);
                found = table.nearest(tableKey, graph, this::searchDeep);
            }
            if (found == null) {
                found = neighbours(graph);
            }
            Votes votes = new Votes(classes.size());
            for (int r = 0; r < k; r++) {
                int i = found.indices[r];
                votes.count[codes[i]]++;
                votes.distance[codes[i]] += found.distances[r];
            }
            return votes;
        }

        /** Searches the table's depth of nearest (at most all training graphs), counted. */
        private Neighbours searchDeep(Graph graph) {
            int depth = Math.min(table.depth(), graphs.size());
            Neighbours found = profiles == null ? searchAll(space, aligner, graphs, graph, depth)
                    : searchBounded(space, aligner, graphs, profiles, graph, depth);
            computed.add(found.alignments());
            skipped.add(found.skipped());
            return found;
        }

        /** Aligns every training graph and keeps the k smallest (distance, index) pairs. */
        private Neighbours exhaustive(Graph graph) {
            return searchAll(space, aligner, graphs, graph, k);
        }

        /** The lower-bound search of the class description. */
        private Neighbours bounded(Graph graph) {
            return searchBounded(space, aligner, graphs, profiles, graph, k);
        }
    }

    /**
     * Aligns every graph of a list to a query and keeps the {@code k} smallest (distance,
     * index) pairs, equal distances by index. Shared with {@link PrototypeModel}.
     */
    static Neighbours searchAll(GraphSpace space, Aligner aligner, List<Graph> graphs,
            Graph query, int k) {
        Nearest nearest = new Nearest(k);
        for (int i = 0; i < graphs.size(); i++) {
            nearest.offer(i, aligner.align(space, graphs.get(i), query).distance());
        }
        return nearest.result(graphs.size(), 0);
    }

    /**
     * The lower-bound search of the class description over a list of graphs with their
     * profiles: the same answer as {@link #searchAll}, with fewer alignments. Shared with
     * {@link PrototypeModel}.
     */
    static Neighbours searchBounded(GraphSpace space, Aligner aligner, List<Graph> graphs,
            DistanceLowerBound.Profile[] profiles, Graph query, int k) {
        // Step 1: cheap bounds to every graph, in a heap.
        DistanceLowerBound.Profile queried = DistanceLowerBound.profile(space, query);
        int n = graphs.size();
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = DistanceLowerBound.distance(DistanceLowerBound.quickSquaredDistance(
                    space, profiles[i], queried), profiles[i], queried);
        }
        BoundHeap heap = new BoundHeap(key);
        boolean[] refined = new boolean[n];

        // Steps 2 and 3: refine or align the graph of smallest key until the rest is out.
        Nearest nearest = new Nearest(k);
        int aligned = 0;
        while (!heap.isEmpty()) {
            int i = heap.peek();
            if (nearest.isFull() && key[i] > nearest.kthDistance()) {
                break;
            }
            if (!refined[i]) {
                refined[i] = true;
                double full = DistanceLowerBound.distance(DistanceLowerBound
                        .squaredDistance(space, profiles[i], queried), profiles[i], queried);
                heap.raiseTop(Math.max(key[i], full));
                continue;
            }
            heap.poll();
            nearest.offer(i, aligner.align(space, graphs.get(i), query).distance());
            aligned++;
        }
        return nearest.result(aligned, n - aligned);
    }

    /** The k smallest (distance, index) pairs offered so far, in increasing order. */
    private static final class Nearest {
        private final int[] index;
        private final double[] distance;
        private int size;

        Nearest(int k) {
            index = new int[k];
            distance = new double[k];
        }

        boolean isFull() {
            return size == index.length;
        }

        double kthDistance() {
            return distance[index.length - 1];
        }

        /** Inserts the pair if it is among the k smallest; equal distances by index. */
        void offer(int i, double d) {
            int position = size;
            while (position > 0 && before(i, d, index[position - 1], distance[position - 1])) {
                position--;
            }
            if (position >= index.length) {
                return;
            }
            int last = Math.min(size, index.length - 1);
            for (int r = last; r > position; r--) {
                index[r] = index[r - 1];
                distance[r] = distance[r - 1];
            }
            index[position] = i;
            distance[position] = d;
            size = Math.min(size + 1, index.length);
        }

        /** The order of the exhaustive search: {@link Double#compare}, then the index. */
        private static boolean before(int i, double d, int j, double e) {
            int c = Double.compare(d, e);
            return c < 0 || (c == 0 && i < j);
        }

        Neighbours result(int alignments, int skipped) {
            return new Neighbours(index, distance, alignments, skipped);
        }
    }

    /**
     * A binary min-heap of the indices {@code 0..N-1} keyed by a caller's array, ties by
     * index; the key of the top may be raised in place.
     */
    private static final class BoundHeap {
        private final double[] key;
        private final int[] heap;
        private int size;

        BoundHeap(double[] key) {
            this.key = key;
            this.size = key.length;
            this.heap = new int[size];
            for (int i = 0; i < size; i++) {
                heap[i] = i;
            }
            for (int p = size / 2 - 1; p >= 0; p--) {
                siftDown(p);
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        int peek() {
            return heap[0];
        }

        int poll() {
            int top = heap[0];
            heap[0] = heap[--size];
            siftDown(0);
            return top;
        }

        /** Sets the key of the top to a value at least its old one and restores the heap. */
        void raiseTop(double value) {
            key[heap[0]] = value;
            siftDown(0);
        }

        private void siftDown(int p) {
            int at = p;
            while (true) {
                int smallest = at;
                int left = 2 * at + 1;
                int right = left + 1;
                if (left < size && less(heap[left], heap[smallest])) {
                    smallest = left;
                }
                if (right < size && less(heap[right], heap[smallest])) {
                    smallest = right;
                }
                if (smallest == at) {
                    return;
                }
                int swap = heap[at];
                heap[at] = heap[smallest];
                heap[smallest] = swap;
                at = smallest;
            }
        }

        private boolean less(int a, int b) {
            return key[a] < key[b] || (key[a] == key[b] && a < b);
        }
    }

    /** Vote counts and summed neighbour distances per class. */
    private static final class Votes {
        final int[] count;
        final double[] distance;

        Votes(int classes) {
            count = new int[classes];
            distance = new double[classes];
        }
    }
}
