package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader.Recoding;
import org.orbifold.space.Graph;

/**
 * The choice of the IAM recoding and benchmark classes from the folder of a split file and the
 * attributes of its graphs.
 */
class SplitsTest {

    /** The attributes of each IAM set that its recoding reads, on one node and one edge. */
    private static final Map<String, String[]> SET_ATTRIBUTES = Map.of(
            "AIDS", new String[] {"<attr name=\"chem\"><int>1</int></attr>",
                "<attr name=\"valence\"><int>1</int></attr>"},
            "Fingerprint", new String[] {"<attr name=\"x\"><float>1</float></attr>",
                "<attr name=\"orient\"><float>0.5</float></attr>"
                + "<attr name=\"angle\"><float>0.52</float></attr>"},
            "Protein", new String[] {"<attr name=\"type\"><int>1</int></attr>"
                + "<attr name=\"sequence\"><string>AVL</string></attr>",
                "<attr name=\"type0\"><int>1</int></attr>"
                + "<attr name=\"type1\"><int>4</int></attr>"},
            "Letter", new String[] {"<attr name=\"x\"><float>1</float></attr>"
                + "<attr name=\"y\"><float>2</float></attr>", ""});

    /**
     * Writes a split file {@code train.cxl} into {@code folder} listing one graph of class
     * A, whose node and edge carry the attributes of {@code kind} ({@link #SET_ATTRIBUTES}).
     */
    private static Path splitFile(Path folder, String kind) throws IOException {
        Files.createDirectories(folder);
        String[] attributes = SET_ATTRIBUTES.get(kind);
        Files.writeString(folder.resolve("g.gxl"), "<gxl><graph id=\"g\" edgemode=\"undirected\">"
                + "<node id=\"a\">" + attributes[0] + "</node><node id=\"b\">" + attributes[0]
                + "</node><edge from=\"a\" to=\"b\">" + attributes[1] + "</edge></graph></gxl>\n");
        return Files.writeString(folder.resolve("train.cxl"), "<GraphCollection><graphs>"
                + "<print file=\"g.gxl\" class=\"A\"/></graphs></GraphCollection>\n");
    }

    @Test
    void theSetsFolderOrItsDataFolderChoosesTheRecoding(@TempDir Path dir) throws IOException {
        for (String set : new String[] {"AIDS", "Fingerprint", "Protein"}) {
            for (Path folder : List.of(dir.resolve("iam").resolve(set).resolve("data"),
                    dir.resolve("own").resolve(set))) {
                Path file = splitFile(folder, set);

                Splits.IamSet found = Splits.IamSet.of(List.of(file));

                assertEquals(set, found.recoded(), file.toString());
                assertNull(found.note(), file.toString());
                assertEquals(Recoding.forIamSet(set).toString(),
                        Splits.Reading.BY_MEANING.recoding(found.recoded()).toString());
            }
        }
    }

    /**
     * The set is named by the split file's real path, as the graph files are identified: a
     * link to the data folder of AIDS names AIDS; a link called AIDS to a folder of another
     * name names nothing.
     */
    @Test
    void linksAreFollowedToTheSetsFolder(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("iam").resolve("AIDS").resolve("data");
        splitFile(data, "AIDS");
        Path folderLink = Files.createSymbolicLink(dir.resolve("aidslink"), data);
        Path other = splitFile(dir.resolve("mine"), "AIDS");
        Path misnamed = Files.createSymbolicLink(dir.resolve("AIDS"), other.getParent());

        assertEquals("AIDS", Splits.IamSet.of(List.of(folderLink.resolve("train.cxl")))
                .recoded());
        assertNull(Splits.IamSet.of(List.of(misnamed.resolve("train.cxl"))).recoded());
    }

