package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.space.Graph;
import org.orbifold.space.NodeExistence;

class NpyReaderTest {

    @TempDir
    Path dir;

    // ---- real data ------------------------------------------------------------------------

    /**
     * Reference values computed with NumPy 2.4 ({@code np.load}): grooming entry [0, 0, 1] = 3,
     * [0, 0, 2] = 2, total 606, 384 non-zero entries, every matrix asymmetric.
     */
    @Test
    void readsTheGroomingNetworks() throws IOException {
        GraphDataset d = NpyReader.readAdjacencyStack(
                TestDatasets.require("geomstats/mammals_grooming.npy"));
        assertEquals("mammals_grooming", d.name());
        assertEquals(26, d.size());
        assertTrue(d.isDirected());
        assertEquals(List.of(NodeExistence.CHANNEL_NAME), d.nodeChannels());
        assertEquals(List.of(NpyReader.WEIGHT_CHANNEL), d.edgeChannels());
        assertEquals("mammals_grooming[0]", d.graphNames().get(0));
        double total = 0.0;
        int pairs = 0;
        for (Graph g : d.graphs()) {
            assertEquals(18, g.order());
            pairs += g.edgeCount();
            for (double w : g.edgeChannel(0)) {
                total += w;
            }
        }
        assertEquals(606.0, total);
        assertEquals(384, pairs);
        assertEquals(3.0, d.graphs().get(0).edge(0, 1, 0));
        assertEquals(2.0, d.graphs().get(0).edge(0, 2, 0));
    }

    /** NumPy: shape (128, 11, 11), [1, 2, 3] = 2, total 38452, every matrix asymmetric. */
    @Test
    void readsThePassingNetworksAndScores() throws IOException {
        Path ppn = TestDatasets.require("geomstats/football_ppn.npy");
        NpyArray array = NpyReader.readArray(ppn);
        assertArrayEquals(new int[] {128, 11, 11}, array.shape());
        assertEquals(2.0, array.get(1, 2, 3));
        assertEquals(38452.0, array.sum());
        GraphDataset d = NpyReader.readAdjacencyStack(ppn);
        assertEquals(128, d.size());
        assertTrue(d.isDirected());
        assertEquals(2.0, d.graphs().get(1).edge(2, 3, 0));

        NpyArray scores = NpyReader.readArray(TestDatasets.require(
                "geomstats/football_scores.npy"));
        assertArrayEquals(new int[] {128}, scores.shape());
        assertEquals(169.0, scores.sum());
        assertEquals(2.0, scores.get(2));
    }

    // ---- synthetic files ------------------------------------------------------------------

    /** Writes a .npy file: version, dict literal, then the data bytes. */
    private Path npy(String name, int major, String dict, byte[] data) throws IOException {
        return NpyFiles.write(dir.resolve(name), major, dict, data);
    }

    private static String dict(String descr, boolean fortran, String shape) {
        return NpyFiles.dict(descr, fortran, shape);
    }

    /** Encodes the values 0, 1, ..., count-1 in one element type. */
    private static byte[] counting(String descr, int count) {
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN;
        int size = descr.charAt(2) - '0';
        ByteBuffer b = ByteBuffer.allocate(count * size).order(order);
        for (int k = 0; k < count; k++) {
            switch (descr.substring(1)) {
                case "f8" -> b.putDouble(k);
                case "f4" -> b.putFloat(k);
                case "i8", "u8" -> b.putLong(k);
                case "i4", "u4" -> b.putInt(k);
                case "i2", "u2" -> b.putShort((short) k);
                case "b1" -> b.put((byte) (k % 2));
                default -> b.put((byte) k);
            }
        }
        return b.array();
    }

