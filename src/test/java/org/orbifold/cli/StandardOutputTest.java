package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardOutputTest {

    @Test
    void charactersTheCharsetCannotEncodeAreWrittenAsEscapesNotQuestionMarks() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new StandardOutput(bytes, StandardCharsets.US_ASCII);

        out.print("classes 1: caf\u00e9 (1), \ud83d\ude00 (2)?");
        out.flush();

        assertEquals("classes 1: caf\\u00e9 (1), \\ud83d\\ude00 (2)?",
                bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void charactersTheCharsetEncodesPassUnchanged() {
        ByteArrayOutputStream latin = new ByteArrayOutputStream();
        PrintWriter out = new StandardOutput(latin, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        PrintWriter wide = new StandardOutput(utf8, StandardCharsets.UTF_8);

        out.print("caf\u00e9 \u0142");
        out.flush();
        wide.print("caf\u00e9 \u0142 \ud83d\ude00");
        wide.flush();

        assertEquals("caf\u00e9 \\u0142", latin.toString(StandardCharsets.ISO_8859_1));
        assertEquals("caf\u00e9 \u0142 \ud83d\ude00", utf8.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonWithEscapedCharactersReadsAsTheSameStrings() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new StandardOutput(bytes, StandardCharsets.US_ASCII);

        out.print(JsonOutput.text(json -> json.beginObject().name("class")
                .value("caf\u00e9").endObject()));
        out.flush();

        assertEquals("{\"class\":\"caf\\u00e9\"}", bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aFailedWriteOfStandardOutputEndsWithAnErrorNotSuccess() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        PrintWriter out = new StandardOutput(full, StandardCharsets.UTF_8);
        StringWriter errors = new StringWriter();
        PrintWriter err = new PrintWriter(errors, true);

        int code = Main.execute(new String[] {"info"}, out, err);
        int checked = Main.outputChecked(code, out, err);

        assertEquals(0, code, errors.toString());
        assertEquals(CliException.DATA, checked);
        assertEquals("orbifold: error: cannot write standard output (a full disk or a closed"
                + " pipe?); what was written is incomplete\n", errors.toString());
        assertEquals(CliException.USAGE, Main.outputChecked(CliException.USAGE, out,
                new PrintWriter(new StringWriter())));
    }

    @Test
    void aFailureThatAPrintStreamRecordsIsSeenToo() {
        PrintStream swallowing = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        PrintWriter out = new StandardOutput(swallowing, StandardCharsets.UTF_8);

        out.println("dataset   LETTERS");
        StandardOutput.printUtf8(out, "<svg/>");

        assertTrue(out.checkError());
    }

    /**
     * Standard output closed under a command with {@code --out} (as with {@code | head -1}):
     * the exit code is 1, and the file is still written, complete, as the README says.
     */
    @Test
    void aFailedStandardOutputStillWritesTheCompleteOutFile(@TempDir Path dir)
            throws IOException {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        PrintWriter out = new StandardOutput(closed, StandardCharsets.UTF_8);
        StringWriter errors = new StringWriter();
        PrintWriter err = new PrintWriter(errors, true);
        Path file = dir.resolve("m.json");

        int code = Main.execute(new String[] {"mean", "--limit", "4", "--out",
            file.toString()}, out, err);

        assertEquals(CliException.DATA, Main.outputChecked(code, out, err), errors.toString());
        Map<String, Object> json = JsonParser.object(Files.readString(file));
        assertEquals("mean", json.get("command"));
        assertEquals(4.0, json.get("graphs"));
        assertTrue(json.containsKey("center"), json.toString());
    }

    @Test
    void aSuccessfulWriteKeepsTheCode() {
        PrintWriter out = new StandardOutput(new ByteArrayOutputStream(),
                StandardCharsets.UTF_8);

        assertEquals(0, Main.outputChecked(Main.execute(new String[] {"info"}, out,
                new PrintWriter(new StringWriter())), out, new PrintWriter(new StringWriter())));
    }
}
