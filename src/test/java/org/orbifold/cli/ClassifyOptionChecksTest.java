package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option checks of {@code orbifold classify} that must fail before any data is read or any
 * classifier is fitted: each case is a usage error (exit 2) whose one-line message names the
 * option and the bad value. The cases run on the project's letters with {@code --folds}, so
 * they need no data files.
 */
class ClassifyOptionChecksTest {

    private static void assertUsageError(String message, String... args) {
        Run r = MainTest.run(args);
        assertEquals(CliException.USAGE, r.exitCode(), String.join(" ", args) + ": "
                + r.err());
        assertEquals(Main.ERROR_PREFIX + message + "\n", r.err(), String.join(" ", args));
    }

    @Test
    void zeroEpochsAreRefusedByTheMaxLinearMethodsAndNegativeOnesByAll() {
        for (String method : new String[] {"perceptron", "mlp"}) {
            assertUsageError("--epochs must be >= 1 for --method " + method + ", got 0 (0,"
                    + " which keeps the starting prototypes, is for lvq1 and glvq)", "classify",
                    "--folds", "3", "--threads", "1", "--method", method, "--epochs", "0");
            assertUsageError("--epochs must be >= 1, got -1", "classify", "--folds", "3",
                    "--threads", "1", "--method", method, "--epochs", "-1");
        }
        // LVQ1 and GLVQ take 0: the nearest-prototype classifier over the starts.
        for (String method : new String[] {"lvq1", "glvq"}) {
            assertUsageError("--epochs must be >= 0, got -1", "classify", "--folds", "3",
                    "--threads", "1", "--method", method, "--epochs", "-1");
        }
    }

    /**
     * A model order above the largest graph order (9 on the letters) is refused by every
     * method that takes one, the prototype methods too, whose cap could change nothing there;
     * the largest order itself is accepted.
     */
    @Test
    void maxModelOrderAboveTheLargestGraphOrderIsRefusedByEveryMethod() {
        for (String method : new String[] {"prototype", "lvq1", "glvq"}) {
            assertUsageError("--max-model-order 100 exceeds the largest graph order, 9: the"
                    + " prototypes of --method " + method + " have at most that order anyway, so"
                    + " the cap would change nothing; leave the option out for no cap, or give"
                    + " at most 9", "classify", "--folds", "3", "--threads", "1", "--method",
                    method, "--max-model-order", "100");
        }
        for (String method : new String[] {"perceptron", "mlp"}) {
            assertUsageError("--max-model-order 100 exceeds the largest graph order, 9: the"
                    + " weight graphs of --method " + method + " have exactly this order",
                    "classify", "--folds", "3", "--threads", "1", "--method", method,
                    "--max-model-order", "100");
        }
        Run largest = MainTest.run("classify", "--folds", "3", "--threads", "1", "--method",
                "prototype", "--max-model-order", "9");
        assertEquals(0, largest.exitCode(), largest.err());
    }

    @Test
    void maxModelOrderIsCheckedAndRefusedForKnn() {
        assertUsageError("--max-model-order must be >= 1, got 0", "classify", "--folds", "3",
                "--threads", "1", "--method", "glvq", "--max-model-order", "0");
        assertUsageError("--max-model-order applies only to --method prototype, lvq1, glvq,"
                + " perceptron, mlp and template-mlp", "classify", "--folds", "3", "--threads",
                "1",
                "--max-model-order", "5");
        // Every value of a list is checked, and named as typed.
        assertUsageError("--max-model-order must be >= 1, got 0", "classify", "--folds", "3",
                "--threads", "1", "--method", "perceptron", "--max-model-order", "8,0,16");
        assertUsageError("--max-model-order must be >= 1, got +0", "classify", "--folds", "3",
                "--threads", "1", "--method", "mlp", "--max-model-order", "8, +0");
        assertUsageError("--max-model-order must be >= 1, got -3", "classify", "--folds", "3",
                "--threads", "1", "--method", "lvq1", "--max-model-order", "-3,8");
        assertUsageError("--max-model-order applies only to --method prototype, lvq1, glvq,"
                + " perceptron, mlp and template-mlp", "classify", "--folds", "3", "--threads",
                "1",
                "--max-model-order", "5,6");
    }