    /**
     * The set's folder is named in any letter case: a copy of Fingerprint's data under
     * {@code fingerprint/data} or of Protein under {@code PROTEIN} is still that set.
     */
    @Test
    void theSetsFolderIsNamedInAnyLetterCase(@TempDir Path dir) throws IOException {
        Path lower = splitFile(dir.resolve("fingerprint").resolve("DATA"), "Fingerprint");
        Path upper = splitFile(dir.resolve("PROTEIN"), "Protein");

        assertEquals("Fingerprint", Splits.IamSet.of(List.of(lower)).recoded());
        assertEquals("Protein", Splits.IamSet.of(List.of(upper)).recoded());
    }

    /**
     * A folder named like an IAM set further up the path names no set: Letter LOW copied
     * into a folder Fingerprint was read with Fingerprint's classes (T merged into A).
     */
    @Test
    void aSetFolderFurtherUpChoosesNothing(@TempDir Path dir) throws IOException {
        Path fingerprintLike = splitFile(dir.resolve("Fingerprint").resolve("LOW"),
                "Fingerprint");
        Path dataBelow = splitFile(dir.resolve("AIDS").resolve("data").resolve("more"), "AIDS");

        assertNull(Splits.IamSet.of(List.of(fingerprintLike)).recoded());
        assertNull(Splits.IamSet.of(List.of(fingerprintLike)).note());
        assertNull(Splits.IamSet.of(List.of(dataBelow)).recoded());
        assertNull(Splits.IamSet.of(List.of(splitFile(dir.resolve("data"), "AIDS")))
                .recoded());
    }

    @Test
    void aSetFolderWhoseGraphsLackTheRecodedAttributesIsReadAsStored(@TempDir Path dir)
            throws IOException {
        Path letters = splitFile(dir.resolve("Fingerprint").resolve("data"), "Letter");
        Path partly = splitFile(dir.resolve("AIDS"), "Protein");

        Splits.IamSet fingerprint = Splits.IamSet.of(List.of(letters));
        Splits.IamSet aids = Splits.IamSet.of(List.of(partly));

        assertNull(fingerprint.recoded());
        assertEquals(Recoding.none().toString(),
                Splits.Reading.BY_MEANING.recoding(fingerprint.recoded()).toString());
        assertEquals("the folder names IAM Fingerprint, but no node or edge carries its"
                + " attributes 'angle' and 'orient': classify reads the attributes and classes"
                + " as stored, not as those of the set", fingerprint.note());
        assertNull(aids.recoded());
        assertEquals("the folder names IAM AIDS, but no node or edge carries its attributes"
                + " 'chem' and 'valence': classify reads the attributes as stored, not as those"
                + " of the set", aids.note());
    }

    @Test
    void theReadingsChooseTheRecodingOfASet() {
        assertEquals(Recoding.none().toString(),
                Splits.Reading.RAW.recoding("Protein").toString());
        assertEquals(Recoding.forIamSet("Protein").toString(),
                Splits.Reading.BY_MEANING.recoding("Protein").toString());
        assertEquals(Recoding.none().toString(),
                Splits.Reading.BY_MEANING.recoding(null).toString());
        assertEquals(Recoding.forIamSet("Protein").dipeptides(Recoding.AMINO_ACID_CLASSES,
                "sequence").toString(),
                Splits.Reading.SEQUENCE_PAIRS.recoding("Protein").toString());
        assertEquals(Splits.Reading.SEQUENCE_PAIRS.recoding("Protein").toString(),
                Splits.Reading.SEQUENCE_PAIRS.recoding(null).toString());
    }

    @Test
    void fingerprintSplitsGetTheFourClassProblem() {
        List<String> stored = List.of("A", "AT", "L", "LT", "R", "RT", "T", "TA", "TL", "TR",
                "W", "WR");

        List<GraphDataset> mapped = Splits.benchmarkClasses(List.of(dataset(stored)),
                "Fingerprint");

        assertEquals(List.of("A", "A", "L", "L", "R", "R", "A", "A", "A", "A", "W", "W"),
                mapped.get(0).classLabels());
        assertTrue(mapped.get(0).notes().stream().anyMatch(n -> n.contains("four-class")),
                mapped.get(0).notes().toString());
    }

