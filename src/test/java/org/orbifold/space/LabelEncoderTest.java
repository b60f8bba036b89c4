package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {

    @Test
    void integerLabelsAreOrderedNumerically() {
        LabelEncoder encoder = LabelEncoder.of(List.of("10", "2", "-1", "2"));
        assertEquals(List.of("-1", "2", "10"), encoder.labels());
        assertArrayEquals(new double[] {0, 0, 1}, encoder.encode("10"));
    }

    @Test
    void integersOfEqualValueWrittenDifferentlyStayDistinct() {
        LabelEncoder encoder = LabelEncoder.of(List.of("1", "01", "+1", "10", "-1", "1", "-0",
                "0"));
        assertEquals(List.of("-1", "-0", "0", "+1", "01", "1", "10"), encoder.labels());
        assertEquals(4, encoder.indexOf("01"));
        assertEquals(5, encoder.indexOf("1"));
        assertEquals(encoder.labels(), LabelEncoder.of(List.of("10", "0", "01", "-1", "1",
                "+1", "-0")).labels(), "the order does not depend on the order seen");
    }

    @Test
    void otherLabelsAreOrderedAsStrings() {
        LabelEncoder encoder = LabelEncoder.of(List.of("O", "C", "N", "C"));
        assertEquals(List.of("C", "N", "O"), encoder.labels());
        assertEquals(1, encoder.indexOf("N"));
    }

    @Test
    void decodeReadsTheMostLikelyLabel() {
        LabelEncoder encoder = LabelEncoder.of(List.of("C", "N", "O"));
        assertEquals("N", encoder.decode(new double[] {9, 0.2, 0.5, 0.3}, 1));
        assertEquals("C", encoder.decode(new double[] {0.5, 0.5, 0.0}, 0));
    }

    @Test
    void unknownLabelsAreNamed() {
        LabelEncoder encoder = LabelEncoder.of(List.of("C"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode("Xe"));
        assertTrue(e.getMessage().contains("Xe"), e.getMessage());
    }
}
