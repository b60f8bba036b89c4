#!/usr/bin/env python3
"""Turns the JSON results of scripts/real-runs.sh into the Markdown tables of docs/results.md.

Usage: python3 scripts/results_table.py RESULTS_DIR

Reads RESULTS_DIR/NAME.json (the CLI's --json output), NAME.rc and NAME.seconds for the run
names that real-runs.sh uses, and prints Markdown on stdout. Standard library only.
"""

import json
import os
import statistics
import sys

LETTER_CLASSES = "A E F H I K L M N T V W X Y Z".split()
MUTAG_CLASSES = ["-1", "1"]
GEOMSTATS_SETS = ["mammals_grooming", "football_ppn"]
SEEDS = [1, 2, 3, 4, 5]


def load(folder, name):
    """Returns (result dict or None, process seconds or None, error text or None)."""
    base = os.path.join(folder, name)
    seconds = None
    if os.path.exists(base + ".seconds"):
        with open(base + ".seconds", encoding="utf-8") as f:
            seconds = float(f.read().strip())
    if os.path.exists(base + ".json"):
        with open(base + ".json", encoding="utf-8") as f:
            return json.load(f), seconds, None
    if os.path.exists(base + ".rc"):
        error = ""
        if os.path.exists(base + ".err"):
            with open(base + ".err", encoding="utf-8") as f:
                lines = [line.strip() for line in f if line.strip()]
            error = lines[-1] if lines else ""
        with open(base + ".rc", encoding="utf-8") as f:
            return None, seconds, "exit " + f.read().strip() + ": " + error
    return None, None, "not run"


def gain(result):
    """Percentage by which the center's objective lies below the medoid's."""
    medoid = result["medoidObjective"]
    return 100.0 * (medoid - result["objective"]) / medoid if medoid > 0 else 0.0


def center_cells(result, seconds):
    """Objective, medoid objective, gain, iterations, status, center and medoid seconds."""
    if result is None:
        return ["failed"] + [""] * 6
    return ["%.4f" % result["objective"], "%.4f" % result["medoidObjective"],
            "%.1f %%" % gain(result), str(result["iterations"]), status(result),
            "%.2f" % result["wallTimeSeconds"], "%.2f" % result["medoidWallTimeSeconds"]]


def status(result):
    return {"CONVERGED": "conv", "MAX_ITERATIONS": "max it",
            "STOPPED_BY_LISTENER": "stopped"}.get(result["status"], result["status"])


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def totals_row(label, results):
    """Averages of objectives and gains, sums of iterations and times; '' if any failed."""
    done = [r for r in results if r is not None]
    if not done:
        return [label] + [""] * 7
    tag = "" if len(done) == len(results) else " (%d of %d)" % (len(done), len(results))
    return [label + tag, "%.4f" % statistics.mean(r["objective"] for r in done),
            "%.4f" % statistics.mean(r["medoidObjective"] for r in done),
            "%.1f %%" % statistics.mean(gain(r) for r in done),
            str(sum(r["iterations"] for r in done)),
            "%d conv" % sum(r["status"] == "CONVERGED" for r in done),
            "%.2f" % sum(r["wallTimeSeconds"] for r in done),
            "%.2f" % sum(r["medoidWallTimeSeconds"] for r in done)]


CENTER_HEADER = ["class", "objective", "medoid", "gain", "iter", "status", "center s",
                 "medoid s"]


def center_section(folder, prefix, classes, kind, aligner, failures):
    rows, results = [], []
    for c in classes:
        name = "%s-%s-%s-c%s" % (prefix, kind, aligner, c) if prefix == "mutag" \
            else "%s-%s-%s-%s" % (prefix, kind, aligner, c)
        result, seconds, error = load(folder, name)
        if error:
            failures.append((name, seconds, error))
        results.append(result)
        graphs = str(result["graphs"]) if result else "?"
        rows.append(["%s (%s)" % (c, graphs)] + center_cells(result, seconds))
    rows.append(totals_row("all: mean / sum", results))
    return table(CENTER_HEADER, rows), results


def comparison(faq, exact, kind):
    """Rows comparing faq and exact objectives class by class."""
    rows = []
    diffs = []
    for c, f, e in zip(LETTER_CLASSES, faq, exact):
        if f is None or e is None:
            rows.append([c, "", "", "", "", ""])
            continue
        diff = 100.0 * (f["objective"] - e["objective"]) / e["objective"]
        diffs.append(diff)
        rows.append([c, "%.4f" % f["objective"], "%.4f" % e["objective"], "%+.2f %%" % diff,
                     "%.2f" % (f["wallTimeSeconds"] + f["medoidWallTimeSeconds"]),
                     "%.2f" % (e["wallTimeSeconds"] + e["medoidWallTimeSeconds"])])
    if diffs:
        done = [(f, e) for f, e in zip(faq, exact) if f is not None and e is not None]
        rows.append(["all", "%.4f" % statistics.mean(f["objective"] for f, _ in done),
                     "%.4f" % statistics.mean(e["objective"] for _, e in done),
                     "%+.2f %% (max %+.2f %%)" % (statistics.mean(diffs), max(diffs)),
                     "%.2f" % sum(f["wallTimeSeconds"] + f["medoidWallTimeSeconds"]
                                  for f, _ in done),
                     "%.2f" % sum(e["wallTimeSeconds"] + e["medoidWallTimeSeconds"]
                                  for _, e in done)])
    header = ["class", kind + " faq", kind + " exact", "faq above exact", "faq s", "exact s"]
    return table(header, rows)


