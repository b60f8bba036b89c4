package org.orbifold.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.orbifold.io.GraphMlReader;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.io.NpyReader;
import org.orbifold.io.QaplibReader;
import org.orbifold.io.SvgDrawing;
import org.orbifold.io.TuDatasetReader;
import org.orbifold.match.Aligners;

/** Null arguments and entries are refused with messages that name them. */
class NullArgumentsTest {

    private static void assertMessage(Class<? extends Throwable> type, String message,
            Executable call) {
        Throwable e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    private static Graph point(double value) {
        Graph.Builder b = Graph.builder(1, 1);
        b.addNode(value);
        return b.build();
    }

    @Test
    void spaceAndPermutationNameTheirNullArguments() {
        Graph a = point(1.0);
        assertMessage(NullPointerException.class, "graphs", () -> GraphSpace.of(null));
        assertMessage(IllegalArgumentException.class, "graphs[1] is null",
                () -> GraphSpace.of(Arrays.asList(a, null)));
        assertMessage(NullPointerException.class, "x",
                () -> GraphSpace.of(List.of(a)).squaredNorm(null));
        assertMessage(NullPointerException.class, "image", () -> Permutation.of((int[]) null));
        assertMessage(NullPointerException.class, "weights", () -> Graph.fromAdjacency(null));
        assertMessage(NullPointerException.class, "random", () -> Permutation.random(3, null));
        assertMessage(NullPointerException.class, "graphs", () -> NodeExistence.append(null));
        assertMessage(NullPointerException.class, "graphs[1]",
                () -> NodeExistence.append(Arrays.asList(a, null)));
        assertMessage(NullPointerException.class, "training[0]",
                () -> AttributeScaling.standardize(Arrays.asList((Graph) null), 0));
        assertMessage(NullPointerException.class, "observed", () -> LabelEncoder.of(null));
    }

    @Test
    void bestOfNamesANullListOrMember() {
        assertMessage(NullPointerException.class, "members",
                () -> new org.orbifold.match.BestOfAligner("b", null));
        assertMessage(NullPointerException.class, "members[1]",
                () -> new org.orbifold.match.BestOfAligner("b", Arrays.asList(
                        Aligners.byName("nodes", 1L), null)));
    }

    @Test
    void fromAdjacencyNamesANonFiniteEntry() {
        assertMessage(IllegalArgumentException.class,
                "adjacency entry (0, 1) is NaN; weights must be finite",
                () -> Graph.fromAdjacency(new double[][] {{0, Double.NaN}, {Double.NaN, 0}}));
        assertMessage(IllegalArgumentException.class,
                "adjacency entry (1, 0) is Infinity; weights must be finite",
                () -> Graph.fromAdjacency(new double[][] {{0, 1}, {Double.POSITIVE_INFINITY,
                    0}}));
    }

    @Test
    void readersNameTheirNullPath() {
        assertMessage(NullPointerException.class, "folder", () -> TuDatasetReader.read(null));
        assertMessage(NullPointerException.class, "cxlFile", () -> IamDatasetReader.read(null));
        assertMessage(NullPointerException.class, "path",
                () -> new GraphMlReader().read((Path) null));
        assertMessage(NullPointerException.class, "npy", () -> NpyReader.readArray(null));
        assertMessage(NullPointerException.class, "dat",
                () -> QaplibReader.readInstance(null));
    }

    @Test
    void drawingsNameNullGraphsAndTitles() {
        Graph a = point(1.0);
        SvgDrawing svg = SvgDrawing.of(List.of("v"), List.of("e"));
        assertMessage(NullPointerException.class, "graphs", () -> svg.graphs("h", null,
                List.of("t")));
        assertMessage(NullPointerException.class, "titles", () -> svg.graphs("h", List.of(a),
                null));
        assertMessage(IllegalArgumentException.class, "titles[0] is null; give \"\" for no"
                + " title", () -> svg.graphs("h", List.of(a), Arrays.asList((String) null)));
        assertMessage(IllegalArgumentException.class, "graphs[1] is null",
                () -> svg.graphs("h", Arrays.asList(a, null), List.of("t", "u")));
        GraphSpace space = GraphSpace.of(List.of(a));
        assertMessage(NullPointerException.class, "firstTitle", () -> svg.alignment("c", a,
                null, a, "u", Aligners.byName("faq", 1).align(space, a, a)));
    }
}
