package org.orbifold.learn;

import java.util.List;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.WeightedOverflowException;

/**
 * Thrown when a learner's training diverges: its parameters (prototypes, weight graphs,
 * output weights) grew until a weighted sum of the space overflowed, the usual effect of a
 * learning rate (or, for {@link GraphMlp}, a weight decay) so large that every step
 * overshoots. The message names the learner, the epoch and the rate, then what overflowed,
 * then the advice, for example {@code "training of the margin perceptron diverged in epoch
 * 1 with learning rate 1.0E300: the squared norm is Infinity with node weight 1.0 and edge
 * weight 1.0: the weighted sum overflows; lower the learning rate"} (the advice names the
 * weight decay too when the learner has a positive one). The
 * {@linkplain #getCause() cause} is the {@link WeightedOverflowException} met.
 *
 * <p>An overflow that the training graphs cause by themselves (a graph whose own squared
 * norm overflows in the space), or one met before the first epoch (while the starts are
 * computed), is no divergence: the learners let that {@link WeightedOverflowException}
 * through, whose advice is about the weights of the space and the attribute scale.
 *
 * <p>It extends {@link IllegalArgumentException}, as {@link WeightedOverflowException} does,
 * because a value the caller chose is the cause.
 */
public final class TrainingDivergedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final double learningRate;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param learner the learner, such as "the margin perceptron"
     * @param epoch the epoch in which the training diverged, counted from 1
     * @param learningRate the learning rate (the initial one when it decays)
     * @param weightDecay the weight decay, or {@code NaN} for a learner without one
     * @param cause the overflow met
     */
    TrainingDivergedException(String learner, int epoch, double learningRate,
            double weightDecay, WeightedOverflowException cause) {
        super(message(learner, epoch, learningRate, weightDecay, cause.finding()), cause);
        this.epoch = epoch;
        this.learningRate = learningRate;
        this.reason = cause.finding();
    }

    /**
     * Creates the exception for a divergence found without an overflow, such as a parameter
     * that became infinite or NaN.
     *
     * @param learner the learner, such as "the graph MLP"
     * @param epoch the epoch in which the training diverged, counted from 1
     * @param learningRate the learning rate (the initial one when it decays)
     * @param weightDecay the weight decay, or {@code NaN} for a learner without one
     * @param reason what was found, such as "an output weight is no longer finite"
     */
    TrainingDivergedException(String learner, int epoch, double learningRate,
            double weightDecay, String reason) {
        super(message(learner, epoch, learningRate, weightDecay, reason));
        this.epoch = epoch;
        this.learningRate = learningRate;
        this.reason = reason;
    }

    private static String message(String learner, int epoch, double learningRate,
            double weightDecay, String reason) {
        return "training of " + learner + " diverged in epoch " + epoch + " with learning rate "
                + learningRate + (Double.isNaN(weightDecay) ? ""
                        : " and weight decay " + weightDecay) + ": " + reason
                + "; lower the learning rate" + (weightDecay > 0.0 ? " or the weight decay"
                        : "");
    }

    /**
     * Returns the exception to throw for an overflow met in an epoch of training: the
     * overflow itself if some training graph overflows on its own (the data, not the
     * training, are to blame), otherwise a {@link TrainingDivergedException}.
     */
    static IllegalArgumentException of(String learner, int epoch, double learningRate,
            double weightDecay, WeightedOverflowException overflow, GraphSpace space,
            List<Graph> graphs) {
        for (Graph g : graphs) {
            try {
                space.squaredNorm(g);
            } catch (WeightedOverflowException e) {
                return overflow;
            }
        }
        return new TrainingDivergedException(learner, epoch, learningRate, weightDecay,
                overflow);
    }

    /**
     * Returns the epoch in which the training diverged, counted from 1.
     *
     * @return the epoch in which the training diverged, counted from 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Returns the learning rate of the training (the initial one when it decays).
     *
     * @return the learning rate of the training (the initial one when it decays)
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns what diverged, without the advice: the
     * {@link WeightedOverflowException#finding() finding} of the cause when an overflow was
     * met, otherwise what was found (a parameter no longer finite).
     *
     * @return what diverged
     */
    public String reason() {
        return reason;
    }
}
