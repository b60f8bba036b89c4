#!/usr/bin/env bash
# The graph MLP with its number of hidden units chosen by the one-standard-error rule
# (docs/results.md, section 6, "The graph MLP's size by the one-standard-error rule").
# Letter MED and HIGH: grid and settings of section 6.18 (15 or 75 units, Gaussian node
# kernel, learning rate 0.25, 10 epochs, seed 1). Fingerprint (added after the Letter runs,
# before its own): grid and settings of sections 6.12 and 6.15 (one unit per class, i.e. 4,
# or 12 units; 10 epochs, default learning rate, weight order 14, seed 42). One thread; only
# the rule that chooses on the validation split differs from those sections. The test split
# is predicted once per set; the script refuses to run a set whose result file exists.
#
# Usage: scripts/mlp-selection.sh [DATASETS_DIR] [OUT_DIR] [SET...]
#   SET: Letter/MED, Letter/HIGH, Fingerprint (default: all three).
#   JAR (default OUT_DIR/orbifold.jar, built from the working tree if missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}/iam"
out="$(realpath -m "${2:-$root/target/mlp-selection}")"
shift $(( $# < 2 ? $# : 2 ))
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
    sets=(Letter/MED Letter/HIGH Fingerprint)
fi
# shellcheck source=lib/holdout.sh
source "$root/scripts/lib/holdout.sh"
holdout_jar
for set in "${sets[@]}"; do
    case "$set" in
        Letter/MED | Letter/HIGH)
            level="${set#Letter/}"
            result="$out/letter-$level-mlp-one-se.json"
            bandwidth=$([ "$level" = MED ] && echo 0.5 || echo 1)
            options=("$data/Letter/$level" --hidden-units 0,75 --learning-rate 0.25
                --standardize --existence 0.5 --edge-weight 0.5 --node-kernel gaussian
                --bandwidth "$bandwidth" --features 128 --seed 1) ;;
        Fingerprint)
            result="$out/fingerprint-mlp-one-se.json"
            options=("$data/Fingerprint/data" --hidden-units 0,12 --standardize
                --existence 0.5 --edge-weight 1 --max-model-order 14 --seed 42) ;;
        *) echo "unknown set $set (Letter/MED, Letter/HIGH or Fingerprint)" >&2; exit 2 ;;
    esac
    if [ -e "$result" ]; then
        echo "$result exists: the test split of $set was already predicted; not again" >&2
        continue
    fi
    echo "$set: load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "$set: %e s wall, %U s user, %S s system" \
        java -jar "$jar" classify "${options[@]}" --method mlp --epochs 10 --aligner fast \
        --threads 1 --selection one-standard-error --json --out "$result" > /dev/null
    echo "$set: load after $(cut -d' ' -f1-3 /proc/loadavg)"
done
