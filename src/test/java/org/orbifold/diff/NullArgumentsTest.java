package org.orbifold.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.orbifold.assign.AssignmentResult;
import org.orbifold.assign.LinearAssignmentSolver;
import org.orbifold.assign.Sense;
import org.orbifold.match.Aligner;
import org.orbifold.match.Aligners;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.GraphSpace;
import org.orbifold.space.Permutation;

/**
 * Every public method and constructor of the package refuses a null argument with a
 * {@link NullPointerException} whose message names the argument (before any work is done).
 */
class NullArgumentsTest {

    private static final double[][] MATRIX = {{1, 2}, {3, 4}};

    private static void assertNamed(String name, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(name, e.getMessage());
    }

    @Test
    void graphGradientsNameEveryNullArgument() {
        // The tester's case: a null space reached space.requireMember, a message without it.
        Graph x = Graph.fromAdjacency(new double[][] {{0, 1}, {1, 0}});
        GraphSpace space = GraphSpace.of(List.of(x));
        Aligner aligner = Aligners.defaultAligner(1);
        Alignment alignment = aligner.align(space, x, x);
        Argument first = Argument.FIRST;
        assertNamed("space", () -> GraphGradients.squaredDistance(null, x, x, aligner, first));
        assertNamed("x", () -> GraphGradients.squaredDistance(space, null, x, aligner, first));
        assertNamed("y", () -> GraphGradients.squaredDistance(space, x, null, aligner, first));
        assertNamed("aligner", () -> GraphGradients.squaredDistance(space, x, x,
                (Aligner) null, first));
        assertNamed("argument", () -> GraphGradients.squaredDistance(space, x, x, aligner,
                null));
        assertNamed("space", () -> GraphGradients.similarity(null, x, x, aligner, first));
        assertNamed("argument", () -> GraphGradients.similarity(space, x, x, aligner, null));
        assertNamed("space", () -> GraphGradients.squaredDistance(null, x, x, alignment,
                first));
        assertNamed("alignment", () -> GraphGradients.squaredDistance(space, x, x,
                (Alignment) null, first));
        assertNamed("y", () -> GraphGradients.similarity(space, x, null, alignment, first));
        assertNamed("argument", () -> GraphGradients.similarity(space, x, x, alignment,
                null));
        // The overloads with a tie-search budget.
        assertNamed("x", () -> GraphGradients.squaredDistance(space, null, x, aligner, first,
                5));
        assertNamed("aligner", () -> GraphGradients.similarity(space, x, x, (Aligner) null,
                first, 5));
        assertNamed("alignment", () -> GraphGradients.squaredDistance(space, x, x,
                (Alignment) null, first, 5));
        assertNamed("argument", () -> GraphGradients.similarity(space, x, x, alignment, null,
                5));
        // An aligner that returns nothing is named too.
        Aligner broken = new Aligner() {
            @Override
            public Alignment align(GraphSpace s, Graph a, Graph b) {
                return null;
            }

            @Override
            public Alignment align(GraphSpace s, Graph a, Graph b, Permutation start) {
                return null;
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        assertNamed("the aligner's alignment", () -> GraphGradients.similarity(space, x, x,
                broken, first));
        assertNamed("gradient", () -> new GraphGradient(0, null, alignment, space));
        assertNamed("alignment", () -> new GraphGradient(0, x, null, space));
        assertNamed("space", () -> new GraphGradient(0, x, alignment, null));
        assertNamed("uniqueness", () -> new GraphGradient(0, x, alignment, space, null));
    }

    @Test
    void sequenceAlignmentsNameEveryNullArgument() {
        // The tester's case: gapPenaltyDerivative(null) failed on alignment.pathRows().
        assertNamed("alignment", () -> NeedlemanWunsch.gapPenaltyDerivative(null));
        assertNamed("scores", () -> new NeedlemanWunsch(1).align(null));
        assertNamed("scores", () -> new NeedlemanWunsch(1).align(1, 1, null));
        assertNamed("scores row 1 is null", () -> new NeedlemanWunsch(1).align(
                new double[][] {{1}, null}));
        assertNamed("costs", () -> new DynamicTimeWarping().align(null));
        assertNamed("pathRows", () -> new SequenceAlignment(0, 1, 1, null, new int[0], true));
        assertNamed("pathColumns", () -> new SequenceAlignment(0, 1, 1, new int[0], null,
                true));
        SequenceAlignment alignment = new NeedlemanWunsch(1).align(MATRIX);
        assertNamed("matrix", () -> alignment.pairing(null));
    }

    @Test
    void assignmentGradientsNameEveryNullArgument() {
        assertNamed("matrix", () -> AssignmentValue.of(null, Sense.MINIMIZE));
        assertNamed("sense", () -> AssignmentValue.of(MATRIX, (Sense) null));
        assertNamed("result", () -> AssignmentValue.of(MATRIX, (AssignmentResult) null, 1e-9));
        assertNamed("matrix", () -> AssignmentValue.of(null,
                LinearAssignmentSolver.minimize(MATRIX), 1e-9));
        assertNamed("direction", () -> AssignmentValue.of(MATRIX, Sense.MINIMIZE)
                .pairing(null));
        assertNamed("rowToColumn", () -> new AssignmentValue(0, null, 2, Sense.MINIMIZE,
                true));
        CostFunction constant = new CostFunction() {
            @Override
            public double[][] costs(double[] theta) {
                return MATRIX;
            }

            @Override
            public double[] vectorJacobianProduct(double[] theta, double[][] gradient) {
                return theta;
            }
        };
        assertNamed("costFunction", () -> new AssignmentLoss(null, Sense.MINIMIZE));
        assertNamed("sense", () -> new AssignmentLoss(constant, null));
        assertNamed("theta", () -> new AssignmentLoss(constant, Sense.MINIMIZE)
                .valueAndGradient(null));
        AssignmentValue value = AssignmentValue.of(MATRIX, Sense.MINIMIZE);
        assertNamed("gradient", () -> new AssignmentLoss.Result(0, null, value));
        assertNamed("assignment", () -> new AssignmentLoss.Result(0, new double[0], null));
    }

    @Test
    void theSetMatchingLossNamesEveryNullArgument() {
        assertNamed("weights", () -> new SetMatchingLoss(1, null));
        SetMatchingLoss loss = new SetMatchingLoss(1, new SetMatchingLoss.Weights(0.1, 1));
        double[][] logits = {{0, 0}};
        double[][] boxes = {{0}};
        assertNamed("logits", () -> loss.evaluate(null, boxes, new int[0], new double[0][1]));
        assertNamed("boxes", () -> loss.evaluate(logits, null, new int[0], new double[0][1]));
        assertNamed("targetClasses", () -> loss.evaluate(logits, boxes, null,
                new double[0][1]));
        assertNamed("targetBoxes", () -> loss.evaluate(logits, boxes, new int[0], null));
        assertNamed("logits", () -> loss.costMatrix(null, boxes, new int[0],
                new double[0][1]));
        assertNamed("targetToPrediction", () -> new SetMatchingLoss.Result(0, 0, 0, null,
                true, logits, boxes));
        assertNamed("logitGradient", () -> new SetMatchingLoss.Result(0, 0, 0, new int[0],
                true, null, boxes));
        assertNamed("boxGradient row 0 is null", () -> new SetMatchingLoss.Result(0, 0, 0,
                new int[0], true, logits, new double[1][]));
    }
}
