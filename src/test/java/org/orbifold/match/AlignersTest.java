package org.orbifold.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AlignersTest {

    @Test
    void findsEveryNamedAligner() {
        assertEquals(List.of("exact", "fast", "faq", "ga", "ipfp", "multistart", "nodes",
                "thorough"), Aligners.names());
        for (String name : Aligners.names()) {
            assertEquals(name, Aligners.byName(name, 1L).name());
        }
        assertInstanceOf(ExactAligner.class, Aligners.byName(" EXACT ", 1L));
        assertInstanceOf(FaqAligner.class, Aligners.defaultAligner(1L));
        assertEquals("faq", Aligners.defaultAligner(1L).name());
        assertInstanceOf(FaqAligner.class, Aligners.byName("fast", 1L));
        assertInstanceOf(TabuAligner.class, Aligners.byName("thorough", 1L));
        assertInstanceOf(FaqAligner.class, Aligners.byName("MultiStart", 1L));
        assertInstanceOf(IpfpAligner.class, Aligners.byName("ipfp", 1L));
        assertInstanceOf(GraduatedAssignmentAligner.class, Aligners.byName("GA", 1L));
    }

    @Test
    void rejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Aligners.byName("hungarian", 1L));
        assertTrue(e.getMessage().contains("hungarian"), e.getMessage());
        assertTrue(e.getMessage().contains(
                "exact, fast, faq, ga, ipfp, multistart, nodes, thorough"), e.getMessage());
    }
}
