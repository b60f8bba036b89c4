package org.orbifold.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the Unix file modes that a zip file's central directory records for its entries, which
 * {@link java.util.zip.ZipFile} does not expose; {@link TuDatasetFetcher} uses them to refuse
 * symbolic links. The layout is that of PKWARE's APPNOTE.TXT (section 4.3): the end of
 * central directory record (signature {@code PK 5 6}), for large archives the Zip64 record
 * it points to (section 4.3.14), and one header per entry (signature {@code PK 1 2}) whose
 * "version made by" names the system (3 for Unix) and whose external attributes hold the
 * Unix mode in their upper 16 bits.
 *
 * <p>The end record is the last one whose comment length reaches the end of the file, so a
 * comment that holds the bytes of another end record does not hide the real directory.
 *
 * <p><b>Limitations.</b> Names are decoded as UTF-8, as {@code ZipFile} decodes them by
 * default. An archive whose directory cannot be found gets an empty map (the reading by
 * {@code ZipFile} then reports the damage). With trailing bytes after the end record, the
 * last end signature is taken, which need not be the record {@code ZipFile} settles on.
 */
final class ZipModes {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_SIZE = 46;
    private static final int UNIX = 3;

    private ZipModes() {
    }

    /**
     * Returns the Unix mode of every entry made on Unix, by entry name.
     *
     * @param zip the zip file
     * @return the modes; empty when the directory cannot be found
     * @throws IOException if the file cannot be read
     */
    static Map<String, Integer> read(Path zip) throws IOException {
        Map<String, Integer> modes = new HashMap<>();
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            return read(channel, modes);
        } catch (EOFException e) {
            return modes;
        }
    }

    /** Adds the modes of the entries of the open zip file to {@code modes}. */
    private static Map<String, Integer> read(FileChannel channel, Map<String, Integer> modes)
            throws IOException {
        long size = channel.size();
        if (size < END_SIZE) {
            return modes;
        }

        // The end record: the last signature within the largest comment's reach whose comment
        // ends where the file ends (a comment can hold the bytes of a false end record, which
        // ZipFile passes over), else the last signature.
        int tail = (int) Math.min(size, END_SIZE + 0xFFFF);
        ByteBuffer end = readAt(channel, size - tail, tail);
        int at = -1;
        for (int i = tail - END_SIZE; i >= 0; i--) {
            if (end.getInt(i) != END_SIGNATURE) {
                continue;
            }
            if (at < 0) {
                at = i;
            }
            if (i + END_SIZE + (end.getShort(i + 20) & 0xFFFF) == tail) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return modes;
        }
        long directorySize = Integer.toUnsignedLong(end.getInt(at + 12));
        long directoryOffset = Integer.toUnsignedLong(end.getInt(at + 16));

        // Zip64: the locator just before the end record points at the larger record.
        long endOffset = size - tail + at;
        if (directoryOffset == 0xFFFFFFFFL && endOffset >= 20) {
            ByteBuffer locator = readAt(channel, endOffset - 20, 20);
            long end64Offset = locator.getLong(8);
            if (locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE && end64Offset >= 0
                    && end64Offset + 56 <= size) {
                ByteBuffer end64 = readAt(channel, end64Offset, 56);
                if (end64.getInt(0) != ZIP64_END_SIGNATURE) {
                    return modes;
                }
                directorySize = end64.getLong(40);
                directoryOffset = end64.getLong(48);
            }
        }
        if (directoryOffset < 0 || directorySize < 0 || directorySize > Integer.MAX_VALUE
                || directoryOffset + directorySize > size) {
            return modes;
        }

        // The entries' headers.
        ByteBuffer directory = readAt(channel, directoryOffset, (int) directorySize);
        int i = 0;
        while (i + ENTRY_SIZE <= directorySize && directory.getInt(i) == ENTRY_SIGNATURE) {
            int system = (directory.getShort(i + 4) >> 8) & 0xFF;
            int nameLength = directory.getShort(i + 28) & 0xFFFF;
            int extraLength = directory.getShort(i + 30) & 0xFFFF;
            int commentLength = directory.getShort(i + 32) & 0xFFFF;
            int attributes = directory.getInt(i + 38);
            if (i + ENTRY_SIZE + nameLength > directorySize) {
                break;
            }
            byte[] name = new byte[nameLength];
            directory.get(i + ENTRY_SIZE, name);
            if (system == UNIX) {
                modes.put(new String(name, StandardCharsets.UTF_8), attributes >>> 16);
            }
            i += ENTRY_SIZE + nameLength + extraLength + commentLength;
        }
        return modes;
    }

    /** Reads bytes at a position; fails with an end-of-file error when the file is shorter. */
    private static ByteBuffer readAt(FileChannel channel, long position, int length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the zip file ends inside its directory");
            }
        }
        return buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}
