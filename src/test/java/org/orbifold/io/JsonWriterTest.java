package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedContainersWithCommas() {
        StringBuilder out = new StringBuilder();
        JsonWriter json = new JsonWriter(out);
        json.beginObject().name("a").value(1).name("b").beginArray().value(true).nullValue()
                .value("x").beginObject().endObject().beginArray().endArray().endArray()
                .name("c").value(2.5).endObject();
        assertEquals("{\"a\":1,\"b\":[true,null,\"x\",{},[]],\"c\":2.5}", out.toString());
        assertTrue(json.isComplete());
    }

    @Test
    void escapesStrings() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).value("q\"b\\n\nt\tc\u0001 \u2028 é");
        assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001 \\u2028 é\"", out.toString());
    }

    @Test
    void writesNonFiniteNumbersByPolicy() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-7};
        StringBuilder nulls = new StringBuilder();
        new JsonWriter(nulls).value(values);
        assertEquals("[null,null,null,1.0E-7]", nulls.toString());
        StringBuilder strings = new StringBuilder();
        new JsonWriter(strings, false, JsonWriter.NonFinite.STRING).value(values);
        assertEquals("[\"NaN\",\"Infinity\",\"-Infinity\",1.0E-7]", strings.toString());
        JsonWriter strict = new JsonWriter(new StringBuilder(), false,
                JsonWriter.NonFinite.REJECT);
        assertThrows(IllegalArgumentException.class, () -> strict.value(Double.NaN));
    }

    @Test
    void indentsWhenPretty() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, true, JsonWriter.NonFinite.NULL).beginObject().name("a")
                .beginArray().value(1).value(2).endArray().name("e").beginArray().endArray()
                .endObject();
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": []\n}", out.toString());
    }

    @Test
    void rejectsMisuse() {
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().value(1));
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginArray().name("a"));
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginArray().endObject());
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().name("a").endObject());
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).value(1).value(2));
        JsonWriter open = new JsonWriter(new StringBuilder()).beginArray();
        assertFalse(open.isComplete());
    }

    @Test
    void wrapsTargetFailures() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        JsonWriter json = new JsonWriter(broken);
        assertThrows(UncheckedIOException.class, () -> json.value(1));
        assertThrows(UncheckedIOException.class, json::flush);
    }
}
