package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;

class NearestPrototypeTest {

    private static final double TOLERANCE = 1e-12;

    private final Aligner exact = Aligners.byName("exact", 1);
    private final LearnTestGraphs.Labelled train = LearnTestGraphs.families(21, 6, 0.1);
    private final LearnTestGraphs.Labelled test = LearnTestGraphs.families(22, 4, 0.1);
    private final GraphSpace space = GraphSpace.of(train.graphs());

    @Test
    void classMeansSeparateTheFamilies() {
        PrototypeModel model = new NearestPrototype(exact)
                .fit(space, train.graphs(), train.labels());
        assertEquals(LearnTestGraphs.CLASSES, model.prototypeLabels());
        assertEquals(test.labels(), model.predictAll(test.graphs(), Runnable::run));
        assertEquals(train.labels(), model.predictAll(train.graphs(), Runnable::run));
    }

    @Test
    void givenPrototypesScoreByNegativeDistance() {
        List<Graph> prototypes = List.of(LearnTestGraphs.point(0.0), LearnTestGraphs.point(2.0),
                LearnTestGraphs.point(3.0));
        GraphSpace line = GraphSpace.of(prototypes);
        PrototypeModel model = PrototypeModel.of(line, exact, prototypes,
                List.of("low", "high", "high"));
        assertEquals(List.of("high", "low"), model.classes().labels());
        double[] scores = model.scores(LearnTestGraphs.point(1.5));
        assertEquals(-0.5, scores[0], TOLERANCE);
        assertEquals(-1.5, scores[1], TOLERANCE);
        assertEquals("high", model.predict(LearnTestGraphs.point(1.5)));
        assertEquals("low", model.predict(LearnTestGraphs.point(0.9)));
        assertEquals(0, model.nearest(LearnTestGraphs.point(1.0)), "ties go to the first");
    }

    @Test
    void integersOfEqualValueWrittenDifferentlyAreTwoClasses() {
        List<Graph> graphs = List.of(LearnTestGraphs.point(0.0), LearnTestGraphs.point(0.2),
                LearnTestGraphs.point(3.0), LearnTestGraphs.point(3.2));
        PrototypeModel model = new NearestPrototype(exact)
                .fit(GraphSpace.of(graphs), graphs, List.of("+1", "+1", "1", "1"));
        assertEquals(List.of("+1", "1"), model.classes().labels());
        assertEquals(List.of("+1", "1"), model.prototypeLabels());
        assertEquals("+1", model.predict(LearnTestGraphs.point(0.1)));
        assertEquals("1", model.predict(LearnTestGraphs.point(3.1)));
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new NearestPrototype(exact).fit(space, train.graphs(), List.of("a")));
        assertTrue(length.getMessage().contains("differ in length"), length.getMessage());
        IllegalArgumentException nullLabel = assertThrows(IllegalArgumentException.class,
                () -> PrototypeModel.of(space, exact, List.of(train.graphs().get(0)),
                        Collections.singletonList(null)));
        assertTrue(nullLabel.getMessage().contains("labels[0]"), nullLabel.getMessage());
        GraphSpace tooSmall = GraphSpace.of(List.of(LearnTestGraphs.point(0.0)));
        assertThrows(IllegalArgumentException.class,
                () -> new NearestPrototype(exact).fit(tooSmall, train.graphs(),
                        train.labels()));
    }
}
