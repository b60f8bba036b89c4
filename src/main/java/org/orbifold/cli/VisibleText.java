package org.orbifold.cli;

import java.io.PrintWriter;
import java.io.Writer;
import org.orbifold.io.TextFiles;

/**
 * Shows control characters that data puts into text output and error messages (a tab or an
 * escape character in a class label or a graph name) as escapes, so that they can neither
 * move the columns of a report nor drive the terminal: a tab as {@code \t}, a line feed as
 * {@code \n}, a carriage return as {@code \r}, any other C0 or
 * C1 control character and DEL as a backslash, {@code u} and four hexadecimal digits, as in
 * JSON (an escape character as {@code u001b} after the backslash). Characters that look like
 * a space or like nothing are escaped the same way, so that a label or a name that holds one
 * can be told from one without it: every space or white-space character other than the
 * space U+0020 (a no-break space U+00A0 as {@code u00a0} after the backslash), every
 * invisible format character ({@link Character#FORMAT}, such as the zero-width space U+200B
 * and the byte-order mark U+FEFF) and every noncharacter (U+FDD0 to U+FDEF, and U+FFFE,
 * U+FFFF and the last two code points of every other plane,
 * {@link TextFiles#isNoncharacter}), which no font draws (beyond U+FFFF, such as the tag
 * characters from U+E0001 or the noncharacter U+1FFFE,
 * as one escape of a backslash, a capital {@code U} and eight hexadecimal digits,
 * {@link TextFiles#shownCodePoint}, the style of the readers' messages). The text writer
 * ({@link #writer}) cannot tell the report's own line breaks from those of data, so it passes
 * line feeds (and a carriage return before one) and escapes every other carriage return; the
 * commands escape the data values and the paths they print ({@link #escape}: the data set,
 * the files written, a covariates or split file), line feeds included.
 * JSON output needs none of this: it keeps the real string, and its writer escapes control
 * characters inside strings.
 */
final class VisibleText {

    /**
     * Longest attribute name, category or class label (in characters, code points) that a
     * text report shows whole; a longer one is cut there and its length given
     * ({@link #abbreviate}).
     */
    static final int MAX_NAME_SHOWN = 40;

    private VisibleText() {
    }

    /**
     * Returns a text of at most {@link #MAX_NAME_SHOWN} characters (code points) as it is,
     * and a longer one as its first {@link #MAX_NAME_SHOWN} characters, {@code ...} and its
     * length, {@code xxxx... (1000000 characters)}, so that a long value of the data does
     * not make a report line of a megabyte. JSON output keeps the whole text.
     *
     * @param text any text
     * @return the text, or its abbreviation
     */
    static String abbreviate(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= MAX_NAME_SHOWN) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_NAME_SHOWN)) + "... ("
                + length + " characters)";
    }

    /**
     * Returns the text with every control, space-like, format and noncharacter escaped
     * ({@link TextFiles#isHidden}), line breaks included (for a message of one line).
     *
     * @param text any text
     * @return the text with those characters escaped
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            append(b, codePoint);
            i += Character.charCount(codePoint);
        }
        return b.toString();
    }

    /**
     * Returns the text with the escapes that text output writes read back: {@code \t},
     * {@code \n}, {@code \r}, a backslash, {@code u} and four hexadecimal digits (which
     * {@link #escape} writes for hidden characters and standard output for characters its
     * charset cannot encode, see {@link StandardOutput}; two such escapes of the halves of a
     * surrogate pair make one character), and a backslash, a capital {@code U} and eight
     * hexadecimal digits of a code point up to U+10FFFF (which {@link #escape} writes for a
     * hidden character beyond U+FFFF) become the characters they stand for; every other
     * backslash is kept.
     *
     * @param text text as a user typed it from a report
     * @return the text with those escapes replaced
     */
    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\\' && (next == 't' || next == 'n' || next == 'r')) {
                b.append(next == 't' ? '\t' : next == 'n' ? '\n' : '\r');
                i++;
            } else if (c == '\\' && next == 'u' && i + 6 <= text.length()
                    && text.substring(i + 2, i + 6).chars().allMatch(VisibleText::isHexDigit)) {
                b.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && next == 'U' && i + 10 <= text.length()
                    && text.substring(i + 2, i + 10).chars().allMatch(VisibleText::isHexDigit)
                    && Integer.parseInt(text.substring(i + 2, i + 10), 16)
                    <= Character.MAX_CODE_POINT) {
                b.appendCodePoint(Integer.parseInt(text.substring(i + 2, i + 10), 16));
                i += 9;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Returns the number of characters the text takes once shown: the length of its escaped
     * form ({@link #escape}), so that columns padded by it stay aligned when a label holds a
     * tab or an escape character.
     *
     * @param text any text
     * @return the length of the escaped text
     */
    static int width(String text) {
        return escape(text).length();
    }

    /**
     * Returns a writer that passes line feeds, and a carriage return written just before a
     * line feed, and escapes every other character that {@link #escape} escapes (a carriage
     * return of data, which would move the terminal's cursor to the line's start, included)
     * before writing to {@code out}. It adds no
     * buffer: what it is given reaches {@code out} at once.
     *
     * @param out where the text goes
     * @return a writer over it
     */
    static PrintWriter writer(Writer out) {
        return new PrintWriter(new FilteredWriter(out, text -> {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                if (c == '\n' || c == '\r' && i + 1 < text.length()
                        && text.charAt(i + 1) == '\n') {
                    b.append((char) c);
                } else {
                    append(b, c);
                }
                i += Character.charCount(c);
            }
            return b.toString();
        }));
    }

    private static void append(StringBuilder b, int codePoint) {
        if (codePoint >= ' ' && codePoint < 0x7f) {
            b.append((char) codePoint);
        } else {
            b.append(TextFiles.shownCodePoint(codePoint, other -> false));
        }
    }
}
