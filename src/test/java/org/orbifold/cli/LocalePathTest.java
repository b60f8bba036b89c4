package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that the locale's charset cannot represent: Java decodes the arguments under
 * {@code LC_ALL=C} as ASCII, so a non-ASCII file name arrives with replacement characters
 * that no path of that charset holds. The command line is run in a JVM of its own under that
 * locale, since the charset of file names is fixed when a JVM starts.
 */
class LocalePathTest {

    /** The file name of the test: non-ASCII letters, which US-ASCII cannot encode. */
    private static final String NAME = "\u00fcn\u00ef.smi";

    @TempDir
    Path dir;

    /** The reason of a charset refusal names the charset and the way out; others pass. */
    @Test
    void theReasonNamesTheLocaleAndAUtf8Locale() {
        String reason = OptionValues.unrepresentable(new InvalidPathException("x\ufffd",
                "Malformed input or input contains unmappable characters"));
        assertTrue(reason.startsWith("it cannot be represented in the charset of the current"
                + " locale ("), reason);
        assertTrue(reason.endsWith("); run under a UTF-8 locale, such as LC_ALL=C.UTF-8"),
                reason);
        assertEquals("Nul character not allowed", OptionValues.unrepresentable(
                new InvalidPathException("x", "Nul character not allowed")));
    }

    /**
     * DATASET and {@code --out} under {@code LC_ALL=C}: each is a usage error (exit 2) in one
     * line that says why and what to do, not Java's message about malformed input.
     */
    @Test
    void aNonAsciiPathUnderTheCLocaleIsAUsageErrorThatNamesTheWayOut()
            throws IOException, InterruptedException {
        // The arguments reach the child in this JVM's charset of file names: UTF-8 needed.
        assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "this JVM does not encode arguments as UTF-8");
        Path data = dir.resolve(NAME);
        Files.writeString(data, "CCO\nCCC\n");
        Path ascii = Files.writeString(dir.resolve("mols.smi"), "CCO\nCCC\n");

        Child dataset = runUnderCLocale("mean", data.toString());
        assertEquals(CliException.USAGE, dataset.code(), dataset.err());
        assertTrue(dataset.err().startsWith("orbifold: error: cannot use the path '"),
                dataset.err());
        assertTrue(dataset.err().contains("': it cannot be represented in the charset of the"
                + " current locale ("), dataset.err());
        assertTrue(dataset.err().endsWith("); run under a UTF-8 locale, such as"
                + " LC_ALL=C.UTF-8\n"), dataset.err());
        assertEquals("", dataset.out());

        Child out = runUnderCLocale("median", ascii.toString(), "--out",
                dir.resolve("\u00e9.json").toString());
        assertEquals(CliException.USAGE, out.code(), out.err());
        assertTrue(out.err().startsWith("orbifold: error: --out must be a path, got '"),
                out.err());
        assertTrue(out.err().contains("(it cannot be represented in the charset of the"
                + " current locale ("), out.err());
        assertEquals("", out.out());
    }

    private record Child(int code, String out, String err) {
    }

    /** Runs {@link Main} in a new JVM under {@code LC_ALL=C}, with this JVM's class path. */
    private Child runUnderCLocale(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-cp", System.getProperty("java.class.path")
                + File.pathSeparator + Path.of("target", "classes"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("LC_") || key.equals("LANG")
                || key.equals("JAVA_TOOL_OPTIONS"));
        env.put("LC_ALL", "C");
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = builder.start().waitFor();
        return new Child(code, Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }
}
