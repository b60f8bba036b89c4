package org.orbifold.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.orbifold.space.NodeExistence;

/**
 * Reads splits of the IAM Graph Database (K. Riesen and H. Bunke 2008, "IAM Graph Database
 * Repository for Graph Based Pattern Recognition and Machine Learning", SSPR&amp;SPR 2008, LNCS
 * 5342, pp. 287-297, doi:10.1007/978-3-540-89689-0_33): a CXL split file lists
 * {@code <print file="X.gxl" class="C"/>} entries, and each graph is a GXL file (Holt, Winter
 * and Schürr 2000, "GXL: Toward a Standard Exchange Format") in the folder of the split file.
 *
 * <p><b>Encoding</b> (see also {@code docs/formats.md}). Every {@code <attr name="a">} of a
 * node or an edge is one attribute. An attribute whose values are all {@code <int>},
 * {@code <long>}, {@code <float>} or {@code <double>} numbers (or {@code <bool>}, read as 1 and
 * 0) becomes one numeric channel {@code a}. An attribute with {@code <string>} values becomes the
 * one-hot channels {@code a=v} over all values seen across the splits read together (numbers
 * of the same attribute then become labels too, written as {@link Recoding#categorical}
 * writes them: an integral number without a fraction, so {@code <float>2.0</float>} and
 * {@code <int>2</int>} are both {@code a=2}, others in Java's shortest form, so
 * {@code <float>1.50</float>} is {@code a=1.5}; a note names both kinds); values
 * and class labels are trimmed of surrounding blanks (IAM pads atom symbols as {@code "C  "}
 * and Fingerprint classes as {@code "A "}). Text inside {@code <int>} or {@code <long>} is
 * read as a label only when every value of that attribute in the splits read together is text
 * (IAM Protein keeps amino-acid sequences in {@code <int>}); the attribute is then a discrete
 * one, and a note says so. A discrete
 * attribute with more than {@code maxCategories} labels (default
 * {@value #DEFAULT_MAX_CATEGORIES}) is left out, since a one-hot code of what is in effect free
 * text carries no shared structure; a note of the dataset says so. A value missing on a node or
 * edge encodes as zero. Edges get the channel {@link GraphDataset#EDGE_CHANNEL} when they carry
 * no attribute, some edge's attributes are all zero or some edge has no label of a leading
 * one-hot group; nodes get the existence channel likewise
 * ({@link Presence#nodeChannelNeeded}).
 *
 * <p><b>Directedness.</b> The graph's {@code edgemode} ({@code directed}, {@code undirected},
 * {@code defaultdirected}, {@code defaultundirected}) and an edge's {@code isdirected} decide
 * whether an edge is one ordered pair or both. When every ordered pair of every graph has its
 * reverse with equal attributes, the graphs are read as undirected (this merges an undirected
 * edge stored as two directed ones), and a note says why: every edge undirected by the
 * {@code edgemode} or {@code isdirected}, listed in both directions, or either; otherwise all
 * graphs are directed. IAM Fingerprint stores
 * each ridge twice, but its {@code orient} and {@code angle} change sign and turn by
 * {@code pi} with the direction, so Fingerprint graphs are directed with both pairs present.
 * An edge whose ordered pair from {@code from} to {@code to} is that of an earlier edge of the
 * same file, with equal attributes, is merged into it, and a note of the split counts such
 * edges and names the first; the reverse pair that an undirected edge adds repeats nothing,
 * so an undirected edge listed once per direction is read without a note.
 *
 * <p><b>Recoding by meaning.</b> The encoding above follows how values are stored. Opt-in,
 * {@link #readSplits(List, Recoding)} first rewrites chosen attributes by what they mean: codes
 * as categories, angles as (cos, sin) or, for line orientations, as (cos 2t, sin 2t), texts as
 * character compositions, redundant attributes left out; {@link Recoding#forIamSet} gives the
 * rules for AIDS, Fingerprint and Protein (Fingerprint then reads as undirected).
 *
 * <p>Graphs are named by their GXL file name without {@code .gxl}, datasets by the split file
 * name without {@code .cxl} after the name of its folder ({@code HIGH/train}), or of the folder
 * above when that is called {@code data} ({@code Fingerprint/train}).
 *
 * <p><b>Errors.</b> Malformed XML, bytes that are not text in the file's encoding (UTF-8,
 * unless a UTF-8 byte-order mark or an XML declaration such as
 * {@code <?xml version="1.0" encoding="ISO-8859-1"?>} says otherwise; a malformed sequence, or
 * a byte that the encoding maps to no character, such as 0x81 in windows-1252), an XML
 * declaration that names an encoding Java does not know (such as {@code x-nonsense}; the
 * message gives the line and column of the name and no parser line reaches stderr), a missing or
 * unreadable GXL file (a listed name that is a folder, or no regular file such as a named pipe,
 * is named as such and not opened), an edge naming an unknown
 * node, a self-loop, a repeated node id, a node attribute named {@code exists} or an edge
 * attribute named {@code edge} (the names of the existence and presence channels, whose values
 * the aligners would read as existence or presence), an {@code <attr>} of a node or an edge
 * that holds
 * anything but one value element {@code <int>}, {@code <long>}, {@code <float>},
 * {@code <double>}, {@code <string>} or {@code <bool>} (no value, two values, another
 * element such as {@code <tup>}, {@code <seq>} or an unknown {@code <complex>}, or text outside
 * the value element), text inside a node or an edge but outside its {@code <attr>} elements,
 * a non-finite number, an integer beyond 2^53 ({@link DecimalNumbers#isInexactInteger}, in
 * any number element), text or a Java-only number form ({@code 2d},
 * {@code 0x1p3}; {@link DecimalNumbers#isJavaOnly}) inside {@code <float>} or {@code <double>}, an
 * attribute that mixes numbers with text inside {@code <int>} or {@code <long>} (at the first
 * value that breaks the pattern, naming where the other kind first occurs), or an ordered pair
 * given twice with different attributes throw a {@link DatasetFormatException} naming the file,
 * line and column (a pair named by its node ids). The XML
 * parser resolves no DTD and no external entity, so nothing is fetched from the network; an
 * entity declared in the file's own DTD ({@code <!DOCTYPE g [<!ENTITY y "yes">]>}) is not
 * supported either, and a reference to it is refused saying so ({@link #xmlError}).
 *
 * <p><b>Existence channel.</b> The reader adds the node-existence channel only where it is
 * needed (above); the command line adds it to every data set that lacks it, so its
 * distances differ from those of the graphs read here. Call
 * {@link org.orbifold.space.NodeExistence#append} (that is,
 * {@link org.orbifold.space.Graph#withNodeChannel(double) withNodeChannel(1)} on every graph)
 * when the dataset's node channels lack
 * {@link org.orbifold.space.NodeExistence#CHANNEL_NAME} to get the command line's numbers
 * (the package description has the details).
 *
 * <p>Stateless and thread-safe.
 *
 * <p><b>Limitations.</b> Graph-level {@code <attr>} elements (such as a class stored in the
 * graph rather than in the split file) and elements the reader does not know (such as GXL's
 * {@code <type>}, or a stray {@code <foo/>}) are not read, and a note of the split counts each
 * kind and names where it first occurs; edge ids are ignored. Hyperedges ({@code <rel>},
 * {@code <relend>}) and nested graphs (a {@code <graph>} inside a {@code <node>} or
 * {@code <edge>}) are refused, as is a second {@code <graph>}: a GXL file must hold exactly one
 * graph. The
 * split's {@code count} attribute is compared with the entries, and a mismatch is only noted.
 * Splits read separately may get different channels (a label seen only in the test split, an
 * existence channel needed only there): read the splits of one dataset together with
 * {@link #readSplits(List)} to compare them. Each XML file is read whole into memory and its
 * bytes are checked before the parser reads them, since the JDK's parser prints a line of its
 * own on stderr for a malformed byte. A file that declares an encoding Java knows but that is
 * not a superset of ASCII, other than UTF-16 and UTF-32 (an EBCDIC code page such as
 * {@code IBM037}), is left to the parser, which may still print that line before the error.
 * The JDK's parser also refuses some encodings that Java knows ({@code ISO-8859-16},
 * {@code KOI8-U}, {@code UTF-32} as a declared name), in its own words: {@code malformed XML:
 * Invalid encoding name "ISO-8859-16".}
 */
public final class IamDatasetReader {

    /** Largest number of labels a discrete attribute may have and still be one-hot encoded. */
    public static final int DEFAULT_MAX_CATEGORIES = 100;

