package org.orbifold.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * A writer that passes each piece of text it is given through a filter before writing it to
 * the writer below: a single character, a part of an array or a part of a string alike. The
 * filter sees one piece at a time, so a rule that looks at the next character (a carriage
 * return before a line feed, the second half of a surrogate pair) sees it only within the
 * piece; {@link java.io.PrintWriter} hands over whole strings, so the rules of its callers
 * hold. It adds no buffer.
 */
final class FilteredWriter extends FilterWriter {

    private final UnaryOperator<String> filter;

    /**
     * Creates the writer.
     *
     * @param out where the filtered text goes
     * @param filter the change applied to every piece of text
     */
    FilteredWriter(Writer out, UnaryOperator<String> filter) {
        super(out);
        this.filter = filter;
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(filter.apply(text.substring(offset, offset + length)));
    }
}
