package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The assignments of {@link FaqAligner}, {@link IpfpAligner} and
 * {@link GraduatedAssignmentAligner} on matrices with zero (or, for graduated assignment,
 * equal) rows and columns of padding nodes solve only the active rectangle
 * ({@link PaddedAssignment#solve}); these tests check that this loses nothing: the value
 * equals the square optimum, on random matrices and on the aligners' own matrices, the result
 * is a permutation, and the aligners built on it never beat enumeration on pairs of different
 * orders.
 */
class PaddedAssignmentTest {

    private static final long SEED = 20_261_205L;

    @Test
    void rectangularSolveAttainsTheSquareOptimum() {
        SplittableRandom random = new SplittableRandom(SEED);
        LinearAssignmentSolver rectangular = new LinearAssignmentSolver();
        LinearAssignmentSolver square = new LinearAssignmentSolver();
        for (int trial = 0; trial < 3000; trial++) {
            int m = 1 + random.nextInt(24);
            int nx = random.nextInt(m + 1);
            int ny = random.nextInt(4) == 0 ? m : random.nextInt(m + 1);
            if (random.nextBoolean()) {
                int swap = nx;
                nx = ny;
                ny = swap;
            }
            boolean ties = trial % 3 == 0;
            double[] matrix = new double[m * m];
            for (int i = 0; i < nx; i++) {
                for (int a = 0; a < ny; a++) {
                    matrix[i * m + a] = ties ? random.nextInt(-2, 3)
                            : random.nextDouble(-1.0, 1.0);
                }
            }
            Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
            int[] images = new int[m];
            PaddedAssignment.solve(rectangular, matrix, m, nx, ny, sense, images,
                    new boolean[m]);
            String what = "trial " + trial + ": m " + m + ", nx " + nx + ", ny " + ny + ", "
                    + sense;
            Permutation.of(images);
            double value = 0.0;
            for (int i = 0; i < m; i++) {
                value += matrix[i * m + images[i]];
            }
            double optimum = square.solveSquare(matrix, m, sense, new int[m]);
            assertEquals(optimum, value, 1e-12 * m * m, what);
            // Completion rule: padding rows take the columns left over in increasing order.
            if (nx < m) {
                for (int i = nx + 1; i < m; i++) {
                    assertTrue(images[i - 1] < images[i], what);
                }
            } else if (ny < m) {
                int previous = -1;
                for (int i = 0; i < m; i++) {
                    if (images[i] >= ny) {
                        assertTrue(images[i] > previous, what);
                        previous = images[i];
                    }
                }
            }
        }
    }

    /**
     * The linear subproblems of IPFP, the gradient {@code S + H(P)} at a matrix {@code P} with
     * non-zero rows for padding nodes (as the iterates have), on random pairs of different
     * orders: the rectangle attains the optimum of the square assignment that the aligner
     * solved before.
     */
    @Test
    void gradientAssignmentsOnTheRectangleAttainTheSquareOptimum() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        LinearAssignmentSolver rectangular = new LinearAssignmentSolver();
        LinearAssignmentSolver square = new LinearAssignmentSolver();
        QapInstance problem = new QapInstance();
        int compared = 0;
        for (int t = 0; t < 400; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 2, 14,
                    false);
            Graph x = instance.x();
            Graph y = instance.y();
            if (x.order() == y.order()) {
                continue;
            }
            if (OrientedAligner.compare(x, y) > 0) {
                Graph swap = x;
                x = y;
                y = swap;
            }
            int m = Math.max(x.order(), y.order()) + t % 3;
            problem.load(instance.space(), x, y, m);
            double[] p = new double[m * m];
            for (int k = 0; k < m * m; k++) {
                p[k] = random.nextDouble();
            }
            double[] gradient = new double[m * m];
            problem.quadraticGradient(p, gradient);
            for (int k = 0; k < m * m; k++) {
                gradient[k] += problem.nodeGain[k];
            }
            int[] images = new int[m];
            PaddedAssignment.solve(rectangular, gradient, m, x.order(), y.order(),
                    Sense.MAXIMIZE, images, new boolean[m]);
            Permutation.of(images);
            double value = 0.0;
            for (int i = 0; i < m; i++) {
                value += gradient[i * m + images[i]];
            }
            double optimum = square.solveSquare(gradient, m, Sense.MAXIMIZE, new int[m]);
            assertEquals(optimum, value, 1e-12 * m * Math.max(1.0, Math.abs(optimum)),
                    "instance " + t + ", orders " + x.order() + ", " + y.order() + ", m " + m);
            compared++;
        }
        assertTrue(compared > 300, "compared " + compared);
    }

    /**
     * The final assignment of graduated assignment: the weights {@code W} of the padded
     * order (the soft match on the real block, slack entries for a real node facing a padding
     * node, 0 for two padding nodes), reduced by the common row (or column) of the padding
     * nodes and solved on the rectangle, attain the optimum of the square assignment on
     * {@code W} itself; soft matches of quarters make many ties.
     */
    @Test
    void reducedGraduatedWeightsAttainTheSquareOptimum() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        LinearAssignmentSolver rectangular = new LinearAssignmentSolver();
        LinearAssignmentSolver square = new LinearAssignmentSolver();
        for (int trial = 0; trial < 3000; trial++) {
            int m = 1 + random.nextInt(20);
            int nx = random.nextInt(m + 1);
            int ny = random.nextInt(3) == 0 ? m : random.nextInt(m + 1);
            if (random.nextBoolean()) {
                int swap = nx;
                nx = ny;
                ny = swap;
            }
            boolean ties = trial % 3 == 0;
            double[] match = new double[(nx + 1) * (ny + 1)];
            for (int k = 0; k < match.length; k++) {
                match[k] = ties ? random.nextInt(5) / 4.0 : random.nextDouble();
            }
            double[] weights = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int a = 0; a < m; a++) {
                    boolean bothPadding = i >= nx && a >= ny;
                    weights[i * m + a] = bothPadding ? 0.0
                            : match[Math.min(i, nx) * (ny + 1) + Math.min(a, ny)];
                }
            }
            double[] reduced = new double[m * m];
            GraduatedAssignmentAligner.reducedWeights(match, nx, ny, m, reduced);
            int[] images = new int[m];
            PaddedAssignment.solve(rectangular, reduced, m, nx, ny, Sense.MAXIMIZE, images,
                    new boolean[m]);
            String what = "trial " + trial + ": m " + m + ", nx " + nx + ", ny " + ny;
            Permutation.of(images);
            double value = 0.0;
            for (int i = 0; i < m; i++) {
                value += weights[i * m + images[i]];
            }
            double optimum = square.solveSquare(weights, m, Sense.MAXIMIZE, new int[m]);
            assertEquals(optimum, value, 1e-12 * m, what);
        }
    }

    @Test
    void heuristicsNeverBeatEnumerationOnPairsOfDifferentOrders() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        FaqAligner faq = new FaqAligner(3L);
        FaqAligner fast = new FaqAligner(3L).withRandomStarts(Aligners.FAST_RANDOM_STARTS)
                .withPerturbations(Aligners.FAST_PERTURBATIONS)
                .withStopping(Aligners.FAST_MAX_ITERATIONS, FaqAligner.DEFAULT_TOLERANCE);
        Aligner[] aligners = {faq, fast, Aligners.byName("faq", 3L),
            Aligners.byName("fast", 3L), new IpfpAligner(),
            new IpfpAligner().withLocalSearch(false), new GraduatedAssignmentAligner(),
            new GraduatedAssignmentAligner().withLocalSearch(false)};
        int instances = 120;
        for (int t = 0; t < instances; t++) {
            MatchTesting.Instance instance = MatchTesting.randomInstance(random, t, 2, 9, false);
            Graph x = instance.x();
            Graph y = instance.y();
            if (x.order() == y.order()) {
                continue;
            }
            GraphSpace space = instance.space();
            // The size of the space's distance: the larger order, or more with signed values.
            int larger = space.alignmentSize(x, y);
            if (larger > 8) {
                continue; // enumeration of 9! permutations per pair would be slow
            }
            double best = MatchTesting.bruteForceSimilarity(space, x, y, larger);
            double tolerance = MatchTesting.tolerance(space, x, y);
            double bestAtLargerOrder = larger < 8
                    ? MatchTesting.bruteForceSimilarity(space, x, y, larger + 1) : best;
            Alignment exact = new ExactAligner(3L).align(space, x, y);
            assertTrue(exact.certified(), "instance " + t);
            assertEquals(best, exact.similarity(), tolerance, "instance " + t + ", exact");
            for (Aligner aligner : aligners) {
                String what = "instance " + t + " (orders " + x.order() + ", " + y.order()
                        + "), " + aligner;
                assertNotBetter(space, x, y, aligner.align(space, x, y), larger, best,
                        tolerance, what);
                assertNotBetter(space, y, x, aligner.align(space, y, x), larger, best,
                        tolerance, what + ", reversed");
                // A warm start of a larger size pads both graphs; with more padding a real
                // node of each graph can go unmatched, so the optimum can grow.
                if (larger < 8) {
                    int m = larger + 1;
                    Alignment warm = aligner.align(space, x, y, Permutation.identity(m));
                    assertNotBetter(space, x, y, warm, m, bestAtLargerOrder, tolerance,
                            what + ", warm");
                }
            }
        }
    }

    private static void assertNotBetter(GraphSpace space, Graph x, Graph y, Alignment found,
            int m, double best, double tolerance, String what) {
        int[] images = found.permutation().toArray();
        assertEquals(m, images.length, what);
        boolean[] taken = new boolean[m];
        for (int image : images) {
            assertTrue(image >= 0 && image < m && !taken[image], what);
            taken[image] = true;
        }
        assertEquals(space.similarity(x, y, found.permutation()), found.similarity(),
                tolerance, what);
        assertTrue(found.similarity() <= best + tolerance, what + ": " + found.similarity()
                + " beats the optimum " + best);
    }
}
