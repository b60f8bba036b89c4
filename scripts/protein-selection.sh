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
BUILD_DIR=$(realpath -m "${BUILD_DIR:-$root/target}")
cd "$root"
mvn -q -B -P bench -DskipTests -Dcheckstyle.skip -Dorbifold.buildDir="$BUILD_DIR" \
    compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
echo "java: $(java -version 2>&1 | head -1)"
echo "load before: $(cat /proc/loadavg)"
/usr/bin/time -f "process: %e s wall, %U s user, %S s system" \
    java -cp "$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")" \
    org.orbifold.bench.PrototypeSelectionHarness "$data" "$threads" $cache
echo "load after: $(cat /proc/loadavg)"
