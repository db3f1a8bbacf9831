#!/usr/bin/env python3
"""The geometry of a laid-out diagram (docs/diagram.md, "The layout"), read
from Graphviz's JSON of bunkai's DOT (`neato -n2 -Tjson`, which also proves
that the DOT draws again as it is):

- the top-level boxes do not overlap;
- every box lies inside the box that holds it, every node inside its boxes;
- every link has a route;
- printed on a page of PAGE_W x PAGE_H inches, 10-point text is at least
  MIN_PT points tall.

Usage: layout_check.py JSON PAGE_W PAGE_H MIN_PT. Prints one line; exit 1
with the reasons when a check fails."""
import json
import sys


def box(s):
    x0, y0, x1, y1 = (float(v) for v in s.split(","))
    return x0, y0, x1, y1


def inside(inner, outer, slack=1.0):
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and
            inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def main():
    path, page_w, page_h, min_pt = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    d = json.load(open(path))
    objs = d["objects"]
    nsub = d["_subgraph_cnt"]
    subs, nodes = objs[:nsub], objs[nsub:]
    problems = []

    def node_box(gvid):
        n = objs[gvid]
        x, y = (float(v) for v in n["pos"].split(","))
        w, h = float(n["width"]) * 36, float(n["height"]) * 36
        return x - w, y - h, x + w, y + h

    children = {c for s in subs for c in s.get("subgraphs", [])}
    top = [s for s in subs if s["_gvid"] not in children]
    for i, a in enumerate(top):
        for b in top[i + 1:]:
            p, q = box(a["bb"]), box(b["bb"])
            if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]:
                problems.append("%s overlaps %s" % (a["name"], b["name"]))
    for s in subs:
        bb = box(s["bb"])
        for c in s.get("subgraphs", []):
            if not inside(box(objs[c]["bb"]), bb):
                problems.append("%s sticks out of %s" % (objs[c]["name"], s["name"]))
        for n in s.get("nodes", []):
            if not inside(node_box(n), bb):
                problems.append("%s sticks out of %s" % (objs[n]["name"], s["name"]))
    for e in d.get("edges", []):
        if not e.get("pos"):
            problems.append("no route for %s -> %s" % (objs[e["tail"]]["name"], objs[e["head"]]["name"]))
    x0, y0, x1, y1 = box(d["bb"])
    scale = min(page_w * 72 / (x1 - x0), page_h * 72 / (y1 - y0), 1.0)
    if 10 * scale < min_pt:
        problems.append("10-point text prints at %.1f points (under %.1f)" % (10 * scale, min_pt))
    print("%d boxes (%d top-level), %d nodes, %d links; drawing %.0f x %.0f pt; 10-point text prints at %.1f pt"
          % (nsub, len(top), len(nodes), len(d.get("edges", [])), x1 - x0, y1 - y0, 10 * scale))
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)


main()
