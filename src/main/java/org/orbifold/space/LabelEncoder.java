package org.orbifold.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One-hot encoding of discrete labels (atom types, bond orders, classes): label number
 * {@code k} becomes the unit vector {@code e_k}. A mean graph then carries label
 * distributions, which {@link #decode} reads back as the most likely label.
 *
 * <p>Labels are ordered numerically when every label is an integer (an optional {@code +} or
 * {@code -} followed by ASCII digits, of any length: {@code 2 < 10 < 99999999999999999999}),
 * otherwise as strings, so
 * the encoding does not depend on the order in which labels were seen. Distinct strings are
 * always distinct labels: integers of equal value written differently ({@code 1}, {@code 01},
 * {@code +1}; {@code 0} and {@code -0}) are ordered among themselves as strings, so the order
 * is total ({@code -1 < +1 < 01 < 1 < 10}). Instances are immutable and thread-safe; two
 * encoders are {@linkplain #equals equal} when they have the same labels in the same order.
 */
public final class LabelEncoder {

    private final List<String> labels;
    private final Map<String, Integer> index;

    private LabelEncoder(List<String> labels) {
        this.labels = Collections.unmodifiableList(labels);
        this.index = new HashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            index.put(labels.get(k), k);
        }
    }

    /**
     * Returns the encoder of the distinct labels in {@code observed}: one label per distinct
     * string, in the order of the class description.
     *
     * @param observed labels, repeats allowed, no nulls
     * @return the encoder
     */
    public static LabelEncoder of(Collection<String> observed) {
        Objects.requireNonNull(observed, "observed");
        boolean numeric = true;
        int index = 0;
        for (String label : observed) {
            if (label == null) {
                throw new IllegalArgumentException("labels must not be null: observed["
                        + index + "] is null");
            }
            numeric &= isInteger(label);
            index++;
        }
        TreeSet<String> sorted = numeric
                ? new TreeSet<>(LabelEncoder::compareIntegers)
                : new TreeSet<>();
        sorted.addAll(observed);
        return new LabelEncoder(new ArrayList<>(sorted));
    }

    /**
     * Returns the number of labels, the dimension of the code.
     *
     * @return the number of labels, the dimension of the code
     */
    public int size() {
        return labels.size();
    }

    /**
     * Returns the labels in code order.
     *
     * @return the labels in code order
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the code position of a label.
     *
     * @param label a known label
     * @return its index
     * @throws IllegalArgumentException if the label is unknown
     */
    public int indexOf(String label) {
        Objects.requireNonNull(label, "label");
        Integer k = index.get(label);
        if (k == null) {
            throw new IllegalArgumentException("unknown label '" + label + "'; known labels: "
                    + labels);
        }
        return k;
    }

    /**
     * Returns the label at a code position.
     *
     * @param k an index in {@code 0..size()-1}
     * @return the label
     */
    public String label(int k) {
        return labels.get(k);
    }

    /**
     * Writes the one-hot code of {@code label} into {@code target[offset .. offset+size()-1]}.
     *
     * @param label a known label
     * @param target the array written
     * @param offset where the code starts
     */
    public void encode(String label, double[] target, int offset) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(target, "target");
        int k = indexOf(label);
        for (int c = 0; c < labels.size(); c++) {
            target[offset + c] = c == k ? 1.0 : 0.0;
        }
    }

    /**
     * Returns the one-hot code of {@code label}.
     *
     * @param label a known label
     * @return a new array of length {@link #size()}
     */
    public double[] encode(String label) {
        Objects.requireNonNull(label, "label");
        double[] code = new double[labels.size()];
        encode(label, code, 0);
        return code;
    }

    /**
     * Returns the label with the largest weight in {@code code[offset .. offset+size()-1]},
     * the lowest index on ties.
     *
     * @param code a code or a label distribution
     * @param offset where it starts
     * @return the most likely label
     * @throws IllegalArgumentException if the encoder has no labels
     */
    public String decode(double[] code, int offset) {
        Objects.requireNonNull(code, "code");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("cannot decode with an encoder of no labels:"
                    + " build it from at least one observed label");
        }
        int best = 0;
        for (int c = 1; c < labels.size(); c++) {
            if (code[offset + c] > code[offset + best]) {
                best = c;
            }
        }
        return labels.get(best);
    }

    /**
     * Returns whether {@code other} is an encoder with the same labels in the same order, and
     * so the same code.
     *
     * @param other any object
     * @return whether the two encoders encode alike
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof LabelEncoder e && labels.equals(e.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return "LabelEncoder" + labels;
    }

    /** Orders two integer labels by value, and labels of equal value as strings. */
    private static int compareIntegers(String a, String b) {
        int byValue = new BigInteger(a).compareTo(new BigInteger(b));
        return byValue != 0 ? byValue : a.compareTo(b);
    }

    /** Whether {@code s} is an optional sign followed by one or more ASCII digits. */
    private static boolean isInteger(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int k = start; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
