/**
 * Reading graph datasets and writing results: the TU Dortmund text format
 * ({@link org.orbifold.io.TuDatasetReader}), IAM Graph Database GXL graphs with CXL splits
 * ({@link org.orbifold.io.IamDatasetReader}), NumPy {@code .npy} arrays and stacks of adjacency
 * matrices ({@link org.orbifold.io.NpyReader}), molecules from SMILES, CSV and SD files through
 * the CDK ({@link org.orbifold.io.MoleculeReader}), dispatch by path
 * ({@link org.orbifold.io.DatasetLoader}), and JSON output ({@link org.orbifold.io.JsonWriter},
 * {@link org.orbifold.io.GraphJson}).
 *
 * <p>Every reader returns a {@link org.orbifold.io.GraphDataset} whose channels follow one set
 * of encoding rules (discrete labels one-hot, numbers as they are, existence channels where
 * needed), described in {@code docs/formats.md}, and rejects malformed input with a
 * {@link org.orbifold.io.DatasetFormatException} naming the file and line.
 */
package org.orbifold.io;
