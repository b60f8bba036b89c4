package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

class PrototypeModelTest {

    @Test
    void lowerBoundsGiveTheExhaustiveNearestOnMoleculeLikeGraphs() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(41, 60);
        LearnTestGraphs.Labelled queries = NearestNeighborsTest.molecules(42, 40);
        GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(train.graphs(), queries.graphs()));
        Aligner aligner = Aligners.byName("fast", 3);

        // Training graphs as prototypes (sparse, varied), then trained GLVQ prototypes.
        PrototypeModel members = PrototypeModel.of(space, aligner,
                train.graphs().subList(0, 30), train.labels().subList(0, 30));
        long skipped = assertSameNearest(members, queries.graphs());
        assertTrue(skipped > 0, "no alignment skipped among member prototypes");
        PrototypeModel glvq = LearningGraphQuantization.builder().aligner(aligner)
                .rule(LearningGraphQuantization.Rule.GLVQ).prototypesPerClass(3).epochs(2)
                .seed(5).build().fit(space, train.graphs(), train.labels());
        assertSameNearest(glvq, queries.graphs());
    }

    @Test
    void tiesAreBrokenByIndexAsWithoutBounds() {
        // Repeated prototypes give equal distances; relabelled copies give distance 0.
        LearnTestGraphs.Labelled base = NearestNeighborsTest.molecules(51, 10);
        List<Graph> prototypes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < base.graphs().size(); i++) {
                prototypes.add(base.graphs().get(i));
                labels.add(copy + "-" + base.labels().get(i));
            }
        }
        SplittableRandom random = new SplittableRandom(52);
        List<Graph> queries = new ArrayList<>();
        for (Graph g : base.graphs()) {
            queries.add(g.permute(Permutation.random(g.order(), random)));
        }
        PrototypeModel model = PrototypeModel.of(GraphSpace.of(prototypes),
                Aligners.byName("exact", 1), prototypes, labels);
        assertSameNearest(model, queries);
        for (int q = 0; q < queries.size(); q++) {
            assertEquals(q, model.nearest(queries.get(q)), "the first copy wins, query " + q);
        }
    }

    @Test
    void lowerBoundsGiveTheExhaustiveNearestOnLetterHigh() throws IOException {
        LearnTestGraphs.WithQueries letters = LearnTestGraphs.letterHigh(150, 60);
        List<Graph> train = letters.train().graphs();
        List<String> labels = letters.train().labels();
        List<Graph> queries = letters.queries();
        GraphSpace space = letters.space();
        Aligner aligner = Aligners.byName("fast", 42);
        assertSameNearest(PrototypeModel.of(space, aligner, train, labels), queries);
        PrototypeModel glvq = LearningGraphQuantization.builder().aligner(aligner)
                .rule(LearningGraphQuantization.Rule.GLVQ).prototypesPerClass(2).epochs(2)
                .seed(1).build().fit(space, train, labels);
        assertSameNearest(glvq, queries);
        assertSameNearest(new NearestPrototype(aligner).fit(space, train, labels), queries);
    }

    @Test
    void searchCanBeChosenAndIsCounted() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(61, 12);
        GraphSpace space = GraphSpace.of(train.graphs());
        Aligner aligner = Aligners.byName("fast", 1);
        PrototypeModel bounded = PrototypeModel.of(space, aligner, train.graphs(),
                train.labels());
        assertTrue(bounded.lowerBounds());
        PrototypeModel plain = PrototypeModel.of(space, aligner, train.graphs(), train.labels(),
                false);
        assertFalse(plain.lowerBounds());
        assertTrue(plain.withLowerBounds(true).lowerBounds());
        assertEquals(plain.prototypes(), plain.withLowerBounds(true).prototypes());
        plain.predict(train.graphs().get(0));
        assertEquals(12, plain.alignmentsComputed());
        assertEquals(0, plain.alignmentsSkipped());
    }

    @Test
    void cappedPrototypesKeepTheirHeaviestNodes() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(71, 40);
        GraphSpace space = GraphSpace.of(train.graphs());
        Aligner aligner = Aligners.byName("fast", 1);
        int cap = 7;
        PrototypeModel full = new NearestPrototype(aligner).fit(space, train.graphs(),
                train.labels());
        PrototypeModel capped = new NearestPrototype(aligner,
                org.orbifold.stats.FrechetMean.builder().aligner(aligner).build(), cap)
                .fit(space, train.graphs(), train.labels());
        for (int p = 0; p < full.prototypes().size(); p++) {
            Graph mean = full.prototypes().get(p);
            Graph cut = capped.prototypes().get(p);
            assertEquals(Math.min(cap, mean.order()), cut.order());
            assertEquals(ModelOrders.heaviest(space, mean, cap), cut,
                    "the cut of the uncapped mean, prototype " + p);
        }
        // A cap at the space size changes nothing.
        PrototypeModel same = new NearestPrototype(aligner,
                org.orbifold.stats.FrechetMean.builder().aligner(aligner).build(), space.size())
                .fit(space, train.graphs(), train.labels());
        assertEquals(full.prototypes(), same.prototypes());
        assertThrows(IllegalArgumentException.class, () -> new NearestPrototype(aligner,
                org.orbifold.stats.FrechetMean.builder().aligner(aligner).build(), -1));
    }

    @Test
    void heaviestNodesAreFoundByBruteForce() {
        SplittableRandom random = new SplittableRandom(81);
        GraphSpace space = new GraphSpace(7, 2, 1, 1.0, 0.5);
        for (int trial = 0; trial < 30; trial++) {
            Graph.Builder builder = Graph.builder(2, 1);
            for (int i = 0; i < 7; i++) {
                builder.addNode(random.nextDouble() - 0.5, random.nextDouble());
            }
            for (int e = 0; e < 6; e++) {
                int a = random.nextInt(7);
                int b = random.nextInt(7);
                if (a != b) {
                    builder.addEdge(a, b, 0.1 + random.nextDouble());
                }
            }
            Graph g = builder.build();
            double[] mass = masses(space, g);
            for (int m = 1; m <= 7; m++) {
                Graph cut = ModelOrders.heaviest(space, g, m);
                assertEquals(m, cut.order());
                // Largest total mass over all m-subsets, by enumeration.
                double best = 0.0;
                for (int subset = 0; subset < 1 << 7; subset++) {
                    if (Integer.bitCount(subset) != m) {
                        continue;
                    }
                    double sum = 0.0;
                    for (int i = 0; i < 7; i++) {
                        sum += (subset >> i & 1) == 1 ? mass[i] : 0.0;
                    }
                    best = Math.max(best, sum);
                }
                double kept = 0.0;
                for (int i = 0; i < 7; i++) {
                    for (int k = 0; k < m; k++) {
                        if (cut.nodeVector(k)[0] == g.nodeVector(i)[0]
                                && cut.nodeVector(k)[1] == g.nodeVector(i)[1]) {
                            kept += mass[i];
                        }
                    }
                }
                assertEquals(best, kept, 1e-12, "trial " + trial + ", m = " + m);
            }
        }
    }

    @Test
    void cappedLearningGraphQuantizationKeepsTheOrder() {
        LearnTestGraphs.Labelled train = NearestNeighborsTest.molecules(91, 40);
        LearnTestGraphs.Labelled queries = NearestNeighborsTest.molecules(92, 20);
        GraphSpace space = GraphSpace.of(LearnTestGraphs.concat(train.graphs(), queries.graphs()));
        Aligner aligner = Aligners.byName("fast", 1);
        for (LearningGraphQuantization.Rule rule : LearningGraphQuantization.Rule.values()) {
            PrototypeModel model = LearningGraphQuantization.builder().aligner(aligner)
                    .rule(rule).prototypesPerClass(2).epochs(2).seed(3).maxPrototypeOrder(6)
                    .build().fit(space, train.graphs(), train.labels());
            for (Graph prototype : model.prototypes()) {
                assertEquals(6, prototype.order(), rule.name());
            }
            assertSameNearest(model, queries.graphs());
        }
        assertThrows(IllegalArgumentException.class,
                () -> LearningGraphQuantization.builder().maxPrototypeOrder(-1));
    }

    /** Node masses as the class Javadoc of ModelOrders defines them. */
    private static double[] masses(GraphSpace space, Graph g) {
        double[] mass = new double[g.order()];
        for (int i = 0; i < g.order(); i++) {
            double node = 0.0;
            for (double v : g.nodeVector(i)) {
                node += v * v;
            }
            double edge = 0.0;
            for (int j = 0; j < g.order(); j++) {
                if (j != i) {
                    for (double v : g.edgeVector(i, j)) {
                        edge += v * v;
                    }
                }
            }
            mass[i] = space.nodeWeight() * node + space.edgeWeight() * edge;
        }
        return mass;
    }

    /**
     * Checks that the bounded and the exhaustive search find the same nearest prototype for
     * every query, that the counts add up, and returns the alignments skipped.
     */
    private static long assertSameNearest(PrototypeModel model, List<Graph> queries) {
        PrototypeModel plain = model.withLowerBounds(false);
        PrototypeModel bounded = model.withLowerBounds(true);
        for (int q = 0; q < queries.size(); q++) {
            Graph query = queries.get(q);
            // The reference: the first of the smallest distances over all prototypes.
            double[] scores = plain.scores(query);
            int expected = 0;
            double best = Double.POSITIVE_INFINITY;
            List<org.orbifold.match.Alignment> all = plain.alignments(query);
            for (int p = 0; p < all.size(); p++) {
                if (all.get(p).distance() < best) {
                    best = all.get(p).distance();
                    expected = p;
                }
            }
            assertEquals(expected, plain.nearest(query), "exhaustive, query " + q);
            assertEquals(expected, bounded.nearest(query), "bounded, query " + q);
            assertEquals(plain.predict(query), bounded.predict(query), "query " + q);
            assertEquals(scores.length, model.classes().size());
        }
        long n = model.prototypes().size() * 2L * queries.size();
        assertEquals(n, bounded.alignmentsComputed() + bounded.alignmentsSkipped());
        assertEquals(n, plain.alignmentsComputed());
        return bounded.alignmentsSkipped();
    }
}
