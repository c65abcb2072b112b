#!/usr/bin/env python3
"""The similarity table's peer: the FPSIM alliance measures for every dyad-year, vectorised
with numpy and written with pandas, as a skilled user would write them. Written from the
published formulas (see src/measures/similarity.rs for the references), sharing no code with
the crate.

    similarity_peer.py DDYR.csv SYSTEM2016.csv FROM TO OUT.csv [pandas|arrow]

The last argument picks the CSV writer: pandas's `to_csv` (the usual way, the default) or
pyarrow's multi-threaded `pyarrow.csv.write_csv` (the fast way a skilled user reaches for
when the CSV is large); undefined values are `NA` with pandas and empty cells with pyarrow.

DDYR.csv is a directed dyad-year table with the columns stateA,stateB,year,defense,offense,
neutral,nonagg,consul (the crate's `table dyad-year --directed`, which has the row count of
ATOP's atop5_1ddyr). SYSTEM2016.csv is COW's state-year list; years after its last (2016)
carry its last year's members forward, as peacesciencer's state panels do. Prints
{"seconds": ...} (the whole run, reading and writing included) on stdout.

Per year, the n x n portfolio matrix L (L[i, j] = what i owes j, 3 on the diagonal) is
one-hot encoded per level; the 4 x 4 cross-tables of every pair of portfolios come from 16
matrix products (C[a, b] = (L == a) @ (L == b).T), and every measure is array arithmetic on
them: no Python loop over pairs or positions.
"""
import sys
import time

import numpy as np
import pandas as pd

COLUMNS = ["sallyvs", "sallyva", "sallybs", "sallyba", "pallyv", "pallyb", "kallyv", "kallyb", "taub"]


def measures(C):
    """Every measure from cross-tables C of shape (k, k, n, n); k = 4 (valued) or 2 (binary)."""
    k = C.shape[0]
    n = C.sum(axis=(0, 1))
    levels = np.arange(k)
    dist = np.abs(levels[:, None] - levels[None, :]).astype(float)
    width = k - 1
    s_sq = 1 - 2 * np.einsum("ab,abij->ij", dist**2, C) / (n * width**2)
    s_abs = 1 - 2 * np.einsum("ab,abij->ij", dist, C) / (n * width)
    rows = C.sum(axis=1)  # (k, n, n): the first portfolio's counts per level
    cols = C.sum(axis=0)
    po = np.einsum("aaij->ij", C) / n
    pe = (((rows + cols) / (2 * n)) ** 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        pi = (po - pe) / (1 - pe)
    # Cohen's weighted kappa, psych's quadratic weights over the categories the pair uses.
    used = (rows + cols) > 0
    rank = np.cumsum(used, axis=0) - 1
    steps = used.sum(axis=0) - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        d = (rank[:, None] - rank[None, :]) / steps
        w = 1 - d**2
        w = np.where(used[:, None] & used[None, :], w, 0.0)
        o = C / n
        e = (rows[:, None] / n) * (cols[None, :] / n)
        wo = (w * o).sum(axis=(0, 1))
        we = (w * e).sum(axis=(0, 1))
        kappa = np.where(steps >= 1, (wo - we) / (1 - we), np.nan)
    # Kendall's tau-b from the cross-table.
    conc = np.zeros_like(n, dtype=float)
    disc = np.zeros_like(n, dtype=float)
    for a in range(k):
        for b in range(k):
            conc += C[a, b] * C[a + 1 :, b + 1 :].sum(axis=(0, 1))
            disc += C[a, b] * C[a + 1 :, :b].sum(axis=(0, 1))
    n0 = n * (n - 1) / 2
    n1 = (rows * (rows - 1) / 2).sum(axis=0)
    n2 = (cols * (cols - 1) / 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        tau = (conc - disc) / np.sqrt((n0 - n1) * (n0 - n2))
    fix = lambda x: np.where(np.isfinite(x), x, np.nan)
    return s_sq, s_abs, fix(pi), fix(kappa), fix(tau)


def main(ddyr_path, system_path, first, last, out_path, writer="pandas"):
    started = time.perf_counter()
    first, last = int(first), int(last)
    ddyr = pd.read_csv(ddyr_path, usecols=["stateA", "stateB", "year", "defense", "offense", "neutral", "nonagg", "consul"])
    ddyr = ddyr[(ddyr.year >= first) & (ddyr.year <= last)]
    level = np.select(
        [(ddyr.defense == 1) | (ddyr.offense == 1), (ddyr.neutral == 1) | (ddyr.consul == 1), ddyr.nonagg == 1],
        [3, 2, 1],
        0,
    )
    ddyr = ddyr.assign(level=level)
    system = pd.read_csv(system_path, usecols=["ccode", "year"])
    end = system.year.max()
    carried = [system[system.year == end].assign(year=y) for y in range(end + 1, last + 1)]
    system = pd.concat([system, *carried])
    frames = []
    for year in range(first, last + 1):
        codes = np.sort(system.loc[system.year == year, "ccode"].unique())
        if len(codes) == 0:
            continue
        n = len(codes)
        L = np.zeros((n, n), dtype=np.int8)
        dy = ddyr[ddyr.year == year]
        ia = np.searchsorted(codes, dy.stateA.to_numpy())
        ib = np.searchsorted(codes, dy.stateB.to_numpy())
        keep = (ia < n) & (ib < n)
        keep &= codes[np.minimum(ia, n - 1)] == dy.stateA.to_numpy()
        keep &= codes[np.minimum(ib, n - 1)] == dy.stateB.to_numpy()
        L[ia[keep], ib[keep]] = dy.level.to_numpy()[keep]
        np.fill_diagonal(L, 3)
        onehot = np.stack([(L == a).astype(float) for a in range(4)])
        C = np.einsum("aik,bjk->abij", onehot, onehot)
        Cb = np.stack([
            np.stack([C[0, 0], C[0, 1:].sum(axis=0)]),
            np.stack([C[1:, 0].sum(axis=0), C[1:, 1:].sum(axis=(0, 1))]),
        ])
        vs, va, pv, kv, tb = measures(C)
        bs, ba, pb, kb, _ = measures(Cb)
        i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        frames.append(pd.DataFrame({
            "ccode1": codes[i.ravel()], "ccode2": codes[j.ravel()], "year": year,
            "sallyvs": vs.ravel(), "sallyva": va.ravel(), "sallybs": bs.ravel(), "sallyba": ba.ravel(),
            "pallyv": pv.ravel(), "pallyb": pb.ravel(), "kallyv": kv.ravel(), "kallyb": kb.ravel(),
            "taub": tb.ravel(),
        }))
    table = pd.concat(frames, ignore_index=True)
    computed = time.perf_counter()
    if writer == "arrow":
        import pyarrow as pa
        import pyarrow.csv as pacsv

        pacsv.write_csv(pa.Table.from_pandas(table, preserve_index=False), out_path)
    else:
        table.to_csv(out_path, index=False, na_rep="NA", lineterminator="\n")
    done = time.perf_counter()
    print('{"seconds": %.6f, "compute": %.6f, "write": %.6f, "rows": %d}'
          % (done - started, computed - started, done - computed, len(table)))


if __name__ == "__main__":
    main(*sys.argv[1:])
