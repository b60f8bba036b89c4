import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.orbifold.io.DatasetLoader;
import org.orbifold.io.GraphDataset;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.GraphClassifierModel;
import org.orbifold.learn.NearestNeighbors;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.NodeExistence;
import org.orbifold.stats.CenterResult;
import org.orbifold.stats.FrechetMean;

/**
 * Uses the library the way the command line does: reads the project's letter drawings,
 * aligns two of them, computes the Fréchet mean of one letter, and fits and evaluates a
 * nearest-neighbour classifier on a stratified hold-out split.
 *
 * <p>Any TU data set with classes and at least ten graphs will do: the class ids of the
 * project's letters (data set name {@code LETTERS}) are shown as their letters, every other
 * data set keeps its class ids, and the mean is that of class {@code T} when there is one,
 * else of the first class.
 *
 * <p>The readers add the node-existence channel only where a node would look like padding,
 * which the letters (points in the plane) never do; the command line adds it to every data
 * set without one. The example does the same, so that its distance of graphs 0 and 9 is the
 * one {@code ./orbifold align 0 9} prints, and shows for graphs of different orders the
 * distance without the channel for contrast.
 *
 * <p>Run from the project folder (the checkout, where {@code datasets/letters} and
 * {@code target/orbifold.jar} are) after {@code mvn package}:
 * {@code java -cp target/orbifold.jar examples/QuickStartExample.java [folder]}, where the
 * folder is a TU data set with classes (default {@code datasets/letters}, relative to the
 * working folder). The library has no public way to read the copy of the letters that the
 * command line embeds in its jar, so elsewhere give the folder: without one, and without
 * {@code datasets/letters} in the working folder, the example prints one line saying so and
 * exits with status 2 (as for a wrong number of arguments); a folder that cannot be read gives
 * one line with the reader's message and status 1.
 */
public class QuickStartExample {

    /** The command, as run from the project folder. */
    private static final String USAGE = "usage: java -cp target/orbifold.jar"
            + " examples/QuickStartExample.java [FOLDER]";

    /**
     * Runs the example; exits with status 2 on a wrong number of arguments or when the
     * default folder is missing, 1 when the data set cannot be read (one line each on
     * standard error).
     *
     * @param args an optional TU data set folder (default {@code datasets/letters})
     */
    public static void main(String[] args) {
        if (args.length > 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path folder = Path.of(args.length == 1 ? args[0] : "datasets/letters");
        if (args.length == 0 && !Files.isDirectory(folder)) {
            System.err.println("no folder datasets/letters in " + Path.of("").toAbsolutePath()
                    + ": run from the Orbifold project folder, or give a TU data set folder ("
                    + USAGE + ")");
            System.exit(2);
        }
        try {
            run(folder, System.out);
        } catch (IOException e) {
            System.err.println("cannot read " + folder + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Reads the data set, prints what the class description says and returns the hold-out
     * accuracy.
     *
     * @param folder the data set
     * @param out where to print
     * @return the accuracy on the held-out graphs
     * @throws IOException if the data set cannot be read
     */
    public static double run(Path folder, PrintStream out) throws IOException {
        // Read; the project's letters have alphabet positions as class ids (1 = A, 5 = E, ...).
        GraphDataset read = DatasetLoader.load(folder);
        GraphDataset letters = read.name().equals("LETTERS")
                ? read.mapClasses(id -> String.valueOf((char) ('A' + Integer.parseInt(id) - 1)))
                : read;
        List<Graph> plain = letters.graphs();
        List<Graph> graphs = letters.nodeChannels().contains(NodeExistence.CHANNEL_NAME)
                ? plain : NodeExistence.append(plain);
        List<String> labels = letters.classLabels();
        out.printf("read        %d graphs, classes %s%n", graphs.size(), letters.classes());

        // The space holds every graph that will be compared; the default aligner, seed 42.
        GraphSpace space = GraphSpace.of(graphs);
        Aligner aligner = Aligners.byName("faq", 42);
        Alignment pair = aligner.align(space, graphs.get(0), graphs.get(9));
        out.printf("distance    graphs 0 and 9: %.6f (certified %s, matching %s)%n",
                pair.distance(), pair.certified(), pair.permutation());
        // Each node without a partner costs 1 more with the existence channel.
        Alignment far = aligner.align(space, graphs.get(0), graphs.get(3));
        Alignment bare = aligner.align(GraphSpace.of(plain), plain.get(0), plain.get(3));
        out.printf("distance    graphs 0 and 3 (orders %d and %d): %.6f; without the existence"
                + " channel %.6f%n", plain.get(0).order(), plain.get(3).order(),
                far.distance(), bare.distance());

        // The Frechet mean of the T drawings (of the first class if there is no T).
        String meanClass = letters.classes().contains("T") ? "T" : letters.classes().get(0);
        List<Graph> ofClass = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            if (labels.get(i).equals(meanClass)) {
                ofClass.add(graphs.get(i));
            }
        }
        CenterResult mean = FrechetMean.builder().aligner(aligner).build()
                .compute(space, ofClass);
        out.printf("%-11s %d graphs, mean squared distance %.6f (%d iteration%s, %s)%n",
                "mean of " + meanClass, ofClass.size(), mean.objective(), mean.iterations(),
                mean.iterations() == 1 ? "" : "s", mean.status());

        // Hold out one of five stratified folds; fit 1-NN on the rest.
        int[] held = Evaluation.stratifiedFolds(labels, 5, 42).get(0);
        List<Graph> trainGraphs = new ArrayList<>();
        List<String> trainLabels = new ArrayList<>();
        List<Graph> testGraphs = new ArrayList<>();
        List<String> testLabels = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            boolean test = Arrays.binarySearch(held, i) >= 0;
            (test ? testGraphs : trainGraphs).add(graphs.get(i));
            (test ? testLabels : trainLabels).add(labels.get(i));
        }
        GraphClassifierModel model = NearestNeighbors.builder().aligner(aligner).k(1).build()
                .fit(space, trainGraphs, trainLabels);
        List<String> predicted = new ArrayList<>();
        for (Graph g : testGraphs) {
            predicted.add(model.predict(g));
        }
        double accuracy = Evaluation.accuracy(testLabels, predicted);
        out.printf("1-NN        trained on %d graphs, accuracy %.4f on %d held out%n",
                trainGraphs.size(), accuracy, testGraphs.size());
        int[][] confusion = Evaluation.confusionMatrix(testLabels, predicted, model.classes());
        out.println("confusion   rows: true class, columns: predicted class");
        int width = 1;
        for (String label : model.classes().labels()) {
            width = Math.max(width, label.length());
        }
        String cell = "%" + Math.max(3, width + 1);
        StringBuilder header = new StringBuilder("  " + " ".repeat(width));
        for (String label : model.classes().labels()) {
            header.append(String.format(cell + "s", label));
        }
        out.println(header);
        for (int a = 0; a < confusion.length; a++) {
            StringBuilder row = new StringBuilder(String.format("  %-" + width + "s",
                    model.classes().label(a)));
            for (int count : confusion[a]) {
                row.append(String.format(cell + "d", count));
            }
            out.println(row);
        }
        return accuracy;
    }
}
