#!/usr/bin/env bash
# Graph matching on noisy relabelled copies: a random weighted graph (Erdos-Renyi, density
# 0.1, weights uniform in (0, 1]) against a copy with Gaussian noise on its edges and randomly
# relabelled nodes. The Java harness org.orbifold.bench.NoisyCopyHarness writes the instances as
# .npy and runs the aligners 'fast' and 'faq'; scripts/bench_noisy_scipy.py runs SciPy's FAQ
# (maximize) on the same files with the Python that bench-common.sh chooses (PYTHON, else the
# first of python3 on PATH and /usr/bin/python3 that imports scipy); both report the
# fraction of nodes matched to their true partner and the time, merged into one Markdown table.
# See docs/matching.md, section "Noisy relabelled copies".
#
# Environment: MAX_ORDER (largest order, default 300), SEED (default 1), BUILD_DIR (default
# target), PYTHON (an interpreter with SciPy), MVN_FLAGS (extra Maven options, e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_ORDER=${MAX_ORDER:-300}
SEED=${SEED:-1}
BUILD_DIR=$(realpath -m "${BUILD_DIR:-target}")
RESULTS="$BUILD_DIR/noisy-results"

# SciPy check, build with the benchmark sources, CLASSPATH, RESULTS, machine_lines.
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

{
    machine_lines
    echo "python: $("$PYTHON" -c 'import sys, scipy, numpy
print(sys.version.split()[0], "scipy", scipy.__version__, "numpy", numpy.__version__)')"
    echo "MAX_ORDER=$MAX_ORDER SEED=$SEED"
} | tee "$RESULTS/machine.txt" >&2

java -cp "$CLASSPATH" org.orbifold.bench.NoisyCopyHarness "$RESULTS/instances" \
    "$RESULTS/java.csv" "$MAX_ORDER" "$SEED"
# One BLAS thread, as the Java aligners use one thread (and as scripts/bench-qaplib.sh does):
# a multi-threaded BLAS on a busy 2-core machine made SciPy 10 to 20 times slower at n >= 100.
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    "$PYTHON" scripts/bench_noisy_scipy.py run "$RESULTS/instances" "$RESULTS/scipy.csv" "$SEED"
"$PYTHON" scripts/bench_noisy_scipy.py merge "$RESULTS/table.md" \
    "$RESULTS/java.csv" "$RESULTS/scipy.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt" >&2
