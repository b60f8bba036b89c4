package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Alignment;
import org.orbifold.match.ExactAligner;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

/**
 * The reports of the exact aligner name the limit that stopped its search: the time limit
 * when the alignment took at least that long, the node limit when it stopped sooner.
 */
class LimitHitTest {

    /** A 10-cycle and two disjoint 5-cycles, on which branch and bound needs many nodes. */
    private static Graph[] cycles() {
        int n = 10;
        double[][] ring = new double[n][n];
        double[][] rings = new double[n][n];
        for (int i = 0; i < n; i++) {
            int next = (i + 1) % n;
            ring[i][next] = 1.0;
            ring[next][i] = 1.0;
            int base = i < 5 ? 0 : 5;
            int other = base + (i - base + 1) % 5;
            rings[i][other] = 1.0;
            rings[other][i] = 1.0;
        }
        return new Graph[] {Graph.fromAdjacency(ring), Graph.fromAdjacency(rings)};
    }

    @Test
    void theNodeLimitAndTheTimeLimitAreToldApart() {
        Graph[] g = cycles();
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        AlignerOptions options = new AlignerOptions();
        assertNull(options.limitHit());
        assertEquals("limit (60 s per alignment or 50,000,000 search nodes)",
                options.limitWords());

        // One search node and a minute: the count stops the search, long before the clock.
        Duration minute = Duration.ofSeconds(60);
        Aligner byNodes = options.timed(new ExactAligner(42, 1, minute), minute);
        Alignment stopped = byNodes.align(space, g[0], g[1]);

        assertEquals(Alignment.Unproven.LIMIT, stopped.unproven());
        assertEquals("exact", byNodes.name());
        assertEquals("nodes", options.limitHit());
        assertEquals("node limit (50,000,000 search nodes)", options.limitWords());

        // A nanosecond: the clock stops it (the words give the options' limit, 60 s).
        Duration nano = Duration.ofNanos(1);
        Aligner byTime = options.timed(new ExactAligner(42, 50_000_000L, nano), nano);
        assertEquals(Alignment.Unproven.LIMIT, byTime.align(space, g[0], g[1]).unproven());
        byTime.align(space, g[1], g[0]);

        assertEquals("time and nodes", options.limitHit());
        assertEquals("time limit (60 s per alignment; in 2 searches) or node limit (50,000,000"
                + " search nodes; in 1)", options.limitWords());
        AlignerOptions.Unproven counts = options.unproven(0, 3, 0, 3);
        assertEquals(2, counts.stoppedByTime());
        assertEquals(1, counts.stoppedByNodes());
        assertEquals("3 of 3 not proven optimal: 3 where the exact search stopped at its time"
                + " limit (60 s per alignment; in 2 searches) or node limit (50,000,000 search"
                + " nodes; in 1)", counts.text());
    }

    @Test
    void aTimeLimitAloneIsNamedAlone() {
        Graph[] g = cycles();
        GraphSpace space = new GraphSpace(10, 0, 1, 1.0, 1.0);
        AlignerOptions options = new AlignerOptions();
        Duration nano = Duration.ofNanos(1);

        options.timed(new ExactAligner(42, 50_000_000L, nano), nano).align(space, g[0], g[1]);

        assertEquals("time", options.limitHit());
        assertEquals("time limit (60 s per alignment)", options.limitWords());
    }
}
