package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a column of the JDK's XML parser into a column of characters. The parser counts a
 * column in UTF-16 units, so an emoji before the place counts twice, where every reader of
 * the project counts characters (code points); the column is recounted on the text of its
 * line, which is decoded from the file the first time a column is asked for (only when a
 * refusal is built, so a file that reads is not decoded twice).
 *
 * <p>Limitations: the file is read again from disk for the recount; when it can no longer be
 * read, or has fewer lines than the parser's line, the parser's column is given as it is. A
 * line ends at a line feed, a carriage return and line feed, or a carriage return, as in XML
 * 1.0; XML 1.1's further line ends (U+0085, U+2028) are not counted. A byte-order mark at the
 * start is not a column, as the parser does not count it. On a line that follows a lone
 * carriage return the parser's column is one short (a tester, with ASCII text too), and so is
 * the recount.
 */
final class XmlColumns {

    private final Path file;
    private String text;
    /** Where each line of the text starts, line 1 first. */
    private int[] lineStarts;
    private boolean loaded;

    /**
     * @param file the XML file the parser read
     */
    XmlColumns(Path file) {
        this.file = file;
    }

    /**
     * The column in characters of a place the parser gives in UTF-16 units; a column past the
     * end of its line keeps the units beyond the end as they are.
     *
     * @param line the parser's line, from 1
     * @param column the parser's column, from 1; 0 or less when unknown
     * @return the column, from 1, counted in code points; the column itself when unknown
     */
    int column(int line, int column) {
        if (line <= 0 || column <= 0 || !load() || line > lineStarts.length) {
            return column;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        int units = column - 1;
        int within = Math.min(units, end - start);
        return text.codePointCount(start, start + within) + units - within + 1;
    }

    /**
     * Reads the file's text in the encoding the parser read it in, without a byte-order mark,
     * and finds where its lines start; returns whether it could.
     */
    private boolean load() {
        if (!loaded) {
            loaded = true;
            try {
                byte[] bytes = Files.readAllBytes(file);
                String decoded = new String(bytes, IamDatasetReader.xmlEncoding(bytes));
                text = decoded.startsWith("\ufeff") ? decoded.substring(1) : decoded;
            } catch (IOException | RuntimeException e) {
                return false;
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '\n' || c == '\r' && !text.startsWith("\n", k + 1)) {
                    starts.add(k + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        return text != null;
    }
}
