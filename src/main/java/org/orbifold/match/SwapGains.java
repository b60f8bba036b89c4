package org.orbifold.match;

import java.util.Arrays;

/**
 * The table of all exchange gains of a permutation for a {@link QapInstance}, kept up to date
 * under exchanges, after E. Taillard (1991), "Robust taboo search for the quadratic assignment
 * problem", Parallel Computing 17(4-5): 443-455, doi:10.1016/S0167-8191(05)80147-4. Shared by
 * {@link TabuSearch} and the 2-swap local search of dense instances
 * ({@link QapInstance#localSearch}).
 *
 * <p>With {@code f(pi) = sum_i S[i, pi(i)] + sum_c sum_{i != k} A_c[i, k] B_c[pi(i), pi(k)]}
 * the similarity of {@link QapInstance}, {@code D[u, v] = f(pi o (u v)) - f(pi)} is the gain
 * of exchanging the images of {@code u} and {@code v}. After the exchange {@code (r, s)} (with
 * {@code pi} the permutation before it) the gains of exchanges away from {@code r} and
 * {@code s} change by
 *
 * <pre>
 *   D'[u, v] - D[u, v] = sum_c (alpha_u - alpha_v) (beta_u - beta_v)
 *                              + (gamma_u - gamma_v) (delta_u - delta_v),
 *   alpha_u = A_c[u, r] - A_c[u, s],   beta_u = B_c[pi(u), pi(r)] - B_c[pi(u), pi(s)],
 *   gamma_u = A_c[r, u] - A_c[s, u],   delta_u = B_c[pi(r), pi(u)] - B_c[pi(s), pi(u)],
 * </pre>
 *
 * <p>Taillard's update written with row and column differences; the {@code 2 (m - 2)} gains of
 * exchanges that involve {@code r} or {@code s} are recomputed directly. With both graphs
 * symmetric the two products coincide and one is doubled. The linear term {@code S} enters
 * only the directly computed gains.
 *
 * <p>Besides the dense {@code A} ({@code x}) the table keeps its transpose {@code xt} and the
 * columns of {@code B} permuted by the current permutation, {@code w[a, k] = B[a, pi(k)]} and
 * {@code wt[a, k] = B[pi(k), a]} (channel {@code c} at offset {@code (a * m + k) * d_e + c}),
 * so that every gain reads rows only; with both graphs symmetric {@code xt = x} and
 * {@code wt = w} are not stored.
 *
 * <p>Cost: {@code O(m^3 d_e)} to set up, {@code O(m^2 d_e)} per exchange, {@code O(m^2 d_e)}
 * memory. A mutable workspace, reused by {@link #reset}; not thread-safe.
 *
 * <p><b>Limitations.</b> Dense: sparse graphs of many nodes pay for a dense problem, which is
 * why local search uses the table only for dense instances ({@link QapInstance#localSearch}).
 * Gains are updated incrementally and accumulate rounding; long walks must call
 * {@link #recompute} now and then.
 */
final class SwapGains {

    private QapInstance problem;
    private int m;
    private int de;
    private boolean symmetric;
    /** Current images. */
    int[] p = new int[0];
    /** Gains {@code D[u, v]} for {@code u < v}, row-major {@code m x m}. */
    double[] gain = new double[0];
    private double[] x = new double[0];
    private double[] xt = new double[0];
    private double[] w = new double[0];
    private double[] wt = new double[0];
    /** Per node and channel: alpha, beta, gamma, delta of the update formula. */
    private double[] alpha = new double[0];
    private double[] beta = new double[0];
    private double[] gamma = new double[0];
    private double[] delta = new double[0];