    private static final Set<String> NUMBER_TAGS = Set.of("int", "long", "float", "double");
    /** Number elements whose text may be a label, if every value of the attribute is text. */
    private static final Set<String> TEXT_TOLERANT_TAGS = Set.of("int", "long");
    private static final Set<String> VALUE_TAGS = Set.of("int", "long", "float", "double",
            "string", "bool");
    /** The UTF-8 byte-order mark. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** How many bytes at the start of an XML file are searched for its declaration. */
    private static final int DECLARATION_BYTES = 1024;
    private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml\\s.*?\\?>",
            Pattern.DOTALL);
    private static final Pattern ENCODING = Pattern.compile(
            "\\sencoding\\s*=\\s*(['\"])([A-Za-z][A-Za-z0-9._-]*)\\1");
    /** The value elements that an {@code <attr>} may hold, for messages. */
    private static final String ACCEPTED_VALUES = "<int>, <long>, <float>, <double>, <string>"
            + " or <bool>";

    private IamDatasetReader() {
    }

    /**
     * Reads one split.
     *
     * @param cxlFile the CXL split file; its GXL files lie in the same folder
     * @return the dataset, with one class label per graph when the entries carry classes
     * @throws DatasetFormatException if the split file is missing, is a folder (the message
     *     then names the {@code .cxl} files found in it, as {@link DatasetLoader#load} does)
     *     or no regular file (such as a named pipe, which is not opened), or the split or a
     *     graph file breaks the format
     * @throws IOException if a file cannot be read
     */
    public static GraphDataset read(Path cxlFile) throws IOException {
        Objects.requireNonNull(cxlFile, "cxlFile");
        return readSplits(List.of(cxlFile), DEFAULT_MAX_CATEGORIES).get(0);
    }

    /**
     * Reads several splits of one dataset with one shared encoding: the same channels, one-hot
     * codes over the labels of all splits, one existence decision and one directedness.
     *
     * @param cxlFiles the split files, for example train, validation and test
     * @return one dataset per split, in the given order
     * @throws DatasetFormatException if a split file is missing, a folder or no regular file
     *     (as {@link #read}), or a split or a graph file breaks the format
     * @throws IOException if a file cannot be read
     */
    public static List<GraphDataset> readSplits(List<Path> cxlFiles) throws IOException {
        Objects.requireNonNull(cxlFiles, "cxlFiles");
        return readSplits(cxlFiles, DEFAULT_MAX_CATEGORIES);
    }

    /**
     * Reads several splits with one shared encoding and a chosen limit on one-hot codes.
     *
     * @param cxlFiles the split files
     * @param maxCategories discrete attributes with more labels are left out; at least 1
     * @return one dataset per split, in the given order
     * @throws DatasetFormatException if a split file is missing, a folder or no regular file
     *     (as {@link #read}), or a split or a graph file breaks the format
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if {@code maxCategories < 1} or no file is given
     */
    public static List<GraphDataset> readSplits(List<Path> cxlFiles, int maxCategories)
            throws IOException {
        Objects.requireNonNull(cxlFiles, "cxlFiles");
        return readSplits(cxlFiles, Recoding.none().maxCategories(maxCategories));
    }

    /**
     * Reads several splits with one shared encoding after recoding attributes as a
     * {@link Recoding} says (categories, angles, compositions, attributes left out), for
     * example {@code readSplits(files, Recoding.forIamSet("Fingerprint"))}.
     *
     * @param cxlFiles the split files
     * @param recoding how to read chosen attributes; {@link Recoding#none()} gives the default
     *     encoding of {@link #readSplits(List)}
     * @return one dataset per split, in the given order
     * @throws DatasetFormatException if a split file is missing, a folder or no regular file
     *     (as {@link #read}), or a split or a graph file breaks the format
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if no file is given, or an attribute to be read as an
     *     angle holds text, or one to be read as a composition holds numbers
     */
    public static List<GraphDataset> readSplits(List<Path> cxlFiles, Recoding recoding)
            throws IOException {
        Objects.requireNonNull(cxlFiles, "cxlFiles");
        Objects.requireNonNull(recoding, "recoding");
        int maxCategories = recoding.maxCategories();
        if (cxlFiles.isEmpty()) {
            throw new IllegalArgumentException("no split file given");
        }
        XMLInputFactory factory = secureFactory();
        Kinds kinds = new Kinds();
        List<List<String>> splitNotes = new ArrayList<>();
        List<RawGraph> all = new ArrayList<>();
        int[] splitSizes = new int[cxlFiles.size()];

        // Parse every split and every graph file.
        for (int s = 0; s < cxlFiles.size(); s++) {
            Path cxl = cxlFiles.get(s);
            List<String> notes = new ArrayList<>();
            RepeatedEdges repeats = new RepeatedEdges();
            IgnoredParts ignored = new IgnoredParts();
            List<Entry> entries = readSplitFile(factory, cxl, notes);
            for (Entry entry : entries) {
                Path gxl = graphFile(cxl, entry);
                all.add(readGraphFile(factory, gxl, stem(entry.file(), ".gxl"), entry.label(),
                        kinds, repeats, ignored));
            }
            repeats.addNote(notes);
            ignored.addNotes(notes);
            splitSizes[s] = entries.size();
            splitNotes.add(notes);
        }

        // One encoding for all splits, then cut it back into splits.
        List<String> kindNotes = new ArrayList<>(kinds.resolve(all));
        kindNotes.addAll(recoding.apply(all));
        AttributeEncoding.Encoded encoded = AttributeEncoding.encode(all, maxCategories);
        List<GraphDataset> result = new ArrayList<>(cxlFiles.size());
        int start = 0;
        for (int s = 0; s < cxlFiles.size(); s++) {
            List<RawGraph> raw = all.subList(start, start + splitSizes[s]);
            List<String> names = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (RawGraph g : raw) {
                names.add(g.name);
                if (g.classLabel != null) {
                    labels.add(g.classLabel);
                }
            }
            List<String> notes = new ArrayList<>(splitNotes.get(s));
            notes.addAll(kindNotes);
            notes.addAll(encoded.notes());
            if (cxlFiles.size() > 1) {
                notes.add("attribute channels built from the graphs of "
                        + (cxlFiles.size() == 2 ? "both" : "all " + cxlFiles.size())
                        + " split files, so that the splits share them (class labels play no"
                        + " part)");
            }
            result.add(new GraphDataset(datasetName(cxlFiles.get(s)),
                    encoded.graphs().subList(start, start + splitSizes[s]), labels, names,
                    encoded.nodeChannels(), encoded.edgeChannels(), notes));
            start += splitSizes[s];
        }
        return result;
    }

    /**
     * Returns the names among {@code names} that no node or edge of the graphs of the split
     * files carries, as stored (before any recoding): whether the graphs have the attributes
     * that a {@link Recoding} names ({@link Recoding#attributes()}). The graph files are read
     * in the order of {@link #readSplits(List, Recoding)}, each as it reads them, and only
     * until every name has been seen, so on data that carry them all this costs a few graphs.
     *
     * @param cxlFiles the split files
     * @param names the attribute names looked for
     * @return the names that no node or edge carries, in the order given; empty when every
     *     name is carried
     * @throws DatasetFormatException if a split file or a graph file read breaks the format,
     *     as {@link #readSplits(List, Recoding)} would report it
     * @throws IOException if a file cannot be read
     */
    public static Set<String> uncarriedAttributes(List<Path> cxlFiles, Collection<String> names)
            throws IOException {
        Objects.requireNonNull(cxlFiles, "cxlFiles");
        Objects.requireNonNull(names, "names");
        Set<String> missing = new LinkedHashSet<>(names);
        XMLInputFactory factory = secureFactory();
        Kinds kinds = new Kinds();
        RepeatedEdges repeats = new RepeatedEdges();
        for (Path cxl : cxlFiles) {
            if (missing.isEmpty()) {
                break;
            }
            for (Entry entry : readSplitFile(factory, cxl, new ArrayList<>())) {
                RawGraph g = readGraphFile(factory, graphFile(cxl, entry),
                        stem(entry.file(), ".gxl"), entry.label(), kinds, repeats,
                        new IgnoredParts());
                for (Map<String, Object> node : g.nodes) {
                    missing.removeAll(node.keySet());
                }
                for (Map<String, Object> edge : g.edges.values()) {
                    missing.removeAll(edge.keySet());
                }
                if (missing.isEmpty()) {
                    break;
                }
            }
        }
        return Collections.unmodifiableSet(missing);
    }

    /**
     * Returns the graph file of a split file's entry, resolved against the split file's
     * folder.
     *
     * @throws DatasetFormatException at the entry's line if the file is missing, a folder or
     *     no regular file (such as a named pipe, which is not opened)
     */
    private static Path graphFile(Path cxl, Entry entry) throws DatasetFormatException {
        Path folder = cxl.toAbsolutePath().getParent();
        Path gxl = folder.resolve(entry.file());
        if (!Files.isRegularFile(gxl)) {
            String named = "graph file '" + entry.file() + "'";
            throw new DatasetFormatException(cxl, entry.line(), Files.isDirectory(gxl)
                    ? named + " in " + folder + " is a folder"
                    : Files.exists(gxl) ? named + " in " + folder + " is not a regular"
                            + " file (such as a named pipe or a device), so it is not read"
                    : named + " not found in " + folder);
        }
        return gxl;
    }

    /**
     * Reads a single GXL graph file, encoded on its own (without classes).
     *
     * @param gxlFile the GXL file
     * @return a dataset of one graph, named by the file
     * @throws DatasetFormatException if the file is missing, is a folder or no regular file
     *     (such as a named pipe, which is not opened), or breaks the format
     * @throws IOException if the file cannot be read
     */
    public static GraphDataset readGraph(Path gxlFile) throws IOException {
        Objects.requireNonNull(gxlFile, "gxlFile");
        requireFile(gxlFile, "a GXL graph file");
        Kinds kinds = new Kinds();
        String name = stem(gxlFile.getFileName().toString(), ".gxl");
        RepeatedEdges repeats = new RepeatedEdges();
        IgnoredParts ignored = new IgnoredParts();
        List<RawGraph> raw = List.of(readGraphFile(secureFactory(), gxlFile, name, null, kinds,
                repeats, ignored));
        List<String> notes = new ArrayList<>();
        repeats.addNote(notes);
        ignored.addNotes(notes);
        notes.addAll(kinds.resolve(raw));
        AttributeEncoding.Encoded encoded = AttributeEncoding.encode(raw,
                DEFAULT_MAX_CATEGORIES);
        notes.addAll(encoded.notes());
        return new GraphDataset(name, encoded.graphs(), List.of(), List.of(name),
                encoded.nodeChannels(), encoded.edgeChannels(), notes);
    }

    /** An entry of a split file: a graph file, its class (or null) and the entry's line. */
    private record Entry(String file, String label, int line) {
    }

    /** A raw attribute value: its text and, when it reads as a number, the number. */
    /**
     * A value as written: its trimmed text, its number (null for text, 1 or 0 for a
     * {@code <bool>}), and the label it reads as where its attribute holds labels.
     */
    private record Value(String text, Double number, String label) {

        /** A value read as text wherever it appears. */
        static Value text(String text) {
            return new Value(text, null, text);
        }
    }

    /** An edge as written, before its ends are resolved. */
    private record PendingEdge(String from, String to, Boolean directed,
            Map<String, Object> attributes, int line, int column) {
    }

    /**
     * Returns the folders that the graph files of a split file lie in: the split file's own
     * folder first, then, in order of first use, every other folder an entry points into
     * (such as {@code ../gxl/a.gxl}), absolute and normalized. The graph files themselves are
     * not opened.
     *
     * @param cxlFile an IAM split file
     * @return the folders, without repeats
     * @throws DatasetFormatException if the split file is missing or breaks its format
     * @throws IOException if it cannot be read
     */
    public static List<Path> graphFolders(Path cxlFile) throws IOException {
        Objects.requireNonNull(cxlFile, "cxlFile");
        Path folder = cxlFile.toAbsolutePath().getParent();
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(folder.normalize());
        for (Entry entry : readSplitFile(secureFactory(), cxlFile, new ArrayList<>())) {
            Path parent = folder.resolve(entry.file()).normalize().getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        return List.copyOf(folders);
    }

    /**
     * Returns the graph files that the entries of a split file name, in entry order (repeats
     * kept): each entry's file resolved against the split file's absolute folder, the path
     * that {@link #readSplits(List, Recoding)} opens; entry {@code k} is graph {@code k} of the
     * split's dataset. The graph files themselves are not opened, and the paths are neither
     * normalized nor followed through symbolic links ({@link Path#toRealPath} does both).
     *
     * @param cxlFile an IAM split file
     * @return the paths of the graph files
     * @throws DatasetFormatException if the split file is missing or breaks its format
     * @throws IOException if it cannot be read
     */
    public static List<Path> graphFiles(Path cxlFile) throws IOException {
        Objects.requireNonNull(cxlFile, "cxlFile");
        Path folder = cxlFile.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (Entry entry : readSplitFile(secureFactory(), cxlFile, new ArrayList<>())) {
            files.add(folder.resolve(entry.file()));
        }
        return List.copyOf(files);
    }

    /**
     * Fails unless {@code file} is a regular file: a missing path is named as missing, a
     * folder as a folder with what {@link DatasetLoader} would read in it (such as its
     * {@code .cxl} split files), anything else as no regular file
     * ({@link DatasetFormatException#notRegularFile}).
     *
     * @param kind what the file should have been, such as "an IAM .cxl split file"
     */
    private static void requireFile(Path file, String kind) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new DatasetFormatException(file, "a folder, not " + kind + "; "
                    + DatasetLoader.contents(file));
        }
        throw DatasetFormatException.notRegularFile(file, kind);
    }

    /**
     * Opens an XML file for the parser after checking its bytes in the encoding that the
     * parser would decode them in (XML 1.0, section 4.3.3 and appendix F): UTF-8 after a UTF-8
     * byte-order mark or without an encoding declaration, else the encoding that the
     * declaration names. The JDK's parser prints a line such as {@code [Fatal Error] :-1:-1:
     * Invalid byte 2 of 3-byte UTF-8 sequence.} on stderr when it meets a malformed byte
     * sequence, before it throws and whatever the StAX caller sets up (it reports this error
     * past the StAX error reporter, to a default handler that writes to stderr), so such a
     * file is refused here, with its line and column, before the parser sees it. A file that
     * starts in UTF-16 or UTF-32 is checked in the encoding its first bytes give
     * ({@link #wideEncoding}). A declaration that names an encoding Java does not know is
     * refused here as well, at the line and column of the name and whatever the first bytes,
     * so that the file gets the same one-line error as a malformed byte and no parser
     * wording. First bytes that contradict the declared encoding are refused at the name too
     * ({@link #conflict}): after a UTF-8 byte-order mark, a declaration of ISO-8859-1 made the
     * parser read the file, silently garbled, in ISO-8859-1. {@link GraphMlReader} opens its
     * files here too.
     */
    static InputStream openXml(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Charset wide = startsWide(bytes) ? wideEncoding(bytes) : null;
        Declaration declared = declaration(bytes, wide);
        if (declared != null && !Charset.isSupported(declared.encoding())) {
            throw new DatasetFormatException(file, declared.line(), declared.column(),
                    "its XML declaration names the encoding " + declared.encoding()
                    + ", which Java does not know; convert the file to UTF-8, or name its real"
                    + " encoding there");
        }
        String conflict = declared == null ? null : conflict(bytes, wide, declared.encoding());
        if (conflict != null) {
            throw new DatasetFormatException(file, declared.line(), declared.column(), conflict
                    + "; convert the file to UTF-8, or make the two agree");
        }
        if (wide != null) {
            TextFiles.decode(file, bytes, wide, "its first bytes say " + wide.name()
                    + "; convert the file to UTF-8");
        } else if (startsWith(bytes, UTF8_BOM) || declared == null) {
            TextFiles.decode(file, bytes, StandardCharsets.UTF_8, "convert the file to UTF-8,"
                    + " or name its encoding in an XML declaration such as <?xml version=\"1.0\""
                    + " encoding=\"ISO-8859-1\"?>");
        } else {
            Charset charset = asciiCompatible(declared.encoding());
            if (charset != null) {
                TextFiles.decode(file, bytes, charset, "its XML declaration names the encoding "
                        + declared.encoding() + "; convert the file, or name its real encoding"
                        + " there");
            }
        }
        return new ByteArrayInputStream(bytes);
    }

    /**
     * The encoding in which the JDK's parser reads an XML file that {@link #openXml} accepted:
     * the UTF-16 or UTF-32 of its first bytes, UTF-8 after a UTF-8 byte-order mark or without
     * a declared encoding, else the declared one (UTF-8 when Java does not know it).
     */
    static Charset xmlEncoding(byte[] bytes) {
        Charset wide = startsWide(bytes) ? wideEncoding(bytes) : null;
        if (wide != null) {
            return wide;
        }
        Declaration declared = declaration(bytes, null);
        if (startsWith(bytes, UTF8_BOM) || declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.encoding());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Says how the first bytes of a file contradict the encoding its XML declaration names
     * (XML 1.0, section 4.3.3 makes that a fatal error), or returns null when they agree: a
     * UTF-8 byte-order mark with a declaration of another encoding (the JDK's parser then
     * decodes the file in the declared one, {@code été} as {@code Ã©tÃ©}), UTF-16 or UTF-32
     * first bytes with a declaration of an encoding of another width, or a declaration
     * written in single bytes that names an encoding in which ASCII is not single bytes.
     */
    private static String conflict(byte[] bytes, Charset wide, String encoding) {
        Charset named = Charset.forName(encoding);
        String declaration = "its XML declaration names the encoding " + encoding;
        if (wide != null) {
            String family = wide.name().substring(0, "UTF-16".length());
            return named.name().startsWith(family) ? null : "its first bytes say "
                    + wide.name() + ", but " + declaration;
        }
        if (startsWith(bytes, UTF8_BOM)) {
            return named.equals(StandardCharsets.UTF_8) ? null : "it starts with a UTF-8"
                    + " byte-order mark, but " + declaration;
        }
        return asciiCompatible(encoding) != null ? null : declaration + ", but the"
                + " declaration is written in single bytes (ASCII), which that encoding does"
                + " not write so";
    }

    /**
     * Whether bytes start in UTF-16 or UTF-32 by the rules of the XML specification's appendix
     * F: with a zero byte or a UTF-16 byte-order mark among the first two.
     */
    private static boolean startsWide(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
    }

    /**
     * The UTF-16 or UTF-32 encoding that bytes starting with a zero byte or a byte-order mark
     * are in, by the rules of the XML specification's appendix F (autodetection).
     */
    private static Charset wideEncoding(byte[] bytes) {
        int b0 = bytes[0] & 0xFF;
        int b1 = bytes[1] & 0xFF;
        boolean fourZeroLed = bytes.length >= 4 && b0 == 0 && b1 == 0;
        boolean fourZeroTrailed = bytes.length >= 4 && bytes[2] == 0 && bytes[3] == 0;
        if (fourZeroLed) {
            return Charset.forName("UTF-32BE");
        }
        if (fourZeroTrailed && (b0 == 0xFF && b1 == 0xFE || b1 == 0)) {
            return Charset.forName("UTF-32LE");
        }
        return b0 == 0xFE || b0 == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }

    /**
     * The encoding that an XML declaration names, with the line and column (from 1, a
     * byte-order mark not counted) where the name starts.
     */
    private record Declaration(String encoding, int line, int column) {
    }

    /**
     * Returns the encoding that the XML declaration at the start of the bytes names; null when
     * the bytes start with no declaration or with one that names no encoding. The start of
     * the bytes is read in the wide encoding if one is given, else as ISO-8859-1 after a UTF-8
     * byte-order mark if there is one (the declaration is ASCII in every superset of ASCII).
     */
    private static Declaration declaration(byte[] bytes, Charset wide) {
        String head;
        if (wide != null) {
            head = new String(bytes, 0, Math.min(bytes.length, 4 * DECLARATION_BYTES), wide);
            head = head.startsWith("\uFEFF") ? head.substring(1) : head;
        } else {
            int from = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
            head = new String(bytes, from, Math.min(bytes.length - from, DECLARATION_BYTES),
                    StandardCharsets.ISO_8859_1);
        }
        Matcher declaration = XML_DECLARATION.matcher(head);
        if (!declaration.lookingAt()) {
            return null;
        }
        Matcher encoding = ENCODING.matcher(head).region(0, declaration.end());
        if (!encoding.find()) {
            return null;
        }
        int at = encoding.start(2);
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < at; k++) {
            char c = head.charAt(k);
            if (c == '\n' || c == '\r' && head.charAt(k + 1) != '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Declaration(encoding.group(2), line, at - lineStart + 1);
    }

    /** The charset of a name if Java knows it and it writes ASCII as ASCII; else null. */
    private static Charset asciiCompatible(String name) {
        try {
            Charset charset = Charset.forName(name);
            return Arrays.equals("<?xml".getBytes(charset),
                    "<?xml".getBytes(StandardCharsets.US_ASCII)) ? charset : null;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    private static List<Entry> readSplitFile(XMLInputFactory factory, Path cxl,
            List<String> notes) throws IOException {
        requireFile(cxl, "an IAM .cxl split file");
        List<Entry> entries = new ArrayList<>();
        int declared = -1;
        int withClass = 0;
        try (InputStream in = openXml(cxl)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String count = r.getAttributeValue(null, "count");
                    if (count != null && !"print".equals(r.getLocalName())) {
                        declared = parseCount(cxl, r, count);
                    }
                    if (!"print".equals(r.getLocalName())) {
                        continue;
                    }
                    String file = r.getAttributeValue(null, "file");
                    if (file == null || file.isBlank()) {
                        throw error(cxl, r.getLocation(), "<print> without a file attribute;"
                                + " expected <print file=\"X.gxl\" class=\"C\"/>");
                    }
                    String label = r.getAttributeValue(null, "class");
                    if (label != null) {
                        label = label.trim();
                        if (label.isEmpty()) {
                            throw error(cxl, r.getLocation(), "entry '" + file.trim()
                                    + "' has an empty class; give every entry a class name,"
                                    + " or leave out the class attribute in every entry");
                        }
                        withClass++;
                    }
                    entries.add(new Entry(file.trim(), label, r.getLocation().getLineNumber()));
                    if (withClass != 0 && withClass != entries.size()) {
                        throw error(cxl, r.getLocation(), mixedClasses(entries));
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw xmlError(cxl, e);
        }
        if (declared >= 0 && declared != entries.size()) {
            notes.add(cxl.getFileName() + " declares count=\"" + declared + "\" but lists "
                    + entries.size() + " graphs; all listed graphs were read");
        }
        return entries;
    }

    /**
     * Describes split entries of which some have a class and some do not: the last entry
     * differs from all before it; the message names the first entry of each kind.
     */
    private static String mixedClasses(List<Entry> entries) {
        Entry last = entries.get(entries.size() - 1);
        Entry first = entries.get(0);
        if (last.label() == null) {
            return "entry '" + last.file() + "' has no class, but entry '" + first.file()
                    + "' (line " + first.line() + ") has one; expected every entry or none"
                    + " to have one";
        }
        return "entry '" + first.file() + "' (line " + first.line() + ") has no class, but"
                + " entry '" + last.file() + "' has one; expected every entry or none to have"
                + " one";
    }

    private static int parseCount(Path cxl, XMLStreamReader r, String count)
            throws DatasetFormatException {
        try {
            return DecimalNumbers.parseInteger(count);
        } catch (NumberFormatException e) {
            throw error(cxl, r.getLocation(), "count=\"" + count
                    + "\" is not a whole number");
        }
    }

    private static RawGraph readGraphFile(XMLInputFactory factory, Path gxl, String name,
            String label, Kinds kinds, RepeatedEdges repeats, IgnoredParts ignored)
            throws IOException {
        RawGraph graph = new RawGraph(name, label);
        Map<String, Integer> nodeIds = new HashMap<>();
        List<PendingEdge> pending = new ArrayList<>();
        String edgeMode = null;
        try (InputStream in = openXml(gxl)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                Map<String, Object> current = null;
                boolean currentIsNode = false;
                // The node or edge being read, as refusals name it.
                String currentItem = null;
                String attribute = null;
                int attributeLine = 0;
                int attributeColumn = 0;
                boolean valueSeen = false;
                // The depth inside a graph-level <attr>, which is passed over with a note.
                int skipped = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    if (skipped > 0) {
                        skipped += event == XMLStreamConstants.START_ELEMENT ? 1
                                : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
                        continue;
                    }
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        String tag = r.getLocalName();
                        if ("node".equals(tag) || "edge".equals(tag)) {
                            current = null;
                        } else if ("attr".equals(tag)) {
                            if (attribute != null && !valueSeen) {
                                throw new DatasetFormatException(gxl, attributeLine,
                                        new XmlColumns(gxl).column(attributeLine,
                                                attributeColumn), "attribute '" + attribute
                                        + "' has no value; expected one value element: "
                                        + ACCEPTED_VALUES);
                            }
                            attribute = null;
                        }
                        continue;
                    }
                    if (attribute != null && (event == XMLStreamConstants.CHARACTERS
                            || event == XMLStreamConstants.CDATA) && !r.isWhiteSpace()
                            && !r.getText().isBlank()) {
                        throw error(gxl, r.getLocation(), "attribute '" + attribute
                                + "' holds the text '" + r.getText().strip() + "' outside a"
                                + " value element; expected one value element: "
                                + ACCEPTED_VALUES);
                    }
                    if (attribute == null && current != null
                            && (event == XMLStreamConstants.CHARACTERS
                            || event == XMLStreamConstants.CDATA) && !r.isWhiteSpace()
                            && !r.getText().isBlank()) {
                        throw error(gxl, r.getLocation(), "a <" + (currentIsNode ? "node"
                                : "edge") + "> holds the text '" + r.getText().strip()
                                + "' outside an <attr>; expected its attributes as <attr"
                                + " name=\"a\"> elements");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String tag = r.getLocalName();
                    Location at = r.getLocation();
                    if (attribute != null) {
                        if (!VALUE_TAGS.contains(tag)) {
                            throw error(gxl, at, "attribute '" + attribute + "' holds <" + tag
                                    + ">, which is not supported; expected one value element: "
                                    + ACCEPTED_VALUES);
                        }
                        if (valueSeen) {
                            throw error(gxl, at, "attribute '" + attribute + "' holds a second"
                                    + " value <" + tag + ">; expected one value per <attr>");
                        }
                        Value value = value(gxl, at, tag, r.getElementText());
                        current.put(attribute, value);
                        kinds.record(currentIsNode, attribute, tag, value, gxl, at);
                        valueSeen = true;
                    } else if ("graph".equals(tag)) {
                        if (current != null) {
                            throw error(gxl, at, "a <graph> inside a <" + (currentIsNode
                                    ? "node" : "edge") + "> (a nested graph), which is not"
                                    + " supported; expected one graph per file, without graphs"
                                    + " inside its nodes or edges");
                        }
                        if (edgeMode != null) {
                            throw error(gxl, at, "a second <graph>; expected one graph per file");
                        }
                        edgeMode = edgeMode(gxl, r);
                    } else if ("rel".equals(tag) || "relend".equals(tag)) {
                        throw error(gxl, at, "a hyperedge <" + tag + ">, which is not"
                                + " supported; expected edges as <edge from=\"a\" to=\"b\">,"
                                + " two ends each");
                    } else if ("attr".equals(tag) && current == null) {
                        String attrName = r.getAttributeValue(null, "name");
                        ignored.add((edgeMode == null ? "<attr> outside the graph"
                                : "graph attribute") + (attrName == null ? ""
                                : " " + JGraphTGraphs.shown(attrName)), gxl, at);
                        skipped = 1;
                    } else if ("node".equals(tag)) {
                        requireGraph(gxl, at, edgeMode, tag);
                        String id = required(gxl, r, "id");
                        if (nodeIds.putIfAbsent(id, graph.order()) != null) {
                            throw error(gxl, at, "node id '" + id + "' is used twice");
                        }
                        current = new LinkedHashMap<>();
                        currentIsNode = true;
                        currentItem = "node " + JGraphTGraphs.shown(id);
                        graph.nodes.add(current);
                    } else if ("edge".equals(tag)) {
                        requireGraph(gxl, at, edgeMode, tag);
                        String isDirected = r.getAttributeValue(null, "isdirected");
                        current = new LinkedHashMap<>();
                        currentIsNode = false;
                        String from = required(gxl, r, "from");
                        String to = required(gxl, r, "to");
                        currentItem = "edge from " + JGraphTGraphs.shown(from) + " to "
                                + JGraphTGraphs.shown(to);
                        pending.add(new PendingEdge(from, to,
                                isDirected == null ? null : Boolean.valueOf(isDirected.trim()),
                                current, at.getLineNumber(), at.getColumnNumber()));
                    } else if ("attr".equals(tag)) {
                        attribute = required(gxl, r, "name");
                        if (attribute.isEmpty()) {
                            throw error(gxl, at, currentItem + " has an attribute with an"
                                    + " empty name (<attr name=\"\">); expected a name, as"
                                    + " every attribute becomes a channel named by it");
                        }
                        if (attribute != null && attribute.contains("=")) {
                            throw error(gxl, at, "attribute name '" + attribute + "' contains"
                                    + " '='; expected a name without it");
                        }
                        String reserved = currentIsNode ? NodeExistence.CHANNEL_NAME
                                : GraphDataset.EDGE_CHANNEL;
                        if (reserved.equals(attribute)) {
                            throw error(gxl, at, "the " + (currentIsNode ? "node" : "edge")
                                    + " attribute '" + reserved + "' has the name of the"
                                    + " channel that marks " + (currentIsNode ? "real nodes"
                                    : "present edges") + " (1 on each), so its values would"
                                    + " be read as " + (currentIsNode ? "node existence"
                                    : "edge presence") + "; rename the attribute in the file");
                        }
                        if (attribute != null && current.containsKey(attribute)) {
                            throw error(gxl, at, "attribute '" + attribute + "' given twice");
                        }
                        attributeLine = at.getLineNumber();
                        attributeColumn = at.getColumnNumber();
                        valueSeen = false;
                    } else if (!"gxl".equals(tag)) {
                        ignored.add("element <" + tag + ">", gxl, at);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw xmlError(gxl, e);
        }
        if (edgeMode == null) {
            throw new DatasetFormatException(gxl, "no <graph> element; expected one graph");
        }

        // Resolve edge ends and store ordered pairs.
        boolean directedByDefault = edgeMode.endsWith("directed")
                && !edgeMode.endsWith("undirected");
        // The line of the first edge written from u to v, per pair (u, v); the reverse pair
        // that an undirected edge adds is not written, so listing it again is no repeat.
        Map<Long, Integer> writtenAt = new HashMap<>();
        XmlColumns columns = new XmlColumns(gxl);
        for (PendingEdge e : pending) {
            Integer u = nodeIds.get(e.from());
            Integer v = nodeIds.get(e.to());
            // The column is recounted in characters only when a message needs it.
            Supplier<String> where = () -> "edge from '" + e.from() + "' to '" + e.to()
                    + "' at column " + columns.column(e.line(), e.column());
            if (u == null || v == null) {
                throw new DatasetFormatException(gxl, e.line(), where.get() + " names the unknown"
                        + " node '" + (u == null ? e.from() : e.to()) + "'; expected a node id"
                        + " of this graph");
            }
            if (u.equals(v)) {
                throw new DatasetFormatException(gxl, e.line(), where.get() + " is a self-loop;"
                        + " expected two different nodes (the diagonal holds node attributes)");
            }
            boolean directed = e.directed() == null ? directedByDefault : e.directed();
            putPair(gxl, e, where, graph, RawGraph.pair(u, v), e.from(), e.to());
            if (directed) {
                graph.directedListings++;
            } else {
                putPair(gxl, e, where, graph, RawGraph.pair(v, u), e.to(), e.from());
                graph.undirectedListings++;
                graph.undirectedBy = "undirected by the GXL edgemode or isdirected";
            }
            Integer earlier = writtenAt.putIfAbsent(RawGraph.pair(u, v), e.line());
            if (earlier != null) {
                repeats.add(gxl.getFileName() + ", line " + e.line() + ", " + where.get()
                        + ", as on line " + earlier);
            }
        }
        return graph;
    }

    /**
     * Collects what the graph files of a split hold that is not read (graph-level attributes,
     * elements the reader does not know), for one note per kind: how many times, in how many
     * files, and where first.
     */
    private static final class IgnoredParts {

        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, Set<Path>> files = new HashMap<>();
        private final Map<String, String> first = new HashMap<>();

        void add(String what, Path gxl, Location at) {
            counts.computeIfAbsent(what, k -> new int[1])[0]++;
            files.computeIfAbsent(what, k -> new HashSet<>()).add(gxl);
            first.putIfAbsent(what, gxl.getFileName() + ", line " + at.getLineNumber());
        }

        /** Adds the notes, if anything was passed over. */
        void addNotes(List<String> notes) {
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                String what = e.getKey();
                int count = e.getValue()[0];
                int fileCount = files.get(what).size();
                notes.add(what + " not read (" + (what.startsWith("element")
                        ? "an element the reader does not know; " : "")
                        + (count == 1 ? "once" : count + " times") + " in " + fileCount
                        + (fileCount == 1 ? " file" : " files") + ", first " + first.get(what)
                        + ")");
            }
        }
    }

    /**
     * Counts the edges of a split that repeat an ordered pair of an earlier edge of their
     * graph with equal attributes, which are merged, for a note.
     */
    private static final class RepeatedEdges {

        private int count;
        private String first;

        void add(String where) {
            count++;
            if (first == null) {
                first = where;
            }
        }

        /** Adds the note, if there were repeats. */
        void addNote(List<String> notes) {
            if (count > 0) {
                notes.add(count + (count == 1 ? " edge repeats" : " edges repeat") + " an"
                        + " ordered pair of an earlier edge in the same file with equal"
                        + " attributes; each pair is read as one edge (first: " + first + ")");
            }
        }
    }

    /**
     * Stores the attributes of an ordered pair, from the node with id {@code source} to the
     * one with id {@code target}; refuses other attributes for a pair already stored.
     */
    private static void putPair(Path gxl, PendingEdge e, Supplier<String> where,
            RawGraph graph, long pair, String source, String target)
            throws DatasetFormatException {
        Map<String, Object> before = graph.edges.putIfAbsent(pair, e.attributes());
        if (before != null && !before.equals(e.attributes())) {
            throw new DatasetFormatException(gxl, e.line(), where.get() + " repeats the pair ('"
                    + source + "', '" + target + "') with other attributes; expected one"
                    + " value per ordered pair");
        }
    }

    private static String edgeMode(Path gxl, XMLStreamReader r) throws DatasetFormatException {
        String mode = r.getAttributeValue(null, "edgemode");
        mode = mode == null ? "directed" : mode.trim();
        if (!Set.of("directed", "undirected", "defaultdirected", "defaultundirected")
                .contains(mode)) {
            throw error(gxl, r.getLocation(), "edgemode=\"" + mode + "\"; expected directed,"
                    + " undirected, defaultdirected or defaultundirected");
        }
        return mode;
    }

    private static void requireGraph(Path gxl, Location at, String edgeMode, String tag)
            throws DatasetFormatException {
        if (edgeMode == null) {
            throw error(gxl, at, "<" + tag + "> outside a <graph>");
        }
    }

    private static String required(Path file, XMLStreamReader r, String attribute)
            throws DatasetFormatException {
        String value = r.getAttributeValue(null, attribute);
        if (value == null) {
            throw error(file, r.getLocation(), "<" + r.getLocalName() + "> without the "
                    + attribute + " attribute");
        }
        return value;
    }

    private static Value value(Path gxl, Location at, String tag, String text)
            throws DatasetFormatException {
        String trimmed = text.trim();
        if ("string".equals(tag)) {
            return Value.text(trimmed);
        }
        if ("bool".equals(tag)) {
            if (!"true".equals(trimmed) && !"false".equals(trimmed)) {
                throw error(gxl, at, "<bool>" + trimmed + "</bool>; expected true or false");
            }
            return new Value(trimmed, "true".equals(trimmed) ? 1.0 : 0.0, trimmed);
        }
        if (TEXT_TOLERANT_TAGS.contains(tag) && !isNumber(trimmed)) {
            return Value.text(trimmed);
        }
        double number;
        try {
            number = DecimalNumbers.parseFinite(trimmed, "<" + tag + ">");
        } catch (NumberFormatException e) {
            throw error(gxl, at, e.getMessage());
        }
        return new Value(trimmed, number, numberLabel(number));
    }

    /**
     * The label of a number read as a category: an integral value below {@code 1e15} in
     * magnitude without a fraction ({@code 2.0} as {@code "2"}, {@code -0.0} as {@code "0"}),
     * any other in Java's shortest form ({@code 1.50} as {@code "1.5"}).
     */
    private static String numberLabel(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : Double.toString(d);
    }

    /** Whether {@link DecimalNumbers#parse} reads a text, finite or not. */
    private static boolean isNumber(String text) {
        try {
            DecimalNumbers.parse(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The refusal of a file at the parser's location, its column counted in characters (code
     * points; {@link XmlColumns}).
     */
    private static DatasetFormatException error(Path file, Location at, String detail) {
        return new DatasetFormatException(file, at.getLineNumber(),
                new XmlColumns(file).column(at.getLineNumber(), at.getColumnNumber()), detail);
    }

    /**
     * The refusal of a file that the StAX parser finds malformed: the parser's message without
     * its prefix, at the parser's line and column when it gives them; shared with
     * {@link GraphMlReader}. A reference to an entity the parser does not know, which includes
     * every entity declared in a DTD since the parser reads none, says that such entities are
     * not supported (the parser's own words, that it was not declared, would be wrong when
     * the file's DTD declares it).
     */
    static DatasetFormatException xmlError(Path file, XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int cut = message.indexOf("Message: ");
        message = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
        message = message.replace('\n', ' ').trim();
        Matcher entity = UNDECLARED_ENTITY.matcher(message);
        String kind = "malformed XML: ";
        if (entity.matches()) {
            String name = entity.group(1);
            kind = "";
            message = "the entity reference &" + name + "; names none of XML's own entities"
                    + " (&amp; &lt; &gt; &quot; &apos;), and entities declared in a DTD"
                    + " (<!ENTITY " + name + " ...>) are not supported: the reader reads no DTD,"
                    + " internal or external, so that nothing is fetched or expanded; write the"
                    + " text itself, or a character reference such as &#233;, in place of &"
                    + name + ";";
        }
        if (at == null) {
            return new DatasetFormatException(file, kind + message);
        }
        return error(file, at, kind + message);
    }

    /** The JDK parser's message for an entity reference it cannot resolve. */
    private static final Pattern UNDECLARED_ENTITY = Pattern.compile(
            "The entity \"([^\"]*)\" was referenced, but not declared\\.?");

    private static String stem(String file, String extension) {
        String name = Path.of(file).getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension)
                ? name.substring(0, name.length() - extension.length()) : name;
    }

    private static String datasetName(Path cxl) {
        Path absolute = cxl.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && folder.getFileName() != null
                && "data".equals(folder.getFileName().toString()) && folder.getParent() != null
                && folder.getParent().getFileName() != null) {
            folder = folder.getParent();
        }
        String split = stem(cxl.getFileName().toString(), ".cxl");
        return folder == null || folder.getFileName() == null ? split
                : folder.getFileName() + "/" + split;
    }

    /**
     * Decides per attribute name whether its values are numbers or labels, then rewrites the
     * raw values as {@link Double} or {@link String}.
     */
    private static final class Kinds {

        private final Map<String, Boolean> nodeNumeric = new LinkedHashMap<>();
        private final Map<String, Boolean> edgeNumeric = new LinkedHashMap<>();
        private final Set<String> textInNumberTags = new LinkedHashSet<>();
        private final Map<String, String> firstNumber = new HashMap<>();
        private final Map<String, String> firstTextInNumberTag = new HashMap<>();
        private final Map<String, String> firstString = new LinkedHashMap<>();

        /**
         * Records a value; fails when an attribute mixes numbers with text inside number
         * elements, naming the value that breaks the pattern and the first of the other kind.
         */
        void record(boolean node, String attribute, String tag, Value value, Path gxl,
                Location at) throws DatasetFormatException {
            boolean numeric = value.number() != null;
            String what = (node ? "node" : "edge") + " attribute '" + attribute + "'";
            String where = gxl.getFileName() + ", line " + at.getLineNumber();
            boolean textInNumberTag = !numeric && NUMBER_TAGS.contains(tag);
            if (numeric) {
                firstNumber.putIfAbsent(what, where);
                String text = firstTextInNumberTag.get(what);
                if (text != null) {
                    throw error(gxl, at, "<" + tag + ">" + value.text() + "</" + tag + "> of "
                            + what + " is a number, but it holds text in number elements"
                            + " elsewhere (first at " + text + "); expected only numbers, or"
                            + " text in every value (then read as labels)");
                }
            } else if (textInNumberTag) {
                firstTextInNumberTag.putIfAbsent(what, where);
                String number = firstNumber.get(what);
                if (number != null) {
                    throw error(gxl, at, "<" + tag + ">" + value.text() + "</" + tag + "> of "
                            + what + " is not a number, but other values of it are (first at "
                            + number + "); expected only numbers, or text in every value"
                            + " (then read as labels)");
                }
                textInNumberTags.add(what);
            } else if ("string".equals(tag)) {
                firstString.putIfAbsent(what, where);
            }
            (node ? nodeNumeric : edgeNumeric).merge(attribute, numeric, Boolean::logicalAnd);
        }

        List<String> resolve(List<RawGraph> graphs) {
            for (RawGraph g : graphs) {
                for (Map<String, Object> node : g.nodes) {
                    convert(node, nodeNumeric);
                }
                for (Map<String, Object> edge : g.edges.values()) {
                    convert(edge, edgeNumeric);
                }
            }
            List<String> notes = new ArrayList<>();
            for (String what : textInNumberTags) {
                notes.add(what + " holds text inside number elements: read as discrete labels");
            }
            for (Map.Entry<String, String> string : firstString.entrySet()) {
                String number = firstNumber.get(string.getKey());
                if (number != null) {
                    notes.add(string.getKey() + " holds numbers (first at " + number + ") and"
                            + " <string> values (first at " + string.getValue() + "): all its"
                            + " values were read as discrete labels, numbers included");
                }
            }
            return notes;
        }

        private static void convert(Map<String, Object> item, Map<String, Boolean> numeric) {
            for (Map.Entry<String, Object> a : item.entrySet()) {
                if (a.getValue() instanceof Value v) {
                    a.setValue(numeric.get(a.getKey()) ? (Object) v.number() : v.label());
                }
            }
        }
    }

    /**
     * Opt-in rules that read chosen attributes, named the same on nodes and on edges, in a way
     * that fits what they mean rather than how they are stored. The default,
     * {@link #none()}, changes nothing. Rules, applied to the values of every split read
     * together, before the one-hot encoding:
     * <ul>
     *   <li>{@link #categorical}: a number that codes a category (helix / sheet / loop stored
     *       as 0, 1, 2) becomes the label {@code "0"}, {@code "1"}, ... (an integral value is
     *       written without a fraction), so the attribute is one-hot encoded as
     *       {@code a=0, a=1, ...} instead of one numeric channel whose differences compare
     *       arbitrary codes;</li>
     *   <li>{@link #circular}: an angle {@code t} in radians, defined modulo {@code 2 pi},
     *       becomes the two numeric channels {@code a:cos = cos t} and {@code a:sin = sin t},
     *       so angles on either side of {@code +-pi} are close;</li>
     *   <li>{@link #axial}: an angle {@code t} in radians of an undirected line, defined modulo
     *       {@code pi}, becomes {@code a:cos2 = cos 2t} and {@code a:sin2 = sin 2t}, the
     *       doubled-angle code of axial data (K. V. Mardia and P. E. Jupp 2000, "Directional
     *       Statistics", Wiley, section 9.1); a line and its reverse encode alike, so an
     *       edge stored once per direction with angles {@code pi} apart becomes one undirected
     *       edge. File values carry rounding, so when the two ordered pairs of a node pair
     *       differ only in axial channels, by at most {@value #AXIAL_TOLERANCE}, the reverse
     *       pair takes the first pair's values;</li>
     *   <li>{@link #composition}: a text becomes a distribution over its characters (the
     *       fraction of each character, the empty text all zero), encoded in the one-hot
     *       channels {@code a=c} of every character {@code c} seen in that attribute; an amino
     *       acid sequence becomes its amino acid composition;</li>
     *   <li>{@link #ignore}: the attribute is left out.</li>
     * </ul>
     * A note of the dataset names every rule that was applied, and every named attribute that
     * no node or edge carries.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * <p><b>Limitations.</b> A name cannot get different rules on nodes and on edges. A
     * composition drops the order of the characters, so two sequences with the same letters
     * in another order look alike; an edit distance between strings (what graph edit distance
     * uses on IAM Protein) is not representable as a vector.
     */
    public static final class Recoding {

        /** Largest difference of the axial channels at which two ordered pairs are merged. */
        public static final double AXIAL_TOLERANCE = 1e-5;

        /**
         * A reduced amino-acid alphabet of six classes by side-chain chemistry, written for
         * {@link #dipeptides}: aliphatic and sulphur {@code AVLIMC}, aromatic {@code FWYH},
         * polar {@code STNQ}, positive {@code KR}, negative {@code DE}, and the backbone
         * breakers {@code GP}.
         */
        public static final String AMINO_ACID_CLASSES = "AVLIMC|FWYH|STNQ|KR|DE|GP";

        /** Class name of the characters that no class of a {@link #dipeptides} rule lists. */
        public static final String OTHER_CLASS = "?";

        /** Suffix of the attribute name of the pair group of {@link #dipeptides}. */
        public static final String PAIRS_SUFFIX = ":pairs";

        private static final Recoding NONE = new Recoding(Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), DEFAULT_MAX_CATEGORIES, Set.of(), "");

        private final Set<String> categorical;
        private final Set<String> circular;
        private final Set<String> axial;
        private final Set<String> composition;
        private final Set<String> ignored;
        private final int maxCategories;
        /** Composition attributes that also get the pair group of {@link #dipeptides}. */
        private final Set<String> pairs;
        /** The classes of the pair groups, {@code "A|B..."}; empty without pairs. */
        private final String pairClasses;

        private Recoding(Set<String> categorical, Set<String> circular, Set<String> axial,
                Set<String> composition, Set<String> ignored, int maxCategories,
                Set<String> pairs, String pairClasses) {
            this.categorical = Set.copyOf(categorical);
            this.circular = Set.copyOf(circular);
            this.axial = Set.copyOf(axial);
            this.composition = Set.copyOf(composition);
            this.ignored = Set.copyOf(ignored);
            this.maxCategories = maxCategories;
            this.pairs = Set.copyOf(pairs);
            this.pairClasses = pairClasses;
        }

        /**
         * Returns the recoding that changes nothing, with the default one-hot limit.
         *
         * @return the identity recoding
         */
        public static Recoding none() {
            return NONE;
        }

        /**
         * Returns the recoding this library uses for an IAM set, chosen from what the IAM
         * documentation (Riesen and Bunke 2008) says the attributes mean; {@code docs/formats.md}
         * gives the table:
         * <ul>
         *   <li>{@code AIDS}: {@code chem} (an atom code) and {@code valence} (single, double,
         *       triple bond) categorical;</li>
         *   <li>{@code Fingerprint}: {@code angle} axial; {@code orient} left out (it is
         *       {@code sin(angle)} in every file, and changes sign with the direction);</li>
         *   <li>{@code Protein}: {@code type} (helix, sheet, loop), {@code type0} and
         *       {@code type1} (edge types) categorical; {@code sequence} as its
         *       composition;</li>
         *   <li>any other name (the Letter sets): {@link #none()}.</li>
         * </ul>
         *
         * @param set the set name, as the folder under {@code iam/}: {@code AIDS},
         *     {@code Fingerprint}, {@code Protein}, {@code Letter/LOW}, ...
         * @return the recoding
         */
        public static Recoding forIamSet(String set) {
            Objects.requireNonNull(set, "set");
            switch (set) {
                case "AIDS":
                    return NONE.categorical("chem", "valence");
                case "Fingerprint":
                    return NONE.axial("angle").ignore("orient");
                case "Protein":
                    return NONE.categorical("type", "type0", "type1").composition("sequence");
                default:
                    return NONE;
            }
        }

        /**
         * Returns this recoding with numbers of the named attributes read as category labels.
         *
         * @param names attribute names
         * @return the extended recoding
         * @throws IllegalArgumentException if a name already has another rule
         */
        public Recoding categorical(String... names) {
            Objects.requireNonNull(names, "names");
            return new Recoding(with(categorical, names), circular, axial, composition,
                    ignored, maxCategories, pairs, pairClasses);
        }

        /**
         * Returns this recoding with the named attributes read as angles modulo {@code 2 pi}.
         *
         * @param names attribute names
         * @return the extended recoding
         * @throws IllegalArgumentException if a name already has another rule
         */
        public Recoding circular(String... names) {
            Objects.requireNonNull(names, "names");
            return new Recoding(categorical, with(circular, names), axial, composition,
                    ignored, maxCategories, pairs, pairClasses);
        }

        /**
         * Returns this recoding with the named attributes read as line orientations modulo
         * {@code pi}.
         *
         * @param names attribute names
         * @return the extended recoding
         * @throws IllegalArgumentException if a name already has another rule
         */
        public Recoding axial(String... names) {
            Objects.requireNonNull(names, "names");
            return new Recoding(categorical, circular, with(axial, names), composition,
                    ignored, maxCategories, pairs, pairClasses);
        }

        /**
         * Returns this recoding with the named text attributes read as character
         * compositions.
         *
         * @param names attribute names
         * @return the extended recoding
         * @throws IllegalArgumentException if a name already has another rule
         */
        public Recoding composition(String... names) {
            Objects.requireNonNull(names, "names");
            return new Recoding(categorical, circular, axial, with(composition, names),
                    ignored, maxCategories, pairs, pairClasses);
        }

        /**
         * Returns this recoding with the named text attributes read as their character
         * composition (as {@link #composition}) and, in addition, as the composition of their
         * adjacent character pairs over a reduced alphabet: each character is replaced by the
         * name of its class (the first character of the class as written; characters of no
         * class by {@value #OTHER_CLASS}), and the attribute {@code a + }{@value #PAIRS_SUFFIX}
         * holds, for every class pair {@code XY}, the fraction of the {@code length - 1}
         * adjacent pairs of the text that read {@code XY} (one-hot channels
         * {@code a:pairs=XY}; a text shorter than 2 has all of them 0). With
         * {@link #AMINO_ACID_CLASSES} an amino-acid sequence becomes its composition plus
         * its reduced dipeptide composition, which keeps some of the order that a plain
         * composition loses.
         *
         * @param classes the classes, disjoint non-empty character sets separated by
         *     {@code |}, such as {@link #AMINO_ACID_CLASSES}
         * @param names attribute names
         * @return the extended recoding
         * @throws IllegalArgumentException if the classes are malformed (an empty class, a
         *     character in two classes, the character {@value #OTHER_CLASS}), differ from the
         *     classes of an earlier pair rule, or a name already has another rule
         */
        public Recoding dipeptides(String classes, String... names) {
            Objects.requireNonNull(names, "names");
            classMap(classes);
            if (!pairClasses.isEmpty() && !pairClasses.equals(classes)) {
                throw new IllegalArgumentException("pair classes '" + classes + "' differ from"
                        + " the earlier '" + pairClasses + "'");
            }
            Set<String> withPairs = new LinkedHashSet<>(pairs);
            withPairs.addAll(Arrays.asList(names));
            return new Recoding(categorical, circular, axial, with(composition, names),
                    ignored, maxCategories, withPairs, classes);
        }

        /** Character to class name; throws on malformed classes. */
        static Map<Integer, String> classMap(String classes) {
            Objects.requireNonNull(classes, "classes");
            Map<Integer, String> map = new HashMap<>();
            for (String c : classes.split("\\|", -1)) {
                if (c.isEmpty()) {
                    throw new IllegalArgumentException("empty class in '" + classes + "'");
                }
                String name = new String(Character.toChars(c.codePointAt(0)));
                c.codePoints().forEach(ch -> {
                    if (OTHER_CLASS.codePointAt(0) == ch || map.put(ch, name) != null) {
                        throw new IllegalArgumentException("character '"
                                + new String(Character.toChars(ch)) + "' is '" + OTHER_CLASS
                                + "' or in two classes of '" + classes + "'");
                    }
                });
            }
            return map;
        }

        /**
         * Returns this recoding with the named attributes left out.
         *
         * @param names attribute names
         * @return the extended recoding
         * @throws IllegalArgumentException if a name already has another rule
         */
        public Recoding ignore(String... names) {
            Objects.requireNonNull(names, "names");
            return new Recoding(categorical, circular, axial, composition, with(ignored, names),
                    maxCategories, pairs, pairClasses);
        }

        /**
         * Returns this recoding with another limit on one-hot codes.
         *
         * @param limit discrete attributes with more labels are left out; at least 1
         * @return the changed recoding
         * @throws IllegalArgumentException if {@code limit < 1}
         */
        public Recoding maxCategories(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxCategories must be >= 1, got " + limit);
            }
            return new Recoding(categorical, circular, axial, composition, ignored, limit,
                    pairs, pairClasses);
        }

        /**
         * Returns the limit on one-hot codes.
         *
         * @return the largest label count of a one-hot encoded attribute
         */
        public int maxCategories() {
            return maxCategories;
        }

        /**
         * Returns every attribute name that a rule of this recoding names, sorted; empty for
         * {@link #none()}.
         *
         * @return the names
         */
        public Set<String> attributes() {
            Set<String> names = new TreeSet<>(categorical);
            names.addAll(circular);
            names.addAll(axial);
            names.addAll(composition);
            names.addAll(ignored);
            return Collections.unmodifiableSet(names);
        }

        /**
         * Describes the rules in words, one clause per kind of rule that names an attribute,
         * such as {@code "categorical: chem, valence"}; {@code "as stored"} for
         * {@link #none()}.
         *
         * @return a one-line description for people
         */
        public String describe() {
            List<String> clauses = new ArrayList<>();
            clause(clauses, "categorical", categorical);
            clause(clauses, "circular", circular);
            clause(clauses, "axial", axial);
            clause(clauses, "composition", composition);
            clause(clauses, "left out", ignored);
            if (!pairs.isEmpty()) {
                clauses.add("pairs over " + pairClasses + ": "
                        + String.join(", ", new TreeSet<>(pairs)));
            }
            return clauses.isEmpty() ? "as stored" : String.join("; ", clauses);
        }

        private static void clause(List<String> clauses, String rule, Set<String> names) {
            if (!names.isEmpty()) {
                clauses.add(rule + ": " + String.join(", ", new TreeSet<>(names)));
            }
        }

        @Override
        public String toString() {
            return "Recoding[categorical=" + new TreeSet<>(categorical) + ", circular="
                    + new TreeSet<>(circular) + ", axial=" + new TreeSet<>(axial)
                    + ", composition=" + new TreeSet<>(composition) + ", ignored="
                    + new TreeSet<>(ignored) + ", maxCategories=" + maxCategories
                    + (pairs.isEmpty() ? "" : ", pairs=" + new TreeSet<>(pairs) + " over "
                    + pairClasses) + "]";
        }

        private Set<String> with(Set<String> rule, String... names) {
            Set<String> result = new LinkedHashSet<>(rule);
            for (String name : names) {
                Objects.requireNonNull(name, "attribute name");
                if (!rule.contains(name) && (categorical.contains(name)
                        || circular.contains(name) || axial.contains(name)
                        || composition.contains(name) || ignored.contains(name))) {
                    throw new IllegalArgumentException("attribute '" + name + "' already has"
                            + " a rule in " + this);
                }
                result.add(name);
            }
            return result;
        }

        /** Rewrites the resolved values of the graphs in place; returns the notes. */
        List<String> apply(List<RawGraph> graphs) {
            if (categorical.isEmpty() && circular.isEmpty() && axial.isEmpty()
                    && composition.isEmpty() && ignored.isEmpty()) {
                return List.of();
            }
            Set<String> seen = new LinkedHashSet<>();
            // An undirected edge stores one map under both ordered pairs: rewrite it once.
            Map<Map<String, Object>, Map<String, Object>> done = new IdentityHashMap<>();
            for (RawGraph g : graphs) {
                for (int v = 0; v < g.nodes.size(); v++) {
                    g.nodes.set(v, rewrite(g, g.nodes.get(v), seen));
                }
                for (Map.Entry<Long, Map<String, Object>> e : g.edges.entrySet()) {
                    Map<String, Object> before = e.getValue();
                    Map<String, Object> after = done.get(before);
                    if (after == null) {
                        after = rewrite(g, before, seen);
                        done.put(before, after);
                    }
                    e.setValue(after);
                }
                if (!axial.isEmpty()) {
                    mergeAxialPairs(g);
                }
            }
            List<String> notes = new ArrayList<>();
            note(notes, categorical, seen, "read as categories (one-hot)");
            note(notes, circular, seen, "read as an angle modulo 2 pi: channels '%1$s:cos',"
                    + " '%1$s:sin'");
            note(notes, axial, seen, "read as a line orientation modulo pi: channels"
                    + " '%1$s:cos2', '%1$s:sin2'");
            note(notes, composition, seen, "read as its character composition (one-hot"
                    + " channels hold fractions)");
            note(notes, ignored, seen, "left out by the recoding");
            note(notes, pairs, seen, "also read as its adjacent pairs over the classes "
                    + pairClasses.replace("%", "%%") + " (one-hot channels '%1$s"
                    + PAIRS_SUFFIX + "=XY' hold fractions)");
            return notes;
        }

        /** Adds a note per named attribute; {@code what} may name it as {@code %1$s}. */
        private static void note(List<String> notes, Set<String> rule, Set<String> seen,
                String what) {
            for (String name : new TreeSet<>(rule)) {
                notes.add(seen.contains(name)
                        ? "attribute '" + name + "' " + String.format(Locale.ROOT, what, name)
                        : "recoding names attribute '" + name + "', which no node or edge"
                        + " carries");
            }
        }

        private Map<String, Object> rewrite(RawGraph g, Map<String, Object> item,
                Set<String> seen) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : item.entrySet()) {
                String name = a.getKey();
                Object value = a.getValue();
                seen.add(name);
                if (ignored.contains(name)) {
                    continue;
                } else if (categorical.contains(name) && value instanceof Double d) {
                    result.put(name, numberLabel(d));
                } else if (circular.contains(name) || axial.contains(name)) {
                    if (!(value instanceof Double d)) {
                        throw new IllegalArgumentException("attribute '" + name + "' of graph '"
                                + g.name + "' is the text '" + value + "'; an angle must be a"
                                + " number in radians");
                    }
                    boolean line = axial.contains(name);
                    double t = line ? 2 * d : d;
                    result.put(name + (line ? ":cos2" : ":cos"), Math.cos(t));
                    result.put(name + (line ? ":sin2" : ":sin"), Math.sin(t));
                } else if (composition.contains(name)) {
                    if (!(value instanceof String text)) {
                        throw new IllegalArgumentException("attribute '" + name + "' of graph '"
                                + g.name + "' is the number " + value + "; a composition needs"
                                + " text");
                    }
                    result.put(name, characterComposition(text));
                    if (pairs.contains(name)) {
                        result.put(name + PAIRS_SUFFIX, pairComposition(text,
                                classMap(pairClasses)));
                    }
                } else {
                    result.put(name, value);
                }
            }
            return result;
        }

        private static AttributeEncoding.LabelWeights characterComposition(String text) {
            Map<String, Double> counts = new TreeMap<>();
            text.codePoints().forEach(c -> counts.merge(new String(Character.toChars(c)), 1.0,
                    Double::sum));
            double length = text.codePointCount(0, text.length());
            counts.replaceAll((c, n) -> n / length);
            return new AttributeEncoding.LabelWeights(counts);
        }

        /**
         * The fractions of the adjacent class pairs of a text; empty below two characters.
         */
        static AttributeEncoding.LabelWeights pairComposition(String text,
                Map<Integer, String> classes) {
            int[] chars = text.codePoints().toArray();
            Map<String, Double> counts = new TreeMap<>();
            for (int i = 0; i + 1 < chars.length; i++) {
                counts.merge(classes.getOrDefault(chars[i], OTHER_CLASS)
                        + classes.getOrDefault(chars[i + 1], OTHER_CLASS), 1.0, Double::sum);
            }
            counts.replaceAll((c, n) -> n / (chars.length - 1));
            return new AttributeEncoding.LabelWeights(counts);
        }

        /** Gives the reverse pair the first pair's values when only axial rounding differs. */
        private void mergeAxialPairs(RawGraph g) {
            for (Map.Entry<Long, Map<String, Object>> e : g.edges.entrySet()) {
                long p = e.getKey();
                int i = RawGraph.source(p);
                int j = RawGraph.target(p);
                Map<String, Object> reverse = g.edges.get(RawGraph.pair(j, i));
                if (i < j && reverse != null && reverse != e.getValue()
                        && agreeUpToAxialRounding(e.getValue(), reverse)) {
                    g.edges.put(RawGraph.pair(j, i), e.getValue());
                }
            }
        }

        private boolean agreeUpToAxialRounding(Map<String, Object> a, Map<String, Object> b) {
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (Map.Entry<String, Object> x : a.entrySet()) {
                Object y = b.get(x.getKey());
                String name = x.getKey();
                int colon = name.lastIndexOf(':');
                boolean isAxial = colon > 0 && axial.contains(name.substring(0, colon));
                if (isAxial && x.getValue() instanceof Double u && y instanceof Double w) {
                    if (Math.abs(u - w) > AXIAL_TOLERANCE) {
                        return false;
                    }
                } else if (!x.getValue().equals(y)) {
                    return false;
                }
            }
            return true;
        }
    }
}
