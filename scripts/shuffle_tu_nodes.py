#!/usr/bin/env python3
"""Copy a TU Dortmund data set with the nodes of every graph renumbered at random.

Usage: shuffle_tu_nodes.py SOURCE_FOLDER TARGET_FOLDER SEED

Each graph keeps its nodes, attributes, edges and class; only the order in which its nodes
(and its edge lines) appear in the files changes, by a permutation drawn with Python's
random.Random(SEED). The graphs stay in their order, so graph i of the copy is graph i of
the source with its nodes renumbered, and an exact graph distance is the same on both.
Used for the node-order measurements of docs/algorithms.md and the README limitations.
Write the copy outside the shared data folder (under /tmp, say).
"""
import os
import random
import sys


def read_lines(folder, prefix, part):
    path = os.path.join(folder, f"{prefix}_{part}.txt")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return [line.rstrip("\n") for line in f]


def write_lines(folder, prefix, part, lines):
    with open(os.path.join(folder, f"{prefix}_{part}.txt"), "w") as f:
        f.writelines(line + "\n" for line in lines)


def main():
    source, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    names = [n for n in os.listdir(source) if n.endswith("_A.txt")]
    if len(names) != 1:
        sys.exit(f"expected one *_A.txt file in {source}, found {len(names)}")
    prefix = names[0][: -len("_A.txt")]
    if os.path.abspath(target) == os.path.abspath(source):
        sys.exit("the target must differ from the source")
    os.makedirs(target, exist_ok=True)
    rng = random.Random(seed)

    # New node ids: a random permutation of the ids of each graph, within its own range.
    indicator = read_lines(source, prefix, "graph_indicator")
    members = {}
    for node, graph in enumerate(indicator, start=1):
        members.setdefault(graph, []).append(node)
    new_id = {}
    for nodes in members.values():
        shuffled = nodes[:]
        rng.shuffle(shuffled)
        new_id.update(zip(nodes, shuffled))
    old_id = {new: old for old, new in new_id.items()}
    write_lines(target, prefix, "graph_indicator", indicator)
    for part in ("node_labels", "node_attributes"):
        values = read_lines(source, prefix, part)
        if values is not None:
            write_lines(target, prefix, part,
                        [values[old_id[new] - 1] for new in range(1, len(indicator) + 1)])

    # Edges renamed and shuffled within each graph, their labels and attributes alongside.
    edges = [tuple(int(x) for x in line.split(",")) for line in read_lines(source, prefix, "A")]
    extras = [read_lines(source, prefix, part) for part in ("edge_labels", "edge_attributes")]
    rows = [(edges[e], [x[e] if x is not None else None for x in extras])
            for e in range(len(edges))]
    rng.shuffle(rows)
    rows.sort(key=lambda row: int(indicator[row[0][0] - 1]))
    write_lines(target, prefix, "A", [f"{new_id[u]}, {new_id[v]}" for (u, v), _ in rows])
    for k, part in enumerate(("edge_labels", "edge_attributes")):
        if extras[k] is not None:
            write_lines(target, prefix, part, [row[1][k] for row in rows])
    for part in ("graph_labels", "graph_attributes"):
        values = read_lines(source, prefix, part)
        if values is not None:
            write_lines(target, prefix, part, values)


if __name__ == "__main__":
    main()
