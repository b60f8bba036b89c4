package org.orbifold.space;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A permutation {@code pi} of {@code {0, ..., n-1}}, used to relabel the nodes of a graph.
 *
 * <p>Orbifold's convention: aligning a graph {@code Y} to a graph {@code X} with {@code pi}
 * matches node {@code i} of {@code X} with node {@code pi(i)} of {@code Y}, so the relabelled
 * graph is {@code (pi . Y)_ij = Y_{pi(i) pi(j)}}. In matrix form this is {@code P Y P^T} with
 * {@code P_{i, pi(i)} = 1}. Positions at or beyond a graph's order stand for null (padding)
 * nodes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Permutation {

    private final int[] image;

    private Permutation(int[] image) {
        this.image = image;
    }

    /**
     * Returns the permutation with the given images, {@code pi(i) = image[i]}.
     *
     * @param image the images; copied
     * @return the permutation
     * @throws IllegalArgumentException if {@code image} is not a permutation of
     *     {@code 0..image.length-1}
     */
    public static Permutation of(int... image) {
        Objects.requireNonNull(image, "image");
        int[] copy = image.clone();
        boolean[] seen = new boolean[copy.length];
        for (int i = 0; i < copy.length; i++) {
            int target = copy[i];
            if (target < 0 || target >= copy.length) {
                throw new IllegalArgumentException("image[" + i + "] = " + target
                        + " is outside 0.." + (copy.length - 1));
            }
            if (seen[target]) {
                throw new IllegalArgumentException("image[" + i + "] = " + target
                        + " repeats an earlier image: not a permutation");
            }
            seen[target] = true;
        }
        return new Permutation(copy);
    }

    /**
     * Returns the identity on {@code size} elements.
     *
     * @param size number of elements, at least 0
     * @return the identity permutation
     */
    public static Permutation identity(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        int[] image = new int[size];
        for (int i = 0; i < size; i++) {
            image[i] = i;
        }
        return new Permutation(image);
    }

    /**
     * Returns a uniformly random permutation (Fisher-Yates shuffle).
     *
     * @param size number of elements
     * @param random source of randomness; the caller seeds it
     * @return a random permutation
     * @throws NullPointerException if {@code random} is null
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public static Permutation random(int size, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        int[] image = identity(size).image;
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = image[i];
            image[i] = image[j];
            image[j] = swap;
        }
        return new Permutation(image);
    }

    /**
     * Returns the number of elements permuted.
     *
     * @return the number of elements permuted
     */
    public int size() {
        return image.length;
    }

    /**
     * Returns {@code pi(i)}.
     *
     * @param i an element in {@code 0..size()-1}
     * @return its image
     * @throws IndexOutOfBoundsException naming {@code i} and the size if {@code i} is out of
     *     range
     */
    public int get(int i) {
        if (Integer.compareUnsigned(i, image.length) >= 0) {
            throw outOfRange(i);
        }
        return image[i];
    }

    /**
     * Returns {@link #get} without the named range check, for the kernels of this package
     * whose loops stay in range by construction (docs/performance.md, "Range checks of the
     * graph accessors").
     */
    int getUnchecked(int i) {
        return image[i];
    }

    private IndexOutOfBoundsException outOfRange(int i) {
        return new IndexOutOfBoundsException("element " + i + " is outside the permutation of"
                + " size " + image.length + " (elements 0.." + (image.length - 1) + ")");
    }

    /**
     * Returns the images as a new array, {@code result[i] = pi(i)}.
     *
     * @return the images as a new array, {@code result[i] = pi(i)}
     */
    public int[] toArray() {
        return image.clone();
    }

    /**
     * Returns the inverse permutation.
     *
     * @return the inverse permutation
     */
    public Permutation inverse() {
        int[] inverse = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            inverse[image[i]] = i;
        }
        return new Permutation(inverse);
    }

    /**
     * Returns {@code this o other}, the permutation {@code i -> this(other(i))}.
     *
     * @param other a permutation of the same size
     * @return the composition
     */
    public Permutation compose(Permutation other) {
        Objects.requireNonNull(other, "other");
        if (other.size() != size()) {
            throw new IllegalArgumentException("cannot compose permutations of sizes "
                    + size() + " and " + other.size());
        }
        int[] result = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            result[i] = image[other.image[i]];
        }
        return new Permutation(result);
    }

    /**
     * Returns this permutation on {@code newSize >= size()} elements, fixing the new ones.
     *
     * @param newSize the new size
     * @return the extended permutation ({@code this} when the size is unchanged)
     */
    public Permutation extend(int newSize) {
        if (newSize < image.length) {
            throw new IllegalArgumentException("cannot extend a permutation of size "
                    + image.length + " to the smaller size " + newSize);
        }
        if (newSize == image.length) {
            return this;
        }
        int[] result = Arrays.copyOf(image, newSize);
        for (int i = image.length; i < newSize; i++) {
            result[i] = i;
        }
        return new Permutation(result);
    }

    /**
     * Returns whether this is the identity.
     *
     * @return whether this is the identity
     */
    public boolean isIdentity() {
        for (int i = 0; i < image.length; i++) {
            if (image[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Permutation p && Arrays.equals(image, p.image);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return Arrays.toString(image);
    }
}
