package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * VisibleText escapes what cannot be seen: control characters, spaces other than U+0020 and
 * invisible format characters, in messages and in the text writer alike; a plain space and
 * visible letters beyond ASCII pass.
 */
class VisibleTextTest {

    @Test
    void escapesSpacesOtherThanTheSpaceAndFormatCharacters() {
        assertEquals("\\u00a01", VisibleText.escape("\u00a01"));
        assertEquals("\\u200b0", VisibleText.escape("\u200b0"));
        assertEquals("\\ufeff0", VisibleText.escape("\ufeff0"));
        assertEquals("a\\u2009b\\u3000", VisibleText.escape("a\u2009b\u3000"));
        assertEquals("\\u2028", VisibleText.escape("\u2028"));
        assertEquals("\\u001f\\t", VisibleText.escape("\u001f\t"));
        assertEquals("a b é ±", VisibleText.escape("a b é ±"));
        assertEquals("a\\nb\\r", VisibleText.escape("a\nb\r"));
        assertEquals(7, VisibleText.width("\u00a0x"));
    }

    @Test
    void theWriterEscapesThemToo() {
        StringWriter out = new StringWriter();
        try (PrintWriter w = VisibleText.writer(out)) {
            w.print("class \u00a01\u200b\r\n");
        }
        assertEquals("class \\u00a01\\u200b\r\n", out.toString());
        // A carriage return that ends no line (one of data) would move the cursor back.
        StringWriter cr = new StringWriter();
        try (PrintWriter w = VisibleText.writer(cr)) {
            w.printf("classes   %s%n", "mutagenic\rclasses   1: harmless");
        }
        assertEquals("classes   mutagenic\\rclasses   1: harmless\n", cr.toString());
    }

    @Test
    void unescapeReadsBackWhatEscapeAndStandardOutputWrite() {
        for (String label : new String[] {"a\tb", "two\nlines", "c\rd", "x\u001f", "\u00a01",
                "caf\u00e9", "\ud83d\ude00", "plain"}) {
            assertEquals(label, VisibleText.unescape(VisibleText.escape(label)), label);
        }
        assertEquals("caf\u00e9", VisibleText.unescape("caf\\u00e9"));
        assertEquals("\ud83d\ude00", VisibleText.unescape("\\ud83d\\ude00"));
        assertEquals("a\\b \\u12 \\uzzzz \\", VisibleText.unescape("a\\b \\u12 \\uzzzz \\"));
    }
}
