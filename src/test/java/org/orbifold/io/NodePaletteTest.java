package org.orbifold.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fill colours of node labels: fixed first ten, then distinct and clear of the page. */
class NodePaletteTest {

    private static final List<String> CLASSIC = List.of("#7f7f7f", "#d62728", "#1f77b4",
            "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf");

    @Test
    void theFirstTenAreTheColoursDrawingsAlwaysHad() {
        assertEquals(CLASSIC, NodePalette.colours(10));
        assertEquals(CLASSIC.subList(0, 3), NodePalette.colours(3));
        assertEquals(List.of(), NodePalette.colours(0));
        assertEquals(CLASSIC, NodePalette.colours(40).subList(0, 10));
    }

    @Test
    void fortyLabelsGetFortyDifferentColoursThatStandOutFromThePage() {
        List<String> colours = NodePalette.colours(40);
        assertEquals(40, colours.size());
        assertEquals(40, new HashSet<>(colours).size(), colours.toString());
        for (String colour : colours) {
            assertTrue(colour.matches("#[0-9a-f]{6}"), colour);
            assertFalse(colour.equals(NodePalette.UNLABELLED), colour);
        }
        for (String colour : colours.subList(10, 40)) {
            assertTrue(NodePalette.contrastWithWhite(colour) >= NodePalette.LEAST_CONTRAST,
                    colour + ": contrast " + NodePalette.contrastWithWhite(colour));
        }
    }

    /**
     * The bar for added colours is the lightest fixed colour's contrast with the white page,
     * olive #bcbd22: luminance 0.4720 by WCAG's formula, ratio 1.05 / 0.5220 = 2.0114; every
     * fixed colour reaches it, and so does every added one of 20,000 labels, among them none
     * of the pale fills the old rule let in.
     */
    @Test
    void everyAddedColourIsAtLeastAsFarFromWhiteAsTheLightestFixedOne() {
        assertEquals(2.011415, NodePalette.LEAST_CONTRAST, 1e-6);
        assertEquals(NodePalette.contrastWithWhite("#bcbd22"), NodePalette.LEAST_CONTRAST, 0.0);
        for (String colour : CLASSIC) {
            assertTrue(NodePalette.contrastWithWhite(colour) >= NodePalette.LEAST_CONTRAST);
        }
        List<String> many = NodePalette.colours(20_000);
        for (String colour : many.subList(10, many.size())) {
            assertTrue(NodePalette.contrastWithWhite(colour) >= NodePalette.LEAST_CONTRAST,
                    colour + ": contrast " + NodePalette.contrastWithWhite(colour));
        }
        for (String pale : List.of("#fdc6ce", "#cbcffb", "#f3d47a")) {
            assertTrue(NodePalette.contrastWithWhite(pale) < NodePalette.LEAST_CONTRAST, pale);
            assertFalse(many.contains(pale), pale);
        }
    }

    /**
     * The added colours are far apart to the eye where it matters, among the first labels:
     * in OKLab, each of labels 10 to 39 is at least 0.075 from every other of the forty and
     * each of labels 10 to 63 at least 0.058 from every other of the 64 (a just noticeable
     * difference is about 0.02).
     */
    @Test
    void theAddedColoursAreApartInAPerceptualSpace() {
        double forty = least(NodePalette.colours(40));
        assertTrue(forty >= 0.075, "least distance among 40: " + forty);
        double chosen = least(NodePalette.colours(NodePalette.CHOSEN_COUNT));
        assertTrue(chosen >= 0.058, "least distance among 64: " + chosen);
    }

    /** OKLab of white, black and sRGB red, as Ottosson's article gives them. */
    @Test
    void oklabHasItsKnownValues() {
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, NodePalette.oklab("#ffffff"), 1e-4);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, NodePalette.oklab("#000000"), 1e-12);
        assertArrayEquals(new double[] {0.6279554, 0.2248631, 0.1258463},
                NodePalette.oklab("#ff0000"), 1e-4);
    }

    @Test
    void manyLabelsStayDistinctAndAListGrowsByItsEnd() {
        List<String> many = NodePalette.colours(20_000);
        assertEquals(20_000, new HashSet<>(many).size());
        assertEquals(many.subList(0, 40), NodePalette.colours(40));
        assertFalse(many.contains(NodePalette.UNLABELLED));
    }

    @Test
    void contrastIsWcagsRatio() {
        assertEquals(1.0, NodePalette.contrastWithWhite("#ffffff"), 1e-12);
        assertEquals(21.0, NodePalette.contrastWithWhite("#000000"), 1e-12);
        // Mid grey: luminance 0.2158605 (WCAG's formula), ratio 3.949.
        assertEquals(1.05 / (0.21586050011389926 + 0.05),
                NodePalette.contrastWithWhite("#808080"), 1e-9);
    }

    @Test
    void radicalInversesAreVanDerCorputs() {
        double[] base2 = {0.0, 0.5, 0.25, 0.75, 0.125, 0.625};
        for (int j = 0; j < base2.length; j++) {
            assertEquals(base2[j], NodePalette.radicalInverse(j, 2), 0.0);
        }
        assertEquals(1.0 / 3 + 1.0 / 9, NodePalette.radicalInverse(4, 3), 1e-15);
    }

    @Test
    void aNegativeCountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NodePalette.colours(-1));
        assertEquals("count must be >= 0, got -1", e.getMessage());
    }

    /** Returns the least OKLab distance of an added colour (label 10 on) to any other. */
    private static double least(List<String> colours) {
        double least = Double.POSITIVE_INFINITY;
        for (int a = NodePalette.CLASSIC; a < colours.size(); a++) {
            double[] p = NodePalette.oklab(colours.get(a));
            for (int b = 0; b < colours.size(); b++) {
                if (a == b) {
                    continue;
                }
                double[] q = NodePalette.oklab(colours.get(b));
                double sum = 0.0;
                for (int i = 0; i < 3; i++) {
                    sum += (p[i] - q[i]) * (p[i] - q[i]);
                }
                least = Math.min(least, Math.sqrt(sum));
            }
        }
        return least;
    }
}
