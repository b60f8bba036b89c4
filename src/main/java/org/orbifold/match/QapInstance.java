package org.orbifold.match;

import java.util.Arrays;
import java.util.Locale;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;
import org.orbifold.space.WeightedOverflowException;

/**
 * The alignment of a graph {@code Y} to a graph {@code X}, both padded to order {@code m},
 * written as a Koopmans-Beckmann quadratic assignment problem with a linear term:
 *
 * <pre>
 *   f(pi) = sum_i S[i, pi(i)] + sum_{(i, k) in E_X} &lt;w x_ik, y_{pi(i) pi(k)}&gt;
 * </pre>
 *
 * <p>where {@code S[i, a] = w_node <x_ii, y_aa>} is the node gain, {@code w = w_edge} and the
 * second sum runs over the ordered pairs with a non-zero edge vector in {@code X}. Then
 * {@code f(pi) = <X, pi . Y>}. A mutable, reusable workspace: {@link #load} overwrites the
 * instance and reuses the arrays when they are large enough, so that aligners can keep one per
 * thread. Not thread-safe.
 *
 * <p>Layout: {@code S} is row-major {@code m x m}; the edges of {@code X}, already multiplied by
 * the edge weight, are stored twice in compressed rows, by source ({@code out*}) and by target
 * ({@code in*}); the edges of {@code Y} are stored as a list and as a dense
 * {@code m x m x de} array, pair {@code (a, b)} at offset {@code (a * m + b) * de}.
 */
final class QapInstance {

    /**
     * Largest supported bound {@code ||X|| ||Y||} on the objective: products and sums of the
     * instance's values (gradients, line-search coefficients, gain tables) then stay far from
     * overflow, and gradients below the linear-assignment solver's limit of {@code 1e300}.
     */
    static final double MAX_SCALE = Aligners.MAX_NORM_PRODUCT;
    /** Squared norms below this are recomputed on a copy multiplied by {@link #UPSCALE}. */
    private static final double TINY_SQUARED_NORM = 0x1p-900;
    private static final double UPSCALE = 0x1p600;
    private static final double TINY_ATTRIBUTES = 0x1p-300;
    /**
     * Largest relative gap, in squared distance, between a certified result and the optimum
     * that rounding may leave: {@code 1e-4}, so a certified distance is within about
     * {@code 5e-5} relative of the optimum. The rounding bound it is compared with is a worst
     * case, about a hundred times what the sums actually lose, so a stricter gap would leave
     * more near-copies unproven for no real doubt; this one leaves unproven the pairs closer
     * than about {@code 4e-5 sqrt(||X|| ||Y||)} at order 7 (a graph of 7 nodes with one
     * coordinate moved by {@code 1e-5}, but not by {@code 1e-3}).
     */
    static final double CERTIFIED_RELATIVE_GAP = 1e-4;
    /** Most distinct edge vectors of {@code X} for the table of edge gains. */
    private static final int MAX_EDGE_TYPES = 8;
    /** Smallest order at which local search may keep a table of all exchange gains. */
    static final int MIN_GAIN_TABLE_ORDER = 16;

    /** Matrix order: the number of nodes of both padded graphs. */
    int m;
    /** Edge attribute dimension. */
    int de;
    /** Orders of the unpadded graphs. */
    int nx;
    int ny;
    /** Whether the edge term can be non-zero at all. */
    boolean hasEdgeTerm;
    /**
     * Whether both graphs are undirected or at least symmetric ({@code x_ij = x_ji}, as in
     * most QAPLIB instances, which are read as directed graphs).
     */
    boolean bothUndirected;
    /** Whether {@code X} is symmetric, so that its in-edges mirror its out-edges. */
    private boolean xUndirected;
    /** An upper bound on {@code |f(pi)|} for every {@code pi}: {@code ||X|| ||Y||}. */
    double scale;

    /** Node gains, {@code m * m}. */
    double[] nodeGain = new double[0];

    int[] outStart = new int[1];
    int[] outNode = new int[0];
    double[] outValue = new double[0];
    int[] inStart = new int[1];
    int[] inNode = new int[0];
    double[] inValue = new double[0];
    /** Weighted edge attributes of {@code X}, dense, {@code m * m * de}. */
    double[] xDense = new double[0];

    int yEdgeCount;
    /** The edges of {@code Y} leaving node {@code a}: from {@code yStart[a]} to the next. */
    private int[] yStart = new int[1];
    int[] ySource = new int[0];
    int[] yTarget = new int[0];
    double[] yValue = new double[0];
    /** Edge attributes of {@code Y}, dense, {@code m * m * de}. */
    double[] yDense = new double[0];

    /**
     * Edge types, used when {@code de > 1} and {@code X} has at most {@value #MAX_EDGE_TYPES}
     * distinct weighted edge vectors (one-hot bond labels, for instance): type {@code t} of
     * out-edge {@code e} is {@code outType[e]} (of in-edge {@code e}, {@code inType[e]}), and
     * {@code typeGain[t * m * m + a * m + b] = <x_t, y_ab>}, so that an edge term costs one
     * look-up instead of a dot product of length {@code de}.
     */
    private boolean typed;
    private int typeCount;
    private int[] outType = new int[0];
    private int[] inType = new int[0];
    private double[] typeVectors = new double[0];
    private double[] typeGain = new double[0];
    /**
     * For typed instances, the edges of {@code Y} with a non-zero gain against each type, in
     * compressed rows by source: those of type {@code t} and source {@code a} are
     * {@code typedYStart[t * (m + 1) + a]} up to the next start, with target
     * {@code typedYTarget[f]}, source {@code typedYSource[f]} and gain {@code typedYGain[f]
     * = <x_t, y_ab>}. For directed instances {@code typedYByTarget} lists the same edges in
     * compressed rows by target, from {@code typedYInStart}, as indices {@code f}.
     */
    private int[] typedYStart = new int[0];
    private int[] typedYSource = new int[0];
    private int[] typedYTarget = new int[0];
    private double[] typedYGain = new double[0];
    private int[] typedYInStart = new int[0];
    private int[] typedYByTarget = new int[0];
    /** Number of edges of {@code X} of each type. */
    private int[] typedXCount = new int[MAX_EDGE_TYPES];
    /**
     * Whether {@link #quadraticGradient} sums over pairs of edges of {@code X} and {@code Y} of
     * matching types ({@link #edgePairGradient}), chosen at {@link #load} when that is
     * cheaper than the products channel by channel; package-private so that tests can
     * compare both ways.
     */
    boolean edgePairGradient;

    /** Scratch products {@code P B^T} and {@code P B} of {@link #quadraticGradient}. */
    private double[] gradientLeft = new double[0];
    private double[] gradientRight = new double[0];
    /** Scratch: {@code P^T} and the transposed product being accumulated. */
    private double[] transposedIn = new double[0];
    private double[] transposedProduct = new double[0];

