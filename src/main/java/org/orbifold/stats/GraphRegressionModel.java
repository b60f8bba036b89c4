package org.orbifold.stats;

import java.util.List;
import java.util.Objects;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphAccumulator;
import org.orbifold.space.GraphSpace;

/**
 * A graph-valued regression fitted by {@link GraphRegression}: the intercept graph
 * {@code B_0}, one coefficient graph {@code B_k} per covariate (graphs of the space's order
 * whose entries may be negative), and the diagnostics of the fit. The prediction at
 * covariates {@code x} is the graph {@code B_0 + sum_k x_k B_k}.
 *
 * <p>Residuals are measured with the returned alignments: {@code r_i = ||yhat_i - pi_i .
 * Y_i||}, where {@code yhat_i} is the prediction at the covariates of graph {@code i}. The
 * goodness of fit is {@code R^2 = 1 - SSR / SST} with {@code SSR = sum_i r_i^2} and
 * {@code SST} the Fréchet variance {@code sum_i d(Y_i, M)^2} around the Fréchet mean
 * {@code M}, computed with the same aligner. With a heuristic aligner both are upper bounds
 * of their true values, so {@code R^2} is an estimate; starting from the Fréchet mean's
 * alignments (the default) it lies in {@code [0, 1]}, while from the first graph's
 * ({@link GraphRegression.Start#FIRST_GRAPH}) it can be negative.
 *
 * <p>Instances are immutable and thread-safe: arrays are copied on the way in and out.
 */
public final class GraphRegressionModel {

    /**
     * The relative excess of {@code SSR} over {@code SST}, and the share of the sample's squared
     * norm in {@code SSR} when there is no variance, that {@link #rSquared()} treats as
     * rounding: {@code 1e-12}.
     */
    public static final double R_SQUARED_ROUNDING = 1e-12;

    private final GraphSpace space;
    private final List<Graph> coefficients;
    private final Graph centre;
    private final List<Graph> standardized;
    private final double[] centers;
    private final double[] spreads;
    private final List<String> names;
    private final double[][] covariates;
    private final List<Alignment> alignments;
    private final double[] squaredResiduals;
    private final double objective;
    private final double totalSumOfSquares;
    private final boolean noVariance;
    private final Graph frechetMean;
    private final double[] trace;
    private final int iterations;
    private final Status status;
    private final double ridge;
    private final GraphRegression.Start start;

    GraphRegressionModel(GraphSpace space, List<Graph> coefficients, Graph centre,
            List<Graph> standardized, double[] centers, double[] spreads, List<String> names,
            double[][] covariates, List<Alignment> alignments, double[] squaredResiduals,
            double objective, double totalSumOfSquares, boolean noVariance, Graph frechetMean,
            double[] trace, int iterations, Status status, double ridge,
            GraphRegression.Start start) {
        this.space = space;
        this.coefficients = List.copyOf(coefficients);
        this.centre = Objects.requireNonNull(centre, "centre");
        this.standardized = List.copyOf(standardized);
        this.centers = centers.clone();
        this.spreads = spreads.clone();
        this.names = List.copyOf(names);
        this.covariates = covariates;
        this.alignments = List.copyOf(alignments);
        this.squaredResiduals = squaredResiduals.clone();
        this.objective = objective;
        this.totalSumOfSquares = totalSumOfSquares;
        this.noVariance = noVariance;
        this.frechetMean = frechetMean;
        this.trace = trace.clone();
        this.iterations = iterations;
        this.status = Objects.requireNonNull(status, "status");
        this.ridge = ridge;
        this.start = start;
    }

    /**
     * Returns the graph space the model was fitted in.
     *
     * @return the graph space the model was fitted in
     */
    public GraphSpace space() {
        return space;
    }

    /**
     * Returns the number of covariates {@code p}.
     *
     * @return the number of covariates {@code p}
     */
    public int covariateCount() {
        return names.size();
    }

    /**
     * Returns the covariate names, {@code x1, ..., xp} unless given to the fit.
     *
     * @return the covariate names, {@code x1, ..., xp} unless given to the fit
     */
    public List<String> covariateNames() {
        return names;
    }

