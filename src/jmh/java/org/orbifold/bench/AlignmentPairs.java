package org.orbifold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.orbifold.io.DatasetLoader;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * Pairs of real graphs for timing and checking aligners: a fixed-seed sample of ordered pairs
 * of distinct graphs from one dataset, with the graph space of the whole dataset.
 *
 * <p>Sources ({@link Source}): the training split of IAM Letter LOW, MED and HIGH
 * ({@code iam/Letter/LEVEL/train.cxl}, 750 graphs of order 1 to 9 each), and TU MUTAG
 * ({@code tu/MUTAG}, 188 molecules of order 10 to 28), and the training split of IAM AIDS
 * ({@code iam/AIDS/data/train.cxl}, 250 molecules of order 2 to 95; not drawn by default by
 * the harnesses, whose source lists predate it). The datasets folder is the system
 * property {@code orbifold.datasets}, else {@code ../shared/datasets}. When the dataset is
 * absent, the pairs are drawn from seeded random graphs of the same orders and attribute
 * layout instead ({@link #synthetic()} is then true) and a message on standard error says so;
 * times on those are indicative only, and distances are not comparable with the real ones.
 *
 * @param name the source and whether it is real, for reports
 * @param space the graph space of all graphs of the source
 * @param first the first graph of every pair
 * @param second the second graph of every pair
 * @param synthetic whether the pairs come from random stand-in graphs
 */
public record AlignmentPairs(String name, GraphSpace space, Graph[] first, Graph[] second,
        boolean synthetic) {

    /** The datasets of the benchmark. */
    public enum Source {
        /** IAM Letter, low distortion. */
        LETTER_LOW,
        /** IAM Letter, medium distortion. */
        LETTER_MED,
        /** IAM Letter, high distortion. */
        LETTER_HIGH,
        /** TU MUTAG. */
        MUTAG,
        /**
         * IAM AIDS, training split, read with {@code Recoding.forIamSet("AIDS")}: orders 2 to
         * 95, so most pairs differ in order, many by a lot.
         */
        AIDS
    }

    /** Returns the number of pairs. */
    public int size() {
        return first.length;
    }

    /**
     * Draws {@code count} ordered pairs of distinct graphs, uniformly with replacement, from
     * a {@link SplittableRandom} with the given seed.
     *
     * @param source the dataset
     * @param count the number of pairs
     * @param seed the seed of the draw
     * @return the pairs
     */
    public static AlignmentPairs draw(Source source, int count, long seed) {
        Path root = Path.of(System.getProperty("orbifold.datasets", "../shared/datasets"));
        Path location = location(root, source);
        List<Graph> graphs;
        boolean synthetic = !Files.exists(location);
        if (synthetic) {
            System.err.println("AlignmentPairs: " + location + " not found (set the system"
                    + " property orbifold.datasets); using seeded random stand-in graphs for "
                    + source + ": times are indicative only");
            graphs = randomGraphs(source, seed);
        } else {
            graphs = read(source, location);
        }
        GraphSpace space = GraphSpace.of(graphs);
        SplittableRandom random = new SplittableRandom(seed);
        Graph[] first = new Graph[count];
        Graph[] second = new Graph[count];
        for (int k = 0; k < count; k++) {
            int i = random.nextInt(graphs.size());
            int j = random.nextInt(graphs.size() - 1);
            first[k] = graphs.get(i);
            second[k] = graphs.get(j >= i ? j + 1 : j);
        }
        String name = source + (synthetic ? " (random stand-in)" : "");
        return new AlignmentPairs(name, space, first, second, synthetic);
    }

    private static Path location(Path root, Source source) {
        switch (source) {
            case LETTER_LOW:
                return root.resolve("iam/Letter/LOW/train.cxl");
            case LETTER_MED:
                return root.resolve("iam/Letter/MED/train.cxl");
            case LETTER_HIGH:
                return root.resolve("iam/Letter/HIGH/train.cxl");
            case AIDS:
                return root.resolve("iam/AIDS/data/train.cxl");
            default:
                return root.resolve("tu/MUTAG");
        }
    }

    private static List<Graph> read(Source source, Path location) {
        try {
            GraphDataset dataset = switch (source) {
                case MUTAG -> DatasetLoader.load(location);
                case AIDS -> IamDatasetReader.readSplits(List.of(location),
                        IamDatasetReader.Recoding.forIamSet("AIDS")).get(0);
                default -> IamDatasetReader.read(location);
            };
            return dataset.graphs();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /**
     * Random stand-ins: for Letter, undirected graphs of order 2 to 9 with 2-d node
     * coordinates in [0, 3) and about one edge per node, of weight 1; for MUTAG, undirected
     * graphs of order 10 to 28 with one-hot labels among 7 and a ring-like chain of edges with
     * one-hot labels among 4 (also for AIDS, whose stand-ins are therefore not of its
     * orders).
     */
    private static List<Graph> randomGraphs(Source source, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        boolean letter = source != Source.MUTAG && source != Source.AIDS;
        List<Graph> graphs = new ArrayList<>();
        for (int g = 0; g < (letter ? 750 : 188); g++) {
            int order = letter ? 2 + random.nextInt(8) : 10 + random.nextInt(19);
            Graph.Builder builder = letter ? Graph.builder(2, 1) : Graph.builder(7, 4);
            for (int i = 0; i < order; i++) {
                if (letter) {
                    builder.addNode(3 * random.nextDouble(), 3 * random.nextDouble());
                } else {
                    double[] label = new double[7];
                    label[random.nextInt(3) == 0 ? random.nextInt(7) : 0] = 1.0;
                    builder.addNode(label);
                }
            }
            for (int i = 1; i < order; i++) {
                int j = letter ? random.nextInt(i) : i - 1 - (random.nextInt(4) == 0 ? 1 : 0);
                if (letter) {
                    builder.addEdge(i, j, 1.0);
                } else {
                    double[] bond = new double[4];
                    bond[random.nextInt(4) == 0 ? 1 : 0] = 1.0;
                    builder.addEdge(i, Math.max(0, j), bond);
                }
            }
            graphs.add(builder.build());
        }
        return graphs;
    }
}
