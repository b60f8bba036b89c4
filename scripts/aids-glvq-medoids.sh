#!/usr/bin/env bash
# GLVQ started from class medoids on IAM AIDS with at most 10 % of the 250 training graphs as
# prototypes (docs/results.md, section 6, "GLVQ from class medoids on AIDS"), IAM protocol:
# every choice on the validation split, the test split once with the setting the rule below
# picks. The grid and the rule are fixed here, before the first run.
#
# Usage: scripts/aids-glvq-medoids.sh PHASE [DATASETS_DIR] [OUT_DIR]
#   PHASE validate: every setting of the grid below, fitted on train.cxl and evaluated on
#         valid.cxl (given to classify as its --test file, with no --valid, so each run has one
#         setting and its "accuracy" is the validation accuracy); one JSON per setting.
#   PHASE choose: the validation table and the chosen setting.
#   PHASE test: the chosen setting fitted on train.cxl and test.cxl predicted once (refuses
#         to run twice).
#   JAR (default OUT_DIR/orbifold.jar, built from the working tree if missing); THREADS
#   (default 1).
#
# Distance of sections 6.7 / 6.12 / 6.15 for AIDS (chosen there on validation): --standardize
# --existence 0.5 --edge-weight 0.5 --aligner fast --seed 42 (the seed of 6.12 and 6.15).
# Order cap: the trained settings use --max-model-order 33, the cap 6.15 chose for GLVQ on
# AIDS on validation (the 90th percentile of the training graphs' orders); the 0-epoch
# settings are the plain nearest-medoid classifier, uncapped (medoids keep their own order).
#
# Grid (rule order; simpler settings first), at most 24 prototypes (12 per class, 9.6 % of the
# 250 training graphs):
#   medoid-p1, medoid-p4, medoid-p12: nearest class medoid (--epochs 0), 1, 4, 12 per class.
#   glvq-p1-r0.1: 1 per class, 5 epochs, rate 0.1, cap 33 (6.15's capped GLVQ with the
#                 medoid start instead of the class mean).
#   glvq-p4-r0.1, glvq-p4-r0.3, glvq-p12-r0.1, glvq-p12-r0.3: 4 or 12 per class, 5 epochs,
#                 rate 0.1 or 0.3, cap 33.
# Rule: the most correct validation graphs, ties to the setting listed first.
set -euo pipefail
phase="${1:?usage: scripts/aids-glvq-medoids.sh validate|choose|test [DATASETS_DIR] [OUT_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${2:-$root/../shared/datasets}/iam/AIDS/data"
out="$(realpath -m "${3:-$root/target/aids-glvq-medoids}")"
threads="${THREADS:-1}"
# shellcheck source=lib/holdout.sh
source "$root/scripts/lib/holdout.sh"
holdout_jar
common=(--standardize --existence 0.5 --edge-weight 0.5 --aligner fast --seed 42
    --threads "$threads" --json --method glvq --initialization class-medoids)

# name|classify options of one validation setting, in rule order
grid=(
    "medoid-p1|--prototypes 1 --epochs 0"
    "medoid-p4|--prototypes 4 --epochs 0"
    "medoid-p12|--prototypes 12 --epochs 0"
    "glvq-p1-r0.1|--prototypes 1 --epochs 5 --learning-rate 0.1 --max-model-order 33"
    "glvq-p4-r0.1|--prototypes 4 --epochs 5 --learning-rate 0.1 --max-model-order 33"
    "glvq-p4-r0.3|--prototypes 4 --epochs 5 --learning-rate 0.3 --max-model-order 33"
    "glvq-p12-r0.1|--prototypes 12 --epochs 5 --learning-rate 0.1 --max-model-order 33"
    "glvq-p12-r0.3|--prototypes 12 --epochs 5 --learning-rate 0.3 --max-model-order 33"
)

choose() {
    local row="  {name:16s} {correct:3d}/{n} = {percent:5.1f} %"
    row+="   {cpu:6.1f} s CPU   {wall:6.1f} s wall   load {load}"
    holdout_choose "$row" "|$out|chosen|$(holdout_names)"
}

case "$phase" in
    validate)
        holdout_validate "$out" "" "$data/train.cxl" "$data/valid.cxl" "${common[@]}"
        ;;
    choose)
        choose
        ;;
    test)
        if [ -f "$out/test.json" ] || [ -f "$out/test.started" ]; then
            echo "test split already evaluated or started ($out/test.json); not again" >&2
            exit 1
        fi
        choose >/dev/null
        name="$(cat "$out/chosen")"
        read -r -a opts <<<"$(options_of "$name")"
        echo "$name" >"$out/test.started"
        echo "$(date -u +%H:%M:%S) test: $name"
        timed "$out/test.log" --train "$data/train.cxl" --test "$data/test.cxl" \
            "${common[@]}" "${opts[@]}" --out "$out/test.json"
        cat "$out/test.log"
        python3 - "$out" "$name" <<'EOF'
import json, sys
out, name = sys.argv[1], sys.argv[2]
with open(f"{out}/test.json") as f:
    d = json.load(f)
print(f"{name}: test {d['correct']}/{d['evaluated']} = {100.0 * d['accuracy']:.1f} %"
      f", testSeconds {d.get('testSeconds')}")
EOF
        ;;
    *)
        echo "unknown phase $phase" >&2
        exit 2
        ;;
esac