    /**
     * Returns the intercept graph {@code B_0}, the prediction at {@code x = 0}.
     *
     * @return the intercept graph {@code B_0}, the prediction at {@code x = 0}
     */
    public Graph intercept() {
        return coefficients.get(0);
    }

    /**
     * Returns the coefficient graph of a covariate: the change of the prediction per unit of
     * that covariate.
     *
     * @param k the covariate's index, {@code 0 <= k < covariateCount()}
     * @return {@code B_{k+1}}, of order {@code space().size()}
     * @throws IndexOutOfBoundsException if {@code k} is out of range
     */
    public Graph coefficient(int k) {
        Objects.checkIndex(k, names.size());
        return coefficients.get(k + 1);
    }

    /**
     * Returns the norm {@code ||B_{k+1}||} of a covariate's coefficient graph, computed from
     * its standardised form so that it does not overflow for huge coefficients.
     *
     * @param k the covariate's index, {@code 0 <= k < covariateCount()}
     * @return the norm in the space's metric
     */
    public double coefficientNorm(int k) {
        Objects.checkIndex(k, names.size());
        return Math.sqrt(space.squaredNorm(standardized.get(k + 1))) / spreads[k];
    }

    /**
     * Returns the intercept followed by the coefficient graphs, {@code p + 1} graphs.
     *
     * @return the intercept followed by the coefficient graphs, {@code p + 1} graphs
     */
    public List<Graph> coefficients() {
        return coefficients;
    }

