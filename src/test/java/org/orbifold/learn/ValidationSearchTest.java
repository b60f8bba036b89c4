package org.orbifold.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orbifold.learn.ValidationSearch.Candidate;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.LabelEncoder;

class ValidationSearchTest {

    private static final double TOLERANCE = 1e-12;

    private static final Aligner EXACT = Aligners.byName("exact", 1);

    /** Training graphs: points at 0 (class a) and 10 (class b), and one b outlier at 1. */
    private static final List<Graph> TRAIN = List.of(LearnTestGraphs.point(0.0),
            LearnTestGraphs.point(0.2), LearnTestGraphs.point(10.0),
            LearnTestGraphs.point(10.2), LearnTestGraphs.point(1.0));
    private static final List<String> TRAIN_LABELS = List.of("a", "a", "b", "b", "b");

    /** Validation graphs near the outlier: 1-NN follows it, 3-NN follows the majority. */
    private static final List<Graph> VALID = List.of(LearnTestGraphs.point(0.9),
            LearnTestGraphs.point(0.1), LearnTestGraphs.point(9.9));
    private static final List<String> VALID_LABELS = List.of("a", "a", "b");

    private static GraphSpace space() {
        List<Graph> all = new ArrayList<>(TRAIN);
        all.addAll(VALID);
        return GraphSpace.of(all);
    }