    /**
     * Sets the table up for {@code problem} at the permutation {@code start} (copied), in
     * {@code O(m^3 d_e)} time, reusing the arrays when they are large enough. The table reads
     * {@code problem} until the next reset, which must not be reloaded meanwhile.
     */
    void reset(QapInstance instance, int[] start) {
        this.problem = instance;
        this.m = instance.m;
        this.de = instance.de;
        this.symmetric = instance.bothUndirected;
        p = ensure(p, m);
        System.arraycopy(start, 0, p, 0, m);
        gain = ensure(gain, m * m);
        alpha = ensure(alpha, m * de);
        beta = ensure(beta, m * de);
        gamma = ensure(gamma, m * de);
        delta = ensure(delta, m * de);

        // Dense copies: A, its transpose, and the columns of B and B^T permuted by p.
        x = instance.xDense;
        if (instance.hasEdgeTerm) {
            int size = m * m * de;
            w = ensure(w, size);
            if (!symmetric) {
                xt = ensure(xt, size);
                wt = ensure(wt, size);
            }
            double[] y = instance.yDense;
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    System.arraycopy(y, (i * m + p[k]) * de, w, (i * m + k) * de, de);
                    if (!symmetric) {
                        System.arraycopy(x, (i * m + k) * de, xt, (k * m + i) * de, de);
                        System.arraycopy(y, (p[k] * m + i) * de, wt, (i * m + k) * de, de);
                    }
                }
            }
        }
        recompute();
    }

    /** Makes this table a copy of {@code other}, in {@code O(m^2 d_e)} time. */
    void copyFrom(SwapGains other) {
        this.problem = other.problem;
        this.m = other.m;
        this.de = other.de;
        this.symmetric = other.symmetric;
        this.x = other.x;
        p = ensure(p, m);
        gain = ensure(gain, m * m);
        alpha = ensure(alpha, m * de);
        beta = ensure(beta, m * de);
        gamma = ensure(gamma, m * de);
        delta = ensure(delta, m * de);
        System.arraycopy(other.p, 0, p, 0, m);
        System.arraycopy(other.gain, 0, gain, 0, m * m);
        if (problem.hasEdgeTerm) {
            int size = m * m * de;
            w = ensure(w, size);
            System.arraycopy(other.w, 0, w, 0, size);
            if (!symmetric) {
                xt = ensure(xt, size);
                wt = ensure(wt, size);
                System.arraycopy(other.xt, 0, xt, 0, size);
                System.arraycopy(other.wt, 0, wt, 0, size);
            }
        }
    }

    /** Returns the gain of exchanging the images of {@code u != v}. */
    double gain(int u, int v) {
        return u < v ? gain[u * m + v] : gain[v * m + u];
    }

    /** Whether exchanging {@code u} and {@code v} is a move: not two padding nodes or images. */
    boolean isMove(int u, int v) {
        return (u < problem.nx || v < problem.nx) && (p[u] < problem.ny || p[v] < problem.ny);
    }

    /**
     * Exchanges the images of {@code r != s} and updates the gains; returns the gain the table
     * held for the exchange before it.
     */
    double exchange(int r, int s) {
        double made = gain(r, s);
        int pr = p[r];
        int ps = p[s];
        p[r] = ps;
        p[s] = pr;
        if (problem.hasEdgeTerm) {
            swapColumns(w, r, s);
            if (!symmetric) {
                swapColumns(wt, r, s);
            }
            updateGains(r, s, pr, ps);
        }
        for (int k = 0; k < m; k++) {
            if (k != r) {
                setGain(r, k, directGain(r, k));
            }
            if (k != s && k != r) {
                setGain(s, k, directGain(s, k));
            }
        }
        return made;
    }

    /**
     * 2-swap local search by best improvement: while some exchange gains more than
     * {@code minGain}, makes the one that gains most (the first in row-major order among
     * equals) and returns the total gain. Each chosen gain is first checked against its direct
     * value, so rounding in the table cannot make the search cycle. Exchanges of two padding
     * nodes of {@code X}, or of two padding images, change nothing and are skipped.
     */
    double descend(double minGain) {
        int nx = problem.nx;
        int ny = problem.ny;
        double total = 0.0;
        while (true) {
            int chosen = -1;
            double chosenGain = minGain;
            for (int u = 0; u < m - 1; u++) {
                int row = u * m;
                boolean realU = u < nx;
                boolean realImageU = p[u] < ny;
                for (int v = u + 1; v < m; v++) {
                    double g = gain[row + v];
                    if (g > chosenGain && (realU || v < nx) && (realImageU || p[v] < ny)) {
                        chosen = row + v;
                        chosenGain = g;
                    }
                }
            }
            if (chosen < 0) {
                return total;
            }
            int r = chosen / m;
            int s = chosen % m;
            double exact = directGain(r, s);
            if (exact <= minGain) {
                gain[chosen] = exact;
                continue;
            }
            gain[chosen] = exact;
            total += exchange(r, s);
        }
    }

    private void swapColumns(double[] matrix, int r, int s) {
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < de; c++) {
                int first = (a * m + r) * de + c;
                int second = (a * m + s) * de + c;
                double swap = matrix[first];
                matrix[first] = matrix[second];
                matrix[second] = swap;
            }
        }
    }

    /**
     * Adds the change caused by the exchange {@code (r, s)} to the gains of the exchanges of
     * two other nodes; {@code pr} and {@code ps} are the images of {@code r} and {@code s}
     * before the exchange, and {@code w}, {@code wt} are already permuted by it.
     */
    private void updateGains(int r, int s, int pr, int ps) {
        // Row and column differences: alpha, gamma from A; beta, delta from B.
        double[] xTransposed = symmetric ? x : xt;
        double[] wTransposed = symmetric ? w : wt;
        for (int u = 0; u < m; u++) {
            for (int c = 0; c < de; c++) {
                int k = u * de + c;
                alpha[k] = xTransposed[(r * m + u) * de + c] - xTransposed[(s * m + u) * de + c];
                beta[k] = wTransposed[(pr * m + u) * de + c] - wTransposed[(ps * m + u) * de + c];
                if (!symmetric) {
                    gamma[k] = x[(r * m + u) * de + c] - x[(s * m + u) * de + c];
                    delta[k] = w[(pr * m + u) * de + c] - w[(ps * m + u) * de + c];
                }
            }
        }

        // Taillard's update of the gains of exchanges away from r and s.
        for (int u = 0; u < m - 1; u++) {
            if (u == r || u == s) {
                continue;
            }
            int row = u * m;
            int ku = u * de;
            for (int v = u + 1; v < m; v++) {
                if (v == r || v == s) {
                    continue;
                }
                int kv = v * de;
                double change = 0.0;
                for (int c = 0; c < de; c++) {
                    change += (alpha[ku + c] - alpha[kv + c]) * (beta[ku + c] - beta[kv + c]);
                }
                if (symmetric) {
                    change *= 2.0;
                } else {
                    for (int c = 0; c < de; c++) {
                        change += (gamma[ku + c] - gamma[kv + c])
                                * (delta[ku + c] - delta[kv + c]);
                    }
                }
                gain[row + v] += change;
            }
        }
    }

    private void setGain(int u, int v, double value) {
        if (u < v) {
            gain[u * m + v] = value;
        } else {
            gain[v * m + u] = value;
        }
    }

    /** Recomputes every gain from scratch, in {@code O(m^3 d_e)} time. */
    void recompute() {
        Arrays.fill(gain, 0, m * m, 0.0);
        for (int u = 0; u < m - 1; u++) {
            for (int v = u + 1; v < m; v++) {
                gain[u * m + v] = directGain(u, v);
            }
        }
    }

    /** Returns {@code D[u, v]} computed directly, in {@code O(m d_e)} time. */
    double directGain(int u, int v) {
        int a = p[u];
        int b = p[v];
        double[] s = problem.nodeGain;
        double result = s[u * m + b] + s[v * m + a] - s[u * m + a] - s[v * m + b];
        if (!problem.hasEdgeTerm) {
            return result;
        }

        // The pair (u, v) trades y_ab for y_ba, and (v, u) the reverse.
        double[] y = problem.yDense;
        for (int c = 0; c < de; c++) {
            double swapped = y[(b * m + a) * de + c] - y[(a * m + b) * de + c];
            result += (x[(u * m + v) * de + c] - x[(v * m + u) * de + c]) * swapped;
        }

        // Every third node k: its edges to and from u and v change ends.
        int low = Math.min(u, v);
        int high = Math.max(u, v);
        result += thirdNodeTerms(u, v, a, b, 0, low);
        result += thirdNodeTerms(u, v, a, b, low + 1, high);
        return result + thirdNodeTerms(u, v, a, b, high + 1, m);
    }

    /**
     * Returns the sum over {@code from <= k < to} and the channels of
     * {@code (A[u, k] - A[v, k]) (B[b, pi(k)] - B[a, pi(k)])
     * + (A[k, u] - A[k, v]) (B[pi(k), b] - B[pi(k), a])}; with both graphs symmetric the two
     * products are equal and the first is doubled, which rounds identically.
     */
    private double thirdNodeTerms(int u, int v, int a, int b, int from, int to) {
        int xu = u * m * de;
        int xv = v * m * de;
        int wa = a * m * de;
        int wb = b * m * de;
        double sum = 0.0;
        if (symmetric) {
            for (int k = from * de; k < to * de; k++) {
                sum += (x[xu + k] - x[xv + k]) * (w[wb + k] - w[wa + k]);
            }
            return 2.0 * sum;
        }
        for (int k = from * de; k < to * de; k++) {
            sum += (x[xu + k] - x[xv + k]) * (w[wb + k] - w[wa + k])
                    + (xt[xu + k] - xt[xv + k]) * (wt[wb + k] - wt[wa + k]);
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
