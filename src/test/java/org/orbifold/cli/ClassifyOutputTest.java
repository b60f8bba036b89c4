package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.LabelEncoder;

/** The text layout of {@code classify} reports. */
class ClassifyOutputTest {

    /**
     * Labels holding a tab and an escape character are shown escaped, as {@code a\t b} and
     * {@code r\u001bed}; the confusion matrix pads its columns by those shown widths, so the
     * header and every row end in the same column.
     */
    @Test
    void confusionColumnsAlignWhenLabelsHoldControlCharacters() {
        LabelEncoder classes = LabelEncoder.of(List.of("a\tb", "r\u001bed"));
        StringWriter out = new StringWriter();
        try (PrintWriter w = VisibleText.writer(out)) {
            ClassifyOutput.confusionTable(w, classes, new int[][] {{3, 1}, {0, 12}});
        }
        List<String> lines = out.toString().lines().toList();

        assertEquals(4, lines.size(), out.toString());
        String header = lines.get(1);
        int labelWidth = "r\\u001bed".length();
        assertEquals("  " + " ".repeat(labelWidth) + " " + " ".repeat(labelWidth - 4) + "a\\tb"
                + " r\\u001bed", header);
        for (String row : lines.subList(2, 4)) {
            assertEquals(header.length(), row.length(), out.toString());
        }
        assertEquals("  " + " ".repeat(labelWidth - 4) + "a\\tb" + " ".repeat(labelWidth)
                + "3" + " ".repeat(labelWidth) + "1", lines.get(2));
    }
}
