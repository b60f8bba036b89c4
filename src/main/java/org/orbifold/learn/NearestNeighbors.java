package org.orbifold.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.orbifold.match.Aligner;
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
 * <p>Fitting only stores the training set. Each prediction aligns the query to every
 * training graph ({@code N} alignments, training graph as the reference). Instances are
 * immutable and thread-safe if the aligner is.
 *
 * <p><b>Limitations.</b> No indexing or pruning: the cost of a prediction grows linearly with
 * the training set. With a heuristic aligner every distance is an upper bound, so a
 * neighbour may be missed when its alignment is poor.
 */
public final class NearestNeighbors implements GraphClassifier {

    private final Aligner aligner;
    private final int k;

    /**
     * Configures a k-nearest-neighbour classifier.
     *
     * @param aligner computes the graph distances
     * @param k the number of neighbours that vote, at least 1
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public NearestNeighbors(Aligner aligner, int k) {
        this.aligner = Objects.requireNonNull(aligner, "aligner");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
    }

    /** Returns the number of voting neighbours. */
    public int k() {
        return k;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if {@code k} exceeds the number of training graphs
     */
    @Override
    public Model fit(GraphSpace space, List<Graph> graphs, List<String> labels) {
        List<String> checked = Checks.requireLabelled(space, graphs, labels);
        if (k > graphs.size()) {
            throw new IllegalArgumentException("k = " + k + " exceeds the number of training"
                    + " graphs, " + graphs.size());
        }
        return new Model(this, space, List.copyOf(graphs), checked);
    }

    /**
     * A fitted k-nearest-neighbour model: the stored training set. Its {@link #scores} are
     * the vote fractions of the classes among the {@code k} nearest training graphs.
     */
    public static final class Model implements GraphClassifierModel {

        private final Aligner aligner;
        private final int k;
        private final GraphSpace space;
        private final List<Graph> graphs;
        private final LabelEncoder classes;
        private final int[] codes;

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
        }

        @Override
        public GraphSpace space() {
            return space;
        }

        @Override
        public LabelEncoder classes() {
            return classes;
        }

        /** Returns the number of voting neighbours. */
        public int k() {
            return k;
        }

        /**
         * Returns the distances from a graph to every training graph, in training order.
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

        @Override
        public double[] scores(Graph graph) {
            Votes votes = vote(graph);
            double[] scores = new double[classes.size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = votes.count[c] / (double) k;
            }
            return scores;
        }

        /** Counts the votes and summed distances of the k nearest training graphs. */
        private Votes vote(Graph graph) {
            double[] distances = distances(graph);
            Integer[] order = new Integer[distances.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Stable sort: equal distances keep training order.
            Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
            Votes votes = new Votes(classes.size());
            for (int r = 0; r < k; r++) {
                int i = order[r];
                votes.count[codes[i]]++;
                votes.distance[codes[i]] += distances[i];
            }
            return votes;
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
