package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class MoleculeReaderTest {

    /** Elements of the TU MUTAG node labels 0..6, from tu/MUTAG/README.txt. */
    private static final List<String> TU_ELEMENTS = List.of("C", "N", "O", "F", "I", "Cl", "Br");

    /** Bond orders of the TU MUTAG edge labels 0..3, from tu/MUTAG/README.txt. */
    private static final List<String> TU_BONDS = List.of("aromatic", "1", "2", "3");

    /** Distances below this count as zero (sums of 0/1 entries, exact in double). */
    private static final double ZERO_DISTANCE = 1e-9;

    private static final long SEED = 20261204L;

    /** Number of MUTAG molecules whose bond-order multisets agree between SMILES and TU. */
    private static final int MUTAG_SAME_BOND_MULTISETS = 186;

    /** Molecules of at most this order make up the sample of the exact aligner. */
    private static final int EXACT_MAX_ORDER = 14;

    /** Size of the sample of the exact aligner. */
    private static final int EXACT_SAMPLE = 5;

    /**
     * BBBP rows rejected by default: all parse in CDK 2.11, but 14 fail the valence check
     * (nitro groups written N(=O)=O, amidines written =[NH2] or \[NH]=).
     */
    private static final int BBBP_INVALID = 14;

    @TempDir
    Path dir;

    // ---- small inputs ---------------------------------------------------------------------

    @Test
    void encodesElementsAndBondOrdersOneHot() throws IOException {
        Path smi = Files.writeString(dir.resolve("small.smi"), "C=CC#N acrylonitrile\nCCO\n");
        GraphDataset d = new MoleculeReader().read(smi);

        assertEquals("small", d.name());
        assertEquals(List.of("label=C", "label=N", "label=O"), d.nodeChannels());
        assertEquals(List.of("bond=1", "bond=2", "bond=3"), d.edgeChannels());
        assertEquals(List.of("small#1 acrylonitrile", "small#2"), d.graphNames());
        assertFalse(d.hasClasses());
        assertFalse(d.isDirected());
        // A SMILES string writes each bond once; it was said to list both directions.
        assertTrue(d.notes().contains("every edge is a bond, which has no direction: graphs"
                + " read as undirected"), d.notes().toString());
        Graph g = d.graphs().get(0);
        assertEquals(4, g.order());
        assertEquals(3, g.edgeCount());
        assertEquals(List.of("C", "C", "C", "N"), sortedElements(d, g));
        assertEquals(1.0, g.edge(0, 1, 1));
        assertEquals(1.0, g.edge(1, 2, 0));
        assertEquals(1.0, g.edge(2, 3, 2));
        assertEquals(1.0, g.node(3, 1));
    }

    @Test
    void kekuleAndAromaticBenzeneGiveTheSameGraph() throws IOException {
        Path smi = Files.writeString(dir.resolve("benzene.smi"), "c1ccccc1\nC1=CC=CC=C1\n");
        GraphDataset d = new MoleculeReader().read(smi);

        assertEquals(List.of("bond=aromatic"), d.edgeChannels());
        assertEquals(d.graphs().get(0), d.graphs().get(1));
        assertEquals(6, d.graphs().get(0).edgeCount());
    }

    @Test
    void hydrogensAreImplicitByDefaultAndExplicitOnRequest() throws IOException {
        Path smi = Files.writeString(dir.resolve("methanol.smi"), "[H]OC\n");
        GraphDataset implicit = new MoleculeReader().read(smi);
        GraphDataset explicit = new MoleculeReader().withExplicitHydrogens(true).read(smi);

        assertEquals(List.of("label=C", "label=O"), implicit.nodeChannels());
        assertEquals(2, implicit.graphs().get(0).order());
        assertEquals(List.of("label=C", "label=H", "label=O"), explicit.nodeChannels());
        assertEquals(6, explicit.graphs().get(0).order());
        assertEquals(5, explicit.graphs().get(0).edgeCount());
    }

    @Test
    void invalidSmilesNamesItsLineOrIsSkippedAndCounted() throws IOException {
        Path smi = Files.writeString(dir.resolve("bad.smi"), "CCO\n\nC1CC\nCN\n");
        Files.writeString(dir.resolve("bad_target.txt"), "a\nb\nc\n");

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        assertEquals(3, e.line());
        assertEquals(smi + ", line 3: cannot parse molecule 2 from the SMILES 'C1CC':"
                + " Unclosed ring detected, SMILES may be truncated (at character 4)",
                e.getMessage().strip());
        Path bad = Files.writeString(dir.resolve("char.smi"), "CC(C)X\n");
        assertEquals(bad + ", line 1: cannot parse molecule 1 from the SMILES 'CC(C)X':"
                + " unexpected character (at character 6)", assertThrows(
                        DatasetFormatException.class, () -> new MoleculeReader().read(bad))
                        .getMessage());

        // The position counts characters (code points), not UTF-16 units: CDK's caret stands
        // under the ')' at unit 8, after an emoji of two units; it is the 7th character.
        Path emoji = Files.writeString(dir.resolve("emoji.smi"), "C[*\ud83d\ude00]C)C\n");
        assertEquals(emoji + ", line 1: cannot parse molecule 1 from the SMILES"
                + " 'C[*\\U0001f600]C)C': Closing of an unopened branch, SMILES may be"
                + " truncated (at character 7)",
                assertThrows(DatasetFormatException.class,
                        () -> new MoleculeReader().read(emoji)).getMessage());

        // A character outside printable ASCII in the SMILES is shown as its escape, as every
        // reader's messages show them: an invisible one, an accented letter, an emoji.
        String[][] shown = {{"CC\u200bC", "CC\\u200bC"}, {"C\u00e9C", "C\\u00e9C"},
            {"C\ud83d\ude00C", "C\\U0001f600C"}};
        for (String[] pair : shown) {
            Path odd = Files.writeString(dir.resolve("odd.smi"), pair[0] + "\n");
            String message = assertThrows(DatasetFormatException.class,
                    () -> new MoleculeReader().read(odd)).getMessage();
            assertTrue(message.startsWith(odd + ", line 1: cannot parse molecule 1 from the"
                    + " SMILES '" + pair[1] + "': "), message);
        }

        GraphDataset d = new MoleculeReader().withSkipInvalid(true).read(smi);
        assertEquals(2, d.size());
        assertEquals(List.of("a", "c"), d.classLabels());
        assertEquals(List.of("bad#1", "bad#3"), d.graphNames());
        assertTrue(d.notes().contains("skipped 1 invalid record at line 3"), d.notes().toString());
    }

    /**
     * RDKit's SmilesWriter starts its files with the header {@code SMILES Name}, which was
     * refused as a molecule ("cannot parse molecule 1 from the SMILES 'SMILES'"); a first line
     * whose first field is {@code SMILES} (any case, any further columns) is a header, skipped
     * with a note and not paired with a label. Anywhere else it is still an invalid record.
     */
    @Test
    void aSmilesHeaderLineIsSkippedWithANoteOnlyAtTheTop() throws IOException {
        Path smi = Files.writeString(dir.resolve("rdkit.smi"),
                "SMILES Name\nCCO ethanol\nc1ccccc1 benzene\n");
        Files.writeString(dir.resolve("rdkit_target.txt"), "a\nb\n");
        GraphDataset d = new MoleculeReader().read(smi);
        assertEquals(List.of("rdkit#1 ethanol", "rdkit#2 benzene"), d.graphNames());
        assertEquals(List.of("a", "b"), d.classLabels());
        assertTrue(d.notes().contains("line 1 is a header, not a molecule (its first field is"
                + " 'SMILES', as RDKit's SmilesWriter writes): skipped"), d.notes().toString());

        for (String header : new String[] {"SMILES", "smiles\tName\tActivity", "\nSmiles x"}) {
            Path one = Files.writeString(dir.resolve("one.smi"), header + "\nCCO\n");
            GraphDataset read = new MoleculeReader().read(one);
            assertEquals(List.of("one#1"), read.graphNames(), header);
            assertTrue(read.notes().get(0).startsWith("line " + (header.startsWith("\n") ? 2 : 1)
                    + " is a header"), read.notes().toString());
        }

        Path comma = Files.writeString(dir.resolve("comma.smi"),
                "SMILES,Name\nCCO,ethanol\nc1ccccc1,benzene ring\n");
        GraphDataset commas = new MoleculeReader().read(comma);
        assertEquals(List.of("comma#1 ethanol", "comma#2 benzene ring"), commas.graphNames());
        assertTrue(commas.notes().contains("line 1 is a header, not a molecule (its first field"
                + " is 'SMILES', as RDKit's SmilesWriter writes): skipped"),
                commas.notes().toString());

        Path late = Files.writeString(dir.resolve("late.smi"), "CCO\nSMILES Name\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(late));
        assertEquals(late + ", line 2: cannot parse molecule 2 from the SMILES 'SMILES':"
                + " unexpected character (at character 2)", e.getMessage());
        Path plain = Files.writeString(dir.resolve("plain.smi"), "CCO\n");
        assertFalse(new MoleculeReader().read(plain).notes().toString().contains("header"));
    }

    @Test
    void pseudoAtomsKeepTheirLabelsAndUnknownSmilesElementsAreInvalid() throws IOException {
        Path smi = Files.writeString(dir.resolve("wild.smi"), "C*\nC[*:1]C\n");
        GraphDataset d = new MoleculeReader().read(smi);
        assertEquals(List.of("label=*", "label=C"), d.nodeChannels().subList(0, 2));
        assertTrue(d.notes().contains("pseudo atoms, which name no element, read by their"
                + " labels: *"), d.notes().toString());

        Path sdf = Files.writeString(dir.resolve("group.sdf"), molfile("r", new String[] {"C",
                "R#", "A"}, new int[][] {{1, 2, 1}, {1, 3, 1}}) + "$$$$\n");
        GraphDataset groups = new MoleculeReader().read(sdf);
        assertEquals(List.of("label=A", "label=C", "label=R"),
                groups.nodeChannels().subList(0, 3));
        assertTrue(groups.notes().contains("pseudo atoms, which name no element, read by their"
                + " labels: A, R"), groups.notes().toString());

        Path unknown = Files.writeString(dir.resolve("unknown.smi"), "CCO\nC[Xx]C\n");
        assertEquals(unknown + ", line 2: cannot parse molecule 2: atom 2 of the SMILES"
                + " 'C[Xx]C' is 'Xx', which is no element symbol; write an unknown atom as the"
                + " wildcard *", assertThrows(DatasetFormatException.class,
                        () -> new MoleculeReader().read(unknown)).getMessage());
        assertEquals(1, new MoleculeReader().withSkipInvalid(true).read(unknown).size());
    }

    @Test
    void pseudoAtomsHaveNoValenceToCheck() throws IOException {
        // C[*-]C was refused as "atom 2 (R-1) has valence 2, more than the 1 allowed", the
        // valence of hydrogen, while C[*+]C and C[*H2]C passed.
        Path smi = Files.writeString(dir.resolve("charged.smi"), "C[*-]C\nC[*+]C\nC[*H2]C\n");
        GraphDataset d = new MoleculeReader().read(smi);
        assertEquals(3, d.size());
        assertEquals(List.of("label=*", "label=C"), d.nodeChannels().subList(0, 2));
        // Real atoms are still checked.
        Path five = Files.writeString(dir.resolve("five.smi"), "C[*]C(C)(C)(C)C\n");
        assertTrue(assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(five)).getMessage().contains("atom 3 (C) has"
                        + " valence 5"));
    }

    @Test
    void deuteriumAndTritiumReadAsHydrogenIsotopes() throws IOException {
        // CDK's strict reader refused them: "invalid symbol: D".
        Path sdf = Files.writeString(dir.resolve("heavy.sdf"), molfile("d", new String[] {"C",
            "D", "T", "H"}, new int[][] {{1, 2, 1}, {1, 3, 1}, {1, 4, 1}}) + "$$$$\n");
        GraphDataset d = new MoleculeReader().read(sdf);
        // As [2H] and [3H] in SMILES: hydrogen nodes kept (isotopes are not encoded), while
        // the plain hydrogen is implicit.
        Path smi = Files.writeString(dir.resolve("heavy.smi"), "C([2H])([3H])[H]\n");
        GraphDataset fromSmiles = new MoleculeReader().read(smi);
        assertEquals(List.of("label=C", "label=H"), d.nodeChannels().subList(0, 2));
        assertEquals(fromSmiles.nodeChannels(), d.nodeChannels());
        assertEquals(3, d.graphs().get(0).order());
        assertEquals(fromSmiles.graphs().get(0).order(), d.graphs().get(0).order());
        assertEquals(List.of("C", "H", "H"), sortedElements(d, d.graphs().get(0)));
    }

    @Test
    void theFileEndingsAreTheOnesTheReaderAccepts() {
        assertEquals(List.of(".smi", ".smiles", ".can", ".csv", ".sdf", ".sd", ".mol"),
                MoleculeReader.fileEndings());
        for (String ending : MoleculeReader.fileEndings()) {
            assertTrue(MoleculeReader.isMoleculeFile(Path.of("x" + ending.toUpperCase(
                    java.util.Locale.ROOT))), ending);
        }
        assertFalse(MoleculeReader.isMoleculeFile(Path.of("x.txt")));
    }

    /**
     * A byte that is not UTF-8 (here Latin-1) is named with its file, line and column; before,
     * the message was only the decoder's {@code Input length = 1}. Skipping invalid records
     * does not skip it: the file is at fault, not a molecule.
     */
    @Test
    void aFileThatIsNotUtf8NamesItsLineAndColumn() throws IOException {
        String hint = " text (byte 0xE9 at column 3); convert the file to UTF-8";
        Path smi = Files.write(dir.resolve("nu.smi"), latin1("CCO\nCC\u00e9O\n"));
        Path csv = Files.write(dir.resolve("nu.csv"), latin1("smiles,name\nCCO,a\nCCN,b\n"
                + "CO,\u00e9\n"));
        String record = molfile("ok", new String[] {"C", "O"}, new int[][] {{1, 2, 1}})
                + "$$$$\n";
        Path sdf = Files.write(dir.resolve("nu.sdf"), latin1(record + "ca\u00e9\n"
                + record.substring(record.indexOf('\n') + 1)));
        int titleOfSecond = record.split("\n").length + 1;
        for (MoleculeReader reader : List.of(new MoleculeReader(),
                new MoleculeReader().withSkipInvalid(true))) {
            assertEquals(smi + ", line 2: is not UTF-8" + hint, assertThrows(
                    DatasetFormatException.class, () -> reader.read(smi)).getMessage());
            assertEquals(csv + ", line 4: is not UTF-8 text (byte 0xE9 at column 4); convert"
                    + " the file to UTF-8", assertThrows(DatasetFormatException.class,
                            () -> reader.read(csv)).getMessage());
            assertEquals(sdf + ", line " + titleOfSecond + ": is not UTF-8" + hint,
                    assertThrows(DatasetFormatException.class, () -> reader.read(sdf))
                            .getMessage());
        }

        // The label file beside a SMILES file, and a column counted in characters.
        Path good = Files.writeString(dir.resolve("ok.smi"), "CCO\nCN\n");
        Path labels = Files.write(dir.resolve("ok_target.txt"), latin1("a\n\u00e9t\u00e9\n"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(good));
        assertEquals(labels + ", line 2: is not UTF-8 text (byte 0xE9 at column 1); convert"
                + " the file to UTF-8", e.getMessage());
        byte[] utf8 = "CCO,caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = new byte[utf8.length + 2];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        mixed[utf8.length] = (byte) 0xFF;
        mixed[utf8.length + 1] = '\n';
        Path wide = Files.write(dir.resolve("wide.csv"), concat(latin1("smiles,name\r\n"),
                mixed));
        assertEquals(wide + ", line 2: is not UTF-8 text (byte 0xFF at column 10); convert the"
                + " file to UTF-8", assertThrows(DatasetFormatException.class,
                        () -> new MoleculeReader().read(wide)).getMessage());

        // UTF-8 text is read as it is.
        Files.writeString(labels, "a\n\u00e9t\u00e9\n");
        assertEquals(List.of("a", "\u00e9t\u00e9"), new MoleculeReader().read(good)
                .classLabels());
    }

    /**
     * A SMILES file in UTF-16 without a byte-order mark is refused at its first NUL byte, with
     * its line and column, not read as SMILES with NUL characters in them.
     */
    @Test
    void aFileInUtf16WithoutAByteOrderMarkIsRefusedAtItsFirstNul() throws IOException {
        Path smi = Files.write(dir.resolve("wide.smi"), "CCO\nCC\n"
                .getBytes(StandardCharsets.UTF_16BE));
        assertEquals(smi + ", line 1, column 1: holds a NUL byte (U+0000), which no text file"
                + " of the library holds; the file looks like UTF-16 or UTF-32 text without a"
                + " byte-order mark, or binary data; convert the file to UTF-8", assertThrows(
                DatasetFormatException.class, () -> new MoleculeReader().read(smi))
                .getMessage());
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void anEmptyCsvFileSaysSo() throws IOException {
        Path csv = Files.writeString(dir.resolve("empty.csv"), "");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(csv));
        assertEquals(csv + ": empty file; expected a header row", e.getMessage());
    }

    @Test
    void aLabelFileOfTheWrongLengthIsAnError() throws IOException {
        Path smi = Files.writeString(dir.resolve("x_data.smi"), "CCO\nCN\n");
        Path labels = Files.writeString(dir.resolve("x_target.txt"), "1\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        assertEquals(labels.toString(), e.file());
        assertTrue(e.getMessage().contains(labels + ": 1 label; expected one per molecule"),
                e.getMessage());
    }

    /**
     * With both X_target.txt and X_data_target.txt beside X_data.smi, the first was read and
     * the other ignored without a word; a note names the file read and the one not read.
     */
    @Test
    void theNotesNameTheLabelFileReadAndTheOneNotRead() throws IOException {
        Path smi = Files.writeString(dir.resolve("foo_data.smi"), "CCO\nCN\n");
        Files.writeString(dir.resolve("foo_data_target.txt"), "x\ny\n");
        assertEquals(List.of("x", "y"), new MoleculeReader().read(smi).classLabels());
        assertTrue(new MoleculeReader().read(smi).notes().contains(
                "class labels from the file 'foo_data_target.txt'"));

        Files.writeString(dir.resolve("foo_target.txt"), "1\n0\n");
        GraphDataset both = new MoleculeReader().read(smi);
        assertEquals(List.of("1", "0"), both.classLabels());
        assertTrue(both.notes().contains("class labels from the file 'foo_target.txt' (taken"
                + " before 'foo_data_target.txt', which is beside foo_data.smi too and was not"
                + " read: for a stem X_data the file X_target.txt comes first)"), both.notes()
                .toString());
        // A label file given by name is the one named, with nothing said of the others.
        GraphDataset given = new MoleculeReader().readSmiles(smi,
                dir.resolve("foo_data_target.txt"));
        assertEquals(List.of("x", "y"), given.classLabels());
        assertTrue(given.notes().contains("class labels from the file 'foo_data_target.txt'"),
                given.notes().toString());
        // Without a label file there are no classes and no such note.
        Path bare = Files.writeString(dir.resolve("bare.smi"), "CCO\n");
        assertTrue(new MoleculeReader().read(bare).notes().stream()
                .noneMatch(n -> n.startsWith("class labels")));
    }

    /** A blank line among the labels was reported only as "2 labels; expected ... (3)". */
    @Test
    void aBlankLineAmongTheLabelsIsNamedWithItsLine() throws IOException {
        Path smi = Files.writeString(dir.resolve("y_data.smi"), "CCO\nCN\nCC\n");
        Path labels = Files.writeString(dir.resolve("y_target.txt"), "1\n\n-1\n\n");
        DatasetFormatException one = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        Files.writeString(labels, "\n1\n\n");
        Files.writeString(smi, "CCO\nCN\nCC\nCCC\n");
        DatasetFormatException two = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        Files.writeString(labels, "1\n-1\n1\n\n\n");
        DatasetFormatException trailing = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));

        assertEquals(labels + ", line 2: blank line (blank lines are skipped): 2 labels for"
                + " the 3 molecules of y_data.smi; expected one label per molecule",
                one.getMessage());
        assertEquals(labels + ", line 1: blank line (blank lines are skipped): 1 label for the"
                + " 4 molecules of y_data.smi; expected one label per molecule",
                two.getMessage());
        assertEquals(labels + ": 3 labels; expected one per molecule of y_data.smi (4)",
                trailing.getMessage(), "blank lines after the last label are no gap");
    }

    @Test
    void aLabelFileThatIsAFolderIsRefusedNotSkipped() throws IOException {
        // It was skipped: the molecules were read without classes.
        Path smi = Files.writeString(dir.resolve("m.smi"), "CCO\nCN\n");
        Path labels = Files.createDirectory(dir.resolve("m_target.txt"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        assertEquals(labels + ": a folder, not a regular file; expected a label file with one"
                + " class label per molecule of m.smi", e.getMessage());
        assertEquals(labels.toString(), e.file());
        e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().readSmiles(smi, dir.resolve("none.txt")));
        assertEquals("no such file or folder: " + dir.resolve("none.txt"), e.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeASmilesOrALabelIsSkipped() throws IOException {
        // The first SMILES was refused ("unexpected character (at character 1)"), and the
        // first label read as a class of its own; CSV and SD files already skipped the mark.
        byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path smi = dir.resolve("bom.smi");
        Files.write(smi, mark);
        Files.writeString(smi, "CCO\nCN\n", StandardOpenOption.APPEND);
        Path labels = dir.resolve("bom_target.txt");
        Files.write(labels, mark);
        Files.writeString(labels, "a\na\n", StandardOpenOption.APPEND);

        GraphDataset d = new MoleculeReader().read(smi);

        assertEquals(2, d.size());
        assertEquals(List.of("a", "a"), d.classLabels());
    }

    @Test
    void aLabelFileThatIsALinkToNothingIsRefused() throws IOException {
        Path smi = Files.writeString(dir.resolve("d.smi"), "CCO\n");
        Path labels = dir.resolve("d_target.txt");
        try {
            Files.createSymbolicLink(labels, dir.resolve("gone.txt"));
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        assertEquals(labels + ": a symbolic link to nothing; expected a label file with one"
                + " class label per molecule of d.smi", e.getMessage());
    }

    @Test
    void aLabelFileThatIsANamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path smi = Files.writeString(dir.resolve("p_data.smi"), "CCO\nCN\n");
        Path labels = NamedPipes.make(dir.resolve("p_target.txt"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(smi));
        assertEquals(labels + ": not a regular file (such as a named pipe or a device), so it"
                + " is not read; expected a label file with one class label per molecule of"
                + " p_data.smi", e.getMessage());
        e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().readSmiles(smi, labels));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void readsCsvWithQuotedNamesAndALabelColumn() throws IOException {
        Path csv = Files.writeString(dir.resolve("mols.csv"),
                "num,name,p_np,smiles\r\n1,\"ethanol, dry\",1,CCO\r\n2,\"say \"\"hi\"\"\",0,"
                + "c1ccncc1\r\n");
        GraphDataset d = DatasetLoader.load(csv);

        assertEquals(List.of("1", "0"), d.classLabels());
        assertEquals(List.of("mols#1 ethanol, dry", "mols#2 say \"hi\""), d.graphNames());
        assertEquals(6, d.graphs().get(1).order());

        assertTrue(d.notes().contains("class labels from the column 'p_np' (the first of label,"
                + " class, target, y, p_np that the header has)"), d.notes().toString());
        GraphDataset byNum = DatasetLoader.load(csv, new MoleculeReader().withLabelColumn("NUM"));
        assertEquals(List.of("1", "2"), byNum.classLabels());
        assertTrue(byNum.notes().contains("class labels from the column 'num'"),
                byNum.notes().toString());
        assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().withLabelColumn("nope").read(csv));
    }

    @Test
    void csvRowsWithWrongFieldCountsAreInvalidRecords() throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "smiles,name\nCCO,a\nCN\n\"C,b\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(csv));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("1 field, expected 2"), e.getMessage());

        GraphDataset d = new MoleculeReader().withSkipInvalid(true).read(csv);
        assertEquals(1, d.size());
        assertTrue(d.notes().contains("skipped 2 invalid records at lines 3, 4"),
                d.notes().toString());
    }

    /**
     * An empty or blank label field is no class: like an SD record without the label data
     * item, it is refused with the file, line and record, also when invalid records are
     * skipped (a missing label is a fault of the file, not of one molecule).
     */
    @Test
    void anEmptyOrBlankCsvLabelIsRefusedWithItsLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"),
                "smiles,label\nCCO,0\nCCN,\nCCC,1\n");
        Path blank = Files.writeString(dir.resolve("blank.csv"),
                "smiles,name,Label\nCCO,a,0\nCCC,b,1\nCO,c,\"  \"\n");

        for (MoleculeReader reader : List.of(new MoleculeReader(),
                new MoleculeReader().withSkipInvalid(true))) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> reader.read(csv));
            assertEquals(csv + ", line 3: record 2 has no class label: its column 'label' is"
                    + " empty", e.getMessage());
            assertEquals(3, e.line());
        }
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().withLabelColumn("label").read(blank));
        assertEquals(blank + ", line 4: record 3 has no class label: its column 'Label' is"
                + " empty", e.getMessage());
        // The default choice of the label column finds 'Label' too, and refuses the row.
        assertEquals(4, assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(blank)).line());
    }

    @Test
    void anEmptySdfLabelDataItemIsRefusedLikeAMissingOne() throws IOException {
        String first = molfile("one", new String[] {"C", "O"}, new int[][] {{1, 2, 1}})
                + "> <active>\n1\n\n$$$$\n";
        String second = molfile("two", new String[] {"C", "N"}, new int[][] {{1, 2, 1}})
                + "> <active>\n   \n\n$$$$\n";
        Path sdf = Files.writeString(dir.resolve("empty.sdf"), first + second);
        int firstLineOfSecond = first.split("\n").length + 1;

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().withLabelColumn("active").withSkipInvalid(true)
                        .read(sdf));
        assertEquals(sdf + ", line " + firstLineOfSecond + ": record 2 has no class label:"
                + " its data item <active> is empty", e.getMessage());
        assertEquals(2, new MoleculeReader().read(sdf).size());
        Path good = Files.writeString(dir.resolve("good.sdf"), first);
        assertTrue(new MoleculeReader().withLabelColumn("active").read(good).notes()
                .contains("class labels from the data item <active>"));
    }

    /**
     * A record that is invalid and lacks its label is an invalid record: skipped with
     * {@code withSkipInvalid(true)} (before, the missing label threw first, so
     * {@code --skip-invalid --label-property cls} stopped at it), reported as invalid without.
     * A valid record without its label still throws either way.
     */
    @Test
    void anInvalidRecordWithoutItsLabelIsSkippedAsInvalid() throws IOException {
        String first = molfile("one", new String[] {"C", "O"}, new int[][] {{1, 2, 1}})
                + "> <cls>\nA\n\n$$$$\n";
        String third = molfile("three", new String[] {"C", "N"}, new int[][] {{1, 2, 1}})
                + "> <cls>\nB\n\n$$$$\n";
        int secondStarts = first.split("\n").length + 1;
        String[] invalid = {"not a molecule\n$$$$\n",
            molfile("triple", new String[] {"C", "O"}, new int[][] {{1, 2, 3}}) + "$$$$\n",
            "cut\n  test\n\n  x  1  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n",
            molfile("empty", new String[] {"C", "O"}, new int[][] {{1, 2, 3}})
                    + "> <cls>\n  \n\n$$$$\n"};
        MoleculeReader strict = new MoleculeReader().withLabelColumn("cls");
        for (String second : invalid) {
            Path sdf = Files.writeString(dir.resolve("mixed.sdf"), first + second + third);
            GraphDataset d = strict.withSkipInvalid(true).read(sdf);
            assertEquals(List.of("A", "B"), d.classLabels());
            assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("skipped 1 invalid record"
                    + " at line ")), d.notes().toString());
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> strict.read(sdf));
            assertFalse(e.getMessage().contains("label") || e.getMessage().contains("<cls>"),
                    e.getMessage());
        }

        String unlabelled = molfile("plain", new String[] {"C", "O"}, new int[][] {{1, 2, 1}})
                + "$$$$\n";
        Path sdf = Files.writeString(dir.resolve("mixed.sdf"), first + unlabelled + third);
        for (MoleculeReader reader : List.of(strict, strict.withSkipInvalid(true))) {
            assertEquals(sdf + ", line " + secondStarts + ": record 2 has no data item <cls>",
                    assertThrows(DatasetFormatException.class, () -> reader.read(sdf))
                            .getMessage());
        }

        Path csv = Files.writeString(dir.resolve("mixed.csv"), "smiles,label\nCCO,0\n"
                + "C1CC,\nCCC,1\n");
        assertEquals(List.of("0", "1"), new MoleculeReader().withSkipInvalid(true).read(csv)
                .classLabels());
        assertTrue(assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(csv)).getMessage().contains("cannot parse"
                        + " molecule 2 from the SMILES 'C1CC'"));
    }

    @Test
    void csvWithoutSmilesColumnIsAnError() throws IOException {
        Path csv = Files.writeString(dir.resolve("nosmiles.csv"), "a,b\n1,2\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(csv));
        assertTrue(e.getMessage().contains("no column named 'smiles'"), e.getMessage());
        assertFalse(e.getMessage().contains("semicolon"), e.getMessage());
        // A CSV saved with semicolons is one column; the message tells why smiles is missing.
        Path semi = Files.writeString(dir.resolve("semi.csv"), "name;SMILES;label\na;C;1\n");
        e = assertThrows(DatasetFormatException.class, () -> new MoleculeReader().read(semi));
        assertEquals(semi + ", line 1: no column named 'smiles' in the header"
                + " [name;SMILES;label]; the header holds 'smiles' between semicolons, but the"
                + " fields of a CSV file are separated by commas: save the file with commas as"
                + " separators", e.getMessage());
        Path labelSemi = Files.writeString(dir.resolve("labelsemi.csv"), "smiles,x;act\nC,1\n");
        e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().withLabelColumn("act").read(labelSemi));
        assertTrue(e.getMessage().endsWith("no label column 'act' in the header [smiles, x;act];"
                + " the header holds 'act' between semicolons, but the fields of a CSV file are"
                + " separated by commas: save the file with commas as separators"),
                e.getMessage());
    }

    @Test
    void readsSdfRecordsWithTitlesAndDataItems() throws IOException {
        String ethanol = molfile("ethanol", new String[] {"C", "C", "O"},
                new int[][] {{1, 2, 1}, {2, 3, 1}}) + "> <active>\n1\n\n$$$$\n";
        String formaldehyde = molfile("", new String[] {"C", "O"}, new int[][] {{1, 2, 2}})
                + "> <active>\n0\n\n$$$$\n";
        Path sdf = Files.writeString(dir.resolve("two.sdf"), ethanol + formaldehyde);

        GraphDataset plain = DatasetLoader.load(sdf);
        assertEquals(List.of("two#1 ethanol", "two#2"), plain.graphNames());
        assertEquals(List.of("bond=1", "bond=2"), plain.edgeChannels());
        assertFalse(plain.hasClasses());

        GraphDataset labelled = new MoleculeReader().withLabelColumn("active").read(sdf);
        assertEquals(List.of("1", "0"), labelled.classLabels());
    }

    @Test
    void aBrokenSdfRecordNamesItsRecordAndFirstLine() throws IOException {
        String good = molfile("ok", new String[] {"C", "O"}, new int[][] {{1, 2, 1}}) + "$$$$\n";
        String bad = "broken\n  test\n\n  2  1  0  0  0  0  0  0  0  0999 V2000\n"
                + "    0.0000    0.0000    0.0000 C   0  0\nnonsense\n  1  2  1  0\nM  END\n"
                + "$$$$\n";
        Path sdf = Files.writeString(dir.resolve("bad.sdf"), good + bad);
        int firstLineOfBad = good.split("\n").length + 1;

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(sdf));
        assertEquals(firstLineOfBad, e.line());
        assertTrue(e.getMessage().contains("cannot parse molecule 2"), e.getMessage());
        GraphDataset d = new MoleculeReader().withSkipInvalid(true).read(sdf);
        assertEquals(1, d.size());
    }

    /**
     * CDK's V2000 reader takes an unreadable count as zero, so a record whose counts line says
     * {@code 3  x} would load as three atoms and no bonds; the reader refuses it on the counts
     * line (line 4 of the record) instead, and likewise a record whose atom or bond block is
     * shorter than the counts say, or that ends before its counts line.
     */
    @Test
    void aCorruptCountsLineOrShortConnectionTableNamesTheCountsLine() throws IOException {
        String good = molfile("ok", new String[] {"C", "O"}, new int[][] {{1, 2, 1}}) + "$$$$\n";
        String ethanol = molfile("ethanol", new String[] {"C", "C", "O"},
                new int[][] {{1, 2, 1}, {2, 3, 1}});
        int countsOfSecond = good.split("\n").length + 4;
        String[][] cases = {
            {ethanol.replace("  3  2  0", "  3  x  0"), "the counts line must give the bond"
                + " count as an integer in columns 4-6, found '  x'"},
            {ethanol.replace("  3  2  0", " 3a  2  0"), "the counts line must give the atom"
                + " count as an integer in columns 1-3, found ' 3a'"},
            // A column is a character: an emoji is one column, shown as one escape, not cut.
            {ethanol.replace("  3  2  0", "ab\ud83d\ude00  2  0"), "the counts line must give"
                + " the atom count as an integer in columns 1-3, found 'ab\\U0001f600'"},
            {ethanol.replace("  3  2  0", "  3\ud83d\ude00\u00e9\ud83d\ude00  0"), "the counts"
                + " line must give the bond count as an integer in columns 4-6, found"
                + " '\\U0001f600\\u00e9\\U0001f600'"},
            {ethanol.replace("  3  2  0", "  3  3  0"), "incomplete: the counts line gives 3"
                + " atoms and 3 bonds, but only 2 bond lines follow before 'M  END'"},
            {String.join("\n", List.of(ethanol.split("\n")).subList(0, 5)) + "\n",
                "incomplete: the counts line gives 3 atoms and 2 bonds, but only 1 atom line"
                    + " follows before the record ends"},
        };
        assertSecondRecordRefused(dir, good, countsOfSecond, cases);
        Path cut = Files.writeString(dir.resolve("cut.sdf"), good + "cut\n  test\n");
        assertEquals(cut + ", line " + (countsOfSecond - 3) + ": record 2: it has only 2 lines,"
                + " so no counts line (line 4 of a record)", assertThrows(
                        DatasetFormatException.class, () -> new MoleculeReader().read(cut))
                        .getMessage());
    }

    /**
     * CDK reads exactly as many atom and bond lines as the counts line gives and ignores the
     * rest, so a counts line that gives too few atoms or bonds used to drop them silently; it
     * is refused on the counts line, as are one that gives too many atoms (the last "atom line"
     * is a bond line), a counts line without the version in columns 35-39 (shifted or cut
     * columns; CDK said only "This file must be read with the MDLReader."), and a V3000
     * {@code COUNTS} line that disagrees with its atom or bond block. Property lines after the
     * bond block, and a record without {@code M  END} whose blocks are complete, still read.
     */
    @Test
    void countsThatDisagreeWithTheBlocksAreRefusedOnTheCountsLine() throws IOException {
        String good = molfile("ok", new String[] {"C", "O"}, new int[][] {{1, 2, 1}}) + "$$$$\n";
        String ethanol = molfile("ethanol", new String[] {"C", "C", "O"},
                new int[][] {{1, 2, 1}, {2, 3, 1}});
        String propanol = molfile("p", new String[] {"C", "C", "C", "O"},
                new int[][] {{1, 2, 1}, {2, 3, 1}, {3, 4, 1}})
                .replace("M  END", "M  CHG  1   4   0\nM  END");
        int countsOfSecond = good.split("\n").length + 4;
        String[][] cases = {
            {ethanol.replace("  3  2  0", "  3  1  0"),
                "the counts line gives 1 bond, but 2 bond lines follow"},
            {ethanol.replace("  3  2  0", "  3  0  0"),
                "the counts line gives 0 bonds, but 2 bond lines follow"},
            {ethanol.replace("  3  2  0", "  2  2  0"),
                "the counts line gives 2 atoms, but 3 atom lines follow"},
            {ethanol.replace("  3  2  0", "  4  2  0"), "incomplete: the counts line gives 4"
                + " atoms and 2 bonds, but only 3 atom lines follow before a bond line"},
            {propanol.replace("  4  3  0", "  4  4  0"), "incomplete: the counts line gives 4"
                + " atoms and 4 bonds, but only 3 bond lines follow before 'M  CHG'"},
            {ethanol.replace("  0999 V2000", "  0999"), "the counts line must give the version"
                + " V2000 in columns 35-39 (or V3000), but it has only 33 columns; its fields"
                + " are fixed-width, so shifted columns are misread"},
            {ethanol.replace("  3  2  0", " 3 2  0"), "the counts line must give the version"
                + " V2000 in columns 35-39 (or V3000), but found '000'; its fields are"
                + " fixed-width, so shifted columns are misread"},
            {ethanol.replace("V2000", "V2\ud83d\ude0000"), "the counts line must give the"
                + " version V2000 in columns 35-39 (or V3000), but found 'V2\\U0001f60000'; its"
                + " fields are fixed-width, so shifted columns are misread"},
            {ethanol.replace(" V2000", "\ud83d\ude00V2000"), "the counts line must give the"
                + " version V2000 in columns 35-39 (or V3000), but found 'V2000' after a"
                + " character beyond U+FFFF, which CDK's reader takes for two columns; its"
                + " fields are fixed-width, so shifted columns are misread"},
            {ethanol.replace("  0999 V2000", "\ud83d\ude00"), "the counts line must give the"
                + " version V2000 in columns 35-39 (or V3000), but it has only 28 columns; its"
                + " fields are fixed-width, so shifted columns are misread"},
        };
        assertSecondRecordRefused(dir, good, countsOfSecond, cases);
        Path charged = Files.writeString(dir.resolve("charged.sdf"), good + propanol
                + "$$$$\n" + ethanol.replace("M  END\n", "") + "> <y>\n1\n\n$$$$\n");
        assertEquals(3, new MoleculeReader().read(charged).size());

        String v3000 = "v3\n  test\n\n  0  0  0     0  0            999 V3000\n"
                + "M  V30 BEGIN CTAB\nM  V30 COUNTS 3 BONDS 0 0 0\nM  V30 BEGIN ATOM\n"
                + "M  V30 1 C 0 0 0 0\nM  V30 2 C 1.5 0 0 0\nM  V30 3 O 2 1.4 0 -\n"
                + "M  V30 0\nM  V30 END ATOM\nM  V30 BEGIN BOND\nM  V30 1 1 1 2\n"
                + "M  V30 2 1 2 3\nM  V30 END BOND\nM  V30 END CTAB\nM  END\n$$$$\n";
        Path v3 = Files.writeString(dir.resolve("v3.sdf"), v3000.replace("3 BONDS", "3 2"));
        assertEquals(3, new MoleculeReader().read(v3).graphs().get(0).order());
        String[][] v3cases = {
            {"3 5", "the V3000 COUNTS line gives 3 atoms and 5 bonds, but the bond block has 2"
                + " bond lines"},
            {"4 2", "the V3000 COUNTS line gives 4 atoms and 2 bonds, but the atom block has 3"
                + " atom lines"},
            {"3 1", "the V3000 COUNTS line gives 3 atoms and 1 bond, but the bond block has 2"
                + " bond lines"},
            {"3 \ud83d\ude00", "the V3000 COUNTS line must give the atom and the bond count as"
                + " integers, found 'M  V30 COUNTS 3 \\U0001f600 0 0 0'"},
        };
        for (String[] c : v3cases) {
            Path sdf = Files.writeString(dir.resolve("v3.sdf"), v3000.replace("3 BONDS", c[0]));
            assertEquals(sdf + ", line 6: record 1: " + c[1], assertThrows(
                    DatasetFormatException.class, () -> new MoleculeReader().read(sdf))
                    .getMessage());
        }
    }

    /**
     * Aromatic bonds (MDL bond type 4, what RDKit's {@code MolToMolBlock(m, kekulize=False)}
     * writes) left CDK's hydrogen counts unset, so no such record could be read ("atom 1 had
     * unset implicit hydrogen count"). Each record now gives the same graph as the molecule's
     * SMILES, atoms in the same order, and as its Kekulé form (types 1 and 2): benzene,
     * pyridine, naphthalene (fused), toluene (a methyl on the ring), pyrrole with its hydrogen
     * written as an atom, pyridinium (a charged ring nitrogen, which keeps its hydrogen).
     */
    @Test
    void aromaticMdlBondsGiveTheGraphOfTheSmiles() throws IOException {
        int[][] benzeneRing = ring(1, 6, 4);
        String[] records = {
            molfile("benzene", atoms("C", 6), benzeneRing),
            molfile("pyridine", new String[] {"C", "C", "C", "N", "C", "C"}, benzeneRing),
            molfile("naphthalene", atoms("C", 10), new int[][] {{1, 2, 4}, {2, 3, 4},
                {3, 4, 4}, {4, 5, 4}, {5, 6, 4}, {6, 7, 4}, {7, 8, 4}, {8, 9, 4}, {9, 4, 4},
                {9, 10, 4}, {10, 1, 4}}),
            molfile("toluene", atoms("C", 7), concat(new int[][] {{1, 2, 1}}, ring(2, 6, 4))),
            molfile("pyrrole", new String[] {"C", "C", "C", "N", "C", "H"},
                    concat(ring(1, 5, 4), new int[][] {{4, 6, 1}})),
            molfile("pyridinium", new String[] {"C", "C", "C", "N", "C", "C"}, benzeneRing)
                    .replace("M  END", "M  CHG  1   4   1\nM  END"),
            molfile("kekule", atoms("C", 6), new int[][] {{1, 2, 1}, {2, 3, 2}, {3, 4, 1},
                {4, 5, 2}, {5, 6, 1}, {6, 1, 2}}),
        };
        String smiles = "c1ccccc1\nc1ccncc1\nc1ccc2ccccc2c1\nCc1ccccc1\nc1cc[nH]c1\n"
                + "c1cc[nH+]cc1\nc1ccccc1\n";
        Path sdf = Files.writeString(dir.resolve("arom.sdf"),
                String.join("$$$$\n", records) + "$$$$\n");
        Path smi = Files.writeString(dir.resolve("arom.smi"), smiles);

        for (boolean check : new boolean[] {true, false}) {
            GraphDataset fromSdf = new MoleculeReader().withValenceCheck(check).read(sdf);
            GraphDataset fromSmiles = new MoleculeReader().withValenceCheck(check).read(smi);
            assertEquals(fromSmiles.nodeChannels(), fromSdf.nodeChannels());
            assertEquals(List.of("bond=1", "bond=aromatic"), fromSdf.edgeChannels());
            assertEquals(fromSmiles.graphs(), fromSdf.graphs());
        }
        GraphDataset explicit = new MoleculeReader().withExplicitHydrogens(true).read(sdf);
        assertEquals(new MoleculeReader().withExplicitHydrogens(true).read(smi).graphs()
                .get(1).order(), explicit.graphs().get(1).order());
        assertEquals(11, explicit.graphs().get(1).order());
        Path mol = Files.writeString(dir.resolve("benzene.mol"), records[0]);
        Path benzene = Files.writeString(dir.resolve("benzene.smi"), "c1ccccc1\n");
        assertEquals(new MoleculeReader().read(benzene).graphs(),
                new MoleculeReader().read(mol).graphs());

        String v3000 = "v3\n  test\n\n  0  0  0     0  0            999 V3000\n"
                + "M  V30 BEGIN CTAB\nM  V30 COUNTS 6 6 0 0 0\nM  V30 BEGIN ATOM\n";
        StringBuilder v3 = new StringBuilder(v3000);
        for (int a = 1; a <= 6; a++) {
            v3.append("M  V30 ").append(a).append(a == 4 ? " N" : " C").append(" 0 0 0 0\n");
        }
        v3.append("M  V30 END ATOM\nM  V30 BEGIN BOND\n");
        for (int b = 1; b <= 6; b++) {
            v3.append("M  V30 ").append(b).append(" 4 ").append(b).append(' ')
                    .append(b % 6 + 1).append('\n');
        }
        v3.append("M  V30 END BOND\nM  V30 END CTAB\nM  END\n$$$$\n");
        Path v3sdf = Files.writeString(dir.resolve("v3arom.sdf"), v3.toString());
        Path pyridine = Files.writeString(dir.resolve("pyridine.smi"), "c1ccncc1\n");
        assertEquals(new MoleculeReader().read(pyridine).graphs(),
                new MoleculeReader().read(v3sdf).graphs());
    }

    /**
     * Aromatic bonds that admit no Kekulé structure with the hydrogens they imply (pyrrole
     * without the hydrogen on its nitrogen, which type-4 bonds cannot tell) make an invalid
     * record named by its number and first line, skipped on request; so do MDL query bonds of
     * types 5 to 8, which give no bond order.
     */
    @Test
    void aromaticMdlBondsWithoutAKekuleStructureAreInvalidRecords() throws IOException {
        String good = molfile("ok", atoms("C", 6), ring(1, 6, 4)) + "$$$$\n";
        String pyrrole = molfile("pyrrole", new String[] {"C", "C", "C", "N", "C"},
                ring(1, 5, 4)) + "$$$$\n";
        Path sdf = Files.writeString(dir.resolve("pyrrole.sdf"), good + pyrrole);
        int second = good.split("\n").length + 1;

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(sdf));
        assertEquals(second, e.line());
        assertTrue(e.getMessage().startsWith(sdf + ", line " + second + ": cannot parse"
                + " molecule 2: its aromatic bonds (MDL bond type 4) have no Kekulé structure"),
                e.getMessage());
        assertTrue(e.getMessage().contains("pyrrole's nitrogen, must be written as a hydrogen"
                + " atom"), e.getMessage());
        GraphDataset skipped = new MoleculeReader().withSkipInvalid(true).read(sdf);
        assertEquals(1, skipped.size());
        assertTrue(skipped.notes().contains("skipped 1 invalid record at line " + second),
                skipped.notes().toString());

        Path query = Files.writeString(dir.resolve("query.sdf"),
                molfile("q", atoms("C", 6), ring(1, 6, 5)) + "$$$$\n");
        assertEquals(query + ", line 1: cannot parse molecule 1: the bond between atoms 1 and 2"
                + " has an MDL query bond type (5 to 8: single or double, single or aromatic,"
                + " double or aromatic, any), which matches bonds in a search but gives no bond"
                + " order", assertThrows(DatasetFormatException.class,
                        () -> new MoleculeReader().read(query)).getMessage());
    }

    /**
     * Type-4 bonds whose atoms need hydrogens the SMILES rule does not give (a ring carbon
     * carrying the charge of the cyclopentadienyl anion or of tropylium) used to be read as a
     * different, non-aromatic molecule (bonds 1 and 2) without an error, and so was a lone
     * C-C type-4 bond, which no ring makes aromatic. Such records are now invalid, named by
     * number and line, and skipped on request; with the hydrogens written as atoms the ions
     * read as their SMILES.
     */
    @Test
    void aromaticMdlBondsThatEndUpNotAromaticAreInvalidRecords() throws IOException {
        String anion = molfile("cp-", atoms("C", 5), ring(1, 5, 4))
                .replace("M  END", "M  CHG  1   4  -1\nM  END");
        String tropylium = molfile("tropylium", atoms("C", 7), ring(1, 7, 4))
                .replace("M  END", "M  CHG  1   4   1\nM  END");
        String ethane = molfile("cc", atoms("C", 2), new int[][] {{1, 2, 4}});
        String good = molfile("ok", atoms("C", 6), ring(1, 6, 4)) + "$$$$\n";
        for (String bad : new String[] {anion, tropylium, ethane}) {
            Path sdf = Files.writeString(dir.resolve("bad.sdf"), good + bad + "$$$$\n");
            int second = good.split("\n").length + 1;
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> new MoleculeReader().read(sdf));
            assertEquals(second, e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith(sdf + ", line " + second + ": cannot parse"
                    + " molecule 2: the bond between atoms 1 and 2 is aromatic in the file"
                    + " (MDL bond type 4) but not in the molecule read"), e.getMessage());
            assertTrue(e.getMessage().contains("hydrogen atom"), e.getMessage());
            GraphDataset skipped = new MoleculeReader().withSkipInvalid(true).read(sdf);
            assertEquals(1, skipped.size());
            assertTrue(skipped.notes().contains("skipped 1 invalid record at line " + second),
                    skipped.notes().toString());
        }

        String anionH = molfile("cp-", concat(atoms("C", 5), atoms("H", 5)),
                concat(ring(1, 5, 4), new int[][] {{1, 6, 1}, {2, 7, 1}, {3, 8, 1},
                    {4, 9, 1}, {5, 10, 1}}))
                .replace("M  END", "M  CHG  1   4  -1\nM  END");
        String tropyliumH = molfile("tropylium", concat(atoms("C", 7), atoms("H", 7)),
                concat(ring(1, 7, 4), new int[][] {{1, 8, 1}, {2, 9, 1}, {3, 10, 1},
                    {4, 11, 1}, {5, 12, 1}, {6, 13, 1}, {7, 14, 1}}))
                .replace("M  END", "M  CHG  1   4   1\nM  END");
        Path sdf = Files.writeString(dir.resolve("ions.sdf"),
                anionH + "$$$$\n" + tropyliumH + "$$$$\n");
        Path smi = Files.writeString(dir.resolve("ions.smi"), "c1cc[cH-]c1\nc1cc[cH+]ccc1\n");
        GraphDataset fromSdf = new MoleculeReader().read(sdf);
        GraphDataset fromSmiles = new MoleculeReader().read(smi);
        assertEquals(List.of("bond=aromatic"), fromSdf.edgeChannels());
        assertEquals(fromSmiles.nodeChannels(), fromSdf.nodeChannels());
        assertEquals(fromSmiles.graphs(), fromSdf.graphs());

        String[] still = {
            molfile("thiophene", new String[] {"C", "C", "C", "S", "C"}, ring(1, 5, 4)),
            molfile("furan", new String[] {"C", "C", "C", "O", "C"}, ring(1, 5, 4)),
            molfile("azulene", atoms("C", 10), new int[][] {{1, 2, 4}, {2, 3, 4}, {3, 4, 4},
                {4, 5, 4}, {5, 6, 4}, {6, 7, 4}, {7, 8, 4}, {8, 4, 4}, {8, 9, 4}, {9, 10, 4},
                {10, 1, 4}}),
            molfile("N-methylpyridinium", new String[] {"C", "N", "C", "C", "C", "C", "C"},
                    concat(new int[][] {{1, 2, 1}}, ring(2, 6, 4)))
                    .replace("M  END", "M  CHG  1   2   1\nM  END"),
        };
        Path kept = Files.writeString(dir.resolve("kept.sdf"),
                String.join("$$$$\n", still) + "$$$$\n");
        Path keptSmiles = Files.writeString(dir.resolve("kept.smi"),
                "c1ccsc1\nc1ccoc1\nc1ccc2cccc2cc1\nC[n+]1ccccc1\n");
        assertEquals(new MoleculeReader().read(keptSmiles).graphs(),
                new MoleculeReader().read(kept).graphs());
    }

    // ---- MUTAG: SMILES against the TU graphs ----------------------------------------------

    /**
     * The 188 MUTAG SMILES and the TU MUTAG graphs are the same molecules in the same order
     * (molecules/MUTAG_smiles/PROVENANCE.md): per molecule the element multisets and the edge
     * counts must agree, and so must the class labels. Bond orders agree only where CDK's
     * aromaticity model agrees with the TU encoding; the test pins how many do.
     */
    @Test
    void mutagSmilesMatchTheTuGraphs() throws IOException {
        GraphDataset smiles = mutagSmiles();
        GraphDataset tu = TuDatasetReader.read(TestDatasets.require("tu/MUTAG"));

        assertEquals(188, smiles.size());
        assertEquals(tu.classLabels(), smiles.classLabels());
        assertEquals(List.of("bond=1", "bond=2", "bond=3", "bond=aromatic"),
                smiles.edgeChannels());
        int sameBonds = 0;
        for (int k = 0; k < 188; k++) {
            Graph s = smiles.graphs().get(k);
            Graph t = tu.graphs().get(k);
            assertEquals(tuElements(t), sortedElements(smiles, s), "elements of molecule " + k);
            assertEquals(t.edgeCount(), s.edgeCount(), "edges of molecule " + k);
            if (tuBonds(t).equals(bonds(smiles, s))) {
                sameBonds++;
            }
        }
        assertEquals(MUTAG_SAME_BOND_MULTISETS, sameBonds);
    }

    /**
     * Two MUTAG SMILES (lines 83 and 188) give a carbon two double bonds and a single bond;
     * the default valence check rejects them, naming the first.
     */
    @Test
    void mutagHasTwoSmilesWithAPentavalentCarbon() throws IOException {
        Path can = TestDatasets.require("molecules/MUTAG_smiles/mutag_188_data.can");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(can));
        assertEquals(83, e.line());
        assertTrue(e.getMessage().endsWith("atom 11 (C) has valence 5, more than the 4 allowed"),
                e.getMessage());
        assertTrue(MoleculeReader.failedValenceCheck(e));
        GraphDataset d = new MoleculeReader().withSkipInvalid(true).read(can);
        assertEquals(186, d.size());
        assertTrue(d.notes().contains("skipped 2 invalid records at lines 83, 188"),
                d.notes().toString());
    }

    private static GraphDataset mutagSmiles() throws IOException {
        return new MoleculeReader().withValenceCheck(false).read(
                TestDatasets.require("molecules/MUTAG_smiles/mutag_188_data.can"));
    }

    /**
     * On a common encoding (element one-hot, and edge existence or bond order) each SMILES
     * molecule is compared with its TU graph by the FAQ aligner: distance 0 means equal up to
     * relabelling. On elements and edges all 188 agree; with bond orders all but molecules 83
     * and 188 (TU: 12 single and 6 double bonds; CDK: a benzene ring aromatic).
     */
    @Test
    void mutagSmilesAreIsomorphicToTuGraphs() throws IOException {
        GraphDataset smiles = mutagSmiles();
        GraphDataset tu = TuDatasetReader.read(TestDatasets.require("tu/MUTAG"));
        Aligner aligner = Aligners.byName("faq", SEED);
        List<Integer> differentBonds = new ArrayList<>();
        for (int k = 0; k < smiles.size(); k++) {
            for (boolean withBonds : new boolean[] {false, true}) {
                Graph s = commonEncoding(smiles, smiles.graphs().get(k), withBonds);
                Graph t = commonEncoding(tu, tu.graphs().get(k), withBonds);
                double distance = aligner.align(GraphSpace.of(List.of(s, t)), s, t).distance();
                if (!withBonds) {
                    assertEquals(0.0, distance, ZERO_DISTANCE, "molecule " + (k + 1));
                } else if (distance > ZERO_DISTANCE) {
                    differentBonds.add(k + 1);
                }
            }
        }
        assertEquals(List.of(83, 188), differentBonds);
    }

    /** The exact aligner certifies distance 0 on a seeded sample of the smaller molecules. */
    @Test
    void exactAlignerCertifiesASample() throws IOException {
        GraphDataset smiles = mutagSmiles();
        GraphDataset tu = TuDatasetReader.read(TestDatasets.require("tu/MUTAG"));
        List<Integer> small = new ArrayList<>();
        for (int k = 0; k < smiles.size(); k++) {
            if (smiles.graphs().get(k).order() <= EXACT_MAX_ORDER) {
                small.add(k);
            }
        }
        Collections.shuffle(small, new Random(SEED));
        Aligner exact = Aligners.byName("exact", SEED);
        for (int k : small.subList(0, EXACT_SAMPLE)) {
            Graph s = commonEncoding(smiles, smiles.graphs().get(k), true);
            Graph t = commonEncoding(tu, tu.graphs().get(k), true);
            Alignment a = exact.align(GraphSpace.of(List.of(s, t)), s, t);
            assertTrue(a.certified(), "molecule " + (k + 1));
            assertEquals(0.0, a.distance(), ZERO_DISTANCE, "molecule " + (k + 1));
        }
    }

    // ---- BBBP -----------------------------------------------------------------------------

    @Test
    void bbbpInvalidSmilesAreAnErrorByDefaultAndSkippedOnRequest() throws IOException {
        Path csv = TestDatasets.require("molecules/BBBP/BBBP.csv");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new MoleculeReader().read(csv));
        assertTrue(e.line() > 1, e.getMessage());
        assertTrue(e.getMessage().startsWith(csv + ", line " + e.line() + ": cannot parse"),
                e.getMessage());

        GraphDataset d = new MoleculeReader().withSkipInvalid(true).read(csv);
        assertEquals(2050 - BBBP_INVALID, d.size());
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("skipped " + BBBP_INVALID
                + " invalid records at lines " + e.line() + ",")), d.notes().toString());
        assertEquals(List.of("0", "1"), d.classes());
    }

    // ---- helpers --------------------------------------------------------------------------

    private static String molfile(String title, String[] atoms, int[][] bonds) {
        StringBuilder b = new StringBuilder(title).append("\n  test\n\n");
        b.append(String.format("%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", atoms.length,
                bonds.length));
        for (String atom : atoms) {
            b.append(String.format("    0.0000    0.0000    0.0000 %-3s 0  0  0  0  0  0  0  0"
                    + "  0  0  0  0%n", atom));
        }
        for (int[] bond : bonds) {
            b.append(String.format("%3d%3d%3d  0%n", bond[0], bond[1], bond[2]));
        }
        return b.append("M  END\n").toString();
    }

    /** {@code n} copies of an element symbol. */
    private static String[] atoms(String symbol, int n) {
        String[] out = new String[n];
        Arrays.fill(out, symbol);
        return out;
    }

    /** The bonds of type {@code type} of the ring {@code first, ..., first + size - 1}. */
    private static int[][] ring(int first, int size, int type) {
        int[][] out = new int[size][];
        for (int k = 0; k < size; k++) {
            out[k] = new int[] {first + k, first + (k + 1) % size, type};
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> sortedElements(GraphDataset d, Graph g) {
        ChannelGroup group = d.nodeGroups().get(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < g.order(); i++) {
            out.add(group.decode(g.nodeVector(i)));
        }
        Collections.sort(out);
        return out;
    }

    private static List<String> tuElements(Graph g) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < g.order(); i++) {
            out.add(TU_ELEMENTS.get(hot(g.nodeVector(i))));
        }
        Collections.sort(out);
        return out;
    }

    private static Map<String, Integer> bonds(GraphDataset d, Graph g) {
        Map<String, Integer> out = new TreeMap<>();
        List<String> channels = d.edgeChannels();
        for (int i = 0; i < g.order(); i++) {
            for (int j = i + 1; j < g.order(); j++) {
                for (int c = 0; c < g.edgeDimension() && g.hasEdge(i, j); c++) {
                    if (g.edge(i, j, c) == 1.0) {
                        out.merge(channels.get(c).substring("bond=".length()), 1, Integer::sum);
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> tuBonds(Graph g) {
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < g.order(); i++) {
            for (int j = i + 1; j < g.order(); j++) {
                if (g.hasEdge(i, j)) {
                    double[] e = new double[g.edgeDimension()];
                    for (int c = 0; c < e.length; c++) {
                        e[c] = g.edge(i, j, c);
                    }
                    out.merge(TU_BONDS.get(hot(e)), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static int hot(double[] v) {
        for (int c = 0; c < v.length; c++) {
            if (v[c] == 1.0) {
                return c;
            }
        }
        throw new AssertionError("no one-hot channel set");
    }

    /**
     * Re-encodes a graph with node channels {@link #TU_ELEMENTS} and one edge-existence
     * channel (or, with {@code withBonds}, the channels {@link #TU_BONDS}).
     */
    private static Graph commonEncoding(GraphDataset d, Graph g, boolean withBonds) {
        boolean isTu = d.nodeChannels().get(0).equals("label=0");
        ChannelGroup elements = d.nodeGroups().get(0);
        Graph.Builder b = Graph.builder(TU_ELEMENTS.size(), withBonds ? TU_BONDS.size() : 1);
        for (int i = 0; i < g.order(); i++) {
            double[] v = new double[TU_ELEMENTS.size()];
            String element = isTu ? TU_ELEMENTS.get(hot(g.nodeVector(i)))
                    : elements.decode(g.nodeVector(i));
            v[TU_ELEMENTS.indexOf(element)] = 1.0;
            b.addNode(v);
        }
        for (int i = 0; i < g.order(); i++) {
            for (int j = i + 1; j < g.order(); j++) {
                if (!g.hasEdge(i, j)) {
                    continue;
                }
                double[] e = new double[withBonds ? TU_BONDS.size() : 1];
                if (withBonds) {
                    double[] raw = new double[g.edgeDimension()];
                    for (int c = 0; c < raw.length; c++) {
                        raw[c] = g.edge(i, j, c);
                    }
                    String bond = isTu ? TU_BONDS.get(hot(raw))
                            : d.edgeChannels().get(hot(raw)).substring("bond=".length());
                    e[TU_BONDS.indexOf(bond)] = 1.0;
                } else {
                    e[0] = 1.0;
                }
                b.addEdge(i, j, e);
            }
        }
        return b.build();
    }

    /**
     * Asserts that each case, written as the second record after {@code good}, is refused at
     * its counts line with the case's message, and skipped by {@code --skip-invalid}.
     */
    private static void assertSecondRecordRefused(Path dir, String good, int countsOfSecond,
            String[][] cases) throws IOException {
        for (String[] c : cases) {
            Path sdf = Files.writeString(dir.resolve("counts.sdf"), good + c[0] + "$$$$\n");
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> new MoleculeReader().read(sdf));
            assertEquals(sdf + ", line " + countsOfSecond + ": record 2: " + c[1],
                    e.getMessage());
            assertEquals(1, new MoleculeReader().withSkipInvalid(true).read(sdf).size());
        }
    }
    /**
     * A blank line between labels was skipped silently when the counts agreed (TU files refuse
     * one); it is skipped with a note naming its lines, and the pairing is unchanged.
     */
    @Test
    void aBlankLineBetweenLabelsIsNoted() throws IOException {
        Path smi = Files.writeString(dir.resolve("y.smi"), "CCO\nCN\nCCC\n");
        Path labels = Files.writeString(dir.resolve("y_target.txt"), "1\n\n-1\n\n1\n\n");
        GraphDataset d = new MoleculeReader().read(smi);
        assertEquals(List.of("1", "-1", "1"), d.classLabels());
        assertTrue(d.notes().contains("blank lines 2 and 4 of y_target.txt skipped: it holds"
                + " one label per molecule of y.smi, paired in order, so a blank line is no"
                + " label (the counts agree)"), d.notes().toString());
        Files.writeString(labels, "1\n-1\n1\n\n\n");
        assertTrue(new MoleculeReader().read(smi).notes().stream()
                .noneMatch(n -> n.contains("blank line")), "blank lines at the end are no gap");
    }
}
