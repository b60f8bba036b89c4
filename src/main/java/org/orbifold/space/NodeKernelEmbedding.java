package org.orbifold.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * An explicit feature map {@code phi} of a shift-invariant kernel on node attributes, so that
 * node substitutions in graph space cost {@code ||phi(x) - phi(y)||^2 ~ 2 - 2 k(x, y)}: at most
 * about 2, whatever the distance between the attributes, while a node matched with a null node
 * costs {@code ||phi(x)||^2 = 1} (plus the square of an existence channel, when one is kept).
 * Two kernels ({@link Kernel}), both with a bandwidth {@code sigma}:
 * <ul>
 *   <li>{@link Kernel#GAUSSIAN}: {@code k(x, y) = exp(-||x - y||^2 / (2 sigma^2))}, so a
 *       substitution costs about {@code ||x - y||^2 / sigma^2} for small displacements
 *       (quadratic, as graph space without a kernel) and saturates at 2;</li>
 *   <li>{@link Kernel#LAPLACIAN}: the exponential kernel of the Euclidean norm,
 *       {@code k(x, y) = exp(-||x - y|| / sigma)}, so a substitution costs about
 *       {@code 2 ||x - y|| / sigma} for small displacements (linear, as the Euclidean
 *       substitution cost of graph edit distance) and also saturates at 2.</li>
 * </ul>
 *
 * <p><b>Why.</b> Graph space charges a substitution the squared Euclidean distance between
 * attribute vectors, which is unbounded, so one displaced node can dominate a distance. Graph
 * edit distance (Riesen and Bunke 2008, "IAM Graph Database Repository for Graph Based Pattern
 * Recognition and Machine Learning", SSPR&amp;SPR, LNCS 5342, doi:10.1007/978-3-540-89689-0_33)
 * never lets a substitution cost more than a deletion plus an insertion. Mapping the
 * attributes through {@code phi} gives graph space that cap while keeping its geometry: the
 * embedded graphs are ordinary graphs, so means, quantization, the perceptron and the MLP work
 * on them unchanged.
 *
 * <p><b>The map.</b> By Bochner's theorem a shift-invariant kernel with {@code k(0) = 1} is the
 * expectation of {@code cos(w . (x - y))} over frequencies {@code w} drawn from its spectral
 * density: for the Gaussian kernel {@code w ~ N(0, sigma^-2 I)}; for the Laplacian kernel the
 * multivariate Cauchy distribution (a multivariate t with one degree of freedom),
 * {@code w = z / (sigma |g|)} with {@code z ~ N(0, I_d)} and {@code g ~ N(0, 1)} independent.
 * The latter follows by conditioning on {@code g}: given {@code g}, {@code w} is Gaussian and
 * {@code E[cos(w . delta) | g] = exp(-a^2 / (2 g^2))} with {@code a = ||delta|| / sigma}, and
 * {@code E exp(-a^2 / (2 g^2)) = exp(-a)} over {@code g ~ N(0, 1)} by the integral
 * {@code int_0^inf exp(-p t^2 - q / t^2) dt = (1/2) sqrt(pi / p) exp(-2 sqrt(pq))}
 * (Gradshteyn and Ryzhik, "Table of Integrals, Series, and Products", 7th ed., formula
 * 3.325) with {@code p = 1/2, q = a^2 / 2}. Rahimi and Recht (below) list the Cauchy
 * frequencies of the Laplacian kernel of the L1 norm, one independent Cauchy value per
 * coordinate; the kernel here uses the Euclidean norm, whose frequencies are one Gaussian
 * direction scaled by one common {@code 1 / |g|}. With {@code m}
 * frequencies {@code w_1..w_m}, the map
 * {@code phi(x) = m^-1/2 (cos(w_1 . x), sin(w_1 . x), ..., cos(w_m . x), sin(w_m . x))} has
 * {@code D = 2m} features, {@code ||phi(x)||^2 = 1} exactly and
 * {@code <phi(x), phi(y)> = m^-1 sum_j cos(w_j . (x - y))}, an average that estimates
 * {@code k(x, y)} (random Fourier features: Rahimi and Recht 2007, "Random Features for
 * Large-Scale Kernel Machines", NIPS 20). The estimate is itself a positive definite,
 * shift-invariant kernel, so the embedded distances are exact Euclidean distances of a kernel
 * close to the target one. Two ways to choose the frequencies:
 * <ul>
 *   <li>{@link Sampling#RANDOM}: independent draws from a seeded generator (for the Laplacian
 *       kernel the {@code d} normal values of {@code z}, then {@code g}); the error of one
 *       kernel value has standard deviation at most {@code (2m)^-1/2} for either kernel
 *       (the variance of one cosine is {@code (1 - k^2)^2 / 2} for the Gaussian kernel and
 *       {@code (1 - k^2) / 2} for the Laplacian one).</li>
 *   <li>{@link Sampling#HALTON}: a deterministic quasi-Monte Carlo rule (Avron, Sindhwani,
 *       Yang and Mahoney 2016, "Quasi-Monte Carlo Feature Maps for Shift-Invariant Kernels",
 *       JMLR 17(120)): the points {@code 1..m} of the Halton sequence in the first primes as
 *       bases, each pair of coordinates mapped to two standard normal values by the Box-Muller
 *       transform. For low-dimensional attributes such as the pen positions of IAM Letter it
 *       covers the frequency plane evenly, with a smaller error than random draws of the same
 *       size; no seed is involved. For the Laplacian kernel one more coordinate, in the next
 *       prime base, gives {@code |g|} as the half-normal quantile
 *       {@code sqrt(2) erfc^-1(u)} of a Halton value {@code u} in {@code (0, 1)} (Apache
 *       Commons Math).</li>
 * </ul>
 * Laplacian frequencies have a heavy (Cauchy) tail: {@code |g|} is floored at
 * {@link #MIN_HALF_NORMAL}, which truncates frequencies beyond {@code 10^6 |z| / sigma}, a
 * probability below {@code 10^-6} per frequency, so that every frequency stays finite.
 *
 * <p><b>What is mapped.</b> The <i>input channels</i> chosen by the caller (typically every
 * attribute channel except a node-existence channel) are replaced by the {@code D} features;
 * the other channels are kept, in their order, before the features. A real node therefore
 * keeps its existence channel, and an unmatched node costs {@code w_node (1 + e^2)} with an
 * existence value {@code e}, against at most {@code w_node (2 + ...)} for a substitution. The
 * frequencies do not depend on data: "fitting" the map on training graphs means fitting the
 * attribute scaling that precedes it ({@link AttributeScaling#withNodeKernel}), with the
 * bandwidth in the units of the scaled attributes.
 *
 * <p>Instances are immutable and thread-safe. {@link #apply} commutes with relabelling.
 *
 * <p><b>Limitations.</b> The map replaces {@code d} channels by {@code D} features, so every
 * alignment costs more (its node similarities take {@code O(n^2 D)}); the approximation error
 * shrinks only as {@code D^-1/2} for random frequencies. The bandwidth is one number for all
 * input channels: scale them first. Edge attributes are left as they are. The Halton rule is
 * deterministic, so its small error is a fixed bias rather than noise that another seed would
 * change; its points grow worse in high dimensions (above about ten input channels prefer
 * random frequencies). For the Laplacian kernel, random frequencies approximate as well as for
 * the Gaussian kernel, but Halton points lose most of their advantage (the Cauchy tail is
 * covered poorly by a few points). Measured in 2 dimensions, sigma 1, frequencies of seed 7,
 * 200 seeded pairs with coordinates in [-1.5, 1.5), mean / largest {@code |k^ - k|}: random,
 * {@code D = 128}: Gaussian 0.050 / 0.209, Laplacian 0.050 / 0.192; Halton, {@code D = 128}:
 * Gaussian 0.013 / 0.074, Laplacian 0.051 / 0.200; Halton, {@code D = 1024}: Gaussian
 * 0.002 / 0.006, Laplacian 0.014 / 0.049. A few Laplacian frequencies from the Cauchy tail
 * are so large that their features are, for any two distinct attribute vectors, nearly
 * independent phases: they carry the kernel's cusp at 0 and add noise elsewhere.
 */
public final class NodeKernelEmbedding {

    /** The kernel a map approximates. */
    public enum Kernel {
        /** {@code exp(-||x - y||^2 / (2 sigma^2))}, Gaussian frequencies. */
        GAUSSIAN,
        /** {@code exp(-||x - y|| / sigma)} (Euclidean norm), multivariate Cauchy frequencies. */
        LAPLACIAN
    }

    /** How the frequencies of the map are chosen. */
    public enum Sampling {
        /** Independent Gaussian frequencies from a seeded generator. */
        RANDOM,
        /** Deterministic Halton points through the Box-Muller transform. */
        HALTON
    }

    /**
     * The smallest bandwidth accepted, {@code 1e-300}. The frequencies are standard normal
     * values divided by the bandwidth; below this bound they could overflow to infinity and
     * make every feature NaN (at {@code 1e-310} already {@code 1 / sigma} is infinite). From
     * it upwards they stay finite: a normal value from the generator or from the Box-Muller
     * transform of a Halton point is far below {@code 1e8} in magnitude.
     * For the Laplacian kernel the normal values are further divided by {@code |g|}, at
     * least {@link #MIN_HALF_NORMAL}, which keeps them below {@code 10^7 / sigma}, still finite.
     */
    public static final double MIN_BANDWIDTH = 1e-300;

    /**
     * The floor {@code 1e-6} of the half-normal value {@code |g|} that divides the Laplacian
     * kernel's frequencies: a smaller value (probability below {@code 10^-6}) is raised to it.
     */
    public static final double MIN_HALF_NORMAL = 1e-6;

    /**
     * The most features accepted, {@code 65536}: every node of a mapped graph then holds
     * half a megabyte of features, and the error of random features ({@code D^-1/2}) is
     * already below {@code 0.004}. A larger count is refused rather than left to fail with an
     * {@link OutOfMemoryError} (at {@code Integer.MAX_VALUE - 1} one node would need 16 GB).
     */
    public static final int MAX_FEATURES = 1 << 16;

    private final Kernel kernel;
    private final int nodeDimension;
    private final int[] inputChannels;
    private final int[] keptChannels;
    private final double bandwidth;
    private final Sampling sampling;
    private final long seed;
    /** Frequencies, row {@code j} holds {@code w_j} over the input channels. */
    private final double[][] frequencies;

    private NodeKernelEmbedding(Kernel kernel, int nodeDimension, int[] inputChannels,
            double bandwidth, int features, Sampling sampling, long seed) {
        this.kernel = kernel;
        this.nodeDimension = nodeDimension;
        this.inputChannels = inputChannels.clone();
        this.bandwidth = bandwidth;
        this.sampling = sampling;
        this.seed = seed;
        boolean[] input = new boolean[nodeDimension];
        for (int c : inputChannels) {
            input[c] = true;
        }
        int[] kept = new int[nodeDimension - inputChannels.length];
        int next = 0;
        for (int c = 0; c < nodeDimension; c++) {
            if (!input[c]) {
                kept[next++] = c;
            }
        }
        this.keptChannels = kept;
        boolean laplacian = kernel == Kernel.LAPLACIAN;
        this.frequencies = sampling == Sampling.RANDOM
                ? randomFrequencies(features / 2, inputChannels.length, bandwidth, seed,
                        laplacian)
                : haltonFrequencies(features / 2, inputChannels.length, bandwidth, laplacian);
    }

    /**
     * Creates the feature map of a Gaussian kernel; the same as
     * {@code of(Kernel.GAUSSIAN, ...)}.
     *
     * @param nodeDimension node attribute dimension of the graphs it accepts, at least 1
     * @param inputChannels the channels mapped through the kernel, at least one, each in
     *     {@code [0, nodeDimension)}, no repeats; the others are kept as they are
     * @param bandwidth the kernel's {@code sigma}, finite and at least {@link #MIN_BANDWIDTH}
     *     (so that every frequency is finite)
     * @param features the number {@code D} of features, even, at least 2 and at most
     *     {@link #MAX_FEATURES}
     * @param sampling how the {@code D / 2} frequencies are chosen
     * @param seed the seed of {@link Sampling#RANDOM} (unused by {@link Sampling#HALTON})
     * @return the map
     * @throws IllegalArgumentException naming the bad argument and its value
     */
    public static NodeKernelEmbedding gaussian(int nodeDimension, int[] inputChannels,
            double bandwidth, int features, Sampling sampling, long seed) {
        Objects.requireNonNull(inputChannels, "inputChannels");
        Objects.requireNonNull(sampling, "sampling");
        return of(Kernel.GAUSSIAN, nodeDimension, inputChannels, bandwidth, features, sampling,
                seed);
    }

    /**
     * Creates the feature map of the Laplacian kernel {@code exp(-||x - y|| / sigma)} (Euclidean
     * norm); the same as {@code of(Kernel.LAPLACIAN, ...)}.
     *
     * @param nodeDimension node attribute dimension of the graphs it accepts, at least 1
     * @param inputChannels the channels mapped through the kernel, at least one, each in
     *     {@code [0, nodeDimension)}, no repeats; the others are kept as they are
     * @param bandwidth the kernel's {@code sigma}, finite and at least {@link #MIN_BANDWIDTH}
     * @param features the number {@code D} of features, even, at least 2 and at most
     *     {@link #MAX_FEATURES}
     * @param sampling how the {@code D / 2} frequencies are chosen
     * @param seed the seed of {@link Sampling#RANDOM} (unused by {@link Sampling#HALTON})
     * @return the map
     * @throws IllegalArgumentException naming the bad argument and its value
     */
    public static NodeKernelEmbedding laplacian(int nodeDimension, int[] inputChannels,
            double bandwidth, int features, Sampling sampling, long seed) {
        Objects.requireNonNull(inputChannels, "inputChannels");
        Objects.requireNonNull(sampling, "sampling");
        return of(Kernel.LAPLACIAN, nodeDimension, inputChannels, bandwidth, features, sampling,
                seed);
    }

    /**
     * Creates the feature map of a kernel. For the Gaussian kernel the frequencies, and so the
     * features, do not depend on anything but the arguments below; the Laplacian kernel draws
     * its own frequencies (with {@link Sampling#RANDOM}, one more normal value per frequency
     * from the same seeded generator).
     *
     * @param kernel the kernel, not null
     * @param nodeDimension node attribute dimension of the graphs it accepts, at least 1
     * @param inputChannels the channels mapped through the kernel, at least one, each in
     *     {@code [0, nodeDimension)}, no repeats; the others are kept as they are
     * @param bandwidth the kernel's {@code sigma}, finite and at least {@link #MIN_BANDWIDTH}
     *     (so that every frequency is finite)
     * @param features the number {@code D} of features, even, at least 2 and at most
     *     {@link #MAX_FEATURES}
     * @param sampling how the {@code D / 2} frequencies are chosen
     * @param seed the seed of {@link Sampling#RANDOM} (unused by {@link Sampling#HALTON})
     * @return the map
     * @throws IllegalArgumentException naming the bad argument and its value
     * @throws NullPointerException naming a null argument
     */
    public static NodeKernelEmbedding of(Kernel kernel, int nodeDimension, int[] inputChannels,
            double bandwidth, int features, Sampling sampling, long seed) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(inputChannels, "inputChannels");
        Objects.requireNonNull(sampling, "sampling");
        if (nodeDimension < 1) {
            throw new IllegalArgumentException("nodeDimension must be >= 1, got "
                    + nodeDimension);
        }
        if (inputChannels.length == 0) {
            throw new IllegalArgumentException("inputChannels must name at least one channel");
        }
        boolean[] seen = new boolean[nodeDimension];
        for (int c : inputChannels) {
            if (c < 0 || c >= nodeDimension) {
                throw new IllegalArgumentException("inputChannels holds channel " + c
                        + "; expected a channel in [0, " + nodeDimension + ")");
            }
            if (seen[c]) {
                throw new IllegalArgumentException("inputChannels holds channel " + c
                        + " twice");
            }
            seen[c] = true;
        }
        if (!(bandwidth > 0.0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite, got "
                    + bandwidth);
        }
        if (bandwidth < MIN_BANDWIDTH) {
            throw new IllegalArgumentException("bandwidth must be at least " + MIN_BANDWIDTH
                    + ", got " + bandwidth + ": the frequencies are normal values divided by"
                    + " it and would not be finite");
        }
        if (features < 2 || features % 2 != 0 || features > MAX_FEATURES) {
            throw new IllegalArgumentException("features must be even, >= 2 (a cosine and"
                    + " a sine per frequency) and at most MAX_FEATURES = " + MAX_FEATURES
                    + ", got " + features);
        }
        return new NodeKernelEmbedding(kernel, nodeDimension, inputChannels, bandwidth,
                features, sampling, seed);
    }

    /**
     * Returns the exact Gaussian kernel {@code exp(-||x - y||^2 / (2 sigma^2))}.
     *
     * @param x a vector
     * @param y a vector of the same length
     * @param bandwidth {@code sigma}, positive
     * @return the kernel value in {@code (0, 1]}
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double gaussianKernel(double[] x, double[] y, double bandwidth) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        return Math.exp(-squaredDistance(x, y) / (2.0 * bandwidth * bandwidth));
    }

    /**
     * Returns the exact Laplacian kernel {@code exp(-||x - y|| / sigma)}, Euclidean norm.
     *
     * @param x a vector
     * @param y a vector of the same length
     * @param bandwidth {@code sigma}, positive
     * @return the kernel value in {@code (0, 1]}
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double laplacianKernel(double[] x, double[] y, double bandwidth) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        return Math.exp(-Math.sqrt(squaredDistance(x, y)) / bandwidth);
    }

    /**
     * Returns the exact value of this map's kernel, with its bandwidth.
     *
     * @param x the values of the input channels
     * @param y the values of the input channels, same length
     * @return the kernel value in {@code (0, 1]}
     * @throws IllegalArgumentException if the lengths differ
     */
    public double exactKernel(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        return kernel == Kernel.GAUSSIAN ? gaussianKernel(x, y, bandwidth)
                : laplacianKernel(x, y, bandwidth);
    }

    private static double squaredDistance(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors of lengths " + x.length + " and "
                    + y.length);
        }
        double squares = 0.0;
        for (int c = 0; c < x.length; c++) {
            double d = x[c] - y[c];
            squares += d * d;
        }
        return squares;
    }

    /**
     * Returns the kernel this map approximates.
     *
     * @return the kernel this map approximates
     */
    public Kernel kernel() {
        return kernel;
    }

    /**
     * Returns the node dimension of the graphs this map accepts.
     *
     * @return the node dimension of the graphs this map accepts
     */
    public int nodeDimension() {
        return nodeDimension;
    }

    /**
     * Returns the node dimension of mapped graphs: the kept channels plus the features.
     *
     * @return the node dimension of mapped graphs: the kept channels plus the features
     */
    public int outputNodeDimension() {
        return keptChannels.length + features();
    }

    /**
     * Returns the number {@code D} of features.
     *
     * @return the number {@code D} of features
     */
    public int features() {
        return 2 * frequencies.length;
    }

    /**
     * Returns the bandwidth {@code sigma}.
     *
     * @return the bandwidth {@code sigma}
     */
    public double bandwidth() {
        return bandwidth;
    }

    /**
     * Returns how the frequencies were chosen.
     *
     * @return how the frequencies were chosen
     */
    public Sampling sampling() {
        return sampling;
    }

    /**
     * Returns a copy of the input channels, in the order given.
     *
     * @return a copy of the input channels, in the order given
     */
    public int[] inputChannels() {
        return inputChannels.clone();
    }

    /**
     * Returns a copy of the kept channels, in increasing order: output channels 0, 1, ...
     *
     * @return a copy of the kept channels, in increasing order: output channels 0, 1, ...
     */
    public int[] keptChannels() {
        return keptChannels.clone();
    }

    /**
     * Returns the features {@code phi(x)} of one attribute vector over the input channels.
     *
     * @param x the values of the input channels, in the order of {@link #inputChannels()}
     * @return the {@code D} features, of squared norm 1
     * @throws IllegalArgumentException if the length is not the number of input channels, or
     *     a value is not finite (its features would be NaN)
     */
    public double[] map(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != inputChannels.length) {
            throw new IllegalArgumentException("expected " + inputChannels.length
                    + " input values, got " + x.length);
        }
        for (int c = 0; c < x.length; c++) {
            if (!Double.isFinite(x[c])) {
                throw new IllegalArgumentException("input value " + c + " is " + x[c]
                        + ": the features of a non-finite value are not defined");
            }
        }
        double[] phi = new double[features()];
        writeFeatures(x, phi, 0);
        return phi;
    }

    /**
     * Returns the kernel value the map realizes, {@code <phi(x), phi(y)>}.
     *
     * @param x the values of the input channels
     * @param y the values of the input channels
     * @return the approximate kernel value, in {@code [-1, 1]}
     * @throws IllegalArgumentException as {@link #map} does
     */
    public double approximateKernel(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        double[] a = map(x);
        double[] b = map(y);
        double dot = 0.0;
        for (int f = 0; f < a.length; f++) {
            dot += a[f] * b[f];
        }
        return dot;
    }

    /**
     * Maps one graph: node {@code i} gets its kept channels, then the features of its input
     * channels. Order, edges and directedness are kept.
     *
     * @param g a graph with this map's node dimension; not modified
     * @return the mapped graph
     * @throws IllegalArgumentException if the node dimension differs
     */
    public Graph apply(Graph g) {
        Objects.requireNonNull(g, "g");
        if (g.nodeDimension() != nodeDimension) {
            throw new IllegalArgumentException("graph has node dimension " + g.nodeDimension()
                    + " but the kernel map expects " + nodeDimension);
        }
        int n = g.order();
        int de = g.edgeDimension();
        int out = outputNodeDimension();
        double[] nodes = new double[n * out];
        double[] x = new double[inputChannels.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < keptChannels.length; c++) {
                nodes[i * out + c] = g.node(i, keptChannels[c]);
            }
            for (int c = 0; c < inputChannels.length; c++) {
                x[c] = g.node(i, inputChannels[c]);
            }
            writeFeatures(x, nodes, i * out + keptChannels.length);
        }
        double[] edges = new double[n * n * de];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < g.outDegree(i); k++) {
                int j = g.successor(i, k);
                for (int c = 0; c < de; c++) {
                    edges[(i * n + j) * de + c] = g.edge(i, j, c);
                }
            }
        }
        return Graph.fromArrays(n, out, de, g.isDirected(), nodes, edges);
    }

    /**
     * Maps every graph of a list.
     *
     * @param graphs graphs with this map's node dimension; not modified
     * @return a new list of the mapped graphs, in the same order
     * @throws IllegalArgumentException naming the index of the first graph that does not fit
     */
    public List<Graph> applyAll(List<Graph> graphs) {
        Objects.requireNonNull(graphs, "graphs");
        return GraphLists.mapEach(graphs, this::apply);
    }

    /**
     * Returns whether {@code other} is the same map: the same kernel, node dimension, input
     * channels, bandwidth, number of features and sampling, and for random frequencies the
     * same seed (which together decide every frequency).
     *
     * @param other any object
     * @return whether the two maps give the same features
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NodeKernelEmbedding e && kernel == e.kernel
                && nodeDimension == e.nodeDimension
                && Arrays.equals(inputChannels, e.inputChannels)
                && Double.compare(bandwidth, e.bandwidth) == 0
                && features() == e.features() && sampling == e.sampling
                && (sampling != Sampling.RANDOM || seed == e.seed);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(kernel, nodeDimension, bandwidth, features(), sampling,
                sampling == Sampling.RANDOM ? seed : 0L);
        return 31 * h + Arrays.hashCode(inputChannels);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NodeKernelEmbedding[%s, sigma=%s, D=%d, %s%s,"
                + " inputChannels=%s]", kernel.name().toLowerCase(Locale.ROOT), bandwidth,
                features(),
                sampling.name().toLowerCase(Locale.ROOT),
                sampling == Sampling.RANDOM ? " seed " + seed : "",
                Arrays.toString(inputChannels));
    }

    /** Writes {@code phi(x)} into {@code target} from {@code offset} on. */
    private void writeFeatures(double[] x, double[] target, int offset) {
        int m = frequencies.length;
        double scale = Math.sqrt(1.0 / m);
        for (int j = 0; j < m; j++) {
            double[] w = frequencies[j];
            double phase = 0.0;
            for (int c = 0; c < w.length; c++) {
                phase += w[c] * x[c];
            }
            target[offset + 2 * j] = scale * Math.cos(phase);
            target[offset + 2 * j + 1] = scale * Math.sin(phase);
        }
    }

    /**
     * Independent {@code N(0, sigma^-2)} entries from a seeded generator; for the Laplacian
     * kernel each row then divided by {@code |g|} (floored), {@code g} the next normal value.
     */
    private static double[][] randomFrequencies(int m, int d, double bandwidth, long seed,
            boolean laplacian) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[m][d];
        for (int j = 0; j < m; j++) {
            for (int c = 0; c < d; c++) {
                w[j][c] = random.nextGaussian() / bandwidth;
            }
            if (laplacian) {
                divide(w[j], halfNormalFloor(Math.abs(random.nextGaussian())));
            }
        }
        return w;
    }

    private static double halfNormalFloor(double g) {
        return Math.max(g, MIN_HALF_NORMAL);
    }

    private static void divide(double[] row, double by) {
        for (int c = 0; c < row.length; c++) {
            row[c] /= by;
        }
    }

    /**
     * Halton points {@code 1..m} in the first {@code 2 ceil(d / 2)} prime bases; coordinates
     * {@code (u, v)} of each pair become the normal values
     * {@code sqrt(-2 ln(1 - u)) (cos 2 pi v, sin 2 pi v)} (Box-Muller), divided by sigma. For
     * the Laplacian kernel the coordinate {@code u} in the next prime base gives the
     * half-normal value {@code |g| = sqrt(2) erfc^-1(u)} (floored) that divides each row.
     */
    private static double[][] haltonFrequencies(int m, int d, double bandwidth,
            boolean laplacian) {
        int pairs = (d + 1) / 2;
        int[] bases = primes(2 * pairs + (laplacian ? 1 : 0));
        double[][] w = new double[m][d];
        for (int j = 0; j < m; j++) {
            for (int p = 0; p < pairs; p++) {
                double u = radicalInverse(j + 1, bases[2 * p]);
                double v = radicalInverse(j + 1, bases[2 * p + 1]);
                double radius = Math.sqrt(-2.0 * Math.log1p(-u));
                w[j][2 * p] = radius * Math.cos(2.0 * Math.PI * v) / bandwidth;
                if (2 * p + 1 < d) {
                    w[j][2 * p + 1] = radius * Math.sin(2.0 * Math.PI * v) / bandwidth;
                }
            }
            if (laplacian) {
                double u = radicalInverse(j + 1, bases[2 * pairs]);
                divide(w[j], halfNormalFloor(Math.sqrt(2.0) * Erf.erfcInv(u)));
            }
        }
        return w;
    }

    /** The van der Corput radical inverse of {@code index} in {@code base}, in [0, 1). */
    private static double radicalInverse(long index, int base) {
        double result = 0.0;
        double digitValue = 1.0 / base;
        long rest = index;
        while (rest > 0) {
            result += (rest % base) * digitValue;
            rest /= base;
            digitValue /= base;
        }
        return result;
    }

    /** The first {@code count} primes. */
    private static int[] primes(int count) {
        int[] found = new int[count];
        int size = 0;
        for (int candidate = 2; size < count; candidate++) {
            boolean prime = true;
            for (int k = 0; k < size && found[k] * found[k] <= candidate; k++) {
                if (candidate % found[k] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                found[size++] = candidate;
            }
        }
        return found;
    }
}
