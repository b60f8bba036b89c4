/**
 * Reading graph datasets and writing results: the TU Dortmund text format
 * ({@link org.orbifold.io.TuDatasetReader}), IAM Graph Database GXL graphs with CXL splits
 * ({@link org.orbifold.io.IamDatasetReader}), GraphML files and folders
 * ({@link org.orbifold.io.GraphMlReader}), GML and DOT files and folders through jgrapht-io's
 * importers ({@link org.orbifold.io.GmlReader}, {@link org.orbifold.io.DotReader}), NumPy
 * {@code .npy} arrays and stacks of adjacency matrices ({@link org.orbifold.io.NpyReader}),
 * molecules from SMILES, CSV and SD files through the CDK
 * ({@link org.orbifold.io.MoleculeReader}), dispatch by path
 * ({@link org.orbifold.io.DatasetLoader}), JSON output ({@link org.orbifold.io.JsonWriter},
 * {@link org.orbifold.io.GraphJson}), SVG drawings of graphs and alignments
 * ({@link org.orbifold.io.SvgDrawing}, as text; the caller writes it), and conversion of
 * JGraphT graphs to graphs and back ({@link org.orbifold.io.JGraphTGraphs}, in memory, no
 * files).
 *
 * <p>Every reader returns a {@link org.orbifold.io.GraphDataset} whose channels follow one set
 * of encoding rules (discrete labels one-hot, numbers as they are, existence channels where
 * needed), described in {@code docs/formats.md}, and rejects malformed input with a
 * {@link org.orbifold.io.DatasetFormatException} naming the file and line. What counts as a
 * number in a text file, and in the command line's options, is one rule:
 * {@link org.orbifold.io.DecimalNumbers}.
 *
 * <p><b>The command line's numbers.</b> The readers add the node-existence channel only where
 * a real node would otherwise look like padding
 * ({@link org.orbifold.space.NodeExistence#isNeeded}) or has no label of a leading one-hot
 * group ({@link org.orbifold.io.Presence#nodeChannelNeeded}); the project's letters, whose nodes
 * are points off the origin, get none. The {@code orbifold} command line adds it to
 * every data set that lacks it: after reading (and after {@code --class} and
 * {@code --limit}), when the node channels do not include
 * {@link org.orbifold.space.NodeExistence#CHANNEL_NAME}, every node gets a last channel of
 * value 1 ({@link org.orbifold.space.NodeExistence#append}, which calls
 * {@link org.orbifold.space.Graph#withNodeChannel(double) withNodeChannel(1)} on every
 * graph). A node without a partner then costs {@code node weight x (||x||^2 + 1)} rather
 * than {@code node weight x ||x||^2}, so distances, means and predictions computed on a
 * reader's graphs as they are differ from the command line's. To reproduce them:
 * <pre>{@code
 * GraphDataset d = DatasetLoader.load(path);
 * List<Graph> graphs = d.nodeChannels().contains(NodeExistence.CHANNEL_NAME)
 *         ? d.graphs() : NodeExistence.append(d.graphs());
 * GraphSpace space = GraphSpace.of(graphs).withWeights(nodeWeight, edgeWeight);
 * }</pre>
 * with the node and edge weights of {@code --node-weight} and {@code --edge-weight}
 * (default 1). {@code classify} changes two more things: it reads the IAM sets AIDS,
 * Fingerprint and Protein recoded by meaning
 * ({@link org.orbifold.io.IamDatasetReader.Recoding#forIamSet}, unless
 * {@code --raw-attributes}), and its scaling options ({@code --standardize},
 * {@code --existence E}, which sets the channel's value to {@code E}, 0 leaving it out,
 * {@code --node-kernel}) transform the graphs with a transform fitted on the training graphs
 * ({@link org.orbifold.io.DatasetScaling}).
 *
 * <p>A null argument of a public constructor or method is refused with a
 * {@link java.lang.NullPointerException} whose message is the parameter's name, before any
 * work, unless the parameter's description allows null.
 */
package org.orbifold.io;
