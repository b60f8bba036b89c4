package org.orbifold.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orbifold.io.DatasetLoader;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.SvgDrawing;
import org.orbifold.space.Graph;

/**
 * Quality and time of the layout of {@link SvgDrawing} for graphs without coordinates: each of
 * the first graphs of a data set is drawn alone in one panel, and the document's node centres
 * and edge ends are read back to count what makes a drawing hard to read.
 *
 * <p>Usage: {@code DATASET COUNT [OUT.csv]}; the system properties {@code seed} (default 42,
 * the command line's) and {@code passes} (default 3) set the drawing's seed and the number of
 * timed passes. Per graph: the pairs of nodes whose centres are closer than a node's radius
 * (5 units, nodes drawn on top of each other) and closer than its diameter (10 units, circles
 * that touch), the pairs of edges without a common node whose lines cross, the ratio of the
 * longest edge to the shortest, and the thread CPU time of the fastest of the timed passes
 * (after one untimed pass over all graphs, for the JIT). Prints the totals and the median and
 * largest times; {@code OUT.csv} gets one row per graph, so that two versions can be compared
 * graph by graph.
 */
public final class DrawingQualityHarness {

    private static final double RADIUS = 5.0;
    private static final Pattern NODE = Pattern.compile(
            "<circle id=\"p0-n(\\d+)\" class=\"node\" cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"");
    private static final Pattern EDGE = Pattern.compile(
            "<line id=\"p0-e(\\d+)-(\\d+)\" class=\"edge\" x1=\"([-0-9.]+)\" y1=\"([-0-9.]+)\""
            + " x2=\"([-0-9.]+)\" y2=\"([-0-9.]+)\"");

    private DrawingQualityHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args {@code DATASET COUNT [OUT.csv]}
     * @throws IOException if the data set cannot be read or the output written
     */
    public static void main(String[] args) throws IOException {
        GraphDataset data = DatasetLoader.load(Path.of(args[0]));
        int count = Math.min(Integer.parseInt(args[1]), data.size());
        long seed = Long.getLong("seed", 42L);
        int passes = Integer.getInteger("passes", 3);
        SvgDrawing drawing = SvgDrawing.of(data.nodeChannels(), data.edgeChannels())
                .withSeed(seed);
        List<Graph> graphs = data.graphs().subList(0, count);

        String[] svgs = new String[count];
        for (int k = 0; k < count; k++) {
            svgs[k] = draw(drawing, graphs.get(k));
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[count];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < count; k++) {
                long start = bean.getCurrentThreadCpuTime();
                String svg = draw(drawing, graphs.get(k));
                seconds[k] = Math.min(seconds[k], (bean.getCurrentThreadCpuTime() - start)
                        / 1e9);
                if (!svg.equals(svgs[k])) {
                    throw new IllegalStateException("graph " + k + " drawn two ways");
                }
            }
        }

        int[] totals = new int[3];
        int[] graphsWith = new int[3];
        int nodes = 0;
        double worstRatio = 0.0;
        double sumRatio = 0.0;
        int ratios = 0;
        PrintWriter csv = args.length > 2 ? new PrintWriter(Files.newBufferedWriter(
                Path.of(args[2]))) : null;
        if (csv != null) {
            csv.println("graph,nodes,edges,on_top,touching,crossings,edge_ratio,seconds");
        }
        for (int k = 0; k < count; k++) {
            Map<Integer, double[]> centres = centres(svgs[k]);
            List<double[]> edges = edges(svgs[k]);
            int[] found = {close(centres, RADIUS), close(centres, 2 * RADIUS),
                crossings(edges)};
            double ratio = ratio(edges);
            for (int c = 0; c < 3; c++) {
                totals[c] += found[c];
                graphsWith[c] += found[c] > 0 ? 1 : 0;
            }
            nodes += centres.size();
            if (ratio > 0.0) {
                worstRatio = Math.max(worstRatio, ratio);
                sumRatio += ratio;
                ratios++;
            }
            if (csv != null) {
                csv.println(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.3f,%.6f", k,
                        centres.size(), edges.size(), found[0], found[1], found[2], ratio,
                        seconds[k]));
            }
        }
        if (csv != null) {
            csv.close();
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %d graphs, %.1f drawn nodes on average, seed %d%n",
                args[0], count, (double) nodes / count, seed);
        System.out.printf(Locale.ROOT, "  pairs closer than %.0f units: %d in %d graphs%n",
                RADIUS, totals[0], graphsWith[0]);
        System.out.printf(Locale.ROOT, "  pairs closer than %.0f units: %d in %d graphs%n",
                2 * RADIUS, totals[1], graphsWith[1]);
        System.out.printf(Locale.ROOT, "  edge crossings: %d in %d graphs%n", totals[2],
                graphsWith[2]);
        System.out.printf(Locale.ROOT, "  longest / shortest edge: mean %.2f, worst %.2f%n",
                ratios == 0 ? 0.0 : sumRatio / ratios, worstRatio);
        System.out.printf(Locale.ROOT, "  thread CPU per drawing: median %.2f ms, largest %.2f"
                + " ms (graph of %d nodes)%n", 1e3 * sorted[count / 2], 1e3 * sorted[count - 1],
                graphs.get(indexOf(seconds, sorted[count - 1])).order());
    }

    private static String draw(SvgDrawing drawing, Graph g) {
        return drawing.graphs(null, List.of(g), List.of(""));
    }

    private static int indexOf(double[] values, double value) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == value) {
                return k;
            }
        }
        return -1;
    }

    private static Map<Integer, double[]> centres(String svg) {
        Map<Integer, double[]> centres = new HashMap<>();
        Matcher m = NODE.matcher(svg);
        while (m.find()) {
            centres.put(Integer.parseInt(m.group(1)), new double[] {
                Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return centres;
    }

    /** Returns the edges as rows {@code i, j, x1, y1, x2, y2}. */
    private static List<double[]> edges(String svg) {
        List<double[]> edges = new ArrayList<>();
        Matcher m = EDGE.matcher(svg);
        while (m.find()) {
            double[] e = new double[6];
            for (int c = 0; c < 6; c++) {
                e[c] = Double.parseDouble(m.group(c + 1));
            }
            edges.add(e);
        }
        return edges;
    }

    private static int close(Map<Integer, double[]> centres, double distance) {
        List<double[]> points = new ArrayList<>(centres.values());
        int close = 0;
        for (int a = 0; a < points.size(); a++) {
            for (int b = 0; b < a; b++) {
                double[] p = points.get(a);
                double[] q = points.get(b);
                close += Math.hypot(p[0] - q[0], p[1] - q[1]) < distance ? 1 : 0;
            }
        }
        return close;
    }

    /** Counts the pairs of edges without a common node whose segments cross or touch. */
    private static int crossings(List<double[]> edges) {
        int crossings = 0;
        for (int a = 0; a < edges.size(); a++) {
            for (int b = 0; b < a; b++) {
                double[] e = edges.get(a);
                double[] f = edges.get(b);
                boolean shared = e[0] == f[0] || e[0] == f[1] || e[1] == f[0] || e[1] == f[1];
                if (!shared && cross(e, f)) {
                    crossings++;
                }
            }
        }
        return crossings;
    }

    private static boolean cross(double[] e, double[] f) {
        double d1 = side(f[2], f[3], f[4], f[5], e[2], e[3]);
        double d2 = side(f[2], f[3], f[4], f[5], e[4], e[5]);
        double d3 = side(e[2], e[3], e[4], e[5], f[2], f[3]);
        double d4 = side(e[2], e[3], e[4], e[5], f[4], f[5]);
        return d1 * d2 <= 0.0 && d3 * d4 <= 0.0 && !(d1 == 0.0 && d2 == 0.0);
    }

    private static double side(double ax, double ay, double bx, double by, double px,
            double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static double ratio(List<double[]> edges) {
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0.0;
        for (double[] e : edges) {
            double length = Math.hypot(e[2] - e[4], e[3] - e[5]);
            shortest = Math.min(shortest, length);
            longest = Math.max(longest, length);
        }
        return edges.isEmpty() || !(shortest > 0.0) ? 0.0 : longest / shortest;
    }
}
