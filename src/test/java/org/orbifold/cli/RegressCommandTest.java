package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressCommandTest {

    @TempDir
    Path dir;

    private static MainTest.Run run(String... args) {
        return MainTest.run(args);
    }

    /** Writes a covariate file with a header and one row per letter graph: its index. */
    private Path indices(String name, int rows) throws IOException {
        StringBuilder text = new StringBuilder("index\n");
        for (int g = 0; g < rows; g++) {
            text.append(g).append('\n');
        }
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> numbers(Object list) {
        List<Double> values = new ArrayList<>();
        for (Object value : (List<Object>) list) {
            values.add(((Number) value).doubleValue());
        }
        return values;
    }

    /** A covariate file that cannot be read is named with its option, as split lists are. */
    @Test
    void aMissingCovariateFileIsNamedWithItsOption() {
        Path missing = dir.resolve("missing.csv");

        MainTest.Run gone = run("regress", "--covariates", missing.toString());
        MainTest.Run folder = run("regress", "--covariates", dir.toString());

        assertEquals(CliException.DATA, gone.exitCode(), gone.err());
        assertEquals(Main.ERROR_PREFIX + "cannot read --covariates " + missing
                + ": no such file\n", gone.err());
        assertEquals(CliException.DATA, folder.exitCode(), folder.err());
        assertTrue(folder.err().startsWith(Main.ERROR_PREFIX + "cannot read --covariates "
                + dir + ": it is a folder"), folder.err());
    }

    @Test
    void classAndLimitKeepTheRowsOfTheGraphsTheyKeep() throws IOException {
        Path file = indices("all.txt", 225);

        MainTest.Run r = run("regress", "--class", "T", "--limit", "4", "--covariates",
                file.toString(), "--json", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        // The letters alternate through the nine classes; T is the eighth.
        List<Object> rows = (List<Object>) json.get("covariates");
        List<Double> kept = new ArrayList<>();
        for (Object row : rows) {
            kept.addAll(numbers(row));
        }
        assertEquals(List.of(7.0, 16.0, 25.0, 34.0), kept);
        assertEquals(List.of("index"), json.get("covariateNames"));
        assertEquals(4, ((Number) json.get("graphs")).intValue());
    }

    /** A ridge makes no rank-deficient design acceptable, and the message says so. */
    @Test
    void aConstantColumnIsRefusedWithARidgeTooAndTheMessageSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("constant.txt"), "c\n1\n1\n1\n1\n");

        MainTest.Run plain = run("regress", "--class", "A", "--limit", "4", "--covariates",
                file.toString(), "--threads", "1");
        MainTest.Run ridge = run("regress", "--class", "A", "--limit", "4", "--covariates",
                file.toString(), "--ridge", "0.5", "--threads", "1");

        assertEquals(CliException.DATA, plain.exitCode(), plain.err());
        assertFalse(plain.err().contains("--ridge"), plain.err());
        assertEquals(CliException.DATA, ridge.exitCode(), ridge.err());
        assertTrue(ridge.err().contains("is constant") && ridge.err().endsWith("drop it (--ridge"
                + " does not lift this check: regress needs the design [1, covariates] of full"
                + " rank whatever the penalty)\n"), ridge.err());
    }

    /** A covariate file with a row per record, one skipped, names the skipped record. */
    @Test
    void aRowCountOffBySkippedRecordsNamesThem() throws IOException {
        Path molecules = Files.writeString(dir.resolve("mol.csv"),
                "smiles,y\nCCO,1\nC1CC,0\nCCN,1\nCCC,0\nCO,1\nCN,0\n");
        Path file = Files.writeString(dir.resolve("m6.txt"), "1\n2\n3\n4\n5\n6\n");

        MainTest.Run r = run("regress", molecules.toString(), "--covariates", file.toString(),
                "--skip-invalid", "--threads", "1");

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "--covariates " + file + " has 6 rows but " + molecules
                + " has 5 graphs: give one row per graph of the data set; " + molecules
                + " skipped 1 invalid record at line 3 (--skip-invalid): remove its row from"
                + " the covariates\n", r.err());
    }

    /**
     * {@code --limit N} reads a molecule file up to its N-th molecule only; a covariate file
     * with one row per molecule of the whole file still gives the first N rows, as for other
     * formats, and too few rows are refused in words that do not call N the file's count.
     */
    @Test
    void limitKeepsTheFirstRowsOfAMoleculeFile() throws IOException {
        Path molecules = Files.writeString(dir.resolve("six.smi"),
                "CCO a\nCCN b\nCCCC c\nCC(=O)O d\nc1ccccc1 e\nCCCl f\n");
        Path six = Files.writeString(dir.resolve("x6.txt"), "1\n2\n3\n4\n5\n6\n");
        Path two = Files.writeString(dir.resolve("x2.txt"), "1\n2\n");

        MainTest.Run r = run("regress", molecules.toString(), "--covariates", six.toString(),
                "--limit", "3", "--json", "--threads", "1");
        MainTest.Run few = run("regress", molecules.toString(), "--covariates", two.toString(),
                "--limit", "3", "--threads", "1");
        MainTest.Run whole = run("regress", molecules.toString(), "--covariates",
                six.toString(), "--json", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        List<Double> used = new ArrayList<>();
        for (Object row : (List<Object>) json.get("covariates")) {
            used.addAll(numbers(row));
        }
        assertEquals(List.of(1.0, 2.0, 3.0), used);
        assertTrue(((List<?>) json.get("notes")).contains("covariates: the rows of the 3 graphs"
                + " kept, of 6 rows in " + six + " (--limit read " + molecules + " up to its"
                + " 3rd molecule only, so the rows were not counted against its records)"),
                json.get("notes").toString());
        assertEquals(CliException.USAGE, few.exitCode(), few.err());
        assertEquals(Main.ERROR_PREFIX + "--covariates " + two + " has 2 rows but --limit 3"
                + " keeps 3 graphs of " + molecules + " (read up to its 3rd molecule only, so"
                + " its later records were not counted): give one row per graph of the data"
                + " set, or one per graph kept\n", few.err());
        assertEquals(0, whole.exitCode(), whole.err());
        assertEquals(6.0, whole.json().get("graphs"));
    }

    /**
     * With {@code --limit} and skipped records a covariate file with more rows than the graphs
     * kept cannot be matched to them (its rows may be per record or per valid molecule), so it
     * is refused, as without {@code --limit} a file with one row per record is; a file with
     * one row per graph kept is used as it is.
     */
    @Test
    void limitWithSkippedRecordsRefusesALongerCovariateFile() throws IOException {
        Path molecules = Files.writeString(dir.resolve("mol.csv"),
                "smiles,y\nCCO,1\nC1CC,0\nCCN,1\nCCC,0\nCO,1\nCN,0\n");
        Path six = Files.writeString(dir.resolve("r6.txt"), "1\n2\n3\n4\n5\n6\n");
        Path three = Files.writeString(dir.resolve("r3.txt"), "1\n3\n4\n");

        MainTest.Run r = run("regress", molecules.toString(), "--covariates", six.toString(),
                "--skip-invalid", "--limit", "3", "--threads", "1");
        MainTest.Run kept = run("regress", molecules.toString(), "--covariates",
                three.toString(), "--skip-invalid", "--limit", "3", "--json", "--threads", "1");

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + "--covariates " + six + " has 6 rows but --limit 3"
                + " keeps 3 graphs of " + molecules + ", which skipped 1 invalid record at line"
                + " 3 (--skip-invalid) before its 3rd valid molecule, where reading stopped: the"
                + " rows cannot be matched to the graphs kept, since its later records were not"
                + " counted; give one row per graph kept, or run without --limit\n", r.err());
        assertEquals(0, kept.exitCode(), kept.err());
        List<Double> used = new ArrayList<>();
        for (Object row : (List<Object>) kept.json().get("covariates")) {
            used.addAll(numbers(row));
        }
        assertEquals(List.of(1.0, 3.0, 4.0), used);
    }

    /**
     * Too few graphs for the covariates is a usage error (status 2), as too few graphs is in
     * pca, and the message does not start with the covariate file.
     */
    @Test
    void tooFewGraphsIsAUsageErrorAsInPca() throws IOException {
        Path one = Files.writeString(dir.resolve("one.txt"), "1\n");
        Path wide = Files.writeString(dir.resolve("wide.txt"), "a b\n1 2\n3 5\n");

        MainTest.Run single = run("regress", "--limit", "1", "--covariates", one.toString());
        MainTest.Run two = run("regress", "--limit", "2", "--covariates", wide.toString(),
                "--ridge", "1");
        MainTest.Run pca = run("pca", "--limit", "1");

        assertEquals(CliException.USAGE, single.exitCode(), single.err());
        assertEquals(Main.ERROR_PREFIX + "regress needs at least 2 graphs for 1 covariate (a"
                + " regression with an intercept needs more graphs than covariates), got 1\n",
                single.err());
        assertEquals(CliException.USAGE, two.exitCode(), two.err());
        assertEquals(Main.ERROR_PREFIX + "regress needs at least 3 graphs for 2 covariates (a"
                + " regression with an intercept needs more graphs than covariates), got 2"
                + " (--ridge does not lift this check)\n", two.err());
        assertEquals(CliException.USAGE, pca.exitCode(), pca.err());
    }

    @Test
    void ordinalsReadAsWords() {
        assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd",
                "101st", "111th"), List.of(RegressCommand.ordinal(1), RegressCommand.ordinal(2),
                RegressCommand.ordinal(3), RegressCommand.ordinal(4), RegressCommand.ordinal(11),
                RegressCommand.ordinal(12), RegressCommand.ordinal(13), RegressCommand.ordinal(21),
                RegressCommand.ordinal(22), RegressCommand.ordinal(101),
                RegressCommand.ordinal(111)));
    }

    /**
     * A covariate file of whole-number pairs without a header is read as two columns with a
     * note that they may be decimal commas; clear decimal commas are a data error.
     */
    @Test
    void decimalCommasAreNotedOrRefused() throws IOException {
        StringBuilder pairs = new StringBuilder();
        StringBuilder commas = new StringBuilder();
        for (int g = 0; g < 6; g++) {
            pairs.append(g).append(',').append((g * 7) % 5 + 1).append('\n');
            commas.append(g % 2 == 0 ? "-0," : "0,").append(g + 1).append("25\n");
        }
        Path maybe = Files.writeString(dir.resolve("pairs.csv"), pairs);
        Path clear = Files.writeString(dir.resolve("commas.csv"), commas);

        MainTest.Run noted = run("regress", "--class", "T", "--limit", "6", "--covariates",
                maybe.toString(), "--threads", "1");
        MainTest.Run refused = run("regress", "--class", "T", "--limit", "6", "--covariates",
                clear.toString(), "--threads", "1");

        assertEquals(0, noted.exitCode(), noted.err());
        assertTrue(noted.out().contains("\nnote        covariates: every row of " + maybe
                + " is two whole numbers joined by a comma (such as '0,1'), read as two"
                + " columns x1 and x2; "), noted.out());
        assertEquals(CliException.DATA, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains(clear + ", line 1: '-0,125' looks like -0.125 written"
                + " with a decimal comma"), refused.err());
    }

    /** A huge ridge keeps the fit at the mean: R^2 is 0, never -2.2e-16 or -0.000000. */
    @Test
    void aFitThatStaysAtTheMeanReportsRSquaredZero() throws IOException {
        Path file = indices("all.txt", 225);
        String[] args = {"regress", "--class", "E", "--covariates", file.toString(), "--ridge",
            "1e300", "--threads", "1"};

        MainTest.Run text = run(args);
        List<String> json = new ArrayList<>(List.of(args));
        json.add("--json");
        MainTest.Run r = run(json.toArray(new String[0]));

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nR^2         0.000000  (1 - SSR / SST)\n"),
                text.out());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0.0, ((Number) r.json().get("rSquared")).doubleValue());
    }

    @Test
    void aFileWithOneRowPerKeptGraphIsTakenAsItIs() throws IOException {
        Path file = indices("kept.txt", 12);

        MainTest.Run r = run("regress", "--class", "A", "--limit", "12", "--covariates",
                file.toString(), "--json", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        List<Double> first = numbers(((List<Object>) r.json().get("covariates")).get(11));
        assertEquals(List.of(11.0), first);
    }

    @Test
    void textReportGivesFitAndCoefficientNormsAndTheTraceNeverRises() throws IOException {
        Path file = indices("all.txt", 225);

        MainTest.Run text = run("regress", "--class", "L", "--covariates", file.toString(),
                "--threads", "1");
        MainTest.Run json = run("regress", "--class", "L", "--covariates", file.toString(),
                "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Graph-valued regression of 25 graphs from"
                + " datasets/letters (class L) on index\n"), text.out());
        for (String line : List.of("iterations  ", "R^2         ", "objective   ",
                "SST         ", "intercept   norm ", "coefficient index  norm ")) {
            assertTrue(text.out().contains("\n" + line), line + " missing: " + text.out());
        }
        Map<String, Object> model = json.json();
        List<Double> trace = numbers(model.get("trace"));
        for (int t = 1; t < trace.size(); t++) {
            assertTrue(trace.get(t) <= trace.get(t - 1), trace.toString());
        }
        double r2 = ((Number) model.get("rSquared")).doubleValue();
        assertTrue(r2 >= 0.0 && r2 <= 1.0, "R^2 " + r2);
        assertTrue(text.out().contains(String.format(java.util.Locale.ROOT, "R^2         %.6f",
                r2)), text.out());
        assertEquals(1, ((List<?>) model.get("coefficients")).size());
        assertEquals(25, ((List<?>) model.get("residualDistances")).size());
    }

    @Test
    void resultsDoNotDependOnTheThreads() throws IOException {
        Path file = indices("all.txt", 225);
        List<Map<String, Object>> models = new ArrayList<>();
        for (String threads : List.of("1", "3")) {
            MainTest.Run r = run("regress", "--class", "E", "--limit", "15", "--covariates",
                    file.toString(), "--threads", threads, "--json");
            assertEquals(0, r.exitCode(), r.err());
            Map<String, Object> json = r.json();
            for (String timed : List.of("threads", "wallTimeSeconds", "meanWallTimeSeconds",
                    "totalWallTimeSeconds")) {
                json.remove(timed);
            }
            models.add(json);
        }
        assertEquals(models.get(0), models.get(1));
    }

    @Test
    void writesTheModelAndDrawsThePredictions() throws IOException {
        Path file = indices("all.txt", 225);
        Path out = dir.resolve("model.json");
        Path svg = dir.resolve("predictions.svg");

        MainTest.Run r = run("regress", "--class", "H", "--limit", "10", "--covariates",
                file.toString(), "--out", out.toString(), "--svg", svg.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("file        " + out + "\nfile        " + svg + "\n"),
                r.out());
        Map<String, Object> model = JsonParser.object(Files.readString(out));
        assertTrue(model.containsKey("intercept") && model.containsKey("frechetMean"));
        String drawing = Files.readString(svg);
        for (String title : List.of("minimum index = 3", "median index = 43.5",
                "maximum index = 84")) {
            assertTrue(drawing.contains(title), title + " missing");
        }
    }

    @Test
    void refusesARowCountThatMatchesNeitherTheDataSetNorTheGraphsKept() throws IOException {
        MainTest.Run r = run("regress", "--class", "T", "--limit", "10", "--covariates",
                indices("seven.txt", 7).toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("has 7 rows but datasets/letters has 225 graphs (10 kept by"
                + " --class and --limit): give one row per graph of the data set or one per"
                + " graph kept"), r.err());
    }

    @Test
    void refusesBadCovariatesAsDataErrors() throws IOException {
        Path nan = Files.writeString(dir.resolve("nan.csv"), "a,b\n1,2\nNaN,3\n");
        MainTest.Run r = run("regress", "--limit", "2", "--covariates", nan.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("line 3, column 1"), r.err());

        StringBuilder constant = new StringBuilder("age goals\n");
        for (int g = 0; g < 6; g++) {
            constant.append(g).append(" 2\n");
        }
        Path flat = Files.writeString(dir.resolve("flat.txt"), constant);
        r = run("regress", "--limit", "6", "--covariates", flat.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("covariate 'goals' (column 2 of 2) is constant"), r.err());

        Path two = indices("two.txt", 2);
        r = run("regress", "--limit", "1", "--covariates", two.toString());
        assertEquals(2, r.exitCode(), r.err());
        r = run("regress", "--limit", "2", "--class", "A", "--covariates",
                Files.writeString(dir.resolve("one.txt"), "1\n1\n").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is constant"), r.err());
    }

    @Test
    void refusesAMissingCovariatesOptionAndBadOptionsBeforeAnyWork() throws IOException {
        MainTest.Run r = run("regress");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("regress needs --covariates FILE"), r.err());

        Path file = indices("all.txt", 225);
        assertEquals(2, run("regress", "--covariates", file.toString(), "--init", "medoid")
                .exitCode());
        assertEquals(2, run("regress", "--covariates", file.toString(), "--ridge", "-1")
                .exitCode());
        MainTest.Run input = run("regress", "--covariates", file.toString(), "--out",
                file.toString());
        assertEquals(2, input.exitCode());
        assertTrue(input.err().contains("--out"), input.err());
        assertEquals(1, run("regress", "--covariates", dir.resolve("none.txt").toString())
                .exitCode());
    }

    @Test
    void fitsTheFootballPassingNetworksOnTheGoals() {
        Path root = Path.of(System.getProperty("orbifold.datasets", "../shared/datasets"));
        Path ppn = root.resolve("geomstats/football_ppn.npy");
        Path scores = root.resolve("geomstats/football_scores.npy");
        assumeTrue(Files.exists(ppn) && Files.exists(scores), "dataset not available: " + ppn);

        MainTest.Run r = run("regress", ppn.toString(), "--covariates", scores.toString(),
                "--limit", "40", "--json");

        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals(List.of("football_scores"), json.get("covariateNames"));
        double r2 = ((Number) json.get("rSquared")).doubleValue();
        assertTrue(r2 >= 0.0 && r2 <= 1.0, "R^2 " + r2);
    }

    /**
     * With an exact search cut short, the text and the JSON say how many of the alignments
     * that SSR and SST rest on were not proven optimal, as {@code mean} and {@code pca} do.
     */
    @Test
    void saysWhenTheExactSearchStoppedAtItsLimit() throws IOException {
        Path cycles = MainTest.writeCycles(dir.resolve("cycles.npy"));
        Path file = indices("two.txt", 2);

        MainTest.Run text = run("regress", cycles.toString(), "--covariates", file.toString(),
                "--aligner", "exact", "--time-limit", "1e-9", "--threads", "1");
        MainTest.Run json = run("regress", cycles.toString(), "--covariates", file.toString(),
                "--aligner", "exact", "--time-limit", "1e-9", "--threads", "1", "--json");
        MainTest.Run proven = run("regress", cycles.toString(), "--covariates",
                file.toString(), "--aligner", "exact", "--threads", "1", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().matches("(?s).*\nalignments  [1-4] of 4 not proven optimal: [1-4]"
                + " where the exact search stopped at its time limit \\(1e-09 s per"
                + " alignment\\); SSR and SST are upper bounds\n.*"), text.out());
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(Boolean.TRUE, json.json().get("limitReached"));
        assertEquals(0.0, ((Map<?, ?>) json.json().get("limitsHit")).get("nodes"));
        assertTrue(((Number) json.json().get("uncertifiedAlignments")).intValue() >= 1);
        assertEquals(0, proven.exitCode(), proven.err());
        assertEquals(Boolean.FALSE, proven.json().get("limitReached"));
        assertEquals(0.0, proven.json().get("uncertifiedAlignments"));
    }

    /**
     * An iteration limit of 0 keeps the start, in regress as in pca and mean; a negative one
     * is a usage error in all three.
     */
    @Test
    void zeroIterationsKeepTheStartInRegressPcaAndMean() throws IOException {
        Path file = indices("all.txt", 225);

        MainTest.Run regress = run("regress", "--class", "T", "--covariates", file.toString(),
                "--max-iterations", "0", "--json", "--threads", "1");
        MainTest.Run pca = run("pca", "--class", "T", "--iterations", "0", "--json",
                "--threads", "1");
        MainTest.Run mean = run("mean", "--class", "T", "--max-iterations", "0", "--json",
                "--threads", "1");

        for (MainTest.Run r : List.of(regress, pca, mean)) {
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(0.0, r.json().get("iterations"), r.out());
        }
        for (List<String> negative : List.of(List.of("regress", "--covariates",
                file.toString(), "--max-iterations", "-1"), List.of("pca", "--iterations", "-1"),
                List.of("mean", "--max-iterations", "-1"))) {
            MainTest.Run r = run(negative.toArray(new String[0]));
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertTrue(r.err().contains("must be >= 0, got -1"), r.err());
        }
    }

    /** Panel titles give the covariate to four significant digits, not as a full double. */
    @Test
    void drawingTitlesRoundTheCovariate() throws IOException {
        StringBuilder text = new StringBuilder("dose\n");
        for (int g = 0; g < 10; g++) {
            text.append(g / 7.0).append('\n');
        }
        Path file = Files.writeString(dir.resolve("sevenths.txt"), text,
                StandardCharsets.UTF_8);
        Path svg = dir.resolve("sevenths.svg");

        MainTest.Run r = run("regress", "--class", "H", "--limit", "10", "--covariates",
                file.toString(), "--svg", svg.toString(), "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        String drawing = Files.readString(svg);
        for (String title : List.of("minimum dose = 0<", "median dose = 0.6429<",
                "maximum dose = 1.286<")) {
            assertTrue(drawing.contains(title), title + " missing: " + drawing);
        }
    }
    /**
     * Writes a TU folder of paths of three nodes, one graph per value of {@code spread}:
     * attribute 0 is {@code 1e15 + step i + (i == 0 ? shift[g] : 0)} on node {@code i} of graph
     * {@code g}, attribute 1 is {@code spread[g]} on node 0 and 0 elsewhere.
     */
    private Path largePaths(String name, double step, double[] shift, double[] spread)
            throws IOException {
        Path folder = Files.createDirectory(dir.resolve(name));
        StringBuilder edges = new StringBuilder();
        StringBuilder indicator = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        for (int g = 0; g < spread.length; g++) {
            for (int i = 0; i < 3; i++) {
                indicator.append(g + 1).append('\n');
                attributes.append(1e15 + step * i + (i == 0 ? shift[g] : 0.0)).append(',')
                        .append(i == 0 ? spread[g] : 0.0).append('\n');
                if (i + 1 < 3) {
                    int a = 3 * g + i + 1;
                    edges.append(a).append(", ").append(a + 1).append('\n')
                            .append(a + 1).append(", ").append(a).append('\n');
                }
            }
        }
        Files.writeString(folder.resolve(name + "_A.txt"), edges);
        Files.writeString(folder.resolve(name + "_graph_indicator.txt"), indicator);
        Files.writeString(folder.resolve(name + "_graph_labels.txt"),
                "1\n".repeat(spread.length));
        Files.writeString(folder.resolve(name + "_node_attributes.txt"), attributes);
        return folder;
    }

    /**
     * A tester's paths: attribute 0 is {@code 1e15 + 7 i} on node {@code i} of every graph,
     * attribute 1 is {@code 1e-3 k} on node 0 of graph {@code k}, and the covariate is
     * {@code k}. The fitted values' rounding at {@code 1e15} (about 0.1 per entry) once swamped
     * the spread ({@code SST 1e-5}): SSR was 0.3 and R^2 was set to 0 with a note. The fit now
     * centres the aligned graphs, so the constant attribute is fitted exactly and the covariate
     * explains the spread exactly: SSR 0, R^2 1, no note.
     */
    @Test
    void aLargeConstantAttributeLeavesTheSpreadToTheFit() throws IOException {
        Path folder = largePaths("D15", 7, new double[5],
                new double[] {0.0, 1e-3, 2e-3, 3e-3, 4e-3});
        Path covariates = Files.writeString(dir.resolve("k.txt"), "k\n0\n1\n2\n3\n4\n");

        Map<String, Object> json = MainTest.run("regress", folder.toString(), "--covariates",
                covariates.toString(), "--aligner", "exact", "--threads", "1", "--json").json();

        assertEquals(0.0, (Double) json.get("residualSumOfSquares"), 1e-20, json.toString());
        assertEquals(1e-5, (Double) json.get("totalSumOfSquares"), 1e-17, json.toString());
        assertEquals(1.0, json.get("rSquared"));
        assertFalse(json.get("notes").toString().contains("exceeds SST"), json.toString());
        String intercept = json.get("intercept").toString();
        assertTrue(intercept.contains("[1.0E15, 0.0, 1.0], [1.000000000000007E15, 0.0, 1.0],"
                + " [1.000000000000014E15, 0.0, 1.0]"), intercept);
    }

    /**
     * Where the attribute at {@code 1e15} itself varies by a few units (values 2, 6, 7, 2
     * above it, a range of 40 units in the last place), the fitted values carry the
     * rounding of numbers near {@code 1e15} (0.125 apart), against residuals of a few units:
     * SSR exceeds SST within that rounding, R^2 is set to 0, and the report says why.
     */
    @Test
    void anSsrAboveSstIsExplained() throws IOException {
        Path folder = largePaths("D15S", 100, new double[] {2, 6, 7, 2}, new double[4]);
        Path covariates = Files.writeString(dir.resolve("k.txt"), "k\n0\n1\n2\n3\n");

        Map<String, Object> json = MainTest.run("regress", folder.toString(), "--covariates",
                covariates.toString(), "--aligner", "exact", "--threads", "1", "--json").json();

        double ssr = (Double) json.get("residualSumOfSquares");
        double sst = (Double) json.get("totalSumOfSquares");
        assertTrue(ssr > sst, json.toString());
        assertEquals(0.0, json.get("rSquared"));
        String notes = json.get("notes").toString();
        assertTrue(notes.contains("exceeds SST") && notes.contains("R^2 is set to 0, as the"
                + " excess is within the rounding of the fitted values"), notes);
    }
}
