package org.orbifold.cli;

import static org.orbifold.cli.ClassifyCommand.MLP_GUESS_FACTOR;
import static org.orbifold.cli.ClassifyCommand.REFIT_BOTH;
import static org.orbifold.cli.ClassifyCommand.REFIT_TRAIN;
import static org.orbifold.cli.ClassifyCommand.describe;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import org.orbifold.cli.ClassifyCommand.Method;
import org.orbifold.cli.ClassifyCommand.Setting;
import org.orbifold.io.JsonWriter;
import org.orbifold.io.TextFiles;
import org.orbifold.learn.Evaluation;
import org.orbifold.learn.Evaluation.FoldAccuracies;
import org.orbifold.learn.ValidationSearch;
import org.orbifold.learn.ValidationSearch.Candidate;
import org.orbifold.match.Aligner;
import org.orbifold.space.AttributeScaling;
import org.orbifold.space.LabelEncoder;
import org.orbifold.space.NodeExistence;

/**
 * The outputs of one finished {@code orbifold classify} run: the text summary, the JSON
 * document of {@code --json} and the warnings about the chosen setting's training. It renders
 * a {@link Report} (what was evaluated and predicted) together with the {@link Run} that
 * produced it (how the run was asked for and what it counted); it fits and aligns nothing.
 */
final class ClassifyOutput {

    /**
     * Everything a run evaluated: the data, the protocol ({@code splits} or {@code folds}),
     * the validation search and its grid, the chosen setting, the true and predicted class of
     * every evaluated graph, the fold accuracies (folds only), the wall times, the
     * attribute scaling asked for and, with splits, as fitted, and with folds the fold of
     * every evaluated graph ({@code folds[i]}, from 1; null with splits).
     */
    record Report(Sample sample, String protocol, Splits splits,
            ValidationSearch.Result search, List<Setting> grid, Setting chosen,
            List<String> evaluatedNames, List<String> truth, List<String> predicted,
            LabelEncoder classes, FoldAccuracies foldAccuracies, double searchSeconds,
            double testSeconds, ScaledClassifier.Recipe recipe, AttributeScaling fitted,
            boolean searchFitReused, int[] folds) {
    }

    /**
     * Returns the fold of every graph, numbered from 1 as the text's {@code folds} line and
     * the JSON's {@code foldAccuracies} order them.
     *
     * @param folds the graphs of each fold (indices, such as
     *     {@link Evaluation#stratifiedFolds}), together every index below {@code size} once
     * @param size the number of graphs
     */
    static int[] foldNumbers(List<int[]> folds, int size) {
        int[] numbers = new int[size];
        for (int f = 0; f < folds.size(); f++) {
            for (int i : folds.get(f)) {
                numbers[i] = f + 1;
            }
        }
        return numbers;
    }

    /**
     * How the run was asked for, and what it counted beside the report.
     *
     * @param method the classification method
     * @param aligner the aligner of every distance
     * @param seed the seed of the aligner and the learner
     * @param timeLimitSeconds the per-alignment time limit, null when none applies
     *     ({@link AlignerOptions#timeLimitSeconds})
     * @param workers the number of threads
     * @param refit the {@code --refit} value as typed
     * @param selection the {@code --selection} value as typed
     * @param folds the number of folds, null with splits
     * @param limit the {@code --limit} value, null when it was not given
     * @param lowerBounds whether k-NN searched with lower bounds
     * @param alignmentCounts alignments computed and skipped by bounds, null when the method
     *     does not count them
     * @param unproven every alignment of the run, training and prediction, and those not
     *     proven optimal, by reason
     * @param trace the training objectives and errors of every fit
     * @param notes the notes on the options, shown before the data set's notes
     * @param typed writes the values of real options in the settings as they were typed
     *     ({@code 1e300}, not {@code 1e+300}), as the error messages do
     */
    record Run(Method method, Aligner aligner, long seed, Double timeLimitSeconds,
            int workers, String refit,
            String selection, Integer folds, Integer limit, boolean lowerBounds,
            long[] alignmentCounts,
            AlignerOptions.Unproven unproven, TrainingTrace trace, List<String> notes,
            ClassifyCommand.ValueText typed) {

        Run {
            notes = List.copyOf(notes);
        }
    }

    private final Report report;
    private final Run run;
    private final Method method;

    ClassifyOutput(Report report, Run run) {
        this.report = Objects.requireNonNull(report, "report");
        this.run = Objects.requireNonNull(run, "run");
        this.method = run.method();
    }

    /** Returns how a trained method's models start, as {@code --initialization} names it. */
    private static String initialization(Method m, Setting s) {
        return optionName(switch (m) {
            case LVQ1, GLVQ -> s.fixed().lvqStart().name();
            case MLP -> s.fixed().mlpStart().name();
            case PERCEPTRON -> s.fixed().perceptronStart().name();
            default -> throw new IllegalArgumentException(m.option + " is not trained");
        });
    }