    /** Local search: a scratch list of nodes, the stack of nodes to examine, and its flags. */
    int[] activeNodes = new int[0];
    private int[] stack = new int[0];
    private boolean[] waiting = new boolean[0];
    private int stackSize;
    /** Scratch: insertion points while building the compressed rows by target. */
    private int[] fill = new int[0];
    /**
     * {@link #exhaustiveSearch}: {@code remainingBound[i]} bounds the gain of placing nodes
     * {@code i..nx-1} from above.
     */
    private double[] remainingBound = new double[0];
    private long placementsLeft;
    /** {@link #exhaustiveSearch}: row {@code i} lists the images to try for node {@code i}. */
    private int[] imageOrder = new int[0];
    /** Local search on dense instances: the table of all exchange gains, made when needed. */
    private SwapGains gainTable;
    /**
     * Local search on sparse undirected instances: {@code neighbourGain[j * m + c] =
     * sum_{k in N(j)} <x_jk, y_{c p(k)}>}, the edge value node {@code j} would have at image
     * {@code c}, and a scratch map from a node to its edge from the node under examination
     * ({@code -1} when not adjacent).
     */
    private double[] neighbourGain = new double[0];
    private int[] edgeTo = new int[0];

    /**
     * Fills this instance with the alignment problem of {@code y} to {@code x} at order
     * {@code m}. The caller has checked that both graphs belong to {@code space} and that
     * {@code m} covers both orders.
     */
    void load(GraphSpace space, Graph x, Graph y, int order) {
        this.m = order;
        this.de = space.edgeDimension();
        this.nx = x.order();
        this.ny = y.order();
        double edgeWeight = space.edgeWeight();
        this.hasEdgeTerm = de > 0 && edgeWeight > 0.0 && x.edgeCount() > 0 && y.edgeCount() > 0;
        this.xUndirected = isSymmetric(x);
        this.bothUndirected = xUndirected && (x == y || isSymmetric(y));
        this.typed = false;
        this.edgePairGradient = false;
        this.scale = norm(space, x) * norm(space, y);
        if (!(scale <= MAX_SCALE)) {
            throw new WeightedOverflowException(String.format(Locale.ROOT, "the alignment's"
                    + " values are too large for double precision: ||x|| ||y|| = %.3g exceeds"
                    + " %.0e with node weight %.3g and edge weight %.3g", scale, MAX_SCALE,
                    space.nodeWeight(), edgeWeight));
        }
        if (stack.length < m) {
            activeNodes = new int[m];
            stack = new int[m];
            waiting = new boolean[m];
        }

        gradientLeft = ensure(gradientLeft, m * m);
        gradientRight = ensure(gradientRight, m * m);
        transposedIn = ensure(transposedIn, m * m);
        transposedProduct = ensure(transposedProduct, m * m);

        // Node gains S[i, a] = w_node <x_ii, y_aa>; padding rows and columns stay zero.
        nodeGain = ensure(nodeGain, m * m);
        Arrays.fill(nodeGain, 0, m * m, 0.0);
        double nodeWeight = space.nodeWeight();
        int dv = space.nodeDimension();
        for (int i = 0; i < nx; i++) {
            for (int a = 0; a < ny; a++) {
                double sum = 0.0;
                for (int c = 0; c < dv; c++) {
                    sum += x.node(i, c) * y.node(a, c);
                }
                nodeGain[i * m + a] = nodeWeight * sum;
            }
        }
        if (!hasEdgeTerm) {
            outStart = ensure(outStart, m + 1);
            inStart = ensure(inStart, m + 1);
            Arrays.fill(outStart, 0, m + 1, 0);
            Arrays.fill(inStart, 0, m + 1, 0);
            yEdgeCount = 0;
            return;
        }
        loadEdgesOfX(x, edgeWeight);
        loadEdgesOfY(y);
        if (de > 1) {
            loadEdgeTypes();
        }
    }

    /**
     * Groups the weighted edge vectors of {@code X} into types and fills the table of edge
     * gains, unless there are more than {@value #MAX_EDGE_TYPES} types ({@code typed} stays
     * false then).
     */
    private void loadEdgeTypes() {
        int pairs = outStart[m];
        outType = ensure(outType, pairs);
        inType = ensure(inType, pairs);
        typeVectors = ensure(typeVectors, MAX_EDGE_TYPES * de);
        typeCount = 0;
        for (int e = 0; e < pairs; e++) {
            int t = 0;
            while (t < typeCount && !Arrays.equals(typeVectors, t * de, (t + 1) * de,
                    outValue, e * de, (e + 1) * de)) {
                t++;
            }
            if (t == typeCount) {
                if (typeCount == MAX_EDGE_TYPES) {
                    return;
                }
                System.arraycopy(outValue, e * de, typeVectors, t * de, de);
                typeCount++;
            }
            outType[e] = t;
        }
        int[] fill = fillScratch(m);
        for (int i = 0; i < nx; i++) {
            for (int f = outStart[i]; f < outStart[i + 1]; f++) {
                inType[fill[outNode[f]]++] = outType[f];
            }
        }
        int mm = m * m;
        typeGain = ensure(typeGain, typeCount * mm);
        Arrays.fill(typeGain, 0, typeCount * mm, 0.0);
        for (int e = 0; e < yEdgeCount; e++) {
            int pair = ySource[e] * m + yTarget[e];
            for (int t = 0; t < typeCount; t++) {
                typeGain[t * mm + pair] = dot(typeVectors, t * de, yValue, e * de, de);
            }
        }
        typed = true;
        loadTypedEdgesOfY();
        Arrays.fill(typedXCount, 0);
        for (int e = 0; e < pairs; e++) {
            typedXCount[outType[e]]++;
        }
        // Rough operation counts: pairs of typed edges, against the fills and transposes of
        // the channel products plus their row updates.
        long pairWork = 0;
        for (int t = 0; t < typeCount; t++) {
            int count = typedYStart[t * (m + 1) + m] - typedYStart[t * (m + 1)];
            pairWork += (long) typedXCount[t] * count;
        }
        long channelWork = (long) m * m * (2 + 2 * de) + (long) m * (pairs + yEdgeCount);
        edgePairGradient = pairWork <= channelWork;
    }

