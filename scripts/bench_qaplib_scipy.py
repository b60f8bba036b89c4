#!/usr/bin/env python3
"""Run SciPy's quadratic_assignment on the QAPLIB instances, or merge results into tables.

Usage:
  bench_qaplib_scipy.py run DIR OUT.csv [MAX_ORDER [SEED]]
  bench_qaplib_scipy.py merge OUT.md CSV...
  bench_qaplib_scipy.py cpu DIR [MAX_ORDER [SEED [REPEATS]]]
  bench_qaplib_scipy.py polish DIR OUT.csv [MAX_ORDER [SEED [STARTS]]]

run: for every DIR/<name>.dat with a <name>.sln and order at most MAX_ORDER (default 40), solve
with scipy.optimize.quadratic_assignment(A, B, method='faq') and method='2opt' (seed SEED,
default 1, passed as scipy_options() describes), after untimed FAQ runs on the five smallest.
Each instance and method
is solved twice in a row, as org.orbifold.bench.QaplibHarness does: the first solve is the
cold one (column seconds), the second the warm one (warm_seconds), each timed in wall time
(time.perf_counter()) and in thread CPU time (time.thread_time(), cpu_seconds and
warm_cpu_seconds). The best value is recomputed
from the .sln permutation exactly as org.orbifold.io.QaplibSolution does: the permutation is
0-based if it contains 0, else 1-based; the written direction is used if its cost equals the
header, else the inverse if that does, else the cheaper of the two. Cost: sum A[i,j] B[p(i),p(j)].
Writes the same CSV columns as org.orbifold.bench.QaplibHarness.

merge: reads CSV files of both programs and writes a Markdown table (one row per instance, gap
in % and cold seconds per solver) and a summary per solver: mean gap, instances solved to the
best value, median and total of the cold wall times, of the warm wall times and of the warm
CPU times, and the JIT compilation time during the cold solves (Java only). Instances whose
best value is 0 are left out of the means.

cpu: the thread CPU time of method='faq' on the instances of run (after the same untimed runs),
the median of REPEATS (default 3) runs per instance (time.thread_time()); prints the median and
the sum of these medians, the counterpart of the CPU times of
org.orbifold.bench.AlignmentQualityHarness on a shared machine. Run it with
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 so that NumPy computes on this thread only.

polish: SciPy's FAQ followed by SciPy's own local search, a baseline closer to what the
aligner 'faq' does (several FAQ starts, each polished by exchanges of two nodes) than one bare
FAQ run. On the instances of run (MAX_ORDER default 40), after the same untimed runs, two
solvers: 'scipy-faq+2opt', FAQ from its default barycenter start and then method='2opt' from
FAQ's permutation (options partial_guess, every node fixed as a guess, not as a constraint);
and 'scipy-faqN+2opt' (N = STARTS, default 5), N FAQ runs from P0='randomized', start k drawn
by np.random.default_rng([SEED, k]), each followed by 2-opt from its permutation, the best of
the N kept. Each solver is timed once per instance (no JIT to warm up; the untimed runs load
the code), in wall and thread CPU time, written as both the cold and the warm solve; same CSV
columns as run, so merge puts them into one table with the other solvers.
"""

import csv
import math
import os
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import quadratic_assignment

from bench_tables import read_rows


def read_numbers(path):
    with open(path) as f:
        return f.read().split()


def read_instance(path):
    tokens = read_numbers(path)
    n = int(tokens[0])
    values = np.array([float(t) for t in tokens[1:1 + 2 * n * n]])
    return values[:n * n].reshape(n, n), values[n * n:].reshape(n, n)


def cost(a, b, p):
    return float(np.sum(a * b[np.ix_(p, p)]))


def best_value(a, b, sln):
    tokens = read_numbers(sln)
    stated = float(tokens[1])
    written = np.array([int(t) for t in tokens[2:]])
    if written.min() != 0:
        written = written - 1
    inverse = np.argsort(written)
    for p in (written, inverse):
        if cost(a, b, p) == stated:
            return cost(a, b, p)
    return min(cost(a, b, written), cost(a, b, inverse))


def gap(value, best):
    if value == best:
        return "0"
    if best == 0:
        return "nan"
    return "%.6g" % ((value - best) / best)


