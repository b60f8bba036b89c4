package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * The data options shared by the commands: the molecule reader's switches
 * ({@code --no-valence-check}, {@code --label-property}) and {@code --class} on a data set
 * without classes.
 */
class DataOptionsTest {

    @TempDir
    Path dir;

    private static Run run(String... args) {
        return MainTest.run(args);
    }

    /** Returns one V2000 record of a chain of atoms with single bonds and one data item. */
    private static String record(String title, List<String> atoms, String item, String value) {
        StringBuilder b = new StringBuilder(title).append("\n  test\n\n");
        b.append(String.format("%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", atoms.size(),
                atoms.size() - 1));
        for (String atom : atoms) {
            b.append(String.format("    0.0000    0.0000    0.0000 %-3s 0  0  0  0  0  0  0  0"
                    + "  0  0  0  0%n", atom));
        }
        for (int a = 1; a < atoms.size(); a++) {
            b.append(String.format("%3d%3d%3d  0%n", a, a + 1, 1));
        }
        return b.append("M  END\n> <").append(item).append(">\n").append(value)
                .append("\n\n$$$$\n").toString();
    }

    @Test
    void noValenceCheckReadsAMoleculeTheDefaultRejects() throws IOException {
        // The second carbon has a single and two double bonds: valence 5.
        Path smi = Files.writeString(dir.resolve("odd.smi"), "CCO\nCC(=C)=C\n");

        Run strict = run("info", smi.toString());
        Run lenient = run("info", smi.toString(), "--no-valence-check", "--json");

        assertEquals(CliException.DATA, strict.exitCode(), strict.out());
        assertTrue(strict.err().contains("line 2: cannot parse molecule 2: atom 2 (C) has"
                + " valence 5, more than the 4 allowed (--no-valence-check accepts such"
                + " molecules, --skip-invalid skips them)"), strict.err());
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertEquals(2.0, lenient.json().get("graphs"));
    }

    @Test
    void onlyTheValenceCheckNamesTheOptionThatTurnsItOff() throws IOException {
        Path smi = Files.writeString(dir.resolve("bad.smi"), "CCO\nC1CC\n");

        Run r = run("info", smi.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertTrue(r.err().contains("line 2: cannot parse molecule 2"), r.err());
        assertFalse(r.err().contains("--no-valence-check"), r.err());
    }

    @Test
    void aClassColumnOfIdentifiersIsListedShortAndNamedAsSuch() throws IOException {
        StringBuilder csv = new StringBuilder("smiles,name,kind\n");
        for (int i = 0; i < 30; i++) {
            csv.append("C".repeat(1 + i % 3)).append(String.format(",mol%02d,", i))
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path file = Files.writeString(dir.resolve("named.csv"), csv);

        Run byName = run("info", file.toString(), "--label-property", "name");
        Run byNameJson = run("info", file.toString(), "--label-property", "name", "--json");
        Run byKind = run("info", file.toString(), "--label-property", "kind");

        assertEquals(0, byName.exitCode(), byName.err());
        String classes = byName.out().lines().filter(l -> l.startsWith("classes"))
                .findFirst().orElseThrow();
        assertTrue(classes.startsWith("classes   30: mol00 (1), mol01 (1), "), classes);
        assertTrue(classes.endsWith(", mol19 (1), ... (10 more; --json lists them all)"), classes);
        assertFalse(classes.contains("mol20"), classes);
        assertTrue(byName.out().contains("note      30 of 30 labelled graphs have a class of"
                + " their own: the label property 'name' looks like an identifier rather than"
                + " a class"), byName.out());
        // JSON keeps every class and carries the same note.
        assertEquals(0, byNameJson.exitCode(), byNameJson.err());
        assertEquals(30, ((Map<?, ?>) byNameJson.json().get("classes")).size());
        assertTrue(byNameJson.json().get("notes").toString().contains("looks like an"
                + " identifier"), byNameJson.out());
        // A real class column: listed whole, no note.
        assertEquals(0, byKind.exitCode(), byKind.err());
        assertTrue(byKind.out().contains("classes   2: a (15), b (15)\n"), byKind.out());
        assertFalse(byKind.out().contains("identifier"), byKind.out());
    }

    @Test
    void identifierNoteNeedsManyClassesOfOne() {
        Map<String, Integer> few = new LinkedHashMap<>();
        for (int i = 0; i < InfoCommand.IDENTIFIER_MIN_CLASSES - 1; i++) {
            few.put("c" + i, 1);
        }
        assertNull(InfoCommand.identifierNote(few, null));
        Map<String, Integer> many = new LinkedHashMap<>(few);
        many.put("last", 1);
        assertEquals(InfoCommand.IDENTIFIER_MIN_CLASSES + " of "
                + InfoCommand.IDENTIFIER_MIN_CLASSES + " labelled graphs have a class of their"
                + " own: the class labels look like an identifier rather than a class",
                InfoCommand.identifierNote(many, null));
        // 20 singletons among 40 labelled graphs: half alone, a class column after all.
        many.put("big", 20);
        assertNull(InfoCommand.identifierNote(many, "y"));
    }

    @Test
    void labelPropertyGivesAnSdFileItsClasses() throws IOException {
        Path sdf = Files.writeString(dir.resolve("two.sdf"),
                record("first", List.of("C", "C", "O"), "activity", "active")
                + record("second", List.of("C", "N"), "activity", "inactive"));

        Run plain = run("info", sdf.toString(), "--json");
        Run labelled = run("info", sdf.toString(), "--label-property", "activity", "--json");
        Run missing = run("info", sdf.toString(), "--label-property", "potency");

        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(Map.of(), plain.json().get("classes"));
        assertEquals(0, labelled.exitCode(), labelled.err());
        assertEquals(Map.of("active", 1.0, "inactive", 1.0), labelled.json().get("classes"));
        assertEquals(CliException.DATA, missing.exitCode(), missing.out());
        assertTrue(missing.err().contains("no data item <potency>"), missing.err());
    }

    @Test
    void labelPropertyNamesTheClassColumnOfACsvFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("mols.csv"), "smiles,kind\nCCO,a\nCN,b\n"
                + "CC,a\n");

        Run r = run("info", csv.toString(), "--label-property", "kind", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Map.of("a", 2.0, "b", 1.0), r.json().get("classes"));
    }

