#!/usr/bin/env python3
"""The graph workloads done the way a researcher would in Python: networkx and rustworkx.

Benchmark peer for alliance-graph (see run.sh). Reads the same alliance-graph/1 JSON dataset
and the same query list as `benches/peers/peer_workloads.rs`, builds the graph of defense ties in
force on the query date, answers the same queries, writes the answers (to compare) and
prints timings as JSON.

    python graph_peers.py DATA.json QUERIES.json OUT_PREFIX

Which ties count, as in the library (docs: DOMAIN.md and src/time.rs):
  * a treaty's defense obligation in force on the date (treaty start = in_force or signed,
    end = ended; the obligation's from/until; each party's joined/left spell), owed by A to B
    when A is in `by` (or `by` is absent) and B in `to` (or `to` is absent);
  * two full members (founding-member or member) of a grouping whose obligations include
    defense, both memberships in force on the date, the grouping active on the date
    (an `active` status change, until the next change).
  A partial date covers every day it names: a start counts from its first day, an end
  through its last day. The date asked is one day.
Edges are directed, owed-by -> owed-to: defenders of X are X's predecessors; allies,
are-allied, paths and blocs use an undirected copy made with the directed graph (each
library's own neighbour and edge look-ups, no merging of both directions per call).
"""
import calendar
import json
import sys
import time

import networkx as nx
import rustworkx as rx


def first_day(d):
    p = d.split("-")
    return (int(p[0]), int(p[1]) if len(p) > 1 else 1, int(p[2]) if len(p) > 2 else 1)


def last_day(d):
    p = d.split("-")
    y = int(p[0])
    m = int(p[1]) if len(p) > 1 else 12
    return (y, m, int(p[2]) if len(p) > 2 else calendar.monthrange(y, m)[1])


def covers(start, end, day):
    return (start is None or first_day(start) <= day) and (end is None or day <= last_day(end))


def defense_edges(data, day):
    """(owed_by, owed_to) pairs of defense obligations in force on `day`."""
    edges = set()
    for t in data.get("treaties", []):
        if not covers(t.get("in_force") or t.get("signed"), t.get("ended"), day):
            continue
        spells = {}
        for p in t["parties"]:
            if isinstance(p, str):
                spells.setdefault(p, []).append(True)
            else:
                spells.setdefault(p["country"], []).append(covers(p.get("joined"), p.get("left"), day))
        present = [c for c, s in spells.items() if any(s)]
        for o in t.get("obligations", []):
            if o["kind"] != "defense" or not covers(o.get("from"), o.get("until"), day):
                continue
            by = o.get("by") or present
            to = o.get("to") or present
            for a in by:
                if a not in present:
                    continue
                for b in to:
                    if b != a and b in present:
                        edges.add((a, b))
    groupings = {}
    for g in data.get("groupings", []):
        if "defense" not in g.get("obligations", []):
            continue
        st = g["status"]
        active = False
        for i, c in enumerate(st):
            if c["status"] != "active":
                continue
            start = first_day(c["since"])
            nxt = st[i + 1]["since"] if i + 1 < len(st) else None
            if start <= day and (nxt is None or day < first_day(nxt)):
                active = True
        if active:
            groupings[g["id"]] = []
    for m in data.get("memberships", []):
        members = groupings.get(m["grouping"])
        if members is None or m["role"] not in ("founding-member", "member"):
            continue
        if covers(m.get("start"), m.get("end"), day):
            members.append(m["country"])
    for members in groupings.values():
        for a in members:
            for b in members:
                if a != b:
                    edges.add((a, b))
    return edges


