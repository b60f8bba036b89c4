#!/usr/bin/env python3
"""Write the MUTAG 90/10 split of scikit-learn's train_test_split(test_size=0.1, random_state=42).

scikit-learn is not installed on the project machines, so this script redoes with NumPy what
train_test_split does without stratify, as we read its source (ShuffleSplit):

    n_test  = ceil(test_size * n)          # 19 of MUTAG's 188 graphs
    n_train = n - n_test                   # 169
    rng = numpy.random.RandomState(random_state)
    permutation = rng.permutation(n)
    test  = permutation[:n_test]
    train = permutation[n_test:n_test + n_train]

It could not be checked against scikit-learn itself. The indices are 0-based positions in the
TU file order (graph k of MUTAG_graph_indicator.txt is index k - 1), in permutation order, the
order in which train_test_split returns the graphs.

Usage: scripts/mutag_sklearn_split.py [OUT_DIR] [N] [TEST_SIZE] [SEED]
Writes OUT_DIR/mutag-train.txt and OUT_DIR/mutag-test.txt (split lists for
`orbifold classify DATASET --train FILE --test FILE`, format in docs/formats.md).
Defaults: OUT_DIR target/mutag-split, N 188, TEST_SIZE 0.1, SEED 42.
"""
import math
import os
import sys

import numpy as np


def split(n, test_size, seed):
    """Returns (train, test) index arrays as train_test_split's ShuffleSplit draws them."""
    n_test = math.ceil(test_size * n)
    n_train = n - n_test
    rng = np.random.RandomState(seed)
    permutation = rng.permutation(n)
    return permutation[n_test:n_test + n_train], permutation[:n_test]


def write(path, indices, what, n, test_size, seed):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# MUTAG %s split: sklearn train_test_split(test_size=%s, random_state=%d)"
                " redone with NumPy %s\n" % (what, test_size, seed, np.__version__))
        f.write("# %d of %d graphs; 0-based indices in TU file order\n" % (len(indices), n))
        for i in indices:
            f.write("%d\n" % i)


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join("target", "mutag-split")
    n = int(argv[2]) if len(argv) > 2 else 188
    test_size = float(argv[3]) if len(argv) > 3 else 0.1
    seed = int(argv[4]) if len(argv) > 4 else 42
    train, test = split(n, test_size, seed)
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "mutag-train.txt"), train, "training", n, test_size, seed)
    write(os.path.join(out, "mutag-test.txt"), test, "test", n, test_size, seed)
    print("wrote %s: %d training and %d test graphs" % (out, len(train), len(test)))


if __name__ == "__main__":
    main(sys.argv)
