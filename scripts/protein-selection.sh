#!/usr/bin/env bash
# Feasibility of prototypes selected for classification on IAM Protein, validation only
# (docs/results.md, section 6, "Protein: training graphs selected for the nearest-prototype
# rule"):
# builds with the 'bench' profile and runs org.orbifold.bench.PrototypeSelectionHarness, which
# computes the training x training and validation x training distances of 6.16's space once and
# prints 1-NN, the greedy leave-one-out selection (the method) and the greedy selection on
# validation (a diagnostic only) for 1 to 20 prototypes, each also refined by swaps, and the
# swap search from 50 random starts for 5, 10, 15 and 20 prototypes.
# Usage: scripts/protein-selection.sh [DATASETS_DIR] [THREADS] [CACHE_FILE]
#   CACHE_FILE: the matrices are read from it if it exists, else written to it.
#   BUILD_DIR as in the other benchmark scripts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}"
threads="${2:-2}"
cache="${3:-}"
# shellcheck source=lib/bench-build.sh
source "$root/scripts/lib/bench-build.sh"
bench_build
bench_machine
echo "load before: $(cat /proc/loadavg)"
/usr/bin/time -f "process: %e s wall, %U s user, %S s system" \
    java -cp "$bench_classpath" \
    org.orbifold.bench.PrototypeSelectionHarness "$data" "$threads" $cache
echo "load after: $(cat /proc/loadavg)"
