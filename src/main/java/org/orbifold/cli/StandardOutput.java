package org.orbifold.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as {@link Main#main} opens it: a writer of text in the platform's charset
 * (as the reports are written) that also lets a command write a document in UTF-8 whatever
 * that charset is ({@link #printUtf8}), so that an SVG document, which declares UTF-8, keeps
 * its non-ASCII characters under a locale such as {@code LC_ALL=C}.
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
        super(new OutputStreamWriter(bytes, charset), true);
        this.bytes = bytes;
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
