#!/usr/bin/env bash
# Times the exact linear assignment solvers on identical instances, in one run on one machine:
# Orbifold's LinearAssignmentSolver and JGraphT's Kuhn-Munkres (Java harness
# org.orbifold.bench.CompareHarness) and SciPy's linear_sum_assignment (scripts/bench_scipy.py,
# run by the Python that bench-common.sh chooses: PYTHON, else the first of python3 on PATH
# and /usr/bin/python3 that imports scipy). Checks that all
# optimal values agree and writes a Markdown table. See docs/performance.md.
#
# Environment: SIZES (default "10 50 100 200 500 1000 2000"), JGRAPHT_LIMIT (seconds per
# JGraphT solve, predicted; larger orders are skipped; 0 skips JGraphT; default 10),
# BUILD_DIR (default target), PYTHON (an interpreter with SciPy), MVN_FLAGS (e.g. -o),
# JMH=1 to also run the JMH benchmarks afterwards (JMH_ARGS are passed to JMH).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10 50 100 200 500 1000 2000"}
JGRAPHT_LIMIT=${JGRAPHT_LIMIT:-10}
BUILD_DIR=$(realpath -m "${BUILD_DIR:-target}")
INSTANCES="$BUILD_DIR/bench-instances"
RESULTS="$BUILD_DIR/bench-results"

# SciPy check, build with the benchmark sources, CLASSPATH, RESULTS, machine_lines.
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

{
    machine_lines
} | tee "$RESULTS/machine.txt" >&2

rm -rf "$INSTANCES"
# shellcheck disable=SC2086
java -cp "$CLASSPATH" org.orbifold.bench.CompareHarness write "$INSTANCES" $SIZES
java -Xmx6g -cp "$CLASSPATH" org.orbifold.bench.CompareHarness time "$INSTANCES" \
    "$RESULTS/java.csv" "$JGRAPHT_LIMIT"
"$PYTHON" scripts/bench_scipy.py "$INSTANCES" "$RESULTS/java.csv" | tee "$RESULTS/table.md"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt" >&2

if [[ "${JMH:-0}" == 1 ]]; then
    # shellcheck disable=SC2086
    java -cp "$CLASSPATH" org.openjdk.jmh.Main -f 1 -rf json -rff "$RESULTS/jmh.json" \
        ${JMH_ARGS:-} | tee "$RESULTS/jmh.txt"
fi
