import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.orbifold.io.CovariateTable;
import org.orbifold.io.DatasetLoader;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeExistence;
import org.orbifold.space.Permutation;
import org.orbifold.stats.GraphRegression;
import org.orbifold.stats.GraphRegressionModel;

/**
 * K-fold cross-validation of graph-valued regression ({@link GraphRegression}) against the
 * honest baseline that ignores the covariates: predicting every held-out graph by the Fréchet
 * mean of the training graphs (the regression's own {@code frechetMean()}, computed with the
 * same aligner from the medoid, as {@code orbifold mean} does). The prediction error of a
 * held-out graph is its distance to the predicted graph, aligned by the same aligner
 * (warm-started at the identity and then from scratch, the better kept).
 *
 * <p>Graphs are read as the command line reads them (the existence channel appended where
 * the data set has none); folds are a shuffle of the indices with {@code SEED}, cut into
 * {@code K} nearly equal parts. Run from the project folder after {@code mvn package}:
 *
 * <pre>
 * java -cp target/orbifold.jar scripts/RegressionFolds.java DATASET COVARIATES [K [SEED
 *     [ALIGNER [THREADS]]]]
 * </pre>
 *
 * <p>Defaults: 10 folds, seed 42, aligner faq, 2 threads. Prints one line per fold and the
 * totals: mean squared and mean prediction distance of both predictors.
 */
public final class RegressionFolds {

    private RegressionFolds() {
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        Path covariates = Path.of(args[1]);
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        Aligner aligner = Aligners.byName(args.length > 4 ? args[4] : "faq", seed);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 2;

        List<Graph> graphs = DatasetLoader.load(dataset).graphs();
        if (graphs.get(0).nodeDimension() == 0) {
            graphs = NodeExistence.append(graphs);
        }
        CovariateTable table = CovariateTable.read(covariates);
        double[][] x = table.rows();
        int n = graphs.size();
        if (x.length != n) {
            throw new IllegalArgumentException(x.length + " covariate rows for " + n + " graphs");
        }
        GraphSpace space = GraphSpace.of(graphs);

        // Folds: a seeded shuffle cut into k parts.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }

        ForkJoinPool pool = new ForkJoinPool(threads);
        double[] sums = new double[4];
        long start = System.nanoTime();
        try {
            for (int f = 0; f < k; f++) {
                List<Graph> train = new ArrayList<>();
                List<double[]> trainX = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (r * k / n == f) {
                        test.add(order[r]);
                    } else {
                        train.add(graphs.get(order[r]));
                        trainX.add(x[order[r]]);
                    }
                }
                GraphRegressionModel model = GraphRegression.builder().aligner(aligner)
                        .executor(pool).seed(seed).build()
                        .fit(space, train, trainX.toArray(new double[0][]), table.names());
                double[] fold = new double[4];
                for (int i : test) {
                    double dr = distance(space, aligner, model.predict(x[i]), graphs.get(i));
                    double dm = distance(space, aligner, model.frechetMean(), graphs.get(i));
                    fold[0] += dr * dr;
                    fold[1] += dm * dm;
                    fold[2] += dr;
                    fold[3] += dm;
                }
                for (int q = 0; q < 4; q++) {
                    sums[q] += fold[q];
                }
                System.out.printf(Locale.ROOT, "fold %2d  test %3d  train R^2 %.4f  iterations"
                        + " %d %s  MSE regression %.2f  mean %.2f%n", f + 1, test.size(),
                        model.rSquared(), model.iterations(), model.status(),
                        fold[0] / test.size(), fold[1] / test.size());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "all %d graphs, %d folds, seed %d, aligner %s%n", n, k,
                seed, aligner.name());
        double change = 100 * (sums[0] - sums[1]) / sums[1];
        System.out.printf(Locale.ROOT, "mean squared prediction distance: regression %.3f,"
                + " Frechet mean %.3f (regression %.2f %% %s)%n", sums[0] / n, sums[1] / n,
                Math.abs(change), change > 0 ? "higher" : "lower");
        System.out.printf(Locale.ROOT, "mean prediction distance:         regression %.3f,"
                + " Frechet mean %.3f%n", sums[2] / n, sums[3] / n);
        System.out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Returns the distance of {@code y} to {@code x} under the aligner's best alignment. */
    private static double distance(GraphSpace space, Aligner aligner, Graph x, Graph y) {
        double cold = aligner.align(space, x, y).distance();
        double warm = aligner.align(space, x, y, Permutation.identity(space.size())).distance();
        return Math.min(cold, warm);
    }
}
