#!/usr/bin/env python3
"""Feasibility of a prototype embedding on IAM Protein, validation only (docs/results.md 6.28).

Usage: python3 scripts/protein_embedding.py CACHE_FILE [DATASETS_DIR]

CACHE_FILE holds the training x training and validation x training distances that
scripts/protein-selection.sh writes (big-endian doubles, row by row). Each query is
represented by its distances to m = 20 training graphs (the prototypes), standardized on the
training split, and a multinomial logistic regression (softmax, L2 penalty, full-batch
gradient descent from zero) is fitted on the training split and scored on validation. This is
the graph MLP's output layer over frozen member weight graphs, with distance features in place
of aligned inner products. Prototype sets: the m most central members of each class
(medoids, m spread evenly over the six classes) and 20 stratified random sets (seeds 0-19);
all 200 training graphs are the reference without the 10 % limit. Needs NumPy.
"""

import re
import sys

import numpy as np

PROTOTYPES = 20
RANDOM_SETS = 20
ITERATIONS = 5000
STEP = 0.5
PENALTIES = [0.0, 1e-4, 1e-3, 1e-2]
FEATURES = [("distance", None), ("Gaussian, scale 0.5 x median", 0.5),
            ("Gaussian, scale 1 x median", 1.0)]


def labels(path):
    with open(path, encoding="utf-8") as split:
        return [m.group(1) for m in re.finditer(r'class="([^"]+)"', split.read())]


def fit_softmax(x, y, classes, penalty):
    """Full-batch gradient descent on the mean cross-entropy plus penalty/2 |W|^2."""
    weights = np.zeros((x.shape[1], classes))
    bias = np.zeros(classes)
    targets = np.eye(classes)[y]
    for _ in range(ITERATIONS):
        scores = x @ weights + bias
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - targets) / len(y)
        weights -= STEP * (x.T @ g + penalty * weights)
        bias -= STEP * g.sum(axis=0)
    return weights, bias


def per_class(count, classes):
    return [count // classes + (1 if c < count % classes else 0) for c in range(classes)]


def medoids(train, y, classes, count):
    chosen = []
    for c, k in enumerate(per_class(count, classes)):
        members = np.flatnonzero(y == c)
        spread = train[np.ix_(members, members)].sum(axis=1)
        chosen.extend(members[np.argsort(spread, kind="stable")[:k]])
    return np.array(chosen)


def stratified(y, classes, count, seed):
    rng = np.random.default_rng(seed)
    chosen = []
    for c, k in enumerate(per_class(count, classes)):
        chosen.extend(rng.choice(np.flatnonzero(y == c), k, replace=False))
    return np.array(chosen)


def main():
    cache = sys.argv[1]
    data = (sys.argv[2] if len(sys.argv) > 2 else "../shared/datasets") + "/iam/Protein/data/"
    train_labels = labels(data + "train.cxl")
    valid_labels = labels(data + "valid.cxl")
    n, q = len(train_labels), len(valid_labels)
    raw = np.fromfile(cache, dtype=">f8")
    if raw.size != n * n + q * n:
        sys.exit(f"{cache}: {raw.size} doubles, expected {n * n + q * n}")
    train = raw[:n * n].reshape(n, n)
    valid = raw[n * n:].reshape(q, n)
    names = sorted(set(train_labels))
    y_train = np.array([names.index(c) for c in train_labels])
    y_valid = np.array([names.index(c) for c in valid_labels])
    median = np.median(train[np.triu_indices(n, 1)])
    print(f"Protein: {n} training, {q} validation graphs, {len(names)} classes; "
          f"1-NN validation {np.mean(y_train[valid.argmin(axis=1)] == y_valid):.3f}; "
          f"median training distance {median:.4f}")

    def accuracy(prototypes, scale, penalty):
        f_train, f_valid = train[:, prototypes], valid[:, prototypes]
        if scale is not None:
            f_train = np.exp(-(f_train / (scale * median)) ** 2)
            f_valid = np.exp(-(f_valid / (scale * median)) ** 2)
        mean, sd = f_train.mean(axis=0), f_train.std(axis=0) + 1e-12
        weights, bias = fit_softmax((f_train - mean) / sd, y_train, len(names), penalty)
        predicted = (((f_valid - mean) / sd) @ weights + bias).argmax(axis=1)
        return np.mean(predicted == y_valid)

    print("| features | penalty | all 200 | 20 class medoids | 20 random (median, min-max) |")
    print("|---|---:|---:|---:|---|")
    central = medoids(train, y_train, len(names), PROTOTYPES)
    for name, scale in FEATURES:
        for penalty in PENALTIES:
            everyone = accuracy(np.arange(n), scale, penalty)
            centre = accuracy(central, scale, penalty)
            randoms = [accuracy(stratified(y_train, len(names), PROTOTYPES, s), scale, penalty)
                       for s in range(RANDOM_SETS)]
            print(f"| {name} | {penalty:g} | {100 * everyone:.1f} % | {100 * centre:.1f} % | "
                  f"{100 * np.median(randoms):.1f} % ({100 * min(randoms):.1f}-"
                  f"{100 * max(randoms):.1f} %) |")


if __name__ == "__main__":
    main()
