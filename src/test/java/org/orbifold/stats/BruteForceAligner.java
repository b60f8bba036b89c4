package org.orbifold.stats;

import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Test oracle: the exact alignment by enumerating all {@code m!} permutations ({@code m <= 7}).
 * Ties keep the first permutation in lexicographic order; the result is certified.
 */
final class BruteForceAligner implements Aligner {

    static final int MAX_SIZE = 7;

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        return best(space, x, y, Math.max(x.order(), y.order()));
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        return best(space, x, y, Math.max(start.size(), Math.max(x.order(), y.order())));
    }

    @Override
    public String name() {
        return "brute-force";
    }

    /** Returns the exact graph distance {@code d(x, y)}. */
    static double distance(GraphSpace space, Graph x, Graph y) {
        return new BruteForceAligner().align(space, x, y).distance();
    }

    private static Alignment best(GraphSpace space, Graph x, Graph y, int m) {
        if (m > MAX_SIZE) {
            throw new IllegalArgumentException("brute force is limited to " + MAX_SIZE
                    + " nodes, got " + m);
        }
        Search search = new Search(space, x, y, m);
        search.extend(0);
        return Alignment.of(space, x, y, Permutation.of(search.best), true);
    }

    private static final class Search {
        private final GraphSpace space;
        private final Graph x;
        private final Graph y;
        private final int[] image;
        private final boolean[] used;
        private int[] best;
        private double bestSimilarity = Double.NEGATIVE_INFINITY;

        Search(GraphSpace space, Graph x, Graph y, int m) {
            this.space = space;
            this.x = x;
            this.y = y;
            this.image = new int[m];
            this.used = new boolean[m];
        }

        void extend(int position) {
            if (position == image.length) {
                double s = space.similarity(x, y, Permutation.of(image));
                if (s > bestSimilarity) {
                    bestSimilarity = s;
                    best = image.clone();
                }
                return;
            }
            for (int a = 0; a < image.length; a++) {
                if (!used[a]) {
                    used[a] = true;
                    image[position] = a;
                    extend(position + 1);
                    used[a] = false;
                }
            }
        }
    }
}
