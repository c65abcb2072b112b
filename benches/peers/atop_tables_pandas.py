#!/usr/bin/env python3
"""Derive ATOP 5.1 state-year and directed dyad-year tables from the member file (pandas).

Benchmark peer for alliance-graph, written the way a skilled pandas user would: every step a
vectorised pandas operation (repeat, group-by aggregates, merges, pivots, string methods), no
Python loop or lambda over rows or groups.

Usage
-----
    python atop_tables_pandas.py MEMBER_CSV OUT_CSV                 # state-year table
    python atop_tables_pandas.py MEMBER_CSV OUT_CSV --dyad          # directed dyad-year table
    options: --last-year 2018   year that yrexit == 0 ("still in force") runs to
             --keep-non-cow     keep member codes >= 1000 (ATOP 5.1: only 8152 Annam),
                                which ATOP's own state-year file leaves out
             --year-level       (with --dyad) year-level co-membership, no day-level check

Needs pandas (tested with pandas 3.1.1, Python 3).

Claim (tested): the state-year output is byte-identical to the published ATOP 5.1 file,
so it matches it cell for cell (11923 rows x 70 columns):

    python atop_tables_pandas.py atop5_1m.csv /tmp/sy.csv && cmp /tmp/sy.csv atop5_1sy.csv

Rules (see notes/atop-rules.md for the evidence):
  1. A member row counts for every year yrent..yrexit inclusive; yrexit == 0 means in force
     through --last-year (2018).
  2. Member codes that are not COW codes (>= 1000; only 8152 in 5.1) are dropped.
  3. Phases: when two phase rows of the same (atopid, member) both cover a year (the year of
     the phase change), the later phase (higher `phase`) alone counts for that year.
  4. State-year rows: exactly the (state, year) pairs with at least one alliance after rules
     1-3, so atopally is always 1. No rows for COW system years without alliances, and rows
     do appear for years outside COW system membership.
  5. defense..consul = max over the state's alliances that year; number = count of distinct
     atopids; atopid1..atopidK = those atopids ascending, then empty cells; K = max number (59).
  6. transyr = 1 iff some member row of the state (any phase, before rule 3) has
     yrent == year or yrexit == year; else 0.
  7. version copied from the member file; rows sorted by state, year; CRLF line endings.

Directed dyad-year table (--dyad): columns
    stateA, stateB, year, defense, offense, neutral, nonagg, consul, number, atopids
  D1. (A, B, year) is a row iff A != B and, in some alliance, a member row of A and a member row
      of B overlap for a positive time at day precision: max(entries) < min(exits), where an
      unknown day counts as day 1 on entry and day 31 on exit and yrexit == 0 means 31 Dec of
      --last-year. Every calendar year touched by that overlap counts. So a spell that ends on
      the day another starts (German unification 3 Oct 1990, Yemen 22 May 1990) makes no dyad.
      With rule 2 this gives 273296 rows for ATOP 5.1, the row count of ATOP's own
      atop5_1ddyr file (not available here to compare cell by cell).
  D2. defense..consul = 1 iff, in at least one such alliance, A's own member row has that
      obligation = 1, taking A's latest phase among A's rows that overlap B in that year.
      ATOP codes obligations per member, so this reads "A undertook the obligation in an
      alliance shared with B". In bilateral asymmetric alliances that is exactly A -> B
      (atopid 3375, USA-Japan 1960: 2 -> 740 defense = 1, 740 -> 2 defense = 0). In
      multilateral asymmetric alliances the member file does not say to which members A's
      obligation runs; this table assumes all co-members (an upper bound).
  D3. number = count of distinct shared atopids; atopids = those ids ascending joined by ';'.
      Sorted by stateA, stateB, year; CRLF line endings.
  --year-level instead makes (A, B, year) a row whenever both have a member row covering the
  year (rules 1-3, no day check; 273310 rows, 14 more) and takes A's phase in force at the
  end of the year (rule 3).
"""
import argparse
import sys

import pandas as pd

OBLIG = ["defense", "offense", "neutral", "nonagg", "consul"]


def member_years(members: pd.DataFrame, last_year: int, keep_non_cow: bool) -> pd.DataFrame:
    """One row per (atopid, member, year) with the obligations of the phase in force (rules 1-3)."""
    m = members if keep_non_cow else members[members["member"] < 1000]
    end = m["yrexit"].where(m["yrexit"] != 0, last_year)
    n = (end - m["yrent"] + 1).clip(lower=0)
    x = m.loc[m.index.repeat(n), ["atopid", "member", "phase", "yrent"] + OBLIG]
    x["year"] = x["yrent"] + x.groupby(level=0).cumcount()
    x = x.sort_values(["atopid", "member", "year", "phase"])
    x = x.drop_duplicates(["atopid", "member", "year"], keep="last")
    return x.drop(columns=["yrent", "phase"]).reset_index(drop=True)


