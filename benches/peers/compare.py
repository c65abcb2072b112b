#!/usr/bin/env python3
"""run.sh's helper: checks that answers agree, and prints the comparison table.

    compare.py answers OURS.json PEER.json...   exit 1 unless every peer's answers equal ours
    compare.py files A B                        exit 1 unless the two files are byte-identical
    compare.py table NAME=FILES...              the Markdown table of the timings
"""
import json
import re
import sys


def answers(ours_path, *peer_paths):
    with open(ours_path) as f:
        ours = json.load(f)
    ok = True
    for path in peer_paths:
        with open(path) as f:
            theirs = json.load(f)
        for key, value in ours.items():
            if theirs.get(key) != value:
                ok = False
                if isinstance(value, dict):
                    bad = [k for k in value if theirs[key].get(k) != value[k]][:3]
                    detail = "; ".join(f"{k}: ours {value[k]} theirs {theirs[key].get(k)}" for k in bad)
                elif isinstance(value, list):
                    bad = [i for i, (a, b) in enumerate(zip(value, theirs[key])) if a != b][:3]
                    detail = f"{len(value)} vs {len(theirs[key])} items; first differences at {bad}"
                else:
                    detail = ""
                print(f"MISMATCH {key} between {ours_path} and {path}: {detail}", file=sys.stderr)
    if not ok:
        sys.exit(1)
    print(f"answers agree: {ours_path} = {', '.join(peer_paths)}", file=sys.stderr)


def files(a, b):
    with open(a, "rb") as f, open(b, "rb") as g:
        same = f.read() == g.read()
    if not same:
        print(f"MISMATCH: {a} and {b} differ", file=sys.stderr)
        sys.exit(1)
    print(f"identical: {a} = {b}", file=sys.stderr)


def fmt(s):
    if s is None:
        return "-"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} µs"


def ratio(theirs, ours):
    if theirs is None or ours is None or ours == 0:
        return "-"
    r = theirs / ours
    return f"{r:,.0f}×" if r >= 10 else f"{r:.1f}×"


def peak_rss_mb(path):
    with open(path) as f:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
    return int(m.group(1)) / 1024 if m else None


def table(*specs):
    peers = ["networkx", "rustworkx", "pandas"]
    print("| dataset | workload | ours | " + " | ".join(peers) + " | " + " | ".join(f"{p} / ours" for p in peers) + " |")
    print("|---|---|---:|" + "---:|" * (2 * len(peers)))
    for spec in specs:
        name, paths = spec.split("=", 1)
        paths = paths.split(",")
        if name == "load-1m":
            ours = json.load(open(paths[0]))
            py = json.load(open(paths[2]))
            print(f"| 1M stances ({ours['stances']:,}) | load file (ours: parse + validate + index; peer: json.load only) | "
                  f"{fmt(ours['load'])}, peak {peak_rss_mb(paths[1]):.0f} MB | - | - | - | - | - | - |")
            print(f"| 1M stances | python json.load (no validation, no index) | - | "
                  f"{fmt(py['load'])}, peak {peak_rss_mb(paths[3]):.0f} MB | - | - | {ratio(py['load'], ours['load'])} | - | - |")
            continue
        ours = json.load(open(paths[0]))
        theirs = json.load(open(paths[1]))
        for workload, t in ours.items():
            if workload.endswith("rows") or not isinstance(t, (int, float)):
                continue
            # Our answers with their evidence do more than the peers: shown against the
            # peers' same question (ids only), to say what the evidence costs.
            base = workload.removesuffix(" with evidence")
            cols = [theirs.get(p, {}).get(base) for p in peers]
            if all(c is None for c in cols):
                continue
            print(f"| {name} | {workload} | {fmt(t)} | " + " | ".join(fmt(c) for c in cols)
                  + " | " + " | ".join(ratio(c, t) for c in cols) + " |")


if __name__ == "__main__":
    {"answers": answers, "files": files, "table": table}[sys.argv[1]](*sys.argv[2:])
