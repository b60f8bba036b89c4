package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.orbifold.io.IamDatasetReader.Recoding;

/** The choice of the IAM recoding from the path of a split file. */
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
}
