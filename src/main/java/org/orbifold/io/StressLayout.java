package org.orbifold.io;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Places the nodes of a connected graph in the plane by stress majorization (Gansner, Koren
 * and North, "Graph Drawing by Stress Majorization", Graph Drawing 2004, LNCS 3383): the
 * layout {@code X} minimizes the stress
 * {@code sum over pairs i < j of w_ij (|x_i - x_j| - d_ij)^2}, where {@code d_ij} is the
 * number of edges of a shortest path between the nodes and {@code w_ij = d_ij^-2}, so that
 * every pair of nodes, not only the neighbours, is drawn about as far apart as the graph puts
 * them. Edges come out about one unit long.
 *
 * <p><b>Start.</b> The iteration starts from classical multidimensional scaling of the
 * distances (Torgerson's scaling, as Gansner, Koren and North advise): the {@value #AXES}
 * leading eigenvectors of the double-centred matrix {@code -1/2 J D^2 J} (EJML's symmetric QR
 * algorithm), scaled by the square roots of their eigenvalues (0 for one that is not
 * positive), each eigenvector's sign fixed so that its entry of largest magnitude (the first
 * on ties) is positive. It runs from the plane of the first two axes, then from the planes of
 * the first and the third and of the second and the third (skipping either with an axis of
 * zeros), and keeps the result of least stress, the earlier on ties: a ring that the leading
 * plane sees edge-on, as it sees a benzene ring with substituents on both faces, folds flat
 * there and opens up in another plane. When start points are given for two or more nodes
 * (the places of their partners in an aligned graph), it runs once: those nodes start there,
 * and the others at their places in the leading plane rotated, reflected, scaled and moved
 * as a whole to fit the given points best in the least-squares sense (Procrustes analysis).
 * Each start is then scaled to the stress-minimizing size and every coordinate moved by a
 * uniform amount of at most {@value #JITTER} edge lengths from one {@link Random} of the
 * seed: nodes whose distances to all others are equal, such as the two oxygens of a nitro
 * group, share one place in the scaling and would stay together, and the seed decides which
 * way they part.
 *
 * <p><b>Iteration.</b> Each step replaces the layout {@code Z} by the solution {@code X} of
 * {@code L_w X = L_Z Z} (Guttman's transform), where {@code L_w} is the Laplacian of the
 * weights and {@code L_Z} that of {@code w_ij d_ij / |z_i - z_j|} (0 for coincident nodes);
 * the stress never increases. {@code L_w} plus the all-ones matrix over n is positive definite
 * and acts as {@code L_w} on the centred right-hand sides, so it is factored once (Cholesky,
 * EJML). The iteration stops when a step lowers the stress by less than {@value #TOLERANCE}
 * of its value, or after {@value #MAX_ITERATIONS} steps.
 *
 * <p><b>Determinism.</b> The same graph, start points and seed give the same coordinates, bit
 * for bit: every step is sequential arithmetic in a fixed order.
 *
 * <p><b>Limitations.</b> The graph must be connected; {@link SvgDrawing} lays out its
 * connected parts one by one. Stress is a sum over all pairs, so the start takes time cubic
 * in the number of nodes (the eigen decomposition and the factorization), each step time
 * quadratic, and memory is quadratic: a molecule of 30 atoms takes about a millisecond; a
 * random tree with a tenth as many edges again took 0.7 seconds at 500 nodes, five at 1,000
 * and twenty at 2,000 on a loaded 2-core machine (docs/performance.md). {@link SvgDrawing}
 * lays out a part of more than {@link SvgDrawing#STRESS_LAYOUT_LIMIT} nodes by Fruchterman
 * and Reingold instead.
 * Stress majorization finds a local minimum near its starts and does not count crossings: a
 * bridged ring system (two rings sharing more than one bond) or a ring crowded with
 * substituents may still be drawn with an edge across another, and a node may sit close to
 * an edge it is not on.
 */
final class StressLayout {

    /** Least relative decrease of the stress for which the iteration continues. */
    static final double TOLERANCE = 1e-4;

    /** Most steps of the iteration. */
    static final int MAX_ITERATIONS = 500;

    /** Largest move of a start coordinate by the seed's random numbers, in edge lengths. */
    static final double JITTER = 1e-2;

    /** Number of leading axes of the classical scaling whose planes are tried as starts. */
    private static final int AXES = 3;

    /** The planes of pairs of leading axes tried as starts, the leading plane first. */
    private static final int[][] PLANES = {{0, 1}, {0, 2}, {1, 2}};

    /** Relative eigenvalue below which a direction of the classical scaling is left out. */
    private static final double NEGLIGIBLE = 1e-12;

    private StressLayout() {
    }

    /**
     * Returns the positions (rows of x, y) of the nodes of a connected graph, edges about one
     * unit long.
     *
     * @param neighbours for each node, the nodes it shares an edge with (each edge listed at
     *     both its nodes)
     * @param start for each node, its start point ({x, y}) or null, or null for none
     * @param seed the seed of the start's small random moves
     * @return the positions, one row per node
     * @throws IllegalArgumentException if the graph is not connected, or {@code start} has
     *     not one row per node
     */
    static double[][] layOut(int[][] neighbours, double[][] start, long seed) {
        int n = neighbours.length;
        if (start != null && start.length != n) {
            throw new IllegalArgumentException("start has " + start.length + " rows for " + n
                    + " nodes");
        }
        if (n == 0) {
            return new double[0][];
        }
        double[][] d = hops(neighbours);
        double[][] axes = scaling(d);
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inverse[i][j] = i == j ? 0.0 : 1.0 / d[i][j];
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = n == 1 ? null : laplacianSolver(inverse);
        Random random = new Random(seed);
        boolean fitted = start != null && givenCount(start) >= 2;
        double[][] best = null;
        double least = Double.POSITIVE_INFINITY;
        for (int[] plane : fitted ? new int[][] {PLANES[0]} : PLANES) {
            boolean flat = isZero(axes, plane[0]) || isZero(axes, plane[1]);
            if (best != null && flat) {
                continue;
            }
            double[][] xy = new double[n][];
            for (int i = 0; i < n; i++) {
                xy[i] = new double[] {axes[i][plane[0]], axes[i][plane[1]]};
            }
            if (fitted) {
                fitToGiven(xy, start);
            }
            scaleToStress(xy, d);
            for (double[] point : xy) {
                point[0] += JITTER * (2 * random.nextDouble() - 1);
                point[1] += JITTER * (2 * random.nextDouble() - 1);
            }
            double[] stress = new double[1];
            double[][] layout = majorize(xy, inverse, solver, stress);
            if (stress[0] < least || best == null) {
                best = layout;
                least = stress[0];
            }
        }
        return best;
    }

    private static int givenCount(double[][] start) {
        int given = 0;
        for (double[] point : start) {
            given += point == null ? 0 : 1;
        }
        return given;
    }

    private static boolean isZero(double[][] axes, int axis) {
        for (double[] row : axes) {
            if (row[axis] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the numbers of edges of shortest paths between all pairs of nodes, by a
     * breadth-first search from each node.
     */
    static double[][] hops(int[][] neighbours) {
        int n = neighbours.length;
        double[][] d = new double[n][n];
        int[] queue = new int[n];
        int[] level = new int[n];
        for (int source = 0; source < n; source++) {
            Arrays.fill(level, -1);
            level[source] = 0;
            queue[0] = source;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int a = queue[head++];
                for (int b : neighbours[a]) {
                    if (level[b] < 0) {
                        level[b] = level[a] + 1;
                        queue[tail++] = b;
                    }
                }
            }
            if (tail < n) {
                throw new IllegalArgumentException("the graph is not connected: node "
                        + source + " reaches " + tail + " of " + n + " nodes");
            }
            for (int b = 0; b < n; b++) {
                d[source][b] = level[b];
            }
        }
        return d;
    }

    /**
     * Returns the classical scaling of the distances into {@value #AXES} dimensions: the
     * leading eigenvectors of {@code -1/2 J D^2 J} times the square roots of their
     * eigenvalues, 0 for an eigenvalue that is not positive.
     */
    private static double[][] scaling(double[][] d) {
        int n = d.length;
        double[] rowMean = new double[n];
        double grandMean = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMean[i] += d[i][j] * d[i][j];
            }
            grandMean += rowMean[i];
            rowMean[i] /= n;
        }
        grandMean /= (double) n * n;
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.set(i, j, -0.5 * (d[i][j] * d[i][j] - rowMean[i] - rowMean[j] + grandMean));
            }
        }

        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(b)) {
            throw new IllegalStateException("the symmetric eigen decomposition of a " + n
                    + " x " + n + " matrix did not converge");
        }
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        double largest = 0.0;
        for (int k = 0; k < n; k++) {
            order[k] = k;
            values[k] = eig.getEigenvalue(k).getReal();
            largest = Math.max(largest, Math.abs(values[k]));
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));

        double[][] xy = new double[n][AXES];
        for (int c = 0; c < Math.min(AXES, n); c++) {
            int k = order[c];
            if (!(values[k] > NEGLIGIBLE * largest)) {
                continue;
            }
            DMatrixRMaj v = eig.getEigenVector(k);
            int peak = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.get(i, 0)) > Math.abs(v.get(peak, 0))) {
                    peak = i;
                }
            }
            double factor = Math.sqrt(values[k]) / norm(v) * Math.signum(v.get(peak, 0));
            for (int i = 0; i < n; i++) {
                xy[i][c] = factor * v.get(i, 0);
            }
        }
        return xy;
    }

    private static double norm(DMatrixRMaj v) {
        double sum = 0.0;
        for (int i = 0; i < v.numRows; i++) {
            sum += v.get(i, 0) * v.get(i, 0);
        }
        return Math.sqrt(sum);
    }

    /**
     * Moves the points with a given start there, and the others by the rotation, reflection,
     * scaling and translation that brings the former closest to their given points in the
     * least-squares sense; does nothing with fewer than two given points or when no such
     * map exists (all given points, or all their scaled counterparts, at one place).
     */
    private static void fitToGiven(double[][] xy, double[][] start) {
        int given = 0;
        double[] meanFrom = new double[2];
        double[] meanTo = new double[2];
        for (int i = 0; i < xy.length; i++) {
            if (start[i] != null) {
                given++;
                for (int c = 0; c < 2; c++) {
                    meanFrom[c] += xy[i][c];
                    meanTo[c] += start[i][c];
                }
            }
        }
        if (given < 2) {
            return;
        }
        for (int c = 0; c < 2; c++) {
            meanFrom[c] /= given;
            meanTo[c] /= given;
        }

        // Sums of products of the centred coordinates, from (a) to (b): xToX is sum ax bx.
        double xToX = 0.0;
        double xToY = 0.0;
        double yToX = 0.0;
        double yToY = 0.0;
        double spread = 0.0;
        for (int i = 0; i < xy.length; i++) {
            if (start[i] != null) {
                double ax = xy[i][0] - meanFrom[0];
                double ay = xy[i][1] - meanFrom[1];
                double bx = start[i][0] - meanTo[0];
                double by = start[i][1] - meanTo[1];
                xToX += ax * bx;
                xToY += ax * by;
                yToX += ay * bx;
                yToY += ay * by;
                spread += ax * ax + ay * ay;
            }
        }

        // The best rotation by an angle t has cos t = p / r and sin t = q / r; a reflection
        // of y first gives p' and q'. The larger r wins, and r / spread is the scale.
        double p = xToX + yToY;
        double q = xToY - yToX;
        double reflectedP = xToX - yToY;
        double reflectedQ = xToY + yToX;
        boolean reflect = Math.hypot(reflectedP, reflectedQ) > Math.hypot(p, q);
        double r = reflect ? Math.hypot(reflectedP, reflectedQ) : Math.hypot(p, q);
        if (!(r > 0.0) || !(spread > 0.0)) {
            return;
        }
        double cos = (reflect ? reflectedP : p) / r;
        double sin = (reflect ? reflectedQ : q) / r;
        double scale = r / spread;
        for (int i = 0; i < xy.length; i++) {
            if (start[i] != null) {
                xy[i][0] = start[i][0];
                xy[i][1] = start[i][1];
                continue;
            }
            double ax = xy[i][0] - meanFrom[0];
            double ay = (xy[i][1] - meanFrom[1]) * (reflect ? -1 : 1);
            xy[i][0] = meanTo[0] + scale * (cos * ax - sin * ay);
            xy[i][1] = meanTo[1] + scale * (sin * ax + cos * ay);
        }
    }

    /**
     * Scales the points about their mean by the factor that minimizes the stress,
     * {@code sum w d |x_i - x_j| / sum w |x_i - x_j|^2}; leaves them when all coincide.
     */
    private static void scaleToStress(double[][] xy, double[][] d) {
        int n = xy.length;
        double up = 0.0;
        double down = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double dx = xy[i][0] - xy[j][0];
                double dy = xy[i][1] - xy[j][1];
                double length = Math.sqrt(dx * dx + dy * dy);
                double w = 1.0 / (d[i][j] * d[i][j]);
                up += w * d[i][j] * length;
                down += w * length * length;
            }
        }
        if (!(down > 0.0)) {
            return;
        }
        double factor = up / down;
        double[] mean = new double[2];
        for (double[] point : xy) {
            mean[0] += point[0] / n;
            mean[1] += point[1] / n;
        }
        for (double[] point : xy) {
            point[0] = (point[0] - mean[0]) * factor;
            point[1] = (point[1] - mean[1]) * factor;
        }
    }

    /**
     * Returns the Cholesky factorization of the weights' Laplacian plus the all-ones matrix
     * over n, positive definite for a connected graph of two or more nodes; {@code inverse}
     * holds the reciprocals of the distances, 0 on the diagonal.
     */
    private static LinearSolverDense<DMatrixRMaj> laplacianSolver(double[][] inverse) {
        int n = inverse.length;
        DMatrixRMaj weights = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double diagonal = 0.0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double w = inverse[i][j] * inverse[i][j];
                    weights.set(i, j, -w + 1.0 / n);
                    diagonal += w;
                }
            }
            weights.set(i, i, diagonal + 1.0 / n);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(weights)) {
            throw new IllegalStateException("the weighted Laplacian of " + n
                    + " nodes is not positive definite");
        }
        return solver;
    }

    /**
     * Runs Guttman's transform from the points until the stress settles, solving with the
     * factored Laplacian (null for one node); {@code inverse} holds the reciprocals of the
     * distances. Returns the last layout, whose stress is {@code stress[0]} on return.
     */
    private static double[][] majorize(double[][] start, double[][] inverse,
            LinearSolverDense<DMatrixRMaj> solver, double[] stress) {
        int n = start.length;
        if (n == 1) {
            stress[0] = 0.0;
            return new double[][] {{0.0, 0.0}};
        }
        DMatrixRMaj z = new DMatrixRMaj(n, 2);
        for (int i = 0; i < n; i++) {
            z.set(i, 0, start[i][0]);
            z.set(i, 1, start[i][1]);
        }
        DMatrixRMaj right = new DMatrixRMaj(n, 2);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; ; step++) {
            double current = guttmanRight(z.data, inverse, right.data);
            boolean settled = current == 0.0 || previous - current < TOLERANCE * previous;
            if (settled || step == MAX_ITERATIONS) {
                stress[0] = current;
                break;
            }
            previous = current;
            solver.solve(right, x);
            DMatrixRMaj swap = z;
            z = x;
            x = swap;
        }
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) {
            xy[i] = new double[] {z.get(i, 0), z.get(i, 1)};
        }
        return xy;
    }

    /**
     * Writes {@code L_Z Z} into {@code right} and returns the stress of {@code Z}; both hold
     * one row of x and y per node, one after the other. The stress term of a pair is
     * {@code (|z_i - z_j| / d_ij - 1)^2}, its term of {@code L_Z Z} is
     * {@code (z_i - z_j) / (d_ij |z_i - z_j|)}, both from one distance.
     */
    private static double guttmanRight(double[] z, double[][] inverse, double[] right) {
        int n = inverse.length;
        Arrays.fill(right, 0.0);
        double stress = 0.0;
        for (int i = 1; i < n; i++) {
            double zx = z[2 * i];
            double zy = z[2 * i + 1];
            double[] row = inverse[i];
            double sumX = 0.0;
            double sumY = 0.0;
            for (int j = 0; j < i; j++) {
                double dx = zx - z[2 * j];
                double dy = zy - z[2 * j + 1];
                double length = Math.sqrt(dx * dx + dy * dy);
                double gap = length * row[j] - 1.0;
                stress += gap * gap;
                if (length > 0.0) {
                    double b = row[j] / length;
                    sumX += b * dx;
                    sumY += b * dy;
                    right[2 * j] -= b * dx;
                    right[2 * j + 1] -= b * dy;
                }
            }
            right[2 * i] += sumX;
            right[2 * i + 1] += sumY;
        }
        return stress;
    }

    /** Returns the stress of the layout whose rows are the nodes' points. */
    static double stress(double[][] xy, double[][] d) {
        double sum = 0.0;
        for (int i = 0; i < xy.length; i++) {
            for (int j = 0; j < i; j++) {
                double dx = xy[i][0] - xy[j][0];
                double dy = xy[i][1] - xy[j][1];
                double gap = Math.sqrt(dx * dx + dy * dy) - d[i][j];
                sum += gap * gap / (d[i][j] * d[i][j]);
            }
        }
        return sum;
    }
}