    @Test
    void anEmptyCsvLabelIsADataErrorNotAClass() throws IOException {
        Path csv = Files.writeString(dir.resolve("gap.csv"), "smiles,label\nCCO,0\nCCN,\n"
                + "CCC,1\n");

        Run info = run("info", csv.toString());
        Run mean = run("mean", csv.toString(), "--class", "", "--skip-invalid");

        assertEquals(CliException.DATA, info.exitCode(), info.out());
        assertEquals("orbifold: error: " + csv + ", line 3: record 2 has no class label: its"
                + " column 'label' is empty\n", info.err());
        assertEquals(CliException.DATA, mean.exitCode(), mean.out());
        assertEquals(info.err(), mean.err());
    }

    /**
     * Every class list follows the one order of LabelEncoder: numeric when all labels are
     * integers, else as strings, in info, in the unknown-class message and in classify's
     * confusion matrix (a mix of "11a" and integers once came out as "11a, 2, 4, 12").
     */
    @Test
    void classListsFollowOneOrder() throws IOException {
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), "smiles,label\nCCO,2\n"
                + "CCN,12\nCCC,11a\nCO,2\nCN,12\nCC,11a\nCCCO,4\nCCCN,4\n");
        Path numbers = Files.writeString(dir.resolve("numbers.csv"), "smiles,label\nCCO,2\n"
                + "CCN,12\nCCC,-1\n");

        Run info = run("info", mixed.toString());
        Run unknown = run("info", mixed.toString(), "--class", "5");
        Run classify = run("classify", mixed.toString(), "--folds", "2", "--aligner", "exact",
                "--threads", "1");
        Run numeric = run("info", numbers.toString());

        assertTrue(info.out().contains("classes   4: 11a (2), 12 (2), 2 (2), 4 (2)\n"),
                info.out());
        assertTrue(unknown.err().endsWith("unknown class '5'; classes: 11a, 12, 2, 4\n"),
                unknown.err());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("\n      11a 12 2 4\n  11a "), classify.out());
        assertTrue(numeric.out().contains("classes   3: -1 (1), 2 (1), 12 (1)\n"),
                numeric.out());
    }

    /**
     * Integer labels of equal value written differently ("+1" and "1") are two classes in
     * every class list: info once counted only the graphs of one of them, and classify with
     * --folds failed with a NullPointerException.
     */
    @Test
    void integersOfEqualValueWrittenDifferentlyAreTwoClasses() throws IOException {
        Path plus = Files.writeString(dir.resolve("plus.csv"), "smiles,label\nCCO,1\n"
                + "CCN,+1\nCCC,1\nCO,+1\nCN,-1\nCC,-1\nCCCO,1\nCCCN,+1\n");

        Run info = run("info", plus.toString());
        Run classify = run("classify", plus.toString(), "--folds", "2", "--aligner", "exact",
                "--method", "prototype", "--threads", "1");

        assertTrue(info.out().contains("graphs    8\nclasses   3: -1 (2), +1 (3), 1 (3)\n"),
                info.out());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("(8 graphs, 3 classes)"), classify.out());
        assertTrue(classify.out().contains("\n     -1 +1 1\n  -1 "), classify.out());
    }

    @Test
    void moleculeOptionsOnOtherDataAreUsageErrors() throws IOException {
        Path smi = Files.writeString(dir.resolve("plain.smi"), "CCO\n");

        Run onLetters = run("info", "--no-valence-check");
        Run onSmiles = run("info", smi.toString(), "--label-property", "y");

        assertEquals(CliException.USAGE, onLetters.exitCode(), onLetters.out());
        assertEquals("orbifold: error: --no-valence-check applies only to molecule files (.smi,"
                + " .smiles, .can, .csv, .sdf, .sd, .mol), not to the default letters\n",
                onLetters.err());
        assertEquals(CliException.USAGE, onSmiles.exitCode(), onSmiles.out());
        assertTrue(onSmiles.err().contains("--label-property applies only to CSV and SD"
                + " molecule files"), onSmiles.err());
    }

    /**
     * --skip-invalid, like --no-valence-check and --label-property, is refused for data that
     * are no molecule file, in the same words: a TU folder, the default letters, an IAM
     * folder given to classify.
     */
    @Test
    void everyMoleculeOptionIsRefusedOnATuFolderInTheSameWords() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(folder.resolve("TINY_A.txt"), "1, 2\n2, 1\n3, 4\n4, 3\n");
        Files.writeString(folder.resolve("TINY_graph_indicator.txt"), "1\n1\n2\n2\n");
        Path iam = Files.createDirectories(dir.resolve("iam"));
        Files.writeString(iam.resolve("train.cxl"), "");
        Files.writeString(iam.resolve("test.cxl"), "");

        Run skip = run("info", folder.toString(), "--skip-invalid");
        Run valence = run("info", folder.toString(), "--no-valence-check");
        Run label = run("info", folder.toString(), "--label-property", "y");
        Run letters = run("mean", "--skip-invalid");
        Run classify = run("classify", iam.toString(), "--skip-invalid");

        String files = "molecule files (.smi, .smiles, .can, .csv, .sdf, .sd, .mol)";
        String tail = " applies only to " + files + ", not to " + folder + "\n";
        assertEquals("orbifold: error: --skip-invalid" + tail, skip.err());
        assertEquals("orbifold: error: --no-valence-check" + tail, valence.err());
        assertEquals("orbifold: error: --label-property applies only to CSV and SD molecule"
                + " files (.csv, .sdf, .sd, .mol) and GraphML, GML and DOT files or folders"
                + " (.graphml, .gml, .dot, .gv), not to " + folder + "\n", label.err());
        assertEquals("orbifold: error: --skip-invalid applies only to " + files + ", not to the"
                + " default letters\n", letters.err());
        assertEquals("orbifold: error: --skip-invalid applies only to " + files + ", not to "
                + iam + "\n", classify.err());
        for (Run r : List.of(skip, valence, label, letters, classify)) {
            assertEquals(CliException.USAGE, r.exitCode(), r.err());
            assertEquals("", r.out());
        }
    }

    /** Writes a GraphML file of a path graph with string node labels and a graph kind. */
    private Path pathGraph(Path folder, String name, String kind, String... labels)
            throws IOException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<graphml"
                + " xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<key id=\"k\" for=\"graph\" attr.name=\"kind\"/>\n"
                + "<key id=\"t\" for=\"node\" attr.name=\"atom\"/>\n"
                + "<graph edgedefault=\"undirected\"><data key=\"k\">" + kind + "</data>\n");
        for (int i = 0; i < labels.length; i++) {
            b.append("<node id=\"n").append(i).append("\"><data key=\"t\">").append(labels[i])
                    .append("</data></node>\n");
            if (i > 0) {
                b.append("<edge source=\"n").append(i - 1).append("\" target=\"n").append(i)
                        .append("\"/>\n");
            }
        }
        return Files.writeString(folder.resolve(name), b.append("</graph></graphml>\n"));
    }

    @Test
    void graphMlDataTakeLabelPropertyAndEveryCommandReadsThem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("gml"));
        for (int k = 0; k < 6; k++) {
            pathGraph(folder, "g" + k + ".graphml", k % 2 == 0 ? "even" : "odd",
                    k % 2 == 0 ? new String[] {"C", "C", "O"} : new String[] {"N", "C"});
        }

        Run plain = run("info", folder.toString());
        Run info = run("info", folder.toString(), "--label-property", "KIND");
        Run file = run("info", folder.resolve("g1.graphml").toString(), "--label-property",
                "kind", "--json");
        Run mean = run("mean", folder.toString(), "--label-property", "kind", "--class", "odd",
                "--threads", "1");
        Run align = run("align", folder.toString(), "0", "2", "--aligner", "exact");
        Run classify = run("classify", folder.toString(), "--label-property", "kind",
                "--folds", "2", "--threads", "1");
        Run skip = run("info", folder.toString(), "--skip-invalid");

        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("classes   none"), plain.out());
        assertTrue(plain.out().contains("note      graph attribute 'kind' not read"),
                plain.out());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("graphs    6\nclasses   2: even (3), odd (3)\n"),
                info.out());
        assertTrue(info.out().contains("node      4 channels: atom=C, atom=N, atom=O, exists"),
                info.out());
        assertTrue(file.out().contains("\"classes\":{\"odd\":1}"), file.out());
        assertEquals(0, mean.exitCode(), mean.err());
        assertTrue(mean.out().startsWith("Frechet mean of 3 graphs from " + folder
                + " (class odd)"), mean.out());
        assertEquals(0, align.exitCode(), align.err());
        assertTrue(align.out().contains("distance    0.000000"), align.out());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("pooled      accuracy 1.0000 (6 of 6"),
                classify.out());
        assertEquals(CliException.USAGE, skip.exitCode(), skip.out());
        assertEquals("orbifold: error: --skip-invalid applies only to molecule files (.smi,"
                + " .smiles, .can, .csv, .sdf, .sd, .mol), not to " + folder + "\n", skip.err());

        // --out may neither go into the GraphML folder nor into a folder of GraphML files.
        Run inside = run("mean", folder.toString(), "--out", folder.resolve("m.json").toString());
        Run among = run("cluster", folder.resolve("g0.graphml").toString(), "-k", "1", "--out",
                folder.toString());
        assertEquals(CliException.USAGE, inside.exitCode(), inside.out());
        assertTrue(inside.err().contains("is a file inside DATASET"), inside.err());
        assertEquals(CliException.USAGE, among.exitCode(), among.out());
        assertTrue(among.err().contains("the folder holds data sets (g0.graphml, g1.graphml,"),
                among.err());
    }

    @Test
    void classOfADataSetWithoutClassesSaysItHasNone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bare"));
        Files.writeString(folder.resolve("B_A.txt"), "1, 2\n2, 1\n");
        Files.writeString(folder.resolve("B_graph_indicator.txt"), "1\n1\n");

        Run r = run("mean", folder.toString(), "--class", "1");

        assertEquals(CliException.USAGE, r.exitCode(), r.out());
        assertEquals("orbifold: error: --class 1: " + folder + " has no classes (its graphs"
                + " carry no class labels)\n", r.err());
    }

    @Test
    void infoOnAnIamFolderPointsAtItsSplitFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("LOW"));
        for (String name : List.of("train.cxl", "validation.cxl", "test.cxl")) {
            Files.writeString(folder.resolve(name), "");
        }

        Run r = run("info", folder.toString());

        assertEquals(CliException.DATA, r.exitCode(), r.out());
        assertEquals("orbifold: error: " + folder + ": no TU dataset here: expected LOW_A.txt"
                + " and LOW_graph_indicator.txt (TU format); for IAM data give a .cxl file"
                + " (test.cxl, train.cxl, validation.cxl found here)\n", r.err());
    }

    /**
     * A class label that ends in an information separator (U+001C..U+001F, which
     * {@link String#strip} takes for white space) keeps it when it comes last on a line of
     * text output: in the unknown-class message and in the header of classify's confusion
     * matrix, both of which once dropped it.
     */
    @Test
    void labelsEndingInASeparatorKeepItAtTheEndOfALine() throws IOException {
        Path folder = pairs("SEP", "1\u001f");

        Run unknown = run("info", folder.toString(), "--class", "X");
        Run classify = run("classify", folder.toString(), "--folds", "2", "--aligner", "exact",
                "--threads", "1");

        assertTrue(unknown.err().endsWith("unknown class 'X'; classes: 0, 1\\u001f\n"),
                unknown.err());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains(" 0 1\\u001f\n"), classify.out());
    }

    /**
     * A class whose label text output shows escaped can be given to {@code --class} as shown
     * (a 1, a backslash and {@code u001f}) as well as by its real label; both select the
     * same graphs, and JSON names the real label.
     */
    @Test
    void aClassCanBeGivenAsTextOutputShowsIt() throws IOException {
        Path folder = pairs("SHOWN", "1\u001f");

        Run shown = run("info", folder.toString(), "--class", "1\\u001f", "--json");
        Run real = run("info", folder.toString(), "--class", "1\u001f", "--json");

        assertEquals(0, shown.exitCode(), shown.err());
        assertEquals(real.json(), shown.json());
        assertEquals(3.0, shown.json().get("graphs"), shown.out());
    }

    /**
     * Line feeds and carriage returns in class labels, channel names and notes are shown as
     * {@code \n} and {@code \r} in text output, as tabs are; before, a carriage return in a
     * class overwrote the classes line on a terminal and a line feed split it. {@code --class}
     * takes the escaped form, the unknown-class message lists the classes escaped (it joined a
     * split label with a space), and JSON keeps the real strings.
     */
    @Test
    void lineBreaksInDataAreEscapedInTextOutput() throws IOException {
        Path file = dir.resolve("breaks.graphml");
        Files.writeString(file, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<key id=\"c\" for=\"graph\" attr.name=\"class\"/>\n"
                + "<key id=\"k\" for=\"node\" attr.name=\"a&#10;b\" attr.type=\"double\"/>\n"
                + "<graph edgedefault=\"undirected\"><data key=\"c\">two&#10;lines</data>"
                + "<node id=\"a\"><data key=\"k\">1</data></node><node id=\"b\"/></graph>\n"
                + "<graph edgedefault=\"undirected\"><data key=\"c\">x&#13;y</data>"
                + "<node id=\"a\"/></graph>\n</graphml>\n");

        Run info = run("info", file.toString());
        Run chosen = run("info", file.toString(), "--class", "two\\nlines", "--json");
        Run unknown = run("info", file.toString(), "--class", "Z");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("\nclasses   2: two\\nlines (1), x\\ry (1)\n"),
                info.out());
        assertTrue(info.out().contains("\nnode      2 channels: a\\nb, exists\n"), info.out());
        assertTrue(info.out().contains("\nnote      node attribute 'a\\nb' is missing on 2 of"
                + " 3 nodes"), info.out());
        assertFalse(info.out().contains("\r"), info.out());
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertEquals(1.0, chosen.json().get("graphs"), chosen.out());
        assertTrue(chosen.out().contains("\"two\\nlines\""), chosen.out());
        assertEquals("orbifold: error: unknown class 'Z'; classes: two\\nlines, x\\ry\n",
                unknown.err());
    }

    /**
     * Writes a TU data set of six one-edge graphs, the even ones of class 0 and the odd ones
     * of the class {@code odd}, as the folder {@code name}.
     */
    private Path pairs(String name, String odd) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        StringBuilder edges = new StringBuilder();
        StringBuilder indicator = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int g = 1; g <= 6; g++) {
            int a = 2 * g - 1;
            edges.append(a).append(", ").append(a + 1).append('\n')
                    .append(a + 1).append(", ").append(a).append('\n');
            indicator.append(g).append('\n').append(g).append('\n');
            labels.append(g % 2 == 0 ? "0" : odd).append('\n');
        }
        Files.writeString(folder.resolve(name + "_A.txt"), edges);
        Files.writeString(folder.resolve(name + "_graph_indicator.txt"), indicator);
        Files.writeString(folder.resolve(name + "_graph_labels.txt"), labels);
        return folder;
    }

    /**
     * A class label that starts with a no-break space shows it escaped in text output, where
     * it looked like a plain space; JSON keeps the real label. A split-list entry that starts
     * with a zero-width space shows it in the message that no graph has that name, where the
     * name looked like an index.
     */
    @Test
    void invisibleCharactersInLabelsAndNamesAreShownEscaped() throws IOException {
        Path folder = pairs("NBSP", "\u00a01");
        Path train = Files.writeString(dir.resolve("train.txt"), "0\n\u200b1\n");
        Path test = Files.writeString(dir.resolve("test.txt"), "2\n");

        Run info = run("info", folder.toString());
        Run json = run("info", folder.toString(), "--json");
        Run list = run("classify", folder.toString(), "--train", train.toString(), "--test",
                test.toString());

        assertTrue(info.out().contains("classes   2: 0 (3), \\u00a01 (3)\n"), info.out());
        assertEquals(Map.of("0", 3.0, "\u00a01", 3.0), json.json().get("classes"));
        assertEquals(CliException.DATA, list.exitCode(), list.out());
        assertTrue(list.err().contains("line 2: no graph named '\\u200b1'"), list.err());
    }
}
