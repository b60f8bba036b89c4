package org.orbifold.diff;

/** Which argument of a two-argument graph function a gradient is taken with respect to. */
public enum Argument {

    /** The first argument, {@code X} in {@code f(X, Y)}. */
    FIRST,

    /** The second argument, {@code Y} in {@code f(X, Y)}. */
    SECOND
}
