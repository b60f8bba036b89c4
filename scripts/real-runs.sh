#!/usr/bin/env bash
# Runs the experiments recorded in docs/results.md on the public data sets and writes one
# JSON result per run (the CLI's --json --out output) into a results folder, then prints the
# tables with scripts/results_table.py.
#
# Usage: scripts/real-runs.sh [RESULTS_DIR] [DATASETS_DIR]
#   RESULTS_DIR   default target/real-runs (inside the checkout)
#   DATASETS_DIR  default ../shared/datasets next to the checkout
# Environment:
#   THREADS=2     worker threads passed as --threads (results do not depend on it)
#   FORCE=1       rerun runs whose JSON already exists (default: keep them, so an
#                 interrupted session resumes where it stopped)
#   ONLY=PATTERN  run only the runs whose name matches the bash glob PATTERN, e.g. 'letter-*'
#
# For every run NAME the folder gets NAME.json (the result), NAME.err (stderr), NAME.rc (exit
# code) and NAME.seconds (wall time of the whole process, JVM start and medoid included). A
# failed run keeps its .err and .rc and no .json; the table maker lists it as failed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/real-runs}"
data="${2:-$root/../shared/datasets}"
threads="${THREADS:-2}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [[ ! -d "$data" ]]; then
    echo "real-runs: no data sets folder at $data" >&2
    exit 1
fi

# Build the jar once through the launcher, so that the timings below exclude the build.
"$root/orbifold" --version >/dev/null || exit 1

# The machine, for the record.
{
    echo "date      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit    $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpu       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "nproc     $(nproc)"
    echo "threads   $threads"
    free -h | sed 's/^/memory    /'
    java -version 2>&1 | sed 's/^/java      /'
} >"$out/machine.txt"

# run NAME ARGS...: one CLI run with --threads, --json and --out into the results folder.
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
    start="$(date +%s%N)"
    "$root/orbifold" "$@" --threads "$threads" --json --out "$out/$name.json" \
        >/dev/null 2>"$out/$name.err"
    rc=$?
    end="$(date +%s%N)"
    echo "$rc" >"$out/$name.rc"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", (b - a) / 1e9 }' \
        >"$out/$name.seconds"
    if [[ $rc -ne 0 ]]; then
        rm -f "$out/$name.json"
        echo "FAIL  $name (exit $rc): $(tail -n 1 "$out/$name.err")" >&2
    else
        echo "done  $name ($(cat "$out/$name.seconds") s)" >&2
    fi
}

# 1. MUTAG, both classes: Frechet mean and median with the default aligner (faq).
mutag="$data/tu/MUTAG"
for c in -1 1; do
    run "mutag-mean-faq-c$c" mean "$mutag" --class="$c"
    run "mutag-median-faq-c$c" median "$mutag" --class="$c"
done

# 2. IAM Letter HIGH, training split, 15 classes: mean and median, faq and exact.
letter="$data/iam/Letter/HIGH/train.cxl"
for aligner in faq exact; do
    for c in A E F H I K L M N T V W X Y Z; do
        run "letter-mean-$aligner-$c" mean "$letter" --class="$c" --aligner "$aligner"
        run "letter-median-$aligner-$c" median "$letter" --class="$c" --aligner "$aligner"
    done
done

# 3. geomstats networks: Frechet mean, 20 iterations, seeds 1 to 5.
for set in mammals_grooming football_ppn; do
    for seed in 1 2 3 4 5; do
        run "geomstats-mean-$set-s$seed" mean "$data/geomstats/$set.npy" \
            --max-iterations 20 --seed "$seed"
    done
done

# 4. The same, with --restarts 4: the medoid start plus three incremental-mean starts, best
#    kept; each of the four runs is limited to 20 iterations.
for set in mammals_grooming football_ppn; do
    for seed in 1 2 3 4 5; do
        run "geomstats-restarts4-$set-s$seed" mean "$data/geomstats/$set.npy" \
            --max-iterations 20 --restarts 4 --seed "$seed"
    done
done

python3 "$root/scripts/results_table.py" "$out"