    private static void setting(JsonWriter json, Method m, Setting s, boolean scaled) {
        json.beginObject();
        if (scaled) {
            json.name("existence").value(s.existence());
        }
        if (s.features() > 0) {
            json.name("bandwidth").value(s.bandwidth());
            json.name("features").value(s.features());
        }
        json.name("nodeWeight").value(s.nodeWeight());
        json.name("edgeWeight").value(s.edgeWeight());
        if (m.usesK) {
            json.name("k").value(s.k());
        }
        if (m.usesPrototypes) {
            json.name("prototypes").value(s.prototypes());
            json.name("initialization").value(initialization(m, s));
        }
        if (m == Method.MLP) {
            json.name("hiddenUnits").value(s.hiddenUnits());
            json.name("weightDecay").value(s.weightDecay());
            json.name("batchSize").value(s.fixed().batchSize());
            json.name("activation").value(s.fixed().activation().name()
                    .toLowerCase(Locale.ROOT));
            json.name("initialization").value(initialization(m, s));
        }
        if (m == Method.TEMPLATE_MLP) {
            json.name("hiddenUnits").value(s.hiddenUnits());
            json.name("activation").value(s.fixed().activation().name()
                    .toLowerCase(Locale.ROOT));
        }
        if (m == Method.PERCEPTRON) {
            json.name("margin").value(s.margin());
            json.name("initialization").value(initialization(m, s));
        }
        if (m.usesTraining) {
            // Without training (0 epochs) the rate had no effect: null.
            json.name("learningRate");
            if (s.epochs() == 0) {
                json.nullValue();
            } else {
                json.value(s.learningRate());
            }
            json.name("epochs").value(s.epochs());
        }
        if (m != Method.KNN && s.maxModelOrder() > 0) {
            json.name("maxModelOrder").value(s.maxModelOrder());
        }
        json.endObject();
    }

    /**
     * Describes the chosen setting for its line of the text report: its searched values
     * ({@link ClassifyCommand#describe}) and, for the MLP, the single-valued
     * {@code --batch-size} and {@code --activation}, which the JSON's setting also holds.
     * (The start, {@code --initialization}, has a line of its own.)
     */
    private String chosenText() {
        Setting s = report.chosen();
        String text = describe(method, s, report.recipe() != null, run.typed());
        if (method == Method.MLP) {
            text += ", batch size " + s.fixed().batchSize() + ", activation "
                    + optionName(s.fixed().activation().name());
        }
        if (method == Method.TEMPLATE_MLP) {
            text += ", activation " + optionName(s.fixed().activation().name());
        }
        return text;
    }

    /** Returns the confusion classes: the model's classes and any other true class. */
    private LabelEncoder confusionClasses() {
        List<String> all = new ArrayList<>(report.classes().labels());
        all.addAll(report.truth());
        return LabelEncoder.of(all);
    }

    /** Names the rule that chose the setting, for both outputs. */
    private static String selectionText(ValidationSearch.Result search) {
        if (search == null
                || search.selection() == ValidationSearch.Selection.MOST_CORRECT) {
            return "most correct wins; ties to the first listed";
        }
        boolean orders = search.candidates().stream().mapToInt(Candidate::modelOrder)
                .distinct().count() > 1;
        return String.format(Locale.ROOT, "the smallest model (graphs a prediction may align)"
                + " within one standard error, %.1f validation graphs, of the most correct;"
                + " ties to the%s most correct, then the first listed",
                search.standardError() * search.validationSize(),
                orders ? " smallest model order, then the" : "");
    }

