package org.orbifold.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;

import picocli.CommandLine;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The rule for a value attached to an option's name with {@code =}, installed on every option
 * of every command ({@link #install}) in front of the option's own preprocessor, if any:
 *
 * <ul>
 *   <li>an option that takes a value takes the attached text as it is, even when it looks
 *       like an option: {@code --seed=-h} is the seed {@code -h} (refused as no integer),
 *       {@code --class=--json} the class named {@code --json}. Only a value typed as the next
 *       argument ({@code --seed -h}) is read as an option when it names one, as picocli
 *       does;</li>
 *   <li>a flag refuses an empty attached value ({@code --json=}), which picocli would read as
 *       false without a word, in the words that {@link OptionValues#FLAG} uses for any other
 *       value: {@code --json takes no value (or true or false), got ''}.</li>
 * </ul>
 *
 * <p>Picocli reads an option-like value as an option unless its parser allows options as
 * option parameters, a setting of the whole parse; this preprocessor turns the setting on
 * for the value of the option it runs for exactly when that value was attached with
 * {@code =}, and off otherwise. Every option that takes a value runs it before its value is
 * read, so each value is read under the setting that its own spelling asks for.
 */
final class AttachedValue implements IParameterPreprocessor {

    /** The option's own preprocessor, run after this one, or null. */
    private final IParameterPreprocessor own;

    private AttachedValue(IParameterPreprocessor own) {
        this.own = own;
    }

    /**
     * Puts this rule in front of the preprocessor of every option of the command and its
     * sub-commands, keeping the options' order.
     *
     * @param command the root of the command line
     */
    static void install(CommandLine command) {
        // The sub-commands first: a root option inherited by them (--debug) reaches them
        // again, rebuilt, when the root adds it back.
        for (CommandLine sub : command.getSubcommands().values()) {
            install(sub);
        }
        CommandSpec spec = command.getCommandSpec();
        List<OptionSpec> options = new ArrayList<>(spec.options());
        for (OptionSpec option : options) {
            spec.remove(option);
        }
        for (OptionSpec option : options) {
            if (!option.inherited()) {
                spec.addOption(option.toBuilder()
                        .preprocessor(new AttachedValue(option.preprocessor())).build());
            }
        }
    }

    /**
     * Returns the option's own preprocessor behind this rule, for a look at the options'
     * model; a preprocessor that is not this rule is returned as it is.
     *
     * @param preprocessor an option's preprocessor
     * @return the one this rule runs after, or {@code preprocessor} itself
     */
    static IParameterPreprocessor own(IParameterPreprocessor preprocessor) {
        return preprocessor instanceof AttachedValue rule ? rule.own : preprocessor;
    }

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec argSpec,
            Map<String, Object> info) {
        boolean attached = "=".equals(info.get("separator"));
        if (argSpec.arity().max() == 0) {
            if (attached && (args.isEmpty() || args.peek().isEmpty())) {
                String name = argSpec instanceof OptionSpec option ? option.longestName()
                        : argSpec.paramLabel();
                throw new ParameterException(command.commandLine(), name
                        + " takes no value (or true or false), got ''", argSpec, "");
            }
        } else {
            command.parser().allowOptionsAsOptionParameters(attached);
        }
        return own != null && own.preprocess(args, command, argSpec, info);
    }
}