    /**
     * Fills the lists of the edges of {@code Y} with a non-zero gain against each type of edge
     * of {@code X}, by source and, for directed instances, by target. The edges of {@code Y}
     * are listed by source already, so one pass per type suffices.
     */
    private void loadTypedEdgesOfY() {
        int mm = m * m;
        typedYStart = ensure(typedYStart, typeCount * (m + 1));
        typedYSource = ensure(typedYSource, typeCount * yEdgeCount);
        typedYTarget = ensure(typedYTarget, typeCount * yEdgeCount);
        typedYGain = ensure(typedYGain, typeCount * yEdgeCount);
        int f = 0;
        for (int t = 0; t < typeCount; t++) {
            int e = 0;
            for (int a = 0; a <= m; a++) {
                typedYStart[t * (m + 1) + a] = f;
                for (; e < yEdgeCount && ySource[e] == a; e++) {
                    double gain = typeGain[t * mm + a * m + yTarget[e]];
                    if (gain != 0.0) {
                        typedYSource[f] = a;
                        typedYTarget[f] = yTarget[e];
                        typedYGain[f] = gain;
                        f++;
                    }
                }
            }
        }
        if (bothUndirected) {
            return;
        }
        typedYInStart = ensure(typedYInStart, typeCount * (m + 1));
        typedYByTarget = ensure(typedYByTarget, f);
        Arrays.fill(typedYInStart, 0, typeCount * (m + 1), 0);
        for (int t = 0; t < typeCount; t++) {
            int base = t * (m + 1);
            for (int g = typedYStart[base]; g < typedYStart[base + m]; g++) {
                typedYInStart[base + typedYTarget[g] + 1]++;
            }
            typedYInStart[base] = typedYStart[base];
            for (int b = 0; b < m; b++) {
                typedYInStart[base + b + 1] += typedYInStart[base + b];
            }
            fill = ensure(fill, m);
            System.arraycopy(typedYInStart, base, fill, 0, m);
            for (int g = typedYStart[base]; g < typedYStart[base + m]; g++) {
                typedYByTarget[fill[typedYTarget[g]]++] = g;
            }
        }
    }

    /** Returns a scratch copy of the first {@code m} entries of {@code inStart}. */
    private int[] fillScratch(int length) {
        fill = ensure(fill, length);
        System.arraycopy(inStart, 0, fill, 0, length);
        return fill;
    }

