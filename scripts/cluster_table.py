#!/usr/bin/env python3
"""Turns the JSON results of scripts/cluster-runs.sh into the Markdown tables of
docs/results.md, section 5.

Usage: python3 scripts/cluster_table.py RESULTS_DIR

Reads every RESULTS_DIR/NAME.json (the CLI's --json output of `orbifold cluster`) with its
NAME.seconds and NAME.load, groups the runs by the name without its -kK suffix and prints one
table per group. Standard library only.
"""

import json
import os
import re
import sys


def read(path):
    """Returns the stripped text of a file, or None when it is missing."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


def load_json(path):
    """Returns the parsed result, or None for a missing, empty or partial file."""
    text = read(path)
    try:
        return json.loads(text) if text else None
    except json.JSONDecodeError:
        return None


def never_rises(trace):
    """Whether every entry of the trace is at most the one before."""
    return all(b <= a for a, b in zip(trace, trace[1:]))


def short_trace(trace):
    """The trace as 'first > ... > last' with at most five values shown."""
    shown = trace if len(trace) <= 5 else trace[:3] + [None] + trace[-1:]
    return " > ".join("..." if v is None else f"{v:.1f}" for v in shown)


def number(value, digits):
    return "" if value is None else f"{value:.{digits}f}"


def row(name, result, folder):
    seconds = read(os.path.join(folder, name + ".seconds"))
    load = read(os.path.join(folder, name + ".load"))
    load_text = ""
    if load:
        lines = load.splitlines()
        load_text = " / ".join(line.split()[0] for line in lines[:2])
    trace = result["trace"]
    sizes = "/".join(str(s) for s in result["clusterSizes"])
    distances = f"{result['distanceComputations']:,}"
    if result.get("localOptimaKept"):
        distances += f" (+{result['localOptimaKept']:,} kept)"
    if result.get("distancesPruned"):
        distances += f" ({result['distancesPruned']:,} pruned)"
    if result.get("lowerBoundSkips"):
        distances += f" ({result['lowerBoundSkips']:,} skipped by the bound)"
    return (f"| {result['k']} | {result['objective']:.1f} | {short_trace(trace)} | "
            f"{result['iterations']}, {result['status'].lower()} | {sizes} | "
            f"{number(result.get('adjustedRandIndex'), 3)} | {number(result.get('purity'), 3)} | "
            f"{number(result.get('silhouette'), 3)} | {distances} | "
            f"{result['wallTimeSeconds']:.1f} | {seconds or ''} | {load_text} | "
            f"{'yes' if never_rises(trace) else 'NO'} |")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "target/cluster-runs"
    groups = {}
    for file in sorted(os.listdir(folder)):
        match = re.fullmatch(r"(.+)-k(\d+)\.json", file)
        if match:
            groups.setdefault(match.group(1), []).append((int(match.group(2)), file[:-5]))
    for group, runs in sorted(groups.items()):
        runs = [(k, name) for k, name in sorted(runs)
                if load_json(os.path.join(folder, name + ".json"))]
        if not runs:
            continue
        first = load_json(os.path.join(folder, runs[0][1] + ".json"))
        print(f"**{group}**: {first['graphs']} graphs from `{first['dataset']}`, "
              f"{first['algorithm']}, aligner `{first['aligner']}`, "
              f"center update {first.get('centerUpdate', 'frechet')}, "
              f"center order cap {first.get('centerOrder', 0) or 'none'}; "
              f"objective: {first['objectiveMeaning']}\n")
        print("| k | objective | trace | iterations | sizes | ARI | purity | silhouette "
              "| distances | clustering s | process s | load before / after | never rises |")
        print("|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|---|---|")
        for _, name in runs:
            result = load_json(os.path.join(folder, name + ".json"))
            print(row(name, result, folder))
        print()


if __name__ == "__main__":
    main()
