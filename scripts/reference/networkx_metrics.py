#!/usr/bin/python3
"""Reference implementation of Territory's network analysis, with networkx (and igraph
as a cross-check).

    /usr/bin/python3 scripts/reference/networkx_metrics.py MODEL > MODEL.expected.json

MODEL is one `.territory` file or a folder of them (searched recursively). The script
prints, as JSON with sorted keys, the figures of /work/shared/spec/analysis.md that
networkx can compute, so that the TypeScript analysis can be tested against an
independent implementation. It has its own small parser (regular expressions over the
canonical layout: one statement per line, one property per line in `{ … }` blocks) and
reads only what the graphs need: actors and their `zone`, relations, ties.

See scripts/reference/README.md. Unit tests never run this script: they read the
*.expected.json files it produced.
"""

import json
import math
import os
import re
import statistics
import sys
import unicodedata

import igraph
import networkx as nx

# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------

# Built-in prelude (territory-language.md, "Built-in prelude"): name -> (direction, polarity)
PRELUDE_RELATIONS = {
    "collaboration": ("mutual", "positive"),
    "trust": ("mutual", "positive"),
    "information": ("directed", "positive"),
    "advice": ("directed", "positive"),
    "funding": ("directed", "positive"),
    "authority": ("directed", "neutral"),
    "influence": ("directed", "neutral"),
    "membership": ("directed", "neutral"),
    "conflict": ("mutual", "negative"),
    "rejection": ("directed", "negative"),
}


def _marks_class():
    """A regex character class body with every combining mark (Mn, Mc, Me): Python's
    `\\w` does not match them, and the language allows them in names (`جَمعية`)."""
    ranges, start, prev = [], None, None
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me"):
            if start is None:
                start = cp
            elif cp != prev + 1:
                ranges.append((start, prev))
                start = cp
            prev = cp
    ranges.append((start, prev))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# Identifier: a letter or `_`, then letters, combining marks, digits or `_`.
NAME = rf"(?:[^\W\d]|_)[\w{_marks_class()}]*"
STR = r'""'  # every string literal is replaced by "" before the line regexes run

RE_ACTOR = re.compile(rf"^actor\s+({NAME})(?:\s*{STR})?\s*(\{{)?$")
RE_ACTOR_ZONE = re.compile(rf"^zone\s+({NAME})$")
RE_RELATION = re.compile(rf"^relation\s+({NAME})(?:\s*{STR})?((?:\s+[a-z]+)*)\s*(\{{)?$")
RE_TIE = re.compile(
    rf"^tie\s+({NAME})\s*(->|--)\s*({NAME})\s+({NAME})(?:\s+(\d+))?(?:\s*{STR})?$"
)
RE_OPENER = re.compile(r"^([A-Za-z]+)\b")


def strip_comments_and_strings(text):
    """Remove `//` and `/* */` comments and replace every string literal ("…" with
    escapes, and \"\"\"…\"\"\" over several lines) by `""`, so that what strings
    contain (braces, comment marks, quotes, line breaks) cannot confuse the line
    regexes."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith('"""', i):
            end = text.find('"""', i + 3)
            if end < 0:
                raise SyntaxError("unterminated \"\"\" string")
            out.append('""')
            i = end + 3
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                if text[j] == "\n":
                    raise SyntaxError("unterminated string")
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise SyntaxError("unterminated /* comment")
            out.append(" " + "\n" * text.count("\n", i, end))
            i = end + 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def statements(text):
    """Logical lines of a file: comments and strings stripped, `;` and braces put on
    lines of their own (so `actor X { zone Z }` also works), blank lines dropped."""
    text = strip_comments_and_strings(text)
    text = text.replace(";", "\n").replace("{", "{\n").replace("}", "\n}\n")
    for line in text.split("\n"):
        line = line.strip()
        if line:
            yield line


def model_files(path):
    if os.path.isfile(path):
        return [path]
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in ("node_modules", ".git"))
        found += [os.path.join(root, f) for f in files if f.endswith(".territory")]
    return sorted(found)


def nfc(name):
    return unicodedata.normalize("NFC", name)


