#!/usr/bin/env python3
"""Copy a stack of adjacency matrices (.npy) with the nodes of every graph permuted at random.

Usage: shuffle_npy_nodes.py SOURCE.npy TARGET.npy SEED

The source holds N square matrices of order n (shape N x n x n), one graph each, as the
geomstats sets under ../shared/datasets/geomstats do. For each graph in turn a permutation p
is drawn with numpy.random.default_rng(SEED).permutation(n) (one generator for the whole
stack), and node i of the copy is node p[i] of the source: copy[g] = source[g][p][:, p].
Graph g of the copy is graph g of the source with its nodes renumbered, so an exact graph
distance is the same on both. Used for the node-order measurements of docs/results.md
(section 8.1) and the README limitations. Write the copy outside the shared data folder.
"""
import os
import sys

import numpy as np


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.splitlines()[2])
    source, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if os.path.abspath(target) == os.path.abspath(source):
        sys.exit("the target must differ from the source")
    matrices = np.load(source)
    if matrices.ndim != 3 or matrices.shape[1] != matrices.shape[2]:
        sys.exit(f"expected N x n x n matrices in {source}, got shape {matrices.shape}")
    rng = np.random.default_rng(seed)
    copy = np.empty_like(matrices)
    for g in range(matrices.shape[0]):
        p = rng.permutation(matrices.shape[1])
        copy[g] = matrices[g][np.ix_(p, p)]
    np.save(target, copy)


if __name__ == "__main__":
    main()
