#!/usr/bin/python3
"""Time SciPy's linear_sum_assignment on the benchmark instances and merge with the Java timings.

Usage: bench_scipy.py INSTANCE_DIR JAVA_CSV

Reads every <family>-<n>.npy written by org.orbifold.bench.CompareHarness, times
scipy.optimize.linear_sum_assignment with the same rule as the Java harness (warm-up for at
least 0.3 s and 3 runs, then at least 1 s and 5 runs, at most 301; median and quartiles of
single runs, and the median CPU time of the thread), checks that the optimal values of all
solvers agree to a relative 1e-9, and prints a Markdown table, followed by a note naming the
instances whose Java warm-up did not settle (CSV column warmup other than settled; files of
older harnesses, without the column, count as settled). Exits with status 1 if any value
disagrees.
"""

import csv
import os
import platform
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

WARMUP_SECONDS = 0.3
MEASURE_SECONDS = 1.0
MAX_RUNS = 301
RELATIVE_TOLERANCE = 1e-9
FAMILIES = ["UNIFORM", "INTEGER", "RECTANGULAR"]


def time_scipy(matrix):
    """Wall-clock median and quartiles, CPU-time median (microseconds), optimal value."""
    value = None
    warmup_end = time.perf_counter() + WARMUP_SECONDS
    runs = 0
    while runs < 3 or time.perf_counter() < warmup_end:
        rows, cols = linear_sum_assignment(matrix)
        runs += 1
    times = []
    cpu_times = []
    measure_end = time.perf_counter() + MEASURE_SECONDS
    while len(times) < MAX_RUNS and (len(times) < 5 or time.perf_counter() < measure_end):
        cpu_start = time.thread_time_ns()
        start = time.perf_counter_ns()
        rows, cols = linear_sum_assignment(matrix)
        times.append(time.perf_counter_ns() - start)
        cpu_times.append(time.thread_time_ns() - cpu_start)
    value = float(matrix[rows, cols].sum())
    q1, median, q3 = np.percentile(np.array(times, dtype=float) * 1e-3, [25, 50, 75])
    cpu_median = float(np.median(np.array(cpu_times, dtype=float) * 1e-3))
    return len(times), median, q1, q3, cpu_median, value


def fmt(us):
    if us is None:
        return "-"
    if us >= 1000:
        return f"{us / 1000:.2f} ms"
    return f"{us:.1f} us"


def main():
    instance_dir, java_csv = sys.argv[1], sys.argv[2]
    java = {}
    with open(java_csv) as f:
        for row in csv.DictReader(f):
            java[(row["family"], int(row["n"]), row["solver"])] = row

    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}, Python {platform.python_version()}"
          f" ({sys.executable})", file=sys.stderr)
    results = []
    for family in FAMILIES:
        orders = sorted(int(name[len(family) + 1:-4]) for name in os.listdir(instance_dir)
                        if name.startswith(family.lower() + "-") and name.endswith(".npy"))
        for n in orders:
            matrix = np.load(os.path.join(instance_dir, f"{family.lower()}-{n}.npy"))
            runs, median, q1, q3, cpu_median, value = time_scipy(matrix)
            print(f"{family:<11} n={n:<5} scipy    median {median:12.1f} us ({runs} runs)",
                  file=sys.stderr)
            results.append((family, n, median, q1, q3, cpu_median, value))

    failures = 0
    print(f"SciPy {scipy.__version__} (NumPy {np.__version__}, Python "
          f"{platform.python_version()}); median of single solves, [quartiles]\n")
    print("| family | n | Orbifold | SciPy | JGraphT | SciPy / Orbifold "
          "| JGraphT / Orbifold | SciPy / Orbifold, CPU time | values |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for family, n, median, q1, q3, cpu_median, value in results:
        ours = java.get((family, n, "orbifold"))
        jgrapht = java.get((family, n, "jgrapht"))
        agree = "ok"
        for other in (ours, jgrapht):
            if other is not None:
                other_value = float(other["value"])
                if abs(other_value - value) > RELATIVE_TOLERANCE * max(1.0, abs(value)):
                    agree = f"DIFFER ({other['solver']} {other_value!r} vs scipy {value!r})"
                    failures += 1
        if ours is None:
            agree = "orbifold missing"
            failures += 1

        def cell(row):
            if row is None:
                return "skipped"
            return (f"{fmt(float(row['median_us']))} "
                    f"[{fmt(float(row['q1_us']))}, {fmt(float(row['q3_us']))}]")

        ours_us = float(ours["median_us"]) if ours else None
        ratio_scipy = f"{median / ours_us:.2f}" if ours_us else "-"
        ratio_jgrapht = (f"{float(jgrapht['median_us']) / ours_us:.0f}"
                         if ours_us and jgrapht else "-")
        ratio_cpu = f"{cpu_median / float(ours['cpu_median_us']):.2f}" if ours else "-"
        print(f"| {family.lower()} | {n} | {cell(ours)} | {fmt(median)} [{fmt(q1)}, {fmt(q3)}] "
              f"| {cell(jgrapht)} | {ratio_scipy} | {ratio_jgrapht} | {ratio_cpu} | {agree} |")
    unsettled = [f"{family.lower()} n = {n} ({row['warmup']})"
                 for (family, n, solver), row in java.items()
                 if solver == "orbifold" and row.get("warmup", "settled") != "settled"]
    if unsettled:
        note = ("Orbifold's warm-up did not settle (its times may be those of code not yet"
                " compiled by C2): " + ", ".join(unsettled))
        print("\n" + note)
        print(note, file=sys.stderr)
    if failures:
        print(f"{failures} optimal value(s) disagree", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
