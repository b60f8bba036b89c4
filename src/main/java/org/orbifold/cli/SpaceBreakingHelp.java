package org.orbifold.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help whose lines break only at spaces. picocli wraps help text with the JDK's line-break
 * rules, which also allow a break after a dot or a hyphen and around brackets, so that a file
 * ending such as {@code .npy}, a molecule such as {@code N(=O)=O}, a data set {@code tu:NAME}
 * or an option group such as {@code [--margin=M[,M...]]} of the synopsis came out cut across
 * two lines at some terminal widths.
 *
 * <p>Every text that picocli lays out passes through {@link #guard}, which replaces each
 * punctuation character by its own character of Unicode's private use area (which the rules
 * treat as a letter) before the layout, and the laid-out lines through {@link #unguard}, which
 * puts the punctuation back. One character stands for one, so the widths picocli measures are
 * the widths printed, and a help holds the same words at every width. Installed on the whole
 * command tree by {@link #install}.
 *
 * <p><b>Limitations.</b> A word longer than its column is still cut where picocli cuts it
 * (none of the commands' words is, from picocli's smallest width, 55 columns, up). Text
 * marked up with picocli's {@code @|style text|@} keeps its markup characters unguarded;
 * the commands use no markup.
 */
final class SpaceBreakingHelp implements CommandLine.IHelpFactory {

    /** Punctuation at which the JDK's rules may break a line inside a word. */
    private static final String GUARDED = ".,;:!?-/()[]{}<>=+*&|'\"%$#~^_\\";

    /** The first of the private-use characters that stand for {@link #GUARDED}. */
    private static final char FIRST_STAND_IN = '\uE000';

    private SpaceBreakingHelp() {
    }

    /** Indent of the synopsis lines after the first when they go on lines of their own. */
    static final int SYNOPSIS_INDENT = 8;

    /**
     * Makes every help of the command and of its sub-commands break only at spaces, and moves
     * a synopsis onto lines of its own, indented {@link #SYNOPSIS_INDENT}, at widths where its
     * longest item would not fit beside {@code Usage: NAME}.
     */
    static void install(CommandLine commandLine) {
        commandLine.setHelpFactory(new SpaceBreakingHelp());
    }

    @Override
    public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
        return new SpacedHelp(commandSpec, colorScheme);
    }

    /**
     * The text with every guarded character replaced by its stand-in, except the two of
     * picocli's markup delimiters {@code @|} and {@code |@}.
     */
    static String guard(String text) {
        StringBuilder guarded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            guarded.append(isMarkup(text, i) ? c : standIn(c));
        }
        return guarded.toString();
    }

    /** The text with every stand-in replaced by the character it stands for. */
    static String unguard(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = c - FIRST_STAND_IN;
            plain.append(index >= 0 && index < GUARDED.length() ? GUARDED.charAt(index) : c);
        }
        return plain.toString();
    }

    private static char standIn(char c) {
        int index = GUARDED.indexOf(c);
        return index < 0 ? c : (char) (FIRST_STAND_IN + index);
    }

    private static boolean isMarkup(String text, int i) {
        char c = text.charAt(i);
        return c == '|' && (i > 0 && text.charAt(i - 1) == '@'
                || i + 1 < text.length() && text.charAt(i + 1) == '@');
    }

    /**
     * The styled text with its guarded characters replaced, each keeping its style: a styled
     * character is replaced only when one of the color scheme's styles renders it exactly as
     * the text does, so that {@link #unguard} gives back the same output.
     */
    static Text guard(Text text, ColorScheme scheme) {
        String plain = text.plainString();
        Text guarded = text.substring(0, 0);
        int kept = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            char standIn = standIn(c);
            if (standIn == c) {
                continue;
            }
            Text replacement = styledLike(text.substring(i, i + 1), standIn, scheme);
            if (replacement != null) {
                guarded = guarded.concat(text.substring(kept, i)).concat(replacement);
                kept = i + 1;
            }
        }
        return kept == 0 ? text : guarded.concat(text.substring(kept));
    }

    /**
     * The character {@code standIn} in the style of the one-character text {@code original},
     * or null when no style of the scheme renders {@code original} as it is rendered.
     */
    private static Text styledLike(Text original, char standIn, ColorScheme scheme) {
        String rendered = original.toString();
        String plain = original.plainString();
        if (rendered.equals(plain)) {
            return Help.Ansi.OFF.new Text(String.valueOf(standIn), scheme);
        }
        List<Function<String, Text>> styles = List.of(scheme::optionText,
                scheme::parameterText, scheme::optionParamText, scheme::commandText);
        for (Function<String, Text> style : styles) {
            if (style.apply(plain).toString().equals(rendered)) {
                return style.apply(String.valueOf(standIn));
            }
        }
        return null;
    }

    /** A help whose text tables are {@link SpacedTable}s. */
    private static final class SpacedHelp extends Help {

        SpacedHelp(CommandSpec commandSpec, ColorScheme colorScheme) {
            super(commandSpec, colorScheme);
        }

        @Override
        public Layout createDefaultLayout(List<OptionSpec> options,
                List<PositionalParamSpec> positionals, ColorScheme scheme) {
            Layout layout = super.createDefaultLayout(options, positionals, scheme);
            TextTable spaced = SpacedTable.like(layout.textTable(), scheme);
            return new Layout(scheme, spaced, layout.optionRenderer(),
                    layout.parameterRenderer());
        }

        /**
         * Lays out the synopsis, indented on lines of its own where its longest item would not
         * fit beside the heading. picocli indents when the heading {@code Usage: NAME } is
         * longer than a threshold times the width, and the longest item {@code L} fits beside
         * the heading {@code H} exactly when the width is at least {@code H + L}, so the
         * threshold is {@code H / (H + L)}; it is set from the items here, when a help is
         * drawn, not when the command line is built.
         */
        @Override
        protected String insertSynopsisCommandName(int headingLength, Text optionText) {
            int heading = headingLength + commandSpec().qualifiedName().length() + 1;
            int longest = 0;
            for (String word : optionText.plainString().trim().split("\\s+")) {
                longest = Math.max(longest, word.length());
            }
            commandSpec().usageMessage().synopsisIndent(SYNOPSIS_INDENT)
                    .synopsisAutoIndentThreshold(
                            Math.min(0.9, (double) heading / (heading + longest)));
            return unguard(super.insertSynopsisCommandName(headingLength,
                    guard(optionText, colorScheme())));
        }

        @Override
        public String description(Object... params) {
            return paragraphs(commandSpec().usageMessage().description(), params);
        }

        @Override
        public String header(Object... params) {
            return paragraphs(commandSpec().usageMessage().header(), params);
        }

        @Override
        public String footer(Object... params) {
            return paragraphs(commandSpec().usageMessage().footer(), params);
        }

        /**
         * The lines as picocli joins them, one paragraph each, broken only at spaces. Each
         * line is formatted first, as picocli formats it ({@code %n} a line break, {@code %%}
         * a percent sign), and guarded after, so that the guarded text holds no {@code %}
         * for picocli's own formatting to read.
         */
        private String paragraphs(String[] lines, Object... params) {
            UsageMessageSpec usage = commandSpec().usageMessage();
            String[] guarded = new String[lines.length];
            for (int i = 0; i < lines.length; i++) {
                guarded[i] = guard(String.format(lines[i], params));
            }
            return unguard(join(ansi(), usage.width(),
                    usage.adjustLineBreaksForWideCJKCharacters(), guarded, new StringBuilder())
                    .toString());
        }

        /**
         * The list of sub-commands, each named beside the first line of its header or else of
         * its description, in picocli's layout: names in a column as wide as the longest name
         * (at most half the width), the text beside them.
         */
        @Override
        public String commandList(Map<String, Help> subcommands) {
            if (subcommands.isEmpty()) {
                return "";
            }
            UsageMessageSpec usage = commandSpec().usageMessage();
            int names = 0;
            for (String name : subcommands.keySet()) {
                names = Math.max(names, name.length());
            }
            names = Math.min(names, usage.width() / 2) + 2;
            TextTable table = new SpacedTable(colorScheme(),
                    new Column(names, 2, Overflow.SPAN),
                    new Column(usage.width() - names, 2, Overflow.WRAP));
            table.setAdjustLineBreaksForWideCJKCharacters(
                    usage.adjustLineBreaksForWideCJKCharacters());
            for (Help command : subcommands.values()) {
                Text[] lines = colorScheme().text(summary(command)).splitLines();
                for (int i = 0; i < lines.length; i++) {
                    Text name = i == 0 ? command.commandNamesText(", ") : colorScheme().text("");
                    table.addRowValues(name, lines[i]);
                }
            }
            return table.toString();
        }

        private static String summary(Help command) {
            UsageMessageSpec usage = command.commandSpec().usageMessage();
            if (usage.header().length > 0) {
                return String.format(usage.header()[0]);
            }
            return usage.description().length > 0 ? String.format(usage.description()[0]) : "";
        }
    }

    /** A text table that guards what is put in it and unguards what it prints. */
    private static final class SpacedTable extends TextTable {

        private final ColorScheme scheme;

        SpacedTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        /** A table with the columns and settings of {@code table}, empty. */
        static SpacedTable like(TextTable table, ColorScheme scheme) {
            SpacedTable spaced = new SpacedTable(scheme, table.columns());
            spaced.indentWrappedLines = table.indentWrappedLines;
            spaced.setAdjustLineBreaksForWideCJKCharacters(
                    table.isAdjustLineBreaksForWideCJKCharacters());
            return spaced;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            return super.putValue(row, col, guard(value, scheme));
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            int start = text.length();
            super.toString(text);
            String laidOut = unguard(text.substring(start));
            text.setLength(start);
            return text.append(laidOut);
        }
    }
}
