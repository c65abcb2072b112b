#!/usr/bin/env python3
"""networkx's answers for the network measures of issue 19, to check ours against.

    network_peer.py DDYR.csv SYSTEM2016.csv OUT.csv YEAR...

For each year, the states of COW's system (years after the file's last carry its last year's
members forward) and two undirected graphs from the directed dyad-years (the crate's
`table dyad-year --directed`): defense (an edge where either owes the other defense) and any
obligation. Each measure is networkx's own function; the columns are the crate's
`table network` columns, a bloc named by its smallest COW code.
"""
import sys

import networkx as nx
import pandas as pd


def measures(G, codes):
    n = G.number_of_nodes()
    try:
        eig = nx.eigenvector_centrality(G, max_iter=100, tol=1e-6)
    except nx.PowerIterationFailedConvergence:
        eig = {v: float("nan") for v in G}  # ours: NA, the same failure
    btw = nx.betweenness_centrality(G, normalized=True, endpoints=False)
    deg_c = nx.degree_centrality(G) if n > 1 else {v: 1.0 for v in G}
    clu = nx.clustering(G)
    core = nx.core_number(G)
    bloc = {}
    for comp in nx.connected_components(G):
        name = min(comp)
        for v in comp:
            bloc[v] = (name, len(comp))
    community = {}
    for comp in nx.community.greedy_modularity_communities(G):
        for v in comp:
            community[v] = min(comp)
    return {v: (G.degree(v), deg_c[v], eig[v], btw[v], clu[v], core[v], *bloc[v], community[v]) for v in codes}


def main(ddyr_path, system_path, out_path, *years):
    ddyr = pd.read_csv(ddyr_path)
    system = pd.read_csv(system_path, usecols=["ccode", "year"])
    end = system.year.max()
    rows = []
    for year in map(int, years):
        codes = sorted(system.loc[system.year == min(year, end), "ccode"].unique())
        member = set(codes)
        d = ddyr[(ddyr.year == year) & ddyr.stateA.isin(member) & ddyr.stateB.isin(member)]
        counts = {}
        for kind in ["defense", "offense", "neutral", "nonagg", "consul"]:
            pairs = {frozenset(p) for p in zip(d.stateA[d[kind] == 1], d.stateB[d[kind] == 1])}
            counts[kind] = {c: sum(1 for p in pairs if c in p) for c in codes}
        layers = []
        for kinds in (["defense"], ["defense", "offense", "neutral", "nonagg", "consul"]):
            G = nx.Graph()
            G.add_nodes_from(codes)
            mask = d[kinds].any(axis=1)
            G.add_edges_from(zip(d.stateA[mask], d.stateB[mask]))
            layers.append(measures(G, codes))
        for c in codes:
            rows.append([c, year] + [counts[k][c] for k in ["defense", "offense", "neutral", "nonagg", "consul"]]
                        + list(layers[0][c]) + list(layers[1][c]))
    columns = ["ccode", "year", "defense_allies", "offense_allies", "neutral_allies", "nonagg_allies", "consul_allies"]
    for p in ["def", "any"]:
        columns += [f"{p}_{m}" for m in ["degree", "degree_centrality", "eigenvector", "betweenness", "clustering", "core", "bloc", "bloc_size", "community"]]
    pd.DataFrame(rows, columns=columns).to_csv(out_path, index=False, na_rep="NA", lineterminator="\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
