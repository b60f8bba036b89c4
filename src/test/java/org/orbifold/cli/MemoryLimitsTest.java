package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The node kernel's memory estimate (nodes x features x 8 bytes against half of the heap)
 * and the one-line report of an exhausted heap.
 */
class MemoryLimitsTest {

    private static final long GIB = 1L << 30;

    @Test
    void theLetterSetsFitAtTheLargestFeatureCountButNotAtEightTimesIt() {
        // About 10,500 nodes in the 2250 Letter graphs; the default heap of 6 GB.
        long nodes = 10_522;
        long heap = 6 * GIB;
        assertNull(ClassifyCommand.kernelMemoryProblem(nodes, ClassifyCommand.MAX_FEATURES,
                heap));
        String problem = ClassifyCommand.kernelMemoryProblem(nodes, 65_536, heap);
        assertEquals("--features 65536 needs about 5261 MB for the 10522 nodes of the data set"
                + " (nodes x features x 8 bytes), more than half of the 6144 MB the Java heap"
                + " may use; lower --features, or give Java more memory (for example"
                + " JAVA_TOOL_OPTIONS=-Xmx8g)", problem);
    }

    @Test
    void theBoundIsHalfTheHeap() {
        long heap = 1000L * 8 * 100 * 2;
        assertNull(ClassifyCommand.kernelMemoryProblem(1000, 100, heap));
        assertTrue(ClassifyCommand.kernelMemoryProblem(1001, 100, heap) != null);
        assertNull(ClassifyCommand.kernelMemoryProblem(1_000_000_000, 0, heap),
                "no kernel, no estimate");
    }

    @Test
    void anExhaustedHeapIsOneLineWithoutAStackTrace() {
        StringWriter err = new StringWriter();

        int code = Main.outOfMemory(new PrintWriter(err, true),
                new OutOfMemoryError("Java heap space"), false, null);

        assertEquals(CliException.DATA, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith(Main.ERROR_PREFIX + "out of memory (Java heap"
                + " space; the heap may grow to "), err.toString());
        assertTrue(err.toString().contains("lower --features"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void theAdviceNamesOnlyOptionsOfTheCommand() {
        // info, which has neither --features nor --threads, was told to lower them.
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        StringWriter info = new StringWriter();
        StringWriter classify = new StringWriter();

        Main.outOfMemory(new PrintWriter(info, true), new OutOfMemoryError(), false,
                cli.getSubcommands().get("info"));
        Main.outOfMemory(new PrintWriter(classify, true), new OutOfMemoryError(), false,
                cli.getSubcommands().get("classify"));

        assertTrue(info.toString().contains("MB): lower the number of graphs (--limit) or their"
                + " size (a graph of n nodes takes 8 n bytes per node channel, and a label has a"
                + " one-hot channel per distinct value, plus 8 n^2 bytes per edge channel), or"
                + " give Java more memory"), info.toString());
        assertTrue(classify.toString().contains("MB): lower --features of the node kernel,"
                + " --threads, the number of graphs (--limit) or"), classify.toString());
        StringWriter render = new StringWriter();
        Main.outOfMemory(new PrintWriter(render, true), new OutOfMemoryError(), false,
                cli.getSubcommands().get("render"));
        assertTrue(render.toString().contains("MB): lower the number or the size of the graphs"
                + " drawn (--graphs, --align) and read (--limit), or give Java more memory (for"
                + " example JAVA_TOOL_OPTIONS=-Xmx8g)"), render.toString());
        assertFalse(render.toString().contains("n^2"), render.toString());
    }

    @Test
    void theErrorIsFoundAmongTheCauses() {
        OutOfMemoryError oom = new OutOfMemoryError();
        assertSame(oom, Main.outOfMemoryCause(new CompletionException(
                new IllegalStateException(oom))));
        assertNull(Main.outOfMemoryCause(new IllegalStateException("other")));
    }
}