    @Test
    void tooManyTemplateMlpHiddenUnitsAreAUsageError() {
        // Once a NegativeArraySizeException (100000000) or an out-of-memory error (20000000).
        for (String units : new String[] {"100000000", "20000000", "65537"}) {
            assertUsageError("--hidden-units of --method template-mlp must be at most 65536, got "
                    + units + " (the hidden weights take 8 bytes per unit and kept coordinate)",
                    "classify", "--folds", "3", "--threads", "1", "--method",
                    "template-mlp", "--hidden-units", units);
        }
    }

    @Test
    void aValueListedTwiceIsRefusedForEveryListOption() {
        String[][] cases = {
            {"--k lists the value 1 twice; give each value once", "--k", "1,3,1"},
            {"--prototypes lists the value 2 twice; give each value once", "--method", "lvq1",
                "--prototypes", "2,2"},
            {"--epochs lists the value 3 twice; give each value once", "--method", "glvq",
                "--epochs", "3,3"},
            {"--learning-rate lists the value 0.1 twice (as 0.1 and 0.10); give each value once",
                "--method", "perceptron", "--learning-rate", "0.1,0.10"},
            {"--margin lists the value 0 twice (as 0 and 0.0); give each value once", "--method",
                "perceptron", "--margin", "0,0.0"},
            {"--hidden-units lists the value 4 twice; give each value once", "--method", "mlp",
                "--hidden-units", "4,0,4"},
            {"--weight-decay lists the value 0.01 twice (as 0.01 and 1e-2); give each value once",
                "--method", "mlp", "--weight-decay", "0.01,1e-2"},
            {"--node-weight lists the value 1 twice; give each value once", "--node-weight",
                "1,1"},
            {"--edge-weight lists the value 0.5 twice; give each value once", "--edge-weight",
                "0.5,2,0.5"},
            {"--existence lists the value 1 twice; give each value once", "--existence",
                "1,1"},
            {"--bandwidth lists the value 0.5 twice; give each value once", "--method",
                "prototype", "--standardize", "--node-kernel", "gaussian", "--bandwidth",
                "0.5,0.5"},
            {"--features lists the value 32 twice; give each value once", "--node-kernel",
                "gaussian", "--features", "32,32"},
            {"--drop-node-attributes lists the value 'x' twice; give each value once",
                "--drop-node-attributes", "x,x"},
            {"--max-model-order lists the value 8 twice (as 8 and 08); give each value once",
                "--method",
                "prototype", "--max-model-order", "8,16,08"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 4];
            args[0] = "classify";
            args[1] = "--folds";
            args[2] = "3";
            args[3] = "--threads";
            args[4] = "1";
            System.arraycopy(c, 1, args, 5, c.length - 1);
            assertUsageError(c[0], args);
        }
    }

