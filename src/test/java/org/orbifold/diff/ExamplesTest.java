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
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every program of {@code examples/} against the library, runs it in-process for a
 * few iterations and checks that the loss it prints falls.
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

    private double[] run(String name, int iterations) throws Exception {
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

        // Run it and capture what it prints.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SetMatchingLoss.class.getClassLoader());
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Method run = loader.loadClass(name).getMethod("run", int.class, PrintStream.class);
            double[] trace = (double[]) run.invoke(null, iterations, out);
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertTrue(lines.size() >= 2, "prints its progress: " + lines);
            assertEquals(iterations, trace.length);
            return trace;
        }
    }
}