def timed(fn, budget=0.3):
    """Median seconds of fn() over enough runs to take about `budget` (3 to 1000 runs)."""
    t = time.perf_counter()
    out = fn()
    first = time.perf_counter() - t
    runs = 1000 if first == 0 else int(min(1000, max(3, budget / first)))
    samples = [first]
    for _ in range(runs - 1):
        t = time.perf_counter()
        out = fn()
        samples.append(time.perf_counter() - t)
    samples.sort()
    return samples[len(samples) // 2], out


def main():
    data_path, queries_path, prefix = sys.argv[1:4]
    with open(queries_path) as f:
        q = json.load(f)

    def load():
        with open(data_path) as f:
            return json.load(f)

    load_t, data = timed(load, 0.5)
    day = first_day(q["date"])  # the query date is day-precise
    countries = [c["id"] for c in data["countries"]]
    results = {}

    # networkx
    # The directed graph (who owes whom) and an undirected copy (who is tied to whom), made
    # once per date: a copy answers allies and are-allied faster than a view of the directed
    # graph, which merges successors and predecessors on every call.
    def nx_view():
        g = nx.DiGraph()
        g.add_nodes_from(countries)
        g.add_edges_from(defense_edges(data, day))
        return g, g.to_undirected()

    view_t, (g, ug) = timed(nx_view)
    t = {"load": load_t, "as_of view": view_t}
    adj = ug.adj
    t["allies"], allies = timed(lambda: {x: sorted(adj[x]) for x in q["allies"]})
    t["are_allied"], allied = timed(lambda: [ug.has_edge(a, b) for a, b in q["pairs"]])
    t["defenders_of"], defenders = timed(lambda: {x: sorted(g.predecessors(x)) for x in q["defenders"]})

    def nx_paths():
        out = []
        for a, b in q["paths"]:
            try:
                out.append(nx.shortest_path_length(ug, a, b))
            except nx.NetworkXNoPath:
                out.append(None)
        return out

    t["alliance_path"], paths = timed(nx_paths)
    t["blocs"], blocs = timed(lambda: sorted(sorted(c) for c in nx.connected_components(ug) if len(c) > 1))
    t["view + all queries"] = sum(v for k, v in t.items() if k != "load")
    results["networkx"] = t
    answers = {"allies": allies, "are_allied": allied, "defenders_of": defenders,
               "alliance_path": paths, "blocs": blocs}
    with open(prefix + "networkx.json", "w") as f:
        json.dump(answers, f)

    # rustworkx: node indices, as its users map ids to indices once
    index = {c: i for i, c in enumerate(countries)}

    def rx_view():
        g = rx.PyDiGraph(multigraph=False)
        g.add_nodes_from(countries)
        g.add_edges_from_no_data([(index[a], index[b]) for a, b in defense_edges(data, day)])
        return g, g.to_undirected(multigraph=False)

    view_t, (g, ug) = timed(rx_view)
    t = {"load": load_t, "as_of view": view_t}
    t["allies"], allies = timed(lambda: {x: sorted(countries[i] for i in ug.neighbors(index[x])) for x in q["allies"]})
    t["are_allied"], allied = timed(lambda: [ug.has_edge(index[a], index[b]) for a, b in q["pairs"]])
    t["defenders_of"], defenders = timed(lambda: {x: sorted(countries[i] for i in g.predecessor_indices(index[x])) for x in q["defenders"]})

    def rx_paths():
        out = []
        for a, b in q["paths"]:
            p = rx.dijkstra_shortest_paths(ug, index[a], target=index[b])
            out.append(len(p[index[b]]) - 1 if index[b] in p else (0 if a == b else None))
        return out

    t["alliance_path"], paths = timed(rx_paths)
    t["blocs"], blocs = timed(lambda: sorted(sorted(countries[i] for i in c) for c in rx.connected_components(ug) if len(c) > 1))
    t["view + all queries"] = sum(v for k, v in t.items() if k != "load")
    results["rustworkx"] = t
    answers = {"allies": allies, "are_allied": allied, "defenders_of": defenders,
               "alliance_path": paths, "blocs": blocs}
    with open(prefix + "rustworkx.json", "w") as f:
        json.dump(answers, f)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
