package org.orbifold.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class CenterFrameTest {

    /** Squared distances recomputed in another node order agree to rounding. */
    private static final double TOL = 1e-9;

    @Test
    void normalFormKeepsTheSquaredDistance() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            Graph x = randomGraph(1 + random.nextInt(6), random);
            Graph y = randomGraph(1 + random.nextInt(6), random);
            int size = Math.max(x.order(), y.order()) + random.nextInt(5);
            GraphSpace space = GraphSpace.of(List.of(x, y)).withSize(size);
            Permutation p = Permutation.random(size, random);
            Permutation q = CenterFrame.normalForm(p, x.order(), y.order());

            assertTrue(q.size() <= x.order() + y.order());
            assertEquals(space.squaredDistance(x, y, p), space.squaredDistance(x, y, q), TOL);
        }
    }

    @Test
    void compactingDropsNullSlotsOnly() {
        // A mean of small graphs built at a large order keeps its distances when compacted.
        SplittableRandom random = new SplittableRandom(11);
        List<Graph> members = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            members.add(randomGraph(2 + random.nextInt(4), random));
        }
        int order = 12;
        List<Graph> spanning = new ArrayList<>(members);
        spanning.add(members.get(0).pad(order));
        GraphSpace space = GraphSpace.of(spanning);
        GraphAccumulator sum = new GraphAccumulator(space, order);
        Permutation[] alignments = new Permutation[members.size()];
        for (int g = 0; g < members.size(); g++) {
            alignments[g] = Permutation.random(order, random);
            sum.add(members.get(g), alignments[g], 1.0);
        }
        Graph mean = sum.average();
        CenterFrame.Compacted compact = CenterFrame.compact(mean,
                members.toArray(new Graph[0]), alignments, 0);

        assertTrue(compact.center().order() < order);
        for (int g = 0; g < members.size(); g++) {
            assertEquals(space.squaredDistance(mean, members.get(g), alignments[g]),
                    space.squaredDistance(compact.center(), members.get(g),
                            compact.alignments()[g]), TOL);
        }

        // A cap keeps at most that many slots.
        CenterFrame.Compacted capped = CenterFrame.compact(mean,
                members.toArray(new Graph[0]), alignments, 3);
        assertEquals(3, capped.center().order());
    }

    private static Graph randomGraph(int order, SplittableRandom random) {
        Graph.Builder builder = Graph.builder(2, 1);
        for (int i = 0; i < order; i++) {
            builder.addNode(random.nextDouble(), 1.0 + random.nextDouble());
        }
        for (int i = 0; i < order; i++) {
            for (int j = i + 1; j < order; j++) {
                if (random.nextDouble() < 0.5) {
                    builder.addEdge(i, j, 0.5 + random.nextDouble());
                }
            }
        }
        return builder.build();
    }
}
