package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CovariateTableTest {

    @TempDir
    Path dir;

    private Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Writes a version-1 .npy file of little-endian doubles with the given shape. */
    private Path npy(String name, String shape, double... values) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        return NpyFiles.write(dir.resolve(name), 1, NpyFiles.dict("<f8", false, shape),
                data.array());
    }

    @Test
    void readsCommaSeparatedRowsWithAHeaderAndSkipsCommentsAndBlankLines() throws IOException {
        CovariateTable table = CovariateTable.read(text("x.csv",
                "# goals and minutes\n\ngoals, minutes\n1, 90\n\n2.5,45\n# end\n"));

        assertEquals(List.of("goals", "minutes"), table.names());
        assertArrayEquals(new double[] {1, 90}, table.rows()[0]);
        assertArrayEquals(new double[] {2.5, 45}, table.rows()[1]);
        assertEquals(2, table.size());
    }

    @Test
    void readsWhitespaceSeparatedRowsWithoutAHeaderAsX1ToXp() throws IOException {
        CovariateTable table = CovariateTable.read(text("x.txt", "1 2\t3\n  4   5 6  \n"));

        assertEquals(List.of("x1", "x2", "x3"), table.names());
        assertArrayEquals(new double[] {4, 5, 6}, table.rows()[1]);
    }

    @Test
    void tablesOfEqualContentAreEqual() throws IOException {
        CovariateTable comma = CovariateTable.read(text("a.csv", "x1,x2\n1,2\n3,4.5\n"));
        CovariateTable blank = CovariateTable.read(text("b.txt", "1 2\n3 4.5\n"));

        assertEquals(comma, blank);
        assertEquals(comma.hashCode(), blank.hashCode());
        assertEquals("CovariateTable[names=[x1, x2], rows=[[1.0, 2.0], [3.0, 4.5]], notes=[]]",
                blank.toString());
        assertTrue(!comma.equals(blank.select(new int[] {1, 0})));
    }

    @Test
    void selectKeepsTheGivenRowsInOrder() throws IOException {
        CovariateTable table = CovariateTable.read(text("x.txt", "0\n1\n2\n3\n"));

        CovariateTable chosen = table.select(new int[] {3, 1});

        assertArrayEquals(new double[][] {{3}, {1}}, chosen.rows());
        assertEquals(table.names(), chosen.names());
    }

    @Test
    void refusesBadTextWithTheLineAndColumn() throws IOException {
        String mixed = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("a.csv", "goals, 2\n1, 2\n"))).getMessage();
        assertTrue(mixed.contains("line 1, column 1") && mixed.contains("'goals'"), mixed);

        String nan = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("b.csv", "a,b\n1,2\n3,NaN\n"))).getMessage();
        assertTrue(nan.contains("line 3, column 2") && nan.contains("covariate 'b'"), nan);

        String java = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("c.txt", "1\n2d\n"))).getMessage();
        assertTrue(java.contains("line 2, column 1") && java.contains("Java-only"), java);

        String ragged = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("d.txt", "1 2\n3\n"))).getMessage();
        assertTrue(ragged.contains("line 2") && ragged.contains("1 value where the first row"
                + " has 2"), ragged);

        String headerOnly = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("e.csv", "goals\n# nothing\n"))).getMessage();
        assertTrue(headerOnly.contains("no rows"), headerOnly);

        String empty = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("f.csv", "1,,2\n"))).getMessage();
        assertTrue(empty.contains("column 2"), empty);

        assertThrows(DatasetFormatException.class, () -> CovariateTable.read(dir.resolve("no")));
        assertThrows(DatasetFormatException.class, () -> CovariateTable.read(dir));
    }

    @Test
    void semicolonsNonFiniteWordsAndNpzArchivesAreRefusedWithAHint() throws IOException {
        String semicolons = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("s.csv", "1;2\n2;4\n"))).getMessage();
        assertTrue(semicolons.contains("line 1") && semicolons.endsWith("a semicolon: fields"
                + " are separated by commas, tabs or spaces, not semicolons"), semicolons);

        String mixed = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("m.csv", "a,b\n1,2;4\n"))).getMessage();
        assertTrue(mixed.contains("line 2, column 2") && mixed.endsWith("found '2;4' (fields"
                + " are separated by commas, tabs or spaces, not semicolons)"), mixed);

        for (String word : List.of("nan", "NaN", "inf", "-Inf", "Infinity")) {
            String first = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                    text("w.txt", word + "\n1\n"))).getMessage();
            assertTrue(first.contains("line 1, column 1") && first.endsWith("expected a finite"
                    + " decimal number for covariate x1, found '" + word + "'"), first);
            String later = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                    text("v.txt", "goals\n1\n" + word + "\n"))).getMessage();
            assertTrue(later.contains("line 3, column 1") && later.endsWith("expected a finite"
                    + " decimal number for covariate 'goals', found '" + word + "'"), later);
        }
        assertEquals(List.of("nano", "info"),
                CovariateTable.read(text("n.csv", "nano,info\n1,2\n")).names());

        Path npz = Files.write(dir.resolve("scores.npz"), new byte[] {'P', 'K', 3, 4});
        String archive = assertThrows(DatasetFormatException.class,
                () -> CovariateTable.read(npz)).getMessage();
        assertTrue(archive.endsWith("NumPy .npz archives are not read; save one array with"
                + " numpy.save as a .npy file"), archive);
    }

    /**
     * Numbers written with decimal commas: refused with a hint when a row cannot be two whole
     * numbers (a signed zero, a leading zero after the comma), read with a note when every
     * row could be, hinted at when the value count disagrees with a header of one column.
     */
    /**
     * A number with a decimal comma among fields separated by spaces or tabs, or in double
     * quotes, gets the decimal-comma hint; a bad field without such a number does not.
     */
    @Test
    void aDecimalCommaAmongSpacesTabsOrQuotesGetsTheHint() throws IOException {
        String hint = " (decimal commas? '1,5' reads as two values; write decimal numbers with"
                + " a point, 1.5)";
        String spaces = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("s.txt", "x y\n1,5 2\n"))).getMessage();
        assertTrue(spaces.endsWith("found '5 2'" + hint), spaces);
        String tabs = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("t.txt", "x\ty\n1,5\t2\n"))).getMessage();
        assertTrue(tabs.endsWith(hint), tabs);
        String quoted = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("q.txt", "x y\n\"1,5\" 2\n"))).getMessage();
        assertTrue(quoted.contains("a double quote inside a field") && quoted.endsWith(hint),
                quoted);
        String other = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("o.txt", "x,y\n1,abc\n"))).getMessage();
        assertFalse(other.contains("decimal commas?"), other);
    }

    @Test
    void decimalCommasAreRefusedWhenClearAndNotedWhenPossible() throws IOException {
        String signed = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("d.csv", "0,126\n-0,132\n0,64\n"))).getMessage();
        assertTrue(signed.contains("d.csv, line 2: '-0,132' looks like -0.132 written with a"
                + " decimal comma") && signed.contains("a signed zero before the comma")
                && signed.endsWith("write decimal numbers with a point (-0.132)"), signed);
        String leading = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("e.csv", "# scores\n1,5\n\n2,05\n3,75\n"))).getMessage();
        assertTrue(leading.contains("e.csv, line 4: '2,05' looks like 2.05")
                && leading.contains("a leading zero after the comma"), leading);

        String header = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("h.csv", "a\n0,1257\n"))).getMessage();
        assertTrue(header.endsWith("line 2: 2 values where the header (line 1) names 1"
                + " (decimal commas? '0,1257' reads as two values; write decimal numbers with"
                + " a point, 0.1257)"), header);
        String later = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("l.csv", "0,5\n1\n"))).getMessage();
        assertTrue(later.endsWith("line 2: 1 value where the first row has 2 (decimal"
                + " commas? '0,5' reads as two values; write decimal numbers with a point,"
                + " 0.5)"), later);
        String wider = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("w.csv", "a,b,c\n1,2\n"))).getMessage();
        assertTrue(wider.endsWith("2 values where the header (line 1) names 3"), wider);

        // Whole numbers that may be decimal commas are read as two columns, with a note.
        CovariateTable pairs = CovariateTable.read(text("p.csv", "1,5\n2,25\n-3,7\n"));
        assertEquals(List.of("x1", "x2"), pairs.names());
        assertArrayEquals(new double[] {-3, 7}, pairs.rows()[2]);
        assertEquals(1, pairs.notes().size());
        assertTrue(pairs.notes().get(0).contains("every row of " + dir.resolve("p.csv")
                + " is two whole numbers joined by a comma (such as '1,5'), read as two"
                + " columns x1 and x2"), pairs.notes().get(0));
        assertEquals(pairs.notes(), pairs.select(new int[] {1}).notes());

        // A header, another column, a decimal point or spaces: no note, nothing refused.
        for (String plain : List.of("a,b\n0,05\n-0,5\n", "1,5,2\n2,05,3\n", "1,5\n2.5,3\n",
                "-0 05\n1 2\n", "1, 5\n2, 05\n")) {
            CovariateTable table = CovariateTable.read(text("q.csv", plain));
            assertEquals(List.of(), table.notes(), plain);
            assertEquals(2, table.size(), plain);
        }
    }

    @Test
    void readsOneAndTwoDimensionalNpyArrays() throws IOException {
        CovariateTable scores = CovariateTable.read(npy("scores.npy", "(3,)", 1, 0, 2));
        assertEquals(List.of("scores"), scores.names());
        assertArrayEquals(new double[][] {{1}, {0}, {2}}, scores.rows());

        CovariateTable wide = CovariateTable.read(npy("wide.npy", "(2, 2)", 1, 2, 3, 4));
        assertEquals(List.of("x1", "x2"), wide.names());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, wide.rows());
    }

    @Test
    void refusesNpyArraysOfOtherShapesOrWithNonFiniteValues() throws IOException {
        String cube = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                npy("cube.npy", "(1, 1, 2)", 1, 2))).getMessage();
        assertTrue(cube.contains("shape [1, 1, 2]"), cube);

        String inf = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                npy("inf.npy", "(2, 2)", 1, 2, 3, Double.POSITIVE_INFINITY))).getMessage();
        assertTrue(inf.contains("entry [1, 1] is Infinity"), inf);

        String none = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                npy("none.npy", "(0,)"))).getMessage();
        assertTrue(none.contains("holds no values"), none);
    }

    /**
     * A line none of whose fields is a number is a header, empty fields included, as
     * docs/formats.md says; a header column without a name of its own is refused with a hint.
     */
    @Test
    void aHeaderNeedsANameOfItsOwnForEveryColumn() throws IOException {
        String pandas = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("pandas.csv", ",goals\n0,1\n1,3\n"))).getMessage();
        assertTrue(pandas.contains("line 1, column 1: column 1 of the header has no name: an"
                + " index column written by pandas? write the file with index=False"), pandas);

        String trailing = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("trailing.csv", "goals,\n1,\n"))).getMessage();
        assertTrue(trailing.contains("line 1, column 2: column 2 of the header has no name: a"
                + " trailing comma?"), trailing);

        String twice = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("twice.csv", "g,home,g\n1,0,2\n"))).getMessage();
        assertTrue(twice.contains("line 1, column 3: the header names columns 1 and 3 both 'g'"),
                twice);
    }

    /** Fields wholly in double quotes lose them; other quoting is refused, not misread. */
    @Test
    void readsSimplyQuotedFieldsAndRefusesOtherQuoting() throws IOException {
        CovariateTable table = CovariateTable.read(text("quoted.csv",
                "\"goals\",\"home\"\n\"1\",\"0\"\n2,1\n"));

        assertEquals(List.of("goals", "home"), table.names());
        assertArrayEquals(new double[] {1, 0}, table.rows()[0]);
        assertArrayEquals(new double[] {2, 1}, table.rows()[1]);
        String comma = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("comma.csv", "goals\n\"1,5\"\n"))).getMessage();
        assertTrue(comma.contains("line 2, column 1: a double quote inside a field"), comma);
    }

    /** A refused value shows a no-break space by the one escaping rule: lower-case hex. */
    @Test
    void aRefusedValueEscapesHiddenCharactersInLowerCase() throws IOException {
        char noBreakSpace = (char) 0xa0;

        String message = assertThrows(DatasetFormatException.class, () -> CovariateTable.read(
                text("nbsp.csv", "goals\n1" + noBreakSpace + "\n"))).getMessage();

        assertTrue(message.endsWith("found '1" + "\\" + "u00a0'"), message);
    }
}
