package org.orbifold.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Standard output as {@link Main#main} opens it: a writer of text in the platform's charset
 * (as the reports are written) that also lets a command write a document in UTF-8 whatever
 * that charset is ({@link #printUtf8}), so that an SVG document, which declares UTF-8, keeps
 * its non-ASCII characters under a locale such as {@code LC_ALL=C}.
 *
 * <p>A character the charset cannot encode (an accented letter under {@code LC_ALL=C}) is
 * written as a backslash, {@code u} and four hexadecimal digits, each half of a surrogate
 * pair on its own, instead of the {@code ?} Java's encoder would put there: a report then
 * shows it as {@link VisibleText} shows hidden characters, and {@code --json} output stays
 * the same JSON, since inside a JSON string that escape stands for the character itself
 * (characters outside strings are all ASCII).
 *
 * <p><b>Limitations.</b> A character beyond U+FFFF that the charset cannot encode (an emoji
 * under {@code LC_ALL=C}) is therefore written as the two escapes of its surrogate halves,
 * the only form JSON has, where the readers' messages and {@link VisibleText#escape} write
 * one escape of a capital {@code U} and eight hexadecimal digits
 * ({@code org.orbifold.io.TextFiles.shownCodePoint}); this writer cannot tell a text report
 * from JSON. {@link VisibleText#unescape} reads both forms back.
 */
final class StandardOutput extends PrintWriter {

    private final OutputStream bytes;

    /**
     * Opens a writer of text in {@code charset} on {@code bytes}, flushing at each line.
     *
     * @param bytes the stream, such as {@code System.out}
     * @param charset the charset of text
     */
    StandardOutput(OutputStream bytes, Charset charset) {
        super(encodable(new OutputStreamWriter(bytes, charset), charset), true);
        this.bytes = bytes;
    }

    /**
     * Flushes and returns whether a write failed, here or in the stream below: a
     * {@link PrintStream} such as {@code System.out} records its own failures instead of
     * passing them on.
     */
    @Override
    public boolean checkError() {
        return super.checkError() || bytes instanceof PrintStream stream && stream.checkError();
    }

    /**
     * Returns a writer that passes every character the charset can encode and writes each
     * other one as its escape (a backslash, {@code u} and four hexadecimal digits), so that no
     * character turns into {@code ?}.
     *
     * @param out the writer in that charset
     * @param charset the charset of {@code out}
     * @return the escaping writer
     */
    static Writer encodable(Writer out, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        return new FilteredWriter(out, text -> {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80 || !Character.isSurrogate(c) && encoder.canEncode(c)) {
                    b.append(c);
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && encoder.canEncode(text.substring(i, i + 2))) {
                    b.append(c).append(text.charAt(++i));
                } else {
                    b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
            return b.toString();
        });
    }

    /**
     * Writes a document as UTF-8 bytes: on a {@code StandardOutput}, the text written so far
     * is flushed and the bytes go to its stream as they are; any other writer (one of
     * characters, as tests give) gets the characters. A failed write sets the writer's error
     * state, as {@link PrintWriter} does.
     *
     * @param w the writer
     * @param document the document
     */
    static void printUtf8(PrintWriter w, String document) {
        if (w instanceof StandardOutput standard) {
            standard.flush();
            try {
                standard.bytes.write(document.getBytes(StandardCharsets.UTF_8));
                standard.bytes.flush();
            } catch (IOException e) {
                standard.setError();
            }
            return;
        }
        w.print(document);
        w.flush();
    }
}
