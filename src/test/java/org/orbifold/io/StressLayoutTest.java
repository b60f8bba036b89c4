package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stress majorization: known optima, shapes of paths, rings and trees, determinism. */
public class StressLayoutTest {

    /** Returns neighbour lists of the undirected edges given as pairs. */
    private static int[][] graph(int n, int... pairs) {
        List<List<Integer>> around = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            around.add(new ArrayList<>());
        }
        for (int k = 0; k < pairs.length; k += 2) {
            around.get(pairs[k]).add(pairs[k + 1]);
            around.get(pairs[k + 1]).add(pairs[k]);
        }
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = around.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return neighbours;
    }

    private static int[][] path(int n) {
        int[] pairs = new int[2 * (n - 1)];
        for (int i = 1; i < n; i++) {
            pairs[2 * i - 2] = i - 1;
            pairs[2 * i - 1] = i;
        }
        return graph(n, pairs);
    }

    private static int[][] ring(int n) {
        int[] pairs = new int[2 * n];
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = i;
            pairs[2 * i + 1] = (i + 1) % n;
        }
        return graph(n, pairs);
    }

    /** A tree on n nodes: node i joined to a node before it drawn by a seeded random. */
    private static int[][] randomTree(int n, long seed) {
        Random random = new Random(seed);
        int[] pairs = new int[2 * (n - 1)];
        for (int i = 1; i < n; i++) {
            pairs[2 * i - 2] = random.nextInt(i);
            pairs[2 * i - 1] = i;
        }
        return graph(n, pairs);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static double closest(double[][] xy) {
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy.length; i++) {
            for (int j = 0; j < i; j++) {
                closest = Math.min(closest, distance(xy[i], xy[j]));
            }
        }
        return closest;
    }

    @Test
    void aTriangleIsEquilateralWithUnitSidesAndAPathOfThreeIsStraight() {
        double[][] triangle = StressLayout.layOut(graph(3, 0, 1, 1, 2, 2, 0), null, 1);
        double[][] path = StressLayout.layOut(path(3), null, 1);

        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, distance(triangle[i], triangle[(i + 1) % 3]), 1e-3);
        }
        assertEquals(1.0, distance(path[0], path[1]), 1e-3);
        assertEquals(1.0, distance(path[1], path[2]), 1e-3);
        assertEquals(2.0, distance(path[0], path[2]), 1e-3);
    }

    @Test
    void aFourCycleIsTheSquareOfLeastStress() {
        // Sides s (hops 1, weight 1) and diagonals s * sqrt 2 (hops 2, weight 1/4): the stress
        // 4 (s - 1)^2 + 2 (s sqrt 2 - 2)^2 / 4 is least at s = (8 + 2 sqrt 2) / 10. The
        // iteration stops when the stress falls by less than 1e-4 of itself, and near its
        // least value the stress is flat, so lengths are within about half a percent.
        double side = (8 + 2 * Math.sqrt(2)) / 10;

        double[][] xy = StressLayout.layOut(ring(4), null, 3);

        for (int i = 0; i < 4; i++) {
            assertEquals(side, distance(xy[i], xy[(i + 1) % 4]), 0.005 * side, "side " + i);
        }
        assertEquals(side * Math.sqrt(2), distance(xy[0], xy[2]), 0.005 * side);
        assertEquals(side * Math.sqrt(2), distance(xy[1], xy[3]), 0.005 * side);
    }

    @Test
    void aPathIsLaidOutStraight() {
        int n = 15;

        double[][] xy = StressLayout.layOut(path(n), null, 42);

        double along = 0.0;
        for (int i = 1; i < n; i++) {
            double edge = distance(xy[i - 1], xy[i]);
            assertEquals(1.0, edge, 0.05, "edge " + i);
            along += edge;
        }
        assertTrue(distance(xy[0], xy[n - 1]) >= 0.98 * along, "ends "
                + distance(xy[0], xy[n - 1]) + " apart along a path of " + along);
    }

    @Test
    void aRingIsANearRegularPolygon() {
        for (int n : new int[] {5, 6, 12, 20}) {
            double[][] xy = StressLayout.layOut(ring(n), null, 42);

            double[] centre = new double[2];
            for (double[] point : xy) {
                centre[0] += point[0] / n;
                centre[1] += point[1] / n;
            }
            double radius = distance(xy[0], centre);
            double side = distance(xy[0], xy[1]);
            for (int i = 0; i < n; i++) {
                assertEquals(radius, distance(xy[i], centre), 0.01 * radius, n + "-ring, " + i);
                assertEquals(side, distance(xy[i], xy[(i + 1) % n]), 0.01 * side,
                        n + "-ring, side " + i);
            }
            // Regular: the side is the chord of 1/n of the circle.
            assertEquals(2 * radius * Math.sin(Math.PI / n), side, 0.01 * side, n + "-ring");
        }
    }

    @Test
    void noTwoNodesOfATreeAreOnTopOfEachOther() {
        // A star's leaves, a binary tree's siblings and random trees' many leaves share their
        // distances to every other node but each other, which the seed's moves part.
        int[] star = new int[16];
        for (int i = 1; i <= 8; i++) {
            star[2 * i - 2] = 0;
            star[2 * i - 1] = i;
        }
        int[] binary = new int[2 * 30];
        for (int i = 1; i < 31; i++) {
            binary[2 * i - 2] = (i - 1) / 2;
            binary[2 * i - 1] = i;
        }
        List<int[][]> trees = new ArrayList<>(List.of(graph(9, star), graph(31, binary)));
        for (long seed = 1; seed <= 5; seed++) {
            trees.add(randomTree(40, seed));
        }

        for (int[][] tree : trees) {
            double[][] xy = StressLayout.layOut(tree, null, 42);

            assertTrue(closest(xy) >= 0.5, tree.length + " nodes: closest pair " + closest(xy)
                    + " edge lengths apart");
        }
    }

    @Test
    void theSameGraphAndSeedGiveTheSameCoordinatesAndTheSeedPartsTwinNodes() {
        // Nodes 3 and 4 hang from node 2 of a triangle: they are 2 apart and at equal
        // distances from the others, so classical scaling puts them at one point.
        int[][] g = graph(5, 0, 1, 1, 2, 2, 0, 2, 3, 2, 4);

        double[][] first = StressLayout.layOut(g, null, 7);
        double[][] again = StressLayout.layOut(g, null, 7);

        for (int i = 0; i < g.length; i++) {
            assertArrayEquals(first[i], again[i], 0.0, "node " + i);
        }
        assertTrue(distance(first[3], first[4]) > 1.0, "twins " + distance(first[3], first[4])
                + " apart");
        boolean parted = false;
        for (long seed = 0; seed < 8; seed++) {
            double[][] other = StressLayout.layOut(g, null, seed);
            assertTrue(distance(other[3], other[4]) > 1.0, "seed " + seed);
            parted |= Math.abs(distance(other[0], other[3]) - distance(first[0], first[3]))
                    > 0.1;
        }
        assertTrue(parted, "no seed sends node 3 to the other side");
    }

    @Test
    void givenStartPointsKeepTheirTurn() {
        // A hexagon started from points that run clockwise, or anticlockwise, is laid out
        // turning the same way: the layout starts where it is told and ends as the hexagon of
        // least stress, whose side is about 1.115 (a compromise of the 1, 2 and 3 hops).
        int n = 6;
        double[][] free = StressLayout.layOut(ring(n), null, 42);
        for (int turn : new int[] {1, -1}) {
            double[][] start = new double[n][];
            for (int i = 0; i < n; i++) {
                double angle = turn * 2 * Math.PI * i / n;
                start[i] = new double[] {100 + 40 * Math.cos(angle), 100 + 40 * Math.sin(angle)};
            }
            start[5] = null;

            double[][] xy = StressLayout.layOut(ring(n), start, 42);

            double area = 0.0;
            for (int i = 0; i < n; i++) {
                double[] a = xy[i];
                double[] b = xy[(i + 1) % n];
                area += a[0] * b[1] - a[1] * b[0];
            }
            assertEquals(turn, Math.signum(area), "turn " + turn + ", signed area " + area);
            for (int i = 0; i < n; i++) {
                assertEquals(distance(free[0], free[1]), distance(xy[i], xy[(i + 1) % n]),
                        0.01, "turn " + turn + ", side " + i);
            }
        }
    }

    @Test
    void aDisconnectedGraphOrAStartOfTheWrongSizeIsRefused() {
        IllegalArgumentException parts = assertThrows(IllegalArgumentException.class,
                () -> StressLayout.layOut(graph(4, 0, 1, 2, 3), null, 1));
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> StressLayout.layOut(path(3), new double[2][], 1));

        assertTrue(parts.getMessage().contains("not connected"), parts.getMessage());
        assertTrue(rows.getMessage().contains("2 rows for 3 nodes"), rows.getMessage());
    }

    @Test
    void oneNodeIsAtTheOriginAndNoNodesGiveNoRows() {
        assertArrayEquals(new double[] {0.0, 0.0}, StressLayout.layOut(graph(1), null, 1)[0]);
        assertEquals(0, StressLayout.layOut(graph(0), null, 1).length);
    }

    @Test
    void theHopCountsAreThoseOfBreadthFirstSearch() {
        double[][] d = StressLayout.hops(graph(5, 0, 1, 1, 2, 2, 3, 3, 4, 4, 0));

        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                int around = Math.abs(i - j);
                assertEquals(Math.min(around, 5 - around), d[i][j], 0.0, i + ", " + j);
            }
        }
    }

    @Test
    void noSmallMoveOfOneNodeLowersTheStressBeyondTheTolerance() {
        // A layout where the iteration settled: moving any one node a tenth of an edge in any
        // of eight directions does not lower the stress by more than the tolerance's share.
        List<int[][]> graphs = List.of(randomTree(25, 3), ring(9),
                graph(10, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0, 3, 6, 6, 7, 7, 8, 8, 9, 9, 4));
        for (int[][] g : graphs) {
            double[][] d = StressLayout.hops(g);
            double[][] xy = StressLayout.layOut(g, null, 42);
            double stress = StressLayout.stress(xy, d);

            for (int i = 0; i < g.length; i++) {
                for (int k = 0; k < 8; k++) {
                    double[][] moved = new double[xy.length][];
                    for (int j = 0; j < xy.length; j++) {
                        moved[j] = xy[j].clone();
                    }
                    moved[i][0] += 0.1 * Math.cos(k * Math.PI / 4);
                    moved[i][1] += 0.1 * Math.sin(k * Math.PI / 4);
                    double other = StressLayout.stress(moved, d);
                    assertTrue(other >= stress * (1 - 10 * StressLayout.TOLERANCE), g.length
                            + " nodes, node " + i + " moved: " + other + " < " + stress);
                }
            }
        }
    }
}
