#!/usr/bin/python3
"""Run SciPy's FAQ on the noisy relabelled copies, or merge the results into one table.

Usage:
  bench_noisy_scipy.py run DIR OUT.csv [SEED]
  bench_noisy_scipy.py merge OUT.md CSV...

run: for every DIR/A-<n>-<k>.npy written by org.orbifold.bench.NoisyCopyHarness, with its
B-<n>-<k>.npy and truth-<n>-<k>.npy, solve scipy.optimize.quadratic_assignment(A, B,
method='faq', options={'maximize': True}), timed once with time.perf_counter() after untimed
runs on the n = 50 instances. SEED (default 1) is accepted and not used: FAQ with its default
options (barycenter start, no shuffling of the input) draws no random number, so the runs up to
2026-12-06, which passed options={'rng': SEED}, gave the same permutations; SciPy 1.17 warns
(FutureWarning) that an integer rng will seed a Generator instead of a RandomState, so the
script no longer passes one. Graph matching maximizes
trace(A P B P^T) = sum A[i,j] B[c(i),c(j)] with c = col_ind, so node i of A is matched to node
c(i) of B, the convention of the truth file; recovered = mean(c == truth). The distance is the
Frobenius norm of A - B[c][:, c], as GraphSpace.distance computes it for these graphs (edge
weight 1, no node attributes).

merge: reads the CSV files of both programs and writes a Markdown table, one row per (n, sigma),
with the recovered percentage and seconds per solver, and the distance under the true
permutation next to the best distance found.
"""

import csv
import glob
import os
import re
import sys
import time

import numpy as np
import scipy
from scipy.optimize import quadratic_assignment

from bench_tables import read_rows

SIGMAS = (0.0, 0.1, 0.3)


def cases(folder):
    found = []
    for path in glob.glob(os.path.join(folder, "A-*-*.npy")):
        n, k = map(int, re.match(r"A-(\d+)-(\d+)\.npy", os.path.basename(path)).groups())
        found.append((n, k))
    return sorted(found)


def load(folder, n, k):
    stem = "-%d-%d.npy" % (n, k)
    a = np.load(os.path.join(folder, "A" + stem))
    b = np.load(os.path.join(folder, "B" + stem))
    truth = np.load(os.path.join(folder, "truth" + stem))[0].astype(int)
    return a, b, truth


def solve(a, b):
    return quadratic_assignment(a, b, method="faq", options={"maximize": True})


def run(folder, out):
    todo = cases(folder)
    for n, k in todo:
        if n == 50:
            a, b, _ = load(folder, n, k)
            solve(a, b)
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["n", "sigma", "edges", "aligner", "recovered", "distance",
                         "true_distance", "seconds"])
        for n, k in todo:
            a, b, truth = load(folder, n, k)
            start = time.perf_counter()
            result = solve(a, b)
            seconds = time.perf_counter() - start
            c = result.col_ind
            recovered = float(np.mean(c == truth))
            inverse = float(np.mean(np.argsort(c) == truth))
            distance = float(np.linalg.norm(a - b[np.ix_(c, c)]))
            true_distance = float(np.linalg.norm(a - b[np.ix_(truth, truth)]))
            edges = int(np.count_nonzero(np.triu(a)))
            row = [n, SIGMAS[k], edges, "scipy-faq", "%.6f" % recovered, "%.6f" % distance,
                   "%.6f" % true_distance, "%.6f" % seconds]
            writer.writerow(row)
            f.flush()
            print(",".join(str(x) for x in row) + "  (inverse convention: %.3f)" % inverse,
                  file=sys.stderr)


def merge(out, paths):
    rows, solvers = read_rows(paths)
    table = {}
    for r in rows:
        table.setdefault((int(r["n"]), float(r["sigma"])), {})[r["aligner"]] = r
    lines = ["| n | sigma | edges | d(true) | " + " | ".join(
        "%s recovered %% | %s d | %s s" % (s, s, s) for s in solvers) + " |",
        "|---:|---:|---:|---:|" + "---:|---:|---:|" * len(solvers)]
    for (n, sigma), by in sorted(table.items()):
        first = next(iter(by.values()))
        cells = []
        for s in solvers:
            r = by.get(s)
            if r is None:
                cells += ["", "", ""]
                continue
            cells += ["%.1f" % (100 * float(r["recovered"])), "%.3f" % float(r["distance"]),
                      "%.3f" % float(r["seconds"])]
        lines.append("| %d | %.1f | %s | %.3f | %s |" % (
            n, sigma, first["edges"], float(first["true_distance"]), " | ".join(cells)))
    text = "\n".join(lines) + "\n"
    with open(out, "w") as f:
        f.write(text)
    sys.stdout.write(text)


def main(argv):
    if len(argv) >= 4 and argv[1] == "run":
        if len(argv) > 4:
            int(argv[4])  # SEED: checked, not used (see the module's docstring)
        print("scipy %s, numpy %s" % (scipy.__version__, np.__version__), file=sys.stderr)
        run(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "merge":
        merge(argv[2], argv[3:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
