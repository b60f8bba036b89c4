package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterDrawingsTest {

    private static final Path COMMITTED = Path.of("datasets", "letters");

    private static final List<String> FILES = List.of("LETTERS_A.txt",
            "LETTERS_graph_indicator.txt", "LETTERS_graph_labels.txt",
            "LETTERS_node_attributes.txt");

    @Test
    void regeneratingWithTheDocumentedSeedReproducesTheCommittedFilesByteForByte(
            @TempDir Path dir) throws IOException {
        LetterDrawings.write(dir, LetterDrawings.DEFAULT_SEED,
                LetterDrawings.DEFAULT_DRAWINGS_PER_LETTER);

        for (String name : FILES) {
            assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(name)),
                    Files.readAllBytes(dir.resolve(name)), name + " differs from a fresh run");
        }
    }

    @Test
    void everyDrawingHasFourToNineNodesAndTheLettersAreBalanced() throws IOException {
        List<String> indicator = Files.readAllLines(COMMITTED.resolve(FILES.get(1)));
        List<String> labels = Files.readAllLines(COMMITTED.resolve(FILES.get(2)));
        int[] order = new int[labels.size() + 1];
        for (String line : indicator) {
            order[Integer.parseInt(line.trim())]++;
        }
        for (int g = 1; g < order.length; g++) {
            assertTrue(order[g] >= LetterDrawings.MIN_ORDER && order[g] <= LetterDrawings.MAX_ORDER,
                    "graph " + g + " has " + order[g] + " nodes");
        }

        Map<String, Integer> perClass = new HashMap<>();
        for (String label : labels) {
            perClass.merge(label, 1, Integer::sum);
        }
        assertEquals(LetterDrawings.letters().size(), perClass.size());
        for (int count : perClass.values()) {
            assertEquals(LetterDrawings.DEFAULT_DRAWINGS_PER_LETTER, count);
        }
    }

    @Test
    void adjacencyIsSymmetricAndStaysInsideEachGraph() throws IOException {
        List<String> indicator = Files.readAllLines(COMMITTED.resolve(FILES.get(1)));
        List<String> edges = Files.readAllLines(COMMITTED.resolve(FILES.get(0)));
        Set<String> pairs = new HashSet<>(edges);
        for (String edge : edges) {
            String[] ends = edge.split(", ");
            int i = Integer.parseInt(ends[0]);
            int j = Integer.parseInt(ends[1]);
            assertTrue(i != j, "self-loop " + edge);
            assertEquals(indicator.get(i - 1), indicator.get(j - 1), "edge across graphs " + edge);
            assertTrue(pairs.contains(j + ", " + i), "missing reverse of " + edge);
        }
    }
}
