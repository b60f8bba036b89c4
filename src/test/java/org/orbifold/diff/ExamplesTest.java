package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.ReadmeSnippets;

/**
 * Compiles every program of {@code examples/} against the library and runs it in-process: the
 * gradient examples for a few iterations, checking that the loss they print falls, and in
 * full, checking the lines the README quotes; the quick start and the quadratic assignment
 * example in full, checking that they print exactly what the README quotes.
 */
class ExamplesTest {

    @TempDir
    Path classes;

    @Test
    void setPredictionExampleLowersTheSetMatchingLoss() throws Exception {
        double[] trace = run("SetPredictionExample", 60);
        // From about 4 to near the noise floor of the L1 point loss (about 0.1).
        assertTrue(trace[trace.length - 1] < trace[0] / 10, "loss " + trace[0] + " -> "
                + trace[trace.length - 1]);
    }

    @Test
    void sequenceAlignmentExampleDrivesTheDtwLossNearZero() throws Exception {
        double[] trace = run("SequenceAlignmentExample", 40);
        assertTrue(trace[trace.length - 1] < 1e-3 && trace[trace.length - 1] < trace[0] / 50,
                "loss " + trace[0] + " -> " + trace[trace.length - 1]);
    }

    /**
     * The README quotes the gradient examples' full runs, eliding the middle lines: every
     * quoted line is printed, in order. The DTW run levels off at 0.000206 from iteration 20
     * on, a stationary point above the hidden sequence's zero loss, as the example says.
     */
    @Test
    void gradientExamplesPrintTheLinesTheReadmeQuotes() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        String command = "$ java -cp target/orbifold.jar examples/";
        Printed sets = runAndCapture("SetPredictionExample", 300);
        assertContainsInOrder(quoted(readme, command + "SetPredictionExample.java 300"),
                sets.lines());
        Printed dtw = runAndCapture("SequenceAlignmentExample", 200);
        assertContainsInOrder(quoted(readme, command + "SequenceAlignmentExample.java"),
                dtw.lines());
        double[] trace = dtw.trace();
        assertTrue(trace[199] > 1e-4 && Math.abs(trace[199] - trace[20]) < 1e-6,
                "levels off above zero: " + trace[20] + " -> " + trace[199]);
    }

    /** Checks that every quoted line but {@code ...} is printed, in the quoted order. */
    private static void assertContainsInOrder(List<String> quoted, List<String> printed) {
        int from = 0;
        for (String line : quoted) {
            if (line.equals("...")) {
                continue;
            }
            int found = printed.subList(from, printed.size()).indexOf(line);
            assertTrue(found >= 0, "the README quotes '" + line + "'; the example printed "
                    + printed.subList(from, printed.size()));
            from += found + 1;
        }
    }

    @Test
    void quickStartExamplePrintsWhatTheReadmeQuotes() throws Exception {
        QuickStart result = runQuickStart(Path.of("datasets", "letters"));
        List<String> lines = result.lines();
        double accuracy = result.accuracy();

        // The README quotes the whole output after the command that runs the example.
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        assertEquals(quoted(readme, "$ java -cp target/orbifold.jar"
                + " examples/QuickStartExample.java"), lines);
        // With the existence channel, the library's distance of graphs 0 and 9 is the one the
        // README shows for ./orbifold align 0 9.
        String cli = quoted(readme, "$ ./orbifold align 0 9 --aligner exact").stream()
                .filter(line -> line.startsWith("distance")).findFirst().orElseThrow();
        String distance = cli.substring("distance".length()).strip();
        assertTrue(lines.get(1).startsWith("distance    graphs 0 and 9: " + distance
                + " (certified true"), lines.get(1) + " against " + cli);
        assertTrue(accuracy > 0.8, "1-NN on the letters: " + accuracy);
    }

    /**
     * The QAP example prints what the README quotes, and the README's Java snippet consists of
     * lines of the example.
     */
    @Test
    void quadraticAssignmentExamplePrintsWhatTheReadmeQuotes() throws Exception {
        compile("QuadraticAssignmentExample");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        double best;
        try (URLClassLoader loader = loader();
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Method run = loader.loadClass("QuadraticAssignmentExample").getMethod("run",
                    PrintStream.class);
            best = (double) run.invoke(null, out);
        }
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        assertEquals(quoted(readme, "$ java -cp target/orbifold.jar"
                + " examples/QuadraticAssignmentExample.java"),
                printed.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(284.0, best);

        assertEquals(4, ReadmeSnippets.quotedLines(Path.of("examples",
                "QuadraticAssignmentExample.java"),
                line -> line.startsWith("Solution s = QuadraticAssignment.solve("),
                "QuadraticAssignment"));
    }

    /**
     * The quick start takes any TU data set with classes: on a copy of the letters named
     * {@code SHAPES} whose class ids are negated (no alphabet positions, as in MUTAG's
     * {@code -1}), it keeps the ids, takes the mean of the first class, and measures the same
     * distances as on the letters.
     */
    @Test
    void quickStartExampleRunsOnADataSetWithOtherClassIds() throws Exception {
        Path shapes = Files.createDirectories(classes.resolve("data").resolve("SHAPES"));
        for (String part : List.of("A", "graph_indicator", "graph_labels", "node_attributes")) {
            List<String> lines = Files.readAllLines(Path.of("datasets", "letters",
                    "LETTERS_" + part + ".txt"));
            if (part.equals("graph_labels")) {
                lines = lines.stream().map(id -> "-" + id.strip()).toList();
            }
            Files.write(shapes.resolve("SHAPES_" + part + ".txt"), lines);
        }
        QuickStart result = runQuickStart(shapes);
        List<String> lines = result.lines();
        double accuracy = result.accuracy();

        List<String> readme = quoted(Files.readAllLines(Path.of("README.md")),
                "$ java -cp target/orbifold.jar examples/QuickStartExample.java");
        assertEquals("read        225 graphs, classes [-24, -20, -12, -11, -9, -8, -6, -5, -1]",
                lines.get(0));
        assertEquals(readme.subList(1, 3), lines.subList(1, 3));
        assertTrue(lines.get(3).startsWith("mean of -24 25 graphs, mean squared distance "),
                lines.get(3));
        // The confusion matrix's columns are as wide as the longest class id and a space.
        assertEquals("      -24 -20 -12 -11  -9  -8  -6  -5  -1", lines.get(6));
        assertTrue(lines.get(7).matches("  -24( +\\d+){9}") && lines.get(7).length()
                == lines.get(6).length(), lines.get(7));
        assertTrue(accuracy > 0.8, "1-NN on the relabelled letters: " + accuracy);
    }

    /**
     * Run outside the project folder, the quick start said nothing useful: the reader's
     * exception with a stack trace for the missing {@code datasets/letters}. It prints one line
     * and exits with status 2; a folder that cannot be read gives one line and status 1.
     */
    @Test
    void quickStartOutsideTheProjectFolderSaysWhereToRunIt(@TempDir Path elsewhere)
            throws Exception {
        compile("QuickStartExample");
        Main missing = runMain(elsewhere);
        assertEquals(2, missing.status());
        assertEquals(List.of("no folder datasets/letters in " + elsewhere.toRealPath()
                + ": run from the Orbifold project folder, or give a TU data set folder (usage:"
                + " java -cp target/orbifold.jar examples/QuickStartExample.java [FOLDER])"),
                missing.errors());
        assertEquals(List.of(), missing.output());

        Path absent = elsewhere.resolve("no-such-folder");
        Main unreadable = runMain(elsewhere, absent.toString());
        assertEquals(1, unreadable.status());
        assertEquals(List.of("cannot read " + absent + ": no such file or folder: " + absent),
                unreadable.errors());
        assertEquals(2, runMain(elsewhere, "a", "b").status());
    }

    /** The exit status and the lines of a run of the quick start's main in its own JVM. */
    private record Main(int status, List<String> output, List<String> errors) {
    }

    /** Runs the compiled quick start's main in a new JVM, in the given working folder. */
    private Main runMain(Path workingFolder, String... args) throws Exception {
        String library = Path.of(SetMatchingLoss.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes + File.pathSeparator + library + File.pathSeparator
                        + System.getProperty("java.class.path"), "QuickStartExample"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workingFolder, "out", ".txt");
        Path err = Files.createTempFile(workingFolder, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Main(status, Files.readAllLines(out), Files.readAllLines(err));
    }

    /** What the quick start printed, line by line, and the accuracy it returned. */
    private record QuickStart(List<String> lines, double accuracy) {
    }

    /** Compiles and runs {@code examples/QuickStartExample.java} on a TU folder. */
    private QuickStart runQuickStart(Path folder) throws Exception {
        compile("QuickStartExample");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        double accuracy;
        try (URLClassLoader loader = loader();
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Method run = loader.loadClass("QuickStartExample").getMethod("run", Path.class,
                    PrintStream.class);
            accuracy = (double) run.invoke(null, folder, out);
        }
        return new QuickStart(printed.toString(StandardCharsets.UTF_8).lines().toList(),
                accuracy);
    }

    /** Returns the lines of the README's code block after the line {@code command}. */
    private static List<String> quoted(List<String> readme, String command) {
        int at = readme.indexOf(command);
        assertTrue(at >= 0, "the README quotes no '" + command + "'");
        int end = at + 1;
        while (end < readme.size() && !readme.get(end).startsWith("```")
                && !readme.get(end).startsWith("$ ")) {
            end++;
        }
        return readme.subList(at + 1, end);
    }

    /** Compiles {@code examples/NAME.java} against the library into {@link #classes}. */
    private void compile(String name) throws Exception {
        Path source = Path.of("examples", name + ".java");
        assertTrue(Files.isRegularFile(source), "missing " + source.toAbsolutePath());

        // Compile against the library classes, wherever the build put them.
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "tests need a JDK, not a JRE");
        String library = Path.of(SetMatchingLoss.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-d", classes.toString(), "-cp",
                library + File.pathSeparator + System.getProperty("java.class.path"),
                "-Xlint:none", source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    }

    /** Returns a class loader of the compiled examples over the library's. */
    private URLClassLoader loader() throws Exception {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SetMatchingLoss.class.getClassLoader());
    }

    private double[] run(String name, int iterations) throws Exception {
        return runAndCapture(name, iterations).trace();
    }

    /** What a gradient example printed, line by line, and the loss before every step. */
    private record Printed(List<String> lines, double[] trace) {
    }

    private Printed runAndCapture(String name, int iterations) throws Exception {
        compile(name);

        // Run it and capture what it prints.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = loader();
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Method run = loader.loadClass(name).getMethod("run", int.class, PrintStream.class);
            double[] trace = (double[]) run.invoke(null, iterations, out);
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertTrue(lines.size() >= 2, "prints its progress: " + lines);
            assertEquals(iterations, trace.length);
            return new Printed(lines, trace);
        }
    }
}
