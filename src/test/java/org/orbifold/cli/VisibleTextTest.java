package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.orbifold.io.TextFiles;

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

    /**
     * Noncharacters, which no font draws (a TU label C and U+FFFE printed as "C" and a raw
     * U+FFFE, where the drawing wrote the escape), are escaped as the drawing escapes them:
     * all 66, in every plane, and none of their neighbours.
     */
    @Test
    void escapesEveryNoncharacterAsTheDrawingDoes() {
        assertEquals("label=C\\ufffe", VisibleText.escape("label=C\ufffe"));
        assertEquals("\\uffff\\ufdd0\\ufdef", VisibleText.escape("\uffff\ufdd0\ufdef"));
        assertEquals("\\U0001fffe\\U0010ffff", VisibleText.escape(
                new String(Character.toChars(0x1FFFE)) + new String(Character.toChars(0x10FFFF))));
        int count = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (TextFiles.isNoncharacter(cp)) {
                count++;
                String one = new String(Character.toChars(cp));
                assertEquals(VisibleText.escape(one), TextFiles.shown(one));
                assertEquals(one, VisibleText.unescape(VisibleText.escape(one)));
            }
        }
        assertEquals(66, count);
        // Their neighbours are characters like any other: shown as they are.
        for (int cp : new int[] {0xFDCF, 0xFDF0, 0xFFFD, 0x1FFFD, 0x20000}) {
            String one = new String(Character.toChars(cp));
            assertEquals(one, VisibleText.escape(one), Integer.toHexString(cp));
        }
    }

    /**
     * An invisible character beyond U+FFFF (a tag character) is one escape of a capital U and
     * eight digits, the style of the readers' messages, in {@link VisibleText#escape} and in
     * the writer, and reads back; a visible one (an emoji) passes, as a surrogate alone does.
     */
    @Test
    void escapesAnInvisibleCharacterBeyondTheBmpAsOneEscape() {
        String tag = new String(Character.toChars(0xE0001));
        String emoji = new String(Character.toChars(0x1F600));
        assertEquals("a\\U000e0001b" + emoji, VisibleText.escape("a" + tag + "b" + emoji));
        assertEquals("\ud83d", VisibleText.escape("\ud83d"));
        assertEquals(tag + "x", VisibleText.unescape(VisibleText.escape(tag + "x")));
        StringWriter out = new StringWriter();
        try (PrintWriter w = VisibleText.writer(out)) {
            w.print("class " + tag + emoji + "\n");
        }
        assertEquals("class \\U000e0001" + emoji + "\n", out.toString());
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
        assertEquals("\ud83d\ude00", VisibleText.unescape("\\U0001f600"));
        assertEquals("\ud83d\ude00x", VisibleText.unescape("\\U0001F600x"));
        // Not a code point, or fewer than eight digits: kept as typed.
        assertEquals("\\U00110000 \\U1f600", VisibleText.unescape("\\U00110000 \\U1f600"));
        assertEquals("a\\b \\u12 \\uzzzz \\", VisibleText.unescape("a\\b \\u12 \\uzzzz \\"));
    }
}
