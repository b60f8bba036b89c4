#!/usr/bin/env bash
# GLVQ started from class medoids on IAM Letter LOW / MED / HIGH with 10 % of the 750
# training graphs as prototypes (docs/results.md, section 6, "GLVQ from class medoids on
# Letter"), IAM protocol: every choice on the validation split, the test split once per level
# with the setting the rule below picks. The grid and the rule are fixed here, before the
# first run.
#
# Usage: scripts/letter-glvq-medoids.sh PHASE [DATASETS_DIR] [OUT_DIR]
#   PHASE validate: every setting of the grid below, per level, fitted on train.cxl and
#         evaluated on validation.cxl (given to classify as its --test file, with no --valid,
#         so each run has one setting and its "accuracy" is the validation accuracy); one JSON
#         and one log (load, CPU) per level and setting.
#   PHASE choose: the validation table and, per level, the chosen setting.
#   PHASE test: per level, the chosen setting fitted on train.cxl and test.cxl predicted once
#         (refuses to run a level twice).
#   LEVELS (default "LOW MED HIGH"); JAR (default OUT_DIR/orbifold.jar, built from the
#   working tree if missing); THREADS (default 1).
#
# Distance and model fixed from section 6.14 (GLVQ from class means, 99.47 / 94.13 / 89.07 %):
# --standardize --existence 0.5 --edge-weight 0.5 --node-kernel gaussian --features 128
# --aligner fast --seed 1, bandwidth 0.25 / 0.5 / 1 on LOW / MED / HIGH; 5 prototypes per class
# (75 of 750 training graphs = 10 %), started at the medoids of a seeded class-wise k-medoids
# clustering (--initialization class-medoids).
#
# Grid per level (4 settings, in the order listed):
#   e0:      --epochs 0: the nearest class medoid, no training;
#   e10-r0.03, e10-r0.1, e10-r0.3: GLVQ, 10 epochs, learning rate 0.03, 0.1, 0.3.
# Rule: the most correct validation graphs, ties to the setting listed first.
set -euo pipefail
phase="${1:?usage: scripts/letter-glvq-medoids.sh validate|choose|test [DATASETS_DIR] [OUT_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
letter="${2:-$root/../shared/datasets}/iam/Letter"
out="$(realpath -m "${3:-$root/target/letter-glvq-medoids}")"
threads="${THREADS:-1}"
read -r -a levels <<<"${LEVELS:-LOW MED HIGH}"
# shellcheck source=lib/holdout.sh
source "$root/scripts/lib/holdout.sh"
holdout_jar -o

bandwidth() {
    case "$1" in
        LOW) echo 0.25 ;;
        MED) echo 0.5 ;;
        HIGH) echo 1 ;;
        *) echo "unknown level $1" >&2; exit 2 ;;
    esac
}

common() {
    echo "--standardize --existence 0.5 --edge-weight 0.5 --node-kernel gaussian" \
        "--bandwidth $(bandwidth "$1") --features 128 --aligner fast --seed 1" \
        "--threads $threads --json --method glvq --prototypes 5" \
        "--initialization class-medoids"
}

# name|classify options of one setting, in rule order
grid=(
    "e0|--epochs 0"
    "e10-r0.03|--epochs 10 --learning-rate 0.03"
    "e10-r0.1|--epochs 10 --learning-rate 0.1"
    "e10-r0.3|--epochs 10 --learning-rate 0.3"
)

choose() {
    local groups=() level
    for level in "${levels[@]}"; do
        groups+=("$level:|$out/$level|chosen|$(holdout_names)")
    done
    local row="  {name:10s} {correct:3d}/{n} = {percent:6.2f} %"
    row+="   {cpu:6.1f} s CPU  {wall:6.1f} s wall   load {load}"
    holdout_choose "$row" "${groups[@]}"
}

case "$phase" in
    validate)
        for level in "${levels[@]}"; do
            read -r -a base <<<"$(common "$level")"
            holdout_validate "$out/$level" "$level " "$letter/$level/train.cxl" \
                "$letter/$level/validation.cxl" "${base[@]}"
        done
        ;;
    choose)
        choose
        ;;
    test)
        choose >/dev/null
        for level in "${levels[@]}"; do
            name="$(cat "$out/$level/chosen")"
            if [ -f "$out/$level/test.json" ] || [ -f "$out/$level/test.log" ]; then
                echo "$level: test split already evaluated ($out/$level/test.*); not again"
                continue
            fi
            read -r -a base <<<"$(common "$level")"
            read -r -a opts <<<"$(options_of "$name")"
            echo "$(date -u +%H:%M:%S) test $level: $name"
            timed "$out/$level/test.log" --train "$letter/$level/train.cxl" \
                --test "$letter/$level/test.cxl" "${base[@]}" "${opts[@]}" \
                --out "$out/$level/test.json"
            cat "$out/$level/test.log"
        done
        python3 - "$out" "${levels[*]}" <<'EOF'
import json, os, sys
out, levels = sys.argv[1], sys.argv[2].split()
for level in levels:
    path = f"{out}/{level}/test.json"
    if os.path.exists(path):
        with open(path) as f:
            d = json.load(f)
        with open(f"{out}/{level}/chosen") as f:
            name = f.read().strip()
        print(f"{level}: test {d['correct']}/{d['evaluated']} = "
              f"{100.0 * d['accuracy']:.2f} %, chosen {name}")
EOF
        ;;
    *)
        echo "unknown phase $phase" >&2
        exit 2
        ;;
esac
