#!/usr/bin/env python3
"""Times the pandas peer (atop_tables_pandas.py) on ATOP's member file, as run.sh needs.

    python atop_peer.py MEMBER_CSV OUT_DIR

Writes OUT_DIR/state_year.csv and OUT_DIR/dyad_year.csv (for run.sh to compare with ours)
and prints the median seconds of each workload as JSON: read the CSV and build each table,
and the same with writing the CSV text.
"""
import io
import json
import os
import sys
import time

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atop_tables_pandas as peer  # noqa: E402


def timed(fn, runs):
    samples, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        samples.append(time.perf_counter() - t)
    samples.sort()
    return samples[len(samples) // 2], out


def main():
    member, out_dir = sys.argv[1:3]
    os.makedirs(out_dir, exist_ok=True)
    read = lambda: pd.read_csv(member, dtype={"version": str})
    t = {}
    t["atop import (member file)"], members = timed(read, 7)

    def sy_csv():
        buf = io.StringIO()
        peer.state_year(read(), 2018, False).to_csv(buf, index=False, lineterminator="\r\n")
        return buf.getvalue()

    def dy_csv():
        buf = io.StringIO()
        peer.dyad_year(read(), 2018, False).to_csv(buf, index=False, lineterminator="\r\n")
        return buf.getvalue()

    t["state-year table"], sy = timed(lambda: peer.state_year(members, 2018, False), 7)
    t["state-year from file (import + table + CSV)"], text = timed(sy_csv, 7)
    with open(os.path.join(out_dir, "state_year.csv"), "w", newline="") as f:
        f.write(text)
    t["dyad-year table"], dy = timed(lambda: peer.dyad_year(members, 2018, False), 3)
    t["dyad-year from file (import + table + CSV)"], text = timed(dy_csv, 3)
    with open(os.path.join(out_dir, "dyad_year.csv"), "w", newline="") as f:
        f.write(text)
    t["state-year rows"], t["dyad-year rows"] = len(sy), len(dy)
    print(json.dumps({"pandas": t}))


if __name__ == "__main__":
    main()
