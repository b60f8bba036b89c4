package org.orbifold.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes NumPy {@code .npy} files for the tests of the readers that take them. */
final class NpyFiles {

    private NpyFiles() {
    }

    /**
     * Writes a {@code .npy} file: the magic string, the format version, the header (the dict
     * literal padded with spaces and a line break to a multiple of 64 bytes), then the data.
     *
     * @param file the file to write
     * @param major the format version, 1 (a 2-byte header length) or 2 (4 bytes)
     * @param dict the header's dict literal ({@link #dict})
     * @param data the data bytes as they follow the header
     * @return the file
     */
    static Path write(Path file, int major, String dict, byte[] data) throws IOException {
        int preamble = major == 1 ? 10 : 12;
        StringBuilder header = new StringBuilder(dict);
        while ((preamble + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer pre = ByteBuffer.allocate(preamble).order(ByteOrder.LITTLE_ENDIAN);
        pre.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        pre.put((byte) major).put((byte) 0);
        if (major == 1) {
            pre.putShort((short) text.length);
        } else {
            pre.putInt(text.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pre.array());
        out.write(text);
        out.write(data);
        return Files.write(file, out.toByteArray());
    }

    /** The header's dict literal for the given dtype, memory order and shape. */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
    }
}
