#!/usr/bin/env bash
# Prediction time of prototype models, the margin perceptron and the graph MLP against k-NN
# (docs/results.md, section 6, "Prediction time: prototype models against k-NN"): builds with
# the 'bench' profile and runs org.orbifold.bench.PredictionTimeHarness once per set, one
# thread, thread CPU time per predicted graph after a warm-up pass.
# Usage: scripts/prediction-time.sh [DATASETS_DIR] [MODELS] [SPLIT] [REPEATS] [SET...]
#   MODELS: comma-separated, default knn-all,knn,mean,glvq,perceptron,mlp; NAME@m caps the
#   order of the prototypes or weight graphs at m; mlp:H[:RATE] sets the MLP's hidden units
#   and learning rate; medoid[:P] is the nearest class medoid (P per class, default the set's
#   GLVQ count); glvq-medoids[:E[:RATE]] is GLVQ started at the set's GLVQ count of class
#   medoids, E epochs at rate RATE (defaults: the set's GLVQ values); tmlp[:H[:RATE]] is the
#   template MLP (one alignment per query; defaults 32 units, rate 0.1, 30 epochs; @m is the
#   template order). The
#   perceptron and the MLP are timed with and without their bounds.
#   SPLIT: test (default) or valid. REPEATS:
#   timed passes, default 3. SET defaults to Letter/LOW Letter/MED Letter/HIGH Fingerprint AIDS.
#   BUILD_DIR as in the other benchmark scripts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}"
models="${2:-knn-all,knn,mean,glvq,perceptron,mlp}"
split="${3:-test}"
if [ "$split" != test ] && [ "$split" != valid ]; then
    echo "SPLIT must be test or valid, got '$split'" >&2
    exit 2
fi
repeats="${4:-3}"
shift $(( $# < 4 ? $# : 4 ))
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
    sets=(Letter/LOW Letter/MED Letter/HIGH Fingerprint AIDS)
fi
# shellcheck source=lib/bench-build.sh
source "$root/scripts/lib/bench-build.sh"
bench_build
bench_machine
for set in "${sets[@]}"; do
    echo "load before $set: $(cat /proc/loadavg)"
    /usr/bin/time -f "process: %e s wall, %U s user, %S s system" \
        java -XX:ActiveProcessorCount=1 \
        -cp "$bench_classpath" \
        org.orbifold.bench.PredictionTimeHarness "$data" "$set" "$models" "$split" "$repeats"
    echo "load after $set: $(cat /proc/loadavg)"
done
