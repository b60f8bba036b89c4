package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardOutputTest {

    @Test
    void charactersTheCharsetCannotEncodeAreWrittenAsEscapesNotQuestionMarks() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new StandardOutput(bytes, StandardCharsets.US_ASCII);

        out.print("classes 1: caf\u00e9 (1), \ud83d\ude00 (2)?");
        out.flush();

        assertEquals("classes 1: caf\\u00e9 (1), \\ud83d\\ude00 (2)?",
                bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void charactersTheCharsetEncodesPassUnchanged() {
        ByteArrayOutputStream latin = new ByteArrayOutputStream();
        PrintWriter out = new StandardOutput(latin, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        PrintWriter wide = new StandardOutput(utf8, StandardCharsets.UTF_8);

        out.print("caf\u00e9 \u0142");
        out.flush();
        wide.print("caf\u00e9 \u0142 \ud83d\ude00");
        wide.flush();

        assertEquals("caf\u00e9 \\u0142", latin.toString(StandardCharsets.ISO_8859_1));
        assertEquals("caf\u00e9 \u0142 \ud83d\ude00", utf8.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonWithEscapedCharactersReadsAsTheSameStrings() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new StandardOutput(bytes, StandardCharsets.US_ASCII);

        out.print(JsonOutput.text(json -> json.beginObject().name("class")
                .value("caf\u00e9").endObject()));
        out.flush();

        assertEquals("{\"class\":\"caf\\u00e9\"}", bytes.toString(StandardCharsets.US_ASCII));
    }
}
