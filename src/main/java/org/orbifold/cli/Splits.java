package org.orbifold.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orbifold.io.DatasetFormatException;
import org.orbifold.io.GraphDataset;
import org.orbifold.io.IamDatasetReader;
import org.orbifold.io.TextFiles;
import org.orbifold.space.Graph;

/**
 * The graphs of {@code orbifold classify} cut into a training, an optional validation and a
 * test split: IAM {@code .cxl} split files read together (one shared encoding), or split list
 * files that name graphs of one data set (format in {@code docs/formats.md}).
 *
 * @param sample all graphs, training split first when read from IAM files
 * @param train indices into the sample of the training graphs
 * @param validation indices of the validation graphs, empty when there is no validation split
 * @param test indices of the test graphs
 * @param files the split files as given: training, validation (null if none), test
 * @param places for each graph of the sample, where a split names it, for messages: the
 *     option, the file and the line of a split list ({@code --test test.txt line 3}) or the
 *     entry of an IAM split file ({@code --test test.cxl entry 7}); null for a graph in no
 *     split
 */
record Splits(Sample sample, int[] train, int[] validation, int[] test, List<String> files,
        List<String> places) {

    /**
     * What follows the data set's name and {@code #} in the name that a molecule reader
     * gives a record: the record number, then a space and the title if there is one
     * ({@code mutag_188_data#84 MDL Molfile}); group 1 is the number.
     */
    private static final Pattern RECORD_NAME = Pattern.compile("([0-9]{1,9})(?: .*)?",
            Pattern.DOTALL);

    /** The names of the IAM validation split file, in the order they are looked for. */
    static final List<String> VALIDATION_FILES = List.of("validation.cxl", "valid.cxl");

    /** The IAM sets whose attributes are recoded by meaning unless the user asks otherwise. */
    private static final Set<String> RECODED_SETS = Set.of("AIDS", "Fingerprint", "Protein");

    /** How the attributes of IAM split files are read. */
    enum Reading {
        /** As stored: numbers as numbers, text as one-hot labels. */
        RAW,
        /** Recoded by the meaning of the set's attributes ({@link #recoding}). */
        BY_MEANING,
        /**
         * By meaning, and the amino-acid sequences of IAM Protein also as the fractions of
         * their adjacent letter pairs over six side-chain classes
         * ({@link IamDatasetReader.Recoding#dipeptides}).
         */
        SEQUENCE_PAIRS;

        /**
         * The recoding of split files of an IAM set under this reading: {@link #SEQUENCE_PAIRS}
         * reads any files as IAM Protein with the pairs; {@link #check} then makes sure the
         * data had sequences.
         *
         * @param set the files' IAM set ({@link IamSet#recoded}), or null for other data
         */
        IamDatasetReader.Recoding recoding(String set) {
            switch (this) {
                case RAW:
                    return IamDatasetReader.Recoding.none();
                case BY_MEANING:
                    return Splits.recoding(set);
                default:
                    return IamDatasetReader.Recoding.forIamSet("Protein").dipeptides(
                            IamDatasetReader.Recoding.AMINO_ACID_CLASSES, "sequence");
            }
        }

        /**
         * Fails when {@link #SEQUENCE_PAIRS} found no amino-acid sequence to read: the data
         * decide, not the folder's name.
         *
         * @throws CliException (usage) if no node channel holds sequence pairs
         */
        void check(List<GraphDataset> parts, Path splitFile) {
            if (this != SEQUENCE_PAIRS) {
                return;
            }
            String prefix = "sequence" + IamDatasetReader.Recoding.PAIRS_SUFFIX;
            for (GraphDataset part : parts) {
                for (String channel : part.nodeChannels()) {
                    if (channel.startsWith(prefix)) {
                        return;
                    }
                }
            }
            throw CliException.usage("--sequence-pairs reads the node attribute 'sequence' of"
                    + " IAM Protein, which no graph of " + splitFile + " has");
        }
    }

    /** Returns whether a folder holds an IAM split, a {@code train.cxl} and a {@code test.cxl}. */
    static boolean isIamFolder(Path folder) {
        return Files.isDirectory(folder) && Files.isRegularFile(folder.resolve("train.cxl"))
                && Files.isRegularFile(folder.resolve("test.cxl"));
    }

    /**
     * Reads the splits of an IAM folder: {@code train.cxl}, {@code validation.cxl} or
     * {@code valid.cxl} if present, and {@code test.cxl}.
     *
     * @param folder the folder
     * @param reading how the attributes are read
     * @throws CliException (data) if the folder holds both {@code validation.cxl} and
     *     {@code valid.cxl} as two files (one a link to the other is one split): which is the
     *     validation split is for the user to say, by giving the split files one by one
     */
    static Splits iamFolder(Path folder, Reading reading) {
        List<Path> validations = new ArrayList<>();
        for (String name : VALIDATION_FILES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)
                    && (validations.isEmpty() || !sameFile(validations.get(0), file))) {
                validations.add(file);
            }
        }
        if (validations.size() > 1) {
            throw CliException.data("IAM folder " + folder + " holds two validation splits, "
                    + series(VALIDATION_FILES) + "; give the split files one by one: --train "
                    + folder.resolve("train.cxl") + " --valid " + validations.get(0)
                    + " (or " + validations.get(1) + ") --test " + folder.resolve("test.cxl"));
        }
        Path validation = validations.isEmpty() ? null : validations.get(0);
        return iam(folder.resolve("train.cxl"), validation, folder.resolve("test.cxl"),
                folder.toString(), reading);
    }

    /**
     * Reads IAM split files together, with one encoding. The caller has refused a split file
     * that is a folder or no regular file in its own words (the split options of
     * {@code classify}; {@link #iamFolder} takes regular files only); the reader refuses
     * such a file too, without opening it.
     *
     * @param train the training split file
     * @param validation the validation split file, or null
     * @param test the test split file
     * @param source how the data is named in messages and JSON
     * @param reading how the attributes are read
     */
    static Splits iam(Path train, Path validation, Path test, String source,
            Reading reading) {
        List<Path> files = new ArrayList<>();
        files.add(train);
        if (validation != null) {
            files.add(validation);
        }
        files.add(test);
        requireExisting(files, options(files));
        requireDistinctFiles(files);
        IamSet set = IamSet.of(files);
        List<GraphDataset> parts = set.withNote(readIam(files, options(files),
                () -> IamDatasetReader.readSplits(files, reading.recoding(set.recoded()))));
        reading.check(parts, train);
        List<List<String>> repeats = notes(files);
        List<List<Path>> graphFiles = graphFiles(files);
        requireOnce(files, parts, graphFiles, files.size() - 1, repeats);
        requireDisjoint(files, parts, graphFiles);
        parts = benchmarkClasses(parts, set.recoded());

        // One data set of all splits, in file order; every graph needs a class.
        List<Graph> graphs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[][] indices = new int[files.size()][];
        List<String> places = new ArrayList<>();
        List<String> options = options(files);
        for (int s = 0; s < parts.size(); s++) {
            GraphDataset part = parts.get(s);
            if (part.size() == 0) {
                throw CliException.data(options.get(s) + " " + files.get(s)
                        + " lists no graphs (no <print"
                        + " file=\"X.gxl\" class=\"C\"/> entries)");
            }
            if (!part.hasClasses()) {
                throw CliException.data(options.get(s) + " " + files.get(s)
                        + ": no class labels (the <print>"
                        + " entries have no class attribute); classify needs the class of"
                        + " every graph");
            }
            indices[s] = new int[part.size()];
            for (int g = 0; g < part.size(); g++) {
                indices[s][g] = graphs.size();
                places.add(options.get(s) + " " + files.get(s) + " entry " + (g + 1));
                graphs.add(part.graphs().get(g));
                labels.add(part.classLabels().get(g));
                names.add(part.graphNames().get(g));
            }
            List<String> partNotes = new ArrayList<>(part.notes());
            partNotes.addAll(repeats.get(s));
            for (String note : partNotes) {
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        GraphDataset first = parts.get(0);
        GraphDataset all = new GraphDataset(first.name(), graphs, labels, names,
                first.nodeChannels(), first.edgeChannels(), notes);
        Sample sample = Sample.of(all, source);
        int[] none = new int[0];
        List<String> given = new ArrayList<>();
        given.add(train.toString());
        given.add(validation == null ? null : validation.toString());
        given.add(test.toString());
        return new Splits(sample, indices[0], validation == null ? none : indices[1],
                indices[files.size() - 1], given, places);
    }

    /** The options that name the IAM split files, in the order of {@code files}. */
    private static List<String> options(List<Path> files) {
        return files.size() == 3 ? List.of("--train", "--valid", "--test")
                : List.of("--train", "--test");
    }

    /**
     * Returns the message for a split file that does not exist, naming its option as a
     * missing split list is named: {@code "cannot read --test FILE: no such file"}.
     *
     * @param option the option that gave the file, such as {@code --test}
     * @param file the file as given
     * @return the message
     */
    static String missing(String option, Path file) {
        return "cannot read " + option + " " + file + ": no such file";
    }

    /** Fails when one file is given for two splits (by any path to it). */
    private static void requireDistinctFiles(List<Path> files) {
        List<String> options = options(files);
        for (int a = 0; a < files.size(); a++) {
            for (int b = a + 1; b < files.size(); b++) {
                if (sameFile(files.get(a), files.get(b))) {
                    throw CliException.usage(options.get(b) + " " + files.get(b) + " is the"
                            + " file given as " + options.get(a) + "; a graph may be in one"
                            + " split only: give a different file for each split");
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Returns one empty list of notes per file. */
    private static List<List<String>> notes(List<Path> files) {
        List<List<String>> notes = new ArrayList<>();
        for (int s = 0; s < files.size(); s++) {
            notes.add(new ArrayList<>());
        }
        return notes;
    }

    /**
     * Returns, per split file, the real path of the graph file of each entry, in entry order:
     * {@link IamDatasetReader#graphFiles} followed through {@code ..} and symbolic links
     * ({@link Path#toRealPath}), so that two entries are the same graph exactly when they
     * name the same file, whatever the path spelling. Graph files with the same name in
     * different folders (IAM Letter {@code LOW/AP1_0000.gxl} and {@code HIGH/AP1_0000.gxl})
     * are different graphs.
     *
     * @param files the split files, already read (so their graph files exist)
     */
    static List<List<Path>> graphFiles(List<Path> files) {
        List<List<Path>> real = new ArrayList<>(files.size());
        for (Path file : files) {
            List<Path> paths = new ArrayList<>();
            try {
                for (Path gxl : IamDatasetReader.graphFiles(file)) {
                    paths.add(realPath(gxl));
                }
            } catch (IOException e) {
                throw CliException.data("cannot read " + file + ": " + Sample.describe(e), e);
            }
            real.add(paths);
        }
        return real;
    }

    /** The real path of a file, or its normalized absolute path when it has none. */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * Fails when a training or validation split file lists one graph file twice (a graph
     * would weigh twice in the fit, or count twice in the choice, possibly with two
     * classes). The test split, at index {@code testIndex}, may repeat an entry: the IAM
     * Fingerprint {@code test.cxl} lists {@code f1003_04.gxl} twice, as classes L and TR, and
     * the benchmark counts both entries; each repeat gets a note in {@code notes}. Entries are
     * the same graph when they name the same file ({@link #graphFiles}), not when their names
     * agree.
     *
     * @param files the split files
     * @param parts the graphs read from each, in its order
     * @param graphFiles per file, the real paths of its entries' graph files
     * @param testIndex the index of the test split among the files, or -1 for none
     * @param notes per file, the notes of repeated test entries; added to
     */
    static void requireOnce(List<Path> files, List<GraphDataset> parts,
            List<List<Path>> graphFiles, int testIndex, List<List<String>> notes) {
        List<String> options = files.size() == 1 ? List.of("DATASET") : options(files);
        for (int s = 0; s < parts.size(); s++) {
            for (int[] entries : repeats(graphFiles.get(s))) {
                GraphDataset part = parts.get(s);
                String name = part.graphNames().get(entries[0]);
                String where = whereRepeated(part, graphFiles.get(s), entries);
                if (s == testIndex) {
                    notes.get(s).add(files.get(s).getFileName() + " lists graph '" + name
                            + "' " + times(entries.length) + " (" + where + "); "
                            + (entries.length == 2 ? "both" : "all " + entries.length)
                            + " entries are predicted and counted, as in the IAM benchmark");
                    continue;
                }
                throw CliException.data(options.get(s) + " " + files.get(s) + ": graph '"
                        + name + "' is listed " + times(entries.length) + " (" + where
                        + "); a graph may be listed once in a split file");
            }
        }
    }

    /**
     * Returns a note for every graph that one split file, read on its own as a data set,
     * lists more than once: every entry is read, so the graph counts as often (in a mean, a
     * median or a clustering). Entries are the same graph as in {@link #requireOnce}.
     *
     * @param file the split file
     * @param dataset the graphs read from it, in entry order
     * @return the notes, empty when every graph is listed once
     */
    static List<String> repeatNotes(Path file, GraphDataset dataset) {
        List<Path> paths = graphFiles(List.of(file)).get(0);
        List<String> notes = new ArrayList<>();
        for (int[] entries : repeats(paths)) {
            String times = times(entries.length);
            notes.add(file.getFileName() + " lists graph '"
                    + dataset.graphNames().get(entries[0]) + "' " + times + " ("
                    + whereRepeated(dataset, paths, entries) + "); "
                    + (entries.length == 2 ? "both" : "all " + entries.length)
                    + " entries are read, so the graph counts " + times);
        }
        return notes;
    }

    /** {@code twice}, or {@code N times}. */
    private static String times(int count) {
        return count == 2 ? "twice" : count + " times";
    }

    /**
     * Returns, per graph file named by more than one entry, the positions of all its entries
     * in increasing order, ordered by the first.
     */
    private static List<int[]> repeats(List<Path> graphFiles) {
        Map<Path, List<Integer>> entries = new LinkedHashMap<>();
        for (int g = 0; g < graphFiles.size(); g++) {
            entries.computeIfAbsent(graphFiles.get(g), f -> new ArrayList<>()).add(g);
        }
        List<int[]> repeats = new ArrayList<>();
        for (List<Integer> positions : entries.values()) {
            if (positions.size() > 1) {
                repeats.add(positions.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return repeats;
    }

    /**
     * Names the entries of one graph by position, with their classes and, when the entries
     * name the graph differently, the file they all name.
     */
    private static String whereRepeated(GraphDataset part, List<Path> graphFiles,
            int[] entries) {
        List<String> positions = new ArrayList<>();
        Set<String> classes = new LinkedHashSet<>();
        List<String> classList = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int g : entries) {
            positions.add(Integer.toString(g + 1));
            names.add(part.graphNames().get(g));
            if (part.hasClasses()) {
                classes.add(part.classLabels().get(g));
                classList.add("'" + part.classLabels().get(g) + "'");
            }
        }
        String where = "entries " + series(positions);
        if (classes.size() == 1) {
            where += (entries.length == 2 ? " both" : " all") + " as class '"
                    + classes.iterator().next() + "'";
        } else if (entries.length == 2 && !classes.isEmpty()) {
            where += " as class " + classList.get(0) + " and again as " + classList.get(1);
        } else if (!classes.isEmpty()) {
            where += " as classes " + series(classList);
        }
        if (names.size() > 1) {
            where += ", named " + series(names.stream().map(n -> "'" + n + "'").toList())
                    + ": " + (entries.length == 2 ? "both" : "all") + " are "
                    + graphFiles.get(entries[0]);
        }
        return where;
    }

    /**
     * Joins one or more items as a sentence lists them: {@code a}, {@code a and b},
     * {@code a, b and c}.
     */
    static String series(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0)
                : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }

    /**
     * Fails when two split files list the same graph file (such as {@code AP1_0000.gxl}, by
     * any path to it); files of the same name in different folders are different graphs.
     */
    private static void requireDisjoint(List<Path> files, List<GraphDataset> parts,
            List<List<Path>> graphFiles) {
        List<String> options = options(files);
        Map<Path, int[]> owner = new HashMap<>();
        for (int s = 0; s < parts.size(); s++) {
            for (int g = 0; g < parts.get(s).size(); g++) {
                Path file = graphFiles.get(s).get(g);
                int[] previous = owner.putIfAbsent(file, new int[] {s, g});
                if (previous != null && previous[0] != s) {
                    String name = parts.get(s).graphNames().get(g);
                    String before = parts.get(previous[0]).graphNames().get(previous[1]);
                    throw CliException.data(options.get(s) + " " + files.get(s) + ": graph '"
                            + name + "' is listed again; first in " + options.get(previous[0])
                            + " " + files.get(previous[0]) + alias(before, name, file)
                            + " (a graph may be in one split only)");
                }
            }
        }
    }

    /**
     * Names the file behind two entries when their graph names differ (a symbolic link, say),
     * and nothing when they agree.
     */
    private static String alias(String first, String again, Path file) {
        return first.equals(again) ? "" : ", as '" + first + "': both are " + file;
    }

    /**
     * Fails naming the first split file that does not exist, with its option.
     *
     * @param files the split files, in the order given; null entries (a split not given) are
     *     skipped
     * @param options the option that gave each file, such as {@code --test}
     * @throws CliException (data) {@link #missing}: {@code "cannot read --test FILE: no such
     *     file"}
     */
    static void requireExisting(List<Path> files, List<String> options) {
        for (int f = 0; f < files.size(); f++) {
            if (files.get(f) != null && !Files.exists(files.get(f))) {
                throw CliException.data(missing(options.get(f), files.get(f)));
            }
        }
    }

    /**
     * The IAM set that split files read together belong to, which decides the recoding by
     * meaning and the benchmark classes. The set is named by the folder of the first file
     * (the training split): a folder {@code AIDS}, {@code Fingerprint} or {@code Protein} (in
     * any letter case), or a folder {@code data} inside one, the layout of the IAM distribution
     * ({@code AIDS/data/train.cxl}); folders further up do not count, so other data below a
     * folder of such a name are not taken for the set. And the graphs must carry every
     * attribute that the set's recoding names ({@link IamDatasetReader#uncarriedAttributes},
     * which reads only the first graphs when they do): otherwise the files are read as stored,
     * with a note.
     *
     * @param folder the set the folder names, or null
     * @param uncarried the attributes of that set's recoding that no node or edge carries
     */
    record IamSet(String folder, Set<String> uncarried) {

        /**
         * Finds the IAM set of split files.
         *
         * @param files the split files, training split first, all existing
         * @throws CliException (data) if a file read for the check breaks the format
         */
        static IamSet of(List<Path> files) {
            String folder = folderSet(files.get(0));
            if (folder == null) {
                return new IamSet(null, Set.of());
            }
            Set<String> names = IamDatasetReader.Recoding.forIamSet(folder).attributes();
            List<Path> splits = files.size() > 1 ? files : List.of();
            return new IamSet(folder, Set.copyOf(readIam(splits, options(splits),
                    () -> IamDatasetReader.uncarriedAttributes(files, names))));
        }

        /** The set whose recoding and classes apply, or null when the files are no IAM set. */
        String recoded() {
            return folder != null && uncarried.isEmpty() ? folder : null;
        }

        /**
         * The note on a folder of an IAM set whose graphs lack attributes of its recoding, or
         * null when there is nothing to say.
         */
        String note() {
            if (folder == null || uncarried.isEmpty()) {
                return null;
            }
            List<String> quoted = new ArrayList<>();
            for (String name : IamDatasetReader.Recoding.forIamSet(folder).attributes()) {
                if (uncarried.contains(name)) {
                    quoted.add("'" + name + "'");
                }
            }
            return "the folder names IAM " + folder + ", but no node or edge carries "
                    + (quoted.size() == 1 ? "its attribute " : "its attributes ")
                    + series(quoted) + ": classify reads the attributes"
                    + ("Fingerprint".equals(folder) ? " and classes" : "") + " as stored,"
                    + " not as those of the set";
        }

        /** Adds {@link #note()} to every part, when there is one. */
        List<GraphDataset> withNote(List<GraphDataset> parts) {
            String note = note();
            if (note == null) {
                return parts;
            }
            List<GraphDataset> noted = new ArrayList<>(parts.size());
            for (GraphDataset part : parts) {
                noted.add(part.withNotes(List.of(note)));
            }
            return noted;
        }

        /**
         * The set named by a split file's folder, or by the folder above it when the file's
         * folder is called {@code data}; null if neither is {@code AIDS}, {@code Fingerprint}
         * or {@code Protein}, letter case aside ({@code fingerprint/data} names Fingerprint;
         * the attribute check guards the rest). The folders are those of the file's real path
         * ({@link Path#toRealPath}), as for the graph files: a link {@code aidslink} to
         * {@code iam/AIDS/data} names AIDS, a link {@code AIDS} to another folder names
         * nothing.
         */
        private static String folderSet(Path splitFile) {
            Path real;
            try {
                real = splitFile.toRealPath();
            } catch (IOException e) {
                real = splitFile.toAbsolutePath().normalize();
            }
            Path folder = real.getParent();
            if (folder != null && folder.getFileName() != null
                    && folder.getFileName().toString().equalsIgnoreCase("data")) {
                folder = folder.getParent();
            }
            if (folder == null || folder.getFileName() == null) {
                return null;
            }
            String name = folder.getFileName().toString();
            return RECODED_SETS.stream().filter(name::equalsIgnoreCase).findFirst()
                    .orElse(null);
        }
    }

    /**
     * The recoding by meaning of an IAM set ({@link IamDatasetReader.Recoding#forIamSet}), or
     * {@link IamDatasetReader.Recoding#none()} for other data.
     *
     * @param set the set whose recoding applies ({@link IamSet#recoded}), or null
     */
    static IamDatasetReader.Recoding recoding(String set) {
        return set == null ? IamDatasetReader.Recoding.none()
                : IamDatasetReader.Recoding.forIamSet(set);
    }

    /**
     * Reads one IAM split file as a data set of its own (for cross-validation), with the
     * recoding by meaning and the benchmark classes of the set it belongs to, as
     * {@link #iam} reads splits.
     *
     * @param file the {@code .cxl} file
     * @param reading how the attributes are read
     */
    static GraphDataset iamFile(Path file, Reading reading) {
        IamSet set = IamSet.of(List.of(file));
        List<GraphDataset> parts = set.withNote(readIam(List.of(file),
                reading.recoding(set.recoded())));
        reading.check(parts, file);
        requireOnce(List.of(file), parts, graphFiles(List.of(file)), -1, notes(List.of(file)));
        return benchmarkClasses(parts, set.recoded()).get(0);
    }

    /**
     * The classes of the IAM benchmark problem: for split files of the {@code Fingerprint}
     * set ({@link IamSet#recoded}), the four-class problem of the set's
     * README (Riesen and Bunke 2008), in which a fingerprint's class is the first letter of
     * its stored label (arch A, left L, right R, whorl W; the second letter of labels such as
     * {@code AT} names a second, ambiguous reading) and tented arch T is merged with arch.
     * Every other split keeps its labels. Each changed part gets a note.
     */
    static List<GraphDataset> benchmarkClasses(List<GraphDataset> parts, String set) {
        if (!hasBenchmarkClasses(set)) {
            return parts;
        }
        List<GraphDataset> mapped = new ArrayList<>(parts.size());
        for (GraphDataset part : parts) {
            mapped.add(part.mapClasses(Splits::fingerprintClass).withNotes(List.of("classes:"
                    + " the IAM four-class problem (first letter of the stored label; tented"
                    + " arch T merged with arch A)")));
        }
        return mapped;
    }

    /** Whether {@link #benchmarkClasses} changes the classes of a set ({@link IamSet#recoded}). */
    static boolean hasBenchmarkClasses(String set) {
        return "Fingerprint".equals(set);
    }

    private static String fingerprintClass(String label) {
        String primary = label.isEmpty() ? label : label.substring(0, 1);
        return "T".equals(primary) ? "A" : primary;
    }

    private static List<GraphDataset> readIam(List<Path> files,
            IamDatasetReader.Recoding recoding) {
        return readIam(() -> IamDatasetReader.readSplits(files, recoding));
    }

    /**
     * Runs a read of IAM split files, turning its failures into data errors; a format error
     * about one of the files names the option that gave it ({@code --test test.cxl, line 3:
     * ...}).
     *
     * @param files the split files
     * @param options the option of each file, in the same order
     * @param read the read
     */
    private static <T> T readIam(List<Path> files, List<String> options, IamRead<T> read) {
        try {
            return read.read();
        } catch (DatasetFormatException e) {
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).toString().equals(e.file())) {
                    throw CliException.data(options.get(i) + " " + e.getMessage(), e);
                }
            }
            throw CliException.data(e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.data("cannot read the split files: " + Sample.describe(e), e);
        } catch (UncheckedIOException e) {
            throw CliException.data("cannot read the split files: "
                    + Sample.describe(e.getCause()), e);
        } catch (IllegalArgumentException e) {
            throw CliException.data(e.getMessage() + " (some <print> entries of a split file"
                    + " have no class attribute?)", e);
        }
    }

    /** A read of IAM split files. */
    private interface IamRead<T> {
        T read() throws IOException;
    }

    /** Runs a read of IAM split files, turning its failures into data errors. */
    private static <T> T readIam(IamRead<T> read) {
        return readIam(List.of(), List.of(), read);
    }

    /**
     * Cuts a data set by split list files: UTF-8 text ({@link TextFiles#readUtf8Lines}: a
     * byte-order mark at the start is dropped, other bytes are refused with their line and
     * column), one graph per line, by its name or by its 0-based index; blank lines and lines
     * starting with {@code #} are skipped. A molecule, named {@code STEM#N TITLE} by its
     * record {@code N}, may also be named {@code STEM#N}.
     *
     * <p>An index counts the graphs read, which after skipped invalid records
     * ({@code --skip-invalid}) are fewer than the records: from the first skipped record on,
     * index {@code k} is no longer record {@code k + 1}. A list written for the records
     * (aligned with another copy of the data set, say) would then silently name other
     * molecules, so an index whose graph's name gives another record than {@code k + 1} is
     * refused, naming the first skipped record; such graphs are listed by name.
     *
     * @param sample all graphs of the data set, in its order (no class or limit applied)
     * @param train the training list
     * @param validation the validation list, or null
     * @param test the test list
     */
    static Splits lists(Sample sample, Path train, Path validation, Path test) {
        List<String> names = sample.dataset().graphNames();
        Map<String, Integer> byName = new HashMap<>();
        for (int g = 0; g < names.size(); g++) {
            byName.putIfAbsent(names.get(g), g);
        }
        Records records = new Records(sample.dataset());
        for (int g = 0; g < names.size(); g++) {
            int record = records.of(g);
            if (record > 0) {
                byName.putIfAbsent(sample.dataset().name() + "#" + record, g);
            }
        }

        // Read each list, then check that no graph is in two splits.
        Map<Integer, String> owner = new HashMap<>();
        int[] trainIndices = readList(train, "--train", sample, byName, records, owner);
        int[] validationIndices = validation == null ? new int[0]
                : readList(validation, "--valid", sample, byName, records, owner);
        int[] testIndices = readList(test, "--test", sample, byName, records, owner);
        List<String> given = new ArrayList<>();
        given.add(train.toString());
        given.add(validation == null ? null : validation.toString());
        given.add(test.toString());
        List<String> places = new ArrayList<>();
        for (int g = 0; g < sample.size(); g++) {
            places.add(owner.get(g));
        }
        return new Splits(sample, trainIndices, validationIndices, testIndices, given, places);
    }

    /**
     * The record numbers that a molecule reader put in the graph names ({@link #RECORD_NAME}),
     * and the first graph whose number is not its index plus one: the first graph read after
     * a skipped record.
     */
    private static final class Records {

        private final GraphDataset dataset;
        private final int firstShifted;

        Records(GraphDataset dataset) {
            this.dataset = dataset;
            int shifted = -1;
            for (int g = 0; g < dataset.size() && shifted < 0; g++) {
                int record = of(g);
                if (record > 0 && record != g + 1) {
                    shifted = g;
                }
            }
            this.firstShifted = shifted;
        }

        /** The record number in the name of graph {@code g}, or 0 when it holds none. */
        int of(int g) {
            String name = dataset.graphNames().get(g);
            String prefix = dataset.name() + "#";
            if (!name.startsWith(prefix)) {
                return 0;
            }
            Matcher m = RECORD_NAME.matcher(name.substring(prefix.length()));
            return m.matches() ? Integer.parseInt(m.group(1)) : 0;
        }

        /**
         * Returns whether {@code entry} has the form {@code STEM#N} (with or without a title)
         * of a record {@code N} that was read but is no graph: a record between the first
         * and the last graph's that no graph carries, skipped as invalid.
         */
        boolean isSkipped(String entry) {
            String prefix = dataset.name() + "#";
            if (firstShifted < 0 || !entry.startsWith(prefix)) {
                return false;
            }
            Matcher m = RECORD_NAME.matcher(entry.substring(prefix.length()));
            if (!m.matches()) {
                return false;
            }
            int record = Integer.parseInt(m.group(1));
            int last = of(dataset.size() - 1);
            if (record < 1 || record > last) {
                return false;
            }
            for (int g = 0; g < dataset.size(); g++) {
                if (of(g) == record) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Fails when index {@code g}, read from a line of digits, names a graph of another
         * record than {@code g + 1} (a record before it was skipped).
         */
        void requireRecord(int g, String entry, String where) {
            int record = of(g);
            if (firstShifted < 0 || record == 0 || record == g + 1) {
                return;
            }
            int first = firstShifted + 1;
            throw CliException.data(where + ": index " + entry + " would name record "
                    + record + " ('" + dataset.graphNames().get(g) + "'), not record "
                    + (g + 1) + ": indices count the graphs kept, and --skip-invalid skipped"
                    + " invalid records, the first of them record " + first + "; from record "
                    + first + " on, list graphs by name, such as '" + dataset.name() + "#"
                    + record + "' for record " + record);
        }
    }

    /**
     * Reads one split list.
     *
     * @param owner for each index read so far, the option and line that listed it; updated
     */
    private static int[] readList(Path file, String option, Sample sample,
            Map<String, Integer> byName, Records records, Map<Integer, String> owner) {
        List<String> lines;
        try {
            lines = TextFiles.readUtf8Lines(file);
        } catch (DatasetFormatException e) {
            throw CliException.data(option + " " + file + " line " + e.line() + ": "
                    + e.detail(), e);
        } catch (IOException e) {
            throw CliException.data("cannot read " + option + " " + file + ": "
                    + Sample.describe(e), e);
        }
        int size = sample.size();
        List<String> names = sample.dataset().graphNames();
        Set<Integer> indices = new LinkedHashSet<>();
        for (int l = 0; l < lines.size(); l++) {
            String entry = lines.get(l).strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String where = option + " " + file + " line " + (l + 1);
            int index = indexOf(entry, where, size, names, byName, records);
            if (isIndex(entry)) {
                records.requireRecord(index, entry, where);
            }
            String previous = owner.putIfAbsent(index, where);
            if (previous != null) {
                throw CliException.data(where + ": graph " + index + " ('" + names.get(index)
                        + "') is listed again; first at " + previous + " (a graph may be in"
                        + " one split only, once)");
            }
            indices.add(index);
        }
        if (indices.isEmpty()) {
            throw CliException.data(option + " " + file + " lists no graphs");
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether a line of a split list is an index: digits only. */
    private static boolean isIndex(String entry) {
        return entry.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int indexOf(String entry, String where, int size, List<String> names,
            Map<String, Integer> byName, Records records) {
        if (isIndex(entry)) {
            long index = entry.length() > 10 ? Long.MAX_VALUE : Long.parseLong(entry);
            if (index >= size) {
                throw CliException.data(where + ": index " + entry + " is out of range; the"
                        + " data set has " + size + " graphs, indices 0.." + (size - 1));
            }
            return (int) index;
        }
        Integer index = byName.get(entry);
        if (index == null && records.isSkipped(entry)) {
            throw CliException.data(where + ": '" + entry + "' names a record that"
                    + " --skip-invalid skipped as invalid, so it is in the data set as no"
                    + " graph; remove the line, or mend the record");
        }
        if (index == null) {
            throw CliException.data(where + ": no graph named '" + entry + "' in the data"
                    + " set (names run " + names.get(0) + " .. " + names.get(size - 1)
                    + "; a line of digits is a 0-based index)" + stemHint(entry, byName));
        }
        return index;
    }

    /**
     * A hint for an entry that names a graph with a file ending added, such as
     * {@code EP1_0002.gxl} for the graph {@code EP1_0002} (an ending starts with a letter);
     * for a graph whose name is digits, which a line reads as an index, its index. Empty
     * otherwise.
     */
    private static String stemHint(String entry, Map<String, Integer> byName) {
        int dot = entry.lastIndexOf('.');
        String stem = dot <= 0 ? "" : entry.substring(0, dot);
        boolean ending = dot > 0 && dot + 1 < entry.length()
                && Character.isLetter(entry.charAt(dot + 1));
        if (!ending || !byName.containsKey(stem)) {
            return "";
        }
        if (isIndex(stem)) {
            return "; the graph named '" + stem + "' is index " + byName.get(stem) + ": a name"
                    + " of digits reads as an index, so give its index";
        }
        return "; did you mean '" + stem + "'? Graphs are named without their file ending";
    }

    /**
     * Returns where a split names the graph at a sample index ({@link #places}): the option,
     * file and line or entry, or null for a graph in no split.
     */
    String place(int index) {
        return places.get(index);
    }

    /** Returns the labels of the graphs at the indices. */
    List<String> labels(int[] indices) {
        List<String> result = new ArrayList<>(indices.length);
        for (int i : indices) {
            result.add(sample.labels().get(i));
        }
        return result;
    }

    /** Returns the graphs at the indices. */
    List<Graph> graphs(int[] indices) {
        List<Graph> result = new ArrayList<>(indices.length);
        for (int i : indices) {
            result.add(sample.graphs().get(i));
        }
        return result;
    }

    /** Returns the names of the graphs at the indices. */
    List<String> names(int[] indices) {
        List<String> names = sample.dataset().graphNames();
        List<String> result = new ArrayList<>(indices.length);
        for (int i : indices) {
            result.add(names.get(i));
        }
        return result;
    }
}
