#!/usr/bin/env python3
"""Times betweenness and closeness with networkx and igraph on the sociogram of a
`territory export --format json` file: undirected, simple, unweighted, positive and
neutral ties only (the graph G of scripts/reference/networkx_metrics.py and of
docs/metrics.md). Prints one JSON object. Usage: reference.py EXPORT.json [--skip-networkx]"""
import json
import sys
import time


def main():
    path = sys.argv[1]
    skip_networkx = "--skip-networkx" in sys.argv
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    nodes = sorted(node["key"] for node in data["nodes"])
    edges = set()
    for edge in data["edges"]:
        a, b = edge["source"], edge["target"]
        if a == b or edge["attributes"].get("polarity") == "negative":
            continue
        edges.add((a, b) if a < b else (b, a))
    edges = sorted(edges)
    out = {"nodes": len(nodes), "edges": len(edges)}

    import igraph
    index = {name: i for i, name in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges], directed=False)
    t = time.perf_counter()
    g.betweenness(directed=False)
    out["igraph_betweenness_s"] = time.perf_counter() - t
    t = time.perf_counter()
    g.closeness()
    out["igraph_closeness_s"] = time.perf_counter() - t
    out["igraph_version"] = igraph.__version__

    if not skip_networkx:
        import networkx as nx
        G = nx.Graph()
        G.add_nodes_from(nodes)
        G.add_edges_from(edges)
        t = time.perf_counter()
        nx.betweenness_centrality(G, normalized=True)
        out["networkx_betweenness_s"] = time.perf_counter() - t
        t = time.perf_counter()
        nx.closeness_centrality(G)
        out["networkx_closeness_s"] = time.perf_counter() - t
        out["networkx_version"] = nx.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
