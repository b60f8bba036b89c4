package org.orbifold.cli;

import java.util.List;
import java.util.function.Consumer;
import org.orbifold.io.JsonWriter;

/**
 * The command line's JSON output, written through {@link JsonWriter} (compact, non-finite
 * numbers as {@code null}), with the few array forms that the writer has no method for.
 */
final class JsonOutput {

    private JsonOutput() {
    }

    /**
     * Returns the JSON text that {@code body} writes.
     *
     * @param body writes exactly one complete value
     * @return the text, on one line
     * @throws IllegalStateException if the body leaves the value incomplete
     */
    static String text(Consumer<JsonWriter> body) {
        StringBuilder text = new StringBuilder();
        JsonWriter json = new JsonWriter(text);
        body.accept(json);
        if (!json.isComplete()) {
            throw new IllegalStateException("incomplete JSON output: " + text);
        }
        return text.toString();
    }

    /** Writes an array of strings (null items as {@code null}); returns the writer. */
    static JsonWriter strings(JsonWriter json, List<String> values) {
        json.beginArray();
        for (String value : values) {
            json.value(value);
        }
        return json.endArray();
    }

    /** Writes a number, or {@code null} when it is null; returns the writer. */
    static JsonWriter number(JsonWriter json, Double value) {
        return value == null ? json.nullValue() : json.value(value.doubleValue());
    }

    /** Writes an integer, or {@code null} when it is null; returns the writer. */
    static JsonWriter integer(JsonWriter json, Integer value) {
        return value == null ? json.nullValue() : json.value(value.longValue());
    }

    /** Writes an array of integers; returns the writer. */
    static JsonWriter integers(JsonWriter json, List<Integer> values) {
        return integers(json, values.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Writes an array of integers; returns the writer. */
    static JsonWriter integers(JsonWriter json, int[] values) {
        json.beginArray();
        for (int value : values) {
            json.value(value);
        }
        return json.endArray();
    }
}