    String json() {
        LabelEncoder classes = confusionClasses();
        int[][] confusion = Evaluation.confusionMatrix(report.truth(), report.predicted(), classes);
        return JsonOutput.text(json -> {
            json.beginObject();
            json.name("command").value("classify");
            json.name("dataset").value(report.sample().source());
            json.name("protocol").value(report.protocol());
            json.name("method").value(method.option);
            json.name("aligner").value(run.aligner().name());
            json.name("seed").value(run.seed());
            JsonOutput.number(json.name("timeLimitSeconds"), run.timeLimitSeconds());
            json.name("threads").value(run.workers());
            if (report.splits() != null) {
                Splits s = report.splits();
                json.name("splitFiles").beginObject();
                json.name("train").value(s.files().get(0));
                json.name("validation").value(s.files().get(1));
                json.name("test").value(s.files().get(2));
                json.endObject();
                json.name("trainGraphs").value(s.train().length);
                json.name("validationGraphs").value(s.validation().length);
                json.name("testGraphs").value(s.test().length);
                json.name("refit").value(run.refit().strip().toLowerCase(Locale.ROOT));
                json.name("selection").value(run.selection().strip().toLowerCase(Locale.ROOT));
                json.name("tieRule").value(selectionText(report.search()));
                if (report.search() != null) {
                    json.name("standardError").value(report.search().standardError());
                    json.name("chosenIndex").value(report.search().best());
                    json.name("mostCorrectIndex").value(report.search().mostCorrect());
                }
                json.name("candidates").beginArray();
                for (int c = 0; c < report.grid().size(); c++) {
                    json.beginObject();
                    json.name("setting");
                    setting(json, method, report.grid().get(c), report.recipe() != null);
                    if (report.search() != null) {
                        json.name("modelSize").value(
                                report.search().candidates().get(c).modelSize());
                    }
                    if (report.search() != null && report.search().failed(c)) {
                        json.name("failure").value(report.search().failures().get(c));
                    } else if (report.search() != null) {
                        json.name("validationAccuracy").value(report.search().accuracy(c));
                        json.name("validationCorrect").value(report.search().correct()[c]);
                    }
                    json.endObject();
                }
                json.endArray();
            } else {
                json.name("graphs").value(report.sample().size());
                // The first-N subset of --limit, null for all graphs.
                JsonOutput.integer(json.name("limit"), run.limit());
                json.name("folds").value(run.folds());
                json.name("foldAccuracies").value(report.foldAccuracies().values());
                json.name("meanAccuracy").value(report.foldAccuracies().mean());
                // The population standard deviation (divides by the number of folds).
                json.name("stdAccuracy").value(report.foldAccuracies().standardDeviation());
            }
            json.name("chosen");
            setting(json, method, report.chosen(), report.recipe() != null);
            scalingJson(json);
            json.name("accuracy").value(Evaluation.accuracy(report.truth(), report.predicted()));
            json.name("correct").value(correct());
            json.name("evaluated").value(report.truth().size());
            JsonOutput.strings(json.name("classes"), classes.labels());
            json.name("confusion").beginArray();
            for (int[] row : confusion) {
                JsonOutput.integers(json, row);
            }
            json.endArray();
            if (run.alignmentCounts() != null) {
                long[] counts = run.alignmentCounts();
                // The template MLP has no bounds: it aligns every query once.
                json.name("lowerBounds").value(method == Method.KNN ? run.lowerBounds()
                        : method != Method.TEMPLATE_MLP);
                json.name("alignmentsComputed").value(counts[0]);
                json.name("alignmentsSkipped").value(counts[1]);
            }
            json.name("alignmentsMade").value(run.unproven().made());
            json.name("uncertifiedAlignments").value(run.unproven().unproven());
            json.name("limitReached").value(run.unproven().limitReached());
            run.unproven().writeReasons(json);
            if (method.usesPrototypes) {
                trainingErrorsJson(json);
            }
            json.name("searchSeconds").value(report.searchSeconds());
            json.name("testSeconds").value(report.testSeconds());
            json.name("wallTimeSeconds").value(report.searchSeconds() + report.testSeconds());
            JsonOutput.strings(json.name("warnings"), warnings());
            JsonOutput.strings(json.name("notes"), notes());
            json.name("predictions").beginArray();
            for (int i = 0; i < report.truth().size(); i++) {
                json.beginObject();
                json.name("graph").value(report.evaluatedNames().get(i));
                json.name("class").value(report.truth().get(i));
                json.name("predicted").value(report.predicted().get(i));
                if (report.folds() != null) {
                    json.name("fold").value(report.folds()[i]);
                }
                json.endObject();
            }
            json.endArray();
            json.endObject();
        });
    }

    /**
     * Writes the training errors of every fit of the chosen setting (LVQ1, GLVQ): its name,
     * its training graphs, those of its largest class, and the graphs misjudged per epoch.
     */
    private void trainingErrorsJson(JsonWriter json) {
        List<TrainingTrace.Errors> fits = run.trace().errors(report.chosen());
        json.name("trainingErrors").beginArray();
        for (int i = 0; i < fits.size(); i++) {
            TrainingTrace.Errors fit = fits.get(i);
            json.beginObject();
            json.name("fit").value(fitName(i));
            json.name("trainingGraphs").value(fit.graphs());
            json.name("largestClassGraphs").value(fit.largestClass());
            JsonOutput.integers(json.name("perEpoch"), fit.perEpoch());
            json.endObject();
        }
        json.endArray();
    }

    /**
     * Names the fits of the chosen setting in the order they ran: with folds one per fold;
     * with splits the fit on the training split (of the search, or the final one), then with
     * {@code --refit train+validation} and a search the final fit on both.
     */
    private String fitName(int index) {
        if (report.splits() == null) {
            return "fold " + (index + 1);
        }
        return index == 0 ? REFIT_TRAIN : REFIT_BOTH;
    }

