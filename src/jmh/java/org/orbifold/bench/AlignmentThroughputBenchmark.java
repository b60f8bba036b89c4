package org.orbifold.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;

/**
 * Throughput of an aligner on real graph pairs, the situation of the learners (nearest
 * neighbours, class means, LVQ) that align thousands of pairs: {@value #POOL} pairs of
 * distinct graphs drawn with a fixed seed from IAM Letter (LOW, MED, HIGH; order at most 9)
 * or TU MUTAG (order 10 to 28), see {@link AlignmentPairs}, aligned one after the other by one
 * shared aligner from {@link Aligners#byName} with seed 1.
 *
 * <p>Two threads run at once ({@code @Threads(2)}), both on the same pairs and the same
 * aligner (each thread starts at a different offset in the pool), so that both cores of the
 * reference machine are busy, as in a parallel learner. The score is the average wall time of
 * one alignment as one thread sees it. Without the datasets the pairs come from random
 * stand-in graphs and a message says so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(1)
public class AlignmentThroughputBenchmark {

    /** Number of pairs aligned per invocation. */
    public static final int POOL = 512;
    /** Seed of the draw of the pairs. */
    public static final long PAIR_SEED = 20241204L;

    /** The dataset of the pairs. */
    @Param({"LETTER_LOW", "LETTER_MED", "LETTER_HIGH", "MUTAG"})
    public AlignmentPairs.Source dataset;

    /** The aligner, a name of {@link Aligners#names()}. */
    @Param({"fast"})
    public String aligner;

    private AlignmentPairs pairs;
    private Aligner shared;

    /** Loads the dataset and draws the pairs. */
    @Setup(Level.Trial)
    public void load() {
        pairs = AlignmentPairs.draw(dataset, POOL, PAIR_SEED);
        shared = Aligners.byName(aligner, 1L);
    }

    /** Where a thread starts in the pool, so that the two threads work on different pairs. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final AtomicInteger THREADS = new AtomicInteger();
        int offset;

        /** Gives each thread its own offset, half a pool apart. */
        @Setup(Level.Trial)
        public void place() {
            offset = (THREADS.getAndIncrement() * POOL / 2) % POOL;
        }
    }

    /**
     * Aligns every pair of the pool once.
     *
     * @param cursor where this thread starts
     * @param sink receives every distance
     */
    @Benchmark
    @OperationsPerInvocation(POOL)
    public void alignPool(Cursor cursor, Blackhole sink) {
        for (int k = 0; k < POOL; k++) {
            int p = (cursor.offset + k) % POOL;
            sink.consume(shared.align(pairs.space(), pairs.first()[p], pairs.second()[p])
                    .distance());
        }
    }
}
