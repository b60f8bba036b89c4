package org.orbifold.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.orbifold.match.Alignment;
import org.orbifold.space.Graph;
import org.orbifold.space.Permutation;

/**
 * Draws graphs as a standalone SVG 1.1 document: a grid of square panels, one per graph, each
 * with a short title above it, or two panels side by side joined by the node matching of an
 * alignment. The document is well-formed XML in UTF-8 with no external references (no
 * DOCTYPE, no scripts, no images), so any XML parser, browser or SVG converter reads it.
 *
 * <p><b>What is drawn.</b> Every node whose existence ({@link Presence#nodeExistence}) is
 * at least {@link Presence#LEAST_DIVISOR} ({@code 1e-12}) is a circle, with the existence (a
 * probability on a Fréchet mean or median, 1 on the graphs of a data set) as its opacity,
 * clamped to 1; a node of smaller existence, such as a null node of a mean (0), is not drawn
 * (it would have opacity 0), and when no channel tells existence (no
 * {@code exists} channel and no leading one-hot group), a node with all attributes 0 and no
 * edge is taken for padding and not drawn either. Every edge between two drawn nodes whose presence
 * ({@link Presence#edgePresence}) is positive is a straight line; when the presence is a
 * probability (the {@code edge} channel, or a leading one-hot group such as bond types), it
 * sets the line's opacity and width (a certain edge is {@value #MAX_EDGE_WIDTH} units wide),
 * otherwise every edge is drawn alike. A node's text is, for each one-hot node group
 * (channels named {@code group=label}, such as {@code label=C} of a molecule), the label of
 * largest positive value, joined by {@code /}, with the node's opacity; nodes with numeric
 * channels only carry no text. The first one-hot group also chooses the node's fill colour,
 * by the label's position, a different colour for every label ({@link NodePalette}: ten fixed
 * colours, then a sequence of colours that stand out from the white page at least as well as
 * the lightest of the ten, the node text being drawn above the circle, on the page); a node
 * without a positive label of that group, and every node when there is no one-hot group, is
 * filled {@code #5b8fd0}.
 *
 * <p><b>Where nodes go.</b> When the node channels include the numeric channels {@code x} and
 * {@code y} (the project's letters, IAM Letter), every node is drawn at its coordinates, y
 * pointing up, given that it exists when existence is a probability
 * ({@link Presence#given}: each divided by the node's existence, so that a node of a mean
 * that half the graphs have at {@code (10, 10)} is drawn there, not at {@code (5, 5)}; on a
 * data set's graphs, of existence 1, the coordinates as they are; as they are on every graph
 * after {@link #withCoordinatesGivenExistence withCoordinatesGivenExistence(false)}), with
 * one scale and one
 * offset for all panels of a document (so drawings of several graphs, or of a graph and a
 * mean, compare at a glance); the drawn nodes of all panels
 * fill the panels, the aspect ratio kept, whatever the coordinates' range (a span beyond the
 * largest double is scaled without overflow). Otherwise each graph is laid out by stress
 * majorization (Gansner, Koren and North, "Graph Drawing by Stress Majorization", Graph
 * Drawing 2004; {@link StressLayout}): the layout edges are the drawn edges of presence at
 * least 0.5 when presence is a probability, every drawn edge otherwise, and the drawn nodes
 * are placed so that the distance between any two is as close as can be to the number of
 * layout edges on a shortest path between them, relative to that number, which draws rings
 * as near-regular polygons, chains about straight and nodes apart. The layout starts from
 * classical multidimensional scaling of those distances, in the plane of its two leading
 * axes and in the planes of the first or second and the third (a ring that the leading
 * plane sees edge-on shows in another), keeps the result of least stress, and is scaled to
 * fill its panel. The seed moves the starts by at most 0.01 edge lengths, so that nodes the
 * distances cannot tell apart (the two oxygens of a nitro group) part; another seed draws
 * the same shapes, but such nodes may part the other way, a symmetric drawing may come out
 * turned or mirrored, and nodes may move by a few units.
 * When the layout edges fall into several connected parts (a salt's ions, the fragments of a
 * mean joined only by unlikely edges, single nodes), each part of two or more nodes is laid
 * out so on its own and scaled so that its mean layout edge is one unit long, the single
 * nodes are put in a square grid of one unit, and these blocks, larger parts first and the
 * grid last, are placed left to right, one unit apart, in rows as wide as the square root of
 * their area (gaps included) or the widest block; the whole is then scaled to fill the panel.
 * A connected graph is one part, laid out and scaled as above. In an alignment drawn this
 * way, the second graph's layout starts with each node at the place of the first graph's
 * node matched to it, and its other nodes at their scaling's places fitted to those by a
 * rotation, reflection, scaling and shift (one start only), so that matched nodes tend to
 * sit at the same places of the two panels (less so when packing moves its parts); a graph
 * aligned with itself is drawn twice at the same places, within a unit.
 * Graphs of one frame ({@link #graphsInOneFrame}: the mean and the points of a principal
 * geodesic, the predictions of a regression, a center and the medoid aligned to it) share
 * one layout instead: the slots of the frame that some panel draws a node in are laid out
 * once, as above, two of them joined by a layout edge when some panel joins its nodes there
 * by one (the union of the panels' layout edges), and the whole is scaled to fill a panel;
 * every panel then draws its own nodes and edges at their slots' places, so that a slot sits
 * at the same point of every panel that draws it and a reader sees from panel to panel what
 * changes. A grid of unrelated graphs ({@link #graphs}) lays out each graph on its own.
 *
 * <p><b>Structure, for scripts.</b> Panel {@code k} (from 0, in the order given) is a group
 * {@code <g id="pK" class="panel">} holding a {@code <title>} with the panel's full title
 * whole when the text shown is not that (a title cut to fit, or a full title that does not
 * fit, such as {@code render}'s with the graph's name), a {@code <text class="title">}, the
 * edges as
 * {@code <line id="pK-eI-J" class="edge">} ({@code I < J}) and the nodes as
 * {@code <circle id="pK-nI" class="node">}, where {@code I} and {@code J} are node indices of
 * the graph, followed by the node texts as {@code <text class="label">}. A document heading,
 * when there is one, is a {@code <text class="heading">} above the panels and the document's
 * {@code <title>}. The matching of an alignment is drawn as
 * {@code <line id="mI-J" class="match">} from node {@code I} of the first graph to node
 * {@code J} of the second, dashed, one per matched pair of drawn nodes; a node matched to a
 * padding node (a node beyond the other graph's order) gets none.
 *
 * <p><b>Text.</b> Titles, the heading and node texts are escaped for XML ({@code &}, {@code <},
 * {@code >}, quotes); characters that cannot be seen for what they are
 * ({@link TextFiles#isHidden}: control characters, spaces other than U+0020, invisible format
 * characters, noncharacters such as U+FFFE and U+FFFF) and unpaired surrogates, which
 * well-formed XML cannot hold or a reader would not see, are written as the command
 * line's text output shows them: a tab, a line feed and a carriage return as {@code \t},
 * {@code \n} and {@code \r}, the others as a backslash, {@code u} and four hexadecimal
 * digits, or beyond U+FFFF (an invisible tag character alone) a capital {@code U} and eight,
 * as one escape ({@link TextFiles#shownCodePoint}). The one exception is an emoji sequence
 * (a flag's two regional indicators, or pictographs with their skin-tone modifiers and
 * variation selectors joined by the zero-width joiner, such as a family), which shows as one
 * glyph and is written as it is.
 * Text widths are counted in columns: a character takes one, and a wide character (the East
 * Asian wide and fullwidth characters of Unicode Standard Annex 11, that is CJK ideographs,
 * kana, Hangul and fullwidth forms, and emoji) or an emoji sequence takes two, as a terminal
 * shows them. A title wider than {@value #MAX_TITLE_LENGTH} columns (once escaped) is cut on
 * a whole character, emoji sequence or escape and ends with {@code ...}, so that it fits its
 * panel; a heading
 * is split into lines ({@code <tspan>} elements of one {@code <text>}) that fit the
 * document's width by an estimate of 8.45 units (0.65 em) per column, at most
 * {@value #MAX_HEADING_LINES}, the last cut with {@code ...}; the document's {@code <title>}
 * keeps it whole. Widths are estimates: a text of many wide Latin letters (such as {@code W})
 * may still run over, and node texts are not cut to their neighbours.
 *
 * <p><b>Determinism.</b> The same graphs, titles, channels and seed give byte-identical
 * documents: coordinates and sizes are written with two decimals and opacities with three,
 * in the root locale, and the layout's only randomness is the seed's.
 *
 * <p><b>Limitations.</b> On graphs that are no weighted means of aligned graphs (the points of a
 * principal geodesic beyond the mean, a regression's predictions) coordinates given existence are a
 * reading of a linear model: a node of small existence may land outside the data's range and, as
 * every panel of a document shares one scale, shrink the others (on the letters' first principal
 * geodesic, a node of existence 0.022 at -1 sd went to a panel's edge and squeezed the rest into a
 * quarter of it), so such drawings place nodes by their raw coordinates
 * ({@link #withCoordinatesGivenExistence}), where a node of low existence is pulled towards the
 * origin. Directed edges are drawn without arrows, and a pair of nodes joined in both directions
 * gets one line, whose presence is the larger of the two; edge attributes other than presence are
 * not shown, nor numeric node channels other than {@code x} and {@code y}. The layout does not
 * count crossings: a bridged ring system (two rings sharing more than one bond, as in norbornane)
 * and rings crowded with substituents may be drawn with an edge crossing another (9 of the first
 * 100 drawings of AIDS, 3 of Mutagenicity's, none of MUTAG's; docs/performance.md). Stress
 * majorization takes memory quadratic and time cubic in the number of nodes of a part, so a
 * connected part of more than
 * {@value #STRESS_LAYOUT_LIMIT} nodes is laid out by JGraphT's Fruchterman and Reingold layout
 * ({@link FRLayoutAlgorithm2D}: 100 iterations from random points of
 * the seed in a box of the panel's size, normalization factor 0.5, shrunk by 0.6 down to 0.108
 * while more than one node in 20 is held at the box's border), in memory linear but time
 * quadratic per iteration: its rings are not regular, its edges uneven and crossing, it
 * ignores the start points of an alignment, and parts of thousands of nodes still take tens
 * of seconds. A long chain
 * fills the panel's width and leaves its edges short, and a large molecule's nodes touch,
 * since every panel has the same size. In a drawing of one frame, each panel is drawn on
 * the layout of all panels' edges together: where the panels join their slots differently
 * (the far ends of a principal geodesic, a regression's extreme predictions) a panel's rings
 * may come out squashed and its edges uneven or crossing, where it alone would be drawn
 * clean, and a panel that draws few of the slots fills little of its area. Node texts are
 * small and may overlap in dense drawings.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SvgDrawing {

    /** Width and height of a panel's drawing area, in SVG user units. */
    public static final double PANEL_SIZE = 240.0;

    /** Height of the title band above each panel. */
    public static final double TITLE_HEIGHT = 18.0;

    /** Height of the heading band above all panels, when there is a one-line heading. */
    public static final double HEADING_HEIGHT = 22.0;

    /** Height that each further line of a heading adds to its band. */
    public static final double HEADING_LINE_HEIGHT = 16.0;

    /** Width of the line of an edge of presence 1 (a certain edge). */
    public static final double MAX_EDGE_WIDTH = 2.5;

    /**
     * Most columns of a panel title kept before it is cut (a wide character takes two): as
     * many as fit the panel at about 0.6 em (6.6 units) per column of the title's 11-unit
     * font.
     */
    public static final int MAX_TITLE_LENGTH = 34;

    /** Most lines of a heading; text beyond them is cut. */
    public static final int MAX_HEADING_LINES = 3;

    /** Estimated width of a column of the heading's 13-unit bold font (0.65 em). */
    static final double HEADING_CHARACTER_WIDTH = 8.45;

    /** Space between the document's or a panel's left edge and its texts. */
    private static final double TEXT_INDENT = 6.0;

    /** Default number of panels per row. */
    public static final int DEFAULT_COLUMNS = 4;

    /** Space between a panel's border and its outermost node centers. */
    private static final double MARGIN = 16.0;

    private static final double NODE_RADIUS = 5.0;

    private static final double PLAIN_EDGE_WIDTH = 1.5;

    /**
     * Space between two connected parts packed in one panel, and between single nodes, in
     * units of the parts' mean layout edge length.
     */
    private static final double PACK_GAP = 1.0;

    /**
     * Most nodes of a connected part that stress majorization lays out; a larger part is laid
     * out by Fruchterman and Reingold instead. Stress takes time cubic and memory quadratic
     * in the part's nodes (a random tree of 1,000 nodes about 5 s for {@code render}, 3,000
     * nodes 73 s, and a path of 15,000 nodes ran out of 5.6 GB), the force-directed layout
     * time quadratic per iteration and memory linear in the nodes and edges (8.5 s for 1,001
     * nodes, 28 s for 2,000, 34 s for 3,000; docs/performance.md).
     */
    public static final int STRESS_LAYOUT_LIMIT = 1000;

    /** Iterations of the Fruchterman and Reingold layout of a part past the limit. */
    private static final int FORCE_ITERATIONS = FRLayoutAlgorithm2D.DEFAULT_ITERATIONS;

    /**
     * Factor by which the force-directed layout's normalization factor shrinks while its box
     * holds too many nodes at its border, as it does for sparse graphs.
     */
    private static final double FORCE_SHRINK = 0.6;

    /** Least normalization factor of the force-directed layout tried (0.5, 0.3, 0.18, 0.108). */
    private static final double MIN_FORCE_NORMALIZATION = 0.1;

    /**
     * The ranges, as pairs of first and last code point, of the symbols between
     * {@code U+2300} and {@code U+2BFF} that show as emoji by default and so take two columns
     * (Unicode's East Asian Width data marks them wide).
     */
    private static final int[] WIDE_BMP_SYMBOLS = {
        0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693,
        0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
        0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
        0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
        0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0,
        0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
    };

    /** Least presence of an edge that is a layout edge, when it is a probability. */
    private static final double LAYOUT_PRESENCE = 0.5;

    private static final String PLAIN_FILL = NodePalette.UNLABELLED;

    private static final String STYLE = ".panel-frame{fill:none;stroke:#d0d0d0;stroke-width:1}"
            + " .edge{stroke:#333333;stroke-linecap:round}"
            + " .node{stroke:#222222;stroke-width:0.8}"
            + " .match{stroke:#c0392b;stroke-width:0.8;stroke-dasharray:3,2;opacity:0.7}"
            + " .title{font-size:11px;fill:#111111}"
            + " .heading{font-size:13px;font-weight:bold;fill:#111111}"
            + " .label{font-size:8px;text-anchor:middle;fill:#000000}";

    private final List<String> nodeChannels;
    private final List<String> edgeChannels;
    private final long seed;
    private final int columns;
    private final Presence existence;
    private final Presence presence;
    private final List<ChannelGroup> oneHotGroups;

    /** Fill colours of the labels of the first one-hot node group, by label position. */
    private final List<String> palette;
    private final int xChannel;
    private final int yChannel;
    /** Most nodes of a connected part laid out by stress majorization. */
    private final int stressLimit;
    /** Whether coordinates are given existence ({@link #withCoordinatesGivenExistence}). */
    private final boolean givenExistence;

    private SvgDrawing(List<String> nodeChannels, List<String> edgeChannels, long seed,
            int columns) {
        this(nodeChannels, edgeChannels, seed, columns, STRESS_LAYOUT_LIMIT, true);
    }

    private SvgDrawing(List<String> nodeChannels, List<String> edgeChannels, long seed,
            int columns, int stressLimit, boolean givenExistence) {
        this.stressLimit = stressLimit;
        this.givenExistence = givenExistence;
        this.nodeChannels = List.copyOf(nodeChannels);
        this.edgeChannels = List.copyOf(edgeChannels);
        this.seed = seed;
        this.columns = columns;
        this.existence = Presence.nodeExistence(this.nodeChannels);
        this.presence = Presence.edgePresence(this.edgeChannels);
        List<ChannelGroup> groups = new ArrayList<>();
        for (ChannelGroup group : GraphDataset.groupsOf(this.nodeChannels, "node")) {
            if (group.isOneHot()) {
                groups.add(group);
            }
        }
        this.oneHotGroups = List.copyOf(groups);
        this.palette = NodePalette.colours(groups.isEmpty() ? 0 : groups.get(0).size());
        int x = this.nodeChannels.indexOf("x");
        int y = this.nodeChannels.indexOf("y");
        this.xChannel = x >= 0 && y >= 0 ? x : -1;
        this.yChannel = x >= 0 && y >= 0 ? y : -1;
    }

    /**
     * Returns a drawing of graphs with these channels, seed 42 and
     * {@value #DEFAULT_COLUMNS} panels per row.
     *
     * @param nodeChannels the node channel names, by the rules of {@link GraphDataset}
     * @param edgeChannels the edge channel names
     * @return the drawing
     * @throws IllegalArgumentException if the names break {@link GraphDataset}'s rules
     */
    public static SvgDrawing of(List<String> nodeChannels, List<String> edgeChannels) {
        Objects.requireNonNull(nodeChannels, "nodeChannels");
        Objects.requireNonNull(edgeChannels, "edgeChannels");
        GraphDataset.groupsOf(edgeChannels, "edge");
        return new SvgDrawing(nodeChannels, edgeChannels, 42L, DEFAULT_COLUMNS);
    }

    /**
     * Returns this drawing with another seed for the layout (see the class description).
     *
     * @param newSeed the seed
     * @return the drawing
     */
    public SvgDrawing withSeed(long newSeed) {
        return new SvgDrawing(nodeChannels, edgeChannels, newSeed, columns, stressLimit,
                givenExistence);
    }

    /**
     * Returns this drawing with another most number of nodes of a connected part laid out by
     * stress majorization ({@value #STRESS_LAYOUT_LIMIT} by default), for tests of the
     * force-directed layout of larger parts on small graphs.
     */
    SvgDrawing withStressLimit(int newLimit) {
        return new SvgDrawing(nodeChannels, edgeChannels, seed, columns, newLimit,
                givenExistence);
    }

    /**
     * Returns this drawing placing nodes by their {@code x} and {@code y} channels given that
     * the node exists ({@code true}, the default: divided by the existence when that is a
     * probability, right for data sets and weighted means such as Fréchet means, medians and
     * cluster centers) or as they are ({@code false}: for graphs that are no weighted means,
     * such as the points of a principal geodesic or a regression's predictions, where the
     * quotient of a node of small existence may land far outside the data's range).
     *
     * @param given whether coordinates are given existence
     * @return the drawing
     */
    public SvgDrawing withCoordinatesGivenExistence(boolean given) {
        return new SvgDrawing(nodeChannels, edgeChannels, seed, columns, stressLimit, given);
    }

    /**
     * Returns this drawing with another number of panels per row.
     *
     * @param newColumns at least 1
     * @return the drawing
     * @throws IllegalArgumentException if {@code newColumns < 1}
     */
    public SvgDrawing withColumns(int newColumns) {
        if (newColumns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + newColumns);
        }
        return new SvgDrawing(nodeChannels, edgeChannels, seed, newColumns, stressLimit,
                givenExistence);
    }

    /**
     * Draws graphs in a grid of panels, row by row, at most the configured number per row.
     *
     * @param heading a line above all panels, or null for none
     * @param graphs the graphs, at least one, with the channels of this drawing
     * @param titles one title per graph, not null ({@code ""} for none)
     * @return the SVG document
     * @throws NullPointerException if {@code graphs} or {@code titles} is null
     * @throws IllegalArgumentException if there are no graphs, the counts differ, a graph or
     *     a title is null (naming its index), or a graph's dimensions do not match the
     *     channels
     */
    public String graphs(String heading, List<Graph> graphs, List<String> titles) {
        return graphs(heading, graphs, titles, titles);
    }

    /**
     * Draws graphs in a grid of panels, as {@link #graphs(String, List, List)} does, each with
     * a short title and a full one (such as one that adds the graph's name): the full title is
     * shown above the panel when it fits in {@value #MAX_TITLE_LENGTH} columns, else the short
     * one (cut as any title); whenever what is shown is not the full title whole, the panel's
     * group starts with a {@code <title>} element that holds it whole, which browsers show as
     * the panel's tooltip.
     *
     * @param heading a line above all panels, or null for none
     * @param graphs the graphs, at least one, with the channels of this drawing
     * @param titles one short title per graph, not null ({@code ""} for none)
     * @param fullTitles one full title per graph, not null
     * @return the SVG document
     * @throws NullPointerException if {@code graphs}, {@code titles} or {@code fullTitles} is
     *     null
     * @throws IllegalArgumentException as {@link #graphs(String, List, List)} throws, or if
     *     the counts of full titles and graphs differ or a full title is null
     */
    public String graphs(String heading, List<Graph> graphs, List<String> titles,
            List<String> fullTitles) {
        requireGraphs(graphs, titles);
        requireFullTitles(graphs, fullTitles);
        return grid(heading, panels(graphs, titles, fullTitles, null, null));
    }

    /** Checks that there is a full title for every graph. */
    private static void requireFullTitles(List<Graph> graphs, List<String> fullTitles) {
        Objects.requireNonNull(fullTitles, "fullTitles");
        if (fullTitles.size() != graphs.size()) {
            throw new IllegalArgumentException("one full title per graph needed: "
                    + graphs.size() + " graphs, " + fullTitles.size() + " full titles");
        }
        for (int i = 0; i < fullTitles.size(); i++) {
            if (fullTitles.get(i) == null) {
                throw new IllegalArgumentException("fullTitles[" + i + "] is null");
            }
        }
    }

    /**
     * Draws graphs of one frame in a grid of panels, as {@link #graphs} does, but with one
     * layout for all: node {@code i} of every graph fills slot {@code i} of the frame (such
     * as the mean and the points of a principal geodesic, or the predictions of a
     * regression), and a slot sits at the same point of every panel that draws it.
     *
     * @param heading a line above all panels, or null for none
     * @param graphs the graphs, at least one, with the channels of this drawing
     * @param titles one title per graph, not null ({@code ""} for none)
     * @return the SVG document
     * @throws NullPointerException if {@code graphs} or {@code titles} is null
     * @throws IllegalArgumentException as {@link #graphs} throws
     */
    public String graphsInOneFrame(String heading, List<Graph> graphs, List<String> titles) {
        requireGraphs(graphs, titles);
        List<Permutation> identities = new ArrayList<>();
        for (Graph g : graphs) {
            identities.add(Permutation.identity(g.order()));
        }
        return graphsInOneFrame(heading, graphs, titles, identities);
    }

    /**
     * Draws graphs aligned to one frame in a grid of panels, as {@link #graphs} does, but with
     * one layout for all (see the class description): graph {@code k} fills the frame as its
     * alignment {@code p} relabels it ({@link Graph#permute}), node {@code p(i)} in slot
     * {@code i}, and a slot sits at the same point of every panel that draws it. Panels keep
     * the graphs' own node indices in their identifiers.
     *
     * @param heading a line above all panels, or null for none
     * @param graphs the graphs, at least one, with the channels of this drawing
     * @param titles one title per graph, not null ({@code ""} for none)
     * @param alignments one permutation per graph, of size at least its order, that puts
     *     node {@code p(i)} in slot {@code i} (an identity for a graph in the frame already)
     * @return the SVG document
     * @throws NullPointerException if {@code graphs}, {@code titles} or {@code alignments}
     *     is null
     * @throws IllegalArgumentException as {@link #graphs} throws, or if the counts of
     *     alignments and graphs differ, or an alignment is null or shorter than its graph's
     *     order (naming its index)
     */
    public String graphsInOneFrame(String heading, List<Graph> graphs, List<String> titles,
            List<Permutation> alignments) {
        requireGraphs(graphs, titles);
        Objects.requireNonNull(alignments, "alignments");
        if (alignments.size() != graphs.size()) {
            throw new IllegalArgumentException("one alignment per graph needed: "
                    + graphs.size() + (graphs.size() == 1 ? " graph, " : " graphs, ")
                    + alignments.size() + (alignments.size() == 1 ? " alignment"
                            : " alignments"));
        }
        int[][] slots = new int[graphs.size()][];
        for (int k = 0; k < graphs.size(); k++) {
            Permutation p = alignments.get(k);
            if (p == null) {
                throw new IllegalArgumentException("alignments[" + k + "] is null");
            }
            int order = graphs.get(k).order();
            if (p.size() < order) {
                throw new IllegalArgumentException("alignments[" + k + "] has size " + p.size()
                        + ", less than the order " + order + " of graphs[" + k + "]");
            }
            slots[k] = Arrays.copyOf(p.inverse().toArray(), order);
        }
        return grid(heading, panels(graphs, titles, titles, null, slots));
    }

    /** Checks the graphs and titles of a grid, as {@link #graphs} documents. */
    private void requireGraphs(List<Graph> graphs, List<String> titles) {
        Objects.requireNonNull(graphs, "graphs");
        Objects.requireNonNull(titles, "titles");
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("no graphs to draw");
        }
        if (titles.size() != graphs.size()) {
            throw new IllegalArgumentException("one title per graph needed: " + graphs.size()
                    + (graphs.size() == 1 ? " graph, " : " graphs, ") + titles.size()
                    + (titles.size() == 1 ? " title" : " titles"));
        }
        for (int i = 0; i < graphs.size(); i++) {
            if (graphs.get(i) == null) {
                throw new IllegalArgumentException("graphs[" + i + "] is null");
            }
            if (titles.get(i) == null) {
                throw new IllegalArgumentException("titles[" + i + "] is null; give \"\" for"
                        + " no title");
            }
            requireChannels(graphs.get(i));
        }
    }

    /** Arranges placed panels in a grid under the heading and writes the document. */
    private String grid(String heading, List<Panel> panels) {
        int perRow = Math.min(columns, panels.size());
        int rows = (panels.size() + perRow - 1) / perRow;
        List<String> lines = heading == null ? List.of()
                : headingLines(heading, perRow * PANEL_SIZE);
        arrange(panels, perRow, headingBand(lines));
        return document(heading, lines, panels, perRow, rows, "");
    }

    /**
     * Draws two graphs side by side, the first on the left, with a dashed line from each node
     * of the first to the node of the second that the alignment matches it with; the heading
     * gives the alignment's distance and whether it is proven optimal.
     *
     * @param caption words that start the heading, such as which graphs these are, or null
     * @param first the first graph (node {@code i} matched with node {@code p(i)} of the
     *     second)
     * @param firstTitle the first panel's title
     * @param second the second graph
     * @param secondTitle the second panel's title
     * @param alignment an alignment of the two graphs in some space
     * @return the SVG document
     * @throws IllegalArgumentException if a graph's dimensions do not match the channels or
     *     the permutation is shorter than the first graph's order or than the second's
     */
    public String alignment(String caption, Graph first, String firstTitle, Graph second,
            String secondTitle, Alignment alignment) {
        Objects.requireNonNull(firstTitle, "firstTitle");
        Objects.requireNonNull(secondTitle, "secondTitle");
        return alignment(caption, first, second, List.of(firstTitle, secondTitle),
                List.of(firstTitle, secondTitle), alignment);
    }

    /**
     * Draws two graphs side by side, as
     * {@link #alignment(String, Graph, String, Graph, String, Alignment)} does, each panel
     * with a short and a full title shown as {@link #graphs(String, List, List, List)} shows
     * them.
     *
     * @param caption words that start the heading, such as which graphs these are, or null
     * @param first the first graph (node {@code i} matched with node {@code p(i)} of the
     *     second)
     * @param second the second graph
     * @param titles the short titles of the first and the second panel
     * @param fullTitles the full titles of the first and the second panel
     * @param alignment an alignment of the two graphs in some space
     * @return the SVG document
     * @throws IllegalArgumentException if a graph's dimensions do not match the channels,
     *     there are not two titles and two full titles, one of them is null, or the
     *     permutation is shorter than the first graph's order or than the second's
     */
    public String alignment(String caption, Graph first, Graph second, List<String> titles,
            List<String> fullTitles, Alignment alignment) {
        Objects.requireNonNull(fullTitles, "fullTitles");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(alignment, "alignment");
        requireGraphs(List.of(first, second), titles);
        requireFullTitles(List.of(first, second), fullTitles);
        requireChannels(first);
        requireChannels(second);
        Permutation p = alignment.permutation();
        if (p.size() < first.order() || p.size() < second.order()) {
            throw new IllegalArgumentException("the alignment's permutation has size "
                    + p.size() + ", less than the orders " + first.order() + " and "
                    + second.order());
        }
        List<Panel> panels = panels(List.of(first, second), titles, fullTitles, p, null);
        String heading = (caption == null ? "" : caption + ": ") + "distance "
                + NumberText.decimalOrTiny(alignment.distance(), 6)
                + (alignment.certified() ? " (proven optimal)" : " (upper bound)");
        List<String> lines = headingLines(heading, 2 * PANEL_SIZE);
        arrange(panels, 2, headingBand(lines));
        StringBuilder matches = new StringBuilder();
        Panel left = panels.get(0);
        Panel right = panels.get(1);
        for (int i = 0; i < first.order(); i++) {
            int j = p.get(i);
            if (j < second.order() && left.drawn[i] && right.drawn[j]) {
                matches.append(String.format(Locale.ROOT,
                        "<line id=\"m%d-%d\" class=\"match\" x1=\"%s\" y1=\"%s\" x2=\"%s\""
                        + " y2=\"%s\"/>%n", i, j, number(left.x[i]), number(left.y[i]),
                        number(right.x[j]), number(right.y[j])));
            }
        }
        return document(heading, lines, panels, 2, 1, matches.toString());
    }

    /** A graph placed in its panel: drawn nodes, their positions in document units. */
    private static final class Panel {
        final Graph graph;
        final String title;
        final String fullTitle;
        final boolean[] drawn;
        final double[] x;
        final double[] y;
        double left;
        double top;

        Panel(Graph graph, String title, String fullTitle) {
            this.graph = graph;
            this.title = title;
            this.fullTitle = fullTitle;
            this.drawn = new boolean[graph.order()];
            this.x = new double[graph.order()];
            this.y = new double[graph.order()];
        }
    }

    private void requireChannels(Graph g) {
        if (g.nodeDimension() != nodeChannels.size()
                || g.edgeDimension() != edgeChannels.size()) {
            throw new IllegalArgumentException("a graph has " + g.nodeDimension() + " node and "
                    + g.edgeDimension() + " edge channels, the drawing " + nodeChannels.size()
                    + " and " + edgeChannels.size());
        }
    }

    /**
     * Places the graphs: their drawn nodes, then their positions in panel-relative units
     * ({@code 0..PANEL_SIZE}), by coordinates or by layout. With a permutation (two graphs),
     * the second graph's layout starts from its partners' positions in the first; with slots
     * (node {@code i} of graph {@code k} in slot {@code slots[k][i]} of one frame), all
     * graphs share one layout of their frame ({@link #layOutFrame}).
     */
    private List<Panel> panels(List<Graph> graphs, List<String> titles,
            List<String> fullTitles, Permutation p, int[][] slots) {
        List<Panel> panels = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            Panel panel = new Panel(graphs.get(k), titles.get(k), fullTitles.get(k));
            for (int i = 0; i < panel.graph.order(); i++) {
                panel.drawn[i] = isDrawn(panel.graph, i);
            }
            panels.add(panel);
        }
        if (xChannel >= 0) {
            placeByCoordinates(panels);
        } else if (slots != null) {
            layOutFrame(panels, slots);
        } else {
            double[][] start = null;
            for (Panel panel : panels) {
                layOut(panel, start);
                if (p != null) {
                    start = partners(panel, p);
                }
            }
        }
        return panels;
    }

    /**
     * Whether a node is drawn: its existence is at least {@link Presence#LEAST_DIVISOR}, and,
     * when no channel tells
     * existence ({@link Presence#NONE}), it is no padding node (all-zero attributes and no
     * edge in either direction).
     */
    private boolean isDrawn(Graph g, int i) {
        double[] v = g.nodeVector(i);
        if (existence.measure().equals(Presence.NONE)) {
            if (g.outDegree(i) > 0) {
                return true;
            }
            for (int j = 0; j < g.order(); j++) {
                if (g.hasEdge(j, i)) {
                    return true;
                }
            }
            for (double value : v) {
                if (value != 0.0) {
                    return true;
                }
            }
            return false;
        }
        return existence.of(v) >= Presence.LEAST_DIVISOR;
    }

    /**
     * Returns the coordinates a drawn node goes to: its {@code x} and {@code y} channels given
     * that it exists ({@link Presence#given}) when existence is a probability and the drawing
     * places nodes so, else as they are.
     */
    private double[] coordinates(Graph g, int i) {
        double[] v = givenExistence ? existence.given(g.nodeVector(i)) : g.nodeVector(i);
        return new double[] {v[xChannel], v[yChannel]};
    }

    /** Maps the x and y channels of all drawn nodes into the panels, one scale for all. */
    private void placeByCoordinates(List<Panel> panels) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Panel panel : panels) {
            for (int i = 0; i < panel.graph.order(); i++) {
                if (panel.drawn[i]) {
                    double[] xy = coordinates(panel.graph, i);
                    double x = xy[0];
                    double y = xy[1];
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        for (Panel panel : panels) {
            for (int i = 0; i < panel.graph.order(); i++) {
                if (panel.drawn[i]) {
                    double[] at = coordinates(panel.graph, i);
                    double[] xy = fit(at[0], at[1], minX, maxX, minY, maxY);
                    panel.x[i] = xy[0];
                    panel.y[i] = xy[1];
                }
            }
        }
    }

    /**
     * Maps a point of the box {@code [minX, maxX] x [minY, maxY]} into a panel, y up, keeping
     * the aspect ratio and centering the box; a box without width or height is centered. The
     * spans are taken as differences of halves, which no finite coordinates overflow (the
     * span from -1.7e308 to 1.7e308 exceeds a double), and every offset is divided by the
     * larger span before it is scaled, so that no step yields an infinity or NaN.
     */
    private static double[] fit(double x, double y, double minX, double maxX, double minY,
            double maxY) {
        double inner = PANEL_SIZE - 2 * MARGIN;
        double halfX = maxX / 2 - minX / 2;
        double halfY = maxY / 2 - minY / 2;
        double half = Math.max(halfX, halfY);
        if (!(half > 0.0)) {
            return new double[] {MARGIN + inner / 2, MARGIN + inner / 2};
        }
        double px = MARGIN + (inner - halfX / half * inner) / 2
                + (x / 2 - minX / 2) / half * inner;
        double py = MARGIN + (inner - halfY / half * inner) / 2
                + (maxY / 2 - y / 2) / half * inner;
        return new double[] {px, py};
    }

    /**
     * Lays out a graph's drawn nodes and edges by stress majorization, from the points of
     * {@code start} where given (a node's row, or null for none), and scales the result to
     * fill the panel.
     */
    private void layOut(Panel panel, double[][] start) {
        int[] kept = keptNodes(panel);
        if (kept.length == 0) {
            return;
        }
        double[][] given = null;
        if (start != null) {
            given = new double[kept.length][];
            for (int a = 0; a < kept.length; a++) {
                given[a] = start[kept[a]];
            }
        }
        double[][] xy = place(layoutEdges(panel.graph, kept), given);
        double[] box = bounds(xy);
        for (int a = 0; a < kept.length; a++) {
            setPlace(panel, kept[a], xy[a], box);
        }
    }

    /**
     * Lays out the slots of one frame once for all panels, and puts each panel's drawn nodes
     * at their slots' places. The slots laid out are those of a node drawn in some panel;
     * two of them are joined by a layout edge when some panel joins the nodes in them by one
     * ({@link #layoutEdges}). The layout is {@link #place}'s, from no start, scaled to fill a
     * panel as a whole, so that a slot sits at the same point of every panel that draws it.
     */
    private void layOutFrame(List<Panel> panels, int[][] slots) {
        int size = 0;
        for (int[] row : slots) {
            for (int slot : row) {
                size = Math.max(size, slot + 1);
            }
        }
        boolean[] used = new boolean[size];
        for (int k = 0; k < panels.size(); k++) {
            for (int i : keptNodes(panels.get(k))) {
                used[slots[k][i]] = true;
            }
        }
        int[] position = new int[size];
        int count = 0;
        for (int slot = 0; slot < size; slot++) {
            position[slot] = used[slot] ? count++ : -1;
        }
        if (count == 0) {
            return;
        }

        // The union of the panels' layout edges, on the used slots.
        boolean[][] union = new boolean[count][count];
        for (int k = 0; k < panels.size(); k++) {
            int[] kept = keptNodes(panels.get(k));
            boolean[][] own = layoutEdges(panels.get(k).graph, kept);
            for (int a = 0; a < kept.length; a++) {
                for (int b = 0; b < kept.length; b++) {
                    if (own[a][b]) {
                        union[position[slots[k][kept[a]]]][position[slots[k][kept[b]]]] = true;
                    }
                }
            }
        }

        double[][] xy = place(union, null);
        double[] box = bounds(xy);
        for (int k = 0; k < panels.size(); k++) {
            for (int i : keptNodes(panels.get(k))) {
                setPlace(panels.get(k), i, xy[position[slots[k][i]]], box);
            }
        }
    }

    /**
     * Puts node {@code i} of the panel at the point of a layout (y down) mapped into the
     * panel by {@link #fit} of the layout's bounding box.
     */
    private static void setPlace(Panel panel, int i, double[] point, double[] box) {
        // The layout's y points down, as the panel's: flip it twice, keep it as placed.
        double[] placed = fit(point[0], box[1] + box[3] - point[1], box[0], box[2], box[1],
                box[3]);
        panel.x[i] = placed[0];
        panel.y[i] = placed[1];
    }

    /**
     * Returns the positions (rows of x, y; y down) of the nodes of a layout graph (an
     * adjacency matrix, symmetric), started from the points of {@code given} (a node's row,
     * or null for none; null for no start): by {@link #relax} when it is connected, else its
     * connected parts laid out and packed by {@link #pack}.
     */
    private double[][] place(boolean[][] adjacent, double[][] given) {
        List<int[]> parts = components(adjacent);
        return parts.size() == 1 ? relax(adjacent, given) : pack(adjacent, parts, given);
    }

    /**
     * Returns the positions (rows of x, y; y down) of the nodes of a connected layout graph
     * in the stress majorization layout of {@link StressLayout}, edges about one unit long,
     * started where {@code given} gives a node's row.
     */
    private double[][] relax(boolean[][] adjacent, double[][] given) {
        int n = adjacent.length;
        int[][] neighbours = new int[n][];
        for (int a = 0; a < n; a++) {
            int[] around = new int[n];
            int count = 0;
            for (int b = 0; b < n; b++) {
                if (adjacent[a][b]) {
                    around[count++] = b;
                }
            }
            neighbours[a] = Arrays.copyOf(around, count);
        }
        return n > stressLimit ? forceDirected(neighbours)
                : StressLayout.layOut(neighbours, given, seed);
    }

    /**
     * Returns the positions (rows of x, y) of the nodes of a connected layout graph of more
     * than {@link #STRESS_LAYOUT_LIMIT} nodes by Fruchterman and Reingold
     * ({@link FRLayoutAlgorithm2D} of JGraphT, {@value #FORCE_ITERATIONS} iterations) in a box
     * of the panel's size, started from points of a {@link Random} of the seed, with JGraphT's
     * normalization factor 0.5, run again from the same points with a factor
     * {@value #FORCE_SHRINK} times smaller (down to 0.108) while the box holds more than one
     * node in 20 (at least 2) at its border. Time is quadratic per iteration, memory linear.
     */
    private double[][] forceDirected(int[][] neighbours) {
        int n = neighbours.length;
        org.jgrapht.Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        for (int a = 0; a < n; a++) {
            graph.addVertex(a);
        }
        for (int a = 0; a < n; a++) {
            for (int b : neighbours[a]) {
                if (a < b) {
                    graph.addEdge(a, b);
                }
            }
        }
        double factor = FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR;
        double[][] xy = forceDirected(graph, factor);
        while (held(xy) > Math.max(1, n / 20)
                && factor * FORCE_SHRINK >= MIN_FORCE_NORMALIZATION) {
            factor *= FORCE_SHRINK;
            xy = forceDirected(graph, factor);
        }
        return xy;
    }

    /** Runs one Fruchterman and Reingold layout with this normalization factor. */
    private double[][] forceDirected(org.jgrapht.Graph<Integer, DefaultEdge> graph,
            double factor) {
        int n = graph.vertexSet().size();
        MapLayoutModel2D<Integer> model = new MapLayoutModel2D<>(Box2D.of(PANEL_SIZE,
                PANEL_SIZE));
        Random random = new Random(seed);
        FRLayoutAlgorithm2D<Integer, DefaultEdge> fr = new FRLayoutAlgorithm2D<>(
                FORCE_ITERATIONS, factor, random);
        double[][] initial = new double[n][];
        for (int a = 0; a < n; a++) {
            initial[a] = new double[] {random.nextDouble() * PANEL_SIZE,
                random.nextDouble() * PANEL_SIZE};
        }
        fr.setInitializer(v -> Point2D.of(initial[v][0], initial[v][1]));
        fr.layout(graph, model);
        double[][] xy = new double[n][];
        for (int a = 0; a < n; a++) {
            Point2D point = model.get(a);
            xy[a] = new double[] {point.getX(), point.getY()};
        }
        return xy;
    }

    /** Returns how many points lie on or past the border of the force-directed layout's box. */
    private static int held(double[][] xy) {
        int held = 0;
        for (double[] point : xy) {
            boolean border = point[0] <= 0.0 || point[0] >= PANEL_SIZE || point[1] <= 0.0
                    || point[1] >= PANEL_SIZE;
            held += border ? 1 : 0;
        }
        return held;
    }

    /**
     * Returns the connected parts of a layout graph, each as the sorted positions of its
     * nodes; larger parts first, parts of equal size by their first node.
     */
    private static List<int[]> components(boolean[][] adjacent) {
        int n = adjacent.length;
        boolean[] seen = new boolean[n];
        List<int[]> parts = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (seen[a]) {
                continue;
            }
            List<Integer> part = new ArrayList<>(List.of(a));
            seen[a] = true;
            for (int k = 0; k < part.size(); k++) {
                for (int b = 0; b < n; b++) {
                    if (adjacent[part.get(k)][b] && !seen[b]) {
                        seen[b] = true;
                        part.add(b);
                    }
                }
            }
            parts.add(part.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        parts.sort((p, q) -> Integer.compare(q.length, p.length));
        return parts;
    }

    /**
     * Returns the positions (rows of x, y; y down) of the nodes of a layout graph of several
     * connected parts: each part of two or more nodes laid out on its own by {@link #relax}
     * and scaled so that its mean layout edge is one unit long, the single nodes in a square
     * grid of one unit; then these blocks, larger parts first and the grid last, placed left
     * to right in rows about as wide as the blocks' total area is square, one unit apart.
     * The grid keeps nodes without layout edges apart and off the corners, and the common
     * unit keeps a small part from being drawn much larger than a big one.
     */
    private double[][] pack(boolean[][] adjacent, List<int[]> parts, double[][] given) {
        List<int[]> members = new ArrayList<>();
        List<double[][]> blocks = new ArrayList<>();
        List<Integer> singles = new ArrayList<>();
        for (int[] part : parts) {
            if (part.length == 1) {
                singles.add(part[0]);
                continue;
            }
            boolean[][] sub = new boolean[part.length][part.length];
            double[][] subGiven = given == null ? null : new double[part.length][];
            for (int c = 0; c < part.length; c++) {
                for (int e = 0; e < part.length; e++) {
                    sub[c][e] = adjacent[part[c]][part[e]];
                }
                if (given != null) {
                    subGiven[c] = given[part[c]];
                }
            }
            double[][] local = relax(sub, subGiven);
            double unit = meanEdgeLength(sub, local);
            for (double[] point : local) {
                point[0] /= unit;
                point[1] /= unit;
            }
            members.add(part);
            blocks.add(local);
        }
        if (!singles.isEmpty()) {
            int across = (int) Math.ceil(Math.sqrt(singles.size()));
            double[][] grid = new double[singles.size()][];
            for (int s = 0; s < grid.length; s++) {
                grid[s] = new double[] {s % across, s / across};
            }
            members.add(singles.stream().mapToInt(Integer::intValue).toArray());
            blocks.add(grid);
        }

        double[][] size = new double[blocks.size()][];
        double area = 0.0;
        double widest = 0.0;
        for (int k = 0; k < blocks.size(); k++) {
            size[k] = moveToOrigin(blocks.get(k));
            area += (size[k][0] + PACK_GAP) * (size[k][1] + PACK_GAP);
            widest = Math.max(widest, size[k][0]);
        }
        double rowWidth = Math.max(widest, Math.sqrt(area));
        double[][] xy = new double[adjacent.length][];
        double x = 0.0;
        double y = 0.0;
        double rowHeight = 0.0;
        for (int k = 0; k < blocks.size(); k++) {
            if (x > 0.0 && x + size[k][0] > rowWidth) {
                x = 0.0;
                y += rowHeight + PACK_GAP;
                rowHeight = 0.0;
            }
            int[] part = members.get(k);
            for (int c = 0; c < part.length; c++) {
                double[] point = blocks.get(k)[c];
                xy[part[c]] = new double[] {x + point[0], y + point[1]};
            }
            x += size[k][0] + PACK_GAP;
            rowHeight = Math.max(rowHeight, size[k][1]);
        }
        return xy;
    }

    /**
     * Returns the mean length of the edges of a layout graph between the points (the rows of
     * {@code xy}), summed pair by pair in order, or 1 when it is not positive.
     */
    private static double meanEdgeLength(boolean[][] adjacent, double[][] xy) {
        double sum = 0.0;
        int edges = 0;
        for (int a = 0; a < adjacent.length; a++) {
            for (int b = a + 1; b < adjacent.length; b++) {
                if (adjacent[a][b]) {
                    sum += Math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]);
                    edges++;
                }
            }
        }
        double mean = sum / edges;
        return mean > 0.0 ? mean : 1.0;
    }

    /** Moves the points so that their least x and y are 0; returns their width and height. */
    private static double[] moveToOrigin(double[][] points) {
        double[] box = bounds(points);
        for (double[] point : points) {
            point[0] -= box[0];
            point[1] -= box[1];
        }
        return new double[] {box[2] - box[0], box[3] - box[1]};
    }

    /** Returns the bounding box of points as {@code {minX, minY, maxX, maxY}}. */
    private static double[] bounds(double[][] points) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] point : points) {
            box[0] = Math.min(box[0], point[0]);
            box[1] = Math.min(box[1], point[1]);
            box[2] = Math.max(box[2], point[0]);
            box[3] = Math.max(box[3], point[1]);
        }
        return box;
    }

    /**
     * Returns the layout graph on the kept nodes (numbered by their position in
     * {@code kept}) as a symmetric adjacency matrix: an undirected edge per pair of nodes
     * joined by an edge of presence at least {@value #LAYOUT_PRESENCE} when presence is a
     * probability (an edge of a mean that is more likely absent than present counts for no
     * distance, though it is drawn), and of any positive presence otherwise.
     */
    private boolean[][] layoutEdges(Graph g, int[] kept) {
        boolean[][] adjacent = new boolean[kept.length][kept.length];
        double least = presence.isProbability() ? LAYOUT_PRESENCE : Double.MIN_VALUE;
        for (int a = 0; a < kept.length; a++) {
            for (int b = a + 1; b < kept.length; b++) {
                double value = Math.max(edge(g, kept[a], kept[b]), edge(g, kept[b], kept[a]));
                if (value >= least) {
                    adjacent[a][b] = true;
                    adjacent[b][a] = true;
                }
            }
        }
        return adjacent;
    }

    /** Returns the presence of the edge from {@code i} to {@code j}, 0 when there is none. */
    private double edge(Graph g, int i, int j) {
        return g.hasEdge(i, j) ? presence.of(g.edgeVector(i, j)) : 0.0;
    }

    /**
     * Returns, for each node of the second graph, the panel-relative position of the node of
     * the first graph matched with it, or null when it is matched with padding or an undrawn
     * node.
     */
    private static double[][] partners(Panel first, Permutation p) {
        double[][] start = new double[p.size()][];
        for (int i = 0; i < first.graph.order(); i++) {
            if (first.drawn[i]) {
                start[p.get(i)] = new double[] {first.x[i], first.y[i]};
            }
        }
        return start;
    }

    private static int[] keptNodes(Panel panel) {
        int[] kept = new int[panel.graph.order()];
        int count = 0;
        for (int i = 0; i < kept.length; i++) {
            if (panel.drawn[i]) {
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** Returns the height of the band of a heading's lines, 0 for none. */
    private static double headingBand(List<String> lines) {
        return lines.isEmpty() ? 0.0 : HEADING_HEIGHT + (lines.size() - 1) * HEADING_LINE_HEIGHT;
    }

    /**
     * Moves the panels to their places in the grid, row by row, below the heading band of
     * height {@code top}, and their nodes with them (to document units).
     */
    private static void arrange(List<Panel> panels, int perRow, double top) {
        for (int k = 0; k < panels.size(); k++) {
            Panel panel = panels.get(k);
            panel.left = (k % perRow) * PANEL_SIZE;
            panel.top = top + (k / perRow) * (PANEL_SIZE + TITLE_HEIGHT) + TITLE_HEIGHT;
            for (int i = 0; i < panel.graph.order(); i++) {
                panel.x[i] += panel.left;
                panel.y[i] += panel.top;
            }
        }
    }

    /**
     * Writes the document of arranged panels: header, heading (whole in the title, in its
     * lines above the panels), panels, extra content.
     */
    private String document(String heading, List<String> lines, List<Panel> panels,
            int perRow, int rows, String extra) {
        double top = headingBand(lines);
        double width = perRow * PANEL_SIZE;
        double height = top + rows * (PANEL_SIZE + TITLE_HEIGHT);
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " version=\"1.1\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\""
                + " font-family=\"sans-serif\">%n", number(width), number(height),
                number(width), number(height)));
        if (heading != null) {
            svg.append("<title>").append(text(heading, Integer.MAX_VALUE)).append("</title>\n");
        }
        svg.append("<style type=\"text/css\">").append(STYLE).append("</style>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%s\""
                + " height=\"%s\" fill=\"#ffffff\"/>%n", number(width), number(height)));
        if (!lines.isEmpty()) {
            svg.append("<text class=\"heading\">");
            for (int l = 0; l < lines.size(); l++) {
                svg.append(String.format(Locale.ROOT, "<tspan x=\"%s\" y=\"%s\">%s</tspan>",
                        number(TEXT_INDENT), number(16 + l * HEADING_LINE_HEIGHT),
                        xml(lines.get(l))));
            }
            svg.append("</text>\n");
        }
        for (int k = 0; k < panels.size(); k++) {
            panel(svg, k, panels.get(k));
        }
        svg.append(extra);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Writes one panel: frame, title, edges, nodes, node texts. */
    private void panel(StringBuilder svg, int k, Panel panel) {
        Graph g = panel.graph;
        svg.append(String.format(Locale.ROOT, "<g id=\"p%d\" class=\"panel\">%n", k));
        String whole = text(panel.fullTitle, Integer.MAX_VALUE);
        String shown = text(panel.fullTitle, MAX_TITLE_LENGTH).equals(whole) ? whole
                : text(panel.title, MAX_TITLE_LENGTH);
        if (!shown.equals(whole)) {
            svg.append("<title>").append(whole).append("</title>\n");
        }
        svg.append(String.format(Locale.ROOT, "<rect class=\"panel-frame\" x=\"%s\" y=\"%s\""
                + " width=\"%s\" height=\"%s\"/>%n", number(panel.left + 1),
                number(panel.top - TITLE_HEIGHT + 1), number(PANEL_SIZE - 2),
                number(PANEL_SIZE + TITLE_HEIGHT - 2)));
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%s\" y=\"%s\">%s"
                + "</text>%n", number(panel.left + TEXT_INDENT), number(panel.top - 5),
                shown));

        // Edges among drawn nodes, each pair once, under the nodes.
        for (int i = 0; i < g.order(); i++) {
            for (int j : g.successors(i)) {
                if (!panel.drawn[i] || !panel.drawn[j] || (i > j && g.hasEdge(j, i))) {
                    continue;
                }
                double value = presence.of(g.edgeVector(i, j));
                if (g.isDirected() && g.hasEdge(j, i)) {
                    value = Math.max(value, presence.of(g.edgeVector(j, i)));
                }
                if (!(value > 0.0)) {
                    continue;
                }
                int a = Math.min(i, j);
                int b = Math.max(i, j);
                String look = presence.isProbability()
                        ? String.format(Locale.ROOT, " stroke-width=\"%s\"%s",
                                number(0.5 + (MAX_EDGE_WIDTH - 0.5) * Math.min(1.0, value)),
                                opacity(value))
                        : " stroke-width=\"" + number(PLAIN_EDGE_WIDTH) + "\"";
                svg.append(String.format(Locale.ROOT, "<line id=\"p%d-e%d-%d\" class=\"edge\""
                        + " x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"%s/>%n", k, a, b,
                        number(panel.x[a]), number(panel.y[a]), number(panel.x[b]),
                        number(panel.y[b]), look));
            }
        }

        // Nodes, then their texts on top.
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < g.order(); i++) {
            if (!panel.drawn[i]) {
                continue;
            }
            double[] v = g.nodeVector(i);
            svg.append(String.format(Locale.ROOT, "<circle id=\"p%d-n%d\" class=\"node\""
                    + " cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"%s/>%n", k, i,
                    number(panel.x[i]), number(panel.y[i]), number(NODE_RADIUS), fill(v),
                    opacity(existence.of(v))));
            String label = label(v);
            if (!label.isEmpty()) {
                labels.add(String.format(Locale.ROOT, "<text class=\"label\" x=\"%s\""
                        + " y=\"%s\"%s>%s</text>%n", number(panel.x[i]),
                        number(panel.y[i] - NODE_RADIUS - 2), opacity(existence.of(v)),
                        text(label, MAX_TITLE_LENGTH)));
            }
        }
        labels.forEach(svg::append);
        svg.append("</g>\n");
    }

    /** Returns the node's text: each one-hot group's label of largest positive value. */
    private String label(double[] v) {
        List<String> parts = new ArrayList<>();
        for (ChannelGroup group : oneHotGroups) {
            int best = best(group, v);
            if (best >= 0) {
                parts.add(group.encoder().labels().get(best));
            }
        }
        return String.join("/", parts);
    }

    /** Returns the fill colour: by the first one-hot group's label, else one colour. */
    private String fill(double[] v) {
        if (oneHotGroups.isEmpty()) {
            return PLAIN_FILL;
        }
        int best = best(oneHotGroups.get(0), v);
        return best < 0 ? PLAIN_FILL : palette.get(best);
    }

    /** Returns the position of the group's largest positive channel (first on ties), or -1. */
    private static int best(ChannelGroup group, double[] v) {
        int best = -1;
        for (int c = 0; c < group.size(); c++) {
            double value = v[group.offset() + c];
            if (value > 0.0 && (best < 0 || value > v[group.offset() + best])) {
                best = c;
            }
        }
        return best;
    }

    /** Returns an opacity attribute for a value below 1, nothing for 1 or more. */
    private static String opacity(double value) {
        return value >= 1.0 ? "" : " opacity=\"" + String.format(Locale.ROOT, "%.3f",
                Math.max(0.0, value)) + "\"";
    }

    /** Writes a coordinate with two decimals, never as {@code -0.00}. */
    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    /**
     * Returns text for an XML element: hidden characters escaped as the class Javadoc says,
     * cut on whole characters and escapes to at most {@code max} characters, then XML special
     * characters escaped.
     */
    static String text(String raw, int max) {
        return xml(cut(visible(raw), max));
    }

    /**
     * Returns the text as shown, one entry per character (a surrogate pair is one) or emoji
     * sequence (see {@link #emojiEnd}): the character itself, or its escape ({@code \t},
     * {@code \n}, {@code \r}, or a backslash, {@code u} and four hexadecimal digits, beyond
     * U+FFFF {@code U} and eight); an emoji sequence as it is, its joiners included.
     */
    private static List<String> visible(String raw) {
        List<String> units = new ArrayList<>(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int end = emojiEnd(raw, i);
            if (end > i + 1 && !(end == i + 2 && Character.isHighSurrogate(c))) {
                units.add(raw.substring(i, end));
            } else if (Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1))) {
                units.add(TextFiles.shownCodePoint(raw.codePointAt(i), other -> false));
                end = i + 2;
            } else {
                units.add(TextFiles.shown(c, SvgDrawing::notInXml));
                end = i + 1;
            }
            i = end;
        }
        return units;
    }

    /**
     * Returns where the emoji sequence that starts at index {@code i} of the text ends (the
     * index after it), or {@code i} plus the length of the character there when no sequence
     * starts there. A sequence is a flag (two regional indicators), a keycap (a digit,
     * {@code #} or {@code *}, a variation selector if any, and the combining enclosing
     * keycap), or a pictograph followed
     * by skin-tone modifiers, variation selectors, a combining keycap or tag characters, and
     * then, any number of times, the zero-width joiner U+200D and a further such pictograph
     * (a family, a profession, a rainbow flag). Such a sequence shows as one glyph, so it is
     * never cut in two, its joiners are not escaped, and it takes two columns.
     */
    static int emojiEnd(String raw, int i) {
        int first = raw.codePointAt(i);
        int end = i + Character.charCount(first);
        if (isRegionalIndicator(first)) {
            boolean pair = end < raw.length() && isRegionalIndicator(raw.codePointAt(end));
            return pair ? end + 2 : end;
        }
        if (first == '#' || first == '*' || first >= '0' && first <= '9') {
            int keycap = end < raw.length() && raw.charAt(end) == '\uFE0F' ? end + 1 : end;
            boolean isKeycap = keycap < raw.length() && raw.charAt(keycap) == '\u20E3';
            return isKeycap ? keycap + 1 : end;
        }
        if (!isPictograph(first)) {
            return end;
        }
        while (true) {
            while (end < raw.length() && isEmojiExtender(raw.codePointAt(end))) {
                end += Character.charCount(raw.codePointAt(end));
            }
            boolean joined = end + 1 < raw.length() && raw.charAt(end) == '\u200D'
                    && isPictograph(raw.codePointAt(end + 1));
            if (!joined) {
                return end;
            }
            end += 1 + Character.charCount(raw.codePointAt(end + 1));
        }
    }

    /** Whether a character is one half of a flag (a regional indicator letter). */
    private static boolean isRegionalIndicator(int codePoint) {
        return between(codePoint, 0x1F1E6, 0x1F1FF);
    }

    /**
     * Whether a character may start or continue an emoji sequence: the emoji and pictograph
     * blocks of the supplementary plane and the technical, miscellaneous symbol, dingbat and
     * arrow blocks of the basic plane that hold the pictographs such sequences join
     * (heart U+2764, female and male signs U+2640 and U+2642, staff of Aesculapius U+2695).
     */
    private static boolean isPictograph(int codePoint) {
        return between(codePoint, 0x1F000, 0x1FAFF) && !isRegionalIndicator(codePoint)
                && !between(codePoint, 0x1F3FB, 0x1F3FF)
                || between(codePoint, 0x2300, 0x23FF)
                || between(codePoint, 0x2600, 0x27BF)
                || between(codePoint, 0x2B00, 0x2BFF);
    }

    /**
     * Whether a character modifies the pictograph before it: a skin-tone modifier, a
     * variation selector, the combining enclosing keycap, or a tag character (the flags of
     * England, Scotland and Wales).
     */
    private static boolean isEmojiExtender(int codePoint) {
        return between(codePoint, 0x1F3FB, 0x1F3FF) || codePoint == 0xFE0E
                || codePoint == 0xFE0F || codePoint == 0x20E3
                || between(codePoint, 0xE0020, 0xE007F);
    }

    /** Whether XML 1.0 cannot hold a character: an unpaired surrogate, U+FFFE or U+FFFF. */
    private static boolean notInXml(char c) {
        return Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
    }

    /** Returns the number of columns that units take when shown. */
    private static int length(List<String> units) {
        int n = 0;
        for (String unit : units) {
            n += columns(unit);
        }
        return n;
    }

    /**
     * Returns the columns a shown unit takes: one per character, two per wide character (see
     * {@link #isWide}), and two for an emoji sequence of several characters (see
     * {@link #emojiEnd}).
     */
    static int columns(String unit) {
        if (unit.length() > 1 && emojiEnd(unit, 0) == unit.length()
                && unit.length() > Character.charCount(unit.codePointAt(0))) {
            return 2;
        }
        int n = 0;
        for (int i = 0; i < unit.length(); i += Character.charCount(unit.codePointAt(i))) {
            n += isWide(unit.codePointAt(i)) ? 2 : 1;
        }
        return n;
    }

    /**
     * Whether a character is shown about twice as wide as a Latin letter: the characters that
     * Unicode Standard Annex 11 ("East Asian Width") classes as wide or fullwidth. These are
     * the blocks of Hangul leading consonants, CJK radicals, punctuation, kana, Bopomofo and
     * ideographs, Yi, Hangul syllables, CJK compatibility ideographs and forms, fullwidth
     * forms and the supplementary ideographic planes; the emoji blocks of the supplementary
     * multilingual plane (pictographs, emoticons, transport and map symbols, geometric shapes
     * extended, supplemental and extended-A symbols, enclosed ideographs, mahjong and playing
     * cards); and the symbols of the basic plane that emoji show by default (such as
     * {@code U+231A} watch, {@code U+2615} hot beverage, {@code U+2705} check mark,
     * {@code U+2B50} star), listed in {@link #WIDE_BMP_SYMBOLS}. An estimate by ranges: a few
     * narrow characters inside them count as wide.
     */
    static boolean isWide(int codePoint) {
        if (codePoint < 0x1100) {
            return false;
        }
        if (between(codePoint, 0x1100, 0x115F)
                || between(codePoint, 0x2E80, 0x303E)
                || between(codePoint, 0x3041, 0x33FF)
                || between(codePoint, 0x3400, 0x4DBF)
                || between(codePoint, 0x4E00, 0x9FFF)
                || between(codePoint, 0xA000, 0xA4CF)
                || between(codePoint, 0xA960, 0xA97F)
                || between(codePoint, 0xAC00, 0xD7A3)
                || between(codePoint, 0xF900, 0xFAFF)
                || between(codePoint, 0xFE10, 0xFE19)
                || between(codePoint, 0xFE30, 0xFE6F)
                || between(codePoint, 0xFF00, 0xFF60)
                || between(codePoint, 0xFFE0, 0xFFE6)
                || codePoint == 0x1F004
                || codePoint == 0x1F0CF
                || codePoint == 0x1F18E
                || between(codePoint, 0x1F191, 0x1F19A)
                || between(codePoint, 0x1F200, 0x1F2FF)
                || between(codePoint, 0x1F300, 0x1F64F)
                || between(codePoint, 0x1F680, 0x1F6FF)
                || between(codePoint, 0x1F7E0, 0x1F7EB)
                || between(codePoint, 0x1F90C, 0x1F9FF)
                || between(codePoint, 0x1FA70, 0x1FAFF)
                || between(codePoint, 0x20000, 0x3FFFD)) {
            return true;
        }
        for (int k = 0; k < WIDE_BMP_SYMBOLS.length; k += 2) {
            if (between(codePoint, WIDE_BMP_SYMBOLS[k], WIDE_BMP_SYMBOLS[k + 1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }

    /**
     * Joins the units when they take at most {@code max} characters; otherwise joins as many
     * whole units as fit in {@code max - 3} characters and appends {@code ...}, so that an
     * escape is never cut in two.
     */
    private static String cut(List<String> units, int max) {
        if (length(units) <= max) {
            return String.join("", units);
        }
        StringBuilder kept = new StringBuilder();
        int n = 0;
        for (String unit : units) {
            int size = columns(unit);
            if (n + size > max - 3) {
                break;
            }
            kept.append(unit);
            n += size;
        }
        return kept.append("...").toString();
    }

    /**
     * Splits a heading into lines that fit a document of the given width by the estimate of
     * {@value #HEADING_CHARACTER_WIDTH} units per column: at the last space that leaves a
     * line at least half full (the space ends that line, so that the lines joined are the
     * heading), else within a word; at most {@value #MAX_HEADING_LINES} lines, the last cut
     * with {@code ...} when text remains. Lines are shown text, not yet escaped for XML.
     */
    static List<String> headingLines(String heading, double width) {
        int perLine = Math.max(8, (int) ((width - 2 * TEXT_INDENT) / HEADING_CHARACTER_WIDTH));
        List<String> units = visible(heading);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < units.size() && lines.size() < MAX_HEADING_LINES - 1) {
            int end = start;
            int n = 0;
            while (end < units.size() && n + columns(units.get(end)) <= perLine) {
                n += columns(units.get(end));
                end++;
            }
            if (end < units.size()) {
                for (int k = end; k > start + 1; k--) {
                    boolean halfFull = length(units.subList(start, k)) >= perLine / 2;
                    if (units.get(k).equals(" ") && halfFull) {
                        end = k + 1;
                        break;
                    }
                }
            }
            lines.add(String.join("", units.subList(start, end)));
            start = end;
        }
        if (start < units.size()) {
            lines.add(cut(units.subList(start, units.size()), perLine));
        }
        return lines;
    }

    /** Escapes XML's special characters. */
    private static String xml(String shown) {
        StringBuilder xml = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> xml.append(c);
            }
        }
        return xml.toString();
    }
}