    /**
     * Describes the training errors of the chosen setting's fits in one line: per fit, in
     * order, the graphs misjudged in the first and the last epoch, of how many (once if every
     * fit had as many training graphs), and which fits they are.
     */
    private String trainingErrorsText() {
        List<TrainingTrace.Errors> fits = run.trace().errors(report.chosen());
        boolean sameSize = fits.stream().mapToInt(TrainingTrace.Errors::graphs).distinct()
                .count() == 1;
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            TrainingTrace.Errors fit = fits.get(i);
            int[] perEpoch = fit.perEpoch();
            parts.add((perEpoch.length == 1 ? "" : perEpoch[0] + " -> ") + fit.last()
                    + (sameSize ? "" : " of " + fit.graphs()));
            names.add(fitName(i));
        }
        String which = report.splits() == null ? "folds 1 to " + fits.size()
                : (fits.size() == 1 ? "fit on " : "fits on ") + String.join(", ", names);
        return "graphs misjudged, first -> last epoch" + (sameSize ? " (of "
                + fits.get(0).graphs() + ")" : "") + ": " + String.join(", ", parts) + " ("
                + which + ")";
    }

    /** Writes how the attributes were scaled, null when they were not. */
    private void scalingJson(JsonWriter json) {
        json.name("scaling");
        if (report.recipe() == null) {
            json.nullValue();
            return;
        }
        ScaledClassifier.Recipe recipe = report.recipe();
        json.beginObject();
        json.name("standardize").value(recipe.standardize());
        json.name("existence").value(report.chosen().existence());
        JsonOutput.strings(json.name("droppedNodeAttributes"), recipe.dropped());
        json.name("fittedOn").value(report.splits() == null ? "the training part of each fold"
                : run.refit().strip().toLowerCase(Locale.ROOT));
        json.name("nodeKernel");
        if (recipe.kernel() == null) {
            json.nullValue();
        } else {
            json.beginObject();
            json.name("kind").value(recipe.kernel().kind().name().toLowerCase(Locale.ROOT));
            json.name("bandwidth").value(report.chosen().bandwidth());
            json.name("features").value(report.chosen().features());
            json.name("sampling").value(recipe.kernel().sampling().name()
                    .toLowerCase(Locale.ROOT));
            json.name("seed").value(recipe.kernel().seed());
            json.endObject();
        }
        if (report.fitted() != null) {
            AttributeScaling a = report.fitted();
            JsonOutput.strings(json.name("nodeChannels"), recipe.nodeChannels());
            json.name("nodeOffsets").value(a.nodeOffsets());
            json.name("nodeFactors").value(a.nodeFactors());
            JsonOutput.strings(json.name("edgeChannels"), recipe.edgeChannels());
            json.name("edgeFactors").value(a.edgeFactors());
        }
        json.endObject();
    }

    /**
     * Describes the scaling: per node channel {@code (x - offset) / sd} when fitted, the
     * dropped attributes, the edge divisors and the existence value.
     */
    private String scalingText() {
        ScaledClassifier.Recipe recipe = report.recipe();
        List<String> parts = new ArrayList<>();
        if (report.fitted() == null) {
            parts.add(recipe.standardize() ? "numeric attributes standardized"
                    : "attributes as read");
            if (!recipe.dropped().isEmpty()) {
                parts.add("dropped " + String.join(", ", recipe.dropped()));
            }
        } else {
            AttributeScaling a = report.fitted();
            double[] offsets = a.nodeOffsets();
            double[] factors = a.nodeFactors();
            for (int c = 0; c < factors.length; c++) {
                String name = recipe.nodeChannels().get(c);
                if (name.equals(NodeExistence.CHANNEL_NAME)) {
                    continue;
                }
                if (factors[c] == 0.0) {
                    parts.add(name + " dropped");
                } else if (offsets[c] != 0.0 || factors[c] != 1.0) {
                    parts.add(name + " -> " + shiftAndScale(name, offsets[c],
                            1.0 / factors[c]));
                }
            }
            double[] edgeFactors = a.edgeFactors();
            for (int c = 0; c < edgeFactors.length; c++) {
                String name = recipe.edgeChannels().get(c);
                if (edgeFactors[c] != 1.0) {
                    parts.add(String.format(Locale.ROOT, "%s -> %s / %.4g", name, name,
                            1.0 / edgeFactors[c]));
                }
            }
            if (parts.isEmpty()) {
                parts.add("coordinates unchanged");
            }
        }
        parts.add("existence " + Numbers.compact(report.chosen().existence()));
        if (recipe.kernel() != null) {
            parts.add("then " + recipe.kernel().kind().name().toLowerCase(Locale.ROOT)
                    + " node kernel, bandwidth " + Numbers.compact(report.chosen().bandwidth())
                    + ", " + report.chosen().features() + " " + recipe.kernel().sampling().name()
                    .toLowerCase(Locale.ROOT) + " features");
        }
        return String.join(", ", parts);
    }

    /**
     * Writes {@code (name - offset) / divisor} with the offset's sign folded into the
     * operator, {@code (y + 0.1237) / 2.045} rather than {@code (y - -0.1237) / 2.045}, and
     * without a zero offset or a divisor of 1 ({@code y / 2.045}, {@code y - 3}); numbers to
     * four significant digits.
     */
    static String shiftAndScale(String name, double offset, double divisor) {
        String shifted = offset == 0.0 ? name : String.format(Locale.ROOT, "%s %s %.4g", name,
                offset < 0.0 ? "+" : "-", Math.abs(offset));
        if (divisor == 1.0) {
            return shifted;
        }
        return String.format(Locale.ROOT, offset == 0.0 ? "%s / %.4g" : "(%s) / %.4g", shifted,
                divisor);
    }

    /** Returns an enum constant's name as an option value: {@code CLASS_MEANS} as class-means. */
    private static String optionName(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private int correct() {
        int count = 0;
        for (int i = 0; i < report.truth().size(); i++) {
            count += report.truth().get(i).equals(report.predicted().get(i)) ? 1 : 0;
        }
        return count;
    }

    /** Returns the folders of the split files given (absolute, normalized). */
    private static Set<Path> folders(List<String> files) {
        Set<Path> folders = new HashSet<>();
        for (String file : files) {
            if (file != null) {
                folders.add(Path.of(file).toAbsolutePath().normalize().getParent());
            }
        }
        return folders;
    }

    /**
     * Names the data of a run on splits for the header, as the user gave it: for split lists
     * DATASET ({@link Sample#source}); for IAM split files (an IAM folder, or {@code .cxl}
     * files one by one) their folder as given ({@code ../Letter/LOW}), the current folder by
     * its name ({@code LOW (the current folder)}) when the files were given without one, and
     * {@code the split files} when they lie in several folders (a {@code files} line then
     * names them).
     */
    static String splitsData(Sample sample, List<String> files) {
        for (String file : files) {
            if (file != null && !file.toLowerCase(Locale.ROOT).endsWith(".cxl")) {
                return sample.source();
            }
        }
        if (folders(files).size() > 1) {
            return "the split files";
        }
        Path folder = Path.of(files.get(0)).getParent();
        if (folder != null && !folder.normalize().toString().isEmpty()) {
            return folder.toString();
        }
        Path current = Path.of("").toAbsolutePath().getFileName();
        return current == null ? "the current folder" : current + " (the current folder)";
    }

    /**
     * Names the split files when they lie in more than one folder (say, training on one
     * distortion level of IAM Letter and testing on another), which the header calls
     * {@code the split files} ({@link #splitsData}).
     */
    private static void splitFolders(PrintWriter w, List<String> files) {
        if (folders(files).size() > 1) {
            w.printf(Locale.ROOT, "files       train %s, validation %s, test %s%n",
                    VisibleText.escape(files.get(0)), files.get(1) == null ? "none"
                    : VisibleText.escape(files.get(1)), VisibleText.escape(files.get(2)));
        }
    }

    void summary(PrintWriter w) {
        Sample sample = report.sample();
        LabelEncoder classes = confusionClasses();
        double accuracy = Evaluation.accuracy(report.truth(), report.predicted());
        if (report.splits() != null) {
            Splits s = report.splits();
            String validation = s.validation().length == 0 ? "no validation"
                    : "validation " + s.validation().length;
            // "test 1 graph" when the test split holds one graph.
            w.printf(Locale.ROOT, "%s on %s: train %d, %s, test %s, %s%n", method.title,
                    VisibleText.escape(splitsData(sample, s.files())), s.train().length,
                    validation,
                    CenterCommand.graphs(s.test().length), classCount(classes.size()));
            splitFolders(w, s.files());
        } else {
            w.printf(Locale.ROOT, "%s, stratified %d-fold cross-validation of %s (%s, %s)%n",
                    method.title, run.folds(), VisibleText.escape(sample.source()),
                    CenterCommand.graphs(sample.size()), classCount(classes.size()));
        }
        w.printf(Locale.ROOT, "aligner %s, seed %d%s, %s%n", run.aligner().name(),
                run.seed(), AlignerOptions.timeLimitWords(run.timeLimitSeconds()),
                Numbers.threads(run.workers()));
        if (report.search() != null) {
            boolean sized = report.search().selection()
                    == ValidationSearch.Selection.ONE_STANDARD_ERROR;
            w.printf(Locale.ROOT, "validation  %d combination%s (%s%s)%n", report.grid().size(),
                    report.grid().size() == 1 ? "" : "s", selectionText(report.search()),
                    sized ? "; * chosen, + most correct" : "");
            int mostCorrect = report.search().mostCorrect();
            for (int c = 0; c < report.search().candidates().size(); c++) {
                if (report.search().failed(c)) {
                    Setting failed = report.grid().get(c);
                    boolean scaled = report.recipe() != null;
                    w.printf(Locale.ROOT, "    %-50s  failed, skipped: %s%n",
                            describe(method, failed, scaled, run.typed()),
                            ClassifyCommand.failureAfterSetting(
                                    report.search().failures().get(c), method, failed, scaled,
                                    run.typed()));
                    continue;
                }
                w.printf(Locale.ROOT, "  %s %-50s  %.4f (%d of %d)%s%n",
                        c == report.search().best() ? "*" : sized && c == mostCorrect ? "+" : " ",
                        describe(method, report.grid().get(c), report.recipe() != null,
                                run.typed()),
                        report.search().accuracy(c), report.search().correct()[c],
                        report.search().validationSize(), sized ? ", model size "
                        + report.search().candidates().get(c).modelSize() : "");
            }
        }
        w.printf(Locale.ROOT, "%s%s%n", report.search() != null && report.grid().size() > 1
                ? "chosen      " : "setting     ", chosenText());
        if (method.usesTraining && method != Method.TEMPLATE_MLP) {
            w.printf(Locale.ROOT, "start       %s (--initialization)%n",
                    initialization(method, report.chosen()));
        }
        if (report.splits() != null) {
            boolean both = run.refit().strip().toLowerCase(Locale.ROOT).equals(REFIT_BOTH);
            int fitted = report.splits().train().length
                    + (both ? report.splits().validation().length : 0);
            w.printf(Locale.ROOT, "fitted on   %s (%s)%n", both ? REFIT_BOTH : REFIT_TRAIN,
                    CenterCommand.graphs(fitted));
            if (report.fitted() != null) {
                w.printf(Locale.ROOT, "scaling     fitted on %s only: %s%n", both
                        ? REFIT_BOTH : REFIT_TRAIN, scalingText());
            }
            w.printf(Locale.ROOT, "test        accuracy %.4f (%d of %d)%n", accuracy,
                    correct(), report.truth().size());
        } else {
            if (report.recipe() != null) {
                w.printf(Locale.ROOT, "scaling     %s, fitted on the training part of each"
                        + " fold only%n", scalingText());
            }
            FoldAccuracies f = report.foldAccuracies();
            w.printf(Locale.ROOT, "accuracy    %.4f +- %.4f (mean +- population standard"
                    + " deviation over %d folds)%n", f.mean(), f.standardDeviation(),
                    run.folds());
            List<String> values = new ArrayList<>();
            for (double v : f.values()) {
                values.add(String.format(Locale.ROOT, "%.4f", v));
            }
            w.printf(Locale.ROOT, "folds       %s%n", String.join(", ", values));
            w.printf(Locale.ROOT, "pooled      accuracy %.4f (%d of %d out-of-fold"
                    + " predictions)%n", accuracy, correct(), report.truth().size());
        }
        confusionTable(w, classes, Evaluation.confusionMatrix(report.truth(), report.predicted(),
                classes));
        if (run.alignmentCounts() != null && method == Method.TEMPLATE_MLP) {
            w.printf(Locale.ROOT, "alignments  %d computed, one per prediction (to the"
                    + " template)%n", run.alignmentCounts()[0]);
        } else if (run.alignmentCounts() != null) {
            long[] counts = run.alignmentCounts();
            long total = counts[0] + counts[1];
            boolean scores = method == Method.PERCEPTRON || method == Method.MLP;
            w.printf(Locale.ROOT, "alignments  %d computed, %d skipped by %s bounds (%.1f %%"
                    + " of %d)%s%n", counts[0], counts[1], scores ? "score" : "lower",
                    total == 0 ? 0.0 : 100.0 * counts[1] / total, total, run.lowerBounds() ? ""
                    : "; --no-lower-bounds");
        }
        if (run.unproven().text() != null) {
            w.printf(Locale.ROOT, "alignments  %s; counted over training and prediction,"
                    + " their distances are upper bounds%n", run.unproven().text());
        }
        if (method.usesPrototypes && !run.trace().errors(report.chosen()).isEmpty()) {
            w.printf(Locale.ROOT, "training    %s%n", trainingErrorsText());
        }
        if (report.search() != null) {
            double searchPart = Numbers.hundredths(report.searchSeconds());
            double testPart = Numbers.hundredths(report.testSeconds());
            w.printf(Locale.ROOT, "wall time   %.2f s (validation search %.2f s, %s %.2f s)%n",
                    searchPart + testPart, searchPart, report.searchFitReused()
                    ? "test with the search's fit on train" : "final fit and test", testPart);
        } else {
            w.printf(Locale.ROOT, "wall time   %.2f s%n",
                    report.searchSeconds() + report.testSeconds());
        }
        CenterCommand.printNotes(w, notes());
    }

    /**
     * Returns the notes of both reports: those on the options first, then the data set's
     * reader notes.
     */
    private List<String> notes() {
        List<String> all = new ArrayList<>(run.notes());
        all.addAll(report.sample().dataset().notes());
        return all;
    }

    /**
     * Returns the warnings about the chosen setting's training. For LVQ1 and GLVQ, first the
     * one about their training errors ({@link #prototypeWarnings}); otherwise, for every
     * trained method, the one about the objective: in some fit (validation search, final fit
     * or a fold) the training objective ended above its
     * {@link ClassifyCommand#suspiciousLevel} (and, where {@link ClassifyCommand#mustRise},
     * above its first epoch's value), with what the objective measures and the learning rate
     * to lower. (GLVQ at an absurd rate can wreck its prototypes within the
     * first epoch and then misjudge fewer graphs than guessing, at a rising mean {@code mu}.)
     */
    List<String> warnings() {
        List<String> errors = method.usesPrototypes ? prototypeWarnings() : List.of();
        if (!errors.isEmpty()) {
            return errors;
        }
        TrainingTrace.Suspicious fit = method.usesTraining
                ? run.trace().suspicious(report.chosen()) : null;
        if (fit == null) {
            return List.of();
        }
        String objective = switch (method) {
            case LVQ1 -> "the fraction of training graphs misjudged when visited";
            case GLVQ -> "the mean relative distance mu";
            case PERCEPTRON -> "the fraction of training graphs that updated the model";
            default -> "the mean training loss";
        };
        String level = switch (method) {
            case GLVQ -> "above 0 (training graphs nearer to a prototype of another class) and"
                    + " above its first epoch's value";
            case MLP, TEMPLATE_MLP -> String.format(Locale.ROOT, "more than 10 %% above the"
                    + " loss of guessing the class uniformly (%.4g)",
                    fit.level() / MLP_GUESS_FACTOR);
            default -> String.format(Locale.ROOT, "more than two standard errors worse than"
                    + " guessing the class uniformly (above %.4g) and above its first epoch's"
                    + " value", fit.level());
        };
        return List.of(String.format(Locale.ROOT, "in a fit of the chosen setting the training"
                + " objective (%s) ended at %.4g after epoch %d (%.4g after the first), %s:"
                + " learning rate %s may be too large; check the accuracy against a lower"
                + " --learning-rate", objective, fit.last(), fit.epochs(), fit.first(), level,
                run.typed().of("--learning-rate", report.chosen().learningRate())));
    }

    /**
     * Returns the warning about the chosen setting's LVQ1 or GLVQ training
     * ({@link #prototypeWarning}), or none.
     */
    private List<String> prototypeWarnings() {
        String warning = prototypeWarning(method.title, run.trace().errors(report.chosen()),
                report.splits() == null ? "for " : "on ", this::fitName,
                run.typed().of("--learning-rate", report.chosen().learningRate()));
        return warning == null ? List.of() : List.of(warning);
    }

    /**
     * Returns the warning about LVQ1 or GLVQ training, or null: in some fit the training
     * graphs misjudged in the last epoch clearly outnumber those of the first epoch, or are
     * not clearly fewer than guessing the largest class would misjudge
     * ({@link TrainingTrace.Errors#wentWrong}). It names how many fits went wrong and the
     * counts of one of them: the first whose errors {@link TrainingTrace.Errors#rose rose}
     * clearly, if any, and then the learning rate may be too large; otherwise the first that
     * went wrong, whose errors fell, stayed or rose by no more than chance allows without
     * clearly beating guessing, and then the warning says that the model may be no better
     * than guessing the largest class and gives no learning-rate advice: LVQ1 at rate 0.001
     * on 40 MUTAG graphs went from 11 to 10 errors against the 15 of guessing, and a smaller
     * rate would only have moved the class means less.
     *
     * @param title the method's name, such as {@code "LVQ1"}
     * @param fits the fits of the chosen setting, in order
     * @param preposition {@code "for "} before a fold's name, {@code "on "} before a split's
     * @param fitName the name of the fit of an index, such as {@code "fold 2"}
     * @param rate the chosen learning rate as the user typed it
     * @return the warning, or null if no fit went wrong
     */
    static String prototypeWarning(String title, List<TrainingTrace.Errors> fits,
            String preposition, IntFunction<String> fitName, String rate) {
        int wrong = 0;
        int first = -1;
        int rising = -1;
        for (int i = 0; i < fits.size(); i++) {
            TrainingTrace.Errors fit = fits.get(i);
            if (fit.wentWrong()) {
                wrong++;
                first = first < 0 ? i : first;
                rising = rising < 0 && fit.rose() ? i : rising;
            }
        }
        if (wrong == 0) {
            return null;
        }
        int shown = rising >= 0 ? rising : first;
        TrainingTrace.Errors fit = fits.get(shown);
        int[] perEpoch = fit.perEpoch();
        String guessing = "not clearly fewer than the " + fit.guessing() + " of guessing the"
                + " largest class";
        String among = fits.size() == 1 ? "in the one fit of the chosen setting"
                : String.format(Locale.ROOT, "in %d of %d fits of the chosen setting", wrong,
                        fits.size());
        if (rising < 0) {
            return String.format(Locale.ROOT, "%s training did not clearly beat guessing %s:"
                    + " the fit %s%s ended with %d of its %d training graphs misjudged in"
                    + " epoch %d (%d in epoch 1), %s; the model may be no better than always"
                    + " predicting that class", title, among, preposition,
                    fitName.apply(shown), fit.last(), fit.graphs(), perEpoch.length,
                    perEpoch[0], guessing);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("clearly more than the " + perEpoch[0] + " of its first epoch");
        if (fit.nearGuessing()) {
            reasons.add(guessing);
        }
        return String.format(Locale.ROOT, "%s training went wrong %s: the fit %s%s ended"
                + " with %d of its %d training graphs misjudged in epoch %d, %s; learning rate"
                + " %s may be too large: try a smaller --learning-rate", title, among,
                preposition, fitName.apply(shown), fit.last(), fit.graphs(), perEpoch.length,
                String.join(" and ", reasons), rate);
    }

    /** A count of classes with its noun, {@code "1 class"} or {@code "4 classes"}. */
    static String classCount(int count) {
        return count + (count == 1 ? " class" : " classes");
    }

    /**
     * The longest class name, in shown characters, that the confusion matrix writes above
     * its column; a longer one (or one holding a space, or empty) makes every column a key.
     */
    static final int LONGEST_COLUMN_NAME = 12;

    /**
     * Prints the confusion matrix, rows the true classes, columns the predicted ones. Each
     * column is right-aligned to its own width, that of its heading or its largest count as
     * shown, so that one long name widens one column only; a label's width is that of its
     * escaped form ({@link VisibleText#width}), since the writer {@code w} is expected to
     * escape control characters ({@link VisibleText#writer}).
     *
     * <p>When a class name is longer than {@link #LONGEST_COLUMN_NAME} shown characters,
     * holds a space (so that the heading could not be read as one name per column) or is
     * empty, the columns are headed by short keys {@code c1}, {@code c2}, ... in class order,
     * and each row begins with its class's key before the full name, left-aligned: the rows
     * are the legend of the keys.
     *
     * @param w where the table goes
     * @param classes the classes, in row and column order
     * @param counts the counts, {@code counts[true][predicted]}; not modified
     */
    static void confusionTable(PrintWriter w, LabelEncoder classes, int[][] counts) {
        List<String> labels = classes.labels();
        boolean keyed = false;
        for (String label : labels) {
            keyed |= label.isEmpty() || label.contains(" ")
                    || VisibleText.width(label) > LONGEST_COLUMN_NAME;
        }
        List<String> headings = new ArrayList<>();
        List<String> rowNames = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            String key = "c" + (c + 1);
            headings.add(keyed ? key : labels.get(c));
            rowNames.add(keyed ? key + " " + labels.get(c) : labels.get(c));
        }
        int rowWidth = 1;
        for (String name : rowNames) {
            rowWidth = Math.max(rowWidth, VisibleText.width(name));
        }
        int[] widths = new int[labels.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(1, VisibleText.width(headings.get(c)));
            for (int[] row : counts) {
                widths[c] = Math.max(widths[c], Integer.toString(row[c]).length());
            }
        }
        w.println("confusion   rows: true class, columns: predicted class"
                + (keyed ? " (by the keys c1 to c" + labels.size() + " before the rows'"
                        + " classes)" : ""));
        StringBuilder header = new StringBuilder("  ").append(" ".repeat(rowWidth));
        for (int c = 0; c < widths.length; c++) {
            header.append(' ').append(pad(headings.get(c), widths[c]));
        }
        w.println(TextFiles.unpadEnd(header.toString()));
        for (int a = 0; a < counts.length; a++) {
            String name = rowNames.get(a);
            StringBuilder line = new StringBuilder("  ").append(keyed
                    ? padEnd(name, rowWidth) : pad(name, rowWidth));
            for (int c = 0; c < widths.length; c++) {
                line.append(' ').append(pad(Integer.toString(counts[a][c]), widths[c]));
            }
            w.println(line);
        }
    }

    /** Left-aligns text to a width, shown escaped ({@link VisibleText#escape}). */
    private static String padEnd(String text, int width) {
        String shown = VisibleText.escape(text);
        return shown + " ".repeat(Math.max(0, width - shown.length()));
    }

    /** Right-aligns text to a width, shown escaped ({@link VisibleText#escape}). */
    private static String pad(String text, int width) {
        String shown = VisibleText.escape(text);
        return " ".repeat(Math.max(0, width - shown.length())) + shown;
    }
}
