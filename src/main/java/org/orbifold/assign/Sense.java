package org.orbifold.assign;

/**
 * The direction of optimisation of a linear assignment problem.
 *
 * <p>The sense also fixes which infinite entry marks a forbidden pair: {@code +Infinity} when
 * minimising, {@code -Infinity} when maximising. The opposite infinity would make the optimum
 * unbounded and is rejected.
 */
public enum Sense {

    /** Minimise the total cost; {@code +Infinity} marks a forbidden pair. */
    MINIMIZE,

    /** Maximise the total gain; {@code -Infinity} marks a forbidden pair. */
    MAXIMIZE;

    /**
     * Returns {@code +1} for {@link #MINIMIZE} and {@code -1} for {@link #MAXIMIZE}: the
     * factor that turns an entry in this sense into a cost to be minimised.
     *
     * @return the sign of this sense
     */
    public double sign() {
        return this == MINIMIZE ? 1.0 : -1.0;
    }
}