    /** Whether {@code g} is undirected or has {@code g_ij = g_ji} for every pair. */
    private static boolean isSymmetric(Graph g) {
        if (!g.isDirected()) {
            return true;
        }
        int dimension = g.edgeDimension();
        for (int i = 0; i < g.order(); i++) {
            for (int k = 0; k < g.outDegree(i); k++) {
                int j = g.successor(i, k);
                for (int c = 0; c < dimension; c++) {
                    if (g.edge(i, j, c) != g.edge(j, i, c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void loadEdgesOfX(Graph x, double edgeWeight) {
        // Compressed rows by source, weighted, and the dense weighted copy.
        int pairs = 0;
        for (int i = 0; i < nx; i++) {
            pairs += x.outDegree(i);
        }
        outStart = ensure(outStart, m + 1);
        inStart = ensure(inStart, m + 1);
        outNode = ensure(outNode, pairs);
        inNode = ensure(inNode, pairs);
        outValue = ensure(outValue, pairs * de);
        inValue = ensure(inValue, pairs * de);
        xDense = ensure(xDense, m * m * de);
        Arrays.fill(xDense, 0, m * m * de, 0.0);
        Arrays.fill(inStart, 0, m + 1, 0);
        int e = 0;
        for (int i = 0; i < m; i++) {
            outStart[i] = e;
            if (i >= nx) {
                continue;
            }
            for (int k = 0; k < x.outDegree(i); k++) {
                int j = x.successor(i, k);
                outNode[e] = j;
                for (int c = 0; c < de; c++) {
                    double value = edgeWeight * x.edge(i, j, c);
                    outValue[e * de + c] = value;
                    xDense[(i * m + j) * de + c] = value;
                }
                inStart[j + 1]++;
                e++;
            }
        }
        outStart[m] = e;

        // Compressed rows by target, from the counts gathered above.
        for (int j = 0; j < m; j++) {
            inStart[j + 1] += inStart[j];
        }
        int[] fill = fillScratch(m);
        for (int i = 0; i < nx; i++) {
            for (int f = outStart[i]; f < outStart[i + 1]; f++) {
                int j = outNode[f];
                int slot = fill[j]++;
                inNode[slot] = i;
                System.arraycopy(outValue, f * de, inValue, slot * de, de);
            }
        }
    }

    private void loadEdgesOfY(Graph y) {
        int pairs = 0;
        for (int a = 0; a < ny; a++) {
            pairs += y.outDegree(a);
        }
        ySource = ensure(ySource, pairs);
        yTarget = ensure(yTarget, pairs);
        yValue = ensure(yValue, pairs * de);
        yDense = ensure(yDense, m * m * de);
        Arrays.fill(yDense, 0, m * m * de, 0.0);
        yStart = ensure(yStart, m + 1);
        int e = 0;
        for (int a = 0; a < ny; a++) {
            yStart[a] = e;
            for (int k = 0; k < y.outDegree(a); k++) {
                int b = y.successor(a, k);
                ySource[e] = a;
                yTarget[e] = b;
                for (int c = 0; c < de; c++) {
                    double value = y.edge(a, b, c);
                    yValue[e * de + c] = value;
                    yDense[(a * m + b) * de + c] = value;
                }
                e++;
            }
        }
        yEdgeCount = e;
        Arrays.fill(yStart, ny, m + 1, e);
    }

    /**
     * Sets {@code out} to the gradient of the quadratic term at the {@code m x m} matrix
     * {@code P} in {@code in}, {@code H(P) = sum_c (A_c P B_c^T + A_c^T P B_c)}, so that the
     * gradient of {@code f} is {@code S + H(P)} and the quadratic term is
     * {@code <H(P), P> / 2}. Computed from the edge lists: first {@code T = P B^T} and
     * {@code U = P B} over the edges of {@code Y}, each edge adding one contiguous row of
     * {@code T^T} or {@code U^T}, then {@code A T} and
     * {@code A^T U} row by row over the edges of {@code X}; with both graphs undirected the
     * two products coincide and one is doubled. Costs {@code O(m (|E_X| + |E_Y|) d_e)}; both
     * arrays are row-major and at least {@code m * m} long.
     */
    void quadraticGradient(double[] in, double[] out) {
        double[] left = gradientLeft;
        double[] right = gradientRight;
        boolean symmetric = bothUndirected;
        Arrays.fill(out, 0, m * m, 0.0);
        if (!hasEdgeTerm) {
            return;
        }
        if (edgePairGradient) {
            edgePairGradient(in, out);
            return;
        }
        // With both graphs undirected the two products coincide: one, with doubled weights.
        double twice = symmetric ? 2.0 : 1.0;
        transpose(in, transposedIn);
        for (int c = 0; c < de; c++) {
            // T = P B_c^T and U = P B_c, accumulated transposed so that every edge of Y adds
            // one contiguous row: T^T[s, :] += v P^T[t, :] and U^T[t, :] += v P^T[s, :].
            productOverEdgesOfY(c, true, left);
            if (!symmetric) {
                productOverEdgesOfY(c, false, right);
            }

            // H += A_c T + A_c^T U.
            for (int i = 0; i < nx; i++) {
                for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                    double v = twice * outValue[e * de + c];
                    if (v == 0.0) {
                        continue;
                    }
                    int k = outNode[e];
                    addScaledRow(out, i, left, k, v);
                    if (!symmetric) {
                        addScaledRow(out, k, right, i, v);
                    }
                }
            }
        }
    }

    /**
     * Sets {@code out} to {@code H(Q)} ({@link #quadraticGradient}) for the permutation matrix
     * {@code Q} of the images {@code q}, in {@code O(m |E_X| d_e)} time, about half the cost of
     * the general gradient: {@code Q B_c^T} and {@code Q B_c} are {@code B_c} with permuted
     * columns and rows, so only the products with {@code A_c} remain,
     * {@code (A_c Q B_c^T)[i, a] = sum_k A_c[i, k] B_c[a, q(k)]} and
     * {@code (A_c^T Q B_c)[k, a] = sum_i A_c[i, k] B_c[q(i), a]}, one row of {@code B_c} or of
     * its transpose per edge of {@code X}. With both graphs undirected the two coincide and
     * one is doubled.
     */
    void permutationGradient(int[] q, double[] out) {
        boolean symmetric = bothUndirected;
        Arrays.fill(out, 0, m * m, 0.0);
        if (!hasEdgeTerm) {
            return;
        }
        if (typed) {
            typedPermutationGradient(q, out);
            return;
        }
        double twice = symmetric ? 2.0 : 1.0;
        for (int c = 0; c < de; c++) {
            // Rows of B_c (b, a) -> B_c[b, a] and, unless symmetric, of its transpose.
            double[] rows = yDense;
            if (de > 1) {
                rows = transposedIn;
                for (int k = 0; k < m * m; k++) {
                    rows[k] = yDense[k * de + c];
                }
            }
            double[] columns = rows;
            if (!symmetric) {
                columns = transposedProduct;
                transpose(rows, columns);
            }
            for (int i = 0; i < nx; i++) {
                for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                    double v = twice * outValue[e * de + c];
                    if (v == 0.0) {
                        continue;
                    }
                    int k = outNode[e];
                    addScaledRow(out, i, columns, q[k], v);
                    if (!symmetric) {
                        addScaledRow(out, k, rows, q[i], v);
                    }
                }
            }
        }
    }

    /**
     * {@link #quadraticGradient} of a typed instance, into {@code out} (zeroed), as a sum over
     * pairs of edges: {@code H[i, a] += <x_ik, y_ab> P[k, b]} for every edge {@code (i, k)} of
     * {@code X} and every edge {@code (a, b)} of {@code Y} with a non-zero gain against its
     * type, and {@code H[k, b] += <x_ik, y_ab> P[i, a]} unless both graphs are undirected, in
     * which case the first sum is doubled. Costs {@code sum_t |E_X^t| |E_Y^t|}: for sparse
     * graphs with one-hot edge labels, far less than the {@code O(m^2 d_e)} set-up of the
     * products channel by channel.
     */
    private void edgePairGradient(double[] in, double[] out) {
        boolean symmetric = bothUndirected;
        double twice = symmetric ? 2.0 : 1.0;
        for (int i = 0; i < nx; i++) {
            int rowI = i * m;
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                int t = outType[e];
                int rowK = outNode[e] * m;
                int end = typedYStart[t * (m + 1) + m];
                for (int f = typedYStart[t * (m + 1)]; f < end; f++) {
                    out[rowI + typedYSource[f]] += twice * typedYGain[f]
                            * in[rowK + typedYTarget[f]];
                }
                if (!symmetric) {
                    for (int f = typedYStart[t * (m + 1)]; f < end; f++) {
                        out[rowK + typedYTarget[f]] += typedYGain[f]
                                * in[rowI + typedYSource[f]];
                    }
                }
            }
        }
    }

    /**
     * {@link #permutationGradient} of a typed instance, into {@code out} (zeroed): for every
     * edge {@code (i, k)} of {@code X} of type {@code t}, {@code H[i, a] += <x_t, y_{a q(k)}>}
     * over the edges of {@code Y} entering {@code q(k)}, and {@code H[k, b] +=
     * <x_t, y_{q(i) b}>} over those leaving {@code q(i)}; with both graphs undirected the two
     * coincide and the first is doubled. Costs {@code O(|E_X| deg_Y)}.
     */
    private void typedPermutationGradient(int[] q, double[] out) {
        boolean symmetric = bothUndirected;
        for (int i = 0; i < nx; i++) {
            int rowI = i * m;
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                int base = outType[e] * (m + 1);
                int k = outNode[e];
                if (symmetric) {
                    int b = q[k];
                    for (int f = typedYStart[base + b]; f < typedYStart[base + b + 1]; f++) {
                        out[rowI + typedYTarget[f]] += 2.0 * typedYGain[f];
                    }
                    continue;
                }
                int b = q[k];
                for (int g = typedYInStart[base + b]; g < typedYInStart[base + b + 1]; g++) {
                    int f = typedYByTarget[g];
                    out[rowI + typedYSource[f]] += typedYGain[f];
                }
                int a = q[i];
                int rowK = k * m;
                for (int f = typedYStart[base + a]; f < typedYStart[base + a + 1]; f++) {
                    out[rowK + typedYTarget[f]] += typedYGain[f];
                }
            }
        }
    }

    /**
     * Sets {@code product} to {@code P B_c^T} ({@code transposedB}) or {@code P B_c}, from
     * {@code P^T} in {@code transposedIn}, by rows of the transposed product, then transposes.
     */
    private void productOverEdgesOfY(int c, boolean transposedB, double[] product) {
        double[] pt = transposedIn;
        double[] acc = transposedProduct;
        Arrays.fill(acc, 0, m * m, 0.0);
        for (int e = 0; e < yEdgeCount; e++) {
            double v = yValue[e * de + c];
            if (v == 0.0) {
                continue;
            }
            int row = (transposedB ? ySource[e] : yTarget[e]) * m;
            int from = (transposedB ? yTarget[e] : ySource[e]) * m;
            for (int k = 0; k < m; k++) {
                acc[row + k] += v * pt[from + k];
            }
        }
        transpose(acc, product);
    }

    private void transpose(double[] source, double[] target) {
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                target[k * m + i] = source[i * m + k];
            }
        }
    }

