package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.space.LabelEncoder;

/** The text layout of {@code classify} reports. */
class ClassifyOutputTest {

    /** Prints the confusion matrix of the classes and counts, escaped as the reports are. */
    private static List<String> table(List<String> labels, int[][] counts) {
        StringWriter out = new StringWriter();
        try (PrintWriter w = VisibleText.writer(out)) {
            ClassifyOutput.confusionTable(w, LabelEncoder.of(labels), counts);
        }
        return out.toString().lines().toList();
    }

    /**
     * Labels holding a tab and an escape character are shown escaped, as {@code a\t b} and
     * {@code r\u001bed}; the confusion matrix pads each column by the shown width of its
     * heading and counts, and the row names by the widest shown name, so the header and every
     * row end in the same column.
     */
    @Test
    void confusionColumnsAlignWhenLabelsHoldControlCharacters() {
        List<String> lines = table(List.of("a\tb", "r\u001bed"), new int[][] {{3, 1}, {0, 12}});

        assertEquals(4, lines.size(), String.join("\n", lines));
        String header = lines.get(1);
        int labelWidth = "r\\u001bed".length();
        assertEquals("  " + " ".repeat(labelWidth) + " a\\tb r\\u001bed", header);
        for (String row : lines.subList(2, 4)) {
            assertEquals(header.length(), row.length(), String.join("\n", lines));
        }
        assertEquals("  " + " ".repeat(labelWidth - 4) + "a\\tb" + "    3"
                + " ".repeat(labelWidth) + "1", lines.get(2));
    }

    /**
     * One long class name widened every column (all 15 of a Letter table 22 characters
     * wide): each column now has its own width, and a name over 12 characters makes the
     * columns short keys, which the rows name before their full class names.
     */
    @Test
    void aLongClassNameTurnsTheColumnsIntoKeysThatTheRowsName() {
        List<String> lines = table(List.of("Alpha-helix long name", "B", "C"),
                new int[][] {{10, 0, 1}, {0, 123, 0}, {2, 0, 7}});

        assertEquals(List.of(
                "confusion   rows: true class, columns: predicted class (by the keys c1 to c3"
                        + " before the rows' classes)",
                "                           c1  c2 c3",
                "  c1 Alpha-helix long name 10   0  1",
                "  c2 B                      0 123  0",
                "  c3 C                      2   0  7"), lines);
    }

    /**
     * A name with a space ({@code F F}) would read as two columns in the heading: it too
     * makes the columns keys, however short it is. Names of at most 12 characters without
     * spaces head their columns, each column as wide as its own heading and counts.
     */
    @Test
    void aNameWithASpaceIsKeyedAndShortNamesHeadTheirOwnColumns() {
        List<String> spaced = table(List.of("F F", "G"), new int[][] {{1, 0}, {0, 1}});
        List<String> plain = table(List.of("twelve-chars", "G"), new int[][] {{1, 0}, {0, 1}});

        assertEquals("         c1 c2", spaced.get(1));
        assertEquals("  c1 F F  1  0", spaced.get(2));
        assertEquals("  c2 G    0  1", spaced.get(3));
        assertEquals("               G twelve-chars", plain.get(1));
        assertEquals("             G 1            0", plain.get(2));
        assertEquals("  twelve-chars 0            1", plain.get(3));
        assertTrue(plain.get(0).endsWith("columns: predicted class"), plain.get(0));
    }

    /**
     * A negative offset is written with a plus, a zero offset and a divisor of 1 are left
     * out: {@code (y + 0.1237) / 2.045}, not {@code (y - -0.1237) / 2.045}.
     */
    @Test
    void scalingTextFoldsTheOffsetsSign() {
        assertEquals("(y + 0.1237) / 2.045", ClassifyOutput.shiftAndScale("y", -0.1237, 2.045));
        assertEquals("(x - 1.427) / 0.7566", ClassifyOutput.shiftAndScale("x", 1.427, 0.7566));
        assertEquals("x / 2.000", ClassifyOutput.shiftAndScale("x", 0.0, 2.0));
        assertEquals("x + 3.000", ClassifyOutput.shiftAndScale("x", -3.0, 1.0));
    }

    /**
     * The header names IAM split files by their folder as given, by the current folder's
     * name when they were given without one (it said {@code .}), and as "the split files"
     * when they come from several folders (it named the training split's folder).
     */
    @Test
    void theHeaderNamesTheSplitFilesAsGiven() {
        String here = Path.of("").toAbsolutePath().getFileName().toString();

        assertEquals("../Letter/LOW", ClassifyOutput.splitsData(null,
                Arrays.asList("../Letter/LOW/train.cxl", null, "../Letter/LOW/test.cxl")));
        assertEquals(here + " (the current folder)", ClassifyOutput.splitsData(null,
                Arrays.asList("train.cxl", "validation.cxl", "test.cxl")));
        assertEquals(here + " (the current folder)", ClassifyOutput.splitsData(null,
                Arrays.asList("./train.cxl", null, "./test.cxl")));
        assertEquals("the split files", ClassifyOutput.splitsData(null,
                Arrays.asList("Letter/LOW/train.cxl", "Letter/MED/validation.cxl",
                        "Letter/HIGH/test.cxl")));
    }

    /** Each graph gets the number, from 1, of the fold that holds it. */
    @Test
    void foldNumbersFollowTheFolds() {
        assertArrayEquals(new int[] {2, 1, 3, 1, 2},
                ClassifyOutput.foldNumbers(List.of(new int[] {1, 3}, new int[] {0, 4},
                        new int[] {2}), 5));
    }
}