    @Test
    void choosesTheCandidateWithTheMostCorrectValidationGraphs() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1)),
                new Candidate("k 3", space, new NearestNeighbors(EXACT, 3)));
        ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run);

        // 1-NN calls 0.9 a "b" (its neighbour is the outlier at 1); 3-NN gets all three.
        assertEquals(2, result.correct()[0]);
        assertEquals(3, result.correct()[1]);
        assertEquals(1, result.best());
        assertEquals("k 3", result.chosen().description());
        assertEquals(1.0, result.accuracy(1), TOLERANCE);
        assertEquals(2.0 / 3.0, result.accuracy(0), TOLERANCE);
    }

    /** A classifier whose every fit diverges, as a caller's wrapper reports it. */
    private static GraphClassifier diverging(String message) {
        return (space, graphs, labels) -> {
            TrainingDivergedException cause = new TrainingDivergedException("a learner", 1,
                    1e300, Double.NaN, new org.orbifold.space.WeightedOverflowException(
                            "the squared norm is Infinity"));
            throw new IllegalStateException(message, cause);
        };
    }

    @Test
    void aDivergingCandidateIsSkippedAndTheRestChosenFrom() {
        GraphSpace space = space();
        // The failed candidate comes first and would win ties on position: it must neither
        // be chosen nor make the candidates after it look dominated.
        List<Candidate> candidates = List.of(
                new Candidate("wild", space, diverging("rate too large"), 1),
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1), 5),
                new Candidate("k 3", space, new NearestNeighbors(EXACT, 3), 5));
        List<Double> heard = new ArrayList<>();
        for (ValidationSearch.Selection rule : ValidationSearch.Selection.values()) {
            heard.clear();
            ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                    TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run, rule,
                    (k, value, step, nanos) -> heard.add(value));

            assertEquals(2, result.best(), rule.name());
            assertEquals(2, result.mostCorrect());
            assertTrue(result.failed(0) && !result.failed(1) && !result.failed(2));
            assertEquals(Arrays.asList("rate too large", null, null), result.failures());
            assertEquals(0, result.correct()[0]);
            assertEquals(0.0, result.standardError(), TOLERANCE, "3 of 3 correct");
            assertTrue(result.chosenModel() != null);
            assertTrue(Double.isNaN(heard.get(0)) && heard.size() == 3, heard.toString());
        }
    }

    @Test
    void aSearchWhoseEveryCandidateDivergesThrowsTheFirstFailureWithTheOthers() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("one", space, diverging("first")),
                new Candidate("two", space, diverging("second")),
                new Candidate("three", space, diverging("third")));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ValidationSearch.search(candidates, TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS, Runnable::run));
        assertEquals("first", e.getMessage());
        assertEquals(List.of("second", "third"), Arrays.stream(e.getSuppressed())
                .map(Throwable::getMessage).toList());
    }

    @Test
    void aStoppedSearchWhoseEvaluatedCandidatesDivergedNamesOnlyThose() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("one", space, diverging("first")),
                new Candidate("two", space, diverging("second")),
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1)));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ValidationSearch.search(candidates, TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS, Runnable::run, ValidationSearch.Selection.MOST_CORRECT,
                        (k, value, step, nanos) -> k < 2));
        assertEquals("first", e.getMessage());
        assertEquals(List.of("second"), Arrays.stream(e.getSuppressed())
                .map(Throwable::getMessage).toList());
    }

    @Test
    void oneExceptionThrownByTwoCandidatesIsNotAttachedToItself() {
        GraphSpace space = space();
        IllegalStateException same = new IllegalStateException("same",
                new TrainingDivergedException("a learner", 1, 1e300, Double.NaN,
                        new org.orbifold.space.WeightedOverflowException("overflow")));
        GraphClassifier throwsSame = (sp, graphs, labels) -> {
            throw same;
        };
        List<Candidate> candidates = List.of(new Candidate("one", space, throwsSame),
                new Candidate("two", space, throwsSame), new Candidate("three", space,
                        diverging("other")));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ValidationSearch.search(candidates, TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS, Runnable::run));
        assertTrue(e == same);
        assertEquals(List.of("other"), Arrays.stream(e.getSuppressed())
                .map(Throwable::getMessage).toList());
    }

    @Test
    void otherFailuresOfAFitEndTheSearch() {
        GraphSpace space = space();
        GraphClassifier broken = (sp, graphs, labels) -> {
            throw new IllegalArgumentException("bad data");
        };
        List<Candidate> candidates = List.of(
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1)),
                new Candidate("broken", space, broken));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSearch.search(candidates, TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS, Runnable::run));
        assertEquals("bad data", e.getMessage());
    }

    @Test
    void tiesGoToTheCandidateListedFirst() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("first", space, new NearestNeighbors(EXACT, 3)),
                new Candidate("second", space, new NearestNeighbors(EXACT, 3)),
                new Candidate("weaker", space, new NearestNeighbors(EXACT, 1)));
        ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run);
        assertEquals(0, result.best());

        List<Candidate> reversed = List.of(candidates.get(2), candidates.get(1),
                candidates.get(0));
        assertEquals(1, ValidationSearch.search(reversed, TRAIN, TRAIN_LABELS, VALID,
                VALID_LABELS, Runnable::run).best());
    }

    @Test
    void theResultIsTheSameOnAThreadPool() {
        LearnTestGraphs.Labelled data = LearnTestGraphs.families(7, 6, 0.5);
        List<Graph> train = data.graphs().subList(0, 9);
        List<Graph> valid = data.graphs().subList(9, 18);
        GraphSpace space = GraphSpace.of(data.graphs());
        List<Candidate> candidates = new ArrayList<>();
        for (double edgeWeight : new double[] {0.0, 1.0}) {
            for (int k : new int[] {1, 3}) {
                candidates.add(new Candidate("w" + edgeWeight + " k" + k,
                        space.withWeights(1.0, edgeWeight),
                        new NearestNeighbors(Aligners.byName("fast", 3), k)));
            }
        }
        ValidationSearch.Result sequential = ValidationSearch.search(candidates, train,
                data.labels().subList(0, 9), valid, data.labels().subList(9, 18),
                Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ValidationSearch.Result pooled = ValidationSearch.search(candidates, train,
                    data.labels().subList(0, 9), valid, data.labels().subList(9, 18), pool);
            assertEquals(sequential, pooled);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListenerMayStopTheSearchAndTheBestSoFarIsChosen() {
        GraphSpace space = space();
        List<Candidate> candidates = List.of(
                new Candidate("k 1", space, new NearestNeighbors(EXACT, 1)),
                new Candidate("k 3", space, new NearestNeighbors(EXACT, 3)));
        ValidationSearch.Result result = ValidationSearch.search(candidates, TRAIN,
                TRAIN_LABELS, VALID, VALID_LABELS, Runnable::run,
                ValidationSearch.Selection.MOST_CORRECT,
                (candidate, accuracy, step, nanos) -> false);
        assertEquals(1, result.candidates().size());
        assertEquals(0, result.best());
    }

    @Test
    void badArgumentsAreNamed() {
        GraphSpace space = space();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ValidationSearch.search(List.of(), TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS, Runnable::run));
        assertTrue(empty.getMessage().contains("no candidates"), empty.getMessage());
        List<Candidate> one = List.of(new Candidate("k 1", space,
                new NearestNeighbors(EXACT, 1)));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> ValidationSearch.search(one, TRAIN, TRAIN_LABELS, VALID,
                        VALID_LABELS.subList(0, 2), Runnable::run));
        assertTrue(lengths.getMessage().contains("differ in length"), lengths.getMessage());
    }

    @Test
    void oneStandardErrorPrefersTheSmallerOfTwoModelsValidationCannotTellApart() {
        // Section 6.18 of docs/results.md, Letter MED: 723 of 750 correct with 15 weight
        // graphs, 725 with 75. One standard error of 725 / 750 is sqrt(725 * 25 / 750) = 4.9
        // graphs, so 723 counts as equally good and the smaller network wins.
        List<Candidate> mlps = List.of(scripted("15 units", 15, 0),
                scripted("75 units", 75, 1));
        assertEquals(0, ValidationSearch.choose(mlps, new int[] {723, 725}, 750,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(1, ValidationSearch.choose(mlps, new int[] {723, 725}, 750,
                ValidationSearch.Selection.MOST_CORRECT));

        // Letter HIGH: 697 against 703; sqrt(703 * 47 / 750) = 6.6 graphs, so 697 is in.
        assertEquals(0, ValidationSearch.choose(mlps, new int[] {697, 703}, 750,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // Seven graphs short is outside one standard error.
        assertEquals(1, ValidationSearch.choose(mlps, new int[] {696, 703}, 750,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // A perfect score has no standard error: only perfect candidates are equally good.
        assertEquals(1, ValidationSearch.choose(mlps, new int[] {749, 750}, 750,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
    }

    @Test
    void oneStandardErrorMatchesItsDefinitionOnRandomCounts() {
        checkDefinition(6, 4, 1);
    }

    @Test
    void oneStandardErrorPrefersTheSmallerOrderAmongModelsOfAsManyGraphs() {
        // Section 6.25 of docs/results.md, AIDS (250 validation graphs, two classes, so two
        // weight graphs at every order): the best count is 249, one standard error 0.998
        // graphs, so 248 is out; of the orders with 249 the smallest, 16, wins.
        int[] orders = {8, 12, 16, 20, 24, 33};
        List<Candidate> perceptrons = new ArrayList<>();
        for (int c = 0; c < orders.length; c++) {
            perceptrons.add(ordered("order " + orders[c], 2, orders[c], c));
        }
        int[] perceptronCounts = {242, 248, 249, 249, 248, 248};
        int[] mlpCounts = {233, 236, 249, 249, 249, 249};
        assertEquals(2, ValidationSearch.choose(perceptrons, perceptronCounts, 250,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(2, ValidationSearch.choose(perceptrons, mlpCounts, 250,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // Listed largest order first, the rule still takes order 16; the default rule takes
        // the first of the most correct, whatever its order.
        List<Candidate> reversed = new ArrayList<>(perceptrons);
        Collections.reverse(reversed);
        int[] reversedCounts = {249, 249, 249, 249, 236, 233};
        assertEquals(3, ValidationSearch.choose(reversed, reversedCounts, 250,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(0, ValidationSearch.choose(reversed, reversedCounts, 250,
                ValidationSearch.Selection.MOST_CORRECT));

        // Equal counts and sizes: the smaller order wins, and 0 (uncapped) counts as the
        // largest, so any capped order beats it.
        List<Candidate> tied = List.of(ordered("uncapped", 2, 0, 0), ordered("33", 2, 33, 1),
                ordered("8", 2, 8, 2));
        assertEquals(2, ValidationSearch.choose(tied, new int[] {90, 90, 90}, 100,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(1, ValidationSearch.choose(tied.subList(0, 2), new int[] {90, 90}, 100,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // The size comes first: one graph of order 33 beats two of order 8.
        List<Candidate> sizes = List.of(ordered("two of 8", 2, 8, 0),
                ordered("one of 33", 1, 33, 1));
        assertEquals(1, ValidationSearch.choose(sizes, new int[] {90, 90}, 100,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // Equal orders leave the choice to the count, then the position (section 6.22,
        // Fingerprint: 4 or 12 units, both of order 14; 255 and 259 of 300 graphs).
        List<Candidate> units = List.of(ordered("12 units", 12, 14, 0),
                ordered("4 units", 4, 14, 1), ordered("4 units again", 4, 14, 2));
        assertEquals(1, ValidationSearch.choose(units, new int[] {259, 255, 255}, 300,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(2, ValidationSearch.choose(units, new int[] {259, 255, 256}, 300,
                ValidationSearch.Selection.ONE_STANDARD_ERROR));
    }

    @Test
    void anUnknownModelSizeNeverWinsOnSize() {
        // Known size 10 with 90 of 100 right, unknown size with 88: one standard error of 90
        // is 3 graphs, so both are equally good, and the known size wins as an unknown size
        // counts as the largest, whichever is listed first.
        Candidate known = scripted("known 10", 10, 0);
        Candidate unknown = new Candidate("unknown", space(),
                new Scripted(1, 0, VALID, VALID_LABELS));
        assertEquals(0, ValidationSearch.choose(List.of(known, unknown), new int[] {90, 88},
                100, ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(1, ValidationSearch.choose(List.of(unknown, known), new int[] {88, 90},
                100, ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // Even when the unknown one is the more correct.
        assertEquals(0, ValidationSearch.choose(List.of(known, unknown), new int[] {88, 90},
                100, ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // Outside one standard error the count decides.
        assertEquals(1, ValidationSearch.choose(List.of(known, unknown), new int[] {80, 90},
                100, ValidationSearch.Selection.ONE_STANDARD_ERROR));
        // Among unknown sizes only the count and the position decide, as the default rule.
        Candidate other = new Candidate("other", space(),
                new Scripted(2, 0, VALID, VALID_LABELS));
        assertEquals(1, ValidationSearch.choose(List.of(unknown, other), new int[] {88, 90},
                100, ValidationSearch.Selection.ONE_STANDARD_ERROR));
        assertEquals(0, ValidationSearch.choose(List.of(unknown, other), new int[] {90, 90},
                100, ValidationSearch.Selection.ONE_STANDARD_ERROR));
    }

    @Test
    void oneStandardErrorWithOrdersMatchesItsDefinitionOnRandomCounts() {
        checkDefinition(16, 3, 4);
    }

    /**
     * Both rules against their definitions on 2,000 random sets of 1 to 7 candidates (model
     * sizes below {@code sizes}, orders below {@code orders}, none when 1; 80 to 100 of 100
     * validation graphs right).
     */
    private static void checkDefinition(long seed, int sizes, int orders) {
        Random random = new Random(seed);
        int n = 100;
        for (int trial = 0; trial < 2000; trial++) {
            int count = 1 + random.nextInt(7);
            List<Candidate> candidates = new ArrayList<>();
            int[] correct = new int[count];
            for (int c = 0; c < count; c++) {
                int size = random.nextInt(sizes);
                candidates.add(ordered("c" + c, size, orders == 1 ? 0 : random.nextInt(orders),
                        c));
                correct[c] = 80 + random.nextInt(21);
            }

            // The definition: within one standard error of the best count, then the smallest
            // model (0 as the largest), the smallest order (0 as the largest), the most
            // correct, the first.
            int best = Arrays.stream(correct).max().orElseThrow();
            double tolerance = Math.sqrt(best * (double) (n - best) / n);
            int expected = IntStream.range(0, count).boxed()
                    .filter(c -> correct[c] >= best - tolerance)
                    .min(Comparator.<Integer>comparingInt(c -> candidates.get(c).modelSize() == 0
                                    ? Integer.MAX_VALUE : candidates.get(c).modelSize())
                            .thenComparingInt(c -> candidates.get(c).modelOrder() == 0
                                    ? Integer.MAX_VALUE : candidates.get(c).modelOrder())
                            .thenComparingInt(c -> -correct[c])
                            .thenComparingInt(c -> c))
                    .orElseThrow();
            assertEquals(expected, ValidationSearch.choose(candidates, correct, n,
                    ValidationSearch.Selection.ONE_STANDARD_ERROR), "trial " + trial);
            // The default rule ignores sizes and orders.
            int first = IntStream.range(0, count).filter(c -> correct[c] == best)
                    .findFirst().orElseThrow();
            assertEquals(first, ValidationSearch.choose(candidates, correct, n,
                    ValidationSearch.Selection.MOST_CORRECT), "trial " + trial);
        }
    }

    @Test
    void aNegativeModelOrderIsRefusedAndTheShortConstructorsMeanUnknown() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new Candidate("c", space(), new NearestNeighbors(EXACT, 1), 2, -1));
        assertEquals("modelOrder must be >= 0, got -1", negative.getMessage());
        assertEquals(0, new Candidate("c", space(), new NearestNeighbors(EXACT, 1), 2)
                .modelOrder());
        assertEquals(0, new Candidate("c", space(), new NearestNeighbors(EXACT, 1))
                .modelOrder());
    }

    @Test
    void theChosenModelIsTheOneFittedForTheChosenCandidateUnderBothRules() {
        checkChosenModels(7, 3, 1);
    }

    @Test
    void theChosenModelIsKeptWhenOrdersDecideUnderBothRules() {
        checkChosenModels(17, 2, 4);
    }

    /**
     * Over 300 random searches of 1 to 6 scripted candidates (model sizes below
     * {@code sizes}, orders below {@code orders}, 30 to 40 of 40 validation graphs right)
     * stopped early at random, under both rules: the search chooses what {@code choose}
     * chooses on the scored candidates, and returns the model fitted for that candidate.
     */
    private static void checkChosenModels(long seed, int sizes, int orders) {
        Random random = new Random(seed);
        List<Graph> valid = new ArrayList<>();
        List<String> validLabels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            valid.add(LearnTestGraphs.point(i));
            validLabels.add(i % 2 == 0 ? "a" : "b");
        }
        for (int trial = 0; trial < 300; trial++) {
            List<Candidate> candidates = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(6); c++) {
                candidates.add(new Candidate("c" + c, GraphSpace.of(valid),
                        new Scripted(c, 30 + random.nextInt(11), valid, validLabels),
                        random.nextInt(sizes), orders == 1 ? 0 : random.nextInt(orders)));
            }
            for (ValidationSearch.Selection rule : ValidationSearch.Selection.values()) {
                int stopAfter = 1 + random.nextInt(candidates.size());
                ValidationSearch.Result result = ValidationSearch.search(candidates,
                        valid.subList(0, 2), validLabels.subList(0, 2), valid, validLabels,
                        Runnable::run, rule, (c, accuracy, step, nanos) -> c < stopAfter);
                assertEquals(stopAfter, result.candidates().size());
                assertEquals(ValidationSearch.choose(result.candidates(), result.correct(),
                        valid.size(), rule), result.best());
                assertEquals(result.best(), ((ScriptedModel) result.chosenModel()).id,
                        "trial " + trial + " " + rule);
            }
        }
    }

    /** A candidate of a given size and order whose classifier is never fitted. */
    private static Candidate ordered(String name, int size, int order, int id) {
        return new Candidate(name, space(), new Scripted(id, 0, VALID, VALID_LABELS), size,
                order);
    }

    /** A candidate of a given size whose classifier is never fitted. */
    private static Candidate scripted(String name, int size, int id) {
        return new Candidate(name, space(), new Scripted(id, 0, VALID, VALID_LABELS), size);
    }

    /** A classifier whose model gets exactly the first {@code correct} given graphs right. */
    private record Scripted(int id, int correct, List<Graph> graphs, List<String> labels)
            implements GraphClassifier {

        @Override
        public GraphClassifierModel fit(GraphSpace space, List<Graph> train,
                List<String> trainLabels) {
            return new ScriptedModel(id, space, this);
        }
    }

    /** The model of {@link Scripted}; {@code id} names the candidate it was fitted for. */
    private record ScriptedModel(int id, GraphSpace space, Scripted script)
            implements GraphClassifierModel {

        @Override
        public LabelEncoder classes() {
            return LabelEncoder.of(List.of("a", "b"));
        }

        @Override
        public String predict(Graph graph) {
            int i = script.graphs().indexOf(graph);
            String truth = script.labels().get(i);
            return i < script.correct() ? truth : truth.equals("a") ? "b" : "a";
        }

        @Override
        public double[] scores(Graph graph) {
            return predict(graph).equals("a") ? new double[] {1, 0} : new double[] {0, 1};
        }
    }
}
