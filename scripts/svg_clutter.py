#!/usr/bin/env python3
"""Counts what makes a written SVG drawing of Orbifold hard to read, panel by panel.

Usage: scripts/svg_clutter.py FILE.svg [FILE.svg ...]

Reads the nodes (<circle id="pK-nI" class="node" cx cy>) and edges (<line id="pK-eI-J"
class="edge" x1 y1 x2 y2 [opacity]>) that SvgDrawing writes (docs/formats.md, "SVG drawings")
and prints, per file and over all files:
  edges      the drawn edges; faint = those with an opacity attribute below 0.5, that is of
             presence below 0.5 when presence is a probability
  near       the drawn edges that pass within 3 units of the centre of a node of the same
             panel other than their two ends (a line running over a node), and of them faint
  crossings  the pairs of edges of one panel without a common node whose segments cross
  touching   the pairs of nodes of one panel whose centres are closer than 10 units (a
             node's diameter), and of them the pairs closer than 5 (on top of each other)
Used for docs/performance.md, "Layout of drawings without coordinates", "Packing of parts".
"""
import math
import re
import sys

NODE = re.compile(r'<circle id="p(\d+)-n(\d+)" class="node" cx="([-0-9.]+)" cy="([-0-9.]+)"')
EDGE = re.compile(r'<line id="p(\d+)-e(\d+)-(\d+)" class="edge" x1="([-0-9.]+)" '
                  r'y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)"([^/]*)/>')
OPACITY = re.compile(r'opacity="([0-9.]+)"')
NEAR = 3.0
RADIUS = 5.0


def segment_distance(px, py, ax, ay, bx, by):
    """Distance from point p to the segment from a to b."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0.0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy)
                                                 / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def side(ax, ay, bx, by, px, py):
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax)


def cross(e, f):
    d1 = side(f[2], f[3], f[4], f[5], e[2], e[3])
    d2 = side(f[2], f[3], f[4], f[5], e[4], e[5])
    d3 = side(e[2], e[3], e[4], e[5], f[2], f[3])
    d4 = side(e[2], e[3], e[4], e[5], f[4], f[5])
    return d1 * d2 <= 0.0 and d3 * d4 <= 0.0 and not (d1 == 0.0 and d2 == 0.0)


def count(svg):
    nodes = {}
    for m in NODE.finditer(svg):
        nodes.setdefault(int(m.group(1)), {})[int(m.group(2))] = (float(m.group(3)),
                                                                   float(m.group(4)))
    edges = {}
    for m in EDGE.finditer(svg):
        o = OPACITY.search(m.group(8))
        presence = float(o.group(1)) if o else 1.0
        edges.setdefault(int(m.group(1)), []).append(
            (int(m.group(2)), int(m.group(3)), float(m.group(4)), float(m.group(5)),
             float(m.group(6)), float(m.group(7)), presence))
    c = dict(edges=0, faint=0, near=0, near_faint=0, crossings=0, touching=0, on_top=0)
    for k, panel in edges.items():
        centres = nodes.get(k, {})
        for e in panel:
            faint = e[6] < 0.5
            c['edges'] += 1
            c['faint'] += faint
            if any(segment_distance(x, y, *e[2:6]) < NEAR
                   for i, (x, y) in centres.items() if i not in (e[0], e[1])):
                c['near'] += 1
                c['near_faint'] += faint
        for a in range(len(panel)):
            for b in range(a):
                e, f = panel[a], panel[b]
                if not {e[0], e[1]} & {f[0], f[1]} and cross(e, f):
                    c['crossings'] += 1
    for centres in nodes.values():
        points = list(centres.values())
        for a in range(len(points)):
            for b in range(a):
                d = math.hypot(points[a][0] - points[b][0], points[a][1] - points[b][1])
                c['touching'] += d < 2 * RADIUS
                c['on_top'] += d < RADIUS
    return c


def main():
    total = None
    print('file,edges,faint,near,near_faint,crossings,touching,on_top')
    for name in sys.argv[1:]:
        with open(name, encoding='utf-8') as f:
            c = count(f.read())
        total = c if total is None else {k: total[k] + c[k] for k in c}
        print(name + ',' + ','.join(str(v) for v in c.values()))
    if total is not None and len(sys.argv) > 2:
        print('total,' + ','.join(str(v) for v in total.values()))


if __name__ == '__main__':
    main()
