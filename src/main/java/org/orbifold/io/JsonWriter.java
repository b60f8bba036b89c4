package org.orbifold.io;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A small streaming JSON writer (RFC 8259): objects, arrays, names, strings, numbers,
 * booleans and null, written as they come, with commas placed automatically and, optionally,
 * an indentation of two spaces per level.
 *
 * <pre>{@code
 * JsonWriter json = new JsonWriter(out);
 * json.beginObject().name("order").value(5).name("x").value(new double[] {1.0, 2.5})
 *     .endObject();
 * }</pre>
 *
 * <p><b>Numbers.</b> Integers are written exactly; doubles with {@link Double#toString}, which
 * is valid JSON and reads back to the same double. JSON has no NaN or infinities: by default
 * ({@link NonFinite#NULL}) they are written as {@code null}; {@link NonFinite#STRING} writes
 * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, and
 * {@link NonFinite#REJECT} throws.
 *
 * <p><b>Strings</b> escape {@code "}, {@code \}, the control characters below U+0020 (as
 * {@code \n}, {@code \t}, ... or {@code \}{@code u00XX}) and U+2028, U+2029.
 *
 * <p>Misuse (a value where a name is due, a name outside an object, closing the wrong
 * container) throws {@link IllegalStateException}; an {@link IOException} of the target is
 * rethrown as {@link UncheckedIOException}. Not thread-safe.
 */
public final class JsonWriter implements Flushable {

    /** How non-finite doubles are written. */
    public enum NonFinite {
        /** As {@code null}. */
        NULL,
        /** As the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
        STRING,
        /** Not at all: an {@link IllegalArgumentException} is thrown. */
        REJECT
    }

    /** Container state: what the writer expects next inside one object or array. */
    private enum Scope { EMPTY_ARRAY, ARRAY, EMPTY_OBJECT, OBJECT_NAME, OBJECT_VALUE }

    private final Appendable out;
    private final boolean pretty;
    private final NonFinite nonFinite;
    private final Deque<Scope> stack = new ArrayDeque<>();
    private boolean topWritten;

    /**
     * Creates a compact writer that writes non-finite doubles as {@code null}.
     *
     * @param out the target, for example a {@link java.io.Writer} or a {@link StringBuilder}
     */
    public JsonWriter(Appendable out) {
        this(out, false, NonFinite.NULL);
    }

    /**
     * Creates a writer.
     *
     * @param out the target
     * @param pretty whether to break lines and indent by two spaces per level
     * @param nonFinite how to write NaN and infinities
     */
    public JsonWriter(Appendable out, boolean pretty, NonFinite nonFinite) {
        this.out = Objects.requireNonNull(out, "out");
        this.pretty = pretty;
        this.nonFinite = Objects.requireNonNull(nonFinite, "nonFinite");
    }

    /**
     * Opens an object.
     *
     * @return this writer
     */
    public JsonWriter beginObject() {
        beforeValue();
        stack.push(Scope.EMPTY_OBJECT);
        return write("{");
    }

    /**
     * Closes the innermost object.
     *
     * @return this writer
     */
    public JsonWriter endObject() {
        return close(Scope.EMPTY_OBJECT, Scope.OBJECT_NAME, "}");
    }

    /**
     * Opens an array.
     *
     * @return this writer
     */
    public JsonWriter beginArray() {
        beforeValue();
        stack.push(Scope.EMPTY_ARRAY);
        return write("[");
    }

    /**
     * Closes the innermost array.
     *
     * @return this writer
     */
    public JsonWriter endArray() {
        return close(Scope.EMPTY_ARRAY, Scope.ARRAY, "]");
    }

    /**
     * Writes the name of the next member of the innermost object.
     *
     * @param name the member name
     * @return this writer
     * @throws IllegalStateException if not inside an object or a value is due
     */
    public JsonWriter name(String name) {
        Objects.requireNonNull(name, "name");
        Scope scope = stack.peek();
        if (scope != Scope.EMPTY_OBJECT && scope != Scope.OBJECT_NAME) {
            throw new IllegalStateException("name '" + name + "' is not allowed here: "
                    + (scope == Scope.OBJECT_VALUE ? "a value is due" : "not inside an object"));
        }
        if (scope == Scope.OBJECT_NAME) {
            write(",");
        }
        newline(stack.size());
        stack.pop();
        stack.push(Scope.OBJECT_VALUE);
        quoted(name);
        return write(pretty ? ": " : ":");
    }

    /**
     * Writes a string, or {@code null} if it is null.
     *
     * @param value the string
     * @return this writer
     */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        quoted(value);
        return this;
    }

    /**
     * Writes an integer.
     *
     * @param value the number
     * @return this writer
     */
    public JsonWriter value(long value) {
        beforeValue();
        return write(Long.toString(value));
    }

    /**
     * Writes a double; NaN and infinities as the {@link NonFinite} policy says.
     *
     * @param value the number
     * @return this writer
     * @throws IllegalArgumentException if the value is not finite and the policy is REJECT
     */
    public JsonWriter value(double value) {
        if (!Double.isFinite(value)) {
            switch (nonFinite) {
                case NULL -> {
                    return nullValue();
                }
                case STRING -> {
                    return value(Double.isNaN(value) ? "NaN"
                            : value > 0 ? "Infinity" : "-Infinity");
                }
                default -> throw new IllegalArgumentException("JSON has no number " + value);
            }
        }
        beforeValue();
        return write(Double.toString(value));
    }

    /**
     * Writes a boolean.
     *
     * @param value the boolean
     * @return this writer
     */
    public JsonWriter value(boolean value) {
        beforeValue();
        return write(Boolean.toString(value));
    }

    /**
     * Writes an array of doubles.
     *
     * @param values the numbers; not modified
     * @return this writer
     */
    public JsonWriter value(double[] values) {
        Objects.requireNonNull(values, "values");
        beginArray();
        for (double v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * Writes {@code null}.
     *
     * @return this writer
     */
    public JsonWriter nullValue() {
        beforeValue();
        return write("null");
    }

    /**
     * Flushes the target if it is {@link Flushable}.
     *
     * @throws UncheckedIOException if the target fails
     */
    @Override
    public void flush() {
        if (out instanceof Flushable f) {
            try {
                f.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Returns whether one complete top-level value has been written and nothing is open.
     *
     * @return whether one complete top-level value has been written and nothing is open
     */
    public boolean isComplete() {
        return topWritten && stack.isEmpty();
    }

    private void beforeValue() {
        Scope scope = stack.peek();
        if (scope == null) {
            if (topWritten) {
                throw new IllegalStateException("a JSON text holds one top-level value, and it"
                        + " is complete");
            }
            topWritten = true;
            return;
        }
        switch (scope) {
            case EMPTY_ARRAY, ARRAY -> {
                if (scope == Scope.ARRAY) {
                    write(",");
                }
                newline(stack.size());
                stack.pop();
                stack.push(Scope.ARRAY);
            }
            case OBJECT_VALUE -> {
                stack.pop();
                stack.push(Scope.OBJECT_NAME);
            }
            default -> throw new IllegalStateException("a value is not allowed here: an object"
                    + " member needs a name first");
        }
    }

    private JsonWriter close(Scope empty, Scope nonEmpty, String bracket) {
        Scope scope = stack.peek();
        if (scope != empty && scope != nonEmpty) {
            throw new IllegalStateException("cannot write '" + bracket + "' here"
                    + (scope == Scope.OBJECT_VALUE ? ": a value is due" : ": no such container"
                    + " is open"));
        }
        stack.pop();
        if (scope == nonEmpty) {
            newline(stack.size());
        }
        return write(bracket);
    }

    private void newline(int depth) {
        if (pretty) {
            write("\n");
            for (int k = 0; k < depth; k++) {
                write("  ");
            }
        }
    }

    private void quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        write(b.append('"').toString());
    }

    private JsonWriter write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
