package org.orbifold.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the text files of the readers (and other one-item-a-line files, such as the split
 * lists of {@code orbifold classify}) and refuses bytes that are not text in the file's
 * encoding with the file, the line and the column, where a decoder alone says no more than
 * {@code Input length = 1}: {@code "nu.smi, line 1: is not UTF-8 text (byte 0xE9 at column 3);
 * convert the file to UTF-8"}. A NUL byte, which no text file of the library holds, is
 * refused the same way, as the sign of UTF-16 or UTF-32 text without a byte-order mark.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextFiles {

    /** The byte-order mark U+FEFF, which UTF-8 writes as EF BB BF at the start of a file. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private TextFiles() {
    }

    /**
     * Reads the lines of a UTF-8 file as {@link Files#readAllLines(Path)} does (a line ends at
     * {@code \n}, {@code \r\n} or {@code \r}, a last line needs no end), without the
     * byte-order mark {@code U+FEFF} at the start of the first line if there is one.
     *
     * @param file the file
     * @return its lines, in a list that the caller may change
     * @throws DatasetFormatException if the file holds a byte sequence that is not UTF-8, or
     *     a NUL byte (as UTF-16 text without a byte-order mark does), naming the line and
     *     column of the first
     * @throws IOException if the file cannot be read
     */
    public static List<String> readUtf8Lines(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text = decode(file, Files.readAllBytes(file), StandardCharsets.UTF_8,
                "convert the file to UTF-8");
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            lines = reader.lines().collect(Collectors.toCollection(ArrayList::new));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!lines.isEmpty() && lines.get(0).startsWith(BYTE_ORDER_MARK)) {
            lines.set(0, lines.get(0).substring(BYTE_ORDER_MARK.length()));
        }
        return lines;
    }

    /**
     * Decodes the bytes of a file, refusing a malformed byte sequence, or a byte that the
     * charset maps to no character (0x81 in windows-1252), with the message
     * {@code "FILE, line L: is not CHARSET text (byte 0xE9 at column C); HINT"}. (The XML
     * parser's decoders would read such a byte as the replacement character U+FFFD.) A NUL
     * character U+0000 is refused too, with {@code "FILE, line L, column C: holds a NUL byte
     * (U+0000) ..."}: no text format of the library holds one, and in a file read as UTF-8 or
     * another single-byte-based encoding it is the sign of UTF-16 or UTF-32 text without a
     * byte-order mark (each ASCII character then comes with zero bytes, which decode as NUL
     * characters beside it and would pass into labels unseen) or of binary data.
     *
     * @param file the file, for the message
     * @param bytes its bytes
     * @param charset the encoding they should be in
     * @param hint what to do about a malformed sequence, such as
     *     {@code "convert the file to UTF-8"}
     * @return the text
     * @throws DatasetFormatException at the line of the first malformed or unmappable byte
     *     sequence, or at the line and column of the first NUL character
     */
    static String decode(Path file, byte[] bytes, Charset charset, String hint)
            throws DatasetFormatException {
        String packed = compression(bytes);
        if (packed != null) {
            throw new DatasetFormatException(file, 1, "is " + packed + " (first bytes "
                    + firstBytes(bytes, packed.startsWith("an xz") ? 6 : 2)
                    + "), not text; decompress it first and give the file it holds");
        }
        String wide = charset.equals(StandardCharsets.UTF_8) ? byteOrderMark(bytes) : null;
        if (wide != null) {
            throw new DatasetFormatException(file, 1, "is " + wide + " text (byte-order mark "
                    + firstBytes(bytes, wide.startsWith("UTF-32") ? 4 : 2) + "), not UTF-8;"
                    + " convert the file to UTF-8");
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            byte bad = bytes[Math.min(in.position(), bytes.length - 1)];
            throw notText(file, out.flip(), bad, charset.name(), hint);
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int[] at = position(text.substring(0, nul));
            boolean wideText = charset.name().startsWith("UTF-16")
                    || charset.name().startsWith("UTF-32");
            throw new DatasetFormatException(file, at[0], at[1], wideText
                    ? "holds the character U+0000 (NUL), which no text holds; " + hint
                    : "holds a NUL byte (U+0000), which no text file of the library holds;"
                    + " the file looks like UTF-16 or UTF-32 text without a byte-order mark,"
                    + " or binary data; convert the file to UTF-8");
        }
        return text;
    }

    /**
     * Names the compression or archive format that a file's first bytes announce: gzip
     * ({@code 1F 8B}), zip ({@code PK} and 03 04, 05 06 or 07 08), bzip2 ({@code BZh}), xz
     * ({@code FD 37 7A 58 5A 00}) or Zstandard ({@code 28 B5 2F FD}); none of these starts a
     * text file (UTF-8 bytes 0x8B, 0xB5 and 0xFD never come first, and a text that begins
     * {@code PK} with a control character after it is no data file of this library).
     *
     * @param bytes the file's bytes, or its first bytes (at least 6 to tell them all)
     * @return {@code "gzip-compressed"}, {@code "a zip archive"}, {@code "bzip2-compressed"},
     *     {@code "an xz-compressed file"} or {@code "Zstandard-compressed"}; null for none
     */
    static String compression(byte[] bytes) {
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return "gzip-compressed";
        }
        if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6)
                || startsWith(bytes, 'P', 'K', 7, 8)) {
            return "a zip archive";
        }
        if (startsWith(bytes, 'B', 'Z', 'h') && bytes.length > 3 && bytes[3] >= '1'
                && bytes[3] <= '9') {
            return "bzip2-compressed";
        }
        if (startsWith(bytes, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return "an xz-compressed file";
        }
        if (startsWith(bytes, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "Zstandard-compressed";
        }
        return null;
    }

    /**
     * Names the UTF-16 or UTF-32 encoding whose byte-order mark starts the bytes: {@code
     * "UTF-32LE"} for FF FE 00 00, {@code "UTF-32BE"} for 00 00 FE FF, {@code "UTF-16LE"} for
     * FF FE and {@code "UTF-16BE"} for FE FF; null for none.
     */
    private static String byteOrderMark(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE, 0, 0)) {
            return "UTF-32LE";
        }
        if (startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            return "UTF-32BE";
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        return startsWith(bytes, 0xFE, 0xFF) ? "UTF-16BE" : null;
    }

    private static boolean startsWith(byte[] bytes, int... start) {
        if (bytes.length < start.length) {
            return false;
        }
        for (int k = 0; k < start.length; k++) {
            if ((bytes[k] & 0xFF) != start[k]) {
                return false;
            }
        }
        return true;
    }

    /** The first bytes in hexadecimal, such as {@code "1F 8B"}. */
    private static String firstBytes(byte[] bytes, int count) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < Math.min(count, bytes.length); k++) {
            b.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X",
                    bytes[k] & 0xFF));
        }
        return b.toString();
    }

    /**
     * The refusal of a malformed byte: its line and column follow from the text decoded
     * before it, in which a line ends at {@code \n}, {@code \r\n} or {@code \r}; a byte-order
     * mark at the start of the file is not counted as a column.
     */
    private static DatasetFormatException notText(Path file, CharSequence before, byte bad,
            String charset, String hint) {
        int[] at = position(before);
        return new DatasetFormatException(file, at[0], "is not " + charset + " text (byte 0x"
                + String.format(Locale.ROOT, "%02X", bad & 0xFF) + " at column " + at[1]
                + "); " + hint);
    }

    /**
     * The 1-based line and column of the character that follows a file's text so far, in which
     * a line ends at {@code \n}, {@code \r\n} or {@code \r}; a column counts code points, and
     * a byte-order mark at the start of the file is not counted as a column.
     *
     * @return the line and the column
     */
    private static int[] position(CharSequence before) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < before.length(); k++) {
            char c = before.charAt(k);
            if (c == '\n' || c == '\r' && (k + 1 == before.length()
                    || before.charAt(k + 1) != '\n')) {
                line++;
                lineStart = k + 1;
            }
        }
        String start = before.subSequence(lineStart, before.length()).toString();
        if (line == 1 && start.startsWith(BYTE_ORDER_MARK)) {
            start = start.substring(BYTE_ORDER_MARK.length());
        }
        return new int[] {line, start.codePointCount(0, start.length()) + 1};
    }

    /**
     * Removes the padding around a value or a line: spaces, tabs, line feeds and carriage
     * returns. Every other character is kept, so a label that starts or ends with a control
     * character such as U+001C..U+001F (the file, group, record and unit separators) or a
     * Unicode space keeps it, where {@link String#strip} and {@link String#trim} take those for
     * white space.
     *
     * @param text any text
     * @return the text without the padding at either end
     */
    public static String unpad(String text) {
        Objects.requireNonNull(text, "text");
        int from = 0;
        int to = text.length();
        while (from < to && isPadding(text.charAt(from))) {
            from++;
        }
        while (to > from && isPadding(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /**
     * Removes the padding ({@link #unpad}) at the end of a text only, such as the spaces after
     * the last column of a report line or the line break after its last line.
     *
     * @param text any text
     * @return the text without the padding at its end
     */
    public static String unpadEnd(String text) {
        Objects.requireNonNull(text, "text");
        int to = text.length();
        while (to > 0 && isPadding(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(0, to);
    }

    /**
     * Whether a character is a C0 or C1 control character or DEL.
     *
     * @param c any character
     * @return true for U+0000..U+001F and U+007F..U+009F
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /**
     * Whether a character cannot be seen for what it is when shown, so that output meant to
     * be read (the command line's text, the labels of a drawing) shows it as an escape: a
     * control character ({@link #isControl}), a space or white-space character other than the
     * space U+0020 (such as a tab or a no-break space), an invisible format character
     * ({@link Character#FORMAT}, such as the zero-width space U+200B and the byte-order mark
     * U+FEFF), or a noncharacter ({@link #isNoncharacter}, such as U+FFFE, which no font
     * draws and XML cannot hold).
     *
     * @param c any character
     * @return whether the character is shown escaped
     */
    public static boolean isHidden(char c) {
        return isHidden((int) c);
    }

    /**
     * Whether a code point cannot be seen for what it is when shown: as {@link #isHidden(char)}
     * says, for characters beyond U+FFFF too (the tag characters U+E0001 to U+E007F are
     * invisible format characters). A surrogate (half of a pair, alone) is not hidden.
     *
     * @param codePoint any code point
     * @return whether the code point is shown escaped
     */
    public static boolean isHidden(int codePoint) {
        return codePoint <= Character.MAX_VALUE && isControl((char) codePoint)
                || (codePoint != ' ' && (Character.isSpaceChar(codePoint)
                || Character.isWhitespace(codePoint)))
                || Character.getType(codePoint) == Character.FORMAT
                || isNoncharacter(codePoint);
    }

    /**
     * Whether a code point is one of Unicode's 66 noncharacters, set aside for a program's
     * own use and never meant for interchange: U+FDD0 to U+FDEF, and the last two code points
     * of every plane (U+FFFE and U+FFFF, U+1FFFE and U+1FFFF, up to U+10FFFE and U+10FFFF).
     *
     * @param codePoint any code point
     * @return whether it is a noncharacter
     */
    public static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF
                || codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT
                && (codePoint & 0xFFFE) == 0xFFFE;
    }

    /**
     * Returns a character as output meant to be read shows it: a tab, a line feed and a
     * carriage return as a backslash and {@code t}, {@code n} or {@code r}; any other
     * character that {@link #isHidden} or that {@code alsoEscaped} accepts as a backslash,
     * {@code u} and four lower-case hexadecimal digits; every other character as itself.
     * A character is one UTF-16 unit here; for text use {@link #shownCodePoint}, which shows
     * a character beyond U+FFFF as one escape.
     *
     * @param c any character
     * @param alsoEscaped characters escaped besides the hidden ones (for a drawing, those that
     *     well-formed XML cannot hold)
     * @return the character or its escape
     */
    public static String shown(char c, Predicate<Character> alsoEscaped) {
        Objects.requireNonNull(alsoEscaped, "alsoEscaped");
        return shownCodePoint(c, cp -> alsoEscaped.test((char) cp));
    }

    /**
     * Returns a code point as output meant to be read shows it, by the project's one rule of
     * escapes (that of Python's {@code repr}): a tab, a line feed and a carriage return as a
     * backslash and {@code t}, {@code n} or {@code r}; any other code point that
     * {@link #isHidden(int)} or that {@code alsoEscaped} accepts as a backslash, {@code u}
     * and four lower-case hexadecimal digits up to U+FFFF (a surrogate alone included), and
     * as a backslash, a capital {@code U} and eight lower-case hexadecimal digits beyond it,
     * so that an emoji U+1F600 is one escape ({@code U0001f600} after the backslash), not two
     * of its surrogate halves; every other code point as itself.
     *
     * @param codePoint any code point, as {@link String#codePointAt} reads it
     * @param alsoEscaped code points escaped besides the hidden ones (for messages, all
     *     outside printable ASCII)
     * @return the character or its escape
     */
    public static String shownCodePoint(int codePoint, IntPredicate alsoEscaped) {
        Objects.requireNonNull(alsoEscaped, "alsoEscaped");
        if (codePoint == '\t') {
            return "\\t";
        }
        if (codePoint == '\n') {
            return "\\n";
        }
        if (codePoint == '\r') {
            return "\\r";
        }
        if (isHidden(codePoint) || alsoEscaped.test(codePoint)) {
            return codePoint <= Character.MAX_VALUE
                    ? String.format(Locale.ROOT, "\\u%04x", codePoint)
                    : String.format(Locale.ROOT, "\\U%08x", codePoint);
        }
        return new String(Character.toChars(codePoint));
    }

    /**
     * Returns a text as output meant to be read shows it: every code point as
     * {@link #shownCodePoint} shows it (a character beyond U+FFFF as one escape), with no
     * character escaped besides the hidden ones.
     *
     * @param text any text
     * @return the text with its hidden characters escaped
     */
    public static String shown(String text) {
        return shown(text, cp -> false);
    }

    /**
     * Returns a text with every code point shown as {@link #shownCodePoint} shows it.
     *
     * @param text any text
     * @param alsoEscaped code points escaped besides the hidden ones
     * @return the text with its hidden characters, and those {@code alsoEscaped} accepts,
     *     escaped
     */
    public static String shown(String text, IntPredicate alsoEscaped) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alsoEscaped, "alsoEscaped");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            out.append(shownCodePoint(codePoint, alsoEscaped));
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