def parse_model(path):
    """Returns (actors, relations, ties):
    actors: {name: zone or None}; relations: {name: (direction, polarity)} with the
    prelude; ties: [(source, arrow, target, relation, weight)] in file order."""
    actors, relations, ties = {}, dict(PRELUDE_RELATIONS), []
    files = model_files(path)
    if not files:
        raise SystemExit(f"no .territory file under {path}")
    for file in files:
        with open(file, encoding="utf-8") as f:
            text = unicodedata.normalize("NFC", f.read())
        stack = []  # open blocks: ("actor", name) or (keyword, None)
        for line in statements(text):
            if line == "}":
                if not stack:
                    raise SyntaxError(f"{file}: unbalanced }}")
                stack.pop()
                continue
            opens = line.endswith("{")
            if not stack:
                m = RE_ACTOR.match(line)
                if m:
                    name = nfc(m.group(1))
                    if name in actors:
                        raise SyntaxError(f"{file}: actor {name} declared twice")
                    actors[name] = None
                    if opens:
                        stack.append(("actor", name))
                    continue
                m = RE_RELATION.match(line)
                if m:
                    name, words = nfc(m.group(1)), m.group(2).split()
                    direction = next((w for w in words if w in ("directed", "mutual")), "mutual")
                    polarity = next(
                        (w for w in words if w in ("positive", "neutral", "negative")), "positive"
                    )
                    if set(words) - {"directed", "mutual", "positive", "neutral", "negative"}:
                        raise SyntaxError(f"{file}: cannot read relation line: {line}")
                    if name in relations:
                        raise SyntaxError(f"{file}: relation {name} declared twice")
                    relations[name] = (direction, polarity)
                    if opens:
                        stack.append(("relation", None))
                    continue
                m = RE_TIE.match(line)
                if m:
                    a, arrow, b, rel, w = m.groups()
                    ties.append((nfc(a), arrow, nfc(b), nfc(rel), int(w) if w else 1))
                    continue
                if line.startswith("tie") and re.match(r"^tie\b", line):
                    raise SyntaxError(f"{file}: cannot read tie line: {line}")
            elif stack[-1][0] == "actor":
                m = RE_ACTOR_ZONE.match(line)
                if m:
                    actors[stack[-1][1]] = nfc(m.group(1))
                    continue
            if opens:
                k = RE_OPENER.match(line)
                stack.append((k.group(1) if k else "?", None))
        if stack:
            raise SyntaxError(f"{file}: unclosed block {stack[-1]}")
    for a, _, b, rel, _ in ties:
        for x in (a, b):
            if x not in actors:
                raise SystemExit(f"tie names an unknown actor: {x}")
        if rel not in relations:
            raise SystemExit(f"tie names an unknown relation: {rel}")
    return actors, relations, ties


# --------------------------------------------------------------------------------------
# The graphs (analysis.md, "The graphs"). The direction of a tie is the arrow written
# (`->` one way, `--` both ways), never the relation's declared direction. Self-ties
# (an error for the checker) are skipped everywhere.
# --------------------------------------------------------------------------------------


def polarity(relations, tie):
    return relations[tie[3]][1]


def build_G(actors, relations, ties):
    """"G, the sociogram: undirected, simple, unweighted for path metrics. Nodes: every
    actor (isolated ones too). An edge {a, b} exists when at least one tie of positive or
    neutral polarity joins a and b, in either direction. Its weight (for strength and
    Louvain) is the sum of the weights of all such ties between a and b."
    "Negative ties never enter G or D." """
    G = nx.Graph()
    G.add_nodes_from(sorted(actors))
    for t in ties:
        a, _, b, _, w = t
        if a == b or polarity(relations, t) == "negative":
            continue
        if G.has_edge(a, b):
            G[a][b]["weight"] += w
        else:
            G.add_edge(a, b, weight=w)
    return G


def build_D(actors, relations, ties):
    """"D, the directed sociogram: arcs a→b for each positive or neutral tie written
    `a -> b`, both arcs for one written `a -- b`; parallel ties merge, weights summed."
    Nodes: every actor (the spec does not say; needed for a PageRank of every actor, and
    isolates then act as dangling nodes)."""
    D = nx.DiGraph()
    D.add_nodes_from(sorted(actors))
    for t in ties:
        a, arrow, b, _, w = t
        if a == b or polarity(relations, t) == "negative":
            continue
        for u, v in [(a, b), (b, a)] if arrow == "--" else [(a, b)]:
            if D.has_edge(u, v):
                D[u][v]["weight"] += w
            else:
                D.add_edge(u, v, weight=w)
    return D


