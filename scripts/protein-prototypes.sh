#!/usr/bin/env bash
# Prototype models on IAM Protein with at most 10 % of the training graphs as prototypes
# (docs/results.md, section 6, "Protein: class medoids as prototypes"), IAM protocol: every
# choice on the validation split, the test split once per method with the setting the rule
# below picks. The grid and the rule are fixed here, before the first run.
#
# Usage: scripts/protein-prototypes.sh PHASE [DATASETS_DIR] [OUT_DIR]
#   PHASE validate: every setting of the grid below, fitted on train.cxl and evaluated on
#         valid.cxl (given to classify as its --test file, with no --valid, so each run has one
#         setting and its "accuracy" is the validation accuracy); one JSON per setting.
#   PHASE choose: the validation table and, per method, the chosen setting.
#   PHASE test: the chosen setting of every method fitted on train.cxl and test.cxl predicted
#         once (refuses to run a method twice); then the graph MLP, one setting fixed here.
#   JAR (default OUT_DIR/orbifold.jar, built from the working tree if missing); THREADS
#   (default 2).
#
# Distance of section 6.16 (k-NN 66.0 % test): --sequence-pairs --standardize --existence 0.5
# --edge-weight 0.1 --aligner fast --seed 1. Prototypes: at most 18 (3 per class, 9 % of the
# 200 training graphs).
#
# Methods and grid (in the order listed; the rule takes the highest validation accuracy per
# method, ties to the setting listed first):
#   medoid: nearest class medoid (--method glvq --epochs 0 --initialization class-medoids, no
#           order cap), prototypes per class 1, 2, 3.
#   glvq:   3 per class, order cap 48 (as in 6.17), learning rate in 0.03, 0.1, 0.3:
#           epochs 0 from medoids; then medoids x 3 rates, 3 epochs; then class means x 3
#           rates, 3 epochs.
#   lvq1:   3 per class, order cap 48: epochs 0 from medoids; medoids x 3 rates, 3 epochs.
#   (glvq and lvq1 with epochs 0 are the same model; it is run once, under glvq, and read by
#   both.)
#   mlp:    one setting, not searched: 18 tanh units (3 per class) started at the class
#           medoids, learning rate 0.25, 5 epochs, weight order 48 (the setting of 6.17 with
#           18 instead of 20 units and medoid starts); validation reported, test once.
set -euo pipefail
phase="${1:?usage: scripts/protein-prototypes.sh validate|choose|test [DATASETS_DIR] [OUT_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${2:-$root/../shared/datasets}/iam/Protein/data"
out="$(realpath -m "${3:-$root/target/protein-prototypes}")"
threads="${THREADS:-2}"
# shellcheck source=lib/holdout.sh
source "$root/scripts/lib/holdout.sh"
holdout_jar
common=(--sequence-pairs --standardize --existence 0.5 --edge-weight 0.1 --aligner fast
    --seed 1 --threads "$threads" --json)

