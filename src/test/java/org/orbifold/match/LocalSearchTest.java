package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class LocalSearchTest {

    private static final long SEED = 161_803L;

    @Test
    void endsInATwoSwapLocalOptimum() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int t = 0; t < 80; t++) {
            boolean directed = t % 2 == 0;
            MatchTesting.Values kind = MatchTesting.Values.values()[t % 4];
            int de = 1 + t % 2;
            Graph x = MatchTesting.randomGraph(random, 2 + random.nextInt(9), 1, de, 0.4,
                    directed, kind);
            Graph y = MatchTesting.randomGraph(random, 2 + random.nextInt(9), 1, de, 0.4,
                    !directed, kind);
            GraphSpace space = new GraphSpace(11, 1, de, 1.0, 0.8);
            int size = Math.max(x.order(), y.order()) + t % 2;
            Permutation start = Permutation.random(size, random);
            double tolerance = MatchTesting.tolerance(space, x, y);

            Alignment result = LocalSearch.improve(space, x, y, start);
            assertFalse(result.certified());
            assertEquals(size, result.permutation().size());
            assertTrue(result.similarity() >= space.similarity(x, y, start), "instance " + t);
            assertEquals(space.similarity(x, y, result.permutation()), result.similarity(),
                    tolerance);
            int[] images = result.permutation().toArray();
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    int[] swapped = images.clone();
                    swapped[i] = images[j];
                    swapped[j] = images[i];
                    double neighbour = space.similarity(x, y, Permutation.of(swapped));
                    assertTrue(neighbour <= result.similarity() + tolerance,
                            "instance " + t + ": swapping " + i + " and " + j + " improves");
                }
            }
        }
    }

    @Test
    void keepsAnOptimalPermutation() {
        Graph ring = MatchTesting.cycle(7);
        GraphSpace space = new GraphSpace(7, 0, 1, 1.0, 1.0);
        Permutation shift = Permutation.of(1, 2, 3, 4, 5, 6, 0);
        Alignment result = LocalSearch.improve(space, ring, ring, shift);
        assertEquals(shift, result.permutation());
        assertEquals(0.0, result.distance(), MatchTesting.TOL);
    }

    @Test
    void rejectsAShortStart() {
        GraphSpace space = new GraphSpace(7, 0, 1, 1.0, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalSearch.improve(space, MatchTesting.cycle(5), MatchTesting.cycle(4),
                        Permutation.identity(4)));
        assertTrue(e.getMessage().contains("size 4"), e.getMessage());
    }
}
