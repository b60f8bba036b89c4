"""Shared by the benchmark scripts' `merge` steps: reads result CSV files (one row per
instance and solver, with an `aligner` column) into one list of rows, and the solvers in the
order they first appear."""

import csv


def read_rows(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            rows.extend(csv.DictReader(f))
    solvers = []
    for r in rows:
        if r["aligner"] not in solvers:
            solvers.append(r["aligner"])
    return rows, solvers