    /**
     * Returns the predicted graph {@code B_0 + sum_k x_k B_k}, of order
     * {@code space().size()}, computed in the standardised form of the fit,
     * {@code Ybar + (C_0 + sum_k ((x_k - m_k) / d_k) C_k)} for the covariates' means
     * {@code m_k} and spreads {@code d_k} and the mean {@code Ybar} of the aligned graphs the
     * fit was centred on, added last. It equals the other form up to rounding and loses
     * nothing to large offsets or units of the covariates, nor to an attribute that is large
     * and equal in every graph (its prediction is that value exactly). Nothing is clipped:
     * edge values may be negative.
     *
     * @param x one finite value per covariate; not retained
     * @return the prediction
     * @throws IllegalArgumentException if {@code x} has not {@link #covariateCount()} values,
     *     one is not finite, or the prediction overflows the range of doubles (the message
     *     names the covariate whose term is largest)
     */
    public Graph predict(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != names.size()) {
            throw new IllegalArgumentException("x has " + x.length
                    + (x.length == 1 ? " value" : " values") + " but the model has "
                    + names.size() + (names.size() == 1 ? " covariate" : " covariates"));
        }
        GraphAccumulator sum = new GraphAccumulator(space, intercept().order());
        sum.add(standardized.get(0), 1.0);
        double[] weights = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("x[" + k + "] (" + names.get(k) + ") is "
                        + x[k] + "; covariates must be finite");
            }
            weights[k] = (x[k] - centers[k]) / spreads[k];
            if (!Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("x[" + k + "] (" + names.get(k) + ") is "
                        + x[k] + ", too far from the covariates fitted (mean " + centers[k]
                        + ", spread " + spreads[k] + ")");
            }
            sum.add(standardized.get(k + 1), weights[k]);
        }
        sum.add(centre, 1.0);
        try {
            return sum.sum();
        } catch (IllegalArgumentException e) {
            throw overflow(x, weights, e);
        }
    }

    /**
     * Explains a prediction whose values left the range of doubles: names the covariate
     * whose term {@code ((x_k - m_k) / d_k) C_k} has the largest entry.
     */
    private IllegalArgumentException overflow(double[] x, double[] weights,
            IllegalArgumentException cause) {
        int worst = 0;
        double largest = -1.0;
        for (int k = 0; k < x.length; k++) {
            double term = Math.abs(weights[k]) * largestEntry(standardized.get(k + 1));
            if (Double.isNaN(term) || term > largest) {
                largest = Double.isNaN(term) ? Double.POSITIVE_INFINITY : term;
                worst = k;
            }
        }
        return new IllegalArgumentException("the prediction at these covariates overflows the"
                + " range of doubles: x[" + worst + "] (" + names.get(worst) + ") = " + x[worst]
                + " lies " + Math.abs(weights[worst]) + " spreads from the covariates fitted"
                + " (mean " + centers[worst] + ", spread " + spreads[worst] + "), and its term"
                + " reaches " + largest + " (a linear model extrapolates without bound)",
                cause);
    }

    /** Returns the largest absolute node or edge value of a graph. */
    private static double largestEntry(Graph g) {
        double largest = 0.0;
        for (double v : g.nodeArray()) {
            largest = Math.max(largest, Math.abs(v));
        }
        for (double v : g.edgeArray()) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /**
     * Returns the fitted graph of an input graph, the prediction at its covariates.
     *
     * @param i the graph's index in the input, {@code 0 <= i < size()}
     * @return {@code yhat_i}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public Graph fitted(int i) {
        Objects.checkIndex(i, covariates.length);
        return predict(covariates[i]);
    }

    /**
     * Returns the number of input graphs {@code N}.
     *
     * @return the number of input graphs {@code N}
     */
    public int size() {
        return covariates.length;
    }

    /**
     * Returns a copy of the covariates of an input graph.
     *
     * @param i the graph's index in the input, {@code 0 <= i < size()}
     * @return its {@link #covariateCount()} covariates
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double[] covariates(int i) {
        Objects.checkIndex(i, covariates.length);
        return covariates[i].clone();
    }

    /**
     * Returns the alignment of every input graph to its fitted value, in input order.
     *
     * @return {@code N} alignments, permutations of the space's size
     */
    public List<Alignment> alignments() {
        return alignments;
    }

    /**
     * Returns input graph {@code i} relabelled onto its fitted value, {@code pi_i . Y_i},
     * padded to the space's size.
     *
     * @param i the graph's index in the input, {@code 0 <= i < size()}
     * @param graph that input graph (the model does not keep the inputs), a graph of the space
     * @return the aligned graph
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     * @throws IllegalArgumentException if the graph is not in the space
     */
    public Graph aligned(int i, Graph graph) {
        Objects.checkIndex(i, alignments.size());
        space.requireMember(graph);
        return graph.permute(alignments.get(i).permutation());
    }

    /**
     * Returns the residual distances {@code ||yhat_i - pi_i . Y_i||}, in input order.
     *
     * @return the residual distances {@code ||yhat_i - pi_i . Y_i||}, in input order
     */
    public double[] residualDistances() {
        double[] d = new double[squaredResiduals.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(squaredResiduals[i]);
        }
        return d;
    }

    /**
     * Returns {@code SSR = sum_i ||yhat_i - pi_i . Y_i||^2}.
     *
     * @return {@code SSR = sum_i ||yhat_i - pi_i . Y_i||^2}
     */
    public double residualSumOfSquares() {
        double sum = 0.0;
        for (double value : squaredResiduals) {
            sum += value;
        }
        return sum;
    }

    /**
     * Returns the Fréchet variance {@code SST = sum_i d(Y_i, M)^2} around the Fréchet mean
     * {@code M} computed with the same aligner (a sum, not a mean).
     *
     * @return {@code SST}
     */
    public double totalSumOfSquares() {
        return totalSumOfSquares;
    }

    /**
     * Returns the Fréchet mean {@code M} behind {@link #totalSumOfSquares()}.
     *
     * @return the Fréchet mean {@code M} behind {@link #totalSumOfSquares()}
     */
    public Graph frechetMean() {
        return frechetMean;
    }

    /**
     * Returns the goodness of fit {@code R^2 = 1 - SSR / SST}, with {@code SST} the Fréchet
     * variance. An {@code SSR} above {@code SST} by at most {@link #R_SQUARED_ROUNDING} of it
     * is taken as equal and gives 0: a fit that stays at the mean (a huge ridge) otherwise
     * reports {@code -2.2e-16} from summing the same distances in another order. So is an
     * excess of at most {@code ((n + 1) eps)^2 S} (the sample's scale {@code S} below): a
     * fitted value is a double near its attribute, so an attribute that varies by only some
     * units in the last place of its values has residuals with rounding of their own order
     * (four graphs whose attribute lies 2, 6, 7 and 2 above {@code 1e15}, where doubles are
     * 0.125 apart, on a covariate that explains little: {@code SSR} 20.78 against
     * {@code SST} 20.75). The fit is centred on the mean of the aligned graphs, so an
     * attribute equal in every graph adds no such rounding however large it is. A larger
     * excess, possible only from the first-graph start, gives the negative value.
     *
     * <p><b>No variance.</b> When the graphs, aligned as for the Fréchet mean, are one graph
     * up to the rounding of their mean coordinate by coordinate (every node and edge
     * attribute's centred sum of squares over the graphs is at most {@code ((n + 1) eps)^2}
     * times the sum of its squares, {@code n} graphs, {@code eps} the spacing of doubles at 1;
     * the rule by which {@code pca} reports a total of 0), there is nothing to explain. Then
     * {@code R^2} is 1 when {@code SSR} is at most {@link #R_SQUARED_ROUNDING} times the
     * sample's scale {@code S = n ||M||^2 + SST} ({@code M} the Fréchet mean; the fit
     * reproduces that graph, whether its residuals came out as exactly 0 or as rounding such
     * as {@code 1e-30}), and 0 otherwise. The rule is per coordinate so that a large
     * attribute equal in every graph does not hide a small real spread in another: graphs
     * whose attributes sit near {@code 1e6} next to one spread by {@code 1e-8} have variance
     * ({@code SST} about {@code 1e-15}) and {@code R^2} is computed from it.
     *
     * @return {@code R^2}, at most 1
     */
    public double rSquared() {
        double ssr = residualSumOfSquares();
        if (hasNoVariance()) {
            return ssr <= R_SQUARED_ROUNDING * sampleScale() ? 1.0 : 0.0;
        }
        double floor = PrincipalAxes.centringRounding(squaredResiduals.length) * sampleScale();
        if (ssr > totalSumOfSquares
                && ssr - totalSumOfSquares <= R_SQUARED_ROUNDING * totalSumOfSquares + floor) {
            return 0.0;
        }
        return 1.0 - ssr / totalSumOfSquares;
    }

    /**
     * Returns whether the sample has no variance in the sense of {@link #rSquared()}: every
     * coordinate of the graphs, aligned as for the Fréchet mean, is constant up to the
     * rounding of its mean, so that {@code R^2} is set to 1 or 0 rather than computed from
     * {@code SSR / SST}; {@code SST} is then rounding (about {@code 1e-30} or 0).
     *
     * @return whether the graphs are one graph up to relabelling and rounding
     */
    public boolean hasNoVariance() {
        return noVariance;
    }

    private double sampleScale() {
        return squaredResiduals.length * space.squaredNorm(frechetMean) + totalSumOfSquares;
    }

    /**
     * Returns the final objective: {@code SSR}, plus {@code ridge * sum_k ||B_k||^2} when the
     * ridge penalty is positive.
     *
     * @return the objective
     */
    public double objective() {
        return objective;
    }

    /**
     * Returns a copy of the objective before the first refit (index 0) and after each.
     *
     * @return a copy of the objective before the first refit (index 0) and after each
     */
    public double[] trace() {
        return trace.clone();
    }

    /**
     * Returns the number of refits accepted after the first fit.
     *
     * @return the number of refits accepted after the first fit
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns why the fit stopped.
     *
     * @return why the fit stopped
     */
    public Status status() {
        return status;
    }

    /**
     * Returns the ridge penalty of the fit (0 for ordinary least squares).
     *
     * @return the ridge penalty of the fit (0 for ordinary least squares)
     */
    public double ridge() {
        return ridge;
    }

    /**
     * Returns what the graphs were aligned to before the first fit.
     *
     * @return what the graphs were aligned to before the first fit
     */
    public GraphRegression.Start start() {
        return start;
    }
}
