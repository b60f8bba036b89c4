package org.orbifold.cli;

import java.util.Map;
import java.util.Stack;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The check of a real option's text that takes one value (such as {@code --edge-weight} of
 * {@code mean}), before picocli converts it: a decimal number that a double cannot hold is
 * refused as typed, {@code 1e400} as too large where the conversion would give an infinity,
 * and a nonzero {@code 1e-400} as too small where it would give 0, with the same message as
 * a value of a list of reals ({@link ListValues}). Every single-valued real option of the
 * commands names this class as its {@code preprocessor}; a subnormal value such as
 * {@code 1e-310}, a zero such as {@code 0e-400} and a text that is no decimal number (left to
 * picocli's conversion and to the options' own checks) pass unchanged.
 */
final class RealValue implements IParameterPreprocessor {

    /** Created by picocli for each option that names this class. */
    RealValue() {
    }

    /**
     * Fails when the option's text, on top of {@code args}, is a decimal number that a double
     * cannot hold; otherwise leaves it to picocli.
     *
     * @param args the command-line arguments still to parse, the option's text on top
     * @param command the command being parsed
     * @param argSpec the option
     * @param info picocli's details of the option as given (unused)
     * @return false: picocli parses the text as usual
     * @throws ParameterException for a usage error naming the option and the text
     */
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec argSpec,
            Map<String, Object> info) {
        if (!args.isEmpty() && argSpec instanceof OptionSpec option) {
            ListValues.requireDoubleRange(command, option.longestName(), args.peek().strip());
        }
        return false;
    }
}
