#!/usr/bin/env bash
# Quality and time of the drawings' layout for graphs without coordinates (docs/performance.md,
# "Layout of drawings without coordinates"): builds with the 'bench' profile and runs
# org.orbifold.bench.DrawingQualityHarness on the first graphs of each data set, one thread:
# pairs of nodes on top of each other or touching, edge crossings, longest over shortest edge,
# thread CPU time per drawing.
# Usage: scripts/drawing-quality.sh [DATASETS_DIR] [OUT_DIR] [SET:COUNT...]
#   SET:COUNT defaults to tu/MUTAG:100 tu/AIDS:100 tu/Mutagenicity:100. OUT_DIR (default
#   BUILD_DIR/drawing-quality) gets one CSV per set, one row per graph.
#   BUILD_DIR as in the other benchmark scripts; SEED (default 42) the drawing's seed;
#   JAVA_OPTS, if set, more options of the java command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(realpath -m "${1:-$root/../shared/datasets}")"
out_dir="${2:-}"
shift $(( $# < 2 ? $# : 2 ))
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
    sets=(tu/MUTAG:100 tu/AIDS:100 tu/Mutagenicity:100)
fi
# shellcheck source=lib/bench-build.sh
source "$root/scripts/lib/bench-build.sh"
bench_build
out_dir="$(realpath -m "${out_dir:-$BUILD_DIR/drawing-quality}")"
mkdir -p "$out_dir"
bench_machine
for item in "${sets[@]}"; do
    set_name="${item%%:*}"
    count="${item##*:}"
    echo "load before $set_name: $(cat /proc/loadavg)"
    java -XX:ActiveProcessorCount=1 ${JAVA_OPTS:-} -Dseed="${SEED:-42}" -cp "$bench_classpath" \
        org.orbifold.bench.DrawingQualityHarness "$data/$set_name" "$count" \
        "$out_dir/$(basename "$set_name").csv"
done
echo "load after: $(cat /proc/loadavg)"
