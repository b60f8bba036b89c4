package org.orbifold.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fill colours of the labels of a drawing's first one-hot node group ({@link SvgDrawing}),
 * by label position: a different colour for every label, as {@code #rrggbb}.
 *
 * <p>The first {@value #CLASSIC} colours are a fixed list of ten (grey, red, blue, green,
 * orange, purple, brown, pink, olive, cyan), those that drawings have always used, so that a
 * drawing of up to ten labels keeps its colours. Further colours come from a deterministic
 * sequence in the OKLab colour space (Ottosson, "A perceptual color space for image
 * processing", 2020), whose distances follow perceived differences: colour {@code j} of the
 * sequence turns the hue by the golden angle from the one before (about 222.5 degrees, so
 * that any run of consecutive colours spreads round the circle), takes the lightness from
 * {@code 0.50} to {@code 0.78} (about the range of the fixed ten, 0.51 to 0.77) in the binary
 * van der Corput order of {@code j} and the chroma from {@code 0.06} to {@code 0.16} in its
 * ternary order, lowered until the colour fits the sRGB gamut. A drawing puts the node texts
 * above the circles, on the white page, so what a fill must do is stand out from that page:
 * a colour of the sequence is skipped when its WCAG 2 contrast ratio against white
 * ({@code #ffffff}) is below that of the lightest fixed colour, olive {@code #bcbd22}
 * ({@link #LEAST_CONTRAST}, about 2.01), or when it is already taken (by a fixed colour, by
 * the fill of nodes without a label, {@link #UNLABELLED}, or by an earlier label). Labels 10
 * to 63 take, one after the other, the colour among the first {@value #POOL} of the sequence
 * that is farthest in OKLab from every colour taken so far (the first such on ties), which
 * keeps the first few dozen labels apart to the eye (each of labels 10 to 63 at least 0.058
 * from every other of the 64, about three just noticeable differences, and 0.075 among the
 * first 40); later labels take the colours of the sequence in its order. The colour of a
 * label depends on its position only: the colours of a group of 40 labels begin with those
 * of a group of 12.
 *
 * <p><b>Limitations.</b> Colours past the first {@value #CHOSEN_COUNT} may lie close to
 * earlier ones (they are distinct as {@code #rrggbb} values, not necessarily to the eye; the
 * node texts tell the labels apart). The contrast with the page bounds a fill's lightness
 * only: a dark fill (down to black, though the sequence gives none darker than OKLab
 * lightness 0.50) is as valid, and the first ten are kept as they are whatever their
 * contrast. When the sequence finds no new colour in {@value #TRIES} tries, which only
 * millions of labels would cause, the rest are taken in the order of their {@code #rrggbb}
 * value among those of enough contrast; past the last of those (12,657,954 of the 16,777,216
 * colours have enough contrast), the list starts again from its first colour.
 */
final class NodePalette {

    /** The fill of a node whose first one-hot group has no positive label. */
    static final String UNLABELLED = "#5b8fd0";

    /** The fixed colours that the list begins with. */
    static final int CLASSIC = 10;

    /** The colours chosen apart: the fixed ones, then those picked farthest from them. */
    static final int CHOSEN_COUNT = 64;

    /** The colours of the sequence among which the farthest are picked. */
    static final int POOL = 2000;

    /** Consecutive skipped colours of the sequence after which the rest are enumerated. */
    static final int TRIES = 100_000;

    private static final List<String> FIXED = List.of("#7f7f7f", "#d62728", "#1f77b4",
            "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf");

    /**
     * The least contrast ratio against the white page of a colour after the fixed ones: that
     * of the lightest fixed colour, olive {@code #bcbd22} (about 2.01).
     */
    static final double LEAST_CONTRAST = FIXED.stream().mapToDouble(NodePalette::contrastWithWhite)
            .min().orElseThrow();

    /** The golden ratio's fractional part: the hue step, in turns. */
    private static final double GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;

    private NodePalette() {
    }

    /** The first {@link #CHOSEN_COUNT} colours, computed once. */
    private static final class Chosen {
        static final List<String> COLOURS = chooseApart();
    }

    /**
     * Returns the colours of the first {@code count} labels, all different.
     *
     * @param count the number of labels, {@code >= 0}
     * @return {@code count} colours as {@code #rrggbb}, lower-case
     * @throws IllegalArgumentException if {@code count < 0}
     */
    static List<String> colours(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (count <= CLASSIC) {
            return FIXED.subList(0, count);
        }
        List<String> chosen = Chosen.COLOURS;
        if (count <= chosen.size()) {
            return chosen.subList(0, count);
        }
        List<String> result = new ArrayList<>(count);
        result.addAll(chosen);
        Set<String> taken = new HashSet<>(chosen);
        taken.add(UNLABELLED);
        int j = 0;
        int misses = 0;
        int scanned = 0;
        while (result.size() < count && scanned <= 0xFFFFFF) {
            // The sequence until it misses TRIES times in a row, then every colour in order.
            String colour = misses < TRIES ? sequence(j++) : hex(scanned++);
            if (standsOut(colour) && taken.add(colour)) {
                result.add(colour);
                misses = misses < TRIES ? 0 : misses;
            } else if (misses < TRIES) {
                misses++;
            }
        }
        // Every colour of enough contrast with the page is taken: the list starts again.
        int distinct = result.size();
        while (result.size() < count) {
            result.add(result.get(result.size() % distinct));
        }
        return result;
    }

    /**
     * Returns the fixed colours followed by those picked one by one from the first
     * {@link #POOL} colours of the sequence, each the farthest in OKLab from the
     * colours before it and from {@link #UNLABELLED} (the earliest on ties).
     */
    private static List<String> chooseApart() {
        Set<String> taken = new HashSet<>(FIXED);
        taken.add(UNLABELLED);
        List<String> pool = new ArrayList<>(POOL);
        for (int j = 0; pool.size() < POOL; j++) {
            String colour = sequence(j);
            if (standsOut(colour) && taken.add(colour)) {
                pool.add(colour);
            }
        }
        double[][] points = new double[POOL][];
        double[] nearest = new double[POOL];
        for (int i = 0; i < POOL; i++) {
            points[i] = oklab(pool.get(i));
            nearest[i] = distance(points[i], oklab(UNLABELLED));
            for (String fixed : FIXED) {
                nearest[i] = Math.min(nearest[i], distance(points[i], oklab(fixed)));
            }
        }
        List<String> result = new ArrayList<>(FIXED);
        boolean[] used = new boolean[POOL];
        while (result.size() < CHOSEN_COUNT) {
            int best = -1;
            for (int i = 0; i < POOL; i++) {
                if (!used[i] && (best < 0 || nearest[i] > nearest[best])) {
                    best = i;
                }
            }
            used[best] = true;
            result.add(pool.get(best));
            for (int i = 0; i < POOL; i++) {
                nearest[i] = Math.min(nearest[i], distance(points[i], points[best]));
            }
        }
        return List.copyOf(result);
    }

    /** Returns colour {@code j} of the sequence after the fixed colours. */
    static String sequence(int j) {
        double hue = 2.0 * Math.PI * (0.1 + j * GOLDEN - Math.floor(0.1 + j * GOLDEN));
        double lightness = 0.50 + 0.28 * radicalInverse(j, 2);
        double chroma = 0.06 + 0.10 * radicalInverse(j, 3);
        double[] rgb = linearRgb(lightness, chroma, hue);
        while (!inGamut(rgb)) {
            chroma *= 0.9;
            rgb = linearRgb(lightness, chroma, hue);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", encode(rgb[0]), encode(rgb[1]),
                encode(rgb[2]));
    }

    /** Returns the van der Corput radical inverse of {@code j} in {@code base}, in [0, 1). */
    static double radicalInverse(int j, int base) {
        double result = 0.0;
        double scale = 1.0 / base;
        for (int rest = j; rest > 0; rest /= base) {
            result += (rest % base) * scale;
            scale /= base;
        }
        return result;
    }

    /** Returns the linear sRGB of an OKLCh colour (Ottosson's published matrices). */
    private static double[] linearRgb(double lightness, double chroma, double hue) {
        double a = chroma * Math.cos(hue);
        double b = chroma * Math.sin(hue);
        double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
        double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
        double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
        return new double[] {
            4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s,
        };
    }

    private static double cube(double v) {
        return v * v * v;
    }

    private static boolean inGamut(double[] rgb) {
        for (double v : rgb) {
            if (v < 0.0 || v > 1.0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the 8-bit sRGB code of a linear value in [0, 1]. */
    private static int encode(double linear) {
        double v = linear <= 0.0031308 ? 12.92 * linear
                : 1.055 * Math.pow(linear, 1.0 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0.0, Math.min(1.0, v)) * 255.0);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /** Returns whether the colour stands out from the white page as the fixed ten do. */
    private static boolean standsOut(String colour) {
        return contrastWithWhite(colour) >= LEAST_CONTRAST;
    }

    /** Returns the OKLab coordinates of an sRGB colour (Ottosson's published matrices). */
    static double[] oklab(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        double r = decode(rgb >> 16 & 0xFF);
        double g = decode(rgb >> 8 & 0xFF);
        double b = decode(rgb & 0xFF);
        double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new double[] {
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
        };
    }

    private static double distance(double[] p, double[] q) {
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - q[i]) * (p[i] - q[i]);
        }
        return Math.sqrt(sum);
    }

    /**
     * Returns the contrast ratio of the colour against white, {@code 1.05 / (Y + 0.05)} with
     * {@code Y} its relative luminance (WCAG 2).
     *
     * @param colour {@code #rrggbb}
     * @return the ratio, from 1 (white) to 21 (black)
     */
    static double contrastWithWhite(String colour) {
        return 1.05 / (luminance(colour) + 0.05);
    }

    /** Returns the relative luminance of an sRGB colour (WCAG 2), from 0 to 1. */
    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * decode(rgb >> 16 & 0xFF) + 0.7152 * decode(rgb >> 8 & 0xFF)
                + 0.0722 * decode(rgb & 0xFF);
    }

    /** Returns the linear value of an 8-bit sRGB code. */
    private static double decode(int code) {
        double v = code / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
