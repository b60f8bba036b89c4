package org.orbifold.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Draws the project's own default data set: noisy line drawings of nine capital letters, each
 * a small undirected graph whose nodes are stroke ends and bends with {@code (x, y)}
 * coordinates and whose edges are straight strokes. The set plays the part the IAM Letter
 * graphs play in the literature (Riesen and Bunke 2008), but every drawing is made here from
 * hand-placed prototypes, so it can ship with the project.
 *
 * <p>Each drawing starts from its letter's prototype on a 3 by 4 canvas (x in 0..3, y in 0..4,
 * y pointing up) and is distorted in five seeded steps:
 * <ol>
 *   <li>with probability {@value #SPLIT_PROBABILITY} per stroke, a stroke gets an extra bend
 *       node at its middle;</li>
 *   <li>with probability {@value #MERGE_PROBABILITY}, one stroke is contracted: its two ends
 *       become one node at their midpoint;</li>
 *   <li>with probability {@value #DROP_PROBABILITY}, one stroke is lost;</li>
 *   <li>with probability {@value #ADD_PROBABILITY}, a spurious stroke joins two unconnected
 *       nodes;</li>
 *   <li>every node moves by Gaussian noise of standard deviation {@value #JITTER} in each
 *       coordinate, and the nodes are listed in a random order.</li>
 * </ol>
 * Steps that would leave fewer than {@value #MIN_ORDER} or more than {@value #MAX_ORDER}
 * nodes are skipped. Randomness comes from one {@link java.util.Random} seeded by the caller,
 * whose algorithm the Java specification fixes, and coordinates are written with four
 * decimals, so a seed gives the same files byte for byte on any Java 17 or later.
 *
 * <p>Output is the TU Dortmund text format (Morris et al. 2020, TUDataset): files
 * {@code LETTERS_A.txt}, {@code LETTERS_graph_indicator.txt},
 * {@code LETTERS_graph_labels.txt} and {@code LETTERS_node_attributes.txt}. The class id of a
 * letter is its position in the alphabet (A = 1, E = 5, ..., X = 24). Graphs are listed
 * round-robin over the letters, so the first {@code k} graphs mix all classes.
 *
 * <p>Run {@code java -cp target/orbifold.jar org.orbifold.cli.LetterDrawings datasets/letters}
 * (optional second argument: the seed, default {@value #DEFAULT_SEED}; third: drawings per
 * letter, default {@value #DEFAULT_DRAWINGS_PER_LETTER}) to regenerate the committed files.
 *
 * <p><b>Limitations.</b> Nine letters with hand-placed prototypes and independent noise; the
 * drawings are far cleaner and more regular than handwriting, and letters such as E and F or
 * K and X differ by one or two strokes only by design.
 */
public final class LetterDrawings {

    /** The seed of the committed files. */
    public static final long DEFAULT_SEED = 20240611L;

    /** The number of drawings per letter in the committed files. */
    public static final int DEFAULT_DRAWINGS_PER_LETTER = 25;

    /** The file name prefix of the data set. */
    public static final String NAME = "LETTERS";

    static final double JITTER = 0.12;
    static final double SPLIT_PROBABILITY = 0.12;
    static final double MERGE_PROBABILITY = 0.15;
    static final double DROP_PROBABILITY = 0.12;
    static final double ADD_PROBABILITY = 0.08;
    static final int MIN_ORDER = 4;
    static final int MAX_ORDER = 9;

    private static final List<Prototype> PROTOTYPES = List.of(
            new Prototype('A',
                    new double[][] {{0.5, 0.5}, {1.5, 3.5}, {2.5, 0.5}, {0.9, 1.7}, {2.1, 1.7}},
                    new int[][] {{0, 3}, {3, 1}, {1, 4}, {4, 2}, {3, 4}}),
            new Prototype('E',
                    new double[][] {{0.5, 3.5}, {2.3, 3.5}, {0.5, 2.0}, {2.0, 2.0}, {0.5, 0.5},
                        {2.3, 0.5}},
                    new int[][] {{0, 1}, {0, 2}, {2, 3}, {2, 4}, {4, 5}}),
            new Prototype('F',
                    new double[][] {{0.5, 3.5}, {2.3, 3.5}, {0.5, 2.0}, {2.0, 2.0}, {0.5, 0.5}},
                    new int[][] {{0, 1}, {0, 2}, {2, 3}, {2, 4}}),
            new Prototype('H',
                    new double[][] {{0.5, 3.5}, {0.5, 2.0}, {0.5, 0.5}, {2.5, 3.5}, {2.5, 2.0},
                        {2.5, 0.5}},
                    new int[][] {{0, 1}, {1, 2}, {3, 4}, {4, 5}, {1, 4}}),
            new Prototype('I',
                    new double[][] {{1.5, 3.5}, {1.5, 0.5}, {0.9, 3.5}, {2.1, 3.5}, {0.9, 0.5},
                        {2.1, 0.5}},
                    new int[][] {{2, 0}, {0, 3}, {0, 1}, {4, 1}, {1, 5}}),
            new Prototype('K',
                    new double[][] {{0.5, 3.5}, {0.5, 2.0}, {0.5, 0.5}, {2.3, 3.5}, {2.3, 0.5}},
                    new int[][] {{0, 1}, {1, 2}, {1, 3}, {1, 4}}),
            new Prototype('L',
                    new double[][] {{0.5, 3.5}, {0.5, 2.0}, {0.5, 0.5}, {2.3, 0.5}},
                    new int[][] {{0, 1}, {1, 2}, {2, 3}}),
            new Prototype('T',
                    new double[][] {{0.5, 3.5}, {1.5, 3.5}, {2.5, 3.5}, {1.5, 0.5}},
                    new int[][] {{0, 1}, {1, 2}, {1, 3}}),
            new Prototype('X',
                    new double[][] {{0.5, 3.5}, {2.5, 3.5}, {1.5, 2.0}, {0.5, 0.5}, {2.5, 0.5}},
                    new int[][] {{0, 2}, {1, 2}, {2, 3}, {2, 4}}));

    private LetterDrawings() {
    }

    /**
     * Returns the letters drawn, in the order their graphs are listed.
     *
     * @return the capital letters
     */
    public static List<Character> letters() {
        List<Character> letters = new ArrayList<>();
        for (Prototype p : PROTOTYPES) {
            letters.add(p.letter);
        }
        return letters;
    }

    /**
     * Returns the TU class id of a letter: its position in the alphabet.
     *
     * @param letter a capital letter
     * @return 1 for A, 2 for B, and so on
     */
    public static int classId(char letter) {
        return letter - 'A' + 1;
    }

    /**
     * Returns the letter of a TU class id, the inverse of {@link #classId(char)} on the letters
     * drawn.
     *
     * @param classId a class id as written in {@code LETTERS_graph_labels.txt}
     * @return the letter as a one-character string, or null if no drawn letter has that id
     */
    public static String letterOf(String classId) {
        for (char letter : letters()) {
            if (String.valueOf(classId(letter)).equals(classId.strip())) {
                return String.valueOf(letter);
            }
        }
        return null;
    }

    /**
     * Draws the data set and writes it in TU format into {@code folder}, replacing the four
     * files if they exist.
     *
     * @param folder the output folder, created if missing
     * @param seed the seed of all random choices
     * @param drawingsPerLetter how many drawings of each letter, at least 1
     * @throws IOException if a file cannot be written
     */
    public static void write(Path folder, long seed, int drawingsPerLetter) throws IOException {
        if (drawingsPerLetter < 1) {
            throw new IllegalArgumentException("drawings per letter must be >= 1, got "
                    + drawingsPerLetter);
        }
        List<Drawing> drawings = draw(seed, drawingsPerLetter);
        Files.createDirectories(folder);

        // One line per node: its graph id; its coordinates. Global node ids count from 1.
        StringBuilder indicator = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        StringBuilder adjacency = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        int firstNode = 1;
        for (int g = 0; g < drawings.size(); g++) {
            Drawing d = drawings.get(g);
            labels.append(classId(d.letter)).append('\n');
            for (double[] xy : d.points) {
                indicator.append(g + 1).append('\n');
                attributes.append(String.format(Locale.ROOT, "%.4f, %.4f\n", xy[0], xy[1]));
            }

            // Each undirected stroke is listed in both directions, sorted by source then target.
            for (int i = 0; i < d.points.size(); i++) {
                for (int j = 0; j < d.points.size(); j++) {
                    if (d.adjacent[i][j]) {
                        adjacency.append(firstNode + i).append(", ").append(firstNode + j)
                                .append('\n');
                    }
                }
            }
            firstNode += d.points.size();
        }

        writeFile(folder.resolve(NAME + "_A.txt"), adjacency);
        writeFile(folder.resolve(NAME + "_graph_indicator.txt"), indicator);
        writeFile(folder.resolve(NAME + "_graph_labels.txt"), labels);
        writeFile(folder.resolve(NAME + "_node_attributes.txt"), attributes);
    }

    /**
     * Regenerates the data set from the command line.
     *
     * @param args output folder, then optionally the seed and the drawings per letter
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: LetterDrawings FOLDER [SEED [DRAWINGS_PER_LETTER]]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_DRAWINGS_PER_LETTER;
        write(Path.of(args[0]), seed, count);
    }

    static List<Drawing> draw(long seed, int drawingsPerLetter) {
        Random random = new Random(seed);
        List<Drawing> drawings = new ArrayList<>();
        for (int k = 0; k < drawingsPerLetter; k++) {
            for (Prototype prototype : PROTOTYPES) {
                drawings.add(distort(prototype, random));
            }
        }
        return drawings;
    }

    private static Drawing distort(Prototype prototype, Random random) {
        Drawing d = new Drawing(prototype);

        // Step 1: extra bends in the middle of strokes.
        for (int[] stroke : d.strokes()) {
            if (random.nextDouble() < SPLIT_PROBABILITY && d.points.size() < MAX_ORDER) {
                d.split(stroke[0], stroke[1]);
            }
        }

        // Step 2: a short stroke contracted to a point.
        if (random.nextDouble() < MERGE_PROBABILITY && d.points.size() > MIN_ORDER) {
            List<int[]> strokes = d.strokes();
            int[] stroke = strokes.get(random.nextInt(strokes.size()));
            d.merge(stroke[0], stroke[1]);
        }

        // Step 3: a lost stroke.
        if (random.nextDouble() < DROP_PROBABILITY) {
            List<int[]> strokes = d.strokes();
            int[] stroke = strokes.get(random.nextInt(strokes.size()));
            d.setStroke(stroke[0], stroke[1], false);
        }

        // Step 4: a spurious stroke between two unconnected nodes.
        if (random.nextDouble() < ADD_PROBABILITY) {
            List<int[]> gaps = d.gaps();
            if (!gaps.isEmpty()) {
                int[] gap = gaps.get(random.nextInt(gaps.size()));
                d.setStroke(gap[0], gap[1], true);
            }
        }

        // Step 5: positional noise, then a random listing order of the nodes.
        for (double[] xy : d.points) {
            xy[0] += JITTER * random.nextGaussian();
            xy[1] += JITTER * random.nextGaussian();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < d.points.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return d.relabel(order);
    }

    private static void writeFile(Path file, CharSequence text) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.append(text);
        }
    }

    /** A letter's undistorted strokes. */
    private record Prototype(char letter, double[][] points, int[][] strokes) {
    }

    /** A drawing being distorted: node coordinates and a symmetric adjacency matrix. */
    static final class Drawing {

        final char letter;
        final List<double[]> points = new ArrayList<>();
        boolean[][] adjacent = new boolean[MAX_ORDER][MAX_ORDER];

        Drawing(Prototype prototype) {
            this.letter = prototype.letter;
            for (double[] xy : prototype.points) {
                points.add(xy.clone());
            }
            for (int[] stroke : prototype.strokes) {
                setStroke(stroke[0], stroke[1], true);
            }
        }

        private Drawing(char letter) {
            this.letter = letter;
        }

        void setStroke(int i, int j, boolean present) {
            adjacent[i][j] = present;
            adjacent[j][i] = present;
        }

        List<int[]> strokes() {
            List<int[]> strokes = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                for (int j = i + 1; j < points.size(); j++) {
                    if (adjacent[i][j]) {
                        strokes.add(new int[] {i, j});
                    }
                }
            }
            return strokes;
        }

        List<int[]> gaps() {
            List<int[]> gaps = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                for (int j = i + 1; j < points.size(); j++) {
                    if (!adjacent[i][j]) {
                        gaps.add(new int[] {i, j});
                    }
                }
            }
            return gaps;
        }

        void split(int i, int j) {
            double[] a = points.get(i);
            double[] b = points.get(j);
            points.add(new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2});
            int m = points.size() - 1;
            setStroke(i, j, false);
            setStroke(i, m, true);
            setStroke(m, j, true);
        }

        void merge(int i, int j) {
            double[] a = points.get(i);
            double[] b = points.get(j);
            a[0] = (a[0] + b[0]) / 2;
            a[1] = (a[1] + b[1]) / 2;
            setStroke(i, j, false);
            for (int k = 0; k < points.size(); k++) {
                if (adjacent[j][k] && k != i) {
                    setStroke(i, k, true);
                }
            }
            List<Integer> kept = new ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                if (k != j) {
                    kept.add(k);
                }
            }
            Drawing merged = relabel(kept);
            points.clear();
            points.addAll(merged.points);
            adjacent = merged.adjacent;
        }

        /** Returns the drawing whose node {@code k} is this drawing's node {@code kept(k)}. */
        Drawing relabel(List<Integer> kept) {
            Drawing result = new Drawing(letter);
            for (int k : kept) {
                result.points.add(points.get(k));
            }
            for (int a = 0; a < kept.size(); a++) {
                for (int b = 0; b < kept.size(); b++) {
                    result.adjacent[a][b] = adjacent[kept.get(a)][kept.get(b)];
                }
            }
            return result;
        }
    }
}
