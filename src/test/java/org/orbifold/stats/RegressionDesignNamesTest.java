package org.orbifold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionDesignNamesTest {

    @Test
    void namesThatDoNotFitTheColumnsAreCountedInTheRightNumber() {
        double[][] two = {{1, 2}, {3, 5}, {4, 9}, {7, 1}};
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> RegressionDesign.of(two, List.of("a"), 4, 0));
        assertEquals("1 covariate name for 2 columns", one.getMessage());
        double[][] single = {{1}, {3}, {4}};
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> RegressionDesign.of(single, List.of("a", "b"), 3, 0));
        assertEquals("2 covariate names for 1 column", many.getMessage());
    }
}
