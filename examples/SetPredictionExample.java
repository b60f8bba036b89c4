import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.orbifold.diff.SetMatchingLoss;

/**
 * Fits a small set predictor with plain gradient descent through the set-matching loss.
 *
 * <p>Each sample hides a position {@code z} in the plane and a random subset of three object
 * classes; object {@code k}, if present, sits at {@code z + offset[k]}. The model sees noisy
 * features (the position plus Gaussian noise, and the presence bits) and predicts, with four
 * queries, class logits (three classes and "no object") and a 2-D point per query, each a
 * linear function of the features. The target set is unordered, so the loss is
 * {@link SetMatchingLoss}: the optimal matching of objects to queries, with its generalized
 * gradient flowing back into the linear layers.
 *
 * <p>Run from the project folder after {@code mvn package}:
 * {@code java -cp target/orbifold.jar examples/SetPredictionExample.java [epochs]}.
 */
public class SetPredictionExample {

    private static final int CLASSES = 3;
    private static final int QUERIES = 4;
    private static final int FEATURES = 2 + CLASSES + 1;
    private static final double[][] OFFSETS = {{1, 0}, {0, 1}, {-1, -1}};
    private static final double NOISE = 0.05;

    /**
     * Runs the example.
     *
     * @param args optional number of epochs (default 200)
     */
    public static void main(String[] args) {
        int epochs = 200;
        try {
            if (args.length > 1) {
                throw new NumberFormatException("one argument at most");
            }
            epochs = args.length == 1 ? Integer.parseInt(args[0]) : 200;
        } catch (NumberFormatException e) {
            epochs = -1;
        }
        if (epochs < 1) {
            System.err.println("usage: java -cp target/orbifold.jar"
                    + " examples/SetPredictionExample.java"
                    + " [EPOCHS]  (a positive whole number, default 200)");
            System.exit(2);
        }
        run(epochs, System.out);
    }

    /**
     * Trains for the given number of epochs, printing the mean loss now and then.
     *
     * @param epochs the number of passes over the training set
     * @param out where to print
     * @return the mean loss of every epoch
     */
    public static double[] run(int epochs, PrintStream out) {
        SplittableRandom random = new SplittableRandom(2024);
        int samples = 64;
        double[][] features = new double[samples][];
        int[][] classes = new int[samples][];
        double[][][] points = new double[samples][][];
        for (int s = 0; s < samples; s++) {
            makeSample(random, s, features, classes, points);
        }

        // Linear layers: logits_j = A_j f, point_j = B_j f, small random start.
        double[][][] a = new double[QUERIES][CLASSES + 1][FEATURES];
        double[][][] b = new double[QUERIES][2][FEATURES];
        for (double[][][] layer : new double[][][][] {a, b}) {
            for (double[][] matrix : layer) {
                for (double[] row : matrix) {
                    for (int k = 0; k < FEATURES; k++) {
                        row[k] = 0.1 * random.nextGaussian();
                    }
                }
            }
        }

        SetMatchingLoss loss = new SetMatchingLoss(CLASSES, new SetMatchingLoss.Weights(0.1, 1));
        double[] trace = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[][][] gradA = new double[QUERIES][CLASSES + 1][FEATURES];
            double[][][] gradB = new double[QUERIES][2][FEATURES];
            double total = 0;
            for (int s = 0; s < samples; s++) {
                // Forward: the model's outputs for this sample.
                double[] f = features[s];
                double[][] logits = new double[QUERIES][];
                double[][] boxes = new double[QUERIES][];
                for (int j = 0; j < QUERIES; j++) {
                    logits[j] = times(a[j], f);
                    boxes[j] = times(b[j], f);
                }

                // Loss and its gradient with respect to the outputs, at the best matching.
                SetMatchingLoss.Result r = loss.evaluate(logits, boxes, classes[s], points[s]);
                total += r.loss();

                // Backward through the linear layers.
                double[][] gl = r.logitGradient();
                double[][] gb = r.boxGradient();
                for (int j = 0; j < QUERIES; j++) {
                    addOuter(gradA[j], gl[j], f, 1.0 / samples);
                    addOuter(gradB[j], gb[j], f, 1.0 / samples);
                }
            }
            trace[epoch] = total / samples;

            // Plain gradient descent; the step of the L1 point loss shrinks over time.
            double pointStep = 0.5 / Math.sqrt(1 + epoch);
            for (int j = 0; j < QUERIES; j++) {
                step(a[j], gradA[j], 2.0);
                step(b[j], gradB[j], pointStep);
            }
            if (epoch % Math.max(1, epochs / 10) == 0 || epoch == epochs - 1) {
                out.printf("epoch %4d  mean set-matching loss %.5f%n", epoch, trace[epoch]);
            }
        }
        return trace;
    }

    private static void makeSample(SplittableRandom random, int s, double[][] features,
            int[][] classes, double[][][] points) {
        double[] z = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
        int[] present = new int[CLASSES];
        int count = 0;
        for (int k = 0; k < CLASSES; k++) {
            if (random.nextBoolean()) {
                present[count++] = k;
            }
        }
        classes[s] = Arrays.copyOf(present, count);
        points[s] = new double[count][];
        double[] f = new double[FEATURES];
        f[0] = z[0] + NOISE * random.nextGaussian();
        f[1] = z[1] + NOISE * random.nextGaussian();
        f[FEATURES - 1] = 1.0;
        for (int i = 0; i < count; i++) {
            int k = classes[s][i];
            points[s][i] = new double[] {z[0] + OFFSETS[k][0], z[1] + OFFSETS[k][1]};
            f[2 + k] = 1.0;
        }
        features[s] = f;
    }

    private static double[] times(double[][] matrix, double[] vector) {
        double[] result = new double[matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            for (int k = 0; k < vector.length; k++) {
                result[r] += matrix[r][k] * vector[k];
            }
        }
        return result;
    }

    private static void addOuter(double[][] target, double[] left, double[] right, double w) {
        for (int r = 0; r < left.length; r++) {
            for (int k = 0; k < right.length; k++) {
                target[r][k] += w * left[r] * right[k];
            }
        }
    }

    private static void step(double[][] weights, double[][] gradient, double rate) {
        for (int r = 0; r < weights.length; r++) {
            for (int k = 0; k < weights[r].length; k++) {
                weights[r][k] -= rate * gradient[r][k];
            }
        }
    }
}
