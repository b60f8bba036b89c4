import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.orbifold.diff.DynamicTimeWarping;
import org.orbifold.diff.SequenceAlignment;

/**
 * Fits a template sequence to time-warped copies of a hidden sequence with plain gradient
 * descent through a sequence-alignment loss, the dynamic-time-warping distance.
 *
 * <p>The hidden sequence is a bump; each training sequence replays it at a random, uneven
 * speed (every sample is shown one to three times). The template starts as the first training
 * sequence resampled uniformly to the template's length, a distorted bump. The loss is the
 * mean over the training sequences of {@code DTW(template, sequence)} with local costs
 * {@code (t_i - s_j)^2}; its generalized gradient is the optimal warping path's indicator,
 * and by the chain rule the derivative with respect to {@code t_i} is
 * {@code sum over path cells (i, j) of 2 (t_i - s_j)}. The hidden sequence has zero loss, so
 * the global minimum is zero, but the loss is neither convex nor smooth and plain gradient
 * descent may stop at a local minimum above it: this run stops at 0.000206 after about 20
 * iterations, where the returned generalized gradient is zero, a stationary point of the
 * non-smooth loss.
 *
 * <p>Run from the project folder after {@code mvn package}:
 * {@code java -cp target/orbifold.jar examples/SequenceAlignmentExample.java [iterations]}.
 */
public class SequenceAlignmentExample {

    private static final int LENGTH = 16;

    /**
     * Runs the example.
     *
     * @param args optional number of iterations (default 200)
     */
    public static void main(String[] args) {
        int iterations = 200;
        try {
            if (args.length > 1) {
                throw new NumberFormatException("one argument at most");
            }
            iterations = args.length == 1 ? Integer.parseInt(args[0]) : 200;
        } catch (NumberFormatException e) {
            iterations = -1;
        }
        if (iterations < 1) {
            System.err.println("usage: java -cp target/orbifold.jar"
                    + " examples/SequenceAlignmentExample.java"
                    + " [ITERATIONS]  (a positive whole number, default 200)");
            System.exit(2);
        }
        run(iterations, System.out);
    }

    /**
     * Fits the template for the given number of iterations, printing the loss now and then.
     *
     * @param iterations the number of gradient steps
     * @param out where to print
     * @return the loss before every step
     */
    public static double[] run(int iterations, PrintStream out) {
        SplittableRandom random = new SplittableRandom(7);
        double[] hidden = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            double x = (i - LENGTH / 2.0) / 3.0;
            hidden[i] = Math.exp(-x * x);
        }
        double[][] sequences = new double[8][];
        for (int k = 0; k < sequences.length; k++) {
            sequences[k] = warp(hidden, random);
        }

        // Start from the first training sequence, resampled uniformly to the template length.
        double[] template = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            template[i] = sequences[0][i * sequences[0].length / LENGTH];
        }
        DynamicTimeWarping dtw = new DynamicTimeWarping();
        double[] trace = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            double[] gradient = new double[LENGTH];
            double loss = 0;
            for (double[] s : sequences) {
                // Local costs, the optimal path, and the chain rule along it.
                double[][] costs = new double[LENGTH][s.length];
                for (int i = 0; i < LENGTH; i++) {
                    for (int j = 0; j < s.length; j++) {
                        costs[i][j] = (template[i] - s[j]) * (template[i] - s[j]);
                    }
                }
                SequenceAlignment path = dtw.align(costs);
                loss += path.value() / sequences.length;
                int[] rows = path.pathRows();
                int[] columns = path.pathColumns();
                for (int c = 0; c < rows.length; c++) {
                    int i = rows[c];
                    gradient[i] += 2 * (template[i] - s[columns[c]]) / sequences.length;
                }
            }
            trace[it] = loss;
            for (int i = 0; i < LENGTH; i++) {
                template[i] -= 0.1 * gradient[i];
            }
            if (it % Math.max(1, iterations / 10) == 0 || it == iterations - 1) {
                out.printf("iteration %4d  mean DTW loss %.6f%n", it, loss);
            }
        }
        return trace;
    }

    /** Replays every sample of {@code x} one to three times. */
    private static double[] warp(double[] x, SplittableRandom random) {
        double[] buffer = new double[3 * x.length];
        int n = 0;
        for (double v : x) {
            int repeats = 1 + random.nextInt(3);
            for (int r = 0; r < repeats; r++) {
                buffer[n++] = v;
            }
        }
        return Arrays.copyOf(buffer, n);
    }
}
