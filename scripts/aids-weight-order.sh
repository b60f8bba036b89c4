#!/usr/bin/env bash
# The weight order of the margin perceptron and the graph MLP on IAM AIDS, chosen on
# validation for speed (docs/results.md, section 6, "AIDS: the max-linear models' weight
# order chosen on validation"). Section 6.19 found both models 3.8-3.9 times faster than k-NN
# with lower bounds, with weight graphs of order 33 (the 90th percentile of the training
# graphs' orders), because a query is aligned at the larger of its order and the weight
# graph's. Here the order is a hyper-parameter, chosen on the validation split by the rule
# below, and the test split is predicted once per model with the chosen order. The grid and
# the rule are fixed here, before the first run.
#
# Usage: scripts/aids-weight-order.sh PHASE [DATASETS_DIR] [OUT_DIR]
#   PHASE validate: PredictionTimeHarness (scripts/prediction-time.sh) on the validation
#         split, one timed pass, every model of the grid; its table goes to OUT_DIR/valid.md.
#   PHASE choose: the validation counts and the chosen order per model.
#   PHASE test: bounded k-NN and the two chosen models on the test split, 3 timed passes
#         (refuses to run twice); table in OUT_DIR/test.md.
#   BUILD_DIR (default OUT_DIR/build) as in scripts/prediction-time.sh.
#
# Models: the settings of PredictionTimeHarness.config("AIDS"), which are those of 6.7 / 6.12
# (standardized attributes, existence 0.5, edge weight 0.5, aligner fast; perceptron: zero
# start, margin 0, rate 0.1, 10 epochs, seed 1; MLP: one hidden unit per class, default rate,
# 10 epochs, seed 42), with the weight order capped at m: perceptron@m and mlp@m.
# Grid: m in 8, 12, 16, 20, 24, 33 for each model (33 = 6.19's order).
# Rule, per model: the one-standard-error rule of ValidationSearch.Selection
# (docs/results.md 6.22): every order whose validation count c satisfies
# c + sqrt(b (n - b) / n) >= b, with b the model's best count over the grid and n = 250, is
# equally good; the smallest such order is chosen (the cheapest alignment).
set -euo pipefail
phase="${1:?usage: scripts/aids-weight-order.sh validate|choose|test [DATASETS_DIR] [OUT_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(realpath -m "${2:-$root/../shared/datasets}")"
out="$(realpath -m "${3:-$root/target/aids-weight-order}")"
export BUILD_DIR="${BUILD_DIR:-$out/build}"
orders=(8 12 16 20 24 33)

grid_models() {
    local list=() m
    for m in "${orders[@]}"; do
        list+=("perceptron@$m")
    done
    for m in "${orders[@]}"; do
        list+=("mlp@$m")
    done
    (IFS=,; echo "${list[*]}")
}

choose() {
    if [ ! -s "$out/valid.md" ]; then
        echo "no validation table $out/valid.md: run the validate phase first" >&2
        exit 1
    fi
    python3 - "$out/valid.md" "$out/chosen" <<'PY'
import math, re, sys
rows = {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) > 5 and cells[1] == "bounds" and "@" in cells[0]:
        right, n = map(int, re.search(r"\((\d+)/(\d+)\)", cells[5]).groups())
        rows[cells[0]] = (right, n, cells[2])
chosen = []
for model in ("perceptron", "mlp"):
    mine = {int(k.split("@")[1]): v for k, v in rows.items() if k.split("@")[0] == model}
    best = max(c for c, _, _ in mine.values())
    n = next(iter(mine.values()))[1]
    tolerance = math.sqrt(best * (n - best) / n)
    print(f"{model}: best {best}/{n}, one standard error {tolerance:.2f} graphs")
    for m in sorted(mine):
        c, _, cpu = mine[m]
        print(f"  order {m:2d}: {c}/{n} = {100.0 * c / n:5.1f} %   CPU us / graph {cpu}")
    pick = min(m for m, (c, _, _) in mine.items() if c + tolerance >= best)
    print(f"  chosen: {model}@{pick}")
    chosen.append(f"{model}@{pick}")
open(sys.argv[2], "w").write(",".join(chosen) + "\n")
PY
}

case "$phase" in
    validate)
        mkdir -p "$out"
        "$root/scripts/prediction-time.sh" "$data" "$(grid_models)" valid 1 AIDS \
            | tee "$out/valid.md"
        ;;
    choose)
        choose
        ;;
    test)
        if [ -f "$out/test.md" ] || [ -f "$out/test.started" ]; then
            echo "test split already evaluated or started ($out/test.md); not again" >&2
            exit 1
        fi
        choose >/dev/null
        models="knn,$(cat "$out/chosen")"
        echo "$models" >"$out/test.started"
        "$root/scripts/prediction-time.sh" "$data" "$models" test 3 AIDS | tee "$out/test.md"
        ;;
    *)
        echo "unknown phase $phase" >&2
        exit 2
        ;;
esac
