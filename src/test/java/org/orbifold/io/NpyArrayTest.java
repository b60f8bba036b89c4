package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NpyArrayTest {

    @Test
    void aShapeThatDoesNotFitTheValuesCountsThemInTheRightNumber() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new NpyArray(new int[] {1}, new double[] {1, 2}));
        assertEquals("shape [1] needs 1 value, got 2", one.getMessage());
        IllegalArgumentException six = assertThrows(IllegalArgumentException.class,
                () -> new NpyArray(new int[] {2, 3}, new double[] {1}));
        assertEquals("shape [2, 3] needs 6 values, got 1", six.getMessage());
    }
}
