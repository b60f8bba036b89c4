package org.orbifold.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's JSON output: an ordered object whose values are strings, numbers,
 * booleans, {@code null}, {@code double[]}, {@code int[]}, collections, maps or nested
 * objects. Non-finite numbers are written as {@code null}, since JSON has no NaN. Not
 * thread-safe.
 */
final class Json {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Adds or replaces a field, keeping the order of first insertion. */
    Json put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(fields, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Json json) {
            write(json.fields, out);
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number n) {
            writeNumber(n.doubleValue(), out);
        } else if (value instanceof double[] array) {
            out.append('[');
            for (int k = 0; k < array.length; k++) {
                out.append(k == 0 ? "" : ", ");
                writeNumber(array[k], out);
            }
            out.append(']');
        } else if (value instanceof int[] array) {
            out.append('[');
            for (int k = 0; k < array.length; k++) {
                out.append(k == 0 ? "" : ", ").append(array[k]);
            }
            out.append(']');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ", ");
                write(item, out);
                first = false;
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                writeString(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else {
            writeString(value.toString(), out);
        }
    }

    private static void writeNumber(double x, StringBuilder out) {
        if (!Double.isFinite(x)) {
            out.append("null");
        } else if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            out.append(String.format(Locale.ROOT, "%.1f", x));
        } else {
            out.append(Double.toString(x));
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
