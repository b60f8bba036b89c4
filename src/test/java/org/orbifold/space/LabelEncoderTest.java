package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {

    @Test
    void aNullLabelIsNamedByItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelEncoder.of(Arrays.asList("a", null)));

        assertEquals("labels must not be null: observed[1] is null", e.getMessage());
    }

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

    @Test
    void integersBeyondLongAreOrderedByValue() {
        LabelEncoder encoder = LabelEncoder.of(List.of("10", "2", "99999999999999999999",
                "-99999999999999999999", "9223372036854775808"));
        assertEquals(List.of("-99999999999999999999", "2", "10", "9223372036854775808",
                "99999999999999999999"), encoder.labels());
    }

    @Test
    void onlyAsciiDigitsMakeIntegers() {
        // Arabic-Indic digits one and two, and a lone sign: labels, not integers.
        LabelEncoder encoder = LabelEncoder.of(List.of("10", "\u0661\u0662", "2"));
        assertEquals(List.of("10", "2", "\u0661\u0662"), encoder.labels(),
                "ordered as strings, since one label is not an ASCII integer");
        assertEquals(List.of("+", "-", "1"), LabelEncoder.of(List.of("-", "1", "+")).labels());
    }

    @Test
    void decodingWithNoLabelsIsRefusedClearly() {
        LabelEncoder empty = LabelEncoder.of(List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> empty.decode(new double[] {1.0}, 0));
        assertTrue(e.getMessage().contains("no labels"), e.getMessage());
    }

    @Test
    void equalLabelListsMakeEqualEncoders() {
        LabelEncoder a = LabelEncoder.of(List.of("C", "N", "O"));
        LabelEncoder b = LabelEncoder.of(List.of("O", "N", "C", "C"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, LabelEncoder.of(List.of("C", "N")));
        assertNotEquals(a, "LabelEncoder[C, N, O]");
    }
}