    private void addScaledRow(double[] target, int targetRow, double[] source, int sourceRow,
            double factor) {
        int t = targetRow * m;
        int s = sourceRow * m;
        for (int a = 0; a < m; a++) {
            target[t + a] += factor * source[s + a];
        }
    }

    /**
     * Writes the coefficients of {@code f(P + t (Q - P)) = f(P) + C t + D t^2}, the objective
     * along the segment from the {@code m x m} matrix {@code P} to the permutation matrix
     * {@code Q}: {@code coefficients[0] = C = <S + H(P), Q - P>}, the first-order gain, and
     * {@code coefficients[1] = D = q(Q - P)}, the curvature, where {@code q} is the quadratic
     * term. Uses {@code q(Q - P) = q(Q) - <H(P), Q> + <H(P), P> / 2} and
     * {@code q(Q) = f(Q) - <S, Q>}.
     *
     * @param p the matrix {@code P}
     * @param h the quadratic gradient {@code H(P)} ({@link #quadraticGradient})
     * @param q the images of the permutation {@code Q}
     * @param valueAtQ {@code f(Q)} ({@link #value})
     * @param coefficients receives {@code C} and {@code D}
     */
    void segmentCoefficients(double[] p, double[] h, int[] q, double valueAtQ,
            double[] coefficients) {
        double sp = 0.0;
        double hp = 0.0;
        for (int k = 0; k < m * m; k++) {
            sp += nodeGain[k] * p[k];
            hp += h[k] * p[k];
        }
        double sq = 0.0;
        double hq = 0.0;
        for (int i = 0; i < m; i++) {
            int k = i * m + q[i];
            sq += nodeGain[k];
            hq += h[k];
        }
        coefficients[0] = (sq + hq) - (sp + hp);
        coefficients[1] = (valueAtQ - sq) - hq + 0.5 * hp;
    }

