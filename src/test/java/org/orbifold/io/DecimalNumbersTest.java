package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecimalNumbersTest {

    /**
     * A nonzero decimal that a double reads as 0 underflows; a subnormal value, a zero with any
     * exponent and a Java-only form do not. Checked against the exact decimal value.
     */
    @Test
    void underflowsExactlyForNonzeroNumbersReadAsZero() {
        for (String text : List.of("1e-400", "-1e-400", " 5E-325 ", "0.0001e-320", "+7e-999")) {
            assertTrue(DecimalNumbers.underflows(text, Double.parseDouble(text)), text);
            assertTrue(new java.math.BigDecimal(text.strip()).signum() != 0, text);
        }
        for (String text : List.of("0", "-0.0", "0e-400", "0.000e999", "1e-310", "4.9e-324",
                "1", "1e400")) {
            assertFalse(DecimalNumbers.underflows(text, Double.parseDouble(text)), text);
        }
        assertFalse(DecimalNumbers.underflows("0x1p-2000", Double.parseDouble("0x1p-2000")));
    }

    @Test
    void parseFiniteReadsFiniteDecimalsAndRefusesTheRestInOneWording() {
        assertEquals(2.5, DecimalNumbers.parseFinite(" 2.5 ", null));
        assertEquals(1e-310, DecimalNumbers.parseFinite("1e-310", null));
        assertEquals(0.0, DecimalNumbers.parseFinite("0e-400", null));
        for (String text : List.of("x", "inf", "Infinity", "-Infinity", "NaN", "1e400",
                "1e-400", "2d", "0x1p3")) {
            NumberFormatException e = assertThrows(NumberFormatException.class,
                    () -> DecimalNumbers.parseFinite(text, "entry (1, 2)"));
            assertEquals(DecimalNumbers.refusal(text, "entry (1, 2)"), e.getMessage());
            assertTrue(e.getMessage().startsWith("expected a finite decimal number for entry"
                    + " (1, 2), found '" + text + "'"), e.getMessage());
        }
        assertEquals("expected a finite decimal number, found 'inf'",
                DecimalNumbers.refusal("inf", null));
        assertEquals("expected a finite decimal number, found 'Infinity'",
                DecimalNumbers.refusal("Infinity", null));
        assertTrue(DecimalNumbers.refusal("2d", null).endsWith("(a Java-only form: type"
                + " suffix d or f, or hexadecimal)"));
        assertTrue(DecimalNumbers.refusal("1e400", null).contains("too large for a double"));
        assertTrue(DecimalNumbers.refusal("1e-400", null).contains("too small for a double"));
    }

    @Test
    void parseIntegerReadsAsciiDigitsOnly() {
        assertEquals(-12, DecimalNumbers.parseInteger(" -12 "));
        assertEquals(7, DecimalNumbers.parseInteger("+7"));
        for (String text : new String[] {"\u0661", "\uff13", "1.0", "", "0x10", "12a"}) {
            assertThrows(NumberFormatException.class, () -> DecimalNumbers.parseInteger(text),
                    text);
        }
        assertThrows(NumberFormatException.class, () -> DecimalNumbers.parseInteger(
                "99999999999"));
    }

    @Test
    void printableEscapesEverythingOutsidePrintableAscii() {
        assertEquals("a-1 ~", DecimalNumbers.printable("a-1 ~"));
        assertEquals("\\u22123", DecimalNumbers.printable("\u22123"));
        assertEquals("\\u00e2\\u0088\\u0092", DecimalNumbers.printable("\u00e2\u0088\u0092"));
        assertEquals("\\tx\\u007f", DecimalNumbers.printable("\tx\u007f"));
        assertEquals("expected a finite decimal number, found '\\u22123'",
                DecimalNumbers.refusal("\u22123", null));
    }

    /**
     * A character beyond U+FFFF is one escape of eight digits, as Python writes it, not two of
     * its surrogate halves; a surrogate alone keeps its four digits, and every escape reads
     * back as the code point it names.
     */
    @Test
    void printableShowsACharacterBeyondTheBmpAsOneEscape() {
        String emoji = new String(Character.toChars(0x1F600));
        assertEquals("x\\U0001f600y", DecimalNumbers.printable("x" + emoji + "y"));
        assertEquals("\\U0010ffff\\U00010000", DecimalNumbers.printable(
                new String(Character.toChars(0x10FFFF)) + new String(Character.toChars(0x10000))));
        assertEquals("\\ud83d-\\ude00", DecimalNumbers.printable("\ud83d-\ude00"));
        assertEquals("\\ude00\\U0001f600\\ud83d", DecimalNumbers.printable("\ude00" + emoji
                + "\ud83d"));
        for (int codePoint : new int[] {0x7f, 0xe9, 0xffff, 0x10000, 0x1f600, 0xe0001,
            0x10ffff}) {
            String text = new String(Character.toChars(codePoint));
            String shown = DecimalNumbers.printable(text);
            assertEquals(codePoint, Integer.parseInt(shown.substring(2), 16), shown);
            assertEquals(codePoint > 0xffff ? 10 : 6, shown.length(), shown);
        }
        // Hidden characters beyond U+FFFF (the tag characters) are escaped even where other
        // characters are kept; an emoji is not hidden.
        assertEquals("\\U000e0001a" + emoji, TextFiles.shown(
                new String(Character.toChars(0xE0001)) + "a" + emoji));
        assertTrue(TextFiles.isHidden(0xE0001));
        assertTrue(TextFiles.isHidden(0xE007F));
        assertFalse(TextFiles.isHidden(0x1F600));
        assertFalse(TextFiles.isHidden(0xD83D));
        assertEquals("\\t\\u00a0", TextFiles.shown("\t\u00a0"));
    }
}
