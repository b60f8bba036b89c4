package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orbifold.cli.MainTest.Run;

/**
 * The commands on GML and DOT data: {@code info} on a file, {@code mean}, {@code align} and
 * {@code classify} on folders, {@code --label-property}, the options that do not apply, and
 * refusals as one error line.
 */
class GmlDotDataTest {

    @TempDir
    Path dir;

    private static Run run(String... args) {
        return MainTest.run(args);
    }

    /** A GML path graph in the style of networkx, with a graph attribute kind. */
    private static String gml(String kind, String... atoms) {
        StringBuilder b = new StringBuilder("graph [\n  kind \"" + kind + "\"\n");
        for (int i = 0; i < atoms.length; i++) {
            b.append("  node [\n    id ").append(i).append("\n    label \"").append(i)
                    .append("\"\n    atom \"").append(atoms[i]).append("\"\n  ]\n");
        }
        for (int i = 1; i < atoms.length; i++) {
            b.append("  edge [\n    source ").append(i - 1).append("\n    target ").append(i)
                    .append("\n  ]\n");
        }
        return b.append("]\n").toString();
    }

    /** The same path graph in DOT, its nodes declared in reverse order. */
    private static String dot(String kind, String... atoms) {
        StringBuilder b = new StringBuilder("graph {\n  kind=\"" + kind + "\";\n");
        for (int i = atoms.length - 1; i >= 0; i--) {
            b.append("  n").append(i).append(" [atom=").append(atoms[i]).append("];\n");
        }
        for (int i = 1; i < atoms.length; i++) {
            b.append("  n").append(i - 1).append(" -- n").append(i).append(";\n");
        }
        return b.append("}\n").toString();
    }

