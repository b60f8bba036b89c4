#!/usr/bin/env bash
# First classification runs on IAM Letter LOW / MED / HIGH (train -> test, fixed settings):
# builds with the 'bench' profile and runs org.orbifold.bench.LetterClassificationHarness.
# Usage: scripts/letter-classification.sh [DATASETS_DIR] [THREADS] [CLASSIFIERS] [SPLIT] [LEVELS],
# with CLASSIFIERS a comma-separated subset of 1nn,mean,lvq1,perceptron,mlp (default all) and
# SPLIT test (default) or validation; BUILD_DIR as in the other
# benchmark scripts (default target). Prints a Markdown table (docs/results.md, section 6).
# SPLIT protocol tunes each of CLASSIFIERS (then a subset of lvq1,glvq,perceptron,mlp) on
# train -> validation, first the attribute scaling (raw, or standardized coordinates with an
# existence channel e and edge weight we), then the learning rate / margin, and reports the
# chosen setting once on test, next to the k-NN of section 6.6 (docs/results.md, 6.9); LEVELS
# is a comma-separated subset of LOW,MED,HIGH (default all). Example:
#   scripts/letter-classification.sh ../shared/datasets 2 mlp,perceptron,glvq protocol LOW
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}"
threads="${2:-2}"
classifiers="${3:-1nn,mean,lvq1,perceptron,mlp}"
split="${4:-test}"
levels="${5:-LOW,MED,HIGH}"
# shellcheck source=lib/bench-build.sh
source "$root/scripts/lib/bench-build.sh"
bench_build
java -cp "$bench_classpath" \
    org.orbifold.bench.LetterClassificationHarness "$data/iam/Letter" "$threads" \
    "$classifiers" "$split" "$levels"
