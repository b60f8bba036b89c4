package org.orbifold.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.orbifold.assign.AssignmentResult;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;

/**
 * One exact solve of a single dense instance through the public API
 * {@link LinearAssignmentSolver#solve(double[][], Sense)}, with a reused solver, for every
 * cost family of {@link Instances} and every order. Sampled, so JMH reports the median and
 * percentiles of single solves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AssignmentBenchmark {

    /** The cost family. */
    @Param({"UNIFORM", "INTEGER", "RECTANGULAR"})
    public Instances.Family family;

    /** The number of rows. */
    @Param({"10", "50", "100", "200", "500", "1000", "2000"})
    public int n;

    private double[][] matrix;
    private final LinearAssignmentSolver solver = new LinearAssignmentSolver();

    /** Generates the instance of this trial. */
    @Setup(Level.Trial)
    public void generate() {
        matrix = Instances.generate(family, n);
    }

    /**
     * Solves the instance once.
     *
     * @return the result, so that the solve is not eliminated
     */
    @Benchmark
    public AssignmentResult solve() {
        return solver.solve(matrix, Sense.MINIMIZE);
    }
}
