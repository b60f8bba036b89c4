package org.orbifold.stats;

import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Test heuristic: best-improvement 2-swap local search from the start (or the identity).
 * Keeps the warm-start contract but often stops in a local optimum; never certified.
 */
final class SwapAligner implements Aligner {

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y) {
        return search(space, x, y, Permutation.identity(Math.max(x.order(), y.order())));
    }

    @Override
    public Alignment align(GraphSpace space, Graph x, Graph y, Permutation start) {
        int m = Math.max(start.size(), Math.max(x.order(), y.order()));
        return search(space, x, y, start.extend(m));
    }

    @Override
    public String name() {
        return "swap";
    }

    private static Alignment search(GraphSpace space, Graph x, Graph y, Permutation start) {
        int[] current = start.toArray();
        double value = space.similarity(x, y, start);
        boolean improved = true;
        while (improved) {
            improved = false;
            int bestI = -1;
            int bestJ = -1;
            double bestValue = value;
            for (int i = 0; i < current.length; i++) {
                for (int j = i + 1; j < current.length; j++) {
                    swap(current, i, j);
                    double s = space.similarity(x, y, Permutation.of(current));
                    swap(current, i, j);
                    if (s > bestValue + 1e-12 * Math.max(1.0, Math.abs(bestValue))) {
                        bestValue = s;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI >= 0) {
                swap(current, bestI, bestJ);
                value = bestValue;
                improved = true;
            }
        }
        return Alignment.of(space, x, y, Permutation.of(current), false);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
