package org.orbifold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Checks, for tests, that a Java snippet of the README is made of lines of a source file. */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /**
     * Asserts that {@code README.md} has a {@code java} code block whose first line passes
     * {@code firstLine}, and that every line of the first such block, stripped of surrounding
     * white space, is a line of {@code source}, likewise stripped.
     *
     * @param source the file the snippet quotes, relative to the checkout
     * @param firstLine picks the snippet by its first line
     * @param what what the snippet shows, for the failure message
     * @return the number of lines of the snippet
     * @throws IOException if a file cannot be read
     */
    public static int quotedLines(Path source, Predicate<String> firstLine, String what)
            throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<String> lines = Files.readAllLines(source).stream().map(String::strip).toList();
        int at = -1;
        for (int k = 0; k + 1 < readme.size() && at < 0; k++) {
            if (readme.get(k).equals("```java") && firstLine.test(readme.get(k + 1))) {
                at = k;
            }
        }
        assertTrue(at >= 0, "the README has no Java snippet on " + what);
        int count = 0;
        for (String line : readme.subList(at + 1, readme.size())) {
            if (line.startsWith("```")) {
                break;
            }
            assertTrue(lines.contains(line.strip()), source.getFileName() + " lacks the"
                    + " README's '" + line + "'");
            count++;
        }
        return count;
    }
}