    /** The list options of classify: every option that picocli splits at commas. */
    private static List<OptionSpec> listOptions() {
        CommandLine classify = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false).getSubcommands().get("classify");
        List<OptionSpec> lists = new ArrayList<>();
        for (OptionSpec option : classify.getCommandSpec().options()) {
            if (!option.splitRegex().isEmpty()) {
                lists.add(option);
            }
        }
        return lists;
    }

    @Test
    void anEmptyValueInsideAListIsRefusedForEveryListOption() {
        List<OptionSpec> lists = listOptions();
        assertTrue(lists.size() >= 13, "the list options: " + lists.size());
        for (OptionSpec option : lists) {
            String name = option.longestName();
            for (String text : List.of("1,,3", ",3", "1, ,3", "1,,")) {
                assertUsageError("empty value in a list of values: " + name + " " + text,
                        "classify", "--folds", "3", "--threads", "1", name, text);
            }
            assertUsageError("empty value in a list of values: " + name + " 2,,1",
                    "classify", "--folds", "3", "--threads", "1", name, "2", name, "2,,1");
            assertUsageError(name + " needs at least one value, got an empty list",
                    "classify", "--folds", "3", "--threads", "1", name, "");
        }
    }

    @Test
    void anEmptyTextOfARepeatedListOptionIsNamedAsAnEmptyValue() {
        for (OptionSpec option : listOptions()) {
            String name = option.longestName();
            String value = name.equals("--drop-node-attributes") ? "x" : "2";
            String message = "empty value in a list of values: " + name + " ''";
            assertUsageError(message, "classify", "--folds", "3", "--threads", "1", name,
                    value, name, "");
            assertUsageError(message, "classify", "--folds", "3", "--threads", "1", name, "",
                    name, value);
            assertUsageError(message, "classify", "--folds", "3", "--threads", "1", name, "",
                    name + "=" + value);
        }
        assertUsageError("empty value in a list of values: --k ' '", "classify", "--folds",
                "3", "-k1", "--k", " ");
        assertUsageError("empty value in a list of values: --k ''", "classify", "--folds",
                "3", "--k", "", "-k1");
        // Given once, a blank text is an empty list.
        assertUsageError("--k needs at least one value, got an empty list", "classify",
                "--folds", "3", "--k", " ", "--threads", "1");
    }

    @Test
    void aRealBeyondTheRangeOfADoubleIsNamedAsTypedForEveryListOfReals() {
        int reals = 0;
        for (OptionSpec option : listOptions()) {
            if (option.auxiliaryTypes()[0] != Double.class) {
                continue;
            }
            reals++;
            String name = option.longestName();
            for (String value : List.of("1e400", "-2.5E+999")) {
                assertUsageError(name + " " + value + " is too large for a double (the largest"
                        + " magnitude is about 1.8e+308)", "classify", "--folds", "3",
                        "--threads", "1", name, "0.5, " + value + ",2");
            }
            assertUsageError(name + " 1e-400 is too small for a double, which would read it as"
                    + " 0 (the smallest positive double is about 4.9e-324)",
                    "classify", "--folds", "3", "--threads", "1", name, "1e-400");
        }
        // --existence, --node-weight, --edge-weight, --learning-rate, --margin,
        // --weight-decay, --bandwidth.
        assertEquals(7, reals);
        // Typed as infinity, it is named as typed by the option's own check.
        assertUsageError("--edge-weight must be finite and >= 0, got Infinity", "classify",
                "--folds", "3", "--threads", "1", "--edge-weight", "Infinity");
        // Zero written with an exponent is zero.
        assertUsageError("--node-weight 0 with --edge-weight 0: every distance would be 0;"
                + " give one of them a positive value", "classify", "--folds", "3",
                "--threads", "1", "--edge-weight", "0e-400", "--node-weight", "0");
    }

    /**
     * Every distance is 0 also when the node channels left carry no weight: the existence
     * channel at 0 and every node attribute dropped (the letters have x and y), with
     * --edge-weight 0. A node attribute left, or an existence value above 0, gives distances
     * again.
     */
    @Test
    void existenceZeroWithEveryNodeAttributeDroppedAndNoEdgeWeightIsRefused() {
        String message = "--existence 0 with --edge-weight 0, and --drop-node-attributes x,y"
                + " leaves no node attribute: every distance would be 0; give --existence or"
                + " --edge-weight a positive value, or keep a node attribute";
        assertUsageError(message, "classify", "--folds", "3", "--threads", "1",
                "--drop-node-attributes", "x,y", "--existence", "0", "--edge-weight", "0");
        for (String[] kept : new String[][] {{"--drop-node-attributes", "x", "--existence",
            "0"}, {"--drop-node-attributes", "x,y", "--existence", "0.5"}}) {
            List<String> args = new ArrayList<>(List.of("classify", "--folds", "2", "--limit",
                    "18", "--threads", "1", "--edge-weight", "0"));
            args.addAll(List.of(kept));
            Run r = MainTest.run(args.toArray(new String[0]));
            assertEquals(0, r.exitCode(), args + ": " + r.err());
        }
    }

    /** Returns the value that classify's parser gives the option for the arguments. */
    private static Object parsed(String name, String... args) {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        List<String> line = new ArrayList<>(List.of("classify"));
        line.addAll(List.of(args));
        root.parseArgs(line.toArray(new String[0]));
        return root.getSubcommands().get("classify").getCommandSpec().findOption(name)
                .getValue();
    }

    @Test
    void spacesAroundTheValuesAreDroppedForEveryListOption() {
        for (OptionSpec option : listOptions()) {
            String name = option.longestName();
            Class<?> type = option.auxiliaryTypes()[0];
            String plain = type == Integer.class ? "2,4" : type == Double.class ? "0.5,2"
                    : "x,y";
            List<?> expected = (List<?>) parsed(name, name, plain);
            assertEquals(2, expected.size(), name);
            String spaced = " " + plain.replace(",", " ,\t") + " ";
            assertEquals(expected, parsed(name, name, spaced), name + " '" + spaced + "'");
            assertEquals(expected, parsed(name, name + "=" + spaced), name);
        }
        assertEquals(List.of(1, 3, 5), parsed("--k", "--k", "1, 3", "-k", " 5"));
        // A space inside a value is not dropped.
        assertUsageError("--k must be an integer, got '1 3'", "classify", "--folds", "3",
                "--k", "1 3");
        // A trailing comma is still refused, after the spaces are dropped.
        assertUsageError("empty value in a list of values: --k 1,3,", "classify", "--folds",
                "3", "--k", "1, 3 ,");
    }

    @Test
    void anEmptyValueInsideAListIsRefusedInEveryFormOfTheOption() {
        String message = "empty value in a list of values: --k 1,,3";
        assertUsageError(message, "classify", "--folds", "3", "--k=1,,3");
        // Named as typed.
        String shortMessage = "empty value in a list of values: -k 1,,3";
        assertUsageError(shortMessage, "classify", "--folds", "3", "-k1,,3");
        assertUsageError(shortMessage, "classify", "--folds", "3", "-k", "1,,3");
    }

    @Test
    void everyListOptionOfEveryCommandChecksItsTextBeforeThePicocliSplit() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        for (CommandLine command : root.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.splitRegex().isEmpty()) {
                    assertTrue(AttachedValue.own(option.preprocessor()) instanceof ListValues,
                            command.getCommandName() + " " + option.longestName());
                }
            }
        }
    }

    @Test
    void aBandwidthTooSmallForFiniteFrequenciesIsRefusedBeforeAnyFit() {
        String message = "--bandwidth must be at least 1e-300, got 1e-310: the kernel's"
                + " frequencies are divided by it and would not be finite";
        assertUsageError(message, "classify", "--folds", "3", "--threads", "1", "--method",
                "prototype", "--node-kernel", "gaussian", "--bandwidth", "1e-310");
        assertUsageError(message, "classify", "--folds", "3", "--threads", "1", "--method",
                "prototype", "--node-kernel", "gaussian", "--bandwidth", "0.5,1e-310");
    }

    /**
     * An existence value whose square overflows, or whose square times the nodes of a graph
     * does (1e154, whose square is finite), or that merely makes a squared norm too large for
     * the aligners (1e100), is refused by one rule that names {@code --existence} and the
     * largest value the data allows; the number of nodes sets the bound, so it holds with or
     * without {@code --standardize}.
     */
    @Test
    void anExistenceValueTooLargeForTheAlignmentsIsRefusedBeforeAnyFit() {
        String norm = " is too large for double precision: the largest squared norm of a graph"
                + " in the distance would be ";
        String bound = ", above 1e+150, the most the alignments support; lower --existence (at"
                + " most 3.33e+74 with the other values)";
        assertUsageError("--existence 1e308" + norm + "Infinity (weighted: node attributes"
                + " 33.5, node existence Infinity, edges 10)" + bound, "classify", "--folds",
                "3", "--threads", "1", "--existence", "1e308");
        assertUsageError("--existence 1e154" + norm + "Infinity (weighted: node attributes"
                + " 33.5, node existence Infinity, edges 10)" + bound, "classify", "--folds",
                "3", "--threads", "1", "--existence", "1e154");
        assertUsageError("--existence 1e100" + norm + "9e+200 (weighted: node attributes"
                + " 68.7, node existence 9e+200, edges 18)" + bound, "classify", "--folds", "3",
                "--threads", "1", "--existence", "1e100");
        assertUsageError("--existence 1e100" + norm + "9e+200 (weighted node existence 9e+200;"
                + " the scaled attributes, fitted on training graphs, not counted)" + bound,
                "classify", "--folds", "3", "--threads", "1", "--existence", "1e100",
                "--standardize");
        assertUsageError("--existence 2e154" + norm + "Infinity (weighted: node attributes"
                + " 33.5, node existence Infinity, edges 10)" + bound, "classify",
                "--folds", "3", "--threads", "1", "--existence", "2e154", "--method", "lvq1");
    }

    @Test
    void theLargestAllowedExistenceValueIsAccepted() {
        Run r = MainTest.run("classify", "--folds", "3", "--threads", "1", "--existence",
                "3.33e74", "--method", "prototype");

        assertEquals(0, r.exitCode(), r.err());
    }
}
