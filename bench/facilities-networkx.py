#!/usr/bin/env python3
"""The same multi-source search in networkx (python3-networkx): one type's sources, the same 1,125 m cutoff, on the graph
bench/Linli.Bench wrote (PREFIX.edges, PREFIX.sources). Prints seconds and nodes reached; the loading is not timed."""
import sys, time
import networkx as nx

prefix = sys.argv[1]
cutoff = float(sys.argv[2]) if len(sys.argv) > 2 else 1125.0
G = nx.Graph()
with open(prefix + ".edges") as f:
    for line in f:
        u, v, w = line.split()
        u, v, w = int(u), int(v), float(w)
        if G.has_edge(u, v) and G[u][v]["weight"] <= w:
            continue
        G.add_edge(u, v, weight=w)
sources = [int(x) for x in open(prefix + ".sources").read().split()]
sources = [s for s in sources if s in G]
start = time.perf_counter()
lengths = nx.multi_source_dijkstra_path_length(G, sources, cutoff=cutoff, weight="weight")
elapsed = time.perf_counter() - start
print(f"{elapsed} {len(lengths)}")
