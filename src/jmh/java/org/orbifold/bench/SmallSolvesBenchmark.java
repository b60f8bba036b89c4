package org.orbifold.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

/**
 * Throughput of many small solves, the situation inside graph alignment: a pool of
 * {@value #POOL} different uniform or integer matrices of order {@code n} solved one after
 * the other by one reused solver. {@link #flat} uses the allocation-free
 * {@link LinearAssignmentSolver#solveSquare} with a reused output array; {@link #rows} the
 * general {@link LinearAssignmentSolver#solve(double[][], Sense)}, which copies the matrix and
 * builds a result. Reported as average time per solve.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SmallSolvesBenchmark {

    /** Number of different matrices solved per invocation. */
    public static final int POOL = 256;

    /** The order of the matrices. */
    @Param({"5", "10", "20", "30"})
    public int n;

    /** The cost family, {@code UNIFORM} or {@code INTEGER}. */
    @Param({"UNIFORM", "INTEGER"})
    public Instances.Family family;

    private double[][] flatPool;
    private double[][][] rowPool;
    private int[] rowToColumn;
    private final LinearAssignmentSolver solver = new LinearAssignmentSolver();

    /** Generates the pool of this trial from a fixed seed. */
    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(Instances.seed(family, n));
        flatPool = new double[POOL][n * n];
        rowPool = new double[POOL][n][n];
        for (int p = 0; p < POOL; p++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double entry = family == Instances.Family.INTEGER
                            ? random.nextInt(101) : random.nextDouble();
                    rowPool[p][i][j] = entry;
                    flatPool[p][i * n + j] = entry;
                }
            }
        }
        rowToColumn = new int[n];
    }

    /**
     * Solves the whole pool through the flat, allocation-free entry point.
     *
     * @param sink receives every optimal value
     */
    @Benchmark
    @OperationsPerInvocation(POOL)
    public void flat(Blackhole sink) {
        for (double[] matrix : flatPool) {
            sink.consume(solver.solveSquare(matrix, n, Sense.MINIMIZE, rowToColumn));
        }
    }

    /**
     * Solves the whole pool through the general entry point.
     *
     * @param sink receives every result
     */
    @Benchmark
    @OperationsPerInvocation(POOL)
    public void rows(Blackhole sink) {
        for (double[][] matrix : rowPool) {
            sink.consume(solver.solve(matrix, Sense.MINIMIZE));
        }
    }
}
