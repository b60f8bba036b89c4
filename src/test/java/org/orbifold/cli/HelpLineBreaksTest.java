package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help lines break only at spaces ({@link SpaceBreakingHelp}): picocli wraps with the JDK's
 * line-break rules, which also break after a dot before a letter (as in ".npy"), after some
 * hyphens and around brackets, so help written with such words showed them cut across two
 * lines at some terminal widths. The help of every command at several widths must hold the
 * same words, in the same order, as the help printed too wide to wrap.
 */
class HelpLineBreaksTest {

    /**
     * Terminal widths tried: picocli's default, its smallest (55), and every width between
     * (below 68 classify's synopsis moves to indented lines of its own, so that its longest
     * option group, 42 characters, fits), and wider ones.
     */
    private static final int[] WIDTHS = widths();

    private static int[] widths() {
        int[] widths = new int[100 - 55 + 3];
        for (int w = 55; w <= 100; w++) {
            widths[w - 55] = w;
        }
        widths[widths.length - 2] = 120;
        widths[widths.length - 1] = 160;
        return widths;
    }

    /** Wide enough that no line of any help wraps. */
    private static final int UNWRAPPED = 5000;

    @Test
    void everyHelpBreaksItsLinesOnlyAtSpaces() {
        for (CommandLine command : commandsWithRoot()) {
            List<String> words = words(usage(command, UNWRAPPED));
            for (int width : WIDTHS) {
                List<String> wrapped = words(usage(command, width));
                int at = firstDifference(words, wrapped);
                assertEquals(near(words, at), near(wrapped, at),
                        command.getCommandName() + " at width " + width);
            }
        }
    }

    /**
     * The help holds picocli's own words: only where lines break differs. (A first version
     * guarded the percent sign before picocli formatted the text, and the help command's own
     * description showed its line breaks as a literal {@code %n}.)
     */
    @Test
    void everyHelpHoldsTheWordsOfPicoclisOwn() {
        List<CommandLine> ours = commandsWithRoot();
        List<CommandLine> picoclis = commandsWithRoot();
        for (int i = 0; i < ours.size(); i++) {
            picoclis.get(i).setHelpFactory(CommandLine.Help::new);
            for (int width : new int[] {80, 120}) {
                String own = usage(ours.get(i), width);
                assertEquals(words(usage(picoclis.get(i), UNWRAPPED)), words(own),
                        ours.get(i).getCommandName() + " at width " + width);
                assertFalse(own.contains("%n"), own);
            }
        }
    }

    /**
     * In a color terminal the synopsis and the option names are styled: the stand-ins keep
     * each character's style, so the help is the plain help with escape codes added.
     */
    @Test
    void aStyledHelpHoldsThePlainHelpsText() {
        for (CommandLine command : commandsWithRoot()) {
            for (int width : new int[] {80, 67}) {
                String plain = usage(command, width, CommandLine.Help.Ansi.OFF);
                String styled = usage(command, width, CommandLine.Help.Ansi.ON);

                assertNotEquals(plain, styled, command.getCommandName());
                assertEquals(plain, styled.replaceAll("\u001B\\[[0-9;]*m", ""),
                        command.getCommandName() + " at width " + width);
            }
        }
    }

    @Test
    void guardingAndUnguardingGiveBackTheText() {
        String text = "IAM .cxl, tu:NAME, N(=O)=O, [--margin=M[,M...]]... 5 % of @|bold x|@";
        String guarded = SpaceBreakingHelp.guard(text);

        assertEquals(text.length(), guarded.length());
        assertEquals(-1, guarded.indexOf('.'));
        assertEquals(-1, guarded.indexOf('('));
        assertTrue(guarded.contains("@|bold x|@"), guarded);
        assertEquals(text, SpaceBreakingHelp.unguard(guarded));
    }

    private static List<CommandLine> commandsWithRoot() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.getSubcommands().values());
        return all;
    }

    private static String usage(CommandLine command, int width) {
        return usage(command, width, CommandLine.Help.Ansi.OFF);
    }

    private static String usage(CommandLine command, int width, CommandLine.Help.Ansi ansi) {
        command.setUsageHelpAutoWidth(false);
        command.setUsageHelpWidth(width);
        return command.getUsageMessage(ansi);
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.trim().split("\\s+"));
    }

    /** The words around position {@code at}, to show where two helps differ. */
    private static List<String> near(List<String> words, int at) {
        return words.subList(Math.max(0, at - 3), Math.min(words.size(), at + 3));
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }
}
