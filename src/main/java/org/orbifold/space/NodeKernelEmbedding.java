package org.orbifold.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An explicit feature map {@code phi} of a Gaussian kernel on node attributes, so that node
 * substitutions in graph space cost {@code ||phi(x) - phi(y)||^2 ~ 2 - 2 k(x, y)} with
 * {@code k(x, y) = exp(-||x - y||^2 / (2 sigma^2))}: at most about 2, whatever the distance
 * between the attributes, while a node matched with a null node costs
 * {@code ||phi(x)||^2 = 1} (plus the square of an existence channel, when one is kept).
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
 * <p><b>The map.</b> By Bochner's theorem the Gaussian kernel is the expectation of
 * {@code cos(w . (x - y))} over frequencies {@code w ~ N(0, sigma^-2 I)}. With {@code m}
 * frequencies {@code w_1..w_m}, the map
 * {@code phi(x) = m^-1/2 (cos(w_1 . x), sin(w_1 . x), ..., cos(w_m . x), sin(w_m . x))} has
 * {@code D = 2m} features, {@code ||phi(x)||^2 = 1} exactly and
 * {@code <phi(x), phi(y)> = m^-1 sum_j cos(w_j . (x - y))}, an average that estimates
 * {@code k(x, y)} (random Fourier features: Rahimi and Recht 2007, "Random Features for
 * Large-Scale Kernel Machines", NIPS 20). The estimate is itself a positive definite,
 * shift-invariant kernel, so the embedded distances are exact Euclidean distances of a kernel
 * close to the Gaussian one. Two ways to choose the frequencies:
 * <ul>
 *   <li>{@link Sampling#RANDOM}: independent Gaussian draws from a seeded generator; the
 *       error of one kernel value has standard deviation at most {@code (2m)^-1/2}.</li>
 *   <li>{@link Sampling#HALTON}: a deterministic quasi-Monte Carlo rule (Avron, Sindhwani,
 *       Yang and Mahoney 2016, "Quasi-Monte Carlo Feature Maps for Shift-Invariant Kernels",
 *       JMLR 17(120)): the points {@code 1..m} of the Halton sequence in the first primes as
 *       bases, each pair of coordinates mapped to two standard normal values by the Box-Muller
 *       transform. For low-dimensional attributes such as the pen positions of IAM Letter it
 *       covers the frequency plane evenly, with a smaller error than random draws of the same
 *       size; no seed is involved.</li>
 * </ul>
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
 * random frequencies).
 */
public final class NodeKernelEmbedding {

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
     */
    public static final double MIN_BANDWIDTH = 1e-300;

    private final int nodeDimension;
    private final int[] inputChannels;
    private final int[] keptChannels;
    private final double bandwidth;
    private final Sampling sampling;
    private final long seed;
    /** Frequencies, row {@code j} holds {@code w_j} over the input channels. */
    private final double[][] frequencies;

    private NodeKernelEmbedding(int nodeDimension, int[] inputChannels, double bandwidth,
            int features, Sampling sampling, long seed) {
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
        this.frequencies = sampling == Sampling.RANDOM
                ? randomFrequencies(features / 2, inputChannels.length, bandwidth, seed)
                : haltonFrequencies(features / 2, inputChannels.length, bandwidth);
    }

    /**
     * Creates the feature map of a Gaussian kernel.
     *
     * @param nodeDimension node attribute dimension of the graphs it accepts, at least 1
     * @param inputChannels the channels mapped through the kernel, at least one, each in
     *     {@code [0, nodeDimension)}, no repeats; the others are kept as they are
     * @param bandwidth the kernel's {@code sigma}, finite and at least {@link #MIN_BANDWIDTH}
     *     (so that every frequency is finite)
     * @param features the number {@code D} of features, even and at least 2
     * @param sampling how the {@code D / 2} frequencies are chosen
     * @param seed the seed of {@link Sampling#RANDOM} (unused by {@link Sampling#HALTON})
     * @return the map
     * @throws IllegalArgumentException naming the bad argument and its value
     */
    public static NodeKernelEmbedding gaussian(int nodeDimension, int[] inputChannels,
            double bandwidth, int features, Sampling sampling, long seed) {
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
        if (features < 2 || features % 2 != 0) {
            throw new IllegalArgumentException("features must be even and >= 2 (a cosine and"
                    + " a sine per frequency), got " + features);
        }
        if (sampling == null) {
            throw new IllegalArgumentException("sampling must not be null");
        }
        return new NodeKernelEmbedding(nodeDimension, inputChannels, bandwidth, features,
                sampling, seed);
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
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors of lengths " + x.length + " and "
                    + y.length);
        }
        double squares = 0.0;
        for (int c = 0; c < x.length; c++) {
            double d = x[c] - y[c];
            squares += d * d;
        }
        return Math.exp(-squares / (2.0 * bandwidth * bandwidth));
    }

    /** Returns the node dimension of the graphs this map accepts. */
    public int nodeDimension() {
        return nodeDimension;
    }

    /** Returns the node dimension of mapped graphs: the kept channels plus the features. */
    public int outputNodeDimension() {
        return keptChannels.length + features();
    }

    /** Returns the number {@code D} of features. */
    public int features() {
        return 2 * frequencies.length;
    }

    /** Returns the bandwidth {@code sigma}. */
    public double bandwidth() {
        return bandwidth;
    }

    /** Returns how the frequencies were chosen. */
    public Sampling sampling() {
        return sampling;
    }

    /** Returns a copy of the input channels, in the order given. */
    public int[] inputChannels() {
        return inputChannels.clone();
    }

    /** Returns a copy of the kept channels, in increasing order: output channels 0, 1, .... */
    public int[] keptChannels() {
        return keptChannels.clone();
    }

    /**
     * Returns the features {@code phi(x)} of one attribute vector over the input channels.
     *
     * @param x the values of the input channels, in the order of {@link #inputChannels()}
     * @return the {@code D} features, of squared norm 1
     * @throws IllegalArgumentException if the length is not the number of input channels
     */
    public double[] map(double[] x) {
        if (x.length != inputChannels.length) {
            throw new IllegalArgumentException("expected " + inputChannels.length
                    + " input values, got " + x.length);
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
     */
    public double approximateKernel(double[] x, double[] y) {
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
        return GraphLists.mapEach(graphs, this::apply);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NodeKernelEmbedding[gaussian, sigma=%s, D=%d, %s%s,"
                + " inputChannels=%s]", bandwidth, features(),
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

    /** Independent {@code N(0, sigma^-2)} entries from a seeded generator. */
    private static double[][] randomFrequencies(int m, int d, double bandwidth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[m][d];
        for (int j = 0; j < m; j++) {
            for (int c = 0; c < d; c++) {
                w[j][c] = random.nextGaussian() / bandwidth;
            }
        }
        return w;
    }

    /**
     * Halton points {@code 1..m} in the first {@code 2 ceil(d / 2)} prime bases; coordinates
     * {@code (u, v)} of each pair become the normal values
     * {@code sqrt(-2 ln(1 - u)) (cos 2 pi v, sin 2 pi v)} (Box-Muller), divided by sigma.
     */
    private static double[][] haltonFrequencies(int m, int d, double bandwidth) {
        int pairs = (d + 1) / 2;
        int[] bases = primes(2 * pairs);
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
