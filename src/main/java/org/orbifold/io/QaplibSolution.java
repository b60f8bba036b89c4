package org.orbifold.io;

import java.util.Objects;
import org.orbifold.space.Permutation;

/**
 * A QAPLIB solution file ({@code .sln}) as written: the order, the objective value stated in
 * the header and the permutation, converted to 0-based indices.
 *
 * <p>The files are not uniform. Most write {@code p(i)} (facility {@code i} at location
 * {@code p(i)}) 1-based; some write the inverse permutation, and at least one is 0-based, and
 * some headers are wrong. {@link QaplibReader} detects the base (a bijection on {@code n}
 * elements contains either {@code 0} or {@code n}), and {@link #bestDirection} chooses the
 * direction by recomputing the objective, so that the header is never trusted on its own.
 *
 * @param name solution name, usually the file name without {@code .sln}
 * @param statedValue the objective value written in the header
 * @param permutation the permutation as written, made 0-based
 * @param zeroBased whether the file wrote it 0-based
 */
public record QaplibSolution(String name, double statedValue, Permutation permutation,
        boolean zeroBased) {

    /**
     * Checks the arguments.
     *
     * @param name solution name, usually the file name without {@code .sln}
     * @param statedValue the objective value written in the header
     * @param permutation the permutation as written, made 0-based
     * @param zeroBased whether the file wrote it 0-based
     * @throws NullPointerException if {@code name} or {@code permutation} is null
     */
    public QaplibSolution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permutation, "permutation");
    }

    /**
     * Returns the order {@code n}.
     *
     * @return the order {@code n}
     */
    public int order() {
        return permutation.size();
    }

    /**
     * Returns the reading of the permutation, as written or inverted, that fits the instance:
     * the one whose recomputed cost equals {@link #statedValue()} (the written one first), or,
     * when neither does, the one with the smaller cost, which is then the better known upper
     * bound on the optimum.
     *
     * @param instance the instance the solution belongs to
     * @return {@code p} with {@code cost(p)} as in {@link QaplibInstance#objective}
     * @throws IllegalArgumentException if the orders differ
     */
    public Permutation bestDirection(QaplibInstance instance) {
        Objects.requireNonNull(instance, "instance");
        if (instance.order() != order()) {
            throw new IllegalArgumentException("solution " + name + " has order " + order()
                    + ", instance " + instance.name() + " has order " + instance.order());
        }
        Permutation written = permutation;
        Permutation inverse = permutation.inverse();
        double writtenCost = instance.objective(written);
        double inverseCost = instance.objective(inverse);
        if (writtenCost == statedValue) {
            return written;
        }
        if (inverseCost == statedValue) {
            return inverse;
        }
        return inverseCost < writtenCost ? inverse : written;
    }

    /**
     * Returns the recomputed cost of {@link #bestDirection}: the best value this file proves,
     * whatever its header says.
     *
     * @param instance the instance the solution belongs to
     * @return the cost
     */
    public double recomputedValue(QaplibInstance instance) {
        Objects.requireNonNull(instance, "instance");
        return instance.objective(bestDirection(instance));
    }
}