    /** Returns {@code f(p)} for a permutation given by its images. */
    double value(int[] p) {
        double sum = 0.0;
        for (int i = 0; i < m; i++) {
            sum += nodeGain[i * m + p[i]];
        }
        if (!hasEdgeTerm) {
            return sum;
        }
        for (int i = 0; i < nx; i++) {
            int rowOffset = p[i] * m;
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                sum += edgeGain(outValue, outType, e, rowOffset + p[outNode[e]]);
            }
        }
        return sum;
    }

    /**
     * Returns {@code f(p o (i j)) - f(p)}, the gain of exchanging the images of {@code i} and
     * {@code j}, in time proportional to their degrees in {@code X}. When both graphs are
     * undirected the edges entering {@code i} and {@code j} mirror those leaving them and the
     * pair {@code (i, j)} itself keeps its value, so the edges leaving them are counted twice
     * instead.
     */
    double swapGain(int[] p, int i, int j) {
        int a = p[i];
        int b = p[j];
        double gain = nodeGain[i * m + b] + nodeGain[j * m + a] - nodeGain[i * m + a]
                - nodeGain[j * m + b];
        if (!hasEdgeTerm) {
            return gain;
        }
        if (bothUndirected) {
            return gain + 2.0 * (rowChange(p, i, j, a * m, b * m)
                    + rowChange(p, j, i, b * m, a * m));
        }

        // Edges leaving i or j; the pair (i, j) itself trades y_ab for y_ba.
        int rowA = a * m;
        int rowB = b * m;
        for (int e = outStart[i]; e < outStart[i + 1]; e++) {
            int k = outNode[e];
            int target = k == j ? a : p[k];
            gain += edgeGain(outValue, outType, e, rowB + target)
                    - edgeGain(outValue, outType, e, rowA + (k == j ? b : target));
        }
        for (int e = outStart[j]; e < outStart[j + 1]; e++) {
            int k = outNode[e];
            int target = k == i ? b : p[k];
            gain += edgeGain(outValue, outType, e, rowA + target)
                    - edgeGain(outValue, outType, e, rowB + (k == i ? a : target));
        }

        // Edges entering i or j from a third node.
        for (int e = inStart[i]; e < inStart[i + 1]; e++) {
            int k = inNode[e];
            if (k != j) {
                int source = p[k] * m;
                gain += edgeGain(inValue, inType, e, source + b)
                        - edgeGain(inValue, inType, e, source + a);
            }
        }
        for (int e = inStart[j]; e < inStart[j + 1]; e++) {
            int k = inNode[e];
            if (k != i) {
                int source = p[k] * m;
                gain += edgeGain(inValue, inType, e, source + a)
                        - edgeGain(inValue, inType, e, source + b);
            }
        }
        return gain;
    }

    /**
     * For undirected graphs: the change of {@code sum_k <x_ik, y_{c p(k)}>} over the
     * neighbours {@code k != j} of {@code i} when the image of {@code i} moves from row
     * {@code from = c * m} of {@code Y} to row {@code to}. One tight loop per storage of the
     * edge terms (scalar, typed, general), as this is the innermost loop of local search.
     */
    private double rowChange(int[] p, int i, int j, int from, int to) {
        double sum = 0.0;
        int end = outStart[i + 1];
        if (de == 1) {
            for (int e = outStart[i]; e < end; e++) {
                int k = outNode[e];
                if (k != j) {
                    int b = p[k];
                    sum += outValue[e] * (yDense[to + b] - yDense[from + b]);
                }
            }
        } else if (typed) {
            int mm = m * m;
            for (int e = outStart[i]; e < end; e++) {
                int k = outNode[e];
                if (k != j) {
                    int b = p[k];
                    int t = outType[e] * mm;
                    sum += typeGain[t + to + b] - typeGain[t + from + b];
                }
            }
        } else {
            for (int e = outStart[i]; e < end; e++) {
                int k = outNode[e];
                if (k != j) {
                    int b = p[k];
                    sum += dot(outValue, e * de, yDense, (to + b) * de, de)
                            - dot(outValue, e * de, yDense, (from + b) * de, de);
                }
            }
        }
        return sum;
    }

    /**
     * Returns {@code <x_e, y_pair>} for edge {@code e} of {@code X}, of the out-edges or the
     * in-edges as the arrays say, and the pair {@code pair = c * m + d} of {@code Y}.
     */
    private double edgeGain(double[] values, int[] types, int e, int pair) {
        if (de == 1) {
            return values[e] * yDense[pair];
        }
        if (typed) {
            return typeGain[types[e] * m * m + pair];
        }
        return dot(values, e * de, yDense, pair * de, de);
    }

    /**
     * Improves {@code p} in place by exchanging pairs of images while some exchange gains more
     * than {@code minGain}, and returns the total gain; the result is a local optimum for
     * exchanges. Exchanges of two padding nodes of {@code X}, or of two padding nodes of
     * {@code Y}, change nothing and are skipped.
     *
     * <p>Sparse instances use first improvement over a stack of nodes to examine
     * ({@link #localSearchAround}): each improving exchange costs {@code O(m deg^2)} there, with
     * {@code deg} the mean degree of {@code X}. Dense ones ({@link #prefersGainTable}) keep the
     * table of all gains ({@link SwapGains}) and make the best exchange each time, at
     * {@code O(m^2 d_e)} per exchange instead of {@code O(m^3)}.
     */
    double localSearch(int[] p, double minGain) {
        if (prefersGainTable()) {
            SwapGains table = gainTable();
            table.reset(this, p);
            double total = table.descend(minGain);
            System.arraycopy(table.p, 0, p, 0, m);
            return total;
        }
        for (int i = 0; i < m; i++) {
            activeNodes[i] = i;
        }
        return localSearchAround(p, minGain, activeNodes, m);
    }

    /**
     * Whether local search should keep the table of all exchange gains: the order is at least
     * {@value #MIN_GAIN_TABLE_ORDER} and {@code X} is dense enough that an improving exchange,
     * {@code O(m deg^2)} on the sparse path with {@code deg} the mean out-degree of {@code X},
     * costs more than updating the table, {@code O(m^2 d_e)}: {@code deg^2 >= m d_e / 2}.
     */
    boolean prefersGainTable() {
        if (!hasEdgeTerm || m < MIN_GAIN_TABLE_ORDER) {
            return false;
        }
        double degree = (double) outStart[m] / m;
        return 2.0 * degree * degree >= (double) m * de;
    }

    /** Returns this instance's gain table, made on first use. */
    SwapGains gainTable() {
        if (gainTable == null) {
            gainTable = new SwapGains();
        }
        return gainTable;
    }

    /**
     * Like {@link #localSearch}, for a permutation that is a local optimum for exchanges except
     * around the given nodes, whose images have changed.
     *
     * <p>The gain of exchanging {@code i} and {@code j} depends only on the images of {@code i},
     * {@code j} and their neighbours in {@code X}. So only nodes that changed, or neighbour a
     * node that changed, need their exchanges examined: such nodes wait in a stack and every
     * applied exchange pushes its two nodes and their neighbours (the "don't look bits" of
     * Bentley 1992, "Fast algorithms for geometric traveling salesman problems", ORSA J. Comput.
     * 4(4): 387-411, doi:10.1287/ijoc.4.4.387). The result is again a local optimum.
     *
     * @param changed nodes whose images changed; the first {@code count} are read, and the
     *     array may be {@code activeNodes} itself
     */
    double localSearchAround(int[] p, double minGain, int[] changed, int count) {
        Arrays.fill(waiting, 0, m, false);
        stackSize = 0;
        for (int k = 0; k < count; k++) {
            pushWithNeighbours(changed[k]);
        }
        if (hasEdgeTerm && bothUndirected) {
            return undirectedSearch(p, minGain);
        }
        double total = 0.0;
        while (stackSize > 0) {
            int i = stack[--stackSize];
            waiting[i] = false;
            for (int j = 0; j < m; j++) {
                if (j == i || (i >= nx && j >= nx) || (p[i] >= ny && p[j] >= ny)) {
                    continue;
                }
                double gain = swapGain(p, i, j);
                if (gain > minGain) {
                    int swap = p[i];
                    p[i] = p[j];
                    p[j] = swap;
                    total += gain;
                    pushWithNeighbours(i);
                    pushWithNeighbours(j);
                }
            }
        }
        return total;
    }

    /**
     * The stack search of {@link #localSearchAround} for undirected instances, with every
     * exchange gain read in constant time from {@code neighbourGain}: with {@code a = p(i)},
     * {@code b = p(j)} and {@code C = neighbourGain}, the edge part of the gain is
     * {@code 2 (C[i, b] - C[i, a] + C[j, a] - C[j, b] + 2 <x_ij, y_ab>)}, the last term only
     * for adjacent {@code i} and {@code j} (their own edge is counted in both rows of
     * {@code C} at the wrong image). Setting {@code C} up costs {@code O(m^2 + |E_X| deg_Y)},
     * updating it after an exchange {@code O(deg_X deg_Y)}, over the neighbours of the two
     * nodes and the neighbours of their two images.
     */
    private double undirectedSearch(int[] p, double minGain) {
        neighbourGain = ensure(neighbourGain, m * m);
        if (edgeTo.length < m) {
            edgeTo = new int[m];
        }
        Arrays.fill(edgeTo, 0, m, -1);
        Arrays.fill(neighbourGain, 0, m * m, 0.0);
        for (int i = 0; i < nx; i++) {
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                addNeighbourTerms(i, e, p[outNode[e]], 1.0);
            }
        }
        double[] c = neighbourGain;
        double total = 0.0;
        while (stackSize > 0) {
            int i = stack[--stackSize];
            waiting[i] = false;
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                edgeTo[outNode[e]] = e;
            }
            int rowI = i * m;
            for (int j = 0; j < m; j++) {
                int a = p[i];
                int b = p[j];
                if (j == i || (i >= nx && j >= nx) || (a >= ny && b >= ny)) {
                    continue;
                }
                int rowJ = j * m;
                double edges = c[rowI + b] - c[rowI + a] + c[rowJ + a] - c[rowJ + b];
                int e = edgeTo[j];
                if (e >= 0) {
                    edges += 2.0 * edgeGain(outValue, outType, e, a * m + b);
                }
                double gain = nodeGain[rowI + b] + nodeGain[rowJ + a] - nodeGain[rowI + a]
                        - nodeGain[rowJ + b] + 2.0 * edges;
                if (gain > minGain) {
                    p[i] = b;
                    p[j] = a;
                    moveImage(i, a, b);
                    moveImage(j, b, a);
                    total += gain;
                    pushWithNeighbours(i);
                    pushWithNeighbours(j);
                }
            }
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                edgeTo[outNode[e]] = -1;
            }
        }
        return total;
    }

    /**
     * Updates {@code neighbourGain} after node {@code i} of an undirected instance moved from
     * image {@code from} to image {@code to}.
     */
    private void moveImage(int i, int from, int to) {
        for (int e = outStart[i]; e < outStart[i + 1]; e++) {
            int k = outNode[e];
            addNeighbourTerms(k, e, from, -1.0);
            addNeighbourTerms(k, e, to, 1.0);
        }
    }

    /**
     * Adds {@code sign <x_e, y_{c b}>} to {@code neighbourGain[k * m + c]} for every neighbour
     * {@code c} of node {@code b} of {@code Y}: the terms of edge {@code e} of {@code X} (or of
     * its mirror, the same vector in an undirected instance) when its other end has image
     * {@code b}.
     */
    private void addNeighbourTerms(int k, int e, int b, double sign) {
        int row = k * m;
        if (typed) {
            int base = outType[e] * (m + 1);
            for (int f = typedYStart[base + b]; f < typedYStart[base + b + 1]; f++) {
                neighbourGain[row + typedYTarget[f]] += sign * typedYGain[f];
            }
        } else if (de == 1) {
            double v = sign * outValue[e];
            for (int f = yStart[b]; f < yStart[b + 1]; f++) {
                neighbourGain[row + yTarget[f]] += v * yValue[f];
            }
        } else {
            for (int f = yStart[b]; f < yStart[b + 1]; f++) {
                neighbourGain[row + yTarget[f]] += sign * dot(outValue, e * de, yValue, f * de,
                        de);
            }
        }
    }

    private void pushWithNeighbours(int i) {
        push(i);
        for (int e = outStart[i]; e < outStart[i + 1]; e++) {
            push(outNode[e]);
        }
        if (xUndirected) {
            return;
        }
        for (int e = inStart[i]; e < inStart[i + 1]; e++) {
            push(inNode[e]);
        }
    }

    private void push(int i) {
        if (!waiting[i]) {
            waiting[i] = true;
            stack[stackSize++] = i;
        }
    }

    /**
     * Sets {@code best} to a permutation of largest {@link #value} by enumerating the
     * injections of the real nodes of {@code X} into the nodes of {@code Y} depth first, and
     * returns that value as summed along the search. Node {@code i} of {@code X} is placed
     * after nodes {@code 0..i-1}, adding its node gain and the edge terms to and from the nodes
     * already placed; padding nodes of {@code Y} are interchangeable, so only the first free
     * one is tried; padding nodes of {@code X} take the images left over, in increasing order.
     * A branch whose placed value plus a static bound on the rest (for each later node, its
     * largest node gain plus the largest gain of each of its edges to earlier nodes) cannot
     * beat the best value so far is cut. Costs {@code O(m! (1 + deg))} at most, hence the limit.
     *
     * @param best receives the images, length at least {@code m}
     * @param images scratch of length at least {@code m}
     * @param used scratch of length at least {@code m}
     * @param placementLimit the most placements of a node to try
     * @return whether the search finished within the limit; if not, {@code best} is
     *     undefined
     */
    boolean exhaustiveSearch(int[] best, int[] images, boolean[] used, long placementLimit) {
        remainingBound = ensure(remainingBound, m + 1);
        remainingBound[nx] = 0.0;
        for (int i = nx - 1; i >= 0; i--) {
            double most = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                most = Math.max(most, nodeGain[i * m + a]);
            }
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                if (outNode[e] <= i) {
                    most += largestEdgeGain(outValue, outType, e);
                }
            }
            for (int e = inStart[i]; e < inStart[i + 1]; e++) {
                if (inNode[e] < i) {
                    most += largestEdgeGain(inValue, inType, e);
                }
            }
            remainingBound[i] = remainingBound[i + 1] + most;
        }
        imageOrder = ensure(imageOrder, m * m);
        for (int i = 0; i < nx; i++) {
            sortImagesByNodeGain(i);
        }
        Arrays.fill(used, 0, m, false);
        placementsLeft = placementLimit;
        placeNext(0, 0.0, Double.NEGATIVE_INFINITY, best, images, used);
        if (placementsLeft < 0) {
            return false;
        }
        Arrays.fill(used, 0, m, false);
        for (int i = 0; i < nx; i++) {
            used[best[i]] = true;
        }
        int free = 0;
        for (int i = nx; i < m; i++) {
            while (used[free]) {
                free++;
            }
            best[i] = free++;
        }
        return true;
    }

    /**
     * Sets row {@code i} of {@code imageOrder} to the nodes of {@code Y} by decreasing node
     * gain with node {@code i} of {@code X} (insertion sort, ties by index), so that the
     * first leaf of {@link #exhaustiveSearch} is the greedy assignment.
     */
    private void sortImagesByNodeGain(int i) {
        int row = i * m;
        for (int a = 0; a < m; a++) {
            int r = a;
            while (r > 0 && nodeGain[row + imageOrder[row + r - 1]] < nodeGain[row + a]) {
                imageOrder[row + r] = imageOrder[row + r - 1];
                r--;
            }
            imageOrder[row + r] = a;
        }
    }

    /** The largest {@link #edgeGain} of edge {@code e} over all pairs of {@code Y}. */
    private double largestEdgeGain(double[] values, int[] types, int e) {
        double most = Double.NEGATIVE_INFINITY;
        for (int pair = 0; pair < m * m; pair++) {
            most = Math.max(most, edgeGain(values, types, e, pair));
        }
        return most;
    }

    /** One level of {@link #exhaustiveSearch}: places node {@code i}, returns the best value. */
    private double placeNext(int i, double partial, double incumbent, int[] best, int[] images,
            boolean[] used) {
        if (i == nx) {
            if (partial > incumbent) {
                System.arraycopy(images, 0, best, 0, nx);
                return partial;
            }
            return incumbent;
        }
        if (partial + remainingBound[i] <= incumbent || placementsLeft < 0) {
            return incumbent;
        }
        boolean paddingTried = false;
        for (int r = 0; r < m; r++) {
            int a = imageOrder[i * m + r];
            if (used[a] || (a >= ny && paddingTried)) {
                continue;
            }
            paddingTried |= a >= ny;
            if (--placementsLeft < 0) {
                return incumbent;
            }
            images[i] = a;
            double gain = nodeGain[i * m + a];
            int row = a * m;
            for (int e = outStart[i]; e < outStart[i + 1]; e++) {
                int k = outNode[e];
                if (k <= i) {
                    gain += edgeGain(outValue, outType, e, row + images[k]);
                }
            }
            for (int e = inStart[i]; e < inStart[i + 1]; e++) {
                int k = inNode[e];
                if (k < i) {
                    gain += edgeGain(inValue, inType, e, images[k] * m + a);
                }
            }
            used[a] = true;
            incumbent = placeNext(i + 1, partial + gain, incumbent, best, images, used);
            used[a] = false;
        }
        return incumbent;
    }

    /**
     * Returns a bound on the rounding error of any value or bound that the exact searches
     * compute and compare: {@code 4 N eps ||X|| ||Y||} with {@code N = m (m d_e + d_v + 2)}
     * the number of products a value sums and {@code eps} the unit roundoff of doubles (at
     * least {@link Double#MIN_NORMAL}). Every such quantity is a sum of at most {@code N}
     * products {@code w x y} whose absolute values pair each entry of {@code X} with at most
     * one entry of {@code Y}, so by the Cauchy-Schwarz inequality they add up to at most
     * {@code ||X|| ||Y||}, and recursive summation of {@code N} terms errs by at most
     * {@code N eps} times that sum; the factor 4 covers the fixed part added up over the
     * depth, the linear assignment and the comparison of two such values. Two values closer
     * than this are ties as far as doubles can tell.
     *
     * @param nodeDimension node attribute dimension of the space
     * @return the rounding bound, {@code >= Double.MIN_NORMAL}
     */
    double roundingBound(int nodeDimension) {
        return roundingBound(m, de, nodeDimension, scale);
    }

    private static double roundingBound(int m, int de, int dv, double scale) {
        double products = (double) m * ((double) m * Math.max(de, 1) + dv + 2);
        return Math.max(4.0 * products * 0x1p-53 * scale, Double.MIN_NORMAL);
    }

    /**
     * Evaluates {@code p} as {@link Alignment#of} does and certifies it when the caller proved
     * it optimal up to the rounding of its sums ({@code proven}) and that rounding cannot hide
     * a better alignment, as {@link #resolves(double, double, double)} decides with the
     * rounding bound of the pair at matrix order {@code m}. The squared distance is computed
     * once, for both the alignment and the check. An uncertified result gives the reason
     * {@link Alignment.Unproven#ROUNDING} when {@code proven}, else
     * {@link Alignment.Unproven#HEURISTIC}.
     *
     * @param space the space
     * @param x the first graph
     * @param y the second graph
     * @param m the matrix order
     * @param p the alignment found
     * @param proven whether the caller's method is exact for this pair
     * @return the alignment, certified if proven and resolved, or if the graphs coincide
     *     under {@code p}
     */
    static Alignment checkedAlignment(GraphSpace space, Graph x, Graph y, int m, Permutation p,
            boolean proven) {
        return checkedAlignment(space, x, y, p, proven ? roundingBound(m, space.edgeDimension(),
                space.nodeDimension(), norm(space, x) * norm(space, y)) : Double.NaN);
    }

    /**
     * Evaluates {@code p} as {@link Alignment#of} does and certifies it when
     * {@link #resolves(double, double, double)} accepts its squared distance under
     * {@code roundingBound}; a NaN bound means not proven. The squared distance is computed
     * once, for both the alignment and the check. An uncertified result gives the reason
     * {@link Alignment.Unproven#ROUNDING} when the bound is a number (the check refused the
     * certificate), {@link Alignment.Unproven#HEURISTIC} when it is NaN.
     *
     * @param space the space
     * @param x the first graph
     * @param y the second graph
     * @param p the alignment found
     * @param roundingBound the rounding bound of the search that proved {@code p}, or NaN
     * @return the alignment, certified if resolved and not lost to underflow, or if the graphs
     *     coincide under {@code p} ({@link Alignment#evaluated})
     */
    static Alignment checkedAlignment(GraphSpace space, Graph x, Graph y, Permutation p,
            double roundingBound) {
        double similarity = space.similarity(x, y, p);
        double squared = space.squaredDistance(x, y, p);
        Alignment.Unproven unproven;
        if (Double.isNaN(roundingBound)) {
            unproven = Alignment.Unproven.HEURISTIC;
        } else {
            unproven = resolves(roundingBound, squared, norm(space, x) + norm(space, y))
                    ? Alignment.Unproven.NONE : Alignment.Unproven.ROUNDING;
        }
        return Alignment.evaluated(space, x, y, p, similarity, squared, unproven);
    }

    /**
     * Returns whether a search whose values are exact to within {@code roundingBound} can
     * certify a result at squared distance {@code squared}: the optimum's squared distance is
     * then at least {@code squared - 4 roundingBound} (the similarity enters the squared
     * distance twice, and the search's incumbent and bound each err by the rounding bound),
     * and this is accepted when it is at most {@link #CERTIFIED_RELATIVE_GAP} of
     * {@code squared}. A result at distance at most {@code 8 eps (||X|| + ||Y||)} (including
     * 0) is accepted too: the optimum lies between 0 and it, and the graphs then coincide up
     * to the rounding of their own entries (as a regression's fitted value and its graph can).
     *
     * @param roundingBound the bound of {@link #roundingBound}
     * @param squared the squared distance of the result, computed from the graphs
     * @param norms {@code ||X|| + ||Y||}
     * @return whether the certificate stands
     */
    static boolean resolves(double roundingBound, double squared, double norms) {
        double coincide = 8.0 * 0x1p-53 * norms;
        return squared <= coincide * coincide
                || 4.0 * roundingBound <= CERTIFIED_RELATIVE_GAP * squared;
    }

    /** The gain below which an exchange counts as no improvement (rounding noise). */
    double noise() {
        return tolerance(1e-12);
    }

    /**
     * Returns {@code relative * ||X|| ||Y||}, the size of a difference of values that counts
     * as rounding, but at least {@link Double#MIN_NORMAL}: below it doubles are subnormal and
     * their rounding is absolute, not relative. The band is relative so that multiplying both
     * graphs by a constant, however small, scales it with the values (an absolute floor such
     * as {@code max(1, ||X|| ||Y||)} would make every difference of a problem with
     * {@code ||X|| ||Y|| < 1} look like a tie).
     */
    double tolerance(double relative) {
        return Math.max(relative * scale, Double.MIN_NORMAL);
    }

    /**
     * Returns {@code ||g||} in the weighted inner product of {@code space}, also when the
     * squared norm underflows: a graph with squared norm below {@code 2^-900} and unweighted
     * squared attribute norms at most {@code 2^-300} is measured after multiplying its
     * attributes by {@code 2^600}, which is exact and cannot overflow. A norm that is small
     * because of tiny weights alone is left as it is.
     */
    static double norm(GraphSpace space, Graph g) {
        double squared = space.squaredNorm(g);
        if (squared >= TINY_SQUARED_NORM || g.nodeSquaredNorm() > TINY_ATTRIBUTES
                || g.edgeSquaredNorm() > TINY_ATTRIBUTES) {
            return Math.sqrt(squared); // not small, or small by its weights only
        }
        double[] nodes = g.nodeArray();
        double[] edges = g.edgeArray();
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] *= UPSCALE;
        }
        for (int k = 0; k < edges.length; k++) {
            edges[k] *= UPSCALE;
        }
        Graph larger = Graph.fromArrays(g.order(), g.nodeDimension(), g.edgeDimension(),
                g.isDirected(), nodes, edges);
        return Math.sqrt(space.squaredNorm(larger)) / UPSCALE;
    }

    static double dot(double[] u, int uOffset, double[] v, int vOffset, int length) {
        double sum = 0.0;
        for (int c = 0; c < length; c++) {
            sum += u[uOffset + c] * v[vOffset + c];
        }
        return sum;
    }

    private static double[] ensure(double[] array, int length) {
        return array.length >= length ? array : new double[length];
    }

    private static int[] ensure(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }
}
