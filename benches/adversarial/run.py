#!/usr/bin/env python3
"""Hostile inputs of 1, 10 and 100 MB against the release binary: peak memory and time.

Each kind of file below is what a careless or hostile user could hand the tool; each must end
in an answer or a clear error, in memory and time proportional to the file (or bounded). The
table this prints is the one in RELIABILITY.md.

    cargo build --release --features cli
    python3 benches/adversarial/run.py            # all sizes
    python3 benches/adversarial/run.py 1 10       # some sizes, in MB

Needs GNU time (/usr/bin/time, Debian's `time` package) for the peak resident memory.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "target", "release", "alliance-graph")
ATOP_HEADER = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n"


def bad_records(size):
    """A million-record file where every record is invalid: `check` keeps at most 1,000."""
    one = '{"id": "x1", "name": "Bad"},'
    n = max(1, size // len(one))
    return '{"format": "alliance-graph/1", "countries": [' + (one * n).rstrip(",") + "]}"


def long_name(size):
    """A valid dataset whose one state has a name of the whole size; then a mistyped query."""
    return json.dumps({
        "format": "alliance-graph/1",
        "sources": [{"id": "s", "title": "t"}],
        "countries": [{"id": "JPN", "name": "Japan"}, {"id": "USA", "name": "U" * size}],
    })


def same_pair_treaties(size):
    """Tens of thousands of two-party treaties between the same two states: `blocs`."""
    one = ('{"id": "t%d", "name": "T", "kind": "alliance", "parties": ["JPN", "USA"],'
           ' "obligations": [{"kind": "defense"}], "in_force": "1990", "sources": ["s"]},')
    parts, total, i = [], 0, 0
    while total < size:
        t = one % i
        parts.append(t)
        total += len(t)
        i += 1
    return json.dumps({"format": "alliance-graph/1", "sources": [{"id": "s", "title": "t"}],
                       "countries": [{"id": "JPN", "name": "Japan"}, {"id": "USA", "name": "US"}]})[:-1] + \
        ', "treaties": [' + "".join(parts).rstrip(",") + "]}"


def atop_rows(size):
    """ATOP member rows, every one a new two-member alliance: the importer's size limit."""
    rows, total, i = [ATOP_HEADER], len(ATOP_HEADER), 1
    while total < size:
        pair = f"{i},2,1950,1,1,0,0,0,1,1,0,0,0,0\n{i},20,1950,1,1,0,0,0,1,1,0,0,0,0\n"
        rows.append(pair)
        total += len(pair)
        i += 1
    return "".join(rows)


def atop_duplicates(size):
    """One row repeated: reported once as repeated, read once."""
    row = "1,2,1950,1,1,0,0,0,1,1,0,0,0,0\n"
    return ATOP_HEADER + "1,20,1950,1,1,0,0,0,1,1,0,0,0,0\n" + row * max(1, (size - len(ATOP_HEADER)) // len(row))


def nested(size):
    """Brackets nested as deep as the file is long."""
    half = size // 2
    return '{"format": "alliance-graph/1", "countries": ' + "[" * half + "]" * half + "}"


KINDS = [
    ("a million invalid records", bad_records, "json", ["check", "{f}"]),
    ("one name as long as the file, then a typo", long_name, "json", ["--data", "{f}", "allies", "Japn"]),
    ("two-party treaties between one pair", same_pair_treaties, "json", ["--data", "{f}", "--as-of", "2000", "blocs"]),
    ("ATOP rows, a new alliance each", atop_rows, "csv", ["--atop", "{f}", "table", "state-year", "-o", "{out}"]),
    ("one ATOP row repeated", atop_duplicates, "csv", ["--atop", "{f}", "table", "state-year", "-o", "{out}"]),
    ("brackets nested the file deep", nested, "json", ["check", "{f}"]),
]


def measure(args):
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %e", BIN, *args], capture_output=True, text=True)
    *said, stats = proc.stderr.strip().split("\n")
    rss_kb, seconds = stats.split()
    first = (proc.stdout.strip().split("\n") + said)[0] if (proc.stdout.strip() or said) else ""
    if not first and said:
        first = said[0]
    return proc.returncode, int(rss_kb) / 1024, float(seconds), (said[0] if said else proc.stdout.strip().split("\n")[0])[:90]


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [1, 10, 100]
    print("| input | size | exit | peak memory | time | what it said (first line) |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, ext, args in KINDS:
            for mb in sizes:
                path = os.path.join(tmp, f"input.{ext}")
                with open(path, "w") as f:
                    f.write(make(mb * 1_000_000))
                real = os.path.getsize(path) / 1e6
                out = os.path.join(tmp, "out.csv")
                code, rss, secs, said = measure([a.format(f=path, out=out) for a in args])
                print(f"| {name} | {real:.0f} MB | {code} | {rss:.0f} MB | {secs:.2f} s | {said.replace('|', '/')} |", flush=True)
                os.remove(path)


if __name__ == "__main__":
    main()
