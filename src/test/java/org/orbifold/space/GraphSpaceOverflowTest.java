package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Finite weights and attributes whose weighted sums overflow: the space names the weights
 * instead of returning an infinite or NaN norm, similarity or squared distance.
 */
class GraphSpaceOverflowTest {

    private static final String ADVICE = ": the weighted sum overflows; lower the weights or"
            + " scale the attributes";

    private static Graph node(double value) {
        Graph.Builder b = Graph.builder(1, 0);
        b.addNode(value);
        return b.build();
    }

    @Test
    void overflowingSumsNameTheWeights() {
        // 1e308 * 2^2 and 1e308 * 4^2 exceed the largest double, about 1.8e308.
        GraphSpace heavy = new GraphSpace(1, 1, 0, 1e308, 1.0);
        Graph two = node(2.0);
        Graph minusTwo = node(-2.0);
        Permutation identity = Permutation.identity(1);
        assertEquals("the squared norm is Infinity with node weight 1.0E308 and edge weight"
                + " 1.0" + ADVICE, assertThrows(IllegalArgumentException.class,
                        () -> heavy.squaredNorm(two)).getMessage());
        WeightedOverflowException norm = assertThrows(WeightedOverflowException.class,
                () -> heavy.squaredNorm(two));
        assertEquals("the squared norm is Infinity: the weighted sum overflows",
                norm.findingWithoutWeights());
        assertEquals("the squared norm is Infinity with node weight 1.0E308 and edge weight"
                + " 1.0: the weighted sum overflows", norm.finding());
        assertEquals("the similarity is -Infinity with node weight 1.0E308 and edge weight"
                + " 1.0" + ADVICE, assertThrows(IllegalArgumentException.class,
                        () -> heavy.similarity(two, minusTwo, identity)).getMessage());
        assertEquals("the squared distance is Infinity with node weight 1.0E308 and edge"
                + " weight 1.0" + ADVICE, assertThrows(IllegalArgumentException.class,
                        () -> heavy.distance(two, minusTwo, identity)).getMessage());

        // Attributes whose squares overflow, times a zero weight, give NaN.
        GraphSpace edgesOnly = new GraphSpace(1, 1, 0, 0.0, 1.0);
        assertEquals("the squared distance is NaN with node weight 0.0 and edge weight 1.0"
                + ADVICE, assertThrows(IllegalArgumentException.class,
                        () -> edgesOnly.squaredDistance(node(1e200), node(-1e200), identity))
                        .getMessage());

        // Just below the limit everything is finite.
        GraphSpace large = new GraphSpace(1, 1, 0, 1e307, 1.0);
        assertEquals(1.6e308, large.squaredDistance(two, minusTwo, identity), 1e294);
    }
}
