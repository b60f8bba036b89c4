package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for integers that a double may not hold ({@link DecimalNumbers#isInexactInteger}):
 * every reader refuses an integer literal larger in magnitude than 2^53 with the same reason,
 * reads 2^53 itself exactly, and reads the same digits with a decimal point rounded. The value
 * 2^53 + 1 = 9007199254740993 is the first integer a double does not hold.
 */
class IntegersBeyondTwoTo53Test {

    private static final String LIMIT = "9007199254740992";
    private static final String BEYOND = "9007199254740993";

    /** The reason every reader gives for {@link #BEYOND}, up to its hint. */
    private static final String REASON = "an integer larger in magnitude than 2^53 = " + LIMIT
            + ", beyond which a double does not hold every integer, so it would read as "
            + LIMIT + "; ";

    @TempDir
    Path dir;

    /** Reads a graph file whose first node's first channel holds the value, and returns it. */
    @FunctionalInterface
    private interface GraphFile {
        double firstValue(String value) throws IOException;
    }

    /**
     * Whether an integer is beyond the limit agrees with its magnitude, by brute force around
     * 2^53 and at random; and every integer up to 2^53 that the rule lets through is held
     * exactly, as is 2^53 + 2, which is refused all the same (the limit is on the magnitude).
     */
    @Test
    void theLimitIsOnTheMagnitudeAndEveryIntegerBelowItIsExact() {
        BigInteger limit = BigInteger.TWO.pow(53);
        for (long k = -3000; k <= 3000; k++) {
            for (BigInteger v : List.of(limit.add(BigInteger.valueOf(k)),
                    limit.negate().add(BigInteger.valueOf(k)))) {
                String text = v.toString();
                boolean beyond = v.abs().compareTo(limit) > 0;
                assertEquals(beyond, DecimalNumbers.isInexactInteger(text), text);
                if (!beyond) {
                    assertEquals(0, new BigDecimal(DecimalNumbers.parseFinite(text, null))
                            .compareTo(new BigDecimal(v)), text);
                }
            }
        }
        Random random = new Random(53);
        for (int k = 0; k < 20000; k++) {
            BigInteger v = BigInteger.valueOf(random.nextLong() >> random.nextInt(20));
            String sign = v.signum() < 0 ? "-" : random.nextBoolean() ? "+" : "";
            String text = sign + (random.nextBoolean() ? "000" : "") + v.abs();
            assertEquals(v.abs().compareTo(limit) > 0, DecimalNumbers.isInexactInteger(text),
                    text);
        }
        assertTrue(DecimalNumbers.isInexactInteger(" 123456789012345678901234567890 "));
        assertTrue(DecimalNumbers.isInexactInteger("9007199254740994"));
        assertEquals(9007199254740994.0, Double.parseDouble("9007199254740994"));
        assertFalse(DecimalNumbers.isInexactInteger("00000000000000009007199254740992"));
        for (String notInteger : List.of("9007199254740993.0", "9.007199254740993e15",
                "1e20", "x", "", "0x20000000000001")) {
            assertFalse(DecimalNumbers.isInexactInteger(notInteger), notInteger);
        }
        assertEquals(9007199254740992.0, DecimalNumbers.parseFinite("9007199254740993.0", null));
        assertEquals(1e20, DecimalNumbers.parseFinite("1e20", null));
    }

    @Test
    void theRefusalSaysWhatADoubleWouldReadAndHowToReadItRounded() {
        assertEquals("expected a finite decimal number for x, found '" + BEYOND + "' (" + REASON
                + "write it with a decimal point, " + BEYOND + ".0, to read it rounded)",
                assertThrows(NumberFormatException.class,
                        () -> DecimalNumbers.parseFinite(BEYOND, "x")).getMessage());
        assertTrue(DecimalNumbers.refusal("-123456789012345678901234567890", null).endsWith(
                ", so it would read as -123456789012345677877719597056; write it with a decimal"
                + " point, -123456789012345678901234567890.0, to read it rounded)"));
        // 2^60 is a double; the reason then says only that the limit is passed.
        assertTrue(DecimalNumbers.refusal("+1152921504606846976", null).endsWith(" (an integer"
                + " larger in magnitude than 2^53 = " + LIMIT + ", beyond which a double does not"
                + " hold every integer; write it with a decimal point, 1152921504606846976.0, to"
                + " read it rounded)"));
    }

    @Test
    void everyTextFormatRefusesTheIntegerAndReadsItWithAPointRounded() throws IOException {
        List<GraphFile> formats = List.of(
            value -> first(new GmlReader().read(write("g.gml",
                    "graph [ node [ id 0 m " + value + " ] ]"))),
            value -> first(new DotReader().read(write("g.dot", "graph { a [m=" + value
                    + "] }"))),
            value -> first(TuDatasetReader.read(tu(value))),
            value -> first(IamDatasetReader.read(gxl("float", value))),
            value -> first(new GraphMlReader().read(graphMl("double", value))),
            value -> CovariateTable.read(write("c.csv", "m\n" + value + "\n")).rows()[0][0],
            value -> QaplibReader.readInstance(write("q.dat", "1\n" + value + "\n1\n"))
                    .first()[0][0]);
        for (GraphFile format : formats) {
            assertEquals(9007199254740992.0, format.firstValue(LIMIT));
            assertEquals(-9007199254740992.0, format.firstValue("-" + LIMIT));
            assertEquals(9007199254740992.0, format.firstValue(BEYOND + ".0"));
            String message = assertThrows(DatasetFormatException.class,
                    () -> format.firstValue(BEYOND)).getMessage();
            assertTrue(message.contains("found '" + BEYOND + "' (" + REASON + "write it with a"
                    + " decimal point, " + BEYOND + ".0, to read it rounded)"), message);
            assertTrue(assertThrows(DatasetFormatException.class,
                    () -> format.firstValue("-" + BEYOND)).getMessage().contains(
                    "found '-" + BEYOND + "' (an integer larger in magnitude than 2^53"));
        }
    }

    @Test
    void typedIntegersOfGxlGraphMlAndNumPyFollowTheSameLimit() throws IOException {
        assertEquals(9007199254740992.0, first(IamDatasetReader.read(gxl("int", LIMIT))));
        assertTrue(assertThrows(DatasetFormatException.class,
                () -> IamDatasetReader.read(gxl("int", BEYOND))).getMessage().contains(
                "expected a finite decimal number for <int>, found '" + BEYOND + "' ("
                + REASON));
        for (String type : List.of("int", "long")) {
            assertEquals(9007199254740992.0, first(new GraphMlReader().read(graphMl(type,
                    LIMIT))));
            assertTrue(assertThrows(DatasetFormatException.class,
                    () -> new GraphMlReader().read(graphMl(type, BEYOND))).getMessage()
                    .endsWith(": the value " + BEYOND + " of attribute 'm' (key 'k', " + type
                    + ") is " + REASON + "declare the key double and write the value with a"
                    + " decimal point to read it rounded"));
        }
        String asFloat = "convert the array to float64 (arr.astype(float)) to read it rounded";
        assertArrayEquals(new double[] {-9007199254740992.0, 9007199254740992.0},
                NpyReader.readArray(npy("<i8", -(1L << 53), 1L << 53)).values());
        Path signed = npy("<i8", 1, -(1L << 53) - 1);
        assertEquals(signed + ": byte 136: element 1 (in the file's order) of the <i8 array is -"
                + BEYOND + ", an integer larger in magnitude than 2^53 = " + LIMIT + ", beyond"
                + " which a double does not hold every integer, so it would read as -" + LIMIT
                + "; " + asFloat, assertThrows(DatasetFormatException.class,
                        () -> NpyReader.readArray(signed)).getMessage());
        Path unsigned = npy(">u8", -1L);
        assertTrue(assertThrows(DatasetFormatException.class,
                () -> NpyReader.readArray(unsigned)).getMessage().endsWith(": byte 128: element"
                + " 0 (in the file's order) of the >u8 array is 18446744073709551615, an integer"
                + " larger in magnitude than 2^53 = " + LIMIT + ", beyond which a double does"
                + " not hold every integer, so it would read as 18446744073709551616; "
                + asFloat));
        // A covariate table of NumPy integers is read by the same reader.
        assertThrows(DatasetFormatException.class, () -> CovariateTable.read(npy("<i8",
                1L << 60)));
    }

    private static double first(GraphDataset d) {
        return d.graphs().get(0).nodeVector(0)[0];
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A TU folder of one graph of two nodes whose first node attribute is the value. */
    private Path tu(String value) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tu"));
        Files.writeString(folder.resolve("T_A.txt"), "1, 2\n2, 1\n");
        Files.writeString(folder.resolve("T_graph_indicator.txt"), "1\n1\n");
        Files.writeString(folder.resolve("T_node_attributes.txt"), value + ", 1\n2, 1\n");
        return folder;
    }

    /** An IAM split of one GXL graph whose node has the value as a {@code <TAG>}. */
    private Path gxl(String tag, String value) throws IOException {
        Files.writeString(dir.resolve("g.gxl"), "<?xml version=\"1.0\"?>\n<gxl><graph id=\"g\""
                + " edgemode=\"undirected\"><node id=\"n\"><attr name=\"m\"><" + tag + ">"
                + value + "</" + tag + "></attr></node></graph></gxl>\n");
        return write("s.cxl", "<?xml version=\"1.0\"?>\n<GraphCollection><graphs><print"
                + " file=\"g.gxl\" class=\"a\"/></graphs></GraphCollection>\n");
    }

    /** A GraphML file of one node whose attribute {@code m} of the type has the value. */
    private Path graphMl(String type, String value) throws IOException {
        return write("g.graphml", "<?xml version=\"1.0\"?>\n<graphml"
                + " xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"k\" for=\"node\""
                + " attr.name=\"m\" attr.type=\"" + type + "\"/><graph edgedefault=\"undirected\">"
                + "<node id=\"n\"><data key=\"k\">" + value + "</data></node></graph></graphml>\n");
    }

    /** A version-1 .npy file of 64-bit integers of this type ({@code <i8}, {@code >u8}). */
    private Path npy(String descr, long... values) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(descr.startsWith(">")
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            data.putLong(v);
        }
        return NpyFiles.write(dir.resolve("a.npy"), 1,
                NpyFiles.dict(descr, false, "(" + values.length + ",)"), data.array());
    }
}
