package org.orbifold.learn;

import java.util.List;
import java.util.Objects;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

/** Argument checks shared by the learners. */
final class Checks {

    private Checks() {
    }

    /**
     * Checks a labelled training set: equal lengths, not empty, no null label, every graph a
     * member of the space.
     *
     * @return an unmodifiable copy of the labels
     */
    static List<String> requireLabelled(GraphSpace space, List<Graph> graphs,
            List<String> labels) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(graphs, "graphs");
        Objects.requireNonNull(labels, "labels");
        if (graphs.size() != labels.size()) {
            throw new IllegalArgumentException("labels and graphs differ in length: "
                    + labels.size() + (labels.size() == 1 ? " label" : " labels") + " for "
                    + graphs.size() + (graphs.size() == 1 ? " graph" : " graphs"));
        }
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("no graphs given: the list is empty");
        }
        requireNoNullLabel(labels, "labels");
        space.requireMembers(graphs);
        return List.copyOf(labels);
    }

    /**
     * Returns the classes of checked training labels, failing unless there are at least two:
     * the rule of every learner of the package, since a classifier of one class has nothing
     * to tell apart and a one-class training set is usually a selection gone wrong.
     *
     * @param learner the learner's name, for the message
     * @param labels labels checked by {@link #requireLabelled}
     * @return the classes, in {@link LabelEncoder} order
     */
    static LabelEncoder requireClasses(String learner, List<String> labels) {
        LabelEncoder classes = LabelEncoder.of(labels);
        if (classes.size() < 2) {
            throw new IllegalArgumentException(learner + " needs at least two classes to learn"
                    + " from, got only '" + classes.label(0) + "' (all " + labels.size()
                    + " training labels)");
        }
        return classes;
    }

    /** Checks that no entry of a label list is null, naming the first null index. */
    static void requireNoNullLabel(List<String> labels, String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null (missing label)");
            }
        }
    }

    /** Returns {@code value} if it is positive and finite; otherwise fails naming the option. */
    static double positiveFinite(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got "
                    + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and {@code >= 0}; otherwise fails naming it. */
    static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is at least {@code min}; otherwise fails naming it. */
    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
