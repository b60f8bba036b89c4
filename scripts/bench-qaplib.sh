#!/usr/bin/env bash
# Runs the aligners of org.orbifold.match on the QAPLIB instances (Java harness
# org.orbifold.bench.QaplibHarness) and SciPy's quadratic_assignment, methods 'faq' and '2opt'
# (scripts/bench_qaplib_scipy.py, run by the Python that bench-common.sh chooses: PYTHON, else
# the first of python3 on PATH and /usr/bin/python3 that imports scipy), on the same
# instances, and merges both into one Markdown table with a summary. The gap of a solver is
# (value - best) / best, best being the recomputed cost of the instance's .sln. Every
# instance is solved twice in a row by every solver (exact once): the cold solve, the first
# in its process (for Java, with JIT compilation as it happens, whose time is reported), and
# the warm solve, the steady state; both are timed in wall and in thread CPU time, and the
# summary gives both. See docs/matching.md.
#
# Environment: MAX_ORDER (largest instance order, default 40), EXACT_MAX_ORDER (largest order
# given to the exact aligner, 60 s limit each, default 12), SEED (default 1), DATASETS
# (default ../shared/datasets), BUILD_DIR (default target), ALIGNERS (comma-separated subset
# of faq,nodes,fast,thorough,exact for the Java harness; default all), PYTHON (an interpreter
# with SciPy), MVN_FLAGS (extra Maven options, e.g. -o for offline), SCIPY_POLISH=1 to add
# SciPy's FAQ followed by its 2-opt, from one start and best of SCIPY_STARTS (default 5)
# randomized starts (bench_qaplib_scipy.py polish; about 4 s of CPU time at MAX_ORDER=40).
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_ORDER=${MAX_ORDER:-40}
EXACT_MAX_ORDER=${EXACT_MAX_ORDER:-12}
SEED=${SEED:-1}
ALIGNERS=${ALIGNERS:-}
DATASETS=$(realpath -m "${DATASETS:-../shared/datasets}")
BUILD_DIR=$(realpath -m "${BUILD_DIR:-target}")
RESULTS="$BUILD_DIR/qaplib-results"

if [[ ! -d "$DATASETS/qaplib" ]]; then
    echo "QAPLIB folder missing: $DATASETS/qaplib" >&2
    exit 2
fi
# SciPy check, build with the benchmark sources, CLASSPATH, RESULTS, machine_lines.
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

{
    machine_lines
    echo "python: $("$PYTHON" -c 'import sys, scipy, numpy
print(sys.version.split()[0], "scipy", scipy.__version__, "numpy", numpy.__version__)')"
    echo "MAX_ORDER=$MAX_ORDER EXACT_MAX_ORDER=$EXACT_MAX_ORDER SEED=$SEED" \
        "ALIGNERS=${ALIGNERS:-all} SCIPY_POLISH=${SCIPY_POLISH:-0}"
} | tee "$RESULTS/machine.txt" >&2

java -cp "$CLASSPATH" org.orbifold.bench.QaplibHarness "$DATASETS/qaplib" \
    "$RESULTS/java.csv" "$MAX_ORDER" "$EXACT_MAX_ORDER" "$SEED" "$ALIGNERS"
# One BLAS thread, as the Java aligners use one thread: thread CPU times then count all work.
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    "$PYTHON" scripts/bench_qaplib_scipy.py run "$DATASETS/qaplib" "$RESULTS/scipy.csv" \
    "$MAX_ORDER" "$SEED"
CSVS=("$RESULTS/java.csv" "$RESULTS/scipy.csv")
rm -f "$RESULTS/polish.csv"
if [[ "${SCIPY_POLISH:-0}" == 1 ]]; then
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
        "$PYTHON" scripts/bench_qaplib_scipy.py polish "$DATASETS/qaplib" "$RESULTS/polish.csv" \
        "$MAX_ORDER" "$SEED" "${SCIPY_STARTS:-5}"
    CSVS+=("$RESULTS/polish.csv")
fi
"$PYTHON" scripts/bench_qaplib_scipy.py merge "$RESULTS/table.md" "${CSVS[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt" >&2
