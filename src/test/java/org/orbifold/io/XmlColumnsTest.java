package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser's columns in UTF-16 units, recounted in characters on the line's own text. */
class XmlColumnsTest {

    @TempDir
    Path dir;

    @Test
    void recountsUnitsAsCharactersOnTheirLine() throws IOException {
        String smile = "\ud83d\ude00";
        Path file = dir.resolve("c.xml");
        // Lines end at LF, CR LF and a lone CR; a byte-order mark is no column.
        Files.write(file, ("\ufeff<a>" + smile + "\r\nx" + smile + smile + "y\rz\n" + smile)
                .getBytes(StandardCharsets.UTF_8));
        XmlColumns columns = new XmlColumns(file);
        assertEquals(4, columns.column(1, 4));
        assertEquals(5, columns.column(1, 6));
        // Line 2 is x, two emoji, y: units 1 + 2 + 2 before y.
        assertEquals(4, columns.column(2, 6));
        assertEquals(5, columns.column(2, 7));
        assertEquals(2, columns.column(3, 2));
        assertEquals(2, columns.column(4, 3));
        // Beyond the line's end, each unit counts once; unknown places are kept.
        assertEquals(2 + 3, columns.column(4, 6));
        assertEquals(0, columns.column(2, 0));
        assertEquals(9, columns.column(7, 9));
        // Without any character beyond U+FFFF the columns are the parser's.
        Path plain = Files.writeString(dir.resolve("p.xml"), "<a>\u00e9t\u00e9</a>\n");
        for (int c = 1; c <= 12; c++) {
            assertEquals(c, new XmlColumns(plain).column(1, c));
        }
        assertEquals(5, new XmlColumns(dir.resolve("missing.xml")).column(1, 5));
    }
}
