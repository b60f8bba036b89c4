#!/usr/bin/env bash
# The graph MLP on IAM Letter MED and HIGH with its number of hidden units chosen by the
# one-standard-error rule (docs/results.md, section 6, "The graph MLP's size by the
# one-standard-error rule"). Grid and settings are those of section 6.18 (15 or 75 units,
# Gaussian node kernel, learning rate 0.25, 10 epochs, seed 1, one thread); only the rule that
# chooses on the validation split differs. The test split is predicted once per level; the
# script refuses to run a level whose result file exists.
#
# Usage: scripts/letter-mlp-selection.sh [DATASETS_DIR] [OUT_DIR]
#   JAR (default OUT_DIR/orbifold.jar, built from the working tree if missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/datasets}/iam/Letter"
out="$(realpath -m "${2:-$root/target/letter-mlp-selection}")"
mkdir -p "$out"
jar="${JAR:-$out/orbifold.jar}"
if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -q -B -DskipTests -Dcheckstyle.skip package)
    cp "$root/target/orbifold.jar" "$jar"
    echo "built $jar at commit $(git -C "$root" rev-parse --short HEAD)"
fi
for level in MED HIGH; do
    result="$out/letter-$level-mlp-one-se.json"
    if [ -e "$result" ]; then
        echo "$result exists: the test split of $level was already predicted; not again" >&2
        continue
    fi
    bandwidth=$([ "$level" = MED ] && echo 0.5 || echo 1)
    echo "$level: load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "$level: %e s wall, %U s user, %S s system" \
        java -jar "$jar" classify "$data/$level" --method mlp --hidden-units 0,75 \
        --learning-rate 0.25 --epochs 10 --standardize --existence 0.5 --edge-weight 0.5 \
        --node-kernel gaussian --bandwidth "$bandwidth" --features 128 --aligner fast \
        --seed 1 --threads 1 --selection one-standard-error --json --out "$result"
    echo "$level: load after $(cut -d' ' -f1-3 /proc/loadavg)"
done
