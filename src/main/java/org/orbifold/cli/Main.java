package org.orbifold.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openscience.cdk.tools.LoggingToolFactory;
import org.orbifold.io.TextFiles;
import org.orbifold.learn.GraphMlp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code orbifold} command line: statistics of graphs as points of a graph space.
 * Sub-commands {@code info}, {@code align}, {@code mean}, {@code median}, {@code cluster},
 * {@code classify}, {@code render}, {@code pca} and {@code regress} read a data set (a TU
 * Dortmund folder, an IAM {@code .cxl} split, a NumPy {@code .npy} stack of adjacency
 * matrices, a molecule file, a GraphML, GML or DOT file or folder, or by default the
 * project's own letter drawings) and print text or JSON ({@code render}: an SVG drawing); DATASET
 * {@code tu:NAME} names a data set of the TU collection, which {@code fetch} downloads into a
 * cache ({@link FetchCommand}).
 *
 * <p>Every failure ends with one line {@code orbifold: error: <what>} on standard error and
 * exit code 2 for a bad command line or 1 for unusable data; {@code --debug} adds the stack
 * trace. The errors that picocli finds while parsing are worded as the commands' own checks
 * ({@link UsageErrors}). Running out of Java heap is reported the same way, in one line that
 * says what to lower or raise. Results go to standard output only; progress and logs go to
 * standard error.
 * A request for help or the version ({@code -h}, {@code -V}) wins over every error of the
 * rest of the command line ({@link #answerHelpRequest}).
 */
@Command(name = "orbifold", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Statistics of graphs as points of a graph space (graphs up to relabelling).",
        subcommands = {InfoCommand.class, AlignCommand.class, MeanCommand.class,
            MedianCommand.class, ClusterCommand.class, ClassifyCommand.class,
            RenderCommand.class, PcaCommand.class, RegressCommand.class, FetchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "DATASET is a TU Dortmund folder or .zip, an IAM .cxl file, a .npy stack, a"
            + " molecule file (SMILES .smi, .smiles, .can; .csv with a smiles column; SD .sdf,"
            + " .sd, .mol) or a GraphML, GML or "
            + "DOT file or folder (.graphml, .gml, .dot, .gv); without it the embedded letter"
            + " drawings (datasets/letters) are used. tu:NAME is the TU data set NAME, fetched"
            + " into a cache when missing (see fetch --help). classify also takes an IAM folder"
            + " of splits."})
public final class Main implements Runnable {

    /** Prefix of every error line. */
    static final String ERROR_PREFIX = "orbifold: error: ";

    /** Prefix of every warning line on standard error (classify's about training). */
    static final String WARNING_PREFIX = "orbifold: warning: ";

    /** A help or version flag set to false, which asks for nothing. */
    private static final Pattern DECLINED_REQUEST =
            Pattern.compile("(?:-h|--help|-V|--version)=(?i:false)");

    /** The sub-commands, as error messages list them. */
    static final String COMMANDS = "info, align, mean, median, cluster, classify, render, pca,"
            + " regress, fetch";

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and debug logs on failure.")
    boolean debug;

    /** Called without a sub-command: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command; commands: " + COMMANDS + " (see orbifold --help)");
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new StandardOutput(System.out, charset);
        PrintWriter err = new PrintWriter(StandardOutput.encodable(
                new OutputStreamWriter(System.err, charset), charset), true);
        int code = outputChecked(execute(args, out, err), out, err);
        err.flush();
        System.exit(code);
    }

    /**
     * Returns a command's exit code, or {@link CliException#DATA} with a one-line error when
     * writing its standard output failed (a full disk, a closed pipe), which a
     * {@link PrintWriter} only records: a report or document cut short must not end with
     * success.
     *
     * @param code the command's exit code
     * @param out its standard output, flushed here
     * @param err where the error goes
     * @return {@code code}, or {@link CliException#DATA} after a failed write
     */
    static int outputChecked(int code, PrintWriter out, PrintWriter err) {
        if (!out.checkError()) {
            return code;
        }
        err.println(ERROR_PREFIX + "cannot write standard output (a full disk or a closed"
                + " pipe?); what was written is incomplete");
        return code == 0 ? CliException.DATA : code;
    }

    /**
     * Runs the command line with the given output streams and returns its exit code, without
     * exiting; tests call this in-process.
     *
     * @param args the command-line arguments
     * @param out where results go
     * @param err where errors and progress go
     * @return 0 on success, 1 for unusable data, 2 for a bad command line
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        configureLogging(debug);
        CommandLine cli = commandLine(out, err, debug);
        try {
            return cli.execute(withoutDeclinedRequests(args));
        } catch (OutOfMemoryError e) {
            return outOfMemory(err, e, debug, subcommand(cli, args));
        }
    }

    /**
     * Returns the arguments without the help and version flags given the value false
     * ({@code --help=false}, {@code -V=FALSE}) before an end of options {@code --}. Picocli
     * takes a matched help flag for a request whatever its value, and then skips the check
     * of required options; a flag set to false asks for nothing, so it goes before the
     * parse, and the command runs as if it had not been typed.
     *
     * @param args the command-line arguments
     * @return the arguments to parse
     */
    static String[] withoutDeclinedRequests(String[] args) {
        List<String> kept = new ArrayList<>(args.length);
        boolean options = true;
        for (String arg : args) {
            options &= !arg.equals("--");
            if (!options || !DECLINED_REQUEST.matcher(arg).matches()) {
                kept.add(arg);
            }
        }
        return kept.toArray(new String[0]);
    }

    /** The subcommand that the first word of the arguments naming one runs, or null. */
    private static CommandLine subcommand(CommandLine cli, String[] args) {
        for (String arg : args) {
            if ("--".equals(arg)) {
                break;
            }
            CommandLine command = cli.getSubcommands().get(arg);
            if (command != null) {
                return command;
            }
        }
        return null;
    }

    /**
     * Reports that the Java heap ran out, in one line with what to change, and returns the
     * exit code of a failed computation; the stack trace only with {@code --debug}. The advice
     * names only options that the command has ({@code --features}, {@code --threads},
     * {@code --limit}); with no command known it names those of every command. For
     * {@code render}, whose drawings need memory beyond the graphs' matrices (the stress
     * layout of a connected part takes some 24 n^2 bytes for n nodes), it names the graphs
     * drawn and read instead of the matrices' size.
     *
     * @param w where errors go
     * @param e the error
     * @param debug whether to print the stack trace
     * @param command the command that ran, or null when unknown
     * @return {@link CliException#DATA}
     */
    static int outOfMemory(PrintWriter w, OutOfMemoryError e, boolean debug,
            CommandLine command) {
        long maxMegabytes = Runtime.getRuntime().maxMemory() >> 20;
        List<String> lower = new ArrayList<>();
        if (has(command, "--features")) {
            lower.add("--features of the node kernel");
        }
        if (has(command, "--threads")) {
            lower.add("--threads");
        }
        if (command != null && "render".equals(command.getCommandName())) {
            lower.add("the number or the size of the graphs drawn (--graphs, --align) and read"
                    + " (--limit)");
        } else {
            lower.add("the number of graphs" + (has(command, "--limit") ? " (--limit)" : "")
                    + " or their size (a graph of n nodes takes 8 n bytes per node channel,"
                    + " and a label has a one-hot channel per distinct value, plus 8 n^2 bytes"
                    + " per edge channel)");
        }
        w.println(ERROR_PREFIX + "out of memory (" + (e.getMessage() == null ? "Java heap"
                : e.getMessage()) + "; the heap may grow to " + maxMegabytes + " MB): lower "
                + String.join(", ", lower) + ", or give Java more memory (for example"
                + " JAVA_TOOL_OPTIONS=-Xmx8g)");
        if (debug) {
            e.printStackTrace(w);
        }
        w.flush();
        return CliException.DATA;
    }

    /** Whether the command has the option; true when the command is not known. */
    private static boolean has(CommandLine command, String option) {
        return command == null || command.getCommandSpec().findOption(option) != null;
    }

    /** Returns the out-of-memory error among a throwable's causes, or null. */
    static OutOfMemoryError outOfMemoryCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // Every real option, single or list, of every command: -0 reads as 0.
        cli.registerConverter(Double.class, RealValue.CONVERTER);
        cli.registerConverter(Double.TYPE, RealValue.CONVERTER);
        // The other typed options, so that a value that does not convert is refused in the
        // words of the commands' own checks (UsageErrors).
        cli.registerConverter(Integer.class, OptionValues.INTEGER);
        cli.registerConverter(Integer.TYPE, OptionValues.INTEGER);
        cli.registerConverter(Long.class, OptionValues.LONG);
        cli.registerConverter(Long.TYPE, OptionValues.LONG);
        cli.registerConverter(Boolean.class, OptionValues.FLAG);
        cli.registerConverter(Boolean.TYPE, OptionValues.FLAG);
        cli.registerConverter(Path.class, OptionValues.PATH);
        // A value attached with = is the option's value, whatever it looks like.
        AttachedValue.install(cli);
        // Help lines break at spaces only, never inside a word such as .npy or tu:NAME, and
        // every command's help, not only the root's, is as wide as the terminal.
        SpaceBreakingHelp.install(cli);
        cli.setUsageHelpAutoWidth(true);
        // A DATASET tu:NAME becomes the data set's folder in the cache before the command
        // runs, so that the command's checks see the path; it is fetched, when missing, as
        // the command loads its data, after those checks.
        cli.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            resolveDataset(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            Integer answered = answerHelpRequest(e.getCommandLine(), args);
            if (answered != null) {
                return answered;
            }
            PrintWriter w = e.getCommandLine().getErr();
            w.println(ERROR_PREFIX + oneLine(UsageErrors.message(e, args)));
            if (debug) {
                e.printStackTrace(w);
            }
            w.flush();
            return CliException.USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter w = command.getErr();
            OutOfMemoryError oom = outOfMemoryCause(e);
            if (oom != null) {
                return outOfMemory(w, oom, debug, command);
            }
            int code = CliException.DATA;
            String message;
            if (e instanceof CliException c) {
                code = c.exitCode();
                message = c.getMessage();
            } else if (e instanceof InvalidPathException p) {
                // A path argument of the command line (DATASET) is a usage error; one read
                // from the data (a file that a .cxl file names) makes the data unusable.
                code = parsed.originalArgs().contains(p.getInput()) ? CliException.USAGE
                        : CliException.DATA;
                message = "cannot use the path '" + p.getInput() + "': "
                        + OptionValues.unrepresentable(p);
            } else if (e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException) {
                message = e.getMessage();
            } else {
                message = e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            // The commands' own checks name an option of several names as the user typed it.
            message = UsageErrors.asTyped(command.getCommandSpec(), parsed.originalArgs(),
                    message);
            w.println(ERROR_PREFIX + oneLine(message == null ? e.toString() : message));
            if (debug) {
                e.printStackTrace(w);
            }
            w.flush();
            return code;
        });
        return cli;
    }

    /**
     * Replaces the DATASET {@code tu:NAME} of the command to run by the data set's folder
     * ({@link FetchCommand#plan}) and leaves the fetch to the command's
     * {@link DatasetCommand#load}, after its checks of the options; a failure is the
     * command's error. The progress bar shows as the command's {@code --progress} or a
     * terminal asks.
     */
    private static void resolveDataset(CommandLine.ParseResult parsed) {
        List<CommandLine> commands = parsed.asCommandLineList();
        CommandLine last = commands.get(commands.size() - 1);
        if (!(last.getCommand() instanceof DatasetCommand command)) {
            return;
        }
        OptionSpec progress = last.getCommandSpec().findOption("--progress");
        boolean showProgress = progress != null && Boolean.TRUE.equals(progress.getValue())
                || "1".equals(System.getenv(CenterCommand.TERMINAL_VARIABLE));
        try {
            FetchCommand.Pending pending = FetchCommand.plan(command.dataset, last.getErr(),
                    showProgress);
            if (pending == null) {
                return;
            }
            command.dataset = pending.folder().toString();
            command.pendingFetch = pending;
        } catch (CliException e) {
            throw new CommandLine.ExecutionException(last, e.getMessage(), e);
        }
    }

    /**
     * Answers a request for help or the version that a parse error interrupted: the rule of
     * every command is that {@code -h}/{@code --help} and {@code -V}/{@code --version} win
     * over the rest of the command line. Picocli already has it so for unknown options and
     * for checks that run after the parse (the command is then not run at all); this makes it
     * so for the errors of the parse itself (a value that does not convert or that
     * {@link RealValue} refuses, a missing value), which stop the parse before a later
     * {@code -V} is seen. Help wins over the version, as in picocli. The arguments before an
     * end of options {@code --} are searched, as whole words or among the flags of a cluster
     * of the failing command's short options, such as {@code -hV} or {@code -hk}.
     *
     * @param failing the command whose arguments failed to parse
     * @param args the whole command line
     * @return the exit code of the help or version printed, or null if neither was asked for
     */
    static Integer answerHelpRequest(CommandLine failing, String[] args) {
        boolean help = false;
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            help |= asks(failing, arg, 'h', "--help");
            version |= asks(failing, arg, 'V', "--version");
        }
        CommandSpec command = failing.getCommandSpec();
        if (help && command.findOption("--help") != null) {
            failing.usage(failing.getOut(), failing.getColorScheme());
            failing.getOut().flush();
            return command.exitCodeOnUsageHelp();
        }
        if (version && command.findOption("--version") != null) {
            failing.printVersionHelp(failing.getOut());
            failing.getOut().flush();
            return command.exitCodeOnVersionHelp();
        }
        return null;
    }

    /**
     * Whether an argument is the flag {@code -<letter>} or {@code longName}, or a cluster of
     * the command's short options in which the letter stands among the flags before the
     * first option that takes a value ({@code -hk}, {@code -Vk3}; not {@code -kh}, where
     * {@code h} is the value of {@code -k}), as picocli reads a cluster
     * ({@link UsageErrors#cluster}).
     */
    private static boolean asks(CommandLine command, String arg, char letter,
            String longName) {
        if (arg.equals(longName) || arg.equals("-" + letter)) {
            return true;
        }
        for (OptionSpec option : UsageErrors.cluster(command.getCommandSpec(), arg)) {
            if (option.arity().max() == 0 && option.shortestName().equals("-" + letter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Joins the lines of a message with spaces and escapes the control characters that are
     * left, such as a tab or an escape character in a class label ({@link VisibleText}).
     */
    private static String oneLine(String message) {
        return VisibleText.escape(TextFiles.unpad(message).replaceAll("\\s*\\R\\s*", " "));
    }

    private static void configureLogging(boolean debug) {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (debug) {
            System.setProperty(key, "debug");
        } else if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
            // classify notes too few hidden units once, by the option's name; the library
            // warns once per fit (every fold and setting), in the builder's words.
            String mlp = "org.slf4j.simpleLogger.log." + GraphMlp.class.getName();
            if (System.getProperty(mlp) == null) {
                System.setProperty(mlp, "error");
            }
        }
        LoggingToolFactory.setLoggingToolClass(CdkLog.class);
    }

    /** Reports the version from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"orbifold " + (version == null ? "(development build)" : version)};
        }
    }
}
