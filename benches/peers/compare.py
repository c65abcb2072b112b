#!/usr/bin/env python3
"""run.sh's helper: checks that answers agree, and prints the comparison table.

    compare.py answers OURS.json PEER.json...   exit 1 unless every peer's answers equal ours
    compare.py files A B                        exit 1 unless the two files are byte-identical
    compare.py close A B...                     exit 1 unless the CSV tables have the same rows
                                                and their numbers agree to 1e-9 (NA = empty)
    compare.py runs NAME=SECONDS,...            min / median / max of whole-process runs
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
            base = workload.split(" with evidence")[0]
            cols = [theirs.get(p, {}).get(base) for p in peers]
            if all(c is None for c in cols):
                continue
            print(f"| {name} | {workload} | {fmt(t)} | " + " | ".join(fmt(c) for c in cols)
                  + " | " + " | ".join(ratio(c, t) for c in cols) + " |")


def close(first, *others):
    import numpy as np
    import pandas as pd

    ours = pd.read_csv(first, na_values=["NA"])
    for path in others:
        theirs = pd.read_csv(path, na_values=["NA"])
        if list(theirs.columns) != list(ours.columns) or len(theirs) != len(ours):
            print(f"MISMATCH: {first} and {path} differ in columns or rows "
                  f"({len(ours)} and {len(theirs)} rows)", file=sys.stderr)
            sys.exit(1)
        keys = [c for c in ours.columns if c in ("ccode", "ccode1", "ccode2", "year")]
        if not (ours[keys].to_numpy() == theirs[keys].to_numpy()).all():
            print(f"MISMATCH: {first} and {path} list different pairs", file=sys.stderr)
            sys.exit(1)
        worst = 0.0
        for c in ours.columns[len(keys):]:
            x, y = ours[c].to_numpy(float), theirs[c].to_numpy(float)
            if (np.isnan(x) != np.isnan(y)).any():
                print(f"MISMATCH: {c}: undefined in one and not the other", file=sys.stderr)
                sys.exit(1)
            d = np.nanmax(np.abs(x - y)) if len(x) else 0.0
            worst = max(worst, 0.0 if np.isnan(d) else d)
        if worst > 1e-9:
            print(f"MISMATCH: {first} and {path} differ by up to {worst:g}", file=sys.stderr)
            sys.exit(1)
        print(f"answers agree: {first} = {path} ({len(ours):,} rows, largest difference {worst:.1e})",
              file=sys.stderr)


def runs(title, *specs):
    print(f"| {title}, whole process | min | median | max | runs | / ours (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    medians = {}
    for spec in specs:
        name, times = spec.split("=", 1)
        t = sorted(float(x) for x in times.split(","))
        medians[name] = t[len(t) // 2]
    ours = next(iter(medians.values()))
    for spec in specs:
        name, times = spec.split("=", 1)
        t = sorted(float(x) for x in times.split(","))
        print(f"| {name} | {fmt(t[0])} | {fmt(medians[name])} | {fmt(t[-1])} | {len(t)} | "
              f"{ratio(medians[name], ours)} |")


if __name__ == "__main__":
    {"answers": answers, "files": files, "table": table, "close": close, "runs": runs}[sys.argv[1]](*sys.argv[2:])