def scipy_options(method, n, seed):
    """The options of quadratic_assignment for SEED.

    The runs up to 2026-12-06 passed options={"rng": SEED}. Up to SciPy 1.17.1 an integer rng
    seeds a legacy np.random.RandomState, and SciPy 1.17 warns (FutureWarning) that it will
    seed a np.random.Generator instead, which would draw other numbers. With its default
    options (barycenter start, no shuffling) FAQ draws nothing, and 2-opt draws only its
    starting permutation; so FAQ gets no rng and 2-opt gets that same permutation, drawn here
    from RandomState(SEED), as partial_guess. The results are those of {"rng": SEED}, without
    the warning: checked with SciPy 1.17.1 on the 71 instances of order at most 30 (same
    permutations), and older versions seed and draw the same way.
    """
    if method == "faq":
        return {}
    start = np.random.RandomState(seed).permutation(n)
    return {"partial_guess": np.column_stack([np.arange(n), start])}


def cases_with_solutions(folder, max_order):
    """The instances of order <= max_order that have a .sln file, as (n, name, a, b, best),
    sorted by order, then name."""
    cases = []
    for name in sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".dat")):
        sln = os.path.join(folder, name + ".sln")
        if os.path.exists(sln):
            a, b = read_instance(os.path.join(folder, name + ".dat"))
            if len(a) <= max_order:
                cases.append((len(a), name, a, b, best_value(a, b, sln)))
    cases.sort(key=lambda c: (c[0], c[1]))
    return cases


CSV_HEADER = ["instance", "n", "best", "aligner", "value", "gap", "seconds", "certified",
              "warm_seconds", "cpu_seconds", "warm_cpu_seconds", "cold_jit_ms"]


def run(folder, out, max_order, seed):
    cases = cases_with_solutions(folder, max_order)
    for n, name, a, b, best in cases[:5]:
        quadratic_assignment(a, b, method="faq", options=scipy_options("faq", n, seed))
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for n, name, a, b, best in cases:
            for method in ("faq", "2opt"):
                solves = []
                options = scipy_options(method, n, seed)
                for solve in ("cold", "warm"):
                    cpu_start = time.thread_time()
                    start = time.perf_counter()
                    result = quadratic_assignment(a, b, method=method, options=options)
                    seconds = time.perf_counter() - start
                    solves.append((seconds, time.thread_time() - cpu_start,
                                   cost(a, b, result.col_ind)))
                (seconds, cpu_seconds, value), (warm, warm_cpu, warm_value) = solves
                if warm_value != value:
                    print("%s, scipy-%s: warm value %s differs from cold value %s"
                          % (name, method, warm_value, value), file=sys.stderr)
                row = [name, n, "%.0f" % best, "scipy-" + method, "%.0f" % value,
                       gap(value, best), "%.6f" % seconds, "false", "%.6f" % warm,
                       "%.6f" % cpu_seconds, "%.6f" % warm_cpu, ""]
                writer.writerow(row)
                f.flush()
                print(",".join(str(x) for x in row), file=sys.stderr)


def cpu(folder, max_order, seed, repeats):
    cases = cases_with_solutions(folder, max_order)
    for n, name, a, b, best in cases[:5]:
        quadratic_assignment(a, b, method="faq", options=scipy_options("faq", n, seed))
    medians = []
    for n, name, a, b, best in cases:
        times = []
        for r in range(repeats):
            start = time.thread_time()
            quadratic_assignment(a, b, method="faq", options=scipy_options("faq", n, seed))
            times.append(time.thread_time() - start)
        medians.append(statistics.median(times))
    print("scipy-faq cpu: instances %d, median %.4f s, total %.3f s" % (
        len(medians), statistics.median(medians), sum(medians)))


def faq_then_2opt(a, b, p0, rng):
    """FAQ from start p0 (rng for a randomized start), then 2-opt from its permutation."""
    options = {"P0": p0}
    if rng is not None:
        options["rng"] = rng
    faq = quadratic_assignment(a, b, method="faq", options=options)
    n = len(a)
    guess = np.column_stack([np.arange(n), faq.col_ind])
    polished = quadratic_assignment(a, b, method="2opt", options={"partial_guess": guess})
    return polished.col_ind


def polish(folder, out, max_order, seed, starts):
    cases = cases_with_solutions(folder, max_order)
    for n, name, a, b, best in cases[:5]:
        faq_then_2opt(a, b, "barycenter", None)
        faq_then_2opt(a, b, "randomized", np.random.default_rng([seed, 0]))
    solvers = [("scipy-faq+2opt", None), ("scipy-faq%d+2opt" % starts, starts)]
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for n, name, a, b, best in cases:
            for label, count in solvers:
                cpu_start = time.thread_time()
                start = time.perf_counter()
                if count is None:
                    value = cost(a, b, faq_then_2opt(a, b, "barycenter", None))
                else:
                    value = min(cost(a, b, faq_then_2opt(
                        a, b, "randomized", np.random.default_rng([seed, k])))
                        for k in range(count))
                seconds = time.perf_counter() - start
                cpu_seconds = time.thread_time() - cpu_start
                row = [name, n, "%.0f" % best, label, "%.0f" % value, gap(value, best),
                       "%.6f" % seconds, "false", "%.6f" % seconds, "%.6f" % cpu_seconds,
                       "%.6f" % cpu_seconds, ""]
                writer.writerow(row)
                f.flush()
                print(",".join(str(x) for x in row), file=sys.stderr)


