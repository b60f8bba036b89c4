package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/** The {@link Aligner} contract, checked for every aligner of the package. */
class AlignerContractTest {

    private static final long SEED = 314_159L;
    /**
     * Distances of relabelled copies: a distance computed from norms and a similarity can be
     * off by the square root of the rounding error of {@code ||X||^2}.
     */
    private static final double ZERO_DISTANCE_TOL = 1e-6;

    static Stream<Aligner> aligners() {
        return Stream.of(new ExactAligner(1L), new FaqAligner(1L), new NodeAssignmentAligner(),
                new FaqAligner(2L).withRandomStarts(0).withPerturbations(0),
                new IpfpAligner(), new IpfpAligner().withLocalSearch(false),
                new GraduatedAssignmentAligner(),
                new GraduatedAssignmentAligner().withLocalSearch(false),
                Aligners.byName("fast", 3L), Aligners.byName("thorough", 4L),
                Aligners.byName("multistart", 5L));
    }

    private static Graph[] randomPair(SplittableRandom random, int t) {
        MatchTesting.Values kind = MatchTesting.Values.values()[t % 4];
        boolean directed = t % 3 == 0;
        Graph x = MatchTesting.randomGraph(random, 1 + random.nextInt(8), 2, 1,
                0.2 + 0.6 * random.nextDouble(), directed, kind);
        Graph y = MatchTesting.randomGraph(random, 1 + random.nextInt(8), 2, 1,
                0.2 + 0.6 * random.nextDouble(), directed, kind);
        return new Graph[] {x, y};
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void distanceIsAttainedByThePermutation(Aligner aligner) {
        SplittableRandom random = new SplittableRandom(SEED);
        GraphSpace space = new GraphSpace(8, 2, 1, 1.0, 0.7);
        for (int t = 0; t < 60; t++) {
            Graph[] pair = randomPair(random, t);
            Alignment alignment = aligner.align(space, pair[0], pair[1]);
            Permutation p = alignment.permutation();
            assertEquals(space.alignmentSize(pair[0], pair[1]), p.size());
            double tolerance = MatchTesting.tolerance(space, pair[0], pair[1]);
            assertEquals(space.similarity(pair[0], pair[1], p), alignment.similarity(),
                    tolerance, "instance " + t);
            assertEquals(space.distance(pair[0], pair[1], p), alignment.distance(), tolerance,
                    "instance " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void isExactlySymmetric(Aligner aligner) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        GraphSpace space = new GraphSpace(8, 2, 1, 1.0, 0.7);
        for (int t = 0; t < 60; t++) {
            Graph[] pair = randomPair(random, t);
            Alignment forward = aligner.align(space, pair[0], pair[1]);
            Alignment backward = aligner.align(space, pair[1], pair[0]);
            assertEquals(forward.distance(), backward.distance(), 0.0, "instance " + t);
            assertEquals(forward.permutation().inverse(), backward.permutation(),
                    "instance " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void warmStartIsNeverWorse(Aligner aligner) {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        // Room for starts up to two nodes larger than the larger graph of order 8.
        GraphSpace space = new GraphSpace(10, 2, 1, 1.0, 0.7);
        for (int t = 0; t < 60; t++) {
            Graph[] pair = randomPair(random, t);
            int size = Math.max(pair[0].order(), pair[1].order()) + t % 3;
            Permutation start = Permutation.random(size, random);
            Alignment initial = Alignment.of(space, pair[0], pair[1], start, false);
            Alignment warm = aligner.align(space, pair[0], pair[1], start);
            assertEquals(Math.max(size, space.alignmentSize(pair[0], pair[1])),
                    warm.permutation().size(), "instance " + t);
            assertTrue(warm.similarity() >= initial.similarity(), "instance " + t);
            assertTrue(warm.distance() <= initial.distance(), "instance " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void relabelledCopiesAreAtDistanceZero(Aligner aligner) {
        // Single-start heuristics make no promise for relabelled copies.
        if (aligner instanceof NodeAssignmentAligner || aligner instanceof IpfpAligner
                || aligner instanceof GraduatedAssignmentAligner) {
            return;
        }
        SplittableRandom random = new SplittableRandom(SEED + 3);
        GraphSpace space = new GraphSpace(6, 1, 1, 1.0, 1.0);
        Graph x = MatchTesting.randomGraph(random, 5, 1, 1, 0.5, false,
                MatchTesting.Values.POSITIVE);
        Graph ring = MatchTesting.cycle(6).withNodeChannel(1.0);
        for (Graph g : new Graph[] {x, ring}) {
            forEachPermutation(g.order(), p -> {
                Alignment alignment = aligner.align(space, g, g.permute(p));
                assertEquals(0.0, alignment.distance(), ZERO_DISTANCE_TOL, "relabelling " + p);
                assertEquals(space.squaredNorm(g), alignment.similarity(),
                        MatchTesting.tolerance(space, g, g), "relabelling " + p);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("aligners")
    void rejectsGraphsOutsideTheSpaceAndShortStarts(Aligner aligner) {
        GraphSpace space = new GraphSpace(4, 1, 1, 1.0, 1.0);
        Graph.Builder builder = Graph.builder(1, 1);
        builder.addNode(1.0);
        builder.addNode(2.0);
        Graph two = builder.addEdge(0, 1, 1.0).build();
        Graph wrongDimension = Graph.builder(2, 1).build();
        Graph tooLarge = MatchTesting.cycle(5).withNodeChannel(1.0);

        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class,
                () -> aligner.align(space, two, wrongDimension));
        assertTrue(dimension.getMessage().contains("graph y"), dimension.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> aligner.align(space, tooLarge, two));
        assertTrue(order.getMessage().contains("order 5"), order.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> aligner.align(space, two, two, Permutation.identity(1)));
        assertTrue(start.getMessage().contains("size 1"), start.getMessage());
    }

    /** Calls {@code action} on every permutation of {@code 0..n-1} (Heap's algorithm). */
    static void forEachPermutation(int n, java.util.function.Consumer<Permutation> action) {
        int[] images = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = i;
        }
        int[] counters = new int[n];
        action.accept(Permutation.of(images));
        int i = 0;
        while (i < n) {
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
}
