#!/usr/bin/env bash
# The classification runs of docs/results.md, section 6 (issue 6): IAM Letter LOW / MED / HIGH
# with hyper-parameters chosen on the validation split (test accuracy reported once), MUTAG
# and Mutagenicity by stratified 10-fold cross-validation, and MUTAG on the split of
# scikit-learn's train_test_split(test_size=0.1, random_state=42) redone by
# scripts/mutag_sklearn_split.py. Builds the jar if needed and runs a copy of it
# (OUT_DIR/orbifold.jar), so that rebuilding during the runs changes nothing.
#
# Usage: scripts/classification-runs.sh [OUT_DIR] [DATASETS_DIR]; ONLY='letter-knn-*' runs a
# subset (a shell pattern on the run names), THREADS (default 2). For each run NAME it writes
# OUT_DIR/NAME.json (the --json result), NAME.err, NAME.seconds (process wall time) and
# NAME.load (/proc/loadavg before and after); it skips runs whose JSON exists (FORCE=1 redoes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/target/classification-runs}")"
data="$(realpath -m "${2:-$root/../shared/datasets}")"
threads="${THREADS:-2}"
mkdir -p "$out"
cd "$root"
python3 scripts/mutag_sklearn_split.py "$out/mutag-split" >/dev/null
./orbifold --version >/dev/null
# A new file moved into place: a run still using the previous copy keeps reading it.
cp target/orbifold.jar "$out/.orbifold.jar.$$" && mv "$out/.orbifold.jar.$$" "$out/orbifold.jar"
git rev-parse --short HEAD >"$out/commit.txt" 2>/dev/null || true

run() {
    local name="$1"
    shift
    if [[ -n "${ONLY:-}" && "$name" != $ONLY ]]; then
        return
    fi
    if [[ -z "${FORCE:-}" && -s "$out/$name.json" ]]; then
        return
    fi
    echo "run $name: orbifold $*" >&2
    local before t0 t1 rc=0
    before="$(cut -d' ' -f1-3 /proc/loadavg)"
    t0=$(date +%s.%N)
    java -jar "$out/orbifold.jar" "$@" --threads "$threads" --json --out "$out/$name.json" \
        >/dev/null 2>"$out/$name.err" || rc=$?
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.1f\n", $2 - $1}' >"$out/$name.seconds"
    echo "before $before after $(cut -d' ' -f1-3 /proc/loadavg) exit $rc" >"$out/$name.load"
}

letter="$data/iam/Letter"
for level in LOW MED HIGH; do
    run "letter-knn-$level" classify "$letter/$level" --aligner fast \
        --k 1,3,5 --edge-weight 0.5,1,2
done
for level in LOW MED HIGH; do
    run "letter-lvq1-$level" classify "$letter/$level" --aligner fast --method lvq1 \
        --prototypes 5 --learning-rate 0.1,0.3
done
run "mutag-knn-folds" classify "$data/tu/MUTAG" --aligner fast --folds 10
run "mutag-knn-sklearn" classify "$data/tu/MUTAG" --aligner fast \
    --train "$out/mutag-split/mutag-train.txt" --test "$out/mutag-split/mutag-test.txt"
run "mutag-prototype-sklearn" classify "$data/tu/MUTAG" --aligner fast --method prototype \
    --train "$out/mutag-split/mutag-train.txt" --test "$out/mutag-split/mutag-test.txt"
# Mutagenicity: the first graphs only (its classes are interleaved in file order).
for limit in ${MUTAGENICITY_LIMITS:-150 500}; do
    run "mutagenicity-knn-folds-$limit" classify "$data/tu/Mutagenicity" --aligner fast \
        --folds 10 --limit "$limit"
done
