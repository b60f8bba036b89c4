#!/usr/bin/env bash
# k-NN in graph space on the IAM sets under the IAM protocol (knobs chosen on train -> validation,
# test reported once): builds with the 'bench' profile and runs
# org.orbifold.bench.IamClassificationHarness once per set.
# Usage: scripts/iam-classification.sh [DATASETS_DIR] [THREADS] [ALIGNER] [MODE] [SET...]
#   MODE: grid (default), baseline or aligners; SET defaults to Letter/LOW Letter/MED Letter/HIGH
#   AIDS Fingerprint Protein. BUILD_DIR as in the other benchmark scripts (default target).
# Prints Markdown (docs/results.md, section 6, "Closing the gap to the IAM reference").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}"
threads="${2:-2}"
aligner="${3:-fast}"
mode="${4:-grid}"
shift $(( $# < 4 ? $# : 4 ))
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
    sets=(Letter/LOW Letter/MED Letter/HIGH AIDS Fingerprint Protein)
fi
BUILD_DIR=$(realpath -m "${BUILD_DIR:-$root/target}")
cd "$root"
mvn -q -B -P bench -DskipTests -Dcheckstyle.skip -Dorbifold.buildDir="$BUILD_DIR" \
    compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt"
echo "load before: $(cat /proc/loadavg)"
for set in "${sets[@]}"; do
    java -cp "$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")" \
        org.orbifold.bench.IamClassificationHarness "$data" "$set" "$threads" "$aligner" "$mode"
done
echo "load after: $(cat /proc/loadavg)"