def geomstats_section(folder, data_set, failures):
    rows, done = [], []
    for seed in SEEDS:
        name = "geomstats-mean-%s-s%d" % (data_set, seed)
        result, seconds, error = load(folder, name)
        if error:
            failures.append((name, seconds, error))
            rows.append([str(seed), "failed", "", "", "", "", ""])
            continue
        done.append(result)
        rows.append([str(seed), "%.4f" % result["objective"], str(result["iterations"]),
                     status(result), "%.4f" % result["medoidObjective"],
                     "%.2f" % result["wallTimeSeconds"],
                     "%.2f" % result["medoidWallTimeSeconds"]])
    header = ["seed", "objective", "iter", "status", "medoid", "center s", "medoid s"]
    text = table(header, rows)
    if done:
        objectives = [r["objective"] for r in done]
        text += "\n\nmin %.4f, median %.4f, max %.4f over %d seeds; iterations %s" % (
            min(objectives), statistics.median(objectives), max(objectives), len(done),
            ", ".join(str(r["iterations"]) for r in done))
        text += "\n\nTraces (objective after each iteration, the first entry is the start):\n"
        for seed, r in zip(SEEDS, done):
            text += "\n- seed %d: %s" % (r["seed"], ", ".join("%.2f" % v for v in r["trace"]))
    return text


def best_start(result, single):
    """Where the kept run started. Its first run repeats the single run of the same seed (same
    medoid start, same aligner seed), so a trace equal to that run's trace means the medoid."""
    if single is None:
        return "?"
    return "medoid" if result["trace"] == single["trace"] else "incremental"


def restarts_section(folder, data_set, failures):
    """Best-of-R runs next to the single run of the same seed (section 3)."""
    rows, done, singles = [], [], []
    for seed in SEEDS:
        name = "geomstats-restarts4-%s-s%d" % (data_set, seed)
        result, seconds, error = load(folder, name)
        single, _, _ = load(folder, "geomstats-mean-%s-s%d" % (data_set, seed))
        if error:
            failures.append((name, seconds, error))
            rows.append([str(seed), "failed", "", "", "", "", "", "", ""])
            continue
        done.append(result)
        singles.append(single)
        rows.append([str(seed), "%.4f" % result["objective"],
                     "" if single is None else "%.4f" % single["objective"],
                     str(result["iterations"]), status(result), best_start(result, single),
                     "%.4f" % result["trace"][0], "%.2f" % result["wallTimeSeconds"],
                     "" if single is None else "%.2f" % single["wallTimeSeconds"]])
    header = ["seed", "best of %d" % (done[0]["restarts"] if done else 4), "single run",
              "iter (best run)", "status (best run)", "best run from", "its start",
              "center s", "single center s"]
    text = table(header, rows)
    if done:
        objectives = [r["objective"] for r in done]
        text += "\n\nmin %.4f, median %.4f, max %.4f over %d seeds; iterations %s" % (
            min(objectives), statistics.median(objectives), max(objectives), len(done),
            ", ".join(str(r["iterations"]) for r in done))
        if all(s is not None for s in singles):
            text += "\n\ncenter seconds, sum over seeds: %.2f with restarts, %.2f single " \
                "(ratio %.2f)" % (sum(r["wallTimeSeconds"] for r in done),
                                  sum(s["wallTimeSeconds"] for s in singles),
                                  sum(r["wallTimeSeconds"] for r in done)
                                  / sum(s["wallTimeSeconds"] for s in singles))
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: results_table.py RESULTS_DIR")
    folder = sys.argv[1]
    failures = []
    out = []

    out.append("## 1. MUTAG, Frechet mean and median per class (faq)\n")
    for kind in ["mean", "median"]:
        text, results = center_section(folder, "mutag", MUTAG_CLASSES, kind, "faq", failures)
        done = [r for r in results if r is not None]
        text += "\n\nfirst trace entry (the start, realigned) minus the medoid objective: " \
            + ", ".join("%+.4f" % (r["trace"][0] - r["medoidObjective"]) for r in done)
        out.append("### %s\n\n%s\n" % (kind, text))

    out.append("## 2. IAM Letter HIGH train, per class\n")
    letter = {}
    for aligner in ["faq", "exact"]:
        for kind in ["mean", "median"]:
            text, results = center_section(folder, "letter", LETTER_CLASSES, kind, aligner,
                                           failures)
            letter[(aligner, kind)] = results
            out.append("### %s, %s\n\n%s\n" % (kind, aligner, text))
    for kind in ["mean", "median"]:
        out.append("### %s: faq against exact\n\n%s\n" % (
            kind, comparison(letter[("faq", kind)], letter[("exact", kind)], kind)))

    out.append("## 3. geomstats networks, Frechet mean, 20 iterations\n")
    for data_set in GEOMSTATS_SETS:
        out.append("### %s\n\n%s\n" % (data_set, geomstats_section(folder, data_set,
                                                                   failures)))

    out.append("## 4. geomstats networks, Frechet mean, best of 4 runs, 20 iterations each\n")
    for data_set in GEOMSTATS_SETS:
        out.append("### %s\n\n%s\n" % (data_set, restarts_section(folder, data_set,
                                                                  failures)))

    out.append("## Failed or missing runs\n")
    if failures:
        for name, seconds, error in failures:
            took = "" if seconds is None else " after %.1f s" % seconds
            out.append("- %s%s: %s" % (name, took, error))
    else:
        out.append("none")
    print("\n".join(out))


if __name__ == "__main__":
    main()
