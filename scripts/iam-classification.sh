#!/usr/bin/env bash
# k-NN in graph space on the IAM sets under the IAM protocol (knobs chosen on train -> validation,
# test reported once): builds with the 'bench' profile and runs
# org.orbifold.bench.IamClassificationHarness once per set.
# Usage: scripts/iam-classification.sh [DATASETS_DIR] [THREADS] [ALIGNER] [MODE] [SET...]
#   MODE: grid (default), kernel, baseline, try, test, aligners or folds; SET defaults to Letter/LOW
#   Letter/MED Letter/HIGH AIDS Fingerprint Protein. Mode folds takes one TU folder as SET
#   (e.g. tu/Mutagenicity) and then EPOCHS and SUBSET; modes try and aligners take one SET
#   and then their settings, mode test one SET, one setting and k (the test split once; see
#   IamClassificationHarness).
#   AIDS, Fingerprint and Protein are read with IamDatasetReader.Recoding.forIamSet;
#   RECODING=none reads them without it, RECODING=pairs (Protein) adds the reduced dipeptide
#   composition of the sequences; GRID="e:we;e:we" replaces the (existence, edge weight) grid;
#   FACTORS="spec;spec" crosses it with attribute factors, each spec written "name*m name*m"
#   (node attribute, else edge attribute; m multiplies its values; also the sixth field of a
#   try setting "std,e,we,drop,max,spec"); ALIGNERS="thorough,fast" (mode aligners) compares
#   with the first instead of exact. Mode kernel adds a Gaussian node kernel after the
#   standardization:
#   KERNEL_GRID="s:e:we;s:e:we" (bandwidth, existence, edge weight), FEATURES (default 128),
#   SAMPLING random (seed 1) or halton, KERNEL gaussian (default) or laplacian (docs/results.md,
#   6.13), VALIDATION_ONLY=true to stop after the validation grid (pilots), KERNEL_SEED
#   (default 1) for the random frequencies, PERCEPTRON=true to train the margin perceptron too
#   (docs/results.md, 6.10); KEEP_ALL=true tries no attribute drops. In mode folds, 1-NN
#   skips alignments by lower bounds (same predictions); NO_LOWER_BOUNDS=true aligns every pair. BUILD_DIR as in the other benchmark scripts.
# Prints Markdown (docs/results.md, section 6, "Closing the gap to the IAM reference").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}"
threads="${2:-2}"
aligner="${3:-fast}"
mode="${4:-grid}"
shift $(( $# < 4 ? $# : 4 ))
sets=("$@")
extra=()
if [[ "$mode" =~ ^(folds|try|aligners|test)$ ]] && [ ${#sets[@]} -gt 1 ]; then
    extra=("${sets[@]:1}")
    sets=("${sets[0]}")
fi
if [ ${#sets[@]} -eq 0 ]; then
    sets=(Letter/LOW Letter/MED Letter/HIGH AIDS Fingerprint Protein)
fi
# shellcheck source=lib/bench-build.sh
source "$root/scripts/lib/bench-build.sh"
bench_build
echo "load before: $(cat /proc/loadavg)"
for set in "${sets[@]}"; do
    echo "load before $set: $(cat /proc/loadavg)"
    /usr/bin/time -f "process: %e s wall, %U s user, %S s system" \
        java -Dorbifold.recoding="${RECODING:-iam}" -Dorbifold.grid="${GRID:-}" \
        -Dorbifold.kernelGrid="${KERNEL_GRID:-}" -Dorbifold.features="${FEATURES:-128}" \
        -Dorbifold.sampling="${SAMPLING:-random}" -Dorbifold.perceptron="${PERCEPTRON:-false}" \
        -Dorbifold.kernel="${KERNEL:-gaussian}" \
        -Dorbifold.validationOnly="${VALIDATION_ONLY:-false}" \
        -Dorbifold.kernelSeed="${KERNEL_SEED:-1}" \
        -Dorbifold.keepAll="${KEEP_ALL:-false}" \
        -Dorbifold.noLowerBounds="${NO_LOWER_BOUNDS:-false}" \
        -Dorbifold.factors="${FACTORS:-}" -Dorbifold.aligners="${ALIGNERS:-exact,thorough,fast}" \
        -cp "$bench_classpath" \
        org.orbifold.bench.IamClassificationHarness "$data" "$set" "$threads" "$aligner" \
        "$mode" "${extra[@]}"
    echo "load after $set: $(cat /proc/loadavg)"
done
echo "load after: $(cat /proc/loadavg)"