# name|classify options of one validation setting
grid=(
    "medoid-p1|--method glvq --prototypes 1 --epochs 0 --initialization class-medoids"
    "medoid-p2|--method glvq --prototypes 2 --epochs 0 --initialization class-medoids"
    "medoid-p3|--method glvq --prototypes 3 --epochs 0 --initialization class-medoids"
    "glvq-medoids-e0|--method glvq --prototypes 3 --epochs 0 --initialization class-medoids --max-model-order 48"
    "glvq-medoids-r0.03|--method glvq --prototypes 3 --epochs 3 --learning-rate 0.03 --initialization class-medoids --max-model-order 48"
    "glvq-medoids-r0.1|--method glvq --prototypes 3 --epochs 3 --learning-rate 0.1 --initialization class-medoids --max-model-order 48"
    "glvq-medoids-r0.3|--method glvq --prototypes 3 --epochs 3 --learning-rate 0.3 --initialization class-medoids --max-model-order 48"
    "glvq-means-r0.03|--method glvq --prototypes 3 --epochs 3 --learning-rate 0.03 --initialization class-means --max-model-order 48"
    "glvq-means-r0.1|--method glvq --prototypes 3 --epochs 3 --learning-rate 0.1 --initialization class-means --max-model-order 48"
    "glvq-means-r0.3|--method glvq --prototypes 3 --epochs 3 --learning-rate 0.3 --initialization class-means --max-model-order 48"
    "lvq1-medoids-r0.03|--method lvq1 --prototypes 3 --epochs 3 --learning-rate 0.03 --initialization class-medoids --max-model-order 48"
    "lvq1-medoids-r0.1|--method lvq1 --prototypes 3 --epochs 3 --learning-rate 0.1 --initialization class-medoids --max-model-order 48"
    "lvq1-medoids-r0.3|--method lvq1 --prototypes 3 --epochs 3 --learning-rate 0.3 --initialization class-medoids --max-model-order 48"
)
# method|candidates in rule order
methods=(
    "medoid|medoid-p1 medoid-p2 medoid-p3"
    "glvq|glvq-medoids-e0 glvq-medoids-r0.03 glvq-medoids-r0.1 glvq-medoids-r0.3 glvq-means-r0.03 glvq-means-r0.1 glvq-means-r0.3"
    "lvq1|glvq-medoids-e0 lvq1-medoids-r0.03 lvq1-medoids-r0.1 lvq1-medoids-r0.3"
)
mlp="--method mlp --hidden-units 18 --initialization class-medoids --learning-rate 0.25 --epochs 5 --max-model-order 48"

choose() {
    local groups=() spec
    for spec in "${methods[@]}"; do
        groups+=("${spec%%|*}:|$out|chosen-${spec%%|*}|${spec#*|}")
    done
    local row="  {name:22s} {correct:3d}/{n} = {percent:5.1f} %   {cpu:6.1f} s CPU   load {load}"
    holdout_choose "$row" "${groups[@]}"
}

case "$phase" in
    validate)
        holdout_validate "$out" "" "$data/train.cxl" "$data/valid.cxl" "${common[@]}"
        ;;
    choose)
        choose
        ;;
    test)
        choose >/dev/null
        for spec in "${methods[@]}"; do
            method="${spec%%|*}"
            name="$(cat "$out/chosen-$method")"
            if [ -f "$out/test-$method.json" ]; then
                echo "$method: test split already evaluated ($out/test-$method.json); not again"
                continue
            fi
            if [ -f "$out/tested-$name" ]; then
                # The same setting chosen by an earlier method (glvq and lvq1 at 0 epochs):
                # one evaluation of the test split serves both.
                earlier="$(cat "$out/tested-$name")"
                echo "$method: $name was tested for $earlier; its result is reused"
                cp "$out/test-$earlier.json" "$out/test-$method.json"
                continue
            fi
            read -r -a opts <<<"$(options_of "$name")"
            echo "$(date -u +%H:%M:%S) test $method: $name"
            timed "$out/test-$method.log" --train "$data/train.cxl" --test "$data/test.cxl" \
                "${common[@]}" "${opts[@]}" --out "$out/test-$method.json"
            cat "$out/test-$method.log"
            echo "$method" >"$out/tested-$name"
        done
        if [ ! -f "$out/test-mlp.json" ]; then
            read -r -a opts <<<"$mlp"
            echo "$(date -u +%H:%M:%S) mlp (one setting): validation and test"
            timed "$out/test-mlp.log" --train "$data/train.cxl" --valid "$data/valid.cxl" \
                --test "$data/test.cxl" "${common[@]}" "${opts[@]}" --out "$out/test-mlp.json"
            cat "$out/test-mlp.log"
        fi
        python3 - "$out" <<'EOF'
import json, os, sys
out = sys.argv[1]
for method in ("medoid", "glvq", "lvq1", "mlp"):
    path = f"{out}/test-{method}.json"
    if os.path.exists(path):
        with open(path) as f:
            d = json.load(f)
        print(f"{method}: test {d['correct']}/{d['evaluated']} = "
              f"{100.0 * d['accuracy']:.1f} %, chosen {d['chosen']}")
EOF
        ;;
    *)
        echo "unknown phase $phase" >&2
        exit 2
        ;;
esac