    @Test
    void readsEveryElementTypeInBothByteOrders() throws IOException {
        List<String> types = List.of("<f8", ">f8", "<f4", ">f4", "<i8", ">i8", "<i4", ">i4",
                "<i2", ">u2", "<u4", ">u8", "|u1", "|i1");
        for (String type : types) {
            Path file = npy("t.npy", 1, dict(type, false, "(2, 3)"), counting(type, 6));
            NpyArray a = NpyReader.readArray(file);
            assertArrayEquals(new int[] {2, 3}, a.shape(), type);
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.values(), type);
            assertEquals(5.0, a.get(1, 2), type);
        }
        NpyArray bool = NpyReader.readArray(npy("b.npy", 1, dict("|b1", false, "(4,)"),
                counting("|b1", 4)));
        assertArrayEquals(new double[] {0, 1, 0, 1}, bool.values());
    }

    /**
     * 64-bit integers read exactly up to 2^53 in magnitude; beyond, where a double does not
     * hold every integer, they are refused (IntegersBeyondTwoTo53Test has the messages); the
     * 32-bit unsigned extreme reads as it is.
     */
    @Test
    void readsUnsignedExtremesAndNegativeIntegers() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(1L << 53).putLong(-(1L << 53));
        NpyArray unsigned = NpyReader.readArray(npy("u.npy", 1, dict("<u8", false, "(1,)"),
                Arrays.copyOf(b.array(), 8)));
        assertEquals(Math.pow(2, 53), unsigned.get(0));
        NpyArray signed = NpyReader.readArray(npy("i.npy", 1, dict("<i8", false, "(2,)"),
                b.array()));
        assertEquals(-Math.pow(2, 53), signed.get(1));
        ByteBuffer c = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        c.putLong(-1L);
        assertThrows(DatasetFormatException.class, () -> NpyReader.readArray(npy("m.npy", 1,
                dict("<u8", false, "(1,)"), c.array())));
        assertEquals(Math.pow(2, 32) - 1, NpyReader.readArray(npy("w.npy", 1, dict("<u4", false,
                "(2,)"), c.array())).get(0));
    }

    @Test
    void readsVersionsTwoAndThreeAndScalars() throws IOException {
        for (int major : new int[] {2, 3}) {
            NpyArray a = NpyReader.readArray(npy("v.npy", major, dict("<f8", false, "(3,)"),
                    counting("<f8", 3)));
            assertArrayEquals(new double[] {0, 1, 2}, a.values());
        }
        NpyArray scalar = NpyReader.readArray(npy("s.npy", 1, dict("<f8", false, "()"),
                counting("<f8", 1)));
        assertEquals(0, scalar.dimensions());
        assertEquals(1, scalar.size());
    }

    /** Column-major data 0..5 of shape (2, 3): C order is 0, 2, 4, 1, 3, 5. */
    @Test
    void convertsFortranOrderToCOrder() throws IOException {
        NpyArray a = NpyReader.readArray(npy("f.npy", 1, dict("<f8", true, "(2, 3)"),
                counting("<f8", 6)));
        assertArrayEquals(new double[] {0, 2, 4, 1, 3, 5}, a.values());
        assertEquals(3.0, a.get(1, 1));
    }

    @Test
    void symmetricStackIsUndirected() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2 * 9 * 8).order(ByteOrder.LITTLE_ENDIAN);
        double[] matrices = {0, 2, 0, 2, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (double v : matrices) {
            b.putDouble(v);
        }
        GraphDataset d = NpyReader.readAdjacencyStack(npy("sym.npy", 1,
                dict("<f8", false, "(2, 3, 3)"), b.array()));
        assertFalse(d.isDirected());
        assertEquals(2, d.graphs().get(0).edgeCount());
        assertEquals(5.0, d.graphs().get(0).edge(2, 1, 0));
        assertEquals(0, d.graphs().get(1).edgeCount());
        assertEquals(1.0, d.graphs().get(1).node(2, 0));
    }

    // ---- errors ---------------------------------------------------------------------------

    private static void assertFails(Path file, String text) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> NpyReader.readAdjacencyStack(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void rejectsANonZeroDiagonal() throws IOException {
        // Matrix 0 is [[0, 1], [2, 3]]: its first non-zero diagonal entry is (1, 1).
        byte[] data = counting("<f8", 8);
        assertFails(npy("d.npy", 1, dict("<f8", false, "(2, 2, 2)"), data),
                "matrix 0, diagonal entry (1, 1) is 3.0");
    }

    @Test
    void rejectsNonFiniteWeightsAndWrongShapes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(0).putDouble(Double.NaN).putDouble(1).putDouble(0);
        assertFails(npy("n.npy", 1, dict("<f8", false, "(1, 2, 2)"), b.array()),
                "entry (0, 1) is NaN");
        assertFails(npy("r.npy", 1, dict("<f8", false, "(1, 2, 3)"), counting("<f8", 6)),
                "expected a 3-dimensional array N x n x n");
        assertFails(npy("m.npy", 1, dict("<f8", false, "(4,)"), counting("<f8", 4)),
                "shape [4]");
    }

    @Test
    void rejectsBadMagicVersionTypeHeaderAndLength() throws IOException {
        Files.writeString(dir.resolve("text.npy"), "not numpy at all");
        assertFails(dir.resolve("text.npy"), "magic string");
        Path v9 = npy("v9.npy", 1, dict("<f8", false, "(1,)"), counting("<f8", 1));
        byte[] bytes = Files.readAllBytes(v9);
        bytes[6] = 9;
        Files.write(v9, bytes);
        assertFails(v9, "version 9.0");
        assertFails(npy("c.npy", 1, dict("<c16", false, "(1,)"), new byte[16]),
                "element type '<c16' is not supported");
        assertFails(npy("o.npy", 1, dict("|O", false, "(1,)"), new byte[8]), "'|O'");
        assertFails(npy("s.npy", 1, "{'descr': [('a', '<f8')], 'fortran_order': False,"
                + " 'shape': (1,), }", new byte[8]), "structured");
        assertFails(npy("h.npy", 1, "{'descr': '<f8', 'shape': (1,), }", new byte[8]),
                "lacks descr");
        assertFails(npy("t.npy", 1, dict("<f8", false, "(1, 2, 2)"), new byte[24]),
                "data ends after 24 data bytes; expected 32");
        assertFails(npy("l.npy", 1, dict("<f8", false, "(1, 2, 2)"), new byte[40]),
                "file goes on");
    }

    @Test
    void rejectsAMissingFile() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> NpyReader.readArray(dir.resolve("none.npy")));
        assertTrue(e.getMessage().startsWith("no such file or folder: "), e.getMessage());
    }
}
