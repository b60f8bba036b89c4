package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.orbifold.cli.MainTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;

/**
 * A value attached to an option with {@code =} is the option's value whatever it looks like,
 * a flag refuses an empty one as it refuses any other, and an option that ends a cluster of
 * short options lacks its value ({@link AttachedValue}, {@link UsageErrors}).
 */
class AttachedValueTest {

    private static void assertRefused(String message, String... args) {
        Run r = MainTest.run(args);

        assertEquals(CliException.USAGE, r.exitCode(), r.err());
        assertEquals(Main.ERROR_PREFIX + message, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void anAttachedValueThatLooksLikeAnOptionIsTheValue() {
        assertRefused("--seed must be an integer, got '-h'", "mean", "--seed=-h");
        assertRefused("unknown class '-h'; classes: A, E, F, H, I, K, L, T, X",
                "mean", "--class=-h");
        assertRefused("unknown class '--json'; classes: A, E, F, H, I, K, L, T, X",
                "mean", "--class=--json");
        assertRefused("--limit must be an integer, got '--json'", "mean", "--limit=--json");
    }

    @Test
    void anAttachedAlignerNameIsCheckedAsAName() {
        assertRefused("--aligner must be one of exact, fast, faq, ga, ipfp, multistart, nodes,"
                + " thorough, got '-h'", "align", "--aligner=-h", "0", "1");
    }

    @Test
    void aValueTypedAfterTheNameIsStillReadAsAnOption() {
        assertRefused("--seed needs a value (--seed S), got the option --json",
                "mean", "--seed", "--json");
    }

    @Test
    void everyFlagRefusesAnEmptyValueAsItRefusesAnyOther() {
        for (String flag : new String[] {"--json", "--progress", "--debug", "--help",
            "--version"}) {
            assertRefused(flag + " takes no value (or true or false), got ''",
                    "mean", flag + "=");
            assertRefused(flag + " takes no value (or true or false), got 'no'",
                    "mean", flag + "=no");
        }
        assertRefused("--json takes no value (or true or false), got ''",
                "mean", "--json=", "--limit", "2");
    }

    @Test
    void anOptionEndingAClusterLacksItsValue() {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        String[] args = {"classify", "--folds", "3", "-hk"};
        MissingParameterException e = assertThrows(MissingParameterException.class,
                () -> cli.parseArgs(args));

        assertEquals("-k needs a value (-k K)", UsageErrors.message(e, args));
    }
}
