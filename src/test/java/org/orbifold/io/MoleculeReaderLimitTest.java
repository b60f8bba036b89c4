package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MoleculeReader#withLimit}: the reader stops at the limit's molecules in every
 * format, so that records after them are neither parsed nor checked.
 */
class MoleculeReaderLimitTest {

    @TempDir
    Path dir;

    /** A V2000 record of one carbon atom, titled {@code title}, ended by {@code $$$$}. */
    private static String methane(String title) {
        return title + "\n  test\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n"
                + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
                + "M  END\n$$$$\n";
    }

    @Test
    void smilesCsvAndSdfStopAtTheLimit() throws IOException {
        Path smiles = Files.writeString(dir.resolve("m.smi"), "CCO\nCCN\nC1CC\n");
        Path csv = Files.writeString(dir.resolve("m.csv"), "smiles,label\nCCO,a\nCCN,b\n"
                + "not,a,row\nC1CC,a\n");
        Path sdf = Files.writeString(dir.resolve("m.sdf"), methane("one") + methane("two")
                + "broken\n  test\n\n  x\n$$$$\n");

        // The third record starts on line 3 of the SMILES file, 4 of the CSV file (after its
        // header) and 15 of the SD file (after two records of 7 lines; its flaw, the counts
        // line, is line 18).
        Map<Path, Integer> thirdLine = Map.of(smiles, 3, csv, 4, sdf, 15);
        for (Path file : List.of(smiles, csv, sdf)) {
            assertThrows(DatasetFormatException.class, () -> new MoleculeReader().read(file),
                    file.toString());
            GraphDataset read = new MoleculeReader().withLimit(2).read(file);
            assertEquals(2, read.size(), file.toString());
            assertTrue(read.notes().contains("stopped after the first 2 molecules (the"
                    + " limit): records from 3 on (from line " + thirdLine.get(file) + ") were"
                    + " not parsed"), read.notes().toString());
            assertEquals(2, new MoleculeReader().withLimit(5).withSkipInvalid(true).read(file)
                    .size(), file.toString());
        }
    }

    /**
     * Skipped records do not count toward the limit, which is of molecules read; a file with
     * no more molecules than the limit gets no note; 0 reads every record.
     */
    @Test
    void skippedRecordsDoNotCountAndAShortFileGetsNoNote() throws IOException {
        Path smiles = Files.writeString(dir.resolve("s.smi"), "C1CC\nCCO\nCCN\nCO\n");

        GraphDataset two = new MoleculeReader().withSkipInvalid(true).withLimit(2).read(smiles);
        GraphDataset all = new MoleculeReader().withSkipInvalid(true).withLimit(0).read(smiles);
        GraphDataset three = new MoleculeReader().withSkipInvalid(true).withLimit(3)
                .read(smiles);

        assertEquals(List.of("s#2", "s#3"), two.graphNames());
        assertTrue(two.notes().contains("stopped after the first 2 molecules (the limit):"
                + " records from 4 on (from line 4) were not parsed"), two.notes().toString());
        assertEquals(3, all.size());
        assertEquals(3, three.size());
        assertTrue(three.notes().stream().noneMatch(n -> n.startsWith("stopped")),
                three.notes().toString());
        assertThrows(IllegalArgumentException.class, () -> new MoleculeReader().withLimit(-1));
    }
}
