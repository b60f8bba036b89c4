#!/usr/bin/env bash
# Runs the clustering study of docs/results.md (section 5) and writes one JSON result per run
# (the CLI's --json output) into a results folder; scripts/cluster_table.py turns them into
# the tables.
#
# Usage: scripts/cluster-runs.sh [RESULTS_DIR] [DATASETS_DIR]
#   RESULTS_DIR   default target/cluster-runs (inside the checkout)
#   DATASETS_DIR  default ../shared/datasets next to the checkout
# Environment:
#   THREADS=2     worker threads passed as --threads (results do not depend on it)
#   FORCE=1       rerun runs whose JSON already exists (default: keep them, so an
#                 interrupted session resumes where it stopped)
#   ONLY=PATTERN  run only the runs whose name matches the bash glob PATTERN, e.g. 'mutag-tu-*'
#   KS="2 3 4"    the k values of the k-range runs (default 2 to 10)
#   ORBIFOLD=CMD  the command to run instead of ./orbifold (for example a java command line
#                 on a copy of the classes, so that a rebuild cannot touch running jobs)
#
# Every k-means run here uses the clustering preset measured in docs/results.md: aligner
# `fast`, one average per Lloyd iteration (--center-update step), at most 60 nodes per center
# (--center-order 60) and a relative-decrease tolerance of 1e-4. For every run NAME the folder
# gets NAME.json, NAME.err (stderr), NAME.rc (exit code), NAME.seconds (wall time of the
# process) and NAME.load (/proc/loadavg before and after).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/cluster-runs}"
data="${2:-$root/../shared/datasets}"
threads="${THREADS:-2}"
ks="${KS:-2 3 4 5 6 7 8 9 10}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [[ ! -d "$data" ]]; then
    echo "cluster-runs: no data sets folder at $data" >&2
    exit 1
fi

# Build the jar once through the launcher, so that the timings below exclude the build.
read -r -a cli <<<"${ORBIFOLD:-$root/orbifold}"
"${cli[@]}" --version >/dev/null || exit 1
{
    echo "date      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit    $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpu       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "nproc     $(nproc)"
    echo "threads   $threads"
    java -version 2>&1 | sed 's/^/java      /'
} >"$out/machine.txt"

# run NAME ARGS...: one `orbifold cluster` run with --threads and --json.
run() {
    local name="$1"
    shift
    if [[ -n "${ONLY:-}" && "$name" != $ONLY ]]; then
        return 0
    fi
    if [[ -f "$out/$name.json" && "${FORCE:-0}" != 1 ]]; then
        echo "skip  $name (result exists)" >&2
        return 0
    fi
    local start end rc
    cat /proc/loadavg >"$out/$name.load"
    start="$(date +%s%N)"
    "${cli[@]}" cluster "$@" --threads "$threads" --json >"$out/$name.json.part" \
        2>"$out/$name.err"
    rc=$?
    end="$(date +%s%N)"
    cat /proc/loadavg >>"$out/$name.load"
    echo "$rc" >"$out/$name.rc"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }' \
        >"$out/$name.seconds"
    if [[ $rc -eq 0 ]]; then
        mv "$out/$name.json.part" "$out/$name.json"
    else
        rm -f "$out/$name.json.part"
    fi
    echo "done  $name (exit $rc, $(cat "$out/$name.seconds") s)" >&2
}

preset=(--aligner fast --center-update step --center-order 60 --tolerance 1e-4)
tu="$data/tu"
smiles="$data/molecules/MUTAG_smiles/mutag_188_data.can"
bbbp="$data/molecules/BBBP/BBBP.csv"

# 1. The speed goal: all 4,337 Mutagenicity graphs, one k, with the large-collection options
#    (docs/results.md 5.5): `nodes` distances for the k-means++ seeding and tracked alignments.
large=(--seeding-aligner nodes --track-alignments)
run mutagenicity-k2 "$tu/Mutagenicity" -k 2 "${preset[@]}" "${large[@]}" --max-iterations 30
#    The runs of docs/results.md 5.8: `nodes` seeding, certified lower-bound skips, centers of
#    at most 30 nodes, no tracking, stopped by the relative-decrease tolerance alone.
bounded=(--aligner fast --seeding-aligner nodes --center-update step --center-order 30
    --lower-bounds)
run mutagenicity-k2-bounded-tol1e-2 "$tu/Mutagenicity" -k 2 "${bounded[@]}" --tolerance 1e-2
run mutagenicity-k3-bounded-tol1e-2 "$tu/Mutagenicity" -k 3 "${bounded[@]}" --tolerance 1e-2

# 2. MUTAG, TU and SMILES, k = 2 to 10; k-medoids with squared costs on TU, so that both
#    minimise the sum of squared distances and their objectives compare at equal k.
for k in $ks; do
    run "mutag-tu-k$k" "$tu/MUTAG" -k "$k" "${preset[@]}"
    run "mutag-smiles-k$k" "$smiles" --skip-invalid -k "$k" "${preset[@]}"
done
for k in $ks; do
    run "mutag-tu-medoids-k$k" "$tu/MUTAG" -k "$k" --algorithm kmedoids --squared-costs \
        --aligner fast
done

# 2b. MUTAG TU, k = 2 to 10: k-medians (Weiszfeld centers) against k-medoids, both
#     minimising the sum of (unsquared) distances, with the silhouette.
for k in $ks; do
    run "mutag-tu-medians-k$k" "$tu/MUTAG" -k "$k" --algorithm kmedians --aligner fast \
        --center-update step --center-order 60 --tolerance 1e-4 --silhouette
    run "mutag-tu-medoids-sum-k$k" "$tu/MUTAG" -k "$k" --algorithm kmedoids --aligner fast \
        --silhouette
done

# 3. AIDS and BBBP for the k that fit the session, with the silhouette on a seeded sample of
#    300 graphs (44,850 alignments per run).
sil=(--silhouette --silhouette-sample 300)
for k in $ks; do
    run "aids-k$k" "$tu/AIDS" -k "$k" "${preset[@]}" "${large[@]}" "${sil[@]}" \
        --max-iterations 30
done
for k in $ks; do
    run "bbbp-k$k" "$bbbp" --skip-invalid -k "$k" "${preset[@]}" "${large[@]}" "${sil[@]}" \
        --max-iterations 30
done