def state_year(members: pd.DataFrame, last_year: int, keep_non_cow: bool) -> pd.DataFrame:
    my = member_years(members, last_year, keep_non_cow)
    # One row per (state, year, atopid): a state's phases of one alliance are one alliance.
    ids = my[["member", "year", "atopid"]].drop_duplicates().sort_values(["member", "year", "atopid"])
    g = my.groupby(["member", "year"], sort=True)
    sy = g[OBLIG].max()
    sy["number"] = ids.groupby(["member", "year"], sort=True).size()
    sy = sy.reset_index().rename(columns={"member": "state"})
    sy.insert(2, "atopally", 1)

    # transyr: a member row of the state starts or ends that year (phase rows included)
    m = members if keep_non_cow else members[members["member"] < 1000]
    tr = pd.concat([
        m[["member", "yrent"]].set_axis(["state", "year"], axis=1),
        m.loc[m["yrexit"] != 0, ["member", "yrexit"]].set_axis(["state", "year"], axis=1),
    ]).drop_duplicates()
    tr["transyr"] = 1
    sy = sy.merge(tr, on=["state", "year"], how="left")
    sy["transyr"] = sy["transyr"].fillna(0).astype(int)

    # atopid1..atopidK: each state-year's ascending atopids spread into columns by their rank
    # (a pivot, no Python loop over rows); NA where a state-year has fewer.
    ids["k"] = ids.groupby(["member", "year"], sort=False).cumcount() + 1
    wide = ids.pivot(index=["member", "year"], columns="k", values="atopid").astype("Int64")
    width = wide.shape[1]
    idcols = [f"atopid{i}" for i in range(1, width + 1)]
    wide.columns = idcols
    sy = pd.concat([sy, wide.reset_index(drop=True)], axis=1)
    sy["version"] = members["version"].iloc[0]
    return sy[["state", "year", "atopally"] + OBLIG + ["number", "transyr"] + idcols + ["version"]]


def spells(members: pd.DataFrame, last_year: int, keep_non_cow: bool) -> pd.DataFrame:
    """Member rows as day-level spells [start, end] coded YYYYMMDD (unknown day: 1 / 31)."""
    m = members if keep_non_cow else members[members["member"] < 1000]
    start = m["yrent"] * 10000 + m["moent"] * 100 + m["dayent"].fillna(1).astype(int)
    end = m["yrexit"] * 10000 + m["moexit"] * 100 + m["dayexit"].fillna(31).astype(int)
    end = end.where(m["yrexit"] != 0, last_year * 10000 + 1231)
    return pd.concat([m[["atopid", "member", "phase"] + OBLIG],
                      start.rename("start"), end.rename("end")], axis=1)


def dyad_year(members: pd.DataFrame, last_year: int, keep_non_cow: bool,
              year_level: bool = False) -> pd.DataFrame:
    if year_level:
        # co-members in the same year, whatever the days; A's phase in force that year (rule 3)
        my = member_years(members, last_year, keep_non_cow)
        b = my[["atopid", "year", "member"]].rename(columns={"member": "stateB"})
        d = my.rename(columns={"member": "stateA"}).merge(b, on=["atopid", "year"])
    else:
        # ATOP ddyr rule: a member row of A and a member row of B in the same alliance overlap
        # for a positive time (overlap start < overlap end, so a spell ending on the day another
        # starts does not count); every calendar year touched by the overlap counts.
        sp = spells(members, last_year, keep_non_cow)
        pr = sp.merge(sp[["atopid", "member", "start", "end"]], on="atopid", suffixes=("", "B"))
        lo = pr[["start", "startB"]].max(axis=1)
        hi = pr[["end", "endB"]].min(axis=1)
        pr = pr.assign(y0=lo // 10000, y1=hi // 10000)[(lo < hi) & (pr["member"] != pr["memberB"])]
        d = pr.loc[pr.index.repeat(pr["y1"] - pr["y0"] + 1)]
        d = d.assign(year=d["y0"] + d.groupby(level=0).cumcount())
        d = d.rename(columns={"member": "stateA", "memberB": "stateB"})
        # A's obligations: A's latest phase among A's rows overlapping B in that year
        d = d.sort_values("phase").drop_duplicates(["atopid", "stateA", "stateB", "year"], keep="last")
    d = d[d["stateA"] != d["stateB"]]
    # (atopid, stateA, stateB, year) is unique now, so each atopid appears once per dyad-year
    d = d.sort_values(["stateA", "stateB", "year", "atopid"])
    keys = ["stateA", "stateB", "year"]
    g = d.groupby(keys, sort=True)
    out = g[OBLIG].max()
    out["number"] = g["atopid"].size()
    # atopids joined by ';': spread by rank into columns (a pivot), then joined column-wise by
    # pandas' string methods, not one Python join per group.
    k = g.cumcount()
    wide = d.assign(k=k).pivot(index=keys, columns="k", values="atopid")
    text = wide[0].astype("int64").astype(str)
    for c in wide.columns[1:]:
        more = wide[c].notna()
        text[more] = text[more] + ";" + wide.loc[more, c].astype("int64").astype(str)
    out["atopids"] = text
    return out.reset_index()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("member_csv")
    p.add_argument("out_csv")
    p.add_argument("--dyad", action="store_true", help="write the directed dyad-year table")
    p.add_argument("--last-year", type=int, default=2018)
    p.add_argument("--keep-non-cow", action="store_true")
    p.add_argument("--year-level", action="store_true",
                   help="dyads: co-membership in the same year suffices (no day-level overlap)")
    args = p.parse_args(argv)

    members = pd.read_csv(args.member_csv, dtype={"version": str})
    if args.dyad:
        out = dyad_year(members, args.last_year, args.keep_non_cow, args.year_level)
    else:
        out = state_year(members, args.last_year, args.keep_non_cow)
    out.to_csv(args.out_csv, index=False, lineterminator="\r\n")
    print(f"wrote {len(out)} rows x {out.shape[1]} columns to {args.out_csv}", file=sys.stderr)


if __name__ == "__main__":
    main()
