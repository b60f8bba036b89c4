package org.orbifold.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.orbifold.io.GraphDataset;
import org.orbifold.learn.GraphMlp;
import org.orbifold.learn.GraphMlpModel;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.DistanceLowerBound;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeKernelEmbedding;
import org.orbifold.stats.FrechetMean;

/**
 * Why the graph MLP's bounded prediction ({@link GraphMlpModel#withBounds}) aligns the units
 * it aligns: fits the MLP of {@link PredictionTimeHarness} (tanh, distance offset) on one set
 * and, for the first queries of the test split, measures how far the activation intervals
 * lie from the exact activations and replays the search of {@link GraphMlpModel} four
 * ways: with the certified intervals, with a perfect lower end ({@code lo_j = h_j}, what a
 * lower bound as good as the aligner's own result would give), with a perfect upper end
 * ({@code hi_j = h_j}), and with the node assignment bound of every unit from the start
 * instead of refining on demand. The replay follows the class description of
 * {@link GraphMlpModel} and counts alignments; it is a diagnostic, not the model's code.
 *
 * <p>Usage: {@code DATASETS SET [QUERIES] [mlp:H:RATE]}. Prints one line per replay.
 *
 * <p><b>Limitations.</b> Only the tanh activation; the replay's rounding margin is that of
 * the model, but its interval values are recomputed here and may differ in the last bits.
 */
public final class MlpBoundsHarness {

    private static final Executor SAME_THREAD = Runnable::run;

    private MlpBoundsHarness() {
    }

