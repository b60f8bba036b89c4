package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.assign.Sense;
import org.orbifold.match.QuadraticAssignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class QaplibReaderTest {

    /** Relative tolerance of the similarity identity (sums of up to n^2 products). */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    /** Solution files whose permutation is written as location -> facility. */
    private static final List<String> INVERSE = List.of("kra30a", "kra30b", "tai60a");

    /** Known optima from the QAPLIB table (PROVENANCE.md of the datasets folder). */
    private static final Map<String, Double> KNOWN = Map.of("chr12a", 9552.0, "had12", 1652.0,
            "nug12", 578.0, "nug30", 6124.0, "tai12a", 224416.0, "tai20a", 703482.0,
            "tai30a", 1818146.0, "tai50a", 4938796.0, "bur26a", 5426670.0, "kra32", 88700.0);

    @TempDir
    Path dir;

    // ---- real data ------------------------------------------------------------------------

    /** The summary names the instance and its order, and equality compares the matrices. */
    @Test
    void toStringSummarisesAndEqualityComparesEntries() {
        double[][] a = {{0, 1}, {1, 0}};
        double[][] b = {{0, 5}, {5, 0}};
        QaplibInstance q = new QaplibInstance("tiny", a, b);
        assertEquals("QaplibInstance[tiny, n = 2]", q.toString());
        QaplibInstance same = new QaplibInstance("tiny", new double[][] {{0, 1}, {1, 0}},
                new double[][] {{0, 5}, {5, 0}});
        assertEquals(q, same);
        assertEquals(q.hashCode(), same.hashCode());
        assertNotEquals(q, new QaplibInstance("tiny", a, new double[][] {{0, 6}, {5, 0}}));
        assertNotEquals(q, new QaplibInstance("other", a, b));
    }

    /** QaplibInstance's graphs and space are QuadraticAssignment's for minimising. */
    @Test
    void graphsAreThoseOfTheOneCallSolver() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] a = new double[5][5];
        double[][] b = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                a[i][j] = random.nextInt(-3, 4);
                b[i][j] = random.nextInt(-3, 4);
            }
        }
        QaplibInstance q = new QaplibInstance("random5", a, b);
        Graph[] expected = QuadraticAssignment.toGraphs(a, b, Sense.MINIMIZE);
        Graph[] actual = q.toGraphs();
        assertEquals(expected[0], actual[0]);
        assertEquals(expected[1], actual[1]);
        assertEquals(QuadraticAssignment.graphSpace(5).toString(), q.graphSpace().toString());
        Permutation p = Permutation.random(5, random);
        assertEquals(q.objective(p), QuadraticAssignment.objective(a, b, p.toArray()));
    }

    @Test
    void everySolutionReproducesItsValueInTheRightDirection() throws IOException {
        Path folder = TestDatasets.require("qaplib");
        List<Path> solutions;
        try (Stream<Path> files = Files.list(folder)) {
            solutions = files.filter(p -> p.toString().endsWith(".sln")).sorted().toList();
        }
        assertEquals(85, solutions.size());
        for (Path sln : solutions) {
            QaplibSolution s = QaplibReader.readSolution(sln);
            QaplibInstance instance = QaplibReader.readInstance(
                    sln.resolveSibling(s.name() + ".dat"));
            assertEquals(instance.order(), s.order(), s.name());
            Permutation p = s.bestDirection(instance);
            double value = instance.objective(p);
            if (s.name().equals("kra32")) {
                assertEquals(88900.0, s.statedValue());
                assertEquals(88700.0, value);
                assertEquals(s.permutation(), p, "kra32 is read as written");
                continue;
            }
            assertEquals(s.statedValue(), value, s.name());
            assertEquals(INVERSE.contains(s.name()), !p.equals(s.permutation()), s.name());
            assertEquals(s.name().equals("tai40a"), s.zeroBased(), s.name());
            if (KNOWN.containsKey(s.name())) {
                assertEquals(KNOWN.get(s.name()), value, s.name());
            }
        }
    }

    @Test
    void readsNug12() throws IOException {
        Path dat = TestDatasets.require("qaplib/nug12.dat");
        QaplibInstance nug12 = QaplibReader.readInstance(dat);
        assertEquals("nug12", nug12.name());
        assertEquals(12, nug12.order());
        assertEquals(1.0, nug12.a(0, 1));
        Optional<QaplibSolution> s = QaplibReader.readSolutionFor(dat);
        assertTrue(s.isPresent());
        assertEquals(578.0, s.get().recomputedValue(nug12));
        assertEquals(11, s.get().permutation().get(0));
        assertFalse(QaplibReader.readSolutionFor(
                TestDatasets.require("qaplib/esc32a.dat")).isPresent());
    }

    // ---- QAP as graph alignment -------------------------------------------------------------

    @Test
    void similarityIsTheNegatedCost() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int n = 9;
        double[][] a = new double[n][n];
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = random.nextInt(4) == 0 ? 0 : random.nextInt(-5, 20);
                b[i][j] = random.nextInt(3) == 0 ? 0 : random.nextInt(0, 30);
            }
        }
        QaplibInstance instance = new QaplibInstance("random", a, b);
        assertSimilarityIsNegatedCost(instance, random, 50);
    }

    @Test
    void similarityIsTheNegatedCostOnRealInstances() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (String name : List.of("nug12", "chr12a", "esc16a", "kra30a", "tai40a")) {
            QaplibInstance instance = QaplibReader.readInstance(
                    TestDatasets.require("qaplib/" + name + ".dat"));
            assertSimilarityIsNegatedCost(instance, random, 10);
        }
    }

    private static void assertSimilarityIsNegatedCost(QaplibInstance instance,
            SplittableRandom random, int trials) {
        Graph[] graphs = instance.toGraphs();
        GraphSpace space = instance.graphSpace();
        for (int t = 0; t < trials; t++) {
            Permutation p = Permutation.random(instance.order(), random);
            double cost = bruteCost(instance, p);
            assertEquals(cost, instance.objective(p), RELATIVE_TOLERANCE * Math.abs(cost));
            assertEquals(-cost, space.similarity(graphs[0], graphs[1], p),
                    RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(cost)), instance.name());
        }
    }

    private static double bruteCost(QaplibInstance instance, Permutation p) {
        double[][] a = instance.first();
        double[][] b = instance.second();
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += a[i][j] * b[p.get(i)][p.get(j)];
            }
        }
        return sum;
    }

    // ---- small files ------------------------------------------------------------------------

    @Test
    void readsBlankLinesAndAnyLayout() throws IOException {
        Path dat = write("tiny.dat", "\n 2\n\n 0 3\n\n 1 0 0 5 7 0\n\n");
        QaplibInstance tiny = QaplibReader.readInstance(dat);
        assertEquals("tiny", tiny.name());
        assertEquals(3.0, tiny.a(0, 1));
        assertEquals(1.0, tiny.a(1, 0));
        assertEquals(5.0, tiny.b(0, 1));
        assertEquals(7.0, tiny.b(1, 0));
        // identity: 3 * 5 + 1 * 7 = 22; swap: 3 * 7 + 1 * 5 = 26
        assertEquals(22.0, tiny.objective(Permutation.identity(2)));
        assertEquals(26.0, tiny.objective(Permutation.of(1, 0)));
    }

    @Test
    void choosesTheDirectionByRecomputing() throws IOException {
        QaplibInstance three = QaplibReader.readInstance(write("four.dat",
                "4\n0 1 2 0\n3 0 4 1\n5 6 0 2\n1 0 3 0\n"
                + "0 7 1 2\n2 0 8 0\n9 3 0 4\n1 5 0 0\n"));
        Permutation p = Permutation.of(1, 2, 3, 0);
        assertNotEquals(three.objective(p), three.objective(p.inverse()));
        double inverseCost = three.objective(p.inverse());
        QaplibSolution written = QaplibReader.readSolution(write("three.sln",
                "4 " + (long) inverseCost + "\n2 3 4 1\n"));
        assertFalse(written.zeroBased());
        assertEquals(p, written.permutation());
        assertEquals(p.inverse(), written.bestDirection(three));
        QaplibSolution zeroBased = QaplibReader.readSolution(write("zero.sln",
                "4 " + (long) three.objective(p) + "\n1 2 3 0\n"));
        assertTrue(zeroBased.zeroBased());
        assertEquals(p, zeroBased.bestDirection(three));
        QaplibSolution wrongHeader = QaplibReader.readSolution(write("wrong.sln",
                "4 1\n2 3 4 1\n"));
        double best = Math.min(three.objective(p), inverseCost);
        assertEquals(best, wrongHeader.recomputedValue(three));
    }

    @Test
    void rejectsMalformedFiles() throws IOException {
        assertFormatError(write("a.dat", "2\n0 1\n1 x\n0 1 1 0\n"), 3, "'x'");
        // Java-only number forms are no numbers (Double.parseDouble reads them as 2 and 8).
        assertFormatError(write("j.dat", "2\n0 1\n1 2d\n0 1 1 0\n"), 3, "'2d'");
        assertFormatError(write("k.dat", "2\n0 1\n1 0\n0 0x1p3 1 0\n"), 4, "'0x1p3'");
        assertFormatError(write("b.dat", "2\n0 1\n1 0\n0 1\n"), 4, "file ended");
        // one wording with the other readers, DecimalNumbers.refusal
        assertFormatError(write("g.dat", "2\n0 1\n1 2d\n0 1 1 0\n"), 3,
                "expected a finite decimal number for first matrix entry (2, 2), found '2d'"
                + " (a Java-only form: type suffix d or f, or hexadecimal)");
        for (String text : List.of("inf", "Infinity", "NaN", "1e400", "1e-400")) {
            assertFormatError(write("h.dat", "2\n0 1\n1 " + text + "\n0 1 1 0\n"), 3,
                    DecimalNumbers.refusal(text, "first matrix entry (2, 2)"));
        }
        assertFormatError(write("h.dat", "2\n0 1\n1 1e-400\n0 1 1 0\n"), 3, "too small");
        QaplibInstance subnormal = QaplibReader.readInstance(write("s.dat",
                "2\n0 1e-310\n0e-400 0\n0 1 1 0\n"));
        assertEquals(1e-310, subnormal.first()[0][1]);
        assertEquals(0.0, subnormal.first()[1][0]);
        assertFormatError(write("c.dat", "2\n0 1 1 0\n0 1 1 0\n\n5\n"), 5, "extra token");
        assertFormatError(write("d.dat", "2.5\n"), 1, "positive integer");
        assertFormatError(write("e.dat", "0\n"), 1, "positive integer");
        assertFormatError(write("f.dat", ""), 1, "file ended");
        assertSolutionError(write("a.sln", "3 10\n1 2\n2\n"), 3, "repeated");
        // The range follows the numbering: it said "0..3", mixing 0-based and 1-based.
        assertSolutionError(write("b.sln", "3 10\n1 2 4\n"), 2, "permutation entry 3 is 4,"
                + " expected an integer in 1..3 (a 1-based permutation, as QAPLIB writes them)"
                + " or in 0..2 (0-based)");
        assertSolutionError(write("b0.sln", "3 10\n0 1 3\n"), 2, "permutation entry 3 is 3,"
                + " expected an integer in 0..2 (the permutation is 0-based: it contains 0)");
        assertSolutionError(write("b1.sln", "3 10\n2 1.5 3\n"), 2, "entry 2 is 1.5, expected"
                + " an integer in 1..3");
        assertSolutionError(write("c.sln", "3 10\n3 1 0\n"), 2, "permutation entry 1 is 3,"
                + " which is out of range for a 0-based permutation (0..2; the file contains 0)");
        assertArrayEquals(new int[] {2, 0, 1}, QaplibReader.readSolution(
                write("ok.sln", "3 10\n3 1 2\n")).permutation().toArray());
        assertArrayEquals(new int[] {2, 0, 1}, QaplibReader.readSolution(
                write("ok0.sln", "3 10\n2 0 1\n")).permutation().toArray());
        assertSolutionError(write("d.sln", "3 10\n1 2\n"), 2, "file ended");
        assertSolutionError(write("e.sln", "3 ten\n1 2 3\n"), 1, "'ten'");
        assertThrows(DatasetFormatException.class,
                () -> QaplibReader.readInstance(dir.resolve("missing.dat")));
        // A Latin-1 byte: before, a bare MalformedInputException ("Input length = 1").
        Path latin1 = Files.write(dir.resolve("l.dat"), "2\n0 1\n1 0\n0 1 \u00e9 0\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertFormatError(latin1, 4, "is not UTF-8 text (byte 0xE9 at column 5)");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        // It was read as part of the first token: found '\uFEFF2'.
        QaplibInstance marked = QaplibReader.readInstance(write("bom.dat",
                "\uFEFF2\n0 3\n1 0\n0 5\n7 0\n"));
        assertEquals(3.0, marked.a(0, 1));
        QaplibSolution solution = QaplibReader.readSolution(write("bom.sln",
                "\uFEFF 2 22\n1 2\n"));
        assertEquals(22.0, solution.statedValue());
        // Only at the start of the file.
        assertFormatError(write("late.dat", "2\n0 3\n\uFEFF1 0\n0 5\n7 0\n"), 3,
                "found '\\ufeff1'");
    }

    @Test
    void aFolderIsRefusedAsAFolderNotAsMissing() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("f.dat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> QaplibReader.readInstance(folder));
        assertEquals(folder + ": a folder, not a regular file; expected a QAPLIB instance file"
                + " (.dat)", e.getMessage());
        Path sln = Files.createDirectory(dir.resolve("f.sln"));
        e = assertThrows(DatasetFormatException.class, () -> QaplibReader.readSolution(sln));
        assertEquals(sln + ": a folder, not a regular file; expected a QAPLIB solution file"
                + " (.sln)", e.getMessage());
        // The solution beside an instance is named by the rule, so a folder there is refused.
        Path dat = write("f2.dat", "1\n0\n0\n");
        assertEquals(Optional.empty(), QaplibReader.readSolutionFor(dat));
        Files.createDirectory(dir.resolve("f2.sln"));
        assertThrows(DatasetFormatException.class, () -> QaplibReader.readSolutionFor(dat));
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("p.dat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> QaplibReader.readInstance(pipe));
        assertEquals(pipe + ": not a regular file (such as a named pipe or a device), so it is"
                + " not read; expected a QAPLIB instance file (.dat)", e.getMessage());
        Path dat = write("p2.dat", "1\n0\n0\n");
        NamedPipes.make(dir.resolve("p2.sln"));
        e = assertThrows(DatasetFormatException.class, () -> QaplibReader.readSolutionFor(dat));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    private void assertFormatError(Path file, int line, String fragment) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> QaplibReader.readInstance(file));
        assertError(e, file, line, fragment);
    }

    private void assertSolutionError(Path file, int line, String fragment) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> QaplibReader.readSolution(file));
        assertError(e, file, line, fragment);
    }

    private static void assertError(DatasetFormatException e, Path file, int line,
            String fragment) {
        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
