package org.orbifold.space;

/**
 * Thrown when a weighted sum of finite attributes overflows to an infinite (or NaN) value: a
 * squared norm or distance of the space, or an objective summed over many graphs. Finite
 * attributes and finite weights do not rule this out, so it is found where the sum is formed.
 * The message is the {@linkplain #finding() finding} followed by the advice
 * {@value #ADVICE}; callers that know a better cause (a learner whose weights grew without
 * bound, say) can use the finding alone.
 *
 * <p>It extends {@link IllegalArgumentException} because the caller's weights or attributes
 * are the cause.
 */
public final class WeightedOverflowException extends IllegalArgumentException {

    /** The advice that ends the message. */
    public static final String ADVICE = "lower the weights or scale the attributes";

    private static final long serialVersionUID = 1L;

    /** What overflowed, with the weights; the message without the advice. */
    private final String finding;

    /**
     * Creates the exception.
     *
     * @param finding what overflowed and with which weights, such as "the squared norm is
     *     Infinity with node weight 1.0 and edge weight 1.0: the weighted sum overflows"
     */
    public WeightedOverflowException(String finding) {
        super(finding + "; " + ADVICE);
        this.finding = finding;
    }

    /**
     * Returns what overflowed and with which weights: the message without the advice.
     *
     * @return what overflowed and with which weights: the message without the advice
     */
    public String finding() {
        return finding;
    }
}
