package org.orbifold.space;

import java.util.Objects;

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

    /** The finding without the words on the weights. */
    private final String withoutWeights;

    /**
     * Creates the exception.
     *
     * @param finding what overflowed and with which weights, such as "the squared norm is
     *     Infinity with node weight 1.0 and edge weight 1.0: the weighted sum overflows"
     */
    public WeightedOverflowException(String finding) {
        this(finding, "");
    }

    /**
     * Creates the exception, marking the words of the finding that name the weights, so that
     * a caller that names them elsewhere can leave them out ({@link #findingWithoutWeights}).
     *
     * @param finding what overflowed and with which weights
     * @param weights the part of {@code finding} that names the weights, such as
     *     {@code " with node weight 1.0 and edge weight 1.0"}; empty for none
     * @throws IllegalArgumentException if {@code finding} does not contain {@code weights}
     */
    public WeightedOverflowException(String finding, String weights) {
        super(Objects.requireNonNull(finding, "finding") + "; " + ADVICE);
        Objects.requireNonNull(weights, "weights");
        if (!finding.contains(weights)) {
            throw new IllegalArgumentException("the finding does not contain '" + weights + "'");
        }
        this.finding = finding;
        this.withoutWeights = weights.isEmpty() ? finding : finding.replace(weights, "");
    }

    /**
     * Returns what overflowed and with which weights: the message without the advice.
     *
     * @return what overflowed and with which weights: the message without the advice
     */
    public String finding() {
        return finding;
    }

    /**
     * Returns the finding without the words that name the weights, when the thrower marked
     * them ({@link #WeightedOverflowException(String, String)}), else the finding: "the squared
     * norm is Infinity: the weighted sum overflows".
     *
     * @return the finding without the weights
     */
    public String findingWithoutWeights() {
        return withoutWeights;
    }
}
