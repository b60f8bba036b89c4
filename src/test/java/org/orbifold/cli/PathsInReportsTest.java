package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * Paths in text reports (the data set in a report's first line, the files written, the
 * covariates file) are shown as messages and notes show data: a line feed as {@code \n}, a
 * tab as {@code \t}, so that a path cannot cut a report line in two. The data set and every
 * output here lie in folders whose names hold a line feed followed by {@code ZZ}, so a raw
 * line break would start an output line with {@code ZZ}.
 */
class PathsInReportsTest {

    @TempDir
    Path dir;

    /** The letters, in a folder whose name holds a line feed. */
    private Path data;

    /** A folder for the outputs, whose name holds a line feed. */
    private Path outputs;

    @BeforeEach
    void writeTheLetters() throws IOException {
        data = Files.createDirectory(dir.resolve("data\nZZ"));
        for (String suffix : List.of("A", "graph_indicator", "graph_labels",
                "node_attributes")) {
            Files.copy(Path.of("datasets", "letters", "LETTERS_" + suffix + ".txt"),
                    data.resolve("LETTERS_" + suffix + ".txt"));
        }
        outputs = Files.createDirectory(dir.resolve("out\nZZ"));
    }

    /** Returns the path as the reports show it: the line feeds and tabs escaped. */
    private static String shown(Path path) {
        return path.toString().replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Fails unless the run succeeded and no line of its output starts inside a path. */
    private static void assertNoCutLine(Run r) {
        assertEquals(0, r.exitCode(), r.err());
        for (String line : (r.out() + r.err()).split("\n")) {
            assertFalse(line.startsWith("ZZ"), r.out());
        }
    }

    @Test
    void meanNamesTheDataAndTheFilesWrittenEscaped() {
        Path json = outputs.resolve("mean\tZZ.json");
        Path svg = outputs.resolve("mean.svg");
        Run r = MainTest.run("mean", data.toString(), "--class", "A", "--limit", "4",
                "--threads", "1", "--out", json.toString(), "--svg", svg.toString());

        assertNoCutLine(r);
        assertTrue(r.out().startsWith("Frechet mean of 4 graphs from " + shown(data)
                + " (class A)\n"), r.out());
        assertTrue(r.out().endsWith("\nfile        " + shown(json) + "\nfile        "
                + shown(svg) + "\n"), r.out());
        assertTrue(Files.isRegularFile(json) && Files.isRegularFile(svg));
    }

    @Test
    void pcaAndClusterNameTheDataAndTheirOutputsEscaped() {
        Path pcaJson = outputs.resolve("pca.json");
        Run pca = MainTest.run("pca", data.toString(), "--class", "T", "--limit", "5",
                "--threads", "1", "--out", pcaJson.toString());
        Path folder = outputs.resolve("clusters\nZZ");
        Run cluster = MainTest.run("cluster", data.toString(), "-k", "2", "--limit", "8",
                "--threads", "1", "--out", folder.toString());

        assertNoCutLine(pca);
        assertTrue(pca.out().startsWith("Geodesic PCA of 5 graphs from " + shown(data)
                + " (class T)\n"), pca.out());
        assertTrue(pca.out().endsWith("\nfile        " + shown(pcaJson) + "\n"), pca.out());
        assertNoCutLine(cluster);
        assertTrue(cluster.out().contains(" of 8 graphs from " + shown(data)
                + " (all classes)\n"), cluster.out());
        assertTrue(cluster.out().contains("\nfolder      " + shown(folder)
                + " (assignments.csv, "), cluster.out());
    }

    @Test
    void regressNamesItsCovariatesFileEscaped() throws IOException {
        List<String> rows = new ArrayList<>(List.of("index"));
        for (int g = 0; g < 225; g++) {
            rows.add(Integer.toString(g));
        }
        Path covariates = Files.write(outputs.resolve("rows\nZZ.txt"), rows);
        Run r = MainTest.run("regress", data.toString(), "--class", "T", "--limit", "4",
                "--covariates", covariates.toString(), "--threads", "1");

        assertNoCutLine(r);
        assertTrue(r.out().startsWith("Graph-valued regression of 4 graphs from " + shown(data)
                + " (class T) on index\ncovariates  " + shown(covariates) + " (1 column)\n"),
                r.out());
    }

    @Test
    void renderAndAlignNameTheDataAndTheDrawingEscaped() {
        Path svg = outputs.resolve("drawing\nZZ.svg");
        Run grid = MainTest.run("render", data.toString(), "--graphs", "0,1", "--out",
                svg.toString());
        Run pair = MainTest.run("render", data.toString(), "--align", "0,9", "--out",
                svg.toString());
        Run align = MainTest.run("align", data.toString(), "0", "9");

        assertNoCutLine(grid);
        assertTrue(grid.out().startsWith("drawing     2 graphs of " + shown(data) + " (0, 1)\n"
                + "file        " + shown(svg) + "\n"), grid.out());
        assertNoCutLine(pair);
        assertTrue(pair.out().startsWith("drawing     graphs 0 and 9 of " + shown(data)
                + " aligned by faq"), pair.out());
        assertNoCutLine(align);
        assertTrue(align.out().contains(" of " + shown(data) + "\n"), align.out());
    }

    @Test
    void classifyNamesTheDataAndItsJsonEscaped() {
        Path json = outputs.resolve("classify.json");
        Run r = MainTest.run("classify", data.toString(), "--folds", "2", "--limit", "36",
                "--method", "prototype", "--threads", "1", "--out", json.toString());

        assertNoCutLine(r);
        assertTrue(r.out().startsWith("nearest class mean, stratified 2-fold cross-validation"
                + " of " + shown(data) + " (36 graphs, 9 classes)\n"), r.out());
        assertTrue(r.out().endsWith("\nfile        " + shown(json) + "\n"), r.out());
    }
}
