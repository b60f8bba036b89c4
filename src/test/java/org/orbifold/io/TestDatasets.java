package org.orbifold.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared read-only datasets; tests that need them skip when they are absent. */
final class TestDatasets {

    private TestDatasets() {
    }

    /** Returns a path under the datasets folder, skipping the test when it does not exist. */
    static Path require(String relative) {
        String root = System.getProperty("orbifold.datasets", "../shared/datasets");
        Path path = Path.of(root).resolve(relative);
        assumeTrue(Files.exists(path), "dataset not available: " + path);
        return path;
    }
}