def build_S(actors, relations, ties):
    """"S, the signed graph: a pair is negative if any negative tie joins it, else
    positive if any positive tie joins it; neutral-only pairs are not in S."
    Returned as an undirected nx.Graph with edge attribute sign = +1 / -1."""
    negative, positive = set(), set()
    for t in ties:
        a, _, b, _, _ = t
        if a == b:
            continue
        p = polarity(relations, t)
        if p == "negative":
            negative.add(frozenset((a, b)))
        elif p == "positive":
            positive.add(frozenset((a, b)))
    S = nx.Graph()
    S.add_nodes_from(sorted(actors))
    for pair in negative:
        S.add_edge(*sorted(pair), sign=-1)
    for pair in positive - negative:
        S.add_edge(*sorted(pair), sign=+1)
    return S


# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------


def balance(S):
    """Share of S's triangles whose sign product is positive; None with no triangle."""
    total = balanced = 0
    order = {v: i for i, v in enumerate(sorted(S))}
    for u, v in S.edges():
        if order[u] > order[v]:
            u, v = v, u
        for w in set(S[u]) & set(S[v]):
            if order[w] > order[v]:
                total += 1
                if S[u][v]["sign"] * S[u][w]["sign"] * S[v][w]["sign"] > 0:
                    balanced += 1
    return balanced / total if total else None


def degree_centralization(G):
    """Freeman: sum(max deg - deg) / ((n-1)(n-2)) on G; None for n < 3."""
    n = G.number_of_nodes()
    if n < 3:
        return None
    degrees = [d for _, d in G.degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def strengths(actors, relations, ties):
    """Sum of the weights of the positive/neutral tie statements touching a, each tie
    once (computed from the statements, not from G, as an independent check)."""
    s = {a: 0 for a in actors}
    for t in ties:
        a, _, b, _, w = t
        if a == b or polarity(relations, t) == "negative":
            continue
        s[a] += w
        s[b] += w
    return s


def igraph_of(G, directed=False):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), directed=directed)
    g.add_edges([(index[u], index[v]) for u, v in G.edges()])
    g.es["weight"] = [G[u][v]["weight"] for u, v in G.edges()]
    return nodes, g


def eigenvector(G):
    """networkx eigenvector centrality, cross-checked with igraph (ARPACK). On a
    connected graph they must agree to 1e-4 (else the script fails); on a disconnected
    one the eigenvector is not unique and the difference is only reported."""
    x = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10)
    nodes, g = igraph_of(G)
    connected = nx.is_connected(G) if len(G) else False
    if g.ecount() == 0:
        return x, None, connected
    y = g.eigenvector_centrality(scale=False, weights=None)
    norm = math.sqrt(sum(v * v for v in y)) or 1
    sign = -1 if sum(y) < 0 else 1
    y = {v: sign * y[i] / norm for i, v in enumerate(nodes)}
    diff = max(abs(x[v] - y[v]) for v in nodes)
    if connected and diff > 1e-4:
        raise SystemExit(f"eigenvector: networkx and igraph differ by {diff}")
    return x, diff, connected


def pagerank(D):
    x = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    nodes, g = igraph_of(D, directed=True)
    y = g.pagerank(damping=0.85, weights="weight" if g.ecount() else None, directed=True)
    diff = max(abs(x[v] - y[i]) for i, v in enumerate(nodes))
    if diff > 1e-9:
        raise SystemExit(f"pagerank: networkx and igraph differ by {diff}")
    return x, diff


def modularity_by_zone(G, actors):
    """Modularity of the fixed partition "actors grouped by their zone" (actors with no
    zone together), weighted; None when G has no edge (modularity undefined)."""
    groups = {}
    for a in sorted(actors):
        groups.setdefault(actors[a] or "", set()).add(a)
    parts = [groups[k] for k in sorted(groups)]
    if G.number_of_edges() == 0:
        return None, parts
    return nx.community.modularity(G, parts, weight="weight"), parts


def zscores(values):
    """Population z-scores; 0 where the standard deviation is 0."""
    mean = statistics.fmean(values)
    sd = statistics.pstdev(values)
    return [(v - mean) / sd if sd > 0 else 0.0 for v in values]


