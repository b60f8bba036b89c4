package org.orbifold.stats;

import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * The squared distance {@code ||X - pi . Y||^2} summed term by term from the differences of
 * attribute vectors. Unlike {@code ||X||^2 + ||Y||^2 - 2 <X, pi . Y>}, which loses all
 * relative precision when {@code X} is close to {@code pi . Y}, it is exactly zero when the
 * two coincide; the Weiszfeld iteration needs that to recognise a sample point.
 */
final class AlignedDistance {

    private AlignedDistance() {
    }

    /**
     * Returns {@code ||X - pi . Y||^2} in the weighted inner product of {@code space}, in
     * {@code O((n + |E_X| + |E_Y|) d)} time.
     *
     * @param space the graph space
     * @param x a graph of the space
     * @param y a graph of the space
     * @param p an alignment of {@code y} to {@code x}, of size at least both orders
     * @return the squared distance under {@code p}
     */
    static double squared(GraphSpace space, Graph x, Graph y, Permutation p) {
        int m = p.size();
        int nx = x.order();
        int ny = y.order();
        int dv = space.nodeDimension();
        int de = space.edgeDimension();

        // Node part: every position of the padded X against its image in the padded Y.
        double nodePart = 0.0;
        for (int i = 0; i < m; i++) {
            int a = p.get(i);
            for (int c = 0; c < dv; c++) {
                double xv = i < nx ? x.node(i, c) : 0.0;
                double yv = a < ny ? y.node(a, c) : 0.0;
                double diff = xv - yv;
                nodePart += diff * diff;
            }
        }

        // Edge part over the support of X, then over the support of pi . Y outside it.
        double edgePart = 0.0;
        for (int i = 0; i < nx; i++) {
            int a = p.get(i);
            for (int k = 0; k < x.outDegree(i); k++) {
                int j = x.successor(i, k);
                int b = p.get(j);
                boolean inY = a < ny && b < ny;
                for (int c = 0; c < de; c++) {
                    double diff = x.edge(i, j, c) - (inY ? y.edge(a, b, c) : 0.0);
                    edgePart += diff * diff;
                }
            }
        }
        int[] inverse = p.inverse().toArray();
        for (int a = 0; a < ny; a++) {
            int i = inverse[a];
            for (int k = 0; k < y.outDegree(a); k++) {
                int b = y.successor(a, k);
                int j = inverse[b];
                if (i < nx && j < nx && x.hasEdge(i, j)) {
                    continue;
                }
                for (int c = 0; c < de; c++) {
                    double yv = y.edge(a, b, c);
                    edgePart += yv * yv;
                }
            }
        }
        return space.nodeWeight() * nodePart + space.edgeWeight() * edgePart;
    }
}
