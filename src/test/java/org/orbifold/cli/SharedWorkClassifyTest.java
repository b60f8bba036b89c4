package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify}'s validation search shares the Fréchet means of candidates with the same
 * graph space and scaling ({@link org.orbifold.stats.MeanCache}), and k-NN's neighbours
 * across {@code k} ({@link org.orbifold.learn.NeighborTable}); every candidate must score as
 * it does when it is searched alone (when nothing is shared), and the search must not depend
 * on the thread count. Runs on the project's embedded letters with split lists.
 */
class SharedWorkClassifyTest {

    /** The project's letters, read from the working directory (the module root). */
    private static final String LETTERS = "datasets/letters";

    /** The embedded set lists its nine letters in turn, one graph of each per round. */
    private static final int CLASSES = 9;

    /** The number of graphs of the embedded set. */
    private static final int GRAPHS = 225;

    @TempDir
    Path dir;

    /** Writes the split lists: rounds 2 mod 3 train, 0 mod 3 validation, 1 mod 3 test. */
    private String[] splits() throws IOException {
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int g = 0; g < GRAPHS; g++) {
            int split = g / CLASSES % 3;
            (split == 0 ? validation : split == 1 ? test : train).add(Integer.toString(g));
        }
        return new String[] {"--train", write("train.txt", train), "--valid",
            write("valid.txt", validation), "--test", write("test.txt", test)};
    }

    private String write(String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8).toString();
    }

    private static Map<String, Object> classify(String[] splits, String... options) {
        List<String> args = new ArrayList<>(List.of("classify", LETTERS));
        args.addAll(List.of(splits));
        args.addAll(List.of(options));
        args.add("--json");
        MainTest.Run run = MainTest.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> candidates(Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("candidates");
    }

    /** The JSON without what legitimately varies: times, the thread count. */
    private static Map<String, Object> result(Map<String, Object> json) {
        Map<String, Object> copy = new HashMap<>(json);
        copy.keySet().removeAll(List.of("searchSeconds", "testSeconds", "wallTimeSeconds",
                "threads"));
        return copy;
    }

    /**
     * Runs a grid at 1 and 2 threads, and each of its settings alone; checks the counts, the
     * choice and the test predictions against the runs alone, and returns the alignments the
     * grid made to fit (all alignments but those of the predictions) and those its settings
     * made alone, summed: without sharing they would be equal.
     */
    private long[] checkGrid(String[] splits, List<String[]> settings, String... common) {
        List<String> grid = new ArrayList<>(List.of(common));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String[] setting : settings) {
            for (int i = 0; i < setting.length; i += 2) {
                List<String> listed = values.computeIfAbsent(setting[i], o -> new ArrayList<>());
                if (!listed.contains(setting[i + 1])) {
                    listed.add(setting[i + 1]);
                }
            }
        }
        values.forEach((option, list) -> {
            grid.add(option);
            grid.add(String.join(",", list));
        });
        List<String> one = new ArrayList<>(grid);
        one.addAll(List.of("--threads", "1"));
        List<String> two = new ArrayList<>(grid);
        two.addAll(List.of("--threads", "2"));
        Map<String, Object> searched = classify(splits, one.toArray(String[]::new));
        assertEquals(result(searched), result(classify(splits, two.toArray(String[]::new))));
        assertEquals(settings.size(), candidates(searched).size());

        long alone = 0;
        for (int c = 0; c < settings.size(); c++) {
            List<String> options = new ArrayList<>(List.of(common));
            options.addAll(List.of(settings.get(c)));
            options.addAll(List.of("--threads", "2"));
            Map<String, Object> single = classify(splits, options.toArray(String[]::new));
            assertEquals(candidates(searched).get(c).get("setting"),
                    candidates(single).get(0).get("setting"));
            assertEquals(candidates(searched).get(c).get("validationCorrect"),
                    candidates(single).get(0).get("validationCorrect"), "candidate " + c);
            if (((Number) searched.get("chosenIndex")).intValue() == c) {
                assertEquals(searched.get("predictions"), single.get("predictions"));
                assertEquals(searched.get("confusion"), single.get("confusion"));
            }
            alone += fitting(single);
        }
        return new long[] {fitting(searched), alone};
    }

    /** Returns the alignments a run made to fit: those made but not by predictions. */
    private static long fitting(Map<String, Object> json) {
        return ((Number) json.get("alignmentsMade")).longValue()
                - ((Number) json.get("alignmentsComputed")).longValue();
    }

    @Test
    void templateMlpCandidatesScoreAsAlone() throws IOException {
        List<String[]> settings = new ArrayList<>();
        for (String existence : List.of("0.5", "1")) {
            for (String units : List.of("4", "8")) {
                settings.add(new String[] {"--existence", existence, "--hidden-units", units});
            }
        }
        long[] made = checkGrid(splits(), settings, "--method", "template-mlp", "--epochs",
                "5", "--standardize", "--seed", "3");
        // Both unit counts align the training graphs to the same template, computed once.
        assertTrue(made[0] < made[1], made[0] + " alignments to fit in the grid, " + made[1]
                + " alone");
    }

    @Test
    void prototypeCandidatesScoreAsAlone() throws IOException {
        List<String[]> settings = new ArrayList<>();
        for (String weight : List.of("0.5", "1")) {
            for (String order : List.of("3", "4")) {
                settings.add(new String[] {"--edge-weight", weight, "--max-model-order",
                    order});
            }
        }
        long[] made = checkGrid(splits(), settings, "--method", "prototype");
        // Both orders cut the same class means: each is computed once instead of twice.
        assertTrue(made[0] > 0);
        assertEquals(made[1], 2 * made[0]);
    }

    @Test
    void knnCandidatesScoreAsAlone() throws IOException {
        List<String[]> settings = new ArrayList<>();
        for (String weight : List.of("0.5", "1")) {
            for (String k : List.of("1", "3", "5")) {
                settings.add(new String[] {"--edge-weight", weight, "--k", k});
            }
        }
        long[] made = checkGrid(splits(), settings, "--method", "knn");
        // k-NN fits align nothing; its predictions were compared above.
        assertEquals(0, made[0]);
        assertEquals(0, made[1]);
    }
}