    private Path folder(String name, boolean asDot) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int k = 0; k < 6; k++) {
            String kind = k % 2 == 0 ? "even" : "odd";
            String[] atoms = k % 2 == 0 ? new String[] {"C", "C", "O"} : new String[] {"N", "C"};
            Files.writeString(folder.resolve("g" + k + (asDot ? ".gv" : ".gml")),
                    asDot ? dot(kind, atoms) : gml(kind, atoms));
        }
        return folder;
    }

    @Test
    void infoDescribesAGmlFile() throws IOException {
        Path file = Files.writeString(dir.resolve("ring.gml"), gml("ring", "C", "N", "O"));

        Run info = run("info", file.toString(), "--label-property", "kind");

        assertEquals(0, info.exitCode(), info.err());
        assertEquals("dataset   ring (" + file + ")\n"
                + "graphs    1\n"
                + "classes   1: ring (1)\n"
                + "nodes     min 3, mean 3.00, max 3 (total 3)\n"
                + "edges     min 2, mean 2.00, max 2 (total 2)\n"
                + "node      4 channels: atom=C, atom=N, atom=O, exists\n"
                + "edge      1 channel: edge\n"
                + "directed  no\n"
                + "note      class labels from the graph attribute 'kind'\n"
                + "note      GML node labels name the nodes (networkx writes a node's name"
                + " there) and are not read as attributes\n"
                + "note      edge channel 'edge' = 1 on every edge, since edges carry no"
                + " attributes\n"
                + "note      every edge is undirected by the GML key directed (0 or absent):"
                + " graphs read as undirected\n", info.out());
    }

    /** A noncharacter in a label is escaped in the text output, as the drawing escapes it. */
    @Test
    void infoEscapesANoncharacterInALabel() throws IOException {
        Path file = Files.writeString(dir.resolve("nc.dot"), dot("k", "\"C\ufffe\"", "N"));

        Run info = run("info", file.toString(), "--label-property", "kind");

        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("node      3 channels: atom=C\\ufffe, atom=N, exists\n"),
                info.out());
        assertFalse(info.out().contains("\ufffe"), info.out());
    }

    @Test
    void everyCommandReadsFoldersOfGmlAndDotFiles() throws IOException {
        for (boolean asDot : new boolean[] {false, true}) {
            Path folder = folder(asDot ? "dots" : "gmls", asDot);

            Run plain = run("info", folder.toString());
            Run mean = run("mean", folder.toString(), "--label-property", "kind", "--class",
                    "odd", "--threads", "1");
            Run align = run("align", folder.toString(), "0", "2", "--aligner", "exact");
            Run classify = run("classify", folder.toString(), "--label-property", "KIND",
                    "--folds", "2", "--threads", "1");
            Run skip = run("info", folder.toString(), "--skip-invalid");

            assertEquals(0, plain.exitCode(), plain.err());
            assertTrue(plain.out().contains("graphs    6\nclasses   none\n"), plain.out());
            assertTrue(plain.out().contains("note      graph attribute 'kind' not read"),
                    plain.out());
            assertEquals(0, mean.exitCode(), mean.err());
            assertTrue(mean.out().startsWith("Frechet mean of 3 graphs from " + folder
                    + " (class odd)"), mean.out());
            assertEquals(0, align.exitCode(), align.err());
            assertTrue(align.out().contains("distance    0.000000"), align.out());
            assertEquals(0, classify.exitCode(), classify.err());
            assertTrue(classify.out().contains("pooled      accuracy 1.0000 (6 of 6"),
                    classify.out());
            assertEquals(CliException.USAGE, skip.exitCode(), skip.out());
            assertEquals("orbifold: error: --skip-invalid applies only to molecule files (.smi,"
                    + " .smiles, .can, .csv, .sdf, .sd, .mol), not to " + folder + "\n",
                    skip.err());

            // --out may not go into the folder it reads.
            Run inside = run("mean", folder.toString(), "--out",
                    folder.resolve("m.json").toString());
            assertEquals(CliException.USAGE, inside.exitCode(), inside.out());
            assertTrue(inside.err().contains("is a file inside DATASET"), inside.err());
        }
    }

    @Test
    void badFilesAndMixedFoldersAreOneErrorLine() throws IOException {
        Path loop = Files.writeString(dir.resolve("loop.gml"),
                "graph [\n  node [ id 0 ]\n  edge [ source 0 target 0 ]\n]\n");
        Path two = Files.writeString(dir.resolve("two.dot"), "graph { a }\ndigraph { b }\n");
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(mixed.resolve("a.gml"), gml("x", "C"));
        Files.writeString(mixed.resolve("b.dot"), dot("x", "C"));

        Run r1 = run("info", loop.toString());
        Run r2 = run("mean", two.toString());
        Run r3 = run("info", mixed.toString());

        assertEquals(CliException.DATA, r1.exitCode(), r1.out());
        assertEquals("orbifold: error: " + loop + ", line 3: edge from '0' to '0' is a"
                + " self-loop, which is not supported: the diagonal of a graph's matrix holds"
                + " node attributes, so remove the loop or make it a node attribute\n",
                r1.err());
        assertEquals(CliException.DATA, r2.exitCode(), r2.out());
        assertEquals("orbifold: error: " + two + ", line 2, column 1: holds 'digraph' after the"
                + " graph's"
                + " closing }; expected one graph per file (the importer would read only the"
                + " first), so write each graph to a file of its own\n", r2.err());
        assertEquals(CliException.DATA, r3.exitCode(), r3.out());
        assertEquals("orbifold: error: " + mixed + ": holds both GML files (a.gml) and DOT"
                + " files (b.dot); move one of them to a folder of its own, or give a graph"
                + " file by itself\n", r3.err());
    }

    @Test
    void meanAndMedianCountTheGraphsWithoutNodesInANote() throws IOException {
        Path folder = folder("with-empty", false);
        Files.writeString(folder.resolve("g6.gml"), gml("even"));
        Files.writeString(folder.resolve("g7.gml"), gml("odd"));

        for (String command : new String[] {"mean", "median"}) {
            Run text = run(command, folder.toString());
            Run json = run(command, folder.toString(), "--json");

            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().contains("note        2 of the 8 graphs have no nodes"),
                    text.out());
            assertTrue(json.out().contains("\"2 of the 8 graphs have no nodes\""), json.out());
        }
        Run text = run("cluster", folder.toString(), "-k", "2");
        Run json = run("cluster", folder.toString(), "-k", "2", "--json");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("note        2 of the 8 graphs have no nodes"),
                text.out());
        assertTrue(json.out().contains("\"2 of the 8 graphs have no nodes\""), json.out());
        Run full = run("mean", folder("without-empty", false).toString());
        assertTrue(!full.out().contains("no nodes"), full.out());
        Run fullCluster = run("cluster", folder("without-empty-2", false).toString(), "-k",
                "2");
        assertEquals(0, fullCluster.exitCode(), fullCluster.err());
        assertTrue(!fullCluster.out().contains("no nodes"), fullCluster.out());
    }
}