def column(rows, key, fmt, median=False, scale=1.0):
    """The total (or median) of an optional column, blank unless every row has it."""
    values = [r.get(key) or "" for r in rows]
    if not rows or "" in values:
        return ""
    numbers = [scale * float(v) for v in values]
    return fmt % (statistics.median(numbers) if median else sum(numbers))


def percent_gap(row):
    """The gap of a CSV row in per cent, from its value and best: the CSV's gap column has 6
    significant digits, and rounding that to 2 decimals again gave chr22a 151.24 % for
    (15466 - 6156) / 6156 = 151.2346 %."""
    best = float(row["best"])
    if best == 0:
        return 100 * float(row["gap"])
    return 100 * (float(row["value"]) - best) / best


def merge(out, paths):
    rows, solvers = read_rows(paths)
    instances = {}
    for r in rows:
        instances.setdefault((int(r["n"]), r["instance"]), {})[r["aligner"]] = r
    lines = ["| instance | n | best | " + " | ".join(
        "%s gap %% | %s s" % (s, s) for s in solvers) + " |",
        "|---|---:|---:|" + "---:|---:|" * len(solvers)]
    for (n, name), by in sorted(instances.items()):
        best = next(iter(by.values()))["best"]
        cells = []
        for s in solvers:
            r = by.get(s)
            if r is None:
                cells += ["", ""]
                continue
            g = "n/a" if r["gap"] == "nan" else "%.2f" % percent_gap(r)
            if r["certified"] == "true":
                g += " (opt)"
            cells += [g, "%.3f" % float(r["seconds"])]
        lines.append("| %s | %d | %s | %s |" % (name, n, best, " | ".join(cells)))
    lines += ["", "| solver | instances | mean gap % | max gap % | at best | certified "
              "| median s | total s | warm median s | warm total s | warm cpu s "
              "| cold jit s |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in solvers:
        mine = [r for r in rows if r["aligner"] == s]
        gaps = [float(r["gap"]) for r in mine if float(r["best"]) > 0]
        times = [float(r["seconds"]) for r in mine]
        at_best = sum(1 for r in mine if r["value"] == r["best"])
        certified = sum(1 for r in mine if r["certified"] == "true")
        lines.append("| %s | %d | %.3f | %.2f | %d | %d | %.4f | %.3f | %s | %s | %s | %s |" % (
            s, len(mine), 100 * statistics.mean(gaps), 100 * max(gaps), at_best, certified,
            statistics.median(times), sum(times), column(mine, "warm_seconds", "%.4f", True),
            column(mine, "warm_seconds", "%.3f"), column(mine, "warm_cpu_seconds", "%.3f"),
            column(mine, "cold_jit_ms", "%.3f", scale=1e-3)))
    text = "\n".join(lines) + "\n"
    with open(out, "w") as f:
        f.write(text)
    sys.stdout.write(text)


def main(argv):
    if len(argv) >= 4 and argv[1] == "run":
        max_order = int(argv[4]) if len(argv) > 4 else 40
        seed = int(argv[5]) if len(argv) > 5 else 1
        print("scipy %s, numpy %s" % (scipy.__version__, np.__version__), file=sys.stderr)
        run(argv[2], argv[3], max_order, seed)
    elif len(argv) >= 3 and argv[1] == "cpu":
        max_order = int(argv[3]) if len(argv) > 3 else 40
        seed = int(argv[4]) if len(argv) > 4 else 1
        repeats = int(argv[5]) if len(argv) > 5 else 3
        cpu(argv[2], max_order, seed, repeats)
    elif len(argv) >= 4 and argv[1] == "polish":
        max_order = int(argv[4]) if len(argv) > 4 else 40
        seed = int(argv[5]) if len(argv) > 5 else 1
        starts = int(argv[6]) if len(argv) > 6 else 5
        print("scipy %s, numpy %s" % (scipy.__version__, np.__version__), file=sys.stderr)
        polish(argv[2], argv[3], max_order, seed, starts)
    elif len(argv) >= 4 and argv[1] == "merge":
        merge(argv[2], argv[3:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
