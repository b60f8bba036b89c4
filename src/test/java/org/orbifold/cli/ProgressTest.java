package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.cluster.AssignmentListener;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.IterationListener;

/** The line the progress bar shows, fed by the listener and the counting aligner. */
class ProgressTest {

    @Test
    void anIterationThatMayStopEarlyShowsNoFractionOfTheLimitButTheRestart() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            IterationListener listener = bar.iterationsUpTo("mean", 100, 2);
            listener.iterationDone(1, 5.0, 0.5, 0);
            listener.iterationDone(9, 4.0, 0.1, 0);
            // The iteration under way, one more than the last done.
            assertEquals("mean restart 1/2 iteration 10 of at most 100  objective 4.00000",
                    bar.line());

            listener.iterationDone(1, 6.0, 0.1, 0);
            assertEquals("mean restart 2/2 iteration 2 of at most 100  objective 6.00000",
                    bar.line());

            IterationListener single = bar.iterationsUpTo("k-means", 50, 1);
            single.iterationDone(3, 2.0, 0.1, 0);
            assertEquals("k-means iteration 4 of at most 50  objective 2.00000", bar.line());
            single.iterationDone(50, 1.0, 0.1, 0);
            assertEquals("k-means iteration 50 of at most 50  objective 1.00000", bar.line(),
                    "never beyond the limit");
        }
    }

    /**
     * An assignment pass shows the iteration it belongs to and its graphs assigned, from 0
     * again at every pass, until the iteration is done.
     */
    @Test
    void aClusteringShowsTheGraphsOfItsAssignmentPass() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            IterationListener listener = bar.iterationsUpTo("k-means", 100, 1);
            AssignmentListener assignments = bar.assignments();
            assignments.graphsAssigned(0, 4337);
            assignments.graphsAssigned(1200, 4337);
            assignments.graphsAssigned(1199, 4337);
            assertEquals("k-means iteration 1 of at most 100 graphs 1,200/4,337", bar.line());
            listener.iterationDone(1, 3.0, 0.5, 0);
            assertEquals("k-means iteration 2 of at most 100  objective 3.00000", bar.line());
            assignments.graphsAssigned(0, 4337);
            assertEquals("k-means iteration 2 of at most 100 graphs 0/4,337  objective"
                    + " 3.00000", bar.line());
        }
    }

    /**
     * The k-means++ seeding shows in place of the iteration, with the seed and the graphs
     * aligned to it; a second seeding is the next restart, from iteration 1 again.
     */
    @Test
    void aSeedingShowsItsSeedAndGraphsAndStartsTheNextRestart() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            IterationListener listener = bar.iterationsUpTo("k-means", 100, 2);
            AssignmentListener assignments = bar.assignments();
            assertEquals("k-means restart 1/2 iteration 1 of at most 100", bar.line());
            assignments.seeding(0, 3, 0, 4337);
            assignments.seeding(0, 3, 1000, 4337);
            assertEquals("k-means restart 1/2 k-means++ seeding, seed 1/3 graphs 1,000/4,337",
                    bar.line());
            assignments.seeding(2, 3, 0, 4337);
            assignments.seeding(2, 3, 4337, 4337);
            assertEquals("k-means restart 1/2 k-means++ seeding, seed 3/3 graphs 4,337/4,337",
                    bar.line());
            assignments.seeding(3, 3, 4337, 4337);
            assertEquals("k-means restart 1/2 iteration 1 of at most 100", bar.line());
            listener.iterationDone(1, 3.0, 0.5, 0);
            listener.iterationDone(2, 2.0, 0.5, 0);
            assignments.seeding(0, 3, 0, 4337);
            assertEquals("k-means restart 2/2 k-means++ seeding, seed 1/3 graphs 0/4,337",
                    bar.line());
            assignments.seeding(3, 3, 4337, 4337);
            listener.iterationDone(1, 5.0, 0.5, 0);
            assertEquals("k-means restart 2/2 iteration 2 of at most 100  objective 5.00000",
                    bar.line(), "one restart counted once");
        }
    }

    /** A Fréchet iteration counts the graphs of its alignment pass, from 0 at each pass. */
    @Test
    void aCenterIterationCountsTheGraphsOfItsPass() {
        Graph a = graph(2);
        Graph b = graph(3);
        GraphSpace space = GraphSpace.of(List.of(a, b));
        Aligner aligner = Aligners.byName("faq", 1);
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            IterationListener listener = bar.iterationsUpTo("mean", 100, 1);
            Aligner counted = bar.passes(2, aligner);
            assertEquals("mean iteration 1 of at most 100 graphs 0/2", bar.line());
            counted.align(space, a, b);
            assertEquals("mean iteration 1 of at most 100 graphs 1/2", bar.line());
            counted.align(space, a, a);
            counted.align(space, a, b);
            assertEquals("mean iteration 1 of at most 100 graphs 1/2", bar.line(),
                    "the start's pass, then the first iteration's");
            counted.align(space, a, a);
            listener.iterationDone(1, 2.5, 0.5, 0);
            assertEquals("mean iteration 2 of at most 100 graphs 0/2  objective 2.50000",
                    bar.line());
            counted.align(space, a, b);
            assertEquals("mean iteration 2 of at most 100 graphs 1/2  objective 2.50000",
                    bar.line());
        }
        try (Progress off = new Progress(new PrintWriter(new StringWriter()), false)) {
            assertSame(aligner, off.passes(2, aligner));
        }
    }

    @Test
    void anAmountShowsItsTotalOnceKnown() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            bar.amount("downloading MUTAG", "bytes");
            bar.amountDone(12_345, -1);
            assertEquals("downloading MUTAG bytes 12,345", bar.line());
            bar.amountDone(20_000, 26_311);
            assertEquals("downloading MUTAG bytes 20,000/26,311", bar.line());
        }
    }

    @Test
    void aPhaseOfKnownLengthKeepsItsBar() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            bar.steps("cross-validation", 4, "folds", "fold accuracy")
                    .iterationDone(2, 0.5, 0, 0);
            assertEquals("cross-validation [##########..........] 2/4 folds  fold accuracy"
                    + " 0.500000", bar.line());
            bar.steps("validation search", 6, "settings", "validation accuracy")
                    .iterationDone(3, 0.75, 0, 0);
            assertEquals("validation search [##########..........] 3/6 settings  validation"
                    + " accuracy 0.750000", bar.line());
        }
    }

    @Test
    void aSearchShowsTheBestValueSoFarAndTheEpochOfTheFitUnderWay() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            IterationListener search = bar.bestSteps("validation search", 3, "settings",
                    "best validation accuracy");
            IterationListener fit = bar.epochs(10);
            assertEquals("validation search [....................] 0/3 settings", bar.line());
            fit.iterationDone(1, 0.4, 0.1, 0);
            fit.iterationDone(3, 0.3, 0.1, 0);
            assertEquals("validation search [....................] 0/3 settings epoch 3/10",
                    bar.line());
            search.iterationDone(1, 0.8, 0, 0);
            assertEquals("validation search [######..............] 1/3 settings  best"
                    + " validation accuracy 0.800000", bar.line(), "the epoch ends with the fit");
            search.iterationDone(2, 0.6, 0, 0);
            search.iterationDone(3, Double.NaN, 0, 0);
            assertEquals("validation search [####################] 3/3 settings  best"
                    + " validation accuracy 0.800000", bar.line(),
                    "a worse or a failed setting keeps the best");
        }
    }

    @Test
    void aSingleFitShowsItsEpochs() {
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            IterationListener fit = bar.epochs(20);
            bar.steps("cross-validation", 5, "folds", "fold accuracy");
            fit.iterationDone(7, 1.5, 0.1, 0);
            assertEquals("cross-validation [....................] 0/5 folds epoch 7/20",
                    bar.line());
            bar.phase("fitting the chosen setting");
            fit.iterationDone(2, 1.5, 0.1, 0);
            assertEquals("fitting the chosen setting epoch 2/20", bar.line());
        }
    }

    /** A path of {@code order} nodes with attribute 1 and unit edges. */
    private static Graph graph(int order) {
        Graph.Builder b = Graph.builder(1, 1);
        for (int i = 0; i < order; i++) {
            b.addNode(1.0);
        }
        for (int i = 1; i < order; i++) {
            b.addEdge(i - 1, i, 1.0);
        }
        return b.build();
    }

    @Test
    void aPhaseOfAlignmentsCountsThePairsDone() {
        Graph a = graph(2);
        Graph b = graph(3);
        GraphSpace space = GraphSpace.of(List.of(a, b));
        Aligner aligner = Aligners.byName("faq", 1);
        try (Progress bar = new Progress(new PrintWriter(new StringWriter()), true)) {
            Aligner counted = bar.counting("medoid of 3 graphs", "pairs", 3, aligner);
            assertEquals("medoid of 3 graphs pairs 0/3", bar.line());
            counted.align(space, a, b);
            counted.align(space, b, a);
            assertEquals("medoid of 3 graphs pairs 2/3", bar.line());
            counted.align(space, a, a);
            counted.align(space, b, b);
            assertEquals("medoid of 3 graphs pairs 3/3", bar.line());
            assertEquals("faq", counted.name());
        }
        try (Progress off = new Progress(new PrintWriter(new StringWriter()), false)) {
            assertSame(aligner, off.counting("medoid", "pairs", 3, aligner));
        }
    }

    /**
     * No line holding the elapsed time alone: before a phase is named nothing is drawn, even
     * past the quiet second; once named, the phase is drawn with the time.
     */
    @Test
    void nothingIsDrawnBeforeAPhaseIsNamed() throws InterruptedException {
        StringWriter drawn = new StringWriter();
        try (Progress bar = new Progress(new PrintWriter(drawn), true)) {
            Thread.sleep(Progress.QUIET_MILLIS + 600);
            assertEquals("", drawn.toString());
            bar.phase("reading the data");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!drawn.toString().contains("reading the data") && System.nanoTime()
                    < deadline) {
                Thread.sleep(50);
            }
            assertTrue(drawn.toString().matches("(?s)\\rreading the data  \\d+\\.\\d s.*"),
                    drawn.toString());
        }
    }
}
