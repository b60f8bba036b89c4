package org.orbifold.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.TuDatasetReader;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The embedded letters split by round, for tests: the set lists its classes in turn, one
 * graph of each per round, and rounds 0 mod 3 go to validation, 1 mod 3 to the test and the
 * rest to training. The lists are new and modifiable; the space holds every letter.
 */
record LetterRounds(List<Graph> train, List<String> trainLabels, List<Graph> validation,
        List<String> validationLabels, List<Graph> test, GraphSpace space) {

    /** The number of letters, which the embedded set lists in turn: A, E, F, ..., X, A, .... */
    static final int CLASSES = 9;

    /**
     * Reads and splits the letters.
     *
     * @param repeatEveryFifth whether a training graph whose index in the set is a multiple
     *     of 5 is listed twice in a row (for ties in distance)
     * @return the splits
     * @throws IOException if the set cannot be read
     */
    static LetterRounds read(boolean repeatEveryFifth) throws IOException {
        GraphDataset data = TuDatasetReader.read(Path.of("datasets/letters"));
        LetterRounds rounds = new LetterRounds(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                GraphSpace.of(data.graphs()));
        for (int g = 0; g < data.size(); g++) {
            Graph graph = data.graphs().get(g);
            String label = data.classLabels().get(g);
            switch (g / CLASSES % 3) {
                case 0 -> {
                    rounds.validation.add(graph);
                    rounds.validationLabels.add(label);
                }
                case 1 -> rounds.test.add(graph);
                default -> {
                    int copies = repeatEveryFifth && g % 5 == 0 ? 2 : 1;
                    for (int c = 0; c < copies; c++) {
                        rounds.train.add(graph);
                        rounds.trainLabels.add(label);
                    }
                }
            }
        }
        return rounds;
    }
}