    @Test
    void otherSplitsKeepTheirClasses() {
        List<GraphDataset> parts = List.of(dataset(List.of("TA", "WR")));

        assertSame(parts, Splits.benchmarkClasses(parts, "Protein"));
        assertSame(parts, Splits.benchmarkClasses(parts, null));
    }

    private static GraphDataset dataset(List<String> labels) {
        Graph point = Graph.fromAdjacency(new double[][] {{0.0}}).withNodeChannel(1.0);
        List<String> names = labels.stream().map(l -> "g" + l).toList();
        return new GraphDataset("fp", Collections.nCopies(labels.size(), point), labels, names,
                List.of("exists"), List.of("w"));
    }

    @Test
    void theRepeatedEntryOfTheIamFingerprintTestSplitIsKeptWithANote() {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path folder = Path.of(root).resolve("iam/Fingerprint/data");
        assumeTrue(Files.isDirectory(folder), "dataset not available: " + folder);

        Splits splits = Splits.iamFolder(folder, Splits.Reading.BY_MEANING);

        assertEquals(2000, splits.test().length, "the benchmark's 2000 test entries");
        assertTrue(splits.sample().dataset().notes().contains("test.cxl lists graph"
                + " 'f1003_04' twice (entries 1 and 3 as class 'L' and again as 'TR'); both"
                + " entries are predicted and counted, as in the IAM benchmark"),
                splits.sample().dataset().notes().toString());
    }

    @Test
    void aSplitFileReadAsADataSetNotesEveryGraphItListsTwice(@TempDir Path dir)
            throws IOException {
        String gxl = "<?xml version=\"1.0\"?>\n<gxl><graph id=\"g\" edgemode=\"undirected\">"
                + "<node id=\"a\"><attr name=\"x\"><float>1</float></attr></node>"
                + "</graph></gxl>\n";
        Files.writeString(dir.resolve("p.gxl"), gxl);
        Files.writeString(dir.resolve("q.gxl"), gxl);
        Files.createDirectory(dir.resolve("sub"));
        Path cxl = dir.resolve("all.cxl");
        Files.writeString(cxl, "<GraphCollection><graphs>"
                + "<print file=\"p.gxl\" class=\"A\"/><print file=\"q.gxl\" class=\"A\"/>"
                + "<print file=\"sub/../p.gxl\" class=\"B\"/></graphs></GraphCollection>\n");

        Sample sample = Sample.load(cxl.toString(), null, null);

        assertEquals(3, sample.graphs().size(), "both entries are read");
        assertTrue(sample.dataset().notes().contains("all.cxl lists graph 'p' twice (entries"
                + " 1 and 3 as class 'A' and again as 'B'); both entries are read, so the graph"
                + " counts twice"), sample.dataset().notes().toString());

        Files.writeString(cxl, "<GraphCollection><graphs>"
                + "<print file=\"p.gxl\" class=\"A\"/><print file=\"q.gxl\" class=\"A\"/>"
                + "</graphs></GraphCollection>\n");
        assertTrue(Sample.load(cxl.toString(), null, null).dataset().notes().stream()
                .noneMatch(n -> n.contains("twice")));

        Files.writeString(cxl, "<GraphCollection><graphs>"
                + "<print file=\"p.gxl\" class=\"A\"/><print file=\"q.gxl\" class=\"A\"/>"
                + "<print file=\"p.gxl\" class=\"A\"/><print file=\"sub/../p.gxl\""
                + " class=\"B\"/><print file=\"q.gxl\" class=\"A\"/></graphs>"
                + "</GraphCollection>\n");
        assertEquals(List.of("all.cxl lists graph 'p' 3 times (entries 1, 3 and 4 as classes"
                + " 'A', 'A' and 'B'); all 3 entries are read, so the graph counts 3 times",
                "all.cxl lists graph 'q' twice (entries 2 and 5 both as class 'A'); both"
                + " entries are read, so the graph counts twice"), Sample.load(cxl.toString(),
                        null, null).dataset().notes().stream()
                        .filter(n -> n.startsWith("all.cxl lists")).toList());
    }
}
