package org.orbifold.match;

import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/** Random graphs and an exhaustive aligner, the test oracle of this package. */
final class MatchTesting {

    /** Tolerance on similarities and distances of graphs with attributes of order 1. */
    static final double TOL = 1e-9;

    private MatchTesting() {
    }

    /** Kinds of attribute values the random graphs carry. */
    enum Values {
        /** All attributes 1: plain unweighted graphs with a presence channel. */
        UNIT,
        /** Uniform in (0, 1). */
        POSITIVE,
        /** Uniform in (-1, 1): similarities can be negative. */
        SIGNED,
        /** Small integers 1..3: many ties. */
        INTEGER
    }

    /**
     * Returns a random graph of the given order with node dimension {@code dv} and edge
     * dimension {@code de}, each ordered (directed) or unordered pair joined with probability
     * {@code density}.
     */
    static Graph randomGraph(SplittableRandom random, int order, int dv, int de,
            double density, boolean directed, Values values) {
        Graph.Builder builder = Graph.builder(dv, de).directed(directed);
        for (int i = 0; i < order; i++) {
            builder.addNode(vector(random, dv, values));
        }
        for (int i = 0; i < order; i++) {
            for (int j = directed ? 0 : i + 1; j < order; j++) {
                if (i != j && random.nextDouble() < density) {
                    builder.addEdge(i, j, vector(random, de, values));
                }
            }
        }
        return builder.build();
    }

    /** Two graphs and a space that holds them. */
    record Instance(Graph x, Graph y, GraphSpace space) {
    }

    /**
     * Returns a random instance: orders in {@code [minOrder, minOrder + 6]}, node dimension
     * 0..2, edge dimension 1..2, one density in {@code [0.15, 0.95)} and one kind of values for
     * both graphs ({@link Values} in turn by {@code t}), and a space of {@code size} whose edge
     * weight lies in {@code [0.3, 1.3)}. The graphs share a random direction, unless
     * {@code mixedDirections} lets the second one draw its own.
     */
    static Instance randomInstance(SplittableRandom random, int t, int minOrder, int size,
            boolean mixedDirections) {
        int nx = minOrder + random.nextInt(7);
        int ny = minOrder + random.nextInt(7);
        int dv = random.nextInt(3);
        int de = 1 + random.nextInt(2);
        boolean directed = random.nextBoolean();
        double density = 0.15 + 0.8 * random.nextDouble();
        Values kind = Values.values()[t % Values.values().length];
        Graph x = randomGraph(random, nx, dv, de, density, directed, kind);
        Graph y = randomGraph(random, ny, dv, de, density,
                mixedDirections ? random.nextBoolean() : directed, kind);
        GraphSpace space = new GraphSpace(size, dv, de, 1.0, 0.3 + random.nextDouble());
        return new Instance(x, y, space);
    }

    private static double[] vector(SplittableRandom random, int dimension, Values values) {
        double[] result = new double[dimension];
        for (int c = 0; c < dimension; c++) {
            result[c] = switch (values) {
                case UNIT -> 1.0;
                case POSITIVE -> 0.05 + random.nextDouble();
                case SIGNED -> random.nextDouble(-1.0, 1.0);
                case INTEGER -> 1 + random.nextInt(3);
            };
        }
        boolean allZero = true;
        for (double v : result) {
            allZero &= v == 0.0;
        }
        if (allZero && dimension > 0) {
            result[0] = 0.5;
        }
        return result;
    }

    /** The cycle of the given order with unit edges and no node attributes. */
    static Graph cycle(int order) {
        Graph.Builder builder = Graph.builder(0, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode();
        }
        for (int i = 0; i < order; i++) {
            builder.addEdge(i, (i + 1) % order, 1.0);
        }
        return builder.build();
    }

    /** Disjoint cycles of the given orders, unit edges, no node attributes. */
    static Graph cycles(int... orders) {
        Graph.Builder builder = Graph.builder(0, 1);
        int first = 0;
        for (int length : orders) {
            for (int i = 0; i < length; i++) {
                builder.addNode();
            }
            for (int i = 0; i < length; i++) {
                builder.addEdge(first + i, first + (i + 1) % length, 1.0);
            }
            first += length;
        }
        return builder.build();
    }

    /** The complete graph of the given order with unit edges and no node attributes. */
    static Graph complete(int order) {
        Graph.Builder builder = Graph.builder(0, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode();
        }
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                builder.addEdge(i, j, 1.0);
            }
        }
        return builder.build();
    }

    /** The largest similarity over all permutations of size {@code m}, by enumeration. */
    static double bruteForceSimilarity(GraphSpace space, Graph x, Graph y, int m) {
        double[] best = {Double.NEGATIVE_INFINITY};
        forEachPermutation(m, p -> best[0] = Math.max(best[0], space.similarity(x, y, p)));
        return best[0];
    }

    /**
     * The smallest squared distance over all permutations of size {@code m}, by enumeration,
     * each summed term by term ({@link GraphSpace#squaredDistance}: no cancellation of large
     * attributes, as a similarity has).
     */
    static double bruteForceSquaredDistance(GraphSpace space, Graph x, Graph y, int m) {
        double[] best = {Double.POSITIVE_INFINITY};
        forEachPermutation(m, p -> best[0] = Math.min(best[0], space.squaredDistance(x, y, p)));
        return best[0];
    }

    /** Calls {@code action} on each permutation of size {@code m} once (Heap's algorithm). */
    static void forEachPermutation(int m, Consumer<Permutation> action) {
        int[] images = new int[m];
        for (int i = 0; i < m; i++) {
            images[i] = i;
        }
        action.accept(Permutation.of(images));
        int[] counters = new int[m];
        int i = 0;
        while (i < m) {
            if (counters[i] < i) {
                int k = i % 2 == 0 ? 0 : counters[i];
                int swap = images[k];
                images[k] = images[i];
                images[i] = swap;
                action.accept(Permutation.of(images));
                counters[i]++;
                i = 0;
            } else {
                counters[i] = 0;
                i++;
            }
        }
    }

    /** The distance that {@code bruteForceSimilarity} attains. */
    static double bruteForceDistance(GraphSpace space, Graph x, Graph y, int m) {
        double s = bruteForceSimilarity(space, x, y, m);
        return Math.sqrt(space.squaredDistanceFromSimilarity(x, y, s));
    }

    /** A tolerance for comparing similarities of these graphs, relative to their norms. */
    static double tolerance(GraphSpace space, Graph x, Graph y) {
        return TOL * Math.max(1.0, Math.sqrt(space.squaredNorm(x) * space.squaredNorm(y)));
    }
}
