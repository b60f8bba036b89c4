package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader.Recoding;
import org.orbifold.space.Graph;

/** The choice of the IAM recoding and benchmark classes from the path of a split file. */
class SplitsTest {

    @Test
    void theNearestIamSetFolderChoosesTheRecoding() {
        for (String set : new String[] {"AIDS", "Fingerprint", "Protein"}) {
            Path file = Path.of("/data", "iam", set, "data", "train.cxl");

            assertEquals(Recoding.forIamSet(set).toString(),
                    Splits.recoding(file).toString(), file.toString());
        }
    }

    @Test
    void otherFilesAreReadAsStored() {
        assertEquals(Recoding.none().toString(),
                Splits.recoding(Path.of("/data", "iam", "Letter", "LOW", "train.cxl"))
                        .toString());
        assertEquals(Recoding.none().toString(),
                Splits.recoding(Path.of("train.cxl")).toString());
    }

    @Test
    void theReadingsChooseTheRecodingOfASplitFile() {
        Path protein = Path.of("/data", "iam", "Protein", "data", "train.cxl");
        Path letter = Path.of("/data", "iam", "Letter", "LOW", "train.cxl");

        assertEquals(Recoding.none().toString(),
                Splits.Reading.RAW.recoding(protein).toString());
        assertEquals(Recoding.forIamSet("Protein").toString(),
                Splits.Reading.BY_MEANING.recoding(protein).toString());
        assertEquals(Recoding.forIamSet("Protein").dipeptides(Recoding.AMINO_ACID_CLASSES,
                "sequence").toString(),
                Splits.Reading.SEQUENCE_PAIRS.recoding(protein).toString());
        assertEquals(Splits.Reading.SEQUENCE_PAIRS.recoding(protein).toString(),
                Splits.Reading.SEQUENCE_PAIRS.recoding(letter).toString());
    }

    @Test
    void fingerprintSplitsGetTheFourClassProblem() {
        List<String> stored = List.of("A", "AT", "L", "LT", "R", "RT", "T", "TA", "TL", "TR",
                "W", "WR");
        Path file = Path.of("/data", "iam", "Fingerprint", "data", "test.cxl");

        List<GraphDataset> mapped = Splits.benchmarkClasses(List.of(dataset(stored)), file);

        assertEquals(List.of("A", "A", "L", "L", "R", "R", "A", "A", "A", "A", "W", "W"),
                mapped.get(0).classLabels());
        assertTrue(mapped.get(0).notes().stream().anyMatch(n -> n.contains("four-class")),
                mapped.get(0).notes().toString());
    }

    @Test
    void otherSplitsKeepTheirClasses() {
        List<GraphDataset> parts = List.of(dataset(List.of("TA", "WR")));

        assertSame(parts, Splits.benchmarkClasses(parts,
                Path.of("/data", "iam", "Protein", "data", "train.cxl")));
        assertSame(parts, Splits.benchmarkClasses(parts, Path.of("train.cxl")));
    }

    private static GraphDataset dataset(List<String> labels) {
        Graph point = Graph.fromAdjacency(new double[][] {{0.0}});
        List<String> names = labels.stream().map(l -> "g" + l).toList();
        return new GraphDataset("fp", Collections.nCopies(labels.size(), point), labels, names,
                List.of(), List.of("w"));
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
