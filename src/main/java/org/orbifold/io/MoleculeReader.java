package org.orbifold.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.aromaticity.Kekulization;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IPseudoAtom;
import org.openscience.cdk.io.IChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Reads molecules as graphs through the Chemistry Development Kit (Willighagen et al. 2017,
 * "The Chemistry Development Kit (CDK) v2.0: atom typing, depiction, molecular formulas, and
 * substructure searching", J. Cheminformatics 9:33, doi:10.1186/s13321-017-0220-4).
 *
 * <p><b>Inputs.</b>
 * <ul>
 *   <li>SMILES text ({@code .smi}, {@code .smiles}, {@code .can}): one molecule per line, the
 *       SMILES string first and, after white space or a comma, an optional title; blank
 *       lines are ignored. A first non-blank line whose first field is {@code SMILES} (any
 *       case), the header RDKit's {@code SmilesWriter} writes ({@code SMILES Name}, or
 *       {@code SMILES,Name} with the delimiter {@code ','}), is skipped with a
 *       note; elsewhere such a line is an invalid record. Class labels come from a separate
 *       file with one label per molecule ({@link #readSmiles(Path, Path)}), paired in order;
 *       its blank lines are skipped too, and one between two labels gets a note (or, when
 *       the counts disagree, the error names it as the likely gap);
 *       {@link #read(Path)} takes, for a stem ending in {@code _data}, the stem without it
 *       and {@code _target.txt} (so {@code mutag_188_data.can} pairs with
 *       {@code mutag_188_target.txt}), else {@code <stem>_target.txt}, the first that exists
 *       ({@link #labelFileCandidates}; a note names it, and the other when both exist, which
 *       is not read); a folder, another file that is no
 *       regular file (such as a named pipe) or a symbolic link to nothing of that name is
 *       refused, not skipped.</li>
 *   <li>CSV ({@code .csv}) with a header row: the SMILES column is the one named
 *       {@code smiles} (any case); the title column is {@code name}, if present; the class
 *       column is the one set by {@link #withLabelColumn(String)}, else the first of
 *       {@value #DEFAULT_LABEL_COLUMNS} that is present (MoleculeNet's BBBP uses
 *       {@code p_np}). Fields may be quoted with {@code "} (a doubled {@code ""} is a quote)
 *       and then contain commas; a quoted field cannot span lines.</li>
 *   <li>MDL SD files ({@code .sdf}, {@code .sd}) and molfiles ({@code .mol}): records end at
 *       a line {@code $$$$}; V2000 and V3000 connection tables are read. The record's first
 *       line is its title; the class label is the data item named by
 *       {@link #withLabelColumn(String)}, if set. Aromatic bonds (bond type 4) are read: their
 *       atoms get the hydrogens of the same atoms in aromatic SMILES (the lowest normal
 *       valence less one, less the bonds) and CDK gives the bonds a Kekulé structure, so a
 *       molecule written with type-4 bonds, in Kekulé form or as SMILES gives one graph; the
 *       query bond types 5 to 8 make an invalid record.</li>
 * </ul>
 * All files, label files included, are read as UTF-8; a byte-order mark at the start is
 * skipped.
 *
 * <p><b>Encoding.</b> A molecule becomes an undirected graph with one node per atom and one
 * edge per bond. Node attribute {@value #NODE_ATTRIBUTE} is the element symbol, one-hot as
 * channels {@code label=Br, label=C, ...} (the {@link org.orbifold.space.LabelEncoder} order of
 * the symbols present in the dataset). A pseudo atom, which names no element (the SMILES
 * wildcard {@code *}, an SD file's {@code A}, {@code Q} or {@code R#}, which CDK calls
 * {@code R}), keeps its own label ({@code label=*}, {@code label=A}), and a note of the
 * dataset lists these labels, and has no valence to check; a SMILES atom in brackets that
 * names no element ({@code [Xx]}) is an invalid record. The SD symbols {@code D} and
 * {@code T} are hydrogen of mass 2 and 3, kept as nodes {@code label=H} as {@code [2H]} and
 * {@code [3H]} are in SMILES. Edge attribute
 * {@value #EDGE_ATTRIBUTE} is the bond order, one-hot as {@code bond=1}, {@code bond=2},
 * {@code bond=3} and {@code bond=aromatic}. Aromaticity is perceived afresh with the Daylight
 * electron-donation model over all rings (the input's own aromatic flags are cleared first),
 * so that a molecule written in Kekulé form and in aromatic form gives the same graph; a bond
 * in a perceived aromatic ring has the order {@value #AROMATIC}. Hydrogens are implicit by
 * default (explicit hydrogen atoms of the input are suppressed);
 * {@link #withExplicitHydrogens(boolean)} makes every hydrogen an atom of its own instead.
 * Graph {@code k} (from 1) of a file with stem {@code S} is named {@code S#k}, followed by a
 * space and the title when there is one.
 *
 * <p><b>Errors.</b> A record that is invalid (CDK cannot parse it: bad syntax, a ring that
 * cannot be kekulised; it fails the valence check of {@link #withValenceCheck(boolean)}; a CSV
 * row with the wrong number of fields; an empty SMILES; an SD connection table that disagrees
 * with its counts line, see below) throws a
 * {@link DatasetFormatException} naming the file and the line (SMILES, CSV) or the record number
 * and first line (SDF; the counts line for a wrong count). With
 * {@link #withSkipInvalid(boolean)} such records are skipped instead, with their class labels,
 * and a note of the dataset counts them and lists their lines. Files whose structure is wrong
 * (no SMILES column, a label file of the wrong length, bytes that are not UTF-8 text, named
 * by their line and column) always throw, and so does a valid record
 * without a class label when the file has classes: an SD record without the label data item, or
 * a CSV field or SD data item of the labels that is empty or blank (an empty text is no class;
 * the message names the file, the line and the record). A record that is invalid and also
 * lacks its label is an invalid record: it is reported as invalid, or skipped with
 * {@link #withSkipInvalid(boolean)}, since a skipped record needs no label.
 *
 * <p><b>SD connection tables.</b> CDK reads as many atom and bond lines as the counts line
 * gives and ignores the rest, so the reader checks the table first (CTfile formats, BIOVIA
 * 2020): a V2000 counts line must give integer atom and bond counts in columns 1-3 and 4-6 and
 * the version {@code V2000} in columns 35-39; exactly that many atom lines (coordinates in
 * columns 1-30, a symbol from column 32) and then exactly that many bond lines (integers in
 * columns 1-3, 4-6 and 7-9) must follow, with no further atom line after the atom block and no
 * further bond line after the bond block. A V3000 {@code COUNTS} line must agree with the
 * lines of its {@code BEGIN ATOM} and {@code BEGIN BOND} blocks. Each violation is named at
 * the counts line, e.g. {@code the counts line gives 1 bond, but 2 bond lines follow}. A
 * V2000 record without its closing {@code M  END} line but with complete atom and bond blocks
 * is read, as CDK reads it (data items may follow the bond block directly).
 *
 * <p>Instances are immutable and thread-safe; each read makes its own CDK parser.
 *
 * <p><b>Limitations.</b> Only element and bond order are encoded: formal charges, isotopes,
 * stereochemistry, implicit hydrogen counts and atom coordinates are dropped (a nitro group
 * {@code [N+](=O)[O-]} keeps its atoms and bonds, not its charges). Aromaticity follows CDK's
 * Daylight-like model and may differ from other toolkits' models (RDKit, or the CDK 1.4 of the
 * TU collection) on fused heteroaromatic rings. Disconnected components (salts, counter ions)
 * are kept in one graph. Type-4 aromatic bonds cannot say which ring atoms carry a hydrogen
 * beyond the SMILES rule (the nitrogen of pyrrole, a charged ring carbon): such a hydrogen
 * must be an atom of the record, else the record has no Kekulé structure, or no aromatic ring
 * where the file has type-4 bonds (the cyclopentadienyl anion, tropylium), and is invalid; the
 * hydrogen-count query fields of the atom block are not read. With implicit hydrogens, CDK
 * keeps as nodes the few hydrogens it cannot suppress without losing information (in
 * {@code [H][H]}, a charged or isotopic hydrogen, a hydrogen bonded to two atoms), so a
 * {@code label=H} channel can appear. CDK's MDL readers log
 * the problems of a broken record through CDK's own logging before this class reports it. Files
 * are read whole into memory. Multi-line quoted CSV fields are not supported.
 */
public final class MoleculeReader {

    /** Name of the node attribute holding the element symbol. */
    public static final String NODE_ATTRIBUTE = "label";

    /** Name of the edge attribute holding the bond order. */
    public static final String EDGE_ATTRIBUTE = "bond";

    /** Bond-order label of a bond in an aromatic ring. */
    public static final String AROMATIC = "aromatic";

    /** Label of a wildcard atom ({@code *} in SMILES), and of a pseudo atom without one. */
    public static final String WILDCARD = "*";

    /** CSV column names taken as class labels when none is set, in order of preference. */
    public static final String DEFAULT_LABEL_COLUMNS = "label, class, target, y, p_np";

    private static final List<String> LABEL_COLUMNS = List.of(DEFAULT_LABEL_COLUMNS.split(", "));

    /**
     * First field of the header line that RDKit's {@code SmilesWriter} writes by default
     * ({@code SMILES Name}), taken in any case; no molecule has this SMILES, since {@code M}
     * and {@code m} are no atoms.
     */
    private static final String SMILES_HEADER = "SMILES";

    /**
     * What ends the SMILES of a line of a SMILES file: white space, or a comma (RDKit's
     * {@code SmilesWriter} with the delimiter {@code ','}); a SMILES holds neither.
     */
    private static final String FIELD_SEPARATOR = "\\s*,\\s*|\\s+";

    /** How the note that reading stopped at the limit begins ({@link #stoppedAtLimit}). */
    private static final String LIMIT_NOTE = "stopped after ";

    private static final List<String> SMILES_SUFFIXES = List.of(".smi", ".smiles", ".can");
    private static final List<String> SDF_SUFFIXES = List.of(".sdf", ".sd", ".mol");
    private static final String CSV_SUFFIX = ".csv";

    /**
     * Largest normal valence by atomic number, for the elements of organic chemistry that have
     * one (the valences of the OpenSMILES organic subset, with nitrogen at 3 as RDKit has it,
     * and hydrogen, silicon, arsenic and selenium).
     */
    private static final Map<Integer, Integer> MAX_VALENCE = Map.ofEntries(Map.entry(1, 1),
            Map.entry(5, 3), Map.entry(6, 4), Map.entry(7, 3), Map.entry(8, 2), Map.entry(9, 1),
            Map.entry(14, 4), Map.entry(15, 7), Map.entry(16, 6), Map.entry(17, 1),
            Map.entry(33, 5), Map.entry(34, 6), Map.entry(35, 1), Map.entry(53, 5));

    /**
     * Lowest normal valence by atomic number of the elements that SMILES writes as aromatic
     * atoms without brackets ({@code b, c, n, o, p, s}) and of arsenic and selenium, which
     * OpenSMILES allows aromatic in brackets: B 3, C 4, N 3, O 2, P 3, S 2, As 3, Se 2.
     */
    private static final Map<Integer, Integer> LOWEST_VALENCE = Map.of(5, 3, 6, 4, 7, 3, 8, 2,
            15, 3, 16, 2, 33, 3, 34, 2);

    /** The elements of {@link #LOWEST_VALENCE}, for messages. */
    private static final String AROMATIC_ELEMENTS = "B, C, N, O, P, S, As and Se (or a charged"
            + " atom with as many electrons as one of them)";

    /** How many line numbers of skipped records a note lists before it abbreviates. */
    private static final int LISTED_SKIPS = 20;

    /**
     * The message of CDK's SMILES parser, {@code could not parse 'S', REASON}, which the
     * reader turns into one sentence naming the record and the SMILES once.
     */
    private static final Pattern CDK_SMILES_FAILURE = Pattern.compile(
            "could not parse '(.*?)', (.*)", Pattern.DOTALL);

    /** Line of an MDL record (from 1) that holds the atom and bond counts. */
    private static final int COUNTS_LINE = 4;

    /** Width of the atom-count and bond-count fields of a V2000 counts line. */
    private static final int COUNT_WIDTH = 3;

    /** Version tag of a V2000 counts line, and the column (from 1) where it ends. */
    private static final String VERSION = "V2000";
    private static final int VERSION_END = 39;

    /** Width of a coordinate field of a V2000 atom line, and the column of its symbol. */
    private static final int COORDINATE_WIDTH = 10;
    private static final int SYMBOL_COLUMN = 32;

    /** A coordinate of an atom line. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Start of every line of a V3000 connection table. */
    private static final String V30 = "M  V30 ";

    private final boolean explicitHydrogens;
    private final boolean skipInvalid;
    private final boolean checkValence;
    private final String labelColumn;
    private final int limit;

    /** Creates a reader with implicit hydrogens and valence checks, failing on invalid records. */
    public MoleculeReader() {
        this(false, false, true, null, 0);
    }

    private MoleculeReader(boolean explicitHydrogens, boolean skipInvalid, boolean checkValence,
            String labelColumn, int limit) {
        this.explicitHydrogens = explicitHydrogens;
        this.skipInvalid = skipInvalid;
        this.checkValence = checkValence;
        this.labelColumn = labelColumn;
        this.limit = limit;
    }

    /**
     * Returns a reader that makes hydrogens atoms of their own (true) or suppresses them into
     * their heavy atoms (false, the default).
     *
     * @param explicit whether hydrogens become nodes
     * @return the reader with that setting
     */
    public MoleculeReader withExplicitHydrogens(boolean explicit) {
        return new MoleculeReader(explicit, skipInvalid, checkValence, labelColumn, limit);
    }

    /**
     * Returns a reader that skips records it cannot parse (true) or throws on the first (false,
     * the default). Skipped records are counted in the dataset notes.
     *
     * @param skip whether to skip invalid records
     * @return the reader with that setting
     */
    public MoleculeReader withSkipInvalid(boolean skip) {
        return new MoleculeReader(explicitHydrogens, skip, checkValence, labelColumn, limit);
    }

    /**
     * Returns a reader that checks valences (true, the default) or accepts any valence
     * (false). The check rejects a molecule with an atom whose Kekulé bond orders plus
     * implicit hydrogens exceed the largest normal valence of its element, taken for a charged
     * atom from the neutral element it is isoelectronic with ({@code [N+]} as carbon,
     * {@code [O-]} as fluorine): H 1, B 3, C 4, N 3, O 2, F 1, Si 4, P 7, S 6, Cl 1, As 5,
     * Se 6, Br 1, I 5; other elements are not checked. CDK's SMILES parser does not check
     * valences, while stricter toolkits (RDKit) reject such molecules, for example a nitro group
     * written {@code N(=O)=O}.
     *
     * @param check whether to check valences
     * @return the reader with that setting
     */
    public MoleculeReader withValenceCheck(boolean check) {
        return new MoleculeReader(explicitHydrogens, skipInvalid, check, labelColumn, limit);
    }

    /**
     * Returns whether a reading failure is a molecule that the valence check of
     * {@link #withValenceCheck(boolean)} rejected, so that a caller can name its own way of
     * turning the check off.
     *
     * @param failure an exception thrown by {@link #read(Path)}
     * @return true if the check rejected the record
     */
    public static boolean failedValenceCheck(DatasetFormatException failure) {
        Objects.requireNonNull(failure, "failure");
        return failure.getCause() instanceof ValenceException;
    }

    /**
     * Returns a reader that takes class labels from the named CSV column or SD data item.
     *
     * @param column the column or data item name (CSV: any case), or null for the default
     * @return the reader with that setting
     */
    public MoleculeReader withLabelColumn(String column) {
        return new MoleculeReader(explicitHydrogens, skipInvalid, checkValence, column, limit);
    }

    /**
     * Returns whether a data set was read by a reader with a limit ({@link #withLimit}) that
     * stopped before the end of its file: it then holds the file's first molecules only, and
     * the file's other records were neither parsed nor counted.
     *
     * @param dataset a data set
     * @return whether its notes say that reading stopped at the limit
     */
    public static boolean stoppedAtLimit(GraphDataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return dataset.notes().stream().anyMatch(n -> n.startsWith(LIMIT_NOTE));
    }

    /**
     * Returns a reader that stops at the first {@code graphs} molecules read (true
     * {@code --limit N}): the records after the one that completes them are not parsed, so an
     * invalid record there neither fails nor counts as skipped, and a note says where reading
     * stopped. The file is still read whole, and a SMILES file's label file must still hold
     * one label per record. Invalid records before that point fail or are skipped as set, and
     * skipped ones do not count toward the limit.
     *
     * @param graphs the most molecules to read, at least 1; 0 reads every record
     * @return the reader with that setting
     * @throws IllegalArgumentException if {@code graphs} is negative
     */
    public MoleculeReader withLimit(int graphs) {
        if (graphs < 0) {
            throw new IllegalArgumentException("the limit must be >= 0 (0: no limit), got "
                    + graphs);
        }
        return new MoleculeReader(explicitHydrogens, skipInvalid, checkValence, labelColumn,
                graphs);
    }

    /**
     * Returns whether a path names a molecule file this class reads, by its ending:
     * {@code .smi}, {@code .smiles}, {@code .can}, {@code .csv}, {@code .sdf}, {@code .sd} or
     * {@code .mol} (any case).
     *
     * @param path a file path
     * @return whether {@link #read(Path)} accepts it
     */
    public static boolean isMoleculeFile(Path path) {
        Objects.requireNonNull(path, "path");
        return endsWithAny(lowerName(path), fileEndings());
    }

    /**
     * Returns the file endings that {@link #read(Path)} accepts (any case): the SMILES text,
     * CSV and SD endings, {@code .smi, .smiles, .can, .csv, .sdf, .sd, .mol}, for messages
     * that list them.
     *
     * @return the endings, in that order
     */
    public static List<String> fileEndings() {
        List<String> endings = new ArrayList<>(SMILES_SUFFIXES);
        endings.add(CSV_SUFFIX);
        endings.addAll(SDF_SUFFIXES);
        return List.copyOf(endings);
    }

    /**
     * Reads a molecule file by its ending (see {@link #isMoleculeFile(Path)}).
     *
     * @param file a SMILES, CSV or SD file
     * @return the dataset, named by the file's stem
     * @throws DatasetFormatException if the file breaks its format or, unless invalid records
     *     are skipped, a record cannot be parsed
     * @throws IOException if a file cannot be read
     */
    public GraphDataset read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = lowerName(file);
        if (endsWithAny(name, SMILES_SUFFIXES)) {
            Path labels = companionLabels(file);
            return readSmiles(file, labels, labels == null ? null : unreadLabelFiles(file,
                    labels));
        }
        if (name.endsWith(CSV_SUFFIX)) {
            return readCsv(file);
        }
        if (endsWithAny(name, SDF_SUFFIXES)) {
            return readSdf(file);
        }
        throw new DatasetFormatException(file, "not a molecule file; expected an ending of "
                + SMILES_SUFFIXES + ", " + CSV_SUFFIX + " or " + SDF_SUFFIXES);
    }

    /**
     * Reads a SMILES file, one molecule per non-blank line after an optional header line
     * whose first field is {@code SMILES} (any case; skipped, and a note says so).
     *
     * @param file the SMILES file
     * @param labels a file with one class label per molecule (per non-blank line), or null
     * @return the dataset, named by the file's stem
     * @throws DatasetFormatException if a line cannot be parsed (unless skipped), the label
     *     file is missing, a folder or no regular file (such as a named pipe, which is not
     *     opened), or it has another number of non-blank lines (with fewer labels than
     *     molecules, the message names the first blank line before the last label, if any:
     *     blank lines are skipped, so it is the likely place of a missing label)
     * @throws IOException if a file cannot be read
     */
    public GraphDataset readSmiles(Path file, Path labels) throws IOException {
        return readSmiles(file, labels, null);
    }

    /**
     * Reads a SMILES file as {@link #readSmiles(Path, Path)} does; {@code unread}, when not
     * null, ends the note that names the label file (the other label file beside it that was
     * not read).
     */
    private GraphDataset readSmiles(Path file, Path labels, String unread) throws IOException {
        Objects.requireNonNull(file, "file");
        if (labels != null && !Files.isRegularFile(labels)) {
            String expected = "a label file with one class label per molecule of "
                    + file.getFileName();
            if (Files.isSymbolicLink(labels) && !Files.exists(labels)) {
                throw new DatasetFormatException(labels, "a symbolic link to nothing; expected "
                        + expected);
            }
            throw DatasetFormatException.notRegularFile(labels, expected);
        }
        List<String> lines = TextFiles.readUtf8Lines(file);
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (!line.isEmpty()) {
                records.add(line);
                lineNumbers.add(k + 1);
            }
        }
        String header = null;
        if (!records.isEmpty()
                && records.get(0).split(FIELD_SEPARATOR, 2)[0].equalsIgnoreCase(SMILES_HEADER)) {
            header = "line " + lineNumbers.get(0) + " is a header, not a molecule (its first"
                    + " field is '" + records.get(0).split(FIELD_SEPARATOR, 2)[0] + "', as RDKit's"
                    + " SmilesWriter writes): skipped";
            records.remove(0);
            lineNumbers.remove(0);
        }
        List<String> classes = null;
        String gapNote = null;
        if (labels != null) {
            classes = new ArrayList<>();
            List<String> labelLines = TextFiles.readUtf8Lines(labels);
            for (String line : labelLines) {
                if (!line.isBlank()) {
                    classes.add(line.strip());
                }
            }
            if (classes.size() != records.size()) {
                throw unpaired(file, records.size(), labels, labelLines, classes.size());
            }
            List<Integer> gaps = blankLinesInside(labelLines);
            if (!gaps.isEmpty()) {
                gapNote = "blank " + (gaps.size() == 1 ? "line " : "lines ")
                        + lineList(gaps) + " of " + labels.getFileName() + " skipped: it holds"
                        + " one label per molecule of " + file.getFileName() + ", paired in"
                        + " order, so a blank line is no label (the counts agree)";
            }
        }

        Collector out = new Collector(file, classes != null);
        if (labels != null) {
            out.classesFrom("the file '" + labels.getFileName() + "'"
                    + (unread == null ? "" : unread));
        }
        if (header != null) {
            out.note(header);
        }
        if (gapNote != null) {
            out.note(gapNote);
        }
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        for (int k = 0; k < records.size(); k++) {
            String[] fields = records.get(k).split(FIELD_SEPARATOR, 2);
            String title = fields.length > 1 ? fields[1] : "";
            String classLabel = classes == null ? null : classes.get(k);
            out.add(k + 1, lineNumbers.get(k), title, classLabel, null,
                    () -> parseSmiles(parser, fields[0]));
        }
        return out.dataset("line");
    }

    /**
     * The refusal of a label file with another number of labels than the SMILES file has
     * molecules: the label file and both counts, and when there are fewer labels and the
     * label file has a blank line before its last label (skipped, so it holds no label), the
     * first such line, the likely place of the missing label.
     */
    private static DatasetFormatException unpaired(Path smiles, int molecules, Path labels,
            List<String> labelLines, int labelCount) {
        String counts = labelCount + (labelCount == 1 ? " label" : " labels");
        List<Integer> blanks = labelCount < molecules ? blankLinesInside(labelLines)
                : List.of();
        if (blanks.isEmpty()) {
            return new DatasetFormatException(labels, counts + "; expected one per molecule"
                    + " of " + smiles.getFileName() + " (" + molecules + ")");
        }
        String more = blanks.size() == 1 ? ""
                : ", the first of " + blanks.size() + " blank lines before the last label";
        return new DatasetFormatException(labels, blanks.get(0), "blank line" + more
                + " (blank lines are skipped): " + counts + " for the " + molecules
                + " molecules of " + smiles.getFileName() + "; expected one label per"
                + " molecule");
    }

    /** Up to five line numbers, then how many more: {@code "2, 5 and 9"}, {@code "2, ..."}. */
    private static String lineList(List<Integer> lines) {
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < Math.min(5, lines.size()); k++) {
            shown.add(String.valueOf(lines.get(k)));
        }
        if (lines.size() > 5) {
            return String.join(", ", shown) + " and " + (lines.size() - 5) + " more";
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and "
                + shown.get(shown.size() - 1);
    }

    /** The 1-based numbers of the blank lines that have a non-blank line after them. */
    private static List<Integer> blankLinesInside(List<String> lines) {
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        List<Integer> blanks = new ArrayList<>();
        for (int k = 0; k < last; k++) {
            if (lines.get(k).isBlank()) {
                blanks.add(k + 1);
            }
        }
        return blanks;
    }

    /**
     * Reads a CSV file with a header row and a SMILES column.
     *
     * @param file the CSV file
     * @return the dataset, named by the file's stem
     * @throws DatasetFormatException if the header has no SMILES column (or not the set label
     *     column), a valid row's label field is empty or blank, or a row cannot be parsed
     *     (unless skipped)
     * @throws IOException if the file cannot be read
     */
    public GraphDataset readCsv(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<String> lines = TextFiles.readUtf8Lines(file);
        if (lines.isEmpty()) {
            throw new DatasetFormatException(file, "empty file; expected a header row");
        }
        List<String> header = splitCsv(lines.get(0));
        if (header == null) {
            throw new DatasetFormatException(file, 1, "unterminated quoted field in the header");
        }
        int smilesColumn = column(header, "smiles");
        if (smilesColumn < 0) {
            throw new DatasetFormatException(file, 1, "no column named 'smiles' in the header "
                    + header + semicolonHint(header, "smiles"));
        }
        int nameColumn = column(header, "name");
        int classColumn = -1;
        if (labelColumn != null) {
            classColumn = column(header, labelColumn);
            if (classColumn < 0) {
                throw new DatasetFormatException(file, 1, "no label column '" + labelColumn
                        + "' in the header " + header + semicolonHint(header, labelColumn));
            }
        } else {
            for (int c = 0; c < LABEL_COLUMNS.size() && classColumn < 0; c++) {
                classColumn = column(header, LABEL_COLUMNS.get(c));
            }
        }

        Collector out = new Collector(file, classColumn >= 0);
        if (classColumn >= 0) {
            out.classesFrom("the column '" + header.get(classColumn).strip() + "'"
                    + (labelColumn == null ? " (the first of " + DEFAULT_LABEL_COLUMNS
                    + " that the header has)" : ""));
        }
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        int record = 0;
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            record++;
            List<String> fields = splitCsv(line);
            if (fields == null || fields.size() != header.size()) {
                String problem = fields == null ? "unterminated quoted field"
                        : plural(fields.size(), "field") + ", expected " + header.size()
                        + " as in the header";
                out.reject(record, k + 1, problem);
                continue;
            }
            String smiles = fields.get(smilesColumn).strip();
            String title = nameColumn < 0 ? "" : fields.get(nameColumn).strip();
            String classLabel = classColumn < 0 ? null : fields.get(classColumn).strip();
            String missingLabel = classLabel != null && classLabel.isEmpty() ? "record "
                    + record + " has no class label: its column '"
                    + header.get(classColumn).strip() + "' is empty" : null;
            out.add(record, k + 1, title, classLabel, missingLabel,
                    () -> parseSmiles(parser, smiles));
        }
        return out.dataset("line");
    }

    /**
     * Reads an MDL SD file or molfile, records separated by lines {@code $$$$}.
     *
     * @param file the SD file
     * @return the dataset, named by the file's stem
     * @throws DatasetFormatException if a record cannot be parsed (unless skipped), or a valid
     *     record lacks the set label data item or has it empty or blank
     * @throws IOException if the file cannot be read
     */
    public GraphDataset readSdf(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<String> lines = TextFiles.readUtf8Lines(file);
        Collector out = new Collector(file, labelColumn != null);
        out.classesFrom("the data item <" + labelColumn + ">");
        StringBuilder text = new StringBuilder();
        int first = 1;
        int record = 0;
        for (int k = 0; k <= lines.size(); k++) {
            boolean end = k == lines.size() || lines.get(k).strip().equals("$$$$");
            if (!end) {
                text.append(lines.get(k)).append('\n');
                continue;
            }
            if (!text.toString().isBlank()) {
                record++;
                String block = text.toString();
                String title = block.substring(0, block.indexOf('\n')).strip();
                String classLabel = labelColumn == null ? null : dataItem(block, labelColumn);
                String missingLabel = null;
                if (labelColumn != null && classLabel == null) {
                    missingLabel = "record " + record + " has no data item <" + labelColumn
                            + ">";
                } else if (labelColumn != null && classLabel.isEmpty()) {
                    missingLabel = "record " + record + " has no class label: its data item <"
                            + labelColumn + "> is empty";
                }
                Flaw flaw = connectionTableFlaw(block);
                if (flaw != null) {
                    // Past the limit the record is left unparsed, and the note names its
                    // first line, not that of the flaw.
                    if (!out.atLimit(record, first)) {
                        out.reject(record, first + flaw.offset(), flaw.problem());
                    }
                } else {
                    out.add(record, first, title, classLabel, missingLabel,
                            () -> parseMolfile(block));
                }
            }
            text.setLength(0);
            first = k + 2;
        }
        return out.dataset("line");
    }

    /**
     * Checks the shape of a connection table before CDK parses it, since CDK's V2000 reader
     * takes an unreadable count as zero and reads exactly as many lines as the counts give,
     * ignoring the rest. For V2000 (CTfile formats, BIOVIA 2020, "The Counts Line", "The Atom
     * Block", "The Bond Block"): the counts line (line {@value #COUNTS_LINE} of the record) must
     * hold the atom count in columns 1-3 and the bond count in columns 4-6, both non-negative
     * integers, and the version {@code V2000} in columns 35-39; then that many atom lines must
     * follow, none of them a bond line, a property line ({@code M  ...}) or a data item, and no
     * further atom line (three coordinates in columns 1-30, a symbol in 32-34); then that many
     * bond lines, and no further bond line (integers in columns 1-3, 4-6 and 7-9). What follows
     * the bond block (atom lists, property lines, {@code M  END}, data items) is left to CDK. A
     * V3000 record (counts line marked {@code V3000}) must have as many lines in its atom and
     * bond blocks as its {@code COUNTS} line gives; see {@link #v3000Flaw}.
     *
     * @return null if the shape is right, else the problem and its line in the record
     */
    private static Flaw connectionTableFlaw(String block) {
        String[] lines = block.split("\n", -1);
        int present = lines.length - (block.endsWith("\n") ? 1 : 0);
        if (present < COUNTS_LINE) {
            return new Flaw(0, "it has only " + present + " line" + (present == 1 ? "" : "s")
                    + ", so no counts line (line " + COUNTS_LINE + " of a record)");
        }
        String counts = lines[COUNTS_LINE - 1];
        if (counts.contains("V3000")) {
            return v3000Flaw(lines, present);
        }
        int atoms = countField(counts, 0);
        int bonds = countField(counts, COUNT_WIDTH);
        if (atoms < 0 || bonds < 0) {
            String field = atoms < 0 ? "atom" : "bond";
            int from = atoms < 0 ? 1 : COUNT_WIDTH + 1;
            String text = columns(counts, from, from + COUNT_WIDTH - 1);
            return new Flaw(COUNTS_LINE - 1, "the counts line must give the " + field
                    + " count as an integer in columns " + from + "-" + (from + COUNT_WIDTH - 1)
                    + ", found '" + DecimalNumbers.printable(text) + "'");
        }
        String version = counts.stripTrailing();
        int versionFrom = VERSION_END - VERSION.length() + 1;
        if (version.length() < VERSION_END || !version.substring(versionFrom - 1, VERSION_END)
                .equalsIgnoreCase(VERSION)) {
            int width = version.codePointCount(0, version.length());
            String tag = columns(version, versionFrom, VERSION_END);
            return new Flaw(COUNTS_LINE - 1, "the counts line must give the version " + VERSION
                    + " in columns " + versionFrom + "-" + VERSION_END + " (or V3000), but "
                    + (width < versionFrom ? "it has only " + width + " columns"
                            : "found '" + DecimalNumbers.printable(tag) + "'")
                    + (tag.equalsIgnoreCase(VERSION) ? " after a character beyond U+FFFF, which"
                            + " CDK's reader takes for two columns" : "")
                    + "; its fields are fixed-width, so shifted columns are misread");
        }
        String given = "the counts line gives " + plural(atoms, "atom") + " and "
                + plural(bonds, "bond");
        for (int a = 0; a < atoms; a++) {
            String line = COUNTS_LINE + a < present ? lines[COUNTS_LINE + a] : null;
            if (line == null || endsBlock(line) || !isAtomLine(line) && isBondLine(line)) {
                return new Flaw(COUNTS_LINE - 1, "incomplete: " + given + ", but only "
                        + follow(a, "atom") + " before " + describe(line));
            }
        }
        int extraAtoms = run(lines, present, COUNTS_LINE + atoms, true);
        if (extraAtoms > 0) {
            return new Flaw(COUNTS_LINE - 1, "the counts line gives " + plural(atoms, "atom")
                    + ", but " + follow(atoms + extraAtoms, "atom"));
        }
        int bondBlock = COUNTS_LINE + atoms;
        for (int b = 0; b < bonds; b++) {
            String line = bondBlock + b < present ? lines[bondBlock + b] : null;
            if (line == null || endsBlock(line)) {
                return new Flaw(COUNTS_LINE - 1, "incomplete: " + given + ", but only "
                        + follow(b, "bond") + " before " + describe(line));
            }
        }
        int extraBonds = run(lines, present, bondBlock + bonds, false);
        if (extraBonds > 0) {
            return new Flaw(COUNTS_LINE - 1, "the counts line gives " + plural(bonds, "bond")
                    + ", but " + follow(bonds + extraBonds, "bond"));
        }
        return null;
    }

    /**
     * Checks a V3000 connection table: the first {@code M  V30 COUNTS na nb} line against the
     * number of lines between {@code M  V30 BEGIN ATOM} and {@code M  V30 END ATOM} and
     * between {@code M  V30 BEGIN BOND} and {@code M  V30 END BOND} (a line ending in
     * {@code -} continues on the next and counts once); a missing bond block has no bonds.
     * Anything else is left to CDK's V3000 reader.
     */
    private static Flaw v3000Flaw(String[] lines, int present) {
        int countsAt = -1;
        int atoms = -1;
        int bonds = -1;
        int[] found = {-1, -1};
        int block = -1;
        boolean continued = false;
        for (int k = COUNTS_LINE; k < present; k++) {
            String line = lines[k].stripTrailing();
            if (!line.startsWith(V30)) {
                continue;
            }
            boolean continuation = continued;
            continued = line.endsWith("-");
            if (continuation) {
                continue;
            }
            String[] words = line.substring(V30.length()).strip().split("\\s+");
            if (countsAt < 0 && words[0].equals("COUNTS")) {
                countsAt = k;
                atoms = words.length > 1 && words[1].matches("\\d+")
                        ? Integer.parseInt(words[1]) : -1;
                bonds = words.length > 2 && words[2].matches("\\d+")
                        ? Integer.parseInt(words[2]) : -1;
                if (atoms < 0 || bonds < 0) {
                    return new Flaw(k, "the V3000 COUNTS line must give the atom and the bond"
                            + " count as integers, found '" + DecimalNumbers.printable(line.strip())
                            + "'");
                }
            } else if (countsAt >= 0 && words.length == 2 && words[0].equals("BEGIN")
                    && (words[1].equals("ATOM") || words[1].equals("BOND"))) {
                block = words[1].equals("ATOM") ? 0 : 1;
                if (found[block] >= 0) {
                    break;
                }
                found[block] = 0;
            } else if (block >= 0 && words.length == 2 && words[0].equals("END")) {
                block = -1;
            } else if (block >= 0) {
                found[block]++;
            }
        }
        if (countsAt < 0) {
            return null;
        }
        int atomLines = Math.max(0, found[0]);
        int bondLines = Math.max(0, found[1]);
        if (atomLines == atoms && bondLines == bonds) {
            return null;
        }
        boolean atomBlock = atomLines != atoms;
        int have = atomBlock ? atomLines : bondLines;
        return new Flaw(countsAt, "the V3000 COUNTS line gives " + plural(atoms, "atom")
                + " and " + plural(bonds, "bond") + ", but the " + (atomBlock ? "atom" : "bond")
                + " block has " + plural(have, atomBlock ? "atom line" : "bond line"));
    }

    /** Whether a line ends an atom or bond block early: a property line or a data item. */
    private static boolean endsBlock(String line) {
        return line.startsWith("M  ") || line.startsWith(">");
    }

    /** Names the line a block stopped at, for a message. */
    private static String describe(String line) {
        if (line == null) {
            return "the record ends";
        }
        if (line.startsWith("M  ")) {
            return "'" + line.substring(0, Math.min(line.length(), "M  END".length())) + "'";
        }
        if (line.startsWith(">")) {
            return "the data items";
        }
        return "a bond line";
    }

    /** Counts the atom lines (or bond lines) that follow from line {@code from} on. */
    private static int run(String[] lines, int present, int from, boolean atomLines) {
        int k = from;
        while (k < present && (atomLines ? isAtomLine(lines[k]) : isBondLine(lines[k]))) {
            k++;
        }
        return k - from;
    }

    /**
     * Whether a line has the shape of a V2000 atom line: decimal numbers in the 10-column
     * fields of columns 1-30 and a symbol starting with a letter or {@code *} in 32-34.
     */
    private static boolean isAtomLine(String line) {
        if (line.length() < SYMBOL_COLUMN) {
            return false;
        }
        for (int f = 0; f < 3; f++) {
            String field = line.substring(f * COORDINATE_WIDTH, (f + 1) * COORDINATE_WIDTH)
                    .strip();
            if (!DECIMAL.matcher(field).matches()) {
                return false;
            }
        }
        char symbol = line.charAt(SYMBOL_COLUMN - 1);
        return Character.isLetter(symbol) || symbol == '*';
    }

    /** Whether a line has the shape of a V2000 bond line: integers in columns 1-3, 4-6, 7-9. */
    private static boolean isBondLine(String line) {
        for (int f = 0; f < 3; f++) {
            if (countField(line, f * COUNT_WIDTH) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String follow(int n, String kind) {
        return n + " " + kind + (n == 1 ? " line follows" : " lines follow");
    }

    /** A flaw of a record's connection table: its line (from 0 within the record) and text. */
    private record Flaw(int offset, String problem) {
    }

    /**
     * The text of a line in the columns {@code first} to {@code last} (from 1, inclusive), or
     * as much of them as the line has; a column is a character (a code point), so an emoji is
     * never cut in half.
     */
    private static String columns(String line, int first, int last) {
        int width = line.codePointCount(0, line.length());
        if (width < first) {
            return "";
        }
        int from = line.offsetByCodePoints(0, first - 1);
        return line.substring(from, line.offsetByCodePoints(from, Math.min(width, last)
                - first + 1));
    }

    /** The count in the fixed-width field of the counts line at {@code from}, or -1. */
    private static int countField(String counts, int from) {
        if (counts.length() < from + COUNT_WIDTH) {
            return -1;
        }
        String field = counts.substring(from, from + COUNT_WIDTH).strip();
        if (field.isEmpty() || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(field);
    }

    // ---- one molecule ---------------------------------------------------------------------

    /** Parses one record; CDK's exception says why it failed. */
    @FunctionalInterface
    private interface Parse {
        IAtomContainer molecule() throws CDKException;
    }

    /**
     * Parses a SMILES and refuses an atom in brackets that names no element: CDK reads
     * {@code [Xx]} as a pseudo atom, which OpenSMILES does not allow. The wildcard {@code *}
     * (also as {@code [*:1]}) is kept.
     */
    private static IAtomContainer parseSmiles(SmilesParser parser, String smiles)
            throws CDKException {
        IAtomContainer molecule = parser.parseSmiles(smiles);
        for (IAtom atom : molecule.atoms()) {
            if (atom instanceof IPseudoAtom pseudo && !WILDCARD.equals(pseudoLabel(pseudo))) {
                throw new CDKException("atom " + (atom.getIndex() + 1) + " of the SMILES '"
                        + DecimalNumbers.printable(smiles) + "' is '"
                        + DecimalNumbers.printable(pseudo.getLabel())
                        + "', which is no element"
                        + " symbol; write an unknown atom as the wildcard *");
            }
        }
        return molecule;
    }

    /** The label of a pseudo atom, {@value #WILDCARD} when it has none. */
    private static String pseudoLabel(IPseudoAtom atom) {
        String label = atom.getLabel();
        return label == null || label.isBlank() ? WILDCARD : label.strip();
    }

    private static IAtomContainer parseMolfile(String block) throws CDKException {
        IAtomContainer empty = SilentChemObjectBuilder.getInstance().newAtomContainer();
        try {
            String[] header = block.split("\n", 5);
            if (header.length > 3 && header[3].contains("V3000")) {
                try (MDLV3000Reader reader = new MDLV3000Reader(new StringReader(block),
                        IChemObjectReader.Mode.STRICT)) {
                    IAtomContainer molecule = reader.read(empty);
                    assignAromaticHydrogens(molecule);
                    return molecule;
                }
            }
            Map<Integer, Integer> isotopes = new HashMap<>();
            String hydrogens = hydrogenIsotopesAsHydrogen(block, isotopes);
            try (MDLV2000Reader reader = new MDLV2000Reader(new StringReader(hydrogens),
                    IChemObjectReader.Mode.STRICT)) {
                IAtomContainer molecule = reader.read(empty);
                for (Map.Entry<Integer, Integer> isotope : isotopes.entrySet()) {
                    IAtom atom = molecule.getAtom(isotope.getKey());
                    if (atom.getMassNumber() == null) {
                        atom.setMassNumber(isotope.getValue());
                    }
                }
                assignAromaticHydrogens(molecule);
                return molecule;
            }
        } catch (IOException e) {
            throw new CDKException(e.getMessage(), e);
        }
    }

    /**
     * Returns a V2000 block with the atom symbols {@code D} and {@code T} (deuterium and
     * tritium, which the MDL format allows but CDK's strict reader refuses as invalid symbols)
     * written as {@code H}, and puts the index and mass number (2, 3) of each such atom into
     * {@code isotopes}. A block whose counts line gives no atom count is returned unchanged,
     * for the reader to refuse.
     */
    static String hydrogenIsotopesAsHydrogen(String block, Map<Integer, Integer> isotopes) {
        String[] lines = block.split("\n", -1);
        if (lines.length < 4 || lines[3].length() < 3) {
            return block;
        }
        int atoms;
        try {
            atoms = Integer.parseInt(lines[3].substring(0, 3).strip());
        } catch (NumberFormatException e) {
            return block;
        }
        boolean changed = false;
        for (int k = 0; k < atoms && 4 + k < lines.length; k++) {
            String line = lines[4 + k];
            int from = SYMBOL_COLUMN - 1;
            if (line.length() <= from) {
                continue;
            }
            int end = Math.min(line.length(), from + 3);
            String symbol = line.substring(from, end).strip();
            if ("D".equals(symbol) || "T".equals(symbol)) {
                isotopes.put(k, "D".equals(symbol) ? 2 : 3);
                lines[4 + k] = line.substring(0, from) + "H" + " ".repeat(end - from - 1)
                        + line.substring(end);
                changed = true;
            }
        }
        return changed ? String.join("\n", lines) : block;
    }

    /**
     * Normalises hydrogens and aromaticity, then turns atoms and bonds into a raw graph; adds
     * the labels of its pseudo atoms to {@code pseudoLabels}.
     */
    private RawGraph toRawGraph(IAtomContainer molecule, String name, String classLabel,
            Set<String> pseudoLabels) throws CDKException {
        if (molecule.isEmpty()) {
            throw new CDKException("no atoms");
        }
        if (explicitHydrogens) {
            AtomContainerManipulator.convertImplicitToExplicitHydrogens(molecule);
        } else {
            molecule = AtomContainerManipulator.suppressHydrogens(molecule);
        }
        List<Integer> aromaticInFile = new ArrayList<>();
        for (IBond bond : molecule.bonds()) {
            if (bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET) {
                aromaticInFile.add(bond.getIndex());
            }
        }
        kekulizeAromaticBonds(molecule);
        if (checkValence) {
            checkValences(molecule);
        }
        Aromaticity.clear(molecule);
        new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)))
                .apply(molecule);
        requireAromatic(molecule, aromaticInFile);

        RawGraph raw = new RawGraph(name, classLabel);
        for (IAtom atom : molecule.atoms()) {
            Map<String, Object> node = new LinkedHashMap<>();
            if (atom instanceof IPseudoAtom pseudo) {
                node.put(NODE_ATTRIBUTE, pseudoLabel(pseudo));
                pseudoLabels.add(pseudoLabel(pseudo));
            } else {
                node.put(NODE_ATTRIBUTE, atom.getSymbol());
            }
            raw.nodes.add(node);
        }
        for (IBond bond : molecule.bonds()) {
            int i = bond.getBegin().getIndex();
            int j = bond.getEnd().getIndex();
            if (i == j) {
                throw new CDKException("bond from atom " + (i + 1) + " to itself");
            }
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put(EDGE_ATTRIBUTE, bondOrder(bond));
            raw.edges.put(RawGraph.pair(i, j), edge);
            raw.edges.put(RawGraph.pair(j, i), edge);
            raw.undirectedListings++;
        }
        raw.undirectedBy = "a bond, which has no direction";
        return raw;
    }

    /**
     * Gives bonds without an order (the aromatic bonds of an MDL record, bond type 4) single
     * and double orders with CDK's {@link Kekulization}; the hydrogen counts are those of
     * {@link #assignAromaticHydrogens}.
     */
    private static void kekulizeAromaticBonds(IAtomContainer molecule) throws CDKException {
        for (IBond bond : molecule.bonds()) {
            if (bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET) {
                try {
                    Kekulization.kekulize(molecule);
                } catch (CDKException e) {
                    throw new CDKException("its aromatic bonds (MDL bond type 4) have no Kekulé"
                            + " structure, alternating single and double bonds, with the"
                            + " hydrogen counts they imply (CDK: " + e.getMessage() + "); a"
                            + " hydrogen on an aromatic atom, such as that of pyrrole's"
                            + " nitrogen, must be written as a hydrogen atom, or the rings in"
                            + " Kekulé form (bond types 1 and 2)", e);
                }
                return;
            }
        }
    }

    /**
     * Rejects a molecule in which an atom of a bond that the file marked aromatic (MDL bond
     * type 4, the bonds at {@code indices}) is not aromatic after kekulisation and
     * aromaticity perception. The hydrogen counts that type-4 bonds imply can make another
     * molecule than the one written: a charged ring carbon gets none, so the
     * cyclopentadienyl anion or tropylium written with type-4 bonds and no hydrogen atoms
     * would read as a non-aromatic ring; a type-4 bond outside a ring (C-C alone) cannot be
     * aromatic at all. The atoms, not the bond, are tested: the bond shared by the two rings
     * of azulene joins aromatic atoms but is itself no aromatic bond in the Daylight model,
     * in the file's type-4 form as in the molecule's SMILES.
     */
    private static void requireAromatic(IAtomContainer molecule, List<Integer> indices)
            throws CDKException {
        for (int index : indices) {
            IBond bond = molecule.getBond(index);
            for (IAtom atom : new IAtom[] {bond.getBegin(), bond.getEnd()}) {
                if (!atom.isAromatic()) {
                    throw new CDKException("the bond between atoms "
                            + (bond.getBegin().getIndex() + 1) + " and "
                            + (bond.getEnd().getIndex() + 1) + " is aromatic in the file"
                            + " (MDL bond type 4) but not in the molecule read: atom "
                            + (atom.getIndex() + 1) + " is in no aromatic ring with the"
                            + " hydrogen counts of the SMILES rule for aromatic atoms (none on"
                            + " a charged ring carbon); write each hydrogen of the ring as a"
                            + " hydrogen atom, or the bonds in Kekulé form (bond types 1"
                            + " and 2)");
                }
            }
        }
    }

    /**
     * Sets the implicit hydrogen counts that CDK's MDL readers leave unset on the atoms of
     * aromatic bonds (MDL bond type 4, a query bond of the CTfile formats, BIOVIA 2020, but
     * what RDKit's {@code MolToMolBlock(m, kekulize=False)} writes), by the rule of SMILES
     * for an aromatic atom without brackets (Weininger 1988, "SMILES, a chemical language and
     * information system", J. Chem. Inf. Comput. Sci. 28:31; the OpenSMILES specification
     * on aromaticity):
     * the atom keeps one valence for the double bond of a Kekulé structure, so its hydrogens
     * fill the lowest normal valence {@code v} less one, {@code max(0, v - 1 - s)} with
     * {@code s} the sum of its bond orders counting each aromatic bond as 1. A charged atom
     * counts as the neutral element with the same number of electrons, as in
     * {@link #withValenceCheck(boolean)}; a pseudo atom gets no hydrogens. The same molecule
     * in aromatic SMILES then gets the same hydrogens, so the same graph. CDK has this rule
     * inside its SMILES parser only, and its atom typing, which could set these counts too,
     * needs an atom-type dictionary that the CDK modules used here do not include.
     *
     * @throws CDKException for a bond of another query type (5 to 8: single or double, single
     *     or aromatic, double or aromatic, any), which has no order, or an aromatic atom of an
     *     element without a lowest valence here
     */
    private static void assignAromaticHydrogens(IAtomContainer molecule) throws CDKException {
        for (IBond bond : molecule.bonds()) {
            if (bond.getOrder() == null && !bond.isAromatic()) {
                throw new CDKException("the bond between atoms "
                        + (molecule.indexOf(bond.getBegin()) + 1) + " and "
                        + (molecule.indexOf(bond.getEnd()) + 1) + " has an MDL query bond"
                        + " type (5 to 8: single or double, single or aromatic, double or"
                        + " aromatic, any), which matches bonds in a search but gives no bond"
                        + " order");
            }
        }
        for (IAtom atom : molecule.atoms()) {
            if (atom.getImplicitHydrogenCount() != null) {
                continue;
            }
            int bonded = 0;
            boolean aromatic = false;
            for (IBond bond : molecule.getConnectedBondsList(atom)) {
                boolean unset = bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET;
                aromatic |= unset;
                bonded += unset ? 1 : bond.getOrder().numeric();
            }
            if (!aromatic) {
                continue;
            }
            if (atom instanceof IPseudoAtom) {
                atom.setImplicitHydrogenCount(0);
                continue;
            }
            Integer number = atom.getAtomicNumber();
            Integer charge = atom.getFormalCharge();
            Integer lowest = number == null ? null
                    : LOWEST_VALENCE.get(number - (charge == null ? 0 : charge));
            if (lowest == null) {
                throw new CDKException("atom " + (atom.getIndex() + 1) + " ("
                        + atom.getSymbol() + ") has an aromatic bond (MDL bond type 4), which"
                        + " gives a hydrogen count only to " + AROMATIC_ELEMENTS + "; write"
                        + " its bonds in Kekulé form (bond types 1 and 2)");
            }
            atom.setImplicitHydrogenCount(Math.max(0, lowest - 1 - bonded));
        }
    }

    /**
     * Rejects an atom whose valence (bond orders of the Kekulé form plus implicit hydrogens)
     * exceeds the largest normal valence of its isoelectronic neutral element.
     */
    private static void checkValences(IAtomContainer molecule) throws CDKException {
        for (IAtom atom : molecule.atoms()) {
            Integer number = atom.getAtomicNumber();
            Integer charge = atom.getFormalCharge();
            if (number == null || atom instanceof IPseudoAtom) {
                // A pseudo atom names no element (CDK gives it atomic number 0), so it has no
                // normal valence; [*-] read as hydrogen's.
                continue;
            }
            Integer allowed = MAX_VALENCE.get(number - (charge == null ? 0 : charge));
            if (allowed == null) {
                continue;
            }
            int valence = atom.getImplicitHydrogenCount() == null ? 0
                    : atom.getImplicitHydrogenCount();
            for (IBond bond : molecule.getConnectedBondsList(atom)) {
                valence += bond.getOrder().numeric();
            }
            if (valence > allowed) {
                throw new ValenceException("atom " + (atom.getIndex() + 1) + " (" + atom.getSymbol()
                        + (charge == null || charge == 0 ? "" : String.format("%+d", charge))
                        + ") has valence " + valence + ", more than the " + allowed
                        + " allowed");
            }
        }
    }

    /** The valence check's rejection of an atom, told apart from other parse failures. */
    private static final class ValenceException extends CDKException {

        private static final long serialVersionUID = 1L;

        ValenceException(String message) {
            super(message);
        }
    }

    private static String bondOrder(IBond bond) throws CDKException {
        if (bond.isAromatic()) {
            return AROMATIC;
        }
        IBond.Order order = bond.getOrder();
        if (order == null || order == IBond.Order.UNSET) {
            throw new CDKException("bond between atoms " + (bond.getBegin().getIndex() + 1)
                    + " and " + (bond.getEnd().getIndex() + 1) + " has no order");
        }
        return Integer.toString(order.numeric());
    }

    // ---- collecting records ---------------------------------------------------------------

    /** Gathers the parsed records of one file, or the skipped ones. */
    private final class Collector {

        private final Path file;
        private final String stem;
        private final boolean hasClasses;
        private final List<RawGraph> raw = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final Set<String> pseudoLabels = new TreeSet<>();
        private final List<String> notes = new ArrayList<>();
        private String classSource;
        /** The first record left unparsed because the limit was reached; 0 for none. */
        private int firstUnread;
        /** The line of {@link #firstUnread} in the file, for the note. */
        private int firstUnreadLine;

        Collector(Path file, boolean hasClasses) {
            this.file = file;
            this.stem = stem(file);
            this.hasClasses = hasClasses;
        }

        /** Adds a note of the dataset about the file, before the notes of its records. */
        void note(String note) {
            notes.add(note);
        }

        /** Sets where the class labels come from, for the note that names it. */
        void classesFrom(String source) {
            classSource = source;
        }

        /**
         * Parses a record and keeps it, or rejects it as invalid (skipped or thrown, as set).
         * A valid record without its class label ({@code missingLabel}, the problem, when it
         * has none) always throws; an invalid one is rejected as invalid first, so that
         * skipping invalid records skips it whether it has its label or not.
         */
        void add(int record, int line, String title, String classLabel, String missingLabel,
                Parse parse) throws DatasetFormatException {
            if (atLimit(record, line)) {
                return;
            }
            String name = stem + "#" + record + (title.isEmpty() ? "" : " " + title);
            try {
                Set<String> labels = new TreeSet<>();
                RawGraph graph = toRawGraph(parse.molecule(), name, classLabel, labels);
                if (missingLabel != null) {
                    throw new DatasetFormatException(file, line, missingLabel);
                }
                raw.add(graph);
                pseudoLabels.addAll(labels);
            } catch (CDKException | RuntimeException e) {
                String reason = e instanceof NullPointerException || e.getMessage() == null
                        ? "the record is incomplete or malformed (CDK's parser stopped"
                                + " without saying why)"
                        : e.getMessage();
                Matcher smiles = CDK_SMILES_FAILURE.matcher(reason);
                reject(record, line, "cannot parse molecule " + record + (smiles.matches()
                        ? " from the SMILES '" + DecimalNumbers.printable(smiles.group(1))
                                + "': " + smilesReason(smiles.group(1), smiles.group(2))
                        : ": " + reason), e);
            }
        }

        /**
         * CDK's reason for a bad SMILES, which ends with a colon, the SMILES and a caret under
         * the failing character on lines of their own, as one phrase: {@code unexpected
         * character (at character 6)}. Other reasons are returned as they are. CDK pads the
         * caret with one space per UTF-16 unit of the SMILES; the position is given in
         * characters (code points), as every reader counts columns, so an emoji before the
         * failing character counts once. A caret past the end counts one per column beyond.
         */
        private static String smilesReason(String smiles, String reason) {
            String[] lines = reason.split("\\R");
            if (lines.length == 3 && lines[1].equals(smiles) && lines[2].strip().equals("^")
                    && lines[0].endsWith(":")) {
                int caret = lines[2].indexOf('^');
                int within = Math.min(caret, smiles.length());
                if (within > 0 && within < smiles.length()
                        && Character.isSurrogatePair(smiles.charAt(within - 1),
                                smiles.charAt(within))) {
                    within--;
                }
                int position = smiles.codePointCount(0, within) + caret - within + 1;
                return lines[0].substring(0, lines[0].length() - 1) + " (at character "
                        + position + ")";
            }
            return reason;
        }

        void reject(int record, int line, String problem) throws DatasetFormatException {
            reject(record, line, problem, null);
        }

        /** Fails with the problem, its cause attached, or counts the record as skipped. */
        void reject(int record, int line, String problem, Throwable cause)
                throws DatasetFormatException {
            if (atLimit(record, line)) {
                return;
            }
            if (!skipInvalid) {
                DatasetFormatException e = new DatasetFormatException(file, line,
                        problem.startsWith("cannot") ? problem : "record " + record + ": "
                                + problem);
                if (cause != null) {
                    e.initCause(cause);
                }
                throw e;
            }
            skipped.add(Integer.toString(line));
        }

        /**
         * Returns whether the limit's molecules are read before this record, which is then
         * left unparsed; remembers the first such record for the note.
         */
        private boolean atLimit(int record, int line) {
            if (limit == 0 || raw.size() < limit) {
                return false;
            }
            if (firstUnread == 0) {
                firstUnread = record;
                firstUnreadLine = line;
            }
            return true;
        }

        GraphDataset dataset(String unit) {
            AttributeEncoding.Encoded encoded = AttributeEncoding.encode(raw, Integer.MAX_VALUE);
            List<String> names = new ArrayList<>(raw.size());
            List<String> classes = new ArrayList<>(raw.size());
            for (RawGraph g : raw) {
                names.add(g.name);
                if (hasClasses) {
                    classes.add(g.classLabel);
                }
            }
            List<String> notes = new ArrayList<>(this.notes);
            notes.addAll(encoded.notes());
            if (hasClasses && classSource != null) {
                notes.add("class labels from " + classSource);
            }
            notes.add("hydrogens " + (explicitHydrogens ? "explicit (one node each)"
                    : "implicit (suppressed)") + "; aromaticity perceived by CDK's Daylight"
                    + " model");
            if (!pseudoLabels.isEmpty()) {
                notes.add("pseudo atoms, which name no element, read by their labels: "
                        + String.join(", ", pseudoLabels));
            }
            if (!skipped.isEmpty()) {
                List<String> listed = skipped.subList(0, Math.min(LISTED_SKIPS, skipped.size()));
                notes.add("skipped " + skipped.size() + " invalid record"
                        + (skipped.size() == 1 ? "" : "s") + " at " + unit
                        + (skipped.size() == 1 ? " " : "s ") + String.join(", ", listed)
                        + (skipped.size() > listed.size() ? ", ..." : ""));
            }
            if (firstUnread > 0) {
                notes.add(LIMIT_NOTE + (limit == 1 ? "the first molecule"
                        : "the first " + limit + " molecules") + " (the limit): records from "
                        + firstUnread + " on (from " + unit + " " + firstUnreadLine + ") were"
                        + " not parsed");
            }
            return new GraphDataset(stem, encoded.graphs(), classes, names,
                    encoded.nodeChannels(), encoded.edgeChannels(), notes);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    /**
     * Returns the files that {@link #read(Path)} looks for, in this order, to find the class
     * labels of a SMILES file: for a stem ending in {@code _data} the stem without it followed
     * by {@code _target.txt}, then {@code <stem>_target.txt}; the first that exists is read
     * (and refused if it is a folder or no regular file).
     * Empty for other molecule files (their labels are inside them).
     *
     * @param file a molecule file
     * @return the absolute paths, existing or not
     */
    public static List<Path> labelFileCandidates(Path file) {
        Objects.requireNonNull(file, "file");
        if (!endsWithAny(lowerName(file), SMILES_SUFFIXES)) {
            return List.of();
        }
        String stem = stem(file);
        Path folder = file.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        if (stem.endsWith("_data")) {
            candidates.add(folder.resolve(stem.substring(0, stem.length() - "_data".length())
                    + "_target.txt"));
        }
        candidates.add(folder.resolve(stem + "_target.txt"));
        return candidates;
    }

    /**
     * Returns the label file read with a SMILES file, or null when nothing has the name of
     * one; a folder, a named pipe or a symbolic link to nothing of that name is returned, for
     * {@link #readSmiles} to refuse.
     */
    private static Path companionLabels(Path file) {
        for (Path candidate : labelFileCandidates(file)) {
            if (Files.exists(candidate) || Files.isSymbolicLink(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The end of the note on the label file of a SMILES file when another of its
     * {@link #labelFileCandidates} exists too, and so was not read; else null.
     */
    private static String unreadLabelFiles(Path file, Path labels) {
        List<String> unread = new ArrayList<>();
        for (Path candidate : labelFileCandidates(file)) {
            if (!candidate.equals(labels)
                    && (Files.exists(candidate) || Files.isSymbolicLink(candidate))) {
                unread.add(candidate.getFileName().toString());
            }
        }
        if (unread.isEmpty()) {
            return null;
        }
        return " (taken before '" + String.join("', '", unread) + "', which is beside "
                + file.getFileName() + " too and was not read: for a stem X_data the file"
                + " X_target.txt comes first)";
    }

    /** Returns the value of an SD data item {@code > <key>}, or null if absent. */
    private static String dataItem(String block, String key) {
        String[] lines = block.split("\n");
        for (int k = 0; k + 1 < lines.length; k++) {
            String line = lines[k];
            if (line.startsWith(">") && line.contains("<" + key + ">")) {
                return lines[k + 1].strip();
            }
        }
        return null;
    }

    /** Splits one CSV line; returns null for an unterminated quote. */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quoted) {
                if (c == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    field.append('"');
                    k++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * The hint for a header that names a column only between semicolons ({@code smiles;label},
     * as a spreadsheet set to a locale with decimal commas saves a CSV file), else empty.
     */
    private static String semicolonHint(List<String> header, String name) {
        for (String field : header) {
            if (field.indexOf(';') >= 0 && column(List.of(field.split(";", -1)), name) >= 0) {
                return "; the header holds " + JGraphTGraphs.shown(name) + " between"
                        + " semicolons, but the fields of a CSV file are separated by commas:"
                        + " save the file with commas as separators";
            }
        }
        return "";
    }

    private static int column(List<String> header, String name) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String lowerName(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean endsWithAny(String name, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
