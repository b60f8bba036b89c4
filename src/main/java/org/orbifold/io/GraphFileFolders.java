package org.orbifold.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lists the files of one graph format in a folder, for the readers that take a folder of
 * files, one or more graphs each ({@link GraphMlReader}, {@link GmlReader}, {@link DotReader}):
 * the regular files directly in the folder whose names the format accepts, sorted by file
 * name ({@link String#compareTo}, so {@code g10} comes before {@code g2}). Subfolders are not
 * searched. Left out, each with a note: hidden files (names starting with {@code .}, such as
 * the {@code ._g.graphml} AppleDouble files that macOS leaves on other file systems), entries
 * of an accepted name that are no regular file (a folder, a named pipe or device, a broken
 * link), and a symbolic link to a file that the folder lists under another name (read once,
 * by its own name). Package-private; stateless.
 */
final class GraphFileFolders {

    /** The files of a folder and the notes on the entries left out. */
    record Listing(List<Path> files, List<String> notes) {
    }

    private GraphFileFolders() {
    }

    /**
     * Lists a folder.
     *
     * @param folder a folder
     * @param accepts whether a file name belongs to the format, by its ending
     * @return the files, empty when there are none, and the notes
     * @throws IOException if the folder cannot be listed
     */
    static Listing list(Path folder, Predicate<Path> accepts) throws IOException {
        List<Path> named;
        try (Stream<Path> entries = Files.list(folder)) {
            named = entries.filter(accepts)
                    .sorted((a, b) -> a.getFileName().toString()
                            .compareTo(b.getFileName().toString()))
                    .toList();
        }
        List<String> hidden = new ArrayList<>();
        List<String> irregular = new ArrayList<>();
        Map<Path, List<Path>> byTarget = new LinkedHashMap<>();
        for (Path entry : named) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                hidden.add(JGraphTGraphs.shown(name));
            } else if (Files.isRegularFile(entry)) {
                byTarget.computeIfAbsent(entry.toRealPath(), k -> new ArrayList<>()).add(entry);
            } else {
                irregular.add(JGraphTGraphs.shown(name) + (Files.isDirectory(entry)
                        ? " (a folder; subfolders are not searched)" : !Files.exists(entry)
                        ? " (a broken link)" : " (a named pipe or device)"));
            }
        }
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (List<Path> same : byTarget.values()) {
            Path kept = same.stream().filter(p -> !Files.isSymbolicLink(p)).findFirst()
                    .orElse(same.get(0));
            files.add(kept);
            for (Path other : same) {
                if (other != kept) {
                    notes.add(JGraphTGraphs.shown(other.getFileName()) + " not read: a link to"
                            + " the same file as " + JGraphTGraphs.shown(kept.getFileName())
                            + ", which is read once");
                }
            }
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        if (!hidden.isEmpty()) {
            notes.add(0, "hidden " + (hidden.size() == 1 ? "file " : "files ")
                    + String.join(", ", hidden) + " not read (names starting with '.', such as"
                    + " macOS's ._ files)");
        }
        if (!irregular.isEmpty()) {
            notes.add("not read, being no regular file" + (irregular.size() == 1 ? ": " : "s: ")
                    + String.join(", ", irregular));
        }
        return new Listing(List.copyOf(files), notes);
    }
}