def sociometric_status(actors, relations, ties):
    """analysis.md, "Sociometric status": LM(a) = distinct actors with a positive tie
    towards a (a `--` tie counts both ways); LL(a) = the same with negative ties; z-scores
    over all actors; SP = zLM - zLL, SI = zLM + zLL, standardised again; first match
    wins."""
    liked = {a: set() for a in actors}
    rejected = {a: set() for a in actors}
    for t in ties:
        a, arrow, b, _, _ = t
        if a == b:
            continue
        target = {"positive": liked, "negative": rejected}.get(polarity(relations, t))
        if target is None:
            continue
        target[b].add(a)
        if arrow == "--":
            target[a].add(b)
    names = sorted(actors)
    LM = [len(liked[a]) for a in names]
    LL = [len(rejected[a]) for a in names]
    zLM, zLL = zscores(LM), zscores(LL)
    zSP = zscores([m - l for m, l in zip(zLM, zLL)])
    zSI = zscores([m + l for m, l in zip(zLM, zLL)])
    result, near = {}, []
    for i, a in enumerate(names):
        lm, ll, sp, si = zLM[i], zLL[i], zSP[i], zSI[i]
        if sp > 1 and lm > 0 and ll < 0:
            c = "popular"
        elif sp < -1 and ll > 0 and lm < 0:
            c = "rejected"
        elif si < -1 and lm < 0 and ll < 0:
            c = "neglected"
        elif si > 1 and lm > 0 and ll > 0:
            c = "controversial"
        elif abs(sp) < 0.5:
            c = "average"
        else:
            c = "unclassified"
        for z, limits in ((lm, (0,)), (ll, (0,)), (sp, (1, -1, 0.5, -0.5)), (si, (1, -1))):
            if z != 0 and any(abs(z - t) < 1e-9 for t in limits):
                near.append(a)
        result[a] = {
            "LM": LM[i], "LL": LL[i], "zLM": lm, "zLL": ll, "zSP": sp, "zSI": si, "class": c,
        }
    if near:
        print(f"warning: status z-scores within 1e-9 of a threshold for {sorted(set(near))}",
              file=sys.stderr)
    return result


def finite_or_none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def analyse(path):
    actors, relations, ties = parse_model(path)
    G = build_G(actors, relations, ties)
    D = build_D(actors, relations, ties)
    S = build_S(actors, relations, ties)
    n = len(actors)

    betweenness = nx.betweenness_centrality(G, normalized=True)
    closeness = nx.closeness_centrality(G)
    pr, pr_diff = pagerank(D)
    eig, eig_diff, connected = eigenvector(G)
    clustering = nx.clustering(G)
    constraint = nx.constraint(G)
    strength = strengths(actors, relations, ties)
    assert strength == dict(G.degree(weight="weight")), "strength != weighted degree of G"
    modularity, parts = modularity_by_zone(G, actors)
    # On stderr only: igraph's ARPACK start vector is random, so the last digits of the
    # eigenvector difference change from run to run (the JSON must not).
    print(f"cross-check with igraph: G {'connected' if connected else 'disconnected'}, "
          f"eigenvector max |nx - igraph| = {eig_diff if eig_diff is None else f'{eig_diff:.1e}'}, "
          f"pagerank max |nx - igraph| = {pr_diff:.1e}", file=sys.stderr)

    network = {
        "actors": n,
        "ties": len(ties),
        "density": nx.density(G),
        "components": nx.number_connected_components(G),
        "isolates": sorted(nx.isolates(G)),
        "averageClustering": nx.average_clustering(G) if n else None,
        "reciprocity": nx.reciprocity(D) if D.number_of_edges() else None,
        "balance": balance(S),
        "degreeCentralization": degree_centralization(G),
    }
    per_actor = {
        a: {
            "degree": G.degree(a),
            "inDegree": D.in_degree(a),
            "outDegree": D.out_degree(a),
            "strength": strength[a],
            "betweenness": betweenness[a],
            "closeness": closeness[a],
            "pagerank": float(pr[a]),
            "eigenvector": eig[a],
            "clustering": clustering[a],
            "constraint": finite_or_none(constraint[a]),
        }
        for a in sorted(actors)
    }
    return {
        "reference": {"networkx": nx.__version__, "igraph": igraph.__version__},
        "network": network,
        "actors": per_actor,
        "modularityByZone": modularity,
        "zones": [sorted(p) for p in parts],
        "status": sociometric_status(actors, relations, ties),
        # The graphs themselves, so that a test can compare the construction first.
        "graphs": {
            "G": sorted(sorted([u, v]) + [d["weight"]] for u, v, d in G.edges(data=True)),
            "D": sorted([u, v, d["weight"]] for u, v, d in D.edges(data=True)),
            "S": sorted(sorted([u, v]) + [d["sign"]] for u, v, d in S.edges(data=True)),
        },
    }


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    result = analyse(argv[1])
    print(json.dumps(result, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
