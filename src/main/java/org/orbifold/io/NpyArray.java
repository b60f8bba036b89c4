package org.orbifold.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense n-dimensional array of doubles read from a NumPy {@code .npy} file: its shape and its
 * values in C (row-major) order, so the entry at index {@code (i_0, ..., i_{k-1})} sits at
 * {@code sum_d i_d * prod_{e > d} shape[e]}.
 *
 * <p>Instances are immutable and thread-safe: the arrays are copied on the way in and out.
 */
public final class NpyArray {

    private final int[] shape;
    private final double[] values;

    /**
     * Creates an array.
     *
     * @param shape the extent of each dimension, each {@code >= 0}; copied
     * @param values the entries in C order, as many as the product of the shape; copied
     * @throws IllegalArgumentException if the shape and the number of values disagree
     */
    public NpyArray(int[] shape, double[] values) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        long size = 1;
        for (int extent : shape) {
            if (extent < 0) {
                throw new IllegalArgumentException("negative extent in shape "
                        + Arrays.toString(shape));
            }
            size *= extent;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                    + GraphDataset.count(size, "value") + ", got " + values.length);
        }
        this.shape = shape.clone();
        this.values = values.clone();
    }

    /**
     * Returns a copy of the shape.
     *
     * @return a copy of the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the number of dimensions
     */
    public int dimensions() {
        return shape.length;
    }

    /**
     * Returns the number of entries, the product of the shape.
     *
     * @return the number of entries, the product of the shape
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns a copy of the entries in C order.
     *
     * @return a copy of the entries in C order
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Returns one entry.
     *
     * @param index one index per dimension, each inside its extent
     * @return the entry
     * @throws IllegalArgumentException if the index has the wrong length
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double get(int... index) {
        Objects.requireNonNull(index, "index");
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of length " + index.length + " for an "
                    + shape.length + "-dimensional array");
        }
        int offset = 0;
        for (int d = 0; d < shape.length; d++) {
            offset = offset * shape[d] + Objects.checkIndex(index[d], shape[d]);
        }
        return values[offset];
    }

    /**
     * Returns the sum of all entries.
     *
     * @return the sum of all entries
     */
    public double sum() {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray a && Arrays.equals(shape, a.shape)
                && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