    /**
     * Runs the diagnostic.
     *
     * @param args DATASETS SET [QUERIES] [mlp:H:RATE]
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        String set = args[1];
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        PredictionTimeHarness.Config c = PredictionTimeHarness.config(set);
        String[] spec = (args.length > 3 ? args[3] : "mlp").split(":");
        int hidden = spec.length > 1 ? Integer.parseInt(spec[1]) : c.hidden();
        double rate = spec.length > 2 ? Double.parseDouble(spec[2]) : c.mlpRate();
        List<GraphDataset> splits = PredictionTimeHarness.read(Path.of(args[0]), set);
        AttributeScaling scaling = IamClassificationHarness.scaling(splits.get(0),
                new IamClassificationHarness.Setting(true, List.of(), c.existence(),
                        c.edgeWeight(), false, c.bandwidth(), 128,
                        NodeKernelEmbedding.Sampling.RANDOM, NodeKernelEmbedding.Kernel.GAUSSIAN,
                        ""));
        List<Graph> train = scaling.applyAll(splits.get(0).graphs());
        List<Graph> all = new ArrayList<>(train);
        all.addAll(scaling.applyAll(splits.get(1).graphs()));
        List<Graph> test = scaling.applyAll(splits.get(2).graphs());
        all.addAll(test);
        GraphSpace space = GraphSpace.of(all).withWeights(1.0, c.edgeWeight());
        Aligner aligner = Aligners.byName("fast", c.seed());
        FrechetMean mean = FrechetMean.builder().aligner(aligner).executor(SAME_THREAD).build();
        GraphMlpModel model = GraphMlp.builder().aligner(aligner).hiddenUnits(hidden)
                .learningRate(rate).epochs(10).seed(c.seed()).mean(mean)
                .executor(SAME_THREAD).build().fit(space, train, splits.get(0).classLabels());
        int h = model.weightGraphs().size();
        DistanceLowerBound.Profile[] profiles = new DistanceLowerBound.Profile[h];
        for (int j = 0; j < h; j++) {
            profiles[j] = DistanceLowerBound.profile(space, model.weightGraphs().get(j));
        }
        double[][] v = model.outputWeights();
        double[] cb = model.outputBiases();
        double[] b = model.hiddenBiases();
        double s = model.inputScale();
        long[] aligned = new long[4];
        double lowGap = 0.0;
        double quickGap = 0.0;
        double fullGap = 0.0;
        int n = Math.min(count, test.size());
        for (int q = 0; q < n; q++) {
            Graph x = test.get(q);
            double[] exact = model.hidden(x);
            DistanceLowerBound.Profile px = DistanceLowerBound.profile(space, x);
            double offset = model.distanceOffset() ? 0.5 * s * s * space.squaredNorm(x) : 0.0;
            double[] lo = new double[h];
            double[] quick = new double[h];
            double[] full = new double[h];
            for (int j = 0; j < h; j++) {
                lo[j] = Math.tanh(s * DistanceLowerBound.minimumSimilarity(space, profiles[j], px)
                        + b[j] - offset);
                quick[j] = Math.tanh(s * DistanceLowerBound.quickMaximumSimilarity(space,
                        profiles[j], px) + b[j] - offset);
                full[j] = Math.min(quick[j], Math.tanh(s * DistanceLowerBound
                        .maximumSimilarity(space, profiles[j], px) + b[j] - offset));
                lowGap += exact[j] - lo[j];
                quickGap += quick[j] - exact[j];
                fullGap += full[j] - exact[j];
            }
            aligned[0] += replay(v, cb, exact, lo, quick, full);
            aligned[1] += replay(v, cb, exact, exact, quick, full);
            aligned[2] += replay(v, cb, exact, lo, exact, exact);
            aligned[3] += replay(v, cb, exact, lo, full, full);
        }
        System.out.printf(Locale.ROOT, "set %s, %s, %d units, %d test queries%n", set,
                String.join(":", spec), h, n);
        System.out.printf(Locale.ROOT, "mean h - lo %.3f, quick hi - h %.3f, full hi - h %.3f"
                + " (tanh units)%n", lowGap / n / h, quickGap / n / h, fullGap / n / h);
        String[] names = {"certified intervals", "perfect lower ends", "perfect upper ends",
            "node assignment bounds of every unit from the start"};
        for (int r = 0; r < names.length; r++) {
            System.out.printf(Locale.ROOT, "%s: %.1f of %d units aligned per query%n",
                    names[r], aligned[r] / (double) n, h);
        }
    }

    /** The search of {@link GraphMlpModel} on given intervals; returns the alignments. */
    private static int replay(double[][] v, double[] c, double[] exact, double[] lo0,
            double[] quick, double[] full) {
        int h = exact.length;
        int k = c.length;
        double[] lo = lo0.clone();
        double[] hi = quick.clone();
        boolean[] refined = new boolean[h];
        boolean[] aligned = new boolean[h];
        double[] size = new double[k];
        for (int a = 0; a < k; a++) {
            size[a] = 1.0 + Math.abs(c[a]);
            for (int j = 0; j < h; j++) {
                size[a] += Math.abs(v[a][j]);
            }
        }
        int count = 0;
        while (count < h) {
            int leader = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                double u = c[a];
                for (int j = 0; j < h; j++) {
                    u += v[a][j] * (0.5 * lo[j] + 0.5 * hi[j]);
                }
                if (u > best) {
                    best = u;
                    leader = a;
                }
            }
            boolean[] open = new boolean[k];
            boolean any = false;
            for (int r = 0; r < k; r++) {
                if (r == leader) {
                    continue;
                }
                double gap = c[leader] - c[r];
                for (int j = 0; j < h; j++) {
                    double coefficient = v[leader][j] - v[r][j];
                    gap += coefficient * (coefficient > 0.0 ? lo[j] : hi[j]);
                }
                open[r] = gap <= 2e-9 * (size[leader] + size[r]);
                any |= open[r];
            }
            if (!any) {
                return count;
            }
            int pick = -1;
            double width = 0.0;
            for (int j = 0; j < h; j++) {
                if (aligned[j]) {
                    continue;
                }
                double weight = 0.0;
                for (int r = 0; r < k; r++) {
                    weight += open[r] ? Math.abs(v[leader][j] - v[r][j]) : 0.0;
                }
                double w = weight * (hi[j] - lo[j]);
                if (pick < 0 || w > width) {
                    pick = j;
                    width = w;
                }
            }
            if (!refined[pick]) {
                refined[pick] = true;
                hi[pick] = Math.min(hi[pick], full[pick]);
                continue;
            }
            aligned[pick] = true;
            count++;
            lo[pick] = exact[pick];
            hi[pick] = exact[pick];
        }
        return count;
    }
}
